/* dy_relations.h - the relations graph: the facts of a store resolved to entities. One record per
 * treaty between the same parties, whatever the sources call it, with its aliases, its stages
 * (proposed, signed, ratified by each party, in force, suspended, ended), its clauses and every
 * fact behind each; and per pair of states the tiers of partnership named over time.
 *
 * Invariants and ownership:
 *  - dy_relations_build() reads the facts table and rewrites the entity tables (treaties,
 *    treaty_claims, tiers, tier_claims; docs/schema.md) in one savepoint, so readers see the old
 *    graph or the new one. It is a pure function of the stored facts: run it after any change of
 *    them (dyad ingest and dyad recode do).
 *  - Facts of one treaty are linked by what the dictionary says of their names (the kinds of
 *    dict/facts.txt: "mutual defence treaty" and a treaty with a mutual assistance clause are of a
 *    kind; a trade agreement is not), by the words of their names, and by their dates (two
 *    signings weeks apart are two treaties; a ratification before a signing is of another).
 *    No country name is in the code.
 *  - Claims are never merged away: where sources disagree (a signing on the 19th and on the
 *    21st), every claim stays, each with its fact; the record's date is the best-supported one.
 *  - Nothing here prints; failures come back with err set.
 */
#ifndef DY_RELATIONS_H
#define DY_RELATIONS_H

#include "dy_dict.h"
#include "dy_util.h"

#include "dy_sql.h"

/* Rebuilds the entity tables from the facts of db (opened for writing). dict gives the words that
 * say nothing of a treaty's identity ("the", "new", "treaty", "agreement"). 0, or -1 with err. */
int dy_relations_build(dy_db *db, const dy_dict *dict, dy_err *err);

/* How a treaty fact fits a treaty record, for the tests: the score (> 0) with which the mention
 * (name, kinds "defence,trade", clauses DY_CLAUSE_*, stage DY_STAGE_*, date "YYYY[-MM[-DD]]" or "",
 * publication date of its source or "") joins a record built from one earlier mention, or 0 when
 * it cannot be the same treaty. */
double dy_relations_match(const dy_dict *dict, const char *name1, const char *kinds1, unsigned clauses1, int stage1,
                          const char *date1, const char *name2, const char *kinds2, unsigned clauses2, int stage2,
                          const char *date2, const char *pub2);

#endif
