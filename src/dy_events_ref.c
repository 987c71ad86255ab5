/* dy_events_ref.c - who a mention is: the document's history of actors, references ("he", "the
 * two sides", "its"), roles filled from the story's country, names learnt in the document, and the
 * dates a sentence's events take. */
#include "dy_events_int.h"

void ev_remember(dy_coder *c, const char *code, const char *code2, uint8_t kind, uint8_t subj, uint32_t sent)
{
    if (!code[0]) return;
    if (c->nhist == HIST) {     /* forget the older half at once */
        memmove(c->hist, c->hist + HIST / 2, (HIST - HIST / 2) * sizeof *c->hist);
        c->nhist -= HIST / 2;
    }
    hist_entry *h = &c->hist[c->nhist++];
    set_code(h->code, code);
    set_code(h->code2, code2);
    h->kind = kind;
    h->subj = subj;
    h->place = 0;
    h->coord = 0;
    h->list = 0;
    h->sent = sent;
    unsigned first = (unsigned char)code[0] - 'A';
    if (first < 26 && !(dy_dict_side_first(c->dict) >> first & 1)) return;    /* no side's country */
    size_t ns;
    const dy_side *sd = dy_dict_sides(c->dict, &ns);
    for (size_t k = 0; k < ns; k++)
        for (int w = 0; w < sd[k].nwhen; w++)
            if (!memcmp(code, sd[k].when[w], 3)) c->side_seen[k] = sent + 1;
}

/* "It is good for Kim", "it was clear that": an "it" before a form of "be" that is not a passive
 * ("it was attacked") stands for nothing. */
static int pleonastic_it(const sctx *s, const dy_actor *g)
{
    uint32_t e, j = g->t1, i = g->t0;
    if (!ev_gram_is(s, j, DY_G_BE, &e) || e >= s->t1) return 0;
    /* "Iran said it was ready to resume talks": reported speech's "it" that announces an
     * intention (grammar.txt's intent words after "was") is the speaker's side */
    if (i > s->t0 && WIS(s, i - 1, "that")) i--;
    uint32_t se, ie;
    int ic = ev_gram_class_at(s, e, &ie);
    if (ic == DY_G_NEGATE && ie < s->t1) { e = ie; ic = ev_gram_class_at(s, e, &ie); }   /* "it was no longer supplying" */
    if (i > s->t0 && ev_gram_is(s, i - 1, DY_G_SAY, &se) && se == i && (ic == DY_G_INTENT || ic == DY_G_PLEDGE)) return 0;
    const char *w = W(s, e);
    size_t l = strlen(w);
    /* "it was cutting ties": a progressive verb has a real subject */
    if (l > 4 && strcmp(w + l - 3, "ing") == 0) return 0;
    return !(l > 3 && (strcmp(w + l - 2, "ed") == 0 || strcmp(w + l - 2, "en") == 0));
}

/* "Saudi Arabia, the UAE, Bahrain and Egypt cut ties with Qatar, accusing it of ...": "it" is
 * one actor, never a member of a list (the list is "they"). */
static int it_skips_member(const sctx *s, const dy_actor *g, int j)
{
    return (g->anaphor == DY_G_IT || g->anaphor == DY_G_COUNTRY) && s->g[s->g[j].comp].ncomp >= 2;
}

/* When the sentence before "it" names only a list as subject, the object of a preposition before
 * it is the one "it" speaks of ("cut ties with Qatar, accusing it"): such objects, newest first,
 * as candidates after the sentence's subjects. */
static size_t it_object_candidates(const sctx *s, int k, hist_entry *out)
{
    const dy_actor *g = &s->g[k];
    if (g->anaphor != DY_G_IT && g->anaphor != DY_G_COUNTRY) return 0;
    int list = 0;
    size_t n = 0;
    for (int j = k - 1; j >= 0; j--) {
        if (!s->g[j].code[0]) continue;
        const dy_actor *h = &s->g[s->g[j].comp];
        if (!h->prep && !s->g[j].poss) {
            if (h->ncomp < 2) return 0;     /* a single subject: the usual reading */
            list = 1;
            continue;
        }
        if (h->ncomp >= 2 || s->g[j].poss || s->g[j].locative || s->g[j].kind != DY_GK_STATE) continue;
        set_code(out[n].code, s->g[j].code);
        set_code(out[n].code2, s->g[j].code2);
        out[n].kind = s->g[j].kind;
        out[n].subj = 0;
        out[n].sent = s->sidx;
        n++;
    }
    return list ? n : 0;
}

/* "the government", "the regime": a reference to a country's government (XXXGOV), not to
 * the country. */
int ev_government_word(const sctx *s, const dy_actor *g)
{
    for (uint32_t i = g->t0; i < g->t1; i++)
        if (WIS(s, i, "government") || WIS(s, i, "regime")) return 1;
    return 0;
}

/* "expelled by the government of President Nicolas Maduro": "the government" or "the regime"
 * followed by "of" and a named actor is that actor's country's (VENGOV), no reference; 1 when set. */
static int government_of(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    uint32_t j = g->t1;
    if (!ev_government_word(s, g) || (size_t)k + 1 >= s->ng || j + 1 >= s->t1 || !WIS(s, j, "of")) return 0;
    const dy_actor *o = &s->g[k + 1];
    if (o->t0 != j + 1 && !(o->t0 == j + 2 && WIS(s, j + 1, "the"))) return 0;
    if (o->anaphor || o->region || !is_named(s, k + 1) || !dy_code_is_country(o->code) || !strncmp(o->code, "IGO", 3)) return 0;
    char c3[4];     /* built apart: g and o are one array to the compiler */
    memcpy(c3, o->code, 3);
    c3[3] = 0;
    snprintf(g->code, sizeof g->code, "%sGOV", c3);
    ev_ex(s->c, "  \"the government of\" %s\n", g->code);
    return 1;
}

/* acc10: "Deputy Foreign Minister Mamani told a news conference that the government condemned
 * ...": "the government" reported by an official (a person or a role) of a state's government is
 * that state's own,
 * not the last foreign state named; only when no other state is named between the speech verb
 * and the reference. For government_of_party: the official's country, "" when h ends the search,
 * NULL when h is passed over. */
static const char *speaker_country(const sctx *s, const dy_actor *h, const dy_actor *g)
{
    if (h->anaphor || !h->code[0] || h->code2[0]) return NULL;
    int official = h->kind != DY_GK_STATE && strlen(h->code) == 6 && !strcmp(h->code + 3, "GOV");
    if (!official) return !h->locative && dy_code_is_country(h->code) ? "" : NULL;     /* another state between */
    /* an official named without a country is the story's, as fill_roles will have it */
    const char *sc = dy_story_country(&s->c->story);
    if (!dy_code_is_country(h->code) && !(h->code[0] == '-' && sc[0])) return "";
    int said = 0;
    uint32_t e;
    for (uint32_t i = h->t1; i < g->t0 && !said; i++) said = ev_gram_is(s, i, DY_G_SAY, &e);
    /* acc16b: "Peters said officials had conveyed the government's concerns": an official after
     * the speech verb is passed over for the one who spoke */
    return !said ? NULL : h->code[0] == '-' ? sc : h->code;
}

/* acc11: "Italy's opposition accused the government of ...": "the government" after an
 * opposition (or rebel) subject earlier in its sentence is that subject's own country's, not the
 * last state named. For government_of_party, as speaker_country. */
static const char *opposition_country(const dy_actor *h)
{
    const char *o = h->code;
    if (h->locative || h->anaphor || h->code2[0] || strlen(o) < 6 || !dy_code_is_country(o)) return NULL;
    return strncmp(o + 3, "OPP", 3) != 0 && strncmp(o + 3, "REB", 3) != 0 ? "" : o;
}

/* "the government" (group k) as the country's of a party before it: of the official who reports
 * it (speaker 1, the nearest party first) or of an opposition subject (speaker 0, the first party
 * first). 1 when set. */
static int government_of_party(sctx *s, int k, int speaker)
{
    dy_actor *g = &s->g[k];
    if (!ev_government_word(s, g)) return 0;
    for (int n = 0; n < k; n++) {
        const dy_actor *h = &s->g[speaker ? k - 1 - n : n];
        const char *cc = speaker ? speaker_country(s, h, g) : opposition_country(h);
        if (!cc) continue;
        if (!cc[0]) return 0;
        char own[16] = "";
        snprintf(own, sizeof own, "%.3sGOV", cc);
        set_code(g->code, own);
        if (speaker) ev_ex(s->c, "  \"the government\" in what %s said: its own, %s\n", own, g->code);
        else ev_ex(s->c, "  \"the government\" after an opposition subject: %s\n", g->code);
        return 1;
    }
    return 0;
}

/* Resolves reference words in the sentence from the groups before them and the history. */
/* "Duterte met Xi in Beijing, and the two leaders agreed to ...": a pair opening a clause after
 * ", and" is the first two countries' actors named before it in the sentence. */
static int pair_of_clause_before(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    uint32_t a = g->t0;
    if (a < s->t0 + 2 || !WIS(s, a - 1, "and") || !(s->t[a - 2].flags & DY_TF_COMMA)) return 0;
    int first = -1;
    for (int j = 0; j < k; j++) {
        const dy_actor *h = &s->g[j];
        if (!h->code[0] || h->code[0] == '-' || h->locative || h->anaphor || h->code2[0] || !dy_code_is_country(h->code)) continue;
        if (first < 0) { first = j; continue; }
        if (strncmp(s->g[first].code, h->code, 3) != 0) {
            set_code(g->code, s->g[first].code);
            set_code(g->code2, h->code);
            return 1;
        }
    }
    return 0;
}

/* "the Prime Minister of St Vincent and the Grenadines", "the president of Brazil": a title
 * followed by "of" and a country is that country's, not a reference to someone named before.
 * Returns 1 when it set the code. */
