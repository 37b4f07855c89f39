/*
 * dedup.c — copies among the cleaned documents of a corpus: near-identical
 * texts (`duplicate`), one text holding most of another plus its own
 * (`contains`, syndication with additions), and paraphrases that follow
 * another article sentence by sentence (`rewrite`).  Runs after cleaning
 * (cr_corpus_clean: body, sentences, tokens with folded keys and stems) and
 * feeds copy groups to the JSON writer; cluster and brief can read
 * c->copies / c->groups.
 *
 * Nothing compares all pairs.  Candidates come from four indexes, each
 * bounded per bucket so that no bucket expands quadratically:
 *   1. identical signatures: when more than BUCKET_ALL documents have one
 *      signature (a flood of one republished text), they are collapsed onto
 *      their first member, linked to it only, and only that representative
 *      goes further;
 *   2. MinHash LSH over 5-word shingles (minhash.c), bands and rows derived
 *      from the Jaccard threshold;
 *   3. exact sentences: a sentence hash -> documents index; two documents
 *      sharing two long sentences (one for very short texts) are candidates,
 *      which finds a short article contained in a long one whose Jaccard is
 *      low;
 *   4. rare content words: each document's rarest content stems (present in
 *      at least two documents) -> documents; pairs sharing many of them are
 *      candidates for a rewrite, whose shingles differ.
 * Every candidate is verified on exact shingle sets (sorted 64-bit hashes,
 * merge-intersected) and, when it is not a duplicate or containment, by
 * aligning its sentences (align.c).  Relations, in order:
 *   duplicate  Jaccard >= 0.8, or >= the threshold without one side
 *              holding the other;
 *   contains   >= 80% of the smaller text's shingles are in the larger,
 *              and the larger has at least 1.3x the smaller's shingles;
 *   rewrite    the aligned units (sentence pairs, or one sentence with
 *              two adjacent ones, Dice over content stems >= 0.3, in
 *              order) number at least 6 and cover >= 50% of the shorter
 *              text's sentences, with mean similarity >= 0.6, and units of
 *              similarity >= 0.5 cover >= 50% of them.
 * Groups are the connected components of the reported pairs; each names a
 * likely original (earliest published, else the container, else the
 * longest, else the first in input) and why.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>


/* Relation thresholds (documented in docs/dedup.md). */
#define DUP_JACCARD 0.8
#define CONTAIN_MIN 0.8
#define CONTAIN_RATIO 1.3
#define REWRITE_MIN_SIM 0.3      /* a sentence pair counts as aligned */
#define REWRITE_STRONG_SIM 0.5   /* ... and as a strong pair */
#define REWRITE_COVERAGE 0.5     /* covered / eligible sentences of the shorter */
#define REWRITE_STRONG_COVERAGE 0.5
#define REWRITE_MEAN_SIM 0.6
#define REWRITE_MIN_ALIGNED 6
/* Buckets up to this size give all their pairs; larger ones link every
 * member to the first only (union-find still joins the group). */
#define BUCKET_ALL 16
/* Words a sentence needs to enter the exact-sentence index. */
#define SENT_MIN_WORDS 6
/* Rare-term index: terms kept per document, and the largest document
 * frequency a term may have to count as rare. */
#define RARE_TERMS 24
#define RARE_MAX_DF 32
#define RARE_MIN_SHARED 5
#define RARE_SHARE 0.3

void cr_dedup_options_init(cr_dedup_options *o) {
    if (!o) return;
    o->threshold = 0.5;
    o->shingle = 5;
}

typedef struct u64vec {
    uint64_t *v;
    size_t n, cap;
} u64vec;

static int vpush(u64vec *p, uint64_t x) {
    if (p->n == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 1024;
        uint64_t *nv = realloc(p->v, nc * sizeof *nv);
        if (!nv) return -1;
        p->v = nv;
        p->cap = nc;
    }
    p->v[p->n++] = x;
    return 0;
}

static inline uint64_t pair_key(uint32_t a, uint32_t b) {
    return a < b ? ((uint64_t)a << 32) | b : ((uint64_t)b << 32) | a;
}

