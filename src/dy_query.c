/* dy_query.c - the store's questions and answers: SQL with bound parameters, results as tables. */
#include "dy_query.h"
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
/* DY_COL_* type; s is the text form; exact: s is num as %.15g writes it (a JSON number as it is) */
typedef struct cell { char *s; double num; uint8_t type, exact; } cell;

/* pool: when set, every cell's text lies in it (one block for a tally's thousands of cells) and
 * is freed with it; else each cell's text is its own allocation */
struct dy_result {
    size_t ncol, nrow, cap;
    char **cols;
    cell *cells;
    char *pool;
};

void dy_result_keep(dy_result *r, size_t n)
{
    for (; r->nrow > n; r->nrow--)
        for (size_t c = 0; c < r->ncol && !r->pool; c++) free(r->cells[(r->nrow - 1) * r->ncol + c].s);
}

void dy_result_drop(dy_result *r, size_t n)
{
    if (n > r->nrow) n = r->nrow;
    if (!n) return;
    for (size_t i = 0; i < n * r->ncol && !r->pool; i++) free(r->cells[i].s);
    memmove(r->cells, r->cells + n * r->ncol, (r->nrow - n) * r->ncol * sizeof *r->cells);
    r->nrow -= n;
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

static dy_status dberr(dy_db *db, dy_err *err) { dy_err_set(err, DY_EIO, "database: %s", dy_db_errmsg(db)); return DY_EIO; }

/* Runs a prepared statement to the end and keeps every row. Finalises q. */
static int collect(dy_db *db, dy_stmt *q, dy_result **out, dy_err *err)
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
        if (rc == -2) dy_err_set(err, DY_ENOMEM, "out of memory"); else dberr(db, err);
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

static void fixed_text(char *b, long long v, int scale);

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
        fixed_text(num, k, 1);
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
static int prepare(dy_db *db, const char *sql, dy_stmt **q, dy_err *err)
{
    if (dy_stmt_prepare(db, sql, q) == 0) return 0;
    /* a store of an older schema, opened read-only: its relations come with a write open */
    if (strstr(dy_db_errmsg(db), "no such table: t") || strstr(dy_db_errmsg(db), "no such column"))
        dy_err_set(err, DY_EINPUT, "this database is older than this dyad (%s); bring it up to date with 'dyad recode --db FILE'",
                   dy_db_errmsg(db));
    else dberr(db, err);
    return -1;
}

/* A LIMIT; -1 is all rows: SQLite's LIMIT -1, PostgreSQL's LIMIT NULL. */
static void bind_limit(dy_stmt *q, int i, int n)
{
    if (n < 0 && dy_stmt_db_kind(q) == DY_DB_PG) dy_stmt_null(q, i);
    else dy_stmt_int(q, i, n);
}

/* Binds the common parameters by name: :a :b :undirected :from :to :actor :actor3 :limit :rows
 * :offset :cap :pair. */
static void bind_opts(dy_stmt *q, const dy_qopts *o)
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
    if ((i = dy_stmt_param(q, ":rows"))) bind_limit(q, i, o->limit > 0 ? o->limit : -1);
    if ((i = dy_stmt_param(q, ":offset"))) dy_stmt_int(q, i, o->offset);
    if ((i = dy_stmt_param(q, ":cap"))) bind_limit(q, i, o->cap > 0 ? o->cap : -1);
    if ((i = dy_stmt_param(q, ":sources"))) bind_limit(q, i, o->sources > 0 ? o->sources + 1 : o->cap > 0 ? o->cap : -1);
    if ((i = dy_stmt_param(q, ":pair"))) {
        char pair[40];
        int ab = strcmp(o->a, o->b) < 0;
        snprintf(pair, sizeof pair, "%.3s,%.3s", ab ? o->a : o->b, ab ? o->b : o->a);
        dy_stmt_str(q, i, pair);
    }
}

/* Prepares sql, binds the options and keeps every row: the shape of most queries. */
static int select_all(dy_db *db, const char *sql, const dy_qopts *o, dy_result **out, dy_err *err)
{
    dy_stmt *q;
    if (prepare(db, sql, &q, err)) return -1;
    bind_opts(q, o);
    return collect(db, q, out, err);
}

#define SENT_TEXT "CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT)"

static dy_text col_text(dy_stmt *q, int c)
{
    dy_text t = {dy_stmt_col_text(q, c), 0};
    if (t.s) t.n = (size_t)dy_stmt_col_bytes(q, c);
    return t;
}

static const char *col_str(dy_stmt *q, int c)
{
    const char *v = dy_stmt_col_text(q, c);
    return v ? v : "";
}

/* Which events: a dyad (both ways unless directed), or an actor, or all; always in the period. */
static const char *event_filter(const dy_qopts *o)
{
    if (o->a[0]) return "((e.src3 = :a AND e.tgt3 = :b) OR (:undirected = 1 AND e.src3 = :b AND e.tgt3 = :a))";
    if (o->actor[0] && strlen(o->actor) == 3) return "(e.src3 = :actor3 OR e.tgt3 = :actor3)";
    if (o->actor[0]) return "(e.source = :actor OR e.target = :actor)";
    return "1 = 1";
}

/* The period: a day in it; with undated, also an undated event when the period is open. */
#define IN_PERIOD "e.day BETWEEN :from AND :to"
#define IN_PERIOD_OR_UNDATED "(e.day BETWEEN :from AND :to OR (e.day IS NULL AND :from = -2147483648 AND :to = 2147483647))"

/* The events the options select, after --dedup, as a subquery to read "FROM (...) e": the events
 * table's columns of the first event of each group, and mentions (events merged) and sources
 * (their documents). SQLite gives a group's bare columns the row of min(), which its planner runs
 * from the dyad's index; PostgreSQL has no bare columns, so there the first event's row is joined
 * back by its id (the same rows: SQLite's planner would scan every event for that form). */
