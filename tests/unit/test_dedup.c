/*
 * test_dedup.c — copies as a user sees them: duplicates, containment and
 * rewrites found with their figures, groups with their original and why,
 * and bad input (one-word, shingle-less, identical floods, a big article,
 * no dates, non-English) handled without blow-up.
 */
#include "check.h"
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* ctx cleans as for scraped pages; raw takes every text as body, which
 * isolates dedup from boilerplate detection (tests of copies where only the
 * text matters: line wrapping, floods of identical articles). */
static cr_ctx *ctx, *raw;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s) s[n] = 0;
    fclose(f);
    return s;
}

static size_t doc_index(const cr_corpus *c, const char *id) {
    for (size_t i = 0; i < c->n_docs; i++)
        if (strcmp(c->docs[i]->id, id) == 0) return i;
    return SIZE_MAX;
}

/* The relation reported between ids x and y (either order), or NULL.
 * *dir: 1 when x is the copy's "a". */
static const char *relation(const cr_corpus *c, const char *x, const char *y, int *dir) {
    size_t a = doc_index(c, x), b = doc_index(c, y);
    for (size_t i = 0; i < c->n_copies; i++) {
        const cri_copy *p = &c->copies[i];
        if ((p->a == a && p->b == b) || (p->a == b && p->b == a)) {
            if (dir) *dir = p->a == a;
            return cri_copy_relation_name[p->relation];
        }
    }
    return NULL;
}

static void add(cr_corpus *c, const char *id, const char *text, const char *published) {
    cr_article a = {.id = id, .text = text, .published = published};
    cr_corpus_add_article(c, &a);
}

static cr_corpus *new_corpus_in(cr_ctx *x) {
    cr_corpus *c = NULL;
    cr_corpus_new(x, &c);
    return c;
}
static cr_corpus *new_corpus(void) { return new_corpus_in(ctx); }

static cr_status dedup(cr_corpus *c) {
    cr_corpus_clean(c);
    cr_dedup_options o;
    cr_dedup_options_init(&o);
    return cr_corpus_dedup(c, &o);
}

static char *concat(const char *a, const char *sep, const char *b) {
    size_t na = strlen(a), ns = strlen(sep), nb = strlen(b);
    char *s = malloc(na + ns + nb + 1);
    memcpy(s, a, na);
    memcpy(s + na, sep, ns);
    memcpy(s + na + ns, b, nb + 1);
    return s;
}

/* Re-wrap every paragraph at width columns (a copy as a mail or feed shows it). */
static char *rewrap(const char *t, int width) {
    size_t n = strlen(t);
    char *s = malloc(n + 1);
    memcpy(s, t, n + 1);
    int col = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') { col = 0; continue; }
        if (s[i] == ' ' && col >= width && i + 1 < n && s[i + 1] != '\n') {
            s[i] = '\n';
            col = 0;
            continue;
        }
        col++;
    }
    return s;
}

/* First frac of the paragraphs (cut at a blank line). */
static char *excerpt(const char *t, double frac) {
    size_t n = strlen(t), cut = (size_t)(n * frac);
    const char *p = strstr(t + cut, "\n\n");
    size_t len = p ? (size_t)(p - t) : n;
    char *s = malloc(len + 1);
    memcpy(s, t, len);
    s[len] = 0;
    return s;
}

static const char *EX = "examples/dprk-russia-2024-07/";

static char *seed_text(const char *name) {
    char path[256];
    snprintf(path, sizeof path, "%s%s", EX, name);
    return read_file(path);
}

static void test_seeds(void) {
    cr_corpus *c = new_corpus();
    if (cr_corpus_add_path(c, EX) != CR_OK) {
        printf("skip: %s not found (run from the repository root)\n", EX);
        cr_corpus_free(c);
        return;
    }
    CHECK(dedup(c) == CR_OK);
    CHECK(cr_corpus_count(c) == 5);
    /* seed 002 paraphrases seed 000 sentence by sentence */
    const char *r = relation(c, "000_cc5872542598d7f9", "002_d521b363f5ac9094", NULL);
    CHECK(r && strcmp(r, "rewrite") == 0);
    if (!r || strcmp(r, "rewrite")) fprintf(stderr, "  000/002: %s\n", r ? r : "no relation");
    /* five outlets' own reports: nothing near-identical, nothing contained */
    for (size_t i = 0; i < c->n_copies; i++) CHECK(c->copies[i].relation == CRI_COPY_REWRITE);
    cr_corpus_free(c);
}

