/* dy_facts.c - standing facts from coded sentences, and their reconciliation across sources. */
#include "dy_facts.h"
#include "dy_out.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DATES 16

struct dy_facts {
    const dy_dict *dict;
    dy_fact *v;
    size_t n, cap;
};

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
    free(*fp);
    *fp = NULL;
}

const dy_fact *dy_facts_list(const dy_facts *f, size_t *n) { *n = f->n; return f->v; }

const char *dy_fact_kind_name(int kind)
{
    static const char *const n[] = {"", "partnership", "tier_order", "treaty", "trade", "trade_share", "ratio",
                                    "milestone", "sanction", "veto"};
    return kind > 0 && kind <= DY_FACT_VETO ? n[kind] : "";
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

/* ---- one sentence ---- */
typedef struct sent {
    dy_facts *f;
    const dy_doc *doc;
    const dy_tok *t;
    const dy_buf *norm;
    uint32_t t0, t1, idx;
    const dy_actor *g;
    size_t ng;
    const dy_actor *prev;   /* the sentence before's groups */
    size_t nprev;
    dy_datex dates[MAX_DATES];
    size_t ndates;
    dy_date date;           /* the sentence's date */
    const dy_event *ev;     /* its events */
    size_t nev;
} sent;

static const char *W(const sent *s, uint32_t i) { return i < s->t1 ? s->norm->data + s->t[i].norm : ""; }
static int is(const sent *s, uint32_t i, const char *w) { return i >= s->t0 && i < s->t1 && !strcmp(W(s, i), w); }
static int starts(const sent *s, uint32_t i, const char *pre) { return i < s->t1 && !strncmp(W(s, i), pre, strlen(pre)); }

static int group_at(const sent *s, uint32_t i)
{
    for (size_t k = 0; k < s->ng; k++)
        if (i >= s->g[k].t0 && i < s->g[k].t1) return (int)k;
    return -1;
}

static int country(const char *code) { return code[0] >= 'A' && code[0] <= 'Z' && strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3); }

static dy_fact *push(dy_facts *f, int kind, const sent *s)
{
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 32;
        dy_fact *v = realloc(f->v, cap * sizeof *v);
        if (!v) return NULL;
        f->v = v;
        f->cap = cap;
    }
    dy_fact *x = &f->v[f->n++];
    memset(x, 0, sizeof *x);
    x->kind = (uint8_t)kind;
    x->sent = s->idx;
    x->date = s->date;
    x->tier = x->tier2 = -1;
    return x;
}

static void add_actor(dy_fact *x, const char *code, int three)
{
    if (x->nactors == 4 || !code[0]) return;
    snprintf(x->actors[x->nactors++], 16, three ? "%.3s" : "%s", code);
}

/* The codes of group k with its coordination (or a resolved pair). */
static size_t codes(const sent *s, int k, const char **out, size_t max)
{
    size_t n = 0;
    int head = s->g[k].comp;
    for (int j = head; j < (int)s->ng && n < max; j++) {
        if (j != head && s->g[j].comp != head) break;
        if (s->g[j].code[0]) out[n++] = s->g[j].code;
        if (s->g[j].code2[0] && n < max) out[n++] = s->g[j].code2;
        if (s->g[head].ncomp <= 1) break;
    }
    return n;
}

/* A pair of countries from group k's coordination: 1 when two distinct ones were found. */
static int pair_of(const sent *s, int k, char a[16], char b[16])
{
    const char *c[8];
    size_t n = codes(s, k, c, 8);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (country(c[i]) && country(c[j]) && strncmp(c[i], c[j], 3)) {
                snprintf(a, 16, "%.3s", c[i]);
                snprintf(b, 16, "%.3s", c[j]);
                return 1;
            }
    return 0;
}

static int boundary(const sent *s, uint32_t i) { return (s->t[i].flags & (DY_TF_END | DY_TF_CLAUSE)) != 0; }

/* Is the mention at [i, e) only supposed? A speculative or negating word in its clause before
 * it, or right after it ("could become an alliance", "the possibility of an alliance"). */
static int supposed(const sent *s, uint32_t i, uint32_t e)
{
    static const char *const w[] = {"could", "may", "might", "would", "should", "possibility", "possible", "perception",
                                    "if", "whether", "not", "never", "no", "potential", "proposed", "planned", "future",
                                    "hypothetical", "expected", "become", "becoming", "towards", "toward", NULL};
    uint32_t a = i;
    while (a > s->t0 && !boundary(s, a - 1) && !(s->t[a - 1].flags & DY_TF_COMMA)) a--;
    for (uint32_t j = a; j < i; j++)
        for (int k = 0; w[k]; k++) if (!strcmp(W(s, j), w[k])) return 1;
    for (uint32_t j = e; j < e + 2 && j < s->t1; j++)
        if (is(s, j, "could") || is(s, j, "may") || is(s, j, "might")) return 1;
    return 0;
}

/* The relationship tier named at i: its index, *end set; -1 when none. */
static int32_t tier_at(const sent *s, uint32_t i, uint32_t *end)
{
    const dy_dict *d = s->f->dict;
    int32_t node = 0, best = -1;
    *end = i;
    for (uint32_t j = i; j < s->t1; j++) {
        if (s->t[j].flags & DY_TF_QUOTE) break;
        node = dy_dict_step(d, DY_TRIE_REL, node, s->t[j].id);
        if (node < 0) break;
        int32_t p = dy_dict_payload(d, DY_TRIE_REL, node);
        if (p >= 0) { best = p; *end = j + 1; }
    }
    return best;
}

