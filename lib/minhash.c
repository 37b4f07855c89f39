/*
 * minhash.c — word shingles and MinHash signatures, the first step of copy
 * detection (dedup.c).  A document's folded word keys (from tokenize.c; the
 * punctuation tokens are skipped) are hashed once each, k consecutive key
 * hashes are combined into one 64-bit shingle hash, and each shingle updates
 * one bin of a one-permutation MinHash signature (Li, Owen and Zhang 2012):
 * the top bits choose the bin, the low 32 bits are the value kept when it is
 * the smallest.  Bins that no shingle fell into are filled by optimal
 * densification (Shrivastava 2017): an empty bin borrows the value of the
 * first non-empty bin met along its own seeded probe sequence, which keeps
 * the estimator unbiased with low variance even for short documents.  A
 * signature thus costs one hash per shingle instead of one per permutation.
 *
 * Also here: the LSH band/row choice for a Jaccard threshold (the
 * false-positive and false-negative areas, as datasketch's _optimal_param),
 * sorted-set intersection and a radix sort for 64-bit keys, which dedup.c
 * uses for shingle sets and candidate pairs.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>

/* log2(CRI_MINHASH_K): the top bits of a shingle hash pick its bin. */
#define BIN_BITS 7
_Static_assert((1u << BIN_BITS) == CRI_MINHASH_K, "K must be 2^BIN_BITS");

/* Longest shingle (the CLI allows 1-32 words). */
#define MAX_SHINGLE 32

static bool shingle_token(const cri_token *t) {
    return !(t->flags & CRI_TOK_PUNCT) && t->key_len > 0;
}

/* A shingle hash is mix(sum_j hash(word_j) * B^(k-1-j)) mod 2^64 with an
 * odd seeded base B: word order matters, and the sum rolls from one shingle
 * to the next in O(1) (subtract the word that leaves, multiply, add the word
 * that enters), so a shingle costs one key hash and one mix whatever k. */
static uint64_t shingle_base(uint64_t seed) { return cri_mix64(seed + 0x9e3779b97f4a7c15ULL) | 1; }

/* Where shingle hashes go: a signature being built, an array, or both. */
typedef struct shingle_sink {
    uint64_t *v; size_t n, cap;
    uint32_t *sig; uint64_t filled[CRI_MINHASH_K / 64];
    bool oom;
} shingle_sink;

static inline void sink_put(shingle_sink *s, uint64_t h) {
    if (s->sig) {
        unsigned bin = (unsigned)(h >> (64 - BIN_BITS));
        uint32_t v = (uint32_t)h;
        uint64_t bit = 1ULL << (bin & 63);
        if (!(s->filled[bin >> 6] & bit)) {
            s->filled[bin >> 6] |= bit;
            s->sig[bin] = v;
        } else if (v < s->sig[bin]) {
            s->sig[bin] = v;
        }
    }
    if (s->v) {
        if (s->n == s->cap) {
            size_t nc = s->cap ? s->cap * 2 : 256;
            uint64_t *nv = realloc(s->v, nc * sizeof *nv);
            if (!nv) { s->oom = true; return; }
            s->v = nv;
            s->cap = nc;
        }
        s->v[s->n] = h;
    }
    s->n++;
}

static void run_shingles(const cr_doc *d, unsigned k, uint64_t seed, shingle_sink *s) {
    if (k == 0) k = 1;
    if (k > MAX_SHINGLE) k = MAX_SHINGLE;
    uint64_t ring[MAX_SHINGLE];
    uint64_t base = shingle_base(seed), top = 1;   /* top = B^(k-1) */
    for (unsigned j = 1; j < k; j++) top *= base;
    uint64_t wseed = cri_mix64(seed ^ 0x5bd1e995u);
    uint64_t h = 0;
    size_t words = 0;
    unsigned pos = 0;   /* ring slot of the oldest word */
    for (size_t i = 0; i < d->n_toks && !s->oom; i++) {
        const cri_token *t = &d->toks[i];
        if (!shingle_token(t)) continue;
        uint64_t w = cri_hash64(cri_tok_key(d, t), t->key_len, wseed);
        if (words >= k) {
            h -= ring[pos] * top;
            ring[pos] = w;
            pos = pos + 1 == k ? 0 : pos + 1;
        } else {
            ring[words] = w;
        }
        h = h * base + w;
        words++;
        if (words >= k) sink_put(s, cri_mix64(h ^ seed));
    }
    if (words > 0 && words < k && !s->oom) {
        /* Shorter than one shingle: the whole text is the shingle, so two
         * identical one-word articles still match and differ from others. */
        sink_put(s, cri_mix64(h ^ seed ^ (uint64_t)words));
    }
}

