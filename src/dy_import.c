/* dy_import.c - PETRARCH/TABARI dictionaries (actors, agents, discards, verbs) to dyad's format. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700     /* realpath */
#include "dy_import.h"
#include "dy_dates.h"
#include "dy_tok.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAXT 16         /* tokens in one alternative of a word class or verb */
#define MAXSLOT 48      /* elements of one pattern */
#define MAXCOPIES 64    /* patterns one PETRARCH pattern may become */

typedef struct pline { char *s; size_t no; } pline;     /* a line of a file, comments gone */

typedef struct alt { uint8_t n; const char *t[MAXT]; } alt;  /* one member: dyad tokens */

typedef struct synent { const char *text; int plural; size_t line; } synent;
typedef struct syn { const char *name; dy_vec ents; } syn;  /* a PETRARCH &NAME word class */

typedef struct pent { const char *key; const char *what; int owner; } pent;  /* phrase table */

typedef struct vpat { const char *text, *code; size_t line; } vpat;
typedef struct vverb { dy_vec alts; char code[16]; size_t line; } vverb;

typedef struct imp {
    dy_buf *report;
    int nrep, oom;
    const char *file;           /* the input file, for messages */
    size_t line;
    dy_toks toks;
    dy_buf norm;
    dy_arena *ar;
    pent *tab;                  /* open addressing on the phrase key */
    size_t tcap, tlen;
    int owner;                  /* the current actor group or agent line */
    dy_buf actors, agents, verbs, globs;
    dy_vec known;               /* const char *: the codes of dyad's cameo.txt */
    dy_vec extra;               /* const char *: codes added, "CODE\tFILE:LINE" */
    dy_vec syns;                /* syn, of the current verb file */
    int agent_files;            /* agent dictionaries read */
    dy_import_stats st;
} imp;

static void rep(imp *I, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void rep(imp *I, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    I->nrep++;
    int bad = I->line ? dy_buf_printf(I->report, "%s:%zu: %s\n", I->file, I->line, msg)
                      : dy_buf_printf(I->report, "%s: %s\n", I->file, msg);
    if (bad) I->oom = 1;
}

static char *sdup(imp *I, const char *s, size_t n)
{
    char *r = dy_arena_strndup(I->ar, s, n);
    if (!r) I->oom = 1;
    return r ? r : (char *)"";
}

static void upcase(char *s) { for (; *s; s++) if (*s >= 'a' && *s <= 'z') *s = (char)(*s - 32); }
static void lowcase(char *s) { for (; *s; s++) *s = (char)dy_tolower((unsigned char)*s); }

static int read_file(const char *path, dy_buf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char chunk[65536];
    size_t n;
    int r = 0;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (dy_buf_add(out, chunk, n)) { r = -1; break; }
    if (ferror(f)) r = -1;
    fclose(f);
    if (!out->data && dy_buf_add(out, "", 0)) r = -1;
    return r;
}

/* The lines of a PETRARCH file without their comments: a line opening with '#' or "<!", a
 * "<!-- ... -->" (across lines too), and a '#' after white space to the end of the line (so the
 * codes [###] stay). Blank lines are left out. */
static int petr_lines(imp *I, const char *path, dy_vec *lines)
{
    dy_buf b = {0};
    if (read_file(path, &b)) { dy_buf_free(&b); return -1; }
    int incomment = 0;
    size_t no = 0;
    for (char *p = b.data, *nl; p && *p; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        if (nl) *nl = 0;
        no++;
        char *s = p;
        if (incomment) {
            char *e = strstr(s, "-->");
            if (!e) continue;
            s = e + 3;
            incomment = 0;
        }
        for (char *o; (o = strstr(s, "<!--"));) {
            char *e = strstr(o + 4, "-->");
            if (!e) { *o = 0; incomment = 1; break; }
            memmove(o, e + 3, strlen(e + 3) + 1);
        }
        s = dy_trim(s);
        if (!*s || s[0] == '#' || (s[0] == '<' && s[1] == '!')) continue;
        for (char *q = s + 1; *q; q++)
            if (*q == '#' && dy_isspace((unsigned char)q[-1])) { *q = 0; break; }
        s = dy_trim(s);
        if (!*s) continue;
        pline *l = dy_vec_push(lines);
        if (!l) { I->oom = 1; break; }
        l->s = sdup(I, s, strlen(s));
        l->no = no;
    }
    dy_buf_free(&b);
    return 0;
}

/* ---- dyad tokens ---- */

/* Splits text into dyad's tokens (normalised) as the loader and the coder will see them; adds
 * them to a. Returns -1 when one cannot stand in a pattern line or there are too many. */
static int tokens_into(imp *I, const char *text, alt *a)
{
    I->toks.len = 0;
    I->norm.len = 0;
    if (dy_tokenize(text, strlen(text), 0, NULL, &I->toks, &I->norm)) { I->oom = 1; return -1; }
    for (size_t i = 0; i < I->toks.len; i++) {
        const char *w = I->norm.data + I->toks.v[i].norm;
        if (strpbrk(w, ";#{}()|+") || !strcmp(w, "...")) return -1;
        if (a->n == MAXT) return -1;
        a->t[a->n++] = sdup(I, w, strlen(w));
    }
    return 0;
}

/* The key of a phrase in the phrase table: its tokens, a leading "the" dropped as the loader
 * does. Returns NULL when it has no token. */
static const char *phrase_key(imp *I, const char *phrase)
{
    I->toks.len = 0;
    I->norm.len = 0;
    if (dy_tokenize(phrase, strlen(phrase), 0, NULL, &I->toks, &I->norm)) { I->oom = 1; return NULL; }
    dy_buf k = {0};
    for (size_t i = 0; i < I->toks.len; i++) {
        const char *w = I->norm.data + I->toks.v[i].norm;
        if (i == 0 && I->toks.len > 1 && !strcmp(w, "the")) continue;
        if (k.len) dy_buf_addc(&k, ' ');
        dy_buf_adds(&k, w);
    }
    const char *r = k.len ? sdup(I, k.data, k.len) : NULL;
    dy_buf_free(&k);
    return r;
}

/* Looks the key up; adds it for owner when absent. Returns the entry it met (NULL: added). */
static const pent *phrase_claim(imp *I, const char *key, const char *what)
{
    if ((I->tlen + 1) * 2 > I->tcap) {
        size_t ncap = I->tcap ? I->tcap * 2 : 4096;
        pent *nt = calloc(ncap, sizeof *nt);
        if (!nt) { I->oom = 1; return NULL; }
        for (size_t i = 0; i < I->tcap; i++) {
            if (!I->tab[i].key) continue;
            size_t j = dy_hash(I->tab[i].key, strlen(I->tab[i].key)) & (ncap - 1);
            while (nt[j].key) j = (j + 1) & (ncap - 1);
            nt[j] = I->tab[i];
        }
        free(I->tab);
        I->tab = nt;
        I->tcap = ncap;
    }
    size_t j = dy_hash(key, strlen(key)) & (I->tcap - 1);
    for (; I->tab[j].key; j = (j + 1) & (I->tcap - 1))
        if (!strcmp(I->tab[j].key, key)) return &I->tab[j];
    I->tab[j].key = key;
    I->tab[j].what = what;
    I->tab[j].owner = I->owner;
    I->tlen++;
    return NULL;
}

/* A phrase as dyad's files write it: lower case, except a short one-word abbreviation (UN, AU,
 * USA), kept in capitals so that it matches only in capitals, as dyad's own dictionaries do. */
static const char *phrase_text(imp *I, const char *raw)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", raw);
    for (char *p = buf; *p; p++) if (*p == '_') *p = ' ';
    char *s = dy_trim(buf);
    size_t n = strlen(s);
    int letters = n > 0 && n <= 3;
    for (size_t i = 0; i < n && letters; i++) letters = dy_isalpha((unsigned char)s[i]);
    if (!letters) lowcase(s);
    else upcase(s);
    return sdup(I, s, strlen(s));
}

/* ---- actors ---- */

