/* store.c - benchmark of the corpus store: how fast events go into SQLite, and how fast the
 * dashboard's two heavy questions come back on a large database.
 *
 *   build/bench-store [-n EVENTS] [-o FILE.db] [-g] [-s even|news]
 *
 * Loads EVENTS generated events (default 1,000,000) into a new store the way 'dyad ingest' does:
 * dy_store_bulk_begin(), batches of 500 documents (10,000 events) a transaction, then
 * dy_store_bulk_end() building the deferred indexes; over 150 countries and 25 years, one
 * document per 20 events. Prints the insert time, the index build time and the total, the figure
 * to quote being EVENTS over insert plus build. Then times "query series" for one dyad by month
 * over the whole span and "query network" for one month, each the best of five runs, and last
 * adds EVENTS/10 more (at most 100,000) to the now indexed store, the incremental case where
 * every batch updates the indexes (-g: the store only, none of the timings after the load). Deterministic: its own PRNG. Prints one line per figure.
 *
 * Each event has its date, its sentence (one a sentence, "RUS threatened PRK." with the spans of
 * source, verb and target) and about one in 25 has an IGO (IGOUNO, IGOEU ...) or a region (EUR,
 * AFR ...) for an actor, so that the dashboard's test (tests/e2e/run.sh scale) finds all kinds.
 *
 * -s news shapes the events like a corpus about the Korean summits instead: over ten years
 * (2015-2024), a few dyads hold most events (RUS-PRK over half, both ways; then KOR-PRK, USA-PRK,
 * CHN-PRK ...) and a long tail of pairs of the 150 countries, busier near the front of the list;
 * one in four sources or targets is a government or a military (RUSGOV, PRKMIL); a third of the
 * busy dyads' events come in bursts around summit days; each document has a topic dyad that most
 * of its events are of, and 5 events, like a news story.
 */
#define _POSIX_C_SOURCE 200809L
#include "../src/dy_dates.h"
#include "../src/dy_query.h"
#include "../src/dy_store.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t st = 0x9e3779b97f4a7c15ULL;
static uint64_t rnd(void)
{
    st ^= st << 13;
    st ^= st >> 7;
    st ^= st << 17;
    return st;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "bench-store: %s: %s\n", what, msg);
    exit(1);
}

static const char codes[][4] = {"RUS", "PRK", "KOR", "CHN", "USA", "JPN", "UKR", "IND", "GBR", "FRA", "DEU", "IRN",
                                "ISR", "TUR", "SYR", "IRQ", "PAK", "AFG", "BRA", "MEX"};
static char country[150][4];
static const char *const cameo[] = {"010", "020", "036", "042", "043", "057", "061", "071", "111", "112", "120", "130", "163", "173", "190"};
static const char *const root[] = {"01", "02", "03", "04", "04", "05", "06", "07", "11", "11", "12", "13", "16", "17", "19"};
static const double gold[] = {0, 3, 4, 1.9, 2.8, 8, 6.4, 7.4, -2, -2, -4, -4.4, -8, -5, -10};
static const char *const verb[] = {"commented on", "appealed to", "asked", "praised", "consulted", "signed with", "aided",
                                   "gave aid to", "criticized", "denounced", "rejected", "threatened", "expelled", "arrested", "attacked"};
static const char *const igos[] = {"IGOUNO", "IGOEU", "IGONATO", "IGOAFR"}, *const regions[] = {"EUR", "AFR", "MEA", "ASA"};
enum { DAY0 = 10957, DAYS = 9131, PER_DOC = 20, BATCH = 10000 };     /* 2000-01-01, 25 years */

/* The document of events [i, i + PER_DOC): one sentence an event, "SRC verb TGT."; spans[k] the
 * byte offsets of sentence k (start, end) and of its source, verb and target. */
typedef struct gen_ev { int a, b, c, day; const char *src, *tgt; char s[16], t[16]; uint32_t sp[8]; } gen_ev;

static void pick(gen_ev *e)
{
    /* skewed like news: the first 20 countries take most events */
    uint64_t r = rnd();
    e->a = (int)((r >> 8) % ((r & 3) ? 20 : 150));
    e->b = (int)((r >> 20) % ((r & 12) ? 20 : 150));
    if (e->a == e->b) e->b = (e->b + 1) % 150;
    e->c = (int)((r >> 40) % 15);
    e->src = country[e->a];
    e->tgt = country[e->b];
    if ((r >> 50) % 50 == 0) e->src = igos[(r >> 56) % 4];
    else if ((r >> 50) % 50 == 1) e->tgt = regions[(r >> 56) % 4];
}

