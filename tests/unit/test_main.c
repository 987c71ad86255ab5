/* test_main.c - runs every unit suite and prints "unit: N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include "units.h"

int main(void)
{
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
