/* dy_events_slot.c - the parties and mood of a matched pattern: the subject (source), the
 * object (target), clauses that make the act background, reported or negated, and the acts a
 * sentence only announces. */
#include "dy_events_int.h"

/* "welcomed the ruling", "denounced the verdict": a pattern whose last word is an actor of its
 * own (a court's ruling is the court's) names its target inside the phrase; -1 when none. */
int ev_actor_ends_match(const sctx *s, const match *m, int src)
{
    int g = group_at(s, m->end - 1);
    if (g < 0 || s->g[g].t1 != m->end || s->g[g].t0 <= m->head || !s->g[g].code[0]) return -1;
    if (src >= 0 && s->g[src].comp == s->g[g].comp) return -1;
    return s->g[g].comp;
}

/* "Zuniga told reporters that Arce had asked him ...": the listener of a speech verb is no
 * subject of what is reported. */
static int told_listener(const sctx *s, const dy_actor *g)
{
    uint32_t j = g->t0;
    if (j > s->t0 && WIS(s, j - 1, "the")) j--;
    return j > s->t0 && (WIS(s, j - 1, "told") || WIS(s, j - 1, "tells") || WIS(s, j - 1, "telling"));
}

/* "protesters who had stormed parliament a day earlier", "Russia, which intervened in 2015":
 * a verb in a relative clause after its actor tells background, not the story's act. */
/* "The ruling of a tribunal in July, which rejected China's claims, was not mentioned": a
 * clause set off by ", which" describes a thing or a time, told as background. */
static int background_which(const sctx *s, uint32_t j)
{
    return WIS(s, j, "which") && (s->t[j - 1].flags & DY_TF_COMMA);
}

/* acc15a: "Syria, whose membership had been suspended over the government's crackdown": a clause
 * opened by ", whose" after an actor describes that actor; what it tells, up to its end, is
 * background, a noun with an owner ("the government's crackdown") as much as a verb. */
static int whose_clause(const sctx *s, uint32_t head)
{
    for (uint32_t j = head, n = 0; j-- > s->t0 + 1 && n < 16; n++) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_END)) return 0;
        if (WIS(s, j, "whose")) return (s->t[j - 1].flags & DY_TF_COMMA) && j - 1 > s->t0 && group_at(s, j - 2) >= 0;
    }
    return 0;
}

int ev_relative_clause(const sctx *s, uint32_t head)
{
    if (whose_clause(s, head)) return 1;
    /* prec13: up to eight words back, "which intervened militarily in 2015 to support Assad" */
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 8; n++) {
        if (group_at(s, j) >= 0 || (s->t[j].flags & (DY_TF_COMMA | DY_TF_END))) return 0;
        if (WIS(s, j, "who") || WIS(s, j, "which"))
            return j > s->t0 && (group_at(s, j - (s->t[j - 1].flags & DY_TF_COMMA ? 2 : 1)) >= 0 || background_which(s, j) ||
                                 /* lead31: after a name no actor holds ("a columnist for The
                                  * Washington Post who had criticised the crown prince") */
                                 (j - 1 > s->t0 && (s->t[j - 1].flags & DY_TF_CAP) && (s->t[j - 1].flags & DY_TF_WORD)));
    }
    return 0;
}

/* prec10: "Nauru had recognised Taipei since 2005", "the two governments had been negotiating for
 * more than a year", "officials have long blamed ...": a verb in the perfect over a long span of
 * time (grammar classes lasting + span, or "since" a date half a year or more before the story)
 * tells a state or a habit as background, not the story's act. "police had detained 1,100 people
 * since the protests began" (no date, or a recent one) stays an act; so does a punishment's term
 * ("has jailed him for two years", code 16x/17x). */
static int long_span_at(const sctx *s, uint32_t j, uint32_t end)
{
    uint32_t e;
    if (ev_gram_class_at(s, j, &e) != DY_G_LASTING) return 0;
    for (uint32_t k = e; k < end && k < e + 4; k++) {
        uint32_t e2;
        if (group_at(s, k) >= 0) return 0;
        if (ev_gram_class_at(s, k, &e2) == DY_G_SPAN) return 1;
    }
    return 0;
}

static int since_long_ago(const sctx *s, uint32_t j, uint32_t end)
{
    int64_t pub = s->c->pub_day;
    if (!WIS(s, j, "since") || pub == INT64_MAX) return 0;
    for (size_t k = 0; k < s->ndates; k++) {
        const dy_datex *d = &s->dates[k];
        if (d->t0 <= j || d->t0 >= end || d->date.prec == DY_PREC_NONE) continue;
        if (dy_date_days(d->date) < pub - 180) return 1;
    }
    return 0;
}

/* target21: "after days of fighting with Congolese troops", "amid two weeks of protesting": an
 * "of" right after a measure of time (grammar.txt duration; a count or "several" before it
 * allowed) that a frame word opens (grammar.txt frame) tells how long the act went on; the gerund
 * after it is the act done, no claim. */
static int framed_span(const sctx *s, uint32_t of)
{
    const dy_dict *d = s->c->dict;
    if (of <= s->t0 + 1 || !dy_dict_word_is(d, DY_G_DURATION, s->t[of - 1].id)) return 0;
    uint32_t j = of - 2;
    if (j > s->t0 && !(s->t[j].flags & (DY_TF_COMMA | DY_TF_END)) && !dy_dict_word_is(d, DY_G_FRAME, s->t[j].id) &&
        ((s->t[j].flags & DY_TF_NUM) || dy_dict_word_is(d, DY_G_QUANTITY, s->t[j].id) || WIS(s, j, "several")))
        j--;
    return dy_dict_word_is(d, DY_G_FRAME, s->t[j].id);
}

static int sentence_dated(const sctx *s)
{
    for (size_t k = 0; k < s->ndates; k++)
        if (s->dates[k].t0 >= s->t0 && s->dates[k].t0 < s->t1 && s->dates[k].date.prec != DY_PREC_NONE) return 1;
    return 0;
}

/* acc15a: "Turkey has for years struck PKK bases and launched its latest offensive, named
 * Claw-Lock, in April": a verb after "and" whose own clause names a month or a day is an act of
 * its own, not part of the habit the perfect sums up. */
static int dated_conjunct(const sctx *s, uint32_t aux, uint32_t head)
{
    uint32_t and = UINT32_MAX;
    for (uint32_t j = aux + 1; j < head; j++)
        if (WIS(s, j, "and")) and = j;
    if (and == UINT32_MAX) return 0;
    for (size_t k = 0; k < s->ndates; k++) {
        const dy_datex *d = &s->dates[k];
        if (d->t0 <= head || d->t0 >= s->t1 || d->date.prec < DY_PREC_MONTH || WIS(s, d->t0 - 1, "since")) continue;
        return 1;
    }
    return 0;
}

/* acc16a: "Somali leaders had argued for years that the restrictions tied ... its war against the
 * militants", "She has long said that she is the target of a campaign ...": what a perfect over
 * a long span says ("that" at that_at ends its clause) is the same background as the saying. */
static int long_said(const sctx *s, uint32_t that_at)
{
    uint32_t start = s->t0, aux = UINT32_MAX;
    for (uint32_t j = that_at; j-- > s->t0;)
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) { start = j + 1; break; }
    for (uint32_t j = start; j < that_at; j++)
        if ((WIS(s, j, "has") || WIS(s, j, "have") || WIS(s, j, "had")) && !WIS(s, j + 1, "to")) aux = j;
    if (aux == UINT32_MAX) return 0;
    if (aux + 1 < that_at && WIS(s, aux + 1, "long")) return 1;
    for (uint32_t j = aux; j < that_at; j++)
        if (WIS(s, j, "since") || group_at(s, j) >= 0) return 0;
    for (uint32_t j = aux; j < that_at; j++)
        if (long_span_at(s, j, that_at)) return 1;
    return 0;
}

int ev_background_perfect(const sctx *s, uint32_t head, const char *code)
{
    uint32_t start = s->t0, end = s->t1, aux = UINT32_MAX;
    for (uint32_t j = head; j-- > s->t0;)
        if ((s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) || WIS(s, j, "that")) { start = j + 1; break; }
    if (start > s->t0 + 1 && WIS(s, start - 1, "that") && long_said(s, start - 1)) return 1;
    for (uint32_t j = head; j < s->t1; j++)
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) { end = j + 1; break; }
    for (uint32_t j = start; j < head; j++)
        if ((WIS(s, j, "has") || WIS(s, j, "have") || WIS(s, j, "had") || WIS(s, j, "'ve")) && !WIS(s, j + 1, "to")) aux = j;
    if (aux == UINT32_MAX) return 0;
    /* "the first veto since the council imposed sanctions in 2006": the act "since" tells */
    for (uint32_t j = aux; j < head; j++)
        if (WIS(s, j, "since")) return 0;
    if (aux + 1 < head && WIS(s, aux + 1, "long")) return 1;      /* "have long blamed" */
    /* sense15: "Chad and the UAE have repeatedly denied arming the RSF": a habit over the present
     * perfect, not the story's act; "has long backed a Palestinian state and has criticised
     * ...": a second perfect after "and" shares the first one's "long" */
    if (aux + 1 < head && !WIS(s, aux, "had") && dy_dict_word_is(s->c->dict, DY_G_HABIT, s->t[aux + 1].id)) return 1;
    if (aux > start + 2 && WIS(s, aux - 1, "and"))
        for (uint32_t j = aux - 1; j-- > start + 1;)
            if ((WIS(s, j - 1, "has") || WIS(s, j - 1, "have")) && WIS(s, j, "long")) return 1;
    /* acc14a: "France has already pulled its troops out of Mali": the present perfect with
     * "already" and no date in the sentence sums up what went before the story */
    if (aux + 1 < head && WIS(s, aux + 1, "already") && !WIS(s, aux, "had") && !sentence_dated(s)) return 1;
    if (dated_conjunct(s, aux, head)) return 0;
    /* "has jailed a student for two years", "suspended visas for a year": a punishment's term */
    int term = code[0] == '1' && (code[1] == '6' || code[1] == '7');
    for (uint32_t j = start; j < end; j++)
        if ((!term && long_span_at(s, j, end)) || since_long_ago(s, j, end)) return 1;
    return 0;
}

/* "Belarus denied the charge and said Poland had used force": an actor right after a speech verb
 * or "that" opens a reported clause and is its subject, even where an earlier verb took it for
 * its target. */
static int reported_subject(const sctx *s, const dy_actor *g)
{
    uint32_t j = g->t0, e;
    if (j > s->t0 && WIS(s, j - 1, "that")) return 1;
    for (uint32_t k = j; k-- > s->t0 && j - k <= 2;)
        if (ev_gram_is(s, k, DY_G_SAY, &e) && e == j) return 1;
    return 0;
}

