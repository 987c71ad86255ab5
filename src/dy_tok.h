/* dy_tok.h - the tokeniser: UTF-8 bytes to normalised word and punctuation tokens.
 *
 * Invariants and ownership:
 *  - One tokeniser serves text and dictionary phrases alike, so a phrase matches exactly the
 *    words it would match in an article.
 *  - Normalisation: case folded and accents stripped (utf8proc), curly apostrophes become "'",
 *    a hyphen between letters is dropped (the next word gets DY_TF_HYPH), the possessive "'s"
 *    and contractions ("n't", "'ll") are tokens of their own, "U.S." and "15,000" stay whole.
 *  - Tokens point into the caller's text by byte offsets; their normalised forms are appended
 *    to a caller-owned dy_buf (norm, nlen). The token array is a caller-owned dy_toks whose
 *    capacity is reused from document to document: no allocation per token.
 *  - The input must be valid UTF-8 (the reader checks); invalid bytes become punctuation.
 */
#ifndef DY_TOK_H
#define DY_TOK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "dy_lex.h"
#include "dy_util.h"

enum {
    DY_TF_WORD = 1 << 0,    /* letters/digits */
    DY_TF_CAP = 1 << 1,     /* starts with an upper-case letter */
    DY_TF_ALLCAP = 1 << 2,  /* two or more letters, all upper case */
    DY_TF_NUM = 1 << 3,     /* starts with a digit */
    DY_TF_PUNCT = 1 << 4,
    DY_TF_HYPH = 1 << 5,    /* joined to the previous word by a hyphen */
    DY_TF_NL = 1 << 6,      /* a line break precedes it */
    DY_TF_QUOTE = 1 << 7,   /* a quotation mark */
    DY_TF_END = 1 << 8,     /* . ! ? ... and their CJK forms */
    DY_TF_COMMA = 1 << 9,
    DY_TF_CLAUSE = 1 << 10, /* ; : and dashes */
    DY_TF_POSS = 1 << 11,   /* the possessive 's */
    DY_TF_SPACE = 1 << 12,  /* white space precedes it */
    DY_TF_OPEN = 1 << 13,   /* ( [ { */
    DY_TF_CLOSE = 1 << 14,  /* ) ] } */
    DY_TF_DATEW = 1 << 15   /* a lexicon word that may open a date (DY_LEXF_DATE); only with a lexicon */
};

typedef struct dy_tok {
    uint32_t start, end;    /* byte offsets in the text */
    uint32_t id;            /* lexicon id of the normalised form; 0 = unknown */
    uint32_t norm;          /* offset of the normalised form in the norm buffer */
    uint16_t nlen;          /* its length (capped at 65535) */
    uint16_t flags;
    uint16_t wc;            /* the classes the lexicon holds for id (dy_lex_set_classes: a dictionary's
                             * DY_WC_* bits, dy_dict_wclass), read here with no second lookup */
} dy_tok;

typedef struct dy_toks {
    dy_tok *v;
    size_t len, cap;
} dy_toks;

/* Appends the tokens of s[0..n) to out; offsets are base + position. When lex is NULL ids are 0.
 * Returns 0, or -1 when out of memory. */
int dy_tokenize(const char *s, size_t n, size_t base, const dy_lex *lex, dy_toks *out, dy_buf *norm);
void dy_toks_free(dy_toks *t);

static inline const char *dy_tok_norm(const dy_buf *norm, const dy_tok *t) { return norm->data + t->norm; }

/* Is the token's normalised form the string literal lit? (DY_EQ_LIT: the length first) */
#define DY_TOK_IS(nb, tok, lit) DY_EQ_LIT((nb)->data + (tok)->norm, (size_t)(tok)->nlen, lit)

#endif
