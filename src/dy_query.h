/* dy_query.h - questions asked of the corpus store: events, series, networks, timelines,
 * relations, actors; their answers as tables that write themselves as JSON, aligned text,
 * CSV/TSV, GraphML or DOT. The CLI and the dashboard call the same functions.
 *
 * Invariants and ownership:
 *  - User input (actor codes, dates, periods) is checked here with clear messages and reaches
 *    SQL only as bound parameters.
 *  - A dy_result owns its cells; the caller destroys it. Results are small (a series or a
 *    network, not the whole corpus); dy_query_export() streams instead.
 *  - Nothing here prints; writers append to a caller's dy_buf.
 */
#ifndef DY_QUERY_H
#define DY_QUERY_H

#include <stddef.h>
#include <stdint.h>
#include "dy_util.h"

#include "dy_sql.h"

enum { DY_BY_DAY = 0, DY_BY_WEEK, DY_BY_MONTH, DY_BY_YEAR };
/* Duplicates: none (every event as coded); day (one event per source, target, code and day, the
 * "one-a-day" rule; an undated event per document); story (one per source, target, code and
 * sentence: the same sentence reprinted by several outlets counts once). DY_DEDUP_DEFAULT: day
 * for series and networks, none for events and exports. */
enum { DY_DEDUP_DEFAULT = -1, DY_DEDUP_NONE = 0, DY_DEDUP_DAY, DY_DEDUP_STORY };

typedef struct dy_qopts {
    char a[16], b[16];      /* --dyad A,B (country codes) */
    char actor[16];         /* --actor X */
    int32_t from, to;       /* days since 1970; INT32_MIN / INT32_MAX when open */
    int by;                 /* DY_BY_* for series */
    int directed;           /* a dyad one way only (A to B) */
    int limit;              /* rows of events; 0 = the default */
    int64_t offset;         /* rows skipped first (events, actors, obligations, timeline): paging */
    int cap;                /* the most rows of any list or series, and of a network's nodes and
                             * edges, in one answer (the server sets it); 0: no cap */
    int sources;            /* a relation's sources at most, from offset (the server sets it, for
                             * paging: the query asks one more, to know there is a next page); 0: cap */
    int skip;               /* a network's busiest rows of each list left out (the server's pages:
                             * cap counts them too); 0: none */
    char as_of[16];         /* --as-of DATE for obligations ("YYYY-MM-DD"); "" for any time */
    char attacked[16];      /* --if-attacked C for obligations; "" for any party */
    int dedup;              /* --dedup: DY_DEDUP_* */
} dy_qopts;

void dy_qopts_init(dy_qopts *o);
/* "2024", "2024-06" or "2024-06-18" as the first (end = 0) or last (end = 1) day it covers. */
int dy_query_date(const char *s, int end, int32_t *day, dy_err *err);
/* A country or actor code: three capital letters, optionally a role ("RUS", "PRKGOV"). */
int dy_query_actor(const char *s, dy_err *err);
int dy_query_period(const char *s, int *by, dy_err *err);
/* Sets one option by name, as the CLI (--dyad RUS,PRK) and the HTTP API (?dyad=RUS,PRK) give
 * them: dyad, actor, from, to, by, limit, offset, directed, as-of, if-attacked, dedup. Returns 0,
 * 1 for an unknown name, -1 for a bad value (err says what was expected). */
int dy_qopts_set(dy_qopts *o, const char *name, const char *value, dy_err *err);

typedef struct dy_result dy_result;
void dy_result_destroy(dy_result **r);
size_t dy_result_rows(const dy_result *r);
size_t dy_result_cols(const dy_result *r);
const char *dy_result_col(const dy_result *r, size_t c);
const char *dy_result_cell(const dy_result *r, size_t row, size_t c);   /* NULL for SQL NULL */
double dy_result_num(const dy_result *r, size_t row, size_t c);

/* Keeps the first n rows (a page), dropping the rest. */
void dy_result_keep(dy_result *r, size_t n);
/* Writers. json: an array of objects; table: aligned columns with a header line. */
int dy_result_json(const dy_result *r, dy_buf *b);
/* The JSON array of as many first rows as keep b under max_bytes, and at least the first (so
 * that paging always moves on); *rows says how many were written. */
int dy_result_json_upto(const dy_result *r, dy_buf *b, size_t max_bytes, size_t *rows);
int dy_result_table(const dy_result *r, dy_buf *b);
int dy_result_sep(const dy_result *r, dy_buf *b, char sep);     /* CSV (',') or TSV ('\t') with a header */

/* Events as a short table (date, source, target, code, quad, goldstein, doc, sent, text): the
 * text view of `query events`; undated events last. */
