/* dy_actors.c - dictionary matching, grouping and coordination of actor mentions. */
#include "dy_actors.h"
#include "dy_dates.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

typedef struct mention {
    uint32_t t0, t1;
    int32_t entry;      /* actor entry chain, -1 for an anaphor, ALIAS_ENTRY(i) for surname i */
    uint8_t anaphor;
} mention;

#define ALIAS_ENTRY(i) (-2 - (int32_t)(i))

static const char *word(const dy_tok *toks, const dy_buf *norm, uint32_t i) { return norm->data + toks[i].norm; }

/* token i is the literal w */
#define word_is(toks, norm, i, w) DY_TOK_IS(norm, &(toks)[i], w)

/* Longest phrase of the given trie starting at i; returns the end token and the payload. */
static uint32_t longest(const dy_dict *d, int trie, const dy_tok *toks, uint32_t i, uint32_t t1, int32_t *payload)
{
    int32_t node = 0;
    uint32_t best = i;
    *payload = -1;
    for (uint32_t j = i; j < t1; j++) {
        if (j > i && trie == DY_TRIE_ACTOR && !(toks[j].wc & DY_WC_IN_ACTOR)) break;
        if (j == i + 1 && !dy_dict_may_follow(d, trie, toks[i].id, toks[j].id)) break;
        int32_t p;
        node = dy_dict_step_payload(d, trie, node, toks[j].id, &p);
        if (node < 0) break;
        if (p >= 0 && trie == DY_TRIE_ACTOR) {
            const dy_actor_entry *a = dy_dict_actor(d, p);
            if (j == i && a->caps && !(toks[i].flags & DY_TF_ALLCAP)) continue;   /* "us" is not the US */
            int ok = 1;
            for (uint32_t k = i; k <= j && a->capmask && ok; k++)
                if ((a->capmask >> (k - i) & 1) && !(toks[k].flags & DY_TF_CAP)) ok = 0;
            if (!ok) continue;      /* "an Islamic state" is not the Islamic State */
        }
        if (p >= 0) { best = j + 1; *payload = p; }
    }
    return best;
}

/* The entry of a phrase chain that holds on the day; -1 when none does. */
static int32_t pick_entry(const dy_dict *d, int32_t chain, int32_t day, int32_t *fallback)
{
    *fallback = chain;
    for (int32_t e = chain; e >= 0; e = dy_dict_actor(d, e)->next) {
        const dy_actor_entry *a = dy_dict_actor(d, e);
        if (a->from == INT32_MIN && a->to == INT32_MAX) return e;
        if (day != INT32_MIN && day >= a->from && day <= a->to) return e;
    }
    /* no range holds: the most recent office before the day, else the first */
    int32_t best = -1;
    for (int32_t e = chain; e >= 0; e = dy_dict_actor(d, e)->next) {
        const dy_actor_entry *a = dy_dict_actor(d, e);
        if (day != INT32_MIN && a->to < day && (best < 0 || a->to > dy_dict_actor(d, best)->to)) best = e;
    }
    if (best >= 0) *fallback = best;
    return -1;
}




/* Copies at most max bytes of src and a NUL into dst of size cap (snprintf was a tenth of the
 * coder's time here). */
static void cpy(char *dst, size_t cap, const char *src, size_t max)
{
    size_t n = strnlen(src, max < cap - 1 ? max : cap - 1);
    memcpy(dst, src, n);
    dst[n] = 0;
}
#define ALL ((size_t)-1)

/* cpy() from one 16-byte code field to another: one fixed-size copy, then the cut */
static inline void code_cpy(char dst[16], const char src[16], size_t max)
{
    memcpy(dst, src, 16);
    dst[max < 15 ? max : 15] = 0;
}

typedef struct group_state {
    char state[16];     /* the state code */
    char person[16];
    char role[4];
    int has_state, has_person, has_agent, region;
    int weapon;         /* the role is a weapon's (agents.txt "MIL weapon = ...") */
    int crowd;          /* the role is a count of people's (agents.txt "CVL crowd = ..."), so far */
} group_state;

/* A year ("In 2018 Japan signed ..."): four digits from 1900 to 2099, no quantity of what follows. */
static int year_at(const dy_tok *toks, const dy_buf *norm, uint32_t i)
{
    int y = (toks[i].flags & DY_TF_NUM) ? dy_date_year_word(word(toks, norm, i)) : 0;
    return y && y < 2100;
}

/* "against some demonstrators", "on several hundred people", "of at least 22 protesters": the
 * quantity words between a preposition and its object; returns the token before them (p when
 * there are none). */
static uint32_t quantifier_before(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, uint32_t t0, uint32_t p)
{
    uint32_t j = p;
    int num = 0;
    if (year_at(toks, norm, p)) return p;      /* "In 2018 Japan": the year, not a count, stands before */
    for (int n = 0; n < 5; n++) {
        int hit = (toks[j].flags & DY_TF_NUM) != 0 || (word_is(toks, norm, j, "at") && j < p && word_is(toks, norm, j + 1, "least"));
        hit = hit || dy_dict_word_is(d, DY_G_QUANTITY, toks[j].id);
        hit = hit || (num && dy_dict_word_is(d, DY_G_APPROX, toks[j].id));     /* "about 400 police officers" */
        if (!hit) return j;
        num |= (toks[j].flags & DY_TF_NUM) != 0;
        if (j == t0) return p;      /* the sentence opens with the quantity: no preposition */
        j--;
    }
    return j;
}

