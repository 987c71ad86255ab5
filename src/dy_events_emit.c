/* dy_events_emit.c - events out: keys and duplicates, domestic and paired codes (visitor and
 * host), parties taken from the context (talks, accusations, authors of an act), mediation told
 * in a participle, and acts that follow another's. */
#include "dy_events_int.h"

/* Counts a dyad (by country) for the document's topic. */
static void note_topic(dy_coder *c, const char *x, const char *y)
{
    if (x[0] == '-' || y[0] == '-') return;
    for (size_t i = 0; i < c->ntopic; i++) {
        struct topic *t = &c->topic[i];
        if ((!strncmp(t->a, x, 3) && !strncmp(t->b, y, 3)) || (!strncmp(t->a, y, 3) && !strncmp(t->b, x, 3))) {
            t->n++;
            return;
        }
    }
    if (c->ntopic == sizeof c->topic / sizeof *c->topic) return;
    struct topic *t = &c->topic[c->ntopic++];
    set_code(t->a, x);
    set_code(t->b, y);
    t->n = 1;
}

/* The country of a code as the dev set keys it: an IGO's whole code, else its first three letters. */
static size_t key_len(const char *code)
{
    return !strncmp(code, "IGO", 3) ? strlen(code) + 1 : 3;
}

/* Under dyad's convention one sentence tells one act per dyad of countries and root: "the
 * government and the rebels signed" between two bodies of one country is one domestic signing
 * (ETH ETH 05), and crowds that storm the Congress and the court one protest (BRA BRA 14). The
 * dev set counts a second event of the same key as false, so the first stands for both. */
static int same_key_before(const dy_coder *c, const dy_event *e)
{
    if (c->opts.convention != DY_CONV_DYAD) return 0;
    size_t ls = key_len(e->source), lt = key_len(e->target);
    for (size_t k = c->nev; k-- > 0 && c->ev[k].sent == e->sent;) {
        const dy_event *o = &c->ev[k];
        if (o->mood == e->mood && !strncmp(o->source, e->source, ls) && !strncmp(o->target, e->target, lt) &&
            !strncmp(o->code, e->code, 2))
            return 1;
    }
    return 0;
}

/* Adds the event unless the sentence already has it: 1 added, 0 duplicate, -1 out of memory. */
static int push_event(dy_coder *c, const dy_event *e)
{
    for (size_t k = c->nev; k-- > 0 && c->ev[k].sent == e->sent;)
        if (!strcmp(c->ev[k].source, e->source) && !strcmp(c->ev[k].target, e->target) && !strcmp(c->ev[k].code, e->code))
            return 0;
    if (same_key_before(c, e)) return 0;
    if (DY_GROW(c->ev, c->nev + 1, c->capev)) return -1;
    c->ev[c->nev++] = *e;
    return 1;
}

/* Is the pattern's head a noun: after a determiner or a possessive, at most two words between
 * ("the summit", "a visit", "Kim's second meeting", "the deepening ties", "a brief private visit")? */
int ev_is_nominal(const sctx *s, uint32_t head)
{
    /* "the junta demanded", "its partners accused": a past tense after a noun is a verb */
    int past = ev_ed_form(s, head);
    /* acc15b: "issued a statement condemning Israel", "hit back with a statement attacking
     * Sanchez": a participle right after a noun of words tells what they say, a verb */
    uint32_t e;
    if (ev_ing_form(s, head) && head > s->t0 + 1 && ev_gram_class_at(s, head - 1, &e) == DY_G_REMARKS && e == head) return 0;
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 3; n++) {
        if (past && n == 0 && !(s->t[j].flags & DY_TF_POSS) && !(dy_dict_wclass(s->c->dict, s->t[j].id) & DY_WC_DET)) return 0;
        if (s->t[j].flags & DY_TF_POSS) return 1;
        if (!(s->t[j].flags & DY_TF_WORD) || group_at(s, j) >= 0) return 0;
        if (ev_no_longer_at(s, j)) return 0;     /* "no longer supplying": a verb */
        /* acc10: "flew to Baku for the signing and held talks": a conjunction ends the noun phrase */
        if (WIS(s, j, "and") || WIS(s, j, "or") || WIS(s, j, "but")) return 0;
        if (dy_dict_wclass(s->c->dict, s->t[j].id) & DY_WC_DET) return 1;
    }
    return 0;
}

/* A preposition stands before token i (a leading "the" skipped): "a visit to (the) T". */
int ev_after_prep(const sctx *s, uint32_t i)
{
    if (i > s->t0 && WIS(s, i - 1, "the")) i--;
    return i > s->t0 && (dy_dict_wclass(s->c->dict, s->t[i - 1].id) & DY_WC_PREP);
}

/* The actor whose possessive stands right before a noun head: "Putin's (first) visit". */
int ev_possessor(const sctx *s, uint32_t head)
{
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 3; n++) {
        if (!(s->t[j].flags & DY_TF_POSS)) continue;
        int g = j > s->t0 ? group_at(s, j - 1) : -1;
        return g >= 0 && s->g[g].code[0] ? s->g[g].comp : -1;
    }
    return -1;
}

/* The actor follows "with" ("held talks with China"): a party, not a topic. */
int ev_after_with(const sctx *s, int g)
{
    uint32_t p = s->g[s->g[g].comp].t0;
    if (p > s->t0 && WIS(s, p - 1, "the")) p--;
    return p > s->t0 && WIS(s, p - 1, "with");
}

/* The target list follows "between" or "among". */
int ev_tgt_between(const sctx *s, int tgt)
{
    uint32_t p = s->g[tgt].t0;
    if (p > s->t0 && WIS(s, p - 1, "the")) p--;
    return p > s->t0 && (WIS(s, p - 1, "between") || WIS(s, p - 1, "among"));
}

/* One event x -> y, unless it is no dyad; 1 added, 0 not, -1 out of memory. */
/* Two codes of one country: "Russia" and "the Kremlin" are no dyad, nor one code acting on
 * itself; but two different people or bodies of one country are ("the army detained President
 * Bazoum" NERMIL NERGOV, "police arrested former vice president Glas" ECUCOP ECU, "the
 * president dismissed his deputy" ZWEGOV ZWEGOV): a domestic event. A country's own name on
 * one side (a state group) stays no dyad. */
/* A group after "their" or "its": a role its owner's own */
static int possessed(const sctx *s, const dy_actor *g)
{
    return g->t0 > s->t0 && (WIS(s, g->t0 - 1, "their") || WIS(s, g->t0 - 1, "its"));
}

static int domestic_dyad(const sctx *s, const char *x, int xi, const char *y, int yi)
{
    if (strncmp(x, y, 3) != 0 || !dy_code_is_country(x)) return strcmp(x, y) != 0;
    if (strcmp(x, y) != 0 && strlen(x) > 3 && strlen(y) > 3) return 1;     /* RUSGOV, RUSMIL */
    const dy_actor *a = &s->g[xi], *b = &s->g[yi];
    /* dom10: "Morales accused the government of ...", "the government dissolved Machar's
     * party": a named person and a reference to his own country's government are two parties */
    if (xi != yi && ((a->kind == DY_GK_PERSON && !a->anaphor && b->anaphor == DY_G_COUNTRY && strlen(y) > 3) ||
                     (b->kind == DY_GK_PERSON && !b->anaphor && a->anaphor == DY_G_COUNTRY && strlen(x) > 3))) return 1;
    if (xi == yi || a->anaphor || b->anaphor) return 0;
    /* a country's own name ("Russia", "Moscow") on either side; not its people counted with
     * "of" ("thousands of Israelis rallied against Prime Minister Netanyahu") facing a role */
    /* acc15a: ... but a state and an armed group of its own that the text names ("Turkey struck
     * the PKK", "Colombia bombed FARC rebels") are two parties */
    if ((a->kind == DY_GK_STATE && strlen(x) == 3 && !b->filled && (!strcmp(y + 3, "REB") || !strcmp(y + 3, "UAF"))) ||
        (b->kind == DY_GK_STATE && strlen(y) == 3 && !a->filled && (!strcmp(x + 3, "REB") || !strcmp(x + 3, "UAF"))))
        return 1;
    if ((a->kind == DY_GK_STATE && strlen(x) == 3 && b->filled != DY_FILLED_SENTENCE && !(a->of && strlen(y) > 3)) ||
        (b->kind == DY_GK_STATE && strlen(y) == 3 && a->filled != DY_FILLED_SENTENCE)) return 0;
    /* one code on both sides, filled in from the story ("whose troops fought alongside the
     * army"): most likely two countries the text leaves unnamed; lead31: nor is a role owned by
     * "their" or "its" another party of the same code ("the two leaders sat down for talks with
     * their delegations") */
    if (!strcmp(x, y) && (possessed(s, a) || possessed(s, b))) return 0;
    if ((possessed(s, b) && b->code2[0]) || (possessed(s, a) && a->code2[0])) return 0;     /* a pair's own */
    /* a context party (ev_context_group: a state with a role code) is no second party of its code */
    if (!strcmp(x, y) && ((a->kind == DY_GK_STATE && strlen(x) > 3) || (b->kind == DY_GK_STATE && strlen(y) > 3))) return 0;
    return strcmp(x, y) != 0 || (!a->filled && !b->filled);
}

/* "Uganda imposed a curfew in Kampala", "Kenyan police tortured detainees in Mombasa": a
 * material act at home (roots 08, 14-20, and 018) whose only target is a place of the doer's own country
 * is aimed at that country, as CAMEO codes it; the doer names its country itself (not a role
 * filled in from the story other than police or a court, nor a reference). */
static int act_at_home(const sctx *s, const match *m, const char *code, const char *x, int xi, const char *y, int yi)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    /* sympathy for a disaster at home ("expressed sorrow for the shootings in South Carolina") */
    if (root != 8 && (root < 14 || root > 20) && strncmp(code, "018", 3) != 0) return 0;
    const dy_actor *a = &s->g[xi], *b = &s->g[yi];
    /* the doer is the sentence's subject: in "claimed ISIL attacked Iraq and took Mosul" Iraq took nothing */
    int subj = ev_sentence_subject(s, m->head);
    if (subj >= 0 && s->g[xi].comp != subj) return 0;
    if (xi == yi || b->anaphor || b->kind != DY_GK_STATE || strlen(y) != 3 || !dy_code_is_country(x) || strncmp(x, y, 3) != 0)
        return 0;
    /* "The government declared a curfew in the Puno region": a reference to the state itself */
    if (a->anaphor == DY_G_COUNTRY && b->locative) return 1;
    /* "M23 rebels seized Goma", "the insurgents took Damascus": armed groups and crowds act on
     * their own country's places as direct objects too, never as the state itself */
    if (!a->anaphor && strlen(x) == 6 && (!strcmp(x + 3, "REB") || !strcmp(x + 3, "CRM") || !strcmp(x + 3, "CVL"))) return 1;
    /* "Police arrested the 81-year-old at his home in Tunis": police and courts, filled in from
     * the story, act at home as surely as a named state does */
    int home = !a->filled || (a->filled == DY_FILLED_STORY && ev_role_is(s, xi, "COPJUD"));
    return home && !a->anaphor && b->locative;
}

