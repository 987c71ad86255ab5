/* dy_out.c - JSON Lines and TSV writers. */
#include "dy_out.h"
#include "dy_facts.h"

#include <stdio.h>
#include <string.h>
#include <xxhash.h>

/* Numbers without printf (dy_utoa): an unsigned, and a weight to one decimal. */
static int add_uint(dy_buf *b, unsigned long v)
{
    char t[DY_NUM_TEXT];
    return dy_buf_add(b, t, (size_t)(dy_utoa(t, v, 0) - t));
}

static int add_tenths(dy_buf *b, double x)
{
    long v = (long)(x * 10 + (x < 0 ? -0.5 : 0.5));
    if (v < 0 && dy_buf_addc(b, '-')) return -1;
    unsigned long a = (unsigned long)(v < 0 ? -v : v);
    char t[2 * DY_NUM_TEXT], *e = dy_utoa(t, a / 10, 0);
    *e++ = '.';
    return dy_buf_add(b, t, (size_t)(dy_utoa(e, a % 10, 1) - t));
}

int dy_out_uint(dy_buf *b, unsigned long v) { return add_uint(b, v); }
int dy_out_tenths(dy_buf *b, double x) { return add_tenths(b, x); }

/* ---- the event record ---- */

/* The id's text, as snprintf("%u\t%u\t%u\t%u\t%s\t%s\t%s") would cut it to the buffer, without
 * printf: it was a twentieth of a run. */
typedef struct idtext {
    char s[128];
    size_t n;
} idtext;

static void id_add(idtext *t, const char *p, size_t n)
{
    size_t room = sizeof t->s - 1 - t->n;
    if (n > room) n = room;
    memcpy(t->s + t->n, p, n);
    t->n += n;
}

static void id_uint(idtext *t, unsigned v, char end)
{
    char d[DY_NUM_TEXT + 1], *e = dy_utoa(d, v, 0);
    *e++ = end;
    id_add(t, d, (size_t)(e - d));
}

uint64_t dy_record_id(const dy_record *r)
{
    /* the document's name seeds the hash of the rest: no copy of a long name */
    idtext t = {.n = 0};
    id_uint(&t, r->sent, '\t');
    id_uint(&t, r->start, '\t');
    id_uint(&t, r->end, '\t');
    id_uint(&t, r->verb_start, '\t');
    id_add(&t, r->source, strlen(r->source));
    id_add(&t, "\t", 1);
    id_add(&t, r->target, strlen(r->target));
    id_add(&t, "\t", 1);
    id_add(&t, r->code, strlen(r->code));
    /* the document by its URL, else by its name without the folders: the same file read from
     * another directory, or on another machine, keeps its ids */
    const char *k = r->url.s ? r->url.s : r->doc.s ? r->doc.s : "";
    size_t kn = r->url.s ? r->url.n : r->doc.s ? r->doc.n : 0;
    if (!r->url.s)
        for (size_t i = kn; i > 0; i--)
            if (k[i - 1] == '/') { kn -= i; k += i; break; }
    return XXH3_64bits_withSeed(t.s, t.n, XXH3_64bits(k, kn));
}

void dy_record_id_hex(const dy_record *r, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    uint64_t h = dy_record_id(r);
    for (int i = 15; i >= 0; i--, h >>= 4) out[i] = hex[h & 15];
    out[16] = 0;
}

/* The columns of CSV and TSV, the keys of JSON: one list, in one order. */
static const char *const record_cols[] = {
    "id", "doc", "url", "title", "sent", "span", "date", "date_precision", "source", "source_country", "source_role",
    "target", "target_country", "target_role", "code", "root", "quad", "goldstein", "source_text", "target_text",
    "verb_text", "text", "mentions"};
enum { NCOLS = sizeof record_cols / sizeof *record_cols };

int dy_out_record_header(dy_buf *b, int fmt, int moods)
{
    if (fmt != DY_FMT_TSV && fmt != DY_FMT_CSV) return 0;
    char sep = fmt == DY_FMT_CSV ? ',' : '\t';
    int r = 0;
    for (size_t i = 0; i < NCOLS; i++) r |= (i ? dy_buf_addc(b, sep) : 0) | dy_buf_adds(b, record_cols[i]);
    if (moods) r |= dy_buf_addc(b, sep) | dy_buf_adds(b, "mood");
    return r | dy_buf_addc(b, '\n');
}

int dy_out_tsv_header(dy_buf *b, int moods) { return dy_out_record_header(b, DY_FMT_TSV, moods); }

