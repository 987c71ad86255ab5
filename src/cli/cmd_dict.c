/* cmd_dict.c - dyad dict check [DIR]; dyad dict stats [DIR]; dyad dict import --from petrarch DIR --out OUTDIR. */
#include "cli.h"
#include "../dy_import.h"
#include "opts.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* Prints report lines ("file:line: problem") each prefixed with dir/ unless its path is absolute. */
static void print_report(const char *dir, const dy_buf *report)
{
    const char *p = report->data;
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(stderr, "%s%s%.*s\n", *p == '/' ? "" : dir, *p == '/' ? "" : "/", (int)l, p);
        p += l + (nl ? 1 : 0);
    }
}

static const cli_opt no_opts[] = {{NULL, 0, NULL, NULL, 0, 0, 0, 0, 0, NULL, NULL}};
static const cli_cmd check_cmd = {"dict check", "[DIR]",
                                  "Validate the dictionaries (DIR, or the ones dyad uses), listing file:line problems.", no_opts, NULL};
static const cli_cmd stats_cmd = {"dict stats", "[DIR]",
                                  "Entries by file and kind, load time and peak memory of the dictionaries.", no_opts, NULL};

/* The one optional operand DIR of check and stats: 0 with *dir set, else the exit status + 1 */
static int dir_operand(const cli_cmd *cmd, int argc, char **argv, const char **dir)
{
    int first, pr = cli_parse(cmd, 0, argc - 1, argv + 1, NULL, &first);
    if (pr) return 1 + (pr > 0 ? DYAD_EXIT_OK : DYAD_EXIT_USAGE);
    if (argc - 1 - first > 1) {
        cli_error("usage is 'dyad %s [DIR]', and DIR defaults to the dictionaries dyad uses", cmd->name);
        return 1 + DYAD_EXIT_USAGE;
    }
    *dir = cli_dict_dir(first < argc - 1 ? argv[1 + first] : NULL);
    return 0;
}

static int dict_check(int argc, char **argv)
{
    const char *dir;
    int dr = dir_operand(&check_cmd, argc, argv, &dir);
    if (dr) return dr - 1;
    dy_buf report = {0};
    dy_err err = {0};
    int n = dy_dict_check(dir, &report, &err);
    if (n < 0) {
        cli_error("%s", err.msg);
        dy_buf_free(&report);
        return DYAD_EXIT_DICT;
    }
    print_report(dir, &report);     /* each line is file:line: problem, relative to the directory */
    dy_buf_free(&report);
    if (n > 0) {
        cli_error("%d problem%s in %s, and each line above says where", n, n == 1 ? "" : "s", dir);
        return DYAD_EXIT_DICT;
    }
    dy_dict *d = NULL;
    if (dy_dict_load(dir, &d, &err) != DY_OK) { cli_error("%s", err.msg); return cli_exit_for(&err, DYAD_EXIT_DICT); }
    size_t a, p, c;
    dy_dict_counts(d, &a, &p, &c);
    printf("%s: ok (%zu actor phrases, %zu verb patterns, %zu CAMEO codes)\n", dir, a, p, c);
    dy_dict_destroy(&d);
    return DYAD_EXIT_OK;
}

/* One line a file: what it added, actor phrases by kind. */
static void stats_file(const dy_dict_file *f, size_t *total_actor)
{
    static const char *const kinds[] = {"", "country", "adj", "capital", "metonym", "igo", "group", "person", "agent", "place", "city", "region"};
    char what[512];
    size_t w = 0, sum = 0;
    what[0] = 0;
    for (int k = 1; k <= DY_AK_REGION; k++) {
        if (!f->by_kind[k]) continue;
        sum += f->by_kind[k];
        w += (size_t)snprintf(what + w, sizeof what - w, "%s%s %u", w ? ", " : "", kinds[k], f->by_kind[k]);
        if (w >= sizeof what) w = sizeof what - 1;
    }
    if (f->patterns || f->classes)
        w += (size_t)snprintf(what + w, sizeof what - w, "%s%u patterns, %u word classes", w ? ", " : "", f->patterns, f->classes);
    if (w < sizeof what && f->codes) w += (size_t)snprintf(what + w, sizeof what - w, "%s%u codes", w ? ", " : "", f->codes);
    if (w < sizeof what && f->other) snprintf(what + w, sizeof what - w, "%s%u entries", w ? ", " : "", f->other);
    *total_actor += sum;
    printf("  %-18s %7u lines  %s\n", f->name, f->lines, what);
}

