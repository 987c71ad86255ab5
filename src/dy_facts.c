/* dy_facts.c - standing facts from coded sentences: the sentence and its words, moods, the
 * tiers and their order, treaties and their clauses. The parties of a relation are in
 * dy_facts_party.c; figures, shares, ratios, milestones, sanctions and vetoes in dy_facts_num.c;
 * reconciliation in dy_facts_recon.c. */
#include "dy_facts_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

dy_facts *dy_facts_create(const dy_dict *dict)
{
    dy_facts *f = calloc(1, sizeof *f);
    if (f) f->dict = dict;
    return f;
}

void dy_facts_destroy(dy_facts **fp)
{
    if (!fp || !*fp) return;
    free((*fp)->v);
    free((*fp)->sv);
    free((*fp)->prev);
    free(*fp);
    *fp = NULL;
}

void dy_facts_set_moods(dy_facts *f, int all) { f->moods_all = all; }

const dy_fact *dy_facts_list(const dy_facts *f, size_t *n) { *n = f->n; return f->v; }

const char *dy_fact_kind_name(int kind)
{
    static const char *const n[] = {"", "partnership", "tier_order", "treaty", "trade", "trade_share", "ratio",
                                    "milestone", "sanction", "veto", "treaty_stage"};
    return kind > 0 && kind <= DY_FACT_STAGE ? n[kind] : "";
}

static const char *const stage_names[DY_STAGE_N] = {"", "proposed", "signed", "ratified", "in_force", "suspended", "ended"};
const char *dy_stage_name(int stage) { return stage > 0 && stage < DY_STAGE_N ? stage_names[stage] : ""; }
int dy_stage_of(const char *name)
{
    for (int k = 1; k < DY_STAGE_N; k++) if (!strcmp(name, stage_names[k])) return k;
    return 0;
}

int dy_facts_clauses_json(dy_buf *b, uint32_t clauses)
{
    static const char *const n[] = {"mutual_assistance", "non_aggression", "military_cooperation", "trade_settlement"};
    int r = dy_buf_addc(b, '[');
    int first = 1;
    for (unsigned i = 0; i < 4; i++)
        if (clauses & (1u << i)) {
            r |= (first ? 0 : dy_buf_addc(b, ',')) | dy_buf_addc(b, '"') | dy_buf_adds(b, n[i]) | dy_buf_addc(b, '"');
            first = 0;
        }
    return r | dy_buf_addc(b, ']');
}

/* ---- words ---- */
const char *dyf_w(const dyf_sent *s, uint32_t i) { return i < s->t1 ? s->norm->data + s->t[i].norm : ""; }
int dyf_is(const dyf_sent *s, uint32_t i, const char *w) { return i >= s->t0 && i < s->t1 && !strcmp(dyf_w(s, i), w); }
int dyf_boundary(const dyf_sent *s, uint32_t i) { return (s->t[i].flags & (DY_TF_END | DY_TF_CLAUSE)) != 0; }
#define W dyf_w
#define is dyf_is
#define boundary dyf_boundary
#define group_at dyf_group_at

uint32_t dyf_fw(const dyf_sent *s, uint32_t i, uint32_t *end, char code[4])
{
    const dy_dict *d = s->f->dict;
    int32_t node = 0;
    uint32_t best = 0;
    *end = i;
    if (i < s->t0 || i >= s->t1 || !(dy_dict_wclass(d, s->t[i].id) & DY_WC_START_FACT)) return 0;
    for (uint32_t j = i; j < s->t1; j++) {
        /* the parts of a glued phrase ("US$", "A$") stay glued */
        if (j > i && (s->t[j].flags & DY_TF_PUNCT) && (s->t[j].flags & DY_TF_SPACE)) break;
        node = dy_dict_step(d, DY_TRIE_FACT, node, s->t[j].id);
        if (node < 0) break;
        const dy_factword *w = dy_dict_factword(d, dy_dict_payload(d, DY_TRIE_FACT, node));
        if (w) {
            best = w->classes;
            *end = j + 1;
            if (code) memcpy(code, w->code, 4);
        }
    }
    return best;
}

int dyf_fw_is(const dyf_sent *s, uint32_t i, uint32_t cls, uint32_t *end)
{
    /* the longest phrase of the class: "trade war" is not_trade, "trade" alone trade */
    uint32_t e;
    uint32_t c = dyf_fw(s, i, &e, NULL);
    if (end) *end = e;
    return (c & cls) != 0;
}

uint32_t dyf_clause_start(const dyf_sent *s, uint32_t i)
{
    uint32_t a = i;
    while (a > s->t0 && !boundary(s, a - 1) && !(s->t[a - 1].flags & DY_TF_COMMA)) a--;
    return a;
}

/* A grammar.txt class at i (negate, hypothetical, intent), *end set. */
static int gram_at(const dyf_sent *s, uint32_t i, uint32_t *end)
{
    const dy_dict *d = s->f->dict;
    int32_t node = 0;
    int best = 0;
    *end = i;
    if (!(dy_dict_wclass(d, s->t[i].id) & DY_WC_START_GRAM)) return 0;
    for (uint32_t j = i; j < s->t1; j++) {
        node = dy_dict_step(d, DY_TRIE_GRAMMAR, node, s->t[j].id);
        if (node < 0) break;
        int32_t p = dy_dict_payload(d, DY_TRIE_GRAMMAR, node);
        if (p >= 0) { best = dy_dict_gram_class(d, p); *end = j + 1; }
    }
    return best;
}

int dyf_mood(const dyf_sent *s, uint32_t a, uint32_t b)
{
    int mood = 0;
    for (uint32_t j = a; j < b && j < s->t1; j++) {
        uint32_t e;
        /* a date's words are no mood ("in May last year") */
        int in_date = 0;
        for (size_t k = 0; k < s->ndates && !in_date; k++)
            in_date = s->dates[k].date.prec != DY_PREC_NONE && j >= s->dates[k].t0 && j < s->dates[k].t1;
        if (in_date) continue;
        int g = gram_at(s, j, &e);
        uint32_t c = dyf_fw(s, j, &e, NULL);
        if (g == DY_G_NEGATE || (c & DY_FW_NEGATE)) return DY_MOOD_NEGATED;
        if (g == DY_G_HYPO || (c & DY_FW_SUPPOSE)) mood = DY_MOOD_HYPOTHETICAL;
        else if ((g == DY_G_INTENT || g == DY_G_PLEDGE || (c & DY_FW_TARGET)) && !mood) mood = DY_MOOD_INTENT;
    }
    return mood;
}

/* ---- facts ---- */
dy_fact *dyf_push(dy_facts *f, int kind, const dyf_sent *s, int mood, int *oom)
{
    if (mood && !f->moods_all) return NULL;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 32;
        dy_fact *v = realloc(f->v, cap * sizeof *v);
        if (!v) { *oom = 1; return NULL; }
        f->v = v;
        f->cap = cap;
    }
    dy_fact *x = &f->v[f->n++];
    memset(x, 0, sizeof *x);
    x->kind = (uint8_t)kind;
    x->sent = s->idx;
    x->date = s->date;
    x->tier = x->tier2 = -1;
    x->mood = (uint8_t)mood;
    return x;
}

void dyf_add_actor(dy_fact *x, const char *code, int three)
{
    if (x->nactors == 4 || !code[0]) return;
    for (int k = 0; k < x->nactors; k++) if (!strncmp(x->actors[k], code, three ? 3 : 16)) return;
    snprintf(x->actors[x->nactors++], 16, three && dyf_country(code) ? "%.3s" : "%s", code);
}

/* ---- tiers ---- */
/* The tier named at i: a listed one (its index, >= 0), or words of a tier ending in a tier head
 * that the table does not list ("special and privileged partnership": -2); -1 when none. *end set. */
static int32_t tier_at(const dyf_sent *s, uint32_t i, uint32_t *end)
{
    const dy_dict *d = s->f->dict;
    int32_t node = 0, best = -1;
    *end = i;
    if (i < s->t1 && (dy_dict_wclass(d, s->t[i].id) & DY_WC_START_REL))
        for (uint32_t j = i; j < s->t1; j++) {
            if (s->t[j].flags & DY_TF_QUOTE) break;
            node = dy_dict_step(d, DY_TRIE_REL, node, s->t[j].id);
            if (node < 0) break;
            int32_t p = dy_dict_payload(d, DY_TRIE_REL, node);
            if (p >= 0) { best = p; *end = j + 1; }
        }
    /* a longer run of tier words ending in a head: the tier as named ("enhanced strategic
     * partnership"), unlisted unless the run is the listed phrase itself */
    uint32_t j = i, e, words = 0;
    if (is(s, i, "and")) return best;
    while (j < s->t1 && dyf_fw_is(s, j, DY_FW_TIER_WORD, &e) && !(s->t[j].flags & DY_TF_QUOTE)) { words += !is(s, j, "and"); j = e; }
    if (words && dyf_fw_is(s, j, DY_FW_TIER_HEAD, &e) && e > *end) {
        *end = e;
        return -2;
    }
    return best;
}

static void tier_text(const dyf_sent *s, uint32_t i, uint32_t e, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = 0;
    for (uint32_t j = i; j < e && n + 1 < cap; j++) {
        if (j > i && !(s->t[j].flags & DY_TF_PUNCT)) out[n++] = (s->t[j].flags & DY_TF_HYPH) ? '-' : ' ';
        int k = snprintf(out + n, cap - n, "%s", W(s, j));
        n += k > 0 ? (size_t)k : 0;
        if (n >= cap) { n = cap - 1; break; }
    }
    out[n] = 0;
}

