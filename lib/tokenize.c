/*
 * tokenize.c — tokens of each sentence with byte offsets, folded keys,
 * Snowball stems and flags; and the document's language when unknown.
 *
 * Runs after segment.c, last step of cleaning; every later module (dedup
 * shingles, clustering, entities, the brief) reads d->toks.  Decisions:
 *
 *   - A word is a run of letters, digits and combining marks.  Inside it,
 *     apostrophes and hyphens between two letters/digits are kept
 *     ("children's", "Won-sik", "33-year-old"), as are "." and "," between
 *     digits ("1.6", "74,000" — but "74 000" is two tokens: numbers are
 *     parsed by quantity.c), ":" and "/" between digits ("10:30", "9/11"),
 *     and dotted abbreviations ("U.S.", "a.m.", "Ph.D." — the last period is
 *     part of the token).  E-mail addresses and URLs are one token.
 *   - Han and kana characters are one token each (no spaces to split on).
 *   - Punctuation is kept, one token per symbol (runs of the same ASCII
 *     symbol, like "..." or "--", are one token), flagged CRI_TOK_PUNCT:
 *     quotation marks and brackets matter to quote attribution downstream.
 *   - A token is at most CR_MAX_TOKEN bytes; longer runs are cut.
 *   - Keys: ASCII tokens are lower-cased inline; others go through cri_fold
 *     (NFKC, case folding, quotes and dashes) — except the curly apostrophe
 *     and Unicode hyphens, folded inline so "don’t" stays on the fast path.
 *   - Stems: Snowball English for English documents (and for those too short
 *     to tell, as crossread reads English news); other languages use the key.
 *     Stopwords carry a precomputed stem; others go through cri_stem's cache.
 *
 * Speed: one pass, a byte-class table, no allocation per token (the token
 * array and the key pool are reserved from the body length up front).  The
 * hot loop (fast_run) takes spaces, single ASCII symbols and ASCII words
 * eight bytes at a time; a word it has met before in this context is one
 * probe of the word cache (below), which holds its stopword flag and stem,
 * so stopword hashing and stem.c run only for new words.  Everything else
 * goes through the general path, which decides exactly as before.
 */
#include "internal.h"

#include <stdlib.h>
#include <utf8proc.h>

enum { B_SPACE = 0, B_LOWER, B_UPPER, B_DIGIT, B_PUNCT, B_HIGH };

/* Byte classes: S space/control, L lower, U upper, D digit, P ASCII
 * punctuation, H a byte of a multi-byte character. */
#define S B_SPACE
#define L B_LOWER
#define U B_UPPER
#define D B_DIGIT
#define P B_PUNCT
#define H B_HIGH
static const uint8_t bclass[256] = {
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    P, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, S,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
    H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H, H,
};
#undef S
#undef L
#undef U
#undef D
#undef P
#undef H

static inline bool alnum_b(unsigned char c) { return bclass[c] >= B_LOWER && bclass[c] <= B_DIGIT; }

static inline int32_t dec(const unsigned char *p, size_t n, int *len) {
    int32_t cp;
    *len = (int)cri_utf8_decode((const char *)p, n, &cp);   /* normalize.c */
    return cp;
}

/* Unicode classes the tokenizer needs. */
enum { U_SPACE, U_LOWER, U_UPPER, U_LETTER, U_MARK, U_DIGIT, U_IDEO, U_PUNCT };

static int uclass(int32_t c) {
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x20000 && c <= 0x2FFFF) || (c >= 0x3040 && c <= 0x309F))
        return U_IDEO;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LL: return U_LOWER;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return U_UPPER;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return U_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: return U_MARK;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return U_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CN:
        return U_SPACE;
    default: return U_PUNCT;
    }
}

