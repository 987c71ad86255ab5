/* dy_events_eval.c - eval20: judgements and threats told in reported speech, where no verb
 * pattern holds: the judged act named by its noun ("Lavrov said the sanctions showed an arrogant
 * attitude": the sanctions' author), and a threat of what the one warned will suffer or what
 * the speaker's own side will do ("warned that the United States would be made to pay a due
 * price", "said it could use force if its demand was not met"). */
#include "dy_events_int.h"
#include <ctype.h>
#include <strings.h>

/* A demand, disapproval, rejection, threat, protest or cut in relations (roots 10 to 16) */
static int adversary_event(const dy_coder *c, const dy_event *v)
{
    (void)c;
    return v->root[0] == '1' && v->root[1] >= '0' && v->root[1] <= '6';
}

/* eval20: "ECOWAS demanded that the junta restore Bazoum. The bloc said it could use force if its
 * demand was not met": a threat of the speaker's own act with no party named goes to the one it
 * last demanded of, accused, threatened or cut ties with, in this or the two sentences before.
 * Returns an added group (drop_body), or -1. */
int ev_last_adversary(sctx *s, int known, int *added)
{
    *added = -1;
    long e = ev_recent_event_with(s, known, 1, 2, adversary_event);
    if (e < 0) return -1;
    const dy_event *v = &s->c->ev[e];
    /* eval21: "accused London, Paris and Berlin ... and warned that the Islamic Republic would
     * respond": an adversary of this sentence named in a list is the whole list */
    for (size_t k = 0; v->sent == s->sidx && k < s->ng; k++)
        if (!strcmp(s->g[k].code, v->target) && s->g[s->g[k].comp].ncomp > 1) {
            ev_ex(s->c, "    the ones it last demanded of or accused: %s and the rest of its list (eval21)\n", s->g[k].code);
            return s->g[k].comp;
        }
    dy_actor *g = ev_context_group(s, v->target);
    /* target21: "accused London, Paris and Berlin of acting illegally and warned that ...": all the
     * targets of that one act (its other events, up to three codes in all) */
    for (long f = e; f-- > 0 && s->c->ev[f].sent == v->sent && !g->code3[0];) {
        const dy_event *w = &s->c->ev[f];
        if (w->verb_start != v->verb_start || strcmp(w->source, v->source) || strcmp(w->code, v->code) || w->mood) continue;
        if (!strcmp(w->target, g->code) || !strcmp(w->target, g->code2)) continue;
        set_code(g->code2[0] ? g->code3 : g->code2, w->target);
    }
    ev_ex(s->c, "    the one it last demanded of or accused: %s%s%s%s%s, of sentence %u (eval20)\n", g->code, g->code2[0] ? ", " : "",
          g->code2, g->code3[0] ? ", " : "", g->code3, (unsigned)v->sent + 1);
    *added = (int)s->ng;
    return (int)s->ng++;
}

/* Does the text span [a, b) hold a word that opens with the first n letters of w? */
static int span_has_stem(const char *text, uint32_t a, uint32_t b, const char *w, size_t n)
{
    for (uint32_t i = a; i + n <= b; i++)
        if ((i == a || !isalpha((unsigned char)text[i - 1])) && !strncasecmp(text + i, w, n)) return 1;
    return 0;
}

/* eval20: "Russia recognised the two regions. ... Scheffer said the recognition violated UN
 * resolutions": the author of the act a noun names is the doer of the latest factual act of the
 * six sentences before whose verb shares the noun's stem (its first five letters, or all of a
 * shorter noun: "recognition" and "recognised", "arrests" and "arrested", "sanctions" and
 * "imposed sanctions"), not of the known actor's country. Returns an added group (drop_body), or -1. */
