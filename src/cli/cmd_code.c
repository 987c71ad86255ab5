/* cmd_code.c - dyad code: read articles, code events, write JSON Lines or TSV. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "../dy_events.h"
#include "../dy_facts.h"
#include "../dy_relations.h"
#include "../dy_store.h"
#include "opts.h"
#include "parallel.h"
#include "progress.h"
#include "../dy_ingest.h"
#include "../dy_out.h"

#include <stddef.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct opts {
    int input;          /* dy_input */
    int format;
    dy_date date;
    int moods_all;
    int convention;     /* DY_CONV_*: --convention dyad|petrarch */
    int explain;
    int stats;
    int progress;
    int facts;          /* dyad facts */
    int reconcile;      /* dyad facts --reconcile */
    int ingest;         /* dyad ingest: into the store */
    const char *db;     /* --db */
    int replace;        /* --replace: re-code a changed document of the same name */
    int batch;          /* documents a transaction */
    int jobs;           /* -j: worker threads for dyad code */
    dy_shard shard;     /* --shard K/N: only part K of N of the documents (n 0: all) */
    size_t max_record;  /* --max-record: the longest JSON Lines record kept (0: the default) */
    const char *dict;
    const dy_plover *plover;    /* --format plover: the CAMEO to PLOVER table */
} opts;

/* code_windows: at least this many bytes of text a window */
#define DY_WINDOW ((size_t)1 << 20)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct run {
    opts o;
    dy_coder *coder;
    dy_facts *facts;
    dy_recon *recon;
    dy_store *store;
    dy_store_win *win;  /* ingest of a long document: its rows written window by window */
    dy_buf rows;        /* ... or for PostgreSQL recorded into here */
    dy_record *rec;     /* --shard without -j: the JSON Lines record parsed on this thread */
    size_t in_batch, added, same, replaced;
    int store_failed;   /* the database refused a write: exit as an I/O error */
    const dy_dict *dict;
    dy_buf out;
    size_t docs, failed, sents, events, bytes;
    size_t undated;     /* events without a date (ingest reports them) */
    size_t nomem;       /* documents or records lost for want of memory: exit 5 at the end */
    double t0, last_progress;
    double total;           /* bytes of all the inputs, 0 when unknown (standard input): for progress */
    double read_before;     /* bytes of the inputs already closed */
    dy_reader *rd;          /* the input being read */
    int progress_shown;     /* a progress line is on the terminal, to erase at the end */
    int write_error;
    int progress_done;  /* the last progress line is out */
    double t_index;     /* when the index build began */
    size_t window;      /* code_windows: bytes a window (DY_WINDOW; $DYAD_WINDOW for tests) */
    dy_coder_opts co;   /* the coders' options, for the workers of -j */
} run;

static void flush(run *r, int force)
{
    if (r->out.len && (force || r->out.len > (1 << 16))) {
        if (fwrite(r->out.data, 1, r->out.len, stdout) != r->out.len) r->write_error = 1;
        r->out.len = 0;
    }
    if (force && fflush(stdout)) r->write_error = 1;
}

/* On a terminal (opts.progress): percent, rate and time left, every 0.25 s at most; last erases it. */
static void progress(run *r, int last)
{
    if (!r->o.progress || r->progress_done) return;
    r->progress_done = last;
    if (last) {
        if (r->progress_shown) fputs("\r\033[K", stderr);
        return;
    }
    double t = now();
    if (t - r->last_progress < 0.25) return;
    r->last_progress = t;
    char line[200];
    double done = r->read_before + (r->rd ? (double)dy_reader_bytes(r->rd) : 0);
    fprintf(stderr, "\r%s\033[K", cli_progress_text(line, sizeof line, done, r->total, t - r->t0, r->docs, r->events));
    r->progress_shown = 1;
}

/* The inputs' bytes, for the percent: 0 (unknown) when one is not a regular file. With --shard,
 * the text files of other parts are not read, so they do not count. */
static double input_size(const opts *o, int n, char **paths)
{
    double sum = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (o->input == DY_IN_TEXT && !dy_shard_has_file(&o->shard, paths[i])) continue;
        if ((strcmp(paths[i], "-") ? stat(paths[i], &st) : fstat(0, &st)) || !S_ISREG(st.st_mode)) return 0;
        sum += (double)st.st_size;
    }
    return sum;
}

/* dy_store_bulk_end() on its way: on a terminal, which index is being built */
static void progress_index(void *ctx, const char *index, int done, int total)
{
    run *r = ctx;
    if (!r->o.progress) return;
    if (index)
        fprintf(stderr, "\rdyad: building index %d of %d (%s)\033[K", done + 1, total, index);
    else
        fprintf(stderr, "\rdyad: built %d indexes in %.1f s\033[K\n", total, now() - r->t_index);
}

