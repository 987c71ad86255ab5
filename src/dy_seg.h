/* dy_seg.h - segmentation: body lines to paragraphs to sentences of tokens.
 *
 * Invariants and ownership:
 *  - Boilerplate lines (dict/boilerplate.txt), datelines among the first lines, and a line that
 *    repeats the line before it (a caption printed twice) produce no sentence.
 *  - A line break ends a sentence unless the text is visibly wrapped (the next line starts in
 *    lower case, or the line ends with a comma, hyphen or function word).
 *  - Sentences are numbered from 1 in body order; spans are byte offsets into doc->text.
 *  - The segmenter owns the token, sentence and normalised-text arrays it returns; they stay
 *    valid until the next dy_seg_doc() or dy_seg_next() call, and their capacity is reused (no
 *    per-token malloc).
 *  - A document may be segmented in windows (dy_seg_begin, then dy_seg_next until it returns 0):
 *    a window ends only where a paragraph ends, so its sentences, their numbers, lines and spans
 *    are those of the whole document segmented at once; only the arrays hold one window.
 */
#ifndef DY_SEG_H
#define DY_SEG_H

#include <stddef.h>
#include <stdint.h>
#include "dy_dict.h"
#include "dy_ingest.h"
#include "dy_tok.h"

#define DY_MAX_SENT_TOKENS 200

typedef struct dy_sent {
    uint32_t start, end;    /* byte span in doc->text */
    uint32_t tok0, ntok;    /* tokens */
    uint32_t line;          /* 1-based line in doc->text where it starts */
    uint32_t no;            /* 1-based sentence number in the body */
} dy_sent;

typedef struct dy_seg dy_seg;

dy_seg *dy_seg_create(const dy_dict *dict);
void dy_seg_destroy(dy_seg **s);
/* Segments one document. Returns 0, or -1 with err set (out of memory). */
int dy_seg_doc(dy_seg *s, const dy_doc *doc, dy_err *err);
/* Windows: dy_seg_begin starts the document; each dy_seg_next segments the next window of at
 * least window bytes (to the end of the paragraph under way; SIZE_MAX: the rest) into the
 * arrays, replacing the last window's. 1: a window (it may hold no sentence); 0: the document
 * is done; -1: out of memory (err set). doc->text must hold the whole document throughout. */
void dy_seg_begin(dy_seg *s, const dy_doc *doc);
int dy_seg_next(dy_seg *s, const dy_doc *doc, size_t window, dy_err *err);
/* The document's index (from 0) of the window's first sentence. */
uint32_t dy_seg_first(const dy_seg *s);
/* Where the next window starts: the text before it has been segmented. */
size_t dy_seg_pos(const dy_seg *s);
const dy_tok *dy_seg_toks(const dy_seg *s);
const dy_sent *dy_seg_sents(const dy_seg *s, size_t *n);
const dy_buf *dy_seg_norm(const dy_seg *s);

#endif