/* dyad dict stats [DIR]: entries by file and kind, load time and the process's peak memory. */
static int dict_stats(int argc, char **argv)
{
    const char *dir;
    int dr = dir_operand(&stats_cmd, argc, argv, &dir);
    if (dr) return dr - 1;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    dy_dict *d = NULL;
    dy_err err = {0};
    if (dy_dict_load(dir, &d, &err) != DY_OK) { cli_error("%s; run 'dyad dict check %s' for every problem", err.msg, dir); return cli_exit_for(&err, DYAD_EXIT_DICT); }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%s:\n", dir);
    size_t actor = 0;
    for (size_t i = 0; i < dy_dict_nfiles(d); i++) stats_file(dy_dict_file_at(d, i), &actor);
    size_t a, p, c;
    dy_dict_counts(d, &a, &p, &c);
    printf("total: %zu actor and agent entries (%zu distinct phrases), %zu verb patterns, %zu CAMEO codes\n", actor, a, p, c);
    printf("load: %.0f ms; peak memory of the process: %.1f MB\n", ms, (double)ru.ru_maxrss / 1024.0);
    dy_dict_destroy(&d);
    return DYAD_EXIT_OK;
}

static const char import_usage[] =
    "usage is 'dyad dict import --from petrarch DIR --out OUTDIR [--dict DYAD_DICT]', and OUTDIR is best a new directory";

typedef struct import_opts { const char *from, *out, *dict; } import_opts;
static const cli_opt import_table[] = {
    {"from", 0, "FORMAT", "the dictionaries' format: petrarch (PETRARCH and TABARI)", 0, CLI_TEXT, offsetof(import_opts, from), 0,
     0, NULL, NULL},
    {"out", 0, "OUTDIR", "where the dyad dictionary set goes (best a new directory)", 0, CLI_TEXT, offsetof(import_opts, out), 0,
     0, NULL, NULL},
    {"dict", 0, "DIR", "the dyad dictionaries to start from (default: the ones dyad uses)", 0, CLI_TEXT,
     offsetof(import_opts, dict), 0, 0, NULL, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, 0, 0, NULL, NULL},
};
static const cli_cmd import_cmd = {"dict import", "--from petrarch DIR --out OUTDIR [--dict DIR]",
                                   "Convert PETRARCH/TABARI dictionaries (DIR) into a dyad dictionary set.", import_table, NULL};

static int dict_import(int argc, char **argv)
{
    import_opts io = {NULL, NULL, NULL};
    int first, pr = cli_parse(&import_cmd, 0, argc - 1, argv + 1, &io, &first);
    if (pr) return pr > 0 ? DYAD_EXIT_OK : DYAD_EXIT_USAGE;
    const char *from = io.from, *in = first == argc - 2 ? argv[1 + first] : NULL, *out = io.out, *dict = io.dict;
    if (!from || !in || !out) { cli_error("%s", import_usage); return DYAD_EXIT_USAGE; }
    if (strcmp(from, "petrarch") != 0) {
        cli_error("unknown dictionary format '%s', and the one dyad imports is petrarch (PETRARCH and TABARI)", from);
        return DYAD_EXIT_USAGE;
    }
    dict = cli_dict_dir(dict);
    dy_buf report = {0};
    dy_err err = {0};
    dy_import_stats st;
    int n = dy_import_petrarch(in, dict, out, &report, &st, &err);
    print_report(in, &report);
    dy_buf_free(&report);
    if (n < 0) { cli_error("%s", err.msg); return cli_exit_for(&err, DYAD_EXIT_DICT); }
    printf("%s: %zu actor phrases, %zu agent phrases, %zu verb patterns, %zu discards, %zu codes added to cameo.txt, from %zu files\n",
           out, st.actor_phrases, st.agent_phrases, st.patterns, st.discards, st.codes_added, st.files);
    if (n > 0)
        cli_warn("%d entr%s of %s could not be carried over as written, and each line above says why; run 'dyad dict check %s' on the result",
                 n, n == 1 ? "y" : "ies", in, out);
    return DYAD_EXIT_OK;
}

static const cli_cmd dict_cmd = {"dict", "check|stats|import ...", "The dictionaries: 'dyad dict check --help' and so on.",
                                 no_opts,
                                 "commands:\n"
                                 "  check [DIR]            validate the dictionaries, listing file:line problems\n"
                                 "  stats [DIR]            entries by file and kind, load time and peak memory\n"
                                 "  import --from petrarch DIR --out OUTDIR\n"
                                 "                         convert PETRARCH/TABARI dictionaries into a dyad dictionary set\n"};

int cmd_dict(int argc, char **argv)
{
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) { cli_usage(&dict_cmd, 0); return DYAD_EXIT_OK; }
    if (argc >= 2 && !strcmp(argv[1], "check")) return dict_check(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "import")) return dict_import(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "stats")) return dict_stats(argc, argv);
    cli_error("usage is 'dyad dict check [DIR]', 'dyad dict stats [DIR]' or 'dyad dict import --from petrarch DIR --out OUTDIR'");
    return DYAD_EXIT_USAGE;
}
