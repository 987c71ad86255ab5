/* dy_store.c - the SQLite corpus store: schema, batched writes, content hashes, recoding. */
#include "dy_store.h"
#include "dy_sql.h"
#include "dy_store_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define SCHEMA_VERSION "5"

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

/* ---- the summaries (schema 3) ----
 * What the dashboard's views read instead of the events, so that their work does not grow with
 * the corpus (dy_query_series, dy_query_network, dy_query_relation):
 *   sums: per period (lvl 0 a day, 1 a month, 2 a year, 3 all time; start its first day, 0 for
 *     all time) and pair of network nodes (src, tgt: the country, or the whole code of an IGO):
 *     the dated events (n), their goldstein sum in whole tenths (g), their quad counts (q1..q4),
 *     and the same of the one-a-day groups (day, source, target, code), each counted once with
 *     the goldstein and quad of its first event (dn, dg, dq1..dq4: the --dedup day numbers).
 *     A node's mentions in the documents published in the period (by coalesce(pubday, 0)) are
 *     its row with tgt '' (m); every other row has m 0. A row whose numbers are all 0 is deleted.
 *   node_sums (schema 5): per month, year and all time (lvl 1, 2, 3) and node: its events either
 *     way (n) and its one-a-day groups (dn), the sums of its pairs' rows (a pair of a node to
 *     itself counts twice). With sums_top (all time's pairs busiest first) and sums_rank (each
 *     month's and year's), the network of all time or of one whole month or year is read a page
 *     at a time. Schema 4's table of all time, sums_nodes (node, n, dn), is now a view of its
 *     rows of all time, for older readers.
 *   doc_pairs: per pair of countries (pair "AAA,BBB", in byte order) and document: its events
 *     of the pair either way, dated or not (n), and the document's name, for the busiest first.
 * Triggers keep both exact through every write of events and mentions: inserts, deletes, a
 * document's delete cascading to them (its mentions are taken off before, while its pubday is
 * still there). A bulk load drops the triggers and fills both once at its end (sums_fill), as
 * a migration does; meta 'sums' says they are up to date (queries read the events without it). */
#define NODE(c3, code) "CASE WHEN " c3 " = 'IGO' THEN " code " ELSE " c3 " END"
#define G10(x) "CAST(round(" x " * 10) AS INTEGER)"
#define MONTH_OF(d) "CAST(julianday(" d " * 86400, 'unixepoch', 'start of month') - 2440587.5 AS INTEGER)"
#define YEAR_OF(d) "CAST(julianday(" d " * 86400, 'unixepoch', 'start of year') - 2440587.5 AS INTEGER)"
#define LEVELS(d) "(SELECT 0 AS lvl, " d " AS start UNION ALL SELECT 1, " MONTH_OF(d) " UNION ALL SELECT 2, " YEAR_OF(d) \
                  " UNION ALL SELECT 3, 0)"
#define PAIR(r) "CASE WHEN " r ".src3 < " r ".tgt3 THEN " r ".src3 || ',' || " r ".tgt3 ELSE " r ".tgt3 || ',' || " r ".src3 END"
/* the first other event of r's one-a-day group, as f (a row of NULLs when there is none): min()
 * gives goldstein and quad of its row; of id + 0, so that the planner takes the dyad index (ORDER
 * BY id LIMIT 1, or min(id), let it walk the whole table in id order for a new group); before the
 * periods (CROSS JOIN), so that it runs once, not once a period: the insert trigger's cost fell
 * from 0.5 to 0.1 ms an event */
#define FIRST_OF(r) "(SELECT min(id + 0) AS id, goldstein, quad FROM events WHERE src3 = " r ".src3 AND tgt3 = " r ".tgt3 " \
                    "AND day = " r ".day AND source = " r ".source AND target = " r ".target AND code = " r ".code AND id <> " r ".id) f"
/* how r changes its group's first-event numbers (dg, dq): it starts or ends the group, or it
 * comes before the first of the others; k is 1 when r comes, -1 when it goes */
#define DG(r, k) "CASE WHEN f.id IS NULL THEN " k " * " G10(r ".goldstein") " WHEN f.id > " r ".id THEN " k " * (" G10(r ".goldstein") \
                 " - " G10("f.goldstein") ") ELSE 0 END"
#define DQ(r, k, q) "CASE WHEN f.id IS NULL THEN " k " * (" r ".quad = " q ") WHEN f.id > " r ".id THEN " k " * ((" r ".quad = " q \
                    ") - (f.quad = " q ")) ELSE 0 END"
#define SUMS_COLS "n, g, q1, q2, q3, q4, dn, dg, dq1, dq2, dq3, dq4"
#define SUMS_TABLES \
    "CREATE TABLE IF NOT EXISTS sums(\n" \
    "  lvl INTEGER NOT NULL, start INTEGER NOT NULL, src TEXT NOT NULL, tgt TEXT NOT NULL,\n" \
    "  n INTEGER NOT NULL DEFAULT 0, g INTEGER NOT NULL DEFAULT 0, q1 INTEGER NOT NULL DEFAULT 0, q2 INTEGER NOT NULL DEFAULT 0,\n" \
    "  q3 INTEGER NOT NULL DEFAULT 0, q4 INTEGER NOT NULL DEFAULT 0, dn INTEGER NOT NULL DEFAULT 0, dg INTEGER NOT NULL DEFAULT 0,\n" \
    "  dq1 INTEGER NOT NULL DEFAULT 0, dq2 INTEGER NOT NULL DEFAULT 0, dq3 INTEGER NOT NULL DEFAULT 0, dq4 INTEGER NOT NULL DEFAULT 0,\n" \
    "  m INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(lvl, start, src, tgt)) WITHOUT ROWID;\n" \
    "CREATE INDEX IF NOT EXISTS sums_pair ON sums(src, tgt, lvl, start);\n" \
    "CREATE INDEX IF NOT EXISTS sums_top ON sums(dn DESC, src, tgt, dg) WHERE lvl = 3 AND tgt <> '';\n" \
    "CREATE INDEX IF NOT EXISTS sums_rank ON sums(lvl, start, dn DESC, src, tgt, dg) WHERE lvl IN (1, 2) AND tgt <> '';\n" \
    "CREATE TABLE IF NOT EXISTS node_sums(\n" \
    "  lvl INTEGER NOT NULL, start INTEGER NOT NULL, node TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0,\n" \
    "  dn INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(lvl, start, node)) WITHOUT ROWID;\n" \
    "CREATE VIEW IF NOT EXISTS sums_nodes AS SELECT node, n, dn FROM node_sums WHERE lvl = 3;\n" \
    "CREATE TABLE IF NOT EXISTS doc_pairs(\n" \
    "  pair TEXT NOT NULL, doc INTEGER NOT NULL, name TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(pair, doc)) WITHOUT ROWID;\n" \
    "CREATE INDEX IF NOT EXISTS doc_pairs_top ON doc_pairs(pair, n DESC, name, doc);\n"
