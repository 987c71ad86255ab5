/* dy_api.c - /api/events, /api/extent, /api/series, /api/network, /api/relation, /api/obligations, /api/actors, /api/doc/:id. */
#include "dy_api.h"
#include "dy_ingest.h"
#include "dy_out.h"
#include "dy_query.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int api_fail(dy_buf *body, int status, const char *msg)
{
    body->len = 0;
    dy_buf_adds(body, "{\"error\":");
    dy_json_string(body, msg, strlen(msg));
    dy_buf_adds(body, "}\n");
    return status;
}

/* Reads the arguments into options; names that are not options (a, b for relations) are left
 * to the caller through *a and *b. */
static int options(const dy_kv *args, size_t n, dy_qopts *o, const char **a, const char **b, dy_buf *body)
{
    dy_qopts_init(o);
    for (size_t i = 0; i < n; i++) {
        const char *k = args[i].key ? args[i].key : "", *v = args[i].value ? args[i].value : "";
        size_t vl = strlen(v);
        dy_err err = {0};
        char msg[400];
        if (vl > DY_API_MAX_ARG || strlen(k) > 32) return api_fail(body, 400, "an argument is too long");
        if (dy_text_check("argument", v, vl, 0, &err) || dy_text_check("argument", k, strlen(k), 0, &err))
            return api_fail(body, 400, "an argument is not valid UTF-8 text");
        if (!strcmp(k, "a") && a) { *a = v; continue; }
        if (!strcmp(k, "b") && b) { *b = v; continue; }
        int r = dy_qopts_set(o, k, v, &err);
        if (r < 0) return api_fail(body, 400, err.msg);
        if (r > 0) {
            snprintf(msg, sizeof msg, "unknown argument '%.40s'; this API takes dyad, actor, from, to, by, limit, offset, directed, dedup", k);
            return api_fail(body, 400, msg);
        }
    }
    if (o->from > o->to) return api_fail(body, 400, "from is after to; give the earlier date first");
    return 0;
}

/* A list answer: rows beyond limit (the query asked for one more, to know there is a next
 * page) and beyond max_bytes are left for the next page. */
static int list_json(dy_result *r, const dy_qopts *o, int limit, size_t max_bytes, dy_buf *body, dy_api_page *page)
{
    int more = dy_result_rows(r) > (size_t)limit;
    dy_result_keep(r, (size_t)limit);
    size_t rows;
    if (dy_result_json_upto(r, body, max_bytes, &rows)) return -1;
    if (more || rows < dy_result_rows(r)) page->next = o->offset + (long long)rows;
    return 0;
}

/* A page of the network: the busiest edges and nodes from offset to offset + limit (each list
 * on its own ranks, busiest first); page->next when either list goes on. */
static int network_page(dy_db *db, dy_qopts *o, int limit, dy_result **nodes, dy_result **edges, dy_buf *body,
                        dy_api_page *page, dy_err *err)
{
    long long end = o->offset + limit;
    if (end >= INT_MAX) return dy_buf_adds(body, "{\"nodes\":[],\"edges\":[]}\n");      /* past any network */
    o->skip = (int)o->offset;       /* the query leaves them out: a deep page costs little more */
    o->cap = (int)end + 1;          /* one more, to know there is a next page */
    if (dy_query_network(db, o, nodes, edges, err)) return -1;
    if (dy_result_rows(*nodes) > (size_t)limit || dy_result_rows(*edges) > (size_t)limit) page->next = end;
    dy_result_keep(*nodes, (size_t)limit);
    dy_result_keep(*edges, (size_t)limit);
    return dy_network_json(*nodes, *edges, body);
}

