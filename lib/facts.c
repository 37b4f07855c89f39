/*
 * facts.c — the sentences of a story grouped into facts.
 *
 * Sits in the brief after cleaning, copies and extraction: every sentence of
 * the story's English articles becomes a unit with a sparse feature vector —
 * content-word stems, resolved entity ids (so "Kim Guen Choi" meets "Kim Geum
 * Chol"), date values (a day also gives its month, so "June" meets "19 June")
 * and quantity values — weighted by inverse sentence frequency within the
 * story.  Sentences with the same words (wire copies) collapse to one unit
 * first, so 500 copies cost one.  Candidate pairs come from an inverted index
 * over the features with capped postings (a feature held by more than
 * CRI_BRIEF_MAX_POSTINGS sentences does not generate candidates), so the work
 * grows with the number of sentences, not its square.  Pairs above a cosine
 * threshold are merged best first into groups that take at most
 * CRI_BRIEF_PER_DOC_IN_FACT sentences of one article and whose seeds must
 * still resemble each other (no chaining through a long run of weak links).
 *
 * Unique details are the informative sentences whose fact only one outlet
 * reports, and sentences that add names, numbers or words no other outlet
 * uses ("by plane").
 */
#include "brief.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define SIM_THRESHOLD 0.20
#define LINK_THRESHOLD 0.20

/* Function words and reporting verbs the stopword list may not hold: they
 * say nothing about which fact a sentence reports. */
static const char *const extra_stop[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of",
    "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "said",
    "same", "say", "says", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "told", "under", "until", "up", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    "may", "might", "must", "shall", "according", "s", "t", "mr", "mrs", "ms", "yet", "however",
    "since", "among", "amid", "within", "without", "upon", "via", "per", "whose", "also",
    "last", "week", "including", "many", "much", "another", "even", "still", "already", "one",
};

static bool extra_stopword(const char *k, size_t n) {
    if (n > 10 || n == 0) return false;
    for (size_t i = 0; i < sizeof extra_stop / sizeof *extra_stop; i++) {
        const char *w = extra_stop[i];
        /* first byte, then the rest with its end: no strlen per entry */
        /* strncmp stops at the end of the shorter word: no read past it */
        if (w[0] != k[0] || strncmp(w, k, n) != 0 || w[n] != 0) continue;
        return true;
    }
    return false;
}

static bool tok_is_num(const cr_doc *d, const cri_token *t) {
    if (t->flags & CRI_TOK_NUM) return true;
    for (uint32_t i = t->start; i < t->end; i++)
        if (cri_isdigit((unsigned char)d->body[i])) return true;
    return false;
}

static bool tok_is_content(const cr_doc *d, const cri_token *t) {
    if (t->flags & (CRI_TOK_PUNCT | CRI_TOK_STOP)) return false;
    if (tok_is_num(d, t)) return true;
    const char *k = cri_tok_key(d, t);
    if (t->key_len < 2) return false;
    if (cri_is_stopword(k, t->key_len) || extra_stopword(k, t->key_len)) return false;
    return true;
}

/* A capitalized word that is not merely the first of its sentence: a name. */
static bool tok_is_name(const cr_doc *d, const cri_token *t) {
    if (t->end <= t->start || !cri_isupper((unsigned char)d->body[t->start])) return false;
    if (t->flags & CRI_TOK_SSTART) return false;
    const cri_sentence *s = &d->sents[t->sent];
    return t->start != s->start;
}

/* ---- vocabulary ------------------------------------------------------------- */

static int64_t feat_id(cri_brief *b, char kind, const char *s, size_t n, bool add) {
    char key[320];
    if (n > sizeof key - 2) n = sizeof key - 2;
    key[0] = kind;
    memcpy(key + 1, s, n);
    if (!add) {
        int64_t *v = cri_strmap_get(&b->vocab, key, n + 1);
        return v ? *v : -1;
    }
    bool fresh;
    int64_t *v = cri_strmap_upsert(&b->vocab, key, n + 1, (int64_t)b->n_vocab, &fresh);
    if (!v) return -2;
    if (fresh) {
        uint32_t *df = CRI_PUSH(b->df, b->n_vocab, b->cap_vocab);
        if (!df) return -2;
        size_t nn = b->n_vocab - 1, cn = b->cap_names;
        if (nn >= cn) {
            size_t nc = cn ? cn * 2 : 256;
            const char **p = realloc(b->vocab_names, nc * sizeof *p);
            if (!p) return -2;
            b->vocab_names = p;
            b->cap_names = nc;
        }
        b->vocab_names[nn] = cri_strmap_key(&b->vocab, key, n + 1);
    }
    return *v;
}

const char *cri_facts_feat_name(const cri_brief *b, uint32_t id) {
    return id < b->n_vocab && b->vocab_names ? b->vocab_names[id] : "";
}

/* ---- sentence flags ----------------------------------------------------------- */

static bool has_word(const cr_doc *d, const cri_sentence *s, const char *const *words, size_t nw) {
    for (uint32_t t = s->tok_first; t < s->tok_end && t < d->n_toks; t++) {
        const char *k = cri_tok_key(d, &d->toks[t]);
        if (d->toks[t].key_len > 12) continue;
        for (size_t i = 0; i < nw; i++)
            if (k[0] == words[i][0] && strcmp(k, words[i]) == 0) return true;
    }
    return false;
}

static bool is_quote_char(const char *p, size_t left) {
    unsigned char c = (unsigned char)p[0];
    if (c == '"') return true;
    /* “ ” „ « » */
    if (left >= 3 && c == 0xE2 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0x9C || (unsigned char)p[2] == 0x9D || (unsigned char)p[2] == 0x9E))
        return true;
    if (left >= 2 && c == 0xC2 && ((unsigned char)p[1] == 0xAB || (unsigned char)p[1] == 0xBB)) return true;
    return false;
}

