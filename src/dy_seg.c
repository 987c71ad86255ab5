/* dy_seg.c - lines, paragraphs and sentence boundaries. */
#include "dy_seg.h"
#include "dy_dates.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct dy_seg {
    const dy_dict *dict;
    dy_toks toks;
    dy_buf norm;
    dy_sent *sents;
    size_t nsents, capsents;
    /* where the document's segmentation stands between windows (dy_seg_next) */
    size_t pos;             /* the next line to read */
    size_t prev_s, prev_l;  /* the last kept line, to drop repeats */
    int nonblank, in_list;
    uint32_t no;            /* sentences so far */
    uint32_t sent0;         /* the document's index of the window's first sentence */
    size_t line_pos, line;  /* line numbers: the line that starts at line_pos */
};

dy_seg *dy_seg_create(const dy_dict *dict)
{
    dy_seg *s = calloc(1, sizeof *s);
    if (s) s->dict = dict;
    return s;
}

void dy_seg_destroy(dy_seg **sp)
{
    if (!sp || !*sp) return;
    dy_toks_free(&(*sp)->toks);
    dy_buf_free(&(*sp)->norm);
    free((*sp)->sents);
    free(*sp);
    *sp = NULL;
}

const dy_tok *dy_seg_toks(const dy_seg *s) { return s->toks.v; }
const dy_sent *dy_seg_sents(const dy_seg *s, size_t *n) { *n = s->nsents; return s->sents; }
const dy_buf *dy_seg_norm(const dy_seg *s) { return &s->norm; }

/* Abbreviations a period may follow inside a sentence, by first letter (every sentence end
 * asks, so only the few with the same first letter are compared) */
static const char *const abbrevs[26][8] = {
    ['a' - 'a'] = {"adm", "apr", "aug", "approx", "amb"},
    ['c' - 'a'] = {"col", "capt", "cpl", "co", "corp"},
    ['d' - 'a'] = {"dr", "dec", "dept"},
    ['f' - 'a'] = {"feb", "fig", "ft"},
    ['g' - 'a'] = {"gen", "gov", "gens"},
    ['h' - 'a'] = {"hon"},
    ['i' - 'a'] = {"inc"},
    ['j' - 'a'] = {"jr", "jan", "jun", "jul"},
    ['l' - 'a'] = {"lt", "ltd"},
    ['m' - 'a'] = {"mr", "mrs", "ms", "maj", "messrs", "mar", "mt"},
    ['n' - 'a'] = {"nov", "no"},
    ['o' - 'a'] = {"oct"},
    ['p' - 'a'] = {"prof", "pres"},
    ['r' - 'a'] = {"rep", "rev"},
    ['s' - 'a'] = {"sgt", "sen", "st", "sr", "sep", "sept"},
    ['v' - 'a'] = {"vs", "vol"},
};

static int is_abbrev(const char *w, size_t n)
{
    if (n > 6 || (unsigned)(w[0] - 'a') >= 26u) return 0;
    const char *const *a = abbrevs[w[0] - 'a'];
    for (int i = 0; i < 8 && a[i]; i++) if (strcmp(w, a[i]) == 0) return 1;
    return 0;
}

static int push_sent(dy_seg *s, const dy_doc *doc, size_t t0, size_t t1, uint32_t *no)
{
    if (t1 <= t0) return 0;
    /* a "sentence" of punctuation alone is no sentence */
    int words = 0;
    for (size_t i = t0; i < t1; i++) if (s->toks.v[i].flags & DY_TF_WORD) { words = 1; break; }
    if (!words) return 0;
    if (DY_GROW(s->sents, s->nsents + 1, s->capsents)) return -1;
    dy_sent *st = &s->sents[s->nsents++];
    st->tok0 = (uint32_t)t0;
    st->ntok = (uint32_t)(t1 - t0);
    st->start = s->toks.v[t0].start;
    st->end = s->toks.v[t1 - 1].end;
    st->no = ++*no;
    st->line = 0;
    /* the header's promises: spans inside the text, at most DY_MAX_SENT_TOKENS tokens */
    assert(st->start <= st->end && st->end <= doc->len);
    assert(st->ntok <= DY_MAX_SENT_TOKENS && t1 <= s->toks.len);
    return 0;
}

/* A sentence is at most DY_MAX_SENT_TOKENS tokens: a longer run (a quote closed by many marks,
 * a list without full stops) is cut into pieces of that size. */
