/* dy_events.c - the coder: one document at a time, sentence by sentence; each verb pattern
 * matched becomes events once its source, target, mood and date are known. The steps live in
 * dy_events_ref.c (who a mention is), dy_events_match.c (verb patterns), dy_events_slot.c
 * (sources, targets, mood) and dy_events_emit.c (events out, pairs, parties from the context);
 * dy_events_int.h holds the state they share. */
#include "dy_events_int.h"

dy_coder *dy_coder_create(const dy_dict *dict, const dy_coder_opts *opts)
{
    assert(dict);       /* borrowed; must outlive the coder */
    dy_coder *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->dict = dict;
    if (opts) c->opts = *opts;
    c->seg = dy_seg_create(dict);
    c->nseen = dy_lex_count(dy_dict_lex(dict)) + 1;
    c->seen = calloc(c->nseen, sizeof *c->seen);
    c->memo = calloc((size_t)EV_MEMO_ROWS * EV_MEMO_W, sizeof *c->memo);
    if (!c->seg || !c->seen || !c->memo) { dy_coder_destroy(&c); return NULL; }
    return c;
}

void dy_coder_destroy(dy_coder **cp)
{
    if (!cp || !*cp) return;
    dy_seg_destroy(&(*cp)->seg);
    free((*cp)->ev);
    free((*cp)->kept);
    free((*cp)->kept_off);
    free((*cp)->seen);
    free((*cp)->memo);
    dy_story_free(&(*cp)->story);
    dy_buf_free(&(*cp)->explain);
    free(*cp);
    *cp = NULL;
}

const dy_event *dy_coder_events(const dy_coder *c, size_t *n)
{
    *n = c->nev - c->ev_new;
    return c->ev ? c->ev + c->ev_new : NULL;      /* no events yet: no array (NULL + 0 is undefined) */
}

uint32_t dy_coder_first_sent(const dy_coder *c) { return dy_seg_first(c->seg); }

size_t dy_coder_pos(const dy_coder *c) { return dy_seg_pos(c->seg); }

const dy_sent *dy_coder_sents(const dy_coder *c, size_t *n) { return dy_seg_sents(c->seg, n); }

const dy_buf *dy_coder_explain(const dy_coder *c) { return &c->explain; }

const dy_tok *dy_coder_toks(const dy_coder *c) { return dy_seg_toks(c->seg); }

const dy_dict *dy_coder_dict(const dy_coder *c) { return c->dict; }

const dy_buf *dy_coder_norm(const dy_coder *c) { return dy_seg_norm(c->seg); }

const char *dy_mood_name(int mood)
{
    return mood == DY_MOOD_NEGATED ? "negated" : mood == DY_MOOD_HYPOTHETICAL ? "hypothetical" : "factual";
}

int dy_cameo_quad(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

int ev_gram_class_at(const sctx *s, uint32_t i, uint32_t *end)
{
    int32_t node = 0;
    int cls = 0;
    *end = i;
    if (i >= s->t1 || !(dy_dict_wclass(s->c->dict, s->t[i].id) & DY_WC_START_GRAM)) return 0;
    for (uint32_t j = i; j < s->t1; j++) {
        int32_t p;
        node = dy_dict_step_payload(s->c->dict, DY_TRIE_GRAMMAR, node, s->t[j].id, &p);
        if (node < 0) break;
        if (p >= 0) { cls = dy_dict_gram_class(s->c->dict, p); *end = j + 1; }
    }
    return cls;
}

/* Does a phrase of class cls (DY_G_SAY or DY_G_BE) start at i, as the longest grammar phrase there?
 * The word's class bits answer no for most words without walking the trie. */
int ev_gram_is(const sctx *s, uint32_t i, int cls, uint32_t *end)
{
    *end = i;
    unsigned need = cls == DY_G_SAY ? DY_WC_START_SAY : DY_WC_START_BE;
    if (i >= s->t1 || !(dy_dict_wclass(s->c->dict, s->t[i].id) & need)) return 0;
    return ev_gram_class_at(s, i, end) == cls;
}

void ev_ex(dy_coder *c, const char *fmt, ...)
{
    if (!c->opts.explain) return;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    dy_buf_adds(&c->explain, buf);
}

static void ex_span(dy_coder *c, const dy_doc *doc, uint32_t a, uint32_t b)
{
    if (!c->opts.explain) return;
    dy_buf_addc(&c->explain, '"');
    for (uint32_t i = a; i < b; i++) dy_buf_addc(&c->explain, doc->text[i] == '\n' ? ' ' : doc->text[i]);
    dy_buf_addc(&c->explain, '"');
}

/* ---- one sentence ---- */

/* The sentence's dates, then its actors (a person's role depends on the date), then who each
 * reference and bare role is. "we" waits for the speech verbs (sentence_speakers). */
static void sentence_actors(sctx *s)
{
    dy_coder *c = s->c;
    dy_date sd = ev_sentence_dates(s);
    int32_t day = sd.prec == DY_PREC_NONE ? INT32_MIN : (int32_t)dy_date_days(sd);

    s->ng = dy_actors_find(c->dict, s->t, s->norm, s->t0, s->t1, day, &c->aliases, s->g, DY_MAX_ACTORS);
    assert(s->t1 - s->t0 <= DY_MAX_SENT_TOKENS && s->ng <= DY_MAX_ACTORS);
    memset(s->at, 0xff, (s->t1 - s->t0) * sizeof *s->at);     /* -1: no actor */
    for (size_t k = 0; k < s->ng; k++) {
        /* dy_events_int.h: groups in the sentence, in order, each its own coordination or in one */
        assert(s->g[k].t0 >= s->t0 && s->g[k].t1 <= s->t1 && s->g[k].t0 < s->g[k].t1);
        assert(k == 0 || s->g[k].t0 >= s->g[k - 1].t0);
        assert(s->g[k].comp >= 0 && (size_t)s->g[k].comp < s->ng);
        for (uint32_t i = s->g[k].t0; i < s->g[k].t1; i++) s->at[i - s->t0] = (int16_t)k;
    }

    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].anaphor && s->g[k].anaphor != DY_G_SPEAKER && !ev_title_of_state(s, (int)k)) {
            ev_resolve(s, (int)k);
            if (s->g[k].anaphor == DY_G_PAIR || s->g[k].anaphor == DY_G_GROUP) ev_pair_level(s, &s->g[k]);
        }
    dy_story_note(&c->story, s->g, s->ng, s->t, s->t0, s->t1, s->sidx == 0);
    ev_dateline_place(s);
    ev_predicate_roles(s);
    ev_possessive_roles(s);
    ev_his_roles(s);
    ev_fill_roles(s);
    ev_story_references(s);
    ev_story_government(s);
    ev_sentence_references(s);
    ev_learn_names(s);
}

/* One pass stamps the sentence's words (for find_matches) and lists the words that may open a
 * speech verb, with no branch per token; the actor next to each speech verb becomes the speaker,
 * and then "we" is resolved. */
static void sentence_speakers(sctx *s)
{
    dy_coder *c = s->c;
    if (++c->stamp == 0) {      /* the stamps wrapped: start again */
        memset(c->seen, 0, c->nseen * sizeof *c->seen);
        c->stamp = 1;
    }
    uint8_t says[DY_MAX_SENT_TOKENS];
    size_t nsay = 0;
    uint64_t reqsig = 0;
    for (uint32_t i = s->t0; i < s->t1; i++) {
        uint32_t id = s->t[i].id;
        if (id < c->nseen) c->seen[id] = c->stamp;
        reqsig |= dy_dict_reqbit(c->dict, id);
        says[nsay] = (uint8_t)(i - s->t0);
        nsay += (dy_dict_wclass(c->dict, id) & DY_WC_START_SAY) != 0;
    }
    s->reqsig = reqsig;
    for (size_t h = 0; h < nsay; h++) {
        uint32_t i = s->t0 + says[h], e;
        if (!ev_gram_is(s, i, DY_G_SAY, &e)) continue;
        int who = -1;
        for (int k = (int)s->ng - 1; k >= 0; k--)
            if (s->g[k].t1 <= i && i - s->g[k].t1 <= 6 && s->g[k].code[0] && !s->g[k].prep) { who = k; break; }
        if (who < 0)
            for (size_t k = 0; k < s->ng; k++)
                if (s->g[k].t0 >= e && s->g[k].t0 - e <= 3 && s->g[k].code[0]) { who = (int)k; break; }
        if (who >= 0) {
            set_code(c->speaker, s->g[who].code);
            set_code(c->speaker2, s->g[who].code2);
            c->speaker_sent = s->sidx;
        }
    }
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].anaphor == DY_G_SPEAKER) ev_resolve(s, (int)k);
}

