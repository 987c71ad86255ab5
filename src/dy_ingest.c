/* dy_ingest.c - readers for plain text and JSON Lines (cJSON). */
#define _DEFAULT_SOURCE     /* madvise, MAP_ANONYMOUS */
#define _POSIX_C_SOURCE 200809L
#include "dy_ingest.h"

#include <errno.h>
#include <cJSON.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>
#include <xxhash.h>

struct dy_reader {
    char *path;         /* as given */
    FILE *f;
    int own_file;
    dy_input fmt;
    int done;
    char *buf;          /* text: the file; jsonl: the current line */
    size_t cap;
    size_t line;        /* jsonl: current line number */
    dy_record *rec;     /* jsonl: the current record */
    char *in;           /* jsonl: bytes read ahead (IOBUF), in[ipos..ilen) not yet taken */
    size_t ipos, ilen;
    int eof;            /* jsonl: the stream has ended, or failed with errno rerr */
    int rerr;
    int skipping;       /* jsonl: inside a record over max_rec, dropping bytes to its newline */
    size_t max_rec;     /* jsonl: longest record kept, in bytes without its line break */
    char idbuf[64];
    char *hdr;          /* copies of header values for the current document */
    char *iobuf;        /* the stdio buffer of a file we opened (freed after fclose) */
    uint64_t nread;     /* bytes read from the stream so far (dy_reader_bytes) */
    char *map;          /* text: a regular file mapped (map_len bytes, zeros after the file), or NULL */
    size_t map_len;
    size_t released;    /* its pages before this offset have been let go */
    size_t max_doc;     /* text: the longest regular file taken (a mapped one may pass DY_MAX_DOC) */
    int spool;          /* text: standard input copied into an unlinked temporary file, or -1 */
    int guard;          /* text: the slot of guards[] watching the map, or -1 */
};

enum { IOBUF = 1 << 18 };

static void guard_take(dy_reader *r);
static void guard_drop(dy_reader *r);

/* "name:line" or, when line numbers are not wanted (line0 == 0), "name". */
static const char *where(char *buf, size_t cap, const char *name, size_t line0, size_t line)
{
    if (line0) snprintf(buf, cap, "%s:%zu", name, line);
    else snprintf(buf, cap, "%s", name);
    return buf;
}

/* dy_text_check on a piece of a document that starts at byte off of it, on line line0 (a line
 * break ends the piece): *line_end is the line after it. */
static int text_check_at(const char *name, const char *s, size_t n, size_t line0, size_t off, size_t *line_end, dy_err *err)
{
    char at[600];
    size_t line = line0, line_start = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        /* eight bytes at a time while none is outside ASCII or below 0x0E (a line break, a NUL;
         * the rarer tab and other controls below it take the byte loop too) */
        for (; i + 8 <= n; i += 8) {
            uint64_t w = dy_load64(u + i);
            if ((w & DY_HIGHS) || dy_has_less(w, 0x0e)) break;
        }
        if (i >= n) break;
        unsigned c = u[i];
        if (c == '\n' || c == '\r') {        /* LF, CRLF or a lone CR */
            if (i - line_start > DY_MAX_LINE) goto toolong;
            if (c == '\r' && i + 1 < n && u[i + 1] == '\n') i++;
            line++;
            line_start = ++i;
            continue;
        }
        if (c == 0) {
            dy_err_set(err, DY_EINPUT, "%s: NUL byte at byte offset %zu; this is not a text file", where(at, sizeof at, name, line0, line), off + i);
            return -1;
        }
        if (c < 0x80) { i++; continue; }
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
        if (l < 0) {
            dy_err_set(err, DY_EINPUT, "%s: invalid UTF-8 at byte offset %zu; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)", where(at, sizeof at, name, line0, line), off + i);
            return -1;
        }
        i += (size_t)l;
    }
    if (n - line_start > DY_MAX_LINE) goto toolong;
    *line_end = line;
    return 0;
toolong:
    dy_err_set(err, DY_EINPUT, "%s: line longer than %u bytes; break the text into lines or paragraphs", where(at, sizeof at, name, line0, line), DY_MAX_LINE);
    return -1;
}

int dy_text_check(const char *name, const char *s, size_t n, size_t line0, dy_err *err)
{
    size_t line;
    return text_check_at(name, s, n, line0, 0, &line, err);
}

/* A header line "Key: value" with a known key. Returns the key index or -1. */
static int header_key(const char *s, size_t n, size_t *vstart)
{
    static const char *keys[] = {"title", "date", "source", "url"};
    for (int k = 0; k < 4; k++) {
        size_t kl = strlen(keys[k]);
        if (n > kl && dy_strncaseeq(s, keys[k], kl)) {
            size_t j = kl;
            while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
            if (j < n && s[j] == ':') {
                j++;
                while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
                *vstart = j;
                return k;
            }
        }
    }
    return -1;
}

