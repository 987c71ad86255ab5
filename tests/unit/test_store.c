/* test_store.c - the store and its queries (store-*, query-*): checks of user input, and a small
 * database built through the coder on the fixture dictionary, queried back. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "units.h"
#include "../../src/dy_query.h"
#include "../../src/dy_sql.h"
#include "../../src/dy_store.h"

START_TEST(query_1_1_dates_and_codes)
{
    dy_err e = {0};
    int32_t d;
    ck_assert_int_eq(dy_query_date("2024-06-18", 0, &d, &e), 0);
    ck_assert_int_eq(d, 19892);
    ck_assert_int_eq(dy_query_date("2024-06", 0, &d, &e), 0);
    ck_assert_int_eq(d, 19875);                     /* 2024-06-01 */
    ck_assert_int_eq(dy_query_date("2024-06", 1, &d, &e), 0);
    ck_assert_int_eq(d, 19904);                     /* 2024-06-30 */
    ck_assert_int_eq(dy_query_date("2024", 1, &d, &e), 0);
    ck_assert_int_eq(d, 20088);                     /* 2024-12-31 */
    ck_assert_int_eq(dy_query_date("2024-02-30", 0, &d, &e), -1);
    ck_assert(strstr(e.msg, "YYYY-MM-DD") != NULL);
    ck_assert_int_eq(dy_query_date("June", 0, &d, &e), -1);
    ck_assert_int_eq(dy_query_actor("RUS", &e), 0);
    ck_assert_int_eq(dy_query_actor("PRKGOV", &e), 0);
    ck_assert_int_eq(dy_query_actor("rus", &e), -1);
    ck_assert_int_eq(dy_query_actor("RU", &e), -1);
    ck_assert_int_eq(dy_query_actor("RUS'; DROP TABLE events; --", &e), -1);
    int by;
    ck_assert_int_eq(dy_query_period("week", &by, &e), 0);
    ck_assert_int_eq(by, DY_BY_WEEK);
    ck_assert_int_eq(dy_query_period("fortnight", &by, &e), -1);
}
END_TEST

/* Shared with test_api.c: codes text with c and stores it; a fresh database name; its removal. */
int unit_store_add(dy_store *s, dy_coder *c, const char *name, const char *text)
{
    dy_doc d;
    dy_err e = {0};
    char *scratch = NULL;
    ck_assert_int_eq(dy_doc_parse_text(name, text, strlen(text), &d, &scratch, &e), 0);
    ck_assert_int_eq(dy_coder_code(c, &d, &e), 0);
    int r = dy_store_add(s, &d, c, NULL, 0, &e);
    free(scratch);
    return r;
}

void unit_store_open(char path[64], dy_dict **dict, dy_coder **c, dy_store **s)
{
    dy_err e = {0};
    unit_temp_db(path);
    *dict = NULL;
    *s = NULL;
    ck_assert_int_eq(dy_dict_load("tests/unit/dict", dict, &e), DY_OK);
    dy_coder_opts o = {0, 0, 1, DY_CONV_DYAD};
    *c = dy_coder_create(*dict, &o);
    ck_assert_ptr_nonnull(*c);
    ck_assert_int_eq(dy_store_open(path, DY_STORE_WRITE, s, &e), DY_OK);
    ck_assert_int_eq(dy_store_begin(*s, &e), DY_OK);
}

void unit_db_open(unit_db *u) { unit_store_open(u->path, &u->dict, &u->c, &u->s); }

void unit_db_close(unit_db *u)
{
    dy_store_close(&u->s);
    dy_coder_destroy(&u->c);
    dy_dict_destroy(&u->dict);
    unit_remove_db(u->path);
}

void unit_temp_db(char path[64])
{
    snprintf(path, 64, "/tmp/dyad-unit-XXXXXX");
    int fd = mkstemp(path);
    ck_assert(fd >= 0);
    close(fd);
    unlink(path);
}

