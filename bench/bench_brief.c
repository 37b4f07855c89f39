/*
 * bench_brief.c — how long a brief takes, single thread.
 *
 *   build/bench/bench_brief [examples/dprk-russia-2024-07]
 *
 * 1. The example story (5 articles): median of 15 runs of cr_corpus_brief
 *    alone (copies, stories and extraction already done, as a pipeline that
 *    ran them would have), and of the whole chain dedup + cluster + extract +
 *    brief.  Target: brief under 20 ms.
 * 2. Generated stories of 25 to 400 articles, made from the example's
 *    sentences with words swapped (so they are near-paraphrases that must be
 *    grouped) plus filler sentences of their own, all as one story: the
 *    brief's time and its time per 1,000 sentences, which must stay roughly
 *    flat (near-linear growth).  Target: 200 articles under 1 s.
 * 3. 500 identical copies: one independent source, and the time.
 * Figures are medians of several runs (3 for the large stories).
 */
#include "internal.h"
#include "brief.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return v[n / 2];
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint32_t rnd(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)rng;
}

/* Sentences of the example story, split at ". " (good enough to recombine). */
static char **sentences(const char *dir, size_t *n) {
    cr_ctx *ctx;
    cr_corpus *c;
    char **out = NULL;
    size_t cap = 0;
    *n = 0;
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return NULL;
    if (cr_corpus_new(ctx, &c) != CR_OK) return NULL;
    cr_corpus_add_path(c, dir);
    cr_corpus_clean(c);
    for (size_t i = 0; i < cr_corpus_count(c); i++) {
        const cr_doc *d = cr_corpus_doc(c, i);
        size_t len;
        const char *body = cr_doc_body(d, &len);
        for (size_t k = 0; k < cr_doc_sentence_count(d); k++) {
            size_t s, e;
            cr_doc_sentence(d, k, &s, &e);
            if (e - s < 40) continue;
            if (*n == cap) {
                cap = cap ? cap * 2 : 64;
                out = realloc(out, cap * sizeof *out);
            }
            out[(*n)++] = strndup(body + s, e - s);
        }
    }
    cr_corpus_free(c);
    cr_ctx_free(ctx);
    return out;
}

static const char *const filler_words[] = {
    "harbour", "council", "budget", "railway", "festival", "minister", "storm", "river", "vote", "court",
    "museum", "factory", "strike", "bridge", "school", "hospital", "airport", "market", "election", "police",
    "report", "farmers", "prices", "energy", "water", "north", "coast", "village", "ship", "union",
};

/* An article: some of the example's sentences with one word swapped, and
 * filler sentences only it has. */
static char *article(char **sents, size_t ns, int k) {
    cri_buf b = {0};
    cri_buf_printf(&b, "Generated report %d\n\n", k);
    int n = 8 + (int)(rnd() % 10);
    for (int i = 0; i < n; i++) {
        if (rnd() % 3) {
            const char *s = sents[rnd() % ns];
            /* swap the first word of 5+ letters after the first third */
            size_t len = strlen(s), cut = len / 3, a = cut;
            while (a < len && s[a] != ' ') a++;
            cri_buf_append(&b, s, a);
            cri_buf_puts(&b, " ");
            cri_buf_puts(&b, filler_words[rnd() % 30]);
            size_t z = a + 1;
            while (z < len && s[z] != ' ') z++;
            cri_buf_puts(&b, s + z);
        } else {
            int w = 10 + (int)(rnd() % 15);
            for (int j = 0; j < w; j++) {
                const char *fw = filler_words[rnd() % 30];
                if (j == 0) cri_buf_printf(&b, "%c%s", fw[0] - 32, fw + 1);
                else if (rnd() % 4 == 0) cri_buf_printf(&b, " %s %u", fw, rnd() % 1000);
                else cri_buf_printf(&b, " %s", fw);
            }
            cri_buf_puts(&b, ".");
        }
        cri_buf_puts(&b, (i % 3 == 2) ? "\n\n" : " ");
    }
    return cri_buf_detach(&b);
}

