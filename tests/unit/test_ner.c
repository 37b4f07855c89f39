/*
 * test_ner.c — the named-entity tagger: tokenizer, embedded model, mentions
 * with types and offsets in body and captions, and pathological input
 * (100,000 capitalized words, a document of only numbers) in linear time.
 */
#include "check.h"
#include "internal.h"

#include <stdlib.h>
#include <time.h>

static cr_ctx *ctx;

/* Time budgets are for optimized builds; sanitizers are ~10x slower. */
#if defined(__SANITIZE_ADDRESS__)
#define SLOW 10.0
#else
#define SLOW 1.0
#endif

static cr_doc *doc_new(void) { return calloc(1, sizeof(cr_doc)); }
static void doc_free(cr_doc *d) { free(d->mentions); free(d); }

/* Type of the mention covering exactly text "name" in s, or -1. */
static int type_of(const cr_doc *d, const char *s, const char *name, int32_t caption) {
    const char *p = strstr(s, name);
    if (!p) return -2;
    uint32_t st = (uint32_t)(p - s), en = st + (uint32_t)strlen(name);
    for (size_t i = 0; i < d->n_mentions; i++)
        if (d->mentions[i].caption == caption && d->mentions[i].start == st && d->mentions[i].end == en)
            return d->mentions[i].type;
    return -1;
}

static void dump(const cr_doc *d, const char *s) {
    for (size_t i = 0; i < d->n_mentions; i++)
        fprintf(stderr, "  [%s] %.*s\n", cri_ent_type_name[d->mentions[i].type],
                (int)(d->mentions[i].end - d->mentions[i].start), s + d->mentions[i].start);
}

static cr_doc *tag(const char *s) {
    cr_doc *d = doc_new();
    CHECK(cri_ner_tag_text(ctx, d, s, strlen(s), -1) == CR_OK);
    for (size_t i = 0; i < d->n_mentions; i++) {
        CHECK(d->mentions[i].start < d->mentions[i].end);
        CHECK(d->mentions[i].end <= strlen(s));
        CHECK(d->mentions[i].entity == -1);
        CHECK(d->mentions[i].type <= CRI_ENT_OTHER);
    }
    return d;
}

static void test_tokenizer(void) {
    const char *s = "U.S. President Joe Biden's aides met Gen. O'Brien in St. Petersburg—on 3.5% of 1,000 days.";
    cri_ner_tok t[64];
    size_t used;
    size_t n = cri_ner_tokenize(s, strlen(s), t, 64, &used);
    const char *want[] = {"U.S.", "President", "Joe", "Biden", "'s", "aides", "met", "Gen.", "O'Brien",
                          "in", "St.", "Petersburg", "—", "on", "3.5", "%", "of", "1,000", "days", "."};
    size_t nw = sizeof want / sizeof *want;
    CHECK(n == nw);
    for (size_t i = 0; i < n && i < nw; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.*s", (int)(t[i].end - t[i].start), s + t[i].start);
        CHECK_STR(buf, want[i]);
    }
    CHECK(used == strlen(s));
    /* a window stops at max tokens and says where */
    n = cri_ner_tokenize(s, strlen(s), t, 3, &used);
    CHECK(n == 3 && used == t[2].end);
}

static void test_model(void) {
    cri_ner_model m;
    CHECK(cri_ner_model_get(&m));
    CHECK(m.bits >= 12 && m.bits <= 20);
    /* the case lexicon knows common words and names */
    CHECK(cri_ner_case_state(&m, "THE", 3) == 1);
    CHECK(cri_ner_case_state(&m, "LONDON", 6) == 2);
    /* a model that is not one is refused */
    char junk[64] = "CRNER01";
    CHECK(!cri_ner_model_parse(junk, sizeof junk, &m));
    CHECK(!cri_ner_model_parse(NULL, 0, &m));
}

