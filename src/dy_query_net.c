/* dy_query_net.c - the questions answered from the summaries kept at ingest (the data's extent,
 * a series) and the network, tallied here; the rest of the store's questions are in dy_query.c. */
#include "dy_query_int.h"
#include "dy_dates.h"
#include "dy_out.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the summaries (dy_store.c: sums, doc_pairs) ----
 * Kept up to date at ingest so that a series, a network and a relation read a few rows per
 * period instead of every event. A SQLite store says they are there and up to date with meta
 * 'sums'; without it (an older store opened to read, a bulk load under way, PostgreSQL) the
 * queries read the events, with the same answers. */
int dyq_has_sums(dy_db *db)
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
    return o->a[0] && strcmp(o->a, "IGO") && strcmp(o->b, "IGO") && (dedup == DY_DEDUP_NONE || dedup == DY_DEDUP_DAY) && dyq_has_sums(db);
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
    snprintf(sql, sizeof sql, "SELECT count(*) FROM events e WHERE %s AND e.day IS NULL", dyq_event_filter(o));
    dy_stmt *q;
    if (dyq_prepare(db, sql, &q, err)) return -1;
    dyq_bind_opts(q, o);
    *n = dy_stmt_step(q) == 1 ? (long)dy_stmt_col_int(q, 0) : 0;
    dy_stmt_finalize(&q);
    return 0;
}

int dy_query_extent_json(dy_db *db, const dy_qopts *o, dy_buf *b, dy_err *err)
{
    char sql[2048];
    const char *f = dyq_event_filter(o);
    int open = o->from == INT32_MIN && o->to == INT32_MAX;      /* then undated events count too */
    /* each its own statement, so that min, max and count(*) take an index's shortcuts */
    snprintf(sql, sizeof sql,
             "SELECT date((SELECT min(e.day) FROM events e WHERE %s AND " IN_PERIOD ") * 86400, 'unixepoch'), "
             "date((SELECT max(e.day) FROM events e WHERE %s AND " IN_PERIOD ") * 86400, 'unixepoch'), "
             "(SELECT count(*) FROM events e WHERE %s%s), (SELECT count(*) FROM events e WHERE %s AND e.day IS NULL AND %d = 1)",
             f, f, f, open ? "" : " AND " IN_PERIOD, f, open);
    dy_stmt *q;
    if (dyq_prepare(db, sql, &q, err)) return -1;
    dyq_bind_opts(q, o);
    if (dy_stmt_step(q) != 1) { dyq_dberr(db, err); dy_stmt_finalize(&q); return -1; }
    int e = dy_buf_adds(b, "{\"first\":");
    for (int c = 0; c < 2; c++) {
        const char *v = dy_stmt_col_text(q, c);
        e |= (c ? dy_buf_adds(b, ",\"last\":") : 0) | (v ? dy_buf_printf(b, "\"%s\"", v) : dy_buf_adds(b, "null"));
    }
    e |= dy_buf_printf(b, ",\"events\":%lld,\"undated\":%lld,\"codes\":[", (long long)dy_stmt_col_int(q, 2),
                       (long long)dy_stmt_col_int(q, 3));
    dy_stmt_finalize(&q);
    /* the codes of the store, each once: a skip through the src3 and tgt3 indexes, not a scan */
    if (dyq_prepare(db,
                "WITH RECURSIVE s(c) AS (SELECT min(src3) FROM events UNION ALL SELECT (SELECT min(src3) FROM events WHERE src3 > s.c) FROM s WHERE s.c IS NOT NULL), "
                "t(c) AS (SELECT min(tgt3) FROM events UNION ALL SELECT (SELECT min(tgt3) FROM events WHERE tgt3 > t.c) FROM t WHERE t.c IS NOT NULL) "
                "SELECT c FROM s WHERE c IS NOT NULL UNION SELECT c FROM t WHERE c IS NOT NULL ORDER BY 1",
                &q, err))
        return -1;
    int rc, n = 0;
    while ((rc = dy_stmt_step(q)) == 1) {
        const char *c = dyq_col_str(q, 0);
        e |= dy_buf_adds(b, n++ ? "," : "") | dy_json_string(b, c, strlen(c));
    }
    if (rc != 0) dyq_dberr(db, err);
    dy_stmt_finalize(&q);
    if (rc != 0) return -1;
    e |= dy_buf_adds(b, "]}\n");
    if (e) { dy_err_set(err, DY_ENOMEM, "out of memory"); return -1; }
    return 0;
}

