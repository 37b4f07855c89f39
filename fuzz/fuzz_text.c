/*
 * fuzz_text.c — bytes to text on arbitrary input: text.c decode, mojibake.c
 * repair, normalize.c NFC, then cri_fold over each space-separated piece.
 * Aborts when any stage returns invalid UTF-8 or a control character other
 * than \n (text.c may keep a C1 control for mojibake.c, which must remove
 * it), or a repair report that is not valid UTF-8 or shows raw controls.
 */
#include "internal.h"

#include <stdlib.h>

static void check_text(const char *s, size_t n, bool allow_nl, bool allow_c1) {
    if (!cri_utf8_valid(s, n)) abort();
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = cri_utf8_decode(s + i, n - i, &cp);
        if (cp < 0x20 && !(allow_nl && cp == '\n')) abort();
        if (cp == 0x7F || (!allow_c1 && cp >= 0x80 && cp <= 0x9F)) abort();
        i += k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    cr_ctx *ctx;
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 0;
    cr_doc *d = calloc(1, sizeof *d);
    cri_buf t = {0}, f = {0};
    if (!d) goto done;
    if (cri_text_decode(ctx, d, (const char *)data, size, &t) != CR_OK) goto done;
    if (!t.data) abort();
    /* text.c keeps C1 controls that may end mojibake, for mojibake.c */
    check_text(t.data, t.len, true, true);
    size_t before = t.len;
    if (cri_mojibake_fix(ctx, d, &t) != CR_OK) goto done;
    check_text(t.data, t.len, true, false);
    if (t.len > before * 2 + 16) abort();   /* repairs never grow text much */
    if (cri_nfc(ctx, &t) != CR_OK) goto done;
    check_text(t.data, t.len, true, false);
    for (size_t i = 0; i < d->n_repairs; i++) {
        const cri_repair *r = &d->repairs[i];
        check_text(r->before, strlen(r->before), false, false);
        if (!cri_utf8_valid(r->after, strlen(r->after))) abort();
    }
    /* fold each piece between spaces, as the tokenizer does per token */
    for (size_t i = 0; i < t.len;) {
        size_t j = i;
        while (j < t.len && t.data[j] != ' ' && t.data[j] != '\n') j++;
        if (j > i) {
            f.len = 0;
            if (cri_fold(t.data + i, j - i, &f) != 0) goto done;
            if (f.data) check_text(f.data, f.len, false, false);
        }
        i = j + 1;
    }
done:
    cri_buf_free(&f);
    cri_buf_free(&t);
    cri_doc_free(d);
    cr_ctx_free(ctx);
    return 0;
}
