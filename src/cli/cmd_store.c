/* cmd_store.c - dyad query, dyad export, dyad recode: the corpus store from the command line. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "../dy_events.h"
#include "../dy_facts.h"
#include "../dy_out.h"
#include "../dy_query.h"
#include "../dy_relations.h"
#include "../dy_store.h"
#include "opts.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct qargs {
    dy_qopts q;
    const char *db;
    const char *format;     /* table, json, csv, tsv, graphml, dot, jsonl */
    const char *pos[3];     /* operands: WHAT, and relation's A B */
    int npos;
} qargs;

/* --dyad, --from ... as the library reads them (dy_qopts_set), by the option's name */
static int set_q(void *dst, const cli_opt *opt, const char *v)
{
    dy_err err = {0};
    if (dy_qopts_set(&((qargs *)dst)->q, opt->name, v, &err) == 0) return 0;
    cli_error("%s", err.msg);
    return -1;
}

static int set_json(void *dst, const cli_opt *opt, const char *v)
{
    (void)opt;
    (void)v;
    ((qargs *)dst)->format = "json";
    return 0;
}

enum { M_QUERY = 1, M_EXPORT = 2 };
#define AT(f) offsetof(qargs, f)

static const cli_opt store_opts[] = {
    {"db", 0, "FILE", "the database, made by 'dyad ingest --db FILE ...'", 0, CLI_TEXT, AT(db), 0, 0, NULL, NULL},
    {"format", 0, "FMT", "table (default), json, csv or tsv; networks also graphml, dot; events also jsonl, gdelt, plover",
     M_QUERY, CLI_TEXT, AT(format), 0, 0, NULL, NULL},
    {"format", 0, "FMT", "csv (default), tsv, jsonl, gdelt or plover (docs/schema.md)", M_EXPORT, CLI_TEXT, AT(format), 0, 0,
     NULL, NULL},
    {"json", 0, NULL, "JSON, as --format json", M_QUERY, CLI_FN, 0, 0, 0, set_json, NULL},
    {"dyad", 0, "A,B", "the events between A and B (both ways unless --directed)", 0, CLI_FN, 0, 0, 0, set_q, NULL},
    {"directed", 0, NULL, "--dyad A,B one way only: A to B", 0, CLI_FLAG, AT(q.directed), 1, 0, NULL, NULL},
    {"actor", 0, "X", "the events of one actor (RUS, or RUSGOV)", 0, CLI_FN, 0, 0, 0, set_q, NULL},
    {"from", 0, "DATE", "the first day: YYYY, YYYY-MM or YYYY-MM-DD", 0, CLI_FN, 0, 0, 0, set_q, NULL},
    {"to", 0, "DATE", "the last day (the end of a month or a year)", 0, CLI_FN, 0, 0, 0, set_q, NULL},
    {"dedup", 0, "HOW", "none, day (one event per source, target, code and day) or story", 0, CLI_FN, 0, 0, 0, set_q, NULL},
    {"by", 0, "PERIOD", "series: day, week, month (default) or year", M_QUERY, CLI_FN, 0, 0, 0, set_q, NULL},
    {"limit", 0, "N", "events, timeline, actors: rows at most (default 1000)", M_QUERY, CLI_FN, 0, 0, 0, set_q, NULL},
    {"offset", 0, "N", "rows to skip first (paging)", M_QUERY, CLI_FN, 0, 0, 0, set_q, NULL},
    {"as-of", 0, "DATE", "obligations: in force on that day", M_QUERY, CLI_FN, 0, 0, 0, set_q, NULL},
    {"if-attacked", 0, "C", "obligations: only towards country C", M_QUERY, CLI_FN, 0, 0, 0, set_q, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, 0, 0, NULL, NULL},
};