/* A CSV or TSV field: folded; CSV quotes it when it holds a comma or a quote, or always (codes,
 * ids: spreadsheets and type-guessing readers must not take "042" for 42). */
static int out_add_field(dy_buf *b, int fmt, const char *s, size_t n, int quote)
{
    if (!s) return 0;
    if (fmt == DY_FMT_TSV) return quote ? dy_buf_addc(b, '"') | dy_text_folded(b, s, n, 0) | dy_buf_addc(b, '"') : dy_text_folded(b, s, n, 0);
    int need = quote;
    for (size_t i = 0; i < n && !need; i++) need = s[i] == ',' || s[i] == '"';
    if (!need) return dy_text_folded(b, s, n, 0);
    int r = dy_buf_addc(b, '"');
    for (size_t i = 0; i < n;) {
        size_t k = i;
        while (k < n && s[k] != '"') k++;
        r |= dy_text_folded(b, s + i, k - i, 0);
        if (k < n) r |= dy_buf_adds(b, "\"\"");
        i = k + 1;
    }
    return r | dy_buf_addc(b, '"');
}

/* The role: what follows the country in an actor code ("GOV" of RUSGOV); "" for none. */
static const char *role_of(const char *code) { return strlen(code) > 3 ? code + 3 : ""; }

static int record_sep(dy_buf *b, int fmt, const dy_record *e)
{
    char id[17], sep = fmt == DY_FMT_CSV ? ',' : '\t';
    dy_record_id_hex(e, id);
    int r = out_add_field(b, fmt, id, 16, 1) | dy_buf_addc(b, sep);
    r |= out_add_field(b, fmt, e->doc.s, e->doc.n, 0) | dy_buf_addc(b, sep);
    r |= out_add_field(b, fmt, e->url.s, e->url.n, 0) | dy_buf_addc(b, sep);
    r |= out_add_field(b, fmt, e->title.s, e->title.n, 0) | dy_buf_addc(b, sep);
    r |= add_uint(b, e->sent) | dy_buf_addc(b, sep);
    r |= add_uint(b, e->start) | dy_buf_addc(b, '-') | add_uint(b, e->end) | dy_buf_addc(b, sep);
    r |= dy_buf_adds(b, e->date) | dy_buf_addc(b, sep);
    if (e->date[0]) r |= dy_buf_adds(b, dy_date_prec_name(e->prec));
    r |= dy_buf_addc(b, sep);
    const char *act[] = {e->source, e->target};
    for (int k = 0; k < 2; k++) {
        r |= dy_buf_adds(b, act[k]) | dy_buf_addc(b, sep);
        r |= dy_buf_add(b, act[k], strlen(act[k]) < 3 ? strlen(act[k]) : 3) | dy_buf_addc(b, sep);
        r |= dy_buf_adds(b, role_of(act[k])) | dy_buf_addc(b, sep);
    }
    r |= out_add_field(b, fmt, e->code, strlen(e->code), 1) | dy_buf_addc(b, sep);
    r |= out_add_field(b, fmt, e->root, strlen(e->root), 1) | dy_buf_addc(b, sep);
    r |= add_uint(b, (unsigned)e->quad) | dy_buf_addc(b, sep);
    r |= add_tenths(b, e->goldstein) | dy_buf_addc(b, sep);
    const dy_text *t[] = {&e->source_text, &e->target_text, &e->verb_text, &e->text};
    for (int k = 0; k < 4; k++) r |= out_add_field(b, fmt, t[k]->s, t[k]->n, 0) | dy_buf_addc(b, sep);
    r |= add_uint(b, (unsigned long)e->mentions);
    if (e->mood) r |= dy_buf_addc(b, sep) | dy_buf_adds(b, e->mood);
    return r | dy_buf_addc(b, '\n');
}

static int json_text_n(dy_buf *b, const char *key, size_t keylen, const dy_text *t)
{
    int r = dy_buf_add(b, key, keylen);
    return r | (t->s ? dy_json_string(b, t->s, t->n) : dy_buf_add(b, "null", 4));
}
/* the key a literal: its length known here, no strlen a field */
#define json_text(b, key, t) json_text_n(b, key, sizeof(key) - 1, t)

