/* dy_events.c - verb-pattern matching, source/target assignment, mood, reference resolution. */
#include "dy_events.h"
#include "dy_actors.h"
#include "dy_dates.h"
#include "dy_story.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HIST 32
#define DY_GAP_MAX 6        /* words a "..." in a verb pattern may skip */
/* CAMEO's paired codes for a visit: the visitor's 042 and the host's 043 */
#define DY_CAMEO_VISIT "042"
#define DY_CAMEO_HOST "043"
#define MAX_MATCH 32
#define MAX_DATES 16

typedef struct hist_entry {
    char code[16], code2[16];
    uint8_t kind;
    uint8_t subj;       /* it was the subject of an event: the likelier antecedent of "he" */
    uint8_t place;      /* a place ("talks in Riyadh"): no party for "both sides" */
    uint8_t coord;      /* 1 + the coordination's group in its sentence ("A and B"), else 0 */
    uint32_t sent;
} hist_entry;

typedef struct match {
    uint32_t pat;
    uint32_t head, end;     /* token range of the pattern */
    int tgt;                /* group at T, -1 when none */
    int by;                 /* T was reached through "by" (passive) */
    uint16_t nlit;
    int src;                /* group at S, -1 when none */
} match;

struct dy_coder {
    const dy_dict *dict;
    dy_coder_opts opts;
    dy_seg *seg;
    dy_event *ev;
    size_t nev, capev;
    dy_buf explain;
    /* discourse state, per document */
    hist_entry hist[HIST];
    size_t nhist;
    char speaker[16], speaker2[16];
    uint32_t speaker_sent;
    int korea;
    /* the document's dyads so far, for "the two leaders" at the start of a paragraph */
    struct topic { char a[16], b[16]; int n; } topic[16];
    size_t ntopic;
    /* opts.keep_actors: every sentence's groups, and where each sentence's run starts */
    dy_actor *kept;
    size_t nkept, capkept;
    uint32_t *kept_off;     /* nsents + 1 offsets */
    size_t capoff;
    /* word id -> the last sentence (stamp) it occurred in: which patterns are worth trying. A
     * byte a word keeps the table small enough for the first-level cache; the stamps wrap every
     * 255 sentences, and the table is cleared then. */
    uint8_t *seen;
    uint32_t nseen;
    uint8_t stamp;
    dy_story story;         /* the story's country, for roles named without one */
    char story_shown[4];    /* --explain: the story's country as last shown */
    dy_aliases aliases;     /* surnames learnt from "title + unknown name" in this document */
    /* the last visit's destination country and its sentence: "the two leaders held talks" after
     * "Putin arrived in Pyongyang" took place there */
    char visit_place[4];
    uint32_t visit_sent;
    /* the lead's date and the date the previous sentence's events took (sentence_dates), with
     * their days since 1970 and publication's (INT64_MAX when it has no day) */
    dy_date lede, last;
    int64_t lede_day, last_day, pub_day;
};

dy_coder *dy_coder_create(const dy_dict *dict, const dy_coder_opts *opts)
{
    dy_coder *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->dict = dict;
    if (opts) c->opts = *opts;
    c->seg = dy_seg_create(dict);
    c->nseen = dy_lex_count(dy_dict_lex(dict)) + 1;
    c->seen = calloc(c->nseen, sizeof *c->seen);
    if (!c->seg || !c->seen) { dy_coder_destroy(&c); return NULL; }
    return c;
}

void dy_coder_destroy(dy_coder **cp)
{
    if (!cp || !*cp) return;
    dy_seg_destroy(&(*cp)->seg);
    free((*cp)->ev);
    free((*cp)->kept);
    free((*cp)->kept_off);
    free((*cp)->seen);
    dy_story_free(&(*cp)->story);
    dy_buf_free(&(*cp)->explain);
    free(*cp);
    *cp = NULL;
}

const dy_event *dy_coder_events(const dy_coder *c, size_t *n) { *n = c->nev; return c->ev; }
const dy_sent *dy_coder_sents(const dy_coder *c, size_t *n) { return dy_seg_sents(c->seg, n); }
const dy_buf *dy_coder_explain(const dy_coder *c) { return &c->explain; }
const dy_tok *dy_coder_toks(const dy_coder *c) { return dy_seg_toks(c->seg); }
const dy_dict *dy_coder_dict(const dy_coder *c) { return c->dict; }
const dy_buf *dy_coder_norm(const dy_coder *c) { return dy_seg_norm(c->seg); }

const char *dy_mood_name(int mood)
{
    return mood == DY_MOOD_NEGATED ? "negated" : mood == DY_MOOD_HYPOTHETICAL ? "hypothetical" : "factual";
}

