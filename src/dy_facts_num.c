/* dy_facts_num.c - the facts with figures: trade in a currency (digits or words, ranges), trade
 * shares, "N times" ratios, milestones ("the first visit in 24 years"), and the facts the coder's
 * events carry (sanctions, vetoes). */
#include "dy_facts_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W dyf_w
#define is dyf_is
#define boundary dyf_boundary
#define group_at dyf_group_at

/* ---- numbers ---- */
/* The number words and scales are dict/numbers.txt's. */
double dyf_word_number(const dyf_sent *s, const char *w)
{
    return dy_dict_number(s->f->dict, DY_NUM_WORD, w, strlen(w));
}

/* A number at token i ("28", "1.5", "15,000", "fifteen", "twenty five", "two hundred"): its value, *end set. */
int dyf_number_at(const dyf_sent *s, uint32_t i, double *v, uint32_t *end)
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
    double w = dyf_word_number(s, W(s, i));
    if (w < 0) return 0;
    *v = w;
    *end = i + 1;
    double u = i + 1 < s->t1 ? dyf_word_number(s, W(s, i + 1)) : -1;
    if (w >= 20 && u > 0 && u < 10) { *v += u; *end = i + 2; }     /* twenty five */
    else if (w > 0 && w < 10 && u == 100) { *v = w * 100; *end = i + 2; }   /* two hundred */
    return 1;
}
#define number_at dyf_number_at

static double scale_of(const dyf_sent *s, const char *w)
{
    double v = dy_dict_number(s->f->dict, DY_NUM_SCALE, w, strlen(w));
    return v > 0 ? v : 0;
}

/* A number with its scale at i ("1.5bn", "28 million", "five billion"): 0 when none. *scaled set
 * when a scale was written. */
static int scaled_at(const dyf_sent *s, uint32_t i, double *v, uint32_t *end, int *scaled)
{
    uint32_t e;
    if (!number_at(s, i, v, &e)) return 0;
    const char *raw = W(s, i);
    size_t rl = strlen(raw);
    *scaled = 1;
    if (rl > 2 && !strcmp(raw + rl - 2, "bn")) *v *= 1e9;
    else if (rl > 2 && !strcmp(raw + rl - 2, "mn")) *v *= 1e6;
    else if (rl > 2 && !strcmp(raw + rl - 2, "tn")) *v *= 1e12;
    else {
        double sc = e < s->t1 ? scale_of(s, W(s, e)) : 0;
        if (sc > 0) { *v *= sc; e++; }
        else *scaled = 0;
    }
    *end = e;
    return 1;
}

/* A sum of money at i: "$28 million", "US$1.5bn", "A$24 billion", "15 billion dollars", "fifteen
 * billion US dollars", "1.5 billion euros", "$8-9 billion", "$10 billion to $11 billion". The
 * currency from dict/facts.txt. *v2 is the top of a range (else *v). */
static int money_at(const dyf_sent *s, uint32_t i, double *v, double *v2, uint32_t *end, char cur[4])
{
    uint32_t j = i, e;
    char code[4] = "";
    cur[0] = 0;
    if (dyf_fw(s, i, &e, code) & DY_FW_CURRENCY) {
        double x;
        uint32_t e2;
        if (!number_at(s, e, &x, &e2)) return 0;
        memcpy(cur, code, 4);
        j = e;
    }
    int scaled, scaled2;
    double x, y;
    if (!scaled_at(s, j, &x, &e, &scaled)) return 0;
    y = x;
    /* "$8-9 billion", "8 to 9 billion dollars": one scale for both */
    uint32_t e2;
    if (!scaled && (is(s, e, "-") || is(s, e, "to")) && scaled_at(s, e + 1, &y, &e2, &scaled2) && scaled2) {
        double sc = y;
        number_at(s, e + 1, &y, &e);
        sc = sc / y;
        x *= sc;
        y *= sc;
        e = e2;
    }
    if (!cur[0]) {
        if (!(dyf_fw(s, e, &e2, code) & DY_FW_CURRENCY)) return 0;
        memcpy(cur, code, 4);
        e = e2;
    }
    /* "between $10 billion and $11 billion", "$1 billion to $1.5 billion" */
    double z, z2;
    char c2[4];
    if ((is(s, e, "and") || is(s, e, "to") || is(s, e, "-")) && money_at(s, e + 1, &z, &z2, &e2, c2) && !strcmp(c2, cur) && z > x) {
        y = z;
        e = e2;
    }
    *v = x;
    *v2 = y > x ? y : x;
    *end = e;
    return 1;
}

