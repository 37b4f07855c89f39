/*
 * extract_fixture.h — one raw article through clean and the date and
 * quantity extractors, for test_timex.c and test_quantity.c.
 */
#ifndef CR_TEST_EXTRACT_FIXTURE_H
#define CR_TEST_EXTRACT_FIXTURE_H

#include "internal.h"

/* The corpus holding the article as its one document, NULL on any failure;
 * the caller frees it. */
static cr_corpus *extract_one(cr_ctx *ctx, const char *text, const char *published) {
    cr_corpus *c = NULL;
    if (cr_corpus_new(ctx, &c) != CR_OK) return NULL;
    cr_article a = {0};
    a.id = "x";
    a.text = text;
    a.published = published;
    /* the two extractors under test, in cr_corpus_extract's order (dates
     * first: quantities skip numbers inside them); names are ner.c's */
    if (cr_corpus_add_article(c, &a) != CR_OK || cr_corpus_clean(c) != CR_OK || c->n_docs != 1 ||
        cri_timex_find(ctx, c->docs[0]) != CR_OK || cri_quantity_find(ctx, c->docs[0]) != CR_OK) {
        cr_corpus_free(c);
        return NULL;
    }
    return c;
}

#endif