static void events_from(dy_db *db, char *sql, size_t size, const dy_qopts *o, int dedup, int undated)
{
    const char *period = undated ? IN_PERIOD_OR_UNDATED : IN_PERIOD;
    const char *key = dedup == DY_DEDUP_DAY ? "coalesce(CAST(e.day AS TEXT), 'u' || e.doc)" : "lower(" SENT_TEXT ")";
    const char *join = dedup == DY_DEDUP_DAY ? "" : "JOIN documents d ON d.id = e.doc JOIN sentences s ON s.doc = e.doc AND s.no = e.sent ";
    if (dedup == DY_DEDUP_NONE)
        snprintf(sql, size, "(SELECT e.*, 1 AS mentions, 1 AS sources FROM events e WHERE %s AND %s)", event_filter(o), period);
    else if (dy_db_kind(db) == DY_DB_SQLITE)
        snprintf(sql, size,
                 "(SELECT e.*, min(e.id) AS first, count(*) AS mentions, count(DISTINCT e.doc) AS sources FROM events e %s"
                 "WHERE %s AND %s GROUP BY e.source, e.target, e.code, %s)",
                 join, event_filter(o), period, key);
    else
        snprintf(sql, size,
                 "(SELECT f.*, g.first, g.mentions, g.sources FROM events f JOIN "
                 "(SELECT min(e.id) AS first, count(*) AS mentions, count(DISTINCT e.doc) AS sources FROM events e %s"
                 "WHERE %s AND %s GROUP BY e.source, e.target, e.code, %s) g ON f.id = g.first)",
                 join, event_filter(o), period, key);
}

static int dedup_of(const dy_qopts *o, int def) { return o->dedup == DY_DEDUP_DEFAULT ? def : o->dedup; }

/* ---- the summaries (dy_store.c: sums, doc_pairs) ----
 * Kept up to date at ingest so that a series, a network and a relation read a few rows per
 * period instead of every event. A SQLite store says they are there and up to date with meta
 * 'sums'; without it (an older store opened to read, a bulk load under way, PostgreSQL) the
 * queries read the events, with the same answers. */
static int has_sums(dy_db *db)
{
    dy_stmt *q;
    if (dy_db_kind(db) != DY_DB_SQLITE || dy_stmt_prepare(db, "SELECT 1 FROM meta WHERE key = 'sums'", &q)) return 0;
    int yes = dy_stmt_step(q) == 1;
    dy_stmt_finalize(&q);
    return yes;
}

/* The first day of the month (lvl 1) or year (2) of day, and of the next one. */
static int32_t sums_first(int32_t day, int lvl)
{
    dy_date d = dy_date_from_days(day);
    d.d = 1;
    if (lvl == 2) d.m = 1;
    return (int32_t)dy_date_days(d);
}

static int32_t sums_next(int32_t start, int lvl)
{
    dy_date d = dy_date_from_days(start);
    d.d = 1;
    if (lvl == 2) { d.m = 1; d.y++; }
    else if (++d.m == 13) { d.m = 1; d.y++; }
    return (int32_t)dy_date_days(d);
}

/* The sums rows of the days from to to (a condition on lvl and start): whole years (up to level
 * top: 0 days, 1 months, 2 years, 3 all time) where they fit, then whole months, then days; all
 * time (lvl 3) when the period holds every row. -1 when sql is too small or the store unread. */
static int sums_period(dy_db *db, int32_t from, int32_t to, int top, char *sql, size_t size)
{
    dy_stmt *q;
    if (dy_stmt_prepare(db, "SELECT (SELECT min(start) FROM sums WHERE lvl = 0), (SELECT max(start) FROM sums WHERE lvl = 0)", &q)) return -1;
    int rc = dy_stmt_step(q), none = rc != 1 || dy_stmt_type(q, 0) == DY_COL_NULL;
    int32_t lo = none ? 0 : (int32_t)dy_stmt_col_int(q, 0), hi = none ? -1 : (int32_t)dy_stmt_col_int(q, 1);
    dy_stmt_finalize(&q);
    if (rc < 0) return -1;
    if (none || from > hi || to < lo || from > to) return snprintf(sql, size, "0") >= (int)size ? -1 : 0;
    if (top == 3 && from <= lo && to >= hi) return snprintf(sql, size, "lvl = 3") >= (int)size ? -1 : 0;
    if (from < lo) from = sums_first(lo, 2);    /* no rows before: a whole year from there */
    if (to > hi) to = sums_next(hi, 2) - 1;
    size_t n = (size_t)snprintf(sql, size, "(");
    int plvl = -1;
    int32_t plo = 0, phi = 0;
    for (int32_t cur = from; cur <= to + 1 && n < size;) {
        int lvl = 0;
        for (int l = top < 2 ? top : 2; cur <= to && l > 0 && !lvl; l--)
            if (sums_first(cur, l) == cur && sums_next(cur, l) - 1 <= to) lvl = l;
        if (cur <= to && lvl == plvl && (lvl ? sums_next(phi, lvl) : phi + 1) == cur) {     /* the piece goes on */
            phi = lvl ? cur : (sums_next(cur, 1) - 1 < to ? sums_next(cur, 1) - 1 : to);
        } else {
            if (plvl >= 0)
                n += (size_t)snprintf(sql + n, size - n, "%s(lvl = %d AND start BETWEEN %ld AND %ld)", n > 1 ? " OR " : "", plvl, (long)plo, (long)phi);
            if (cur > to) break;
            plvl = lvl;
            plo = cur;
            phi = lvl ? cur : (sums_next(cur, 1) - 1 < to ? sums_next(cur, 1) - 1 : to);
        }
        cur = lvl ? sums_next(cur, lvl) : phi + 1;
    }
    if (n < size) n += (size_t)snprintf(sql + n, size - n, ")");
    return n < size ? 0 : -1;
}

/* Whether a series of o can be read from the sums: a dyad of countries (an IGO is a node of
 * each organization there), counted with dedup none or day. */
static int series_sums(dy_db *db, const dy_qopts *o, int dedup)
{
    return o->a[0] && strcmp(o->a, "IGO") && strcmp(o->b, "IGO") && (dedup == DY_DEDUP_NONE || dedup == DY_DEDUP_DAY) && has_sums(db);
}
#define SUMS_DYAD "((src = :a AND tgt = :b) OR (:undirected = 1 AND src = :b AND tgt = :a))"
/* the dyad's first and last day: each way's own, from the pair index (min and max each alone,
 * so that each is one step in it) */
