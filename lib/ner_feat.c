/*
 * ner_feat.c — what the named-entity tagger and its trainer share: the word
 * tokenizer, the hashed feature templates and Viterbi decoding over the nine
 * BIO labels.  ner.c runs these over the cleaned body and captions with the
 * embedded model (ner_model.c); tools/train_ner.c runs the very same code over
 * the training corpora, so a token or a feature means the same thing at
 * training and at tagging time.
 *
 * Features are hashed into 2^CRI_NER_BITS rows of CRI_NER_NLABELS weights.
 * Word-level hashes (lower-cased form, exact form, shape, affixes) are
 * computed once per token; context templates combine neighbours' hashes with
 * one multiply-xorshift, so tagging costs a few dozen row reads per token.
 */
#include "internal.h"

/* ---- tokenizer ---------------------------------------------------------- */

/* Abbreviations that keep their period ("Gen. Kim", "St. Petersburg"): a
 * closed class of English titles and name parts, not a gazetteer. */
static const char *const abbrevs[] = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sgt", "Jr", "Sr", "Gov",
    "Sen", "Rep", "Capt", "Maj", "Prof", "Co", "Corp", "Inc", "Ltd", "Mt", "Ft",
    "Adm", "Cmdr", "Rev", "Pres", "Supt", "Brig", "Messrs", "Bros", "vs", "Gens",
    NULL};

static bool is_abbrev(const char *s, size_t n) {
    for (size_t i = 0; abbrevs[i]; i++)
        if (abbrevs[i][0] == s[0] && strlen(abbrevs[i]) == n && memcmp(abbrevs[i], s, n) == 0)
            return true;
    return false;
}

/* Length of a UTF-8 punctuation or space sequence at s (U+2000-U+206F general
 * punctuation, no-break space, guillemets, inverted marks), else 0. */
static size_t u8_punct(const unsigned char *s, size_t n) {
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) return 3;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] <= 0xAF) return 3;
    if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB ||
                                    s[1] == 0xA1 || s[1] == 0xBF || s[1] == 0xB7))
        return 2;
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] <= 0x82) return 3; /* ideographic space, comma, stop */
    if (n >= 2 && s[0] == 0xCA && s[1] == 0xBC) return 2;  /* modifier letter apostrophe */
    return 0;
}

static bool u8_is_space(const unsigned char *s, size_t k) {
    if (k == 2) return s[1] == 0xA0;
    if (k == 3 && s[0] == 0xE2 && s[1] == 0x80) return s[2] <= 0x8B || s[2] == 0xAF;
    if (k == 3 && s[0] == 0xE3) return s[2] == 0x80;
    return false;
}

static inline bool wordc(const unsigned char *s, size_t i, size_t n) {
    return cri_isalnum(s[i]) || (s[i] >= 0x80 && !u8_punct(s + i, n - i));
}

/* ' and the typographic apostrophes U+2019 and U+02BC */
static bool is_apos(const unsigned char *s, size_t i, size_t n, size_t *k) {
    if (s[i] == '\'') { *k = 1; return true; }
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99) { *k = 3; return true; }
    if (i + 1 < n && s[i] == 0xCA && s[i + 1] == 0xBC) { *k = 2; return true; }
    return false;
}

