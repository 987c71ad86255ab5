/* dy_events_int.h - internal to the coder (src/dy_events*.c); not part of libdyad's interface.
 *
 * The coder is split by step: dy_events.c drives a document sentence by sentence, and the other
 * files answer questions about one sentence (sctx). Invariants the files share:
 *  - a dy_coder owns everything it points to except dict (borrowed, outlives it); its discourse
 *    state (hist, speaker, topic, story, aliases, visit_place, lede/last) is reset by each
 *    dy_coder_begin (dy_coder_code) and read only while that document is coded, window by
 *    window (sentence indices, sidx and event.sent, count from the document's first);
 *  - an sctx is one sentence's view: tokens t[t0, t1) of the document, groups g[0, ng) sorted by
 *    t0, at[i - t0] the group covering token i or -1; groups appended for one event (body_target,
 *    context parties) come after the sentence's own and are dropped with drop_body;
 *  - a group's comp is the coordination it belongs to (itself when alone), so a source or target
 *    is always stored as its comp;
 *  - codes are 16-byte NUL-terminated fields, copied with set_code.
 * Functions shared between the files carry the prefix ev_; everything else is static to one file.
 */
#ifndef DY_EVENTS_INT_H
#define DY_EVENTS_INT_H

#include "dy_events.h"
#include "dy_actors.h"
#include "dy_dates.h"
#include "dy_story.h"

#include <assert.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HIST 32
#define DY_GAP_MAX 6        /* words a "..." in a verb pattern may skip */
#define EV_MEMO_W (DY_MAX_SENT_TOKENS + 1)    /* the matcher's memo: one row an element, a slot a token */
#define EV_MEMO_ROWS 256                            /* a pattern has at most 255 elements (dy_pattern.nel) */
/* the most sentences any look-back over the coded events reaches (a denial's accuser, acc16a):
 * a window of a long document keeps its events at least this far back */
#define EV_LOOKBACK_SENTS 6

/* target20: an act a verb told, coded or not ("Nicaragua freed 222 opponents" is skipped as one
 * actor on both sides, "said Washington would respond accordingly" for want of a target), kept
 * by its verb's root so that a noun for it later ("welcomed the release", "rejected the
 * warning") finds its author (dy_events_noun.c). A ring of the last EV_LATENT. */
typedef struct ev_latent {
    uint32_t sent;
    char source[16], target[16];
    char root[3], code[5];
    uint8_t mood;
} ev_latent;
#define EV_LATENT 64
/* CAMEO's paired codes for a visit: the visitor's 042 and the host's 043 */
#define DY_CAMEO_VISIT "042"
#define DY_CAMEO_HOST "043"
#define MAX_MATCH 32
#define MAX_DATES 16
#define EV_DATED_ACTS 16

typedef struct hist_entry {
    char code[16], code2[16];
    uint8_t kind;
    uint8_t subj;       /* it was the subject of an event: the likelier antecedent of "he" */
    uint8_t place;      /* a place ("talks in Riyadh"): no party for "both sides" */
    uint8_t coord;      /* 1 + the coordination's group in its sentence ("A and B"), else 0 */
    uint8_t list;       /* as coord, for any coordination, a party to an act there or not */
    uint32_t sent;
} hist_entry;

typedef struct match {
    uint32_t pat;
    uint32_t head, end;     /* token range of the pattern */
    int tgt;                /* group at T, -1 when none */
    int by;                 /* T was reached through "by" (passive) */
    uint16_t nlit;
    int src;                /* group at S, -1 when none */
} match;

