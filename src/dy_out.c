/* dy_out.c - JSON Lines and TSV writers. */
#include "dy_out.h"
#include "dy_facts.h"

#include <stdio.h>
#include <string.h>

/* Appends s[0..n) with runs of white space folded to one space; JSON-escaped, or for TSV with
 * control characters as spaces. One reservation for the worst case, then plain stores. */
static int add_folded(dy_buf *b, const char *s, size_t n, int json)
{
    static const char hex[] = "0123456789abcdef";
    if (dy_buf_reserve(b, n * 6 + 1)) return -1;
    char *o = b->data + b->len;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        /* eight ordinary bytes at a time: no control byte, '"', '\\' or DEL, and spaces only
         * single: a space that ends the eight is let through when no white space (or the end)
         * follows it (a run of spaces, and the last one, are folded below) */
        if (!space)
            for (; i + 8 <= n; i += 8, o += 8) {
                uint64_t w = dy_load64(s + i), sp = dy_byte_mask(w, ' ');
                if (dy_has_less(w, 0x20) || dy_has_byte(w, '"') || dy_has_byte(w, '\\') || dy_has_byte(w, 0x7f) ||
                    (sp & (sp >> 8)) || (s[i + 7] == ' ' && (i + 8 >= n || (unsigned char)s[i + 8] <= ' ')))
                    break;
                memcpy(o, &w, 8);
            }
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') { space = 1; continue; }
        if (space) { *o++ = ' '; space = 0; }
        if (c >= 0x20 && c != 0x7f && c != '"' && c != '\\') { *o++ = (char)c; continue; }
        if (!json) { *o++ = c < 0x20 || c == 0x7f ? ' ' : (char)c; continue; }
        *o++ = '\\';
        if (c == '"' || c == '\\') { *o++ = (char)c; continue; }
        *o++ = 'u'; *o++ = '0'; *o++ = '0'; *o++ = hex[c >> 4]; *o++ = hex[c & 15];
    }
    b->len = (size_t)(o - b->data);
    b->data[b->len] = 0;
    return 0;
}

/* Numbers without printf (it was a tenth of the run time): an unsigned, and a weight to one decimal. */
static int add_uint(dy_buf *b, unsigned long v)
{
    char t[24];
    size_t i = sizeof t;
    do t[--i] = (char)('0' + v % 10); while ((v /= 10) != 0);
    return dy_buf_add(b, t + i, sizeof t - i);
}

static int add_tenths(dy_buf *b, double x)
{
    long v = (long)(x * 10 + (x < 0 ? -0.5 : 0.5));
    if (v < 0 && dy_buf_addc(b, '-')) return -1;
    unsigned long a = (unsigned long)(v < 0 ? -v : v);
    return add_uint(b, a / 10) || dy_buf_addc(b, '.') || dy_buf_addc(b, (char)('0' + a % 10)) ? -1 : 0;
}

int dy_out_json_exact(dy_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (dy_buf_reserve(b, n * 6 + 3)) return -1;
    char *o = b->data + b->len;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != 0x7f && c != '"' && c != '\\') { *o++ = (char)c; continue; }
        *o++ = '\\';
        switch (c) {
        case '"': case '\\': *o++ = (char)c; break;
        case '\n': *o++ = 'n'; break;
        case '\t': *o++ = 't'; break;
        case '\r': *o++ = 'r'; break;
        default: *o++ = 'u'; *o++ = '0'; *o++ = '0'; *o++ = hex[c >> 4]; *o++ = hex[c & 15];
        }
    }
    *o++ = '"';
    b->len = (size_t)(o - b->data);
    b->data[b->len] = 0;
    return 0;
}

int dy_out_json_string(dy_buf *b, const char *s, size_t n)
{
    return dy_buf_addc(b, '"') || add_folded(b, s, n, 1) || dy_buf_addc(b, '"') ? -1 : 0;
}

int dy_out_tsv_header(dy_buf *b, int moods)
{
    return dy_buf_adds(b, moods ? "date\tsource\ttarget\tcode\troot\tquad\tgoldstein\tdoc\tsentence\tmood\ttext\n"
                                : "date\tsource\ttarget\tcode\troot\tquad\tgoldstein\tdoc\tsentence\ttext\n");
}