static const cli_cmd query_cmd = {
    "query", "WHAT --db FILE [options]", "Ask the corpus store a question: WHAT, listed below.", store_opts,
    "WHAT:\n"
    "  events                  the events, dated ones by date, then the undated\n"
    "  series --dyad A,B       events and Goldstein sums by --by period\n"
    "  network                 countries and the events between them\n"
    "  timeline --actor X      an actor's events and facts in time\n"
    "  relation A B            tier, treaties, stages, evidence, trade, latest events; as CSV or TSV\n"
    "                          one table, a row per claim (docs/schema.md)\n"
    "  actors                  actor codes, their mentions and names\n"
    "  obligations             who must assist whom under a mutual assistance clause\n"};
static const cli_cmd export_cmd = {
    "export", "--db FILE [options]", "Every stored event as records, in document order.", store_opts, NULL};

/* 0, 1 after --help, -1 after a problem (printed); operands (WHAT, A B) into a->pos */
static int parse(const cli_cmd *cmd, unsigned mode, int argc, char **argv, qargs *a)
{
    memset(a, 0, sizeof *a);
    dy_qopts_init(&a->q);
    int first, r = cli_parse(cmd, mode, argc, argv, a, &first);
    if (r) return r;
    for (int i = first; i < argc; i++) {
        if (a->npos == 3) { cli_error("too many arguments ('%s'); try 'dyad %s --help'", argv[i], cmd->name); return -1; }
        a->pos[a->npos++] = argv[i];
    }
    return 0;
}

/* after the operands are checked: the database is needed, the period in order */
static int check(const qargs *a)
{
    if (!a->db) { cli_error("give the database with --db FILE (made by 'dyad ingest --db FILE ...')"); return -1; }
    if (a->q.from > a->q.to) { cli_error("--from is after --to; give the earlier date first"); return -1; }
    return 0;
}

static int store_write_out(dy_buf *b)
{
    int bad = b->len && fwrite(b->data, 1, b->len, stdout) != b->len;
    b->len = 0;
    return bad;
}

static int flush_cb(void *ctx, dy_buf *b) { (void)ctx; return store_write_out(b); }

static int emit_result(const dy_result *r, const char *format, dy_buf *b)
{
    if (!format) format = "table";
    if (!strcmp(format, "json")) return dy_result_json(r, b);
    if (!strcmp(format, "csv")) return dy_result_sep(r, b, ',');
    if (!strcmp(format, "tsv")) return dy_result_sep(r, b, '\t');
    return dy_result_table(r, b);
}

/* 0, or the exit status: DYAD_EXIT_DB for a missing or foreign database, DYAD_EXIT_IO else. */
static int open_db(const qargs *a, dy_store **s)
{
    dy_err err = {0};
    if (!dy_db_is_pg(a->db) && access(a->db, F_OK) != 0) {
        cli_error("%s does not exist, and make it with 'dyad ingest --db %s FILE...'", a->db, a->db);
        return DYAD_EXIT_DB;
    }
    dy_status st = dy_store_open(a->db, DY_STORE_READ, s, &err);
    if (st) { cli_error("%s", err.msg); return st == DY_EINPUT ? DYAD_EXIT_DB : DYAD_EXIT_IO; }
    return 0;
}

/* Series and networks count dated events: say how many were left out for want of a date. */
static int undated_note(dy_db *db, const dy_qopts *q)
{
    long n = 0;
    dy_err err = {0};
    if (dy_query_undated(db, q, &n, &err) == 0 && n > 0)
        fprintf(stderr, "dyad: %ld event%s without a date %s in no period; 'dyad query events' and 'dyad export' list %s\n", n,
                n == 1 ? "" : "s", n == 1 ? "is" : "are", n == 1 ? "it" : "them");
    return 0;
}

