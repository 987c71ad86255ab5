/* dy_sql.h - one SQL connection, SQLite or PostgreSQL, and its statements: what the store, the
 * queries and the relations graph run their SQL through, so that one query text serves both.
 *
 * Invariants and ownership:
 *  - A dy_db wraps a SQLite connection it does not own (dy_db_sqlite; the store closes the
 *    sqlite3, after dy_db_close, which finalises the statement dy_db_changed keeps prepared),
 *    or owns a libpq connection (dy_db_open_pg; dy_db_close closes it).
 *  - SQL is written once, in SQLite's spelling, with parameters as ?N or :name; for PostgreSQL a
 *    statement's text is rewritten to $N (outside quotes) before it is sent. Where the two
 *    dialects differ, callers ask dy_db_kind() in one small function, never in a whole query.
 *  - Bound values are copied: the caller's strings may go once bound.
 *  - Column values are valid until the next step, reset or finalize. A PostgreSQL double comes
 *    back as SQLite writes one (15 significant digits, "12.0" not "12"), so the two give the
 *    same text for the same answer.
 *  - Nothing here prints; failures come back as -1 with dy_db_errmsg() or err set.
 */
#ifndef DY_SQL_H
#define DY_SQL_H

#include <stddef.h>
#include <stdint.h>
#include "dy_util.h"

typedef struct dy_db dy_db;
typedef struct dy_stmt dy_stmt;
struct sqlite3;
struct pg_conn;

enum { DY_DB_SQLITE = 0, DY_DB_PG = 1 };
enum { DY_COL_NULL = 0, DY_COL_INT, DY_COL_FLOAT, DY_COL_TEXT };

/* A dyad database name that is a PostgreSQL connection URI (postgresql:// or postgres://). */
int dy_db_is_pg(const char *name);

dy_db *dy_db_sqlite(struct sqlite3 *h);     /* NULL when out of memory */
dy_status dy_db_open_pg(const char *uri, dy_db **out, dy_err *err);
void dy_db_close(dy_db **db);
int dy_db_kind(const dy_db *db);
struct sqlite3 *dy_db_sqlite_handle(dy_db *db);     /* NULL for PostgreSQL */
struct pg_conn *dy_db_pg_handle(dy_db *db);         /* NULL for SQLite */
const char *dy_db_errmsg(dy_db *db);

/* Runs one or more statements that return nothing wanted; 0 or -1 with err ("what: message"). */
int dy_db_exec(dy_db *db, const char *sql, const char *what, dy_err *err);
/* Stops any statement that runs past deadline (CLOCK_MONOTONIC seconds; 0 clears it): it fails,
 * and dy_db_timed_out() says so. */
void dy_db_deadline(dy_db *db, double deadline);
int dy_db_timed_out(dy_db *db);
/* 1 when the data may have changed since the last call on db (a commit by any connection, or
 * this is the first call), 0 when not; -1 when it cannot tell (PostgreSQL, or an error). For
 * SQLite it compares PRAGMA data_version, a few microseconds. */
int dy_db_changed(dy_db *db);
/* fn runs before any other statement on db (it may run statements itself): a writer that holds
 * rows back (the PostgreSQL store's COPY buffers) sends them before anyone reads. NULL: none. */
void dy_db_before(dy_db *db, int (*fn)(void *ctx, dy_err *err), void *ctx);

int dy_stmt_prepare(dy_db *db, const char *sql, dy_stmt **q);   /* 0, or -1 (dy_db_errmsg) */
void dy_stmt_finalize(dy_stmt **q);
int dy_stmt_param(dy_stmt *q, const char *name);
int dy_stmt_db_kind(const dy_stmt *q);                         /* DY_DB_* of its connection */                /* ":from" -> its index; 0: none */
void dy_stmt_int(dy_stmt *q, int i, int64_t v);
void dy_stmt_double(dy_stmt *q, int i, double v);
void dy_stmt_text(dy_stmt *q, int i, const char *s, size_t n);  /* s NULL binds NULL */
void dy_stmt_str(dy_stmt *q, int i, const char *s);             /* s NULL binds NULL */
void dy_stmt_null(dy_stmt *q, int i);
/* 1: a row; 0: done; -1: failed (dy_db_errmsg). */
int dy_stmt_step(dy_stmt *q);
void dy_stmt_reset(dy_stmt *q);     /* to run again; also clears the bindings */
int dy_stmt_cols(dy_stmt *q);
const char *dy_stmt_name(dy_stmt *q, int c);
int dy_stmt_type(dy_stmt *q, int c);            /* DY_COL_* */
int64_t dy_stmt_col_int(dy_stmt *q, int c);
double dy_stmt_col_double(dy_stmt *q, int c);
const char *dy_stmt_col_text(dy_stmt *q, int c);    /* NULL for NULL */
size_t dy_stmt_col_bytes(dy_stmt *q, int c);
/* d as SQLite writes a REAL: %.15g, with ".0" when that leaves a whole number ("12.0"). */
void dy_sql_real_text(char *b, size_t size, double d);

#endif
