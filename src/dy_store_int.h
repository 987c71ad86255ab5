/* dy_store_int.h - what the two store backends share (dy_store.c, SQLite; dy_store_pg.c,
 * PostgreSQL): a document's identity, its day number, and its content as typed rows, so that both
 * write the same values to the same columns. Not for use outside the store.
 *
 * Ownership: a row's text fields point into the document and the coder; they are valid during
 * the call to the row function only.
 */
#ifndef DY_STORE_INT_H
#define DY_STORE_INT_H

#include "dy_sql.h"
#include "dy_store.h"

typedef struct dy_fld {
    int t;                  /* DY_COL_NULL, _INT (i), _FLOAT (d), _TEXT (s, n) */
    int64_t i;
    double d;
    const char *s;
    size_t n;
} dy_fld;

/* The tables a document's content goes to, and their columns in the order rows give them:
 * sentences(doc, no, start, end), events(doc, sent, date, day, prec, source, target, src3, tgt3,
 * code, root, quad, goldstein, src_start, src_end, tgt_start, tgt_end, verb_start, verb_end),
 * facts(doc, sent, kind, actors, year, date, value, label, clauses, stage, party, kinds),
 * actors(code, country), mentions(doc, code, code3, text, n, first). An actor's row comes
 * before the first mention of it. */
enum { DY_ROW_SENT, DY_ROW_EVENT, DY_ROW_FACT, DY_ROW_ACTOR, DY_ROW_MENTION, DY_ROW_N };
typedef int (*dy_row_fn)(void *ctx, int table, const dy_fld *v, int n, dy_err *err);

/* Calls row for every row of stored document id's content; 0, or -1 (err set, by row or here). */
int dy_store_content(int64_t id, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_row_fn row, void *ctx,
                     dy_err *err);
/* A document's own row, as dy_store_rows() records it first: documents(name, hash, pub, source,
 * title, url, body, text, pubday); a text field is also 0-terminated. */
enum { DOC_COLS = 9 };
/* Calls row for each content row recorded by dy_store_rows() from p to end, the document's id
 * in its doc column. 0, or -1 (err set). */
int dy_store_replay(const char *p, const char *end, int64_t id, dy_row_fn row, void *ctx, dy_err *err);
/* XXH3-128 of the text and the metadata that changes how it is coded, as 32 hex digits. */
void dy_store_hash(const dy_doc *d, char out[33]);
/* Days since 1970; a month or a year counts from its first day. */
int64_t dy_store_day(dy_date d);

/* The PostgreSQL store (dy_store_pg.c); dy_store.c hands every call on when the name is a
 * postgresql:// URI. */
typedef struct dy_pgstore dy_pgstore;
dy_status dy_pgstore_open(const char *uri, int mode, dy_pgstore **out, dy_err *err);
void dy_pgstore_close(dy_pgstore **p);
dy_db *dy_pgstore_db(dy_pgstore *p);
dy_status dy_pgstore_begin(dy_pgstore *p, dy_err *err);
dy_status dy_pgstore_commit(dy_pgstore *p, dy_err *err);
void dy_pgstore_rollback(dy_pgstore *p);
/* doc: the document's row (DOC_COLS fields); rows to end: its content, for dy_store_replay() */
int dy_pgstore_add_rows(dy_pgstore *p, const dy_fld doc[DOC_COLS], const char *rows, const char *end, int replace, dy_err *err);
int dy_pgstore_recode(dy_pgstore *p, int64_t id, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_err *err);

/* Both: every stored document, rebuilt, through fn (dy_store_each_doc). */
int dy_store_each_doc_db(dy_db *db, int (*fn)(void *ctx, int64_t id, const dy_doc *doc), void *ctx, dy_err *err);

#endif
