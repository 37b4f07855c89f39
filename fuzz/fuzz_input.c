/*
 * fuzz_input.c — the whole input path: format sniffing, JSON Lines, byte
 * repair, mojibake, normalization, boilerplate, metadata, segmentation and
 * tokenization, then JSON output.  Checks offsets stay inside the body.
 */
#include "internal.h"

#include <stdlib.h>

static int sink(void *u, const char *d, size_t n) { (void)u; (void)d; (void)n; return 0; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    cr_ctx *ctx;
    cr_corpus *c;
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 0;
    if (cr_corpus_new(ctx, &c) != CR_OK) { cr_ctx_free(ctx); return 0; }
    /* the first byte picks the name, so both text and JSON Lines paths run */
    const char *name = size && (data[0] & 1) ? "fuzz.jsonl" : "fuzz.txt";
    cr_corpus_add_bytes(c, name, data, size);
    cr_corpus_clean(c);
    for (size_t i = 0; i < cr_corpus_count(c); i++) {
        const cr_doc *d = cr_corpus_doc(c, i);
        size_t blen;
        cr_doc_body(d, &blen);
        for (size_t k = 0; k < cr_doc_sentence_count(d); k++) {
            size_t s, e;
            cr_doc_sentence(d, k, &s, &e);
            if (s > e || e > blen) abort();
        }
        for (size_t k = 0; k < cr_doc_token_count(d); k++) {
            size_t s, e;
            cr_doc_token(d, k, &s, &e, NULL, NULL, NULL);
            if (s >= e || e > blen) abort();
        }
    }
    cr_corpus_write_json(c, CR_JSON_TOKENS, sink, NULL);
    cr_corpus_free(c);
    cr_ctx_free(ctx);
    return 0;
}