/* A percentage at i: "96.7%", "96.7 percent", "96.7 per cent"; with fractions, "a fifth", "a quarter". */
static int percent_at(const dyf_sent *s, uint32_t i, double *v, uint32_t *end, int fractions)
{
    double x;
    uint32_t e;
    if (fractions) {
        /* numbers.txt's fractions: "a fifth" (fraction), "two thirds" (fractions), as percentages */
        const dy_dict *d = s->f->dict;
        uint32_t k = i + (is(s, i, "a") || is(s, i, "one"));
        double pc = k < s->t1 ? dy_dict_number(d, DY_NUM_FRACTION, W(s, k), strlen(W(s, k))) : -1;
        if (pc >= 0) { *v = pc; *end = k + 1; return 1; }
        /* "two thirds", "three-quarters" (one token or three) */
        const char *w = W(s, i), *h = strchr(w, '-');
        char num[16];
        snprintf(num, sizeof num, "%.*s", h ? (int)(h - w) : (int)strlen(w), w);
        double n = dyf_word_number(s, num);
        uint32_t fk = h && h[1] ? i : i + 1 + is(s, i + 1, "-");
        const char *fw = h && h[1] ? h + 1 : W(s, fk);
        double pcs = n >= 2 && n < 10 ? dy_dict_number(d, DY_NUM_FRACTIONS, fw, strlen(fw)) : -1;
        if (pcs >= 0 && n * pcs <= 100) { *v = n * pcs; *end = fk + 1; return 1; }
    }
    if (!number_at(s, i, &x, &e)) return 0;
    if (e < s->t1 && s->doc->text[s->t[e].start] == '%') { *v = x; *end = e + 1; return 1; }
    if (is(s, e, "percent")) { *v = x; *end = e + 1; return 1; }
    if (is(s, e, "per") && is(s, e + 1, "cent")) { *v = x; *end = e + 2; return 1; }
    return 0;
}


/* ---- trade ---- */
/* The pair of the trade words at [i, e): "A-B trade", "trade between A and B", "A's trade with
 * B", "US trade with China", "its trade with B" (its: *its). */
static int trade_pair(const dyf_sent *s, uint32_t i, uint32_t e, const char *its, char a[16], char b[16])
{
    for (uint32_t j = e; j < e + 3 && j < s->t1; j++)
        if (is(s, j, "between")) {
            uint32_t k = j + 1;
            if (is(s, k, "the")) k++;
            int g = group_at(s, k);
            if (g >= 0 && dyf_pair_of(s, g, a, b)) return 1;
            /* "between the two neighbours": the story's pair */
            if (is(s, k, "two")) k++;
            if (g < 0 && dyf_fw_is(s, k, DY_FW_PAIR_NOUN, NULL) && s->ta[0] && s->tb[0]) {
                dyf_code3(a, s->ta);
                dyf_code3(b, s->tb);
                return 1;
            }
        }
    uint32_t w = e;
    if (is(s, w, "with")) w++;
    if (is(s, w, "the")) w++;
    int h = w > e ? group_at(s, w) : -1;
    if (h >= 0 && !dyf_party(s->g[h].code)) h = -1;
    for (uint32_t j = i, n = 0; j-- > s->t0 && n < 4; n++) {
        if ((s->t[j].flags & DY_TF_POSS) || is(s, j, "'")) continue;
        if ((is(s, j, "its") || is(s, j, "their")) && its && its[0] && h >= 0) {
            memcpy(a, its, 16);
            dyf_code3(b, s->g[h].code);
            return strcmp(a, b) != 0;
        }
        int g = group_at(s, j);
        if (g < 0) {
            if (!is(s, j, "bilateral") && !is(s, j, "total") && !is(s, j, "the") && !is(s, j, "annual")) break;
            continue;
        }
        if (dyf_pair_of(s, s->g[g].comp, a, b)) return 1;
        if (dyf_party(s->g[g].code) && h >= 0) {
            dyf_code3(a, s->g[g].code);
            dyf_code3(b, s->g[h].code);
            return strcmp(a, b) != 0;
        }
        break;
    }
    return 0;
}

