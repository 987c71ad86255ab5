/* test_dates.c - date parsing, datelines and relative expressions (dates-*). */
#include <stdio.h>
#include <string.h>
#include "units.h"
#include "../../src/dy_dates.h"

static char got[32];

/* Resolves the first expression in s against pub and formats it into got. */
/* The first date expression in s, formatted; with show_anchor, "anchored REL" for one that
 * counts from the story's date. "none" when there is none. */
static const char *first_date(const char *s, const char *pub, int show_anchor)
{
    dy_toks t = {0};
    dy_buf nb = {0};
    dy_date p = {0, 0, 0, DY_PREC_NONE};
    if (pub) ck_assert(dy_date_parse_iso(pub, strlen(pub), &p));
    ck_assert_int_eq(dy_tokenize(s, strlen(s), 0, NULL, &t, &nb), 0);
    dy_datex x[4];
    size_t n = dy_dates_find(s, t.v, t.len, &nb, p, x, 4);
    if (!n) strcpy(got, "none");
    else if (show_anchor && x[0].anchored)
        snprintf(got, sizeof got, "anchored %d%s", x[0].rel,
                 x[0].anchored == DY_ANCHOR_MONTHS ? "m" : x[0].anchored == DY_ANCHOR_YEARS ? "y" :
                 x[0].anchored == DY_ANCHOR_EVENT ? " from the act" : "");
    else dy_date_format(x[0].date, got);
    dy_toks_free(&t);
    dy_buf_free(&nb);
    return got;
}

static const char *resolve(const char *s, const char *pub) { return first_date(s, pub, 0); }

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
    ck_assert_str_eq(resolve("at the end of February", "2023-04-10"), "2023-02");
    ck_assert_str_eq(resolve("at the start of May they met", "2023-06-10"), "2023-05");
    ck_assert_str_eq(resolve("backed them since the 1970s", "2024-08-01"), "1970");
    ck_assert_str_eq(resolve("sold 1970s cars", "2024-08-01"), "none");
}
END_TEST

START_TEST(dates_2_2_unresolved_without_pub)
{
    ck_assert_str_eq(resolve("on Wednesday", NULL), "");
    ck_assert_str_eq(resolve("last year", NULL), "");
    ck_assert_str_eq(resolve("they may meet", "2024-06-21"), "none");
}
END_TEST

START_TEST(dates_2_3_months_and_weeks)
{
    /* "May" is the month after a preposition of time, else the verb or a name */
    ck_assert_str_eq(resolve("Ruto travelled to Washington in May", "2024-06-26"), "2024-05");
    ck_assert_str_eq(resolve("talks held since May", "2024-06-26"), "2024-05");
    ck_assert_str_eq(resolve("May told parliament", "2018-03-18"), "none");
    ck_assert_str_eq(resolve("a seat in May's cabinet", "2018-03-18"), "none");
    /* last, this, next with a month: its latest, this year's or its next occurrence */
    ck_assert_str_eq(resolve("protests last November", "2022-04-20"), "2021-11");
    ck_assert_str_eq(resolve("talks last March", "2022-04-20"), "2022-03");
    ck_assert_str_eq(resolve("a vote last April", "2022-04-20"), "2021-04");
    ck_assert_str_eq(resolve("elections next March", "2024-06-21"), "2025-03");
    ck_assert_str_eq(resolve("a summit this September", "2024-06-21"), "2024-09");
    /* a week is no date: the sentence takes the story's (and a fact its other date: "it signed
     * in June") */
    ck_assert_str_eq(resolve("Last week, the junta demanded", "2022-02-01"), "none");
}
END_TEST

/* The first expression in s: "anchored REL" when it counts from the story's date, else its date. */
static const char *anchored(const char *s, const char *pub) { return first_date(s, pub, 1); }

