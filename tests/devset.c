/* devset.c - scores dyad's events against a set of annotated articles in the dev set's format
 * (../shared/devset/README.md; tests/world/ is ours in the same format):
 *
 *   test_devset DYAD SETDIR MIN_P MIN_R [-v]
 *
 * SETDIR holds articles/NAME.txt and gold.tsv (file, sentence_no, source, target, code, date, note;
 * "-" rows mark sentences with no event). The key is (file, sentence, source country, target
 * country, CAMEO root), country = the first three letters of the code (the whole code for IGOs);
 * emitted events match gold keys one to one, and a second emission of a key is a false positive.
 * Dates are checked on matched events, cut to the gold date's precision. Prints one line an
 * article and the totals, then "devset: N passed, N failed" (one check: both floors met).
 * With -v every false positive, miss and wrong date is listed.
 */
#define _POSIX_C_SOURCE 200809L
#include <cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

typedef struct key { char s[16], t[16], r[3]; } key;
typedef struct gold { char file[128]; int sent; key k; char date[16]; char note[160]; int used; } gold;

static void country_of(char out[16], const char *code)
{
    if (!strncmp(code, "IGO", 3) || !strncmp(code, "NGO", 3)) snprintf(out, 16, "%s", code);
    else snprintf(out, 16, "%.3s", code);
}

static void make_key(key *k, const char *s, const char *t, const char *code)
{
    country_of(k->s, s);
    country_of(k->t, t);
    snprintf(k->r, sizeof k->r, "%.2s", code);
}

static int same(const key *a, const key *b) { return !strcmp(a->s, b->s) && !strcmp(a->t, b->t) && !strcmp(a->r, b->r); }

