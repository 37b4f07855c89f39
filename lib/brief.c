/*
 * brief.c — the brief of a story.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

void cr_brief_options_init(cr_brief_options *o) { o->summary_sentences = 0; o->summary_words = 0; }
cr_status cr_corpus_brief(cr_corpus *c, const cr_brief_options *o) {
    (void)o;
    return cri_fail(c->ctx, CR_ERR_INTERNAL, "brief is not implemented yet");
}
cr_status cr_corpus_write_briefs(cr_corpus *c, unsigned f, unsigned w, cr_write_fn wr, void *u) {
    (void)f; (void)w; (void)wr; (void)u;
    return cri_fail(c->ctx, CR_ERR_INTERNAL, "brief is not implemented yet");
}
void cri_brief_json(cri_json *j, const cr_corpus *c, const cri_story *s) { (void)j; (void)c; (void)s; }
void cri_brief_free(struct cri_brief *b) { (void)b; }
