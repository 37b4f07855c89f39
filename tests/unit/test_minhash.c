/*
 * test_minhash.c — shingles, one-permutation MinHash with optimal
 * densification, LSH parameters, the radix sort and set intersection.
 */
#include "check.h"
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static cr_ctx *ctx;

/* A cleaned document from raw body text (through the public pipeline). */
static cr_corpus *corpus_of(const char *const *texts, size_t n) {
    cr_corpus *c = NULL;
    if (cr_corpus_new(ctx, &c) != CR_OK) return NULL;
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "d%zu", i);
        cr_article a = {.id = id, .text = texts[i]};
        cr_corpus_add_article(c, &a);
    }
    cr_corpus_clean(c);
    return c;
}

/* Deterministic pseudo-words: w<number>. */
static char *words_text(uint64_t seed, size_t n, size_t shared_prefix, uint64_t prefix_seed) {
    char *s = malloc(n * 12 + 1), *p = s;
    uint64_t x = seed, y = prefix_seed;
    for (size_t i = 0; i < n; i++) {
        uint64_t v = i < shared_prefix ? (y = cri_mix64(y + 1)) : (x = cri_mix64(x + 1));
        p += sprintf(p, "w%u ", (unsigned)(v % 100000));
    }
    *p = 0;
    return s;
}

static double exact_jaccard(const cr_doc *a, const cr_doc *b, unsigned k) {
    uint64_t *A, *B;
    size_t na, nb;
    if (cri_shingles(a, k, 42, true, &A, &na) || cri_shingles(b, k, 42, true, &B, &nb)) return -1;
    size_t in = cri_intersect_u64(A, na, B, nb);
    free(A);
    free(B);
    return (double)in / (double)(na + nb - in);
}

static double sig_jaccard(const uint32_t *x, const uint32_t *y) {
    unsigned eq = 0;
    for (unsigned i = 0; i < CRI_MINHASH_K; i++) eq += x[i] == y[i];
    return (double)eq / CRI_MINHASH_K;
}

static void test_shingles(void) {
    const char *t[] = {"Alpha beta, gamma; delta epsilon zeta.", "alpha BETA gamma delta epsilon zeta",
                       "Word", "", "One two"};
    cr_corpus *c = corpus_of(t, 5);
    CHECK(c != NULL);
    if (!c) return;
    /* punctuation and case do not change shingles (folded keys) */
    const cr_doc *a = c->docs[0], *b = c->docs[1];
    uint64_t *A, *B;
    size_t na, nb;
    CHECK(cri_shingles(a, 5, 1, true, &A, &na) == 0);
    CHECK(cri_shingles(b, 5, 1, true, &B, &nb) == 0);
    CHECK(na == 2 && nb == 2);
    CHECK(na == nb && memcmp(A, B, na * sizeof *A) == 0);
    free(A);
    free(B);
    /* fewer words than k: one shingle of all words */
    size_t n1 = 0;
    for (size_t i = 0; i < cr_corpus_count(c); i++) {
        const cr_doc *d = c->docs[i];
        if (strcmp(d->id, "d2") == 0) {
            CHECK(cri_shingles(d, 5, 1, true, &A, &n1) == 0);
            CHECK(n1 == 1);
            free(A);
            uint32_t sig[CRI_MINHASH_K];
            size_t nsh;
            CHECK(cri_minhash_doc(d, 5, 1, sig, &nsh) == 1);
            CHECK(nsh == 1);
            /* densified: every bin holds the one value */
            unsigned same = 0;
            for (unsigned i2 = 0; i2 < CRI_MINHASH_K; i2++) same += sig[i2] == sig[0];
            CHECK(same == CRI_MINHASH_K);
        }
    }
    cr_corpus_free(c);
}

