/* fuzz_dict.c - the dictionary parser: the input is each dictionary file in turn. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../../src/dy_dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[] = {"countries.txt", "verbs.txt", "grammar.txt", "agents.txt", "cameo.txt", "relations.txt", "boilerplate.txt", "facts.txt"};

static void put(const char *dir, const char *name, const void *p, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fwrite(p, 1, n, f);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/dyad-fuzz-dict-%d", (int)getpid());
    mkdir(dir, 0700);
    /* a small valid dictionary, with one file replaced by the input */
    static const char *const base[] = {"RUS country = Russia\nUKR country = Ukraine\n", "190 attack+ T\n", "negate = not\n",
                                       "GOV = government\n", "190\t-10.0\tUse conventional military force\n", "9 = alliance\n", "back to top\n",
                                       "treaty = treaty | pact\ncurrency EUR = euros\n"};
    unsigned which = size ? data[0] % 8 : 0;
    for (unsigned i = 0; i < 8; i++)
        if (i == which) put(dir, files[i], data + (size ? 1 : 0), size ? size - 1 : 0);
        else put(dir, files[i], base[i], strlen(base[i]));
    dy_buf report = {0};
    dy_err e = {0};
    int n = dy_dict_check(dir, &report, &e);
    if (n == 0) {
        dy_dict *d = NULL;
        if (dy_dict_load(dir, &d, &e) == DY_OK) dy_dict_destroy(&d);
    }
    dy_buf_free(&report);
    for (unsigned i = 0; i < 8; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
    return 0;
}