/* An authority of the story's country (its government, army, police or courts) by its code. */
static int home_authority(const char *c, const char *sc)
{
    /* acc14a: "Police in Tripura state said seven people had been arrested" in a story from
     * Dhaka: police and courts arrest and sentence only at home, so any country's are the captor */
    if (strlen(c) >= 6 && (!strncmp(c + 3, "COP", 3) || !strncmp(c + 3, "JUD", 3))) return 1;
    if (strlen(c) < 6 || !sc[0] || strncmp(c, sc, 3) != 0) return 0;
    return !strncmp(c + 3, "GOV", 3) || !strncmp(c + 3, "MIL", 3);
}

/* acc13: "Police spokesman Fred Enanga said hundreds of people had been arrested": the speaker
 * right before the speech verb that opens the passive's clause, when an authority of the story's
 * country; its group, or -1. */
static int leading_authority(const sctx *s, const match *m, const char *sc)
{
    uint32_t sv = ev_said_at(s, s->t0, m->head), e;
    if (sv >= m->head || !ev_gram_is(s, sv, DY_G_SAY, &e)) return -1;
    for (uint32_t j = sv; j < m->head; j++)
        if (s->t[j].flags & (DY_TF_CLAUSE | DY_TF_END)) return -1;
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->t1 > sv || g->t1 + 4 < sv || g->locative || g->anaphor) continue;
        for (uint32_t j = g->t1; j < sv; j++)
            if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE)) return -1;
        return home_authority(s->g[g->comp].code, sc) ? g->comp : -1;
    }
    return -1;
}

/* "Bongo's son was arrested on charges of treason, the junta said": an arrest, a sanction or a
 * sentence in the passive with no "by", told by an authority of the story's country (its
 * government, army, police or courts), is that authority's act; the speaker's group, or -1. */
int ev_passive_authority(const sctx *s, const match *m, const char *code)
{
    if (!(code[0] == '1' && (code[1] == '7' || !strncmp(code, "116", 3)))) return -1;
    const char *sc = dy_story_country(&s->c->story);
    int lead = leading_authority(s, m, sc);
    if (lead >= 0) return lead;
    for (uint32_t j = m->end; j + 1 < s->t1; j++) {
        if (!(s->t[j].flags & DY_TF_COMMA) || !ev_attribution_after(s, j + 1)) continue;
        int g = group_at(s, j + 1 < s->t1 && WIS(s, j + 1, "the") ? j + 2 : j + 1);
        if (g < 0) return -1;
        return home_authority(s->g[s->g[g].comp].code, sc) ? s->g[g].comp : -1;
    }
    return -1;
}

/* "Hun Sen, who chairs ASEAN this year, had appealed ...": an actor inside a relative clause set
 * off by commas before the verb is no subject of the verb after the clause. */
static int inside_relative(const sctx *s, const dy_actor *g, uint32_t head)
{
    uint32_t j = g->t0;
    while (j > s->t0 && !(s->t[j - 1].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) j--;
    if (j <= s->t0 + 1 || !(s->t[j - 1].flags & DY_TF_COMMA)) return 0;
    if (!WIS(s, j, "who") && !WIS(s, j, "which") && !WIS(s, j, "whose")) return 0;
    for (uint32_t i = g->t1; i < head; i++)
        if (s->t[i].flags & DY_TF_COMMA) return 1;
    return 0;
}

/* acc10: "ministers said members of his escort had shot at police": a reported clause whose
 * subject is a noun phrase naming no actor (one to six plain words, then an auxiliary right before
 * the verb) has a doer of its own, not the speaker before the speech verb. */
static int reported_own_subject(const sctx *s, uint32_t from, uint32_t head)
{
    uint32_t sv = ev_said_at(s, from, head), e;
    if (sv >= head || !ev_gram_is(s, sv, DY_G_SAY, &e)) return 0;
    if (e < head && WIS(s, e, "that")) e++;
    if (e + 2 > head || head - e > 7) return 0;
    if (!dy_dict_word_is(s->c->dict, DY_G_AUX, s->t[head - 1].id)) return 0;
    for (uint32_t j = e; j + 1 < head; j++)
        if (group_at(s, j) >= 0 || !(s->t[j].flags & DY_TF_WORD) || (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE))) return 0;
    return 1;
}

/* acc12: "a US delegation led by Assistant Secretary of State Molly Phee held talks": an actor
 * after "by" behind up to three capitalised title words the actor phrase leaves out ("Assistant")
 * is the agent of a participle, no subject, as one right after "by" is. */
static int after_by_title(const sctx *s, const dy_actor *g)
{
    uint32_t j = g->t0;
    for (int n = 0; n < 3 && j > s->t0 && (s->t[j - 1].flags & (DY_TF_WORD | DY_TF_CAP)) == (DY_TF_WORD | DY_TF_CAP); n++) j--;
    return j < g->t0 && j > s->t0 && WIS(s, j - 1, "by");
}

/* sense15: "Vucevic said he would step down after supporters of the ruling party attacked students",
 * "India said the raid was meant to forestall attacks after a suicide bomber killed 40 officers",
 * "fired a missile into the sea hours before Yoon landed in Tokyo": a subordinator up to ten words
 * before head, with words between it and head (not a gerund: "after accusing them" is the main
 * subject's), opens a clause whose subject is its own. Its token, else s->t1. */
static uint32_t clause_opener_before(const sctx *s, uint32_t head)
{
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 10; n++) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return s->t1;
        if (!dy_dict_word_is(s->c->dict, DY_G_SUBORD, s->t[j].id)) continue;
        if (j == s->t0 || j + 1 >= head || ev_ing_form(s, j + 1)) return s->t1;
        /* "hours after Meng reached a deal": an unknown name may be anyone's; "retook the
         * buildings after several hours and arrested": "and" goes back to the main clause */
        if ((s->t[j + 1].flags & DY_TF_CAP) && group_at(s, j + 1) < 0) return s->t1;
        /* "while ministers said members of his escort had shot": a reported clause inside it */
        for (uint32_t q = j + 1, e; q < head; q++)
            if (WIS(s, q, "and") || WIS(s, q, "or") || WIS(s, q, "but") || ev_gram_is(s, q, DY_G_SAY, &e)) return s->t1;
        return j;
    }
    return s->t1;
}

/* target21: "Iran curbed its cooperation ... after Israel and the United States bombed its
 * nuclear sites", "Manila protested after Chinese ships rammed its supply boat": a possessive
 * pronoun right after the verb of a use of force (roots 17 to 20) in a clause a subordinator
 * opens names the main clause's subject, when that is of another country than the clause's own
 * subject src; one rarely strikes one's own. The main subject's group, or -1. */
int ev_possessive_main_subject(const sctx *s, const match *m, const char *code, int src)
{
    int force = (code[0] == '1' && code[1] >= '7') || (code[0] == '2' && code[1] == '0');
    if (src < 0 || m->end >= s->t1 || !force) return -1;
    uint32_t o = m->end;
    if (group_at(s, o) >= 0 || !(WIS(s, o, "its") || WIS(s, o, "their") || WIS(s, o, "his") || WIS(s, o, "her"))) return -1;
    uint32_t op = clause_opener_before(s, m->head);
    /* "after Israel and the United States bombed": an "and" between two actors joins the subject */
    for (uint32_t j = m->head, n = 0; op >= s->t1 && j-- > s->t0 + 1 && n < 10; n++) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) break;
        if (WIS(s, j, "and") && !(group_at(s, j - 1) >= 0 && (group_at(s, j + 1) >= 0 || (WIS(s, j + 1, "the") && group_at(s, j + 2) >= 0))))
            break;
        if (dy_dict_word_is(s->c->dict, DY_G_SUBORD, s->t[j].id) && j > s->t0 && group_at(s, j + 1) >= 0) op = j;
    }
    if (op >= s->t1) return -1;
    int a = ev_sentence_subject(s, op);
    if (a < 0 || a == s->g[src].comp || !s->g[a].code[0] || s->g[a].code[0] == '-' || s->g[a].filled) return -1;
    if (!strncmp(s->g[a].code, s->g[src].code, 3)) return -1;
    return a;
}

int ev_find_source(const sctx *s, uint32_t head)
{
    int of = -1;
    /* target21: "the Houthis, who he said had agreed to stop ...": a speaker set between a
     * relative pronoun and its verb ("which officials say have ...") is no subject; the
     * pronoun's antecedent, an actor right before the comma, is */
    for (int k = (int)s->ng - 1; k >= 0; k--)
        if (s->g[k].t1 <= head) {
            const dy_actor *g = &s->g[k];
            uint32_t se;
            int ante = g->t0 > s->t0 + 3 ? group_at(s, g->t0 - 3) : -1;
            if (ante >= 0 && (WIS(s, g->t0 - 1, "who") || WIS(s, g->t0 - 1, "which")) && (s->t[g->t0 - 2].flags & DY_TF_COMMA) &&
                g->t1 < head && ev_gram_is(s, g->t1, DY_G_SAY, &se) && se < head && s->g[ante].code[0])
                return s->g[ante].comp;
            break;
        }
    /* acc10: the reported clause's own subject names no actor */
    for (int k = (int)s->ng - 1; k >= 0; k--)
        if (s->g[k].t1 <= head) {
            if (reported_own_subject(s, s->g[k].t1, head)) return -1;
            break;
        }
    uint32_t opener = clause_opener_before(s, head);
    if (opener < s->t1) {
        /* the clause's own subject: the first actor after the subordinator, even one an earlier
         * verb took for its object ("step down after supporters ... attacked"); none: no source */
        for (size_t k = 0; k < s->ng; k++) {
            const dy_actor *g = &s->g[k];
            if (g->t0 <= opener || g->t1 > head || !g->code[0] || g->modifier) continue;
            if (g->prep && !g->poss) continue;
            return g->comp;
        }
        return -1;
    }
    for (int k = (int)s->ng - 1; k >= 0; k--) {
        const dy_actor *g = &s->g[k];
        if (g->t1 > head) continue;
        if (!g->code[0] && g->anaphor && !g->prep && g->anaphor != DY_G_SPEAKER)    /* "they had attacked": unknown */
            return of >= 0 ? s->g[of].comp : -1;    /* "fled the country as thousands of protesters marched" */
        if (!g->code[0] || g->modifier) continue;
        if (g->used_as_target && !reported_subject(s, g)) continue;
        if (inside_relative(s, g, head)) continue;
        /* "for Kim, who has met ...": the relative pronoun's antecedent is the subject */
        if (g->t1 + 1 < head && (s->t[g->t1].flags & DY_TF_COMMA) && (WIS(s, g->t1 + 1, "who") || WIS(s, g->t1 + 1, "which")))
            return g->comp;
        if (g->locative) continue;
        if (told_listener(s, g)) continue;
        if (g->prep && !g->poss) {
            if (g->of && of < 0) of = k;     /* "thousands of Serbian protesters rallied" */
            continue;
        }
        if (after_by_title(s, g)) continue;
        /* target20: "Turkey, Azerbaijan's closest ally, also condemned": an owner inside an
         * apposition set off by commas right after an actor is not the subject; that actor is */
        if (g->poss && k > 0 && g->t0 > s->t0 + 1 && (s->t[g->t0 - 1].flags & DY_TF_COMMA) && s->g[k - 1].t1 + 1 == g->t0 &&
            s->g[k - 1].code[0] && !s->g[k - 1].prep && !s->g[k - 1].poss) {
            int closed = 0;
            for (uint32_t j = g->t1; j < head && !closed; j++) closed = (s->t[j].flags & DY_TF_COMMA) != 0;
            if (closed) return s->g[k - 1].comp;
        }
        /* igo22: "The bloc's special envoy, Brunei's second foreign minister Erywan Yusof, called
         * off a trip": a state's official set off by commas after a body's own agent acts for the
         * body */
        if (k > 0 && g->t0 > s->t0 + 1 && (s->t[g->t0 - 1].flags & DY_TF_COMMA) && s->g[k - 1].t1 + 1 == g->t0 &&
            !strncmp(s->g[k - 1].code, "IGO", 3) && !s->g[k - 1].anaphor && !s->g[k - 1].prep && strncmp(g->code, "IGO", 3) != 0) {
            int closed = 0;
            for (uint32_t j = g->t1; j < head && !closed; j++) closed = (s->t[j].flags & DY_TF_COMMA) != 0;
            if (closed) return s->g[k - 1].comp;
        }
        /* "Wang Yi and his Indian counterpart, Subrahmanyam Jaishankar, spoke": a name set off
         * by commas after the last member of a pair belongs to the pair */
        if (k > 0 && g->t0 > s->t0 + 1 && (s->t[g->t0 - 1].flags & DY_TF_COMMA) && g->t1 < head &&
            (s->t[g->t1].flags & DY_TF_COMMA)) {
            const dy_actor *pv = &s->g[k - 1];
            if (s->g[pv->comp].ncomp >= 2 && pv->t1 + 3 >= g->t0 - 1) {
                int plain = 1;
                for (uint32_t j = pv->t1; j + 1 < g->t0; j++)
                    if (!(s->t[j].flags & DY_TF_WORD) || (s->t[j].flags & DY_TF_CAP)) plain = 0;
                if (plain) return pv->comp;
            }
        }
        /* "The US commander in Iraq, General David Petraeus, held talks": a bare title in
         * apposition stands for the named actor before the comma */
        if (!is_named(s, g->comp) && g->t0 > s->t0 && (s->t[g->t0 - 1].flags & DY_TF_COMMA))
            for (int j = k - 1; j >= 0; j--) {
                if (s->g[s->g[j].comp].prep) continue;      /* "envoy to Seoul", "commander in Iraq" */
                if (is_named(s, j) && !s->g[j].used_as_target) return s->g[j].comp;
                break;
            }
        return g->comp;
    }
    return of >= 0 ? s->g[of].comp : -1;
}

