/*
 * segment.c — sentence boundaries in the body.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

cr_status cri_segment(cr_ctx *ctx, cr_doc *d) {
    uint32_t s = 0, para = 0;
    for (uint32_t i = 0; i <= d->body_len; i++) {
        bool brk = i == d->body_len || d->body[i] == '\n' ||
                   ((d->body[i] == '.' || d->body[i] == '?' || d->body[i] == '!') &&
                    i + 1 < d->body_len && d->body[i + 1] == ' ');
        if (!brk) continue;
        uint32_t e = i < d->body_len && d->body[i] != '\n' ? i + 1 : i;
        while (s < e && cri_isspace((unsigned char)d->body[s])) s++;
        if (e > s) {
            cri_sentence *x = CRI_PUSH(d->sents, d->n_sents, d->cap_sents);
            if (!x) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
            x->start = s; x->end = e; x->para = para;
        }
        if (i < d->body_len && d->body[i] == '\n' && i + 1 < d->body_len && d->body[i + 1] == '\n') para++;
        s = e;
    }
    return CR_OK;
}