/* After a bare agent, the word at i is no noun it modifies when a determiner follows it ("police
 * retook the buildings") or it is one ("stormed parliament a day earlier"). */
static int verb_next(const dy_tok *toks, uint32_t t1, uint32_t i)
{
    if (toks[i].wc & DY_WC_DET) return 1;
    return i + 1 < t1 && (toks[i + 1].wc & DY_WC_DET) && !(toks[i + 1].flags & DY_TF_CAP);
}

static void finish(dy_actor *g, const group_state *s)
{
    /* "EU envoy Miroslav Lajcak" when no office of his holds the date: the title says who he is */
    int title_wins = s->has_person && s->has_state && strlen(s->person) <= 3;
    if (s->has_person && !title_wins) {
        code_cpy(g->code, s->person, ALL);
        g->kind = DY_GK_PERSON;
    } else if (s->has_state) {
        size_t l = strlen(s->state);
        int igo = strncmp(s->state, "IGO", 3) == 0 || strncmp(s->state, "NGO", 3) == 0;
        /* igo22: "Arab League foreign ministers", "EU leaders": a body's ministers are the body;
         * its troops or police keep their role (IGOUNOMIL) */
        if (s->has_agent && (l == 3 || (igo && l == 6 && strcmp(s->role, "GOV") != 0)))
            { code_cpy(g->code, s->state, 9); size_t sl = strlen(g->code); cpy(g->code + sl, sizeof g->code - sl, s->role, 3); }
        else
            code_cpy(g->code, s->state, ALL);
        g->kind = title_wins ? DY_GK_PERSON : DY_GK_STATE;
    } else {
        { memcpy(g->code, "---", 3); cpy(g->code + 3, sizeof g->code - 3, s->role, 3); }
        g->kind = DY_GK_AGENT;
    }
}

/* Adds a mention to a group state; returns 0 when it does not fit (a second person, a state of
 * another country). */
static int absorb(group_state *s, const dy_actor_entry *a, const char *code)
{
    switch (a->kind) {
    case DY_AK_PERSON:
        if (s->has_person) return 0;
        if (s->has_state && strncmp(s->state, code, 3) != 0 && strncmp(s->state, "IGO", 3) != 0) return 0;
        code_cpy(s->person, code, ALL);
        s->has_person = 1;
        return 1;
    case DY_AK_AGENT:
        /* "military officials": the first role stands; "thousands of police officers": a
         * count of people gives way to the role named with it */
        if (s->has_agent && !(s->crowd && !a->crowd)) return 1;
        cpy(s->role, sizeof s->role, a->code, 3);
        s->has_agent = 1;
        s->weapon = a->weapon;
        s->crowd = a->crowd;
        return 1;
    default:
        if (s->has_state) {
            if (strncmp(s->state, code, 3) != 0) return 0;
            if (strlen(code) > strlen(s->state)) cpy(s->state, sizeof s->state, code, ALL);  /* US + State Department */
            return 1;
        }
        if (s->has_person && strncmp(s->person, code, 3) != 0) return 0;
        code_cpy(s->state, code, ALL);
        s->has_state = 1;
        s->region = a->kind == DY_AK_REGION;
        return 1;
    }
}

/* dom10: "Thousands marched in the capital", "as tens of thousands rallied against the deal": a
 * count of people alone (agents.txt "CVL crowd") is an actor only as the subject opening its
 * clause (the sentence's start, after a comma or dash, or after a grammar.txt `opener`);
 * "killed thousands", "dozens of other cities", "hundreds of millions of dollars" name no party. */
static int crowd_subject(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, uint32_t t0, uint32_t t1, const dy_actor *g)
{
    if (g->t1 < t1 && word_is(toks, norm, g->t1, "of")) return 0;
    if (g->t0 == t0 || !(toks[g->t0 - 1].flags & DY_TF_WORD)) return 1;
    int32_t gp = -1;
    return longest(d, DY_TRIE_GRAMMAR, toks, g->t0 - 1, t1, &gp) == g->t0 && dy_dict_gram_class(d, gp) == DY_G_OPENER;
}

/* "the mayor of the northern West Bank city of Nablus", "the governor of the southern province
 * of Kherson": a compass word or a kind of place between "of (the)" and the place an agent
 * belongs to. */
static int of_place_word(const dy_dict *d, const dy_tok *toks, uint32_t j)
{
    if ((toks[j].flags & (DY_TF_WORD | DY_TF_CAP)) != DY_TF_WORD) return 0;
    return dy_dict_word_is(d, DY_G_COMPASS, toks[j].id) || dy_dict_word_is(d, DY_G_OF_PLACE, toks[j].id);
}