/* Lines end in LF, CRLF or a lone CR (old Mac files). */
static size_t line_end(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] != '\n' && s[i] != '\r') i++;
    return i;
}

static size_t next_line(const char *s, size_t n, size_t e)
{
    if (e < n && s[e] == '\r') return e + 1 < n && s[e + 1] == '\n' ? e + 2 : e + 1;
    return e < n && s[e] == '\n' ? e + 1 : e;
}

static size_t trim_len(const char *s, size_t n)
{
    while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    return n;
}

static int parse_date_value(const char *v, size_t n, dy_date *out)
{
    if (dy_date_parse_iso(v, n, out)) return 1;
    return dy_date_dateline(v, n, out) == 1;
}

/* Header values point into text; they are NUL-terminated copies kept in a scratch block. */
static int parse_meta(const char *name, const char *text, size_t len, dy_doc *doc, char **scratch, dy_err *err)
{
    size_t i = 0, line = 1;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) i = 3;     /* BOM */
    doc->body = i;
    doc->body_line = 1;
    free(*scratch);
    *scratch = NULL;
    size_t vstart;
    size_t e0 = line_end(text, len, i);
    if (header_key(text + i, e0 - i, &vstart) >= 0) {
        char *sc = malloc(len - i + 4);
        if (!sc) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
        *scratch = sc;
        size_t used = 0;
        while (i < len) {
            size_t e = line_end(text, len, i);
            size_t l = trim_len(text + i, e - i);
            if (l == 0) { i = next_line(text, len, e); line++; break; }   /* the blank line ends the header */
            int k = header_key(text + i, l, &vstart);
            if (k < 0) break;
            const char *v = text + i + vstart;
            size_t vl = l - vstart;
            memcpy(sc + used, v, vl);
            sc[used + vl] = 0;
            const char *copy = sc + used;
            used += vl + 1;
            switch (k) {
            case 0: doc->title = copy; break;
            case 1:
                if (!parse_date_value(v, vl, &doc->pub)) {
                    dy_err_set(err, DY_EINPUT, "%s:%zu: cannot read the Date header '%.*s'; write it as YYYY-MM-DD", name, line, (int)(vl > 60 ? 60 : vl), v);
                    return -1;
                }
                doc->pub_from = "header";
                break;
            case 2: doc->source = copy; break;
            case 3: doc->url = copy; break;
            }
            i = next_line(text, len, e);
            line++;
        }
        doc->body = i;
        doc->body_line = line;
    }
    if (doc->pub.prec == DY_PREC_NONE) {
        /* a dateline among the first lines of the body */
        size_t j = doc->body;
        for (int k = 0; k < 12 && j < len; k++) {
            size_t e = line_end(text, len, j);
            size_t l = trim_len(text + j, e - j);
            size_t s0 = 0;
            while (s0 < l && (text[j + s0] == ' ' || text[j + s0] == '\t')) s0++;
            if (l > s0) {
                dy_date d;
                int r = dy_date_dateline(text + j + s0, l - s0, &d);
                if (r < 0) return dy_err_set(err, DY_ENOMEM, "out of memory"), -1;
                if (r == 1) { doc->pub = d; doc->pub_from = "dateline"; break; }
            }
            j = next_line(text, len, e);
            if (j == e) break;
        }
    }
    return 0;
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) if (!dy_isspace((unsigned char)s[i])) return 0;
    return 1;
}

int dy_doc_parse_text(const char *name, const char *text, size_t len, dy_doc *doc, char **scratch, dy_err *err)
{
    memset(doc, 0, sizeof *doc);
    doc->id = name;
    doc->text = text;
    doc->len = len;
    if (is_blank(text, len)) {
        dy_err_set(err, DY_EINPUT, "%s: empty document, nothing to code", name);
        return -1;
    }
    if (dy_text_check(name, text, len, 1, err)) return -1;
    return parse_meta(name, text, len, doc, scratch, err);
}