/* "bilateral trade" without its parties: the sentence's two, else the story's pair */
static int bilateral_pair(const dyf_sent *s, uint32_t i, uint32_t e, char a[16], char b[16])
{
    int bil = i > s->t0 && is(s, i - 1, "bilateral");
    for (uint32_t j = i; j < e; j++) bil |= is(s, j, "bilateral") || is(s, j, "way");
    /* "China was Germany's largest trading partner ..., with trade worth ...": the partners' */
    for (uint32_t j = s->t0, q; j < s->t1 && !bil; j++)
        if (dyf_fw_is(s, j, DY_FW_NOT_TRADE, &q)) bil = is(s, q - 1, "partner") || is(s, q - 1, "partners");
    if (!bil) return 0;
    int n = 0;
    for (size_t k = 0; k < s->ng && n < 3; k++) {
        if (!dyf_party(s->g[k].code) || s->g[k].locative) continue;
        char c[16];
        dyf_code3(c, s->g[k].code);
        if (n == 0) { memcpy(a, c, 16); n = 1; }
        else if (n == 1 && strcmp(a, c)) { memcpy(b, c, 16); n = 2; }
        else if (n == 2 && strcmp(a, c) && strcmp(b, c)) n = 3;
    }
    if (n == 2) return 1;
    if (n < 2 && s->ta[0] && s->tb[0] && (n == 0 || !strncmp(a, s->ta, 3) || !strncmp(a, s->tb, 3))) {
        dyf_code3(a, s->ta);
        dyf_code3(b, s->tb);
        return 1;
    }
    return 0;
}

/* A figure for a year after the article's, or "by 2030": a target. */
static int future(const dyf_sent *s, uint32_t fig, int year)
{
    if (year && s->doc->pub.prec != DY_PREC_NONE && year > s->doc->pub.y) return 1;
    for (size_t k = 0; k < s->ndates; k++)
        if (s->dates[k].t0 > fig && s->dates[k].t0 < fig + 8 && is(s, s->dates[k].t0 - 1, "by")) return 1;
    return 0;
}

static int year_before(const dyf_sent *s, uint32_t j)
{
    return (is(s, j, "a") || is(s, j, "the") || is(s, j, "one")) &&
           ((is(s, j + 1, "year") && (is(s, j + 2, "earlier") || is(s, j + 2, "before") || is(s, j + 2, "ago"))) ||
            (is(s, j + 1, "previous") && is(s, j + 2, "year")));
}

static int push_trade(dyf_sent *s, const char *a, const char *b, double v, double v2, const char cur[4], int year, int mood)
{
    int oom = 0;
    dy_fact *x = dyf_push(s->f, DY_FACT_TRADE, s, mood, &oom);
    if (oom) return -1;
    if (x) {
        dyf_add_actor(x, a, 1);
        dyf_add_actor(x, b, 1);
        x->value = v;
        x->value_max = v2;
        memcpy(x->currency, cur, 4);
        x->year = year;
    }
    return 0;
}

/* The figure before the trade words at [i, e): "Vietnam and Australia recorded $24 billion in
 * two-way trade in 2023", "did 30 billion euros of trade". The pair: the trade words' own (a, b;
 * NULL when none), else the coordination that is the clause's subject. 0, or -1 when out of memory. */
static int trade_before(dyf_sent *s, uint32_t i, uint32_t e, const char *pa, const char *pb)
{
    if (i < s->t0 + 3 || !(is(s, i - 1, "in") || is(s, i - 1, "of"))) return 0;
    /* the trade words end their noun phrase ("in trade last year", not "in trade corridors") */
    if (e < s->t1 && !boundary(s, e) && !(s->t[e].flags & (DY_TF_COMMA | DY_TF_NUM | DY_TF_PUNCT)) && !is(s, e, "last") && !is(s, e, "this") &&
        !(dy_dict_wclass(s->f->dict, s->t[e].id) & (DY_WC_PREP | DY_WC_DET)))
        return 0;
    uint32_t cs = dyf_clause_start(s, i - 1);
    for (uint32_t j = i - 2 > cs + 8 ? i - 10 : cs; j + 1 < i; j++) {
        double v, v2;
        uint32_t end;
        char cur[4], a[16], b[16];
        if (!money_at(s, j, &v, &v2, &end, cur) || end != i - 1) continue;
        if (pa && pb) { memcpy(a, pa, 16); memcpy(b, pb, 16); }
        else {
            int got = 0;
            for (size_t k = 0; k < s->ng && s->g[k].t1 <= j && !got; k++)
                got = s->g[k].comp == (int16_t)k && s->g[k].t0 >= cs && !s->g[k].prep && dyf_pair_of(s, (int)k, a, b);
            if (!got) return 0;
            dyf_sort_pair(a, b);
        }
        int year = dyf_year_near(s, j);
        int mood = dyf_mood(s, cs, e + 2 < s->t1 ? e + 2 : s->t1);
        if (!mood && future(s, j, year)) mood = DY_MOOD_INTENT;
        return push_trade(s, a, b, v, v2, cur, year, mood);
    }
    return 0;
}