/* A word that may be part of a person's name after a title: capitalised, not a date word, a
 * number or a word the grammar or the verb patterns use. */
static int name_word(const dy_tok *t)
{
    if ((t->flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM | DY_TF_DATEW)) != (DY_TF_WORD | DY_TF_CAP)) return 0;
    return !(t->wc & (DY_WC_PREP | DY_WC_DET | DY_WC_CLAUSE | DY_WC_NOUNEND | DY_WC_START_SAY |
                      DY_WC_START_BE | DY_WC_START_PAT | DY_WC_START_GRAM));
}

/* "Thai F-16 fighter jets", "Russian Su-25 jets": a model designation (a number joined by a hyphen
 * to a capitalised word, or that word) between a state and the weapon or unit it owns. */
static int model_name_at(const dy_dict *d, const dy_tok *toks, uint32_t j, uint32_t gap1, const group_state *gs,
                         const mention *next)
{
    if (!gs->has_state || gs->has_agent || gs->has_person || next->anaphor || next->entry < 0) return 0;
    if (dy_dict_actor(d, next->entry)->kind != DY_AK_AGENT) return 0;
    const dy_tok *t = &toks[j];
    if ((t->flags & DY_TF_NUM) && (t->flags & DY_TF_HYPH)) return 1;
    /* the hyphen itself, between a capitalised word and a number */
    if (!(t->flags & DY_TF_WORD) && j + 1 < gap1 && (toks[j + 1].flags & DY_TF_NUM) && j > 0 && (toks[j - 1].flags & DY_TF_CAP))
        return 1;
    return 0;
}

/* "Sudan's army and the paramilitary Rapid Support Forces": one lower-case word after "and"
 * that is no verb, preposition, determiner or clause word describes the next actor. */
static int coord_modifier(const dy_tok *toks, uint32_t j)
{
    const dy_tok *t = &toks[j];
    if ((t->flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM)) != DY_TF_WORD) return 0;
    if (t->wc & (DY_WC_PREP | DY_WC_DET | DY_WC_CLAUSE | DY_WC_START_PAT | DY_WC_START_SAY | DY_WC_START_BE | DY_WC_START_GRAM)) return 0;
    return 1;
}

/* "the Saudi city of Jeddah", "the port of Vladivostok": a name after "(place word) of" is a place. */
static int place_of(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, uint32_t t0, uint32_t p)
{
    return p > t0 && word_is(toks, norm, p, "of") && dy_dict_word_is(d, DY_G_PLACE_NOUN, toks[p - 1].id);
}

/* "Israel's security cabinet", "Iran's elite Revolutionary Guards": after a state's possessive,
 * lower-case modifiers of the role it owns (no verb, preposition or determiner). */
static int owned_modifier_at(const dy_dict *d, const dy_tok *toks, uint32_t gap0, uint32_t j, const group_state *gs,
                             const mention *next)
{
    if (!gs->has_state || gs->has_agent || gs->has_person || next->anaphor || next->entry < 0) return 0;
    if (dy_dict_actor(d, next->entry)->kind != DY_AK_AGENT) return 0;
    if (!(toks[gap0].flags & DY_TF_POSS) || j == gap0) return 0;
    /* a word that opens a verb pattern may stand here ("security", "war"): no verb follows 's */
    const dy_tok *t = &toks[j];
    if ((t->flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM)) != DY_TF_WORD) return 0;
    return !(t->wc & (DY_WC_PREP | DY_WC_DET | DY_WC_CLAUSE | DY_WC_START_SAY | DY_WC_START_BE | DY_WC_START_GRAM));
}

/* "in southern Pakistan", "near eastern Ukraine": a compass word between a preposition and a
 * place; returns the token before it (p itself when there is none). */
static uint32_t compass_before(const dy_dict *d, const dy_tok *toks, uint32_t t0, uint32_t p)
{
    if (p <= t0) return p;
    return dy_dict_word_is(d, DY_G_COMPASS, toks[p].id) ? p - 1 : p;
}

/* Adds the document's surnames found outside the mentions m[0..nm), keeping m sorted. */
static size_t find_aliases(const dy_tok *toks, const dy_buf *norm, uint32_t t0, uint32_t t1,
                           const dy_aliases *al, mention *m, size_t nm, size_t cap)
{
    size_t q = 0;
    for (uint32_t i = t0; i < t1 && nm < cap; i++) {
        while (q < nm && m[q].t1 <= i) q++;
        if (q < nm && m[q].t0 <= i) continue;       /* inside a mention */
        if (!name_word(&toks[i])) continue;
        const char *w = word(toks, norm, i);
        for (size_t a = 0; a < al->n; a++) {
            if (w[0] != al->a[a].word[0] || strcmp(w, al->a[a].word) != 0) continue;
            memmove(m + q + 1, m + q, (nm - q) * sizeof *m);
            m[q].t0 = i; m[q].t1 = i + 1; m[q].entry = ALIAS_ENTRY(a); m[q].anaphor = 0;
            nm++;
            break;
        }
    }
    return nm;
}