/* --explain: the sentence, the story's country when it changes, its actors and dates */
static void explain_sentence(const sctx *s)
{
    dy_coder *c = s->c;
    const dy_doc *doc = s->doc;
    const dy_sent *st = s->st;
    ev_ex(c, "%s:%u: sentence %u ", doc->id, (unsigned)(st->line + (doc->record_line ? doc->record_line - 1 : 0)), (unsigned)st->no);
    ex_span(c, doc, st->start, st->end);
    ev_ex(c, "\n");
    if (strcmp(c->story.country, c->story_shown)) {     /* when it is found or changes */
        ev_ex(c, "  story country %s (%s)\n", c->story.country[0] ? c->story.country : "unknown", dy_story_from_name(c->story.from));
        memcpy(c->story_shown, c->story.country, 4);
    }
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        ev_ex(c, "  actor %s%s%s%s%s ", g->code[0] ? g->code : "(unresolved)", g->code2[0] ? "+" : "", g->code2, g->code3[0] ? "+" : "",
              g->code3);
        ex_span(c, doc, s->t[g->t0].start, s->t[g->t1 - 1].end);
        int its = g->t0 > s->t0 && WIS(s, g->t0 - 1, "its") && g->code[0] && g->code[0] != '-' && !g->filled;
        ev_ex(c, "%s%s%s%s\n", g->anaphor ? " (reference)" : "", g->locative ? " (place)" : "",
              g->ncomp > 1 ? " (coordination)" : "", its ? " (\"its\": possessive role)" : "");
    }
    for (size_t k = 0; k < s->ndates; k++) {
        char b[16];
        dy_date_format(s->dates[k].date, b);
        ev_ex(c, "  date %s ", b[0] ? b : "(unresolved)");
        ex_span(c, doc, s->t[s->dates[k].t0].start, s->t[s->dates[k].t1 - 1].end);
        ev_ex(c, "\n");
    }
}

/* ---- one matched pattern ---- */

/* Is match k no act of its own (a blocked phrase, background, a rejected text's content, the
 * purpose of the act before, a denial, a statement's content coded after it)? Says why. */
/* acc19a: "described the Saudi-led campaign in Yemen as futile aggression against the Houthis":
 * an act noun after "as" (a determiner or a word between) is what something was called. */
static int described_as(const sctx *s, uint32_t head)
{
    if (ev_ed_form(s, head)) return 0;
    for (uint32_t i = head, n = 0; i-- > s->t0 && n < 3; n++) {
        /* not "as fighting raged", "as well as", "as to make a statement" */
        if (WIS(s, i, "as")) return (n > 0 || !ev_ing_form(s, head)) && !(i > s->t0 && WIS(s, i - 1, "well"));
        if (WIS(s, i, "to")) return 0;
        if ((s->t[i].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) || group_at(s, i) >= 0) return 0;
    }
    return 0;
}

static int match_skipped(const sctx *s, const match *ms, size_t nm, size_t k, const dy_pattern *p)
{
    dy_coder *c = s->c;
    const match *m = &ms[k];
    if (p->code[0] == '-') { ev_ex(c, "    blocked: this phrase codes nothing\n"); return 1; }
    if (ev_relative_clause(s, m->head)) { ev_ex(c, "    skipped: a relative clause (background)\n"); return 1; }
    if (ev_background_perfect(s, m->head, p->code)) { ev_ex(c, "    skipped: a perfect over a long span (background)\n"); return 1; }
    if (ev_rejected_text(s, ms, k)) { ev_ex(c, "    skipped: what a rejected text says, not its voter's act\n"); return 1; }
    if (ev_agree_subsumed(s, ms, nm, k)) { ev_ex(c, "    the act agreed to is coded after it\n"); return 1; }
    if (ev_purpose_of_prev(s, ms, k)) { ev_ex(c, "    skipped: the purpose of the act before (\"to ...\"), not an act\n"); return 1; }
    if (ev_denied_clause(s, m->head)) { ev_ex(c, "    skipped: what a denial says did not happen\n"); return 1; }
    if (ev_object_participle(s, ms, k)) { ev_ex(c, "    skipped: a participle describing the object before it\n"); return 1; }
    if (described_as(s, m->head)) { ev_ex(c, "    skipped: a noun after \"as\" names what an act was called, no act (acc19a)\n"); return 1; }
    /* "issued a joint statement expressing support for Castillo": what the statement says is coded */
    if (!strcmp(p->code, "010") && k + 1 < nm && ms[k + 1].head >= m->end && ms[k + 1].head <= m->end + 1) {
        ev_ex(c, "    skipped: the statement's content is coded after it\n");
        return 1;
    }
    return 0;
}

/* acc10: "signed the pact at the palace, with President Marcos looking on": "with", an actor and a
 * participle make an absolute phrase, a scene and no object of the verb before. */
static int absolute_with(const sctx *s, uint32_t j)
{
    if (j + 2 >= s->t1 || !WIS(s, j, "with")) return 0;
    int g = group_at(s, j + 1);
    if (g < 0) return 0;
    uint32_t e = s->g[g].t1;
    return e < s->t1 && ev_ing_form(s, e);
}

/* acc19a: "after the ruling was read": the actor after a subordinator goes on with a verb (a form of
 * "be" or an -ed form), so a clause and no noun phrase ("after the Indian strikes"). */
static int subordinate_verb(const sctx *s, uint32_t j)
{
    uint32_t n = j + 1, e;
    if (n < s->t1 && WIS(s, n, "the")) n++;
    int g = group_at(s, n);
    if (g < 0 || s->g[g].t1 >= s->t1) return 0;
    return ev_gram_is(s, s->g[g].t1, DY_G_BE, &e) || ev_ed_form(s, s->g[g].t1);
}

/* Where the object of match k may end: the next verb (unless a noun), 12 words, the end of the
 * clause, or a comma before a new clause, a speaker or a participle. */
static uint32_t object_limit(const sctx *s, const match *ms, size_t nm, size_t k, const dy_pattern *p)
{
    const match *m = &ms[k];
    /* the object may be a noun phrase headed by the next match: "condemned the deepening ties between ..." */
    uint32_t limit = k + 1 < nm && !ev_is_nominal(s, ms[k + 1].head) ? ms[k + 1].head : s->t1;
    if (limit > m->end + 12) limit = m->end + 12;
    for (uint32_t j = m->end; j < limit; j++) {
        if (s->t[j].flags & (DY_TF_END | DY_TF_CLAUSE)) return j;
        int comma = (s->t[j].flags & DY_TF_COMMA) != 0;
        /* "Qatar hosted the talks, with help from Egypt": a party left out is the context's */
        if (comma && p->ctx) return j;
        /* ", and President Zelensky called ...": a new clause */
        if (comma && j + 1 < s->t1 && (dy_dict_wclass(s->c->dict, s->t[j + 1].id) & DY_WC_CLAUSE)) return j;
        /* "... burned down its embassy, a senior official said": the speaker is no object */
        if (comma && ev_attribution_after(s, j + 1)) return j;
        if (comma && ev_participle_after(s, j + 1) && j > m->end && group_at(s, j - 1) >= 0) return j;
        if (comma && absolute_with(s, j + 1)) return j;
        /* "... and were later joined by": a second verb of the same subject */
        uint32_t e;
        if (WIS(s, j, "and") && j + 1 < s->t1 && ev_gram_is(s, j + 1, DY_G_BE, &e)) return j;
        /* "staged a sit-in outside the building after troops kept him from entering": a
         * subordinate clause with its own subject holds no object of the verb before */
        /* acc19a: right after a noun of an act ("called the accusation outrageous after the ruling
         * was read") too; a reply's target may be the clause's subject ("returned fire after
         * Pakistani soldiers opened fire") */
        if ((j > m->end || (p->author && subordinate_verb(s, j))) && ev_subordinate_at(s, j)) return j;
    }
    return limit;
}

/* acc14a: after a subject ending at j, ", Capitalised Name ," right before the passive's head
 * (one to five capitalised words, then at most two words before the head): the token after the
 * second comma, else j. */
static uint32_t appositive_end(const sctx *s, uint32_t j, uint32_t head)
{
    if (j >= head || !(s->t[j].flags & DY_TF_COMMA)) return j;
    uint32_t k = j + 1;
    while (k < head && k < j + 6 && (s->t[k].flags & (DY_TF_WORD | DY_TF_CAP)) == (DY_TF_WORD | DY_TF_CAP) && group_at(s, k) < 0) k++;
    if (k == j + 1 || k >= head || !(s->t[k].flags & DY_TF_COMMA) || head - (k + 1) > 2) return j;
    return k + 1;
}

