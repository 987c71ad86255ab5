/* dy_store.c - the SQLite corpus store: schema, batched writes, content hashes, recoding. */
#include "dy_store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define SCHEMA_VERSION "2"

enum { S_FIND, S_FIND_NAME, S_DEL_DOC, S_ADD_DOC, S_ADD_SENT, S_ADD_EVENT, S_ADD_FACT, S_ADD_MENTION, S_ADD_ACTOR,
       S_DEL_SENT, S_DEL_EVENT, S_DEL_FACT, S_DEL_MENTION, S_NSTMT };

static const char *const stmt_sql[S_NSTMT] = {
    [S_FIND] = "SELECT id FROM documents WHERE hash = ?1",
    [S_FIND_NAME] = "SELECT id FROM documents WHERE name = ?1 AND hash <> ?2",
    [S_DEL_DOC] = "DELETE FROM documents WHERE id = ?1",
    [S_ADD_DOC] = "INSERT INTO documents(name, hash, pub, source, title, url, body, text, pubday) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
    [S_ADD_SENT] = "INSERT INTO sentences(doc, no, start, end) VALUES(?1,?2,?3,?4)",
    [S_ADD_EVENT] = "INSERT INTO events(doc, sent, date, day, prec, source, target, src3, tgt3, code, root, quad, goldstein, "
                    "src_start, src_end, tgt_start, tgt_end, verb_start, verb_end) "
                    "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)",
    [S_ADD_FACT] = "INSERT INTO facts(doc, sent, kind, actors, year, date, value, label, clauses, stage, party, kinds) "
                   "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    [S_ADD_MENTION] = "INSERT INTO mentions(doc, code, code3, text, n, first) VALUES(?1,?2,?3,?4,?5,?6)",
    [S_ADD_ACTOR] = "INSERT OR IGNORE INTO actors(code, country) VALUES(?1, ?2)",
    [S_DEL_SENT] = "DELETE FROM sentences WHERE doc = ?1",
    [S_DEL_EVENT] = "DELETE FROM events WHERE doc = ?1",
    [S_DEL_FACT] = "DELETE FROM facts WHERE doc = ?1",
    [S_DEL_MENTION] = "DELETE FROM mentions WHERE doc = ?1",
};

/* The secondary indexes whose entries arrive in random order as an ingest goes: a bulk load into an
 * empty store drops them and builds them once at the end (dy_store_bulk_begin/_end). The others
 * (documents.hash, documents_name, the per-document *_doc indexes and sentences' key) grow at
 * their right-hand end, cost little to keep, and serve the ingest itself (dedupe, --replace). */
#define IDX_DOCUMENTS_PUBDAY "CREATE INDEX IF NOT EXISTS documents_pubday ON documents(pubday)"
/* a dyad's series and events: by country pair, then day; covering what a series sums, and the
 * one-a-day groups (day, source, target, code) of a network read in one pass (dy_query_network) */
#define IDX_EVENTS_DYAD "CREATE INDEX IF NOT EXISTS events_dyad ON events(src3, tgt3, day, source, target, code, quad, goldstein)"
/* a network or an export over a period: by day, covering the edge sums */
#define IDX_EVENTS_DAY "CREATE INDEX IF NOT EXISTS events_day ON events(day, src3, tgt3, goldstein)"
#define IDX_EVENTS_TGT "CREATE INDEX IF NOT EXISTS events_tgt ON events(tgt3, day)"
#define IDX_FACTS_KIND "CREATE INDEX IF NOT EXISTS facts_kind ON facts(kind, actors, year)"
#define IDX_MENTIONS_CODE "CREATE INDEX IF NOT EXISTS mentions_code ON mentions(code3, code)"

static const struct { const char *name, *sql; } deferred[] = {
    {"events_dyad", IDX_EVENTS_DYAD}, {"events_day", IDX_EVENTS_DAY},       {"events_tgt", IDX_EVENTS_TGT},
    {"mentions_code", IDX_MENTIONS_CODE}, {"facts_kind", IDX_FACTS_KIND}, {"documents_pubday", IDX_DOCUMENTS_PUBDAY},
};
enum { NDEFERRED = sizeof deferred / sizeof deferred[0] };

/* The relations graph (dy_relations.c): treaty and tier records and the facts behind each; rebuilt
 * from the facts after every ingest and recode, so the claims name facts without a foreign key. */
