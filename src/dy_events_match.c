/* dy_events_match.c - verb patterns against a sentence: literal words, classes, gaps, the S and
 * T slots, coordination and apposition spans, passive voice. */
#include "dy_events_int.h"

static int match_el(const sctx *s, const dy_pattern *p, int ei, uint32_t ti, int passive, match *m);

/* "each other", "one another", "the other" (not "the other side's ..."): the subject pair's own
 * act on itself ("each side accused the other", "accused each other"). */
int ev_reciprocal_at(const sctx *s, uint32_t j)
{
    if (j + 1 >= s->t1) return 0;
    if ((WIS(s, j, "each") && WIS(s, j + 1, "other")) || (WIS(s, j, "one") && WIS(s, j + 1, "another"))) return 1;
    return WIS(s, j, "the") && WIS(s, j + 1, "other") &&
           (j + 2 >= s->t1 || !(s->t[j + 2].flags & DY_TF_WORD) || WIS(s, j + 2, "of") || WIS(s, j + 2, "for") ||
            WIS(s, j + 2, "over") || WIS(s, j + 2, "after"));
}

/* "stormed the (official) residence of President X", "raided the embassy of Mexico": the object is
 * a thing the actor after "of (the)" owns; that actor is the target. Up to three lower-case words
 * (or an agent word used as an adjective) before "of"; the token where the owner starts, or 0. */
static uint32_t owner_after_of(const sctx *s, uint32_t tj)
{
    for (uint32_t j = tj, n = 0; j < s->t1 && n < 4; j++, n++) {
        if (n > 0 && WIS(s, j, "of")) {
            uint32_t k = j + 1;
            if (k < s->t1 && WIS(s, k, "the")) k++;
            int g = k < s->t1 ? group_at(s, k) : -1;
            return g >= 0 && s->g[g].t0 == k && s->g[g].code[0] && !s->g[g].modifier ? k : 0;
        }
        int gj = group_at(s, j);
        if (gj >= 0 && !s->g[gj].modifier) return 0;
        uint16_t f = s->t[j].flags;
        if ((f & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM)) != DY_TF_WORD) return 0;
        if (gj < 0 && (s->t[j].wc & (DY_WC_PREP | DY_WC_CLAUSE))) return 0;
        if (dy_dict_word_is(s->c->dict, DY_G_PARTITIVE, s->t[j].id)) return 0;     /* "five more of Russia's", "parts of Iraq" */
    }
    return 0;
}

/* The source slot S: an actor starts at ti (a leading "the" skipped) and is the event's source
 * ("despite S criticism+" in patterns imported from PETRARCH, whose $ may stand anywhere). */
static int match_source(const sctx *s, const dy_pattern *p, int ei, uint32_t ti, int passive, match *m)
{
    uint32_t tj = ti;
    if (tj < s->t1 && WIS(s, tj, "the")) tj++;
    int g = group_at(s, tj);
    if (g < 0 || s->g[g].t0 != tj || !match_el(s, p, ei + 1, s->g[g].t1, passive, m)) return 0;
    m->src = g;
    return 1;
}

/* '^' (PETRARCH's skip): one to DY_GAP_MAX words in the clause, actors among them skipped whole
 * ("urged ^ to protect T" over "urged Russia to protect Ukraine"). */
static int match_skip(const sctx *s, const dy_pattern *p, int ei, uint32_t ti, int passive, match *m)
{
    uint32_t tj = ti;
    for (int k = 0; k < DY_GAP_MAX && tj < s->t1; k++) {
        uint16_t f = s->t[tj].flags;
        if ((f & (DY_TF_END | DY_TF_CLAUSE | DY_TF_COMMA)) || !(f & (DY_TF_WORD | DY_TF_QUOTE))) return 0;
        int g = group_at(s, tj);
        tj = g >= 0 && s->g[g].t0 == tj ? s->g[g].t1 : tj + 1;
        if (match_el(s, p, ei + 1, tj, passive, m)) return 1;
    }
    return 0;
}

