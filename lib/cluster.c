/*
 * cluster.c — stories: batch and streaming.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

void cr_cluster_options_init(cr_cluster_options *o) { o->threshold = 0; o->window_hours = 72; }
cr_status cr_corpus_cluster(cr_corpus *c, const cr_cluster_options *o) {
    (void)o;
    return cri_fail(c->ctx, CR_ERR_INTERNAL, "cluster is not implemented yet");
}
cr_status cr_stream_new(cr_ctx *ctx, const cr_cluster_options *o, cr_stream **out) {
    (void)o; *out = NULL;
    return cri_fail(ctx, CR_ERR_INTERNAL, "streaming is not implemented yet");
}
void cr_stream_free(cr_stream *s) { (void)s; }
cr_status cr_stream_push(cr_stream *s, const cr_article *a, cr_write_fn w, void *u) {
    (void)s; (void)a; (void)w; (void)u; return CR_ERR_INTERNAL;
}
cr_status cr_stream_push_line(cr_stream *s, const char *l, size_t n, cr_write_fn w, void *u) {
    (void)s; (void)l; (void)n; (void)w; (void)u; return CR_ERR_INTERNAL;
}
