/*
 * extract.c — cr_corpus_extract: mentions, dates and quantities for each
 * document, then entities resolved across the documents of each story.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

cr_status cr_corpus_extract(cr_corpus *c) {
    return cri_fail(c->ctx, CR_ERR_INTERNAL, "extract is not implemented yet");
}
void cri_doc_extract_json(cri_json *j, const cr_doc *d) { (void)j; (void)d; }
