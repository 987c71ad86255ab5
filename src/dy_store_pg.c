/* dy_store_pg.c - the corpus store in PostgreSQL (libpq): the SQLite store's schema and answers
 * for a team that ingests and queries one corpus from several machines.
 *
 * Several processes may ingest at once: a document's hash is UNIQUE and a document goes in with
 * INSERT ... ON CONFLICT (hash) DO NOTHING inside the batch's transaction, so whatever the races
 * a document is stored once (the loser of a race counts it as already there). A batch's content
 * rows (sentences, events, facts, mentions) are buffered in COPY's text format and sent with COPY
 * at commit; new actors go through a temporary table and INSERT ... ON CONFLICT DO NOTHING, in
 * code order. The schema is created under an advisory lock, so two first ingests do not race.
 * Text columns use the "C" collation: rows sort byte by byte, as in SQLite. The functions that
 * dy_query's SQLite spelling calls (instr, date with modifiers, round of a double, group_concat,
 * sum of a comparison) are defined here in SQL, so the queries are written once. */
#define _POSIX_C_SOURCE 200809L
#include "dy_store_int.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PG_SCHEMA_VERSION "2"
#define C_TEXT "TEXT COLLATE \"C\""

static const char pg_schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key " C_TEXT " PRIMARY KEY, value " C_TEXT " NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS documents(\n"
    "  id BIGSERIAL PRIMARY KEY, name " C_TEXT " NOT NULL, hash " C_TEXT " NOT NULL UNIQUE, pub " C_TEXT ", source " C_TEXT ",\n"
    "  pubday BIGINT, title " C_TEXT ", url " C_TEXT ", body INTEGER NOT NULL DEFAULT 0, text " C_TEXT " NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS documents_name ON documents(name);\n"
    "CREATE INDEX IF NOT EXISTS documents_pubday ON documents(pubday);\n"
    "CREATE TABLE IF NOT EXISTS sentences(\n"
    "  doc BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, no INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, PRIMARY KEY(doc, no));\n"
    "CREATE TABLE IF NOT EXISTS events(\n"
    "  id BIGSERIAL PRIMARY KEY, doc BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  sent INTEGER NOT NULL, date " C_TEXT ", day BIGINT, prec INTEGER NOT NULL,\n"
    "  source " C_TEXT " NOT NULL, target " C_TEXT " NOT NULL, src3 " C_TEXT " NOT NULL, tgt3 " C_TEXT " NOT NULL,\n"
    "  code " C_TEXT " NOT NULL, root " C_TEXT " NOT NULL, quad INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL,\n"
    "  src_start INTEGER, src_end INTEGER, tgt_start INTEGER, tgt_end INTEGER, verb_start INTEGER, verb_end INTEGER);\n"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(src3, tgt3, day, source, target, code, quad, goldstein);\n"
    "CREATE INDEX IF NOT EXISTS events_day ON events(day, src3, tgt3, goldstein);\n"
    "CREATE INDEX IF NOT EXISTS events_tgt ON events(tgt3, day);\n"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);\n"
    "CREATE TABLE IF NOT EXISTS facts(\n"
    "  id BIGSERIAL PRIMARY KEY, doc BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  sent INTEGER NOT NULL, kind " C_TEXT " NOT NULL, actors " C_TEXT " NOT NULL, year INTEGER, date " C_TEXT ",\n"
    "  value DOUBLE PRECISION, label " C_TEXT ", clauses INTEGER, stage " C_TEXT ", party " C_TEXT ", kinds " C_TEXT ");\n"
    "CREATE INDEX IF NOT EXISTS facts_kind ON facts(kind, actors, year);\n"
    "CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc);\n"
    "CREATE TABLE IF NOT EXISTS actors(code " C_TEXT " PRIMARY KEY, country " C_TEXT " NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS mentions(\n"
    "  doc BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, code " C_TEXT " NOT NULL REFERENCES actors(code),\n"
    "  code3 " C_TEXT " NOT NULL, text " C_TEXT " NOT NULL, n INTEGER NOT NULL, first INTEGER NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS mentions_code ON mentions(code3, code);\n"
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc);\n"
    "CREATE TABLE IF NOT EXISTS treaties(\n"
    "  id INTEGER PRIMARY KEY, parties " C_TEXT " NOT NULL, name " C_TEXT " NOT NULL, kinds " C_TEXT ", clauses " C_TEXT ",\n"
    "  status " C_TEXT ", signed " C_TEXT ", in_force " C_TEXT ", ended " C_TEXT ");\n"
    "CREATE INDEX IF NOT EXISTS treaties_parties ON treaties(parties);\n"
    "CREATE TABLE IF NOT EXISTS treaty_claims(\n"
    "  treaty INTEGER NOT NULL, fact BIGINT NOT NULL, what " C_TEXT " NOT NULL, value " C_TEXT " NOT NULL, party " C_TEXT ", date " C_TEXT ");\n"
    "CREATE INDEX IF NOT EXISTS treaty_claims_treaty ON treaty_claims(treaty);\n"
    "CREATE TABLE IF NOT EXISTS tiers(\n"
    "  id BIGSERIAL PRIMARY KEY, parties " C_TEXT " NOT NULL, tier " C_TEXT " NOT NULL, rank INTEGER, since " C_TEXT ", latest " C_TEXT ",\n"
    "  claims INTEGER NOT NULL, current INTEGER NOT NULL DEFAULT 0);\n"
    "CREATE INDEX IF NOT EXISTS tiers_parties ON tiers(parties);\n"
    "CREATE TABLE IF NOT EXISTS tier_claims(tier BIGINT NOT NULL, fact BIGINT NOT NULL, date " C_TEXT ");\n"
    "CREATE INDEX IF NOT EXISTS tier_claims_tier ON tier_claims(tier);\n";

