/* dy_events.h - the CAMEO coder: sentences with actors to source-action-target events.
 *
 * Invariants and ownership:
 *  - A dy_coder holds a segmenter, per-document discourse state (recent actors, the current
 *    speaker) and the event array of the last document; all of it is reused from document to
 *    document and freed by dy_coder_destroy(). The dictionary is borrowed and must outlive it.
 *  - Events point to their sentence by index and to their words by byte spans in doc->text.
 *  - A long document may be coded in windows of paragraphs (dy_coder_begin, then dy_coder_next
 *    until it returns 0), with the discourse state carried from window to window: the events,
 *    spans and trace are those of dy_coder_code on the whole, while the tokens, sentences and
 *    events held stay within a window (doc->text must still address the whole document).
 *  - By default only factual events are kept; negated and hypothetical ones are dropped unless
 *    opts.moods_all is set, when they come with their mood.
 *  - With opts.explain, a readable trace of every decision is appended to the explain buffer.
 */
#ifndef DY_EVENTS_H
#define DY_EVENTS_H

#include <stddef.h>
#include <stdint.h>
#include "dy_actors.h"
#include "dy_dict.h"
#include "dy_ingest.h"
#include "dy_seg.h"

/* An intent ("Seoul will send aid", "Russia said it would retaliate") is a fact of its own: it is
 * coded as CAMEO's expression of intent (03x) or threat (13x) instead of the act it announces. */
enum { DY_MOOD_FACTUAL = 0, DY_MOOD_NEGATED = 1, DY_MOOD_HYPOTHETICAL = 2, DY_MOOD_INTENT = 3 };

typedef struct dy_event {
    uint32_t sent;                  /* index into the sentence array */
    char source[16], target[16];
    char code[8];
    char root[3];
    int quad;
    double goldstein;
    dy_date date;
    uint8_t mood;
    uint32_t src_start, src_end;    /* byte spans in doc->text */
    uint32_t tgt_start, tgt_end;
    uint32_t verb_start, verb_end;
} dy_event;

/* Coding conventions (docs/coding.md): dyad's, the dev set's, is the default; PETRARCH's is
 * for comparing with data coded by PETRARCH2 (its GSR): an announced act codes as the act
 * ("will supply arms" 072, not 0332), a negated cooperative act as a rejection ("would not
 * provide support" 12x, not nothing), and a symmetric act with an object runs one way only. */
enum { DY_CONV_DYAD = 0, DY_CONV_PETRARCH = 1 };

typedef struct dy_coder_opts {
    int moods_all;      /* keep negated and hypothetical events, with their mood */
    int explain;        /* write a trace to the explain buffer */
    int keep_actors;    /* keep each sentence's actor groups for dy_coder_sent_actors() */
    int convention;     /* DY_CONV_* */
} dy_coder_opts;

typedef struct dy_coder dy_coder;

dy_coder *dy_coder_create(const dy_dict *dict, const dy_coder_opts *opts);
void dy_coder_destroy(dy_coder **c);
/* Codes one document. Returns 0, or -1 with err set. */
int dy_coder_code(dy_coder *c, const dy_doc *doc, dy_err *err);
/* The same in windows of at least window bytes: begin (0, or -1 with err set), then next until
 * it returns 0 (1: a window was coded; -1: err set). After each, the getters below answer for
 * that window. */
int dy_coder_begin(dy_coder *c, const dy_doc *doc, dy_err *err);
int dy_coder_next(dy_coder *c, const dy_doc *doc, size_t window, dy_err *err);
/* The events of the document (of the last window); event.sent counts sentences from the
 * document's first: minus dy_coder_first_sent() it indexes dy_coder_sents(). */
const dy_event *dy_coder_events(const dy_coder *c, size_t *n);
const dy_sent *dy_coder_sents(const dy_coder *c, size_t *n);
uint32_t dy_coder_first_sent(const dy_coder *c);
/* With windows: the offset in doc->text where the next window starts (the text before it is done
 * with, but for look-backs at the last sentence's words). */
size_t dy_coder_pos(const dy_coder *c);
const dy_buf *dy_coder_explain(const dy_coder *c);
/* The last document's tokens and their normalised forms (owned by the coder). */
const dy_tok *dy_coder_toks(const dy_coder *c);
const dy_dict *dy_coder_dict(const dy_coder *c);
const dy_buf *dy_coder_norm(const dy_coder *c);
/* With opts.keep_actors: sentence k's actor groups, references resolved (coordination indices
 * are within the returned array). Owned by the coder, valid until the next document. */
const dy_actor *dy_coder_sent_actors(const dy_coder *c, size_t k, size_t *n);
/* The document's most frequent pair of countries among its events; 0 when there is none. */
int dy_coder_topic(const dy_coder *c, char a[16], char b[16]);
const char *dy_mood_name(int mood);
int dy_cameo_quad(const char *code);

#endif