/* Joiners inside a word: apostrophes and hyphens. */
static inline bool is_apos_cp(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
static inline bool is_hyphen_cp(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

/* The word cache: what the tokenizer learns about a short ASCII word the
 * first time it meets it (stopword or not, its Snowball stem), so that later
 * occurrences cost one probe of a small table (512 KB, about the size of
 * L2: 16K words; at 256 KB one word in nine of the benchmark text missed
 * it, and 1 MB is no faster; two-way sets of one cache line, least
 * recently used out) instead of a stopword
 * lookup, a second hash and a probe of stem.c's big table.  The key is held
 * as two little-endian words (ka: bytes 0-7, kb: 8-11, zero beyond the
 * length), which is also how fast_run compares it.  The memory is the
 * context's (cri_word_cache); entries are deterministic results, so
 * evictions and the table's state never change an output. */
#define HOT_KEY 12
typedef struct hotw {
    uint64_t ka;
    uint32_t kb;
    uint32_t hash;            /* hot_hash(ka, kb, klen) */
    uint8_t klen;             /* 0: empty */
    uint8_t slen;
    uint8_t sw;               /* stopword id + 1, 0: not a stopword */
    uint8_t same;             /* the stem is the key */
    char stem[HOT_KEY];       /* slen bytes, zero-padded (no NUL when 12) */
} hotw;
_Static_assert(sizeof(hotw) == 32, "two entries a cache line");
#define HOT_SLOTS (CRI_WORD_CACHE_BYTES / sizeof(hotw))
#define HOT_BITS 14
_Static_assert(HOT_SLOTS == (size_t)1 << HOT_BITS, "HOT_BITS");

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
#define HAVE_SWAR 1   /* eight bytes a word, little-endian: first byte lowest */
#else
#define HAVE_SWAR 0   /* the general path takes every token */
#endif

static inline uint32_t hot_hash(uint64_t ka, uint32_t kb, size_t n) {
    uint64_t h = (ka ^ ((uint64_t)kb << 29) ^ n) * 0x9E3779B97F4A7C15ULL;
    uint32_t h32 = (uint32_t)(h >> 32);
    return h32 ? h32 : 1;
}

/* The key o[0..n), n <= HOT_KEY, as (ka, kb): reads 12 bytes at o. */
static inline void hot_key(const char *o, size_t n, uint64_t *ka, uint32_t *kb) {
#if HAVE_SWAR
    uint64_t a;
    uint32_t b;
    memcpy(&a, o, 8);
    memcpy(&b, o + 8, 4);
    if (n < 8) {
        a &= ((uint64_t)1 << (8 * n)) - 1;
        b = 0;
    } else {
        b = (uint32_t)(b & (((uint64_t)1 << (8 * (n - 8))) - 1));
    }
    *ka = a;
    *kb = b;
#else
    uint64_t a = 0;
    uint32_t b = 0;
    for (size_t i = 0; i < n && i < 8; i++) a |= (uint64_t)(unsigned char)o[i] << (8 * i);
    for (size_t i = 8; i < n; i++) b |= (uint32_t)(unsigned char)o[i] << (8 * (i - 8));
    *ka = a;
    *kb = b;
#endif
}

/* Two-way sets of one cache line: [0] the most recently used, [1] the other. */
static inline hotw *hot_set(hotw *tab, uint32_t h) { return &tab[(h >> (32 - HOT_BITS + 1)) * 2]; }

static inline bool hot_is(const hotw *e, uint64_t ka, uint32_t kb, uint32_t n) {
    return e->ka == ka && e->kb == kb && e->klen == n;
}

/* The entry for (ka, kb, n), whose hot_hash is h, or NULL; a hit in the
 * second way moves it first. */
static inline const hotw *hot_find_h(hotw *tab, uint32_t h, uint64_t ka, uint32_t kb, uint32_t n) {
    hotw *e = hot_set(tab, h);
    if (hot_is(e, ka, kb, n)) return e;
    if (!hot_is(e + 1, ka, kb, n)) return NULL;
    hotw tmp = e[0];
    e[0] = e[1];
    e[1] = tmp;
    return e;
}

/* Remember key (n bytes) -> stopword id sw (-1: none), stem st (sl bytes). */
static void hot_put(hotw *tab, const char *key, size_t n, int sw, const char *st, size_t sl) {
    if (n == 0 || n > HOT_KEY || sl > HOT_KEY) return;
    char kbuf[16] = {0};
    memcpy(kbuf, key, n);
    uint64_t ka;
    uint32_t kb;
    hot_key(kbuf, n, &ka, &kb);
    uint32_t h = hot_hash(ka, kb, n);
    hotw *e = hot_set(tab, h);
    if (!hot_is(e, ka, kb, (uint32_t)n)) e[1] = e[0];   /* the older way goes */
    memset(e, 0, sizeof *e);
    e->ka = ka;
    e->kb = kb;
    e->hash = h;
    e->klen = (uint8_t)n;
    e->slen = (uint8_t)sl;
    e->sw = (uint8_t)(sw + 1);
    e->same = sl == n && memcmp(st, key, n) == 0;
    memcpy(e->stem, st, sl);
}

typedef struct tok_state {
    cr_ctx *ctx;
    hotw *hot;           /* the word cache, NULL without memory */
    cr_doc *d;
    const char *b;
    bool english;
    bool failed;
    /* per token */
    bool has_lower, has_upper, has_digit, has_letter, first_upper, first_seen, ascii;
    int uppers;
    uint32_t *pend;      /* tokens to stem after the pass */
    uint32_t *pend_h;    /* 1: the word may go in the word cache */
    size_t n_pend, cap_pend;
} tok_state;

/* Is a letter or digit (any script) at p? Sets *l to its byte length. */
static bool alnum_at(const char *b, uint32_t i, uint32_t end, int *l) {
    unsigned char c = (unsigned char)b[i];
    if (c < 0x80) { *l = 1; return alnum_b(c); }
    int32_t cp = dec((const unsigned char *)b + i, end - i, l);
    int u = uclass(cp);
    return u == U_LOWER || u == U_UPPER || u == U_LETTER || u == U_DIGIT;
}

static inline bool digit_at(const char *b, uint32_t i, uint32_t end) {
    return i < end && cri_isdigit((unsigned char)b[i]);
}

/* Note the case of one character of the current token. */
static inline void note(tok_state *t, int cls) {
    switch (cls) {
    case U_LOWER: t->has_lower = t->has_letter = true;
        if (!t->first_seen) { t->first_seen = true; t->first_upper = false; }
        break;
    case U_UPPER: t->has_upper = t->has_letter = true; t->uppers++;
        if (!t->first_seen) { t->first_seen = true; t->first_upper = true; }
        break;
    case U_LETTER: t->has_letter = true;
        if (!t->first_seen) { t->first_seen = true; t->first_upper = false; }
        break;
    case U_DIGIT: t->has_digit = true; break;
    default: break;
    }
}

/* Scan a word starting at i (its first char is a letter/digit/mark).
 * Returns the end. */
static uint32_t scan_word(tok_state *t, uint32_t i, uint32_t end) {
    const char *b = t->b;
    uint32_t lim = end - i > CR_MAX_TOKEN ? i + CR_MAX_TOKEN : end;
    uint32_t j = i;
    int letters_run = 0;   /* letters since the last '.', for "U.S." */
    bool dotted = false;
    while (j < lim) {
        unsigned char c = (unsigned char)b[j];
        uint8_t k = bclass[c];
        if (k == B_LOWER) { note(t, U_LOWER); letters_run++; j++; continue; }
        if (k == B_UPPER) { note(t, U_UPPER); letters_run++; j++; continue; }
        if (k == B_DIGIT) { note(t, U_DIGIT); letters_run = 3; j++; continue; }
        if (k == B_HIGH) {
            int l;
            int32_t cp = dec((const unsigned char *)b + j, end - j, &l);
            int u = uclass(cp);
            if (u == U_LOWER || u == U_UPPER || u == U_LETTER || u == U_DIGIT || u == U_MARK) {
                if (j + (uint32_t)l > lim) break;
                note(t, u);
                t->ascii = false;
                letters_run++;
                j += (uint32_t)l;
                continue;
            }
            if ((is_apos_cp(cp) || is_hyphen_cp(cp)) && j > i && j + (uint32_t)l < lim) {
                int l2;
                if (alnum_at(b, j + (uint32_t)l, end, &l2)) {
                    t->ascii = false;
                    j += (uint32_t)l;
                    letters_run = 0;
                    continue;
                }
            }
            break;
        }
        if (k != B_PUNCT || j + 1 >= lim) break;
        /* ASCII punctuation between two parts of a word */
        unsigned char nx = (unsigned char)b[j + 1];
        if (c == '\'' || c == '-') {
            int l2;
            if (alnum_at(b, j + 1, end, &l2)) { j++; letters_run = 0; continue; }
            break;
        }
        bool prev_digit = cri_isdigit((unsigned char)b[j - 1]);
        if ((c == '.' || c == ':' || c == '/') && prev_digit && cri_isdigit(nx)) { j++; continue; }
        if (c == ',' && prev_digit && cri_isdigit(nx) && digit_at(b, j + 2, end) && digit_at(b, j + 3, end) &&
            !digit_at(b, j + 4, end)) {
            j++;
            continue;
        }
        if (c == '.' && letters_run >= 1 && letters_run <= 2 && cri_isalpha(nx)) {
            /* "U.S", "e.g", "Ph.D": next part also 1-2 letters then '.' */
            uint32_t q = j + 1;
            while (q < end && q - j <= 3 && cri_isalpha((unsigned char)b[q])) q++;
            if (q - (j + 1) <= 2 && q < end && b[q] == '.') { dotted = true; j++; letters_run = 0; continue; }
            break;
        }
        if (c == '@' && cri_isalnum(nx)) {
            /* e-mail: take the domain */
            uint32_t q = j + 1;
            while (q < lim && (cri_isalnum((unsigned char)b[q]) || b[q] == '.' || b[q] == '-' || b[q] == '_')) q++;
            while (q > j + 1 && (b[q - 1] == '.' || b[q - 1] == '-')) q--;
            for (uint32_t x = j + 1; x < q; x++) note(t, cri_isdigit((unsigned char)b[x]) ? U_DIGIT : U_LOWER);
            j = q;
            break;
        }
        if (c == '.' && cri_islower((unsigned char)b[j - 1]) && cri_islower(nx)) {
            j++;   /* "example.com", "newsweek.com" */
            continue;
        }
        if (c == '_' && cri_isalnum(nx)) { j++; continue; }
        break;
    }
    if (dotted && j < end && b[j] == '.' && j + 1 <= lim) j++;   /* "U.S." */
    return j;
}

/* URL at i ("http://", "https://", "www.")? Returns its end or i. */
static uint32_t scan_url(const char *b, uint32_t i, uint32_t end) {
    size_t n = end - i;
    bool url = (n > 8 && (memcmp(b + i, "https://", 8) == 0)) ||
               (n > 7 && memcmp(b + i, "http://", 7) == 0) ||
               (n > 4 && memcmp(b + i, "www.", 4) == 0 && cri_isalnum((unsigned char)b[i + 4]));
    if (!url) return i;
    uint32_t lim = n > CR_MAX_TOKEN ? i + CR_MAX_TOKEN : end, j = i;
    while (j < lim && (unsigned char)b[j] > ' ' && (unsigned char)b[j] < 0x80 && b[j] != '"' &&
           b[j] != '<' && b[j] != '>')
        j++;
    while (j > i && (b[j - 1] == '.' || b[j - 1] == ',' || b[j - 1] == ';' || b[j - 1] == ':' ||
                     b[j - 1] == '!' || b[j - 1] == '?' || b[j - 1] == ')' || b[j - 1] == '\''))
        j--;
    return j;
}

static const char lower_tab[256] = {
#define L(c) [c] = (char)((c) + 32)
    L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'), L('J'), L('K'),
    L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'), L('S'), L('T'), L('U'), L('V'),
    L('W'), L('X'), L('Y'), L('Z'),
#undef L
};

/* Append the folded key of [a, e) to the pool; returns 0 or -1. */
static int put_key(tok_state *t, uint32_t a, uint32_t e, bool ascii) {
    cri_buf *p = &t->d->pool;
    size_t n = e - a;
    if (p->cap - p->len < 2 * n + 8 && cri_buf_reserve(p, 2 * n + 8)) return -1;
    const unsigned char *s = (const unsigned char *)t->b + a;
    if (ascii) {
        char *o = p->data + p->len;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = s[i];
            o[i] = lower_tab[c] ? lower_tab[c] : (char)c;
        }
        o[n] = 0;
        p->len += n + 1;
        return 0;
    }
    /* mostly ASCII with curly apostrophes / Unicode hyphens: fold inline */
    bool simple = true;
    for (size_t i = 0; i < n && simple;) {
        if (s[i] < 0x80) { i++; continue; }
        if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
            (s[i + 2] == 0x99 || s[i + 2] == 0x90 || s[i + 2] == 0x91)) { i += 3; continue; }
        simple = false;
    }
    if (simple) {
        char *o = p->data + p->len;
        size_t k = 0;
        for (size_t i = 0; i < n;) {
            unsigned char c = s[i];
            if (c < 0x80) { o[k++] = lower_tab[c] ? lower_tab[c] : (char)c; i++; continue; }
            o[k++] = s[i + 2] == 0x99 ? '\'' : '-';
            i += 3;
        }
        o[k] = 0;
        p->len += k + 1;
        return 0;
    }
    if (cri_fold((const char *)s, n, p)) return -1;
    return cri_buf_putc(p, 0);
}