dy_status dy_reader_open(const char *path, dy_input fmt, dy_reader **out, dy_err *err)
{
    *out = NULL;
    dy_reader *r = calloc(1, sizeof *r);
    if (!r) return dy_err_set(err, DY_ENOMEM, "out of memory");
    r->path = strdup(path);
    r->fmt = fmt;
    r->max_rec = DY_MAX_RECORD;
    r->max_doc = DY_MAX_DOC;
    r->spool = -1;
    r->guard = -1;
    if (!r->path) { free(r); return dy_err_set(err, DY_ENOMEM, "out of memory"); }
    if (strcmp(path, "-") == 0) {
        r->f = stdin;
    } else {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            dy_err_set(err, DY_EIO, "%s: is a directory; give the files in it (e.g. %s/*.txt)", path, path);
            dy_reader_close(&r);
            return DY_EIO;
        }
        r->f = fopen(path, "rb");
        if (!r->f) {
            dy_err_set(err, DY_EIO, "%s: cannot open: %s", path, strerror(errno));
            dy_reader_close(&r);
            return DY_EIO;
        }
        r->own_file = 1;
        /* 256 KB reads instead of stdio's 4 KB: a corpus streams in 64 times fewer system calls
         * (a file of ours only: the buffer is freed with the reader, and stdin outlives it) */
        if (fmt == DY_IN_TEXT && (r->iobuf = malloc(IOBUF)) != NULL) setvbuf(r->f, r->iobuf, _IOFBF, IOBUF);
    }
    *out = r;
    return DY_OK;
}

void dy_reader_close(dy_reader **rp)
{
    if (!rp || !*rp) return;
    dy_reader *r = *rp;
    guard_drop(r);
    if (r->map) munmap(r->map, r->map_len);
    if (r->spool >= 0) close(r->spool);
    if (r->own_file && r->f) fclose(r->f);
    free(r->iobuf);
    dy_record_free(&r->rec);
    free(r->in);
    free(r->buf);
    free(r->hdr);
    free(r->path);
    free(r);
    *rp = NULL;
}

static const char *display_name(const dy_reader *r) { return strcmp(r->path, "-") == 0 ? "<stdin>" : r->path; }

/* A regular file of text is mapped, not read: its pages come and go as the coder passes
 * (dy_reader_release), so that a long article is never in memory whole. Zeros follow its last
 * byte, as a NUL follows a file read. 1 mapped (*len its size), 0 not (read it instead), -1
 * longer than max_doc (err set). */
