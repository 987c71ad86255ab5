/* test_api.c - every endpoint of the dashboard's JSON API (api-*), on a small database built
 * through the coder with the fixture dictionary, and the bad requests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "units.h"
#include "../../src/dy_api.h"
#include "../../src/dy_store.h"

static char path[64];
static dy_store *S;
static dy_buf body;

static void setup(void)
{
    dy_dict *dict;
    dy_coder *c;
    dy_store *w;
    dy_err e = {0};
    unit_store_open(path, &dict, &c, &w);
    const char *docs[] = {"Date: 2024-06-19\n\nRussia attacked Ukraine. The Kremlin condemned Seoul.\n",
                          "Date: 2024-07-02\n\nPutin met Kim Jong Un. Russia and North Korea signed a treaty.\n"};
    ck_assert_int_eq(unit_store_add(w, c, "d0.txt", docs[0]), DY_ADD_NEW);
    ck_assert_int_eq(unit_store_add(w, c, "d1.txt", docs[1]), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(w, &e), DY_OK);
    dy_store_close(&w);
    dy_coder_destroy(&c);
    dy_dict_destroy(&dict);
    ck_assert_int_eq(dy_store_open(path, DY_STORE_READ, &S, &e), DY_OK);
    body.len = 0;
}

static void teardown(void)
{
    dy_store_close(&S);
    dy_buf_free(&body);
    unit_remove_db(path);
}

static int get(const char *p, const char *k1, const char *v1, const char *k2, const char *v2)
{
    dy_kv kv[2] = {{k1, v1}, {k2, v2}};
    body.len = 0;
    int st = dy_api_handle(dy_store_db(S), p, kv, k2 ? 2 : k1 ? 1 : 0, &body);
    dy_buf_addc(&body, 0);
    return st;
}

START_TEST(api_1_1_endpoints)
{
    ck_assert_int_eq(get("/api/series", "dyad", "RUS,UKR", "by", "month"), 200);
    ck_assert_str_eq(body.data, "[{\"period\":\"2024-06\",\"events\":1,\"goldstein\":-10,\"verbal_coop\":0,\"material_coop\":0,"
                                "\"verbal_conflict\":0,\"material_conflict\":1}]\n");
    ck_assert_int_eq(get("/api/events", "dyad", "RUS,PRK", NULL, NULL), 200);
    ck_assert(strstr(body.data, "\"code\":\"057\"") && strstr(body.data, "\"code\":\"040\""));
    ck_assert_int_eq(get("/api/network", "from", "2024-06", "to", "2024-06"), 200);
    ck_assert(strstr(body.data, "{\"source\":\"RUS\",\"target\":\"UKR\",\"events\":1,\"goldstein\":-10,\"mean_goldstein\":-10}"));
    ck_assert(!strstr(body.data, "PRK"));       /* July is outside June */
    ck_assert_int_eq(get("/api/actors", "limit", "3", NULL, NULL), 200);
    ck_assert(strncmp(body.data, "[{\"code\":", 9) == 0);
    ck_assert_int_eq(get("/api/relation", "a", "RUS", "b", "PRK"), 200);
    ck_assert(strstr(body.data, "\"a\":\"RUS\",\"b\":\"PRK\",\"tier\":[]") != NULL);
    ck_assert_int_eq(get("/api/relation", "dyad", "PRK,RUS", NULL, NULL), 200);
    ck_assert(strstr(body.data, "\"treaties\":[],\"stages\":[],\"evidence\":[]") != NULL);
    ck_assert_int_eq(get("/api/obligations", "as-of", "2025-01-01", "if-attacked", "PRK"), 200);
    ck_assert_str_eq(body.data, "[]\n");
    ck_assert_int_eq(get("/api/obligations", "as-of", "soon", NULL, NULL), 400);
    ck_assert_int_eq(get("/api/obligations", "if-attacked", "North Korea", NULL, NULL), 400);
    ck_assert_int_eq(get("/api/doc/1", NULL, NULL, NULL, NULL), 200);
    ck_assert(strstr(body.data, "\"name\":\"d0.txt\"") && strstr(body.data, "\"events\":[{"));
}
END_TEST