/* "Fornost and the evil awful Gondor", "Russia and the embattled Ukraine": the words from j up
 * to the next actor at b are lower-case words no pattern, grammar phrase or clause starts with,
 * so they describe that actor and do not break the coordination. */
static int epithet(const dy_dict *d, const dy_tok *toks, uint32_t j, uint32_t b)
{
    for (; j < b; j++) {
        if ((toks[j].flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM)) != DY_TF_WORD) return 0;
        if (toks[j].wc & (DY_WC_PREP | DY_WC_DET | DY_WC_CLAUSE | DY_WC_NOUNEND | DY_WC_START_SAY |
                                             DY_WC_START_BE | DY_WC_START_PAT | DY_WC_START_GRAM)) return 0;
        size_t np = 0;
        dy_dict_patterns_for(d, toks[j].id, &np);
        if (np) return 0;
    }
    return 1;
}

/* "the Russian-led Collective Security Treaty Organization", "US-backed Syrian forces": a state
 * joined by a hyphen to a participle describes the actor right after it, and is no party; the two
 * become one group with the second's code. Returns the new count. */
static size_t drop_hyphen_modifiers(const dy_tok *toks, const dy_buf *norm, dy_actor *out, size_t ng)
{
    for (size_t k = 0; k + 1 < ng; k++) {
        uint32_t j = out[k].t1;
        if (out[k].anaphor || out[k + 1].anaphor || out[k + 1].t0 != j + 1 || !(toks[j].flags & DY_TF_HYPH)) continue;
        if (out[k].kind != DY_GK_STATE || strlen(out[k].code) != 3) continue;     /* "Mali's military-led government" */
        const char *w = word(toks, norm, j);
        size_t l = strlen(w);
        if (!((l > 3 && !strcmp(w + l - 2, "ed")) || !strcmp(w, "led") || !strcmp(w, "made") || !strcmp(w, "run") || !strcmp(w, "built")))
            continue;
        out[k + 1].t0 = out[k].t0;
        memmove(out + k, out + k + 1, (ng - k - 1) * sizeof *out);
        ng--;
        for (size_t q = k; q < ng; q++) out[q].comp = (int16_t)q;
    }
    return ng;
}

/* "the mayor, Milan Djuric", "Santiago Abascal": a one-word city (entry ap at [i, ae)) before a
 * capitalised word that opens no actor or reference is a given name or a name's part, no place. */
static int given_name_city(const dy_dict *d, const dy_tok *toks, int32_t ap, uint32_t i, uint32_t ae, uint32_t t1)
{
    if (ae != i + 1 || ae >= t1 || dy_dict_actor(d, ap)->kind != DY_AK_CITY) return 0;
    if ((toks[ae].flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_ALLCAP | DY_TF_HYPH)) != (DY_TF_WORD | DY_TF_CAP)) return 0;
    return !(toks[ae].wc & (DY_WC_START_ACTOR | DY_WC_START_GRAM));
}

/* acc12: "Trade Secretary Jonathan Reynolds" in 2025 is not Albert Reynolds, Ireland's leader
 * of 1992-94: a one-word surname of a person (entry ap at [i, i + 1)) whose offices all lie
 * outside the day, after a capitalised word that is no actor or reference of its own (a given
 * name the dictionary does not list with it; the caller checks that no mention ends there),
 * names someone else. */
static int other_bearer(const dy_dict *d, const dy_tok *toks, int32_t ap, uint32_t i, uint32_t ae, uint32_t t0, int32_t day)
{
    if (day == INT32_MIN || ae != i + 1 || i <= t0 || dy_dict_actor(d, ap)->kind != DY_AK_PERSON) return 0;
    if ((toks[i - 1].flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_ALLCAP | DY_TF_HYPH)) != (DY_TF_WORD | DY_TF_CAP)) return 0;
    if (toks[i - 1].wc & DY_WC_START_GRAM) return 0;
    int32_t fb;
    return pick_entry(d, ap, day, &fb) < 0;
}

/* The words that may open an actor, a place or a reference, and the longest phrase at each:
 * mentions in m[0..max), in order and not overlapping; their count. */
