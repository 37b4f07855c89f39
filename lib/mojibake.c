/*
 * mojibake.c — undo UTF-8 that was decoded as Windows-1252/Latin-1.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

cr_status cri_mojibake_fix(cr_ctx *ctx, cr_doc *d, cri_buf *text) {
    (void)ctx; (void)d; (void)text;
    return CR_OK;
}
