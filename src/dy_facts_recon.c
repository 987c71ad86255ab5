/* dy_facts_recon.c - facts about the same subject across documents, each source's value kept. */
#include "dy_facts_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct rval {
    char *doc, *text;
    uint32_t sent;
    char value[160];
    double num;
    int numeric;
} rval;

typedef struct subject {
    uint8_t kind;
    char key[96];           /* actors (and tiers for tier_order), for grouping */
    char actors[4][16];
    uint8_t nactors;
    int year;
    rval *v;
    size_t n, cap;
} subject;

struct dy_recon {
    const dy_dict *dict;
    subject *s;
    size_t n, cap;
};

dy_recon *dy_recon_create(const dy_dict *dict)
{
    dy_recon *r = calloc(1, sizeof *r);
    if (r) r->dict = dict;
    return r;
}

void dy_recon_destroy(dy_recon **rp)
{
    if (!rp || !*rp) return;
    dy_recon *r = *rp;
    for (size_t i = 0; i < r->n; i++) {
        for (size_t j = 0; j < r->s[i].n; j++) { free(r->s[i].v[j].doc); free(r->s[i].v[j].text); }
        free(r->s[i].v);
    }
    free(r->s);
    free(r);
    *rp = NULL;
}

/* A listed tier by its canonical name, so that "treaty alliance" and "alliance" agree; an
 * unlisted one as written. */
static const char *tier_name(const dy_dict *d, int32_t t, const char *named)
{
    const dy_tier *x = dy_dict_tier(d, t);
    return x ? x->name : named;
}

static char *dup_folded(const char *s, size_t n)
{
    char *o = malloc(n + 1);
    if (!o) return NULL;
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') { sp = 1; continue; }
        if (sp && k) o[k++] = ' ';
        sp = 0;
        o[k++] = c;
    }
    o[k] = 0;
    return o;
}

int dy_recon_add(dy_recon *r, const dy_doc *doc, const dy_sent *sents, const dy_fact *facts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const dy_fact *f = &facts[i];
        if (f->mood) continue;      /* what a source only supposes disagrees with nobody */
        if (f->kind == DY_FACT_STAGE) continue;     /* a treaty's stages: per treaty, in the store's relations */
        char key[96] = "";
        int year = f->year;
        if (f->kind == DY_FACT_TIER_ORDER) {
            const char *a = tier_name(r->dict, f->tier, f->tier_name), *b = tier_name(r->dict, f->tier2, f->tier2_name);
            snprintf(key, sizeof key, "%.45s|%.45s", strcmp(a, b) < 0 ? a : b, strcmp(a, b) < 0 ? b : a);
            year = 0;
        } else {
            for (int k = 0; k < f->nactors; k++) { strncat(key, f->actors[k], sizeof key - strlen(key) - 2); strcat(key, ","); }
            if (f->kind == DY_FACT_TRADE && f->currency[0] && strcmp(f->currency, "USD")) strncat(key, f->currency, sizeof key - strlen(key) - 1);
            if (f->kind == DY_FACT_PARTNERSHIP) year = 0;
            if (f->kind == DY_FACT_MILESTONE) { strncat(key, f->code, sizeof key - strlen(key) - 1); year = 0; }
        }
        subject *s = NULL;
        for (size_t k = 0; k < r->n && !s; k++)
            if (r->s[k].kind == f->kind && r->s[k].year == year && !strcmp(r->s[k].key, key)) s = &r->s[k];
        if (!s) {
            if (r->n == r->cap) {
                size_t cap = r->cap ? r->cap * 2 : 32;
                subject *v = realloc(r->s, cap * sizeof *v);
                if (!v) return -1;
                r->s = v;
                r->cap = cap;
            }
            s = &r->s[r->n++];
            memset(s, 0, sizeof *s);
            s->kind = f->kind;
            snprintf(s->key, sizeof s->key, "%s", key);
            memcpy(s->actors, f->actors, sizeof s->actors);
            s->nactors = f->nactors;
            s->year = year;
        }
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 4;
            rval *v = realloc(s->v, cap * sizeof *v);
            if (!v) return -1;
            s->v = v;
            s->cap = cap;
        }
        rval *v = &s->v[s->n];
        memset(v, 0, sizeof *v);
        const dy_sent *st = &sents[f->sent];
        v->doc = strdup(doc->id);
        v->text = dup_folded(doc->text + st->start, st->end - st->start);
        if (!v->doc || !v->text) { free(v->doc); free(v->text); return -1; }
        v->sent = st->no;
        char d[16];
        switch (f->kind) {
        case DY_FACT_PARTNERSHIP: snprintf(v->value, sizeof v->value, "%s", tier_name(r->dict, f->tier, f->tier_name)); break;
        case DY_FACT_TIER_ORDER:
            snprintf(v->value, sizeof v->value, "%.75s > %.75s", tier_name(r->dict, f->tier, f->tier_name), tier_name(r->dict, f->tier2, f->tier2_name));
            break;
        case DY_FACT_TREATY: dy_date_format(f->date, d); snprintf(v->value, sizeof v->value, "%s", d); break;
        case DY_FACT_SANCTION: case DY_FACT_VETO: snprintf(v->value, sizeof v->value, "%s", f->code); break;
        case DY_FACT_MILESTONE: v->num = f->gap_years; v->numeric = 1; break;
        default: v->num = f->value; v->numeric = 1; break;
        }
        s->n++;
    }
    return 0;
}