/* Event r's node node in node_sums, at r's month, year and all time: one more event, and one
 * more one-a-day group when r starts one; or (OUT) one fewer of each, and a row at 0 deleted. A
 * statement a node (a pair of a node to itself counts twice): a subquery of both nodes at once
 * made a temporary table every event, which tripled an insert's time, as did triggers on sums
 * (an UPDATE of a table with triggers is not one-pass). */
#define UPPER(d) "(SELECT 1 AS lvl, " MONTH_OF(d) " AS start UNION ALL SELECT 2, " YEAR_OF(d) " UNION ALL SELECT 3, 0)"
#define NODE_AT(r, node) "(lvl, start) IN (SELECT lvl, start FROM " UPPER(r ".day") ") AND node = " node
#define NODE_IN(r, node) " INSERT INTO node_sums(lvl, start, node, n, dn) SELECT l.lvl, l.start, " node ", 1, f.id IS NULL FROM " \
                         FIRST_OF(r) " CROSS JOIN " UPPER(r ".day") " l WHERE 1 " \
                         "ON CONFLICT(lvl, start, node) DO UPDATE SET n = n + excluded.n, dn = dn + excluded.dn;\n"
#define NODE_OUT(r, node) " UPDATE node_sums SET n = n - 1, dn = dn - (SELECT f.id IS NULL FROM " FIRST_OF(r) ") WHERE " \
                          NODE_AT(r, node) ";\n DELETE FROM node_sums WHERE " NODE_AT(r, node) " AND n = 0;\n"
#define SUMS_AT(d, node_s, node_t) "(lvl, start) IN (SELECT lvl, start FROM " LEVELS(d) ") AND src = " node_s " AND tgt = " node_t
#define SUMS_TRIGGERS \
    "CREATE TRIGGER IF NOT EXISTS sums_event_in AFTER INSERT ON events WHEN NEW.day IS NOT NULL BEGIN\n" \
    " INSERT INTO sums(lvl, start, src, tgt, " SUMS_COLS ") SELECT l.lvl, l.start, " NODE("NEW.src3", "NEW.source") ", " \
    NODE("NEW.tgt3", "NEW.target") ", 1, " G10("NEW.goldstein") ", NEW.quad = 1, NEW.quad = 2, NEW.quad = 3, NEW.quad = 4, " \
    "f.id IS NULL, " DG("NEW", "1") ", " DQ("NEW", "1", "1") ", " DQ("NEW", "1", "2") ", " DQ("NEW", "1", "3") ", " DQ("NEW", "1", "4") \
    " FROM " FIRST_OF("NEW") " CROSS JOIN " LEVELS("NEW.day") " l WHERE 1 ON CONFLICT(lvl, start, src, tgt) DO UPDATE SET n = n + excluded.n, " \
    "g = g + excluded.g, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2, q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, " \
    "dn = dn + excluded.dn, dg = dg + excluded.dg, dq1 = dq1 + excluded.dq1, dq2 = dq2 + excluded.dq2, dq3 = dq3 + excluded.dq3, " \
    "dq4 = dq4 + excluded.dq4;\n" \
    NODE_IN("NEW", NODE("NEW.src3", "NEW.source")) NODE_IN("NEW", NODE("NEW.tgt3", "NEW.target")) \
    "END;\n" \
    "CREATE TRIGGER IF NOT EXISTS sums_event_out AFTER DELETE ON events WHEN OLD.day IS NOT NULL BEGIN\n" \
    " UPDATE sums SET n = n - 1, g = g - " G10("OLD.goldstein") ", q1 = q1 - (OLD.quad = 1), q2 = q2 - (OLD.quad = 2), " \
    "q3 = q3 - (OLD.quad = 3), q4 = q4 - (OLD.quad = 4), dn = dn - (f.id IS NULL), dg = dg + " DG("OLD", "-1") ", dq1 = dq1 + " \
    DQ("OLD", "-1", "1") ", dq2 = dq2 + " DQ("OLD", "-1", "2") ", dq3 = dq3 + " DQ("OLD", "-1", "3") ", dq4 = dq4 + " DQ("OLD", "-1", "4") \
    " FROM " FIRST_OF("OLD") " WHERE " SUMS_AT("OLD.day", NODE("OLD.src3", "OLD.source"), NODE("OLD.tgt3", "OLD.target")) ";\n" \
    " DELETE FROM sums WHERE " SUMS_AT("OLD.day", NODE("OLD.src3", "OLD.source"), NODE("OLD.tgt3", "OLD.target")) " AND n = 0 AND m = 0;\n" \
    NODE_OUT("OLD", NODE("OLD.src3", "OLD.source")) NODE_OUT("OLD", NODE("OLD.tgt3", "OLD.target")) \
    "END;\n" \
    "CREATE TRIGGER IF NOT EXISTS pairs_event_in AFTER INSERT ON events BEGIN\n" \
    " INSERT INTO doc_pairs(pair, doc, name, n) VALUES(" PAIR("NEW") ", NEW.doc, (SELECT name FROM documents WHERE id = NEW.doc), 1) " \
    "ON CONFLICT(pair, doc) DO UPDATE SET n = n + 1;\n" \
    "END;\n" \
    "CREATE TRIGGER IF NOT EXISTS pairs_event_out AFTER DELETE ON events BEGIN\n" \
    " UPDATE doc_pairs SET n = n - 1 WHERE pair = " PAIR("OLD") " AND doc = OLD.doc;\n" \
    " DELETE FROM doc_pairs WHERE pair = " PAIR("OLD") " AND doc = OLD.doc AND n = 0;\n" \
    "END;\n" \
    "CREATE TRIGGER IF NOT EXISTS sums_mention_in AFTER INSERT ON mentions BEGIN\n" \
    " INSERT INTO sums(lvl, start, src, tgt, m) SELECT l.lvl, l.start, " NODE("NEW.code3", "NEW.code") ", '', NEW.n FROM " \
    LEVELS("(SELECT coalesce(pubday, 0) FROM documents WHERE id = NEW.doc)") " l WHERE 1 " \
    "ON CONFLICT(lvl, start, src, tgt) DO UPDATE SET m = m + excluded.m;\n" \
    "END;\n" \
    "CREATE TRIGGER IF NOT EXISTS sums_mention_out AFTER DELETE ON mentions WHEN EXISTS (SELECT 1 FROM documents WHERE id = OLD.doc) BEGIN\n" \
    " UPDATE sums SET m = m - OLD.n WHERE " SUMS_AT("(SELECT coalesce(pubday, 0) FROM documents WHERE id = OLD.doc)", NODE("OLD.code3", "OLD.code"), "''") ";\n" \
    " DELETE FROM sums WHERE " SUMS_AT("(SELECT coalesce(pubday, 0) FROM documents WHERE id = OLD.doc)", NODE("OLD.code3", "OLD.code"), "''") \
    " AND n = 0 AND m = 0;\n" \
    "END;\n" \
    /* a document's delete: its mentions off the sums while its pubday is there (their own \
     * trigger, run by the cascade after the document has gone, leaves them) */ \
    "CREATE TRIGGER IF NOT EXISTS sums_doc_out BEFORE DELETE ON documents BEGIN\n" \
    " UPDATE sums SET m = m - x.k FROM (SELECT " NODE("code3", "code") " AS node, sum(n) AS k FROM mentions WHERE doc = OLD.id GROUP BY 1) x " \
    "WHERE " SUMS_AT("coalesce(OLD.pubday, 0)", "x.node", "''") ";\n" \
    " DELETE FROM sums WHERE (lvl, start) IN (SELECT lvl, start FROM " LEVELS("coalesce(OLD.pubday, 0)") ") AND tgt = '' AND n = 0 AND m = 0;\n" \
    "END;\n"