struct dy_coder {
    const dy_dict *dict;
    dy_coder_opts opts;
    dy_seg *seg;
    dy_event *ev;           /* the document's events; with windows, [0, ev_new) are earlier windows'
                             * kept for look-backs (keep_context_events) and the rest this window's */
    size_t nev, capev, ev_new;
    uint32_t prev_end;      /* where the last sentence coded ends: a blank line after it opens a paragraph */
    dy_buf explain;
    /* discourse state, per document */
    hist_entry hist[HIST];
    size_t nhist;
    char speaker[16], speaker2[16];
    uint32_t speaker_sent;
    uint32_t side_seen[DY_MAX_SIDES];   /* 1 + the last sentence naming each dy_side's countries, or 0 */
    /* the document's dyads so far, for "the two leaders" at the start of a paragraph */
    struct topic { char a[16], b[16]; int n; } topic[16];
    size_t ntopic;
    /* opts.keep_actors: every sentence's groups, and where each sentence's run starts */
    dy_actor *kept;
    size_t nkept, capkept;
    uint32_t *kept_off;     /* nsents + 1 offsets */
    size_t capoff;
    /* word id -> the last sentence (stamp) it occurred in: which patterns are worth trying. A
     * byte a word keeps the table small enough for the first-level cache; the stamps wrap every
     * 255 sentences, and the table is cleared then. */
    uint8_t *seen;
    uint32_t nseen;
    uint8_t stamp;
    /* the verb pattern matcher's failures in the pattern being tried: (element, token) ->
     * the try's number when match_el failed there, so a second path to the same place (optional
     * words, gaps) is not searched again; EV_MEMO_W tokens a row, one row an element */
    uint16_t *memo;
    uint16_t memo_try;
    dy_story story;         /* the story's country, for roles named without one */
    char story_shown[4];    /* --explain: the story's country as last shown */
    dy_aliases aliases;     /* surnames learnt from "title + unknown name" in this document */
    /* the last visit's destination country and its sentence: "the two leaders held talks" after
     * "Putin arrived in Pyongyang" took place there */
    char visit_place[4];
    uint32_t visit_sent;
    char visitor[16];       /* who made that visit: "Rahmon greeted his guest" greets them */
    /* the last international court named and its sentence: "the court" after "the International
     * Court of Justice" is that court (ev_fill_roles) */
    char igo_court[16];
    uint32_t igo_court_sent;
    ev_latent lat[EV_LATENT];   /* target20: acts told, coded or not (ev_note_act); nlat counts all */
    size_t nlat;
    /* the lead's date and the date the previous sentence's events took (sentence_dates), with
     * their days since 1970 and publication's (INT64_MAX when it has no day) */
    dy_date lede, last;
    int64_t lede_day, last_day, pub_day;
    /* dates21: the story's dated acts (grammar.txt dated_act, "a coup on February 1", "ruled on
     * Oct. 22"), by their words' stem ("rul"), the latest told last: "on the night of the ruling" */
    struct { char key[16]; dy_date date; } dacts[EV_DATED_ACTS];
    uint32_t ndacts;
    int last_own;           /* dates21: the previous sentence named its own date */
    /* evalcall22: the subject of the story's lead (its first sentence with a subject), whose act
     * a reaction to "the move" names when no act told finds its author */
    char lead_src[16], lead_src2[16];
    uint32_t lead_sent;
    int lead_done;
    /* dates22: the dated_act words' keys the previous sentence told ("attacked", "the coup") */
    char prev_acts[4][16];
    uint32_t nprev_acts;
};

/* ---- per-sentence context ---- */
typedef struct sctx {
    dy_coder *c;
    const dy_doc *doc;
    const dy_tok *t;
    const dy_buf *norm;
    uint32_t t0, t1;
    uint32_t sidx;          /* the sentence's index in the document (not the window) */
    const dy_sent *st;      /* the sentence */
    int para_start;         /* the sentence opens a paragraph */
    dy_actor g[DY_MAX_ACTORS];
    size_t ng;
    int16_t at[DY_MAX_SENT_TOKENS + 1];     /* group covering each token, -1 */
    uint64_t reqsig;                        /* OR of the words' dy_dict_reqbit() */
    dy_datex dates[MAX_DATES];
    size_t ndates;
    dy_date ctx;            /* the date of an event with no date of its own (sentence_dates) */
} sctx;

/* Copies a code between 16-byte fields: one fixed-size copy (no scan for its end, no call), cut
 * at 15 characters. Every source is such a field, so all 16 bytes are there to read. */