static size_t find_mentions(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, uint32_t t0, uint32_t t1,
                            int32_t day, mention *m, size_t max)
{
    size_t nm = 0;
    /* the words that start an actor or a grammar phrase (few), listed a block of 256 tokens at a
     * time in a pass without a branch per token; `next` skips those inside a phrase found */
    uint8_t starts_at[256];
    uint32_t next = t0;
    for (uint32_t b0 = t0; b0 < t1 && nm < max; b0 += 256) {
        uint32_t b1 = t1 - b0 > 256 ? b0 + 256 : t1;
        size_t ns = 0;
        for (uint32_t i = b0; i < b1; i++) {
            starts_at[ns] = (uint8_t)(i - b0);
            ns += ((toks[i].flags & DY_TF_WORD) != 0) & ((toks[i].wc & (DY_WC_START_ACTOR | DY_WC_START_GRAM)) != 0);
        }
        for (size_t h = 0; h < ns && nm < max; h++) {
            uint32_t i = b0 + starts_at[h];
            if (i < next) continue;
            next = i + 1;
            unsigned starts = toks[i].wc;
            int32_t ap = -1, gp = -1;
            uint32_t ae = (starts & DY_WC_START_ACTOR) ? longest(d, DY_TRIE_ACTOR, toks, i, t1, &ap) : i;
            uint32_t ge = (starts & DY_WC_START_GRAM) ? longest(d, DY_TRIE_GRAMMAR, toks, i, t1, &gp) : i;
            int gc = dy_dict_gram_class(d, gp);
            int anaphor = gc >= DY_G_PAIR ? gc : 0;
            /* domestic22: "anti-government protesters", "pro-government marchers": a role joined by
             * a hyphen to "anti" or "pro" only describes the people after it (a state stays:
             * "anti-Japanese protests" are aimed at Japan) */
            if (ap >= 0 && i > t0 && (toks[i].flags & DY_TF_HYPH) && dy_dict_actor(d, ap)->kind == DY_AK_AGENT &&
                (word_is(toks, norm, i - 1, "anti") || word_is(toks, norm, i - 1, "pro")))
                continue;
            /* "the state broadcaster": an actor phrase inside a reference that runs on past it wins */
            if (anaphor && ap < 0 && ge > i + 1 && (toks[i + 1].wc & DY_WC_START_ACTOR)) {
                int32_t ap2 = -1;
                if (longest(d, DY_TRIE_ACTOR, toks, i + 1, t1, &ap2) > ge && ap2 >= 0) continue;
            }
            if (anaphor == DY_G_NORTH || anaphor == DY_G_SOUTH) {
                /* "the North", "the South": capitalised, after "the", not the start of a name */
                if (!(toks[i].flags & DY_TF_CAP) || i == t0 || !word_is(toks, norm, i - 1, "the") ||
                    (ge < t1 && (toks[ge].flags & DY_TF_CAP) && (toks[ge].flags & DY_TF_WORD)))
                    anaphor = 0;
            }
            /* parties21: "the offices of the party": after a preposition "the party" is a place or
             * an owner, no reference (a pattern may name it: "banned meetings at the offices of the party") */
            if (anaphor == DY_G_PARTY && i > t0 && (toks[i - 1].wc & DY_WC_PREP)) anaphor = 0;
            if (ap >= 0 && ae >= ge && dy_dict_actor(d, ap)->kind == DY_AK_PLACE) {
                next = ae;  /* "the Korean Peninsula", "the South China Sea": a place, and no actor */
                continue;
            }
            if (ap >= 0 && given_name_city(d, toks, ap, i, ae, t1)) continue;
            /* offer22: "said Ankara would press on with the process": one lower-case word right
             * after a modal is its verb, no actor ("press", "police") */
            if (ap >= 0 && ae == i + 1 && i > t0 && !(toks[i].flags & DY_TF_CAP) &&
                (dy_dict_word_is(d, DY_G_MODAL, toks[i - 1].id) || word_is(toks, norm, i - 1, "will") ||
                 word_is(toks, norm, i - 1, "shall") || word_is(toks, norm, i - 1, "can") || word_is(toks, norm, i - 1, "may")))
                continue;
            if (ap >= 0 && ae >= ge && !(nm > 0 && m[nm - 1].t1 == i) && other_bearer(d, toks, ap, i, ae, t0, day)) continue;
            if (ap >= 0 && ae >= ge) {
                m[nm].t0 = i; m[nm].t1 = ae; m[nm].entry = ap; m[nm].anaphor = 0;
                nm++;
                next = ae;
            } else if (anaphor) {
                m[nm].t0 = i; m[nm].t1 = ge; m[nm].entry = -1; m[nm].anaphor = (uint8_t)anaphor;
                nm++;
                next = ge;
            }
        }
    }
    return nm;
}

/* May the mention next, after the group ending at gap0, join it? Only titles, names, 's, "of
 * (the)", "in"/"from" after an agent, and a model name or owned modifier may stand between. */
static int joins_group(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, uint32_t t0, uint32_t gap0,
                       const group_state *gs, const mention *next)
{
    uint32_t gap1 = next->t0;
    if (gap1 - gap0 > 6 || next->anaphor) return 0;
    int ok = 1, saw_of = 0, placew = 0;
    int bare_agent = gs->has_agent && !gs->has_state && !gs->has_person;
    for (uint32_t j = gap0; j < gap1 && ok; j++) {
        const dy_tok *t = &toks[j];
        if (t->flags & DY_TF_POSS) continue;
        if (word_is(toks, norm, j, "of") || ((word_is(toks, norm, j, "in") || word_is(toks, norm, j, "from")) && bare_agent)) { saw_of = 1; continue; }
        if (saw_of && word_is(toks, norm, j, "the")) continue;
        if (saw_of && bare_agent && of_place_word(d, toks, j)) { placew++; continue; }
        if ((t->flags & DY_TF_WORD) && (t->flags & DY_TF_CAP) && !(t->flags & DY_TF_NUM) && j > t0) continue;
        if (model_name_at(d, toks, j, gap1, gs, next)) continue;
        if (owned_modifier_at(d, toks, gap0, j, gs, next)) continue;
        ok = 0;
    }
    if (!ok || gap1 - gap0 - (uint32_t)placew > 4) return 0;
    return !(toks[next->t0].flags & DY_TF_HYPH);    /* Korea-China: a pair, not one actor */
}

