/* dy_relations.c - the facts of a store resolved to treaty and tier records (dy_relations.h). */
#include "dy_relations.h"
#include "dy_dates.h"
#include "dy_facts.h"
#include "dy_lex.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAXKINDS 32

/* The kinds met in one build, a bit each (dict/facts.txt "kind NAME"). */
typedef struct kindtab { char name[MAXKINDS][16]; int n; } kindtab;

static uint32_t kind_bits(kindtab *kt, const char *s)
{
    uint32_t bits = 0;
    while (s && *s) {
        size_t n = strcspn(s, ",");
        if (n && n < 16) {
            int k = 0;
            while (k < kt->n && (strlen(kt->name[k]) != n || strncmp(kt->name[k], s, n))) k++;
            if (k == kt->n && kt->n < MAXKINDS) snprintf(kt->name[kt->n++], 16, "%.*s", (int)n, s);
            if (k < kt->n) bits |= 1u << k;
        }
        s += n + (s[n] == ',');
    }
    return bits;
}

/* A clause says a kind too: a treaty with a mutual assistance clause is a defence treaty, whatever
 * its name (the kind names are dict/facts.txt's). In the order of DY_CLAUSE_*. */
static const char *const clause_kind[4] = {"defence", "peace", "defence", "finance"};
static const char *const clause_name[4] = {"mutual_assistance", "non_aggression", "military_cooperation", "trade_settlement"};

static uint32_t clause_kinds(kindtab *kt, uint32_t clauses)
{
    uint32_t bits = 0;
    for (int k = 0; k < 4; k++) if (clauses & (1u << k)) bits |= kind_bits(kt, clause_kind[k]);
    return bits;
}

/* ---- dates ---- */
static dy_date parse_date(const char *s)
{
    dy_date d;
    memset(&d, 0, sizeof d);
    d.prec = DY_PREC_NONE;
    size_t n = s ? strlen(s) : 0;
    if (n < 4 || s[0] < '0' || s[0] > '9') return d;
    d.y = (int16_t)atoi(s);
    d.prec = DY_PREC_YEAR;
    if (n >= 7) { d.m = (int8_t)atoi(s + 5); d.prec = DY_PREC_MONTH; }
    if (n >= 10) { d.d = (int8_t)atoi(s + 8); d.prec = DY_PREC_DAY; }
    return d;
}

/* a before (-1), with (0) or after (1) b at the precision both have; 2 when either has none */
static int dcmp(dy_date a, dy_date b)
{
    if (a.prec == DY_PREC_NONE || b.prec == DY_PREC_NONE) return 2;
    int p = a.prec < b.prec ? a.prec : b.prec;
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (p >= DY_PREC_MONTH && a.m != b.m) return a.m < b.m ? -1 : 1;
    if (p >= DY_PREC_DAY && a.d != b.d) return a.d < b.d ? -1 : 1;
    return 0;
}

/* Two signing dates of one treaty: within a week (wire stories date "this week" by their own
 * day), or the same at the precision both have. */
static int same_signing(dy_date a, dy_date b)
{
    if (a.prec == DY_PREC_DAY && b.prec == DY_PREC_DAY) {
        int64_t d = dy_date_days(a) - dy_date_days(b);
        return d >= -7 && d <= 7;
    }
    return dcmp(a, b) == 0;
}

/* ---- names ---- */
/* The content words of a treaty's name, lower case, each between spaces: the words that say
 * nothing of which treaty it is (articles, prepositions, treaty nouns of dict/facts.txt, "new")
 * left out. "Treaty on Comprehensive Strategic Partnership" -> " comprehensive strategic partnership ". */
