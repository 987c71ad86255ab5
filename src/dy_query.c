/* dy_query.c - the store's questions and answers: SQL with bound parameters, results as tables.
 * The summaries, the series and the network are in dy_query_net.c. */
#include "dy_query_int.h"
#include "dy_dates.h"
#include "dy_out.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- options and their checks ---- */
void dy_qopts_init(dy_qopts *o)
{
    memset(o, 0, sizeof *o);
    o->from = INT32_MIN;
    o->to = INT32_MAX;
    o->by = DY_BY_MONTH;
    o->dedup = DY_DEDUP_DEFAULT;
}

int dy_query_date(const char *s, int end, int32_t *day, dy_err *err)
{
    size_t n = strlen(s);
    dy_date d = {0};
    int ok = 0;
    if (n == 10) ok = dy_date_parse_iso(s, n, &d);
    else if ((n == 7 || n == 4) && s[0] >= '0' && s[0] <= '9') {
        char buf[16];
        snprintf(buf, sizeof buf, n == 7 ? "%s-01" : "%s-01-01", s);
        ok = dy_date_parse_iso(buf, 10, &d);
        if (ok && end) {        /* the last day of the month or year */
            if (n == 4) { d.m = 12; d.d = 31; }
            else {
                dy_date next = d;
                if (++next.m == 13) { next.m = 1; next.y++; }
                *day = (int32_t)dy_date_days(next) - 1;
                return 0;
            }
        }
    }
    if (!ok) {
        dy_err_set(err, DY_EINPUT, "'%s' is not a date; give YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-06, 2024-06-18)", s);
        return -1;
    }
    *day = (int32_t)dy_date_days(d);
    return 0;
}

int dy_query_actor(const char *s, dy_err *err)
{
    size_t n = strlen(s);
    int ok = n >= 3 && n <= 15;
    for (size_t i = 0; i < n && ok; i++) ok = (s[i] >= 'A' && s[i] <= 'Z') || (i >= 3 && s[i] >= '0' && s[i] <= '9');
    if (!ok) {
        dy_err_set(err, DY_EINPUT, "'%s' is not an actor code; give three capital letters (a country such as RUS, PRK, KOR) or a longer code (RUSGOV, IGOUNO)", s);
        return -1;
    }
    return 0;
}

int dy_query_period(const char *s, int *by, dy_err *err)
{
    static const char *const n[] = {"day", "week", "month", "year"};
    for (int i = 0; i < 4; i++) if (!strcmp(s, n[i])) { *by = i; return 0; }
    dy_err_set(err, DY_EINPUT, "'%s' is not a period; give day, week, month or year", s);
    return -1;
}

int dy_qopts_set(dy_qopts *o, const char *name, const char *v, dy_err *err)
{
    if (!strcmp(name, "from")) return dy_query_date(v, 0, &o->from, err);
    if (!strcmp(name, "to")) return dy_query_date(v, 1, &o->to, err);
    if (!strcmp(name, "by")) return dy_query_period(v, &o->by, err);
    if (!strcmp(name, "directed")) {
        if (strcmp(v, "0") && strcmp(v, "1") && strcmp(v, "")) { dy_err_set(err, DY_EINPUT, "directed takes 1 or 0"); return -1; }
        o->directed = strcmp(v, "0") != 0;
        return 0;
    }
    if (!strcmp(name, "as-of") || !strcmp(name, "as_of")) {
        int32_t day;
        if (dy_query_date(v, 1, &day, err)) return -1;
        dy_date d = dy_date_from_days(day);
        dy_date_format(d, o->as_of);
        return 0;
    }
    if (!strcmp(name, "if-attacked") || !strcmp(name, "if_attacked")) {
        if (dy_query_actor(v, err)) return -1;
        if (strlen(v) != 3) { dy_err_set(err, DY_EINPUT, "if-attacked takes a country code of three letters, such as PRK"); return -1; }
        snprintf(o->attacked, sizeof o->attacked, "%s", v);
        return 0;
    }
    if (!strcmp(name, "dedup")) {
        static const char *const n[] = {"none", "day", "story"};
        for (int i = 0; i < 3; i++) if (!strcmp(v, n[i])) { o->dedup = i; return 0; }
        dy_err_set(err, DY_EINPUT, "dedup takes none, day (one event per source, target, code and day) or story");
        return -1;
    }
    if (!strcmp(name, "actor")) {
        if (dy_query_actor(v, err)) return -1;
        snprintf(o->actor, sizeof o->actor, "%s", v);
        return 0;
    }
    if (!strcmp(name, "limit")) {
        char *end;
        long n = strtol(v, &end, 10);
        if (!*v || *end || n < 1 || n > 100000000) { dy_err_set(err, DY_EINPUT, "limit takes a number of rows, such as 100"); return -1; }
        o->limit = (int)n;
        return 0;
    }
    if (!strcmp(name, "offset")) {
        char *end;
        long long n = strtoll(v, &end, 10);
        if (!*v || *end || n < 0 || n > 1000000000000LL) { dy_err_set(err, DY_EINPUT, "offset takes a number of rows to skip, such as 500"); return -1; }
        o->offset = n;
        return 0;
    }
    if (!strcmp(name, "dyad")) {
        const char *comma = strchr(v, ',');
        if (!comma || comma - v != 3 || strlen(comma + 1) != 3) {
            dy_err_set(err, DY_EINPUT, "dyad takes two country codes of three letters with a comma, such as RUS,PRK");
            return -1;
        }
        char x[4], y[4];
        memcpy(x, v, 3);
        x[3] = 0;
        memcpy(y, comma + 1, 4);
        if (dy_query_actor(x, err) || dy_query_actor(y, err)) return -1;
        memcpy(o->a, x, 4);
        memcpy(o->b, y, 4);
        return 0;
    }
    return 1;
}

