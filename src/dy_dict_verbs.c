/* dy_dict_verbs.c - the verb patterns of verbs.txt and its word classes ("&NAME = ..."), read
 * into the dictionary and indexed by the words they start with (the rest of the loader:
 * dy_dict.c; what both share: dy_dict_int.h). */
#define _POSIX_C_SOURCE 200809L
#include "dy_dict_int.h"
#include "dy_tok.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- verb patterns ---- */
static int add_word(loader *L, dy_vec *set, const char *w, size_t n)
{
    uint32_t id = dy_lex_intern(L->d->lex, w, n);
    if (!id) { L->oom = 1; return -1; }
    for (size_t i = 0; i < set->len; i++) if (DY_VEC_AT(set, uint32_t, i) == id) return 0;
    uint32_t *slot = dy_vec_push(set);
    if (!slot) { L->oom = 1; return -1; }
    *slot = id;
    return 0;
}

static int ends(const char *w, size_t n, const char *suf)
{
    size_t l = strlen(suf);
    return n >= l && memcmp(w + n - l, suf, l) == 0;
}

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* The regular inflections of a verb: base, -s, -ed, -ing. */
static int add_inflections(loader *L, dy_vec *set, const char *w, size_t n)
{
    char buf[128];
    if (n + 5 >= sizeof buf) return -1;
    if (add_word(L, set, w, n)) return -1;
    memcpy(buf, w, n);
    int cy = n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2]);
    /* -s */
    if (cy) { memcpy(buf + n - 1, "ies", 3); if (add_word(L, set, buf, n + 2)) return -1; }
    else if (ends(w, n, "s") || ends(w, n, "sh") || ends(w, n, "ch") || ends(w, n, "x") || ends(w, n, "z") || ends(w, n, "o")) {
        memcpy(buf + n, "es", 2); if (add_word(L, set, buf, n + 2)) return -1;
    } else { buf[n] = 's'; if (add_word(L, set, buf, n + 1)) return -1; }
    /* -ed */
    if (cy) { memcpy(buf + n - 1, "ied", 3); if (add_word(L, set, buf, n + 2)) return -1; }
    else if (w[n - 1] == 'e') { buf[n] = 'd'; if (add_word(L, set, buf, n + 1)) return -1; }
    else { memcpy(buf + n, "ed", 2); if (add_word(L, set, buf, n + 2)) return -1; }
    /* -ing */
    if (ends(w, n, "ie")) { memcpy(buf + n - 2, "ying", 4); if (add_word(L, set, buf, n + 2)) return -1; }
    else if (w[n - 1] == 'e' && n > 2 && !ends(w, n, "ee") && !ends(w, n, "ye") && !ends(w, n, "oe")) {
        memcpy(buf + n - 1, "ing", 3); if (add_word(L, set, buf, n + 2)) return -1;
    } else { memcpy(buf + n, "ing", 3); if (add_word(L, set, buf, n + 3)) return -1; }
    /* a doubled last consonant after one short vowel: committed, expelled, banning (a form
     * English does not double, "visitted", is only a word no text has) */
    if (n >= 3 && !is_vowel(w[n - 1]) && !strchr("wxyh", w[n - 1]) && is_vowel(w[n - 2]) && !is_vowel(w[n - 3])) {
        buf[n] = w[n - 1];
        memcpy(buf + n + 1, "ed", 2); if (add_word(L, set, buf, n + 3)) return -1;
        memcpy(buf + n + 1, "ing", 3); if (add_word(L, set, buf, n + 4)) return -1;
    }
    return 0;
}

static int add_class_words(loader *L, dy_vec *set, const char *ref);