/* The parties of a passive verb: the agent after "by" is the source, the subject the target.
 * 0 when found, 1 when the act names no source (skipped). */
static int passive_parties(const sctx *s, const match *m, const dy_pattern *p, uint32_t limit, int *src, int *tgt)
{
    dy_coder *c = s->c;
    int subj = ev_find_source(s, m->head);
    /* "talks with A, which were attended by B": A is no subject of the passive; but "The monk,
     * Chinmoy Krishna Das, was refused bail" (acc14a): a name in commas after it is its apposition */
    for (uint32_t j = subj >= 0 ? appositive_end(s, s->g[subj].t1, m->head) : m->head; subj >= 0 && j < m->head; j++)
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE)) subj = -1;
    /* "arrived in AlUla and was greeted by the crown prince": the first verb's subject */
    if (subj < 0 && m->head >= s->t0 + 2 && WIS(s, m->head - 2, "and") && ev_gram_is(s, m->head - 1, DY_G_BE, &(uint32_t){0}))
        subj = ev_sentence_subject(s, m->head);
    if (m->src >= 0) {      /* "were killed in Israeli shelling": the pattern names the source */
        ev_passive_slot(s, m, subj, limit, src, tgt);
        ev_ex(c, "    passive voice, source in the pattern\n");
        return 0;
    }
    /* T reached through "by", or the pattern's own "by T" ("veto+ by T") */
    int by_t = m->tgt >= 0 && (m->by || (s->g[m->tgt].t0 > s->t0 + 1 &&
                                          (WIS(s, s->g[m->tgt].t0 - 1, "by") ||
                                           (WIS(s, s->g[m->tgt].t0 - 1, "the") && WIS(s, s->g[m->tgt].t0 - 2, "by")))));
    int agent = by_t ? m->tgt : -1;
    if (agent < 0) {
        for (uint32_t j = m->end; j < limit && j < m->end + 6; j++)
            if (WIS(s, j, "by")) { agent = ev_find_target(s, j + 1, j + 3 < s->t1 ? j + 4 : s->t1); break; }
    }
    /* "Sanctions were imposed on North Korea by the EU": no actor as subject, the target is in the phrase */
    if (agent >= 0 && subj < 0 && m->tgt >= 0 && !by_t) subj = s->g[m->tgt].comp;
    if (agent >= 0) { *src = agent; *tgt = subj; }
    else if (p->sym) { *src = subj; *tgt = m->tgt >= 0 ? m->tgt : -1; }
    else if (subj >= 0 && (agent = ev_passive_authority(s, m, p->code)) >= 0) {
        *src = agent;
        /* acc13: "Police spokesman Fred Enanga said hundreds of people had been arrested": the
         * speaker is no subject of the reported passive; the actor after it is */
        if (s->g[subj].comp == agent) subj = ev_find_target(s, s->g[agent].t1, m->head);
        *tgt = subj;
        ev_ex(c, "    passive voice: the authority that reports it is the source\n");
    }
    else {
        *tgt = subj;    /* for ev_implied_police */
        ev_ex(c, "    passive voice without \"by\" names no source\n");
        return 1;
    }
    ev_ex(c, "    passive voice\n");
    return 0;
}

/* A noun right after a denial ("denied involvement in the drone incursion into Lithuania"):
 * what is denied, no act of the one denying it. */
static int denied_noun(const sctx *s, const match *ms, size_t k)
{
    if (k == 0 || strncmp(dy_dict_pattern(s->c->dict, ms[k - 1].pat)->code, "016", 3) != 0) return 0;
    if (ms[k].head < ms[k - 1].end || ms[k].head > ms[k - 1].end + 4) return 0;
    return !ev_span_broken(s, ms[k - 1].end, ms[k].head);
}

/* acc19b: "Hayashi told reporters that the incursion was a serious violation": a noun act judged
 * in the clause that a speech verb after the speaker opens ("that" right before the phrase). */
static int reported_noun(const sctx *s, const match *m, int src)
{
    if (m->head <= s->t0 || !WIS(s, m->head - 1, "that") || s->g[src].t1 >= m->head) return 0;
    return ev_said_at(s, s->g[src].t1, m->head) < m->head;
}

/* The parties of an active verb or a noun: the subject before it (or the sentence's, after "and"
 * or a participle), the object after it, the pattern's own slots. 0 when done, 1 when skipped. */
static int active_parties(const sctx *s, const match *ms, size_t nm, size_t k, const dy_pattern *p, uint32_t limit,
                          int nominal, int *src, int *tgt)
{
    dy_coder *c = s->c;
    const match *m = &ms[k];
    int part = ev_participial_at(s, m->head);
    /* lead31: "signed deals with Malaysia and Cambodia before flying to Tokyo": a gerund after
     * "before", "after", "while" or "upon" has the sentence's subject */
    int sub = m->head > s->t0 + 1 && ev_ing_form(s, m->head) &&
              (WIS(s, m->head - 1, "before") || WIS(s, m->head - 1, "after") || WIS(s, m->head - 1, "while") ||
               WIS(s, m->head - 1, "upon"));
    *src = ev_and_verb(s, m->head) || part || sub || ev_speaker_and_verb(s, m->head, p->code) ? ev_sentence_subject(s, m->head)
                                                                                               : ev_find_source(s, m->head);
    if (!part) {
        int o = ev_object_before_and(s, m->head, *src);
        if (o != *src) ev_ex(c, "    the subject of the verb before \"and\", not its object\n");
        *src = o;
        if (!nominal && (o = ev_coordinated_subject(s, m->head, *src)) != *src) {
            ev_ex(c, "    source: %s, the subject of the act before it, not its object (second17)\n", s->g[o].code);
            *src = o;
        }
    }
    /* acc16a: "overran an army base, forcing government troops to pull back": coercion (170) told
     * by a participle after the subject's force (roots 18-20) is that force's result */
    int forced = part && !strcmp(p->code, "170") &&
                 (ev_sentence_has_event_from(s, *src, "18") || ev_sentence_has_event_from(s, *src, "19") ||
                  ev_sentence_has_event_from(s, *src, "20"));
    if (part && m->src < 0 && (forced || ev_sentence_has_event_from(s, *src, p->code))) {
        ev_ex(c, "    skipped: a participle after a comma tells the result of the act before it\n");
        return 1;
    }
    if (m->src >= 0) *src = s->g[m->src].comp;     /* the pattern's own S slot */
    *tgt = m->tgt >= 0 ? s->g[m->tgt].comp : ev_find_target(s, m->end, limit);
    if (*tgt < 0 && (*tgt = ev_target_from_purpose(s, ms, nm, k, s->t1)) >= 0)
        ev_ex(c, "    target from the purpose after it\n");
    if (*tgt < 0 && !strncmp(p->code, "015", 3)) *tgt = ev_claimed_target(s, m);
    if (*tgt < 0 && (*tgt = ev_actor_ends_match(s, m, *src)) >= 0) ev_ex(c, "    target: the actor that ends the phrase\n");
    if (!nominal) return 0;
    /* lead31: "flew on to Washington ahead of his first summit with Trump": an act named after
     * "ahead of" is still to come, no act */
    for (uint32_t j = m->head, n = 0; j > s->t0 + 1 && n < 5; j--, n++) {
        if (s->t[j - 1].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) break;
        if (WIS(s, j - 1, "of") && WIS(s, j - 2, "ahead")) {
            ev_ex(c, "    skipped: an act named after \"ahead of\", still to come\n");
            return 1;
        }
    }
    /* a noun ("the summit", "Putin's visit to ..."): its owner is the possessive before it;
     * without one, only a "between" list or the pattern's own target makes it an event */
    int owner = ev_possessor(s, m->head);
    if (owner >= 0) *src = owner;
    else if (m->src >= 0) return 0;     /* "a charge Paris denied": the pattern's own source slot */
    else if (p->author && *src >= 0 && reported_noun(s, m, *src)) {
        ev_ex(c, "    a speaker's reported judgement of an act: the speaker's, at the act's author\n");
        return 0;
    }
    else if (*tgt >= 0 && p->sym && ev_tgt_between(s, *tgt)) *src = -1;
    else if (p->ctx) *src = -1;     /* "The negotiations began in March": from the context */
    else if (denied_noun(s, ms, k)) {
        ev_ex(c, "    skipped: the act a denial is about (\"denied involvement in the incursion\")\n");
        return 1;
    }
    /* acc14b: "the two leaders unveiled the plan after talks at ...": a noun whose pattern wants a
     * pair (flag among) is the pair subject's own act */
    else if (p->among && m->tgt < 0 && *src >= 0 && *src == ev_sentence_subject(s, m->head) && is_pair(s, *src))
        ev_ex(c, "    a pair's own meeting: the subject %s\n", s->g[*src].code);
    else if (m->tgt < 0 && p->sym && !strncmp(p->code, "04", 2) && ev_framing_parties(s, m, src, tgt))
        ev_ex(c, "    a meeting framing the clause: its subject and object, %s and %s\n", s->g[*src].code, s->g[*tgt].code);
    else if (m->tgt < 0 || !ev_after_prep(s, s->g[m->tgt].t0)) {
        ev_ex(c, "    skipped: a noun with no owner (\"before the summit\", \"a charge both deny\")\n");
        return 1;
    }
    return 0;
}

