/* parallel.c - dyad code -j N: documents coded by N worker threads, output in input order.
 *
 * The reading thread copies each document into a slot of a ring of 4N slots and hands it to
 * the workers; each worker has its own coder (the dictionary is shared, read-only) and writes
 * the document's output into the slot's own buffer; the reading thread delivers finished slots
 * strictly in order, so the output is byte for byte that of -j 1. Memory stays bounded: a
 * full ring makes the reader wait. */
#define _POSIX_C_SOURCE 200809L
#include "parallel.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { EMPTY, QUEUED, WORKING, DONE };

typedef struct slot {
    int state;
    par_job job;
    char *text, *id, *title, *source, *url, *raw, *name;     /* owned copies */
    dy_buf out;
    dy_err err;
    int rc;
    size_t nsent, nev;
} slot;

struct par {
    par_work work;
    par_deliver deliver;
    void *ctx;
    const dy_dict *dict;
    dy_coder_opts co;
    int n;
    pthread_t *th;
    slot *ring;
    size_t cap, next_in, next_out, next_take;
    int closing;
    pthread_mutex_t mu;
    pthread_cond_t cv;
};

static void *worker(void *arg)
{
    par *p = arg;
    dy_coder *c = dy_coder_create(p->dict, &p->co);
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
        memset(&s->err, 0, sizeof s->err);
        s->nsent = s->nev = 0;
        s->rc = c ? p->work(p->ctx, c, &s->job, &s->out, &s->err, &s->nsent, &s->nev)
                  : (dy_err_set(&s->err, DY_ENOMEM, "out of memory"), -2);
        pthread_mutex_lock(&p->mu);
        s->state = DONE;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    dy_coder_destroy(&c);
    return NULL;
}

par *par_create(int jobs, const dy_dict *dict, const dy_coder_opts *co, par_work work, par_deliver deliver, void *ctx)
{
    par *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->work = work;
    p->deliver = deliver;
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

static void free_slot(slot *s)
{
    free(s->text);
    free(s->id);
    free(s->title);
    free(s->source);
    free(s->url);
    free(s->raw);
    free(s->name);
    s->text = s->id = s->title = s->source = s->url = s->raw = s->name = NULL;
    s->job.raw = s->job.name = NULL;
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
            if (p->deliver(p->ctx, &s->job, &s->out, s->rc, &s->err, s->nsent, s->nev)) r = -1;
            pthread_mutex_lock(&p->mu);
            free_slot(s);
            p->next_out++;
        }
        if (!wait || p->next_out >= until) return r;
        pthread_cond_wait(&p->cv, &p->mu);
    }
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* Waits for the next slot to be free and returns it (lock not held). */
static slot *next_slot(par *p, int *r)
{
    pthread_mutex_lock(&p->mu);
    /* the slot of this job is free once the one cap places before it is delivered */
    *r = drain(p, p->next_in >= p->cap ? p->next_in - p->cap + 1 : 0, 1);
    slot *s = &p->ring[p->next_in % p->cap];
    pthread_mutex_unlock(&p->mu);
    return s;
}

static int queue(par *p, slot *s, int r)
{
    pthread_mutex_lock(&p->mu);
    s->state = QUEUED;
    p->next_in++;
    pthread_cond_broadcast(&p->cv);
    r |= drain(p, 0, 0);
    pthread_mutex_unlock(&p->mu);
    return r;
}

int par_submit(par *p, const dy_doc *doc)
{
    int r;
    slot *s = next_slot(p, &r);
    memset(&s->job.doc, 0, sizeof s->job.doc);
    s->job.doc = *doc;
    s->job.nodate = 0;
    s->text = malloc(doc->len + 1);
    s->id = dup_or_null(doc->id);
    s->title = dup_or_null(doc->title);
    s->source = dup_or_null(doc->source);
    s->url = dup_or_null(doc->url);
    if (!s->text || !s->id) { free_slot(s); return -2; }
    memcpy(s->text, doc->text, doc->len);
    s->text[doc->len] = 0;
    s->job.doc.text = s->text;
    s->job.doc.id = s->id;
    s->job.doc.title = s->title;
    s->job.doc.source = s->source;
    s->job.doc.url = s->url;
    return queue(p, s, r);
}

int par_submit_raw(par *p, const char *name, size_t lineno, const char *line, size_t n)
{
    int r;
    slot *s = next_slot(p, &r);
    memset(&s->job.doc, 0, sizeof s->job.doc);
    s->job.nodate = 0;
    s->raw = malloc(n + 1);
    s->name = strdup(name);
    if (!s->raw || !s->name) { free_slot(s); return -2; }
    memcpy(s->raw, line, n);
    s->raw[n] = 0;
    s->job.raw = s->raw;
    s->job.rawlen = n;
    s->job.name = s->name;
    s->job.lineno = lineno;
    return queue(p, s, r);
}

int par_finish(par **pp)
{
    if (!pp || !*pp) return 0;
    par *p = *pp;
    pthread_mutex_lock(&p->mu);
    int r = drain(p, p->next_in, 1);
    p->closing = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->n; i++) pthread_join(p->th[i], NULL);
    for (size_t i = 0; i < p->cap; i++) {
        free_slot(&p->ring[i]);
        dy_buf_free(&p->ring[i].out);
        dy_record_free(&p->ring[i].job.rec);
    }
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    free(p->ring);
    free(p->th);
    free(p);
    *pp = NULL;
    return r;
}