/* "the French ambassador, Joel Meyer, to leave", "the mayor, the president's main rival, to be
 * jailed": a name (one to four capitalised words) or a noun phrase opened by a capital, a
 * determiner or a possessive (up to eight words, no relative pronoun, no clause mark) set off by
 * commas after the target is the target's own; returns the token after the closing comma, or 0. */
static uint32_t apposition_end(const sctx *s, uint32_t i)
{
    if (i + 1 >= s->t1 || !(s->t[i].flags & DY_TF_COMMA)) return 0;
    uint32_t a = i + 1;
    /* acc20b: an age ("drove Najib, 69, to prison") */
    if ((s->t[a].flags & DY_TF_NUM) && a + 1 < s->t1 && (s->t[a + 1].flags & DY_TF_COMMA)) return a + 2;
    int cap = 1;        /* every word so far capitalised: a name */
    int np = (s->t[a].flags & DY_TF_CAP) || WIS(s, a, "the") || WIS(s, a, "a") || WIS(s, a, "an") || WIS(s, a, "his") ||
             WIS(s, a, "her") || WIS(s, a, "its");
    for (uint32_t j = a, n = 0; j < s->t1 && n <= 8; j++, n++) {
        uint16_t f = s->t[j].flags;
        if (f & DY_TF_COMMA) return n && ((cap && n <= 4) || np) ? j + 1 : 0;
        if ((f & (DY_TF_END | DY_TF_CLAUSE)) || !(f & (DY_TF_WORD | DY_TF_POSS))) return 0;
        if ((f & (DY_TF_WORD | DY_TF_CAP)) != (DY_TF_WORD | DY_TF_CAP)) cap = 0;
        if (!cap && !np) return 0;
        if (WIS(s, j, "who") || WIS(s, j, "which") || WIS(s, j, "that") || WIS(s, j, "whose")) return 0;
    }
    return 0;
}

/* "ordered a Canadian diplomat in Shanghai to leave": a place after "in" or "at" right after the
 * target says where the target is; returns the token after it, or 0. */
static uint32_t place_after(const sctx *s, uint32_t i)
{
    if (i + 1 >= s->t1 || !(WIS(s, i, "in") || WIS(s, i, "at"))) return 0;
    int g = group_at(s, i + 1);
    if (g < 0 || s->g[g].t0 != i + 1 || !s->g[g].locative || s->g[g].anaphor) return 0;
    return s->g[g].t1;
}

/* "warned that the United States and Britain would pay": the end of a coordinated target, or 0. */
static uint32_t coordination_end(const sctx *s, int g)
{
    if (s->g[g].ncomp < 2) return 0;
    uint32_t end = 0;
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].comp == s->g[g].comp && s->g[k].t1 > end) end = s->g[k].t1;
    return end > s->g[g].t1 ? end : 0;
}

/* "used force against defenceless refugees", "detained several opposition activists": one or two
 * plain lower-case words (no preposition, determiner, clause word, speech verb or pattern word)
 * before a bare agent belong to its noun phrase; returns the agent's first token, or 0. */
static uint32_t adjectives_before_agent(const sctx *s, uint32_t i)
{
    for (uint32_t j = i, n = 0; j < s->t1 && n < 3; j++, n++) {
        int g = group_at(s, j);
        /* not an agent of no known country: "exiled dissidents from Myanmar" leaves the
         * target to a country named after it */
        if (g >= 0) return n && s->g[g].t0 == j && bare_agent(s, g) && s->g[g].code[0] != '-' ? j : 0;
        /* igo22: "at pro-European protesters": a capitalised word hyphened to the one before it
         * is part of the modifier */
        uint16_t f = s->t[j].flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM);
        if (f != DY_TF_WORD && !(n && f == (DY_TF_WORD | DY_TF_CAP) && (s->t[j].flags & DY_TF_HYPH))) return 0;
        unsigned wc = s->t[j].wc;
        if (wc & (DY_WC_PREP | DY_WC_DET | DY_WC_CLAUSE | DY_WC_NOUNEND | DY_WC_START_SAY | DY_WC_START_PAT)) return 0;
    }
    return 0;
}

