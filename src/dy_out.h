/* dy_out.h - serialising events: one event record (docs/schema.md, "The event record") written
 * by `dyad code`, `dyad export`, `dyad query events` and /api/events alike, as JSON Lines, CSV,
 * TSV, GDELT 2.0's event table or PLOVER JSON (dy_out_fmt.c).
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

enum { DY_FMT_JSONL = 0, DY_FMT_TSV = 1, DY_FMT_CSV = 2, DY_FMT_GDELT = 3, DY_FMT_PLOVER = 4 };

/* A piece of text: s[0..n); s NULL when unknown (written as null, or an empty field). */
typedef struct dy_text { const char *s; size_t n; } dy_text;

/* One event as every output writes it. Strings are borrowed. */
typedef struct dy_record {
    dy_text doc, url, title;        /* the document's name (file or JSONL id), its URL and title */
    uint32_t sent, start, end;      /* the sentence's number (1-based) and its byte span in the document */
    char date[16];                  /* YYYY-MM-DD, YYYY-MM or YYYY; "" when undated */
    int prec;                       /* DY_PREC_* */
    const char *source, *target;    /* actor codes; country = their first three letters, role the rest */
    const char *code, *root;        /* CAMEO, as strings ("042") */
    int quad;
    double goldstein;
    dy_text source_text, target_text, verb_text, text;
    uint32_t verb_start;            /* byte offset of the verb in the document: part of the id */
    long mentions, sources;         /* events merged into this one (1 when none), and their documents */
    const char *mood;               /* NULL: not written (code --moods all writes it) */
    const char *pub;                /* the document's date (GDELT's DATEADDED); NULL when unknown */
    int64_t doc_id, event_id;       /* the store's row ids, written (JSON only) when > 0: the dashboard's */
} dy_record;

/* The event's stable id: XXH3-64 of the document's URL (else its name without folders), the
 * sentence's number and span, the verb's offset, source, target and code; the same input and dictionaries give the same id on
 * every run and machine. As 16 lower-case hex digits. */
uint64_t dy_record_id(const dy_record *r);
void dy_record_id_hex(const dy_record *r, char out[17]);

/* The CAMEO to PLOVER table (data/cameo-plover.tsv): code, event, mode, context. */
typedef struct dy_plover dy_plover;
dy_status dy_plover_load(const char *path, dy_plover **out, dy_err *err);
void dy_plover_destroy(dy_plover **p);
/* The line of code's longest listed prefix; 0 when there is none (event etc. are then NULL). */
int dy_plover_find(const dy_plover *p, const char *code, const char **event, const char **mode, const char **context);

/* The header line of CSV and TSV (none for the other formats). */
int dy_out_record_header(dy_buf *b, int fmt, int moods);
int dy_out_tsv_header(dy_buf *b, int moods);
/* Appends one record in the format (plover: the table, needed for DY_FMT_PLOVER only). */
int dy_out_record(dy_buf *b, int fmt, const dy_record *r, const dy_plover *plover);
/* Appends one event of doc (sentences from the coder) in the format. */
int dy_out_event(dy_buf *b, int fmt, const dy_doc *doc, const dy_sent *sents, const dy_event *e, int moods, const dy_plover *plover);
/* GDELT 2.0 and PLOVER (dy_out_fmt.c). */
int dy_out_gdelt(dy_buf *b, const dy_record *r);
int dy_out_plover(dy_buf *b, const dy_record *r, const dy_plover *plover);
/* Shared by the writers (text folded: dy_text_folded in dy_util.h). */
int dy_out_uint(dy_buf *b, unsigned long v);
int dy_out_tenths(dy_buf *b, double x);

#endif