static int order_push(dyf_sent *s, int above, int32_t t1, const char *n1, int32_t t2, const char *n2)
{
    int oom = 0;
    dy_fact *x = dyf_push(s->f, DY_FACT_TIER_ORDER, s, 0, &oom);
    if (!x) return oom ? -1 : 0;
    x->tier = above ? t1 : t2;
    x->tier2 = above ? t2 : t1;
    snprintf(x->tier_name, sizeof x->tier_name, "%s", above ? n1 : n2);
    snprintf(x->tier2_name, sizeof x->tier2_name, "%s", above ? n2 : n1);
    return 0;
}

static int above_at(const dyf_sent *s, uint32_t j) { return is(s, j, "above") || (is(s, j, "higher") && is(s, j + 1, "than")); }
static int below_at(const dyf_sent *s, uint32_t j) { return is(s, j, "below") || (is(s, j, "lower") && is(s, j + 1, "than")); }

/* "A is a level above B", "B lies one step below A": the order of two tiers, written right
 * after the first one. */
static int order_after(dyf_sent *s, int32_t tier, const char *name, uint32_t e)
{
    for (uint32_t j = e; j < s->t1 && j < e + 6; j++) {
        uint32_t e2;
        if (tier_at(s, j, &e2) != -1) return 0;
        int above = above_at(s, j), below = below_at(s, j);
        if (!above && !below) continue;
        for (uint32_t k = j + 1; k < s->t1 && k < j + 16; k++) {
            int32_t other = tier_at(s, k, &e2);
            char on[64];
            if (other == -1) continue;
            tier_text(s, k, e2, on, sizeof on);
            if (!strcmp(on, name)) continue;
            return order_push(s, above, tier, name, other, on);
        }
        return 0;
    }
    return 0;
}

/* "This is a level above ...", "That tier sits one step above ...": the sentence speaks of the
 * tier named before it. */
static int this_is(const dyf_sent *s)
{
    if (!(is(s, s->t0, "this") || is(s, s->t0, "it") || is(s, s->t0, "that"))) return 0;
    uint32_t e;
    for (uint32_t j = s->t0 + 1; j < s->t1; j++) {
        if (tier_at(s, j, &e) != -1) return 0;
        if (is(s, j, "above") || is(s, j, "below") || is(s, j, "higher") || is(s, j, "lower")) return 1;
    }
    return 0;
}

static int tier_order_this(dyf_sent *s, doc_state *ds)
{
    if (!ds->has_last_tier || !this_is(s)) return 0;
    uint32_t e;
    for (uint32_t j = s->t0; j < s->t1; j++) {
        int above = above_at(s, j), below = below_at(s, j);
        if (!above && !below) continue;
        for (uint32_t k = j + 1; k < s->t1 && k < j + 16; k++) {
            int32_t other = tier_at(s, k, &e);
            if (other == -1) continue;
            char on[64];
            tier_text(s, k, e, on, sizeof on);
            if (strcmp(on, ds->last_tier_name) && order_push(s, above, ds->last_tier, ds->last_tier_name, other, on)) return -1;
            break;
        }
    }
    return 0;
}

/* A state's code, not a region's the sentence names ("the first Latin American country"). */
static int state_of(const dyf_sent *s, const char *code)
{
    if (!dyf_country(code)) return 0;
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].region && !strcmp(s->g[k].code, code)) return 0;
    return 1;
}

/* The signing event of the sentence (057), if any. */
static const dy_event *signing(const dyf_sent *s)
{
    for (size_t k = 0; k < s->nev; k++)
        if (!strncmp(s->ev[k].code, "057", 3)) return &s->ev[k];
    return NULL;
}

static int partnerships(dyf_sent *s, doc_state *ds)
{
    for (uint32_t i = s->t0; i < s->t1; i++) {
        uint32_t e;
        int32_t tier = tier_at(s, i, &e);
        if (tier == -1) continue;
        /* "the Pacific Alliance", "the Atlantic Partnership": an organisation's name, no tier */
        if ((s->t[i].flags & DY_TF_CAP) && i > s->t0 + 1 && (s->t[i - 1].flags & DY_TF_CAP) && (s->t[i - 1].flags & DY_TF_WORD) &&
            group_at(s, i - 1) < 0 && !dyf_fw_is(s, i - 1, DY_FW_TIER_WORD, NULL)) { i = e - 1; continue; }
        /* "a Strategic Partnership Council", "the Comprehensive Partnership Forum": a body's name */
        uint32_t te0;
        if ((s->t[i].flags & DY_TF_CAP) && i > s->t0 && e < s->t1 && (s->t[e].flags & DY_TF_CAP) && (s->t[e].flags & DY_TF_WORD) &&
            group_at(s, e) < 0 && !dyf_fw_is(s, e, DY_FW_TREATY | DY_FW_TREATY_NAMED | DY_FW_TIER_HEAD, &te0)) { i = e - 1; continue; }
        char name[64];
        tier_text(s, i, e, name, sizeof name);
        if (tier < 0) tier = -1;
        if (!this_is(s) && order_after(s, tier, name, e)) return -1;
        char a[16], b[16];
        /* a tier naming a treaty ("a comprehensive strategic partnership agreement", "the
         * Treaty on Comprehensive Strategic Partnership") is the signing parties' */
        uint32_t te;
        int treaty = dyf_fw_is(s, e, DY_FW_TREATY, &te) || dyf_fw_is(s, e - 1, DY_FW_TREATY, &te) ||     /* "a Mutual Defense Treaty" */
                     (i >= s->t0 + 2 && (is(s, i - 1, "on") || is(s, i - 1, "of")) && dyf_fw_is(s, i - 2, DY_FW_TREATY, &te));
        const dy_event *sg = treaty ? signing(s) : NULL;
        int found = sg && state_of(s, sg->source) && state_of(s, sg->target) && strncmp(sg->source, sg->target, 3);
        if (found) { dyf_code3(a, sg->source); dyf_code3(b, sg->target); }
        else found = dyf_parties(s, i, e, a, b, treaty);
        int mood = dyf_mood(s, dyf_clause_start(s, i), e + 2 < s->t1 ? e + 2 : s->t1);
        if (!found) found = dyf_story_pair_for(s, mood, a, b);    /* "could one day be upgraded to an alliance" */
        if (found) {
            dyf_story_ref(s, a, b);
            int oom = 0;
            dy_fact *x = dyf_push(s->f, DY_FACT_PARTNERSHIP, s, mood, &oom);
            if (oom) return -1;
            if (x) {
                dyf_sort_pair(a, b);
                x->tier = tier;
                snprintf(x->tier_name, sizeof x->tier_name, "%s", name);
                x->year = dyf_year_near(s, i);
                /* "raised relations to ..." without a date: news of the day */
                for (uint32_t j = dyf_clause_start(s, i); !x->year && j < i && s->doc->pub.prec != DY_PREC_NONE; j++)
                    if ((is(s, j, "raised") || is(s, j, "elevated") || is(s, j, "upgraded") || is(s, j, "lifted")) &&
                        !is(s, j - 1, "have") && !is(s, j - 1, "has") && !is(s, j - 1, "had") && !is(s, j - 1, "been") && !is(s, j - 1, "was") && !is(s, j - 1, "were"))
                        x->year = s->doc->pub.y;
                dyf_add_actor(x, a, 1);
                dyf_add_actor(x, b, 1);
            }
        }
        ds->last_tier = tier;
        ds->has_last_tier = 1;
        snprintf(ds->last_tier_name, sizeof ds->last_tier_name, "%s", name);
        i = e - 1;
    }
    return 0;
}

/* ---- treaties ---- */
static const uint32_t clause_bits[4] = {DY_FW_MUTUAL_ASSISTANCE, DY_FW_NON_AGGRESSION, DY_FW_MILITARY, DY_FW_TRADE_SETTLEMENT};

/* A negation in [a, b) that is no infinitive's ("does not commit Canada to defend ...", not
 * "pledged not to resort to the use or threat of force"). */
static int negated_verb(const dyf_sent *s, uint32_t a, uint32_t b)
{
    for (uint32_t j = a; j < b; j++) {
        uint32_t e, e2;
        int g = gram_at(s, j, &e);
        if (!(g == DY_G_NEGATE || (dyf_fw(s, j, &e2, NULL) & DY_FW_NEGATE))) continue;
        if (g != DY_G_NEGATE) e = e2;
        if (!is(s, e, "to")) return 1;
    }
    return 0;
}

/* The clauses named in [a, b), those negated ("contains no mutual defence clause") left out; in a
 * later sentence about the treaty (later), also those under a negated verb. */
static uint32_t clauses_in(const dyf_sent *s, uint32_t a, uint32_t b, int later)
{
    uint32_t c = 0;
    for (uint32_t i = a; i < b && i < s->t1; i++) {
        uint32_t e;
        uint32_t cl = dyf_fw(s, i, &e, NULL);
        int any = 0;
        for (int k = 0; k < 4; k++) if (cl & clause_bits[k]) any = 1;
        if (!any) continue;
        uint32_t from = i > s->t0 + 3 ? i - 3 : s->t0;
        if (from < dyf_clause_start(s, i)) from = dyf_clause_start(s, i);
        if (dyf_mood(s, from, i) != DY_MOOD_NEGATED && !(later && negated_verb(s, dyf_clause_start(s, i), i)))
            for (int k = 0; k < 4; k++) if (cl & clause_bits[k]) c |= 1u << k;
        i = e - 1;
    }
    return c;
}