#define RELATIONS_SCHEMA \
    "CREATE TABLE IF NOT EXISTS treaties(\n" \
    "  id INTEGER PRIMARY KEY, parties TEXT NOT NULL, name TEXT NOT NULL, kinds TEXT, clauses TEXT,\n" \
    "  status TEXT, signed TEXT, in_force TEXT, ended TEXT);\n" \
    "CREATE INDEX IF NOT EXISTS treaties_parties ON treaties(parties);\n" \
    "CREATE TABLE IF NOT EXISTS treaty_claims(\n" \
    "  treaty INTEGER NOT NULL, fact INTEGER NOT NULL, what TEXT NOT NULL, value TEXT NOT NULL, party TEXT, date TEXT);\n" \
    "CREATE INDEX IF NOT EXISTS treaty_claims_treaty ON treaty_claims(treaty);\n" \
    "CREATE TABLE IF NOT EXISTS tiers(\n" \
    "  id INTEGER PRIMARY KEY, parties TEXT NOT NULL, tier TEXT NOT NULL, rank INTEGER, since TEXT, latest TEXT,\n" \
    "  claims INTEGER NOT NULL, current INTEGER NOT NULL DEFAULT 0);\n" \
    "CREATE INDEX IF NOT EXISTS tiers_parties ON tiers(parties);\n" \
    "CREATE TABLE IF NOT EXISTS tier_claims(tier INTEGER NOT NULL, fact INTEGER NOT NULL, date TEXT);\n" \
    "CREATE INDEX IF NOT EXISTS tier_claims_tier ON tier_claims(tier);\n"

/* Schema 1 to 2: the facts' treaty columns (their values come with 'dyad recode') and the
 * relations tables (made by the schema itself). */
static const char migrate_1_2[] =
    "ALTER TABLE facts ADD COLUMN clauses INTEGER; ALTER TABLE facts ADD COLUMN stage TEXT;"
    "ALTER TABLE facts ADD COLUMN party TEXT; ALTER TABLE facts ADD COLUMN kinds TEXT;"
    "UPDATE meta SET value = '2' WHERE key = 'schema';";

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS documents(\n"
    "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, pub TEXT, source TEXT,\n"
    "  pubday INTEGER, title TEXT, url TEXT, body INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS documents_name ON documents(name);\n"
    IDX_DOCUMENTS_PUBDAY ";\n"
    "CREATE TABLE IF NOT EXISTS sentences(\n"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, no INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY(doc, no)) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS events(\n"
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  sent INTEGER NOT NULL, date TEXT, day INTEGER, prec INTEGER NOT NULL,\n"
    "  source TEXT NOT NULL, target TEXT NOT NULL, src3 TEXT NOT NULL, tgt3 TEXT NOT NULL,\n"
    "  code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,\n"
    "  src_start INTEGER, src_end INTEGER, tgt_start INTEGER, tgt_end INTEGER, verb_start INTEGER, verb_end INTEGER);\n"
    IDX_EVENTS_DYAD ";\n"
    IDX_EVENTS_DAY ";\n"
    IDX_EVENTS_TGT ";\n"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);\n"
    "CREATE TABLE IF NOT EXISTS facts(\n"
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  sent INTEGER NOT NULL, kind TEXT NOT NULL, actors TEXT NOT NULL, year INTEGER, date TEXT,\n"
    "  value REAL, label TEXT, clauses INTEGER, stage TEXT, party TEXT, kinds TEXT);\n"
    IDX_FACTS_KIND ";\n"
    "CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc);\n"
    /* every actor ever coded, and per document each name it went by, how often, and where first */
    "CREATE TABLE IF NOT EXISTS actors(code TEXT PRIMARY KEY, country TEXT NOT NULL) WITHOUT ROWID;\n"
    "CREATE TABLE IF NOT EXISTS mentions(\n"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, code TEXT NOT NULL REFERENCES actors(code),\n"
    "  code3 TEXT NOT NULL, text TEXT NOT NULL, n INTEGER NOT NULL, first INTEGER NOT NULL);\n"
    IDX_MENTIONS_CODE ";\n"
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc);\n"
    RELATIONS_SCHEMA;

struct dy_store {
    sqlite3 *db;
    sqlite3_stmt *st[S_NSTMT];
    int in_tx;
    int bulk;       /* this connection deferred the indexes (dy_store_bulk_begin) */
    dy_buf rows;    /* dy_store_add's rows of the document (dy_store_rows), reused */
};