int dy_query_events(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err);
/* Events as records (dy_out.h), in date order (undated last), at most o->limit (1000) after o->offset: fmt
 * DY_FMT_* or DY_FMT_JSON_ARRAY (one JSON array, with the store's doc_id and event_id: the API's). */
enum { DY_FMT_JSON_ARRAY = 100 };
struct dy_plover;
int dy_query_event_records(dy_db *db, const dy_qopts *o, int fmt, const struct dy_plover *plover, dy_buf *b, dy_err *err);
/* The API's page of events: the JSON array of /api/events, at most page->limit records after
 * o->offset, ending before the record that would take b past page->max_bytes (the first record
 * always goes, so that paging moves on); page->rows says how many were written, page->more
 * whether events remain after them (the next page's offset is o->offset + rows). */
typedef struct dy_event_page {
    int limit;
    size_t max_bytes;
    size_t rows;
    int more;
} dy_event_page;
int dy_query_event_page(dy_db *db, const dy_qopts *o, dy_event_page *page, dy_buf *b, dy_err *err);
/* The options' events in brief, as the JSON object {"first": "YYYY-MM-DD" or null, "last", "events",
 * "undated", "codes": [...]}: the first and last day of the dated ones, how many (undated ones
 * too when the period is open) and how many of those have no date; codes are every country,
 * IGO and region code (src3, tgt3) of the store, whatever the options. */
int dy_query_extent_json(dy_db *db, const dy_qopts *o, dy_buf *b, dy_err *err);
/* How many events of the options' actors have no date (they are in no series or network). */
int dy_query_undated(dy_db *db, const dy_qopts *o, long *n, dy_err *err);
/* One row a period; with o->cap, a range of more periods than that is refused (DY_EINPUT). */
int dy_query_series(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err);
/* A network: nodes (code, mentions, events) and edges (source, target, events, goldstein sum and mean). */
int dy_query_network(dy_db *db, const dy_qopts *o, dy_result **nodes, dy_result **edges, dy_err *err);
int dy_network_graphml(const dy_result *nodes, const dy_result *edges, dy_buf *b);
int dy_network_dot(const dy_result *nodes, const dy_result *edges, dy_buf *b);
int dy_network_json(const dy_result *nodes, const dy_result *edges, dy_buf *b);
int dy_query_timeline(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err);
int dy_query_actors(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err);
/* A relation between a and b, from the relations graph (dy_relations.h): named sections.
 *  tier      every tier named for the pair: the current one first (now = "now"), then by date
 *  treaties  each treaty between them once: name, parties, status, dates, clauses, aliases
 *  stages    every claim of a stage (treaty, stage, party, date, doc, sent); conflict where
 *            sources give a stage of one party different days
 *  evidence  the facts behind each alias and clause of each treaty
 *  trade     every source's figure by year; conflict where they differ by more than 5 %
 *  events, sources  the pair's latest events and the documents they come from */
enum { DY_REL_TIER, DY_REL_TREATIES, DY_REL_STAGES, DY_REL_EVIDENCE, DY_REL_TRADE, DY_REL_EVENTS, DY_REL_SOURCES, DY_REL_N };
extern const char *const dy_rel_names[DY_REL_N];
int dy_query_relation(dy_db *db, const dy_qopts *o, dy_result *out[DY_REL_N], dy_err *err);
/* The relation as one loadable table (query relation --format csv|tsv): a row per claim a source
 * makes of the pair (kind, id, name, attribute, value, party, date, doc, sent, text): a tier
 * named (rank), a treaty's alias, stage or clause, a trade figure (docs/schema.md). */
int dy_query_relation_table(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err);
/* Obligations: which state is bound to assist which under which treaty's mutual assistance
 * clause, as of o->as_of (in force by then, not suspended or ended), only towards o->attacked
 * when set; a row per sentence that says so (obliged, assists, treaty, name, clause, in_force,
 * doc, sent, text). */
int dy_query_obligations(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err);
/* The relation as one JSON object {"a","b","tier":[...],"treaties":[...],...}. With o->sources,
 * *next (may be NULL) is the offset of the next page of sources, -1 when this one holds the rest. */
int dy_query_relation_json(dy_db *db, const dy_qopts *o, dy_buf *b, long long *next, dy_err *err);
/* A stored document with its events' spans, as JSON; 0, 1 when there is no such document, -1. */
int dy_query_doc_json(dy_db *db, int64_t id, dy_buf *b, dy_err *err);

/* Every event (in the options' period; undated ones too when it is open), as records (dy_out.h)
 * in fmt (DY_FMT_*) to b, in document order; flush(ctx, b) is called whenever b grows past
 * 64 KiB and must empty it. */
int dy_query_export(dy_db *db, const dy_qopts *o, int fmt, const struct dy_plover *plover, dy_buf *b,
                    int (*flush)(void *ctx, dy_buf *b), void *ctx, dy_err *err);

#endif
