/* dy_lex.c - open-addressing hash table of interned words.
 *
 * A slot holds the word's first eight bytes, so a lookup of a short word (most words) reads
 * one slot and no string: the tokeniser looks up every word of every text. Most words of a text
 * are in no dictionary; a 4 KB bit filter (one bit per hash value, set for each lexicon word)
 * turns most of them away before they touch the table, whose slots are far less often in the
 * first-level cache. Hashes are one multiplication of the word's first eight bytes (the rest of a
 * longer word folded in first), its top bits the slot, so the load starts early. */
#include "dy_lex.h"
#include "dy_util.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot {
    uint64_t key;       /* the word's first eight bytes, zero-padded (pack8) */
    uint32_t id;        /* 0 = empty */
    uint8_t len;        /* the word's length (capped at 255), so most misses never touch the string */
    uint8_t flags;      /* DY_LEXF_* */
    uint16_t wc;        /* the word's classes (dy_lex_set_classes), given out with its id */
} slot;

enum { FILTER_BITS = 15 };      /* 32768 bits: 4 KB */

struct dy_lex {
    slot *slots;
    size_t mask;
    unsigned shift;     /* 64 - log2(number of slots) */
    uint64_t filter[(1u << FILTER_BITS) / 64];
    char **words;       /* id -> string (index 0 unused) */
    uint32_t *lens;
    uint32_t count, cap;
};

dy_lex *dy_lex_create(void)
{
    dy_lex *l = calloc(1, sizeof *l);
    if (!l) return NULL;
    l->mask = 1023;
    l->shift = 64 - 10;
    l->slots = calloc(l->mask + 1, sizeof *l->slots);
    l->cap = 256;
    l->words = calloc(l->cap, sizeof *l->words);
    l->lens = calloc(l->cap, sizeof *l->lens);
    if (!l->slots || !l->words || !l->lens) { dy_lex_destroy(&l); return NULL; }
    return l;
}

void dy_lex_destroy(dy_lex **lp)
{
    if (!lp || !*lp) return;
    dy_lex *l = *lp;
    for (uint32_t i = 1; i <= l->count; i++) free(l->words[i]);
    free(l->words);
    free(l->lens);
    free(l->slots);
    free(l);
    *lp = NULL;
}


/* The first min(n, 8) bytes of s as one number, the rest zero. */
static inline uint64_t pack8(const char *s, size_t n)
{
    if (n >= 8) return dy_load64(s);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        return (uint64_t)a | (uint64_t)b << (8 * (n - 4));     /* the overlap holds the same bytes */
    }
    if (n == 0) return 0;
    return (uint64_t)u[0] | (uint64_t)u[n >> 1] << (8 * (n >> 1)) | (uint64_t)u[n - 1] << (8 * (n - 1));
#else
    uint64_t k = 0;
    for (size_t i = 0; i < n; i++) k |= (uint64_t)(unsigned char)s[i] << (8 * i);
    return k;
#endif
}

/* The word as one number to hash: its first eight bytes, with the rest (and the length) of a
 * longer word folded in. */
static inline uint64_t hkey(uint64_t key, const char *s, size_t n)
{
    return n > 8 ? key ^ dy_hash(s + 8, n - 8) : key;
}
static inline size_t bucket(const dy_lex *l, uint64_t hk) { return (size_t)((hk * 0x9e3779b97f4a7c15ULL) >> l->shift); }
static inline unsigned filter_bit(uint64_t hk) { return (unsigned)((hk * 0xbf58476d1ce4e5b9ULL) >> (64 - FILTER_BITS)); }

static int grow(dy_lex *l)
{
    size_t nmask = l->mask * 2 + 1;
    slot *ns = calloc(nmask + 1, sizeof *ns);
    if (!ns) return -1;
    l->shift--;
    for (size_t i = 0; i <= l->mask; i++) {
        if (!l->slots[i].id) continue;
        uint32_t id = l->slots[i].id;
        size_t j = bucket(l, hkey(l->slots[i].key, l->words[id], l->lens[id]));
        while (ns[j].id) j = (j + 1) & nmask;
        ns[j] = l->slots[i];
    }
    free(l->slots);
    l->slots = ns;
    l->mask = nmask;
    return 0;
}