/* One alternative of a word element: "word", "word+" or "&CLASS". Multi-token words are an error here. */
static int add_alternative(loader *L, dy_vec *set, const char *alt)
{
    if (alt[0] == '&') return add_class_words(L, set, alt);
    size_t n = strlen(alt);
    int infl = n > 1 && alt[n - 1] == '+';
    if (infl) n--;
    char tmp[128];
    if (n == 0 || n >= sizeof tmp) { dyd_problem(L, "empty or overlong word in a pattern"); return -1; }
    memcpy(tmp, alt, n);
    tmp[n] = 0;
    L->toks.len = 0;
    L->norm.len = 0;
    if (dy_tokenize(tmp, n, 0, NULL, &L->toks, &L->norm)) { L->oom = 1; return -1; }
    if (L->toks.len != 1) { dyd_problem(L, "'%s' is not one token (write the words as separate elements)", tmp); return -1; }
    const char *w = L->norm.data + L->toks.v[0].norm;
    size_t wl = strlen(w);
    if (infl) {
        for (size_t i = 0; i < wl; i++)
            if (!dy_isalpha((unsigned char)w[i])) { dyd_problem(L, "'%s+': inflections need a plain word", w); return -1; }
        return add_inflections(L, set, w, wl);
    }
    return add_word(L, set, w, wl);
}

/* The flags "pair=CODE" (PETRARCH's paired codes [032:033]) and "body=CODE" (the act when an
 * international body does it to a state): a CAMEO code of three or more digits, or a problem.
 * Returns 0 when it is good. */
static int pair_flag(loader *L, const char *flag, const char *code, char out[8])
{
    if (!dy_dict_cameo(L->d, code)) { dyd_problem(L, "unknown CAMEO code '%s' in %s= (see dict/cameo.txt)", code, flag); return -1; }
    if (strlen(code) < 3) { dyd_problem(L, "use the three-digit form of root code %s in %s= (e.g. %s0)", code, flag, code); return -1; }
    snprintf(out, 8, "%s", code);
    return 0;
}

/* The flag "to=CODE": an actor code of 3 to 15 capital letters ("IGOUNO"), or a bare role
 * ("---GOV"), or a problem. */
static int to_flag(loader *L, const char *code, char out[16])
{
    size_t n = strlen(code), k = 0;
    if (n == 6 && !strncmp(code, "---", 3)) k = 3;     /* igo22: a bare role ("---GOV"), of the source's country */
    while (k < n && code[k] >= 'A' && code[k] <= 'Z') k++;
    if (n < 3 || n > 15 || k != n) { dyd_problem(L, "bad actor code '%s' in to= (capital letters, e.g. IGOUNO)", code); return -1; }
    memcpy(out, code, n + 1);
    return 0;
}

/* One word element's alternatives into set: "word", "word+", "&CLASS" or "{a|b+|&C}". */
static int word_set(loader *L, char *el, dy_vec *set)
{
    size_t n = strlen(el);
    if (el[0] == '{') {
        if (n < 3 || el[n - 1] != '}') { dyd_problem(L, "unbalanced '{' in '%s'", el); return -1; }
        el[n - 1] = 0;
        char *s2 = NULL;
        for (char *alt = strtok_r(el + 1, "|", &s2); alt; alt = strtok_r(NULL, "|", &s2))
            if (add_alternative(L, set, alt)) return -1;
        return 0;
    }
    if (strchr(el, '{') || strchr(el, '}') || strchr(el, '|')) { dyd_problem(L, "misplaced brace or '|' in '%s'", el); return -1; }
    return add_alternative(L, set, el);
}

/* ---- word classes: "&NAME = word | word+ | {a|b}", one token any of them, named for later patterns ---- */
static const word_class *find_class(const loader *L, const char *name)
{
    for (size_t i = 0; i < L->classes.len; i++)
        if (strcmp(DY_VEC_AT(&L->classes, word_class, i).name, name) == 0) return &DY_VEC_AT(&L->classes, word_class, i);
    return NULL;
}

static int class_name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n >= sizeof ((word_class *)0)->name || !dy_isupper((unsigned char)name[0])) return 0;
    for (size_t i = 0; i < n; i++)
        if (!dy_isupper((unsigned char)name[i]) && !dy_isdigit((unsigned char)name[i]) && name[i] != '_') return 0;
    return 1;
}

/* "&NAME" as an alternative: every word of the class. */
static int add_class_words(loader *L, dy_vec *set, const char *ref)
{
    const word_class *c = find_class(L, ref + 1);
    if (!c) {
        dyd_problem(L, "unknown class '%s' (define it on an earlier line: '%s = word | word+ | {a|b}')", ref, ref);
        return -1;
    }
    for (uint32_t i = 0; i < c->n; i++) {
        uint32_t id = DY_VEC_AT(&L->class_words, uint32_t, c->off + i);
        size_t k = 0;
        while (k < set->len && DY_VEC_AT(set, uint32_t, k) != id) k++;
        if (k < set->len) continue;     /* already there */
        uint32_t *slot = dy_vec_push(set);
        if (!slot) { L->oom = 1; return -1; }
        *slot = id;
    }
    return 0;
}