static const char *const sums_triggers[] = {"sums_event_in", "sums_event_out", "pairs_event_in", "pairs_event_out",
                                            "sums_mention_in", "sums_mention_out", "sums_doc_out"};
/* Both summaries from the events and mentions, in one pass each; then the longer periods from
 * the days. In the inner GROUP BY, SQLite gives goldstein and quad the row of min(id). */
#define SUMS_UP(lvl, of) \
    "INSERT INTO sums(lvl, start, src, tgt, " SUMS_COLS ", m) SELECT " lvl ", " of ", src, tgt, sum(n), sum(g), sum(q1), sum(q2), " \
    "sum(q3), sum(q4), sum(dn), sum(dg), sum(dq1), sum(dq2), sum(dq3), sum(dq4), sum(m) FROM sums WHERE lvl = " lvl " - 1 GROUP BY 2, 3, 4;"
/* each node's events of each month, year and all time: the sum of its pairs' either way (a pair
 * of a node to itself twice) */
#define SUMS_NODES_FILL \
    "INSERT INTO node_sums(lvl, start, node, n, dn) SELECT lvl, start, node, sum(n), sum(dn) FROM (SELECT lvl, start, src AS node, n, dn " \
    "FROM sums WHERE lvl > 0 AND tgt <> '' UNION ALL SELECT lvl, start, tgt, n, dn FROM sums WHERE lvl > 0 AND tgt <> '') GROUP BY 1, 2, 3;"
static const char sums_fill[] =
    "DELETE FROM sums; DELETE FROM doc_pairs; DELETE FROM node_sums;"
    "INSERT INTO sums(lvl, start, src, tgt, " SUMS_COLS ") SELECT 0, day, s, t, sum(n), sum(g), sum(q1), sum(q2), sum(q3), sum(q4), "
    "count(*), sum(fg), sum(fq = 1), sum(fq = 2), sum(fq = 3), sum(fq = 4) FROM ("
    " SELECT day, " NODE("src3", "source") " AS s, " NODE("tgt3", "target") " AS t, count(*) AS n, sum(" G10("goldstein") ") AS g, "
    " sum(quad = 1) AS q1, sum(quad = 2) AS q2, sum(quad = 3) AS q3, sum(quad = 4) AS q4, min(id), " G10("goldstein") " AS fg, quad AS fq"
    " FROM events WHERE day IS NOT NULL GROUP BY src3, tgt3, day, source, target, code) GROUP BY day, s, t;"
    "INSERT INTO sums(lvl, start, src, tgt, m) SELECT 0, coalesce(d.pubday, 0), " NODE("m.code3", "m.code") ", '', sum(m.n) "
    "FROM mentions m JOIN documents d ON d.id = m.doc GROUP BY 2, 3;"
    SUMS_UP("1", MONTH_OF("start")) SUMS_UP("2", YEAR_OF("start")) SUMS_UP("3", "0") SUMS_NODES_FILL
    "INSERT INTO doc_pairs(pair, doc, name, n) SELECT " PAIR("e") ", e.doc, d.name, count(*) FROM events e JOIN documents d ON d.id = e.doc "
    "GROUP BY 1, 2;"
    "INSERT OR REPLACE INTO meta(key, value) VALUES('sums', 'ready');";

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
    RELATIONS_SCHEMA SUMS_TABLES SUMS_TRIGGERS;

struct dy_store {
    sqlite3 *db;
    dy_db *sql;     /* the same connection for dy_query and dy_relations */
    dy_pgstore *pg; /* a postgresql:// store: every call goes to dy_store_pg.c */
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
/* While a long document is written (dy_store_win_begin): a page cache of 8 MB, so that its rows
 * and text take no more memory than a window's (the batch's cache is back after it). */
#define LONG_CACHE "PRAGMA cache_size = -8192;"
/* A read connection's: 16 MB at most (SQLite's default is 2 MB), so that the pages a view reads
 * again and again (the summaries' pair index, the all-time rows, the tops of doc_pairs) stay in
 * the connection instead of being copied in from the OS at every request: a series by month read
 * 240 rows from 240 pages of sums and spent most of its time in pread. A server's four
 * connections keep their caches between requests while the store does not change. */
#define READ_CACHE "PRAGMA cache_size = -16384;"

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
        if (fn) fn(ctx, deferred[i].name, i, NDEFERRED + 1);
        if (sqlite3_exec(s->db, deferred[i].sql, NULL, NULL, &msg) != SQLITE_OK) break;
    }
    /* the summaries, once, and their triggers from now on: the last step */
    if (!msg && fn) fn(ctx, "sums, doc_pairs", NDEFERRED, NDEFERRED + 1);
    if (!msg && sqlite3_exec(s->db, sums_fill, NULL, NULL, &msg) == SQLITE_OK) sqlite3_exec(s->db, SUMS_TRIGGERS, NULL, NULL, &msg);
    if (!msg) sqlite3_exec(s->db, "DELETE FROM meta WHERE key = 'indexes'; COMMIT", NULL, NULL, &msg);
    if (msg) {
        st = dy_err_set(err, DY_EIO, "cannot build the indexes: %s", msg);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    } else if (fn) fn(ctx, NULL, NDEFERRED + 1, NDEFERRED + 1);
out:
    sqlite3_free(msg);
    msg = NULL;
    if (sqlite3_exec(s->db, WRITE_CACHE, NULL, NULL, &msg) != SQLITE_OK && st == DY_OK)
        st = dy_err_set(err, DY_EIO, "cannot build the indexes: %s", msg);
    sqlite3_free(msg);
    return st;
}

/* Schema 2 to 3: the summaries, filled from the events and mentions (sums_fill); the schema
 * makes their triggers. */
static const char migrate_2_3[] = SUMS_TABLES;

/* Schema 3 or 4 to 5: each node's events of each month, year and all time (node_sums; schema 4's
 * sums_nodes, of all time, becomes a view of it), the all-time pairs busiest first (sums_top, schema
 * 4) and each month's and year's (sums_rank), filled from the sums; the event triggers made again
 * (the schema makes them) to keep node_sums. A store whose summaries wait for a bulk load's end
 * gets them then. */
