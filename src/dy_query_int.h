/* dy_query_int.h - what dy_query.c (options, results, the lists and records) and
 * dy_query_net.c (the summaries, the series, the network) share: the result's layout and the
 * helpers that prepare, bind and read a query. Internal to the two files. */
#ifndef DY_QUERY_INT_H
#define DY_QUERY_INT_H

#include "dy_query.h"

#include <stddef.h>
#include <stdint.h>

/* DY_COL_* type; s is the text form; exact: s is num as %.15g writes it (a JSON number as it is) */
typedef struct cell { char *s; double num; uint8_t type, exact; } cell;

/* pool: when set, every cell's text lies in it (one block for a tally's thousands of cells) and
 * is freed with it; else each cell's text is its own allocation */
struct dy_result {
    size_t ncol, nrow, cap;
    char **cols;
    cell *cells;
    char *pool;
};

/* a sentence's text: d a document, s a sentence of it */
#define SENT_TEXT "CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT)"
/* The period: a day in it; with undated, also an undated event when the period is open. */
#define IN_PERIOD "e.day BETWEEN :from AND :to"
#define IN_PERIOD_OR_UNDATED "(e.day BETWEEN :from AND :to OR (e.day IS NULL AND :from = -2147483648 AND :to = 2147483647))"

dy_status dyq_dberr(dy_db *db, dy_err *err);       /* err says the database's message */
/* Runs a prepared statement to the end and keeps every row. Finalises q. */
int dyq_collect(dy_db *db, dy_stmt *q, dy_result **out, dy_err *err);
int dyq_prepare(dy_db *db, const char *sql, dy_stmt **q, dy_err *err);
/* A LIMIT; -1 is all rows: SQLite's LIMIT -1, PostgreSQL's LIMIT NULL. */
void dyq_bind_limit(dy_stmt *q, int i, int n);
/* Binds the common parameters by name (:a :b :undirected :from :to :actor ...). */
void dyq_bind_opts(dy_stmt *q, const dy_qopts *o);
/* Prepares sql, binds the options and keeps every row: the shape of most queries. */
int dyq_select_all(dy_db *db, const char *sql, const dy_qopts *o, dy_result **out, dy_err *err);
const char *dyq_col_str(dy_stmt *q, int c);        /* a column's text, "" for NULL */
/* Which events: a dyad (both ways unless directed), or an actor, or all. */
const char *dyq_event_filter(const dy_qopts *o);
/* The events the options select, after dedup, as a subquery to read "FROM (...) e". */
void dyq_events_from(dy_db *db, char *sql, size_t size, const dy_qopts *o, int dedup, int undated);
int dyq_dedup_of(const dy_qopts *o, int def);      /* o's dedup, or def when it gives none */
int dyq_has_sums(dy_db *db);                       /* the store's summaries are there and up to date */
/* v / 10^scale (scale 1 or 2) as dy_sql_real_text writes the double: "12.0", "1.5", "-0.05". */
void dyq_fixed_text(char *b, long long v, int scale);

#endif