/* The write connection's settings, and those of an index build: there SQLite's sorter works in
 * runs of a few megabytes, in temporary files, with helper threads (it uses none when temporary
 * storage is in memory), which on our benchmark builds the indexes in half the time of one big
 * in-memory sort. */
#define WRITE_CACHE "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA threads = 0;"
#define BUILD_CACHE "PRAGMA cache_size = -4096; PRAGMA temp_store = FILE; PRAGMA threads = 4;"

static dy_status sqlerr(dy_store *s, dy_err *err, const char *what)
{
    dy_err_set(err, DY_EIO, "%s: %s", what, s && s->db ? sqlite3_errmsg(s->db) : "cannot open");
    return DY_EIO;
}

/* Whether meta says a bulk load deferred the indexes (and has not built them yet). */
static int deferred_pending(dy_store *s)
{
    sqlite3_stmt *q = NULL;
    int yes = sqlite3_prepare_v2(s->db, "SELECT 1 FROM meta WHERE key = 'indexes'", -1, &q, NULL) == SQLITE_OK &&
              sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    return yes;
}

/* Creates the deferred indexes that are missing and deletes the meta row, in one transaction. */
static dy_status build_indexes(dy_store *s, dy_store_progress_fn fn, void *ctx, dy_err *err)
{
    char *msg = NULL;
    dy_status st = DY_OK;
    if (sqlite3_exec(s->db, BUILD_CACHE, NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK) {
        st = dy_err_set(err, DY_EIO, "cannot build the indexes: %s", msg ? msg : sqlite3_errmsg(s->db));
        goto out;
    }
    for (int i = 0; i < NDEFERRED; i++) {
        if (fn) fn(ctx, deferred[i].name, i, NDEFERRED);
        if (sqlite3_exec(s->db, deferred[i].sql, NULL, NULL, &msg) != SQLITE_OK) break;
    }
    if (!msg) sqlite3_exec(s->db, "DELETE FROM meta WHERE key = 'indexes'; COMMIT", NULL, NULL, &msg);
    if (msg) {
        st = dy_err_set(err, DY_EIO, "cannot build the indexes: %s", msg);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    } else if (fn) fn(ctx, NULL, NDEFERRED, NDEFERRED);
out:
    sqlite3_free(msg);
    msg = NULL;
    if (sqlite3_exec(s->db, WRITE_CACHE, NULL, NULL, &msg) != SQLITE_OK && st == DY_OK)
        st = dy_err_set(err, DY_EIO, "cannot build the indexes: %s", msg);
    sqlite3_free(msg);
    return st;
}

/* Brings a store of an older schema up to this one, in one transaction. 0, or -1 with *msg. */
static int migrate(dy_store *s, char **msg)
{
    sqlite3_stmt *q = NULL;
    int v = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'schema'", -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        v = atoi((const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    if (v != 1) return 0;       /* a new store (none yet), or one of this schema */
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, msg) != SQLITE_OK) return -1;
    if (sqlite3_exec(s->db, migrate_1_2, NULL, NULL, msg) != SQLITE_OK || sqlite3_exec(s->db, "COMMIT", NULL, NULL, msg) != SQLITE_OK) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return 0;
}

