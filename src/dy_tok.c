/* dy_tok.c - tokeniser. ASCII takes a fast path; other code points go through utf8proc. */
#include "dy_tok.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ASCII letters and digits by kind: 1 digit, 2 lower case, 3 upper case (0: neither) */
static const unsigned char ascii_kind[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2, ['e'] = 2, ['f'] = 2, ['g'] = 2, ['h'] = 2, ['i'] = 2, ['j'] = 2,
    ['k'] = 2, ['l'] = 2, ['m'] = 2, ['n'] = 2, ['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2, ['s'] = 2, ['t'] = 2,
    ['u'] = 2, ['v'] = 2, ['w'] = 2, ['x'] = 2, ['y'] = 2, ['z'] = 2,
    ['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3, ['G'] = 3, ['H'] = 3, ['I'] = 3, ['J'] = 3,
    ['K'] = 3, ['L'] = 3, ['M'] = 3, ['N'] = 3, ['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3, ['S'] = 3, ['T'] = 3,
    ['U'] = 3, ['V'] = 3, ['W'] = 3, ['X'] = 3, ['Y'] = 3, ['Z'] = 3};

/* ASCII letters and digits folded to lower case; 0 for every other byte (the fast word loop) */
#define F3(a) [a] = a, [a + 1] = a + 1, [a + 2] = a + 2
#define UP3(a) [a] = a + 32, [a + 1] = a + 33, [a + 2] = a + 34
static const unsigned char ascii_fold[256] = {
    F3('0'), F3('3'), F3('6'), ['9'] = '9',
    F3('a'), F3('d'), F3('g'), F3('j'), F3('m'), F3('p'), F3('s'), F3('v'), ['y'] = 'y', ['z'] = 'z',
    UP3('A'), UP3('D'), UP3('G'), UP3('J'), UP3('M'), UP3('P'), UP3('S'), UP3('V'), ['Y'] = 'y', ['Z'] = 'z'};
#undef F3
#undef UP3

/* The token flags a word's first ASCII byte gives it: a capital, a digit */
#define CAP3(a) [a] = DY_TF_CAP, [a + 1] = DY_TF_CAP, [a + 2] = DY_TF_CAP
static const uint16_t first_flags[256] = {
    ['0'] = DY_TF_NUM, ['1'] = DY_TF_NUM, ['2'] = DY_TF_NUM, ['3'] = DY_TF_NUM, ['4'] = DY_TF_NUM,
    ['5'] = DY_TF_NUM, ['6'] = DY_TF_NUM, ['7'] = DY_TF_NUM, ['8'] = DY_TF_NUM, ['9'] = DY_TF_NUM,
    CAP3('A'), CAP3('D'), CAP3('G'), CAP3('J'), CAP3('M'), CAP3('P'), CAP3('S'), CAP3('V'), ['Y'] = DY_TF_CAP, ['Z'] = DY_TF_CAP};
#undef CAP3

enum { C_OTHER, C_SPACE, C_WORD, C_APOS, C_QUOTE, C_HYPHEN, C_DASH, C_PERIOD, C_END, C_COMMA, C_CLAUSE, C_OPEN, C_CLOSE };

/* the class of each ASCII byte (C_OTHER where not listed) */
#define W_ C_WORD
static const unsigned char ascii_cls[128] = {
    ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE, [' '] = C_SPACE,
    ['0'] = W_, ['1'] = W_, ['2'] = W_, ['3'] = W_, ['4'] = W_, ['5'] = W_, ['6'] = W_, ['7'] = W_, ['8'] = W_, ['9'] = W_,
    ['a'] = W_, ['b'] = W_, ['c'] = W_, ['d'] = W_, ['e'] = W_, ['f'] = W_, ['g'] = W_, ['h'] = W_, ['i'] = W_, ['j'] = W_,
    ['k'] = W_, ['l'] = W_, ['m'] = W_, ['n'] = W_, ['o'] = W_, ['p'] = W_, ['q'] = W_, ['r'] = W_, ['s'] = W_, ['t'] = W_,
    ['u'] = W_, ['v'] = W_, ['w'] = W_, ['x'] = W_, ['y'] = W_, ['z'] = W_,
    ['A'] = W_, ['B'] = W_, ['C'] = W_, ['D'] = W_, ['E'] = W_, ['F'] = W_, ['G'] = W_, ['H'] = W_, ['I'] = W_, ['J'] = W_,
    ['K'] = W_, ['L'] = W_, ['M'] = W_, ['N'] = W_, ['O'] = W_, ['P'] = W_, ['Q'] = W_, ['R'] = W_, ['S'] = W_, ['T'] = W_,
    ['U'] = W_, ['V'] = W_, ['W'] = W_, ['X'] = W_, ['Y'] = W_, ['Z'] = W_,
    ['\''] = C_APOS, ['"'] = C_QUOTE, ['`'] = C_QUOTE, ['-'] = C_HYPHEN, ['.'] = C_PERIOD, ['!'] = C_END, ['?'] = C_END,
    [','] = C_COMMA, [';'] = C_CLAUSE, [':'] = C_CLAUSE, ['('] = C_OPEN, ['['] = C_OPEN, ['{'] = C_OPEN,
    [')'] = C_CLOSE, [']'] = C_CLOSE, ['}'] = C_CLOSE};
#undef W_

typedef struct cpinfo {
    int32_t cp;
    int len;        /* bytes */
    int cls;
    int upper;
} cpinfo;

static void classify(const unsigned char *s, size_t n, cpinfo *ci)
{
    unsigned c = s[0];
    if (c < 0x80) {
        ci->cp = (int32_t)c;
        ci->len = 1;
        ci->upper = c - 'A' < 26u;
        ci->cls = ascii_cls[c];
        return;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate(s, (utf8proc_ssize_t)n, &cp);
    if (l <= 0) { ci->cp = 0xFFFD; ci->len = 1; ci->cls = C_OTHER; ci->upper = 0; return; }
    ci->cp = cp;
    ci->len = (int)l;
    ci->upper = 0;
    switch (cp) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x2032: ci->cls = C_APOS; return;
    case 0x201C: case 0x201D: case 0x00AB: case 0x00BB: case 0x201E: case 0x300C: case 0x300D: ci->cls = C_QUOTE; return;
    case 0x2010: case 0x2011: ci->cls = C_HYPHEN; return;
    case 0x2013: case 0x2014: case 0x2015: ci->cls = C_DASH; return;
    case 0x2026: case 0x3002: case 0xFF01: case 0xFF1F: ci->cls = C_END; return;
    case 0xFF0C: case 0x3001: ci->cls = C_COMMA; return;
    default: break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
        ci->upper = 1; /* fall through */
    case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        ci->cls = C_WORD; return;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CC:
        ci->cls = C_SPACE; return;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: ci->cls = C_QUOTE; return;
    case UTF8PROC_CATEGORY_PD: ci->cls = C_DASH; return;
    case UTF8PROC_CATEGORY_PS: ci->cls = C_OPEN; return;
    case UTF8PROC_CATEGORY_PE: ci->cls = C_CLOSE; return;
    default: ci->cls = C_OTHER; return;
    }
}

/* Appends the normalised form of one word code point. */
static int norm_cp(dy_buf *nb, const cpinfo *ci)
{
    if (ci->cp < 0x80) return dy_buf_addc(nb, (char)dy_tolower(ci->cp));
    utf8proc_int32_t out[8];
    int last = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(ci->cp, out, 8,
        (utf8proc_option_t)(UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK), &last);
    if (k < 0 || k > 8) { out[0] = ci->cp; k = 1; }
    for (utf8proc_ssize_t i = 0; i < k; i++) {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t el = utf8proc_encode_char(out[i], enc);
        if (el > 0 && dy_buf_add(nb, enc, (size_t)el)) return -1;
    }
    return 0;
}

static dy_tok *push(dy_toks *t)
{
    if (DY_GROW(t->v, t->len + 1, t->cap)) return NULL;
    return &t->v[t->len++];
}

/* emit(), inlined into the ASCII word fast path, which makes most tokens: the call and its
 * eight arguments were a tenth of the tokeniser's instructions */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif
/* roomy: the caller has reserved room for the form's NUL and eight readable bytes after its start
 * (the fast path does, once a word), so no check is made here */
static ALWAYS_INLINE int emit_inline(dy_toks *out, dy_buf *nb, const dy_lex *lex, size_t base, size_t start,
                                     size_t end, size_t nstart, uint16_t flags, int roomy)
{
    dy_tok *t = push(out);
    if (!t) return -1;
    size_t nl = nb->len - nstart;
    t->start = (uint32_t)(base + start);
    t->end = (uint32_t)(base + end);
    t->norm = (uint32_t)nstart;
    t->nlen = (uint16_t)(nl > 65535 ? 65535 : nl);
    unsigned lf = 0;
    if (!roomy && dy_buf_reserve(nb, 8)) return -1;       /* eight readable bytes for the lookup */
    t->id = lex ? dy_lex_find_padded(lex, nb->data + nstart, nl, &lf) : 0;
    t->flags = (uint16_t)(flags | ((lf & DY_LEXF_DATE) ? DY_TF_DATEW : 0));
    t->wc = (uint16_t)(lf >> 16);
    if (roomy) {
        nb->data[nb->len++] = 0;
        nb->data[nb->len] = 0;
        return 0;
    }
    return dy_buf_addc(nb, 0) ? -1 : 0;   /* keep forms NUL-separated */
}

static int emit(dy_toks *out, dy_buf *nb, const dy_lex *lex, size_t base, size_t start, size_t end,
                size_t nstart, uint16_t flags)
{
    return emit_inline(out, nb, lex, base, start, end, nstart, flags, 0);
}

/* The high bit of each byte of w that is an ASCII letter or digit; *up and *lo get those of the
 * upper- and lower-case letters. Each byte is compared on its low seven bits (no carry crosses
 * a byte: the sums stay below 0x100), and bytes with the high bit set never count. */
static inline uint64_t ascii_alnum(uint64_t w, uint64_t *up, uint64_t *lo)
{
    uint64_t h = w & ~DY_HIGHS, ascii = ~w & DY_HIGHS;
#define GE(c) (h + DY_ONES * (0x80 - (c)))      /* high bit: the byte is >= c */
#define GT(c) (h + DY_ONES * (0x7f - (c)))      /* high bit: the byte is > c */
    uint64_t digit = GE('0') & ~GT('9'), upper = GE('A') & ~GT('Z'), lower = GE('a') & ~GT('z');
#undef GE
#undef GT
    *up = upper & ascii;
    *lo = lower & ascii;
    return (digit | upper | lower) & ascii;
}

#if DY_SWAR_LE && DY_SSE2
/* 0xff in each byte of w from a to z (unsigned): w - a is at most z - a there, and only there */
static inline __m128i bytes_in(__m128i w, char a, char z)
{
    __m128i t = _mm_sub_epi8(w, _mm_set1_epi8(a));
    return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8((char)(z - a))), t);
}
#endif

static int is_word_at(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n) return 0;
    cpinfo c;
    classify(s + i, n - i, &c);
    return c.cls == C_WORD;
}

