/*
 * boilerplate.c — separate the article body from what a scraper picks up.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

#include <stdlib.h>

struct cri_line_stats { int unused; };

cri_line_stats *cri_line_stats_new(uint64_t seed) { (void)seed; return calloc(1, sizeof(cri_line_stats)); }
void cri_line_stats_free(cri_line_stats *s) { free(s); }
int cri_line_stats_add(cri_line_stats *s, const char *k, const char *t, size_t n) {
    (void)s; (void)k; (void)t; (void)n;
    return 0;
}
const char *cri_outlet_key(const cri_input *in, const char *text, size_t len, cri_buf *scratch) {
    (void)text; (void)len; (void)scratch;
    return in->outlet;
}

static cr_status body_from_lines(cr_ctx *ctx, cr_doc *d, const char *text, size_t len) {
    cri_buf b = {0};
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *s = p, *e = le;
        while (s < e && cri_isspace((unsigned char)*s)) s++;
        while (e > s && cri_isspace((unsigned char)e[-1])) e--;
        if (e > s) {
            if (b.len && cri_buf_append(&b, "\n\n", 2)) goto nomem;
            if (cri_buf_append(&b, s, (size_t)(e - s))) goto nomem;
        }
        p = nl ? nl + 1 : end;
    }
    d->body = cri_arena_strndup(&d->arena, b.data ? b.data : "", b.len);
    d->body_len = (uint32_t)b.len;
    cri_buf_free(&b);
    return d->body ? CR_OK : cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
nomem:
    cri_buf_free(&b);
    return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
}

cr_status cri_extract_body(cr_ctx *ctx, cr_doc *d, const char *text, size_t len,
                           const cri_input *in, const cri_line_stats *stats) {
    (void)stats;
    return cri_extract_raw(ctx, d, text, len, in);
}

cr_status cri_extract_raw(cr_ctx *ctx, cr_doc *d, const char *text, size_t len,
                          const cri_input *in) {
    d->title = cri_arena_strdup(&d->arena, in->title);
    d->outlet = cri_arena_strdup(&d->arena, in->outlet);
    d->published = cri_arena_strdup(&d->arena, in->published);
    d->language = cri_arena_strdup(&d->arena, in->lang);
    return body_from_lines(ctx, d, text, len);
}