size_t cri_ner_tokenize(const char *text, size_t len, cri_ner_tok *out, size_t max,
                        size_t *consumed) {
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, n = 0;
    while (i < len && n < max) {
        unsigned char c = s[i];
        if (cri_isspace(c)) { i++; continue; }
        size_t k = c >= 0x80 ? u8_punct(s + i, len - i) : 0;
        if (k && u8_is_space(s + i, k)) { i += k; continue; }
        if (k || (c < 0x80 && !cri_isalnum(c))) {
            size_t pk = 1;
            if (k) pk = k;
            else if (is_apos(s, i, len, &pk) && i + pk < len && cri_isalpha(s[i + pk])) {
                /* clitic: 's 're 'll 't */
                size_t j = i + pk;
                while (j < len && cri_isalpha(s[j]) && j - i < 4) j++;
                if (j >= len || !wordc(s, j, len)) pk = j - i;
            }
            out[n].start = (uint32_t)i; out[n].end = (uint32_t)(i + pk); n++;
            i += pk;
            continue;
        }
        size_t b = i;
        bool dotted = false;
        for (;;) {
            while (i < len && wordc(s, i, len)) i++;
            if (i < len && s[i] == ' ') break;   /* most words: none of the joins below */
            if (i + 1 < len && (s[i] == '.' || s[i] == ',') && cri_isdigit(s[i - 1]) && cri_isdigit(s[i + 1])) {
                i++; continue;          /* 1,000  3.5 */
            }
            if (i + 1 < len && s[i] == '.' && cri_isalpha(s[i + 1]) && i - b <= 2 &&
                (i - b == 1 || dotted)) {
                dotted = true; i++; continue;  /* U.S  e.g */
            }
            size_t ak;
            /* the cheap tests before looking for an apostrophe */
            if (i < len && i - b <= 2 && cri_isupper(s[b]) && is_apos(s, i, len, &ak) &&
                i + ak < len && cri_isupper(s[i + ak])) {
                i += ak; continue;      /* O'Brien, D'Angelo */
            }
            break;
        }
        if (i < len && s[i] == '.' && (dotted || is_abbrev(text + b, i - b))) i++;
        out[n].start = (uint32_t)b; out[n].end = (uint32_t)i; n++;
    }
    if (consumed) *consumed = i;
    return n;
}

/* ---- features ----------------------------------------------------------- */

static inline uint64_t fnv_step(uint64_t h, unsigned char c) { return (h ^ c) * 0x100000001b3ULL; }
#define FNV0 0xcbf29ce484222325ULL

enum {
    T_BIAS = 1, T_LW, T_W, T_P1, T_P2, T_P3, T_P4, T_S1, T_S2, T_S3, T_S4, T_SHAPE,
    T_LWM1, T_LWP1, T_LWM2, T_LWP2, T_SHM1, T_SHP1, T_BIM, T_BIP, T_SH3, T_START,
    T_MODESH, T_MODELW, T_CAPCTX, T_LWSHM1
};

/* mf: what cri_ner_sentence_mode counts (M_* bits) */
enum { M_WORD = 1, M_ALLCAP = 2, M_LONG = 4, M_CAP = 8 };
typedef struct wordh { uint64_t lw, w, sh, pre[4], suf[4]; uint8_t cls, only_o, mf; } wordh;

/* Lower-case words that may join the parts of a name ("Bank of England",
 * "Ludwig van Beethoven"); the same list as ner.c's span rules. */
static bool connector_word(const unsigned char *p, size_t n) {
    /* by length: " of the and de del della ..." */
    static const char *const by_len[6] = {
        "", "y e ", "of de di da du la le al el on at 's ", "the and del des van von der den bin ibn for ",
        "upon ", "della "};
    /* the first letters of by_len[n] (bit c - 'a', the apostrophe bit
     * 26): most words fail here without scanning; keep in step */
    static const uint32_t firsts[6] = {
        0, 1u << ('y' - 'a') | 1u << ('e' - 'a'),
        1u << ('o' - 'a') | 1u << ('d' - 'a') | 1u << ('l' - 'a') | 1u << ('a' - 'a') |
            1u << ('e' - 'a') | 1u << 26,
        1u << ('t' - 'a') | 1u << ('a' - 'a') | 1u << ('d' - 'a') | 1u << ('v' - 'a') |
            1u << ('b' - 'a') | 1u << ('i' - 'a') | 1u << ('f' - 'a'),
        1u << ('u' - 'a'), 1u << ('d' - 'a')};
    if (n == 0 || n > 5) return false;
    unsigned bit = p[0] >= 'a' && p[0] <= 'z' ? (unsigned)(p[0] - 'a') : p[0] == '\'' ? 26u : 32u;
    if (bit == 32 || !(firsts[n] >> bit & 1)) return false;
    for (const char *q = by_len[n]; *q; q += n + 1)
        if (q[0] == (char)p[0] && !memcmp(q, p, n)) return true;
    return false;
}