/* "after troops kept him from entering", "when police fired": a subordinator whose next word
 * (a determiner between) starts an actor opens a clause with a subject of its own. */
int ev_subordinate_at(const sctx *s, uint32_t j)
{
    if (!WIS(s, j, "after") && !WIS(s, j, "before") && !WIS(s, j, "while") && !WIS(s, j, "when") &&
        !WIS(s, j, "because") && !WIS(s, j, "although") && !WIS(s, j, "though") && !WIS(s, j, "until"))
        return 0;
    uint32_t n = j + 1;
    if (n < s->t1 && WIS(s, n, "the")) n++;
    return n < s->t1 && group_at(s, n) >= 0;
}

/* The first speech verb in [from, limit), or limit when there is none. */
uint32_t ev_said_at(const sctx *s, uint32_t from, uint32_t limit)
{
    for (uint32_t j = from, e; j < limit && j < s->t1; j++)
        if (ev_gram_is(s, j, DY_G_SAY, &e)) return j;
    return limit;
}

/* The first actor in [from, limit): a named one first, then a place ("near Turkey"), then a bare
 * agent that is not the object of a preposition ("arrested protesters"), then people shot or
 * fired at ("fired tear gas and rubber bullets at the crowds"). */
int ev_find_target(const sctx *s, uint32_t from, uint32_t limit)
{
    int loc = -1, agent = -1, at = -1;
    /* "condemned the coup and said it was following events", ", saying it came ...": a pronoun
     * after a speech verb that follows the pattern is the reported clause's (mostly the speaker
     * or the act), no object of the verb; a named actor there stays ("criticised the vote,
     * saying Georgia ...") */
    uint32_t said = ev_said_at(s, from, limit);
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->t0 < from || g->t0 >= limit || !g->code[0] || (g->anaphor && g->t0 > said)) continue;
        /* evalcall22: "rejected that view, telling reporters that ...": the listener of a speech
         * verb after the act is no party to it */
        if (told_listener(s, g)) continue;
        if (!is_named(s, (int)k)) {
            /* dom10: a count of people left standing opens its own clause ("as thousands marched") */
            if (agent < 0 && !g->modifier && !g->locative && !g->crowd) agent = (int)k;
            uint32_t p = g->t0 > s->t0 && WIS(s, g->t0 - 1, "the") ? g->t0 - 1 : g->t0;
            if (at < 0 && g->locative && p > s->t0 && WIS(s, p - 1, "at") && ev_role_is(s, (int)k, "CVLOPPREBMILCOPUAFCRM")) at = (int)k;
            continue;
        }
        if (g->locative) { if (loc < 0) loc = (int)k; continue; }
        return g->comp;
    }
    return loc >= 0 ? s->g[loc].comp : agent >= 0 ? s->g[agent].comp : at >= 0 ? s->g[at].comp : -1;
}

/* "South Korea said it would reconsider ..., and summoned the ambassador": a verb right after
 * "and" (adverbs between) shares the subject of the sentence. */
int ev_and_verb(const sctx *s, uint32_t head)
{
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 4; n++) {     /* ", and on Friday summoned" */
        if (group_at(s, j) >= 0 || !(s->t[j].flags & DY_TF_WORD)) return 0;
        if (WIS(s, j, "and")) return j > s->t0 && (s->t[j - 1].flags & DY_TF_COMMA);
    }
    return 0;
}

/* "Arce confronted Zuniga in a corridor and ordered him to withdraw": a verb after "and" (no
 * comma, at most two words between) whose nearest actor is the object of a verb before it (a
 * pattern's first word or a word in -ed, right before the actor or its "the") shares that verb's
 * subject. Returns the source to use: that subject, or src unchanged. */
int ev_object_before_and(const sctx *s, uint32_t head, int src)
{
    if (src < 0) return src;
    uint32_t j = head, n = 0;
    while (j-- > s->t0 && n++ < 3 && !WIS(s, j, "and"))
        if (group_at(s, j) >= 0 || !(s->t[j].flags & DY_TF_WORD)) return src;
    if (j <= s->t0 || j >= head || !WIS(s, j, "and") || (s->t[j - 1].flags & DY_TF_COMMA)) return src;
    uint32_t a = s->g[src].t0;
    if (a >= j || a <= s->t0) return src;
    uint32_t v = a - 1;
    if (WIS(s, v, "the") && v > s->t0) v--;
    if (group_at(s, v) >= 0 || !(s->t[v].flags & DY_TF_WORD) || (s->t[v].flags & DY_TF_CAP)) return src;
    uint32_t wc = dy_dict_wclass(s->c->dict, s->t[v].id);
    if (wc & (DY_WC_PREP | DY_WC_DET | DY_WC_CLAUSE | DY_WC_NOUNEND | DY_WC_START_SAY)) return src;
    size_t vl = s->t[v].nlen;
    /* a pattern's first word, a past tense, or an infinitive ("to restrain the Houthis") */
    if (!(wc & DY_WC_START_PAT) && !(vl > 4 && !memcmp(W(s, v) + vl - 2, "ed", 2)) && !(v > s->t0 && WIS(s, v - 1, "to"))) return src;
    int subj = ev_find_source(s, v);
    /* "urged the Taliban to stop militants ... and called on Pakistan": a past tense after "and"
     * goes back past an appeal's object too, to the one who urged */
    size_t hl = s->t[head].nlen;
    for (int n2 = 0; n2 < 3 && subj >= 0 && hl > 4 && !memcmp(W(s, head) + hl - 2, "ed", 2); n2++) {
        uint32_t u = s->g[subj].t0, e;
        if (u > s->t0 && WIS(s, u - 1, "the")) u--;
        if (u <= s->t0 || !(dy_dict_wclass(s->c->dict, s->t[u - 1].id) & DY_WC_START_PAT) || (s->t[u - 1].flags & DY_TF_CAP) ||
            ev_gram_is(s, u - 1, DY_G_SAY, &e))
            break;
        int up = ev_find_source(s, u - 1);
        if (up < 0 || s->g[up].comp == s->g[subj].comp) break;
        subj = up;
    }
    return subj >= 0 && s->g[subj].comp != s->g[src].comp ? subj : src;
}

/* The first actor of the sentence that is no object of a preposition, before head. */
/* "Putin said that Belarus had nothing to do with it and urged the EU to talk": a speech act
 * (an appeal, a demand, a rebuke: roots 01, 02, 10-13) joined by "and" after a reported "that"
 * clause is the speaker's, not the clause's subject's. */
int ev_speaker_and_verb(const sctx *s, uint32_t head, const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (!(root == 1 || root == 2 || (root >= 10 && root <= 13))) return 0;
    uint32_t j = head, n = 0;
    while (j-- > s->t0 && n++ < 3 && !WIS(s, j, "and"))
        if (group_at(s, j) >= 0 || !(s->t[j].flags & DY_TF_WORD)) return 0;
    if (j < s->t0 || j >= head || !WIS(s, j, "and")) return 0;
    for (uint32_t q = j; q-- > s->t0;) {
        if (s->t[q].flags & (DY_TF_CLAUSE | DY_TF_END)) return 0;
        uint32_t e;
        if (WIS(s, q, "that") && q > s->t0) {
            for (uint32_t r = q, k = 0; r-- > s->t0 && k < 4; k++)
                if (ev_gram_is(s, r, DY_G_SAY, &e) && e <= q) return 1;
            return 0;
        }
        /* "Obama said Turkey had a right to ... and urged": the clause's subject right after */
        if (ev_gram_is(s, q, DY_G_SAY, &e) && e < j && group_at(s, e) >= 0 && s->g[group_at(s, e)].t0 == e) return 1;
    }
    return 0;
}

int ev_sentence_subject(const sctx *s, uint32_t head)
{
    for (size_t k = 0; k < s->ng && s->g[k].t1 <= head; k++) {
        const dy_actor *g = &s->g[k];
        if (!g->code[0] || g->locative || g->modifier || (g->prep && !g->poss)) continue;
        return g->comp;
    }
    return -1;
}