static void name_tokens(const dy_dict *dict, const char *name, char *out, size_t cap)
{
    static const char *const plain[] = {"and", "new", "first", "such", "landmark", "historic", "bilateral", "s", NULL};
    size_t n = 0;
    out[n++] = ' ';
    out[n] = 0;
    for (const char *p = name; *p;) {
        char w[64];
        size_t k = 0;
        while (*p && !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80)) p++;
        while (*p && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || (unsigned char)*p >= 0x80)) {
            if (k + 1 < sizeof w) w[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
            p++;
        }
        w[k] = 0;
        if (!k) continue;
        int skip = 0;
        for (int i = 0; plain[i] && !skip; i++) skip = !strcmp(w, plain[i]);
        uint32_t id = dict ? dy_lex_find(dy_dict_lex(dict), w, k) : 0;
        if (id && !skip) {
            skip = (dy_dict_wclass(dict, id) & (DY_WC_DET | DY_WC_PREP)) != 0;
            int32_t node = dy_dict_step(dict, DY_TRIE_FACT, 0, id);
            const dy_factword *fw = node >= 0 ? dy_dict_factword(dict, dy_dict_payload(dict, DY_TRIE_FACT, node)) : NULL;
            if (fw && (fw->classes & (DY_FW_TREATY | DY_FW_TREATY_NAMED))) skip = 1;
        }
        if (skip || n + k + 2 >= cap) continue;
        char key[72];
        snprintf(key, sizeof key, " %s ", w);
        if (strstr(out, key)) continue;
        memcpy(out + n, w, k);
        n += k;
        out[n++] = ' ';
        out[n] = 0;
    }
}

static int ntokens(const char *t)
{
    int n = 0;
    for (const char *p = t; *p; p++) if (*p == ' ' && p[1]) n++;
    return n;
}

/* The share of a's words that b has. */
static double overlap(const char *a, const char *b)
{
    int n = 0, hit = 0;
    for (const char *p = a; *p && p[1];) {
        const char *e = strchr(p + 1, ' ');
        if (!e) break;
        char key[72];
        size_t k = (size_t)(e - p) + 1;
        if (k < sizeof key) {
            memcpy(key, p, k);
            key[k] = 0;
            n++;
            hit += strstr(b, key) != NULL;
        }
        p = e;
    }
    return n ? (double)hit / n : 0;
}

/* ---- mentions and records ---- */
typedef struct mention {
    int64_t fact, doc;
    int kind, stage, order, entity;
    char parties[64], name[128], party[16], toks[160];
    uint32_t kinds, ckinds, clauses;   /* kinds from its name, from its clauses */
    dy_date date, pub;
} mention;

typedef struct entity {
    char parties[64], toks[512];
    uint32_t kinds;     /* from its names and its clauses */
    dy_date sign;       /* the signing date claimed first at the best precision */
    dy_date later;      /* the earliest date of a later stage */
} entity;

static int signing_claim(const mention *m)
{
    return m->date.prec != DY_PREC_NONE && (m->stage == DY_STAGE_SIGNED || (m->stage == DY_STAGE_NONE && m->kind == DY_FACT_TREATY));
}

/* How well mention m fits record e (> 0), or 0 when it cannot be the same treaty. */
static double fit(const mention *m, const entity *e)
{
    int mt = ntokens(m->toks), et = ntokens(e->toks);
    double sim = mt ? overlap(m->toks, e->toks) : 0;
    /* names of other kinds, or other words, are other treaties; a bare "the treaty" fits any,
     * whatever its clauses (a partnership treaty may hold a mutual assistance clause) */
    if ((m->kinds || mt) && (e->kinds || et) && !(m->kinds & e->kinds) && sim <= 0.5) return 0;
    if (signing_claim(m)) {
        if (e->sign.prec != DY_PREC_NONE && !same_signing(m->date, e->sign)) return 0;
        if (dcmp(m->date, e->later) == 1 && m->stage == DY_STAGE_SIGNED) return 0;
    } else if (m->stage > DY_STAGE_SIGNED && dcmp(m->date, e->sign) == -1) return 0;
    else if (m->stage == DY_STAGE_PROPOSED && dcmp(m->date, e->sign) == 1) return 0;
    /* a source written before the signing speaks of another treaty, unless of a proposal */
    if (m->date.prec == DY_PREC_NONE && m->stage != DY_STAGE_PROPOSED && dcmp(m->pub, e->sign) == -1) return 0;
    double s = 1 + sim;
    for (uint32_t k = (m->kinds | m->ckinds) & e->kinds; k; k &= k - 1) s += 2;
    if (signing_claim(m) && dcmp(m->date, e->sign) == 0) s += 1;
    /* an undated mention: the record signed nearest before its source */
    if (m->date.prec == DY_PREC_NONE && m->pub.prec != DY_PREC_NONE && e->sign.prec != DY_PREC_NONE)
        s += 0.5 / (1 + (m->pub.y - e->sign.y));
    return s;
}

