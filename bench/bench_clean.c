/*
 * bench_clean.c — throughput of `clean` on generated article text.
 *
 * Input: a file of articles separated by a line "@@@@ crossread-bench
 * article @@@@" (bench/gen_text.py writes >= 100 MB of it to
 * /tmp/crossread-bench.txt).  Two measures, each the median of --runs runs
 * (default 5), single thread:
 *
 *   total:  the public pipeline, cr_corpus_add_bytes + cr_corpus_clean, in
 *           batches of about 8 MB (a realistic batch; the corpus keeps every
 *           document, so one 100 MB batch measures the allocator instead);
 *   stages: the same articles through the internal stage functions, each
 *           timed: decode, mojibake, nfc, boilerplate (body + metadata, no
 *           cross-article statistics), segment, tokenize (with stems).
 *
 * Throughput is input bytes / CPU seconds of this process (per core).  --verify prints a hash of every
 * document's body, sentence offsets and token offsets/keys/stems, so a
 * faster wrong answer shows.
 *
 * Without FILE and when /tmp/crossread-bench.txt is missing, it runs
 * bench/gen_text.py first (from the repository root, as `make bench` does).
 *
 * usage: bench_clean [FILE] [--runs N] [--mb LIMIT] [--verify] [--stages-only|--total-only]
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define SEP "@@@@ crossread-bench article @@@@"
#define BATCH_BYTES ((size_t)8 << 20)

typedef struct { const char *p; size_t n; } span;

/* CPU time of this (single-threaded) process: the figure is MB/s per core,
 * and CPU time stays meaningful on a machine shared with other jobs. */
static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static char *load(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    cri_buf b = {0};
    char chunk[1 << 16];
    size_t r;
    while ((r = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (cri_buf_append(&b, chunk, r)) { fclose(f); cri_buf_free(&b); return NULL; }
    fclose(f);
    *len = b.len;
    return cri_buf_detach(&b);
}

static span *split(const char *text, size_t len, size_t *n_out) {
    span *v = NULL;
    size_t n = 0, cap = 0, sl = strlen(SEP);
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *q = memmem(p, (size_t)(end - p), SEP, sl);
        const char *stop = q ? q : end;
        if (stop > p) {
            span *s = CRI_PUSH(v, n, cap);
            if (!s) break;
            s->p = p;
            s->n = (size_t)(stop - p);
        }
        if (!q) break;
        p = q + sl;
        if (p < end && *p == '\n') p++;
    }
    *n_out = n;
    return v;
}

static uint64_t doc_hash(const cr_doc *d, uint64_t h) {
    h = cri_hash64(d->body, d->body_len, h);
    for (size_t i = 0; i < d->n_sents; i++)
        h = cri_mix64(h ^ ((uint64_t)d->sents[i].start << 32 | d->sents[i].end));
    for (size_t i = 0; i < d->n_toks; i++) {
        const cri_token *t = &d->toks[i];
        h = cri_mix64(h ^ ((uint64_t)t->start << 32 | t->end) ^ ((uint64_t)t->flags << 48));
        h = cri_hash64(cri_tok_key(d, t), t->key_len, h);
        h = cri_hash64(cri_tok_stem(d, t), t->stem_len, h);
    }
    return h;
}

/* The public pipeline; returns seconds of cr_corpus_add_bytes + clean. */
static double run_total(const span *arts, size_t n, uint64_t *hash, size_t *n_docs, size_t *n_toks) {
    cr_ctx *ctx;
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return -1;
    double t = 0;
    uint64_t h = 0;
    size_t docs = 0, toks = 0;
    char name[64];
    for (size_t i = 0; i < n;) {
        cr_corpus *c;
        if (cr_corpus_new(ctx, &c) != CR_OK) break;
        size_t bytes = 0, j = i;
        double t0 = now();
        for (; j < n && bytes < BATCH_BYTES; j++) {
            snprintf(name, sizeof name, "bench-%zu.txt", j);
            cr_corpus_add_bytes(c, name, arts[j].p, arts[j].n);
            bytes += arts[j].n;
        }
        cr_corpus_clean(c);
        t += now() - t0;
        for (size_t k = 0; k < cr_corpus_count(c); k++) {
            const cr_doc *d = cr_corpus_doc(c, k);
            h = doc_hash(d, h);
            toks += d->n_toks;
        }
        docs += cr_corpus_count(c);
        cr_corpus_free(c);
        i = j;
    }
    cr_ctx_free(ctx);
    *hash = h;
    *n_docs = docs;
    *n_toks = toks;
    return t;
}

enum { ST_DECODE, ST_MOJI, ST_NFC, ST_BOILER, ST_SEGMENT, ST_TOKENIZE, ST_N };
static const char *const stage_name[ST_N] = {"decode", "mojibake", "nfc", "boilerplate", "segment",
                                             "tokenize+stem"};

/* Each stage through the internal functions; adds seconds to sec[]. */
static void run_stages(const span *arts, size_t n, double *sec, uint64_t *hash) {
    cr_ctx *ctx;
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return;
    uint64_t h = 0;
    char name[64];
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "bench-%zu", i);
        cri_input in = {.id = name, .source = name, .bytes = (char *)arts[i].p, .len = arts[i].n};
        cr_doc *d = calloc(1, sizeof *d);
        if (!d) break;
        cri_buf text = {0};
        double t0 = now();
        cr_status s = cri_text_decode(ctx, d, in.bytes, in.len, &text);
        double t1 = now();
        if (s == CR_OK) s = cri_mojibake_fix(ctx, d, &text);
        double t2 = now();
        if (s == CR_OK) s = cri_nfc(ctx, &text);
        double t3 = now();
        if (s == CR_OK) s = cri_extract_body(ctx, d, text.data, text.len, &in, NULL);
        double t4 = now();
        if (s == CR_OK && d->body) {
            s = cri_segment(ctx, d);
            double t5 = now();
            if (s == CR_OK) s = cri_tokenize(ctx, d);
            double t6 = now();
            sec[ST_SEGMENT] += t5 - t4;
            sec[ST_TOKENIZE] += t6 - t5;
            h = doc_hash(d, h);
        }
        sec[ST_DECODE] += t1 - t0;
        sec[ST_MOJI] += t2 - t1;
        sec[ST_NFC] += t3 - t2;
        sec[ST_BOILER] += t4 - t3;
        cri_buf_free(&text);
        cri_doc_free(d);
    }
    cr_ctx_free(ctx);
    *hash = h;
}