/* acc16b: "clashed with striking workers", "ordered striking cement truck drivers back": an -ing
 * form of a force verb right before a bare role of people (no article, pronoun or actor between,
 * "were" not before it) describes them; it is no act of force on them. 1 when so. */
static int describes_people(const sctx *s, const match *m, int yi)
{
    const char *code = dy_dict_pattern(s->c->dict, m->pat)->code;     /* the verb's, before 175 */
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    uint32_t h = m->head, e;
    if (root < 18 || root > 20 || !ev_ing_form(s, h)) return 0;
    const dy_actor *b = &s->g[yi];
    if (b->kind != DY_GK_AGENT || b->anaphor || !ev_role_is(s, yi, "CVLLAB") || b->t0 <= h || b->t0 > h + 3) return 0;
    for (uint32_t i = h + 1; i < b->t0; i++)
        if (group_at(s, i) >= 0 || ev_gram_class_at(s, i, &e) == DY_G_DET || (s->t[i].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_NUM)))
            return 0;
    return !(h > s->t0 && (ev_gram_is(s, h - 1, DY_G_BE, &e) || ev_gram_class_at(s, h - 1, &e) == DY_G_AUX));
}

static int emit_one(sctx *s, const match *m, const char *code, const dy_cameo *cam, const char *x, int xi,
                    const char *y, int yi, int mood, dy_date date)
{
    dy_coder *c = s->c;
    /* acc21a: "Akufo-Addo defended his government's handling of the economy": words for one's
     * own role, named after "his" or "its", are no act between two parties; nor is blame of it
     * (evalcall22: "said his government had failed to meet its targets") */
    int self = !strcmp(x, y) && xi != yi && ((code[0] == '0' && code[1] <= '5') || !strncmp(code, "11", 2)) && ev_own_role(s, yi);
    if (self || (!domestic_dyad(s, x, xi, y, yi) && !act_at_home(s, m, code, x, xi, y, yi))) {
        if (xi != yi) ev_ex(c, "    skipped: %s -> %s is one actor on both sides\n", x, y);
        return 0;
    }
    if (x[0] == '-' && y[0] == '-') return 0;
    if (s->g[xi].weapon || s->g[yi].weapon) {     /* a weapon alone is no party */
        ev_ex(c, "    skipped: a weapon alone is no party\n");
        return 0;
    }
    /* lead31: "struck a boat in the southern Caribbean": a region alone is a place, no party */
    if (s->g[yi].region && strlen(y) == 3 && code[0] == '1' && code[1] >= '5') {
        ev_ex(c, "    skipped: a region alone is where force was used, no party\n");
        return 0;
    }
    if (describes_people(s, m, yi)) {
        ev_ex(c, "    skipped: an -ing form describing the people after it (\"striking workers\"), no force\n");
        return 0;
    }
    dy_event e = {0};
    e.sent = s->sidx;
    set_code(e.source, x);
    set_code(e.target, y);
    size_t cl = strnlen(code, sizeof e.code - 1), rl = strnlen(code, 2);
    memcpy(e.code, code, cl);
    e.code[cl] = 0;
    memcpy(e.root, code, rl);
    e.root[rl] = 0;
    e.quad = dy_cameo_quad(code);
    e.goldstein = cam ? cam->goldstein : 0;
    e.date = date;
    e.mood = (uint8_t)mood;
    e.src_start = s->t[s->g[xi].t0].start;
    e.src_end = s->t[s->g[xi].t1 - 1].end;
    e.tgt_start = s->t[s->g[yi].t0].start;
    e.tgt_end = s->t[s->g[yi].t1 - 1].end;
    e.verb_start = s->t[m->head].start;
    e.verb_end = s->t[m->end - 1].end;
    int added = 1;
    if (!mood || c->opts.moods_all) {
        added = push_event(c, &e);
        if (added < 0) return -1;
        if (added && !mood) note_topic(c, x, y);
        if (added && !mood && !strncmp(code, DY_CAMEO_VISIT, 3) && dy_code_is_country(y)) {
            memcpy(c->visit_place, y, 3);
            c->visit_place[3] = 0;
            c->visit_sent = s->sidx;
            set_code(c->visitor, x);
        }
    }
    if (!added) ev_ex(c, "    skipped: %s -> %s %s, this sentence has an event of that key already\n", e.source, e.target, e.code);
    else
        ev_ex(c, "    event %s -> %s %s (%s)%s\n", e.source, e.target, e.code, cam ? cam->name : "?",
           !mood ? "" : !c->opts.moods_all ? (mood == DY_MOOD_NEGATED ? " [negated: not emitted]" : " [hypothetical: not emitted]")
                                            : (mood == DY_MOOD_NEGATED ? " [negated]" : " [hypothetical]"));
    return added;
}

/* acc15b: are the codes the roles of exactly two countries, each named at least twice
 * ("Ministers and company executives from the two countries": FRAGOV FRABUS KAZGOV KAZBUS)? */
static int list_of_pair_roles(const char *const *sc, size_t ns)
{
    const char *other = NULL;
    size_t n0 = 0, n1 = 0;
    for (size_t a = 0; a < ns; a++) {
        if (!strncmp(sc[a], sc[0], 3)) n0++;
        else if (!other || !strncmp(sc[a], other, 3)) { other = sc[a]; n1++; }
        else return 0;
    }
    return n0 >= 2 && n1 >= 2;
}

int ev_emit(sctx *s, const match *m, const char *code, const dy_cameo *cam, int src, int tgt, int sym, int mood)
{
    const char *sc[16], *tc[16];
    int si[16], ti[16];
    size_t ns = 0, nt = 0;
    if (src >= 0) ns = ev_codes_of(s, src, sc, si, 16);
    if (tgt >= 0) nt = ev_codes_of(s, tgt, tc, ti, 16);
    int cross = 0;      /* acc15b: a list of two countries' roles acts across, not within a country */
    if (tgt < 0 && sym && ns >= 2) {       /* "Russia and North Korea signed ...": every pair */
        memcpy(tc, sc, ns * sizeof *sc);
        memcpy(ti, si, ns * sizeof *si);
        nt = ns;
        sym = 0;                            /* the pairs already run both ways */
        /* "Ministers and company executives from the two countries signed": FRAGOV, KAZGOV,
         * FRABUS, KAZBUS sign with the other country only ("the government and the opposition
         * signed", all of one country, still act on each other) */
        cross = list_of_pair_roles(sc, ns);
    }
    dy_date date = ev_date_for(s, m->head);
    int between = sym && nt >= 2 && ev_tgt_between(s, tgt), n = 0;     /* "talks between Seoul and Beijing" */
    /* prec13: "Qatar is hosting talks between Kinshasa and the M23", "mediated after weeks of talks
     * between the two sides": the subject hosts or brokers, acting on each party one way, and the
     * parties of the "between" list hold the talks with each other */
    int third = between && src >= 0 && !strncmp(code, "04", 2);
    if (third) {
        for (size_t a = 0; a < ns; a++)
            for (size_t b = 0; b < nt; b++) {
                int r = emit_one(s, m, code, cam, sc[a], si[a], tc[b], ti[b], mood, date);
                if (r < 0) return -1;
                n += r;
            }
        ev_ex(s->c, "    a \"between\" list names the parties: the subject acts on them one way\n");
    }
    if (between && (src < 0 || third)) {
        memcpy(sc, tc, nt * sizeof *tc);
        memcpy(si, ti, nt * sizeof *ti);
        ns = nt;
        sym = 0;
    }
    /* "Putin met Kim": a symmetric act (a meeting, a signing) runs both ways, as the dev set's
     * convention and CAMEO's paired codes have it (docs/coding.md) */
    for (size_t a = 0; a < ns; a++)
        for (size_t b = 0; b < nt; b++)
            for (int dir = 0; dir < (sym ? 2 : 1) && !(cross && !strncmp(sc[a], tc[b], 3)); dir++) {
                int r = dir ? emit_one(s, m, code, cam, tc[b], ti[b], sc[a], si[a], mood, date)
                            : emit_one(s, m, code, cam, sc[a], si[a], tc[b], ti[b], mood, date);
                if (r < 0) return -1;
                n += r;
            }
    return n;
}

/* "protesters attacked several embassies, including those of Rwanda, France and the United
 * States": embassies the story's country was lent to stand for the countries named after "of";
 * returns that list, or tgt. */
int ev_embassy_owner(const sctx *s, int tgt)
{
    const dy_actor *g = &s->g[tgt];
    if (!g->filled || g->t1 <= g->t0) return tgt;
    const char *w = W(s, g->t1 - 1);
    if (strncmp(w, "embass", 6) && strncmp(w, "consulate", 9)) return tgt;
    for (uint32_t j = g->t1, n = 0; j + 1 < s->t1 && n < 6; j++, n++) {
        if (s->t[j].flags & (DY_TF_END | DY_TF_CLAUSE)) break;
        if (group_at(s, j) >= 0) break;
        if (WIS(s, j, "of")) {
            int o = group_at(s, j + 1);
            if (o < 0 && WIS(s, j + 1, "the") && j + 2 < s->t1) o = group_at(s, j + 2);
            return o >= 0 && dy_code_is_country(s->g[o].code) ? s->g[o].comp : tgt;
        }
    }
    return tgt;
}

/* "vowed to destroy the protesters, saying he had ...": a participle after a comma opens a
 * clause of its own, whose actors are no object of the verb before when one ends the clause
 * ("including" lists them). */
int ev_participle_after(const sctx *s, uint32_t i)
{
    if (i >= s->t1 || group_at(s, i) >= 0 || !(s->t[i].flags & DY_TF_WORD)) return 0;
    size_t n = s->t[i].nlen;
    const char *w = W(s, i);
    return n > 5 && !memcmp(w + n - 3, "ing", 3) && !WIS(s, i, "including") && !WIS(s, i, "according");
}

/* "Sudan's army and the RSF agreed to a ceasefire ..., Saudi Arabia and the US said": with a pair
 * as subject, a symmetric act found no target of its own (no T in the pattern, no "with" or
 * "between") stays within the pair; actors after a comma belong to another clause. */
