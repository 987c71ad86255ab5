/* cli.h - shared pieces of the dyad command: exit codes, messages, dictionary lookup.
 * Only the CLI prints or exits; the library returns codes and messages. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "../dy_dict.h"

typedef enum {
    DYAD_EXIT_OK = 0,       /* everything coded */
    DYAD_EXIT_INPUT = 1,    /* some input could not be read or coded (the rest was) */
    DYAD_EXIT_USAGE = 2,    /* bad command line */
    DYAD_EXIT_DICT = 3,     /* the dictionaries are missing or invalid */
    DYAD_EXIT_IO = 4,       /* output could not be written */
    DYAD_EXIT_NOMEM = 5,    /* out of memory */
    DYAD_EXIT_DB = 6        /* the database (--db) is missing, or not a dyad database */
} dyad_exit;

void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void cli_warn(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* The exit status for a failure err describes: DYAD_EXIT_NOMEM when memory ran out (whatever
 * the command: out of memory is status 5 everywhere), otherwise the command's own status. */
static inline int cli_exit_for(const dy_err *err, int otherwise)
{
    return err->code == DY_ENOMEM ? DYAD_EXIT_NOMEM : otherwise;
}
/* The dictionary directory: --dict, $DYAD_DICT, <program>/../dict, ./dict. */
const char *cli_dict_dir(const char *opt);
/* Loads it, printing the error; NULL on failure, with *rc the exit status (DYAD_EXIT_DICT, or
 * DYAD_EXIT_NOMEM). */
dy_dict *cli_load_dict(const char *opt, int *rc);
/* The CAMEO to PLOVER table: <program>/../data, <program>/../share/dyad/data, ./data; NULL
 * (the error printed) when it cannot be read. */
struct dy_plover *cli_load_plover(void);
/* --format for events: jsonl (or json), tsv, csv, gdelt, plover as DY_FMT_*; -1 for another. */
int cli_event_format(const char *v);

int cmd_code(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_facts(int argc, char **argv);   /* in cmd_code.c: the same reading, facts instead of events */
int cmd_ingest(int argc, char **argv);  /* in cmd_code.c: the same reading, into the store */
int cmd_query(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_recode(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif
