/* fuzz_api.c - the HTTP API's request handling: a path and query arguments, decoded as the
 * server hands them over ("path\0key=value&key=value"), against a small database. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../../src/dy_api.h"
#include "../../src/dy_store.h"

static dy_store *S;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    /* in $TMPDIR: tests/fuzz/run.sh points it at a directory it removes on every exit */
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/dyad-fuzz-api-%d.db", tmp && *tmp ? tmp : "/tmp", (int)getpid());
    unlink(path);
    dy_dict *d = NULL;
    dy_err e = {0};
    if (dy_dict_load("tests/unit/dict", &d, &e) != DY_OK) abort();
    dy_coder_opts o = {0, 0, 1, DY_CONV_DYAD};
    dy_coder *c = dy_coder_create(d, &o);
    dy_store *w = NULL;
    if (dy_store_open(path, DY_STORE_WRITE, &w, &e) || dy_store_begin(w, &e)) abort();
    const char *text = "Date: 2024-06-19\n\nRussia attacked Ukraine. Putin met Kim Jong Un.\n";
    dy_doc doc;
    char *scratch = NULL;
    if (dy_doc_parse_text("a.txt", text, strlen(text), &doc, &scratch, &e) || dy_coder_code(c, &doc, &e) ||
        dy_store_add(w, &doc, c, NULL, 0, &e) < 0 || dy_store_commit(w, &e))
        abort();
    free(scratch);
    dy_store_close(&w);
    dy_coder_destroy(&c);
    dy_dict_destroy(&d);
    if (dy_store_open(path, DY_STORE_READ, &S, &e)) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 2);
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = buf[size + 1] = 0;
    const char *path = buf;
    char *q = buf + strlen(buf) + 1;
    if (q > buf + size) q = buf + size;
    dy_kv kv[16];
    size_t n = 0;
    for (char *p = q; *p && n < 16;) {
        char *amp = strchr(p, '&');
        if (amp) *amp = 0;
        char *eq = strchr(p, '=');
        if (eq) *eq = 0;
        kv[n].key = p;
        kv[n].value = eq ? eq + 1 : NULL;
        n++;
        if (!amp) break;
        p = amp + 1;
    }
    dy_buf body = {0};
    /* half the inputs under small limits, so that paging, the byte cap and the series cap are
     * reached on the fuzzer's small database */
    static const dy_api_limits small = {2, 600, 1000};
    dy_api_page page;
    if (size && (data[size - 1] & 1)) dy_api_serve(dy_store_db(S), &small, path, kv, n, &body, &page);
    else if (size && (data[size - 1] & 2)) {    /* through a small answer cache (it evicts): the same bytes as without */
        static dy_api_cache *cache;
        if (!cache && !(cache = dy_api_cache_new(64 << 10))) abort();
        int hit, st = dy_api_serve_cached(cache, dy_store_db(S), NULL, path, kv, n, &body, &page, &hit);
        dy_buf plain = {0};
        int st2 = dy_api_handle(dy_store_db(S), path, kv, n, &plain);
        if (st != st2 || body.len != plain.len || (body.len && memcmp(body.data, plain.data, body.len))) abort();
        dy_buf_free(&plain);
    } else dy_api_handle(dy_store_db(S), path, kv, n, &body);
    dy_buf_free(&body);
    free(buf);
    return 0;
}