/* Lower-cased prefixes and suffixes of 1-4 bytes. */
static void affixes(const unsigned char *p, size_t n, wordh *o) {
    uint64_t h = FNV0;
    for (size_t i = 0; i < 4; i++) {
        if (i < n) h = fnv_step(h, (unsigned char)cri_tolower((char)p[i]));
        else h = fnv_step(h, 0);
        o->pre[i] = h;
    }
    h = FNV0 ^ 0x55;
    for (size_t i = 0; i < 4; i++) {
        if (i < n) h = fnv_step(h, (unsigned char)cri_tolower((char)p[n - 1 - i]));
        else h = fnv_step(h, 0);
        o->suf[i] = h;
    }
}

/* cls: 0 lower/other, 1 capitalized, 2 all caps, 3 digit, 4 punct.  The
 * affixes are left to the caller (see word_feats). */
static void word_hashes(const unsigned char *p, size_t n, wordh *o) {
    uint64_t lw = FNV0, w = FNV0, sh = FNV0;
    char last = 0; int shn = 0;
    unsigned up = 0, lo = 0, dg = 0, al = 0, hi = 0, alo = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        unsigned ct = cri_ctype[c];   /* the classes are exclusive */
        char k;
        if (ct & CRI_C_LOWER) {   /* most bytes: test it first */
            lw = fnv_step(lw, c);
            k = 'x'; lo++; al++; alo++;
        } else {
            hi |= c & 0x80;
            lw = fnv_step(lw, (unsigned char)cri_tolower((char)c));
            if (ct & CRI_C_UPPER) { k = 'X'; up++; al++; }
            else if (ct & CRI_C_DIGIT) { k = 'd'; dg++; }
            else if (c >= 0x80) { if ((c & 0xC0) == 0x80) continue; k = 'u'; al++; lo++; }
            else k = (char)c;
        }
        if (k != last && shn < 8) { sh = fnv_step(sh, (unsigned char)k); shn++; last = k; }
    }
    /* long words and short words differ in what their shape says */
    sh = fnv_step(sh, (unsigned char)(n <= 2 ? 1 : n <= 4 ? 2 : 3));
    /* without capitals the exact form is the lower-cased one */
    if (up == 0) w = lw;
    else for (size_t i = 0; i < n; i++) w = fnv_step(w, p[i]);
    o->lw = lw; o->w = w; o->sh = sh;
    o->mf = 0;
    if (n && cri_isalpha(p[0]))
        o->mf = (uint8_t)(M_WORD | (up >= 2 && alo == 0 ? M_ALLCAP : 0) |
                          (n > 3 ? M_LONG | (cri_isupper(p[0]) ? M_CAP : 0) : 0));
    o->only_o = up == 0 && hi == 0 && lo > 0 && !connector_word(p, n);
    /* sentence punctuation and brackets are never part of a name */
    if (n == 1) {
        switch (p[0]) {   /* and a lone NUL byte */
        case ',': case ';': case ':': case '!': case '?': case '(': case ')': case '[': case ']':
        case '"': case 0: o->only_o = 1; break;
        default: break;
        }
    }
    if (al == 0) o->cls = dg ? 3 : 4;
    else if (up >= 2 && lo == 0) o->cls = 2;
    else if (cri_isupper(p[0])) o->cls = 1;
    else o->cls = 0;
}

static inline uint32_t fx(uint64_t tmpl, uint64_t v, uint32_t mask) {
    return (uint32_t)(cri_mix64(v * 0x9E3779B97F4A7C15ULL + tmpl * 0xD6E8FEB86659FD93ULL) & mask);
}

/* The first CRI_NER_WORDFEAT features: the word's own, under the mode. */
static void word_feats(const unsigned char *p, size_t n, wordh *c, int mode, uint32_t mask,
                       uint32_t *f) {
    affixes(p, n, c);
    uint64_t md = (uint64_t)mode + 1;
    int k = 0;
    f[k++] = fx(T_BIAS, 0, mask);
    f[k++] = fx(T_LW, c->lw, mask);
    /* the exact form says little on an all-caps line */
    f[k++] = fx(T_W, mode == 1 ? c->lw : c->w, mask);
    for (int a = 0; a < 4; a++) f[k++] = fx(T_P1 + a, c->pre[a], mask);
    for (int a = 0; a < 4; a++) f[k++] = fx(T_S1 + a, c->suf[a], mask);
    f[k++] = fx(T_SHAPE, c->sh * 31 + md, mask);
    f[k++] = fx(T_MODELW, c->lw * 7 + md, mask);
}