static const char migrate_4_5[] =
    "DROP TRIGGER IF EXISTS sums_event_in; DROP TRIGGER IF EXISTS sums_event_out; DROP TABLE IF EXISTS sums_nodes;" SUMS_TABLES SUMS_NODES_FILL;

/* Brings a store of an older schema up to this one, in one transaction. 0, or -1 with *msg. */
static int migrate(dy_store *s, char **msg)
{
    sqlite3_stmt *q = NULL;
    int v = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'schema'", -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        v = atoi((const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    if (v < 1 || v > 4) return 0;       /* a new store (none yet), or one of this schema */
    /* the fill sorts every event: in temporary files, not in memory */
    if (sqlite3_exec(s->db, BUILD_CACHE, NULL, NULL, msg) != SQLITE_OK || sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, msg) != SQLITE_OK)
        return -1;
    int bad = (v == 1 && sqlite3_exec(s->db, migrate_1_2, NULL, NULL, msg) != SQLITE_OK) ||
              (v < 3 && (sqlite3_exec(s->db, migrate_2_3, NULL, NULL, msg) != SQLITE_OK || sqlite3_exec(s->db, sums_fill, NULL, NULL, msg) != SQLITE_OK)) ||
              (v >= 3 && sqlite3_exec(s->db, migrate_4_5, NULL, NULL, msg) != SQLITE_OK) ||
              sqlite3_exec(s->db, "UPDATE meta SET value = '" SCHEMA_VERSION "' WHERE key = 'schema'; COMMIT", NULL, NULL, msg) != SQLITE_OK;
    if (bad) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (sqlite3_exec(s->db, WRITE_CACHE, NULL, NULL, bad ? NULL : msg) != SQLITE_OK) bad = 1;
    return bad ? -1 : 0;
}

/* The schema and its version row, in one transaction: a store killed while it is made holds
 * every table or none. 0, or -1 with *msg. */
static int make_schema(dy_store *s, char **msg)
{
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, msg) != SQLITE_OK) return -1;
    if (sqlite3_exec(s->db, schema, NULL, NULL, msg) != SQLITE_OK ||
        /* a new store's summaries are those of no events: up to date */
        sqlite3_exec(s->db, "INSERT INTO meta(key, value) SELECT 'sums', 'ready' WHERE NOT EXISTS "
                            "(SELECT 1 FROM meta WHERE key IN ('schema', 'indexes'))", NULL, NULL, msg) != SQLITE_OK ||
        sqlite3_exec(s->db, "INSERT OR IGNORE INTO meta(key, value) VALUES('schema', '" SCHEMA_VERSION "')", NULL, NULL, msg) != SQLITE_OK ||
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, msg) != SQLITE_OK) {
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
    if (dy_db_is_pg(path)) {
        dy_status st = dy_pgstore_open(path, mode, &s->pg, err);
        if (st) free(s);
        else *out = s;
        return st;
    }
    int flags = mode == DY_STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        dy_err_set(err, DY_EIO, "%s: cannot open the database: %s", path, s->db ? sqlite3_errmsg(s->db) : "out of memory");
        dy_store_close(&s);
        return DY_EIO;
    }
    sqlite3_busy_timeout(s->db, 5000);
    if (!(s->sql = dy_db_sqlite(s->db))) {
        dy_store_close(&s);
        return dy_err_set(err, DY_ENOMEM, "out of memory"), DY_ENOMEM;
    }
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
        if (migrate(s, &msg) || make_schema(s, &msg)) goto bad;
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
        if (sqlite3_exec(s->db, READ_CACHE, NULL, NULL, &msg) != SQLITE_OK) goto bad;     /* after: it reads the file */
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
    dy_pgstore_close(&s->pg);
    if (s->in_tx) dy_store_rollback(s);
    for (int i = 0; i < S_NSTMT; i++) sqlite3_finalize(s->st[i]);
    dy_db_close(&s->sql);       /* first: it finalises a statement of s->db */
    sqlite3_close(s->db);
    dy_buf_free(&s->rows);
    free(s);
    *sp = NULL;
}

dy_db *dy_store_db(dy_store *s) { return s->pg ? dy_pgstore_db(s->pg) : s->sql; }
sqlite3 *dy_store_sqlite(dy_store *s) { return s->db; }

dy_status dy_store_begin(dy_store *s, dy_err *err)
{
    if (s->pg) return dy_pgstore_begin(s->pg, err);
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return sqlerr(s, err, "cannot start a transaction");
    s->in_tx = 1;
    return DY_OK;
}

dy_status dy_store_commit(dy_store *s, dy_err *err)
{
    if (s->pg) return dy_pgstore_commit(s->pg, err);
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) return sqlerr(s, err, "cannot commit");
    s->in_tx = 0;
    return DY_OK;
}

void dy_store_rollback(dy_store *s)
{
    if (s->pg) { dy_pgstore_rollback(s->pg); return; }
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    s->in_tx = 0;
}

int dy_store_bulk_begin(dy_store *s, dy_err *err)
{
    if (s->in_tx || s->bulk) return dy_err_set(err, DY_EUSAGE, "dy_store_bulk_begin: inside a transaction or a bulk load"), -1;
    if (s->pg) return 0;    /* other writers may be at work: the indexes stay */
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
    /* the summaries are filled at the end (build_indexes), not event by event */
    for (size_t i = 0; i < sizeof sums_triggers / sizeof *sums_triggers && !msg; i++) {
        char sql[96];
        snprintf(sql, sizeof sql, "DROP TRIGGER IF EXISTS %s", sums_triggers[i]);
        sqlite3_exec(s->db, sql, NULL, NULL, &msg);
    }
    if (!msg) sqlite3_exec(s->db, "DELETE FROM meta WHERE key = 'sums'; INSERT OR REPLACE INTO meta(key, value) VALUES('indexes', 'deferred'); COMMIT",
                           NULL, NULL, &msg);
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
/* SQLITE_STATIC: every statement is stepped, reset and cleared (run, find_id) while the bound
 * text is still alive, so SQLite need not copy it. */
static void bind_text(sqlite3_stmt *q, int i, const char *s, size_t n) { s ? sqlite3_bind_text(q, i, s, (int)n, SQLITE_STATIC) : sqlite3_bind_null(q, i); }

static int run(dy_store *s, sqlite3_stmt *q, dy_err *err)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) { sqlerr(s, err, "cannot write"); return -1; }
    return 0;
}

/* The document's identity: its text and the metadata that changes how it is coded. The text is
 * read a piece at a time; behind (may be NULL) hears how far. */
static void hash_doc(const dy_doc *d, char out[33], dy_store_behind_fn behind, void *ctx)
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
        for (size_t off = 0, n; off < d->len; off += n) {
            n = d->len - off < DY_STORE_PIECE ? d->len - off : DY_STORE_PIECE;
            XXH3_128bits_update(st, d->text + off, n);
            if (behind) behind(ctx, off + n);
        }
        h = XXH3_128bits_digest(st);
    } else {
        h = XXH3_128bits(d->text, d->len);
    }
    XXH3_freeState(st);
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64, (unsigned long long)h.low64);
}