#define SUMS_ENDS(x, y, c) "SELECT (SELECT min(start) FROM sums INDEXED BY sums_pair WHERE src = " x " AND tgt = " y " AND lvl = 0 " \
                           "AND start BETWEEN :from AND :to" c ") AS lo, (SELECT max(start) FROM sums INDEXED BY sums_pair WHERE src = " x \
                           " AND tgt = " y " AND lvl = 0 AND start BETWEEN :from AND :to" c ") AS hi"

int dy_query_undated(dy_db *db, const dy_qopts *o, long *n, dy_err *err)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM events e WHERE %s AND e.day IS NULL", event_filter(o));
    dy_stmt *q;
    if (prepare(db, sql, &q, err)) return -1;
    bind_opts(q, o);
    *n = dy_stmt_step(q) == 1 ? (long)dy_stmt_col_int(q, 0) : 0;
    dy_stmt_finalize(&q);
    return 0;
}

int dy_query_extent_json(dy_db *db, const dy_qopts *o, dy_buf *b, dy_err *err)
{
    char sql[2048];
    const char *f = event_filter(o);
    int open = o->from == INT32_MIN && o->to == INT32_MAX;      /* then undated events count too */
    /* each its own statement, so that min, max and count(*) take an index's shortcuts */
    snprintf(sql, sizeof sql,
             "SELECT date((SELECT min(e.day) FROM events e WHERE %s AND " IN_PERIOD ") * 86400, 'unixepoch'), "
             "date((SELECT max(e.day) FROM events e WHERE %s AND " IN_PERIOD ") * 86400, 'unixepoch'), "
             "(SELECT count(*) FROM events e WHERE %s%s), (SELECT count(*) FROM events e WHERE %s AND e.day IS NULL AND %d = 1)",
             f, f, f, open ? "" : " AND " IN_PERIOD, f, open);
    dy_stmt *q;
    if (prepare(db, sql, &q, err)) return -1;
    bind_opts(q, o);
    if (dy_stmt_step(q) != 1) { dberr(db, err); dy_stmt_finalize(&q); return -1; }
    int e = dy_buf_adds(b, "{\"first\":");
    for (int c = 0; c < 2; c++) {
        const char *v = dy_stmt_col_text(q, c);
        e |= (c ? dy_buf_adds(b, ",\"last\":") : 0) | (v ? dy_buf_printf(b, "\"%s\"", v) : dy_buf_adds(b, "null"));
    }
    e |= dy_buf_printf(b, ",\"events\":%lld,\"undated\":%lld,\"codes\":[", (long long)dy_stmt_col_int(q, 2),
                       (long long)dy_stmt_col_int(q, 3));
    dy_stmt_finalize(&q);
    /* the codes of the store, each once: a skip through the src3 and tgt3 indexes, not a scan */
    if (prepare(db,
                "WITH RECURSIVE s(c) AS (SELECT min(src3) FROM events UNION ALL SELECT (SELECT min(src3) FROM events WHERE src3 > s.c) FROM s WHERE s.c IS NOT NULL), "
                "t(c) AS (SELECT min(tgt3) FROM events UNION ALL SELECT (SELECT min(tgt3) FROM events WHERE tgt3 > t.c) FROM t WHERE t.c IS NOT NULL) "
                "SELECT c FROM s WHERE c IS NOT NULL UNION SELECT c FROM t WHERE c IS NOT NULL ORDER BY 1",
                &q, err))
        return -1;
    int rc, n = 0;
    while ((rc = dy_stmt_step(q)) == 1) {
        const char *c = col_str(q, 0);
        e |= dy_buf_adds(b, n++ ? "," : "") | dy_json_string(b, c, strlen(c));
    }
    if (rc != 0) dberr(db, err);
    dy_stmt_finalize(&q);
    if (rc != 0) return -1;
    e |= dy_buf_adds(b, "]}\n");
    if (e) { dy_err_set(err, DY_ENOMEM, "out of memory"); return -1; }
    return 0;
}

int dy_query_events(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err)
{
    char from[1024], sql[2048];
    events_from(db, from, sizeof from, o, dedup_of(o, DY_DEDUP_NONE), 1);
    snprintf(sql, sizeof sql,
             "SELECT coalesce(e.date, 'undated') AS date, e.source, e.target, e.code, e.quad, e.goldstein, d.name AS doc, e.sent, " SENT_TEXT " AS text, "
             "e.doc AS doc_id, e.id AS event_id "
             "FROM %s e JOIN documents d ON d.id = e.doc JOIN sentences s ON s.doc = e.doc AND s.no = e.sent "
             "ORDER BY e.day IS NULL, e.day, e.id LIMIT :limit OFFSET :offset",
             from);
    return select_all(db, sql, o, out, err);
}

/* How many periods of a series from day a to day b (a <= b). */
static long long periods(int32_t a, int32_t b, int by)
{
    if (by == DY_BY_DAY) return (long long)b - a + 1;
    if (by == DY_BY_WEEK) return ((long long)b - a) / 7 + 2;
    dy_date x = dy_date_from_days(a), y = dy_date_from_days(b);
    if (by == DY_BY_MONTH) return ((long long)y.y - x.y) * 12 + y.m - x.m + 1;
    return (long long)y.y - x.y + 1;
}

