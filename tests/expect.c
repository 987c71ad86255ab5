/* expect.c - checks dyad's events against hand-written expectations (.expect files), and
 * measures agreement with PETRARCH2's GSR validation records.
 *
 *   test_expect DYAD FILE.expect...        one test per assertion line
 *   test_expect DYAD --gsr RECORDS.tsv MIN_P MIN_R [--convention NAME]
 *       PETRARCH2's GSR records; with --convention, coded by `dyad code --convention NAME`
 *       (petrarch: the records' own conventions, docs/coding.md)
 *   test_expect DYAD --codebook SENTENCES.tsv MIN_P MIN_R   tests/codebook (source + target + root)
 *   test_expect DYAD --facts DIR MIN_P MIN_R   dyad facts against the .facts files in DIR (tests/facts/README.md)
 *   test_expect DYAD --petrarch-units RECORDS.tsv DICTDIR MIN_P MIN_R
 *       PETRARCH's unit tests, each evaluated record coded alone (its date as the document's)
 *       with the dictionaries in DICTDIR (imported from the tests' own by dyad dict import);
 *       country + root precision and recall per category and overall, failing below the floor.
 *
 * .expect lines:  "+ SRC TGT CODE [DATE]" must be coded; "- SRC TGT CODE" must not;
 * "! TEXT" no event may come from a sentence containing TEXT.
 * SRC, TGT and CODE match by prefix ("RUS" matches RUSGOV, "04" matches 042), "*" matches all.
 * Directives: "file: PATH" (default: the .expect's name with .txt), "date: YYYY-MM-DD" (passed as
 * --date), "optional" (skip quietly when the file is absent, for ../shared material).
 */
#define _POSIX_C_SOURCE 200809L
#include <cJSON.h>
#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct ev { char src[16], tgt[16], code[8], date[16]; char *text, *doc; } ev;

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : "";
}

/* Runs cmd and reads its JSON Lines into a growing array of items of size bytes: fill sets the
 * zeroed item from one record and returns 0 to drop it. */
static void *read_json(FILE *p, size_t size, size_t *n, int (*fill)(void *item, const cJSON *o))
{
    char *v = NULL;
    size_t cap = 0;
    *n = 0;
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, p) > 0) {
        cJSON *o = cJSON_Parse(line);
        if (!o) { fprintf(stderr, "bad JSON from dyad: %.80s\n", line); continue; }
        if (*n == cap) { cap = cap ? cap * 2 : 64; v = realloc(v, cap * size); }
        memset(v + *n * size, 0, size);
        if (fill(v + *n * size, o)) (*n)++;
        cJSON_Delete(o);
    }
    free(line);
    return v;
}

static void *run_json(const char *cmd, size_t size, size_t *n, int (*fill)(void *item, const cJSON *o))
{
    FILE *p = popen(cmd, "r");
    if (!p) { perror("popen"); exit(2); }
    void *v = read_json(p, size, n, fill);
    pclose(p);
    return v;
}

static int fill_event(void *item, const cJSON *o)
{
    ev *e = item;
    snprintf(e->src, sizeof e->src, "%s", str(o, "source"));
    snprintf(e->tgt, sizeof e->tgt, "%s", str(o, "target"));
    snprintf(e->code, sizeof e->code, "%s", str(o, "code"));
    snprintf(e->date, sizeof e->date, "%s", str(o, "date"));
    e->text = strdup(str(o, "text"));
    e->doc = strdup(str(o, "doc"));
    return 1;
}

/* Reads the events of a popen'ed dyad code and closes it: its exit status (128 + a signal). */
static int read_events(FILE *p, ev **v, size_t *n)
{
    *v = read_json(p, sizeof(ev), n, fill_event);
    int st = pclose(p);
    return st == -1 ? 1 : WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static ev *run_dyad(const char *dyad, const char *args, size_t *n)
{
    char cmd[16384];
    snprintf(cmd, sizeof cmd, "%s code --no-progress %s", dyad, args);
    return run_json(cmd, sizeof(ev), n, fill_event);
}

static int pm(const char *pat, const char *s) { return !strcmp(pat, "*") || !strncmp(pat, s, strlen(pat)); }

/* An .expect file's directives: the article it is about, its --date (or ""), and whether it is
 * optional. Returns the open file, rewound, or NULL. */
static FILE *expect_directives(const char *path, char file[4096], char date[32], int *optional)
{
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    char line[1024];
    file[0] = date[0] = 0;
    *optional = 0;
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "file:", 5)) sscanf(line + 5, " %4095s", file);
        else if (!strncmp(line, "date:", 5)) sscanf(line + 5, " %31s", date);
        else if (!strncmp(line, "optional", 8)) *optional = 1;
    }
    if (!file[0]) {
        snprintf(file, 4096, "%s", path);
        char *dot = strrchr(file, '.');
        if (dot) strcpy(dot, ".txt");
    }
    rewind(f);
    return f;
}

