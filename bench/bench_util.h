/*
 * bench_util.h — what every benchmark program needs: clocks, a median, and
 * reading a whole file.  Header-only so each bench stays one program.
 */
#ifndef CR_BENCH_UTIL_H
#define CR_BENCH_UTIL_H

#include "internal.h"

#include <dirent.h>
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

/* The input files of a bench: its arguments, or else the .txt files of the
 * example story (run from the repository root), in sorted order.  Returns
 * the count (0 when neither is there); *paths stays valid for the run. */
#define BENCH_MAX_FILES 64
static inline int bench_cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}
static inline size_t bench_input_files(int argc, char **argv, char ***paths) {
    static char names[BENCH_MAX_FILES][512];
    static char *ptrs[BENCH_MAX_FILES];
    if (argc > 1) {
        *paths = argv + 1;
        return (size_t)argc - 1;
    }
    const char *dflt = "examples/dprk-russia-2024-07";
    size_t n = 0;
    DIR *dir = opendir(dflt);
    if (!dir) return 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < BENCH_MAX_FILES) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt")) continue;
        snprintf(names[n], sizeof names[n], "%s/%s", dflt, e->d_name);
        ptrs[n] = names[n];
        n++;
    }
    closedir(dir);
    qsort(ptrs, n, sizeof *ptrs, bench_cmp_str);
    *paths = ptrs;
    return n;
}

#endif
