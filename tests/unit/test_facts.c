/* test_facts.c - standing facts from short articles of our own (facts-*), on the shipped
 * dictionaries: the constructions found on tests/facts-holdout4 and -holdout5, and --moods all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "units.h"
#include "../../src/dy_events.h"
#include "../../src/dy_facts.h"

static dy_dict *D;
static char *scratch;
static char out[4096];

static void load(void)
{
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("dict", &D, &e), DY_OK);
}

static void unload(void)
{
    dy_dict_destroy(&D);
    free(scratch);
    scratch = NULL;
}

/* The facts of text published on 2024-06-01, one "kind ACTORS year what [mood]" each, joined
 * by ";" (what: a tier, a treaty's name, a figure or a gap). */
static const char *facts(const char *text, int moods_all)
{
    dy_doc d;
    dy_err e = {0};
    dy_coder_opts o = {moods_all, 0, 1, DY_CONV_DYAD};
    dy_coder *c = dy_coder_create(D, &o);
    dy_facts *f = dy_facts_create(D);
    ck_assert(c && f);
    dy_facts_set_moods(f, moods_all);
    ck_assert_int_eq(dy_doc_parse_text("t.txt", text, strlen(text), &d, &scratch, &e), 0);
    ck_assert(dy_date_parse_iso("2024-06-01", 10, &d.pub));
    ck_assert_int_eq(dy_coder_code(c, &d, &e), 0);
    ck_assert_int_eq(dy_facts_extract(f, c, &d, &e), 0);
    size_t n;
    const dy_fact *v = dy_facts_list(f, &n);
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const dy_fact *x = &v[i];
        size_t l = strlen(out);
        l += (size_t)snprintf(out + l, sizeof out - l, "%s%s", i ? ";" : "", dy_fact_kind_name(x->kind));
        for (int k = 0; k < x->nactors && l < sizeof out; k++) l += (size_t)snprintf(out + l, sizeof out - l, " %s", x->actors[k]);
        if (l >= sizeof out) break;
        if (x->kind == DY_FACT_PARTNERSHIP) l += (size_t)snprintf(out + l, sizeof out - l, " %d %s", x->year, x->tier_name);
        else if (x->kind == DY_FACT_TREATY) l += (size_t)snprintf(out + l, sizeof out - l, " %d %s", x->year, x->name);
        else if (x->kind == DY_FACT_MILESTONE) l += (size_t)snprintf(out + l, sizeof out - l, " %d gap %d", x->year, x->gap_years);
        else if (x->kind == DY_FACT_TRADE || x->kind == DY_FACT_TRADE_SHARE) l += (size_t)snprintf(out + l, sizeof out - l, " %d %.4g", x->year, x->value);
        else l += (size_t)snprintf(out + l, sizeof out - l, " %d", x->year);
        if (x->mood && l < sizeof out) snprintf(out + l, sizeof out - l, " [%d]", x->mood);
    }
    dy_facts_destroy(&f);
    dy_coder_destroy(&c);
    return out;
}

#define ART(body) "Title: Test\nDate: 2024-06-01\n\n" body

START_TEST(facts_1_1_dates_are_no_mood)
{
    /* "in May last year": the month is no modal "may" */
    ck_assert_str_eq(facts(ART("Biden and Yoon agreed in May last year to build a global comprehensive strategic alliance.\n"), 0),
                     "partnership KOR USA 2023 global comprehensive strategic alliance");
}
END_TEST

START_TEST(facts_1_2_fractions_and_gaps)
{
    ck_assert_str_eq(facts(ART("China buys about two-thirds of Vietnam's exports.\n"), 0), "trade_share VNM CHN 0 66.67");
    /* numbers.txt's fractions: one after "a", a ratio's value (100/6), and none past the whole */
    ck_assert_str_eq(facts(ART("China buys about a quarter of Vietnam's exports.\n"), 0), "trade_share VNM CHN 0 25");
    ck_assert_str_eq(facts(ART("China buys about five sixths of Vietnam's exports.\n"), 0), "trade_share VNM CHN 0 83.33");
    /* "In 2021 Naftali Bennett": the year is no count, Bennett the subject, so the visit's event
     * gives the pair (visitor first; a milestone's pair is scored in either order) */
    ck_assert_str_eq(facts(ART("In 2021 Naftali Bennett made the first official visit to Egypt by an Israeli prime minister in a decade.\n"), 0),
                     "milestone ISR EGY 2021 gap 10");
    /* "since 2019" counts from the story's year, and is no date of the first visit */
    ck_assert_str_eq(facts(ART("It was the first visit by a Greek prime minister to Egypt since 2019.\n"), 0), "milestone EGY GRC 2024 gap 5");
}
END_TEST