/* SQLite's functions as the queries call them. date(): 'unixepoch', '+N days|months|years',
 * 'start of month|year', 'weekday N', as far as dy_query uses them. */
static const char pg_functions[] =
    "CREATE OR REPLACE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT strpos($1, $2)';\n"
    "CREATE OR REPLACE FUNCTION round(double precision, integer) RETURNS double precision LANGUAGE sql IMMUTABLE\n"
    "  AS 'SELECT round($1::numeric, $2)::double precision';\n"
    "CREATE OR REPLACE FUNCTION dy_datemod(d date, m text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$\n"
    "DECLARE n integer; u text;\n"
    "BEGIN\n"
    "  IF m = 'unixepoch' THEN RETURN d; END IF;\n"
    "  IF m = 'start of month' THEN RETURN date_trunc('month', d)::date; END IF;\n"
    "  IF m = 'start of year' THEN RETURN date_trunc('year', d)::date; END IF;\n"
    "  IF m LIKE 'weekday %' THEN RETURN d + ((substr(m, 9)::integer - extract(dow FROM d)::integer + 7) % 7); END IF;\n"
    "  n := split_part(m, ' ', 1)::integer; u := split_part(m, ' ', 2);\n"
    "  IF u LIKE 'day%' THEN RETURN d + n; END IF;\n"
    "  IF u LIKE 'month%' THEN RETURN (d + make_interval(months => n))::date; END IF;\n"
    "  IF u LIKE 'year%' THEN RETURN (d + make_interval(years => n))::date; END IF;\n"
    "  RAISE EXCEPTION 'date modifier % is not known to dyad', m;\n"
    "END $$;\n"
    "CREATE OR REPLACE FUNCTION dy_datemods(d date, m text[]) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$\n"
    "DECLARE x text;\n"
    "BEGIN\n"
    "  IF d IS NULL THEN RETURN NULL; END IF;\n"
    "  FOREACH x IN ARRAY coalesce(m, '{}'::text[]) LOOP d := dy_datemod(d, x); END LOOP;\n"
    "  RETURN to_char(d, 'YYYY-MM-DD');\n"
    "END $$;\n"
    "CREATE OR REPLACE FUNCTION date(x bigint, VARIADIC m text[]) RETURNS text LANGUAGE sql IMMUTABLE\n"
    "  AS $$SELECT dy_datemods(date '1970-01-01' + (floor(x / 86400.0))::integer, m)$$;\n"
    "CREATE OR REPLACE FUNCTION date(s text, VARIADIC m text[]) RETURNS text LANGUAGE sql IMMUTABLE\n"
    "  AS $$SELECT dy_datemods(s::date, m)$$;\n"
    "CREATE OR REPLACE FUNCTION dy_gc(a text, b text, sep text) RETURNS text LANGUAGE sql IMMUTABLE\n"
    "  AS $$SELECT CASE WHEN a IS NULL THEN b WHEN b IS NULL THEN a ELSE a || sep || b END$$;\n"
    "CREATE OR REPLACE FUNCTION dy_gc1(a text, b text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT dy_gc(a, b, ',')$$;\n"
    "CREATE OR REPLACE AGGREGATE group_concat(text) (SFUNC = dy_gc1, STYPE = text);\n"
    "CREATE OR REPLACE AGGREGATE group_concat(text, text) (SFUNC = dy_gc, STYPE = text);\n"
    "CREATE OR REPLACE FUNCTION dy_sumb(s bigint, b boolean) RETURNS bigint LANGUAGE sql IMMUTABLE\n"
    "  AS $$SELECT CASE WHEN b IS NULL THEN s ELSE coalesce(s, 0) + b::integer END$$;\n"
    "CREATE OR REPLACE AGGREGATE sum(boolean) (SFUNC = dy_sumb, STYPE = bigint);\n"
    /* SQLite's json_each of an array of strings: its values */
    "CREATE OR REPLACE FUNCTION json_each(t text) RETURNS TABLE(value text) LANGUAGE sql IMMUTABLE\n"
    "  AS $$SELECT json_array_elements_text(t::json)$$;\n"
    /* a double as SQLite writes one: 4.0, not 4 */
    "CREATE OR REPLACE FUNCTION dy_real_text(v double precision) RETURNS text LANGUAGE sql IMMUTABLE\n"
    "  AS $$SELECT CASE WHEN v = trunc(v) AND abs(v) < 1e15 THEN trunc(v)::bigint::text || '.0' ELSE v::text END$$;\n";