void dy_store_hash(const dy_doc *d, char out[33]) { hash_doc(d, out, NULL, NULL); }

/* Days since 1970 of a date; a month or a year counts from its first day. */
int64_t dy_store_day(dy_date d)
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

/* own: a copy of text that the mention owns (a long document's, dy_store_win), else NULL and
 * text points into the document */
typedef struct mention { char code[16]; const char *text; char *own; size_t len; uint32_t start, n; } mention;


static int store_cmp_mention(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    if (c) return c;
    if (x->len != y->len) return x->len < y->len ? -1 : 1;
    return memcmp(x->text, y->text, x->len);
}

/* A field of a row: DY_COL_NULL, _INT (i), _FLOAT (d) or _TEXT (s, n). */
static dy_fld fi(int64_t v) { return (dy_fld){DY_COL_INT, v, 0, NULL, 0}; }
static dy_fld fd(double v) { return (dy_fld){DY_COL_FLOAT, 0, v, NULL, 0}; }
static dy_fld ft(const char *v, size_t n) { return v ? (dy_fld){DY_COL_TEXT, 0, 0, v, n} : (dy_fld){DY_COL_NULL, 0, 0, NULL, 0}; }
static dy_fld fs(const char *v) { return ft(v, v ? strlen(v) : 0); }
static const dy_fld fnull = {DY_COL_NULL, 0, 0, NULL, 0};

/* The document's facts, each with the sentence it comes from. */
static int fact_rows(int64_t id, const dy_sent *sents, const dy_coder *coder, const dy_fact *f, size_t nf, dy_row_fn row,
                     void *ctx, dy_err *err)
{
    for (size_t i = 0; i < nf; i++) {
        char actors[80] = "", date[16];
        for (int k = 0; k < f[i].nactors; k++) {
            if (k) strcat(actors, ",");
            strncat(actors, f[i].actors[k], 15);
        }
        dy_date_format(f[i].date, date);
        dy_fld v[12] = {fi(id), fi((int)sents[f[i].sent].no), fs(dy_fact_kind_name(f[i].kind)), fs(actors),
                        f[i].year ? fi(f[i].year) : fnull, date[0] ? fs(date) : fnull, fnull, fnull, fnull, fnull, fnull, fnull};
        switch (f[i].kind) {
        case DY_FACT_TRADE:
            v[6] = fd(f[i].value);
            if (f[i].currency[0] && strcmp(f[i].currency, "USD")) v[7] = fs(f[i].currency);
            break;
        case DY_FACT_TRADE_SHARE: case DY_FACT_RATIO: v[6] = fd(f[i].value); break;
        case DY_FACT_MILESTONE: v[6] = fd(f[i].gap_years); v[7] = fs(f[i].code); break;
        case DY_FACT_TREATY: case DY_FACT_STAGE:
            /* its name, clauses, stage, the one party a stage is of, its kinds */
            v[7] = fs(f[i].name);
            if (f[i].kind == DY_FACT_TREATY) v[8] = fi((int)f[i].clauses);
            if (f[i].stage) v[9] = fs(dy_stage_name(f[i].stage));
            if (f[i].party[0]) v[10] = fs(f[i].party);
            if (f[i].kinds[0]) v[11] = fs(f[i].kinds);
            break;
        case DY_FACT_SANCTION: case DY_FACT_VETO: v[7] = fs(f[i].code); break;
        default: {
            /* the tier as named; its rank, NULL when the table does not list it */
            const dy_tier *t = dy_dict_tier(dy_coder_dict(coder), f[i].tier);
            if (t) v[6] = fd(t->rank);
            v[7] = fs(f[i].kind == DY_FACT_TIER_ORDER ? (t ? t->name : f[i].tier_name) : f[i].tier_name);
        }
        }
        if (row(ctx, DY_ROW_FACT, v, 12, err)) return -1;
    }
    return 0;
}

/* The mentions of the coder's ns sentences appended to *mv (n of them, capacity cap), one each. */
static int mentions_add(const dy_doc *doc, const dy_coder *coder, size_t ns, mention **mv, size_t *n, size_t *cap)
{
    const dy_tok *t = dy_coder_toks(coder);
    for (size_t k = 0; k < ns; k++) {
        size_t ng;
        const dy_actor *g = dy_coder_sent_actors(coder, k, &ng);
        if (DY_GROW(*mv, *n + ng, *cap)) return -1;
        for (size_t j = 0; j < ng; j++) {
            if (!g[j].code[0] || g[j].code[0] == '-') continue;
            mention *m = &(*mv)[(*n)++];
            memcpy(m->code, g[j].code, sizeof m->code);
            m->text = doc->text + t[g[j].t0].start;
            m->own = NULL;
            m->len = t[g[j].t1 - 1].end - t[g[j].t0].start;
            m->start = t[g[j].t0].start;
            m->n = 1;
        }
    }
    return 0;
}

/* One mention for each actor and name: sorted, counts added, the first place kept (and a copy
 * of the name, if one of them has it). */
static void mentions_merge(mention *mv, size_t *n)
{
    if (*n) qsort(mv, *n, sizeof *mv, store_cmp_mention);
    size_t m = 0;
    for (size_t i = 0; i < *n; i++) {
        mention *k = m ? &mv[m - 1] : NULL;
        if (k && !store_cmp_mention(k, &mv[i])) {
            k->n += mv[i].n;
            if (mv[i].start < k->start) k->start = mv[i].start;
            if (k->own) free(mv[i].own);
            else if (mv[i].own) k->own = mv[i].own, k->text = k->own;
        } else mv[m++] = mv[i];
    }
    *n = m;
}

/* The mentions' rows (mv merged), each actor's row first. */
static int mention_rows(int64_t id, const mention *mv, size_t nm, dy_row_fn row, void *ctx, dy_err *err)
{
    int r = 0;
    for (size_t i = 0; i < nm && !r; i++) {
        if (i == 0 || strcmp(mv[i].code, mv[i - 1].code)) {
            dy_fld a[2] = {fs(mv[i].code), ft(mv[i].code, 3)};
            r = row(ctx, DY_ROW_ACTOR, a, 2, err);
        }
        dy_fld m[6] = {fi(id), fs(mv[i].code), ft(mv[i].code, 3), ft(mv[i].text, mv[i].len), fi((int64_t)mv[i].n), fi(mv[i].start)};
        if (!r) r = row(ctx, DY_ROW_MENTION, m, 6, err);
    }
    return r;
}

/* The events' rows (event.sent - first indexes sents). */
static int event_rows(int64_t id, const dy_sent *sents, uint32_t first, const dy_event *ev, size_t ne, dy_row_fn row, void *ctx,
                      dy_err *err)
{
    for (size_t i = 0; i < ne; i++) {
        const dy_event *e = &ev[i];
        char date[16];
        dy_date_format(e->date, date);
        dy_fld v[19] = {fi(id), fi((int)sents[e->sent - first].no), date[0] ? fs(date) : fnull,
                        date[0] ? fi(dy_store_day(e->date)) : fnull, fi(e->date.prec), fs(e->source), fs(e->target),
                        ft(e->source, 3), ft(e->target, 3), fs(e->code), fs(e->root), fi(e->quad), fd(e->goldstein),
                        fi(e->src_start), fi(e->src_end), fi(e->tgt_start), fi(e->tgt_end), fi(e->verb_start), fi(e->verb_end)};
        if (row(ctx, DY_ROW_EVENT, v, 19, err)) return -1;
    }
    return 0;
}

