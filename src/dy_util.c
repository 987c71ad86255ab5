/* dy_util.c - errors, arenas, buffers, hashing. */
#include "dy_util.h"

#include <assert.h>
#include <stdint.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dy_status dy_err_set(dy_err *err, dy_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

/* ---- arena ---- */
typedef struct dy_block {
    struct dy_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} dy_block;

struct dy_arena {
    dy_block *head;     /* current block */
    dy_block *first;    /* kept across resets */
    size_t block_size;
    size_t total;
};

static dy_block *block_new(size_t size)
{
    dy_block *b = malloc(sizeof *b + size);
    if (!b) return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

dy_arena *dy_arena_create(size_t block_size)
{
    dy_arena *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->first = a->head = block_new(a->block_size);
    if (!a->first) { free(a); return NULL; }
    return a;
}

void dy_arena_destroy(dy_arena **ap)
{
    if (!ap || !*ap) return;
    dy_block *b = (*ap)->head;
    while (b) { dy_block *n = b->next; free(b); b = n; }
    free(*ap);
    *ap = NULL;
}

void *dy_arena_alloc(dy_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    dy_block *b = a->head;
    if (b->size - b->used < n) {
        size_t sz = n > a->block_size ? n : a->block_size;
        dy_block *nb = block_new(sz);
        if (!nb) return NULL;
        nb->next = a->head;     /* blocks form a stack; first is at the bottom */
        a->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->total += n;
    return p;
}

void *dy_arena_calloc(dy_arena *a, size_t n)
{
    void *p = dy_arena_alloc(a, n);
    if (p) memset(p, 0, n);
    return p;
}

char *dy_arena_strndup(dy_arena *a, const char *s, size_t n)
{
    char *p = dy_arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void dy_arena_reset(dy_arena *a)
{
    dy_block *b = a->head;
    while (b != a->first) { dy_block *n = b->next; free(b); b = n; }
    a->head = a->first;
    a->first->used = 0;
    a->total = 0;
}

size_t dy_arena_used(const dy_arena *a) { return a->total; }

/* ---- buffer ---- */
int dy_buf_grow(dy_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) return -1;
    b->data = d;
    b->cap = cap;
    return 0;
}

int dy_buf_printf(dy_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || dy_buf_reserve(b, (size_t)n)) return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void dy_buf_free(dy_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ---- numbers as text ---- */
char *dy_utoa(char *out, unsigned long long v, int width)
{
    char d[DY_NUM_TEXT];
    int n = 0;
    do d[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
    while (n < width && n < 20) d[n++] = '0';
    while (n) *out++ = d[--n];
    *out = 0;
    return out;
}

char *dy_itoa(char *out, long long v, int width)
{
    if (v < 0) *out++ = '-';
    return dy_utoa(out, v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v, width);
}

/* ---- vector ---- */
int dy_grow_(void *pp, size_t need, size_t *cap, size_t size)
{
    assert(pp && cap && size);
    if (need <= *cap) return 0;
    size_t n = *cap < 8 ? 16 : *cap + *cap / 2;
    if (n < need || n < *cap) n = need;
    if (n > SIZE_MAX / size) return -1;
    void *old;
    memcpy(&old, pp, sizeof old);       /* the caller's T *, through its object representation */
    void *p = realloc(old, n * size);
    if (!p) return -1;
    memcpy(pp, &p, sizeof p);
    *cap = n;
    return 0;
}

void *dy_vec_push(dy_vec *v)
{
    assert(v->size > 0);     /* made with DY_VEC_INIT */
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *n = realloc(v->items, cap * v->size);
        if (!n) return NULL;
        v->items = n;
        v->cap = cap;
    }
    void *slot = (char *)v->items + v->len * v->size;
    memset(slot, 0, v->size);
    v->len++;
    return slot;
}

void dy_vec_free(dy_vec *v)
{
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

/* ---- hashing: FNV-1a, 64 bit, with a final mix ---- */

int dy_strncaseeq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (dy_tolower((unsigned char)a[i]) != dy_tolower((unsigned char)b[i])) return 0;
    return 1;
}

char *dy_trim(char *s)
{
    while (dy_isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && dy_isspace((unsigned char)s[n - 1])) s[--n] = 0;
    return s;
}

int dy_cmp_strp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* ---- JSON and TSV text ---- */

/* Appends s[0..n) with runs of white space folded to one space; JSON-escaped, or for TSV with
 * control characters as spaces. One reservation for the worst case, then plain stores. */
int dy_text_folded(dy_buf *b, const char *s, size_t n, int json)
{
    static const char hex[] = "0123456789abcdef";
    if (dy_buf_reserve(b, n * 6 + 1)) return -1;
    char *o = b->data + b->len;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        /* eight ordinary bytes at a time: no control byte, '"', '\\' or DEL, and spaces only
         * single: a space that ends the eight is let through when no white space (or the end)
         * follows it (a run of spaces, and the last one, are folded below) */
        if (!space) {
#if DY_SSE2
            /* the same test on sixteen bytes a step: the sentence text of each event, the
             * longest part of the output */
            for (; i + 16 <= n; i += 16, o += 16) {
                __m128i w = dy_sse_load(s + i);
                __m128i bad = _mm_or_si128(dy_sse_json_special(w), _mm_cmpeq_epi8(w, _mm_set1_epi8(0x7f)));
                unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, _mm_set1_epi8(' ')));
                if (_mm_movemask_epi8(bad) || (sp & (sp >> 1)) ||
                    ((sp & 0x8000) && (i + 16 >= n || (unsigned char)s[i + 16] <= ' ')))
                    break;
                _mm_storeu_si128((__m128i *)(void *)o, w);
            }
#endif
            for (; i + 8 <= n; i += 8, o += 8) {
                uint64_t w = dy_load64(s + i), sp = dy_byte_mask(w, ' ');
                if (dy_has_less(w, 0x20) || dy_has_byte(w, '"') || dy_has_byte(w, '\\') || dy_has_byte(w, 0x7f) ||
                    (sp & (sp >> 8)) || (s[i + 7] == ' ' && (i + 8 >= n || (unsigned char)s[i + 8] <= ' ')))
                    break;
                memcpy(o, &w, 8);
            }
        }
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') { space = 1; continue; }
        if (space) { *o++ = ' '; space = 0; }
        if (c >= 0x20 && c != 0x7f && c != '"' && c != '\\') { *o++ = (char)c; continue; }
        if (!json) { *o++ = c < 0x20 || c == 0x7f ? ' ' : (char)c; continue; }
        *o++ = '\\';
        if (c == '"' || c == '\\') { *o++ = (char)c; continue; }
        *o++ = 'u'; *o++ = '0'; *o++ = '0'; *o++ = hex[c >> 4]; *o++ = hex[c & 15];
    }
    b->len = (size_t)(o - b->data);
    b->data[b->len] = 0;
    return 0;
}

int dy_json_exact(dy_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (dy_buf_reserve(b, n * 6 + 3)) return -1;
    char *o = b->data + b->len;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != 0x7f && c != '"' && c != '\\') { *o++ = (char)c; continue; }
        *o++ = '\\';
        switch (c) {
        case '"': case '\\': *o++ = (char)c; break;
        case '\n': *o++ = 'n'; break;
        case '\t': *o++ = 't'; break;
        case '\r': *o++ = 'r'; break;
        default: *o++ = 'u'; *o++ = '0'; *o++ = '0'; *o++ = hex[c >> 4]; *o++ = hex[c & 15];
        }
    }
    *o++ = '"';
    b->len = (size_t)(o - b->data);
    b->data[b->len] = 0;
    return 0;
}

int dy_json_string(dy_buf *b, const char *s, size_t n)
{
    return dy_buf_addc(b, '"') || dy_text_folded(b, s, n, 1) || dy_buf_addc(b, '"') ? -1 : 0;
}
