/* progress.h - the progress line of code, facts and ingest on a terminal.
 * Pure formatting: the caller decides when (standard error a terminal, every 0.25 s at most). */
#ifndef DYAD_CLI_PROGRESS_H
#define DYAD_CLI_PROGRESS_H

#include <stddef.h>

/* The line for done bytes of total (0: unknown, as for standard input) after elapsed seconds,
 * with docs documents and events events coded, into buf (always NUL-terminated). With a total:
 * "dyad: 42% of 120.0 MB, 12.3 MB/s, 3,200 docs, 21,000 events, 5:41 left" (no time left before
 * a rate is known); without: "dyad: 45.2 MB, 12.3 MB/s, 3,200 docs, 21,000 events". */
char *cli_progress_text(char *buf, size_t size, double done, double total, double elapsed, size_t docs, size_t events);

#endif