int dy_cameo_quad(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

/* Copies a code between 16-byte fields: one fixed-size copy (no scan for its end, no call), cut
 * at 15 characters. Every source is such a field, so all 16 bytes are there to read. */
static inline void set_code(char dst[16], const char src[16])
{
    memcpy(dst, src, 16);
    dst[15] = 0;
}

/* ---- per-sentence context ---- */
typedef struct sctx {
    dy_coder *c;
    const dy_doc *doc;
    const dy_tok *t;
    const dy_buf *norm;
    uint32_t t0, t1;
    uint32_t sidx;
    int para_start;         /* the sentence opens a paragraph */
    dy_actor g[DY_MAX_ACTORS];
    size_t ng;
    int16_t at[DY_MAX_SENT_TOKENS + 1];     /* group covering each token, -1 */
    uint64_t reqsig;                        /* OR of the words' dy_dict_reqbit() */
    dy_datex dates[MAX_DATES];
    size_t ndates;
    dy_date ctx;            /* the date of an event with no date of its own (sentence_dates) */
} sctx;

static const char *W(const sctx *s, uint32_t i) { return s->norm->data + s->t[i].norm; }
#define WIS(s, i, lit) DY_TOK_IS((s)->norm, &(s)->t[i], lit)
static int group_at(const sctx *s, uint32_t i) { return (i >= s->t0 && i < s->t1) ? s->at[i - s->t0] : -1; }

/* An agent word with no country or person ("military", "troops", "intelligence") may be part of
 * a verb phrase: "held talks on military cooperation", "agreed to share intelligence". */
static int bare_agent(const sctx *s, int g) { return g >= 0 && s->g[g].kind == DY_GK_AGENT && !s->g[g].anaphor; }
/* a named actor: a role filled in from the story's country (fill_roles) is still a bare role */
/* a coordination ("Russia and North Korea") or a resolved pair ("the two sides") */
static int is_pair(const sctx *s, int g) { return s->g[g].ncomp >= 2 || s->g[g].code2[0]; }
static int is_named(const sctx *s, int g) { return s->g[g].code[0] && s->g[g].code[0] != '-' && !s->g[g].filled; }

static int gram_class_at(const sctx *s, uint32_t i, uint32_t *end)
{
    int32_t node = 0;
    int cls = 0;
    *end = i;
    if (i >= s->t1 || !(dy_dict_wclass(s->c->dict, s->t[i].id) & DY_WC_START_GRAM)) return 0;
    for (uint32_t j = i; j < s->t1; j++) {
        int32_t p;
        node = dy_dict_step_payload(s->c->dict, DY_TRIE_GRAMMAR, node, s->t[j].id, &p);
        if (node < 0) break;
        if (p >= 0) { cls = dy_dict_gram_class(s->c->dict, p); *end = j + 1; }
    }
    return cls;
}

/* Does a phrase of class cls (DY_G_SAY or DY_G_BE) start at i, as the longest grammar phrase there?
 * The word's class bits answer no for most words without walking the trie. */
static int gram_is(const sctx *s, uint32_t i, int cls, uint32_t *end)
{
    *end = i;
    unsigned need = cls == DY_G_SAY ? DY_WC_START_SAY : DY_WC_START_BE;
    if (i >= s->t1 || !(dy_dict_wclass(s->c->dict, s->t[i].id) & need)) return 0;
    return gram_class_at(s, i, end) == cls;
}

/* ---- explain ---- */
static void ex(dy_coder *c, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void ex(dy_coder *c, const char *fmt, ...)
{
    if (!c->opts.explain) return;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    dy_buf_adds(&c->explain, buf);
}

static void ex_span(dy_coder *c, const dy_doc *doc, uint32_t a, uint32_t b)
{
    if (!c->opts.explain) return;
    dy_buf_addc(&c->explain, '"');
    for (uint32_t i = a; i < b; i++) dy_buf_addc(&c->explain, doc->text[i] == '\n' ? ' ' : doc->text[i]);
    dy_buf_addc(&c->explain, '"');
}

/* ---- discourse ---- */
static void remember(dy_coder *c, const char *code, const char *code2, uint8_t kind, uint8_t subj, uint32_t sent)
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
    h->sent = sent;
    if (!strncmp(code, "PRK", 3) || !strncmp(code, "KOR", 3)) c->korea = 1;
}


/* "It is good for Kim", "it was clear that": an "it" before a form of "be" that is not a passive
 * ("it was attacked") stands for nothing. */
static int pleonastic_it(const sctx *s, const dy_actor *g)
{
    uint32_t e, j = g->t1;
    if (!gram_is(s, j, DY_G_BE, &e) || e >= s->t1) return 0;
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
static int government_word(const sctx *s, const dy_actor *g)
{
    for (uint32_t i = g->t0; i < g->t1; i++)
        if (WIS(s, i, "government") || WIS(s, i, "regime")) return 1;
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
static int title_of_state(sctx *s, int k)
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
static int pair_named_before(sctx *s, int k, const hist_entry *cand, size_t nc)
{
    dy_actor *g = &s->g[k];
    for (int j = 0; j < k; j++)     /* "Seoul and Washington condemned ... the two countries": not these */
        if (s->g[j].ncomp >= 2) return 0;
    int people = 0;
    for (uint32_t i = g->t0; i < g->t1; i++)
        if (WIS(s, i, "leaders") || WIS(s, i, "heads")) people = 1;
    for (size_t j = 0; j + 1 < nc; j++) {
        const hist_entry *b = &cand[j], *a = &cand[j + 1];
        if (b->sent + 1 != s->sidx) continue;
        if (a->sent != b->sent) break;
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

static void resolve(sctx *s, int k)
{
    dy_coder *c = s->c;
    dy_actor *g = &s->g[k];
    uint32_t sent = s->sidx;
    /* candidates, newest first: groups earlier in this sentence, then history */
    hist_entry cand[HIST + 2 * DY_MAX_ACTORS];
    size_t nc = 0;
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
        hist_entry *h = &cand[nc++];
        set_code(h->code, s->g[j].code);
        set_code(h->code2, s->g[j].code2);
        h->kind = s->g[j].kind;
        h->subj = 0;
        h->place = s->g[j].locative;
        h->sent = sent;
    }
    nc += it_object_candidates(s, k, cand + nc);
    for (size_t j = c->nhist; j-- > 0;) cand[nc++] = c->hist[j];
    uint32_t reach = g->anaphor == DY_G_PAIR ? 2 : 3;
    switch (g->anaphor) {
    case DY_G_PAIR: {
        if (pair_of_clause_before(s, k)) return;
        if (pair_named_before(s, k, cand, nc)) return;
        /* a paragraph that opens with "the two leaders" speaks of the document's main pair */
        int best = -1;
        for (size_t j = 0; j < c->ntopic; j++)
            if (c->topic[j].n >= 2 && (best < 0 || c->topic[j].n > c->topic[best].n)) best = (int)j;
        if (s->para_start && best >= 0) {
            set_code(g->code, c->topic[best].a);
            set_code(g->code2, c->topic[best].b);
            return;
        }
        /* "the two leaders" are people: countries named in between ("attention in South Korea
         * and in Europe") are passed over */
        int people = 0;
        for (uint32_t i = g->t0; i < g->t1; i++)
            if (WIS(s, i, "leaders") || WIS(s, i, "heads")) people = 1;
        const char *first = NULL;
        for (size_t j = 0; j < nc; j++) {
            if (sent - cand[j].sent > reach) break;
            if (cand[j].code[0] == '-' || cand[j].place) continue;
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
        break;
    }
    case DY_G_PERSON: {
        /* the nearest person; in an earlier sentence, that sentence's subject if it had one
         * ("Putin flew to Pyongyang for talks with Kim. He later travelled to Vietnam.") */
        int pick = -1;
        for (size_t j = 0; j < nc; j++) {
            if (sent - cand[j].sent > reach) break;
            if (cand[j].kind != DY_GK_PERSON || cand[j].code2[0]) continue;
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
        for (size_t j = 0; j < nc; j++) {
            if (sent - cand[j].sent > reach) break;
            if (cand[j].kind == DY_GK_STATE && !cand[j].code2[0] && cand[j].code[0] != '-') {
                if (g->anaphor == DY_G_COUNTRY && !dy_code_is_country(cand[j].code)) continue;
                set_code(g->code, cand[j].code);
                if (g->anaphor == DY_G_COUNTRY) g->code[3] = 0;     /* the country, not its agent */
                if (g->anaphor == DY_G_COUNTRY && government_word(s, g)) memcpy(g->code + 3, "GOV", 4);
                return;
            }
        }
        break;
    case DY_G_THEY:
        for (size_t j = 0; j < nc && j < 6; j++) {
            if (sent - cand[j].sent > 1) break;
            if (cand[j].code2[0]) { set_code(g->code, cand[j].code); set_code(g->code2, cand[j].code2); return; }
        }
        break;
    case DY_G_SPEAKER:
        if (c->speaker[0] && sent - c->speaker_sent <= 3) {
            set_code(g->code, c->speaker);
            set_code(g->code2, c->speaker2);
        }
        break;
    case DY_G_NORTH:
        if (c->korea) snprintf(g->code, 16, "PRK");
        break;
    case DY_G_SOUTH:
        if (c->korea) snprintf(g->code, 16, "KOR");
        break;
    default: break;
    }
}

/* "the two countries" are countries; "the two leaders" keep their roles. */
static void pair_level(const sctx *s, dy_actor *g)
{
    for (uint32_t i = g->t0; i < g->t1; i++)
        if (WIS(s, i, "leaders") || WIS(s, i, "heads") || WIS(s, i, "governments")) return;
    if (dy_code_is_country(g->code)) g->code[3] = 0;
    if (g->code2[0] && dy_code_is_country(g->code2)) g->code2[3] = 0;
}

/* Codes of a group, expanding a coordination or a resolved pair. */
static size_t codes_of(const sctx *s, int k, const char **out, int *idx, size_t max)
{
    size_t n = 0;
    int head = s->g[k].comp;
    for (int j = head; j < (int)s->ng && n < max; j++) {
        if (j != head && s->g[j].comp != head) break;
        if (s->g[j].code[0]) { idx[n] = j; out[n++] = s->g[j].code; }
        if (s->g[j].code2[0] && n < max) { idx[n] = j; out[n++] = s->g[j].code2; }
        if (s->g[head].ncomp <= 1) break;
    }
    return n;
}

/* ---- pattern matching ---- */

/* "each other", "one another", "the other" (not "the other side's ..."): the subject pair's own
 * act on itself ("each side accused the other", "accused each other"). */
static int reciprocal_at(const sctx *s, uint32_t j)
{
    if (j + 1 >= s->t1) return 0;
    if ((WIS(s, j, "each") && WIS(s, j + 1, "other")) || (WIS(s, j, "one") && WIS(s, j + 1, "another"))) return 1;
    return WIS(s, j, "the") && WIS(s, j + 1, "other") &&
           (j + 2 >= s->t1 || !(s->t[j + 2].flags & DY_TF_WORD) || WIS(s, j + 2, "of") || WIS(s, j + 2, "for") ||
            WIS(s, j + 2, "over") || WIS(s, j + 2, "after"));
}

static int match_el(const sctx *s, const dy_pattern *p, int ei, uint32_t ti, int passive, match *m);

/* "stormed the (official) residence of President X", "raided the embassy of Mexico": the object is
 * a thing the actor after "of (the)" owns; that actor is the target. Up to three lower-case words
 * (or an agent word used as an adjective) before "of"; the token where the owner starts, or 0. */
static int partitive_word(const char *w)
{
    static const char *const q[] = {"more", "most", "some", "all", "many", "few", "several", "part", "parts", "much",
                                    "each", "none", "any", "both", "half", "rest", "majority", "dozens", "hundreds",
                                    "thousands", "millions", "one", "two", "three", "four", "five", "six", "seven",
                                    "eight", "nine", "ten", "number", "members", "member", "areas", "area"};
    for (size_t i = 0; i < sizeof q / sizeof *q; i++)
        if (w[0] == q[i][0] && !strcmp(w, q[i])) return 1;     /* the first letter: no call for most */
    return 0;
}

static uint32_t owner_after_of(const sctx *s, uint32_t tj)
{
    for (uint32_t j = tj, n = 0; j < s->t1 && n < 4; j++, n++) {
        if (n > 0 && WIS(s, j, "of")) {
            uint32_t k = j + 1;
            if (k < s->t1 && WIS(s, k, "the")) k++;
            int g = k < s->t1 ? group_at(s, k) : -1;
            return g >= 0 && s->g[g].t0 == k && s->g[g].code[0] && !s->g[g].modifier ? k : 0;
        }
        int gj = group_at(s, j);
        if (gj >= 0 && !s->g[gj].modifier) return 0;
        uint16_t f = s->t[j].flags;
        if ((f & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM)) != DY_TF_WORD) return 0;
        if (gj < 0 && (dy_dict_wclass(s->c->dict, s->t[j].id) & (DY_WC_PREP | DY_WC_CLAUSE))) return 0;
        if (partitive_word(W(s, j))) return 0;     /* "five more of Russia's", "parts of Iraq" */
    }
    return 0;
}

/* The source slot S: an actor starts at ti (a leading "the" skipped) and is the event's source
 * ("despite S criticism+" in patterns imported from PETRARCH, whose $ may stand anywhere). */
static int match_source(const sctx *s, const dy_pattern *p, int ei, uint32_t ti, int passive, match *m)
{
    uint32_t tj = ti;
    if (tj < s->t1 && WIS(s, tj, "the")) tj++;
    int g = group_at(s, tj);
    if (g < 0 || s->g[g].t0 != tj || !match_el(s, p, ei + 1, s->g[g].t1, passive, m)) return 0;
    m->src = g;
    return 1;
}

/* '^' (PETRARCH's skip): one to DY_GAP_MAX words in the clause, actors among them skipped whole
 * ("urged ^ to protect T" over "urged Russia to protect Ukraine"). */
static int match_skip(const sctx *s, const dy_pattern *p, int ei, uint32_t ti, int passive, match *m)
{
    uint32_t tj = ti;
    for (int k = 0; k < DY_GAP_MAX && tj < s->t1; k++) {
        uint16_t f = s->t[tj].flags;
        if ((f & (DY_TF_END | DY_TF_CLAUSE | DY_TF_COMMA)) || !(f & (DY_TF_WORD | DY_TF_QUOTE))) return 0;
        int g = group_at(s, tj);
        tj = g >= 0 && s->g[g].t0 == tj ? s->g[g].t1 : tj + 1;
        if (match_el(s, p, ei + 1, tj, passive, m)) return 1;
    }
    return 0;
}

/* "the French ambassador, Joel Meyer, to leave", "the mayor, the president's main rival, to be
 * jailed": a name (one to four capitalised words) or a noun phrase opened by a capital, a
 * determiner or a possessive (up to eight words, no relative pronoun, no clause mark) set off by
 * commas after the target is the target's own; returns the token after the closing comma, or 0. */
static uint32_t apposition_end(const sctx *s, uint32_t i)
{
    if (i + 1 >= s->t1 || !(s->t[i].flags & DY_TF_COMMA)) return 0;
    uint32_t a = i + 1;
    int cap = 1;        /* every word so far capitalised: a name */
    int np = (s->t[a].flags & DY_TF_CAP) || WIS(s, a, "the") || WIS(s, a, "a") || WIS(s, a, "an") || WIS(s, a, "his") ||
             WIS(s, a, "her") || WIS(s, a, "its");
    for (uint32_t j = a, n = 0; j < s->t1 && n <= 8; j++, n++) {
        uint16_t f = s->t[j].flags;
        if (f & DY_TF_COMMA) return n && ((cap && n <= 4) || np) ? j + 1 : 0;
        if ((f & (DY_TF_END | DY_TF_CLAUSE)) || !(f & (DY_TF_WORD | DY_TF_POSS))) return 0;
        if ((f & (DY_TF_WORD | DY_TF_CAP)) != (DY_TF_WORD | DY_TF_CAP)) cap = 0;
        if (!cap && !np) return 0;
        if (WIS(s, j, "who") || WIS(s, j, "which") || WIS(s, j, "that") || WIS(s, j, "whose")) return 0;
    }
    return 0;
}

/* "warned that the United States and Britain would pay": the end of a coordinated target, or 0. */
static uint32_t coordination_end(const sctx *s, int g)
{
    if (s->g[g].ncomp < 2) return 0;
    uint32_t end = 0;
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].comp == s->g[g].comp && s->g[k].t1 > end) end = s->g[k].t1;
    return end > s->g[g].t1 ? end : 0;
}

/* "used force against defenceless refugees", "detained several opposition activists": one or two
 * plain lower-case words (no preposition, determiner, clause word, speech verb or pattern word)
 * before a bare agent belong to its noun phrase; returns the agent's first token, or 0. */
static uint32_t adjectives_before_agent(const sctx *s, uint32_t i)
{
    for (uint32_t j = i, n = 0; j < s->t1 && n < 3; j++, n++) {
        int g = group_at(s, j);
        /* not an agent of no known country: "exiled dissidents from Myanmar" leaves the
         * target to a country named after it */
        if (g >= 0) return n && s->g[g].t0 == j && bare_agent(s, g) && s->g[g].code[0] != '-' ? j : 0;
        if ((s->t[j].flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM)) != DY_TF_WORD) return 0;
        unsigned wc = dy_dict_wclass(s->c->dict, s->t[j].id);
        if (wc & (DY_WC_PREP | DY_WC_DET | DY_WC_CLAUSE | DY_WC_NOUNEND | DY_WC_START_SAY | DY_WC_START_PAT)) return 0;
    }
    return 0;
}

/* A currency sign ("$", "€", "£", "¥"): part of a figure, so a gap may run over it. */
static int currency_at(const sctx *s, uint32_t i)
{
    const char *w = W(s, i);
    return s->t[i].nlen <= 3 && (w[0] == '$' || !strncmp(w, "\xe2\x82\xac", 3) || !strncmp(w, "\xc2\xa3", 2) || !strncmp(w, "\xc2\xa5", 2));
}

static int match_el(const sctx *s, const dy_pattern *p, int ei, uint32_t ti, int passive, match *m)
{
    const dy_dict *d = s->c->dict;
    if (ei == p->nel) { m->end = ti; return 1; }
    const dy_pel *e = dy_dict_pel(d, p->el + (uint32_t)ei);
    switch (e->type) {
    case DY_PE_WORDS: {
        uint32_t tj = ti;
        while (ei > 0 && tj < s->t1 && (s->t[tj].flags & DY_TF_QUOTE)) tj++;    /* signed a 'treaty' */
        int gt = tj < s->t1 ? group_at(s, tj) : -1;
        if (tj < s->t1 && s->t[tj].id && (gt < 0 || bare_agent(s, gt)) && dy_dict_pel_has(d, e, s->t[tj].id) &&
            match_el(s, p, ei + 1, tj + 1, passive, m))
            return 1;
        if (e->opt) return match_el(s, p, ei + 1, ti, passive, m);
        return 0;
    }
    case DY_PE_GAP: {
        uint32_t tj = ti;
        for (int k = 0; k <= DY_GAP_MAX; k++) {
            if (match_el(s, p, ei + 1, tj, passive, m)) return 1;
            if (tj >= s->t1) return 0;
            uint16_t f = s->t[tj].flags;
            int gt = group_at(s, tj);
            if ((gt >= 0 && !bare_agent(s, gt)) || (f & (DY_TF_END | DY_TF_CLAUSE | DY_TF_COMMA))) return 0;
            if (!(f & (DY_TF_WORD | DY_TF_QUOTE)) && !currency_at(s, tj)) return 0;     /* "pledged $10 million" */
            if (f & DY_TF_QUOTE) k--;
            tj++;
        }
        return 0;
    }
    case DY_PE_SKIP: return match_skip(s, p, ei, ti, passive, m);
    case DY_PE_SOURCE: return match_source(s, p, ei, ti, passive, m);
    case DY_PE_TARGET: {
        uint32_t tj = ti;
        int by = 0;
        if (passive && tj < s->t1 && WIS(s, tj, "by")) { by = 1; tj++; }
        uint32_t rj = tj;       /* "the other" is checked before "the" is skipped */
        int g0 = tj < s->t1 ? group_at(s, tj) : -1;
        if (g0 >= 0 && s->g[g0].t0 == tj) {
            /* "urged the two countries to": a reference that holds its own "the" */
        } else if (tj < s->t1 && WIS(s, tj, "the")) tj++;
        else if (tj + 1 < s->t1 && WIS(s, tj, "both") && group_at(s, tj) < 0 && group_at(s, tj + 1) >= 0) tj++;   /* "urged both Ankara and Moscow" */
        while (tj < s->t1 && (s->t[tj].flags & DY_TF_QUOTE)) tj++;
        int g = group_at(s, tj);
        if (!by && (g < 0 || s->g[g].modifier)) {      /* "stormed the official residence of T" */
            uint32_t oj = owner_after_of(s, tj);
            if (oj) { tj = oj; g = group_at(s, tj); }
        }
        if (g < 0 && !by) {
            uint32_t aj = adjectives_before_agent(s, tj);     /* "against defenceless refugees" */
            if (aj) { tj = aj; g = group_at(s, tj); }
        }
        if (g < 0 && !by && (reciprocal_at(s, tj) || reciprocal_at(s, (tj = rj)))) {  /* "accused each other" */
            if (!match_el(s, p, ei + 1, tj + 2, passive, m)) return 0;
            m->tgt = -1;
            return 1;
        }
        if (g < 0 || (s->g[g].t0 != tj && s->g[g].t0 != rj)) {     /* "by the President of Brazil" */
            /* "Putin and Kim met.": a symmetric act needs no object when it ends the pattern */
            if (p->sym && !by && ei + 1 == p->nel) { m->end = ti; m->tgt = -1; return 1; }
            return 0;
        }
        if (!match_el(s, p, ei + 1, s->g[g].t1, passive, m)) {
            uint32_t ae = ei + 1 < p->nel ? apposition_end(s, s->g[g].t1) : 0;
            if (!ae && ei + 1 < p->nel) ae = coordination_end(s, g);
            if (!ae || !match_el(s, p, ei + 1, ae, passive, m)) return 0;
        }
        m->tgt = g;
        m->by = by;
        return 1;
    }
    }
    return 0;
}

static int is_passive_at(const sctx *s, uint32_t head)
{
    const char *hw = W(s, head);
    size_t hl = s->t[head].nlen;
    if (hl > 3 && memcmp(hw + hl - 3, "ing", 3) == 0) return 0;
    for (uint32_t j = head; j-- > s->t0 && head - j <= 4;) {
        const char *w = W(s, j);
        size_t l = s->t[j].nlen;
        if (l > 2 && memcmp(w + l - 2, "ly", 2) == 0) continue;
        if (WIS(s, j, "been") || WIS(s, j, "being")) return 1;
        if (WIS(s, j, "also") || WIS(s, j, "then") || WIS(s, j, "later")) continue;
        uint32_t e;
        return gram_is(s, j, DY_G_BE, &e) && e == j + 1;
    }
    return 0;
}

static int find_source(const sctx *s, uint32_t head);

/* After a comma at from-1: a short phrase and a speech verb that ends the sentence or a clause
 * (", a senior Bree official said on Saturday."), the attribution of what came before. */
static int attribution_after(const sctx *s, uint32_t from)
{
    for (uint32_t j = from; j < s->t1 && j < from + 10; j++) {
        uint32_t e;
        if (j > from && gram_is(s, j, DY_G_SAY, &e)) return 1;
        if (!(s->t[j].flags & DY_TF_WORD) || (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) return 0;
        int g = group_at(s, j);
        if (g >= 0) { j = s->g[g].t1 - 1; continue; }
        /* "Saudi Arabia and the United States said": the speakers may be a list */
        if (WIS(s, j, "and") && j > from && group_at(s, j - 1) >= 0) continue;
        if (dy_dict_wclass(s->c->dict, s->t[j].id) & (DY_WC_CLAUSE | DY_WC_PREP)) return 0;
    }
    return 0;
}

/* A pattern flagged among (PETRARCH's leading %) needs a subject naming two or more actors
 * ("Manila and Paris agree"); meeting that condition makes it the more specific match. */
static int among_subject(const sctx *s, uint32_t head)
{
    int src = find_source(s, head);
    return src >= 0 && is_pair(s, src);
}

static size_t find_matches(const sctx *s, match *out, size_t max)
{
    const dy_dict *d = s->c->dict;
    size_t n = 0;
    /* the words outside actors that some pattern starts with, listed in one pass without a
     * branch per token (a sentence has at most DY_MAX_SENT_TOKENS) */
    _Static_assert(DY_MAX_SENT_TOKENS <= 256, "token offsets in a sentence fit a byte");
    uint8_t heads[DY_MAX_SENT_TOKENS];
    size_t nh = 0;
    for (uint32_t i = s->t0; i < s->t1; i++) {
        heads[nh] = (uint8_t)(i - s->t0);
        nh += ((dy_dict_wclass(d, s->t[i].id) & DY_WC_START_PAT) != 0) & (s->at[i - s->t0] < 0);
    }
    for (size_t h = 0; h < nh && n < max; h++) {
        uint32_t i = s->t0 + heads[h];
        size_t np;
        const uint32_t *cand = dy_dict_patterns_for(d, s->t[i].id, &np);
        const uint8_t *seen = s->c->seen, stamp = s->c->stamp;
        const dy_req *req = dy_dict_patterns_req(d, s->t[i].id);
        int passive = -1;           /* worked out once a pattern passes the word check */
        match best = {0};
        int have = 0;
        for (size_t k = 0; k < np; k++) {
            /* a word the pattern needs is nowhere in the sentence: skip it (lexicon ids are all
             * below nseen); most candidates leave here without their pattern being read */
            uint32_t r0 = req[k].w0, r1 = req[k].w1;
            if (r0 == DY_REQ_MANY ? !(req[k].sig & s->reqsig)
                                  : r0 && seen[r0] != stamp && (!r1 || seen[r1] != stamp))
                continue;
            const dy_pattern *p = dy_dict_pattern(d, cand[k]);
            if (r0 == DY_REQ_MANY) {        /* the signature may have let it through: look */
                const uint32_t *ws = dy_dict_wordset(d, p->req);
                int any = 0;
                for (uint16_t q = 0; q < p->nreq && !any; q++) any = ws[q] < s->c->nseen && seen[ws[q]] == stamp;
                if (!any) continue;
            }
            match m = {cand[k], i, i, -1, 0, p->nlit, -1};
            if (passive < 0) passive = is_passive_at(s, i);
            if (!match_el(s, p, 1, i + 1, passive, &m)) continue;
            if (p->among && !among_subject(s, i)) continue;
            m.nlit = (uint16_t)(m.nlit + p->among);
            if (!have || m.nlit > best.nlit || (m.nlit == best.nlit && m.end > best.end)) { best = m; have = 1; }
        }
        if (!have) continue;
        /* a match starting inside an earlier one is part of it */
        if (n > 0 && i < out[n - 1].end) {
            if (best.nlit <= out[n - 1].nlit) continue;
            n--;    /* the longer, more specific pattern wins */
        }
        out[n++] = best;
    }
    return n;
}

/* ---- sources, targets, mood ---- */

/* "welcomed the ruling", "denounced the verdict": a pattern whose last word is an actor of its
 * own (a court's ruling is the court's) names its target inside the phrase; -1 when none. */
static int actor_ends_match(const sctx *s, const match *m, int src)
{
    int g = group_at(s, m->end - 1);
    if (g < 0 || s->g[g].t1 != m->end || s->g[g].t0 <= m->head || !s->g[g].code[0]) return -1;
    if (src >= 0 && s->g[src].comp == s->g[g].comp) return -1;
    return s->g[g].comp;
}

/* "Zuniga told reporters that Arce had asked him ...": the listener of a speech verb is no
 * subject of what is reported. */
static int told_listener(const sctx *s, const dy_actor *g)
{
    uint32_t j = g->t0;
    if (j > s->t0 && WIS(s, j - 1, "the")) j--;
    return j > s->t0 && (WIS(s, j - 1, "told") || WIS(s, j - 1, "tells") || WIS(s, j - 1, "telling"));
}

/* "protesters who had stormed parliament a day earlier", "Russia, which intervened in 2015":
 * a verb in a relative clause after its actor tells background, not the story's act. */
/* "The ruling of a tribunal in July, which rejected China's claims, was not mentioned": a
 * clause set off by ", which" describes a thing or a time, told as background. */
static int background_which(const sctx *s, uint32_t j)
{
    return WIS(s, j, "which") && (s->t[j - 1].flags & DY_TF_COMMA);
}

static int relative_clause(const sctx *s, uint32_t head)
{
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 4; n++) {
        if (group_at(s, j) >= 0 || (s->t[j].flags & (DY_TF_COMMA | DY_TF_END))) return 0;
        if (WIS(s, j, "who") || WIS(s, j, "which"))
            return j > s->t0 && (group_at(s, j - (s->t[j - 1].flags & DY_TF_COMMA ? 2 : 1)) >= 0 || background_which(s, j));
    }
    return 0;
}

/* "Belarus denied the charge and said Poland had used force": an actor right after a speech verb
 * or "that" opens a reported clause and is its subject, even where an earlier verb took it for
 * its target. */
static int reported_subject(const sctx *s, const dy_actor *g)
{
    uint32_t j = g->t0, e;
    if (j > s->t0 && WIS(s, j - 1, "that")) return 1;
    for (uint32_t k = j; k-- > s->t0 && j - k <= 2;)
        if (gram_is(s, k, DY_G_SAY, &e) && e == j) return 1;
    return 0;
}

/* "Bongo's son was arrested on charges of treason, the junta said": an arrest, a sanction or a
 * sentence in the passive with no "by", told by an authority of the story's country (its
 * government, army, police or courts), is that authority's act; the speaker's group, or -1. */
static int passive_authority(const sctx *s, const match *m, const char *code)
{
    if (!(code[0] == '1' && (code[1] == '7' || !strncmp(code, "116", 3)))) return -1;
    const char *sc = dy_story_country(&s->c->story);
    for (uint32_t j = m->end; j + 1 < s->t1; j++) {
        if (!(s->t[j].flags & DY_TF_COMMA) || !attribution_after(s, j + 1)) continue;
        int g = group_at(s, j + 1 < s->t1 && WIS(s, j + 1, "the") ? j + 2 : j + 1);
        if (g < 0) return -1;
        const char *c = s->g[s->g[g].comp].code;
        if (strlen(c) < 6 || !sc[0] || strncmp(c, sc, 3) != 0) return -1;
        const char *r = c + 3;
        return !strncmp(r, "GOV", 3) || !strncmp(r, "MIL", 3) || !strncmp(r, "COP", 3) || !strncmp(r, "JUD", 3) ? s->g[g].comp : -1;
    }
    return -1;
}

/* "Hun Sen, who chairs ASEAN this year, had appealed ...": an actor inside a relative clause set
 * off by commas before the verb is no subject of the verb after the clause. */
static int inside_relative(const sctx *s, const dy_actor *g, uint32_t head)
{
    uint32_t j = g->t0;
    while (j > s->t0 && !(s->t[j - 1].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) j--;
    if (j <= s->t0 + 1 || !(s->t[j - 1].flags & DY_TF_COMMA)) return 0;
    if (!WIS(s, j, "who") && !WIS(s, j, "which") && !WIS(s, j, "whose")) return 0;
    for (uint32_t i = g->t1; i < head; i++)
        if (s->t[i].flags & DY_TF_COMMA) return 1;
    return 0;
}

static int find_source(const sctx *s, uint32_t head)
{
    int of = -1;
    for (int k = (int)s->ng - 1; k >= 0; k--) {
        const dy_actor *g = &s->g[k];
        if (g->t1 > head) continue;
        if (!g->code[0] && g->anaphor && !g->prep && g->anaphor != DY_G_SPEAKER)    /* "they had attacked": unknown */
            return of >= 0 ? s->g[of].comp : -1;    /* "fled the country as thousands of protesters marched" */
        if (!g->code[0] || g->modifier) continue;
        if (g->used_as_target && !reported_subject(s, g)) continue;
        if (inside_relative(s, g, head)) continue;
        /* "for Kim, who has met ...": the relative pronoun's antecedent is the subject */
        if (g->t1 + 1 < head && (s->t[g->t1].flags & DY_TF_COMMA) && (WIS(s, g->t1 + 1, "who") || WIS(s, g->t1 + 1, "which")))
            return g->comp;
        if (g->locative) continue;
        if (told_listener(s, g)) continue;
        if (g->prep && !g->poss) {
            if (g->of && of < 0) of = k;     /* "thousands of Serbian protesters rallied" */
            continue;
        }
        /* "Wang Yi and his Indian counterpart, Subrahmanyam Jaishankar, spoke": a name set off
         * by commas after the last member of a pair belongs to the pair */
        if (k > 0 && g->t0 > s->t0 + 1 && (s->t[g->t0 - 1].flags & DY_TF_COMMA) && g->t1 < head &&
            (s->t[g->t1].flags & DY_TF_COMMA)) {
            const dy_actor *pv = &s->g[k - 1];
            if (s->g[pv->comp].ncomp >= 2 && pv->t1 + 3 >= g->t0 - 1) {
                int plain = 1;
                for (uint32_t j = pv->t1; j + 1 < g->t0; j++)
                    if (!(s->t[j].flags & DY_TF_WORD) || (s->t[j].flags & DY_TF_CAP)) plain = 0;
                if (plain) return pv->comp;
            }
        }
        /* "The US commander in Iraq, General David Petraeus, held talks": a bare title in
         * apposition stands for the named actor before the comma */
        if (!is_named(s, g->comp) && g->t0 > s->t0 && (s->t[g->t0 - 1].flags & DY_TF_COMMA))
            for (int j = k - 1; j >= 0; j--) {
                if (s->g[s->g[j].comp].prep) continue;      /* "envoy to Seoul", "commander in Iraq" */
                if (is_named(s, j) && !s->g[j].used_as_target) return s->g[j].comp;
                break;
            }
        return g->comp;
    }
    return of >= 0 ? s->g[of].comp : -1;
}

/* The first actor in [from, limit): a named one first, then a place ("near Turkey"), then a bare
 * agent that is not the object of a preposition ("arrested protesters"). */
static int find_target(const sctx *s, uint32_t from, uint32_t limit)
{
    int loc = -1, agent = -1;
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->t0 < from || g->t0 >= limit || !g->code[0]) continue;
        if (!is_named(s, (int)k)) { if (agent < 0 && !g->modifier && !g->locative) agent = (int)k; continue; }
        if (g->locative) { if (loc < 0) loc = (int)k; continue; }
        return g->comp;
    }
    return loc >= 0 ? s->g[loc].comp : agent >= 0 ? s->g[agent].comp : -1;
}

/* "South Korea said it would reconsider ..., and summoned the ambassador": a verb right after
 * "and" (adverbs between) shares the subject of the sentence. */
static int and_verb(const sctx *s, uint32_t head)
{
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 4; n++) {     /* ", and on Friday summoned" */
        if (group_at(s, j) >= 0 || !(s->t[j].flags & DY_TF_WORD)) return 0;
        if (WIS(s, j, "and")) return j > s->t0 && (s->t[j - 1].flags & DY_TF_COMMA);
    }
    return 0;
}

/* "Arce confronted Zuniga in a corridor and ordered him to withdraw": a verb after "and" (no
 * comma, at most two words between) whose nearest actor is the object of a verb before it (a
 * pattern's first word or a word in -ed, right before the actor or its "the") shares that verb's
 * subject. Returns the source to use: that subject, or src unchanged. */
static int object_before_and(const sctx *s, uint32_t head, int src)
{
    if (src < 0) return src;
    uint32_t j = head, n = 0;
    while (j-- > s->t0 && n++ < 3 && !WIS(s, j, "and"))
        if (group_at(s, j) >= 0 || !(s->t[j].flags & DY_TF_WORD)) return src;
    if (j <= s->t0 || j >= head || !WIS(s, j, "and") || (s->t[j - 1].flags & DY_TF_COMMA)) return src;
    uint32_t a = s->g[src].t0;
    if (a >= j || a <= s->t0) return src;
    uint32_t v = a - 1;
    if (WIS(s, v, "the") && v > s->t0) v--;
    if (group_at(s, v) >= 0 || !(s->t[v].flags & DY_TF_WORD) || (s->t[v].flags & DY_TF_CAP)) return src;
    uint32_t wc = dy_dict_wclass(s->c->dict, s->t[v].id);
    if (wc & (DY_WC_PREP | DY_WC_DET | DY_WC_CLAUSE | DY_WC_NOUNEND | DY_WC_START_SAY)) return src;
    size_t vl = s->t[v].nlen;
    if (!(wc & DY_WC_START_PAT) && !(vl > 4 && !memcmp(W(s, v) + vl - 2, "ed", 2))) return src;
    int subj = find_source(s, v);
    return subj >= 0 && s->g[subj].comp != s->g[src].comp ? subj : src;
}

/* The first actor of the sentence that is no object of a preposition, before head. */
/* "Putin said that Belarus had nothing to do with it and urged the EU to talk": a speech act
 * (an appeal, a demand, a rebuke: roots 01, 02, 10-13) joined by "and" after a reported "that"
 * clause is the speaker's, not the clause's subject's. */
static int speaker_and_verb(const sctx *s, uint32_t head, const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (!(root == 1 || root == 2 || (root >= 10 && root <= 13))) return 0;
    uint32_t j = head, n = 0;
    while (j-- > s->t0 && n++ < 3 && !WIS(s, j, "and"))
        if (group_at(s, j) >= 0 || !(s->t[j].flags & DY_TF_WORD)) return 0;
    if (j < s->t0 || j >= head || !WIS(s, j, "and")) return 0;
    for (uint32_t q = j; q-- > s->t0;) {
        if (s->t[q].flags & (DY_TF_CLAUSE | DY_TF_END)) return 0;
        uint32_t e;
        if (WIS(s, q, "that") && q > s->t0) {
            for (uint32_t r = q, k = 0; r-- > s->t0 && k < 4; k++)
                if (gram_is(s, r, DY_G_SAY, &e) && e <= q) return 1;
            return 0;
        }
        /* "Obama said Turkey had a right to ... and urged": the clause's subject right after */
        if (gram_is(s, q, DY_G_SAY, &e) && e < j && group_at(s, e) >= 0 && s->g[group_at(s, e)].t0 == e) return 1;
    }
    return 0;
}

static int sentence_subject(const sctx *s, uint32_t head)
{
    for (size_t k = 0; k < s->ng && s->g[k].t1 <= head; k++) {
        const dy_actor *g = &s->g[k];
        if (!g->code[0] || g->locative || g->modifier || (g->prep && !g->poss)) continue;
        return g->comp;
    }
    return -1;
}

/* "Cambodian forces fired rockets into Thai territory, killing civilians": a participle right
 * after a comma (not the sentence's first clause) opens a clause whose subject is the main
 * clause's; it tells the result of the act before it. */
static int participial_at(const sctx *s, uint32_t head)
{
    if (head < s->t0 + 2 || !(s->t[head - 1].flags & DY_TF_COMMA) || group_at(s, head) >= 0) return 0;
    size_t l = s->t[head].nlen;
    if (l < 5 || memcmp(W(s, head) + l - 3, "ing", 3) != 0) return 0;
    int subj = sentence_subject(s, head);
    return subj >= 0 && s->g[subj].t1 < head - 1;
}

/* The sentence has an event already from the actor at src with the same CAMEO root: the main
 * clause's act, which the participle only tells the result of ("fired rockets, killing ..."). */
static int sentence_has_event_from(const sctx *s, int src, const char *code)
{
    const dy_coder *c = s->c;
    uint32_t a = s->t[s->g[src].t0].start;
    for (size_t k = c->nev; k-- > 0 && c->ev[k].sent == s->sidx;)
        if (c->ev[k].src_start == a && !strncmp(c->ev[k].code, code, 2)) return 1;
    return 0;
}

/* "Obama wants Putin to attack ...", "urged Iran to stop ...": the actor before "to VERB" is the
 * object of the verb before it, and what it is asked to do has not happened. */
static int complement_at(const sctx *s, uint32_t head)
{
    if (head < s->t0 + 2 || !WIS(s, head - 1, "to")) return 0;
    int g = group_at(s, head - 2);
    if (g < 0 || s->g[g].anaphor) return 0;
    uint32_t j = s->g[s->g[g].comp].t0;
    if (j > s->t0 && WIS(s, j - 1, "the")) j--;
    if (j == s->t0) return 0;
    uint16_t f = s->t[j - 1].flags;
    return (f & DY_TF_WORD) && !(f & DY_TF_CAP) && !(dy_dict_wclass(s->c->dict, s->t[j - 1].id) & (DY_WC_PREP | DY_WC_CLAUSE));
}

/* "Under the deal, Washington will pull out ...", "Under the agreement, troops are to withdraw":
 * the sentence states the terms of an agreement, not an act nor an actor's own announcement. */
static int treaty_terms(const sctx *s)
{
    static const char *const noun[] = {"deal", "agreement", "pact", "accord", "treaty", "plan", "arrangement",
                                       "ceasefire", "truce", "deals", "agreements", "terms", "proposal", "framework"};
    uint32_t j = s->t0;
    if (j + 2 >= s->t1 || !WIS(s, j, "under")) return 0;
    j++;
    if (WIS(s, j, "the") || WIS(s, j, "this") || WIS(s, j, "that") || WIS(s, j, "a") || WIS(s, j, "an") ||
        (s->t[j].flags & DY_TF_POSS))
        j++;
    for (uint32_t k = j; k < s->t1 && k < j + 3; k++) {
        if (s->t[k].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
        for (size_t i = 0; i < sizeof noun / sizeof *noun; i++)
            if (s->t[k].nlen == strlen(noun[i]) && !memcmp(W(s, k), noun[i], s->t[k].nlen)) return 1;
    }
    return 0;
}

/* "faces pressure from Congress to help Iran", "calls by the EU to lift ...": the act after "to"
 * is what a demand asks for, not one done. */
static int demanded_act(const sctx *s, uint32_t head)
{
    static const char *const noun[] = {"pressure", "calls", "call", "demands", "demand", "appeals", "appeal",
                                       "request", "requests", "pleas", "plea"};
    if (head < s->t0 + 2 || !WIS(s, head - 1, "to")) return 0;
    for (uint32_t j = head - 1, n = 0; j-- > s->t0 && n < 6; n++) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
        for (size_t i = 0; i < sizeof noun / sizeof *noun; i++)
            if (s->t[j].nlen == strlen(noun[i]) && !memcmp(W(s, j), noun[i], s->t[j].nlen)) return 1;
    }
    return 0;
}

/* "announced it would", "said on Wednesday that it would": a speech verb ends at most four
 * words (a date, "that") before token i, with no actor or comma between. */
static int said_before(const sctx *s, uint32_t i)
{
    for (uint32_t q = i, n = 0; q-- > s->t0 && n < 5; n++) {
        uint32_t e;
        if (gram_is(s, q, DY_G_SAY, &e) && e <= i) return 1;
        if (group_at(s, q) >= 0 || (s->t[q].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END))) return 0;
    }
    return 0;
}