/* "Blinken urged Saied in a phone call to ...", "Modi raised the issue with Xi during talks": a
 * meeting's noun (root 04) framing the clause (a preposition, "a" or "an", at most one word
 * between, then the noun) has no owner of its own; its parties are the clause's subject and the first actor
 * of another country after it. 1 with *src and *tgt set, else 0. */
int ev_framing_parties(const sctx *s, const match *m, int *src, int *tgt)
{
    const dy_dict *d = s->c->dict;
    uint32_t j = m->head;
    for (int n = 0; n < 3 && j > s->t0; n++) {
        j--;
        if (dy_dict_wclass(d, s->t[j].id) & DY_WC_DET) break;
        if (group_at(s, j) >= 0 || !(s->t[j].flags & DY_TF_WORD) || n == 2) return 0;
    }
    if (j <= s->t0 || !(dy_dict_wclass(d, s->t[j].id) & DY_WC_DET) ||
        !((dy_dict_wclass(d, s->t[j - 1].id) & DY_WC_PREP) || WIS(s, j - 1, "during")))
        return 0;
    /* "Pyongyang's response to the meeting": a definite noun names a meeting told before, whose
     * parties are others; "during the talks" frames the clause all the same */
    if (!WIS(s, j, "a") && !WIS(s, j, "an") && !WIS(s, j - 1, "during")) return 0;
    int a = ev_sentence_subject(s, m->head);
    /* "During a phone call, Yoon urged Kishida ...": a fronted frame's clause follows its comma */
    for (uint32_t i = m->end - 1; a < 0 && i < s->t1 && i < m->end + 4; i++)
        if (s->t[i].flags & DY_TF_COMMA) {
            for (size_t k = 0; k < s->ng && a < 0; k++)
                if (s->g[k].t0 > i && !s->g[k].locative && !s->g[s->g[k].comp].prep && s->g[k].code[0]) a = s->g[k].comp;
        }
    if (a < 0 || !is_named(s, a) || is_pair(s, a) || !dy_code_is_country(s->g[a].code)) return 0;
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->t0 < s->g[a].t1 || g->comp == a || g->locative || g->modifier || g->code2[0] || !is_named(s, (int)k)) continue;
        if (!dy_code_is_country(g->code) || !strncmp(g->code, s->g[a].code, 3)) continue;
        *src = a;
        *tgt = g->comp;
        return 1;
    }
    return 0;
}

/* "Cambodian forces fired rockets into Thai territory, killing civilians": a participle right
 * after a comma (not the sentence's first clause) opens a clause whose subject is the main
 * clause's; it tells the result of the act before it. */
int ev_participial_at(const sctx *s, uint32_t head)
{
    if (head < s->t0 + 2 || !(s->t[head - 1].flags & DY_TF_COMMA) || group_at(s, head) >= 0) return 0;
    if (!ev_ing_form(s, head)) return 0;
    int subj = ev_sentence_subject(s, head);
    return subj >= 0 && s->g[subj].t1 < head - 1;
}

/* The sentence has an event already from the actor at src with the same CAMEO root: the main
 * clause's act, which the participle only tells the result of ("fired rockets, killing ..."). */
int ev_sentence_has_event_from(const sctx *s, int src, const char *code)
{
    const dy_coder *c = s->c;
    uint32_t a = s->t[s->g[src].t0].start;
    for (size_t k = c->nev; k-- > 0 && c->ev[k].sent == s->sidx;)
        if (c->ev[k].src_start == a && !strncmp(c->ev[k].code, code, 2)) return 1;
    return 0;
}

/* "Obama wants Putin to attack ...", "urged Iran to stop ...": the actor before "to VERB" is the
 * object of the verb before it, and what it is asked to do has not happened. */
int ev_complement_at(const sctx *s, uint32_t head)
{
    if (head < s->t0 + 2 || !WIS(s, head - 1, "to")) return 0;
    int g = group_at(s, head - 2);
    if (g < 0 || s->g[g].anaphor) return 0;
    uint32_t j = s->g[s->g[g].comp].t0;
    if (j > s->t0 && WIS(s, j - 1, "the")) j--;
    if (j == s->t0) return 0;
    uint16_t f = s->t[j - 1].flags;
    return (f & DY_TF_WORD) && !(f & DY_TF_CAP) && !(dy_dict_wclass(s->c->dict, s->t[j - 1].id) & (DY_WC_PREP | DY_WC_CLAUSE));
}

/* "Under the deal, Washington will pull out ...", "Under the agreement, troops are to withdraw":
 * the sentence states the terms of an agreement, not an act nor an actor's own announcement. */
static int treaty_terms(const sctx *s)
{
    uint32_t j = s->t0;
    if (j + 2 >= s->t1 || !WIS(s, j, "under")) return 0;
    j++;
    if (WIS(s, j, "the") || WIS(s, j, "this") || WIS(s, j, "that") || WIS(s, j, "a") || WIS(s, j, "an") ||
        (s->t[j].flags & DY_TF_POSS))
        j++;
    for (uint32_t k = j; k < s->t1 && k < j + 3; k++) {
        if (s->t[k].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
        if (dy_dict_word_is(s->c->dict, DY_G_TERMS, s->t[k].id)) return 1;
    }
    return 0;
}

/* "faces pressure from Congress to help Iran", "calls by the EU to lift ...": the act after "to"
 * is what a demand asks for, not one done. */
static int demanded_act(const sctx *s, uint32_t head)
{
    if (head < s->t0 + 2 || !WIS(s, head - 1, "to")) return 0;
    for (uint32_t j = head - 1, n = 0; j-- > s->t0 && n < 6; n++) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
        if (dy_dict_word_is(s->c->dict, DY_G_DEMAND, s->t[j].id)) return 1;
    }
    return 0;
}

/* "announced it would", "said on Wednesday that it would": a speech verb ends at most four
 * words (a date, "that") before token i, with no actor or comma between. */