static int treaty_noun(const dyf_sent *s, uint32_t i, uint32_t *e)
{
    uint32_t c = dyf_fw(s, i, e, NULL);
    if (c & DY_FW_NOT_TRADE) return 0;
    if (c & DY_FW_TREATY) return 1;
    if (!(c & DY_FW_TREATY_NAMED) || !(s->t[i].flags & DY_TF_CAP) || i == s->t0) return 0;
    if (s->t[i - 1].flags & DY_TF_CAP) return 1;
    /* "a Framework for the ...", "the Charter of the ...": a name that opens with the noun */
    uint32_t q = *e;
    if (!(is(s, q, "for") || is(s, q, "on") || is(s, q, "of"))) return 0;
    q += 1 + (is(s, q + 1, "the") || is(s, q + 1, "a"));
    return q < s->t1 && (s->t[q].flags & DY_TF_CAP) && !(s->t[q].flags & DY_TF_NUM);
}

/* Does the name hold each word of tokens [a, b) (case aside)? */
static int name_has(const char *name, const dyf_sent *s, uint32_t a, uint32_t b)
{
    for (uint32_t j = a; j < b; j++) {
        const char *w = W(s, j), *p = name;
        size_t n = strlen(w);
        int found = 0;
        for (; *p && !found; p++) found = (p == name || p[-1] == ' ') && !strncasecmp(p, w, n) && (p[n] == ' ' || !p[n]);
        if (!found && (s->t[j].flags & DY_TF_WORD)) return 0;
    }
    return 1;
}

/* Does the sentence refer to the treaty named before ("The agreement also provides for ...", "It
 * obliges ...", "Under the pact, ...", "The swap line lets ...")? */
static int refers_back(const dyf_sent *s, const dy_fact *t)
{
    uint32_t i = s->t0, e;
    if (is(s, i, "under") || is(s, i, "in")) i++;
    if (is(s, i, "it")) return 1;
    if (!(is(s, i, "the") || is(s, i, "this") || is(s, i, "that") || is(s, i, "its"))) return 0;
    if (treaty_noun(s, i + 1, &e) || is(s, i + 1, "document") || is(s, i + 1, "text")) return 1;
    /* a word of the treaty's name */
    /* case aside: "the framework" of "Framework for ..." */
    return i + 1 < s->t1 && (s->t[i + 1].flags & DY_TF_WORD) && strlen(W(s, i + 1)) > 2 && name_has(t->name, s, i + 1, i + 2);
}

static int treaty_name_word(const dyf_sent *s, uint32_t j)
{
    if (!(s->t[j].flags & DY_TF_WORD) || (s->t[j].flags & DY_TF_NUM)) return 0;
    int g = group_at(s, j);
    /* a bare role word inside a name ("status of forces agreement") is no party */
    if (g >= 0 && !s->g[g].modifier && s->g[g].code[0] != '-' &&
        !(s->g[g].t1 == s->g[g].t0 + 1 && !(s->t[j].flags & DY_TF_CAP) && !s->g[g].poss && strlen(s->g[g].code) > 3)) return 0;
    uint32_t e;
    if (dy_dict_wclass(s->f->dict, s->t[j].id) & (DY_WC_DET | DY_WC_PREP)) return 0;
    if (dyf_fw(s, j, &e, NULL) & (DY_FW_SIGN | DY_FW_STAGES | DY_FW_NEGATE | DY_FW_SUPPOSE | DY_FW_TARGET)) return 0;
    return !is(s, j, "new") && !is(s, j, "and") && !is(s, j, "such") && !is(s, j, "first");
}

static int ends_ed(const char *w)
{
    size_t n = strlen(w);
    return n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd';
}

/* ---- kinds and stages ---- */
/* The kinds of treaty named in [a, b) (dict/facts.txt "kind NAME = ..."), as "defence,trade". */
static void kinds_in(const dyf_sent *s, uint32_t a, uint32_t b, char *out, size_t cap)
{
    const dy_dict *d = s->f->dict;
    out[0] = 0;
    for (uint32_t i = a; i < b && i < s->t1; i++) {
        if (!(dy_dict_wclass(d, s->t[i].id) & DY_WC_START_FACT)) continue;
        /* the longest phrase from i that is a kind ("mutual defence", not "mutual") */
        int32_t node = 0;
        const char *kind = NULL;
        uint32_t end = i;
        for (uint32_t j = i; j < b; j++) {
            node = dy_dict_step(d, DY_TRIE_FACT, node, s->t[j].id);
            if (node < 0) break;
            const dy_factword *w = dy_dict_factword(d, dy_dict_payload(d, DY_TRIE_FACT, node));
            if (w && (w->classes & DY_FW_KIND)) { kind = w->kind; end = j + 1; }
        }
        if (!kind) continue;
        size_t n = strlen(out), k = strlen(kind);
        const char *p = strstr(out, kind);
        int have = p && (p == out || p[-1] == ',') && (p[k] == ',' || !p[k]);
        if (!have && n + k + 2 < cap) snprintf(out + n, cap - n, "%s%s", n ? "," : "", kind);
        i = end - 1;
    }
}

static const uint32_t stage_bits[DY_STAGE_N] = {0, DY_FW_PROPOSED, DY_FW_SIGNED, DY_FW_RATIFIED, DY_FW_IN_FORCE, DY_FW_SUSPENDED, DY_FW_ENDED};

typedef struct stage_word { uint8_t stage; uint32_t at, end; } stage_word;
#define DYF_MAX_STAGES 8

/* The stage words of the sentence in order; a "signed" whose object is a later stage ("signed the
 * ratification law", "signed a decree ratifying") is that stage and left out. */
static size_t stage_words(const dyf_sent *s, stage_word *out, size_t max)
{
    size_t n = 0;
    for (uint32_t i = s->t0; i < s->t1 && n < max; i++) {
        uint32_t e;
        uint32_t c = dyf_fw(s, i, &e, NULL);
        int st = 0;
        for (int k = DY_STAGE_N - 1; k > 0; k--) if (c & stage_bits[k]) st = k;
        if (!st) continue;
        out[n++] = (stage_word){(uint8_t)st, i, e};
        i = e - 1;
    }
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        if (out[k].stage == DY_STAGE_SIGNED && k + 1 < n && out[k + 1].stage > DY_STAGE_SIGNED && out[k + 1].at <= out[k].end + 4) continue;
        out[m++] = out[k];
    }
    return m;
}

/* The one party a stage is of: for a ratification, a suspension, an ending or a proposal, the
 * party named last before its word ("the State Duma voted to ratify", "Kim signed a decree
 * ratifying"); none when that is a coordination ("the two countries ratified") or not a party. */
static void stage_party(const dyf_sent *s, const stage_word *w, dy_fact *x)
{
    x->party[0] = 0;
    if (w->stage == DY_STAGE_SIGNED || w->stage == DY_STAGE_IN_FORCE) return;
    for (size_t k = s->ng; k-- > 0;) {
        if (s->g[k].t1 > w->at || !dyf_country(s->g[k].code) || s->g[k].prep) continue;
        if (s->g[s->g[k].comp].ncomp > 1) return;
        for (int p = 0; p < x->nactors; p++)
            if (!strncmp(x->actors[p], s->g[k].code, 3)) { snprintf(x->party, sizeof x->party, "%.3s", s->g[k].code); return; }
        return;
    }
}

/* The date of a stage: the date expression nearest its word (one after it by preference) that is
 * no nearer another stage word of the sentence; none beyond 15 words. */
static dy_date facts_stage_date(const dyf_sent *s, const stage_word *sw, size_t n, size_t k)
{
    dy_date none = {0};
    none.prec = DY_PREC_NONE;
    uint32_t best = 16;
    dy_date out = none;
    for (size_t d = 0; d < s->ndates; d++) {
        if (s->dates[d].date.prec == DY_PREC_NONE) continue;
        uint32_t dist[DYF_MAX_STAGES];
        for (size_t j = 0; j < n; j++)
            dist[j] = s->dates[d].t0 >= sw[j].end ? s->dates[d].t0 - sw[j].end : sw[j].at >= s->dates[d].t1 ? sw[j].at - s->dates[d].t1 + 3 : 0;
        int nearer = 0;
        for (size_t j = 0; j < n; j++) if (j != k && dist[j] < dist[k]) nearer = 1;
        if (!nearer && dist[k] < best) { best = dist[k]; out = s->dates[d].date; }
    }
    return out;
}

/* A treaty_stage fact: stage word k of the sentence, of the treaty t (its parties, name and kinds;
 * a copy, as the fact array may move). 0, or -1 when out of memory. */
static int stage_fact(dyf_sent *s, const dy_fact *t, const stage_word *sw, size_t n, size_t k)
{
    const stage_word *w = &sw[k];
    uint32_t cs = dyf_clause_start(s, w->at), b = w->end + 2 < s->t1 ? w->end + 2 : s->t1;
    /* a proposal is a fact of its own: its word is no supposition */
    int mood = dyf_mood(s, cs, w->stage == DY_STAGE_PROPOSED ? w->at : b);
    if (!mood && w->stage == DY_STAGE_PROPOSED) mood = dyf_mood(s, w->end, b);
    int oom = 0;
    dy_fact *x = dyf_push(s->f, DY_FACT_STAGE, s, mood, &oom);
    if (oom) return -1;
    if (!x) return 0;
    memcpy(x->actors, t->actors, sizeof x->actors);
    x->nactors = t->nactors;
    memcpy(x->name, t->name, sizeof x->name);
    memcpy(x->kinds, t->kinds, sizeof x->kinds);
    x->stage = w->stage;
    x->date = facts_stage_date(s, sw, n, k);
    x->year = x->date.prec != DY_PREC_NONE ? x->date.y : 0;
    stage_party(s, w, x);
    return 0;
}

