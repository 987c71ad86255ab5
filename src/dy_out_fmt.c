/* dy_out_fmt.c - the field's formats of the event record: GDELT 2.0's event table and PLOVER JSON,
 * and the CAMEO to PLOVER table they need (data/cameo-plover.tsv). */
#include "dy_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the CAMEO to PLOVER table ---- */
typedef struct plover_row { char code[8]; char *event, *mode, *context; } plover_row;

struct dy_plover {
    plover_row *rows;
    size_t n;
    char *text;     /* the file; the rows point into it */
};

void dy_plover_destroy(dy_plover **pp)
{
    if (!pp || !*pp) return;
    free((*pp)->rows);
    free((*pp)->text);
    free(*pp);
    *pp = NULL;
}

static int by_code(const void *a, const void *b) { return strcmp(((const plover_row *)a)->code, ((const plover_row *)b)->code); }

/* Splits a line at tabs into at most n fields (missing ones ""); returns how many were there. */
static int split_tabs(char *line, char **f, int n)
{
    int k = 0;
    for (char *p = line; k < n; k++) {
        f[k] = p;
        char *t = p ? strchr(p, '\t') : NULL;
        if (t) { *t = 0; p = t + 1; } else p = NULL;
    }
    int have = 0;
    for (k = 0; k < n; k++) if (f[k]) have++; else f[k] = "";
    return have;
}

dy_status dy_plover_load(const char *path, dy_plover **out, dy_err *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) return dy_err_set(err, DY_EIO, "cannot open the CAMEO to PLOVER table %s", path);
    dy_plover *p = calloc(1, sizeof *p);
    dy_buf all = {0};
    char chunk[4096];
    size_t got;
    while (p && (got = fread(chunk, 1, sizeof chunk, f)) > 0) if (dy_buf_add(&all, chunk, got)) break;
    int bad = ferror(f);
    fclose(f);
    if (!p || bad || !all.data) { free(p); dy_buf_free(&all); return dy_err_set(err, DY_EIO, "cannot read %s", path); }
    p->text = all.data;
    size_t cap = 0, lineno = 0;
    for (char *line = p->text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = 0;
        lineno++;
        if (line[0] == '#' || !line[0]) continue;
        char *fl[4];
        split_tabs(line, fl, 4);
        size_t cl = strlen(fl[0]);
        int ok = cl >= 2 && cl < 8 && strspn(fl[0], "0123456789") == cl && fl[1][0];
        if (!ok) {
            dy_plover_destroy(&p);
            return dy_err_set(err, DY_EINPUT, "%s:%zu: want CODE<tab>EVENT<tab>MODE<tab>CONTEXT", path, lineno);
        }
        if (DY_GROW(p->rows, p->n + 1, cap)) { dy_plover_destroy(&p); return dy_err_set(err, DY_ENOMEM, "out of memory"); }
        plover_row *r = &p->rows[p->n++];
        memcpy(r->code, fl[0], cl + 1);
        r->event = fl[1];
        r->mode = fl[2];
        r->context = fl[3];
    }
    qsort(p->rows, p->n, sizeof *p->rows, by_code);
    *out = p;
    return DY_OK;
}

int dy_plover_find(const dy_plover *p, const char *code, const char **event, const char **mode, const char **context)
{
    *event = *mode = *context = NULL;
    if (!p) return 0;
    plover_row key;
    snprintf(key.code, sizeof key.code, "%s", code);
    for (size_t n = strlen(key.code); n >= 2; key.code[--n] = 0) {
        const plover_row *r = bsearch(&key, p->rows, p->n, sizeof *p->rows, by_code);
        if (!r) continue;
        *event = r->event;
        *mode = r->mode[0] ? r->mode : NULL;
        *context = r->context[0] ? r->context : NULL;
        return 1;
    }
    return 0;
}

/* ---- GDELT 2.0 ---- */

/* A field of GDELT's table: folded, with no tab. */
static int gfield(dy_buf *b, const char *s, size_t n) { return s ? dy_text_folded(b, s, n, 0) : 0; }

/* Actor: Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
 * Type1Code, Type2Code, Type3Code (ten columns, each followed by a tab). */
static int gdelt_actor(dy_buf *b, const char *code, const dy_text *name)
{
    int r = dy_buf_adds(b, code) | dy_buf_addc(b, '\t') | gfield(b, name->s, name->n) | dy_buf_addc(b, '\t');
    r |= dy_buf_add(b, code, strlen(code) < 3 ? strlen(code) : 3) | dy_buf_adds(b, "\t\t\t\t\t");
    size_t n = strlen(code);
    for (size_t k = 3; k < 12; k += 3) {    /* the role in threes: GOV, MIL ... */
        if (k < n) r |= dy_buf_add(b, code + k, n - k < 3 ? n - k : 3);
        r |= dy_buf_addc(b, '\t');
    }
    return r;
}