int dy_query_series(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err)
{
    static const char *const start[] = {"'+0 days'", "'-6 days', 'weekday 1'", "'start of month'", "'start of year'"};
    static const char *const step[] = {"'+1 day'", "'+7 days'", "'+1 month'", "'+1 year'"};
    static const char *const label[] = {"p.s", "p.s", "substr(p.s, 1, 7)", "substr(p.s, 1, 4)"};
    int dedup = dedup_of(o, DY_DEDUP_DAY), sums = series_sums(db, o, dedup);
    dy_qopts w = *o;
    if (w.from == INT32_MIN || w.to == INT32_MAX) {     /* the dyad's own first and last day */
        char sql[1024];
        if (sums) snprintf(sql, sizeof sql, "SELECT min(lo), max(hi) FROM (" SUMS_ENDS(":a", ":b", "") " UNION ALL "
                                            SUMS_ENDS(":b", ":a", " AND :undirected = 1") ") x");
        else snprintf(sql, sizeof sql, "SELECT min(e.day), max(e.day) FROM events e WHERE %s AND e.day BETWEEN :from AND :to", event_filter(o));
        dy_stmt *q;
        if (prepare(db, sql, &q, err)) return -1;
        bind_opts(q, o);
        if (dy_stmt_step(q) == 1 && dy_stmt_type(q, 0) != DY_COL_NULL) {
            if (w.from == INT32_MIN) w.from = (int)dy_stmt_col_int(q, 0);
            if (w.to == INT32_MAX) w.to = (int)dy_stmt_col_int(q, 1);
        } else {
            w.from = 0;
            w.to = -1;      /* no events: no periods */
        }
        dy_stmt_finalize(&q);
    }
    if (o->cap > 0 && w.from <= w.to && periods(w.from, w.to, o->by) > o->cap) {
        static const char *const unit[] = {"days", "weeks", "months", "years"};
        dy_err_set(err, DY_EINPUT, "the series would have %lld %s, more than the %d one answer holds; give a later from, an earlier to, or a longer by",
                   periods(w.from, w.to, o->by), unit[o->by], o->cap);
        return -1;
    }
    char from[2048], sql[4096], cond[512];
    if (sums) {
        /* whole months (by month) or years (by year) where they fit, else days: the periods hold
         * whole months and years, so each row falls in the period its first day does */
        if (sums_period(db, w.from, w.to, o->by == DY_BY_YEAR ? 2 : o->by == DY_BY_MONTH ? 1 : 0, cond, sizeof cond))
            return dberr(db, err), -1;
        const char *d = dedup == DY_DEDUP_DAY ? "d" : "";
        snprintf(from, sizeof from,
                 "SELECT date(start * 86400, 'unixepoch', %s) AS s, sum(%sn) AS n, sum(%sg) / 10.0 AS gs, sum(%sq1) AS q1, sum(%sq2) AS q2, "
                 "sum(%sq3) AS q3, sum(%sq4) AS q4 FROM sums INDEXED BY sums_pair WHERE %s AND " SUMS_DYAD " GROUP BY 1",
                 start[o->by], d, d, d, d, d, d, cond);
    } else {
        char ev[1024];
        events_from(db, ev, sizeof ev, o, dedup, 0);
        snprintf(from, sizeof from,
                 "SELECT date(e.day * 86400, 'unixepoch', %s) AS s, count(*) AS n, sum(e.goldstein) AS gs, "
                 "  sum(e.quad = 1) AS q1, sum(e.quad = 2) AS q2, sum(e.quad = 3) AS q3, sum(e.quad = 4) AS q4 "
                 "  FROM %s e GROUP BY 1",
                 start[o->by], ev);
    }
    snprintf(sql, sizeof sql,
             "WITH RECURSIVE p(s) AS (SELECT date(:from * 86400, 'unixepoch', %s) WHERE :from <= :to "
             "  UNION ALL SELECT date(s, %s) FROM p WHERE date(s, %s) <= date(:to * 86400, 'unixepoch')), "
             "g AS (%s) "
             "SELECT %s AS period, coalesce(n, 0) AS events, round(coalesce(gs, 0), 1) AS goldstein, "
             "coalesce(q1, 0) AS verbal_coop, coalesce(q2, 0) AS material_coop, coalesce(q3, 0) AS verbal_conflict, "
             "coalesce(q4, 0) AS material_conflict FROM p LEFT JOIN g USING (s) ORDER BY p.s",
             start[o->by], step[o->by], step[o->by], from, label[o->by]);
    dy_stmt *q;
    if (prepare(db, sql, &q, err)) return -1;
    bind_opts(q, &w);
    return collect(db, q, out, err);
}

/* ---- the network: one pass over the events, tallied here ---- */
/* A node is a country (src3), but each IGO is its own node (IGOUNO, IGOEU: CAMEO's IGO prefix). */
#define NODE_OF(c3, code) "CASE WHEN " c3 " = 'IGO' THEN " code " ELSE " c3 " END"

/* g: the goldstein sum in whole tenths (the scores are tenths), so that it is exact whatever the
 * order the rows come in, and the same from SQLite and PostgreSQL */
/* The slots lie one after another in s (n of them, room for room), in the order they came; ix is
 * an open-addressing table (size a power of two, at least twice n) of slot numbers + 1, 0 empty,
 * so that growing it moves 4 bytes a slot, and the slots themselves only by realloc. A key's bytes
 * after its NUL are 0. A slot pointer holds until the next tally_at of the same tally. */
typedef struct tally_slot { char key[36]; uint32_t hash; long n; long long g; } tally_slot;     /* "SRC\tTGT" or a node */
typedef struct tally { tally_slot *s; uint32_t *ix; size_t n, room, size; } tally;

static void tally_free(tally *t) { free(t->s); free(t->ix); memset(t, 0, sizeof *t); }

static void tally_place(tally *t, size_t k)
{
    size_t i = t->s[k].hash & (t->size - 1);
    while (t->ix[i]) i = (i + 1) & (t->size - 1);
    t->ix[i] = (uint32_t)k + 1;
}

/* A new slot of key (len bytes, at most 35) and hash h at the end; NULL when out of memory. */
static tally_slot *tally_new(tally *t, const char *key, size_t len, uint32_t h)
{
    if (t->n == t->room) {
        size_t room = t->room ? t->room * 2 : 128;
        tally_slot *s = realloc(t->s, room * sizeof *s);
        if (!s) return NULL;
        t->s = s;
        t->room = room;
    }
    tally_slot *x = &t->s[t->n++];
    memset(x, 0, sizeof *x);
    memcpy(x->key, key, len);
    x->hash = h;
    return x;
}

/* The slot of key (at most 35 bytes), made when new; NULL when out of memory. With fresh, the
 * caller knows that the key is not in t: it goes at the end unlooked-for, and t's table is
 * built again at the next lookup. */