/* A one-word capitalised name the coder took for an actor or a place ("Aachen", "Athens",
 * "Élysée"), standing alone: a word of a treaty's name ("the Treaty of Aachen"). */
static int place_word(const dyf_sent *s, uint32_t j)
{
    int g = group_at(s, j);
    return g >= 0 && (s->t[j].flags & DY_TF_CAP) && s->g[g].t0 == j && s->g[g].t1 == j + 1 && s->g[g].ncomp <= 1 && !s->g[g].code2[0] &&
           !(j + 1 < s->t1 && (s->t[j + 1].flags & DY_TF_POSS));
}

/* A capitalised word no actor after "of [the]" inside a lower-case name ("the waters of the
 * Ganges", "the legal status of the Caspian Sea"). */
static int cap_after_of(const dyf_sent *s, uint32_t k)
{
    if (group_at(s, k) >= 0 && !place_word(s, k)) return 0;
    while (k > s->t0 + 1 && (s->t[k - 1].flags & DY_TF_CAP) && (s->t[k - 1].flags & DY_TF_WORD) && group_at(s, k - 1) < 0) k--;   /* "Caspian Sea" */
    uint32_t o = k - 1 - is(s, k - 1, "the");
    return is(s, o, "of") && o > s->t0 && !(s->t[o - 1].flags & DY_TF_CAP);
}

/* A capitalised word no actor opening what a lower-case name is on, before a lower-case word
 * ("an agreement on the TurkStream pipeline"), or continuing such a run; b is the "on". */
static int on_the_cap(const dyf_sent *s, uint32_t b, uint32_t k)
{
    uint32_t q = k;
    while (q > b + 2 && (s->t[q - 1].flags & DY_TF_CAP) && group_at(s, q - 1) < 0) q--;
    if (q != b + 2 || !is(s, b + 1, "the") || group_at(s, k) >= 0) return 0;
    while (q < s->t1 && (s->t[q].flags & DY_TF_CAP) && (s->t[q].flags & DY_TF_WORD) && group_at(s, q) < 0) q++;
    return q < s->t1 && (s->t[q].flags & DY_TF_WORD) && !(s->t[q].flags & DY_TF_CAP) &&
           !(dy_dict_wclass(s->f->dict, s->t[q].id) & (DY_WC_PREP | DY_WC_DET));
}

/* A lower-case agent word alone the coder gave the story's state ("naval" in "on sharing naval
 * nuclear propulsion information"): a word of a name, no party. */
static int bare_role(const dyf_sent *s, uint32_t k)
{
    int g = group_at(s, k);
    return g >= 0 && s->g[g].t1 == s->g[g].t0 + 1 && !(s->t[k].flags & DY_TF_CAP) && !s->g[g].poss && s->g[g].ncomp <= 1;
}

/* The end of a run of capitalised actors joined by hyphens from q ("United States-Ukraine",
 * "US-India"), else q. */
static uint32_t names_run(const dyf_sent *s, uint32_t q)
{
    uint32_t e = q;
    for (;;) {
        int g = e < s->t1 ? group_at(s, e) : -1;
        if (g < 0 || s->g[g].t0 != e || !(s->t[e].flags & DY_TF_CAP)) return e;
        e = s->g[g].t1;
        if (e >= s->t1 || !(s->t[e].flags & DY_TF_HYPH)) return e;
    }
}

/* The name of the treaty whose noun is at [i, te): "Treaty on Comprehensive Strategic Partnership",
 * "Treaty of Friendship, Good Neighbourliness and Cooperation", "mutual support agreement",
 * "agreement on their maritime boundaries". */
static void name_span(const dyf_sent *s, uint32_t i, uint32_t te, uint32_t *pa, uint32_t *pb)
{
    uint32_t a = i, b = te;
    int cap = (s->t[i].flags & DY_TF_CAP) != 0;
    if (cap)
        while (b < s->t1) {
            if (s->t[b].flags & DY_TF_CAP) { b++; continue; }
            if (!(is(s, b, "on") || is(s, b, "of") || is(s, b, "for") || is(s, b, "and") || (s->t[b].flags & DY_TF_COMMA))) break;
            /* "Agreement on the Establishment of ...": a determiner after on or of */
            uint32_t q = b + 1 + ((is(s, b, "on") || is(s, b, "of") || is(s, b, "for")) && (is(s, b + 1, "the") || is(s, b + 1, "a") || is(s, b + 1, "an")));
            int gq = q < s->t1 ? group_at(s, q) : -1;
            uint32_t ge = names_run(s, q);
            if (q < s->t1 && (s->t[q].flags & DY_TF_CAP) && (gq < 0 || place_word(s, q))) b = q;
            /* states' names inside the name: "of a United States-Ukraine Reconstruction Investment
             * Fund", "for the US-India Major Defense Partnership" */
            else if (ge > q && ge < s->t1 && (s->t[ge].flags & DY_TF_CAP) && (s->t[ge].flags & DY_TF_WORD) && group_at(s, ge) < 0) b = ge;
            else break;
        }
    else if ((is(s, b, "on") || is(s, b, "of")) && !is(s, b + 1, "a") &&
             (!is(s, b + 1, "the") || (b + 2 < s->t1 && (!(s->t[b + 2].flags & DY_TF_CAP) || on_the_cap(s, b, b + 2)) &&
                                       !dyf_fw_is(s, b + 2, DY_FW_NAME_STOP, NULL)))) {
        /* "agreement on the mutual protection of investments", "agreement on economic, trade and
         * investment cooperation", "treaty on sharing the waters"; not "on the sidelines" */
        uint32_t k = b + 1;
        while (k < s->t1 && k < b + 9 && (s->t[k].flags & DY_TF_WORD) && (!(s->t[k].flags & DY_TF_CAP) || cap_after_of(s, k) || on_the_cap(s, b, k)) &&
               !dyf_fw_is(s, k, DY_FW_NAME_STOP, NULL) &&
               (group_at(s, k) < 0 || s->g[group_at(s, k)].modifier || s->g[group_at(s, k)].code[0] == '-' || bare_role(s, k)) &&
               (!(dy_dict_wclass(s->f->dict, s->t[k].id) & (DY_WC_PREP | DY_WC_DET)) || is(s, k, "their") || is(s, k, "of") ||
                (is(s, k, "the") && (k == b + 1 || is(s, k - 1, "of") || is(s, k - 2, "on"))) ||
                /* "memorandum on cooperation in nuclear energy" */
                ((is(s, k, "in") || is(s, k, "for")) && k + 1 < s->t1 && (s->t[k + 1].flags & DY_TF_WORD) && !(s->t[k + 1].flags & (DY_TF_CAP | DY_TF_NUM)) &&
                 !(dy_dict_wclass(s->f->dict, s->t[k + 1].id) & (DY_WC_PREP | DY_WC_DET)) && dyf_word_number(s, W(s, k + 1)) < 0)) &&
               !is(s, k, "that") && !is(s, k, "which") && strlen(W(s, k)) > 1 &&
               (k == b + 1 || !(strlen(W(s, k)) > 4 && (!strcmp(W(s, k) + strlen(W(s, k)) - 3, "ing") || ends_ed(W(s, k))))))
            /* a comma inside a list: "on economic, trade and investment cooperation" */
            k += 1 + (k + 3 < s->t1 && (s->t[k + 1].flags & DY_TF_COMMA) && (s->t[k + 2].flags & DY_TF_WORD) && !(s->t[k + 2].flags & DY_TF_CAP) &&
                      (is(s, k + 3, "and") || is(s, k + 4, "and")));
        while (k > b + 1 && (is(s, k - 1, "in") || is(s, k - 1, "for") || is(s, k - 1, "the") || is(s, k - 1, "and") || is(s, k - 1, "of"))) k--;
        if (k > b + 1 && !is(s, k - 1, "their") && !is(s, k - 1, "of")) b = k;
    }
    /* "Visiting Forces Agreement" read as an actor: its words are the name's */
    int gi = group_at(s, i);
    if (cap && gi >= 0 && s->g[gi].t0 < a) {
        int all = 1;
        for (uint32_t j = s->g[gi].t0; j < i && all; j++) all = (s->t[j].flags & DY_TF_CAP) != 0;
        if (all) a = s->g[gi].t0;
    }
    while (a > s->t0 && a + 5 > i && treaty_name_word(s, a - 1)) {
        a--;
        /* "a security and military cooperation agreement": modifiers joined by "and" */
        if (a > s->t0 + 1 && a < i && is(s, a - 1, "and") && treaty_name_word(s, a - 2) &&
            ((s->t[a - 2].flags & DY_TF_CAP) != 0) == ((s->t[a].flags & DY_TF_CAP) != 0)) a--;
    }
    /* "the Athens Declaration", "the Élysée Treaty": a place's name opens the treaty's */
    if (cap && a > s->t0 + 1 && (s->t[a].flags & DY_TF_CAP) && place_word(s, a - 1) && is(s, a - 2, "the")) a--;
    for (;;) {
        if (a > s->t0 && (s->t[i].flags & DY_TF_CAP) && (s->t[a - 1].flags & DY_TF_CAP) && treaty_name_word(s, a - 1)) { a--; continue; }
        /* "Security of Military Information Agreement": a capitalised actor word after "of" inside the name */
        int ga = a > s->t0 ? group_at(s, a - 1) : -1;
        if (ga >= 0 && (s->t[i].flags & DY_TF_CAP) && (s->t[a - 1].flags & DY_TF_CAP) && s->g[ga].t0 > s->t0 + 1 &&
            (is(s, s->g[ga].t0 - 1, "of") || is(s, s->g[ga].t0 - 1, "on")) && (s->t[s->g[ga].t0 - 2].flags & DY_TF_CAP) &&
            treaty_name_word(s, s->g[ga].t0 - 2)) { a = s->g[ga].t0 - 2; continue; }
        /* "General Security of Military" read as an actor (a general) inside the name: capitalised
         * words and joining "of" only, no state's plain name */
        if (ga >= 0 && (s->t[i].flags & DY_TF_CAP) && s->g[ga].t1 == a && s->g[ga].t0 > s->t0 && strlen(s->g[ga].code) > 3 && s->g[ga].t1 - s->g[ga].t0 > 2) {
            int all = 1;
            for (uint32_t j = s->g[ga].t0; j < a && all; j++) all = (s->t[j].flags & DY_TF_CAP) || is(s, j, "of") || is(s, j, "on");
            if (all) { a = s->g[ga].t0; continue; }
        }
        /* "a Gulf of Tonkin delimitation agreement", "the status of forces agreement": "X of Y"
         * opening a name after its determiner */
        if (a > s->t0 + 2 && !(s->t[i].flags & DY_TF_CAP) && a < i && is(s, a - 1, "of") && treaty_name_word(s, a - 2) &&
            !(s->t[a].flags & DY_TF_NUM) && !is(s, a, "its") && !is(s, a, "their") &&
            ((s->t[a - 2].flags & DY_TF_CAP) != 0) == ((s->t[a].flags & DY_TF_CAP) != 0) &&
            (is(s, a - 3, "a") || is(s, a - 3, "an") || is(s, a - 3, "the"))) { a -= 2; continue; }
        /* "General Security of Military Information Agreement": of, on, for, and inside the name */
        if (a > s->t0 + 1 && (s->t[i].flags & DY_TF_CAP) && (s->t[a].flags & DY_TF_CAP) &&
            (is(s, a - 1, "of") || is(s, a - 1, "on") || is(s, a - 1, "for") || is(s, a - 1, "and")) &&
            (s->t[a - 2].flags & DY_TF_CAP) && treaty_name_word(s, a - 2) && a - 2 != s->t0) { a -= 2; continue; }
        break;
    }
    *pa = a;
    *pb = b;
}