START_TEST(api_1_2_bad_requests)
{
    ck_assert_int_eq(get("/api/nothing", NULL, NULL, NULL, NULL), 404);
    ck_assert(strncmp(body.data, "{\"error\":", 9) == 0);
    ck_assert_int_eq(get("/api/doc/999", NULL, NULL, NULL, NULL), 404);
    ck_assert_int_eq(get("/api/doc/x1", NULL, NULL, NULL, NULL), 400);
    ck_assert_int_eq(get("/api/doc/", NULL, NULL, NULL, NULL), 400);
    ck_assert_int_eq(get("/api/series", NULL, NULL, NULL, NULL), 400);
    ck_assert(strstr(body.data, "dyad=RUS,PRK") != NULL);
    ck_assert_int_eq(get("/api/series", "dyad", "RUS;PRK", NULL, NULL), 400);
    ck_assert_int_eq(get("/api/series", "dyad", "RUS,PRK", "by", "century"), 400);
    ck_assert_int_eq(get("/api/events", "from", "2024-13", NULL, NULL), 400);
    ck_assert_int_eq(get("/api/events", "from", "2024-06", "to", "2024-01"), 400);
    ck_assert_int_eq(get("/api/events", "limit", "-5", NULL, NULL), 400);
    ck_assert_int_eq(get("/api/events", "sql", "1; DROP TABLE events", NULL, NULL), 400);
    ck_assert_int_eq(get("/api/events", "actor", "\xff\xfe", NULL, NULL), 400);
    ck_assert(strstr(body.data, "UTF-8") != NULL);
    char big[1000];
    memset(big, 'A', sizeof big - 1);
    big[sizeof big - 1] = 0;
    ck_assert_int_eq(get("/api/events", "actor", big, NULL, NULL), 400);
    ck_assert_int_eq(get("/api/relation", "a", "RUS", NULL, NULL), 400);
    ck_assert_int_eq(get("/api/relation", "a", "rus", "b", "PRK"), 400);
    /* and the database is still there, unchanged */
    ck_assert_int_eq(get("/api/events", NULL, NULL, NULL, NULL), 200);
    ck_assert(strstr(body.data, "\"code\":\"190\"") != NULL);
}
END_TEST

/* One request under limits; page says what was left out. */
static int get_lim(const dy_api_limits *lim, dy_api_page *page, const char *p, const char *k1, const char *v1, const char *k2, const char *v2)
{
    dy_kv kv[2] = {{k1, v1}, {k2, v2}};
    body.len = 0;
    int st = dy_api_serve(dy_store_db(S), lim, p, kv, k2 ? 2 : k1 ? 1 : 0, &body, page);
    dy_buf_addc(&body, 0);
    return st;
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (; (s = strstr(s, what)) != NULL; s++) n++;
    return n;
}

