/*
 * normalize.c — NFC for display text and the folded form used for matching.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

cr_status cri_nfc(cr_ctx *ctx, cri_buf *text) {
    (void)ctx; (void)text;
    return CR_OK;
}

int cri_fold(const char *s, size_t len, cri_buf *out) {
    for (size_t i = 0; i < len; i++)
        if (cri_buf_putc(out, cri_tolower(s[i]))) return -1;
    return 0;
}