/* ---- results ---- */

void dy_result_keep(dy_result *r, size_t n)
{
    for (; r->nrow > n; r->nrow--)
        for (size_t c = 0; c < r->ncol && !r->pool; c++) free(r->cells[(r->nrow - 1) * r->ncol + c].s);
}

void dy_result_destroy(dy_result **rp)
{
    if (!rp || !*rp) return;
    dy_result *r = *rp;
    for (size_t i = 0; i < r->nrow * r->ncol && !r->pool; i++) free(r->cells[i].s);
    free(r->pool);
    for (size_t c = 0; c < r->ncol; c++) free(r->cols[c]);
    free(r->cols);
    free(r->cells);
    free(r);
    *rp = NULL;
}

size_t dy_result_rows(const dy_result *r) { return r->nrow; }
size_t dy_result_cols(const dy_result *r) { return r->ncol; }
const char *dy_result_col(const dy_result *r, size_t c) { return r->cols[c]; }
const char *dy_result_cell(const dy_result *r, size_t row, size_t c) { return r->cells[row * r->ncol + c].s; }
double dy_result_num(const dy_result *r, size_t row, size_t c) { return r->cells[row * r->ncol + c].num; }

dy_status dyq_dberr(dy_db *db, dy_err *err) { dy_err_set(err, DY_EIO, "database: %s", dy_db_errmsg(db)); return DY_EIO; }

/* Runs a prepared statement to the end and keeps every row. Finalises q. */
int dyq_collect(dy_db *db, dy_stmt *q, dy_result **out, dy_err *err)
{
    dy_result *r = calloc(1, sizeof *r);
    if (!r) { dy_stmt_finalize(&q); return dy_err_set(err, DY_ENOMEM, "out of memory"), -1; }
    r->ncol = (size_t)dy_stmt_cols(q);
    r->cols = calloc(r->ncol ? r->ncol : 1, sizeof *r->cols);
    for (size_t c = 0; r->cols && c < r->ncol; c++) r->cols[c] = strdup(dy_stmt_name(q, (int)c));
    int rc;
    while ((rc = dy_stmt_step(q)) == 1) {
        if (r->nrow == r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 64;
            cell *v = realloc(r->cells, cap * r->ncol * sizeof *v + 1);
            if (!v) { rc = -2; break; }
            r->cells = v;
            r->cap = cap;
        }
        for (size_t c = 0; c < r->ncol; c++) {
            cell *x = &r->cells[r->nrow * r->ncol + c];
            x->type = (uint8_t)dy_stmt_type(q, (int)c);
            x->exact = 0;
            x->num = dy_stmt_col_double(q, (int)c);
            const char *t = dy_stmt_col_text(q, (int)c);
            x->s = t ? strdup((const char *)t) : NULL;
        }
        r->nrow++;
    }
    if (rc != 0) {
        if (rc == -2) dy_err_set(err, DY_ENOMEM, "out of memory"); else dyq_dberr(db, err);
        dy_stmt_finalize(&q);
        dy_result_destroy(&r);
        return -1;
    }
    dy_stmt_finalize(&q);
    *out = r;
    return 0;
}

int dy_result_json(const dy_result *r, dy_buf *b)
{
    size_t rows;
    return dy_result_json_upto(r, b, SIZE_MAX, &rows);
}

/* Text as a JSON string: a short one of plain bytes (no white space or control byte, no '"',
 * '\\' or DEL: a code, a name of one word, a date) copied as it is, which is what
 * dy_json_string would write; else dy_json_string. */
static int json_text(dy_buf *b, const char *s)
{
    size_t n = 0;
    for (; n < 32 && s[n]; n++) {
        unsigned char c = (unsigned char)s[n];
        if (c <= ' ' || c == '"' || c == '\\' || c == 0x7f) return dy_json_string(b, s, strlen(s));
    }
    if (s[n]) return dy_json_string(b, s, strlen(s));
    if (dy_buf_reserve(b, n + 2)) return -1;
    char *o = b->data + b->len;
    *o++ = '"';
    memcpy(o, s, n);
    o[n] = '"';
    b->len += n + 2;
    b->data[b->len] = 0;
    return 0;
}


/* One cell as a JSON value. */
static int json_cell(dy_buf *b, const cell *x)
{
    char num[32];
    if (x->type == DY_COL_NULL || !x->s) return dy_buf_adds(b, "null");
    if (x->type == DY_COL_INT) return dy_buf_adds(b, x->s);        /* SQLite's own digits */
    if (x->type != DY_COL_FLOAT) return json_text(b, x->s);
    if (x->num == (double)(long long)x->num && fabs(x->num) < 1e15) return dy_buf_add(b, num, (size_t)(dy_itoa(num, (long long)x->num, 0) - num));
    if (x->exact) return dy_buf_adds(b, x->s);
    /* a number of tenths (a Goldstein sum): "%.15g" prints it as fixed_text does (15 digits hold
     * it whole, and the double nearest k / 10 is printed as k / 10); printf was a tenth of a
     * series */
    long long k = llround(x->num * 10);
    if (fabs(x->num) < 1e12 && (double)k / 10 == x->num) {
        dyq_fixed_text(num, k, 1);
        return dy_buf_adds(b, num);
    }
    return dy_buf_printf(b, "%.15g", x->num);
}