/* The year a figure is for: the date expression nearest to token i, else 0. */
static int year_near(const sent *s, uint32_t i)
{
    int best = 0;
    uint32_t bd = UINT32_MAX;
    for (size_t k = 0; k < s->ndates; k++) {
        if (s->dates[k].date.prec == DY_PREC_NONE) continue;
        uint32_t d = s->dates[k].t0 >= i ? s->dates[k].t0 - i : i - s->dates[k].t1;
        if (d < bd) { bd = d; best = s->dates[k].date.y; }
    }
    return best;
}

/* The two parties of a relationship, treaty or trade named at [i, e): a pair joined before it
 * ("North Korea-Russia relations", "the South Korea-US alliance"), a "between" list after it,
 * "with X" next to it and another actor of the sentence, else the document's main pair. */
static int parties(const sent *s, uint32_t i, uint32_t e, const char *ta, const char *tb, char a[16], char b[16], int fallback)
{
    /* "between A and B" after */
    for (uint32_t j = e; j < e + 5 && j < s->t1 && !boundary(s, j); j++)
        if (is(s, j, "between") || is(s, j, "among")) {
            uint32_t k = j + 1;
            if (is(s, k, "the")) k++;
            int g = group_at(s, k);
            if (g >= 0 && pair_of(s, g, a, b)) return 1;
            break;
        }
    /* a pair just before: "North Korea-Russia (relations to a)" */
    for (uint32_t j = i, n = 0; j-- > s->t0 && n < 6 && !boundary(s, j); n++) {
        int g = group_at(s, j);
        if (g >= 0) {
            if (pair_of(s, s->g[g].comp, a, b)) return 1;
            break;
        }
    }
    /* "with X" next to it (the nearest), and an actor of the sentence that is no object of a
     * preposition, else the subject of the sentence before ("Russia uses ... With China, it is
     * a ..."), else the document's main pair */
    int with = -1;
    uint32_t wd = UINT32_MAX;
    for (uint32_t j = s->t0; j < s->t1; j++)
        if (is(s, j, "with")) {
            uint32_t k = j + 1;
            if (is(s, k, "the")) k++;
            int g = group_at(s, k);
            uint32_t d = j < i ? i - j : 100 + j - e;     /* "with China, it is a ..." before after */
            if (g >= 0 && country(s->g[g].code) && j + 8 >= i && j <= e + 3 && d < wd) { with = g; wd = d; }
        }
    if (with >= 0) {
        snprintf(a, 16, "%.3s", s->g[with].code);
        for (size_t k = 0; k < s->ng; k++)
            if ((int)k != with && country(s->g[k].code) && !s->g[s->g[k].comp].prep && strncmp(s->g[k].code, a, 3)) {
                snprintf(b, 16, "%.3s", s->g[k].code);
                return 1;
            }
        for (size_t k = 0; k < s->nprev; k++)
            if (country(s->prev[k].code) && !s->prev[s->prev[k].comp].prep && strncmp(s->prev[k].code, a, 3)) {
                snprintf(b, 16, "%.3s", s->prev[k].code);
                return 1;
            }
        if (ta && ta[0] && strncmp(ta, a, 3)) { snprintf(b, 16, "%.3s", ta); return 1; }
        return 0;
    }
    if (fallback && ta && tb && ta[0] && tb[0]) {
        snprintf(a, 16, "%.3s", ta);
        snprintf(b, 16, "%.3s", tb);
        return 1;
    }
    return 0;
}

static void sort_pair(char a[16], char b[16])
{
    if (strcmp(a, b) > 0) {
        char t[16];
        memcpy(t, a, 16);
        memcpy(a, b, 16);
        memcpy(b, t, 16);
    }
}

/* ---- numbers ---- */
static double word_number(const char *w)
{
    static const char *const n[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                    "eighteen", "nineteen", "twenty"};
    static const char *const tens[] = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i <= 20; i++) if (!strcmp(w, n[i])) return i;
    for (int i = 0; i < 7; i++) if (!strcmp(w, tens[i])) return 30 + 10 * i;
    if (!strcmp(w, "hundred")) return 100;
    return -1;
}

/* A number at token i ("28", "1.5", "15,000", "fifteen", "twenty five"): its value, *end set. */
static int number_at(const sent *s, uint32_t i, double *v, uint32_t *end)
{
    if (i >= s->t1) return 0;
    if (s->t[i].flags & DY_TF_NUM) {
        char buf[64];
        size_t n = 0;
        for (uint32_t b = s->t[i].start; b < s->t[i].end && n < sizeof buf - 1; b++)
            if (s->doc->text[b] != ',') buf[n++] = s->doc->text[b];
        buf[n] = 0;
        char *e;
        *v = strtod(buf, &e);
        *end = i + 1;
        return e != buf;
    }
    double w = word_number(W(s, i));
    if (w < 0) return 0;
    *v = w;
    *end = i + 1;
    double u = i + 1 < s->t1 ? word_number(W(s, i + 1)) : -1;
    if (w >= 20 && u > 0 && u < 10) { *v += u; *end = i + 2; }     /* twenty five */
    return 1;
}