int dyf_trade(dyf_sent *s)
{
    for (uint32_t i = s->t0; i < s->t1; i++) {
        uint32_t e;
        uint32_t c = dyf_fw(s, i, &e, NULL);
        if (!(c & DY_FW_TRADE) || (c & DY_FW_NOT_TRADE)) { if (c & DY_FW_NOT_TRADE) i = e - 1; continue; }
        char a[16], b[16];
        /* "Officials set a target of $10 billion in bilateral trade by 2027": the story's, shown
         * with its mood by --moods all */
        int story = 0;
        if (!trade_pair(s, i, e, NULL, a, b) && !bilateral_pair(s, i, e, a, b) &&
            !(story = dyf_story_pair_for(s, dyf_mood(s, s->t0, s->t1), a, b))) {
            if (trade_before(s, i, e, NULL, NULL)) return -1;
            i = e - 1;
            continue;
        }
        dyf_sort_pair(a, b);
        /* the sums in this clause, before the next trade words: the first, and one it is "up
         * from" or "down from" */
        int first_year = 0, n = 0;
        uint32_t ms = dyf_clause_start(s, i);
        for (uint32_t j = e; j < s->t1; j++) {
            uint32_t e2;
            if (boundary(s, j) || is(s, j, "times") || is(s, j, "twice")) break;
            if ((dyf_fw(s, j, &e2, NULL) & DY_FW_TRADE) && j > e) break;
            if ((s->t[j].flags & DY_TF_COMMA) && (is(s, j + 1, "whereas") || is(s, j + 1, "while") || is(s, j + 1, "but"))) break;
            double v, v2, x2;
            uint32_t end, end2;
            char cur[4];
            if (!money_at(s, j, &v, &v2, &end, cur)) continue;
            if (is(s, end, "times") || (number_at(s, end, &x2, &end2) && is(s, end2, "times"))) break;
            int from = 0;
            for (uint32_t k = j > 3 ? j - 3 : 0; k < j; k++) from |= is(s, k, "from") || is(s, k, "with");
            if (n && !from) break;
            int year = dyf_year_near(s, j);
            if (n && year_before(s, end) && first_year) year = first_year - 1;
            else if (n && year == first_year) year = 0;
            int mood = dyf_mood(s, ms, end + 2 < s->t1 ? end + 2 : s->t1);
            if (!mood && future(s, j, year)) mood = DY_MOOD_INTENT;
            if (story && !mood) break;      /* the story's pair only for what is not a fact */
            if (push_trade(s, a, b, v, v2, cur, year, mood)) return -1;
            if (!n) first_year = year;
            n++;
            j = end - 1;
        }
        if (!n && trade_before(s, i, e, story ? NULL : a, story ? NULL : b)) return -1;
        i = e - 1;
    }
    return 0;
}