static int record_json(dy_buf *b, const dy_record *e)
{
    char id[17];
    dy_record_id_hex(e, id);
    int r = dy_buf_adds(b, "{\"id\":\"") | dy_buf_add(b, id, 16) | dy_buf_addc(b, '"');
    r |= json_text(b, ",\"doc\":", &e->doc) | json_text(b, ",\"url\":", &e->url) | json_text(b, ",\"title\":", &e->title);
    r |= dy_buf_adds(b, ",\"sent\":") | add_uint(b, e->sent);
    r |= dy_buf_adds(b, ",\"span\":[") | add_uint(b, e->start) | dy_buf_addc(b, ',') | add_uint(b, e->end) | dy_buf_addc(b, ']');
    r |= dy_buf_adds(b, ",\"date\":");
    if (e->date[0])
        r |= dy_buf_addc(b, '"') | dy_buf_adds(b, e->date) | dy_buf_adds(b, "\",\"date_precision\":\"") |
             dy_buf_adds(b, dy_date_prec_name(e->prec)) | dy_buf_addc(b, '"');
    else r |= dy_buf_adds(b, "null,\"date_precision\":null");
    const char *key[] = {",\"source\":\"", ",\"target\":\""}, *act[] = {e->source, e->target};
    const char *ckey[] = {"\",\"source_country\":\"", "\",\"target_country\":\""};
    const char *rkey[] = {"\",\"source_role\":", "\",\"target_role\":"};
    for (int k = 0; k < 2; k++) {
        r |= dy_buf_adds(b, key[k]) | dy_buf_adds(b, act[k]) | dy_buf_adds(b, ckey[k]);
        r |= dy_buf_add(b, act[k], strlen(act[k]) < 3 ? strlen(act[k]) : 3) | dy_buf_adds(b, rkey[k]);
        const char *role = role_of(act[k]);
        r |= role[0] ? dy_buf_addc(b, '"') | dy_buf_adds(b, role) | dy_buf_addc(b, '"') : dy_buf_adds(b, "null");
    }
    r |= dy_buf_adds(b, ",\"code\":\"") | dy_buf_adds(b, e->code) | dy_buf_adds(b, "\",\"root\":\"") | dy_buf_adds(b, e->root);
    r |= dy_buf_adds(b, "\",\"quad\":") | add_uint(b, (unsigned)e->quad);
    r |= dy_buf_adds(b, ",\"goldstein\":") | add_tenths(b, e->goldstein);
    r |= json_text(b, ",\"source_text\":", &e->source_text) | json_text(b, ",\"target_text\":", &e->target_text);
    r |= json_text(b, ",\"verb_text\":", &e->verb_text) | json_text(b, ",\"text\":", &e->text);
    r |= dy_buf_adds(b, ",\"mentions\":") | add_uint(b, (unsigned long)e->mentions);
    if (e->mood) r |= dy_buf_adds(b, ",\"mood\":\"") | dy_buf_adds(b, e->mood) | dy_buf_addc(b, '"');
    if (e->doc_id > 0) r |= dy_buf_printf(b, ",\"doc_id\":%lld,\"event_id\":%lld", (long long)e->doc_id, (long long)e->event_id);
    return r | dy_buf_adds(b, "}\n");
}

int dy_out_record(dy_buf *b, int fmt, const dy_record *r, const dy_plover *plover)
{
    int e;
    switch (fmt) {
    case DY_FMT_TSV: case DY_FMT_CSV: e = record_sep(b, fmt, r); break;
    case DY_FMT_GDELT: e = dy_out_gdelt(b, r); break;
    case DY_FMT_PLOVER: e = dy_out_plover(b, r, plover); break;
    default: e = record_json(b, r); break;
    }
    return e ? -1 : 0;
}

static dy_text text_of(const char *s) { dy_text t = {s, s ? strlen(s) : 0}; return t; }

/* A mood's name in the output: dy_mood_name's, and "intent" for what is wanted or planned. */
static const char *mood_out(int mood) { return mood == DY_MOOD_INTENT ? "intent" : dy_mood_name(mood); }

int dy_out_event(dy_buf *b, int fmt, const dy_doc *doc, const dy_sent *sents, const dy_event *e, int moods, const dy_plover *plover)
{
    const dy_sent *st = &sents[e->sent];
    dy_record r = {
        .doc = text_of(doc->id), .url = text_of(doc->url), .title = text_of(doc->title),
        .sent = st->no, .start = (uint32_t)st->start, .end = (uint32_t)st->end, .prec = e->date.prec,
        .source = e->source, .target = e->target, .code = e->code, .root = e->root, .quad = e->quad, .goldstein = e->goldstein,
        .source_text = {doc->text + e->src_start, e->src_end - e->src_start},
        .target_text = {doc->text + e->tgt_start, e->tgt_end - e->tgt_start},
        .verb_text = {doc->text + e->verb_start, e->verb_end - e->verb_start},
        .text = {doc->text + st->start, st->end - st->start},
        .verb_start = e->verb_start, .mentions = 1, .sources = 1,
        .mood = moods ? mood_out(e->mood) : NULL,
    };
    dy_date_format(e->date, r.date);
    char pub[16] = "";
    if (doc->pub.prec != DY_PREC_NONE) { dy_date_format(doc->pub, pub); r.pub = pub; }
    return dy_out_record(b, fmt, &r, plover);
}