/* The articles of the .expect files with no --date of their own, coded by one dyad process
 * (what it writes for each is what it writes for that article alone: a process for each cost
 * most of the suite's time, under ASan above all); the events keep their "doc". */
typedef struct batch { ev *v; size_t n; int failed; } batch;

static void code_batch(const char *dyad, char **paths, int npaths, batch *b)
{
    size_t cap = strlen(dyad) + 64, len;
    char *cmd = malloc(cap), file[4096], date[32];
    len = (size_t)snprintf(cmd, cap, "%s code --no-progress", dyad);
    int nfiles = 0;
    for (int i = 0; i < npaths; i++) {
        int optional;
        FILE *f = expect_directives(paths[i], file, date, &optional);
        if (!f) continue;
        fclose(f);
        if (date[0] || access(file, R_OK) != 0 || strchr(file, '\'')) continue;
        size_t need = len + strlen(file) + 4;
        if (need >= cap) { cap = need * 2; cmd = realloc(cmd, cap); }
        len += (size_t)snprintf(cmd + len, cap - len, " '%s'", file);
        nfiles++;
    }
    memset(b, 0, sizeof *b);
    if (nfiles) {
        FILE *p = popen(cmd, "r");
        if (!p) { perror("popen"); exit(2); }
        b->failed = read_events(p, &b->v, &b->n);
    }
    free(cmd);
}

static int check_file(const char *dyad, const char *path, const batch *b, int *pass, int *fail)
{
    char file[4096], date[32], line[1024];
    int optional;
    FILE *f = expect_directives(path, file, date, &optional);
    if (!f) { fprintf(stderr, "cannot open %s\n", path); (*fail)++; return -1; }
    if (access(file, R_OK) != 0) {
        fclose(f);
        if (optional) { printf("skip %s (%s is absent)\n", path, file); return 0; }
        printf("FAIL %s: %s is missing\n", path, file);
        (*fail)++;
        return -1;
    }
    size_t n = 0;
    ev *v;
    if (!date[0] && !strchr(file, '\'')) {   /* coded in the batch: a copy of its events */
        v = calloc(b->n + 1, sizeof *v);
        for (size_t i = 0; i < b->n; i++)
            if (!strcmp(b->v[i].doc, file)) { v[n] = b->v[i]; v[n].text = strdup(b->v[i].text); v[n].doc = NULL; n++; }
    } else {
        char args[8192];
        snprintf(args, sizeof args, "%s%s '%s'", date[0] ? "--date " : "", date, file);
        v = run_dyad(dyad, args, &n);
    }
    int lineno = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *hash = strchr(line, '#');
        if (hash) *hash = 0;
        if (line[0] == '!') {
            char *needle = line + 1;
            while (*needle == ' ') needle++;
            needle[strcspn(needle, "\n")] = 0;
            size_t l = strlen(needle);
            while (l && needle[l - 1] == ' ') needle[--l] = 0;
            int hit = 0;
            for (size_t i = 0; i < n; i++) if (strstr(v[i].text, needle)) hit = 1;
            printf("%s %s:%d: no event from \"%s\"\n", hit ? "FAIL" : "ok  ", path, lineno, needle);
            if (hit) { (*fail)++; bad = 1; } else (*pass)++;
            continue;
        }
        char sign, src[32], tgt[32], code[16], d[32] = "";
        int got = sscanf(line, " %c %31s %31s %15s %31s", &sign, src, tgt, code, d);
        if (got < 4 || (sign != '+' && sign != '-')) continue;
        int found = 0;
        for (size_t i = 0; i < n; i++)
            if (pm(src, v[i].src) && pm(tgt, v[i].tgt) && pm(code, v[i].code) && (!d[0] || !strcmp(d, v[i].date))) { found = 1; break; }
        int ok = sign == '+' ? found : !found;
        line[strcspn(line, "\n")] = 0;
        printf("%s %s:%d:%s\n", ok ? "ok  " : "FAIL", path, lineno, line);
        if (ok) (*pass)++; else { (*fail)++; bad = 1; }
    }
    if (bad) {
        printf("     events coded from %s:\n", file);
        for (size_t i = 0; i < n; i++) printf("       %s %s %s %s  | %.90s\n", v[i].src, v[i].tgt, v[i].code, v[i].date, v[i].text);
    }
    for (size_t i = 0; i < n; i++) { free(v[i].text); free(v[i].doc); }
    free(v);
    fclose(f);
    return 0;
}

