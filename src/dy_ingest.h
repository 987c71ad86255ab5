/* dy_ingest.h - the readers: plain-text articles and JSON Lines streams, checked and parsed.
 *
 * Invariants and ownership:
 *  - A reader yields one dy_doc at a time and owns its bytes until the next call or close:
 *    the corpus is streamed, never held whole (one article at most, up to DY_MAX_DOC bytes).
 *    A plain-text regular file is mapped, not read, so that a long article need not be in
 *    memory whole: its pages are read as they are touched and let go with dy_reader_release.
 *  - Every document handed out is valid UTF-8 with no NUL byte and no line over DY_MAX_LINE;
 *    a document that is not gets -1 and an err naming file and line, and the reader goes on.
 *  - Header lines (Title:, Date:, Source:, URL:) and datelines ("Release Date : 2024-06-21")
 *    set the metadata; doc->body is where the coded text starts.
 */
#ifndef DY_INGEST_H
#define DY_INGEST_H

#include <stddef.h>
#include <stdint.h>
#include "dy_dates.h"
#include "dy_util.h"

#define DY_MAX_DOC (64u * 1024 * 1024)
#define DY_MAX_LINE (1024u * 1024)
#define DY_MAX_RECORD ((size_t)64 * 1024 * 1024)    /* default longest JSON Lines record */
#define DY_MAX_MAPPED ((size_t)2 << 30)     /* the longest article a reader may map (offsets are 32-bit) */

typedef enum { DY_IN_TEXT = 0, DY_IN_JSONL = 1 } dy_input;

typedef struct dy_doc {
    const char *id;         /* the file name as given, or the JSONL id */
    const char *title, *source, *url;   /* NULL when absent */
    dy_date pub;            /* publication date; prec NONE when unknown */
    const char *pub_from;   /* "header", "dateline", "jsonl" or NULL */
    const char *text;       /* the document's bytes (a JSONL record's decoded "text") */
    size_t len;
    size_t body;            /* offset of the body in text */
    size_t body_line;       /* 1-based line of the body in text */
    size_t record_line;     /* JSONL: the record's line in the stream; 0 for files */
} dy_doc;

typedef struct dy_reader dy_reader;

/* path "-" reads standard input. */
dy_status dy_reader_open(const char *path, dy_input fmt, dy_reader **out, dy_err *err);
/* JSON Lines: the longest record kept, in bytes (0: DY_MAX_RECORD). A longer one is skipped to
 * its newline without being held, with -1 and an err naming file:line; reading goes on. */
void dy_reader_set_max_record(dy_reader *r, size_t max);
/* Plain text: the longest regular file taken (0: DY_MAX_DOC; at most DY_MAX_MAPPED), for a
 * caller that codes it in windows (dy_coder_next). Only a file that can be mapped may pass
 * DY_MAX_DOC: one that cannot, and standard input, are read whole, up to DY_MAX_DOC. */
void dy_reader_set_max_doc(dy_reader *r, size_t max);
/* 1: *doc is the next document; 0: end of input; -1: this document is bad (err says why;
 * call again for the next one; err->code is DY_ENOMEM when memory for it ran out); -2: the
 * input cannot be read on (err says why). */
int dy_reader_next(dy_reader *r, dy_doc *doc, dy_err *err);
void dy_reader_close(dy_reader **r);
/* The current document's bytes before offset upto will not be needed soon: a mapped file's
 * pages are let go (they are read again if touched). A hint; no effect on a read document.
 * upto 0: the document is to be read again from its start (releases go on from there). */
void dy_reader_release(dy_reader *r, size_t upto);

/* A mapped file cut short while it is read (truncated by another program) would stop the
 * process with SIGBUS where the coder touches a page past its new end. A program that maps
 * (dyad code, facts) calls dy_reader_fault(si_addr) from its SIGBUS handler: 1 when the address
 * is in a reader's map, whose rest now reads as zeros, so the run goes on; 0 otherwise (the
 * handler lets the signal stop the process). It is async-signal-safe. dy_reader_changed then
 * says so: -1 with err naming the file (the document's events are not to be trusted), else 0;
 * check it after each window and before a document is handed out. */
int dy_reader_fault(const void *addr);
int dy_reader_changed(const dy_reader *r, dy_err *err);

/* JSON Lines in two steps, so that records can be parsed on worker threads: the next non-blank
 * line (valid until the next call; 1, 0 at the end, -1 a record skipped as for dy_reader_next,
 * -2 read error), then one record parsed into
 * doc, whose strings live in *rec (made on first use, reused after; free with dy_record_free).
 * dy_record_parse returns 1, or -1 for a bad record (err names name:lineno). */
typedef struct dy_record dy_record;
int dy_reader_next_line(dy_reader *r, const char **line, size_t *n, size_t *lineno, dy_err *err);
const char *dy_reader_name(const dy_reader *r);
/* Bytes read from the stream so far (read ahead of the documents handed out by up to 256 KiB):
 * for a progress line. */
uint64_t dy_reader_bytes(const dy_reader *r);
int dy_record_parse(const char *name, size_t lineno, const char *line, size_t n, dy_doc *doc, dy_record **rec, dy_err *err);
void dy_record_free(dy_record **rec);

/* Checks and parses one plain-text document held by the caller (used by tests and fuzzers).
 * name is used in messages. Header values are copied into *scratch, which the caller frees
 * with free() (start with NULL; it is reused from call to call). Returns 0, or -1 with err set. */
int dy_doc_parse_text(const char *name, const char *text, size_t len, dy_doc *doc, char **scratch, dy_err *err);
/* Checks UTF-8, NUL bytes and line lengths; line numbers in messages start at line0
 * (0: messages name no line, for a JSONL record whose name already holds one). */
int dy_text_check(const char *name, const char *s, size_t n, size_t line0, dy_err *err);

/* Sharding (dyad code --shard K/N): part K of N of the documents, counting from 0, so that N
 * processes given the same inputs code every document exactly once. A document goes to part
 * XXH3-64(key) mod N, by a key that does not depend on the order of the inputs or on -j:
 *  - a plain-text file: its name without the folders (the file is skipped unread);
 *  - a JSON Lines record: its "id"; a record without one (id line-N), or one that cannot be
 *    parsed: the stream's name without the folders, ':' and its line number.
 * n == 0 means no sharding: every document is in. */
typedef struct dy_shard { unsigned k, n; } dy_shard;
/* "K/N" with 0 <= K < N <= DY_SHARD_MAX; 0, or -1 with err set. */
#define DY_SHARD_MAX 1000000u
int dy_shard_parse(const char *s, dy_shard *out, dy_err *err);
int dy_shard_has_file(const dy_shard *sh, const char *path);
int dy_shard_has_record(const dy_shard *sh, const char *stream, size_t lineno, const char *id);

#endif