/* ---- facts ---- */

int dy_out_fact_tsv_header(dy_buf *b)
{
    return dy_buf_adds(b, "date\tkind\tactors\tyear\tvalue\tdoc\tsentence\ttext\n");
}

/* The fact's value as one short string: the tier, the figure, the treaty's name ... */
static int fact_value(dy_buf *b, const dy_dict *dict, const dy_fact *f)
{
    (void)dict;
    switch (f->kind) {
    case DY_FACT_PARTNERSHIP: return dy_buf_adds(b, f->tier_name);
    case DY_FACT_TIER_ORDER: return dy_buf_printf(b, "%s > %s", f->tier_name, f->tier2_name);
    case DY_FACT_TREATY: return dy_buf_adds(b, f->name);
    case DY_FACT_STAGE:
        return dy_buf_printf(b, "%s%s%s: %s", dy_stage_name(f->stage), f->party[0] ? " " : "", f->party, f->name);
    case DY_FACT_TRADE: {
        const char *cur = f->currency[0] && strcmp(f->currency, "USD") ? f->currency : "";
        return f->value_max > f->value ? dy_buf_printf(b, "%.15g-%.15g%s%s", f->value, f->value_max, cur[0] ? " " : "", cur)
                                       : dy_buf_printf(b, "%.15g%s%s", f->value, cur[0] ? " " : "", cur);
    }
    case DY_FACT_TRADE_SHARE: case DY_FACT_RATIO: return dy_buf_printf(b, "%.15g", f->value);
    case DY_FACT_MILESTONE: return dy_buf_printf(b, "%d", f->gap_years);
    default: return dy_buf_adds(b, f->code);
    }
}

