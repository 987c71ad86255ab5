/* dy_events_home.c - whose country a bare party is, from the act it takes part in: people held
 * or freed by a named state's police, courts or government are its own; an opposition that
 * challenges a named government, a crowd protesting at a named place, a public facing a named
 * force take that country (split from dy_events_ref.c, which resolves references). Each runs
 * once an act's source and target are known (dy_events.c act_code) and changes at most one
 * party's country, saying so under --explain. */
#include "dy_events_int.h"

#include <string.h>

/* "Soldiers detained State Counsellor Aung San Suu Kyi" in a story the title set in the US: a
 * bare force (filled in from the story) that arrests, removes or coerces a named politician of
 * another country is that politician's country's own. */
void ev_captor_country(sctx *s, int src, int tgt, int gov)
{
    if (src < 0 || tgt < 0) return;
    dy_actor *a = &s->g[s->g[src].comp];
    const char *t = s->g[s->g[tgt].comp].code;
    /* acc14a: "Police in Tripura state said seven people had been arrested" in a story from
     * Dhaka: a bare public (a crowd, an opposition, reporters) the story filled in, held by
     * another country's named police or court, is that country's own; stop 30: so are those its
     * named government holds or frees ("Venezuela's government released jailed opposition
     * activists" in a story from Manila) */
    dy_actor *v = &s->g[s->g[tgt].comp];
    if (v->filled == DY_FILLED_STORY && v->ncomp <= 1 && !a->filled && ev_role_is(s, tgt, "CVLOPPMEDRELLABEDUBUS") &&
        ev_role_is(s, src, gov ? "COPJUDGOV" : "COPJUD") && dy_code_is_country(a->code) && strncmp(a->code, v->code, 3) != 0) {
        memcpy(v->code, a->code, 3);
        ev_ex(s->c, "    people held or freed by %.3s's police, courts or government are %.3s's own\n", a->code, a->code);
        return;
    }
    if (!a->filled || a->ncomp > 1 || !ev_role_is(s, src, "COPMILJUD") || !is_named(s, s->g[tgt].comp)) return;
    if (!ev_role_is(s, tgt, "GOVOPPLEGJUD") || !dy_code_is_country(t) || !strncmp(a->code, t, 3)) return;
    memcpy(a->code, t, 3);
    ev_ex(s->c, "    a force that arrests a politician of %.3s is %.3s's own\n", t, t);
}

/* A bare party at src that the story filled in (one member, of one of roles), facing at tgt a
 * party of another country, whose code goes to *t: that party, else NULL. For the rules below
 * that give it the other party's country. */
static dy_actor *story_filled_facing(sctx *s, int src, int tgt, const char *roles, const char **t)
{
    if (src < 0 || tgt < 0) return NULL;
    dy_actor *a = &s->g[s->g[src].comp];
    *t = s->g[s->g[tgt].comp].code;
    if (a->filled != DY_FILLED_STORY || a->ncomp > 1 || !ev_role_is(s, src, roles)) return NULL;
    return dy_code_is_country(*t) && strncmp(a->code, *t, 3) != 0 ? a : NULL;
}

/* acc16a: "Opposition parties demanded that Modi come to parliament" in a story the dateline set
 * in Washington: a bare opposition the story filled in, whose demand, criticism or rejection (roots
 * 10-12) aims at a named leader or government of another country, is that country's own. */
void ev_opposition_country(sctx *s, int src, int tgt)
{
    const char *t;
    dy_actor *a = story_filled_facing(s, src, tgt, "OPP", &t);
    if (!a || !is_named(s, s->g[tgt].comp) || !ev_role_is(s, tgt, "GOV")) return;
    memcpy(a->code, t, 3);
    ev_ex(s->c, "    an opposition that challenges %.3s's government is %.3s's own\n", t, t);
}

/* acc20b: "Hundreds of protesters rallied outside parliament in Avarua" in a story the dateline set
 * in Wellington: a bare crowd the story filled in, protesting (root 14) at a place of another
 * country, is that country's own people. */
void ev_protest_country(sctx *s, int src, int tgt)
{
    const char *t;
    dy_actor *a = story_filled_facing(s, src, tgt, "CVLOPPLABEDU", &t);
    if (!a || !(s->g[tgt].locative || s->g[tgt].prep) || s->g[tgt].anaphor) return;
    /* a role joined to its place ("parliament in Avarua"), not another country's named body
     * there ("outside the French embassy in Niamey": the protesters are the place's, unknown) */
    int joined = 0;
    for (uint32_t j = s->g[tgt].t0; j < s->g[tgt].t1; j++)
        if (WIS(s, j, "in") || WIS(s, j, "at")) joined = 1;
    if (!joined) return;
    memcpy(a->code, t, 3);
    ev_ex(s->c, "    a crowd protesting at a place of %.3s is %.3s's own\n", t, t);
}

