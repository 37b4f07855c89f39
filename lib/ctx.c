/*
 * ctx.c — the context: options, the last error message, and per-context
 * caches (the stemmer).  Nothing global: each context is independent.
 */
#include "internal.h"

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>

const char *cr_status_str(cr_status s) {
    switch (s) {
    case CR_OK: return "ok";
    case CR_ERR_NOMEM: return "out of memory";
    case CR_ERR_IO: return "input/output error";
    case CR_ERR_INPUT: return "input rejected";
    case CR_ERR_LIMIT: return "input too large";
    case CR_ERR_USAGE: return "invalid argument";
    case CR_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}

const char *cr_version(void) { return CR_VERSION; }

void cr_options_init(cr_options *opt) {
    memset(opt, 0, sizeof *opt);
    opt->max_bytes = CR_DEFAULT_MAX_BYTES;
    opt->seed = 0x63726f7373726561ULL; /* "crossrea" */
}

cr_status cr_ctx_new(const cr_options *opt, cr_ctx **out) {
    if (!out) return CR_ERR_USAGE;
    *out = NULL;
    cr_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) return CR_ERR_NOMEM;
    if (opt) ctx->opt = *opt;
    else cr_options_init(&ctx->opt);
    if (ctx->opt.max_bytes == 0) ctx->opt.max_bytes = CR_DEFAULT_MAX_BYTES;
    *out = ctx;
    return CR_OK;
}

void cr_ctx_free(cr_ctx *ctx) {
    if (!ctx) return;
    if (ctx->stemmer) sb_stemmer_delete(ctx->stemmer);
    if (ctx->stem_cache_ready) cri_strmap_free(&ctx->stem_cache);
    cri_buf_free(&ctx->stem_pool);
    free(ctx);
}

const char *cr_errmsg(const cr_ctx *ctx) { return ctx ? ctx->errmsg : ""; }

cr_status cri_fail(cr_ctx *ctx, cr_status s, const char *fmt, ...) {
    if (ctx) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
        va_end(ap);
    }
    return s;
}
