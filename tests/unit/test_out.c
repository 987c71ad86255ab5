/* test_out.c - the event record (out-*): its stable id, CSV/TSV quoting, GDELT's 61 columns, the
 * PLOVER table; and duplicates in the store (dedup-*): a story told three times is one event a day. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "units.h"
#include "../../src/dy_out.h"
#include "../../src/dy_query.h"
#include "../../src/dy_store.h"

static dy_record sample(void)
{
    static const char sent[] = "Russia attacked Ukraine, again.";
    dy_record r = {.doc = {"a.txt", 5}, .sent = 2, .start = 40, .end = 71, .prec = DY_PREC_DAY, .source = "RUSMIL",
                   .target = "UKR", .code = "042", .root = "04", .quad = 1, .goldstein = 1.9, .source_text = {sent, 6},
                   .target_text = {sent + 16, 7}, .verb_text = {sent + 7, 8}, .text = {sent, sizeof sent - 1},
                   .verb_start = 47, .mentions = 1, .sources = 1};
    memcpy(r.date, "2024-06-19", 11);
    return r;
}

START_TEST(out_1_1_stable_id)
{
    dy_record r = sample(), r2 = sample();
    char a[17], b[17];
    dy_record_id_hex(&r, a);
    dy_record_id_hex(&r2, b);
    ck_assert_str_eq(a, b);
    ck_assert_int_eq((int)strlen(a), 16);
    /* the same on every machine: a fixed value, XXH3-64 of fixed bytes */
    ck_assert_str_eq(a, "5985178ee8214269");
    r2.code = "043";
    dy_record_id_hex(&r2, b);
    ck_assert_str_ne(a, b);
    r2 = sample();
    r2.goldstein = -3;          /* what is not the event's identity does not change it */
    r2.mentions = 7;
    dy_record_id_hex(&r2, b);
    ck_assert_str_eq(a, b);
}
END_TEST

START_TEST(out_1_2_formats)
{
    dy_record r = sample();
    dy_buf b = {0};
    ck_assert_int_eq(dy_out_record(&b, DY_FMT_CSV, &r, NULL), 0);
    /* the id and the codes quoted; a comma in the text quoted */
    ck_assert(strstr(b.data, "\"5985178ee8214269\",a.txt,,,2,40-71,2024-06-19,day,RUSMIL,RUS,MIL,UKR,UKR,,\"042\",\"04\",1,1.9,") == b.data);
    ck_assert(strstr(b.data, ",\"Russia attacked Ukraine, again.\",1\n") != NULL);
    b.len = 0;
    ck_assert_int_eq(dy_out_record(&b, DY_FMT_JSONL, &r, NULL), 0);
    ck_assert(strstr(b.data, "\"code\":\"042\",\"root\":\"04\"") && strstr(b.data, "\"source_role\":\"MIL\",\"target\":\"UKR\""));
    ck_assert(strstr(b.data, "\"url\":null,\"title\":null") && strstr(b.data, "\"target_role\":null"));
    b.len = 0;
    ck_assert_int_eq(dy_out_record(&b, DY_FMT_GDELT, &r, NULL), 0);
    int tabs = 0;
    for (size_t i = 0; i < b.len; i++) tabs += b.data[i] == '\t';
    ck_assert_int_eq(tabs, 60);
    ck_assert(strstr(b.data, "\t20240619\t202406\t2024\t2024.4658\tRUSMIL\tRussia\tRUS\t\t\t\t\tMIL\t\t\tUKR\tUkraine\tUKR\t") != NULL);
    ck_assert(strstr(b.data, "\t0\t042\t042\t04\t1\t1.9\t1\t1\t1\t") != NULL);
    r.date[0] = 0;              /* undated: the date columns empty, still 61 columns */
    b.len = 0;
    ck_assert_int_eq(dy_out_record(&b, DY_FMT_GDELT, &r, NULL), 0);
    tabs = 0;
    for (size_t i = 0; i < b.len; i++) tabs += b.data[i] == '\t';
    ck_assert_int_eq(tabs, 60);
    dy_buf_free(&b);
}
END_TEST