/* Every suffix Snowball English removes or rewrites ends in one of these
 * letters (-s -ed -ing -ly -y -ness -ism -ic -al -er -ent -ion -ize -iti
 * -ogi ...); a word ending in any other byte is its own stem, and skips the
 * cache lookup (about one content word in eight). */
static inline bool stem_may_change(char last) {
    switch (last) {
    case 'c': case 'd': case 'e': case 'g': case 'i': case 'l': case 'm': case 'n':
    case 'r': case 's': case 't': case 'y': case '\'':
        return true;
    }
    return (unsigned char)last >= 0x80;   /* non-ASCII: let Snowball decide */
}

/* Finish a token whose key is already in the pool at koff (klen bytes + NUL):
 * stopword flag, stem, and the token record.  sw: stopword index when the
 * caller knows it, -2 when it must be looked up. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline bool finish_tok(tok_state *t, uint32_t a, uint32_t e, uint32_t si, uint16_t flags,
                       size_t koff, size_t klen, int sw, bool do_stem, uint32_t hh) {
    cr_doc *d = t->d;
    if (d->n_toks == d->cap_toks) {
        if (!CRI_PUSH(d->toks, d->n_toks, d->cap_toks)) { t->failed = true; return false; }
        d->n_toks--;
    }
    if (klen > 0xFFFF || koff > UINT32_MAX) { t->failed = true; return false; }
    cri_token *tk = &d->toks[d->n_toks];
    tk->start = a;
    tk->end = e;
    tk->sent = si;
    tk->key = (uint32_t)koff;
    tk->key_len = (uint16_t)klen;
    tk->stem = (uint32_t)koff;
    tk->stem_len = (uint16_t)klen;
    if (flags & CRI_TOK_WORD) {
        const char *key = d->pool.data + koff;
        if (sw == -2) sw = cri_stopword_id(key, klen);
        const char *st = NULL;
        size_t sl = 0;
        if (sw >= 0) {
            flags |= CRI_TOK_STOP;
            if (do_stem) {
                st = cri_stopword_stem(sw, &sl);
                if (st == cri_stopword_word(sw)) st = NULL;   /* stem = key */
            }
        } else if (do_stem && !(flags & CRI_TOK_NUM) && klen >= 3 && stem_may_change(key[klen - 1])) {
            /* stemmed in one batch after the pass (cri_stem_tokens) */
            if (t->n_pend == t->cap_pend) {
                size_t nc = t->cap_pend ? t->cap_pend * 2 : 256;
                uint32_t *np = realloc(t->pend, nc * sizeof *np);
                if (!np) { t->failed = true; return false; }
                t->pend = np;
                np = realloc(t->pend_h, nc * sizeof *np);
                if (!np) { t->failed = true; return false; }
                t->pend_h = np;
                t->cap_pend = nc;
            }
            t->pend_h[t->n_pend] = hh;
            t->pend[t->n_pend++] = (uint32_t)d->n_toks;
        }
        if (st && (sl != klen || memcmp(st, key, sl) != 0)) {
            cri_buf *p = &d->pool;
            if (p->cap - p->len < sl + 2 && cri_buf_reserve(p, sl + 2)) { t->failed = true; return false; }
            memcpy(p->data + p->len, st, sl);
            p->data[p->len + sl] = 0;
            tk->stem = (uint32_t)p->len;
            tk->stem_len = (uint16_t)sl;
            p->len += sl + 1;
        }
    }
    tk->flags = flags;
    d->n_toks++;
    return true;
}