static double scale_of(const char *w)
{
    if (!strcmp(w, "thousand")) return 1e3;
    if (!strcmp(w, "million") || !strcmp(w, "mn") || !strcmp(w, "m")) return 1e6;
    if (!strcmp(w, "billion") || !strcmp(w, "bn") || !strcmp(w, "b")) return 1e9;
    if (!strcmp(w, "trillion") || !strcmp(w, "tn")) return 1e12;
    return 0;
}

/* A sum of US dollars starting at i: "$28 million", "US$1.5bn", "15 billion dollars",
 * "fifteen billion US dollars". *end set. */
static int usd_at(const sent *s, uint32_t i, double *v, uint32_t *end)
{
    uint32_t j = i;
    int dollar = 0;
    if (is(s, j, "us") && j + 1 < s->t1 && s->doc->text[s->t[j + 1].start] == '$') j++;
    if (j < s->t1 && s->doc->text[s->t[j].start] == '$') { dollar = 1; j++; }
    double x;
    uint32_t e;
    if (!number_at(s, j, &x, &e)) return 0;
    /* "1.5bn": the scale may be glued to the number */
    const char *raw = W(s, j);
    size_t rl = strlen(raw);
    if (rl > 2 && !strcmp(raw + rl - 2, "bn")) x *= 1e9;
    else if (rl > 2 && !strcmp(raw + rl - 2, "mn")) x *= 1e6;
    else {
        double sc = e < s->t1 ? scale_of(W(s, e)) : 0;
        if (sc > 0) { x *= sc; e++; }
    }
    if (!dollar) {
        if (is(s, e, "us") || is(s, e, "u.s.")) e++;
        if (!is(s, e, "dollars") && !is(s, e, "dollar") && !is(s, e, "usd")) return 0;
        e++;
    }
    *v = x;
    *end = e;
    return 1;
}

/* A percentage at i: "96.7%", "96.7 percent", "96.7 per cent". */
static int percent_at(const sent *s, uint32_t i, double *v, uint32_t *end)
{
    double x;
    uint32_t e;
    if (!number_at(s, i, &x, &e)) return 0;
    if (e < s->t1 && s->doc->text[s->t[e].start] == '%') { *v = x; *end = e + 1; return 1; }
    if (is(s, e, "percent")) { *v = x; *end = e + 1; return 1; }
    if (is(s, e, "per") && is(s, e + 1, "cent")) { *v = x; *end = e + 2; return 1; }
    return 0;
}

/* ---- the kinds ---- */
typedef struct doc_state {
    int32_t last_tier;          /* the last tier named, for "this is a level above ..." */
    size_t last_treaty;         /* the last treaty fact, for "it obliges ..."; -1 none */
    size_t trade_first, trade_n;    /* the previous sentence's trade facts */
    char ta[16], tb[16];        /* the document's main pair */
} doc_state;

/* "A is a level above B", "B lies one step below A": the order of two tiers, written right
 * after the first one. */
static int order_after(sent *s, int32_t tier, uint32_t e)
{
    for (uint32_t j = e; j < s->t1 && j < e + 6; j++) {
        uint32_t e2;
        if (tier_at(s, j, &e2) >= 0) return 0;
        int above = is(s, j, "above") || (is(s, j, "higher") && is(s, j + 1, "than"));
        int below = is(s, j, "below") || (is(s, j, "lower") && is(s, j + 1, "than"));
        if (!above && !below) continue;
        for (uint32_t k = j + 1; k < s->t1 && k < j + 16; k++) {
            int32_t other = tier_at(s, k, &e2);
            if (other < 0 || other == tier) continue;
            dy_fact *x = push(s->f, DY_FACT_TIER_ORDER, s);
            if (!x) return -1;
            x->tier = above ? tier : other;
            x->tier2 = above ? other : tier;
            return 0;
        }
        return 0;
    }
    return 0;
}

/* "This is a level above ...", "That tier sits one step above ...": the sentence speaks of the
 * tier named before it. */
static int this_is(const sent *s)
{
    if (!(is(s, s->t0, "this") || is(s, s->t0, "it") || is(s, s->t0, "that"))) return 0;
    uint32_t e;
    for (uint32_t j = s->t0 + 1; j < s->t1; j++) {
        if (tier_at(s, j, &e) >= 0) return 0;
        if (is(s, j, "above") || is(s, j, "below") || is(s, j, "higher") || is(s, j, "lower")) return 1;
    }
    return 0;
}

static int partnerships(sent *s, doc_state *ds)
{
    for (uint32_t i = s->t0; i < s->t1; i++) {
        uint32_t e;
        int32_t tier = tier_at(s, i, &e);
        if (tier < 0) continue;
        if (!this_is(s) && order_after(s, tier, e)) return -1;
        char a[16], b[16];
        int treaty = is(s, e, "agreement") || is(s, e, "treaty") || is(s, e, "pact") || is(s, e, "accord");
        if (!supposed(s, i, e) && parties(s, i, e, ds->ta, ds->tb, a, b, treaty)) {
            sort_pair(a, b);
            dy_fact *x = push(s->f, DY_FACT_PARTNERSHIP, s);
            if (!x) return -1;
            x->tier = tier;
            x->year = year_near(s, i);
            add_actor(x, a, 1);
            add_actor(x, b, 1);
        }
        ds->last_tier = tier;
        i = e - 1;
    }
    return 0;
}