static uint16_t sentence_flags(const cr_doc *d, const cri_sentence *s, uint32_t nwords) {
    uint16_t f = 0;
    const char *p = d->body + s->start;
    size_t n = s->end - s->start;
    if (nwords < 6) f |= CRI_BU_SHORT;
    /* quotation: opens with a quote mark, or most of its bytes are quoted */
    size_t quoted = 0, marks = 0, open_at = 0;
    bool inq = false;
    for (size_t i = 0; i < n; i++) {
        if (is_quote_char(p + i, n - i)) {
            marks++;
            if (inq) quoted += i - open_at;
            else open_at = i;
            inq = !inq;
        }
    }
    if (inq) quoted += n - open_at;
    if ((n && is_quote_char(p, n)) || (marks >= 2 && quoted * 10 > n * 6)) f |= CRI_BU_QUOTE;
    static const char *const claim[] = {"claim", "claims", "claimed", "claiming", "alleged",
                                        "allegedly", "purportedly", "purported", "unconfirmed",
                                        "unverified", "rumoured", "rumored"};
    if (has_word(d, s, claim, sizeof claim / sizeof *claim)) f |= CRI_BU_CLAIM;
    static const char *const boiler[] = {"click", "subscribe", "newsletter", "cookies", "cookie",
                                         "http", "https", "www", "com", "advertisement",
                                         "copyright", "reserved", "sign", "login", "download"};
    if (has_word(d, s, boiler, 12)) f |= CRI_BU_BOILER;
    for (size_t i = 0; i < n; i++)
        if (p[i] == '@' || p[i] == '|') { f |= CRI_BU_BOILER; break; }
    (void)boiler;
    if (n && p[n - 1] == '?') f |= CRI_BU_QUESTION;
    return f;
}

typedef struct rank_item { double score; uint32_t key; uint32_t idx; } rank_item;
static int cmp_rank(const void *p, const void *q) {
    const rank_item *a = p, *b = q;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    return a->key < b->key ? -1 : a->key > b->key;
}

/* ---- units ---------------------------------------------------------------------- */

static int cmp_feat(const void *x, const void *y) {
    const cri_bfeat *a = x, *b = y;
    return a->id < b->id ? -1 : a->id > b->id;
}

