/* dy_sql.c - statements on SQLite (sqlite3) or PostgreSQL (libpq) behind one interface. */
#define _POSIX_C_SOURCE 200809L
#include "dy_sql.h"

#include <libpq-fe.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { DY_SQL_KEPT = 24 };

struct dy_db {
    int kind;
    sqlite3 *lite;          /* not owned */
    PGconn *pg;             /* owned */
    double deadline;        /* CLOCK_MONOTONIC seconds; 0: none */
    int timed_out;
    int (*before)(void *ctx, dy_err *err);     /* dy_db_before */
    void *before_ctx;
    int in_before;
    sqlite3_stmt *version_q;    /* dy_db_changed: PRAGMA data_version, prepared once */
    /* SQLite statements finalised by the caller, kept reset for the next prepare of the same
     * text: parsing was half of a relation answer's time. Finalised by dy_db_close. */
    struct { char *sql; sqlite3_stmt *q; } kept[DY_SQL_KEPT];
    size_t nkept;
    int64_t version;        /* dy_db_changed: PRAGMA data_version when last asked */
    int have_version;
    char msg[256];
};

enum { MAXP = 32 };

struct dy_stmt {
    dy_db *db;
    sqlite3_stmt *lite;
    /* PostgreSQL: the rewritten text, the parameters as text, the result and the row */
    char *sql;
    int np;
    char *names[MAXP];      /* :name of $i+1, NULL for ?N */
    char *val[MAXP];
    PGresult *res;
    int row, nrow, ran;
    char fmt[MAXP][40];     /* doubles written as SQLite writes them */
};