int ev_title_of_state(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    if (g->anaphor != DY_G_PERSON || g->t1 + 1 >= s->t1 || !WIS(s, g->t1, "of")) return 0;
    uint32_t j = g->t1 + 1;
    if (WIS(s, j, "the") && j + 1 < s->t1) j++;
    int o = group_at(s, j);
    if (o < 0 || s->g[o].t0 != j || s->g[o].kind != DY_GK_STATE || strlen(s->g[o].code) != 3 ||
        !dy_code_is_country(s->g[o].code))
        return 0;
    if (WIS(s, g->t0, "he") || WIS(s, g->t0, "she") || WIS(s, g->t0, "him")) return 0;
    memcpy(g->code, s->g[o].code, 3);   /* two actors of one array: no snprintf between them */
    memcpy(g->code + 3, "GOV", 4);
    g->anaphor = 0;
    s->g[o].modifier = 1;
    return 1;
}

/* "Erdogan hosted Mohamud and Abiy ... . The two leaders agreed ...": a pair reference is the
 * coordination of two actors of two countries that was a party to an act in the sentence before,
 * when there is one and none stands before it in its own sentence (persons for "the two leaders"). cand: the history,
 * newest first. */
static int pair_named_before(sctx *s, int k, const hist_entry *cand, size_t nc, uint32_t reach)
{
    dy_actor *g = &s->g[k];
    for (int j = 0; j < k; j++)     /* "Seoul and Washington condemned ... the two countries": not these */
        if (s->g[j].ncomp >= 2) return 0;
    int people = 0;
    for (uint32_t i = g->t0; i < g->t1; i++)
        if (WIS(s, i, "leaders") || WIS(s, i, "heads")) people = 1;
    for (size_t j = 0; j + 1 < nc; j++) {
        const hist_entry *b = &cand[j], *a = &cand[j + 1];
        if (b->sent >= s->sidx || s->sidx - b->sent > reach) continue;
        if (a->sent != b->sent) continue;
        if (!b->coord || a->coord != b->coord || a->place || b->place || a->code2[0] || b->code2[0]) continue;
        if (people && (a->kind != DY_GK_PERSON || b->kind != DY_GK_PERSON)) continue;
        if (!dy_code_is_country(a->code) || !dy_code_is_country(b->code) || !strncmp(a->code, b->code, 3)) continue;
        if (j + 2 < nc && cand[j + 2].coord == b->coord && cand[j + 2].sent == b->sent) continue;   /* three or more */
        set_code(g->code, a->code);
        set_code(g->code2, b->code);
        return 1;
    }
    return 0;
}

/* "The Turkish president said he was ready": "he" or "she" opening the clause a speech verb
 * reports (after "that" or none) stands for that verb's subject, the leader or office right
 * before it. ("they" is left to the history: "Police said they had detained" is no pair.)
 * 1 when resolved. */
/* acc15a, acc15b: "said on Monday he was ...", "said late on Wednesday that it ...": the start of a date
 * (with its "on", "in", "late", "early") that ends right before token i, else i. */
static uint32_t before_date(const sctx *s, uint32_t i)
{
    for (size_t k = 0; k < s->ndates; k++) {
        uint32_t j = s->dates[k].t0;
        if (s->dates[k].t1 != i || j >= i || j <= s->t0) continue;
        if (j > s->t0 + 1 && (WIS(s, j - 1, "on") || WIS(s, j - 1, "in"))) j--;
        if (j > s->t0 + 1 && (WIS(s, j - 1, "late") || WIS(s, j - 1, "early"))) j--;
        return j;
    }
    return i;
}

static int speaker_pronoun(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    /* acc15b: "Police said they had detained several people", "prosecutors said on Tuesday that
     * they believe ...": "they" after a speech verb is the people of the role that spoke; the
     * verb's date may stand between ("said on Friday that he") */
    int they = g->anaphor == DY_G_THEY && WIS(s, g->t0, "they");
    if (g->anaphor != DY_G_PERSON && !they) return 0;
    uint32_t i = g->t0, end;
    if (i > s->t0 && WIS(s, i - 1, "that")) i--;
    i = before_date(s, i);
    if (i <= s->t0 || !ev_gram_is(s, i - 1, DY_G_SAY, &end) || end != i) return 0;
    int j = k - 1;
    while (j >= 0 && s->g[j].t1 > i - 1) j--;
    if (j < 0 || s->g[j].t1 + 1 < i || !s->g[j].code[0] || s->g[s->g[j].comp].prep || s->g[j].anaphor) return 0;
    const char *codes[2];
    int idx[2];
    if (they) {
        if (s->g[j].kind == DY_GK_PERSON || s->g[s->g[j].comp].ncomp > 1 || ev_codes_of(s, j, codes, idx, 2) != 1 ||
            strlen(codes[0]) <= 3)
            return 0;
        set_code(g->code, codes[0]);
        ev_ex(s->c, "  \"they\" after a speech verb: its speakers, %s\n", g->code);
        return 1;
    }
    /* "Russia said he ...": a state is no "he"; a leader or a titled office is */
    if (ev_codes_of(s, j, codes, idx, 2) != 1 || codes[0][0] == '-' ||
        (s->g[j].kind != DY_GK_PERSON && strlen(codes[0]) <= 3))
        return 0;
    set_code(g->code, codes[0]);
    ev_ex(s->c, "  \"he\" after a speech verb: its speaker, %s\n", g->code);
    return 1;
}

/* acc15a: "Malaysia's foreign ministry called the decision unfriendly, and said it was shutting
 * its embassy": "it" opening the clause that "and said (that)" reports stands for the sentence's
 * subject when that is a state's body (a ministry, a government), not a person or a list; so
 * does it after such a body's own "said" ("the ministry said on Tuesday it ..."). */
static int body_said_it(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    if (g->anaphor != DY_G_IT || k == 0) return 0;
    uint32_t i = g->t0, end;
    if (i > s->t0 && WIS(s, i - 1, "that")) i--;
    i = before_date(s, i);
    if (i < s->t0 + 2 || !ev_gram_is(s, i - 1, DY_G_SAY, &end) || end != i) return 0;
    /* the dateline city is nobody's subject (ev_dateline_place, which runs later) */
    int j0 = 0;
    for (uint32_t t = s->g[0].t1; s->sidx == 0 && s->g[0].t0 == s->t0 && t < s->t1 && t < s->g[0].t1 + 8; t++)
        if (s->t[t].flags & DY_TF_CLAUSE) { j0 = 1; break; }
    /* "the ministry said it ...": the body right before the speech verb */
    if (group_at(s, i - 2) >= 0 && group_at(s, i - 2) < k) j0 = s->g[group_at(s, i - 2)].comp;
    else if (!WIS(s, i - 2, "and")) return 0;
    if (j0 >= k) return 0;
    const dy_actor *h = &s->g[j0];
    if (h->prep || h->anaphor || h->ncomp >= 2 || h->kind == DY_GK_PERSON || strlen(h->code) <= 3 || h->code[0] == '-' ||
        !dy_code_is_country(h->code) || !strncmp(h->code, "IGO", 3))
        return 0;
    set_code(g->code, h->code);
    ev_ex(s->c, "  \"it\" after a body's speech verb: its speaker, %s\n", g->code);
    return 1;
}

/* "Mali, Burkina Faso and Niger said on Sunday they were withdrawing": "they" in a clause reported
 * by a list of countries (two states, or three actors of any kind) that opens the sentence is that list (all of it: the reference joins
 * the list's group). 1 when resolved. */
static int they_of_subject(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    /* acc21b: "Kishida and Xi met in November at a summit in Bangkok, where they agreed": the
     * meeting place's "where" opens a clause whose "they" is the list that met, leaders too (a
     * dateline may stand before the list) */
    int where = k > 0 && g->t0 > s->g[k - 1].t1 && WIS(s, g->t0 - 1, "where");
    int b = where && k > 2 && s->g[0].ncomp < 2 && s->g[1].comp == 1 && s->g[1].ncomp >= 2 ? 1 : 0;
    const dy_actor *h = &s->g[b];
    if (k == 0 || h->ncomp < 2 || h->prep || h->anaphor || (s->g[k - 1].comp != 0 && !where)) return 0;
    /* "Italy and France said they would send ships": two states will do; two leaders ("Obama and
     * Putin said they ...") may speak for others */
    for (int j = b; j < b + h->ncomp; j++)
        if (!s->g[j].code[0] || s->g[j].anaphor || !dy_code_is_country(s->g[j].code) ||
            (h->ncomp == 2 && s->g[j].kind != DY_GK_STATE && !where))
            return 0;
    int said = where;   /* a speech verb between the list and "they" */
    for (uint32_t i = s->g[k - 1].t1; i < g->t0 && !where; i++) {
        uint32_t e;
        if (ev_gram_is(s, i, DY_G_SAY, &e)) said = 1;
        else if (s->t[i].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
    }
    if (!said) return 0;
    set_code(g->code, s->g[b].code);
    set_code(g->code2, s->g[b + 1].code);
    g->comp = (int16_t)b;
    return 1;
}

/* "Biden welcomed Kishida and Yoon to Camp David ... The three leaders agreed": with no three
 * named together, the three countries of the last sentence's factual events, when it has
 * exactly three, in the sentence just before. */
static void group_of_last_act(sctx *s, dy_actor *g)
{
    const dy_coder *c = s->c;
    char found[3][16];
    size_t n = 0;
    uint32_t sent = UINT32_MAX;
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        if (sent == UINT32_MAX) sent = v->sent;
        if (v->sent != sent) break;
        if (v->mood) continue;
        const char *two[2] = {v->source, v->target};
        for (int i = 0; i < 2; i++) {
            if (!dy_code_is_country(two[i])) return;
            size_t j = 0;
            while (j < n && strncmp(found[j], two[i], 3)) j++;
            if (j < n) continue;
            if (n == 3) return;
            set_code(found[n++], two[i]);
        }
    }
    if (n != 3 || sent + 1 != s->sidx) return;
    set_code(g->code, found[0]);
    set_code(g->code2, found[1]);
    set_code(g->code3, found[2]);
    ev_ex(s->c, "  \"%.*s\": the three parties of sentence %u, %s, %s and %s\n", (int)s->t[g->t1 - 1].nlen, W(s, g->t1 - 1),
          (unsigned)sent + 1, g->code, g->code2, g->code3);
}

