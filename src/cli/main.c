/* main.c - the dyad command: dispatch to subcommands from a table (each parses its own options,
 * opts.h); the helpers they share are in cli.c. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdio.h>
#include <string.h>

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