static int map_text(dy_reader *r, size_t *len, dy_err *err)
{
    struct stat st;
    int fd = r->spool >= 0 ? r->spool : fileno(r->f);
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size <= 0) return 0;
    if (!r->own_file && r->spool < 0 && lseek(fd, 0, SEEK_CUR) != 0) return 0;   /* stdin: a file read from its start only */
    if ((uint64_t)st.st_size > r->max_doc) {
        dy_err_set(err, DY_EINPUT, "%s: larger than %zu MiB; split it into one file per article", display_name(r), r->max_doc >> 20);
        return -1;
    }
    size_t n = (size_t)st.st_size, page = (size_t)sysconf(_SC_PAGESIZE);
    size_t span = (n + page - 1) / page * page + page;     /* a page of zeros after the file's */
    char *base = mmap(NULL, span, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return 0;
    if (mmap(base, n, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
        munmap(base, span);
        return 0;   /* read instead (up to DY_MAX_DOC) */
    }
    r->map = base;
    r->map_len = span;
    guard_take(r);
    r->released = 0;
    r->nread = n;
    *len = n;
    return 1;
}

/* The mapped documents, for dy_reader_fault (in a signal handler: lock-free atomics only). A
 * slot is taken while its reader holds a map. */
enum { NGUARD = 8 };
static struct guard {
    _Atomic(char *) base;
    atomic_size_t len;
    atomic_int cut;         /* the file was cut short under the map: its rest now reads zeros */
} guards[NGUARD];

static void guard_take(dy_reader *r)
{
    r->guard = -1;
    for (int i = 0; i < NGUARD && r->guard < 0; i++) {
        char *none = NULL;
        atomic_store(&guards[i].len, 0);
        if (atomic_compare_exchange_strong(&guards[i].base, &none, r->map)) {
            atomic_store(&guards[i].cut, 0);
            atomic_store(&guards[i].len, r->map_len);
            r->guard = i;
        }
    }
}

static void guard_drop(dy_reader *r)
{
    if (r->guard < 0) return;
    atomic_store(&guards[r->guard].len, 0);
    atomic_store(&guards[r->guard].base, NULL);
    r->guard = -1;
}

int dy_reader_fault(const void *addr)
{
    const char *a = addr;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; i < NGUARD; i++) {
        char *base = atomic_load(&guards[i].base);
        size_t len = atomic_load(&guards[i].len);
        if (!base || a < base || a >= base + len) continue;
        char *from = base + (size_t)(a - base) / page * page;
        /* zeros from the faulting page to the end of the map: reads go on, and the reader says
         * afterwards that the file changed (mmap is a plain system call on Linux) */
        if (mmap(from, (size_t)(base + len - from), PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) return 0;
        atomic_store(&guards[i].cut, 1);
        return 1;
    }
    return 0;
}

int dy_reader_changed(const dy_reader *r, dy_err *err)
{
    if (r->guard < 0 || !atomic_load(&guards[r->guard].cut)) return 0;
    dy_err_set(err, DY_EINPUT, "%s: the file was cut short while it was read; code it again when nothing is writing it", display_name(r));
    return -1;
}

void dy_reader_release(dy_reader *r, size_t upto)
{
    if (!r->map) return;
    size_t page = (size_t)sysconf(_SC_PAGESIZE), b = upto / page * page;
    if (b > r->map_len) b = r->map_len;
    if (upto == 0) r->released = 0;     /* read again from the start */
    if (b > r->released) madvise(r->map + r->released, b - r->released, MADV_DONTNEED);    /* a hint: no harm if refused */
    if (b > r->released) r->released = b;
}

/* dy_text_check on a mapped file, some MiB at a time (each piece ending at a line break), the
 * pages of each let go after it. */
static int check_mapped(dy_reader *r, const char *name, size_t n, dy_err *err)
{
    const char *t = r->map;
    size_t off = 0, line = 1;
    while (off < n) {
        size_t e = n - off > (4u << 20) ? off + (4u << 20) : n;
        while (e < n && t[e - 1] != '\n' && !(t[e - 1] == '\r' && t[e] != '\n')) e++;
        if (text_check_at(name, t + off, e - off, line, off, &line, err)) return -1;
        dy_reader_release(r, e);
        off = e;
    }
    r->released = 0;    /* the coder reads it again from the start */
    return 0;
}

/* is_blank on a mapped file, the pages of a blank run let go as it goes (a few MiB at a time) */
static int mapped_blank(dy_reader *r, size_t n)
{
    for (size_t off = 0; off < n; off += 4u << 20) {
        size_t e = n - off > (4u << 20) ? off + (4u << 20) : n;
        int blank = is_blank(r->map + off, e - off);
        dy_reader_release(r, e);
        if (!blank) { r->released = 0; return 0; }
    }
    r->released = 0;
    return 1;
}

/* Standard input that is not a file, for a caller that codes in windows (max_doc over
 * DY_MAX_DOC): copied a piece at a time into an unlinked file in $TMPDIR (or /tmp), which is then
 * mapped like a file, so that memory holds a window of it, not the whole. 0 (or 0 with no spool
 * when no temporary file can be made: read whole instead), -1 too large, -2 error. */
static int spool_stdin(dy_reader *r, dy_err *err)
{
    struct stat st;
    if (r->own_file || r->max_doc <= DY_MAX_DOC || (!fstat(fileno(r->f), &st) && S_ISREG(st.st_mode))) return 0;
    const char *dir = getenv("TMPDIR");
    char name[4096];
    snprintf(name, sizeof name, "%s/dyad-stdin-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(name);
    if (fd < 0) return 0;
    unlink(name);
    char *buf = malloc(IOBUF);
    uint64_t total = 0;
    ssize_t got = 0;
    int rc = buf ? 0 : -2;
    if (!buf) dy_err_set(err, DY_ENOMEM, "<stdin>: out of memory");
    while (!rc) {
        do got = read(fileno(r->f), buf, IOBUF); while (got < 0 && errno == EINTR);
        if (got < 0) rc = -2, dy_err_set(err, DY_EIO, "<stdin>: read error: %s", strerror(errno));
        if (got <= 0) break;
        if ((total += (uint64_t)got) > r->max_doc) {
            dy_err_set(err, DY_EINPUT, "<stdin>: larger than %zu MiB; split it into one file per article", r->max_doc >> 20);
            rc = -1;
        }
        for (ssize_t off = 0, w; !rc && off < got; off += w)
            if ((w = write(fd, buf + off, (size_t)(got - off))) < 0 && errno != EINTR)
                rc = -2, dy_err_set(err, DY_EIO, "<stdin>: cannot keep it in a temporary file in %s: %s; set TMPDIR to a disk with room",
                                    dir && *dir ? dir : "/tmp", strerror(errno));
            else if (w < 0) w = 0;
    }
    free(buf);
    if (rc) { close(fd); return rc; }
    r->spool = fd;
    return 0;
}

/* A file or stream read whole into r->buf: 0 (*len bytes, then a NUL), -1 too large, -2 error. */
static int read_text(dy_reader *r, size_t *lenp, dy_err *err)
{
    size_t len = 0;
    for (;;) {
        if (r->cap - len < 65536) {
            size_t ncap = r->cap ? r->cap * 2 : 1 << 20;
            if (ncap > (size_t)DY_MAX_DOC + 65536) ncap = (size_t)DY_MAX_DOC + 65536;
            if (ncap <= r->cap) {
                dy_err_set(err, DY_EINPUT, "%s: larger than %u MiB; split it into one file per article", display_name(r), DY_MAX_DOC >> 20);
                return -1;
            }
            char *nb = realloc(r->buf, ncap);
            if (!nb) return dy_err_set(err, DY_ENOMEM, "%s: out of memory reading it, and free memory or split it", display_name(r)), -2;
            r->buf = nb;
            r->cap = ncap;
        }
        size_t got = fread(r->buf + len, 1, r->cap - len - 1, r->f);
        r->nread += got;
        len += got;
        if (len > DY_MAX_DOC) {
            dy_err_set(err, DY_EINPUT, "%s: larger than %u MiB; split it into one file per article", display_name(r), DY_MAX_DOC >> 20);
            return -1;
        }
        if (got == 0) break;
    }
    if (ferror(r->f)) return dy_err_set(err, DY_EIO, "%s: read error: %s", display_name(r), strerror(errno)), -2;
    r->buf[len] = 0;
    *lenp = len;
    return 0;
}

static int next_text(dy_reader *r, dy_doc *doc, dy_err *err)
{
    if (r->done) return 0;
    r->done = 1;
    size_t len = 0;
    int rc = spool_stdin(r, err);
    if (rc) return rc;
    rc = map_text(r, &len, err);
    rc = rc > 0 ? 0 : rc < 0 ? -1 : read_text(r, &len, err);
    if (rc) return rc;
    const char *text = r->map ? r->map : r->buf;
    memset(doc, 0, sizeof *doc);
    doc->id = display_name(r);
    doc->text = text;
    doc->len = len;
    if (r->map ? mapped_blank(r, len) : is_blank(text, len)) {
        if (!dy_reader_changed(r, err)) dy_err_set(err, DY_EINPUT, "%s: empty document, nothing to code", doc->id);
        return -1;
    }
    if (r->map ? check_mapped(r, doc->id, len, err) : dy_text_check(doc->id, text, len, 1, err)) return dy_reader_changed(r, err), -1;
    return parse_meta(doc->id, text, len, doc, &r->hdr, err) || dy_reader_changed(r, err) ? -1 : 1;
}

static const char *str_field(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A JSON escape of NUL ("\u0000") would cut a C string short without a trace: refuse it. */
static int has_escaped_nul(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, '\\', n - (size_t)(p - s))) != NULL && (size_t)(p - s) + 6 <= n; p += 2)
        if (p[1] == 'u' && p[2] == '0' && p[3] == '0' && p[4] == '0' && p[5] == '0') return 1;
    return 0;
}