/* ---- shares ---- */
/* After "of": [the] WHOSE ['s] [total|foreign ...] trade|exports|imports; *whose set. */
static int share_of(const dyf_sent *s, uint32_t k, int partner, int *whose)
{
    if (is(s, k, "the")) k++;
    int g = group_at(s, k);
    if ((is(s, k, "its") || is(s, k, "their")) && partner >= 0) {
        /* its: the other party of the sentence, the nearest before */
        g = -1;
        for (size_t q = 0; q < s->ng && s->g[q].t1 <= k; q++)
            if (dyf_party(s->g[q].code) && strncmp(s->g[q].code, s->g[partner].code, 3)) g = (int)q;
        if (g < 0) return 0;
        k++;
    } else {
        if (g < 0 || !dyf_party(s->g[g].code)) return 0;
        k = s->g[g].t1;
    }
    if (k < s->t1 && ((s->t[k].flags & DY_TF_POSS) || is(s, k, "'"))) k++;
    uint32_t e;
    while (dyf_fw_is(s, k, DY_FW_TRADE_MOD, &e) && !dyf_fw_is(s, k, DY_FW_FLOW, NULL)) k = e;
    /* exports, imports, trade, and trade words of their own ("total trade in goods") */
    if (!dyf_fw_is(s, k, DY_FW_FLOW | DY_FW_TRADE, &e)) return 0;
    *whose = g;
    return 1;
}

static int push_share(dyf_sent *s, int whose, int partner, double v, uint32_t at, uint32_t ms, uint32_t me)
{
    char a[16], b[16];
    dyf_code3(a, s->g[whose].code);
    dyf_code3(b, s->g[partner].code);
    if (!strcmp(a, b)) return 0;
    int oom = 0;
    dy_fact *x = dyf_push(s->f, DY_FACT_TRADE_SHARE, s, dyf_mood(s, ms, me), &oom);
    if (oom) return -1;
    if (!x) return 0;
    dyf_add_actor(x, a, 1);
    dyf_add_actor(x, b, 1);
    x->value = x->value_max = v;
    x->year = dyf_year_near(s, at);
    return 0;
}

int dyf_shares(dyf_sent *s)
{
    for (uint32_t i = s->t0; i + 2 < s->t1; i++) {
        uint32_t e;
        int whose = -1, partner = -1;
        /* "A's share of B's (total) trade ... N%" */
        if (is(s, i, "share") && is(s, i + 1, "of")) {
            uint32_t p = i;
            while (p > s->t0 && ((s->t[p - 1].flags & DY_TF_POSS) || is(s, p - 1, "'"))) p--;
            partner = p > s->t0 ? group_at(s, p - 1) : -1;
            if (partner < 0 || !dyf_party(s->g[partner].code) || !share_of(s, i + 2, partner, &whose)) continue;
            for (uint32_t j = i + 2; j < s->t1 && !boundary(s, j); j++) {
                double v;
                uint32_t end;
                if (!percent_at(s, j, &v, &end, 0)) continue;
                if (push_share(s, whose, partner, v, j, dyf_clause_start(s, i), end)) return -1;
                break;
            }
            continue;
        }
        /* "A accounts for N% of B's trade", "A took a fifth of B's exports" */
        if (!dyf_fw_is(s, i, DY_FW_SHARE_VERB, &e)) continue;
        for (uint32_t k = i; k-- > s->t0;) {
            int g = group_at(s, k);
            if (g < 0) continue;
            if (!s->g[g].poss && !s->g[g].prep && dyf_party(s->g[g].code)) { partner = g; break; }
            k = s->g[g].t0;
        }
        if (partner < 0) continue;
        for (uint32_t j = e; j < e + 4 && j < s->t1; j++) {
            double v;
            uint32_t end;
            if (!percent_at(s, j, &v, &end, 1)) continue;
            if (!is(s, end, "of") || !share_of(s, end + 1, partner, &whose)) break;
            /* "Poland is South Korea's ... partner, though it accounts for 0.7% of South Korea's
             * trade": a pronoun read as the trade's own state is the subject before it */
            if (s->g[partner].anaphor && !strncmp(s->g[partner].code, s->g[whose].code, 3))
                for (int q = partner; q-- > 0;)
                    if (!s->g[q].poss && !s->g[q].prep && !s->g[q].anaphor && dyf_country(s->g[q].code) && !s->g[q].region &&
                        strncmp(s->g[q].code, s->g[whose].code, 3)) { partner = q; break; }
            if (push_share(s, whose, partner, v, j, dyf_clause_start(s, i), end)) return -1;
            break;
        }
        i = e - 1;
    }
    return 0;
}

