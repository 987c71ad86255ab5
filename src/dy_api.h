/* dy_api.h - the dashboard's JSON API, independent of any HTTP server: a path and its decoded
 * query arguments in, an HTTP status and a JSON body out. `dyad serve` puts it behind
 * libmicrohttpd; tests and the fuzzer call it directly. Documented in docs/api.md.
 *
 * Invariants and ownership:
 *  - Read-only: every query goes through dy_query on a connection the caller opened read-only.
 *  - Every answer is JSON; a bad request gets a 4xx status and {"error": "..."} saying what was
 *    expected; the body is appended to the caller's dy_buf.
 *  - Arguments are checked for length and UTF-8 before use; they reach SQL only as bound values.
 *  - Every answer is bounded: a list holds at most max_rows rows (limit is clamped to it) and
 *    stops at the row that would take it past max_bytes, saying where the next page starts
 *    (page->next, for ?offset=); a network at most DY_API_EDGES edges and nodes, paged the same way; a series of more periods is refused (400); a query that runs
 *    past time_ms is stopped (a progress handler on SQLite, statement_timeout on PostgreSQL) and answered 503.
 */
#ifndef DY_API_H
#define DY_API_H

#include <stddef.h>
#include "dy_util.h"

#include "dy_sql.h"

typedef struct dy_kv {
    const char *key, *value;    /* decoded; value may be NULL for "?flag" */
} dy_kv;

#define DY_API_MAX_ARG 256      /* bytes of one argument value */

#define DY_API_MAX_ROWS 10000           /* rows of one list, periods of one series */
#define DY_API_MAX_BYTES (16u << 20)    /* bytes of one list answer */
#define DY_API_TIME_MS 5000             /* time of one answer's queries */
#define DY_API_SOURCES 100              /* a relation's sources in one answer, unless limit= says */
#define DY_API_EDGES 1000               /* a network's edges (and nodes) in one answer at most: about 90 KB */

typedef struct dy_api_limits {
    int max_rows;           /* 0: DY_API_MAX_ROWS, and so on */
    size_t max_bytes;
    int time_ms;
} dy_api_limits;

typedef struct dy_api_page {
    long long next;         /* the offset= of the next page; -1 when this answer holds the rest */
} dy_api_page;

/* Handles GET path?args under the limits (NULL: the defaults). Returns the HTTP status (200,
 * 400, 404, 500, or 503 when the time ran out); page (may be NULL) says what was left out. */
int dy_api_serve(dy_db *db, const dy_api_limits *lim, const char *path, const dy_kv *args, size_t nargs,
                 dy_buf *body, dy_api_page *page);
/* The same with the default limits. */
int dy_api_handle(dy_db *db, const char *path, const dy_kv *args, size_t nargs, dy_buf *body);

/* ---- the answer cache (dy_api_cache.c) ----
 * Answers (200 and 404) kept by their request, the path and the decoded arguments as given, up
 * to max_bytes in all (the least recently used go first), until the store changes: before each
 * request the connection is asked whether any commit happened since it was last asked (SQLite's
 * PRAGMA data_version), and a change empties the cache. A cached answer is byte for byte the one
 * dy_api_serve gives. Shared by threads (one mutex); each thread brings its own read-only
 * connection, all to the same store, and every request on them goes through the cache (a
 * connection's first request empties it: it cannot tell what changed before). One cache serves
 * one set of limits. PostgreSQL cannot tell a change this way: its requests bypass the cache. */
#define DY_API_CACHE_BYTES (32u << 20)

typedef struct dy_api_cache dy_api_cache;
typedef struct dy_api_cache_stat {
    unsigned long long hits, misses, flushes, entries, bytes;
} dy_api_cache_stat;

dy_api_cache *dy_api_cache_new(size_t max_bytes);       /* 0: DY_API_CACHE_BYTES; NULL when out of memory */
void dy_api_cache_free(dy_api_cache **c);
void dy_api_cache_stats(dy_api_cache *c, dy_api_cache_stat *st);
/* dy_api_serve through cache c (NULL: none); body must be empty. *hit says the answer was kept. */
int dy_api_serve_cached(dy_api_cache *c, dy_db *db, const dy_api_limits *lim, const char *path, const dy_kv *args,
                        size_t nargs, dy_buf *body, dy_api_page *page, int *hit);

#endif