/* Content tables and their COPY column lists, in DY_ROW_* order. */
static const char *const copy_sql[DY_ROW_N] = {
    [DY_ROW_SENT] = "COPY sentences(doc, no, start, \"end\") FROM STDIN",
    [DY_ROW_EVENT] = "COPY events(doc, sent, date, day, prec, source, target, src3, tgt3, code, root, quad, goldstein, "
                     "src_start, src_end, tgt_start, tgt_end, verb_start, verb_end) FROM STDIN",
    [DY_ROW_FACT] = "COPY facts(doc, sent, kind, actors, year, date, value, label, clauses, stage, party, kinds) FROM STDIN",
    [DY_ROW_ACTOR] = "COPY actors_in(code, country) FROM STDIN",
    [DY_ROW_MENTION] = "COPY mentions(doc, code, code3, text, n, first) FROM STDIN",
};

struct dy_pgstore {
    dy_db *db;
    PGconn *c;
    int in_tx;
    dy_buf rows[DY_ROW_N];      /* the batch's content, COPY text format */
};

static int flush_rows(void *ctx, dy_err *err);

static int pgstore_fail(dy_pgstore *p, dy_err *err, const char *what)
{
    dy_err_set(err, DY_EIO, "%s: %s", what, dy_db_errmsg(p->db));
    return -1;
}

dy_status dy_pgstore_open(const char *uri, int mode, dy_pgstore **out, dy_err *err)
{
    *out = NULL;
    dy_pgstore *p = calloc(1, sizeof *p);
    if (!p) return dy_err_set(err, DY_ENOMEM, "out of memory"), DY_ENOMEM;
    dy_status st = dy_db_open_pg(uri, &p->db, err);
    if (st) { free(p); return st; }
    p->c = dy_db_pg_handle(p->db);
    dy_db_before(p->db, flush_rows, p);
    if (mode == DY_STORE_WRITE) {
        /* one creator at a time (CREATE ... IF NOT EXISTS is not safe against a concurrent one) */
        if (dy_db_exec(p->db, "BEGIN; SELECT pg_advisory_xact_lock(7710353)", "cannot create the schema", err) ||
            dy_db_exec(p->db, pg_schema, "cannot create the schema", err) ||
            dy_db_exec(p->db, pg_functions, "cannot create the schema's functions", err) ||
            dy_db_exec(p->db, "INSERT INTO meta(key, value) VALUES('schema', '" PG_SCHEMA_VERSION "') ON CONFLICT DO NOTHING; COMMIT",
                       "cannot create the schema", err) ||
            dy_db_exec(p->db, "CREATE TEMP TABLE actors_in(code " C_TEXT ", country " C_TEXT ") ON COMMIT DELETE ROWS",
                       "cannot create the schema", err)) {
            dy_pgstore_close(&p);
            return DY_EIO;
        }
    } else {
        dy_stmt *q = NULL;
        int ok = !dy_stmt_prepare(p->db, "SELECT value FROM meta WHERE key = 'schema'", &q) && dy_stmt_step(q) == 1;
        dy_stmt_finalize(&q);
        if (!ok) {
            dy_err_set(err, DY_EINPUT, "%s: not a dyad database (make one with 'dyad ingest --db %s FILE...')", uri, uri);
            dy_pgstore_close(&p);
            return DY_EINPUT;
        }
    }
    *out = p;
    return DY_OK;
}