/* "This is a level above X, but one step below Y": the tier of the sentence before against each. */
static int tier_order_this(sent *s, int32_t prev)
{
    if (prev < 0 || !this_is(s)) return 0;
    uint32_t e;
    for (uint32_t j = s->t0; j < s->t1; j++) {
        int above = is(s, j, "above") || (is(s, j, "higher") && is(s, j + 1, "than"));
        int below = is(s, j, "below") || (is(s, j, "lower") && is(s, j + 1, "than"));
        if (!above && !below) continue;
        for (uint32_t k = j + 1; k < s->t1 && k < j + 16; k++) {
            int32_t other = tier_at(s, k, &e);
            if (other < 0) continue;
            if (other != prev) {
                dy_fact *x = push(s->f, DY_FACT_TIER_ORDER, s);
                if (!x) return -1;
                x->tier = above ? prev : other;
                x->tier2 = above ? other : prev;
            }
            break;
        }
    }
    return 0;
}

static uint32_t clauses_in(const sent *s)
{
    uint32_t c = 0;
    for (uint32_t i = s->t0; i < s->t1; i++) {
        if (is(s, i, "mutual") && (starts(s, i + 1, "assist") || starts(s, i + 1, "support") || starts(s, i + 1, "defen") || is(s, i + 1, "aid")))
            c |= DY_CLAUSE_MUTUAL_ASSISTANCE;
        if (is(s, i, "each") && is(s, i + 1, "other") && i + 5 < s->t1)
            for (uint32_t j = i + 2; j < i + 6; j++)
                if (starts(s, j, "defen") || is(s, j, "aid") || starts(s, j, "assist")) c |= DY_CLAUSE_MUTUAL_ASSISTANCE;
        if (starts(s, i, "assist"))
            for (uint32_t j = i + 1; j < i + 9 && j < s->t1; j++)
                if (starts(s, j, "aggression") || starts(s, j, "attack")) c |= DY_CLAUSE_MUTUAL_ASSISTANCE;
        if (is(s, i, "non") && starts(s, i + 1, "aggression")) c |= DY_CLAUSE_NON_AGGRESSION;
        if (is(s, i, "nonaggression")) c |= DY_CLAUSE_NON_AGGRESSION;
        if ((is(s, i, "military") || is(s, i, "technical")) && (is(s, i + 1, "cooperation") || is(s, i + 1, "co-operation") ||
                                                               (is(s, i + 1, "and") && is(s, i + 2, "technical") && is(s, i + 3, "cooperation"))))
            c |= DY_CLAUSE_MILITARY;
        if (is(s, i, "national") && starts(s, i + 1, "currenc")) c |= DY_CLAUSE_TRADE_SETTLEMENT;
        if (starts(s, i, "settle") && (is(s, i + 1, "trade") || starts(s, i + 2, "currenc") || starts(s, i + 3, "currenc")))
            c |= DY_CLAUSE_TRADE_SETTLEMENT;
    }
    return c;
}

static int treaties(sent *s, doc_state *ds)
{
    size_t found = s->f->n;
    for (uint32_t i = s->t0; i < s->t1; i++) {
        if (!(is(s, i, "treaty") || is(s, i, "agreement") || is(s, i, "pact") || is(s, i, "accord"))) continue;
        /* signed, concluded, ratified, adopted, in force: a treaty that exists */
        int done = 0;
        const dy_event *ev057 = NULL;
        for (size_t k = 0; k < s->nev; k++)
            if (!strncmp(s->ev[k].code, "057", 3)) { ev057 = &s->ev[k]; done = 1; }
        for (uint32_t j = s->t0; j < s->t1 && !done; j++)
            if (starts(s, j, "sign") || starts(s, j, "conclud") || starts(s, j, "ratif") || starts(s, j, "adopt") ||
                (is(s, j, "into") && is(s, j + 1, "force")) || starts(s, j, "includ") || is(s, j, "under"))
                done = 1;
        if (!done || supposed(s, i, i + 1)) continue;
        /* the name: "Treaty on Comprehensive Strategic Partnership", "mutual support agreement" */
        uint32_t a = i, b = i + 1;
        if (s->t[i].flags & DY_TF_CAP)
            while (b < s->t1 && ((s->t[b].flags & DY_TF_CAP) || ((is(s, b, "on") || is(s, b, "of") || is(s, b, "and")) && b + 1 < s->t1 && (s->t[b + 1].flags & DY_TF_CAP)))) b++;
        while (a > s->t0 && a > i - 5 && (s->t[a - 1].flags & DY_TF_WORD) && group_at(s, a - 1) < 0 &&
               !(dy_dict_wclass(s->f->dict, s->t[a - 1].id) & (DY_WC_DET | DY_WC_PREP)) && !starts(s, a - 1, "sign") &&
               !is(s, a - 1, "new") && !is(s, a - 1, "and"))
            a--;
        /* a bare "the treaty" is a treaty only where the sentence signs it */
        if (a == i && b == i + 1 && !ev057) continue;
        dy_fact *x = push(s->f, DY_FACT_TREATY, s);
        if (!x) return -1;
        size_t nl = s->t[b - 1].end - s->t[a].start;
        if (nl >= sizeof x->name) nl = sizeof x->name - 1;
        memcpy(x->name, s->doc->text + s->t[a].start, nl);
        x->name[nl] = 0;
        for (char *p = x->name; *p; p++) if (*p == '\n' || *p == '"') *p = ' ';
        char pa[16], pb[16];
        if (ev057) {
            snprintf(pa, 16, "%.3s", ev057->source);
            snprintf(pb, 16, "%.3s", ev057->target);
            x->date = ev057->date;
        } else {
            if (!parties(s, a, b, ds->ta, ds->tb, pa, pb, 1)) { s->f->n--; continue; }
            /* signed when? only a date the sentence gives; else unknown, never the page's date */
            x->date.prec = DY_PREC_NONE;
            for (size_t k = 0; k < s->ndates; k++) if (s->dates[k].date.prec != DY_PREC_NONE) { x->date = s->dates[k].date; break; }
        }
        if (!country(pa) || !country(pb) || !strcmp(pa, pb)) { s->f->n--; continue; }
        sort_pair(pa, pb);
        add_actor(x, pa, 1);
        add_actor(x, pb, 1);
        x->year = x->date.prec != DY_PREC_NONE ? x->date.y : 0;
        x->clauses = clauses_in(s);
        ds->last_treaty = s->f->n - 1;
        i = b - 1;
    }
    /* "It obliges each side to provide military assistance ...": the clauses of the treaty
     * named in the sentence before */
    if (s->f->n == found && ds->last_treaty != (size_t)-1 && s->idx == s->f->v[ds->last_treaty].sent + 1 &&
        (is(s, s->t0, "it") || ((is(s, s->t0, "the") || is(s, s->t0, "this")) &&
                                (is(s, s->t0 + 1, "treaty") || is(s, s->t0 + 1, "agreement") || is(s, s->t0 + 1, "pact") || is(s, s->t0 + 1, "document")))))
        s->f->v[ds->last_treaty].clauses |= clauses_in(s);
    return 0;
}