static int cmp_feat_w(const void *x, const void *y) {
    const cri_bfeat *a = x, *b = y;
    if (a->w != b->w) return a->w > b->w ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

static bool is_foreign(const cr_doc *d) {
    return d->language && d->language[0] && !(d->language[0] == 'e' && d->language[1] == 'n');
}

/* Feature weight multiplier by kind: names and entities say more than
 * common words about which fact a sentence reports. */
static float kind_weight(char k) {
    switch (k) {
    case CRI_BF_ENTITY: return 1.5f;
    case CRI_BF_DATE: return 1.0f;
    case CRI_BF_NUM: return 1.2f;
    case CRI_BF_NAME: return 1.3f;
    default: return 1.0f;
    }
}

/* Ranges of annotations per sentence, by a sweep when the annotations are
 * in text order (linear), else the whole array (correct, slower). */
#define SPAN_SORTED(arr, n, sorted)                                                     \
    do {                                                                                \
        sorted = true;                                                                  \
        for (size_t i_ = 1; i_ < (n) && sorted; i_++)                                   \
            if ((arr)[i_].start < (arr)[i_ - 1].start) sorted = false;                  \
    } while (0)

typedef struct sweep { bool ms, ds, qs; size_t pm, pd, pq; } sweep;

static void sweep_init(sweep *w, const cr_doc *d) {
    memset(w, 0, sizeof *w);
    SPAN_SORTED(d->mentions, d->n_mentions, w->ms);
    SPAN_SORTED(d->dates, d->n_dates, w->ds);
    SPAN_SORTED(d->quantities, d->n_quantities, w->qs);
}

/* Sentences come in text order, so the three pointers only move forward. */
static void sweep_unit(sweep *w, const cr_doc *d, cri_bunit *u) {
    const cri_sentence *s = &d->sents[u->sent];
    if (w->ms) {
        while (w->pm < d->n_mentions && d->mentions[w->pm].start < s->start) w->pm++;
        size_t e = w->pm;
        while (e < d->n_mentions && d->mentions[e].start < s->end) e++;
        u->m0 = (uint32_t)w->pm;
        u->m1 = (uint32_t)e;
    } else {
        u->m0 = 0;
        u->m1 = (uint32_t)d->n_mentions;
    }
    if (w->ds) {
        while (w->pd < d->n_dates && d->dates[w->pd].start < s->start) w->pd++;
        size_t e = w->pd;
        while (e < d->n_dates && d->dates[e].start < s->end) e++;
        u->d0 = (uint32_t)w->pd;
        u->d1 = (uint32_t)e;
    } else {
        u->d0 = 0;
        u->d1 = (uint32_t)d->n_dates;
    }
    if (w->qs) {
        while (w->pq < d->n_quantities && d->quantities[w->pq].start < s->start) w->pq++;
        size_t e = w->pq;
        while (e < d->n_quantities && d->quantities[e].start < s->end) e++;
        u->q0 = (uint32_t)w->pq;
        u->q1 = (uint32_t)e;
    } else {
        u->q0 = 0;
        u->q1 = (uint32_t)d->n_quantities;
    }
}

cr_status cri_facts_units(cr_corpus *c, cri_brief *b) {
    cr_ctx *ctx = c->ctx;
    cri_strmap dups;
    if (cri_strmap_init(&b->vocab, 1024, ctx->opt.seed) ||
        cri_strmap_init(&dups, 1024, ctx->opt.seed ^ 0x5bd1e995u))
        return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    cr_status st = CR_OK;
    cri_buf key = {0};
    cri_bfeat *tmp = NULL;
    size_t n_tmp = 0, cap_tmp = 0;

    for (size_t sd = 0; sd < b->n_docs; sd++) {
        const cr_doc *d = c->docs[b->docs[sd].doc];
        bool foreign = is_foreign(d);
        b->docs[sd].foreign = foreign;
        sweep sw;
        sweep_init(&sw, d);
        for (size_t si = 0; si < d->n_sents; si++) {
            if (b->n_units >= CRI_BRIEF_MAX_UNITS) break;
            const cri_sentence *s = &d->sents[si];
            cri_bunit *u = CRI_PUSH(b->units, b->n_units, b->cap_units);
            if (!u) goto nomem;
            uint32_t ui = (uint32_t)(b->n_units - 1);
            u->doc = (uint32_t)b->docs[sd].doc;
            u->sdoc = (uint32_t)sd;
            u->sent = (uint32_t)si;
            u->pos = (uint32_t)si;
            u->fact = -1;
            u->dup_of = ui;
            sweep_unit(&sw, d, u);
            uint32_t nw = 0;
            uint32_t te = s->tok_end < d->n_toks ? s->tok_end : (uint32_t)d->n_toks;
            for (uint32_t t = s->tok_first; t < te; t++)
                if (!(d->toks[t].flags & CRI_TOK_PUNCT)) nw++;
            u->nwords = nw;
            u->flags = sentence_flags(d, s, nw);
            if (foreign) u->flags |= CRI_BU_FOREIGN;

            /* same words as an earlier sentence: a copy, shares its features */
            cri_buf_clear(&key);
            for (uint32_t t = s->tok_first; t < te; t++) {
                if (cri_buf_puts(&key, cri_tok_key(d, &d->toks[t])) || cri_buf_putc(&key, ' '))
                    goto nomem;
            }
            if (nw >= 4) {
                bool fresh;
                int64_t *v = cri_strmap_upsert(&dups, key.data, key.len, (int64_t)ui, &fresh);
                if (!v) goto nomem;
                if (!fresh && b->units[*v].sdoc != sd) {
                    u->dup_of = (uint32_t)*v;
                    u->flags |= CRI_BU_DUP;
                    u->feat_first = b->units[*v].feat_first;
                    u->feat_n = b->units[*v].feat_n;
                    continue;
                }
            }
            if (foreign) continue;

            /* features */
            n_tmp = 0;
            for (uint32_t t = s->tok_first; t < te; t++) {
                const cri_token *tk = &d->toks[t];
                if (!tok_is_content(d, tk)) continue;
                bool num = tok_is_num(d, tk);
                if (num) {
                    /* a number inside a quantity or a date counts once, by
                     * its normalized value (below) */
                    bool covered = false;
                    for (size_t m = u->q0; m < u->q1 && !covered; m++)
                        if (d->quantities[m].start <= tk->start && tk->end <= d->quantities[m].end) covered = true;
                    for (size_t m = u->d0; m < u->d1 && !covered; m++)
                        if (d->dates[m].start <= tk->start && tk->end <= d->dates[m].end) covered = true;
                    if (covered) continue;
                }
                char kind = num ? CRI_BF_NUM : tok_is_name(d, tk) ? CRI_BF_NAME : CRI_BF_STEM;
                const char *stem = num ? cri_tok_key(d, tk) : cri_tok_stem(d, tk);
                size_t sl = num ? tk->key_len : tk->stem_len;
                if (!sl) continue;
                /* a name and the same word in lower case are one feature */
                int64_t id = feat_id(b, kind == CRI_BF_NAME ? CRI_BF_STEM : kind, stem, sl, true);
                if (id < 0) goto nomem;
                cri_bfeat *f = CRI_PUSH(tmp, n_tmp, cap_tmp);
                if (!f) goto nomem;
                f->id = (uint32_t)id;
                f->w = kind_weight(kind);
            }
            for (size_t m = u->m0; m < u->m1; m++) {
                const cri_mention *mn = &d->mentions[m];
                if (mn->caption >= 0 || mn->entity < 0 || mn->start < s->start || mn->end > s->end)
                    continue;
                char eb[24];
                int el = snprintf(eb, sizeof eb, "%d", (int)mn->entity);
                int64_t id = feat_id(b, CRI_BF_ENTITY, eb, (size_t)el, true);
                if (id < 0) goto nomem;
                cri_bfeat *f = CRI_PUSH(tmp, n_tmp, cap_tmp);
                if (!f) goto nomem;
                f->id = (uint32_t)id;
                f->w = kind_weight(CRI_BF_ENTITY);
            }
            for (size_t m = u->d0; m < u->d1; m++) {
                const cri_timex *tx = &d->dates[m];
                if (!tx->value || tx->start < s->start || tx->end > s->end) continue;
                size_t vl = strlen(tx->value);
                for (int pass = 0; pass < 2; pass++) {
                    /* a day also stands for its month */
                    size_t l = pass == 0 ? vl : 7;
                    if (pass == 1 && !(vl == 10 && tx->value[4] == '-')) break;
                    int64_t id = feat_id(b, CRI_BF_DATE, tx->value, l, true);
                    if (id < 0) goto nomem;
                    cri_bfeat *f = CRI_PUSH(tmp, n_tmp, cap_tmp);
                    if (!f) goto nomem;
                    f->id = (uint32_t)id;
                    f->w = kind_weight(CRI_BF_DATE);
                }
            }
            for (size_t m = u->q0; m < u->q1; m++) {
                const cri_quantity *q = &d->quantities[m];
                if (q->start < s->start || q->end > s->end || !isfinite(q->value)) continue;
                char vb[40];
                cri_fmt_double(vb, sizeof vb, q->value);
                int64_t id = feat_id(b, CRI_BF_NUM, vb, strlen(vb), true);
                if (id < 0) goto nomem;
                cri_bfeat *f = CRI_PUSH(tmp, n_tmp, cap_tmp);
                if (!f) goto nomem;
                f->id = (uint32_t)id;
                f->w = kind_weight(CRI_BF_NUM);
            }
            if (n_tmp > 1) qsort(tmp, n_tmp, sizeof *tmp, cmp_feat);
            size_t k = 0;
            for (size_t i = 0; i < n_tmp; i++) {
                if (k && tmp[k - 1].id == tmp[i].id) {
                    if (tmp[i].w > tmp[k - 1].w) tmp[k - 1].w = tmp[i].w;
                    continue;
                }
                tmp[k++] = tmp[i];
            }
            u = &b->units[ui];
            u->feat_first = (uint32_t)b->n_feats;
            u->feat_n = (uint32_t)k;
            for (size_t i = 0; i < k; i++) {
                cri_bfeat *f = CRI_PUSH(b->feats, b->n_feats, b->cap_feats);
                if (!f) goto nomem;
                *f = tmp[i];
                b->df[tmp[i].id]++;
            }
        }
    }

    /* weights: inverse sentence frequency times kind; keep the strongest
     * features of very long sentences */
    {
        double nu = 0;
        for (size_t i = 0; i < b->n_units; i++)
            if (b->units[i].dup_of == i && !(b->units[i].flags & CRI_BU_FOREIGN)) nu++;
        for (size_t i = 0; i < b->n_units; i++) {
            cri_bunit *u = &b->units[i];
            if (u->dup_of != i) continue;
            cri_bfeat *fs = b->feats + u->feat_first;
            double norm = 0;
            for (size_t k = 0; k < u->feat_n; k++) {
                double idf = log(1.0 + (nu + 1.0) / (double)(b->df[fs[k].id] ? b->df[fs[k].id] : 1));
                fs[k].w = (float)(fs[k].w * idf);
            }
            if (u->feat_n > CRI_BRIEF_MAX_FEATS) {
                qsort(fs, u->feat_n, sizeof *fs, cmp_feat_w);
                u->feat_n = CRI_BRIEF_MAX_FEATS;
                qsort(fs, u->feat_n, sizeof *fs, cmp_feat);
            }
            for (size_t k = 0; k < u->feat_n; k++) norm += (double)fs[k].w * fs[k].w;
            u->norm = (float)sqrt(norm);
        }
        for (size_t i = 0; i < b->n_units; i++) {
            cri_bunit *u = &b->units[i];
            if (u->dup_of != i) {
                u->feat_first = b->units[u->dup_of].feat_first;
                u->feat_n = b->units[u->dup_of].feat_n;
                u->norm = b->units[u->dup_of].norm;
            }
        }
    }

    /* distinct outlets holding each feature (for unique details): walk the
     * documents outlet by outlet so a "last outlet seen" mark is enough */
    b->feat_outlets = calloc(b->n_vocab ? b->n_vocab : 1, sizeof *b->feat_outlets);
    b->feat_last_outlet = malloc((b->n_vocab ? b->n_vocab : 1) * sizeof *b->feat_last_outlet);
    size_t *order = malloc((b->n_docs ? b->n_docs : 1) * sizeof *order);
    size_t *first_unit = calloc(b->n_docs + 1, sizeof *first_unit);
    if (!b->feat_outlets || !b->feat_last_outlet || !order || !first_unit) {
        free(order);
        free(first_unit);
        goto nomem;
    }
    for (size_t i = 0; i < b->n_vocab; i++) b->feat_last_outlet[i] = UINT32_MAX;
    /* units of a document are contiguous: first_unit[sd]..first_unit[sd+1] */
    for (size_t sd = 0; sd <= b->n_docs; sd++) first_unit[sd] = b->n_units;
    for (size_t i = b->n_units; i-- > 0;) first_unit[b->units[i].sdoc] = i;
    for (size_t sd = b->n_docs; sd-- > 0;)
        if (first_unit[sd] > first_unit[sd + 1]) first_unit[sd] = first_unit[sd + 1];
    {
        rank_item *r = malloc((b->n_docs ? b->n_docs : 1) * sizeof *r);
        if (!r) {
            free(order);
            free(first_unit);
            goto nomem;
        }
        for (size_t sd = 0; sd < b->n_docs; sd++) {
            r[sd].score = -(double)b->outlet_of[sd];
            r[sd].key = (uint32_t)sd;
            r[sd].idx = (uint32_t)sd;
        }
        qsort(r, b->n_docs, sizeof *r, cmp_rank);
        for (size_t k = 0; k < b->n_docs; k++) order[k] = r[k].idx;
        free(r);
    }
    for (size_t oi = 0; oi < b->n_docs; oi++) {
        size_t sd = order[oi];
        size_t ustart = first_unit[sd], uend = first_unit[sd + 1];
        for (size_t i = ustart; i < uend; i++) {
            const cri_bunit *u = &b->units[i];
            if (u->flags & CRI_BU_FOREIGN) continue;
            for (size_t k = 0; k < u->feat_n; k++) {
                uint32_t f = b->feats[u->feat_first + k].id;
                if (b->feat_last_outlet[f] != b->outlet_of[sd]) {
                    b->feat_last_outlet[f] = b->outlet_of[sd];
                    b->feat_outlets[f]++;
                }
            }
        }
    }
    free(order);
    free(first_unit);
    goto done;
nomem:
    st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
done:
    free(tmp);
    cri_buf_free(&key);
    cri_strmap_free(&dups);
    return st;
}

double cri_facts_sim(const cri_brief *b, uint32_t x, uint32_t y) {
    const cri_bunit *a = &b->units[x], *c = &b->units[y];
    if (!a->norm || !c->norm) return 0;
    const cri_bfeat *fa = b->feats + a->feat_first, *fc = b->feats + c->feat_first;
    size_t i = 0, j = 0;
    double dot = 0;
    while (i < a->feat_n && j < c->feat_n) {
        if (fa[i].id == fc[j].id) {
            dot += (double)fa[i].w * fc[j].w;
            i++;
            j++;
        } else if (fa[i].id < fc[j].id) i++;
        else j++;
    }
    return dot / ((double)a->norm * c->norm);
}

/* ---- grouping ---------------------------------------------------------------------- */

typedef struct edge { uint32_t x, y; float sim; } edge;

static int cmp_edge(const void *p, const void *q) {
    const edge *a = p, *b = q;
    if (a->sim != b->sim) return a->sim > b->sim ? -1 : 1;
    if (a->x != b->x) return a->x < b->x ? -1 : 1;
    return a->y < b->y ? -1 : a->y > b->y;
}

static uint32_t uf_find(uint32_t *p, uint32_t x) {
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static bool groupable(const cri_bunit *u, uint32_t i) {
    return u->dup_of == i && !(u->flags & (CRI_BU_FOREIGN | CRI_BU_BOILER)) && u->feat_n >= 2;
}

typedef struct cand { uint32_t y; float dot; } cand;

static int cmp_cand(const void *p, const void *q) {
    const cand *a = p, *b = q;
    if (a->dot != b->dot) return a->dot > b->dot ? -1 : 1;
    return a->y < b->y ? -1 : a->y > b->y;
}

static int cmp_u32(const void *p, const void *q) {
    uint32_t a = *(const uint32_t *)p, b = *(const uint32_t *)q;
    return a < b ? -1 : a > b;
}


cr_status cri_facts_group(cr_corpus *c, cri_brief *b) {
    cr_ctx *ctx = c->ctx;
    size_t nu = b->n_units, nv = b->n_vocab;
    cr_status st = CR_OK;
    uint32_t *pstart = calloc(nv + 1, sizeof *pstart);
    uint32_t *post = NULL, *fill = NULL, *parent = NULL, *next = NULL, *last = NULL,
             *size = NULL, *seed = NULL, *mark = NULL, *cnt = NULL, *stamp = NULL;
    float *acc = NULL;
    uint32_t *touched = NULL;
    edge *edges = NULL;
    size_t n_edges = 0, cap_edges = 0;
    cand *cands = NULL;
    if (!pstart) goto nomem;

    /* inverted index over groupable units */
    for (size_t i = 0; i < nu; i++) {
        const cri_bunit *u = &b->units[i];
        if (!groupable(u, (uint32_t)i)) continue;
        for (size_t k = 0; k < u->feat_n; k++) pstart[b->feats[u->feat_first + k].id + 1]++;
    }
    for (size_t f = 0; f < nv; f++) pstart[f + 1] += pstart[f];
    post = malloc((pstart[nv] ? pstart[nv] : 1) * sizeof *post);
    fill = malloc((nv ? nv : 1) * sizeof *fill);
    if (!post || !fill) goto nomem;
    memcpy(fill, pstart, nv * sizeof *fill);
    for (size_t i = 0; i < nu; i++) {
        const cri_bunit *u = &b->units[i];
        if (!groupable(u, (uint32_t)i)) continue;
        for (size_t k = 0; k < u->feat_n; k++) post[fill[b->feats[u->feat_first + k].id]++] = (uint32_t)i;
    }

    /* candidate pairs (y > x, other article), exact cosine for the best */
    acc = calloc(nu ? nu : 1, sizeof *acc);
    touched = malloc((nu ? nu : 1) * sizeof *touched);
    cands = malloc((nu ? nu : 1) * sizeof *cands);
    if (!acc || !touched || !cands) goto nomem;
    for (size_t x = 0; x < nu; x++) {
        const cri_bunit *u = &b->units[x];
        if (!groupable(u, (uint32_t)x)) continue;
        size_t nt = 0;
        for (size_t k = 0; k < u->feat_n; k++) {
            const cri_bfeat *f = &b->feats[u->feat_first + k];
            uint32_t lo = pstart[f->id], hi = pstart[f->id + 1];
            if (hi - lo > CRI_BRIEF_MAX_POSTINGS || hi - lo < 2) continue;
            for (uint32_t p = lo; p < hi; p++) {
                uint32_t y = post[p];
                if (y <= x || b->units[y].sdoc == u->sdoc) continue;
                if (acc[y] == 0) touched[nt++] = y;
                acc[y] += f->w * f->w;
            }
        }
        for (size_t t = 0; t < nt; t++) {
            cands[t].y = touched[t];
            cands[t].dot = acc[touched[t]] / (u->norm * b->units[touched[t]].norm);
            acc[touched[t]] = 0;
        }
        if (nt > CRI_BRIEF_MAX_CANDIDATES) {
            qsort(cands, nt, sizeof *cands, cmp_cand);
            nt = CRI_BRIEF_MAX_CANDIDATES;
        }
        for (size_t t = 0; t < nt; t++) {
            if (cands[t].dot < SIM_THRESHOLD * 0.5) continue;
            double sim = cri_facts_sim(b, (uint32_t)x, cands[t].y);
            if (sim < SIM_THRESHOLD) continue;
            edge *e = CRI_PUSH(edges, n_edges, cap_edges);
            if (!e) goto nomem;
            e->x = (uint32_t)x;
            e->y = cands[t].y;
            e->sim = (float)sim;
        }
    }
    if (n_edges > 1) qsort(edges, n_edges, sizeof *edges, cmp_edge);

    /* merge best first, with at most PER_DOC sentences of one article per
     * group and seeds that still resemble each other */
    parent = malloc((nu ? nu : 1) * sizeof *parent);
    next = malloc((nu ? nu : 1) * sizeof *next);
    last = malloc((nu ? nu : 1) * sizeof *last);
    size = malloc((nu ? nu : 1) * sizeof *size);
    seed = malloc((nu ? nu : 1) * sizeof *seed);
    cnt = calloc(b->n_docs ? b->n_docs : 1, sizeof *cnt);
    stamp = calloc(b->n_docs ? b->n_docs : 1, sizeof *stamp);
    if (!parent || !next || !last || !size || !seed || !cnt || !stamp) goto nomem;
    for (size_t i = 0; i < nu; i++) {
        parent[i] = last[i] = seed[i] = (uint32_t)i;
        next[i] = UINT32_MAX;
        size[i] = 1;
    }
    uint32_t epoch = 0;
    for (size_t e = 0; e < n_edges; e++) {
        uint32_t ra = uf_find(parent, edges[e].x), rb = uf_find(parent, edges[e].y);
        if (ra == rb) continue;
        if (size[ra] + size[rb] > 2 * b->n_docs + 2) continue;
        if (size[ra] > 1 || size[rb] > 1) {
            /* average link over (up to) the first members of each group:
             * a sentence joins a fact when it resembles the fact, not
             * just its nearest member */
            double sum = 0;
            int np = 0, close = 0;
            int ka = 0;
            for (uint32_t m = ra; m != UINT32_MAX && ka < 6; m = next[m], ka++) {
                int kb = 0;
                for (uint32_t q = rb; q != UINT32_MAX && kb < 6; q = next[q], kb++) {
                    double sim = cri_facts_sim(b, m, q);
                    sum += sim;
                    close += sim >= LINK_THRESHOLD * 0.6;
                    np++;
                }
            }
            /* on average close, or close to most members (a fact's short
             * sentences resemble its long ones only in part) */
            if (np && sum / np < LINK_THRESHOLD && close * 10 < np * 6) continue;
        }
        epoch++;
        bool ok = true;
        for (uint32_t m = ra; m != UINT32_MAX; m = next[m]) {
            uint32_t sd = b->units[m].sdoc;
            if (stamp[sd] != epoch) { stamp[sd] = epoch; cnt[sd] = 0; }
            cnt[sd]++;
        }
        for (uint32_t m = rb; m != UINT32_MAX && ok; m = next[m]) {
            uint32_t sd = b->units[m].sdoc;
            if (stamp[sd] != epoch) { stamp[sd] = epoch; cnt[sd] = 0; }
            if (++cnt[sd] > CRI_BRIEF_PER_DOC_IN_FACT) ok = false;
        }
        if (!ok) continue;
        /* the larger group's seed stays; lists are joined */
        uint32_t big = size[ra] >= size[rb] ? ra : rb, small = big == ra ? rb : ra;
        parent[small] = big;
        next[last[big]] = small;
        last[big] = last[small];
        size[big] += size[small];
    }

    /* groups -> facts */
    {
        size_t nf = 0;
        mark = malloc((nu ? nu : 1) * sizeof *mark);
        if (!mark) goto nomem;
        for (size_t i = 0; i < nu; i++) mark[i] = UINT32_MAX;
        for (size_t i = 0; i < nu; i++) {
            const cri_bunit *u = &b->units[i];
            if (u->dup_of != i || (u->flags & CRI_BU_FOREIGN)) continue;
            uint32_t r = uf_find(parent, (uint32_t)i);
            if (mark[r] == UINT32_MAX) mark[r] = (uint32_t)nf++;
            b->units[i].fact = (int32_t)mark[r];
        }
        for (size_t i = 0; i < nu; i++) {
            cri_bunit *u = &b->units[i];
            if (u->dup_of != i) u->fact = b->units[u->dup_of].fact;
        }
        b->facts = calloc(nf ? nf : 1, sizeof *b->facts);
        if (!b->facts) goto nomem;
        b->n_facts = nf;
        size_t *counts = calloc(nf ? nf : 1, sizeof *counts);
        if (!counts) goto nomem;
        for (size_t i = 0; i < nu; i++)
            if (b->units[i].fact >= 0) counts[b->units[i].fact]++;
        for (size_t f = 0; f < nf; f++) {
            b->facts[f].units = cri_arena_alloc(&b->arena, (counts[f] ? counts[f] : 1) * sizeof(uint32_t));
            if (!b->facts[f].units) {
                free(counts);
                goto nomem;
            }
        }
        free(counts);
        for (size_t i = 0; i < nu; i++) {
            int32_t f = b->units[i].fact;
            if (f >= 0) b->facts[f].units[b->facts[f].n_units++] = (uint32_t)i;
        }
    }

    /* per fact: documents, outlets, independent sources, representative */
    {
        uint32_t *sdocs = malloc((b->n_docs ? b->n_docs : 1) * sizeof *sdocs);
        uint32_t *outs = malloc((b->n_docs ? b->n_docs : 1) * sizeof *outs);
        if (!sdocs || !outs) {
            free(sdocs);
            free(outs);
            goto nomem;
        }
        for (size_t f = 0; f < b->n_facts; f++) {
            cri_bfact *F = &b->facts[f];
            size_t nd = 0, no = 0;
            epoch++;
            for (size_t k = 0; k < F->n_units; k++) {
                uint32_t sd = b->units[F->units[k]].sdoc;
                if (stamp[sd] != epoch) {
                    stamp[sd] = epoch;
                    sdocs[nd++] = sd;
                    outs[no++] = b->outlet_of[sd];
                }
            }
            qsort(outs, no, sizeof *outs, cmp_u32);
            size_t dn = 0;
            for (size_t k = 0; k < no; k++)
                if (!k || outs[k] != outs[k - 1]) dn++;
            F->n_docs = (uint32_t)nd;
            F->n_outlets = (uint32_t)dn;
            F->n_indep = cri_provenance_count(b, sdocs, nd);

            /* representative: covers most of what the other articles say,
             * not a quote or a claim; among the first canonical members */
            double best = -1;
            size_t lim = F->n_units < 40 ? F->n_units : 40;
            F->rep = F->units[0];
            for (size_t k = 0; k < lim; k++) {
                uint32_t x = F->units[k];
                const cri_bunit *u = &b->units[x];
                if (u->dup_of != x) continue;
                double cover = 0;
                for (size_t q = 0; q < u->feat_n; q++) {
                    const cri_bfeat *fe = &b->feats[u->feat_first + q];
                    for (size_t k2 = 0; k2 < lim; k2++) {
                        const cri_bunit *v = &b->units[F->units[k2]];
                        if (v->sdoc == u->sdoc || v->dup_of != F->units[k2]) continue;
                        const cri_bfeat *fv = b->feats + v->feat_first;
                        size_t lo = 0, hi = v->feat_n;
                        while (lo < hi) {
                            size_t mid = (lo + hi) / 2;
                            if (fv[mid].id < fe->id) lo = mid + 1;
                            else hi = mid;
                        }
                        if (lo < v->feat_n && fv[lo].id == fe->id) {
                            cover += fe->w;
                            break;
                        }
                    }
                }
                double score = cover + 0.05 * u->feat_n;
                if (u->flags & (CRI_BU_QUOTE | CRI_BU_CLAIM | CRI_BU_QUESTION)) score *= 0.5;
                if (u->flags & CRI_BU_SHORT) score *= 0.5;
                if (u->nwords > 60) score *= 0.7;
                if (score > best) {
                    best = score;
                    F->rep = x;
                }
            }
            double info = b->units[F->rep].norm;
            /* news leads state the main event: a fact told in the first
             * sentences of its articles ranks above one told later */
            double lead = 0;
            for (size_t k = 0; k < F->n_units; k++) lead += b->units[F->units[k]].pos <= 1;
            F->score = 3.0 * F->n_indep + 1.5 * F->n_outlets + 0.5 * F->n_docs + 0.1 * log(1 + info) +
                       1.5 * lead / (double)F->n_units;
        }
        free(sdocs);
        free(outs);
    }

    /* rank: corroborated facts first, by independent support */
    {
        rank_item *r = malloc((b->n_facts ? b->n_facts : 1) * sizeof *r);
        cri_bfact *sorted = malloc((b->n_facts ? b->n_facts : 1) * sizeof *sorted);
        uint32_t *newidx = malloc((b->n_facts ? b->n_facts : 1) * sizeof *newidx);
        if (!r || !sorted || !newidx) {
            free(r);
            free(sorted);
            free(newidx);
            goto nomem;
        }
        for (size_t f = 0; f < b->n_facts; f++) {
            const cri_bunit *rep = &b->units[b->facts[f].rep];
            r[f].score = b->facts[f].score + (b->facts[f].n_docs >= 2 ? 1000 : 0);
            r[f].key = rep->sdoc * 65536u + (rep->pos < 65535 ? rep->pos : 65535);
            r[f].idx = (uint32_t)f;
        }
        qsort(r, b->n_facts, sizeof *r, cmp_rank);
        b->n_shown_facts = 0;
        for (size_t k = 0; k < b->n_facts; k++) {
            sorted[k] = b->facts[r[k].idx];
            newidx[r[k].idx] = (uint32_t)k;
            if (sorted[k].n_docs >= 2) b->n_shown_facts++;
        }
        memcpy(b->facts, sorted, b->n_facts * sizeof *sorted);
        for (size_t i = 0; i < nu; i++)
            if (b->units[i].fact >= 0) b->units[i].fact = (int32_t)newidx[b->units[i].fact];
        free(r);
        free(sorted);
        free(newidx);
    }
    goto done;
nomem:
    st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
done:
    free(pstart);
    free(post);
    free(fill);
    free(acc);
    free(touched);
    free(cands);
    free(edges);
    free(parent);
    free(next);
    free(last);
    free(size);
    free(seed);
    free(mark);
    free(cnt);
    free(stamp);
    return st;
}

/* ---- unique details ---------------------------------------------------------------- */

static int cmp_unique(const void *p, const void *q) {
    const cri_bunique *a = p, *b = q;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    return a->unit < b->unit ? -1 : a->unit > b->unit;
}

/* The words of unit x that no other outlet uses, joined into phrases
 * ("Shin Won-sik", "1.6 million"); names and numbers are listed first.
 * Returns a weight (names and numbers count double); *names counts the
 * novel names and numbers. */
typedef struct phrase { uint32_t start, end; bool name; } phrase;

static double novel_words(cr_corpus *c, cri_brief *b, uint32_t x, cri_buf *out, int *names) {
    const cri_bunit *u = &b->units[x];
    const cr_doc *d = c->docs[u->doc];
    const cri_sentence *s = &d->sents[u->sent];
    double w = 0;
    uint32_t te = s->tok_end < d->n_toks ? s->tok_end : (uint32_t)d->n_toks;
    phrase ph[16];
    size_t np = 0;
    *names = 0;
    for (uint32_t t = s->tok_first; t < te; t++) {
        const cri_token *tk = &d->toks[t];
        if (!tok_is_content(d, tk)) continue;
        bool num = tok_is_num(d, tk);
        int64_t id = num ? feat_id(b, CRI_BF_NUM, cri_tok_key(d, tk), tk->key_len, false)
                         : feat_id(b, CRI_BF_STEM, cri_tok_stem(d, tk), tk->stem_len, false);
        if (id < 0 || b->feat_outlets[id] != 1) continue;
        bool name = num || tok_is_name(d, tk);
        w += name ? 2.0 : 1.0;
        *names += name;
        /* join with the previous novel word when only spaces, hyphens or a
         * decimal point lie between */
        bool join = false;
        if (np && ph[np - 1].end <= tk->start && tk->start - ph[np - 1].end <= 3) {
            join = true;
            for (uint32_t i = ph[np - 1].end; i < tk->start; i++) {
                char ch = d->body[i];
                if (ch != ' ' && ch != '-' && ch != '.' && ch != ',') join = false;
            }
            if (join && d->body[ph[np - 1].end] == ',' ) join = false;
        }
        if (join) {
            ph[np - 1].end = tk->end;
            ph[np - 1].name |= name;
        } else if (np < 16) {
            ph[np].start = tk->start;
            ph[np].end = tk->end;
            ph[np].name = name;
            np++;
        }
    }
    /* a figure only this outlet gives ("a hundred billion dollars") */
    for (size_t m = u->q0; m < u->q1; m++) {
        const cri_quantity *q = &d->quantities[m];
        if (q->start < s->start || q->end > s->end || !isfinite(q->value)) continue;
        char vb[40];
        cri_fmt_double(vb, sizeof vb, q->value);
        int64_t id = feat_id(b, CRI_BF_NUM, vb, strlen(vb), false);
        if (id < 0 || b->feat_outlets[id] != 1) continue;
        bool inside = false;
        for (size_t i = 0; i < np && !inside; i++) inside = ph[i].start <= q->start && q->end <= ph[i].end;
        for (size_t i = 0; i < np && !inside; i++)
            if (ph[i].start >= q->start && ph[i].end <= q->end) {
                ph[i].start = q->start;
                ph[i].end = q->end;
                ph[i].name = true;
                inside = true;
            }
        w += 2.0;
        *names += 1;
        if (!inside && np < 16) {
            ph[np].start = q->start;
            ph[np].end = q->end;
            ph[np].name = true;
            np++;
        }
    }
    if (out) {
        size_t shown = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < np && shown < 5; i++) {
                if (ph[i].name != (pass == 0)) continue;
                if (out->len) cri_buf_puts(out, ", ");
                cri_buf_append(out, d->body + ph[i].start, ph[i].end - ph[i].start);
                shown++;
            }
    }
    return w;
}

cr_status cri_facts_unique(cr_corpus *c, cri_brief *b) {
    if (b->n_outlets < 2) return CR_OK;  /* one outlet: nothing to compare against */
    cri_buf tmp = {0};
    for (size_t f = 0; f < b->n_facts; f++) {
        const cri_bfact *F = &b->facts[f];
        if (F->n_outlets == 1) {
            uint32_t x = F->rep;
            const cri_bunit *u = &b->units[x];
            if (u->flags & (CRI_BU_BOILER | CRI_BU_QUESTION | CRI_BU_SHORT)) continue;
            cri_buf_clear(&tmp);
            int names;
            double w = novel_words(c, b, x, &tmp, &names);
            if (w < 2) continue;
            double score = w + 2.0;
            if (u->flags & CRI_BU_QUOTE) score *= 0.5;
            cri_bunique *q = CRI_PUSH(b->unique, b->n_unique, b->cap_unique);
            if (!q) goto nomem;
            q->unit = x;
            q->score = score;
            q->details = tmp.len ? cri_arena_strndup(&b->arena, tmp.data, tmp.len) : NULL;
        } else {
            /* a corroborated fact: an article may still add its own detail */
            for (size_t k = 0; k < F->n_units; k++) {
                uint32_t x = F->units[k];
                const cri_bunit *u = &b->units[x];
                if (u->dup_of != x || (u->flags & (CRI_BU_BOILER | CRI_BU_QUESTION))) continue;
                cri_buf_clear(&tmp);
                int names;
                double w = novel_words(c, b, x, &tmp, &names);
                if (w < 3 || names < 1) continue;
                cri_bunique *q = CRI_PUSH(b->unique, b->n_unique, b->cap_unique);
                if (!q) goto nomem;
                q->unit = x;
                q->score = w;
                q->details = tmp.len ? cri_arena_strndup(&b->arena, tmp.data, tmp.len) : NULL;
            }
        }
    }
    if (b->n_unique > 1) qsort(b->unique, b->n_unique, sizeof *b->unique, cmp_unique);
    size_t cap = 5 * b->n_docs;
    if (cap < 8) cap = 8;
    if (cap > CRI_BRIEF_MAX_UNIQUE) cap = CRI_BRIEF_MAX_UNIQUE;
    if (b->n_unique > cap) {
        /* spread over the articles: a long article must not crowd out the
         * one detail a short one adds; best first within each pass */
        size_t quota = cap / b->n_docs;
        if (quota < 2) quota = 2;
        uint32_t *per = calloc(b->n_docs, sizeof *per);
        bool *take = calloc(b->n_unique, sizeof *take);
        if (!per || !take) {
            free(per);
            free(take);
            goto nomem;
        }
        size_t n = 0;
        for (size_t i = 0; i < b->n_unique && n < cap; i++) {
            uint32_t sd = b->units[b->unique[i].unit].sdoc;
            if (per[sd] < quota) {
                per[sd]++;
                take[i] = true;
                n++;
            }
        }
        for (size_t i = 0; i < b->n_unique && n < cap; i++)
            if (!take[i]) {
                take[i] = true;
                n++;
            }
        size_t w = 0;
        for (size_t i = 0; i < b->n_unique; i++)
            if (take[i]) b->unique[w++] = b->unique[i];
        b->n_unique = w;
        free(per);
        free(take);
    }
    cri_buf_free(&tmp);
    return CR_OK;
nomem:
    cri_buf_free(&tmp);
    return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
}

/* ---- entities and variants ------------------------------------------------------------ */

cr_status cri_facts_entities(cr_corpus *c, cri_brief *b) {
    cri_strmap seen;
    if (cri_strmap_init(&seen, 64, c->ctx->opt.seed)) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    cr_status st = CR_OK;
    /* index into b->entities per entity id, via map "id" -> slot */
    for (size_t sd = 0; sd < b->n_docs; sd++) {
        const cr_doc *d = c->docs[b->docs[sd].doc];
        if (b->docs[sd].foreign) continue;
        for (size_t m = 0; m < d->n_mentions; m++) {
            const cri_mention *mn = &d->mentions[m];
            if (mn->entity < 0 || mn->caption >= 0 || mn->end > d->body_len || mn->end <= mn->start) continue;
            char kb[24];
            int kl = snprintf(kb, sizeof kb, "%d", (int)mn->entity);
            bool fresh;
            int64_t *slot = cri_strmap_upsert(&seen, kb, (size_t)kl, (int64_t)b->n_entities, &fresh);
            if (!slot) goto nomem;
            if (fresh) {
                cri_bentity *e = CRI_PUSH(b->entities, b->n_entities, b->cap_entities);
                if (!e) goto nomem;
                e->entity = mn->entity;
                e->type = mn->type;
            }
            cri_bentity *e = &b->entities[*slot];
            const char *txt = d->body + mn->start;
            size_t tl = mn->end - mn->start;
            size_t v;
            for (v = 0; v < e->n_variants; v++)
                if (strlen(e->variants[v].text) == tl && memcmp(e->variants[v].text, txt, tl) == 0) break;
            if (v == e->n_variants) {
                if (e->n_variants >= 16) continue;
                cri_bvariant *nv = cri_arena_alloc(&b->arena, (e->n_variants + 1) * sizeof *nv);
                if (!nv) goto nomem;
                if (e->n_variants) memcpy(nv, e->variants, e->n_variants * sizeof *nv);
                e->variants = nv;
                nv[v].text = cri_arena_strndup(&b->arena, txt, tl);
                nv[v].docs = cri_arena_alloc(&b->arena, b->n_docs * sizeof(size_t));
                nv[v].n_docs = 0;
                if (!nv[v].text || !nv[v].docs) goto nomem;
                e->n_variants++;
            }
            cri_bvariant *var = &e->variants[v];
            if (!var->n_docs || var->docs[var->n_docs - 1] != sd) var->docs[var->n_docs++] = sd;
        }
    }
    /* order variants: most documents first; count documents per entity */
    for (size_t i = 0; i < b->n_entities; i++) {
        cri_bentity *e = &b->entities[i];
        for (size_t a = 1; a < e->n_variants; a++) {
            cri_bvariant t = e->variants[a];
            size_t k = a;
            while (k > 0 && e->variants[k - 1].n_docs < t.n_docs) {
                e->variants[k] = e->variants[k - 1];
                k--;
            }
            e->variants[k] = t;
        }
        size_t nd = 0;
        for (size_t sd = 0; sd < b->n_docs; sd++) {
            bool has = false;
            for (size_t v = 0; v < e->n_variants && !has; v++)
                for (size_t k = 0; k < e->variants[v].n_docs; k++)
                    if (e->variants[v].docs[k] == sd) { has = true; break; }
            nd += has;
        }
        e->n_docs = nd;
    }
    goto done;
nomem:
    st = cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
done:
    cri_strmap_free(&seen);
    return st;
}
