/*
 * fuzz_extract.c — the extraction stage (names, dates, quantities) on
 * arbitrary text with and without a publication date.  Checks: no crash,
 * every span inside the body, TIMEX values made only of the characters of
 * ISO dates and TIMEX3 patterns, quantities finite.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>

static int sink(void *u, const char *d, size_t n) { (void)u; (void)d; (void)n; return 0; }

/* A digest of a document's dates and quantities, to compare the shared
 * lexing pass (cri_dates_quantities_find, inside cr_corpus_extract) with
 * the two extractors run one after the other: they must agree exactly. */
static uint64_t mix(uint64_t h, const void *p, size_t n) {
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 0x100000001b3ULL;
    return h;
}
static uint64_t mix_str(uint64_t h, const char *s) { return s ? mix(h, s, strlen(s) + 1) : mix(h, "", 1) ^ 1; }
static uint64_t digest(const cr_doc *d) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t k = 0; k < d->n_dates; k++) {
        const cri_timex *t = &d->dates[k];
        h = mix(h, &t->start, sizeof t->start);
        h = mix(h, &t->end, sizeof t->end);
        h = mix_str(mix_str(mix_str(h, t->value), t->anchor), t->mod);
        h = mix(h, &t->relative, 1);
    }
    for (size_t k = 0; k < d->n_quantities; k++) {
        const cri_quantity *q = &d->quantities[k];
        h = mix(h, &q->start, sizeof q->start);
        h = mix(h, &q->end, sizeof q->end);
        h = mix(h, &q->value, sizeof q->value);
        h = mix_str(mix_str(h, q->unit), q->qualifier);
    }
    return h;
}

static bool timex_value_ok(const char *v) {
    if (!v || !*v || strlen(v) > 40) return false;
    for (const char *p = v; *p; p++) {
        char c = *p;
        if (cri_isdigit((unsigned char)c) || c == '-' || c == ':' || c == '.' || c == '_') continue;
        if (strchr("XTWPQHSUFAIEMYDCONRLVG", c)) continue;   /* TIMEX3 letters, *_REF */
        return false;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const pubs[] = {NULL, "2024-07-09", "2024-01-01T00:30+05:30",
                                       "2023-12-31T23:59-08:00", "2024-02-29", "1999-12-31"};
    cr_options o;
    cr_options_init(&o);
    o.raw = size && (data[0] & 0x80);
    cr_ctx *ctx;
    cr_corpus *c;
    if (cr_ctx_new(&o, &ctx) != CR_OK) return 0;
    if (cr_corpus_new(ctx, &c) != CR_OK) { cr_ctx_free(ctx); return 0; }
    cr_article a = {0};
    a.id = "fuzz";
    a.text = (const char *)data;
    a.text_len = size;
    a.published = pubs[size ? data[0] % 6 : 0];
    bool ok = size && cr_corpus_add_article(c, &a) == CR_OK && cr_corpus_clean(c) == CR_OK;
    if (ok && cr_corpus_extract(c) != CR_OK) {
        /* names failed (e.g. no model): still exercise dates and quantities */
        for (size_t i = 0; i < c->n_docs && ok; i++)
            ok = cri_timex_find(ctx, c->docs[i]) == CR_OK && cri_quantity_find(ctx, c->docs[i]) == CR_OK;
        for (size_t i = 0; i < c->n_docs; i++) c->docs[i]->n_mentions = 0;
    }
    if (ok) {
        for (size_t i = 0; i < c->n_docs; i++) {
            const cr_doc *d = c->docs[i];
            for (size_t k = 0; k < d->n_dates; k++) {
                const cri_timex *t = &d->dates[k];
                if (t->start >= t->end || t->end > d->body_len) abort();
                if (!timex_value_ok(t->value)) abort();
                if (t->relative && !t->anchor) abort();
            }
            for (size_t k = 0; k < d->n_quantities; k++) {
                const cri_quantity *q = &d->quantities[k];
                if (q->start >= q->end || q->end > d->body_len) abort();
                if (!isfinite(q->value)) abort();
                if (!isnan(q->value_max) && !isfinite(q->value_max)) abort();
                if (q->unit && !*q->unit) abort();
            }
            for (size_t k = 0; k < d->n_mentions; k++) {
                const cri_mention *m = &d->mentions[k];
                size_t len = m->caption >= 0 && (size_t)m->caption < d->n_captions
                                 ? strlen(d->captions[m->caption]) : d->body_len;
                if (m->start >= m->end || m->end > len) abort();
            }
        }
        if (c->extracted) cr_corpus_write_json(c, CR_JSON_EXTRACT, sink, NULL);
        for (size_t i = 0; i < c->n_docs; i++) {
            uint64_t shared = digest(c->docs[i]);
            if (cri_timex_find(ctx, c->docs[i]) != CR_OK || cri_quantity_find(ctx, c->docs[i]) != CR_OK) break;
            if (digest(c->docs[i]) != shared) abort();
        }
    }
    cr_corpus_free(c);
    cr_ctx_free(ctx);
    return 0;
}
