/* test_util.c - shared helpers (util-*): growing arrays, numbers as text. */
#include <stdint.h>
#include <stdlib.h>
#include "units.h"
#include "../../src/dy_util.h"

/* pushing one at a time keeps every item, and capacity stays ahead of length */
START_TEST(util_1_1_grow_keeps_items)
{
    int *v = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 1000; i++) {
        ck_assert_int_eq(DY_GROW(v, n + 1, cap), 0);
        ck_assert(cap >= n + 1);
        v[n++] = i;
    }
    for (int i = 0; i < 1000; i++) ck_assert_int_eq(v[i], i);
    size_t before = cap;
    ck_assert_int_eq(DY_GROW(v, 10, cap), 0);     /* room already: nothing moves */
    ck_assert_uint_eq(cap, before);
    free(v);
}
END_TEST

/* a size that would overflow fails, and leaves the array and capacity as they were */
START_TEST(util_1_2_grow_overflow_fails_cleanly)
{
    double *v = NULL;
    size_t cap = 0;
    ck_assert_int_eq(DY_GROW(v, 4, cap), 0);
    v[3] = 2.5;
    double *old = v;
    size_t oldcap = cap;
    ck_assert_int_eq(DY_GROW(v, SIZE_MAX / 2, cap), -1);
    ck_assert_ptr_eq(v, old);
    ck_assert_uint_eq(cap, oldcap);
    ck_assert(v[3] == 2.5);
    free(v);
}
END_TEST

/* numbers as text: the extremes, zero, padding to a width, and the end returned at the NUL */
START_TEST(util_2_1_number_text)
{
    char t[DY_NUM_TEXT];
    char *e = dy_utoa(t, 0, 0);
    ck_assert_str_eq(t, "0");
    ck_assert_ptr_eq(e, t + 1);
    dy_utoa(t, 1234567890, 0);
    ck_assert_str_eq(t, "1234567890");
    e = dy_utoa(t, 18446744073709551615ULL, 0);
    ck_assert_str_eq(t, "18446744073709551615");
    ck_assert_ptr_eq(e, t + 20);
    dy_utoa(t, 7, 2);
    ck_assert_str_eq(t, "07");
    dy_utoa(t, 2024, 4);
    ck_assert_str_eq(t, "2024");
    dy_utoa(t, 12345, 2);       /* a width is a minimum */
    ck_assert_str_eq(t, "12345");
    dy_utoa(t, 5, 30);          /* at most 20 digits */
    ck_assert_str_eq(t, "00000000000000000005");
    e = dy_itoa(t, -42, 0);
    ck_assert_str_eq(t, "-42");
    ck_assert_ptr_eq(e, t + 3);
    dy_itoa(t, INT64_MIN, 0);
    ck_assert_str_eq(t, "-9223372036854775808");
    dy_itoa(t, -3, 3);
    ck_assert_str_eq(t, "-003");
    dy_itoa(t, 99, 0);
    ck_assert_str_eq(t, "99");
}
END_TEST

Suite *util_suite(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("util-1");
    tcase_add_test(tc, util_1_1_grow_keeps_items);
    tcase_add_test(tc, util_1_2_grow_overflow_fails_cleanly);
    suite_add_tcase(s, tc);
    tc = tcase_create("util-2");
    tcase_add_test(tc, util_2_1_number_text);
    suite_add_tcase(s, tc);
    return s;
}