START_TEST(facts_1_3_names)
{
    ck_assert_str_eq(facts(ART("India and Bangladesh signed a treaty on sharing the waters of the Ganges in 1996.\n"), 0),
                     "treaty BGD IND 1996 treaty on sharing the waters of the Ganges");
    /* states' names inside a capitalised name that opens with its noun */
    const char *r = facts(ART("Pete Hegseth and Rajnath Singh signed a ten-year Framework for the US-India Major Defense Partnership on Friday.\n"), 0);
    ck_assert_msg(strstr(r, "Framework for the US-India Major Defense Partnership"), "%s", r);
    /* a bare noun named by what it founds; its capitalised tier words are a body's name, no tier */
    ck_assert_str_eq(facts(ART("Narendra Modi and Mohammed bin Salman signed an agreement in Riyadh on Tuesday to set up a Strategic Partnership Council.\n"), 0),
                     "treaty IND SAU 2024 agreement to set up a Strategic Partnership Council");
}
END_TEST

START_TEST(facts_1_4_sanctions)
{
    ck_assert_str_eq(facts(ART("Turkey closed its border with Armenia in 1993.\n"), 0), "sanction TUR ARM 1993");
    /* a region is no party; the European Union is no region */
    ck_assert_str_eq(facts(ART("Western governments imposed sanctions on Chinese firms in 2023.\n"), 0), "");
    ck_assert_str_eq(facts(ART("The European Union imposed sanctions on Belarus in 2022.\n"), 0), "sanction IGOEU BLR 2022");
}
END_TEST

START_TEST(facts_1_6_figure_before_trade)
{
    ck_assert_str_eq(facts(ART("Vietnam and Australia recorded $24 billion in two-way trade in 2023.\n"), 0), "trade AUS VNM 2023 2.4e+10");
    /* the trade words must end their phrase: an investment in trade corridors is no trade */
    ck_assert_str_eq(facts(ART("India and Japan agreed on an investment of $42 billion in trade corridors.\n"), 0), "");
}
END_TEST

START_TEST(facts_1_7_holdout5_constructions)
{
    /* the constructions found on tests/facts-holdout5, in sentences of their own */
    ck_assert_str_eq(facts(ART("Chile and Peru signed a trade and investment agreement on Monday.\n"), 0),
                     "treaty CHL PER 2024 trade and investment agreement");
    ck_assert_str_eq(facts(ART("Chile and Peru signed an agreement on the Humboldt fisheries zone on Monday.\n"), 0),
                     "treaty CHL PER 2024 agreement on the Humboldt fisheries zone");
    /* a date in a relative clause aside dates something else: the signing is news of the day */
    ck_assert_str_eq(facts(ART("Chile and Peru held talks in Lima.\n\nThey also signed an agreement on the river border, which their armies have "
                               "patrolled since 1929.\n"), 0),
                     "treaty CHL PER 2024 agreement on the river border");
    /* trade words with no pair of their own, in a sentence naming two trading partners */
    ck_assert_str_eq(facts(ART("Peru was Chile's largest trading partner last year, with trade worth about $5 billion.\n"), 0),
                     "trade CHL PER 2023 5e+09");
    /* a past year before a treaty between two parties: a treaty of that year, in its sentence's mood */
    ck_assert_str_eq(facts(ART("A 1929 treaty between Chile and Peru settled the border at Tacna.\n"), 0), "treaty CHL PER 1929 treaty");
    ck_assert_str_eq(facts(ART("A 1929 treaty between Chile and Peru was never ratified.\n"), 0), "");
}
END_TEST

START_TEST(facts_1_5_moods_all)
{
    const char *text = ART("Trade between Vietnam and Australia reached $24 billion in 2023.\n\n"
                           "Officials aim to raise annual trade to $40 billion by 2030.\n\n"
                           "Analysts said the partnership could one day be upgraded to an alliance.\n");
    ck_assert_str_eq(facts(text, 0), "trade AUS VNM 2023 2.4e+10");
    /* what is only wanted or supposed is shown marked, the factual lines unchanged */
    ck_assert_str_eq(facts(text, 1), "trade AUS VNM 2023 2.4e+10;trade AUS VNM 2030 4e+10 [3];partnership AUS VNM 2024 alliance [2]");
}
END_TEST

Suite *facts_suite(void)
{
    Suite *s = suite_create("facts");
    TCase *t = tcase_create("facts");
    tcase_add_checked_fixture(t, load, unload);
    tcase_add_test(t, facts_1_1_dates_are_no_mood);
    tcase_add_test(t, facts_1_2_fractions_and_gaps);
    tcase_add_test(t, facts_1_3_names);
    tcase_add_test(t, facts_1_4_sanctions);
    tcase_add_test(t, facts_1_5_moods_all);
    tcase_add_test(t, facts_1_6_figure_before_trade);
    tcase_add_test(t, facts_1_7_holdout5_constructions);
    suite_add_tcase(s, t);
    return s;
}
