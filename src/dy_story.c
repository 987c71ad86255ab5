/* dy_story.c - the story's country: dateline, title, then the place named most often. */
#include "dy_story.h"

#include <assert.h>
#include <string.h>

/* A named group that counts towards the story's country: a country, not a region or reference. */
static int story_counts(const dy_actor *g)
{
    return !g->anaphor && !g->region && g->code[0] && g->code[1] && g->code[2] && dy_code_is_country(g->code);
}

static void set_country(dy_story *st, const char *code, int from)
{
    memcpy(st->country, code, 3);
    st->country[3] = 0;
    st->from = from;
}

static void tally(dy_story *st, const char *code)
{
    /* MMRMIL, KENCOP, a domestic actor; not GOV, whose envoys and ministers act abroad */
    int role = strlen(code) > 3 && strncmp(code + 3, "GOV", 3) != 0;
    for (size_t i = 0; i < st->ntally; i++)
        if (!memcmp(st->tally[i].c, code, 3)) { st->tally[i].n++; st->tally[i].roles += role; return; }
    if (st->ntally == sizeof st->tally / sizeof *st->tally) return;
    memcpy(st->tally[st->ntally].c, code, 3);
    st->tally[st->ntally].c[3] = 0;
    st->tally[st->ntally].roles = role;
    st->tally[st->ntally++].n = 1;
}

/* No country leads clearly: among those named nearly as often as the first (two thirds at least),
 * the one named most often with roles of its own ("US sanctions Myanmar generals" ... "Myanmar's
 * army") is where the story's domestic actors are; -1 when none stands out so. */
static int pick_by_roles(const dy_story *st, int best)
{
    int pick = -1, tie = 0;
    for (size_t i = 0; i < st->ntally; i++) {
        if (3 * st->tally[i].n < 2 * st->tally[best].n || st->tally[i].roles == 0) continue;
        if (pick < 0 || st->tally[i].roles > st->tally[pick].roles) { pick = (int)i; tie = 0; }
        else if (st->tally[i].roles == st->tally[pick].roles) tie = 1;
    }
    if (pick < 0 || tie) return -1;
    for (size_t i = 0; i < st->ntally; i++)
        if ((int)i != pick && 3 * st->tally[i].n >= 2 * st->tally[best].n && 2 * st->tally[i].roles >= st->tally[pick].roles)
            return -1;
    return pick;
}

/* The place named most often (the title's countries count twice), when it stands out: twice
 * at least, and half as often again as any other (a round-up of news has no country of its own). */
static void pick_dominant(dy_story *st)
{
    int best = -1, second = 0;
    for (size_t i = 0; i < st->ntally; i++)
        if (best < 0 || st->tally[i].n > st->tally[best].n) {
            if (best >= 0) second = st->tally[best].n;
            best = (int)i;
        } else if (st->tally[i].n > second) second = st->tally[i].n;
    st->country[0] = 0;
    st->from = DY_STORY_NONE;
    int by_roles = -1;
    if (best >= 0 && st->tally[best].n >= 2 && 2 * st->tally[best].n >= 3 * second)
        set_country(st, st->tally[best].c, DY_STORY_DOMINANT);
    else if (best >= 0 && st->tally[best].n >= 2 && (by_roles = pick_by_roles(st, best)) >= 0)
        set_country(st, st->tally[by_roles].c, DY_STORY_DOMINANT);
    else if (st->title[0])      /* no clear lead: the title's first country */
        set_country(st, st->title, DY_STORY_TITLE);
}

int dy_story_begin(dy_story *st, const dy_dict *d, const dy_doc *doc)
{
    assert(st && d && doc);
    st->country[0] = 0;
    st->from = DY_STORY_NONE;
    st->ntally = 0;
    st->title[0] = 0;
    if (!doc->title || !doc->title[0]) return 0;
    st->toks.len = 0;
    st->norm.len = 0;
    size_t n = strnlen(doc->title, 1024);
    if (dy_tokenize(doc->title, n, 0, dy_dict_lex(d), &st->toks, &st->norm)) return -1;
    if (st->toks.len == 0) return 0;
    dy_actor g[16];
    uint32_t nt = st->toks.len > 200 ? 200 : (uint32_t)st->toks.len;
    size_t ng = dy_actors_find(d, st->toks.v, &st->norm, 0, nt, INT32_MIN, NULL, g, 16);
    /* each country of the title counts twice: one alone names the story's country at once, and
     * "US sanctions Myanmar generals" waits for the text to say which one the story is set in */
    for (size_t k = 0; k < ng; k++)
        if (story_counts(&g[k])) {
            if (!st->title[0]) { memcpy(st->title, g[k].code, 3); st->title[3] = 0; }
            tally(st, g[k].code);
            tally(st, g[k].code);
        }
    pick_dominant(st);
    if (st->from == DY_STORY_DOMINANT) st->from = DY_STORY_TITLE;
    return 0;
}

/* "DUBAI (Agency) - Iranian police detained ...": a dateline city whose country the rest of the
 * first sentence does not name reports from abroad; the story is set in the first country the
 * sentence names after it. The dateline's own country otherwise, and when a bare role comes
 * before any other country ("BEIJING - Vice Foreign Minister Sun told the Japanese ambassador":
 * the minister is the dateline's). */
static const char *about_country(const dy_actor *g, size_t ng, const char *dateline)
{
    const char *other = NULL;
    for (size_t k = 1; k < ng; k++) {
        if (!other && !g[k].anaphor && !strncmp(g[k].code, "---", 3) && !g[k].locative && !g[k].prep) return dateline;
        if (!story_counts(&g[k])) continue;
        if (!strncmp(g[k].code, dateline, 3)) return dateline;
        if (!other) other = g[k].code;
    }
    return other ? other : dateline;
}

void dy_story_note(dy_story *st, const dy_actor *g, size_t ng, const dy_tok *t, uint32_t t0, uint32_t t1, int first)
{
    if (first && ng > 0 && g[0].t0 == t0 && story_counts(&g[0])) {
        /* "ISTANBUL (Reuters) -": a place in capitals, then a dash or colon soon after */
        int caps = 1;
        for (uint32_t i = g[0].t0; i < g[0].t1; i++)
            if ((t[i].flags & DY_TF_WORD) && !(t[i].flags & DY_TF_ALLCAP)) caps = 0;
        int dash = 0;
        for (uint32_t i = g[0].t1; i < t1 && i < g[0].t1 + 8 && !dash; i++) dash = (t[i].flags & DY_TF_CLAUSE) != 0;
        if (caps && dash) set_country(st, about_country(g, ng, g[0].code), DY_STORY_DATELINE);
    }
    if (st->from == DY_STORY_DATELINE) goto count;
    pick_dominant(st);
count:  /* the sentence counts from the next one on: a lone sentence is no story */
    for (size_t k = 0; k < ng; k++)
        if (story_counts(&g[k])) tally(st, g[k].code);
}

const char *dy_story_country(const dy_story *st) { return st->country; }

const char *dy_story_from_name(int from)
{
    switch (from) {
    case DY_STORY_DATELINE: return "dateline";
    case DY_STORY_TITLE: return "title";
    case DY_STORY_DOMINANT: return "place named most often";
    default: return "unknown";
    }
}

void dy_story_free(dy_story *st)
{
    dy_toks_free(&st->toks);
    dy_buf_free(&st->norm);
}