/* The events (or with --explain the trace) of the document the coder has just coded. */
static int code_output(const opts *o, const dy_coder *c, const dy_doc *doc, dy_buf *out)
{
    size_t ne, ns;
    const dy_event *ev = dy_coder_events(c, &ne);
    const dy_sent *sents = dy_coder_sents(c, &ns);
    if (o->explain) {
        const dy_buf *x = dy_coder_explain(c);
        return x->len ? dy_buf_add(out, x->data, x->len) : 0;
    }
    uint32_t first = dy_coder_first_sent(c);    /* a window's sentences: event.sent - first */
    for (size_t i = 0; i < ne; i++) {
        dy_event e = ev[i];
        e.sent -= first;
        if (dy_out_event(out, o->format, doc, sents, &e, o->moods_all, o->plover)) return -1;
    }
    return 0;
}

/* Gives a document without a publication date the --date one; returns 1 when it still has none
 * (the caller warns: on the reading thread, in input order). */
static int apply_date(const opts *o, dy_doc *doc)
{
    if (doc->pub.prec != DY_PREC_NONE) return 0;
    if (o->date.prec == DY_PREC_NONE) return 1;
    doc->pub = o->date;
    return 0;
}

static void warn_nodate(const dy_doc *doc)
{
    cli_warn("%s has no publication date, so relative dates stay unresolved; give --date YYYY-MM-DD", doc->id);
}

/* -j: a worker parses (a JSON Lines record) and codes one document into its own buffer: its
 * events, or for ingest the rows it adds to the store (w: the worker's facts extractor) */
static int work_code(void *ctx, void *w, dy_coder *c, par_job *job, dy_buf *out, dy_err *err, size_t *nsent, size_t *nev)
{
    const opts *o = &((const run *)ctx)->o;     /* read-only on the workers */
    if (job->raw && dy_record_parse(job->name, job->lineno, job->raw, job->rawlen, &job->doc, &job->rec, err) != 1)
        return dy_shard_has_record(&o->shard, job->name, job->lineno, NULL) ? -1 : 1;
    if (job->raw && !dy_shard_has_record(&o->shard, job->name, job->lineno, job->doc.id)) return 1;    /* another part's */
    job->nodate = apply_date(o, &job->doc);
    if ((job->nodate || o->ingest) && !(job->note_id = strdup(job->doc.id))) return dy_err_set(err, DY_ENOMEM, "out of memory"), -2;
    if (dy_coder_code(c, &job->doc, err)) {
        if (err->code == DY_ENOMEM) dy_err_set(err, DY_ENOMEM, "%.400s: out of memory coding it, and free memory or split it", job->doc.id);
        return -1;
    }
    dy_coder_sents(c, nsent);
    const dy_event *ev = dy_coder_events(c, nev);
    for (size_t i = 0; i < *nev; i++) job->undated += ev[i].date.prec == DY_PREC_NONE;
    if (o->ingest) return dy_facts_extract(w, c, &job->doc, err) || dy_store_rows(out, &job->doc, c, w, err) ? -2 : 0;
    if (code_output(o, c, &job->doc, out)) { dy_err_set(err, DY_ENOMEM, "out of memory writing events"); return -2; }
    return 0;
}

static void *facts_start(void *ctx) { return dy_facts_create(((run *)ctx)->dict); }
static void facts_stop(void *w)
{
    dy_facts *f = w;
    dy_facts_destroy(&f);
}

/* A document stored (got: DY_ADD_*, or -1 with err): counted, and the batch committed when full.
 * 0, or -2 when the store failed (the run stops). */
static int stored(run *r, int got, size_t nev, const char *id, const dy_err *err)
{
    if (got < 0) { cli_error("%s: %s, and the batch was rolled back", id, err->msg); r->store_failed = 1; return -2; }
    if (got == DY_ADD_NEW) r->added++;
    else if (got == DY_ADD_SAME) { r->same++; r->events -= nev; }
    else r->replaced++;
    if (++r->in_batch >= (size_t)r->o.batch) {
        dy_err e = {0};
        if (dy_store_commit(r->store, &e) || dy_store_begin(r->store, &e)) { cli_error("%s", e.msg); r->store_failed = 1; return -2; }
        r->in_batch = 0;
    }
    return 0;
}

/* A document or record that could not be coded: named on stderr and counted. Out of memory is
 * counted apart, for exit status 5 (the rest of the input is still read and coded). */
static void failed(run *r, const dy_err *err, const char *id)
{
    if (err->code == DY_ENOMEM) {
        r->nomem++;
        size_t n = strlen(err->msg);
        if (!strncmp(err->msg, "out of memory", 13)) cli_error("%s: out of memory coding it, and free memory or split it", id ? id : "input");
        else if (n > 15 && !strcmp(err->msg + n - 15, ": out of memory")) cli_error("%s, and free memory or split it", err->msg);
        else cli_error("%s", err->msg);     /* it names its place and the fix */
    } else cli_error("%s", err->msg);
    r->failed++;
}

