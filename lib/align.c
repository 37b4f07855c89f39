/*
 * align.c — monotone sentence alignment of two documents.  dedup.c uses it
 * to confirm a `rewrite` (a paraphrase that follows another article
 * sentence by sentence, so its shingles differ but its sentences pair up in
 * order); the brief can use it to tell which sentences of two sources say
 * the same thing.
 *
 * Each sentence becomes the set of its content-word stems (words and
 * numbers that are not stopwords, from tokenize.c).  Sentence similarity is
 * the Dice coefficient of two such sets.  The alignment is the best
 * order-preserving matching (dynamic programming as in Needleman-Wunsch with
 * free gaps, maximizing the summed similarity of matched pairs), so matches
 * never cross; as in Gale and Church's sentence alignment, a unit may also
 * pair two adjacent sentences of one text with one of the other (a rewriter
 * splits and merges sentences) when that matches better than either alone.  Long
 * documents are aligned in a band around the diagonal and only their first
 * CRI_ALIGN_MAX_SENTS sentences are used, which keeps the cost bounded.
 */
#include "internal.h"

#include <stdlib.h>

/* Sentences aligned per document (the rest are ignored). */
#define CRI_ALIGN_MAX_SENTS 1000
/* Most DP cells evaluated; beyond, a band around the diagonal. */
#define CRI_ALIGN_MAX_CELLS 250000
/* Content words kept per sentence. */
#define CRI_ALIGN_MAX_WORDS 128
/* A sentence needs this many content words to be aligned at all. */
#define CRI_ALIGN_MIN_WORDS 2
/* ... and this many to count as an "eligible" sentence in the figures. */
#define CRI_ALIGN_ELIGIBLE_WORDS 3

bool cri_align_content_token(const cr_doc *d, const cri_token *t) {
    if (t->flags & (CRI_TOK_PUNCT | CRI_TOK_STOP)) return false;
    if (!(t->flags & (CRI_TOK_WORD | CRI_TOK_NUM))) return false;
    if (t->key_len == 0) return false;
    const char *k = cri_tok_key(d, t);
    if (t->key_len == 1 && !cri_isdigit((unsigned char)k[0])) return false;
    return !cri_is_stopword(k, t->key_len);
}

typedef struct sent_set {
    uint64_t *h;     /* sorted unique stem hashes, into one shared array */
    uint32_t n;
    uint64_t bloom;  /* one bit per hash: a cheap "nothing shared" test */
} sent_set;

/* Stem sets of the first n sentences of d. */
static int sent_sets(const cr_doc *d, size_t n, uint64_t seed, sent_set **out, uint64_t **store) {
    *out = NULL;
    *store = NULL;
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        size_t c = d->sents[i].tok_end - d->sents[i].tok_first;
        total += c < CRI_ALIGN_MAX_WORDS ? c : CRI_ALIGN_MAX_WORDS;
    }
    sent_set *s = calloc(n ? n : 1, sizeof *s);
    uint64_t *h = malloc((total ? total : 1) * sizeof *h);
    if (!s || !h) {
        free(s);
        free(h);
        return -1;
    }
    size_t off = 0;
    for (size_t i = 0; i < n; i++) {
        const cri_sentence *se = &d->sents[i];
        uint64_t *p = h + off;
        uint32_t k = 0;
        for (uint32_t t = se->tok_first; t < se->tok_end && t < d->n_toks && k < CRI_ALIGN_MAX_WORDS; t++) {
            const cri_token *tk = &d->toks[t];
            if (!cri_align_content_token(d, tk)) continue;
            p[k++] = cri_hash64(cri_tok_stem(d, tk), tk->stem_len, seed);
        }
        cri_sort_u64(p, k);   /* small: never allocates */
        uint32_t w = 0;
        for (uint32_t x = 0; x < k; x++)
            if (w == 0 || p[x] != p[w - 1]) p[w++] = p[x];
        s[i].h = p;
        s[i].n = w;
        for (uint32_t x = 0; x < w; x++) s[i].bloom |= 1ULL << (p[x] & 63);
        off += w;
    }
    *out = s;
    *store = h;
    return 0;
}