void dy_pgstore_close(dy_pgstore **pp)
{
    if (!pp || !*pp) return;
    dy_pgstore *p = *pp;
    if (p->in_tx) dy_pgstore_rollback(p);
    for (int k = 0; k < DY_ROW_N; k++) dy_buf_free(&p->rows[k]);
    dy_db_close(&p->db);
    free(p);
    *pp = NULL;
}

dy_db *dy_pgstore_db(dy_pgstore *p) { return p->db; }

dy_status dy_pgstore_begin(dy_pgstore *p, dy_err *err)
{
    if (dy_db_exec(p->db, "BEGIN", "cannot start a transaction", err)) return DY_EIO;
    p->in_tx = 1;
    return DY_OK;
}

/* Sends one table's buffered rows with COPY. */
static int copy_rows(dy_pgstore *p, int table, dy_err *err)
{
    dy_buf *b = &p->rows[table];
    if (!b->len) return 0;
    PGresult *r = PQexec(p->c, copy_sql[table]);
    int ok = r && PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (ok) ok = PQputCopyData(p->c, b->data, (int)b->len) == 1;
    if (PQputCopyEnd(p->c, ok ? NULL : "dyad: the rows could not be sent") != 1) ok = 0;
    while ((r = PQgetResult(p->c))) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            ok = 0;
            dy_err_set(err, DY_EIO, "cannot copy the batch: %s", PQresultErrorMessage(r));
            err->msg[strcspn(err->msg, "\n")] = 0;
        }
        PQclear(r);
    }
    if (!ok && !err->msg[0]) pgstore_fail(p, err, "cannot copy the batch");
    b->len = 0;
    return ok ? 0 : -1;
}

/* Sends the rows held back (dy_db_before: also before any other statement, so that a reader in
 * the same transaction, such as dy_relations_build after a recode, sees them). */
static int flush_rows(void *ctx, dy_err *err)
{
    dy_pgstore *p = ctx;
    int any = 0;
    for (int k = 0; k < DY_ROW_N; k++) any |= p->rows[k].len > 0;
    if (!any) return 0;
    /* new actors first (mentions refer to them), in code order: two writers lock them in one order */
    int r = copy_rows(p, DY_ROW_ACTOR, err) ||
            dy_db_exec(p->db, "INSERT INTO actors(code, country) SELECT DISTINCT code, country FROM actors_in ORDER BY code "
                              "ON CONFLICT DO NOTHING; TRUNCATE actors_in", "cannot add the actors", err);
    for (int k = 0; k < DY_ROW_N && !r; k++)
        if (k != DY_ROW_ACTOR) r = copy_rows(p, k, err);
    return r;
}

dy_status dy_pgstore_commit(dy_pgstore *p, dy_err *err)
{
    if (flush_rows(p, err) || dy_db_exec(p->db, "COMMIT", "cannot commit", err)) {
        dy_pgstore_rollback(p);
        return DY_EIO;
    }
    p->in_tx = 0;
    return DY_OK;
}

void dy_pgstore_rollback(dy_pgstore *p)
{
    dy_err e = {0};
    for (int k = 0; k < DY_ROW_N; k++) p->rows[k].len = 0;
    dy_db_exec(p->db, "ROLLBACK", "rollback", &e);
    p->in_tx = 0;
}