/* Does the match name a deal ("welcomed the agreement", grammar.txt's terms)? */
static int names_deal(const sctx *s, const match *m)
{
    for (uint32_t i = m->head; i < m->end; i++)
        if (dy_dict_word_is(s->c->dict, DY_G_TERMS, s->t[i].id)) return 1;
    return 0;
}

/* target20: does the match name a violent act ("the shooting", "the attack")? */
static int violent_noun(const sctx *s, const match *m)
{
    for (uint32_t i = m->head; i < m->end; i++)
        if (dy_dict_word_is(s->c->dict, DY_G_VIOLENT, s->t[i].id)) return 1;
    return 0;
}

/* target21: "after days of fighting with Congolese troops": the framed act's doer is the
 * clause's subject (before the other parties are looked for) */
static void framed_doer(sctx *s, const match *m, int passive, int *src, int tgt)
{
    if (*src < 0 && tgt >= 0 && !passive && (*src = ev_frame_doer(s, m, tgt)) >= 0)
        ev_ex(s->c, "    the act framing the clause is its subject's: %s (target21)\n", s->g[*src].code);
}

/* target21: an agreement or offer with no party named, or only its subject again ("agreed to
 * deploy its Guard across the country"), answers the one who asked for it; "after Israel and the
 * United States bombed its nuclear sites": a struck possessive is the main subject's */
static void target21_parties(sctx *s, const match *m, const dy_pattern *p, int passive, int nominal,
                             int src, int *tgt, int *body)
{
    if (src < 0 || *body >= 0 || passive || nominal) return;
    if (!strncmp(p->code, "03", 2) && (*tgt < 0 || ev_own_again(s, src, *tgt))) {
        int g = ev_requester(s, s->g[src].comp, m->head, body);
        if (g >= 0) *tgt = g;
    }
    if (*tgt < 0 && *body < 0 && (*tgt = ev_possessive_main_subject(s, m, p->code, src)) >= 0)
        ev_ex(s->c, "    target %s: the main clause's subject, whose the possessive's object is (target21)\n", s->g[*tgt].code);
}

/* Parties the text leaves out: the body of a text, the context's parties of talks, the accuser
 * a rejection answers, the author of a condemned act, the target implied by the verb; and
 * parties that are none (a place, the pair itself, an act kept within a pair). */
