/* dy_out.c - JSON Lines and TSV writers. */
#include "dy_out.h"

#include <stdio.h>
#include <string.h>

static int add_folded(dy_buf *b, const char *s, size_t n, int json, int tsv)
{
    static const char hex[] = "0123456789abcdef";
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') { space = 1; continue; }
        if (space) { if (dy_buf_addc(b, ' ')) return -1; space = 0; }
        if (json && (c == '"' || c == '\\')) { if (dy_buf_addc(b, '\\') || dy_buf_addc(b, (char)c)) return -1; continue; }
        if (c < 0x20 || c == 0x7f) {
            if (json) { char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]}; if (dy_buf_add(b, u, 6)) return -1; }
            else if (dy_buf_addc(b, ' ')) return -1;
            continue;
        }
        (void)tsv;
        if (dy_buf_addc(b, (char)c)) return -1;
    }
    return 0;
}

int dy_out_json_string(dy_buf *b, const char *s, size_t n)
{
    return dy_buf_addc(b, '"') || add_folded(b, s, n, 1, 0) || dy_buf_addc(b, '"') ? -1 : 0;
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
        r |= dy_buf_printf(b, "%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t", date, e->source, e->target, e->code, e->root, e->quad, e->goldstein);
        r |= add_folded(b, doc->id, strlen(doc->id), 0, 1);
        r |= dy_buf_printf(b, "\t%u\t", (unsigned)st->no);
        if (moods) r |= dy_buf_printf(b, "%s\t", dy_mood_name(e->mood));
        r |= add_folded(b, doc->text + st->start, st->end - st->start, 0, 1);
        r |= dy_buf_addc(b, '\n');
        return r ? -1 : 0;
    }
    r |= dy_buf_adds(b, "{\"doc\":");
    r |= dy_out_json_string(b, doc->id, strlen(doc->id));
    r |= dy_buf_printf(b, ",\"sent\":%u,\"date\":", (unsigned)st->no);
    if (date[0]) r |= dy_buf_printf(b, "\"%s\",\"date_precision\":\"%s\"", date, dy_date_prec_name(e->date.prec));
    else r |= dy_buf_adds(b, "null,\"date_precision\":null");
    r |= dy_buf_printf(b, ",\"source\":\"%s\",\"target\":\"%s\",\"code\":\"%s\",\"root\":\"%s\",\"quad\":%d,\"goldstein\":%.1f",
                       e->source, e->target, e->code, e->root, e->quad, e->goldstein);
    r |= dy_buf_adds(b, ",\"source_text\":");
    r |= dy_out_json_string(b, doc->text + e->src_start, e->src_end - e->src_start);
    r |= dy_buf_adds(b, ",\"target_text\":");
    r |= dy_out_json_string(b, doc->text + e->tgt_start, e->tgt_end - e->tgt_start);
    r |= dy_buf_adds(b, ",\"verb_text\":");
    r |= dy_out_json_string(b, doc->text + e->verb_start, e->verb_end - e->verb_start);
    r |= dy_buf_adds(b, ",\"text\":");
    r |= dy_out_json_string(b, doc->text + st->start, st->end - st->start);
    r |= dy_buf_printf(b, ",\"span\":[%u,%u]", (unsigned)st->start, (unsigned)st->end);
    if (moods) r |= dy_buf_printf(b, ",\"mood\":\"%s\"", dy_mood_name(e->mood));
    r |= dy_buf_adds(b, "}\n");
    return r ? -1 : 0;
}