void dy_reader_set_max_doc(dy_reader *r, size_t max)
{
    r->max_doc = max == 0 ? DY_MAX_DOC : max > DY_MAX_MAPPED ? DY_MAX_MAPPED : max;
}

void dy_reader_set_max_record(dy_reader *r, size_t max)
{
    r->max_rec = max ? max : DY_MAX_RECORD;
}

/* Takes the next piece of the read-ahead buffer, refilling it: up to and with the next newline.
 * Returns its length (0 at the end of the stream) and sets *nl when it ends a line. */
static size_t take_piece(dy_reader *r, const char **p, int *nl)
{
    if (r->ipos == r->ilen) {
        if (r->eof) return 0;
        /* read(2), not fread: a record from a pipe is handed on as soon as its line is whole */
        ssize_t got;
        do got = read(fileno(r->f), r->in, IOBUF); while (got < 0 && errno == EINTR);
        if (got > 0) r->nread += (uint64_t)got;
        r->ipos = 0;
        r->ilen = got > 0 ? (size_t)got : 0;
        if (got <= 0) {
            r->eof = 1;
            r->rerr = got < 0 ? errno : 0;
            return 0;
        }
    }
    const char *s = r->in + r->ipos, *e = memchr(s, '\n', r->ilen - r->ipos);
    size_t n = e ? (size_t)(e - s) + 1 : r->ilen - r->ipos;
    *nl = e != NULL;
    *p = s;
    r->ipos += n;
    return n;
}

/* Drops the rest of the record being skipped, up to and with its newline. 0, or -2 on a read
 * error (the end of the stream also ends the record). */
static int skip_record(dy_reader *r, dy_err *err)
{
    const char *p;
    int nl = 0;
    while (r->skipping) {
        size_t n = take_piece(r, &p, &nl);
        if (!n) {
            if (r->rerr) return dy_err_set(err, DY_EIO, "%s: read error: %s", display_name(r), strerror(r->rerr)), -2;
            r->skipping = 0;
        } else if (nl) r->skipping = 0;
    }
    return 0;
}

/* One line into r->buf, at most max_rec bytes before its newline (memory never grows past that,
 * whatever the input: /dev/zero reads on in constant space). 1 got *len bytes; 0 end of input;
 * -1 this record is skipped (too long, or no memory for it; the next call reads on past it);
 * -2 read error. */