/* "Erdogan, Putin and Raisi met in Tehran ... . The three leaders agreed": a group of three is
 * the last coordination of exactly three actors of three countries that was a party to an act,
 * in one of the two sentences before (persons for "leaders"); left unresolved when there is none
 * or the group has another number. cand: newest first. */
/* Sets g's codes to n (2 or 3) distinct countries; 0 when they are not. */
static int set_named(dy_actor *g, const char *const *code, int n)
{
    for (int a = 0; a < n; a++)
        if (!dy_code_is_country(code[a]) || !strncmp(code[a], "IGO", 3) || (a && !strncmp(code[a], code[a - 1], 3))) return 0;
    set_code(g->code, code[0]);
    set_code(g->code2, code[1]);
    if (n == 3) set_code(g->code3, code[2]);
    return 1;
}

static void those_note(const sctx *s, const dy_actor *g)
{
    ev_ex(s->c, "  \"%.*s\": the states named together before, %s %s %s\n", (int)s->t[g->t1 - 1].nlen, W(s, g->t1 - 1), g->code,
          g->code2, g->code3);
}

/* "ordered diplomats from seven countries, among them Argentina, Chile and Peru, to leave, and
 * recalled its envoys from those capitals", "accused the seven of interfering": a group word with
 * another number than three, or "those", is the last two or three states named together (the
 * named ones of a longer list), earlier in this sentence or in the two before. */
static void those_named_before(sctx *s, int k, const hist_entry *cand, size_t nc)
{
    dy_actor *g = &s->g[k];
    const char *code[3];
    for (int j = k - 1; j >= 0; j--) {
        const dy_actor *h = &s->g[j];
        if (h->comp != (int16_t)j || h->ncomp < 2) continue;
        if (h->ncomp > 3 || j + h->ncomp > k) return;
        for (int a = 0; a < h->ncomp; a++) {
            if (s->g[j + a].anaphor || s->g[j + a].code2[0] || !is_named(s, j + a)) return;
            code[a] = s->g[j + a].code;
        }
        if (set_named(g, code, h->ncomp)) those_note(s, g);
        return;
    }
    for (size_t j = 0; j < nc; j++) {
        const hist_entry *c = &cand[j];
        if (c->sent >= s->sidx) continue;
        if (s->sidx - c->sent > 2) break;
        if (!c->list) continue;
        int n = 0;
        while (j + n < nc && cand[j + n].list == c->list && cand[j + n].sent == c->sent) n++;
        if (n < 2 || n > 3) return;
        for (int a = 0; a < n; a++) {
            if (cand[j + n - 1 - a].code2[0]) return;
            code[a] = cand[j + n - 1 - a].code;
        }
        if (set_named(g, code, n)) those_note(s, g);
        return;
    }
}

static void group_named_before(sctx *s, int k, const hist_entry *cand, size_t nc)
{
    dy_actor *g = &s->g[k];
    int three = 0, people = 0;
    for (uint32_t i = g->t0; i < g->t1; i++) {
        if (WIS(s, i, "three")) three = 1;
        if (WIS(s, i, "leaders")) people = 1;
    }
    for (size_t j = 0; three && j + 2 < nc; j++) {
        const hist_entry *c = &cand[j], *b = &cand[j + 1], *a = &cand[j + 2];
        if (c->sent >= s->sidx) continue;   /* this sentence's own groups carry no coord */
        /* offer22: "Mali, Burkina Faso and Niger said they were withdrawing ... . ECOWAS remained
         * committed to negotiating with the three countries": a reference after the list, resolved
         * to several of its members, is no member of its own; and the list may stand three
         * sentences back */
        if (s->sidx - c->sent > 3) break;
        if (c->code2[0]) continue;
        if (!c->coord || b->coord != c->coord || a->coord != c->coord || a->sent != c->sent || b->sent != c->sent) continue;
        if (j + 3 < nc && cand[j + 3].coord == c->coord && cand[j + 3].sent == c->sent) { j += 3; continue; }
        if (people && (a->kind != DY_GK_PERSON || b->kind != DY_GK_PERSON || c->kind != DY_GK_PERSON)) return;
        if (!dy_code_is_country(a->code) || !dy_code_is_country(b->code) || !dy_code_is_country(c->code) || a->code2[0] ||
            b->code2[0] || c->code2[0] || !strncmp(a->code, b->code, 3) || !strncmp(a->code, c->code, 3) || !strncmp(b->code, c->code, 3))
            return;
        set_code(g->code, a->code);
        set_code(g->code2, b->code);
        set_code(g->code3, c->code);
        ev_ex(s->c, "  \"%.*s\": the three named before, %s, %s and %s\n", (int)s->t[g->t1 - 1].nlen, W(s, g->t1 - 1), g->code, g->code2,
              g->code3);
        return;
    }
    if (three) group_of_last_act(s, g);
    else those_named_before(s, k, cand, nc);
}

/* "the two leaders", "both sides": a clause's pair, a pair named before, the document's main pair
 * at a paragraph's start, else the two newest countries of the history (ev_resolve). */
static void resolve_pair(sctx *s, int k, const hist_entry *cand, size_t nc, uint32_t sent, uint32_t reach)
{
    dy_actor *g = &s->g[k];
    const dy_coder *c = s->c;
    if (pair_of_clause_before(s, k)) return;
    if (pair_named_before(s, k, cand, nc, 1)) return;
    /* "the two governments", "the two neighbours" are states, not a court or a bloc */
    int states = 0;
    for (uint32_t i = g->t0; i < g->t1; i++)
        if (WIS(s, i, "governments") || WIS(s, i, "countries") || WIS(s, i, "nations") || WIS(s, i, "states") ||
            WIS(s, i, "neighbours") || WIS(s, i, "neighbors"))
            states = 1;
    /* a paragraph that opens with "the two leaders" speaks of the document's main pair */
    int best = -1;
    for (size_t j = 0; j < c->ntopic; j++) {
        if (states && (!strncmp(c->topic[j].a, "IGO", 3) || !strncmp(c->topic[j].b, "IGO", 3))) continue;
        if (c->topic[j].n >= 2 && (best < 0 || c->topic[j].n > c->topic[best].n)) best = (int)j;
    }
    if (s->para_start && best >= 0) {
        set_code(g->code, c->topic[best].a);
        set_code(g->code2, c->topic[best].b);
        return;
    }
    /* "China and Russia vetoed ... . North Korea fired ... . The US criticised the two countries":
     * the last pair named as a party, a few sentences back, before the two newest countries */
    if (pair_named_before(s, k, cand, nc, 4)) {
        ev_ex(s->c, "  \"%.*s\": the last pair named, %s and %s\n", (int)(s->t[g->t1 - 1].end - s->t[g->t0].start),
              s->doc->text + s->t[g->t0].start, g->code, g->code2);
        return;
    }
    /* "the two leaders" are people: countries named in between ("attention in South Korea
     * and in Europe") are passed over */
    int people = 0;
    for (uint32_t i = g->t0; i < g->t1; i++)
        if (WIS(s, i, "leaders") || WIS(s, i, "heads") || WIS(s, i, "presidents") || WIS(s, i, "ministers") || WIS(s, i, "premiers"))
            people = 1;
    const char *first = NULL;
    for (size_t j = 0; j < nc; j++) {
        if (sent - cand[j].sent > reach) break;
        if (cand[j].code[0] == '-' || cand[j].place || (states && !strncmp(cand[j].code, "IGO", 3))) continue;
        if (people && cand[j].kind != DY_GK_PERSON) continue;
        if (cand[j].code2[0] && !strncmp(cand[j].code, cand[j].code2, 3)) continue;   /* not two countries */
        if (cand[j].code2[0]) {
            if (!first) { set_code(g->code, cand[j].code); set_code(g->code2, cand[j].code2); return; }
        }
        if (!first) { first = cand[j].code; continue; }
        if (strncmp(first, cand[j].code, 3) != 0) {
            set_code(g->code, cand[j].code);     /* older first: "Russia and North Korea" order */
            set_code(g->code2, first);
            return;
        }
    }
    /* "Rahmon greeted his guest, and the two leaders held talks" after a sentence naming only
     * the guest's side: the one named before and the other named earlier in this sentence */
    for (int j = k - 1; first && j >= 0; j--) {
        const dy_actor *o = &s->g[j];
        if (o->anaphor || o->locative || o->code2[0] || !dy_code_is_country(o->code) || !strncmp(first, o->code, 3)) continue;
        if (people && o->kind != DY_GK_PERSON) continue;
        set_code(g->code, first);
        set_code(g->code2, o->code);
        return;
    }
}

/* "the North", "the South": the side of the divided country whose codes the story named last */
static void side_of(const dy_coder *c, dy_actor *g)
{
    size_t ns;
    const dy_side *sd = dy_dict_sides(c->dict, &ns);
    int best = -1;
    for (size_t k = 0; k < ns; k++)
        if (sd[k].cls == g->anaphor && c->side_seen[k] && (best < 0 || c->side_seen[k] > c->side_seen[best])) best = (int)k;
    if (best >= 0) memcpy(g->code, sd[best].code, 4);
}