void unit_remove_db(const char *path)
{
    char side[96];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

/* The RUS -> UKR series by day, from the store (the caller destroys it). */
static dy_result *rus_ukr_by_day(dy_store *s)
{
    dy_qopts q;
    dy_err e = {0};
    dy_qopts_init(&q);
    memcpy(q.a, "RUS", 4);
    memcpy(q.b, "UKR", 4);
    q.by = DY_BY_DAY;
    dy_result *r = NULL;
    ck_assert_int_eq(dy_query_series(dy_store_db(s), &q, &r, &e), 0);
    return r;
}

START_TEST(store_1_1_add_once_and_query)
{
    char path[64];
    dy_dict *dict;
    dy_coder *c;
    dy_store *s;
    dy_err e = {0};
    unit_store_open(path, &dict, &c, &s);
    const char *a = "Date: 2024-06-19\n\nRussia attacked Ukraine. The Kremlin condemned Seoul.\n";
    ck_assert_int_eq(unit_store_add(s, c, "a.txt", a), DY_ADD_NEW);
    ck_assert_int_eq(unit_store_add(s, c, "a.txt", a), DY_ADD_SAME);
    ck_assert_int_eq(dy_store_commit(s, &e), DY_OK);
    dy_result *r = rus_ukr_by_day(s);
    ck_assert_int_eq(dy_result_rows(r), 1);
    ck_assert_str_eq(dy_result_cell(r, 0, 0), "2024-06-19");
    ck_assert_str_eq(dy_result_cell(r, 0, 1), "1");
    ck_assert(dy_result_num(r, 0, 2) == -10.0);
    dy_result_destroy(&r);
    dy_store_close(&s);
    /* read-only opening refuses what is not ours */
    ck_assert_int_eq(dy_store_open("tests/unit/dict/cameo.txt", DY_STORE_READ, &s, &e), DY_EINPUT);
    ck_assert(strstr(e.msg, "not a dyad database") != NULL);
    ck_assert_ptr_null(s);
    dy_coder_destroy(&c);
    dy_dict_destroy(&dict);
    unit_remove_db(path);
}
END_TEST

/* How many of the named indexes the store has (sqlite_master). */
static int count_indexes(dy_store *s, const char *names)
{
    int n = -1;
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (%s)", names);
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(dy_store_sqlite(s), sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) n = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return n;
}

static int meta_deferred(dy_store *s)
{
    sqlite3_stmt *q = NULL;
    int yes = sqlite3_prepare_v2(dy_store_sqlite(s), "SELECT 1 FROM meta WHERE key = 'indexes'", -1, &q, NULL) == SQLITE_OK &&
              sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    return yes;
}

#define DEFERRED "'events_dyad','events_day','events_tgt','mentions_code','facts_kind','documents_pubday'"
#define KEPT "'events_doc','documents_name','facts_doc','mentions_doc'"

/* A bulk load defers six indexes in an empty store and builds them back; a store left without
 * them (no dy_store_bulk_end: a crash) answers queries read-only and gets them back at the next
 * write open; a store that holds events is loaded with its indexes kept. */
START_TEST(store_1_2_bulk_load)
{
    char path[64];
    dy_dict *dict;
    dy_coder *c;
    dy_store *s;
    dy_err e = {0};
    unit_store_open(path, &dict, &c, &s);
    ck_assert_int_eq(dy_store_bulk_begin(s, &e), -1);      /* not inside a transaction */
    ck_assert_int_eq(e.code, DY_EUSAGE);
    dy_store_rollback(s);
    ck_assert_int_eq(dy_store_bulk_begin(s, &e), 1);
    ck_assert_int_eq(count_indexes(s, DEFERRED), 0);
    ck_assert_int_eq(count_indexes(s, KEPT), 4);
    ck_assert(meta_deferred(s));
    ck_assert_int_eq(dy_store_begin(s, &e), DY_OK);
    ck_assert_int_eq(unit_store_add(s, c, "a.txt", "Date: 2024-06-19\n\nRussia attacked Ukraine.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(s, &e), DY_OK);
    ck_assert_int_eq(dy_store_bulk_end(s, NULL, NULL, &e), DY_OK);
    ck_assert_int_eq(count_indexes(s, DEFERRED), 6);
    ck_assert(!meta_deferred(s));
    ck_assert_int_eq(dy_store_bulk_end(s, NULL, NULL, &e), DY_OK);    /* nothing left to do */
    /* the store holds events now: the indexes stay */
    ck_assert_int_eq(dy_store_bulk_begin(s, &e), 0);
    ck_assert_int_eq(count_indexes(s, DEFERRED), 6);
    ck_assert(!meta_deferred(s));
    ck_assert_int_eq(dy_store_bulk_end(s, NULL, NULL, &e), DY_OK);
    dy_store_close(&s);
    unit_remove_db(path);

    /* closed in the middle of a bulk load */
    ck_assert_int_eq(dy_store_open(path, DY_STORE_WRITE, &s, &e), DY_OK);
    ck_assert_int_eq(dy_store_bulk_begin(s, &e), 1);
    ck_assert_int_eq(dy_store_begin(s, &e), DY_OK);
    ck_assert_int_eq(unit_store_add(s, c, "a.txt", "Date: 2024-06-19\n\nRussia attacked Ukraine.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(s, &e), DY_OK);
    dy_store_close(&s);
    ck_assert_int_eq(dy_store_open(path, DY_STORE_READ, &s, &e), DY_OK);
    ck_assert_int_eq(count_indexes(s, DEFERRED), 0);
    dy_result *r = rus_ukr_by_day(s);
    ck_assert_int_eq(dy_result_rows(r), 1);
    ck_assert_str_eq(dy_result_cell(r, 0, 1), "1");
    dy_result_destroy(&r);
    dy_store_close(&s);
    ck_assert_int_eq(dy_store_open(path, DY_STORE_WRITE, &s, &e), DY_OK);
    ck_assert_int_eq(count_indexes(s, DEFERRED), 6);
    ck_assert(!meta_deferred(s));
    dy_store_close(&s);
    dy_coder_destroy(&c);
    dy_dict_destroy(&dict);
    unit_remove_db(path);
}
END_TEST

/* dy_store_rows() keeps what a coded document adds apart from the coder (ingest -j): rows
 * recorded, the coder then used for another document and its text freed, still store the first
 * document's events; the same rows again add nothing. */
START_TEST(store_1_3_rows_outlive_the_coder)
{
    unit_db u;
    dy_err e = {0};
    unit_db_open(&u);
    dy_doc d;
    char *scratch = NULL, *text = strdup("Date: 2024-06-19\n\nRussia attacked Ukraine. Russia attacked Ukraine again.\n");
    ck_assert_int_eq(dy_doc_parse_text("a.txt", text, strlen(text), &d, &scratch, &e), 0);
    ck_assert_int_eq(dy_coder_code(u.c, &d, &e), 0);
    dy_buf rows = {0};
    ck_assert_int_eq(dy_store_rows(&rows, &d, u.c, NULL, &e), 0);
    memset(text, 'x', strlen(text));
    free(text);
    free(scratch);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "b.txt", "Date: 2024-06-20\n\nThe Kremlin condemned Seoul.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_add_rows(u.s, rows.data, rows.len, 0, &e), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_add_rows(u.s, rows.data, rows.len, 0, &e), DY_ADD_SAME);
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    dy_qopts q;
    dy_qopts_init(&q);
    memcpy(q.a, "RUS", 4);
    memcpy(q.b, "UKR", 4);
    dy_result *r = NULL;
    ck_assert_int_eq(dy_query_events(dy_store_db(u.s), &q, &r, &e), 0);
    ck_assert_int_eq(dy_result_rows(r), 2);     /* both of a.txt's, once */
    for (size_t i = 0; i < 2; i++) {
        ck_assert_str_eq(dy_result_cell(r, i, 0), "2024-06-19");
        ck_assert_str_eq(dy_result_cell(r, i, 6), "a.txt");
    }
    dy_result_destroy(&r);
    dy_buf_free(&rows);
    unit_db_close(&u);
}
END_TEST

/* ---- the summaries (sums, doc_pairs) ---- */
#define NODE_SQL(c3, code) "CASE WHEN " c3 " = 'IGO' THEN " code " ELSE " c3 " END"
#define START_SQL(mod) "CAST(julianday(date(day * 86400, 'unixepoch', '" mod "')) - 2440587.5 AS INTEGER)"
/* The rows of sums and doc_pairs that differ from the same numbers taken from the events and
 * mentions with GROUP BY: 0 when the summaries are exact. */
static int sums_wrong(dy_store *s)
{
    static const char sql[] =
        "WITH g AS (SELECT day, " NODE_SQL("src3", "source") " AS s, " NODE_SQL("tgt3", "target") " AS t, count(*) AS n, "
        "  sum(CAST(round(goldstein * 10) AS INTEGER)) AS g, sum(quad = 1) AS q1, sum(quad = 2) AS q2, sum(quad = 3) AS q3, "
        "  sum(quad = 4) AS q4, min(id), CAST(round(goldstein * 10) AS INTEGER) AS fg, quad AS fq FROM events WHERE day IS NOT NULL "
        "  GROUP BY src3, tgt3, day, source, target, code), "
        "d0 AS (SELECT day, s, t, sum(n) AS n, sum(g) AS g, sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3, sum(q4) AS q4, count(*) AS dn, "
        "  sum(fg) AS dg, sum(fq = 1) AS dq1, sum(fq = 2) AS dq2, sum(fq = 3) AS dq3, sum(fq = 4) AS dq4, 0 AS m FROM g GROUP BY 1, 2, 3 "
        "  UNION ALL SELECT coalesce(d.pubday, 0), " NODE_SQL("x.code3", "x.code") ", '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sum(x.n) "
        "  FROM mentions x JOIN documents d ON d.id = x.doc GROUP BY 1, 2), "
        "lv(lvl) AS (VALUES (0), (1), (2), (3)), "
        "want AS (SELECT lvl, CASE lvl WHEN 0 THEN day WHEN 1 THEN " START_SQL("start of month") " WHEN 2 THEN " START_SQL("start of year")
        "  ELSE 0 END AS start, s, t, sum(n), sum(g), sum(q1), sum(q2), sum(q3), sum(q4), sum(dn), sum(dg), sum(dq1), sum(dq2), sum(dq3), "
        "  sum(dq4), sum(m) FROM d0, lv GROUP BY 1, 2, 3, 4), "
        "have AS (SELECT lvl, start, src, tgt, n, g, q1, q2, q3, q4, dn, dg, dq1, dq2, dq3, dq4, m FROM sums), "
        "nw AS (SELECT lvl, CASE lvl WHEN 1 THEN " START_SQL("start of month") " WHEN 2 THEN " START_SQL("start of year") " ELSE 0 END, "
        "  node, sum(n), sum(dn) FROM (SELECT day, s AS node, n, dn FROM d0 WHERE t <> '' UNION ALL SELECT day, t, n, dn FROM d0 "
        "  WHERE t <> ''), (SELECT 1 AS lvl UNION ALL SELECT 2 UNION ALL SELECT 3) GROUP BY 1, 2, 3), "
        "pw AS (SELECT CASE WHEN src3 < tgt3 THEN src3 || ',' || tgt3 ELSE tgt3 || ',' || src3 END, e.doc, d.name, count(*) "
        "  FROM events e JOIN documents d ON d.id = e.doc GROUP BY 1, 2) "
        "SELECT (SELECT count(*) FROM (SELECT * FROM want EXCEPT SELECT * FROM have)) + (SELECT count(*) FROM (SELECT * FROM have EXCEPT SELECT * FROM want)) "
        " + (SELECT count(*) FROM (SELECT * FROM pw EXCEPT SELECT pair, doc, name, n FROM doc_pairs)) "
        " + (SELECT count(*) FROM (SELECT pair, doc, name, n FROM doc_pairs EXCEPT SELECT * FROM pw)) "
        " + (SELECT count(*) FROM (SELECT * FROM nw EXCEPT SELECT lvl, start, node, n, dn FROM node_sums)) "
        " + (SELECT count(*) FROM (SELECT lvl, start, node, n, dn FROM node_sums EXCEPT SELECT * FROM nw)) "
        " + (SELECT count(*) FROM sums WHERE n < 0 OR dn < 0 OR m < 0) + 1000 * (SELECT count(*) = 0 FROM sums)";
    sqlite3_stmt *q = NULL;
    int n = -1;
    if (sqlite3_prepare_v2(dy_store_sqlite(s), sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) n = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return n;
}

/* Each view of the store as JSON, one after the other: series of RUS,UKR (dedup day and none,
 * by day and month, both ways and one way), networks (dedup day and none, all time and June
 * 2024) and the RUS-UKR relation. */
static char *views(dy_store *s)
{
    dy_db *db = dy_store_db(s);
    dy_err e = {0};
    dy_buf b = {0};
    for (int k = 0; k < 8; k++) {
        dy_qopts q;
        dy_qopts_init(&q);
        memcpy(q.a, "RUS", 4);
        memcpy(q.b, "UKR", 4);
        q.by = k & 1 ? DY_BY_MONTH : DY_BY_DAY;
        q.dedup = k & 2 ? DY_DEDUP_NONE : DY_DEDUP_DAY;
        q.directed = (k & 4) != 0;
        dy_result *r = NULL;
        ck_assert_int_eq(dy_query_series(db, &q, &r, &e), 0);
        ck_assert_int_eq(dy_result_json(r, &b), 0);
        dy_result_destroy(&r);
    }
    /* all time, June 2024 and 2024 (one month's and one year's rows, read a page at a time);
     * whole, and a page of two edges and nodes after the first */
    static const char *const period[] = {NULL, "2024-06", "2024"};
    for (int k = 0; k < 12; k++) {
        dy_qopts q;
        dy_qopts_init(&q);
        q.dedup = k & 1 ? DY_DEDUP_NONE : DY_DEDUP_DAY;
        if (k & 2) {
            q.skip = 1;
            q.cap = 3;
        }
        if (period[k / 4]) ck_assert(!dy_query_date(period[k / 4], 0, &q.from, &e) && !dy_query_date(period[k / 4], 1, &q.to, &e));
        dy_result *n = NULL, *ed = NULL;
        ck_assert_int_eq(dy_query_network(db, &q, &n, &ed, &e), 0);
        ck_assert_int_eq(dy_network_json(n, ed, &b), 0);
        dy_result_destroy(&n);
        dy_result_destroy(&ed);
    }
    dy_qopts q;
    dy_qopts_init(&q);
    memcpy(q.a, "RUS", 4);
    memcpy(q.b, "UKR", 4);
    ck_assert_int_eq(dy_query_relation_json(db, &q, &b, NULL, &e), 0);
    return b.data;
}

static void exec_ok(dy_store *s, const char *sql) { ck_assert_int_eq(sqlite3_exec(dy_store_sqlite(s), sql, NULL, NULL, NULL), SQLITE_OK); }

/* The views from the summaries against the same from the events (meta 'sums' taken away). */
static void views_agree(dy_store *s)
{
    char *fast = views(s);
    exec_ok(s, "DELETE FROM meta WHERE key = 'sums'");
    char *slow = views(s);
    exec_ok(s, "INSERT INTO meta(key, value) VALUES('sums', 'ready')");
    ck_assert_str_eq(fast, slow);
    free(fast);
    free(slow);
}

/* sums and doc_pairs equal the GROUP BY over the events and mentions after each write: adds
 * (two documents sharing a one-a-day group), a --replace (the group's first event goes), a
 * recode, a delete; and the views read from them equal the views read from the events. */
START_TEST(store_1_4_summaries_exact)
{
    unit_db u;
    dy_err e = {0};
    unit_db_open(&u);
    ck_assert_int_eq(sums_wrong(u.s), 1000);    /* empty: nothing to check yet */
    ck_assert_int_eq(unit_store_add(u.s, u.c, "a.txt", "Date: 2024-06-19\n\nRussia attacked Ukraine. The Kremlin condemned Seoul.\n"), DY_ADD_NEW);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "b.txt", "Date: 2024-06-19\n\nRussia attacked Ukraine. Russia attacked Ukraine again.\n"), DY_ADD_NEW);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "c.txt", "Date: 2024-07-02\n\nUkraine condemned Russia. Russia attacked Ukraine.\n"), DY_ADD_NEW);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "d.txt", "Russia attacked Ukraine.\n"), DY_ADD_NEW);      /* undated */
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    ck_assert_int_eq(sums_wrong(u.s), 0);
    views_agree(u.s);
    /* a.txt again, changed: its events go (the first of a one-a-day group among them) */
    ck_assert_int_eq(dy_store_begin(u.s, &e), DY_OK);
    dy_doc d;
    char *scratch = NULL;
    const char *a2 = "Date: 2024-06-20\n\nUkraine condemned Russia.\n";
    ck_assert_int_eq(dy_doc_parse_text("a.txt", a2, strlen(a2), &d, &scratch, &e), 0);
    ck_assert_int_eq(dy_coder_code(u.c, &d, &e), 0);
    ck_assert_int_eq(dy_store_add(u.s, &d, u.c, NULL, 1, &e), DY_ADD_REPLACED);
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    ck_assert_int_eq(sums_wrong(u.s), 0);
    views_agree(u.s);
    /* a recode of c.txt with another text's coding, then a delete of b.txt */
    ck_assert_int_eq(dy_store_begin(u.s, &e), DY_OK);
    ck_assert_int_eq(dy_store_recode(u.s, 3, &d, u.c, NULL, &e), 0);
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    free(scratch);
    ck_assert_int_eq(sums_wrong(u.s), 0);
    exec_ok(u.s, "DELETE FROM documents WHERE name = 'b.txt'");
    ck_assert_int_eq(sums_wrong(u.s), 0);
    views_agree(u.s);
    /* a node to itself (its events count twice in sums_nodes), twice in one one-a-day group, and
     * an actor of unknown country; then taken off one by one */
#define COPY_EVENT(s, t, s3, t3) "INSERT INTO events(doc, sent, date, day, prec, source, target, src3, tgt3, code, root, quad, goldstein) " \
                                 "SELECT doc, sent, date, day, prec, '" s "', '" t "', '" s3 "', '" t3 "', code, root, quad, goldstein " \
                                 "FROM events WHERE day IS NOT NULL LIMIT 1"
    exec_ok(u.s, COPY_EVENT("RUSGOV", "RUSMIL", "RUS", "RUS") ";" COPY_EVENT("RUSGOV", "RUSMIL", "RUS", "RUS") ";" COPY_EVENT("---", "UKR", "---", "UKR"));
    ck_assert_int_eq(sums_wrong(u.s), 0);
    views_agree(u.s);
    for (int k = 0; k < 3; k++) {
        exec_ok(u.s, "DELETE FROM events WHERE id = (SELECT max(id) FROM events)");
        ck_assert_int_eq(sums_wrong(u.s), 0);
    }
    views_agree(u.s);
#undef COPY_EVENT
    unit_db_close(&u);
}
END_TEST