/* Quicksort for small arrays (no comparator calls, which dominate qsort
 * on 64-bit keys): median of three, insertion sort below 24, recursion on
 * the smaller side only (depth <= log2 n). */
static void quick_u64(uint64_t *v, size_t n) {
    while (n > 24) {
        uint64_t a = v[0], b = v[n / 2], c = v[n - 1];
        uint64_t p = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
        size_t i = 0, j = n - 1;
        for (;;) {
            while (v[i] < p) i++;
            while (v[j] > p) j--;
            if (i >= j) break;
            uint64_t t = v[i];
            v[i] = v[j];
            v[j] = t;
            i++;
            j--;
        }
        size_t left = j + 1;   /* v[0..left) <= p <= v[left..n) */
        if (left < n - left) {
            quick_u64(v, left);
            v += left;
            n -= left;
        } else {
            quick_u64(v + left, n - left);
            n = left;
        }
    }
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t j = i;
        while (j > 0 && v[j - 1] > x) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

int cri_sort_u64(uint64_t *v, size_t n) {
    if (n < 2) return 0;   /* also covers v == NULL for an empty vector */
    if (n < 2048) {
        quick_u64(v, n);
        return 0;
    }
    /* LSD radix sort, 4 passes of 16 bits; passes where every key has the
     * same digit are skipped (common for small doc indexes in high bits). */
    uint64_t *tmp = malloc(n * sizeof *tmp);
    size_t *count = malloc(65536 * sizeof *count);
    if (!tmp || !count) {
        free(tmp);
        free(count);
        return -1;
    }
    uint64_t *src = v, *dst = tmp;
    for (unsigned shift = 0; shift < 64; shift += 16) {
        memset(count, 0, 65536 * sizeof *count);
        for (size_t i = 0; i < n; i++) count[(src[i] >> shift) & 0xffff]++;
        if (count[(src[0] >> shift) & 0xffff] == n) continue;
        size_t sum = 0;
        for (size_t i = 0; i < 65536; i++) {
            size_t c = count[i];
            count[i] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++) dst[count[(src[i] >> shift) & 0xffff]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != v) memcpy(v, src, n * sizeof *v);
    free(tmp);
    free(count);
    return 0;
}

int cri_shingles(const cr_doc *d, unsigned k, uint64_t seed, bool sorted_unique, uint64_t **out,
                 size_t *n) {
    *out = NULL;
    *n = 0;
    shingle_sink s = {0};
    s.cap = 64;
    s.v = malloc(s.cap * sizeof *s.v);
    if (!s.v) return -1;
    run_shingles(d, k, seed, &s);
    if (s.oom) {
        free(s.v);
        return -1;
    }
    if (sorted_unique && s.n > 1) {
        if (cri_sort_u64(s.v, s.n)) {
            free(s.v);
            return -1;
        }
        size_t w = 1;
        for (size_t i = 1; i < s.n; i++)
            if (s.v[i] != s.v[w - 1]) s.v[w++] = s.v[i];
        s.n = w;
    }
    *out = s.v;
    *n = s.n;
    return 0;
}

/* Optimal densification: empty bin i probes bins h(i,1), h(i,2), ... (a
 * seeded sequence of its own) and copies the first filled one.  Using the
 * bin's own sequence rather than "the next filled bin to the right" is what
 * makes the collision probability exactly the Jaccard similarity. */
static void densify(uint32_t *sig, const uint64_t *filled, unsigned nfilled, uint64_t seed) {
    if (nfilled == 0 || nfilled == CRI_MINHASH_K) return;
    uint32_t orig[CRI_MINHASH_K];
    memcpy(orig, sig, sizeof orig);
    uint64_t dseed = cri_mix64(seed ^ 0xd6e8feb86659fd93ULL);
    for (unsigned i = 0; i < CRI_MINHASH_K; i++) {
        if (filled[i >> 6] & (1ULL << (i & 63))) continue;
        unsigned j = CRI_MINHASH_K;
        /* Expected K/nfilled probes; the bound only guards a hash that
         * never lands on a filled bin, which cannot happen in practice. */
        for (uint64_t attempt = 1; attempt <= 64u * CRI_MINHASH_K; attempt++) {
            unsigned p = (unsigned)(cri_mix64(dseed + ((uint64_t)i << 32) + attempt) >> (64 - BIN_BITS));
            if (filled[p >> 6] & (1ULL << (p & 63))) {
                j = p;
                break;
            }
        }
        if (j == CRI_MINHASH_K) {
            for (unsigned s = 1; s < CRI_MINHASH_K; s++) {
                unsigned p = (i + s) % CRI_MINHASH_K;
                if (filled[p >> 6] & (1ULL << (p & 63))) {
                    j = p;
                    break;
                }
            }
        }
        sig[i] = orig[j];
    }
}

static unsigned finish_sig(shingle_sink *s, uint64_t seed) {
    unsigned nfilled = 0;
    for (unsigned w = 0; w < CRI_MINHASH_K / 64; w++)
        nfilled += (unsigned)__builtin_popcountll(s->filled[w]);
    densify(s->sig, s->filled, nfilled, seed);
    return nfilled;
}

unsigned cri_minhash_sig(const uint64_t *sh, size_t n, uint64_t seed, uint32_t sig[CRI_MINHASH_K]) {
    shingle_sink s = {0};
    s.sig = sig;
    for (size_t i = 0; i < n; i++) sink_put(&s, sh[i]);
    return finish_sig(&s, seed);
}

unsigned cri_minhash_doc(const cr_doc *d, unsigned k, uint64_t seed, uint32_t sig[CRI_MINHASH_K],
                         size_t *n_shingles) {
    shingle_sink s = {0};
    s.sig = sig;
    run_shingles(d, k, seed, &s);
    if (n_shingles) *n_shingles = s.n;
    return finish_sig(&s, seed);
}

size_t cri_intersect_u64(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
    size_t i = 0, j = 0, n = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j]) i++;
        else if (a[i] > b[j]) j++;
        else {
            n++;
            i++;
            j++;
        }
    }
    return n;
}

