/* dy_events_noun.c - target20: the document's memory of acts told, coded or not, and the author
 * of an act a reaction names by a noun ("Nicaragua freed 222 opponents. ... Blinken welcomed the
 * release": the release is Nicaragua's, though "freed" coded nothing, its object being
 * Nicaragua's own people). */
#include "dy_events_int.h"

/* Keeps the act of a verb whose source is known, coded or not: its root, source, target (when
 * found) and mood. */
void ev_note_act(sctx *s, const char *code, int src, int tgt, int mood)
{
    dy_coder *c = s->c;
    if (src < 0 || !s->g[src].code[0] || s->g[src].code[0] == '-') return;
    ev_latent *l = &c->lat[c->nlat++ % EV_LATENT];
    l->sent = s->sidx;
    set_code(l->source, s->g[src].code);
    if (tgt >= 0) set_code(l->target, s->g[tgt].code);
    else l->target[0] = 0;
    l->root[0] = code[0];
    l->root[1] = code[1];
    l->root[2] = 0;
    size_t n = strnlen(code, sizeof l->code - 1);      /* no snprintf: a hundredth of a run */
    memcpy(l->code, code, n);
    l->code[n] = 0;
    l->mood = (uint8_t)mood;
}

/* The act `back` entries before the last one kept (0: the last), or NULL. */
const ev_latent *ev_latent_back(const dy_coder *c, size_t back)
{
    if (back >= c->nlat || back >= EV_LATENT) return NULL;
    return &c->lat[(c->nlat - 1 - back) % EV_LATENT];
}

/* The class of the act noun the verb at m takes as its object ("welcomed the release", "rejected
 * the warning ... as"): "the", "that", "this", "these" or "those", at most two words, then a noun
 * of class DY_G_FREED or DY_G_WARNED, before any actor, comma or clause; 0 when none. A noun with
 * an owner ("its warning", "Moscow's threats") or its author after "by" or "from" is none. */
static int act_noun(const sctx *s, const match *m)
{
    uint32_t lim = m->end + 4 < s->t1 ? m->end + 4 : s->t1;
    for (uint32_t i = m->head + 1; i < lim; i++) {
        if (group_at(s, i) >= 0 || (s->t[i].flags & (DY_TF_COMMA | DY_TF_CLAUSE))) return 0;
        if (!(WIS(s, i, "the") || WIS(s, i, "that") || WIS(s, i, "this") || WIS(s, i, "these") || WIS(s, i, "those"))) continue;
        for (uint32_t j = i + 1; j < i + 4 && j < s->t1; j++) {
            if (group_at(s, j) >= 0 || (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE))) return 0;
            int cls = dy_dict_word_is(s->c->dict, DY_G_FREED, s->t[j].id) ? DY_G_FREED
                    : dy_dict_word_is(s->c->dict, DY_G_WARNED, s->t[j].id) ? DY_G_WARNED : 0;
            if (!cls) continue;
            uint32_t e = j + 1;
            if (e < s->t1 && (WIS(s, e, "by") || WIS(s, e, "from")) && group_at(s, e + 1) >= 0) return 0;
            return cls;
        }
        return 0;
    }
    return 0;
}

/* A reaction (roots 01, 05, 11, 12) to an act named by a noun of its class, with no party named:
 * its target is the source of the last act of that root (08 a release, 13 a warning) told in
 * this or the four sentences before by another country than the subject's, coded or not; a
 * release told as done, a warning told in any mood but negated. Returns an added group
 * (drop_body), or -1. */
