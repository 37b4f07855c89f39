/*
 * bench_minhash.c — single-thread speed of MinHash signatures (shingling the
 * token keys, one hash per shingle, one-permutation binning, densification)
 * and of the whole dedup step on generated corpora.
 *
 *   bench_minhash [--mb N] [--dedup N[,N...]] [--data FILE.jsonl]
 *   (no arguments: --mb 64 --dedup 10000)
 *
 * Signatures: real article text (ECB+ dev from ../shared when present,
 * else the examples), cleaned once, then signed over and over until about
 * --mb megabytes of body text (default 64) have been processed; median of 5
 * runs.  Bytes are body bytes; cleaning and tokenizing are not included.
 *
 * Dedup: N articles of 8-20 sentences drawn at random from the same text,
 * each with a quarter of its words swapped for words of another sentence
 * (so the articles are unrelated to one another and share no sentence by
 * chance), 5% of them planted copies (exact, or with a paragraph added),
 * timed for cr_corpus_dedup alone and for cleaning.  A checksum of the pairs found is printed (--verify style)
 * so that a faster wrong answer shows.
 */
#include "internal.h"
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char *find_data(const char *given) {
    static const char *const cands[] = {"../shared/data/ecbplus-dev/ecbplus-dev.jsonl",
                                        "../../shared/data/ecbplus-dev/ecbplus-dev.jsonl",
                                        "/work/shared/data/ecbplus-dev/ecbplus-dev.jsonl"};
    if (given) return given;
    for (size_t i = 0; i < sizeof cands / sizeof *cands; i++) {
        FILE *f = fopen(cands[i], "rb");
        if (f) {
            fclose(f);
            return cands[i];
        }
    }
    return "examples/dprk-russia-2024-07";
}

static void bench_signatures(cr_ctx *ctx, const char *data, double mb) {
    cr_corpus *c;
    if (cr_corpus_new(ctx, &c) != CR_OK) return;
    cr_corpus_add_path(c, data);
    cr_corpus_clean(c);
    size_t n = cr_corpus_count(c), bytes = 0;
    for (size_t i = 0; i < n; i++) bytes += c->docs[i]->body_len;
    if (!n || !bytes) {
        fprintf(stderr, "bench_minhash: no text in %s\n", data);
        cr_corpus_free(c);
        return;
    }
    size_t rounds = (size_t)(mb * 1e6 / (double)bytes) + 1;
    double t[5];
    uint32_t sig[CRI_MINHASH_K], check = 0;
    for (int run = 0; run < 5; run++) {
        double t0 = bench_wall_now();
        for (size_t r = 0; r < rounds; r++)
            for (size_t i = 0; i < n; i++) {
                cri_minhash_doc(c->docs[i], 5, r, sig, NULL);
                check ^= sig[r % CRI_MINHASH_K];
            }
        t[run] = bench_wall_now() - t0;
    }
    qsort(t, 5, sizeof *t, bench_cmp_double);
    double sigs = (double)(rounds * n), total = (double)rounds * (double)bytes;
    printf("minhash: %zu documents from %s, %.1f KB average body, K=%d, 5-word shingles\n", n,
           data, bytes / 1e3 / n, CRI_MINHASH_K);
    printf("minhash: %.0f signatures/s, %.1f MB/s (median of 5 runs of %.0f MB; min %.1f, max %.1f MB/s) [%08x]\n",
           sigs / t[2], total / 1e6 / t[2], total / 1e6, total / 1e6 / t[4], total / 1e6 / t[0], check);
    cr_corpus_free(c);
}

/* Append sentence s with every fourth word taken from sentence o instead,
 * so that generated articles do not share whole sentences by chance (a
 * pool of ~15,000 sentences drawn 100,000s of times would) while keeping
 * the words and lengths of real news. */
static void mutate(cri_buf *b, const char *s, const char *o, uint64_t *x) {
    const char *ow = o;
    size_t w = 0;
    while (*s) {
        const char *e = s;
        while (*e && *e != ' ') e++;
        *x = cri_mix64(*x + w);
        if (w > 0 && *x % 4 == 0 && *ow) {
            while (*ow == ' ') ow++;
            const char *oe = ow;
            while (*oe && *oe != ' ') oe++;
            if (oe > ow) cri_buf_append(b, ow, (size_t)(oe - ow));
            else cri_buf_append(b, s, (size_t)(e - s));
            ow = oe;
        } else {
            cri_buf_append(b, s, (size_t)(e - s));
        }
        w++;
        s = e;
        while (*s == ' ') {
            cri_buf_putc(b, ' ');
            s++;
        }
    }
}

/* Sentences of the data, for generated articles. */
typedef struct pool { char **s; size_t n, cap; } pool;