static tally_slot *tally_get(tally *t, const char *key, int fresh)
{
    size_t len = strnlen(key, sizeof t->s->key - 1);
    uint32_t h = (uint32_t)dy_hash(key, len);
    if (fresh) {
        free(t->ix);
        t->ix = NULL;
        t->size = 0;
        return tally_new(t, key, len, h);
    }
    if (2 * (t->n + 1) > t->size) {
        size_t size = t->size ? t->size : 256;
        while (2 * (t->n + 1) > size) size *= 2;
        uint32_t *ix = calloc(size, sizeof *ix);
        if (!ix || size > UINT32_MAX) { free(ix); return NULL; }
        free(t->ix);
        t->ix = ix;
        t->size = size;
        for (size_t k = 0; k < t->n; k++) tally_place(t, k);
    }
    size_t i = h & (t->size - 1);
    for (; t->ix[i]; i = (i + 1) & (t->size - 1)) {
        tally_slot *x = &t->s[t->ix[i] - 1];
        if (x->hash == h && !memcmp(x->key, key, len) && !x->key[len]) return x;
    }
    tally_slot *x = tally_new(t, key, len, h);
    if (x) t->ix[i] = (uint32_t)t->n;
    return x;
}

static tally_slot *tally_at(tally *t, const char *key) { return tally_get(t, key, 0); }

/* Busiest first, then by key: a key's bytes after its NUL are 0, so memcmp orders as strcmp. */
static int slot_before(const tally_slot *a, const tally_slot *b)
{
    if (a->n != b->n) return a->n > b->n ? -1 : 1;
    return memcmp(a->key, b->key, sizeof a->key);
}

/* The sort works on pointers to the slots (8 bytes moved a swap, not a slot's 56). */
static int by_count(const void *x, const void *y) { return slot_before(*(tally_slot *const *)x, *(tally_slot *const *)y); }

/* Puts the k busiest of p[0..n) (n > k > 0, keys distinct) first, in no order: a quickselect
 * (Hoare's partition), so that a network of 300 edges sorts 300 pairs, not all 23,000. */
static void busiest_first(tally_slot **p, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1, want = k - 1;
    while (lo < hi) {
        const tally_slot *pivot = p[lo + (hi - lo) / 2];
        tally_slot *tmp;
        size_t i = lo, j = hi;
        for (;;) {
            while (slot_before(p[i], pivot) < 0) i++;
            while (slot_before(p[j], pivot) > 0) j--;
            if (i >= j) break;
            tmp = p[i];
            p[i++] = p[j];
            p[j--] = tmp;
        }
        if (want <= j) hi = j;
        else lo = j + 1;
    }
}

/* v / 10^scale (scale 1 or 2) as dy_sql_real_text writes the double: "12.0", "1.5", "-0.05";
 * without printf, which took a third of a network's time. */
static void fixed_text(char *b, long long v, int scale)
{
    long long p = scale == 1 ? 10 : 100, w = (v < 0 ? -v : v) / p, f = (v < 0 ? -v : v) % p;
    if (scale == 2 && f % 10 == 0) {
        f /= 10;
        scale = 1;
    }
    if (v < 0) *b++ = '-';
    b = dy_itoa(b, w, 0);
    *b++ = '.';
    if (scale == 2 && f < 10) *b++ = '0';
    dy_itoa(b, f, 0);
}

/* The tally's slots, busiest first, into a new result of columns cols: the key's nkey fields
 * (split at tabs), then the numbers nums(slot) fills, whole numbers of 10^-scale[k] (0: an
 * integer column, 1: tenths, 2: hundredths); at most cap rows (0: all). Numbers read as SQLite's
 * would. */
static dy_result *tally_result(tally *t, const char *const *cols, size_t ncol, size_t nkey, const int *scale, int cap,
                               void (*nums)(const tally_slot *s, long long *v, void *ctx), void *ctx)
{
    size_t n = t->n;
    tally_slot **order = malloc((n ? n : 1) * sizeof *order);
    if (!order) return NULL;
    for (size_t i = 0; i < n; i++) order[i] = &t->s[i];
    if (cap > 0 && n > (size_t)cap) {
        busiest_first(order, n, (size_t)cap);
        n = (size_t)cap;
    }
    if (n) qsort(order, n, sizeof *order, by_count);
    dy_result *r = calloc(1, sizeof *r);
    if (!r) return free(order), NULL;
    r->ncol = ncol;
    r->cols = calloc(ncol, sizeof *r->cols);
    r->cells = calloc(n * ncol + 1, sizeof *r->cells);
    /* every cell's text in one block: a row's key (its fields NUL-ended: at most the key's 36
     * bytes and nkey NULs) and at most 32 bytes a number (21 digits and a sign, a point, two
     * places) */
    size_t row = sizeof t->s->key + nkey + 32 * (ncol - nkey);
    char *p = r->pool = malloc(n * row + 1);
    int bad = !r->cols || !r->cells || !p;
    for (size_t c = 0; !bad && c < ncol; c++) bad = !(r->cols[c] = strdup(cols[c]));
    for (size_t i = 0; !bad && i < n; i++, r->nrow++) {
        cell *x = &r->cells[i * ncol];
        const char *key = order[i]->key;
        for (size_t k = 0; k < nkey; k++) {
            x[k].type = DY_COL_TEXT;
            x[k].s = p;
            while (*key && *key != '\t') *p++ = *key++;
            *p++ = 0;
            if (*key) key++;
        }
        long long v[4] = {0};
        nums(order[i], v, ctx);
        for (size_t k = nkey; k < ncol; k++) {
            int sc = scale[k - nkey];
            x[k].num = sc ? (double)v[k - nkey] / (sc == 1 ? 10 : 100) : (double)v[k - nkey];
            x[k].type = sc ? DY_COL_FLOAT : DY_COL_INT;
            x[k].exact = 1;
            x[k].s = p;
            if (sc) fixed_text(p, v[k - nkey], sc);
            else dy_itoa(p, v[k - nkey], 0);
            p += strlen(p) + 1;
        }
    }
    r->cap = n;
    free(order);
    if (bad) dy_result_destroy(&r);
    return r;
}

