/* dy_api.c - /api/events, /api/series, /api/network, /api/relation, /api/obligations, /api/actors, /api/doc/:id. */
#include "dy_api.h"
#include "dy_ingest.h"
#include "dy_out.h"
#include "dy_query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(dy_buf *body, int status, const char *msg)
{
    body->len = 0;
    dy_buf_adds(body, "{\"error\":");
    dy_out_json_string(body, msg, strlen(msg));
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
        if (vl > DY_API_MAX_ARG || strlen(k) > 32) return fail(body, 400, "an argument is too long");
        if (dy_text_check("argument", v, vl, 0, &err) || dy_text_check("argument", k, strlen(k), 0, &err))
            return fail(body, 400, "an argument is not valid UTF-8 text");
        if (!strcmp(k, "a") && a) { *a = v; continue; }
        if (!strcmp(k, "b") && b) { *b = v; continue; }
        int r = dy_qopts_set(o, k, v, &err);
        if (r < 0) return fail(body, 400, err.msg);
        if (r > 0) {
            snprintf(msg, sizeof msg, "unknown argument '%.40s'; this API takes dyad, actor, from, to, by, limit, directed", k);
            return fail(body, 400, msg);
        }
    }
    if (o->from > o->to) return fail(body, 400, "from is after to; give the earlier date first");
    return 0;
}

int dy_api_handle(struct sqlite3 *db, const char *path, const dy_kv *args, size_t nargs, dy_buf *body)
{
    dy_qopts o;
    dy_err err = {0};
    dy_result *r = NULL, *r2 = NULL;
    const char *a = NULL, *b = NULL;
    int st, rc = 0;
    if (!strncmp(path, "/api/doc/", 9)) {
        char *end;
        long long id = strtoll(path + 9, &end, 10);
        if (!path[9] || *end || id < 1) return fail(body, 400, "a document is /api/doc/ID with a positive number");
        if (nargs) return fail(body, 400, "/api/doc/ID takes no arguments");
        rc = dy_query_doc_json(db, id, body, &err);
        if (rc == 1) return fail(body, 404, "no such document");
    } else if (!strcmp(path, "/api/events")) {
        if ((st = options(args, nargs, &o, NULL, NULL, body))) return st;
        if (!o.limit) o.limit = 500;
        rc = dy_query_event_records(db, &o, DY_FMT_JSON_ARRAY, NULL, body, &err);
    } else if (!strcmp(path, "/api/series")) {
        if ((st = options(args, nargs, &o, NULL, NULL, body))) return st;
        if (!o.a[0]) return fail(body, 400, "series needs dyad=A,B, such as dyad=RUS,PRK");
        rc = dy_query_series(db, &o, &r, &err) || dy_result_json(r, body);
    } else if (!strcmp(path, "/api/network")) {
        if ((st = options(args, nargs, &o, NULL, NULL, body))) return st;
        rc = dy_query_network(db, &o, &r, &r2, &err) || dy_network_json(r, r2, body);
    } else if (!strcmp(path, "/api/actors")) {
        if ((st = options(args, nargs, &o, NULL, NULL, body))) return st;
        rc = dy_query_actors(db, &o, &r, &err) || dy_result_json(r, body);
    } else if (!strcmp(path, "/api/relation")) {
        if ((st = options(args, nargs, &o, &a, &b, body))) return st;
        if (a || b) {
            if (!a || !b || strlen(a) != 3 || strlen(b) != 3 || dy_query_actor(a, &err) || dy_query_actor(b, &err))
                return fail(body, 400, "relation needs a=X&b=Y (or dyad=X,Y) with country codes of three letters");
            memcpy(o.a, a, 4);
            memcpy(o.b, b, 4);
        }
        if (!o.a[0]) return fail(body, 400, "relation needs a=X&b=Y (or dyad=X,Y) with country codes of three letters");
        rc = dy_query_relation_json(db, &o, body, &err);
    } else if (!strcmp(path, "/api/obligations")) {
        if ((st = options(args, nargs, &o, NULL, NULL, body))) return st;
        rc = dy_query_obligations(db, &o, &r, &err) || dy_result_json(r, body);
    } else {
        return fail(body, 404, "no such API; see docs/api.md (events, series, network, relation, obligations, actors, doc/ID)");
    }
    dy_result_destroy(&r);
    dy_result_destroy(&r2);
    if (rc) return fail(body, 500, err.msg[0] ? err.msg : "out of memory");
    return 200;
}