/* "Sudan severed ties with the United Arab Emirates, accusing the Gulf state of ...": the
 * nearest state named before, in this sentence or the history, that a line of the epithet's
 * class lists (grammar.txt "regional ARE = ARE"). */
static void regional_of(const sctx *s, dy_actor *g, int k)
{
    size_t ns;
    const dy_side *sd = dy_dict_sides(s->c->dict, &ns);
    for (int j = k - 1; j >= -1; j--) {
        const char *code = j >= 0 ? s->g[j].code : NULL;
        if (j < 0) {
            side_of(s->c, g);   /* the one named last in the sentences before */
            return;
        }
        if (s->g[j].anaphor || !is_named(s, j)) continue;
        for (size_t q = 0; q < ns; q++)
            if (sd[q].cls == g->anaphor && !strncmp(code, sd[q].code, 3)) {
                memcpy(g->code, sd[q].code, 4);
                return;
            }
    }
}

/* "The bloc had threatened it with force": "it" right after a word, itself closing its clause or
 * followed by a preposition, is that word's object; a subject "it" goes on with its verb ("said
 * it would"). */
static int object_it_after_verb(const sctx *s, const dy_actor *g)
{
    uint32_t p = g->t0 - 1, n = g->t1;
    if (s->t[p].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
    if (dy_dict_wclass(s->c->dict, s->t[p].id) & (DY_WC_DET | DY_WC_CLAUSE | DY_WC_NOUNEND)) return 0;
    if (n >= s->t1 || (s->t[n].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) return 1;
    return (dy_dict_wclass(s->c->dict, s->t[n].id) & DY_WC_PREP) != 0;
}

/* "the council first imposed sanctions on it": "it" after a preposition is not the subject of its
 * own clause (that would be "itself"): a subject at most eight words before, with no comma or
 * clause break between, is passed over, and so is its code in the sentences before. */
static int object_it_skips(const sctx *s, const dy_actor *g, int j)
{
    const dy_actor *h = &s->g[j];
    if (g->anaphor != DY_G_IT || g->t0 <= s->t0) return 0;
    if (!(dy_dict_wclass(s->c->dict, s->t[g->t0 - 1].id) & DY_WC_PREP) && !object_it_after_verb(s, g)) return 0;
    if (s->g[h->comp].prep || h->t1 > g->t0 || g->t0 - h->t1 > 8) return 0;
    return !ev_span_broken(s, h->t1, g->t0);
}

/* "Russia launched drones at Ukraine's ports. Its navy also shelled Odesa": a reference opening
 * its sentence, as its subject, is an earlier sentence's subject rather than that sentence's
 * object; 1 when candidate j gives way to a subject of its sentence. */
static int subject_preferred(const sctx *s, int k, const hist_entry *cand, size_t nc, size_t j, int country)
{
    if (k != 0 || cand[j].subj || cand[j].sent == s->sidx) return 0;
    for (size_t i = j + 1; i < nc && cand[i].sent == cand[j].sent; i++)
        if (cand[i].kind == DY_GK_STATE && cand[i].subj && !cand[i].code2[0] && cand[i].code[0] != '-' &&
            (!country || dy_code_is_country(cand[i].code)))
            return 1;
    return 0;
}

/* "they": the subject's own pair ("the two leaders ... they"), a pair named in this or the last
 * sentence, or, for a sentence opening with "They" ("Traore's officers accused Damiba ... They
 * also dissolved the government"), the last sentence's subject when that was a role ("Niger's
 * officers"), not a person or a state by its name. */
static void they_of(sctx *s, int k, const hist_entry *cand, size_t nc)
{
    dy_actor *g = &s->g[k];
    uint32_t sent = s->sidx;
    if (they_of_subject(s, k)) return;
    for (size_t j = 0; j < nc && j < 6; j++) {
        if (sent - cand[j].sent > 1) break;
        if (cand[j].code2[0]) { set_code(g->code, cand[j].code); set_code(g->code2, cand[j].code2); return; }
    }
    for (size_t j = 0; j < nc && g->t0 == s->t0; j++) {
        if (cand[j].sent == sent) continue;
        if (sent - cand[j].sent > 1) break;
        if (cand[j].subj && cand[j].kind != DY_GK_PERSON && strlen(cand[j].code) > 3 && !cand[j].code2[0] && dy_code_is_country(cand[j].code)) {
            set_code(g->code, cand[j].code);
            return;
        }
    }
}

/* acc15a: "accusing its neighbour", "spied on its neighbour": the nearest country named before, in
 * this sentence (the object of a preposition too: "closed its border with Rwanda, accusing its
 * neighbour") or the three before, that is not the country of the sentence's subject. */
static int neighbour_candidate(const char *code, const char *code2, int place, const char *own)
{
    return code[0] && code[0] != '-' && !code2[0] && !place && dy_code_is_country(code) && strncmp(code, "IGO", 3) != 0 &&
           strncmp(code, own, 3) != 0;
}

static void neighbour_of(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    const dy_coder *c = s->c;
    char own[4] = "";
    for (int j = 0; j < k && !own[0]; j++)
        if (neighbour_candidate(s->g[j].code, s->g[j].code2, s->g[j].locative, "")) memcpy(own, s->g[j].code, 3);
    for (size_t j = c->nhist; j-- > 0 && !own[0];)
        if (c->hist[j].subj && neighbour_candidate(c->hist[j].code, c->hist[j].code2, c->hist[j].place, "")) memcpy(own, c->hist[j].code, 3);
    if (!own[0]) return;
    for (int j = k - 1; j >= 0; j--)
        if (neighbour_candidate(s->g[j].code, s->g[j].code2, s->g[j].locative, own)) {
            memcpy(g->code, s->g[j].code, 3);
            g->code[3] = 0;
            return;
        }
    for (size_t j = c->nhist; j-- > 0;) {
        if (s->sidx - c->hist[j].sent > 3) break;
        if (neighbour_candidate(c->hist[j].code, c->hist[j].code2, c->hist[j].place, own)) {
            memcpy(g->code, c->hist[j].code, 3);
            g->code[3] = 0;
            return;
        }
    }
}

/* parties21: "The party accused the government ...": the political party named last, as its name
 * (dict/parties.txt) or as one of its people, a state's opposition or ruling side (a role OPP or
 * GOV), up to reach sentences back; none such leaves it unresolved (after a preposition it is
 * no reference at all: dy_actors.c). */
static void party_named_before(const sctx *s, dy_actor *g, const hist_entry *cand, size_t nc, uint32_t sent, uint32_t reach)
{
    for (size_t j = 0; j < nc; j++) {
        if (sent - cand[j].sent > reach) break;
        const char *c = cand[j].code;
        if (cand[j].code2[0] || cand[j].place || strlen(c) != 6 || !dy_code_is_country(c)) continue;
        if (strcmp(c + 3, "OPP") != 0 && strcmp(c + 3, "GOV") != 0) continue;
        set_code(g->code, c);
        ev_ex(s->c, "  \"the party\": the party named before, %s\n", g->code);
        return;
    }
}

void ev_resolve(sctx *s, int k)
{
    dy_coder *c = s->c;
    dy_actor *g = &s->g[k];
    if (speaker_pronoun(s, k) || body_said_it(s, k)) return;
    uint32_t sent = s->sidx;
    /* candidates, newest first: groups earlier in this sentence, then history */
    hist_entry cand[HIST + 2 * DY_MAX_ACTORS];
    size_t nc = 0;
    char notme[16] = "";    /* the subject an object "it" cannot be (object_it_skips) */
    /* "the two countries" speaks of a pair named before this sentence: in "Seoul and Washington
     * condemned the ties between the two countries" it is not Seoul and Washington */
    for (int j = k - 1; j >= 0 && g->anaphor != DY_G_PAIR; j--) {
        if (!s->g[j].code[0]) continue;
        /* in its own sentence, "it" and "he" refer to a subject, not to the object of a
         * preposition ("a pact between Russia and North Korea, and it summoned ...") */
        if (s->g[s->g[j].comp].prep && !s->g[j].poss && g->anaphor != DY_G_THEY) continue;
        if (it_skips_member(s, g, j)) continue;
        /* "Isaias greeted him": an object pronoun is not its own verb's subject */
        if (g->anaphor == DY_G_PERSON && (WIS(s, g->t0, "him") || WIS(s, g->t0, "her")) && s->g[j].t1 + 3 >= g->t0 &&
            s->g[j].t1 < g->t0 && !s->g[s->g[j].comp].prep)
            continue;
        if (object_it_skips(s, g, j)) {
            if (!notme[0]) set_code(notme, s->g[j].code);
            continue;
        }
        hist_entry *h = &cand[nc++];
        set_code(h->code, s->g[j].code);
        set_code(h->code2, s->g[j].code2);
        h->kind = s->g[j].kind;
        h->subj = 0;
        h->place = s->g[j].locative;
        h->coord = h->list = 0;
        h->sent = sent;
    }
    nc += it_object_candidates(s, k, cand + nc);
    for (size_t j = c->nhist; j-- > 0;) cand[nc++] = c->hist[j];
    uint32_t reach = g->anaphor == DY_G_PAIR ? 2 : 3;
    switch (g->anaphor) {
    case DY_G_PAIR:
        resolve_pair(s, k, cand, nc, sent, reach);
        break;
    case DY_G_PERSON: {
        /* the nearest person; in an earlier sentence, that sentence's subject if it had one
         * ("Putin flew to Pyongyang for talks with Kim. He later travelled to Vietnam.") */
        int pick = -1;
        for (size_t j = 0; j < nc; j++) {
            if (sent - cand[j].sent > reach) break;
            if (cand[j].kind != DY_GK_PERSON || cand[j].code2[0]) continue;
            /* acc13: "urged the president to call an election" after a leader of no known
             * country: a title (two words or more) is no reference to one; left to the story's */
            if (cand[j].code[0] == '-' && g->t1 - g->t0 >= 2) continue;
            if (pick < 0) {
                pick = (int)j;
                if (cand[j].sent == sent || cand[j].subj) break;
            } else if (cand[j].sent != cand[pick].sent) break;
            else if (cand[j].subj) { pick = (int)j; break; }
        }
        if (pick >= 0) set_code(g->code, cand[pick].code);
        break;
    }
    case DY_G_IT:
        if (pleonastic_it(s, g)) return;
        /* fall through */
    case DY_G_COUNTRY:
        if (g->anaphor == DY_G_COUNTRY && (government_of(s, k) || government_of_party(s, k, 0) || government_of_party(s, k, 1)))
            return;
        for (size_t j = 0; j < nc; j++) {
            if (sent - cand[j].sent > reach) break;
            if (cand[j].kind == DY_GK_STATE && !cand[j].code2[0] && cand[j].code[0] != '-' && strcmp(cand[j].code, notme) != 0) {
                if (g->anaphor == DY_G_COUNTRY && !dy_code_is_country(cand[j].code)) continue;
                /* acc20a: "a video passed to the BBC ... accused the country's leadership": a news
                 * outlet's country is not the country a story speaks of */
                if (g->anaphor == DY_G_COUNTRY && !strcmp(cand[j].code + 3, "MED")) continue;
                if (subject_preferred(s, k, cand, nc, j, g->anaphor == DY_G_COUNTRY)) continue;
                set_code(g->code, cand[j].code);
                if (g->anaphor == DY_G_COUNTRY) g->code[3] = 0;     /* the country, not its agent */
                if (g->anaphor == DY_G_COUNTRY && ev_government_word(s, g)) memcpy(g->code + 3, "GOV", 4);
                return;
            }
        }
        break;
    case DY_G_THEY:
        they_of(s, k, cand, nc);
        break;
    case DY_G_SPEAKER:
        if (c->speaker[0] && sent - c->speaker_sent <= 3) {
            set_code(g->code, c->speaker);
            set_code(g->code2, c->speaker2);
        }
        break;
    case DY_G_NORTH:
    case DY_G_SOUTH:
        side_of(c, g);
        break;
    case DY_G_REGIONAL:
        regional_of(s, g, k);
        break;
    case DY_G_NEIGHBOUR:
        neighbour_of(s, k);
        break;
    case DY_G_GROUP:
        group_named_before(s, k, cand, nc);
        break;
    case DY_G_PARTY:
        party_named_before(s, g, cand, nc, sent, reach);
        break;
    case DY_G_BODY:
        /* acc13: "the bloc" five sentences after the EU was named is still the one body of the story */
        for (size_t j = 0; j < nc; j++) {
            if (sent - cand[j].sent > 5) break;
            if (!strncmp(cand[j].code, "IGO", 3) && !cand[j].code2[0]) {
                set_code(g->code, cand[j].code);
                ev_ex(c, "  \"%.*s\": the body named before, %s\n", (int)s->t[g->t1 - 1].nlen, W(s, g->t1 - 1), g->code);
                return;
            }
        }
        break;
    default: break;
    }
}

/* "the two countries" are countries; "the two leaders" keep their roles. */
void ev_pair_level(const sctx *s, dy_actor *g)
{
    for (uint32_t i = g->t0; i < g->t1; i++)
        if (WIS(s, i, "leaders") || WIS(s, i, "heads") || WIS(s, i, "governments") || WIS(s, i, "presidents") || WIS(s, i, "ministers") ||
            WIS(s, i, "premiers"))
            return;
    if (dy_code_is_country(g->code)) g->code[3] = 0;
    if (g->code2[0] && dy_code_is_country(g->code2)) g->code2[3] = 0;
    if (g->code3[0] && dy_code_is_country(g->code3)) g->code3[3] = 0;
}

/* Codes of a group, expanding a coordination or a resolved pair. */
size_t ev_codes_of(const sctx *s, int k, const char **out, int *idx, size_t max)
{
    size_t n = 0;
    int head = s->g[k].comp;
    for (int j = head; j < (int)s->ng && n < max; j++) {
        if (j != head && s->g[j].comp != head) break;
        if (s->g[j].code[0]) { idx[n] = j; out[n++] = s->g[j].code; }
        if (s->g[j].code2[0] && n < max) { idx[n] = j; out[n++] = s->g[j].code2; }
        if (s->g[j].code3[0] && n < max) { idx[n] = j; out[n++] = s->g[j].code3; }
        if (s->g[head].ncomp <= 1) break;
    }
    return n;
}

/* "Hungarian Foreign Minister Peter Szijjarto ...": the surname codes the same later on. */
/* "President Pedro Castillo", a name the dictionary knows only in full: its last word alone
 * ("Police detained Castillo") is the same person in this document. */
static int full_name(const sctx *s, const dy_actor *g)
{
    if (g->kind != DY_GK_PERSON || g->anaphor || g->t1 - g->t0 < 2) return 0;
    uint16_t need = DY_TF_WORD | DY_TF_CAP;
    return (s->t[g->t1 - 1].flags & need) == need && (s->t[g->t1 - 2].flags & need) == need &&
           !(s->t[g->t1 - 1].flags & DY_TF_POSS) && !(s->t[g->t1 - 1].flags & DY_TF_NUM);
}

static void learn_alias(dy_aliases *al, const char *w, size_t minlen, const char *code)
{
    size_t wl = strlen(w);
    if (wl >= sizeof al->a[0].word || wl < minlen) return;
    size_t a = 0;
    while (a < al->n && strcmp(al->a[a].word, w) != 0) a++;
    if (a == DY_MAX_ALIASES) return;
    if (a == al->n) al->n++;
    memcpy(al->a[a].word, w, wl + 1);     /* it fits (above): no snprintf, a tenth of the sentence rules */
    set_code(al->a[a].code, code);
}

/* The last word of a name is the surname in most of the world, the first in Chinese, Korean and
 * Vietnamese order ("Qin Gang" ... "Qin said"): both are learnt, the first when the name has
 * two words or more and it is no title (dy_actors.c sets name0 past the title). */
void ev_learn_names(sctx *s)
{
    dy_aliases *al = &s->c->aliases;
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (!g->name0 && !full_name(s, g)) continue;
        if (!g->code[0] || g->code[0] == '-') continue;
        learn_alias(al, W(s, g->t1 - 1), 3, g->code);
        if (g->name0 && g->name0 + 1 < g->t1 && (s->t[g->name0].flags & DY_TF_CAP)) learn_alias(al, W(s, g->name0), 2, g->code);
    }
}

/* acc16a: "Trump praised Islamabad ... In January 2018, his administration suspended aid": a
 * government after "his" or "her" that opens its sentence is the country of the person "he"
 * stands for, found in the sentences before. */
static void his_government_before(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    char role[16];
    set_code(role, g->code);
    g->anaphor = DY_G_PERSON;
    g->code[0] = 0;
    ev_resolve(s, k);
    g->anaphor = 0;
    char cc[4] = {0};
    if (g->code[0] && g->code[0] != '-' && !g->code2[0] && dy_code_is_country(g->code)) memcpy(cc, g->code, 3);
    set_code(g->code, role);
    g->code2[0] = 0;
    if (!cc[0]) return;
    memcpy(g->code, cc, 3);
    ev_ex(s->c, "  \"government\" after \"his\" or \"her\": the country of the person before, %s\n", cc);
}

/* "China is watching closely. Its diplomats met ...": a role after "its" belongs to the state
 * that "it" stands for (earlier in the sentence, else the sentences before), which wins over the
 * story's country. "The two leaders held talks. Their governments signed ...": a role after
 * "their" belongs to the pair that "they" stands for, both of them. */
void ev_possessive_roles(sctx *s)
{
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor || g->t0 == s->t0 || strncmp(g->code, "---", 3) != 0 || !g->code[3]) continue;
        int their = WIS(s, g->t0 - 1, "their");
        /* sense15: "Peru's foreign minister said his government recognised ...": a government
         * after "his" or "her" is the country of the person "he" stands for */
        if ((WIS(s, g->t0 - 1, "his") || WIS(s, g->t0 - 1, "her")) && !strcmp(g->code + 3, "GOV") &&
            (WIS(s, g->t1 - 1, "government") || WIS(s, g->t1 - 1, "administration"))) {
            int j = (int)k - 1;
            for (; j >= 0; j--) {     /* the nearest actor before it in its sentence */
                const dy_actor *o = &s->g[j];
                if (o->anaphor || o->prep || o->locative || !o->code[0] || o->code[0] == '-' || o->code2[0]) continue;
                if (!dy_code_is_country(o->code)) break;     /* "the UN chief ... his government": none */
                memcpy(g->code, o->code, 3);
                ev_ex(s->c, "  \"government\" after \"his\" or \"her\": the country of %s\n", o->code);
                break;
            }
            if (j < 0) his_government_before(s, (int)k);
            continue;
        }
        if (!their && !WIS(s, g->t0 - 1, "its")) continue;
        char role[16];
        set_code(role, g->code);
        /* lead31: "Japarov and Rahmon met ... and agreed to pull their troops back": "their"
         * after a list of two named states' actors in its sentence is theirs */
        if (their && ev_subject_list_roles(s, (int)k, role)) continue;
        g->anaphor = their ? DY_G_THEY : DY_G_COUNTRY;
        g->code[0] = 0;
        ev_resolve(s, (int)k);
        g->anaphor = 0;
        if (!g->code[0] || g->code[0] == '-' || (their && (!g->code2[0] || g->code2[0] == '-'))) {
            set_code(g->code, role);
            g->code2[0] = 0;
            continue;
        }
        if (their) {
            char a[16], b[16];
            snprintf(a, sizeof a, "%.3s%s", g->code, role + 3);
            snprintf(b, sizeof b, "%.3s%s", g->code2, role + 3);
            set_code(g->code, a);
            set_code(g->code2, b);
            ev_ex(s->c, "  \"their %s\": the pair's, %s and %s\n", role + 3, g->code, g->code2);
            continue;
        }
        memcpy(g->code + 3, role + 3, 13);
    }
}