static int trade(sent *s)
{
    for (uint32_t i = s->t0; i < s->t1; i++) {
        if (!is(s, i, "trade") && !(is(s, i, "turnover"))) continue;
        if (is(s, i + 1, "war") || is(s, i + 1, "deal") || is(s, i + 1, "talks") || is(s, i + 1, "ministry")) continue;
        char a[16], b[16];
        uint32_t e = i + 1;
        if (is(s, e, "volume") || is(s, e, "volumes") || is(s, e, "turnover")) e++;
        int who = 0;
        /* "A-B trade", "trade between A and B", "A's trade with B" */
        for (uint32_t j = e; j < e + 3 && j < s->t1 && !who; j++)
            if (is(s, j, "between")) {
                uint32_t k = j + 1;
                if (is(s, k, "the")) k++;
                int g = group_at(s, k);
                if (g >= 0 && pair_of(s, g, a, b)) who = 1;
            }
        for (uint32_t j = i, n = 0; !who && j-- > s->t0 && n < 3; n++) {
            if (s->t[j].flags & DY_TF_POSS) continue;
            int g = group_at(s, j);
            if (g < 0) { if (!is(s, j, "bilateral") && !is(s, j, "total") && !is(s, j, "the")) break; continue; }
            if (pair_of(s, s->g[g].comp, a, b)) who = 1;
            else if (country(s->g[g].code) && is(s, e, "with")) {
                int h = group_at(s, e + 1);
                if (h >= 0 && country(s->g[h].code)) {
                    snprintf(a, 16, "%.3s", s->g[g].code);
                    snprintf(b, 16, "%.3s", s->g[h].code);
                    who = strcmp(a, b) != 0;
                }
            }
            break;
        }
        if (!who) continue;
        /* the sum, in this clause, before the next "trade" */
        for (uint32_t j = e; j < s->t1; j++) {
            if (is(s, j, "trade") || boundary(s, j) || is(s, j, "times")) break;
            if ((s->t[j].flags & DY_TF_COMMA) && (is(s, j + 1, "whereas") || is(s, j + 1, "while") || is(s, j + 1, "but"))) break;
            double v, v2;
            uint32_t end, end2;
            if (!usd_at(s, j, &v, &end)) continue;
            if (is(s, end, "times") || (number_at(s, end, &v2, &end2) && is(s, end2, "times"))) break;
            dy_fact *x = push(s->f, DY_FACT_TRADE, s);
            if (!x) return -1;
            sort_pair(a, b);
            add_actor(x, a, 1);
            add_actor(x, b, 1);
            x->value = x->value_max = v;
            /* a range: "between $1 billion and $2 billion", "$1 billion to $2 billion" */
            if ((is(s, end, "and") || is(s, end, "to")) && usd_at(s, end + 1, &v2, &end2) && v2 > v) { x->value_max = v2; end = end2; }
            x->year = year_near(s, i);
            j = end;
            break;
        }
    }
    return 0;
}