dy_status dy_store_open(const char *path, int mode, dy_store **out, dy_err *err)
{
    *out = NULL;
    dy_store *s = calloc(1, sizeof *s);
    if (!s) return dy_err_set(err, DY_ENOMEM, "out of memory"), DY_ENOMEM;
    int flags = mode == DY_STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        dy_err_set(err, DY_EIO, "%s: cannot open the database: %s", path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
        dy_store_close(&s);
        return DY_EIO;
    }
    sqlite3_busy_timeout(s->db, 5000);
    char *msg = NULL;
    /* page_size applies to a new file only (an existing store keeps its own): 16 KB pages made
     * bench-store's inserts a quarter faster than 4 KB ones, with the same query times. */
    const char *setup = mode == DY_STORE_WRITE
                            ? "PRAGMA foreign_keys = ON; PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                              "PRAGMA mmap_size = 1073741824; PRAGMA wal_autocheckpoint = 20000; " WRITE_CACHE
                            : "PRAGMA foreign_keys = ON; PRAGMA query_only = ON;";
    if (sqlite3_exec(s->db, setup, NULL, NULL, &msg) != SQLITE_OK) goto bad;
    if (mode == DY_STORE_WRITE) {
        /* a bulk load that did not finish (a crash, a kill): its indexes first, the fast way */
        if (deferred_pending(s) && build_indexes(s, NULL, NULL, err)) {
            dy_store_close(&s);
            return DY_EIO;
        }
        if (migrate(s, &msg) || sqlite3_exec(s->db, schema, NULL, NULL, &msg) != SQLITE_OK) goto bad;
        if (sqlite3_exec(s->db, "INSERT OR IGNORE INTO meta(key, value) VALUES('schema', '" SCHEMA_VERSION "')", NULL, NULL, &msg) != SQLITE_OK)
            goto bad;
        for (int i = 0; i < S_NSTMT; i++)
            if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK) {
                dy_err_set(err, DY_EIO, "%s: %s", path, sqlite3_errmsg(s->db));
                dy_store_close(&s);
                return DY_EIO;
            }
    } else {
        sqlite3_stmt *q = NULL;
        int ok = sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'schema'", -1, &q, NULL) == SQLITE_OK &&
                 sqlite3_step(q) == SQLITE_ROW;
        sqlite3_finalize(q);
        if (!ok) {
            dy_err_set(err, DY_EINPUT, "%s: not a dyad database (make one with 'dyad ingest --db %s FILE...')", path, path);
            dy_store_close(&s);
            return DY_EINPUT;
        }
    }
    *out = s;
    return DY_OK;
bad:
    dy_err_set(err, DY_EIO, "%s: %s", path, msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    dy_store_close(&s);
    return DY_EIO;
}

void dy_store_close(dy_store **sp)
{
    if (!sp || !*sp) return;
    dy_store *s = *sp;
    if (s->in_tx) dy_store_rollback(s);
    for (int i = 0; i < S_NSTMT; i++) sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    dy_buf_free(&s->rows);
    free(s);
    *sp = NULL;
}

sqlite3 *dy_store_db(dy_store *s) { return s->db; }

dy_status dy_store_begin(dy_store *s, dy_err *err)
{
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return sqlerr(s, err, "cannot start a transaction");
    s->in_tx = 1;
    return DY_OK;
}

dy_status dy_store_commit(dy_store *s, dy_err *err)
{
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) return sqlerr(s, err, "cannot commit");
    s->in_tx = 0;
    return DY_OK;
}

void dy_store_rollback(dy_store *s)
{
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = 0;
}