/* ---- the tokeniser's steps: each makes one token at s[*ip] and moves *ip past it ---- */

/* What every step shares: the text, the output, and the flags waiting for the next token. */
typedef struct tokrun {
    const unsigned char *s;
    size_t n, base;
    const dy_lex *lex;
    dy_toks *out;
    dy_buf *nb;
    uint16_t pending;       /* flags for the next token: NL, SPACE, HYPH */
} tokrun;

/* Does the ASCII word s[i..j) end before t = s[j] (not a space) on the fast path? Not at a
 * byte past ASCII or a hyphen; a period or comma between digits is part of a number ("96.7",
 * "15,000"); a period ends the word unless the word has one letter ("U.S.", "e.g."); an
 * apostrophe only when a possessive 's follows ("Putin's"): the general path joins the others,
 * and makes the 's a token of its own. */
static inline int word_may_end(const unsigned char *s, size_t n, size_t i, size_t j, unsigned t)
{
    if (t >= 0x80 || t == '-') return 0;
    if (t == '.' || t == ',') {
        if (dy_isdigit(s[j - 1]) && j + 1 < n && dy_isdigit(s[j + 1])) return 0;
        if (t == ',') return 1;
        int letters = 0;
        for (size_t k = i; k < j; k++) letters += !dy_isdigit(s[k]);
        return letters != 1;
    }
    if (t == '\'') return j + 2 <= n && (s[j + 1] | 32) == 's' && (j + 2 == n || (s[j + 2] < 0x80 && !ascii_fold[s[j + 2]]));
    return 1;
}

