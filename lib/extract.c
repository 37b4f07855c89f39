/*
 * extract.c — mentions, dates and quantities per document; entities per story.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

cr_status cr_corpus_extract(cr_corpus *c) {
    return cri_fail(c->ctx, CR_ERR_INTERNAL, "extract is not implemented yet");
}
void cri_doc_extract_json(cri_json *j, const cr_doc *d) { (void)j; (void)d; }
void cri_entities_json(cri_json *j, const cr_corpus *c, const cri_story *s) { (void)j; (void)c; (void)s; }
void cri_entity_set_free(struct cri_entity_set *e) { (void)e; }