/* A network of many pairs from the summaries against the same from the events: 338 pairs of
 * made-up nodes ("AAA".."AZM" to "BAA".."BZM"), each with three one-a-day groups of two events, 6
 * and 12 days apart (days and goldstein from a formula): over 256 edges and nodes, so that the
 * tallies grow several times, pairs found in more than one piece of a period, ties in the
 * counts; whole and a page of the 3rd to 7th edges and nodes (the
 * busiest chosen before they are sorted), of all time (each pair's row read once), of a period
 * of days and months, and of one month (its pairs read a page at a time). */
START_TEST(store_1_6_network_many_pairs)
{
    unit_db u;
    dy_err e = {0};
    unit_db_open(&u);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "a.txt", "Date: 2024-06-19\n\nRussia attacked Ukraine.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    /* i / 2 makes each one-a-day group of two events, of two goldsteins and quads; j and j + 338
     * are of one pair, 6 days apart */
    exec_ok(u.s, "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 338 * 3 * 2 - 1), "
                 "n AS (SELECT i, i / 2 AS j FROM k) "
                 "INSERT INTO events(doc, sent, date, day, prec, source, target, src3, tgt3, code, root, quad, goldstein) "
                 "SELECT e.doc, e.sent, NULL, 19800 + (n.j * 13) % 200, e.prec, s || 'GOV', t, s, t, e.code, e.root, 1 + n.i % 4, "
                 "(n.i * 7 % 201) / 10.0 - 10.0 FROM (SELECT i, j, 'A' || char(65 + j % 26) || char(65 + (j / 26) % 13) AS s, "
                 "'B' || char(65 + (j * 7) % 26) || char(65 + j % 13) AS t FROM n) n JOIN (SELECT * FROM events LIMIT 1) e");
    ck_assert_int_eq(sums_wrong(u.s), 0);
    char *fast[12], *slow[12];
    for (int pass = 0; pass < 2; pass++) {
        if (pass) exec_ok(u.s, "DELETE FROM meta WHERE key = 'sums'");
        for (int k = 0; k < 12; k++) {
            dy_qopts q;
            dy_qopts_init(&q);
            q.dedup = k & 1 ? DY_DEDUP_NONE : DY_DEDUP_DAY;
            q.cap = k & 2 ? 7 : 0;
            q.skip = k & 2 ? 2 : 0;     /* a page: the 3rd to 7th */
            if (k & 4) ck_assert(!dy_query_date("2024-03-02", 0, &q.from, &e) && !dy_query_date("2024-05-20", 1, &q.to, &e));
            if (k & 8) ck_assert(!dy_query_date("2024-04", 0, &q.from, &e) && !dy_query_date("2024-06", 1, &q.to, &e));
            if ((k & 12) == 12) ck_assert(!dy_query_date("2024-05", 0, &q.from, &e) && !dy_query_date("2024-05", 1, &q.to, &e));
            dy_result *n = NULL, *ed = NULL;
            dy_buf b = {0};
            ck_assert_int_eq(dy_query_network(dy_store_db(u.s), &q, &n, &ed, &e), 0);
            ck_assert(k & 2 || dy_result_rows(ed) > 300 || k & 12);
            ck_assert_int_eq(dy_network_json(n, ed, &b), 0);
            dy_result_destroy(&n);
            dy_result_destroy(&ed);
            (pass ? slow : fast)[k] = b.data;
        }
    }
    for (int k = 0; k < 12; k++) {
        ck_assert_str_eq(fast[k], slow[k]);
        free(fast[k]);
        free(slow[k]);
    }
    unit_db_close(&u);
}
END_TEST