static int shares(sent *s)
{
    for (uint32_t i = s->t0; i + 2 < s->t1; i++) {
        /* "A's share of B's (total) trade ... N%" and "A accounts for N% of B's trade" */
        int whose = -1, partner = -1;
        uint32_t from = i;
        if (is(s, i, "share") && is(s, i + 1, "of")) {
            uint32_t p = i;
            if (p > s->t0 && (s->t[p - 1].flags & DY_TF_POSS)) p--;
            partner = p > s->t0 ? group_at(s, p - 1) : -1;
            uint32_t k = i + 2;
            if (is(s, k, "the")) k++;
            whose = group_at(s, k);
            from = i + 2;
        } else if (starts(s, i, "account") && is(s, i + 1, "for")) {
            partner = -1;
            for (int k = (int)s->ng - 1; k >= 0; k--) if (s->g[k].t1 <= i) { partner = k; break; }
            for (uint32_t j = i + 2; j < s->t1 && j < i + 8; j++)
                if (is(s, j, "of")) { uint32_t k = j + 1; if (is(s, k, "the")) k++; whose = group_at(s, k); break; }
        } else continue;
        if (whose < 0 || partner < 0 || !country(s->g[whose].code) || !country(s->g[partner].code)) continue;
        int tr = 0;
        for (uint32_t j = from; j < s->t1 && j < from + 8; j++) if (is(s, j, "trade") || is(s, j, "imports") || is(s, j, "exports")) tr = 1;
        if (!tr) continue;
        for (uint32_t j = from; j < s->t1 && !boundary(s, j); j++) {
            double v;
            uint32_t end;
            if (!percent_at(s, j, &v, &end)) continue;
            dy_fact *x = push(s->f, DY_FACT_TRADE_SHARE, s);
            if (!x) return -1;
            add_actor(x, s->g[whose].code, 1);
            add_actor(x, s->g[partner].code, 1);
            x->value = x->value_max = v;
            x->year = year_near(s, j);
            break;
        }
    }
    return 0;
}

static int ratios(sent *s, size_t trade_first, size_t trade_n)
{
    for (uint32_t i = s->t0 + 1; i < s->t1; i++) {
        if (!is(s, i, "times") || is(s, i - 1, "at") || is(s, i - 1, "several") || is(s, i - 1, "many")) continue;
        double v;
        uint32_t e;
        uint32_t n0 = i - 1;
        if (n0 > s->t0 && word_number(W(s, n0)) > 0 && word_number(W(s, n0 - 1)) >= 20) n0--;
        if (!number_at(s, n0, &v, &e) || e != i || v <= 1) continue;
        char p[2][2][16];
        int np = 0, year = 0;
        /* pairs in this sentence: "trade between A and B ... 500 times that between C and D" */
        for (size_t k = 0; k < s->ng && np < 2; k++) {
            if (s->g[k].comp != (int16_t)k) continue;
            if (pair_of(s, (int)k, p[np][0], p[np][1])) np++;
        }
        if (np < 2 && trade_n >= 2) {
            const dy_fact *tf = s->f->v + trade_first;
            /* "The difference in scale alone is about 530 times": the figures just given */
            int big = tf[0].value >= tf[1].value ? 0 : 1;
            memcpy(p[0][0], tf[big].actors[0], 16);
            memcpy(p[0][1], tf[big].actors[1], 16);
            memcpy(p[1][0], tf[!big].actors[0], 16);
            memcpy(p[1][1], tf[!big].actors[1], 16);
            np = 2;
            year = tf[0].year;
        } else if (np == 2) {
            int tr = 0;
            for (uint32_t j = s->t0; j < s->t1; j++) if (is(s, j, "trade") || is(s, j, "volume") || is(s, j, "exports")) tr = 1;
            if (!tr) np = 0;
            for (int q = 0; q < 2; q++) sort_pair(p[q][0], p[q][1]);
        }
        if (np < 2) continue;
        dy_fact *x = push(s->f, DY_FACT_RATIO, s);
        if (!x) return -1;
        for (int q = 0; q < 2; q++) { add_actor(x, p[q][0], 1); add_actor(x, p[q][1], 1); }
        x->value = x->value_max = v;
        x->year = year_near(s, i);
        if (!x->year) x->year = year;
    }
    return 0;
}

static int milestones(sent *s)
{
    for (uint32_t i = s->t0; i < s->t1; i++) {
        if (!is(s, i, "first")) continue;
        for (uint32_t j = i + 1; j < s->t1 && j < i + 8 && !boundary(s, j); j++) {
            double v;
            uint32_t e;
            int gap = 0;
            if ((is(s, j, "in") || is(s, j, "for")) && number_at(s, j + 1, &v, &e) && v > 0 && v < 1000 &&
                (is(s, e, "years") || is(s, e, "decades"))) {
                gap = (int)v * (is(s, e, "decades") ? 10 : 1);
            } else if (is(s, j, "since") && number_at(s, j + 1, &v, &e) && v > 1900 && v < 2100 && s->date.prec != DY_PREC_NONE) {
                gap = s->date.y - (int)v;
            } else continue;
            if (gap <= 0) break;
            /* what is first: the sentence's event, else a pair it names; a milestone of nobody
             * (a headline "First Visit in 24 Years") is left out */
            char a[16] = "", b[16] = "";
            for (size_t k = 0; k < s->ng && !s->nev && !a[0]; k++)
                if (s->g[k].comp == (int16_t)k && !pair_of(s, (int)k, a, b)) a[0] = 0;
            if (!s->nev && !a[0]) break;
            dy_fact *x = push(s->f, DY_FACT_MILESTONE, s);
            if (!x) return -1;
            x->gap_years = gap;
            if (s->nev) {
                const dy_event *ev = &s->ev[0];
                snprintf(x->code, sizeof x->code, "%s", ev->code);
                add_actor(x, ev->source, 0);
                add_actor(x, ev->target, 0);
                x->date = ev->date;
            } else {
                sort_pair(a, b);
                add_actor(x, a, 1);
                add_actor(x, b, 1);
            }
            x->year = x->date.prec != DY_PREC_NONE ? x->date.y : 0;
            break;
        }
    }
    return 0;
}