static void join(entity *e, const mention *m)
{
    e->kinds |= m->kinds | m->ckinds;
    for (const char *p = m->toks; *p && p[1];) {
        const char *q = strchr(p + 1, ' ');
        if (!q) break;
        char key[72];
        size_t k = (size_t)(q - p) + 1;
        if (k < sizeof key) {
            memcpy(key, p, k);
            key[k] = 0;
            size_t n = strlen(e->toks);
            if (!strstr(e->toks, key) && n + k < sizeof e->toks) {
                if (!n) e->toks[n++] = ' ';
                memcpy(e->toks + n, key + 1, k - 1);
                e->toks[n + k - 1] = 0;
            }
        }
        p = q;
    }
    if (signing_claim(m) && (e->sign.prec == DY_PREC_NONE || m->date.prec > e->sign.prec)) e->sign = m->date;
    if (m->stage > DY_STAGE_SIGNED && m->date.prec != DY_PREC_NONE && (e->later.prec == DY_PREC_NONE || dcmp(m->date, e->later) == -1))
        e->later = m->date;
}

static int rel_cmp_mention(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    int c = strcmp(x->parties, y->parties);
    if (c) return c;
    if (x->order != y->order) return x->order - y->order;
    c = dcmp(x->date, y->date);
    if (c == -1 || c == 1) return c;
    return x->fact < y->fact ? -1 : x->fact > y->fact;
}

static int cmp_by_entity(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    if (x->entity != y->entity) return x->entity - y->entity;
    return x->fact < y->fact ? -1 : x->fact > y->fact;
}

/* Which record mention i joins among those of its parties (mentions from g, records from first);
 * -1 for a new one. */
static int best_entity(const mention *v, size_t g, size_t i, const entity *ents, int first, int nent)
{
    const mention *m = &v[i];
    /* a stage told of the treaty named before in its document: that treaty's record */
    if (m->kind == DY_FACT_STAGE)
        for (size_t j = g; j < i; j++)
            if (v[j].entity >= first && v[j].kind == DY_FACT_TREATY && v[j].doc == m->doc && !strcmp(v[j].name, m->name) &&
                fit(m, &ents[v[j].entity]) > 0)
                return v[j].entity;
    int best = -1;
    double bs = 0;
    for (int e = first; e < nent; e++) {
        double s = fit(m, &ents[e]);
        if (s > bs) { bs = s; best = e; }
    }
    return best;
}

static int load_mentions(dy_db *db, const dy_dict *dict, kindtab *kt, mention **out, size_t *n, dy_err *err)
{
    dy_stmt *q = NULL;
    const char *sql = "SELECT f.id, f.doc, f.kind, f.actors, coalesce(f.label, ''), f.kinds, f.clauses, f.stage, f.party, f.date, d.pub "
                      "FROM facts f JOIN documents d ON d.id = f.doc WHERE f.kind IN ('treaty', 'treaty_stage')";
    if (dy_stmt_prepare(db, sql, &q)) {
        dy_err_set(err, DY_EIO, "relations: %s", dy_db_errmsg(db));
        return -1;
    }
    mention *v = NULL;
    size_t cap = 0;
    *n = 0;
    int rc;
    while ((rc = dy_stmt_step(q)) == 1) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            mention *nv = realloc(v, cap * sizeof *nv);
            if (!nv) { free(v); dy_stmt_finalize(&q); dy_err_set(err, DY_ENOMEM, "out of memory"); return -1; }
            v = nv;
        }
        mention *m = &v[(*n)++];
        memset(m, 0, sizeof *m);
        m->fact = dy_stmt_col_int(q, 0);
        m->doc = dy_stmt_col_int(q, 1);
        m->kind = strcmp(dy_stmt_col_text(q, 2), "treaty") ? DY_FACT_STAGE : DY_FACT_TREATY;
        snprintf(m->parties, sizeof m->parties, "%s", dy_stmt_col_text(q, 3));
        snprintf(m->name, sizeof m->name, "%s", dy_stmt_col_text(q, 4));
        m->clauses = (uint32_t)dy_stmt_col_int(q, 6);
        m->kinds = kind_bits(kt, dy_stmt_col_text(q, 5));
        m->ckinds = clause_kinds(kt, m->clauses);
        const char *st = dy_stmt_col_text(q, 7);
        m->stage = st ? dy_stage_of(st) : 0;
        snprintf(m->party, sizeof m->party, "%s", dy_stmt_col_text(q, 8) ? dy_stmt_col_text(q, 8) : "");
        m->date = parse_date(dy_stmt_col_text(q, 9));
        m->pub = parse_date(dy_stmt_col_text(q, 10));
        name_tokens(dict, m->name, m->toks, sizeof m->toks);
        /* signings first, the most precise first: they anchor a record; then later stages, then
         * what gives no date, then stages told of a treaty named before */
        int dated = m->date.prec != DY_PREC_NONE;
        m->order = m->kind == DY_FACT_STAGE ? (dated ? 4 : 5) : !dated ? 3 : signing_claim(m) ? (m->date.prec == DY_PREC_DAY ? 0 : 1) : 2;
    }
    dy_stmt_finalize(&q);
    if (rc != 0) { free(v); dy_err_set(err, DY_EIO, "relations: %s", dy_db_errmsg(db)); return -1; }
    *out = v;
    return 0;
}

