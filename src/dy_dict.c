/* dy_dict.c - dictionary loader, checker and the tries the matchers walk (verbs.txt: dy_dict_verbs.c). */
#define _POSIX_C_SOURCE 200809L
#include "dy_dict_int.h"
#include "dy_dates.h"
#include "dy_tok.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- trie: nodes hold a payload; edges live in one hash table keyed by (node, word) (dy_dict_int.h) ---- */
/* One of 32 bits for a word id: the root entries' signatures of second words. */
static inline uint32_t next_bit(uint32_t word) { return 1u << ((word * 0x9e3779b1u) >> 27); }

/* The slot of a key: the top bits of one multiplication (short to compute, so the load starts
 * early; the key's node and word both reach the top bits). */
static inline size_t edge_slot(const trie *t, uint64_t key) { return (size_t)((key * 0x9e3779b97f4a7c15ULL) >> t->shift); }

static int trie_init(trie *t)
{
    memset(t, 0, sizeof *t);
    t->capnodes = 1024;
    t->payload = malloc(t->capnodes * sizeof *t->payload);
    t->mask = 4095;
    t->shift = 64 - 12;
    t->edges = calloc(t->mask + 1, sizeof *t->edges);
    if (!t->payload || !t->edges) return -1;
    t->payload[0] = -1;
    t->nnodes = 1;
    return 0;
}

/* Builds the root table once the lexicon is complete: most words start no phrase, and the
 * matchers try every word of a text as a start. */
static int trie_index_root(trie *t, uint32_t nwords)
{
    free(t->root);
    t->root = malloc((size_t)nwords * sizeof *t->root);
    if (!t->root) return -1;
    uint32_t *first = malloc(t->nnodes * sizeof *first);     /* node -> its word, for the root's children */
    if (!first) return -1;
    for (size_t n = 0; n < t->nnodes; n++) first[n] = UINT32_MAX;
    for (uint32_t w = 0; w < nwords; w++) t->root[w] = (root_edge){-1, -1, 0};
    for (size_t i = 0; i <= t->mask; i++) {
        edge *e = &t->edges[i];
        if (!e->key) continue;
        e->payload = t->payload[e->child];
        if (e->key >> 32 == 1 && (uint32_t)e->key < nwords) {
            t->root[(uint32_t)e->key] = (root_edge){e->child, e->payload, 0};
            first[e->child] = (uint32_t)e->key;
        }
    }
    for (size_t i = 0; i <= t->mask; i++) {
        uint64_t k = t->edges[i].key;
        uint32_t w = k ? first[(k >> 32) - 1] : UINT32_MAX;
        if (w != UINT32_MAX) t->root[w].next |= next_bit((uint32_t)k);
    }
    free(first);
    t->nroot = nwords;
    return 0;
}

static void trie_free(trie *t)
{
    free(t->root);
    free(t->payload);
    free(t->edges);
}

static int32_t trie_step(const trie *t, int32_t node, uint32_t word)
{
    if (!word) return -1;
    if (node == 0 && t->root) return word < t->nroot ? t->root[word].child : -1;
    uint64_t key = ((uint64_t)(node + 1) << 32) | word;
    for (size_t j = edge_slot(t, key);; j = (j + 1) & t->mask) {
        if (t->edges[j].key == key) return t->edges[j].child;
        if (!t->edges[j].key) return -1;
    }
}

/* trie_step() on a loaded trie, with the payload of the node reached (-1 none) read from the
 * same entry */
static int32_t trie_step_payload(const trie *t, int32_t node, uint32_t word, int32_t *payload)
{
    static const root_edge none = {-1, -1, 0};
    const root_edge *r = &none;
    if (!t->root) {     /* still loading: the payloads are not beside the edges yet */
        int32_t c = trie_step(t, node, word);
        *payload = c >= 0 ? t->payload[c] : -1;
        return c;
    }
    if (!word) r = &none;
    else if (node == 0) r = word < t->nroot ? &t->root[word] : &none;
    else {
        uint64_t key = ((uint64_t)(node + 1) << 32) | word;
        for (size_t j = edge_slot(t, key);; j = (j + 1) & t->mask) {
            if (t->edges[j].key == key) { *payload = t->edges[j].payload; return t->edges[j].child; }
            if (!t->edges[j].key) break;
        }
    }
    *payload = r->payload;
    return r->child;
}

static int trie_grow(trie *t)
{
    size_t nmask = t->mask * 2 + 1;
    edge *ne = calloc(nmask + 1, sizeof *ne);
    if (!ne) return -1;
    edge *old = t->edges;
    size_t omask = t->mask;
    t->edges = ne;
    t->mask = nmask;
    t->shift--;
    for (size_t i = 0; i <= omask; i++) {
        if (!old[i].key) continue;
        size_t j = edge_slot(t, old[i].key);
        while (ne[j].key) j = (j + 1) & nmask;
        ne[j] = old[i];
    }
    free(old);
    return 0;
}

/* Returns the node reached by the word sequence, creating it; -1 on OOM. */
static int32_t trie_insert(trie *t, const uint32_t *w, size_t n)
{
    int32_t node = 0;
    for (size_t i = 0; i < n; i++) {
        int32_t c = trie_step(t, node, w[i]);
        if (c < 0) {
            if ((t->nedges + 1) * 2 > t->mask && trie_grow(t)) return -1;
            if (DY_GROW(t->payload, t->nnodes + 1, t->capnodes)) return -1;
            c = (int32_t)t->nnodes++;
            t->payload[c] = -1;
            uint64_t key = ((uint64_t)(node + 1) << 32) | w[i];
            size_t j = edge_slot(t, key);
            while (t->edges[j].key) j = (j + 1) & t->mask;
            t->edges[j].key = key;
            t->edges[j].child = c;
            t->nedges++;
        }
        node = c;
    }
    return node;
}

/* ---- problem collection (the loader: dy_dict_int.h) ---- */
void dyd_problem(loader *L, const char *fmt, ...)
{
    L->problems++;
    if (!L->report) return;
    char msg[1200];     /* room for the names of every grammar class */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (dy_buf_printf(L->report, "%s:%zu: %s\n", L->file, L->line, msg)) L->oom = 1;
}

static void strip_comment(char *s)
{
    for (char *p = s; *p; p++)
        if (*p == '#' && (p == s || dy_isspace((unsigned char)p[-1]))) { *p = 0; return; }
}

/* Tokenises a phrase and interns its words into ids[]. Returns the count, 0 when empty,
 * -1 when longer than max. */
static int phrase_ids(loader *L, const char *s, uint32_t *ids, int max, int skip_the)
{
    L->toks.len = 0;
    L->norm.len = 0;
    if (dy_tokenize(s, strlen(s), 0, NULL, &L->toks, &L->norm)) { L->oom = 1; return 0; }
    int n = 0;
    for (size_t i = 0; i < L->toks.len; i++) {
        const char *w = L->norm.data + L->toks.v[i].norm;
        if (i == 0 && skip_the && strcmp(w, "the") == 0 && L->toks.len > 1) continue;
        if (n == max) return -1;
        uint32_t id = dy_lex_intern(L->d->lex, w, strlen(w));
        if (!id) { L->oom = 1; return 0; }
        ids[n++] = id;
    }
    return n;
}