static int standing(sent *s)
{
    for (size_t k = 0; k < s->nev; k++) {
        const dy_event *ev = &s->ev[k];
        int kind = !strcmp(ev->code, "163") || !strcmp(ev->code, "1312") ? DY_FACT_SANCTION : !strcmp(ev->code, "129") ? DY_FACT_VETO : 0;
        if (!kind || ev->mood) continue;
        dy_fact *x = push(s->f, kind, s);
        if (!x) return -1;
        add_actor(x, ev->source, 0);
        add_actor(x, ev->target, 0);
        snprintf(x->code, sizeof x->code, "%s", ev->code);
        x->date = ev->date;
        x->year = ev->date.prec != DY_PREC_NONE ? ev->date.y : 0;
    }
    return 0;
}

int dy_facts_extract(dy_facts *f, const dy_coder *coder, const dy_doc *doc, dy_err *err)
{
    f->n = 0;
    size_t ns, nev;
    const dy_sent *sents = dy_coder_sents(coder, &ns);
    const dy_event *ev = dy_coder_events(coder, &nev);
    doc_state ds = {-1, (size_t)-1, 0, 0, "", ""};
    dy_coder_topic(coder, ds.ta, ds.tb);
    size_t e0 = 0;
    for (size_t k = 0; k < ns; k++) {
        sent s = {0};
        s.f = f;
        s.doc = doc;
        s.t = dy_coder_toks(coder);
        s.norm = dy_coder_norm(coder);
        s.t0 = sents[k].tok0;
        s.t1 = sents[k].tok0 + sents[k].ntok;
        s.idx = (uint32_t)k;
        s.g = dy_coder_sent_actors(coder, k, &s.ng);
        if (k) s.prev = dy_coder_sent_actors(coder, k - 1, &s.nprev);
        s.ndates = dy_dates_find(doc->text, s.t + s.t0, s.t1 - s.t0, s.norm, doc->pub, s.dates, MAX_DATES);
        for (size_t d = 0; d < s.ndates; d++) { s.dates[d].t0 += s.t0; s.dates[d].t1 += s.t0; }
        s.date = doc->pub;
        for (size_t d = 0; d < s.ndates; d++) if (s.dates[d].date.prec != DY_PREC_NONE) { s.date = s.dates[d].date; break; }
        while (e0 < nev && ev[e0].sent < k) e0++;
        s.ev = ev ? ev + e0 : NULL;
        while (e0 + s.nev < nev && ev[e0 + s.nev].sent == k) s.nev++;
        if (tier_order_this(&s, ds.last_tier) || partnerships(&s, &ds) || treaties(&s, &ds)) goto oom;
        /* a ratio compares the figures of its own sentence, else those of the sentence before */
        size_t tf = f->n;
        if (trade(&s)) goto oom;
        size_t tn = f->n - tf;
        if (ratios(&s, tn >= 2 ? tf : ds.trade_first, tn >= 2 ? tn : ds.trade_n) || shares(&s) || milestones(&s) || standing(&s))
            goto oom;
        ds.trade_first = tf;
        ds.trade_n = tn;
    }
    return 0;
oom:
    dy_err_set(err, DY_ENOMEM, "out of memory");
    return -1;
}

/* ---- reconciliation ---- */
typedef struct rval {
    char *doc, *text;
    uint32_t sent;
    char value[160];
    double num;
    int numeric;
} rval;

typedef struct subject {
    uint8_t kind;
    char key[96];           /* actors (and tiers for tier_order), for grouping */
    char actors[4][16];
    uint8_t nactors;
    int year;
    rval *v;
    size_t n, cap;
} subject;

struct dy_recon {
    const dy_dict *dict;
    subject *s;
    size_t n, cap;
};

dy_recon *dy_recon_create(const dy_dict *dict)
{
    dy_recon *r = calloc(1, sizeof *r);
    if (r) r->dict = dict;
    return r;
}

void dy_recon_destroy(dy_recon **rp)
{
    if (!rp || !*rp) return;
    dy_recon *r = *rp;
    for (size_t i = 0; i < r->n; i++) {
        for (size_t j = 0; j < r->s[i].n; j++) { free(r->s[i].v[j].doc); free(r->s[i].v[j].text); }
        free(r->s[i].v);
    }
    free(r->s);
    free(r);
    *rp = NULL;
}

static const char *tier_name(const dy_dict *d, int32_t t)
{
    const dy_tier *x = dy_dict_tier(d, t);
    return x ? x->name : "";
}

static char *dup_folded(const char *s, size_t n)
{
    char *o = malloc(n + 1);
    if (!o) return NULL;
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') { sp = 1; continue; }
        if (sp && k) o[k++] = ' ';
        sp = 0;
        o[k++] = c;
    }
    o[k] = 0;
    return o;
}