int dy_result_json_upto(const dy_result *r, dy_buf *b, size_t max_bytes, size_t *rows)
{
    dy_buf keys = {0};      /* each column's "name": once, at offsets at[c] */
    size_t *at = malloc((r->ncol + 1) * sizeof *at);
    int e = !at;
    for (size_t c = 0; !e && c < r->ncol; c++) {
        at[c] = keys.len;
        e |= dy_json_string(&keys, r->cols[c], strlen(r->cols[c])) | dy_buf_addc(&keys, ':');
    }
    if (at) at[r->ncol] = keys.len;
    e |= dy_buf_addc(b, '[');
    size_t i = 0;
    for (; !e && i < r->nrow; i++) {
        size_t mark = b->len;
        e |= dy_buf_adds(b, i ? ",{" : "{");
        for (size_t c = 0; c < r->ncol; c++)
            e |= (c ? dy_buf_addc(b, ',') : 0) | dy_buf_add(b, keys.data + at[c], at[c + 1] - at[c]) |
                 json_cell(b, &r->cells[i * r->ncol + c]);
        e |= dy_buf_addc(b, '}');
        if (i && b->len + 2 > max_bytes) {  /* this row does not fit: the page ends before it (a
                                             * first row always goes: a page moves the reader on) */
            b->len = mark;
            b->data[mark] = 0;
            break;
        }
    }
    *rows = i;
    free(at);
    dy_buf_free(&keys);
    return e | dy_buf_adds(b, "]\n");
}

/* Display width of UTF-8 text: code points, not bytes (good enough for Latin and Hangul alike). */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) if (((unsigned char)*s & 0xC0) != 0x80) w++;
    return w;
}

int dy_result_table(const dy_result *r, dy_buf *b)
{
    size_t *w = calloc(r->ncol ? r->ncol : 1, sizeof *w);
    if (!w) return -1;
    for (size_t c = 0; c < r->ncol; c++) w[c] = width(r->cols[c]);
    for (size_t i = 0; i < r->nrow; i++)
        for (size_t c = 0; c < r->ncol; c++) {
            const char *s = r->cells[i * r->ncol + c].s;
            size_t l = s ? width(s) : 0;
            if (l > 60) l = 60;
            if (l > w[c]) w[c] = l;
        }
    int e = 0;
    for (size_t i = 0; i <= r->nrow; i++) {
        for (size_t c = 0; c < r->ncol; c++) {
            const cell *x = i ? &r->cells[(i - 1) * r->ncol + c] : NULL;
            const char *s = !i ? r->cols[c] : x->s ? x->s : "";
            int num = x && (x->type == DY_COL_INT || x->type == DY_COL_FLOAT);
            size_t l = width(s), show = l > 60 && c + 1 < r->ncol ? 60 : l;
            if (num) for (size_t k = show; k < w[c]; k++) e |= dy_buf_addc(b, ' ');
            if (show < l) {
                size_t bytes = 0, cps = 0;
                while (s[bytes] && cps < show - 1) { bytes++; while (((unsigned char)s[bytes] & 0xC0) == 0x80) bytes++; cps++; }
                e |= dy_buf_add(b, s, bytes) | dy_buf_adds(b, "…");
            } else e |= dy_buf_adds(b, s);
            if (c + 1 < r->ncol) {
                if (!num) for (size_t k = show; k < w[c]; k++) e |= dy_buf_addc(b, ' ');
                e |= dy_buf_adds(b, "  ");
            }
        }
        e |= dy_buf_addc(b, '\n');
    }
    free(w);
    return e ? -1 : 0;
}

static int query_add_field(dy_buf *b, const char *s, char sep)
{
    if (!s) return 0;
    if (sep == '\t') {
        int e = 0;
        for (; *s; s++) e |= dy_buf_addc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
        return e;
    }
    if (!strpbrk(s, ",\"\n\r")) return dy_buf_adds(b, s);
    int e = dy_buf_addc(b, '"');
    for (; *s; s++) e |= *s == '"' ? dy_buf_adds(b, "\"\"") : dy_buf_addc(b, *s);
    return e | dy_buf_addc(b, '"');
}

int dy_result_sep(const dy_result *r, dy_buf *b, char sep)
{
    int e = 0;
    for (size_t i = 0; i <= r->nrow; i++) {
        for (size_t c = 0; c < r->ncol; c++) {
            if (c) e |= dy_buf_addc(b, sep);
            e |= query_add_field(b, i ? r->cells[(i - 1) * r->ncol + c].s : r->cols[c], sep);
        }
        e |= dy_buf_addc(b, '\n');
    }
    return e ? -1 : 0;
}

/* ---- queries ---- */
int dyq_prepare(dy_db *db, const char *sql, dy_stmt **q, dy_err *err)
{
    if (dy_stmt_prepare(db, sql, q) == 0) return 0;
    /* a store of an older schema, opened read-only: its relations come with a write open */
    if (strstr(dy_db_errmsg(db), "no such table: t") || strstr(dy_db_errmsg(db), "no such column"))
        dy_err_set(err, DY_EINPUT, "this database is older than this dyad (%s); bring it up to date with 'dyad recode --db FILE'",
                   dy_db_errmsg(db));
    else dyq_dberr(db, err);
    return -1;
}

/* A LIMIT; -1 is all rows: SQLite's LIMIT -1, PostgreSQL's LIMIT NULL. */
void dyq_bind_limit(dy_stmt *q, int i, int n)
{
    if (n < 0 && dy_stmt_db_kind(q) == DY_DB_PG) dy_stmt_null(q, i);
    else dy_stmt_int(q, i, n);
}

/* Binds the common parameters by name: :a :b :undirected :from :to :actor :actor3 :limit :rows
 * :offset :cap :pair. */