/* -s news: the busy dyads and their share of the events in thousandths (both ways, the first
 * country the source a little more often); the rest is the tail. */
static const struct { const char *a, *b; int permil; } busy[] = {
    {"RUS", "PRK", 550}, {"KOR", "PRK", 80}, {"USA", "PRK", 60}, {"CHN", "PRK", 40}, {"USA", "RUS", 35},
    {"JPN", "PRK", 25}, {"RUS", "UKR", 25}, {"USA", "CHN", 20}, {"KOR", "USA", 15}, {"KOR", "JPN", 10},
};
static const int summits[] = {16950, 17330, 17684, 18055, 18438, 18813, 19246, 19612, 19978};  /* days of summits */
static int news, per_doc = PER_DOC, day0 = DAY0, days = DAYS;
static gen_ev topic;      /* the document's dyad (-s news) */

/* -s news: a story's day; a third of the busy dyads' stories within a month of a summit. */
static int news_day(int busy_dyad)
{
    uint64_t r = rnd();
    if (busy_dyad && r % 3 == 0) {
        int d = summits[(r >> 2) % (sizeof summits / sizeof summits[0])] + (int)((r >> 8) % 61) - 30;
        if (d >= day0 + 2 && d < day0 + days) return d;
    }
    return day0 + 2 + (int)((r >> 16) % (uint64_t)(days - 2));
}

/* A country of the tail: the first of the list far more often than the last. */
static int tail_country(void)
{
    double u = (double)(rnd() >> 11) / 9007199254740992.0;
    return (int)(150 * u * u * u);
}

/* -s news: a dyad from the busy list or the tail, as a and b (a the source). */
static void pick_news(gen_ev *e)
{
    int r = (int)(rnd() % 1000), k = 0, acc = 0, n = (int)(sizeof busy / sizeof busy[0]);
    for (; k < n && r >= (acc += busy[k].permil); k++) {}
    if (k < n) {
        int swap = rnd() % 100 < 45;
        for (int i = 0; i < 150; i++) {
            if (!strcmp(country[i], swap ? busy[k].b : busy[k].a)) e->a = i;
            if (!strcmp(country[i], swap ? busy[k].a : busy[k].b)) e->b = i;
        }
    } else {
        e->a = tail_country();
        e->b = tail_country();
        if (e->a == e->b) e->b = (e->b + 1 + (int)(rnd() % 149)) % 150;
    }
}

/* -s news: the event's dyad (mostly the document's topic), code, actors and day. */
static int pick_news_event(gen_ev *e, int pubday)
{
    uint64_t r = rnd();
    if (r % 4) { e->a = topic.a; e->b = topic.b; if ((r >> 2) % 5 == 0) { int t = e->a; e->a = e->b; e->b = t; } }
    else pick_news(e);
    e->c = (int)((r >> 40) % 15);
    static const char *const kinds[] = {"", "GOV", "MIL", ""};
    snprintf(e->s, sizeof e->s, "%s%s", country[e->a], kinds[(r >> 44) & 3]);
    snprintf(e->t, sizeof e->t, "%s%s", country[e->b], kinds[(r >> 46) & 3]);
    e->src = e->s;
    e->tgt = e->t;
    if ((r >> 50) % 50 == 0) e->src = igos[(r >> 56) % 4];
    return pubday - (int)((r >> 58) % 3);       /* the day of the story or a day or two before */
}

static size_t doc_text(gen_ev *ev, int n, char *text, size_t size)
{
    size_t len = 0;
    for (int k = 0; k < n; k++) {
        gen_ev *e = &ev[k];
        uint32_t at = (uint32_t)len + (k ? 1 : 0);
        e->sp[0] = at;
        e->sp[2] = at;
        e->sp[3] = at + (uint32_t)strlen(e->src);
        e->sp[4] = e->sp[3] + 1;
        e->sp[5] = e->sp[4] + (uint32_t)strlen(verb[e->c]);
        e->sp[6] = e->sp[5] + 1;
        e->sp[7] = e->sp[6] + (uint32_t)strlen(e->tgt);
        e->sp[1] = e->sp[7] + 1;
        len += (size_t)snprintf(text + len, size - len, "%s%s %s %s.", k ? " " : "", e->src, verb[e->c], e->tgt);
    }
    return len;
}

