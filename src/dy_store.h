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
struct sqlite3 *dy_store_db(dy_store *s);     /* for the query module */

dy_status dy_store_begin(dy_store *s, dy_err *err);
dy_status dy_store_commit(dy_store *s, dy_err *err);
void dy_store_rollback(dy_store *s);

/* What dy_store_add() did with a document. */
enum { DY_ADD_NEW = 1, DY_ADD_SAME = 2, DY_ADD_REPLACED = 3 };

/* Stores a document the coder has just coded (events, its sentences, and with opts.keep_actors
 * its actor mentions) and its facts (may be NULL). Returns DY_ADD_* or -1 with err set. */
int dy_store_add(dy_store *s, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, int replace, dy_err *err);

/* Calls fn for every stored document, rebuilt as a dy_doc (for dyad recode). fn returns 0 to go
 * on. Returns 0, or -1 with err set. */
int dy_store_each_doc(dy_store *s, int (*fn)(void *ctx, int64_t id, const dy_doc *doc), void *ctx, dy_err *err);
/* Replaces the coded content (events, facts, mentions, sentences) of stored document id. */
int dy_store_recode(dy_store *s, int64_t id, const dy_doc *doc, const dy_coder *coder, const dy_facts *facts, dy_err *err);

#endif