static cr_corpus *story(cr_ctx *ctx, char **sents, size_t ns, int n, bool copies) {
    cr_corpus *c;
    if (cr_corpus_new(ctx, &c) != CR_OK) return NULL;
    char *same = copies ? article(sents, ns, 0) : NULL;
    for (int k = 0; k < n; k++) {
        char id[32], outlet[32], pub[32];
        snprintf(id, sizeof id, "g%04d", k);
        /* copies under as many mastheads (one outlet repeating the same
         * text would read as its boilerplate) */
        snprintf(outlet, sizeof outlet, "Outlet %d", copies ? k : k % 97);
        snprintf(pub, sizeof pub, "2024-07-%02dT10:00", 9 + k % 3);
        char *text = copies ? same : article(sents, ns, k);
        cr_article a = {.id = id, .text = text, .outlet = outlet, .published = pub};
        cr_corpus_add_article(c, &a);
        if (!copies) free(text);
    }
    free(same);
    cr_corpus_clean(c);
    return c;
}

/* Prepare the earlier stages, then time the brief alone. */
static double time_brief(cr_corpus *c, bool one_story) {
    cr_dedup_options d;
    cr_dedup_options_init(&d);
    cr_corpus_dedup(c, &d);
    if (!one_story) {
        cr_cluster_options o;
        cr_cluster_options_init(&o);
        cr_corpus_cluster(c, &o);
    } else {
        c->clustered = true;   /* the generated articles are one story by construction */
    }
    cr_corpus_extract(c);
    c->ctx->errmsg[0] = 0;
    double t0 = now_s();
    cr_status s = cr_corpus_brief(c, NULL);
    double t = now_s() - t0;
    return s == CR_OK ? t : -1;
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "examples/dprk-russia-2024-07";
    size_t ns;
    char **sents = sentences(dir, &ns);
    if (!sents || ns < 5) {
        fprintf(stderr, "bench_brief: no sentences in %s (run from the repo root)\n", dir);
        return 1;
    }
    cr_ctx *ctx;
    cr_ctx_new(NULL, &ctx);

    /* 1. the example story */
    double tb[15], tall[15];
    for (int r = 0; r < 15; r++) {
        cr_corpus *c;
        cr_corpus_new(ctx, &c);
        cr_corpus_add_path(c, dir);
        cr_corpus_clean(c);
        double t0 = now_s();
        tb[r] = time_brief(c, false);
        tall[r] = now_s() - t0;
        cr_corpus_free(c);
    }
    printf("example story (5 articles): brief %.2f ms; dedup+cluster+extract+brief %.2f ms  (target: brief < 20 ms)\n",
           median(tb, 15) * 1e3, median(tall, 15) * 1e3);

    /* 2. growth */
    printf("%9s %10s %10s %12s %14s\n", "articles", "sentences", "brief ms", "ms/1k sent", "facts shown");
    int sizes[] = {25, 50, 100, 200, 400};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        double t[3];
        size_t nsent = 0, facts = 0;
        for (int r = 0; r < 3; r++) {
            rng = 0x9E3779B97F4A7C15ULL + (uint64_t)sizes[i];
            cr_corpus *c = story(ctx, sents, ns, sizes[i], false);
            t[r] = time_brief(c, true);
            nsent = 0;
            for (size_t k = 0; k < c->n_docs; k++) nsent += c->docs[k]->n_sents;
            facts = c->n_stories && c->stories[0].brief ? c->stories[0].brief->n_shown_facts : 0;
            cr_corpus_free(c);
        }
        double m = median(t, 3);
        printf("%9d %10zu %10.1f %12.2f %14zu%s\n", sizes[i], nsent, m * 1e3, m * 1e6 / (double)nsent, facts,
               sizes[i] == 200 ? (m < 1.0 ? "   (target < 1 s: ok)" : "   (target < 1 s: MISSED)") : "");
    }

    /* 3. identical copies */
    {
        cr_corpus *c = story(ctx, sents, ns, 500, true);
        double t = time_brief(c, true);
        size_t indep = c->n_stories && c->stories[0].brief ? c->stories[0].brief->n_indep : 0;
        printf("500 identical copies: brief %.1f ms, %zu independent source%s\n", t * 1e3, indep, indep == 1 ? "" : "s");
        cr_corpus_free(c);
    }
    for (size_t i = 0; i < ns; i++) free(sents[i]);
    free(sents);
    cr_ctx_free(ctx);
    return 0;
}