void dyq_bind_opts(dy_stmt *q, const dy_qopts *o)
{
    int i;
    if ((i = dy_stmt_param(q, ":a"))) dy_stmt_str(q, i, o->a);
    if ((i = dy_stmt_param(q, ":b"))) dy_stmt_str(q, i, o->b);
    if ((i = dy_stmt_param(q, ":undirected"))) dy_stmt_int(q, i, !o->directed);
    if ((i = dy_stmt_param(q, ":from"))) dy_stmt_int(q, i, o->from);
    if ((i = dy_stmt_param(q, ":to"))) dy_stmt_int(q, i, o->to);
    if ((i = dy_stmt_param(q, ":actor"))) dy_stmt_str(q, i, o->actor);
    if ((i = dy_stmt_param(q, ":actor3"))) dy_stmt_text(q, i, o->actor, 3);
    if ((i = dy_stmt_param(q, ":as_of"))) dy_stmt_str(q, i, o->as_of[0] ? o->as_of : "9999");
    if ((i = dy_stmt_param(q, ":attacked"))) dy_stmt_str(q, i, o->attacked);
    if ((i = dy_stmt_param(q, ":limit"))) dy_stmt_int(q, i, o->limit > 0 ? o->limit : 1000);
    if ((i = dy_stmt_param(q, ":rows"))) dyq_bind_limit(q, i, o->limit > 0 ? o->limit : -1);
    if ((i = dy_stmt_param(q, ":offset"))) dy_stmt_int(q, i, o->offset);
    if ((i = dy_stmt_param(q, ":cap"))) dyq_bind_limit(q, i, o->cap > 0 ? o->cap : -1);
    if ((i = dy_stmt_param(q, ":sources"))) dyq_bind_limit(q, i, o->sources > 0 ? o->sources + 1 : o->cap > 0 ? o->cap : -1);
    if ((i = dy_stmt_param(q, ":pair"))) {
        char pair[40];
        int ab = strcmp(o->a, o->b) < 0;
        snprintf(pair, sizeof pair, "%.3s,%.3s", ab ? o->a : o->b, ab ? o->b : o->a);
        dy_stmt_str(q, i, pair);
    }
}

/* Prepares sql, binds the options and keeps every row: the shape of most queries. */
int dyq_select_all(dy_db *db, const char *sql, const dy_qopts *o, dy_result **out, dy_err *err)
{
    dy_stmt *q;
    if (dyq_prepare(db, sql, &q, err)) return -1;
    dyq_bind_opts(q, o);
    return dyq_collect(db, q, out, err);
}


static dy_text col_text(dy_stmt *q, int c)
{
    dy_text t = {dy_stmt_col_text(q, c), 0};
    if (t.s) t.n = (size_t)dy_stmt_col_bytes(q, c);
    return t;
}

const char *dyq_col_str(dy_stmt *q, int c)
{
    const char *v = dy_stmt_col_text(q, c);
    return v ? v : "";
}

/* Which events: a dyad (both ways unless directed), or an actor, or all; always in the period. */
const char *dyq_event_filter(const dy_qopts *o)
{
    if (o->a[0]) return "((e.src3 = :a AND e.tgt3 = :b) OR (:undirected = 1 AND e.src3 = :b AND e.tgt3 = :a))";
    if (o->actor[0] && strlen(o->actor) == 3) return "(e.src3 = :actor3 OR e.tgt3 = :actor3)";
    if (o->actor[0]) return "(e.source = :actor OR e.target = :actor)";
    return "1 = 1";
}


/* The events the options select, after --dedup, as a subquery to read "FROM (...) e": the events
 * table's columns of the first event of each group, and mentions (events merged) and sources
 * (their documents). SQLite gives a group's bare columns the row of min(), which its planner runs
 * from the dyad's index; PostgreSQL has no bare columns, so there the first event's row is joined
 * back by its id (the same rows: SQLite's planner would scan every event for that form). */
void dyq_events_from(dy_db *db, char *sql, size_t size, const dy_qopts *o, int dedup, int undated)
{
    const char *period = undated ? IN_PERIOD_OR_UNDATED : IN_PERIOD;
    const char *key = dedup == DY_DEDUP_DAY ? "coalesce(CAST(e.day AS TEXT), 'u' || e.doc)" : "lower(" SENT_TEXT ")";
    const char *join = dedup == DY_DEDUP_DAY ? "" : "JOIN documents d ON d.id = e.doc JOIN sentences s ON s.doc = e.doc AND s.no = e.sent ";
    if (dedup == DY_DEDUP_NONE)
        snprintf(sql, size, "(SELECT e.*, 1 AS mentions, 1 AS sources FROM events e WHERE %s AND %s)", dyq_event_filter(o), period);
    else if (dy_db_kind(db) == DY_DB_SQLITE)
        snprintf(sql, size,
                 "(SELECT e.*, min(e.id) AS first, count(*) AS mentions, count(DISTINCT e.doc) AS sources FROM events e %s"
                 "WHERE %s AND %s GROUP BY e.source, e.target, e.code, %s)",
                 join, dyq_event_filter(o), period, key);
    else
        snprintf(sql, size,
                 "(SELECT f.*, g.first, g.mentions, g.sources FROM events f JOIN "
                 "(SELECT min(e.id) AS first, count(*) AS mentions, count(DISTINCT e.doc) AS sources FROM events e %s"
                 "WHERE %s AND %s GROUP BY e.source, e.target, e.code, %s) g ON f.id = g.first)",
                 join, dyq_event_filter(o), period, key);
}

int dyq_dedup_of(const dy_qopts *o, int def) { return o->dedup == DY_DEDUP_DEFAULT ? def : o->dedup; }