/* -j: the reading thread takes the documents back in order */
static int deliver_code(void *ctx, const par_job *job, dy_buf *out, int rc, const dy_err *err, size_t nsent, size_t nev)
{
    run *r = ctx;
    const dy_doc *doc = &job->doc;      /* its strings are gone (the worker's record moved on) */
    if (r->store_failed) return -1;     /* said once; the rest of the ring is dropped */
    if (rc > 0) return 0;               /* --shard: another part's document */
    if (job->nodate) cli_warn("%s has no publication date, so relative dates stay unresolved; give --date YYYY-MM-DD", job->note_id);
    if (rc < 0) {
        failed(r, err, NULL);      /* work() named the document */
        return rc == -2 ? -1 : 0;
    }
    r->docs++;
    r->sents += nsent;
    r->events += nev;
    r->undated += job->undated;
    r->bytes += doc->len;
    if (r->o.ingest) {
        dy_err e = {0};
        if (stored(r, dy_store_add_rows(r->store, out->data, out->len, r->o.replace, &e), nev, job->note_id, &e)) return -1;
    } else if (out->len && dy_buf_add(&r->out, out->data, out->len)) return -1;
    flush(r, 0);
    progress(r, 0);
    return r->write_error ? -1 : 0;
}

/* The input file was cut short under the coder (dy_reader_fault): -1 with err naming it, else 0. */
static int changed(const run *r, dy_err *err) { return r->rd ? dy_reader_changed(r->rd, err) : 0; }

/* A window coded: the reader may let go of the text before its last sentence (kept for
 * look-backs at its words). */
static void release_behind(run *r)
{
    size_t ns;
    const dy_sent *sents = dy_coder_sents(r->coder, &ns);
    if (r->rd) dy_reader_release(r->rd, ns ? sents[ns - 1].start : dy_coder_pos(r->coder));
}

/* dyad code without -j: the document in windows of paragraphs (DY_WINDOW bytes), each window's
 * events written before the next is coded, so that a long article takes the memory of a window
 * (the reader maps a plain-text file, and its pages are let go behind the windows). The
 * output is the same as coding it whole. 0, -1 the document failed, -2 the run must stop. */
static int code_windows(run *r, dy_doc *doc)
{
    dy_err err = {0};
    if (apply_date(&r->o, doc)) warn_nodate(doc);
    size_t nsent = 0, nev = 0, undated = 0;
    int got = dy_coder_begin(r->coder, doc, &err);
    while (!got && (got = dy_coder_next(r->coder, doc, r->window, &err)) > 0) {
        if ((got = changed(r, &err))) break;
        size_t ne, ns;
        const dy_event *ev = dy_coder_events(r->coder, &ne);
        dy_coder_sents(r->coder, &ns);
        for (size_t i = 0; i < ne; i++) undated += ev[i].date.prec == DY_PREC_NONE;
        nsent += ns;
        nev += ne;
        if (code_output(&r->o, r->coder, doc, &r->out)) { cli_error("out of memory writing events"); return -2; }
        release_behind(r);
        flush(r, 0);
        if (r->write_error) return -2;
    }
    if (got < 0) { failed(r, &err, doc->id); return -1; }
    r->docs++;
    r->sents += nsent;
    r->events += nev;
    r->undated += undated;
    r->bytes += doc->len;
    progress(r, 0);
    return 0;
}

/* The document's pages let go, all of them (it is read again from its start). */
static void release_all(run *r, const dy_doc *doc)
{
    if (r->rd) dy_reader_release(r->rd, doc->len + 1), dy_reader_release(r->rd, 0);
}

/* dyad facts: the facts of a document (fv: nf of them, each fact's sent indexing sents),
 * written or kept for --reconcile. 0, or -2 out of memory. */
static int facts_output(run *r, const dy_doc *doc, const dy_sent *sents, const dy_fact *fv, size_t nf)
{
    r->events += nf;
    if (r->o.reconcile) {
        if (dy_recon_add(r->recon, doc, sents, fv, nf)) { cli_error("out of memory keeping facts"); return -2; }
        return 0;
    }
    for (size_t i = 0; i < nf; i++) {
        if (dy_out_fact(&r->out, r->o.format, r->dict, doc, sents, &fv[i], r->o.moods_all)) { cli_error("out of memory writing facts"); return -2; }
        /* a long document's facts quote sentences all through it, not in their order: the pages
         * read go every 256 facts (behind the last one only, a page read again before it stayed) */
        if (i % 256 == 255) release_all(r, doc);
    }
    return 0;
}

/* The coder through the document in windows, and after each fn(r, doc, err) (0, or -1 with err
 * set), the window's text then let go. 0, or -1 with err set. */
static int each_window(run *r, dy_doc *doc, int (*fn)(run *, const dy_doc *, dy_err *), dy_err *err)
{
    int got = dy_coder_begin(r->coder, doc, err);
    while (!got && (got = dy_coder_next(r->coder, doc, r->window, err)) > 0) {
        got = changed(r, err) || fn(r, doc, err) ? -1 : 0;
        release_behind(r);
    }
    return got;
}