START_TEST(api_2_1_paging)
{
    /* every event once, over pages of two rows, in the order of one answer */
    ck_assert_int_eq(get("/api/events", NULL, NULL, NULL, NULL), 200);
    char *all = strdup(body.data);
    size_t total = count(all, "\"event_id\":");
    ck_assert_uint_ge(total, 4);
    dy_api_limits lim = {2, 0, 0};
    dy_api_page page;
    dy_buf joined = {0};
    long long off = 0;
    size_t pages = 0;
    do {
        char o[24];
        snprintf(o, sizeof o, "%lld", off);
        /* a limit far over the cap is clamped to it, not refused */
        ck_assert_int_eq(get_lim(&lim, &page, "/api/events", "limit", "100000000", "offset", o), 200);
        ck_assert_uint_le(count(body.data, "\"event_id\":"), 2);
        body.data[strlen(body.data) - 2] = 0;       /* "]\n" */
        dy_buf_adds(&joined, joined.len ? "," : "[");
        dy_buf_adds(&joined, body.data + 1);
        if (page.next >= 0) ck_assert_int_eq(page.next, off + 2);
        off = page.next;
        pages++;
    } while (off >= 0);
    dy_buf_adds(&joined, "]\n");
    ck_assert_uint_eq(pages, (total + 1) / 2);
    ck_assert_str_eq(joined.data, all);
    dy_buf_free(&joined);
    /* a byte cap ends the page at the row that would pass it, and the next page starts there */
    dy_api_limits small = {0, 1000, 0};     /* an event record is some 450 bytes: two fit */
    ck_assert_int_eq(get_lim(&small, &page, "/api/events", NULL, NULL, NULL, NULL), 200);
    ck_assert_uint_le(strlen(body.data), 1000);
    size_t got = count(body.data, "\"event_id\":");
    ck_assert_uint_lt(got, total);
    ck_assert_int_eq(page.next, (long long)got);
    dy_api_limits tiny = {0, 10, 0};       /* a row over the cap still goes, alone: paging moves on */
    ck_assert_int_eq(get_lim(&tiny, &page, "/api/events", "offset", "1", NULL, NULL), 200);
    ck_assert_uint_eq(count(body.data, "\"event_id\":"), 1);
    ck_assert_int_eq(page.next, 2);
    free(all);
    /* the answer with the last row says there is no next page */
    ck_assert_int_eq(get_lim(&lim, &page, "/api/actors", "limit", "1000", NULL, NULL), 200);
    ck_assert_int_eq(page.next, 2);
    ck_assert_int_eq(get_lim(&lim, &page, "/api/events", "offset", "1000000", NULL, NULL), 200);
    ck_assert_str_eq(body.data, "[]\n");
    ck_assert_int_eq(page.next, -1);
    ck_assert_int_eq(get_lim(&lim, &page, "/api/events", "offset", "-1", NULL, NULL), 400);
    /* a network comes a page of its busiest edges and nodes at a time: the pages, one row each,
     * are the whole network's rows in order, and the last says there is no next page */
    dy_api_limits one = {1, 0, 0};
    ck_assert_int_eq(get_lim(&one, &page, "/api/network", NULL, NULL, NULL, NULL), 200);
    ck_assert_int_eq(page.next, 1);
    ck_assert_uint_eq(count(body.data, "\"source\":"), 1);
    ck_assert_int_eq(get_lim(NULL, &page, "/api/network", NULL, NULL, NULL, NULL), 200);
    ck_assert_int_eq(page.next, -1);
    char *whole = strdup(body.data);
    size_t edges = count(whole, "\"source\":"), nodes = count(whole, "\"code\":"), n = edges > nodes ? edges : nodes;
    ck_assert_uint_ge(edges, 3);
    dy_buf ne = {0}, nn = {0};
    for (size_t k = 0; k < n; k++) {
        char at[24];
        snprintf(at, sizeof at, "%zu", k);
        ck_assert_int_eq(get_lim(&one, &page, "/api/network", "offset", at, NULL, NULL), 200);
        ck_assert_int_eq(page.next, k + 1 < n ? (long long)k + 1 : -1);
        const char *e = strstr(body.data, "\"edges\":[") + 9, *o = strstr(body.data, "\"nodes\":[") + 9;
        if (k) dy_buf_adds(&ne, k < edges ? "," : ""), dy_buf_adds(&nn, k < nodes ? "," : "");
        dy_buf_add(&ne, e, strchr(e, ']') - e);
        dy_buf_add(&nn, o, strchr(o, ']') - o);
    }
    dy_buf_addc(&ne, 0);
    dy_buf_addc(&nn, 0);
    ck_assert(strstr(whole, ne.data) && strstr(whole, nn.data));
    ck_assert_uint_eq(count(ne.data, "\"source\":"), edges);
    ck_assert_uint_eq(count(nn.data, "\"code\":"), nodes);
    /* a period's network (tallied, not read from the all-time order) pages the same way */
    ck_assert_int_eq(get_lim(NULL, &page, "/api/network", "from", "2024-06", NULL, NULL), 200);
    char *period = strdup(body.data);
    dy_buf pe = {0};
    for (long long at = 0; at >= 0; at = page.next) {
        char o[24];
        snprintf(o, sizeof o, "%lld", at);
        ck_assert_int_eq(get_lim(&one, &page, "/api/network", "from", "2024-06", "offset", o), 200);
        const char *e = strstr(body.data, "\"edges\":[") + 9;
        if (*e != ']') dy_buf_adds(&pe, pe.len ? "," : ""), dy_buf_add(&pe, e, strchr(e, ']') - e);
    }
    dy_buf_addc(&pe, 0);
    ck_assert_ptr_nonnull(strstr(period, pe.data));
    ck_assert_uint_ge(count(period, "\"source\":"), 2);
    ck_assert_uint_eq(count(pe.data, "\"source\":"), count(period, "\"source\":"));
    dy_buf_free(&pe);
    free(period);
    ck_assert_int_eq(get_lim(&one, &page, "/api/network", "offset", "1000000000000", NULL, NULL), 200);
    ck_assert_str_eq(body.data, "{\"nodes\":[],\"edges\":[]}\n");
    ck_assert_int_eq(page.next, -1);
    dy_buf_free(&ne);
    dy_buf_free(&nn);
    free(whole);
}
END_TEST