/* One JSONL record for `dyad code --input jsonl`: id, text, and a YYYYMMDD (or YYYY-MM-DD) date as YYYY-MM-DD. */
static void write_record(FILE *out, const char *id, const char *text, const char *yyyymmdd)
{
    char d[16];
    if (strlen(yyyymmdd) >= 10 && yyyymmdd[4] == '-') snprintf(d, sizeof d, "%.10s", yyyymmdd);
    else snprintf(d, sizeof d, "%.4s-%.2s-%.2s", yyyymmdd, yyyymmdd + 4, yyyymmdd + 6);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", id);
    cJSON_AddStringToObject(o, "text", text);
    cJSON_AddStringToObject(o, "date", d);
    char *s = cJSON_PrintUnformatted(o);
    fprintf(out, "%s\n", s);
    cJSON_free(s);
    cJSON_Delete(o);
}

/* ---- GSR agreement at country + country + root ---- */
typedef struct triple { char s[16], t[16], r[3]; } triple;

/* An actor's key: its country (the first three letters), or with igo_whole an IGO's whole code. */
static void actor_key(char dst[16], const char *code, int igo_whole)
{
    memset(dst, 0, 16);
    snprintf(dst, 16, "%.*s", igo_whole && !strncmp(code, "IGO", 3) ? 15 : 3, code[0] == '"' ? "---" : code);
}

static void make_triple(triple *t, const char *s, const char *tg, const char *code, int igo_whole)
{
    memset(t, 0, sizeof *t);
    actor_key(t->s, s, igo_whole);
    actor_key(t->t, tg, igo_whole);
    snprintf(t->r, 3, "%.2s", code);
}

static int parse_expected(const char *field, triple *out, int max, int igo_whole)
{
    int n = 0;
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", field);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ";", &save); tok && n < max; tok = strtok_r(NULL, ";", &save)) {
        char a[64], b[64], c[16];
        if (sscanf(tok, "%63[^,],%63[^,],%15s", a, b, c) != 3) continue;
        make_triple(&out[n], a, b, c, igo_whole);
        n++;
    }
    return n;
}

/* PETRARCH2's GSR records (codebook 0: only rows whose sixth column is "true", countries by
 * their first three letters), or our codebook sentences (tests/codebook/sentences.tsv: every
 * row, IGO codes whole). The same columns: id, date, text, expected "SRC,TGT,CODE;...". */
enum { GSR_MAX = 512 };
static int gsr(const char *dyad, const char *tsv, double minp, double minr, int codebook, const char *conv)
{
    const char *label = codebook ? "codebook" : "gsr";
    FILE *f = fopen(tsv, "r");
    if (!f) { printf("skip %s (%s is absent)\n", label, tsv); return 0; }
    char tmp[] = "/tmp/dyad-gsr-XXXXXX";
    int fd = mkstemp(tmp);
    FILE *out = fdopen(fd, "w");
    char *line = NULL;
    size_t cap = 0;
    int nrec = 0;
    static char ids[GSR_MAX][64];
    static triple exp[GSR_MAX][16];
    static int nexp[GSR_MAX];
    if (getline(&line, &cap, f) < 0) { fclose(f); fclose(out); unlink(tmp); return 1; }   /* header */
    while (getline(&line, &cap, f) > 0 && nrec < GSR_MAX) {
        line[strcspn(line, "\n")] = 0;
        char *cols[9] = {0};
        int nc = 0;
        char *p = line;
        while (nc < 9) { cols[nc++] = p; char *t = strchr(p, '\t'); if (!t) break; *t = 0; p = t + 1; }
        if (codebook ? nc < 3 : nc < 6 || strcmp(cols[5], "true") != 0) continue;
        snprintf(ids[nrec], 64, "%s", cols[0]);
        nexp[nrec] = nc > 3 ? parse_expected(cols[3], exp[nrec], 16, codebook) : 0;
        write_record(out, cols[0], cols[2], cols[1]);
        nrec++;
    }
    fclose(out);
    fclose(f);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "%.4000s code --no-progress --input jsonl%s%.32s %s", dyad, conv ? " --convention " : "",
             conv ? conv : "", tmp);
    FILE *pp = popen(cmd, "r");
    int tp = 0, fp = 0, fn = 0;
    static triple got[GSR_MAX][64];
    static int ngot[GSR_MAX];
    memset(ngot, 0, sizeof ngot);
    while (getline(&line, &cap, pp) > 0) {
        cJSON *o = cJSON_Parse(line);
        if (!o) continue;
        const char *id = cJSON_IsString(cJSON_GetObjectItemCaseSensitive(o, "doc")) ? cJSON_GetObjectItemCaseSensitive(o, "doc")->valuestring : NULL;
        for (int r = 0; r < nrec && id; r++) {
            if (strcmp(ids[r], id) || ngot[r] >= 64) continue;
            triple t;
            make_triple(&t, str(o, "source"), str(o, "target"), str(o, "code"), codebook);
            int dup = 0;
            for (int k = 0; k < ngot[r]; k++) if (!memcmp(&got[r][k], &t, sizeof t)) dup = 1;
            if (!dup) got[r][ngot[r]++] = t;
            break;
        }
        cJSON_Delete(o);
    }
    pclose(pp);
    unlink(tmp);
    for (int r = 0; r < nrec; r++) {
        int used[64] = {0};
        for (int e = 0; e < nexp[r]; e++) {
            int hit = 0;
            for (int g = 0; g < ngot[r]; g++)
                if (!used[g] && !strcmp(exp[r][e].s, got[r][g].s) && !strcmp(exp[r][e].t, got[r][g].t) && !strcmp(exp[r][e].r, got[r][g].r)) { used[g] = 1; hit = 1; break; }
            if (hit) tp++; else fn++;
        }
        for (int g = 0; g < ngot[r]; g++) if (!used[g]) fp++;
        if (getenv("GSR_VERBOSE")) {    /* one line a record that disagrees: expected | coded */
            int any = 0;
            for (int g = 0; g < ngot[r]; g++) if (!used[g]) any = 1;
            for (int e = 0; e < nexp[r] && !any; e++) {
                int hit = 0;
                for (int g = 0; g < ngot[r]; g++) if (!strcmp(exp[r][e].s, got[r][g].s) && !strcmp(exp[r][e].t, got[r][g].t) && !strcmp(exp[r][e].r, got[r][g].r)) hit = 1;
                if (!hit) any = 1;
            }
            if (!any) continue;
            printf("%s-diff %s expected", label, ids[r]);
            for (int e = 0; e < nexp[r]; e++) printf(" %s,%s,%s", exp[r][e].s, exp[r][e].t, exp[r][e].r);
            printf(" | coded");
            for (int g = 0; g < ngot[r]; g++) printf(" %s,%s,%s", got[r][g].s, got[r][g].t, got[r][g].r);
            printf("\n");
        }
    }
    free(line);
    double P = tp + fp ? (double)tp / (tp + fp) : 0, R = tp + fn ? (double)tp / (tp + fn) : 0;
    printf("%s: %d records, %d expected events, %d coded; country+root precision %.2f recall %.2f F1 %.2f (tp %d fp %d fn %d)%s%.32s\n",
           label, nrec, tp + fn, tp + fp, P, R, P + R > 0 ? 2 * P * R / (P + R) : 0, tp, fp, fn,
           conv ? "; convention " : "", conv ? conv : "");
    int ok = P >= minp && R >= minr;
    printf("%s %s precision >= %.2f and recall >= %.2f\n", ok ? "ok  " : "FAIL", label, minp, minr);
    return ok ? 0 : 1;
}

