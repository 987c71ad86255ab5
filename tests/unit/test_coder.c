/* test_coder.c - actors, patterns, voice, mood, reference, dates (coder-*), on the fixture dictionary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "units.h"
#include "../../src/dy_events.h"

static dy_dict *D;
static dy_coder *C;
static char *scratch;
static char out[4096];

static void setup(void)
{
    dy_err e = {0};
    ck_assert_int_eq(dy_dict_load("tests/unit/dict", &D, &e), DY_OK);
    dy_coder_opts o = {0, 0, 0, DY_CONV_DYAD};
    C = dy_coder_create(D, &o);
}

static void teardown(void)
{
    dy_coder_destroy(&C);
    dy_dict_destroy(&D);
    free(scratch);
    scratch = NULL;
}

/* Codes text published on pub; returns "SRC TGT CODE DATE;..." */
static const char *code(const char *text, const char *pub)
{
    dy_doc d;
    dy_err e = {0};
    ck_assert_int_eq(dy_doc_parse_text("t.txt", text, strlen(text), &d, &scratch, &e), 0);
    if (pub) ck_assert(dy_date_parse_iso(pub, strlen(pub), &d.pub));
    ck_assert_int_eq(dy_coder_code(C, &d, &e), 0);
    size_t n;
    const dy_event *ev = dy_coder_events(C, &n);
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        char date[16];
        dy_date_format(ev[i].date, date);
        size_t l = strlen(out);
        snprintf(out + l, sizeof out - l, "%s%s %s %s %s", i ? ";" : "", ev[i].source, ev[i].target, ev[i].code, date);
    }
    return out;
}

START_TEST(coder_1_1_simple_and_metonym)
{
    ck_assert_str_eq(code("Russia attacked Ukraine.", "2024-02-24"), "RUS UKR 190 2024-02-24");
    ck_assert_str_eq(code("The Kremlin condemned Seoul.", "2024-02-24"), "RUSGOV KOR 111 2024-02-24");
    ck_assert_str_eq(code("The Russian army attacked Ukraine.", "2024-02-24"), "RUSMIL UKR 190 2024-02-24");
    ck_assert_str_eq(code("North Korea's foreign ministry accused Seoul.", "2024-02-24"), "PRKGOV KOR 112 2024-02-24");
    ck_assert_str_eq(code("The army of Russia attacked Ukraine.", "2024-02-24"), "RUSMIL UKR 190 2024-02-24");
}
END_TEST

START_TEST(coder_1_2_people_by_date)
{
    ck_assert_str_eq(code("Yoon condemned North Korea.", "2023-01-05"), "KORGOV PRK 111 2023-01-05");
    ck_assert_str_eq(code("Yoon condemned North Korea.", "2021-12-05"), "KOROPP PRK 111 2021-12-05");
    ck_assert_str_eq(code("Yoon condemned North Korea.", "2019-12-05"), "KOR PRK 111 2019-12-05");
    ck_assert_str_eq(code("Russian President Vladimir Putin visited Pyongyang.", "2024-06-19"), "RUSGOV PRK 042 2024-06-19");
}
END_TEST

START_TEST(coder_1_3_passive_and_symmetric)
{
    ck_assert_str_eq(code("Mr Putin was lavishly welcomed by Kim Jong Un on Wednesday (Jun 19).", "2024-06-21"),
                     "PRKGOV RUSGOV 043 2024-06-19;RUSGOV PRKGOV 042 2024-06-19");
    ck_assert_str_eq(code("Russia and North Korea signed a treaty.", "2024-06-19"),
                     "RUS PRK 057 2024-06-19;PRK RUS 057 2024-06-19");
    /* a symmetric act with an explicit subject and object runs both ways too (docs/coding.md) */
    ck_assert_str_eq(code("Putin met Kim Jong Un.", "2024-06-19"), "RUSGOV PRKGOV 040 2024-06-19;PRKGOV RUSGOV 040 2024-06-19");
    /* a meeting in one party's country: that party hosts (043), the other visits (042) */
    ck_assert_str_eq(code("Putin met Kim Jong Un in Moscow.", "2024-06-19"), "RUSGOV PRKGOV 043 2024-06-19;PRKGOV RUSGOV 042 2024-06-19");
    /* hosting implies the guest's visit */
    ck_assert_str_eq(code("Kim Jong Un welcomed Putin.", "2024-06-19"), "PRKGOV RUSGOV 043 2024-06-19;RUSGOV PRKGOV 042 2024-06-19");
    /* a reciprocal act within a pair runs both ways */
    ck_assert_str_eq(code("Russia and Ukraine accused each other of shelling the plant.", "2024-06-19"),
                     "RUS UKR 112 2024-06-19;UKR RUS 112 2024-06-19");
    ck_assert_str_eq(code("Putin and Kim Jong Un met.", "2024-06-19"), "RUSGOV PRKGOV 040 2024-06-19;PRKGOV RUSGOV 040 2024-06-19");
    ck_assert_str_eq(code("They held talks between Seoul and Beijing.", "2024-06-18"),
                     "KOR CHN 040 2024-06-18;CHN KOR 040 2024-06-18");
}
END_TEST