/* ---- ratios ---- */
static int push_ratio(dyf_sent *s, char p[2][2][16], double v, int year, uint32_t i)
{
    int oom = 0;
    dy_fact *x = dyf_push(s->f, DY_FACT_RATIO, s, dyf_mood(s, dyf_clause_start(s, i), i), &oom);
    if (oom) return -1;
    if (!x) return 0;
    for (int q = 0; q < 2; q++) {
        memcpy(x->actors[x->nactors++], p[q][0], 16);
        memcpy(x->actors[x->nactors++], p[q][1], 16);
    }
    x->value = x->value_max = v;
    x->year = dyf_year_near(s, i);
    if (!x->year) x->year = year;
    return 0;
}

int dyf_ratios(dyf_sent *s, size_t trade_first, size_t trade_n, size_t share_first)
{
    for (uint32_t i = s->t0 + 1; i < s->t1; i++) {
        double v;
        uint32_t e;
        if (is(s, i, "twice")) v = 2;
        else {
            if (!is(s, i, "times") || is(s, i - 1, "at") || is(s, i - 1, "several") || is(s, i - 1, "many")) continue;
            uint32_t n0 = i - 1;
            if (n0 > s->t0 && dyf_word_number(s, W(s, n0)) > 0 && dyf_word_number(s, W(s, n0 - 1)) >= 20) n0--;
            /* "one and a half times" */
            if (is(s, i - 1, "half") && i >= s->t0 + 4 && is(s, i - 2, "a") && is(s, i - 3, "and") && number_at(s, i - 4, &v, &e) && e == i - 3)
                v += 0.5;
            else if (!number_at(s, n0, &v, &e) || e != i || v <= 1) continue;
        }
        char p[2][2][16];
        int np = 0, year = 0;
        /* pairs joined in this sentence: "trade between A and B ... 500 times that between C and D" */
        for (size_t k = 0; k < s->ng && np < 2; k++) {
            if (s->g[k].comp != (int16_t)k) continue;
            if (dyf_pair_of(s, (int)k, p[np][0], p[np][1])) np++;
        }
        int tr = 0;
        for (uint32_t j = s->t0; j < s->t1; j++) tr |= dyf_fw_is(s, j, DY_FW_TRADE, NULL) || is(s, j, "exports");
        if (np == 2 && !tr) np = 0;
        /* trade words with their pairs on each side: "Brazil's trade with China is three times its
         * trade with the United States" */
        if (np < 2) {
            np = 0;
            int before = 0, after = 0;
            for (uint32_t j = s->t0; j < s->t1 && np < 2; j++) {
                uint32_t te;
                uint32_t c = dyf_fw(s, j, &te, NULL);
                if (!(c & DY_FW_TRADE) || (c & DY_FW_NOT_TRADE)) continue;
                if (trade_pair(s, j, te, np ? p[0][0] : NULL, p[np][0], p[np][1])) {
                    if (j < i) before = 1; else after = 1;
                    np++;
                }
                j = te - 1;
            }
            /* "A's trade with B is ... times that of C": C's trade with B */
            if (np == 1 && before && !after)
                for (uint32_t j = i + 1; j + 2 < s->t1 && j < i + 3; j++) {
                    if (!(is(s, j, "that") || is(s, j, "those")) || !(is(s, j + 1, "of") || is(s, j + 1, "with"))) continue;
                    uint32_t q = j + 2;
                    if (is(s, q, "the")) q++;
                    int g = group_at(s, q);
                    if (g < 0 || !dyf_party(s->g[g].code)) break;
                    char c[16];
                    dyf_code3(c, s->g[g].code);
                    memcpy(p[1][0], is(s, j + 1, "of") ? c : p[0][0], 16);
                    memcpy(p[1][1], is(s, j + 1, "of") ? p[0][1] : c, 16);
                    if (strcmp(p[1][0], p[1][1]) && (strcmp(p[1][0], p[0][0]) || strcmp(p[1][1], p[0][1]))) { np = 2; after = 1; }
                    break;
                }
            if (!before || !after) np = 0;
        }
        /* a share "four times the share of the United States" */
        if (np < 2)
            for (size_t k = share_first; k < s->f->n; k++) {
                const dy_fact *sh = &s->f->v[k];
                if (sh->kind != DY_FACT_TRADE_SHARE || sh->sent != s->idx) continue;
                for (uint32_t j = i + 1; j < i + 6 && j < s->t1; j++) {
                    if (!is(s, j, "of")) continue;
                    uint32_t q = j + 1;
                    if (is(s, q, "the")) q++;
                    int g = group_at(s, q);
                    if (g < 0 || !dyf_party(s->g[g].code)) break;
                    memcpy(p[0][0], sh->actors[1], 16);
                    memcpy(p[0][1], sh->actors[0], 16);
                    dyf_code3(p[1][0], s->g[g].code);
                    memcpy(p[1][1], sh->actors[0], 16);
                    np = 2;
                    year = sh->year;
                    break;
                }
                break;
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
        } else if (np == 2)
            for (int q = 0; q < 2; q++) dyf_sort_pair(p[q][0], p[q][1]);
        if (np < 2) continue;
        /* no year of its own: that of the figures just given */
        if (!year && trade_n) year = s->f->v[trade_first].year;
        if (!year) year = s->that_year;
        if (push_ratio(s, p, v, year, i)) return -1;
    }
    return 0;
}