static int valid_code(const char *c)
{
    size_t n = strlen(c);
    if (n < 3 || n > 15) return 0;
    for (size_t i = 0; i < n; i++)
        if (!(dy_isupper((unsigned char)c[i]) || dy_isdigit((unsigned char)c[i]) || c[i] == '-')) return 0;
    return 1;
}

static void actor_line(loader *L, char *s);
static void person_close(loader *L);

/* Reads every line of dir/name and calls fn on the trimmed, comment-free non-empty ones; notes
 * what the file added in d->files. */
static int each_line(loader *L, const char *dir, const char *name, int required,
                     void (*fn)(loader *, char *), dy_err *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (!required && errno == ENOENT) return 0;
        L->file = name;
        L->line = 0;
        dyd_problem(L, "cannot open %s: %s", path, strerror(errno));
        (void)err;
        return 0;
    }
    L->file = name;
    L->line = 0;
    dy_dict_file *st = dy_vec_push(&L->d->files);
    if (!st) { L->oom = 1; fclose(f); return 0; }
    snprintf(st->name, sizeof st->name, "%s", name);
    size_t a0 = L->d->actors.len, p0 = L->d->patterns.len, c0 = L->d->cameo.len, g0 = L->d->gram.len + L->d->words.len,
           b0 = L->d->globs.len, t0 = L->d->tiers.len, w0 = L->d->factwords.len + L->d->numbers.len, k0 = L->classes.len;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) >= 0) {
        L->line++;
        if (memchr(line, 0, (size_t)got)) { dyd_problem(L, "NUL byte in line"); continue; }
        strip_comment(line);
        char *s = dy_trim(line);
        if (*s) { fn(L, s); st->lines++; }
        if (L->oom) break;
    }
    if (fn == actor_line) person_close(L);
    free(line);
    fclose(f);
    st = &DY_VEC_AT(&L->d->files, dy_dict_file, L->d->files.len - 1);
    for (size_t i = a0; i < L->d->actors.len; i++) st->by_kind[DY_VEC_AT(&L->d->actors, dy_actor_entry, i).kind]++;
    st->patterns = (uint32_t)(L->d->patterns.len - p0);
    st->classes = (uint32_t)(L->classes.len - k0);
    st->codes = (uint32_t)(L->d->cameo.len - c0);
    st->other = (uint32_t)(L->d->gram.len + L->d->words.len - g0 + L->d->globs.len - b0 + L->d->tiers.len - t0 + L->d->factwords.len + L->d->numbers.len - w0);
    return 0;
}

/* ---- actor files ---- */
static int parse_range(const char *s, int32_t *from, int32_t *to)
{
    const char *dots = strstr(s, "..");
    if (!dots) return 0;
    *from = INT32_MIN;
    *to = INT32_MAX;
    dy_date d;
    size_t l = (size_t)(dots - s);
    if (l) { if (!dy_date_parse_iso(s, l, &d)) return 0; *from = (int32_t)dy_date_days(d); }
    const char *r = dots + 2;
    if (*r) { if (!dy_date_parse_iso(r, strlen(r), &d)) return 0; *to = (int32_t)dy_date_days(d); }
    return *from <= *to;
}

static int kind_of(const char *k)
{
    static const char *names[] = {"", "country", "adj", "capital", "metonym", "igo", "group", "person", "agent", "place", "city", "region"};
    for (int i = 1; i <= DY_AK_REGION; i++) if (strcmp(k, names[i]) == 0) return i;
    return 0;
}

static void add_actor_phrase_q(loader *L, const char *code, int kind, int32_t from, int32_t to, char *phrase, int weapon);
static void add_actor_phrase(loader *L, const char *code, int kind, int32_t from, int32_t to, char *phrase)
{
    add_actor_phrase_q(L, code, kind, from, to, phrase, 0);
}

/* weapon: 1 a weapon, 2 a count of people (agents.txt qualifiers) */
static void add_actor_phrase_q(loader *L, const char *code, int kind, int32_t from, int32_t to, char *phrase, int weapon)
{
    uint32_t ids[32];
    char *p = dy_trim(phrase);
    if (!*p) { dyd_problem(L, "empty phrase between '|'"); return; }
    int n = phrase_ids(L, p, ids, 32, 1);
    if (n < 0) { dyd_problem(L, "phrase '%s' is longer than 32 words", p); return; }
    if (n == 0) return;
    trie *t = &L->d->tries[DY_TRIE_ACTOR];
    int32_t node = trie_insert(t, ids, (size_t)n);
    if (node < 0) { L->oom = 1; return; }
    /* conflicts: the same phrase under another code with overlapping dates */
    for (int32_t e = t->payload[node]; e >= 0; e = DY_VEC_AT(&L->d->actors, dy_actor_entry, e).next) {
        const dy_actor_entry *o = &DY_VEC_AT(&L->d->actors, dy_actor_entry, e);
        int overlap = !(to < o->from || from > o->to);
        if (!overlap) continue;
        if (strcmp(o->code, code) == 0 && o->kind == kind) return;     /* a harmless repeat */
        dyd_problem(L, "phrase '%s' is already %s for an overlapping period; give the lines date ranges or drop one", p, o->code);
        return;
    }
    /* an abbreviation written in capitals ("US", "UN", "WHO") matches only in capitals, so the
     * pronoun "us" and the word "who" stay words */
    int caps = n == 1 && L->toks.len == 1 && (L->toks.v[0].flags & DY_TF_ALLCAP);
    dy_actor_entry *e = dy_vec_push(&L->d->actors);
    if (!e) { L->oom = 1; return; }
    snprintf(e->code, sizeof e->code, "%s", code);
    e->kind = (uint8_t)kind;
    e->caps = (uint8_t)caps;
    e->weapon = (uint8_t)(weapon == 1);
    e->crowd = (uint8_t)(weapon == 2);
    e->capmask = 0;
    /* a group's name of several words, every city or region (the gazetteer), and a people's
     * adjective: capitalised words must be so in the text ("an Islamic state", "a nice day",
     * "reading", "to polish" stay words) */
    if ((kind == DY_AK_GROUP && (n > 1 || L->cap_all)) || kind == DY_AK_CITY || kind == DY_AK_ADJ) {
        size_t skip = L->toks.len - (size_t)n;     /* a leading "the" that was dropped */
        for (int i = 0; i < n; i++)
            if (L->toks.v[skip + (size_t)i].flags & DY_TF_CAP) e->capmask |= 1u << i;
    }
    e->from = from;
    e->to = to;
    e->next = t->payload[node];
    if (e->next < 0) L->d->nactor_phrases++;
    t->payload[node] = (int32_t)(L->d->actors.len - 1);
}

/* ---- a person with several offices: one alias list, an office a line under it ----
 *     person = Burhanuddin Rabbani | Rabbani
 *       + AFGGOV 1992-06-28..1996-09-27
 *       + AFGGOV 2001-11-13..2001-12-22
 * Every phrase of the header takes every office. A header needs one office at least.
 * parties21: a political party is written the same way under "party = name | name", its
 * periods in government and opposition as its offices; its phrases are groups whose every
 * capitalised word must be capitalised in the text ("Likud", not "likud"). */