/* Stop 30: "rammed and boarded two Philippine navy boats", "met and praised Putin": a verb whose
 * object comes after a second verb joined by "and" shares it. At i, after a past form, "and", a
 * past form that is no actor, at most two determiners or counts, and an actor: returns the
 * actor's first token, or 0. */
static uint32_t shared_object(const sctx *s, uint32_t i)
{
    if (i <= s->t0 || i + 2 >= s->t1 || !WIS(s, i, "and") || group_at(s, i + 1) >= 0) return 0;
    /* both words verbs in the past ("the attack and blamed militants": a noun keeps its own) */
    if (!ev_past_form(s, i - 1) || !ev_past_form(s, i + 1)) return 0;
    uint32_t j = i + 2;
    for (int n = 0; n < 2 && j < s->t1 && group_at(s, j) < 0; n++, j++)
        if (!(s->t[j].wc & DY_WC_DET) && !(s->t[j].flags & DY_TF_NUM) && !dy_dict_word_is(s->c->dict, DY_G_QUANTITY, s->t[j].id))
            return 0;
    int g = j < s->t1 ? group_at(s, j) : -1;
    return g >= 0 && s->g[g].t0 == j ? j : 0;
}

/* A currency sign ("$", "€", "£", "¥"): part of a figure, so a gap may run over it. */
static int currency_at(const sctx *s, uint32_t i)
{
    const char *w = W(s, i);
    return s->t[i].nlen <= 3 && (w[0] == '$' || !strncmp(w, "\xe2\x82\xac", 3) || !strncmp(w, "\xc2\xa3", 2) || !strncmp(w, "\xc2\xa5", 2));
}

/* acc16a: "offered on Monday to mediate", "agreed on Tuesday to resume": a date told between two
 * words of a pattern (an optional "on" and a date the sentence's dates hold, starting at i) is
 * read over; returns the token after it, or 0. */
static uint32_t date_between(const sctx *s, uint32_t i)
{
    uint32_t j = i < s->t1 && WIS(s, i, "on") ? i + 1 : i;
    for (size_t k = 0; k < s->ndates; k++)
        if (s->dates[k].t0 == j && s->dates[k].t1 > j && s->dates[k].t1 <= s->t1) return s->dates[k].t1;
    return 0;
}

