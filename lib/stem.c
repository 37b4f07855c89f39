/*
 * stem.c — Snowball English stems of folded keys, cached on the context.
 *
 * tokenize.c calls cri_stem for every non-stopword word token of an English
 * document (features.c for title words).  libstemmer costs about half a
 * microsecond a word; news vocabulary is Zipfian, so a per-context cache
 * turns almost every call into one probe of one cache line.
 *
 * The cache is an open-addressing table of 64-byte slots (hash, key, stem,
 * all inline: no pointer chasing), kept in ctx->stem_pool's bytes so the
 * context frees it with everything else (ctx->stem_cache, the generic string
 * map, is not used).  It is allocated once at CACHE_SLOTS slots (8 MB,
 * touched lazily) and never moves; when it is 3/4 full it is emptied —
 * bounded memory whatever the corpus.  Keys longer than KEY_MAX bytes (rare)
 * are stemmed every time into a small ring of buffers.
 *
 * Contract: the returned stem is NUL-terminated and stays valid at least
 * until the next cri_stem call on the context (in practice far longer: a
 * slot is only rewritten when the cache is emptied) — copy it if you keep it.
 */
#include "internal.h"

#include <libstemmer.h>
#include <stdlib.h>

#define CACHE_SLOTS ((size_t)1 << 17)
#define KEY_MAX 27
#define RING 64
#define RING_BYTES (CR_MAX_TOKEN * 2 + 8)

typedef struct slot {
    uint32_t hash;            /* 0: empty */
    uint8_t klen, slen;
    char key[KEY_MAX + 1];
    char stem[KEY_MAX + 3];   /* NUL-terminated; Snowball never lengthens */
} slot;
_Static_assert(sizeof(slot) == 64, "one cache line a slot");

typedef struct stem_cache {
    size_t count;
    unsigned ring_next;
    char ring[RING][RING_BYTES];
    slot slots[];
} stem_cache;

static stem_cache *cache_of(cr_ctx *ctx) {
    if (ctx->stem_pool.data) return (stem_cache *)(void *)ctx->stem_pool.data;
    size_t bytes = sizeof(stem_cache) + CACHE_SLOTS * sizeof(slot);
    /* calloc: the zero pages are mapped lazily, so unused slots cost nothing */
    char *p = calloc(1, bytes);
    if (!p) return NULL;
    ctx->stem_pool.data = p;
    ctx->stem_pool.len = bytes - 1;
    ctx->stem_pool.cap = bytes;
    return (stem_cache *)(void *)p;
}

static inline uint32_t key_hash(const char *k, size_t n, uint64_t seed) {
    uint64_t a = 0, b = 0;
    memcpy(&a, k, n < 8 ? n : 8);
    if (n > 8) memcpy(&b, k + 8, n - 8 < 8 ? n - 8 : 8);
    uint64_t h = cri_mix64((a ^ seed) * 0x9E3779B97F4A7C15ULL ^ (b + n) * 0xC2B2AE3D27D4EB4FULL);
    if (n > 16) h = cri_hash64(k, n, h);
    uint32_t h32 = (uint32_t)(h >> 32);
    return h32 ? h32 : 1;
}

/* Run libstemmer; NULL when it cannot be made or runs out of memory. */
static const char *snowball(cr_ctx *ctx, const char *key, size_t len, size_t *sl) {
    if (!ctx->stemmer) {
        ctx->stemmer = sb_stemmer_new("english", "UTF_8");
        if (!ctx->stemmer) return NULL;
    }
    const sb_symbol *s = sb_stemmer_stem(ctx->stemmer, (const sb_symbol *)key, (int)len);
    if (!s) return NULL;
    *sl = (size_t)sb_stemmer_length(ctx->stemmer);
    return (const char *)s;
}

const char *cri_stem(cr_ctx *ctx, const char *key, size_t len, size_t *stem_len) {
    *stem_len = len;
    if (len == 0 || len > CR_MAX_TOKEN) return key;
    stem_cache *c = cache_of(ctx);
    if (!c) return key;
    if (len > KEY_MAX) {
        size_t sl;
        const char *s = snowball(ctx, key, len, &sl);
        if (!s || sl >= RING_BYTES) return key;
        char *r = c->ring[c->ring_next++ % RING];
        memcpy(r, s, sl);
        r[sl] = 0;
        *stem_len = sl;
        return r;
    }
    uint32_t h = key_hash(key, len, ctx->opt.seed);
    size_t mask = CACHE_SLOTS - 1, i = h & mask;
    for (;;) {
        slot *s = &c->slots[i];
        if (s->hash == 0) break;
        if (s->hash == h && s->klen == len && memcmp(s->key, key, len) == 0) {
            *stem_len = s->slen;
            return s->stem;
        }
        i = (i + 1) & mask;
    }
    size_t sl;
    const char *st = snowball(ctx, key, len, &sl);
    if (!st) return key;
    if (sl > len + 2) sl = len + 2;
    if (c->count >= CACHE_SLOTS / 4 * 3) {
        /* full: start again (rare; keeps memory bounded) */
        memset(c->slots, 0, CACHE_SLOTS * sizeof(slot));
        c->count = 0;
        i = h & mask;
    }
    slot *s = &c->slots[i];
    s->hash = h;
    s->klen = (uint8_t)len;
    s->slen = (uint8_t)sl;
    memcpy(s->key, key, len);
    memcpy(s->stem, st, sl);
    s->stem[sl] = 0;
    c->count++;
    *stem_len = sl;
    return s->stem;
}
