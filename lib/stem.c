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
 * map, is not used).  2^17 slots (8 MB of address space, touched as the
 * vocabulary fills it: news has 15-50K distinct words); when 3/4 full it is
 * emptied — bounded memory whatever the corpus.  The block never moves.
 * Keys longer than KEY_MAX bytes (rare) are stemmed every time.
 *
 * In front of it, a small direct-mapped cache of short words (256 KB, stays
 * in L2) serves the few thousand words that make most of any text.
 *
 * In front of both, for short ASCII words, sits the tokenizer's own word
 * cache (tokenize.c; its memory is the `words` block here, handed out by
 * cri_word_cache): stem.c sees a word only the first time, or when it is
 * longer than 12 bytes or not plain ASCII.
 *
 * Contract: cri_stem's stem is NUL-terminated, in a ring of 64 buffers on
 * the context: valid for the next 63 calls — copy it if you keep it longer.
 * cri_stem_tokens (the tokenizer's path) copies straight into d->pool.
 */
#include "internal.h"

#include <libstemmer.h>
#include <stdlib.h>

#define SLOTS ((size_t)1 << 17)
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

/* The front cache: direct-mapped, small enough to stay in L2, for the few
 * thousand words that make most of the text (the big table's random slots
 * miss the cache on almost every lookup). */
#define FRONT_SLOTS 8192
#define FRONT_KEY 12
typedef struct front {
    uint32_t hash;            /* 0: empty */
    uint8_t klen, slen;
    char key[FRONT_KEY];
    char stem[FRONT_KEY + 2];
} front;
_Static_assert(sizeof(front) == 32, "two a cache line");

typedef struct stem_cache {
    size_t count, n_slots;
    unsigned ring_next;
    char ring[RING][RING_BYTES];
    front front[FRONT_SLOTS];
    unsigned char words[CRI_WORD_CACHE_BYTES + 64];   /* cri_word_cache (tokenize.c) */
    slot slots[];
} stem_cache;

static stem_cache *cache_of(cr_ctx *ctx) {
    if (ctx->stem_pool.data) return (stem_cache *)(void *)ctx->stem_pool.data;
    size_t bytes = sizeof(stem_cache) + SLOTS * sizeof(slot);
    /* calloc: zero pages are mapped on first touch, so the table costs
     * memory only as the vocabulary fills it */
    char *p = calloc(1, bytes);
    if (!p) return NULL;
    ctx->stem_pool.data = p;
    ctx->stem_pool.len = bytes - 1;
    ctx->stem_pool.cap = bytes;
    ((stem_cache *)(void *)p)->n_slots = SLOTS;
    return (stem_cache *)(void *)p;
}

/* Short, equal-length byte strings: an inline loop beats a libc call. */
static inline bool same(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return false;
    return true;
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

/* key_hash for a key followed by at least 16 readable bytes: two plain
 * loads instead of variable-length copies (which stall store forwarding). */
static inline uint32_t key_hash_padded(const char *k, size_t n, uint64_t seed) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t a, b;
    memcpy(&a, k, 8);
    memcpy(&b, k + 8, 8);
    if (n < 8) {
        a &= ((uint64_t)1 << (8 * n)) - 1;
        b = 0;
    } else if (n < 16) {
        b = n == 8 ? 0 : b & (((uint64_t)1 << (8 * (n - 8))) - 1);
    }
    uint64_t h = cri_mix64((a ^ seed) * 0x9E3779B97F4A7C15ULL ^ (b + n) * 0xC2B2AE3D27D4EB4FULL);
    if (n > 16) h = cri_hash64(k, n, h);
    uint32_t h32 = (uint32_t)(h >> 32);
    return h32 ? h32 : 1;
#else
    return key_hash(k, n, seed);
#endif
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

/* Lookup for a key of 1..CR_MAX_TOKEN bytes; h = key_hash() when len <= KEY_MAX. */
static const char *lookup(cr_ctx *ctx, stem_cache *c, const char *key, size_t len, uint32_t h,
                          size_t *stem_len) {
    *stem_len = len;
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
    front *f = &c->front[(h >> 7) & (FRONT_SLOTS - 1)];
    if (f->hash == h && f->klen == len && same(f->key, key, len)) {
        *stem_len = f->slen;
        return f->stem;
    }
    size_t mask = c->n_slots - 1, i = h & mask;
    for (;;) {
        slot *s = &c->slots[i];
        if (s->hash == 0) break;
        if (s->hash == h && s->klen == len && same(s->key, key, len)) {
            *stem_len = s->slen;
            if (len <= FRONT_KEY && s->slen < FRONT_KEY + 2) {
                f->hash = h;
                f->klen = s->klen;
                f->slen = s->slen;
                memcpy(f->key, key, len);
                memcpy(f->stem, s->stem, s->slen + 1u);
            }
            return s->stem;
        }
        i = (i + 1) & mask;
    }
    size_t sl;
    const char *st = snowball(ctx, key, len, &sl);
    if (!st) return key;
    if (sl > len + 2) sl = len + 2;
    if (c->count >= c->n_slots / 4 * 3) {
        /* full: start again (rare; keeps memory bounded).  The block never
         * moves, so stems handed out stay readable. */
        memset(c->slots, 0, c->n_slots * sizeof(slot));
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

const char *cri_stem(cr_ctx *ctx, const char *key, size_t len, size_t *stem_len) {
    *stem_len = len;
    if (len == 0 || len > CR_MAX_TOKEN) return key;
    stem_cache *c = cache_of(ctx);
    if (!c) return key;
    uint32_t h = len <= KEY_MAX ? key_hash(key, len, ctx->opt.seed) : 0;
    size_t sl;
    const char *st = lookup(ctx, c, key, len, h, &sl);
    /* hand out a copy in the ring: cache slots move when the table grows,
     * and callers that collect a few stems before copying them (titles)
     * stay safe for the next RING - 1 calls */
    *stem_len = sl;
    if (st == key || sl >= RING_BYTES) return st;
    uintptr_t sp = (uintptr_t)st, rp = (uintptr_t)c->ring[0];
    if (sp >= rp && sp < rp + sizeof c->ring) return st;   /* already a ring copy */
    char *r = c->ring[c->ring_next++ % RING];
    memcpy(r, st, sl);
    r[sl] = 0;
    *stem_len = sl;
    return r;
}

void *cri_word_cache(cr_ctx *ctx) {
    stem_cache *c = cache_of(ctx);
    if (!c) return NULL;
    /* cache-line aligned: the tokenizer's two-way sets are one line each */
    uintptr_t p = ((uintptr_t)c->words + 63) & ~(uintptr_t)63;
    return (void *)p;
}

int cri_stem_tokens(cr_ctx *ctx, cr_doc *d, const uint32_t *idx, size_t n) {
    enum { BATCH = 16 };
    uint32_t hs[BATCH];
    stem_cache *c = cache_of(ctx);
    if (!c) return 0;   /* no cache memory: the keys stay their own stems */
    /* 16 bytes of slack after the last key, for key_hash_padded */
    if (cri_buf_reserve(&d->pool, 16)) return -1;
    for (size_t base = 0; base < n; base += BATCH) {
        size_t m = n - base < BATCH ? n - base : BATCH;
        /* hash the batch and start loading its slots, then probe: the cache
         * misses of 16 lookups overlap instead of queueing */
        for (size_t k = 0; k < m; k++) {
            const cri_token *t = &d->toks[idx[base + k]];
            size_t len = t->key_len;
            if (len == 0 || len > KEY_MAX) { hs[k] = 0; continue; }
            hs[k] = key_hash_padded(d->pool.data + t->key, len, ctx->opt.seed);
#if defined(__GNUC__)
            __builtin_prefetch(&c->front[(hs[k] >> 7) & (FRONT_SLOTS - 1)]);
            __builtin_prefetch(&c->slots[hs[k] & (c->n_slots - 1)]);
#endif
        }
        for (size_t k = 0; k < m; k++) {
            cri_token *t = &d->toks[idx[base + k]];
            size_t len = t->key_len, sl;
            if (len == 0 || len > CR_MAX_TOKEN) continue;
            const char *st = lookup(ctx, c, d->pool.data + t->key, len, hs[k], &sl);
            const char *key = d->pool.data + t->key;
            if (sl == len && same(st, key, sl)) continue;
            cri_buf *p = &d->pool;
            if (p->cap - p->len < sl + 2 && cri_buf_reserve(p, sl + 2)) return -1;
            memcpy(p->data + p->len, st, sl);
            p->data[p->len + sl] = 0;
            if (p->len > UINT32_MAX) return -1;
            t->stem = (uint32_t)p->len;
            t->stem_len = (uint16_t)sl;
            p->len += sl + 1;
        }
    }
    return 0;
}