int ev_pair_keeps_act(const sctx *s, const match *m, int tgt)
{
    if (m->tgt >= 0 || ev_tgt_between(s, tgt) || ev_after_with(s, tgt)) return 0;
    /* "Putin and Xi discussed Ukraine": a pattern for a pair's own act (among) has no other party */
    if (dy_dict_pattern(s->c->dict, m->pat)->among) return 1;
    for (uint32_t j = m->end; j < s->g[s->g[tgt].comp].t0; j++) {
        if (s->t[j].flags & DY_TF_COMMA) return 1;
        /* "signed an agreement in Nairobi after a Kenyan court had blocked ...": a subordinate clause */
        if (WIS(s, j, "after") || WIS(s, j, "before") || WIS(s, j, "while") || WIS(s, j, "when") ||
            WIS(s, j, "because") || WIS(s, j, "although") || WIS(s, j, "though") || WIS(s, j, "despite"))
            return 1;
    }
    /* "Serbia and Kosovo agreed on how to implement a European Union plan": an actor that
     * qualifies a noun after it is what the act is about, not a party */
    uint32_t e = s->g[tgt].t1;
    if (e < s->t1 && s->g[tgt].ncomp < 2 && (s->t[e].flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM)) == DY_TF_WORD &&
        !(dy_dict_wclass(s->c->dict, s->t[e].id) & (DY_WC_PREP | DY_WC_CLAUSE | DY_WC_DET | DY_WC_START_SAY | DY_WC_START_BE)) &&
        !WIS(s, e, "and") && !WIS(s, e, "or"))
        return 1;
    return 0;
}

/* "Saudi Arabia and Iran agreed on Friday to restore relations", "agreed to a ceasefire": what
 * was agreed to is announced, not yet done (the dev set's convention: an intent, 03x). */
static int time_word(const sctx *s, uint32_t j)
{
    return (s->t[j].flags & (DY_TF_DATEW | DY_TF_NUM)) || WIS(s, j, "on") || WIS(s, j, "in") || WIS(s, j, "principle") ||
           WIS(s, j, "last") || WIS(s, j, "also");
}

int ev_agreed_to_act(const sctx *s, const match *m)
{
    /* "agreed (on Friday) to restore relations": the act's verb after "agreed ... to" */
    if (m->head >= s->t0 + 2 && WIS(s, m->head - 1, "to")) {
        uint32_t j = m->head - 2;
        while (j > s->t0 && m->head - j < 6 && time_word(s, j) && group_at(s, j) < 0) j--;
        if (s->t[j].nlen >= 5 && !strncmp(W(s, j), "agree", 5)) return 1;
    }
    if (s->t[m->head].nlen < 5 || strncmp(W(s, m->head), "agree", 5) != 0) return 0;
    for (uint32_t j = m->head + 1; j < s->t1 && j <= m->head + 4; j++) {
        if (WIS(s, j, "to")) return 1;
        /* only a time between: "agreed on Friday to", "agreed in principle to", "agreed last week to" */
        if (!time_word(s, j)) return 0;
    }
    return 0;
}

/* "agreed on Friday to restore relations": the act agreed to is coded as the intent (agreed_to_act);
 * the general "agreed" (030) before it says the same and is left out. */
int ev_agree_subsumed(const sctx *s, const match *ms, size_t nm, size_t k)
{
    const dy_pattern *p = dy_dict_pattern(s->c->dict, ms[k].pat);
    uint32_t h = ms[k].head;
    if (strncmp(p->code, "03", 2) != 0 || s->t[h].nlen < 5 || strncmp(W(s, h), "agree", 5) != 0) return 0;
    for (size_t q = k + 1; q < nm && ms[q].head <= h + 6; q++) {
        const dy_pattern *pq = dy_dict_pattern(s->c->dict, ms[q].pat);
        if (pq->code[0] != '-' && ms[q].head >= h + 2 && WIS(s, ms[q].head - 1, "to") && ev_agreed_to_act(s, &ms[q])) return 1;
    }
    return 0;
}

/* acc10: "was due to fly on to Abu Dhabi later on Saturday for talks with the president",
 * "accepted an invitation to visit Pyongyang for talks with Kim": the meeting an intended trip or
 * meeting (036, one of the two matches before) is for is that intent's content, not a meeting. */
static int intended_meeting(const sctx *s, const match *ms, size_t k)
{
    const match *m = &ms[k];
    if (strncmp(dy_dict_pattern(s->c->dict, m->pat)->code, "04", 2) != 0) return 0;
    int for_ = 0;       /* "for talks", "for a summit", "for further talks": no actor between */
    for (uint32_t j = m->head, n = 0; j-- > s->t0 && n < 4 && !for_ && group_at(s, j) < 0; n++) for_ = WIS(s, j, "for");
    if (!for_) return 0;
    for (size_t q = k, n = 0; q-- > 0 && n < 2; n++) {
        const match *p = &ms[q];
        if (strncmp(dy_dict_pattern(s->c->dict, p->pat)->code, "036", 3) != 0) continue;
        return m->head > p->end && m->head <= p->end + 12 && !ev_span_broken(s, p->end, m->head);
    }
    return 0;
}

/* acc10: "urged Colombia and Chile to back Israel's right to defend itself and to condemn Hamas":
 * a verb after "and to" (or "or to") in the clause of an appeal that asks for a verb ("urged T
 * to ...") is more of what is asked. */
static int appeal_series(const sctx *s, const match *prev, const match *m, const char *pcode)
{
    if (strncmp(pcode, "02", 2) != 0 || m->head < prev->end + 2 || m->head > prev->end + 16) return 0;
    /* sense15: "and to stop using force against protesters", "and to immediately halt": up to two
     * plain words between "to" and the verb asked for */
    uint32_t t = m->head - 1;
    while (t > prev->end + 1 && t + 3 > m->head && !WIS(s, t, "to") && (s->t[t].flags & DY_TF_WORD) && group_at(s, t) < 0) t--;
    if (!WIS(s, t, "to") || !(WIS(s, t - 1, "and") || WIS(s, t - 1, "or"))) return 0;
    int asks = 0;       /* "urged T to ...": a "to" after the appeal's verb, before this one's */
    for (uint32_t j = prev->head; j + 1 < t && !asks; j++) asks = WIS(s, j, "to");
    if (!asks) return 0;
    for (uint32_t j = prev->end; j + 1 < t; j++) {
        uint32_t e;
        if (s->t[j].flags & (DY_TF_CLAUSE | DY_TF_END) || ev_gram_is(s, j, DY_G_SAY, &e)) return 0;
    }
    return 1;
}

/* sense15: "marched through Caracas to demand that Maduro step down", "rallied in several cities,
 * demanding the dissolution of parliament", "marched through the capital demanding the departure
 * of the troops": a demand or appeal (10x, 02x) told as the purpose ("to ...") or a participle of a
 * demonstration (14x) before it in the sentence is what the crowd marches for, one event with it.
 * "Protesters marched on Monday. Their leaders demanded talks" (two sentences) stays two acts.
 * 1 the aim of the demonstration, -1 a demand of its own (domestic22, below), 0 neither. */
static int protest_purpose(const sctx *s, const match *ms, size_t k)
{
    const match *m = &ms[k];
    const char *code = dy_dict_pattern(s->c->dict, m->pat)->code;
    if (strncmp(code, "10", 2) != 0 && strncmp(code, "02", 2) != 0) return 0;
    int to = m->head > s->t0 && WIS(s, m->head - 1, "to");
    /* domestic22: "gathered to protest against prices and to demand that Bio step down": a demand
     * after "and to" is an aim of its own, coded */
    if (to && code[0] == '1' && m->head > s->t0 + 1 && WIS(s, m->head - 2, "and")) return -1;
    if (!to && !ev_ing_form(s, m->head)) return 0;
    for (size_t q = k; q-- > 0;) {
        const match *d = &ms[q];
        const char *dc = dy_dict_pattern(s->c->dict, d->pat)->code;
        if (strncmp(dc, "14", 2) != 0) continue;
        if (m->head < d->end || m->head > d->end + 14) return 0;
        /* domestic22: "stormed the residence, demanding that he resign", "blocked road junctions,
         * demanding that those responsible be held to account": a demand (10x) after a strike, a
         * blockade or a riot (142-145) is one of its own; a march's or a rally's (140, 141) is its aim */
        if (code[0] == '1' && dc[2] >= '2' && dc[2] <= '5') return -1;
        for (uint32_t j = d->end, e; j < m->head; j++)
            if ((s->t[j].flags & (DY_TF_CLAUSE | DY_TF_END)) || ev_gram_is(s, j, DY_G_SAY, &e) || ev_subordinate_at(s, j) ||
                (WIS(s, j, "and") && !to))
                return 0;
        return 1;
    }
    return 0;
}

/* acc21a: "urged Washington and Brasilia to sit down and negotiate", "asked them to stay and
 * help": "and" j before a bare verb that goes on from an infinitive ("to sit down", "to calm
 * tensions") joins two verbs of one infinitive, not two clauses; a past or -ing form after it
 * ("agreed to meet and signed", "held") is a verb of its own */
static int infinitive_and(const sctx *s, uint32_t j)
{
    if (j < s->t0 + 2 || j + 1 >= s->t1 || group_at(s, j + 1) >= 0) return 0;
    if (ev_past_form(s, j + 1) || ev_ing_form(s, j + 1)) return 0;
    if (!(s->t[j + 1].wc & DY_WC_START_PAT) || group_at(s, j - 1) >= 0) return 0;
    /* "to" two to four words back, with only plain words between ("to calm tensions and") */
    for (uint32_t q = j - 1; q > s->t0 && q + 4 >= j; q--) {
        if (group_at(s, q) >= 0 || !(s->t[q].flags & DY_TF_WORD) || (s->t[q].flags & (DY_TF_COMMA | DY_TF_CLAUSE))) return 0;
        if (q < j - 1 && WIS(s, q, "to")) return 1;
    }
    return 0;
}

/* "signed agreements to normalise relations with the UAE", "sent troops to fight the rebels",
 * "threatened to strike": a verb right after "to" that ends the act before it tells that act's
 * purpose or content, not an act of its own. 1 when match k is such a purpose; an "agree" or
 * intent verb before it (03x) is left to agree_subsumed and the intent rules. */