START_TEST(dates_2_5_anchored_months)
{
    /* months and years counted from the date the story has reached */
    ck_assert_str_eq(anchored("Poland expelled three diplomats later that month", "2024-06-20"), "anchored 0m");
    ck_assert_str_eq(anchored("in that same month", "2024-06-20"), "anchored 0m");
    ck_assert_str_eq(anchored("the following month", "2024-06-20"), "anchored 1m");
    ck_assert_str_eq(anchored("the next year", "2024-06-20"), "anchored 1y");
    ck_assert_str_eq(anchored("the previous year", "2024-06-20"), "anchored -1y");
    ck_assert_str_eq(anchored("later that year", "2024-06-20"), "anchored 0y");
    /* "next month" without "the" counts from publication, as before */
    ck_assert_str_eq(anchored("talks resume next month", "2024-06-20"), "2024-07");
    dy_datex x = {0, 0, {0, 0, 0, DY_PREC_NONE}, 1, DY_ANCHOR_MONTHS};
    dy_date a;
    ck_assert(dy_date_parse_iso("2023-12-05", 10, &a));
    dy_date_format(dy_datex_anchor(&x, a), got);
    ck_assert_str_eq(got, "2024-01");
    x.rel = -1;
    ck_assert(dy_date_parse_iso("2024-01-05", 10, &a));
    dy_date_format(dy_datex_anchor(&x, a), got);
    ck_assert_str_eq(got, "2023-12");
    x.anchored = DY_ANCHOR_YEARS;
    dy_date_format(dy_datex_anchor(&x, a), got);
    ck_assert_str_eq(got, "2023");
}
END_TEST

START_TEST(dates_2_4_anchored)
{
    /* counted from the date the story has reached, which the caller knows */
    ck_assert_str_eq(anchored("Cambodia fired rockets the same day", "2025-07-29"), "anchored 0");
    ck_assert_str_eq(anchored("on the same day", "2025-07-29"), "anchored 0");
    ck_assert_str_eq(anchored("Later that night, police moved in", "2025-07-29"), "anchored 0");
    ck_assert_str_eq(anchored("A day earlier, Thailand expelled the envoy", "2025-07-29"), "anchored -1");
    ck_assert_str_eq(anchored("two days later", "2025-07-29"), "anchored 2");
    ck_assert_str_eq(anchored("a week earlier", "2025-07-29"), "anchored -7");
    ck_assert_str_eq(anchored("the next day", "2025-07-29"), "anchored 1");
    ck_assert_str_eq(anchored("the following morning", "2025-07-29"), "anchored 1");
    ck_assert_str_eq(anchored("the previous day", "2025-07-29"), "anchored -1");
    ck_assert_str_eq(anchored("he had arrived the day before.", "2025-07-29"), "anchored -1");
    /* before or after a date: that date shifted */
    ck_assert_str_eq(anchored("A day before Monday's talks, drones struck", "2025-06-03"), "2025-06-01");
    ck_assert_str_eq(anchored("two days after June 1, 2024", NULL), "2024-06-03");
    ck_assert_str_eq(anchored("the day after Monday's vote", "2025-06-03"), "2025-06-03");
    /* before an event that is no date: counted from that act, which the caller dates (dates21) */
    ck_assert_str_eq(anchored("a day before the summit", "2025-06-03"), "anchored -1 from the act");
    ck_assert_str_eq(anchored("three days after Lai was sworn in", "2024-05-24"), "anchored 3 from the act");
    ck_assert_str_eq(anchored("the day after the court ruled", "2024-05-24"), "anchored 1 from the act");
    /* a span, not a time: "for three days after police killed a boy" */
    ck_assert_str_eq(anchored("for three days after police killed a boy", "2024-05-24"), "none");
    ck_assert_str_eq(anchored("said that day-to-day ties", "2025-06-03"), "none");
    ck_assert_str_eq(anchored("the day of the coup", "2025-06-03"), "none");
    /* no chain of shifts: only the last one, next to the date, is read */
    ck_assert_str_eq(anchored("a day before a day before Monday", "2025-06-03"), "2025-06-01");
    /* and resolved against the story's date */
    dy_datex x = {0, 0, {0, 0, 0, DY_PREC_NONE}, -1, 1};
    dy_date a;
    ck_assert(dy_date_parse_iso("2024-03-01", 10, &a));
    dy_date_format(dy_datex_anchor(&x, a), got);
    ck_assert_str_eq(got, "2024-02-29");
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
    tcase_add_test(b, dates_2_3_months_and_weeks);
    tcase_add_test(b, dates_2_4_anchored);
    tcase_add_test(b, dates_2_5_anchored_months);
    suite_add_tcase(s, b);
    TCase *c = tcase_create("dates-3");
    tcase_add_test(c, dates_3_1_datelines);
    suite_add_tcase(s, c);
    return s;
}