/* The first k items of the array after mark in json (items without braces inside), as a string
 * that stays until the call after next (two buffers, in turn). */
static const char *items(const char *json, const char *mark, int k)
{
    static char buf[2][4096];
    static int turn;
    char *out = buf[turn ^= 1];
    const char *p = strstr(json, mark), *e;
    ck_assert_ptr_nonnull(p);
    p += strlen(mark);
    e = p;
    for (int i = 0; i < k && e && *e; i++) e = strchr(e, '}') ? strchr(e, '}') + 1 : NULL;
    ck_assert_ptr_nonnull(e);
    snprintf(out, sizeof buf[0], "%.*s", (int)(e - p), p);
    return out;
}

START_TEST(api_1_3_extent_order_network)
{
    /* the data's extent: first and last day, counts, and every code of the store */
    ck_assert_int_eq(get("/api/extent", NULL, NULL, NULL, NULL), 200);
    ck_assert_str_eq(body.data, "{\"first\":\"2024-06-19\",\"last\":\"2024-07-02\",\"events\":6,\"undated\":0,"
                                "\"codes\":[\"KOR\",\"PRK\",\"RUS\",\"UKR\"]}\n");
    ck_assert_int_eq(get("/api/extent", "dyad", "RUS,PRK", "to", "2024-06"), 200);     /* none in June */
    ck_assert_str_eq(body.data, "{\"first\":null,\"last\":null,\"events\":0,\"undated\":0,\"codes\":[\"KOR\",\"PRK\",\"RUS\",\"UKR\"]}\n");
    ck_assert_int_eq(get("/api/extent", "dyad", "RUS,PRK", NULL, NULL), 200);
    ck_assert(!strncmp(body.data, "{\"first\":\"2024-07-02\",\"last\":\"2024-07-02\",\"events\":4,\"undated\":0,", 65));
    /* events latest first */
    ck_assert_int_eq(get("/api/events", NULL, NULL, NULL, NULL), 200);
    char *july = strstr(body.data, "\"date\":\"2024-07-02\""), *june = strstr(body.data, "\"date\":\"2024-06-19\"");
    ck_assert(july && june && july < june);
    /* a network of the busiest limit edges and nodes: the first of the whole network's, in order */
    ck_assert_int_eq(get("/api/network", "limit", "1", NULL, NULL), 200);
    ck_assert_uint_eq(count(body.data, "\"source\":"), 1);
    ck_assert_int_eq(get("/api/network", NULL, NULL, NULL, NULL), 200);
    char *whole = strdup(body.data);
    size_t edges = count(whole, "\"source\":"), nodes = count(whole, "\"code\":");
    ck_assert_uint_ge(edges, 3);
    for (int k = 1; k <= (int)edges; k++) {
        char lim[16];
        snprintf(lim, sizeof lim, "%d", k);
        ck_assert_int_eq(get("/api/network", "limit", lim, NULL, NULL), 200);
        ck_assert_str_eq(items(body.data, "\"nodes\":[", k), items(whole, "\"nodes\":[", k < (int)nodes ? k : (int)nodes));
        ck_assert_str_eq(items(body.data, "\"edges\":[", k), items(whole, "\"edges\":[", k));
    }
    free(whole);
}
END_TEST

