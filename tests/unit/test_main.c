/* test_main.c - runs every unit suite and prints "unit: N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include "units.h"

int main(void)
{
    /* Check's default limit is 4 s a test; a busy CI machine running the suites under ASan
       beside other jobs can pass it on a test that loads the whole dictionary. Only a hang
       should fail a test here, so the limit is a minute unless the caller sets one. */
    setenv("CK_DEFAULT_TIMEOUT", "60", 0);
    SRunner *sr = srunner_create(tok_suite());
    srunner_add_suite(sr, util_suite());
    srunner_add_suite(sr, dates_suite());
    srunner_add_suite(sr, ingest_suite());
    srunner_add_suite(sr, dict_suite());
    srunner_add_suite(sr, seg_suite());
    srunner_add_suite(sr, coder_suite());
    srunner_add_suite(sr, store_suite());
    srunner_add_suite(sr, api_suite());
    srunner_add_suite(sr, relations_suite());
    srunner_add_suite(sr, out_suite());
    Suite *cli = suite_create("cli");
    suite_add_tcase(cli, progress_tcase());
    srunner_add_suite(sr, cli);
    srunner_add_suite(sr, facts_suite());
    srunner_run_all(sr, CK_NORMAL);
    int run = srunner_ntests_run(sr), failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    printf("unit: %d passed, %d failed\n", run - failed, failed);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