static int sent_row(int64_t id, const dy_sent *st, dy_row_fn row, void *ctx, dy_err *err)
{
    dy_fld v[4] = {fi(id), fi((int)st->no), fi((int)st->start), fi((int)st->end)};
    return row(ctx, DY_ROW_SENT, v, 4, err);
}

int dy_store_content(int64_t id, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_row_fn row, void *ctx, dy_err *err)
{
    size_t ns, ne;
    const dy_sent *sents = dy_coder_sents(coder, &ns);
    const dy_event *ev = dy_coder_events(coder, &ne);
    /* the sentences that events and facts come from: their spans give the provenance */
    size_t nf = 0;
    const dy_fact *fv = facts ? dy_facts_list(facts, &nf) : NULL;
    uint8_t *need = calloc(ns ? ns : 1, 1);
    if (!need) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    for (size_t i = 0; i < ne; i++) need[ev[i].sent] = 1;
    for (size_t i = 0; i < nf; i++) need[fv[i].sent] = 1;
    for (size_t i = 0; i < ns; i++)
        if (need[i] && sent_row(id, &sents[i], row, ctx, err)) { free(need); return -1; }
    free(need);
    if (event_rows(id, sents, 0, ev, ne, row, ctx, err)) return -1;
    if (facts && fact_rows(id, sents, coder, fv, nf, row, ctx, err)) return -1;
    mention *mv = NULL;
    size_t nm = 0, cap = 0;
    if (mentions_add(doc, coder, ns, &mv, &nm, &cap)) { free(mv); return dy_err_set(err, DY_ENOMEM, "out of memory"), -1; }
    mentions_merge(mv, &nm);
    int r = mention_rows(id, mv, nm, row, ctx, err);
    free(mv);
    return r;
}

/* ---- a document's rows, recorded (dy_store_rows) and written (dy_store_add_rows) ----
 * A row is its table (one byte: DY_ROW_*, or ROW_DOC for the document's own), its number of
 * fields (one byte), then each field: its type (DY_COL_*) and its bytes (an int64 or a double;
 * a text's uint32 length, its bytes and a 0, so a written field is a C string too). The
 * document's row comes first, with the columns of S_ADD_DOC; the content rows' doc column (the
 * first, but for actors) is 0 and becomes the document's id when they are written. */
enum { ROW_DOC = DY_ROW_N, MAX_FIELDS = 24 };

typedef struct rec { dy_buf *b; int oom; } rec;

static void rec_put(rec *w, const void *p, size_t n) { w->oom |= dy_buf_add(w->b, p, n); }

static int rec_row(void *ctx, int table, const dy_fld *v, int n, dy_err *err)
{
    rec *w = ctx;
    unsigned char h[2] = {(unsigned char)table, (unsigned char)n};
    rec_put(w, h, 2);
    for (int k = 0; k < n; k++) {
        unsigned char t = (unsigned char)v[k].t;
        rec_put(w, &t, 1);
        if (v[k].t == DY_COL_INT) rec_put(w, &v[k].i, sizeof v[k].i);
        else if (v[k].t == DY_COL_FLOAT) rec_put(w, &v[k].d, sizeof v[k].d);
        else if (v[k].t == DY_COL_TEXT) {
            uint32_t len = (uint32_t)v[k].n;
            rec_put(w, &len, sizeof len);
            rec_put(w, v[k].s, v[k].n);
            rec_put(w, "", 1);
        }
    }
    return w->oom ? (dy_err_set(err, DY_ENOMEM, "out of memory"), -1) : 0;
}

/* The row at *p: its table, and its fields in v (n of them); moves *p past it. -1 when the
 * bytes are not a row (cut short, or too many fields). */
static int read_row(const char **p, const char *end, dy_fld v[MAX_FIELDS], int *n)
{
    const char *r = *p;
    if (end - r < 2 || (unsigned char)r[1] > MAX_FIELDS) return -1;
    int table = (unsigned char)r[0];
    *n = (unsigned char)r[1];
    r += 2;
    for (int k = 0; k < *n; k++) {
        if (r >= end) return -1;
        v[k] = fnull;
        v[k].t = (unsigned char)*r++;
        size_t need = v[k].t == DY_COL_INT || v[k].t == DY_COL_FLOAT ? 8 : v[k].t == DY_COL_TEXT ? 4 : 0;
        if ((size_t)(end - r) < need) return -1;
        if (v[k].t == DY_COL_INT) memcpy(&v[k].i, r, 8);
        else if (v[k].t == DY_COL_FLOAT) memcpy(&v[k].d, r, 8);
        else if (v[k].t == DY_COL_TEXT) {
            uint32_t len;
            memcpy(&len, r, 4);
            if ((size_t)(end - r) < 4 + (size_t)len + 1) return -1;
            v[k].s = r + 4;
            v[k].n = len;
            need += (size_t)len + 1;
        }
        r += need;
    }
    *p = r;
    return table;
}

static int bad_rows(dy_err *err) { return dy_err_set(err, DY_EINPUT, "the recorded rows are damaged"), -1; }

int dy_store_replay(const char *p, const char *end, int64_t id, dy_row_fn row, void *ctx, dy_err *err)
{
    dy_fld v[MAX_FIELDS];
    int n;
    while (p < end) {
        int table = read_row(&p, end, v, &n);
        if (table < 0 || table >= DY_ROW_N || n < 1) return bad_rows(err);
        if (table != DY_ROW_ACTOR) v[0] = fi(id);
        if (row(ctx, table, v, n, err)) return -1;
    }
    return 0;
}

/* The document's row (DOC_COLS fields); text points into doc. */
static void doc_fields(const dy_doc *doc, char hash[33], char pub[16], dy_fld d[DOC_COLS], dy_store_behind_fn behind, void *ctx)
{
    hash_doc(doc, hash, behind, ctx);
    dy_date_format(doc->pub, pub);
    dy_fld v[DOC_COLS] = {fs(doc->id), fs(hash), pub[0] ? fs(pub) : fnull, fs(doc->source), fs(doc->title), fs(doc->url),
                          fi((int64_t)doc->body), ft(doc->text, doc->len), pub[0] ? fi(dy_store_day(doc->pub)) : fnull};
    memcpy(d, v, sizeof v);
}