static inline void set_code(char dst[16], const char src[16])
{
    memcpy(dst, src, 16);
    dst[15] = 0;
}
static inline const char *W(const sctx *s, uint32_t i) { return s->norm->data + s->t[i].norm; }
#define WIS(s, i, lit) DY_TOK_IS((s)->norm, &(s)->t[i], lit)
/* Does token i end "no longer" ("was no longer supplying")? */
static inline int ev_no_longer_at(const sctx *s, uint32_t i)
{
    return i > s->t0 && WIS(s, i, "longer") && WIS(s, i - 1, "no");
}
/* An -ing form: a word of five letters or more ending in "ing" ("firing", not "king"). */
static inline int ev_ing_form(const sctx *s, uint32_t i)
{
    size_t l = s->t[i].nlen;
    return l > 4 && !memcmp(W(s, i) + l - 3, "ing", 3);
}
/* A past form: a word of five letters or more ending in "ed" ("detained", not "red"). */
static inline int ev_ed_form(const sctx *s, uint32_t i)
{
    size_t l = s->t[i].nlen;
    return l > 4 && !memcmp(W(s, i) + l - 2, "ed", 2);
}
/* A past form, regular ("-ed", ev_ed_form) or irregular (grammar.txt past: "held", "met"). */
static inline int ev_past_form(const sctx *s, uint32_t i)
{
    return ev_ed_form(s, i) || dy_dict_word_is(s->c->dict, DY_G_PAST, s->t[i].id);
}
static inline int group_at(const sctx *s, uint32_t i) { return (i >= s->t0 && i < s->t1) ? s->at[i - s->t0] : -1; }
/* acc10: is there a clause break, a comma or a sentence end in tokens [a, b)? */
static inline int ev_span_broken(const sctx *s, uint32_t a, uint32_t b)
{
    for (uint32_t j = a; j < b; j++)
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 1;
    return 0;
}
/* An agent word with no country or person ("military", "troops", "intelligence") may be part of
 * a verb phrase: "held talks on military cooperation", "agreed to share intelligence". */
static inline int bare_agent(const sctx *s, int g) { return g >= 0 && s->g[g].kind == DY_GK_AGENT && !s->g[g].anaphor; }
/* a named actor: a role filled in from the story's country (fill_roles) is still a bare role */
/* a coordination ("Russia and North Korea") or a resolved pair ("the two sides") */
static inline int is_pair(const sctx *s, int g) { return s->g[g].ncomp >= 2 || s->g[g].code2[0]; }
static inline int is_named(const sctx *s, int g) { return s->g[g].code[0] && s->g[g].code[0] != '-' && !s->g[g].filled; }