static void class_line(loader *L, char *s)
{
    char *eq = strchr(s, '=');
    if (!eq) { dyd_problem(L, "expected '&NAME = word | word+ | {a|b}'"); return; }
    *eq = 0;
    char *name = dy_trim(s) + 1;
    if (!class_name_ok(name)) { dyd_problem(L, "bad class name '&%s' (capital letters, digits and '_', e.g. &WEAPON)", name); return; }
    const word_class *old = find_class(L, name);
    if (old) { dyd_problem(L, "class '&%s' is defined twice (first on line %zu)", name, old->line); return; }
    /* the alternatives: split at the '|' outside braces */
    dy_vec set = DY_VEC_INIT(uint32_t);
    int depth = 0, ok = 1;
    char *alt = eq + 1;
    for (char *p = alt;; p++) {
        if (*p == '{') depth++;
        else if (*p == '}') depth--;
        if (*p && (*p != '|' || depth > 0)) continue;
        int end = !*p;
        *p = 0;
        char *a = dy_trim(alt);
        if (!*a) { dyd_problem(L, "empty alternative in class '&%s'", name); ok = 0; break; }
        if (strpbrk(a, " \t")) { dyd_problem(L, "'%s' in class '&%s' is not one word (a class names single tokens)", a, name); ok = 0; break; }
        if (word_set(L, a, &set)) { ok = 0; break; }
        if (end) break;
        alt = p + 1;
    }
    if (ok && set.len == 0) { dyd_problem(L, "class '&%s' has no words", name); ok = 0; }
    word_class *c = ok ? dy_vec_push(&L->classes) : NULL;
    if (ok && !c) L->oom = 1;
    if (c) {
        snprintf(c->name, sizeof c->name, "%s", name);
        c->off = (uint32_t)L->class_words.len;
        c->n = (uint32_t)set.len;
        c->line = L->line;
        for (size_t i = 0; i < set.len; i++) {
            uint32_t *slot = dy_vec_push(&L->class_words);
            if (!slot) { L->oom = 1; break; }
            *slot = DY_VEC_AT(&set, uint32_t, i);
        }
    }
    dy_vec_free(&set);
}

