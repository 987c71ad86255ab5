/* expect.c - checks dyad's events against hand-written expectations (.expect files), and
 * measures agreement with PETRARCH2's GSR validation records.
 *
 *   test_expect DYAD FILE.expect...        one test per assertion line
 *   test_expect DYAD --gsr RECORDS.tsv MIN_P MIN_R
 *
 * .expect lines:  "+ SRC TGT CODE [DATE]" must be coded; "- SRC TGT CODE" must not;
 * "! TEXT" no event may come from a sentence containing TEXT.
 * SRC, TGT and CODE match by prefix ("RUS" matches RUSGOV, "04" matches 042), "*" matches all.
 * Directives: "file: PATH" (default: the .expect's name with .txt), "date: YYYY-MM-DD" (passed as
 * --date), "optional" (skip quietly when the file is absent, for ../shared material).
 */
#define _POSIX_C_SOURCE 200809L
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct ev { char src[16], tgt[16], code[8], date[16]; char *text; } ev;

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : "";
}

static ev *run_dyad(const char *dyad, const char *args, size_t *n)
{
    char cmd[16384];
    snprintf(cmd, sizeof cmd, "%s code --no-progress %s", dyad, args);
    FILE *p = popen(cmd, "r");
    if (!p) { perror("popen"); exit(2); }
    ev *v = NULL;
    size_t cap = 0;
    *n = 0;
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, p) > 0) {
        cJSON *o = cJSON_Parse(line);
        if (!o) { fprintf(stderr, "bad JSON from dyad: %.80s\n", line); continue; }
        if (*n == cap) { cap = cap ? cap * 2 : 64; v = realloc(v, cap * sizeof *v); }
        ev *e = &v[(*n)++];
        memset(e, 0, sizeof *e);
        snprintf(e->src, sizeof e->src, "%s", str(o, "source"));
        snprintf(e->tgt, sizeof e->tgt, "%s", str(o, "target"));
        snprintf(e->code, sizeof e->code, "%s", str(o, "code"));
        snprintf(e->date, sizeof e->date, "%s", str(o, "date"));
        e->text = strdup(str(o, "text"));
        cJSON_Delete(o);
    }
    free(line);
    pclose(p);
    return v;
}

static int pm(const char *pat, const char *s) { return !strcmp(pat, "*") || !strncmp(pat, s, strlen(pat)); }

static int check_file(const char *dyad, const char *path, int *pass, int *fail)
{
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "cannot open %s\n", path); (*fail)++; return -1; }
    char file[4096] = "", date[32] = "", line[1024];
    int optional = 0;
    /* first pass: directives */
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "file:", 5)) sscanf(line + 5, " %4095s", file);
        else if (!strncmp(line, "date:", 5)) sscanf(line + 5, " %31s", date);
        else if (!strncmp(line, "optional", 8)) optional = 1;
    }
    if (!file[0]) {
        snprintf(file, sizeof file, "%s", path);
        char *dot = strrchr(file, '.');
        if (dot) strcpy(dot, ".txt");
    }
    if (access(file, R_OK) != 0) {
        fclose(f);
        if (optional) { printf("skip %s (%s is absent)\n", path, file); return 0; }
        printf("FAIL %s: %s is missing\n", path, file);
        (*fail)++;
        return -1;
    }
    char args[8192];
    snprintf(args, sizeof args, "%s%s '%s'", date[0] ? "--date " : "", date, file);
    size_t n;
    ev *v = run_dyad(dyad, args, &n);
    rewind(f);
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
    for (size_t i = 0; i < n; i++) free(v[i].text);
    free(v);
    fclose(f);
    return 0;
}

/* ---- GSR agreement at country + country + root ---- */
typedef struct triple { char s[4], t[4], r[3]; } triple;

static int parse_expected(const char *field, triple *out, int max)
{
    int n = 0;
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", field);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ";", &save); tok && n < max; tok = strtok_r(NULL, ";", &save)) {
        char a[64], b[64], c[16];
        if (sscanf(tok, "%63[^,],%63[^,],%15s", a, b, c) != 3) continue;
        snprintf(out[n].s, 4, "%.3s", a[0] == '"' ? "---" : a);
        snprintf(out[n].t, 4, "%.3s", b[0] == '"' ? "---" : b);
        snprintf(out[n].r, 3, "%.2s", c);
        n++;
    }
    return n;
}