int main(int argc, char **argv) {
    const char *path = "/tmp/crossread-bench.txt";
    int runs = 5;
    double limit_mb = 0;
    bool verify = false, stages = true, total = true;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--runs") && i + 1 < argc) runs = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--mb") && i + 1 < argc) limit_mb = atof(argv[++i]);
        else if (!strcmp(argv[i], "--verify")) verify = true;
        else if (!strcmp(argv[i], "--stages-only")) total = false;
        else if (!strcmp(argv[i], "--total-only")) stages = false;
        else if (argv[i][0] != '-') path = argv[i];
        else {
            fprintf(stderr, "usage: bench_clean [FILE] [--runs N] [--mb LIMIT] [--verify] "
                            "[--stages-only|--total-only]\n");
            return 2;
        }
    }
    if (runs < 1 || runs > 50) runs = 5;
    size_t len = 0;
    FILE *probe = fopen(path, "rb");
    if (probe) fclose(probe);
    else if (!strcmp(path, "/tmp/crossread-bench.txt")) {
        /* first run: generate the default input (run from the repo root) */
        fprintf(stderr, "bench_clean: generating %s (python3 bench/gen_text.py)\n", path);
        if (system("python3 bench/gen_text.py --mb 103 --out /tmp/crossread-bench.txt >&2") != 0)
            fprintf(stderr, "bench_clean: generation failed\n");
    }
    char *text = load(path, &len);
    if (!text) {
        fprintf(stderr, "bench_clean: cannot read %s (generate it: python3 bench/gen_text.py)\n", path);
        return 1;
    }
    size_t n;
    span *arts = split(text, len, &n);
    size_t bytes = 0, keep = n;
    for (size_t i = 0; i < n; i++) {
        if (limit_mb > 0 && bytes >= limit_mb * 1e6) { keep = i; break; }
        bytes += arts[i].n;
    }
    n = keep;
    double mb = bytes / 1e6;
    printf("input: %s, %zu articles, %.1f MB, %d runs (median)\n", path, n, mb, runs);

    if (total) {
        double t[50];
        uint64_t h = 0, h0 = 0;
        size_t docs = 0, toks = 0;
        bool stable = true;
        for (int r = 0; r < runs; r++) {
            t[r] = run_total(arts, n, &h, &docs, &toks);
            if (r == 0) h0 = h;
            else if (h != h0) stable = false;
        }
        double m = median(t, runs);
        printf("total (cr_corpus_add_bytes + cr_corpus_clean): %.2f s, %.1f MB/s  "
               "[%zu documents, %zu tokens]\n", m, mb / m, docs, toks);
        if (verify) printf("verify total: %016llx%s\n", (unsigned long long)h0, stable ? "" : " (UNSTABLE)");
    }
    if (stages) {
        double per[ST_N][50];
        uint64_t h = 0, h0 = 0;
        bool stable = true;
        for (int r = 0; r < runs; r++) {
            double sec[ST_N] = {0};
            run_stages(arts, n, sec, &h);
            for (int s = 0; s < ST_N; s++) per[s][r] = sec[s];
            if (r == 0) h0 = h;
            else if (h != h0) stable = false;
        }
        double sum = 0, seg_tok = 0;
        for (int s = 0; s < ST_N; s++) {
            double m = median(per[s], runs);
            sum += m;
            if (s >= ST_SEGMENT) seg_tok += m;
            printf("  %-14s %7.3f s  %8.1f MB/s\n", stage_name[s], m, mb / m);
        }
        printf("  %-14s %7.3f s  %8.1f MB/s\n", "segment+tok", seg_tok, mb / seg_tok);
        printf("  %-14s %7.3f s  %8.1f MB/s  (sum of stage medians)\n", "all stages", sum, mb / sum);
        if (verify) printf("verify stages: %016llx%s\n", (unsigned long long)h0, stable ? "" : " (UNSTABLE)");
    }
    free(arts);
    free(text);
    return 0;
}
