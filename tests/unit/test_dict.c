/* test_dict.c - dictionary loading and checking (dict-*). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "units.h"
#include "../../src/dy_dict.h"
#include "../../src/dy_events.h"

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
    ck_assert_int_eq(n, 16);    /* and numbers.txt's three (dict_1_9) */
    /* an unknown class names every class the table has, the last one added included */
    ck_assert_ptr_nonnull(strstr(r.data, "grammar.txt:16: unknown class 'sometimes' (negate, hypothetical,"));
    ck_assert_ptr_nonnull(strstr(r.data, ", remarks, act_noun, consequence, retaliate, unanswered, pair,"));
    ck_assert_ptr_nonnull(strstr(r.data, ", clause, blame, subordinator, habit, report, tell, verb_det, people_count, describe, schedule, modal, sequel, freed, warned, violent, past, blame_free, foretell, frame, duration, dated_act, told_before, commit, naming)"));
    ck_assert_ptr_nonnull(strstr(r.data, "grammar.txt:14: bad country 'korea' (three capital letters"));
    ck_assert_ptr_nonnull(strstr(r.data, "grammar.txt:15: only north, south and regional take a country"));
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
    ck_assert_ptr_nonnull(strstr(e.msg, "16 problems in all"));
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

/* "&NAME = ..." lines in verbs.txt: a class is one token, any of its words, wherever a pattern
 * names it (first element, optional, inside braces, in a later class). */
static size_t npatterns_for(const dy_dict *d, const char *w)
{
    size_t n = 0;
    uint32_t id = dy_lex_find(dy_dict_lex(d), w, strlen(w));
    if (id) dy_dict_patterns_for(d, id, &n);
    return n;
}

/* Codes text published on pub with C; writes "SRC TGT CODE;..." into got and returns it. */
static const char *coded(dy_coder *C, const char *text, const char *pub, char **scratch, char *got, size_t cap)
{
    dy_doc doc;
    dy_err e = {0};
    ck_assert_int_eq(dy_doc_parse_text("t.txt", text, strlen(text), &doc, scratch, &e), 0);
    ck_assert(dy_date_parse_iso(pub, strlen(pub), &doc.pub));
    ck_assert_int_eq(dy_coder_code(C, &doc, &e), 0);
    size_t n;
    const dy_event *ev = dy_coder_events(C, &n);
    got[0] = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(got);
        snprintf(got + l, cap - l, "%s%s %s %s", i ? ";" : "", ev[i].source, ev[i].target, ev[i].code);
    }
    return got;
}

/* Actor phrases of one kind the dictionary file named `file` of d holds. */
static size_t file_kind(const dy_dict *d, const char *file, int kind)
{
    for (size_t i = 0; i < dy_dict_nfiles(d); i++)
        if (!strcmp(dy_dict_file_at(d, i)->name, file)) return dy_dict_file_at(d, i)->by_kind[kind];
    return 0;
}

/* A text, the day it is published, and what d codes in it ("SRC TGT CODE;..."). */
typedef struct { const char *date, *text, *want; } dated_case;

/* Checks the dictionaries in dir: n problems, each line of want among them, and absent (may be
 * NULL) not. */
static void expect_problems(const char *dir, int n, const char *const *want, size_t nwant, const char *absent)
{
    dy_buf r = {0};
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_check(dir, &r, &e), n);
    for (size_t i = 0; i < nwant; i++) ck_assert_msg(strstr(r.data, want[i]) != NULL, "%s: no problem '%s'", dir, want[i]);
    if (absent) ck_assert_msg(strstr(r.data, absent) == NULL, "%s: unexpected '%s'", dir, absent);
    dy_buf_free(&r);
}

