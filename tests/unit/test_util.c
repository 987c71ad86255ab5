/* test_util.c - shared helpers (util-*): growing arrays. */
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

Suite *util_suite(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("util-1");
    tcase_add_test(tc, util_1_1_grow_keeps_items);
    tcase_add_test(tc, util_1_2_grow_overflow_fails_cleanly);
    suite_add_tcase(s, tc);
    return s;
}