/* Resolves the mentions (sorted) to records; *nent of them in *out. */
static int resolve(mention *v, size_t n, entity **out, int *nent)
{
    entity *ents = NULL;
    int ne = 0, cap = 0, first = 0;
    size_t g = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(v[i].parties, v[i - 1].parties)) { first = ne; g = i; }
        int e = best_entity(v, g, i, ents, first, ne);
        if (e < 0) {
            if (ne == cap) {
                cap = cap ? cap * 2 : 16;
                entity *ne2 = realloc(ents, (size_t)cap * sizeof *ne2);
                if (!ne2) { free(ents); return -1; }
                ents = ne2;
            }
            e = ne++;
            memset(&ents[e], 0, sizeof ents[e]);
            snprintf(ents[e].parties, sizeof ents[e].parties, "%s", v[i].parties);
            ents[e].sign.prec = ents[e].later.prec = DY_PREC_NONE;
        }
        v[i].entity = e;
        join(&ents[e], &v[i]);
    }
    *out = ents;
    *nent = ne;
    return 0;
}

/* The record's name: its most frequent proper name (capitalised), else its most frequent name
 * that says which treaty it is, the longer on a tie. */
static const char *canonical(const mention *v, size_t n, int e)
{
    const char *best = "";
    int bs = -1;
    for (size_t i = 0; i < n; i++) {
        if (v[i].entity != e || v[i].kind != DY_FACT_TREATY) continue;
        int c = 0;
        for (size_t j = 0; j < n; j++) c += v[j].entity == e && v[j].kind == DY_FACT_TREATY && !strcasecmp(v[j].name, v[i].name);
        int s = (v[i].name[0] >= 'A' && v[i].name[0] <= 'Z') * 100000 + (ntokens(v[i].toks) > 0) * 10000 + c * 200 + (int)strlen(v[i].name);
        if (s > bs) { bs = s; best = v[i].name; }
    }
    if (bs < 0)
        for (size_t i = 0; i < n; i++) if (v[i].entity == e) return v[i].name;
    return best;
}

/* The date of a stage: the most precise claim, then the one most sources give, then the earliest. */
static void rel_stage_date(const mention *v, size_t n, int e, int stage, char out[16])
{
    const mention *best = NULL;
    int bc = 0;
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const mention *m = &v[i];
        if (m->entity != e || m->stage != stage || m->date.prec == DY_PREC_NONE) continue;
        int c = 0;
        for (size_t j = 0; j < n; j++)
            c += v[j].entity == e && v[j].stage == stage && v[j].date.prec == m->date.prec && dcmp(v[j].date, m->date) == 0;
        if (!best || m->date.prec > best->date.prec || (m->date.prec == best->date.prec && (c > bc || (c == bc && dcmp(m->date, best->date) == -1)))) {
            best = m;
            bc = c;
        }
    }
    if (best) dy_date_format(best->date, out);
}

static int exec(dy_db *db, const char *sql, dy_err *err) { return dy_db_exec(db, sql, "relations", err); }

static void bind_or_null(dy_stmt *q, int i, const char *s)
{
    if (s && *s) dy_stmt_str(q, i, s);
    else dy_stmt_null(q, i);
}

static int step_reset(dy_stmt *q)
{
    int rc = dy_stmt_step(q);
    dy_stmt_reset(q);
    return rc == 0 ? 0 : -1;
}