static const char *block_name(const loader *L) { return L->block_party ? "party" : "person"; }

static void person_close(loader *L)
{
    if (L->person.len && !L->person_offices) {
        size_t line = L->line;
        L->line = L->person_line;
        dyd_problem(L, "'%s =' has no office under it (add lines '+ CODE FROM..TO')", block_name(L));
        L->line = line;
    }
    L->person.len = 0;
    L->person_offices = 0;
}

static void person_header(loader *L, char *phrases, int party)
{
    person_close(L);
    L->block_party = party;
    phrases = dy_trim(phrases);
    if (!*phrases) { dyd_problem(L, party ? "'party =' needs the party's names after '='" : "'person =' needs the person's names after '='"); return; }
    if (dy_buf_adds(&L->person, phrases)) { L->oom = 1; return; }
    L->person_line = L->line;
}

static void person_office(loader *L, char *s)
{
    char *f[3];
    int nf = 0;
    for (char *tok = strtok(s + 1, " \t"); tok && nf < 3; tok = strtok(NULL, " \t")) f[nf++] = tok;
    if (!L->person.len) { dyd_problem(L, "'+ CODE FROM..TO' must follow a line 'person = name | name' or 'party = name | name'"); return; }
    if (nf < 1 || nf > 2) { dyd_problem(L, "expected '+ CODE [FROM..TO]' under '%s = ...'", block_name(L)); return; }
    if (!valid_code(f[0])) { dyd_problem(L, "bad actor code '%s' (three or more capital letters, e.g. RUSGOV)", f[0]); return; }
    int32_t from = INT32_MIN, to = INT32_MAX;
    if (nf == 2 && !parse_range(f[1], &from, &to)) { dyd_problem(L, "bad date range '%s' (YYYY-MM-DD..YYYY-MM-DD, either side may be empty)", f[1]); return; }
    L->person_offices++;
    char *copy = strdup(L->person.data);
    if (!copy) { L->oom = 1; return; }
    char *save = NULL;
    L->cap_all = L->block_party;
    for (char *ph = strtok_r(copy, "|", &save); ph; ph = strtok_r(NULL, "|", &save))
        add_actor_phrase(L, f[0], L->block_party ? DY_AK_GROUP : DY_AK_PERSON, from, to, ph);
    L->cap_all = 0;
    free(copy);
}

/* "person = ..." or "party = ...": 1 a person's header, 2 a party's, else 0 */
static int block_header(const char *s)
{
    size_t n = !strncmp(s, "person", 6) ? 6 : !strncmp(s, "party", 5) ? 5 : 0;
    if (!n || !(s[n] == '=' || ((s[n] == ' ' || s[n] == '\t') && *dy_trim((char *)s + n) == '='))) return 0;
    return n == 6 ? 1 : 2;
}

static void actor_line(loader *L, char *s)
{
    if (s[0] == '+') { person_office(L, s); return; }
    int block = block_header(s);
    if (block) {
        person_header(L, strchr(s, '=') + 1, block == 2);
        return;
    }
    person_close(L);
    char *eq = strchr(s, '=');
    if (!eq) { dyd_problem(L, "expected 'CODE KIND [FROM..TO] = phrase | phrase'"); return; }
    *eq = 0;
    char *f[4];
    int nf = 0;
    for (char *tok = strtok(s, " \t"); tok && nf < 4; tok = strtok(NULL, " \t")) f[nf++] = tok;
    if (nf < 2 || nf > 3) { dyd_problem(L, "expected 'CODE KIND [FROM..TO] =' before '='"); return; }
    if (!valid_code(f[0])) { dyd_problem(L, "bad actor code '%s' (three or more capital letters, e.g. RUS or RUSGOV)", f[0]); return; }
    int party = !strcmp(f[1], "party");
    int kind = party ? DY_AK_GROUP : kind_of(f[1]);
    if (!kind || kind == DY_AK_AGENT) { dyd_problem(L, "unknown kind '%s' (country, adj, capital, metonym, igo, group, party, person, place, city, region)", f[1]); return; }
    int32_t from = INT32_MIN, to = INT32_MAX;
    if (nf == 3) {
        if (kind != DY_AK_PERSON && kind != DY_AK_GROUP) { dyd_problem(L, "a date range is only for 'person', 'group' and 'party' lines"); return; }
        if (!parse_range(f[2], &from, &to)) { dyd_problem(L, "bad date range '%s' (YYYY-MM-DD..YYYY-MM-DD, either side may be empty)", f[2]); return; }
    }
    char *rest = eq + 1, *save = NULL;
    L->cap_all = party;
    for (char *ph = strtok_r(rest, "|", &save); ph; ph = strtok_r(NULL, "|", &save))
        add_actor_phrase(L, f[0], kind, from, to, ph);
    L->cap_all = 0;
}

/* ROLE [weapon|crowd] = phrase | phrase ...: "weapon" marks weapons ("MIL weapon = rockets | drones"),
 * which take no country from the story (the coder leaves them bare); "crowd" counts of people
 * ("CVL crowd = thousands"), a party only as a clause's subject (dom10). */
static void agent_line(loader *L, char *s)
{
    char *eq = strchr(s, '=');
    if (!eq) { dyd_problem(L, "expected 'ROLE [weapon] = phrase | phrase'"); return; }
    *eq = 0;
    char *role = dy_trim(s);
    int weapon = 0;
    char *q = role;
    while (*q && *q != ' ' && *q != '\t') q++;
    if (*q) {
        *q++ = 0;
        q = dy_trim(q);
        if (strcmp(q, "weapon") != 0 && strcmp(q, "crowd") != 0) { dyd_problem(L, "unknown qualifier '%s' after the role (weapon or crowd)", q); return; }
        weapon = strcmp(q, "crowd") == 0 ? 2 : 1;
    }
    size_t rl = strlen(role);
    if (rl != 3 || !valid_code(role)) { dyd_problem(L, "bad role '%s' (three capital letters such as GOV or MIL)", role); return; }
    char *save = NULL;
    for (char *ph = strtok_r(eq + 1, "|", &save); ph; ph = strtok_r(NULL, "|", &save))
        add_actor_phrase_q(L, role, DY_AK_AGENT, INT32_MIN, INT32_MAX, ph, weapon);
}

/* A phrase of at most 16 words (grammar.txt, facts.txt) into trie t: its node, or -1 when the
 * phrase is empty or too long (a problem is noted) or memory ran out (L->oom). first: its first
 * word's id. */
static int32_t short_phrase(loader *L, int t, const char *p, uint32_t *first)
{
    uint32_t ids[16];
    int n = phrase_ids(L, p, ids, 16, 0);
    if (n < 0) { dyd_problem(L, "phrase '%s' is too long", p); return -1; }
    if (n == 0) { dyd_problem(L, "empty phrase"); return -1; }
    int32_t node = trie_insert(&L->d->tries[t], ids, (size_t)n);
    if (node < 0) { L->oom = 1; return -1; }
    *first = ids[0];
    return node;
}


/* ---- grammar ---- */