int dy_out_event(dy_buf *b, int fmt, const dy_doc *doc, const dy_sent *sents, const dy_event *e, int moods)
{
    const dy_sent *st = &sents[e->sent];
    char date[16];
    dy_date_format(e->date, date);
    int r = 0;
    if (fmt == DY_FMT_TSV) {
        const char *f[] = {date, e->source, e->target, e->code, e->root};
        for (size_t i = 0; i < 5; i++) r |= dy_buf_adds(b, f[i]) | dy_buf_addc(b, '\t');
        r |= add_uint(b, (unsigned)e->quad) | dy_buf_addc(b, '\t');
        r |= add_tenths(b, e->goldstein) | dy_buf_addc(b, '\t');
        r |= add_folded(b, doc->id, strlen(doc->id), 0);
        r |= dy_buf_addc(b, '\t') | add_uint(b, st->no) | dy_buf_addc(b, '\t');
        if (moods) r |= dy_buf_adds(b, dy_mood_name(e->mood)) | dy_buf_addc(b, '\t');
        r |= add_folded(b, doc->text + st->start, st->end - st->start, 0);
        r |= dy_buf_addc(b, '\n');
        return r ? -1 : 0;
    }
    r |= dy_buf_adds(b, "{\"doc\":");
    r |= dy_out_json_string(b, doc->id, strlen(doc->id));
    r |= dy_buf_adds(b, ",\"sent\":") | add_uint(b, st->no) | dy_buf_adds(b, ",\"date\":");
    if (date[0])
        r |= dy_buf_addc(b, '"') | dy_buf_adds(b, date) | dy_buf_adds(b, "\",\"date_precision\":\"") |
             dy_buf_adds(b, dy_date_prec_name(e->date.prec)) | dy_buf_addc(b, '"');
    else r |= dy_buf_adds(b, "null,\"date_precision\":null");
    const char *k[] = {",\"source\":\"", "\",\"target\":\"", "\",\"code\":\"", "\",\"root\":\""};
    const char *v[] = {e->source, e->target, e->code, e->root};
    for (size_t i = 0; i < 4; i++) r |= dy_buf_adds(b, k[i]) | dy_buf_adds(b, v[i]);
    r |= dy_buf_adds(b, "\",\"quad\":") | add_uint(b, (unsigned)e->quad);
    r |= dy_buf_adds(b, ",\"goldstein\":") | add_tenths(b, e->goldstein);
    r |= dy_buf_adds(b, ",\"source_text\":");
    r |= dy_out_json_string(b, doc->text + e->src_start, e->src_end - e->src_start);
    r |= dy_buf_adds(b, ",\"target_text\":");
    r |= dy_out_json_string(b, doc->text + e->tgt_start, e->tgt_end - e->tgt_start);
    r |= dy_buf_adds(b, ",\"verb_text\":");
    r |= dy_out_json_string(b, doc->text + e->verb_start, e->verb_end - e->verb_start);
    r |= dy_buf_adds(b, ",\"text\":");
    r |= dy_out_json_string(b, doc->text + st->start, st->end - st->start);
    r |= dy_buf_adds(b, ",\"span\":[") | add_uint(b, st->start) | dy_buf_addc(b, ',') | add_uint(b, st->end) | dy_buf_addc(b, ']');
    if (moods) r |= dy_buf_adds(b, ",\"mood\":\"") | dy_buf_adds(b, dy_mood_name(e->mood)) | dy_buf_addc(b, '"');
    r |= dy_buf_adds(b, "}\n");
    return r ? -1 : 0;
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

int dy_out_fact(dy_buf *b, int fmt, const dy_dict *dict, const dy_doc *doc, const dy_sent *sents, const dy_fact *f)
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
        if (f->mood) r |= dy_buf_adds(b, " (") | dy_buf_adds(b, dy_mood_name(f->mood)) | dy_buf_addc(b, ')');
        r |= dy_buf_addc(b, '\t');
        r |= add_folded(b, doc->id, strlen(doc->id), 0);
        r |= dy_buf_addc(b, '\t') | add_uint(b, st->no) | dy_buf_addc(b, '\t');
        r |= add_folded(b, doc->text + st->start, st->end - st->start, 0) | dy_buf_addc(b, '\n');
        return r ? -1 : 0;
    }
    r |= dy_buf_adds(b, "{\"doc\":") | dy_out_json_string(b, doc->id, strlen(doc->id));
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
        r |= dy_buf_adds(b, ",\"tier\":") | dy_out_json_string(b, f->tier_name, strlen(f->tier_name));
        r |= dy_buf_adds(b, ",\"rank\":") | (t ? add_uint(b, (unsigned)t->rank) : dy_buf_adds(b, "null"));
        break;
    case DY_FACT_TIER_ORDER:
        r |= dy_buf_adds(b, ",\"higher\":") | dy_out_json_string(b, f->tier_name, strlen(f->tier_name));
        r |= dy_buf_adds(b, ",\"lower\":") | dy_out_json_string(b, f->tier2_name, strlen(f->tier2_name));
        break;
    case DY_FACT_TREATY: case DY_FACT_STAGE:
        /* a treaty's stage (null: only that it exists), the one party it is of, its kinds */
        r |= dy_buf_adds(b, ",\"name\":") | dy_out_json_string(b, f->name, strlen(f->name));
        if (f->kind == DY_FACT_TREATY) r |= dy_buf_adds(b, ",\"clauses\":") | dy_facts_clauses_json(b, f->clauses);
        r |= dy_buf_adds(b, ",\"stage\":");
        r |= f->stage ? dy_buf_printf(b, "\"%s\"", dy_stage_name(f->stage)) : dy_buf_adds(b, "null");
        r |= dy_buf_adds(b, ",\"party\":");
        r |= f->party[0] ? dy_buf_printf(b, "\"%s\"", f->party) : dy_buf_adds(b, "null");
        r |= dy_buf_adds(b, ",\"kinds\":[");
        for (const char *k = f->kinds; *k;) {
            size_t n = strcspn(k, ",");
            r |= (k != f->kinds ? dy_buf_addc(b, ',') : 0) | dy_out_json_string(b, k, n);
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
    r |= dy_buf_adds(b, ",\"text\":") | dy_out_json_string(b, doc->text + st->start, st->end - st->start);
    r |= dy_buf_adds(b, ",\"span\":[") | add_uint(b, st->start) | dy_buf_addc(b, ',') | add_uint(b, st->end) | dy_buf_addc(b, ']');
    if (f->mood) r |= dy_buf_adds(b, ",\"mood\":\"") | dy_buf_adds(b, dy_mood_name(f->mood)) | dy_buf_addc(b, '"');
    r |= dy_buf_adds(b, "}\n");
    return r ? -1 : 0;
}