int ev_named_act_author(sctx *s, int known, uint32_t noun, int *added)
{
    const dy_coder *c = s->c;
    *added = -1;
    if (known < 0 || s->ng >= DY_MAX_ACTORS) return -1;
    const char *w = s->doc->text + s->t[noun].start;
    size_t n = s->t[noun].end - s->t[noun].start;
    if (n > 5) n = 5;
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        if (v->sent + EV_LOOKBACK_SENTS < s->sidx) break;
        if (v->mood || v->source[0] == '-' || !strncmp(v->source, s->g[known].code, 3)) continue;
        if (!span_has_stem(s->doc->text, v->verb_start, v->verb_end, w, n)) continue;
        dy_actor *g = ev_context_group(s, v->source);
        ev_ex(s->c, "    the author of the act named: %s, of sentence %u (eval20)\n", g->code, (unsigned)v->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* eval20: "Xi arrived in Moscow. ... Blinken said the trip amounted to diplomatic cover": a
 * visit judged by a third party is the visitor's, told in this or the five sentences before.
 * Returns an added group (drop_body), or -1. */
int ev_recent_visitor(sctx *s, int known, int *added)
{
    dy_coder *c = s->c;
    *added = -1;
    if (known < 0 || !c->visit_place[0] || s->sidx - c->visit_sent > 5 || s->ng >= DY_MAX_ACTORS) return -1;
    const char *kc = s->g[known].code;
    if (!strncmp(c->visitor, kc, 3) || !strncmp(c->visit_place, kc, 3) || !strncmp(c->visitor, c->visit_place, 3)) return -1;
    dy_actor *g = ev_context_group(s, c->visitor);
    ev_ex(c, "    the visitor: %s, of sentence %u (eval20)\n", g->code, (unsigned)c->visit_sent + 1);
    *added = (int)s->ng;
    return (int)s->ng++;
}

/* The sentence has an event from country a to country b of root `root` already. */
static int eval_has_pair(const sctx *s, const char *a, const char *b, const char *root)
{
    const dy_coder *c = s->c;
    for (size_t k = c->nev; k-- > 0 && c->ev[k].sent == s->sidx;)
        if (!strncmp(c->ev[k].source, a, 3) && !strncmp(c->ev[k].target, b, 3) && !strncmp(c->ev[k].root, root, 2)) return 1;
    return 0;
}

/* "the sanctions", "this decision", "the latest expulsions": an act's noun after a determiner,
 * with at most two words and no actor between them; its grammar class, or 0. */
static int judged_noun_at(const sctx *s, uint32_t j)
{
    uint32_t e;
    int cls = ev_gram_class_at(s, j, &e);
    if (cls != DY_G_ACT_NOUN && cls != DY_G_DECISION && cls != DY_G_MEETING && cls != DY_G_REMARKS && cls != DY_G_COUP) return 0;
    for (uint32_t i = j, n = 0; i-- > s->t0 && n < 3; n++) {
        if (group_at(s, i) >= 0 || (s->t[i].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) return 0;
        if (WIS(s, i, "the") || WIS(s, i, "this") || WIS(s, i, "these") || WIS(s, i, "those")) return cls;
    }
    return 0;
}

/* eval20: the party a reported clause in tokens [from, to) judges through the noun of an act
 * ("said the sanctions showed ...", "said the expulsions would not go unanswered"): the author of
 * the act the noun names, from the story (the doer of a recent act, the parties of a meeting,
 * the author of remarks), as a reaction to that noun finds it. Returns an added group
 * (drop_body), or -1. */
int ev_clause_act_target(sctx *s, uint32_t from, uint32_t to, int who, int *added)
{
    *added = -1;
    if (who < 0) return -1;
    for (uint32_t j = from; j < to && j < s->t1; j++) {
        int cls = judged_noun_at(s, j);
        if (!cls) continue;
        int g;
        if (cls == DY_G_MEETING) {
            if ((g = ev_recent_visitor(s, who, added)) < 0) g = ev_meeting_parties(s, who, added);
        } else if (cls == DY_G_REMARKS) g = ev_accuser(s, who, added, 2);
        else if (cls == DY_G_COUP) g = ev_act_author(s, who, added, 0, 1, 0);
        else if ((g = ev_named_act_author(s, who, j, added)) < 0 && (g = ev_act_author(s, who, added, 1, 0, 0)) < 0)
            g = ev_act_author(s, who, added, 0, 0, 0);
        if (g >= 0) ev_ex(s->c, "    the judged act \"%.*s\": its author (eval20)\n", (int)s->t[j].nlen, W(s, j));
        return g;
    }
    return -1;
}

static int modal_word(const sctx *s, uint32_t j)
{
    return WIS(s, j, "would") || WIS(s, j, "will") || WIS(s, j, "could") || WIS(s, j, "might") || WIS(s, j, "shall");
}

/* The threat phrase (grammar.txt consequence, retaliate, unanswered) at most eight words after a
 * modal that follows `from`: its start, *cls its class, *modal the modal's place; 0 when none. A
 * consequence under a negation ("would not face charges") is none, and an "unanswered" one needs
 * it ("would not go unanswered"). */
static uint32_t threat_phrase(const sctx *s, uint32_t from, int *cls, uint32_t *modal)
{
    uint32_t m = 0;
    int neg = 0;
    for (uint32_t j = from; j < s->t1; j++) {
        uint32_t e;
        int c = ev_gram_class_at(s, j, &e);
        if (modal_word(s, j)) { m = j; neg = 0; continue; }
        if (c == DY_G_NEGATE) neg = 1;
        if (!m || j - m > 8 || (c != DY_G_CONSEQUENCE && c != DY_G_RETALIATE && c != DY_G_UNANSWERED)) continue;
        if ((c == DY_G_UNANSWERED) != neg) continue;
        *cls = c;
        *modal = m;
        return j;
    }
    return 0;
}

/* The party of another country than the speaker's named in tokens [from, to), not a pair
 * reference nor the owner inside a phrase; -1 when none. */
static int other_party(const sctx *s, uint32_t from, uint32_t to, int who)
{
    const char *wc = s->g[who].code;
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->t0 < from || g->t0 >= to || !g->code[0] || g->code[0] == '-' || !strncmp(g->code, wc, 3)) continue;
        if ((g->anaphor && g->code2[0]) || g->poss) continue;
        return (int)k;
    }
    return -1;
}

/* The clause after the speech verb (tokens [from, modal)) opens with the speaker's own side:
 * its last actor before the modal is of the speaker's country ("said it could use force",
 * "said Washington would respond accordingly"). */
static int own_side_subject(const sctx *s, uint32_t from, uint32_t modal, int who)
{
    int last = -1;
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].t0 >= from && s->g[k].t1 <= modal) last = (int)k;
    return last >= 0 && s->g[last].code[0] && !strncmp(s->g[last].code, s->g[who].code, 3);
}