static double mono(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

int dy_db_is_pg(const char *name)
{
    return name && (!strncmp(name, "postgresql://", 13) || !strncmp(name, "postgres://", 11));
}

dy_db *dy_db_sqlite(sqlite3 *h)
{
    dy_db *db = calloc(1, sizeof *db);
    if (db) { db->kind = DY_DB_SQLITE; db->lite = h; }
    return db;
}

dy_status dy_db_open_pg(const char *uri, dy_db **out, dy_err *err)
{
    *out = NULL;
    dy_db *db = calloc(1, sizeof *db);
    if (!db) return dy_err_set(err, DY_ENOMEM, "out of memory"), DY_ENOMEM;
    db->kind = DY_DB_PG;
    db->pg = PQconnectdb(uri);
    if (!db->pg || PQstatus(db->pg) != CONNECTION_OK) {
        char m[240];
        snprintf(m, sizeof m, "%s", db->pg ? PQerrorMessage(db->pg) : "out of memory");
        m[strcspn(m, "\n")] = 0;
        dy_err_set(err, DY_EIO, "cannot connect to PostgreSQL: %s; check the URI, the server and the password (~/.pgpass)", m);
        dy_db_close(&db);
        return DY_EIO;
    }
    /* quiet notices (CREATE ... IF NOT EXISTS says "already exists, skipping" on stderr) */
    PQclear(PQexec(db->pg, "SET client_min_messages = warning"));
    *out = db;
    return DY_OK;
}

void dy_db_close(dy_db **dp)
{
    if (!dp || !*dp) return;
    if ((*dp)->pg) PQfinish((*dp)->pg);
    sqlite3_finalize((*dp)->version_q);
    for (size_t i = 0; i < (*dp)->nkept; i++) {
        sqlite3_finalize((*dp)->kept[i].q);
        free((*dp)->kept[i].sql);
    }
    free(*dp);
    *dp = NULL;
}

int dy_db_kind(const dy_db *db) { return db->kind; }
sqlite3 *dy_db_sqlite_handle(dy_db *db) { return db->lite; }
PGconn *dy_db_pg_handle(dy_db *db) { return db->pg; }

const char *dy_db_errmsg(dy_db *db)
{
    if (db->kind == DY_DB_SQLITE) return sqlite3_errmsg(db->lite);
    if (!db->msg[0]) {
        snprintf(db->msg, sizeof db->msg, "%s", PQerrorMessage(db->pg));
        db->msg[strcspn(db->msg, "\n")] = 0;
    }
    return db->msg;
}

static void pg_fail(dy_db *db, const PGresult *r)
{
    const char *m = r ? PQresultErrorMessage(r) : NULL;
    snprintf(db->msg, sizeof db->msg, "%s", m && *m ? m : PQerrorMessage(db->pg));
    db->msg[strcspn(db->msg, "\n")] = 0;
    const char *code = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    if (code && !strcmp(code, "57014")) db->timed_out = 1;     /* query_canceled: statement_timeout */
}

static int sqlite_past(void *ctx)
{
    dy_db *db = ctx;
    if (mono() >= db->deadline) db->timed_out = 1;
    return db->timed_out;
}

void dy_db_deadline(dy_db *db, double deadline)
{
    db->deadline = deadline;
    db->timed_out = 0;
    if (db->kind == DY_DB_SQLITE) sqlite3_progress_handler(db->lite, deadline > 0 ? 10000 : 0, deadline > 0 ? sqlite_past : NULL, db);
}

int dy_db_timed_out(dy_db *db) { return db->timed_out; }

int dy_db_changed(dy_db *db)
{
    if (db->kind != DY_DB_SQLITE) return -1;
    /* prepared once a connection: a request's check is one step, not a parse */
    if (!db->version_q && sqlite3_prepare_v2(db->lite, "PRAGMA data_version", -1, &db->version_q, NULL) != SQLITE_OK) {
        db->version_q = NULL;
        return -1;
    }
    int64_t v = 0;
    int ok = sqlite3_step(db->version_q) == SQLITE_ROW;
    if (ok) v = sqlite3_column_int64(db->version_q, 0);
    sqlite3_reset(db->version_q);
    if (!ok) return -1;
    int changed = !db->have_version || v != db->version;
    db->version = v;
    db->have_version = 1;
    return changed;
}

void dy_db_before(dy_db *db, int (*fn)(void *ctx, dy_err *err), void *ctx)
{
    db->before = fn;
    db->before_ctx = ctx;
}

/* Runs the before hook (not from inside itself); 0, or -1 with db->msg set. */
static int before(dy_db *db)
{
    if (!db->before || db->in_before) return 0;
    dy_err e = {0};
    db->in_before = 1;
    int r = db->before(db->before_ctx, &e);
    db->in_before = 0;
    if (r) snprintf(db->msg, sizeof db->msg, "%.250s", e.msg);
    return r ? -1 : 0;
}

int dy_db_exec(dy_db *db, const char *sql, const char *what, dy_err *err)
{
    if (db->kind == DY_DB_SQLITE) {
        char *msg = NULL;
        if (sqlite3_exec(db->lite, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
        dy_err_set(err, DY_EIO, "%s: %s", what, msg ? msg : sqlite3_errmsg(db->lite));
        sqlite3_free(msg);
        return -1;
    }
    db->msg[0] = 0;
    if (before(db)) return dy_err_set(err, DY_EIO, "%s: %s", what, db->msg), -1;
    PGresult *r = PQexec(db->pg, sql);
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    int ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
    if (!ok) pg_fail(db, r);
    PQclear(r);
    if (!ok) return dy_err_set(err, DY_EIO, "%s: %s", what, db->msg), -1;
    return 0;
}

/* What SQLite spells one way and PostgreSQL another, where no function of the same name can stand
 * in (dy_store_pg.c defines those): replaced whole in a statement's text. */
static const struct { const char *lite, *pg; } dialect[] = {
    /* a span of a document's text by its byte offsets: CAST(substr(CAST(d.text AS BLOB), A, N) AS TEXT) */
    {"CAST(substr(CAST(d.text AS BLOB), ", "convert_from(substr(convert_to(d.text, 'UTF8'), "},
    {") AS TEXT)", "), 'UTF8')"},
    /* a fact's year or value where its date or label is missing: PostgreSQL's coalesce wants one type */
    {"coalesce(f.date, f.year)", "coalesce(f.date, CAST(f.year AS TEXT))"},
    {"coalesce(f.label, f.value)", "coalesce(f.label, dy_real_text(f.value))"},
    /* a fact's value as text, as SQLite writes a double (12.0) */
    {"CAST(f.value AS TEXT)", "dy_real_text(f.value)"},
};

/* sql with every dialect fragment replaced (malloc'd), or NULL when out of memory. */
static char *pg_dialect(const char *sql)
{
    char *s = strdup(sql);
    for (size_t k = 0; s && k < sizeof dialect / sizeof *dialect; k++) {
        const char *at;
        while (s && (at = strstr(s, dialect[k].lite))) {
            size_t pre = (size_t)(at - s), ll = strlen(dialect[k].lite), pl = strlen(dialect[k].pg);
            char *t = malloc(strlen(s) - ll + pl + 1);
            if (t) {
                memcpy(t, s, pre);
                memcpy(t + pre, dialect[k].pg, pl);
                strcpy(t + pre + pl, at + ll);
            }
            free(s);
            s = t;
        }
    }
    return s;
}

/* ?N -> $N and :name -> $k (k in order of first use), outside quotes and :: casts. */
static int pg_rewrite(dy_stmt *q, const char *sql0)
{
    char *sql = pg_dialect(sql0);
    if (!sql) return -1;
    size_t n = strlen(sql);
    char *o = malloc(n * 2 + 16);
    if (!o) { free(sql); return -1; }
    size_t j = 0;
    for (size_t i = 0; i < n;) {
        char c = sql[i];
        if (c == '\'' || c == '"') {            /* a literal or a quoted name, copied whole */
            size_t k = i + 1;
            while (k < n && sql[k] != c) k++;
            k = k < n ? k + 1 : n;
            memcpy(o + j, sql + i, k - i);
            j += k - i;
            i = k;
        } else if (c == '?' && i + 1 < n && dy_isdigit((unsigned char)sql[i + 1])) {
            o[j++] = '$';
            int v = 0;
            for (i++; i < n && dy_isdigit((unsigned char)sql[i]); i++) { v = v * 10 + (sql[i] - '0'); o[j++] = sql[i]; }
            if (v > q->np) q->np = v;
        } else if (c == ':' && i + 1 < n && (sql[i + 1] == '_' || (sql[i + 1] >= 'a' && sql[i + 1] <= 'z')) &&
                   (i == 0 || sql[i - 1] != ':')) {
            size_t k = i + 1;
            while (k < n && (sql[k] == '_' || (sql[k] >= 'a' && sql[k] <= 'z') || dy_isdigit((unsigned char)sql[k]))) k++;
            int at = 0;
            for (int p = 0; p < q->np && !at; p++)
                if (q->names[p] && strlen(q->names[p]) == k - i && !memcmp(q->names[p], sql + i, k - i)) at = p + 1;
            if (!at) {
                if (q->np >= MAXP || !(q->names[q->np] = strndup(sql + i, k - i))) { free(o); free(sql); return -1; }
                at = ++q->np;
            }
            j += (size_t)sprintf(o + j, "$%d", at);
            i = k;
        } else o[j++] = sql[i++];
    }
    o[j] = 0;
    q->sql = o;
    free(sql);
    return q->np > MAXP ? -1 : 0;
}

int dy_stmt_prepare(dy_db *db, const char *sql, dy_stmt **out)
{
    *out = NULL;
    dy_stmt *q = calloc(1, sizeof *q);
    if (!q) { snprintf(db->msg, sizeof db->msg, "out of memory"); return -1; }
    q->db = db;
    if (db->kind == DY_DB_SQLITE) {
        for (size_t i = db->nkept; i-- > 0;)       /* the latest kept first */
            if (!strcmp(db->kept[i].sql, sql)) {
                q->lite = db->kept[i].q;
                q->sql = db->kept[i].sql;
                db->kept[i] = db->kept[--db->nkept];
                *out = q;
                return 0;
            }
        if (sqlite3_prepare_v2(db->lite, sql, -1, &q->lite, NULL) != SQLITE_OK) { dy_stmt_finalize(&q); return -1; }
        q->sql = strdup(sql);       /* the key it is kept by; without it, it is not kept */
    } else if (pg_rewrite(q, sql)) {
        snprintf(db->msg, sizeof db->msg, "out of memory, or more than %d parameters", MAXP);
        dy_stmt_finalize(&q);
        return -1;
    }
    *out = q;
    return 0;
}

static void pg_clear(dy_stmt *q)
{
    PQclear(q->res);
    q->res = NULL;
    q->ran = 0;
    q->row = -1;
}

void dy_stmt_reset(dy_stmt *q)
{
    if (q->lite) {
        sqlite3_reset(q->lite);
        sqlite3_clear_bindings(q->lite);
        return;
    }
    pg_clear(q);
    for (int i = 0; i < q->np; i++) { free(q->val[i]); q->val[i] = NULL; }
}

void dy_stmt_finalize(dy_stmt **qp)
{
    if (!qp || !*qp) return;
    dy_stmt *q = *qp;
    dy_db *db = q->db;
    if (q->lite && q->sql && db->nkept < DY_SQL_KEPT) {     /* kept for the next prepare of its text */
        sqlite3_reset(q->lite);
        sqlite3_clear_bindings(q->lite);
        db->kept[db->nkept].sql = q->sql;
        db->kept[db->nkept++].q = q->lite;
        q->sql = NULL;
    } else sqlite3_finalize(q->lite);
    q->lite = NULL;
    dy_stmt_reset(q);
    for (int i = 0; i < MAXP; i++) free(q->names[i]);
    free(q->sql);
    free(q);
    *qp = NULL;
}

int dy_stmt_db_kind(const dy_stmt *q) { return q->db->kind; }

int dy_stmt_param(dy_stmt *q, const char *name)
{
    if (q->lite) return sqlite3_bind_parameter_index(q->lite, name);
    for (int i = 0; i < q->np; i++) if (q->names[i] && !strcmp(q->names[i], name)) return i + 1;
    return 0;
}

static void pg_set(dy_stmt *q, int i, char *v)
{
    if (i < 1 || i > q->np) { free(v); return; }
    free(q->val[i - 1]);
    q->val[i - 1] = v;
}

void dy_stmt_int(dy_stmt *q, int i, int64_t v)
{
    if (q->lite) { sqlite3_bind_int64(q->lite, i, v); return; }
    char b[24];
    snprintf(b, sizeof b, "%lld", (long long)v);
    pg_set(q, i, strdup(b));
}

void dy_stmt_double(dy_stmt *q, int i, double v)
{
    if (q->lite) { sqlite3_bind_double(q->lite, i, v); return; }
    char b[40];
    snprintf(b, sizeof b, "%.17g", v);
    pg_set(q, i, strdup(b));
}

void dy_stmt_text(dy_stmt *q, int i, const char *s, size_t n)
{
    if (!s) { dy_stmt_null(q, i); return; }
    if (q->lite) { sqlite3_bind_text(q->lite, i, s, (int)n, SQLITE_TRANSIENT); return; }
    pg_set(q, i, strndup(s, n));
}

void dy_stmt_str(dy_stmt *q, int i, const char *s) { dy_stmt_text(q, i, s, s ? strlen(s) : 0); }

void dy_stmt_null(dy_stmt *q, int i)
{
    if (q->lite) sqlite3_bind_null(q->lite, i);
    else pg_set(q, i, NULL);
}

/* statement_timeout for what is left of the deadline (at least 1 ms) */
static int pg_timeout(dy_db *db)
{
    if (db->deadline <= 0) return 0;
    double left = db->deadline - mono();
    if (left <= 0) { db->timed_out = 1; snprintf(db->msg, sizeof db->msg, "past the time limit"); return -1; }
    char sql[64];
    snprintf(sql, sizeof sql, "SET statement_timeout = %ld", (long)(left * 1000) + 1);
    PQclear(PQexec(db->pg, sql));
    return 0;
}

/* PostgreSQL: runs the statement on first need (a step, or its columns asked before one). */
static int pg_run(dy_stmt *q)
{
    if (q->ran) return q->ran < 0 ? -1 : 0;
    dy_db *db = q->db;
    db->msg[0] = 0;
    q->row = -1;
    q->ran = -1;
    if (before(db) || pg_timeout(db)) return -1;
    q->res = PQexecParams(db->pg, q->sql, q->np, NULL, (const char *const *)q->val, NULL, NULL, 0);
    ExecStatusType st = q->res ? PQresultStatus(q->res) : PGRES_FATAL_ERROR;
    if (db->deadline > 0) PQclear(PQexec(db->pg, "SET statement_timeout = 0"));
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        pg_fail(db, q->res);
        PQclear(q->res);
        q->res = NULL;
        return -1;
    }
    q->ran = 1;
    q->nrow = PQntuples(q->res);
    return 0;
}

int dy_stmt_step(dy_stmt *q)
{
    if (q->lite) {
        int rc = sqlite3_step(q->lite);
        return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
    }
    if (pg_run(q)) return -1;
    return ++q->row < q->nrow ? 1 : 0;
}

int dy_stmt_cols(dy_stmt *q)
{
    if (q->lite) return sqlite3_column_count(q->lite);
    return pg_run(q) ? 0 : PQnfields(q->res);
}

const char *dy_stmt_name(dy_stmt *q, int c) { return q->lite ? sqlite3_column_name(q->lite, c) : PQfname(q->res, c); }

/* PostgreSQL type OIDs (pg_type.h) */
enum { OID_BOOL = 16, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_FLOAT4 = 700, OID_FLOAT8 = 701, OID_NUMERIC = 1700 };

int dy_stmt_type(dy_stmt *q, int c)
{
    if (q->lite) {
        switch (sqlite3_column_type(q->lite, c)) {
        case SQLITE_INTEGER: return DY_COL_INT;
        case SQLITE_FLOAT: return DY_COL_FLOAT;
        case SQLITE_NULL: return DY_COL_NULL;
        default: return DY_COL_TEXT;
        }
    }
    if (!q->res || q->row < 0 || q->row >= q->nrow || PQgetisnull(q->res, q->row, c)) return DY_COL_NULL;
    switch (PQftype(q->res, c)) {
    case OID_BOOL: case OID_INT8: case OID_INT2: case OID_INT4: return DY_COL_INT;
    case OID_FLOAT4: case OID_FLOAT8: return DY_COL_FLOAT;
    case OID_NUMERIC: return strpbrk(PQgetvalue(q->res, q->row, c), ".eE") ? DY_COL_FLOAT : DY_COL_INT;
    default: return DY_COL_TEXT;
    }
}

static const char *pg_raw(dy_stmt *q, int c)
{
    if (!q->res || q->row < 0 || q->row >= q->nrow || c < 0 || c >= PQnfields(q->res) || PQgetisnull(q->res, q->row, c)) return NULL;
    return PQgetvalue(q->res, q->row, c);
}

int64_t dy_stmt_col_int(dy_stmt *q, int c)
{
    if (q->lite) return sqlite3_column_int64(q->lite, c);
    const char *v = pg_raw(q, c);
    if (!v) return 0;
    if (*v == 't') return 1;
    return strpbrk(v, ".eE") ? (int64_t)strtod(v, NULL) : strtoll(v, NULL, 10);
}

double dy_stmt_col_double(dy_stmt *q, int c)
{
    if (q->lite) return sqlite3_column_double(q->lite, c);
    const char *v = pg_raw(q, c);
    return !v ? 0 : *v == 't' ? 1 : *v == 'f' ? 0 : strtod(v, NULL);
}

const char *dy_stmt_col_text(dy_stmt *q, int c)
{
    if (q->lite) return (const char *)sqlite3_column_text(q->lite, c);
    const char *v = pg_raw(q, c);
    if (!v || c >= MAXP) return v;
    int t = dy_stmt_type(q, c);
    if (t == DY_COL_INT && (*v == 't' || *v == 'f')) return *v == 't' ? "1" : "0";
    if (t != DY_COL_FLOAT) return v;
    dy_sql_real_text(q->fmt[c], sizeof q->fmt[c], strtod(v, NULL));
    return q->fmt[c];
}

void dy_sql_real_text(char *b, size_t size, double d)
{
    snprintf(b, size, "%.15g", d);
    if (isfinite(d) && !strpbrk(b, ".e") && strlen(b) + 3 <= size) strcat(b, ".0");
}

size_t dy_stmt_col_bytes(dy_stmt *q, int c)
{
    if (q->lite) return (size_t)sqlite3_column_bytes(q->lite, c);
    const char *v = dy_stmt_col_text(q, c);
    return v ? strlen(v) : 0;
}