int dy_query_events(dy_db *db, const dy_qopts *o, dy_result **out, dy_err *err)
{
    char from[1024], sql[2048];
    dyq_events_from(db, from, sizeof from, o, dyq_dedup_of(o, DY_DEDUP_NONE), 1);
    snprintf(sql, sizeof sql,
             "SELECT coalesce(e.date, 'undated') AS date, e.source, e.target, e.code, e.quad, e.goldstein, d.name AS doc, e.sent, " SENT_TEXT " AS text, "
             "e.doc AS doc_id, e.id AS event_id "
             "FROM %s e JOIN documents d ON d.id = e.doc JOIN sentences s ON s.doc = e.doc AND s.no = e.sent "
             "ORDER BY e.day IS NULL, e.day, e.id LIMIT :limit OFFSET :offset",
             from);
    return dyq_select_all(db, sql, o, out, err);
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
    int dedup = dyq_dedup_of(o, DY_DEDUP_DAY), sums = series_sums(db, o, dedup);
    dy_qopts w = *o;
    if (w.from == INT32_MIN || w.to == INT32_MAX) {     /* the dyad's own first and last day */
        char sql[1024];
        if (sums) snprintf(sql, sizeof sql, "SELECT min(lo), max(hi) FROM (" SUMS_ENDS(":a", ":b", "") " UNION ALL "
                                            SUMS_ENDS(":b", ":a", " AND :undirected = 1") ") x");
        else snprintf(sql, sizeof sql, "SELECT min(e.day), max(e.day) FROM events e WHERE %s AND e.day BETWEEN :from AND :to", dyq_event_filter(o));
        dy_stmt *q;
        if (dyq_prepare(db, sql, &q, err)) return -1;
        dyq_bind_opts(q, o);
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
            return dyq_dberr(db, err), -1;
        const char *d = dedup == DY_DEDUP_DAY ? "d" : "";
        snprintf(from, sizeof from,
                 "SELECT date(start * 86400, 'unixepoch', %s) AS s, sum(%sn) AS n, sum(%sg) / 10.0 AS gs, sum(%sq1) AS q1, sum(%sq2) AS q2, "
                 "sum(%sq3) AS q3, sum(%sq4) AS q4 FROM sums INDEXED BY sums_pair WHERE %s AND " SUMS_DYAD " GROUP BY 1",
                 start[o->by], d, d, d, d, d, d, cond);
    } else {
        char ev[1024];
        dyq_events_from(db, ev, sizeof ev, o, dedup, 0);
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
    if (dyq_prepare(db, sql, &q, err)) return -1;
    dyq_bind_opts(q, &w);
    return dyq_collect(db, q, out, err);
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
void dyq_fixed_text(char *b, long long v, int scale)
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
static dy_result *tally_result(tally *t, const char *const *cols, size_t ncol, size_t nkey, const int *scale, int skip, int cap,
                               void (*nums)(const tally_slot *s, long long *v, void *ctx), void *ctx)
{
    size_t n = t->n, from;
    tally_slot **order = malloc((n ? n : 1) * sizeof *order);
    if (!order) return NULL;
    for (size_t i = 0; i < n; i++) order[i] = &t->s[i];
    if (cap > 0 && n > (size_t)cap) {
        busiest_first(order, n, (size_t)cap);
        n = (size_t)cap;
    }
    if (n) qsort(order, n, sizeof *order, by_count);
    from = skip > 0 ? (size_t)skip < n ? (size_t)skip : n : 0;     /* the rows before a page */
    n -= from;
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
        const char *key = order[from + i]->key;
        for (size_t k = 0; k < nkey; k++) {
            x[k].type = DY_COL_TEXT;
            x[k].s = p;
            while (*key && *key != '\t') *p++ = *key++;
            *p++ = 0;
            if (*key) key++;
        }
        long long v[4] = {0};
        nums(order[from + i], v, ctx);
        for (size_t k = nkey; k < ncol; k++) {
            int sc = scale[k - nkey];
            x[k].num = sc ? (double)v[k - nkey] / (sc == 1 ? 10 : 100) : (double)v[k - nkey];
            x[k].type = sc ? DY_COL_FLOAT : DY_COL_INT;
            x[k].exact = 1;
            x[k].s = p;
            if (sc) dyq_fixed_text(p, v[k - nkey], sc);
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
            snprintf(cur, sizeof cur, "%lld|%s|%s|%s", (long long)dy_stmt_col_int(q, 3), dyq_col_str(q, 4), dyq_col_str(q, 5), dyq_col_str(q, 6));
            if (!strcmp(cur, prev)) continue;
            memcpy(prev, cur, sizeof prev);
        }
        const char *a = dyq_col_str(q, 0), *b = dyq_col_str(q, 1);
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
    if (!bad && rc != 0) dyq_dberr(db, err);
    dy_stmt_finalize(&q);
    if (bad) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    return rc == 0 ? 0 : -1;
}

/* The network with dedup day of all time (lvl 3), or of one whole month or year (lvl 1, 2, the
 * month or year of day start), without reading every pair: the busiest cap edges (0: all) but
 * the first skip (a page's: the SQL's order is the tally's, count then key) in order from
 * sums_top (all time; schema 4) or sums_rank (schema 5), each node's events from node_sums (of
 * all time, schema 4's sums_nodes) and its mentions from its row of the period. 1 when the store has neither (a
 * reader of an older store) or a code is longer than the tally cuts keys at (the caller tallies
 * every pair, as before); else 0, or -1 with err. The '---' nodes (an actor of unknown country)
 * are left out, as tally_add does. */
static int network_top(dy_db *db, int lvl, int32_t start, int skip, int cap, tally *edges, tally *nodes, tally *mentions, dy_err *err)
{
    char sql[512];
    dy_stmt *q;
    if (lvl == 3) snprintf(sql, sizeof sql, "SELECT src, tgt, dn, dg FROM sums INDEXED BY sums_top WHERE lvl = 3 AND tgt <> '' AND dn > 0 "
                                            "AND src NOT GLOB '-*' AND tgt NOT GLOB '-*' ORDER BY dn DESC, src, tgt LIMIT :limit OFFSET :offset");
    else snprintf(sql, sizeof sql, "SELECT src, tgt, dn, dg FROM sums INDEXED BY sums_rank WHERE lvl IN (1, 2) AND lvl = %d AND start = %ld "
                                   "AND tgt <> '' AND dn > 0 AND src NOT GLOB '-*' AND tgt NOT GLOB '-*' ORDER BY dn DESC, src, tgt "
                                   "LIMIT :limit OFFSET :offset", lvl, (long)start);
    if (dy_stmt_prepare(db, sql, &q)) return 1;
    dyq_bind_limit(q, 1, cap > 0 ? (cap > skip ? cap - skip : 0) : -1);
    dy_stmt_int(q, 2, skip);
    int rc, bad = 0, cut = 0;
    while (!bad && !cut && (rc = dy_stmt_step(q)) == 1) {
        const char *s = dyq_col_str(q, 0), *t = dyq_col_str(q, 1);
        if (!(cut = strlen(s) >= 17 || strlen(t) >= 17)) bad = tally_edge(edges, s, t, (long)dy_stmt_col_int(q, 2), dy_stmt_col_int(q, 3), 1);
    }
    dy_stmt_finalize(&q);
    snprintf(sql, sizeof sql, "SELECT x.node, x.dn, coalesce(s.m, 0) FROM node_sums x LEFT JOIN sums s ON s.lvl = x.lvl AND s.start = x.start "
                              "AND s.src = x.node AND s.tgt = '' WHERE x.lvl = %d AND x.start = %ld AND x.dn > 0 AND x.node NOT GLOB '-*'",
             lvl, (long)start);
    int found = !bad && !cut && rc == 0 && !dy_stmt_prepare(db, sql, &q);
    if (!found && !bad && !cut && rc == 0 && lvl == 3) {   /* a reader of a schema 4 store: all time only, a row a node */
        snprintf(sql, sizeof sql, "SELECT x.node, x.dn, coalesce(s.m, 0) FROM sums_nodes x LEFT JOIN sums s ON s.lvl = 3 AND s.start = 0 "
                                  "AND s.src = x.node AND s.tgt = '' WHERE x.dn > 0 AND x.node NOT GLOB '-*'");
        found = !dy_stmt_prepare(db, sql, &q);
    }
    if (found) {
        while (!bad && !cut && (rc = dy_stmt_step(q)) == 1) {
            const char *c = dyq_col_str(q, 0);
            if ((cut = strlen(c) >= 17)) break;
            tally_slot *m = tally_node(nodes, c, (long)dy_stmt_col_int(q, 1)) ? NULL : tally_at(mentions, c);
            if (!(bad = !m)) m->n += (long)dy_stmt_col_int(q, 2);
        }
        dy_stmt_finalize(&q);
    } else if (!bad && !cut && rc == 0) cut = 1;    /* no such summaries: an older store, read as before */
    if (bad) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    if (rc != 0 && !cut) return dyq_dberr(db, err), -1;
    if (!cut) return 0;
    tally_free(edges);
    tally_free(nodes);
    tally_free(mentions);
    return 1;
}

/* The one month or year (lvl 1 or 2, and its first day in *start) that cond, a condition of
 * sums_period, is: 0 when it is one, else -1. */
static int one_period(const char *cond, int *lvl, int32_t *start)
{
    long lo, hi;
    int end = 0;
    if (sscanf(cond, "((lvl = %d AND start BETWEEN %ld AND %ld))%n", lvl, &lo, &hi, &end) != 3 || cond[end] || lo != hi || *lvl < 1 || *lvl > 2)
        return -1;
    *start = (int32_t)lo;
    return 0;
}

/* The network's tallies from the sums: the edges and nodes of the period's rows (n and g, or dn
 * and dg with dedup day), and each node's mentions (its rows with tgt ''). */
static int network_sums(dy_db *db, const dy_qopts *o, int dedup, tally *edges, tally *nodes, tally *mentions, int *skipped,
                        dy_err *err)
{
    char cond[512], sql[1024];
    if (sums_period(db, o->from, o->to, 3, cond, sizeof cond)) return dyq_dberr(db, err), -1;
    /* the all-time rows (the whole network) hold each pair once: its edges need no lookup; so do
     * one month's or year's, read a page at a time too */
    int lvl = 3;
    int32_t start = 0;
    int unique = !strcmp(cond, "lvl = 3") || !one_period(cond, &lvl, &start);
    int top = unique && dedup == DY_DEDUP_DAY ? network_top(db, lvl, start, o->skip, o->cap, edges, nodes, mentions, err) : 1;
    *skipped = top == 0;        /* the edges are the page's already */
    if (top <= 0) return top;
    const char *d = dedup == DY_DEDUP_DAY ? "d" : "";
    snprintf(sql, sizeof sql, "SELECT src, tgt, %sn, %sg, m FROM sums WHERE %s", d, d, cond);
    dy_stmt *q;
    if (dyq_prepare(db, sql, &q, err)) return -1;
    int rc, bad = 0;
    /* the rows come in key order, a period's by source: a source's events are summed over its
     * run of rows and looked up once (the targets each row) */
    char run[sizeof edges->s->key] = "";
    long run_n = 0;
    while (!bad && (rc = dy_stmt_step(q)) == 1) {
        const char *s = dyq_col_str(q, 0), *t = dyq_col_str(q, 1);
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
    if (!bad && rc != 0) dyq_dberr(db, err);
    dy_stmt_finalize(&q);
    if (bad) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
    return rc == 0 ? 0 : -1;
}

int dy_query_network(dy_db *db, const dy_qopts *o, dy_result **nodes, dy_result **edges, dy_err *err)
{
    *nodes = *edges = NULL;
    dy_qopts all = *o;      /* a network is of every actor */
    all.a[0] = all.b[0] = all.actor[0] = 0;
    int dedup = dyq_dedup_of(o, DY_DEDUP_DAY);
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
        dyq_events_from(db, from, sizeof from, &all, dedup, 0);
        snprintf(sql, sizeof sql, "SELECT %s FROM %s e", cols, from);
    }
    tally te = {0}, tn = {0}, tm = {0};
    dy_stmt *q;
    int sums = (dedup == DY_DEDUP_DAY || dedup == DY_DEDUP_NONE) && dyq_has_sums(db), rc;
    int skipped = 0;
    if (sums) rc = network_sums(db, o, dedup, &te, &tn, &tm, &skipped, err);
    else rc = dyq_prepare(db, sql, &q, err) || (dyq_bind_opts(q, &all), tally_rows(db, q, dedup == DY_DEDUP_DAY, &te, &tn, err));
    /* each node's mentions in the documents of the period */
    if (!rc && !sums) rc = dyq_prepare(db, "SELECT " NODE_OF("m.code3", "m.code") ", sum(m.n) FROM mentions m JOIN documents d ON d.id = m.doc "
                              "WHERE coalesce(d.pubday, 0) BETWEEN :from AND :to GROUP BY 1", &q, err);
    if (!rc && !sums) {
        dyq_bind_opts(q, &all);
        while ((rc = dy_stmt_step(q)) == 1) {
            tally_slot *x = tally_at(&tm, dyq_col_str(q, 0));
            if (!x) break;
            x->n += (long)dy_stmt_col_int(q, 1);
        }
        rc = rc == 0 ? 0 : rc == 1 ? (dy_err_set(err, DY_ENOMEM, "out of memory"), -1) : (dyq_dberr(db, err), -1);
        dy_stmt_finalize(&q);
    }
    static const char *const ecols[] = {"source", "target", "events", "goldstein", "mean_goldstein"};
    static const char *const ncols[] = {"code", "mentions", "events"};
    static const int eint[] = {0, 1, 2}, nint[] = {0, 0};
    if (!rc && (!(*edges = tally_result(&te, ecols, 5, 2, eint, skipped ? 0 : o->skip, skipped ? 0 : o->cap, edge_nums, NULL)) ||
                !(*nodes = tally_result(&tn, ncols, 3, 1, nint, o->skip, o->cap, node_nums, &tm)))) {
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