static void test_estimate(void) {
    /* Pairs with known overlap: the signature estimate tracks the exact
     * Jaccard (standard error at K=128 is about 0.045). */
    double worst = 0;
    for (int trial = 0; trial < 12; trial++) {
        size_t n = 300 + (size_t)trial * 40;
        size_t shared = (size_t)(n * (0.2 + 0.06 * trial));
        char *ta = words_text(1000 + trial, n, shared, 7 + trial);
        char *tb = words_text(5000 + trial, n, shared, 7 + trial);
        const char *t[] = {ta, tb};
        cr_corpus *c = corpus_of(t, 2);
        uint32_t sa[CRI_MINHASH_K], sb[CRI_MINHASH_K];
        CHECK(cri_minhash_doc(c->docs[0], 5, 42, sa, NULL) > 0);
        CHECK(cri_minhash_doc(c->docs[1], 5, 42, sb, NULL) > 0);
        double ex = exact_jaccard(c->docs[0], c->docs[1], 5), est = sig_jaccard(sa, sb);
        if (fabs(ex - est) > worst) worst = fabs(ex - est);
        cr_corpus_free(c);
        free(ta);
        free(tb);
    }
    CHECK(worst < 0.16);
    /* short documents (mostly empty bins before densification) too */
    char *ta = words_text(11, 30, 20, 3), *tb = words_text(12, 30, 20, 3);
    const char *t[] = {ta, tb};
    cr_corpus *c = corpus_of(t, 2);
    uint32_t sa[CRI_MINHASH_K], sb[CRI_MINHASH_K];
    CHECK(cri_minhash_doc(c->docs[0], 5, 42, sa, NULL) < CRI_MINHASH_K / 2);
    cri_minhash_doc(c->docs[1], 5, 42, sb, NULL);
    double ex = exact_jaccard(c->docs[0], c->docs[1], 5), est = sig_jaccard(sa, sb);
    CHECK(fabs(ex - est) < 0.25);
    /* the array form gives the same signature as the one-pass form */
    uint64_t *sh;
    size_t nsh;
    uint32_t sc[CRI_MINHASH_K];
    CHECK(cri_shingles(c->docs[0], 5, 42, false, &sh, &nsh) == 0);
    cri_minhash_sig(sh, nsh, 42, sc);
    CHECK(memcmp(sa, sc, sizeof sa) == 0);
    /* another seed, another signature */
    cri_minhash_doc(c->docs[0], 5, 43, sc, NULL);
    CHECK(memcmp(sa, sc, sizeof sa) != 0);
    free(sh);
    cr_corpus_free(c);
    free(ta);
    free(tb);
}

static double p_cand(double s, unsigned b, unsigned r) { return 1 - pow(1 - pow(s, r), b); }

static void test_lsh_params(void) {
    unsigned b, r;
    cri_lsh_params(0.5, 128, &b, &r);
    CHECK(b * r <= 128 && b >= 1 && r >= 1);
    CHECK(p_cand(0.8, b, r) > 0.99);   /* near-duplicates are found */
    CHECK(p_cand(0.1, b, r) < 0.05);   /* unrelated pairs rarely collide */
    unsigned b9, r9;
    cri_lsh_params(0.9, 128, &b9, &r9);
    CHECK(r9 > r);                      /* higher threshold: longer bands */
    unsigned b2, r2;
    cri_lsh_params(0.2, 128, &b2, &r2);
    CHECK(r2 < r && p_cand(0.3, b2, r2) > 0.9);
}

static int cmp64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void test_sort(void) {
    size_t n = 100000;
    uint64_t *v = malloc(n * sizeof *v), *w = malloc(n * sizeof *w);
    uint64_t x = 9;
    for (size_t i = 0; i < n; i++) {
        x = cri_mix64(x + i);
        v[i] = w[i] = i % 3 ? x : x >> 40;   /* some with empty high digits */
    }
    CHECK(cri_sort_u64(v, n) == 0);
    qsort(w, n, sizeof *w, cmp64);
    CHECK(memcmp(v, w, n * sizeof *v) == 0);
    /* the small-array path: sizes 0-3000, with many equal keys */
    int small_ok = 1;
    for (size_t m = 0; m <= 3000; m += 7) {
        for (size_t i = 0; i < m; i++) {
            x = cri_mix64(x + m);
            v[i] = w[i] = m % 2 ? x % 5 : x;
        }
        cri_sort_u64(v, m);
        qsort(w, m, sizeof *w, cmp64);
        if (m && memcmp(v, w, m * sizeof *v)) small_ok = 0;
    }
    CHECK(small_ok);
    uint64_t a[] = {1, 3, 5, 7, 9}, b[] = {2, 3, 4, 7, 10, 11};
    CHECK(cri_intersect_u64(a, 5, b, 6) == 2);
    CHECK(cri_intersect_u64(a, 0, b, 6) == 0);
    free(v);
    free(w);
}

int main(void) {
    cr_options o;
    cr_options_init(&o);
    o.raw = 1;
    if (cr_ctx_new(&o, &ctx) != CR_OK) return 1;
    test_shingles();
    test_estimate();
    test_lsh_params();
    test_sort();
    cr_ctx_free(ctx);
    return CHECK_REPORT();
}
