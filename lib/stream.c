/*
 * stream.c — streaming story assignment (`crossread cluster --stream`).
 *
 * Articles arrive in time order, one at a time.  Each is cleaned on its own
 * (no cross-article boilerplate statistics: there is no batch to gather them
 * from), turned into a feature vector with IDF from a running
 * document-frequency table, and handed to the same engine batch mode uses
 * (cluster.c).  One JSON line goes out per article: {"id", "story", "score",
 * "why"} — why being the features that tied it to its story.  The document
 * is freed as soon as it is assigned; stories idle for longer than the window
 * are closed and freed, and the frequency table is halved when it grows past
 * its bound, so memory follows the window, not the length of the stream.
 */
#include "cluster.h"

#include <stdio.h>
#include <stdlib.h>

struct cr_stream {
    cr_ctx *ctx;
    cri_clu *eng;
    cri_clu_params p;
    cri_feat_scratch fs;
    cri_u32map df, bg;
    double n_docs;             /* documents counted in df (halved with it) */
    uint64_t seen;
    bool has_now;
    int64_t now;               /* latest publication time seen */
    uint64_t since_expire;
};

cr_status cr_stream_new(cr_ctx *ctx, const cr_cluster_options *o, cr_stream **out) {
    if (!out) return CR_ERR_USAGE;
    *out = NULL;
    if (!ctx) return CR_ERR_USAGE;
    cr_stream *s = calloc(1, sizeof *s);
    if (!s) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    s->ctx = ctx;
    cri_clu_params_default(&s->p, o);
    s->eng = cri_clu_new(&s->p);
    if (!s->eng || cri_u32map_init(&s->df, 4096) || cri_feat_background(ctx, &s->bg)) {
        cr_stream_free(s);
        return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    }
    *out = s;
    return CR_OK;
}

void cr_stream_free(cr_stream *s) {
    if (!s) return;
    cri_clu_free(s->eng);
    cri_feat_scratch_free(&s->fs);
    cri_u32map_free(&s->df);
    cri_u32map_free(&s->bg);
    free(s);
}

size_t cri_stream_open_stories(const cr_stream *s) { return s ? cri_clu_open_stories(s->eng) : 0; }

static cr_status write_error(cr_stream *s, const char *id, const char *msg, cr_write_fn write,
                             void *user) {
    cri_json j;
    cri_json_init(&j, write, user, false);
    cri_json_obj_begin(&j);
    cri_json_kstr(&j, "id", id);
    cri_json_kstr(&j, "error", msg);
    cri_json_obj_end(&j);
    if (!j.failed && cri_buf_putc(&j.buf, '\n')) j.failed = true;
    if (cri_json_finish(&j) != CR_OK) return cri_fail(s->ctx, CR_ERR_IO, "could not write output");
    return CR_OK;
}

/* Clean one article as the batch pipeline would, without outlet statistics. */
static cr_status clean_one(cr_stream *s, const cr_article *a, cr_doc **out) {
    *out = NULL;
    size_t len = a->text_len ? a->text_len : strlen(a->text);
    if (len > s->ctx->opt.max_bytes)
        return cri_fail(s->ctx, CR_ERR_LIMIT, "text is %zu bytes, over the limit of %zu", len,
                        s->ctx->opt.max_bytes);
    cri_input in;
    memset(&in, 0, sizeof in);
    /* The pipeline only reads the input: borrowing the caller's strings is safe. */
    in.id = (char *)a->id;
    in.source = (char *)(a->source ? a->source : "-");
    in.bytes = (char *)a->text;
    in.len = len;
    in.title = (char *)a->title;
    in.url = (char *)a->url;
    in.outlet = (char *)a->outlet;
    in.published = (char *)a->published;
    in.lang = (char *)a->lang;
    cri_buf text = {0};
    cr_doc *d;
    cr_status st = cri_clean_prepare(s->ctx, &in, &d, &text);
    if (st != CR_OK) return st;
    st = cri_clean_finish(s->ctx, d, text.data, text.len, &in, NULL);
    cri_buf_free(&text);
    if (st != CR_OK) {
        cri_doc_free(d);
        return st;
    }
    *out = d;
    return CR_OK;
}