int cmd_query(int argc, char **argv)
{
    static const char *const what[] = {"events", "series", "network", "timeline", "relation", "actors", "obligations", NULL};
    qargs a;
    int pr = parse(&query_cmd, M_QUERY, argc, argv, &a);
    if (pr) return pr > 0 ? DYAD_EXIT_OK : DYAD_EXIT_USAGE;
    if (!a.npos) { cli_error("say what to query: events, series, network, timeline, relation, actors or obligations"); return DYAD_EXIT_USAGE; }
    int w = -1;
    for (int i = 0; what[i]; i++) if (!strcmp(a.pos[0], what[i])) w = i;
    if (w < 0) { cli_error("unknown query '%s', and give one of events, series, network, timeline, relation, actors, obligations", a.pos[0]); return DYAD_EXIT_USAGE; }
    if (check(&a)) return DYAD_EXIT_USAGE;
    if (w == 1 && !a.q.a[0]) { cli_error("series needs --dyad A,B, such as --dyad RUS,PRK"); return DYAD_EXIT_USAGE; }
    if (w == 3 && !a.q.actor[0]) { cli_error("timeline needs --actor X, such as --actor PRK"); return DYAD_EXIT_USAGE; }
    if (w == 4) {
        dy_err err = {0};
        if (a.npos != 3) { cli_error("relation needs two country codes, such as 'dyad query relation --db news.db RUS PRK'"); return DYAD_EXIT_USAGE; }
        for (int i = 0; i < 2; i++)
            if (dy_query_actor(a.pos[i + 1], &err) || strlen(a.pos[i + 1]) != 3) {
                cli_error("%s", err.msg[0] ? err.msg : "relation takes country codes of three letters, such as RUS PRK");
                return DYAD_EXIT_USAGE;
            }
        memcpy(a.q.a, a.pos[1], 4);
        memcpy(a.q.b, a.pos[2], 4);
    } else if (a.npos > 1) { cli_error("unexpected argument '%s'; try 'dyad query --help'", a.pos[1]); return DYAD_EXIT_USAGE; }
    int evfmt = w == 0 && a.format && strcmp(a.format, "table") ? (!strcmp(a.format, "json") ? DY_FMT_JSON_ARRAY : cli_event_format(a.format)) : -1;
    if (w == 0 && a.format && strcmp(a.format, "table") && evfmt < 0) {
        cli_error("--format takes table, json, jsonl, csv, tsv, gdelt or plover for events");
        return DYAD_EXIT_USAGE;
    }
    if (a.format && w != 2 && w != 0 && strcmp(a.format, "json") && strcmp(a.format, "table") && strcmp(a.format, "csv") && strcmp(a.format, "tsv")) {
        cli_error("--format takes table, json, csv or tsv here (graphml and dot are for networks)");
        return DYAD_EXIT_USAGE;
    }
    dy_plover *plover = NULL;
    if (evfmt == DY_FMT_PLOVER && !(plover = cli_load_plover())) return DYAD_EXIT_DICT;
    dy_store *s = NULL;
    int orc = open_db(&a, &s);
    if (orc) { dy_plover_destroy(&plover); return orc; }
    dy_db *db = dy_store_db(s);
    dy_err err = {0};
    dy_buf out = {0};
    int rc = 0;
    dy_result *r = NULL, *r2 = NULL, *rel[DY_REL_N];
    switch (w) {
    case 0:
        rc = evfmt >= 0 ? dy_query_event_records(db, &a.q, evfmt, plover, &out, &err)
                        : dy_query_events(db, &a.q, &r, &err) || emit_result(r, a.format, &out);
        break;
    case 1: rc = dy_query_series(db, &a.q, &r, &err) || emit_result(r, a.format, &out) || undated_note(db, &a.q); break;
    case 3: rc = dy_query_timeline(db, &a.q, &r, &err) || emit_result(r, a.format, &out); break;
    case 5: rc = dy_query_actors(db, &a.q, &r, &err) || emit_result(r, a.format, &out); break;
    case 6: rc = dy_query_obligations(db, &a.q, &r, &err) || emit_result(r, a.format, &out); break;
    case 2: {
        const char *f = a.format ? a.format : "table";
        if (strcmp(f, "json") && strcmp(f, "graphml") && strcmp(f, "dot") && strcmp(f, "table") && strcmp(f, "csv") && strcmp(f, "tsv")) {
            cli_error("--format takes graphml, dot, json, csv, tsv or table for a network");
            rc = -2;
            break;
        }
        rc = dy_query_network(db, &a.q, &r, &r2, &err);
        if (!rc) {
            dy_qopts all = a.q;
            all.a[0] = all.b[0] = all.actor[0] = 0;
            undated_note(db, &all);
            if (!strcmp(f, "json")) rc = dy_network_json(r, r2, &out);
            else if (!strcmp(f, "graphml")) rc = dy_network_graphml(r, r2, &out);
            else if (!strcmp(f, "dot")) rc = dy_network_dot(r, r2, &out);
            else if (!strcmp(f, "csv") || !strcmp(f, "tsv")) rc = dy_result_sep(r2, &out, f[0] == 'c' ? ',' : '\t');   /* the edges: one loadable table */
            else rc = dy_buf_adds(&out, "nodes\n") || dy_result_table(r, &out) || dy_buf_adds(&out, "\nedges\n") || dy_result_table(r2, &out);
        }
        break;
    }
    case 4:
        if (a.format && !strcmp(a.format, "json")) { rc = dy_query_relation_json(db, &a.q, &out, NULL, &err); break; }
        if (a.format && (!strcmp(a.format, "csv") || !strcmp(a.format, "tsv"))) {      /* one loadable table */
            rc = dy_query_relation_table(db, &a.q, &r, &err) || emit_result(r, a.format, &out);
            break;
        }
        rc = dy_query_relation(db, &a.q, rel, &err);
        if (!rc) {
            rc |= dy_buf_printf(&out, "relation %s %s\n", a.q.a, a.q.b);
            for (int k = 0; k < DY_REL_N; k++) {
                rc |= dy_buf_printf(&out, "\n%s\n", dy_rel_names[k]);
                rc |= dy_result_rows(rel[k]) ? emit_result(rel[k], a.format, &out) : dy_buf_adds(&out, "(none)\n");
                dy_result_destroy(&rel[k]);
            }
        }
        break;
    }
    if (rc == -1 || (rc && err.msg[0])) cli_error("%s", err.msg[0] ? err.msg : "out of memory");
    if (rc && rc != -2 && !err.msg[0]) err.code = DY_ENOMEM;     /* a buffer that could not grow */
    if (!rc && store_write_out(&out)) { cli_error("cannot write the output, and check the disk or the pipe"); rc = -3; }
    dy_result_destroy(&r);
    dy_result_destroy(&r2);
    dy_buf_free(&out);
    dy_plover_destroy(&plover);
    dy_store_close(&s);
    return rc == 0 ? DYAD_EXIT_OK : rc == -2 ? DYAD_EXIT_USAGE : rc == -3 ? DYAD_EXIT_IO : cli_exit_for(&err, DYAD_EXIT_IO);
}