/* "Brazil's Congress, Supreme Court and presidential palace": a bare role in a list whose first
 * member names a country is that country's; NULL when there is none. */
static const char *list_country(const sctx *s, int k)
{
    int head = s->g[k].comp;
    if (head == k || s->g[head].ncomp < 2) return NULL;
    const dy_actor *h = &s->g[head];
    if (h->anaphor || !h->code[0] || h->code[0] == '-' || h->region || !dy_code_is_country(h->code)) return NULL;
    return h->code;
}

/* "Troops from the two countries fought": a bare role of a pair named by reference is the
 * pair's (KGZMIL + TJKMIL); 1 when set. */
static int role_of_pair(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    /* acc15b: "Ministers and company executives from the two countries signed": every member of
     * a list of roles before the phrase */
    size_t last = (size_t)k;
    while (last + 1 < s->ng && s->g[last + 1].comp == g->comp && s->g[g->comp].ncomp > 1) last++;
    if (last + 1 >= s->ng) return 0;
    const dy_actor *r = &s->g[last + 1];
    uint32_t j = s->g[last].t1;
    if (j >= s->t1 || !(WIS(s, j, "from") || WIS(s, j, "of"))) return 0;
    j++;
    if (r->t0 != j && !(r->t0 == j + 1 && WIS(s, j, "the"))) return 0;
    if (r->anaphor != DY_G_PAIR || !r->code[0] || !r->code2[0]) return 0;
    if (!dy_code_is_country(r->code) || !dy_code_is_country(r->code2)) return 0;
    char role[4], a[16], b[16];     /* built apart: g and r are one array to the compiler */
    memcpy(role, g->code + 3, 3);
    role[3] = 0;
    snprintf(a, sizeof a, "%.3s%s", r->code, role);
    snprintf(b, sizeof b, "%.3s%s", r->code2, role);
    memcpy(g->code, a, sizeof a);
    memcpy(g->code2, b, sizeof b);
    g->filled = 1;
    return 1;
}