static bool push_tok(tok_state *t, uint32_t a, uint32_t e, uint32_t si, uint16_t flags, bool ascii,
                     bool do_stem) {
    size_t koff = t->d->pool.len;
    if (put_key(t, a, e, ascii)) { t->failed = true; return false; }
    return finish_tok(t, a, e, si, flags, koff, t->d->pool.len - koff - 1, -2, do_stem, 0);
}

/* The common case, fused: a run of ASCII letters ending in a space or in
 * punctuation that cannot join words.  Lower-cases into the pool (eight
 * bytes at a time where the body allows), then asks the word cache; a word
 * not there yet takes the stopword table and goes in the cache (or, when it
 * needs Snowball, after cri_stem_tokens).  Returns the end, or 0 when the
 * word needs the general scanner. */
static uint32_t fast_word(tok_state *t, uint32_t i, uint32_t end, uint32_t si, bool *first_word) {
    const unsigned char *b = (const unsigned char *)t->b;
    cri_buf *p = &t->d->pool;
    /* room for the key, its stem and the 8-byte stores and 12-byte reads */
    if (p->cap - p->len < 2 * CR_MAX_TOKEN + 32 && cri_buf_reserve(p, 2 * CR_MAX_TOKEN + 32)) return 0;
    char *o = p->data + p->len;
    uint32_t lim = end - i > CR_MAX_TOKEN ? i + CR_MAX_TOKEN : end, j = i;
    bool lower = false;
    /* the key's first 12 bytes as hot_key makes them, kept from the
     * registers: reading them back from o right after the stores would
     * stall on store forwarding */
    uint64_t ka = 0;
    uint32_t kb = 0;
    bool kregs = false;
#if HAVE_SWAR
    const uint64_t hi = 0x8080808080808080ULL;
    uint32_t blen = t->d->body_len;
    while (j < lim && blen - j >= 8) {
        uint64_t x;
        memcpy(&x, b + j, 8);
        /* ASCII letters: (x | 0x20) in 'a'..'z' and the high bit clear */
        uint64_t lc = (x & 0x7F7F7F7F7F7F7F7FULL) | 0x2020202020202020ULL;
        uint64_t alpha = (lc + 0x1F1F1F1F1F1F1F1FULL) & ~(lc + 0x0505050505050505ULL) & ~x & hi;
        uint64_t stop = ~alpha & hi;
        uint32_t k = stop ? (uint32_t)__builtin_ctzll(stop) >> 3 : 8;
        if (k > lim - j) k = lim - j;
        uint64_t keep = k == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * k)) - 1;
        uint64_t low = (x | (alpha >> 2)) & keep;
        memcpy(o + (j - i), &low, 8);
        if (alpha & (x << 2) & keep) lower = true;
        if (j == i) { ka = low; kregs = true; }
        else if (j - i == 8) kb = (uint32_t)low;
        j += k;
        if (k < 8) goto scanned;
    }
