/* test_relations.c - the resolution of treaty facts to records (relations-*): which mentions can
 * be one treaty, on the shipped dictionary's kinds and treaty words. */
#include "units.h"
#include "../../src/dy_facts.h"
#include "../../src/dy_relations.h"

static dy_dict *dict;

static void load(void)
{
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("dict", &dict, &e), DY_OK);
}

static void unload(void) { dy_dict_destroy(&dict); }

#define MA DY_CLAUSE_MUTUAL_ASSISTANCE

START_TEST(relations_1_1_names_of_one_treaty)
{
    /* the 2024 treaty under its names: a partnership treaty with a mutual assistance clause is of
     * the defence kind too */
    const char *csp = "Treaty on Comprehensive Strategic Partnership";
    ck_assert(dy_relations_match(dict, csp, "partnership", MA, DY_STAGE_SIGNED, "2024-06-19", "mutual defence treaty", "defence", MA,
                                 DY_STAGE_IN_FORCE, "2024-12-04", "2024-12-06") > 0);
    ck_assert(dy_relations_match(dict, csp, "partnership", MA, DY_STAGE_SIGNED, "2024-06-19", "defence pact", "defence", 0,
                                 DY_STAGE_SIGNED, "2024-06-21", "2024-06-21") > 0);
    ck_assert(dy_relations_match(dict, csp, "partnership", 0, DY_STAGE_SIGNED, "2024-06-19", "Comprehensive Strategic Partnership Agreement",
                                 "partnership", 0, DY_STAGE_SIGNED, "2024", "") > 0);
    ck_assert(dy_relations_match(dict, csp, "partnership", MA, DY_STAGE_SIGNED, "2024-06-19", "mutual assistance treaty", "defence", MA,
                                 DY_STAGE_SIGNED, "2024-06", "2024-11-12") > 0);
    /* without that clause, a defence treaty is not a partnership treaty */
    ck_assert(dy_relations_match(dict, csp, "partnership", 0, DY_STAGE_SIGNED, "2024-06-19", "mutual assistance treaty", "defence", MA,
                                 DY_STAGE_SIGNED, "2024-06", "2024-11-12") == 0);
    /* a bare "the new treaty" fits, whatever its clauses */
    ck_assert(dy_relations_match(dict, csp, "partnership", 0, DY_STAGE_SIGNED, "2024-06-19", "the new treaty", "", MA,
                                 DY_STAGE_SIGNED, "2024-06-19", "2024-06-19") > 0);
}
END_TEST

START_TEST(relations_1_2_other_treaties)
{
    const char *csp = "Treaty on Comprehensive Strategic Partnership";
    /* another kind signed the same day: another treaty */
    ck_assert(dy_relations_match(dict, csp, "partnership", MA, DY_STAGE_SIGNED, "2024-06-19", "trade agreement", "trade", 0,
                                 DY_STAGE_SIGNED, "2024-06-19", "2024-06-19") == 0);
    /* other words and no kind: another treaty */
    ck_assert(dy_relations_match(dict, "memorandum on media cooperation", "", 0, DY_STAGE_SIGNED, "2023-12-05",
                                 "military cooperation agreement", "", DY_CLAUSE_MILITARY, DY_STAGE_SIGNED, "2023-12-05", "") == 0);
    /* the same name signed decades apart */
    ck_assert(dy_relations_match(dict, "Treaty of Friendship", "friendship", 0, DY_STAGE_SIGNED, "1961-07-06", "Treaty of Friendship",
                                 "friendship", 0, DY_STAGE_SIGNED, "2000-02-09", "") == 0);
    /* signings two months apart */
    ck_assert(dy_relations_match(dict, "defence pact", "defence", 0, DY_STAGE_SIGNED, "2024-06-19", "defence pact", "defence", 0,
                                 DY_STAGE_SIGNED, "2024-08-19", "") == 0);
    /* a ratification before the signing, a source written before it */
    ck_assert(dy_relations_match(dict, csp, "partnership", 0, DY_STAGE_SIGNED, "2024-06-19", "the pact", "", 0, DY_STAGE_RATIFIED,
                                 "2023-11", "") == 0);
    ck_assert(dy_relations_match(dict, csp, "partnership", 0, DY_STAGE_SIGNED, "2024-06-19", "the treaty", "", 0, DY_STAGE_NONE, "",
                                 "2020-01-01") == 0);
}
END_TEST

START_TEST(relations_1_3_dates_agree_loosely)
{
    /* "signed this week", dated by the story's day; a month or a year that holds the day */
    ck_assert(dy_relations_match(dict, "defence pact", "defence", 0, DY_STAGE_SIGNED, "2024-06-19", "defence pact", "defence", 0,
                                 DY_STAGE_SIGNED, "2024-06-21", "") > 0);
    ck_assert(dy_relations_match(dict, "defence pact", "defence", 0, DY_STAGE_SIGNED, "2024-06-19", "defence pact", "defence", 0,
                                 DY_STAGE_SIGNED, "2024", "") > 0);
    /* the better fit scores higher: a name of the same kind and day over a bare one */
    double named = dy_relations_match(dict, "defence pact", "defence", 0, DY_STAGE_SIGNED, "2024-06-19", "mutual defence treaty", "defence", 0,
                                      DY_STAGE_SIGNED, "2024-06-19", "");
    double bare = dy_relations_match(dict, "defence pact", "defence", 0, DY_STAGE_SIGNED, "2024-06-19", "the treaty", "", 0,
                                     DY_STAGE_SIGNED, "", "");
    ck_assert(named > bare && bare > 0);
}
END_TEST

START_TEST(relations_1_4_stage_names)
{
    for (int k = 1; k < DY_STAGE_N; k++) ck_assert_int_eq(dy_stage_of(dy_stage_name(k)), k);
    ck_assert_str_eq(dy_stage_name(DY_STAGE_IN_FORCE), "in_force");
    ck_assert_int_eq(dy_stage_of("drafted"), 0);
}
END_TEST

Suite *relations_suite(void)
{
    Suite *s = suite_create("relations");
    TCase *t = tcase_create("relations");
    tcase_add_checked_fixture(t, load, unload);
    tcase_add_test(t, relations_1_1_names_of_one_treaty);
    tcase_add_test(t, relations_1_2_other_treaties);
    tcase_add_test(t, relations_1_3_dates_agree_loosely);
    tcase_add_test(t, relations_1_4_stage_names);
    suite_add_tcase(s, t);
    return s;
}