typedef struct acode { char code[16]; int32_t from, to; int dated; size_t line; } acode;
typedef struct aname { const char *text; size_t line; } aname;

/* YYMMDD (00-30 is 20YY) or YYYYMMDD to days since 1970; 0 when it is no date. */
static int petr_date(const char *s, size_t n, int32_t *days)
{
    char iso[16];
    for (size_t i = 0; i < n; i++) if (!dy_isdigit((unsigned char)s[i])) return 0;
    if (n == 6) {
        int yy = (s[0] - '0') * 10 + (s[1] - '0');
        snprintf(iso, sizeof iso, "%d-%.2s-%.2s", yy <= 30 ? 2000 + yy : 1900 + yy, s + 2, s + 4);
    } else if (n == 8) snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
    else return 0;
    dy_date d;
    if (!dy_date_parse_iso(iso, 10, &d)) return 0;
    *days = (int32_t)dy_date_days(d);
    return 1;
}

/* "<D" (before), ">D" (after), "A-B" (from A to B): the range, or 0. */
static int petr_range(const char *s, int32_t *from, int32_t *to)
{
    *from = INT32_MIN;
    *to = INT32_MAX;
    int32_t d;
    if (*s == '<') { if (!petr_date(s + 1, strlen(s + 1), &d)) return 0; *to = d - 1; return 1; }
    if (*s == '>') { if (!petr_date(s + 1, strlen(s + 1), &d)) return 0; *from = d + 1; return 1; }
    const char *dash = strchr(s, '-');
    if (!dash || !petr_date(s, (size_t)(dash - s), from) || !petr_date(dash + 1, strlen(dash + 1), to)) return 0;
    return *from <= *to;
}

/* One "[CODE]" or "[CODE DATES]" of an actor. */
static void actor_code(imp *I, char *in, dy_vec *codes)
{
    char *c = dy_trim(in), *sp = c + strcspn(c, " \t");
    char dates[64] = "";
    if (*sp) {
        *sp++ = 0;
        size_t k = 0;
        for (char *q = sp; *q && k + 1 < sizeof dates; q++) if (!dy_isspace((unsigned char)*q)) dates[k++] = *q;
        dates[k] = 0;
    }
    char *slash = strchr(c, '/');
    if (slash) {
        rep(I, "'[%s]' names several actors; a dyad phrase has one code, so it codes as %.*s", c, (int)(slash - c), c);
        *slash = 0;
    }
    int lower = 0;
    for (char *q = c; *q; q++) if (*q >= 'a' && *q <= 'z') lower = 1;
    if (lower) { upcase(c); rep(I, "actor codes are written in capitals in dyad: coded as %s", c); }
    size_t n = strlen(c);
    int ok = n >= 3 && n <= 15;
    for (size_t i = 0; i < n && ok; i++) ok = dy_isupper((unsigned char)c[i]) || dy_isdigit((unsigned char)c[i]) || c[i] == '-';
    if (!ok) { rep(I, "code '%s' is no dyad actor code (3 to 15 capitals, digits or '-'): left out", c); return; }
    acode a = {{0}, INT32_MIN, INT32_MAX, 0, I->line};
    snprintf(a.code, sizeof a.code, "%s", c);
    if (dates[0]) {
        if (!petr_range(dates, &a.from, &a.to)) { rep(I, "bad date restriction '%s' on %s: left out", dates, c); return; }
        a.dated = 1;
    }
    acode *slot = dy_vec_push(codes);
    if (!slot) { I->oom = 1; return; }
    *slot = a;
}

static void actor_codes(imp *I, char *s, dy_vec *codes)
{
    for (char *o; (o = strchr(s, '['));) {
        char *e = strchr(o, ']');
        if (!e) { rep(I, "'[' without ']': the code is left out"); return; }
        *e = 0;
        actor_code(I, o + 1, codes);
        s = e + 1;
    }
}

/* Cuts [a, b] by the sorted disjoint ranges u: the pieces of it no earlier range holds. */
static size_t range_rest(int32_t a, int32_t b, const int32_t (*u)[2], size_t nu, int32_t (*out)[2], size_t max)
{
    size_t n = 0;
    int64_t cur = a;
    for (size_t i = 0; i < nu && cur <= b; i++) {
        if (u[i][1] < cur || u[i][0] > b) continue;
        if (u[i][0] > cur && n < max) { out[n][0] = (int32_t)cur; out[n][1] = u[i][0] - 1; n++; }
        cur = (int64_t)u[i][1] + 1;
    }
    if (cur <= b && n < max) { out[n][0] = (int32_t)cur; out[n][1] = b; n++; }
    return n;
}

static size_t range_add(int32_t (*u)[2], size_t nu, int32_t a, int32_t b, size_t max)
{
    if (nu == max) return nu;
    size_t i = nu;
    while (i > 0 && u[i - 1][0] > a) { u[i][0] = u[i - 1][0]; u[i][1] = u[i - 1][1]; i--; }
    u[i][0] = a;
    u[i][1] = b;
    return nu + 1;
}

static void range_text(int32_t from, int32_t to, char *buf, size_t cap)
{
    char a[16] = "", b[16] = "";
    if (from != INT32_MIN) dy_date_format(dy_date_from_days(from), a);
    if (to != INT32_MAX) dy_date_format(dy_date_from_days(to), b);
    snprintf(buf, cap, "%s..%s", a, b);
}

static void actor_line_out(imp *I, const char *code, const char *kind, const char *range, const dy_vec *phr)
{
    dy_buf_printf(&I->actors, "%-12s %s%s%s =", code, kind, range ? " " : "", range ? range : "");
    for (size_t i = 0; i < phr->len; i++)
        dy_buf_printf(&I->actors, "%s %s", i ? " |" : "", DY_VEC_AT(phr, const char *, i));
    dy_buf_addc(&I->actors, '\n');
}

/* Writes an actor (its names and codes) as dyad lines: dated codes become person lines whose
 * ranges do not overlap (the first listed wins, as PETRARCH reads them), the undated code fills
 * the time between them. */
static void actor_flush(imp *I, dy_vec *names, dy_vec *codes)
{
    if (!names->len) return;
    size_t saved = I->line;
    I->owner++;
    dy_vec phr = DY_VEC_INIT(const char *);
    for (size_t i = 0; i < names->len; i++) {
        const aname *nm = &DY_VEC_AT(names, aname, i);
        I->line = nm->line;
        if (!codes->len) { rep(I, "'%s' has no code: left out", nm->text); continue; }
        const char *txt = phrase_text(I, nm->text), *key = phrase_key(I, txt);
        if (!key) { rep(I, "'%s' has no word dyad can match: left out", nm->text); continue; }
        char what[96];
        snprintf(what, sizeof what, "%s in %s:%zu", DY_VEC_AT(codes, acode, 0).code, I->file, nm->line);
        const pent *o = phrase_claim(I, key, sdup(I, what, strlen(what)));
        if (o && o->owner == I->owner) continue;
        if (o) { rep(I, "'%s' is already %s: left out here", nm->text, o->what); continue; }
        const char **slot = dy_vec_push(&phr);
        if (!slot) { I->oom = 1; break; }
        *slot = txt;
    }
    I->line = saved;
    int dated = 0, undated = -1;
    for (size_t i = 0; i < codes->len; i++) {
        const acode *c = &DY_VEC_AT(codes, acode, i);
        if (c->dated) dated = 1;
        else if (undated < 0) undated = (int)i;
        else { I->line = c->line; rep(I, "a second undated code %s: the first, %s, stands", c->code, DY_VEC_AT(codes, acode, undated).code); }
    }
    if (phr.len && !dated) {
        const char *code = DY_VEC_AT(codes, acode, undated).code;
        int igo = !strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3);
        actor_line_out(I, code, igo ? "igo" : "country", NULL, &phr);
    } else if (phr.len) {
        int32_t u[64][2], piece[64][2];
        size_t nu = 0;
        for (size_t i = 0; i < codes->len; i++) {
            const acode *c = &DY_VEC_AT(codes, acode, i);
            if (!c->dated) continue;
            size_t np = range_rest(c->from, c->to, (const int32_t (*)[2])u, nu, piece, 64);
            if (!np) { I->line = c->line; rep(I, "%s: earlier restrictions cover all its dates, so it never applies", c->code); }
            for (size_t k = 0; k < np; k++) {
                char r[48];
                range_text(piece[k][0], piece[k][1], r, sizeof r);
                actor_line_out(I, c->code, "person", r, &phr);
            }
            nu = range_add(u, nu, c->from, c->to, 64);
        }
        if (undated >= 0) {
            size_t np = range_rest(INT32_MIN, INT32_MAX, (const int32_t (*)[2])u, nu, piece, 64);
            for (size_t k = 0; k < np; k++) {
                char r[48];
                range_text(piece[k][0], piece[k][1], r, sizeof r);
                actor_line_out(I, DY_VEC_AT(codes, acode, undated).code, "person", r, &phr);
            }
        }
    }
    I->st.actor_phrases += phr.len;
    dy_vec_free(&phr);
    names->len = 0;
    codes->len = 0;
}