#endif
    kregs = false;   /* finished byte by byte: read the key back */
    while (j < lim) {
        unsigned c = b[j];
        uint8_t k = bclass[c];
        if (k == B_UPPER) c += 32;
        else if (k == B_LOWER) lower = true;
        else break;
        o[j - i] = (char)c;
        j++;
    }
#if HAVE_SWAR
scanned:
#endif
    if (j == i) return 0;
    if (j < end) {
        unsigned c = b[j];
        uint8_t k = bclass[c];
        if (k == B_DIGIT || k == B_HIGH) return 0;
        if (k == B_PUNCT && j + 1 < end && bclass[b[j + 1]] != B_SPACE &&
            (c == '\'' || c == '-' || c == '.' || c == '@' || c == '_' || c == ':' || c == '/' || c == ','))
            return 0;
    }
    if (j - i <= 5 && (b[i] == 'h' || b[i] == 'w') && j < end && (b[j] == ':' || b[j] == '.')) return 0;
    size_t n = j - i;
    o[n] = 0;
    size_t koff = p->len;
    uint16_t flags = CRI_TOK_WORD;
    if (bclass[b[i]] == B_UPPER) flags |= CRI_TOK_CAP;
    if (n >= 2 && !lower) flags |= CRI_TOK_ALLCAP;
    if (*first_word) { flags |= CRI_TOK_SSTART; *first_word = false; }
    if (t->hot && n <= HOT_KEY) {
        if (!kregs) hot_key(o, n, &ka, &kb);
        const hotw *e = hot_find_h(t->hot, hot_hash(ka, kb, n), ka, kb, (uint32_t)n);
        if (e) {
            /* seen before: the token record straight from the cache */
            cr_doc *d = t->d;
            if (d->n_toks == d->cap_toks) {
                if (!CRI_PUSH(d->toks, d->n_toks, d->cap_toks)) { t->failed = true; return 0; }
                d->n_toks--;
            }
            if (koff > UINT32_MAX) { t->failed = true; return 0; }
            p->len += n + 1;
            cri_token *tk = &d->toks[d->n_toks++];
            tk->start = i;
            tk->end = j;
            tk->sent = si;
            tk->key = tk->stem = (uint32_t)koff;
            tk->key_len = tk->stem_len = (uint16_t)n;
            if (e->sw) flags |= CRI_TOK_STOP;
            tk->flags = flags;
            if (t->english && !e->same) {
                char *so = p->data + p->len;
                memcpy(so, e->stem, HOT_KEY);
                so[e->slen] = 0;
                tk->stem = (uint32_t)p->len;
                tk->stem_len = e->slen;
                p->len += e->slen + 1u;
            }
            return j;
        }
    }
    p->len += n + 1;
    int sw = cri_stopword_id(o, n);
    if (!finish_tok(t, i, j, si, flags, koff, n, sw, t->english, n <= HOT_KEY)) return 0;
    if (t->hot && n <= HOT_KEY) {
        /* what is known now goes in the cache; words that need Snowball
         * go in after cri_stem_tokens */
        const char *key = p->data + koff;
        if (sw >= 0) {
            size_t sl;
            const char *st = cri_stopword_stem(sw, &sl);
            hot_put(t->hot, key, n, sw, st, sl);
        } else if (n < 3 || !stem_may_change(key[n - 1])) {
            hot_put(t->hot, key, n, -1, key, n);
        }
    }
    return j;
}

/* The byte after an ASCII word in fast_run: 0 nothing to check (a space,
 * a symbol that cannot join words), AW_STOP a digit or non-ASCII byte (the
 * word goes on: the general path's), AW_JOIN ' - . @ _ : / , (joins words
 * when no space follows; "http:" and "www." start URLs). */
#if HAVE_SWAR
enum { AW_STOP = 1, AW_JOIN = 2 };
static const uint8_t after_word[256] = {
    ['0'] = AW_STOP, ['1'] = AW_STOP, ['2'] = AW_STOP, ['3'] = AW_STOP, ['4'] = AW_STOP,
    ['5'] = AW_STOP, ['6'] = AW_STOP, ['7'] = AW_STOP, ['8'] = AW_STOP, ['9'] = AW_STOP,
    ['\''] = AW_JOIN, ['-'] = AW_JOIN, ['.'] = AW_JOIN, ['@'] = AW_JOIN, ['_'] = AW_JOIN,
    [':'] = AW_JOIN, ['/'] = AW_JOIN, [','] = AW_JOIN,
#define R8(x) [x] = AW_STOP, [x + 1] = AW_STOP, [x + 2] = AW_STOP, [x + 3] = AW_STOP, \
              [x + 4] = AW_STOP, [x + 5] = AW_STOP, [x + 6] = AW_STOP, [x + 7] = AW_STOP
    R8(0x80), R8(0x88), R8(0x90), R8(0x98), R8(0xA0), R8(0xA8), R8(0xB0), R8(0xB8),
    R8(0xC0), R8(0xC8), R8(0xD0), R8(0xD8), R8(0xE0), R8(0xE8), R8(0xF0), R8(0xF8),
#undef R8
};
#endif

