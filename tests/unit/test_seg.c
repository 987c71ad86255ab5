/* test_seg.c - sentences, boilerplate, wrapped lines (seg-*). */
#include <stdlib.h>
#include <string.h>
#include "units.h"
#include "../../src/dy_seg.h"

static dy_dict *D;
static dy_seg *S;
static char *scratch;

static void setup(void)
{
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("tests/unit/dict", &D, &e), DY_OK);
    S = dy_seg_create(D);
}

static void teardown(void)
{
    dy_seg_destroy(&S);
    dy_dict_destroy(&D);
    free(scratch);
    scratch = NULL;
}

static size_t seg(const char *text, dy_doc *d)
{
    dy_err e = {0};
    ck_assert_int_eq(dy_doc_parse_text("t.txt", text, strlen(text), d, &scratch, &e), 0);
    ck_assert_int_eq(dy_seg_doc(S, d, &e), 0);
    size_t n;
    dy_seg_sents(S, &n);
    return n;
}

static void sent_is(const dy_doc *d, size_t i, const char *want)
{
    size_t n;
    const dy_sent *s = dy_seg_sents(S, &n);
    ck_assert_uint_lt(i, n);
    ck_assert_int_eq((int)(s[i].end - s[i].start), (int)strlen(want));
    ck_assert(memcmp(d->text + s[i].start, want, strlen(want)) == 0);
}

START_TEST(seg_1_1_sentences_and_abbreviations)
{
    dy_doc d;
    const char *t = "Mr. Putin met Kim on Sept. 13 in the U.S. capital. He left! Did he? \"Yes,\" she said.";
    ck_assert_uint_eq(seg(t, &d), 4);
    sent_is(&d, 0, "Mr. Putin met Kim on Sept. 13 in the U.S. capital.");
    sent_is(&d, 1, "He left!");
    sent_is(&d, 3, "\"Yes,\" she said.");
}
END_TEST

START_TEST(seg_1_2_lines_boilerplate_repeats)
{
    dy_doc d;
    const char *t = "Back To Top\n\nHeadline without a stop\nA caption.\nA caption.\n"
                    "Text that is wrapped\nover two lines.\nRelated stories\n\xC2\xA9 2024 X. All rights reserved.\n";
    ck_assert_uint_eq(seg(t, &d), 3);
    sent_is(&d, 0, "Headline without a stop");
    sent_is(&d, 1, "A caption.");
    sent_is(&d, 2, "Text that is wrapped\nover two lines.");
    size_t n;
    const dy_sent *s = dy_seg_sents(S, &n);
    ck_assert_uint_eq(s[2].line, 6);
    ck_assert_uint_eq(s[2].no, 3);
}
END_TEST

START_TEST(seg_1_3_crlf_and_cr)
{
    dy_doc d;
    ck_assert_uint_eq(seg("One line\r\nTwo line\r\n", &d), 2);
    sent_is(&d, 1, "Two line");
    ck_assert_uint_eq(seg("One\rTwo\r", &d), 2);
}
END_TEST

START_TEST(seg_1_4_long_sentence_is_cut)
{
    dy_doc d;
    size_t n = 5 * 1000;
    char *t = malloc(n + 1);
    for (size_t i = 0; i < n; i += 5) memcpy(t + i, "word ", 5);
    t[n] = 0;
    size_t k = seg(t, &d);
    ck_assert_uint_eq(k, (1000 + DY_MAX_SENT_TOKENS - 1) / DY_MAX_SENT_TOKENS);
    free(t);
}
END_TEST

Suite *seg_suite(void)
{
    Suite *s = suite_create("seg");
    TCase *a = tcase_create("seg-1");
    tcase_add_checked_fixture(a, setup, teardown);
    tcase_add_test(a, seg_1_1_sentences_and_abbreviations);
    tcase_add_test(a, seg_1_2_lines_boilerplate_repeats);
    tcase_add_test(a, seg_1_3_crlf_and_cr);
    tcase_add_test(a, seg_1_4_long_sentence_is_cut);
    suite_add_tcase(s, a);
    return s;
}
