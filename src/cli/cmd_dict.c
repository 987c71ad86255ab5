/* cmd_dict.c - dyad dict check [DIR]. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

int cmd_dict(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "check") != 0 || argc > 3) {
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
    if (report.len) {
        /* each line is file:line: problem, relative to the directory */
        const char *p = report.data;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t l = nl ? (size_t)(nl - p) : strlen(p);
            fprintf(stderr, "%s/%.*s\n", dir, (int)l, p);
            p += l + (nl ? 1 : 0);
        }
    }
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