/* Is s three capital letters, a country code? */
static int country_code3(const char *s)
{
    return strlen(s) == 3 && dy_isupper((unsigned char)s[0]) && dy_isupper((unsigned char)s[1]) && dy_isupper((unsigned char)s[2]);
}

/* "north PRK = PRK | KOR": the side a reference of class cls names, and the codes that make it
 * apply (see dy_side) */
static void side_line(loader *L, int cls, char *code, char *when)
{
    if (cls != DY_G_NORTH && cls != DY_G_SOUTH && cls != DY_G_REGIONAL) {
        dyd_problem(L, "only north, south and regional take a country: 'north PRK = PRK | KOR'");
        return;
    }
    if (!country_code3(code)) { dyd_problem(L, "bad country '%s' (three capital letters, as in 'north PRK = PRK | KOR')", code); return; }
    if (L->d->sides.len >= DY_MAX_SIDES) { dyd_problem(L, "too many north/south lines (at most %d)", DY_MAX_SIDES); return; }
    dy_side v = {0};
    v.cls = cls;
    memcpy(v.code, code, 4);
    char *save = NULL;
    for (char *w = strtok_r(when, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
        w = dy_trim(w);
        if (!country_code3(w)) { dyd_problem(L, "bad country '%s' after '=' (three capital letters)", w); return; }
        if (v.nwhen == 4) { dyd_problem(L, "at most 4 countries after '='"); return; }
        memcpy(v.when[v.nwhen++], w, 4);
        L->d->side_first |= 1u << (w[0] - 'A');        /* country_code3: 'A'..'Z' */
    }
    if (!v.nwhen) { dyd_problem(L, "expected the countries that make '%s' apply after '='", code); return; }
    dy_side *slot = dy_vec_push(&L->d->sides);
    if (!slot) { L->oom = 1; return; }
    *slot = v;
}

/* The next word of a list of single words ("word | word ..."; list on the first call, NULL after,
 * as strtok_r), interned: its id, 0 at the end of the list or out of memory (L->oom). A phrase of
 * several words is a problem ("'PHRASE': what") and passed over. */
static uint32_t list_word(loader *L, char *list, char **save, const char *what)
{
    for (char *ph; (ph = strtok_r(list, "|", save)); list = NULL) {
        char *w = dy_trim(ph);
        size_t n = strlen(w);
        if (!n || w[strcspn(w, " \t")]) { dyd_problem(L, "'%s': %s", w, what); continue; }
        uint32_t id = dy_lex_intern(L->d->lex, w, n);
        if (!id) L->oom = 1;
        return id;
    }
    return 0;
}

/* A one-word class (DY_G_COMPASS ...): its words, interned so that a token's id answers
 * dy_dict_word_is without a string compare (the list is asked about inside the matcher). */
static void word_list(loader *L, int c, char *list)
{
    char *save = NULL;
    for (uint32_t id; (id = list_word(L, list, &save, "the class takes single words")); list = NULL) {
        gram_word *g = dy_vec_push(&L->d->words);
        if (!g) { L->oom = 1; return; }
        g->word = id;
        g->cls = c;
    }
}

static void grammar_line(loader *L, char *s)
{
    static const char *names[] = {"", "negate", "hypothetical", "intent", "be", "say", "respond", "pledge", "decision", "meeting",
                                  "coup", "opener", "lasting", "span", "site", "remarks",
                                  /* eval20 */ "act_noun", "consequence", "retaliate", "unanswered",
                                  "pair", "person", "it", "they", "country", "speaker", "north", "south", "body", "group", "regional",
                                  /* acc15a */ "neighbour", /* parties21 */ "party",
                                  /* clean16 */ "compass", "of_place", "emissary", "aux", "place_noun", "terms", "demand", "claim",
                                  "quantity", "approx", "partitive", "span_prep", "rank",
                                  /* clean17 */ "prep", "loc", "noun_end", "det", "clause",
                                  /* gen15 */ "blame",
                                  /* found18 */ "subordinator", "habit", "report", "tell", "verb_det", "people_count", "describe",
                                  /* dates20 */ "schedule", "modal", "sequel",
                                  /* target20 */ "freed", "warned", "violent",
                                  /* acc20a */ "past", "blame_free",
                                  /* eval21 */ "foretell",
                                  /* target21 */ "frame", "duration",
                                  /* dates21 */ "dated_act", "told_before", /* offer22 */ "commit",
                                  /* evalcall22 */ "naming"};
    _Static_assert(sizeof names / sizeof *names == DY_G_COUNT, "a name for each grammar class");
    char *eq = strchr(s, '=');
    if (!eq) { dyd_problem(L, "expected 'CLASS = phrase | phrase'"); return; }
    *eq = 0;
    char *cls = dy_trim(s), *side = cls + strcspn(cls, " \t");
    if (*side) { *side++ = 0; side = dy_trim(side); }
    int c = 0;
    for (int i = 1; i < DY_G_COUNT; i++) if (strcmp(cls, names[i]) == 0) c = i;
    if (!c) {   /* name them all from the table, so the message never falls behind it */
        char all[1024];
        size_t n = 0;
        for (int i = 1; i < DY_G_COUNT && n < sizeof all; i++)
            n += (size_t)snprintf(all + n, sizeof all - n, "%s%s", i > 1 ? ", " : "", names[i]);
        dyd_problem(L, "unknown class '%s' (%s)", cls, all);
        return;
    }
    if (*side) { side_line(L, c, side, eq + 1); return; }
    if (c >= DY_G_COMPASS) { word_list(L, c, eq + 1); return; }
    char *save = NULL;
    for (char *ph = strtok_r(eq + 1, "|", &save); ph; ph = strtok_r(NULL, "|", &save)) {
        uint32_t first;
        int32_t node = short_phrase(L, DY_TRIE_GRAMMAR, dy_trim(ph), &first);
        if (L->oom) return;
        if (node < 0) continue;
        int *slot = dy_vec_push(&L->d->gram);
        if (!slot) { L->oom = 1; return; }
        *slot = c;
        L->d->tries[DY_TRIE_GRAMMAR].payload[node] = (int32_t)(L->d->gram.len - 1);
        if (c == DY_G_SAY || c == DY_G_BE) {
            gram_first *f = dy_vec_push(&L->d->gram_first);
            if (!f) { L->oom = 1; return; }
            f->cls = (uint32_t)c;
            f->word = first;
        }
    }
}

/* ---- relations: "RANK = canonical name | other name ..." ---- */
static void relation_line(loader *L, char *s)
{
    char *eq = strchr(s, '=');
    if (!eq) { dyd_problem(L, "expected 'RANK = canonical name | other name ...'"); return; }
    *eq = 0;
    char *r = dy_trim(s), *end = NULL;
    long rank = strtol(r, &end, 10);
    if (!*r || *end || rank < 1 || rank > 99) { dyd_problem(L, "bad rank '%s' (a whole number from 1, the loosest tie, to 99)", r); return; }
    char *save = NULL;
    int32_t tier = -1;
    for (char *ph = strtok_r(eq + 1, "|", &save); ph; ph = strtok_r(NULL, "|", &save)) {
        char *p = dy_trim(ph);
        if (!*p) { dyd_problem(L, "empty phrase between '|'"); continue; }
        if (tier < 0) {
            dy_tier *t = dy_vec_push(&L->d->tiers);
            if (!t || !(t->name = dy_arena_strndup(L->d->strings, p, strlen(p)))) { L->oom = 1; return; }
            t->rank = (int)rank;
            tier = (int32_t)(L->d->tiers.len - 1);
        }
        uint32_t ids[32];
        int n = phrase_ids(L, p, ids, 32, 0);
        if (n < 0) { dyd_problem(L, "phrase '%s' is longer than 32 words", p); continue; }
        if (n == 0) continue;
        int32_t node = trie_insert(&L->d->tries[DY_TRIE_REL], ids, (size_t)n);
        if (node < 0) { L->oom = 1; return; }
        if (L->d->tries[DY_TRIE_REL].payload[node] >= 0 && L->d->tries[DY_TRIE_REL].payload[node] != tier) {
            dyd_problem(L, "phrase '%s' already names the tier '%s'", p,
                    DY_VEC_AT(&L->d->tiers, dy_tier, L->d->tries[DY_TRIE_REL].payload[node]).name);
            continue;
        }
        L->d->tries[DY_TRIE_REL].payload[node] = tier;
    }
}

/* ---- facts words: "CLASS [CODE] = phrase | phrase ..." ---- */
static void facts_line(loader *L, char *s)
{
    static const char *const names[] = {"treaty", "treaty_named", "sign", "negate", "suppose", "target", "trade",
                                        "not_trade", "trade_mod", "flow", "share_verb", "sanction", "veto_object",
                                        "currency", "tier_word", "tier_head", "relation_noun", "mutual_assistance",
                                        "non_aggression", "military_cooperation", "trade_settlement", "proposed", "signed",
                                        "ratified", "in_force", "suspended", "ended", "stage_ref", "kind", "pair_noun", "name_stop", "found"};
    char *eq = strchr(s, '=');
    if (!eq) { dyd_problem(L, "expected 'CLASS = phrase | phrase'"); return; }
    *eq = 0;
    char *cls = dy_trim(s), *code = strchr(cls, ' ');
    if (code) { *code++ = 0; code = dy_trim(code); }
    uint32_t bit = 0;
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++) if (!strcmp(cls, names[i])) bit = 1u << i;
    if (!bit) { dyd_problem(L, "unknown class '%s' (treaty, sign, negate, suppose, target, trade, currency CODE, tier_word ...: see docs/dictionaries.md)", cls); return; }
    if (bit == DY_FW_KIND) {
        size_t n = code ? strlen(code) : 0;
        int ok = n > 0 && n < 16;
        for (size_t i = 0; i < n && ok; i++) ok = (code[i] >= 'a' && code[i] <= 'z') || code[i] == '_';
        if (!ok) { dyd_problem(L, "'kind' takes a name of lower-case letters ('kind defence = mutual defence | defence pact')"); return; }
    } else if ((bit == DY_FW_CURRENCY) != (code != NULL) ||
        (code && (strlen(code) != 3 || !dy_isupper((unsigned char)code[0]) || !dy_isupper((unsigned char)code[1]) || !dy_isupper((unsigned char)code[2])))) {
        dyd_problem(L, "'currency' takes an ISO 4217 code ('currency EUR = euro | euros'), and no other class a code");
        return;
    }
    char *save = NULL;
    for (char *ph = strtok_r(eq + 1, "|", &save); ph; ph = strtok_r(NULL, "|", &save)) {
        uint32_t first;
        char *p = dy_trim(ph);
        int32_t node = short_phrase(L, DY_TRIE_FACT, p, &first);
        if (L->oom) return;
        if (node < 0) continue;
        dy_factword *w;
        if (L->d->tries[DY_TRIE_FACT].payload[node] >= 0) w = &DY_VEC_AT(&L->d->factwords, dy_factword, L->d->tries[DY_TRIE_FACT].payload[node]);
        else {
            if (!(w = dy_vec_push(&L->d->factwords))) { L->oom = 1; return; }
            memset(w, 0, sizeof *w);
            L->d->tries[DY_TRIE_FACT].payload[node] = (int32_t)(L->d->factwords.len - 1);
        }
        if (bit == DY_FW_KIND) {
            if (w->kind[0] && strcmp(w->kind, code)) { dyd_problem(L, "phrase '%s' is already of the kind %s", p, w->kind); continue; }
            snprintf(w->kind, sizeof w->kind, "%s", code);
            w->classes |= bit;
            continue;
        }
        if (code && w->code[0] && strcmp(w->code, code)) { dyd_problem(L, "phrase '%s' is already the currency %s", p, w->code); continue; }
        w->classes |= bit;
        if (code) memcpy(w->code, code, 4);
    }
}