int dy_out_gdelt(dy_buf *b, const dy_record *e)
{
    int r = dy_buf_printf(b, "%llu\t", (unsigned long long)(dy_record_id(e) >> 11));     /* 53 bits: exact as a double too */
    /* Day, MonthYear, Year, FractionDate from the date, at the precision it has */
    int y = 0, m = 0, d = 0;
    if (e->date[0]) sscanf(e->date, "%d-%d-%d", &y, &m, &d);
    if (y) {
        dy_date dt = {(int16_t)y, (int8_t)(m ? m : 1), (int8_t)(d ? d : 1), DY_PREC_DAY}, jan = {(int16_t)y, 1, 1, DY_PREC_DAY};
        long doy = (long)(dy_date_days(dt) - dy_date_days(jan));
        r |= dy_buf_printf(b, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f\t", y, m ? m : 1, d ? d : 1, y, m ? m : 1, y, y + doy / 365.0);
    } else r |= dy_buf_adds(b, "\t\t\t\t");
    r |= gdelt_actor(b, e->source, &e->source_text) | gdelt_actor(b, e->target, &e->target_text);
    char base[4];
    snprintf(base, sizeof base, "%s", e->code);
    /* IsRootEvent (the lead sentence), EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale */
    r |= dy_buf_printf(b, "%d\t%s\t%s\t%s\t%d\t", e->sent == 1, e->code, base, e->root, e->quad);
    r |= dy_out_tenths(b, e->goldstein);
    /* NumMentions, NumSources, NumArticles, AvgTone (none) */
    r |= dy_buf_printf(b, "\t%ld\t%ld\t%ld\t\t", e->mentions, e->sources, e->sources);
    for (int k = 0; k < 24; k++) r |= dy_buf_addc(b, '\t');     /* Actor1Geo_*, Actor2Geo_*, ActionGeo_*: 3 x 8, none */
    /* DATEADDED: the document's date when it has its day; SOURCEURL: its URL, else its name */
    int py = 0, pm = 0, pd = 0;
    if (e->pub && sscanf(e->pub, "%d-%d-%d", &py, &pm, &pd) == 3) r |= dy_buf_printf(b, "%04d%02d%02d000000", py, pm, pd);
    r |= dy_buf_addc(b, '\t');
    r |= e->url.s ? gfield(b, e->url.s, e->url.n) : gfield(b, e->doc.s, e->doc.n);
    return r | dy_buf_addc(b, '\n');
}

/* ---- PLOVER ---- */

static int json_or_null(dy_buf *b, const char *key, const char *v)
{
    int r = dy_buf_adds(b, key);
    return r | (v ? dy_json_string(b, v, strlen(v)) : dy_buf_adds(b, "null"));
}

static int plover_actor(dy_buf *b, const char *key, const char *code, const dy_text *name)
{
    char country[4];
    snprintf(country, sizeof country, "%s", code);
    int r = dy_buf_adds(b, key) | dy_buf_adds(b, "{\"code\":") | dy_json_string(b, code, strlen(code));
    r |= dy_buf_adds(b, ",\"country\":") | dy_json_string(b, country, strlen(country));
    r |= json_or_null(b, ",\"sector\":", strlen(code) > 3 ? code + 3 : NULL);
    r |= dy_buf_adds(b, ",\"text\":") | (name->s ? dy_json_string(b, name->s, name->n) : dy_buf_adds(b, "null"));
    return r | dy_buf_addc(b, '}');
}

int dy_out_plover(dy_buf *b, const dy_record *e, const dy_plover *plover)
{
    char id[17];
    dy_record_id_hex(e, id);
    const char *event, *mode, *context;
    dy_plover_find(plover, e->code, &event, &mode, &context);
    int r = dy_buf_adds(b, "{\"id\":\"") | dy_buf_adds(b, id) | dy_buf_addc(b, '"');
    r |= json_or_null(b, ",\"date\":", e->date[0] ? e->date : NULL);
    r |= json_or_null(b, ",\"event\":", event) | json_or_null(b, ",\"mode\":", mode) | json_or_null(b, ",\"context\":", context);
    r |= plover_actor(b, ",\"actor\":", e->source, &e->source_text) | plover_actor(b, ",\"recipient\":", e->target, &e->target_text);
    r |= dy_buf_adds(b, ",\"cameo\":\"") | dy_buf_adds(b, e->code) | dy_buf_addc(b, '"');
    r |= dy_buf_adds(b, ",\"doc\":") | (e->doc.s ? dy_json_string(b, e->doc.s, e->doc.n) : dy_buf_adds(b, "null"));
    r |= dy_buf_adds(b, ",\"sent\":") | dy_out_uint(b, e->sent);
    r |= dy_buf_adds(b, ",\"text\":") | (e->text.s ? dy_json_string(b, e->text.s, e->text.n) : dy_buf_adds(b, "null"));
    r |= dy_buf_adds(b, ",\"mentions\":") | dy_out_uint(b, (unsigned long)e->mentions);
    return r | dy_buf_adds(b, "}\n");
}