/* ... and after a store of schema 2 is opened for writing, and after a bulk load. */
START_TEST(store_1_5_summaries_filled)
{
    unit_db u;
    dy_err e = {0};
    unit_db_open(&u);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "a.txt", "Date: 2024-06-19\n\nRussia attacked Ukraine. The Kremlin condemned Seoul.\n"), DY_ADD_NEW);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "c.txt", "Date: 2024-07-02\n\nUkraine condemned Russia. Russia attacked Ukraine.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    /* schema 2: no summaries; the next write open makes them */
    exec_ok(u.s, "DROP TABLE sums; DROP TABLE doc_pairs; DELETE FROM meta WHERE key = 'sums'; UPDATE meta SET value = '2' WHERE key = 'schema'");
    dy_store_close(&u.s);
    ck_assert_int_eq(dy_store_open(u.path, DY_STORE_READ, &u.s, &e), DY_OK);
    char *old = views(u.s);         /* read from the events */
    dy_store_close(&u.s);
    ck_assert_int_eq(dy_store_open(u.path, DY_STORE_WRITE, &u.s, &e), DY_OK);
    ck_assert_int_eq(sums_wrong(u.s), 0);
    char *now = views(u.s);
    ck_assert_str_eq(old, now);
    free(old);
    free(now);
    /* schema 3: no node sums (node_sums, sums_nodes, sums_top, sums_rank), and the event triggers of then */
    exec_ok(u.s, "DROP VIEW sums_nodes; DROP TABLE node_sums; DROP INDEX sums_top; DROP INDEX sums_rank; DROP TRIGGER sums_event_in; "
                 "DROP TRIGGER sums_event_out; UPDATE meta SET value = '3' WHERE key = 'schema'");
    dy_store_close(&u.s);
    ck_assert_int_eq(dy_store_open(u.path, DY_STORE_WRITE, &u.s, &e), DY_OK);
    ck_assert_int_eq(sums_wrong(u.s), 0);
    views_agree(u.s);
    ck_assert_int_eq(dy_store_begin(u.s, &e), DY_OK);      /* the new triggers keep them */
    ck_assert_int_eq(unit_store_add(u.s, u.c, "d.txt", "Date: 2024-07-03\n\nRussia attacked Ukraine. Ukraine condemned Russia.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    ck_assert_int_eq(sums_wrong(u.s), 0);
    /* schema 4: a table sums_nodes of all time only (a row a node), no node_sums, no sums_rank;
     * its event triggers (of that table) dropped too, as the migration makes them again */
    exec_ok(u.s, "DROP VIEW sums_nodes; "
                 "CREATE TABLE sums_nodes(node TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0, dn INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID; "
                 "INSERT INTO sums_nodes SELECT node, n, dn FROM node_sums WHERE lvl = 3; DROP TABLE node_sums; DROP INDEX sums_rank; DROP TRIGGER sums_event_in; "
                 "DROP TRIGGER sums_event_out; UPDATE meta SET value = '4' WHERE key = 'schema'");
    dy_store_close(&u.s);
    ck_assert_int_eq(dy_store_open(u.path, DY_STORE_READ, &u.s, &e), DY_OK);
    old = views(u.s);               /* a reader of the older store: the periods' networks tallied */
    dy_store_close(&u.s);
    ck_assert_int_eq(dy_store_open(u.path, DY_STORE_WRITE, &u.s, &e), DY_OK);
    ck_assert_int_eq(sums_wrong(u.s), 0);
    now = views(u.s);
    ck_assert_str_eq(old, now);
    free(old);
    free(now);
    views_agree(u.s);
    ck_assert_int_eq(dy_store_begin(u.s, &e), DY_OK);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "e.txt", "Date: 2025-01-03\n\nRussia attacked Ukraine. Ukraine condemned Russia.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    ck_assert_int_eq(sums_wrong(u.s), 0);
    exec_ok(u.s, "DELETE FROM documents WHERE name = 'd.txt'");
    ck_assert_int_eq(sums_wrong(u.s), 0);
    views_agree(u.s);
    dy_store_close(&u.s);
    unit_remove_db(u.path);
    /* a bulk load: filled once at its end */
    ck_assert_int_eq(dy_store_open(u.path, DY_STORE_WRITE, &u.s, &e), DY_OK);
    ck_assert_int_eq(dy_store_bulk_begin(u.s, &e), 1);
    ck_assert_int_eq(dy_store_begin(u.s, &e), DY_OK);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "a.txt", "Date: 2024-06-19\n\nRussia attacked Ukraine. The Kremlin condemned Seoul.\n"), DY_ADD_NEW);
    ck_assert_int_eq(unit_store_add(u.s, u.c, "b.txt", "Date: 2024-06-19\n\nRussia attacked Ukraine. Russia attacked Ukraine again.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    ck_assert_int_eq(dy_store_bulk_end(u.s, NULL, NULL, &e), DY_OK);
    ck_assert_int_eq(sums_wrong(u.s), 0);
    views_agree(u.s);
    ck_assert_int_eq(dy_store_begin(u.s, &e), DY_OK);      /* and kept by the triggers after */
    ck_assert_int_eq(unit_store_add(u.s, u.c, "c.txt", "Date: 2024-07-02\n\nUkraine condemned Russia. Russia attacked Ukraine.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(u.s, &e), DY_OK);
    ck_assert_int_eq(sums_wrong(u.s), 0);
    views_agree(u.s);
    unit_db_close(&u);
}
END_TEST

/* dy_db_changed, its statement kept prepared: yes at first, no until another connection commits,
 * yes once after; asked many times in between, and the reader then closes cleanly. */
START_TEST(store_1_7_changed_per_connection)
{
    char path[64];
    dy_dict *dict;
    dy_coder *c;
    dy_store *s, *r;
    dy_err e = {0};
    unit_store_open(path, &dict, &c, &s);
    ck_assert_int_eq(dy_store_open(path, DY_STORE_READ, &r, &e), DY_OK);
    dy_db *db = dy_store_db(r);
    ck_assert_int_eq(dy_db_changed(db), 1);
    for (int i = 0; i < 100; i++) ck_assert_int_eq(dy_db_changed(db), 0);     /* s's transaction is open */
    ck_assert_int_eq(unit_store_add(s, c, "a.txt", "Date: 2024-06-19\n\nRussia attacked Ukraine.\n"), DY_ADD_NEW);
    ck_assert_int_eq(dy_store_commit(s, &e), DY_OK);
    ck_assert_int_eq(dy_db_changed(db), 1);
    ck_assert_int_eq(dy_db_changed(db), 0);
    dy_result *q = rus_ukr_by_day(r);       /* the reader still reads after its checks */
    ck_assert_int_eq(dy_result_rows(q), 1);
    dy_result_destroy(&q);
    dy_store_close(&r);
    dy_store_close(&s);
    dy_coder_destroy(&c);
    dy_dict_destroy(&dict);
    unit_remove_db(path);
}
END_TEST

Suite *store_suite(void)
{
    Suite *s = suite_create("store");
    TCase *a = tcase_create("query-1");
    tcase_add_test(a, query_1_1_dates_and_codes);
    suite_add_tcase(s, a);
    TCase *b = tcase_create("store-1");
    tcase_add_test(b, store_1_1_add_once_and_query);
    tcase_add_test(b, store_1_2_bulk_load);
    tcase_add_test(b, store_1_3_rows_outlive_the_coder);
    tcase_add_test(b, store_1_4_summaries_exact);
    tcase_add_test(b, store_1_5_summaries_filled);
    tcase_add_test(b, store_1_6_network_many_pairs);
    tcase_add_test(b, store_1_7_changed_per_connection);
    tcase_set_timeout(b, 30);       /* their opens and commits wait on a busy disk under ASan */
    suite_add_tcase(s, b);
    return s;
}