/* ---- numbers: "number 20 = twenty", "scale 1e9 = billion | bn" ---- */
static void number_line(loader *L, char *s)
{
    char *eq = strchr(s, '=');
    if (eq) *eq = 0;
    char *kind = dy_trim(s), *val = kind + strcspn(kind, " \t"), *e = NULL;
    if (*val) { *val++ = 0; val = dy_trim(val); }
    int k = !strcmp(kind, "number") ? DY_NUM_WORD : !strcmp(kind, "scale") ? DY_NUM_SCALE
          : !strcmp(kind, "fraction") ? DY_NUM_FRACTION : !strcmp(kind, "fractions") ? DY_NUM_FRACTIONS : -1;
    double v = *val ? strtod(val, &e) : -1;
    if (e && *e == '/' && e > val) {        /* a ratio: "100/3" */
        char *f = e + 1;
        double q = strtod(f, &e);
        v = e > f && q > 0 ? v / q : -1;
    }
    if (!eq || k < 0 || !e || *e || !(v >= 0)) {
        dyd_problem(L, "expected 'number VALUE = word | word', 'scale VALUE = ...', 'fraction PERCENT = ...' or 'fractions PERCENT = ...' (VALUE as 20, 1e9 or 100/3)");
        return;
    }
    char *save = NULL, *list = eq + 1;
    for (uint32_t id; (id = list_word(L, list, &save, "a number word is one word")); list = NULL) {
        num_word *x = dy_vec_push(&L->d->numbers);
        if (!x) { L->oom = 1; return; }
        *x = (num_word){id, k, v};
    }
}

double dy_dict_number(const dy_dict *d, int kind, const char *w, size_t n)
{
    uint32_t id = dy_lex_find(d->lex, w, n);
    for (size_t i = 0; id && i < d->numbers.len; i++) {
        const num_word *x = &DY_VEC_AT(&d->numbers, num_word, i);
        if (x->word == id && x->kind == kind) return x->value;
    }
    return -1;
}