int dy_store_rows(dy_buf *b, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_err *err)
{
    rec w = {b, 0};
    char hash[33], pub[16];
    dy_fld d[DOC_COLS];
    doc_fields(doc, hash, pub, d, NULL, NULL);
    if (rec_row(&w, ROW_DOC, d, DOC_COLS, err) || dy_store_content(0, doc, coder, facts, rec_row, &w, err)) {
        if (err->code == DY_ENOMEM) dy_err_set(err, DY_ENOMEM, "%.400s: out of memory storing it", doc->id);
        return -1;
    }
    return 0;
}

struct dy_store_win {
    dy_store *s;
    rec w;                  /* PostgreSQL: the rows recorded into w.b, written at the end */
    dy_row_fn row;          /* where a content row goes: rec_row, lite_row, or none (already stored) */
    void *ctx;
    int64_t id;             /* SQLite: the document's id; 0 while recorded */
    int got, replace;       /* DY_ADD_* once the document's row is in */
    mention *mv;            /* the mentions so far, merged */
    size_t nm, capm;
    uint8_t *has;           /* has[no / 8] bit no % 8: sentence no has its row */
    size_t caph;
};

static int no_row(void *ctx, int table, const dy_fld *v, int n, dy_err *err) { (void)ctx, (void)table, (void)v, (void)n, (void)err; return 0; }
static int lite_row(void *ctx, int table, const dy_fld *v, int n, dy_err *err);
static int add_doc(dy_store *s, const dy_fld d[DOC_COLS], int replace, int pieces, dy_err *err);

static void win_free(dy_store_win **w)
{
    if (!w || !*w) return;
    for (size_t i = 0; i < (*w)->nm; i++) free((*w)->mv[i].own);
    free((*w)->mv);
    free((*w)->has);
    free(*w);
    *w = NULL;
}

/* SQLite: a long text written into its row (a zeroblob of its length) a piece at a time, each
 * piece's bytes then let go (behind). 0, or -1 with err set. */
static int write_pieces(dy_store *s, int64_t id, const dy_doc *doc, dy_store_behind_fn behind, void *ctx, dy_err *err)
{
    sqlite3_blob *b = NULL;
    int rc = sqlite3_blob_open(s->db, "main", "documents", "text", id, 1, &b);
    if (behind) behind(ctx, 0);     /* read again from its start (after the hash) */
    for (size_t off = 0, n; rc == SQLITE_OK && off < doc->len; off += n) {
        n = doc->len - off < DY_STORE_PIECE ? doc->len - off : DY_STORE_PIECE;
        rc = sqlite3_blob_write(b, doc->text + off, (int)n, (int)off);
        if (behind) behind(ctx, off + n);
    }
    if (rc != SQLITE_OK) sqlerr(s, err, "cannot write");
    sqlite3_blob_close(b);
    return rc == SQLITE_OK ? 0 : -1;
}

dy_store_win *dy_store_win_begin(dy_store *s, dy_buf *b, const dy_doc *doc, int replace, dy_store_behind_fn behind, void *ctx,
                                 dy_err *err)
{
    dy_store_win *w = calloc(1, sizeof *w);
    if (!w) return dy_err_set(err, DY_ENOMEM, "%.400s: out of memory storing it", doc->id), NULL;
    w->s = s, w->w.b = b, w->replace = replace;
    char hash[33], pub[16];
    dy_fld d[DOC_COLS];
    doc_fields(doc, hash, pub, d, behind, ctx);
    if (s->pg) {        /* recorded, and written whole at the end (dy_store_win_finish) */
        w->row = rec_row, w->ctx = &w->w;
        b->len = 0;
        if (rec_row(&w->w, ROW_DOC, d, DOC_COLS, err)) {
            dy_err_set(err, DY_ENOMEM, "%.400s: out of memory storing it", doc->id);
            win_free(&w);
        }
        return w;
    }
    /* SQLite: the document's rows go in as they come, in a savepoint of the batch's transaction
     * (undone whole if the document fails), with a page cache of LONG_CACHE: what does not fit
     * goes to the WAL before the commit */
    if (sqlite3_exec(s->db, "SAVEPOINT dy_doc; " LONG_CACHE, NULL, NULL, NULL) != SQLITE_OK) {
        sqlerr(s, err, "cannot write");
        win_free(&w);
        return NULL;
    }
    int pieces = doc->len > DY_STORE_TEXT_MAX;
    w->got = add_doc(s, d, replace, pieces, err);
    w->id = sqlite3_last_insert_rowid(s->db);
    if (w->got < 0 || (w->got != DY_ADD_SAME && pieces && write_pieces(s, w->id, doc, behind, ctx, err))) {
        dy_store_win_finish(&w, 0, err);
        return NULL;
    }
    w->row = w->got == DY_ADD_SAME ? no_row : lite_row, w->ctx = s;
    return w;
}

/* The row of sentence st, once. */
static int win_sent(dy_store_win *w, const dy_sent *st, dy_err *err)
{
    size_t byte = st->no / 8, had = w->caph;
    if (DY_GROW(w->has, byte + 1, w->caph)) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    if (w->caph > had) memset(w->has + had, 0, w->caph - had);
    if (w->has[byte] & (1u << (st->no % 8))) return 0;
    w->has[byte] |= (uint8_t)(1u << (st->no % 8));
    return sent_row(w->id, st, w->row, w->ctx, err);
}

int dy_store_win_next(dy_store_win *w, const dy_doc *doc, const dy_coder *coder, dy_err *err)
{
    size_t ns, ne;
    const dy_sent *sents = dy_coder_sents(coder, &ns);
    const dy_event *ev = dy_coder_events(coder, &ne);
    uint32_t first = dy_coder_first_sent(coder);
    for (size_t i = 0; i < ne; i++)
        if (win_sent(w, &sents[ev[i].sent - first], err)) return -1;
    if (event_rows(w->id, sents, first, ev, ne, w->row, w->ctx, err)) return -1;
    if (mentions_add(doc, coder, ns, &w->mv, &w->nm, &w->capm)) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    mentions_merge(w->mv, &w->nm);
    /* the names copied: sorting them again must not read the document's pages behind the window */
    for (size_t i = 0; i < w->nm; i++) {
        mention *m = &w->mv[i];
        if (m->own) continue;
        if (!(m->own = malloc(m->len + 1))) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
        memcpy(m->own, m->text, m->len);
        m->own[m->len] = 0;
        m->text = m->own;
    }
    return 0;
}

int dy_store_win_end(dy_store_win *w, const dy_coder *coder, const dy_facts *facts, dy_err *err)
{
    size_t nf;
    const dy_fact *fv = dy_facts_list(facts, &nf);
    const dy_sent *sv = dy_facts_sents(facts);
    for (size_t i = 0; i < nf; i++)
        if (win_sent(w, &sv[fv[i].sent], err)) return -1;
    if (fact_rows(w->id, sv, coder, fv, nf, w->row, w->ctx, err)) return -1;
    return mention_rows(w->id, w->mv, w->nm, w->row, w->ctx, err);
}