START_TEST(api_2_2_series_and_time_limits)
{
    dy_api_limits lim = {100, 0, 0};
    dy_api_page page;
    ck_assert_int_eq(get_lim(&lim, &page, "/api/series", "dyad", "RUS,UKR", "from", "2024"), 200);
    ck_assert_int_eq(get_lim(&lim, &page, "/api/series", "dyad", "RUS,UKR", "by", "day"), 200);     /* its own days */
    dy_kv kv[4] = {{"dyad", "RUS,UKR"}, {"by", "day"}, {"from", "2020"}, {"to", "2024"}};
    body.len = 0;
    ck_assert_int_eq(dy_api_serve(dy_store_db(S), &lim, "/api/series", kv, 4, &body, &page), 400);
    dy_buf_addc(&body, 0);
    ck_assert_str_eq(body.data, "{\"error\":\"the series would have 1827 days, more than the 100 one answer holds; "
                                "give a later from, an earlier to, or a longer by\"}\n");
    /* a query that runs past the time limit is stopped and answered 503 (146,000 days) */
    dy_api_limits fast = {100000000, 0, 1};
    dy_kv kv2[4] = {{"dyad", "RUS,UKR"}, {"by", "day"}, {"from", "1800"}, {"to", "2200"}};
    body.len = 0;
    ck_assert_int_eq(dy_api_serve(dy_store_db(S), &fast, "/api/series", kv2, 4, &body, &page), 503);
    dy_buf_addc(&body, 0);
    ck_assert_str_eq(body.data, "{\"error\":\"the query ran longer than 1 ms and was stopped; ask for a shorter period, a pair or fewer rows\"}\n");
    /* and the connection answers the next question as usual */
    ck_assert_int_eq(get("/api/events", "limit", "1", NULL, NULL), 200);
    ck_assert_uint_eq(count(body.data, "\"event_id\":"), 1);
}
END_TEST

/* One request through cache c on connection s: its status; *hit says it came from the cache. */
static int cached(dy_api_cache *c, dy_store *s, const char *p, int *hit)
{
    body.len = 0;
    int st = dy_api_serve_cached(c, dy_store_db(s), NULL, p, NULL, 0, &body, NULL, hit);
    dy_buf_addc(&body, 0);
    return st;
}

/* Adds a document to the store at path through a connection of its own, as an ingest does. */
static void ingest_more(const char *text)
{
    dy_dict *dict = NULL;
    dy_err e = {0};
    dy_store *w = NULL;
    ck_assert_int_eq(dy_dict_load("tests/unit/dict", &dict, &e), DY_OK);
    dy_coder_opts o = {0, 0, 1, DY_CONV_DYAD};
    dy_coder *c = dy_coder_create(dict, &o);
    ck_assert_int_eq(dy_store_open(path, DY_STORE_WRITE, &w, &e), DY_OK);
    ck_assert_int_eq(dy_store_begin(w, &e), DY_OK);
    ck_assert_int_eq(unit_store_add(w, c, "d2.txt", text), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(w, &e), DY_OK);
    dy_store_close(&w);
    dy_coder_destroy(&c);
    dy_dict_destroy(&dict);
}

/* The answer cache: a repeat is a hit, byte for byte the uncached answer, on either of two
 * connections sharing it; an ingest into the same store by another connection empties it, so the
 * next answer is the new one; answers that do not fit are not kept. */