/* ---- cameo ---- */
static void cameo_line(loader *L, char *s)
{
    char *code = strtok(s, "\t");
    char *w = strtok(NULL, "\t");
    char *name = strtok(NULL, "\t");
    if (!code || !w || !name) { dyd_problem(L, "expected 'CODE<TAB>GOLDSTEIN<TAB>NAME'"); return; }
    code = dy_trim(code);
    size_t n = strlen(code);
    int ok = n >= 2 && n <= 4;
    for (size_t i = 0; i < n; i++) ok = ok && dy_isdigit((unsigned char)code[i]);
    if (!ok) { dyd_problem(L, "bad CAMEO code '%s' (two to four digits)", code); return; }
    char *end;
    double g = strtod(dy_trim(w), &end);
    if (*end || g < -10 || g > 10) { dyd_problem(L, "bad Goldstein weight '%s' (a number from -10 to 10)", w); return; }
    if (dy_dict_cameo(L->d, code)) { dyd_problem(L, "code %s is listed twice", code); return; }
    dy_cameo *c = dy_vec_push(&L->d->cameo);
    if (!c) { L->oom = 1; return; }
    snprintf(c->code, sizeof c->code, "%s", code);
    c->goldstein = g;
    c->name = dy_arena_strndup(L->d->strings, dy_trim(name), strlen(dy_trim(name)));
    /* keep sorted by code (the file is nearly sorted: insertion sort is cheap) */
    dy_cameo *v = L->d->cameo.items;
    for (size_t i = L->d->cameo.len - 1; i > 0 && strcmp(v[i - 1].code, v[i].code) > 0; i--) {
        dy_cameo tmp = v[i]; v[i] = v[i - 1]; v[i - 1] = tmp;
    }
}

/* ---- boilerplate ---- */

/* The index in lit[0..m) of its rarest letter in English text (the first of the rarest). */
static size_t rarest_letter(const char *lit, size_t m)
{
    static const char rare_first[] = "zqjxkvbpgwyfmculdhrsnioate";
    size_t a = 0, best = sizeof rare_first;
    for (size_t k = 0; k < m; k++) {
        const char *r = strchr(rare_first, dy_tolower((unsigned char)lit[k]));
        size_t rank = r && lit[k] ? (size_t)(r - rare_first) : sizeof rare_first;
        if (rank < best) { best = rank; a = k; }
    }
    return a;
}

static void glob_line(loader *L, char *s)
{
    dy_glob *gb = dy_vec_push(&L->d->globs);
    if (!gb) { L->oom = 1; return; }
    gb->list = s[0] == '>';
    if (gb->list) for (s++; *s == ' ' || *s == '\t'; s++) {}
    size_t gl = strlen(s);
    gb->g = dy_arena_strndup(L->d->strings, s, gl);
    if (!gb->g) { L->oom = 1; return; }
    gb->len = gl;
    gb->first = (unsigned char)(*s == '*' ? '*' : dy_tolower((unsigned char)*s));
    gb->contains = *s == '*' && gl > 2 && s[gl - 1] == '*' && !memchr(s + 1, '*', gl - 2);
    gb->rare = gb->contains ? rarest_letter(s + 1, gl - 2) : 0;
}

/* The word classes the coder tests by word id (DY_WC_*): grammar.txt's function words and the
 * first words of phrases and patterns. */
static int index_word_classes(dy_dict *d)
{
    /* every word that can open a date expression (dy_dates.c), so the date finder can pass
     * over the other words of the lexicon by a token flag */
    for (const char *w = dy_dates_opening_words(); *w;) {
        size_t n = strcspn(w, " ");
        if (!dy_lex_mark(d->lex, w, n, DY_LEXF_DATE)) return -1;
        w += n + (w[n] == ' ');
    }
    d->nwclass = dy_lex_count(d->lex) + 1;
    d->wclass = calloc(d->nwclass, sizeof *d->wclass);
    if (!d->wclass) return -1;
    for (uint32_t w = 1; w < d->nwclass && w < d->nwords_indexed; w++)
        if (d->first_off[w + 1] > d->first_off[w]) d->wclass[w] |= DY_WC_START_PAT;
    for (size_t k = 0; k < d->gram_first.len; k++) {
        const gram_first *f = &DY_VEC_AT(&d->gram_first, gram_first, k);
        if (f->word < d->nwclass) d->wclass[f->word] |= f->cls == DY_G_SAY ? DY_WC_START_SAY : DY_WC_START_BE;
    }
    static const unsigned wc_of[DY_G_COUNT] = {[DY_G_PREP] = DY_WC_PREP, [DY_G_LOC] = DY_WC_LOC, [DY_G_NOUN_END] = DY_WC_NOUNEND,
                                              [DY_G_DET] = DY_WC_DET, [DY_G_CLAUSE] = DY_WC_CLAUSE};
    d->wlist = calloc(d->nwclass, sizeof *d->wlist);
    if (!d->wlist) return -1;
    for (size_t k = 0; k < d->words.len; k++) {
        const gram_word *g = &DY_VEC_AT(&d->words, gram_word, k);
        if (g->word >= d->nwclass) continue;
        d->wlist[g->word] |= (uint64_t)1 << (g->cls - DY_G_COMPASS);
        d->wclass[g->word] |= (uint16_t)wc_of[g->cls];
    }
    return 0;
}

unsigned dy_dict_wclass(const dy_dict *d, uint32_t word) { return word < d->nwclass ? d->wclass[word] : 0; }
const dy_tier *dy_dict_tier(const dy_dict *d, int32_t i) { return i >= 0 && (size_t)i < d->tiers.len ? &DY_VEC_AT(&d->tiers, dy_tier, i) : NULL; }
size_t dy_dict_ntiers(const dy_dict *d) { return d->tiers.len; }


static const char *const fixed_files[] = {"cameo.txt", "verbs.txt", "agents.txt", "grammar.txt", "boilerplate.txt", "relations.txt", "facts.txt",
                                          "numbers.txt"};

