/* dy_facts_int.h - what the parts of dyad facts share (dy_facts.c: sentences, moods, tiers and
 * treaties; dy_facts_party.c: parties; dy_facts_num.c: figures, trade, shares, ratios,
 * milestones, sanctions and vetoes; dy_facts_recon.c: reconciliation). Not a public interface. */
#ifndef DY_FACTS_INT_H
#define DY_FACTS_INT_H

#include "dy_facts.h"

#define DYF_MAX_DATES 16

/* What a document's sentences hand on to the sentences after them. */
typedef struct doc_state {
    int32_t last_tier;          /* the last tier named, for "this is a level above ..." */
    char last_tier_name[64];
    int has_last_tier;
    size_t last_treaty;         /* the last treaty fact, for "it obliges ..."; -1 none */
    char named[96];             /* a treaty named by its capitalised name without a stage of its
                                 * own ("was holding the Indus Waters Treaty in abeyance"), for
                                 * "The treaty ... was signed in 1960" after it; "" none */
    uint32_t named_sent;
    size_t trade_first, trade_n;    /* the previous sentence's trade facts */
} doc_state;

struct dy_facts {
    const dy_dict *dict;
    dy_fact *v;
    size_t n, cap;
    int moods_all;
    /* a document read in windows (dy_facts_count, dy_facts_window): what goes from one to the next */
    struct { char c[4]; int n; uint32_t last; } cnt[32];    /* the states named, in how many sentences */
    size_t nc;
    char ta[16], tb[16];        /* the story's pair */
    doc_state ds;
    int that_year;
    dy_actor *prev;             /* the groups of the last sentence of the window before */
    size_t nprev, capprev;
    dy_sent *sv;                /* each fact's sentence (v[k]'s is sv[k]) */
    size_t capsv;
};

/* One sentence being read. */
typedef struct dyf_sent {
    dy_facts *f;
    const dy_doc *doc;
    const dy_tok *t;
    const dy_buf *norm;
    uint32_t t0, t1, idx;
    const dy_actor *g;
    size_t ng;
    const dy_actor *prev;   /* the sentence before's groups */
    size_t nprev;
    dy_datex dates[DYF_MAX_DATES];
    size_t ndates;
    dy_date date;           /* the sentence's date */
    const dy_event *ev;     /* its events */
    size_t nev;
    char ta[16], tb[16];    /* the document's main pair */
    int that_year;          /* the year named last before this sentence, for "that year"; 0 none */
} dyf_sent;

/* Tokens */
const char *dyf_w(const dyf_sent *s, uint32_t i);
int dyf_is(const dyf_sent *s, uint32_t i, const char *w);
int dyf_boundary(const dyf_sent *s, uint32_t i);
/* The dict/facts.txt classes of the longest phrase starting at i (0 when none), *end set. */
uint32_t dyf_fw(const dyf_sent *s, uint32_t i, uint32_t *end, char code[4]);
/* Is some phrase of class cls at i? Its end in *end. */
int dyf_fw_is(const dyf_sent *s, uint32_t i, uint32_t cls, uint32_t *end);
/* The first token of the clause holding i (after a comma, ; : or the sentence start). */
uint32_t dyf_clause_start(const dyf_sent *s, uint32_t i);
/* The mood of what is said in tokens [a, b): negated, supposed or wanted (DY_MOOD_*), else 0. */
int dyf_mood(const dyf_sent *s, uint32_t a, uint32_t b);

/* Actors (dy_facts_party.c) */
int dyf_group_at(const dyf_sent *s, uint32_t i);
int dyf_country(const char *code);      /* a state */
void dyf_code3(char out[16], const char *code);   /* a state's three letters, anything else whole */
/* Is the sentence's actor coded code a world region ("Western governments", "European leaders")? */
int dyf_region_party(const dyf_sent *s, const char *code);
int dyf_party(const char *code);        /* a state or an IGO: may trade, partner, sign */
/* The codes of group k with its coordination (or a resolved pair), at most max into out. */
size_t dyf_codes(const dyf_sent *s, int k, const char **out, size_t max);
int dyf_pair_of(const dyf_sent *s, int k, char a[16], char b[16]);
void dyf_sort_pair(char a[16], char b[16]);
/* What only --moods all shows may fall back on the story's pair: with mood set (not factual) and
 * no party but the story's named in the sentence, a and b are the story's pair (1); else 0. */
int dyf_story_pair_for(const dyf_sent *s, int mood, char a[16], char b[16]);
/* The year nearest token i among the sentence's dates; 0 when none. */
int dyf_year_near(const dyf_sent *s, uint32_t i);
/* The same party: states by their three letters, anything else by the whole code. */
int dyf_same_party(const char *a, const char *b);
/* A pair (a, b) the coder took from a pair reference ("the two governments") becomes the story's
 * pair when the sentence before named it. */
void dyf_story_ref(const dyf_sent *s, char a[16], char b[16]);
/* The two parties of a relationship or treaty named at tokens [i, e) (1 when found); with
 * fallback, else the story's pair. */
int dyf_parties(const dyf_sent *s, uint32_t i, uint32_t e, char a[16], char b[16], int fallback);

/* Facts: NULL when out of memory; *drop set when a mood keeps the fact out (the caller returns). */
dy_fact *dyf_push(dy_facts *f, int kind, const dyf_sent *s, int mood, int *oom);
void dyf_add_actor(dy_fact *x, const char *code, int three);

/* Numbers (dy_facts_num.c) */
double dyf_word_number(const dyf_sent *s, const char *w);
int dyf_number_at(const dyf_sent *s, uint32_t i, double *v, uint32_t *end);

/* The kinds in dy_facts_num.c; -1 when out of memory. */
int dyf_trade(dyf_sent *s);
int dyf_shares(dyf_sent *s);
int dyf_ratios(dyf_sent *s, size_t trade_first, size_t trade_n, size_t share_first);
int dyf_milestones(dyf_sent *s);
int dyf_standing(dyf_sent *s);

/* After a document (dy_facts_recon.c): a tier read from a treaty's name that the story dates
 * earlier elsewhere is dropped (kind 0; the caller compacts). */
void dyf_named_tiers(dy_facts *f);

#endif