/* eval20: a threat told in reported speech that no pattern held: a speaker, a speech verb
 * ("said", "warned", "told", "vowed"), then a modal and what the one warned will suffer ("would
 * be made to pay a due price", "could become legitimate targets", "would not go unanswered") or
 * what the speaker's own side, opening the clause, will do ("said it could use force if ...").
 * The speaker threatens (130) the first party of another country named in the clause, else the
 * author of the act the clause names ("the expulsions"), else (the speaker's own act) the one it
 * demanded of, accused or threatened in this or the two sentences before. Not under PETRARCH's
 * convention, nor for commentators (EDU), nor twice. 0 done, -1 out of memory. */
int ev_reported_threat(sctx *s)
{
    if (s->c->opts.convention == DY_CONV_PETRARCH) return 0;
    for (uint32_t v = s->t0; v < s->t1; v++) {
        uint32_t e, modal;
        if (!ev_gram_is(s, v, DY_G_SAY, &e)) continue;
        int who = v > s->t0 && WIS(s, v - 1, "and") ? ev_sentence_subject(s, v) : ev_speaker_of(s, v);
        if (who < 0 || s->g[who].code[0] == '-' || !s->g[who].code[0]) continue;
        if (strlen(s->g[who].code) >= 6 && !strncmp(s->g[who].code + 3, "EDU", 3)) return 0;
        /* a pronoun may stand for another state's speaker, and so may a bare role given the
         * story's country: only the role's own earlier act confirms it (the one it last
         * demanded of or accused) */
        if (s->g[who].anaphor == DY_G_PERSON) return 0;
        int weak = s->g[who].filled == DY_FILLED_STORY;
        int cls;
        uint32_t at = threat_phrase(s, e, &cls, &modal);
        if (!at) continue;
        int own = own_side_subject(s, e, modal, who);
        /* "said Russia would use force" is no threat of the speaker; "Zelensky said Ukraine would
         * pay a heavy price without more weapons" is the speaker's own side's fate */
        if ((cls == DY_G_RETALIATE && !own) || (cls == DY_G_CONSEQUENCE && own)) return 0;
        int added = -1, tgt = weak ? -1 : other_party(s, e, s->t1, who);
        if (tgt < 0 && !weak) tgt = ev_clause_act_target(s, e, at, who, &added);
        if (tgt < 0 && own) tgt = ev_last_adversary(s, who, &added);
        if (tgt < 0 || eval_has_pair(s, s->g[who].code, s->g[tgt].code, "13")) { ev_drop_body(s, added); return 0; }
        match m = {0};
        m.head = at;
        m.end = at + 1;
        m.tgt = m.src = -1;
        ev_ex(s->c, "    reported threat (\"%.*s\" after a modal): the speaker threatens %s (eval20)\n", (int)s->t[at].nlen, W(s, at),
              s->g[tgt].code);
        int r = ev_emit(s, &m, "130", dy_dict_cameo(s->c->dict, "130"), who, tgt, 0, DY_MOOD_FACTUAL);
        ev_drop_body(s, added);
        return r < 0 ? -1 : 0;
    }
    return 0;
}

