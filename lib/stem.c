/*
 * stem.c — Snowball English stems, cached per context.  (Placeholder.)
 */
#include "internal.h"

const char *cri_stem(cr_ctx *ctx, const char *key, size_t len, size_t *stem_len) {
    (void)ctx; *stem_len = len; return key;
}