int cmd_export(int argc, char **argv)
{
    qargs a;
    int pr = parse(&export_cmd, M_EXPORT, argc, argv, &a);
    if (pr) return pr > 0 ? DYAD_EXIT_OK : DYAD_EXIT_USAGE;
    if (check(&a)) return DYAD_EXIT_USAGE;
    int fmt = cli_event_format(a.format ? a.format : "csv");
    if (fmt < 0 || a.npos) { cli_error("export takes --format csv, tsv, jsonl, gdelt or plover, and no other arguments"); return DYAD_EXIT_USAGE; }
    dy_plover *plover = NULL;
    if (fmt == DY_FMT_PLOVER && !(plover = cli_load_plover())) return DYAD_EXIT_DICT;
    dy_store *s = NULL;
    int orc = open_db(&a, &s);
    if (orc) { dy_plover_destroy(&plover); return orc; }
    dy_err err = {0};
    dy_buf out = {0};
    int rc = dy_query_export(dy_store_db(s), &a.q, fmt, plover, &out, flush_cb, NULL, &err);
    dy_plover_destroy(&plover);
    if (!rc && store_write_out(&out)) { rc = -1; dy_err_set(&err, DY_EIO, "cannot write the output, and check the disk or the pipe"); }
    if (fflush(stdout)) { rc = -1; dy_err_set(&err, DY_EIO, "cannot write the output, and check the disk or the pipe"); }
    if (rc) cli_error("%s", err.msg);
    dy_buf_free(&out);
    dy_store_close(&s);
    return rc ? cli_exit_for(&err, DYAD_EXIT_IO) : DYAD_EXIT_OK;
}