int dy_query_timeline(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err)
{
    char sql[2048];
    snprintf(sql, sizeof sql,
             "SELECT date, kind, source, target, what, doc, sent, text FROM ("
             " SELECT e.day AS day, e.id AS n, e.date, 'event' AS kind, e.source, e.target, e.code AS what, d.name AS doc, e.sent, " SENT_TEXT " AS text"
             " FROM events e JOIN documents d ON d.id = e.doc JOIN sentences s ON s.doc = e.doc AND s.no = e.sent"
             " WHERE %s AND e.day BETWEEN :from AND :to"
             " UNION ALL"
             " SELECT coalesce(d.pubday, 0), 1e12 + f.id, coalesce(f.date, f.year), f.kind, f.actors, NULL, coalesce(f.label, f.value), d.name, f.sent, " SENT_TEXT
             " FROM facts f JOIN documents d ON d.id = f.doc JOIN sentences s ON s.doc = f.doc AND s.no = f.sent"
             " WHERE f.kind IN ('treaty', 'milestone', 'partnership', 'sanction', 'veto') AND instr(f.actors, :actor3) > 0"
             "  AND coalesce(d.pubday, 0) BETWEEN :from AND :to"
             ") t ORDER BY day, n LIMIT :limit OFFSET :offset",
             dyq_event_filter(o));
    return dyq_select_all(db, sql, o, out, err);
}

int dy_query_actors(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err)
{
    /* names in byte order (from an ordered subquery; PostgreSQL's DISTINCT sorts them so too) */
    return dyq_select_all(db,
                      "WITH m AS (SELECT code, sum(n) AS n, count(DISTINCT doc) AS docs, group_concat(DISTINCT text) AS names "
                      "FROM (SELECT code, n, doc, text FROM mentions ORDER BY code, text) x GROUP BY code), "
                      "s AS (SELECT source AS code, count(*) AS n FROM events GROUP BY source), "
                      "t AS (SELECT target AS code, count(*) AS n FROM events GROUP BY target) "
                      "SELECT m.code, m.n AS mentions, m.docs, coalesce(s.n, 0) AS as_source, coalesce(t.n, 0) AS as_target, "
                      "substr(replace(m.names, ',', ' | '), 1, 200) AS names FROM m LEFT JOIN s USING (code) LEFT JOIN t USING (code) "
                      "ORDER BY m.n DESC, m.code LIMIT :limit OFFSET :offset",
                      o, out, err);
}

const char *const dy_rel_names[DY_REL_N] = {"tier", "treaties", "stages", "evidence", "trade", "events", "sources"};

/* the treaties whose parties hold both a and b */
#define REL_TREATIES "SELECT id FROM treaties WHERE instr(',' || parties || ',', ',' || :a || ',') > 0 AND instr(',' || parties || ',', ',' || :b || ',') > 0"
#define STAGE_ORDER(v) "CASE " v " WHEN 'proposed' THEN 1 WHEN 'signed' THEN 2 WHEN 'ratified' THEN 3 WHEN 'in_force' THEN 4 WHEN 'suspended' THEN 5 ELSE 6 END"
#define DAY_OF(x) "CASE WHEN length(" x ") = 10 THEN " x " END"

