/*
 * features.c — an article as a compact weighted feature vector, the input of
 * story clustering (cluster.c, stream.c).
 *
 * Features, each hashed with its kind to a uint32 id:
 *   word    the Snowball stem of a content word (not a stopword, 2+ bytes)
 *   bigram  two adjacent content words of one sentence: carries names and
 *           phrases when a corpus arrives lower-cased ("kim jong", "betty ford")
 *   name    a run of capitalized words not explained by sentence position
 *   num     a token with a digit: magnitudes, years, scores, casualty counts
 * Counts are boosted for the title and the lead (where news puts the event),
 * weighted by sublinear tf x IDF, and only the top k are kept (k = 64, 8 bytes
 * each), L2-normalized and sorted by id so cosines are a linear merge.
 *
 * Capitalization is read from the body bytes, not only from token flags, so
 * the module works whatever tokenizer produced the tokens.
 */
#include "cluster.h"

#include <math.h>
#include <stdlib.h>

/* Multipliers on a term's count by where it occurs, and on its final weight
 * by kind.  Few, and round on purpose: tuned only coarsely on ECB+ dev. */
#define TITLE_BOOST 2.0f
#define LEAD_BOOST 1.0f   /* extra count for the first two sentences */
#define LEAD_SENTS 2
static const float kind_boost[4] = {1.0f, 0.6f, 1.3f, 0.8f};

/* ---- uint32 map ---------------------------------------------------------- */

static size_t pow2_at_least(size_t n) {
    size_t c = 16;
    while (c < n) c <<= 1;
    return c;
}

static inline size_t slot_of(uint32_t key, size_t cap) {
    return (size_t)(cri_mix64(key) & (cap - 1));
}

int cri_u32map_init(cri_u32map *m, size_t expect) {
    memset(m, 0, sizeof *m);
    m->cap = pow2_at_least(expect * 2);
    m->keys = calloc(m->cap, sizeof *m->keys);
    m->vals = calloc(m->cap, sizeof *m->vals);
    if (!m->keys || !m->vals) {
        cri_u32map_free(m);
        return -1;
    }
    return 0;
}