typedef struct dd_doc {
    uint32_t rep;          /* representative of identical signatures */
    bool has_sig;
    uint32_t n_isent;      /* sentences in the exact-sentence index */
    uint32_t n_elig;       /* sentences with >= 3 content words */
    uint32_t n_rare;       /* rare terms selected */
} dd_doc;

typedef struct dd_run {
    cr_corpus *c;
    cr_doc **docs;         /* the documents sorted by id: every index below
                              is a position here, so the answer does not
                              depend on the input order */
    size_t *perm;          /* position -> index in c->docs */
    const cr_dedup_options *o;
    size_t n;
    dd_doc *dd;
    unsigned idx_bits;     /* bits for a document index in packed keys */
    uint64_t seed;
    u64vec cand;           /* candidate pairs (pair_key), with repeats */
} dd_run;

/* Pairs of one bucket (members sorted, distinct): all pairs when small,
 * else each member with the first. */
static int bucket_pairs(u64vec *out, const uint32_t *m, size_t len) {
    if (len < 2) return 0;
    if (len <= BUCKET_ALL) {
        for (size_t i = 0; i < len; i++)
            for (size_t j = i + 1; j < len; j++)
                if (vpush(out, pair_key(m[i], m[j]))) return -1;
    } else {
        for (size_t j = 1; j < len; j++)
            if (vpush(out, pair_key(m[0], m[j]))) return -1;
    }
    return 0;
}

/* Sorted packed (hash | doc) keys -> bucket pairs.  Duplicate docs within
 * one bucket are dropped. */
static int packed_buckets(u64vec *out, const uint64_t *v, size_t n, unsigned idx_bits) {
    uint64_t mask = ((uint64_t)1 << idx_bits) - 1;
    uint32_t *m = NULL;
    size_t cap = 0;
    int rc = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && (v[j] >> idx_bits) == (v[i] >> idx_bits)) j++;
        if (j - i > 1) {
            if (j - i > cap) {
                cap = j - i;
                uint32_t *nm = realloc(m, cap * sizeof *nm);
                if (!nm) { rc = -1; break; }
                m = nm;
            }
            size_t len = 0;
            for (size_t k = i; k < j; k++) {
                uint32_t d = (uint32_t)(v[k] & mask);
                if (len == 0 || m[len - 1] != d) m[len++] = d;
            }
            if (bucket_pairs(out, m, len)) { rc = -1; break; }
        }
        i = j;
    }
    free(m);
    return rc;
}

/* ---- 1 and 2: signatures, identical collapse, LSH banding ---------------- */

typedef struct sigkey { uint64_t h; uint32_t idx; } sigkey;
static int cmp_sigkey(const void *a, const void *b) {
    const sigkey *x = a, *y = b;
    if (x->h != y->h) return x->h < y->h ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static cr_status index_signatures(dd_run *r) {
    cr_ctx *ctx = r->c->ctx;
    size_t n = r->n, K = CRI_MINHASH_K;
    uint32_t *sigs = malloc((n ? n : 1) * K * sizeof *sigs);
    sigkey *keys = malloc((n ? n : 1) * sizeof *keys);
    uint64_t *band = malloc((n ? n : 1) * sizeof *band);
    cr_status st = CR_OK;
    if (!sigs || !keys || !band) goto oom;
    size_t nk = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t *sig = sigs + i * K;
        size_t nsh = 0;
        unsigned filled = cri_minhash_doc(r->docs[i], r->o->shingle, r->seed, sig, &nsh);
        r->dd[i].rep = (uint32_t)i;
        r->dd[i].has_sig = filled > 0;
        if (!filled) continue;
        keys[nk].h = cri_hash64(sig, K * sizeof *sig, r->seed);
        keys[nk].idx = (uint32_t)i;
        nk++;
    }
    /* Identical signatures: a large class (a flood of one text) is linked
     * to its first member only, and only that member is banded; a small
     * one stays whole, so each member gets its own verified pairs. */
    qsort(keys, nk, sizeof *keys, cmp_sigkey);
    for (size_t i = 0; i < nk;) {
        size_t j = i + 1;
        while (j < nk && keys[j].h == keys[i].h) j++;
        if (j - i <= BUCKET_ALL) {
            i = j;
            continue;
        }
        uint32_t first = keys[i].idx;
        for (size_t k = i + 1; k < j; k++) {
            uint32_t d = keys[k].idx;
            if (memcmp(sigs + (size_t)d * K, sigs + (size_t)first * K, K * sizeof *sigs)) continue;
            r->dd[d].rep = first;
            if (vpush(&r->cand, pair_key(first, d))) goto oom;
        }
        i = j;
    }
    unsigned bands, rows;
    cri_lsh_params(r->o->threshold, (unsigned)K, &bands, &rows);
    for (unsigned b = 0; b < bands; b++) {
        size_t nb = 0;
        for (size_t i = 0; i < n; i++) {
            if (!r->dd[i].has_sig || r->dd[i].rep != i) continue;
            uint64_t h = cri_hash64(sigs + i * K + (size_t)b * rows, rows * sizeof *sigs,
                                    r->seed + b + 1);
            band[nb++] = (h << r->idx_bits) | i;
        }
        if (cri_sort_u64(band, nb)) goto oom;
        if (packed_buckets(&r->cand, band, nb, r->idx_bits)) goto oom;
    }
    goto done;
oom:
    st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
done:
    free(sigs);   /* signatures are not needed after banding */
    free(keys);
    free(band);
    return st;
}