static void test_planted(void) {
    char *base = seed_text("003_13ffe43bbd184ed9.txt");
    char *other = seed_text("000_cc5872542598d7f9.txt");
    char *unrel = seed_text("001_35b098383a2d3d3d.txt");
    if (!base || !other || !unrel) {
        printf("skip: %s not found (run from the repository root)\n", EX);
        free(base); free(other); free(unrel);
        return;
    }
    char *wrapped = rewrap(base, 60);
    char *cut = excerpt(base, 0.45);
    char *tail = excerpt(other, 0.5);
    char *added = concat(base, "\n\n", tail);
    cr_corpus *c = new_corpus_in(raw);
    add(c, "base", base, NULL);
    add(c, "exact", base, NULL);
    add(c, "wrapped", wrapped, NULL);
    add(c, "excerpt", cut, NULL);
    add(c, "added", added, NULL);
    add(c, "unrelated", unrel, NULL);
    CHECK(dedup(c) == CR_OK);
    const char *r;
    int dir = 0;
    r = relation(c, "base", "exact", NULL);
    CHECK(r && strcmp(r, "duplicate") == 0);
    r = relation(c, "base", "wrapped", NULL);
    CHECK(r && strcmp(r, "duplicate") == 0);
    r = relation(c, "base", "excerpt", &dir);
    CHECK(r && strcmp(r, "contains") == 0 && dir == 1);   /* base holds the excerpt */
    r = relation(c, "added", "base", &dir);
    CHECK(r && strcmp(r, "contains") == 0 && dir == 1);   /* the longer copy holds base */
    CHECK(relation(c, "base", "unrelated", NULL) == NULL);
    /* one group of five; no dates, so the container that holds most is the original */
    CHECK(c->n_groups == 1);
    if (c->n_groups == 1) {
        CHECK(c->groups[0].n_members == 5);
        CHECK(strncmp(c->groups[0].why, "contains", 8) == 0);
    }
    /* figures: an exact copy has Jaccard 1 */
    for (size_t i = 0; i < c->n_copies; i++) {
        const cri_copy *p = &c->copies[i];
        CHECK(p->jaccard >= 0 && p->jaccard <= 1 && p->containment >= 0 && p->containment <= 1);
    }
    cr_corpus_free(c);

    /* dates decide the original when there are any */
    c = new_corpus_in(raw);
    add(c, "late", base, "2024-07-10T08:00Z");
    add(c, "early", wrapped, "2024-07-09T06:26+05:30");
    add(c, "nodate", added, NULL);
    CHECK(dedup(c) == CR_OK);
    CHECK(c->n_groups == 1);
    if (c->n_groups == 1) {
        CHECK_STR(c->docs[c->groups[0].original]->id, "early");
        CHECK(strstr(c->groups[0].why, "earliest published") != NULL);
    }
    cr_corpus_free(c);

    /* the input order does not change the answer */
    const char *ids[] = {"base", "exact", "wrapped", "excerpt", "added", "unrelated"};
    const char *texts[] = {base, base, wrapped, cut, added, unrel};
    char sig1[512] = "", sig2[512] = "";
    for (int pass = 0; pass < 2; pass++) {
        c = new_corpus_in(raw);
        for (int k = 0; k < 6; k++) {
            int i = pass ? 5 - k : k;
            add(c, ids[i], texts[i], NULL);
        }
        dedup(c);
        char *sig = pass ? sig2 : sig1;
        for (int x = 0; x < 6; x++)
            for (int y = x + 1; y < 6; y++) {
                int d = 0;
                const char *rr = relation(c, ids[x], ids[y], &d);
                size_t len = strlen(sig);
                /* direction matters only for contains */
                snprintf(sig + len, 512 - len, "%c%d", rr ? rr[0] : '-', rr && rr[0] == 'c' ? d : 0);
            }
        size_t len = strlen(sig);
        snprintf(sig + len, 512 - len, "|%s", c->n_groups ? c->docs[c->groups[0].original]->id : "");
        cr_corpus_free(c);
    }
    CHECK_STR(sig1, sig2);
    free(base); free(other); free(unrel); free(wrapped); free(cut); free(tail); free(added);
}

