/*
 * bench_boiler.c — throughput of the boilerplate + metadata stage
 * (cri_line_stats_add for every article, then cri_extract_body) on article
 * files, single thread, median of 5 runs.
 *
 *   bench_boiler [-m MB] FILE...    articles to cycle through until MB MiB
 *                                   (default 64) of text, MB/s printed;
 *                                   a file holding bench/gen_text.py's
 *                                   separator line is split into articles
 *
 * Typical use: bench_boiler examples/dprk-russia-2024-07/ *.txt (each file)
 *              and tests/data/boilerplate/ *.txt
 * Inputs are taken as already-normalized text (the stage's contract).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);  /* CPU time: the machine may be shared */
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    cri_buf b = {0};
    char tmp[1 << 16];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        if (cri_buf_append(&b, tmp, k)) {
            fclose(f);
            cri_buf_free(&b);
            return NULL;
        }
    fclose(f);
    *len = b.len;
    return b.data ? b.data : calloc(1, 1);
}

int main(int argc, char **argv) {
    double mb = 64;
    int a = 1;
    if (a + 1 < argc && strcmp(argv[a], "-m") == 0) {
        mb = atof(argv[a + 1]);
        a += 2;
    }
    if (a >= argc) {
        fprintf(stderr, "usage: bench_boiler [-m MB] FILE...\n");
        return 2;
    }
    size_t nf = (size_t)(argc - a);
    char **txt = calloc(nf, sizeof *txt);
    size_t *len = calloc(nf, sizeof *len);
    for (size_t i = 0; i < nf; i++) {
        txt[i] = slurp(argv[a + (int)i], &len[i]);
        if (!txt[i]) {
            fprintf(stderr, "bench_boiler: %s: cannot read\n", argv[a + (int)i]);
            return 1;
        }
    }
    /* gen_text.py output: one file of articles split by SEP lines */
    static const char SEP[] = "\n@@@@ crossread-bench article @@@@\n";
    if (nf == 1 && memmem(txt[0], len[0], SEP, sizeof SEP - 1)) {
        char *all = txt[0];
        size_t alen = len[0], cap = 1024, k = 0;
        char **nt = malloc(cap * sizeof *nt);
        size_t *nl = malloc(cap * sizeof *nl);
        for (char *p = all, *end = all + alen; p < end;) {
            char *q = memmem(p, (size_t)(end - p), SEP, sizeof SEP - 1);
            char *e = q ? q : end;
            if (k == cap) {
                cap *= 2;
                nt = realloc(nt, cap * sizeof *nt);
                nl = realloc(nl, cap * sizeof *nl);
            }
            nt[k] = malloc((size_t)(e - p) + 1);
            memcpy(nt[k], p, (size_t)(e - p));
            nt[k][e - p] = 0;
            nl[k++] = (size_t)(e - p);
            p = q ? q + sizeof SEP - 1 : end;
        }
        free(all);
        free(txt);
        free(len);
        txt = nt;
        len = nl;
        nf = k;
    }
    cr_ctx *ctx;
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 1;
    size_t target = (size_t)(mb * 1024 * 1024), ndocs = 0, bytes = 0;
    while (bytes < target) bytes += len[ndocs++ % nf];
    double t[5];
    size_t removed = 0, body = 0;
    for (int run = 0; run < 5; run++) {
        removed = body = 0;
        double t0 = now();
        cri_line_stats *st = cri_line_stats_new(0);
        cri_input in;
        memset(&in, 0, sizeof in);
        for (size_t i = 0; i < ndocs; i++) {
            cri_buf scratch = {0};
            size_t k = i % nf;
            const char *key = cri_outlet_key(&in, txt[k], len[k], &scratch);
            if (key) cri_line_stats_add(st, key, txt[k], len[k]);
            cri_buf_free(&scratch);
        }
        for (size_t i = 0; i < ndocs; i++) {
            size_t k = i % nf;
            cr_doc *d = calloc(1, sizeof *d);
            if (cri_extract_body(ctx, d, txt[k], len[k], &in, st) == CR_OK) {
                removed += d->n_removed;
                body += d->body_len;
            }
            cri_doc_free(d);
        }
        cri_line_stats_free(st);
        t[run] = now() - t0;
    }
    qsort(t, 5, sizeof t[0], cmp_d);
    printf("boilerplate+metadata: %zu docs, %.1f MiB, median %.3f s, %.0f MB/s "
           "(body %zu bytes, %zu lines removed per pass)\n",
           ndocs, (double)bytes / (1024 * 1024), t[2], (double)bytes / 1e6 / t[2], body, removed);
    for (size_t i = 0; i < nf; i++) free(txt[i]);
    free(txt);
    free(len);
    cr_ctx_free(ctx);
    return 0;
}