/* ---- 3: exact sentences -------------------------------------------------- */

static bool word_token(const cri_token *t) {
    return !(t->flags & CRI_TOK_PUNCT) && t->key_len > 0;
}

static cr_status index_sentences(dd_run *r) {
    cr_ctx *ctx = r->c->ctx;
    u64vec keys = {0}, pairs = {0};
    cr_status st = CR_OK;
    uint64_t sseed = cri_mix64(r->seed ^ 0x7f4a7c159e3779b9ULL);
    for (size_t i = 0; i < r->n; i++) {
        if (!r->dd[i].has_sig || r->dd[i].rep != i) continue;
        const cr_doc *d = r->docs[i];
        for (size_t s = 0; s < d->n_sents; s++) {
            const cri_sentence *se = &d->sents[s];
            uint64_t h = sseed;
            unsigned words = 0;
            for (uint32_t t = se->tok_first; t < se->tok_end && t < d->n_toks; t++) {
                const cri_token *tk = &d->toks[t];
                if (!word_token(tk)) continue;
                h = cri_mix64(h ^ cri_hash64(cri_tok_key(d, tk), tk->key_len, sseed));
                words++;
            }
            if (words < SENT_MIN_WORDS) continue;
            if (vpush(&keys, (h << r->idx_bits) | i)) goto oom;
            r->dd[i].n_isent++;
        }
    }
    if (cri_sort_u64(keys.v, keys.n)) goto oom;
    if (packed_buckets(&pairs, keys.v, keys.n, r->idx_bits)) goto oom;
    free(keys.v);
    keys.v = NULL;
    if (cri_sort_u64(pairs.v, pairs.n)) goto oom;
    for (size_t i = 0; i < pairs.n;) {
        size_t j = i;
        while (j < pairs.n && pairs.v[j] == pairs.v[i]) j++;
        uint32_t a = (uint32_t)(pairs.v[i] >> 32), b = (uint32_t)pairs.v[i];
        uint32_t fewer = r->dd[a].n_isent < r->dd[b].n_isent ? r->dd[a].n_isent : r->dd[b].n_isent;
        size_t need = fewer <= 2 ? 1 : 2;
        if (j - i >= need && vpush(&r->cand, pairs.v[i])) goto oom;
        i = j;
    }
    goto done;
oom:
    st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
done:
    free(keys.v);
    free(pairs.v);
    return st;
}

/* ---- 4: rare content words ----------------------------------------------- */

