/* parallel.c - dyad code -j N and ingest -j N: documents coded by N worker threads, output in
 * input order. (For ingest a document's output is the rows it adds to the store, dy_store_rows(),
 * and the reading thread, the one writer, stores them as they are delivered: the same ids.)
 *
 * The reading thread copies documents into batches (up to BATCH_DOCS documents or BATCH_BYTES
 * bytes) held in a ring of 4N slots and hands each full batch to the workers; each worker has
 * its own coder (the dictionary is shared, read-only), codes a batch's documents one after the
 * other and writes their output into the slot's own buffer; the reading thread delivers finished
 * slots strictly in order, document by document, so the output is byte for byte that of -j 1.
 * Batches keep the locking and the thread wake-ups to one per batch rather than one per
 * (often short) document. Raw JSON Lines records are packed one after the other into the slot's
 * own buffer, which keeps its room from batch to batch: the reading thread does one copy per
 * record and no allocation. Memory stays bounded: a full ring makes the reader wait. */
#define _POSIX_C_SOURCE 200809L
#include "parallel.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { EMPTY, FILLING, QUEUED, WORKING, DONE };
enum { BATCH_DOCS = 64, BATCH_BYTES = 1 << 20 };

typedef struct item {
    par_job job;
    char *text, *id, *title, *source, *url;     /* owned copies (par_submit) */
    size_t raw_off;         /* par_submit_raw: the record's offset in the slot's buffer */
    size_t out0, out1;      /* the document's output in the slot's buffer */
    dy_err err;
    int rc;
    size_t nsent, nev;
} item;

typedef struct slot {
    int state;
    item *it;
    size_t n, cap, bytes;
    dy_buf in;              /* the raw records of the batch, each NUL-terminated */
    dy_buf out;
} slot;

struct par {
    par_work work;
    par_deliver deliver;
    par_wstart wstart;
    par_wstop wstop;
    void *ctx;
    const dy_dict *dict;
    dy_coder_opts co;
    int n;
    pthread_t *th;
    slot *ring;
    slot *cur;              /* the batch the reader is filling (not yet queued) */
    char **names;           /* copies of the stream names raw records came from */
    size_t nnames;
    size_t cap, next_in, next_out, next_take;
    int closing;
    pthread_mutex_t mu;
    pthread_cond_t cv;
};

static void *worker(void *arg)
{
    par *p = arg;
    dy_coder *c = dy_coder_create(p->dict, &p->co);
    void *w = p->wstart ? p->wstart(p->ctx) : NULL;
    if (p->wstart && !w) dy_coder_destroy(&c);     /* every document fails as out of memory */
    /* the worker's own parsed record: a record's memory is allocated and freed on one thread
     * (one per item, freed by whichever worker took the item next, cost -j 2 a fifth more CPU) */
    dy_record *rec = NULL;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->closing && (p->next_take == p->next_in || p->ring[p->next_take % p->cap].state != QUEUED))
            pthread_cond_wait(&p->cv, &p->mu);
        if (p->next_take == p->next_in) break;      /* closing and nothing left */
        slot *s = &p->ring[p->next_take % p->cap];
        p->next_take++;
        s->state = WORKING;
        pthread_mutex_unlock(&p->mu);
        s->out.len = 0;
        for (size_t k = 0; k < s->n; k++) {
            item *it = &s->it[k];
            memset(&it->err, 0, sizeof it->err);
            it->nsent = it->nev = 0;
            it->out0 = s->out.len;
            it->job.rec = rec;
            it->rc = c ? p->work(p->ctx, w, c, &it->job, &s->out, &it->err, &it->nsent, &it->nev)
                       : (dy_err_set(&it->err, DY_ENOMEM, "out of memory"), -2);
            rec = it->job.rec;
            it->job.rec = NULL;
            if (it->rc < 0) s->out.len = it->out0;      /* a failed document writes nothing */
            it->out1 = s->out.len;
        }
        pthread_mutex_lock(&p->mu);
        s->state = DONE;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    dy_record_free(&rec);
    dy_coder_destroy(&c);
    if (w) p->wstop(w);
    return NULL;
}

par *par_create(int jobs, const dy_dict *dict, const dy_coder_opts *co, par_work work, par_deliver deliver, void *ctx,
                par_wstart wstart, par_wstop wstop)
{
    par *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->work = work;
    p->deliver = deliver;
    p->wstart = wstart;
    p->wstop = wstop;
    p->ctx = ctx;
    p->dict = dict;
    p->co = *co;
    p->n = jobs;
    p->cap = (size_t)jobs * 4;
    p->ring = calloc(p->cap, sizeof *p->ring);
    p->th = calloc((size_t)jobs, sizeof *p->th);
    if (!p->ring || !p->th) { free(p->ring); free(p->th); free(p); return NULL; }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    for (int i = 0; i < jobs; i++)
        if (pthread_create(&p->th[i], NULL, worker, p)) {
            p->n = i;
            break;
        }
    if (p->n == 0) { par_finish(&p); return NULL; }
    return p;
}

static void free_item(item *it)
{
    free(it->text);
    free(it->id);
    free(it->title);
    free(it->source);
    free(it->url);
    free(it->job.note_id);
    it->text = it->id = it->title = it->source = it->url = it->job.note_id = NULL;
    it->job.raw = it->job.name = NULL;
}

static void empty_slot(slot *s)
{
    for (size_t k = 0; k < s->n; k++) free_item(&s->it[k]);
    s->n = 0;
    s->bytes = 0;
    s->in.len = 0;
    s->state = EMPTY;
}