int dy_store_win_finish(dy_store_win **wp, int ok, dy_err *err)
{
    dy_store_win *w = *wp;
    if (!w) return -1;
    dy_store *s = w->s;
    int got = -1;
    if (s->pg) got = ok ? dy_store_add_rows(s, w->w.b->data, w->w.b->len, w->replace, err) : -1;
    else {
        /* undone when it failed; the batch's cache back either way */
        const char *sql = ok ? "RELEASE dy_doc; " WRITE_CACHE : "ROLLBACK TO dy_doc; RELEASE dy_doc; " WRITE_CACHE;
        if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
            if (ok) sqlerr(s, err, "cannot write");
        } else if (ok) got = w->got;
    }
    win_free(wp);
    return got;
}

/* SQLite: v bound to q's parameters 1 to n */
static void bind_row(sqlite3_stmt *q, const dy_fld *v, int n)
{
    for (int k = 0; k < n; k++) {
        if (v[k].t == DY_COL_INT) sqlite3_bind_int64(q, k + 1, v[k].i);
        else if (v[k].t == DY_COL_FLOAT) sqlite3_bind_double(q, k + 1, v[k].d);
        else if (v[k].t == DY_COL_TEXT) bind_text(q, k + 1, v[k].s, v[k].n);
    }
}

/* SQLite: each row bound to its table's insert and run. */
static int lite_row(void *ctx, int table, const dy_fld *v, int n, dy_err *err)
{
    static const int stmt_of[DY_ROW_N] = {[DY_ROW_SENT] = S_ADD_SENT, [DY_ROW_EVENT] = S_ADD_EVENT, [DY_ROW_FACT] = S_ADD_FACT,
                                          [DY_ROW_ACTOR] = S_ADD_ACTOR, [DY_ROW_MENTION] = S_ADD_MENTION};
    dy_store *s = ctx;
    sqlite3_stmt *q = s->st[stmt_of[table]];
    bind_row(q, v, n);
    return run(s, q, err);
}

/* SQLite: the document's row, unless one of its hash is there (DY_ADD_SAME); with replace, the
 * documents of its name and another hash deleted first; with pieces, its text zeros of its
 * length, for write_pieces. DY_ADD_*, or -1 with err. */
static int add_doc(dy_store *s, const dy_fld d[DOC_COLS], int replace, int pieces, dy_err *err)
{
    const dy_fld *name = &d[0], *hash = &d[1];
    sqlite3_stmt *q = s->st[S_FIND];
    bind_text(q, 1, hash->s, hash->n);
    if (find_id(q)) return DY_ADD_SAME;
    int replaced = 0;
    if (replace) {
        q = s->st[S_FIND_NAME];
        bind_text(q, 1, name->s, name->n);
        bind_text(q, 2, hash->s, hash->n);
        int64_t old;
        while ((old = find_id(q)) != 0) {
            sqlite3_bind_int64(s->st[S_DEL_DOC], 1, old);
            if (run(s, s->st[S_DEL_DOC], err)) return -1;
            replaced = 1;
            bind_text(q, 1, name->s, name->n);
            bind_text(q, 2, hash->s, hash->n);
        }
    }
    bind_row(s->st[S_ADD_DOC], d, DOC_COLS);
    if (pieces) sqlite3_bind_zeroblob64(s->st[S_ADD_DOC], 8, d[7].n);
    if (run(s, s->st[S_ADD_DOC], err)) return -1;
    return replaced ? DY_ADD_REPLACED : DY_ADD_NEW;
}

int dy_store_add_rows(dy_store *s, const char *rows, size_t n, int replace, dy_err *err)
{
    dy_fld d[MAX_FIELDS];
    int nd;
    const char *p = rows, *end = rows + n;
    if (read_row(&p, end, d, &nd) != ROW_DOC || nd != DOC_COLS || d[0].t != DY_COL_TEXT || d[1].t != DY_COL_TEXT) return bad_rows(err);
    if (s->pg) return dy_pgstore_add_rows(s->pg, d, p, end, replace, err);
    int got = add_doc(s, d, replace, 0, err);
    if (got == DY_ADD_SAME || got < 0) return got;
    if (dy_store_replay(p, end, sqlite3_last_insert_rowid(s->db), lite_row, s, err)) return -1;
    return got;
}

int dy_store_add(dy_store *s, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, int replace, dy_err *err)
{
    s->rows.len = 0;
    if (dy_store_rows(&s->rows, doc, coder, facts, err)) return -1;
    return dy_store_add_rows(s, s->rows.data, s->rows.len, replace, err);
}

int dy_store_recode(dy_store *s, int64_t id, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_err *err)
{
    if (s->pg) return dy_pgstore_recode(s->pg, id, doc, coder, facts, err);
    for (int k = S_DEL_SENT; k <= S_DEL_MENTION; k++) {
        sqlite3_bind_int64(s->st[k], 1, id);
        if (run(s, s->st[k], err)) return -1;
    }
    return dy_store_content(id, doc, coder, facts, lite_row, s, err);
}

int dy_store_each_doc(dy_store *s, int (*fn)(void *ctx, int64_t id, const dy_doc *doc), void *ctx, dy_err *err)
{
    return dy_store_each_doc_db(dy_store_db(s), fn, ctx, err);
}

int dy_store_each_doc_db(dy_db *db, int (*fn)(void *ctx, int64_t id, const dy_doc *doc), void *ctx, dy_err *err)
{
    dy_stmt *q = NULL;
    if (dy_stmt_prepare(db, "SELECT id, name, pub, source, title, url, body, text FROM documents ORDER BY id", &q))
        return dy_err_set(err, DY_EIO, "cannot read the documents: %s", dy_db_errmsg(db)), -1;
    int rc, r = 0;
    while ((rc = dy_stmt_step(q)) == 1) {
        dy_doc d;
        memset(&d, 0, sizeof d);
        d.id = dy_stmt_col_text(q, 1);
        const char *pub = dy_stmt_col_text(q, 2);
        if (!pub || !dy_date_parse_iso(pub, strlen(pub), &d.pub)) {
            /* a stored month or year */
            d.pub.prec = DY_PREC_NONE;
            if (pub && strlen(pub) == 7) { d.pub.y = (int16_t)atoi(pub); d.pub.m = (int8_t)atoi(pub + 5); d.pub.prec = DY_PREC_MONTH; }
            else if (pub && strlen(pub) == 4) { d.pub.y = (int16_t)atoi(pub); d.pub.prec = DY_PREC_YEAR; }
        }
        d.source = dy_stmt_col_text(q, 3);
        d.title = dy_stmt_col_text(q, 4);
        d.url = dy_stmt_col_text(q, 5);
        d.body = (size_t)dy_stmt_col_int(q, 6);
        d.text = dy_stmt_col_text(q, 7);
        d.len = dy_stmt_col_bytes(q, 7);
        d.body_line = 1;
        if ((r = fn(ctx, dy_stmt_col_int(q, 0), &d)) != 0) break;
    }
    if (rc < 0) { dy_err_set(err, DY_EIO, "cannot read the documents: %s", dy_db_errmsg(db)); r = -1; }
    dy_stmt_finalize(&q);
    return r;
}