/* One field in COPY's text format: \N for NULL; backslash, tab, newline and CR escaped. */
static int copy_field(dy_buf *b, const dy_fld *f)
{
    switch (f->t) {
    case DY_COL_NULL: return dy_buf_adds(b, "\\N");
    case DY_COL_INT: return dy_buf_printf(b, "%lld", (long long)f->i);
    case DY_COL_FLOAT: return dy_buf_printf(b, "%.17g", f->d);
    default: break;
    }
    int e = 0;
    for (size_t i = 0; i < f->n; i++) {
        char c = f->s[i];
        if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
            e |= dy_buf_addc(b, '\\') | dy_buf_addc(b, c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\');
        } else e |= dy_buf_addc(b, c);
    }
    return e;
}

static int pg_row(void *ctx, int table, const dy_fld *v, int n, dy_err *err)
{
    dy_pgstore *p = ctx;
    dy_buf *b = &p->rows[table];
    int e = 0;
    for (int k = 0; k < n; k++) e |= (k ? dy_buf_addc(b, '\t') : 0) | copy_field(b, &v[k]);
    if (e | dy_buf_addc(b, '\n')) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    return 0;
}

/* Runs q with its parameters as text; the first column of the first row, 0 for none, -1 failed. */
static int64_t run1(dy_pgstore *p, const char *sql, int n, const char *const *v, int *rows)
{
    PGresult *r = PQexecParams(p->c, sql, n, NULL, v, NULL, NULL, 0);
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    int64_t id = -1;
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
        id = st == PGRES_TUPLES_OK && PQntuples(r) > 0 ? strtoll(PQgetvalue(r, 0, 0), NULL, 10) : 0;
        if (rows) *rows = atoi(PQcmdTuples(r));
    }
    PQclear(r);
    return id;
}

int dy_pgstore_add_rows(dy_pgstore *p, const dy_fld doc[DOC_COLS], const char *rows, const char *end, int replace, dy_err *err)
{
    /* the document's fields as text parameters (a recorded text is 0-terminated) */
    char num[DOC_COLS][24];
    const char *v[DOC_COLS];
    for (int k = 0; k < DOC_COLS; k++) {
        v[k] = doc[k].t == DY_COL_TEXT ? doc[k].s : doc[k].t == DY_COL_INT ? num[k] : NULL;
        if (doc[k].t == DY_COL_INT) snprintf(num[k], sizeof num[k], "%lld", (long long)doc[k].i);
    }
    int64_t got = run1(p, "SELECT 1 FROM documents WHERE hash = $1", 1, v + 1, NULL);
    if (got != 0) return got > 0 ? DY_ADD_SAME : pgstore_fail(p, err, "cannot read the documents");
    int replaced = 0;
    if (replace && run1(p, "DELETE FROM documents WHERE name = $1 AND hash <> $2", 2, v, &replaced) < 0) return pgstore_fail(p, err, "cannot replace");
    /* another writer may have stored it since: then it is in once, and here it is "already there" */
    int64_t id = run1(p, "INSERT INTO documents(name, hash, pub, source, title, url, body, text, pubday) "
                         "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (hash) DO NOTHING RETURNING id", DOC_COLS, v, NULL);
    if (id < 0) return pgstore_fail(p, err, "cannot write");
    if (id == 0) return DY_ADD_SAME;
    if (dy_store_replay(rows, end, id, pg_row, p, err)) return -1;
    return replaced ? DY_ADD_REPLACED : DY_ADD_NEW;
}

int dy_pgstore_recode(dy_pgstore *p, int64_t id, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_err *err)
{
    char sid[24];
    snprintf(sid, sizeof sid, "%lld", (long long)id);
    const char *v[1] = {sid};
    static const char *const del[] = {"DELETE FROM sentences WHERE doc = $1", "DELETE FROM events WHERE doc = $1",
                                      "DELETE FROM facts WHERE doc = $1", "DELETE FROM mentions WHERE doc = $1"};
    for (int k = 0; k < 4; k++)
        if (run1(p, del[k], 1, v, NULL) < 0) return pgstore_fail(p, err, "cannot re-code");
    return dy_store_content(id, doc, coder, facts, pg_row, p, err);
}