/* One claim row: what a fact says of a record (its alias, a stage, a clause). */
static int claim(dy_stmt *q, int e, const mention *m, const char *what, const char *value, const char *party, int with_date)
{
    char d[16] = "";
    if (with_date) dy_date_format(m->date, d);
    dy_stmt_int(q, 1, e + 1);
    dy_stmt_int(q, 2, m->fact);
    dy_stmt_str(q, 3, what);
    dy_stmt_str(q, 4, value);
    bind_or_null(q, 5, party);
    bind_or_null(q, 6, d);
    return step_reset(q);
}

static int write_entity(dy_stmt *qt, dy_stmt *qc, const mention *v, size_t n, const entity *ent, int e, const kindtab *kt)
{
    char clauses[96] = "", kinds[160] = "", signed_[16], in_force[16], ended[16];
    uint32_t cl = 0;
    int status = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i].entity == e) {
            cl |= v[i].clauses;
            if (v[i].stage > status) status = v[i].stage;
        }
    for (int k = 0; k < 4; k++)
        if (cl & (1u << k)) snprintf(clauses + strlen(clauses), sizeof clauses - strlen(clauses), "%s%s", clauses[0] ? "," : "", clause_name[k]);
    for (int k = 0; k < kt->n; k++)
        if (ent->kinds & (1u << k)) snprintf(kinds + strlen(kinds), sizeof kinds - strlen(kinds), "%s%s", kinds[0] ? "," : "", kt->name[k]);
    rel_stage_date(v, n, e, DY_STAGE_SIGNED, signed_);
    rel_stage_date(v, n, e, DY_STAGE_IN_FORCE, in_force);
    rel_stage_date(v, n, e, DY_STAGE_ENDED, ended);
    dy_stmt_int(qt, 1, e + 1);
    dy_stmt_str(qt, 2, ent->parties);
    dy_stmt_str(qt, 3, canonical(v, n, e));
    bind_or_null(qt, 4, kinds);
    bind_or_null(qt, 5, clauses);
    bind_or_null(qt, 6, status ? dy_stage_name(status) : "");
    bind_or_null(qt, 7, signed_);
    bind_or_null(qt, 8, in_force);
    bind_or_null(qt, 9, ended);
    if (step_reset(qt)) return -1;
    for (size_t i = 0; i < n; i++) {
        const mention *m = &v[i];
        if (m->entity != e) continue;
        if (m->kind == DY_FACT_TREATY && claim(qc, e, m, "alias", m->name, NULL, 0)) return -1;
        if (m->stage && claim(qc, e, m, "stage", dy_stage_name(m->stage), m->party, 1)) return -1;
        for (int k = 0; k < 4; k++)
            if ((m->clauses & (1u << k)) && claim(qc, e, m, "clause", clause_name[k], NULL, 0)) return -1;
    }
    return 0;
}

/* Tiers: one record per pair and tier as named, with its first and latest date and its claims;
 * the current one is the tier the latest source names (the higher on a tie). */
static const char tiers_sql[] =
    "INSERT INTO tiers(parties, tier, rank, since, latest, claims) "
    "SELECT f.actors, lower(f.label), max(CAST(f.value AS INTEGER)), min(coalesce(f.date, d.pub)), max(coalesce(f.date, d.pub)), count(*) "
    "FROM facts f JOIN documents d ON d.id = f.doc WHERE f.kind = 'partnership' GROUP BY f.actors, lower(f.label);"
    "INSERT INTO tier_claims(tier, fact, date) SELECT t.id, f.id, coalesce(f.date, d.pub) "
    "FROM facts f JOIN documents d ON d.id = f.doc JOIN tiers t ON t.parties = f.actors AND t.tier = lower(f.label) "
    "WHERE f.kind = 'partnership';"
    "UPDATE tiers SET current = 1 WHERE id IN (SELECT (SELECT t2.id FROM tiers t2 WHERE t2.parties = p.parties "
    " ORDER BY t2.latest IS NULL, t2.latest DESC, t2.rank IS NULL, t2.rank DESC, t2.id LIMIT 1) FROM (SELECT DISTINCT parties FROM tiers) p);";