/* ---- recode ---- */
typedef struct recode_ctx {
    dy_store *w;
    dy_coder *coder;
    dy_facts *facts;
    size_t docs, events;
    dy_err err;
} recode_ctx;

static int recode_one(void *ctx, int64_t id, const dy_doc *doc)
{
    recode_ctx *c = ctx;
    if (dy_coder_code(c->coder, doc, &c->err) || dy_facts_extract(c->facts, c->coder, doc, &c->err) ||
        dy_store_recode(c->w, id, doc, c->coder, c->facts, &c->err))
        return -1;
    size_t n;
    dy_coder_events(c->coder, &n);
    c->docs++;
    c->events += n;
    return 0;
}

typedef struct recode_opts { const char *db, *dict; } recode_opts;
static const cli_opt recode_table[] = {
    {"db", 0, "FILE", "the database to re-code", 0, CLI_TEXT, offsetof(recode_opts, db), 0, 0, NULL, NULL},
    {"dict", 0, "DIR", "dictionary directory (default: $DYAD_DICT, or dict/ beside the program)", 0, CLI_TEXT,
     offsetof(recode_opts, dict), 0, 0, NULL, NULL},
    {NULL, 0, NULL, NULL, 0, 0, 0, 0, 0, NULL, NULL},
};
static const cli_cmd recode_cmd = {"recode", "--db FILE [--dict DIR]",
                                   "Re-code the stored documents with the current dictionaries, in one transaction.",
                                   recode_table, NULL};

int cmd_recode(int argc, char **argv)
{
    recode_opts ro = {NULL, NULL};
    int first, pr = cli_parse(&recode_cmd, 0, argc, argv, &ro, &first);
    if (pr) return pr > 0 ? DYAD_EXIT_OK : DYAD_EXIT_USAGE;
    if (first < argc) { cli_error("recode takes --db FILE and optionally --dict DIR, not '%s'", argv[first]); return DYAD_EXIT_USAGE; }
    const char *db = ro.db, *dictdir = ro.dict;
    if (!db) { cli_error("recode needs --db FILE, the database to re-code with the current dictionaries"); return DYAD_EXIT_USAGE; }
    if (!dy_db_is_pg(db) && access(db, F_OK) != 0) { cli_error("%s does not exist, and make it with 'dyad ingest --db %s FILE...'", db, db); return DYAD_EXIT_DB; }
    int drc;
    dy_dict *dict = cli_load_dict(dictdir, &drc);
    if (!dict) return drc;
    recode_ctx c = {0};
    dy_coder_opts co = {0, 0, 1, DY_CONV_DYAD};
    c.coder = dy_coder_create(dict, &co);
    c.facts = dy_facts_create(dict);
    int rc = DYAD_EXIT_OK;
    if (!c.coder || !c.facts) { cli_error("out of memory"); rc = DYAD_EXIT_NOMEM; goto done; }
    if (dy_store_open(db, DY_STORE_WRITE, &c.w, &c.err) || dy_store_begin(c.w, &c.err)) { cli_error("%s", c.err.msg); rc = DYAD_EXIT_IO; goto done; }
    /* one transaction: the database holds the old coding or the new one, never half of each */
    if (dy_store_each_doc(c.w, recode_one, &c, &c.err) || dy_relations_build(dy_store_db(c.w), dict, &c.err) ||
        dy_store_commit(c.w, &c.err)) {
        cli_error("%s; nothing was changed", c.err.msg);
        dy_store_rollback(c.w);
        rc = cli_exit_for(&c.err, DYAD_EXIT_IO);
        goto done;
    }
    fprintf(stderr, "dyad: %s: re-coded %zu documents, %zu events\n", db, c.docs, c.events);
done:
    dy_store_close(&c.w);
    dy_facts_destroy(&c.facts);
    dy_coder_destroy(&c.coder);
    dy_dict_destroy(&dict);
    return rc;
}