static void edge_nums(const tally_slot *s, long long *v, void *ctx)
{
    (void)ctx;
    v[0] = s->n;
    v[1] = s->g;
    /* the mean to two places, half away from zero, in whole numbers: the mean of tenths lands
     * exactly on a half now and then (1.7 / 4 = 0.425), where rounding a double (0.42499...) would
     * give 0.42 */
    v[2] = (s->g * 20 + (s->g < 0 ? -s->n : s->n)) / (2 * s->n);
}

static void node_nums(const tally_slot *s, long long *v, void *ctx)
{
    tally_slot *m = tally_at(ctx, s->key);
    v[0] = m ? m->n : 0;
    v[1] = s->n;
}

/* Adds n events of goldstein sum g (tenths) to the edge from node s to node t. */
static int tally_edge(tally *edges, const char *s, const char *t, long n, long long g, int fresh)
{
    if (!n || *s == '-' || *t == '-') return 0;     /* "---": an actor of unknown country */
    char key[40];
    size_t ls = strnlen(s, 17), lt = strnlen(t, 17);
    memcpy(key, s, ls);
    key[ls] = '\t';
    memcpy(key + ls + 1, t, lt);
    key[ls + 1 + lt] = 0;
    tally_slot *x = tally_get(edges, key, fresh && ls < 17 && lt < 17);     /* a cut key may be another's */
    if (!x) return -1;
    x->n += n;
    x->g += g;
    return 0;
}

/* Adds n events to node c. */
static int tally_node(tally *nodes, const char *c, long n)
{
    if (!n || *c == '-') return 0;
    tally_slot *x = tally_at(nodes, c);
    if (!x) return -1;
    x->n += n;
    return 0;
}

/* Adds n events of goldstein sum g (tenths) from node s to node t: the edge and both nodes. */
static int tally_add(tally *edges, tally *nodes, const char *s, const char *t, long n, long long g, int fresh)
{
    return tally_edge(edges, s, t, n, g, fresh) || tally_node(nodes, s, n) || tally_node(nodes, t, n) ? -1 : 0;
}

/* Tallies edges and nodes from rows of (source node, target node, goldstein) and, with group,
 * the one-a-day group (day, source, target, code) in order: a row of the previous row's group
 * is left out. A run of rows of one pair is summed before it goes to the tallies. Finalises q. */
static int tally_rows(dy_db *db, dy_stmt *q, int group, tally *edges, tally *nodes, dy_err *err)
{
    int rc, bad = 0;
    char s[64] = "", t[64] = "", prev[128] = "", cur[128];
    long n = 0;
    long long g = 0;
    while ((rc = dy_stmt_step(q)) == 1) {
        if (group) {
            snprintf(cur, sizeof cur, "%lld|%s|%s|%s", (long long)dy_stmt_col_int(q, 3), col_str(q, 4), col_str(q, 5), col_str(q, 6));
            if (!strcmp(cur, prev)) continue;
            memcpy(prev, cur, sizeof prev);
        }
        const char *a = col_str(q, 0), *b = col_str(q, 1);
        if (strcmp(a, s) || strcmp(b, t)) {
            if ((bad = tally_add(edges, nodes, s, t, n, g, 0))) break;
            snprintf(s, sizeof s, "%s", a);
            snprintf(t, sizeof t, "%s", b);
            n = 0;
            g = 0;
        }
        n++;
        g += llround(dy_stmt_col_double(q, 2) * 10);
    }
    if (!bad && rc == 0) bad = tally_add(edges, nodes, s, t, n, g, 0);
    if (!bad && rc != 0) dberr(db, err);
    dy_stmt_finalize(&q);
    if (bad) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    return rc == 0 ? 0 : -1;
}

/* The whole network with dedup day from schema 4's all-time summaries, without reading every
 * pair: the busiest cap edges (0: all) in order from sums_top, each node's events from
 * sums_nodes and its mentions from its all-time row. 1 when the store has no sums_top or a code
 * is longer than the tally cuts keys at (the caller tallies every pair, as before); else 0, or
 * -1 with err. The '---' nodes (an actor of unknown country) are left out, as tally_add does. */
static int network_top(dy_db *db, int cap, tally *edges, tally *nodes, tally *mentions, dy_err *err)
{
    dy_stmt *q;
    if (dy_stmt_prepare(db, "SELECT src, tgt, dn, dg FROM sums INDEXED BY sums_top WHERE lvl = 3 AND tgt <> '' AND dn > 0 "
                            "AND src NOT GLOB '-*' AND tgt NOT GLOB '-*' ORDER BY dn DESC, src, tgt LIMIT :limit", &q))
        return 1;
    bind_limit(q, 1, cap > 0 ? cap : -1);
    int rc, bad = 0, cut = 0;
    while (!bad && !cut && (rc = dy_stmt_step(q)) == 1) {
        const char *s = col_str(q, 0), *t = col_str(q, 1);
        if (!(cut = strlen(s) >= 17 || strlen(t) >= 17)) bad = tally_edge(edges, s, t, (long)dy_stmt_col_int(q, 2), dy_stmt_col_int(q, 3), 1);
    }
    dy_stmt_finalize(&q);
    if (!bad && !cut && rc == 0 &&
        dy_stmt_prepare(db, "SELECT x.node, x.dn, coalesce(s.m, 0) FROM sums_nodes x LEFT JOIN sums s ON s.lvl = 3 AND s.start = 0 "
                            "AND s.src = x.node AND s.tgt = '' WHERE x.dn > 0 AND x.node NOT GLOB '-*'", &q) == 0) {
        while (!bad && !cut && (rc = dy_stmt_step(q)) == 1) {
            const char *c = col_str(q, 0);
            if ((cut = strlen(c) >= 17)) break;
            tally_slot *m = tally_node(nodes, c, (long)dy_stmt_col_int(q, 1)) ? NULL : tally_at(mentions, c);
            if (!(bad = !m)) m->n += (long)dy_stmt_col_int(q, 2);
        }
        dy_stmt_finalize(&q);
    } else if (!bad && !cut && rc == 0) rc = -1;
    if (bad) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    if (rc != 0 && !cut) return dberr(db, err), -1;
    if (!cut) return 0;
    tally_free(edges);
    tally_free(nodes);
    tally_free(mentions);
    return 1;
}