void dyd_pattern_line(loader *L, char *s)
{
    if (*s == '&') { class_line(L, s); return; }
    dy_dict *d = L->d;
    char *flags = strchr(s, ';');
    int sym = 0, rev = 0, meet = 0, among = 0, ctx = 0, author = 0, lead = 0, court = 0, igo = 0;
    char pair[8] = "", to[16] = "", body[8] = "";
    if (flags) {
        *flags++ = 0;
        for (char *f = strtok(flags, " \t,"); f; f = strtok(NULL, " \t,")) {
            if (strcmp(f, "sym") == 0) sym = 1;
            else if (strcmp(f, "among") == 0) sym = among = 1;
            else if (strcmp(f, "rev") == 0) rev = 1;
            else if (strcmp(f, "meet") == 0) meet = 1;
            else if (strcmp(f, "ctx") == 0) ctx = 1;
            else if (strcmp(f, "author") == 0) author = 1;
            else if (strcmp(f, "lead") == 0) author = lead = 1;
            else if (strcmp(f, "court") == 0) court = 1;
            else if (strcmp(f, "igo") == 0) igo = 1;
            else if (strncmp(f, "pair=", 5) == 0) { if (pair_flag(L, "pair", f + 5, pair)) return; }
            else if (strncmp(f, "to=", 3) == 0) { if (to_flag(L, f + 3, to)) return; }
            else if (strncmp(f, "body=", 5) == 0) { if (pair_flag(L, "body", f + 5, body)) return; }
            else { dyd_problem(L, "unknown flag '%s' (sym, among, rev, meet, ctx, author, lead, court, igo, pair=CODE or body=CODE with a CAMEO code, or to=ACTOR)", f); return; }
        }
    }
    char *save = NULL;
    char *code = strtok_r(s, " \t", &save);
    if (!code) { dyd_problem(L, "empty pattern line"); return; }
    if (strcmp(code, "-") != 0 && !dy_dict_cameo(d, code)) {
        dyd_problem(L, "unknown CAMEO code '%s' (see dict/cameo.txt)", code);
        return;
    }
    if (strlen(code) == 2) { dyd_problem(L, "use the three-digit form of root code %s (e.g. %s0)", code, code); return; }
    dy_pattern p = {0};
    snprintf(p.code, sizeof p.code, "%s", code);
    memcpy(p.pair, pair, sizeof p.pair);
    memcpy(p.to, to, sizeof p.to);
    memcpy(p.body, body, sizeof p.body);
    p.sym = (uint8_t)sym;
    p.among = (uint8_t)among;
    p.rev = (uint8_t)rev;
    p.meet = (uint8_t)meet;
    p.ctx = (uint8_t)ctx;
    p.author = (uint8_t)author;
    p.lead = (uint8_t)lead;
    p.court = (uint8_t)court;
    p.igo = (uint8_t)igo;
    p.el = (uint32_t)d->pels.len;
    p.line = (uint32_t)L->line;
    size_t start_pels = d->pels.len, start_words = d->wordsets.len;
    int ok = 1, ntarget = 0, nsource = 0;
    for (char *el = strtok_r(NULL, " \t", &save); el && ok; el = strtok_r(NULL, " \t", &save)) {
        dy_pel e = {0};
        int opt = 0;
        size_t n = strlen(el);
        if (el[0] == '(') {
            if (n < 3 || el[n - 1] != ')') { dyd_problem(L, "unbalanced '(' in '%s'", el); ok = 0; break; }
            el[n - 1] = 0;
            el++;
            n -= 2;
            opt = 1;
        }
        if (strcmp(el, "...") == 0 || strcmp(el, "^") == 0) {
            if (opt) { dyd_problem(L, "a gap cannot be optional"); ok = 0; break; }
            e.type = el[0] == '^' ? DY_PE_SKIP : DY_PE_GAP;
        } else if (strcmp(el, "T") == 0) {
            if (opt) { dyd_problem(L, "the target slot T cannot be optional"); ok = 0; break; }
            e.type = DY_PE_TARGET;
            ntarget++;
        } else if (strcmp(el, "S") == 0) {
            if (opt) { dyd_problem(L, "the source slot S cannot be optional"); ok = 0; break; }
            e.type = DY_PE_SOURCE;
            nsource++;
        } else {
            dy_vec set = DY_VEC_INIT(uint32_t);
            if (word_set(L, el, &set)) ok = 0;
            if (ok && set.len == 0) { dyd_problem(L, "empty alternatives"); ok = 0; }
            if (ok) {
                e.type = DY_PE_WORDS;
                e.nwords = (uint16_t)set.len;
                e.words = (uint32_t)d->wordsets.len;
                uint32_t *ids = set.items;
                /* sorted, so membership is a binary search */
                for (size_t i = 1; i < set.len; i++)
                    for (size_t j = i; j > 0 && ids[j - 1] > ids[j]; j--) { uint32_t t = ids[j]; ids[j] = ids[j - 1]; ids[j - 1] = t; }
                for (size_t i = 0; i < set.len; i++) {
                    uint32_t *slot = dy_vec_push(&d->wordsets);
                    if (!slot) { L->oom = 1; ok = 0; break; }
                    *slot = ids[i];
                }
                if (!opt) p.nlit++;
            }
            dy_vec_free(&set);
        }
        if (!ok) break;
        e.opt = (uint8_t)opt;
        if (d->pels.len == start_pels && (e.type != DY_PE_WORDS || e.opt)) {
            dyd_problem(L, "a pattern must start with a word, not an optional element, a gap, T or S");
            ok = 0;
            break;
        }
        dy_pel *slot = dy_vec_push(&d->pels);
        if (!slot) { L->oom = 1; ok = 0; break; }
        *slot = e;
        p.nel++;
    }
    if (ok && p.nel == 0) { dyd_problem(L, "a pattern needs at least one word"); ok = 0; }
    if (ok && (ntarget > 1 || nsource > 1)) { dyd_problem(L, "a pattern has at most one T and one S"); ok = 0; }
    if (ok && p.nel > 0 && (DY_VEC_AT(&d->pels, dy_pel, d->pels.len - 1).type == DY_PE_GAP ||
                            DY_VEC_AT(&d->pels, dy_pel, d->pels.len - 1).type == DY_PE_SKIP)) {
        dyd_problem(L, "a pattern cannot end with a gap");
        ok = 0;
    }
    if (!ok) { d->pels.len = start_pels; d->wordsets.len = start_words; return; }
    dy_pattern *slot = dy_vec_push(&d->patterns);
    if (!slot) { L->oom = 1; return; }
    *slot = p;
}

