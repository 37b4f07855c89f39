/*
 * tokenize.c — tokens with byte offsets, folded keys, stems, stop flags.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

cr_status cri_tokenize(cr_ctx *ctx, cr_doc *d) {
    for (size_t si = 0; si < d->n_sents; si++) {
        cri_sentence *s = &d->sents[si];
        s->tok_first = (uint32_t)d->n_toks;
        uint32_t i = s->start;
        while (i < s->end) {
            unsigned char c = (unsigned char)d->body[i];
            if (!cri_isalnum(c) && c < 0x80) { i++; continue; }
            uint32_t b = i;
            while (i < s->end && (cri_isalnum((unsigned char)d->body[i]) || (unsigned char)d->body[i] >= 0x80)) i++;
            cri_token *t = CRI_PUSH(d->toks, d->n_toks, d->cap_toks);
            if (!t) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
            t->start = b; t->end = i; t->sent = (uint32_t)si;
            t->key = (uint32_t)d->pool.len;
            size_t before = d->pool.len;
            if (cri_fold(d->body + b, i - b, &d->pool) || cri_buf_putc(&d->pool, 0))
                return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
            t->key_len = (uint16_t)(d->pool.len - before - 1);
            t->stem = t->key; t->stem_len = t->key_len;
            t->flags = CRI_TOK_WORD;
        }
        s->tok_end = (uint32_t)d->n_toks;
    }
    return CR_OK;
}