static cr_status index_rare(dd_run *r) {
    cr_ctx *ctx = r->c->ctx;
    u64vec keys = {0}, recs = {0}, sel = {0}, pairs = {0};
    cr_status st = CR_OK;
    unsigned ib = r->idx_bits;
    unsigned hbits = 56 - ib;                 /* term hash bits kept */
    uint64_t hmask = ((uint64_t)1 << hbits) - 1, imask = ((uint64_t)1 << ib) - 1;
    uint64_t tseed = cri_mix64(r->seed ^ 0x452821e638d01377ULL);
    for (size_t i = 0; i < r->n; i++) {
        if (!r->dd[i].has_sig || r->dd[i].rep != i) continue;
        const cr_doc *d = r->docs[i];
        uint32_t elig = 0;
        for (size_t s = 0; s < d->n_sents; s++) {
            const cri_sentence *se = &d->sents[s];
            unsigned cw = 0;
            for (uint32_t t = se->tok_first; t < se->tok_end && t < d->n_toks; t++)
                cw += cri_align_content_token(d, &d->toks[t]);
            elig += cw >= 3;
        }
        r->dd[i].n_elig = elig;
        if (elig < REWRITE_MIN_ALIGNED) continue;
        /* each distinct stem once per document keeps the index small */
        size_t before = keys.n;
        for (size_t t = 0; t < d->n_toks; t++) {
            const cri_token *tk = &d->toks[t];
            if (!cri_align_content_token(d, tk)) continue;
            uint64_t h = cri_hash64(cri_tok_stem(d, tk), tk->stem_len, tseed) & hmask;
            if (vpush(&keys, (h << ib) | i)) goto oom;
        }
        if (keys.n == before) continue;
        if (cri_sort_u64(keys.v + before, keys.n - before)) goto oom;
        size_t w = before;
        for (size_t k = before; k < keys.n; k++)
            if (w == before || keys.v[k] != keys.v[w - 1]) keys.v[w++] = keys.v[k];
        keys.n = w;
    }
    if (cri_sort_u64(keys.v, keys.n)) goto oom;
    /* Document frequency of each term; records (doc | df | term) so that a
     * sort gives each document's terms rarest first. */
    for (size_t i = 0; i < keys.n;) {
        size_t j = i, df = 0;
        uint64_t last = UINT64_MAX;
        while (j < keys.n && (keys.v[j] >> ib) == (keys.v[i] >> ib)) {
            if (keys.v[j] != last) df++;
            last = keys.v[j];
            j++;
        }
        if (df >= 2 && df <= RARE_MAX_DF) {
            uint64_t term = keys.v[i] >> ib;
            last = UINT64_MAX;
            for (size_t k = i; k < j; k++) {
                if (keys.v[k] == last) continue;
                last = keys.v[k];
                uint64_t doc = keys.v[k] & imask;
                if (vpush(&recs, (doc << (64 - ib)) | ((uint64_t)df << hbits) | term)) goto oom;
            }
        }
        i = j;
    }
    free(keys.v);
    keys.v = NULL;
    if (cri_sort_u64(recs.v, recs.n)) goto oom;
    for (size_t i = 0; i < recs.n;) {
        uint64_t doc = recs.v[i] >> (64 - ib);
        size_t j = i, taken = 0;
        while (j < recs.n && (recs.v[j] >> (64 - ib)) == doc) {
            if (taken < RARE_TERMS) {
                if (vpush(&sel, ((recs.v[j] & hmask) << ib) | doc)) goto oom;
                taken++;
            }
            j++;
        }
        r->dd[doc].n_rare = (uint32_t)taken;
        i = j;
    }
    free(recs.v);
    recs.v = NULL;
    if (cri_sort_u64(sel.v, sel.n)) goto oom;
    if (packed_buckets(&pairs, sel.v, sel.n, ib)) goto oom;
    if (cri_sort_u64(pairs.v, pairs.n)) goto oom;
    for (size_t i = 0; i < pairs.n;) {
        size_t j = i;
        while (j < pairs.n && pairs.v[j] == pairs.v[i]) j++;
        uint32_t a = (uint32_t)(pairs.v[i] >> 32), b = (uint32_t)pairs.v[i];
        uint32_t fewer = r->dd[a].n_rare < r->dd[b].n_rare ? r->dd[a].n_rare : r->dd[b].n_rare;
        double need = RARE_SHARE * fewer;
        if (need < RARE_MIN_SHARED) need = RARE_MIN_SHARED;
        if ((double)(j - i) >= need && vpush(&r->cand, pairs.v[i])) goto oom;
        i = j;
    }
    goto done;
oom:
    st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
done:
    free(keys.v);
    free(recs.v);
    free(sel.v);
    free(pairs.v);
    return st;
}

