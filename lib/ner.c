/*
 * ner.c — named-entity mentions (person, organization, place, other) in a
 * cleaned document's body and captions.
 *
 * Runs after cleaning, before entity resolution (entities.c).  Each body
 * sentence (d->sents) and each caption is cut into word tokens by the
 * tokenizer the model was trained with (ner_feat.c), in windows of at most
 * CRI_NER_MAX_TOKS tokens so that a pathological "sentence" stays linear;
 * hashed features feed the embedded averaged-perceptron model (ner_model.c),
 * and Viterbi over BIO labels gives the spans.  Mentions carry byte offsets
 * into the body (caption == -1) or into captions[caption], and entity = -1
 * until resolution.
 */
#include "internal.h"

#include <stdlib.h>

typedef struct tagger {
    cri_ner_model m;
    cri_ner_tok *toks;
    uint32_t *feats;
    int32_t *emit;
    int64_t *score;
    uint8_t *back, *labels;
    void *scratch;
} tagger;

static void tagger_free(tagger *t) {
    free(t->toks); free(t->feats); free(t->emit); free(t->score);
    free(t->back); free(t->labels); free(t->scratch);
}

static cr_status tagger_init(cr_ctx *ctx, tagger *t) {
    memset(t, 0, sizeof *t);
    if (!cri_ner_model_get(&t->m))
        return cri_fail(ctx, CR_ERR_INTERNAL, "the named-entity model is missing or malformed");
    enum { N = CRI_NER_MAX_TOKS, L = CRI_NER_NLABELS };
    t->toks = malloc(N * sizeof *t->toks);
    t->feats = malloc((size_t)N * CRI_NER_NFEAT * sizeof *t->feats);
    t->emit = malloc((size_t)N * L * sizeof *t->emit);
    t->score = malloc((size_t)N * L * sizeof *t->score);
    t->back = malloc((size_t)N * L);
    t->labels = malloc(N);
    t->scratch = malloc((size_t)N * CRI_NER_SCRATCH);
    if (!t->toks || !t->feats || !t->emit || !t->score || !t->back || !t->labels || !t->scratch) {
        tagger_free(t);
        return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    }
    return CR_OK;
}

static bool is_word_tok(const char *text, const cri_ner_tok *k) {
    for (uint32_t i = k->start; i < k->end; i++)
        if (cri_isalnum((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80) return true;
    return false;
}

/* Tag text[start, end) (one sentence or caption); offsets stay relative to text. */
static cr_status tag_span(cr_ctx *ctx, tagger *t, cr_doc *d, const char *text, size_t start,
                          size_t end, int32_t caption) {
    size_t pos = start;
    while (pos < end) {
        size_t used = 0;
        size_t n = cri_ner_tokenize(text + pos, end - pos, t->toks, CRI_NER_MAX_TOKS, &used);
        if (n == 0) break;
        cri_ner_features(text + pos, t->toks, n, t->m.bits, t->feats, t->scratch);
        cri_ner_emissions(t->m.w, t->feats, n, t->emit);
        cri_ner_viterbi(t->emit, n, t->m.trans, t->labels, t->score, t->back);
        for (size_t i = 0; i < n;) {
            uint8_t l = t->labels[i];
            if (l == CRI_NER_O) { i++; continue; }
            int ty = (l - 1) / 2;
            size_t j = i + 1;
            while (j < n && t->labels[j] == 2 + 2 * ty) j++;
            /* punctuation at the edges is not part of a name */
            size_t a = i, b = j;
            while (a < b && !is_word_tok(text + pos, &t->toks[a])) a++;
            while (b > a && !is_word_tok(text + pos, &t->toks[b - 1])) b--;
            if (a < b) {
                cri_mention *m = CRI_PUSH(d->mentions, d->n_mentions, d->cap_mentions);
                if (!m) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
                m->start = (uint32_t)(pos + t->toks[a].start);
                m->end = (uint32_t)(pos + t->toks[b - 1].end);
                m->caption = caption;
                m->type = (uint8_t)ty;   /* PER, ORG, LOC, MISC = CRI_ENT_* order */
                m->entity = -1;
            }
            i = j;
        }
        if (used == 0) break;
        pos += used;
    }
    return CR_OK;
}

_Static_assert(CRI_ENT_PERSON == 0 && CRI_ENT_ORG == 1 && CRI_ENT_PLACE == 2 && CRI_ENT_OTHER == 3,
               "model types follow CRI_ENT_* order");

cr_status cri_ner_tag(cr_ctx *ctx, cr_doc *d) {
    d->n_mentions = 0;
    tagger t;
    cr_status st = tagger_init(ctx, &t);
    if (st != CR_OK) return st;
    if (d->n_sents) {
        for (size_t i = 0; i < d->n_sents && st == CR_OK; i++) {
            const cri_sentence *s = &d->sents[i];
            if (s->end > d->body_len || s->start >= s->end) continue;
            st = tag_span(ctx, &t, d, d->body, s->start, s->end, -1);
        }
    } else if (d->body) {
        /* not segmented: lines stand for sentences */
        size_t s = 0;
        for (size_t i = 0; i <= d->body_len && st == CR_OK; i++) {
            if (i < d->body_len && d->body[i] != '\n') continue;
            if (i > s) st = tag_span(ctx, &t, d, d->body, s, i, -1);
            s = i + 1;
        }
    }
    for (size_t c = 0; c < d->n_captions && st == CR_OK; c++)
        if (d->captions[c]) st = tag_span(ctx, &t, d, d->captions[c], 0, strlen(d->captions[c]), (int32_t)c);
    tagger_free(&t);
    return st;
}

cr_status cri_ner_tag_text(cr_ctx *ctx, cr_doc *d, const char *text, size_t len, int32_t caption) {
    tagger t;
    cr_status st = tagger_init(ctx, &t);
    if (st != CR_OK) return st;
    st = tag_span(ctx, &t, d, text, 0, len, caption);
    tagger_free(&t);
    return st;
}
