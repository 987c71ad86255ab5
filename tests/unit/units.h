/* units.h - the unit test suites, one per module. */
#ifndef DYAD_UNITS_H
#define DYAD_UNITS_H
#include <check.h>
Suite *tok_suite(void);
Suite *dates_suite(void);
Suite *ingest_suite(void);
Suite *dict_suite(void);
Suite *seg_suite(void);
Suite *coder_suite(void);
Suite *store_suite(void);
Suite *api_suite(void);
#endif
