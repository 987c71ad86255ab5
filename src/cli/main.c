/* main.c - the dyad command: dispatch to subcommands (each parses its own options, opts.h). */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "../dy_out.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef DYAD_VERSION
#define DYAD_VERSION "0.1.0"
#endif

static const char usage[] =
    "usage: dyad <command> [options]\n"
    "\n"
    "commands:\n"
    "  code [options] FILE...     code news text into CAMEO events (JSON Lines on stdout)\n"
    "  facts [options] FILE...    standing facts: relationship tiers, treaties, trade figures, ratios ...\n"
    "  ingest --db FILE FILE...   code articles into a SQLite corpus store (--replace, --batch N);\n"
    "                             --db postgresql://user@host/db: PostgreSQL, for every --db (docs/scale-out.md)\n"
    "  query WHAT --db FILE       events | series | network | timeline | relation A B | actors |\n"
    "                             obligations [--as-of DATE] [--if-attacked C]\n"
    "                             (--dyad A,B --actor X --from --to --by day|week|month|year --json\n"
    "                              --format table|json|csv|tsv, networks also graphml|dot,\n"
    "                              events also jsonl|gdelt|plover; --dedup none|day|story)\n"
    "  export --db FILE           every event as --format csv|tsv|jsonl|gdelt|plover [--dedup ...]\n"
    "  recode --db FILE           re-code the stored documents with the current dictionaries\n"
    "  serve --db FILE            the dashboard and its JSON API on http://127.0.0.1:8350/ (--port, --bind,\n"
    "                             --max-rows N a list, --time-limit MS a query)\n"
    "  dict check [DIR]           validate the dictionaries, listing file:line problems\n"
    "  dict stats [DIR]           entries by file and kind, load time and peak memory\n"
    "  dict import --from petrarch DIR --out OUTDIR\n"
    "                             convert PETRARCH/TABARI dictionaries into a dyad dictionary set\n"
    "  help                       this text; 'man dyad' (docs/dyad.1) has the details\n"
    "  version, -V, --version     the version\n"
    "\n"
    "'dyad COMMAND --help' lists a command's options (such as -j N, worker threads, for code and\n"
    "ingest); options take their value as --opt VALUE or --opt=VALUE.\n";

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("dyad: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    fputs("dyad: warning: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_dict_dir(const char *opt)
{
    static char buf[PATH_MAX + 16];
    if (opt) return opt;
    const char *env = getenv("DYAD_DICT");
    if (env && *env) return env;
    ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX);
    if (n > 0) {
        buf[n] = 0;
        char *slash = strrchr(buf, '/');
        if (slash) {
            strcpy(slash, "/../dict");
            if (is_dir(buf)) return buf;
            strcpy(slash, "/../share/dyad/dict");
            if (is_dir(buf)) return buf;
        }
    }
    return "dict";
}

dy_dict *cli_load_dict(const char *opt, int *rc)
{
    const char *dir = cli_dict_dir(opt);
    dy_dict *d = NULL;
    dy_err err = {0};
    if (dy_dict_load(dir, &d, &err) != DY_OK) {
        *rc = cli_exit_for(&err, DYAD_EXIT_DICT);
        if (err.code == DY_ENOMEM) cli_error("%s: out of memory loading the dictionaries, and free memory", dir);
        else cli_error("%s, and run 'dyad dict check %s' to list every problem", err.msg, dir);
        return NULL;
    }
    return d;
}

struct dy_plover *cli_load_plover(void)
{
    static const char *const rel[] = {"/../data/", "/../share/dyad/data/"};
    static const char name[] = "cameo-plover.tsv";
    char exe[PATH_MAX], path[PATH_MAX + 64];
    snprintf(path, sizeof path, "data/%s", name);
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash = n > 0 ? (exe[n] = 0, strrchr(exe, '/')) : NULL;
    if (slash) *slash = 0;
    for (size_t i = 0; slash && i < sizeof rel / sizeof *rel; i++) {
        char p[PATH_MAX + 64];
        snprintf(p, sizeof p, "%s%s%s", exe, rel[i], name);
        if (access(p, R_OK) == 0) { memcpy(path, p, sizeof path); break; }
    }
    dy_plover *p = NULL;
    dy_err err = {0};
    if (dy_plover_load(path, &p, &err) != DY_OK) { cli_error("%s (it comes with dyad in data/)", err.msg); return NULL; }
    return p;
}

int cli_event_format(const char *v)
{
    static const char *const n[] = {"jsonl", "tsv", "csv", "gdelt", "plover"};
    if (v && !strcmp(v, "json")) return DY_FMT_JSONL;
    for (int i = 0; v && i < 5; i++) if (!strcmp(v, n[i])) return i;
    return -1;
}

int main(int argc, char **argv)
{
    if (argc < 2) { fputs(usage, stderr); return DYAD_EXIT_USAGE; }
    const char *cmd = argv[1];
    static const struct { const char *name; int (*run)(int argc, char **argv); } commands[] = {
        {"code", cmd_code}, {"dict", cmd_dict}, {"facts", cmd_facts}, {"ingest", cmd_ingest}, {"query", cmd_query},
        {"export", cmd_export}, {"recode", cmd_recode}, {"serve", cmd_serve},
    };
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(cmd, commands[i].name)) return commands[i].run(argc - 1, argv + 1);     /* argv[0]: the command */
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) { fputs(usage, stdout); return DYAD_EXIT_OK; }
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version") || !strcmp(cmd, "-V")) { printf("dyad %s\n", DYAD_VERSION); return DYAD_EXIT_OK; }
    cli_error("unknown command '%s', and see 'dyad help' for the commands", cmd);
    return DYAD_EXIT_USAGE;
}