static double dice(const sent_set *x, const sent_set *y) {
    if (x->n < CRI_ALIGN_MIN_WORDS || y->n < CRI_ALIGN_MIN_WORDS) return 0;
    if (!(x->bloom & y->bloom)) return 0;
    size_t c = cri_intersect_u64(x->h, x->n, y->h, y->n);
    return 2.0 * (double)c / (double)(x->n + y->n);
}

/* Dice of (x1 ∪ x2) against y: two adjacent sentences of one text said as
 * one sentence of the other (a merge or a split).  tmp: room for
 * 2 * CRI_ALIGN_MAX_WORDS hashes. */
static double dice2(const sent_set *x1, const sent_set *x2, const sent_set *y, uint64_t *tmp) {
    if (y->n < CRI_ALIGN_MIN_WORDS || !((x1->bloom | x2->bloom) & y->bloom)) return 0;
    size_t i = 0, j = 0, k = 0;
    while (i < x1->n || j < x2->n) {
        uint64_t v;
        if (j >= x2->n || (i < x1->n && x1->h[i] < x2->h[j])) v = x1->h[i++];
        else if (i >= x1->n || x2->h[j] < x1->h[i]) v = x2->h[j++];
        else {
            v = x1->h[i++];
            j++;
        }
        tmp[k++] = v;
    }
    if (k < CRI_ALIGN_MIN_WORDS) return 0;
    size_t c = cri_intersect_u64(tmp, k, y->h, y->n);
    return 2.0 * (double)c / (double)(k + y->n);
}

/* A merge scores its similarity times this (it covers two sentences), and
 * only when it beats both sentences matched alone. */
#define MERGE_GAIN 1.5

void cri_align_free(cri_align_result *res) {
    if (!res) return;
    free(res->pairs);
    memset(res, 0, sizeof *res);
}