int dy_query_relation(dy_db *db, const dy_qopts *o, dy_result *out[DY_REL_N], dy_err *err)
{
    static const char *const sql[DY_REL_N] = {
        /* the tier the latest source names first: it is the tier now; then the history */
        "SELECT t.tier, t.rank, t.since, t.latest, t.claims, CASE WHEN t.current = 1 THEN 'now' ELSE '' END AS now FROM tiers t "
        "WHERE t.parties = :pair ORDER BY t.current DESC, t.since IS NULL, t.since, t.tier LIMIT :cap",
        "SELECT t.id AS treaty, t.name, t.parties, t.status, t.signed, t.in_force, t.ended, t.clauses, "
        "(SELECT group_concat(v, '; ') FROM (SELECT DISTINCT c.value AS v FROM treaty_claims c WHERE c.treaty = t.id AND c.what = 'alias' "
        "  AND c.value <> t.name ORDER BY v) x) AS aliases "
        "FROM treaties t WHERE t.id IN (" REL_TREATIES ") ORDER BY t.signed IS NULL, t.signed, t.id LIMIT :cap",
        "SELECT c.treaty, c.value AS stage, c.party, c.date, d.name AS doc, f.sent, "
        "CASE WHEN min(" DAY_OF("c.date") ") OVER w <> max(" DAY_OF("c.date") ") OVER w THEN 'conflict' ELSE '' END AS conflict "
        "FROM treaty_claims c JOIN facts f ON f.id = c.fact JOIN documents d ON d.id = f.doc "
        "WHERE c.what = 'stage' AND c.treaty IN (" REL_TREATIES ") "
        "WINDOW w AS (PARTITION BY c.treaty, c.value, coalesce(c.party, '')) "
        "ORDER BY c.treaty, " STAGE_ORDER("c.value") ", coalesce(c.party, ''), c.date IS NULL, c.date, d.name, f.sent LIMIT :cap",
        "SELECT c.treaty, c.what, c.value, d.name AS doc, f.sent FROM treaty_claims c JOIN facts f ON f.id = c.fact "
        "JOIN documents d ON d.id = f.doc WHERE c.what IN ('alias', 'clause') AND c.treaty IN (" REL_TREATIES ") "
        "ORDER BY c.treaty, c.what, c.value, d.name, f.sent LIMIT :cap",
        /* every source's figure; they conflict when they differ by more than 5 % */
        "SELECT f.year, f.kind, f.actors, f.value, f.label AS currency, d.name AS doc, f.sent, "
        "CASE WHEN max(f.value) OVER w > 1.05 * min(f.value) OVER w THEN 'conflict' ELSE '' END AS conflict "
        "FROM facts f JOIN documents d ON d.id = f.doc "
        "WHERE (f.kind = 'trade' AND f.actors = :pair) OR (f.kind = 'trade_share' AND instr(f.actors, :a) > 0 AND instr(f.actors, :b) > 0) "
        "WINDOW w AS (PARTITION BY f.kind, f.actors, f.year, coalesce(f.label, '')) ORDER BY f.year, f.kind, f.id LIMIT :cap",
        /* the latest ten of each way (from the dyad index's end), then of both */
        "SELECT e.date, e.source, e.target, e.code, e.goldstein, d.name AS doc, e.sent FROM ("
        " SELECT * FROM (SELECT id, day FROM events WHERE src3 = :a AND tgt3 = :b ORDER BY day DESC, id DESC LIMIT 10) x"
        " UNION ALL SELECT * FROM (SELECT id, day FROM events WHERE src3 = :b AND tgt3 = :a AND :a <> :b ORDER BY day DESC, id DESC LIMIT 10) y"
        ") l JOIN events e ON e.id = l.id JOIN documents d ON d.id = e.doc ORDER BY l.day DESC, l.id DESC LIMIT 10",
        "SELECT d.name AS doc, d.pub, d.source, count(*) AS events FROM events e JOIN documents d ON d.id = e.doc "
        "WHERE ((e.src3 = :a AND e.tgt3 = :b) OR (e.src3 = :b AND e.tgt3 = :a)) GROUP BY d.id ORDER BY events DESC, d.name LIMIT :sources OFFSET :offset",
    };
    /* the busiest documents of the pair, from its summary when the store keeps it */
    static const char sources_sums[] =
        "SELECT d.name AS doc, d.pub, d.source, p.n AS events FROM doc_pairs p JOIN documents d ON d.id = p.doc "
        "WHERE p.pair = :pair ORDER BY p.n DESC, p.name, p.doc LIMIT :sources OFFSET :offset";
    /* ... and its latest events from the dyad index, each way: the target's index, which the
     * planner takes for its order, reads every event of the target for a rare source */
    static const char events_sums[] =
        "SELECT e.date, e.source, e.target, e.code, e.goldstein, d.name AS doc, e.sent FROM ("
        " SELECT * FROM (SELECT id, day FROM events INDEXED BY events_dyad WHERE src3 = :a AND tgt3 = :b ORDER BY day DESC, id DESC LIMIT 10) x"
        " UNION ALL SELECT * FROM (SELECT id, day FROM events INDEXED BY events_dyad WHERE src3 = :b AND tgt3 = :a AND :a <> :b "
        "ORDER BY day DESC, id DESC LIMIT 10) y"
        ") l JOIN events e ON e.id = l.id JOIN documents d ON d.id = e.doc ORDER BY l.day DESC, l.id DESC LIMIT 10";
    int sums = dyq_has_sums(db);
    for (int k = 0; k < DY_REL_N; k++) out[k] = NULL;
    for (int k = 0; k < DY_REL_N; k++) {
        const char *q = !sums ? sql[k] : k == DY_REL_SOURCES ? sources_sums : k == DY_REL_EVENTS ? events_sums : sql[k];
        if (dyq_select_all(db, q, o, &out[k], err)) {
            for (int j = 0; j < k; j++) dy_result_destroy(&out[j]);
            return -1;
        }
    }
    return 0;
}

/* the sentence of fact f, its document d and sentence s */
#define FACT_SOURCE "JOIN facts f ON f.id = c.fact JOIN documents d ON d.id = f.doc JOIN sentences s ON s.doc = f.doc AND s.no = f.sent"

/* value is text in every part (PostgreSQL's UNION wants one type; the CSV is the same) */
int dy_query_relation_table(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err)
{
    return dyq_select_all(db,
                      "SELECT kind, id, name, attribute, value, party, date, doc, sent, text FROM ("
                      " SELECT 1 AS k, 'tier' AS kind, t.id, t.tier AS name, 'rank' AS attribute, CAST(t.rank AS TEXT) AS value, NULL AS party,"
                      "  c.date, d.name AS doc, f.sent, " SENT_TEXT " AS text FROM tiers t JOIN tier_claims c ON c.tier = t.id " FACT_SOURCE
                      "  WHERE t.parties = :pair"
                      " UNION ALL"
                      " SELECT 2, 'treaty', t.id, t.name, c.what, c.value, c.party, c.date, d.name, f.sent, " SENT_TEXT
                      "  FROM treaty_claims c JOIN treaties t ON t.id = c.treaty " FACT_SOURCE " WHERE c.treaty IN (" REL_TREATIES ")"
                      " UNION ALL"
                      " SELECT 3, f.kind, f.id, f.actors, CASE f.kind WHEN 'trade' THEN coalesce(f.label, 'USD') ELSE 'percent' END,"
                      "  CAST(f.value AS TEXT), NULL, coalesce(f.date, f.year), d.name, f.sent, " SENT_TEXT
                      "  FROM facts f JOIN documents d ON d.id = f.doc JOIN sentences s ON s.doc = f.doc AND s.no = f.sent"
                      "  WHERE (f.kind = 'trade' AND f.actors = :pair) OR (f.kind = 'trade_share' AND instr(f.actors, :a) > 0 AND instr(f.actors, :b) > 0)"
                      ") r ORDER BY k, id, attribute, " STAGE_ORDER("value") ", date IS NULL, date, doc, sent LIMIT :cap",
                      o, out, err);
}

/* the parties of a treaty, one row each */
#define PARTIES_OF(t) "json_each('[\"' || replace(" t ".parties, ',', '\",\"') || '\"]')"