int dy_recon_add(dy_recon *r, const dy_doc *doc, const dy_sent *sents, const dy_fact *facts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const dy_fact *f = &facts[i];
        char key[96] = "";
        int year = f->year;
        if (f->kind == DY_FACT_TIER_ORDER) {
            const char *a = tier_name(r->dict, f->tier), *b = tier_name(r->dict, f->tier2);
            snprintf(key, sizeof key, "%.45s|%.45s", strcmp(a, b) < 0 ? a : b, strcmp(a, b) < 0 ? b : a);
            year = 0;
        } else {
            for (int k = 0; k < f->nactors; k++) { strncat(key, f->actors[k], sizeof key - strlen(key) - 2); strcat(key, ","); }
            if (f->kind == DY_FACT_PARTNERSHIP) year = 0;
            if (f->kind == DY_FACT_MILESTONE) { strncat(key, f->code, sizeof key - strlen(key) - 1); year = 0; }
        }
        subject *s = NULL;
        for (size_t k = 0; k < r->n && !s; k++)
            if (r->s[k].kind == f->kind && r->s[k].year == year && !strcmp(r->s[k].key, key)) s = &r->s[k];
        if (!s) {
            if (r->n == r->cap) {
                size_t cap = r->cap ? r->cap * 2 : 32;
                subject *v = realloc(r->s, cap * sizeof *v);
                if (!v) return -1;
                r->s = v;
                r->cap = cap;
            }
            s = &r->s[r->n++];
            memset(s, 0, sizeof *s);
            s->kind = f->kind;
            snprintf(s->key, sizeof s->key, "%s", key);
            memcpy(s->actors, f->actors, sizeof s->actors);
            s->nactors = f->nactors;
            s->year = year;
        }
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 4;
            rval *v = realloc(s->v, cap * sizeof *v);
            if (!v) return -1;
            s->v = v;
            s->cap = cap;
        }
        rval *v = &s->v[s->n];
        memset(v, 0, sizeof *v);
        const dy_sent *st = &sents[f->sent];
        v->doc = strdup(doc->id);
        v->text = dup_folded(doc->text + st->start, st->end - st->start);
        if (!v->doc || !v->text) { free(v->doc); free(v->text); return -1; }
        v->sent = st->no;
        char d[16];
        switch (f->kind) {
        case DY_FACT_PARTNERSHIP: snprintf(v->value, sizeof v->value, "%s", tier_name(r->dict, f->tier)); break;
        case DY_FACT_TIER_ORDER: snprintf(v->value, sizeof v->value, "%.75s > %.75s", tier_name(r->dict, f->tier), tier_name(r->dict, f->tier2)); break;
        case DY_FACT_TREATY: dy_date_format(f->date, d); snprintf(v->value, sizeof v->value, "%s", d); break;
        case DY_FACT_SANCTION: case DY_FACT_VETO: snprintf(v->value, sizeof v->value, "%s", f->code); break;
        case DY_FACT_MILESTONE: v->num = f->gap_years; v->numeric = 1; break;
        default: v->num = f->value; v->numeric = 1; break;
        }
        s->n++;
    }
    return 0;
}

/* Two figures differ beyond rounding when they differ at two significant digits. */
static double sig2(double x)
{
    if (x == 0) return 0;
    double m = pow(10, floor(log10(fabs(x))) - 1);
    return round(x / m) * m;
}

int dy_recon_write(const dy_recon *r, dy_buf *b)
{
    int e = 0;
    for (size_t i = 0; i < r->n; i++) {
        const subject *s = &r->s[i];
        e |= dy_buf_adds(b, "{\"kind\":\"") | dy_buf_adds(b, dy_fact_kind_name(s->kind)) | dy_buf_adds(b, "\",\"actors\":[");
        for (int k = 0; k < s->nactors; k++) e |= dy_buf_printf(b, "%s\"%s\"", k ? "," : "", s->actors[k]);
        e |= dy_buf_adds(b, "],\"year\":");
        e |= s->year ? dy_buf_printf(b, "%d", s->year) : dy_buf_adds(b, "null");
        e |= dy_buf_adds(b, ",\"values\":[");
        int conflict = 0, known = -1;
        for (size_t k = 0; k < s->n; k++) {
            const rval *v = &s->v[k];
            e |= dy_buf_adds(b, k ? ",{\"value\":" : "{\"value\":");
            if (v->numeric) e |= dy_buf_printf(b, "%.15g", v->num);
            else e |= dy_out_json_string(b, v->value, strlen(v->value));
            e |= dy_buf_adds(b, ",\"doc\":") | dy_out_json_string(b, v->doc, strlen(v->doc));
            e |= dy_buf_printf(b, ",\"sent\":%u,\"text\":", (unsigned)v->sent);
            e |= dy_out_json_string(b, v->text, strlen(v->text)) | dy_buf_addc(b, '}');
            /* an unknown value (a treaty whose date the sentence does not give) disagrees with nobody */
            if (!v->numeric && !v->value[0]) continue;
            if (known < 0) known = (int)k;
            else if (v->numeric ? sig2(v->num) != sig2(s->v[known].num) : strcmp(v->value, s->v[known].value) != 0) conflict = 1;
        }
        e |= dy_buf_printf(b, "],\"conflict\":%s}\n", conflict ? "true" : "false");
    }
    return e ? -1 : 0;
}
