/*
 * bench_cluster.c — story clustering speed and memory, single thread.
 *
 *   python3 scripts/gen_stories.py -n 160000 -o /tmp/gen-160k.jsonl
 *   build/bench/bench_cluster /tmp/gen-160k.jsonl [10000 20000 ...]
 *
 * For each size N (default 10k, 20k, 40k, 80k, 160k, as far as the file
 * goes) it loads and cleans the first N articles, then times the clustering
 * stage alone (cr_corpus_cluster: features, IDF, index, assignment,
 * refinement, labels), and reports the index memory: feature vectors plus
 * the engine (centroids, member vectors, posting lists), per article, from
 * a second run of the engine through the internal API.  Cleaning time is
 * shown separately; peak RSS covers everything (texts included).  Times are
 * CPU seconds of this process (single thread).
 */
#include "cluster.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* CPU time of this process: the machine the figures come from is shared,
 * and wall time there measures the neighbours. */
static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Index bytes for corpus c: vectors + engine after adding every article. */
static size_t index_bytes(cr_corpus *c) {
    cr_ctx *ctx = c->ctx;
    cri_feat_scratch fs = {0};
    cri_u32map df = {0}, bg = {0};
    cri_u32map_init(&df, 4096);
    cri_feat_background(ctx, &bg);
    size_t n = c->n_docs;
    for (size_t i = 0; i < n; i++) {
        cri_feat_terms(ctx, &fs, c->docs[i]);
        cri_feat_count_df(&df, &fs);
    }
    cri_clu_params p;
    cri_clu_params_default(&p, NULL);
    p.keep_members = true;
    cri_clu *e = cri_clu_new(&p);
    size_t vec_bytes = 0;
    /* batch engines borrow the article vectors: they must outlive it */
    cri_feat *vecs = malloc((n ? n : 1) * CRI_CLU_TOPK * sizeof *vecs);
    for (size_t i = 0; i < n; i++) {
        cri_feat *v = vecs + i * CRI_CLU_TOPK;
        cri_feat_terms(ctx, &fs, c->docs[i]);
        size_t nv = cri_feat_vector(&fs, &df, &bg, (double)n, 2, v, CRI_CLU_TOPK);
        vec_bytes += nv * sizeof *v + 16;   /* packed vector + its bdoc record */
        cri_clu_result r;
        cri_clu_add(e, v, nv, c->docs[i]->has_pub, c->docs[i]->pub_epoch_min, (uint32_t)i, &r);
    }
    size_t b = vec_bytes + cri_clu_memory(e);
    cri_clu_free(e);
    free(vecs);
    cri_feat_scratch_free(&fs);
    cri_u32map_free(&df);
    cri_u32map_free(&bg);
    return b;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bench_cluster FILE.jsonl [N...]\n");
        return 2;
    }
    size_t sizes[16] = {10000, 20000, 40000, 80000, 160000};
    size_t ns = 5;
    if (argc > 2) {
        ns = 0;
        for (int i = 2; i < argc && ns < 16; i++) sizes[ns++] = strtoul(argv[i], NULL, 10);
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    char **lines = NULL;
    size_t *lens = NULL, n_lines = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while ((len = getline(&line, &lcap, f)) > 0) {
        if (n_lines == cap) {
            cap = cap ? cap * 2 : 1024;
            lines = realloc(lines, cap * sizeof *lines);
            lens = realloc(lens, cap * sizeof *lens);
        }
        lines[n_lines] = malloc((size_t)len);
        memcpy(lines[n_lines], line, (size_t)len);
        lens[n_lines++] = (size_t)len;
    }
    free(line);
    fclose(f);
    printf("%8s %12s %14s %12s %12s %10s\n", "articles", "clean cpu s", "cluster cpu s", "us/article",
           "index B/art", "stories");
    for (size_t k = 0; k < ns; k++) {
        size_t n = sizes[k];
        if (n > n_lines) break;
        cr_ctx *ctx;
        cr_corpus *c;
        cr_ctx_new(NULL, &ctx);
        cr_corpus_new(ctx, &c);
        double t0 = now_s();
        for (size_t i = 0; i < n; i++) {
            cri_json_article ja;
            const char *why;
            if (cri_json_parse_article(lines[i], lens[i], &ja, &why) != CR_OK) continue;
            cr_corpus_add_article(c, &ja.a);
            cri_json_article_free(&ja);
        }
        cr_corpus_clean(c);
        double t1 = now_s();
        double best = 1e9;
        for (int rep = 0; rep < (n <= 40000 ? 3 : 1); rep++) {
            double a = now_s();
            if (cr_corpus_cluster(c, NULL) != CR_OK) {
                fprintf(stderr, "cluster failed: %s\n", cr_errmsg(ctx));
                return 1;
            }
            double d = now_s() - a;
            if (d < best) best = d;
        }
        size_t ib = index_bytes(c);
        printf("%8zu %12.2f %14.3f %12.1f %12.0f %10zu\n", cr_corpus_count(c), t1 - t0, best,
               best * 1e6 / (double)cr_corpus_count(c), (double)ib / (double)cr_corpus_count(c),
               cr_corpus_story_count(c));
        fflush(stdout);
        cr_corpus_free(c);
        cr_ctx_free(ctx);
    }
    printf("peak RSS %.1f MB (inputs, cleaned texts and index)\n", peak_rss_kb() / 1024.0);
    for (size_t i = 0; i < n_lines; i++) free(lines[i]);
    free(lines);
    free(lens);
    return 0;
}
