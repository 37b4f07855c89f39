/*
 * test_cluster.c — stories: the seed articles form one story, grouping does
 * not depend on input order, different events stay apart, time separates
 * look-alike events, streaming assigns line by line with bounded memory, and
 * bad input (empty, one word, 10,000 identical, 16 MB, no date, not English)
 * stays fast and sensible.
 */
#include "check.h"
#include "cluster.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Canonical partition: for each document (by id), the smallest id of its
 * story, so two runs can be compared whatever the story order. */
static char *partition(const cr_corpus *c) {
    cri_buf b = {0};
    size_t n = cr_corpus_count(c);
    const char **rep = calloc(n ? n : 1, sizeof *rep);
    for (size_t s = 0; s < cr_corpus_story_count(c); s++) {
        const char *min = NULL;
        for (size_t j = 0; j < cr_corpus_story_size(c, s); j++) {
            const char *id = cr_doc_id(cr_corpus_doc(c, cr_corpus_story_doc(c, s, j)));
            if (!min || strcmp(id, min) < 0) min = id;
        }
        for (size_t j = 0; j < cr_corpus_story_size(c, s); j++) rep[cr_corpus_story_doc(c, s, j)] = min;
    }
    /* sorted by document id: selection over n (test sizes are small) */
    bool *done = calloc(n ? n : 1, 1);
    for (size_t k = 0; k < n; k++) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < n; i++)
            if (!done[i] && (best == SIZE_MAX || strcmp(cr_doc_id(cr_corpus_doc(c, i)),
                                                        cr_doc_id(cr_corpus_doc(c, best))) < 0))
                best = i;
        done[best] = true;
        cri_buf_printf(&b, "%s>%s;", cr_doc_id(cr_corpus_doc(c, best)), rep[best] ? rep[best] : "?");
    }
    free(done);
    free(rep);
    return cri_buf_detach(&b);
}

static cr_corpus *corpus_of(cr_ctx *ctx, const cr_article *a, const size_t *order, size_t n) {
    cr_corpus *c;
    if (cr_corpus_new(ctx, &c) != CR_OK) return NULL;
    for (size_t i = 0; i < n; i++) cr_corpus_add_article(c, &a[order ? order[i] : i]);
    cr_corpus_clean(c);
    return c;
}

static size_t story_of(const cr_corpus *c, const char *id) {
    for (size_t s = 0; s < cr_corpus_story_count(c); s++)
        for (size_t j = 0; j < cr_corpus_story_size(c, s); j++)
            if (strcmp(cr_doc_id(cr_corpus_doc(c, cr_corpus_story_doc(c, s, j))), id) == 0) return s;
    return SIZE_MAX;
}

/* Three events, two of the same kind (two earthquakes), several outlets each. */
static const cr_article events[] = {
    {.id = "q1a", .published = "2024-03-01T08:00:00Z", .title = "Magnitude 6.1 earthquake strikes Kermadec Islands",
     .text = "A magnitude 6.1 earthquake struck near the Kermadec Islands on Friday, the geological survey said. "
             "No tsunami warning was issued for New Zealand. Residents of Raoul Island reported strong shaking."},
    {.id = "q1b", .published = "2024-03-01T09:30:00Z", .title = "Strong quake hits Kermadec Islands, no tsunami threat",
     .text = "A strong 6.1 magnitude quake hit the Kermadec Islands region early Friday. Officials said there was "
             "no tsunami threat to New Zealand. Staff on Raoul Island felt the shaking."},
    {.id = "q1c", .published = "2024-03-01T11:00:00Z",
     .text = "The Kermadec Islands were shaken by a 6.1 earthquake on Friday morning, seismologists said, and "
             "New Zealand authorities ruled out a tsunami. Raoul Island staff are safe."},
    {.id = "q2a", .published = "2024-03-09T14:00:00Z", .title = "Earthquake of magnitude 5.4 rattles central Chile",
     .text = "An earthquake of magnitude 5.4 rattled central Chile on Saturday, shaking buildings in Santiago "
             "and Valparaiso. The emergency office said no damage was reported."},
    {.id = "q2b", .published = "2024-03-09T15:10:00Z", .title = "Quake shakes Santiago; no damage reported",
     .text = "A 5.4 magnitude quake shook Santiago and Valparaiso in central Chile on Saturday afternoon. "
             "Chile's emergency office reported no damage or injuries."},
    {.id = "m1a", .published = "2024-03-05T10:00:00Z", .title = "Parliament passes Harbor Bridge budget",
     .text = "The parliament of Estland passed the Harbor Bridge budget on Tuesday after a long debate. "
             "Finance minister Aino Kask said construction would begin in June."},
    {.id = "m1b", .published = "2024-03-05T12:00:00Z", .title = "Estland lawmakers approve Harbor Bridge funding",
     .text = "Lawmakers in Estland approved funding for the Harbor Bridge on Tuesday. Finance minister Aino Kask "
             "told reporters that construction of the bridge starts in June."},
};
#define N_EVENTS (sizeof events / sizeof *events)