/* dy_events.c */
int ev_gram_class_at(const sctx *s, uint32_t i, uint32_t *end);
int ev_gram_is(const sctx *s, uint32_t i, int cls, uint32_t *end);
void ev_ex(dy_coder *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* dy_events_ref.c */
void ev_remember(dy_coder *c, const char *code, const char *code2, uint8_t kind, uint8_t subj, uint32_t sent);
int ev_title_of_state(sctx *s, int k);
void ev_resolve(sctx *s, int k);
void ev_pair_level(const sctx *s, dy_actor *g);
size_t ev_codes_of(const sctx *s, int k, const char **out, int *idx, size_t max);
void ev_learn_names(sctx *s);
void ev_possessive_roles(sctx *s);
void ev_his_roles(sctx *s);
void ev_fill_roles(sctx *s);
void ev_story_government(sctx *s);
dy_date ev_sentence_dates(sctx *s);
void ev_sentence_references(sctx *s);
void ev_story_references(sctx *s);
/* gov: a named government counts as the captor too (arrests, 173, and releases, 0841) */
void ev_captor_country(sctx *s, int src, int tgt, int gov);
void ev_opposition_country(sctx *s, int src, int tgt);
void ev_protest_country(sctx *s, int src, int tgt);
void ev_borrow_country(sctx *s, int a, int b);
void ev_dateline_place(sctx *s);
void ev_predicate_roles(sctx *s);

/* dy_events_match.c */
int ev_reciprocal_at(const sctx *s, uint32_t j);
int ev_is_passive_at(const sctx *s, uint32_t head);
int ev_attribution_after(const sctx *s, uint32_t from);
size_t ev_find_matches(const sctx *s, match *out, size_t max);

/* dy_events_slot.c */
int ev_actor_ends_match(const sctx *s, const match *m, int src);
int ev_relative_clause(const sctx *s, uint32_t head);
/* prec10: a perfect verb over a long span ("had ruled since 2005"): background, no act */
int ev_background_perfect(const sctx *s, uint32_t head, const char *code);
int ev_passive_authority(const sctx *s, const match *m, const char *code);
int ev_implied_police(sctx *s, const match *m, const char *code, int subj);
int ev_find_source(const sctx *s, uint32_t head);
int ev_find_target(const sctx *s, uint32_t from, uint32_t limit);
uint32_t ev_said_at(const sctx *s, uint32_t from, uint32_t limit);
int ev_subordinate_at(const sctx *s, uint32_t j);
int ev_and_verb(const sctx *s, uint32_t head);
int ev_object_before_and(const sctx *s, uint32_t head, int src);
int ev_speaker_and_verb(const sctx *s, uint32_t head, const char *code);
int ev_sentence_subject(const sctx *s, uint32_t head);
int ev_participial_at(const sctx *s, uint32_t head);
int ev_framing_parties(const sctx *s, const match *m, int *src, int *tgt);
int ev_sentence_has_event_from(const sctx *s, int src, const char *code);
int ev_complement_at(const sctx *s, uint32_t head);
int ev_negated_predicate(const sctx *s, const match *m);
int ev_conditional_series(const sctx *s, uint32_t head);
int ev_mood_at(const sctx *s, uint32_t head);
const char *ev_intent_code(const char *code);
/* dy_events_date.c: the date of the act whose verb is at head.
 * dates20: 1 when date k is the time of an act still to come (later than publication, or after a
 * word of intent or condition in its clause), 2 after a schedule's word ("will", "is due to"), else 0 */
int ev_future_date(const sctx *s, size_t k);
/* dates21: dates of times an act the story dated tells ("on the day of the coup", "after the
 * summit", "three days after the crash"), added to the sentence's (returns how many); and the
 * sentence's own dated acts noted for the sentences after */
int ev_act_dates(sctx *s);
/* dates21: does the sentence refer to the one before: "at the time", or "the" before a word of
 * grammar.txt's told_before ("denied the charge", "opened fire on the crowds")? */
int ev_refers_back(const sctx *s);
int ev_attributive_date(const sctx *s, size_t k);
int ev_undated_act(const sctx *s);
void ev_note_dated_acts(sctx *s);
dy_date ev_date_for(const sctx *s, uint32_t head);
void ev_passive_slot(const sctx *s, const match *m, int subj, uint32_t limit, int *src, int *tgt);
int ev_claimed_target(const sctx *s, const match *m);
int ev_reduced_relative(const sctx *s, const match *m);
int ev_object_participle(const sctx *s, const match *ms, size_t k);
int ev_body_target(sctx *s, const match *m, const dy_pattern *p);
int ev_role_is(const sctx *s, int g, const char *roles);
int ev_government_word(const sctx *s, const dy_actor *g);
int ev_own_place(const sctx *s, int src, int tgt);
int ev_own_country_ref(const sctx *s, int src, int tgt);
int ev_implied_target(sctx *s, const match *m, const dy_pattern *p, int src, int replace);
int ev_author_in_clause(const sctx *s, const match *m, int src, int tgt);
int ev_rejected_text(const sctx *s, const match *ms, size_t k);
int ev_one_sided_intent(const sctx *s, int src, int tgt, uint32_t head);
int ev_denied_clause(const sctx *s, uint32_t head);
int ev_reported_accusation(sctx *s, const match *m, const dy_pattern *p, int src);
int ev_petrarch_own_claim(sctx *s, const match *m, const dy_pattern *p, int src, int tgt);
int ev_petrarch_purpose(const sctx *s, const match *ms, size_t k, const char *code);
int ev_names_talks(const sctx *s, const match *m);
int ev_petrarch_place(const sctx *s, const match *m, int other, int dir);
void ev_petrarch_mood(const sctx *s, const match *m, const char *pcode, const char **code, int *mood);
/* "no longer supplying arms to T": negated material cooperation or aid becomes its reduction (16x). */
void ev_stopped_act(const sctx *s, const match *m, const char **code, int *mood);

/* dy_events_emit.c */
int ev_is_nominal(const sctx *s, uint32_t head);
int ev_after_prep(const sctx *s, uint32_t i);
int ev_possessor(const sctx *s, uint32_t head);
int ev_after_with(const sctx *s, int g);
int ev_tgt_between(const sctx *s, int tgt);
int ev_emit(sctx *s, const match *m, const char *code, const dy_cameo *cam, int src, int tgt, int sym, int mood);
int ev_embassy_owner(const sctx *s, int tgt);
int ev_participle_after(const sctx *s, uint32_t i);
int ev_pair_keeps_act(const sctx *s, const match *m, int tgt);
int ev_agreed_to_act(const sctx *s, const match *m);
int ev_agree_subsumed(const sctx *s, const match *ms, size_t nm, size_t k);
int ev_purpose_of_prev(const sctx *s, const match *ms, size_t k);
int ev_target_from_purpose(const sctx *s, const match *ms, size_t nm, size_t k, uint32_t limit);
int ev_place_not_party(const sctx *s, const match *m, const dy_pattern *p, int tgt);
int ev_with_after_place(const sctx *s, int place);
int ev_emit_paired(sctx *s, const match *m, const dy_pattern *p, int src, int tgt);
int ev_reciprocal_after(const sctx *s, uint32_t from, uint32_t limit);
int ev_mutual_subject(const sctx *s, int src, uint32_t head);
void ev_drop_body(sctx *s, int body);
int ev_context_parties(sctx *s, int known, int want_pair, int *added);
int ev_counterpart(sctx *s, int known, int *added);
int ev_deal_counterpart(sctx *s, int known, int *added);
int ev_accuser(sctx *s, int known, int *added, uint32_t back);
int ev_requester(sctx *s, int known, uint32_t head, int *added);
int ev_lead_author(sctx *s, int known, int *added);
void ev_note_lead(sctx *s);
int ev_frame_doer(const sctx *s, const match *m, int tgt);
int ev_possessive_main_subject(const sctx *s, const match *m, const char *code, int src);
int ev_cut_target(sctx *s, int known, int *added);
int ev_main_clause_target(sctx *s, const match *m, int src, int *added);
int ev_own_again(const sctx *s, int src, int tgt);
int ev_coordinated_subject(const sctx *s, uint32_t head, int src);
uint32_t ev_coordinator_at(const sctx *s, uint32_t head, int src);
int ev_coordinated_target(sctx *s, const match *m, int *src, int *added);
int ev_next_act_target(const sctx *s, const match *m, const match *next, uint32_t limit, int src);
int ev_reported_blame(sctx *s);
int ev_speaker_of(sctx *s, uint32_t v);
int ev_pledge_receiver(sctx *s, int known, int *added);
int ev_own_role(const sctx *s, int k);
int ev_aid_receiver(sctx *s, int known, int *added);
int ev_last_visitor(sctx *s, int known, int *added);
int ev_trip_maker(sctx *s, int tgt, int *added);
int ev_igo_court(const sctx *s, int k);
int ev_names_decision(const sctx *s, const match *m);
int ev_decision_subject(const sctx *s, uint32_t head);
int ev_names_class(const sctx *s, const match *m, int cls);
int ev_meeting_parties(sctx *s, int known, int *added);
int ev_act_author(sctx *s, int known, int *added, int decision, int home, int violent);
long ev_home_accusation(const sctx *s, int known, uint32_t back);
int ev_disarm_place(const sctx *s, const dy_pattern *p, int src, int tgt);
/* eval20: an actor the context lends the sentence, and the latest event with a known party */
dy_actor *ev_context_group(sctx *s, const char *code);
long ev_recent_event_with(const sctx *s, int known, int as_source, uint32_t back, int (*want)(const dy_coder *, const dy_event *));
/* dy_events_eval.c (eval20) */
int ev_last_adversary(sctx *s, int known, int *added);
/* dy_events_home.c: "Japarov and Rahmon ... their troops": a role after "their" that is both of
 * a two-country list's before it, in its sentence; 1 when set */
int ev_subject_list_roles(sctx *s, int k, const char *role);
/* dy_events_home.c: "drug cartels operating from Venezuela": a filled role takes the country of
 * the place it operates from or is based in */
void ev_based_country(sctx *s, int k);
int ev_recent_visitor(sctx *s, int known, int *added);
int ev_named_act_author(sctx *s, int known, uint32_t noun, int *added);
int ev_clause_act_target(sctx *s, uint32_t from, uint32_t to, int who, int *added);
int ev_reported_threat(sctx *s);
int ev_reported_intent(sctx *s, const match *ms, size_t nm);
int ev_intent_addressee(sctx *s, const match *m, int src, int *added);
int ev_court_decision(sctx *s, int known);
int ev_code_brokered(sctx *s);
const char *ev_domestic_code(const sctx *s, int src, int tgt, const char *code);
const char *ev_forces_arrival_code(const sctx *s, int src, int tgt, const char *code);
int ev_followed_suit(sctx *s);
void ev_note_act(sctx *s, const char *code, int src, int tgt, int mood);
const ev_latent *ev_latent_back(const dy_coder *c, size_t back);
int ev_noun_author(sctx *s, const match *m, const dy_pattern *p, int src, int *added);
int ev_latent_author(sctx *s, int known, int decision, int low, uint32_t after, int *added);
int ev_accused_author(sctx *s, int known, int *added);
int ev_domestic_author(const char *src, const char *tgt, const char *kc, int decision);
int ev_domestic_decision(const char *src, const char *kc);
int ev_decision_root(int root);

#endif
