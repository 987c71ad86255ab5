/* dy_util.h - errors, arenas, growable buffers and hashing shared by every stage.
 *
 * Invariants and ownership:
 *  - Library functions never print and never exit. They return a dy_status and, when given a
 *    dy_err, fill its message ("file:line: problem") for the caller to show.
 *  - A dy_arena owns every block allocated from it; dy_arena_reset() frees them all at once
 *    (one call per document), dy_arena_destroy() frees the arena itself. Pointers into an arena
 *    are valid until the next reset.
 *  - A dy_buf owns its bytes; dy_buf_free() releases them. Its data is NUL-terminated when len>0.
 *  - Allocation failure is reported as DY_ENOMEM, never ignored.
 */
#ifndef DY_UTIL_H
#define DY_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <string.h>

typedef enum {
    DY_OK = 0,
    DY_ENOMEM,  /* out of memory */
    DY_EIO,     /* a file could not be read or written */
    DY_EINPUT,  /* bad input document (encoding, size, syntax) */
    DY_EDICT,   /* bad dictionary */
    DY_EUSAGE   /* bad argument to a library call */
} dy_status;

typedef struct dy_err {
    dy_status code;
    char msg[512];
} dy_err;

/* Sets err (when not NULL) and returns code. */
dy_status dy_err_set(dy_err *err, dy_status code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* ---- arena ---- */
typedef struct dy_arena dy_arena;
dy_arena *dy_arena_create(size_t block_size);
void dy_arena_destroy(dy_arena **a);
void *dy_arena_alloc(dy_arena *a, size_t n);        /* 16-byte aligned; NULL on OOM */
void *dy_arena_calloc(dy_arena *a, size_t n);
char *dy_arena_strndup(dy_arena *a, const char *s, size_t n);
void dy_arena_reset(dy_arena *a);                   /* frees all but the first block */
size_t dy_arena_used(const dy_arena *a);

/* ---- eight bytes at a time (SWAR): scanners skip runs of ordinary bytes with these ---- */
#define DY_ONES 0x0101010101010101ULL
#define DY_HIGHS 0x8080808080808080ULL
static inline uint64_t dy_load64(const void *p) { uint64_t w; memcpy(&w, p, 8); return w; }
/* Non-zero when some byte of w is c (may also flag bytes after the first match). */
static inline uint64_t dy_has_byte(uint64_t w, unsigned char c)
{
    uint64_t x = w ^ (DY_ONES * c);
    return (x - DY_ONES) & ~x & DY_HIGHS;
}
/* Non-zero when some byte of w is below c (c <= 128; bytes >= 0x80 never count). */
static inline uint64_t dy_has_less(uint64_t w, unsigned char c) { return (w - DY_ONES * c) & ~w & DY_HIGHS; }
/* The high bit of each byte of w that is c, exactly. */
static inline uint64_t dy_byte_mask(uint64_t w, unsigned char c)
{
    uint64_t x = w ^ (DY_ONES * c);
    uint64_t nz = ((x & ~DY_HIGHS) + ~DY_HIGHS) | x;    /* high bit set in each non-zero byte */
    return ~nz & DY_HIGHS;
}
/* DY_SWAR_LE: words load little-endian, so the lowest set bit of a mask is the first byte in
 * memory; a scanner that needs the position of a byte takes its SWAR path only then. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DY_SWAR_LE 1
static inline int dy_ctz64(uint64_t w) { return __builtin_ctzll(w); }     /* w != 0 */
#else
#define DY_SWAR_LE 0
#endif
/* Exactly how many bytes of w are c. */
static inline int dy_count_byte(uint64_t w, unsigned char c)
{
    return (int)(((dy_byte_mask(w, c) >> 7) * DY_ONES) >> 56);    /* sums the 0/1 bytes */
}

/* Sixteen bytes at a time where SSE2 is there (every x86-64): DY_SSE2, and the bit (one a byte,
 * as _mm_movemask_epi8 gives them) of each byte of w that a JSON string must escape: below 0x20,
 * '"' or '\\'. */
#if defined(__SSE2__)
#include <emmintrin.h>
#define DY_SSE2 1
static inline __m128i dy_sse_load(const void *p) { return _mm_loadu_si128((const __m128i *)p); }
static inline __m128i dy_sse_json_special(__m128i w)
{
    __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(w, _mm_set1_epi8(0x1f)), w);
    return _mm_or_si128(ctl, _mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('"')), _mm_cmpeq_epi8(w, _mm_set1_epi8('\\'))));
}
#else
#define DY_SSE2 0
#endif

