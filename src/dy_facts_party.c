/* dy_facts_party.c - the parties of a fact: the sentence's groups, states and organisations, the
 * pair a coordination or a relation names, the story's pair. */
#include "dy_facts_int.h"

#include <stdio.h>
#include <string.h>

#define is dyf_is
#define boundary dyf_boundary

int dyf_group_at(const dyf_sent *s, uint32_t i)
{
    for (size_t k = 0; k < s->ng; k++)
        if (i >= s->g[k].t0 && i < s->g[k].t1) return (int)k;
    return -1;
}
#define group_at dyf_group_at

int dyf_region_party(const dyf_sent *s, const char *code)
{
    for (size_t k = 0; k < s->ng; k++) {
        if (strcmp(s->g[k].code, code)) continue;
        if (s->g[k].region) return 1;
        int32_t p = -1;
        dy_dict_step_payload(s->f->dict, DY_TRIE_ACTOR, 0, s->t[s->g[k].t0].id, &p);
        const dy_actor_entry *a = p >= 0 ? dy_dict_actor(s->f->dict, p) : NULL;
        if (a && a->kind == DY_AK_REGION && !strncmp(a->code, code, 3)) return 1;     /* not "European Union" */
    }
    return 0;
}

int dyf_country(const char *code) { return code[0] >= 'A' && code[0] <= 'Z' && strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3); }
int dyf_party(const char *code) { return dyf_country(code) || !strncmp(code, "IGO", 3); }

/* The codes of group k with its coordination (or a resolved pair). */
size_t dyf_codes(const dyf_sent *s, int k, const char **out, size_t max)
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

void dyf_code3(char out[16], const char *code) { snprintf(out, 16, dyf_country(code) ? "%.3s" : "%s", code); }

int dyf_same_party(const char *a, const char *b) { return dyf_country(a) && dyf_country(b) ? !strncmp(a, b, 3) : !strcmp(a, b); }

/* A pair of parties from group k's coordination: 1 when two distinct ones were found. */
int dyf_pair_of(const dyf_sent *s, int k, char a[16], char b[16])
{
    const char *c[8];
    size_t n = dyf_codes(s, k, c, 8);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (dyf_party(c[i]) && dyf_party(c[j]) && !dyf_same_party(c[i], c[j])) {
                dyf_code3(a, c[i]);
                dyf_code3(b, c[j]);
                return 1;
            }
    return 0;
}
#define pair_of dyf_pair_of

/* "The two governments signed ..." after "Solomon Islands switched recognition from Taiwan to
 * China": a pair (a, b) the coder took from a pair reference, not both named in the sentence,
 * where the sentence before named the story's pair too, is the story's pair. */
void dyf_story_ref(const dyf_sent *s, char a[16], char b[16])
{
    if (!s->ta[0] || !s->tb[0] || (dyf_same_party(a, s->ta) && dyf_same_party(b, s->tb)) || (dyf_same_party(a, s->tb) && dyf_same_party(b, s->ta))) return;
    int ref = 0, na = 0, nb = 0, named_a = 0, named_b = 0;
    for (size_t k = 0; k < s->ng; k++) {
        ref |= s->g[k].anaphor == DY_G_PAIR && s->g[k].code2[0];
        named_a |= !s->g[k].anaphor && dyf_same_party(s->g[k].code, a);
        named_b |= !s->g[k].anaphor && dyf_same_party(s->g[k].code, b);
    }
    if (named_a && named_b) return;
    for (size_t k = 0; k < s->nprev; k++) {
        na |= dyf_country(s->prev[k].code) && dyf_same_party(s->prev[k].code, s->ta);
        nb |= dyf_country(s->prev[k].code) && dyf_same_party(s->prev[k].code, s->tb);
    }
    if (!ref || !na || !nb) return;
    dyf_code3(a, s->ta);
    dyf_code3(b, s->tb);
}

void dyf_sort_pair(char a[16], char b[16])
{
    if (strcmp(a, b) > 0) {
        char t[16];
        memcpy(t, a, 16);
        memcpy(a, b, 16);
        memcpy(b, t, 16);
    }
}

int dyf_story_pair_for(const dyf_sent *s, int mood, char a[16], char b[16])
{
    if (!mood || !s->f->moods_all || !s->ta[0] || !s->tb[0]) return 0;
    for (size_t k = 0; k < s->ng; k++)
        if (dyf_party(s->g[k].code) && !dyf_same_party(s->g[k].code, s->ta) && !dyf_same_party(s->g[k].code, s->tb)) return 0;
    dyf_code3(a, s->ta);
    dyf_code3(b, s->tb);
    return 1;
}

int dyf_year_near(const dyf_sent *s, uint32_t i)
{
    int best = 0;
    uint32_t bd = UINT32_MAX;
    for (size_t k = 0; k < s->ndates; k++) {
        if (s->dates[k].date.prec == DY_PREC_NONE) continue;
        uint32_t d = s->dates[k].t0 >= i ? s->dates[k].t0 - i : i - s->dates[k].t1;
        if (d < bd) { bd = d; best = s->dates[k].date.y; }
    }
    /* "that year", "the same year": the year named before */
    if (!best && s->that_year)
        for (uint32_t j = s->t0; j + 1 < s->t1; j++)
            if ((is(s, j, "that") || is(s, j, "same")) && is(s, j + 1, "year")) return s->that_year;
    return best;
}