static int count_window(run *r, const dy_doc *doc, dy_err *err)
{
    (void)doc, (void)err;
    dy_facts_count(r->facts, r->coder);
    return 0;
}

static int facts_window(run *r, const dy_doc *doc, dy_err *err)
{
    size_t ne, ns;
    const dy_event *ev = dy_coder_events(r->coder, &ne);
    dy_coder_sents(r->coder, &ns);
    for (size_t i = 0; i < ne; i++) r->undated += ev[i].date.prec == DY_PREC_NONE;
    r->sents += ns;
    r->events += ne;
    return dy_facts_window(r->facts, r->coder, doc, err);
}

/* dyad ingest, a window of the facts' pass: its facts, and its rows written */
static int ingest_window(run *r, const dy_doc *doc, dy_err *err)
{
    if (facts_window(r, doc, err)) return -1;
    if (!dy_store_win_next(r->win, doc, r->coder, err)) return 0;
    r->store_failed = err->code == DY_EIO;
    return -1;
}

/* dy_store_win_begin has read the text up to upto: its pages go */
static void release_upto(void *ctx, size_t upto)
{
    run *r = ctx;
    if (r->rd) dy_reader_release(r->rd, upto);
}

/* dyad ingest: the long document's row put in before the facts' pass (its text read where it
 * is), 0, or -1 with err set */
static int ingest_begin(run *r, const dy_doc *doc, dy_err *err)
{
    if (!r->o.ingest) return 0;
    r->win = dy_store_win_begin(r->store, &r->rows, doc, r->o.replace, release_upto, r, err);
    release_all(r, doc);
    if (!r->win) r->store_failed = err->code == DY_EIO;
    return r->win ? 0 : -1;
}

/* dyad ingest: the long document's facts and mentions written; 0, or -1 with err set */
static int ingest_end(run *r, dy_err *err)
{
    if (!r->o.ingest || !dy_store_win_end(r->win, r->coder, r->facts, err)) return 0;
    r->store_failed = err->code == DY_EIO;
    return -1;
}

/* dyad facts and ingest on a document longer than a window: coded twice in windows, first for
 * the pair the story is about (known at its end only), then for the facts, which are kept to the
 * end (a later sentence may drop or complete an earlier one's) and written then: the facts of
 * the whole in the memory of a window and the facts. ingest writes the rows of each window into
 * the store as it goes (dy_store_win_*), in a savepoint undone if the document fails. 0, -1 the
 * document failed, -2 the run must stop. */
static int facts_windows(run *r, dy_doc *doc)
{
    dy_err err = {0};
    if (apply_date(&r->o, doc)) warn_nodate(doc);
    dy_facts_count_begin(r->facts);
    size_t sents0 = r->sents, events0 = r->events, undated0 = r->undated;
    if (each_window(r, doc, count_window, &err) || (dy_facts_windows_begin(r->facts, r->coder), 0) ||
        (release_all(r, doc), 0) || ingest_begin(r, doc, &err) ||
        each_window(r, doc, r->o.ingest ? ingest_window : facts_window, &err) ||
        (dy_facts_end(r->facts), ingest_end(r, &err))) {
        if (r->win) dy_store_win_finish(&r->win, 0, &err);
        r->sents = sents0, r->events = events0, r->undated = undated0;
        if (r->store_failed) {
            cli_error("%s: %s, and the batch was rolled back", doc->id, err.msg);
            r->store_failed = 1;
            return -2;
        }
        failed(r, &err, doc->id);
        return -1;
    }
    r->docs++;
    r->bytes += doc->len;
    if (r->o.ingest) {
        size_t nev = r->events - events0;
        if (stored(r, dy_store_win_finish(&r->win, 1, &err), nev, doc->id, &err)) return -2;
        r->rows.len = 0;
        progress(r, 0);
        return 0;
    }
    size_t nf;
    const dy_fact *fv = dy_facts_list(r->facts, &nf);
    if (r->rd) dy_reader_release(r->rd, 0);
    size_t out0 = r->out.len;
    if (facts_output(r, doc, dy_facts_sents(r->facts), fv, nf)) return -2;
    if (changed(r, &err)) { r->out.len = out0; r->docs--; failed(r, &err, doc->id); return -1; }
    flush(r, 0);
    progress(r, 0);
    return 0;
}