static int read_line(dy_reader *r, size_t *len, dy_err *err)
{
    if (skip_record(r, err)) return -2;
    size_t n = 0;
    const char *p;
    int nl = 0;
    r->line++;
    while (!nl) {
        size_t got = take_piece(r, &p, &nl);
        if (!got) {
            if (r->rerr) return dy_err_set(err, DY_EIO, "%s: read error: %s", display_name(r), strerror(r->rerr)), -2;
            if (!n) return 0;
            break;
        }
        size_t body = n + got - (size_t)nl;     /* the record's bytes so far, without a newline */
        if (body > r->max_rec) {
            r->skipping = !nl;
            dy_err_set(err, DY_EINPUT, "%s:%zu: record longer than %zu bytes, skipped; raise --max-record to keep it",
                       display_name(r), r->line, r->max_rec);
            return -1;
        }
        if (n + got + 1 > r->cap) {
            size_t ncap = r->cap ? r->cap : 4096;
            while (ncap < n + got + 1) ncap = ncap > SIZE_MAX / 2 ? n + got + 1 : ncap * 2;
            if (ncap > r->max_rec + 2) ncap = r->max_rec + 2;
            char *nb = realloc(r->buf, ncap);
            if (!nb) {
                r->skipping = !nl;
                dy_err_set(err, DY_ENOMEM, "%s:%zu: out of memory reading a record of over %zu bytes, skipped; free memory or lower --max-record",
                           display_name(r), r->line, n + got);
                return -1;
            }
            r->buf = nb;
            r->cap = ncap;
        }
        memcpy(r->buf + n, p, got);
        n += got;
    }
    r->buf[n] = 0;
    *len = n;
    return 1;
}

int dy_reader_next_line(dy_reader *r, const char **line, size_t *n, size_t *lineno, dy_err *err)
{
    if (!r->in && !(r->in = malloc(IOBUF))) return dy_err_set(err, DY_ENOMEM, "%s: out of memory", display_name(r)), -2;
    for (;;) {
        size_t got;
        int rc = read_line(r, &got, err);
        if (rc <= 0) return rc;
        if (is_blank(r->buf, got)) continue;
        *line = r->buf;
        *n = got;
        *lineno = r->line;
        return 1;
    }
}

uint64_t dy_reader_bytes(const dy_reader *r) { return r->nread; }

const char *dy_reader_name(const dy_reader *r) { return display_name(r); }

struct dy_record {
    cJSON *o;           /* the parsed object: the document's strings live in it */
    char idbuf[64];
    char *hdr;          /* header copies when the text carries its own */
    char *fbuf;         /* or here, read by fast_fields() */
    size_t fcap;
};

void dy_record_free(dy_record **rp)
{
    if (!rp || !*rp) return;
    cJSON_Delete((*rp)->o);
    free((*rp)->hdr);
    free((*rp)->fbuf);
    free(*rp);
    *rp = NULL;
}

enum { F_TEXT, F_ID, F_TITLE, F_SOURCE, F_URL, F_DATE, F_N };

/* cJSON returns NULL both for bad JSON and when memory runs out: its allocations are watched,
 * so that the second is reported as what it is (the flag is per thread: records are parsed on
 * the workers of -j). */
static _Thread_local int alloc_failed;
static void *track_malloc(size_t n)
{
    void *p = malloc(n);
    if (!p) alloc_failed = 1;
    return p;
}
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;
static void track_hooks(void)
{
    cJSON_Hooks h = {track_malloc, free};
    cJSON_InitHooks(&h);
}