static void complete_parties(sctx *s, const match *m, const dy_pattern *p, int passive, int nominal,
                             int *src, int *tgt, int *body)
{
    dy_coder *c = s->c;
    if (p->rev && !passive) { int t = *src; *src = *tgt; *tgt = t; }     /* "X received aid from Y": Y gave */
    framed_doer(s, m, passive, src, *tgt);
    if (ev_place_not_party(s, m, p, *tgt)) {
        ev_ex(c, "    a place is no party to the meeting\n");
        *tgt = ev_with_after_place(s, *tgt);
        if (*tgt >= 0) ev_ex(c, "    met with the party after the place: %s\n", s->g[*tgt].code);
    }
    /* the text's body, unless the phrase names one ("a Security Council resolution"); a
     * country there drafted the text ("a Russian draft") */
    if (!(*tgt >= 0 && !strncmp(s->g[*tgt].code, "IGO", 3))) *body = ev_body_target(s, m, p);
    if (*body >= 0) *tgt = *body;
    if (!passive && !nominal && *body < 0 && ev_main_clause_target(s, m, *src, body) >= 0) *tgt = *body;
    /* "The decision drew criticism from Belgrade": the critic acts on the decision's author */
    if (p->rev && !passive && *src >= 0 && *tgt < 0 && *body < 0 && ev_decision_subject(s, m->head))
        *tgt = ev_act_author(s, s->g[*src].comp, body, 1, 0, 0);
    /* "Beijing criticised the meeting": the meeting's parties, or none */
    int reaction = !strncmp(p->code, "05", 2) || !strncmp(p->code, "11", 2) || !strncmp(p->code, "12", 2);
    int meeting = reaction && p->ctx && *src >= 0 && *tgt < 0 && *body < 0 && ev_names_class(s, m, DY_G_MEETING);
    if (meeting) *tgt = ev_meeting_parties(s, s->g[*src].comp, body);
    /* eval13: praise of talks one took part in ("said the talks had been productive"): the other side */
    int own_praise = *src >= 0 && !is_pair(s, *src) && *tgt < 0 && *body < 0 && p->ctx && !strncmp(p->code, "05", 2);
    if (meeting && own_praise) *tgt = ev_counterpart(s, s->g[*src].comp, body);
    if (*src >= 0 && *tgt < 0 && *body < 0 && !passive && !strncmp(p->code, "051", 3) && names_deal(s, m))
        *tgt = ev_deal_counterpart(s, s->g[*src].comp, body);     /* acc16b: "welcomed the agreement" */
    target21_parties(s, m, p, passive, nominal, *src, tgt, body);
    if (p->ctx && !meeting && (*src < 0 || *tgt < 0) && *body < 0) {
        int have = *src >= 0 ? *src : *tgt;
        int g = -1;
        if (*src >= 0 && ((p->code[0] == '0' && p->code[1] == '3') || own_praise)) g = ev_counterpart(s, s->g[*src].comp, body);
        if (g < 0) g = ev_context_parties(s, have, have < 0 && p->sym, body);
        if (g >= 0 && *src < 0) *src = g;     /* both sides of the talks, both ways */
        else if (g >= 0) *tgt = g;
    }
    /* "Rwanda denied the accusation and said its concern was the FDLR": a denial's party is no
     * actor of the clause it goes on to report */
    if (*tgt >= 0 && !strncmp(p->code, "016", 3) && ev_said_at(s, m->end, s->g[*tgt].t0) < s->g[*tgt].t0) *tgt = -1;
    /* acc15b: "denied that its aircraft had touched the Reaper": the clause after "that" is what is denied */
    if (*tgt >= 0 && !strncmp(p->code, "016", 3) && WIS(s, m->end - 1, "that")) *tgt = -1;
    /* acc19b: "rejected what it called insinuations that New Delhi had ...": its own side named
     * in what it denies is no party to the denial */
    if (*tgt >= 0 && *src >= 0 && !strncmp(p->code, "016", 3) && !strncmp(s->g[*tgt].code, s->g[*src].code, 3)) {
        ev_ex(c, "    its own side in what it denies: no party\n");
        *tgt = -1;
    }
    if (*src >= 0 && *tgt < 0 && *body < 0 && !strncmp(p->code, "016", 3)) *tgt = ev_accuser(s, s->g[*src].comp, body, 6);
    if (*src >= 0 && *tgt < 0 && *body < 0 && !passive && !strncmp(p->pair, DY_CAMEO_VISIT, 3)) *tgt = ev_last_visitor(s, s->g[*src].comp, body);
    if (*src >= 0 && *tgt < 0 && *body < 0 && !passive && !nominal && !strncmp(p->code, "07", 2)) *tgt = ev_aid_receiver(s, s->g[*src].comp, body);
    /* gen15: a pledge of aid with no receiver named, or only the donor's own money or people */
    if (*src >= 0 && *body < 0 && !passive && !nominal && !is_pair(s, *src) && !strncmp(p->code, "03", 2) && p->code[2] >= '1' && p->code[2] <= '3' &&
        (*tgt < 0 || !strncmp(s->g[*tgt].code, s->g[*src].code, 3)))
        *tgt = ev_pledge_receiver(s, s->g[*src].comp, body);
    if (*src >= 0 && *body < 0 && !passive && !nominal && !strncmp(p->code, "16", 2) && (*tgt < 0 || ev_own_role(s, *tgt)))
        *tgt = ev_cut_target(s, s->g[*src].comp, body);
    /* "Netanyahu rejected the criticism": a rejection with no party named answers its critic */
    if (*src >= 0 && *tgt < 0 && *body < 0 && !nominal && !strncmp(p->code, "12", 2)) *tgt = ev_accuser(s, s->g[*src].comp, body, 2);
    /* eval13: "said the remarks had damaged trust": another's words answer the one who spoke them,
     * the last to accuse or criticise the subject; other acts their doer */
    if (p->author && !passive && *src >= 0 && *body < 0 && ev_names_decision(s, m) && (*body = ev_court_decision(s, s->g[*src].comp)) >= 0)
        *tgt = *body;
    else if (p->author && !passive && *src >= 0 && *body < 0 && (*tgt = ev_author_in_clause(s, m, *src, *tgt)) == -2) {
        /* "expelled the Libyan ambassador and said Athens would take the necessary steps in
         * response": an answer that goes on from the subject's own act in the sentence answers
         * that act's target (second17) before any author of an earlier sentence */
        *tgt = !nominal && !WIS(s, m->end - 1, "that") ? ev_coordinated_target(s, m, src, body) : -1;
        if (*tgt < 0)
            *tgt = ev_names_class(s, m, DY_G_REMARKS) ? ev_accuser(s, s->g[*src].comp, body, 2)
                 : ev_act_author(s, s->g[*src].comp, body, ev_names_decision(s, m), ev_names_class(s, m, DY_G_COUP),
                                violent_noun(s, m) ? 1 : !strncmp(p->code, "13", 2) ? 2 : 0);
    }
    /* acc20b: "called the verdict unfair": with no author found, a judged ruling or verdict (a
     * court's word, agents.txt JUD) inside the phrase stands for its court */
    if (p->author && !passive && *src >= 0 && *tgt < 0 && *body < 0)
        for (size_t k = 0; k < s->ng; k++)
            if (s->g[k].t0 > m->head && s->g[k].t1 <= m->end && !s->g[k].anaphor && s->g[k].code[0] &&
                s->g[k].code[0] != '-' && ev_role_is(s, (int)k, "JUD")) {
                *tgt = (int)k;
                ev_ex(c, "    the judged ruling is its court's\n");
                break;
            }
    /* target20: "welcomed the release", "rejected the warning": the author of the act the noun names */
    if (*src >= 0 && *tgt < 0 && *body < 0 && !passive) *tgt = ev_noun_author(s, m, p, *src, body);
    if (*tgt >= 0 && *body < 0 && reaction && !passive) {     /* acc19b: "called the Moscow trip a disgrace" */
        int g = ev_trip_maker(s, *tgt, body);
        if (g >= 0) *tgt = g;
    }
    if (*tgt >= 0) *tgt = ev_embassy_owner(s, *tgt);
    /* acc13: "made the remarks at a news conference in Addis Ababa": a statement made in a place
     * is not made to it */
    if (*tgt >= 0 && !strcmp(p->code, "010") && s->g[*tgt].locative) *tgt = -1;
    /* "Jordan is hosting Syrian refugees": refugees are no visitors */
    if (*tgt >= 0 && (p->meet || p->pair[0]) && ev_role_is(s, *tgt, "REF")) {
        ev_ex(c, "    refugees are no party to a visit\n");
        *tgt = -1;
    }
    if (*src >= 0 && *tgt >= 0 && s->g[*src].comp == s->g[*tgt].comp && s->g[*src].ncomp < 2) *tgt = -1;
    /* "the two leaders held talks, first with their delegations": the pair is the event */
    if (*src >= 0 && p->sym && is_pair(s, *src) && *tgt >= 0 && !is_named(s, *tgt)) *tgt = -1;
    if (*src >= 0 && p->sym && is_pair(s, *src) && *tgt >= 0) {
        /* "Korea-China dialogue was held in Seoul", "Putin-Kim meeting ... about China": the pair
         * is the event; a place or a topic is not a party */
        if (s->g[*tgt].locative || (s->g[s->g[*tgt].comp].prep && m->tgt < 0 && !ev_tgt_between(s, *tgt) && !ev_after_with(s, *tgt))) *tgt = -1;
        else if (ev_pair_keeps_act(s, m, *tgt)) {
            ev_ex(c, "    a pair subject: the act stays within the pair\n");
            *tgt = -1;
        }
    }
    if (*tgt >= 0 && ev_disarm_place(s, p, *src, *tgt)) *tgt = -1;
    if (*src >= 0 && (*tgt < 0 || ev_own_place(s, *src, *tgt) || ev_own_country_ref(s, *src, *tgt)) && !is_pair(s, *src) && *body < 0 && !passive) {
        *body = ev_implied_target(s, m, p, *src, *tgt >= 0 && !ev_own_country_ref(s, *src, *tgt));
        if (*body >= 0) *tgt = *body;
    }
    if (*src >= 0 && *tgt >= 0 && is_pair(s, *src) && ev_own_place(s, *src, *tgt)) *tgt = -1;    /* "met at ..., Russia" */
    if (c->opts.convention == DY_CONV_PETRARCH && !passive && *body < 0 && (*src < 0) != (*tgt < 0)) {
        if (*src >= 0) *tgt = ev_petrarch_place(s, m, *src, 1);
        else *src = ev_petrarch_place(s, m, *tgt, -1);
        if (*src >= 0 && *tgt >= 0) ev_ex(c, "    PETRARCH's convention: a place next to the act is its party\n");
    }
}

/* "Mali, Burkina Faso and Niger are withdrawing from the Economic Community of West African
 * States": a withdrawal from a body (an IGO, no forces named on the way) leaves it, reducing
 * relations (160), where one from a place is a military retreat (0874). */
static int leaves_body(const sctx *s, const match *m, int src, int tgt)
{
    if (src >= 0 && ev_role_is(s, src, "MILCOPREB")) return 0;     /* "troops withdrew from the UN mission" */
    if (tgt < 0 || strncmp(s->g[tgt].code, "IGO", 3) != 0 || s->g[tgt].t0 < m->head) return 0;
    size_t l = strlen(s->g[tgt].code);     /* "troops from the UN mission" (IGOUNOMIL) */
    if (l > 6 && (!strcmp(s->g[tgt].code + l - 3, "MIL") || !strcmp(s->g[tgt].code + l - 3, "COP"))) return 0;
    for (uint32_t i = m->head; i < s->g[tgt].t0; i++) {
        int q = group_at(s, i);
        if (q >= 0 && q != tgt && ev_role_is(s, q, "MILCOPREB")) return 0;
    }
    return 1;
}

/* igo22: "The Council of Europe expelled Russia", "the court fined Poland", "the African Union
 * suspended Gabon": an act of coercion by an international body (an IGO that is no force of its)
 * on a state (a country, or its government) is one between the body and its member, the pattern's
 * body= code (reduced relations, sanctions), not one on people (174, 172). */
static int body_on_state(const sctx *s, const dy_pattern *p, int src, int tgt)
{
    if (!p->body[0] || src < 0 || tgt < 0) return 0;
    const char *sc = s->g[src].code, *tc = s->g[tgt].code;
    size_t l = strlen(sc);
    if (strncmp(sc, "IGO", 3) != 0 || (l > 6 && (!strcmp(sc + l - 3, "MIL") || !strcmp(sc + l - 3, "COP")))) return 0;
    if (!dy_code_is_country(tc) || !strncmp(tc, "IGO", 3) || (strlen(tc) != 3 && strcmp(tc + 3, "GOV") != 0)) return 0;
    /* "fined the American technology company Google": a state's name before a noun of its own
     * names no state */
    uint32_t j = s->g[tgt].t1;
    if (j < s->t1 && group_at(s, j) < 0 && (s->t[j].flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM)) == DY_TF_WORD &&
        !(s->t[j].wc & (DY_WC_PREP | DY_WC_DET | DY_WC_CLAUSE | DY_WC_NOUNEND)))
        return 0;
    return 1;
}

/* The code and mood of the act: domestic forces and crowds, an act agreed to or announced
 * (its intent code), PETRARCH's convention. Lends countries between the parties as it goes. */
/* "Hezbollah denied firing rockets at Israel": a gerund right after "deny" is the act denied. */
static int denied_gerund(const sctx *s, uint32_t head)
{
    if (head <= s->t0 || !ev_ing_form(s, head)) return 0;
    return WIS(s, head - 1, "denied") || WIS(s, head - 1, "denies") || WIS(s, head - 1, "deny") || WIS(s, head - 1, "denying");
}