/* ---- verification -------------------------------------------------------- */

/* Record a pair; a and b are positions in r->docs. */
static cr_status add_copy(dd_run *r, size_t a, size_t b, int rel, double j, double ct,
                          uint32_t aligned) {
    cr_corpus *c = r->c;
    cri_copy *p = CRI_PUSH(c->copies, c->n_copies, c->cap_copies);
    if (!p) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    p->a = r->perm[a];
    p->b = r->perm[b];
    if (rel != CRI_COPY_CONTAINS) {
        /* a: the one published first when both dates are known, else the
         * one earlier in the input */
        const cr_doc *da = c->docs[p->a], *db = c->docs[p->b];
        bool swap = da->has_pub && db->has_pub && da->pub_epoch_min != db->pub_epoch_min
                        ? db->pub_epoch_min < da->pub_epoch_min
                        : p->b < p->a;
        if (swap) {
            size_t t = p->a;
            p->a = p->b;
            p->b = t;
        }
    }
    p->relation = rel;
    p->jaccard = j;
    p->containment = ct;
    p->aligned = aligned;
    return CR_OK;
}

static cr_status rewrite_check(dd_run *r, size_t a, size_t b, double jac, double cont) {
    cr_corpus *c = r->c;
    if (r->dd[a].n_elig < REWRITE_MIN_ALIGNED || r->dd[b].n_elig < REWRITE_MIN_ALIGNED)
        return CR_OK;
    cri_align_result res;
    cr_status st = cri_align_docs(c->ctx, r->docs[a], r->docs[b], REWRITE_MIN_SIM, &res);
    if (st != CR_OK) return st;
    /* Coverage is counted on the text with fewer eligible sentences. */
    bool a_short = res.eligible_a <= res.eligible_b;
    size_t shorter = a_short ? res.eligible_a : res.eligible_b;
    size_t covered = a_short ? res.covered_a : res.covered_b;
    size_t al = res.n_pairs, strong = 0;
    for (size_t k = 0; k < al; k++)
        if (res.pairs[k].sim >= REWRITE_STRONG_SIM) strong += a_short ? res.pairs[k].a_len : res.pairs[k].b_len;
    if (strong > covered) strong = covered;
    double mean = al ? res.sim_sum / (double)al : 0;
    if (al >= REWRITE_MIN_ALIGNED && shorter > 0 && (double)covered >= REWRITE_COVERAGE * (double)shorter &&
        (double)strong >= REWRITE_STRONG_COVERAGE * (double)shorter && mean >= REWRITE_MEAN_SIM)
        st = add_copy(r, a, b, CRI_COPY_REWRITE, jac, cont, (uint32_t)al);
    cri_align_free(&res);
    return st;
}