/* Is a role part of a code ("GOV" of "CHNGOV") one of the state's own (government, forces,
 * police, courts, parliament, intelligence)? */
static int state_role(const char *role)
{
    static const char roles[][4] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"};
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (!strcmp(role, roles[i])) return 1;
    return 0;
}

/* Stop 30: "Gao Feng, a spokesman for China's commerce ministry, said", "an officer of the Kenyan
 * police", "troops from Rwanda", "a spokesman for Hamas": a bare state role (not in a list)
 * followed by "for", "of" or "from" and a named actor (not a list, a region or a reference) is
 * that actor's: its country with the role's own function, or the whole code of a body or group
 * (IGOUNO, PSEREB). Not "to" ("the ambassador to China"), nor an envoy "for" a place ("the UN
 * envoy for Syria"). 1 when set. */
static int role_of_owner(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    if (!state_role(g->code + 3) || g->comp != k || g->ncomp >= 2 || (size_t)k + 1 >= s->ng) return 0;
    uint32_t j = g->t1;
    if (j + 1 >= s->t1 || !(WIS(s, j, "for") || WIS(s, j, "of") || WIS(s, j, "from"))) return 0;
    if (WIS(s, j, "for"))
        for (uint32_t i = g->t0; i < g->t1; i++)
            if (dy_dict_word_is(s->c->dict, DY_G_EMISSARY, s->t[i].id)) return 0;
    j++;
    if (j < s->t1 && WIS(s, j, "the")) j++;
    const dy_actor *r = &s->g[k + 1];
    if (r->t0 != j || r->anaphor || r->region || !r->code[0] || r->code[0] == '-' || (r->comp == k + 1 && r->ncomp >= 2))
        return 0;
    if (!strncmp(r->code, "IGO", 3) || (dy_code_is_country(r->code) && strlen(r->code) > 3 && !state_role(r->code + 3)))
        set_code(g->code, r->code);
    else if (dy_code_is_country(r->code)) memcpy(g->code, r->code, 3);
    else return 0;
    g->filled = 1;
    ev_ex(s->c, "  \"%.*s\": a role of the actor after \"%.*s\", %s (stop 30)\n", (int)s->t[g->t0].nlen, W(s, g->t0),
          (int)s->t[g->t1].nlen, W(s, g->t1), g->code);
    return 1;
}

/* "Bolivia's army commander, General Juan Jose Zuniga": a title and name in apposition to a role
 * of a country take its code (BOLMIL), so the name learnt from it (learn_names) codes later
 * ("Police arrested Zuniga"). Not after a bare place ("the US envoy to Seoul, Ambassador ..."). */
static void apposition_code(sctx *s, size_t k)
{
    dy_actor *g = &s->g[k];
    const dy_actor *a = &s->g[k - 1];
    if (a->anaphor || strlen(a->code) <= 3 || !dy_code_is_country(a->code) || strcmp(a->code + 3, g->code + 3) != 0) return;
    set_code(g->code, a->code);
    g->filled = 1;
}

/* The one country whose places ("in Lima", "through Caracas") the sentence names, when it is not
 * the story's; 0 when there is none, or several. */
static int place_country(const sctx *s, char out[4])
{
    const char *sc = dy_story_country(&s->c->story);
    out[0] = 0;
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (!g->locative || g->anaphor || g->kind != DY_GK_STATE || strlen(g->code) != 3 || !dy_code_is_country(g->code)) continue;
        if (out[0] && strcmp(out, g->code) != 0) return 0;
        memcpy(out, g->code, 4);
    }
    return out[0] && strcmp(out, sc) != 0;
}

/* "Belarus cracked down on opposition supporters" with no story country yet (a lone sentence, or
 * a story's first): the one country the sentence names (its actors and places, not regions or
 * references) is where the bare roles after its first mention are (*from: that token); 0 when
 * it names none, or several. "Insurgents bombarded a part of Syria": a role named before the
 * country may come from anywhere. */
static int sentence_country(const sctx *s, char out[4], uint32_t *from)
{
    out[0] = 0;
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (!is_named(s, (int)k) || g->anaphor || g->region || g->code2[0] || !dy_code_is_country(g->code)) continue;
        if (out[0] && strncmp(out, g->code, 3) != 0) return 0;
        if (!out[0]) *from = g->t1;
        memcpy(out, g->code, 3);
        out[3] = 0;
    }
    return out[0] != 0;
}

/* "Zuma sent his defence and state security ministers to Harare": a bare role whose phrase opens
 * with "his" or "her" belongs to the country of the person named before it in the sentence. */
void ev_his_roles(sctx *s)
{
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor || strncmp(g->code, "---", 3) != 0 || !g->code[3]) continue;
        uint32_t j = g->t0;
        for (int n = 0; n < 6 && j > s->t0; n++) {
            j--;
            if (group_at(s, j) >= 0 || !(s->t[j].flags & DY_TF_WORD) || (s->t[j].flags & DY_TF_CAP)) { j = s->t1; break; }
            if (WIS(s, j, "his") || WIS(s, j, "her")) break;
        }
        if (j >= s->t1 || !(WIS(s, j, "his") || WIS(s, j, "her"))) continue;
        for (size_t q = k; q-- > 0;) {
            const dy_actor *p = &s->g[q];
            if (p->t1 > j || p->kind != DY_GK_PERSON || p->anaphor || p->code[0] == '-') continue;
            /* acc10: "Guterres welcomed the release through his spokesman": a body's official's
             * own staff are the body's (IGOUNO), not the story country's */
            if (!strncmp(p->code, "IGO", 3)) {
                set_code(g->code, p->code);
                break;
            }
            if (!dy_code_is_country(p->code)) continue;
            memcpy(g->code, p->code, 3);
            break;
        }
    }
}

/* "Police detained the opposition leader" in a story set in Georgia: a role named without a
 * country takes the story's (dy_story.h). */
/* "European Union foreign ministers", "NATO defence ministers", "the bloc's foreign ministers":
 * a bare role right after an IGO's name or a reference to one (at most two words between, no
 * punctuation) is that body's. */
static int igo_agent(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    if (k == 0) return 0;
    const dy_actor *o = &s->g[k - 1];
    if (strncmp(o->code, "IGO", 3) != 0 || (o->anaphor && o->anaphor != DY_G_BODY) || o->t1 > g->t0 || g->t0 - o->t1 > 2) return 0;
    for (uint32_t j = o->t1; j < g->t0; j++)
        if (!(s->t[j].flags & DY_TF_WORD) || (s->t[j].flags & DY_TF_CAP) || WIS(s, j, "and") || WIS(s, j, "of")) return 0;
    if (ev_span_broken(s, o->t1, g->t0 + 1)) return 0;
    set_code(g->code, o->code);
    return 1;
}

/* "The White House said on Monday that a delegation ... would travel", "The State Department said
 * Assistant Secretary Russel would travel": a bare emissary (delegation, envoy, secretary ...)
 * opening the reported clause is the speaker's own (at most two words between the speech verb,
 * or its "that", and the role). */
