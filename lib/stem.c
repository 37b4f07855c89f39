/*
 * stem.c — Snowball English stems of folded keys, cached on the context.
 *
 * tokenize.c calls cri_stem for every non-stopword word token of an English
 * document.  libstemmer costs about a microsecond a word; news vocabulary is
 * small (a few hundred thousand distinct words in 100 MB), so a per-context
 * cache (folded key -> stem) turns almost every call into a hash lookup.
 *
 * The cache is bounded: when it holds CRI_STEM_CACHE_MAX keys or its pool
 * grows past CRI_STEM_POOL_MAX bytes it is emptied and refilled — a corpus of
 * noisy text cannot make it grow without end.
 *
 * The returned pointer points into ctx->stem_pool, which moves when the pool
 * grows: callers copy the stem before the next cri_stem call.
 */
#include "internal.h"

#include <libstemmer.h>

#define CRI_STEM_CACHE_MAX 400000
#define CRI_STEM_POOL_MAX ((size_t)8 << 20)

static int cache_init(cr_ctx *ctx) {
    if (cri_strmap_init(&ctx->stem_cache, 1 << 15, ctx->opt.seed ^ 0x5374656dULL)) return -1;
    ctx->stem_cache_ready = true;
    cri_buf_clear(&ctx->stem_pool);
    return 0;
}

const char *cri_stem(cr_ctx *ctx, const char *key, size_t len, size_t *stem_len) {
    *stem_len = len;
    if (len == 0 || len > CR_MAX_TOKEN) return key;
    if (!ctx->stem_cache_ready && cache_init(ctx)) return key;
    int64_t *v = cri_strmap_get(&ctx->stem_cache, key, len);
    if (v) {
        *stem_len = (size_t)(*v & 0xffff);
        return ctx->stem_pool.data + ((*v >> 16) - 1);
    }
    if (!ctx->stemmer) {
        ctx->stemmer = sb_stemmer_new("english", "UTF_8");
        if (!ctx->stemmer) return key;   /* out of memory: the key is its own stem */
    }
    const sb_symbol *s = sb_stemmer_stem(ctx->stemmer, (const sb_symbol *)key, (int)len);
    if (!s) return key;
    size_t sl = (size_t)sb_stemmer_length(ctx->stemmer);
    if (sl > len) sl = len;   /* Snowball English never lengthens; be safe */

    if (ctx->stem_cache.count >= CRI_STEM_CACHE_MAX || ctx->stem_pool.len >= CRI_STEM_POOL_MAX) {
        cri_strmap_free(&ctx->stem_cache);
        ctx->stem_cache_ready = false;
        if (cache_init(ctx)) { *stem_len = sl; return (const char *)s; }
    }
    size_t off = ctx->stem_pool.len;
    if (cri_buf_append(&ctx->stem_pool, s, sl) || cri_buf_putc(&ctx->stem_pool, 0)) {
        *stem_len = sl;
        return (const char *)s;   /* valid until the next stemmer call */
    }
    bool is_new;
    int64_t *slot = cri_strmap_upsert(&ctx->stem_cache, key, len, 0, &is_new);
    if (slot) *slot = ((int64_t)(off + 1) << 16) | (int64_t)sl;
    *stem_len = sl;
    return ctx->stem_pool.data + off;
}
