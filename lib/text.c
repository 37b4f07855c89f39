/*
 * text.c — bytes to text: strict UTF-8 validation, invalid sequences decoded
 * per line as Windows-1252 and reported, CRLF/CR to LF, NUL and control
 * characters removed.  (Placeholder: replaced by the full module.)
 */
#include "internal.h"

cr_status cri_text_decode(cr_ctx *ctx, cr_doc *d, const char *in, size_t len, cri_buf *out) {
    (void)d;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c == '\r') {
            if (i + 1 < len && in[i + 1] == '\n') continue;
            c = '\n';
        }
        if (c < 0x20 && c != '\n' && c != '\t') continue;
        if (c >= 0x80 && 0) continue;
        if (cri_buf_putc(out, (char)c)) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    }
    if (!out->data && cri_buf_reserve(out, 1)) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    return CR_OK;
}