START_TEST(coder_1_4_mood)
{
    ck_assert_str_eq(code("Russia could attack Ukraine.", "2024-01-01"), "");
    ck_assert_str_eq(code("Russia did not attack Ukraine.", "2024-01-01"), "");
    ck_assert_str_eq(code("Did Russia attack Ukraine?", "2024-01-01"), "");
    ck_assert_str_eq(code("Russia is expected to visit North Korea.", "2024-01-01"), "");
}
END_TEST

START_TEST(coder_1_5_reference)
{
    ck_assert_str_eq(code("Concern grew over ties between North Korea and Russia. The two countries signed an agreement on Wednesday.", "2024-06-21"),
                     "PRK RUS 057 2024-06-19;RUS PRK 057 2024-06-19");
    ck_assert_str_eq(code("Putin arrived in Pyongyang. He visited Seoul later.", "2024-06-19"),
                     "RUSGOV PRK 042 2024-06-19;RUSGOV KOR 042 2024-06-19");
    ck_assert_str_eq(code("South Korea warned Pyongyang. The North attacked the South.", "2024-06-19"),
                     "PRK KOR 190 2024-06-19");
    ck_assert_str_eq(code("\"We condemn the attack,\" the South Korean foreign ministry said. Russia vetoed the UN Security Council resolution.", "2024-06-19"),
                     "RUS IGOUNO 129 2024-06-19");
}
END_TEST

START_TEST(coder_1_6_blocking_and_no_date)
{
    ck_assert_str_eq(code("Russia visited card games.", "2024-06-19"), "");
    ck_assert_str_eq(code("Russia attacked Ukraine last year.", NULL), "RUS UKR 190 ");
    ck_assert_str_eq(code("Russia attacked Ukraine in 2014.", NULL), "RUS UKR 190 2014");
}
END_TEST

START_TEST(coder_1_7_abbreviations_in_capitals)
{
    /* "US" is written in capitals in the dictionary: the pronoun "us" is not the United States */
    ck_assert_str_eq(code("The US condemned Russia.", "2024-06-19"), "USA RUS 111 2024-06-19");
    ck_assert_str_eq(code("The U.S. condemned Russia.", "2024-06-19"), "USA RUS 111 2024-06-19");
    ck_assert_str_eq(code("Russia accused us of lying.", "2024-06-19"), "");
    ck_assert_str_eq(code("Russia accused the UN.", "2024-06-19"), "RUS IGOUNO 112 2024-06-19");
}
END_TEST

START_TEST(coder_1_8_cities)
{
    /* a city codes to its country, as a capital does; written in lower case it is a word */
    ck_assert_str_eq(code("Kim Jong Un arrived in Khabarovsk.", "2024-06-19"), "PRKGOV RUS 042 2024-06-19");
    ck_assert_str_eq(code("Russia attacked Nice.", "2024-06-19"), "RUS FRA 190 2024-06-19");
    ck_assert_str_eq(code("Russia attacked a nice town.", "2024-06-19"), "");
    /* a pair meeting in a city: the city is the place, not a party */
    ck_assert_str_eq(code("Putin met Kim Jong Un in Moscow. The two leaders met again in Khabarovsk.", "2024-06-19"),
                     "RUSGOV PRKGOV 043 2024-06-19;PRKGOV RUSGOV 042 2024-06-19;RUSGOV PRKGOV 043 2024-06-19;PRKGOV RUSGOV 042 2024-06-19");
}
END_TEST