/* The dy_next_bit()s of the words that may come where element `from` starts (1: right after the
 * head): those of its optional word sets up to the first word set that is not optional, included;
 * every bit when a gap, a slot or the pattern's end comes first. */
static uint64_t next_bits(const dy_dict *d, const dy_pattern *p, uint8_t from)
{
    uint64_t bits = 0;
    for (uint8_t k = from; k < p->nel; k++) {
        const dy_pel *e = &DY_VEC_AT(&d->pels, dy_pel, p->el + k);
        if (e->type != DY_PE_WORDS) break;
        for (uint16_t q = 0; q < e->nwords; q++) bits |= dy_next_bit(DY_VEC_AT(&d->wordsets, uint32_t, e->words + q));
        if (!e->opt) return bits;
    }
    return ~0ULL;
}

/* How likely a word set is to be in any sentence: its size, plus DY_REQ2_MAX + 1 when it holds a
 * word of a grammar.txt class every sentence has (common[] set: a preposition, determiner, clause
 * word, a form of "be", a speech verb), so a set of rarer words is the better test */
static unsigned set_rank(const dy_dict *d, const dy_pel *e, const uint8_t *common, uint32_t nw)
{
    for (uint16_t k = 0; k < e->nwords; k++) {
        uint32_t w = DY_VEC_AT(&d->wordsets, uint32_t, e->words + k);
        if (w < nw && common[w]) return e->nwords + DY_REQ2_MAX + 1u;
    }
    return e->nwords;
}

/* The words of the grammar classes set_rank() counts as common: one byte a word id (NULL: none). */
static uint8_t *common_words(const dy_dict *d, uint32_t nw)
{
    uint8_t *common = calloc(nw, 1);
    if (!common) return NULL;
    for (size_t k = 0; k < d->words.len; k++) {
        const gram_word *g = &DY_VEC_AT(&d->words, gram_word, k);
        if (g->word < nw && (g->cls == DY_G_PREP || g->cls == DY_G_DET || g->cls == DY_G_CLAUSE)) common[g->word] = 1;
    }
    for (size_t k = 0; k < d->gram_first.len; k++) {
        const gram_first *f = &DY_VEC_AT(&d->gram_first, gram_first, k);
        if (f->word < nw) common[f->word] = 1;
    }
    return common;
}

/* A pattern's required word sets (dy_pattern.req, .req2), of its word sets after the head that
 * are not optional: the smallest (a test of one or two words is the prefilter's fastest), then
 * of the others with at most DY_REQ2_MAX words the one of lowest set_rank(). */
static void choose_reqs(const dy_dict *d, dy_pattern *q, const uint8_t *common, uint32_t nw)
{
    q->nreq = q->nreq2 = 0;
    for (uint8_t k = 1; k < q->nel; k++) {
        const dy_pel *e = &DY_VEC_AT(&d->pels, dy_pel, q->el + k);
        if (e->type == DY_PE_WORDS && !e->opt && e->nwords > 0 && (q->nreq == 0 || e->nwords < q->nreq)) {
            q->nreq = e->nwords;
            q->req = e->words;
        }
    }
    unsigned best = UINT_MAX;
    for (uint8_t k = 1; q->nreq && k < q->nel; k++) {
        const dy_pel *e = &DY_VEC_AT(&d->pels, dy_pel, q->el + k);
        if (e->type != DY_PE_WORDS || e->opt || e->words == q->req || e->nwords == 0 || e->nwords > DY_REQ2_MAX) continue;
        unsigned r = set_rank(d, e, common, nw);
        if (r < best) {
            best = r;
            q->nreq2 = e->nwords;
            q->req2 = e->words;
        }
    }
}