/* A past signing word closing a relative clause after a treaty's name at b ("a security
 * agreement they signed in 2001", "the friendship treaty that de Gaulle and Adenauer signed",
 * "an agreement signed in 1998"): its token, else UINT32_MAX. A finite verb between ("no
 * agreement was signed") is the main clause's. */
static uint32_t relative_signing(const dyf_sent *s, uint32_t b)
{
    for (uint32_t j = b; j < s->t1 && j < b + 9; j++) {
        uint32_t e;
        if ((s->t[j].flags & DY_TF_END) || treaty_noun(s, j, &e) || is(s, j, "but") || (j > b && boundary(s, j))) break;
        if (is(s, j, "was") || is(s, j, "were") || is(s, j, "is") || is(s, j, "are") || is(s, j, "has") || is(s, j, "have") ||
            is(s, j, "had") || is(s, j, "been") || is(s, j, "be") || is(s, j, "to") || is(s, j, "will") || is(s, j, "would"))
            break;
        if (dyf_fw_is(s, j, DY_FW_SIGNED | DY_FW_RATIFIED, &e) && ends_ed(W(s, j))) return j;
    }
    return UINT32_MAX;
}

/* The date written after token j (within 6 words, no boundary), else none. */
static dy_date date_after(const dyf_sent *s, uint32_t j)
{
    dy_date out = {0};
    out.prec = DY_PREC_NONE;
    for (size_t k = 0; k < s->ndates; k++)
        if (s->dates[k].date.prec != DY_PREC_NONE && s->dates[k].t0 > j && s->dates[k].t0 <= j + 6) {
            int cut = 0;
            for (uint32_t q = j + 1; q < s->dates[k].t0; q++) cut |= boundary(s, q);
            if (!cut) return s->dates[k].date;
        }
    return out;
}

/* A generic treaty fact of the sentences just before, met at a later stage ("the strategic
 * partnership treaty ... entered into force", "ratified an agreement with the United States"),
 * that the capitalised name of this sentence signs ("The Agreement on the Establishment of ...
 * was signed"): one treaty. The earlier fact becomes a treaty_stage of it (as do its sentence's
 * stages), its clauses go to this one, and a tier read from its generic name that this one's
 * names more fully ("strategic partnership" of "the strategic partnership treaty", then "the
 * Treaty on Comprehensive Strategic Partnership") is dropped (kind 0, compacted at the end). */
static void names_earlier(dyf_sent *s, const doc_state *ds, dy_fact *x, uint32_t a)
{
    if (ds->last_treaty == (size_t)-1 || !(a == s->t0 || (a > s->t0 && is(s, a - 1, "the")))) return;
    dy_fact *l = &s->f->v[ds->last_treaty];
    if (l == x || l->sent >= s->idx || l->sent + 2 < s->idx || l->nactors != x->nactors) return;
    if (l->stage <= DY_STAGE_SIGNED || x->stage != DY_STAGE_SIGNED) return;
    for (const char *p = l->name; *p; p++) if (*p >= 'A' && *p <= 'Z') return;
    for (int k = 0; k < x->nactors; k++) if (strcmp(l->actors[k], x->actors[k])) return;
    char old[sizeof l->name];
    memcpy(old, l->name, sizeof old);
    x->clauses |= l->clauses;
    for (size_t k = 0; k < s->f->n; k++) {
        dy_fact *y = &s->f->v[k];
        if (y->sent != l->sent || y->nactors != l->nactors || memcmp(y->actors, l->actors, sizeof y->actors)) continue;
        if (y->kind == DY_FACT_PARTNERSHIP && y->tier_name[0] && strstr(old, y->tier_name))
            for (size_t q = 0; q < s->f->n; q++) {
                const dy_fact *z = &s->f->v[q];
                if (z->kind == DY_FACT_PARTNERSHIP && z->sent == s->idx && !memcmp(z->actors, y->actors, sizeof z->actors) &&
                    strstr(z->tier_name, y->tier_name) && strcmp(z->tier_name, y->tier_name)) { y->kind = 0; break; }
            }
        if (y->kind == DY_FACT_TREATY && y != l) continue;
        if ((y->kind == DY_FACT_STAGE || y == l) && !strcmp(y->name, old)) {
            memcpy(y->name, x->name, sizeof y->name);
            memcpy(y->kinds, x->kinds, sizeof y->kinds);
        }
    }
    l->kind = DY_FACT_STAGE;
    l->clauses = 0;
    l->year = l->date.prec != DY_PREC_NONE ? l->date.y : 0;
}

/* A list of three or more signers before the signing word: the treaty's parties, whole. */
static void three_signers(const dyf_sent *s, dy_fact *x, uint32_t sign_at)
{
    for (size_t k = 0; k < s->ng && s->g[k].t1 <= sign_at; k++)
        if (s->g[k].comp == (int16_t)k && s->g[k].ncomp > 2) {
            const char *c[8];
            char one[16];
            size_t nc = dyf_codes(s, (int)k, c, 8);
            x->nactors = 0;
            for (size_t q = 0; q < nc; q++) if (dyf_party(c[q])) { dyf_code3(one, c[q]); dyf_add_actor(x, one, 1); }
            for (int p = 0; p < x->nactors; p++)
                for (int q = p + 1; q < x->nactors; q++) if (strcmp(x->actors[p], x->actors[q]) > 0) dyf_sort_pair(x->actors[p], x->actors[q]);
            return;
        }
}

/* The text of tokens [a, b) as a treaty's name. */
static void copy_name(const dyf_sent *s, uint32_t a, uint32_t b, char *out, size_t cap)
{
    size_t nl = s->t[b - 1].end - s->t[a].start;
    if (nl >= cap) nl = cap - 1;
    memcpy(out, s->doc->text + s->t[a].start, nl);
    out[nl] = 0;
    for (char *p = out; *p; p++) if (*p == '\n' || *p == '"') *p = ' ';
}

/* A bare treaty noun at [a, b) that founds something named ("an agreement in Riyadh on Tuesday to
 * set up a Strategic Partnership Council"): its name, the noun and what it founds; else nothing. */
static void founding_name(const dyf_sent *s, uint32_t a, uint32_t b, char *out, size_t cap)
{
    for (uint32_t j = b, e; j < s->t1 && j < b + 10 && !boundary(s, j) && !(s->t[j].flags & DY_TF_COMMA); j++) {
        if (!dyf_fw_is(s, j, DY_FW_FOUND, &e)) continue;
        uint32_t k = e + (is(s, e, "a") || is(s, e, "an") || is(s, e, "the")), q = k;
        while (q < s->t1 && (s->t[q].flags & DY_TF_CAP) && (s->t[q].flags & DY_TF_WORD)) {
            q++;
            if ((is(s, q, "of") || is(s, q, "on") || is(s, q, "for") || is(s, q, "and")) && q + 1 < s->t1 && (s->t[q + 1].flags & DY_TF_CAP)) q++;
        }
        if (q < k + 2) return;
        copy_name(s, a, b, out, cap);
        size_t n = strlen(out);
        if (n + 2 < cap) {
            out[n] = ' ';
            copy_name(s, j, q, out + n + 1, cap - n - 1);
        }
        return;
    }
}

/* Is the date at d inside a relative clause after the treaty named from a, set off by a comma,
 * with no stage word of its own ("an agreement on the flight information region ..., which
 * Singapore has managed since 1946")? It dates something else. */