static void import_actors(imp *I, const dy_vec *lines)
{
    dy_vec names = DY_VEC_INIT(aname), codes = DY_VEC_INIT(acode);
    dy_buf_printf(&I->actors, "\n# ---- from %s\n", I->file);
    for (size_t i = 0; i < lines->len && !I->oom; i++) {
        char *s = DY_VEC_AT(lines, pline, i).s;
        I->line = DY_VEC_AT(lines, pline, i).no;
        if (s[0] == '[') {
            if (!names.len) { rep(I, "a code line with no actor before it: left out"); continue; }
            actor_codes(I, s, &codes);
            continue;
        }
        if (s[0] != '+') actor_flush(I, &names, &codes);
        else if (!names.len) { rep(I, "a synonym with no actor before it: left out"); continue; }
        else s++;
        char *br = strchr(s, '[');
        if (br) { actor_codes(I, br, &codes); *br = 0; }
        s = dy_trim(s);
        size_t n = strlen(s);
        while (n && s[n - 1] == '_') s[--n] = 0;
        if (!n) { rep(I, "an actor line with no name: left out"); continue; }
        aname *a = dy_vec_push(&names);
        if (!a) { I->oom = 1; break; }
        a->text = s;
        a->line = I->line;
    }
    actor_flush(I, &names, &codes);
    dy_vec_free(&names);
    dy_vec_free(&codes);
}

/* ---- agents ---- */

typedef struct marker { const char *name; dy_vec vals; } marker;

static void agent_phrase(imp *I, const char *raw, const char *role, dy_vec *out)
{
    const char *txt = phrase_text(I, raw), *key = phrase_key(I, txt);
    if (!key) return;
    char what[96];
    snprintf(what, sizeof what, "the agent %s in %s:%zu", role, I->file, I->line);
    const pent *o = phrase_claim(I, key, sdup(I, what, strlen(what)));
    if (o && o->owner == I->owner) return;
    if (o) { rep(I, "'%s' is already %s: left out here", txt, o->what); return; }
    const char **slot = dy_vec_push(out);
    if (!slot) { I->oom = 1; return; }
    *slot = txt;
}

/* PETRARCH's regular plural of a phrase: its last word + S, IES after a Y, ES after an S. */
static void petr_plural(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s);
    if (n && (s[n - 1] == 'Y' || s[n - 1] == 'y')) snprintf(out, cap, "%.*sIES", (int)(n - 1), s);
    else if (n && (s[n - 1] == 'S' || s[n - 1] == 's')) snprintf(out, cap, "%sES", s);
    else snprintf(out, cap, "%sS", s);
}

static void agent_entry(imp *I, char *s, dy_vec *markers)
{
    char *br = strchr(s, '[');
    if (!br || !strchr(br, ']')) { rep(I, "an agent needs a code in [...]: left out"); return; }
    *strchr(br, ']') = 0;
    char *code = dy_trim(br + 1);
    *br = 0;
    char role[16];
    if (!strchr(code, '~')) { rep(I, "agent code '%s' has no '~' (~GOV adds GOV after the actor's code): left out", code); return; }
    if (code[0] != '~') {
        rep(I, "'%s' puts the agent before the actor's code; dyad's agents follow it: left out", code);
        return;
    }
    snprintf(role, sizeof role, "%s", code + 1);
    upcase(role);
    size_t rl = strlen(role);
    int ok = rl >= 3;
    for (size_t i = 0; i < 3 && ok; i++) ok = dy_isupper((unsigned char)role[i]);
    if (!ok) { rep(I, "'%s' is no three-letter role: left out", code); return; }
    if (rl > 3) { rep(I, "'%s': a dyad agent has one three-letter role, so it codes as %.3s", code, role); role[3] = 0; }
    char *name = dy_trim(s), plural[256] = "";
    int explicit_plural = 0;
    char *lb = strchr(name, '{');
    if (lb) {
        char *rb = strchr(lb, '}');
        if (!rb) { rep(I, "'{' without '}': left out"); return; }
        *rb = 0;
        snprintf(plural, sizeof plural, "%s", dy_trim(lb + 1));
        *lb = 0;
        name = dy_trim(name);
        explicit_plural = 1;
    }
    dy_vec out = DY_VEC_INIT(const char *);
    I->owner++;
    char *m1 = strchr(name, '!'), *m2 = m1 ? strchr(m1 + 1, '!') : NULL;
    if (m1 && m2) {
        const marker *mk = NULL;
        for (size_t i = 0; i < markers->len; i++)
            if (strlen(DY_VEC_AT(markers, marker, i).name) == (size_t)(m2 - m1 - 1) &&
                !strncmp(DY_VEC_AT(markers, marker, i).name, m1 + 1, (size_t)(m2 - m1 - 1))) mk = &DY_VEC_AT(markers, marker, i);
        if (!mk) { rep(I, "substitution marker %.*s is not defined: left out", (int)(m2 - m1 + 1), m1); dy_vec_free(&out); return; }
        for (size_t i = 0; i < mk->vals.len; i++) {
            char buf[512];
            snprintf(buf, sizeof buf, "%.*s%s%s", (int)(m1 - name), name, DY_VEC_AT(&mk->vals, const char *, i), m2 + 1);
            agent_phrase(I, buf, role, &out);
        }
    } else {
        agent_phrase(I, name, role, &out);
        if (!explicit_plural) petr_plural(name, plural, sizeof plural);
        if (plural[0]) agent_phrase(I, plural, role, &out);
    }
    if (out.len) {
        dy_buf_printf(&I->agents, "%s =", role);
        for (size_t i = 0; i < out.len; i++) dy_buf_printf(&I->agents, "%s %s", i ? " |" : "", DY_VEC_AT(&out, const char *, i));
        dy_buf_printf(&I->agents, "   # %s:%zu\n", I->file, I->line);
    }
    I->st.agent_phrases += out.len;
    dy_vec_free(&out);
}

static void import_agents(imp *I, const dy_vec *lines)
{
    dy_vec markers = DY_VEC_INIT(marker);
    dy_buf_printf(&I->agents, "\n# ---- from %s\n", I->file);
    for (size_t i = 0; i < lines->len && !I->oom; i++) {
        char *s = DY_VEC_AT(lines, pline, i).s;
        I->line = DY_VEC_AT(lines, pline, i).no;
        char *eq = strchr(s, '=');
        if (s[0] == '!' && eq) {
            char *e = strchr(s + 1, '!');
            if (!e || e > eq) { rep(I, "a substitution marker is written !NAME! = a, b: left out"); continue; }
            marker *m = dy_vec_push(&markers);
            if (!m) { I->oom = 1; break; }
            m->name = sdup(I, s + 1, (size_t)(e - s - 1));
            m->vals = (dy_vec)DY_VEC_INIT(const char *);
            for (char *sv = NULL, *v = strtok_r(eq + 1, ",", &sv); v; v = strtok_r(NULL, ",", &sv)) {
                const char **slot = dy_vec_push(&m->vals);
                if (!slot) { I->oom = 1; break; }
                *slot = dy_trim(v);
            }
            continue;
        }
        agent_entry(I, s, &markers);
    }
    for (size_t i = 0; i < markers.len; i++) dy_vec_free(&DY_VEC_AT(&markers, marker, i).vals);
    dy_vec_free(&markers);
}

