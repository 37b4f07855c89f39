/*
 * util.c — the small containers every module uses: growable byte buffers,
 * the per-document arena, growable arrays, a seeded 64-bit hash, a string
 * map, and an ASCII character table.  Nothing here knows about news.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- buffers ------------------------------------------------------------ */

int cri_buf_reserve(cri_buf *b, size_t extra) {
    if (extra > CR_MAX_BUFFER - b->len - 1) return -1;
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap = cap < CR_MAX_BUFFER / 2 ? cap * 2 : CR_MAX_BUFFER;
    char *p = realloc(b->data, cap);
    if (!p) return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

int cri_buf_append(cri_buf *b, const void *p, size_t n) {
    if (cri_buf_reserve(b, n)) return -1;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
    return 0;
}

int cri_buf_puts(cri_buf *b, const char *s) { return cri_buf_append(b, s, strlen(s)); }

int cri_buf_putc(cri_buf *b, char c) {
    if (b->len + 1 >= b->cap && cri_buf_reserve(b, 1)) return -1;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
    return 0;
}

int cri_buf_printf(cri_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return -1;
    if ((size_t)n < sizeof tmp) return cri_buf_append(b, tmp, (size_t)n);
    if (cri_buf_reserve(b, (size_t)n)) return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void cri_buf_clear(cri_buf *b) {
    b->len = 0;
    if (b->data) b->data[0] = 0;
}

void cri_buf_free(cri_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *cri_buf_detach(cri_buf *b) {
    char *p = b->data;
    if (!p) p = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

/* ---- arena -------------------------------------------------------------- */

struct cri_arena_block {
    cri_arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char mem[];
};

void *cri_arena_alloc(cri_arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    cri_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > 8192 ? n : 8192;
        if (a->head && a->head->size * 2 > size && a->head->size < (1u << 20))
            size = a->head->size * 2 > n ? a->head->size * 2 : n;
        b = malloc(sizeof *b + size);
        if (!b) return NULL;
        b->next = a->head;
        b->size = size;
        b->used = 0;
        a->head = b;
    }
    void *p = b->mem + b->used;
    b->used += n;
    a->used_total += n;
    memset(p, 0, n);
    return p;
}

char *cri_arena_strndup(cri_arena *a, const char *s, size_t n) {
    char *p = cri_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *cri_arena_strdup(cri_arena *a, const char *s) {
    return s ? cri_arena_strndup(a, s, strlen(s)) : NULL;
}

void cri_arena_free(cri_arena *a) {
    cri_arena_block *b = a->head;
    while (b) {
        cri_arena_block *n = b->next;
        free(b);
        b = n;
    }
    a->head = NULL;
    a->used_total = 0;
}

/* ---- growable arrays ---------------------------------------------------- */

void *cri_vec_push(void *arrp, size_t *n, size_t *cap, size_t elem) {
    void **arr = arrp;
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        if (nc > SIZE_MAX / elem) return NULL;
        void *p = realloc(*arr, nc * elem);
        if (!p) return NULL;
        *arr = p;
        *cap = nc;
    }
    unsigned char *slot = (unsigned char *)*arr + (*n)++ * elem;
    memset(slot, 0, elem);
    return slot;
}

/* ---- hashing ------------------------------------------------------------ */

/* A multiply-xorshift hash over 8-byte words (in the spirit of wyhash):
 * fast on short keys, well mixed, and independent of endianness because
 * words are assembled byte by byte. */
static inline uint64_t rd64(const unsigned char *p) {
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
           (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
           (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

static inline uint64_t rd32(const unsigned char *p) {
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

static inline uint64_t mum(uint64_t a, uint64_t b) {
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

uint64_t cri_hash64(const void *data, size_t n, uint64_t seed) {
    const unsigned char *p = data;
    const uint64_t k0 = 0xa0761d6478bd642fULL, k1 = 0xe7037ed1a0b428dbULL,
                   k2 = 0x8ebc6af09c88c6e3ULL;
    uint64_t h = seed ^ k0 ^ (n * k2);
    while (n >= 16) {
        h = mum(rd64(p) ^ k1, rd64(p + 8) ^ h);
        p += 16;
        n -= 16;
    }
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        a = rd64(p);
        p += 8;
        n -= 8;
    }
    /* the last n < 8 bytes, little-endian, without a loop: two overlapping
     * reads (4..7 bytes) or three single bytes (1..3) */
    if (n >= 4) b = rd32(p) | rd32(p + n - 4) << (8 * (n - 4));
    else if (n > 0)
        b = (uint64_t)p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) | (uint64_t)p[n - 1] << (8 * (n - 1));
    h = mum(a ^ k1 ^ h, b ^ k2);
    return mum(h ^ k0, h ^ k1 ^ n);
}

/* ---- string map --------------------------------------------------------- */

typedef struct cri_strmap_slot {
    const char *key;   /* NULL: empty */
    uint32_t len;
    uint32_t hash32;
    int64_t val;
} cri_strmap_slot;

int cri_strmap_init(cri_strmap *m, size_t expect, uint64_t seed) {
    memset(m, 0, sizeof *m);
    size_t cap = 16;
    while (cap < expect * 2) cap *= 2;
    m->slots = calloc(cap, sizeof *m->slots);
    if (!m->slots) return -1;
    m->cap = cap;
    m->seed = seed;
    return 0;
}

void cri_strmap_free(cri_strmap *m) {
    free(m->slots);
    cri_arena_free(&m->keys);
    memset(m, 0, sizeof *m);
}

static cri_strmap_slot *find_slot(cri_strmap_slot *slots, size_t cap, const char *key,
                                  size_t len, uint64_t h) {
    size_t mask = cap - 1, i = (size_t)h & mask;
    uint32_t h32 = (uint32_t)(h >> 32);
    for (;;) {
        cri_strmap_slot *s = &slots[i];
        if (!s->key) return s;
        if (s->hash32 == h32 && s->len == len && memcmp(s->key, key, len) == 0) return s;
        i = (i + 1) & mask;
    }
}

static int grow(cri_strmap *m) {
    size_t nc = m->cap * 2;
    cri_strmap_slot *ns = calloc(nc, sizeof *ns);
    if (!ns) return -1;
    for (size_t i = 0; i < m->cap; i++) {
        cri_strmap_slot *s = &m->slots[i];
        if (!s->key) continue;
        uint64_t h = cri_hash64(s->key, s->len, m->seed);
        *find_slot(ns, nc, s->key, s->len, h) = *s;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = nc;
    return 0;
}

int64_t *cri_strmap_upsert(cri_strmap *m, const char *key, size_t len, int64_t init,
                           bool *is_new) {
    if (is_new) *is_new = false;
    if (len > UINT32_MAX) return NULL;
    if ((m->count + 1) * 4 > m->cap * 3 && grow(m)) return NULL;
    uint64_t h = cri_hash64(key, len, m->seed);
    cri_strmap_slot *s = find_slot(m->slots, m->cap, key, len, h);
    if (!s->key) {
        char *k = cri_arena_strndup(&m->keys, key, len);
        if (!k) return NULL;
        s->key = k;
        s->len = (uint32_t)len;
        s->hash32 = (uint32_t)(h >> 32);
        s->val = init;
        m->count++;
        if (is_new) *is_new = true;
    }
    return &s->val;
}

int64_t *cri_strmap_get(const cri_strmap *m, const char *key, size_t len) {
    if (!m->slots) return NULL;
    uint64_t h = cri_hash64(key, len, m->seed);
    cri_strmap_slot *s = find_slot(m->slots, m->cap, key, len, h);
    return s->key ? &s->val : NULL;
}

const char *cri_strmap_key(const cri_strmap *m, const char *key, size_t len) {
    if (!m->slots) return NULL;
    uint64_t h = cri_hash64(key, len, m->seed);
    cri_strmap_slot *s = find_slot(m->slots, m->cap, key, len, h);
    return s->key;
}

/* ---- character table ---------------------------------------------------- */

#define U CRI_C_UPPER
#define L CRI_C_LOWER
#define D CRI_C_DIGIT
#define S CRI_C_SPACE
#define P CRI_C_PUNCT
#define H CRI_C_HIGH
const uint8_t cri_ctype[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, S, S, S, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, 0,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
#undef U
#undef L
#undef D
#undef S
#undef P
#undef H

const char *const cri_ent_type_name[4] = {"person", "organization", "place", "other"};
const char *const cri_copy_relation_name[3] = {"duplicate", "contains", "rewrite"};