static int aside_date(const dyf_sent *s, uint32_t a, uint32_t d)
{
    uint32_t j = d;
    while (j > a && !((s->t[j - 1].flags & DY_TF_COMMA) && (is(s, j, "which") || is(s, j, "who") || is(s, j, "whose") || is(s, j, "where")))) {
        uint32_t e;
        if (dyf_fw(s, j - 1, &e, NULL) & (DY_FW_SIGN | DY_FW_STAGES)) return 0;
        j--;
    }
    return j > a;
}

/* "A 1959 treaty between Egypt and Sudan": the past year written before a treaty's name that
 * opens at a, after its determiner (the caller asks only when a "between" list follows); 0 none. */
static int year_before_noun(const dyf_sent *s, uint32_t a)
{
    double v;
    uint32_t e;
    if (a < s->t0 + 2 || !(s->t[a - 1].flags & DY_TF_NUM) || !dyf_number_at(s, a - 1, &v, &e) || e != a) return 0;
    if (!(is(s, a - 2, "a") || is(s, a - 2, "an") || is(s, a - 2, "the") || is(s, a - 2, "their") || is(s, a - 2, "its"))) return 0;
    if (!(v >= 1800 && v <= 9999)) return 0;     /* and the cast below is defined */
    int y = (int)v;
    return y == v && s->doc->pub.prec != DY_PREC_NONE && y <= s->doc->pub.y ? y : 0;
}

/* When the treaty x was signed: its date and year (x->date holds the signing event's, if any). */
static void treaty_when(const dyf_sent *s, dy_fact *x, const dy_event *ev057, uint32_t sign_at, uint32_t a, uint32_t rel)
{
    /* signed when? a date the sentence gives; else a plain past "signed" is news of the day;
     * else unknown ("have signed", "are bound by") */
    int news = 0;   /* the year only: the day is unknown */
    int in_force_only = 0, written_year = 0;
    stage_word sw0[DYF_MAX_STAGES];
    size_t nsw0 = stage_words(s, sw0, DYF_MAX_STAGES), signed_k = nsw0;
    for (size_t k = 0; k < nsw0; k++) if (sw0[k].stage == DY_STAGE_SIGNED && signed_k == nsw0) signed_k = k;
    if (!ev057 && nsw0 && signed_k == nsw0 && sw0[0].stage >= DY_STAGE_RATIFIED) {
        /* "the pact took effect on Saturday": no signing date; a year the text writes out
         * ("entered into force on July 1, 2022") is kept as the treaty's year */
        x->date = facts_stage_date(s, sw0, nsw0, 0);      /* the stage's date */
        in_force_only = 1;
        for (size_t k = 0; k < s->ndates && !written_year; k++)
            if (s->dates[k].date.prec != DY_PREC_NONE)
                for (uint32_t j = s->dates[k].t0; j < s->dates[k].t1; j++) {
                    double v;
                    uint32_t e2;
                    if ((s->t[j].flags & DY_TF_NUM) && dyf_number_at(s, j, &v, &e2) && v == (double)s->dates[k].date.y) { written_year = v; break; }
                }
    } else if (!ev057 && nsw0 > 1 && signed_k < nsw0) {
        x->date = facts_stage_date(s, sw0, nsw0, signed_k);
    } else if (x->date.prec == DY_PREC_NONE && !(nsw0 == 0 && sign_at < a && (is(s, sign_at, "under") || is(s, sign_at, "including") ||
                                                                               is(s, sign_at, "includes") || is(s, sign_at, "bound")))) {
        /* (what is done "under" a treaty, or a list "including" it, tells no signing date) */
        for (size_t k = 0; k < s->ndates; k++)
            if (s->dates[k].date.prec != DY_PREC_NONE && !aside_date(s, a, s->dates[k].t0)) { x->date = s->dates[k].date; break; }
        if (x->date.prec == DY_PREC_NONE && sign_at != UINT32_MAX && sign_at > s->t0 && ends_ed(W(s, sign_at)) &&
            !is(s, sign_at - 1, "have") && !is(s, sign_at - 1, "has") && !is(s, sign_at - 1, "had") && !is(s, sign_at - 1, "been") &&
            !is(s, sign_at - 1, "were") && !is(s, sign_at - 1, "was") && !is(s, sign_at - 1, "are") && !is(s, sign_at - 1, "is"))
            news = 1;
    }
    x->year = x->date.prec != DY_PREC_NONE ? x->date.y : news && s->doc->pub.prec != DY_PREC_NONE ? s->doc->pub.y : 0;
    if (in_force_only) x->year = written_year;
    if (rel != UINT32_MAX) {
        dy_date d = date_after(s, rel);
        if (d.prec != DY_PREC_NONE) { x->date = d; x->year = d.y; }
    }
}

/* Has a factual fact been added since index from? (Facts only --moods all keeps are no reason
 * to read a sentence otherwise: its factual output is the same either way.) */
static int factual_since(const dy_facts *f, size_t from)
{
    for (size_t k = from; k < f->n; k++) if (!f->v[k].mood) return 1;
    return 0;
}

/* The parties of the treaty x named at [a, b): the signers, else the relation's; a list of three
 * or more signers whole. 0 when there are no two. x->date is the signing event's, else none. */
static int treaty_parties(const dyf_sent *s, dy_fact *x, const dy_event *ev057, uint32_t sign_at, uint32_t a, uint32_t b)
{
    char pa[16], pb[16];
    int got = 0;
    if (ev057 && state_of(s, ev057->source) && state_of(s, ev057->target) && strncmp(ev057->source, ev057->target, 3)) {
        dyf_code3(pa, ev057->source);
        dyf_code3(pb, ev057->target);
        x->date = ev057->date;
        got = 1;
    } else {
        got = dyf_parties(s, a, b, pa, pb, 1);
        x->date.prec = DY_PREC_NONE;
    }
    if (!got || !dyf_party(pa) || !dyf_party(pb) || dyf_same_party(pa, pb)) return 0;
    dyf_story_ref(s, pa, pb);
    dyf_sort_pair(pa, pb);
    dyf_add_actor(x, pa, 1);
    dyf_add_actor(x, pb, 1);
    three_signers(s, x, sign_at);
    return 1;
}

/* The mood of the treaty named at [a, b): of its clause, of the words up to a signing after it, of
 * its signing event; a relative signing at rel (UINT32_MAX: none) tells it is. */
static int treaty_mood(const dyf_sent *s, const dy_event *ev057, uint32_t sign_at, uint32_t a, uint32_t b, uint32_t rel)
{
    uint32_t ms = dyf_clause_start(s, a);
    if (sign_at < ms && !ev057) ms = sign_at > s->t0 + 6 ? sign_at - 6 : s->t0;
    /* "sites that forces may use under the pact": the pact is, whatever is done under it;
     * "could suspend all agreements, including the Simla Agreement": as supposed as they */
    if (sign_at < a && a <= sign_at + 3 && is(s, sign_at, "under")) ms = sign_at;
    else if (sign_at < a && sign_at > s->t0 + 1 && (is(s, sign_at, "including") || is(s, sign_at, "included")) && (s->t[sign_at - 1].flags & DY_TF_COMMA))
        ms = dyf_clause_start(s, sign_at - 2);
    int mood = dyf_mood(s, ms, b + 2 < s->t1 ? b + 2 : s->t1);
    if (sign_at != UINT32_MAX && sign_at > b) {
        int m2 = dyf_mood(s, b, sign_at + 1);
        if (m2 && !mood) mood = m2;
    }
    if (ev057 && ev057->mood && !mood) mood = ev057->mood;
    /* "activate a security agreement they signed in 2001": the relative clause tells it is */
    if (rel != UINT32_MAX) mood = dyf_mood(s, b, rel + 1);
    return mood;
}

/* "the General Security of Military Information Agreement, an intelligence-sharing pact": one
 * treaty named twice, [a, b) after the fact prev_x whose name ended at prev_b; a capitalised name
 * replaces a generic one. 1 when [a, b) is such a second name (the fact amended). */
static int apposition(dyf_sent *s, size_t prev_x, uint32_t prev_b, int prev_generic, uint32_t a, uint32_t b, int generic)
{
    int appos = prev_x != (size_t)-1 && prev_b < a && prev_b + 6 >= a && (s->t[prev_b].flags & DY_TF_COMMA) &&
                (a == prev_b + 1 || is(s, prev_b + 1, "a") || is(s, prev_b + 1, "an") || is(s, prev_b + 1, "the"));
    for (uint32_t j = prev_b + 1; appos && j < a; j++) if (boundary(s, j) || (s->t[j].flags & DY_TF_COMMA)) appos = 0;
    if (!appos) return 0;
    dy_fact *px = &s->f->v[prev_x];
    if (!generic && prev_generic) {
        copy_name(s, a, b, px->name, sizeof px->name);
        kinds_in(s, a, b, px->kinds, sizeof px->kinds);
    }
    /* "the Élysée Treaty, the friendship treaty that de Gaulle and Adenauer signed in 1963" */
    uint32_t r2 = relative_signing(s, b);
    dy_date d2 = r2 != UINT32_MAX ? date_after(s, r2) : px->date;
    if (d2.prec != DY_PREC_NONE && r2 != UINT32_MAX) { px->date = d2; px->year = d2.y; }
    return 1;
}