static int match_el_at(const sctx *s, const dy_pattern *p, int ei, uint32_t ti, int passive, match *m)
{
    const dy_dict *d = s->c->dict;
    const dy_pel *e = dy_dict_pel(d, p->el + (uint32_t)ei);
    switch (e->type) {
    case DY_PE_WORDS: {
        uint32_t tj = ti;
        while (ei > 0 && tj < s->t1 && (s->t[tj].flags & DY_TF_QUOTE)) tj++;    /* signed a 'treaty' */
        int gt = tj < s->t1 ? group_at(s, tj) : -1;
        if (tj < s->t1 && s->t[tj].id && (gt < 0 || bare_agent(s, gt)) && dy_dict_pel_has(d, e, s->t[tj].id) &&
            match_el(s, p, ei + 1, tj + 1, passive, m))
            return 1;
        if (e->opt && match_el(s, p, ei + 1, ti, passive, m)) return 1;
        /* acc20b: a date before an optional word is read over too ("warned on Monday that T would
         * pay", "warn+ (that) T ...") */
        uint32_t de = ei > 0 && s->ndates ? date_between(s, ti) : 0;     /* most sentences hold no date */
        return de && match_el(s, p, ei, de, passive, m);
    }
    case DY_PE_GAP: {
        uint32_t tj = ti;
        for (int k = 0; k <= DY_GAP_MAX; k++) {
            if (match_el(s, p, ei + 1, tj, passive, m)) return 1;
            if (tj >= s->t1) return 0;
            uint16_t f = s->t[tj].flags;
            int gt = group_at(s, tj);
            /* lead31: "sent its top trade negotiator, Ryosei Akazawa, to Washington": a name set
             * off by commas inside the gap is read over */
            uint32_t ap = (f & DY_TF_COMMA) ? apposition_end(s, tj) : 0;
            if (ap) { tj = ap; continue; }
            if ((gt >= 0 && !bare_agent(s, gt)) || (f & (DY_TF_END | DY_TF_CLAUSE | DY_TF_COMMA))) return 0;
            if (!(f & (DY_TF_WORD | DY_TF_QUOTE)) && !currency_at(s, tj)) return 0;     /* "pledged $10 million" */
            if (k > 0 && ev_subordinate_at(s, tj)) return 0;     /* sense15: "into the sea hours before Yoon landed" */
            /* second17: "urged both sides to show restraint and offered to help": a gap does not
             * run on into a second verb after "and" (a past form some pattern starts with);
             * acc20a: irregular ones too ("since the start of the pandemic and held talks") */
            if (WIS(s, tj, "and") && tj + 1 < s->t1 && group_at(s, tj + 1) < 0 && ev_past_form(s, tj + 1) &&
                (s->t[tj + 1].wc & DY_WC_START_PAT))
                return 0;
            if (f & DY_TF_QUOTE) k--;
            tj++;
        }
        return 0;
    }
    case DY_PE_SKIP: return match_skip(s, p, ei, ti, passive, m);
    case DY_PE_SOURCE: return match_source(s, p, ei, ti, passive, m);
    case DY_PE_TARGET: {
        uint32_t tj = ti;
        int by = 0;
        if (passive && tj < s->t1 && WIS(s, tj, "by")) { by = 1; tj++; }
        uint32_t rj = tj;       /* "the other" is checked before "the" is skipped */
        int g0 = tj < s->t1 ? group_at(s, tj) : -1;
        if (g0 >= 0 && s->g[g0].t0 == tj) {
            /* "urged the two countries to": a reference that holds its own "the" */
        } else if (tj < s->t1 && WIS(s, tj, "the")) tj++;
        else if (tj + 1 < s->t1 && WIS(s, tj, "both") && group_at(s, tj) < 0 && group_at(s, tj + 1) >= 0) tj++;   /* "urged both Ankara and Moscow" */
        else if (tj + 1 < s->t1 && (WIS(s, tj, "his") || WIS(s, tj, "her") || WIS(s, tj, "their")) && group_at(s, tj) < 0 &&
                 group_at(s, tj + 1) >= 0 && s->g[group_at(s, tj + 1)].t0 == tj + 1)
            tj++;       /* "received his Chinese counterpart" */
        while (tj < s->t1 && (s->t[tj].flags & DY_TF_QUOTE)) tj++;
        int g = group_at(s, tj);
        if (!by && (g < 0 || s->g[g].modifier)) {      /* "stormed the official residence of T" */
            uint32_t oj = owner_after_of(s, tj);
            if (oj) { tj = oj; g = group_at(s, tj); }
        }
        if (g < 0 && !by) {
            uint32_t aj = adjectives_before_agent(s, tj);     /* "against defenceless refugees" */
            if (aj) { tj = aj; g = group_at(s, tj); }
        }
        if (g < 0 && !by) {
            uint32_t sj = shared_object(s, tj);       /* "rammed and boarded two navy boats" */
            if (sj) { tj = rj = sj; g = group_at(s, tj); }
        }
        if (g < 0 && !by && (ev_reciprocal_at(s, tj) || ev_reciprocal_at(s, (tj = rj)))) {  /* "accused each other" */
            if (!match_el(s, p, ei + 1, tj + 2, passive, m)) return 0;
            m->tgt = -1;
            return 1;
        }
        if (g < 0 || (s->g[g].t0 != tj && s->g[g].t0 != rj)) {     /* "by the President of Brazil" */
            /* "Putin and Kim met.": a symmetric act needs no object when it ends the pattern */
            if (p->sym && !by && ei + 1 == p->nel) { m->end = ti; m->tgt = -1; return 1; }
            return 0;
        }
        if (!match_el(s, p, ei + 1, s->g[g].t1, passive, m)) {
            uint32_t ae = ei + 1 < p->nel ? apposition_end(s, s->g[g].t1) : 0;
            if (!ae && ei + 1 < p->nel) ae = coordination_end(s, g);
            if (!ae && ei + 1 < p->nel) ae = place_after(s, s->g[g].t1);
            if (!ae || !match_el(s, p, ei + 1, ae, passive, m)) return 0;
        }
        m->tgt = g;
        m->by = by;
        return 1;
    }
    }
    return 0;
}