/* *mood comes in as the mood at m->head when the caller worked it out, else -1, and goes out as the
 * act's mood. */
static const char *act_code(sctx *s, const match *m, const dy_pattern *p, int src, int tgt, int *mood)
{
    dy_coder *c = s->c;
    if (denied_gerund(s, m->head)) {
        ev_ex(c, "    a denied act: coded as the denial (016)\n");
        *mood = DY_MOOD_FACTUAL;
        return "016";
    }
    if (*mood < 0) *mood = ev_mood_at(s, m->head);
    /* acc10: "said it would reopen the crossing, allowing UN aid convoys to reach Darfur": a
     * participle after a comma goes on with the clause before it, and so with its announcement */
    if (*mood == DY_MOOD_FACTUAL && m->head > s->t0 + 1 && ev_ing_form(s, m->head) &&
        (s->t[m->head - 1].flags & DY_TF_COMMA) && ev_mood_at(s, m->head - 1) == DY_MOOD_INTENT) {
        ev_ex(c, "    a participle after the clause of an announcement: announced too\n");
        *mood = DY_MOOD_INTENT;
    }
    if (*mood == DY_MOOD_FACTUAL && ev_negated_predicate(s, m)) {
        ev_ex(c, "    the noun is the subject of a negated verb\n");
        *mood = DY_MOOD_NEGATED;
    }
    ev_based_country(s, src);
    ev_based_country(s, tgt);
    const char *code = ev_domestic_code(s, src, tgt, p->code);
    /* held (17x) or freed (0841); a government's own hand only where it holds or frees people */
    if ((code[0] == '1' && code[1] == '7') || !strncmp(code, "0841", 4))
        ev_captor_country(s, src, tgt, !strncmp(code, "173", 3) || !strncmp(code, "0841", 4));
    if (code[0] == '1' && code[1] >= '0' && code[1] <= '2') ev_opposition_country(s, src, tgt);
    if (code[0] == '1' && code[1] == '4') ev_protest_country(s, src, tgt);
    if (src >= 0 && tgt >= 0) { ev_borrow_country(s, tgt, src); ev_borrow_country(s, src, tgt); }
    if (code != p->code) ev_ex(c, "    one country's forces and crowds: coded as %s\n", code);
    if (code == p->code && (code = ev_forces_arrival_code(s, src, tgt, code)) != p->code)
        ev_ex(c, "    forces arriving abroad: a deployment, coded as %s\n", code);
    if (code == p->code && body_on_state(s, p, src, tgt)) {
        code = p->body;
        ev_ex(c, "    a body's act on a state: coded as %s (igo22)\n", code);
    }
    if (!strcmp(code, "0874") && leaves_body(s, m, src, tgt)) {
        code = "160";
        ev_ex(c, "    withdrawing from a body: coded as %s\n", code);
    }
    /* acc19a: "said it was withdrawing its diplomats from Lebanon": officials, not forces, pulled
     * out of another state cut relations (161) */
    if (!strcmp(code, "0874") && src >= 0 && tgt >= 0 && ev_role_is(s, tgt, "GOV") &&
        strncmp(s->g[src].code, s->g[tgt].code, 3) != 0) {
        code = "161";
        ev_ex(c, "    withdrawing officials from a state: coded as %s (acc19a)\n", code);
    }
    if (*mood == DY_MOOD_FACTUAL && strncmp(code, "03", 2) != 0 && ev_agreed_to_act(s, m)) *mood = DY_MOOD_INTENT;
    ev_stopped_act(s, m, &code, mood);
    if (c->opts.convention == DY_CONV_PETRARCH) ev_petrarch_mood(s, m, p->code, &code, mood);
    if (*mood == DY_MOOD_INTENT) {
        code = ev_intent_code(p->code);
        if (code) {
            ev_ex(c, "    announced, not done: coded as %s\n", code);
            *mood = DY_MOOD_FACTUAL;
        } else {
            code = p->code;
            *mood = DY_MOOD_HYPOTHETICAL;
        }
    }
    return code;
}

/* "In a joint statement, the two leaders vowed to boost trade": a pair reference announcing an
 * intention with no other party announces it to each other. */
static int pair_intent(const sctx *s, const dy_pattern *p, int src)
{
    const dy_actor *g = &s->g[src];
    return !strncmp(p->code, "03", 2) && (g->anaphor == DY_G_PAIR || g->anaphor == DY_G_GROUP) && g->code2[0];
}

/* gen19: "Putin warned that Moscow would take decisions unwelcome to Seoul", "warned that Russia
 * could use its missile against Kyiv": a warning ("warned that", 012) whose clause opens with the
 * speaker's own side (its country again, or a pronoun of it) and a modal ("would", "could",
 * "will") is the speaker's threat (130), at the first party of another country after the modal in
 * the sentence; not when the modal's own verb is a cooperative act ("would host the talks") or
 * one announced, which codes itself as its intent or threat ("would strike Hezbollah", 1384); a
 * negated one ("would not conclude trade deals with them") or one under "could" is no act, and the
 * warning stays a threat.
 * Returns that party, or -1 when the warning is no such threat. */
static int own_side_threat(const sctx *s, const match *ms, size_t nm, size_t k, int src, int tgt)
{
    const match *m = &ms[k];
    const dy_pattern *p = dy_dict_pattern(s->c->dict, m->pat);
    if (src < 0 || tgt < 0 || strcmp(p->code, "012") != 0 || !WIS(s, m->end - 1, "that")) return -1;
    const dy_actor *t = &s->g[tgt];
    const char *sc = s->g[s->g[src].comp].code;
    if (t->t0 != m->end || (strncmp(t->code, sc, 3) != 0 && !ev_own_again(s, src, tgt))) return -1;
    uint32_t e, at = t->t1;
    if (at + 1 < s->t1 && group_at(s, at) < 0 && !ev_gram_class_at(s, at, &e)) at++;     /* "Chinese consumers might" */
    int cls = ev_gram_class_at(s, at, &e);
    if (cls != DY_G_HYPO && cls != DY_G_PLEDGE) return -1;
    uint32_t x, h = k + 1 < nm ? ms[k + 1].head : s->t1;
    if ((h == e || (h == e + 1 && ev_gram_class_at(s, e, &x) != DY_G_NEGATE)) &&
        (ev_mood_at(s, h) == DY_MOOD_INTENT || dy_dict_pattern(s->c->dict, ms[k + 1].pat)->code[0] == '0'))
        return -1;
    for (uint32_t i = e; i < s->t1; i++) {
        int g = group_at(s, i);
        if (g < 0 || g == tgt) continue;
        const char *gc = s->g[g].code;
        if (gc[0] && gc[0] != '-' && strncmp(gc, sc, 3) != 0) return g;
    }
    return -1;
}

/* Codes match k of the sentence: 0 done (an event or a reason in --explain), -1 out of memory.
 * *body is an actor added for this event, dropped before the next. */