static cr_status verify(dd_run *r) {
    cr_corpus *c = r->c;
    cr_status st = CR_OK;
    u64vec *cd = &r->cand;
    if (cri_sort_u64(cd->v, cd->n)) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    uint64_t *A = NULL, *B = NULL;
    size_t na = 0, nb = 0;
    size_t cached = SIZE_MAX;
    for (size_t i = 0; i < cd->n; i++) {
        if (i > 0 && cd->v[i] == cd->v[i - 1]) continue;
        size_t a = (size_t)(cd->v[i] >> 32), b = (size_t)(uint32_t)cd->v[i];
        if (a == b) continue;
        if (cached != a) {
            free(A);
            A = NULL;
            cached = SIZE_MAX;
            if (cri_shingles(r->docs[a], r->o->shingle, r->seed, true, &A, &na)) goto oom;
            cached = a;
        }
        if (cri_shingles(r->docs[b], r->o->shingle, r->seed, true, &B, &nb)) goto oom;
        size_t inter = cri_intersect_u64(A, na, B, nb);
        free(B);
        B = NULL;
        if (na == 0 || nb == 0) continue;
        double jac = (double)inter / (double)(na + nb - inter);
        double b_in_a = (double)inter / (double)nb, a_in_b = (double)inter / (double)na;
        size_t big = na >= nb ? a : b, small = na >= nb ? b : a;
        size_t nbig = na >= nb ? na : nb, nsmall = na >= nb ? nb : na;
        double small_in_big = na >= nb ? b_in_a : a_in_b;
        if (jac >= DUP_JACCARD)
            st = add_copy(r, a, b, CRI_COPY_DUPLICATE, jac, small_in_big, 0);
        else if (small_in_big >= CONTAIN_MIN && (double)nbig >= CONTAIN_RATIO * (double)nsmall)
            st = add_copy(r, big, small, CRI_COPY_CONTAINS, jac, small_in_big, 0);
        else if (jac >= r->o->threshold)
            st = add_copy(r, a, b, CRI_COPY_DUPLICATE, jac, small_in_big, 0);
        else
            st = rewrite_check(r, a, b, jac, small_in_big);
        if (st != CR_OK) goto done;
    }
    goto done;
oom:
    st = cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
done:
    free(A);
    free(B);
    return st;
}

static int id_less(const cr_corpus *c, size_t x, size_t y) {
    int k = strcmp(c->docs[x]->id, c->docs[y]->id);
    return k < 0 || (k == 0 && x < y);
}

/* Ids are unique within a corpus, so ordering documents by id makes every
 * later choice (representatives, bucket heads) independent of the input
 * order.  A merge sort, since qsort has no user pointer in C17. */
static void sort_perm_by_id(const cr_corpus *c, size_t *v, size_t n) {
    if (n < 2) return;
    size_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp) {   /* insertion sort fallback: still correct, only slower */
        for (size_t i = 1; i < n; i++)
            for (size_t j = i; j > 0 && id_less(c, v[j], v[j - 1]); j--) {
                size_t t = v[j]; v[j] = v[j - 1]; v[j - 1] = t;
            }
        return;
    }
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = id_less(c, v[j], v[i]) ? v[j++] : v[i++];
            while (i < mid) tmp[k++] = v[i++];
            while (j < hi) tmp[k++] = v[j++];
        }
        memcpy(v, tmp, n * sizeof *v);
    }
    free(tmp);
}

/* ---- groups -------------------------------------------------------------- */