/* "Vilnius police detained several protesters": a bare agent the story gave no country
 * (---CVL) acting with, or acted on by, one country's police, army or court takes
 * that country: a state's forces act on its own people unless the text says otherwise. */
void ev_borrow_country(sctx *s, int a, int b)
{
    dy_actor *x = &s->g[s->g[a].comp];
    const char *y = s->g[s->g[b].comp].code;
    if (strncmp(x->code, "---", 3) || x->ncomp > 1 || strlen(y) <= 3 || !dy_code_is_country(y)) return;
    if (!ev_role_is(s, b, "COPMILJUD")) return;
    memcpy(x->code, y, 3);
    ev_ex(s->c, "    %s takes the country of the force or body it faces\n", x->code);
}

/* domestic22: "Lula accused Bolsonaro of encouraging the attack. Bolsonaro rejected the
 * accusation": at home the accuser is of the denier's own country, which ev_recent_event_with
 * passes over. The latest factual accusation, demand, rejection or threat (roots 10-13) of this or
 * the `back` sentences before aimed at the denier's very code (country and role) by another actor
 * of its country: the index of that event in c->ev, or -1. */
long ev_home_accusation(const sctx *s, int known, uint32_t back)
{
    const dy_coder *c = s->c;
    if (known < 0 || s->g[known].code[0] == '-' || strlen(s->g[known].code) <= 3 || !dy_code_is_country(s->g[known].code)) return -1;
    const char *kc = s->g[known].code;
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        if (v->sent + back < s->sidx) break;
        if (v->mood || v->root[0] != '1' || v->root[1] < '0' || v->root[1] > '3') continue;
        if (!strcmp(v->target, kc) && !strncmp(v->source, kc, 3) && strcmp(v->source, kc) != 0) return (long)e;
    }
    return -1;
}

/* domestic22: "fighters of the PKK burned their weapons at a ceremony in northern Iraq": the place
 * where an armed group lays down its arms (0873) is no party to it; its own state is
 * (ev_implied_target). 1 when the target is such a place. */
int ev_disarm_place(const sctx *s, const dy_pattern *p, int src, int tgt)
{
    if (src < 0 || strncmp(p->code, "0873", 4) != 0 || !s->g[tgt].locative || !ev_role_is(s, src, "REB")) return 0;
    ev_ex(s->c, "    the place an armed group disarms in is no party\n");
    return 1;
}

/* "Japarov and Tajik President Rahmon ... pull their troops back": a role after "their" whose
 * sentence names a list of two actors of two countries before it is both of theirs; 1 when set. */
int ev_subject_list_roles(sctx *s, int k, const char *role)
{
    dy_actor *g = &s->g[k];
    for (int j = 0; j < k; j++) {
        const dy_actor *h = &s->g[j];
        if (h->comp != j || h->ncomp != 2 || h->anaphor || h->prep || h->locative || j + 1 >= k) continue;
        const dy_actor *o = &s->g[j + 1];
        if (o->comp != j || o->anaphor || !dy_code_is_country(h->code) || !dy_code_is_country(o->code) ||
            h->code[0] == '-' || o->code[0] == '-' || !strncmp(h->code, o->code, 3))
            continue;
        snprintf(g->code, sizeof g->code, "%.3s%s", h->code, role + 3);
        snprintf(g->code2, sizeof g->code2, "%.3s%s", o->code, role + 3);
        ev_ex(s->c, "  \"their %s\": the list's, %s and %s\n", role + 3, g->code, g->code2);
        return 1;
    }
    return 0;
}

/* lead31: "more strikes against drug cartels operating from Venezuela", "gangs based in Haiti":
 * a bare role the story or its sentence gave a country takes the one of the place it is said to
 * operate from or be based in, right after it. */
void ev_based_country(sctx *s, int k)
{
    if (k < 0) return;
    dy_actor *g = &s->g[k];
    uint32_t j = g->t1;
    if (g->anaphor || !g->filled || strlen(g->code) <= 3 || j + 2 >= s->t1) return;
    if (!(WIS(s, j, "operating") || WIS(s, j, "based") || WIS(s, j, "headquartered") || WIS(s, j, "active"))) return;
    if (!(WIS(s, j + 1, "from") || WIS(s, j + 1, "in") || WIS(s, j + 1, "out"))) return;
    uint32_t at = j + 2 + (WIS(s, j + 2, "of") && WIS(s, j + 1, "out"));
    int h = at < s->t1 ? group_at(s, at) : -1;
    if (h < 0 || s->g[h].anaphor || s->g[h].code[0] == '-' || !dy_code_is_country(s->g[h].code) || !strncmp(g->code, s->g[h].code, 3))
        return;
    memcpy(g->code, s->g[h].code, 3);
    g->filled = 0;
    ev_ex(s->c, "    %s: the country of the place it operates from or is based in\n", g->code);
}