/* ---- discards: lines of the story holding the phrase are not coded (dyad's boilerplate) ---- */
static void import_discards(imp *I, const dy_vec *lines)
{
    dy_buf_printf(&I->globs, "\n# ---- discards from %s: a line holding the phrase is not coded\n", I->file);
    for (size_t i = 0; i < lines->len; i++) {
        char *s = DY_VEC_AT(lines, pline, i).s;
        I->line = DY_VEC_AT(lines, pline, i).no;
        int story = s[0] == '+';
        if (story) s = dy_trim(s + 1);
        size_t n = strlen(s);
        while (n && s[n - 1] == '_') s[--n] = 0;
        for (char *p = s; *p; p++) if (*p == '_') *p = ' ';
        if (!n || strpbrk(s, "*>")) { rep(I, "discard '%s' cannot be a boilerplate pattern: left out", s); continue; }
        if (story) rep(I, "'%s' discards the whole story in PETRARCH; dyad skips only the lines holding it", s);
        lowcase(s);
        dy_buf_printf(&I->globs, "%s*\n* %s*\n", s, s);
        I->st.discards++;
    }
}

/* ---- verbs ---- */

static const syn *syn_find(const imp *I, const char *name, size_t n)
{
    while (n && name[n - 1] == '_') n--;
    for (size_t i = 0; i < I->syns.len; i++) {
        const syn *y = &DY_VEC_AT(&I->syns, syn, i);
        if (strlen(y->name) == n && !strncmp(y->name, name, n)) return y;
    }
    return NULL;
}

static void alt_push(imp *I, dy_vec *alts, const alt *a)
{
    if (!a->n) return;
    alt *slot = dy_vec_push(alts);
    if (!slot) { I->oom = 1; return; }
    *slot = *a;
}

/* The members of a word class as dyad tokens, with their plurals unless the class or the member
 * ends in '_'; members that are classes themselves are expanded. 0, or -1 (reported). */
static int syn_alts(imp *I, const char *name, size_t n, dy_vec *alts, int depth)
{
    const syn *y = syn_find(I, name, n);
    if (!y) { rep(I, "word class %.*s is not defined: pattern left out", (int)n, name); return -1; }
    if (depth > 4) { rep(I, "word class %s nests too deep: pattern left out", y->name); return -1; }
    for (size_t i = 0; i < y->ents.len; i++) {
        const synent *e = &DY_VEC_AT(&y->ents, synent, i);
        if (e->text[0] == '&') { if (syn_alts(I, e->text + 1, strlen(e->text + 1), alts, depth + 1)) return -1; continue; }
        alt a = {0};
        if (tokens_into(I, e->text, &a)) { rep(I, "'%s' in class %s has a word dyad cannot match in a pattern: left out", e->text, y->name); continue; }
        alt_push(I, alts, &a);
        if (!e->plural) continue;
        char pl[256];
        petr_plural(e->text, pl, sizeof pl);
        alt b = {0};
        if (!tokens_into(I, pl, &b)) alt_push(I, alts, &b);
    }
    return 0;
}

/* Collects the word classes of a verb file: "&NAME" and its "+member" lines. */
static void read_syns(imp *I, const dy_vec *lines)
{
    syn *cur = NULL;
    for (size_t i = 0; i < lines->len && !I->oom; i++) {
        const char *s = DY_VEC_AT(lines, pline, i).s;
        if (s[0] == '&') {
            size_t n = strcspn(s, " \t");
            int noplural = n > 1 && s[n - 1] == '_';
            cur = dy_vec_push(&I->syns);
            if (!cur) { I->oom = 1; return; }
            cur->name = sdup(I, s + 1, n - 1 - (size_t)noplural);
            cur->ents = (dy_vec)DY_VEC_INIT(synent);
            /* the first entry holds the class's own no-plural mark (removed below) */
            synent *mark = dy_vec_push(&cur->ents);
            if (!mark) { I->oom = 1; return; }
            mark->text = NULL;
            mark->plural = !noplural;
            continue;
        }
        if (s[0] == '+' && cur) {
            char buf[512];
            snprintf(buf, sizeof buf, "%s", s + 1);
            char *t = dy_trim(buf);
            size_t n = strlen(t);
            int plural = DY_VEC_AT(&cur->ents, synent, 0).plural && !(n && t[n - 1] == '_');
            while (n && t[n - 1] == '_') t[--n] = 0;
            for (char *p = t; *p; p++) if (*p == '_') *p = ' ';
            synent *e = dy_vec_push(&cur->ents);
            if (!e) { I->oom = 1; return; }
            e->text = sdup(I, t, n);
            e->plural = plural && t[0] != '&';
            e->line = DY_VEC_AT(lines, pline, i).no;
            continue;
        }
        cur = NULL;
    }
    /* drop the marks */
    for (size_t i = 0; i < I->syns.len; i++) {
        dy_vec *v = &DY_VEC_AT(&I->syns, syn, i).ents;
        if (v->len) { memmove(v->items, (synent *)v->items + 1, (v->len - 1) * sizeof(synent)); v->len--; }
    }
}

static int is_known(const imp *I, const char *code)
{
    for (size_t i = 0; i < I->known.len; i++) if (!strcmp(DY_VEC_AT(&I->known, const char *, i), code)) return 1;
    for (size_t i = 0; i < I->extra.len; i++) {
        const char *e = DY_VEC_AT(&I->extra, const char *, i);
        size_t n = strcspn(e, "\t");
        if (strlen(code) == n && !strncmp(e, code, n)) return 1;
    }
    return 0;
}

/* One side of a PETRARCH code: "---" (none), digits, digits with a letter or '?' after them
 * (the digits are kept). Writes "-" or the digits; returns 0 when it cannot be a code. */
static int code_part(imp *I, const char *in, size_t n, char out[8])
{
    while (n && dy_isspace((unsigned char)*in)) { in++; n--; }
    while (n && dy_isspace((unsigned char)in[n - 1])) n--;
    if (n == 3 && !strncmp(in, "---", 3)) { strcpy(out, "-"); return 1; }
    size_t d = 0;
    while (d < n && dy_isdigit((unsigned char)in[d])) d++;
    if (d < 2 || d > 4) { rep(I, "code '%.*s' is no CAMEO code: left out", (int)n, in); return 0; }
    if (d < n) rep(I, "code '%.*s': dyad's codes are digits, so it codes as %.*s", (int)n, in, (int)d, in);
    snprintf(out, 8, "%.*s%s", (int)d, in, d == 2 ? "0" : "");
    if (!is_known(I, out)) {
        char e[64];
        snprintf(e, sizeof e, "%s\t%s:%zu", out, I->file, I->line);
        const char **slot = dy_vec_push(&I->extra);
        if (!slot) { I->oom = 1; return 0; }
        *slot = sdup(I, e, strlen(e));
        rep(I, "code %s is not in CAMEO: added to cameo.txt with Goldstein 0", out);
    }
    return 1;
}

/* "[A]" or "[A:B]" to a dyad code and pair code ("" when none). "[:B]" (or "[---:B]"), only
 * the target acting on the source, is B with *rev set. 0 when unusable. */
static int petr_code(imp *I, const char *s, char code[8], char pair[8], int *rev)
{
    pair[0] = 0;
    *rev = 0;
    const char *colon = strchr(s, ':');
    size_t n = colon ? (size_t)(colon - s) : strlen(s);
    int none = 1;
    for (size_t i = 0; i < n && none; i++) none = dy_isspace((unsigned char)s[i]);
    if (colon && none) strcpy(code, "-");
    else if (!code_part(I, s, n, code)) return 0;
    if (colon) {
        char b[8];
        if (!code_part(I, colon + 1, strlen(colon + 1), b)) return 0;
        if (strcmp(b, "-") != 0 && !strcmp(code, "-")) { strcpy(code, b); *rev = 1; }
        else if (strcmp(b, "-") != 0) strcpy(pair, b);
    }
    return 1;
}