static int said_before(const sctx *s, uint32_t i)
{
    /* offer22: "told reporters (that) the United States would stop": the article opens the
     * subject, so the listener and "that" stand before it */
    if (i > s->t0 + 1 && WIS(s, i - 1, "the")) i--;
    /* intent18: "said in a televised address that his government would": a clause opened by
     * "that" may stand further from its speech verb */
    uint32_t lim = (i > s->t0 && WIS(s, i - 1, "that")) || (i > s->t0 + 1 && WIS(s, i - 2, "that")) ? 9 : 5;
    /* acc20a: where a listener may end: right before the subject, or before "that" and a date
     * ("Xi told Tokayev on Wednesday that China would") */
    uint32_t lend = i;
    if (i > s->t0 && WIS(s, i - 1, "that")) {
        lend = i - 1;
        for (size_t k = 0; k < s->ndates; k++)
            if (s->dates[k].t1 == lend && s->dates[k].t0 < lend) {
                lend = s->dates[k].t0;
                if (lend > s->t0 + 1 && (WIS(s, lend - 1, "on") || WIS(s, lend - 1, "in"))) lend--;
                break;
            }
        /* offer22: and before a place the words were told at ("told reporters at the White
         * House that the United States would") */
        int pl = lend > s->t0 + 2 ? group_at(s, lend - 1) : -1;
        if (pl >= 0 && s->g[pl].locative && s->g[pl].t1 == lend) {
            uint32_t b = s->g[pl].t0;
            if (b > s->t0 + 1 && WIS(s, b - 1, "the")) b--;
            if (b > s->t0 + 1 && (dy_dict_wclass(s->c->dict, s->t[b - 1].id) & DY_WC_PREP)) lend = b - 1;
        }
    }
    for (uint32_t q = i, n = 0; q-- > s->t0 && n < lim; n++) {
        uint32_t e;
        if (q > lend && q + 1 < i) continue;     /* a date or a place before "that" */
        if (ev_gram_is(s, q, DY_G_SAY, &e) && e <= i) return 1;
        /* intent18: "told reporters he would": the listener between the speech verb and the subject;
         * acc20a: and before "that" ("Xi told Tokayev that China would firmly support") */
        int l = group_at(s, q);
        if (l >= 0 && (q + 1 == i || q + 1 == lend) && s->g[l].t0 > s->t0 && ev_gram_is(s, s->g[l].t0 - 1, DY_G_SAY, &e) && e == s->g[l].t0)
            return 1;
        /* "said the impasse had been overcome and that he would travel": a second reported clause */
        if (WIS(s, q, "that") && q > s->t0 + 1 && WIS(s, q - 1, "and")) {
            for (uint32_t r = q - 1, k = 0; r-- > s->t0 && k < 20; k++) {
                if (s->t[r].flags & DY_TF_END) return 0;
                if (ev_gram_is(s, r, DY_G_SAY, &e) && e < q) return 1;
            }
            return 0;
        }
        if (group_at(s, q) >= 0 || (s->t[q].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) return 0;
    }
    return 0;
}

/* second17: "said it was severing ties with Taiwan and would recognise Beijing": "and" at j goes on
 * with a clause reported after a speech verb (its subject right after it), so a "would" after it
 * is announced too. */
static int reported_before_and(const sctx *s, uint32_t j)
{
    for (uint32_t q = j, n = 0; q-- > s->t0 && n < 15; n++) {
        if (s->t[q].flags & (DY_TF_END | DY_TF_CLAUSE)) return 0;
        int g = group_at(s, q);
        if (g >= 0 && s->g[g].t0 == q && said_before(s, q)) return 1;
    }
    return 0;
}

/* "Prime Minister Theresa May expelled ...": a mood word inside a named actor is part of the name. */
static int in_name(const sctx *s, uint32_t j)
{
    int g = group_at(s, j);
    return g >= 0 && !s->g[g].anaphor && j > s->g[g].t0 && (s->t[j].flags & DY_TF_CAP);
}

/* "Trade talks between the two countries, which stalled last year, have not resumed": a noun
 * opening the sentence is the subject of the verb after its phrase (a relative clause between
 * commas passed over); a negated verb there negates it. */
int ev_negated_predicate(const sctx *s, const match *m)
{
    if (m->head > s->t0 + 2 || !(s->t[m->head].flags & DY_TF_WORD)) return 0;
    for (uint32_t j = s->t0; j < m->head; j++)
        if (group_at(s, j) >= 0) return 0;
    uint32_t j = m->end;
    for (;;) {      /* "between Canada and India" */
        if (j < s->t1 && group_at(s, j) >= 0) j = s->g[group_at(s, j)].t1;
        else if (j + 1 < s->t1 && (WIS(s, j, "and") || WIS(s, j, "the")) && group_at(s, j + 1) >= 0) j++;
        else break;
    }
    if (j + 1 < s->t1 && (s->t[j].flags & DY_TF_COMMA) && (WIS(s, j + 1, "which") || WIS(s, j + 1, "who"))) {
        for (j += 2; j < s->t1 && !(s->t[j].flags & (DY_TF_COMMA | DY_TF_END)); j++) {}
        if (j >= s->t1 || !(s->t[j].flags & DY_TF_COMMA)) return 0;
        j++;
    }
    for (uint32_t n = 0; j < s->t1 && n < 3; j++, n++) {
        uint32_t e;
        if (ev_gram_class_at(s, j, &e) == DY_G_NEGATE) return 1;
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
    }
    return 0;
}

/* acc10: "accused Azerbaijan of orchestrating the blockade", "blamed Kyiv for staging attacks": a
 * noun act that is the object of a gerund after "of" or "for" is what is claimed; returns the
 * gerund's token (which the caller checks for its preposition), else s->t0. */
static uint32_t accused_gerund_object(const sctx *s, uint32_t head)
{
    uint32_t j = head;
    if (j > s->t0 && (WIS(s, j - 1, "the") || WIS(s, j - 1, "a") || WIS(s, j - 1, "an"))) j--;
    if (j < s->t0 + 2 || !ev_is_nominal(s, head)) return s->t0;
    if (!ev_ing_form(s, j - 1) || !(WIS(s, j - 2, "of") || WIS(s, j - 2, "for"))) return s->t0;
    return j - 1;
}

int ev_mood_at(const sctx *s, uint32_t head)
{
    uint32_t start = head > s->t0 + 15 ? head - 15 : s->t0;
    /* sense15: "agreed to step down after supporters attacked activists": a mood word of the main
     * clause says nothing of the act a subordinate clause with its own subject tells */
    uint32_t opener = clause_opener_before(s, head);
    if (opener < s->t1 && opener + 1 > start) start = opener + 1;
    for (uint32_t j = head; j-- > start;) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) { start = j + 1; break; }
        /* "the sanctions had failed to improve ... and accused ...": another verb's clause; but
         * "If Russia and China attack" is one clause with a compound subject */
        /* acc19b: "insinuations that New Delhi had pressed Colombo", "speculation that ...": the
         * content of a word of speculation is no fact */
        uint32_t e;
        if (WIS(s, j, "that") && j > s->t0 && ev_gram_class_at(s, j - 1, &e) == DY_G_HYPO && e == j) return DY_MOOD_HYPOTHETICAL;
        /* lead31: "avoided new tariffs after agreeing to deploy troops": a gerund clause after
         * "after", "before", "while", "since" or "upon" has its own mood */
        if ((WIS(s, j, "after") || WIS(s, j, "before") || WIS(s, j, "while") || WIS(s, j, "since") || WIS(s, j, "upon")) &&
            j + 1 <= head && ev_ing_form(s, j + 1)) {
            start = j + 1;
            break;
        }
        if (WIS(s, j, "that") ||
            ((WIS(s, j, "and") || WIS(s, j, "but")) && j + 1 < s->t1 && group_at(s, j + 1) < 0 &&
             !WIS(s, j + 1, "to") &&     /* "committed to keep talking and to meet": one verb's */
             !(j + 2 < s->t1 && WIS(s, j + 1, "the") && group_at(s, j + 2) >= 0))) {
            start = j + 1;
            break;
        }
    }
    /* "accused Seoul of supplying ...", "criticised for seeking to ...", "without consulting":
     * a gerund after a preposition is what someone claims or wants, not an act */
    {
        uint32_t j = head;
        if (j >= s->t0 + 2 && WIS(s, j - 1, "to")) {
            if (ev_ing_form(s, j - 2)) j -= 2;
        } else {
            if (!ev_ing_form(s, j)) j = accused_gerund_object(s, j);
            /* sense15: "accusing parliament of paralysing the government and sympathising with
             * North Korea": a gerund after "and" shares the preposition of the gerund before it */
            else if (j > s->t0 + 2 && (WIS(s, j - 1, "and") || WIS(s, j - 1, "or")))
                for (uint32_t q = j - 2, n = 0; q > s->t0 && n < 10; q--, n++) {
                    if (s->t[q].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) break;
                    if (ev_ing_form(s, q) && (WIS(s, q - 1, "of") || WIS(s, q - 1, "for") || WIS(s, q - 1, "about") ||
                                              WIS(s, q - 1, "against") || WIS(s, q - 1, "without"))) { j = q; break; }
                }
        }
        if (j > s->t0) {
            const char *p = W(s, j - 1);
            if (!strcmp(p, "without")) return DY_MOOD_NEGATED;
            if ((!strcmp(p, "of") && !framed_span(s, j - 1)) || !strcmp(p, "for") || !strcmp(p, "about") || !strcmp(p, "against"))
                return DY_MOOD_HYPOTHETICAL;
            /* "held talks on expanding trade", "a row over extending the deal": a topic */
            if (!strcmp(p, "on") || !strcmp(p, "over") || !strcmp(p, "regarding") || !strcmp(p, "concerning")) return DY_MOOD_HYPOTHETICAL;
            /* "a trip aimed at pushing for a ceasefire": a purpose */
            if (!strcmp(p, "at") && j > s->t0 + 1 && !strncmp(W(s, j - 2), "aim", 3)) return DY_MOOD_HYPOTHETICAL;
        }
    }
    if (start == head && ev_conditional_series(s, head)) return DY_MOOD_HYPOTHETICAL;
    int mood = DY_MOOD_FACTUAL, committed = 0;
    for (uint32_t j = start; j < head; j++) {
        uint32_t e;
        if (in_name(s, j)) continue;
        if (j > s->t0 && (s->t[j].flags & DY_TF_CAP)) continue;     /* "Theresa May had expelled" */
        int cls = ev_gram_class_at(s, j, &e);
        if (cls == DY_G_NEGATE) return DY_MOOD_NEGATED;
        /* "restored relations in May": the month, capitalised inside the sentence or before a day */
        if (cls == DY_G_HYPO && WIS(s, j, "may") && (s->t[j].flags & DY_TF_CAP) &&
            (j > s->t0 || (j + 1 < s->t1 && (s->t[j + 1].flags & DY_TF_NUM))))
            continue;
        if (cls == DY_G_HYPO) {
            /* "announced it would free ...": reported intent, not a condition */
            if (WIS(s, j, "would") && j >= s->t0 + 2 &&
                ((group_at(s, j - 1) >= 0 && said_before(s, s->g[group_at(s, j - 1)].t0)) ||
                 (WIS(s, j - 1, "and") && reported_before_and(s, j - 1)))) {
                if (mood == DY_MOOD_FACTUAL) mood = DY_MOOD_INTENT;
                continue;
            }
            mood = DY_MOOD_HYPOTHETICAL;
        }
        if ((cls == DY_G_INTENT || cls == DY_G_PLEDGE) && mood == DY_MOOD_FACTUAL) mood = DY_MOOD_INTENT;
        if ((cls == DY_G_INTENT || cls == DY_G_PLEDGE) && dy_dict_word_is(s->c->dict, DY_G_COMMIT, s->t[j].id)) committed = 1;
    }
    /* offer22: under a deal's terms, "will" and "is to" tell the deal's content, but a party's
     * own commitment ("Under the pact, Australia has committed to help Tuvalu") is its intent */
    if (mood == DY_MOOD_INTENT && !committed && treaty_terms(s)) mood = DY_MOOD_HYPOTHETICAL;
    /* lead31: "Under the treaty, Kyrgyzstan hands over the land": a term in the present tense;
     * a past act under a deal ("Under the deal, Hamas released 33 hostages") stays one */
    if (mood == DY_MOOD_FACTUAL && !committed && s->t[head].nlen > 3 && W(s, head)[s->t[head].nlen - 1] == 's' &&
        W(s, head)[s->t[head].nlen - 2] != 's' && treaty_terms(s))
        mood = DY_MOOD_HYPOTHETICAL;
    if (demanded_act(s, head)) mood = DY_MOOD_HYPOTHETICAL;
    /* a question is not a statement */
    if (s->t1 > s->t0 && WIS(s, s->t1 - 1, "?")) mood = DY_MOOD_HYPOTHETICAL;
    return mood;
}

/* PETRARCH's convention for a cooperative act that is negated: its rejection (CAMEO 12x):
 * "would not provide support" 121, "did not agree to meet" 125; NULL for other roots. */
static const char *rejection_code(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    switch (root) {
    case 3: case 5: return "120";
    case 4: return "125";
    case 6: case 7: return "121";
    case 8: return "124";
    default: return NULL;
    }
}

/* The CAMEO code that announces an act: intent to cooperate (03x) for the cooperative roots,
 * a threat (13x) for force and sanctions; NULL where an announcement is no event of its own. */
const char *ev_intent_code(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    switch (root) {
    case 3: case 13: return code;
    case 4: return "036";
    case 5: return "032";
    case 6: return !strncmp(code, "062", 3) ? "0312" : !strncmp(code, "064", 3) ? "0314" : !strncmp(code, "063", 3) ? "0313" : "0311";
    case 7: return !strncmp(code, "071", 3) ? "0331" : !strncmp(code, "072", 3) ? "0332" : !strncmp(code, "073", 3) ? "0333" : !strncmp(code, "074", 3) ? "0334" : "033";
    case 8: return !strncmp(code, "084", 3) ? "0353" : !strncmp(code, "085", 3) ? "0354" : !strncmp(code, "087", 3) ? "0356" : "035";
    case 15: return "138";
    case 16: return !strncmp(code, "161", 3) ? "1313" : !strncmp(code, "162", 3) ? "1311" : !strncmp(code, "163", 3) ? "1312" :
                    !strncmp(code, "164", 3) ? "134" : !strncmp(code, "165", 3) ? "135" : !strncmp(code, "166", 3) ? "136" : "131";
    case 17: return "137";
    case 18: return "1383";
    case 19: return !strncmp(code, "191", 3) ? "1381" : !strncmp(code, "192", 3) ? "1382" : "1384";
    case 20: return !strncmp(code, "204", 3) ? "1385" : "1383";
    default: return NULL;
    }
}

/* A passive pattern with its own source slot ("four civilians were killed in S shelling"): the
 * source is the slot, the target the passive subject, else the pattern's T, else the first
 * actor after the pattern ("... in the east of the Gaza Strip"). */
void ev_passive_slot(const sctx *s, const match *m, int subj, uint32_t limit, int *src, int *tgt)
{
    *src = s->g[m->src].comp;
    if (subj >= 0 && s->g[subj].comp == *src) subj = -1;
    int after = m->tgt >= 0 ? s->g[m->tgt].comp : ev_find_target(s, m->end, limit);
    /* "three people were killed in a Russian missile attack on Kyiv": a bare agent as the
     * subject yields to a named actor after */
    *tgt = subj >= 0 && (is_named(s, subj) || after < 0 || !is_named(s, after)) ? subj : after;
}

/* "al-Shabab claimed responsibility for a deadly attack targeting shoppers at a mall in Kenya's
 * capital": the target of a claimed act is the first actor in the rest of its clause, however
 * long the description of the act. */
int ev_claimed_target(const sctx *s, const match *m)
{
    uint32_t end = m->end;
    while (end < s->t1 && !(s->t[end].flags & (DY_TF_END | DY_TF_CLAUSE | DY_TF_COMMA))) end++;
    return ev_find_target(s, m->end, end);
}