/* eval21: the end of the clause that opens at `from`: a comma, a clause mark or the sentence's
 * end, a relative pronoun or a subordinator; *cond is set when that is "if" or "unless". */
static uint32_t clause_end_at(const sctx *s, uint32_t from, int *cond)
{
    *cond = 0;
    for (uint32_t j = from; j < s->t1; j++) {
        uint32_t e;
        if (WIS(s, j, "if") || WIS(s, j, "unless")) { *cond = 1; return j; }
        if (j > from && (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) return j;
        if (WIS(s, j, "which") || WIS(s, j, "who") || WIS(s, j, "that") || ev_gram_is(s, j, DY_G_SUBORD, &e)) return j;
    }
    return s->t1;
}

/* "the formation of an interim government": the party is the object of "of" (at most two words
 * between), what the act is about, not its target. */
static int after_of(const sctx *s, const dy_actor *g)
{
    for (uint32_t j = g->t0, n = 0; j-- > s->t0 && n < 3; n++) {
        if (WIS(s, j, "of")) return 1;
        if ((s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) || group_at(s, j) >= 0 || (s->c->dict && dy_dict_wclass(s->c->dict, s->t[j].id) & DY_WC_PREP))
            return 0;
    }
    return 0;
}

/* A party of tokens [from, to) other than the speaker (another actor code; a role of its own
 * country counts), not an owner inside a phrase nor a bare role; -1 when none. */
static int clause_party(const sctx *s, uint32_t from, uint32_t to, int who)
{
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->t0 < from || g->t0 >= to || !g->code[0] || g->code[0] == '-' || g->poss || g->modifier || g->of || after_of(s, g)) continue;
        if ((int)k == who || g->comp == s->g[who].comp || !strcmp(g->code, s->g[who].code) || ev_own_again(s, who, (int)k)) continue;
        return (int)k;
    }
    return -1;
}

/* The party of a condition in tokens [from, to) ("if he did not", "if Berlin refused"): any actor
 * but the speaker's own (its code, its list), a role of its country included. */
static int condition_party(const sctx *s, uint32_t from, uint32_t to, int who)
{
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->t0 < from || g->t0 >= to || !g->code[0] || g->code[0] == '-' || g->poss || g->modifier) continue;
        if (g->comp != s->g[who].comp && strcmp(g->code, s->g[who].code) != 0) return (int)k;
    }
    return -1;
}

/* Did a pattern match, or an event start, in tokens [from, to)? Then the clause codes itself. */
static int clause_coded(const sctx *s, const match *ms, size_t nm, uint32_t from, uint32_t to)
{
    for (size_t k = 0; k < nm; k++)
        if (ms[k].head >= from && ms[k].head < to) return 1;
    uint32_t a = s->t[from].start, b = s->t[to - 1].end;
    for (size_t k = s->c->nev; k-- > 0 && s->c->ev[k].sent == s->sidx;)
        if (s->c->ev[k].verb_start >= a && s->c->ev[k].verb_start < b) return 1;
    return 0;
}

/* eval21: the modal "would" right after the subject that opens the clause a speech verb ending at
 * e reports, when that subject is the first party after the verb (a listener of "told" and a place
 * passed over: "told reporters at the White House that the United States would") and the
 * speaker's own side (its country, a pronoun or a role of it); 0 when none, nor after a question
 * word ("did not say when he would return"). */