/* The endpoints, with o's limits set; rc as the queries return it. */
static int route(dy_db *db, const dy_api_limits *lim, const char *path, const dy_kv *args, size_t nargs,
                 dy_buf *body, dy_api_page *page, dy_err *err, int *status)
{
    dy_qopts o;
    dy_result *r = NULL, *r2 = NULL;
    const char *a = NULL, *b = NULL;
    int rc = 0, limit = 0, cap = lim->max_rows;
#define OPTS(A, B) do { if ((*status = options(args, nargs, &o, A, B, body))) return 0; \
                        o.cap = cap; limit = o.limit > 0 && o.limit < cap ? o.limit : o.limit > 0 || limit > cap ? cap : limit; } while (0)
    if (!strncmp(path, "/api/doc/", 9)) {
        char *end;
        long long id = strtoll(path + 9, &end, 10);
        if (!path[9] || *end || id < 1) return *status = api_fail(body, 400, "a document is /api/doc/ID with a positive number"), 0;
        if (nargs) return *status = api_fail(body, 400, "/api/doc/ID takes no arguments"), 0;
        rc = dy_query_doc_json(db, id, body, err);     /* one stored document: bounded by the ingest cap */
        if (rc == 1) return *status = api_fail(body, 404, "no such document"), 0;
    } else if (!strcmp(path, "/api/events")) {      /* the records of docs/schema.md, with the store's ids */
        limit = 500;
        OPTS(NULL, NULL);
        dy_event_page ep = {limit, lim->max_bytes, 0, 0};
        rc = dy_query_event_page(db, &o, &ep, body, err);
        if (!rc && ep.more) page->next = o.offset + (long long)ep.rows;
    } else if (!strcmp(path, "/api/extent")) {      /* the data's first and last day, a count: bounded */
        OPTS(NULL, NULL);
        rc = dy_query_extent_json(db, &o, body, err);
    } else if (!strcmp(path, "/api/actors") || !strcmp(path, "/api/obligations")) {
        limit = path[5] == 'a' ? 1000 : cap;
        OPTS(NULL, NULL);
        o.limit = limit + 1;
        rc = path[5] == 'a' ? dy_query_actors(db, &o, &r, err) : dy_query_obligations(db, &o, &r, err);
        rc = rc || list_json(r, &o, limit, lim->max_bytes, body, page);
    } else if (!strcmp(path, "/api/series")) {
        OPTS(NULL, NULL);
        if (!o.a[0]) return *status = api_fail(body, 400, "series needs dyad=A,B, such as dyad=RUS,PRK"), 0;
        rc = dy_query_series(db, &o, &r, err);
        if (rc && !strncmp(err->msg, "the series would have", 21)) return *status = api_fail(body, 400, err->msg), 0;
        rc = rc || dy_result_json(r, body);
    } else if (!strcmp(path, "/api/network")) {      /* its busiest edges and nodes a page at a time */
        if (cap > DY_API_EDGES) cap = DY_API_EDGES;
        limit = cap;
        OPTS(NULL, NULL);
        rc = network_page(db, &o, limit, &r, &r2, body, page, err);
    } else if (!strcmp(path, "/api/relation")) {      /* its busiest sources a page at a time */
        limit = DY_API_SOURCES;
        OPTS(&a, &b);
        o.sources = limit;
        if (a || b) {
            if (!a || !b || strlen(a) != 3 || strlen(b) != 3 || dy_query_actor(a, err) || dy_query_actor(b, err))
                return *status = api_fail(body, 400, "relation needs a=X&b=Y (or dyad=X,Y) with country codes of three letters"), 0;
            memcpy(o.a, a, 4);
            memcpy(o.b, b, 4);
        }
        if (!o.a[0]) return *status = api_fail(body, 400, "relation needs a=X&b=Y (or dyad=X,Y) with country codes of three letters"), 0;
        rc = dy_query_relation_json(db, &o, body, &page->next, err);
    } else {
        return *status = api_fail(body, 404, "no such API; see docs/api.md (events, extent, series, network, relation, obligations, actors, doc/ID)"), 0;
    }
#undef OPTS
    dy_result_destroy(&r);
    dy_result_destroy(&r2);
    *status = 200;
    return rc;
}

int dy_api_serve(dy_db *db, const dy_api_limits *limp, const char *path, const dy_kv *args, size_t nargs,
                 dy_buf *body, dy_api_page *pagep)
{
    dy_api_limits lim = limp ? *limp : (dy_api_limits){0};
    if (lim.max_rows <= 0) lim.max_rows = DY_API_MAX_ROWS;
    if (!lim.max_bytes) lim.max_bytes = DY_API_MAX_BYTES;
    if (lim.time_ms <= 0) lim.time_ms = DY_API_TIME_MS;
    dy_api_page page0, *page = pagep ? pagep : &page0;
    page->next = -1;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    dy_db_deadline(db, (double)now.tv_sec + now.tv_nsec / 1e9 + lim.time_ms / 1000.0);
    dy_err err = {0};
    int status = 500;
    int rc = route(db, &lim, path, args, nargs, body, page, &err, &status);
    int hit = dy_db_timed_out(db);
    dy_db_deadline(db, 0);
    if (hit) {
        char msg[200];
        snprintf(msg, sizeof msg, "the query ran longer than %d ms and was stopped; ask for a shorter period, a pair or fewer rows", lim.time_ms);
        page->next = -1;
        return api_fail(body, 503, msg);
    }
    if (rc) return api_fail(body, 500, err.msg[0] ? err.msg : "out of memory");
    return status;
}

int dy_api_handle(dy_db *db, const char *path, const dy_kv *args, size_t nargs, dy_buf *body)
{
    return dy_api_serve(db, NULL, path, args, nargs, body, NULL);
}
