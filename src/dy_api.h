/* dy_api.h - the dashboard's JSON API, independent of any HTTP server: a path and its decoded
 * query arguments in, an HTTP status and a JSON body out. `dyad serve` puts it behind
 * libmicrohttpd; tests and the fuzzer call it directly. Documented in docs/api.md.
 *
 * Invariants and ownership:
 *  - Read-only: every query goes through dy_query on a connection the caller opened read-only.
 *  - Every answer is JSON; a bad request gets a 4xx status and {"error": "..."} saying what was
 *    expected; the body is appended to the caller's dy_buf.
 *  - Arguments are checked for length and UTF-8 before use; they reach SQL only as bound values.
 */
#ifndef DY_API_H
#define DY_API_H

#include <stddef.h>
#include "dy_util.h"

struct sqlite3;

typedef struct dy_kv {
    const char *key, *value;    /* decoded; value may be NULL for "?flag" */
} dy_kv;

#define DY_API_MAX_ARG 256      /* bytes of one argument value */

/* Handles GET path?args. Returns the HTTP status (200, 400, 404, 500). */
int dy_api_handle(struct sqlite3 *db, const char *path, const dy_kv *args, size_t nargs, dy_buf *body);

#endif