static int push_capped(dy_seg *s, const dy_doc *doc, size_t t0, size_t t1, uint32_t *no)
{
    while (t1 - t0 > DY_MAX_SENT_TOKENS) {
        if (push_sent(s, doc, t0, t0 + DY_MAX_SENT_TOKENS, no)) return -1;
        t0 += DY_MAX_SENT_TOKENS;
    }
    return push_sent(s, doc, t0, t1, no);
}

/* Splits tokens [p0, p1) of one paragraph into sentences. */
static int split(dy_seg *s, const dy_doc *doc, size_t p0, size_t p1, uint32_t *no)
{
    const dy_tok *t = s->toks.v;
    size_t start = p0;
    for (size_t i = p0; i < p1; i++) {
        if (i - start >= DY_MAX_SENT_TOKENS) {
            if (push_sent(s, doc, start, i, no)) return -1;
            start = i;
        }
        if (!(t[i].flags & DY_TF_END)) continue;
        const char *w = s->norm.data + t[i].norm;
        size_t e = i + 1;
        while (e < p1 && (t[e].flags & (DY_TF_QUOTE | DY_TF_CLOSE)) && !(t[e].flags & DY_TF_SPACE)) e++;
        if (e >= p1) break;
        const dy_tok *nx = &t[e];
        int next_starts = (nx->flags & (DY_TF_CAP | DY_TF_NUM | DY_TF_QUOTE | DY_TF_OPEN)) ||
                          (unsigned char)doc->text[nx->start] >= 0xE3;     /* CJK has no case */
        if (!next_starts) continue;
        if (w[0] == '.' && w[1] == 0 && i > p0 && !(t[i].flags & DY_TF_SPACE)) {
            const dy_tok *pv = &t[i - 1];
            const char *pw = s->norm.data + pv->norm;
            if ((pv->flags & DY_TF_WORD) && (is_abbrev(pw, pv->nlen) || (pw[1] == 0 && (pv->flags & DY_TF_CAP)))) continue;
        }
        if (w[0] == '.' && w[1] == '.' && !(nx->flags & DY_TF_CAP)) continue;
        if (push_capped(s, doc, start, e, no)) return -1;
        start = e;
        i = e - 1;
    }
    return push_capped(s, doc, start, p1, no);
}

static size_t next_break(const char *s, size_t n, size_t i)
{
    for (; i + 8 <= n; i += 8) {
        uint64_t w = dy_load64(s + i);
        if (dy_has_less(w, 0x0e)) break;       /* \n, \r (or a rarer control byte): look closer */
    }
    while (i < n && s[i] != '\n' && s[i] != '\r') i++;
    return i;
}

static size_t skip_break(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '\r') i++;
    if (i < n && s[i] == '\n') i++;
    return i;
}

static int ends_open(const char *s, size_t n)
{
    static const char *const fw[] = {"the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from", "that", NULL};
    if (!n) return 0;
    char c = s[n - 1];
    if (c == ',' || c == '-') return 1;
    size_t k = n;
    while (k && dy_isalpha((unsigned char)s[k - 1])) k--;
    size_t wl = n - k;
    if (k > 0 && s[k - 1] != ' ') return 0;
    for (int i = 0; fw[i]; i++) if (strlen(fw[i]) == wl && dy_strncaseeq(s + k, fw[i], wl)) return 1;
    return 0;
}

static int terminal(const char *s, size_t n)
{
    if (!n) return 1;
    unsigned char c = (unsigned char)s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c >= 0x80;
}

void dy_seg_begin(dy_seg *s, const dy_doc *doc)
{
    s->pos = doc->body;
    s->prev_s = s->prev_l = 0;
    s->nonblank = s->in_list = 0;
    s->no = 0;
    s->sent0 = 0;
    s->nsents = 0;
    s->line_pos = doc->body;
    s->line = doc->body_line;
    s->toks.len = 0;
    s->norm.len = 0;
}

/* Line numbers of the window's sentences: lines counted from the last place known, one pass,
 * on to the window's end (so that the next window counts from there). */
