/* dy_import.h - dyad dict import --from petrarch: PETRARCH/TABARI dictionaries to a dyad set.
 *
 * Invariants and ownership:
 *  - dy_import_petrarch() reads the PETRARCH-format files of one directory: *.actors.txt,
 *    *.agents.txt, *.discards.txt and the verb files (*verb*.txt and CAMEO.*.txt: PETRARCH-1
 *    surface patterns, and of PETRARCH-2's CAMEO.2.0.txt what applies without a parse tree).
 *  - It writes a complete dyad dictionary directory, usable alone with --dict: actors.txt and
 *    verbs.txt from the import; agents.txt (dyad's, merged with the imported agents, the
 *    imported role winning a phrase both name); cameo.txt (dyad's, plus the codes the imported
 *    verbs use that CAMEO lacks, at Goldstein 0); boilerplate.txt (dyad's, plus the discard
 *    phrases); grammar.txt and relations.txt copied. Other *.txt in the output directory are
 *    left alone, so write to an empty one (dyad would read them as actor files).
 *  - Nothing is dropped silently: whatever cannot be expressed, or is only approximated, is one
 *    line "file:line: why" (file relative to the input directory) appended to the caller's
 *    report; the number of such lines is returned.
 *  - The output loads: phrase conflicts are settled here (the first definition wins), every code
 *    written is in the cameo.txt written, every pattern word is one dyad token.
 *  - PETRARCH's word classes (&NAME) are expanded inline into {a|b} sets (or repeated patterns
 *    where a member has several words); its slots map to dyad's: + the target T, $ the source S
 *    (or the subject), % a compound subject (sym), ^ a gap, [A:B] codes to flag pair=B.
 *  - The library never prints. The caller owns report and err; no state outlives the call.
 */
#ifndef DY_IMPORT_H
#define DY_IMPORT_H

#include <stddef.h>
#include "dy_util.h"

typedef struct dy_import_stats {
    size_t actor_phrases;   /* phrases written to actors.txt */
    size_t agent_phrases;   /* imported agent phrases written to agents.txt */
    size_t patterns;        /* lines written to verbs.txt */
    size_t discards;        /* globs added to boilerplate.txt */
    size_t codes_added;     /* codes added to cameo.txt */
    size_t files;           /* input files read */
} dy_import_stats;

/* Imports indir into outdir (created if missing), taking the copied files from dyad_dict.
 * Returns the number of report lines, or -1 with err set when nothing usable could be written
 * (an unreadable directory, no PETRARCH files, a write error). stats may be NULL. */
int dy_import_petrarch(const char *indir, const char *dyad_dict, const char *outdir, dy_buf *report,
                       dy_import_stats *stats, dy_err *err);

#endif