static int speaker_agent(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    int ok = 0;
    for (uint32_t i = g->t0; i < g->t1 && !ok; i++) ok = dy_dict_word_is(s->c->dict, DY_G_EMISSARY, s->t[i].id);
    if (!ok) return 0;     /* "the US said the government had ...": the story's government */
    uint32_t j = g->t0, n = 0;
    while (j > s->t0 && n < 3 && group_at(s, j - 1) < 0 && (s->t[j - 1].flags & DY_TF_WORD) && !WIS(s, j - 1, "that")) {
        uint32_t e;
        if (ev_gram_is(s, j - 1, DY_G_SAY, &e)) break;
        j--, n++;
    }
    if (j > s->t0 && WIS(s, j - 1, "that")) j--;
    else if (j <= s->t0) return 0;
    /* back over the speech verb and a date ("said on Monday that") to the speaker */
    for (uint32_t q = j, m = 0; q-- > s->t0 && m < 5; m++) {
        uint32_t e;
        if (ev_gram_is(s, q, DY_G_SAY, &e) && e <= j) {
            int sp = q > s->t0 ? group_at(s, q - 1) : -1;
            if (sp < 0 || sp == k || !is_named(s, sp) || !dy_code_is_country(s->g[sp].code) || !strncmp(s->g[sp].code, "IGO", 3))
                return 0;
            memcpy(g->code, s->g[sp].code, 3);
            g->filled = 1;
            return 1;
        }
        if (group_at(s, q) >= 0 || (s->t[q].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) return 0;
    }
    return 0;
}

/* "Nicaraguan police detained a bishop" with no story yet: the one country the sentence names,
 * in its subject (the first actor, before the bare role k), is where the roles after it are (1;
 * not troops, rebels or gunmen, who may come from anywhere); 0 when it names none or several,
 * or the sentence opens with the bare role ("Opponents of Rwanda's Senate protested"). */
static int lone_country(const sctx *s, size_t bare, char out[4])
{
    out[0] = 0;
    const dy_actor *first = &s->g[0];
    if (s->ng == 0 || bare == 0 || first->prep || first->anaphor || !strncmp(first->code, "---", 3) || !dy_code_is_country(first->code))
        return 0;
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->anaphor || g->region || strlen(g->code) < 3 || !strncmp(g->code, "---", 3) || !dy_code_is_country(g->code)) continue;
        if (out[0] && strncmp(out, g->code, 3) != 0) return 0;
        memcpy(out, g->code, 3);
        out[3] = 0;
    }
    return out[0] != 0;
}

/* "air strikes on militant hideouts inside Iran": bare militants (REB) placed in a country by
 * "in"/"inside" after at most two words are that country's, whatever the story's (troops, who act
 * abroad, are not). Returns the country's code, or NULL. */
static const char *rebels_in_place(const sctx *s, int k)
{
    const dy_actor *g = &s->g[k];
    if (strcmp(g->code + 3, "REB") != 0) return NULL;
    uint32_t j = g->t1;
    for (int n = 0; n < 2 && j < s->t1 && (s->t[j].flags & (DY_TF_WORD | DY_TF_CAP)) == DY_TF_WORD && group_at(s, j) < 0 &&
                    !WIS(s, j, "in") && !WIS(s, j, "inside");
         n++)
        j++;
    if (j + 1 >= s->t1 || !(WIS(s, j, "in") || WIS(s, j, "inside"))) return NULL;
    int q = group_at(s, j + 1);
    if (q < 0 || s->g[q].t0 != j + 1 || s->g[q].anaphor || strlen(s->g[q].code) != 3 || !dy_code_is_country(s->g[q].code)) return NULL;
    return s->g[q].code;
}

/* "the International Court of Justice", "the ICC": an international body named as a court. */
int ev_igo_court(const sctx *s, int k)
{
    const dy_actor *g = &s->g[k];
    if (g->anaphor || strncmp(g->code, "IGO", 3) != 0) return 0;
    for (uint32_t i = g->t0; i < g->t1; i++)
        if (WIS(s, i, "court") || WIS(s, i, "tribunal")) return 1;
    return g->t1 == g->t0 + 1 && (WIS(s, g->t0, "icj") || WIS(s, g->t0, "icc"));
}

/* "The International Court of Justice awarded Somalia ... Kenyatta accused the court of bias":
 * "the court", "the ruling" after an international court named in this or the two sentences
 * before is that court, not the story country's judiciary. */
static int court_named_before(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    if (strcmp(g->code, "---JUD") != 0 || g->t0 == s->t0 || !WIS(s, g->t0 - 1, "the")) return 0;
    for (int j = k - 1; j >= 0; j--)
        if (ev_igo_court(s, j)) {
            set_code(g->code, s->g[j].code);
            return 1;
        }
    const dy_coder *c = s->c;
    if (!c->igo_court[0] || s->sidx - c->igo_court_sent > 6) return 0;
    set_code(g->code, c->igo_court);
    ev_ex(s->c, "  \"the %.*s\": the court named before, %s\n", (int)s->t[g->t0].nlen, W(s, g->t0), g->code);
    return 1;
}

/* acc15b: "Police said they had detained ...": a "they" that took a bare role from its speaker
 * (speaker_pronoun) takes the country that role was given just now, as the speaker did. */
static void they_of_filled_speaker(sctx *s)
{
    for (size_t k = 1; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor != DY_G_THEY || strncmp(g->code, "---", 3) != 0 || !g->code[3] || g->code2[0]) continue;
        for (size_t j = k; j-- > 0;)
            if (!s->g[j].anaphor && s->g[j].filled && !strcmp(s->g[j].code + 3, g->code + 3)) {
                memcpy(g->code, s->g[j].code, 3);
                break;
            }
    }
}

/* acc15a: "struck PKK bases in northern Iraq and launched an offensive against the militants
 * there": "the militants", "the rebels" (armed groups told with "the") are the group of that role
 * named before in the sentence, not people of the place nearby; 1 when set. */
static int armed_group_named_before(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    if ((strcmp(g->code + 3, "REB") != 0 && strcmp(g->code + 3, "UAF") != 0) || g->t0 <= s->t0 || !WIS(s, g->t0 - 1, "the"))
        return 0;
    for (int j = k - 1; j >= 0; j--) {
        const dy_actor *h = &s->g[j];
        if (h->anaphor || h->code[0] == '-' || strlen(h->code) != 6 || strcmp(h->code + 3, g->code + 3) != 0) continue;
        memcpy(g->code, h->code, 3);
        g->filled = DY_FILLED_SENTENCE;     /* from the sentence: a party apart from the state itself */
        return 1;
    }
    /* domestic22: "fighters of the PKK burned their weapons in northern Iraq ... The militants
     * declared a ceasefire": so is the group of that role the story has named most (the latest
     * of equals; "the Taliban government in Kabul" once does not outweigh the BLA twice) */
    dy_coder *c = s->c;
    const char *best = NULL;
    int nbest = 0;
    for (size_t j = c->nhist; j-- > 0;) {
        const hist_entry *h = &c->hist[j];
        if (h->place || h->code2[0] || strlen(h->code) != 6 || strcmp(h->code + 3, g->code + 3) != 0 || !dy_code_is_country(h->code)) continue;
        int n = 0;
        for (size_t q = 0; q < c->nhist; q++)
            n += !c->hist[q].place && !strcmp(c->hist[q].code, h->code);
        if (n > nbest) best = h->code, nbest = n;
    }
    if (!best) return 0;
    memcpy(g->code, best, 3);
    g->filled = DY_FILLED_SENTENCE;
    ev_ex(c, "  \"%.*s\": the armed group the story named most, %s\n", (int)s->t[g->t0].nlen, W(s, g->t0), g->code);
    return 1;
}

/* acc19a: "acting Congress President Luis Valdez demanded that he step down": a "he" resolved to a
 * title of this sentence before its country was filled (fill_roles) takes that country too. */
static void person_refs_filled(sctx *s)
{
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor != DY_G_PERSON || strncmp(g->code, "---", 3) != 0 || !g->code[3]) continue;
        for (size_t j = k; j-- > 0;)
            if (s->g[j].filled && !s->g[j].anaphor && !strcmp(s->g[j].code + 3, g->code + 3)) {
                memcpy(g->code, s->g[j].code, 3);
                g->filled = s->g[j].filled;
                ev_ex(s->c, "  \"%.*s\": the title it stands for got %.3s (acc19a)\n", (int)s->t[g->t0].nlen, W(s, g->t0), g->code);
                break;
            }
    }
}

void ev_fill_roles(sctx *s)
{
    const char *sc = dy_story_country(&s->c->story);
    char place[4], only[4];
    uint32_t from = 0;
    if (!place_country(s, place)) place[0] = 0;
    /* PETRARCH leaves such a role unknown ("Russian police arrested students in Moscow": ---EDU) */
    if (sc[0] || s->c->opts.convention == DY_CONV_PETRARCH || !sentence_country(s, only, &from)) only[0] = 0;
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor || strncmp(g->code, "---", 3) != 0 || !g->code[3]) continue;
        if (g->weapon) continue;
        if (!sc[0] && only[0] && g->t0 >= from) {
            memcpy(g->code, only, 3);
            g->filled = DY_FILLED_SENTENCE;
            continue;
        }    /* "rockets", "drones": a weapon has no country of its own */
        if (role_of_pair(s, (int)k) || role_of_owner(s, (int)k)) continue;
        if (igo_agent(s, (int)k) || speaker_agent(s, (int)k) || court_named_before(s, (int)k)) continue;
        if (armed_group_named_before(s, (int)k)) continue;
        const char *own = list_country(s, (int)k);
        if (!own) own = rebels_in_place(s, (int)k);
        /* "The US envoy to Seoul, Ambassador Philip Goldberg, met ...": a title in apposition
         * stands for the actor before the comma (find_source); a comma in a list is no apposition */
        if (!own && g->comp == (int16_t)k && k > 0 && g->t0 > s->t0 + 1 && (s->t[g->t0 - 1].flags & DY_TF_COMMA) &&
            s->g[k - 1].t1 + 1 == g->t0 && !s->g[k - 1].locative) {     /* acc15b: "In Valparaiso, port workers" */
            apposition_code(s, k);
            continue;
        }
        /* "opposition supporters marched through Caracas" in a story the text has set
         * elsewhere: people at home where they act (not troops, who act abroad) */
        const char *cc = own ? own : place[0] && strcmp(g->code + 3, "MIL") != 0 && strcmp(g->code + 3, "REB") != 0 ? place : sc;
        char lone[4];
        int abroad = !strcmp(g->code + 3, "MIL") || !strcmp(g->code + 3, "REB") || !strcmp(g->code + 3, "UAF");
        if (!cc[0] && !abroad && lone_country(s, k, lone)) cc = lone;
        if (!cc[0]) continue;
        memcpy(g->code, cc, 3);
        g->filled = 1;
    }
    person_refs_filled(s);
    they_of_filled_speaker(s);
}

