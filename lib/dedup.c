/*
 * dedup.c — copies: near-duplicates, containment, rewrites.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

void cr_dedup_options_init(cr_dedup_options *o) { o->threshold = 0.5; o->shingle = 5; }
cr_status cr_corpus_dedup(cr_corpus *c, const cr_dedup_options *o) {
    (void)o;
    return cri_fail(c->ctx, CR_ERR_INTERNAL, "dedup is not implemented yet");
}
void cri_copies_json(cri_json *j, const cr_corpus *c) {
    (void)c;
    cri_json_key(j, "copies"); cri_json_arr_begin(j); cri_json_arr_end(j);
    cri_json_key(j, "copy_groups"); cri_json_arr_begin(j); cri_json_arr_end(j);
}