static int load_into(const char *dir, dy_dict *d, loader *L, dy_err *err)
{
    DIR *dh = opendir(dir);
    if (!dh) return dy_err_set(err, DY_EIO, "cannot open dictionary directory %s: %s", dir, strerror(errno)), -1;
    dy_vec names = DY_VEC_INIT(char *);
    struct dirent *de;
    while ((de = readdir(dh))) {
        size_t n = strlen(de->d_name);
        if (n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0 || de->d_name[0] == '.') continue;
        int fixed = 0;
        for (size_t i = 0; i < sizeof fixed_files / sizeof *fixed_files; i++)
            if (strcmp(de->d_name, fixed_files[i]) == 0) fixed = 1;
        if (fixed) continue;
        char **slot = dy_vec_push(&names);
        if (!slot || !(*slot = dy_arena_strndup(d->strings, de->d_name, n))) { L->oom = 1; break; }
    }
    closedir(dh);
    qsort(names.items, names.len, sizeof(char *), dy_cmp_strp);
    each_line(L, dir, "cameo.txt", 1, cameo_line, err);
    each_line(L, dir, "agents.txt", 1, agent_line, err);
    for (size_t i = 0; i < names.len && !L->oom; i++)
        each_line(L, dir, DY_VEC_AT(&names, char *, i), 1, actor_line, err);
    if (names.len == 0) { L->file = "countries.txt"; L->line = 0; dyd_problem(L, "no actor files in the directory (add countries.txt or another *.txt of actors)"); }
    each_line(L, dir, "grammar.txt", 1, grammar_line, err);
    each_line(L, dir, "verbs.txt", 1, dyd_pattern_line, err);
    each_line(L, dir, "boilerplate.txt", 0, glob_line, err);
    each_line(L, dir, "relations.txt", 0, relation_line, err);
    each_line(L, dir, "facts.txt", 0, facts_line, err);
    each_line(L, dir, "numbers.txt", 0, number_line, err);
    dy_vec_free(&names);
    if (L->oom || dyd_index_patterns(d) || index_word_classes(d)) return dy_err_set(err, DY_ENOMEM, "out of memory loading dictionaries"), -1;
    static const int start_bit[DY_TRIE_COUNT] = {[DY_TRIE_ACTOR] = DY_WC_START_ACTOR, [DY_TRIE_GRAMMAR] = DY_WC_START_GRAM,
                                                 [DY_TRIE_REL] = DY_WC_START_REL, [DY_TRIE_FACT] = DY_WC_START_FACT};
    for (int t = 0; t < DY_TRIE_COUNT; t++) {
        if (trie_index_root(&d->tries[t], d->nwclass)) return dy_err_set(err, DY_ENOMEM, "out of memory loading dictionaries"), -1;
        for (uint32_t w = 1; w < d->nwclass; w++)
            if (d->tries[t].root[w].child >= 0) d->wclass[w] |= (uint16_t)start_bit[t];
    }
    /* words that continue an actor phrase: most words of a text do not, and need no probe of the
     * edge table (a cache miss each, with tens of thousands of phrases) */
    const trie *at = &d->tries[DY_TRIE_ACTOR];
    for (size_t j = 0; j <= at->mask; j++) {
        uint64_t k = at->edges[j].key;
        uint32_t w = (uint32_t)k;
        if (k && (k >> 32) > 1 && w < d->nwclass) d->wclass[w] |= DY_WC_IN_ACTOR;
    }
    /* each token carries its word's classes from the lexicon (dy_tok.wc): no lookup a position */
    dy_lex_set_classes(d->lex, d->wclass, d->nwclass);
    return 0;
}

static dy_dict *dict_new(void)
{
    dy_dict *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->lex = dy_lex_create();
    d->strings = dy_arena_create(16 * 1024);
    d->actors = (dy_vec)DY_VEC_INIT(dy_actor_entry);
    d->gram = (dy_vec)DY_VEC_INIT(int);
    d->sides = (dy_vec)DY_VEC_INIT(dy_side);
    d->gram_first = (dy_vec)DY_VEC_INIT(gram_first);
    d->words = (dy_vec)DY_VEC_INIT(gram_word);
    d->numbers = (dy_vec)DY_VEC_INIT(num_word);
    d->patterns = (dy_vec)DY_VEC_INIT(dy_pattern);
    d->pels = (dy_vec)DY_VEC_INIT(dy_pel);
    d->wordsets = (dy_vec)DY_VEC_INIT(uint32_t);
    d->cameo = (dy_vec)DY_VEC_INIT(dy_cameo);
    d->globs = (dy_vec)DY_VEC_INIT(dy_glob);
    d->tiers = (dy_vec)DY_VEC_INIT(dy_tier);
    d->factwords = (dy_vec)DY_VEC_INIT(dy_factword);
    d->files = (dy_vec)DY_VEC_INIT(dy_dict_file);
    int bad = !d->lex || !d->strings;
    for (int t = 0; t < DY_TRIE_COUNT; t++) bad = bad || trie_init(&d->tries[t]);
    if (bad) { dy_dict_destroy(&d); return NULL; }
    return d;
}

static void loader_free(loader *L)
{
    dy_toks_free(&L->toks);
    dy_buf_free(&L->norm);
    dy_vec_free(&L->classes);
    dy_vec_free(&L->class_words);
    dy_buf_free(&L->person);
}

dy_status dy_dict_load(const char *dir, dy_dict **out, dy_err *err)
{
    *out = NULL;
    dy_dict *d = dict_new();
    if (!d) return dy_err_set(err, DY_ENOMEM, "out of memory loading dictionaries");
    dy_buf report = {0};
    loader L = {.d = d, .report = &report, .classes = DY_VEC_INIT(word_class), .class_words = DY_VEC_INIT(uint32_t)};
    if (load_into(dir, d, &L, err) < 0) { loader_free(&L); dy_buf_free(&report); dy_dict_destroy(&d); return err ? err->code : DY_EDICT; }
    loader_free(&L);
    if (L.problems) {
        char *nl = report.data ? strchr(report.data, '\n') : NULL;
        if (nl) *nl = 0;
        dy_err_set(err, DY_EDICT, "%s/%s%s", dir, report.data ? report.data : "?",
                   L.problems > 1 ? " (and more)" : "");
        if (err && L.problems > 1) {
            size_t l = strlen(err->msg);
            snprintf(err->msg + l, sizeof err->msg - l, "; %d problems in all", L.problems);
        }
        dy_buf_free(&report);
        dy_dict_destroy(&d);
        return DY_EDICT;
    }
    dy_buf_free(&report);
    *out = d;
    return DY_OK;
}

int dy_dict_check(const char *dir, dy_buf *report, dy_err *err)
{
    dy_dict *d = dict_new();
    if (!d) { dy_err_set(err, DY_ENOMEM, "out of memory"); return -1; }
    loader L = {.d = d, .report = report, .classes = DY_VEC_INIT(word_class), .class_words = DY_VEC_INIT(uint32_t)};
    int r = load_into(dir, d, &L, err) < 0 ? -1 : L.problems;
    loader_free(&L);
    dy_dict_destroy(&d);
    return r;
}

void dy_dict_destroy(dy_dict **dp)
{
    if (!dp || !*dp) return;
    dy_dict *d = *dp;
    dy_lex_destroy(&d->lex);
    for (int t = 0; t < DY_TRIE_COUNT; t++) trie_free(&d->tries[t]);
    dy_vec_free(&d->factwords);
    dy_vec_free(&d->tiers);
    dy_vec_free(&d->actors);
    dy_vec_free(&d->gram);
    dy_vec_free(&d->sides);
    dy_vec_free(&d->gram_first);
    dy_vec_free(&d->words);
    dy_vec_free(&d->numbers);
    dy_vec_free(&d->patterns);
    dy_vec_free(&d->pels);
    dy_vec_free(&d->wordsets);
    dy_vec_free(&d->cameo);
    dy_vec_free(&d->globs);
    dy_vec_free(&d->files);
    free(d->first_off);
    free(d->first_cnt);
    free(d->first_list);
    free(d->first_req);
    free(d->reqbit);
    free(d->wclass);
    free(d->wlist);
    dy_arena_destroy(&d->strings);
    free(d);
    *dp = NULL;
}