/* Adds a word to a set written "a|b" (no repeats). */
static void set_add(dy_buf *set, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = set->data; p && *p;) {
        size_t l = strcspn(p, "|");
        if (l == n && !strncmp(p, w, n)) return;
        p += l + (p[l] == '|');
    }
    if (set->len) dy_buf_addc(set, '|');
    dy_buf_adds(set, w);
}

static void set_write(dy_buf *out, const dy_buf *set)
{
    if (strchr(set->data, '|')) dy_buf_printf(out, "{%s}", set->data);
    else dy_buf_adds(out, set->data);
}

/* The ways to write a slot's members as dyad elements: one {a|b} set of the one-token members,
 * and the longer members, those alike but in one place sharing one line ("{break|broke} down"). */
static void slot_variants(imp *I, const dy_vec *alts, dy_vec *out)
{
    dy_buf set = {0};
    for (size_t i = 0; i < alts->len; i++)
        if (DY_VEC_AT(alts, alt, i).n == 1) set_add(&set, DY_VEC_AT(alts, alt, i).t[0]);
    if (set.len) {
        dy_buf v = {0};
        set_write(&v, &set);
        const char **slot = dy_vec_push(out);
        if (slot) *slot = sdup(I, v.data, v.len); else I->oom = 1;
        dy_buf_free(&v);
    }
    dy_buf_free(&set);
    uint8_t *done = calloc(alts->len + 1, 1);
    if (!done) { I->oom = 1; return; }
    for (size_t i = 0; i < alts->len; i++) {
        const alt *a = &DY_VEC_AT(alts, alt, i);
        if (a->n < 2 || done[i]) continue;
        int at = -1;        /* the one place the members alike differ in */
        for (size_t j = i + 1; j < alts->len && at < 0; j++) {
            const alt *b = &DY_VEC_AT(alts, alt, j);
            if (done[j] || b->n != a->n) continue;
            int diff = 0, where = -1;
            for (int k = 0; k < a->n; k++) if (strcmp(a->t[k], b->t[k])) { diff++; where = k; }
            if (diff == 1) at = where;
        }
        dy_buf v = {0}, s = {0};
        for (int k = 0; k < a->n; k++) {
            if (k) dy_buf_addc(&v, ' ');
            if (k != at) { dy_buf_adds(&v, a->t[k]); continue; }
            s.len = 0;
            for (size_t j = i; j < alts->len; j++) {
                const alt *b = &DY_VEC_AT(alts, alt, j);
                if (done[j] || b->n != a->n) continue;
                int same = 1;
                for (int q = 0; q < a->n && same; q++) same = q == at || !strcmp(a->t[q], b->t[q]);
                if (same) { set_add(&s, b->t[at]); done[j] = 1; }
            }
            set_write(&v, &s);
        }
        done[i] = 1;
        const char **slot = dy_vec_push(out);
        if (slot) *slot = sdup(I, v.data, v.len); else I->oom = 1;
        dy_buf_free(&v);
        dy_buf_free(&s);
    }
    free(done);
}

enum { SL_WORDS = 1, SL_GAP, SL_T, SL_S, SL_VERB, SL_SRC, SL_TGT, SL_BOTH, SL_SKIP };

typedef struct pslot { int kind; dy_vec alts; } pslot;

/* Writes one pattern line for every combination of the slots' variants. */
static void write_pattern(imp *I, pslot *sl, int ns, const char *code, const char *flags, size_t line)
{
    dy_vec var[MAXSLOT];
    size_t total = 1;
    for (int i = 0; i < ns; i++) {
        var[i] = (dy_vec)DY_VEC_INIT(const char *);
        if (sl[i].kind == SL_WORDS || sl[i].kind == SL_VERB) slot_variants(I, &sl[i].alts, &var[i]);
        if (var[i].len == 0) {
            const char **v = dy_vec_push(&var[i]);
            if (!v) { I->oom = 1; return; }
            *v = sl[i].kind == SL_GAP ? "..." : sl[i].kind == SL_SKIP ? "^" : sl[i].kind == SL_T ? "T" : sl[i].kind == SL_S ? "S" : "?";
        }
        if (total <= MAXCOPIES) total *= var[i].len;
    }
    if (total > MAXCOPIES) {
        rep(I, "the pattern's word classes make %s%zu patterns; only the one-word members are kept", total > MAXCOPIES * 64 ? "over " : "", total);
        for (int i = 0; i < ns; i++) if (var[i].len > 1) var[i].len = 1;
        total = 1;
    }
    size_t idx[MAXSLOT] = {0};
    for (size_t c = 0; c < total; c++) {
        dy_buf_printf(&I->verbs, "%-4s", code);
        for (int i = 0; i < ns; i++) dy_buf_printf(&I->verbs, " %s", DY_VEC_AT(&var[i], const char *, idx[i]));
        if (flags[0]) dy_buf_printf(&I->verbs, " ;%s", flags);
        dy_buf_printf(&I->verbs, "   # %s:%zu\n", I->file, line);
        I->st.patterns++;
        for (int i = ns - 1; i >= 0; i--) { if (++idx[i] < var[i].len) break; idx[i] = 0; }
    }
    for (int i = 0; i < ns; i++) dy_vec_free(&var[i]);
}

static void slots_free(pslot *sl, int ns) { for (int i = 0; i < ns; i++) dy_vec_free(&sl[i].alts); }

/* Splits a pattern into slots: words, word classes, the verb (*), the markers + $ % ^, and a gap
 * where words are separated by a space rather than '_'. Returns the count, -1 (reported). */
static int pattern_slots(imp *I, const char *text, pslot *sl)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", text);
    for (char *p = buf; *p; p++) if (strchr("{}()", *p)) *p = ' ';     /* PETRARCH-2 phrase groups */
    int ns = 0;
    char *p = buf;
    int first = 1;
    while (*p) {
        int space = 0;
        while (*p == ' ' || *p == '\t' || *p == '_') { if (*p != '_') space = 1; p++; }
        if (!*p) break;
        size_t n = strcspn(p, " \t_");
        if (ns + 2 >= MAXSLOT) { rep(I, "the pattern is too long: left out"); slots_free(sl, ns); return -1; }
        if (space && !first) { sl[ns].kind = SL_GAP; sl[ns].alts = (dy_vec)DY_VEC_INIT(alt); ns++; }
        first = 0;
        pslot *s = &sl[ns];
        s->alts = (dy_vec)DY_VEC_INIT(alt);
        s->kind = SL_WORDS;
        if (n == 1 && strchr("*+$%^", *p)) s->kind = *p == '*' ? SL_VERB : *p == '+' ? SL_TGT : *p == '$' ? SL_SRC : *p == '%' ? SL_BOTH : SL_SKIP;
        else if (*p == '&') { if (syn_alts(I, p + 1, n - 1, &s->alts, 0)) { slots_free(sl, ns + 1); return -1; } }
        else {
            char w[256];
            snprintf(w, sizeof w, "%.*s", (int)n, p);
            alt a = {0};
            if (tokens_into(I, w, &a)) { rep(I, "'%s' cannot be a dyad pattern word: pattern left out", w); slots_free(sl, ns + 1); return -1; }
            if (!a.n) { p += n; continue; }
            alt_push(I, &s->alts, &a);
        }
        ns++;
        p += n;
    }
    return ns;
}

/* A slot holding the one word w ("between"). */
static int slot_word(const pslot *s, const char *w)
{
    return s->kind == SL_WORDS && s->alts.len == 1 && DY_VEC_AT(&s->alts, alt, 0).n == 1 &&
           !strcmp(DY_VEC_AT(&s->alts, alt, 0).t[0], w);
}

