/* dy_out.c - JSON Lines and TSV writers. */
#include "dy_out.h"

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
