/* test_dates.c - date parsing, datelines and relative expressions (dates-*). */
#include <string.h>
#include "units.h"
#include "../../src/dy_dates.h"

static char got[16];

/* Resolves the first expression in s against pub and formats it into got. */
static const char *resolve(const char *s, const char *pub)
{
    dy_toks t = {0};
    dy_buf nb = {0};
    dy_date p = {0, 0, 0, DY_PREC_NONE};
    if (pub) ck_assert(dy_date_parse_iso(pub, strlen(pub), &p));
    ck_assert_int_eq(dy_tokenize(s, strlen(s), 0, NULL, &t, &nb), 0);
    dy_datex x[4];
    size_t n = dy_dates_find(s, t.v, t.len, &nb, p, x, 4);
    got[0] = 0;
    if (n) dy_date_format(x[0].date, got);
    else strcpy(got, "none");
    dy_toks_free(&t);
    dy_buf_free(&nb);
    return got;
}

START_TEST(dates_1_1_iso_and_weekday)
{
    dy_date d;
    ck_assert(dy_date_parse_iso("2024-06-19", 10, &d));
    ck_assert_int_eq(dy_date_weekday(d), 2);   /* a Wednesday */
    ck_assert(!dy_date_parse_iso("2024-02-30", 10, &d));
    ck_assert(!dy_date_parse_iso("2024-6-19", 9, &d));
    ck_assert_int_eq(dy_date_days(dy_date_from_days(19893)), 19893);
}
END_TEST

START_TEST(dates_2_1_relative)
{
    ck_assert_str_eq(resolve("on Wednesday (Jun 19) he came", "2024-06-21"), "2024-06-19");
    ck_assert_str_eq(resolve("on Wednesday he came", "2024-06-21"), "2024-06-19");
    ck_assert_str_eq(resolve("on the 18th", "2024-06-18"), "2024-06-18");
    ck_assert_str_eq(resolve("on the 30th", "2024-06-18"), "2024-05-30");
    ck_assert_str_eq(resolve("on Sept. 13 they met", "2023-10-04"), "2023-09-13");
    ck_assert_str_eq(resolve("in March this year", "2024-06-21"), "2024-03");
    ck_assert_str_eq(resolve("trade last year", "2024-06-18"), "2023");
    ck_assert_str_eq(resolve("four years ago", "2023-10-04"), "2019");
    ck_assert_str_eq(resolve("visited in 2011", "2019-04-24"), "2011");
    ck_assert_str_eq(resolve("in September 2023", NULL), "2023-09");
    ck_assert_str_eq(resolve("on June 19, 2024", NULL), "2024-06-19");
    ck_assert_str_eq(resolve("yesterday", "2024-01-01"), "2023-12-31");
}
END_TEST

START_TEST(dates_2_2_unresolved_without_pub)
{
    ck_assert_str_eq(resolve("on Wednesday", NULL), "");
    ck_assert_str_eq(resolve("last year", NULL), "");
    ck_assert_str_eq(resolve("they may meet", "2024-06-21"), "none");
}
END_TEST

START_TEST(dates_3_1_datelines)
{
    dy_date d;
    const char *yes[] = {"Release Date : 2024-06-21", "Posted on : 2023-10-04 16:32 KST Modified on : 2023-10-04 16:32 KST",
                         "June 18, 2024", "Published: 18 June 2024"};
    const char *no[] = {"On the 18th, Putin visited Pyongyang.", "Putin met Kim on June 18, 2024 in Pyongyang to sign a treaty",
                        "Back To Top"};
    for (size_t i = 0; i < 4; i++) ck_assert_msg(dy_date_dateline(yes[i], strlen(yes[i]), &d) == 1, "%s", yes[i]);
    for (size_t i = 0; i < 3; i++) ck_assert_msg(dy_date_dateline(no[i], strlen(no[i]), &d) == 0, "%s", no[i]);
    dy_date_dateline(yes[1], strlen(yes[1]), &d);
    ck_assert_int_eq(d.y, 2023);
    ck_assert_int_eq(d.m, 10);
    ck_assert_int_eq(d.d, 4);
}
END_TEST

Suite *dates_suite(void)
{
    Suite *s = suite_create("dates");
    TCase *a = tcase_create("dates-1");
    tcase_add_test(a, dates_1_1_iso_and_weekday);
    suite_add_tcase(s, a);
    TCase *b = tcase_create("dates-2");
    tcase_add_test(b, dates_2_1_relative);
    tcase_add_test(b, dates_2_2_unresolved_without_pub);
    suite_add_tcase(s, b);
    TCase *c = tcase_create("dates-3");
    tcase_add_test(c, dates_3_1_datelines);
    suite_add_tcase(s, c);
    return s;
}
