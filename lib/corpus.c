/*
 * corpus.c — the articles of one run: pending inputs, cleaned documents,
 * rejected inputs, and the public accessors over them.  cr_corpus_clean runs
 * the cleaning pipeline in two passes so boilerplate detection can use lines
 * an outlet repeats across its articles.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

cr_status cr_corpus_new(cr_ctx *ctx, cr_corpus **out) {
    if (!out || !ctx) return CR_ERR_USAGE;
    *out = NULL;
    cr_corpus *c = calloc(1, sizeof *c);
    if (!c) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    c->ctx = ctx;
    if (cri_strmap_init(&c->ids, 64, ctx->opt.seed)) {
        free(c);
        return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    }
    *out = c;
    return CR_OK;
}

void cri_input_free(cri_input *in) {
    free(in->id);
    free(in->source);
    free(in->bytes);
    free(in->title);
    free(in->url);
    free(in->outlet);
    free(in->published);
    free(in->lang);
    memset(in, 0, sizeof *in);
}

void cri_stories_free(cri_story *s, size_t n);

void cr_corpus_free(cr_corpus *c) {
    if (!c) return;
    for (size_t i = 0; i < c->n_inputs; i++) cri_input_free(&c->inputs[i]);
    free(c->inputs);
    for (size_t i = 0; i < c->n_docs; i++) cri_doc_free(c->docs[i]);
    free(c->docs);
    for (size_t i = 0; i < c->n_errors; i++) {
        free(c->errors[i].input);
        free(c->errors[i].message);
    }
    free(c->errors);
    free(c->copies);
    for (size_t i = 0; i < c->n_groups; i++) {
        free(c->groups[i].members);
        free(c->groups[i].why);
    }
    free(c->groups);
    cri_stories_free(c->stories, c->n_stories);
    cri_strmap_free(&c->ids);
    free(c);
}

cr_status cri_corpus_reject(cr_corpus *c, const char *input, cr_status s, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cri_error *e = CRI_PUSH(c->errors, c->n_errors, c->cap_errors);
    if (!e) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    e->input = strdup(input ? input : "-");
    e->message = strdup(msg);
    if (!e->input || !e->message) {
        free(e->input);
        free(e->message);
        c->n_errors--;
        return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    }
    cri_fail(c->ctx, s, "%s: %s", e->input, msg);
    return s;
}

cr_status cr_corpus_add_path(cr_corpus *c, const char *path) {
    if (!c || !path) return CR_ERR_USAGE;
    return cri_input_add_path(c, path);
}

cr_status cr_corpus_add_bytes(cr_corpus *c, const char *source, const void *bytes, size_t len) {
    if (!c || (!bytes && len)) return CR_ERR_USAGE;
    return cri_input_add_bytes(c, source ? source : "-", NULL, bytes ? bytes : "", len);
}

/* ---- cleaning ----------------------------------------------------------- */

/* Give a document an id no other document in the corpus has. */
static cr_status unique_id(cr_corpus *c, cr_doc *d) {
    bool fresh;
    int64_t *n = cri_strmap_upsert(&c->ids, d->id, strlen(d->id), 0, &fresh);
    if (!n) return CR_ERR_NOMEM;
    if (fresh) return CR_OK;
    char tmp[64];
    for (;;) {
        (*n)++;
        snprintf(tmp, sizeof tmp, "~%lld", (long long)*n + 1);
        cri_buf b = {0};
        if (cri_buf_puts(&b, d->id) || cri_buf_puts(&b, tmp)) {
            cri_buf_free(&b);
            return CR_ERR_NOMEM;
        }
        int64_t *m = cri_strmap_upsert(&c->ids, b.data, b.len, 0, &fresh);
        if (!m) {
            cri_buf_free(&b);
            return CR_ERR_NOMEM;
        }
        if (fresh) {
            d->id = cri_arena_strndup(&d->arena, b.data, b.len);
            cri_buf_free(&b);
            return d->id ? CR_OK : CR_ERR_NOMEM;
        }
        cri_buf_free(&b);
    }
}

