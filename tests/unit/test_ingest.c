/* test_ingest.c - document checks and metadata (ingest-*). */
#define _POSIX_C_SOURCE 200809L
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "units.h"
#include "../../src/dy_ingest.h"

static char *scratch;
static void teardown(void) { free(scratch); scratch = NULL; }

START_TEST(ingest_1_1_headers)
{
    const char *t = "Title: A test\nDate: 2024-06-19\nSource: dyad\n\nPutin arrived.\n";
    dy_doc d;
    dy_err e = {0};
    ck_assert_int_eq(dy_doc_parse_text("a.txt", t, strlen(t), &d, &scratch, &e), 0);
    ck_assert_str_eq(d.title, "A test");
    ck_assert_str_eq(d.source, "dyad");
    ck_assert_int_eq(d.pub.d, 19);
    ck_assert_str_eq(d.pub_from, "header");
    ck_assert_uint_eq(d.body_line, 5);
    ck_assert_str_eq(t + d.body, "Putin arrived.\n");
}
END_TEST

START_TEST(ingest_1_2_dateline)
{
    const char *t = "A headline\n\nRelease Date : 2024-06-21\n\nText here.\n";
    dy_doc d;
    dy_err e = {0};
    ck_assert_int_eq(dy_doc_parse_text("b.txt", t, strlen(t), &d, &scratch, &e), 0);
    ck_assert_str_eq(d.pub_from, "dateline");
    ck_assert_int_eq(d.pub.y, 2024);
    ck_assert_uint_eq(d.body, 0);
}
END_TEST

START_TEST(ingest_2_1_bad_input)
{
    dy_doc d;
    dy_err e = {0};
    const char bad_utf8[] = "ok line\nbad \xC3\x28 here\n";
    ck_assert_int_eq(dy_doc_parse_text("c.txt", bad_utf8, strlen(bad_utf8), &d, &scratch, &e), -1);
    ck_assert_str_eq(e.msg, "c.txt:2: invalid UTF-8 at byte offset 12; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)");
    const char nul[] = "a\n\nb\0c";
    ck_assert_int_eq(dy_doc_parse_text("d.txt", nul, 6, &d, &scratch, &e), -1);
    ck_assert_str_eq(e.msg, "d.txt:3: NUL byte at byte offset 4; this is not a text file");
    ck_assert_int_eq(dy_doc_parse_text("e.txt", " \n\n", 3, &d, &scratch, &e), -1);
    ck_assert_str_eq(e.msg, "e.txt: empty document, nothing to code");
    const char hdr[] = "Date: yesterday\n\nx\n";
    ck_assert_int_eq(dy_doc_parse_text("f.txt", hdr, strlen(hdr), &d, &scratch, &e), -1);
    ck_assert_str_eq(e.msg, "f.txt:1: cannot read the Date header 'yesterday'; write it as YYYY-MM-DD");
}
END_TEST

START_TEST(ingest_2_2_long_line)
{
    size_t n = DY_MAX_LINE + 10;
    char *s = malloc(n);
    memset(s, 'a', n);
    dy_err e = {0};
    ck_assert_int_eq(dy_text_check("big.txt", s, n, 1, &e), -1);
    ck_assert(strstr(e.msg, "big.txt:1: line longer than") == e.msg);
    free(s);
}
END_TEST

/* A JSON Lines file written to a temporary path, read back record by record. */
static char *jsonl_file(const char *content, size_t n)
{
    static char path[64];
    strcpy(path, "/tmp/dyad-unit-jsonl-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "wb");
    ck_assert_uint_eq(fwrite(content, 1, n, f), n);
    fclose(f);
    return path;
}

START_TEST(ingest_3_1_jsonl_every_record)
{
    /* every record in order, blank lines passed over, no line break at the end, CRLF */
    const char *t = "{\"id\":\"a\",\"text\":\"one\"}\n\n  \n{\"id\":\"b\",\"date\":\"2024-06-19\",\"text\":\"two\"}\r\n"
                    "[1]\n{\"text\":\"four\"}";
    char *path = jsonl_file(t, strlen(t));
    dy_reader *r = NULL;
    dy_err e = {0};
    dy_doc d;
    ck_assert_int_eq(dy_reader_open(path, DY_IN_JSONL, &r, &e), DY_OK);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 1);
    ck_assert_str_eq(d.id, "a");
    ck_assert_str_eq(d.text, "one");
    ck_assert_uint_eq(d.record_line, 1);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 1);
    ck_assert_str_eq(d.id, "b");
    ck_assert_uint_eq(d.record_line, 4);
    ck_assert_int_eq(d.pub.d, 19);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), -1);
    ck_assert(strstr(e.msg, ":5: expected a JSON object") != NULL);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 1);
    ck_assert_str_eq(d.id, "line-6");
    ck_assert_str_eq(d.text, "four");
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 0);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 0);
    dy_reader_close(&r);
    unlink(path);
}
END_TEST