void cri_u32map_free(cri_u32map *m) {
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static int u32map_grow(cri_u32map *m, size_t cap) {
    uint32_t *k = calloc(cap, sizeof *k), *v = calloc(cap, sizeof *v);
    if (!k || !v) {
        free(k);
        free(v);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        size_t j = slot_of(m->keys[i], cap);
        while (k[j]) j = (j + 1) & (cap - 1);
        k[j] = m->keys[i];
        v[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = k;
    m->vals = v;
    m->cap = cap;
    return 0;
}

uint32_t *cri_u32map_upsert(cri_u32map *m, uint32_t key) {
    if (!m->cap && cri_u32map_init(m, 64)) return NULL;
    if ((m->count + 1) * 4 > m->cap * 3 && u32map_grow(m, m->cap * 2)) return NULL;
    size_t j = slot_of(key, m->cap);
    while (m->keys[j] && m->keys[j] != key) j = (j + 1) & (m->cap - 1);
    if (!m->keys[j]) {
        m->keys[j] = key;
        m->vals[j] = 0;
        m->count++;
    }
    return &m->vals[j];
}

uint32_t cri_u32map_get(const cri_u32map *m, uint32_t key) {
    if (!m->cap) return 0;
    size_t j = slot_of(key, m->cap);
    while (m->keys[j]) {
        if (m->keys[j] == key) return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return 0;
}

int cri_u32map_halve(cri_u32map *m) {
    cri_u32map n;
    if (cri_u32map_init(&n, m->count)) return -1;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i] || m->vals[i] < 2) continue;
        uint32_t *v = cri_u32map_upsert(&n, m->keys[i]);
        if (!v) {
            cri_u32map_free(&n);
            return -1;
        }
        *v = m->vals[i] / 2;
    }
    cri_u32map_free(m);
    *m = n;
    return 0;
}

/* ---- background document frequencies ----------------------------------- */

/* Share of news articles (per mille) that contain each of the commonest
 * words, measured on a general news sample.  With a small corpus (one story
 * of five articles) corpus IDF alone cannot tell "said" from "Pyongyang":
 * these pseudo-counts can.  Content words outside the list get none. */
static const struct { const char *w; uint16_t permille; } background[] = {
    {"the", 969}, {"in", 940}, {"of", 915}, {"and", 911}, {"to", 900}, {"on", 802},
    {"was", 768}, {"for", 725}, {"at", 720}, {"that", 694}, {"with", 687}, {"is", 630},
    {"as", 614}, {"an", 600}, {"by", 598}, {"said", 591}, {"has", 578}, {"from", 563},
    {"after", 543}, {"he", 530}, {"it", 518}, {"be", 512}, {"but", 501}, {"been", 499},
    {"have", 494}, {"who", 486}, {"had", 483}, {"this", 474}, {"his", 465}, {"were", 440},
    {"two", 438}, {"not", 424}, {"one", 411}, {"year", 407}, {"are", 402}, {"they", 387},
    {"out", 385}, {"when", 383}, {"which", 365}, {"will", 361}, {"their", 346}, {"also", 343},
    {"time", 333}, {"about", 329}, {"over", 315}, {"into", 312}, {"three", 312}, {"all", 310},
    {"last", 310}, {"up", 308}, {"first", 303}, {"or", 285}, {"before", 284}, {"more", 277},
    {"we", 271}, {"no", 269}, {"there", 266}, {"would", 262}, {"him", 260}, {"off", 255},
    {"people", 254}, {"her", 250}, {"just", 249}, {"while", 249}, {"than", 246}, {"she", 245},
    {"other", 245}, {"being", 244}, {"new", 242}, {"old", 236}, {"back", 227}, {"so", 218},
    {"told", 216}, {"where", 214}, {"down", 212}, {"made", 209}, {"if", 209}, {"years", 209},
    {"what", 206}, {"then", 206}, {"its", 205}, {"through", 201}, {"according", 199},
    {"second", 199}, {"some", 198}, {"them", 197}, {"could", 197}, {"only", 193},
    {"four", 190}, {"now", 189}, {"another", 185}, {"get", 177}, {"against", 177},
    {"day", 175}, {"around", 172}, {"say", 171}, {"many", 168}, {"can", 166}, {"most", 165},
    {"under", 163}, {"you", 161}, {"next", 161}, {"five", 158}, {"days", 157}, {"during", 157},
    {"since", 157}, {"because", 155}, {"later", 155}, {"may", 153}, {"well", 153},
    {"it's", 152}, {"any", 149}, {"including", 149}, {"take", 149}, {"found", 149},
    {"left", 148}, {"way", 148}, {"like", 146}, {"week", 145}, {"going", 144}, {"news", 144},
    {"did", 144}, {"still", 141}, {"took", 139}, {"very", 135}, {"our", 135}, {"do", 133},
    {"former", 133}, {"even", 133}, {"today", 133}, {"called", 130}, {"make", 127},
    {"several", 126}, {"end", 123}, {"away", 123}, {"go", 123}, {"went", 120}, {"never", 120},
    {"least", 119}, {"without", 119}, {"much", 119}, {"third", 119}, {"between", 118},
    {"right", 115}, {"put", 114}, {"until", 113}, {"how", 113}, {"got", 110}, {"both", 110},
    {"again", 110}, {"known", 109}, {"came", 108}, {"few", 106}, {"those", 105}, {"such", 104},
    {"late", 102}, {"long", 102}, {"says", 101}, {"however", 101}, {"became", 101},
    {"used", 101}, {"saying", 95}, {"own", 93}, {"us", 91}, {"same", 91}, {"should", 88},
    {"added", 87}, {"reports", 87}, {"yet", 84}, {"ago", 84}, {"asked", 84}, {"too", 83},
    {"announced", 83}, {"gave", 83}, {"these", 79}, {"once", 79}, {"began", 79},
    {"though", 76}, {"himself", 76}, {"might", 73}, {"already", 71}, {"almost", 70},
    {"nothing", 67}, {"whether", 63}, {"despite", 63}, {"here", 63}, {"likely", 63},
    {"having", 62}, {"although", 61}, {"others", 61}, {"mr", 61},
};

/* Pseudo-documents the background stands for. */
#define BACKGROUND_DOCS 20.0

static uint64_t term_key(const char *h, size_t hlen, int kind, uint64_t seed) {
    uint64_t key = cri_hash64(h, hlen, seed ^ (0x9e3779b97f4a7c15ULL * (uint64_t)(kind + 1)));
    return cri_mix64(key) | 1; /* never 0 (empty slot) */
}

static uint32_t key_id(uint64_t key) {
    uint32_t id = (uint32_t)(key >> 32);
    return id ? id : 1;
}

int cri_feat_background(cr_ctx *ctx, cri_u32map *bg) {
    if (cri_u32map_init(bg, sizeof background / sizeof *background)) return -1;
    cri_buf key = {0};
    for (size_t i = 0; i < sizeof background / sizeof *background; i++) {
        cri_buf_clear(&key);
        if (cri_fold(background[i].w, strlen(background[i].w), &key)) goto fail;
        if (!key.len) continue;
        size_t sl;
        const char *stem = cri_stem(ctx, key.data, key.len, &sl);
        if (!stem) {
            stem = key.data;
            sl = key.len;
        }
        uint32_t *v = cri_u32map_upsert(bg, key_id(term_key(stem, sl, CRI_FK_WORD, ctx->opt.seed)));
        if (!v) goto fail;
        if (*v < background[i].permille) *v = background[i].permille;
    }
    cri_buf_free(&key);
    return 0;
fail:
    cri_buf_free(&key);
    cri_u32map_free(bg);
    return -1;
}

/* ---- term extraction ---------------------------------------------------- */

void cri_feat_scratch_free(cri_feat_scratch *s) {
    free(s->terms);
    free(s->slot_key);
    free(s->slot_val);
    cri_buf_free(&s->strs);
    cri_buf_free(&s->tmp);
    memset(s, 0, sizeof *s);
}

static void scratch_reset(cri_feat_scratch *s) {
    s->n_terms = 0;
    cri_buf_clear(&s->strs);
    if (s->slot_key) memset(s->slot_key, 0, s->slot_cap * sizeof *s->slot_key);
}

static int scratch_grow(cri_feat_scratch *s) {
    size_t cap = s->slot_cap ? s->slot_cap * 2 : 1024;
    uint64_t *k = calloc(cap, sizeof *k);
    uint32_t *v = malloc(cap * sizeof *v);
    if (!k || !v) {
        free(k);
        free(v);
        return -1;
    }
    for (size_t i = 0; i < s->slot_cap; i++) {
        if (!s->slot_key[i]) continue;
        size_t j = (size_t)(s->slot_key[i] & (cap - 1));
        while (k[j]) j = (j + 1) & (cap - 1);
        k[j] = s->slot_key[i];
        v[j] = s->slot_val[i];
    }
    free(s->slot_key);
    free(s->slot_val);
    s->slot_key = k;
    s->slot_val = v;
    s->slot_cap = cap;
    return 0;
}

/* Add tf to the term named by (kind, hashed bytes); `shown` is its readable
 * form, stored on first sight. */
static int add_term(cri_feat_scratch *s, int kind, const char *h, size_t hlen, const char *shown,
                    size_t shown_len, float tf) {
    uint64_t key = term_key(h, hlen, kind, s->seed);
    if ((s->n_terms + 1) * 2 > s->slot_cap && scratch_grow(s)) return -1;
    size_t j = (size_t)(key & (s->slot_cap - 1));
    while (s->slot_key[j]) {
        if (s->slot_key[j] == key) {
            s->terms[s->slot_val[j]].tf += tf;
            return 0;
        }
        j = (j + 1) & (s->slot_cap - 1);
    }
    cri_term *t = CRI_PUSH(s->terms, s->n_terms, s->cap_terms);
    if (!t) return -1;
    t->id = key_id(key);
    t->kind = (uint8_t)kind;
    t->tf = tf;
    t->str = (uint32_t)s->strs.len;
    if (cri_buf_append(&s->strs, shown, shown_len) || cri_buf_putc(&s->strs, 0)) return -1;
    s->slot_key[j] = key;
    s->slot_val[j] = (uint32_t)(s->n_terms - 1);
    return 0;
}

/* A token as the feature extractor sees it. */
typedef struct wtok {
    const char *key, *stem, *surf;
    uint16_t key_len, stem_len, surf_len;
    bool content, num, cap;
    uint32_t sent;
} wtok;

static bool has_digit(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (cri_isdigit((unsigned char)s[i])) return true;
    return false;
}

static bool has_letter(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (cri_isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) return true;
    return false;
}

static void classify(wtok *w, unsigned flags) {
    w->num = has_digit(w->key, w->key_len);
    bool word = has_letter(w->key, w->key_len);
    bool stop = (flags & CRI_TOK_STOP) || cri_is_stopword(w->key, w->key_len);
    w->content = w->num || (word && !stop && w->key_len >= 2 && !(flags & CRI_TOK_PUNCT));
    w->cap = word && !w->num && w->surf_len && cri_isupper((unsigned char)w->surf[0]);
}

/* Terms of a run of tokens (one sentence or the title), counting each
 * occurrence `boost` times. */
static int run_terms(cri_feat_scratch *s, const wtok *w, size_t n, float boost, bool names) {
    /* Title Case or ALL CAPS lines say nothing about names. */
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < n; i++)
        if (w[i].content && !w[i].num) {
            words++;
            caps += w[i].cap;
        }
    if (words >= 4 && caps * 10 > words * 7) names = false;
    for (size_t i = 0; i < n; i++) {
        if (!w[i].content) continue;
        int kind = w[i].num ? CRI_FK_NUM : CRI_FK_WORD;
        const char *h = kind == CRI_FK_NUM ? w[i].key : w[i].stem;
        size_t hl = kind == CRI_FK_NUM ? w[i].key_len : w[i].stem_len;
        if (add_term(s, kind, h, hl, w[i].key, w[i].key_len, boost)) return -1;
        if (i + 1 < n && w[i + 1].content) {
            cri_buf_clear(&s->tmp);
            if (cri_buf_append(&s->tmp, w[i].stem, w[i].stem_len) || cri_buf_putc(&s->tmp, ' ') ||
                cri_buf_append(&s->tmp, w[i + 1].stem, w[i + 1].stem_len))
                return -1;
            size_t hlen = s->tmp.len;
            if (cri_buf_putc(&s->tmp, 0) || cri_buf_append(&s->tmp, w[i].key, w[i].key_len) ||
                cri_buf_putc(&s->tmp, ' ') ||
                cri_buf_append(&s->tmp, w[i + 1].key, w[i + 1].key_len))
                return -1;
            if (add_term(s, CRI_FK_BIGRAM, s->tmp.data, hlen, s->tmp.data + hlen + 1,
                         s->tmp.len - hlen - 1, boost))
                return -1;
        }
    }
    if (!names) return 0;
    /* Names: runs of capitalized content words.  A single capitalized word
     * first in its sentence may be capitalized only for its position. */
    for (size_t i = 0; i < n;) {
        if (!(w[i].cap && w[i].content)) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && w[j].cap && w[j].content && j - i < 4) j++;
        if (!(i == 0 && j - i == 1)) {
            cri_buf_clear(&s->tmp);
            for (size_t k = i; k < j; k++)
                if ((k > i && cri_buf_putc(&s->tmp, ' ')) ||
                    cri_buf_append(&s->tmp, w[k].key, w[k].key_len))
                    return -1;
            size_t hlen = s->tmp.len;
            if (cri_buf_putc(&s->tmp, 0)) return -1;
            for (size_t k = i; k < j; k++)
                if ((k > i && cri_buf_putc(&s->tmp, ' ')) ||
                    cri_buf_append(&s->tmp, w[k].surf, w[k].surf_len))
                    return -1;
            if (add_term(s, CRI_FK_NAME, s->tmp.data, hlen, s->tmp.data + hlen + 1,
                         s->tmp.len - hlen - 1, boost))
                return -1;
        }
        i = j;
    }
    return 0;
}

