/*
 * bench_text.c — throughput of the bytes-to-text stage (text.c decode,
 * mojibake.c repair, normalize.c NFC) on one file, single thread.
 *
 *   bench_text FILE            median of 5 runs, MB/s, per stage and total,
 *                              and cri_fold per space-separated piece
 *   bench_text --make-ascii OUT MB SRC...   write SRC files repeated to MB MiB
 *   bench_text --filter        each stdin line through decode+mojibake+NFC,
 *                              one output line each (scripts/eval_mojibake.py)
 */
#include "internal.h"
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int filter(void) {
    cr_ctx *ctx;
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 2;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, stdin)) >= 0) {
        size_t n = (size_t)got;
        if (n && line[n - 1] == '\n') n--;
        cr_doc *d = calloc(1, sizeof *d);
        cri_buf t = {0};
        if (!d || cri_text_decode(ctx, d, line, n, &t) != CR_OK ||
            cri_mojibake_fix(ctx, d, &t) != CR_OK || cri_nfc(ctx, &t) != CR_OK) {
            fprintf(stderr, "bench_text: %s\n", cr_errmsg(ctx));
            return 2;
        }
        fwrite(t.data, 1, t.len, stdout);
        putchar('\n');
        cri_buf_free(&t);
        cri_doc_free(d);
    }
    free(line);
    cr_ctx_free(ctx);
    return 0;
}

static int make_file(const char *out, double mb, char **src, int n_src) {
    cri_buf all = {0};
    for (int i = 0; i < n_src; i++) {
        size_t len;
        char *p = bench_slurp(src[i], &len);
        if (!p) { fprintf(stderr, "bench_text: cannot read %s\n", src[i]); return 2; }
        cri_buf_append(&all, p, len);
        cri_buf_putc(&all, '\n');
        free(p);
    }
    if (!all.len) return 2;
    FILE *f = fopen(out, "wb");
    if (!f) return 2;
    size_t want = (size_t)(mb * 1024 * 1024), done = 0;
    while (done < want) {
        size_t k = all.len < want - done ? all.len : want - done;
        fwrite(all.data, 1, k, f);
        done += k;
    }
    fclose(f);
    cri_buf_free(&all);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "--filter") == 0) return filter();
    if (argc >= 5 && strcmp(argv[1], "--make-ascii") == 0)
        return make_file(argv[2], atof(argv[3]), argv + 4, argc - 4);
    if (argc < 2) {
        fprintf(stderr, "usage: bench_text FILE | --filter | --make-ascii OUT MB SRC...\n");
        return 2;
    }
    size_t len;
    char *in = bench_slurp(argv[1], &len);
    if (!in) { fprintf(stderr, "bench_text: cannot read %s\n", argv[1]); return 2; }
    cr_ctx *ctx;
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 2;
    enum { RUNS = 5 };
    double t_dec[RUNS], t_moj[RUNS], t_nfc[RUNS], t_all[RUNS];
    size_t out_len = 0, n_rep = 0;
    /* the output buffer is reused across runs, as a pipeline reuses its
     * buffers: first-touch page faults of a fresh 100 MB buffer would
     * otherwise dominate the figure */
    cri_buf t = {0};
    cri_buf_reserve(&t, len + 1);
    for (int r = 0; r < RUNS; r++) {
        cr_doc *d = calloc(1, sizeof *d);
        t.len = 0;
        double a = bench_wall_now();
        if (cri_text_decode(ctx, d, in, len, &t) != CR_OK) return 2;
        double b = bench_wall_now();
        if (cri_mojibake_fix(ctx, d, &t) != CR_OK) return 2;
        double c = bench_wall_now();
        if (cri_nfc(ctx, &t) != CR_OK) return 2;
        double e = bench_wall_now();
        t_dec[r] = b - a; t_moj[r] = c - b; t_nfc[r] = e - c; t_all[r] = e - a;
        out_len = t.len;
        n_rep = d->n_repairs;
        cri_doc_free(d);
        /* mojibake.c and NFC hand back a new buffer when they change the
         * text: grow the reused one to the input size again */
        if (t.cap < len + 1) { cri_buf_free(&t); cri_buf_reserve(&t, len + 1); }
    }
    cri_buf_free(&t);
    /* cri_fold once per space-separated piece, as the tokenizer calls it */
    double t_fold[RUNS];
    cri_buf f = {0};
    for (int r = 0; r < RUNS; r++) {
        double a = bench_wall_now();
        for (size_t i = 0; i < len;) {
            size_t j = i;
            while (j < len && in[j] != ' ' && in[j] != '\n') j++;
            if (j > i) {
                f.len = 0;
                if (cri_fold(in + i, j - i, &f)) return 2;
            }
            i = j + 1;
        }
        t_fold[r] = bench_wall_now() - a;
    }
    cri_buf_free(&f);
    qsort(t_fold, RUNS, sizeof(double), bench_cmp_double);
    qsort(t_dec, RUNS, sizeof(double), bench_cmp_double);
    qsort(t_moj, RUNS, sizeof(double), bench_cmp_double);
    qsort(t_nfc, RUNS, sizeof(double), bench_cmp_double);
    qsort(t_all, RUNS, sizeof(double), bench_cmp_double);
    double mb = (double)len / 1e6;
    printf("input %.1f MB, output %.1f MB, %zu repairs (median of %d)\n", mb,
           (double)out_len / 1e6, n_rep, RUNS);
    printf("decode    %8.0f MB/s\n", mb / t_dec[RUNS / 2]);
    printf("mojibake  %8.0f MB/s\n", mb / t_moj[RUNS / 2]);
    printf("nfc       %8.0f MB/s\n", mb / t_nfc[RUNS / 2]);
    printf("total     %8.0f MB/s  (decode + mojibake + nfc)\n", mb / t_all[RUNS / 2]);
    printf("fold      %8.0f MB/s  (per space-separated piece)\n", mb / t_fold[RUNS / 2]);
    free(in);
    cr_ctx_free(ctx);
    return 0;
}