static uint32_t own_side_would(const sctx *s, uint32_t v, uint32_t e, int who)
{
    uint32_t x;
    int tell = ev_gram_is(s, v, DY_G_TELL, &x);
    for (uint32_t j = e; j < s->t1 && j < e + 12; j++) {
        if (s->t[j].flags & (DY_TF_CLAUSE | DY_TF_END)) return 0;
        if (WIS(s, j, "when") || WIS(s, j, "whether") || WIS(s, j, "how") || WIS(s, j, "why") || WIS(s, j, "where") || WIS(s, j, "if"))
            return 0;
        int g = group_at(s, j);
        if (g >= 0 && s->g[g].t0 == j && !(WIS(s, s->g[g].t1, "would") || WIS(s, s->g[g].t1, "will"))) {
            if ((tell && j == e) || s->g[g].locative) continue;
            return 0;
        }
        if (!WIS(s, j, "would") && !WIS(s, j, "will")) continue;
        g = group_at(s, j - 1);
        if (g < 0 || s->g[g].poss) return 0;
        /* "said it would": an "it" left unresolved right after the speech verb is the speaker */
        if (!s->g[g].code[0]) return s->g[g].anaphor == DY_G_IT && (s->g[g].t0 == e || (s->g[g].t0 == e + 1 && WIS(s, e, "that"))) ? j : 0;
        if (strncmp(s->g[g].code, s->g[who].code, 3) != 0 && !ev_own_again(s, who, g)) return 0;
        return j;
    }
    return 0;
}

/* eval20's words of a threat or a response ("would respond accordingly", "would pay a price") in
 * tokens [from, to): eval20 codes those. */
static int threat_words(const sctx *s, uint32_t from, uint32_t to)
{
    for (uint32_t j = from; j < to; j++) {
        uint32_t x;
        int c = ev_gram_class_at(s, j, &x);
        if (c == DY_G_CONSEQUENCE || c == DY_G_RETALIATE || c == DY_G_UNANSWERED || c == DY_G_RESPOND) return 1;
    }
    return 0;
}

/* Has the sentence coded a threat (root 13) by `who`'s country already? "warned that it would draw
 * all the consequences": the warning is that threat (gen19), not an intent of its own besides. */
static int threat_told(const sctx *s, int who)
{
    for (size_t k = s->c->nev; k-- > 0 && s->c->ev[k].sent == s->sidx;)
        if (!strcmp(s->c->ev[k].root, "13") && !strncmp(s->c->ev[k].source, s->g[who].code, 3)) return 1;
    return 0;
}

/* eval21: an act the speaker's own side will do, told in reported speech with a verb no pattern
 * holds ("said he would seek a vote of confidence in parliament", "said Ankara would press on with
 * the normalisation process", "said the party would seek a royal pardon for Najib"): the speaker's
 * intent (030) at the first other party of the clause, else of another country in the sentence;
 * under a condition of the clause ("said Cairo would have no choice but to protect its right ...
 * if its water security were harmed") a threat (130) at the party of the condition first. Not for
 * a negated or speculative modal, a verb that foretells ("would be", "would win"), commentators,
 * nor under PETRARCH's convention. 0 done, -1 out of memory. */