static void test_news_sentences(void) {
    const char *s = "German Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on "
                    "Monday, a spokesman for the European Commission said.";
    cr_doc *d = tag(s);
    int t1 = type_of(d, s, "Olaf Scholz", -1), t2 = type_of(d, s, "Emmanuel Macron", -1),
        t3 = type_of(d, s, "Berlin", -1), t4 = type_of(d, s, "European Commission", -1);
    CHECK(t1 == CRI_ENT_PERSON);
    CHECK(t2 == CRI_ENT_PERSON);
    CHECK(t3 == CRI_ENT_PLACE);
    CHECK(t4 == CRI_ENT_ORG);
    /* sentence-initial common words and the weekday are not names */
    CHECK(type_of(d, s, "Monday", -1) == -1);
    if (check_failed) dump(d, s);
    doc_free(d);

    s = "The United Nations warned that aid to Sudan had fallen, said Antonio Guterres.";
    d = tag(s);
    CHECK(type_of(d, s, "United Nations", -1) == CRI_ENT_ORG);
    CHECK(type_of(d, s, "Sudan", -1) == CRI_ENT_PLACE);
    CHECK(type_of(d, s, "Antonio Guterres", -1) == CRI_ENT_PERSON);
    CHECK(type_of(d, s, "The", -1) == -1);
    doc_free(d);
}

static void test_headline_and_dateline(void) {
    /* all caps: the capital letters say nothing, words and context must */
    const char *s = "TOKYO (Reuters) - Japanese Prime Minister Fumio Kishida said on Tuesday.";
    cr_doc *d = tag(s);
    CHECK(type_of(d, s, "TOKYO", -1) == CRI_ENT_PLACE);
    CHECK(type_of(d, s, "Reuters", -1) == CRI_ENT_ORG);
    CHECK(type_of(d, s, "Fumio Kishida", -1) == CRI_ENT_PERSON);
    doc_free(d);
    /* a wire headline in capitals is tagged in its words' usual case */
    s = "RUSSIAN PRESIDENT VLADIMIR PUTIN ARRIVES IN PYONGYANG FOR TALKS";
    d = tag(s);
    CHECK(type_of(d, s, "VLADIMIR PUTIN", -1) == CRI_ENT_PERSON);
    CHECK(type_of(d, s, "PYONGYANG", -1) == CRI_ENT_PLACE);
    CHECK(type_of(d, s, "ARRIVES", -1) == -1);
    if (check_failed) dump(d, s);
    doc_free(d);
    s = "Floods Hit Southern China As Rains Continue";
    d = tag(s);
    CHECK(type_of(d, s, "Floods", -1) == -1);
    CHECK(type_of(d, s, "Rains", -1) == -1);
    doc_free(d);
}

static void test_doc_body_and_captions(void) {
    cr_doc *d = doc_new();
    const char *body = "Angela Merkel visited Paris.\n\nShe met officials of the World Bank there.";
    d->body = (char *)body;
    d->body_len = (uint32_t)strlen(body);
    /* no sentences: lines stand for them */
    char *cap = "Angela Merkel in Paris, France, on Friday.";
    d->captions = &cap;
    d->n_captions = 1;
    CHECK(cri_ner_tag(ctx, d) == CR_OK);
    CHECK(type_of(d, body, "Angela Merkel", -1) == CRI_ENT_PERSON);
    CHECK(type_of(d, body, "Paris", -1) == CRI_ENT_PLACE);
    CHECK(type_of(d, body, "World Bank", -1) == CRI_ENT_ORG);
    CHECK(type_of(d, cap, "Angela Merkel", 0) == CRI_ENT_PERSON);
    CHECK(type_of(d, cap, "France", 0) == CRI_ENT_PLACE);
    /* tagging twice gives the same mentions, not twice as many */
    size_t n = d->n_mentions;
    CHECK(cri_ner_tag(ctx, d) == CR_OK);
    CHECK(d->n_mentions == n);
    d->body = NULL; d->captions = NULL;
    doc_free(d);
}