static const char *jstr(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : "";
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The set's articles coded by one dyad process (what it writes for each is what it writes for
 * that article alone; a process an article cost most of the suite's time, under ASan above all):
 * its lines, each with the document it is of. Returns the exit status (128 + a signal). */
typedef struct out_line { char *json, *doc; } out_line;

static int code_all(const char *dyad, const char *dir, char **files, size_t nf, out_line **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    size_t cap = strlen(dyad) + 64, len;
    char *cmd = malloc(cap);
    if (!cmd) return 2;
    len = (size_t)snprintf(cmd, cap, "%s code --no-progress", dyad);
    for (size_t i = 0; i < nf; i++) {
        size_t need = len + strlen(dir) + strlen(files[i]) + 16;
        if (need >= cap) { cap = need * 2; cmd = realloc(cmd, cap); if (!cmd) return 2; }
        len += (size_t)snprintf(cmd + len, cap - len, " '%s/articles/%s'", dir, files[i]);
    }
    FILE *p = nf ? popen(cmd, "r") : NULL;
    free(cmd);
    if (!p) return nf ? 2 : 0;
    char *line = NULL;
    size_t lcap = 0, ocap = 0;
    while (getline(&line, &lcap, p) > 0) {
        cJSON *o = cJSON_Parse(line);
        if (!o) continue;
        if (*nout == ocap) { ocap = ocap ? ocap * 2 : 256; *out = realloc(*out, ocap * sizeof **out); if (!*out) return 2; }
        (*out)[*nout].json = strdup(line);
        (*out)[(*nout)++].doc = strdup(jstr(o, "doc"));
        cJSON_Delete(o);
    }
    free(line);
    int st = pclose(p);
    return st == -1 ? 1 : WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int main(int argc, char **argv)
{
    if (argc < 5) { fprintf(stderr, "usage: test_devset DYAD SETDIR MIN_P MIN_R [-v]\n"); return 2; }
    const char *dyad = argv[1], *dir = argv[2];
    double minp = atof(argv[3]), minr = atof(argv[4]);
    int verbose = argc > 5 && !strcmp(argv[5], "-v");
    char path[4096];
    snprintf(path, sizeof path, "%s/gold.tsv", dir);
    FILE *f = fopen(path, "r");
    if (!f) { printf("skip %s (absent)\ndevset: 0 passed, 0 failed\n", path); return 0; }
    gold *g = NULL;
    size_t ng = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    int lineno = 0;
    while (getline(&line, &lcap, f) > 0) {
        if (++lineno == 1) continue;
        line[strcspn(line, "\r\n")] = 0;
        char *c[7] = {0};
        int nc = 0;
        for (char *p = line; nc < 7;) { c[nc++] = p; char *t = strchr(p, '\t'); if (!t) break; *t = 0; p = t + 1; }
        if (nc < 6) { if (line[0]) fprintf(stderr, "%s:%d: expected 7 tab-separated columns\n", path, lineno); continue; }
        if (!strcmp(c[2], "-")) continue;           /* a sentence with no event */
        if (ng == cap) { cap = cap ? cap * 2 : 256; g = realloc(g, cap * sizeof *g); if (!g) return 2; }
        gold *x = &g[ng++];
        memset(x, 0, sizeof *x);
        snprintf(x->file, sizeof x->file, "%s", c[0]);
        x->sent = atoi(c[1]);
        make_key(&x->k, c[2], c[3], c[4]);
        snprintf(x->date, sizeof x->date, "%s", c[5]);
        snprintf(x->note, sizeof x->note, "%s", nc > 6 ? c[6] : "");
        /* the README scores distinct keys: two acts of one key in a sentence are one gold key */
        for (size_t q = 0; q + 1 < ng; q++)
            if (g[q].sent == x->sent && !strcmp(g[q].file, x->file) && same(&g[q].k, &x->k)) { ng--; break; }
    }
    fclose(f);

    snprintf(path, sizeof path, "%s/articles", dir);
    DIR *d = opendir(path);
    if (!d) { printf("FAIL %s cannot be read\ndevset: 0 passed, 1 failed\n", path); return 1; }
    char **files = NULL;
    size_t nf = 0, fcap = 0;
    for (struct dirent *de; (de = readdir(d));) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt")) continue;
        if (nf == fcap) { fcap = fcap ? fcap * 2 : 64; files = realloc(files, fcap * sizeof *files); if (!files) return 2; }
        files[nf++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(files, nf, sizeof *files, cmpstr);

    int TP = 0, FP = 0, FN = 0, DOK = 0;
    out_line *all = NULL;
    size_t nall = 0;
    int st = code_all(dyad, dir, files, nf, &all, &nall);
    for (size_t i = 0; i < nf; i++) {
        char doc[8192];
        snprintf(doc, sizeof doc, "%.4000s/articles/%s", dir, files[i]);
        int tp = 0, fp = 0, fn = 0;
        /* keys already emitted in this article: a second emission of a key is a false positive */
        struct seen { int sent; key k; } *seen = NULL;
        size_t nseen = 0, scap = 0;
        for (size_t L = 0; L < nall; L++) {
            if (strcmp(all[L].doc, doc)) continue;
            cJSON *o = cJSON_Parse(all[L].json);
            if (!o) continue;
            const cJSON *sj = cJSON_GetObjectItemCaseSensitive(o, "sent");
            int sent = cJSON_IsNumber(sj) ? sj->valueint : -1;
            key k;
            make_key(&k, jstr(o, "source"), jstr(o, "target"), jstr(o, "code"));
            int dup = 0;
            for (size_t q = 0; q < nseen; q++) if (seen[q].sent == sent && same(&seen[q].k, &k)) dup = 1;
            if (!dup) {
                if (nseen == scap) { scap = scap ? scap * 2 : 64; seen = realloc(seen, scap * sizeof *seen); if (!seen) return 2; }
                seen[nseen].sent = sent;
                seen[nseen++].k = k;
            }
            gold *hit = NULL;
            for (size_t q = 0; q < ng && !dup; q++)
                if (!g[q].used && g[q].sent == sent && !strcmp(g[q].file, files[i]) && same(&g[q].k, &k)) { hit = &g[q]; break; }
            if (!hit) {
                fp++;
                if (verbose) printf("  FP   %s s%d %s %s %s | %.100s\n", files[i], sent, jstr(o, "source"), jstr(o, "target"), jstr(o, "code"), jstr(o, "text"));
            } else {
                hit->used = 1;
                tp++;
                size_t dl = strlen(hit->date);
                if (!strncmp(jstr(o, "date"), hit->date, dl)) DOK++;
                else if (verbose) printf("  DATE %s s%d %s %s %s: %s, gold %s\n", files[i], sent, k.s, k.t, k.r, jstr(o, "date"), hit->date);
            }
            cJSON_Delete(o);
        }
        free(seen);
        for (size_t q = 0; q < ng; q++)
            if (!strcmp(g[q].file, files[i]) && !g[q].used) {
                fn++;
                if (verbose) printf("  FN   %s s%d %s %s %s %s | %s\n", files[i], g[q].sent, g[q].k.s, g[q].k.t, g[q].k.r, g[q].date, g[q].note);
            }
        printf("%-48s tp %3d fp %3d fn %3d\n", files[i], tp, fp, fn);
        TP += tp; FP += fp; FN += fn;
    }
    double P = TP + FP ? (double)TP / (TP + FP) : 0, R = TP + FN ? (double)TP / (TP + FN) : 0;
    double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
    printf("total: %zu articles, %d gold events, %d coded; country+root precision %.3f recall %.3f F1 %.3f; dates right %d/%d\n",
           nf, TP + FN, TP + FP, P, R, F, DOK, TP);
    int ok = P >= minp && R >= minr && st == 0;
    if (st) printf("FAIL dyad code on the set's articles exited with status %d\n", st);
    printf("%s precision >= %.2f and recall >= %.2f\n", ok ? "ok  " : "FAIL", minp, minr);
    printf("devset: %d passed, %d failed\n", ok, !ok);
    for (size_t L = 0; L < nall; L++) { free(all[L].json); free(all[L].doc); }
    free(all);
    for (size_t i = 0; i < nf; i++) free(files[i]);
    free(files);
    free(g);
    free(line);
    return ok ? 0 : 1;
}
