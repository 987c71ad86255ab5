/* dy_store.h - the corpus store: one SQLite file holding documents, sentences, events, facts
 * and actor mentions (schema in docs/schema.md).
 *
 * Invariants and ownership:
 *  - A dy_store owns its SQLite connection and prepared statements; dy_store_close() finalises
 *    them. Foreign keys are on; the journal is WAL, so readers (queries, the dashboard) never
 *    block the writer.
 *  - Writes happen inside dy_store_begin() / dy_store_commit(): one transaction per batch, so a
 *    crash or a kill leaves the database as it was after the last committed batch.
 *  - A document is known by the XXH3-128 hash of its text and metadata: adding one that is already
 *    stored adds nothing. With replace, a document of the same name and another hash is removed
 *    first (with its sentences, events, facts and mentions, by ON DELETE CASCADE).
 *  - A bulk load (dy_store_bulk_begin/_end) into a store without events drops the secondary
 *    indexes that an ingest fills in random order and builds them once at the end. meta holds
 *    ('indexes', 'deferred') from the transaction that dropped them to the one that rebuilt
 *    them, so after a crash in between the next DY_STORE_WRITE open rebuilds them; a
 *    DY_STORE_READ open meanwhile answers the same, only slower.
 *  - Summaries (schema 3; sums, doc_pairs and, since schema 5, node_sums, described in dy_store.c
 *    and docs/schema.md) hold what the dashboard's views count, per period and pair; triggers keep them equal to the
 *    events and mentions through every insert and delete, a bulk load and the migration from an
 *    older schema fill them at once, and meta 'sums' says they are there and up to date (the
 *    queries read the events without it).
 *  - A dy_store is used by one thread at a time (the server keeps one per worker): a read-only
 *    connection is opened without SQLite's own locking.
 *  - What a document adds is recorded first (dy_store_rows: bytes, no database, any thread) and
 *    written after (dy_store_add_rows); dy_store_add() is the two in a row, and ingest -j
 *    records on its workers and writes on one thread, in input order, so the ids are the same.
 *    Both backends write the same recorded rows (a postgresql:// store too, dy_store_pg.c).
 *    A long document coded in windows is written window by window instead (dy_store_win_*), in a
 *    savepoint, with the same rows and ids, in memory that does not grow with its length.
 *  - User input reaches SQL only as bound parameters.
 *  - The library never prints; every failure comes back as a status with err set.
 */
#ifndef DY_STORE_H
#define DY_STORE_H

#include <stddef.h>
#include <stdint.h>
#include "dy_events.h"
#include "dy_facts.h"
#include "dy_ingest.h"
#include "dy_util.h"

typedef struct dy_store dy_store;

enum { DY_STORE_READ = 0, DY_STORE_WRITE = 1 };

/* Opens (and with DY_STORE_WRITE creates) the database at path. */
dy_status dy_store_open(const char *path, int mode, dy_store **out, dy_err *err);
void dy_store_close(dy_store **s);
struct dy_db *dy_store_db(dy_store *s);      /* for the query module and the relations graph */
struct sqlite3 *dy_store_sqlite(dy_store *s); /* the SQLite connection (tests, bench); NULL for PostgreSQL */

dy_status dy_store_begin(dy_store *s, dy_err *err);
dy_status dy_store_commit(dy_store *s, dy_err *err);
void dy_store_rollback(dy_store *s);

/* Starts a bulk load, outside a transaction (before the first dy_store_begin()). When the store
 * holds no events yet, drops the deferred indexes (events_dyad, events_day, events_tgt,
 * mentions_code, facts_kind, documents_pubday) and records that in meta, in one transaction,
 * and returns 1. When it holds events, changes nothing and returns 0: the indexes are kept up to
 * date batch by batch. Returns -1 with err set on failure. */
int dy_store_bulk_begin(dy_store *s, dy_err *err);

/* Called with the name of each index about to be built (done of total so far; the summaries'
 * fill, "sums, doc_pairs", is the last), and with NULL and done == total when all are. */
typedef void (*dy_store_progress_fn)(void *ctx, const char *index, int done, int total);

/* Ends a bulk load, outside a transaction: builds the deferred indexes, fills the summaries and
 * makes their triggers, and removes the meta row, in one transaction; fn (may be NULL) hears of
 * each index. Does nothing when
 * dy_store_bulk_begin() deferred nothing. Call it also after a failed batch (rolled back), so the
 * committed ones are indexed; a store closed without it is rebuilt by the next write open. */