/* Folds the mentions from m[*k] that make one actor ("Russian Foreign Minister Sergei Lavrov")
 * into g, moving *k past them; a title with a name no dictionary knows takes the name. Returns 1
 * when g is a count of people alone ("thousands", agents.txt "CVL crowd"), else 0. */
static int absorb_mentions(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, uint32_t t0, uint32_t t1,
                            int32_t day, const dy_aliases *al, const mention *m, size_t nm, size_t *k, dy_actor *g)
{
    group_state gs;
    memset(&gs, 0, sizeof gs);
    for (;;) {
        int32_t fb;
        dy_actor_entry alias;
        const dy_actor_entry *a;
        char code[16];
        if (m[*k].entry <= ALIAS_ENTRY(0)) {    /* a surname learnt in this document */
            memset(&alias, 0, sizeof alias);
            code_cpy(alias.code, al->a[ALIAS_ENTRY(0) - m[*k].entry].code, ALL);
            alias.kind = DY_AK_PERSON;
            a = &alias;
            code_cpy(code, a->code, ALL);
        } else {
            int32_t e = pick_entry(d, m[*k].entry, day, &fb);
            a = dy_dict_actor(d, e >= 0 ? e : fb);
            code_cpy(code, a->code, e < 0 && a->kind == DY_AK_PERSON ? 3 : ALL);
        }
        /* prec13: "Russia's UN envoy", "the French UN ambassador": a country's diplomat at an IGO
         * is the country's; the IGO right before the agent word only says where he serves */
        int igo_post = gs.has_state && !gs.has_agent && !gs.has_person && strlen(gs.state) == 3 && dy_code_is_country(gs.state) &&
                       !strncmp(code, "IGO", 3) && *k + 1 < nm && m[*k + 1].t0 == m[*k].t1 && !m[*k + 1].anaphor &&
                       m[*k + 1].entry >= 0 && dy_dict_actor(d, m[*k + 1].entry)->kind == DY_AK_AGENT &&
                       dy_dict_actor(d, m[*k + 1].entry)->code[0] == 'G';
        if (!igo_post && !absorb(&gs, a, code)) break;
        if (a->kind == DY_AK_PERSON && m[*k].t1 - m[*k].t0 >= 2 && m[*k].entry > ALIAS_ENTRY(0)) g->name0 = m[*k].t0;
        g->t1 = m[*k].t1;
        (*k)++;
        /* dom10: "thousands of Armenians" stays a count before its people ("forced thousands of T") */
        if (gs.crowd && g->t1 < t1 && word_is(toks, norm, g->t1, "of")) break;
        if (*k >= nm || !joins_group(d, toks, norm, t0, g->t1, &gs, &m[*k])) break;
    }
    finish(g, &gs);
    g->region = (uint8_t)gs.region;
    g->weapon = (uint8_t)(gs.weapon && !gs.has_state && !gs.has_person);
    int crowd = gs.crowd && !gs.has_state && !gs.has_person;     /* dom10: a count of people alone */
    g->crowd = (uint8_t)crowd;
    /* "Interior Minister Ali Yerlikaya", "Kenya's opposition leader Raila Odinga": a title
     * and a name no dictionary knows; the name is the person, with the title's code */
    if (gs.has_agent && !gs.has_person) {
        uint32_t stop = *k < nm ? m[*k].t0 : t1, j = g->t1;
        while (j < stop && j < t1 && j - g->t1 < 3 && name_word(&toks[j])) j++;
        if (j > g->t1) { g->name0 = g->t1; g->t1 = j; g->kind = DY_GK_PERSON; g->crowd = 0; crowd = 0; }
    }
    return crowd;
}

/* acc12: "fired a missile at a military factory in the Ukrainian city of Dnipro", "army
 * barracks": a bare agent word before a grammar.txt `site` noun names a place, and is no party
 * ("the French military base" keeps its state: France's forces are named). */
static int site_modifier(const dy_dict *d, const dy_tok *toks, uint32_t t1, const dy_actor *g)
{
    if (g->kind != DY_GK_AGENT || g->anaphor || g->t1 >= t1 || !(toks[g->t1].wc & DY_WC_START_GRAM)) return 0;
    int32_t gp = -1;
    return longest(d, DY_TRIE_GRAMMAR, toks, g->t1, t1, &gp) > g->t1 && dy_dict_gram_class(d, gp) == DY_G_SITE;
}

/* acc13: "police in Windsor, Ontario, arrested": a place after a comma behind a town the
 * gazetteer does not hold (one or two capitalised words after "in", "at", "near") names where
 * that town lies, and is a place too. */