static int code_doc(run *r, dy_doc *doc)
{
    if (!r->o.facts && !r->o.ingest) return code_windows(r, doc);
    if (doc->len > r->window) return facts_windows(r, doc);     /* facts, ingest */
    dy_err err = {0};
    if (apply_date(&r->o, doc)) warn_nodate(doc);
    if (dy_coder_code(r->coder, doc, &err) || changed(r, &err)) { failed(r, &err, doc->id); return -1; }
    size_t ne, ns;
    const dy_event *ev = dy_coder_events(r->coder, &ne);
    const dy_sent *sents = dy_coder_sents(r->coder, &ns);
    for (size_t i = 0; i < ne; i++) r->undated += ev[i].date.prec == DY_PREC_NONE;
    r->docs++;
    r->sents += ns;
    r->events += ne;
    r->bytes += doc->len;
    if (r->o.ingest) {
        if (dy_facts_extract(r->facts, r->coder, doc, &err)) { cli_error("%s", err.msg); return -2; }
        if (stored(r, dy_store_add(r->store, doc, r->coder, r->facts, r->o.replace, &err), ne, doc->id, &err)) return -2;
    } else if (r->o.facts) {
        size_t nf;
        if (dy_facts_extract(r->facts, r->coder, doc, &err)) { cli_error("%s", err.msg); return -2; }
        const dy_fact *fv = dy_facts_list(r->facts, &nf);
        if (facts_output(r, doc, sents, fv, nf)) return -2;
    } else if (code_output(&r->o, r->coder, doc, &r->out)) {
        cli_error("out of memory writing events");
        return -2;
    }
    flush(r, 0);
    progress(r, 0);
    return 0;
}

enum { MODE_CODE, MODE_FACTS, MODE_INGEST };

/* "N", "NK", "NM" or "NG" (powers of 1024); 0, or -1 when it is not a size from 1 up */
static int parse_size(const char *v, size_t *out)
{
    char *end;
    if (!dy_isdigit((unsigned char)*v)) return -1;
    unsigned long long n = strtoull(v, &end, 10), mul = 1;
    if (*end == 'K' || *end == 'k') mul = 1ull << 10, end++;
    else if (*end == 'M' || *end == 'm') mul = 1ull << 20, end++;
    else if (*end == 'G' || *end == 'g') mul = 1ull << 30, end++;
    if (*end || n < 1 || n > (unsigned long long)(SIZE_MAX / 4) / mul) return -1;
    *out = (size_t)(n * mul);
    return 0;
}

static int set_format(void *dst, const cli_opt *opt, const char *v)
{
    opts *o = dst;
    o->format = cli_event_format(v);
    if (o->format >= 0 && !(o->facts && o->format > DY_FMT_TSV)) return 0;
    cli_error("%s", o->facts ? "--format takes jsonl or tsv" : opt->bad);
    return -1;
}

static int set_date(void *dst, const cli_opt *opt, const char *v)
{
    (void)opt;
    return dy_date_parse_iso(v, strlen(v), &((opts *)dst)->date) ? 0 : -1;
}

static int set_max_record(void *dst, const cli_opt *opt, const char *v)
{
    (void)opt;
    return parse_size(v, &((opts *)dst)->max_record);
}

static int set_shard(void *dst, const cli_opt *opt, const char *v)
{
    (void)opt;
    dy_err err = {0};
    if (!dy_shard_parse(v, &((opts *)dst)->shard, &err)) return 0;
    cli_error("%s", err.msg);
    return -1;
}

enum { M_CODE = 1 << MODE_CODE, M_FACTS = 1 << MODE_FACTS, M_INGEST = 1 << MODE_INGEST };
#define AT(f) offsetof(opts, f)

/* code, facts and ingest read the same way: one table, each line saying which of them take it */
static const cli_opt read_opts[] = {
    {"input", 0, "text|jsonl", "input format (default text: one article a file; - is stdin)", 0, CLI_CHOICE, AT(input), 0, 0, NULL,
     "--input takes text or jsonl"},
    {"format", 0, "FMT", "jsonl (default), tsv, csv, gdelt or plover (docs/schema.md); facts: jsonl or tsv", M_CODE | M_FACTS,
     CLI_FN, 0, 0, 0, set_format, "--format takes jsonl, tsv, csv, gdelt or plover"},
    {"db", 0, "FILE", "the database to write (created when missing), or a postgresql:// URI", M_INGEST, CLI_TEXT, AT(db), 0, 0, NULL,
     "--db takes the database file, such as news.db"},
    {"replace", 0, NULL, "re-code a changed document of the same name", M_INGEST, CLI_FLAG, AT(replace), 1, 0, NULL, NULL},
    {"batch", 0, "N", "documents a transaction (default 500)", M_INGEST, CLI_INT, AT(batch), 1, 1000000, NULL,
     "--batch takes a number of documents from 1 to 1000000"},
    {"max-record", 0, "SIZE", "jsonl: skip longer records, named on stderr (default 64M; K, M, G)", 0, CLI_FN, 0, 0, 0,
     set_max_record, "--max-record takes a size in bytes from 1 up, such as 1000000 or 256M"},
    {"date", 0, "YYYY-MM-DD", "publication date for documents that state none", 0, CLI_FN, 0, 0, 0, set_date,
     "--date takes a date as YYYY-MM-DD, such as 2024-06-18"},
    {"moods", 0, "factual|all", "also code negated and hypothetical events (all), with a mood field", 0, CLI_CHOICE, AT(moods_all), 0, 0,
     NULL, "--moods takes factual or all"},
    {"convention", 0, "dyad|petrarch", "coding conventions: dyad's (default) or PETRARCH2's", 0, CLI_CHOICE, AT(convention), 0, 0,
     NULL, "--convention takes dyad (the default) or petrarch"},
    {"explain", 0, NULL, "print why each sentence was or was not coded, instead of events", M_CODE, CLI_FLAG, AT(explain), 1, 0,
     NULL, NULL},
    {"reconcile", 0, NULL, "one line per subject (kind, actors, year) with every source's value", M_FACTS, CLI_FLAG,
     AT(reconcile), 1, 0, NULL, NULL},
    {"dict", 0, "DIR", "dictionary directory (default: $DYAD_DICT, or dict/ beside the program)", 0, CLI_TEXT, AT(dict), 0, 0,
     NULL, "--dict takes a directory"},
    {"jobs", 'j', "N", "code with N worker threads (the same output, or database, as -j 1)", M_CODE | M_INGEST, CLI_INT, AT(jobs), 1,
     256, NULL, "-j takes a number of threads from 1 to 256"},
    {"shard", 0, "K/N", "only part K of N (from 0) of the documents, by id or file name (docs/scale-out.md)", 0, CLI_FN, 0, 0, 0,
     set_shard, NULL},
    {"stats", 0, NULL, "print counts and timing on stderr at the end", 0, CLI_FLAG, AT(stats), 1, 0, NULL, NULL},
    {"no-progress", 0, NULL, "no progress line, even on a terminal", 0, CLI_FLAG, AT(progress), 0, 0, NULL, NULL},
    {"progress", 0, NULL, "the progress line even when standard error is not a terminal", 0, CLI_FLAG, AT(progress), 1, 0, NULL,
     NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, 0, 0, NULL, NULL},
};