int dy_query_obligations(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err)
{
    return dyq_select_all(db,
                      "SELECT p.value AS obliged, r.value AS assists, t.id AS treaty, t.name, c.value AS clause, t.in_force, "
                      "d.name AS doc, f.sent, " SENT_TEXT " AS text "
                      "FROM treaties t JOIN " PARTIES_OF("t") " p ON 1 = 1 JOIN " PARTIES_OF("t") " r ON 1 = 1 "
                      "JOIN treaty_claims c ON c.treaty = t.id AND c.what = 'clause' AND c.value = 'mutual_assistance' "
                      "JOIN facts f ON f.id = c.fact JOIN documents d ON d.id = f.doc JOIN sentences s ON s.doc = f.doc AND s.no = f.sent "
                      "WHERE p.value <> r.value AND (:attacked = '' OR r.value = :attacked) "
                      "AND t.in_force IS NOT NULL AND t.in_force <= :as_of "
                      "AND NOT EXISTS (SELECT 1 FROM treaty_claims x WHERE x.treaty = t.id AND x.what = 'stage' "
                      "  AND x.value IN ('suspended', 'ended') AND x.date IS NOT NULL AND x.date <= :as_of) "
                      "ORDER BY p.value, r.value, t.id, d.name, f.sent LIMIT :rows OFFSET :offset",
                      o, out, err);
}

int dy_query_relation_json(dy_db *db, const dy_qopts *o, dy_buf *b, long long *next, dy_err *err)
{
    dy_result *rel[DY_REL_N];
    if (next) *next = -1;
    if (dy_query_relation(db, o, rel, err)) return -1;
    if (o->sources > 0 && dy_result_rows(rel[DY_REL_SOURCES]) > (size_t)o->sources) {
        dy_result_keep(rel[DY_REL_SOURCES], (size_t)o->sources);
        if (next) *next = o->offset + o->sources;
    }
    int e = dy_buf_printf(b, "{\"a\":\"%s\",\"b\":\"%s\"", o->a, o->b);
    for (int k = 0; k < DY_REL_N; k++) {
        e |= dy_buf_printf(b, ",\"%s\":", dy_rel_names[k]);
        e |= dy_result_json(rel[k], b);
        if (b->len && b->data[b->len - 1] == '\n') b->data[--b->len] = 0;
        dy_result_destroy(&rel[k]);
    }
    e |= dy_buf_adds(b, "}\n");
    if (e) dy_err_set(err, DY_ENOMEM, "out of memory");
    return e ? -1 : 0;
}

int dy_query_doc_json(dy_db *db, int64_t id, dy_buf *b, dy_err *err)
{
    dy_stmt *q;
    if (dyq_prepare(db, "SELECT id, name, pub, source, title, url, text FROM documents WHERE id = ?1", &q, err)) return -1;
    dy_stmt_int(q, 1, id);
    int rc = dy_stmt_step(q);
    if (rc != 1) {
        dy_stmt_finalize(&q);
        if (rc == 0) return 1;
        dyq_dberr(db, err);
        return -1;
    }
    static const char *const k[] = {"id", "name", "pub", "source", "title", "url", "text"};
    int e = dy_buf_addc(b, '{');
    for (int c = 0; c < 7; c++) {
        const char *v = dy_stmt_col_text(q, c);
        e |= dy_buf_printf(b, "%s\"%s\":", c ? "," : "", k[c]);
        if (c == 0) e |= dy_buf_printf(b, "%lld", (long long)dy_stmt_col_int(q, 0));
        else if (v) e |= dy_json_exact(b, v, (size_t)dy_stmt_col_bytes(q, c));   /* offsets index these bytes */
        else e |= dy_buf_adds(b, "null");
    }
    dy_stmt_finalize(&q);
    if (dyq_prepare(db,
                "SELECT e.id, e.sent, s.start, s.end, e.date, e.source, e.target, e.code, e.goldstein, e.src_start, e.src_end, "
                "e.tgt_start, e.tgt_end, e.verb_start, e.verb_end FROM events e JOIN sentences s ON s.doc = e.doc AND s.no = e.sent "
                "WHERE e.doc = ?1 ORDER BY e.id",
                &q, err))
        return -1;
    dy_stmt_int(q, 1, id);
    dy_result *r = NULL;
    if (dyq_collect(db, q, &r, err)) return -1;
    e |= dy_buf_adds(b, ",\"events\":") | dy_result_json(r, b);
    if (b->len && b->data[b->len - 1] == '\n') b->data[--b->len] = 0;
    e |= dy_buf_adds(b, "}\n");
    dy_result_destroy(&r);
    if (e) { dy_err_set(err, DY_ENOMEM, "out of memory"); return -1; }
    return 0;
}

/* ---- events as records ---- */
#define TEXT_AT(a, b) "CAST(substr(CAST(d.text AS BLOB), " a " + 1, " b " - " a ") AS TEXT)"
#define RECORD_COLS                                                                                                       \
    "d.name, d.url, d.title, e.sent, s.start, s.end, e.date, e.prec, e.source, e.target, e.code, e.root, e.quad, "         \
    "e.goldstein, " TEXT_AT("e.src_start", "e.src_end") ", " TEXT_AT("e.tgt_start", "e.tgt_end") ", "                     \
    TEXT_AT("e.verb_start", "e.verb_end") ", " SENT_TEXT ", e.verb_start, e.mentions, e.sources, d.pub, e.doc, e.id"