int dy_store_bulk_begin(dy_store *s, dy_err *err)
{
    if (s->in_tx || s->bulk) return dy_err_set(err, DY_EUSAGE, "dy_store_bulk_begin: inside a transaction or a bulk load"), -1;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return sqlerr(s, err, "cannot start a transaction"), -1;
    sqlite3_stmt *q = NULL;
    int rc = sqlite3_prepare_v2(s->db, "SELECT EXISTS(SELECT 1 FROM events)", -1, &q, NULL);
    if (rc == SQLITE_OK) rc = sqlite3_step(q);
    int empty = rc == SQLITE_ROW && sqlite3_column_int(q, 0) == 0;
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW) {
        sqlerr(s, err, "cannot read the events");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    if (!empty) {   /* an incremental ingest: the indexes stay */
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return 0;
    }
    char *msg = NULL;
    for (int i = 0; i < NDEFERRED && !msg; i++) {
        char sql[96];
        snprintf(sql, sizeof sql, "DROP INDEX IF EXISTS %s", deferred[i].name);
        sqlite3_exec(s->db, sql, NULL, NULL, &msg);
    }
    if (!msg) sqlite3_exec(s->db, "INSERT OR REPLACE INTO meta(key, value) VALUES('indexes', 'deferred'); COMMIT", NULL, NULL, &msg);
    if (msg) {
        dy_err_set(err, DY_EIO, "cannot start a bulk load: %s", msg);
        sqlite3_free(msg);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    s->bulk = 1;
    return 1;
}

dy_status dy_store_bulk_end(dy_store *s, dy_store_progress_fn fn, void *ctx, dy_err *err)
{
    if (s->in_tx) return dy_err_set(err, DY_EUSAGE, "dy_store_bulk_end: inside a transaction"), DY_EUSAGE;
    if (!s->bulk) return DY_OK;
    dy_status st = build_indexes(s, fn, ctx, err);
    if (st == DY_OK) s->bulk = 0;
    return st;
}

/* ---- binding helpers ---- */
/* ---- a document's rows, recorded (dy_store_rows) and written (dy_store_add_rows) ----
 * The rows are the statements' bound values, in the order they run, as bytes: a row is its
 * statement (one byte), then each value as its parameter's number (one byte), its type and its
 * bytes, then a 0. The document's own row comes first, after its hash and name; the rows of its
 * content take the document's id (V_DOC) when they are written. */
enum { V_NULL, V_INT, V_REAL, V_TEXT, V_DOC };

typedef struct rec { dy_buf *b; int oom; } rec;

static void rec_put(rec *w, const void *p, size_t n) { w->oom |= dy_buf_add(w->b, p, n); }
static void rec_head(rec *w, int param, int type)
{
    unsigned char h[2] = {(unsigned char)param, (unsigned char)type};
    rec_put(w, h, 2);
}
static void rec_row(rec *w, int stmt) { unsigned char c = (unsigned char)stmt; rec_put(w, &c, 1); }
static void rec_end(rec *w) { unsigned char c = 0; rec_put(w, &c, 1); }
static void rec_doc(rec *w, int param) { rec_head(w, param, V_DOC); }
static void rec_int(rec *w, int param, int64_t v) { rec_head(w, param, V_INT); rec_put(w, &v, sizeof v); }
static void rec_real(rec *w, int param, double v) { rec_head(w, param, V_REAL); rec_put(w, &v, sizeof v); }
static void rec_text(rec *w, int param, const char *s, size_t n)
{
    if (!s) { rec_head(w, param, V_NULL); return; }
    uint32_t len = (uint32_t)n;
    rec_head(w, param, V_TEXT);
    rec_put(w, &len, sizeof len);
    rec_put(w, s, n);
}
static void rec_str(rec *w, int param, const char *s) { rec_text(w, param, s, s ? strlen(s) : 0); }

/* SQLITE_STATIC: every statement is stepped, reset and cleared (run, find_id) while the bound
 * text is still alive, so SQLite need not copy it. */
static void bind_text(sqlite3_stmt *q, int i, const char *s, size_t n) { s ? sqlite3_bind_text(q, i, s, (int)n, SQLITE_STATIC) : sqlite3_bind_null(q, i); }
static void bind_str(sqlite3_stmt *q, int i, const char *s) { bind_text(q, i, s, s ? strlen(s) : 0); }

static int run(dy_store *s, sqlite3_stmt *q, dy_err *err)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) { sqlerr(s, err, "cannot write"); return -1; }
    return 0;
}

/* The document's identity: its text and the metadata that changes how it is coded. */
static void doc_hash(const dy_doc *d, char out[33])
{
    XXH3_state_t *st = XXH3_createState();
    XXH128_hash_t h;
    if (st && XXH3_128bits_reset(st) == XXH_OK) {
        const char *parts[] = {d->id, d->title, d->source, d->url};
        for (int i = 0; i < 4; i++) {
            const char *p = parts[i] ? parts[i] : "";
            XXH3_128bits_update(st, p, strlen(p) + 1);
        }
        char pub[16];
        dy_date_format(d->pub, pub);
        XXH3_128bits_update(st, pub, strlen(pub) + 1);
        XXH3_128bits_update(st, d->text, d->len);
        h = XXH3_128bits_digest(st);
    } else {
        h = XXH3_128bits(d->text, d->len);
    }
    XXH3_freeState(st);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64, (unsigned long long)h.low64);
}

/* Days since 1970 of a date; a month or a year counts from its first day. */
static int64_t day_of(dy_date d)
{
    if (d.prec < DY_PREC_DAY) d.d = 1;
    if (d.prec < DY_PREC_MONTH) d.m = 1;
    return dy_date_days(d);
}

static int64_t find_id(sqlite3_stmt *q)
{
    int64_t id = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return id;
}

typedef struct mention { const char *code, *text; size_t len; uint32_t start; } mention;

static int cmp_mention(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    if (c) return c;
    if (x->len != y->len) return x->len < y->len ? -1 : 1;
    return memcmp(x->text, y->text, x->len);
}