/* PETRARCH's slot markers as dyad's: a leading $ is the subject dyad takes anyway, a leading %
 * a compound subject whose members act on each other (among), a leading + a target before the
 * verb (rev: the actor at T acts on the subject, so a later $ becomes T); + elsewhere is T, $ is
 * S, % before the verb S (among), % after it T ("agree with %": the subject with each member;
 * "between %": the members with each other, sym), ^ a gap. */
static int map_slots(imp *I, pslot *sl, int ns, int *sym, int *rev, int *among)
{
    int lead = 1, verb = -1, nt = 0, nsrc = 0;
    *sym = *rev = *among = 0;
    for (int i = 0; i < ns; i++) if (sl[i].kind == SL_VERB) verb = i;
    int out = 0;
    for (int i = 0; i < ns; i++) {
        pslot s = sl[i];
        if (lead && (s.kind == SL_GAP || s.kind == SL_SKIP || s.kind == SL_SRC)) { dy_vec_free(&s.alts); continue; }
        if (lead && s.kind == SL_BOTH) { *among = 1; continue; }
        if (lead && s.kind == SL_TGT) { *rev = 1; continue; }
        lead = 0;
        if (s.kind == SL_TGT) s.kind = SL_T;
        else if (s.kind == SL_SRC) s.kind = *rev ? SL_T : SL_S;
        else if (s.kind == SL_BOTH && i < verb) { *among = 1; s.kind = SL_S; }
        else if (s.kind == SL_BOTH) {
            int w = out && sl[out - 1].kind == SL_GAP ? out - 2 : out - 1;
            if (w >= 0 && (slot_word(&sl[w], "between") || slot_word(&sl[w], "among"))) *sym = 1;
            s.kind = SL_T;
        }
        /* a gap beside a skip (^, which spans words itself) or another gap adds nothing */
        if (s.kind == SL_GAP && out && (sl[out - 1].kind == SL_GAP || sl[out - 1].kind == SL_SKIP)) continue;
        if (s.kind == SL_SKIP && out && sl[out - 1].kind == SL_GAP) out--;
        nt += s.kind == SL_T;
        nsrc += s.kind == SL_S;
        sl[out++] = s;
    }
    while (out && (sl[out - 1].kind == SL_GAP || sl[out - 1].kind == SL_SKIP)) out--;
    if (nt > 1 || nsrc > 1) { rep(I, "the pattern has two targets or two sources: left out"); slots_free(sl, out); return -1; }
    if (verb < 0) { rep(I, "the pattern has no verb (*): left out"); slots_free(sl, out); return -1; }
    return out;
}

/* The forms of a verb line ("SAY {SAYS SAID SAYING} [010]", "+BREAK_DOWN {...}", "WIRE_+TAP")
 * as members of the verb slot: the regular forms by dyad's word+, irregular ones as listed. */
static int verb_alts(imp *I, char *s, dy_vec *alts)
{
    char forms[1024] = "";
    char *lb = strchr(s, '{');
    if (lb) {
        char *rb = strchr(lb, '}');
        if (!rb) { rep(I, "'{' without '}' in a verb line: left out"); return -1; }
        snprintf(forms, sizeof forms, "%.*s", (int)(rb - lb - 1), lb + 1);
        *lb = 0;
    }
    char *v = dy_trim(s);
    size_t n = strlen(v);
    while (n && v[n - 1] == '_') v[--n] = 0;
    if (!n) { rep(I, "an empty verb line: left out"); return -1; }
    char *list[64];
    int nl = 0;
    list[nl++] = v;
    for (char *sv = NULL, *f = strtok_r(forms, " \t", &sv); f && nl < 64; f = strtok_r(NULL, " \t", &sv)) list[nl++] = f;
    for (int i = 0; i < nl; i++) {
        char w[512];
        snprintf(w, sizeof w, "%s", list[i]);
        for (char *p = w; *p; p++) if (*p == ' ') *p = '_';
        if (!strchr(w, '+') && strchr(w, '_')) {    /* "LASH_OUT", "LASH OUT": the first word is the verb */
            memmove(w + 1, w, strlen(w) + 1);
            w[0] = '+';
        }
        alt a = {0};
        int bad = 0;
        for (char *sv = NULL, *part = strtok_r(w, "_", &sv); part && !bad; part = strtok_r(NULL, "_", &sv)) {
            int mark = part[0] == '+';
            alt one = {0};
            if (tokens_into(I, part + mark, &one) || one.n == 0 || a.n + one.n > MAXT) { bad = 1; break; }
            for (int k = 0; k < one.n; k++) a.t[a.n++] = one.t[k];
            if (mark && !lb && one.n == 1) {    /* regular forms: dyad's word+ */
                int alpha = 1;
                for (const char *q = one.t[0]; *q && alpha; q++) alpha = dy_isalpha((unsigned char)*q);
                if (alpha) {
                    char tmp[256];
                    snprintf(tmp, sizeof tmp, "%s+", one.t[0]);
                    a.t[a.n - 1] = sdup(I, tmp, strlen(tmp));
                }
            }
        }
        if (bad) { rep(I, "verb form '%s' has a word dyad cannot match: left out", list[i]); continue; }
        if (a.n == 1 && !lb) {
            int alpha = 1;
            for (const char *q = a.t[0]; *q && alpha; q++) alpha = dy_isalpha((unsigned char)*q) || *q == '+';
            if (alpha && !strchr(a.t[0], '+')) {
                char tmp[256];
                snprintf(tmp, sizeof tmp, "%s+", a.t[0]);
                a.t[0] = sdup(I, tmp, strlen(tmp));
            }
        }
        alt_push(I, alts, &a);
    }
    return 0;
}

static void flags_text(char *buf, size_t cap, int sym, int rev, int among, const char *pair)
{
    snprintf(buf, cap, "%s%s%s%s%s", sym ? " sym" : "", among ? " among" : "", rev ? " rev" : "", pair[0] ? " pair=" : "", pair);
}

/* One PETRARCH pattern of a block: its slots mapped, the verb slot the block's verbs. */
static void block_pattern(imp *I, const vpat *vp, const dy_vec *verbs)
{
    I->line = vp->line;
    char code[8], pair[8], flags[32];
    int crev;
    if (!petr_code(I, vp->code, code, pair, &crev)) return;
    pslot sl[MAXSLOT];
    int ns = pattern_slots(I, vp->text, sl), sym, rev, among;
    if (ns < 0 || (ns = map_slots(I, sl, ns, &sym, &rev, &among)) < 0) return;
    rev ^= crev;
    if (!ns) { rep(I, "an empty pattern: left out"); return; }
    for (int i = 0; i < ns; i++) {
        if (sl[i].kind != SL_VERB) continue;
        for (size_t k = 0; k < verbs->len; k++) {
            const vverb *vv = &DY_VEC_AT(verbs, vverb, k);
            for (size_t j = 0; j < vv->alts.len; j++) alt_push(I, &sl[i].alts, &DY_VEC_AT(&vv->alts, alt, j));
        }
    }
    if (sl[0].kind != SL_WORDS && sl[0].kind != SL_VERB) { rep(I, "the pattern does not start with a word: left out"); slots_free(sl, ns); return; }
    flags_text(flags, sizeof flags, sym, rev, among, pair);
    write_pattern(I, sl, ns, code, flags, vp->line);
    slots_free(sl, ns);
}

/* A verb block: every verb alone with its code, then the block's patterns over all its verbs. */
static void block_flush(imp *I, dy_vec *verbs, dy_vec *pats)
{
    for (size_t k = 0; k < verbs->len; k++) {
        vverb *vv = &DY_VEC_AT(verbs, vverb, k);
        I->line = vv->line;
        char code[8], pair[8], flags[32];
        int rev;
        if (!vv->alts.len || !petr_code(I, vv->code, code, pair, &rev) || !strcmp(code, "-")) continue;
        pslot sl[1];
        sl[0].kind = SL_VERB;
        sl[0].alts = vv->alts;
        flags_text(flags, sizeof flags, 0, rev, 0, pair);
        write_pattern(I, sl, 1, code, flags, vv->line);
    }
    for (size_t k = 0; k < pats->len; k++) block_pattern(I, &DY_VEC_AT(pats, vpat, k), verbs);
    for (size_t k = 0; k < verbs->len; k++) dy_vec_free(&DY_VEC_AT(verbs, vverb, k).alts);
    verbs->len = 0;
    pats->len = 0;
}