void cri_ner_word_features(const char *text, const cri_ner_tok *t, size_t i, int mode, uint32_t bits,
                           void *scratch, uint32_t *f) {
    word_feats((const unsigned char *)text + t[i].start, t[i].end - t[i].start,
               (wordh *)scratch + i, mode, (1u << bits) - 1, f);
}

int cri_ner_sentence_mode(const char *text, const cri_ner_tok *t, size_t n) {
    unsigned words = 0, allcap = 0, cap = 0, longw = 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = (const unsigned char *)text + t[i].start;
        size_t len = t[i].end - t[i].start;
        if (!cri_isalpha(p[0])) continue;
        words++;
        unsigned up = 0, lo = 0;
        for (size_t k = 0; k < len; k++) { up += cri_isupper(p[k]); lo += cri_islower(p[k]); }
        if (up >= 2 && lo == 0) allcap++;
        if (len > 3) { longw++; if (cri_isupper(p[0])) cap++; }
    }
    if (words >= 2 && allcap * 10 >= words * 6) return 1;
    if (longw >= 3 && cap * 10 >= longw * 9) return 2;
    return 0;
}

int cri_ner_features(const char *text, const cri_ner_tok *t, size_t n, int mode, uint32_t bits,
                     uint32_t *feats, uint8_t *cls, uint64_t *wkey, void *scratch) {
    const uint32_t mask = (1u << bits) - 1;
    wordh *wh = scratch;
    for (size_t i = 0; i < n; i++)
        word_hashes((const unsigned char *)text + t[i].start, t[i].end - t[i].start, &wh[i]);
    if (mode < 0) {
        /* cri_ner_sentence_mode, from the counts just made */
        unsigned words = 0, allcap = 0, cap = 0, longw = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned f = wh[i].mf;
            words += f & M_WORD; allcap += (f & M_ALLCAP) != 0;
            longw += (f & M_LONG) != 0; cap += (f & M_CAP) != 0;
        }
        mode = words >= 2 && allcap * 10 >= words * 6 ? 1
               : longw >= 3 && cap * 10 >= longw * 9 ? 2 : 0;
    }
    static const wordh edge_b = {.lw = 11, .w = 11, .sh = 11, .cls = 5};
    static const wordh edge_e = {.lw = 13, .w = 13, .sh = 13, .cls = 6};
    size_t first_word = n;
    for (size_t i = 0; i < n; i++)
        if (wh[i].cls <= 3) { first_word = i; break; }
    for (size_t i = 0; i < n; i++) {
        const wordh *c = &wh[i];
        const wordh *m1 = i >= 1 ? &wh[i - 1] : &edge_b, *m2 = i >= 2 ? &wh[i - 2] : &edge_b;
        const wordh *p1 = i + 1 < n ? &wh[i + 1] : &edge_e, *p2 = i + 2 < n ? &wh[i + 2] : &edge_e;
        uint32_t *f = feats + i * CRI_NER_NFEAT;
        int k = 0;
        cls[i] = (uint8_t)(mode == 1 && c->cls == 2 ? 5 : c->cls);
        if (c->only_o) cls[i] |= CRI_NER_ONLY_O;
        uint64_t md = (uint64_t)mode + 1;
        /* the first CRI_NER_WORDFEAT depend on the word and the mode only */
        if (wkey) wkey[i] = cri_mix64(c->w + md);
        if (wkey && c->only_o) continue;   /* the tagger never reads its row */
        /* the tagger asks for the word's own features (cri_ner_word_features)
         * only when its cache does not hold their sum */
        if (!wkey)
            word_feats((const unsigned char *)text + t[i].start, t[i].end - t[i].start, &wh[i],
                       mode, mask, f);
        k = CRI_NER_WORDFEAT;
        f[k++] = fx(T_LWM1, m1->lw, mask);
        f[k++] = fx(T_LWP1, p1->lw, mask);
        f[k++] = fx(T_LWM2, m2->lw, mask);
        f[k++] = fx(T_LWP2, p2->lw, mask);
        f[k++] = fx(T_SHM1, m1->sh * 31 + md, mask);
        f[k++] = fx(T_SHP1, p1->sh * 31 + md, mask);
        f[k++] = fx(T_BIM, m1->lw * 1000003 + c->lw, mask);
        f[k++] = fx(T_BIP, c->lw * 1000003 + p1->lw, mask);
        f[k++] = fx(T_SH3, (m1->cls * 8 + c->cls) * 8 + p1->cls + md * 1024, mask);
        f[k++] = fx(T_START, (uint64_t)(i == first_word) * 64 + c->cls * 8 + md, mask);
        f[k++] = fx(T_MODESH, md * 1000 + c->cls * 10 + (i == first_word), mask);
        /* is the word capitalized where capitals are informative? */
        f[k++] = fx(T_CAPCTX, (uint64_t)(c->cls * 8 + p1->cls) * 8 + m2->cls + md * 512 +
                                  (i == first_word) * 4096, mask);
        f[k++] = fx(T_LWSHM1, m1->lw * 131 + c->sh, mask);
    }
    return mode;
}

