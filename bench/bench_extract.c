/*
 * bench_extract.c — throughput of the extraction stage on cleaned news
 * text, single thread: names (ner.c), dates (timex.c), quantities
 * (quantity.c), each alone and all three together, in MB of body per
 * second of CPU time (median of 5 runs).
 *
 *   bench_extract [FILE...]   default: the .txt files of examples/dprk-russia-2024-07
 *
 * The articles are repeated (with varied publication dates) until the
 * corpus holds about 8 MB of body text; cleaning is not timed.
 */
#include "internal.h"
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef cr_status (*stage_fn)(cr_ctx *, cr_doc *);

static double run(cr_corpus *c, stage_fn *fns, size_t nf, size_t bytes) {
    double t[5];
    for (int r = 0; r < 5; r++) {
        double t0 = bench_cpu_now();
        for (size_t i = 0; i < c->n_docs; i++)
            for (size_t f = 0; f < nf; f++)
                if (fns[f](c->ctx, c->docs[i]) != CR_OK) return 0;
        t[r] = bench_cpu_now() - t0;
    }
    qsort(t, 5, sizeof t[0], bench_cmp_double);
    return (double)bytes / 1e6 / t[2];
}

int main(int argc, char **argv) {
    char **paths = NULL;
    size_t np = bench_input_files(argc, argv, &paths);
    if (!np) {
        fprintf(stderr, "bench_extract: run from the repository root or give files\n");
        return 2;
    }
    cr_options o;
    cr_options_init(&o);
    o.raw = 1;
    cr_ctx *ctx;
    cr_corpus *c;
    if (cr_ctx_new(&o, &ctx) != CR_OK || cr_corpus_new(ctx, &c) != CR_OK) return 2;
    static const char *const pubs[] = {"2024-07-09", "2024-01-01T08:00+01:00", "2023-12-29",
                                       "2024-03-03T12:00-05:00", NULL};
    size_t total = 0, k = 0;
    while (total < 8u << 20 && np) {
        size_t len;
        char *text = bench_slurp(paths[k % np], &len);
        if (!text) { fprintf(stderr, "bench_extract: cannot read %s\n", paths[k % np]); return 2; }
        char id[32];
        snprintf(id, sizeof id, "d%zu", k);
        cr_article a = {0};
        a.id = id;
        a.text = text;
        a.text_len = len;
        a.published = pubs[k % 5];
        cr_corpus_add_article(c, &a);
        free(text);
        total += len;
        k++;
    }
    if (cr_corpus_clean(c) != CR_OK) { fprintf(stderr, "bench_extract: %s\n", cr_errmsg(ctx)); return 2; }
    size_t bytes = 0;
    for (size_t i = 0; i < c->n_docs; i++) bytes += c->docs[i]->body_len;
    stage_fn ner[] = {cri_ner_tag}, tim[] = {cri_timex_find}, qty[] = {cri_quantity_find},
             tq[] = {cri_timex_find, cri_quantity_find},
             all[] = {cri_ner_tag, cri_timex_find, cri_quantity_find};
    printf("extract: %zu documents, %.1f MB of body\n", c->n_docs, bytes / 1e6);
    printf("  names (ner)            %8.1f MB/s\n", run(c, ner, 1, bytes));
    printf("  dates (timex)          %8.1f MB/s\n", run(c, tim, 1, bytes));
    printf("  quantities             %8.1f MB/s\n", run(c, qty, 2 - 1, bytes));
    printf("  dates + quantities     %8.1f MB/s\n", run(c, tq, 2, bytes));
    printf("  all three              %8.1f MB/s\n", run(c, all, 3, bytes));
    size_t nd = 0, nq = 0;
    for (size_t i = 0; i < c->n_docs; i++) {
        nd += c->docs[i]->n_dates;
        nq += c->docs[i]->n_quantities;
    }
    printf("  (%zu dates, %zu quantities)\n", nd, nq);
    cr_corpus_free(c);
    cr_ctx_free(ctx);
    return 0;
}