int ev_noun_author(sctx *s, const match *m, const dy_pattern *p, int src, int *added)
{
    *added = -1;
    if (src < 0 || s->ng >= DY_MAX_ACTORS) return -1;
    int r = (p->code[0] - '0') * 10 + (p->code[1] - '0');
    if (r != 1 && r != 5 && r != 11 && r != 12) return -1;
    int cls = act_noun(s, m);
    if (!cls) return -1;
    const char *root = cls == DY_G_FREED ? "08" : "13";
    const char *kc = s->g[src].code;
    for (size_t b = 0;; b++) {
        const ev_latent *l = ev_latent_back(s->c, b);
        if (!l || l->sent + 4 < s->sidx) return -1;
        if (strcmp(l->root, root) || !strncmp(l->source, kc, 3)) continue;
        if (cls == DY_G_FREED ? l->mood != DY_MOOD_FACTUAL : l->mood == DY_MOOD_NEGATED) continue;
        dy_actor *g = ev_context_group(s, l->source);
        ev_ex(s->c, "    target from the context: %s, the author of the %s told in sentence %u (target20)\n", g->code,
              cls == DY_G_FREED ? "release" : "warning", (unsigned)l->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
}

/* For ev_act_author: "North Korea blew up sections of the roads. ... Seoul condemned the
 * demolition": an act told after sentence index `after` - 1 (0: any; else a violent act only, roots
 * 18-20) and no more than four sentences back
 * (three for a decision), coded or not, of a decision's roots (03-09, 15-20: told as done or
 * announced) or a hostile act's (14-20, done), by another than the known actor (or a domestic
 * author or decision, as ev_act_author takes them). Returns an added group (drop_body), or -1. */
int ev_latent_author(sctx *s, int known, int decision, int low, uint32_t after, int *added)
{
    *added = -1;
    if (known < 0 || s->ng >= DY_MAX_ACTORS) return -1;
    const char *kc = s->g[known].code;
    for (size_t b = 0;; b++) {
        const ev_latent *l = ev_latent_back(s->c, b);
        if (!l || l->sent + (decision ? 3 : after ? 6 : 4) < s->sidx || (after && l->sent < after)) return -1;
        int root = atoi(l->root);
        if (decision ? !ev_decision_root(root) || (l->mood != DY_MOOD_FACTUAL && l->mood != DY_MOOD_INTENT)
                     : root < low || root > 20 || l->mood != DY_MOOD_FACTUAL)
            continue;
        if (!strncmp(l->source, kc, 3) && !ev_domestic_author(l->source, l->target, kc, decision) &&
            !(decision && ev_domestic_decision(l->source, kc)))
            continue;
        dy_actor *g = ev_context_group(s, l->source);
        ev_ex(s->c, "    target from the context: %s, the author of the act told in sentence %u, coded or not (target20)\n", g->code,
              (unsigned)l->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
}

/* "Iraq accused Turkey of shelling a resort. ... Kadhimi called the attack a flagrant violation":
 * with no hostile act told, the one accused (112) in this or the four sentences before of a
 * country other than the known actor's is the author. Returns an added group (drop_body), or -1. */
int ev_accused_author(sctx *s, int known, int *added)
{
    *added = -1;
    if (known < 0 || s->ng >= DY_MAX_ACTORS) return -1;
    const char *kc = s->g[known].code;
    for (size_t b = 0;; b++) {
        const ev_latent *l = ev_latent_back(s->c, b);
        if (!l || l->sent + 4 < s->sidx) return -1;
        if (strcmp(l->code, "112") || l->mood != DY_MOOD_FACTUAL || !l->target[0] || !strncmp(l->target, kc, 3) ||
            !dy_code_is_country(l->target))
            continue;
        dy_actor *g = ev_context_group(s, l->target);
        ev_ex(s->c, "    target from the context: %s, accused in sentence %u of the act (target20)\n", g->code, (unsigned)l->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
}

/* target21: "M23 rebels entered Goma after days of fighting with Congolese troops", "after talks
 * with Isaias in Asmara, Abiy announced ...": an act named in a phrase a frame word opens
 * (grammar.txt frame, at most three plain words before the act, none an actor), whose party
 * after "with" is known and whose doer is not, is done by the clause's subject: its first actor
 * before the phrase, or for a fronted phrase (at the sentence's start or after a comma) the first
 * after the comma that closes it. Returns the subject's group, or -1. */
int ev_frame_doer(const sctx *s, const match *m, int tgt)
{
    const dy_dict *d = s->c->dict;
    if (tgt < 0 || s->g[tgt].t0 <= m->head || !WIS(s, s->g[tgt].t0 - 1, "with")) return -1;
    uint32_t j = m->head;
    for (int n = 0;; n++) {
        if (n == 4 || j <= s->t0) return -1;
        j--;
        if (group_at(s, j) >= 0 || !(s->t[j].flags & DY_TF_WORD) || (s->t[j].flags & (DY_TF_COMMA | DY_TF_END))) return -1;
        if (dy_dict_word_is(d, DY_G_FRAME, s->t[j].id)) break;
    }
    int a = ev_sentence_subject(s, j);
    if (a < 0 && (j == s->t0 || (s->t[j - 1].flags & DY_TF_COMMA)))
        for (uint32_t i = m->end - 1; a < 0 && i < s->t1 && i < m->end + 12 && !(s->t[i].flags & DY_TF_END); i++)
            if (s->t[i].flags & DY_TF_COMMA)
                for (size_t k = 0; k < s->ng && a < 0; k++)
                    if (s->g[k].t0 > i && !s->g[k].locative && !s->g[s->g[k].comp].prep && s->g[k].code[0]) a = s->g[k].comp;
    if (a < 0 || !is_named(s, a) || a == s->g[tgt].comp || !strcmp(s->g[a].code, s->g[tgt].code)) return -1;
    return a;
}

/* An appeal or demand (roots 02 and 10) */
static int request_event(const dy_coder *c, const dy_event *v)
{
    (void)c;
    return !strcmp(v->root, "02") || !strcmp(v->root, "10");
}

/* target21: "the United States would stop bombing the Houthis, who he said had agreed to stop
 * attacking shipping": the doer of the latest act told in this sentence, coded or not and of any
 * mood (target20's memory), aimed at the known actor's country by another; or NULL. */
static const char *same_sentence_act_on(const sctx *s, int known, uint32_t head)
{
    if (known < 0 || !s->g[known].code[0] || s->g[known].code[0] == '-') return NULL;
    /* only an act that a relative clause holding the intent answers ("the Houthis, who he said
     * had agreed"), or a meeting ("Rubio visited Bukele ..., and the Salvadoran leader offered
     * ..."): "Gollum allowed that Mordor isn't a pleasant place to visit" answers no one */
    int relative = 0;
    for (uint32_t j = s->g[known].t1; j < head && j < s->t1 && !relative; j++) relative = WIS(s, j, "who") || WIS(s, j, "which");
    const char *kc = s->g[known].code;
    for (size_t b = 0;; b++) {
        const ev_latent *l = ev_latent_back(s->c, b);
        if (!l || l->sent != s->sidx) return NULL;
        if (l->target[0] && l->target[0] != '-' && !strncmp(l->target, kc, 3) && strncmp(l->source, kc, 3) &&
            (relative || !strncmp(l->root, "04", 2)))
            return l->source;
    }
}

/* target21: "the junta demanded that Denmark withdraw ..., and Copenhagen agreed to bring them
 * home", "India asked for the release of the fishermen. ... Colombo agreed to free 11 of them": an
 * intent or agreement (root 03) with no party named answers the last appeal or demand aimed at its
 * subject in this or the sentence before; its author is the target. With none, the doer of the
 * act this sentence told on the subject before it ("would stop bombing the Houthis, who he said
 * had agreed to stop ...": the US). Returns an added group (drop_body), or -1. */
int ev_requester(sctx *s, int known, uint32_t head, int *added)
{
    *added = -1;
    long e = ev_recent_event_with(s, known, 0, 1, request_event);
    const char *who = e >= 0 ? s->c->ev[e].source : same_sentence_act_on(s, known, head);
    if (!who || s->ng >= DY_MAX_ACTORS) return -1;
    dy_actor *g = ev_context_group(s, who);
    if (e >= 0) ev_ex(s->c, "    target from the context: %s, who asked it in sentence %u (target21)\n", g->code, (unsigned)s->c->ev[e].sent + 1);
    else ev_ex(s->c, "    target: %s, whose act on the subject this sentence told before (target21)\n", g->code);
    *added = (int)s->ng;
    return (int)s->ng++;
}

/* evalcall22: keeps the subject of the story's lead, the first sentence of the document that has
 * one ("The PKK's fighters burned their weapons ...", "The European Union on Monday launched a
 * mission ..."): its first actor that is no place, modifier or object of a preposition. */
void ev_note_lead(sctx *s)
{
    dy_coder *c = s->c;
    if (c->lead_done) return;
    int a = ev_sentence_subject(s, s->t1);
    if (a < 0 || !s->g[a].code[0] || s->g[a].code[0] == '-') return;
    c->lead_done = 1;
    c->lead_sent = s->sidx;
    set_code(c->lead_src, s->g[a].code);
    set_code(c->lead_src2, s->g[a].code2);
}

/* evalcall22: a reaction to an act named by its noun whose author no act told found ("The
 * regional government in Erbil welcomed the ceremony", "Tehran condemned the resolution as
 * political"): news names by "the move" the act of its lead, so the lead's subject is the target,
 * within eight sentences of the lead and never in it; of another country than the reacting
 * party's, or of its own with another role of both ("Erdogan welcomed the move" of his country's
 * rebels, "Milei celebrated the decision" of its court). Returns an added group (drop_body), or -1. */
int ev_lead_author(sctx *s, int known, int *added)
{
    dy_coder *c = s->c;
    *added = -1;
    if (known < 0 || !c->lead_src[0] || s->ng >= DY_MAX_ACTORS || s->sidx <= c->lead_sent || s->sidx - c->lead_sent > 8) return -1;
    const char *kc = s->g[known].code, *lc = c->lead_src;
    if (!strncmp(lc, kc, 3) && (strlen(lc) < 6 || strlen(kc) < 6 || !strncmp(lc + 3, kc + 3, 3) || !dy_code_is_country(lc))) return -1;
    dy_actor *g = ev_context_group(s, lc);
    if (c->lead_src2[0] && strncmp(c->lead_src2, kc, 3)) set_code(g->code2, c->lead_src2);
    ev_ex(c, "    target from the context: %s%s%s, the subject of the story's lead, sentence %u (evalcall22)\n", g->code,
          g->code2[0] ? " and " : "", g->code2, (unsigned)c->lead_sent + 1);
    *added = (int)s->ng;
    return (int)s->ng++;
}
