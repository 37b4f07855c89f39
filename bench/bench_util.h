/*
 * bench_util.h — what every benchmark program needs: clocks, a median, and
 * reading a whole file.  Header-only so each bench stays one program.
 */
#ifndef CR_BENCH_UTIL_H
#define CR_BENCH_UTIL_H

#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* CPU time of this process: "per core" figures that a busy shared machine
 * does not distort (every stage is single-threaded). */
static inline double bench_cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Wall-clock time. */
static inline double bench_wall_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline int bench_cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Median of v[0..n) (sorts v). */
static inline double bench_median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The whole file (malloc'd, NUL-terminated; caller frees), or NULL. */
static inline char *bench_slurp(const char *path, size_t *len) {
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

#endif