cr_status cr_corpus_clean(cr_corpus *c) {
    if (!c) return CR_ERR_USAGE;
    cr_ctx *ctx = c->ctx;
    size_t n = c->n_inputs;
    if (n == 0) return CR_OK;
    cr_status st = CR_OK;
    cri_buf *texts = calloc(n, sizeof *texts);
    cr_doc **docs = calloc(n, sizeof *docs);
    cri_line_stats *stats = ctx->opt.raw ? NULL : cri_line_stats_new(ctx->opt.seed);
    if (!texts || !docs || (!ctx->opt.raw && !stats)) {
        st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    /* Pass 1: bytes to normalized text; count each outlet's lines. */
    for (size_t i = 0; i < n; i++) {
        cr_status s = cri_clean_prepare(ctx, &c->inputs[i], &docs[i], &texts[i]);
        /* the raw bytes are not needed again: keep peak memory near one
         * copy of the corpus, not two */
        free(c->inputs[i].bytes);
        c->inputs[i].bytes = NULL;
        c->inputs[i].len = 0;
        if (s == CR_ERR_NOMEM) {
            st = s;
            goto cleanup;
        }
        if (s != CR_OK) {
            cri_corpus_reject(c, c->inputs[i].source, s, "%s", ctx->errmsg);
            continue;
        }
        if (stats) {
            cri_buf scratch = {0};
            const char *key = cri_outlet_key(&c->inputs[i], texts[i].data, texts[i].len, &scratch);
            if (key && cri_line_stats_add(stats, key, texts[i].data, texts[i].len)) {
                cri_buf_free(&scratch);
                st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
                goto cleanup;
            }
            cri_buf_free(&scratch);
        }
    }
    /* Pass 2: body, metadata, sentences, tokens. */
    for (size_t i = 0; i < n; i++) {
        if (!docs[i]) continue;
        cr_status s = cri_clean_finish(ctx, docs[i], texts[i].data, texts[i].len,
                                       &c->inputs[i], stats);
        cri_buf_free(&texts[i]);
        if (s == CR_ERR_NOMEM) {
            st = s;
            goto cleanup;
        }
        if (s != CR_OK) {
            cri_corpus_reject(c, c->inputs[i].source, s, "%s", ctx->errmsg);
            cri_doc_free(docs[i]);
            docs[i] = NULL;
            continue;
        }
        if (unique_id(c, docs[i]) != CR_OK) {
            st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
            goto cleanup;
        }
        cr_doc **slot = CRI_PUSH(c->docs, c->n_docs, c->cap_docs);
        if (!slot) {
            st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
            goto cleanup;
        }
        docs[i]->index = c->n_docs - 1;
        *slot = docs[i];
        docs[i] = NULL;
    }
cleanup:
    for (size_t i = 0; i < n; i++) {
        if (texts) cri_buf_free(&texts[i]);
        if (docs) cri_doc_free(docs[i]);
        cri_input_free(&c->inputs[i]);
    }
    c->n_inputs = 0;
    free(texts);
    free(docs);
    cri_line_stats_free(stats);
    return st;
}

/* ---- accessors ---------------------------------------------------------- */

size_t cr_corpus_count(const cr_corpus *c) { return c ? c->n_docs : 0; }

const cr_doc *cr_corpus_doc(const cr_corpus *c, size_t i) {
    return c && i < c->n_docs ? c->docs[i] : NULL;
}

size_t cr_corpus_error_count(const cr_corpus *c) { return c ? c->n_errors : 0; }

void cr_corpus_error(const cr_corpus *c, size_t i, const char **input, const char **message) {
    if (input) *input = NULL;
    if (message) *message = NULL;
    if (!c || i >= c->n_errors) return;
    if (input) *input = c->errors[i].input;
    if (message) *message = c->errors[i].message;
}

const char *cr_doc_id(const cr_doc *d) { return d ? d->id : NULL; }
const char *cr_doc_source(const cr_doc *d) { return d ? d->source : NULL; }
const char *cr_doc_title(const cr_doc *d) { return d ? d->title : NULL; }
const char *cr_doc_byline(const cr_doc *d) { return d ? d->byline : NULL; }
const char *cr_doc_outlet(const cr_doc *d) { return d ? d->outlet : NULL; }
const char *cr_doc_published(const cr_doc *d) { return d ? d->published : NULL; }
const char *cr_doc_language(const cr_doc *d) { return d ? d->language : NULL; }

const char *cr_doc_body(const cr_doc *d, size_t *len) {
    if (len) *len = d ? d->body_len : 0;
    return d ? (d->body ? d->body : "") : NULL;
}

size_t cr_doc_caption_count(const cr_doc *d) { return d ? d->n_captions : 0; }
const char *cr_doc_caption(const cr_doc *d, size_t i) {
    return d && i < d->n_captions ? d->captions[i] : NULL;
}

size_t cr_doc_removed_count(const cr_doc *d) { return d ? d->n_removed : 0; }
const char *cr_doc_removed(const cr_doc *d, size_t i, const char **reason) {
    if (reason) *reason = NULL;
    if (!d || i >= d->n_removed) return NULL;
    if (reason) *reason = d->removed[i].reason;
    return d->removed[i].text;
}

size_t cr_doc_repair_count(const cr_doc *d) { return d ? d->n_repairs : 0; }
const char *cr_doc_repair(const cr_doc *d, size_t i, const char **before, const char **after) {
    if (before) *before = NULL;
    if (after) *after = NULL;
    if (!d || i >= d->n_repairs) return NULL;
    if (before) *before = d->repairs[i].before;
    if (after) *after = d->repairs[i].after;
    return d->repairs[i].kind;
}

size_t cr_doc_cite_count(const cr_doc *d) { return d ? d->n_cites : 0; }
const char *cr_doc_cite(const cr_doc *d, size_t i) {
    return d && i < d->n_cites ? d->cites[i] : NULL;
}

size_t cr_doc_sentence_count(const cr_doc *d) { return d ? d->n_sents : 0; }
void cr_doc_sentence(const cr_doc *d, size_t i, size_t *start, size_t *end) {
    if (start) *start = 0;
    if (end) *end = 0;
    if (!d || i >= d->n_sents) return;
    if (start) *start = d->sents[i].start;
    if (end) *end = d->sents[i].end;
}

size_t cr_doc_token_count(const cr_doc *d) { return d ? d->n_toks : 0; }
void cr_doc_token(const cr_doc *d, size_t i, size_t *start, size_t *end, const char **key,
                  const char **stem, int *stop) {
    if (start) *start = 0;
    if (end) *end = 0;
    if (key) *key = NULL;
    if (stem) *stem = NULL;
    if (stop) *stop = 0;
    if (!d || i >= d->n_toks) return;
    const cri_token *t = &d->toks[i];
    if (start) *start = t->start;
    if (end) *end = t->end;
    if (key) *key = cri_tok_key(d, t);
    if (stem) *stem = cri_tok_stem(d, t);
    if (stop) *stop = (t->flags & CRI_TOK_STOP) != 0;
}

/* ---- JSON --------------------------------------------------------------- */

static void errors_json(cri_json *j, const cr_corpus *c) {
    cri_json_key(j, "errors");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < c->n_errors; i++) {
        cri_json_obj_begin(j);
        cri_json_kstr(j, "input", c->errors[i].input);
        cri_json_kstr(j, "error", c->errors[i].message);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);
}