START_TEST(ingest_3_2_jsonl_max_record)
{
    /* records longer than the cap are skipped to their newline, named, and reading goes on; a
     * record of exactly the cap is kept; the reader's buffer never passes the cap */
    size_t big = 300000;
    char *t = malloc(big + 200);
    size_t n = 0;
    n += (size_t)sprintf(t + n, "{\"id\":\"x\",\"text\":\"");
    memset(t + n, 'y', big);
    n += big;
    n += (size_t)sprintf(t + n, "\"}\n{\"id\":\"ok\",\"text\":\"z\"}\n{\"text\":\"123\"}\n");
    char *path = jsonl_file(t, n);
    free(t);
    dy_reader *r = NULL;
    dy_err e = {0};
    dy_doc d;
    ck_assert_int_eq(dy_reader_open(path, DY_IN_JSONL, &r, &e), DY_OK);
    dy_reader_set_max_record(r, 17);        /* {"text":"123"} is 14 bytes, {"id":"ok",...} 24 */
    ck_assert_int_eq(dy_reader_next(r, &d, &e), -1);
    ck_assert_int_eq(e.code, DY_EINPUT);
    ck_assert(strstr(e.msg, ":1: record longer than 17 bytes, skipped; raise --max-record to keep it") != NULL);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), -1);
    ck_assert(strstr(e.msg, ":2: record longer than 17 bytes") != NULL);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 1);
    ck_assert_str_eq(d.text, "123");
    ck_assert_uint_eq(d.record_line, 3);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 0);
    dy_reader_close(&r);
    ck_assert_int_eq(dy_reader_open(path, DY_IN_JSONL, &r, &e), DY_OK);
    dy_reader_set_max_record(r, 14);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), -1);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), -1);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 1);     /* exactly the cap */
    ck_assert_str_eq(d.text, "123");
    dy_reader_close(&r);
    ck_assert_int_eq(dy_reader_open(path, DY_IN_JSONL, &r, &e), DY_OK);     /* the default keeps all */
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 1);
    ck_assert_uint_eq(d.len, big);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 1);
    ck_assert_str_eq(d.id, "ok");
    dy_reader_close(&r);
    unlink(path);
}
END_TEST

static void on_bus(int sig, siginfo_t *si, void *ctx)
{
    (void)sig, (void)ctx;
    if (!dy_reader_fault(si->si_addr)) abort();
}

/* A mapped article cut short by another program while it is read: with dy_reader_fault in the
 * SIGBUS handler the rest reads as zeros, and dy_reader_changed names the file; no signal. */
START_TEST(ingest_3_3_cut_short)
{
    size_t n = 1u << 20;
    char *t = malloc(n);
    ck_assert_ptr_nonnull(t);
    memcpy(t, "Date: 2024-06-19\n\n", 18);
    for (size_t i = 18; i < n; i++) t[i] = (i % 64) == 63 ? '\n' : 'a';
    char *path = jsonl_file(t, n);
    free(t);
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    ck_assert_int_eq(sigaction(SIGBUS, &sa, &old), 0);
    dy_reader *r = NULL;
    dy_err e = {0};
    dy_doc d;
    ck_assert_int_eq(dy_reader_open(path, DY_IN_TEXT, &r, &e), DY_OK);
    dy_reader_set_max_doc(r, DY_MAX_MAPPED);
    ck_assert_int_eq(dy_reader_next(r, &d, &e), 1);
    ck_assert_int_eq(dy_reader_changed(r, &e), 0);
    dy_reader_release(r, n);        /* the pages are let go, as behind the coder */
    ck_assert_int_eq(truncate(path, 4096), 0);
    ck_assert_int_eq(d.text[100], 'a');                 /* before the cut: still the file */
    /* past it: zeros, no SIGBUS, and the file named. valgrind turns that read into a SIGSEGV
     * whatever the handler (tests/run.sh sets DYAD_VALGRIND there): under it, no read past the cut */
    if (!getenv("DYAD_VALGRIND")) {
        ck_assert_int_eq(((volatile const char *)d.text)[n / 2], 0);
        ck_assert_int_eq(dy_reader_changed(r, &e), -1);
        ck_assert(strstr(e.msg, "the file was cut short while it was read") != NULL);
        ck_assert(strstr(e.msg, path) != NULL);
    }
    dy_reader_close(&r);
    ck_assert_int_eq(dy_reader_fault(&e), 0);            /* not a reader's map */
    sigaction(SIGBUS, &old, NULL);
    unlink(path);
}
END_TEST