/* "In July, the government also imposed a nationwide curfew": "the government" that no country
 * before it explains is the story country's (as a bare role is, fill_roles). */
void ev_story_government(sctx *s)
{
    const char *sc = dy_story_country(&s->c->story);
    if (!sc[0]) return;
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor != DY_G_COUNTRY || g->code[0] || !ev_government_word(s, g)) continue;
        memcpy(g->code, sc, 3);
        memcpy(g->code + 3, "GOV", 4);
        g->filled = 1;
    }
}

/* Finds the sentence's dates and the date of an event near none of them (s->ctx); returns the
 * sentence's own date, or s->ctx. A story tells its lead event first, and a sentence with no
 * date goes on from the one before when that one moved the story on to a later day, not past
 * publication ("On Sunday, ECOWAS imposed sanctions. The bloc said ..."), else it is back at the
 * lead's day after background ("In April, Iran fired missiles. ... Saudi Arabia also condemned
 * the strikes"), unless it answers the one before ("Islamabad responded by ...": grammar.txt's
 * respond class). The lead's date is the first or second sentence's day, within a month before
 * publication; without one, publication's. "The same day", "a day earlier" count from the
 * previous sentence's date, in a sentence that names no date of its own. */
#ifndef CARRY_DAYS
#define CARRY_DAYS 7
#endif
dy_date ev_sentence_dates(sctx *s)
{
    dy_coder *c = s->c;
    dy_date pub = s->doc->pub, none = {0, 0, 0, DY_PREC_NONE}, own = none, now = none;
    s->ndates = dy_dates_find(s->doc->text, s->t + s->t0, s->t1 - s->t0, s->norm, pub, s->dates, MAX_DATES);
    int absolute = 0;
    for (size_t k = 0; k < s->ndates; k++) {
        s->dates[k].t0 += s->t0;
        s->dates[k].t1 += s->t0;
        absolute |= !s->dates[k].anchored && s->dates[k].date.prec != DY_PREC_NONE;
    }
    absolute |= ev_act_dates(s) > 0;
    dy_date anchor = c->last.prec != DY_PREC_NONE ? c->last : c->lede.prec != DY_PREC_NONE ? c->lede : pub;
    dy_date before = none;      /* the sentence's last absolute date so far: "in July and ... the following month" */
    int own_since = 0;          /* dates21: the sentence's own date opens a span ("since March"), no step back */
    /* dates20: one that opens the sentence counts from the story's date, whatever absolute date
     * follows ("The following day, Katz summoned the envoys ... video of the Oct. 7 attack") */
    for (size_t k = 0; k < s->ndates; k++) {
        if (s->dates[k].anchored)
            s->dates[k].date = before.prec != DY_PREC_NONE ? dy_datex_anchor(&s->dates[k], before)
                               : absolute && k > 0 ? none : dy_datex_anchor(&s->dates[k], anchor);
        else if (s->dates[k].date.prec != DY_PREC_NONE) before = s->dates[k].date;
        int fut = ev_future_date(s, k);
        /* dates22: a time to come ("At the time, Sisi said Egypt would contribute troops to a
         * force due to take over next year") is no date the sentence's acts took */
        if (now.prec == DY_PREC_NONE && fut == 0) now = s->dates[k].date;
        if (own.prec == DY_PREC_NONE && fut != 2) {     /* not "is due to leave on Sunday" */
            own = s->dates[k].date;
            own_since = s->dates[k].t0 > s->t0 && WIS(s, s->dates[k].t0 - 1, "since");
        }
    }
    int64_t p = c->pub_day, od = own.prec != DY_PREC_NONE ? dy_date_days(own) : 0;
    if (c->lede.prec == DY_PREC_NONE && s->sidx < 2 && own.prec == DY_PREC_DAY && od <= p && od >= p - 31) {
        c->lede = own;
        c->lede_day = od;
    }
    s->ctx = c->lede.prec != DY_PREC_NONE ? c->lede : pub;
    int64_t cd = c->lede.prec != DY_PREC_NONE ? c->lede_day : p;
    if (c->last.prec != DY_PREC_NONE && s->ctx.prec != DY_PREC_NONE && c->last_day <= p) {
        int wider = c->last.prec == DY_PREC_MONTH && s->ctx.prec == DY_PREC_DAY && s->ctx.y == c->last.y && s->ctx.m == c->last.m;
        /* dates21: "also", "then" after a month the sentence before named ("in September last
         * year ... India then suspended") */
        /* dates22: not on to that day when the sentence names an act the story never dated,
         * the lead's in other words ("The AU on Wednesday suspended Sudan. ... Guterres
         * condemned the military takeover") */
        int go_on = c->last_day >= cd && !(own.prec == DY_PREC_NONE && ev_undated_act(s)), recent = (c->last.prec == DY_PREC_DAY && c->last_day >= cd - CARRY_DAYS) ||
                                               (c->last.prec == DY_PREC_MONTH && c->last_own && !wider);
        for (uint32_t i = s->t0, e; i < s->t1 && !go_on && now.prec == DY_PREC_NONE; i++)
            go_on = ev_gram_class_at(s, i, &e) == DY_G_RESPOND || (recent && dy_dict_word_is(c->dict, DY_G_SEQUEL, s->t[i].id));
        /* dates21: "On Sunday, Congo accused Rwanda ... Rwanda denied the charge"; not to a month
         * that holds the story's day ("At hearings earlier this month, ... denied the charge") */
        go_on |= now.prec == DY_PREC_NONE && c->last_own && !wider && ev_refers_back(s);
        if (go_on) { s->ctx = c->last; cd = c->last_day; }
    }
    c->last_own = own.prec != DY_PREC_NONE && !own_since;
    c->last = own.prec != DY_PREC_NONE ? own : s->ctx;
    c->last_day = own.prec != DY_PREC_NONE ? od : cd;
    ev_note_dated_acts(s);
    return c->last;
}

/* "the government imposed a curfew" in a story set in Bangladesh, with no country named in the
 * sentences before: a reference to the country the reader knows is the story's. */
/* "The Peruvian opposition demanded the resignation of the president" with no story country: a
 * title ("the president", "the government") after the sentence's one country is its leader or
 * government (as a bare role is, fill_roles; not under --convention petrarch). */
void ev_sentence_references(sctx *s)
{
    char only[4];
    uint32_t from = 0;
    if (dy_story_country(&s->c->story)[0] || s->c->opts.convention == DY_CONV_PETRARCH || !sentence_country(s, only, &from)) return;
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->code[0] || g->t0 < from || g->t1 - g->t0 < 2) continue;
        if (g->anaphor == DY_G_PERSON || (g->anaphor == DY_G_COUNTRY && ev_government_word(s, g))) {
            snprintf(g->code, sizeof g->code, "%.3sGOV", only);
            g->filled = DY_FILLED_SENTENCE;
            ev_ex(s->c, "  \"%s\" unresolved: the sentence's one country's, %s\n", g->anaphor == DY_G_PERSON ? "the leader" : "the government", g->code);
        }
    }
}

void ev_story_references(sctx *s)
{
    const char *sc = dy_story_country(&s->c->story);
    if (!sc[0]) return;
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        /* dom10: "The president dissolved parliament" with no leader named before: a title
         * (two words or more; "he" stays unknown) is the story country's leader */
        if (g->anaphor == DY_G_PERSON && !g->code[0] && g->t1 - g->t0 >= 2) {
            snprintf(g->code, sizeof g->code, "%.3sGOV", sc);
            g->filled = DY_FILLED_STORY;
            ev_ex(s->c, "  \"the leader\" unresolved: the story's, %s\n", g->code);
            continue;
        }
        if (g->anaphor != DY_G_COUNTRY || g->code[0]) continue;
        int gov = ev_government_word(s, g);
        snprintf(g->code, sizeof g->code, "%.3s%s", sc, gov ? "GOV" : "");
        ev_ex(s->c, "  \"the country\" unresolved: the story's, %s\n", g->code);
    }
}

/* "KHARTOUM (Meridian) - Sudan's army seized power, detaining ...": the dateline city only says
 * where the story was filed; like a modifier it is nobody's subject ("the sentence's subject" of a
 * participle or of a verb after "and" is the army, not Khartoum). */
void ev_dateline_place(sctx *s)
{
    if (s->sidx != 0 || s->ng == 0 || s->c->story.from != DY_STORY_DATELINE || s->g[0].t0 != s->t0) return;
    for (uint32_t i = s->g[0].t1; i < s->t1 && i < s->g[0].t1 + 8; i++)
        if (s->t[i].flags & DY_TF_CLAUSE) { s->g[0].modifier = 1; return; }
}

/* "would be treated as a rebel", "named him as leader": a bare role after "as (a|an)" says what
 * someone is or is taken for; it is no party to the act. */
void ev_predicate_roles(sctx *s)
{
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor || strncmp(g->code, "---", 3) != 0 || g->t0 < s->t0 + 2 || g->crowd) continue;    /* dom10: "as thousands marched" */
        uint32_t j = g->t0 - 1;
        if (WIS(s, j, "a") || WIS(s, j, "an")) j--;
        if (WIS(s, j, "as")) g->modifier = 1;
    }
}