cr_status cri_align_docs(cr_ctx *ctx, const cr_doc *a, const cr_doc *b, double min_sim,
                         cri_align_result *res) {
    memset(res, 0, sizeof *res);
    size_t n = a->n_sents < CRI_ALIGN_MAX_SENTS ? a->n_sents : CRI_ALIGN_MAX_SENTS;
    size_t m = b->n_sents < CRI_ALIGN_MAX_SENTS ? b->n_sents : CRI_ALIGN_MAX_SENTS;
    sent_set *sa = NULL, *sb = NULL;
    uint64_t *ha = NULL, *hb = NULL;
    float *score = NULL;
    uint8_t *move = NULL;
    uint64_t tmp[2 * CRI_ALIGN_MAX_WORDS];
    cr_status st = CR_OK;
    uint64_t seed = ctx->opt.seed ^ 0x243f6a8885a308d3ULL;
    if (sent_sets(a, n, seed, &sa, &ha) || sent_sets(b, m, seed, &sb, &hb)) goto oom;
    for (size_t i = 0; i < n; i++) res->eligible_a += sa[i].n >= CRI_ALIGN_ELIGIBLE_WORDS;
    for (size_t j = 0; j < m; j++) res->eligible_b += sb[j].n >= CRI_ALIGN_ELIGIBLE_WORDS;
    if (n == 0 || m == 0) goto done;

    /* Band half-width around the diagonal j = i*m/n when n*m is large. */
    size_t width = m;
    if (n * m > CRI_ALIGN_MAX_CELLS) {
        size_t big = n > m ? n : m;
        width = CRI_ALIGN_MAX_CELLS / (2 * big);
        if (width < 8) width = 8;
    }
    size_t cols = m + 1;
    score = malloc((n + 1) * cols * sizeof *score);
    move = malloc((n + 1) * cols);
    if (!score || !move) goto oom;
    for (size_t j = 0; j <= m; j++) {
        score[j] = 0;
        move[j] = 2;
    }
    for (size_t i = 1; i <= n; i++) {
        score[i * cols] = 0;
        move[i * cols] = 1;
        size_t centre = (size_t)((double)(i - 1) * (double)m / (double)n);
        size_t lo = centre > width ? centre - width : 0;
        size_t hi = centre + width + 1 < m ? centre + width + 1 : m;
        for (size_t j = 1; j <= m; j++) {
            /* moves: 1 skip a's sentence (up), 2 skip b's (left), 3 match */
            float up = score[(i - 1) * cols + j], left = score[i * cols + j - 1];
            float best = up;
            uint8_t mv = 1;
            if (left > best) {
                best = left;
                mv = 2;
            }
            if (j - 1 >= lo && j - 1 < hi) {
                double s = dice(&sa[i - 1], &sb[j - 1]);
                if (s >= min_sim) {
                    float diag = score[(i - 1) * cols + j - 1] + (float)s;
                    if (diag > best) {
                        best = diag;
                        mv = 3;
                    }
                }
                /* 4: a's sentences i-1 and i against b's j (2:1) */
                if (i >= 2) {
                    double s2 = dice2(&sa[i - 2], &sa[i - 1], &sb[j - 1], tmp);
                    if (s2 >= min_sim && s2 > s && s2 > dice(&sa[i - 2], &sb[j - 1])) {
                        float g = score[(i - 2) * cols + j - 1] + (float)(MERGE_GAIN * s2);
                        if (g > best) {
                            best = g;
                            mv = 4;
                        }
                    }
                }
                /* 5: a's sentence i against b's j-1 and j (1:2) */
                if (j >= 2) {
                    double s2 = dice2(&sb[j - 2], &sb[j - 1], &sa[i - 1], tmp);
                    if (s2 >= min_sim && s2 > s && s2 > dice(&sa[i - 1], &sb[j - 2])) {
                        float g = score[(i - 1) * cols + j - 2] + (float)(MERGE_GAIN * s2);
                        if (g > best) {
                            best = g;
                            mv = 5;
                        }
                    }
                }
            }
            score[i * cols + j] = best;
            move[i * cols + j] = mv;
        }
    }
    /* Trace back from the corner; pairs come out in reverse order. */
    size_t cap = n < m ? n : m, cnt = 0;
    res->pairs = malloc(cap * sizeof *res->pairs);
    if (!res->pairs) goto oom;
    size_t i = n, j = m;
    while (i > 0 && j > 0) {
        uint8_t mv = move[i * cols + j];
        if (mv >= 3) {
            cri_align_pair *p = &res->pairs[cnt++];
            p->a_len = mv == 4 ? 2 : 1;
            p->b_len = mv == 5 ? 2 : 1;
            p->a = (uint32_t)(i - p->a_len);
            p->b = (uint32_t)(j - p->b_len);
            p->sim = mv == 3 ? dice(&sa[i - 1], &sb[j - 1])
                   : mv == 4 ? dice2(&sa[i - 2], &sa[i - 1], &sb[j - 1], tmp)
                             : dice2(&sb[j - 2], &sb[j - 1], &sa[i - 1], tmp);
            res->sim_sum += p->sim;
            for (unsigned k = 0; k < p->a_len; k++)
                res->covered_a += sa[p->a + k].n >= CRI_ALIGN_ELIGIBLE_WORDS;
            for (unsigned k = 0; k < p->b_len; k++)
                res->covered_b += sb[p->b + k].n >= CRI_ALIGN_ELIGIBLE_WORDS;
            i -= p->a_len;
            j -= p->b_len;
        } else if (mv == 1) i--;
        else j--;
    }
    for (size_t x = 0; x < cnt / 2; x++) {
        cri_align_pair t = res->pairs[x];
        res->pairs[x] = res->pairs[cnt - 1 - x];
        res->pairs[cnt - 1 - x] = t;
    }
    res->n_pairs = cnt;
    goto done;
oom:
    cri_align_free(res);
    st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
done:
    free(sa);
    free(sb);
    free(ha);
    free(hb);
    free(score);
    free(move);
    return st;
}