static const char inputs_note[] =
    "FILE is an article (text: header lines such as 'Date: 2024-06-18', a blank line, the body), or\n"
    "with --input jsonl a file of {\"id\",\"date\",\"source\",\"title\",\"url\",\"text\"} lines; - is standard input.\n"
    "Options take their value as --opt VALUE or --opt=VALUE. 'man dyad' (docs/dyad.1) has the details.\n";

static const cli_cmd read_cmds[] = {
    {"code", "[options] FILE...", "Code news text into CAMEO events (JSON Lines on standard output).", read_opts, inputs_note},
    {"facts", "[options] FILE...", "Standing facts: relationship tiers, treaties, trade figures, ratios.", read_opts, inputs_note},
    {"ingest", "--db FILE [options] FILE...", "Code articles into a corpus store, SQLite or PostgreSQL (docs/schema.md).", read_opts, inputs_note},
};

/* 0, 1 after --help, -1 after a problem */
static int parse_opts(int argc, char **argv, opts *o, int *first, int mode)
{
    memset(o, 0, sizeof *o);
    o->facts = mode == MODE_FACTS;
    o->ingest = mode == MODE_INGEST;
    o->batch = 500;
    o->progress = isatty(2);
    int r = cli_parse(&read_cmds[mode], 1u << mode, argc, argv, o, first);
    if (r) return r;
    if (o->ingest && !o->db) { cli_error("ingest needs --db FILE, the database to write (created when missing)"); return -1; }
    return 0;
}

/* --shard without -j: a JSON Lines record parsed on this thread, coded when it is in the part
 * (one that cannot be parsed is reported by the part of its line). 1: the run must stop. */
static int code_record(run *r, const char *name, size_t lineno, const char *line, size_t n)
{
    dy_doc doc;
    dy_err err = {0};
    if (dy_record_parse(name, lineno, line, n, &doc, &r->rec, &err) != 1) {
        if (dy_shard_has_record(&r->o.shard, name, lineno, NULL)) failed(r, &err, NULL);
        return 0;
    }
    return dy_shard_has_record(&r->o.shard, name, lineno, doc.id) && code_doc(r, &doc) == -2;
}

/* Reads one input (a file, or - for stdin) and codes or hands on each of its documents.
 * Returns 1 when the run must stop (out of memory handing on, or the output failed). */
/* The workers of -j: made at the start, and again after a long article (long_article). */
static par *start_pool(run *r)
{
    return par_create(r->o.jobs, r->dict, &r->co, work_code, deliver_code, r, r->o.ingest ? facts_start : NULL,
                      r->o.ingest ? facts_stop : NULL);
}

/* dyad code -j: an article longer than a window is not handed to a worker, which would hold it
 * whole, but coded here in windows, once the workers have delivered the documents before it
 * (they are stopped and started again, so the output keeps the input's order). 0, or 1 when
 * the run must stop. */
static int long_article(run *r, par **pool, dy_doc *doc)
{
    if (par_finish(pool)) return 1;
    if (code_doc(r, doc) == -2) return 1;
    if (!(*pool = start_pool(r))) { cli_error("cannot start %d threads", r->o.jobs); return 1; }
    return 0;
}