/* --shard K/N: every key in exactly one part; the part of a file ignores its folders; a record
 * without an id (line-N) goes by stream and line; parts are spread, not all in one. */
START_TEST(ingest_4_1_shard)
{
    dy_shard sh;
    dy_err e = {0};
    ck_assert_int_eq(dy_shard_parse("3/64", &sh, &e), 0);
    ck_assert_uint_eq(sh.k, 3);
    ck_assert_uint_eq(sh.n, 64);
    const char *bad[] = {"4/4", "1/0", "-1/4", "1", "1/", "/4", "a/4", "1/4x", " 1/4", "1/1000001", "99999999999/3", "", NULL};
    for (int i = 0; bad[i]; i++) ck_assert_int_eq(dy_shard_parse(bad[i], &sh, &e), -1);
    ck_assert_int_eq(dy_shard_parse(NULL, &sh, &e), -1);
    int per[4] = {0};
    for (int i = 0; i < 400; i++) {
        char id[32];
        snprintf(id, sizeof id, "doc-%d", i);
        int in = 0;
        for (unsigned k = 0; k < 4; k++) {
            dy_shard p = {k, 4};
            int has = dy_shard_has_record(&p, "a/s.jsonl", (size_t)i + 1, id);
            ck_assert_int_eq(has, dy_shard_has_record(&p, "other/dir/s.jsonl", 7, id));  /* by id alone */
            in += has;
            per[k] += has;
        }
        ck_assert_int_eq(in, 1);
    }
    for (int k = 0; k < 4; k++) ck_assert_int_gt(per[k], 60);
    for (unsigned k = 0; k < 4; k++) {
        dy_shard p = {k, 4};
        ck_assert_int_eq(dy_shard_has_file(&p, "corpus/a.txt"), dy_shard_has_file(&p, "/elsewhere/a.txt"));
        /* no id: stream (without folders) and line, whatever the folder */
        ck_assert_int_eq(dy_shard_has_record(&p, "x/s.jsonl", 9, "line-9"), dy_shard_has_record(&p, "s.jsonl", 9, NULL));
    }
    dy_shard all = {0, 0};
    ck_assert_int_eq(dy_shard_has_file(&all, "a.txt"), 1);
    ck_assert_int_eq(dy_shard_has_record(&all, "s", 1, NULL), 1);
}
END_TEST

Suite *ingest_suite(void)
{
    Suite *s = suite_create("ingest");
    TCase *a = tcase_create("ingest-1");
    tcase_add_checked_fixture(a, NULL, teardown);
    tcase_add_test(a, ingest_1_1_headers);
    tcase_add_test(a, ingest_1_2_dateline);
    suite_add_tcase(s, a);
    TCase *b = tcase_create("ingest-2");
    tcase_add_checked_fixture(b, NULL, teardown);
    tcase_add_test(b, ingest_2_1_bad_input);
    tcase_add_test(b, ingest_2_2_long_line);
    suite_add_tcase(s, b);
    TCase *c = tcase_create("ingest-3");
    tcase_add_test(c, ingest_3_1_jsonl_every_record);
    tcase_add_test(c, ingest_3_2_jsonl_max_record);
    tcase_add_test(c, ingest_3_3_cut_short);
    tcase_add_test(c, ingest_4_1_shard);
    suite_add_tcase(s, c);
    return s;
}
