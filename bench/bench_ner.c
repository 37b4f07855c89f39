/*
 * bench_ner.c — throughput of the named-entity tagger (ner.c) alone on
 * cleaned news text, single thread, in MB of body per second of CPU time:
 * the median and the best of 9 runs (the best is the steadier figure on a
 * shared machine), and the mentions found.
 *
 *   bench_ner [FILE...]   default: the .txt files of examples/dprk-russia-2024-07
 *
 * For the ECB+ dev documents, write them out first, e.g.
 *   python3 -c 'import json;[open("/tmp/ecb/"+d["id"]+".txt","w").write(d["text"])
 *     for d in map(json.loads, open("../shared/data/ecbplus-dev/ecbplus-dev.jsonl"))]'
 * The articles are repeated until the corpus holds about 8 MB of body;
 * cleaning is not timed.
 */
#include "internal.h"
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    char **paths = NULL;
    size_t np = bench_input_files(argc, argv, &paths);
    if (!np) {
        fprintf(stderr, "bench_ner: run from the repository root or give files\n");
        return 2;
    }
    cr_options o;
    cr_options_init(&o);
    o.raw = 1;
    cr_ctx *ctx;
    cr_corpus *c;
    if (cr_ctx_new(&o, &ctx) != CR_OK || cr_corpus_new(ctx, &c) != CR_OK) return 2;
    size_t total = 0, k = 0;
    while (total < 8u << 20 && np) {
        size_t len;
        char *text = bench_slurp(paths[k % np], &len);
        if (!text) { fprintf(stderr, "bench_ner: cannot read %s\n", paths[k % np]); return 2; }
        char id[32];
        snprintf(id, sizeof id, "d%zu", k);
        cr_article a = {0};
        a.id = id;
        a.text = text;
        a.text_len = len;
        cr_corpus_add_article(c, &a);
        free(text);
        total += len;
        k++;
    }
    if (cr_corpus_clean(c) != CR_OK) { fprintf(stderr, "bench_ner: %s\n", cr_errmsg(ctx)); return 2; }
    size_t bytes = 0;
    for (size_t i = 0; i < c->n_docs; i++) bytes += c->docs[i]->body_len;
    enum { RUNS = 9 };
    double t[RUNS];
    size_t mentions = 0;
    for (int r = 0; r < RUNS; r++) {
        double t0 = bench_cpu_now();
        mentions = 0;
        for (size_t i = 0; i < c->n_docs; i++) {
            if (cri_ner_tag(c->ctx, c->docs[i]) != CR_OK) return 2;
            mentions += c->docs[i]->n_mentions;
        }
        t[r] = bench_cpu_now() - t0;
    }
    qsort(t, RUNS, sizeof t[0], bench_cmp_double);
    printf("ner: %zu documents, %.1f MB of body, %zu mentions\n", c->n_docs, (double)bytes / 1e6, mentions);
    printf("  median %.1f MB/s, best %.1f MB/s (CPU time)\n", (double)bytes / 1e6 / t[RUNS / 2],
           (double)bytes / 1e6 / t[0]);
    cr_corpus_free(c);
    cr_ctx_free(ctx);
    return 0;
}
