/*
 * bench_extract.c — throughput of the extraction stage on cleaned news
 * text, single thread: names (ner.c), dates (timex.c), quantities
 * (quantity.c), each alone, dates and quantities in their shared lexing
 * pass (cri_dates_quantities_find, as cr_corpus_extract runs them), and
 * all three together, in MB of body per second of CPU time (median of
 * --runs runs, default 5).
 *
 *   bench_extract [--runs N] [--only names|dates|quantities|dq|all] [FILE...]
 *
 * FILE is a text file (one article) or a .jsonl file (one article a line:
 * id, text, ...).  Without files: the .txt files of
 * examples/dprk-russia-2024-07, then, when ../shared is beside the
 * repository, the ECB+ dev documents (../shared/data/ecbplus-dev/
 * ecbplus-dev.jsonl, CC BY 3.0), which are longer and richer in numbers.
 * The articles are repeated (with varied publication dates) until the
 * corpus holds about 8 MB of body text; cleaning is not timed.  --only
 * with --runs 1 is the way to profile one stage (valgrind --tool=callgrind).
 */
#include "internal.h"
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef cr_status (*stage_fn)(cr_ctx *, cr_doc *);

static int runs = 5;

static double run(cr_corpus *c, stage_fn *fns, size_t nf, size_t bytes) {
    double t[64];
    for (int r = 0; r < runs; r++) {
        double t0 = bench_cpu_now();
        for (size_t i = 0; i < c->n_docs; i++)
            for (size_t f = 0; f < nf; f++)
                if (fns[f](c->ctx, c->docs[i]) != CR_OK) return 0;
        t[r] = bench_cpu_now() - t0;
    }
    return (double)bytes / 1e6 / bench_median(t, runs);
}

static const char *const pubs[] = {"2024-07-09", "2024-01-01T08:00+01:00", "2023-12-29",
                                   "2024-03-03T12:00-05:00", NULL};

/* One article, its publication date chosen by k. */
static void add(cr_corpus *c, const char *text, size_t len, size_t k) {
    char id[32];
    snprintf(id, sizeof id, "d%zu", k);
    cr_article a = {0};
    a.id = id;
    a.text = text;
    a.text_len = len;
    a.published = pubs[k % 5];
    cr_corpus_add_article(c, &a);
}

/* The articles of one file: the whole file, or each line of a .jsonl. */
static size_t add_file(cr_corpus *c, const char *path, size_t *k) {
    size_t len, total = 0;
    char *text = bench_slurp(path, &len);
    if (!text) {
        fprintf(stderr, "bench_extract: cannot read %s\n", path);
        exit(2);
    }
    size_t pl = strlen(path);
    if (pl > 6 && !strcmp(path + pl - 6, ".jsonl")) {
        for (size_t a = 0; a < len;) {
            const char *nl = memchr(text + a, '\n', len - a);
            size_t b = nl ? (size_t)(nl - text) : len;
            cri_json_article ja;
            const char *why;
            if (b > a && cri_json_parse_article(text + a, b - a, &ja, &why) == CR_OK) {
                if (ja.a.text) {
                    add(c, ja.a.text, ja.a.text_len, (*k)++);
                    total += ja.a.text_len;
                }
                cri_json_article_free(&ja);
            }
            a = b + 1;
        }
    } else {
        add(c, text, len, (*k)++);
        total = len;
    }
    free(text);
    return total;
}

static int bench(const char *label, char **paths, size_t np, const char *only) {
    cr_options o;
    cr_options_init(&o);
    o.raw = 1;
    cr_ctx *ctx;
    cr_corpus *c;
    if (cr_ctx_new(&o, &ctx) != CR_OK || cr_corpus_new(ctx, &c) != CR_OK) return 2;
    size_t total = 0, k = 0;
    for (size_t f = 0, cycle = 0; total < 8u << 20; f++) {
        if (f == np) {
            if (!cycle) break;   /* nothing but empty files */
            f = 0;
            cycle = 0;
        }
        size_t got = add_file(c, paths[f], &k);
        cycle += got;
        total += got;
    }
    if (cr_corpus_clean(c) != CR_OK) {
        fprintf(stderr, "bench_extract: %s\n", cr_errmsg(ctx));
        return 2;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < c->n_docs; i++) bytes += c->docs[i]->body_len;
    static const struct {
        const char *name, *label;
        stage_fn fns[2];
        size_t nf;
    } stages[] = {
        {"names", "names (ner)", {cri_ner_tag}, 1},
        {"dates", "dates (timex)", {cri_timex_find}, 1},
        {"quantities", "quantities", {cri_quantity_find}, 1},
        {"dq", "dates + quantities", {cri_dates_quantities_find}, 1},
        {"all", "all three", {cri_ner_tag, cri_dates_quantities_find}, 2},
    };
    printf("extract (%s): %zu documents, %.1f MB of body, median of %d\n", label, c->n_docs,
           bytes / 1e6, runs);
    for (size_t s = 0; s < sizeof stages / sizeof stages[0]; s++) {
        if (only && strcmp(only, stages[s].name)) continue;
        stage_fn fns[2] = {stages[s].fns[0], stages[s].fns[1]};
        printf("  %-22s %8.1f MB/s\n", stages[s].label, run(c, fns, stages[s].nf, bytes));
    }
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

int main(int argc, char **argv) {
    const char *only = NULL;
    int a = 1;
    for (; a < argc; a++) {
        if (!strcmp(argv[a], "--runs") && a + 1 < argc) {
            runs = atoi(argv[++a]);
            if (runs < 1) runs = 1;
            if (runs > 64) runs = 64;
        } else if (!strcmp(argv[a], "--only") && a + 1 < argc) {
            only = argv[++a];
        } else break;
    }
    if (a < argc) return bench("given files", argv + a, (size_t)(argc - a), only);
    char **paths = NULL;
    char *argv0[] = {argv[0]};
    size_t np = bench_input_files(1, argv0, &paths);
    if (!np) {
        fprintf(stderr, "bench_extract: run from the repository root or give files\n");
        return 2;
    }
    int st = bench("examples/dprk-russia-2024-07", paths, np, only);
    char *ecb[] = {"../shared/data/ecbplus-dev/ecbplus-dev.jsonl"};
    FILE *f = fopen(ecb[0], "rb");
    if (st == 0 && f) {
        fclose(f);
        printf("\n");
        st = bench("ECB+ dev topics 1-35", ecb, 1, only);
    }
    return st;
}