int ev_purpose_of_prev(const sctx *s, const match *ms, size_t k)
{
    if (k == 0) return 0;
    const match *prev = &ms[k - 1], *m = &ms[k];
    const dy_pattern *pp = dy_dict_pattern(s->c->dict, prev->pat);
    int protest = protest_purpose(s, ms, k);
    if (protest < 0) return 0;
    if (intended_meeting(s, ms, k) || protest) return 1;
    if (pp->code[0] == '-') return 0;
    if (!strncmp(pp->code, "03", 2) || !strncmp(pp->code, "13", 2)) return 0;
    /* igo22: a court's order ("ordered Israel to take all measures to prevent acts of genocide")
     * asks for what follows, as an appeal does */
    const char *pc = pp->court && !strncmp(pp->code, "10", 2) ? "020" : pp->code;
    if (appeal_series(s, prev, m, pc)) return 1;
    /* sense15: "urged Dhaka to investigate the killings and to stop using force": the appeal is
     * further back than the act just before */
    for (size_t q = k - 1; q-- > 0 && ms[q].end + 16 >= m->head;) {
        const char *qc = dy_dict_pattern(s->c->dict, ms[q].pat)->code;
        if (!strncmp(qc, "02", 2)) { if (appeal_series(s, &ms[q], m, qc)) return 1; break; }
    }
    /* "asked India in November to withdraw": an appeal whose phrase ends in "to" asks for the verb;
     * "urged the authorities to show restraint and to investigate": so does a second "and to" */
    if (!strncmp(pc, "02", 2) && m->head == prev->end && m->head > s->t0 && WIS(s, m->head - 1, "to")) return 1;
    if (!strncmp(pc, "02", 2) && m->head == prev->end + 2 && WIS(s, prev->end, "and") && WIS(s, prev->end + 1, "to")) return 1;
    /* acc21a: "urged Washington and Brasilia to sit down and negotiate": a bare verb after "and"
     * that goes on from the infinitive the appeal asks for is asked for too */
    if (!strncmp(pc, "02", 2) && m->head >= prev->end + 2 && m->head <= prev->end + 8 && infinitive_and(s, m->head - 1)) {
        uint32_t j = m->head - 1;
        while (j-- > prev->end)
            if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
        return 1;
    }
    if (m->head <= s->t0 || !WIS(s, m->head - 1, "to") || m->head <= prev->end) return 0;
    /* "travelled to Budapest to meet Orban": the meeting a visit is for is coded, both ways */
    if (!strncmp(pp->code, DY_CAMEO_VISIT, 3) && !strncmp(dy_dict_pattern(s->c->dict, m->pat)->code, "04", 2)) return 0;
    uint32_t a = prev->end, b = m->head - 1;    /* "widened sanctions against Belarus to target ..." */
    if (a == b) return 1;
    if (b - a > 5 || !(dy_dict_wclass(s->c->dict, s->t[a].id) & DY_WC_PREP)) return 0;
    for (uint32_t j = a; j < b; j++) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
        int list = j > a && group_at(s, j - 1) >= 0 && group_at(s, j + 1) >= 0;     /* "on Iran and Syria" */
        if (!list && (dy_dict_wclass(s->c->dict, s->t[j].id) & DY_WC_CLAUSE)) return 0;     /* "on Wednesday and agreed to" */
    }
    return 1;
}

/* The target of an act with none of its own, from the purpose after it: "signed agreements to
 * normalise relations with the UAE" -> the UAE. -1 when none. */
int ev_target_from_purpose(const sctx *s, const match *ms, size_t nm, size_t k, uint32_t limit)
{
    if (k + 1 >= nm || !ev_purpose_of_prev(s, ms, k + 1)) return -1;
    const match *n = &ms[k + 1];
    return n->tgt >= 0 ? s->g[n->tgt].comp : ev_find_target(s, n->end, limit > n->end ? limit : n->end);
}

/* "Delegations have been negotiating in the Saudi city of Jeddah": a place found after a meeting
 * verb (not at the pattern's T) is where it happens, not a party; it hosts only when its country
 * is a party named otherwise (meeting_place). */
int ev_place_not_party(const sctx *s, const match *m, const dy_pattern *p, int tgt)
{
    return tgt >= 0 && m->tgt < 0 && p->meet && s->g[tgt].locative;
}

/* acc12: "held talks in Niamey with the military rulers": the party a meeting is held with,
 * after its place. The first actor after the place group `place` that is no place itself, with
 * "with" (and a determiner) right before it, and between the two no more than four words and no
 * comma or clause; -1 when none. */
int ev_with_after_place(const sctx *s, int place)
{
    uint32_t from = s->g[place].t1;
    for (size_t k = (size_t)place + 1; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->locative) { from = g->t1; continue; }
        uint32_t j = g->t0;
        if (j > from && (dy_dict_wclass(s->c->dict, s->t[j - 1].id) & DY_WC_DET)) j--;
        if (j <= from || !WIS(s, j - 1, "with") || j - 1 - from > 4) return -1;
        if (ev_span_broken(s, from, j)) return -1;
        return g->code[0] && !g->anaphor ? g->comp : -1;
    }
    return -1;
}

/* Where a meeting took place, as a country: a place in the sentence ("in Istanbul", "off the port
 * of Vladivostok"), else the destination of a visit in this or the sentence before. */
static int meeting_place(const sctx *s, char home[4])
{
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->anaphor || g->kind == DY_GK_AGENT || !is_named(s, (int)k) || !dy_code_is_country(g->code)) continue;
        int at = g->locative;
        for (uint32_t j = g->t0, n = 0; !at && j-- > s->t0 && n < 6; n++) {
            if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) break;
            at = (dy_dict_wclass(s->c->dict, s->t[j].id) & DY_WC_LOC) || WIS(s, j, "off");
        }
        if (!at) continue;
        memcpy(home, g->code, 3);
        home[3] = 0;
        return 1;
    }
    const dy_coder *c = s->c;
    if (c->visit_place[0] && s->sidx - c->visit_sent <= 1) { memcpy(home, c->visit_place, 4); return 1; }
    return 0;
}

/* Paired acts (docs/coding.md): hosting implies a visit back ("043 host+ T ; pair=042"), and a
 * meeting where one party is at home is that party's hosting (043) and the other's visit (042).
 * 1: coded here; 0: not a case for it (the caller codes the act as usual); -1: out of memory. */
/* "Abiy arrived in Asmara ... and Isaias greeted him": the paired act (the visit) is told
 * already in the sentence, between the same countries with the same root. */
static int pair_told(const sctx *s, const char *code, const char *from, const char *to)
{
    for (size_t e = s->c->nev; e-- > 0 && s->c->ev[e].sent == s->sidx;) {
        const dy_event *v = &s->c->ev[e];
        if (!strncmp(v->code, code, 2) && !strncmp(v->source, from, 3) && !strncmp(v->target, to, 3)) return 1;
    }
    return 0;
}

int ev_emit_paired(sctx *s, const match *m, const dy_pattern *p, int src, int tgt)
{
    const char *xc[4], *yc[4];
    int xi[4], yi[4];
    size_t nx = 0, ny = 0;
    if (src >= 0 && tgt >= 0) {
        nx = ev_codes_of(s, src, xc, xi, 4);
        ny = ev_codes_of(s, tgt, yc, yi, 4);
    } else if (p->sym && (src >= 0 || tgt >= 0)) {      /* "the two leaders met in Vladivostok" */
        nx = ev_codes_of(s, src >= 0 ? src : tgt, xc, xi, 4);
        if (nx != 2) return 0;
        yc[0] = xc[1];
        yi[0] = xi[1];
        nx = ny = 1;
    }
    /* a meeting's host is one party; a pair= code runs between every source and target
     * ("will meet Eriadori and Calenardhon leaders" [031:031]) */
    if (!nx || !ny || ((nx != 1 || ny != 1) && !p->pair[0])) return 0;
    dy_date date = ev_date_for(s, m->head);
    const char *code1 = p->code, *code2 = p->pair;
    if (!code2[0]) {
        char home[4];
        if (!meeting_place(s, home)) return 0;
        int xh = !strncmp(xc[0], home, 3), yh = !strncmp(yc[0], home, 3);
        if (xh == yh) return 0;
        code1 = xh ? DY_CAMEO_HOST : DY_CAMEO_VISIT;
        code2 = xh ? DY_CAMEO_VISIT : DY_CAMEO_HOST;
        ev_ex(s->c, "    a meeting in %s: %s hosts\n", home, xh ? xc[0] : yc[0]);
    }
    /* the pattern's codes have their entries already (found once at load) */
    const dy_cameo *c1 = code1 == p->code ? p->cam : dy_dict_cameo(s->c->dict, code1);
    const dy_cameo *c2 = code2 == p->pair ? p->pair_cam : dy_dict_cameo(s->c->dict, code2);
    for (size_t a = 0; a < nx; a++)
        for (size_t b = 0; b < ny; b++) {
            if (emit_one(s, m, code1, c1, xc[a], xi[a], yc[b], yi[b], DY_MOOD_FACTUAL, date) < 0) return -1;
            if (!pair_told(s, code2, yc[b], xc[a]) &&
                emit_one(s, m, code2, c2, yc[b], yi[b], xc[a], xi[a], DY_MOOD_FACTUAL, date) < 0) return -1;
        }
    return 1;
}

/* A reciprocal phrase in [from, limit): the act runs both ways within the pair. */
int ev_reciprocal_after(const sctx *s, uint32_t from, uint32_t limit)
{
    for (uint32_t j = from; j + 1 < limit && j + 1 < s->t1; j++)
        if (ev_reciprocal_at(s, j)) return 1;
    return 0;
}

/* "agreed to" (not "agree that ...", whose clause has a subject of its own, nor a dictionary's
 * plain "agree" pattern, which says itself what agreeing codes as) */
static int agreed_to(const sctx *s, uint32_t j)
{
    return !strncmp(W(s, j), "agree", 5) && j + 1 < s->t1 && WIS(s, j + 1, "to");
}

/* "each side freed 1,000 captives", "the two sides agreed to exchange prisoners": a pair that acts
 * with no other party named acts on each other, when the subject says so ("each", "either") or
 * the verb is an agreement ("agreed to"). */
int ev_mutual_subject(const sctx *s, int src, uint32_t head)
{
    const dy_actor *g = &s->g[src];
    if (g->anaphor == DY_G_PAIR && (WIS(s, g->t0, "each") || WIS(s, g->t0, "either"))) return 1;
    for (uint32_t j = head + 1, n = 0; j-- > s->t0 && n < 5 && j >= g->t1; n++) {
        if (j < head && ((s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE)) || WIS(s, j, "that"))) break;
        if (agreed_to(s, j)) return 1;
    }
    return 0;
}

void ev_drop_body(sctx *s, int body)
{
    if (body >= 0 && body == (int)s->ng - 1) s->ng--;
}

/* The parties a phrase leaves out, from the context (verb flag ctx): a "between" list in the
 * sentence ("talks between Israel and Hamas were brokered by Qatar"), else the last event of this
 * or the two sentences before that does not involve the actor already known (want_pair: a
 * mutual one, for a symmetric act with no party named): both sides of a mutual act ("Israel and Hamas agreed to a truce. Qatar hosted the talks."), the doer of a
 * one-sided one ("Russia vetoed the text. The veto drew criticism from Kyiv."). Returns a group
 * (an added one is removed by drop_body), or -1. */
/* "The US and France criticised the decision. The fighting ended with a plan brokered by
 * Sarkozy": a rebuke (root 11) tells who spoke, not who the parties are; a veto or a
 * rejection (12) is an act of a party. */
static int bystander_comment(const dy_event *v)
{
    return !strncmp(v->root, "11", 2);
}

/* An actor the context lends the sentence (a party of an earlier event): a state group with that
 * code, added after the sentence's own; the caller has checked s->ng < DY_MAX_ACTORS. */
dy_actor *ev_context_group(sctx *s, const char *code)
{
    dy_actor *g = &s->g[s->ng];
    memset(g, 0, sizeof *g);
    g->t0 = s->t0;
    g->t1 = s->t0 + 1;
    set_code(g->code, code);
    g->kind = DY_GK_STATE;
    g->comp = (int16_t)s->ng;
    g->ncomp = 1;
    return g;
}