int dy_out_fact(dy_buf *b, int fmt, const dy_dict *dict, const dy_doc *doc, const dy_sent *sents, const dy_fact *f, int moods)
{
    const dy_sent *st = &sents[f->sent];
    char date[16];
    dy_date_format(f->date, date);
    int r = 0;
    if (fmt == DY_FMT_TSV) {
        r |= dy_buf_adds(b, date) | dy_buf_addc(b, '\t') | dy_buf_adds(b, dy_fact_kind_name(f->kind)) | dy_buf_addc(b, '\t');
        for (int k = 0; k < f->nactors; k++) r |= (k ? dy_buf_addc(b, ',') : 0) | dy_buf_adds(b, f->actors[k]);
        r |= dy_buf_addc(b, '\t');
        if (f->year) r |= add_uint(b, (unsigned)f->year);
        r |= dy_buf_addc(b, '\t') | fact_value(b, dict, f);
        if (f->mood) r |= dy_buf_adds(b, " (") | dy_buf_adds(b, mood_out(f->mood)) | dy_buf_addc(b, ')');
        r |= dy_buf_addc(b, '\t');
        r |= dy_text_folded(b, doc->id, strlen(doc->id), 0);
        r |= dy_buf_addc(b, '\t') | add_uint(b, st->no) | dy_buf_addc(b, '\t');
        r |= dy_text_folded(b, doc->text + st->start, st->end - st->start, 0) | dy_buf_addc(b, '\n');
        return r ? -1 : 0;
    }
    r |= dy_buf_adds(b, "{\"doc\":") | dy_json_string(b, doc->id, strlen(doc->id));
    r |= dy_buf_adds(b, ",\"sent\":") | add_uint(b, st->no) | dy_buf_adds(b, ",\"date\":");
    if (date[0]) r |= dy_buf_addc(b, '"') | dy_buf_adds(b, date) | dy_buf_addc(b, '"');
    else r |= dy_buf_adds(b, "null");
    r |= dy_buf_adds(b, ",\"kind\":\"") | dy_buf_adds(b, dy_fact_kind_name(f->kind)) | dy_buf_adds(b, "\",\"actors\":[");
    for (int k = 0; k < f->nactors; k++) r |= (k ? dy_buf_addc(b, ',') : 0) | dy_buf_addc(b, '"') | dy_buf_adds(b, f->actors[k]) | dy_buf_addc(b, '"');
    r |= dy_buf_adds(b, "],\"year\":");
    r |= f->year ? add_uint(b, (unsigned)f->year) : dy_buf_adds(b, "null");
    const dy_tier *t = dy_dict_tier(dict, f->tier);
    switch (f->kind) {
    case DY_FACT_PARTNERSHIP:   /* the tier as the text names it; its rank, null when unlisted */
        r |= dy_buf_adds(b, ",\"tier\":") | dy_json_string(b, f->tier_name, strlen(f->tier_name));
        r |= dy_buf_adds(b, ",\"rank\":") | (t ? add_uint(b, (unsigned)t->rank) : dy_buf_adds(b, "null"));
        break;
    case DY_FACT_TIER_ORDER:
        r |= dy_buf_adds(b, ",\"higher\":") | dy_json_string(b, f->tier_name, strlen(f->tier_name));
        r |= dy_buf_adds(b, ",\"lower\":") | dy_json_string(b, f->tier2_name, strlen(f->tier2_name));
        break;
    case DY_FACT_TREATY: case DY_FACT_STAGE:
        /* a treaty's stage (null: only that it exists), the one party it is of, its kinds */
        r |= dy_buf_adds(b, ",\"name\":") | dy_json_string(b, f->name, strlen(f->name));
        if (f->kind == DY_FACT_TREATY) r |= dy_buf_adds(b, ",\"clauses\":") | dy_facts_clauses_json(b, f->clauses);
        r |= dy_buf_adds(b, ",\"stage\":");
        r |= f->stage ? dy_buf_printf(b, "\"%s\"", dy_stage_name(f->stage)) : dy_buf_adds(b, "null");
        r |= dy_buf_adds(b, ",\"party\":");
        r |= f->party[0] ? dy_buf_printf(b, "\"%s\"", f->party) : dy_buf_adds(b, "null");
        r |= dy_buf_adds(b, ",\"kinds\":[");
        for (const char *k = f->kinds; *k;) {
            size_t n = strcspn(k, ",");
            r |= (k != f->kinds ? dy_buf_addc(b, ',') : 0) | dy_json_string(b, k, n);
            k += n + (k[n] == ',');
        }
        r |= dy_buf_addc(b, ']');
        break;
    case DY_FACT_TRADE:     /* US dollars as "usd"; another currency as "amount" with its code */
        if (!f->currency[0] || !strcmp(f->currency, "USD")) {
            r |= dy_buf_printf(b, ",\"usd\":%.15g", f->value);
            if (f->value_max > f->value) r |= dy_buf_printf(b, ",\"usd_max\":%.15g", f->value_max);
        } else {
            r |= dy_buf_printf(b, ",\"amount\":%.15g", f->value);
            if (f->value_max > f->value) r |= dy_buf_printf(b, ",\"amount_max\":%.15g", f->value_max);
            r |= dy_buf_printf(b, ",\"currency\":\"%s\"", f->currency);
        }
        break;
    case DY_FACT_TRADE_SHARE: r |= dy_buf_printf(b, ",\"share\":%.15g", f->value); break;
    case DY_FACT_RATIO:
        r |= dy_buf_printf(b, ",\"value\":%.15g,\"compares\":[[\"%s\",\"%s\"],[\"%s\",\"%s\"]]", f->value,
                           f->actors[0], f->actors[1], f->actors[2], f->actors[3]);
        break;
    case DY_FACT_MILESTONE:
        r |= dy_buf_printf(b, ",\"gap_years\":%d", f->gap_years);
        if (f->year) r |= dy_buf_printf(b, ",\"previous_year\":%d", f->year - f->gap_years);
        r |= f->code[0] ? dy_buf_printf(b, ",\"event\":\"%s\"", f->code) : dy_buf_adds(b, ",\"event\":null");
        break;
    default: r |= dy_buf_printf(b, ",\"code\":\"%s\"", f->code); break;
    }
    r |= dy_buf_adds(b, ",\"text\":") | dy_json_string(b, doc->text + st->start, st->end - st->start);
    r |= dy_buf_adds(b, ",\"span\":[") | add_uint(b, st->start) | dy_buf_addc(b, ',') | add_uint(b, st->end) | dy_buf_addc(b, ']');
    if (moods || f->mood) r |= dy_buf_adds(b, ",\"mood\":\"") | dy_buf_adds(b, mood_out(f->mood)) | dy_buf_addc(b, '"');
    r |= dy_buf_adds(b, "}\n");
    return r ? -1 : 0;
}