/* The code in the first [...] of s, cut from s; "" when none. */
static const char *take_code(imp *I, char *s)
{
    char *o = strchr(s, '[');
    if (!o) return "";
    char *e = strchr(o, ']');
    if (!e) { rep(I, "'[' without ']'"); *o = 0; return ""; }
    const char *c = sdup(I, o + 1, (size_t)(e - o - 1));
    *o = 0;
    return c;
}

static void import_verbs(imp *I, const dy_vec *lines)
{
    for (size_t i = 0; i < I->syns.len; i++) dy_vec_free(&DY_VEC_AT(&I->syns, syn, i).ents);
    I->syns.len = 0;
    read_syns(I, lines);
    dy_vec verbs = DY_VEC_INIT(vverb), pats = DY_VEC_INIT(vpat);
    const char *bcode = "---";
    int inblock = 0, insyn = 0;
    dy_buf_printf(&I->verbs, "\n# ---- from %s\n", I->file);
    for (size_t i = 0; i < lines->len && !I->oom; i++) {
        char *s = DY_VEC_AT(lines, pline, i).s;
        I->line = DY_VEC_AT(lines, pline, i).no;
        if (!strncmp(s, "---", 3)) {
            block_flush(I, &verbs, &pats);
            const char *c = take_code(I, s + 3);
            bcode = c[0] ? dy_trim((char *)c) : "---";
            inblock = 1;
            insyn = 0;
            continue;
        }
        if (s[0] == '&') { insyn = 1; continue; }
        if (s[0] == '+' && insyn) continue;
        if (s[0] == '~') { rep(I, "a transformation of coded events needs PETRARCH-2's parse tree: left out"); continue; }
        if (!inblock) { rep(I, "a line outside a verb block (--- NAME [CODE] ---): left out"); continue; }
        if (s[0] == '-') {
            insyn = 0;
            char *t = s + 1;
            const char *c = take_code(I, t);
            if (!c[0]) { rep(I, "a pattern with no code [...]: left out"); continue; }
            vpat *p = dy_vec_push(&pats);
            if (!p) { I->oom = 1; break; }
            p->text = sdup(I, dy_trim(t), strlen(dy_trim(t)));
            p->code = c;
            p->line = I->line;
            continue;
        }
        insyn = 0;
        const char *c = take_code(I, s);
        vverb *v = dy_vec_push(&verbs);
        if (!v) { I->oom = 1; break; }
        v->alts = (dy_vec)DY_VEC_INIT(alt);
        snprintf(v->code, sizeof v->code, "%s", c[0] ? c : bcode);
        v->line = I->line;
        if (verb_alts(I, s, &v->alts)) verbs.len--;
    }
    block_flush(I, &verbs, &pats);
    dy_vec_free(&verbs);
    dy_vec_free(&pats);
}

/* ---- output ---- */

static int import_write_out(const char *dir, const char *name, const dy_buf *b, dy_err *err)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) return dy_err_set(err, DY_EIO, "cannot write %s: %s", path, strerror(errno)), -1;
    int bad = b->len && fwrite(b->data, 1, b->len, f) != b->len;
    if (fclose(f) || bad) return dy_err_set(err, DY_EIO, "cannot write %s: %s", path, strerror(errno)), -1;
    return 0;
}

/* dyad's agents.txt, less the phrases the import gives to another role or to an actor. */
static void merge_agents(imp *I, const char *dyad_dict, const char *text, dy_buf *out)
{
    const char *saved = I->file;
    char name[PATH_MAX + 16], real[PATH_MAX];
    snprintf(name, sizeof name, "%s/agents.txt", realpath(dyad_dict, real) ? real : dyad_dict);
    I->file = name;     /* absolute: not a file of the input directory */
    I->line = 0;
    for (const char *p = text, *nl; p && *p; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        I->line++;
        char buf[8192];
        snprintf(buf, sizeof buf, "%.*s", (int)n, p);
        char *hash = buf;
        while ((hash = strchr(hash, '#')) && hash != buf && !dy_isspace((unsigned char)hash[-1])) hash++;
        char *eq = strchr(buf, '=');
        if (!eq || (hash && hash < eq)) { dy_buf_printf(out, "%s\n", buf); continue; }
        if (hash) *hash = 0;
        *eq = 0;
        dy_buf line = {0};
        dy_buf_printf(&line, "%s=", buf);
        int kept = 0;
        I->owner++;
        char same[48];
        snprintf(same, sizeof same, "the agent %s ", dy_trim(buf));
        for (char *sv = NULL, *ph = strtok_r(eq + 1, "|", &sv); ph; ph = strtok_r(NULL, "|", &sv)) {
            char *t = dy_trim(ph);
            const char *key = phrase_key(I, t);
            if (!key) continue;
            const pent *o = phrase_claim(I, key, "dyad's agents.txt");
            if (o && o->owner != I->owner && strncmp(o->what, same, strlen(same)) != 0) {
                rep(I, "dyad's agent '%s' (%s) gives way to %s", t, dy_trim(buf), o->what);
                continue;
            }
            if (o) continue;
            dy_buf_printf(&line, "%s %s", kept++ ? " |" : "", t);
        }
        if (kept) dy_buf_printf(out, "%s\n", line.data);
        else dy_buf_printf(out, "# %s (every phrase is in the import)\n", dy_trim(buf));
        dy_buf_free(&line);
    }
    I->file = saved;
}

/* dyad's grammar.txt with its mood classes (negate, hypothetical, intent) commented out:
 * PETRARCH codes a verb whatever the modal words around it, and its patterns name those that
 * change the code ("SAID WOULD NOT *", "MAY BE *"), so dyad's moods would drop or recode
 * events the imported dictionaries code. */
static void grammar_moods_off(const char *text, dy_buf *out)
{
    static const char *const moods[] = {"negate", "hypothetical", "intent", "pledge"};
    dy_buf_adds(out, "# dyad dict import: dyad's mood classes are commented out below, as PETRARCH codes a verb\n"
                     "# whatever its modal words and names those that matter in its patterns; remove the '# '\n"
                     "# before negate, hypothetical, intent and pledge to have dyad's moods.\n");
    for (const char *p = text, *nl; p && *p; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        int mood = 0;
        for (size_t i = 0; i < sizeof moods / sizeof *moods && !mood; i++) {
            size_t l = strlen(moods[i]);
            const char *q = p + l;
            while (q < p + n && (*q == ' ' || *q == '\t')) q++;
            mood = n > l && !strncmp(p, moods[i], l) && q < p + n && *q == '=';
        }
        dy_buf_printf(out, "%s%.*s\n", mood ? "# " : "", (int)n, p);
    }
}

static void read_known(imp *I, const char *text)
{
    for (const char *p = text, *nl; p && *p; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        size_t n = strcspn(p, "\t\n");
        if (*p == '#' || !n || !dy_isdigit((unsigned char)*p)) continue;
        const char **slot = dy_vec_push(&I->known);
        if (!slot) { I->oom = 1; return; }
        *slot = sdup(I, p, n);
    }
}


static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

/* Which PETRARCH file it is: 'a'ctors, a'g'ents, 'd'iscards, 'v'erbs, 0 none. */
static int file_kind(const char *name)
{
    if (ends_with(name, ".actors.txt")) return 'a';
    if (ends_with(name, ".agents.txt")) return 'g';
    if (ends_with(name, ".discards.txt")) return 'd';
    char low[256];
    snprintf(low, sizeof low, "%s", name);
    lowcase(low);
    if (strstr(low, "verb") || !strncmp(low, "cameo.", 6)) return 'v';
    return 0;
}

