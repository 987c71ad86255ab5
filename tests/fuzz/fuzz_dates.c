/* fuzz_dates.c - datelines and date expressions resolved against a publication date. */
#include <stdint.h>
#include <string.h>
#include "../../src/dy_dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dy_date d;
    if (size < 200) dy_date_dateline((const char *)data, size, &d);
    dy_toks t = {0};
    dy_buf norm = {0};
    if (dy_tokenize((const char *)data, size, 0, NULL, &t, &norm) == 0) {
        dy_date pub = {2024, 6, 21, DY_PREC_DAY};
        dy_datex out[32];
        for (size_t i = 0; i < t.len; i += 200) {
            size_t n = t.len - i < 200 ? t.len - i : 200;
            dy_dates_find((const char *)data, t.v + i, n, &norm, pub, out, 32);
            dy_dates_find((const char *)data, t.v + i, n, &norm, (dy_date){0, 0, 0, DY_PREC_NONE}, out, 32);
        }
    }
    dy_toks_free(&t);
    dy_buf_free(&norm);
    return 0;
}