static int json_ws(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* The common record without cJSON (whose parse was a tenth of the run): one object of string
 * members, no \u escape and no control byte in them, white space only after it. The strings are
 * decoded into rec->fbuf, the first member of each name to f[] (as cJSON would look them up).
 * Returns 1, or 0 for anything else (cJSON reads that, and says what is wrong), -1 when out of
 * memory. */
static int fast_fields(const char *s, size_t n, dy_record *rec, const char **f)
{
    static const char *const names[F_N] = {"text", "id", "title", "source", "url", "date"};
    if (DY_GROW(rec->fbuf, n + 1, rec->fcap)) return -1;
    char *o = rec->fbuf;
    size_t i = 0;
    while (i < n && json_ws((unsigned char)s[i])) i++;
    if (i >= n || s[i++] != '{') return 0;
    for (;;) {
        while (i < n && json_ws((unsigned char)s[i])) i++;
        if (i >= n || s[i++] != '"') return 0;
        size_t k = i;
        while (i < n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20) i++;
        if (i >= n || s[i] != '"') return 0;
        size_t kl = i++ - k;
        while (i < n && json_ws((unsigned char)s[i])) i++;
        if (i >= n || s[i++] != ':') return 0;
        while (i < n && json_ws((unsigned char)s[i])) i++;
        if (i >= n || s[i++] != '"') return 0;
        char *v = o;
        for (;;) {
            /* sixteen, then eight plain bytes at a time (o stays behind s + i: no store passes
             * the buffer) */
#if DY_SSE2
            for (__m128i w; i + 16 <= n; i += 16, o += 16) {
                w = dy_sse_load(s + i);
                if (_mm_movemask_epi8(dy_sse_json_special(w))) break;
                _mm_storeu_si128((__m128i *)(void *)o, w);
            }
#endif
            for (uint64_t w; i + 8 <= n; i += 8, o += 8) {
                w = dy_load64(s + i);
                if (dy_has_byte(w, '"') | dy_has_byte(w, '\\') | dy_has_less(w, 0x20)) break;
                memcpy(o, &w, 8);
            }
            if (i >= n) return 0;
            unsigned char c = (unsigned char)s[i];
            if (c == '"') break;
            if (c < 0x20) return 0;
            if (c != '\\') { *o++ = (char)c; i++; continue; }
            if (i + 1 >= n) return 0;
            switch (s[i + 1]) {
            case '"': case '\\': case '/': c = (unsigned char)s[i + 1]; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default: return 0;
            }
            *o++ = (char)c;
            i += 2;
        }
        i++;
        *o++ = 0;
        for (int q = 0; q < F_N; q++)
            if (!f[q] && strlen(names[q]) == kl && !memcmp(s + k, names[q], kl)) f[q] = v;
        while (i < n && json_ws((unsigned char)s[i])) i++;
        if (i >= n) return 0;
        if (s[i] == ',') { i++; continue; }
        if (s[i++] != '}') return 0;
        break;
    }
    while (i < n && dy_isspace((unsigned char)s[i])) i++;
    return i == n && f[F_TEXT] && !has_escaped_nul(s, n);
}

/* The record's fields once read: the document, its checks, and its date. */
static int fill_doc(const char *name, size_t lineno, dy_doc *doc, dy_record *rec, const char *text,
                    int has_date, const char *ds, dy_err *err)
{
    doc->text = text;
    doc->len = strlen(text);
    doc->record_line = lineno;
    doc->body_line = 1;
    char at[600];
    snprintf(at, sizeof at, "%s:%zu", name, lineno);
    if (dy_text_check(at, doc->text, doc->len, 0, err)) return -1;   /* the stream's line */
    if (has_date) {
        if (!ds || !parse_date_value(ds, strlen(ds), &doc->pub)) {
            dy_err_set(err, DY_EINPUT, "%s:%zu: cannot read \"date\"; write it as \"YYYY-MM-DD\"", name, lineno);
            return -1;
        }
        doc->pub_from = "jsonl";
    }
    if (doc->pub.prec == DY_PREC_NONE) {
        dy_doc tmp = *doc;
        if (parse_meta(doc->id, doc->text, doc->len, &tmp, &rec->hdr, err)) return -1;
        doc->pub = tmp.pub;
        doc->pub_from = tmp.pub_from;
    }
    return 1;
}

int dy_record_parse(const char *name, size_t lineno, const char *line, size_t n, dy_doc *doc, dy_record **recp, dy_err *err)
{
    dy_record *rec = *recp;
    if (!rec && !(rec = *recp = calloc(1, sizeof *rec))) return dy_err_set(err, DY_ENOMEM, "%s:%zu: out of memory reading the record", name, lineno), -1;
    cJSON_Delete(rec->o);
    rec->o = NULL;
    const char *nul = memchr(line, 0, n);
    if (nul) {
        dy_err_set(err, DY_EINPUT, "%s:%zu: NUL byte at column %zu; this is not a text file", name, lineno, (size_t)(nul - line) + 1);
        return -1;
    }
    const char *f[F_N] = {0};
    int fast = fast_fields(line, n, rec, f);
    if (fast < 0) return dy_err_set(err, DY_ENOMEM, "%s:%zu: out of memory reading the record", name, lineno), -1;
    if (fast) {
        memset(doc, 0, sizeof *doc);
        if (f[F_ID]) doc->id = f[F_ID];
        else { snprintf(rec->idbuf, sizeof rec->idbuf, "line-%zu", lineno); doc->id = rec->idbuf; }
        doc->title = f[F_TITLE];
        doc->source = f[F_SOURCE];
        doc->url = f[F_URL];
        return fill_doc(name, lineno, doc, rec, f[F_TEXT], f[F_DATE] != NULL, f[F_DATE], err);
    }
    const char *end = NULL;
    pthread_once(&hooks_once, track_hooks);
    alloc_failed = 0;
    cJSON *o = cJSON_ParseWithLengthOpts(line, n, &end, 0);
    if (!o && alloc_failed) return dy_err_set(err, DY_ENOMEM, "%s:%zu: out of memory parsing the record", name, lineno), -1;
    if (o && end) {     /* nothing but white space may follow the object */
        while ((size_t)(end - line) < n && dy_isspace((unsigned char)*end)) end++;
        if ((size_t)(end - line) < n) { cJSON_Delete(o); o = NULL; }
    }
    if (!o) {
        size_t col = end && end >= line ? (size_t)(end - line) + 1 : 1;
        dy_err_set(err, DY_EINPUT, "%s:%zu: malformed JSON at column %zu; each line must be one JSON object", name, lineno, col);
        return -1;
    }
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        dy_err_set(err, DY_EINPUT, "%s:%zu: expected a JSON object with a \"text\" field", name, lineno);
        return -1;
    }
    rec->o = o;
    const cJSON *tv = cJSON_GetObjectItemCaseSensitive(o, "text");
    if (!cJSON_IsString(tv)) {
        dy_err_set(err, DY_EINPUT, "%s:%zu: missing \"text\" string in the record", name, lineno);
        return -1;
    }
    if (has_escaped_nul(line, n)) {
        dy_err_set(err, DY_EINPUT, "%s:%zu: NUL character (\\u0000) in the record", name, lineno);
        return -1;
    }
    memset(doc, 0, sizeof *doc);
    const cJSON *idv = cJSON_GetObjectItemCaseSensitive(o, "id");
    if (cJSON_IsString(idv)) doc->id = idv->valuestring;
    else if (cJSON_IsNumber(idv) && idv->valuedouble > -9e15 && idv->valuedouble < 9e15 &&
             idv->valuedouble == (double)(long long)idv->valuedouble) {     /* a whole number that fits */
        snprintf(rec->idbuf, sizeof rec->idbuf, "%lld", (long long)idv->valuedouble);
        doc->id = rec->idbuf;
    } else { snprintf(rec->idbuf, sizeof rec->idbuf, "line-%zu", lineno); doc->id = rec->idbuf; }
    doc->title = str_field(o, "title");
    doc->source = str_field(o, "source");
    doc->url = str_field(o, "url");
    const cJSON *dv = cJSON_GetObjectItemCaseSensitive(o, "date");
    return fill_doc(name, lineno, doc, rec, tv->valuestring, dv && !cJSON_IsNull(dv),
                    cJSON_IsString(dv) ? dv->valuestring : NULL, err);
}

