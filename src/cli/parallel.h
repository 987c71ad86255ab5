/* parallel.h - documents coded by worker threads, delivered in input order (dyad code -j N).
 *
 * Ownership: par_submit() copies the document, so the caller's reader may reuse its buffers.
 * work() runs on a worker thread with that worker's own coder and writes the document's output
 * into out; deliver() runs on the submitting thread, in input order, and must not keep out. */
#ifndef DYAD_PARALLEL_H
#define DYAD_PARALLEL_H

#include <stddef.h>
#include "../dy_events.h"
#include "../dy_ingest.h"

/* One job: a document, or a raw JSON Lines record for the worker to parse (raw != NULL). */
typedef struct par_job {
    dy_doc doc;                 /* the document (parsed by the worker from raw when given) */
    const char *raw, *name;     /* a JSON Lines record, its stream's name, its line */
    size_t rawlen, lineno;
    dy_record *rec;             /* what a parsed record's strings live in: the worker's own, valid
                                 * during work() only (deliver() sees doc's numbers, not its strings) */
    int nodate;                 /* the document has no publication date (warned in order) */
    char *note_id;              /* work() may set it (malloc'd; freed with the batch): the id deliver() needs */
    size_t undated;             /* work() may set it: the document's events without a date */
} par_job;

/* Returns 0, -1 (this document failed: err set), or -2 (out of memory: stop). w is the worker's
 * own state (par_wstart's, or NULL). */
typedef int (*par_work)(void *ctx, void *w, dy_coder *c, par_job *job, dy_buf *out, dy_err *err, size_t *nsent, size_t *nev);
/* Returns 0, or -1 when the output cannot be written. */
typedef int (*par_deliver)(void *ctx, const par_job *job, dy_buf *out, int rc, const dy_err *err, size_t nsent, size_t nev);

typedef struct par par;

/* A worker's own state beside its coder (such as a facts extractor): made on the worker's thread
 * when it starts (NULL: out of memory, and its documents fail as such), ended when it stops. */
typedef void *(*par_wstart)(void *ctx);
typedef void (*par_wstop)(void *w);

/* wstart and wstop may be NULL (no state). */
par *par_create(int jobs, const dy_dict *dict, const dy_coder_opts *co, par_work work, par_deliver deliver, void *ctx,
                par_wstart wstart, par_wstop wstop);
/* Hands one document, or one raw JSON Lines record, to the workers; waits while the ring is
 * full. 0, -1 (a delivery failed), -2 (out of memory). */
int par_submit(par *p, const dy_doc *doc);
int par_submit_raw(par *p, const char *name, size_t lineno, const char *line, size_t n);
/* Waits for every document, delivers the rest, joins the workers and frees everything. */
int par_finish(par **p);

#endif