static int gsr(const char *dyad, const char *tsv, double minp, double minr)
{
    FILE *f = fopen(tsv, "r");
    if (!f) { printf("skip gsr (%s is absent)\n", tsv); return 0; }
    char tmp[] = "/tmp/dyad-gsr-XXXXXX";
    int fd = mkstemp(tmp);
    FILE *out = fdopen(fd, "w");
    char *line = NULL;
    size_t cap = 0;
    int nrec = 0;
    char ids[128][64];
    triple exp[128][16];
    int nexp[128];
    if (getline(&line, &cap, f) < 0) { fclose(f); fclose(out); unlink(tmp); return 1; }   /* header */
    while (getline(&line, &cap, f) > 0 && nrec < 128) {
        line[strcspn(line, "\n")] = 0;
        char *cols[9] = {0};
        int nc = 0;
        char *p = line;
        while (nc < 9) { cols[nc++] = p; char *t = strchr(p, '\t'); if (!t) break; *t = 0; p = t + 1; }
        if (nc < 6 || strcmp(cols[5], "true") != 0) continue;
        snprintf(ids[nrec], 64, "%s", cols[0]);
        nexp[nrec] = parse_expected(cols[3], exp[nrec], 16);
        char d[16];
        snprintf(d, sizeof d, "%.4s-%.2s-%.2s", cols[1], cols[1] + 4, cols[1] + 6);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", cols[0]);
        cJSON_AddStringToObject(o, "text", cols[2]);
        cJSON_AddStringToObject(o, "date", d);
        char *s = cJSON_PrintUnformatted(o);
        fprintf(out, "%s\n", s);
        cJSON_free(s);
        cJSON_Delete(o);
        nrec++;
    }
    fclose(out);
    fclose(f);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "%.4000s code --no-progress --input jsonl %s", dyad, tmp);
    FILE *pp = popen(cmd, "r");
    int tp = 0, fp = 0, fn = 0;
    static triple got[128][64];
    int ngot[128] = {0};
    while (getline(&line, &cap, pp) > 0) {
        cJSON *o = cJSON_Parse(line);
        if (!o) continue;
        const char *id = cJSON_IsString(cJSON_GetObjectItemCaseSensitive(o, "doc")) ? cJSON_GetObjectItemCaseSensitive(o, "doc")->valuestring : NULL;
        for (int r = 0; r < nrec && id; r++) {
            if (strcmp(ids[r], id) || ngot[r] >= 64) continue;
            triple t;
            snprintf(t.s, 4, "%.3s", str(o, "source"));
            snprintf(t.t, 4, "%.3s", str(o, "target"));
            snprintf(t.r, 3, "%.2s", str(o, "code"));
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
            printf("gsr-diff %s expected", ids[r]);
            for (int e = 0; e < nexp[r]; e++) printf(" %s,%s,%s", exp[r][e].s, exp[r][e].t, exp[r][e].r);
            printf(" | coded");
            for (int g = 0; g < ngot[r]; g++) printf(" %s,%s,%s", got[r][g].s, got[r][g].t, got[r][g].r);
            printf("\n");
        }
    }
    free(line);
    double P = tp + fp ? (double)tp / (tp + fp) : 0, R = tp + fn ? (double)tp / (tp + fn) : 0;
    printf("gsr: %d records, %d expected events, %d coded; country+root precision %.2f recall %.2f (tp %d fp %d fn %d)\n",
           nrec, tp + fn, tp + fp, P, R, tp, fp, fn);
    int ok = P >= minp && R >= minr;
    printf("%s gsr precision >= %.2f and recall >= %.2f\n", ok ? "ok  " : "FAIL", minp, minr);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc < 3) { fprintf(stderr, "usage: test_expect DYAD FILE.expect... | DYAD --gsr TSV MIN_P MIN_R\n"); return 2; }
    if (!strcmp(argv[2], "--gsr")) {
        if (argc != 6) return 2;
        int r = gsr(argv[1], argv[3], atof(argv[4]), atof(argv[5]));
        printf("expect: %d passed, %d failed\n", r ? 0 : 1, r ? 1 : 0);
        return r;
    }
    int pass = 0, fail = 0;
    for (int i = 2; i < argc; i++) check_file(argv[1], argv[i], &pass, &fail);
    printf("expect: %d passed, %d failed\n", pass, fail);
    return fail ? 1 : 0;
}