int ev_reported_intent(sctx *s, const match *ms, size_t nm)
{
    if (s->c->opts.convention == DY_CONV_PETRARCH) return 0;
    for (uint32_t v = s->t0; v < s->t1; v++) {
        uint32_t e, x;
        if (!ev_gram_is(s, v, DY_G_SAY, &e)) continue;
        /* "had criticised it, saying it would harm ...": the participle's speaker is the subject */
        int who = (v > s->t0 && WIS(s, v - 1, "and")) || WIS(s, v, "saying") ? ev_sentence_subject(s, v) : ev_speaker_of(s, v);
        if (who < 0 || s->g[who].code[0] == '-' || !s->g[who].code[0] || s->g[who].used_as_target) continue;
        if (strlen(s->g[who].code) >= 6 && !strncmp(s->g[who].code + 3, "EDU", 3)) return 0;
        if (v > s->t0 && ev_gram_class_at(s, v - 1, &x) == DY_G_NEGATE) continue;     /* "did not say" */
        uint32_t modal = own_side_would(s, v, e, who);
        if (!modal) continue;
        uint32_t verb = modal + 1;
        while (verb < s->t1 && (WIS(s, verb, "also") || WIS(s, verb, "still") || WIS(s, verb, "now") || WIS(s, verb, "soon"))) verb++;
        int vc = verb < s->t1 ? ev_gram_class_at(s, verb, &x) : -1;
        if (verb >= s->t1 || vc == DY_G_NEGATE || vc == DY_G_HYPO || dy_dict_word_is(s->c->dict, DY_G_FORETELL, s->t[verb].id) || group_at(s, verb) >= 0 ||
            !(s->t[verb].flags & DY_TF_WORD) || (s->t[verb].flags & DY_TF_CAP))
            continue;
        int cond;
        uint32_t end = clause_end_at(s, verb, &cond);
        if (clause_coded(s, ms, nm, verb, end) || threat_words(s, verb, end) || threat_told(s, who)) continue;
        int tgt = -1;
        if (cond) tgt = condition_party(s, end, clause_end_at(s, end + 1, &vc), who);
        if (tgt < 0) tgt = clause_party(s, verb, end, who);
        if (tgt < 0) tgt = other_party(s, s->t0, v, who);     /* "thanked Armenia ... and said Ankara would" */
        const char *code = cond ? "130" : "030";
        if (tgt < 0 || eval_has_pair(s, s->g[who].code, s->g[tgt].code, code)) continue;
        match m = {0};
        m.head = verb;
        m.end = verb + 1;
        m.tgt = m.src = -1;
        ev_ex(s->c, "    reported act of the speaker's own side (\"%.*s\" after \"%.*s\"%s): %s at %s (eval21)\n", (int)s->t[verb].nlen,
              W(s, verb), (int)s->t[modal].nlen, W(s, modal), cond ? ", under a condition" : "", code, s->g[tgt].code);
        if (ev_emit(s, &m, code, dy_dict_cameo(s->c->dict, code), who, tgt, 0, DY_MOOD_FACTUAL) < 0) return -1;
    }
    return 0;
}

/* A demand (root 10), or an invitation or a proposal to meet (036) that an acceptance answers */
static int demand_event(const dy_coder *c, const dy_event *v)
{
    (void)c;
    return (v->root[0] == '1' && v->root[1] == '0') || !strcmp(v->code, "036");
}

/* eval21: the one an announced intent (03x) with no target of its own is made to: the speaker of
 * another country who reports it ("Indian officials said Colombo had agreed to free 11 of the
 * fishermen", "Abiy announced that Eritrea had agreed to withdraw its forces"), else the one that
 * demanded it of the subject in this or the two sentences before ("the junta demanded that Denmark
 * withdraw ..., and Copenhagen agreed to bring them home"). Returns a group (*added when made for
 * it, drop_body), or -1. */
int ev_intent_addressee(sctx *s, const match *m, int src, int *added)
{
    *added = -1;
    const dy_actor *a = &s->g[src];
    if (!a->code[0] || !dy_code_is_country(a->code)) return -1;
    for (uint32_t v = s->t0; v < a->t0; v++) {
        uint32_t e;
        if (!ev_gram_is(s, v, DY_G_SAY, &e) || e > a->t0 || a->t0 - e > 8) continue;
        uint32_t j = e;
        while (j < a->t0 && group_at(s, j) < 0 && !(s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) j++;
        if (j < a->t0) continue;     /* "said later on Saturday that Colombo": no party nor comma between */
        int who = ev_speaker_of(s, v);
        if (who < 0 || !s->g[who].code[0] || !dy_code_is_country(s->g[who].code) || !strncmp(s->g[who].code, a->code, 3)) continue;
        ev_ex(s->c, "    the intent is made to the one who reports it: %s (eval21)\n", s->g[who].code);
        return who;
    }
    long e = ev_recent_event_with(s, src, 0, 2, demand_event);
    if (e < 0 || s->c->ev[e].verb_start >= s->t[m->head].start) return -1;
    dy_actor *g = ev_context_group(s, s->c->ev[e].source);
    ev_ex(s->c, "    the intent answers the demand of %s, of sentence %u (eval21)\n", g->code, (unsigned)s->c->ev[e].sent + 1);
    *added = (int)s->ng;
    return (int)s->ng++;
}
