/* test_dict.c - dictionary loading and checking (dict-*). */
#include <string.h>
#include "units.h"
#include "../../src/dy_dict.h"

START_TEST(dict_1_1_load_fixture)
{
    dy_dict *d = NULL;
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("tests/unit/dict", &d, &e), DY_OK);
    size_t a, p, c;
    dy_dict_counts(d, &a, &p, &c);
    ck_assert_uint_eq(p, 12);
    ck_assert_uint_eq(c, 8);
    ck_assert(a > 30);
    const dy_cameo *cam = dy_dict_cameo(d, "190");
    ck_assert_ptr_nonnull(cam);
    ck_assert(cam->goldstein < -9.9 && cam->goldstein > -10.1);
    ck_assert_ptr_null(dy_dict_cameo(d, "999"));
    /* visit+ gave visited */
    uint32_t id = dy_lex_find(dy_dict_lex(d), "visited", 7);
    ck_assert_uint_ne(id, 0);
    size_t n;
    dy_dict_patterns_for(d, id, &n);
    ck_assert_uint_eq(n, 2);   /* visit+ T and visit+ card; "visit to T" wants "visit" itself */
    dy_dict_destroy(&d);
    ck_assert_ptr_null(d);
}
END_TEST

START_TEST(dict_1_2_check_reports_every_problem)
{
    dy_buf r = {0};
    dy_err e = {0};
    int n = dy_dict_check("tests/unit/dict-bad", &r, &e);
    ck_assert_int_eq(n, 10);
    ck_assert_ptr_nonnull(strstr(r.data, "countries.txt:2: bad actor code 'rus'"));
    ck_assert_ptr_nonnull(strstr(r.data, "countries.txt:3: unknown kind 'nation'"));
    ck_assert_ptr_nonnull(strstr(r.data, "countries.txt:4: expected 'CODE KIND [FROM..TO] = phrase | phrase'"));
    ck_assert_ptr_nonnull(strstr(r.data, "countries.txt:5: bad date range '2022-13-01..2025-04-04'"));
    ck_assert_ptr_nonnull(strstr(r.data, "countries.txt:6: phrase 'Russia' is already RUS"));
    ck_assert_ptr_nonnull(strstr(r.data, "verbs.txt:2: unknown CAMEO code '999'"));
    ck_assert_ptr_nonnull(strstr(r.data, "verbs.txt:3: unknown CAMEO code '04'"));
    ck_assert_ptr_nonnull(strstr(r.data, "verbs.txt:4: a pattern must start with a word"));
    ck_assert_ptr_nonnull(strstr(r.data, "verbs.txt:5: unbalanced '{'"));
    ck_assert_ptr_nonnull(strstr(r.data, "verbs.txt:6: unknown flag 'symmetric'"));
    dy_dict *d = NULL;
    ck_assert_int_eq(dy_dict_load("tests/unit/dict-bad", &d, &e), DY_EDICT);
    ck_assert_ptr_null(d);
    ck_assert_ptr_nonnull(strstr(e.msg, "10 problems in all"));
    dy_buf_free(&r);
}
END_TEST

START_TEST(dict_1_3_missing_dir)
{
    dy_dict *d = NULL;
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("tests/unit/no-such-dir", &d, &e), DY_EIO);
    ck_assert_ptr_nonnull(strstr(e.msg, "cannot open dictionary directory tests/unit/no-such-dir"));
}
END_TEST

Suite *dict_suite(void)
{
    Suite *s = suite_create("dict");
    TCase *a = tcase_create("dict-1");
    tcase_add_test(a, dict_1_1_load_fixture);
    tcase_add_test(a, dict_1_2_check_reports_every_problem);
    tcase_add_test(a, dict_1_3_missing_dir);
    suite_add_tcase(s, a);
    return s;
}
