/* fuzz_code.c - the article reader (headers, datelines, boilerplate), the sentence splitter, the
 * actor matcher, the coder and the facts, on whatever bytes libFuzzer makes up. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/dy_facts.h"
#include "../../src/dy_out.h"

static dy_dict *D;
static dy_coder *C;
static dy_facts *F;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    dy_err e = {0};
    if (dy_dict_load("dict", &D, &e) != DY_OK) abort();
    dy_coder_opts o = {1, 1, 1, DY_CONV_DYAD};
    C = dy_coder_create(D, &o);
    F = dy_facts_create(D);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    dy_err e = {0};
    if (dy_text_check("fuzz", (const char *)data, size, 1, &e)) return 0;    /* the reader refuses it: fine */
    dy_doc d;
    char *scratch = NULL;
    if (dy_doc_parse_text("fuzz.txt", (const char *)data, size, &d, &scratch, &e) == 0 && dy_coder_code(C, &d, &e) == 0) {
        dy_facts_extract(F, C, &d, &e);
        size_t ne, ns;
        const dy_event *ev = dy_coder_events(C, &ne);
        const dy_sent *s = dy_coder_sents(C, &ns);
        dy_buf out = {0};
        for (size_t i = 0; i < ne; i++) dy_out_event(&out, DY_FMT_JSONL, &d, s, &ev[i], 1, NULL);
        dy_buf_free(&out);
    }
    free(scratch);
    return 0;
}