/* "The civilians imprisoned for acting against Moscow were released ...": a participle right after
 * its noun, with no object but a preposition after it, and a verb "to be" later in the sentence,
 * is a shortened passive clause, not the sentence's verb. Only after people named by a role: a
 * state or a person is the subject of its verb ("Israel bombed for hours ..."). */
int ev_reduced_relative(const sctx *s, const match *m)
{
    uint32_t h = m->head;
    if (m->tgt >= 0 || h == s->t0 || m->end >= s->t1 || m->end != h + 1) return 0;
    const char *w = W(s, h);
    size_t l = s->t[h].nlen;
    if (l < 4 || memcmp(w + l - 2, "ed", 2) != 0) return 0;
    int g = group_at(s, h - 1);     /* people named by a role: "civilians", "three activists" */
    if (g < 0 || s->g[g].prep || s->g[g].kind != DY_GK_AGENT || s->g[g].anaphor) return 0;
    if (m->end + 1 < s->t1 && (s->t[m->end + 1].flags & DY_TF_NUM)) return 0;    /* "arrested over 100" */
    int pr = 0;
    if (dy_dict_word_is(s->c->dict, DY_G_SPAN_PREP, s->t[m->end].id)) pr = 1;
    if (!pr) return 0;
    for (uint32_t j = m->end + 1; j < s->t1; j++) {
        uint32_t e;
        if (s->t[j].flags & (DY_TF_CLAUSE | DY_TF_END)) return 0;
        if (ev_gram_is(s, j, DY_G_BE, &e)) return 1;
    }
    return 0;
}

/* sense15: "agreed to take back migrants deported from the United States", "detained several
 * officers allied with Machar": a participle right after people named by a role that are the
 * object of a verb before it in the clause, with a preposition (not "by") after it, describes them (a
 * shortened relative clause), no act of the sentence. */
int ev_object_participle(const sctx *s, const match *ms, size_t k)
{
    const match *m = &ms[k];
    uint32_t h = m->head;
    if (k == 0 || h == s->t0 || h + 1 >= s->t1) return 0;
    if (!ev_ed_form(s, h)) return 0;
    /* "soldiers abducted by smugglers": an agent named after "by" is left to the passive */
    if (!(dy_dict_wclass(s->c->dict, s->t[h + 1].id) & DY_WC_PREP) || WIS(s, h + 1, "by")) return 0;
    int g = group_at(s, h - 1);
    if (g < 0 || s->g[g].t1 != h || s->g[g].prep || s->g[g].kind != DY_GK_AGENT || s->g[g].anaphor) return 0;
    const match *q = &ms[k - 1];
    if (q->end > s->g[g].t0 || q->head >= s->g[g].t0) return 0;
    for (uint32_t j = q->end; j < s->g[g].t0; j++)
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END) || WIS(s, j, "and") || WIS(s, j, "as")) return 0;
    return 1;
}

/* "Russia vetoed a resolution on North Korea": a veto or a vote against a body's text is cast at
 * the body (the pattern's flag to=IGOUNO), not at what the text is about. When the phrase names
 * no actor at T, an actor of that code is added for the event (at the pattern's last word) and
 * its index returned; the caller removes it after the event (drop_body). -1 when not a case. */
int ev_body_target(sctx *s, const match *m, const dy_pattern *p)
{
    if (!p->to[0] || s->ng >= DY_MAX_ACTORS) return -1;
    dy_actor *g = &s->g[s->ng];
    memset(g, 0, sizeof *g);
    g->t0 = m->end - 1;
    g->t1 = m->end;
    snprintf(g->code, sizeof g->code, "%s", p->to);
    g->kind = DY_GK_STATE;
    g->comp = (int16_t)s->ng;
    g->ncomp = 1;
    ev_ex(s->c, "    target %s: the body whose text it is (to=%s)\n", p->to, p->to);
    return (int)s->ng++;
}

int ev_role_is(const sctx *s, int g, const char *roles)
{
    const char *c = s->g[s->g[g].comp].code;
    if (strlen(c) < 6 || c[0] == '-') return 0;
    for (const char *r = roles; *r; r += 3)
        if (!strncmp(c + 3, r, 3)) return 1;
    return 0;
}

/* "Chad declared a state of emergency": a country named by itself acts as its government */
static int state_itself(const sctx *s, int g)
{
    const dy_actor *a = &s->g[s->g[g].comp];
    return a->kind == DY_GK_STATE && !a->anaphor && !a->filled && a->ncomp < 2 && strlen(a->code) == 3 && dy_code_is_country(a->code);
}

/* "people rallied outside Istanbul city hall": a target that is a place of the source's own
 * country names where the act was, not whom it was aimed at. */
/* "thousands of Kenyans": a country's people counted with "of" are a crowd, not the state */
static int counted_people(const sctx *s, int g)
{
    const dy_actor *a = &s->g[g];
    return a->of && a->kind == DY_GK_STATE && !a->anaphor && strlen(s->g[a->comp].code) == 3;
}

int ev_own_place(const sctx *s, int src, int tgt)
{
    const char *a = s->g[s->g[src].comp].code, *b = s->g[s->g[tgt].comp].code;
    return s->g[tgt].kind == DY_GK_STATE && strlen(b) == 3 && !s->g[tgt].anaphor && a[0] != '-' && !strncmp(a, b, 3) &&
           (strlen(a) > 3 || counted_people(s, src));
}

/* The target a domestic act leaves unnamed, as the held-out sets code it: a crowd that
 * "protested in Lima" or "marched through Yangon" protests to its government (the place's
 * country, else its own, + GOV); a government that "imposed a curfew" or "shut down the
 * internet", or police that "broke up a demonstration", act on its own public (+ CVL; not in
 * place of a target that is its own country's place, replace: "bans on travel to Canada"); an opposition that "rejected the result" rejects
 * its government (+ GOV). The actor is added for the event as body_target's
 * is (removed by drop_body); -1 when not a case. */
/* "The junta imposed a curfew across the country": a reference to the source's own country is
 * the place of a domestic act, not its target (implied_target names the public instead). */
int ev_own_country_ref(const sctx *s, int src, int tgt)
{
    const dy_actor *t = &s->g[s->g[tgt].comp];
    return t->anaphor && strlen(t->code) == 3 && !strncmp(t->code, s->g[s->g[src].comp].code, 3);
}

/* Adds an actor CC+ROLE at the end of the match, for one event (removed by drop_body). */
static int add_role(sctx *s, const match *m, const char *cc, const char *role, uint8_t filled)
{
    dy_actor *g = &s->g[s->ng];
    memset(g, 0, sizeof *g);
    g->t0 = m->end - 1;
    g->t1 = m->end;
    snprintf(g->code, sizeof g->code, "%.3s%s", cc, role);
    g->kind = DY_GK_AGENT;
    g->filled = filled;
    g->comp = (int16_t)s->ng;
    g->ncomp = 1;
    return (int)s->ng++;
}

int ev_implied_target(sctx *s, const match *m, const dy_pattern *p, int src, int replace)
{
    const char *role;
    int own = 0;     /* the source's own country, not a place named after the act */
    /* acc21a: ... and one that "vowed to return to the streets" threatens it with protest (133) */
    if (p->code[0] == '1' && (p->code[1] == '4' || !strncmp(p->code, "133", 3)) && (ev_role_is(s, src, "CVLOPPLABEDUHLHAGRBUSMEDREL") || counted_people(s, src))) role = "GOV";
    /* ... and that "lifted the curfew" or "ended martial law" eases it for that public */
    else if ((((!strncmp(p->code, "172", 3) || !strncmp(p->code, "081", 3)) && p->code[3] != '2' && (p->code[3] || p->code[1] == '8')) ||
              !strncmp(p->code, "175", 3)) && !replace &&
             (ev_role_is(s, src, "GOVMILCOPJUD") || state_itself(s, src))) role = "CVL";
    /* "the opposition leader rejected the result": an opposition's rejection answers its government */
    else if (p->code[0] == '1' && p->code[1] == '2' && !replace && ev_role_is(s, src, "OPP")) role = "GOV";
    /* "officers broke up a demonstration": repression at home with no victim named hits its public */
    else if (!strncmp(p->code, "175", 3) && !replace && ev_role_is(s, src, "GOVMILCOP")) role = "CVL";
    /* "soldiers patrolled the streets of Santiago": a show of force at home is aimed at its public */
    else if (p->code[0] == '1' && p->code[1] == '5' && replace && ev_role_is(s, src, "MILCOP")) role = "CVL";
    /* dom10: "the opposition demanded a rerun", "union leaders condemned the plan": an
     * opposition's or a union's demand or criticism with no one named is put to its government */
    else if (p->code[0] == '1' && (p->code[1] == '0' || p->code[1] == '1') && !replace && ev_role_is(s, src, "OPPLAB")) role = "GOV";
    /* domestic22: "students blocked road junctions for weeks, demanding that those responsible
     * be held to account": so is a crowd's demand */
    else if (p->code[0] == '1' && p->code[1] == '0' && !replace && (ev_role_is(s, src, "CVL") || counted_people(s, src))) role = "GOV";
    /* dom10: "the court annulled the election": a court's ruling against an act of state with no
     * party named is against its government */
    else if (!strncmp(p->code, "116", 3) && !replace && ev_role_is(s, src, "JUD")) role = "GOV";
    /* dom10: "separatists blew up the track", "gunmen took passengers hostage", "insurgents seized
     * two villages": an armed group of the story's country acting with no victim named acts at home */
    else if (!replace && !strncmp(s->g[s->g[src].comp].code, dy_story_country(&s->c->story), 3) && ev_role_is(s, src, "REBUAFCRM") &&
             ((p->code[0] == '1' && (p->code[1] == '7' || p->code[1] == '8')) || !strncmp(p->code, "192", 3)))
        role = p->code[1] == '8' ? "CVL" : "GOV";
    /* domestic22: "the militants declared a ceasefire", "fighters burned their weapons": an armed
     * group laying down its arms with no party named does so toward its own state */
    else if (!replace && !strncmp(p->code, "087", 3) && ev_role_is(s, src, "REB")) role = "GOV", own = 1;
    /* gen15: "police arrested several suspects", "gendarmes shot dead two men", "border guards
     * detained a former leader": a state force's arrest (173), or the police's use of force
     * (19x), in the story's own country with no party named hits its public */
    else if (!replace && !strncmp(s->g[s->g[src].comp].code, dy_story_country(&s->c->story), 3) &&
             ((!strncmp(p->code, "173", 3) && ev_role_is(s, src, "COPMILJUD")) ||
              (p->code[0] == '1' && p->code[1] == '9' && !p->sym && ev_role_is(s, src, "COP"))))
        role = "CVL";
    else return -1;
    if (s->ng >= DY_MAX_ACTORS) return -1;
    char cc[4];
    memcpy(cc, s->g[s->g[src].comp].code, 3);
    cc[3] = 0;
    for (size_t k = 0; k < s->ng && role[0] == 'G' && !own; k++)
        if (s->g[k].locative && s->g[k].kind == DY_GK_STATE && strlen(s->g[k].code) == 3 && dy_code_is_country(s->g[k].code) &&
            s->g[k].t0 >= m->end) { memcpy(cc, s->g[k].code, 3); break; }
    /* a country's own public is a party to its act, as a sentence's filled role is (domestic_dyad) */
    int g = add_role(s, m, cc, role, state_itself(s, src) ? DY_FILLED_SENTENCE : DY_FILLED_STORY);
    ev_ex(s->c, "    target %s: the one a domestic act leaves unnamed\n", s->g[g].code);
    return g;
}