/* The slot of the word whose key is given, or NULL. */
static inline const slot *find_key(const dy_lex *l, uint64_t key, const char *s, size_t n)
{
    uint64_t hk = hkey(key, s, n);
    unsigned fb = filter_bit(hk);
    if (!(l->filter[fb >> 6] >> (fb & 63) & 1)) return NULL;       /* most words of a text */
    uint8_t n8 = (uint8_t)(n > 255 ? 255 : n);
    size_t j = bucket(l, hk);
    while (l->slots[j].id) {
        const slot *sl = &l->slots[j];
        if (sl->key == key && sl->len == n8 &&
            (n <= 8 || (l->lens[sl->id] == n && memcmp(l->words[sl->id] + 8, s + 8, n - 8) == 0)))
            return sl;
        j = (j + 1) & l->mask;
    }
    return NULL;
}

static inline const slot *find_slot(const dy_lex *l, const char *s, size_t n) { return find_key(l, pack8(s, n), s, n); }

uint32_t dy_lex_find(const dy_lex *l, const char *s, size_t n)
{
    const slot *sl = find_slot(l, s, n);
    return sl ? sl->id : 0;
}

uint32_t dy_lex_find_padded(const dy_lex *l, const char *s, size_t n, unsigned *flags)
{
    /* pack8 without its branches on the length (which one a word takes is hard to predict):
     * eight bytes are readable, and those past the word are masked off */
    uint64_t key = dy_load64(s) & (n >= 8 ? ~0ULL : (1ULL << (8 * n)) - 1);
    const slot *sl = find_key(l, key, s, n);
    *flags = sl ? sl->flags | (unsigned)sl->wc << 16 : 0;
    return sl ? sl->id : 0;
}

uint32_t dy_lex_mark(dy_lex *l, const char *s, size_t n, unsigned flags)
{
    uint32_t id = dy_lex_intern(l, s, n);
    if (!id) return 0;
    slot *sl = (slot *)find_slot(l, s, n);
    sl->flags = (uint8_t)(sl->flags | flags);
    return id;
}

void dy_lex_set_classes(dy_lex *l, const uint16_t *wc, uint32_t n)
{
    for (size_t j = 0; j <= l->mask; j++)
        if (l->slots[j].id) l->slots[j].wc = l->slots[j].id < n ? wc[l->slots[j].id] : 0;
}

uint32_t dy_lex_intern(dy_lex *l, const char *s, size_t n)
{
    assert(l && (s || !n));
    uint32_t id = dy_lex_find(l, s, n);
    if (id) return id;
    if ((l->count + 1) * 2 > l->mask && grow(l)) return 0;
    if (l->count + 1 >= l->cap) {
        uint32_t ncap = l->cap * 2;
        char **nw = realloc(l->words, ncap * sizeof *nw);
        if (!nw) return 0;
        l->words = nw;
        uint32_t *nl = realloc(l->lens, ncap * sizeof *nl);
        if (!nl) return 0;
        l->lens = nl;
        l->cap = ncap;
    }
    char *copy = malloc(n + 1);
    if (!copy) return 0;
    memcpy(copy, s, n);
    copy[n] = 0;
    id = ++l->count;
    l->words[id] = copy;
    l->lens[id] = (uint32_t)n;
    uint64_t key = pack8(s, n), hk = hkey(key, s, n);
    unsigned fb = filter_bit(hk);
    l->filter[fb >> 6] |= 1ULL << (fb & 63);
    size_t j = bucket(l, hk);
    while (l->slots[j].id) j = (j + 1) & l->mask;
    l->slots[j].key = key;
    l->slots[j].id = id;
    l->slots[j].len = (uint8_t)(n > 255 ? 255 : n);
    l->slots[j].flags = 0;
    l->slots[j].wc = 0;
    return id;
}

const char *dy_lex_word(const dy_lex *l, uint32_t id)
{
    return (id && id <= l->count) ? l->words[id] : "";
}

uint32_t dy_lex_count(const dy_lex *l) { return l->count; }