cr_status cr_stream_push(cr_stream *s, const cr_article *a, cr_write_fn write, void *user) {
    if (!s || !a || !write) return CR_ERR_USAGE;
    if (!a->id || !a->text) {
        const char *msg = !a->id ? "missing \"id\"" : "missing \"text\"";
        cr_status w = write_error(s, a->id, msg, write, user);
        if (w != CR_OK) return w;
        return cri_fail(s->ctx, CR_ERR_INPUT, "%s", msg);
    }
    cr_doc *d;
    cr_status st = clean_one(s, a, &d);
    if (st == CR_ERR_NOMEM) return st;
    if (st != CR_OK) {
        char msg[512];
        snprintf(msg, sizeof msg, "%s", cr_errmsg(s->ctx));
        cr_status w = write_error(s, a->id, msg, write, user);
        if (w != CR_OK) return w;
        return cri_fail(s->ctx, st, "%s: %s", a->id, msg);
    }
    st = CR_OK;
    cri_feat v[CRI_CLU_TOPK];
    if (cri_feat_terms(s->ctx, &s->fs, d) || cri_feat_count_df(&s->df, &s->fs)) goto nomem;
    s->n_docs += 1;
    size_t nv = cri_feat_vector(&s->fs, &s->df, &s->bg, s->n_docs, 1, v, CRI_CLU_TOPK);
    if (d->has_pub && (!s->has_now || d->pub_epoch_min > s->now)) {
        s->now = d->pub_epoch_min;
        s->has_now = true;
    }
    cri_clu_result r;
    if (cri_clu_add(s->eng, v, nv, d->has_pub, d->pub_epoch_min, (uint32_t)s->seen, &r)) goto nomem;
    s->seen++;

    cri_json j;
    cri_json_init(&j, write, user, false);
    cri_json_obj_begin(&j);
    cri_json_kstr(&j, "id", d->id);
    char sid[32];
    snprintf(sid, sizeof sid, "s%u", r.story_num + 1);
    cri_json_kstr(&j, "story", sid);
    cri_json_knum(&j, "score", r.score);
    cri_json_key(&j, "why");
    cri_json_arr_begin(&j);
    const char *shown[8];
    size_t n_shown = 0;
    for (size_t i = 0; i < r.n_ties && n_shown < 8; i++) {
        const char *str = cri_feat_string(&s->fs, r.ties[i]);
        if (str) shown[n_shown++] = str;
    }
    bool keep[8];
    cri_why_tidy(shown, n_shown, keep);
    for (size_t i = 0; i < n_shown; i++)
        if (keep[i]) cri_json_str(&j, shown[i]);
    cri_json_arr_end(&j);
    cri_json_obj_end(&j);
    if (!j.failed && cri_buf_putc(&j.buf, '\n')) j.failed = true;
    if (cri_json_finish(&j) != CR_OK) st = cri_fail(s->ctx, CR_ERR_IO, "could not write output");
    cri_doc_free(d);
    d = NULL;

    /* Close idle stories; scanning every few articles keeps the cost
     * proportional to the stories open, amortized. */
    if (++s->since_expire > 64 + cri_clu_open_stories(s->eng) / 4) {
        s->since_expire = 0;
        cri_clu_expire(s->eng, s->has_now, s->now);
    }
    if (s->df.count > CRI_CLU_DF_MAX) {
        if (cri_u32map_halve(&s->df)) goto nomem;
        s->n_docs /= 2;
    }
    return st;
nomem:
    cri_doc_free(d);
    return cri_fail(s->ctx, CR_ERR_NOMEM, "out of memory");
}

cr_status cr_stream_push_line(cr_stream *s, const char *line, size_t len, cr_write_fn write,
                              void *user) {
    if (!s || (!line && len) || !write) return CR_ERR_USAGE;
    cr_status worst = CR_OK;
    const char *p = line, *end = line + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *b = p;
        while (b < le && cri_isspace((unsigned char)*b)) b++;
        if (b < le) {
            cri_json_article ja;
            const char *why;
            cr_status st = cri_json_parse_article(b, (size_t)(le - b), &ja, &why);
            if (st != CR_OK) {
                cr_status w = write_error(s, NULL, why ? why : "malformed line", write, user);
                if (w != CR_OK) return w;
                cri_fail(s->ctx, CR_ERR_INPUT, "%s", why ? why : "malformed line");
                worst = CR_ERR_INPUT;
            } else {
                st = cr_stream_push(s, &ja.a, write, user);
                cri_json_article_free(&ja);
                if (st == CR_ERR_NOMEM || st == CR_ERR_IO || st == CR_ERR_USAGE) return st;
                if (st != CR_OK) worst = st;
            }
        }
        p = nl ? nl + 1 : end;
    }
    return worst;
}