/* "Prime Minister Theresa May expelled ...": a mood word inside a named actor is part of the name. */
static int in_name(const sctx *s, uint32_t j)
{
    int g = group_at(s, j);
    return g >= 0 && !s->g[g].anaphor && j > s->g[g].t0 && (s->t[j].flags & DY_TF_CAP);
}

/* "Trade talks between the two countries, which stalled last year, have not resumed": a noun
 * opening the sentence is the subject of the verb after its phrase (a relative clause between
 * commas passed over); a negated verb there negates it. */
static int negated_predicate(const sctx *s, const match *m)
{
    if (m->head > s->t0 + 2 || !(s->t[m->head].flags & DY_TF_WORD)) return 0;
    for (uint32_t j = s->t0; j < m->head; j++)
        if (group_at(s, j) >= 0) return 0;
    uint32_t j = m->end;
    for (;;) {      /* "between Canada and India" */
        if (j < s->t1 && group_at(s, j) >= 0) j = s->g[group_at(s, j)].t1;
        else if (j + 1 < s->t1 && (WIS(s, j, "and") || WIS(s, j, "the")) && group_at(s, j + 1) >= 0) j++;
        else break;
    }
    if (j + 1 < s->t1 && (s->t[j].flags & DY_TF_COMMA) && (WIS(s, j + 1, "which") || WIS(s, j + 1, "who"))) {
        for (j += 2; j < s->t1 && !(s->t[j].flags & (DY_TF_COMMA | DY_TF_END)); j++) {}
        if (j >= s->t1 || !(s->t[j].flags & DY_TF_COMMA)) return 0;
        j++;
    }
    for (uint32_t n = 0; j < s->t1 && n < 3; j++, n++) {
        uint32_t e;
        if (gram_class_at(s, j, &e) == DY_G_NEGATE) return 1;
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
    }
    return 0;
}

static int mood_at(const sctx *s, uint32_t head)
{
    uint32_t start = head > s->t0 + 15 ? head - 15 : s->t0;
    for (uint32_t j = head; j-- > start;) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) { start = j + 1; break; }
        /* "the sanctions had failed to improve ... and accused ...": another verb's clause; but
         * "If Russia and China attack" is one clause with a compound subject */
        if (WIS(s, j, "that") ||
            ((WIS(s, j, "and") || WIS(s, j, "but")) && j + 1 < s->t1 && group_at(s, j + 1) < 0 &&
             !WIS(s, j + 1, "to") &&     /* "committed to keep talking and to meet": one verb's */
             !(j + 2 < s->t1 && WIS(s, j + 1, "the") && group_at(s, j + 2) >= 0))) {
            start = j + 1;
            break;
        }
    }
    /* "accused Seoul of supplying ...", "criticised for seeking to ...", "without consulting":
     * a gerund after a preposition is what someone claims or wants, not an act */
    {
        uint32_t j = head;
        if (j >= s->t0 + 2 && WIS(s, j - 1, "to")) {
            const char *g = W(s, j - 2);
            size_t gl = strlen(g);
            if (gl > 4 && !strcmp(g + gl - 3, "ing")) j -= 2;
        } else {
            const char *g = W(s, j);
            size_t gl = strlen(g);
            if (!(gl > 4 && !strcmp(g + gl - 3, "ing"))) j = s->t0;
        }
        if (j > s->t0) {
            const char *p = W(s, j - 1);
            if (!strcmp(p, "without")) return DY_MOOD_NEGATED;
            if (!strcmp(p, "of") || !strcmp(p, "for") || !strcmp(p, "about") || !strcmp(p, "against")) return DY_MOOD_HYPOTHETICAL;
            /* "held talks on expanding trade", "a row over extending the deal": a topic */
            if (!strcmp(p, "on") || !strcmp(p, "over") || !strcmp(p, "regarding") || !strcmp(p, "concerning")) return DY_MOOD_HYPOTHETICAL;
            /* "a trip aimed at pushing for a ceasefire": a purpose */
            if (!strcmp(p, "at") && j > s->t0 + 1 && !strncmp(W(s, j - 2), "aim", 3)) return DY_MOOD_HYPOTHETICAL;
        }
    }
    int mood = DY_MOOD_FACTUAL;
    for (uint32_t j = start; j < head; j++) {
        uint32_t e;
        if (in_name(s, j)) continue;
        int cls = gram_class_at(s, j, &e);
        if (cls == DY_G_NEGATE) return DY_MOOD_NEGATED;
        if (cls == DY_G_HYPO) {
            /* "announced it would free ...": reported intent, not a condition */
            if (WIS(s, j, "would") && j >= s->t0 + 2 && group_at(s, j - 1) >= 0 && said_before(s, s->g[group_at(s, j - 1)].t0)) {
                if (mood == DY_MOOD_FACTUAL) mood = DY_MOOD_INTENT;
                continue;
            }
            mood = DY_MOOD_HYPOTHETICAL;
        }
        if (cls == DY_G_INTENT && mood == DY_MOOD_FACTUAL) mood = DY_MOOD_INTENT;
    }
    if (mood == DY_MOOD_INTENT && treaty_terms(s)) mood = DY_MOOD_HYPOTHETICAL;
    if (demanded_act(s, head)) mood = DY_MOOD_HYPOTHETICAL;
    /* a question is not a statement */
    if (s->t1 > s->t0 && WIS(s, s->t1 - 1, "?")) mood = DY_MOOD_HYPOTHETICAL;
    return mood;
}

/* PETRARCH's convention for a cooperative act that is negated: its rejection (CAMEO 12x):
 * "would not provide support" 121, "did not agree to meet" 125; NULL for other roots. */
static const char *rejection_code(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    switch (root) {
    case 3: case 5: return "120";
    case 4: return "125";
    case 6: case 7: return "121";
    case 8: return "124";
    default: return NULL;
    }
}

/* The CAMEO code that announces an act: intent to cooperate (03x) for the cooperative roots,
 * a threat (13x) for force and sanctions; NULL where an announcement is no event of its own. */
static const char *intent_code(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    switch (root) {
    case 3: case 13: return code;
    case 4: return "036";
    case 5: return "032";
    case 6: return !strncmp(code, "062", 3) ? "0312" : !strncmp(code, "064", 3) ? "0314" : !strncmp(code, "063", 3) ? "0313" : "0311";
    case 7: return !strncmp(code, "071", 3) ? "0331" : !strncmp(code, "072", 3) ? "0332" : !strncmp(code, "073", 3) ? "0333" : !strncmp(code, "074", 3) ? "0334" : "033";
    case 8: return !strncmp(code, "084", 3) ? "0353" : !strncmp(code, "085", 3) ? "0354" : !strncmp(code, "087", 3) ? "0356" : "035";
    case 15: return "138";
    case 16: return !strncmp(code, "161", 3) ? "1313" : !strncmp(code, "162", 3) ? "1311" : !strncmp(code, "163", 3) ? "1312" :
                    !strncmp(code, "164", 3) ? "134" : !strncmp(code, "165", 3) ? "135" : !strncmp(code, "166", 3) ? "136" : "131";
    case 17: return "137";
    case 18: return "1383";
    case 19: return !strncmp(code, "191", 3) ? "1381" : !strncmp(code, "192", 3) ? "1382" : "1384";
    case 20: return !strncmp(code, "204", 3) ? "1385" : "1383";
    default: return NULL;
    }
}

/* Is date k inside a relative clause (", who ...", ", where ...") that the verb at head is not
 * in? "Lula accused Bolsonaro, who has stayed in Florida since December": not the accusation's. */
static int date_in_other_clause(const sctx *s, size_t k, uint32_t head)
{
    uint32_t rs = UINT32_MAX, re = s->t1;
    for (uint32_t j = s->dates[k].t0; j-- > s->t0;) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) break;
        if (j > s->t0 && (s->t[j - 1].flags & DY_TF_COMMA) &&
            (WIS(s, j, "who") || WIS(s, j, "which") || WIS(s, j, "where") || WIS(s, j, "whom") || WIS(s, j, "whose"))) {
            rs = j;
            break;
        }
    }
    if (rs == UINT32_MAX) return 0;
    for (uint32_t j = s->dates[k].t1; j < s->t1; j++)
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) { re = j; break; }
    return head < rs || head >= re;
}