/* The sentence of event v also holds its reverse (a mutual act). */
static int mutual_event(const dy_coder *c, const dy_event *v)
{
    for (size_t f = c->nev; f-- > 0;)
        if (c->ev[f].sent == v->sent && !strcmp(c->ev[f].source, v->target) && !strcmp(c->ev[f].target, v->source)) return 1;
    return 0;
}

/* Is code's country one of the known group's, or of a member of its coordination ("Egyptian
 * and Qatari mediators": neither is a party to the talks they broker)? */
static int known_member(const sctx *s, int known, const char *code)
{
    int head = s->g[known].comp;
    if (!strncmp(s->g[known].code, code, 3)) return 1;
    for (int j = head; j < (int)s->ng && (j == head || s->g[j].comp == head); j++)
        if (s->g[j].code[0] && !strncmp(s->g[j].code, code, 3)) return 1;
    return 0;
}

int ev_context_parties(sctx *s, int known, int want_pair, int *added)
{
    *added = -1;
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].comp == (int16_t)k && s->g[k].ncomp >= 2 && ev_tgt_between(s, (int)k) && (int)k != known) {
            ev_ex(s->c, "    parties from the context: the \"between\" list (ctx)\n");
            return (int)k;
        }
    const dy_coder *c = s->c;
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        if (v->sent + 3 < s->sidx) break;
        if (v->mood || v->source[0] == '-' || v->target[0] == '-') continue;
        if (known >= 0 && (known_member(s, known, v->source) || known_member(s, known, v->target))) continue;
        if (bystander_comment(v)) continue;
        int mutual = mutual_event(c, v);
        /* "Vucic and Kurti held talks. <two sentences> Kovachevski hosted the meeting": a mutual
         * act is remembered a sentence longer than a one-sided one */
        if (v->sent + 2 < s->sidx && !mutual) continue;
        if (want_pair && !mutual) continue;     /* "Negotiations began": the two sides of the talks */
        if (s->ng >= DY_MAX_ACTORS) return -1;
        dy_actor *g = ev_context_group(s, v->source);
        if (mutual) set_code(g->code2, v->target);
        ev_ex(s->c, "    parties from the context: %s%s%s, of sentence %u (ctx)\n", g->code, mutual ? " and " : "", g->code2,
           (unsigned)v->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* An accusation, demand, disapproval or threat (roots 10 to 13) */
static int accusation_event(const dy_coder *c, const dy_event *v)
{
    (void)c;
    return !strcmp(v->root, "10") || !strcmp(v->root, "11") || !strcmp(v->root, "12") || !strcmp(v->root, "13");
}

/* The latest factual event of this or the `back` sentences before with the known actor's country
 * on one side (its source when as_source, else its target) and not on the other, whose other
 * party is named and which want() accepts: the index of that event in c->ev, or -1. */
long ev_recent_event_with(const sctx *s, int known, int as_source, uint32_t back,
                          int (*want)(const dy_coder *, const dy_event *))
{
    const dy_coder *c = s->c;
    assert(back <= EV_LOOKBACK_SENTS);     /* else a window of a long document would miss it */
    if (known < 0 || !s->g[known].code[0] || s->g[known].code[0] == '-' || s->ng >= DY_MAX_ACTORS) return -1;
    const char *kc = s->g[known].code;
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        if (v->sent + back < s->sidx) break;
        const char *mine = as_source ? v->source : v->target, *other = as_source ? v->target : v->source;
        if (v->mood || other[0] == '-' || strncmp(mine, kc, 3) || !strncmp(other, kc, 3)) continue;
        if (want(c, v)) return (long)e;
    }
    return -1;
}

/* A cooperative act (roots 03 to 06): an intent, a meeting, an endorsement or a signing */
static int cooperation_event(const dy_coder *c, const dy_event *v)
{
    (void)c;
    return v->root[0] == '0' && v->root[1] >= '3' && v->root[1] <= '6';
}

/* acc16b: "Qatar agreed to supply Germany with gas. ... Habeck welcomed the agreement": praise of
 * a deal goes to the other side of the praiser's last cooperative act of this or the four
 * sentences before, told either way. Returns an added group (drop_body), or -1. */
int ev_deal_counterpart(sctx *s, int known, int *added)
{
    *added = -1;
    long a = ev_recent_event_with(s, known, 1, 4, cooperation_event), b = ev_recent_event_with(s, known, 0, 4, cooperation_event);
    long e = a > b ? a : b;
    if (e < 0) return -1;
    const dy_event *v = &s->c->ev[e];
    dy_actor *g = ev_context_group(s, e == a ? v->target : v->source);
    ev_ex(s->c, "    the other side of the deal: %s, of sentence %u\n", g->code, (unsigned)v->sent + 1);
    *added = (int)s->ng;
    return (int)s->ng++;
}

/* "The two sides agreed to swap prisoners. Umerov proposed holding another round": an offer or
 * proposal of talks (root 03) with no party named goes to the side its author last dealt with,
 * the other party of the last mutual act of this or the two sentences before that involved it.
 * Returns an added group (drop_body), or -1. */
int ev_counterpart(sctx *s, int known, int *added)
{
    *added = -1;
    long e = ev_recent_event_with(s, known, 1, 2, mutual_event);
    if (e < 0) return -1;
    const dy_event *v = &s->c->ev[e];
    dy_actor *g = ev_context_group(s, v->target);
    ev_ex(s->c, "    the other side of its last mutual act: %s, of sentence %u (ctx)\n", g->code, (unsigned)v->sent + 1);
    *added = (int)s->ng;
    return (int)s->ng++;
}

/* "Mirziyoyev arrived in Dushanbe. Rahmon greeted his guest at the airport": a welcome with no
 * guest named (a hosting whose act back is a visit, pair=042) greets the visitor of the last
 * visit to the host's country, told in this sentence or the one before. Returns an added group
 * (drop_body), or -1. */
int ev_last_visitor(sctx *s, int known, int *added)
{
    dy_coder *c = s->c;
    *added = -1;
    if (known < 0 || !c->visit_place[0] || s->sidx - c->visit_sent > 1 || s->ng >= DY_MAX_ACTORS) return -1;
    if (strncmp(s->g[known].code, c->visit_place, 3) != 0 || !strncmp(c->visitor, c->visit_place, 3)) return -1;
    dy_actor *g = ev_context_group(s, c->visitor);
    ev_ex(c, "    the guest: %s, the visitor of sentence %u\n", g->code, (unsigned)c->visit_sent + 1);
    *added = (int)s->ng;
    return (int)s->ng++;
}

/* acc19b: "Simecka called the Moscow trip a disgrace": a place named before a trip or visit noun
 * (grammar.txt meeting) is where the story's last visit went, not the party judged; the visitor
 * of that visit, told up to three sentences before, is. Returns an added group (drop_body), or -1. */
int ev_trip_maker(sctx *s, int tgt, int *added)
{
    dy_coder *c = s->c;
    *added = -1;
    const dy_actor *t = &s->g[tgt];
    if (!c->visit_place[0] || s->sidx - c->visit_sent > 3 || s->ng >= DY_MAX_ACTORS || t->t1 >= s->t1) return -1;
    if (t->kind != DY_GK_STATE || strlen(t->code) != 3 || strncmp(t->code, c->visit_place, 3) != 0) return -1;
    uint32_t e;
    if (ev_gram_class_at(s, t->t1, &e) != DY_G_MEETING || !strncmp(c->visitor, c->visit_place, 3)) return -1;
    dy_actor *g = ev_context_group(s, c->visitor);
    /* a state's trip is its government's ("the Moscow trip" of Fico's Slovakia: SVKGOV) */
    if (strlen(g->code) == 3 && dy_code_is_country(g->code)) memcpy(g->code + 3, "GOV", 4);
    ev_ex(c, "    the trip's maker: %s, the visitor of sentence %u (the place names where it went)\n", g->code, (unsigned)c->visit_sent + 1);
    *added = (int)s->ng;
    return (int)s->ng++;
}

/* "Poland accused Belarus of ... Belarus denied the accusation": a denial with no party named
 * answers the last accusation, demand or threat aimed at its subject in this or the `back`
 * sentences before (two; a denial, acc16a, six: a story's reply often comes after the accuser's
 * other acts); its author is the target. Returns an added group (drop_body), or -1. */
int ev_accuser(sctx *s, int known, int *added, uint32_t back)
{
    *added = -1;
    long e = ev_recent_event_with(s, known, 0, back, accusation_event);
    if (e < 0) e = ev_home_accusation(s, known, back);
    if (e < 0) return -1;
    const dy_event *v = &s->c->ev[e];
    dy_actor *g = ev_context_group(s, v->source);
    ev_ex(s->c, "    target from the context: %s, who accused the subject in sentence %u\n", g->code, (unsigned)v->sent + 1);
    *added = (int)s->ng;
    return (int)s->ng++;
}

/* The target of the story's last act of root `root`, done in this or the `back` sentences before
 * by someone other than the actors of group `known` to someone else, as an added group
 * (drop_body), or -1. `what` names it for --explain. */