/* The fast path: an ASCII word ended by a space or by punctuation that never joins words (not
 * . ' - or a comma between digits). 1 when it made the token, 0 when the general path must (an
 * "n't" after a word, accents, U.S., O'Brien, 15,000, Korea-China: it writes over what this one
 * copied), -1 out of memory. */
static ALWAYS_INLINE int fast_word(tokrun *r, size_t *ip)
{
    const unsigned char *s = r->s;
    size_t n = r->n, i = *ip;
    dy_buf *nb = r->nb;
    unsigned c0 = s[i];
    if (!ascii_fold[c0] || ((c0 | 32) == 'n' && i > 0 && !(r->pending & DY_TF_SPACE))) return 0;
    size_t j = i, nstart = nb->len;
    /* room for the word, its NUL, and the whole of the last eight-byte store */
    if (dy_buf_reserve(nb, n - i + 10)) return -1;
    char *o = nb->data + nstart;
    int lower = 0, upper = 0;   /* a lower-case letter seen; upper-case ones (counted to 2 at least) */
#if DY_SWAR_LE && DY_SSE2
    /* sixteen bytes a step where SSE2 is there (every x86-64): most words in one; upper counts
     * capitals up to two a step, as below, and only upper >= 2 is read */
    while (j + 16 <= n) {
        __m128i w = dy_sse_load(s + j);
        __m128i up = bytes_in(w, 'A', 'Z'), lo = bytes_in(w, 'a', 'z');
        unsigned upm = (unsigned)_mm_movemask_epi8(up), lom = (unsigned)_mm_movemask_epi8(lo);
        unsigned stop = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(up, lo), bytes_in(w, '0', '9'))) & 0xffffu;
        _mm_storeu_si128((__m128i *)(void *)o, _mm_or_si128(w, _mm_and_si128(up, _mm_set1_epi8(0x20))));
        if (stop) {
            unsigned k = (unsigned)__builtin_ctz(stop), keep = (1u << k) - 1;
            upm &= keep;
            lower |= (lom & keep) != 0;
            upper += (upm != 0) + ((upm & (upm - 1)) != 0);
            o += k;
            j += k;
            goto word_end;
        }
        lower |= lom != 0;
        upper += (upm != 0) + ((upm & (upm - 1)) != 0);
        o += 16;
        j += 16;
    }