START_TEST(out_1_3_plover)
{
    dy_plover *p = NULL;
    dy_err e = {0};
    ck_assert_int_eq(dy_plover_load("data/cameo-plover.tsv", &p, &e), DY_OK);
    const char *ev, *mode, *ctx;
    ck_assert_int_eq(dy_plover_find(p, "042", &ev, &mode, &ctx), 1);
    ck_assert_str_eq(ev, "CONSULT");
    ck_assert_str_eq(mode, "visit");
    ck_assert_ptr_null(ctx);
    ck_assert_int_eq(dy_plover_find(p, "0871", &ev, &mode, &ctx), 1);
    ck_assert_str_eq(ev, "RETREAT");
    ck_assert_str_eq(ctx, "military");
    ck_assert_int_eq(dy_plover_find(p, "010", &ev, &mode, &ctx), 0);     /* statements have no PLOVER category */
    ck_assert_ptr_null(ev);
    dy_record r = sample();
    dy_buf b = {0};
    ck_assert_int_eq(dy_out_record(&b, DY_FMT_PLOVER, &r, p), 0);
    const char *want = "{\"id\":\"5985178ee8214269\",\"date\":\"2024-06-19\",\"event\":\"CONSULT\",\"mode\":\"visit\",\"context\":null,";
    ck_assert(strncmp(b.data, want, strlen(want)) == 0);
    dy_buf_free(&b);
    dy_plover_destroy(&p);
    ck_assert_int_eq(dy_plover_load("tests/unit/no-such-table.tsv", &p, &e), DY_EIO);
}
END_TEST

/* Three outlets tell the same story on 2024-03-05; one of them tells it again the next day. */
START_TEST(dedup_1_1_series_counts_each_event_once)
{
    unit_db u;
    dy_err e = {0};
    unit_db_open(&u);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "wire.txt", "Date: 2024-03-05\n\nRussia attacked Ukraine.\n"), DY_ADD_NEW);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "paper.txt", "Date: 2024-03-05\n\nOn Tuesday Russia attacked Ukraine.\n"), DY_ADD_NEW);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "radio.txt", "Date: 2024-03-05\n\nRussia attacked Ukraine, the radio said.\n"), DY_ADD_NEW);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "next.txt", "Date: 2024-03-06\n\nRussia attacked Ukraine.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    struct sqlite3 *db = dy_store_db(u.s);
    dy_qopts q;
    dy_qopts_init(&q);
    ck_assert_int_eq(dy_qopts_set(&q, "dyad", "RUS,UKR", &e), 0);
    ck_assert_int_eq(dy_qopts_set(&q, "by", "month", &e), 0);
    dy_result *r = NULL;
    ck_assert_int_eq(dy_query_series(db, &q, &r, &e), 0);       /* the default: day */
    ck_assert_str_eq(dy_result_cell(r, 0, 1), "2");
    dy_result_destroy(&r);
    ck_assert_int_eq(dy_qopts_set(&q, "dedup", "none", &e), 0);
    ck_assert_int_eq(dy_query_series(db, &q, &r, &e), 0);
    ck_assert_str_eq(dy_result_cell(r, 0, 1), "4");
    dy_result_destroy(&r);
    ck_assert_int_eq(dy_qopts_set(&q, "dedup", "story", &e), 0);               /* "Russia attacked Ukraine." twice */
    ck_assert_int_eq(dy_query_series(db, &q, &r, &e), 0);
    ck_assert_str_eq(dy_result_cell(r, 0, 1), "3");
    dy_result_destroy(&r);
    ck_assert_int_eq(dy_qopts_set(&q, "dedup", "week", &e), -1);
    /* the kept event says how many it stands for */
    ck_assert_int_eq(dy_qopts_set(&q, "dedup", "day", &e), 0);
    dy_buf b = {0};
    ck_assert_int_eq(dy_query_export(db, &q, DY_FMT_JSONL, NULL, &b, NULL, NULL, &e), 0);
    ck_assert(strstr(b.data, "\"doc\":\"wire.txt\"") && strstr(b.data, "\"mentions\":3}\n"));
    ck_assert(strstr(b.data, "\"doc\":\"next.txt\"") && strstr(b.data, "\"mentions\":1}\n"));
    ck_assert(!strstr(b.data, "paper.txt"));
    dy_buf_free(&b);
    /* the network counts the same way */
    dy_result *nodes = NULL, *edges = NULL;
    dy_qopts_init(&q);
    ck_assert_int_eq(dy_query_network(db, &q, &nodes, &edges, &e), 0);
    ck_assert_str_eq(dy_result_cell(edges, 0, 2), "2");
    dy_result_destroy(&nodes);
    dy_result_destroy(&edges);
    unit_db_close(&u);
}
END_TEST

Suite *out_suite(void)
{
    Suite *s = suite_create("out");
    TCase *a = tcase_create("record");
    tcase_add_test(a, out_1_1_stable_id);
    tcase_add_test(a, out_1_2_formats);
    tcase_add_test(a, out_1_3_plover);
    suite_add_tcase(s, a);
    TCase *d = tcase_create("dedup");
    tcase_add_test(d, dedup_1_1_series_counts_each_event_once);
    suite_add_tcase(s, d);
    return s;
}