static void test_events(cr_ctx *ctx) {
    cr_corpus *c = corpus_of(ctx, events, NULL, N_EVENTS);
    CHECK(c && cr_corpus_count(c) == N_EVENTS);
    CHECK(cr_corpus_cluster(c, NULL) == CR_OK);
    CHECK(story_of(c, "q1a") == story_of(c, "q1b"));
    CHECK(story_of(c, "q1a") == story_of(c, "q1c"));
    CHECK(story_of(c, "q2a") == story_of(c, "q2b"));
    CHECK(story_of(c, "m1a") == story_of(c, "m1b"));
    CHECK(story_of(c, "q1a") != story_of(c, "q2a"));   /* two earthquakes */
    CHECK(story_of(c, "q1a") != story_of(c, "m1a"));
    CHECK(cr_corpus_story_count(c) == 3);
    /* ids by first article, labels from titles, why with shared features */
    CHECK_STR(cr_corpus_story_id(c, 0), "s1");
    size_t s = story_of(c, "q1a");
    CHECK(cr_corpus_story_label(c, s) != NULL);
    CHECK(cr_corpus_story_why_count(c, s) > 0);
    bool kermadec = false;
    for (size_t k = 0; k < cr_corpus_story_why_count(c, s); k++)
        if (strstr(cr_corpus_story_why(c, s, k), "ermadec")) kermadec = true;
    CHECK(kermadec);
    char *p1 = partition(c);

    /* every permutation we try gives the same grouping */
    size_t order[N_EVENTS];
    unsigned seed = 12345;
    for (int round = 0; round < 6; round++) {
        for (size_t i = 0; i < N_EVENTS; i++) order[i] = i;
        for (size_t i = N_EVENTS - 1; i > 0; i--) {
            seed = seed * 1103515245u + 12345u;
            size_t j = (seed >> 16) % (i + 1);
            size_t t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        cr_corpus *c2 = corpus_of(ctx, events, order, N_EVENTS);
        CHECK(cr_corpus_cluster(c2, NULL) == CR_OK);
        char *p2 = partition(c2);
        CHECK_STR(p2, p1);
        /* ids too: s1 is the earliest article's story whatever the order */
        CHECK(story_of(c2, "q1a") == 0);
        free(p2);
        cr_corpus_free(c2);
    }
    free(p1);
    cr_corpus_free(c);
}

/* A corpus that arrives lower-cased and tokenized (spaces around
 * punctuation), as research corpora do: the same grouping. */
static void test_lowercase(cr_ctx *ctx) {
    cr_article low[N_EVENTS];
    char *texts[N_EVENTS], *titles[N_EVENTS];
    for (size_t i = 0; i < N_EVENTS; i++) {
        low[i] = events[i];
        const char *src[2] = {events[i].text, events[i].title};
        char **dst[2] = {&texts[i], &titles[i]};
        for (int f = 0; f < 2; f++) {
            *dst[f] = NULL;
            if (!src[f]) continue;
            cri_buf b = {0};
            for (const char *p = src[f]; *p; p++) {
                if (*p == '.' || *p == ',' || *p == ';' || *p == '\'') {
                    cri_buf_putc(&b, ' ');
                    cri_buf_putc(&b, *p);
                    cri_buf_putc(&b, ' ');
                } else
                    cri_buf_putc(&b, cri_tolower(*p));
            }
            *dst[f] = cri_buf_detach(&b);
        }
        low[i].text = texts[i];
        low[i].title = titles[i];
    }
    cr_corpus *a = corpus_of(ctx, events, NULL, N_EVENTS), *b = corpus_of(ctx, low, NULL, N_EVENTS);
    CHECK(cr_corpus_cluster(a, NULL) == CR_OK && cr_corpus_cluster(b, NULL) == CR_OK);
    char *pa = partition(a), *pb = partition(b);
    CHECK_STR(pb, pa);
    free(pa);
    free(pb);
    cr_corpus_free(a);
    cr_corpus_free(b);
    for (size_t i = 0; i < N_EVENTS; i++) {
        free(texts[i]);
        free(titles[i]);
    }
}

/* The same text weeks apart is two stories (a yearly event, a repeat). */
static void test_time(cr_ctx *ctx) {
    cr_article a[2] = {events[0], events[1]};
    a[1].published = "2024-05-20T09:30:00Z";
    cr_corpus *c = corpus_of(ctx, a, NULL, 2);
    CHECK(cr_corpus_cluster(c, NULL) == CR_OK);
    CHECK(cr_corpus_story_count(c) == 2);
    cr_corpus_free(c);
    /* without dates they join */
    a[0].published = a[1].published = NULL;
    c = corpus_of(ctx, a, NULL, 2);
    CHECK(cr_corpus_cluster(c, NULL) == CR_OK);
    CHECK(cr_corpus_story_count(c) == 1);
    cr_corpus_free(c);
}

static void test_seeds(cr_ctx *ctx) {
    cr_corpus *c;
    CHECK(cr_corpus_new(ctx, &c) == CR_OK);
    if (cr_corpus_add_path(c, "examples/dprk-russia-2024-07") != CR_OK) {
        printf("skip: examples/dprk-russia-2024-07 not found (run from the repo root)\n");
        cr_corpus_free(c);
        return;
    }
    CHECK(cr_corpus_clean(c) == CR_OK);
    CHECK(cr_corpus_count(c) == 5);
    CHECK(cr_corpus_cluster(c, NULL) == CR_OK);
    CHECK(cr_corpus_story_count(c) == 1);
    CHECK(cr_corpus_story_size(c, 0) == 5);
    cr_corpus_free(c);
}

/* Bad input: no crash, nothing quadratic, a sensible answer. */
static void test_bad_input(cr_ctx *ctx) {
    cr_corpus *c;
    CHECK(cr_corpus_new(ctx, &c) == CR_OK);
    cr_article empty = {.id = "empty", .text = ""};
    cr_article blank = {.id = "blank", .text = "  \n\n \t "};
    cr_article one = {.id = "one", .text = "Earthquake"};
    cr_article num = {.id = "num", .text = "12 345 6789 2024 3.14"};
    cr_article fr = {.id = "fr", .text = "Un séisme de magnitude 6,1 a frappé les îles Kermadec vendredi, "
                                         "sans alerte au tsunami pour la Nouvelle-Zélande."};
    cr_article ru = {.id = "ru", .text = "Землетрясение магнитудой 6,1 произошло у островов Кермадек в пятницу."};
    cr_article ja = {.id = "ja", .text = "金曜日、ケルマデック諸島付近でマグニチュード6.1の地震が発生した。"};
    cr_corpus_add_article(c, &empty);
    cr_corpus_add_article(c, &blank);
    cr_corpus_add_article(c, &one);
    cr_corpus_add_article(c, &num);
    cr_corpus_add_article(c, &fr);
    cr_corpus_add_article(c, &ru);
    cr_corpus_add_article(c, &ja);
    for (size_t i = 0; i < N_EVENTS; i++) {
        cr_article a = events[i];
        a.published = NULL;   /* articles with no date */
        cr_corpus_add_article(c, &a);
    }
    cr_corpus_clean(c);
    CHECK(cr_corpus_error_count(c) >= 1);   /* the empty ones, with a reason */
    CHECK(cr_corpus_cluster(c, NULL) == CR_OK);
    size_t total = 0;
    for (size_t s = 0; s < cr_corpus_story_count(c); s++) total += cr_corpus_story_size(c, s);
    CHECK(total == cr_corpus_count(c));     /* every document in exactly one story */
    CHECK(story_of(c, "one") != story_of(c, "q1a"));
    CHECK(story_of(c, "q1a") == story_of(c, "q1b"));
    cr_corpus_free(c);

    /* 10,000 identical articles: one story, in bounded time */
    const size_t N = getenv("CR_SANITIZED") ? 2000 : 10000;
    CHECK(cr_corpus_new(ctx, &c) == CR_OK);
    char id[32];
    for (size_t i = 0; i < N; i++) {
        snprintf(id, sizeof id, "same%05zu", i);
        cr_article a = events[0];
        a.id = id;
        cr_corpus_add_article(c, &a);
    }
    cr_corpus_clean(c);
    double t0 = now_s();
    CHECK(cr_corpus_cluster(c, NULL) == CR_OK);
    double dt = now_s() - t0;
    CHECK(cr_corpus_story_count(c) == 1);
    CHECK(dt < (getenv("CR_SANITIZED") ? 30.0 : 5.0));
    printf("%zu identical articles clustered in %.2f s\n", N, dt);
    cr_corpus_free(c);

    /* a 16 MB article (just under the default limit) among normal ones */
    size_t big = CR_DEFAULT_MAX_BYTES - 1024;
    char *txt = malloc(big + 1);
    const char *sent = "The delegation arrived in Vladivostok on Tuesday for talks on fisheries. ";
    size_t sl = strlen(sent), k = 0;
    while (k + sl < big) {
        memcpy(txt + k, sent, sl);
        k += sl;
        if (k % 4000 < sl) txt[k++] = '\n';
    }
    txt[k] = 0;
    CHECK(cr_corpus_new(ctx, &c) == CR_OK);
    cr_article ba = {.id = "big", .text = txt, .text_len = k};
    cr_corpus_add_article(c, &ba);
    for (size_t i = 0; i < 3; i++) cr_corpus_add_article(c, &events[i]);
    cr_corpus_clean(c);
    t0 = now_s();
    CHECK(cr_corpus_cluster(c, NULL) == CR_OK);
    dt = now_s() - t0;
    CHECK(dt < (getenv("CR_SANITIZED") ? 60.0 : 5.0));
    CHECK(story_of(c, "q1a") == story_of(c, "q1b"));
    CHECK(story_of(c, "big") != story_of(c, "q1a"));
    cr_corpus_free(c);
    free(txt);
}

typedef struct sink {
    cri_buf b;
    size_t lines;
} sink;

static int sink_write(void *user, const char *data, size_t len) {
    sink *s = user;
    for (size_t i = 0; i < len; i++) s->lines += data[i] == '\n';
    return cri_buf_append(&s->b, data, len);
}

static void test_stream(cr_ctx *ctx) {
    cr_stream *st;
    CHECK(cr_stream_new(ctx, NULL, &st) == CR_OK);
    sink out = {0};
    for (size_t i = 0; i < N_EVENTS; i++) CHECK(cr_stream_push(st, &events[i], sink_write, &out) == CR_OK);
    CHECK(out.lines == N_EVENTS);
    /* q1a opens s1; q1b, q1c join it; q2a opens another */
    CHECK(strstr(out.b.data, "{\"id\":\"q1a\",\"story\":\"s1\"") != NULL);
    CHECK(strstr(out.b.data, "{\"id\":\"q1b\",\"story\":\"s1\"") != NULL);
    CHECK(strstr(out.b.data, "{\"id\":\"q1c\",\"story\":\"s1\"") != NULL);
    CHECK(strstr(out.b.data, "{\"id\":\"q2a\",\"story\":\"s1\"") == NULL);
    CHECK(strstr(out.b.data, "\"why\":[\"") != NULL);
    /* the same time-ordered input in batch: the same grouping */
    cr_corpus *c = corpus_of(ctx, events, NULL, N_EVENTS);
    CHECK(cr_corpus_cluster(c, NULL) == CR_OK);
    for (size_t i = 0; i < N_EVENTS; i++)
        for (size_t k = i + 1; k < N_EVENTS; k++) {
            char a[64], b[64];
            const char *pa = strstr(out.b.data, (snprintf(a, sizeof a, "{\"id\":\"%s\",", events[i].id), a));
            const char *pb = strstr(out.b.data, (snprintf(b, sizeof b, "{\"id\":\"%s\",", events[k].id), b));
            CHECK(pa && pb);
            if (!pa || !pb) continue;
            const char *sa = strstr(pa, "\"story\":"), *sb = strstr(pb, "\"story\":");
            bool same_stream = strncmp(sa, sb, (size_t)(strchr(sa, ',') - sa)) == 0 &&
                               strchr(sa, ',') - sa == strchr(sb, ',') - sb;
            bool same_batch = story_of(c, events[i].id) == story_of(c, events[k].id);
            CHECK(same_stream == same_batch);
        }
    cr_corpus_free(c);

    /* malformed lines: an error line each, the stream goes on */
    cri_buf_clear(&out.b);
    out.lines = 0;
    const char *lines = "{\"id\": \"x1\", \"text\": \"Lawmakers in Estland approved funding for the Harbor "
                        "Bridge on Tuesday.\\n\\nFinance minister Aino Kask said construction starts in June.\"}\n"
                        "not json\n"
                        "{\"id\": \"x2\"}\n"
                        "{\"id\": \"x3\", \"text\": \"\"}\n";
    CHECK(cr_stream_push_line(st, lines, strlen(lines), sink_write, &out) == CR_ERR_INPUT);
    CHECK(out.lines == 4);
    CHECK(strstr(out.b.data, "{\"id\":null,\"error\":") != NULL);
    CHECK(strstr(out.b.data, "{\"id\":\"x1\",\"story\":") != NULL);
    cr_stream_free(st);
    cri_buf_free(&out.b);

    /* thousands of identical articles on the stream: one story, bounded time */
    CHECK(cr_stream_new(ctx, NULL, &st) == CR_OK);
    size_t same = getenv("CR_SANITIZED") ? 500 : 3000, in_s1 = 0;
    double t0 = now_s();
    for (size_t i = 0; i < same; i++) {
        char sid[32];
        snprintf(sid, sizeof sid, "same%zu", i);
        cr_article a = events[0];
        a.id = sid;
        out.lines = 0;
        cri_buf_clear(&out.b);
        CHECK(cr_stream_push(st, &a, sink_write, &out) == CR_OK);
        in_s1 += out.b.data && strstr(out.b.data, "\"story\":\"s1\"") != NULL;
    }
    CHECK(in_s1 == same);
    CHECK(now_s() - t0 < (getenv("CR_SANITIZED") ? 60.0 : 10.0));
    cr_stream_free(st);

    /* memory follows the window: a year of distinct stories, 3 a day */
    cr_cluster_options o;
    cr_cluster_options_init(&o);
    o.window_hours = 48;
    CHECK(cr_stream_new(ctx, &o, &st) == CR_OK);
    char id[32], text[400], pub[40];
    size_t max_open = 0;
    for (int day = 0; day < 300; day++) {
        for (int k = 0; k < 3; k++) {
            snprintf(id, sizeof id, "d%d-%d", day, k);
            snprintf(pub, sizeof pub, "2023-%02d-%02dT%02d:00:00Z", 1 + (day / 28) % 12, 1 + day % 28, 8 + k);
            snprintf(text, sizeof text, "Story%dx%d happened in Town%d today. Officials of Town%d said the "
                     "Story%dx%d event drew %d people.", day, k, day * 3 + k, day * 3 + k, day, k, day * 7 + k);
            cr_article a = {.id = id, .text = text, .published = pub};
            out.lines = 0;
            cri_buf_clear(&out.b);
            CHECK(cr_stream_push(st, &a, sink_write, &out) == CR_OK);
        }
        size_t open = cri_stream_open_stories(st);
        if (open > max_open) max_open = open;
    }
    CHECK(max_open < 100);  /* not all 900 stories stay open */
    cr_stream_free(st);
    cri_buf_free(&out.b);
}

int main(void) {
    cr_ctx *ctx;
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 1;
    test_events(ctx);
    test_time(ctx);
    test_lowercase(ctx);
    test_seeds(ctx);
    test_bad_input(ctx);
    test_stream(ctx);
    cr_ctx_free(ctx);
    return CHECK_REPORT();
}