/* Two figures differ beyond rounding when they differ at two significant digits. */
static double sig2(double x)
{
    if (x == 0) return 0;
    double m = pow(10, floor(log10(fabs(x))) - 1);
    return round(x / m) * m;
}

int dy_recon_write(const dy_recon *r, dy_buf *b)
{
    int e = 0;
    for (size_t i = 0; i < r->n; i++) {
        const subject *s = &r->s[i];
        e |= dy_buf_adds(b, "{\"kind\":\"") | dy_buf_adds(b, dy_fact_kind_name(s->kind)) | dy_buf_adds(b, "\",\"actors\":[");
        for (int k = 0; k < s->nactors; k++) e |= dy_buf_printf(b, "%s\"%s\"", k ? "," : "", s->actors[k]);
        e |= dy_buf_adds(b, "],\"year\":");
        e |= s->year ? dy_buf_printf(b, "%d", s->year) : dy_buf_adds(b, "null");
        e |= dy_buf_adds(b, ",\"values\":[");
        int conflict = 0, known = -1;
        for (size_t k = 0; k < s->n; k++) {
            const rval *v = &s->v[k];
            e |= dy_buf_adds(b, k ? ",{\"value\":" : "{\"value\":");
            if (v->numeric) e |= dy_buf_printf(b, "%.15g", v->num);
            else e |= dy_json_string(b, v->value, strlen(v->value));
            e |= dy_buf_adds(b, ",\"doc\":") | dy_json_string(b, v->doc, strlen(v->doc));
            e |= dy_buf_printf(b, ",\"sent\":%u,\"text\":", (unsigned)v->sent);
            e |= dy_json_string(b, v->text, strlen(v->text)) | dy_buf_addc(b, '}');
            /* an unknown value (a treaty whose date the sentence does not give) disagrees with nobody */
            if (!v->numeric && !v->value[0]) continue;
            if (known < 0) known = (int)k;
            else if (v->numeric ? sig2(v->num) != sig2(s->v[known].num) : strcmp(v->value, s->v[known].value) != 0) conflict = 1;
        }
        e |= dy_buf_printf(b, "],\"conflict\":%s}\n", conflict ? "true" : "false");
    }
    return e ? -1 : 0;
}

/* ---- tiers read from treaties' names ---- */
/* Does name hold the words of tier (lower case) whole, case aside? */
static int name_holds(const char *name, const char *tier)
{
    size_t n = strlen(tier);
    for (const char *p = name; n && *p; p++)
        if ((p == name || p[-1] == ' ') && !strncasecmp(p, tier, n) && (p[n] == ' ' || !p[n])) return 1;
    return 0;
}

/* A tier read from the name of a treaty signed in its sentence ("signed a comprehensive strategic
 * partnership agreement") where the story says elsewhere when the same pair set up that tier
 * ("set up their comprehensive strategic partnership in 2016"): the tier is that one, dated by
 * the story, and the name's reading is dropped (kind 0). */
void dyf_named_tiers(dy_facts *f)
{
    for (size_t k = 0; k < f->n; k++) {
        dy_fact *p = &f->v[k];
        if (p->kind != DY_FACT_PARTNERSHIP || !p->year || !p->tier_name[0]) continue;
        int named = 0;
        for (size_t q = 0; q < f->n && !named; q++) {
            const dy_fact *t = &f->v[q];
            named = t->kind == DY_FACT_TREATY && t->sent == p->sent && t->nactors == p->nactors &&
                    !memcmp(t->actors, p->actors, sizeof t->actors) && name_holds(t->name, p->tier_name);
        }
        for (size_t q = 0; q < f->n && named; q++) {
            const dy_fact *o = &f->v[q];
            if (o != p && o->kind == DY_FACT_PARTNERSHIP && o->sent != p->sent && o->year && o->year < p->year && !o->mood &&
                !strcmp(o->tier_name, p->tier_name) && !memcmp(o->actors, p->actors, sizeof o->actors)) { p->kind = 0; break; }
        }
    }
}