#endif
#if DY_SWAR_LE
    /* eight bytes a step: the word's end is found by a bit count rather than by a branch per byte
     * (whose last one, at a length that varies, was the tokeniser's commonest misprediction) */
    while (j + 8 <= n) {
        uint64_t up, lo, w = dy_load64(s + j);
        uint64_t stop = ~ascii_alnum(w, &up, &lo) & DY_HIGHS;
        uint64_t folded = w | (up >> 2);        /* 0x80 >> 2 is the case bit 0x20 */
        memcpy(o, &folded, 8);
        if (stop) {
            size_t k = (size_t)dy_ctz64(stop) >> 3;
            uint64_t keep = (1ULL << (8 * k)) - 1;      /* k < 8 */
            up &= keep;
            lower |= (lo & keep) != 0;
            upper += (up != 0) + ((up & (up - 1)) != 0);
            o += k;
            j += k;
            goto word_end;
        }
        lower |= lo != 0;
        upper += (up != 0) + ((up & (up - 1)) != 0);
        o += 8;
        j += 8;
    }
#endif
    {
        unsigned char f;
        for (; j < n && (f = ascii_fold[s[j]]) != 0; j++) {
            *o++ = (char)f;
            lower |= (unsigned)(s[j] - 'a') < 26u;
            upper += (unsigned)(s[j] - 'A') < 26u;
        }
    }
