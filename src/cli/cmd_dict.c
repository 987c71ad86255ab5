/* cmd_dict.c - dyad dict check [DIR]; dyad dict import --from petrarch DIR --out OUTDIR. */
#include "cli.h"
#include "../dy_import.h"

#include <stdio.h>
#include <string.h>

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

static int dict_check(int argc, char **argv)
{
    if (argc > 3) {
        cli_error("usage is 'dyad dict check [DIR]', and DIR defaults to the dictionaries dyad uses");
        return DYAD_EXIT_USAGE;
    }
    const char *dir = cli_dict_dir(argc == 3 ? argv[2] : NULL);
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
    if (dy_dict_load(dir, &d, &err) != DY_OK) { cli_error("%s", err.msg); return DYAD_EXIT_DICT; }
    size_t a, p, c;
    dy_dict_counts(d, &a, &p, &c);
    printf("%s: ok (%zu actor phrases, %zu verb patterns, %zu CAMEO codes)\n", dir, a, p, c);
    dy_dict_destroy(&d);
    return DYAD_EXIT_OK;
}

static const char import_usage[] =
    "usage is 'dyad dict import --from petrarch DIR --out OUTDIR [--dict DYAD_DICT]', and OUTDIR is best a new directory";

static int dict_import(int argc, char **argv)
{
    const char *from = NULL, *in = NULL, *out = NULL, *dict = NULL;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--from") && i + 2 < argc) { from = argv[++i]; in = argv[++i]; }
        else if (!strcmp(argv[i], "--out") && i + 1 < argc) out = argv[++i];
        else if (!strcmp(argv[i], "--dict") && i + 1 < argc) dict = argv[++i];
        else { cli_error("%s", import_usage); return DYAD_EXIT_USAGE; }
    }
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
    if (n < 0) { cli_error("%s", err.msg); return DYAD_EXIT_DICT; }
    printf("%s: %zu actor phrases, %zu agent phrases, %zu verb patterns, %zu discards, %zu codes added to cameo.txt, from %zu files\n",
           out, st.actor_phrases, st.agent_phrases, st.patterns, st.discards, st.codes_added, st.files);
    if (n > 0)
        cli_warn("%d entr%s of %s could not be carried over as written, and each line above says why; run 'dyad dict check %s' on the result",
                 n, n == 1 ? "y" : "ies", in, out);
    return DYAD_EXIT_OK;
}

int cmd_dict(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "check")) return dict_check(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "import")) return dict_import(argc, argv);
    cli_error("usage is 'dyad dict check [DIR]' or 'dyad dict import --from petrarch DIR --out OUTDIR'");
    return DYAD_EXIT_USAGE;
}