static int treaties(dyf_sent *s, doc_state *ds)
{
    size_t found = s->f->n, prev_x = (size_t)-1;
    uint32_t prev_b = 0, moody_a = 0, moody_b = 0;     /* the last capitalised name no fact came of */
    int prev_generic = 0, mentioned = 0;
    for (uint32_t i = s->t0; i < s->t1; i++) {
        uint32_t te;
        if (!treaty_noun(s, i, &te)) continue;
        mentioned = 1;
        /* signed, concluded, ratified, in force: a treaty that exists */
        const dy_event *ev057 = signing(s);
        uint32_t sign_at = UINT32_MAX, e;
        for (uint32_t j = s->t0; j < s->t1 && sign_at == UINT32_MAX; j++)
            if (dyf_fw_is(s, j, DY_FW_SIGN, &e)) sign_at = j;
        uint32_t a, b;
        name_span(s, i, te, &a, &b);
        int between = 0;
        for (uint32_t j = b; j < b + 2 && j < s->t1; j++) between |= is(s, j, "between");
        int yr = between ? year_before_noun(s, a) : 0;
        if (!ev057 && sign_at == UINT32_MAX && !yr) {
            if ((s->t[i].flags & DY_TF_CAP) && b > a + 1 && !dyf_mood(s, dyf_clause_start(s, a), b)) {
                copy_name(s, a, b, ds->named, sizeof ds->named);
                ds->named_sent = s->idx;
            }
            i = b - 1;
            continue;
        }
        int generic = 1;
        for (uint32_t j = a; j < b; j++) if ((s->t[j].flags & DY_TF_CAP) && j != s->t0) generic = 0;
        if (apposition(s, prev_x, prev_b, prev_generic, a, b, generic)) { i = b - 1; continue; }
        /* "the accord", "the first such defence pact": the treaty named before */
        int such = a > s->t0 + 1 && (is(s, a - 1, "such") || is(s, a - 2, "such"));
        int definite = such || (!between && a > s->t0 && (is(s, a - 1, "the") || is(s, a - 1, "this") || is(s, a - 1, "that") || is(s, a - 1, "its")));
        /* "The treaty, ... signed in 1960" after "the Indus Waters Treaty" named without a stage */
        int pending = generic && definite && !such && ds->named[0] && ds->named_sent < s->idx && ds->named_sent + 2 >= s->idx &&
                      sign_at != UINT32_MAX && (ds->last_treaty == (size_t)-1 || s->f->v[ds->last_treaty].sent < ds->named_sent);
        /* "since the status of forces agreement it concluded with the United States in 1960": a
         * treaty of its own, dated by its relative clause, whose words the last one's name lacks */
        uint32_t rel0 = relative_signing(s, b);
        int own = a < i && rel0 != UINT32_MAX && date_after(s, rel0).prec != DY_PREC_NONE && ds->last_treaty != (size_t)-1 &&
                  !name_has(s->f->v[ds->last_treaty].name, s, a, i);
        if (!pending && !own && generic && definite && ds->last_treaty != (size_t)-1 && s->idx <= s->f->v[ds->last_treaty].sent + 3) {
            s->f->v[ds->last_treaty].clauses |= clauses_in(s, s->t0, s->t1, 1);
            i = b - 1;
            continue;
        }
        /* a bare "the treaty" is a treaty only where the sentence signs it, or a relative
         * clause dates its signing ("settled by a treaty signed in Hanoi in 1999") */
        if (a == i && b == te && !ev057 && !pending && !yr && (rel0 == UINT32_MAX || date_after(s, rel0).prec == DY_PREC_NONE)) continue;
        /* "signed a defence agreement on Thursday, a pact officials called ...": a bare noun
         * after a comma is the treaty named before in the sentence, told again */
        if (a == i && b == te && prev_x != (size_t)-1 && a > prev_b && a > s->t0 + 1 &&
            (is(s, a - 1, "a") || is(s, a - 1, "an")) && (s->t[a - 2].flags & DY_TF_COMMA)) { i = b - 1; continue; }
        uint32_t rel = rel0;
        int mood = treaty_mood(s, ev057, sign_at, a, b, rel);
        int oom = 0;
        dy_fact *x = dyf_push(s->f, DY_FACT_TREATY, s, mood, &oom);
        if (oom) return -1;
        if (!x) {
            if (!generic) { moody_a = a; moody_b = b; }
            i = b - 1;
            continue;
        }
        /* "agreed to restore their General Security of Military Information Agreement, an
         * intelligence-sharing pact signed in 2016": the pact is, and its name is the first */
        uint32_t na = a, nb = b;
        if (generic && rel != UINT32_MAX && moody_b && moody_b < a && moody_b + 6 >= a && (s->t[moody_b].flags & DY_TF_COMMA) &&
            (a == moody_b + 1 || is(s, moody_b + 1, "a") || is(s, moody_b + 1, "an") || is(s, moody_b + 1, "the"))) {
            na = moody_a;
            nb = moody_b;
        }
        copy_name(s, na, nb, x->name, sizeof x->name);
        if (a == i && b == te) founding_name(s, a, b, x->name, sizeof x->name);
        if (!treaty_parties(s, x, ev057, sign_at, a, b)) { s->f->n--; i = b - 1; continue; }
        treaty_when(s, x, ev057, sign_at, a, rel);
        if (yr) x->year = yr;
        /* the clauses of its stretch of the sentence: up to the next treaty named */
        uint32_t cend = b;
        while (cend < s->t1 && !treaty_noun(s, cend, &e)) cend++;
        x->clauses = clauses_in(s, prev_x != (size_t)-1 ? prev_b : s->t0, cend, 0);
        kinds_in(s, na, nb, x->kinds, sizeof x->kinds);
        stage_word sw[DYF_MAX_STAGES];
        size_t nsw = stage_words(s, sw, DYF_MAX_STAGES);
        if (nsw) {
            x->stage = sw[0].stage;
            stage_party(s, &sw[0], x);
        }
        if (pending) {
            snprintf(x->name, sizeof x->name, "%s", ds->named);
            if (!mood) ds->named[0] = 0;
        } else if (!generic && !mood)
            names_earlier(s, ds, x, a);
        /* a fact only --moods all shows changes nothing the sentence's others are read by */
        if (mood) {
            if (!generic) { moody_a = a; moody_b = b; }
            i = b - 1;
            continue;
        }
        ds->last_treaty = s->f->n - 1;
        prev_x = s->f->n - 1;
        prev_b = b;
        prev_generic = generic;
        i = b - 1;
    }
    /* "It obliges each side to ...", "The agreement also provides for ...": the clauses of the
     * treaty named in the sentences before */
    if (!factual_since(s->f, found) && ds->last_treaty != (size_t)-1 && s->idx <= s->f->v[ds->last_treaty].sent + 3 &&
        (mentioned || refers_back(s, &s->f->v[ds->last_treaty])))
        s->f->v[ds->last_treaty].clauses |= clauses_in(s, s->t0, s->t1, 1);
    return 0;
}

/* The stages a sentence tells beyond its treaty fact's own: of the treaty it names, else of the
 * treaty named in the sentences before ("the State Duma voted to ratify the pact in October",
 * "Putin signed the ratification law on November 9"), else of a treaty it names by its capitalised
 * name without signing it ("Russia withdrew from the Treaty on Open Skies"). found: the first
 * fact of this sentence's treaties. */
static int stages(dyf_sent *s, doc_state *ds, size_t found)
{
    stage_word sw[DYF_MAX_STAGES];
    size_t n = stage_words(s, sw, DYF_MAX_STAGES);
    if (!n) return 0;
    for (size_t k = found; k < s->f->n; k++)
        if (s->f->v[k].kind == DY_FACT_TREATY && !s->f->v[k].mood) {
            dy_fact t = s->f->v[k];
            for (size_t j = 1; j < n; j++) if (stage_fact(s, &t, sw, n, j)) return -1;
            return 0;
        }
    if (factual_since(s->f, found)) return 0;
    int mentioned = 0, ref = 0, other = 0;
    uint32_t named = UINT32_MAX, te = 0, e, near = UINT32_MAX;
    for (uint32_t i = s->t0; i < s->t1; i++)
        if (treaty_noun(s, i, &e)) {
            mentioned = 1;
            /* a capitalised treaty name, not an organisation's ("Collective Security Treaty Organization") */
            if (named == UINT32_MAX && (s->t[i].flags & DY_TF_CAP) && i > s->t0 && group_at(s, i) < 0 &&
                (e >= s->t1 || !(s->t[e].flags & DY_TF_CAP)))
                { named = i; te = e; }
            /* the treaty noun nearest the first stage word: "a Cold War-era treaty ..., which
             * lapsed" is another treaty than the one named before */
            uint32_t d = i > sw[0].at ? i - sw[0].at : sw[0].at - i;
            if (d < near) {
                uint32_t a, b;
                name_span(s, i, e, &a, &b);
                near = d;
                other = a > s->t0 && (is(s, a - 1, "a") || is(s, a - 1, "an") || is(s, a - 1, "another"));
            }
        } else if (dyf_fw_is(s, i, DY_FW_STAGE_REF, &e)) ref = 1;
    dy_fact t;
    if (ds->last_treaty != (size_t)-1 && s->idx <= s->f->v[ds->last_treaty].sent + 6 && !other &&
        (mentioned || ref || refers_back(s, &s->f->v[ds->last_treaty])) && named == UINT32_MAX) {
        /* "The agreement was signed in 2014" after a treaty met in force or in use: its year */
        dy_fact *l = &s->f->v[ds->last_treaty];
        for (size_t j = 0; j < n && !l->year; j++)
            if (sw[j].stage == DY_STAGE_SIGNED) {
                dy_date d = facts_stage_date(s, sw, n, j);
                if (d.prec != DY_PREC_NONE && (!s->doc->pub.prec || d.y <= s->doc->pub.y)) l->year = d.y;
            }
        t = *l;
    } else if (named != UINT32_MAX) {
        uint32_t a, b;
        name_span(s, named, te, &a, &b);
        char pa[16], pb[16];
        if (b <= a + 1 || !dyf_parties(s, a, b, pa, pb, 0) || !dyf_party(pa) || !dyf_party(pb) || dyf_same_party(pa, pb)) return 0;
        memset(&t, 0, sizeof t);
        size_t nl = s->t[b - 1].end - s->t[a].start;
        if (nl >= sizeof t.name) nl = sizeof t.name - 1;
        memcpy(t.name, s->doc->text + s->t[a].start, nl);
        for (char *p = t.name; *p; p++) if (*p == '\n' || *p == '"') *p = ' ';
        dyf_sort_pair(pa, pb);
        dyf_add_actor(&t, pa, 1);
        dyf_add_actor(&t, pb, 1);
        kinds_in(s, a, b, t.kinds, sizeof t.kinds);
    } else return 0;
    for (size_t j = 0; j < n; j++) if (stage_fact(s, &t, sw, n, j)) return -1;
    return 0;
}

