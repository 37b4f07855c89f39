/*
 * extract.c — cr_corpus_extract: the extraction stage of the data flow.
 * After cleaning, each document gets its named-entity mentions (ner.c),
 * temporal expressions (timex.c) and quantities (quantity.c, which skips
 * numbers inside the dates found before it); then, per story, entities.c
 * resolves the mentions of the story's documents into entities.  Dates and
 * quantities share one lexing pass: each line is cut into tokens once
 * (numwords.c) and both recognizers read the same tokens.  The JSON
 * writer for the per-document part ("mentions", "dates", "quantities")
 * lives here too; docjson.c calls it.
 */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { FIND_DATES = 1, FIND_QUANTITIES = 2 };

/* Lex each line of the body once; timex.c reads its tokens before
 * quantity.c, which skips numbers inside the dates just found (a line's
 * dates all lie inside the line, so interleaving per line gives what two
 * whole-document passes give). */
static cr_status numbers_find(cr_ctx *ctx, cr_doc *d, int which) {
    if (which & FIND_DATES) d->n_dates = 0;
    if (which & FIND_QUANTITIES) d->n_quantities = 0;
    if (!d->body || !d->body_len) return CR_OK;
    cri_timex_run *tr = NULL;
    cri_quantity_run *qr = NULL;
    cri_lxtok *t = NULL;
    size_t cap = 0;
    cr_status st = CR_OK;
    if (which & FIND_DATES) st = cri_timex_open(ctx, d, &tr);
    if (st == CR_OK && (which & FIND_QUANTITIES)) st = cri_quantity_open(ctx, d, &qr);
    cri_lexer lx;
    cri_lx_init(&lx);
    for (uint32_t a = 0, next; st == CR_OK && a < d->body_len; a = next) {
        uint32_t b = cri_lx_line(d->body, (uint32_t)d->body_len, a, &next);
        if (b <= a) continue;
        /* a token takes at least one byte: the line's length bounds its
         * tokens, so the array grows to the longest line, not to
         * CRI_LX_MAX_TOKS (news lines are short; less memory to touch) */
        if (b - a > cap) {
            size_t want = cap * 2 > b - a ? cap * 2 : b - a;
            if (want < 256) want = 256;
            if (want > CRI_LX_MAX_TOKS) want = CRI_LX_MAX_TOKS;
            cri_lxtok *nt = realloc(t, want * sizeof *t);
            if (!nt) {
                st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
                break;
            }
            t = nt;
            cap = want;
        }
        size_t n = cri_lx_run(&lx, d->body, a, b, t, cap);
        if (n == 0) continue;
        if ((tr && cri_timex_line(tr, t, n) != CR_OK) || (qr && cri_quantity_line(qr, t, n) != CR_OK))
            st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    }
    free(t);
    cri_timex_close(tr);
    cri_quantity_close(qr);
    return st;
}

cr_status cri_timex_find(cr_ctx *ctx, cr_doc *d) { return numbers_find(ctx, d, FIND_DATES); }
cr_status cri_quantity_find(cr_ctx *ctx, cr_doc *d) { return numbers_find(ctx, d, FIND_QUANTITIES); }
cr_status cri_dates_quantities_find(cr_ctx *ctx, cr_doc *d) {
    return numbers_find(ctx, d, FIND_DATES | FIND_QUANTITIES);
}

cr_status cr_corpus_extract(cr_corpus *c) {
    if (!c) return CR_ERR_USAGE;
    cr_ctx *ctx = c->ctx;
    for (size_t i = 0; i < c->n_docs; i++) {
        cr_doc *d = c->docs[i];
        if (d->extracted) continue;
        d->n_mentions = d->n_dates = d->n_quantities = 0;
        cr_status s = cri_ner_tag(ctx, d);
        if (s == CR_OK) s = cri_dates_quantities_find(ctx, d);
        if (s != CR_OK) return s;
        d->extracted = true;
    }
    cr_status s = cri_corpus_ensure_stories(c);
    if (s != CR_OK) return s;
    for (size_t i = 0; i < c->n_stories; i++) {
        if (c->stories[i].entities) continue;   /* resolved by an earlier call */
        s = cri_entities_resolve(c, &c->stories[i]);
        if (s != CR_OK) return s;
    }
    c->extracted = true;
    return CR_OK;
}

/* The text of a span, clipped to its string (offsets are trusted but a
 * writer must never read out of bounds). */
static void span_text(cri_json *j, const char *s, size_t len, uint32_t a, uint32_t b) {
    if (!s || a > b || b > len) {
        cri_json_null(j);
        return;
    }
    cri_json_strn(j, s + a, b - a);
}

void cri_doc_extract_json(cri_json *j, const cr_doc *d) {
    cri_json_key(j, "mentions");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < d->n_mentions; i++) {
        const cri_mention *m = &d->mentions[i];
        const char *src = d->body;
        size_t len = d->body_len;
        if (m->caption >= 0 && (size_t)m->caption < d->n_captions) {
            src = d->captions[m->caption];
            len = strlen(src);
        }
        cri_json_obj_begin(j);
        cri_json_kint(j, "start", m->start);
        cri_json_kint(j, "end", m->end);
        cri_json_key(j, "text");
        span_text(j, src, len, m->start, m->end);
        cri_json_kstr(j, "type", cri_ent_type_name[m->type < 4 ? m->type : CRI_ENT_OTHER]);
        cri_json_key(j, "entity");
        if (m->entity >= 0) {
            char id[24];
            snprintf(id, sizeof id, "e%ld", (long)m->entity + 1);
            cri_json_str(j, id);
        } else cri_json_null(j);
        if (m->caption >= 0) cri_json_kint(j, "caption", m->caption);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    static const char *const types[] = {"DATE", "TIME", "DURATION", "SET"};
    cri_json_key(j, "dates");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < d->n_dates; i++) {
        const cri_timex *t = &d->dates[i];
        cri_json_obj_begin(j);
        cri_json_kint(j, "start", t->start);
        cri_json_kint(j, "end", t->end);
        cri_json_key(j, "text");
        span_text(j, d->body, d->body_len, t->start, t->end);
        cri_json_kstr(j, "value", t->value);
        cri_json_kstr(j, "anchor", t->anchor);
        cri_json_key(j, "relative");
        cri_json_bool(j, t->relative);
        cri_json_kstr(j, "type", types[t->type < 4 ? t->type : 0]);
        if (t->mod) cri_json_kstr(j, "mod", t->mod);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    cri_json_key(j, "quantities");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < d->n_quantities; i++) {
        const cri_quantity *q = &d->quantities[i];
        cri_json_obj_begin(j);
        cri_json_kint(j, "start", q->start);
        cri_json_kint(j, "end", q->end);
        cri_json_key(j, "text");
        span_text(j, d->body, d->body_len, q->start, q->end);
        cri_json_key(j, "value");
        cri_json_num_exact(j, q->value);
        if (!isnan(q->value_max)) {
            cri_json_key(j, "value_max");
            cri_json_num_exact(j, q->value_max);
        }
        cri_json_kstr(j, "unit", q->unit);
        cri_json_kstr(j, "qualifier", q->qualifier);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);
}