#if DY_SWAR_LE
word_end:;
#endif
    unsigned t = j < n ? s[j] : ' ';
    /* most words end at a space: the other ends are looked at only then */
    if (t != ' ' && !word_may_end(s, n, i, j, t)) return 0;
    /* the flags by a table and arithmetic, not branches: capitalised or not is a coin toss */
    uint16_t flags = (uint16_t)(r->pending | DY_TF_WORD | first_flags[c0] |
                                (!lower & (upper >= 2)) * DY_TF_ALLCAP);   /* two or more letters, all capitals */
    nb->len = (size_t)(o - nb->data);
    if (emit_inline(r->out, nb, r->lex, r->base, i, j, nstart, flags, 1)) return -1;
    /* most words end at a single space: take it here, for the next token */
    r->pending = 0;
    if (t == ' ' && j < n) { r->pending = DY_TF_SPACE; j++; }
    *ip = j;
    return 1;
}

/* The "n't" of a contraction the previous word stopped before: 1 made, 0 not one, -1 OOM. */
static int negation_suffix(tokrun *r, size_t *ip)
{
    const unsigned char *s = r->s;
    size_t n = r->n, i = *ip, nstart = r->nb->len;
    cpinfo a;
    classify(s + i + 1, n - i - 1, &a);
    size_t k = i + 1 + (size_t)a.len;
    if (!(a.cls == C_APOS && k < n && (s[k] | 32) == 't' && !is_word_at(s, n, k + 1))) return 0;
    if (dy_buf_add(r->nb, "n't", 3)) return -1;
    if (emit(r->out, r->nb, r->lex, r->base, i, k + 1, nstart, (uint16_t)(r->pending | DY_TF_WORD))) return -1;
    r->pending = 0;
    *ip = k + 1;
    return 1;
}

/* Inside a word, at the apostrophe s[j] (a word follows it): 1 when the word ends before it (a
 * possessive, "'ll", "'re", "'ve", "'d", "'m", or the n of "didn't", which *j then points at), 0
 * when it is part of the word ("O'Brien"). */
static int apostrophe_ends_word(const unsigned char *s, size_t n, size_t i, size_t *j, size_t alen, dy_buf *nb)
{
    size_t k = *j + alen, m = k;
    while (m < n && m - k < 4 && dy_isalpha(s[m])) m++;
    int at_end = !is_word_at(s, n, m);
    size_t sl = m - k;
    if (at_end && sl == 1 && (s[k] | 32) == 's') return 1;            /* possessive */
    if (at_end && sl == 1 && (s[k] | 32) == 't' && *j > i && (s[*j - 1] | 32) == 'n' && *j - 1 > i) {
        nb->len--;      /* "didn't": the word ends before the n */
        (*j)--;
        return 1;
    }
    return at_end && ((sl == 2 && ((dy_strncaseeq((const char *)s + k, "ll", 2)) ||
                                   dy_strncaseeq((const char *)s + k, "re", 2) ||
                                   dy_strncaseeq((const char *)s + k, "ve", 2))) ||
                      (sl == 1 && ((s[k] | 32) == 'd' || (s[k] | 32) == 'm')));
}

/* A word on the general path: any script, folded and stripped of marks by utf8proc, joined
 * over an internal apostrophe, the periods of U.S., a number's comma or point and a date's
 * hyphens; a hyphen between words ends it and flags the next. 0, or -1 OOM. */
