/* dy_api_cache.c - answers of dy_api_serve kept until the store changes (dy_api.h).
 *
 * A hash table of entries on a list from the most to the least recently used; an entry holds
 * its key (the path and the arguments as given, each with its length) and the answer (status,
 * page, body). Every request first asks its connection whether the data changed (PRAGMA
 * data_version, dy_db_changed); a change empties the cache and starts a new generation, and an
 * answer computed in an older generation is not stored, so an answer read before a commit never
 * outlives the first request that sees the commit. One mutex guards everything. */
#include "dy_api.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    struct entry *next_hash, *prev, *next;     /* the bucket's chain; the recency list */
    uint64_t hash;
    size_t key_len, body_len, size;
    int status;
    dy_api_page page;
    char data[];        /* key_len bytes of key, then body_len bytes of body */
} entry;

struct dy_api_cache {
    pthread_mutex_t mu;
    entry **bucket;
    size_t nbucket, max_bytes, bytes, entries;
    entry *head, *tail;         /* head: the most recently used */
    uint64_t generation, hits, misses, flushes;
};

enum { NBUCKET = 4096 };

dy_api_cache *dy_api_cache_new(size_t max_bytes)
{
    dy_api_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->bucket = calloc(NBUCKET, sizeof *c->bucket);
    if (!c->bucket || pthread_mutex_init(&c->mu, NULL)) {
        free(c->bucket);
        free(c);
        return NULL;
    }
    c->nbucket = NBUCKET;
    c->max_bytes = max_bytes ? max_bytes : DY_API_CACHE_BYTES;
    return c;
}

static void unlink_lru(dy_api_cache *c, entry *e)
{
    if (e->prev) e->prev->next = e->next; else c->head = e->next;
    if (e->next) e->next->prev = e->prev; else c->tail = e->prev;
    e->prev = e->next = NULL;
}

static void push_front(dy_api_cache *c, entry *e)
{
    e->prev = NULL;
    e->next = c->head;
    if (c->head) c->head->prev = e;
    c->head = e;
    if (!c->tail) c->tail = e;
}

static void drop(dy_api_cache *c, entry *e)
{
    entry **pp = &c->bucket[e->hash % c->nbucket];
    while (*pp != e) pp = &(*pp)->next_hash;
    *pp = e->next_hash;
    unlink_lru(c, e);
    c->bytes -= e->size;
    c->entries--;
    free(e);
}

static void cache_flush(dy_api_cache *c)
{
    while (c->head) drop(c, c->head);
}

void dy_api_cache_free(dy_api_cache **cp)
{
    dy_api_cache *c = *cp;
    if (!c) return;
    cache_flush(c);
    pthread_mutex_destroy(&c->mu);
    free(c->bucket);
    free(c);
    *cp = NULL;
}

void dy_api_cache_stats(dy_api_cache *c, dy_api_cache_stat *st)
{
    pthread_mutex_lock(&c->mu);
    *st = (dy_api_cache_stat){c->hits, c->misses, c->flushes, c->entries, c->bytes};
    pthread_mutex_unlock(&c->mu);
}

/* The request as one string: the path, then each argument's key and value, every part after its
 * length (a value's length is -1 when there is no value: "?flag" and "?flag=" differ). */
static int make_key(dy_buf *k, const char *path, const dy_kv *args, size_t nargs)
{
    const char *parts[1 + 2 * 32];
    size_t n = 0;
    if (nargs > 32) return -1;
    parts[n++] = path;
    for (size_t i = 0; i < nargs; i++) {
        parts[n++] = args[i].key ? args[i].key : "";
        parts[n++] = args[i].value;
    }
    for (size_t i = 0; i < n; i++) {
        long long len = parts[i] ? (long long)strlen(parts[i]) : -1;
        if (dy_buf_add(k, &len, sizeof len) || (parts[i] && dy_buf_add(k, parts[i], (size_t)len))) return -1;
    }
    return 0;
}

static entry *find(dy_api_cache *c, uint64_t h, const dy_buf *k)
{
    for (entry *e = c->bucket[h % c->nbucket]; e; e = e->next_hash)
        if (e->hash == h && e->key_len == k->len && !memcmp(e->data, k->data, k->len)) return e;
    return NULL;
}

/* Looks the key up under the lock (after a change flushed the cache); copies a hit's answer
 * into body and page. 1: a hit; 0: a miss, with *gen the generation to store the answer in. */
static int lookup(dy_api_cache *c, int changed, uint64_t h, const dy_buf *k, dy_buf *body, dy_api_page *page,
                  int *status, uint64_t *gen)
{
    int hit = 0;
    pthread_mutex_lock(&c->mu);
    if (changed) {
        cache_flush(c);
        c->generation++;
        c->flushes++;
    }
    *gen = c->generation;
    entry *e = find(c, h, k);
    if (e && !dy_buf_add(body, e->data + e->key_len, e->body_len)) {
        unlink_lru(c, e);
        push_front(c, e);
        *page = e->page;
        *status = e->status;
        hit = 1;
    }
    if (hit) c->hits++; else c->misses++;
    pthread_mutex_unlock(&c->mu);
    return hit;
}

/* Keeps an answer of generation gen, unless the data changed since, it is too large for the
 * cache (an eighth of it), or the same key is there already; the least recent go to make room. */
static void store(dy_api_cache *c, uint64_t gen, uint64_t h, const dy_buf *k, const char *body, size_t body_len,
                  const dy_api_page *page, int status)
{
    size_t size = sizeof(entry) + k->len + body_len;
    if (size > c->max_bytes / 8) return;
    entry *e = malloc(size);
    if (!e) return;
    *e = (entry){.hash = h, .key_len = k->len, .body_len = body_len, .size = size, .status = status, .page = *page};
    memcpy(e->data, k->data, k->len);
    memcpy(e->data + k->len, body, body_len);
    pthread_mutex_lock(&c->mu);
    if (gen != c->generation || find(c, h, k)) {
        pthread_mutex_unlock(&c->mu);
        free(e);
        return;
    }
    while (c->tail && c->bytes + size > c->max_bytes) drop(c, c->tail);
    e->next_hash = c->bucket[h % c->nbucket];
    c->bucket[h % c->nbucket] = e;
    push_front(c, e);
    c->bytes += size;
    c->entries++;
    pthread_mutex_unlock(&c->mu);
}

int dy_api_serve_cached(dy_api_cache *c, dy_db *db, const dy_api_limits *lim, const char *path, const dy_kv *args,
                        size_t nargs, dy_buf *body, dy_api_page *pagep, int *hit)
{
    dy_api_page page0, *page = pagep ? pagep : &page0;
    dy_buf k = {0};
    int changed = c ? dy_db_changed(db) : -1;
    *hit = 0;
    if (changed < 0 || make_key(&k, path, args, nargs)) {      /* no cache, or it cannot tell a change */
        dy_buf_free(&k);
        return dy_api_serve(db, lim, path, args, nargs, body, page);
    }
    uint64_t h = dy_hash(k.data, k.len), gen;
    size_t start = body->len;
    int status;
    if (lookup(c, changed, h, &k, body, page, &status, &gen)) {
        dy_buf_free(&k);
        *hit = 1;
        return status;
    }
    status = dy_api_serve(db, lim, path, args, nargs, body, page);
    if (status == 200 || status == 404) store(c, gen, h, &k, body->data + start, body->len - start, page, status);
    dy_buf_free(&k);
    return status;
}
