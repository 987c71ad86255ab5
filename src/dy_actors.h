/* dy_actors.h - actor recognition in one sentence: dictionary phrases to coded noun groups.
 *
 * Invariants and ownership:
 *  - Phrases are matched longest-first over word ids (one trie walk per token, no allocation).
 *  - Adjacent mentions form one group: "Russian President Vladimir Putin", "South Korea's Foreign
 *    Ministry", "the army of Russia", "officials in Seoul". A group holds at most one state (or
 *    several naming the same country), one person and one agent. Its code is the person's code on
 *    the given date, else state + agent role (RUSMIL, IGOUNOMIL), else "---" + role.
 *  - Groups joined by "and", "&" or a hyphen ("Korea-China"), or a comma list closed by "and",
 *    form a coordination: comp is the index of its first member, ncomp its size (on the first).
 *  - Reference words (he, it, the two countries, the North ...) come back as groups with
 *    anaphor set and an empty code; the coder resolves them from the discourse.
 *  - The caller owns the output array.
 */
#ifndef DY_ACTORS_H
#define DY_ACTORS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "dy_dict.h"
#include "dy_tok.h"

#define DY_MAX_ACTORS 64

enum { DY_GK_AGENT = 1, DY_GK_STATE = 2, DY_GK_PERSON = 3 };
enum { DY_FILLED_STORY = 1, DY_FILLED_SENTENCE = 2 };   /* dy_actor.filled */

typedef struct dy_actor {
    uint32_t t0, t1;        /* token range (absolute indices) */
    char code[16];          /* "" while an anaphor is unresolved */
    char code2[16];         /* a second code when a reference resolves to a pair */
    char code3[16];         /* a third when it resolves to a group of three ("the three leaders") */
    uint8_t kind;           /* DY_GK_*: the strongest member */
    uint8_t anaphor;        /* enum dy_gram_class, 0 for a named actor */
    uint8_t prep;           /* follows a preposition (object of "of", "with", "to" ...) */
    uint8_t of;             /* that preposition is "of" ("thousands of Serbian protesters") */
    uint8_t modifier;       /* a bare agent word before a noun ("military cooperation"): no party */
    uint8_t locative;       /* follows "in", "at", "near" ...: a place */
    uint8_t poss;           /* followed by the possessive 's */
    uint8_t used_as_target; /* set by the coder */
    uint8_t used_as_source; /* set by the coder: the subject of an event */
    uint8_t filled;         /* set by the coder: a bare role given the story's country (1), or
                             * the one country of its sentence (DY_FILLED_SENTENCE) */
    uint8_t region;         /* a world region ("African leaders"), not a state */
    uint8_t weapon;         /* a weapon alone ("rockets", "drones"): no party of any country */
    uint8_t crowd;          /* dom10: a count of people alone, a clause's subject ("as thousands marched") */
    uint32_t name0;         /* the first token of a person's name: read after a title ("Interior
                             * Minister Ali Yerlikaya", the name running to t1), or a dictionary
                             * person of two words or more ("Qin Gang"); 0 when none */
    int16_t comp;           /* first member of its coordination (itself when alone) */
    int16_t ncomp;          /* members, on the first one */
} dy_actor;

/* A code that names a country (RUS, RUSGOV): not an IGO or NGO, not a bare role ("---GOV"). */
static inline int dy_code_is_country(const char *code)
{
    return code[0] != '-' && strncmp(code, "IGO", 3) != 0 && strncmp(code, "NGO", 3) != 0;
}

/* Surnames learnt in a document from a title before an unknown name ("Hungarian Foreign Minister
 * Peter Szijjarto" -> "szijjarto" HUNGOV): a later "Szijjarto" alone codes the same. Owned by
 * the caller (the coder keeps one a document). */
#define DY_MAX_ALIASES 32
typedef struct dy_aliases {
    size_t n;
    struct { char word[32]; char code[16]; } a[DY_MAX_ALIASES];
} dy_aliases;

/* Finds the actor groups in tokens [t0, t1). day is the date (days since 1970) used to pick
 * a person's role, or INT32_MIN when unknown; al (may be NULL) the document's surnames.
 * Returns the number of groups written (<= max). */
size_t dy_actors_find(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, uint32_t t0, uint32_t t1,
                      int32_t day, const dy_aliases *al, dy_actor *out, size_t max);

#endif