/* Delivers finished slots in order; with wait, until slot `until` is free. Lock held. */
static int drain(par *p, size_t until, int wait)
{
    int r = 0;
    for (;;) {
        while (p->next_out < p->next_in && p->ring[p->next_out % p->cap].state == DONE) {
            slot *s = &p->ring[p->next_out % p->cap];
            pthread_mutex_unlock(&p->mu);
            for (size_t k = 0; k < s->n; k++) {
                item *it = &s->it[k];
                dy_buf view = {s->out.data + it->out0, it->out1 - it->out0, it->out1 - it->out0};
                if (p->deliver(p->ctx, &it->job, &view, it->rc, &it->err, it->nsent, it->nev)) r = -1;
            }
            pthread_mutex_lock(&p->mu);
            empty_slot(s);
            p->next_out++;
        }
        if (!wait || p->next_out >= until) return r;
        pthread_cond_wait(&p->cv, &p->mu);
    }
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* The batch being filled, waiting for a free slot when there is none (lock not held). */
static item *next_item(par *p, int *r)
{
    *r = 0;
    if (!p->cur) {
        pthread_mutex_lock(&p->mu);
        /* the slot of this batch is free once the one cap places before it is delivered */
        *r = drain(p, p->next_in >= p->cap ? p->next_in - p->cap + 1 : 0, 1);
        p->cur = &p->ring[p->next_in % p->cap];
        p->cur->state = FILLING;
        pthread_mutex_unlock(&p->mu);
    }
    slot *s = p->cur;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        item *v = realloc(s->it, cap * sizeof *v);
        if (!v) return NULL;
        memset(v + s->cap, 0, (cap - s->cap) * sizeof *v);
        s->it = v;
        s->cap = cap;
    }
    item *it = &s->it[s->n];
    memset(&it->job.doc, 0, sizeof it->job.doc);
    it->job.nodate = 0;
    it->job.undated = 0;
    it->job.raw = it->job.name = NULL;
    return it;
}

/* Hands the batch being filled to the workers (lock not held). */
static int queue(par *p, int r)
{
    if (!p->cur) return r;
    slot *s = p->cur;
    for (size_t k = 0; k < s->n; k++)      /* the buffer has stopped moving: point into it */
        if (s->it[k].job.name) s->it[k].job.raw = s->in.data + s->it[k].raw_off;
    pthread_mutex_lock(&p->mu);
    p->cur->state = QUEUED;
    p->cur = NULL;
    p->next_in++;
    pthread_cond_broadcast(&p->cv);
    r |= drain(p, 0, 0);
    pthread_mutex_unlock(&p->mu);
    return r;
}

/* The item has been filled in: count it, and queue the batch when it is full. */
static int added(par *p, size_t bytes, int r)
{
    slot *s = p->cur;
    s->n++;
    s->bytes += bytes;
    return s->n >= BATCH_DOCS || s->bytes >= BATCH_BYTES ? queue(p, r) : r;
}

int par_submit(par *p, const dy_doc *doc)
{
    int r;
    item *it = next_item(p, &r);
    if (!it) return -2;
    it->job.doc = *doc;
    it->text = malloc(doc->len + 1);
    it->id = dup_or_null(doc->id);
    it->title = dup_or_null(doc->title);
    it->source = dup_or_null(doc->source);
    it->url = dup_or_null(doc->url);
    if (!it->text || !it->id) { free_item(it); return -2; }
    memcpy(it->text, doc->text, doc->len);
    it->text[doc->len] = 0;
    it->job.doc.text = it->text;
    it->job.doc.id = it->id;
    it->job.doc.title = it->title;
    it->job.doc.source = it->source;
    it->job.doc.url = it->url;
    return added(p, doc->len, r);
}

/* A copy of the stream's name that lives as long as p (one per stream, not per record). */
static const char *keep_name(par *p, const char *name)
{
    if (p->nnames && strcmp(p->names[p->nnames - 1], name) == 0) return p->names[p->nnames - 1];
    char **v = realloc(p->names, (p->nnames + 1) * sizeof *v);
    if (!v) return NULL;
    p->names = v;
    if (!(v[p->nnames] = strdup(name))) return NULL;
    return v[p->nnames++];
}

int par_submit_raw(par *p, const char *name, size_t lineno, const char *line, size_t n)
{
    int r;
    item *it = next_item(p, &r);
    if (!it) return -2;
    const char *nm = keep_name(p, name);
    slot *s = p->cur;
    if (!nm || dy_buf_reserve(&s->in, n + 1)) return -2;
    it->raw_off = s->in.len;
    memcpy(s->in.data + s->in.len, line, n);
    s->in.len += n;
    s->in.data[s->in.len++] = 0;        /* each record NUL-terminated, its own C string */
    it->job.rawlen = n;
    it->job.name = nm;
    it->job.lineno = lineno;
    return added(p, n, r);
}

int par_finish(par **pp)
{
    if (!pp || !*pp) return 0;
    par *p = *pp;
    int r = 0;
    if (p->cur && p->cur->n) r = queue(p, 0);
    else if (p->cur) { p->cur->state = EMPTY; p->cur = NULL; }
    pthread_mutex_lock(&p->mu);
    r |= drain(p, p->next_in, 1);
    p->closing = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->n; i++) pthread_join(p->th[i], NULL);
    for (size_t i = 0; i < p->cap; i++) {
        slot *s = &p->ring[i];
        empty_slot(s);
        free(s->it);
        dy_buf_free(&s->in);
        dy_buf_free(&s->out);
    }
    for (size_t i = 0; i < p->nnames; i++) free(p->names[i]);
    free(p->names);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    free(p->ring);
    free(p->th);
    free(p);
    *pp = NULL;
    return r;
}
