/* opts.c - a command's option table to getopt_long, its usage and its errors (opts.h). */
#define _POSIX_C_SOURCE 200809L
#include "opts.h"
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_OPTS = 64, LONG = 256, HELP = LONG + MAX_OPTS };     /* getopt_long values: LONG + index */

static int takes(const cli_opt *o, unsigned mode) { return !o->modes || !mode || (o->modes & mode); }

/* "  -j, --jobs N" */
static int opt_label(char *buf, size_t size, const cli_opt *o)
{
    char shrt[8] = "    ";
    if (o->letter) snprintf(shrt, sizeof shrt, "-%c, ", o->letter);
    return snprintf(buf, size, "  %s--%s%s%s", shrt, o->name, o->arg ? " " : "", o->arg ? o->arg : "");
}

static void print_opt(const cli_opt *o, int width)
{
    char label[128];
    int n = opt_label(label, sizeof label, o);
    if (n > width) printf("%s\n%*s  %s\n", label, width, "", o->help);     /* too long: the help below */
    else printf("%-*s  %s\n", width, label, o->help);
}

void cli_usage(const cli_cmd *cmd, unsigned mode)
{
    static const cli_opt help = {"help", 'h', NULL, "this text", 0, CLI_FLAG, 0, 0, 0, NULL, NULL};
    char label[128];
    int width = opt_label(label, sizeof label, &help);
    for (const cli_opt *o = cmd->opts; o->name; o++) {
        int n = takes(o, mode) ? opt_label(label, sizeof label, o) : 0;
        if (n > width) width = n;
    }
    if (width > 32) width = 32;
    printf("usage: dyad %s %s\n%s\n\noptions:\n", cmd->name, cmd->synopsis, cmd->about);
    for (const cli_opt *o = cmd->opts; o->name; o++)
        if (takes(o, mode)) print_opt(o, width);
    print_opt(&help, width);
    if (cmd->more) printf("\n%s", cmd->more);
}

static void usage_error(const cli_cmd *cmd, const char *fmt, const char *what)
{
    char msg[256];
    snprintf(msg, sizeof msg, fmt, what, cmd->name);
    cli_error("%s; try 'dyad %s --help'", msg, cmd->name);
}

/* The place of word v in "a|b|c", or -1. */
static int choice(const char *words, const char *v)
{
    size_t n = strlen(v);
    for (int k = 0; *words; k++) {
        size_t w = strcspn(words, "|");
        if (w == n && !strncmp(words, v, n)) return k;
        words += w + (words[w] == '|');
    }
    return -1;
}

/* Stores one option's value; 0, or -1 after printing why not. */
static int set_value(const cli_opt *o, const char *v, void *dst)
{
    char *at = (char *)dst + o->at;
    int bad = 0;
    switch (o->kind) {
    case CLI_FLAG: *(int *)(void *)at = (int)o->lo; return 0;
    case CLI_TEXT:
        if (!*v) bad = 1;
        else *(const char **)(void *)at = v;
        break;
    case CLI_INT: {
        char *end;
        long n = strtol(v, &end, 10);
        if (!*v || *end || n < o->lo || n > o->hi) bad = 1;
        else *(int *)(void *)at = (int)n;
        break;
    }
    case CLI_CHOICE: {
        int k = choice(o->arg, v);
        if (k < 0) bad = 1;
        else *(int *)(void *)at = k;
        break;
    }
    default:
        if (o->fn(dst, o, v) == 0) return 0;
        if (!o->bad) return -1;     /* fn said what was wrong */
        bad = 1;
    }
    if (!bad) return 0;
    if (o->bad) cli_error("%s", o->bad);
    else cli_error("--%s takes %s, not '%s'", o->name, o->arg, v);
    return -1;
}

/* The option as the user wrote it, without its value: "--x" of "--x=1", "-x" of "-xy". */
static const char *as_written(char *buf, size_t size, const char *arg, int letter)
{
    if (letter > 0 && letter < LONG) snprintf(buf, size, "-%c", letter);
    else snprintf(buf, size, "%s", arg ? arg : "?");
    char *eq = strchr(buf, '=');
    if (eq) *eq = 0;
    return buf;
}

int cli_parse(const cli_cmd *cmd, unsigned mode, int argc, char **argv, void *dst, int *first)
{
    struct option lo[MAX_OPTS + 2];
    const cli_opt *by_index[MAX_OPTS];
    char shorts[2 * MAX_OPTS + 4] = ":h";      /* ':' first: a missing value is told apart */
    size_t n = 0, ns = 2;
    for (const cli_opt *o = cmd->opts; o->name && n < MAX_OPTS; o++) {
        if (!takes(o, mode)) continue;
        lo[n] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL, LONG + (int)n};
        by_index[n++] = o;
        if (o->letter) {
            shorts[ns++] = (char)o->letter;
            if (o->arg) shorts[ns++] = ':';
        }
    }
    lo[n] = (struct option){"help", no_argument, NULL, HELP};
    lo[n + 1] = (struct option){NULL, 0, NULL, 0};
    shorts[ns] = 0;
    opterr = 0;     /* the messages are ours */
    optind = 0;     /* start afresh; options and operands mix (GNU order); "--" ends the options */
    int c;
    char seen[64];
    while ((c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
        const char *arg = argv[optind - 1];
        if (c == HELP || c == 'h') { cli_usage(cmd, mode); return 1; }
        if (c == '?' || c == ':') {
            const char *what = c == ':' ? "%s needs a value"
                             : optopt >= LONG ? "%s takes no value" : "unknown option '%s' for '%s'";
            usage_error(cmd, what, as_written(seen, sizeof seen, arg, optopt));
            return -1;
        }
        const cli_opt *o = NULL;
        if (c >= LONG) o = by_index[c - LONG];
        for (size_t k = 0; !o && k < n; k++) if (by_index[k]->letter == c) o = by_index[k];
        if (!o || set_value(o, optarg ? optarg : "", dst)) return -1;
    }
    *first = optind;
    return 0;
}
