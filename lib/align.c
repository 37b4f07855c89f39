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
 * free gaps, maximizing the summed similarity of matched pairs), so a
 * sentence can match at most one sentence and matches never cross.  Long
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
        if (mv == 3) {
            cri_align_pair *p = &res->pairs[cnt++];
            p->a = (uint32_t)(i - 1);
            p->b = (uint32_t)(j - 1);
            p->sim = dice(&sa[i - 1], &sb[j - 1]);
            res->sim_sum += p->sim;
            i--;
            j--;
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
