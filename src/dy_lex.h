/* dy_lex.h - the lexicon: interned, normalised word forms with dense ids.
 *
 * Invariants and ownership:
 *  - Every word a dictionary mentions is interned once at load time; ids run 1..count, and
 *    0 means "not in the lexicon" (the text word can then match no dictionary phrase).
 *  - Lookups never allocate, so the tokeniser can call dy_lex_find() on the hot path.
 *  - The lexicon owns its strings; dy_lex_word() returns a pointer valid until destroy.
 *  - A word may carry flags (DY_LEXF_*), set at load time and returned with its id by
 *    dy_lex_find_padded(), so the tokeniser can mark tokens at no extra lookup.
 */
#ifndef DY_LEX_H
#define DY_LEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct dy_lex dy_lex;

dy_lex *dy_lex_create(void);
void dy_lex_destroy(dy_lex **lex);
uint32_t dy_lex_intern(dy_lex *lex, const char *s, size_t n);      /* 0 on OOM */
uint32_t dy_lex_find(const dy_lex *lex, const char *s, size_t n);  /* 0 when absent */

enum { DY_LEXF_DATE = 1 };  /* the word may open a date expression (a month, "yesterday", "last") */
/* dy_lex_find(), also giving the word's flags (0 when absent) in the low byte and its classes
 * (dy_lex_set_classes) in bits 16-31, for a word with at least eight readable bytes from s whatever
 * its length (the tokeniser's buffer keeps room after it). */
uint32_t dy_lex_find_padded(const dy_lex *lex, const char *s, size_t n, unsigned *flags);
/* Interns the word if needed and adds flags to it. Returns its id, 0 on OOM. */
uint32_t dy_lex_mark(dy_lex *lex, const char *s, size_t n, unsigned flags);
/* Sets the 16 bits of classes the lexicon gives out with each word: wc[id] for ids below n, 0 for
 * the others (the dictionary's DY_WC_*, so each token carries them: dy_tok.wc). */
void dy_lex_set_classes(dy_lex *lex, const uint16_t *wc, uint32_t n);
const char *dy_lex_word(const dy_lex *lex, uint32_t id);           /* "" for 0 */
uint32_t dy_lex_count(const dy_lex *lex);

#endif