/* ---- milestones ---- */
int dyf_milestones(dyf_sent *s)
{
    for (uint32_t i = s->t0; i < s->t1; i++) {
        if (!is(s, i, "first")) continue;
        for (uint32_t j = i + 1; j < s->t1 && j < i + 16 && !boundary(s, j); j++) {
            double v;
            uint32_t e, k = j + 1;
            int gap = 0, since_year = 0;
            if (is(s, k, "more") && is(s, k + 1, "than")) k += 2;
            else if (is(s, k, "nearly") || is(s, k, "almost") || is(s, k, "over") || is(s, k, "about") || is(s, k, "some")) k++;
            if ((is(s, j, "in") || is(s, j, "for")) && is(s, k, "a") && (is(s, k + 1, "decade") || is(s, k + 1, "century"))) {
                e = k + 2;      /* "in a decade", "in a century" */
                gap = is(s, k + 1, "decade") ? 10 : 100;
            } else if ((is(s, j, "in") || is(s, j, "for")) && is(s, k, "half") && is(s, k + 1, "a") && is(s, k + 2, "century")) {
                e = k + 3;
                gap = 50;
            } else if ((is(s, j, "in") || is(s, j, "for")) && number_at(s, k, &v, &e) && v > 0 && v < 1000 &&
                (is(s, e, "years") || is(s, e, "decades"))) {
                gap = (int)v * (is(s, e, "decades") ? 10 : 1);
            } else if (is(s, j, "since") && number_at(s, j + 1, &v, &e) && v > 1900 && v < 2100) {
                /* the year of the sentence's other date, else the story's: "since 2019" is no
                 * date of the first */
                int y = s->doc->pub.prec != DY_PREC_NONE ? s->doc->pub.y : 0;
                for (size_t d = 0; d < s->ndates; d++)
                    if (s->dates[d].date.prec != DY_PREC_NONE && !(s->dates[d].t0 <= j + 1 && s->dates[d].t1 > j + 1)) { y = s->dates[d].date.y; break; }
                if (!y) continue;
                gap = y - (int)v;
                since_year = y;
            } else continue;
            if (gap <= 0) break;
            /* what is first: the sentence's event, else a pair it names, else its two states; a
             * milestone of nobody (a headline "First Visit in 24 Years") is left out */
            char a[16] = "", b[16] = "";
            const dy_event *ev = NULL;
            for (size_t q = 0; q < s->nev && !ev; q++) if (!strncmp(s->ev[q].code, "04", 2)) ev = &s->ev[q];
            if (!ev && s->nev) ev = &s->ev[0];
            if (ev && (dyf_region_party(s, ev->source) || dyf_region_party(s, ev->target))) ev = NULL;   /* "the first Western country to ..." */
            for (size_t q = 0; q < s->ng && !ev && !a[0]; q++)
                if (s->g[q].comp == (int16_t)q && !dyf_pair_of(s, (int)q, a, b)) a[0] = 0;
            for (size_t q = 0; q < s->ng && !ev && !b[0]; q++) {
                if (!dyf_country(s->g[q].code) || dyf_region_party(s, s->g[q].code)) continue;
                if (!a[0]) dyf_code3(a, s->g[q].code);
                else if (strncmp(a, s->g[q].code, 3)) dyf_code3(b, s->g[q].code);
            }
            if (!ev && !b[0]) break;
            int oom = 0;
            dy_fact *x = dyf_push(s->f, DY_FACT_MILESTONE, s, dyf_mood(s, dyf_clause_start(s, i), e), &oom);
            if (oom) return -1;
            if (!x) break;
            x->gap_years = gap;
            if (ev) {
                snprintf(x->code, sizeof x->code, "%s", ev->code);
                dyf_add_actor(x, ev->source, 0);
                dyf_add_actor(x, ev->target, 0);
                x->date = ev->date;
            } else {
                dyf_sort_pair(a, b);
                dyf_add_actor(x, a, 1);
                dyf_add_actor(x, b, 1);
            }
            x->year = x->date.prec != DY_PREC_NONE ? x->date.y : 0;
            if (since_year && x->year != since_year) {     /* dated by "since 2019": the story's day */
                x->year = since_year;
                if (s->doc->pub.prec != DY_PREC_NONE && s->doc->pub.y == since_year) x->date = s->doc->pub;
            }
            break;
        }
    }
    return 0;
}