/* The title is not tokenized by the pipeline: split it here the same way
 * (letters, digits and non-ASCII bytes make words), fold and stem. */
static int title_terms(cr_ctx *ctx, cri_feat_scratch *s, const char *title) {
    size_t tl = strlen(title);
    if (tl > 1000) tl = 1000;
    enum { MAXW = 64 };
    wtok w[MAXW];
    size_t n = 0;
    cri_buf keys = {0};
    size_t offs[MAXW], lens[MAXW], stem_off[MAXW];
    const char *surf[MAXW];
    size_t surfl[MAXW];
    for (size_t i = 0; i < tl && n < MAXW;) {
        unsigned char c = (unsigned char)title[i];
        if (!(cri_isalnum(c) || c >= 0x80)) {
            i++;
            continue;
        }
        size_t b = i;
        while (i < tl && (cri_isalnum((unsigned char)title[i]) || (unsigned char)title[i] >= 0x80 ||
                          (title[i] == '\'' && i + 1 < tl && cri_isalpha((unsigned char)title[i + 1]))))
            i++;
        offs[n] = keys.len;
        if (cri_fold(title + b, i - b, &keys) || cri_buf_putc(&keys, 0)) {
            cri_buf_free(&keys);
            return -1;
        }
        lens[n] = keys.len - offs[n] - 1;
        surf[n] = title + b;
        surfl[n] = i - b;
        n++;
    }
    for (size_t i = 0; i < n; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].key_len = (uint16_t)(lens[i] > 255 ? 255 : lens[i]);
        /* The stem points into the context's cache, which the next
         * cri_stem call may move: copy it out (into keys, after the
         * folded words; pointers are fixed once all are in). */
        size_t sl = 0;
        const char *st = cri_stem(ctx, keys.data + offs[i], w[i].key_len, &sl);
        if (!st || !sl) {
            st = NULL;
            sl = w[i].key_len;
        }
        if (sl > 255) sl = 255;
        if (cri_buf_reserve(&keys, sl + 1)) {
            cri_buf_free(&keys);
            return -1;
        }
        if (!st) st = keys.data + offs[i];   /* after the reserve: no move */
        stem_off[i] = keys.len;
        cri_buf_append(&keys, st, sl);      /* fits: reserved */
        cri_buf_putc(&keys, 0);
        w[i].stem_len = (uint16_t)sl;
        w[i].surf = surf[i];
        w[i].surf_len = (uint16_t)(surfl[i] > 255 ? 255 : surfl[i]);
    }
    for (size_t i = 0; i < n; i++) {
        w[i].key = keys.data + offs[i];
        w[i].stem = keys.data + stem_off[i];
        classify(&w[i], 0);
    }
    int rc = run_terms(s, w, n, TITLE_BOOST, true);
    cri_buf_free(&keys);
    return rc;
}