/* ---- LSH parameters ------------------------------------------------------ */

/* Probability that a pair with similarity s shares at least one band. */
static double p_candidate(double s, unsigned b, unsigned r) {
    return 1.0 - pow(1.0 - pow(s, (double)r), (double)b);
}

/* Simpson's rule over [lo, hi] of p (fp: p itself; fn: 1 - p). */
static double area(double lo, double hi, unsigned b, unsigned r, bool fn) {
    const int steps = 64;   /* even */
    if (hi <= lo) return 0;
    double h = (hi - lo) / steps, sum = 0;
    for (int i = 0; i <= steps; i++) {
        double p = p_candidate(lo + i * h, b, r);
        if (fn) p = 1.0 - p;
        sum += p * (i == 0 || i == steps ? 1 : (i % 2 ? 4 : 2));
    }
    return sum * h / 3;
}

void cri_lsh_params(double threshold, unsigned K, unsigned *bands, unsigned *rows) {
    if (threshold <= 0) threshold = 0.01;
    if (threshold > 1) threshold = 1;
    double best = INFINITY;
    unsigned bb = 1, rr = K;
    for (unsigned b = 1; b <= K; b++) {
        for (unsigned r = 1; r <= K / b; r++) {
            double err = 0.5 * area(0, threshold, b, r, false) + 0.5 * area(threshold, 1, b, r, true);
            if (err < best - 1e-12) {
                best = err;
                bb = b;
                rr = r;
            }
        }
    }
    *bands = bb;
    *rows = rr;
}