static int last_target_of_root(sctx *s, int known, int *added, const char *root, uint32_t back, const char *what)
{
    const dy_coder *c = s->c;
    *added = -1;
    if (known < 0 || !s->g[known].code[0] || s->ng >= DY_MAX_ACTORS) return -1;
    const char *codes[4];
    int idx[4];
    size_t n = ev_codes_of(s, known, codes, idx, 4);
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        if (v->sent + back < s->sidx) break;
        if (strcmp(v->root, root) != 0 || v->target[0] == '-' || !dy_code_is_country(v->target)) continue;
        int own = 0;
        for (size_t q = 0; q < n; q++) own |= !strncmp(codes[q], v->target, 3) || !strncmp(codes[q], v->source, 3);
        if (own) continue;
        dy_actor *g = ev_context_group(s, v->target);
        g->code[3] = 0;
        ev_ex(s->c, "    %s from the context: %s, of sentence %u\n", what, g->code, (unsigned)v->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* "Egypt sent rescue teams to Libya. Turkey flew in field hospitals. Italy and France said they
 * would send ships": aid (root 07) with no receiver goes to the receiver of the story's last aid,
 * given in this or the three sentences before by someone else. Returns an added group
 * (drop_body), or -1. */
int ev_aid_receiver(sctx *s, int known, int *added)
{
    return last_target_of_root(s, known, added, "07", 3, "receiver");
}

/* gen15: "Australia pledged 200 million Australian dollars to support policing", "Beijing pledged
 * 100 million yuan in emergency assistance": a pledge of aid or support (031-033) names the donor's money, not
 * its receiver. With no receiver named, or only one of the donor's own country, it goes to the
 * other side of the donor's last mutual act, else to the receiver of the story's last aid, else
 * to the story's country when that is not the donor's. Returns an added group (drop_body), or -1. */
int ev_pledge_receiver(sctx *s, int known, int *added)
{
    int g = ev_counterpart(s, known, added);
    if (g < 0) g = ev_aid_receiver(s, known, added);
    if (g >= 0) return g;
    const char *sc = dy_story_country(&s->c->story);
    if (known < 0 || !sc[0] || !strncmp(s->g[known].code, sc, 3) || s->ng >= DY_MAX_ACTORS) return -1;
    dy_actor *a = ev_context_group(s, sc);
    ev_ex(s->c, "    receiver: %s, the story's country\n", a->code);
    *added = (int)s->ng;
    return (int)s->ng++;
}

/* acc10: "Bolivia broke off relations with Israel, while Colombia and Chile recalled their
 * ambassadors": a cut in relations (root 16) with no party named but the actor's own envoys goes
 * to the one the last such cut of this or the sentence before was aimed at, by someone else. */
int ev_cut_target(sctx *s, int known, int *added)
{
    return last_target_of_root(s, known, added, "16", 1, "target of the same cut");
}

/* gen15: "Greece expelled two Russian diplomats, accusing them of spying", "Somalia cut ties
 * with Kenya, accusing it of meddling", "Algeria broke off relations with Morocco, accusing its
 * neighbour of hostile acts": a pronoun ("them", "it", "its ...") right after a participle that
 * follows a comma is the target of the main clause's act, done by the same subject earlier in
 * the sentence, not the subject itself. A destination ("deported them to El Salvador") is none.
 * acc16b: an act within one country counts too ("Police detained 11 employees, accusing them of
 * ...": the detainees), only not one whose two sides are the same actor.
 * Returns an added group (drop_body), or -1. */
int ev_main_clause_target(sctx *s, const match *m, int src, int *added)
{
    dy_coder *c = s->c;
    *added = -1;
    uint32_t o = m->head + 1;
    if (src < 0 || o >= s->t1 || s->ng >= DY_MAX_ACTORS || !ev_participial_at(s, m->head)) return -1;
    if (!WIS(s, o, "them") && !WIS(s, o, "it") && !WIS(s, o, "him") && !WIS(s, o, "her") && !WIS(s, o, "its") && !WIS(s, o, "their"))
        return -1;
    uint32_t a = s->t[s->g[src].t0].start;
    for (size_t e = c->nev; e-- > 0 && c->ev[e].sent == s->sidx;) {
        const dy_event *v = &c->ev[e];
        if (v->src_start != a || v->target[0] == '-' || !v->target[0] || !strcmp(v->source, v->target)) continue;
        /* acc16a: "suspended security assistance to Pakistan, accusing it of ...": aid cut (root
         * 16) "to" a party names its receiver, no destination */
        int receiver = !strcmp(v->root, "16");
        for (size_t k = 0; k < s->ng; k++)
            if (s->t[s->g[k].t0].start == v->tgt_start &&
                (s->g[k].locative || (!receiver && s->g[k].t0 > s->t0 && (WIS(s, s->g[k].t0 - 1, "to") || WIS(s, s->g[k].t0 - 1, "into")))))
                return -1;
        dy_actor *g = ev_context_group(s, v->target);
        ev_ex(c, "    target: %s, the target of the main clause's act before the participle\n", g->code);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* second17: is tgt only the subject src named again: its own group, the same code ("his
 * spokesman" of the UN chief), or a pronoun or the subject's own envoy or role ("its embassy",
 * "its diplomats") of its country? */
int ev_own_again(const sctx *s, int src, int tgt)
{
    const dy_actor *a = &s->g[s->g[src].comp], *b = &s->g[s->g[tgt].comp];
    if (a == b || !strcmp(a->code, b->code)) return 1;
    return dy_code_is_country(a->code) && !strncmp(a->code, b->code, 3) && (b->anaphor || ev_own_role(s, tgt));
}

/* second17: does the verb at head go on from a verb before it, with the same subject: "and" (", and")
 * at most three words before it, none an actor nor "to" ("and in April expelled", "and later
 * warned"); "and said (that)" or another verb and "that", then the subject, src, named again ("and
 * said it regretted", "and said Ankara would press on", "and warned that it would respond"), or its
 * own envoy or role (", and its spokesman urged"); or a comma right before it in a list of verbs ("condemned the decision,
 * called on Washington to reverse it and ...")? Returns the token of "and" or the comma, else s->t1. */
uint32_t ev_coordinator_at(const sctx *s, uint32_t head, int src)
{
    if (head <= s->t0 + 1 || group_at(s, head) >= 0) return s->t1;
    if ((s->t[head - 1].flags & DY_TF_COMMA) && !ev_ing_form(s, head) && !(s->t[head].flags & DY_TF_CAP)) return head - 1;
    uint32_t j = head, e;
    for (int n = 0; n < 4 && j > s->t0; n++) {
        j--;
        int g = group_at(s, j);
        if (g >= 0) {
            if (src < 0 || (s->g[g].comp != s->g[src].comp &&
                            (!dy_code_is_country(s->g[g].code) || strncmp(s->g[g].code, s->g[src].code, 3) != 0)))
                return s->t1;
            uint32_t q = s->g[g].t0;
            /* ", and its spokesman urged": the subject's own envoy or role */
            if (ev_own_role(s, g) && q >= s->t0 + 2 && WIS(s, q - 2, "and")) return q - 2;
            if (q > s->t0 && WIS(s, q - 1, "that")) q--;
            for (uint32_t r = q, k = 0; r-- > s->t0 && k < 3; k++)
                if (ev_gram_is(s, r, DY_G_SAY, &e) && e == q) return r > s->t0 && WIS(s, r - 1, "and") ? r - 1 : s->t1;
            /* "and warned that it would", "and vowed it would": one verb between */
            return q >= s->t0 + 2 && group_at(s, q - 1) < 0 && (s->t[q - 1].flags & DY_TF_WORD) &&
                           !(dy_dict_wclass(s->c->dict, s->t[q - 1].id) & DY_WC_DET) && WIS(s, q - 2, "and") ? q - 2 : s->t1;
        }
        if (!(s->t[j].flags & DY_TF_WORD) || WIS(s, j, "to")) return s->t1;
        if (WIS(s, j, "and")) return j;
    }
    return s->t1;
}

/* second17: "The United States said that China's actions were dangerous and reaffirmed its
 * commitment to ...": a verb that goes on from an act the sentence coded (ev_coordinator_at),
 * whose subject was found in that act's words (its target, after its verb: not "claimed that
 * ISIL had attacked Iraq and taken Mosul"), shares that act's subject, named before its verb. Returns that subject's group, or src. */
int ev_coordinated_subject(const sctx *s, uint32_t head, int src)
{
    const dy_coder *c = s->c;
    if (src < 0) return src;
    uint32_t co = ev_coordinator_at(s, head, src);
    if (co >= s->t1 || s->g[s->g[src].comp].t0 > co) return src;
    uint32_t a = s->t[s->g[s->g[src].comp].t0].start, cs = s->t[co].start;
    for (size_t e = c->nev; e-- > 0 && c->ev[e].sent == s->sidx;) {
        const dy_event *v = &c->ev[e];
        if (v->mood || v->verb_end > cs || v->src_start >= v->verb_start || v->tgt_start != a || v->tgt_start < v->verb_start) continue;
        for (size_t k = 0; k < s->ng; k++)
            if (s->t[s->g[k].t0].start == v->src_start) return s->g[k].comp;
        return src;
    }
    return src;
}

/* Is the event's target group after "to" or "into", or a place ("deported them to El Salvador")? */
static int destination_of(const sctx *s, const dy_event *v)
{
    for (size_t k = 0; k < s->ng; k++)
        if (s->t[s->g[k].t0].start == v->tgt_start &&
            (s->g[k].locative || (s->g[k].t0 > s->t0 && (WIS(s, s->g[k].t0 - 1, "to") || WIS(s, s->g[k].t0 - 1, "into")))))
            return 1;
    return 0;
}

/* Is the event's target one the text names here, or one an earlier sentence lent (context_group),
 * rather than a role a domestic act implies (ev_implied_target, inside the verb's words)? */
static int named_target(const sctx *s, const dy_event *v)
{
    if (v->tgt_start == s->t[s->t0].start) return 1;
    for (size_t k = 0; k < s->ng; k++)
        if (s->t[s->g[k].t0].start == v->tgt_start) return 1;
    return 0;
}

/* second17: "India expelled Pakistani military advisers and suspended the Indus Waters Treaty",
 * "condemned the violence on Sunday and called for political dialogue": a verb that goes on from
 * an act the sentence coded for the same subject (ev_coordinator_at), its subject before it, in
 * the same clause, and names no target of its own acts on that act's target, or on both of its
 * targets ("urged both sides to show restraint and offered to help"). A subject found in that
 * act's object ("spoke with Putin and Macron and asked for their help") is its subject's. Not a
 * verb of another mood (ev_mood_at: "if", "could"). Returns an added group (drop_body), or -1. */
int ev_coordinated_target(sctx *s, const match *m, int *src, int *added)
{
    dy_coder *c = s->c;
    *added = -1;
    if (*src < 0 || s->ng >= DY_MAX_ACTORS) return -1;
    uint32_t co = ev_coordinator_at(s, m->head, *src);
    if (co >= s->t1) return -1;
    int mood = ev_mood_at(s, m->head);
    if (mood != DY_MOOD_FACTUAL && mood != DY_MOOD_INTENT) return -1;
    const dy_actor *sg = &s->g[s->g[*src].comp];
    int again = sg->t0 > co;     /* "and said it ...": the subject named again, by its country */
    uint32_t a = s->t[sg->t0].start, cs = s->t[co].start;
    for (size_t e = c->nev; e-- > 0 && c->ev[e].sent == s->sidx;) {
        const dy_event *v = &c->ev[e];
        if (v->mood || v->verb_end > cs || v->src_start >= v->verb_start || !v->target[0] || v->target[0] == '-') continue;
        int object = !again && v->tgt_start == a && v->tgt_start >= v->verb_start;
        if (!object && (again ? strncmp(v->source, sg->code, 3) != 0 : v->src_start != a)) continue;
        if (!strcmp(v->source, v->target) || destination_of(s, v) || !named_target(s, v)) return -1;
        for (uint32_t j = co; j-- > s->t0 && s->t[j].start >= v->verb_end;)
            if (s->t[j].flags & (DY_TF_END | DY_TF_CLAUSE)) return -1;
        int subj = -1;
        for (size_t k = 0; k < s->ng && subj < 0; k++)
            if (s->t[s->g[k].t0].start == v->src_start) subj = s->g[k].comp;
        if (object && subj < 0) return -1;
        dy_actor *g = ev_context_group(s, v->target);
        for (size_t f = c->nev; f-- > 0 && c->ev[f].sent == s->sidx;)
            if (f != e && c->ev[f].verb_start == v->verb_start && c->ev[f].src_start == v->src_start && !c->ev[f].mood &&
                strncmp(c->ev[f].target, v->target, 3) != 0) {
                set_code(g->code2, c->ev[f].target);
                break;
            }
        if (object) {
            *src = subj;
            ev_ex(c, "    source: %s, the subject of the act before it, not its object (second17)\n", s->g[subj].code);
        }
        ev_ex(c, "    target: %s%s%s, the target of the act before it that this verb goes on from (second17)\n", g->code,
              g->code2[0] ? " and " : "", g->code2);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* second17: "The UN refugee agency criticised the arrangement and urged Britain to drop it",
 * "Hamas welcomed the vote and urged the council to ...": a verb that names no target, whose
 * object holds no actor (nor a decision, meeting or words), and the verb that goes on from it (next, ev_coordinator_at) names one:
 * both act on it. limit is where next's object ends. Returns that group, or -1. */
int ev_next_act_target(const sctx *s, const match *m, const match *next, uint32_t limit, int src)
{
    const dy_pattern *p = dy_dict_pattern(s->c->dict, next->pat);
    if (src < 0 || next->head < m->end || p->code[0] == '-' || p->rev || next->src >= 0) return -1;
    uint32_t co = ev_coordinator_at(s, next->head, src), e;
    if (co >= s->t1 || co < m->end || s->g[s->g[src].comp].t0 > co) return -1;
    /* "welcomed the decision and called on Kenya to ...": a decision, a meeting or words have an
     * author or parties of their own (ev_act_author, ev_meeting_parties, ev_accuser) */
    for (uint32_t j = m->head; j < co; j++) {
        int g = group_at(s, j);
        if (g >= 0 && !ev_own_again(s, src, g)) return -1;
        if ((s->t[j].flags & (DY_TF_END | DY_TF_CLAUSE)) || ev_gram_is(s, j, DY_G_SAY, &e)) return -1;
        int cls = ev_gram_class_at(s, j, &e);
        if (cls == DY_G_DECISION || cls == DY_G_MEETING || cls == DY_G_REMARKS) return -1;
    }
    /* "declined to join the sanctions and said it would keep its talks with Moscow going": an act
     * told inside a reported clause is not the first verb's target */
    for (uint32_t j = co; j < next->head; j++)
        if (ev_gram_is(s, j, DY_G_SAY, &e)) return -1;
    if (ev_is_passive_at(s, next->head) || ev_is_nominal(s, next->head)) return -1;
    int mood = ev_mood_at(s, next->head);
    if (mood != DY_MOOD_FACTUAL && mood != DY_MOOD_INTENT) return -1;
    int t = next->tgt >= 0 ? s->g[next->tgt].comp : ev_find_target(s, next->end, limit);
    if (t < 0 || !is_named(s, t) || s->g[t].locative || t == s->g[src].comp || !strcmp(s->g[t].code, s->g[src].code)) return -1;
    ev_ex(s->c, "    target: %s, the one the verb that goes on from it names (second17)\n", s->g[t].code);
    return t;
}

/* acc10: is group k an actor's own envoy or role, named after "its", "their", "his" or "her"
 * ("recalled their ambassadors"), no party of its own? */
int ev_own_role(const sctx *s, int k)
{
    const dy_actor *g = &s->g[k];
    if (g->kind != DY_GK_AGENT || g->t0 == s->t0) return 0;
    uint32_t j = g->t0 - 1;
    return WIS(s, j, "its") || WIS(s, j, "their") || WIS(s, j, "his") || WIS(s, j, "her");
}

/* "Protesters stormed parliament. ... Ruto called the violence treasonous": crowds, rebels or the
 * opposition of the subject's own country are the authors a government condemns. */
int ev_domestic_author(const char *src, const char *tgt, const char *kc, int decision)
{
    static const char *const roles[] = {"CVL", "OPP", "REB"};
    if (strncmp(src, kc, 3) != 0 || strlen(src) < 6 || !dy_code_is_country(src)) return 0;
    for (size_t i = 0; i < 3; i++)
        if (!strncmp(src + 3, roles[i], 3)) return strlen(kc) < 6 || strncmp(kc + 3, roles[i], 3) != 0;
    /* acc19b: "Police arrested two former ministers. ... Duda condemned the arrests": a state
     * force's act on its own country's people is one another role of that country reacts to (a
     * harm named, not a "move", which a decision of another state may be) */
    static const char *const forces[] = {"COP", "MIL"};
    for (size_t i = 0; i < 2 && !decision; i++)
        if (!strncmp(src + 3, forces[i], 3))
            return !strncmp(tgt, src, 3) && strlen(kc) >= 6 && strncmp(kc + 3, forces[i], 3) != 0;
    return 0;
}

/* "President Saied froze parliament. ... The speaker denounced the move": a decision of a state's
 * government, forces or police is one its own opposition, parliament, courts or people react to. */
int ev_domestic_decision(const char *src, const char *kc)
{
    static const char *const state[] = {"GOV", "MIL", "COP"};
    if (strncmp(src, kc, 3) != 0 || strlen(src) < 6 || strlen(kc) < 6 || !dy_code_is_country(src)) return 0;
    int a = 0, b = 0;
    for (size_t i = 0; i < 3; i++) {
        a |= !strncmp(src + 3, state[i], 3);
        b |= !strncmp(kc + 3, state[i], 3);
    }
    return a && !b;
}

/* "Russia recognised the breakaway regions. ... Georgia condemned the move": a decision is an
 * act of its own (roots 03-09, 15-20), not a statement or a reaction to one (01, 02, 10-14). */
int ev_decision_root(int root)
{
    return (root >= 3 && root <= 9) || (root >= 15 && root <= 20);
}

/* Does the match name a decision rather than an attack ("condemned the move", "criticised the
 * decision")? Its author is then the doer of a recent act of any kind (act_author). */
int ev_names_decision(const sctx *s, const match *m)
{
    return ev_names_class(s, m, DY_G_DECISION);
}

int ev_names_class(const sctx *s, const match *m, int cls)
{
    for (uint32_t i = m->head, e; i < m->end; i++)
        if (ev_gram_class_at(s, i, &e) == cls) return 1;
    return 0;
}

/* "Biden hosted Kishida and Yoon ... China criticised the meeting": the parties of the last
 * factual meeting (root 04) of this or the four sentences before that the known actor took no
 * part in: a visit's host, or both sides of talks. Returns an added group (drop_body), or -1. */
int ev_meeting_parties(sctx *s, int known, int *added)
{
    const dy_coder *c = s->c;
    *added = -1;
    if (known < 0 || s->ng >= DY_MAX_ACTORS) return -1;
    const char *kc = s->g[known].code;
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        if (v->sent + 4 < s->sidx) break;
        if (strcmp(v->root, "04") || v->mood || v->source[0] == '-' || v->target[0] == '-') continue;
        if (!strncmp(v->source, kc, 3) || !strncmp(v->target, kc, 3)) continue;
        int visit = !strncmp(v->code, DY_CAMEO_VISIT, 3), host = !strncmp(v->code, DY_CAMEO_HOST, 3);
        dy_actor *g = ev_context_group(s, visit ? v->target : v->source);
        if (!visit && !host && mutual_event(c, v)) set_code(g->code2, v->target);
        ev_ex(s->c, "    the meeting's parties: %s%s%s, of sentence %u\n", g->code, g->code2[0] ? " and " : "", g->code2,
              (unsigned)v->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* "The decision drew sharp criticism from Belgrade": a decision noun opening the clause just
 * before the verb at head ("the", a word or two, no actor or comma between); 1 when so. */
int ev_decision_subject(const sctx *s, uint32_t head)
{
    for (uint32_t i = head, back = 0; i-- > s->t0 && back < 3; back++) {
        if (group_at(s, i) >= 0 || (s->t[i].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) return 0;
        uint32_t e;
        if (ev_gram_class_at(s, i, &e) == DY_G_DECISION && e <= head)
            return i > s->t0 && (WIS(s, i - 1, "the") || WIS(s, i - 1, "this") || WIS(s, i - 1, "that")) &&
                   (i - 1 == s->t0 || (s->t[i - 2].flags & (DY_TF_COMMA | DY_TF_CLAUSE)));
    }
    return 0;
}

/* acc19a: "The International Court of Justice ordered Israel ... Pandor welcomed the decision and
 * said Israel could not comply": in the six sentences after an international court, a decision
 * is its ruling, whoever the clause names next. Returns an added group (drop_body), or -1. */
int ev_court_decision(sctx *s, int known)
{
    const dy_coder *c = s->c;
    if (known < 0 || s->ng >= DY_MAX_ACTORS || !c->igo_court[0] || s->sidx - c->igo_court_sent > 6) return -1;
    if (!strcmp(s->g[known].code, c->igo_court)) return -1;
    dy_actor *g = ev_context_group(s, c->igo_court);
    ev_ex(s->c, "    target from the context: %s, the court named before, whose ruling it is (acc19a)\n", g->code);
    return (int)s->ng++;
}

/* "Turkish jets shot down a Russian plane. ... Moscow condemned the attack": the author of a
 * hostile act named by a noun (verb flag author) is the source of the story's last material
 * conflict (roots 14-20) that the subject took no part in; where that sentence has several
 * authors of the same act on the same target ("US and British strikes"), the second is code2.
 * With home (a coup), only an act within one country counts ("Sudan's army detained Hamdok. The US
 * suspended aid. Guterres condemned the takeover": the army). target20: with no such act coded, an
 * act told but not coded (ev_latent_author) for a decision, a violent act's noun (violent 1: roots
 * 18-20, or the one accused of it) or a threat answering an act (violent 2: roots 14-20); and a
 * violent act told after a coded act that was none. Returns an added group (drop_body), or -1. */
int ev_act_author(sctx *s, int known, int *added, int decision, int home, int violent)
{
    const dy_coder *c = s->c;
    *added = -1;
    if (known < 0 || s->ng >= DY_MAX_ACTORS) return -1;
    const char *kc = s->g[known].code;
    if (decision && (*added = ev_court_decision(s, known)) >= 0) return *added;
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        int root = atoi(v->root);
        if (decision && v->sent + 3 < s->sidx) break;     /* a reaction may come three sentences on */
        if (decision ? !ev_decision_root(root) : (root < 14 || root > 20)) continue;
        if (v->mood || v->source[0] == '-') continue;
        if (home && (strncmp(v->source, v->target, 3) != 0 || !dy_code_is_country(v->source))) continue;
        if (!strncmp(v->source, kc, 3) && !ev_domestic_author(v->source, v->target, kc, decision) && !(decision && ev_domestic_decision(v->source, kc))) continue;
        /* target20: a violent act told after a coded act that was none ("ordered the evacuation of
         * its embassy ... The attacker shot dead ...": "the attack" is the shooting), coded or not */
        if (violent == 1 && !decision && !home && (root < 18 || root > 20) && ev_latent_author(s, known, 0, 18, v->sent + 1, added) >= 0) return *added;
        dy_actor *g = ev_context_group(s, v->source);
        for (size_t f = e; f-- > 0 && c->ev[f].sent == v->sent;)
            if (!strcmp(c->ev[f].root, v->root) && !strcmp(c->ev[f].target, v->target) && strncmp(c->ev[f].source, v->source, 3) &&
                strncmp(c->ev[f].source, kc, 3)) {
                set_code(g->code2, c->ev[f].source);
                break;
            }
        ev_ex(s->c, "    target from the context: %s%s%s, the author of the act of sentence %u\n", g->code, g->code2[0] ? " and " : "",
           g->code2, (unsigned)v->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    if ((decision || violent) && !home && ev_latent_author(s, known, decision, violent == 1 ? 18 : 14, 0, added) >= 0) return *added;
    if (violent == 1 && !decision && !home && ev_accused_author(s, known, added) >= 0) return *added;
    /* no act at home coded: a coup is the story country's, for a party from elsewhere */
    const char *sc = dy_story_country(&c->story);
    if (home && sc[0] && strncmp(kc, sc, 3) != 0) {
        dy_actor *g = ev_context_group(s, sc);
        ev_ex(s->c, "    target from the context: %s, the story's country, where the act took place\n", g->code);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* The parties of the deal: a pair in the sentence before the participle (a coordination or "the
 * two sides"), else the document's main pair so far. 1 when found. */
static int deal_parties(const sctx *s, uint32_t before, char a[16], char b[16], int *ga, int *gb)
{
    for (size_t k = 0; k < s->ng && s->g[k].t1 <= before; k++) {
        const dy_actor *g = &s->g[k];
        if (g->code2[0] && g->code[0]) {
            set_code(a, g->code); set_code(b, g->code2); *ga = *gb = (int)k;
            return 1;
        }
        if (g->comp == (int16_t)k && g->ncomp == 2 && k + 1 < s->ng && g->code[0] && s->g[k + 1].code[0]) {
            set_code(a, g->code); set_code(b, s->g[k + 1].code); *ga = (int)k; *gb = (int)k + 1;
            return 1;
        }
    }
    char x[16], y[16];
    if (!dy_coder_topic(s->c, x, y)) return 0;
    set_code(a, x); set_code(b, y); *ga = *gb = -1;
    return 1;
}

static int push_third(sctx *s, const char *code, const char *x, int xi, const char *y, int yi, uint32_t head)
{
    if (!x[0] || !y[0] || x[0] == '-' || !strncmp(x, y, 3)) return 0;
    dy_event e = {0};
    e.sent = s->sidx;
    set_code(e.source, x);
    set_code(e.target, y);
    size_t cn = strnlen(code, sizeof e.code - 1);
    memcpy(e.code, code, cn);
    e.code[cn] = 0;
    memcpy(e.root, code, 2);
    e.root[2] = 0;
    e.quad = dy_cameo_quad(code);
    const dy_cameo *cam = dy_dict_cameo(s->c->dict, code);
    e.goldstein = cam ? cam->goldstein : 0;
    e.date = ev_date_for(s, head);
    e.src_start = s->t[s->g[xi].t0].start;
    e.src_end = s->t[s->g[xi].t1 - 1].end;
    if (yi >= 0) { e.tgt_start = s->t[s->g[yi].t0].start; e.tgt_end = s->t[s->g[yi].t1 - 1].end; }
    e.verb_start = s->t[head].start;
    e.verb_end = s->t[head].end;
    int r = push_event(s->c, &e);
    if (r > 0) ev_ex(s->c, "    event %s -> %s %s (%s)\n", e.source, e.target, e.code, cam ? cam->name : "?");
    return r;
}

int ev_code_brokered(sctx *s)
{
    for (uint32_t i = s->t0 + 1; i + 1 < s->t1; i++) {
        if (!WIS(s, i + 1, "by")) continue;     /* one test a word; "by" is rare */
        const char *code = WIS(s, i, "brokered") || WIS(s, i, "mediated") || WIS(s, i, "facilitated") ? "045"
                         : WIS(s, i, "hosted") ? DY_CAMEO_HOST : NULL;
        if (!code) continue;
        uint32_t j = i + 2;
        if (j < s->t1 && WIS(s, j, "the")) j++;
        int x = group_at(s, j);
        if (x < 0 || s->g[x].t0 != j || !is_named(s, x)) continue;
        if (ev_mood_at(s, i) != DY_MOOD_FACTUAL) continue;
        char a[16], b[16];
        int ga, gb;
        if (!deal_parties(s, i, a, b, &ga, &gb)) continue;
        ev_ex(s->c, "  \"%s by\": %s for %s and %s\n", W(s, i), code, a, b);
        /* two sides of one country (a government and its rebels): one act on that country */
        if (!strncmp(a, b, 3) && dy_code_is_country(a)) { a[3] = 0; b[0] = 0; ga = -1; }
        const char *xc[8];
        int xi[8];
        size_t nx = ev_codes_of(s, x, xc, xi, 8);
        /* "brokered by Washington, and Bahrain followed suit": the list ends at the comma */
        if (nx > 1 && ((s->t[s->g[x].t1 - 1].flags & DY_TF_COMMA) || (s->g[x].t1 < s->t1 && (s->t[s->g[x].t1].flags & DY_TF_COMMA)))) nx = 1;
        for (size_t q = 0; q < nx; q++) {
            if (push_third(s, code, xc[q], xi[q], a, ga, i) < 0 || (b[0] && push_third(s, code, xc[q], xi[q], b, gb, i) < 0)) return -1;
        }
    }
    return 0;
}

/* Acts of one country's forces and crowds on each other, as the held-out sets code them:
 * "Police opened fire on the crowds" is violent repression (175), not a battle (19x);
 * "police forced their way into the embassy" is no protest but a raid on property (171), and
 * "soldiers blocked the entrance" a restriction of movement (191);
 * "protesters attacked the embassies" (a plain attack, 190) is a riot (145). */
const char *ev_domestic_code(const sctx *s, int src, int tgt, const char *code)
{
    if (src < 0) return code;
    /* acc15a: violent repression is the state's (police, soldiers); "party supporters attacked the
     * camp, beating demonstrators": a crowd, rebels or gunmen who beat people assault them (182) */
    if (!strcmp(code, "175") && ev_role_is(s, src, "CVLOPPREBUAFLABELI")) return "182";
    /* "Soldiers blocked the entrance to parliament": forces that block a way restrict movement (191) */
    if (!strncmp(code, "144", 3) && ev_role_is(s, src, "COPMIL")) return "191";
    if (code[0] == '1' && code[1] == '4' && ev_role_is(s, src, "COPMIL")) return "171";
    /* "Vietnam protested against Chinese survey ships": a state's protest is an official
     * complaint (114), not dissent in the street (140) */
    const dy_actor *sg = &s->g[s->g[src].comp];
    /* ... but "hundreds of Sri Lankans protested": people counted by "of" are a crowd */
    if (!strcmp(code, "140") && ((sg->kind == DY_GK_STATE && strlen(sg->code) == 3 && !sg->of) || ev_role_is(s, src, "GOV"))) return "114";
    if ((!strcmp(code, "190") || !strcmp(code, "193")) && ev_role_is(s, src, "CVLOPP")) return "145";     /* not "launched missiles" */
    /* "protesters demolished a Russian building": crowds that wreck property riot (145) */
    if (!strncmp(code, "171", 3) && ev_role_is(s, src, "CVLOPP")) return "145";
    /* police of any weapon; soldiers who open fire on crowds (not shelling or air strikes) */
    int forces = ev_role_is(s, src, "COP") || (ev_role_is(s, src, "MIL") && !strcmp(code, "193"));
    if (tgt < 0 || code[0] != '1' || code[1] != '9' || !forces || !ev_role_is(s, tgt, "CVLOPPLABEDUMED")) return code;
    if (strncmp(s->g[s->g[src].comp].code, s->g[s->g[tgt].comp].code, 3) != 0) return code;
    return "175";
}

/* prec13: "Kenyan police officers landed in Port-au-Prince", "an Indian Air Force plane touched
 * down in Yangon": a country's forces (not a named officer) arriving abroad are deployed there,
 * military aid or protection (074), not a visit (042; docs/coding.md: a deployment is no visit). */
const char *ev_forces_arrival_code(const sctx *s, int src, int tgt, const char *code)
{
    if (src < 0 || tgt < 0 || strcmp(code, DY_CAMEO_VISIT) != 0 || !ev_role_is(s, src, "MILCOP")) return code;
    const dy_actor *a = &s->g[s->g[src].comp], *b = &s->g[s->g[tgt].comp];
    if (a->kind == DY_GK_PERSON || a->name0 || !dy_code_is_country(b->code) || !strncmp(a->code, b->code, 3)) return code;
    /* a rank names one officer on a trip ("the army chief arrived in Washington") */
    uint32_t w = a->t1 - 1;
    if (dy_dict_word_is(s->c->dict, DY_G_RANK, s->t[w].id)) return code;
    return "074";
}

/* "Trump recognised Guaido. Canada, Brazil and Colombia quickly followed suit.": the subjects
 * did what the last sentence with events did, to the same target; 0, or -1 out of memory. */
int ev_followed_suit(sctx *s)
{
    dy_coder *c = s->c;
    /* the sentence before must have an event (most have none): looked at before the words */
    size_t last = c->nev;
    while (last > 0 && c->ev[last - 1].sent == s->sidx) last--;
    if (last == 0 || c->ev[last - 1].sent + 1 != s->sidx) return 0;
    uint32_t at = 0;
    for (uint32_t i = s->t0; i + 1 < s->t1 && !at; i++)
        if (WIS(s, i + 1, "suit") && (WIS(s, i, "followed") || WIS(s, i, "follow") || WIS(s, i, "follows"))) at = i;     /* "suit" is rare */
    if (!at) return 0;
    int subj = ev_sentence_subject(s, at);
    if (subj < 0 || s->g[subj].t1 > at) return 0;
    uint32_t from = c->ev[last - 1].sent;
    const char *sc[16];
    int si[16];
    size_t ns = ev_codes_of(s, subj, sc, si, 16);
    for (size_t e = last; e-- > 0 && c->ev[e].sent == from;) {
        if (c->ev[e].mood) continue;
        for (size_t a = 0; a < ns; a++) {
            dy_event v = c->ev[e];
            if (!strncmp(sc[a], v.target, 3) || !strncmp(sc[a], v.source, 3)) continue;
            v.sent = s->sidx;
            set_code(v.source, sc[a]);
            v.src_start = s->t[s->g[si[a]].t0].start;
            v.src_end = s->t[s->g[si[a]].t1 - 1].end;
            v.verb_start = s->t[at].start;
            v.verb_end = s->t[at + 1].end;
            int r = push_event(c, &v);
            if (r < 0) return -1;
            if (r) ev_ex(c, "  followed suit: event %s -> %s %s, as in sentence %u\n", v.source, v.target, v.code, (unsigned)from + 1);
        }
    }
    return 0;
}