const dy_lex *dy_dict_lex(const dy_dict *d) { return d->lex; }
int32_t dy_dict_step(const dy_dict *d, int t, int32_t node, uint32_t word) { return trie_step(&d->tries[t], node, word); }
int32_t dy_dict_payload(const dy_dict *d, int t, int32_t node) { return d->tries[t].payload[node]; }
int32_t dy_dict_step_payload(const dy_dict *d, int t, int32_t node, uint32_t word, int32_t *payload)
{
    return trie_step_payload(&d->tries[t], node, word, payload);
}
int dy_dict_may_follow(const dy_dict *d, int t, uint32_t first, uint32_t second)
{
    const trie *tr = &d->tries[t];
    return !tr->root || first >= tr->nroot || (tr->root[first].next & next_bit(second)) != 0;
}
const dy_actor_entry *dy_dict_actor(const dy_dict *d, int32_t i)
{
    assert(i >= 0 && (size_t)i < d->actors.len);
    return &DY_VEC_AT(&d->actors, dy_actor_entry, i);
}
const dy_factword *dy_dict_factword(const dy_dict *d, int32_t p)
{
    return p >= 0 && (size_t)p < d->factwords.len ? &DY_VEC_AT(&d->factwords, dy_factword, p) : NULL;
}
const dy_side *dy_dict_sides(const dy_dict *d, size_t *n)
{
    *n = d->sides.len;
    return d->sides.items;
}
uint32_t dy_dict_side_first(const dy_dict *d) { return d->side_first; }

int dy_dict_gram_class(const dy_dict *d, int32_t p) { return p >= 0 ? DY_VEC_AT(&d->gram, int, p) : 0; }

int dy_dict_word_is(const dy_dict *d, int cls, uint32_t word)
{
    assert(cls >= DY_G_COMPASS && cls < DY_G_COUNT);
    return word && word < d->nwclass && (d->wlist[word] >> (cls - DY_G_COMPASS) & 1);
}

int dy_dict_word_in(const dy_dict *d, int cls, const char *w, size_t n) { return dy_dict_word_is(d, cls, dy_lex_find(d->lex, w, n)); }

const uint32_t *dy_dict_patterns_for(const dy_dict *d, uint32_t w, size_t *n)
{
    if (!w || w >= d->nwords_indexed) { *n = 0; return NULL; }
    *n = d->first_off[w + 1] - d->first_off[w];
    return d->first_list + d->first_off[w];
}

const dy_req *dy_dict_patterns_req(const dy_dict *d, uint32_t w)
{
    return w && w < d->nwords_indexed ? d->first_req + d->first_off[w] : NULL;
}

uint64_t dy_dict_reqbit(const dy_dict *d, uint32_t w)
{
    unsigned b = w < d->nwords_indexed ? d->reqbit[w] : 64;
    return (uint64_t)(b < 64) << (b & 63);
}

const dy_pattern *dy_dict_pattern(const dy_dict *d, uint32_t i)
{
    assert(i < d->patterns.len);
    return &DY_VEC_AT(&d->patterns, dy_pattern, i);
}
const dy_pel *dy_dict_pel(const dy_dict *d, uint32_t off) { return &DY_VEC_AT(&d->pels, dy_pel, off); }

const uint32_t *dy_dict_wordset(const dy_dict *d, uint32_t off) { return (const uint32_t *)d->wordsets.items + off; }

int dy_dict_pel_has(const dy_dict *d, const dy_pel *e, uint32_t w)
{
    /* the set is sorted; a search with no branch on the data (whether a word of a text is in
     * a pattern's set is hard to predict): the last element <= w, then one compare */
    const uint32_t *v = (const uint32_t *)d->wordsets.items + e->words;
    size_t len = e->nwords;
    if (!len) return 0;
    while (len > 1) {
        size_t half = len / 2;
        v = v[half] <= w ? v + half : v;
        len -= half;
    }
    return *v == w;
}

const dy_cameo *dy_dict_cameo(const dy_dict *d, const char *code)
{
    const dy_cameo *v = d->cameo.items;
    size_t lo = 0, hi = d->cameo.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(v[mid].code, code);
        if (c == 0) return &v[mid];
        if (c < 0) lo = mid + 1; else hi = mid;
    }
    return NULL;
}

/* Case-insensitive ASCII glob with '*' only. */
static int glob_match(const char *g, const char *s, size_t n)
{
    size_t si = 0, star_s = 0;
    const char *star_g = NULL;
    while (si < n) {
        if (*g == '*') { star_g = g++; star_s = si; continue; }
        if (*g && dy_tolower((unsigned char)*g) == dy_tolower((unsigned char)s[si])) { g++; si++; continue; }
        if (star_g) {
            /* after a '*': jump to where the next literal character occurs */
            g = star_g + 1;
            si = ++star_s;
            if (*g && *g != '*') {
                int c = dy_tolower((unsigned char)*g);
                if (c >= 'a' && c <= 'z')      /* eight bytes at a time: b | 0x20 is c for both cases */
                    for (; si + 8 <= n; si += 8)
                        if (dy_has_byte(dy_load64(s + si) | DY_ONES * 0x20, (unsigned char)c)) break;
                while (si < n && dy_tolower((unsigned char)s[si]) != c) si++;
                star_s = si;
            }
            continue;
        }
        return 0;
    }
    while (*g == '*') g++;
    return *g == 0;
}

/* Does s[0..n) contain lit[0..m) (ASCII case-insensitive, m >= 1)? It looks for the literal's
 * rarest letter lit[a] (rarest_letter) eight bytes at a time, then compares around it: "*all
 * rights reserved*" is tried on every short line, and 'v' is far rarer there than 'a'. */
static int contains_ci(const char *s, size_t n, const char *lit, size_t m, size_t a)
{
    if (m > n) return 0;
    unsigned char c = (unsigned char)dy_tolower((unsigned char)lit[a]);
    int letter = c >= 'a' && c <= 'z';
    for (size_t p = a; p + (m - a) <= n;) {
        if (letter)
            for (; p + 8 <= n; p += 8)
                if (dy_has_byte(dy_load64(s + p) | DY_ONES * 0x20, c)) break;
        if (p + (m - a) > n) break;
        if (dy_tolower((unsigned char)s[p]) == c && p >= a) {
            size_t k = 0;
            while (k < m && dy_tolower((unsigned char)s[p - a + k]) == dy_tolower((unsigned char)lit[k])) k++;
            if (k == m) return 1;
        }
        p++;
    }
    return 0;
}

int dy_dict_is_boilerplate(const dy_dict *d, const char *line, size_t n)
{
    int c0 = n > 0 ? dy_tolower((unsigned char)line[0]) : 0;
    const dy_glob *gv = d->globs.items;
    for (size_t i = 0; i < d->globs.len; i++) {
        const dy_glob *gb = &gv[i];
        if (gb->first != '*' && gb->first != c0) continue;
        if (gb->contains) {     /* "*text*" */
            if (contains_ci(line, n, gb->g + 1, gb->len - 2, gb->rare)) return gb->list ? 2 : 1;
            continue;
        }
        if (glob_match(gb->g, line, n)) return gb->list ? 2 : 1;
    }
    return 0;
}

void dy_dict_counts(const dy_dict *d, size_t *actors, size_t *patterns, size_t *codes)
{
    if (actors) *actors = d->nactor_phrases;
    if (patterns) *patterns = d->patterns.len;
    if (codes) *codes = d->cameo.len;
}

size_t dy_dict_nfiles(const dy_dict *d) { return d->files.len; }
const dy_dict_file *dy_dict_file_at(const dy_dict *d, size_t i) { return i < d->files.len ? &DY_VEC_AT(&d->files, dy_dict_file, i) : NULL; }