/* A 64-bit hash of n bytes (not cryptographic; for the lexicon). */
static inline uint64_t dy_hash(const void *p, size_t n)
{
    /* eight bytes a step; the last 1..8 bytes with two overlapping loads (words are short, so
     * most take no loop at all) */
    const unsigned char *s = p;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)n * 0xff51afd7ed558ccdULL);
    for (; n > 8; s += 8, n -= 8) {
        h = (h ^ dy_load64(s)) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 31;
    }
    uint64_t w = 0;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        w = (uint64_t)a << 32 | b;
    } else if (n > 0) w = (uint64_t)s[0] << 16 | (uint64_t)s[n >> 1] << 8 | s[n - 1];
    h = (h ^ w) * 0x94d049bb133111ebULL;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 32;
    return h;
}

/* ---- growable buffer ---- */
typedef struct dy_buf {
    char *data;
    size_t len, cap;
} dy_buf;
int dy_buf_grow(dy_buf *b, size_t extra);           /* the slow path of reserve: 0 ok, -1 OOM */
/* Room for extra more bytes and the NUL: 0 ok, -1 OOM. The check is inline; growing is not. */
static inline int dy_buf_reserve(dy_buf *b, size_t extra)
{
    return b->len + extra + 1 <= b->cap ? 0 : dy_buf_grow(b, extra);
}
static inline int dy_buf_add(dy_buf *b, const void *p, size_t n)
{
    if (dy_buf_reserve(b, n)) return -1;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}
static inline int dy_buf_addc(dy_buf *b, char c)
{
    if (dy_buf_reserve(b, 1)) return -1;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
    return 0;
}
static inline int dy_buf_adds(dy_buf *b, const char *s) { return dy_buf_add(b, s, strlen(s)); }
int dy_buf_printf(dy_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void dy_buf_free(dy_buf *b);

/* ---- numbers as text, by hand: printf was a tenth of a writer's run time ---- */
#define DY_NUM_TEXT 24      /* room for any long long's digits, a sign and the NUL */
/* v in decimal at out, zero-padded to at least width digits (width <= 20), then a NUL; returns
 * the NUL's address. out has room for the digits and the NUL (DY_NUM_TEXT always does). */
char *dy_utoa(char *out, unsigned long long v, int width);
/* The same for a signed v: a '-' first when it is negative. */
char *dy_itoa(char *out, long long v, int width);

/* ---- growing arrays (git's ALLOC_GROW) ---- */
/* DY_GROW(p, need, cap): room for need items in the array p whose capacity is cap, both updated
 * in place. 0, or -1 when out of memory or when the size would overflow; p and cap are unchanged
 * then, so the caller still owns (and frees) the old array. Capacity grows by half again, so
 * pushing n items one at a time costs O(n). p may be NULL with cap 0. */
int dy_grow_(void *pp, size_t need, size_t *cap, size_t size);
#define DY_GROW(p, need, cap) ((size_t)(need) <= (cap) ? 0 : dy_grow_(&(p), (need), &(cap), sizeof *(p)))

/* ---- growable vector of fixed-size items (used by loaders, never on the hot path) ---- */
typedef struct dy_vec {
    void *items;
    size_t len, cap, size;
} dy_vec;
void *dy_vec_push(dy_vec *v);                       /* returns zeroed slot or NULL */
void dy_vec_free(dy_vec *v);
#define DY_VEC_INIT(T) { NULL, 0, 0, sizeof(T) }
#define DY_VEC_AT(v, T, i) (((T *)(v)->items)[i])

/* Are the n bytes at p the string literal lit? The length is compared first, so most calls on
 * the hot path cost one compare. */
#define DY_EQ_LIT(p, n, lit) ((n) == sizeof("" lit) - 1 && memcmp(p, lit, sizeof(lit) - 1) == 0)

/* ASCII helpers that ignore the C locale. */
static inline int dy_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int dy_isalpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static inline int dy_isupper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int dy_isspace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static inline int dy_tolower(int c) { return dy_isupper(c) ? c + 32 : c; }
int dy_strncaseeq(const char *a, const char *b, size_t n);   /* ASCII case-insensitive */
/* ---- JSON and TSV text (the writers of dy_out, the facts' reconciliation, the API) ---- */
/* s[0..n) with runs of white space folded to one space: JSON-escaped, or (json 0) for TSV/CSV
 * with control bytes as spaces. 0, or -1 OOM. */
int dy_text_folded(dy_buf *b, const char *s, size_t n, int json);
int dy_json_string(dy_buf *b, const char *s, size_t n);   /* with the quotes; white space folded */
int dy_json_exact(dy_buf *b, const char *s, size_t n);    /* with the quotes; every byte kept */
/* s without its leading and trailing ASCII white space: cuts s in place, returns inside it */
char *dy_trim(char *s);
/* qsort's comparison for an array of char *: by strcmp of the strings pointed at */
int dy_cmp_strp(const void *a, const void *b);

#endif