/* acc13: "Tamara Lich and Chris Barber, two of the protest's main organisers, were arrested": an
 * arrest in the passive with no agent and no authority telling it, of people of the story's
 * country, is its police's (an actor added as ev_implied_target's is); -1 when not a case. */
int ev_implied_police(sctx *s, const match *m, const char *code, int subj)
{
    const char *sc = dy_story_country(&s->c->story);
    if (strncmp(code, "173", 3) != 0 || subj < 0 || !sc[0] || s->ng >= DY_MAX_ACTORS) return -1;
    const char *c = s->g[s->g[subj].comp].code;
    if (strncmp(c, sc, 3) != 0 || ev_role_is(s, subj, "COPMILGOVJUD")) return -1;
    int g = add_role(s, m, sc, "COP", DY_FILLED_STORY);
    ev_ex(s->c, "    source %s: the police an arrest at home leaves unnamed\n", s->g[g].code);
    return g;
}

/* "condemned the attack on its embassy": a hostile act's noun whose pattern ends in "on" or
 * "against" names its victim next, which is no party to the condemnation. */
static int victim_ends_match(const sctx *s, const match *m)
{
    return m->end > m->head + 1 && (WIS(s, m->end - 1, "on") || WIS(s, m->end - 1, "against"));
}

/* The subject itself named again: its own component, or a reference or the bare name of its
 * own country ("Washington would respond accordingly to what he called ..."). */
static int subject_again(const sctx *s, int src, int tgt)
{
    const dy_actor *a = &s->g[s->g[src].comp], *b = &s->g[s->g[tgt].comp];
    if (a == b) return 1;
    if (strncmp(a->code, b->code, 3) != 0 || !dy_code_is_country(a->code)) return 0;
    return a->anaphor || b->anaphor || strlen(a->code) == 3 || strlen(b->code) == 3;
}

/* For a hostile act named by a noun (flag author): an actor after "by" is its author; one after
 * "as" ("condemned the strikes as a violation of Yemen's sovereignty"), after a purpose "to"
 * ("vowed to take all necessary measures to protect its companies") or the subject named again
 * ("said it did not recognise the decision, arguing that it ...") is no party, and then the
 * author comes from the context (-2); another actor ("the attack on Kyiv") stays the target. */
int ev_author_in_clause(const sctx *s, const match *m, int src, int tgt)
{
    if (victim_ends_match(s, m)) return -2;
    if (tgt < 0) return -2;
    for (uint32_t j = m->end; j < s->g[tgt].t0; j++) {
        /* acc16a: "welcomed the decision, saying it would allow his government to ...": an actor
         * past a comma belongs to the next clause, not to the act the noun names */
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return -2;
        if (WIS(s, j, "by")) return tgt;
        if (WIS(s, j, "as") || (j == m->end && WIS(s, j, "to"))) return -2;
    }
    return src >= 0 && subject_again(s, src, tgt) ? -2 : tgt;
}

/* "vetoed a draft demanding a ceasefire", "voted against a resolution condemning Russia": a verb
 * right after a to= act (a veto, a vote) tells what the rejected text says, not what its
 * subject did. */
int ev_rejected_text(const sctx *s, const match *ms, size_t k)
{
    /* back over the text's own verbs ("calling for Russia to withdraw") to the vote */
    for (size_t q = k; q-- > 0;) {
        const match *prev = &ms[q];
        if (ms[q + 1].head < prev->end || ms[q + 1].head > prev->end + 2) return 0;
        for (uint32_t j = prev->end; j < ms[q + 1].head; j++)
            if ((s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) || WIS(s, j, "and")) return 0;
        if (dy_dict_pattern(s->c->dict, prev->pat)->to[0]) return 1;
    }
    return 0;
}

/* "Putin said he would meet Xi", "Sarkozy, seeking to mend ties with China": one actor's announced
 * intent to a symmetric act is its own, not the other side's; "agreed to", and a pair as subject,
 * stay both ways. */
int ev_one_sided_intent(const sctx *s, int src, int tgt, uint32_t head)
{
    if (src < 0 || tgt < 0 || is_pair(s, src)) return 0;
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 6 && j >= s->g[src].t1; n++)
        if (!strncmp(W(s, j), "agree", 5)) return 0;
    return 1;
}

/* "Serbia denied that it had helped the militants": what a denial says did not happen (the
 * denial itself is 016, coded by its own patterns). */
int ev_denied_clause(const sctx *s, uint32_t head)
{
    for (uint32_t j = head, n = 0; j-- > s->t0 + 1 && n < 10; n++) {
        if (s->t[j].flags & (DY_TF_CLAUSE | DY_TF_END | DY_TF_COMMA)) return 0;
        if (WIS(s, j, "that") && (WIS(s, j - 1, "denied") || WIS(s, j - 1, "denies") || WIS(s, j - 1, "deny") || WIS(s, j - 1, "denying")))
            return 1;
    }
    return 0;
}

/* "The US claimed that ISIL had attacked Iraq", "Kyiv said Russian forces shelled Kharkiv": the
 * speaker of reported force accuses its author (112), as PETRARCH's GSR records code it; the
 * reported act itself is coded as usual after "said", not after "claimed" or "alleged", which
 * make it the claim only. 0 done or not a case, 1 the claim only, -1 out of memory. */
/* A speech verb ("said", "claimed") that ends at j, past "the" and "that": its first token, or j
 * when there is none; *claimed when it is a claim ("claimed", "alleged"). */
static uint32_t speech_before(const sctx *s, uint32_t j, int *claimed)
{
    if (j > s->t0 && WIS(s, j - 1, "the")) j--;
    if (j > s->t0 && WIS(s, j - 1, "that")) j--;
    *claimed = 0;
    for (uint32_t k = j; k-- > s->t0 && j - k <= 3;) {
        uint32_t e;
        if (ev_gram_is(s, k, DY_G_SAY, &e) && e == j) return k;
    }
    if (j > s->t0 && dy_dict_word_is(s->c->dict, DY_G_CLAIM, s->t[j - 1].id)) { *claimed = 1; return j - 1; }
    return j;
}

/* The speaker of the speech verb at v: the actor (its whole list) that ends at most three words
 * before it, or the sentence's subject after "and"; -1 when none. */
int ev_speaker_of(sctx *s, uint32_t v)
{
    int who = -1;
    for (int k = (int)s->ng - 1; k >= 0; k--) {
        const dy_actor *g = &s->g[k];
        if (g->t1 > v) continue;
        if (v - g->t1 <= 3 && g->code[0] && !g->prep && !g->modifier) who = g->comp;
        break;
    }
    /* "Belarus denied the charge and said Poland had used force": the speaker of a speech verb
     * after "and" is the sentence's subject */
    if (who < 0 && v > s->t0 && WIS(s, v - 1, "and")) who = ev_sentence_subject(s, v);
    return who;
}

int ev_reported_accusation(sctx *s, const match *m, const dy_pattern *p, int src)
{
    int root = (p->code[0] - '0') * 10 + (p->code[1] - '0');
    if (src < 0 || s->g[src].anaphor || (root != 18 && root != 19 && root != 20)) return 0;
    if (ev_mood_at(s, m->head) != DY_MOOD_FACTUAL) return 0;
    uint32_t j = s->g[src].t0;
    if (s->g[s->g[src].comp].t0 < j) j = s->g[s->g[src].comp].t0;
    int claimed;
    uint32_t v = speech_before(s, j, &claimed);
    if (v == j) return 0;
    int who = ev_speaker_of(s, v);
    if (who < 0 || who == s->g[src].comp || !strncmp(s->g[who].code, s->g[src].code, 3)) return 0;
    const dy_cameo *cam = dy_dict_cameo(s->c->dict, "112");
    ev_ex(s->c, "    reported force: the speaker accuses its author\n");
    if (ev_emit(s, m, "112", cam, who, src, 0, DY_MOOD_FACTUAL) < 0) return -1;
    if (claimed) ev_ex(s->c, "    skipped: a claimed act is the claim only\n");
    return claimed;
}

/* gen15: the sentence has an event already from a party of country a to one of country b in
 * CAMEO root `root` (an accusation coded by its verb). */
static int sentence_has_pair(const sctx *s, const char *a, const char *b, const char *root)
{
    const dy_coder *c = s->c;
    for (size_t k = c->nev; k-- > 0 && c->ev[k].sent == s->sidx;)
        if (!strncmp(c->ev[k].source, a, 3) && !strncmp(c->ev[k].target, b, 3) && !strncmp(c->ev[k].root, root, 2)) return 1;
    return 0;
}

/* The first actor after the speech verb at v (not the one told) is of the speaker's country, and
 * so is one between the blame word at b and the target at t ("the crimes it committed"). */
static int own_party_blamed(const sctx *s, uint32_t v, uint32_t b, uint32_t t, int who)
{
    int first = -1, owner = 0;
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->t0 <= v || !g->code[0] || g->code[0] == '-') continue;
        if (g->t0 == v + 1 && dy_dict_word_is(s->c->dict, DY_G_TELL, s->t[v].id)) continue;
        int own = !strncmp(g->code, s->g[who].code, 3);
        if (first < 0) first = own;
        if (g->t0 > b && g->t0 < t && own) owner = 1;
    }
    return first == 1 && owner;
}

/* gen15: "May told parliament that Moscow was culpable for the attack", "Trudeau said Canadian
 * police had evidence that agents of the Indian government were involved in violent crimes",
 * "said the decision followed years of hostile actions by Moscow": a factual clause reported by
 * a speaker, holding a word of grammar.txt's blame list, accuses (112) the first party of that
 * clause of another country than the speaker's (not the one "told" is said to, not an owner
 * before "'s"); dyad's convention only. One event a
 * sentence, none where the sentence has the speaker's accusation of it already. 0 done, -1 out
 * of memory. */