/* Adds events [from, from + n) and their documents, BATCH events a transaction. */
static void load(dy_store *s, long from, long n)
{
    sqlite3 *db = dy_store_sqlite(s);
    dy_err err = {0};
    sqlite3_stmt *doc, *ev, *sen;
    if (sqlite3_prepare_v2(db, "INSERT INTO documents(name, hash, pub, pubday, text) VALUES(?1, ?2, ?4, ?3, ?5)", -1, &doc, NULL) ||
        sqlite3_prepare_v2(db, "INSERT INTO sentences(doc, no, start, end) VALUES(?1, ?2, ?3, ?4)", -1, &sen, NULL) ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO events(doc, sent, date, day, prec, source, target, src3, tgt3, code, root, quad, goldstein, "
                           "src_start, src_end, verb_start, verb_end, tgt_start, tgt_end) "
                           "VALUES(?1, ?9, ?10, ?2, 3, ?3, ?4, substr(?3, 1, 3), substr(?4, 1, 3), ?5, ?6, ?7, ?8, ?11, ?12, ?13, ?14, ?15, ?16)",
                           -1, &ev, NULL))
        die("prepare", sqlite3_errmsg(db));
    int64_t docid = 0;
    gen_ev evs[PER_DOC];
    char text[PER_DOC * 64];
    int nev = 0;
    for (long i = from; i < from + n; i++) {
        if ((i - from) % BATCH == 0 && dy_store_begin(s, &err)) die("begin", err.msg);
        if (i % per_doc == 0 || i == from) {
            char name[32], hash[40], pub[16];
            nev = (int)(per_doc - i % per_doc < from + n - i ? per_doc - i % per_doc : from + n - i);
            int pubday = 0;
            if (news) {
                pick_news(&topic);
                pubday = news_day(topic.a < 20 && topic.b < 20);
            }
            for (int k = 0; k < nev; k++) {
                if (news) evs[k].day = pick_news_event(&evs[k], pubday);
                else pick(&evs[k]);
            }
            size_t len = doc_text(evs, nev, text, sizeof text);
            if (!news) pubday = DAY0 + (int)(rnd() % DAYS);
            dy_date_format(dy_date_from_days(pubday), pub);
            snprintf(name, sizeof name, "gen-%ld", i / per_doc);
            snprintf(hash, sizeof hash, "%016llx%016llx", (unsigned long long)rnd(), (unsigned long long)i);
            sqlite3_bind_text(doc, 1, name, -1, SQLITE_STATIC);
            sqlite3_bind_text(doc, 2, hash, -1, SQLITE_STATIC);
            sqlite3_bind_int(doc, 3, pubday);
            sqlite3_bind_text(doc, 4, pub, -1, SQLITE_STATIC);
            sqlite3_bind_text(doc, 5, text, (int)len, SQLITE_STATIC);
            if (sqlite3_step(doc) != SQLITE_DONE) die("insert", sqlite3_errmsg(db));
            sqlite3_reset(doc);
            docid = sqlite3_last_insert_rowid(db);
            for (int k = 0; k < nev; k++) {
                sqlite3_bind_int64(sen, 1, docid);
                sqlite3_bind_int(sen, 2, k + 1);
                sqlite3_bind_int(sen, 3, (int)evs[k].sp[0]);
                sqlite3_bind_int(sen, 4, (int)evs[k].sp[1]);
                if (sqlite3_step(sen) != SQLITE_DONE) die("insert", sqlite3_errmsg(db));
                sqlite3_reset(sen);
            }
            nev = 0;
        }
        gen_ev *e = &evs[nev++];
        int day = news ? e->day : DAY0 + (int)(rnd() % DAYS);
        char date[16];
        dy_date_format(dy_date_from_days(day), date);
        sqlite3_bind_int64(ev, 1, docid);
        sqlite3_bind_int(ev, 2, day);
        sqlite3_bind_text(ev, 3, e->src, -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 4, e->tgt, -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 5, cameo[e->c], 3, SQLITE_STATIC);
        sqlite3_bind_text(ev, 6, root[e->c], 2, SQLITE_STATIC);
        int rt = atoi(root[e->c]);
        sqlite3_bind_int(ev, 7, rt <= 5 ? 1 : rt <= 9 ? 2 : rt <= 14 ? 3 : 4);
        sqlite3_bind_double(ev, 8, gold[e->c]);
        sqlite3_bind_int(ev, 9, nev);
        sqlite3_bind_text(ev, 10, date, -1, SQLITE_TRANSIENT);
        for (int k = 2; k < 8; k++) sqlite3_bind_int(ev, 9 + k, (int)e->sp[k]);
        if (sqlite3_step(ev) != SQLITE_DONE) die("insert", sqlite3_errmsg(db));
        sqlite3_reset(ev);
        if ((i - from + 1) % BATCH == 0 || i + 1 == from + n)
            if (dy_store_commit(s, &err)) die("commit", err.msg);
    }
    sqlite3_finalize(doc);
    sqlite3_finalize(sen);
    sqlite3_finalize(ev);
}