static int code_match(sctx *s, const match *ms, size_t nm, size_t k, int *body)
{
    dy_coder *c = s->c;
    const match *m = &ms[k];
    const dy_pattern *p = dy_dict_pattern(c->dict, m->pat);
    if (c->opts.explain) {
        ev_ex(c, "  verb %s ", p->code);
        ex_span(c, s->doc, s->t[m->head].start, s->t[m->end - 1].end);
        ev_ex(c, " (verbs.txt:%u%s)\n", (unsigned)p->line, p->sym ? ", symmetric" : "");
    }
    if (match_skipped(s, ms, nm, k, p)) return 0;
    int passive = ev_is_passive_at(s, m->head);
    if (!passive && ev_reduced_relative(s, m)) { passive = 1; ev_ex(c, "    a shortened passive clause after its noun\n"); }
    int src = -1, tgt = -1;
    int nominal = ev_is_nominal(s, m->head);
    uint32_t limit = object_limit(s, ms, nm, k, p);
    if (passive ? passive_parties(s, m, p, limit, &src, &tgt) : active_parties(s, ms, nm, k, p, limit, nominal, &src, &tgt)) {
        if (!passive || (src = ev_implied_police(s, m, p->code, tgt)) < 0) {
            if (passive) ev_ex(c, "    skipped\n");
            return 0;
        }
        *body = src;
    }
    complete_parties(s, m, p, passive, nominal, &src, &tgt, body);
    int mood = passive ? -1 : ev_mood_at(s, m->head);     /* worked out once, for the memory and the code */
    if (!passive) ev_note_act(s, p->code, src, tgt, mood);
    int claim = !passive && !p->rev ? ev_reported_accusation(s, m, p, src) : 0;
    if (!claim && !passive && c->opts.convention == DY_CONV_PETRARCH) claim = ev_petrarch_own_claim(s, m, p, src, tgt);
    if (claim) return claim < 0 ? -1 : 0;
    int recip = !passive && src >= 0 && is_pair(s, src) && m->tgt < 0 &&
                (ev_reciprocal_after(s, m->head + 1, m->end + 2 < limit ? m->end + 2 : limit) ||
                 (tgt < 0 && (ev_mutual_subject(s, src, m->head) || pair_intent(s, p, src))));
    if (recip) tgt = -1;
    int sym_pairs = (p->sym || recip) && ((src >= 0 && tgt < 0 && is_pair(s, src)) ||
                                          (src < 0 && tgt >= 0 && is_pair(s, tgt)));
    /* second17: a verb with no target of its own, or only its subject named again ("gave its
     * diplomats 48 hours to leave"), takes one from the verb it goes on from or to; not a verb
     * whose "that" clause tells the act ("warned that ...") */
    if (src >= 0 && (tgt < 0 || ev_own_again(s, src, tgt)) && !sym_pairs &&
        !passive && !nominal && *body < 0 && !WIS(s, m->end - 1, "that")) {
        int t = ev_coordinated_target(s, m, &src, body);
        if (t < 0 && k + 1 < nm)
            t = ev_next_act_target(s, m, &ms[k + 1], object_limit(s, ms, nm, k + 1, dy_dict_pattern(c->dict, ms[k + 1].pat)), src);
        if (t >= 0) tgt = t;
    }
    /* evalcall22: "The PKK burned its weapons. ... Erbil welcomed the ceremony": the lead's subject */
    if (p->lead && src >= 0 && tgt < 0 && !sym_pairs && !passive && *body < 0) tgt = ev_lead_author(s, s->g[src].comp, body);
    if (src >= 0 && (tgt < 0 || ev_own_again(s, src, tgt)) && !sym_pairs && !passive && *body < 0 && !strncmp(p->code, "03", 2) &&
        mood == DY_MOOD_FACTUAL) {      /* eval21: "said Colombo had agreed to free", "agreed to withdraw its forces" */
        int t = ev_intent_addressee(s, m, src, body);
        if (t >= 0) tgt = t;
    }
    if ((src < 0 || tgt < 0) && !sym_pairs) {
        ev_ex(c, "    skipped: no %s\n", src < 0 ? "source" : "target");
        return 0;
    }
    if (!passive && ev_complement_at(s, m->head)) {
        ev_ex(c, "    skipped: the subject is the object of an earlier verb (\"wants Putin to attack\")\n");
        return 0;
    }
    /* igo22: "Judge Boasberg had ordered the administration to turn the planes around": a
     * country's court orders a body of its own country, so a bare role the story's country filled
     * takes the court's; so does the government whose law it suspends (to=---GOV) */
    if (p->court && src >= 0 && tgt >= 0 && (s->g[tgt].filled == DY_FILLED_STORY || s->g[tgt].code[0] == '-') && ev_role_is(s, src, "JUD") &&
        dy_code_is_country(s->g[src].code) && strncmp(s->g[src].code, s->g[tgt].code, 3) != 0) {
        memcpy(s->g[tgt].code, s->g[src].code, 3);
        ev_ex(c, "    a court's order at home: %s takes the court's country (igo22)\n", s->g[tgt].code);
    }
    int threat = own_side_threat(s, ms, nm, k, src, tgt);
    if (threat >= 0) {
        ev_ex(c, "    the speaker's own side and a modal after \"warned that\": a threat (130) at %s (gen19)\n", s->g[threat].code);
        tgt = threat;
    }
    const char *code = act_code(s, m, p, src, tgt, &mood);
    if (threat >= 0 && !mood) code = "130";
    if (c->opts.convention == DY_CONV_PETRARCH && !mood && ev_petrarch_purpose(s, ms, k, code)) {
        ev_ex(c, "    skipped: PETRARCH's convention: the purpose of the act just coded\n");
        return 0;
    }
    if (tgt >= 0) s->g[tgt].used_as_target = 1;
    if (src >= 0) s->g[src].used_as_source = 1;
    if (!mood && code == p->code && (p->meet || p->pair[0])) {
        int r = ev_emit_paired(s, m, p, src, tgt);
        if (r) return r < 0 ? -1 : 0;
    }
    int sym = p->sym || recip;
    /* PETRARCH codes "A met B" one way, A to B, but "A held talks with B" both ways */
    if (sym && c->opts.convention == DY_CONV_PETRARCH && src >= 0 && tgt >= 0 && !recip && !ev_names_talks(s, m)) sym = 0;
    if (sym && (code != p->code || !strncmp(code, "03", 2)) && ev_one_sided_intent(s, src, tgt, m->head)) sym = 0;
    if (recip) ev_ex(c, "    reciprocal: both ways within the pair\n");
    /* the pattern's own code has its entry already; an announced act's code is looked up */
    const dy_cameo *cam = code == p->code ? p->cam : dy_dict_cameo(c->dict, code);
    return ev_emit(s, m, code, cam, src, tgt, sym, mood) < 0 ? -1 : 0;
}

/* ---- after the sentence ---- */

/* The sentence's actors join the document's history, for references in the sentences after. */
static void remember_sentence(sctx *s)
{
    dy_coder *c = s->c;
    ev_note_lead(s);
    for (size_t k = 0; k < s->ng; k++)
        if (ev_igo_court(s, (int)k)) {
            set_code(c->igo_court, s->g[k].code);
            c->igo_court_sent = s->sidx;
        }
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].code3[0]) {
            /* "the three countries": three, as the coordination they were named in (no pair) */
            static const char none[16];     /* set_code reads a whole 16-byte field */
            const dy_actor *g = &s->g[k];
            const char *three[3] = {g->code, g->code2, g->code3};
            for (int i = 0; i < 3; i++) {
                if (!three[i][0]) continue;     /* ev_remember keeps nothing for it */
                ev_remember(c, three[i], none, g->kind, g->used_as_source, s->sidx);
                c->hist[c->nhist - 1].coord = (g->used_as_source || g->used_as_target) && k < 255 ? (uint8_t)(k + 1) : 0;
            }
        } else if (s->g[k].code[0]) {
            ev_remember(c, s->g[k].code, s->g[k].code2, s->g[k].kind, s->g[s->g[k].comp].used_as_source, s->sidx);
            c->hist[c->nhist - 1].place = s->g[k].locative && !s->g[k].used_as_target;
            /* a coordination that was a party to an act there */
            const dy_actor *cg = &s->g[s->g[k].comp];
            if (cg->ncomp >= 2 && s->g[k].comp < 255 && (cg->used_as_source || cg->used_as_target))
                c->hist[c->nhist - 1].coord = (uint8_t)(s->g[k].comp + 1);
            if (cg->ncomp >= 2 && s->g[k].comp < 255) c->hist[c->nhist - 1].list = (uint8_t)(s->g[k].comp + 1);
        }
}

/* opts.keep_actors: the sentence's groups are kept for dy_coder_sent_actors. 0, or -1 OOM. */
static int keep_sentence_actors(sctx *s)
{
    dy_coder *c = s->c;
    if (DY_GROW(c->kept, c->nkept + s->ng, c->capkept)) return -1;
    if (s->ng) memcpy(c->kept + c->nkept, s->g, s->ng * sizeof *s->g);    /* kept may still be NULL */
    c->nkept += s->ng;
    c->kept_off[s->sidx - dy_seg_first(c->seg) + 1] = (uint32_t)c->nkept;
    return 0;
}

/* acc19a: "Analysts warned that the rebels could regroup", "Legal scholars said the crisis had
 * exposed ...", "Analysts called the measures harmful" (evalcall22: a naming verb too): a
 * sentence opened by commentators (an EDU role) and their speech verb gives their
 * view of the story, never an act of its parties; no gold of ours codes one. */
