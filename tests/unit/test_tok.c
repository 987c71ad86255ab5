/* test_tok.c - tokeniser (tok-*). */
#include <stdio.h>
#include <string.h>
#include "units.h"
#include "../../src/dy_tok.h"

static dy_toks T;
static dy_buf N;

static size_t tokenize(const char *s)
{
    T.len = 0;
    N.len = 0;
    ck_assert_int_eq(dy_tokenize(s, strlen(s), 0, NULL, &T, &N), 0);
    return T.len;
}

static const char *w(size_t i) { return N.data + T.v[i].norm; }

static void teardown(void) { dy_toks_free(&T); dy_buf_free(&N); }

START_TEST(tok_1_1_words_and_case)
{
    ck_assert_uint_eq(tokenize("Russia SAID hello."), 4);
    ck_assert_str_eq(w(0), "russia");
    ck_assert_str_eq(w(1), "said");
    ck_assert(T.v[0].flags & DY_TF_CAP);
    ck_assert(T.v[1].flags & DY_TF_ALLCAP);
    ck_assert(T.v[3].flags & DY_TF_END);
}
END_TEST

START_TEST(tok_1_2_possessive_curly)
{
    ck_assert_uint_eq(tokenize("Russia\xE2\x80\x99s Putin"), 3);
    ck_assert_str_eq(w(1), "'s");
    ck_assert(T.v[1].flags & DY_TF_POSS);
    ck_assert_uint_eq(T.v[1].start, 6);
    ck_assert_uint_eq(T.v[1].end, 10);
}
END_TEST

START_TEST(tok_1_3_hyphen_invisible)
{
    ck_assert_uint_eq(tokenize("Kim Jong-un met Korea-China"), 6);
    ck_assert_str_eq(w(2), "un");
    ck_assert(T.v[2].flags & DY_TF_HYPH);
    ck_assert_str_eq(w(5), "china");
    ck_assert(T.v[5].flags & DY_TF_HYPH);
}
END_TEST

START_TEST(tok_1_4_abbrev_numbers_dates)
{
    ck_assert_uint_eq(tokenize("the U.S. paid $15,000 (96.7%) on 2024-06-21"), 11);
    ck_assert_str_eq(w(1), "u.s.");
    ck_assert_str_eq(w(4), "15,000");
    ck_assert_str_eq(w(6), "96.7");
    ck_assert_str_eq(w(10), "2024-06-21");
}
END_TEST

START_TEST(tok_1_5_contractions)
{
    ck_assert_uint_eq(tokenize("didn't they'll O'Brien"), 5);
    ck_assert_str_eq(w(0), "did");
    ck_assert_str_eq(w(1), "n't");
    ck_assert_str_eq(w(3), "'ll");
    ck_assert_str_eq(w(4), "o'brien");
}
END_TEST

START_TEST(tok_1_6_accents_cjk)
{
    ck_assert_uint_eq(tokenize("\xC3\x89lys\xC3\xA9" "e \xE5\x8C\x97\xE6\x9C\x9D\xE9\xAE\xAE\xE3\x80\x82"), 3);
    ck_assert_str_eq(w(0), "elysee");
    ck_assert(T.v[2].flags & DY_TF_END);
}
END_TEST

/* The lexicon keeps a word's first eight bytes in its slot: words that share them, or differ
 * only in length, or are prefixes of each other, must still find their own ids. */
START_TEST(tok_2_1_lexicon_keys)
{
    static const char *const words[] = {"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh",
                                        "abcdefghi", "abcdefghij", "abcdefghiz", "abcdefgh\xC3\xA9", "zbcdefgh",
                                        "international", "internationalism", "internationalist", "in", "a\0b"};
    size_t lens[sizeof words / sizeof *words];
    uint32_t ids[sizeof words / sizeof *words];
    dy_lex *lex = dy_lex_create();
    ck_assert_ptr_nonnull(lex);
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        lens[i] = i == sizeof words / sizeof *words - 1 ? 3 : strlen(words[i]);
        ids[i] = dy_lex_intern(lex, words[i], lens[i]);
        ck_assert_uint_ne(ids[i], 0);
    }
    for (int k = 0; k < 3000; k++) {        /* enough words to make the table grow twice */
        char b[32];
        int n = snprintf(b, sizeof b, "w%dx%d", k, k * 7);
        ck_assert_uint_ne(dy_lex_intern(lex, b, (size_t)n), 0);
    }
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        ck_assert_uint_eq(dy_lex_find(lex, words[i], lens[i]), ids[i]);
        for (size_t j = 0; j < i; j++) ck_assert_uint_ne(ids[i], ids[j]);
    }
    ck_assert_uint_eq(dy_lex_find(lex, "abcdefghiy", 10), 0);
    ck_assert_uint_eq(dy_lex_find(lex, "abcdefgh", 7), ids[7]);     /* a prefix is its own word */
    ck_assert_uint_eq(dy_lex_find(lex, "internationali", 14), 0);
    ck_assert_uint_eq(dy_lex_find(lex, "a\0c", 3), 0);
    unsigned f = 9;
    ck_assert_uint_eq(dy_lex_mark(lex, "abc", 3, DY_LEXF_DATE), ids[3]);
    /* the padded lookup reads eight bytes: what follows a short word must not count */
    ck_assert_uint_eq(dy_lex_find_padded(lex, "abcXYZWV", 3, &f), ids[3]);
    ck_assert_uint_eq(f, DY_LEXF_DATE);
    ck_assert_uint_eq(dy_lex_find_padded(lex, "abdXYZWV", 3, &f), 0);
    ck_assert_uint_eq(f, 0);
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        char b[64];
        memset(b, 'Q', sizeof b);
        memcpy(b, words[i], lens[i]);
        ck_assert_uint_eq(dy_lex_find_padded(lex, b, lens[i], &f), ids[i]);
    }
    dy_lex_destroy(&lex);
}
END_TEST

Suite *tok_suite(void)
{
    Suite *s = suite_create("tok");
    TCase *tc = tcase_create("tok-1");
    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_add_test(tc, tok_1_1_words_and_case);
    tcase_add_test(tc, tok_1_2_possessive_curly);
    tcase_add_test(tc, tok_1_3_hyphen_invisible);
    tcase_add_test(tc, tok_1_4_abbrev_numbers_dates);
    tcase_add_test(tc, tok_1_5_contractions);
    tcase_add_test(tc, tok_1_6_accents_cjk);
    suite_add_tcase(s, tc);
    TCase *tl = tcase_create("tok-2");
    tcase_add_test(tl, tok_2_1_lexicon_keys);
    suite_add_tcase(s, tl);
    return s;
}