/* The document's facts, each with the sentence it comes from. */
static void add_facts(rec *w, const dy_sent *sents, const dy_coder *coder, const dy_fact *f, size_t nf)
{
    for (size_t i = 0; i < nf; i++) {
        char actors[80] = "", date[16];
        for (int k = 0; k < f[i].nactors; k++) {
            if (k) strcat(actors, ",");
            strncat(actors, f[i].actors[k], 15);
        }
        dy_date_format(f[i].date, date);
        rec_row(w, S_ADD_FACT);
        rec_doc(w, 1);
        rec_int(w, 2, (int)sents[f[i].sent].no);
        rec_str(w, 3, dy_fact_kind_name(f[i].kind));
        rec_str(w, 4, actors);
        if (f[i].year) rec_int(w, 5, f[i].year);
        if (date[0]) rec_str(w, 6, date);
        switch (f[i].kind) {
        case DY_FACT_TRADE:
            rec_real(w, 7, f[i].value);
            if (f[i].currency[0] && strcmp(f[i].currency, "USD")) rec_str(w, 8, f[i].currency);
            break;
        case DY_FACT_TRADE_SHARE: case DY_FACT_RATIO: rec_real(w, 7, f[i].value); break;
        case DY_FACT_MILESTONE: rec_real(w, 7, f[i].gap_years); rec_str(w, 8, f[i].code); break;
        case DY_FACT_TREATY: case DY_FACT_STAGE: {
            /* its name, clauses, stage, the one party a stage is of, its kinds */
            rec_str(w, 8, f[i].name);
            if (f[i].kind == DY_FACT_TREATY) rec_int(w, 9, (int)f[i].clauses);
            if (f[i].stage) rec_str(w, 10, dy_stage_name(f[i].stage));
            if (f[i].party[0]) rec_str(w, 11, f[i].party);
            if (f[i].kinds[0]) rec_str(w, 12, f[i].kinds);
            break;
        }
        case DY_FACT_SANCTION: case DY_FACT_VETO: rec_str(w, 8, f[i].code); break;
        default: {
            /* the tier as named; its rank, NULL when the table does not list it */
            const dy_tier *t = dy_dict_tier(dy_coder_dict(coder), f[i].tier);
            if (t) rec_real(w, 7, t->rank);
            rec_str(w, 8, f[i].kind == DY_FACT_TIER_ORDER ? (t ? t->name : f[i].tier_name) : f[i].tier_name);
        }
        }
        rec_end(w);
    }
}