static int region_after_town(const dy_tok *toks, uint32_t t0, uint32_t t1, const dy_actor *g)
{
    uint32_t g0 = g->t0;
    if (g0 < t0 + 3 || g->kind != DY_GK_STATE || strlen(g->code) != 3 || !(toks[g0 - 1].flags & DY_TF_COMMA)) return 0;
    /* set off by commas on both sides ("In March, China accused" is a date and a subject) */
    if (g->t1 >= t1 || !(toks[g->t1].flags & DY_TF_COMMA)) return 0;
    uint32_t j = g0 - 2;
    for (int n = 0; n < 2 && j > t0 && (toks[j].flags & (DY_TF_CAP | DY_TF_WORD | DY_TF_DATEW)) == (DY_TF_CAP | DY_TF_WORD); n++, j--)
        if (toks[j - 1].wc & DY_WC_LOC) return 1;
    return 0;
}

/* What stands around a group: a preposition before it (a place, "of"), a possessive after it,
 * and whether a bare agent word is only an adjective ("military cooperation") */
static void group_surroundings(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, uint32_t t0, uint32_t t1, dy_actor *g)
{
    if (g->t0 > t0) {
        uint32_t p = g->t0 - 1;
        if (word_is(toks, norm, p, "the") && p > t0) p--;
        p = quantifier_before(d, toks, norm, t0, p);
        p = compass_before(d, toks, t0, p);
        unsigned wc = toks[p].wc;
        g->prep = (uint8_t)!!(wc & DY_WC_PREP);
        g->of = (uint8_t)(g->prep && word_is(toks, norm, p, "of"));
        g->locative = (uint8_t)(!!(wc & DY_WC_LOC) || place_of(d, toks, norm, t0, p) || region_after_town(toks, t0, t1, g));
    }
    if (g->t1 < t1 && (toks[g->t1].flags & DY_TF_POSS)) g->poss = 1;
    if (g->kind == DY_GK_AGENT && !g->anaphor && g->t1 < t1 && (toks[g->t1].flags & DY_TF_WORD) &&
        !(toks[g->t1].flags & (DY_TF_CAP | DY_TF_NUM)) && !(toks[g->t1].wc & DY_WC_NOUNEND)) {
        /* unless the next word is a verb: "gunmen kidnapped", "police arrested" */
        size_t np = 0;
        const char *w = word(toks, norm, g->t1);
        size_t l = strlen(w);
        dy_dict_patterns_for(d, toks[g->t1].id, &np);
        /* a plural ("protesters set fire", "troops fought") is a subject, not an adjective */
        const char *lw = word(toks, norm, g->t1 - 1);
        size_t ll = strlen(lw);
        int plural = ll > 3 && lw[ll - 1] == 's' && lw[ll - 2] != 's' && lw[ll - 2] != 'u';
        if (!np && !(l > 3 && strcmp(w + l - 2, "ed") == 0) && !plural && !verb_next(toks, t1, g->t1)) g->modifier = 1;
    }
}

/* How out[k] links to out[k + 1]: 1 "and"/"&"/a hyphen, 2 a comma, 3 a comma and "and", 0 not at all */
static int coord_link(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, const dy_actor *out, size_t k)
{
    uint32_t a = out[k].t1, b = out[k + 1].t0;
    int comma = 0;
    if (b == a && (toks[b].flags & DY_TF_HYPH)) return 1;
    if (!(b > a && b - a <= 4)) return 0;
    int ok = 1, conj = 0;
    for (uint32_t j = a; j < b; j++) {
        if (word_is(toks, norm, j, "and") || word_is(toks, norm, j, "&")) conj = 1;
        else if (toks[j].flags & DY_TF_COMMA) comma = 1;
        else if (word_is(toks, norm, j, "the") || word_is(toks, norm, j, "both")) continue;
        /* "Wang Yi and his Indian counterpart" */
        else if (conj && (word_is(toks, norm, j, "his") || word_is(toks, norm, j, "her"))) continue;
        else if ((conj || comma) && epithet(d, toks, j, b)) continue;
        else if (conj && coord_modifier(toks, j)) continue;
        else ok = 0;
    }
    if (b - a == 4 && !epithet(d, toks, b - 1, b)) ok = 0;   /* four words: two of them epithets */
    /* acc15b: ", and" between two actors only (no list before) opens a clause: 3 */
    return ok && conj ? (comma ? 3 : 1) : ok && comma && !out[k].locative ? 2 : 0;
}

/* Does the comma list from out[k + 1] go on to an "and"? */
static int list_closed(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, const dy_actor *out, size_t ng, size_t k)
{
    for (size_t q = k + 1; q + 1 < ng; q++) {
        uint32_t a2 = out[q].t1, b2 = out[q + 1].t0;
        if (b2 <= a2 || b2 - a2 > 3) return 0;
        int c2 = 0, ok2 = 1;
        for (uint32_t j = a2; j < b2; j++) {
            if (word_is(toks, norm, j, "and")) c2 = 1;
            else if (!(toks[j].flags & DY_TF_COMMA) && !word_is(toks, norm, j, "the") && !epithet(d, toks, j, b2)) ok2 = 0;
        }
        if (!ok2) return 0;
        if (c2) return 1;
    }
    return 0;
}