/* ---- PETRARCH's unit tests, coded with dictionaries imported from its own (country + root) ---- */
typedef struct unit { char cat[32]; triple exp[24]; int nexp; triple got[64]; int ngot; } unit;
typedef struct tally { char cat[32]; int recs, tp, fp, fn; } tally;

static void tally_add(tally *t, const unit *u, int tp, int fp, int fn)
{
    t->recs++;
    t->tp += tp;
    t->fp += fp;
    t->fn += fn;
    (void)u;
}

static void tally_print(const tally *t)
{
    double P = t->tp + t->fp ? (double)t->tp / (t->tp + t->fp) : 0, R = t->tp + t->fn ? (double)t->tp / (t->tp + t->fn) : 0;
    printf("units %-10s %3d records %3d expected %3d coded  precision %.2f recall %.2f (tp %d fp %d fn %d)\n",
           t->cat, t->recs, t->tp + t->fn, t->tp + t->fp, P, R, t->tp, t->fp, t->fn);
}

/* Writes the evaluated records as JSON Lines (id "uN", the sentence, its date); returns the count. */
static int units_read(const char *tsv, const char *jsonl, unit **out)
{
    FILE *f = fopen(tsv, "r"), *o = fopen(jsonl, "w");
    if (!f || !o) { if (f) fclose(f); if (o) fclose(o); return -1; }
    char *line = NULL;
    size_t cap = 0;
    int n = 0, capu = 0;
    unit *v = NULL;
    if (getline(&line, &cap, f) < 0) n = -1;   /* header */
    while (n >= 0 && getline(&line, &cap, f) > 0) {
        line[strcspn(line, "\n")] = 0;
        char *cols[9] = {0};
        int nc = 0;
        for (char *p = line; nc < 9;) { cols[nc++] = p; char *t = strchr(p, '\t'); if (!t) break; *t = 0; p = t + 1; }
        if (nc < 6 || strcmp(cols[5], "true") != 0) continue;
        if (n == capu) { capu = capu ? capu * 2 : 256; v = realloc(v, (size_t)capu * sizeof *v); }
        unit *u = &v[n];
        memset(u, 0, sizeof *u);
        snprintf(u->cat, sizeof u->cat, "%s", cols[4]);
        u->nexp = parse_expected(cols[3], u->exp, 24, 0);
        char id[16];
        snprintf(id, sizeof id, "u%d", n);
        write_record(o, id, cols[2], cols[1]);
        n++;
    }
    free(line);
    fclose(f);
    fclose(o);
    *out = v;
    return n;
}

