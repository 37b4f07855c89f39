/*
 * test_segment.c — sentence boundaries.
 *
 * The cases live in tests/data/sentences/ (*.txt), one case a block:
 *     > input line          (several "> " lines are joined with "\n";
 *     >                      a bare ">" line makes a blank line)
 *     = expected sentence   (one a line, in order; \n for a line break)
 *     (blank line)
 * Lines starting with '#' are comments.  Run with file arguments to print
 * how each case of those files is segmented.
 *
 * Then the invariants a user relies on (trimmed, non-empty, inside one
 * paragraph, in order, bounded length) and pathological inputs with a time
 * budget.
 */
#include "check.h"
#include "internal.h"

#include <dirent.h>
#include <stdlib.h>
#include <time.h>

static cr_ctx *ctx;

/* Time budgets are for an optimized build; sanitizers run ~4x slower. */
#if defined(__SANITIZE_ADDRESS__)
#define SLOW 4.0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLOW 4.0
#endif
#endif
#ifndef SLOW
#define SLOW 1.0
#endif

static cr_doc *doc_of(const char *text, size_t n) {
    cr_doc *d = calloc(1, sizeof *d);
    d->body = cri_arena_strndup(&d->arena, text, n);
    d->body_len = (uint32_t)n;
    return d;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Invariants of any segmentation. */
static int check_invariants(const cr_doc *d) {
    int bad = 0;
    uint32_t last = 0, last_para = 0;
    for (size_t i = 0; i < d->n_sents; i++) {
        const cri_sentence *s = &d->sents[i];
        if (s->end <= s->start) bad++;
        if (s->start < last) bad++;
        if (s->end > d->body_len) { bad++; continue; }
        if (s->end - s->start > CR_MAX_SENTENCE) bad++;
        if (cri_isspace((unsigned char)d->body[s->start]) || cri_isspace((unsigned char)d->body[s->end - 1])) bad++;
        if (memmem(d->body + s->start, s->end - s->start, "\n\n", 2)) bad++;
        if (s->para < last_para) bad++;
        last = s->end;
        last_para = s->para;
    }
    return bad;
}

typedef struct { int cases, passed; } tally;

static void run_case(const char *file, int line, const char *input, size_t in_len, char **exp,
                     int n_exp, bool verbose, tally *t) {
    cr_doc *d = doc_of(input, in_len);
    cr_status st = cri_segment(ctx, d);
    bool ok = st == CR_OK && (int)d->n_sents == n_exp && check_invariants(d) == 0;
    for (int i = 0; ok && i < n_exp; i++) {
        size_t len = d->sents[i].end - d->sents[i].start;
        ok = strlen(exp[i]) == len && memcmp(exp[i], d->body + d->sents[i].start, len) == 0;
    }
    t->cases++;
    if (ok) t->passed++;
    if (!ok || verbose) {
        fprintf(stderr, "%s:%d: %s\n", file, line, ok ? "ok" : "FAIL");
        for (size_t i = 0; i < d->n_sents; i++)
            fprintf(stderr, "   got [%.*s]\n", (int)(d->sents[i].end - d->sents[i].start),
                    d->body + d->sents[i].start);
        if (!ok)
            for (int i = 0; i < n_exp; i++) fprintf(stderr, "  want [%s]\n", exp[i]);
    }
    cri_doc_free(d);
}

static void run_file(const char *path, bool verbose, tally *t) {
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "cannot open %s\n", path); check_failed++; return; }
    cri_buf in = {0};
    char *exp[256];
    int n_exp = 0, lineno = 0, case_line = 0;
    bool have_in = false;
    char *line = NULL;
    size_t cap = 0;
    ssize_t r;
    for (;;) {
        r = getline(&line, &cap, f);
        if (r >= 0) {
            lineno++;
            while (r > 0 && (line[r - 1] == '\n' || line[r - 1] == '\r')) line[--r] = 0;
        }
        if (r < 0 || r == 0) {
            if (have_in) run_case(path, case_line, in.data ? in.data : "", in.len, exp, n_exp, verbose, t);
            for (int i = 0; i < n_exp; i++) free(exp[i]);
            n_exp = 0;
            have_in = false;
            cri_buf_clear(&in);
            if (r < 0) break;
            continue;
        }
        if (line[0] == '#') continue;
        if (line[0] == '>') {
            if (!have_in) case_line = lineno;
            else cri_buf_putc(&in, '\n');
            have_in = true;
            const char *p = line + 1;
            if (*p == ' ') p++;
            cri_buf_puts(&in, p);
        } else if (line[0] == '=' && n_exp < 256) {
            /* "\n" in an expected sentence stands for a line break */
            char *x = strdup(line[1] == ' ' ? line + 2 : line + 1), *o = x;
            for (const char *q = x; *q; q++) {
                if (q[0] == '\\' && q[1] == 'n') { *o++ = '\n'; q++; }
                else *o++ = *q;
            }
            *o = 0;
            exp[n_exp++] = x;
        }
    }
    free(line);
    cri_buf_free(&in);
    fclose(f);
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void data_cases(void) {
    const char *dir = "tests/data/sentences";
    DIR *dp = opendir(dir);
    CHECK(dp != NULL);
    if (!dp) return;
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) && n < 256) {
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) names[n++] = strdup(e->d_name);
    }
    closedir(dp);
    qsort(names, (size_t)n, sizeof *names, cmp_names);
    tally t = {0, 0};
    for (int i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        run_file(path, false, &t);
        free(names[i]);
    }
    printf("sentence cases: %d/%d\n", t.passed, t.cases);
    CHECK(t.cases >= 100);
    CHECK(t.passed == t.cases);
}