static int next_jsonl(dy_reader *r, dy_doc *doc, dy_err *err)
{
    const char *line;
    size_t n, lineno;
    int got = dy_reader_next_line(r, &line, &n, &lineno, err);
    if (got <= 0) return got;
    return dy_record_parse(display_name(r), lineno, line, n, doc, &r->rec, err);
}

int dy_reader_next(dy_reader *r, dy_doc *doc, dy_err *err)
{
    return r->fmt == DY_IN_JSONL ? next_jsonl(r, doc, err) : next_text(r, doc, err);
}

int dy_shard_parse(const char *s, dy_shard *out, dy_err *err)
{
    unsigned long k = 0, n = 0;
    const char *p = s ? s : "";
    int ok = dy_isdigit((unsigned char)*p);
    for (; ok && dy_isdigit((unsigned char)*p) && k <= DY_SHARD_MAX; p++) k = k * 10 + (unsigned long)(*p - '0');
    ok = ok && *p++ == '/' && dy_isdigit((unsigned char)*p);
    for (; ok && dy_isdigit((unsigned char)*p) && n <= DY_SHARD_MAX; p++) n = n * 10 + (unsigned long)(*p - '0');
    if (!ok || *p || n < 1 || n > DY_SHARD_MAX || k >= n)
        return dy_err_set(err, DY_EINPUT, "--shard takes K/N, part K of N counting from 0 (0 <= K < N <= %u), such as 3/64",
                          DY_SHARD_MAX), -1;
    out->k = (unsigned)k;
    out->n = (unsigned)n;
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int shard_has_key(const dy_shard *sh, const char *key, size_t n)
{
    return sh->n <= 1 || XXH3_64bits(key, n) % sh->n == sh->k;
}

int dy_shard_has_file(const dy_shard *sh, const char *path)
{
    const char *b = strcmp(path, "-") == 0 ? "<stdin>" : base_name(path);
    return shard_has_key(sh, b, strlen(b));
}

int dy_shard_has_record(const dy_shard *sh, const char *stream, size_t lineno, const char *id)
{
    char key[512], own[32];
    if (sh->n <= 1) return 1;
    snprintf(own, sizeof own, "line-%zu", lineno);
    if (id && strcmp(id, own)) return shard_has_key(sh, id, strlen(id));
    int n = snprintf(key, sizeof key, "%s:%zu", base_name(stream), lineno);   /* long names: cut, still fixed */
    return shard_has_key(sh, key, n < 0 ? 0 : n >= (int)sizeof key ? sizeof key - 1 : (size_t)n);
}