/* v sorted by record. */
static int write_all(dy_db *db, const mention *v, size_t n, const entity *ents, const kindtab *kt, dy_err *err)
{
    /* PostgreSQL: TRUNCATE also starts the tiers' ids from 1 again, as SQLite's rowids do, and
     * its lock makes concurrent rebuilds (two ingests ending) take turns */
    if (exec(db, dy_db_kind(db) == DY_DB_PG ? "TRUNCATE treaty_claims, treaties, tier_claims, tiers RESTART IDENTITY"
                                            : "DELETE FROM treaty_claims; DELETE FROM treaties; DELETE FROM tier_claims; DELETE FROM tiers;", err))
        return -1;
    dy_stmt *qt = NULL, *qc = NULL;
    int r = 0;
    if (dy_stmt_prepare(db, "INSERT INTO treaties(id, parties, name, kinds, clauses, status, signed, in_force, ended) "
                            "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)", &qt) ||
        dy_stmt_prepare(db, "INSERT INTO treaty_claims(treaty, fact, what, value, party, date) VALUES(?1,?2,?3,?4,?5,?6)", &qc))
        r = -1;
    /* each record's mentions side by side: the per-record work is on its own slice */
    for (size_t lo = 0, hi; lo < n && !r; lo = hi) {
        for (hi = lo + 1; hi < n && v[hi].entity == v[lo].entity;) hi++;
        r = write_entity(qt, qc, v + lo, hi - lo, &ents[v[lo].entity], v[lo].entity, kt);
    }
    if (r) dy_err_set(err, DY_EIO, "relations: %s", dy_db_errmsg(db));
    dy_stmt_finalize(&qt);
    dy_stmt_finalize(&qc);
    return r ? -1 : exec(db, tiers_sql, err);
}

int dy_relations_build(dy_db *db, const dy_dict *dict, dy_err *err)
{
    kindtab kt;
    memset(&kt, 0, sizeof kt);
    mention *v = NULL;
    entity *ents = NULL;
    size_t n = 0;
    int ne = 0;
    /* a savepoint inside the caller's transaction; PostgreSQL outside one needs its own */
    int own = dy_db_kind(db) == DY_DB_PG && PQtransactionStatus(dy_db_pg_handle(db)) == PQTRANS_IDLE;
    if (exec(db, own ? "BEGIN" : "SAVEPOINT relations", err)) return -1;
    int r = load_mentions(db, dict, &kt, &v, &n, err);
    if (!r) {
        if (n) qsort(v, n, sizeof *v, rel_cmp_mention);     /* qsort(NULL, 0) is undefined */
        r = resolve(v, n, &ents, &ne);
        if (r) dy_err_set(err, DY_ENOMEM, "out of memory");
    }
    if (!r) {
        if (n) qsort(v, n, sizeof *v, cmp_by_entity);
        r = write_all(db, v, n, ents, &kt, err);
    }
    free(v);
    free(ents);
    if (r) {
        dy_err e2 = {0};
        exec(db, own ? "ROLLBACK" : "ROLLBACK TO relations; RELEASE relations", &e2);
        return -1;
    }
    return exec(db, own ? "COMMIT" : "RELEASE relations", err);
}

double dy_relations_match(const dy_dict *dict, const char *name1, const char *kinds1, unsigned clauses1, int stage1,
                          const char *date1, const char *name2, const char *kinds2, unsigned clauses2, int stage2,
                          const char *date2, const char *pub2)
{
    kindtab kt;
    memset(&kt, 0, sizeof kt);
    mention m[2];
    memset(m, 0, sizeof m);
    const char *names[2] = {name1, name2}, *kinds[2] = {kinds1, kinds2}, *dates[2] = {date1, date2};
    unsigned cl[2] = {clauses1, clauses2};
    int st[2] = {stage1, stage2};
    for (int i = 0; i < 2; i++) {
        m[i].kind = DY_FACT_TREATY;
        snprintf(m[i].name, sizeof m[i].name, "%s", names[i]);
        m[i].clauses = cl[i];
        m[i].kinds = kind_bits(&kt, kinds[i]);
        m[i].ckinds = clause_kinds(&kt, cl[i]);
        m[i].stage = st[i];
        m[i].date = parse_date(dates[i]);
        m[i].pub.prec = DY_PREC_NONE;
        name_tokens(dict, m[i].name, m[i].toks, sizeof m[i].toks);
    }
    m[1].pub = parse_date(pub2);
    entity e;
    memset(&e, 0, sizeof e);
    e.sign.prec = e.later.prec = DY_PREC_NONE;
    join(&e, &m[0]);
    return fit(&m[1], &e);
}