/* Codes each case with a coder over d and checks what it coded. */
static void expect_coded(const dy_dict *d, const dated_case *cases, size_t n)
{
    dy_coder_opts o = {0, 0, 0, DY_CONV_DYAD};
    dy_coder *C = dy_coder_create(d, &o);
    char *scratch = NULL, got[256];
    for (size_t k = 0; k < n; k++) ck_assert_str_eq(coded(C, cases[k].text, cases[k].date, &scratch, got, sizeof got), cases[k].want);
    free(scratch);
    dy_coder_destroy(&C);
}

START_TEST(dict_1_4_word_classes)
{
    dy_dict *d = NULL;
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("tests/unit/dict-class", &d, &e), DY_OK);
    size_t a, p, c;
    dy_dict_counts(d, &a, &p, &c);
    ck_assert_uint_eq(p, 4);                        /* class lines are no patterns */
    ck_assert_uint_eq(npatterns_for(d, "struck"), 1);   /* &HIT holds &STRIKE's words ... */
    ck_assert_uint_eq(npatterns_for(d, "shelling"), 1); /* ... with their inflections */
    ck_assert_uint_eq(npatterns_for(d, "bombed"), 1);
    ck_assert_uint_eq(npatterns_for(d, "condemned"), 1);
    ck_assert_uint_eq(npatterns_for(d, "slammed"), 1);
    ck_assert_uint_eq(npatterns_for(d, "pact"), 0);     /* not a first element */
    dy_coder_opts o = {0, 0, 0, DY_CONV_DYAD};
    dy_coder *C = dy_coder_create(d, &o);
    static const struct { const char *text, *want; } cases[] = {
        {"Russia shelled Ukraine.", "RUS UKR 190"},
        {"Russia struck at Ukraine.", "RUS UKR 190"},
        {"Russia bombed into Ukraine.", "RUS UKR 190"},
        {"China and Russia signed a pact.", "CHN RUS 057;RUS CHN 057"},
        {"China criticized Ukraine.", "CHN UKR 111"},
        {"China slammed Ukraine.", "CHN UKR 111"},
        {"China signed a letter.", ""},
    };
    char *scratch = NULL, got[256];
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        ck_assert_str_eq(coded(C, cases[k].text, "2024-01-01", &scratch, got, sizeof got), cases[k].want);
    free(scratch);
    dy_coder_destroy(&C);
    dy_dict_destroy(&d);
}
END_TEST

START_TEST(dict_1_5_word_class_problems)
{
    static const char *const want[] = {
        "verbs.txt:3: unknown class '&STRIKE'",     /* defined only later */
        "verbs.txt:4: unknown class '&CRIT'",       /* inside braces */
        "verbs.txt:5: bad class name '&deal'",
        "verbs.txt:6: class '&DEAL' is defined twice (first on line 1)",
        "verbs.txt:7: 'peace talks' in class '&PAIR' is not one word",
    };
    expect_problems("tests/unit/dict-class-bad", 5, want, sizeof want / sizeof *want, NULL);
}
END_TEST

/* One alias list with several dated offices: every name takes every office, and each office
 * holds only in its own period. */
START_TEST(dict_1_6_person_blocks)
{
    dy_dict *d = NULL;
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("tests/unit/dict-person", &d, &e), DY_OK);
    ck_assert_uint_eq(file_kind(d, "people.txt", DY_AK_PERSON), 6);      /* 2 names x 2 offices + 2 names x 1 */
    static const dated_case cases[] = {
        {"1995-01-01", "Rabbani criticized Russia.", "AFGGOV RUS 111"},
        {"2001-12-01", "Burhanuddin Rabbani criticized Russia.", "AFGGOV RUS 111"},
        {"2000-01-01", "Rabbani criticized Russia.", "AFG RUS 111"},     /* between the offices */
    };
    expect_coded(d, cases, sizeof cases / sizeof *cases);
    dy_dict_destroy(&d);
}
END_TEST