static int units(const char *dyad, const char *tsv, const char *dict, double minp, double minr)
{
    if (access(tsv, R_OK) != 0) { printf("skip units (%s is absent)\n", tsv); return 0; }
    char tmp[] = "/tmp/dyad-units-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) { perror("mkstemp"); return 1; }
    close(fd);
    unit *u = NULL;
    int nu = units_read(tsv, tmp, &u);
    if (nu <= 0) { unlink(tmp); printf("FAIL units: cannot read %s\n", tsv); return 1; }
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "%.3000s code --no-progress --dict '%.3000s' --input jsonl %s", dyad, dict, tmp);
    FILE *pp = popen(cmd, "r");
    char *line = NULL;
    size_t cap = 0;
    while (pp && getline(&line, &cap, pp) > 0) {
        cJSON *o = cJSON_Parse(line);
        if (!o) continue;
        const char *id = str(o, "doc");
        int r = id[0] == 'u' ? atoi(id + 1) : -1;
        if (r >= 0 && r < nu && u[r].ngot < 64) {
            triple t;
            make_triple(&t, str(o, "source"), str(o, "target"), str(o, "code"), 0);
            int dup = 0;
            for (int k = 0; k < u[r].ngot; k++) if (!memcmp(&u[r].got[k], &t, sizeof t)) dup = 1;
            if (!dup) u[r].got[u[r].ngot++] = t;
        }
        cJSON_Delete(o);
    }
    free(line);
    if (pp) pclose(pp);
    unlink(tmp);
    tally all = {"overall", 0, 0, 0, 0}, cats[64];
    int ncat = 0;
    for (int r = 0; r < nu; r++) {
        int used[64] = {0}, tp = 0, fn = 0, fp = 0;
        for (int e = 0; e < u[r].nexp; e++) {
            int hit = 0;
            for (int g = 0; g < u[r].ngot && !hit; g++)
                if (!used[g] && !memcmp(&u[r].exp[e], &u[r].got[g], sizeof(triple))) used[g] = hit = 1;
            if (hit) tp++; else fn++;
        }
        for (int g = 0; g < u[r].ngot; g++) fp += !used[g];
        int c = 0;
        while (c < ncat && strcmp(cats[c].cat, u[r].cat)) c++;
        if (c == ncat && ncat < 64) { memset(&cats[ncat], 0, sizeof cats[ncat]); snprintf(cats[ncat].cat, 32, "%s", u[r].cat); ncat++; }
        if (c < ncat) tally_add(&cats[c], &u[r], tp, fp, fn);
        tally_add(&all, &u[r], tp, fp, fn);
        if (getenv("UNITS_VERBOSE") && (fp || fn)) {
            printf("units-diff %d %s expected", r, u[r].cat);
            for (int e = 0; e < u[r].nexp; e++) printf(" %s,%s,%s", u[r].exp[e].s, u[r].exp[e].t, u[r].exp[e].r);
            printf(" | coded");
            for (int g = 0; g < u[r].ngot; g++) printf(" %s,%s,%s", u[r].got[g].s, u[r].got[g].t, u[r].got[g].r);
            printf("\n");
        }
    }
    for (int c = 0; c < ncat; c++) tally_print(&cats[c]);
    tally_print(&all);
    free(u);
    double P = all.tp + all.fp ? (double)all.tp / (all.tp + all.fp) : 0, R = all.tp + all.fn ? (double)all.tp / (all.tp + all.fn) : 0;
    int ok = P >= minp && R >= minr;
    printf("%s units precision %.2f >= %.2f and recall %.2f >= %.2f (country + root)\n", ok ? "ok  " : "FAIL", P, minp, R, minr);
    return ok ? 0 : 1;
}

/* ---- facts: dyad facts against hand-written .facts files (tests/facts/README.md) ---- */
enum { FK_N = 10 };
static const char *const fk_names[FK_N] = {"partnership", "tier_order", "treaty", "trade", "trade_share",
                                           "ratio", "milestone", "sanction", "veto", "?"};

typedef struct pfact {
    int kind, nact, used;
    char act[4][16];
    int year;           /* 0 null */
    char tier[128], higher[128], lower[128], name[256], clauses[128], currency[8];
    int rank;           /* -1 null */
    double value, max;
    char *text;
} pfact;

static int fk_of(const char *k)
{
    for (int i = 0; i < FK_N - 1; i++) if (!strcmp(k, fk_names[i])) return i;
    return FK_N - 1;
}

static void lower_in(char *s) { for (; *s; s++) *s = (char)tolower((unsigned char)*s); }