/* Index patterns by the words their first element accepts (counting sort by word id). */
int dyd_index_patterns(dy_dict *d)
{
    uint32_t nw = dy_lex_count(d->lex) + 1;
    d->nwords_indexed = nw;
    d->first_off = calloc(nw + 1, sizeof *d->first_off);
    d->first_cnt = calloc(nw, sizeof *d->first_cnt);
    size_t total = 0;
    if (!d->first_off || !d->first_cnt) return -1;
    for (size_t i = 0; i < d->patterns.len; i++) {
        const dy_pattern *p = &DY_VEC_AT(&d->patterns, dy_pattern, i);
        const dy_pel *e = &DY_VEC_AT(&d->pels, dy_pel, p->el);
        for (uint16_t k = 0; k < e->nwords; k++) { d->first_cnt[DY_VEC_AT(&d->wordsets, uint32_t, e->words + k)]++; total++; }
    }
    d->first_list = malloc((total + 1) * sizeof *d->first_list);
    d->first_req = malloc((total + 1) * sizeof *d->first_req);
    d->reqbit = malloc(nw);
    if (!d->first_list || !d->first_req || !d->reqbit) return -1;
    memset(d->reqbit, 64, nw);
    uint32_t acc = 0;
    for (uint32_t w = 0; w < nw; w++) { d->first_off[w] = acc; acc += d->first_cnt[w]; d->first_cnt[w] = 0; }
    d->first_off[nw] = acc;
    uint8_t *common = common_words(d, nw);
    if (!common) return -1;
    for (size_t i = 0; i < d->patterns.len; i++) choose_reqs(d, &DY_VEC_AT(&d->patterns, dy_pattern, i), common, nw);
    free(common);
    unsigned nextbit = 0;
    for (size_t i = 0; i < d->patterns.len; i++) {
        dy_pattern *q = &DY_VEC_AT(&d->patterns, dy_pattern, i);
        q->cam = dy_dict_cameo(d, q->code);
        q->pair_cam = q->pair[0] ? dy_dict_cameo(d, q->pair) : NULL;
        for (uint16_t k = 0; k < q->nreq; k++) {
            uint32_t w = DY_VEC_AT(&d->wordsets, uint32_t, q->req + k);
            if (w < nw && d->reqbit[w] == 64) d->reqbit[w] = (uint8_t)(nextbit++ & 63);
        }
    }
    for (size_t i = 0; i < d->patterns.len; i++) {
        const dy_pattern *p = &DY_VEC_AT(&d->patterns, dy_pattern, i);
        const dy_pel *e = &DY_VEC_AT(&d->pels, dy_pel, p->el);
        const uint64_t next = next_bits(d, p, 1);
        const dy_pel *e1 = p->nel > 1 ? &DY_VEC_AT(&d->pels, dy_pel, p->el + 1) : NULL;
        /* one word for the second element, so the third starts at the word after it */
        const uint64_t next2 = e1 && e1->type == DY_PE_WORDS && !e1->opt ? next_bits(d, p, 2) : ~0ULL;
        const uint64_t gap = e1 && e1->type == DY_PE_GAP ? next_bits(d, p, 2) : ~0ULL;
        for (uint16_t k = 0; k < e->nwords; k++) {
            uint32_t w = DY_VEC_AT(&d->wordsets, uint32_t, e->words + k);
            uint32_t at = d->first_off[w] + d->first_cnt[w]++;
            d->first_list[at] = (uint32_t)i;
            const uint32_t *ws = (const uint32_t *)d->wordsets.items + p->req;
            dy_req *r = &d->first_req[at];
            r->w0 = p->nreq == 0 ? 0 : p->nreq <= 2 ? ws[0] : DY_REQ_MANY;
            r->w1 = p->nreq == 2 ? ws[1] : 0;
            r->sig = 0;
            for (uint16_t q = 0; p->nreq > 2 && q < p->nreq; q++) r->sig |= dy_dict_reqbit(d, ws[q]);
            r->next = next;
            r->next2 = next2;
            r->gap = gap;
        }
    }
    return 0;
}