START_TEST(coder_1_9_story_dates)
{
    /* a sentence with no date takes the lead's day, not the publication date */
    ck_assert_str_eq(code("Russia attacked Ukraine on Wednesday. The US accused Russia.", "2024-06-21"),
                     "RUS UKR 190 2024-06-19;USA RUS 112 2024-06-19");
    /* and returns to it after background */
    ck_assert_str_eq(code("Russia attacked Ukraine on Wednesday. Russia attacked Ukraine in 2014. The US accused Russia.", "2024-06-21"),
                     "RUS UKR 190 2024-06-19;RUS UKR 190 2014;USA RUS 112 2024-06-19");
    /* a later day moves the story on */
    ck_assert_str_eq(code("Russia attacked Ukraine on Wednesday. The US accused Russia on Thursday. China accused Russia.", "2024-06-21"),
                     "RUS UKR 190 2024-06-19;USA RUS 112 2024-06-20;CHN RUS 112 2024-06-20");
    /* an answer to the act before takes its date, even in background */
    ck_assert_str_eq(code("Russia attacked Ukraine on Wednesday. Ukraine attacked Russia in March. Russia responded by attacking Ukraine.", "2024-06-21"),
                     "RUS UKR 190 2024-06-19;UKR RUS 190 2024-03;RUS UKR 190 2024-03");
    /* "the same day", "a day earlier" count from the previous sentence's date */
    ck_assert_str_eq(code("Russia attacked Ukraine on Wednesday. The US accused Russia on Monday. China accused Russia the same day.", "2024-06-21"),
                     "RUS UKR 190 2024-06-19;USA RUS 112 2024-06-17;CHN RUS 112 2024-06-17");
    ck_assert_str_eq(code("Russia attacked Ukraine on Wednesday. A day earlier, the US accused Russia.", "2024-06-21"),
                     "RUS UKR 190 2024-06-19;USA RUS 112 2024-06-18");
    /* a date in a relative clause is that clause's */
    ck_assert_str_eq(code("South Korea accused North Korea, which has attacked ships since 2010.", "2024-06-21"),
                     "KOR PRK 112 2024-06-21");
    /* a report's date is not the act's when the sentence gives the act one */
    ck_assert_str_eq(code("On Monday, after long and difficult talks, Russia attacked Ukraine, the US said on Thursday.", "2024-06-21"),
                     "RUS UKR 190 2024-06-17");
    ck_assert_str_eq(code("Russia attacked Ukraine, the US said on Thursday.", "2024-06-21"), "RUS UKR 190 2024-06-20");
    /* without a publication date, still none */
    ck_assert_str_eq(code("Russia attacked Ukraine. The US accused Russia.", NULL), "RUS UKR 190 ;USA RUS 112 ");
}
END_TEST

/* Every event of the document with its sentence and spans, as text. */
static void events_text(char *buf, size_t cap, size_t *len)
{
    size_t n;
    const dy_event *ev = dy_coder_events(C, &n);
    for (size_t i = 0; i < n && *len < cap; i++)
        *len += (size_t)snprintf(buf + *len, cap - *len, "%u %s %s %s %u-%u %u-%u %u-%u %d;", (unsigned)ev[i].sent, ev[i].source,
                                 ev[i].target, ev[i].code, (unsigned)ev[i].src_start, (unsigned)ev[i].src_end,
                                 (unsigned)ev[i].tgt_start, (unsigned)ev[i].tgt_end, (unsigned)ev[i].verb_start,
                                 (unsigned)ev[i].verb_end, ev[i].date.prec);
}

/* A document coded in windows of paragraphs (here one byte: a window a paragraph) gives the
 * events of the whole: references, dates and the story carry over from window to window. */
START_TEST(coder_1_9_windows_same_as_whole)
{
    static const char text[] =
        "Title: Putin in Pyongyang\nDate: 2024-06-19\n\nPutin arrived in Pyongyang. He visited Seoul later.\n\n"
        "Concern grew over ties between North Korea and Russia.\nThe two countries signed an agreement on Wednesday.\n\n"
        "Russia attacked Ukraine on Wednesday.\n\nThe US accused Russia on Thursday.\n\nChina accused Russia the same day.\n\n"
        "Putin met Kim Jong Un in Moscow.\n\nThe two leaders met again in Khabarovsk.\n\nSouth Korea warned Pyongyang.\n\n"
        "The North attacked the South.\n";
    static char whole[8192], windows[8192];
    dy_doc d;
    dy_err e = {0};
    ck_assert_int_eq(dy_doc_parse_text("t.txt", text, strlen(text), &d, &scratch, &e), 0);
    ck_assert_int_eq(dy_coder_code(C, &d, &e), 0);
    size_t lw = 0, ln = 0, nwin = 0;
    events_text(whole, sizeof whole, &lw);
    ck_assert_uint_gt(lw, 0);
    ck_assert_int_eq(dy_coder_begin(C, &d, &e), 0);
    int r;
    while ((r = dy_coder_next(C, &d, 1, &e)) > 0) {
        nwin++;
        events_text(windows, sizeof windows, &ln);
    }
    ck_assert_int_eq(r, 0);
    ck_assert_uint_ge(nwin, 8);
    ck_assert_str_eq(windows, whole);
}
END_TEST

Suite *coder_suite(void)
{
    Suite *s = suite_create("coder");
    TCase *a = tcase_create("coder-1");
    tcase_add_checked_fixture(a, setup, teardown);
    tcase_add_test(a, coder_1_1_simple_and_metonym);
    tcase_add_test(a, coder_1_2_people_by_date);
    tcase_add_test(a, coder_1_3_passive_and_symmetric);
    tcase_add_test(a, coder_1_4_mood);
    tcase_add_test(a, coder_1_5_reference);
    tcase_add_test(a, coder_1_6_blocking_and_no_date);
    tcase_add_test(a, coder_1_7_abbreviations_in_capitals);
    tcase_add_test(a, coder_1_8_cities);
    tcase_add_test(a, coder_1_9_windows_same_as_whole);
    tcase_add_test(a, coder_1_9_story_dates);
    suite_add_tcase(s, a);
    return s;
}