static void add_content(rec *w, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts)
{
    size_t ns, ne;
    const dy_sent *sents = dy_coder_sents(coder, &ns);
    const dy_event *ev = dy_coder_events(coder, &ne);
    /* the sentences that events and facts come from: their spans give the provenance */
    size_t nf = 0;
    const dy_fact *fv = facts ? dy_facts_list(facts, &nf) : NULL;
    uint8_t *need = calloc(ns ? ns : 1, 1);
    if (!need) { w->oom = 1; return; }
    for (size_t i = 0; i < ne; i++) need[ev[i].sent] = 1;
    for (size_t i = 0; i < nf; i++) need[fv[i].sent] = 1;
    for (size_t i = 0; i < ns; i++) {
        if (!need[i]) continue;
        rec_row(w, S_ADD_SENT);
        rec_doc(w, 1);
        rec_int(w, 2, (int)sents[i].no);
        rec_int(w, 3, (int)sents[i].start);
        rec_int(w, 4, (int)sents[i].end);
        rec_end(w);
    }
    free(need);
    for (size_t i = 0; i < ne; i++) {
        const dy_event *e = &ev[i];
        char date[16];
        dy_date_format(e->date, date);
        rec_row(w, S_ADD_EVENT);
        rec_doc(w, 1);
        rec_int(w, 2, (int)sents[e->sent].no);
        if (date[0]) {
            rec_str(w, 3, date);
            rec_int(w, 4, day_of(e->date));
        }
        rec_int(w, 5, e->date.prec);
        rec_str(w, 6, e->source);
        rec_str(w, 7, e->target);
        rec_text(w, 8, e->source, 3);
        rec_text(w, 9, e->target, 3);
        rec_str(w, 10, e->code);
        rec_str(w, 11, e->root);
        rec_int(w, 12, e->quad);
        rec_real(w, 13, e->goldstein);
        int64_t sp[6] = {e->src_start, e->src_end, e->tgt_start, e->tgt_end, e->verb_start, e->verb_end};
        for (int k = 0; k < 6; k++) rec_int(w, 14 + k, sp[k]);
        rec_end(w);
    }
    if (facts) add_facts(w, sents, coder, fv, nf);
    /* mentions, one row per document, actor and name, with a count */
    size_t nm = 0;
    for (size_t k = 0; k < ns; k++) {
        size_t ng;
        dy_coder_sent_actors(coder, k, &ng);
        nm += ng;
    }
    mention *mv = nm ? malloc(nm * sizeof *mv) : NULL;
    if (nm && !mv) { w->oom = 1; return; }
    nm = 0;
    const dy_tok *t = dy_coder_toks(coder);
    for (size_t k = 0; k < ns; k++) {
        size_t ng;
        const dy_actor *g = dy_coder_sent_actors(coder, k, &ng);
        for (size_t j = 0; j < ng; j++) {
            if (!g[j].code[0] || g[j].code[0] == '-') continue;
            mv[nm].code = g[j].code;
            mv[nm].text = doc->text + t[g[j].t0].start;
            mv[nm].len = t[g[j].t1 - 1].end - t[g[j].t0].start;
            mv[nm].start = t[g[j].t0].start;
            nm++;
        }
    }
    qsort(mv, nm, sizeof *mv, cmp_mention);
    for (size_t i = 0; i < nm;) {
        size_t j = i + 1;
        uint32_t first = mv[i].start;
        while (j < nm && !cmp_mention(&mv[i], &mv[j])) { if (mv[j].start < first) first = mv[j].start; j++; }
        if (i == 0 || strcmp(mv[i].code, mv[i - 1].code)) {
            rec_row(w, S_ADD_ACTOR);
            rec_str(w, 1, mv[i].code);
            rec_text(w, 2, mv[i].code, 3);
            rec_end(w);
        }
        rec_row(w, S_ADD_MENTION);
        rec_doc(w, 1);
        rec_str(w, 2, mv[i].code);
        rec_text(w, 3, mv[i].code, 3);
        rec_text(w, 4, mv[i].text, mv[i].len);
        rec_int(w, 5, (int64_t)(j - i));
        rec_int(w, 6, first);
        rec_end(w);
        i = j;
    }
    free(mv);
}

int dy_store_rows(dy_buf *b, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_err *err)
{
    rec w = {b, 0};
    char hash[33], pub[16];
    doc_hash(doc, hash);
    dy_date_format(doc->pub, pub);
    uint32_t nl = (uint32_t)strlen(doc->id);
    rec_put(&w, hash, 32);
    rec_put(&w, &nl, sizeof nl);
    rec_put(&w, doc->id, nl);
    rec_row(&w, S_ADD_DOC);
    rec_str(&w, 1, doc->id);
    rec_str(&w, 2, hash);
    if (pub[0]) rec_str(&w, 3, pub);
    rec_str(&w, 4, doc->source);
    rec_str(&w, 5, doc->title);
    rec_str(&w, 6, doc->url);
    rec_int(&w, 7, (int64_t)doc->body);
    rec_text(&w, 8, doc->text, doc->len);
    if (pub[0]) rec_int(&w, 9, day_of(doc->pub));
    rec_end(&w);
    add_content(&w, doc, coder, facts);
    if (w.oom) dy_err_set(err, DY_ENOMEM, "%.400s: out of memory storing it", doc->id);
    return w.oom ? -1 : 0;
}

/* Binds and runs recorded rows from *p up to end (or, with one, the first row only), with doc for
 * V_DOC; moves *p past them. 0, or -1 with err set. */
static int write_rows(dy_store *s, const char **p, const char *end, int64_t doc, int one, dy_err *err)
{
    const char *r = *p;
    while (r < end) {
        sqlite3_stmt *q = s->st[(unsigned char)*r++];
        for (int param; r < end && (param = (unsigned char)*r++) != 0;) {
            int type = (unsigned char)*r++;
            int64_t iv;
            double dv;
            uint32_t n;
            switch (type) {
            case V_INT: memcpy(&iv, r, sizeof iv); r += sizeof iv; sqlite3_bind_int64(q, param, iv); break;
            case V_REAL: memcpy(&dv, r, sizeof dv); r += sizeof dv; sqlite3_bind_double(q, param, dv); break;
            case V_TEXT: memcpy(&n, r, sizeof n); r += sizeof n; sqlite3_bind_text(q, param, r, (int)n, SQLITE_STATIC); r += n; break;
            case V_DOC: sqlite3_bind_int64(q, param, doc); break;
            default: sqlite3_bind_null(q, param);
            }
        }
        if (run(s, q, err)) return -1;
        if (one) break;
    }
    *p = r;
    return 0;
}