static int read_input(run *r, par **poolp, const char *path)
{
    dy_reader *rd = NULL;
    dy_err err = {0};
    int fatal = 0;
    par *pool = *poolp;
    int lines = r->o.input == DY_IN_JSONL && (pool || r->o.shard.n);    /* records taken line by line */
    if (r->o.input == DY_IN_TEXT && !dy_shard_has_file(&r->o.shard, path)) return 0;   /* another part's */
    if (dy_reader_open(path, r->o.input, &rd, &err) != DY_OK) {
        cli_error("%s", err.msg);
        r->failed++;
        return 0;
    }
    dy_reader_set_max_record(rd, r->o.max_record);
    dy_reader_set_max_doc(rd, DY_MAX_MAPPED);     /* coded in windows */
    r->rd = rd;
    while (lines) {     /* -j or --shard: records taken line by line (parsed by the workers with -j) */
        const char *line;
        size_t n, lineno;
        int got = dy_reader_next_line(rd, &line, &n, &lineno, &err);
        if (got == 0) break;
        if (got == -1) { if (r->o.shard.k == 0) failed(r, &err, NULL); continue; }  /* a record skipped: part 0 says so */
        if (got < 0) { failed(r, &err, NULL); break; }
        if (!pool) {
            if ((fatal = code_record(r, dy_reader_name(rd), lineno, line, n)) || r->write_error) break;
            continue;
        }
        int pr = par_submit_raw(pool, dy_reader_name(rd), lineno, line, n);
        if (pr == -2) cli_error("%s:%zu: out of memory handing it to the workers, and free memory or give fewer -j", dy_reader_name(rd), lineno);
        if (pr) { fatal = 1; break; }
    }
    for (; !lines;) {
        dy_doc doc;
        int got = dy_reader_next(rd, &doc, &err);
        if (got == 0) break;
        if (got == -1) { failed(r, &err, NULL); continue; }
        if (got == -2) { failed(r, &err, NULL); break; }
        if (pool && r->o.input == DY_IN_TEXT && doc.len > r->window) {
            if ((fatal = long_article(r, poolp, &doc))) break;
            pool = *poolp;
        } else if (pool) {
            int pr = par_submit(pool, &doc);
            if (pr == -2) cli_error("%s: out of memory handing it to the workers, and free memory or give fewer -j", doc.id);
            if (pr) { fatal = 1; break; }
            if (dy_reader_changed(rd, &err)) failed(r, &err, NULL);     /* cut short while it was copied */
        } else if (code_doc(r, &doc) == -2) { fatal = 1; break; }
        if (r->write_error) break;
    }
    r->read_before += (double)dy_reader_bytes(rd);
    r->rd = NULL;
    dy_reader_close(&rd);
    return fatal;
}

/* SIGBUS: a mapped input file cut short by another program reads as zeros from there on, and the
 * reader reports it (dy_reader_changed); any other SIGBUS stops the process as it would have. */
static void on_sigbus(int sig, siginfo_t *si, void *ctx)
{
    (void)sig, (void)ctx;
    if (dy_reader_fault(si->si_addr)) return;
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGBUS, &dfl, NULL);      /* the access is made again, and stops the process */
}

static void guard_sigbus(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, NULL);
}