START_TEST(api_3_1_cache)
{
    dy_api_cache *c = dy_api_cache_new(0);
    dy_store *s2 = NULL;
    dy_err e = {0};
    int hit;
    ck_assert_int_eq(dy_store_open(path, DY_STORE_READ, &s2, &e), DY_OK);
    ck_assert_int_eq(cached(c, S, "/api/network", &hit), 200);
    ck_assert_int_eq(hit, 0);
    char *before = strdup(body.data);
    ck_assert_int_eq(cached(c, S, "/api/network", &hit), 200);
    ck_assert_int_eq(hit, 1);
    ck_assert_str_eq(body.data, before);
    ck_assert_int_eq(cached(c, s2, "/api/network", &hit), 200);     /* a connection's first request empties it */
    ck_assert_int_eq(cached(c, s2, "/api/network", &hit), 200);
    ck_assert_int_eq(hit, 1);
    ck_assert_int_eq(cached(c, S, "/api/network", &hit), 200);
    ck_assert_int_eq(hit, 1);
    ck_assert_int_eq(get("/api/network", NULL, NULL, NULL, NULL), 200);
    ck_assert_str_eq(body.data, before);
    ingest_more("Date: 2024-08-01\n\nRussia attacked Ukraine again. Russia attacked Ukraine.\n");
    ck_assert_int_eq(cached(c, S, "/api/network", &hit), 200);
    ck_assert_int_eq(hit, 0);
    ck_assert_str_ne(body.data, before);
    char *after = strdup(body.data);
    ck_assert_int_eq(get("/api/network", NULL, NULL, NULL, NULL), 200);
    ck_assert_str_eq(body.data, after);
    ck_assert_int_eq(cached(c, s2, "/api/network", &hit), 200);     /* the other connection sees the change too */
    ck_assert_int_eq(hit, 0);
    ck_assert_str_eq(body.data, after);
    ck_assert_int_eq(cached(c, s2, "/api/network", &hit), 200);
    ck_assert_int_eq(hit, 1);
    ck_assert_str_eq(body.data, after);
    dy_api_cache_stat st;
    dy_api_cache_stats(c, &st);
    ck_assert_uint_eq(st.hits, 4);
    ck_assert_uint_eq(st.entries, 1);
    dy_api_cache_free(&c);
    ck_assert_ptr_null(c);
    c = dy_api_cache_new(2048);         /* keeps answers of up to 256 bytes */
    ck_assert_int_eq(cached(c, S, "/api/network", &hit), 200);
    ck_assert_int_eq(cached(c, S, "/api/network", &hit), 200);
    ck_assert_int_eq(hit, 0);
    ck_assert_str_eq(body.data, after);
    dy_api_cache_stats(c, &st);
    ck_assert_uint_eq(st.entries, 0);
    dy_api_cache_free(&c);
    /* a relation's sources come a page at a time (now two documents of RUS and UKR) */
    dy_api_page page;
    dy_kv kv[3] = {{"dyad", "RUS,UKR"}, {"limit", "1"}, {"offset", "0"}};
    body.len = 0;
    ck_assert_int_eq(dy_api_serve(dy_store_db(S), NULL, "/api/relation", kv, 3, &body, &page), 200);
    ck_assert_int_eq(page.next, 1);
    ck_assert(strstr(body.data, "\"sources\":[{\"doc\":\"d") && !strstr(body.data, "},{\"doc\":\"d"));
    kv[2].value = "1";
    body.len = 0;
    ck_assert_int_eq(dy_api_serve(dy_store_db(S), NULL, "/api/relation", kv, 3, &body, &page), 200);
    ck_assert_int_eq(page.next, -1);
    ck_assert(strstr(body.data, "\"sources\":[{\"doc\":\"d") && !strstr(body.data, "},{\"doc\":\"d"));
    free(before);
    free(after);
    dy_store_close(&s2);
}
END_TEST

Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *a = tcase_create("api-1");
    tcase_add_checked_fixture(a, setup, teardown);
    tcase_add_test(a, api_1_1_endpoints);
    tcase_add_test(a, api_1_2_bad_requests);
    tcase_add_test(a, api_1_3_extent_order_network);
    tcase_add_test(a, api_2_1_paging);
    tcase_add_test(a, api_2_2_series_and_time_limits);
    tcase_add_test(a, api_3_1_cache);
    suite_add_tcase(s, a);
    return s;
}