int cri_feat_terms(cr_ctx *ctx, cri_feat_scratch *s, const cr_doc *d) {
    s->seed = ctx->opt.seed;
    scratch_reset(s);
    if (d->title && title_terms(ctx, s, d->title)) return -1;
    size_t ntok = d->n_toks < CRI_CLU_MAX_TOKENS ? d->n_toks : CRI_CLU_MAX_TOKENS;
    /* One sentence at a time, as a window of wtok. */
    enum { WIN = 512 };
    wtok w[WIN];
    size_t n = 0;
    uint32_t cur = UINT32_MAX;
    for (size_t i = 0; i <= ntok; i++) {
        const cri_token *t = i < ntok ? &d->toks[i] : NULL;
        if (!t || t->sent != cur || n == WIN) {
            if (n) {
                float boost = cur < LEAD_SENTS ? 1.0f + LEAD_BOOST : 1.0f;
                if (run_terms(s, w, n, boost, true)) return -1;
            }
            n = 0;
            if (!t) break;
            cur = t->sent;
        }
        wtok *x = &w[n];
        memset(x, 0, sizeof *x);
        x->key = cri_tok_key(d, t);
        x->key_len = t->key_len;
        x->stem = cri_tok_stem(d, t);
        x->stem_len = t->stem_len;
        if (!x->stem_len) {
            x->stem = x->key;
            x->stem_len = x->key_len;
        }
        x->surf = d->body + t->start;
        x->surf_len = (uint16_t)(t->end - t->start > 255 ? 255 : t->end - t->start);
        x->sent = t->sent;
        classify(x, t->flags);
        if (!x->key_len) continue;
        n++;
    }
    return 0;
}

