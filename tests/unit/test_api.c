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

Suite *api_suite(void)
{
    Suite *s = suite_create("api");
    TCase *a = tcase_create("api-1");
    tcase_add_checked_fixture(a, setup, teardown);
    tcase_add_test(a, api_1_1_endpoints);
    tcase_add_test(a, api_1_2_bad_requests);
    suite_add_tcase(s, a);
    return s;
}