/* ---- sanctions and vetoes: the coder's events, where the sentence names them ---- */
/* "without breaching the sanctions [that] the United States imposed on Iran": the event's verb
 * closing a relative clause on the sanction word that ends at e, its subject between; the
 * verb's token, else UINT32_MAX. The sanction is that clause's, in its mood. */
static uint32_t relative_verb(const dyf_sent *s, uint32_t e, const dy_event *ev)
{
    uint32_t j = e + (is(s, e, "that") || is(s, e, "which"));
    j += is(s, j, "the");
    int g = j < s->t1 ? dyf_group_at(s, j) : -1;
    if (g < 0 || s->g[g].t0 != j || strncmp(s->g[g].code, ev->source, 3)) return UINT32_MAX;
    uint32_t v = s->g[g].t1;
    return v < s->t1 && s->t[v].start == ev->verb_start ? v : UINT32_MAX;
}

int dyf_standing(dyf_sent *s)
{
    for (size_t k = 0; k < s->nev; k++) {
        const dy_event *ev = &s->ev[k];
        /* a reduction of relations is a sanction where its verb names one ("closed its border
         * with", "banned all imports") */
        int reduce = !strcmp(ev->code, "160");
        int kind = !strcmp(ev->code, "163") || !strcmp(ev->code, "1312") || reduce ? DY_FACT_SANCTION : !strcmp(ev->code, "129") ? DY_FACT_VETO : 0;
        if (!kind || dyf_region_party(s, ev->source)) continue;   /* "Western governments imposed sanctions" */
        int mood = ev->mood;
        char target[16];
        snprintf(target, sizeof target, "%s", ev->target);
        if (kind == DY_FACT_SANCTION) {
            /* "threatened tariffs", "a 2030 trade target": no sanction named, no sanction */
            uint32_t at = UINT32_MAX, e;
            for (uint32_t j = s->t0; j < s->t1 && at == UINT32_MAX; j++)
                if (dyf_fw_is(s, j, DY_FW_SANCTION, &e) && (!reduce || (s->t[j].start >= ev->verb_start && s->t[j].start < ev->verb_end))) at = j;
            if (at == UINT32_MAX) continue;
            uint32_t rv = relative_verb(s, e, ev);
            if (rv != UINT32_MAX) mood = dyf_mood(s, at, rv);
            else if (!mood) mood = dyf_mood(s, dyf_clause_start(s, at), at);
        } else {
            /* a veto of a resolution is cast at the Security Council, whoever drafted it */
            int body = -1;
            uint32_t e;
            for (size_t q = 0; q < s->ng && body < 0; q++) if (!strncmp(s->g[q].code, "IGO", 3)) body = (int)q;
            if (body >= 0) snprintf(target, sizeof target, "%s", s->g[body].code);
            else
                for (uint32_t j = s->t0; j < s->t1; j++)
                    if (dyf_fw_is(s, j, DY_FW_VETO_OBJ, &e)) { snprintf(target, sizeof target, "IGOUNO"); break; }
        }
        int oom = 0;
        dy_fact *x = dyf_push(s->f, kind, s, mood, &oom);
        if (oom) return -1;
        if (!x) continue;
        dyf_add_actor(x, ev->source, 0);
        dyf_add_actor(x, target, 0);
        snprintf(x->code, sizeof x->code, "%s", ev->code);
        x->date = ev->date;
        x->year = ev->date.prec != DY_PREC_NONE ? ev->date.y : 0;
    }
    return 0;
}
