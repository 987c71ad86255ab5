/* fuzz_jsonl.c - the JSON Lines reader: records, ids, dates, escapes, broken lines. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "../../src/dy_ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/dyad-fuzz-jsonl-%d", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    dy_reader *r = NULL;
    dy_err e = {0};
    if (dy_reader_open(path, DY_IN_JSONL, &r, &e) == DY_OK) {
        /* half the inputs under a small record cap, so that skipping a long record to its
         * newline (from the middle of a read-ahead buffer, or past its end) is reached at the
         * sizes a fuzzer makes */
        if (size && (data[0] & 1)) dy_reader_set_max_record(r, 16 + (data[0] >> 1));
        dy_doc d;
        int got;
        while ((got = dy_reader_next(r, &d, &e)) != 0 && got != -2) {}
        dy_reader_close(&r);
    }
    unlink(path);
    return 0;
}