static void test_bad_input(void) {
    cr_corpus *c = new_corpus();
    add(c, "hello1", "Hello", NULL);
    add(c, "hello2", "Hello", NULL);
    add(c, "world", "World", NULL);
    add(c, "marks", "!!! ??? ...", NULL);
    add(c, "empty", "", NULL);
    add(c, "ru1", "Северокорейская военная делегация во главе с ректором университета "
                   "имени Ким Ир Сена отправилась в Россию. Это первый военный обмен между "
                   "двумя странами после подписания договора о всеобъемлющем стратегическом "
                   "партнерстве.", NULL);
    add(c, "ru2", "Северокорейская военная делегация во главе с ректором университета "
                   "имени Ким Ир Сена отправилась в Россию. Это первый военный обмен между "
                   "двумя странами после подписания договора о всеобъемлющем стратегическом "
                   "партнерстве.\n\nПодробности визита не сообщаются. Южная Корея и США "
                   "выражают обеспокоенность сотрудничеством двух стран.", NULL);
    CHECK(dedup(c) == CR_OK);
    const char *r = relation(c, "hello1", "hello2", NULL);
    CHECK(r && strcmp(r, "duplicate") == 0);
    CHECK(relation(c, "hello1", "world", NULL) == NULL);
    r = relation(c, "ru2", "ru1", NULL);
    CHECK(r != NULL);
    /* the empty article was rejected by cleaning, the rest kept */
    CHECK(cr_corpus_error_count(c) >= 1);
    CHECK(doc_index(c, "marks") == SIZE_MAX || relation(c, "marks", "hello1", NULL) == NULL);
    cr_corpus_free(c);

    /* options out of range */
    c = new_corpus();
    cr_dedup_options o;
    cr_dedup_options_init(&o);
    o.threshold = 0;
    CHECK(cr_corpus_dedup(c, &o) == CR_ERR_USAGE);
    o.threshold = 0.5;
    o.shingle = 0;
    CHECK(cr_corpus_dedup(c, &o) == CR_ERR_USAGE);
    o.shingle = 5;
    CHECK(cr_corpus_dedup(c, &o) == CR_OK);   /* empty corpus: nothing, no error */
    CHECK(c->n_copies == 0 && c->n_groups == 0);
    cr_corpus_free(c);
}

static void test_identical_flood(void) {
    /* 10,000 identical articles: one group, linked to one member, quickly. */
    char *base = seed_text("004_1428ae4cc26c0931.txt");
    const char *text = base ? base : "A North Korean elite military training delegation is visiting Russia. "
                                     "This marks the first military exchange between the two countries.";
    cr_corpus *c = new_corpus_in(raw);
    char id[32];
    for (int i = 0; i < 10000; i++) {
        snprintf(id, sizeof id, "same%05d", i);
        add(c, id, text, NULL);
    }
    add(c, "other", "Completely different words about a football match and its final score today.", NULL);
    cr_corpus_clean(c);
    double t0 = now();
    cr_dedup_options o;
    cr_dedup_options_init(&o);
    CHECK(cr_corpus_dedup(c, &o) == CR_OK);
    double dt = now() - t0;
    printf("10,000 identical articles: dedup %.2f s, %zu pairs, %zu groups\n", dt, c->n_copies, c->n_groups);
    CHECK(c->n_groups == 1);
    if (c->n_groups == 1) CHECK(c->groups[0].n_members == 10000);
    CHECK(c->n_copies == 9999);
    CHECK(dt < 20);
    cr_corpus_free(c);
    free(base);
}