dy_status dy_store_bulk_end(dy_store *s, dy_store_progress_fn fn, void *ctx, dy_err *err);

/* What dy_store_add() did with a document. */
enum { DY_ADD_NEW = 1, DY_ADD_SAME = 2, DY_ADD_REPLACED = 3 };

/* Stores a document the coder has just coded (events, its sentences, and with opts.keep_actors
 * its actor mentions) and its facts (may be NULL). Returns DY_ADD_* or -1 with err set. */
int dy_store_add(dy_store *s, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, int replace, dy_err *err);

/* dy_store_add() in two halves, for coding on worker threads and writing on one (ingest -j):
 * dy_store_rows() appends to b the rows a document the coder has just coded will add (its hash,
 * the document, sentences, events, facts, mentions), as bytes that depend on nothing else (no
 * store, coder or document needed afterwards); it touches no database, so any thread may call it
 * with its own coder. dy_store_add_rows() writes such rows (n bytes) into the store as
 * dy_store_add() does, with the same ids in the same order; it returns DY_ADD_* or -1 with err. */
int dy_store_rows(dy_buf *b, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_err *err);
int dy_store_add_rows(dy_store *s, const char *rows, size_t n, int replace, dy_err *err);

/* A long document coded in windows (dy_coder_begin, dy_coder_next) with its facts read in windows
 * (dy_facts_window), stored as it goes: begin puts in the document's row (unless one of its hash
 * is there: then nothing is written) inside a savepoint of the current transaction, next after
 * each window (of the facts' pass) writes its events and their sentences and gathers its
 * mentions, end after dy_facts_end writes the facts, their sentences and the mentions, and
 * finish ends the savepoint: kept when ok, else undone, so a document that fails leaves nothing.
 * The rows are those dy_store_add() writes for the whole, in the same order, so the ids are the
 * same. SQLite writes them at once, with a page cache of a few MB and the text bound where it
 * is (no copy of it is kept); a PostgreSQL store gets them recorded into b and written at
 * finish. begin: NULL with err set on failure; next, end: 0, or -1 with err set (DY_EIO: the
 * store failed, DY_ENOMEM: memory); finish: DY_ADD_*, or -1 (with err set when ok). finish
 * frees w whatever happens. */
typedef struct dy_store_win dy_store_win;
/* How far (in bytes from its start) the document's text has been read by the store: what is
 * before that may be let go (dy_reader_release); 0: it is to be read again from its start. */
typedef void (*dy_store_behind_fn)(void *ctx, size_t upto);
/* The text is read DY_STORE_PIECE bytes at a time (hashed, then written), behind (may be NULL)
 * told after each piece. A text of more than DY_STORE_TEXT_MAX bytes is stored in pieces into
 * a zero BLOB of its length (sqlite3_blob_write), never whole in memory: its bytes are the
 * same, and every reader takes it by its bytes (CAST(text AS BLOB), sqlite3_column_text), but
 * typeof(text) is 'blob' and sqlite3 .dump shows it in hex. A shorter one is bound as TEXT,
 * which SQLite copies whole into the row it builds. */
#define DY_STORE_PIECE ((size_t)1 << 20)
#define DY_STORE_TEXT_MAX ((size_t)16 << 20)
dy_store_win *dy_store_win_begin(dy_store *s, dy_buf *b, const dy_doc *doc, int replace, dy_store_behind_fn behind, void *ctx,
                                 dy_err *err);
int dy_store_win_next(dy_store_win *w, const dy_doc *doc, const dy_coder *coder, dy_err *err);
int dy_store_win_end(dy_store_win *w, const dy_coder *coder, const dy_facts *facts, dy_err *err);
int dy_store_win_finish(dy_store_win **w, int ok, dy_err *err);

/* Calls fn for every stored document, rebuilt as a dy_doc (for dyad recode). fn returns 0 to go
 * on. Returns 0, or -1 with err set. */
int dy_store_each_doc(dy_store *s, int (*fn)(void *ctx, int64_t id, const dy_doc *doc), void *ctx, dy_err *err);
/* Replaces the coded content (events, facts, mentions, sentences) of stored document id. */
int dy_store_recode(dy_store *s, int64_t id, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_err *err);

#endif
