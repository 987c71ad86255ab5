/* dy_out.h - serialising events as JSON Lines or TSV.
 *
 * Invariants and ownership:
 *  - Writers append to a caller-owned dy_buf; the caller decides when to flush it, so output is
 *    buffered in large blocks and the hot path makes no stdio call per event.
 *  - Text fields are the document's bytes with runs of white space folded to one space; JSON
 *    strings escape quotes, backslashes and control characters and keep UTF-8 as it is.
 */
#ifndef DY_OUT_H
#define DY_OUT_H

#include "dy_events.h"
#include "dy_ingest.h"
#include "dy_util.h"

enum { DY_FMT_JSONL = 0, DY_FMT_TSV = 1 };

int dy_out_json_string(dy_buf *b, const char *s, size_t n);   /* with the quotes; white space folded */
int dy_out_json_exact(dy_buf *b, const char *s, size_t n);    /* with the quotes; every byte kept */
int dy_out_tsv_header(dy_buf *b, int moods);
/* Appends one event of doc (sentences from the coder) in the format. */
int dy_out_event(dy_buf *b, int fmt, const dy_doc *doc, const dy_sent *sents, const dy_event *e, int moods);

#endif