/* The network's tallies from the sums: the edges and nodes of the period's rows (n and g, or dn
 * and dg with dedup day), and each node's mentions (its rows with tgt ''). */
static int network_sums(dy_db *db, const dy_qopts *o, int dedup, tally *edges, tally *nodes, tally *mentions, dy_err *err)
{
    char cond[512], sql[1024];
    if (sums_period(db, o->from, o->to, 3, cond, sizeof cond)) return dberr(db, err), -1;
    /* the all-time rows (the whole network) hold each pair once: its edges need no lookup */
    int unique = !strcmp(cond, "lvl = 3"), top = unique && dedup == DY_DEDUP_DAY ? network_top(db, o->cap, edges, nodes, mentions, err) : 1;
    if (top <= 0) return top;
    const char *d = dedup == DY_DEDUP_DAY ? "d" : "";
    snprintf(sql, sizeof sql, "SELECT src, tgt, %sn, %sg, m FROM sums WHERE %s", d, d, cond);
    dy_stmt *q;
    if (prepare(db, sql, &q, err)) return -1;
    int rc, bad = 0;
    /* the rows come in key order, a period's by source: a source's events are summed over its
     * run of rows and looked up once (the targets each row) */
    char run[sizeof edges->s->key] = "";
    long run_n = 0;
    while (!bad && (rc = dy_stmt_step(q)) == 1) {
        const char *s = col_str(q, 0), *t = col_str(q, 1);
        long n = (long)dy_stmt_col_int(q, 2);
        if (*t) {
            if (strncmp(s, run, sizeof run - 1)) {
                bad = tally_node(nodes, run, run_n);
                snprintf(run, sizeof run, "%s", s);
                run_n = 0;
            }
            run_n += n;
            bad = bad || tally_edge(edges, s, t, n, dy_stmt_col_int(q, 3), unique) || tally_node(nodes, t, n);
        } else {
            tally_slot *x = tally_at(mentions, s);
            if (!(bad = !x)) x->n += (long)dy_stmt_col_int(q, 4);
        }
    }
    if (!bad && rc == 0) bad = tally_node(nodes, run, run_n);
    if (!bad && rc != 0) dberr(db, err);
    dy_stmt_finalize(&q);
    if (bad) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    return rc == 0 ? 0 : -1;
}

int dy_query_network(dy_db *db, const dy_qopts *o, dy_result **nodes, dy_result **edges, dy_err *err)
{
    *nodes = *edges = NULL;
    dy_qopts all = *o;      /* a network is of every actor */
    all.a[0] = all.b[0] = all.actor[0] = 0;
    int dedup = dedup_of(o, DY_DEDUP_DAY);
    char from[1024], sql[3072];
    const char *cols = NODE_OF("e.src3", "e.source") ", " NODE_OF("e.tgt3", "e.target") ", e.goldstein";
    /* day and none read the events_dyad index from end to end, in its order (+e.day: not by the
     * day index), so that the one-a-day groups come one after the other: no sorting of a
     * million rows, and tally_rows keeps each group's first */
    if (dedup == DY_DEDUP_DAY)
        snprintf(sql, sizeof sql, "SELECT %s, e.day, e.source, e.target, e.code FROM events e WHERE +e.day BETWEEN :from AND :to "
                                  "ORDER BY e.src3, e.tgt3, e.day, e.source, e.target, e.code", cols);
    else if (dedup == DY_DEDUP_NONE) snprintf(sql, sizeof sql, "SELECT %s FROM events e WHERE +e.day BETWEEN :from AND :to", cols);
    else {
        events_from(db, from, sizeof from, &all, dedup, 0);
        snprintf(sql, sizeof sql, "SELECT %s FROM %s e", cols, from);
    }
    tally te = {0}, tn = {0}, tm = {0};
    dy_stmt *q;
    int sums = (dedup == DY_DEDUP_DAY || dedup == DY_DEDUP_NONE) && has_sums(db), rc;
    if (sums) rc = network_sums(db, o, dedup, &te, &tn, &tm, err);
    else rc = prepare(db, sql, &q, err) || (bind_opts(q, &all), tally_rows(db, q, dedup == DY_DEDUP_DAY, &te, &tn, err));
    /* each node's mentions in the documents of the period */
    if (!rc && !sums) rc = prepare(db, "SELECT " NODE_OF("m.code3", "m.code") ", sum(m.n) FROM mentions m JOIN documents d ON d.id = m.doc "
                              "WHERE coalesce(d.pubday, 0) BETWEEN :from AND :to GROUP BY 1", &q, err);
    if (!rc && !sums) {
        bind_opts(q, &all);
        while ((rc = dy_stmt_step(q)) == 1) {
            tally_slot *x = tally_at(&tm, col_str(q, 0));
            if (!x) break;
            x->n += (long)dy_stmt_col_int(q, 1);
        }
        rc = rc == 0 ? 0 : rc == 1 ? (dy_err_set(err, DY_ENOMEM, "out of memory"), -1) : (dberr(db, err), -1);
        dy_stmt_finalize(&q);
    }
    static const char *const ecols[] = {"source", "target", "events", "goldstein", "mean_goldstein"};
    static const char *const ncols[] = {"code", "mentions", "events"};
    static const int eint[] = {0, 1, 2}, nint[] = {0, 0};
    if (!rc && (!(*edges = tally_result(&te, ecols, 5, 2, eint, o->cap, edge_nums, NULL)) ||
                !(*nodes = tally_result(&tn, ncols, 3, 1, nint, o->cap, node_nums, &tm)))) {
        dy_result_destroy(edges);
        dy_err_set(err, DY_ENOMEM, "out of memory");
        rc = -1;
    }
    tally_free(&te);
    tally_free(&tn);
    tally_free(&tm);
    return rc ? -1 : 0;
}

/* Both lists straight into b (no copy of an answer that can be 847 KB): each ends "]\n", and
 * the newline is taken back. */