/* ---- decoding ----------------------------------------------------------- */

/* I-X may only follow B-X or I-X. */
static inline bool allowed(int prev, int cur) {
    if (cur == 0 || (cur & 1)) return true;          /* O, B-* */
    return prev == cur || prev == cur - 1;
}

void cri_ner_emissions(const int8_t *w, const uint32_t *feats, size_t n, int32_t *emit) {
    /* the rows are scattered over a few megabytes: ask for the next token's
     * rows while adding this one's */
    for (int k = 0; k < CRI_NER_NFEAT && n > 0; k++)
        __builtin_prefetch(w + (size_t)feats[k] * CRI_NER_NLABELS);
    for (size_t i = 0; i < n; i++) {
        int32_t acc[CRI_NER_NLABELS] = {0};
        const uint32_t *f = feats + i * CRI_NER_NFEAT;
        if (i + 1 < n)
            for (int k = 0; k < CRI_NER_NFEAT; k++)
                __builtin_prefetch(w + (size_t)f[CRI_NER_NFEAT + k] * CRI_NER_NLABELS);
        for (int k = 0; k < CRI_NER_NFEAT; k++) {
            const int8_t *row = w + (size_t)f[k] * CRI_NER_NLABELS;
            for (int l = 0; l < CRI_NER_NLABELS; l++) acc[l] += row[l];
        }
        memcpy(emit + i * CRI_NER_NLABELS, acc, sizeof acc);
    }
}

void cri_ner_trans_tables(const int32_t *trans, const int32_t *tcls, int64_t *tab) {
    enum { L = CRI_NER_NLABELS, T = CRI_NER_NTRANS };
    for (int c = 0; c < CRI_NER_NCLS; c++)
        for (int p = 0; p <= L; p++)
            for (int l = 0; l < L; l++)
                tab[c * T + p * L + l] = allowed(p == L ? -1 : p, l)
                                             ? (int64_t)trans[p * L + l] + tcls[c * T + p * L + l]
                                             : INT64_MIN / 4;
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang_analyzer__)
#include <immintrin.h>
#define VITERBI_AVX2 1
/* One step of the general case below, eight labels at a time: O and B-*
 * take the best of all nine previous labels (in order, the first best
 * kept, as below); the I-* lanes are then redone from their two allowed
 * predecessors exactly as below, so scores and back pointers are the
 * same to the bit. */