static const char notice[] =
    "# Derived in part from the Phoenix dictionaries, Copyright (c) 2014-2016 Open Event Data Alliance, MIT License\n";

/* Reads the input files in name order: actors first, then agents, discards and verbs. */
static int read_inputs(imp *I, const char *indir, int *phoenix, dy_err *err)
{
    DIR *dh = opendir(indir);
    if (!dh) return dy_err_set(err, DY_EIO, "cannot open %s: %s", indir, strerror(errno)), -1;
    dy_vec names = DY_VEC_INIT(char *);
    for (struct dirent *de; (de = readdir(dh));) {
        if (de->d_name[0] == '.' || !ends_with(de->d_name, ".txt")) continue;
        char **slot = dy_vec_push(&names);
        if (!slot) { I->oom = 1; break; }
        *slot = sdup(I, de->d_name, strlen(de->d_name));
    }
    closedir(dh);
    qsort(names.items, names.len, sizeof(char *), dy_cmp_strp);
    static const char order[] = "agdv";
    for (int pass = 0; pass < 4 && !I->oom; pass++)
        for (size_t i = 0; i < names.len; i++) {
            const char *nm = DY_VEC_AT(&names, char *, i);
            int k = file_kind(nm);
            I->file = nm;
            I->line = 0;
            if (pass == 0 && !k) rep(I, "not a PETRARCH actor, agent, discard or verb dictionary: skipped");
            if (k != order[pass]) continue;
            char path[PATH_MAX];
            snprintf(path, sizeof path, "%s/%s", indir, nm);
            dy_vec lines = DY_VEC_INIT(pline);
            if (petr_lines(I, path, &lines)) { rep(I, "cannot read %s: %s", path, strerror(errno)); continue; }
            if (!strncmp(nm, "Phoenix.", 8) || !strncmp(nm, "CAMEO.", 6) || !strncmp(nm, "PETR.", 5)) *phoenix = 1;
            I->st.files++;
            if (k == 'a') import_actors(I, &lines);
            else if (k == 'g') { import_agents(I, &lines); I->agent_files++; }
            else if (k == 'd') import_discards(I, &lines);
            else import_verbs(I, &lines);
            dy_vec_free(&lines);
        }
    dy_vec_free(&names);
    if (!I->st.files) return dy_err_set(err, DY_EDICT, "no PETRARCH dictionary in %s (*.actors.txt, *.agents.txt, *.discards.txt, *verbs*.txt)", indir), -1;
    return 0;
}

static int write_outputs(imp *I, const char *dyad_dict, const char *outdir, int phoenix, dy_err *err)
{
    static const char *const names[] = {"cameo.txt", "agents.txt", "boilerplate.txt", "grammar.txt", "relations.txt"};
    dy_buf in[5] = {{0}};
    int r = 0;
    for (int i = 0; i < 5 && !r; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dyad_dict, names[i]);
        if (read_file(path, &in[i])) r = (dy_err_set(err, DY_EIO, "cannot read dyad's %s: %s", path, strerror(errno)), -1);
    }
    if (!r && mkdir(outdir, 0777) && errno != EEXIST) r = (dy_err_set(err, DY_EIO, "cannot create %s: %s", outdir, strerror(errno)), -1);
    const char *head = phoenix ? notice : "";
    dy_buf cam = {0}, ag = {0}, bp = {0}, act = {0}, vb = {0};
    if (!r) {
        dy_buf_adds(&cam, in[0].data);
        if (I->extra.len) dy_buf_printf(&cam, "# codes of the imported verbs that CAMEO lacks (dyad dict import)\n");
        for (size_t i = 0; i < I->extra.len; i++) {
            const char *e = DY_VEC_AT(&I->extra, const char *, i);
            size_t n = strcspn(e, "\t");
            dy_buf_printf(&cam, "%.*s\t0\tnot a CAMEO code: from %s\n", (int)n, e, e + n + 1);
        }
        I->st.codes_added = I->extra.len;
        if (!I->agent_files) {
            dy_buf_printf(&ag, "%s# dyad's agents, merged with the imported ones (dyad dict import)\n", head);
            merge_agents(I, dyad_dict, in[1].data, &ag);
        } else
            dy_buf_printf(&ag, "%s# the imported agents (dyad dict import); dyad's own are left out, as the input has an\n"
                               "# agent dictionary of its own and says with it which words name a kind of actor\n", head);
        dy_buf_add(&ag, I->agents.data ? I->agents.data : "", I->agents.len);
        dy_buf_printf(&bp, "%s%s", in[2].data, I->globs.len ? head : "");
        dy_buf_add(&bp, I->globs.data ? I->globs.data : "", I->globs.len);
        dy_buf_printf(&act, "%s# actors imported by dyad dict import (CODE KIND [FROM..TO] = phrases)\n", head);
        dy_buf_add(&act, I->actors.data ? I->actors.data : "", I->actors.len);
        dy_buf_printf(&vb, "%s# verb patterns imported by dyad dict import; each line says where it came from\n", head);
        dy_buf_add(&vb, I->verbs.data ? I->verbs.data : "", I->verbs.len);
        if (I->oom) r = (dy_err_set(err, DY_ENOMEM, "out of memory importing dictionaries"), -1);
    }
    if (!r) r = import_write_out(outdir, "cameo.txt", &cam, err);
    if (!r) r = import_write_out(outdir, "agents.txt", &ag, err);
    if (!r) r = import_write_out(outdir, "boilerplate.txt", &bp, err);
    if (!r) {
        dy_buf gr = {0};
        grammar_moods_off(in[3].data, &gr);
        r = import_write_out(outdir, "grammar.txt", &gr, err);
        dy_buf_free(&gr);
    }
    if (!r) r = import_write_out(outdir, "relations.txt", &in[4], err);
    if (!r) r = import_write_out(outdir, "actors.txt", &act, err);
    if (!r) r = import_write_out(outdir, "verbs.txt", &vb, err);
    for (int i = 0; i < 5; i++) dy_buf_free(&in[i]);
    dy_buf_free(&cam);
    dy_buf_free(&ag);
    dy_buf_free(&bp);
    dy_buf_free(&act);
    dy_buf_free(&vb);
    return r;
}

int dy_import_petrarch(const char *indir, const char *dyad_dict, const char *outdir, dy_buf *report,
                       dy_import_stats *stats, dy_err *err)
{
    imp I;
    memset(&I, 0, sizeof I);
    I.report = report;
    I.ar = dy_arena_create(64 * 1024);
    I.known = (dy_vec)DY_VEC_INIT(const char *);
    I.extra = (dy_vec)DY_VEC_INIT(const char *);
    I.syns = (dy_vec)DY_VEC_INIT(syn);
    int r = I.ar ? 0 : (dy_err_set(err, DY_ENOMEM, "out of memory"), -1);
    dy_buf cam = {0};
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/cameo.txt", dyad_dict);
    if (!r && read_file(path, &cam)) r = (dy_err_set(err, DY_EIO, "cannot read dyad's %s: %s", path, strerror(errno)), -1);
    if (!r) read_known(&I, cam.data);
    dy_buf_free(&cam);
    int phoenix = 0;
    if (!r) r = read_inputs(&I, indir, &phoenix, err);
    if (!r) r = write_outputs(&I, dyad_dict, outdir, phoenix, err);
    if (!r && I.oom) r = (dy_err_set(err, DY_ENOMEM, "out of memory importing dictionaries"), -1);
    if (stats) *stats = I.st;
    for (size_t i = 0; i < I.syns.len; i++) dy_vec_free(&DY_VEC_AT(&I.syns, syn, i).ents);
    dy_vec_free(&I.syns);
    dy_vec_free(&I.known);
    dy_vec_free(&I.extra);
    free(I.tab);
    dy_toks_free(&I.toks);
    dy_buf_free(&I.norm);
    dy_buf_free(&I.actors);
    dy_buf_free(&I.agents);
    dy_buf_free(&I.verbs);
    dy_buf_free(&I.globs);
    dy_arena_destroy(&I.ar);
    return r < 0 ? -1 : I.nrep;
}