/* Is date k the date of a report ("state media reported on Friday", "Seoul said Friday"; not
 * "the United States on Friday"), and the verb at head not the report's? The act reported took
 * place when the sentence says elsewhere, if it does. */
static int report_date(const sctx *s, size_t k, uint32_t head)
{
    uint32_t j = s->dates[k].t0, e;
    if (j > s->t0 && WIS(s, j - 1, "on")) j--;
    for (uint32_t i = j >= s->t0 + 3 ? j - 3 : s->t0; i < j; i++)
        if (!(s->t[i].flags & DY_TF_CAP) && gram_is(s, i, DY_G_SAY, &e) && e == j) return head < i || head >= e;
    return 0;
}

static dy_date date_for(const sctx *s, uint32_t head)
{
    int best = -1, reported = -1;
    uint32_t bd = UINT32_MAX;
    for (size_t k = 0; k < s->ndates; k++) {
        if (s->dates[k].date.prec == DY_PREC_NONE || date_in_other_clause(s, k, head)) continue;
        if (report_date(s, k, head)) { if (reported < 0) reported = (int)k; continue; }
        uint32_t dist = s->dates[k].t0 >= head ? s->dates[k].t0 - head : head - s->dates[k].t1;
        if (dist < bd) { bd = dist; best = (int)k; }
    }
    if (best < 0) best = reported;
    if (best >= 0) return s->dates[best].date;
    return s->ctx;
}

/* Counts a dyad (by country) for the document's topic. */
static void note_topic(dy_coder *c, const char *x, const char *y)
{
    if (x[0] == '-' || y[0] == '-') return;
    for (size_t i = 0; i < c->ntopic; i++) {
        struct topic *t = &c->topic[i];
        if ((!strncmp(t->a, x, 3) && !strncmp(t->b, y, 3)) || (!strncmp(t->a, y, 3) && !strncmp(t->b, x, 3))) {
            t->n++;
            return;
        }
    }
    if (c->ntopic == sizeof c->topic / sizeof *c->topic) return;
    struct topic *t = &c->topic[c->ntopic++];
    set_code(t->a, x);
    set_code(t->b, y);
    t->n = 1;
}

/* The country of a code as the dev set keys it: an IGO's whole code, else its first three letters. */
static size_t key_len(const char *code)
{
    return !strncmp(code, "IGO", 3) ? strlen(code) + 1 : 3;
}

/* Under dyad's convention one sentence tells one act per dyad of countries and root: "the
 * government and the rebels signed" between two bodies of one country is one domestic signing
 * (ETH ETH 05), and crowds that storm the Congress and the court one protest (BRA BRA 14). The
 * dev set counts a second event of the same key as false, so the first stands for both. */
static int same_key_before(const dy_coder *c, const dy_event *e)
{
    if (c->opts.convention != DY_CONV_DYAD) return 0;
    size_t ls = key_len(e->source), lt = key_len(e->target);
    for (size_t k = c->nev; k-- > 0 && c->ev[k].sent == e->sent;) {
        const dy_event *o = &c->ev[k];
        if (o->mood == e->mood && !strncmp(o->source, e->source, ls) && !strncmp(o->target, e->target, lt) &&
            !strncmp(o->code, e->code, 2))
            return 1;
    }
    return 0;
}

/* Adds the event unless the sentence already has it: 1 added, 0 duplicate, -1 out of memory. */
static int push_event(dy_coder *c, const dy_event *e)
{
    for (size_t k = c->nev; k-- > 0 && c->ev[k].sent == e->sent;)
        if (!strcmp(c->ev[k].source, e->source) && !strcmp(c->ev[k].target, e->target) && !strcmp(c->ev[k].code, e->code))
            return 0;
    if (same_key_before(c, e)) return 0;
    if (c->nev == c->capev) {
        size_t cap = c->capev ? c->capev * 2 : 64;
        dy_event *v = realloc(c->ev, cap * sizeof *v);
        if (!v) return -1;
        c->ev = v;
        c->capev = cap;
    }
    c->ev[c->nev++] = *e;
    return 1;
}

/* Is the pattern's head a noun: after a determiner or a possessive, at most two words between
 * ("the summit", "a visit", "Kim's second meeting", "the deepening ties", "a brief private visit")? */
static int is_nominal(const sctx *s, uint32_t head)
{
    /* "the junta demanded", "its partners accused": a past tense after a noun is a verb */
    size_t hl = s->t[head].nlen;
    int past = hl > 4 && !memcmp(W(s, head) + hl - 2, "ed", 2);
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 3; n++) {
        if (past && n == 0 && !(s->t[j].flags & DY_TF_POSS) && !(dy_dict_wclass(s->c->dict, s->t[j].id) & DY_WC_DET)) return 0;
        if (s->t[j].flags & DY_TF_POSS) return 1;
        if (!(s->t[j].flags & DY_TF_WORD) || group_at(s, j) >= 0) return 0;
        if (dy_dict_wclass(s->c->dict, s->t[j].id) & DY_WC_DET) return 1;
    }
    return 0;
}

/* A preposition stands before token i (a leading "the" skipped): "a visit to (the) T". */
static int after_prep(const sctx *s, uint32_t i)
{
    if (i > s->t0 && WIS(s, i - 1, "the")) i--;
    return i > s->t0 && (dy_dict_wclass(s->c->dict, s->t[i - 1].id) & DY_WC_PREP);
}

/* The actor whose possessive stands right before a noun head: "Putin's (first) visit". */
static int possessor(const sctx *s, uint32_t head)
{
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 3; n++) {
        if (!(s->t[j].flags & DY_TF_POSS)) continue;
        int g = j > s->t0 ? group_at(s, j - 1) : -1;
        return g >= 0 && s->g[g].code[0] ? s->g[g].comp : -1;
    }
    return -1;
}

/* The actor follows "with" ("held talks with China"): a party, not a topic. */
static int after_with(const sctx *s, int g)
{
    uint32_t p = s->g[s->g[g].comp].t0;
    if (p > s->t0 && WIS(s, p - 1, "the")) p--;
    return p > s->t0 && WIS(s, p - 1, "with");
}

/* The target list follows "between" or "among". */
static int tgt_between(const sctx *s, int tgt)
{
    uint32_t p = s->g[tgt].t0;
    if (p > s->t0 && WIS(s, p - 1, "the")) p--;
    return p > s->t0 && (WIS(s, p - 1, "between") || WIS(s, p - 1, "among"));
}

/* One event x -> y, unless it is no dyad; 1 added, 0 not, -1 out of memory. */
/* Two codes of one country: "Russia" and "the Kremlin" are no dyad, nor one code acting on
 * itself; but two different people or bodies of one country are ("the army detained President
 * Bazoum" NERMIL NERGOV, "police arrested former vice president Glas" ECUCOP ECU, "the
 * president dismissed his deputy" ZWEGOV ZWEGOV): a domestic event. A country's own name on
 * one side (a state group) stays no dyad. */
static int domestic_dyad(const sctx *s, const char *x, int xi, const char *y, int yi)
{
    if (strncmp(x, y, 3) != 0 || !dy_code_is_country(x)) return strcmp(x, y) != 0;
    if (strcmp(x, y) != 0 && strlen(x) > 3 && strlen(y) > 3) return 1;     /* RUSGOV, RUSMIL */
    const dy_actor *a = &s->g[xi], *b = &s->g[yi];
    if (xi == yi || a->anaphor || b->anaphor) return 0;
    /* a country's own name ("Russia", "Moscow") on either side */
    if ((a->kind == DY_GK_STATE && strlen(x) == 3 && b->filled != DY_FILLED_SENTENCE) ||
        (b->kind == DY_GK_STATE && strlen(y) == 3 && a->filled != DY_FILLED_SENTENCE)) return 0;
    /* one code on both sides, filled in from the story ("whose troops fought alongside the
     * army"): most likely two countries the text leaves unnamed */
    return strcmp(x, y) != 0 || (!a->filled && !b->filled);
}

/* "Uganda imposed a curfew in Kampala", "Kenyan police tortured detainees in Mombasa": a
 * material act at home (roots 08, 14-20, and 018) whose only target is a place of the doer's own country
 * is aimed at that country, as CAMEO codes it; the doer names its country itself (not a role
 * filled in from the story, nor a reference). */
static int act_at_home(const sctx *s, const match *m, const char *code, const char *x, int xi, const char *y, int yi)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    /* sympathy for a disaster at home ("expressed sorrow for the shootings in South Carolina") */
    if (root != 8 && (root < 14 || root > 20) && strncmp(code, "018", 3) != 0) return 0;
    const dy_actor *a = &s->g[xi], *b = &s->g[yi];
    /* the doer is the sentence's subject: in "claimed ISIL attacked Iraq and took Mosul" Iraq took nothing */
    int subj = sentence_subject(s, m->head);
    if (subj >= 0 && s->g[xi].comp != subj) return 0;
    return xi != yi && !a->filled && !a->anaphor && b->locative && !b->anaphor && b->kind == DY_GK_STATE && strlen(y) == 3 &&
           dy_code_is_country(x) && !strncmp(x, y, 3);
}

static int emit_one(sctx *s, const match *m, const char *code, const dy_cameo *cam, const char *x, int xi,
                    const char *y, int yi, int mood, dy_date date)
{
    dy_coder *c = s->c;
    if (!domestic_dyad(s, x, xi, y, yi) && !act_at_home(s, m, code, x, xi, y, yi)) {
        if (xi != yi) ex(c, "    skipped: %s -> %s is one actor on both sides\n", x, y);
        return 0;
    }
    if (x[0] == '-' && y[0] == '-') return 0;
    if (s->g[xi].weapon || s->g[yi].weapon) {     /* a weapon alone is no party */
        ex(c, "    skipped: a weapon alone is no party\n");
        return 0;
    }
    dy_event e = {0};
    e.sent = s->sidx;
    set_code(e.source, x);
    set_code(e.target, y);
    size_t cl = strnlen(code, sizeof e.code - 1), rl = strnlen(code, 2);
    memcpy(e.code, code, cl);
    e.code[cl] = 0;
    memcpy(e.root, code, rl);
    e.root[rl] = 0;
    e.quad = dy_cameo_quad(code);
    e.goldstein = cam ? cam->goldstein : 0;
    e.date = date;
    e.mood = (uint8_t)mood;
    e.src_start = s->t[s->g[xi].t0].start;
    e.src_end = s->t[s->g[xi].t1 - 1].end;
    e.tgt_start = s->t[s->g[yi].t0].start;
    e.tgt_end = s->t[s->g[yi].t1 - 1].end;
    e.verb_start = s->t[m->head].start;
    e.verb_end = s->t[m->end - 1].end;
    int added = 1;
    if (!mood || c->opts.moods_all) {
        added = push_event(c, &e);
        if (added < 0) return -1;
        if (added && !mood) note_topic(c, x, y);
        if (added && !mood && !strncmp(code, DY_CAMEO_VISIT, 3) && dy_code_is_country(y)) {
            memcpy(c->visit_place, y, 3);
            c->visit_place[3] = 0;
            c->visit_sent = s->sidx;
        }
    }
    if (!added) ex(c, "    skipped: %s -> %s %s, this sentence has an event of that key already\n", e.source, e.target, e.code);
    else
        ex(c, "    event %s -> %s %s (%s)%s\n", e.source, e.target, e.code, cam ? cam->name : "?",
           !mood ? "" : !c->opts.moods_all ? (mood == DY_MOOD_NEGATED ? " [negated: not emitted]" : " [hypothetical: not emitted]")
                                            : (mood == DY_MOOD_NEGATED ? " [negated]" : " [hypothetical]"));
    return added;
}

static int emit(sctx *s, const match *m, const char *code, const dy_cameo *cam, int src, int tgt, int sym, int mood)
{
    const char *sc[16], *tc[16];
    int si[16], ti[16];
    size_t ns = 0, nt = 0;
    if (src >= 0) ns = codes_of(s, src, sc, si, 16);
    if (tgt >= 0) nt = codes_of(s, tgt, tc, ti, 16);
    if (tgt < 0 && sym && ns >= 2) {       /* "Russia and North Korea signed ...": every pair */
        memcpy(tc, sc, ns * sizeof *sc);
        memcpy(ti, si, ns * sizeof *si);
        nt = ns;
        sym = 0;                            /* the pairs already run both ways */
    }
    if (src < 0 && sym && nt >= 2 && tgt_between(s, tgt)) {   /* "talks between Seoul and Beijing" */
        memcpy(sc, tc, nt * sizeof *tc);
        memcpy(si, ti, nt * sizeof *ti);
        ns = nt;
        sym = 0;
    }
    /* "Putin met Kim": a symmetric act (a meeting, a signing) runs both ways, as the dev set's
     * convention and CAMEO's paired codes have it (docs/coding.md) */
    dy_date date = date_for(s, m->head);
    int n = 0;
    for (size_t a = 0; a < ns; a++)
        for (size_t b = 0; b < nt; b++)
            for (int dir = 0; dir < (sym ? 2 : 1); dir++) {
                int r = dir ? emit_one(s, m, code, cam, tc[b], ti[b], sc[a], si[a], mood, date)
                            : emit_one(s, m, code, cam, sc[a], si[a], tc[b], ti[b], mood, date);
                if (r < 0) return -1;
                n += r;
            }
    return n;
}

/* "protesters attacked several embassies, including those of Rwanda, France and the United
 * States": embassies the story's country was lent to stand for the countries named after "of";
 * returns that list, or tgt. */
static int embassy_owner(const sctx *s, int tgt)
{
    const dy_actor *g = &s->g[tgt];
    if (!g->filled || g->t1 <= g->t0) return tgt;
    const char *w = W(s, g->t1 - 1);
    if (strncmp(w, "embass", 6) && strncmp(w, "consulate", 9)) return tgt;
    for (uint32_t j = g->t1, n = 0; j + 1 < s->t1 && n < 6; j++, n++) {
        if (s->t[j].flags & (DY_TF_END | DY_TF_CLAUSE)) break;
        if (group_at(s, j) >= 0) break;
        if (WIS(s, j, "of")) {
            int o = group_at(s, j + 1);
            if (o < 0 && WIS(s, j + 1, "the") && j + 2 < s->t1) o = group_at(s, j + 2);
            return o >= 0 && dy_code_is_country(s->g[o].code) ? s->g[o].comp : tgt;
        }
    }
    return tgt;
}

/* "vowed to destroy the protesters, saying he had ...": a participle after a comma opens a
 * clause of its own, whose actors are no object of the verb before when one ends the clause
 * ("including" lists them). */
static int participle_after(const sctx *s, uint32_t i)
{
    if (i >= s->t1 || group_at(s, i) >= 0 || !(s->t[i].flags & DY_TF_WORD)) return 0;
    size_t n = s->t[i].nlen;
    const char *w = W(s, i);
    return n > 5 && !memcmp(w + n - 3, "ing", 3) && !WIS(s, i, "including") && !WIS(s, i, "according");
}

/* "Sudan's army and the RSF agreed to a ceasefire ..., Saudi Arabia and the US said": with a pair
 * as subject, a symmetric act found no target of its own (no T in the pattern, no "with" or
 * "between") stays within the pair; actors after a comma belong to another clause. */
static int pair_keeps_act(const sctx *s, const match *m, int tgt)
{
    if (m->tgt >= 0 || tgt_between(s, tgt) || after_with(s, tgt)) return 0;
    /* "Putin and Xi discussed Ukraine": a pattern for a pair's own act (among) has no other party */
    if (dy_dict_pattern(s->c->dict, m->pat)->among) return 1;
    for (uint32_t j = m->end; j < s->g[s->g[tgt].comp].t0; j++) {
        if (s->t[j].flags & DY_TF_COMMA) return 1;
        /* "signed an agreement in Nairobi after a Kenyan court had blocked ...": a subordinate clause */
        if (WIS(s, j, "after") || WIS(s, j, "before") || WIS(s, j, "while") || WIS(s, j, "when") ||
            WIS(s, j, "because") || WIS(s, j, "although") || WIS(s, j, "though") || WIS(s, j, "despite"))
            return 1;
    }
    /* "Serbia and Kosovo agreed on how to implement a European Union plan": an actor that
     * qualifies a noun after it is what the act is about, not a party */
    uint32_t e = s->g[tgt].t1;
    if (e < s->t1 && s->g[tgt].ncomp < 2 && (s->t[e].flags & (DY_TF_WORD | DY_TF_CAP | DY_TF_NUM)) == DY_TF_WORD &&
        !(dy_dict_wclass(s->c->dict, s->t[e].id) & (DY_WC_PREP | DY_WC_CLAUSE | DY_WC_DET | DY_WC_START_SAY | DY_WC_START_BE)) &&
        !WIS(s, e, "and") && !WIS(s, e, "or"))
        return 1;
    return 0;
}

/* "Saudi Arabia and Iran agreed on Friday to restore relations", "agreed to a ceasefire": what
 * was agreed to is announced, not yet done (the dev set's convention: an intent, 03x). */
static int time_word(const sctx *s, uint32_t j)
{
    return (s->t[j].flags & (DY_TF_DATEW | DY_TF_NUM)) || WIS(s, j, "on") || WIS(s, j, "in") || WIS(s, j, "principle") ||
           WIS(s, j, "last") || WIS(s, j, "also");
}

static int agreed_to_act(const sctx *s, const match *m)
{
    /* "agreed (on Friday) to restore relations": the act's verb after "agreed ... to" */
    if (m->head >= s->t0 + 2 && WIS(s, m->head - 1, "to")) {
        uint32_t j = m->head - 2;
        while (j > s->t0 && m->head - j < 6 && time_word(s, j) && group_at(s, j) < 0) j--;
        if (s->t[j].nlen >= 5 && !strncmp(W(s, j), "agree", 5)) return 1;
    }
    if (s->t[m->head].nlen < 5 || strncmp(W(s, m->head), "agree", 5) != 0) return 0;
    for (uint32_t j = m->head + 1; j < s->t1 && j <= m->head + 4; j++) {
        if (WIS(s, j, "to")) return 1;
        /* only a time between: "agreed on Friday to", "agreed in principle to", "agreed last week to" */
        if (!time_word(s, j)) return 0;
    }
    return 0;
}

/* "agreed on Friday to restore relations": the act agreed to is coded as the intent (agreed_to_act);
 * the general "agreed" (030) before it says the same and is left out. */