__attribute__((target("avx2"))) static void viterbi_step_avx2(const int64_t *ps, const int64_t *tc,
                                                                const int32_t *em, int64_t *cs,
                                                                uint8_t *bk) {
    enum { L = CRI_NER_NLABELS };
    __m256i v = _mm256_set1_epi64x(ps[0]);
    __m256i b0 = _mm256_add_epi64(v, _mm256_loadu_si256((const __m256i *)(const void *)tc));
    __m256i b1 = _mm256_add_epi64(v, _mm256_loadu_si256((const __m256i *)(const void *)(tc + 4)));
    __m256i i0 = _mm256_setzero_si256(), i1 = _mm256_setzero_si256();
    for (int p = 1; p < L; p++) {
        v = _mm256_set1_epi64x(ps[p]);
        __m256i pv = _mm256_set1_epi64x(p);
        __m256i c0 = _mm256_add_epi64(v, _mm256_loadu_si256((const __m256i *)(const void *)(tc + p * L)));
        __m256i c1 = _mm256_add_epi64(v, _mm256_loadu_si256((const __m256i *)(const void *)(tc + p * L + 4)));
        __m256i m0 = _mm256_cmpgt_epi64(c0, b0), m1 = _mm256_cmpgt_epi64(c1, b1);
        b0 = _mm256_blendv_epi8(b0, c0, m0); i0 = _mm256_blendv_epi8(i0, pv, m0);
        b1 = _mm256_blendv_epi8(b1, c1, m1); i1 = _mm256_blendv_epi8(i1, pv, m1);
    }
    int64_t best[8], idx[8];
    _mm256_storeu_si256((__m256i *)(void *)best, b0);
    _mm256_storeu_si256((__m256i *)(void *)(best + 4), b1);
    _mm256_storeu_si256((__m256i *)(void *)idx, i0);
    _mm256_storeu_si256((__m256i *)(void *)(idx + 4), i1);
    for (int l = 1; l < 8; l += 2) { cs[l] = best[l] + em[l]; bk[l] = (uint8_t)idx[l]; }
    cs[0] = best[0] + em[0]; bk[0] = (uint8_t)idx[0];
    for (int l = 2; l < L; l += 2) {
        /* I-X follows only B-X or I-X */
        int64_t a = ps[l - 1] + tc[(l - 1) * L + l], b = ps[l] + tc[l * L + l];
        cs[l] = (a >= b ? a : b) + em[l];
        bk[l] = (uint8_t)(a >= b ? l - 1 : l);
    }
}
#endif

void cri_ner_viterbi(const int32_t *emit, const uint8_t *cls, size_t n, const int64_t *tab,
                     uint8_t *out, int64_t *score, uint8_t *back) {
    enum { L = CRI_NER_NLABELS, T = CRI_NER_NTRANS };
    if (n == 0) return;
#ifdef VITERBI_AVX2
    const bool avx2 = __builtin_cpu_supports("avx2");
#endif
    const int64_t NEG = INT64_MIN / 4;
    const int64_t *tc = tab + (size_t)(cls[0] & CRI_NER_CLSMASK) * T;
    for (int l = 0; l < L; l++) score[l] = tc[L * L + l] + emit[l];
    if (cls[0] & CRI_NER_ONLY_O)
        for (int l = 1; l < L; l++) score[l] = NEG;
    for (size_t i = 1; i < n; i++) {
        const int64_t *ps = score + (i - 1) * L;
        int64_t *cs = score + i * L;
        tc = tab + (size_t)(cls[i] & CRI_NER_CLSMASK) * T;
        if (cls[i] & CRI_NER_ONLY_O) {
            /* O alone; its emission is never computed.  Its other labels
             * are impossible (as if NEG) and left unwritten: every reader
             * of a row after an O-only word (the next step, the end) reads
             * its O alone. */
            int64_t best = ps[0] + tc[0];
            int bp = 0;
            if (!(cls[i - 1] & CRI_NER_ONLY_O))
                for (int p = 1; p < L; p++) {
                    int64_t v = ps[p] + tc[p * L];
                    bp = v > best ? p : bp;
                    best = v > best ? v : best;
                }
            /* else ps[p > 0] are NEG: ps[0] + tc[0] wins */
            cs[0] = best;
            back[i * L] = (uint8_t)bp;
            continue;
        }
        if (cls[i - 1] & CRI_NER_ONLY_O) {
            /* after an O-only word every path comes from its O */
            for (int l = 0; l < L; l++) {
                bool in = l && !(l & 1);
                cs[l] = in ? NEG : ps[0] + tc[l] + emit[i * L + l];
                back[i * L + l] = 0;
            }
            continue;
        }
#ifdef VITERBI_AVX2
        if (avx2) {
            viterbi_step_avx2(ps, tc, emit + i * L, cs, back + i * L);
            continue;
        }
#endif
        for (int l = 0; l < L; l++) {
            int64_t best;
            int bp;
            if (l && !(l & 1)) {
                /* I-X follows only B-X or I-X */
                int64_t a = ps[l - 1] + tc[(l - 1) * L + l], b = ps[l] + tc[l * L + l];
                best = a >= b ? a : b;
                bp = a >= b ? l - 1 : l;
            } else {
                best = ps[0] + tc[l];
                bp = 0;
                for (int p = 1; p < L; p++) {
                    int64_t v = ps[p] + tc[p * L + l];
                    bp = v > best ? p : bp;
                    best = v > best ? v : best;
                }
            }
            cs[l] = best + emit[i * L + l];
            back[i * L + l] = (uint8_t)bp;
        }
    }
    const int64_t *ls = score + (n - 1) * L;
    int bl = 0;
    if (!(cls[n - 1] & CRI_NER_ONLY_O))
        for (int l = 1; l < L; l++) if (ls[l] > ls[bl]) bl = l;
    for (size_t i = n; i-- > 0;) {
        out[i] = (uint8_t)bl;
        if (i) bl = back[i * L + bl];
    }
}