static size_t uf_find(size_t *p, size_t x) {
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static int cmp_copy(const void *x, const void *y) {
    const cri_copy *p = x, *q = y;
    size_t pa = p->a < p->b ? p->a : p->b, pb = p->a < p->b ? p->b : p->a;
    size_t qa = q->a < q->b ? q->a : q->b, qb = q->a < q->b ? q->b : q->a;
    if (pa != qa) return pa < qa ? -1 : 1;
    if (pb != qb) return pb < qb ? -1 : 1;
    return 0;
}

static cr_status build_groups(cr_corpus *c, const dd_run *r) {
    size_t n = c->n_docs;
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    size_t *contains = calloc(n ? n : 1, sizeof *contains);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    size_t *shingles = calloc(n ? n : 1, sizeof *shingles);
    cr_status st = CR_OK;
    if (!parent || !contains || !order || !shingles) goto oom;
    for (size_t i = 0; i < n; i++) parent[i] = i;
    for (size_t i = 0; i < c->n_copies; i++) {
        const cri_copy *p = &c->copies[i];
        size_t x = uf_find(parent, p->a), y = uf_find(parent, p->b);
        if (x != y) {
            if (x < y) parent[y] = x;
            else parent[x] = y;
        }
        if (p->relation == CRI_COPY_CONTAINS) contains[p->a]++;
    }
    /* Members of each root, in index order: counting sort by root. */
    size_t *count = calloc(n + 1, sizeof *count);
    if (!count) goto oom;
    for (size_t i = 0; i < n; i++) parent[i] = uf_find(parent, i);
    for (size_t i = 0; i < n; i++) count[parent[i] + 1]++;
    for (size_t i = 0; i < n; i++) count[i + 1] += count[i];
    for (size_t i = 0; i < n; i++) order[count[parent[i]]++] = i;
    free(count);
    (void)r;
    for (size_t s = 0; s < n;) {
        size_t root = parent[order[s]], e = s;
        while (e < n && parent[order[e]] == root) e++;
        if (e - s >= 2) {
            cri_copy_group *g = CRI_PUSH(c->groups, c->n_groups, c->cap_groups);
            if (!g) goto oom;
            g->n_members = e - s;
            g->members = malloc(g->n_members * sizeof *g->members);
            if (!g->members) goto oom;
            memcpy(g->members, order + s, g->n_members * sizeof *g->members);
            char why[256];
            size_t best = SIZE_MAX;
            for (size_t k = s; k < e; k++) {
                const cr_doc *d = c->docs[order[k]];
                if (!d->has_pub) continue;
                if (best == SIZE_MAX || d->pub_epoch_min < c->docs[best]->pub_epoch_min ||
                    (d->pub_epoch_min == c->docs[best]->pub_epoch_min && id_less(c, order[k], best)))
                    best = order[k];
            }
            if (best != SIZE_MAX) {
                snprintf(why, sizeof why, "earliest published %s",
                         c->docs[best]->published ? c->docs[best]->published : "?");
            } else {
                for (size_t k = s; k < e; k++) {
                    size_t d = order[k];
                    if (contains[d] && (best == SIZE_MAX || contains[d] > contains[best] ||
                                        (contains[d] == contains[best] && id_less(c, d, best))))
                        best = d;
                }
                if (best != SIZE_MAX) {
                    snprintf(why, sizeof why, "contains %zu member%s", contains[best],
                             contains[best] == 1 ? "" : "s");
                } else {
                    size_t lo = SIZE_MAX;
                    for (size_t k = s; k < e; k++) {
                        size_t d = order[k];
                        shingles[d] = c->docs[d]->n_toks;
                        if (best == SIZE_MAX || shingles[d] > shingles[best] ||
                            (shingles[d] == shingles[best] && id_less(c, d, best)))
                            best = d;
                        if (lo == SIZE_MAX || shingles[d] < shingles[lo]) lo = d;
                    }
                    if (shingles[best] == shingles[lo])
                        snprintf(why, sizeof why, "no dates, same length: first by id");
                    else
                        snprintf(why, sizeof why, "no dates: longest text (%zu tokens)", shingles[best]);
                }
            }
            g->original = best;
            g->why = strdup(why);
            if (!g->why) goto oom;
        }
        s = e;
    }
    goto done;
oom:
    st = cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
done:
    free(parent);
    free(contains);
    free(order);
    free(shingles);
    return st;
}

static void clear_results(cr_corpus *c) {
    free(c->copies);
    c->copies = NULL;
    c->n_copies = c->cap_copies = 0;
    for (size_t i = 0; i < c->n_groups; i++) {
        free(c->groups[i].members);
        free(c->groups[i].why);
    }
    free(c->groups);
    c->groups = NULL;
    c->n_groups = c->cap_groups = 0;
    c->deduped = false;
}

cr_status cr_corpus_dedup(cr_corpus *c, const cr_dedup_options *opt) {
    if (!c) return CR_ERR_USAGE;
    cr_dedup_options o;
    cr_dedup_options_init(&o);
    if (opt) o = *opt;
    if (!(o.threshold > 0 && o.threshold <= 1))
        return cri_fail(c->ctx, CR_ERR_USAGE, "dedup threshold must be in (0, 1]");
    if (o.shingle == 0 || o.shingle > 32)
        return cri_fail(c->ctx, CR_ERR_USAGE, "dedup shingle must be 1-32 words");
    if (c->n_docs > UINT32_MAX / 2) return cri_fail(c->ctx, CR_ERR_LIMIT, "too many documents");
    clear_results(c);
    dd_run r = {0};
    r.c = c;
    r.o = &o;
    r.n = c->n_docs;
    r.seed = cri_mix64(c->ctx->opt.seed ^ 0x3c6ef372fe94f82bULL);
    r.idx_bits = 1;
    while (((size_t)1 << r.idx_bits) < r.n) r.idx_bits++;
    cr_status st = CR_OK;
    r.dd = calloc(r.n ? r.n : 1, sizeof *r.dd);
    r.docs = malloc((r.n ? r.n : 1) * sizeof *r.docs);
    r.perm = malloc((r.n ? r.n : 1) * sizeof *r.perm);
    if (!r.dd || !r.docs || !r.perm) {
        st = cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < r.n; i++) r.perm[i] = i;
    r.c = c;
    sort_perm_by_id(c, r.perm, r.n);
    for (size_t i = 0; i < r.n; i++) r.docs[i] = c->docs[r.perm[i]];
    if ((st = index_signatures(&r)) != CR_OK) goto done;
    if ((st = index_sentences(&r)) != CR_OK) goto done;
    if ((st = index_rare(&r)) != CR_OK) goto done;
    if ((st = verify(&r)) != CR_OK) goto done;
    if (c->n_copies > 1) qsort(c->copies, c->n_copies, sizeof *c->copies, cmp_copy);
    if ((st = build_groups(c, &r)) != CR_OK) goto done;
    c->deduped = true;
done:
    if (st != CR_OK) clear_results(c);
    free(r.dd);
    free(r.docs);
    free(r.perm);
    free(r.cand.v);
    return st;
}

void cri_copies_json(cri_json *j, const cr_corpus *c) {
    cri_json_key(j, "copies");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < c->n_copies; i++) {
        const cri_copy *p = &c->copies[i];
        cri_json_obj_begin(j);
        cri_json_kstr(j, "a", c->docs[p->a]->id);
        cri_json_kstr(j, "b", c->docs[p->b]->id);
        cri_json_kstr(j, "relation", cri_copy_relation_name[p->relation]);
        cri_json_knum(j, "jaccard", p->jaccard);
        cri_json_knum(j, "containment", p->containment);
        cri_json_kint(j, "aligned_sentences", p->aligned);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);
    cri_json_key(j, "copy_groups");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < c->n_groups; i++) {
        const cri_copy_group *g = &c->groups[i];
        cri_json_obj_begin(j);
        cri_json_kstr(j, "original", c->docs[g->original]->id);
        cri_json_key(j, "members");
        cri_json_arr_begin(j);
        for (size_t k = 0; k < g->n_members; k++) cri_json_str(j, c->docs[g->members[k]]->id);
        cri_json_arr_end(j);
        cri_json_kstr(j, "why", g->why);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);
}

