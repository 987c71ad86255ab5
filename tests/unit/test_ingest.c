/* test_ingest.c - document checks and metadata (ingest-*). */
#include <stdlib.h>
#include <string.h>
#include "units.h"
#include "../../src/dy_ingest.h"

static char *scratch;
static void teardown(void) { free(scratch); scratch = NULL; }

START_TEST(ingest_1_1_headers)
{
    const char *t = "Title: A test\nDate: 2024-06-19\nSource: dyad\n\nPutin arrived.\n";
    dy_doc d;
    dy_err e = {0};
    ck_assert_int_eq(dy_doc_parse_text("a.txt", t, strlen(t), &d, &scratch, &e), 0);
    ck_assert_str_eq(d.title, "A test");
    ck_assert_str_eq(d.source, "dyad");
    ck_assert_int_eq(d.pub.d, 19);
    ck_assert_str_eq(d.pub_from, "header");
    ck_assert_uint_eq(d.body_line, 5);
    ck_assert_str_eq(t + d.body, "Putin arrived.\n");
}
END_TEST

START_TEST(ingest_1_2_dateline)
{
    const char *t = "A headline\n\nRelease Date : 2024-06-21\n\nText here.\n";
    dy_doc d;
    dy_err e = {0};
    ck_assert_int_eq(dy_doc_parse_text("b.txt", t, strlen(t), &d, &scratch, &e), 0);
    ck_assert_str_eq(d.pub_from, "dateline");
    ck_assert_int_eq(d.pub.y, 2024);
    ck_assert_uint_eq(d.body, 0);
}
END_TEST

START_TEST(ingest_2_1_bad_input)
{
    dy_doc d;
    dy_err e = {0};
    const char bad_utf8[] = "ok line\nbad \xC3\x28 here\n";
    ck_assert_int_eq(dy_doc_parse_text("c.txt", bad_utf8, strlen(bad_utf8), &d, &scratch, &e), -1);
    ck_assert_str_eq(e.msg, "c.txt:2: invalid UTF-8 at byte offset 12; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)");
    const char nul[] = "a\n\nb\0c";
    ck_assert_int_eq(dy_doc_parse_text("d.txt", nul, 6, &d, &scratch, &e), -1);
    ck_assert_str_eq(e.msg, "d.txt:3: NUL byte at byte offset 4; this is not a text file");
    ck_assert_int_eq(dy_doc_parse_text("e.txt", " \n\n", 3, &d, &scratch, &e), -1);
    ck_assert_str_eq(e.msg, "e.txt: empty document, nothing to code");
    const char hdr[] = "Date: yesterday\n\nx\n";
    ck_assert_int_eq(dy_doc_parse_text("f.txt", hdr, strlen(hdr), &d, &scratch, &e), -1);
    ck_assert_str_eq(e.msg, "f.txt:1: cannot read the Date header 'yesterday'; write it as YYYY-MM-DD");
}
END_TEST

START_TEST(ingest_2_2_long_line)
{
    size_t n = DY_MAX_LINE + 10;
    char *s = malloc(n);
    memset(s, 'a', n);
    dy_err e = {0};
    ck_assert_int_eq(dy_text_check("big.txt", s, n, 1, &e), -1);
    ck_assert(strstr(e.msg, "big.txt:1: line longer than") == e.msg);
    free(s);
}
END_TEST

Suite *ingest_suite(void)
{
    Suite *s = suite_create("ingest");
    TCase *a = tcase_create("ingest-1");
    tcase_add_checked_fixture(a, NULL, teardown);
    tcase_add_test(a, ingest_1_1_headers);
    tcase_add_test(a, ingest_1_2_dateline);
    suite_add_tcase(s, a);
    TCase *b = tcase_create("ingest-2");
    tcase_add_checked_fixture(b, NULL, teardown);
    tcase_add_test(b, ingest_2_1_bad_input);
    tcase_add_test(b, ingest_2_2_long_line);
    suite_add_tcase(s, b);
    return s;
}