const char *cri_feat_string(const cri_feat_scratch *s, uint32_t id) {
    for (size_t i = 0; i < s->n_terms; i++)
        if (s->terms[i].id == id) return s->strs.data + s->terms[i].str;
    return NULL;
}

int cri_feat_count_df(cri_u32map *df, const cri_feat_scratch *s) {
    /* Terms are distinct by 64-bit key; two may share a 32-bit id: a rare
     * double count, harmless for a frequency. */
    for (size_t i = 0; i < s->n_terms; i++) {
        uint32_t *v = cri_u32map_upsert(df, s->terms[i].id);
        if (!v) return -1;
        if (*v < UINT32_MAX) (*v)++;
    }
    return 0;
}

static int by_id(const void *a, const void *b) {
    const cri_feat *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

size_t cri_feat_vector(const cri_feat_scratch *s, const cri_u32map *df, const cri_u32map *bg,
                       double n_docs, double min_df, cri_feat *out, size_t k) {
    /* Keep the k best in a small array: insertion into a sorted buffer of k
     * is cheap for k = 64 and bounded for any document length. */
    size_t n = 0;
    for (size_t i = 0; i < s->n_terms; i++) {
        const cri_term *t = &s->terms[i];
        double f = cri_u32map_get(df, t->id);
        if (f < min_df) continue;
        /* Smoothed IDF: with a handful of articles (a story of five), terms
         * they all share must not drop to zero weight. */
        double b = bg && t->kind == CRI_FK_WORD ? cri_u32map_get(bg, t->id) / 1000.0 : 0;
        double idf = log((n_docs + BACKGROUND_DOCS) / (f + BACKGROUND_DOCS * b + 0.5));
        if (idf <= 0) continue;
        double tf = t->tf >= 1 ? 1.0 + log(t->tf) : t->tf;
        float w = (float)(tf * idf * kind_boost[t->kind]);
        if (n == k && !(w > out[n - 1].w || (w == out[n - 1].w && t->id < out[n - 1].id))) continue;
        size_t j = n < k ? n++ : k - 1;
        while (j > 0 && (out[j - 1].w < w || (out[j - 1].w == w && out[j - 1].id > t->id))) {
            out[j] = out[j - 1];
            j--;
        }
        out[j].id = t->id;
        out[j].w = w;
    }
    double norm = 0;
    for (size_t i = 0; i < n; i++) norm += (double)out[i].w * out[i].w;
    norm = sqrt(norm);
    if (norm > 0)
        for (size_t i = 0; i < n; i++) out[i].w = (float)(out[i].w / norm);
    qsort(out, n, sizeof *out, by_id);
    /* Equal ids (32-bit collisions between kinds): keep one. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && out[m - 1].id == out[i].id) continue;
        out[m++] = out[i];
    }
    return m;
}

/* ---- readable "why" lists ------------------------------------------------ */

static bool ci_eq(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (cri_tolower(a[i]) != cri_tolower(b[i])) return false;
    return true;
}

/* Is `w` a whole word (or words) of `in`, ignoring ASCII case? */
static bool ci_word_in(const char *w, const char *in) {
    size_t wl = strlen(w), il = strlen(in);
    if (!wl || wl >= il) return false;
    for (size_t i = 0; i + wl <= il; i++) {
        if (i > 0 && in[i - 1] != ' ') continue;
        if (i + wl < il && in[i + wl] != ' ') continue;
        if (ci_eq(in + i, w, wl)) return true;
    }
    return false;
}

void cri_why_tidy(const char *const *s, size_t n, bool *keep) {
    for (size_t i = 0; i < n; i++) {
        keep[i] = s[i] && *s[i];
        for (size_t k = 0; k < n && keep[i]; k++) {
            if (k == i || !s[k]) continue;
            size_t a = strlen(s[i]), b = strlen(s[k]);
            /* a case variant of an earlier entry, or a word of a longer one */
            if (a == b && k < i && ci_eq(s[i], s[k], a)) keep[i] = false;
            else if (ci_word_in(s[i], s[k])) keep[i] = false;
        }
    }
}