/* The rules after decoding that news writing makes safe: a multi-word
 * name's head noun gives its type, a lower-case word or a comma is never
 * part of a name, a capitalized word the decoder dropped mid-sentence. */
static void test_span_rules(void) {
    const char *s = "Firefighters tackled the blaze on Independence Street in Banstead, "
                    "scientists at the National Marine Fisheries Service said.";
    cr_doc *d = tag(s);
    CHECK(type_of(d, s, "Independence Street", -1) == CRI_ENT_PLACE);
    CHECK(type_of(d, s, "National Marine Fisheries Service", -1) == CRI_ENT_ORG);
    CHECK(type_of(d, s, "Banstead", -1) == CRI_ENT_PLACE);
    for (size_t i = 0; i < d->n_mentions; i++) {
        /* no mention holds a comma or a lower-case word */
        const char *p = s + d->mentions[i].start;
        size_t n = d->mentions[i].end - d->mentions[i].start;
        CHECK(!memchr(p, ',', n));
        CHECK(!strstr(p, " said") || (size_t)(strstr(p, " said") - p) >= n);
    }
    if (check_failed) dump(d, s);
    doc_free(d);
    s = "President Barack Obama overturned a ruling on the Endangered Species Act on Tuesday.";
    d = tag(s);
    CHECK(type_of(d, s, "Barack Obama", -1) == CRI_ENT_PERSON);
    CHECK(type_of(d, s, "Endangered Species Act", -1) == CRI_ENT_OTHER);
    CHECK(type_of(d, s, "Tuesday", -1) == -1);
    if (check_failed) dump(d, s);
    doc_free(d);
    /* demonyms without a telling suffix are MISC (other), not places */
    s = "Officials said French President Emmanuel Macron met Dutch officials and Western allies.";
    d = tag(s);
    CHECK(type_of(d, s, "French", -1) == CRI_ENT_OTHER);
    CHECK(type_of(d, s, "Dutch", -1) == CRI_ENT_OTHER);
    CHECK(type_of(d, s, "Western", -1) == CRI_ENT_OTHER);
    CHECK(type_of(d, s, "Emmanuel Macron", -1) == CRI_ENT_PERSON);
    if (check_failed) dump(d, s);
    doc_free(d);
    /* a compass word belongs to the demonym after it, never a name alone */
    s = "A North Korean military delegation met officials in Moscow on Monday.";
    d = tag(s);
    CHECK(type_of(d, s, "North Korean", -1) == CRI_ENT_OTHER);
    CHECK(type_of(d, s, "North", -1) == -1);
    if (check_failed) dump(d, s);
    doc_free(d);
}

static void test_pathological(void) {
    /* 100,000 capitalized words in one "sentence" */
    size_t nw = 100000;
    char *s = malloc(nw * 8 + 1);
    size_t k = 0;
    for (size_t i = 0; i < nw; i++) {
        static const char *const w[] = {"Alpha", "Bravo", "Kim", "North", "Jong", "Un"};
        const char *x = w[i % 6];
        size_t n = strlen(x);
        memcpy(s + k, x, n); k += n; s[k++] = ' ';
    }
    s[k] = 0;
    cr_doc *d = doc_new();
    d->body = s; d->body_len = (uint32_t)k;
    cri_sentence one = {0, (uint32_t)k, 0, 0, 0};
    d->sents = &one; d->n_sents = 1;
    clock_t t0 = clock();
    CHECK(cri_ner_tag(ctx, d) == CR_OK);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(secs < 2.0 * SLOW);
    for (size_t i = 0; i < d->n_mentions; i++) CHECK(d->mentions[i].end <= k);
    CHECK(d->n_mentions <= nw);
    d->sents = NULL;
    free(s);
    d->body = NULL;
    doc_free(d);

    /* a document of only numbers */
    cri_buf b = {0};
    for (int i = 0; i < 20000; i++) cri_buf_printf(&b, "%d %d.%d, ", i * 7919, i, i % 10);
    d = doc_new();
    d->body = b.data; d->body_len = (uint32_t)b.len;
    CHECK(cri_ner_tag(ctx, d) == CR_OK);
    CHECK(d->n_mentions == 0);
    d->body = NULL;
    doc_free(d);
    cri_buf_free(&b);

    /* empty and punctuation-only text */
    d = tag("");
    CHECK(d->n_mentions == 0);
    doc_free(d);
    d = tag("... --- !!! \xe2\x80\x94 \xc2\xa0 ???");
    CHECK(d->n_mentions == 0);
    doc_free(d);
}

