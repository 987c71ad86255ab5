/* opts.h - the subcommands' options: one table a command, parsed with getopt_long.
 *
 * A command's options are an array of cli_opt, one line each, ended by an entry with name NULL.
 * cli_parse() builds getopt_long's tables from it, stores each value where its line says (a flag,
 * a string, a number in a range, or through a function), prints the command's usage on stdout for
 * -h/--help, and for an unknown option or a missing value prints
 *   dyad: unknown option '--x' for 'code'; try 'dyad code --help'
 * Adding an option is one line in the table (and the field it sets).
 *
 * Ownership: values are pointers into argv, which outlives the command. Not thread-safe (getopt's
 * state is global); parse once, on the main thread. */
#ifndef DYAD_CLI_OPTS_H
#define DYAD_CLI_OPTS_H

#include <stddef.h>

enum { CLI_FLAG, CLI_TEXT, CLI_INT, CLI_CHOICE, CLI_FN };

typedef struct cli_opt cli_opt;
struct cli_opt {
    const char *name;   /* long name, without "--" */
    int letter;         /* its short form (-j), or 0 */
    const char *arg;    /* the value's name in the usage ("N", "FILE"); NULL for a flag */
    const char *help;   /* one line of usage */
    unsigned modes;     /* the modes of the command that take it (cli_parse's mode); 0: all */
    int kind;           /* CLI_FLAG: the int at `at` becomes lo; CLI_TEXT: the const char * at `at`
                         * becomes the value (not empty); CLI_INT: the int at `at`, from lo to hi;
                         * CLI_CHOICE: the int at `at` becomes the value's place in arg
                         * ("text|jsonl": 0 or 1); CLI_FN: fn(dst, opt, value) */
    size_t at;          /* offsetof the field in the command's options */
    long lo, hi;
    /* CLI_FN: 0, or -1 for a bad value (the message printed by fn, or `bad` when fn printed none) */
    int (*fn)(void *dst, const cli_opt *opt, const char *value);
    const char *bad;    /* the message for a bad value: what the option takes */
};

typedef struct cli_cmd {
    const char *name;       /* "code", "dict import" */
    const char *synopsis;   /* after "usage: dyad NAME " */
    const char *about;      /* one line: what it does */
    const cli_opt *opts;    /* ended by an entry with name NULL; never NULL itself */
    const char *more;       /* after the options (may be NULL) */
} cli_cmd;

/* Parses argv[1..] (argv[0] is the command's word) into dst for the given mode (a bit of the
 * opts' modes; 0 takes every option). On success *first is the index of the first operand
 * (options and operands may mix; "--" ends the options) and the result is 0. Returns 1 after
 * printing the usage for --help (exit 0), -1 after printing the problem (exit DYAD_EXIT_USAGE). */
int cli_parse(const cli_cmd *cmd, unsigned mode, int argc, char **argv, void *dst, int *first);
/* The command's usage, on stdout. */
void cli_usage(const cli_cmd *cmd, unsigned mode);

#endif