static void number_lines(dy_seg *s, const dy_doc *doc)
{
    const char *text = doc->text;
    size_t n = doc->len, ln = s->line, pos = s->line_pos;
    for (size_t k = 0; k <= s->nsents; k++) {
        size_t target = k < s->nsents ? s->sents[k].start : s->pos;
        for (; pos < target; pos++) {
            /* eight bytes at a time while there is no CR to look at closely */
            for (; pos + 8 <= target; pos += 8) {
                uint64_t w = dy_load64(text + pos);
                if (dy_has_byte(w, '\r')) break;
                ln += (size_t)dy_count_byte(w, '\n');
            }
            if (pos >= target) break;
            if (text[pos] == '\n' || (text[pos] == '\r' && (pos + 1 >= n || text[pos + 1] != '\n'))) ln++;
        }
        if (k < s->nsents) s->sents[k].line = (uint32_t)ln;
    }
    s->line = ln;
    s->line_pos = pos;
}

int dy_seg_next(dy_seg *s, const dy_doc *doc, size_t window, dy_err *err)
{
    const char *text = doc->text;
    size_t n = doc->len;
    if (s->pos >= n) return 0;
    s->sent0 += (uint32_t)s->nsents;
    s->toks.len = 0;
    s->norm.len = 0;
    s->nsents = 0;
    const dy_lex *lex = dy_dict_lex(s->dict);
    size_t i = s->pos, from = s->pos;
    int in_par = 0;
    size_t par_tok0 = 0;
    /* a window ends between paragraphs, once it holds window bytes: where the whole document
     * read at once would have ended a paragraph too, so the sentences are the same */
    while (i < n && (in_par || i - from < window)) {
        size_t e = next_break(text, n, i);
        size_t a = i, b = e;
        while (a < b && dy_isspace((unsigned char)text[a])) a++;
        while (b > a && dy_isspace((unsigned char)text[b - 1])) b--;
        size_t next = skip_break(text, n, e);
        i = next;
        int drop = 0;
        int bp;
        if (a == b) {
            drop = 2;   /* blank: ends the paragraph, and a list of links */
            s->in_list = 0;
        } else {
            s->nonblank++;
            if (s->in_list) drop = 1;
            else if (b - a <= 300 && (bp = dy_dict_is_boilerplate(s->dict, text + a, b - a)) != 0) { drop = 1; s->in_list = bp == 2; }
            else if (s->prev_l == b - a && memcmp(text + s->prev_s, text + a, b - a) == 0) drop = 1;
        }
        size_t tok0 = s->toks.len, norm0 = s->norm.len;
        if (!drop) {
            if (dy_tokenize(text + a, b - a, a, lex, &s->toks, &s->norm)) goto oom;
            /* a dateline near the top ("June 18, 2024", "Posted on : ...") is no sentence */
            dy_date d;
            if (s->nonblank <= 12 && b - a <= 160 &&
                dy_date_dateline_toks(text, s->toks.v + tok0, s->toks.len - tok0, &s->norm, &d) == 1) {
                s->toks.len = tok0;
                s->norm.len = norm0;
                drop = 1;
            }
        }
        if (drop) {
            if (in_par && split(s, doc, par_tok0, s->toks.len, &s->no)) goto oom;
            in_par = 0;
            continue;
        }
        s->prev_s = a;
        s->prev_l = b - a;
        if (!in_par) { in_par = 1; par_tok0 = tok0; }
        /* does the paragraph go on into the next line? */
        int cont = 0;
        if (i < n && !terminal(text + a, b - a)) {
            size_t e2 = next_break(text, n, i), a2 = i;
            while (a2 < e2 && (text[a2] == ' ' || text[a2] == '\t')) a2++;
            if (a2 < e2) {
                unsigned char c2 = (unsigned char)text[a2];
                if ((c2 >= 'a' && c2 <= 'z') || ends_open(text + a, b - a)) cont = 1;
            }
        }
        if (!cont) {
            if (split(s, doc, par_tok0, s->toks.len, &s->no)) goto oom;
            in_par = 0;
        }
    }
    if (in_par && split(s, doc, par_tok0, s->toks.len, &s->no)) goto oom;
    s->pos = i;
    number_lines(s, doc);
    return 1;
oom:
    return dy_err_set(err, DY_ENOMEM, "%s: out of memory", doc->id), -1;
}

uint32_t dy_seg_first(const dy_seg *s) { return s->sent0; }

size_t dy_seg_pos(const dy_seg *s) { return s->pos; }

int dy_seg_doc(dy_seg *s, const dy_doc *doc, dy_err *err)
{
    dy_seg_begin(s, doc);
    return dy_seg_next(s, doc, SIZE_MAX, err) < 0 ? -1 : 0;
}