/* Random bytes, broken UTF-8, stray apostrophes and hyphens: no crash,
 * offsets inside the text, mentions in order and not overlapping. */
static void test_random(void) {
    static const char *const pieces[] = {"Kim", " ", "-", "'", "\xe2\x80\x99", "\xca\xbc", "s",
                                         "U.S.", ".", ",", "\xc3", "\x80", "\xe2\x80", "PUTIN",
                                         "of", "(", ")", "St.", "1,000", "\n", "Gen.", "Jong-un"};
    uint64_t r = 12345;
    cri_buf b = {0};
    for (int iter = 0; iter < 300; iter++) {
        cri_buf_clear(&b);
        int len = (int)(r % 60);
        for (int k = 0; k < len; k++) {
            r = r * 6364136223846793005ULL + 1442695040888963407ULL;
            if ((r >> 60) < 3) cri_buf_putc(&b, (char)(r >> 40));
            else cri_buf_puts(&b, pieces[(r >> 33) % (sizeof pieces / sizeof *pieces)]);
        }
        r = r * 6364136223846793005ULL + 1;
        if (!b.data) cri_buf_puts(&b, "");
        cr_doc *d = doc_new();
        CHECK(cri_ner_tag_text(ctx, d, b.data, b.len, -1) == CR_OK);
        for (size_t i = 0; i < d->n_mentions; i++) {
            CHECK(d->mentions[i].start < d->mentions[i].end && d->mentions[i].end <= b.len);
            if (i) CHECK(d->mentions[i].start >= d->mentions[i - 1].end);
        }
        doc_free(d);
    }
    cri_buf_free(&b);
}

static void test_speed(void) {
    const char *para = "Russian President Vladimir Putin visited Pyongyang in June to hold talks with "
                       "North Korean leader Kim Jong Un, where they signed a partnership agreement. "
                       "The agreement states that the other party shall provide military assistance "
                       "without delay, the Korean Central News Agency said on Tuesday.\n";
    cri_buf b = {0};
    while (b.len < 2000000) cri_buf_puts(&b, para);
    cr_doc *d = doc_new();
    d->body = b.data; d->body_len = (uint32_t)b.len;
    clock_t t0 = clock();
    CHECK(cri_ner_tag(ctx, d) == CR_OK);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    double mbs = (double)b.len / 1e6 / (secs > 0 ? secs : 1e-9);
    printf("ner: %.1f MB/s on %zu bytes, %zu mentions\n", mbs, b.len, d->n_mentions);
    CHECK(mbs > 3.0 / SLOW);   /* the bench measures the real figure; this catches a collapse */
    d->body = NULL;
    doc_free(d);
    cri_buf_free(&b);
}

int main(void) {
    cr_options opt;
    cr_options_init(&opt);
    if (cr_ctx_new(&opt, &ctx) != CR_OK) return 1;
    test_tokenizer();
    test_model();
    test_news_sentences();
    test_headline_and_dateline();
    test_doc_body_and_captions();
    test_span_rules();
    test_pathological();
    test_random();
    test_speed();
    cr_ctx_free(ctx);
    return CHECK_REPORT();
}