static char *trim_in(char *s)
{
    while (*s && isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = 0;
    return s;
}

static double num(const cJSON *o, const char *k, int *has)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    if (has) *has = cJSON_IsNumber(v);
    return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

/* a treaty's later stages are scored by the relations tests (tests/golden/relation-*), not here */
static int fill_fact(void *item, const cJSON *o)
{
    pfact *f = item;
    if (!strcmp(str(o, "kind"), "treaty_stage")) return 0;
    f->kind = fk_of(str(o, "kind"));
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(o, "actors"), *x;
    cJSON_ArrayForEach(x, a) if (cJSON_IsString(x) && f->nact < 4) snprintf(f->act[f->nact++], 16, "%s", x->valuestring);
    f->year = (int)num(o, "year", NULL);
    snprintf(f->tier, sizeof f->tier, "%s", str(o, "tier"));
    snprintf(f->higher, sizeof f->higher, "%s", str(o, "higher"));
    snprintf(f->lower, sizeof f->lower, "%s", str(o, "lower"));
    snprintf(f->name, sizeof f->name, "%s", str(o, "name"));
    lower_in(f->tier), lower_in(f->higher), lower_in(f->lower), lower_in(f->name);
    int has;
    f->rank = (int)num(o, "rank", &has);
    if (!has) f->rank = -1;
    const cJSON *cl = cJSON_GetObjectItemCaseSensitive(o, "clauses");
    cJSON_ArrayForEach(x, cl) if (cJSON_IsString(x)) {
        if (f->clauses[0]) strncat(f->clauses, ",", sizeof f->clauses - strlen(f->clauses) - 1);
        strncat(f->clauses, x->valuestring, sizeof f->clauses - strlen(f->clauses) - 1);
    }
    if (!cl) strcpy(f->clauses, "-");
    snprintf(f->currency, sizeof f->currency, "%s", str(o, "currency"));
    if (f->kind == 3) {
        int u;
        f->value = num(o, "usd", &u);
        f->max = num(o, "usd_max", NULL);
        if (u) strcpy(f->currency, "USD");
        else { f->value = num(o, "amount", NULL); f->max = num(o, "amount_max", NULL); }
    } else if (f->kind == 4) f->value = num(o, "share", NULL);
    else if (f->kind == 5) f->value = num(o, "value", NULL);
    else if (f->kind == 6) f->value = num(o, "gap_years", NULL);
    if (f->max <= f->value) f->max = 0;
    f->text = strdup(str(o, "text"));
    return 1;
}

static pfact *run_facts(const char *dyad, const char *args, size_t *n)
{
    char cmd[16384];
    snprintf(cmd, sizeof cmd, "%s facts --no-progress %s", dyad, args);
    return run_json(cmd, sizeof(pfact), n, fill_fact);
}

static int same_num(double a, double b) { return fabs(a - b) <= 0.005 * fmax(fabs(a), fabs(b)) + 1e-9; }

/* do the expected codes e[0..ne) match the output actors g[0..ng) one to one (ordered or not)? */
static int act_match(char e[][16], int ne, char g[][16], int ng, int ordered)
{
    if (ne != ng) return 0;
    if (ordered) {
        for (int i = 0; i < ne; i++) if (strncmp(e[i], g[i], strlen(e[i]))) return 0;
        return 1;
    }
    int used[4] = {0};
    for (int i = 0; i < ne; i++) {
        int hit = 0;
        for (int j = 0; j < ng && !hit; j++)
            if (!used[j] && !strncmp(e[i], g[j], strlen(e[i]))) used[j] = hit = 1;
        if (!hit) return 0;
    }
    return 1;
}

static int clause_set_eq(const char *a, const char *b)
{
    char x[128], y[128];
    snprintf(x, sizeof x, "%s", a);
    snprintf(y, sizeof y, "%s", b);
    int nx = 0, ny = 0;
    char *s1 = NULL;
    for (char *t = strtok_r(x, ",", &s1); t; t = strtok_r(NULL, ",", &s1)) { nx++; if (strcmp(t, "-") && !strstr(b, t)) return 0; if (!strcmp(t, "-")) nx--; }
    for (char *t = strtok_r(y, ",", &s1); t; t = strtok_r(NULL, ",", &s1)) if (strcmp(t, "-")) ny++;
    return nx == ny;
}

/* one expected line against one output fact */
static int fact_match(int kind, char *fields[], int nf, const pfact *g)
{
    if (g->kind != kind) return 0;
    /* actors */
    char e[4][16];
    int ne = 0, ordered = kind == 4 || kind == 7 || kind == 8;
    char acts[256];
    snprintf(acts, sizeof acts, "%s", fields[0]);
    if (kind == 5) {
        char *slash = strchr(acts, '/');
        if (!slash || g->nact != 4) return 0;
        *slash = 0;
        char a1[2][16], a2[2][16];
        int n1 = sscanf(acts, "%15s %15s", a1[0], a1[1]), n2 = sscanf(slash + 1, "%15s %15s", a2[0], a2[1]);
        if (!act_match(a1, n1, (char (*)[16])g->act[0], 2, 0) || !act_match(a2, n2, (char (*)[16])g->act[2], 2, 0)) return 0;
    } else {
        char *s1 = NULL;
        for (char *t = strtok_r(acts, " \t", &s1); t && ne < 4; t = strtok_r(NULL, " \t", &s1)) snprintf(e[ne++], 16, "%s", t);
        if (!act_match(e, ne, (char (*)[16])g->act, g->nact, ordered)) return 0;
    }
    for (int i = 1; i < nf; i++) {
        char key[32] = "", *val = fields[i];
        size_t k = strcspn(val, " \t");
        snprintf(key, sizeof key, "%.*s", (int)(k < 31 ? k : 31), val);
        val = trim_in(val + k);
        char lv[256];
        snprintf(lv, sizeof lv, "%s", val);
        lower_in(lv);
        if (!strcmp(key, "tier")) { if (strcmp(lv, g->tier)) return 0; }
        else if (!strcmp(key, "rank")) { if ((!strcmp(lv, "null") ? -1 : atoi(lv)) != g->rank) return 0; }
        else if (!strcmp(key, "higher")) { if (strcmp(lv, g->higher)) return 0; }
        else if (!strcmp(key, "lower")) { if (strcmp(lv, g->lower)) return 0; }
        else if (!strcmp(key, "name")) { if (!strstr(g->name, lv)) return 0; }
        else if (!strcmp(key, "clauses")) { if (!clause_set_eq(val, g->clauses)) return 0; }
        else if (!strcmp(key, "value") || !strcmp(key, "share") || !strcmp(key, "gap")) { if (!same_num(atof(val), g->value)) return 0; }
        else if (!strcmp(key, "max")) { if (!same_num(atof(val), g->max)) return 0; }
        else if (!strcmp(key, "currency")) { if (strcmp(val, g->currency)) return 0; }
        else if (!strcmp(key, "year")) { if (atoi(val) != g->year) return 0; }
        else { fprintf(stderr, "unknown field '%s'\n", key); return 0; }
    }
    return 1;
}

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int facts_suite(const char *dyad, const char *dir, double minp, double minr)
{
    DIR *d = opendir(dir);
    if (!d) { printf("skip facts (%s is absent)\n", dir); return 0; }
    char *names[512];
    int nn = 0;
    struct dirent *de;
    while ((de = readdir(d)) && nn < 512) {
        size_t l = strlen(de->d_name);
        if (l > 6 && !strcmp(de->d_name + l - 6, ".facts")) names[nn++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, (size_t)nn, sizeof *names, cmp_cstr);
    int tp[FK_N] = {0}, fp[FK_N] = {0}, fn[FK_N] = {0}, nones = 0, none_bad = 0;
    int verbose = getenv("FACTS_VERBOSE") != NULL;
    for (int a = 0; a < nn; a++) {
        char path[4096], file[4096], date[32] = "", line[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[a]);
        snprintf(file, sizeof file, "%s", path);
        strcpy(file + strlen(file) - 6, ".txt");
        FILE *f = fopen(path, "r");
        if (!f) continue;
        while (fgets(line, sizeof line, f)) if (!strncmp(line, "date:", 5)) sscanf(line + 5, " %31s", date);
        rewind(f);
        char args[8300];
        snprintf(args, sizeof args, "%s%s '%s'", date[0] ? "--date " : "", date, file);
        size_t n;
        pfact *g = run_facts(dyad, args, &n);
        while (fgets(line, sizeof line, f)) {
            char *hash = strchr(line, '#');
            if (hash) *hash = 0;
            char *fields[16];
            int nf = 0;
            char *s1 = NULL;
            if (!strchr(line, '|')) continue;
            for (char *t = strtok_r(line, "|", &s1); t && nf < 16; t = strtok_r(NULL, "|", &s1)) fields[nf++] = trim_in(t);
            if (nf < 2) continue;
            if (!strcmp(fields[0], "none")) {
                nones++;
                for (size_t i = 0; i < n; i++)
                    if (strstr(g[i].text, fields[1])) {
                        none_bad++;
                        if (verbose) printf("none-violated %s: %s from \"%s\"\n", names[a], fk_names[g[i].kind], fields[1]);
                        break;
                    }
                continue;
            }
            int kind = fk_of(fields[0]);
            if (kind == FK_N - 1) { printf("FAIL %s: unknown kind '%s'\n", names[a], fields[0]); continue; }
            int hit = 0;
            for (size_t i = 0; i < n && !hit; i++)
                if (!g[i].used && fact_match(kind, fields + 1, nf - 1, &g[i])) g[i].used = hit = 1;
            if (hit) tp[kind]++;
            else {
                fn[kind]++;
                if (verbose) {
                    printf("FN %s: %s", names[a], fields[0]);
                    for (int i = 1; i < nf; i++) printf(" | %s", fields[i]);
                    printf("\n");
                }
            }
        }
        for (size_t i = 0; i < n; i++) {
            if (!g[i].used) {
                fp[g[i].kind]++;
                if (verbose) {
                    printf("FP %s: %s |", names[a], fk_names[g[i].kind]);
                    for (int k = 0; k < g[i].nact; k++) printf(" %s", g[i].act[k]);
                    printf(" | %s%s%s%s %.6g %.6g %s y%d r%d {%s} | %.100s\n", g[i].tier, g[i].higher, g[i].name[0] ? g[i].name : "",
                           g[i].lower, g[i].value, g[i].max, g[i].currency, g[i].year, g[i].rank, g[i].clauses, g[i].text);
                }
            }
            free(g[i].text);
        }
        free(g);
        fclose(f);
        free(names[a]);
    }
    int T = 0, P = 0, N = 0;
    printf("facts: %-12s %5s %5s %5s  %9s %6s %6s\n", "kind", "tp", "fp", "fn", "precision", "recall", "f1");
    for (int k = 0; k < FK_N - 1; k++) {
        if (!tp[k] && !fp[k] && !fn[k]) continue;
        double p = tp[k] + fp[k] ? (double)tp[k] / (tp[k] + fp[k]) : 0, r = tp[k] + fn[k] ? (double)tp[k] / (tp[k] + fn[k]) : 0;
        printf("facts: %-12s %5d %5d %5d  %9.2f %6.2f %6.2f\n", fk_names[k], tp[k], fp[k], fn[k], p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
        T += tp[k], P += fp[k], N += fn[k];
    }
    if (fp[FK_N - 1]) P += fp[FK_N - 1];
    double p = T + P ? (double)T / (T + P) : 0, r = T + N ? (double)T / (T + N) : 0, f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("facts: %-12s %5d %5d %5d  %9.2f %6.2f %6.2f\n", "overall", T, P, N, p, r, f1);
    printf("facts: %d articles; %d of %d sentences marked none yield a fact\n", nn, none_bad, nones);
    int ok = p >= minp && r >= minr;
    printf("%s facts precision >= %.2f and recall >= %.2f\n", ok ? "ok  " : "FAIL", minp, minr);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_expect DYAD FILE.expect... | DYAD --gsr TSV MIN_P MIN_R [--convention NAME] | DYAD --petrarch-units TSV DICTDIR MIN_P MIN_R | DYAD --codebook TSV MIN_P MIN_R | DYAD --facts DIR MIN_P MIN_R\n");
        return 2;
    }
    if (!strcmp(argv[2], "--facts")) {
        if (argc != 6) return 2;
        int r = facts_suite(argv[1], argv[3], atof(argv[4]), atof(argv[5]));
        printf("expect: %d passed, %d failed\n", r ? 0 : 1, r ? 1 : 0);
        return r;
    }
    if (!strcmp(argv[2], "--petrarch-units")) {
        if (argc != 7) return 2;
        int r = units(argv[1], argv[3], argv[4], atof(argv[5]), atof(argv[6]));
        printf("expect: %d passed, %d failed\n", r ? 0 : 1, r ? 1 : 0);
        return r;
    }
    if (!strcmp(argv[2], "--codebook")) {
        if (argc != 6) return 2;
        int r = gsr(argv[1], argv[3], atof(argv[4]), atof(argv[5]), 1, NULL);
        printf("expect: %d passed, %d failed\n", r ? 0 : 1, r ? 1 : 0);
        return r;
    }
    if (!strcmp(argv[2], "--gsr")) {
        const char *conv = argc == 8 && !strcmp(argv[6], "--convention") ? argv[7] : NULL;
        if (argc != 6 && !conv) return 2;
        for (const char *q = conv; q && *q; q++)
            if (!isalnum((unsigned char)*q)) { fprintf(stderr, "test_expect: --convention takes a word, not '%s'\n", conv); return 2; }
        int r = gsr(argv[1], argv[3], atof(argv[4]), atof(argv[5]), 0, conv);
        printf("expect: %d passed, %d failed\n", r ? 0 : 1, r ? 1 : 0);
        return r;
    }
    int pass = 0, fail = 0;
    batch b;
    code_batch(argv[1], argv + 2, argc - 2, &b);
    if (b.failed) { printf("FAIL dyad code on the articles of the .expect files exited with status %d\n", b.failed); fail++; }
    for (int i = 2; i < argc; i++) check_file(argv[1], argv[i], &b, &pass, &fail);
    for (size_t i = 0; i < b.n; i++) { free(b.v[i].text); free(b.v[i].doc); }
    free(b.v);
    printf("expect: %d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
