/* dy_facts.h - standing facts read from coded documents: named relationship tiers and the order
 * between them, treaties and their clauses, trade figures, trade shares, "N times" ratios,
 * milestones ("the first visit in 24 years"), sanctions and vetoes; and their reconciliation
 * across documents, each source's value kept side by side.
 *
 * Invariants and ownership:
 *  - dy_facts_extract() reads a document the coder has just coded (with opts.keep_actors), so a
 *    fact sees the same actors, references and event dates as the events do. What a sentence
 *    only supposes, plans, hopes, targets or negates ("could become an alliance", "aim to reach
 *    $20 billion by 2030", "have yet to sign") is no fact: it is dropped, or with
 *    dy_facts_set_moods(f, 1) kept with its mood (DY_MOOD_*).
 *  - Domain words (treaty nouns, signing verbs, target words, currencies, clause phrases, the
 *    words of an unlisted tier) come from dict/facts.txt; tiers and their ranks from
 *    dict/relations.txt. A tier is reported as the text names it, ranked when the table has it.
 *  - A dy_facts owns the fact array of the last document (and for windows their sentences); it
 *    is reused from document to document.
 *  - A dy_recon copies what it needs (document ids, sentence texts), so documents may be freed
 *    after dy_recon_add(). Values are grouped, never averaged and never dropped.
 *  - Nothing here prints; writers append to a caller's dy_buf.
 */
#ifndef DY_FACTS_H
#define DY_FACTS_H

#include <stddef.h>
#include <stdint.h>
#include "dy_dates.h"
#include "dy_dict.h"
#include "dy_events.h"
#include "dy_ingest.h"

enum dy_fact_kind {
    DY_FACT_PARTNERSHIP = 1, DY_FACT_TIER_ORDER, DY_FACT_TREATY, DY_FACT_TRADE, DY_FACT_TRADE_SHARE,
    DY_FACT_RATIO, DY_FACT_MILESTONE, DY_FACT_SANCTION, DY_FACT_VETO,
    DY_FACT_STAGE           /* treaty_stage: a stage of a treaty named before ("the Duma ratified the pact") */
};

/* The stages of a treaty's life, in order (dict/facts.txt classes proposed ... ended). */
enum dy_stage {
    DY_STAGE_NONE = 0, DY_STAGE_PROPOSED, DY_STAGE_SIGNED, DY_STAGE_RATIFIED, DY_STAGE_IN_FORCE, DY_STAGE_SUSPENDED,
    DY_STAGE_ENDED, DY_STAGE_N
};
const char *dy_stage_name(int stage);     /* "signed", "in_force" ...; "" for none */
int dy_stage_of(const char *name);        /* DY_STAGE_*; 0 when unknown */

enum {
    DY_CLAUSE_MUTUAL_ASSISTANCE = 1, DY_CLAUSE_NON_AGGRESSION = 2, DY_CLAUSE_MILITARY = 4,
    DY_CLAUSE_TRADE_SETTLEMENT = 8
};

typedef struct dy_fact {
    uint8_t kind;           /* enum dy_fact_kind */
    uint8_t nactors;
    uint32_t sent;          /* sentence index in the document */
    dy_date date;           /* the sentence's date (its event's, else the publication date) */
    int year;               /* the year the figure is for; 0 when the text does not say */
    char actors[4][16];     /* partnership: the pair (sorted); trade: the pair; trade_share:
                             * whose trade, then the partner; ratio: the larger pair, then the
                             * smaller; treaty, milestone, sanction, veto: the parties */
    int32_t tier, tier2;    /* partnership: tier; tier_order: higher, lower (dict tiers; -1 unlisted) */
    char tier_name[64], tier2_name[64]; /* the tiers as the text names them */
    char currency[4];       /* trade: ISO 4217 ("USD") */
    uint8_t mood;           /* DY_MOOD_*: 0 factual; others only with dy_facts_set_moods(f, 1) */
    char name[128];         /* treaty: its name as written; treaty_stage: the name of the treaty */
    uint32_t clauses;       /* treaty: DY_CLAUSE_* */
    uint8_t stage;          /* treaty, treaty_stage: DY_STAGE_* the sentence tells (0: the treaty exists) */
    char party[16];         /* treaty, treaty_stage: the one party the stage is of ("RUS" ratified); "" all */
    char kinds[48];         /* treaty, treaty_stage: its kinds from dict/facts.txt ("defence,partnership") */
    double value, value_max; /* trade: in currency (value_max > value for a range); share: percent;
                             * ratio: the factor */
    int gap_years;          /* milestone */
    char code[8];           /* milestone: the event it qualifies; sanction, veto: the event code */
} dy_fact;

typedef struct dy_facts dy_facts;

dy_facts *dy_facts_create(const dy_dict *dict);
void dy_facts_destroy(dy_facts **f);
/* all = 1: keep negated, supposed and wanted facts too, with their mood. */
void dy_facts_set_moods(dy_facts *f, int all);
/* Extracts the facts of the document the coder coded last. Returns 0, or -1 (out of memory). */
int dy_facts_extract(dy_facts *f, const dy_coder *coder, const dy_doc *doc, dy_err *err);
const dy_fact *dy_facts_list(const dy_facts *f, size_t *n);
/* A long document coded in windows (dy_coder_begin, dy_coder_next) has the facts of the whole,
 * in two passes, since the pair a story is about ("the two countries") is known at its end only:
 *  1. dy_facts_count_begin, then dy_facts_count after each window;
 *  2. dy_facts_windows_begin (before the coder begins the document again), dy_facts_window after
 *     each window (0, or -1 out of memory), then dy_facts_end.
 * The facts are kept until the end (a later sentence may drop or complete an earlier one's), and
 * with them their sentences: after dy_facts_end a fact's sent indexes dy_facts_sents(), not the
 * coder's sentences. dy_facts_extract is the same on a document coded whole. */
void dy_facts_count_begin(dy_facts *f);
void dy_facts_count(dy_facts *f, const dy_coder *coder);
void dy_facts_windows_begin(dy_facts *f, const dy_coder *coder);
int dy_facts_window(dy_facts *f, const dy_coder *coder, const dy_doc *doc, dy_err *err);
void dy_facts_end(dy_facts *f);
const dy_sent *dy_facts_sents(const dy_facts *f);

const char *dy_fact_kind_name(int kind);
/* Appends a JSON array of clause names ("mutual_assistance", ...). */
int dy_facts_clauses_json(dy_buf *b, uint32_t clauses);

/* One fact as a JSON line (fmt DY_FMT_JSONL) or a TSV row (DY_FMT_TSV). moods = 1 (--moods all):
 * every JSON line has a "mood" (factual, negated, hypothetical, intent) as events do; a TSV value
 * ends in its mood in brackets when it is not factual. */
int dy_out_fact(dy_buf *b, int fmt, const dy_dict *dict, const dy_doc *doc, const dy_sent *sents, const dy_fact *f, int moods);
int dy_out_fact_tsv_header(dy_buf *b);

/* Reconciliation: facts grouped by kind, actors and year across documents. */
typedef struct dy_recon dy_recon;
dy_recon *dy_recon_create(const dy_dict *dict);
void dy_recon_destroy(dy_recon **r);
int dy_recon_add(dy_recon *r, const dy_doc *doc, const dy_sent *sents, const dy_fact *facts, size_t n);
/* One JSON line per subject: kind, actors, year, values [{value, doc, sent, text}], conflict. */
int dy_recon_write(const dy_recon *r, dy_buf *b);

#endif