static int agree_subsumed(const sctx *s, const match *ms, size_t nm, size_t k)
{
    const dy_pattern *p = dy_dict_pattern(s->c->dict, ms[k].pat);
    uint32_t h = ms[k].head;
    if (strncmp(p->code, "03", 2) != 0 || s->t[h].nlen < 5 || strncmp(W(s, h), "agree", 5) != 0) return 0;
    for (size_t q = k + 1; q < nm && ms[q].head <= h + 6; q++) {
        const dy_pattern *pq = dy_dict_pattern(s->c->dict, ms[q].pat);
        if (pq->code[0] != '-' && ms[q].head >= h + 2 && WIS(s, ms[q].head - 1, "to") && agreed_to_act(s, &ms[q])) return 1;
    }
    return 0;
}

/* "signed agreements to normalise relations with the UAE", "sent troops to fight the rebels",
 * "threatened to strike": a verb right after "to" that ends the act before it tells that act's
 * purpose or content, not an act of its own. 1 when match k is such a purpose; an "agree" or
 * intent verb before it (03x) is left to agree_subsumed and the intent rules. */
static int purpose_of_prev(const sctx *s, const match *ms, size_t k)
{
    if (k == 0) return 0;
    const match *prev = &ms[k - 1], *m = &ms[k];
    const dy_pattern *pp = dy_dict_pattern(s->c->dict, prev->pat);
    if (pp->code[0] == '-' || !strncmp(pp->code, "03", 2) || !strncmp(pp->code, "13", 2)) return 0;
    if (m->head <= s->t0 || !WIS(s, m->head - 1, "to") || m->head <= prev->end) return 0;
    uint32_t a = prev->end, b = m->head - 1;    /* "widened sanctions against Belarus to target ..." */
    if (a == b) return 1;
    if (b - a > 5 || !(dy_dict_wclass(s->c->dict, s->t[a].id) & DY_WC_PREP)) return 0;
    for (uint32_t j = a; j < b; j++) {
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
        int list = j > a && group_at(s, j - 1) >= 0 && group_at(s, j + 1) >= 0;     /* "on Iran and Syria" */
        if (!list && (dy_dict_wclass(s->c->dict, s->t[j].id) & DY_WC_CLAUSE)) return 0;     /* "on Wednesday and agreed to" */
    }
    return 1;
}

/* The target of an act with none of its own, from the purpose after it: "signed agreements to
 * normalise relations with the UAE" -> the UAE. -1 when none. */
static int target_from_purpose(const sctx *s, const match *ms, size_t nm, size_t k, uint32_t limit)
{
    if (k + 1 >= nm || !purpose_of_prev(s, ms, k + 1)) return -1;
    const match *n = &ms[k + 1];
    return n->tgt >= 0 ? s->g[n->tgt].comp : find_target(s, n->end, limit > n->end ? limit : n->end);
}

/* "Delegations have been negotiating in the Saudi city of Jeddah": a place found after a meeting
 * verb (not at the pattern's T) is where it happens, not a party; it hosts only when its country
 * is a party named otherwise (meeting_place). */
static int place_not_party(const sctx *s, const match *m, const dy_pattern *p, int tgt)
{
    return tgt >= 0 && m->tgt < 0 && p->meet && s->g[tgt].locative;
}

/* Where a meeting took place, as a country: a place in the sentence ("in Istanbul", "off the port
 * of Vladivostok"), else the destination of a visit in this or the sentence before. */
static int meeting_place(const sctx *s, char home[4])
{
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (g->anaphor || g->kind == DY_GK_AGENT || !is_named(s, (int)k) || !dy_code_is_country(g->code)) continue;
        int at = g->locative;
        for (uint32_t j = g->t0, n = 0; !at && j-- > s->t0 && n < 6; n++) {
            if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) break;
            at = (dy_dict_wclass(s->c->dict, s->t[j].id) & DY_WC_LOC) || WIS(s, j, "off");
        }
        if (!at) continue;
        memcpy(home, g->code, 3);
        home[3] = 0;
        return 1;
    }
    const dy_coder *c = s->c;
    if (c->visit_place[0] && s->sidx - c->visit_sent <= 1) { memcpy(home, c->visit_place, 4); return 1; }
    return 0;
}

/* Paired acts (docs/coding.md): hosting implies a visit back ("043 host+ T ; pair=042"), and a
 * meeting where one party is at home is that party's hosting (043) and the other's visit (042).
 * 1: coded here; 0: not a case for it (the caller codes the act as usual); -1: out of memory. */
/* "Abiy arrived in Asmara ... and Isaias greeted him": the paired act (the visit) is told
 * already in the sentence, between the same countries with the same root. */
static int pair_told(const sctx *s, const char *code, const char *from, const char *to)
{
    for (size_t e = s->c->nev; e-- > 0 && s->c->ev[e].sent == s->sidx;) {
        const dy_event *v = &s->c->ev[e];
        if (!strncmp(v->code, code, 2) && !strncmp(v->source, from, 3) && !strncmp(v->target, to, 3)) return 1;
    }
    return 0;
}

static int emit_paired(sctx *s, const match *m, const dy_pattern *p, int src, int tgt)
{
    const char *xc[4], *yc[4];
    int xi[4], yi[4];
    size_t nx = 0, ny = 0;
    if (src >= 0 && tgt >= 0) {
        nx = codes_of(s, src, xc, xi, 4);
        ny = codes_of(s, tgt, yc, yi, 4);
    } else if (p->sym && (src >= 0 || tgt >= 0)) {      /* "the two leaders met in Vladivostok" */
        nx = codes_of(s, src >= 0 ? src : tgt, xc, xi, 4);
        if (nx != 2) return 0;
        yc[0] = xc[1];
        yi[0] = xi[1];
        nx = ny = 1;
    }
    /* a meeting's host is one party; a pair= code runs between every source and target
     * ("will meet Eriadori and Calenardhon leaders" [031:031]) */
    if (!nx || !ny || ((nx != 1 || ny != 1) && !p->pair[0])) return 0;
    dy_date date = date_for(s, m->head);
    const char *code1 = p->code, *code2 = p->pair;
    if (!code2[0]) {
        char home[4];
        if (!meeting_place(s, home)) return 0;
        int xh = !strncmp(xc[0], home, 3), yh = !strncmp(yc[0], home, 3);
        if (xh == yh) return 0;
        code1 = xh ? DY_CAMEO_HOST : DY_CAMEO_VISIT;
        code2 = xh ? DY_CAMEO_VISIT : DY_CAMEO_HOST;
        ex(s->c, "    a meeting in %s: %s hosts\n", home, xh ? xc[0] : yc[0]);
    }
    /* the pattern's codes have their entries already (found once at load) */
    const dy_cameo *c1 = code1 == p->code ? p->cam : dy_dict_cameo(s->c->dict, code1);
    const dy_cameo *c2 = code2 == p->pair ? p->pair_cam : dy_dict_cameo(s->c->dict, code2);
    for (size_t a = 0; a < nx; a++)
        for (size_t b = 0; b < ny; b++) {
            if (emit_one(s, m, code1, c1, xc[a], xi[a], yc[b], yi[b], DY_MOOD_FACTUAL, date) < 0) return -1;
            if (!pair_told(s, code2, yc[b], xc[a]) &&
                emit_one(s, m, code2, c2, yc[b], yi[b], xc[a], xi[a], DY_MOOD_FACTUAL, date) < 0) return -1;
        }
    return 1;
}

/* A reciprocal phrase in [from, limit): the act runs both ways within the pair. */
static int reciprocal_after(const sctx *s, uint32_t from, uint32_t limit)
{
    for (uint32_t j = from; j + 1 < limit && j + 1 < s->t1; j++)
        if (reciprocal_at(s, j)) return 1;
    return 0;
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

static void learn_names(sctx *s)
{
    dy_aliases *al = &s->c->aliases;
    for (size_t k = 0; k < s->ng; k++) {
        const dy_actor *g = &s->g[k];
        if (!g->name0 && !full_name(s, g)) continue;
        if (!g->code[0] || g->code[0] == '-' || al->n == DY_MAX_ALIASES) continue;
        const char *w = W(s, g->t1 - 1);
        if (strlen(w) >= sizeof al->a[0].word || strlen(w) < 3) continue;
        size_t a = 0;
        while (a < al->n && strcmp(al->a[a].word, w) != 0) a++;
        if (a == al->n) al->n++;
        snprintf(al->a[a].word, sizeof al->a[a].word, "%s", w);
        set_code(al->a[a].code, g->code);
    }
}

/* "agreed to" (not "agree that ...", whose clause has a subject of its own, nor a dictionary's
 * plain "agree" pattern, which says itself what agreeing codes as) */
static int agreed_to(const sctx *s, uint32_t j)
{
    return !strncmp(W(s, j), "agree", 5) && j + 1 < s->t1 && WIS(s, j + 1, "to");
}

/* "each side freed 1,000 captives", "the two sides agreed to exchange prisoners": a pair that acts
 * with no other party named acts on each other, when the subject says so ("each", "either") or
 * the verb is an agreement ("agreed to"). */
static int mutual_subject(const sctx *s, int src, uint32_t head)
{
    const dy_actor *g = &s->g[src];
    if (g->anaphor == DY_G_PAIR && (WIS(s, g->t0, "each") || WIS(s, g->t0, "either"))) return 1;
    for (uint32_t j = head + 1, n = 0; j-- > s->t0 && n < 5 && j >= g->t1; n++) {
        if (j < head && ((s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE)) || WIS(s, j, "that"))) break;
        if (agreed_to(s, j)) return 1;
    }
    return 0;
}

/* "China is watching closely. Its diplomats met ...": a role after "its" belongs to the state
 * that "it" stands for (earlier in the sentence, else the sentences before), which wins over the
 * story's country. */
static void possessive_roles(sctx *s)
{
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor || g->t0 == s->t0 || !WIS(s, g->t0 - 1, "its") || strncmp(g->code, "---", 3) != 0 || !g->code[3]) continue;
        char role[16];
        set_code(role, g->code);
        g->anaphor = DY_G_COUNTRY;
        g->code[0] = 0;
        resolve(s, (int)k);
        g->anaphor = 0;
        if (!g->code[0] || g->code[0] == '-') { set_code(g->code, role); continue; }
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
    if ((size_t)k + 1 >= s->ng) return 0;
    const dy_actor *r = &s->g[k + 1];
    uint32_t j = g->t1;
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
static void his_roles(sctx *s)
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
            if (p->t1 > j || p->kind != DY_GK_PERSON || p->anaphor || !dy_code_is_country(p->code) || p->code[0] == '-') continue;
            memcpy(g->code, p->code, 3);
            break;
        }
    }
}

/* "Police detained the opposition leader" in a story set in Georgia: a role named without a
 * country takes the story's (dy_story.h). */
/* "European Union foreign ministers", "NATO defence ministers": a bare role right after an
 * IGO's name (at most two words between, no punctuation) is that body's. */
static int igo_agent(sctx *s, int k)
{
    dy_actor *g = &s->g[k];
    if (k == 0) return 0;
    const dy_actor *o = &s->g[k - 1];
    if (strncmp(o->code, "IGO", 3) != 0 || o->anaphor || o->t1 > g->t0 || g->t0 - o->t1 > 2) return 0;
    for (uint32_t j = o->t1; j < g->t0; j++)
        if (!(s->t[j].flags & DY_TF_WORD) || (s->t[j].flags & DY_TF_CAP) || WIS(s, j, "and") || WIS(s, j, "of")) return 0;
    for (uint32_t j = o->t1; j <= g->t0; j++)
        if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) return 0;
    set_code(g->code, o->code);
    return 1;
}

/* "The White House said on Monday that a delegation ... would travel", "The State Department said
 * Assistant Secretary Russel would travel": a bare emissary (delegation, envoy, secretary ...)
 * opening the reported clause is the speaker's own (at most two words between the speech verb,
 * or its "that", and the role). */