int main(int argc, char **argv)
{
    long n = 1000000;
    const char *path = "build/bench-store.db";
    int only = 0;       /* -g: generate the store, time nothing more */
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-g")) only = 1;
        else if (!strcmp(argv[i], "-n") && i + 1 < argc) n = atol(argv[++i]);
        else if (!strcmp(argv[i], "-o") && i + 1 < argc) path = argv[++i];
        else if (!strcmp(argv[i], "-s") && i + 1 < argc && (!strcmp(argv[i + 1], "news") || !strcmp(argv[i + 1], "even")))
            news = !strcmp(argv[++i], "news");
        else n = 0;
    }
    if (n < 1) die("usage", "bench-store [-n EVENTS] [-o FILE.db] [-g] [-s even|news]");
    if (news) {
        per_doc = 5;
        day0 = 16436;       /* 2015-01-01, ten years */
        days = 3653;
    }
    char wal[4096], shm[4096];
    snprintf(wal, sizeof wal, "%s-wal", path);
    snprintf(shm, sizeof shm, "%s-shm", path);
    unlink(path);
    unlink(wal);
    unlink(shm);
    for (int i = 0; i < 150; i++) {
        if (i < 20) memcpy(country[i], codes[i], 4);
        else snprintf(country[i], 4, "%c%c%c", 'A' + i % 26, 'A' + (i / 26) % 26, 'Q');
    }
    dy_store *s = NULL;
    dy_err err = {0};
    if (dy_store_open(path, DY_STORE_WRITE, &s, &err)) die(path, err.msg);
    dy_db *db = dy_store_db(s);
    double t0 = now();
    if (dy_store_bulk_begin(s, &err) != 1) die("bulk load", err.msg);
    load(s, 0, n);
    double t1 = now();
    if (dy_store_bulk_end(s, NULL, NULL, &err)) die("index build", err.msg);
    double t2 = now();
    printf("insert: %ld events (%ld documents) in %.2f s = %.0f events/s\n", n, (n + per_doc - 1) / per_doc, t1 - t0, n / (t1 - t0));
    printf("index build: %.2f s\n", t2 - t1);
    printf("total: %ld events in %.2f s = %.0f events/s\n", n, t2 - t0, n / (t2 - t0));
    if (only) {
        dy_store_close(&s);
        return 0;
    }

    dy_qopts o;
    dy_qopts_init(&o);
    memcpy(o.a, "RUS", 4);
    memcpy(o.b, "PRK", 4);
    o.by = DY_BY_MONTH;
    double best = 1e9;
    size_t rows = 0;
    for (int k = 0; k < 5; k++) {
        dy_result *r = NULL;
        double a0 = now();
        if (dy_query_series(db, &o, &r, &err)) die("series", err.msg);
        double a1 = now();
        rows = dy_result_rows(r);
        dy_result_destroy(&r);
        if (a1 - a0 < best) best = a1 - a0;
    }
    printf("query series RUS,PRK by month: %zu periods in %.1f ms\n", rows, best * 1e3);
    dy_qopts_init(&o);
    const char *month = news ? "2018-06" : "2012-06";
    if (dy_query_date(month, 0, &o.from, &err) || dy_query_date(month, 1, &o.to, &err)) die("date", err.msg);
    best = 1e9;
    size_t nn = 0, ne = 0;
    for (int k = 0; k < 5; k++) {
        dy_result *nodes = NULL, *edges = NULL;
        double a0 = now();
        if (dy_query_network(db, &o, &nodes, &edges, &err)) die("network", err.msg);
        double a1 = now();
        nn = dy_result_rows(nodes);
        ne = dy_result_rows(edges);
        dy_result_destroy(&nodes);
        dy_result_destroy(&edges);
        if (a1 - a0 < best) best = a1 - a0;
    }
    printf("query network %s: %zu nodes, %zu edges in %.1f ms\n", month, nn, ne, best * 1e3);

    long more = n / 10 < 100000 ? n / 10 : 100000;
    if (more > 0) {
        double a0 = now();
        if (dy_store_bulk_begin(s, &err) != 0) die("incremental load", err.msg);
        load(s, n, more);
        double a1 = now();
        printf("incremental: %ld more events, indexes kept up to date, in %.2f s = %.0f events/s\n", more, a1 - a0, more / (a1 - a0));
    }
    dy_store_close(&s);
    return 0;
}