static void test_big_article(void) {
    /* A 4 MB article (the 16 MB case is in tests/cli/dedup.sh) and a copy of
     * its first paragraphs: found as contained, in bounded time. */
    size_t words = 700000;
    char *big = malloc(words * 8 + words / 50 * 2 + 16), *p = big;
    uint64_t x = 1;
    for (size_t i = 0; i < words; i++) {
        x = cri_mix64(x + i);
        p += sprintf(p, "w%u", (unsigned)(x % 50000));
        *p++ = (i % 20 == 19) ? '.' : ' ';
        if (i % 20 == 19) *p++ = ' ';
        if (i % 200 == 199) { *p++ = '\n'; *p++ = '\n'; }
    }
    *p = 0;
    char *head = excerpt(big, 0.0005);
    cr_corpus *c = new_corpus_in(raw);
    add(c, "big", big, NULL);
    add(c, "head", head, NULL);
    double t0 = now();
    CHECK(dedup(c) == CR_OK);
    printf("%.1f MB article: clean + dedup %.2f s\n", strlen(big) / 1e6, now() - t0);
    int dir = 0;
    const char *r = relation(c, "big", "head", &dir);
    CHECK(r && strcmp(r, "contains") == 0 && dir == 1);
    cr_corpus_free(c);
    free(big);
    free(head);
}

static void test_align(void) {
    /* the alignment the brief can reuse: in order, one-to-one, merges */
    const char *a = "Rescuers pulled twelve miners from the flooded shaft on Tuesday. "
                    "The mine owner blamed heavy rain for the collapse. "
                    "Three workers remain missing after the accident. "
                    "Officials opened an inquiry into safety failures.";
    const char *b = "Twelve miners were pulled from a flooded shaft by rescuers on Tuesday. "
                    "Heavy rain caused the collapse, the mine owner said, and three workers "
                    "remain missing after the accident. "
                    "An inquiry into safety failures was opened by officials.";
    const char *rev = "Officials opened an inquiry into safety failures. "
                      "Three workers remain missing after the accident. "
                      "The mine owner blamed heavy rain for the collapse. "
                      "Rescuers pulled twelve miners from the flooded shaft on Tuesday.";
    cr_corpus *c = new_corpus_in(raw);
    add(c, "a", a, NULL);
    add(c, "b", b, NULL);
    add(c, "rev", rev, NULL);
    cr_corpus_clean(c);
    const cr_doc *da = c->docs[doc_index(c, "a")], *db = c->docs[doc_index(c, "b")],
                 *dr = c->docs[doc_index(c, "rev")];
    cri_align_result r;
    CHECK(cri_align_docs(ctx, da, da, 0.3, &r) == CR_OK);
    CHECK(r.n_pairs == da->n_sents && r.covered_a == r.eligible_a);
    for (size_t i = 0; i < r.n_pairs; i++) CHECK(r.pairs[i].a == i && r.pairs[i].b == i && r.pairs[i].sim == 1.0);
    cri_align_free(&r);
    /* b merges a's sentences 2 and 3 into one: a 2:1 unit */
    CHECK(cri_align_docs(ctx, da, db, 0.3, &r) == CR_OK);
    CHECK(r.n_pairs == 3);
    bool merged = false;
    for (size_t i = 0; i < r.n_pairs; i++) merged |= r.pairs[i].a_len == 2 && r.pairs[i].a == 1;
    CHECK(merged);
    CHECK(r.covered_a == 4);
    for (size_t i = 1; i < r.n_pairs; i++) CHECK(r.pairs[i].a > r.pairs[i - 1].a && r.pairs[i].b > r.pairs[i - 1].b);
    cri_align_free(&r);
    /* the same sentences in reverse order: order-preserving, so one pair */
    CHECK(cri_align_docs(ctx, da, dr, 0.3, &r) == CR_OK);
    CHECK(r.n_pairs == 1);
    cri_align_free(&r);
    cr_corpus_free(c);
}

int main(void) {
    cr_options opt;
    cr_options_init(&opt);
    if (cr_ctx_new(&opt, &ctx) != CR_OK) return 1;
    opt.raw = 1;
    if (cr_ctx_new(&opt, &raw) != CR_OK) return 1;
    test_align();
    test_seeds();
    test_planted();
    test_bad_input();
    test_identical_flood();
    test_big_article();
    cr_ctx_free(ctx);
    cr_ctx_free(raw);
    return CHECK_REPORT();
}