void dy_facts_count_begin(dy_facts *f) { f->nc = 0; }

/* The states named in the window's sentences: in how many sentences each (for story_pair). */
void dy_facts_count(dy_facts *f, const dy_coder *coder)
{
    size_t ns;
    dy_coder_sents(coder, &ns);
    uint32_t first = dy_coder_first_sent(coder);
    for (size_t k = 0; k < ns; k++) {
        size_t ng;
        const dy_actor *g = dy_coder_sent_actors(coder, k, &ng);
        for (size_t q = 0; q < ng; q++)
            for (int two = 0; two < 2; two++) {
                const char *c = two ? g[q].code2 : g[q].code;
                if (!dyf_country(c) || g[q].region) continue;
                size_t j = 0;
                while (j < f->nc && strncmp(f->cnt[j].c, c, 3)) j++;
                if (j == f->nc) {
                    if (f->nc == sizeof f->cnt / sizeof *f->cnt) continue;
                    snprintf(f->cnt[j].c, 4, "%.3s", c);
                    f->cnt[j].n = 0;
                    f->cnt[f->nc++].last = UINT32_MAX;
                }
                if (f->cnt[j].last != first + k) { f->cnt[j].n++; f->cnt[j].last = first + (uint32_t)k; }
            }
    }
}

/* The story's pair: the coder's, unless a state of it is named in fewer sentences than the two
 * states named most ("under the agreement ... facing Taiwan": one stray event makes no topic). */
static void story_pair(const dy_facts *f, char ta[16], char tb[16])
{
    int m1 = -1, m2 = -1;
    for (size_t j = 0; j < f->nc; j++) {
        if (m1 < 0 || f->cnt[j].n > f->cnt[m1].n) { m2 = m1; m1 = (int)j; }
        else if (m2 < 0 || f->cnt[j].n > f->cnt[m2].n) m2 = (int)j;
    }
    if (m2 < 0 || f->cnt[m2].n < 2) return;
    int na = 0, nb = 0;
    for (size_t j = 0; j < f->nc; j++) {
        if (ta[0] && !strncmp(f->cnt[j].c, ta, 3)) na = f->cnt[j].n;
        if (tb[0] && !strncmp(f->cnt[j].c, tb, 3)) nb = f->cnt[j].n;
    }
    if (ta[0] && tb[0] && na >= f->cnt[m2].n && nb >= f->cnt[m2].n) return;
    snprintf(ta, 16, "%s", f->cnt[m1].c);
    snprintf(tb, 16, "%s", f->cnt[m2].c);
}

void dy_facts_windows_begin(dy_facts *f, const dy_coder *coder)
{
    f->n = 0;
    f->ta[0] = f->tb[0] = 0;
    dy_coder_topic(coder, f->ta, f->tb);
    story_pair(f, f->ta, f->tb);
    memset(&f->ds, 0, sizeof f->ds);
    f->ds.last_tier = -1;
    f->ds.last_treaty = (size_t)-1;
    f->that_year = 0;
    f->nprev = 0;
}

/* One sentence of the window (k) read for facts, with what the sentences before handed on. */
static int sentence_facts(dy_facts *f, const dy_coder *coder, const dy_doc *doc, size_t k, const dy_event *ev, size_t nev)
{
    const dy_sent *sents = dy_coder_sents(coder, &(size_t){0});
    const char *ta = f->ta, *tb = f->tb;
    doc_state *ds = &f->ds;
    dyf_sent s = {0};
    s.f = f;
    s.doc = doc;
    s.t = dy_coder_toks(coder);
    s.norm = dy_coder_norm(coder);
    s.t0 = sents[k].tok0;
    s.t1 = sents[k].tok0 + sents[k].ntok;
    s.idx = dy_coder_first_sent(coder) + (uint32_t)k;
    memcpy(s.ta, ta, 16);
    memcpy(s.tb, tb, 16);
    s.g = dy_coder_sent_actors(coder, k, &s.ng);
    /* "The two countries ..." opening a sentence: the story's pair, not the pair named last */
    dy_actor own[DY_MAX_ACTORS];
    if (s.ng && s.ng <= DY_MAX_ACTORS && s.g[0].anaphor == DY_G_PAIR && s.g[0].t0 <= s.t0 + 1 && s.g[0].code2[0] && ta[0] && tb[0] &&
        !((dyf_same_party(s.g[0].code, ta) && dyf_same_party(s.g[0].code2, tb)) || (dyf_same_party(s.g[0].code, tb) && dyf_same_party(s.g[0].code2, ta)))) {
        memcpy(own, s.g, s.ng * sizeof *own);
        snprintf(own[0].code, sizeof own[0].code, "%s", ta);
        snprintf(own[0].code2, sizeof own[0].code2, "%s", tb);
        s.g = own;
    }
    if (k) s.prev = dy_coder_sent_actors(coder, k - 1, &s.nprev);
    else if (s.idx) { s.prev = f->prev; s.nprev = f->nprev; }     /* the window before's last */
    s.ndates = dy_dates_find(doc->text, s.t + s.t0, s.t1 - s.t0, s.norm, doc->pub, s.dates, DYF_MAX_DATES);
    for (size_t d = 0; d < s.ndates; d++) { s.dates[d].t0 += s.t0; s.dates[d].t1 += s.t0; }
    s.date = doc->pub;
    s.that_year = f->that_year;
    for (size_t d = 0; d < s.ndates; d++)
        if (s.dates[d].date.prec != DY_PREC_NONE) f->that_year = s.dates[d].date.y;
    for (size_t d = 0; d < s.ndates; d++) if (s.dates[d].date.prec != DY_PREC_NONE) { s.date = s.dates[d].date; break; }
    s.ev = ev;
    s.nev = nev;
    if (tier_order_this(&s, ds) || partnerships(&s, ds)) return -1;
    size_t found = f->n;
    if (treaties(&s, ds) || stages(&s, ds, found)) return -1;
    /* a ratio compares the figures of its own sentence, else those of the sentence before */
    size_t tf = f->n;
    if (dyf_trade(&s)) return -1;
    size_t tn = f->n - tf, sf = f->n;
    if (dyf_shares(&s) || dyf_ratios(&s, tn >= 2 ? tf : ds->trade_first, tn >= 2 ? tn : ds->trade_n, sf) || dyf_milestones(&s) ||
        dyf_standing(&s))
        return -1;
    ds->trade_first = tf;
    ds->trade_n = tn;
    return 0;
}

int dy_facts_window(dy_facts *f, const dy_coder *coder, const dy_doc *doc, dy_err *err)
{
    size_t ns, nev, e0 = 0, n0 = f->n;
    const dy_sent *sents = dy_coder_sents(coder, &ns);
    const dy_event *ev = dy_coder_events(coder, &nev);
    uint32_t first = dy_coder_first_sent(coder);
    for (size_t k = 0; k < ns; k++) {
        while (e0 < nev && ev[e0].sent < first + k) e0++;
        size_t n = 0;
        while (e0 + n < nev && ev[e0 + n].sent == first + k) n++;
        if (sentence_facts(f, coder, doc, k, ev ? ev + e0 : NULL, n)) goto oom;
    }
    /* each new fact's sentence, and the last sentence's groups for the next window's first */
    if (DY_GROW(f->sv, f->n ? f->n : 1, f->capsv)) goto oom;
    for (size_t k = n0; k < f->n; k++) f->sv[k] = sents[f->v[k].sent - first];
    size_t ng = 0;
    const dy_actor *g = ns ? dy_coder_sent_actors(coder, ns - 1, &ng) : NULL;
    if (ns && DY_GROW(f->prev, ng ? ng : 1, f->capprev)) goto oom;
    if (ns) {
        if (ng) memcpy(f->prev, g, ng * sizeof *g);
        f->nprev = ng;
    }
    return 0;
oom:
    dy_err_set(err, DY_ENOMEM, "out of memory");
    return -1;
}

/* The facts a later one replaces are dropped. remap: each fact's sent then indexes sv. */
static void facts_end(dy_facts *f, int remap)
{
    dyf_named_tiers(f);
    size_t m = 0;
    for (size_t k = 0; k < f->n; k++) {
        if (!f->v[k].kind) continue;
        if (remap) { f->sv[m] = f->sv[k]; f->v[k].sent = (uint32_t)m; }
        f->v[m++] = f->v[k];
    }
    f->n = m;
}

void dy_facts_end(dy_facts *f) { facts_end(f, 1); }

const dy_sent *dy_facts_sents(const dy_facts *f) { return f->sv; }

int dy_facts_extract(dy_facts *f, const dy_coder *coder, const dy_doc *doc, dy_err *err)
{
    dy_facts_count_begin(f);
    dy_facts_count(f, coder);
    dy_facts_windows_begin(f, coder);
    if (dy_facts_window(f, coder, doc, err)) return -1;
    facts_end(f, 0);
    return 0;
}