static void bench_dedup(cr_ctx *ctx, const char *data, size_t n_articles) {
    cr_corpus *src;
    if (cr_corpus_new(ctx, &src) != CR_OK) return;
    cr_corpus_add_path(src, data);
    cr_corpus_clean(src);
    pool p = {0};
    for (size_t i = 0; i < cr_corpus_count(src); i++) {
        const cr_doc *d = src->docs[i];
        for (size_t k = 0; k < d->n_sents; k++) {
            const cri_sentence *s = &d->sents[k];
            if (s->tok_end - s->tok_first < 6) continue;
            char **slot = CRI_PUSH(p.s, p.n, p.cap);
            if (!slot) break;
            *slot = strndup(d->body + s->start, s->end - s->start);
        }
    }
    cr_corpus_free(src);
    if (p.n < 100) {
        fprintf(stderr, "bench_minhash: too little text for --dedup\n");
        return;
    }
    cr_corpus *c;
    cr_corpus_new(ctx, &c);
    uint64_t x = 12345;
    cri_buf b = {0}, last = {0};
    size_t bytes = 0, planted = 0;
    for (size_t i = 0; i < n_articles; i++) {
        cri_buf_clear(&b);
        x = cri_mix64(x + i);
        bool copy = i > 0 && x % 20 == 0;
        if (copy) {
            /* a planted copy of the previous article: exact, or a
             * paragraph more */
            cri_buf_append(&b, last.data, last.len);
            if (x % 3 == 0) {
                for (int k = 0; k < 6; k++) {
                    x = cri_mix64(x);
                    cri_buf_puts(&b, k ? " " : "\n\n");
                    cri_buf_puts(&b, p.s[x % p.n]);
                }
            }
            planted++;
        } else {
            int ns = 8 + (int)(x % 13);
            for (int k = 0; k < ns; k++) {
                x = cri_mix64(x);
                if (k) cri_buf_puts(&b, k % 4 == 0 ? "\n\n" : " ");
                mutate(&b, p.s[x % p.n], p.s[cri_mix64(x) % p.n], &x);
            }
            cri_buf_clear(&last);
            cri_buf_append(&last, b.data, b.len);
        }
        char id[32];
        snprintf(id, sizeof id, "a%07zu", i);
        cr_article a = {.id = id, .text = b.data, .text_len = b.len};
        cr_corpus_add_article(c, &a);
        bytes += b.len;
    }
    double t0 = bench_wall_now();
    cr_corpus_clean(c);
    double t1 = bench_wall_now();
    cr_dedup_options o;
    cr_dedup_options_init(&o);
    cr_status st = cr_corpus_dedup(c, &o);
    double t2 = bench_wall_now();
    uint64_t sum = 0;
    size_t rel[3] = {0, 0, 0};
    for (size_t i = 0; i < c->n_copies; i++) {
        sum += cri_mix64(((uint64_t)c->copies[i].a << 32) ^ c->copies[i].b ^ (uint64_t)c->copies[i].relation);
        rel[c->copies[i].relation]++;
    }
    printf("dedup: %zu articles (%.0f MB, %zu planted copies): clean %.2f s, dedup %.2f s (%s); "
           "%zu pairs (%zu duplicate, %zu contains, %zu rewrite), %zu groups [%016llx]\n",
           n_articles, bytes / 1e6, planted, t1 - t0, t2 - t1, st == CR_OK ? "ok" : cr_errmsg(ctx),
           c->n_copies, rel[0], rel[1], rel[2], c->n_groups, (unsigned long long)sum);
    cr_corpus_free(c);
    cri_buf_free(&b);
    cri_buf_free(&last);
    for (size_t i = 0; i < p.n; i++) free(p.s[i]);
    free(p.s);
}

int main(int argc, char **argv) {
    double mb = 64;
    const char *data = NULL, *dedup = argc > 1 ? NULL : "10000";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--mb") == 0 && i + 1 < argc) mb = atof(argv[++i]);
        else if (strcmp(argv[i], "--dedup") == 0 && i + 1 < argc) dedup = argv[++i];
        else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc) data = argv[++i];
        else {
            fprintf(stderr, "usage: bench_minhash [--mb N] [--dedup N[,N...]] [--data FILE]\n");
            return 2;
        }
    }
    cr_ctx *ctx;
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 1;
    data = find_data(data);
    if (mb > 0) bench_signatures(ctx, data, mb);
    if (dedup) {
        const char *s = dedup;
        while (*s) {
            size_t n = strtoul(s, (char **)&s, 10);
            if (n) bench_dedup(ctx, data, n);
            if (*s == ',') s++;
            else break;
        }
    }
    cr_ctx_free(ctx);
    return 0;
}