static void paragraphs_and_offsets(void) {
    const char *text = "  First one. Second one.\n\n\n\nThird para\n\n   \n\nFourth.  ";
    cr_doc *d = doc_of(text, strlen(text));
    CHECK(cri_segment(ctx, d) == CR_OK);
    CHECK(d->n_sents == 4);
    if (d->n_sents == 4) {
        CHECK(d->sents[0].start == 2);
        CHECK(d->sents[0].para == 0 && d->sents[1].para == 0);
        CHECK(d->sents[2].para == 1);
        CHECK(d->sents[3].para == 2);
        CHECK(memcmp(d->body + d->sents[3].start, "Fourth.", 7) == 0 &&
              d->sents[3].end - d->sents[3].start == 7);
    }
    CHECK(check_invariants(d) == 0);
    cri_doc_free(d);

    /* empty and blank bodies make no sentences */
    d = doc_of("\n\n \n\n", 5);
    CHECK(cri_segment(ctx, d) == CR_OK && d->n_sents == 0);
    cri_doc_free(d);
}

static void long_runs(void) {
    /* a 10 MB line without punctuation: split at spaces, linear */
    size_t n = 10u << 20;
    char *big = malloc(n);
    for (size_t i = 0; i < n; i++) big[i] = (i % 7 == 6) ? ' ' : "abcdef"[i % 7 % 6];
    cr_doc *d = doc_of(big, n);
    double t0 = now();
    CHECK(cri_segment(ctx, d) == CR_OK);
    double t1 = now();
    CHECK(d->n_sents > n / CR_MAX_SENTENCE);
    CHECK(check_invariants(d) == 0);
    CHECK(t1 - t0 < 2.0 * SLOW);
    t0 = now();
    CHECK(cri_tokenize(ctx, d) == CR_OK);
    t1 = now();
    CHECK(t1 - t0 < 5.0 * SLOW);
    CHECK(d->n_toks > 1000000);
    cri_doc_free(d);

    /* one giant token: cut at CR_MAX_SENTENCE / CR_MAX_TOKEN on character boundaries */
    for (size_t i = 0; i + 1 < n; i += 2) { big[i] = (char)0xC3; big[i + 1] = (char)0xA9; }
    d = doc_of(big, n);
    t0 = now();
    CHECK(cri_segment(ctx, d) == CR_OK);
    CHECK(check_invariants(d) == 0);
    CHECK(cri_tokenize(ctx, d) == CR_OK);
    t1 = now();
    CHECK(t1 - t0 < 5.0 * SLOW);
    bool bounded = true;
    for (size_t i = 0; i < d->n_toks; i++)
        if (d->toks[i].end - d->toks[i].start > CR_MAX_TOKEN || ((unsigned char)d->body[d->toks[i].start] & 0xC0) == 0x80)
            bounded = false;
    CHECK(bounded);
    cri_doc_free(d);

    /* a million blank lines around two words */
    n = 2000000 + 20;
    memset(big, '\n', n);
    memcpy(big + 1000000, "Hello there.", 12);
    d = doc_of(big, n);
    t0 = now();
    CHECK(cri_segment(ctx, d) == CR_OK);
    t1 = now();
    CHECK(d->n_sents == 1);
    CHECK(t1 - t0 < 1.0 * SLOW);
    cri_doc_free(d);

    /* periods everywhere, no spaces; and ". " everywhere */
    for (size_t i = 0; i < n; i++) big[i] = i % 2 ? '.' : 'A';
    d = doc_of(big, n);
    t0 = now();
    CHECK(cri_segment(ctx, d) == CR_OK);
    CHECK(check_invariants(d) == 0);
    for (size_t i = 0; i < n; i++) big[i] = i % 3 == 0 ? 'A' : i % 3 == 1 ? '.' : ' ';
    cri_doc_free(d);
    d = doc_of(big, n);
    CHECK(cri_segment(ctx, d) == CR_OK);
    CHECK(check_invariants(d) == 0);
    t1 = now();
    CHECK(t1 - t0 < 2.0 * SLOW);
    cri_doc_free(d);

    /* a long run of spaces, then a long sentence of titles ("Mr. Mr. ..."):
     * the sentence start must not be looked for again at each period */
    memset(big, ' ', 1000000);
    memcpy(big, "It rained.", 10);
    for (size_t i = 1000000; i + 4 <= 2000000; i += 4) memcpy(big + i, "Mr. ", 4);
    d = doc_of(big, 2000000);
    t0 = now();
    CHECK(cri_segment(ctx, d) == CR_OK);
    t1 = now();
    CHECK(check_invariants(d) == 0);
    CHECK(t1 - t0 < 1.0 * SLOW);
    cri_doc_free(d);

    /* 100,000 capitalized words without punctuation */
    cri_buf w = {0};
    for (int i = 0; i < 100000; i++) cri_buf_puts(&w, "Kim Jong ");
    d = doc_of(w.data, w.len);
    t0 = now();
    CHECK(cri_segment(ctx, d) == CR_OK && cri_tokenize(ctx, d) == CR_OK);
    t1 = now();
    CHECK(check_invariants(d) == 0);
    CHECK(t1 - t0 < 1.0 * SLOW);
    cri_doc_free(d);
    cri_buf_free(&w);
    free(big);
}

int main(int argc, char **argv) {
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 1;
    if (argc > 1) {
        tally t = {0, 0};
        for (int i = 1; i < argc; i++) run_file(argv[i], true, &t);
        printf("%d/%d\n", t.passed, t.cases);
        cr_ctx_free(ctx);
        return t.passed == t.cases ? 0 : 1;
    }
    data_cases();
    paragraphs_and_offsets();
    long_runs();
    cr_ctx_free(ctx);
    return CHECK_REPORT();
}
