/* bench/api-cpu.c - the CPU of one API answer inside the library, without HTTP: what
 * bench/serve-cpu.sh measures less each connection's cost (bench/README.md, "Answers without
 * a pass over every pair").
 *
 *   make build/libdyad.a && cc -O2 -Isrc -I/usr/include/postgresql -o build/api-cpu bench/api-cpu.c \
 *       build/libdyad.a -lutf8proc -lcjson -lsqlite3 -lxxhash -lmicrohttpd -lpq -lm -lpthread
 *   build/api-cpu DB N PATH [NAME=VALUE...] > answer      # build/api-cpu /tmp/news10m.db 200 /api/relation a=RUS b=PRK
 *
 * Opens DB to read, answers PATH once (to warm the caches), then N times, and prints to stderr
 * the status, the answer's bytes and the process CPU time an answer; the last answer on stdout
 * (for a checksum). Memory is kept between answers as dyad serve keeps it (mallopt). */
#include "dy_api.h"
#include "dy_store.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: api-cpu DB N PATH [NAME=VALUE...]\n");
        return 2;
    }
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
#endif
    dy_store *s;
    dy_err err = {0};
    if (dy_store_open(argv[1], DY_STORE_READ, &s, &err)) {
        fprintf(stderr, "api-cpu: %s\n", err.msg);
        return 1;
    }
    int n = atoi(argv[2]);
    dy_kv kv[16];
    size_t nk = 0;
    for (int i = 4; i < argc && nk < 16; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) continue;
        *eq = 0;
        kv[nk].key = argv[i];
        kv[nk++].value = eq + 1;
    }
    dy_buf b = {0};
    int status = dy_api_serve(dy_store_db(s), NULL, argv[3], kv, nk, &b, NULL);
    double t0 = cpu_ms();
    for (int i = 0; i < n; i++) {
        dy_buf_free(&b);
        status = dy_api_serve(dy_store_db(s), NULL, argv[3], kv, nk, &b, NULL);
    }
    double t = cpu_ms() - t0;
    fprintf(stderr, "%d, %zu bytes, %.3f ms CPU an answer\n", status, b.len, n > 0 ? t / n : 0.0);
    fwrite(b.data, 1, b.len, stdout);
    dy_buf_free(&b);
    dy_store_close(&s);
    return 0;
}