/* The hot loop: spaces and ASCII words already in the word cache (about
 * 85% of the tokens of English news), with the document's arrays in locals
 * so nothing is reloaded per token.  Stops at anything else -- punctuation,
 * digits, non-ASCII, a word not cached yet, the last 16 bytes of the body --
 * and returns its offset for the general path, which decides exactly as
 * fast_word does (the checks below are the same). */
#if defined(__GNUC__)
__attribute__((noinline))   /* its own registers: inlined, the loop spilled */
#endif
static uint32_t fast_run(tok_state *t, uint32_t i, uint32_t end, uint32_t si, bool *first_word) {
#if HAVE_SWAR
    const unsigned char *b = (const unsigned char *)t->b;
    cr_doc *d = t->d;
    hotw *hot = t->hot;
    const uint64_t hi = 0x8080808080808080ULL, m7 = 0x7F7F7F7F7F7F7F7FULL, sp = 0x2020202020202020ULL;
    const uint64_t ka_lo = 0x1F1F1F1F1F1F1F1FULL, kz = 0x0505050505050505ULL;
    /* Room, checked once: a token here adds at most 26 bytes to the pool
     * (key 12 + NUL, stem 12 + NUL) and writes at most 32 past its start,
     * so `budget` tokens fit while 64 bytes stay free before each one, as
     * the general path needs; past it, the general path grows the arrays
     * and the next call counts again.  Fewer live values than checking
     * three limits per token, which spilled registers in this loop. */
    size_t plen = d->pool.len, pcap = d->pool.cap;
    size_t budget = pcap - plen < 64 ? 0 : (pcap - plen - 64) / 32 + 1;
    if (plen > UINT32_MAX - 64) budget = 0;
    else if (budget > (UINT32_MAX - 64 - plen) / 26) budget = (UINT32_MAX - 64 - plen) / 26;
    if (budget > d->cap_toks - d->n_toks) budget = d->cap_toks - d->n_toks;
    cri_token *tk = d->toks + d->n_toks, *tk_lim = tk + budget;
    char *pool = d->pool.data;
    /* words need 16 readable bytes from their start */
    const int64_t wlim = (int64_t)d->body_len - 16;
    bool english = t->english;
    /* the sentence's first word gets CRI_TOK_SSTART after the loop (one
     * live value less in it): the first token here that is not a symbol */
    cri_token *const tk0 = tk;
    while (i < end) {
        unsigned c = b[i];
        uint8_t k0 = bclass[c];
        if (k0 == B_SPACE) { i++; continue; }
        if (tk == tk_lim) break;
        if (k0 != B_LOWER && k0 != B_UPPER) {   /* letters, the common case, tested first */
            if (k0 == B_PUNCT) {
                /* one ASCII symbol (runs of . - ! ? * = _ # are the general
                 * path's): its own key and stem */
                if (i + 1 < end && b[i + 1] == c &&
                    (c == '.' || c == '-' || c == '!' || c == '?' || c == '*' || c == '=' || c == '_' || c == '#'))
                    break;
                char *o = pool + plen;
                o[0] = (char)c;
                o[1] = 0;
                tk->start = i;
                tk->end = i + 1;
                tk->key = tk->stem = (uint32_t)plen;
                tk->key_len = tk->stem_len = 1;
                tk->flags = CRI_TOK_PUNCT;
                tk->sent = si;
                tk++;
                plen += 2;
                i++;
                continue;
            }
            if (c == 0xE2) {
                /* typographic quotes and dashes, common in news: one symbol
                 * each, with the ASCII key cri_fold gives them */
                char f = 0;
                if (i + 3 <= end && b[i + 1] == 0x80) {
                    switch (b[i + 2]) {
                    case 0x90: case 0x91: case 0x93: case 0x94: f = '-'; break;   /* hyphens, dashes */
                    case 0x98: case 0x99: f = '\''; break;                        /* single quotes */
                    case 0x9C: case 0x9D: f = '"'; break;                         /* double quotes */
                    }
                }
                if (!f) break;
                char *o = pool + plen;
                o[0] = f;
                o[1] = 0;
                tk->start = i;
                tk->end = i + 3;
                tk->key = tk->stem = (uint32_t)plen;
                tk->key_len = tk->stem_len = 1;
                tk->flags = CRI_TOK_PUNCT;
                tk->sent = si;
                tk++;
                plen += 2;
                i += 3;
                continue;
            }
            if (k0 == B_DIGIT) {
                /* a number of up to 7 digits before a space or the sentence's
                 * end: no joiner to weigh ("1.6", "74,000", "9/11" are the
                 * general path's) */
                if ((int64_t)i > wlim) break;
                uint64_t x;
                memcpy(&x, b + i, 8);
                uint64_t lo7 = x & m7;
                uint64_t dg = (lo7 + 0x5050505050505050ULL) & ~(lo7 + 0x4646464646464646ULL) & ~x & hi;
                if (dg == hi) break;
                uint32_t n = (uint32_t)__builtin_ctzll(~dg & hi) >> 3;
                uint32_t j = i + n;
                if (j > end || (j < end && bclass[b[j]] != B_SPACE)) break;
                uint64_t key = x & (((uint64_t)1 << (8 * n)) - 1);
                memcpy(pool + plen, &key, 8);   /* NUL-terminated: n < 8 */
                uint16_t flags = CRI_TOK_NUM;
                tk->start = i;
                tk->end = j;
                tk->key = tk->stem = (uint32_t)plen;
                tk->key_len = tk->stem_len = (uint16_t)n;
                tk->flags = flags;
                tk->sent = si;
                tk++;
                plen += n + 1;
                i = j;
                continue;
            }
            break;   /* a digit before a joiner, another byte */
        }
        if ((int64_t)i > wlim) break;   /* the 16 bytes from i must be in the body */
        uint64_t x;
        memcpy(&x, b + i, 8);
        uint64_t lc = (x & m7) | sp;
        uint64_t alpha = (lc + ka_lo) & ~(lc + kz) & ~x & hi;
        uint64_t stop = ~alpha & hi;
        uint64_t ka;
        uint32_t kb = 0, n;
        bool lower;
        if (stop) {
            n = (uint32_t)__builtin_ctzll(stop) >> 3;
            uint64_t keep = ((uint64_t)1 << (8 * n)) - 1;
            ka = (x | (alpha >> 2)) & keep;
            lower = (alpha & (x << 2) & keep) != 0;
        } else {
            ka = x | (alpha >> 2);
            lower = (alpha & (x << 2)) != 0;
            uint64_t y;
            memcpy(&y, b + i + 8, 8);
            uint64_t lc2 = (y & m7) | sp;
            uint64_t alpha2 = (lc2 + ka_lo) & ~(lc2 + kz) & ~y & hi;
            uint64_t stop2 = ~alpha2 & hi;
            if (!stop2) break;
            uint32_t m = (uint32_t)__builtin_ctzll(stop2) >> 3;
            if (m > HOT_KEY - 8) break;
            uint64_t keep2 = ((uint64_t)1 << (8 * m)) - 1;
            kb = (uint32_t)((y | (alpha2 >> 2)) & keep2);
            lower |= (alpha2 & (y << 2) & keep2) != 0;
            n = 8 + m;
        }
        uint32_t j = i + n;
        uint32_t hh = hot_hash(ka, kb, n);
#if defined(__GNUC__)
        __builtin_prefetch(hot_set(hot, hh));   /* overlaps the checks below */
#endif
        if (j > end) break;
        bool space_after = false;
        if (j < end) {
            /* what follows the word, one lookup for the common space */
            unsigned c2 = b[j];
            uint8_t ak = after_word[c2];
            space_after = c2 == ' ';
            if (ak) {
                if (ak == AW_STOP) break;
                if (j + 1 < end && bclass[b[j + 1]] != B_SPACE) break;   /* a joiner inside a word */
                if (n <= 5 && (c == 'h' || c == 'w') && (c2 == ':' || c2 == '.')) break;
            }
        }
        const hotw *e = hot_find_h(hot, hh, ka, kb, n);
        if (!e) break;
        uint16_t flags = CRI_TOK_WORD;
        if (k0 == B_UPPER) flags |= CRI_TOK_CAP;
        if (n >= 2 && !lower) flags |= CRI_TOK_ALLCAP;
        if (e->sw) flags |= CRI_TOK_STOP;
        char *o = pool + plen;
        uint64_t kb64 = kb;
        memcpy(o, &ka, 8);
        memcpy(o + 8, &kb64, 8);   /* NUL-terminated: the bytes after the key are zero */
        tk->start = i;
        tk->end = j;
        tk->key = tk->stem = (uint32_t)plen;
        tk->key_len = tk->stem_len = (uint16_t)n;
        tk->flags = flags;
        tk->sent = si;
        plen += n + 1;
        if (english && !e->same) {
            char *so = pool + plen;
            memcpy(so, e->stem, HOT_KEY);
            so[e->slen] = 0;
            tk->stem = (uint32_t)plen;
            tk->stem_len = e->slen;
            plen += e->slen + 1u;
        }
        tk++;
        i = j + space_after;   /* the space after a word, as the loop's first test would */
    }
    if (*first_word)
        for (cri_token *x = tk0; x < tk; x++)
            if (!(x->flags & CRI_TOK_PUNCT)) {
                x->flags |= CRI_TOK_SSTART;
                *first_word = false;
                break;
            }
    d->n_toks = (size_t)(tk - d->toks);
    d->pool.len = plen;
    return i;
#else
    (void)t, (void)end, (void)si, (void)first_word;
    return i;
#endif
}