/* Element ei of p from token ti on. Whether that fails depends on nothing but (ei, ti) in one
 * try of a pattern (the sentence and the voice stay; *m is written only on success, which ends
 * the try), so a failure is remembered for the try and a second path to the same place
 * (optional words taken or not, a gap's lengths) is not searched again. */
static int match_el(const sctx *s, const dy_pattern *p, int ei, uint32_t ti, int passive, match *m)
{
    if (ei == p->nel) { m->end = ti; return 1; }
    uint32_t off = ti - s->t0;
    if (off >= EV_MEMO_W) return match_el_at(s, p, ei, ti, passive, m);
    uint16_t *slot = &s->c->memo[(size_t)ei * EV_MEMO_W + off];
    const uint16_t try = s->c->memo_try;
    if (*slot == try) return 0;
    if (match_el_at(s, p, ei, ti, passive, m)) return 1;
    *slot = try;
    return 0;
}

/* A new try of a pattern: its failures so far are forgotten (the numbers wrap every 65,535). */
static void memo_next_try(dy_coder *c)
{
    if (++c->memo_try == 0) {
        memset(c->memo, 0, (size_t)EV_MEMO_ROWS * EV_MEMO_W * sizeof *c->memo);
        c->memo_try = 1;
    }
}

int ev_is_passive_at(const sctx *s, uint32_t head)
{
    const char *hw = W(s, head);
    size_t hl = s->t[head].nlen;
    if (hl > 3 && memcmp(hw + hl - 3, "ing", 3) == 0) return 0;
    /* acc11: "was ready to restore ties", "is open to dialogue": an adjective of readiness
     * (grammar.txt pledge, not a participle in -ed) after "be" is no passive */
    uint32_t pe;
    if (!(hl > 2 && memcmp(hw + hl - 2, "ed", 2) == 0) && ev_gram_class_at(s, head, &pe) == DY_G_PLEDGE && pe > head + 1) return 0;
    for (uint32_t j = head; j-- > s->t0 && head - j <= 4;) {
        const char *w = W(s, j);
        size_t l = s->t[j].nlen;
        if (l > 2 && memcmp(w + l - 2, "ly", 2) == 0) continue;
        if (WIS(s, j, "been") || WIS(s, j, "being")) return 1;
        if (WIS(s, j, "also") || WIS(s, j, "then") || WIS(s, j, "later") || WIS(s, j, "earlier") || WIS(s, j, "first") ||
            WIS(s, j, "still") || WIS(s, j, "again") || WIS(s, j, "not") || WIS(s, j, "never"))
            continue;
        uint32_t e;
        return ev_gram_is(s, j, DY_G_BE, &e) && e == j + 1;
    }
    return 0;
}

/* After a comma at from-1: a short phrase and a speech verb that ends the sentence or a clause
 * (", a senior Bree official said on Saturday."), the attribution of what came before. */
