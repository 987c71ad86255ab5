/* units.h - the unit test suites, one per module. */
#ifndef DYAD_UNITS_H
#define DYAD_UNITS_H
#include <check.h>
Suite *util_suite(void);
Suite *tok_suite(void);
Suite *dates_suite(void);
Suite *ingest_suite(void);
Suite *dict_suite(void);
Suite *seg_suite(void);
Suite *coder_suite(void);
Suite *store_suite(void);
Suite *api_suite(void);
Suite *relations_suite(void);
Suite *out_suite(void);
TCase *progress_tcase(void);   /* src/cli/progress.c: one case, its own suite in test_main */
Suite *facts_suite(void);
/* test_store.c's helpers for the tests that need a small database */
struct dy_store;
struct dy_coder;
struct dy_dict;
int unit_store_add(struct dy_store *s, struct dy_coder *c, const char *name, const char *text);
/* A fresh database at a new path, opened for writing inside a transaction, with the unit
 * dictionaries and a coder that keeps actors (for mentions). */
void unit_store_open(char path[64], struct dy_dict **dict, struct dy_coder **c, struct dy_store **s);
void unit_temp_db(char path[64]);
/* The same as one thing: unit_db_open() makes it, unit_db_close() closes and removes it all. */
typedef struct unit_db { char path[64]; struct dy_dict *dict; struct dy_coder *c; struct dy_store *s; } unit_db;
void unit_db_open(unit_db *u);
void unit_db_close(unit_db *u);
void unit_remove_db(const char *path);
#endif
