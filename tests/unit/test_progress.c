/* test_progress.c - the progress line's text (src/cli/progress.c): percent, rate and time left
 * when the input's size is known, the rate alone when it is not. */
#include <string.h>
#include "units.h"
#include "../../src/cli/progress.h"

START_TEST(progress_1_1_known_total)
{
    char b[160];
    /* 30 of 120 MB in 10 s: 3 MB/s, 90 MB to go: 30 s */
    ck_assert_str_eq(cli_progress_text(b, sizeof b, 30e6, 120e6, 10, 3200, 21000),
                     "dyad: 25% of 120.0 MB, 3.0 MB/s, 3,200 docs, 21,000 events, 0:30 left");
    /* two hours and more to go: h:mm:ss */
    ck_assert_str_eq(cli_progress_text(b, sizeof b, 1e6, 9e9, 1, 1, 0),
                     "dyad: 0% of 9000.0 MB, 1.0 MB/s, 1 docs, 0 events, 2:29:59 left");
}
END_TEST

START_TEST(progress_1_2_unknown_total)
{
    char b[160];
    /* standard input: no percent, no time left, the rate */
    ck_assert_str_eq(cli_progress_text(b, sizeof b, 45.2e6, 0, 4, 1234567, 5),
                     "dyad: 45.2 MB, 11.3 MB/s, 1,234,567 docs, 5 events");
}
END_TEST

START_TEST(progress_1_3_edges)
{
    char b[160];
    /* nothing read yet, no time elapsed: no rate, no time left, no division by zero */
    ck_assert_str_eq(cli_progress_text(b, sizeof b, 0, 100e6, 0, 0, 0), "dyad: 0% of 100.0 MB, 0.0 MB/s, 0 docs, 0 events");
    /* read past the size taken at the start (the file grew): 100 %, nothing left */
    ck_assert_str_eq(cli_progress_text(b, sizeof b, 150e6, 100e6, 10, 7, 8),
                     "dyad: 100% of 100.0 MB, 15.0 MB/s, 7 docs, 8 events, 0:00 left");
    /* a small buffer: cut, still a C string */
    char s[12];
    ck_assert_uint_eq(strlen(cli_progress_text(s, sizeof s, 1e6, 2e6, 1, 1, 1)), sizeof s - 1);
}
END_TEST

TCase *progress_tcase(void)
{
    TCase *t = tcase_create("progress");
    tcase_add_test(t, progress_1_1_known_total);
    tcase_add_test(t, progress_1_2_unknown_total);
    tcase_add_test(t, progress_1_3_edges);
    return t;
}