int ev_reported_blame(sctx *s)
{
    const dy_dict *d = s->c->dict;
    if (s->c->opts.convention == DY_CONV_PETRARCH) return 0;     /* its records code verbs' own acts */
    for (uint32_t v = s->t0; v < s->t1; v++) {
        int told = dy_dict_word_is(d, DY_G_TELL, s->t[v].id);
        if (!told && !dy_dict_word_is(d, DY_G_REPORT, s->t[v].id)) continue;
        /* "criticised Mongolia for failing to arrest the Russian leader and said": the subject */
        int who = v > s->t0 && WIS(s, v - 1, "and") ? ev_sentence_subject(s, v) : ev_speaker_of(s, v);
        if (who < 0 || s->g[who].code[0] == '-' || !s->g[who].code[0]) continue;
        uint32_t b = v + 1;
        /* acc20a: "an agreement on curbing illegal migration": a blame word naming a kind of act
         * ("illegal migration", "illegal fishing") charges no party; a verb before one does
         * ("ignoring fishing limits") */
        while (b < s->t1 && (!dy_dict_word_is(d, DY_G_BLAME, s->t[b].id) ||
                             (b + 1 < s->t1 && !ev_ing_form(s, b) && !ev_ed_form(s, b) &&
                              dy_dict_word_is(d, DY_G_BLAME_FREE, s->t[b + 1].id))))
            b++;
        if (b >= s->t1 || ev_mood_at(s, b) != DY_MOOD_FACTUAL) return 0;
        int tgt = -1;
        for (size_t k = 0; k < s->ng && tgt < 0; k++) {
            const dy_actor *g = &s->g[k];
            if (g->t0 <= v || !g->code[0] || g->code[0] == '-' || !strncmp(g->code, s->g[who].code, 3)) continue;
            if (told && g->t0 == v + 1) continue;     /* "told Putin that": the one told */
            if (g->anaphor && g->code2[0]) continue;
            if (g->poss) continue;      /* "cover for Russia's crimes": an owner inside a phrase */
            tgt = (int)k;
        }
        /* acc21b: "added that Germany bore a lasting responsibility for the crimes it committed
         * during the occupation of Poland": a clause whose first party is the speaker's own
         * country, the wrong said to be done by it again, owns the wrong; the country named
         * after it suffered it */
        if (tgt >= 0 && s->g[tgt].t0 > b && own_party_blamed(s, v, b, s->g[tgt].t0, who)) return 0;
        int added = -1;     /* eval20: "said the sanctions showed an arrogant attitude": the act's author */
        if (tgt < 0) tgt = ev_clause_act_target(s, v + 1, b, who, &added);
        if (tgt < 0 || sentence_has_pair(s, s->g[who].code, s->g[tgt].code, "11")) { ev_drop_body(s, added); return 0; }
        match m = {0};
        m.head = b;
        m.end = b + 1;
        m.tgt = m.src = -1;
        ev_ex(s->c, "    reported blame (\"%.*s\"): the speaker accuses the party of the clause\n", (int)s->t[b].nlen, W(s, b));
        int r = ev_emit(s, &m, "112", dy_dict_cameo(d, "112"), who, tgt, 0, DY_MOOD_FACTUAL);
        ev_drop_body(s, added);
        return r < 0 ? -1 : 0;
    }
    return 0;
}

/* PETRARCH's convention: a speaker that tells of its own force ("The US claimed that they had
 * attacked Iraq", "Obama and Putin said they will attack Iraq": the act's subject a reference
 * right after the speech verb, unresolved or the speaker) claims it: speaker -> target 015, in
 * place of the act. 1 when coded so, 0 not, -1 out of memory. */
int ev_petrarch_own_claim(sctx *s, const match *m, const dy_pattern *p, int src, int tgt)
{
    int root = (p->code[0] - '0') * 10 + (p->code[1] - '0');
    if (tgt < 0 || (root != 18 && root != 19 && root != 20)) return 0;
    int r = -1;
    for (int k = (int)s->ng - 1; k >= 0 && r < 0; k--)
        if (s->g[k].t1 <= m->head) r = k;
    if (r < 0 || !s->g[r].anaphor || m->head - s->g[r].t1 > 3) return 0;
    int claimed;
    uint32_t v = speech_before(s, s->g[r].t0, &claimed);
    if (v == s->g[r].t0) return 0;
    int who = ev_speaker_of(s, v);
    if (who < 0 || (src >= 0 && s->g[src].comp != who && strncmp(s->g[who].code, s->g[src].code, 3))) return 0;
    const dy_cameo *cam = dy_dict_cameo(s->c->dict, "015");
    ev_ex(s->c, "    PETRARCH's convention: the speaker's own force, coded as its claim (015)\n");
    return ev_emit(s, m, "015", cam, who, tgt, 0, DY_MOOD_FACTUAL) < 0 ? -1 : 1;
}

/* The grammar class (DY_G_INTENT or DY_G_PLEDGE) of the intent phrase nearest before head in
 * its clause, 0 when none. */
static int intent_class_before(const sctx *s, uint32_t head)
{
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 15; n++) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
        uint32_t e;
        if (j > s->t0 && (s->t[j].flags & DY_TF_CAP)) continue;     /* "Theresa May had expelled" */
        int cls = ev_gram_class_at(s, j, &e);
        if ((cls == DY_G_INTENT || cls == DY_G_PLEDGE) && e <= head) return cls;
    }
    return 0;
}

/* PETRARCH's convention: an act with no target takes the first place after its pattern in the
 * clause as the target ("Boko Haram launched attacks ... in northeastern Nigeria": NGA; "Obama
 * and Putin will meet in Zurich": each -> CHE), and one with no source the place nearest before
 * it ("a report released in the Rwandan capital alleged that France ...": RWA), as PETRARCH takes
 * the first actor of the verb phrase, or of the subject; after (dir 1) or before (-1) the
 * pattern, an actor other than `other`, -1 when there is none. */
int ev_petrarch_place(const sctx *s, const match *m, int other, int dir)
{
    for (uint32_t j = dir > 0 ? m->end : m->head; dir > 0 ? j < s->t1 : j-- > s->t0; j += dir > 0) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return -1;
        int g = group_at(s, j);
        if (g < 0) continue;
        if (!s->g[g].locative || s->g[g].anaphor || s->g[g].comp == s->g[other].comp) return -1;
        return g;
    }
    return -1;
}

/* Does the pattern name talks ("held talks with", "negotiations with")? PETRARCH's dictionary
 * codes those both ways where "met" is one way. */
int ev_names_talks(const sctx *s, const match *m)
{
    for (uint32_t j = m->head; j < m->end; j++)
        if (WIS(s, j, "talks") || WIS(s, j, "negotiations") || WIS(s, j, "consultations") || WIS(s, j, "discussions"))
            return 1;
    return 0;
}

/* PETRARCH's convention: "Obama and Putin will meet in Zurich to discuss ...": an infinitive of
 * purpose right after an act of the sentence's last pattern, in its clause and of its root,
 * is that act told again, not one of its own. */
int ev_petrarch_purpose(const sctx *s, const match *ms, size_t k, const char *code)
{
    const dy_coder *c = s->c;
    const match *m = &ms[k];
    if (k == 0 || m->head <= s->t0 || !WIS(s, m->head - 1, "to") || !c->nev || c->ev[c->nev - 1].sent != s->sidx) return 0;
    if (strncmp(c->ev[c->nev - 1].code, code, 2) != 0 || ms[k - 1].end > m->head) return 0;
    return !ev_span_broken(s, ms[k - 1].end, m->head);
}

/* The act a pattern's intent code (03x) announces, NULL for none: ev_intent_code backwards. */
static const char *act_of_intent(const char *code)
{
    static const char *const map[][2] = {
        {"0311", "061"}, {"0312", "062"}, {"0313", "063"}, {"0314", "064"}, {"031", "060"}, {"032", "050"},
        {"0331", "071"}, {"0332", "072"}, {"0333", "073"}, {"0334", "074"}, {"033", "070"},
        {"0351", "081"}, {"0352", "082"}, {"0353", "084"}, {"0354", "085"}, {"0355", "086"}, {"0356", "087"},
        {"035", "080"}, {"036", "040"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(code, map[i][0])) return map[i][1];
    return NULL;
}

/* A pattern that names its announcement ("will meet T", "agreed to lift ... sanctions") with a
 * pledge word that more words follow. */
static int pledge_in_pattern(const sctx *s, const match *m)
{
    for (uint32_t j = m->head; j + 1 < m->end; j++) {
        uint32_t e;
        if (ev_gram_class_at(s, j, &e) == DY_G_PLEDGE && e < m->end) return 1;
    }
    return 0;
}

/* "Poland was no longer transferring weapons to Ukraine": material cooperation or aid that has
 * stopped is its reduction (CAMEO 16: 1622 military aid, 1621 economic, 1623 humanitarian, 162
 * other aid, 160 other cooperation), not a negated act. */
static const char *stopped_code(const char *code)
{
    if (code[0] != '0' || (code[1] != '6' && code[1] != '7')) return NULL;
    if (code[1] == '6') return "160";
    return code[2] == '1' ? "1621" : code[2] == '2' ? "1622" : code[2] == '3' ? "1623" : "162";
}

void ev_stopped_act(const sctx *s, const match *m, const char **code, int *mood)
{
    if (*mood != DY_MOOD_NEGATED || !stopped_code(*code)) return;
    for (uint32_t j = m->head, n = 0; j-- > s->t0 + 1 && n < 4; n++) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return;
        if (ev_no_longer_at(s, j)) {
            *code = stopped_code(*code);
            *mood = DY_MOOD_FACTUAL;
            ev_ex(s->c, "    no longer done: coded as its reduction %s\n", *code);
            return;
        }
    }
}

/* PETRARCH's convention (DY_CONV_PETRARCH): an act announced by a commitment or a schedule
 * (grammar.txt's pledge words: "will", "is scheduled to", "has pledged to", "agreed to") is the
 * act, whether the pledge comes before the pattern or in it ("will meet T" 036 is 040); so is
 * a wanted act that has no intent code ("want to re-examine": 090), while "wants to help" stays
 * 033. A negated cooperative act is its rejection. */
void ev_petrarch_mood(const sctx *s, const match *m, const char *pcode, const char **code, int *mood)
{
    dy_coder *c = s->c;
    const char *act = *mood == DY_MOOD_FACTUAL && !strncmp(*code, "03", 2) ? act_of_intent(*code) : NULL;
    if (act && pledge_in_pattern(s, m)) {
        *code = act;
        ev_ex(c, "    PETRARCH's convention: a pledged act, coded as the act %s\n", act);
    } else if (*mood == DY_MOOD_INTENT && (intent_class_before(s, m->head) == DY_G_PLEDGE || !ev_intent_code(pcode))) {
        *mood = DY_MOOD_FACTUAL;
        ev_ex(c, "    PETRARCH's convention: announced, coded as the act\n");
    } else if (*mood == DY_MOOD_NEGATED && rejection_code(pcode)) {
        *code = rejection_code(pcode);
        *mood = DY_MOOD_FACTUAL;
        ev_ex(c, "    PETRARCH's convention: negated, coded as rejection %s\n", *code);
    }
}