int dy_network_json(const dy_result *nodes, const dy_result *edges, dy_buf *b)
{
    /* room for the whole answer at once: about 90 bytes an edge, 60 a node */
    int e = dy_buf_reserve(b, 64 + 96 * dy_result_rows(edges) + 64 * dy_result_rows(nodes)) | dy_buf_adds(b, "{\"nodes\":");
    e |= dy_result_json(nodes, b);
    if (!e) b->data[--b->len] = 0;
    e |= dy_buf_adds(b, ",\"edges\":");
    e |= dy_result_json(edges, b);
    if (!e) b->data[--b->len] = 0;
    return e | dy_buf_adds(b, "}\n");
}

int dy_network_graphml(const dy_result *nodes, const dy_result *edges, dy_buf *b)
{
    int e = dy_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                           "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
                           "  <key id=\"nevents\" for=\"node\" attr.name=\"events\" attr.type=\"int\"/>\n"
                           "  <key id=\"events\" for=\"edge\" attr.name=\"events\" attr.type=\"int\"/>\n"
                           "  <key id=\"goldstein\" for=\"edge\" attr.name=\"goldstein\" attr.type=\"double\"/>\n"
                           "  <key id=\"mean\" for=\"edge\" attr.name=\"mean_goldstein\" attr.type=\"double\"/>\n"
                           "  <graph id=\"dyad\" edgedefault=\"directed\">\n");
    for (size_t i = 0; i < dy_result_rows(nodes); i++)
        e |= dy_buf_printf(b, "    <node id=\"%s\"><data key=\"mentions\">%s</data><data key=\"nevents\">%s</data></node>\n",
                           dy_result_cell(nodes, i, 0), dy_result_cell(nodes, i, 1), dy_result_cell(nodes, i, 2));
    for (size_t i = 0; i < dy_result_rows(edges); i++)
        e |= dy_buf_printf(b, "    <edge source=\"%s\" target=\"%s\"><data key=\"events\">%s</data><data key=\"goldstein\">%s</data>"
                              "<data key=\"mean\">%s</data></edge>\n",
                           dy_result_cell(edges, i, 0), dy_result_cell(edges, i, 1), dy_result_cell(edges, i, 2),
                           dy_result_cell(edges, i, 3), dy_result_cell(edges, i, 4));
    return e | dy_buf_adds(b, "  </graph>\n</graphml>\n");
}

int dy_network_dot(const dy_result *nodes, const dy_result *edges, dy_buf *b)
{
    int e = dy_buf_adds(b, "digraph dyad {\n");
    for (size_t i = 0; i < dy_result_rows(nodes); i++)
        e |= dy_buf_printf(b, "  \"%s\" [mentions=%s, events=%s];\n", dy_result_cell(nodes, i, 0), dy_result_cell(nodes, i, 1),
                           dy_result_cell(nodes, i, 2));
    for (size_t i = 0; i < dy_result_rows(edges); i++) {
        double m = dy_result_num(edges, i, 4);
        e |= dy_buf_printf(b, "  \"%s\" -> \"%s\" [events=%s, goldstein=%s, label=\"%s\", color=\"%s\"];\n", dy_result_cell(edges, i, 0),
                           dy_result_cell(edges, i, 1), dy_result_cell(edges, i, 2), dy_result_cell(edges, i, 3),
                           dy_result_cell(edges, i, 2), m > 0.5 ? "darkgreen" : m < -0.5 ? "red3" : "gray40");
    }
    return e | dy_buf_adds(b, "}\n");
}

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
             event_filter(o));
    return select_all(db, sql, o, out, err);
}

int dy_query_actors(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err)
{
    /* names in byte order (from an ordered subquery; PostgreSQL's DISTINCT sorts them so too) */
    return select_all(db,
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
    int sums = has_sums(db);
    for (int k = 0; k < DY_REL_N; k++) out[k] = NULL;
    for (int k = 0; k < DY_REL_N; k++) {
        const char *q = !sums ? sql[k] : k == DY_REL_SOURCES ? sources_sums : k == DY_REL_EVENTS ? events_sums : sql[k];
        if (select_all(db, q, o, &out[k], err)) {
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
    return select_all(db,
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
    return select_all(db,
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
    if (prepare(db, "SELECT id, name, pub, source, title, url, text FROM documents WHERE id = ?1", &q, err)) return -1;
    dy_stmt_int(q, 1, id);
    int rc = dy_stmt_step(q);
    if (rc != 1) {
        dy_stmt_finalize(&q);
        if (rc == 0) return 1;
        dberr(db, err);
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
    if (prepare(db,
                "SELECT e.id, e.sent, s.start, s.end, e.date, e.source, e.target, e.code, e.goldstein, e.src_start, e.src_end, "
                "e.tgt_start, e.tgt_end, e.verb_start, e.verb_end FROM events e JOIN sentences s ON s.doc = e.doc AND s.no = e.sent "
                "WHERE e.doc = ?1 ORDER BY e.id",
                &q, err))
        return -1;
    dy_stmt_int(q, 1, id);
    dy_result *r = NULL;
    if (collect(db, q, &r, err)) return -1;
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
        case C_STR: *(const char **)at = col_str(q, c); break;
        case C_NSTR: *(const char **)at = dy_stmt_type(q, c) == DY_COL_NULL ? NULL : col_str(q, c); break;
        case C_DATE: snprintf(r->date, sizeof r->date, "%s", col_str(q, c)); break;
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
    events_from(db, from, sizeof from, o, dedup_of(o, DY_DEDUP_NONE), 1);
    snprintf(sql, sizeof sql,
             "SELECT " RECORD_COLS " FROM %s e JOIN documents d ON d.id = e.doc JOIN sentences s ON s.doc = e.doc AND s.no = e.sent %s",
             from, listing == 2 ? "ORDER BY e.day IS NULL, e.day DESC, e.id DESC LIMIT :limit OFFSET :offset"
                   : listing ? "ORDER BY e.day IS NULL, e.day, e.id LIMIT :limit OFFSET :offset" : "ORDER BY e.doc, e.id");
    dy_stmt *q;
    if (prepare(db, sql, &q, err)) return -1;
    bind_opts(q, o);
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
    if (bad) dberr(db, err);
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
