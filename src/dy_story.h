/* dy_story.h - the story's country: where a domestic story happens, for actors named only by
 * their role ("Police detained the opposition leader", "A court ordered him held").
 *
 * The country comes from, in this order: the dateline ("ISTANBUL (Reuters) -" opening the first
 * sentence; a foreign one, whose country the rest of that sentence does not name, gives way to the
 * first country it does: "DUBAI (Agency) - Iranian police ..." is set in Iran), the title, and
 * the place the article names most often so far. A role without a
 * country word takes it (---COP -> TURCOP); a role joined to a place keeps that place's country.
 *
 * Invariants and ownership:
 *  - A dy_story lives in the coder and is reset for each document by dy_story_begin(); it owns a
 *    scratch token array and buffer for the title, reused from document to document and freed by
 *    dy_story_free(). It borrows the dictionary.
 *  - Only country codes count (IGOs, NGOs and regions do not make a story's country).
 */
#ifndef DY_STORY_H
#define DY_STORY_H

#include <stddef.h>
#include <stdint.h>
#include "dy_actors.h"
#include "dy_dict.h"
#include "dy_ingest.h"
#include "dy_tok.h"

enum { DY_STORY_NONE = 0, DY_STORY_DOMINANT, DY_STORY_TITLE, DY_STORY_DATELINE };

typedef struct dy_story {
    char country[4];        /* "" while unknown */
    int from;               /* DY_STORY_*: how it was found */
    char title[4];          /* the title's first country, "" when none */
    struct { char c[4]; int n, roles; } tally[32];  /* countries named so far, how often, and how
                                                 * often with a role of their own ("Myanmar generals") */
    size_t ntally;
    dy_toks toks;           /* scratch for the title */
    dy_buf norm;
} dy_story;

/* Starts a document: the title's first country, if any. Returns 0, or -1 when out of memory. */
int dy_story_begin(dy_story *st, const dy_dict *d, const dy_doc *doc);
/* Sets the country for this sentence, then counts its named groups for the sentences after it
 * (the place named most often counts earlier sentences only). In the first sentence, a group in
 * capitals before a dash or colon within eight tokens after it is the dateline. */
void dy_story_note(dy_story *st, const dy_actor *g, size_t ng, const dy_tok *t, uint32_t t0, uint32_t t1, int first);
/* The story's country ("" when unknown). */
const char *dy_story_country(const dy_story *st);
const char *dy_story_from_name(int from);
void dy_story_free(dy_story *st);

#endif