static int commentary_sentence(const sctx *s)
{
    if (!s->ng || s->g[0].t0 > s->t0 + 2 || !ev_role_is(s, 0, "EDU")) return 0;
    uint32_t e;
    for (uint32_t i = s->g[0].t1; i < s->t1 && i <= s->g[0].t1 + 3; i++) {
        if (ev_gram_is(s, i, DY_G_SAY, &e) || dy_dict_word_is(s->c->dict, DY_G_NAMING, s->t[i].id)) return 1;
        if (s->t[i].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
    }
    return 0;
}

/* dates22: a sentence with no date that coded nothing ("The inquiry centres on a lithium mining
 * concession") leaves the day the story had reached as it was: "Prosecutors also named ..."
 * after it goes on from the day before it ("Police on Tuesday searched ..."), as "A day later"
 * counts from it. Not a month ("In March, China accused Japan ... Manila praised the agreement.
 * A day earlier, ...": back at the lead's day). */
static void keep_story_date(sctx *s, size_t nev0, dy_date last, int64_t last_day, int last_own)
{
    dy_coder *c = s->c;
    if (c->nev != nev0 || s->ndates || last.prec != DY_PREC_DAY) return;
    c->last = last;
    c->last_day = last_day;
    c->last_own = last_own;
}

static int code_sentence(sctx *s)
{
    dy_coder *c = s->c;
    size_t ex0 = c->explain.len, nev0 = c->nev;
    dy_date last = c->last;
    int64_t last_day = c->last_day;
    int last_own = c->last_own;
    sentence_actors(s);
    sentence_speakers(s);
    if (c->opts.explain) {
        /* what resolving the actors said goes under the sentence's heading, not above it */
        size_t n = c->explain.len - ex0;
        char *said = n ? malloc(n) : NULL;
        if (said) memcpy(said, c->explain.data + ex0, n);
        c->explain.len = ex0;
        explain_sentence(s);
        if (said) dy_buf_add(&c->explain, said, n);
        free(said);
    }

    if (commentary_sentence(s)) {
        ev_ex(c, "  skipped: commentators' view (\"Analysts said ...\"), no act of the story's parties (acc19a)\n");
        remember_sentence(s);
        keep_story_date(s, nev0, last, last_day, last_own);
        return c->opts.keep_actors ? keep_sentence_actors(s) : 0;
    }
    match ms[MAX_MATCH];
    size_t nm = ev_find_matches(s, ms, MAX_MATCH);
    int body = -1;      /* an actor added for one event (body_target) */
    for (size_t k = 0; k < nm; k++) {
        ev_drop_body(s, body);
        body = -1;
        if (code_match(s, ms, nm, k, &body)) return -1;
    }
    ev_drop_body(s, body);
    if (ev_followed_suit(s) < 0) return -1;
    if (ev_code_brokered(s)) return -1;
    if (ev_reported_blame(s) < 0) return -1;     /* gen15 */
    if (ev_reported_threat(s) < 0) return -1;    /* eval20 */
    if (ev_reported_intent(s, ms, nm) < 0) return -1;  /* eval21 */
    remember_sentence(s);
    keep_story_date(s, nev0, last, last_day, last_own);
    return c->opts.keep_actors ? keep_sentence_actors(s) : 0;
}

const dy_actor *dy_coder_sent_actors(const dy_coder *c, size_t k, size_t *n)
{
    size_t ns;
    dy_seg_sents(c->seg, &ns);
    if (!c->opts.keep_actors || k >= ns) { *n = 0; return NULL; }
    *n = c->kept_off[k + 1] - c->kept_off[k];
    return *n ? c->kept + c->kept_off[k] : NULL;
}

int dy_coder_topic(const dy_coder *c, char a[16], char b[16])
{
    int best = -1;
    for (size_t j = 0; j < c->ntopic; j++)
        if (best < 0 || c->topic[j].n > c->topic[best].n) best = (int)j;
    if (best < 0) return 0;
    set_code(a, c->topic[best].a);
    set_code(b, c->topic[best].b);
    return 1;
}

static int blank_line_between(const char *text, uint32_t a, uint32_t b)
{
    int nl = 0;
    for (uint32_t i = a; i < b; i++)
        if (text[i] == '\n' && ++nl >= 2) return 1;
    return 0;
}

int dy_coder_begin(dy_coder *c, const dy_doc *doc, dy_err *err)
{
    assert(c && doc && (doc->text || !doc->len));
    c->nev = c->ev_new = 0;
    c->explain.len = 0;
    c->nhist = 0;
    c->speaker[0] = c->speaker2[0] = 0;
    memset(c->side_seen, 0, sizeof c->side_seen);
    c->ntopic = 0;
    c->visit_place[0] = 0;
    c->igo_court[0] = 0;
    c->nlat = 0;
    c->lede.prec = c->last.prec = DY_PREC_NONE;
    c->ndacts = 0;
    c->last_own = 0;
    c->lead_done = 0;
    c->lead_src[0] = c->lead_src2[0] = 0;
    c->nprev_acts = 0;
    c->pub_day = doc->pub.prec == DY_PREC_DAY ? dy_date_days(doc->pub) : INT64_MAX;
    c->story_shown[0] = 0;
    c->aliases.n = 0;
    c->prev_end = 0;
    c->nkept = 0;
    if (c->kept_off) c->kept_off[0] = 0;
    dy_seg_begin(c->seg, doc);
    if (dy_story_begin(&c->story, c->dict, doc)) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    return 0;
}

/* Is event v a candidate for ev_act_author's search without a sentence limit: a factual
 * material conflict (roots 14-20) with a source? */
static int conflict_event(const dy_event *v)
{
    int root = atoi(v->root);
    return root >= 14 && root <= 20 && !v->mood && v->source[0] != '-';
}

/* Before the next window: the events that the sentences after next may still look back at
 * stay, and the window's others go. Every look-back reaches at most three sentences, but for
 * ev_act_author's, which takes the last factual conflict whose source it accepts: that is the
 * last conflict of its source, so the last one of each source stays, with its sentence's
 * events before it; and, for a coup's look-back (acts at home only), the last act at home of
 * each source too. The order is kept. */
static void keep_context_events(dy_coder *c, uint32_t next)
{
    enum { SOURCES = 512 };
    const char *seen[SOURCES];
    int seen_home[SOURCES];
    size_t nseen = 0, w = c->nev;
    uint32_t whole = UINT32_MAX;    /* the sentence of a kept conflict: its events before it stay */
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        int keep = v->sent + EV_LOOKBACK_SENTS >= next || v->sent == whole, fresh = 0;
        int home = !strncmp(v->source, v->target, 3) && dy_code_is_country(v->source);
        if (conflict_event(v)) {
            size_t j = 0;
            while (j < nseen && (strcmp(seen[j], v->source) || seen_home[j] != home)) j++;
            fresh = j == nseen;     /* past SOURCES every conflict counts as fresh: more kept, never fewer */
        }
        if (fresh) { keep = 1; whole = v->sent; }
        if (!keep) continue;
        c->ev[--w] = *v;            /* w > e: the kept ones, copied down, are never written again */
        if (fresh && nseen < SOURCES) { seen_home[nseen] = home; seen[nseen++] = c->ev[w].source; }
    }
    if (c->nev > w) memmove(c->ev, c->ev + w, (c->nev - w) * sizeof *c->ev);     /* c->ev may be NULL when none */
    c->nev = c->ev_new = c->nev - w;
}

int dy_coder_next(dy_coder *c, const dy_doc *doc, size_t window, dy_err *err)
{
    size_t ns;
    dy_seg_sents(c->seg, &ns);
    uint32_t first = dy_seg_first(c->seg) + (uint32_t)ns;     /* the next window's first sentence */
    if (c->nev) keep_context_events(c, first);
    c->explain.len = 0;
    int r = dy_seg_next(c->seg, doc, window, err);
    if (r <= 0) return r;
    const dy_sent *sents = dy_seg_sents(c->seg, &ns);
    first = dy_seg_first(c->seg);
    if (c->opts.keep_actors) {
        c->nkept = 0;
        if (DY_GROW(c->kept_off, ns + 1, c->capoff)) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
        c->kept_off[0] = 0;
    }
    sctx *s = malloc(sizeof *s);
    if (!s) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    s->c = c;
    s->doc = doc;
    s->t = dy_seg_toks(c->seg);
    s->norm = dy_seg_norm(c->seg);
    for (size_t k = 0; k < ns; k++) {
        s->sidx = first + (uint32_t)k;
        s->st = &sents[k];
        s->para_start = s->sidx == 0 || blank_line_between(doc->text, c->prev_end, sents[k].start);
        s->t0 = sents[k].tok0;
        s->t1 = sents[k].tok0 + sents[k].ntok;
        if (code_sentence(s)) { free(s); return dy_err_set(err, DY_ENOMEM, "out of memory"), -1; }
        c->prev_end = sents[k].end;
    }
    free(s);
    return 1;
}

int dy_coder_code(dy_coder *c, const dy_doc *doc, dy_err *err)
{
    if (dy_coder_begin(c, doc, err)) return -1;
    return dy_coder_next(c, doc, SIZE_MAX, err) < 0 ? -1 : 0;
}