static uint16_t word_flags(const tok_state *t) {
    uint16_t f = 0;
    if (t->has_letter) f |= CRI_TOK_WORD;
    if (t->has_digit) f |= CRI_TOK_NUM;
    if (t->first_upper) f |= CRI_TOK_CAP;
    if (t->uppers >= 2 && !t->has_lower) f |= CRI_TOK_ALLCAP;
    return f;
}

/* Clearly English from its first tokens: 48+ words, all ASCII, with 30%+
 * English stopwords (English news has 40-50%; other languages under 15%).
 * Saves reading the text again in language.c for most documents. */
static bool english_by_tokens(const cr_doc *d) {
    size_t words = 0, stops = 0, i = 0;
    const unsigned char *b = (const unsigned char *)d->body;
    for (; i < d->n_toks && words < 96; i++) {
        const cri_token *t = &d->toks[i];
        if (!(t->flags & CRI_TOK_WORD)) continue;
        uint32_t n = t->end - t->start;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (n <= 8 && d->body_len - t->start >= 8) {
            /* a short word: its bytes' high bits in one load */
            uint64_t x;
            memcpy(&x, b + t->start, 8);
            if (x & 0x8080808080808080ULL & (n == 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * n)) - 1))
                return false;
        } else
#endif
        {
            for (uint32_t j = t->start; j < t->end; j++)
                if (b[j] >= 0x80) return false;
        }
        words++;
        if (t->flags & CRI_TOK_STOP) stops++;
    }
    return words >= 48 && stops * 100 >= words * 30;
}