/* The two parties of a relationship or treaty named at [i, e): a "between" list after it, a pair
 * joined before it ("the South Korea-US alliance"), "with X" next to it and another actor of the
 * sentence, the subject pair of the sentence ("Nigeria and China ... raised relations to"), the
 * story's pair where the sentence names only one of them or only "the relationship"; with
 * fallback, else the story's pair. */
int dyf_parties(const dyf_sent *s, uint32_t i, uint32_t e, char a[16], char b[16], int fallback)
{
    for (uint32_t j = e; j < e + 5 && j < s->t1 && !boundary(s, j); j++)
        if (is(s, j, "between") || is(s, j, "among") || (j == e && is(s, j, "of"))) {
            uint32_t k = j + 1;
            if (is(s, k, "the")) k++;
            int g = group_at(s, k);
            if (g >= 0 && s->g[s->g[g].comp].ncomp > 2) return 0;     /* three or more: no pair */
            if (g >= 0 && pair_of(s, g, a, b)) return 1;
            break;
        }
    for (uint32_t j = i, n = 0; j-- > s->t0 && n < 6 && !boundary(s, j); n++) {
        int g = group_at(s, j);
        if (g >= 0) {
            if (pair_of(s, s->g[g].comp, a, b)) return 1;
            break;
        }
    }
    int with = -1;
    uint32_t wd = UINT32_MAX;
    for (uint32_t j = s->t0; j < s->t1; j++)
        if (is(s, j, "with")) {
            uint32_t k = j + 1;
            if (is(s, k, "the")) k++;
            int g = group_at(s, k);
            uint32_t d = j < i ? i - j : 100 + j - e;     /* "with China, it is a ..." before after */
            if (g >= 0 && dyf_party(s->g[g].code) && j + 8 >= i && j <= e + 3 && d < wd) { with = g; wd = d; }
        }
    if (with >= 0) {
        dyf_code3(a, s->g[with].code);
        for (size_t k = 0; k < s->ng; k++)
            if ((int)k != with && dyf_country(s->g[k].code) && !s->g[k].region && !s->g[s->g[k].comp].prep && !dyf_same_party(s->g[k].code, a)) {
                dyf_code3(b, s->g[k].code);
                return 1;
            }
        for (size_t k = 0; k < s->nprev; k++)
            if (dyf_country(s->prev[k].code) && !s->prev[s->prev[k].comp].prep && !dyf_same_party(s->prev[k].code, a)) {
                dyf_code3(b, s->prev[k].code);
                return 1;
            }
        if (s->ta[0] && !dyf_same_party(s->ta, a)) { dyf_code3(b, s->ta); return 1; }
        return 0;
    }
    /* the subject pair: a coordination of two parties before it in its sentence; a relative
     * clause's is its main clause's ("A and B held talks, which raised their ties to ...") */
    uint32_t cs = dyf_clause_start(s, i);
    /* "the first summit between the two countries, which raised their ties to ...": the pair the
     * relative clause hangs on */
    if (cs > s->t0 + 2 && is(s, cs, "which") && (s->t[cs - 1].flags & DY_TF_COMMA)) {
        int g = group_at(s, cs - 2);
        if (g >= 0 && s->g[g].t1 == cs - 1 && pair_of(s, s->g[g].comp, a, b)) return 1;
    }
    if (cs > s->t0 + 1 && (is(s, cs, "which") || is(s, cs, "that"))) cs = dyf_clause_start(s, cs - 1);
    for (size_t k = 0; k < s->ng && s->g[k].t1 <= i; k++)
        if (s->g[k].comp == (int16_t)k && s->g[k].t0 >= cs && !s->g[k].prep && (s->g[k].ncomp > 1 || (s->g[k].anaphor && s->g[k].code2[0] && s->g[k].t0 <= cs + 1)) &&
            pair_of(s, (int)k, a, b))     /* "Nigeria and China", "The two governments" opening it */
            return 1;
    /* one party of the story's pair alone, or none and "the relationship" */
    if (s->ta[0] && s->tb[0]) {
        int n = 0, in = 0, rel = 0, others = 0, plain = 0;
        for (size_t k = 0; k < s->ng; k++) {
            if (!dyf_party(s->g[k].code)) continue;
            n++;
            plain += !s->g[k].poss;
            int ours = dyf_same_party(s->g[k].code, s->ta) || dyf_same_party(s->g[k].code, s->tb);
            in += !s->g[k].poss && !s->g[k].prep && ours;
            others += !ours;
        }
        for (uint32_t j = s->t0; j < i; j++) rel |= dyf_fw_is(s, j, DY_FW_REL_NOUN, NULL);
        /* "lifts Washington by two steps, from a comprehensive partnership ..., in Hanoi's
         * ranking": states of the story's pair only, one named plainly, others only as owners */
        if ((in == 1 && plain == 1 && !others) || (n == 0 && rel) || fallback) {
            dyf_code3(a, s->ta);
            dyf_code3(b, s->tb);
            return 1;
        }
    }
    return 0;
}