cr_status cr_corpus_write_json(cr_corpus *c, unsigned flags, cr_write_fn write, void *user) {
    if (!c || !write) return CR_ERR_USAGE;
    cri_json j;
    cri_json_init(&j, write, user, (flags & CR_JSON_PRETTY) != 0);
    cri_json_obj_begin(&j);
    cri_json_key(&j, "documents");
    cri_json_arr_begin(&j);
    for (size_t i = 0; i < c->n_docs; i++) cri_doc_json(&j, c->docs[i], flags);
    cri_json_arr_end(&j);
    if (flags & CR_JSON_COPIES) cri_copies_json(&j, c);
    if (flags & (CR_JSON_STORIES | CR_JSON_BRIEF | CR_JSON_EXTRACT)) cri_stories_json(&j, c, flags);
    errors_json(&j, c);
    cri_json_obj_end(&j);
    if (!j.failed && cri_buf_putc(&j.buf, '\n')) j.failed = true;
    cr_status s = cri_json_finish(&j);
    return s == CR_OK ? CR_OK : cri_fail(c->ctx, s, "could not write output");
}

cr_status cr_doc_write_json(cr_corpus *c, const cr_doc *d, unsigned flags, cr_write_fn write,
                            void *user) {
    if (!c || !d || !write) return CR_ERR_USAGE;
    cri_json j;
    cri_json_init(&j, write, user, (flags & CR_JSON_PRETTY) != 0);
    cri_doc_json(&j, d, flags);
    cr_status s = cri_json_finish(&j);
    return s == CR_OK ? CR_OK : cri_fail(c->ctx, s, "could not write output");
}