int ev_attribution_after(const sctx *s, uint32_t from)
{
    for (uint32_t j = from; j < s->t1 && j < from + 10; j++) {
        uint32_t e;
        if (j > from && ev_gram_is(s, j, DY_G_SAY, &e)) return 1;
        if (!(s->t[j].flags & DY_TF_WORD) || (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) return 0;
        int g = group_at(s, j);
        if (g >= 0) { j = s->g[g].t1 - 1; continue; }
        /* "Saudi Arabia and the United States said": the speakers may be a list */
        if (WIS(s, j, "and") && j > from && group_at(s, j - 1) >= 0) continue;
        if (s->t[j].wc & (DY_WC_CLAUSE | DY_WC_PREP)) return 0;
    }
    return 0;
}

/* A pattern flagged among (PETRARCH's leading %) needs a subject naming two or more actors
 * ("Manila and Paris agree"); meeting that condition makes it the more specific match. */
static int among_subject(const sctx *s, uint32_t head)
{
    int src = ev_find_source(s, head);
    return src >= 0 && is_pair(s, src);
}

/* igo22: a court (a JUD role, or an actor named by a court's word: "the International Court of
 * Justice", "a federal judge", "the ICJ"). */
static int court_actor(const sctx *s, int g)
{
    if (g < 0) return 0;
    const char *c = s->g[g].code;
    size_t l = strlen(c);
    if (l > 3 && !strcmp(c + l - 3, "JUD")) return 1;
    for (uint32_t i = s->g[g].t0; i < s->g[g].t1; i++)
        if (WIS(s, i, "court") || WIS(s, i, "tribunal") || WIS(s, i, "judge") || WIS(s, i, "judges") ||
            WIS(s, i, "icj") || WIS(s, i, "icc"))
            return 1;
    return 0;
}

/* igo22: a pattern flagged court needs a court as its subject ("the court ordered Russia to
 * refrain"), or right after it ("took Poland to the Court of Justice"). */
static int court_party(const sctx *s, const match *m)
{
    if (court_actor(s, ev_find_source(s, m->head))) return 1;
    uint32_t j = m->end < s->t1 && WIS(s, m->end, "the") ? m->end + 1 : m->end;
    int g = j < s->t1 ? group_at(s, j) : -1;
    return g >= 0 && s->g[g].t0 == j && court_actor(s, g);
}

/* "student-led protests", "a Qatari-brokered truce": a participle joined by a hyphen to the word
 * before it describes the noun after it, and is no verb. */
static int hyphen_participle(const sctx *s, uint32_t i)
{
    if (!(s->t[i].flags & DY_TF_HYPH) || i == s->t0 || !(s->t[i - 1].flags & DY_TF_WORD)) return 0;
    size_t l = s->t[i].nlen;
    const char *w = W(s, i);
    return l >= 3 && w[l - 2] == 'e' && w[l - 1] == 'd';
}

/* sense15: "freed several jailed politicians", "released 10 jailed US citizens", "the detained
 * reporters": a past participle between a determiner or a count (grammar class quantity) and the noun it
 * describes is an adjective, no verb ("Canada arrested ...", "a law that banned ..." stay verbs).
 * A year is no count ("the EU in 2019 imposed ..."); "120 million pounds" is money, no shelling. */
static int adjective_participle(const sctx *s, uint32_t i)
{
    int money = WIS(s, i, "pounds");
    if (i == s->t0 || i + 1 >= s->t1 || (!money && !ev_ed_form(s, i))) return 0;
    uint16_t f = s->t[i + 1].flags;
    if (!money && (!(f & DY_TF_WORD) || (s->t[i + 1].wc & DY_WC_PREP) || WIS(s, i + 1, "by"))) return 0;
    /* acc21b: a participle before a determiner takes an object, so it is a verb ("a crowd put
     * at 100,000 filled the streets") */
    if (!money && (s->t[i + 1].wc & DY_WC_DET)) return 0;
    uint32_t j = i - 1;
    if (money) return WIS(s, j, "million") || WIS(s, j, "billion") || ((s->t[j].flags & DY_TF_NUM) && s->t[j].nlen <= 3);
    if (s->t[j].flags & DY_TF_NUM) {   /* "on October 6 urged": a day of a date is no count */
        for (size_t k = 0; k < s->ndates; k++)
            if (j >= s->dates[k].t0 && j < s->dates[k].t1) return 0;
        return s->t[j].nlen != 4 && !(j > s->t0 && (s->t[j - 1].flags & DY_TF_DATEW));
    }
    if (dy_dict_word_is(s->c->dict, DY_G_VERB_DET, s->t[j].id)) return 0;     /* "each accused the other" */
    /* a count in words ("four", "several"), but not one that stands for people ("many condemned
     * the move", "thousands protested the ruling") */
    int count = dy_dict_word_is(s->c->dict, DY_G_QUANTITY, s->t[j].id) && W(s, j)[s->t[j].nlen - 1] != 's' &&
                !dy_dict_word_is(s->c->dict, DY_G_PEOPLE_COUNT, s->t[j].id) &&
                !(j > s->t0 && WIS(s, j - 1, "the"));       /* "the two condemned the attack": a pair */
    return (s->t[j].wc & DY_WC_DET) || count || dy_dict_word_is(s->c->dict, DY_G_DESCRIBE, s->t[j].id);
}

size_t ev_find_matches(const sctx *s, match *out, size_t max)
{
    const dy_dict *d = s->c->dict;
    size_t n = 0;
    /* the words outside actors that some pattern starts with, listed in one pass without a
     * branch per token (a sentence has at most DY_MAX_SENT_TOKENS) */
    _Static_assert(DY_MAX_SENT_TOKENS <= 256, "token offsets in a sentence fit a byte");
    uint8_t heads[DY_MAX_SENT_TOKENS];
    size_t nh = 0;
    for (uint32_t i = s->t0; i < s->t1; i++) {
        heads[nh] = (uint8_t)(i - s->t0);
        nh += ((s->t[i].wc & DY_WC_START_PAT) != 0) & (s->at[i - s->t0] < 0);
    }
    for (size_t h = 0; h < nh && n < max; h++) {
        uint32_t i = s->t0 + heads[h];
        if (hyphen_participle(s, i) || adjective_participle(s, i)) continue;
        size_t np;
        const uint32_t *cand = dy_dict_patterns_for(d, s->t[i].id, &np);
        const uint8_t *seen = s->c->seen, stamp = s->c->stamp;
        const dy_req *req = dy_dict_patterns_req(d, s->t[i].id);
        int passive = -1;           /* worked out once a pattern passes the word check */
        match best = {0};
        int have = 0;
        uint32_t nj = i + 1;        /* the word after the head, as match_el's word set reads it */
        while (nj < s->t1 && (s->t[nj].flags & DY_TF_QUOTE)) nj++;
        uint32_t nj2 = nj + 1;      /* and the one after it */
        while (nj2 < s->t1 && (s->t[nj2].flags & DY_TF_QUOTE)) nj2++;
        /* a date that match_el reads over between two words ("refused on Sunday to recognise",
         * acc16a) hides the pattern's next words: no filter on them then */
        const int dated = s->ndates && (date_between(s, nj) || (nj2 < s->t1 && date_between(s, nj2)));
        const uint64_t nbit = dated ? ~0ULL : dy_next_bit(nj < s->t1 ? s->t[nj].id : 0);
        const uint64_t nbit2 = dated ? ~0ULL : dy_next_bit(nj2 < s->t1 ? s->t[nj2].id : 0);
        uint64_t gbits = 0;         /* the words a gap's next element may start at, once needed */
        for (size_t k = 0; k < np; k++) {
            /* the two words after the head are not in the pattern's next elements, or a word the
             * pattern needs is nowhere in the sentence: skip it (lexicon ids are all below
             * nseen); most candidates leave here without their pattern being read */
            if (!(req[k].next & nbit) || !(req[k].next2 & nbit2)) continue;
            if (req[k].gap != ~0ULL) {      /* a gap comes first: its next word is near */
                if (!gbits) {
                    gbits = 1;      /* worked out (bit 0, no word, is in no pattern's bits) */
                    for (uint32_t j = i + 1, nw = 0; j < s->t1 && nw <= DY_GAP_MAX; j++)
                        if (!(s->t[j].flags & DY_TF_QUOTE)) { gbits |= dy_next_bit(s->t[j].id); nw++; }
                }
                if (!(req[k].gap & gbits)) continue;
            }
            uint32_t r0 = req[k].w0, r1 = req[k].w1;
            if (r0 == DY_REQ_MANY ? !(req[k].sig & s->reqsig)
                                  : r0 && seen[r0] != stamp && (!r1 || seen[r1] != stamp))
                continue;
            const dy_pattern *p = dy_dict_pattern(d, cand[k]);
            if (r0 == DY_REQ_MANY) {        /* the signature may have let it through: look */
                const uint32_t *ws = dy_dict_wordset(d, p->req);
                const uint16_t nq = p->nreq;
                uint16_t q = 0;
                while (q < nq && seen[ws[q]] != stamp) q++;     /* a pattern's words are lexicon ids */
                if (q == nq) continue;
            }
            if (p->nreq2) {     /* a second set the pattern needs */
                const uint32_t *ws = dy_dict_wordset(d, p->req2);
                const uint16_t nq = p->nreq2;
                uint16_t q = 0;
                while (q < nq && seen[ws[q]] != stamp) q++;
                if (q == nq) continue;
            }
            match m = {cand[k], i, i, -1, 0, p->nlit, -1};
            if (passive < 0) passive = ev_is_passive_at(s, i);
            memo_next_try(s->c);
            if (!match_el(s, p, 1, i + 1, passive, &m)) continue;
            if (p->among && !among_subject(s, i)) continue;
            if (p->court && !court_party(s, &m)) continue;
            if (p->igo && (m.tgt < 0 || strncmp(s->g[m.tgt].code, "IGO", 3) != 0)) continue;     /* "quit the council" */
            m.nlit = (uint16_t)(m.nlit + p->among);
            if (!have || m.nlit > best.nlit || (m.nlit == best.nlit && m.end > best.end)) { best = m; have = 1; }
        }
        if (!have) continue;
        /* a match starting inside an earlier one is part of it */
        if (n > 0 && i < out[n - 1].end) {
            if (best.nlit <= out[n - 1].nlit) continue;
            /* "demanded that the US stop arms sales", "criticised Pakistan over air strikes in
             * Afghanistan": words that end a pattern after its target are what the earlier act
             * asks for or is about, not an act of their own */
            if (out[n - 1].tgt >= 0 && (uint32_t)s->g[out[n - 1].tgt].t1 <= i) continue;
            n--;    /* the longer, more specific pattern wins */
        }
        out[n++] = best;
    }
    return n;
}

/* acc21a: "ready to delay the sanctions if Iran readmitted inspectors, accounted for its uranium
 * and resumed talks": a verb right after "and", "or" or a comma, with no subject of its own,
 * goes on from the verbs before it, and so stays in the "if" or "unless" clause they are in
 * (ev_mood_at). */
int ev_conditional_series(const sctx *s, uint32_t head)
{
    if (head < s->t0 + 2 || !(WIS(s, head - 1, "and") || WIS(s, head - 1, "or") || (s->t[head - 1].flags & DY_TF_COMMA)))
        return 0;
    for (uint32_t j = head - 1, n = 0; j-- > s->t0 && n < 24; n++) {
        if (s->t[j].flags & (DY_TF_CLAUSE | DY_TF_END)) return 0;
        if (WIS(s, j, "that") || WIS(s, j, "but") || WIS(s, j, "while") || WIS(s, j, "when")) return 0;
        if (WIS(s, j, "if") || WIS(s, j, "unless")) return 1;
    }
    return 0;
}