/* Coordination: "and", "&", a hyphen, or comma lists closed by "and" join groups into one comp. */
static void coordinate(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, dy_actor *out, size_t ng)
{
    for (size_t k = 0; k + 1 < ng; k++) {
        int link = coord_link(d, toks, norm, out, k);
        if (!link || out[k].anaphor || out[k + 1].anaphor) continue;
        /* "a visit to North Korea and China's diplomacy": the second owns what follows */
        if (out[k + 1].poss && !out[k].poss) continue;
        if (link == 2 && !list_closed(d, toks, norm, out, ng, k)) continue;     /* a comma joins only a list with "and" */
        /* acc15b: "youths hurled petrol bombs at police outside parliament, and officers responded":
         * ", and" after a lone actor (no comma list before it) opens a new clause */
        if (link == 3 && out[k].comp == (int16_t)k) continue;
        int16_t first = out[k].comp;
        out[k + 1].comp = first;
        out[first].ncomp++;
        out[k + 1].ncomp = 0;
    }
}

/* acc13: "Police in Hamilton, Ontario," where the gazetteer's Hamilton lies elsewhere: the
 * region after the town (region_after_town) tells whose town it is, and the agent's country. */
static void town_in_region(const dy_tok *toks, uint32_t t0, dy_actor *out, size_t ng)
{
    for (size_t k = 0; k + 1 < ng; k++) {
        dy_actor *a = &out[k];
        const dy_actor *b = &out[k + 1];
        if (a->anaphor || b->anaphor || !b->locative || b->t0 != a->t1 + 1 || a->t1 < t0 + 3) continue;
        if (strlen(b->code) != 3 || !dy_code_is_country(b->code) || !dy_code_is_country(a->code) || !strncmp(a->code, b->code, 3))
            continue;
        /* the group ends in the town, after "in" or "at": the town gave its country */
        if (!(toks[a->t1 - 1].flags & DY_TF_CAP) || !(toks[a->t1 - 2].wc & DY_WC_LOC)) continue;
        if (a->t1 - 2 == a->t0 || (toks[a->t0].flags & DY_TF_CAP && a->t0 + 1 < a->t1 - 2)) continue;
        memcpy(a->code, b->code, 3);
    }
}

/* igo22: "anti-government protesters", "a pro-Russian president", "pro-European parties": a
 * mention joined by a hyphen to "anti" or "pro" says what the noun after it is for or against,
 * and names no actor of its own; the noun is the actor. Returns the new count. */
static size_t drop_stance_mentions(const dy_tok *toks, const dy_buf *norm, uint32_t t0, mention *m, size_t nm)
{
    size_t n = 0;
    for (size_t k = 0; k < nm; k++) {
        uint32_t i = m[k].t0;
        if (!m[k].anaphor && i > t0 && (toks[i].flags & DY_TF_HYPH) &&
            (word_is(toks, norm, i - 1, "anti") || word_is(toks, norm, i - 1, "pro")))
            continue;
        m[n++] = m[k];
    }
    return n;
}

size_t dy_actors_find(const dy_dict *d, const dy_tok *toks, const dy_buf *norm, uint32_t t0, uint32_t t1,
                      int32_t day, const dy_aliases *al, dy_actor *out, size_t max)
{
    mention m[DY_MAX_ACTORS * 2];
    size_t nm = find_mentions(d, toks, norm, t0, t1, day, m, sizeof m / sizeof *m);
    if (al && al->n) nm = find_aliases(toks, norm, t0, t1, al, m, nm, sizeof m / sizeof *m);
    nm = drop_stance_mentions(toks, norm, t0, m, nm);

    size_t ng = 0;
    for (size_t k = 0; k < nm && ng < max;) {
        dy_actor *g = &out[ng];
        memset(g, 0, sizeof *g);
        g->t0 = m[k].t0;
        g->t1 = m[k].t1;
        g->comp = (int16_t)ng;
        g->ncomp = 1;
        if (m[k].anaphor) {
            g->anaphor = m[k].anaphor;
            g->kind = m[k].anaphor == DY_G_PERSON ? DY_GK_PERSON : DY_GK_STATE;
            k++;
        } else {
            int crowd = absorb_mentions(d, toks, norm, t0, t1, day, al, m, nm, &k, g);
            if (g->t1 == g->t0) { k++; continue; }
            if (crowd && !crowd_subject(d, toks, norm, t0, t1, g)) continue;      /* dom10: no party */
            if (site_modifier(d, toks, t1, g)) continue;
        }
        group_surroundings(d, toks, norm, t0, t1, g);
        ng++;
    }
    ng = drop_hyphen_modifiers(toks, norm, out, ng);
    town_in_region(toks, t0, out, ng);
    coordinate(d, toks, norm, out, ng);
    return ng;
}