int dy_store_add_rows(dy_store *s, const char *rows, size_t n, int replace, dy_err *err)
{
    char hash[33];
    uint32_t nl;
    memcpy(hash, rows, 32);
    hash[32] = 0;
    memcpy(&nl, rows + 32, sizeof nl);
    const char *name = rows + 32 + sizeof nl, *p = name + nl, *end = rows + n;
    sqlite3_stmt *q = s->st[S_FIND];
    bind_str(q, 1, hash);
    if (find_id(q)) return DY_ADD_SAME;
    int replaced = 0;
    if (replace) {
        q = s->st[S_FIND_NAME];
        bind_text(q, 1, name, nl);
        bind_str(q, 2, hash);
        int64_t old;
        while ((old = find_id(q)) != 0) {
            sqlite3_bind_int64(s->st[S_DEL_DOC], 1, old);
            if (run(s, s->st[S_DEL_DOC], err)) return -1;
            replaced = 1;
            bind_text(q, 1, name, nl);
            bind_str(q, 2, hash);
        }
    }
    if (write_rows(s, &p, end, 0, 1, err)) return -1;      /* the document */
    if (write_rows(s, &p, end, sqlite3_last_insert_rowid(s->db), 0, err)) return -1;
    return replaced ? DY_ADD_REPLACED : DY_ADD_NEW;
}

int dy_store_add(dy_store *s, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, int replace, dy_err *err)
{
    s->rows.len = 0;
    if (dy_store_rows(&s->rows, doc, coder, facts, err)) return -1;
    return dy_store_add_rows(s, s->rows.data, s->rows.len, replace, err);
}

int dy_store_recode(dy_store *s, int64_t id, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_err *err)
{
    for (int k = S_DEL_SENT; k <= S_DEL_MENTION; k++) {
        sqlite3_bind_int64(s->st[k], 1, id);
        if (run(s, s->st[k], err)) return -1;
    }
    s->rows.len = 0;
    rec w = {&s->rows, 0};
    add_content(&w, doc, coder, facts);
    if (w.oom) return dy_err_set(err, DY_ENOMEM, "%.400s: out of memory storing it", doc->id), -1;
    const char *p = s->rows.data;
    return write_rows(s, &p, p + s->rows.len, id, 0, err);
}

int dy_store_each_doc(dy_store *s, int (*fn)(void *ctx, int64_t id, const dy_doc *doc), void *ctx, dy_err *err)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT id, name, pub, source, title, url, body, text FROM documents ORDER BY id", -1, &q, NULL) != SQLITE_OK)
        return sqlerr(s, err, "cannot read the documents"), -1;
    int rc, r = 0;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        dy_doc d;
        memset(&d, 0, sizeof d);
        d.id = (const char *)sqlite3_column_text(q, 1);
        const char *pub = (const char *)sqlite3_column_text(q, 2);
        if (!pub || !dy_date_parse_iso(pub, strlen(pub), &d.pub)) {
            /* a stored month or year */
            d.pub.prec = DY_PREC_NONE;
            if (pub && strlen(pub) == 7) { d.pub.y = (int16_t)atoi(pub); d.pub.m = (int8_t)atoi(pub + 5); d.pub.prec = DY_PREC_MONTH; }
            else if (pub && strlen(pub) == 4) { d.pub.y = (int16_t)atoi(pub); d.pub.prec = DY_PREC_YEAR; }
        }
        d.source = (const char *)sqlite3_column_text(q, 3);
        d.title = (const char *)sqlite3_column_text(q, 4);
        d.url = (const char *)sqlite3_column_text(q, 5);
        d.body = (size_t)sqlite3_column_int64(q, 6);
        d.text = (const char *)sqlite3_column_text(q, 7);
        d.len = (size_t)sqlite3_column_bytes(q, 7);
        d.body_line = 1;
        if ((r = fn(ctx, sqlite3_column_int64(q, 0), &d)) != 0) break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) { sqlerr(s, err, "cannot read the documents"); r = -1; }
    sqlite3_finalize(q);
    return r;
}