/* RECORD_COLS, column by column: where each goes in a dy_record, as what */
enum { C_TEXT, C_STR, C_NSTR, C_DATE, C_U32, C_INT, C_LONG, C_REAL };
#define COL(kind, field) {kind, offsetof(dy_record, field)}
static const struct { int kind; size_t at; } record_cols[] = {
    COL(C_TEXT, doc), COL(C_TEXT, url), COL(C_TEXT, title), COL(C_U32, sent), COL(C_U32, start), COL(C_U32, end),
    COL(C_DATE, date), COL(C_INT, prec), COL(C_STR, source), COL(C_STR, target), COL(C_STR, code), COL(C_STR, root),
    COL(C_INT, quad), COL(C_REAL, goldstein), COL(C_TEXT, source_text), COL(C_TEXT, target_text), COL(C_TEXT, verb_text),
    COL(C_TEXT, text), COL(C_U32, verb_start), COL(C_LONG, mentions), COL(C_LONG, sources), COL(C_NSTR, pub),
};

/* The record of a row of RECORD_COLS; ids: keep the store's row ids (the API's). */
static void row_record(dy_stmt *q, dy_record *r, int ids)
{
    memset(r, 0, sizeof *r);
    for (int c = 0; c < (int)(sizeof record_cols / sizeof *record_cols); c++) {
        void *at = (char *)r + record_cols[c].at;
        switch (record_cols[c].kind) {
        case C_TEXT: *(dy_text *)at = col_text(q, c); break;
        case C_STR: *(const char **)at = dyq_col_str(q, c); break;
        case C_NSTR: *(const char **)at = dy_stmt_type(q, c) == DY_COL_NULL ? NULL : dyq_col_str(q, c); break;
        case C_DATE: snprintf(r->date, sizeof r->date, "%s", dyq_col_str(q, c)); break;
        case C_U32: *(uint32_t *)at = (uint32_t)(int)dy_stmt_col_int(q, c); break;
        case C_INT: *(int *)at = (int)dy_stmt_col_int(q, c); break;
        case C_LONG: *(long *)at = (long)dy_stmt_col_int(q, c); break;
        default: *(double *)at = dy_stmt_col_double(q, c);
        }
    }
    if (ids) { r->doc_id = dy_stmt_col_int(q, 22); r->event_id = dy_stmt_col_int(q, 23); }
}

/* listing: date order with a limit and the store's ids (query events; 2: latest first, the API's);
 * else document order, all.
 * page (JSON array only, may be NULL): stop at page->limit records or at the record that would
 * take b past page->max_bytes (the first always goes), saying how many went and whether more remain. */
static int records(dy_db *db, const dy_qopts *o, int fmt, const dy_plover *plover, int listing, dy_buf *b,
                   int (*flush)(void *ctx, dy_buf *b), void *ctx, dy_event_page *page, dy_err *err)
{
    char from[1024], sql[3072];
    dyq_events_from(db, from, sizeof from, o, dyq_dedup_of(o, DY_DEDUP_NONE), 1);
    snprintf(sql, sizeof sql,
             "SELECT " RECORD_COLS " FROM %s e JOIN documents d ON d.id = e.doc JOIN sentences s ON s.doc = e.doc AND s.no = e.sent %s",
             from, listing == 2 ? "ORDER BY e.day IS NULL, e.day DESC, e.id DESC LIMIT :limit OFFSET :offset"
                   : listing ? "ORDER BY e.day IS NULL, e.day, e.id LIMIT :limit OFFSET :offset" : "ORDER BY e.doc, e.id");
    dy_stmt *q;
    if (dyq_prepare(db, sql, &q, err)) return -1;
    dyq_bind_opts(q, o);
    int array = fmt == DY_FMT_JSON_ARRAY, rc, e = 0;
    e |= dy_out_record_header(b, fmt, 0);
    if (array) e |= dy_buf_addc(b, '[');
    long n = 0;
    for (; (rc = dy_stmt_step(q)) == 1 && !e; n++) {
        if (page && n >= page->limit) { page->more = 1; break; }
        size_t mark = b->len;
        dy_record r;
        row_record(q, &r, listing);
        if (array && n) e |= dy_buf_addc(b, ',');
        e |= dy_out_record(b, array ? DY_FMT_JSONL : fmt, &r, plover);
        if (array && b->len) b->data[--b->len] = 0;     /* no newline inside the array */
        if (page && n && b->len + 2 > page->max_bytes) {  /* the page ends before this record */
            b->len = mark;
            b->data[mark] = 0;
            page->more = 1;
            break;
        }
        if (flush && b->len > 65536 && flush(ctx, b)) e = 1;
    }
    if (page) page->rows = (size_t)n;
    if (array) e |= dy_buf_adds(b, "]\n");
    int bad = rc < 0 ? 1 : 0;
    if (bad) dyq_dberr(db, err);
    dy_stmt_finalize(&q);
    if (e && !bad) dy_err_set(err, DY_EIO, "cannot write the events");
    return bad || e ? -1 : 0;
}

int dy_query_event_records(dy_db *db, const dy_qopts *o, int fmt, const dy_plover *plover, dy_buf *b, dy_err *err)
{
    return records(db, o, fmt, plover, 1, b, NULL, NULL, NULL, err);
}

int dy_query_event_page(dy_db *db, const dy_qopts *o, dy_event_page *page, dy_buf *b, dy_err *err)
{
    dy_qopts p = *o;
    p.limit = page->limit + 1;      /* one more, to know there is a next page */
    page->rows = 0;
    page->more = 0;
    return records(db, &p, DY_FMT_JSON_ARRAY, NULL, 2, b, NULL, NULL, page, err);
}

int dy_query_export(dy_db *db, const dy_qopts *o, int fmt, const dy_plover *plover, dy_buf *b,
                    int (*flush)(void *ctx, dy_buf *b), void *ctx, dy_err *err)
{
    return records(db, o, fmt, plover, 0, b, flush, ctx, NULL, err);
}