START_TEST(dict_1_7_person_block_problems)
{
    static const char *const want[] = {
        "people.txt:1: '+ CODE FROM..TO' must follow a line 'person = name | name'",
        "people.txt:2: 'person =' has no office under it",
        "people.txt:5: bad actor code 'rusgov'",
        "people.txt:6: bad date range '2000-13-01..'",
        "people.txt:7: 'person =' needs the person's names",
        "people.txt:8: 'person =' has no office under it",     /* at the end of the file */
    };
    expect_problems("tests/unit/dict-person-bad", 7, want, sizeof want / sizeof *want, NULL);
}
END_TEST

/* parties21: a party's dated periods in government and opposition hold each in its own period;
 * a one-line party and a group may carry a date range; a party's name matches only as it is
 * capitalised, an acronym only in capitals. */
START_TEST(dict_1_7b_party_blocks)
{
    dy_dict *d = NULL;
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("tests/unit/dict-party", &d, &e), DY_OK);
    ck_assert_uint_eq(file_kind(d, "parties.txt", DY_AK_GROUP), 7);      /* 2 names x 2 periods + 1 + 1 + 1 */
    static const dated_case cases[] = {
        {"2021-03-01", "The People Power Party criticized Russia.", "KOROPP RUS 111"},
        {"2023-03-01", "The People Power Party criticized Russia.", "KORGOV RUS 111"},
        {"2023-03-01", "The PPP criticized Russia.", "KORGOV RUS 111"},
        {"2023-03-01", "The ppp criticized Russia.", ""},                    /* an acronym in capitals only */
        {"2023-03-01", "Yabloko criticized the Kremlin.", "RUSOPP RUSGOV 111"},
        {"2023-03-01", "yabloko criticized the Kremlin.", ""},               /* a name as it is capitalised */
        {"2020-03-01", "Servant of the People criticized Russia.", "UKRGOV RUS 111"},
        {"2020-03-01", "The Communist Party of China criticized Russia.", "CHNGOV RUS 111"},
    };
    expect_coded(d, cases, sizeof cases / sizeof *cases);
    dy_dict_destroy(&d);
}
END_TEST

START_TEST(dict_1_7c_party_block_problems)
{
    static const char *const want[] = {
        "parties.txt:1: '+ CODE FROM..TO' must follow a line 'person = name | name' or 'party = name | name'",
        "parties.txt:2: 'party =' has no office under it",
        "parties.txt:3: 'party =' needs the party's names",
        "parties.txt:5: bad date range '2022-13-01..'",
        "parties.txt:7: a date range is only for 'person', 'group' and 'party' lines",
        "parties.txt:9: 'party =' has no office under it",     /* at the end of the file */
    };
    /* a dated one-line party (line 8) is fine */
    expect_problems("tests/unit/dict-party-bad", 6, want, sizeof want / sizeof *want, "parties.txt:8:");
}
END_TEST

/* clean16: the one-word lists of grammar.txt: a word in its class only, several classes a word,
 * whole words, and a phrase table they leave alone ("was" stays a form of "to be"). */
START_TEST(dict_1_8_word_lists)
{
    dy_dict *d = NULL;
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("tests/unit/dict", &d, &e), DY_OK);
    ck_assert(dy_dict_word_in(d, DY_G_COMPASS, "southern", 8));
    ck_assert(!dy_dict_word_in(d, DY_G_COMPASS, "south", 5));
    ck_assert(dy_dict_word_in(d, DY_G_OF_PLACE, "south", 5));
    ck_assert(!dy_dict_word_in(d, DY_G_OF_PLACE, "southern", 8));
    ck_assert(dy_dict_word_in(d, DY_G_EMISSARY, "envoy", 5));
    ck_assert(dy_dict_word_in(d, DY_G_EMISSARY, "envoys!", 6));      /* n bytes of w: "envoys" */
    ck_assert(!dy_dict_word_in(d, DY_G_EMISSARY, "envoy", 4));
    ck_assert(!dy_dict_word_in(d, DY_G_EMISSARY, "envoyss", 7));
    ck_assert(dy_dict_word_in(d, DY_G_AUX, "was", 3));
    ck_assert(!dy_dict_word_in(d, DY_G_AUX, "is", 2));
    int32_t p = -1;
    dy_dict_step_payload(d, DY_TRIE_GRAMMAR, 0, dy_lex_find(dy_dict_lex(d), "was", 3), &p);
    ck_assert_int_eq(dy_dict_gram_class(d, p), DY_G_BE);
    dy_dict_destroy(&d);
}
END_TEST