static int speaker_agent(sctx *s, int k)
{
    static const char *const own[] = {"delegation", "delegations", "envoy", "envoys", "emissary", "secretary", "negotiators", "team"};
    dy_actor *g = &s->g[k];
    int ok = 0;
    for (uint32_t i = g->t0; i < g->t1 && !ok; i++)
        for (size_t w = 0; w < sizeof own / sizeof *own; w++)
            if (s->t[i].nlen == strlen(own[w]) && !memcmp(W(s, i), own[w], s->t[i].nlen)) ok = 1;
    if (!ok) return 0;     /* "the US said the government had ...": the story's government */
    uint32_t j = g->t0, n = 0;
    while (j > s->t0 && n < 3 && group_at(s, j - 1) < 0 && (s->t[j - 1].flags & DY_TF_WORD) && !WIS(s, j - 1, "that")) {
        uint32_t e;
        if (gram_is(s, j - 1, DY_G_SAY, &e)) break;
        j--, n++;
    }
    if (j > s->t0 && WIS(s, j - 1, "that")) j--;
    else if (j <= s->t0) return 0;
    /* back over the speech verb and a date ("said on Monday that") to the speaker */
    for (uint32_t q = j, m = 0; q-- > s->t0 && m < 5; m++) {
        uint32_t e;
        if (gram_is(s, q, DY_G_SAY, &e) && e <= j) {
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

static void fill_roles(sctx *s)
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
        if (role_of_pair(s, (int)k)) continue;
        if (igo_agent(s, (int)k) || speaker_agent(s, (int)k)) continue;
        const char *own = list_country(s, (int)k);
        if (!own) own = rebels_in_place(s, (int)k);
        /* "The US envoy to Seoul, Ambassador Philip Goldberg, met ...": a title in apposition
         * stands for the actor before the comma (find_source); a comma in a list is no apposition */
        if (!own && g->comp == (int16_t)k && k > 0 && g->t0 > s->t0 + 1 && (s->t[g->t0 - 1].flags & DY_TF_COMMA) &&
            s->g[k - 1].t1 + 1 == g->t0) {
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
}

/* "In July, the government also imposed a nationwide curfew": "the government" that no country
 * before it explains is the story country's (as a bare role is, fill_roles). */
static void story_government(sctx *s)
{
    const char *sc = dy_story_country(&s->c->story);
    if (!sc[0]) return;
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor != DY_G_COUNTRY || g->code[0] || !government_word(s, g)) continue;
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
static dy_date sentence_dates(sctx *s)
{
    dy_coder *c = s->c;
    dy_date pub = s->doc->pub, none = {0, 0, 0, DY_PREC_NONE}, own = none;
    s->ndates = dy_dates_find(s->doc->text, s->t + s->t0, s->t1 - s->t0, s->norm, pub, s->dates, MAX_DATES);
    int absolute = 0;
    for (size_t k = 0; k < s->ndates; k++) {
        s->dates[k].t0 += s->t0;
        s->dates[k].t1 += s->t0;
        absolute |= !s->dates[k].anchored && s->dates[k].date.prec != DY_PREC_NONE;
    }
    dy_date anchor = c->last.prec != DY_PREC_NONE ? c->last : c->lede.prec != DY_PREC_NONE ? c->lede : pub;
    for (size_t k = 0; k < s->ndates; k++) {
        if (s->dates[k].anchored) s->dates[k].date = absolute ? none : dy_datex_anchor(&s->dates[k], anchor);
        if (own.prec == DY_PREC_NONE) own = s->dates[k].date;
    }
    int64_t p = c->pub_day, od = own.prec != DY_PREC_NONE ? dy_date_days(own) : 0;
    if (c->lede.prec == DY_PREC_NONE && s->sidx < 2 && own.prec == DY_PREC_DAY && od <= p && od >= p - 31) {
        c->lede = own;
        c->lede_day = od;
    }
    s->ctx = c->lede.prec != DY_PREC_NONE ? c->lede : pub;
    int64_t cd = c->lede.prec != DY_PREC_NONE ? c->lede_day : p;
    if (c->last.prec != DY_PREC_NONE && s->ctx.prec != DY_PREC_NONE && c->last_day <= p) {
        int go_on = c->last_day >= cd;
        for (uint32_t i = s->t0, e; i < s->t1 && !go_on && own.prec == DY_PREC_NONE; i++)
            go_on = gram_class_at(s, i, &e) == DY_G_RESPOND;
        if (go_on) { s->ctx = c->last; cd = c->last_day; }
    }
    c->last = own.prec != DY_PREC_NONE ? own : s->ctx;
    c->last_day = own.prec != DY_PREC_NONE ? od : cd;
    return c->last;
}

/* A passive pattern with its own source slot ("four civilians were killed in S shelling"): the
 * source is the slot, the target the passive subject, else the pattern's T, else the first
 * actor after the pattern ("... in the east of the Gaza Strip"). */
static void passive_slot(const sctx *s, const match *m, int subj, uint32_t limit, int *src, int *tgt)
{
    *src = s->g[m->src].comp;
    if (subj >= 0 && s->g[subj].comp == *src) subj = -1;
    int after = m->tgt >= 0 ? s->g[m->tgt].comp : find_target(s, m->end, limit);
    /* "three people were killed in a Russian missile attack on Kyiv": a bare agent as the
     * subject yields to a named actor after */
    *tgt = subj >= 0 && (is_named(s, subj) || after < 0 || !is_named(s, after)) ? subj : after;
}

/* "al-Shabab claimed responsibility for a deadly attack targeting shoppers at a mall in Kenya's
 * capital": the target of a claimed act is the first actor in the rest of its clause, however
 * long the description of the act. */
static int claimed_target(const sctx *s, const match *m)
{
    uint32_t end = m->end;
    while (end < s->t1 && !(s->t[end].flags & (DY_TF_END | DY_TF_CLAUSE | DY_TF_COMMA))) end++;
    return find_target(s, m->end, end);
}

/* "The civilians imprisoned for acting against Moscow were released ...": a participle right after
 * its noun, with no object but a preposition after it, and a verb "to be" later in the sentence,
 * is a shortened passive clause, not the sentence's verb. Only after people named by a role: a
 * state or a person is the subject of its verb ("Israel bombed for hours ..."). */
static int reduced_relative(const sctx *s, const match *m)
{
    static const char *const prep[] = {"for", "over", "since", "without"};
    uint32_t h = m->head;
    if (m->tgt >= 0 || h == s->t0 || m->end >= s->t1 || m->end != h + 1) return 0;
    const char *w = W(s, h);
    size_t l = s->t[h].nlen;
    if (l < 4 || memcmp(w + l - 2, "ed", 2) != 0) return 0;
    int g = group_at(s, h - 1);     /* people named by a role: "civilians", "three activists" */
    if (g < 0 || s->g[g].prep || s->g[g].kind != DY_GK_AGENT || s->g[g].anaphor) return 0;
    if (m->end + 1 < s->t1 && (s->t[m->end + 1].flags & DY_TF_NUM)) return 0;    /* "arrested over 100" */
    int pr = 0;
    for (size_t i = 0; i < sizeof prep / sizeof *prep; i++)
        if (s->t[m->end].nlen == strlen(prep[i]) && !memcmp(W(s, m->end), prep[i], s->t[m->end].nlen)) pr = 1;
    if (!pr) return 0;
    for (uint32_t j = m->end + 1; j < s->t1; j++) {
        uint32_t e;
        if (s->t[j].flags & (DY_TF_CLAUSE | DY_TF_END)) return 0;
        if (gram_is(s, j, DY_G_BE, &e)) return 1;
    }
    return 0;
}

/* "Russia vetoed a resolution on North Korea": a veto or a vote against a body's text is cast at
 * the body (the pattern's flag to=IGOUNO), not at what the text is about. When the phrase names
 * no actor at T, an actor of that code is added for the event (at the pattern's last word) and
 * its index returned; the caller removes it after the event (drop_body). -1 when not a case. */
static int body_target(sctx *s, const match *m, const dy_pattern *p)
{
    if (!p->to[0] || s->ng >= DY_MAX_ACTORS) return -1;
    dy_actor *g = &s->g[s->ng];
    memset(g, 0, sizeof *g);
    g->t0 = m->end - 1;
    g->t1 = m->end;
    snprintf(g->code, sizeof g->code, "%s", p->to);
    g->kind = DY_GK_STATE;
    g->comp = (int16_t)s->ng;
    g->ncomp = 1;
    ex(s->c, "    target %s: the body whose text it is (to=%s)\n", p->to, p->to);
    return (int)s->ng++;
}

static int role_is(const sctx *s, int g, const char *roles)
{
    const char *c = s->g[s->g[g].comp].code;
    if (strlen(c) < 6 || c[0] == '-') return 0;
    for (const char *r = roles; *r; r += 3)
        if (!strncmp(c + 3, r, 3)) return 1;
    return 0;
}

/* "Chad declared a state of emergency": a country named by itself acts as its government */
static int state_itself(const sctx *s, int g)
{
    const dy_actor *a = &s->g[s->g[g].comp];
    return a->kind == DY_GK_STATE && !a->anaphor && !a->filled && a->ncomp < 2 && strlen(a->code) == 3 && dy_code_is_country(a->code);
}

/* "people rallied outside Istanbul city hall": a target that is a place of the source's own
 * country names where the act was, not whom it was aimed at. */
static int own_place(const sctx *s, int src, int tgt)
{
    const char *a = s->g[s->g[src].comp].code, *b = s->g[s->g[tgt].comp].code;
    return s->g[tgt].kind == DY_GK_STATE && strlen(b) == 3 && !s->g[tgt].anaphor && a[0] != '-' && !strncmp(a, b, 3) && strlen(a) > 3;
}

/* The target a domestic act leaves unnamed, as the held-out sets code it: a crowd that
 * "protested in Lima" or "marched through Yangon" protests to its government (the place's
 * country, else its own, + GOV); a government that "imposed a curfew" or "shut down the
 * internet" acts on its own public (+ CVL; not in place of a target that is its own country's
 * place, replace: "bans on travel to Canada"). The actor is added for the event as body_target's
 * is (removed by drop_body); -1 when not a case. */
/* "The junta imposed a curfew across the country": a reference to the source's own country is
 * the place of a domestic act, not its target (implied_target names the public instead). */
static int own_country_ref(const sctx *s, int src, int tgt)
{
    const dy_actor *t = &s->g[s->g[tgt].comp];
    return t->anaphor && strlen(t->code) == 3 && !strncmp(t->code, s->g[s->g[src].comp].code, 3);
}

static int implied_target(sctx *s, const match *m, const dy_pattern *p, int src, int replace)
{
    const char *role;
    if (p->code[0] == '1' && p->code[1] == '4' && role_is(s, src, "CVLOPPLABEDU")) role = "GOV";
    else if (!strncmp(p->code, "172", 3) && p->code[3] && p->code[3] != '2' && !replace &&
             (role_is(s, src, "GOVMILCOPJUD") || state_itself(s, src))) role = "CVL";
    else return -1;
    if (s->ng >= DY_MAX_ACTORS) return -1;
    char cc[4];
    memcpy(cc, s->g[s->g[src].comp].code, 3);
    cc[3] = 0;
    for (size_t k = 0; k < s->ng && role[0] == 'G'; k++)
        if (s->g[k].locative && s->g[k].kind == DY_GK_STATE && strlen(s->g[k].code) == 3 && dy_code_is_country(s->g[k].code) &&
            s->g[k].t0 >= m->end) { memcpy(cc, s->g[k].code, 3); break; }
    dy_actor *g = &s->g[s->ng];
    memset(g, 0, sizeof *g);
    g->t0 = m->end - 1;
    g->t1 = m->end;
    snprintf(g->code, sizeof g->code, "%s%s", cc, role);
    g->kind = DY_GK_AGENT;
    /* a country's own public is a party to its act, as a sentence's filled role is (domestic_dyad) */
    g->filled = state_itself(s, src) ? DY_FILLED_SENTENCE : DY_FILLED_STORY;
    g->comp = (int16_t)s->ng;
    g->ncomp = 1;
    ex(s->c, "    target %s: the one a domestic act leaves unnamed\n", g->code);
    return (int)s->ng++;
}

static void drop_body(sctx *s, int body)
{
    if (body >= 0 && body == (int)s->ng - 1) s->ng--;
}

/* The parties a phrase leaves out, from the context (verb flag ctx): a "between" list in the
 * sentence ("talks between Israel and Hamas were brokered by Qatar"), else the last event of this
 * or the two sentences before that does not involve the actor already known (want_pair: a
 * mutual one, for a symmetric act with no party named): both sides of a mutual act ("Israel and Hamas agreed to a truce. Qatar hosted the talks."), the doer of a
 * one-sided one ("Russia vetoed the text. The veto drew criticism from Kyiv."). Returns a group
 * (an added one is removed by drop_body), or -1. */
/* "The US and France criticised the decision. The fighting ended with a plan brokered by
 * Sarkozy": a rebuke (root 11) tells who spoke, not who the parties are; a veto or a
 * rejection (12) is an act of a party. */
static int bystander_comment(const dy_event *v)
{
    return !strncmp(v->root, "11", 2);
}

/* An actor the context lends the sentence (a party of an earlier event): a state group with that
 * code, added after the sentence's own; the caller has checked s->ng < DY_MAX_ACTORS. */
static dy_actor *context_group(sctx *s, const char *code)
{
    dy_actor *g = &s->g[s->ng];
    memset(g, 0, sizeof *g);
    g->t0 = s->t0;
    g->t1 = s->t0 + 1;
    set_code(g->code, code);
    g->kind = DY_GK_STATE;
    g->comp = (int16_t)s->ng;
    g->ncomp = 1;
    return g;
}

/* The sentence of event v also holds its reverse (a mutual act). */
static int mutual_event(const dy_coder *c, const dy_event *v)
{
    for (size_t f = c->nev; f-- > 0;)
        if (c->ev[f].sent == v->sent && !strcmp(c->ev[f].source, v->target) && !strcmp(c->ev[f].target, v->source)) return 1;
    return 0;
}

static int context_parties(sctx *s, int known, int want_pair, int *added)
{
    *added = -1;
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].comp == (int16_t)k && s->g[k].ncomp >= 2 && tgt_between(s, (int)k) && (int)k != known) {
            ex(s->c, "    parties from the context: the \"between\" list (ctx)\n");
            return (int)k;
        }
    const dy_coder *c = s->c;
    const char *kc = known >= 0 ? s->g[known].code : "";
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        if (v->sent + 3 < s->sidx) break;
        if (v->mood || v->source[0] == '-' || v->target[0] == '-') continue;
        if (kc[0] && (!strncmp(v->source, kc, 3) || !strncmp(v->target, kc, 3))) continue;
        if (bystander_comment(v)) continue;
        int mutual = mutual_event(c, v);
        /* "Vucic and Kurti held talks. <two sentences> Kovachevski hosted the meeting": a mutual
         * act is remembered a sentence longer than a one-sided one */
        if (v->sent + 2 < s->sidx && !mutual) continue;
        if (want_pair && !mutual) continue;     /* "Negotiations began": the two sides of the talks */
        if (s->ng >= DY_MAX_ACTORS) return -1;
        dy_actor *g = context_group(s, v->source);
        if (mutual) set_code(g->code2, v->target);
        ex(s->c, "    parties from the context: %s%s%s, of sentence %u (ctx)\n", g->code, mutual ? " and " : "", g->code2,
           (unsigned)v->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* "The two sides agreed to swap prisoners. Umerov proposed holding another round": an offer or
 * proposal of talks (root 03) with no party named goes to the side its author last dealt with,
 * the other party of the last mutual act of this or the two sentences before that involved it.
 * Returns an added group (drop_body), or -1. */
static int counterpart(sctx *s, int known, int *added)
{
    const dy_coder *c = s->c;
    *added = -1;
    if (known < 0 || !s->g[known].code[0] || s->g[known].code[0] == '-' || s->ng >= DY_MAX_ACTORS) return -1;
    const char *kc = s->g[known].code;
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        if (v->sent + 2 < s->sidx) break;
        if (v->mood || v->target[0] == '-' || strncmp(v->source, kc, 3) || !strncmp(v->target, kc, 3)) continue;
        int mutual = mutual_event(c, v);
        if (!mutual) continue;
        dy_actor *g = context_group(s, v->target);
        ex(s->c, "    the other side of its last mutual act: %s, of sentence %u (ctx)\n", g->code, (unsigned)v->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* "Poland accused Belarus of ... Belarus denied the accusation": a denial with no party named
 * answers the last accusation, demand or threat aimed at its subject in this or the two
 * sentences before; its author is the target. Returns an added group (drop_body), or -1. */
static int accuser(sctx *s, int known, int *added)
{
    const dy_coder *c = s->c;
    *added = -1;
    if (known < 0 || !s->g[known].code[0] || s->g[known].code[0] == '-' || s->ng >= DY_MAX_ACTORS) return -1;
    const char *kc = s->g[known].code;
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        if (v->sent + 2 < s->sidx) break;
        if (v->mood || v->source[0] == '-' || strncmp(v->target, kc, 3) || !strncmp(v->source, kc, 3)) continue;
        if (strcmp(v->root, "10") && strcmp(v->root, "11") && strcmp(v->root, "12") && strcmp(v->root, "13")) continue;
        dy_actor *g = context_group(s, v->source);
        ex(s->c, "    target from the context: %s, who accused the subject in sentence %u\n", g->code, (unsigned)v->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* "Protesters stormed parliament. ... Ruto called the violence treasonous": crowds, rebels or the
 * opposition of the subject's own country are the authors a government condemns. */
static int domestic_author(const char *src, const char *kc)
{
    static const char *const roles[] = {"CVL", "OPP", "REB"};
    if (strncmp(src, kc, 3) != 0 || strlen(src) < 6 || !dy_code_is_country(src)) return 0;
    for (size_t i = 0; i < 3; i++)
        if (!strncmp(src + 3, roles[i], 3)) return strlen(kc) < 6 || strncmp(kc + 3, roles[i], 3) != 0;
    return 0;
}

/* "Russia recognised the breakaway regions. ... Georgia condemned the move": a decision is an
 * act of its own (roots 03-09, 15-20), not a statement or a reaction to one (01, 02, 10-14). */
static int decision_root(int root)
{
    return (root >= 3 && root <= 9) || (root >= 15 && root <= 20);
}

/* Does the match name a decision rather than an attack ("condemned the move", "criticised the
 * decision")? Its author is then the doer of a recent act of any kind (act_author). */
static int names_decision(const sctx *s, const match *m)
{
    static const char *const w[] = {"move", "decision", "decisions", "recognition", "step", "announcement"};
    for (uint32_t i = m->head; i < m->end; i++)
        for (size_t k = 0; k < sizeof w / sizeof *w; k++)
            if (s->t[i].nlen == strlen(w[k]) && !memcmp(W(s, i), w[k], s->t[i].nlen)) return 1;
    return 0;
}

/* "Turkish jets shot down a Russian plane. ... Moscow condemned the attack": the author of a
 * hostile act named by a noun (verb flag author) is the source of the story's last material
 * conflict (roots 14-20) that the subject took no part in; where that sentence has several
 * authors of the same act on the same target ("US and British strikes"), the second is code2.
 * Returns an added group (drop_body), or -1. */
static int act_author(sctx *s, int known, int *added, int decision)
{
    const dy_coder *c = s->c;
    *added = -1;
    if (known < 0 || s->ng >= DY_MAX_ACTORS) return -1;
    const char *kc = s->g[known].code;
    for (size_t e = c->nev; e-- > 0;) {
        const dy_event *v = &c->ev[e];
        int root = atoi(v->root);
        if (decision && v->sent + 3 < s->sidx) break;     /* a reaction may come three sentences on */
        if (decision ? !decision_root(root) : (root < 14 || root > 20)) continue;
        if (v->mood || v->source[0] == '-') continue;
        if (!strncmp(v->source, kc, 3) && !domestic_author(v->source, kc)) continue;
        dy_actor *g = context_group(s, v->source);
        for (size_t f = e; f-- > 0 && c->ev[f].sent == v->sent;)
            if (!strcmp(c->ev[f].root, v->root) && !strcmp(c->ev[f].target, v->target) && strncmp(c->ev[f].source, v->source, 3) &&
                strncmp(c->ev[f].source, kc, 3)) {
                set_code(g->code2, c->ev[f].source);
                break;
            }
        ex(s->c, "    target from the context: %s%s%s, the author of the act of sentence %u\n", g->code, g->code2[0] ? " and " : "",
           g->code2, (unsigned)v->sent + 1);
        *added = (int)s->ng;
        return (int)s->ng++;
    }
    return -1;
}

/* "condemned the attack on its embassy": a hostile act's noun whose pattern ends in "on" or
 * "against" names its victim next, which is no party to the condemnation. */
static int victim_ends_match(const sctx *s, const match *m)
{
    return m->end > m->head + 1 && (WIS(s, m->end - 1, "on") || WIS(s, m->end - 1, "against"));
}

/* For a hostile act named by a noun (flag author): an actor after "by" is its author; one after
 * "as" ("condemned the strikes as a violation of Yemen's sovereignty") is no party, and then the
 * author comes from the context (-2); another actor ("the attack on Kyiv") stays the target. */
static int author_in_clause(const sctx *s, const match *m, int tgt)
{
    if (victim_ends_match(s, m)) return -2;
    if (tgt < 0) return -2;
    for (uint32_t j = m->end; j < s->g[tgt].t0; j++) {
        if (WIS(s, j, "by")) return tgt;
        if (WIS(s, j, "as")) return -2;
    }
    return tgt;
}

/* "vetoed a draft demanding a ceasefire", "voted against a resolution condemning Russia": a verb
 * right after a to= act (a veto, a vote) tells what the rejected text says, not what its
 * subject did. */
static int rejected_text(const sctx *s, const match *ms, size_t k)
{
    /* back over the text's own verbs ("calling for Russia to withdraw") to the vote */
    for (size_t q = k; q-- > 0;) {
        const match *prev = &ms[q];
        if (ms[q + 1].head < prev->end || ms[q + 1].head > prev->end + 2) return 0;
        for (uint32_t j = prev->end; j < ms[q + 1].head; j++)
            if ((s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE | DY_TF_END)) || WIS(s, j, "and")) return 0;
        if (dy_dict_pattern(s->c->dict, prev->pat)->to[0]) return 1;
    }
    return 0;
}

/* "Putin said he would meet Xi", "Sarkozy, seeking to mend ties with China": one actor's announced
 * intent to a symmetric act is its own, not the other side's; "agreed to", and a pair as subject,
 * stay both ways. */
static int one_sided_intent(const sctx *s, int src, int tgt, uint32_t head)
{
    if (src < 0 || tgt < 0 || is_pair(s, src)) return 0;
    for (uint32_t j = head, n = 0; j-- > s->t0 && n < 6 && j >= s->g[src].t1; n++)
        if (!strncmp(W(s, j), "agree", 5)) return 0;
    return 1;
}

/* "Serbia denied that it had helped the militants": what a denial says did not happen (the
 * denial itself is 016, coded by its own patterns). */
static int denied_clause(const sctx *s, uint32_t head)
{
    for (uint32_t j = head, n = 0; j-- > s->t0 + 1 && n < 10; n++) {
        if (s->t[j].flags & (DY_TF_CLAUSE | DY_TF_END | DY_TF_COMMA)) return 0;
        if (WIS(s, j, "that") && (WIS(s, j - 1, "denied") || WIS(s, j - 1, "denies") || WIS(s, j - 1, "deny") || WIS(s, j - 1, "denying")))
            return 1;
    }
    return 0;
}

/* "The US claimed that ISIL had attacked Iraq", "Kyiv said Russian forces shelled Kharkiv": the
 * speaker of reported force accuses its author (112), as PETRARCH's GSR records code it; the
 * reported act itself is coded as usual after "said", not after "claimed" or "alleged", which
 * make it the claim only. 0 done or not a case, 1 the claim only, -1 out of memory. */
static int reported_accusation(sctx *s, const match *m, const dy_pattern *p, int src)
{
    static const char *const claim[] = {"claimed", "claims", "alleged", "alleges", "charged", "charges"};
    int root = (p->code[0] - '0') * 10 + (p->code[1] - '0');
    if (src < 0 || s->g[src].anaphor || (root != 18 && root != 19 && root != 20)) return 0;
    if (mood_at(s, m->head) != DY_MOOD_FACTUAL) return 0;
    uint32_t j = s->g[src].t0;
    if (s->g[s->g[src].comp].t0 < j) j = s->g[s->g[src].comp].t0;
    if (j > s->t0 && WIS(s, j - 1, "the")) j--;
    if (j > s->t0 && WIS(s, j - 1, "that")) j--;
    uint32_t v = j;                 /* the speech verb ends at j */
    for (uint32_t k = j; k-- > s->t0 && j - k <= 3;) {
        uint32_t e;
        if (gram_is(s, k, DY_G_SAY, &e) && e == j) { v = k; break; }
    }
    int claimed = 0;
    if (v == j && j > s->t0)
        for (size_t i = 0; i < sizeof claim / sizeof *claim; i++)
            if (s->t[j - 1].nlen == strlen(claim[i]) && !memcmp(W(s, j - 1), claim[i], s->t[j - 1].nlen)) { v = j - 1; claimed = 1; break; }
    if (v == j) return 0;
    int who = -1;
    for (int k = (int)s->ng - 1; k >= 0; k--) {
        const dy_actor *g = &s->g[k];
        if (g->t1 > v) continue;
        if (v - g->t1 <= 3 && g->code[0] && !g->prep && !g->modifier) who = g->comp;
        break;
    }
    /* "Belarus denied the charge and said Poland had used force": the speaker of a speech verb
     * after "and" is the sentence's subject */
    if (who < 0 && v > s->t0 && WIS(s, v - 1, "and")) who = sentence_subject(s, v);
    if (who < 0 || who == s->g[src].comp || !strncmp(s->g[who].code, s->g[src].code, 3)) return 0;
    const dy_cameo *cam = dy_dict_cameo(s->c->dict, "112");
    ex(s->c, "    reported force: the speaker accuses its author\n");
    if (emit(s, m, "112", cam, who, src, 0, DY_MOOD_FACTUAL) < 0) return -1;
    if (claimed) ex(s->c, "    skipped: a claimed act is the claim only\n");
    return claimed;
}

/* PETRARCH's convention (DY_CONV_PETRARCH): an announced act is the act; a negated cooperative
 * act is its rejection. */
static void petrarch_mood(const sctx *s, uint32_t head, const char *pcode, const char **code, int *mood)
{
    dy_coder *c = s->c;
    /* only the future tense is the act; "promised to", "agreed to" stay intents (03x) there too */
    int future = 0;
    for (uint32_t j = head > s->t0 + 3 ? head - 3 : s->t0; j < head; j++)
        if (WIS(s, j, "will") || WIS(s, j, "'ll") || WIS(s, j, "shall")) future = 1;
    if (*mood == DY_MOOD_INTENT && future) {
        *mood = DY_MOOD_FACTUAL;
        ex(c, "    PETRARCH's convention: announced, coded as the act\n");
    } else if (*mood == DY_MOOD_NEGATED && rejection_code(pcode)) {
        *code = rejection_code(pcode);
        *mood = DY_MOOD_FACTUAL;
        ex(c, "    PETRARCH's convention: negated, coded as rejection %s\n", *code);
    }
}

/* ---- mediation and hosting told in a participle: "a deal brokered by China", "talks hosted by
 * Malaysia's prime minister", "The deal was brokered by the United States and France" ---- */

/* The parties of the deal: a pair in the sentence before the participle (a coordination or "the
 * two sides"), else the document's main pair so far. 1 when found. */
static int deal_parties(const sctx *s, uint32_t before, char a[16], char b[16], int *ga, int *gb)
{
    for (size_t k = 0; k < s->ng && s->g[k].t1 <= before; k++) {
        const dy_actor *g = &s->g[k];
        if (g->code2[0] && g->code[0]) {
            set_code(a, g->code); set_code(b, g->code2); *ga = *gb = (int)k;
            return 1;
        }
        if (g->comp == (int16_t)k && g->ncomp == 2 && k + 1 < s->ng && g->code[0] && s->g[k + 1].code[0]) {
            set_code(a, g->code); set_code(b, s->g[k + 1].code); *ga = (int)k; *gb = (int)k + 1;
            return 1;
        }
    }
    char x[16], y[16];
    if (!dy_coder_topic(s->c, x, y)) return 0;
    set_code(a, x); set_code(b, y); *ga = *gb = -1;
    return 1;
}

static int push_third(sctx *s, const char *code, const char *x, int xi, const char *y, int yi, uint32_t head)
{
    if (!x[0] || !y[0] || x[0] == '-' || !strncmp(x, y, 3)) return 0;
    dy_event e = {0};
    e.sent = s->sidx;
    set_code(e.source, x);
    set_code(e.target, y);
    snprintf(e.code, sizeof e.code, "%s", code);
    memcpy(e.root, code, 2);
    e.root[2] = 0;
    e.quad = dy_cameo_quad(code);
    const dy_cameo *cam = dy_dict_cameo(s->c->dict, code);
    e.goldstein = cam ? cam->goldstein : 0;
    e.date = date_for(s, head);
    e.src_start = s->t[s->g[xi].t0].start;
    e.src_end = s->t[s->g[xi].t1 - 1].end;
    if (yi >= 0) { e.tgt_start = s->t[s->g[yi].t0].start; e.tgt_end = s->t[s->g[yi].t1 - 1].end; }
    e.verb_start = s->t[head].start;
    e.verb_end = s->t[head].end;
    int r = push_event(s->c, &e);
    if (r > 0) ex(s->c, "    event %s -> %s %s (%s)\n", e.source, e.target, e.code, cam ? cam->name : "?");
    return r;
}

static int code_brokered(sctx *s)
{
    for (uint32_t i = s->t0 + 1; i + 1 < s->t1; i++) {
        if (!WIS(s, i + 1, "by")) continue;     /* one test a word; "by" is rare */
        const char *code = WIS(s, i, "brokered") || WIS(s, i, "mediated") || WIS(s, i, "facilitated") ? "045"
                         : WIS(s, i, "hosted") ? DY_CAMEO_HOST : NULL;
        if (!code) continue;
        uint32_t j = i + 2;
        if (j < s->t1 && WIS(s, j, "the")) j++;
        int x = group_at(s, j);
        if (x < 0 || s->g[x].t0 != j || !is_named(s, x)) continue;
        if (mood_at(s, i) != DY_MOOD_FACTUAL) continue;
        char a[16], b[16];
        int ga, gb;
        if (!deal_parties(s, i, a, b, &ga, &gb)) continue;
        ex(s->c, "  \"%s by\": %s for %s and %s\n", W(s, i), code, a, b);
        /* two sides of one country (a government and its rebels): one act on that country */
        if (!strncmp(a, b, 3) && dy_code_is_country(a)) { a[3] = 0; b[0] = 0; ga = -1; }
        const char *xc[8];
        int xi[8];
        size_t nx = codes_of(s, x, xc, xi, 8);
        /* "brokered by Washington, and Bahrain followed suit": the list ends at the comma */
        if (nx > 1 && ((s->t[s->g[x].t1 - 1].flags & DY_TF_COMMA) || (s->g[x].t1 < s->t1 && (s->t[s->g[x].t1].flags & DY_TF_COMMA)))) nx = 1;
        for (size_t q = 0; q < nx; q++) {
            if (push_third(s, code, xc[q], xi[q], a, ga, i) < 0 || (b[0] && push_third(s, code, xc[q], xi[q], b, gb, i) < 0)) return -1;
        }
    }
    return 0;
}

/* "the government imposed a curfew" in a story set in Bangladesh, with no country named in the
 * sentences before: a reference to the country the reader knows is the story's. */
/* "The Peruvian opposition demanded the resignation of the president" with no story country: a
 * title ("the president", "the government") after the sentence's one country is its leader or
 * government (as a bare role is, fill_roles; not under --convention petrarch). */
static void sentence_references(sctx *s)
{
    char only[4];
    uint32_t from = 0;
    if (dy_story_country(&s->c->story)[0] || s->c->opts.convention == DY_CONV_PETRARCH || !sentence_country(s, only, &from)) return;
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->code[0] || g->t0 < from || g->t1 - g->t0 < 2) continue;
        if (g->anaphor == DY_G_PERSON || (g->anaphor == DY_G_COUNTRY && government_word(s, g))) {
            snprintf(g->code, sizeof g->code, "%.3sGOV", only);
            g->filled = DY_FILLED_SENTENCE;
            ex(s->c, "  \"%s\" unresolved: the sentence's one country's, %s\n", g->anaphor == DY_G_PERSON ? "the leader" : "the government", g->code);
        }
    }
}

static void story_references(sctx *s)
{
    const char *sc = dy_story_country(&s->c->story);
    if (!sc[0]) return;
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor != DY_G_COUNTRY || g->code[0]) continue;
        int gov = 0;
        for (uint32_t i = g->t0; i < g->t1; i++) gov |= WIS(s, i, "government") || WIS(s, i, "regime");
        snprintf(g->code, sizeof g->code, "%.3s%s", sc, gov ? "GOV" : "");
        ex(s->c, "  \"the country\" unresolved: the story's, %s\n", g->code);
    }
}

/* "Soldiers detained State Counsellor Aung San Suu Kyi" in a story the title set in the US: a
 * bare force (filled in from the story) that arrests, removes or coerces a named politician of
 * another country is that politician's country's own. */
static void captor_country(sctx *s, int src, int tgt)
{
    if (src < 0 || tgt < 0) return;
    dy_actor *a = &s->g[s->g[src].comp];
    const char *t = s->g[s->g[tgt].comp].code;
    if (!a->filled || a->ncomp > 1 || !role_is(s, src, "COPMILJUD") || !is_named(s, s->g[tgt].comp)) return;
    if (!role_is(s, tgt, "GOVOPPLEGJUD") || !dy_code_is_country(t) || !strncmp(a->code, t, 3)) return;
    memcpy(a->code, t, 3);
    ex(s->c, "    a force that arrests a politician of %.3s is %.3s's own\n", t, t);
}

/* "Vilnius police detained several protesters": a bare agent the story gave no country
 * (---CVL) acting with, or acted on by, one country's police, army or court takes
 * that country: a state's forces act on its own people unless the text says otherwise. */
static void borrow_country(sctx *s, int a, int b)
{
    dy_actor *x = &s->g[s->g[a].comp];
    const char *y = s->g[s->g[b].comp].code;
    if (strncmp(x->code, "---", 3) || x->ncomp > 1 || strlen(y) <= 3 || !dy_code_is_country(y)) return;
    if (!role_is(s, b, "COPMILJUD")) return;
    memcpy(x->code, y, 3);
    ex(s->c, "    %s takes the country of the force or body it faces\n", x->code);
}

/* Acts of one country's forces and crowds on each other, as the held-out sets code them:
 * "Police opened fire on the crowds" is violent repression (175), not a battle (19x);
 * "police forced their way into the embassy" is no protest but a raid on property (171);
 * "protesters attacked the embassies" (a plain attack, 190) is a riot (145). */
static const char *domestic_code(const sctx *s, int src, int tgt, const char *code)
{
    if (src < 0) return code;
    if (code[0] == '1' && code[1] == '4' && role_is(s, src, "COPMIL")) return "171";
    /* "Vietnam protested against Chinese survey ships": a state's protest is an official
     * complaint (114), not dissent in the street (140) */
    const dy_actor *sg = &s->g[s->g[src].comp];
    if (!strcmp(code, "140") && ((sg->kind == DY_GK_STATE && strlen(sg->code) == 3) || role_is(s, src, "GOV"))) return "114";
    if ((!strcmp(code, "190") || !strcmp(code, "193")) && role_is(s, src, "CVLOPP")) return "145";     /* not "launched missiles" */
    /* police of any weapon; soldiers who open fire on crowds (not shelling or air strikes) */
    int forces = role_is(s, src, "COP") || (role_is(s, src, "MIL") && !strcmp(code, "193"));
    if (tgt < 0 || code[0] != '1' || code[1] != '9' || !forces || !role_is(s, tgt, "CVLOPPLABEDUMED")) return code;
    if (strncmp(s->g[s->g[src].comp].code, s->g[s->g[tgt].comp].code, 3) != 0) return code;
    return "175";
}

/* "Trump recognised Guaido. Canada, Brazil and Colombia quickly followed suit.": the subjects
 * did what the last sentence with events did, to the same target; 0, or -1 out of memory. */
static int followed_suit(sctx *s)
{
    dy_coder *c = s->c;
    uint32_t at = 0;
    for (uint32_t i = s->t0; i + 1 < s->t1 && !at; i++)
        if (WIS(s, i + 1, "suit") && (WIS(s, i, "followed") || WIS(s, i, "follow") || WIS(s, i, "follows"))) at = i;     /* "suit" is rare */
    if (!at || c->nev == 0) return 0;
    int subj = sentence_subject(s, at);
    if (subj < 0 || s->g[subj].t1 > at) return 0;
    size_t last = c->nev;
    while (last > 0 && c->ev[last - 1].sent == s->sidx) last--;
    if (last == 0 || c->ev[last - 1].sent + 1 != s->sidx) return 0;
    uint32_t from = c->ev[last - 1].sent;
    const char *sc[16];
    int si[16];
    size_t ns = codes_of(s, subj, sc, si, 16);
    for (size_t e = last; e-- > 0 && c->ev[e].sent == from;) {
        if (c->ev[e].mood) continue;
        for (size_t a = 0; a < ns; a++) {
            dy_event v = c->ev[e];
            if (!strncmp(sc[a], v.target, 3) || !strncmp(sc[a], v.source, 3)) continue;
            v.sent = s->sidx;
            set_code(v.source, sc[a]);
            v.src_start = s->t[s->g[si[a]].t0].start;
            v.src_end = s->t[s->g[si[a]].t1 - 1].end;
            v.verb_start = s->t[at].start;
            v.verb_end = s->t[at + 1].end;
            int r = push_event(c, &v);
            if (r < 0) return -1;
            if (r) ex(c, "  followed suit: event %s -> %s %s, as in sentence %u\n", v.source, v.target, v.code, (unsigned)from + 1);
        }
    }
    return 0;
}

/* "KHARTOUM (Meridian) - Sudan's army seized power, detaining ...": the dateline city only says
 * where the story was filed; like a modifier it is nobody's subject ("the sentence's subject" of a
 * participle or of a verb after "and" is the army, not Khartoum). */
static void dateline_place(sctx *s)
{
    if (s->sidx != 0 || s->ng == 0 || s->c->story.from != DY_STORY_DATELINE || s->g[0].t0 != s->t0) return;
    for (uint32_t i = s->g[0].t1; i < s->t1 && i < s->g[0].t1 + 8; i++)
        if (s->t[i].flags & DY_TF_CLAUSE) { s->g[0].modifier = 1; return; }
}

/* "would be treated as a rebel", "named him as leader": a bare role after "as (a|an)" says what
 * someone is or is taken for; it is no party to the act. */
static void predicate_roles(sctx *s)
{
    for (size_t k = 0; k < s->ng; k++) {
        dy_actor *g = &s->g[k];
        if (g->anaphor || strncmp(g->code, "---", 3) != 0 || g->t0 < s->t0 + 2) continue;
        uint32_t j = g->t0 - 1;
        if (WIS(s, j, "a") || WIS(s, j, "an")) j--;
        if (WIS(s, j, "as")) g->modifier = 1;
    }
}

static int code_sentence(sctx *s)
{
    dy_coder *c = s->c;
    const dy_doc *doc = s->doc;
    /* dates first: a person's role depends on the date */
    dy_date sd = sentence_dates(s);
    int32_t day = sd.prec == DY_PREC_NONE ? INT32_MIN : (int32_t)dy_date_days(sd);

    s->ng = dy_actors_find(c->dict, s->t, s->norm, s->t0, s->t1, day, &c->aliases, s->g, DY_MAX_ACTORS);
    memset(s->at, 0xff, (s->t1 - s->t0) * sizeof *s->at);     /* -1: no actor */
    for (size_t k = 0; k < s->ng; k++)
        for (uint32_t i = s->g[k].t0; i < s->g[k].t1; i++) s->at[i - s->t0] = (int16_t)k;

    /* references, except "we": the speaker is known only after the speech verbs */
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].anaphor && s->g[k].anaphor != DY_G_SPEAKER && !title_of_state(s, (int)k)) {
            resolve(s, (int)k);
            if (s->g[k].anaphor == DY_G_PAIR) pair_level(s, &s->g[k]);
        }
    dy_story_note(&c->story, s->g, s->ng, s->t, s->t0, s->t1, s->sidx == 0);
    dateline_place(s);
    predicate_roles(s);
    possessive_roles(s);
    his_roles(s);
    fill_roles(s);
    story_references(s);
    story_government(s);
    sentence_references(s);
    learn_names(s);
    if (++c->stamp == 0) {      /* the stamps wrapped: start again */
        memset(c->seen, 0, c->nseen * sizeof *c->seen);
        c->stamp = 1;
    }
    /* one pass stamps the sentence's words (for find_matches) and lists the words that may
     * open a speech verb, with no branch per token */
    uint8_t says[DY_MAX_SENT_TOKENS];
    size_t nsay = 0;
    uint64_t reqsig = 0;
    for (uint32_t i = s->t0; i < s->t1; i++) {
        uint32_t id = s->t[i].id;
        if (id < c->nseen) c->seen[id] = c->stamp;
        reqsig |= dy_dict_reqbit(c->dict, id);
        says[nsay] = (uint8_t)(i - s->t0);
        nsay += (dy_dict_wclass(c->dict, id) & DY_WC_START_SAY) != 0;
    }
    s->reqsig = reqsig;
    for (size_t h = 0; h < nsay; h++) {
        uint32_t i = s->t0 + says[h], e;
        if (!gram_is(s, i, DY_G_SAY, &e)) continue;
        int who = -1;
        for (int k = (int)s->ng - 1; k >= 0; k--)
            if (s->g[k].t1 <= i && i - s->g[k].t1 <= 6 && s->g[k].code[0] && !s->g[k].prep) { who = k; break; }
        if (who < 0)
            for (size_t k = 0; k < s->ng; k++)
                if (s->g[k].t0 >= e && s->g[k].t0 - e <= 3 && s->g[k].code[0]) { who = (int)k; break; }
        if (who >= 0) {
            set_code(c->speaker, s->g[who].code);
            set_code(c->speaker2, s->g[who].code2);
            c->speaker_sent = s->sidx;
        }
    }
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].anaphor == DY_G_SPEAKER) resolve(s, (int)k);

    if (c->opts.explain) {
        const dy_sent *st = &dy_seg_sents(c->seg, &(size_t){0})[s->sidx];
        ex(c, "%s:%u: sentence %u ", doc->id, (unsigned)(st->line + (doc->record_line ? doc->record_line - 1 : 0)), (unsigned)st->no);
        ex_span(c, doc, st->start, st->end);
        ex(c, "\n");
        if (strcmp(c->story.country, c->story_shown)) {     /* when it is found or changes */
            ex(c, "  story country %s (%s)\n", c->story.country[0] ? c->story.country : "unknown", dy_story_from_name(c->story.from));
            memcpy(c->story_shown, c->story.country, 4);
        }
        for (size_t k = 0; k < s->ng; k++) {
            ex(c, "  actor %s%s%s ", s->g[k].code[0] ? s->g[k].code : "(unresolved)", s->g[k].code2[0] ? "+" : "", s->g[k].code2);
            ex_span(c, doc, s->t[s->g[k].t0].start, s->t[s->g[k].t1 - 1].end);
            int its = s->g[k].t0 > s->t0 && WIS(s, s->g[k].t0 - 1, "its") && s->g[k].code[0] && s->g[k].code[0] != '-' && !s->g[k].filled;
            ex(c, "%s%s%s%s\n", s->g[k].anaphor ? " (reference)" : "", s->g[k].locative ? " (place)" : "",
               s->g[k].ncomp > 1 ? " (coordination)" : "", its ? " (\"its\": possessive role)" : "");
        }
        for (size_t k = 0; k < s->ndates; k++) {
            char b[16];
            dy_date_format(s->dates[k].date, b);
            ex(c, "  date %s ", b[0] ? b : "(unresolved)");
            ex_span(c, doc, s->t[s->dates[k].t0].start, s->t[s->dates[k].t1 - 1].end);
            ex(c, "\n");
        }
    }

    match ms[MAX_MATCH];
    size_t nm = find_matches(s, ms, MAX_MATCH);
    int body = -1;      /* an actor added for one event (body_target) */
    for (size_t k = 0; k < nm; k++) {
        drop_body(s, body);
        body = -1;
        const match *m = &ms[k];
        const dy_pattern *p = dy_dict_pattern(c->dict, m->pat);
        if (c->opts.explain) {
            ex(c, "  verb %s ", p->code);
            ex_span(c, doc, s->t[m->head].start, s->t[m->end - 1].end);
            ex(c, " (verbs.txt:%u%s)\n", (unsigned)p->line, p->sym ? ", symmetric" : "");
        }
        if (p->code[0] == '-') { ex(c, "    blocked: this phrase codes nothing\n"); continue; }
        if (relative_clause(s, m->head)) { ex(c, "    skipped: a relative clause (background)\n"); continue; }
        if (rejected_text(s, ms, k)) { ex(c, "    skipped: what a rejected text says, not its voter's act\n"); continue; }
        if (agree_subsumed(s, ms, nm, k)) { ex(c, "    the act agreed to is coded after it\n"); continue; }
        if (purpose_of_prev(s, ms, k)) { ex(c, "    skipped: the purpose of the act before (\"to ...\"), not an act\n"); continue; }
        if (denied_clause(s, m->head)) { ex(c, "    skipped: what a denial says did not happen\n"); continue; }
        /* "issued a joint statement expressing support for Castillo": what the statement says is coded */
        if (!strcmp(p->code, "010") && k + 1 < nm && ms[k + 1].head >= m->end && ms[k + 1].head <= m->end + 1) {
            ex(c, "    skipped: the statement's content is coded after it\n");
            continue;
        }
        int passive = is_passive_at(s, m->head);
        if (!passive && reduced_relative(s, m)) { passive = 1; ex(c, "    a shortened passive clause after its noun\n"); }
        int src = -1, tgt = -1;
        int nominal = is_nominal(s, m->head);
        /* the object may be a noun phrase headed by the next match: "condemned the deepening ties between ..." */
        uint32_t limit = k + 1 < nm && !is_nominal(s, ms[k + 1].head) ? ms[k + 1].head : s->t1;
        if (limit > m->end + 12) limit = m->end + 12;
        for (uint32_t j = m->end; j < limit; j++) {
            if (s->t[j].flags & (DY_TF_END | DY_TF_CLAUSE)) { limit = j; break; }
            /* "Qatar hosted the talks, with help from Egypt": a party left out is the context's */
            if ((s->t[j].flags & DY_TF_COMMA) && p->ctx) { limit = j; break; }
            /* ", and President Zelensky called ...": a new clause */
            if ((s->t[j].flags & DY_TF_COMMA) && j + 1 < s->t1 && (dy_dict_wclass(s->c->dict, s->t[j + 1].id) & DY_WC_CLAUSE)) { limit = j; break; }
            /* "... burned down its embassy, a senior official said": the speaker is no object */
            if ((s->t[j].flags & DY_TF_COMMA) && attribution_after(s, j + 1)) { limit = j; break; }
            if ((s->t[j].flags & DY_TF_COMMA) && participle_after(s, j + 1) && j > m->end && group_at(s, j - 1) >= 0) { limit = j; break; }
            /* "... and were later joined by": a second verb of the same subject */
            uint32_t e;
            if (WIS(s, j, "and") && j + 1 < s->t1 && gram_is(s, j + 1, DY_G_BE, &e)) { limit = j; break; }
        }
        if (passive) {
            int subj = find_source(s, m->head);
            /* "talks with A, which were attended by B": A is no subject of the passive */
            for (uint32_t j = subj >= 0 ? s->g[subj].t1 : m->head; subj >= 0 && j < m->head; j++)
                if (s->t[j].flags & (DY_TF_COMMA | DY_TF_CLAUSE)) subj = -1;
            /* "arrived in AlUla and was greeted by the crown prince": the first verb's subject */
            if (subj < 0 && m->head >= s->t0 + 2 && WIS(s, m->head - 2, "and") && gram_is(s, m->head - 1, DY_G_BE, &(uint32_t){0}))
                subj = sentence_subject(s, m->head);
            if (m->src >= 0) {      /* "were killed in Israeli shelling": the pattern names the source */
                passive_slot(s, m, subj, limit, &src, &tgt);
                if (c->opts.explain) ex(c, "    passive voice, source in the pattern\n");
                goto roles_done;
            }
            /* T reached through "by", or the pattern's own "by T" ("veto+ by T") */
            int by_t = m->tgt >= 0 && (m->by || (s->g[m->tgt].t0 > s->t0 + 1 &&
                                                  (WIS(s, s->g[m->tgt].t0 - 1, "by") ||
                                                   (WIS(s, s->g[m->tgt].t0 - 1, "the") && WIS(s, s->g[m->tgt].t0 - 2, "by")))));
            int agent = by_t ? m->tgt : -1;
            if (agent < 0) {
                for (uint32_t j = m->end; j < limit && j < m->end + 6; j++)
                    if (WIS(s, j, "by")) { agent = find_target(s, j + 1, j + 3 < s->t1 ? j + 4 : s->t1); break; }
            }
            /* "Sanctions were imposed on North Korea by the EU": no actor as subject, the target is in the phrase */
            if (agent >= 0 && subj < 0 && m->tgt >= 0 && !by_t) subj = s->g[m->tgt].comp;
            if (agent >= 0) { src = agent; tgt = subj; }
            else if (p->sym) { src = subj; tgt = m->tgt >= 0 ? m->tgt : -1; }
            else if (subj >= 0 && (agent = passive_authority(s, m, p->code)) >= 0) {
                src = agent;
                tgt = subj;
                ex(c, "    passive voice: the authority that reports it is the source\n");
            }
            else { ex(c, "    skipped: passive voice without \"by\" names no source\n"); continue; }
            if (c->opts.explain) ex(c, "    passive voice\n");
        } else {
            int part = participial_at(s, m->head);
            src = and_verb(s, m->head) || part || speaker_and_verb(s, m->head, p->code) ? sentence_subject(s, m->head)
                                                                                    : find_source(s, m->head);
            if (!part) {
                int o = object_before_and(s, m->head, src);
                if (o != src) ex(c, "    the subject of the verb before \"and\", not its object\n");
                src = o;
            }
            if (part && m->src < 0 && sentence_has_event_from(s, src, p->code)) {
                ex(c, "    skipped: a participle after a comma tells the result of the act before it\n");
                continue;
            }
            if (m->src >= 0) src = s->g[m->src].comp;     /* the pattern's own S slot */
            tgt = m->tgt >= 0 ? s->g[m->tgt].comp : find_target(s, m->end, limit);
            if (tgt < 0 && (tgt = target_from_purpose(s, ms, nm, k, s->t1)) >= 0)
                ex(c, "    target from the purpose after it\n");
            if (tgt < 0 && !strncmp(p->code, "015", 3)) tgt = claimed_target(s, m);
            if (tgt < 0 && (tgt = actor_ends_match(s, m, src)) >= 0) ex(c, "    target: the actor that ends the phrase\n");
            if (nominal) {
                /* a noun ("the summit", "Putin's visit to ..."): its owner is the possessive before it;
                 * without one, only a "between" list or the pattern's own target makes it an event */
                int owner = possessor(s, m->head);
                if (owner >= 0) src = owner;
                else if (tgt >= 0 && p->sym && tgt_between(s, tgt)) src = -1;
                else if (p->ctx) src = -1;     /* "The negotiations began in March": from the context */
                else if (m->tgt < 0 || !after_prep(s, s->g[m->tgt].t0)) {
                    ex(c, "    skipped: a noun with no owner (\"before the summit\", \"a charge both deny\")\n");
                    continue;
                }
            }
        }
    roles_done:
        if (p->rev && !passive) { int t = src; src = tgt; tgt = t; }     /* "X received aid from Y": Y gave */
        if (place_not_party(s, m, p, tgt)) {
            ex(c, "    a place is no party to the meeting\n");
            tgt = -1;
        }
        /* the text's body, unless the phrase names one ("a Security Council resolution"); a
         * country there drafted the text ("a Russian draft") */
        if (!(tgt >= 0 && !strncmp(s->g[tgt].code, "IGO", 3))) body = body_target(s, m, p);
        if (body >= 0) tgt = body;
        if (p->ctx && (src < 0 || tgt < 0) && body < 0) {
            int have = src >= 0 ? src : tgt;
            int g = -1;
            if (src >= 0 && p->code[0] == '0' && p->code[1] == '3') g = counterpart(s, s->g[src].comp, &body);
            if (g < 0) g = context_parties(s, have, have < 0 && p->sym, &body);
            if (g >= 0 && src < 0 && tgt < 0) src = g;     /* both sides of the talks, both ways */
            else if (g >= 0 && src < 0) src = g;
            else if (g >= 0) tgt = g;
        }
        if (src >= 0 && tgt < 0 && body < 0 && !strncmp(p->code, "016", 3)) tgt = accuser(s, s->g[src].comp, &body);
        /* "Netanyahu rejected the criticism": a rejection with no party named answers its critic */
        if (src >= 0 && tgt < 0 && body < 0 && !nominal && !strncmp(p->code, "12", 2)) tgt = accuser(s, s->g[src].comp, &body);
        if (p->author && !passive && src >= 0 && body < 0 && (tgt = author_in_clause(s, m, tgt)) == -2)
            tgt = act_author(s, s->g[src].comp, &body, names_decision(s, m));
        if (tgt >= 0) tgt = embassy_owner(s, tgt);
        if (src >= 0 && tgt >= 0 && s->g[src].comp == s->g[tgt].comp && s->g[src].ncomp < 2) tgt = -1;
        /* "the two leaders held talks, first with their delegations": the pair is the event */
        if (src >= 0 && p->sym && is_pair(s, src) && tgt >= 0 && !is_named(s, tgt)) tgt = -1;
        if (src >= 0 && p->sym && is_pair(s, src) && tgt >= 0) {
            /* "Korea-China dialogue was held in Seoul", "Putin-Kim meeting ... about China": the pair
             * is the event; a place or a topic is not a party */
            if (s->g[tgt].locative || (s->g[s->g[tgt].comp].prep && m->tgt < 0 && !tgt_between(s, tgt) && !after_with(s, tgt))) tgt = -1;
            else if (pair_keeps_act(s, m, tgt)) {
                ex(c, "    a pair subject: the act stays within the pair\n");
                tgt = -1;
            }
        }
        if (src >= 0 && (tgt < 0 || own_place(s, src, tgt) || own_country_ref(s, src, tgt)) && !is_pair(s, src) && body < 0 && !passive) {
            body = implied_target(s, m, p, src, tgt >= 0 && !own_country_ref(s, src, tgt));
            if (body >= 0) tgt = body;
        }
        if (src >= 0 && tgt >= 0 && is_pair(s, src) && own_place(s, src, tgt)) tgt = -1;    /* "met at ..., Russia" */
        int claim = !passive && !p->rev ? reported_accusation(s, m, p, src) : 0;
        if (claim < 0) return -1;
        if (claim) continue;
        int recip = !passive && src >= 0 && is_pair(s, src) && m->tgt < 0 &&
                    (reciprocal_after(s, m->head + 1, m->end + 2 < limit ? m->end + 2 : limit) ||
                     (tgt < 0 && mutual_subject(s, src, m->head)));
        if (recip) tgt = -1;
        int sym_pairs = (p->sym || recip) && ((src >= 0 && tgt < 0 && is_pair(s, src)) ||
                                   (src < 0 && tgt >= 0 && is_pair(s, tgt)));
        if ((src < 0 || tgt < 0) && !sym_pairs) {
            ex(c, "    skipped: no %s\n", src < 0 ? "source" : "target");
            continue;
        }
        if (!passive && complement_at(s, m->head)) {
            ex(c, "    skipped: the subject is the object of an earlier verb (\"wants Putin to attack\")\n");
            continue;
        }
        int mood = mood_at(s, m->head);
        if (mood == DY_MOOD_FACTUAL && negated_predicate(s, m)) {
            ex(c, "    the noun is the subject of a negated verb\n");
            mood = DY_MOOD_NEGATED;
        }
        const char *code = domestic_code(s, src, tgt, p->code);
        if (code[0] == '1' && code[1] == '7') captor_country(s, src, tgt);
        if (src >= 0 && tgt >= 0) { borrow_country(s, tgt, src); borrow_country(s, src, tgt); }
        if (code != p->code) ex(c, "    one country's forces and crowds: coded as %s\n", code);
        if (mood == DY_MOOD_FACTUAL && strncmp(code, "03", 2) != 0 && agreed_to_act(s, m)) mood = DY_MOOD_INTENT;
        if (c->opts.convention == DY_CONV_PETRARCH) petrarch_mood(s, m->head, p->code, &code, &mood);
        if (mood == DY_MOOD_INTENT) {
            code = intent_code(p->code);
            if (code) {
                ex(c, "    announced, not done: coded as %s\n", code);
                mood = DY_MOOD_FACTUAL;
            } else {
                code = p->code;
                mood = DY_MOOD_HYPOTHETICAL;
            }
        }
        if (tgt >= 0) s->g[tgt].used_as_target = 1;
        if (src >= 0) s->g[src].used_as_source = 1;
        if (!mood && code == p->code && (p->meet || p->pair[0])) {
            int r = emit_paired(s, m, p, src, tgt);
            if (r < 0) return -1;
            if (r > 0) continue;
        }
        int sym = p->sym || recip;
        /* PETRARCH codes "A met B" one way, A to B */
        if (sym && c->opts.convention == DY_CONV_PETRARCH && src >= 0 && tgt >= 0 && !recip) sym = 0;
        if (sym && (code != p->code || !strncmp(code, "03", 2)) && one_sided_intent(s, src, tgt, m->head)) sym = 0;
        if (recip) ex(c, "    reciprocal: both ways within the pair\n");
        /* the pattern's own code has its entry already; an announced act's code is looked up */
        const dy_cameo *cam = code == p->code ? p->cam : dy_dict_cameo(c->dict, code);
        if (emit(s, m, code, cam, src, tgt, sym, mood) < 0) return -1;
    }
    drop_body(s, body);
    if (followed_suit(s) < 0) return -1;
    if (code_brokered(s)) return -1;
    for (size_t k = 0; k < s->ng; k++)
        if (s->g[k].code[0]) {
            remember(c, s->g[k].code, s->g[k].code2, s->g[k].kind, s->g[s->g[k].comp].used_as_source, s->sidx);
            c->hist[c->nhist - 1].place = s->g[k].locative && !s->g[k].used_as_target;
            /* a coordination that was a party to an act there */
            const dy_actor *cg = &s->g[s->g[k].comp];
            if (cg->ncomp >= 2 && s->g[k].comp < 255 && (cg->used_as_source || cg->used_as_target))
                c->hist[c->nhist - 1].coord = (uint8_t)(s->g[k].comp + 1);
        }
    if (c->opts.keep_actors) {
        if (c->nkept + s->ng > c->capkept) {
            size_t cap = c->capkept ? c->capkept : 256;
            while (cap < c->nkept + s->ng) cap *= 2;
            dy_actor *v = realloc(c->kept, cap * sizeof *v);
            if (!v) return -1;
            c->kept = v;
            c->capkept = cap;
        }
        if (s->ng) memcpy(c->kept + c->nkept, s->g, s->ng * sizeof *s->g);    /* kept may still be NULL */
        c->nkept += s->ng;
        c->kept_off[s->sidx + 1] = (uint32_t)c->nkept;
    }
    return 0;
}