_Static_assert(sizeof(wordh) <= CRI_NER_SCRATCH, "scratch per token");

/* ---- truecasing -----------------------------------------------------------
 * An all-capitals line ("SOCCER - ARSENAL BEAT CHELSEA") says nothing through
 * its capitals, so before tagging it is rewritten in each word's usual case,
 * learned from how the training text writes the word mid-sentence: a 2-bit
 * state per hashed lower-case word (0 unknown, 1 lower, 2 Capitalized,
 * 3 ALLCAPS).  Unknown words are taken for names, as in headlines they
 * mostly are.  Only ASCII letters change, so offsets hold. */

uint32_t cri_ner_case_slot(const char *p, size_t n, uint32_t bits) {
    uint64_t h = FNV0 ^ 0x77;
    for (size_t i = 0; i < n; i++) h = fnv_step(h, (unsigned char)cri_tolower(p[i]));
    return (uint32_t)(cri_mix64(h) & ((1u << bits) - 1));
}

int cri_ner_case_state(const cri_ner_model *m, const char *p, size_t n) {
    if (!m->casetab) return 0;
    uint32_t slot = cri_ner_case_slot(p, n, m->casebits);
    return (m->casetab[slot >> 2] >> ((slot & 3) * 2)) & 3;
}

void cri_ner_truecase(const cri_ner_model *m, char *text, const cri_ner_tok *t, size_t n) {
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        char *p = text + t[i].start;
        size_t len = t[i].end - t[i].start;
        if (!cri_isalpha((unsigned char)p[0])) continue;
        int st = cri_ner_case_state(m, p, len);
        if (st == 0) st = len <= 1 ? 1 : 2;
        if (first && st == 1) st = 2;   /* a sentence starts with a capital */
        first = false;
        for (size_t k = 0; k < len; k++) {
            char c = cri_tolower(p[k]);
            if (st == 3 || (st == 2 && k == 0)) c = cri_isalpha((unsigned char)c) ? (char)(c - 32) : c;
            p[k] = c;
        }
    }
}

/* ---- model file ----------------------------------------------------------
 * "CRNER04\0", u32 bits, u32 labels, u32 features per token, u32 classes,
 * u32 case bits, u32 0, int32 transitions[(L+1) x L], int32 class
 * transitions[classes][(L+1) x L], int8 weights[2^bits x L], u8 case
 * states[2^casebits / 4]; little-endian.  Eight bits of weight are enough
 * (the same F1 as sixteen on every dev set) and halve the memory read. */
bool cri_ner_model_parse(const void *data, size_t len, cri_ner_model *m) {
    const unsigned char *p = data;
    enum { L = CRI_NER_NLABELS };
    size_t head = 8 + 24 + sizeof m->trans + sizeof m->tcls;
    if (!p || len < head || memcmp(p, "CRNER04", 8) != 0) return false;
    uint32_t v[6];
    memcpy(v, p + 8, sizeof v);
    if (v[0] < 10 || v[0] > 24 || v[1] != L || v[2] != CRI_NER_NFEAT || v[3] != CRI_NER_NCLS ||
        v[4] < 8 || v[4] > 24)
        return false;
    size_t wbytes = ((size_t)1 << v[0]) * L;
    if (len != head + wbytes + ((size_t)1 << v[4]) / 4) return false;
    m->bits = v[0];
    m->casebits = v[4];
    memcpy(m->trans, p + 32, sizeof m->trans);
    memcpy(m->tcls, p + 32 + sizeof m->trans, sizeof m->tcls);
    m->w = (const int8_t *)(const void *)(p + head);
    m->casetab = p + head + wbytes;
    return true;
}