static int run_cmd(int argc, char **argv, int mode)
{
    run r = {0};
    int first;
    int pr = parse_opts(argc, argv, &r.o, &first, mode);
    if (pr) return pr > 0 ? DYAD_EXIT_OK : DYAD_EXIT_USAGE;
    if (first >= argc) {
        cli_error("no input files, and give article files, or - to read standard input");
        return DYAD_EXIT_USAGE;
    }
    dy_plover *plover = NULL;
    if (r.o.format == DY_FMT_PLOVER && !(r.o.plover = plover = cli_load_plover())) return DYAD_EXIT_DICT;
    double td = now();
    int drc;
    dy_dict *dict = cli_load_dict(r.o.dict, &drc);
    if (!dict) { dy_plover_destroy(&plover); return drc; }
    double dict_ms = (now() - td) * 1e3;
    dy_coder_opts co = {r.o.moods_all, r.o.explain, r.o.facts || r.o.ingest, r.o.convention};
    r.dict = dict;
    r.coder = dy_coder_create(dict, &co);
    if (r.o.facts || r.o.ingest) {
        r.facts = dy_facts_create(dict);
        if (r.facts && r.o.facts) dy_facts_set_moods(r.facts, r.o.moods_all);
        if (r.o.reconcile) r.recon = dy_recon_create(dict);
    }
    if (!r.coder || (r.o.facts && !r.facts) || (r.o.reconcile && !r.recon)) {
        dy_coder_destroy(&r.coder);
        dy_facts_destroy(&r.facts);
        dy_dict_destroy(&dict);
        cli_error("out of memory");
        return DYAD_EXIT_NOMEM;
    }
    if (r.o.ingest) {
        dy_err err = {0};
        /* into an empty store: the indexes are built once at the end (dy_store_bulk_end) */
        if (dy_store_open(r.o.db, DY_STORE_WRITE, &r.store, &err) || dy_store_bulk_begin(r.store, &err) < 0 ||
            dy_store_begin(r.store, &err)) {
            cli_error("%s", err.msg);
            dy_store_close(&r.store);
            dy_facts_destroy(&r.facts);
            dy_coder_destroy(&r.coder);
            dy_dict_destroy(&dict);
            return DYAD_EXIT_IO;
        }
    }
    r.window = DY_WINDOW;
    guard_sigbus();
    const char *wenv = getenv("DYAD_WINDOW");     /* tests: small windows, the same output */
    if (wenv && parse_size(wenv, &r.window)) r.window = DY_WINDOW;
    r.t0 = r.last_progress = now();
    if (r.o.progress) r.total = input_size(&r.o, argc - first, argv + first);
    if (r.o.format == DY_FMT_TSV && !r.o.explain && !r.o.reconcile && r.o.facts) dy_out_fact_tsv_header(&r.out);
    else if (!r.o.explain && !r.o.facts && !r.o.ingest) dy_out_record_header(&r.out, r.o.format, r.o.moods_all);
    int fatal = 0;
    par *pool = NULL;
    r.co = co;
    if (r.o.jobs > 1 && !(pool = start_pool(&r))) {
        cli_error("cannot start %d threads", r.o.jobs);
        fatal = 1;
    }
    for (int i = first; i < argc && !fatal && !r.write_error; i++) fatal = read_input(&r, &pool, argv[i]);
    if (pool && par_finish(&pool)) fatal = 1;
    if (r.recon && !fatal && dy_recon_write(r.recon, &r.out)) { cli_error("out of memory writing facts"); fatal = 1; }
    /* the coder's buffers (a long document's windows grew them) go before the store's index
     * build, which takes memory of its own */
    dy_facts_destroy(&r.facts);
    dy_coder_destroy(&r.coder);
    if (r.store) {
        dy_err err = {0};
        if (fatal) dy_store_rollback(r.store);
        else if (dy_store_commit(r.store, &err)) { cli_error("%s", err.msg); fatal = 1; r.store_failed = 1; dy_store_rollback(r.store); }
        progress(&r, 1);
        r.t_index = now();
        /* also after a failure: the batches committed so far get their indexes */
        if (dy_store_bulk_end(r.store, progress_index, &r, &err)) { cli_error("%s", err.msg); fatal = 1; r.store_failed = 1; }
        /* the relations graph of the facts stored so far (also of the batches before a failure) */
        else if (dy_relations_build(dy_store_db(r.store), dict, &err)) { cli_error("%s", err.msg); fatal = 1; r.store_failed = 1; }
        else if (!fatal && !r.o.explain)
        {
            fprintf(stderr, "dyad: %s: %zu documents added, %zu replaced, %zu already there; %zu events", r.o.db, r.added,
                    r.replaced, r.same, r.events);
            if (r.undated)      /* kept and listed; series and networks count dated events only */
                fprintf(stderr, ", %zu of them without a date (no document date; give --date to date them)", r.undated);
            fputc('\n', stderr);
        }
        dy_store_close(&r.store);
    }
    flush(&r, 1);
    progress(&r, 1);
    double el = now() - r.t0;
    if (r.o.stats)
        fprintf(stderr, "dyad: stats: docs=%zu failed=%zu sentences=%zu events=%zu bytes=%zu seconds=%.3f dict_ms=%.1f\n",
                r.docs, r.failed, r.sents, r.events, r.bytes, el, dict_ms);
    dy_record_free(&r.rec);
    dy_recon_destroy(&r.recon);
    dy_facts_destroy(&r.facts);
    dy_coder_destroy(&r.coder);
    dy_dict_destroy(&dict);
    dy_plover_destroy(&plover);
    dy_buf_free(&r.out);
    dy_buf_free(&r.rows);
    if (r.write_error) { cli_error("cannot write the output, and check the disk or the pipe"); return DYAD_EXIT_IO; }
    if (fatal) return r.store_failed ? DYAD_EXIT_IO : DYAD_EXIT_NOMEM;
    if (r.nomem) {
        cli_error("%zu input%s could not be coded for want of memory (see above); the other %zu were", r.nomem,
                  r.nomem == 1 ? "" : "s", r.docs);
        return DYAD_EXIT_NOMEM;
    }
    if (r.failed) {
        cli_error("%zu input%s could not be coded (see above); the other %zu were", r.failed, r.failed == 1 ? "" : "s", r.docs);
        return DYAD_EXIT_INPUT;
    }
    return DYAD_EXIT_OK;
}

int cmd_code(int argc, char **argv) { return run_cmd(argc, argv, MODE_CODE); }
int cmd_facts(int argc, char **argv) { return run_cmd(argc, argv, MODE_FACTS); }
int cmd_ingest(int argc, char **argv) { return run_cmd(argc, argv, MODE_INGEST); }