const dy_actor *dy_coder_sent_actors(const dy_coder *c, size_t k, size_t *n)
{
    size_t ns;
    dy_seg_sents(c->seg, &ns);
    if (!c->opts.keep_actors || k >= ns) { *n = 0; return NULL; }
    *n = c->kept_off[k + 1] - c->kept_off[k];
    return *n ? c->kept + c->kept_off[k] : NULL;
}

int dy_coder_topic(const dy_coder *c, char a[16], char b[16])
{
    int best = -1;
    for (size_t j = 0; j < c->ntopic; j++)
        if (best < 0 || c->topic[j].n > c->topic[best].n) best = (int)j;
    if (best < 0) return 0;
    set_code(a, c->topic[best].a);
    set_code(b, c->topic[best].b);
    return 1;
}

static int blank_line_between(const char *text, uint32_t a, uint32_t b)
{
    int nl = 0;
    for (uint32_t i = a; i < b; i++)
        if (text[i] == '\n' && ++nl >= 2) return 1;
    return 0;
}

int dy_coder_code(dy_coder *c, const dy_doc *doc, dy_err *err)
{
    c->nev = 0;
    c->explain.len = 0;
    c->nhist = 0;
    c->speaker[0] = c->speaker2[0] = 0;
    c->korea = 0;
    c->ntopic = 0;
    c->visit_place[0] = 0;
    c->lede.prec = c->last.prec = DY_PREC_NONE;
    c->pub_day = doc->pub.prec == DY_PREC_DAY ? dy_date_days(doc->pub) : INT64_MAX;
    c->story_shown[0] = 0;
    c->aliases.n = 0;
    if (dy_story_begin(&c->story, c->dict, doc)) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    if (dy_seg_doc(c->seg, doc, err)) return -1;
    size_t ns;
    const dy_sent *sents = dy_seg_sents(c->seg, &ns);
    if (c->opts.keep_actors) {
        c->nkept = 0;
        if (ns + 1 > c->capoff) {
            uint32_t *o = realloc(c->kept_off, (ns + 1) * sizeof *o);
            if (!o) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
            c->kept_off = o;
            c->capoff = ns + 1;
        }
        c->kept_off[0] = 0;
    }
    sctx *s = malloc(sizeof *s);
    if (!s) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    s->c = c;
    s->doc = doc;
    s->t = dy_seg_toks(c->seg);
    s->norm = dy_seg_norm(c->seg);
    for (size_t k = 0; k < ns; k++) {
        s->sidx = (uint32_t)k;
        s->para_start = k == 0 || blank_line_between(doc->text, sents[k - 1].end, sents[k].start);
        s->t0 = sents[k].tok0;
        s->t1 = sents[k].tok0 + sents[k].ntok;
        if (code_sentence(s)) { free(s); return dy_err_set(err, DY_ENOMEM, "out of memory"), -1; }
    }
    free(s);
    return 0;
}