static int general_word(tokrun *r, size_t *ip, const cpinfo *c)
{
    const unsigned char *s = r->s;
    size_t n = r->n, i = *ip, start = i, nstart = r->nb->len;
    dy_buf *nb = r->nb;
    uint16_t flags = r->pending | DY_TF_WORD;
    if (c->upper) flags |= DY_TF_CAP;
    if (c->cp < 0x80 && dy_isdigit(c->cp)) flags |= DY_TF_NUM;
    int letters = 0, uppers = 0, seg = 0;   /* seg: letters since the last internal '.' */
    int hyph_next = 0;
    size_t j = i;
    for (;;) {
        cpinfo d;
        /* fast path: a run of ASCII letters and digits (room for all of it, and the NUL) */
        if (dy_buf_reserve(nb, n - j + 2)) return -1;
        {
            /* locals, not nb->data[nb->len++]: a char store may alias nb itself */
            char *o = nb->data + nb->len;
            int up = 0, lett = 0;
            for (; j < n; j++) {
                unsigned ch = s[j], k = ascii_kind[ch];
                if (!k) break;
                up += k == 3;
                lett += k >> 1;
                *o++ = (char)(k == 3 ? ch + 32 : ch);
            }
            nb->len = (size_t)(o - nb->data);
            uppers += up;
            letters += lett;
            seg += lett;
        }
        if (j >= n) break;
        classify(s + j, n - j, &d);
        if (d.cls == C_WORD) {
            if (norm_cp(nb, &d)) return -1;
            if (!(d.cp < 0x80 && dy_isdigit(d.cp))) { letters++; seg++; if (d.upper) uppers++; }
            j += (size_t)d.len;
            continue;
        }
        int prev_digit = j > 0 && dy_isdigit(s[j - 1]);
        if (d.cls == C_APOS && is_word_at(s, n, j + (size_t)d.len)) {
            if (apostrophe_ends_word(s, n, i, &j, (size_t)d.len, nb)) break;
            if (dy_buf_addc(nb, '\'')) return -1;                          /* O'Brien */
            j += (size_t)d.len;
            continue;
        }
        if (d.cls == C_PERIOD && seg == 1 && letters > 0) {
            /* U.S. / U.N. / e.g.: single letters joined by periods */
            if (is_word_at(s, n, j + 1) && (j + 2 >= n || !is_word_at(s, n, j + 2) || s[j + 2] == '.')) {
                if (dy_buf_addc(nb, '.')) return -1;
                j++;
                seg = 0;
                continue;
            }
            if (j >= 2 && s[j - 2] == '.' ) {     /* the final period of U.S. */
                if (dy_buf_addc(nb, '.')) return -1;
                j++;
            }
            break;
        }
        if ((d.cls == C_PERIOD || d.cls == C_COMMA) && d.cp < 0x80 && prev_digit && j + 1 < n && dy_isdigit(s[j + 1])) {
            if (dy_buf_addc(nb, (char)d.cp)) return -1;      /* 15,000 and 96.7 */
            j++;
            continue;
        }
        if (d.cls == C_HYPHEN && is_word_at(s, n, j + (size_t)d.len)) {
            if (prev_digit && j + 1 < n && dy_isdigit(s[j + (size_t)d.len])) {
                if (dy_buf_addc(nb, '-')) return -1;          /* 2024-06-21 */
                j += (size_t)d.len;
                continue;
            }
            hyph_next = 1;
            if (emit(r->out, nb, r->lex, r->base, start, j, nstart, flags | ((letters >= 2 && uppers == letters) ? DY_TF_ALLCAP : 0))) return -1;
            start = SIZE_MAX;
            j += (size_t)d.len;
            break;
        }
        break;
    }
    if (start != SIZE_MAX &&
        emit(r->out, nb, r->lex, r->base, start, j, nstart, flags | ((letters >= 2 && uppers == letters) ? DY_TF_ALLCAP : 0)))
        return -1;
    r->pending = hyph_next ? DY_TF_HYPH : 0;
    *ip = j;
    return 0;
}