static bool lang_is_english(const char *lang) {
    if (!lang) return true;
    return (lang[0] == 'e' || lang[0] == 'E') && (lang[1] == 'n' || lang[1] == 'N') &&
           (lang[2] == 0 || lang[2] == '-' || lang[2] == '_' || lang[2] == 'g' || lang[2] == 'G');
}

cr_status cri_tokenize(cr_ctx *ctx, cr_doc *d) {
    d->n_toks = 0;
    if (!d->body || d->n_sents == 0) return CR_OK;
    /* Unknown language: tokenize as English, then decide from the tokens
     * (most documents) or from the text (language.c), and undo the stems
     * if it is not English. */
    bool guess = d->language == NULL;
    tok_state t = {.ctx = ctx, .d = d, .b = d->body, .english = guess || lang_is_english(d->language),
                   .hot = cri_word_cache(ctx)};
    /* reserve: about one token per 5.5 bytes of news text; keys ~ the body */
    size_t want = d->body_len / 5 + 16;
    if (d->cap_toks < want) {
        cri_token *nt = realloc(d->toks, want * sizeof *nt);
        if (!nt) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
        d->toks = nt;
        d->cap_toks = want;
    }
    cri_buf_clear(&d->pool);
    if (cri_buf_reserve(&d->pool, (size_t)d->body_len + d->body_len / 2 + 64))
        return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    const char *b = d->body;
    for (size_t si = 0; si < d->n_sents && !t.failed; si++) {
        cri_sentence *s = &d->sents[si];
        s->tok_first = (uint32_t)d->n_toks;
        uint32_t i = s->start, end = s->end;
        bool first_word = true;
        while (i < end && !t.failed) {
            if (t.hot) {
                i = fast_run(&t, i, end, (uint32_t)si, &first_word);
                if (i >= end) break;
            }
            unsigned char c = (unsigned char)b[i];
            uint8_t k = bclass[c];
            if (k == B_SPACE) { i++; continue; }
            if (k == B_LOWER || k == B_UPPER) {
                uint32_t e = fast_word(&t, i, end, (uint32_t)si, &first_word);
                if (e) { i = e; continue; }
                if (t.failed) break;
            }
            t.has_lower = t.has_upper = t.has_digit = t.has_letter = false;
            t.first_upper = t.first_seen = false;
            t.uppers = 0;
            t.ascii = true;
            uint32_t a = i, e;
            uint16_t flags;
            if (k == B_LOWER || k == B_UPPER || k == B_DIGIT) {
                e = (c == 'h' || c == 'w') ? scan_url(b, i, end) : i;
                if (e > i) {
                    t.has_letter = true;
                    t.has_lower = true;
                    flags = CRI_TOK_WORD;
                } else {
                    e = scan_word(&t, i, end);
                    flags = word_flags(&t);
                }
            } else if (k == B_PUNCT) {
                e = i + 1;
                if (c == '.' || c == '-' || c == '!' || c == '?' || c == '*' || c == '=' || c == '_' || c == '#')
                    while (e < end && e - a < CR_MAX_TOKEN && (unsigned char)b[e] == c) e++;
                flags = CRI_TOK_PUNCT;
            } else {
                int l;
                int32_t cp = dec((const unsigned char *)b + i, end - i, &l);
                int u = uclass(cp);
                if (u == U_SPACE) { i += (uint32_t)l; continue; }
                if (u == U_IDEO) {
                    e = i + (uint32_t)l;
                    t.has_letter = true;
                    t.ascii = false;
                    flags = CRI_TOK_WORD;
                } else if (u == U_PUNCT) {
                    e = i + (uint32_t)l;
                    t.ascii = false;
                    flags = CRI_TOK_PUNCT;
                } else {
                    e = scan_word(&t, i, end);
                    t.ascii = false;
                    flags = word_flags(&t);
                }
            }
            if (e <= i) e = i + 1;   /* never stall */
            if (first_word && !(flags & CRI_TOK_PUNCT)) { flags |= CRI_TOK_SSTART; first_word = false; }
            bool stem = t.english && (flags & CRI_TOK_WORD);
            if (!push_tok(&t, a, e, (uint32_t)si, flags, t.ascii, stem)) break;
            i = e;
        }
        s->tok_end = (uint32_t)d->n_toks;
    }
    if (!t.failed && guess) {
        const char *g = english_by_tokens(d) ? "en" : cri_language_guess(d->body, d->body_len);
        if (g && !(d->language = cri_arena_strdup(&d->arena, g))) t.failed = true;
        if (!lang_is_english(d->language)) {
            /* not English: every stem is its key */
            for (size_t i = 0; i < d->n_toks; i++) {
                d->toks[i].stem = d->toks[i].key;
                d->toks[i].stem_len = d->toks[i].key_len;
            }
            t.n_pend = 0;
        }
    }
    if (!t.failed && t.n_pend && cri_stem_tokens(ctx, d, t.pend, t.n_pend)) t.failed = true;
    if (!t.failed && t.hot)
        for (size_t k = 0; k < t.n_pend; k++) {
            const cri_token *tk = &d->toks[t.pend[k]];
            if (t.pend_h[k] && tk->key_len <= HOT_KEY)
                hot_put(t.hot, cri_tok_key(d, tk), tk->key_len, -1, cri_tok_stem(d, tk),
                        tk->stem_len);
        }
    free(t.pend);
    free(t.pend_h);
    if (t.failed) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    return CR_OK;
}
