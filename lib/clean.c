/*
 * clean.c — the cleaning pipeline for one article, and the small helpers that
 * add repairs, removed lines, captions and cites to a document.
 *
 *   prepare: bytes -> valid UTF-8 -> mojibake undone -> NFC
 *   finish:  boilerplate and metadata -> sentences -> tokens
 *
 * Input is validated and normalized here, once; every later module can rely
 * on valid NFC UTF-8 with LF line ends and no control characters.
 */
#include "internal.h"

#include <stdlib.h>

void cri_doc_free(cr_doc *d) {
    if (!d) return;
    free(d->captions);
    free(d->removed);
    free(d->repairs);
    free(d->cites);
    free(d->sents);
    free(d->toks);
    cri_buf_free(&d->pool);
    free(d->mentions);
    free(d->dates);
    free(d->quantities);
    cri_arena_free(&d->arena);
    free(d);
}

/* Cut report text to a bounded length on a UTF-8 boundary. */
static size_t report_len(const char *s, size_t n) {
    if (n <= CR_MAX_REPORT_TEXT) return n;
    n = CR_MAX_REPORT_TEXT;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    return n;
}

int cri_doc_add_repair(cr_doc *d, const char *kind, const char *before, size_t blen,
                       const char *after, size_t alen, uint32_t line) {
    if (d->n_repairs >= CR_MAX_REPAIRS) return 0;
    cri_repair *r = CRI_PUSH(d->repairs, d->n_repairs, d->cap_repairs);
    if (!r) return -1;
    r->kind = kind;
    r->before = cri_arena_strndup(&d->arena, before, report_len(before, blen));
    r->after = cri_arena_strndup(&d->arena, after, report_len(after, alen));
    r->line = line;
    return r->before && r->after ? 0 : -1;
}

int cri_doc_add_removed(cr_doc *d, const char *text, size_t len, const char *reason) {
    cri_removed *r = CRI_PUSH(d->removed, d->n_removed, d->cap_removed);
    if (!r) return -1;
    r->text = cri_arena_strndup(&d->arena, text, report_len(text, len));
    r->reason = reason;
    return r->text ? 0 : -1;
}

int cri_doc_add_caption(cr_doc *d, const char *text, size_t len) {
    char **slot = CRI_PUSH(d->captions, d->n_captions, d->cap_captions);
    if (!slot) return -1;
    *slot = cri_arena_strndup(&d->arena, text, len);
    return *slot ? 0 : -1;
}

int cri_doc_add_cite(cr_doc *d, const char *text, size_t len) {
    for (size_t i = 0; i < d->n_cites; i++)
        if (strlen(d->cites[i]) == len && memcmp(d->cites[i], text, len) == 0) return 0;
    char **slot = CRI_PUSH(d->cites, d->n_cites, d->cap_cites);
    if (!slot) return -1;
    *slot = cri_arena_strndup(&d->arena, text, len);
    return *slot ? 0 : -1;
}

cr_status cri_clean_prepare(cr_ctx *ctx, const cri_input *in, cr_doc **out, cri_buf *text) {
    *out = NULL;
    cr_doc *d = calloc(1, sizeof *d);
    if (!d) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    d->id = cri_arena_strdup(&d->arena, in->id ? in->id : "-");
    d->source = cri_arena_strdup(&d->arena, in->source ? in->source : "-");
    d->url = cri_arena_strdup(&d->arena, in->url);
    if (!d->id || !d->source || (in->url && !d->url)) goto nomem;

    cr_status s = cri_text_decode(ctx, d, in->bytes, in->len, text);
    if (s != CR_OK) goto fail;
    s = cri_mojibake_fix(ctx, d, text);
    if (s != CR_OK) goto fail;
    s = cri_nfc(ctx, text);
    if (s != CR_OK) goto fail;
    *out = d;
    return CR_OK;
nomem:
    s = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
fail:
    cri_doc_free(d);
    cri_buf_free(text);
    return s;
}

/* Arrays grow geometrically while a document is built; a corpus holds many
 * documents, so give the slack back (up to half of each array). */
static void shrink_to_fit(cr_doc *d) {
    if (d->n_toks && d->n_toks < d->cap_toks) {
        cri_token *t = realloc(d->toks, d->n_toks * sizeof *t);
        if (t) {
            d->toks = t;
            d->cap_toks = d->n_toks;
        }
    }
    if (d->n_sents && d->n_sents < d->cap_sents) {
        cri_sentence *t = realloc(d->sents, d->n_sents * sizeof *t);
        if (t) {
            d->sents = t;
            d->cap_sents = d->n_sents;
        }
    }
    if (d->pool.data && d->pool.len + 1 < d->pool.cap) {
        char *p = realloc(d->pool.data, d->pool.len + 1);
        if (p) {
            d->pool.data = p;
            d->pool.cap = d->pool.len + 1;
        }
    }
}

cr_status cri_clean_finish(cr_ctx *ctx, cr_doc *d, const char *text, size_t len,
                           const cri_input *in, const cri_line_stats *stats) {
    cr_status s = ctx->opt.raw ? cri_extract_raw(ctx, d, text, len, in)
                               : cri_extract_body(ctx, d, text, len, in, stats);
    if (s != CR_OK) return s;
    if (!d->body) {
        d->body = cri_arena_strndup(&d->arena, "", 0);
        if (!d->body) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
        d->body_len = 0;
    }
    if (d->body_len == 0) {
        if (d->n_removed)
            return cri_fail(ctx, CR_ERR_INPUT,
                            "no article text found (all %zu lines read as boilerplate)",
                            d->n_removed);
        return cri_fail(ctx, CR_ERR_INPUT, "no article text found");
    }
    cri_doc_set_pub(d);
    s = cri_segment(ctx, d);
    if (s != CR_OK) return s;
    s = cri_tokenize(ctx, d);
    if (s == CR_OK) shrink_to_fit(d);
    return s;
}

/* ---- publication time --------------------------------------------------- */

static int parse_n(const char *s, int n, int *out) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!cri_isdigit((unsigned char)s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

static int64_t days_from_civil(int y, int m, int d) {
    /* Howard Hinnant's algorithm: days since 1970-01-01 */
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void cri_doc_set_pub(cr_doc *d) {
    d->has_pub = false;
    const char *p = d->published;
    if (!p) return;
    int y, m, day, hh = 0, mm = 0, tz = 0;
    size_t n = strlen(p);
    if (n < 10 || parse_n(p, 4, &y) || p[4] != '-' || parse_n(p + 5, 2, &m) || p[7] != '-' ||
        parse_n(p + 8, 2, &day))
        return;
    if (m < 1 || m > 12 || day < 1 || day > 31) return;
    if (n >= 16 && p[10] == 'T' && !parse_n(p + 11, 2, &hh) && p[13] == ':' &&
        !parse_n(p + 14, 2, &mm)) {
        const char *z = p + 16;
        if (*z == ':' && cri_isdigit((unsigned char)z[1])) z += 3;
        int th, tm;
        if ((*z == '+' || *z == '-') && !parse_n(z + 1, 2, &th) && z[3] == ':' &&
            !parse_n(z + 4, 2, &tm))
            tz = (*z == '-' ? -1 : 1) * (th * 60 + tm);
    }
    int64_t days = days_from_civil(y, m, day);
    d->has_pub = true;
    d->pub_year = y;
    d->pub_month = m;
    d->pub_day = day;
    d->pub_wday = (int)(((days % 7) + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
    d->pub_epoch_min = days * 1440 + hh * 60 + mm - tz;
}