/* clean17: grammar.txt's function words set their DY_WC_* bits ("of" a preposition, "in" also
 * one of place), and numbers.txt gives number and scale words their values, each of its kind. */
START_TEST(dict_1_9_function_and_number_words)
{
    dy_dict *d = NULL;
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("tests/unit/dict", &d, &e), DY_OK);
    const dy_lex *lx = dy_dict_lex(d);
    unsigned of = dy_dict_wclass(d, dy_lex_find(lx, "of", 2)), in = dy_dict_wclass(d, dy_lex_find(lx, "in", 2));
    ck_assert_uint_eq(of & (DY_WC_PREP | DY_WC_LOC | DY_WC_NOUNEND | DY_WC_DET), DY_WC_PREP | DY_WC_NOUNEND);
    ck_assert_uint_eq(in & (DY_WC_PREP | DY_WC_LOC), DY_WC_PREP | DY_WC_LOC);
    ck_assert_uint_eq(dy_dict_wclass(d, dy_lex_find(lx, "the", 3)) & (DY_WC_DET | DY_WC_PREP), DY_WC_DET);
    ck_assert(dy_dict_wclass(d, dy_lex_find(lx, "whereas", 7)) & DY_WC_CLAUSE);
    ck_assert(dy_dict_number(d, DY_NUM_WORD, "twenty", 6) == 20);
    ck_assert(dy_dict_number(d, DY_NUM_WORD, "zero", 4) == 0);
    ck_assert(dy_dict_number(d, DY_NUM_WORD, "ninety", 6) == 90);
    ck_assert(dy_dict_number(d, DY_NUM_SCALE, "bn", 2) == 1e9);
    ck_assert(dy_dict_number(d, DY_NUM_WORD, "billion", 7) == -1);    /* a scale, not a number */
    ck_assert(dy_dict_number(d, DY_NUM_SCALE, "twenty", 6) == -1);
    ck_assert(dy_dict_number(d, DY_NUM_WORD, "twentyfive", 10) == -1);
    dy_dict_destroy(&d);
    dy_buf r = {0};
    ck_assert_int_eq(dy_dict_check("tests/unit/dict-bad", &r, &e), 16);
    ck_assert_ptr_nonnull(strstr(r.data, "numbers.txt:2: expected 'number VALUE = word | word'"));
    ck_assert_ptr_nonnull(strstr(r.data, "numbers.txt:3: expected 'number VALUE = word | word'"));
    ck_assert_ptr_nonnull(strstr(r.data, "numbers.txt:4: 'twenty one': a number word is one word"));
    dy_buf_free(&r);
}
END_TEST

Suite *dict_suite(void)
{
    Suite *s = suite_create("dict");
    TCase *a = tcase_create("dict-1");
    tcase_add_test(a, dict_1_1_load_fixture);
    tcase_add_test(a, dict_1_2_check_reports_every_problem);
    tcase_add_test(a, dict_1_3_missing_dir);
    tcase_add_test(a, dict_1_4_word_classes);
    tcase_add_test(a, dict_1_5_word_class_problems);
    tcase_add_test(a, dict_1_6_person_blocks);
    tcase_add_test(a, dict_1_7_person_block_problems);
    tcase_add_test(a, dict_1_7b_party_blocks);
    tcase_add_test(a, dict_1_7c_party_block_problems);
    tcase_add_test(a, dict_1_8_word_lists);
    tcase_add_test(a, dict_1_9_function_and_number_words);
    suite_add_tcase(s, a);
    return s;
}