/* Punctuation, or a contraction ('s, 'll, 're ...) right after a word. 0, or -1 OOM. */
static int punct_token(tokrun *r, size_t *ip, const cpinfo *c)
{
    const unsigned char *s = r->s;
    size_t n = r->n, i = *ip, nstart = r->nb->len;
    dy_buf *nb = r->nb;
    uint16_t flags = r->pending | DY_TF_PUNCT;
    size_t len = (size_t)c->len;
    if (c->cls == C_APOS && i + len < n && is_word_at(s, n, i + len) && i > 0 && !(r->pending & DY_TF_SPACE)) {
        size_t k = i + len, m = k;
        while (m < n && dy_isalpha(s[m])) m++;
        if (dy_buf_addc(nb, '\'')) return -1;
        for (size_t q = k; q < m; q++) if (dy_buf_addc(nb, (char)dy_tolower(s[q]))) return -1;
        flags = (uint16_t)((flags & ~DY_TF_PUNCT) | DY_TF_WORD);
        if (m - k == 1 && (s[k] | 32) == 's') flags |= DY_TF_POSS;
        if (emit(r->out, nb, r->lex, r->base, i, m, nstart, flags)) return -1;
        r->pending = 0;
        *ip = m;
        return 0;
    }
    switch (c->cls) {
    case C_APOS: case C_QUOTE: flags |= DY_TF_QUOTE; break;
    case C_END: flags |= DY_TF_END; break;
    case C_PERIOD:
        flags |= DY_TF_END;
        while (i + len < n && s[i + len] == '.') len++;     /* ... */
        break;
    case C_COMMA: flags |= DY_TF_COMMA; break;
    case C_CLAUSE: case C_DASH: case C_HYPHEN: flags |= DY_TF_CLAUSE; break;
    case C_OPEN: flags |= DY_TF_OPEN; break;
    case C_CLOSE: flags |= DY_TF_CLOSE; break;
    default: break;
    }
    if (c->cp < 0x80) {
        if (c->cls == C_PERIOD && len > 1) { if (dy_buf_add(nb, "...", 3)) return -1; }
        else if (dy_buf_addc(nb, (char)c->cp)) return -1;
    } else if (c->cls == C_APOS) {
        if (dy_buf_addc(nb, '\'')) return -1;
    } else if (c->cls == C_QUOTE) {
        if (dy_buf_addc(nb, '"')) return -1;
    } else if (dy_buf_add(nb, s + i, len)) return -1;
    if (emit(r->out, nb, r->lex, r->base, i, i + len, nstart, flags)) return -1;
    r->pending = 0;
    *ip = i + len;
    return 0;
}

int dy_tokenize(const char *text, size_t n, size_t base, const dy_lex *lex, dy_toks *out, dy_buf *nb)
{
    assert((text || !n) && out && nb);
    tokrun r = { (const unsigned char *)text, n, base, lex, out, nb, 0 };
    const unsigned char *s = r.s;
    size_t i = 0;
    /* every byte normalises to at most one byte on the ASCII fast path, plus a NUL per token */
    if (dy_buf_reserve(nb, n * 2 + 64)) return -1;
    while (i < n) {
        /* a word first: most tokens are, and the fast path takes the single space after one;
         * fast_word turns anything else away on its first byte, having changed nothing */
        int made = fast_word(&r, &i);
        if (made < 0) return -1;
        if (made) continue;
        unsigned c0 = s[i];
        if (c0 < 0x80 && ascii_cls[c0] == C_SPACE) {
            r.pending |= c0 == '\n' ? DY_TF_SPACE | DY_TF_NL : DY_TF_SPACE;
            i++;
            continue;
        }
        cpinfo c;
        classify(s + i, n - i, &c);
        if (c.cls == C_SPACE) {
            r.pending |= DY_TF_SPACE;
            if (s[i] == '\n') r.pending |= DY_TF_NL;
            i += (size_t)c.len;
            continue;
        }
        if (c.cls == C_WORD && (s[i] | 32) == 'n' && i + 1 < n && !(r.pending & DY_TF_SPACE) && i > 0) {
            made = negation_suffix(&r, &i);
            if (made < 0) return -1;
            if (made) continue;
        }
        if ((c.cls == C_WORD ? general_word(&r, &i, &c) : punct_token(&r, &i, &c)) < 0) return -1;
    }
    return 0;
}

void dy_toks_free(dy_toks *t)
{
    free(t->v);
    t->v = NULL;
    t->len = t->cap = 0;
}