/* ---- public accessors ---------------------------------------------------- */

size_t cr_corpus_copy_count(const cr_corpus *c) { return c ? c->n_copies : 0; }

const char *cr_corpus_copy(const cr_corpus *c, size_t i, size_t *a, size_t *b, double *jaccard,
                           double *containment, size_t *aligned) {
    if (a) *a = 0;
    if (b) *b = 0;
    if (jaccard) *jaccard = 0;
    if (containment) *containment = 0;
    if (aligned) *aligned = 0;
    if (!c || i >= c->n_copies) return NULL;
    const cri_copy *p = &c->copies[i];
    if (a) *a = p->a;
    if (b) *b = p->b;
    if (jaccard) *jaccard = p->jaccard;
    if (containment) *containment = p->containment;
    if (aligned) *aligned = p->aligned;
    return cri_copy_relation_name[p->relation];
}

size_t cr_corpus_copy_group_count(const cr_corpus *c) { return c ? c->n_groups : 0; }

size_t cr_corpus_copy_group(const cr_corpus *c, size_t i, size_t *original, const char **why) {
    if (original) *original = 0;
    if (why) *why = NULL;
    if (!c || i >= c->n_groups) return 0;
    if (original) *original = c->groups[i].original;
    if (why) *why = c->groups[i].why;
    return c->groups[i].n_members;
}

size_t cr_corpus_copy_group_member(const cr_corpus *c, size_t i, size_t j) {
    if (!c || i >= c->n_groups || j >= c->groups[i].n_members) return 0;
    return c->groups[i].members[j];
}
