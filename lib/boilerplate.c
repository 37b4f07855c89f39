/*
 * boilerplate.c — separate an article's body from what a scraper picks up
 * with it: promo and subscription blocks, navigation, share/comment/feedback
 * prompts, "support us" appeals, author bios, tag lists, related links,
 * photo captions and credits, lines repeated within the article or across
 * the outlet's other articles.  Sits between normalize.c (valid NFC text
 * with LF line ends) and segment.c (sentences of the body).
 *
 * Method (line based, linear): every non-blank line is scanned once for its
 * shape (words, capitalized words, stopwords, sentence end, bullet) and, in
 * its first CRI_BP_FULL_SCAN bytes, its vocabulary (a static hashed table of
 * stopwords, promo/link words by category, imperative verbs, second person,
 * cue words: boilerplate_lex.h); the rest of a long paragraph is only
 * counted and hashed.  Then, in order:
 *   1. line rules: a promo score from vocabulary, imperative first word,
 *      "you", addresses and promo phrases, normalized by length, so that a
 *      long reported sentence that mentions an app stays; photo credits at
 *      a line's end make a caption; label lines start tag lists;
 *   2. metadata.c finds title, byline and dateline at the head;
 *   3. block rules: a bullet list is judged as a whole (content-shaped items
 *      or promo items), the short line introducing a caption or a removed
 *      list goes with it, "About the writer" takes its bio;
 *   4. zones: the article runs from the first to the last line that reads as
 *      content; short or repeated lines outside it go;
 *   5. repetition: a line seen earlier in the article, and lines that the
 *      same outlet repeats in 3+ of its articles (cri_line_stats) when they
 *      are fragments or lie outside the prose, go (unless the article is a
 *      copy of another: then its sentences stay for dedup to see).
 * Every line that is not body is kept in d->removed with its reason
 * (docs/boilerplate.md lists them).  Deliberately no regular expressions and
 * no allocation per line: one array of lines per document, strings in the
 * document's arena.
 */
#include "boilerplate.h"

#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef struct lexent {
    uint32_t h;
    uint8_t len, cat, weight;
    uint16_t flags;
    char w[16];
} lexent;
#include "boilerplate_lex.h"

const char *const CRI_R_TITLE = "title", *const CRI_R_BYLINE = "byline",
                  *const CRI_R_DATELINE = "dateline", *const CRI_R_CAPTION = "caption",
                  *const CRI_R_CREDIT = "photo-credit", *const CRI_R_SOURCE = "source",
                  *const CRI_R_TAGS = "tags", *const CRI_R_REPEATED = "repeated",
                  *const CRI_R_BIO = "author-bio", *const CRI_R_NAV = "navigation",
                  *const CRI_R_RELATED = "related", *const CRI_R_PROMO = "promo",
                  *const CRI_R_ABOUT = "about", *const CRI_R_EMBED = "embed";

/* ---- lexicon ------------------------------------------------------------ */

/* Eight bytes as a host-order word, as the union in scan_line reads them
 * (compared for equality only). */
static inline uint64_t rd64(const char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

/* A host-order word read from memory as little-endian (and back): the
 * table's hashes are of little-endian blocks, whatever the host. */
static inline uint64_t le64(uint64_t v) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap64(v);
#else
    return v;
#endif
}

/* The word (lower case, zero padded to 16 bytes as two little-endian
 * blocks a, b) in the lexicon: its slot, or -1. */
static inline int lex_find(uint32_t h, uint64_t a, uint64_t b, size_t n) {
    if (n == 0 || n > 15) return -1;
    uint32_t slot = (uint32_t)(h * 2654435761u) >> LEX_SHIFT;
    for (;;) {
        const lexent *e = &LEX[slot];
        if (!e->len) return -1;
        if (e->h == h && e->len == n && rd64(e->w) == a && rd64(e->w + 8) == b) return (int)slot;
        slot = (slot + 1) & (LEX_SIZE - 1);
    }
}

/* Two-word promo phrases (both words in the lexicon), as the lexicon
 * holds words: zero padded to 16 bytes, compared as two blocks. */
static bool promo_bigram(const char *a, const char *b) {
    static const struct {
        char a[16], b[16];
    } P[] = {
        {"read", "more"},   {"sign", "up"},       {"click", "here"},    {"follow", "us"},
        {"log", "in"},      {"sign", "in"},       {"support", "us"},    {"give", "feedback"},
        {"share", "this"},  {"rights", "reserved"}, {"more", "stories"}, {"subscribe", "now"},
        {"accept", "cookies"}, {"more", "from"}, {"continue", "reading"},
        {"join", "us"},       {"contact", "us"},    {"tap", "here"},
        {"read", "next"},   {"latest", "stories"}, {"related", "stories"}, {"free", "trial"},
    };
    uint64_t a0 = rd64(a), a1 = rd64(a + 8), b0 = rd64(b), b1 = rd64(b + 8);
    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++)
        if (rd64(P[i].a) == a0 && rd64(P[i].b) == b0 && rd64(P[i].a + 8) == a1 && rd64(P[i].b + 8) == b1)
            return true;
    return false;
}

/* ---- scanning ----------------------------------------------------------- */

static inline bool ieq_prefix(const char *s, size_t n, const char *lw) {
    /* most calls end at the first byte: tested before the loop (lw is a
     * literal, so lw[0] is a constant once inlined) */
    if (lw[0] && (n == 0 || cri_tolower(s[0]) != lw[0])) return false;
    for (size_t i = 1; lw[0] && lw[i]; i++)
        if (i >= n || cri_tolower(s[i]) != lw[i]) return false;
    return true;
}


/* Length of a bullet marker at p (with its following space), 0 if none. */
static size_t bullet_len(const unsigned char *p, const unsigned char *e) {
    size_t n = 0;
    if (p < e && (*p == '*' || *p == '-' || *p == '+' || *p == '>')) n = 1;
    else if (e - p >= 3 && p[0] == 0xE2) {
        /* • ‣ ◦ ▪ ► ● – — ✓ */
        if ((p[1] == 0x80 && (p[2] == 0xA2 || p[2] == 0xA3 || p[2] == 0x93 || p[2] == 0x94)) ||
            (p[1] == 0x97 && (p[2] == 0xA6 || p[2] == 0x8F)) ||
            (p[1] == 0x96 && (p[2] == 0xAA || p[2] == 0xBA || p[2] == 0xB8)) ||
            (p[1] == 0x9C && p[2] == 0x93))
            n = 3;
    } else if (e - p >= 2 && p[0] == 0xC2 && p[1] == 0xB7) n = 2;   /* · */
    if (!n) return 0;
    if (p + n >= e) return 0;
    if (p[n] != ' ' && p[n] != '\t') return 0;
    n++;
    while (p + n < e && (p[n] == ' ' || p[n] == '\t')) n++;
    return n;
}

/* A UTF-8 sequence that separates words: quotes, dashes, ellipsis,
 * bullets, no-break space.  Returns its length, 0 if a letter. */
static inline size_t utf8_sep(const unsigned char *p, const unsigned char *e) {
    if (p[0] == 0xC2 && e - p >= 2 && (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB || p[1] == 0xB7 || p[1] == 0xA9))
        return 2;
    if (p[0] == 0xE2 && e - p >= 3 && (p[1] == 0x80 || p[1] == 0x81)) return 3;
    return 0;
}

static const char *TLDS[] = {"com", "org", "net", "co", "uk", "io", "gov", "edu", "info", "news", "tv", "in", "de", "fr", "ru", "ua", "kr", "jp", "au", "ca"};

static bool word_is_domain(const char *w, size_t n) {
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (w[i] == '.') dot = w + i;
    if (!dot || dot == w) return false;
    size_t tl = (size_t)(w + n - dot - 1);
    for (size_t i = 0; i < sizeof TLDS / sizeof TLDS[0]; i++)
        if (strlen(TLDS[i]) == tl && memcmp(TLDS[i], dot + 1, tl) == 0) {
            /* "U.S" or "a.m" are not domains: the label before needs 3+ letters */
            const char *q = dot;
            size_t lab = 0;
            while (q > w && q[-1] != '.') q--, lab++;
            return lab >= 3;
        }
    return false;
}

/* The cue bit of a cite word (see cri_bline.cues), 0 if none. */
static uint16_t cue_bit(const char *w) {
    static const char *const CUES[] = {"according", "citing", "quoting", "reported", "reports",
                                       "said", "says", "quoted", "cited"};
    for (int i = 0; i < 9; i++)
        if (w[0] == CUES[i][0] && strcmp(w, CUES[i]) == 0) return (uint16_t)(1u << i);
    return 0;
}

/* Bits set in each 16-bit half of x, in the low five bits of each half
 * (no popcnt instruction assumed). */
static inline uint32_t pop16x2(uint32_t x) {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x + (x >> 8)) & 0x001F001Fu;
}

/* Scan one trimmed line: shape, vocabulary and key. */
static void scan_line(const char *text, cri_bline *l, uint64_t seed, bool vocab) {
    /* work on a local copy the compiler can keep in registers */
    cri_bline v = *l;
    const unsigned char *p = (const unsigned char *)text + v.start;
    const unsigned char *e = (const unsigned char *)text + v.end;
    size_t bl = bullet_len(p, e);
    if (bl) v.flags |= BL_BULLET;
    v.cstart = v.start + (uint32_t)bl;
    p += bl;
    uint64_t key = 0x6a09e667f3bcc909ULL;
    int catw[16] = {0};
    char prevw[16] = {0};
    bool prev_hit = false, prev_agency = false;
    bool last_upper = false;   /* the word before, for the tail loop */
    /* Words are looked up in the first CRI_BP_FULL_SCAN bytes only: that is
     * where a line shows what it is; the rest of a long paragraph is
     * counted and hashed in a fast loop. */
    const unsigned char *full_end = e - p > CRI_BP_FULL_SCAN ? p + CRI_BP_FULL_SCAN : e;
    /* A long line that reads as plain prose after CRI_BP_PROSE_SCAN bytes
     * (8+ words, a quarter of them stopwords, no promo, person, role,
     * credit, cite or label word, no address) is counted from there on
     * like the tail: only promo and bylines need the vocabulary, and they
     * show in the first words. */
    const unsigned char *prose_at =
        vocab && e - p > CRI_BP_PROSE_LINE ? p + CRI_BP_PROSE_SCAN : full_end;
    while (p < full_end) {
        unsigned char c = *p;
        if (c == ' ') {   /* the common separator */
            p++;
            continue;
        }
        bool wc = cri_isalnum(c) || (c >= 0x80 && !utf8_sep(p, e));
        if (!wc) {
            if (c == '@') {
                v.flags |= BL_AT;
                if (p > (const unsigned char *)text + v.cstart && cri_isalnum(p[-1]) && p + 1 < e &&
                    cri_isalnum(p[1]))
                    v.flags |= BL_EMAIL;
            }
            else if (c == '|' && p > (const unsigned char *)text + v.cstart && p[-1] == ' ')
                v.flags |= BL_PIPE;
            else if (c == ':' && p + 2 < e && p[1] == '/' && p[2] == '/')
                v.flags |= BL_URL;
            p += c >= 0x80 ? utf8_sep(p, e) : 1;
            continue;
        }
        /* one word: letters, digits, non-ASCII letters, and . - ' between
         * them; lower-cased into w (zero padded; a longer word keeps its
         * first 15 bytes and its last one) and hashed as two 64-bit blocks,
         * so no byte waits on the one before */
        if (p >= prose_at) {
            if (v.words >= 8 && v.stops * 4 >= v.words && v.promo == 0 &&
                !(v.you | v.we | v.role | v.credit | v.cite | v.tag | v.meta) &&
                !(v.first & LX_IMP) && !(v.flags & (BL_URL | BL_AT | BL_EMAIL | BL_BIGRAM | BL_PIPE)))
                break;
            prose_at = full_end;
        }
        const unsigned char *ws = p;
        union {
            unsigned char b[16];
            uint64_t q[2];
        } w;
        w.q[0] = w.q[1] = 0;
        size_t wl = 0;
        unsigned orc = 0;
        bool dot = false;
#if defined(__SSE2__)
        if (e - ws >= 16) {
            /* fast path: the run of ASCII letters and digits in the next
             * sixteen bytes as bit masks (letter, digit, upper case; the
             * signed compares leave bytes >= 0x80 out), lower-cased in one
             * store; the byte loop below takes over at a joiner or a
             * non-ASCII letter (and gives the same bytes in w) */
            const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)ws);
            const __m128i c20 = _mm_set1_epi8(0x20);
            __m128i lc = _mm_or_si128(x, c20);
            __m128i al = _mm_and_si128(_mm_cmpgt_epi8(lc, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(lc, _mm_set1_epi8('z' + 1)));
            __m128i dg = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));
            __m128i up = _mm_andnot_si128(_mm_cmpeq_epi8(_mm_and_si128(x, c20), c20), al);
            unsigned am = (unsigned)_mm_movemask_epi8(al), dm = (unsigned)_mm_movemask_epi8(dg);
            unsigned um = (unsigned)_mm_movemask_epi8(up);
            unsigned run = (unsigned)__builtin_ctz(~(am | dm) | 0x10000u);
            unsigned keep = (1u << run) - 1;
            orc = ((um & keep) ? CRI_C_UPPER : 0u) | ((am & ~um & keep) ? CRI_C_LOWER : 0u) |
                  ((dm & keep) ? CRI_C_DIGIT : 0u);
            /* the bytes of the run lower-cased, zero after it */
            static const unsigned char ones[32] = {
                0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
            __m128i km = _mm_loadu_si128((const __m128i *)(const void *)(ones + 16 - run));
            _mm_storeu_si128((__m128i *)(void *)w.b, _mm_and_si128(_mm_or_si128(x, _mm_and_si128(up, c20)), km));
            p = ws + run;
            if (run == 16) {
                /* a long run: on byte by byte; the key keeps its first 15
                 * bytes and its last one */
                while (p < e) {
                    uint8_t ct = cri_ctype[*p];
                    if (!(ct & (CRI_C_UPPER | CRI_C_LOWER | CRI_C_DIGIT))) break;
                    orc |= ct;
                    p++;
                }
                if (p - ws > 16) {
                    unsigned char last = p[-1];
                    w.b[15] = cri_isupper(last) ? (unsigned char)(last + 32) : last;
                }
            }
            wl = (size_t)(p - ws);
        } else
#endif
        {
            /* fast path: a run of ASCII letters and digits, lower-cased eight
             * bytes at a time; the byte loop below takes over at a joiner or a
             * non-ASCII letter (and gives the same bytes in w) */
            while (p < e) {
                uint8_t ct = cri_ctype[*p];
                if (!(ct & (CRI_C_UPPER | CRI_C_LOWER | CRI_C_DIGIT))) break;
                orc |= ct;
                p++;
            }
            wl = (size_t)(p - ws);
            if (wl && e - ws >= 16) {
                uint64_t a, b;
                memcpy(&a, ws, 8);
                memcpy(&b, ws + 8, 8);
                a = le64(a);
                b = le64(b);
                if (wl < 8) {
                    a &= ((uint64_t)1 << (8 * wl)) - 1;
                    b = 0;
                } else if (wl < 16) {
                    b &= wl == 8 ? 0 : ((uint64_t)1 << (8 * (wl - 8))) - 1;
                } else if (wl > 16) {
                    b = (b & 0x00FFFFFFFFFFFFFFULL) | ((uint64_t)ws[wl - 1] << 56);
                }
                /* 'A'..'Z' -> 'a'..'z' in each byte (all bytes < 0x80 here) */
                uint64_t ma = ((a + 0x3f3f3f3f3f3f3f3fULL) & ~(a + 0x2525252525252525ULL)) & 0x8080808080808080ULL;
                uint64_t mb = ((b + 0x3f3f3f3f3f3f3f3fULL) & ~(b + 0x2525252525252525ULL)) & 0x8080808080808080ULL;
                w.q[0] = le64(a | (ma >> 2));
                w.q[1] = le64(b | (mb >> 2));
            } else {
                for (size_t k = 0; k < wl; k++) {
                    unsigned char ch = ws[k];
                    w.b[k < 15 ? k : 15] = cri_isupper(ch) ? (unsigned char)(ch + 32) : ch;
                }
            }
        }
        while (p < e && *p != ' ') {   /* a space ends most words */
            c = *p;
            uint8_t ct = cri_ctype[c];
            if (ct & (CRI_C_UPPER | CRI_C_LOWER | CRI_C_DIGIT)) {
                orc |= ct;
                w.b[wl < 15 ? wl : 15] = (ct & CRI_C_UPPER) ? (unsigned char)(c + 32) : c;
                wl++;
                p++;
            } else if (c >= 0x80) {
                /* ’ between letters is an apostrophe */
                if (c == 0xE2 && e - p >= 3 && p[1] == 0x80 && p[2] == 0x99 && p + 3 < e &&
                    cri_isalpha(p[3])) {
                    w.b[wl < 15 ? wl : 15] = '\'';
                    wl++;
                    p += 3;
                    continue;
                }
                if (utf8_sep(p, e)) break;
                orc |= CRI_C_HIGH;
                w.b[wl < 15 ? wl : 15] = c;
                wl++;
                p++;
            } else if ((c == '-' || c == '\'' || c == '.') && p + 1 < e && cri_isalnum(p[1]) &&
                       wl > 0) {
                if (c == '.') dot = true;
                w.b[wl < 15 ? wl : 15] = c;
                wl++;
                p++;
            } else {
                break;
            }
        }
        uint64_t h64 = (le64(w.q[0]) * 0x9E3779B97F4A7C15ULL) ^ (le64(w.q[1]) * 0xC2B2AE3D27D4EB4FULL) ^ wl;
        uint32_t h = (uint32_t)(h64 >> 32);
        bool upper = cri_isupper(*ws);
        last_upper = upper;
        v.words++;
        if (upper) v.caps++;
        v.allcaps += (uint16_t)(((orc & (CRI_C_UPPER | CRI_C_LOWER)) == CRI_C_UPPER) & (wl >= 2));
        v.nums += (uint16_t)((orc & CRI_C_DIGIT) != 0);
        key = (key ^ h64) * 0x9E3779B97F4A7C15ULL;
        if (!vocab) continue;
        if (dot && wl <= 64 && word_is_domain((const char *)ws, (size_t)(p - ws))) v.flags |= BL_URL;
        if (v.words == 1 && !upper && (orc & (CRI_C_LOWER | CRI_C_HIGH))) v.flags |= BL_LOWER;
        int slot = lex_find(h, w.q[0], w.q[1], wl);
        if (slot < 0) {
            if (v.words == 1) v.first = 0;
            prev_hit = false;
            prev_agency = false;
            if (wl == 3 && memcmp(w.b, "www", 3) == 0) v.flags |= BL_URL;
            continue;
        }
        const lexent *x = &LEX[slot];
        uint16_t f = x->flags;
        if (v.words == 1) v.first = f;
        if (f == LX_STOP && !x->cat && !prev_hit) {   /* the common case: a plain stopword */
            v.stops++;
            prev_hit = false;
            prev_agency = false;
            continue;
        }
        if (f & LX_STOP) v.stops++;
        if (f & LX_YOU) v.you++;
        if (f & LX_WE) v.we++;
        if (f & LX_CITE) v.cite++;
        if (f & LX_SAYS) v.says++;
        if (f & LX_TOLD) v.told++;
        if (f & (LX_CITE | LX_SAYS)) {
            /* "said"/"says" only matter after a wire's name ("Reuters said") */
            uint16_t cb = cue_bit(x->w);
            if (!(cb & ((1u << 5) | (1u << 6))) || prev_agency) v.cues |= cb;
        }
        if (f & LX_ROLE) v.role++;
        if (f & LX_META) v.meta++;
        if (f & LX_TAGLBL) v.tag++;
        if (f & LX_CREDIT) v.credit++;
        if (x->cat) {
            catw[x->cat] += x->weight;
            if (x->weight > v.maxw) v.maxw = x->weight;
            v.promo += x->weight;
        }
        /* phrases start with a promo word or an imperative */
        if (prev_hit && promo_bigram(prevw, x->w)) {
            v.flags |= BL_BIGRAM;
            v.promo += 8;
        }
        prev_hit = x->cat || (f & LX_IMP);
        if (prev_hit) memcpy(prevw, x->w, 16);
        prev_agency = (f & LX_AGENCY) != 0;
    }
    if (p < e) {
        v.flags |= BL_LONG;
        uint16_t head_words = v.words;
        /* word starts (a non-space after a space, or at p) found eight
         * bytes at a time; only they are looked at */
        uint64_t prev_ns = 0;   /* the byte before p counts as a space */
        const unsigned char *q8 = p;
#if defined(__SSE2__)
        /* sixteen bytes at a time: word starts, capitalized starts and
         * starts on a cue word's first letter as bit masks; words and
         * capitals are counted by popcount, only the cue candidates are
         * looked at (the same counts and cues as the loop below) */
        {
            const __m128i sp = _mm_set1_epi8(' '), lo = _mm_set1_epi8('A' - 1),
                          hi = _mm_set1_epi8('Z' + 1), c20 = _mm_set1_epi8(0x20);
            uint32_t pns = 0;
            while (e - q8 >= 16) {
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)q8);
                uint32_t ns = ~(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, sp)) & 0xFFFFu;
                uint32_t st = ns & ~((ns << 1) | pns);
                pns = ns >> 15;
                q8 += 16;
                if (!st) continue;
                uint32_t up = (uint32_t)_mm_movemask_epi8(
                    _mm_and_si128(_mm_cmpgt_epi8(x, lo), _mm_cmplt_epi8(x, hi)));
                uint32_t wc = pop16x2(st | ((st & up) << 16));
                v.words = (uint16_t)(v.words + (wc & 0x1F));
                v.caps = (uint16_t)(v.caps + (wc >> 16));
                if (vocab) {
                    __m128i lx = _mm_or_si128(x, c20);
                    __m128i cm;
                    if (e - q8 >= 1) {
                        /* the first two letters of a cue word ("sa"id,
                         * "to"ld, "ac"cording, "ci"ting, "qu"oted,
                         * "re"ported): a few candidates, not every word on
                         * a, c, q, r, s, t */
                        __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(q8 - 15));
#define CUE2(a, b) _mm_and_si128(_mm_cmpeq_epi8(lx, _mm_set1_epi8(a)), _mm_cmpeq_epi8(y, _mm_set1_epi8(b)))
                        cm = _mm_or_si128(_mm_or_si128(_mm_or_si128(CUE2('a', 'c'), CUE2('c', 'i')),
                                                       _mm_or_si128(CUE2('q', 'u'), CUE2('r', 'e'))),
                                          _mm_or_si128(CUE2('s', 'a'), CUE2('t', 'o')));
#undef CUE2
                    } else {
                        cm = _mm_or_si128(
                            _mm_or_si128(_mm_cmpeq_epi8(lx, _mm_set1_epi8('a')), _mm_cmpeq_epi8(lx, _mm_set1_epi8('c'))),
                            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(lx, _mm_set1_epi8('q')),
                                                      _mm_cmpeq_epi8(lx, _mm_set1_epi8('r'))),
                                         _mm_or_si128(_mm_cmpeq_epi8(lx, _mm_set1_epi8('s')),
                                                      _mm_cmpeq_epi8(lx, _mm_set1_epi8('t')))));
                    }
                    uint32_t cand = st & (uint32_t)_mm_movemask_epi8(cm);
                    while (cand) {
                        unsigned k = (unsigned)__builtin_ctz(cand);
                        cand &= cand - 1;
                        const unsigned char *q = q8 - 16 + k;
                        if (e - q < 4) continue;
                        uint32_t w4 = ((uint32_t)(q[0] | 0x20) << 24) | ((uint32_t)q[1] << 16) |
                                      ((uint32_t)q[2] << 8) | q[3];
                        if (w4 == 0x73616964u || w4 == 0x73617973u) {   /* said, says */
                            uint32_t below = st & ((1u << k) - 1);
                            bool lu = below ? (up >> (31 - __builtin_clz(below))) & 1 : last_upper;
                            v.says++;
                            if (lu) v.cues |= w4 == 0x73616964u ? 1u << 5 : 1u << 6;
                        }
                        else if (w4 == 0x746f6c64u) v.says++, v.told++;                     /* told */
                        else if (w4 == 0x6163636fu) v.cite++, v.cues |= 1u << 0;            /* acco */
                        else if (w4 == 0x63697469u) v.cite++, v.cues |= 1u << 1;            /* citi */
                        else if (w4 == 0x63697465u) v.cite++, v.cues |= 1u << 8;            /* cite */
                        else if (w4 == 0x71756f74u) v.cite++, v.cues |= (1u << 2) | (1u << 7); /* quot */
                        else if (w4 == 0x7265706fu) v.cite++, v.cues |= (1u << 3) | (1u << 4); /* repo */
                    }
                }
                last_upper = (up >> (31 - __builtin_clz(st))) & 1;
            }
            prev_ns = pns ? 0x80 : 0;
        }
#endif
        while (q8 < e) {
            uint64_t starts;
            size_t blen;
            if (e - q8 >= 8) {
                uint64_t x;
                memcpy(&x, q8, 8);
                x = le64(x) ^ 0x2020202020202020ULL;
                /* high bit of each byte set where the byte is not a space */
                uint64_t ns = ((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | x;
                ns &= 0x8080808080808080ULL;
                starts = ns & ~((ns << 8) | prev_ns);
                prev_ns = ns >> 56;
                blen = 8;
            } else {
                starts = 0;
                blen = (size_t)(e - q8);
                for (size_t k = 0; k < blen; k++) {
                    uint64_t nsb = q8[k] != ' ';
                    if (nsb && !prev_ns) starts |= 0x80ULL << (8 * k);
                    prev_ns = nsb ? 0x80 : 0;
                }
            }
            while (starts) {
                const unsigned char *q = q8 + (__builtin_ctzll(starts) >> 3);
                starts &= starts - 1;
                v.words++;
                bool up_now = cri_isupper(*q);
                if (up_now) v.caps++;
                /* cue words of cites: according, citing, cited, quoted,
                 * quoting, reported, reports, said, says */
                unsigned char c0 = *q | 0x20;
                if (vocab && (c0 == 'a' || c0 == 'c' || c0 == 'q' || c0 == 'r' || c0 == 's' || c0 == 't') &&
                    e - q >= 4) {
                    uint32_t w4 = ((uint32_t)(q[0] | 0x20) << 24) | ((uint32_t)q[1] << 16) |
                                  ((uint32_t)q[2] << 8) | q[3];
                    if (w4 == 0x73616964u) v.says++, v.cues |= last_upper ? 1u << 5 : 0; /* said */
                    else if (w4 == 0x73617973u) v.says++, v.cues |= last_upper ? 1u << 6 : 0; /* says */
                    else if (w4 == 0x746f6c64u) v.says++, v.told++;                     /* told */
                    else if (w4 == 0x6163636fu) v.cite++, v.cues |= 1u << 0;            /* acco */
                    else if (w4 == 0x63697469u) v.cite++, v.cues |= 1u << 1;            /* citi */
                    else if (w4 == 0x63697465u) v.cite++, v.cues |= 1u << 8;            /* cite */
                    else if (w4 == 0x71756f74u) v.cite++, v.cues |= (1u << 2) | (1u << 7); /* quot */
                    else if (w4 == 0x7265706fu) v.cite++, v.cues |= (1u << 3) | (1u << 4); /* repo */
                }
                last_upper = up_now;
            }
            q8 += blen;
        }
        key ^= cri_hash64(p, (size_t)(e - p), seed);
        /* the promo weight of the whole line, estimated from its head */
        if (head_words && v.words > head_words)
            v.promo = (int32_t)((int64_t)v.promo * v.words / head_words);
        if (vocab) {
            const unsigned char *at = memchr(p, '@', (size_t)(e - p));
            if (at) v.flags |= BL_AT;
            if (at && at > p && at + 1 < e && cri_isalnum(at[-1]) && cri_isalnum(at[1])) v.flags |= BL_EMAIL;
        }
    }
    v.key = cri_mix64(key ^ seed ^ v.words);
    /* how it ends */
    const unsigned char *base = (const unsigned char *)text + v.cstart;
    const unsigned char *q = e;
    while (q > base) {
        unsigned char c = q[-1];
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
            q--;
            continue;
        }
        if (q - base >= 3 && q[-3] == 0xE2 && q[-2] == 0x80 &&
            (c == 0x9D || c == 0x99)) {
            q -= 3;
            continue;
        }
        break;
    }
    if (q > base) {
        unsigned char c = q[-1];
        if (c == '.' || c == '!' || c == '?') v.flags |= BL_TERM;
        if (c == '!') v.flags |= BL_EXCL;
        if (c == '?') v.flags |= BL_QMARK;
        if (c == ':') v.flags |= BL_COLON;
        if (c == 0xA6 && q - base >= 3 && q[-3] == 0xE2)
            v.flags |= BL_TERM;   /* … */
    }
    if (vocab && v.maxw) {   /* no promo word: category 0 */
        int best = 0;
        for (int k = 1; k < 13; k++)
            if (catw[k] > catw[best]) best = k;
        v.cat = (uint8_t)best;
    }
    *l = v;
}

uint64_t cri_bp_key(const char *s, size_t n, uint64_t seed) {
    cri_bline l;
    memset(&l, 0, sizeof l);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n')) n--;
    l.end = (uint32_t)(n > UINT32_MAX ? UINT32_MAX : n);
    scan_line(s, &l, seed, false);
    return l.key;
}

/* Spaces, tabs and no-break spaces off both ends of [*s, *e). */
static inline void trim(const char **s, const char **e) {
    const char *a = *s, *b = *e;
    for (;;) {
        while (a < b && (*a == ' ' || *a == '\t')) a++;
        if (b - a >= 2 && (unsigned char)a[0] == 0xC2 && (unsigned char)a[1] == 0xA0) a += 2;
        else break;
    }
    for (;;) {
        while (b > a && (b[-1] == ' ' || b[-1] == '\t')) b--;
        if (b - a >= 2 && (unsigned char)b[-2] == 0xC2 && (unsigned char)b[-1] == 0xA0) b -= 2;
        else break;
    }
    *s = a;
    *e = b;
}

/* Split text into trimmed non-blank lines. Returns count, or -1 on OOM. */
static long split_lines(const char *text, size_t len, cri_bline **out, size_t *consumed) {
    size_t cap = 64, n = 0;
    cri_bline *L = malloc(cap * sizeof *L);
    if (!L) return -1;
    const char *p = text, *end = text + len;
    bool blank = true;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *s = p, *e = le;
        trim(&s, &e);
        if (e > s) {
            if (n == CRI_BP_MAX_LINES) break;
            if (n == cap) {
                cap *= 2;
                cri_bline *nL = realloc(L, cap * sizeof *L);
                if (!nL) {
                    free(L);
                    return -1;
                }
                L = nL;
            }
            cri_bline *l = &L[n++];
            memset(l, 0, sizeof *l);
            l->start = (uint32_t)(s - text);
            l->end = (uint32_t)(e - text);
            if (blank) l->flags |= BL_BLANK;
            blank = false;
        } else {
            blank = true;
        }
        p = nl ? nl + 1 : end;
    }
    *consumed = (size_t)(p - text);
    *out = L;
    return (long)n;
}

/* ---- hard-wrapped text ---------------------------------------------------- */

/* Scraped and e-mailed articles often arrive cut at 60-80 columns.  Before
 * the lines are classified, the wrapped lines of a sentence are joined into
 * one logical line, so that a paragraph is judged (and reported) as a
 * whole, copies that differ only in wrapping read the same, and the
 * segmenter sees sentences, not line pieces.  A break is joined when the
 * line does not end a sentence and the next one continues it (it starts in
 * lower case, or the line ends with a function word, a comma or a hyphen),
 * or when the document is wrapped at a width (most lines that are followed
 * by another line end within a few columns of one width) and the next
 * line's first word would not have fitted on this one (what a greedy
 * wrapper does).  Never joined: a bullet to anything before it, a
 * headline-shaped first line of a block to capitalized text, photo credits
 * and captions, lines of more than CRI_BP_WRAP_MAX columns. */

#define WRAP_WIN 15   /* columns below the wrap width a cut line ends in */

/* Columns (code points) of a line, capped: only short lines matter. */
static inline unsigned line_cols(const char *s, size_t n) {
    /* past twice the bound in bytes a line is past it in columns (wrapped
     * scripts use 1-2 bytes per letter; others are not wrapped at spaces) */
    if (n > 2 * CRI_BP_WRAP_MAX) return 2 * CRI_BP_WRAP_MAX;
    unsigned c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* How a line ends, for joining: 0 mid-phrase, 1 a sentence end (. ! ? …
 * : ; before closing quotes), 2 a hyphen attached to a word ("state-"). */
static int wrap_end(const char *s, const char *e) {
    const char *q = e;
    for (;;) {
        if (q > s && (q[-1] == '"' || q[-1] == '\'' || q[-1] == ')' || q[-1] == ']' || q[-1] == ' ')) q--;
        else if (q - s >= 3 && (unsigned char)q[-3] == 0xE2 && (unsigned char)q[-2] == 0x80 &&
                 ((unsigned char)q[-1] == 0x9D || (unsigned char)q[-1] == 0x99))
            q -= 3;
        else break;
    }
    if (q == s) return 1;
    char c = q[-1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return 1;
    if (q - s >= 3 && (unsigned char)q[-3] == 0xE2 && (unsigned char)q[-2] == 0x80 && (unsigned char)q[-1] == 0xA6)
        return 1;
    if (c == '-' && q == e && q - s >= 2 && cri_isalpha((unsigned char)q[-2])) return 2;
    return 0;
}

/* A line starting with an address: "press@x.com", "www.x.com", "http...". */
static bool wrap_addr_start(const char *s, size_t n) {
    const char *w = memchr(s, ' ', n);
    size_t wl = w ? (size_t)(w - s) : n;
    if (ieq_prefix(s, wl, "http") || ieq_prefix(s, wl, "www.")) return true;
    for (size_t i = 0; i < wl; i++)
        if (s[i] == '@' || (s[i] == '.' && i + 1 < wl && cri_islower((unsigned char)s[i + 1])))
            return true;
    return false;
}

/* A short line with a date or time in it (4+ digits). */
static bool wrap_dateish(const char *s, size_t n) {
    if (n > 60) return false;
    unsigned d = 0;
    for (size_t i = 0; i < n; i++) d += cri_isdigit((unsigned char)s[i]);
    return d >= 4;
}

/* An abbreviation or initial closing a line ("Mr.", "U.S.", "J."): the
 * sentence goes on.  Not an ellipsis. */
static bool wrap_abbrev(const char *s, const char *e) {
    if (e - s < 2 || e[-1] != '.' || e[-2] == '.') return false;
    const char *w = e - 1;
    while (w > s && w[-1] != ' ') w--;
    size_t n = (size_t)(e - w);
    if (memchr(w, '.', n - 1)) return n <= 8;          /* U.S. a.m. */
    return n <= 4 && cri_isupper((unsigned char)*w);    /* Mr. Dr. St. J. */
}

/* A photo credit or caption marker that must stay on its own line. */
static bool wrap_credit_end(const char *s, const char *e) {
    size_t n = (size_t)(e - s);
    /* "Name/AP", "Name Surname/Pool Agency" in the line's last 40 bytes */
    const char *sl = memrchr(n > 40 ? e - 40 : s, '/', n > 40 ? 40 : n);
    if (sl && sl > s && sl + 1 < e && cri_isupper((unsigned char)sl[1]) &&
        cri_isalpha((unsigned char)sl[-1]) && !memchr(sl, '.', (size_t)(e - sl - 1)))
        return true;
    return (n >= 12 && ieq_prefix(e - 12, 12, "getty images")) ||
           (n >= 12 && ieq_prefix(e - 12, 12, "shutterstock"));
}

static bool wrap_credit_start(const char *s, size_t n) {
    static const char *const P[] = {"photo", "image", "(photo", "(image", "credit", "picture",
                                    "pictured", "caption", "\xc2\xa9", "source:", "tags:",
                                    "related", "advertisement"};
    if (!n) return false;
    char c = cri_tolower(s[0]);
    for (size_t k = 0; k < sizeof P / sizeof P[0]; k++)
        if (P[k][0] == c && ieq_prefix(s, n, P[k])) return true;
    return false;
}

/* A line ending with a word that cannot end a sentence: an article, a
 * preposition that takes an object, a conjunction, a possessive or an
 * auxiliary ("... the", "... of", "... and", "... their", "... was").
 * Phrasal particles (in, on, up, off, out) are left out: "Sign in". */
static bool wrap_open_word(const char *s, const char *e) {
    const char *w = e;
    while (w > s && w[-1] != ' ') w--;
    size_t n = (size_t)(e - w);
    if (n < 1 || n > 9 || (cri_isupper((unsigned char)*w) && n > 1)) return false;
    static const char *const W[] = {"the", "a", "an", "of", "to", "for", "with", "from", "and", "or",
                                    "but", "that", "as", "into", "than", "its", "their", "his", "her",
                                    "our", "your", "this", "these", "those", "which", "whose", "is",
                                    "are", "was", "were", "has", "have", "had", "will", "would",
                                    "could", "should", "not", "between", "during", "including",
                                    "against", "about", "at", "by", "nor", "whether", "because",
                                    "while", "where", "when", "who", "if",
                                    "such", "both", "each", "every", "among", "toward", "towards"};
    char c = cri_tolower(w[0]);
    for (size_t k = 0; k < sizeof W / sizeof W[0]; k++)
        if (W[k][0] == c && strlen(W[k]) == n && ieq_prefix(w, n, W[k])) return true;
    return false;
}

/* A byline-shaped line: a short name, no sentence end ("Kostia
 * Andreikovets", "By Jane Doe"). */
static bool wrap_name_line(const char *s, const char *e) {
    size_t n = (size_t)(e - s);
    if (n > 40) return false;
    if (ieq_prefix(s, n, "by ")) return true;
    return wrap_end(s, e) != 1 && cri_meta_name_shaped(s, n, 2);
}

/* Headline-shaped: 2+ words, most capitalized. */
static bool wrap_titleish(const char *s, const char *e) {
    unsigned words = 0, caps = 0;
    bool in = false;
    for (const char *p = s; p < e; p++) {
        bool sp = *p == ' ';
        if (!sp && !in) {
            words++;
            caps += cri_isupper((unsigned char)*p) || cri_isdigit((unsigned char)*p);
        }
        in = !sp;
    }
    return words >= 2 && caps * 10 >= words * 7;
}

/* Decide, for each line i, whether it joins the next one (join[i] = 1:
 * with a space, 2: directly, after a word's hyphen).  Returns how many
 * joins. */
static size_t wrap_plan(const char *text, const cri_bline *L, size_t n, uint8_t *join) {
    if (n < 2) return 0;
    /* the wrap width: the window of WRAP_WIN columns holding most lines
     * that are followed by another line of their block */
    uint32_t hist[CRI_BP_WRAP_MAX + 1];
    memset(hist, 0, sizeof hist);
    size_t nonlast = 0, longer = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (L[i + 1].flags & BL_BLANK) continue;
        nonlast++;
        unsigned c = line_cols(text + L[i].start, L[i].end - L[i].start);
        if (c <= CRI_BP_WRAP_MAX) hist[c]++;
        else longer++;
    }
    unsigned width = 0;
    if (nonlast >= 2 && nonlast - longer >= 2) {
        unsigned best = 0, bw = 0, win = 0;
        for (unsigned c = 0; c <= CRI_BP_WRAP_MAX; c++) {
            win += hist[c];
            if (c >= WRAP_WIN) win -= hist[c - WRAP_WIN];
            if (c >= 40 && win > best) best = win, bw = c;
        }
        /* the width is the longest line in the window */
        while (bw > 0 && !hist[bw]) bw--;
        if (best >= 4 && best * 5 >= nonlast * 3) {
            /* and few lines of the document run past it */
            size_t over = 0;
            for (size_t i = 0; i < n; i++)
                if (L[i].end - L[i].start > bw &&
                    line_cols(text + L[i].start, L[i].end - L[i].start) > bw + 2)
                    over++;
            if (over * 7 <= n) width = bw;
        }
    }
    size_t joins = 0;
    bool block_first = true, seen_end = false;
    for (size_t i = 0; i + 1 < n; i++) {
        join[i] = 0;
        const cri_bline *a = &L[i], *b = &L[i + 1];
        bool first = block_first;
        block_first = (b->flags & BL_BLANK) != 0;
        if (b->flags & BL_BLANK) continue;
        const char *as = text + a->start, *ae = text + a->end;
        const char *bs = text + b->start, *be = text + b->end;
        size_t abl = bullet_len((const unsigned char *)as, (const unsigned char *)ae);
        size_t an = a->end - a->start, bn = b->end - b->start;
        if (an > 2 * CRI_BP_WRAP_MAX) continue;
        unsigned acol = line_cols(as, an);
        if (acol > CRI_BP_WRAP_MAX) continue;
        if (bullet_len((const unsigned char *)bs, (const unsigned char *)be)) continue;
        if (wrap_credit_start(bs, bn) || wrap_credit_end(as, ae) || wrap_addr_start(bs, bn)) continue;
        unsigned char b0 = (unsigned char)*bs;
        bool lower = cri_islower(b0);
        int end = wrap_end(as, ae);
        /* in wrapped text: a ends near the width (full), and b's first
         * word would not have fitted on it (greedy: the wrapper's cut) */
        bool full = width && acol + WRAP_WIN >= width, greedy = false;
        if (full) {
            const char *w = memchr(bs, ' ', bn);
            unsigned fw = line_cols(bs, w ? (size_t)(w - bs) : bn);
            greedy = acol + 1 + fw > width;
        }
        /* a headline (a capitalized first line of a block) is not joined
         * to the text under it; the head of the document (before any
         * sentence has ended) holds titles and datelines: there a lower
         * case start alone is not enough */
        bool title = first && !(lower && full) && !abl && wrap_titleish(as, ae);
        bool head = title || (!seen_end && i < 4);
        bool ok = false;
        if (end == 2) {
            ok = (lower && !head) || (full && !title);
        } else if (end == 1) {
            /* a sentence may end here: joined in wrapped text when the
             * next line goes on in lower case or digits, or after an
             * abbreviation ("on Feb.\n28, 2019"); elsewhere only an
             * abbreviation before lower case */
            bool abbr = wrap_abbrev(as, ae);
            bool last = i + 2 >= n || (L[i + 2].flags & BL_BLANK);
            bool ell = (an >= 3 && memcmp(ae - 3, "...", 3) == 0) ||
                       (an >= 3 && memcmp(ae - 3, "\xe2\x80\xa6", 3) == 0);
            ok = (full && greedy && !title &&
                  (lower || cri_isdigit(b0) || abbr || ell ||
                   /* the credit closing a wrapped caption */
                   (last && bn <= 60 && wrap_credit_end(bs, be)))) ||
                 (lower && !head && abbr);
        } else if (ae[-1] == ',' || ae[-1] == '(') {
            ok = true;
        } else if (wrap_open_word(as, ae)) {
            ok = !cri_isdigit(b0);   /* "... the" */
        } else if (title) {
            /* a headline wrapped in two: its short end alone on the line */
            ok = (i + 2 >= n || (L[i + 2].flags & BL_BLANK)) && b->end - b->start <= 40 &&
                 wrap_end(bs, be) != 1 && full && greedy;
        } else if (full && (lower || (greedy && !(head && wrap_name_line(bs, be))))) {
            ok = true;
        } else if (lower && !head) {
            /* lower case goes on a phrase, not a date line ("updated
             * 12/19/2005 2:48 PM ET") */
            ok = !cri_isdigit((unsigned char)ae[-1]) && !wrap_dateish(bs, bn);
        }
        if (end == 1) seen_end = true;
        if (ok) {
            join[i] = end == 2 && cri_isalpha(b0) ? 2 : 1;
            joins++;
            block_first = false;
        }
    }
    join[n - 1] = 0;
    return joins;
}

/* Write the text with the planned joins made (lines of a group joined by a
 * space, or directly after a word's hyphen; blank lines kept as one blank
 * line) and the rest after `consumed` as it stands. */
static int wrap_apply(const char *text, size_t len, const cri_bline *L, size_t n,
                      const uint8_t *join, size_t consumed, cri_buf *out) {
    if (cri_buf_reserve(out, len + 2)) return -1;
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            if (join[i - 1] == 1) cri_buf_putc(out, ' ');
            else if (join[i - 1] == 0) cri_buf_append(out, (L[i].flags & BL_BLANK) ? "\n\n" : "\n",
                                                      (L[i].flags & BL_BLANK) ? 2 : 1);
        }
        cri_buf_append(out, text + L[i].start, L[i].end - L[i].start);
    }
    if (consumed < len) {
        cri_buf_append(out, "\n", 1);
        cri_buf_append(out, text + consumed, len - consumed);
    }
    return 0;
}

/* The text with its wrapped lines joined, into out: 1 if any were, 0 if
 * none (out untouched), -1 out of memory. */
static int bp_unwrap(const char *text, size_t len, cri_buf *out) {
    cri_bline *L = NULL;
    size_t consumed = 0;
    long nl = split_lines(text, len, &L, &consumed);
    if (nl < 0) return -1;
    size_t n = (size_t)nl;
    int rc = 0;
    if (n > 1) {
        uint8_t *join = malloc(n);
        if (!join) rc = -1;
        else if (wrap_plan(text, L, n, join)) rc = wrap_apply(text, len, L, n, join, consumed, out) ? -1 : 1;
        free(join);
    }
    free(L);
    return rc;
}

/* ---- cross-article statistics ------------------------------------------- */

struct cri_line_stats {
    uint64_t seed;
    uint64_t *keys;    /* 0: empty */
    uint32_t *counts;
    size_t cap, n;
    cri_strmap outlets;   /* outlet key -> documents */
    uint64_t max_docs;    /* most documents of one outlet */
};

cri_line_stats *cri_line_stats_new(uint64_t seed) {
    cri_line_stats *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->seed = seed;
    s->cap = 1024;
    s->keys = calloc(s->cap, sizeof *s->keys);
    s->counts = calloc(s->cap, sizeof *s->counts);
    if (!s->keys || !s->counts || cri_strmap_init(&s->outlets, 16, seed)) {
        free(s->keys);
        free(s->counts);
        free(s);
        return NULL;
    }
    return s;
}

void cri_line_stats_free(cri_line_stats *s) {
    if (!s) return;
    free(s->keys);
    free(s->counts);
    cri_strmap_free(&s->outlets);
    free(s);
}

static size_t stats_slot(const uint64_t *keys, size_t cap, uint64_t k) {
    size_t i = (size_t)(k & (cap - 1));
    while (keys[i] && keys[i] != k) i = (i + 1) & (cap - 1);
    return i;
}

static int stats_grow(cri_line_stats *s) {
    size_t nc = s->cap * 2;
    uint64_t *nk = calloc(nc, sizeof *nk);
    uint32_t *ncn = calloc(nc, sizeof *ncn);
    if (!nk || !ncn) {
        free(nk);
        free(ncn);
        return -1;
    }
    for (size_t i = 0; i < s->cap; i++)
        if (s->keys[i]) {
            size_t j = stats_slot(nk, nc, s->keys[i]);
            nk[j] = s->keys[i];
            ncn[j] = s->counts[i];
        }
    free(s->keys);
    free(s->counts);
    s->keys = nk;
    s->counts = ncn;
    s->cap = nc;
    return 0;
}

static uint64_t stats_key(uint64_t outlet_h, uint64_t line_key) {
    uint64_t k = cri_mix64(outlet_h ^ (line_key * 0xD6E8FEB86659FD93ULL));
    return k ? k : 1;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int cri_line_stats_add(cri_line_stats *s, const char *outlet_key, const char *text, size_t len) {
    if (!s || !outlet_key || !text) return 0;
    bool fresh;
    int64_t *docs = cri_strmap_upsert(&s->outlets, outlet_key, strlen(outlet_key), 0, &fresh);
    if (!docs) return -1;
    (*docs)++;
    if ((uint64_t)*docs > s->max_docs) s->max_docs = (uint64_t)*docs;
    uint64_t oh = cri_hash64(outlet_key, strlen(outlet_key), s->seed);
    /* lines as cri_extract_body sees them: wrapped lines joined */
    cri_buf joined = {0};
    int uw = bp_unwrap(text, len, &joined);
    if (uw < 0) return -1;
    if (uw > 0) {
        text = joined.data;
        len = joined.len;
    }
    uint64_t keys[256];
    uint64_t *k = keys;
    size_t cap = 256, n = 0;
    const char *p = text, *end = text + len;
    while (p < end && n < CRI_BP_STATS_MAX_LINES) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        size_t ll = (size_t)(le - p);
        if (ll > 0 && ll <= CRI_BP_STATS_MAX_LINE) {
            /* across articles a template line repeats byte for byte: the
             * raw trimmed line is its key (cheap, no word scan) */
            const char *a = p, *b = le;
            trim(&a, &b);
            if (b > a) {
                if (n == cap) {
                    uint64_t *nk = malloc(cap * 2 * sizeof *nk);
                    if (!nk) {
                        if (k != keys) free(k);
                        cri_buf_free(&joined);
                        return -1;
                    }
                    memcpy(nk, k, n * sizeof *nk);
                    if (k != keys) free(k);
                    k = nk;
                    cap *= 2;
                }
                k[n++] = stats_key(oh, cri_hash64(a, (size_t)(b - a), s->seed));
            }
        }
        p = nl ? nl + 1 : end;
    }
    if (n <= 64) {
        for (size_t i = 1; i < n; i++) {
            uint64_t x = k[i];
            size_t j = i;
            while (j > 0 && k[j - 1] > x) {
                k[j] = k[j - 1];
                j--;
            }
            k[j] = x;
        }
    } else {
        qsort(k, n, sizeof *k, cmp_u64);
    }
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && k[i] == k[i - 1]) continue;
        if ((s->n + 1) * 4 > s->cap * 3 && stats_grow(s)) {
            rc = -1;
            break;
        }
        size_t j = stats_slot(s->keys, s->cap, k[i]);
        if (!s->keys[j]) {
            s->keys[j] = k[i];
            s->n++;
        }
        if (s->counts[j] < UINT32_MAX) s->counts[j]++;
    }
    if (k != keys) free(k);
    cri_buf_free(&joined);
    return rc;
}

static uint32_t stats_count(const cri_line_stats *s, uint64_t oh, uint64_t line_key) {
    uint64_t k = stats_key(oh, line_key);
    size_t j = stats_slot(s->keys, s->cap, k);
    return s->keys[j] ? s->counts[j] : 0;
}

/* ---- outlet key ---------------------------------------------------------- */

static void put_lower(cri_buf *b, const char *s, size_t n) {
    cri_buf_clear(b);
    for (size_t i = 0; i < n; i++) cri_buf_putc(b, cri_tolower(s[i]));
}

/* Domain of a URL without "www." (into b); false if none. */
bool cri_bp_reg_domain(const char *url, const char **dom, size_t *dn, const char **lab, size_t *ln) {
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *e = p;
    while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#') e++;
    /* labels from the right: TLD, then a second-level suffix of a country
     * domain (co.uk, com.au, co.za...), then the name */
    const char *dots[4] = {NULL, NULL, NULL, NULL};
    int nd = 0;
    for (const char *q = e; q > p && nd < 4; q--)
        if (q[-1] == '.') dots[nd++] = q - 1;
    if (nd == 0) return false;
    size_t tld = (size_t)(e - dots[0] - 1);
    int k = 1;
    if (tld == 2 && nd >= 2) {
        const char *sl = dots[1] + 1;
        size_t sn = (size_t)(dots[0] - sl);
        static const char *const SLD[] = {"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"};
        for (size_t i = 0; i < sizeof SLD / sizeof SLD[0]; i++)
            if (sn == strlen(SLD[i]) && memcmp(sl, SLD[i], sn) == 0) k = 2;
    }
    const char *ls = nd > k ? dots[k] + 1 : p;
    const char *le = dots[k - 1];
    if (le <= ls) return false;
    /* on blog hosts the subdomain is the outlet: name.blogspot.com */
    static const char *const HOSTS[] = {"blogspot", "wordpress", "substack", "tumblr", "medium",
                                        "livejournal", "typepad", "github"};
    for (size_t i = 0; i < sizeof HOSTS / sizeof HOSTS[0]; i++)
        if ((size_t)(le - ls) == strlen(HOSTS[i]) && memcmp(ls, HOSTS[i], (size_t)(le - ls)) == 0 &&
            nd > k) {
            le = dots[k];
            ls = nd > k + 1 ? dots[k + 1] + 1 : p;
            if (le <= ls) return false;
            break;
        }
    *dom = ls;
    *dn = (size_t)(e - ls);
    *lab = ls;
    *ln = (size_t)(le - ls);
    return true;
}

/* Registrable domain of a URL in lower case (into b); false if none. */
static bool url_domain(const char *url, cri_buf *b) {
    const char *dom, *lab;
    size_t dn, ln;
    if (!cri_bp_reg_domain(url, &dom, &dn, &lab, &ln)) return false;
    put_lower(b, dom, dn);
    return b->len > 0;
}

static bool webmail(const char *d, size_t n) {
    static const char *const W[] = {"gmail.", "yahoo.", "hotmail.", "outlook.", "protonmail.",
                                    "proton.", "icloud.", "aol.", "mail.", "live.", "gmx."};
    for (size_t i = 0; i < sizeof W / sizeof W[0]; i++)
        if (n > strlen(W[i]) && memcmp(d, W[i], strlen(W[i])) == 0) return true;
    return false;
}

/* An e-mail domain in text (not a webmail one): start and length. */
static bool email_domain(const char *text, size_t len, size_t *ds, size_t *dn) {
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *at = memchr(p, '@', (size_t)(end - p));
        if (!at) return false;
        if (at > text && cri_isalnum((unsigned char)at[-1])) {
            const char *s = at + 1, *e = s;
            while (e < end && (cri_isalnum((unsigned char)*e) || *e == '-' ||
                               (*e == '.' && e + 1 < end && cri_isalnum((unsigned char)e[1]))))
                e++;
            if (e - s >= 4 && memchr(s, '.', (size_t)(e - s))) {
                char low[64];
                size_t n = (size_t)(e - s) < sizeof low ? (size_t)(e - s) : sizeof low - 1;
                for (size_t i = 0; i < n; i++) low[i] = cri_tolower(s[i]);
                if (!webmail(low, n)) {
                    *ds = (size_t)(s - text);
                    *dn = (size_t)(e - s);
                    return true;
                }
            }
        }
        p = at + 1;
    }
    return false;
}

/* "X News Desk", "X Web Desk", "X Staff", "X Bureau" in the text's head. */
static bool desk_name(const char *text, size_t len, size_t *ns, size_t *nn) {
    size_t lim = len < 1024 ? len : 1024;
    static const char *const D[] = {" News Desk", " Web Desk", " Newsroom"};
    /* one search for "Desk", one for "Newsroom" */
    /* one memchr pass for 'D' (rare in text) and one for 'N' */
    bool any = false;
    for (const char *p = text + 1, *e = text + lim; !any && (p = memchr(p, 'D', (size_t)(e - p))); p++)
        any = p[-1] == ' ' && e - p >= 4 && memcmp(p, "Desk", 4) == 0;
    for (const char *p = text + 1, *e = text + lim; !any && (p = memchr(p, 'N', (size_t)(e - p))); p++)
        any = p[-1] == ' ' && e - p >= 8 && memcmp(p, "Newsroom", 8) == 0;
    if (!any) return false;
    for (size_t d = 0; d < sizeof D / sizeof D[0]; d++) {
        const char *p = cri_bp_memmem(text, lim, D[d], strlen(D[d]));
        if (!p) continue;
        /* the capitalized words just before */
        const char *e = p, *s = p;
        int words = 0;
        while (s > text && words < 3) {
            const char *q = s;
            while (q > text && q[-1] == ' ') q--;
            const char *w = q;
            while (w > text && (cri_isalnum((unsigned char)w[-1]) || w[-1] == '.' || w[-1] == '-')) w--;
            if (w == q || !cri_isupper((unsigned char)*w)) break;
            s = w;
            words++;
            if (w > text && w[-1] != ' ') break;
        }
        if (words && e > s) {
            *ns = (size_t)(s - text);
            *nn = (size_t)(e - s);
            return true;
        }
    }
    return false;
}

const char *cri_outlet_key(const cri_input *in, const char *text, size_t len, cri_buf *scratch) {
    if (in && in->outlet && *in->outlet) {
        put_lower(scratch, in->outlet, strlen(in->outlet));
        return scratch->data;
    }
    if (in && in->url && url_domain(in->url, scratch)) return scratch->data;
    if (!text) return NULL;
    size_t s, n;
    if (desk_name(text, len, &s, &n)) {
        put_lower(scratch, text + s, n);
        return scratch->data;
    }
    if (email_domain(text, len, &s, &n)) {
        put_lower(scratch, text + s, n);
        return scratch->data;
    }
    return NULL;
}

/* ---- classification ------------------------------------------------------ */

/* Promo score in quarter points, with the signals beyond single words. */
static int promo_score(const cri_bline *l) {
    int s = l->promo;
    bool other = l->you || l->we || (l->flags & (BL_URL | BL_EMAIL | BL_BIGRAM));
    if (l->first & LX_IMP) s += (other || l->words <= 2) ? 6 : 3;
    s += (l->you > 2 ? 2 : l->you) * 3;
    if (l->we && l->words <= 8) s += 2;
    if (l->flags & BL_URL) s += 6;
    if (l->flags & BL_EMAIL) s += 6;
    if ((l->flags & BL_EXCL) && l->words <= 10) s += 2;
    if (l->says) s -= 6 * l->says;
    return s;
}

static const char *promo_reason(const cri_bline *l) {
    /* a promo word of weight 1+ or an address or a promo phrase is needed:
     * "you" and an imperative alone are how people talk ("Get well soon!") */
    if (l->maxw < 4 && !(l->flags & (BL_URL | BL_EMAIL | BL_BIGRAM))) return NULL;
    int s = promo_score(l);
    unsigned n = l->words;
    bool hit = false;
    if (n <= 6 && s >= 6) hit = true;
    else if (s >= 10 && s * 10 >= (int)n * 6) {
        /* a reported sentence in the third person needs more evidence */
        bool statement = !(l->first & LX_IMP) && !l->you && (l->flags & BL_TERM) && n >= 6 &&
                         !(l->flags & (BL_URL | BL_EMAIL | BL_BIGRAM));
        hit = !statement || s >= 16;
    }
    if (!hit) return NULL;
    if (l->cat && LEX_CAT_NAME[l->cat]) return LEX_CAT_NAME[l->cat];
    return "cta";
}


/* Photo credit at the end of a line: "Name Surname/AP", "Photo: Getty
 * Images", "(Reuters)", "AFP via Getty Images", "© Reuters".  Returns the
 * byte offset where the credit starts (caption text before it), or -1. */
/* Does a lead of a photo credit (LEAD, n_lead of them) start at s[i], with
 * the credit closing the line (short, no sentence after it)? */
static inline bool credit_lead_at(const char *s, const char *e, size_t n, size_t i,
                                  const char *const *LEAD, size_t n_lead) {
    char c = cri_tolower(s[i]);
    if (c != 'p' && c != 'i' && c != 'c' && c != '(' && c != 's' && c != 'f' && c != (char)0xC2) return false;
    if (i > 0 && cri_isalnum((unsigned char)s[i - 1])) return false;
    for (size_t k = 0; k < n_lead; k++) {
        if (LEAD[k][0] != c || !ieq_prefix(s + i, n - i, LEAD[k])) continue;
        size_t rest = n - i;
        if (rest > 80) continue;
        const char *dot = NULL;
        for (const char *q = s + i + strlen(LEAD[k]); q < e - 1; q++)
            if (*q == '.' && q[1] == ' ' && q + 2 < e && cri_isupper((unsigned char)q[2])) dot = q;
        if (dot) continue;
        return true;
    }
    return false;
}

static long credit_start(const char *t, const cri_bline *l) {
    const char *s = t + l->cstart, *e = t + l->end;
    size_t n = (size_t)(e - s);
    /* "Photo: X", "Photograph: X", "Image: X", "Credit: X", "Picture: X",
     * "Photo by X", "Image source, X" anywhere in the line */
    static const char *const LEAD[] = {"photo:", "photo by ", "photos:", "photograph:",
                                       "photograph by ", "image:", "image source",
                                       "image credit", "picture:", "credit:", "photo credit",
                                       "pictured:", "source: getty", "(photo", "(image",
                                       "(credit", "file photo", "© "};
    /* the credit closes the line: only its last 80 bytes can start one;
     * and one of its words is in the lexicon (photo, image, credit...) or
     * it has a '(' or '©' there */
    size_t from = n > 80 ? n - 80 : 0;
    bool maybe = l->credit || (l->flags & BL_LONG);
    if (maybe && !l->credit) {
        const char *tail = s + from;
        size_t tn = n - from;
        maybe = memchr(tail, ':', tn) || memchr(tail, '(', tn) || memchr(tail, 0xA9, tn);
        for (const char *q = tail, *te = tail + tn; !maybe && (q = memchr(q, 'b', (size_t)(te - q))); q++)
            maybe = te - q >= 3 && q[1] == 'y' && q[2] == ' ';
    } else if (!maybe) {
        maybe = memchr(s, '(', n) || memchr(s, 0xA9, n);   /* © is C2 A9 */
    }
    size_t i = from;
#if defined(__SSE2__)
    /* sixteen positions at a time: only where the first two letters of a
     * lead are ("ph"oto, "im"age, "cr"edit, "pi"cture, "so"urce, "fi"le,
     * "(p" "(i" "(c", "©"), in order, so the first match is the same */
    for (; maybe && i + 17 <= n; i += 16) {   /* y reads s[i + 16] */
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        __m128i lx = _mm_or_si128(x, _mm_set1_epi8(0x20)), ly = _mm_or_si128(y, _mm_set1_epi8(0x20));
#define EQ(v, ch) _mm_cmpeq_epi8(v, _mm_set1_epi8((char)(ch)))
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_and_si128(EQ(lx, 'p'), _mm_or_si128(EQ(ly, 'h'), EQ(ly, 'i'))),
                         _mm_and_si128(EQ(lx, 'i'), EQ(ly, 'm'))),
            _mm_or_si128(_mm_or_si128(_mm_and_si128(EQ(lx, 'c'), EQ(ly, 'r')), _mm_and_si128(EQ(lx, 's'), EQ(ly, 'o'))),
                         _mm_or_si128(_mm_and_si128(EQ(lx, 'f'), EQ(ly, 'i')),
                                      _mm_or_si128(_mm_and_si128(EQ(x, '('), _mm_or_si128(_mm_or_si128(EQ(ly, 'p'), EQ(ly, 'i')), EQ(ly, 'c'))),
                                                   _mm_and_si128(EQ(x, 0xC2), EQ(y, 0xA9))))));
#undef EQ
        unsigned cand = (unsigned)_mm_movemask_epi8(m);
        while (cand) {
            size_t at = i + (unsigned)__builtin_ctz(cand);
            cand &= cand - 1;
            if (credit_lead_at(s, e, n, at, LEAD, sizeof LEAD / sizeof LEAD[0])) return (long)(s + at - t);
        }
    }
#endif
    for (; maybe && i < n; i++)
        if (credit_lead_at(s, e, n, i, LEAD, sizeof LEAD / sizeof LEAD[0])) return (long)(s + i - t);
    /* "... Name Surname/Agency" or "REUTERS/Name Surname" at the end */
    const char *sl = n ? memrchr(n > 60 ? e - 60 : s, '/', n > 60 ? 60 : n) : NULL;
    if (sl == s) sl = NULL;
    if (sl && sl + 1 < e && cri_isupper((unsigned char)sl[1]) && sl > s &&
        cri_isalpha((unsigned char)sl[-1])) {
        /* right side: capitalized words to the end */
        const char *q = sl + 1;
        bool ok = true;
        int rw = 0;
        while (q < e && ok) {
            const char *we = q;
            while (we < e && *we != ' ') we++;
            size_t wl = (size_t)(we - q);
            bool link = rw > 0 && we < e && (ieq_prefix(q, wl, "of") || ieq_prefix(q, wl, "the") ||
                                             ieq_prefix(q, wl, "de") || ieq_prefix(q, wl, "for")) &&
                        wl <= 3;
            if (!cri_isupper((unsigned char)*q) && !link) ok = false;
            while (q < e && *q != ' ') q++;
            rw++;
            while (q < e && *q == ' ') q++;
        }
        if (ok && rw <= 5 && !memchr(sl + 1, ':', (size_t)(e - sl - 1))) {
            /* left side: two capitalized words (a name), or one all-caps agency */
            const char *w2 = sl;
            while (w2 > s && w2[-1] != ' ') w2--;
            if (!cri_isupper((unsigned char)*w2)) return -1;
            const char *start = w2;
            bool agency = true;
            for (const char *z = w2; z < sl; z++)
                if (cri_islower((unsigned char)*z)) agency = false;
            if (!agency && w2 > s + 1) {
                const char *w1 = w2 - 1;
                while (w1 > s && w1[-1] != ' ') w1--;
                if (cri_isupper((unsigned char)*w1) && w2 - 1 - w1 <= 20 &&
                    !(w2 - 2 >= w1 && (w2[-2] == '.' || w2[-2] == ',' || w2[-2] == ':')))
                    start = w1;
                /* a particle or an initial before makes three words */
                if (start == w1 && w1 > s + 1) {
                    const char *w0 = w1 - 1;
                    while (w0 > s && w0[-1] != ' ') w0--;
                    size_t wl0 = (size_t)(w1 - 1 - w0);
                    if ((wl0 == 2 && w0[1] == '.') || (wl0 <= 3 && cri_islower((unsigned char)*w0) &&
                                                       (ieq_prefix(w0, wl0, "de") || ieq_prefix(w0, wl0, "van") ||
                                                        ieq_prefix(w0, wl0, "von") || ieq_prefix(w0, wl0, "al"))))
                        start = w0;
                }
            }
            return (long)(start - t);
        }
    }
    /* "(AP)", "(Reuters)", "AFP via Getty Images", "Getty Images" closing the line */
    static const char *const TAIL[] = {"getty images", "via getty images", "shutterstock",
                                       "alamy", "(ap)", "(reuters)", "(afp)", "(epa)"};
    static const uint8_t TAIL_LEN[] = {12, 16, 12, 5, 4, 9, 5, 5};
    char last = n ? cri_tolower(e[-1]) : 0;
    if (last != 's' && last != 'k' && last != 'y' && last != ')') return -1;
    for (size_t k = 0; k < sizeof TAIL / sizeof TAIL[0]; k++) {
        size_t m = TAIL_LEN[k];
        if (n >= m && ieq_prefix(e - m, m, TAIL[k])) {
            const char *q = e - m;
            /* take the agency or photographer words just before */
            while (q > s && q[-1] == ' ') q--;
            const char *w = q;
            int words = 0;
            while (w > s && words < 4) {
                const char *z = w;
                while (z > s && z[-1] != ' ') z--;
                if (!cri_isupper((unsigned char)*z) || (w > z && (w[-1] == '.' || w[-1] == ','))) break;
                w = z;
                words++;
                while (w > s && w[-1] == ' ') w--;
                if (w > s && (w[-1] == '.' || w[-1] == ',')) break;
            }
            while (w < q && *w == ' ') w++;
            return (long)(w - t);
        }
    }
    return -1;
}

/* A breadcrumb trail: short, with two or more of » › > / as separators. */
static bool breadcrumb(const char *t, const cri_bline *l) {
    if (l->words > 12 || (l->flags & BL_TERM)) return false;
    const char *s = t + l->cstart, *e = t + l->end;
    int seps = 0;
    for (const char *p = s; p + 2 < e; p++) {
        if (p[0] != ' ') continue;
        if ((p[1] == '>' || p[1] == '/') && p[2] == ' ') seps++;
        else if ((unsigned char)p[1] == 0xC2 && p + 3 < e && (unsigned char)p[2] == 0xBB && p[3] == ' ') seps++;
        else if ((unsigned char)p[1] == 0xE2 && p + 4 < e && (unsigned char)p[2] == 0x80 &&
                 (unsigned char)p[3] == 0xBA && p[4] == ' ')
            seps++;
    }
    return seps >= 2;
}

/* An embedded post: "pic.twitter.com/...", "— Name (@handle) July 9, 2024". */
static bool embed_line(const char *t, const cri_bline *l) {
    if (!(l->flags & (BL_AT | BL_URL | BL_LONG))) return false;
    const char *s = t + l->cstart;
    size_t n = l->end - l->cstart;
    /* the link closes the embedded post's text */
    size_t from = n > 80 ? n - 80 : 0;
    if (cri_bp_memmem(s + from, n - from, "pic.twitter.com/", 16)) return true;
    if (l->words > 14 || !l->nums) return false;
    const char *h = cri_bp_memmem(s, n, "(@", 2);
    if (!h) return false;
    const char *q = h + 2;
    while (q < s + n && (cri_isalnum((unsigned char)*q) || *q == '_')) q++;
    return q > h + 2 && q < s + n && *q == ')';
}

/* A time stamp alone on its line (live blogs): "23:58 BST", "10.32am",
 * "2:15 p.m. ET". */
static bool time_line(const char *t, const cri_bline *l) {
    if (l->words > 5 || !l->nums) return false;
    const char *s = t + l->cstart, *e = t + l->end;
    const char *p = s;
    int d = 0;
    while (p < e && cri_isdigit((unsigned char)*p)) p++, d++;
    if (d < 1 || d > 2 || p >= e || (*p != ':' && *p != '.')) return false;
    p++;
    d = 0;
    while (p < e && cri_isdigit((unsigned char)*p)) p++, d++;
    if (d != 2) return false;
    /* the rest: am/pm and a zone, letters and dots only */
    for (; p < e; p++)
        if (!cri_isalpha((unsigned char)*p) && *p != '.' && *p != ' ') return false;
    return true;
}

/* Label lines that open a tag list: "Tags:", "Country:", "Topics". */
static bool tag_label(const char *t, const cri_bline *l) {
    if (l->words == 0 || l->words > 3 || !l->tag) return false;
    if (l->flags & BL_COLON) return true;
    (void)t;
    return l->words == 1;
}

/* "About the writer", "About the author" (a bio block heading). */
static bool bio_heading(const char *t, const cri_bline *l) {
    const char *s = t + l->cstart;
    size_t n = l->end - l->cstart;
    return l->words <= 4 && (ieq_prefix(s, n, "about the ") || ieq_prefix(s, n, "about ")) &&
           (l->role || ieq_prefix(s, n, "about the author") || ieq_prefix(s, n, "about us"));
}

/* "Name Surname is a ... reporter": an author bio line. */
static bool bio_line(const char *t, const cri_bline *l) {
    if (!l->role || l->words < 5) return false;
    const char *s = t + l->cstart, *e = t + l->end;
    const char *is = NULL;
    for (const char *q = s; q + 4 < e && q - s < 60; q++)
        if (q[0] == ' ' && q[1] == 'i' && q[2] == 's' && q[3] == ' ') {
            is = q;
            break;
        }
    if (!is) return false;
    return cri_meta_name_shaped(s, (size_t)(is - s), 2);
}

/* Lines that only point elsewhere: "Read more: ...", "Related: ...". */
static bool related_prefix(const char *t, const cri_bline *l) {
    const char *s = t + l->cstart;
    size_t n = l->end - l->cstart;
    static const char *const P[] = {"read more", "related:", "related stories", "related articles",
                                    "see also", "also read", "read also", "more:", "watch:",
                                    "listen:", "recommended", "more from", "more on this",
                                    "you may also like", "you might also like", "most read",
                                    "most popular", "trending", "read next", "up next",
                                    "expanded coverage", "further reading", "latest news",
                                    "more stories", "top stories", "editor's picks", "related ",
                                    "explore more", "more in ", "more about", "lire aussi",
                                    "mehr zum thema", "leer m\xc3\xa1s", "see more", "show more"};
    if (!n) return false;
    char c = cri_tolower(s[0]);   /* one test per phrase on the first byte */
    for (size_t k = 0; k < sizeof P / sizeof P[0]; k++)
        if (P[k][0] == c && ieq_prefix(s, n, P[k])) return true;
    return false;
}

/* A wire credit: "Reporting by X; Editing by Y", "(Additional reporting...)". */
static bool credits_line(const char *t, const cri_bline *l) {
    const char *s = t + l->cstart;
    size_t n = l->end - l->cstart;
    if (n && *s == '(') s++, n--;
    if (l->words <= 20 && l->credit && (cri_bp_memmem(s, n, "contributed to this report", 26) ||
                           cri_bp_memmem(s, n, "contributed reporting", 21)))
        return true;
    return l->words <= 30 &&
           (ieq_prefix(s, n, "reporting by") || ieq_prefix(s, n, "additional reporting") ||
            ieq_prefix(s, n, "editing by") || ieq_prefix(s, n, "writing by") ||
            ieq_prefix(s, n, "compiled by") || ieq_prefix(s, n, "produced by"));
}

/* Source notes: "Source: Reuters", "(With inputs from agencies.)". */
static bool source_line(const char *t, const cri_bline *l) {
    const char *s = t + l->cstart;
    size_t n = l->end - l->cstart;
    if (l->words > 8) return false;
    if (n && *s == '(') s++, n--;
    return ieq_prefix(s, n, "source:") || ieq_prefix(s, n, "sources:") ||
           ieq_prefix(s, n, "with inputs from") || ieq_prefix(s, n, "inputs from") ||
           ieq_prefix(s, n, "with agency inputs") || ieq_prefix(s, n, "agencies contributed") ||
           ieq_prefix(s, n, "source -") || ieq_prefix(s, n, "via ");
}

/* Strong content: reads as article prose. */
static bool strong(const cri_bline *l) {
    return !l->reason && l->dup <= 1 && !(l->flags & BL_XREP) && l->words >= 10 && ((l->flags & BL_TERM) || l->words >= 20);
}

static bool fragment(const cri_bline *l) {
    return !cri_bl_sentence(l);
}

/* A short sentence of prose ("He was 84."): a sentence end, a function
 * word, and not mostly capitalized words (a heading or a name list). */
static bool short_prose(const cri_bline *l) {
    if (l->flags & (BL_URL | BL_EMAIL)) return false;
    /* "Best decision ever." */
    if ((l->flags & BL_TERM) && l->words >= 2 && l->caps < l->words && l->caps * 10 < l->words * 7)
        return true;
    /* "The rest of the report is as follows:" introduces what follows */
    return (l->flags & BL_COLON) && l->words >= 6 && l->stops >= 2;
}

/* Words of prose without the final stop (a cut last line): mostly lower
 * case with function words.  Kept at the tail unless it follows removed
 * lines (then it is one more link of a list). */
static bool prose_fragment(const cri_bline *l) {
    return l->words >= 6 && l->stops >= 2 && l->caps * 2 <= l->words && !l->promo &&
           !(l->flags & (BL_URL | BL_EMAIL | BL_COLON));
}

/* "About Acme Corp", "About the author", "About us": the heading of a
 * block describing the author or the organization. */
static bool about_heading(const char *t, const cri_bline *l) {
    const char *s = t + l->cstart;
    size_t n = l->end - l->cstart;
    if (l->words < 2 || l->words > 5 || (l->flags & BL_TERM) || !ieq_prefix(s, n, "about ")) return false;
    const char *w = s + 6;
    if (ieq_prefix(w, n - 6, "the ")) w += 4;
    return w < s + n && cri_isupper((unsigned char)*w);
}

typedef struct keyidx {
    uint64_t key;
    uint32_t idx;
} keyidx;

static int cmp_keyidx(const void *a, const void *b) {
    const keyidx *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static cr_status nomem(cr_ctx *ctx) { return cri_fail(ctx, CR_ERR_NOMEM, "out of memory"); }

cr_status cri_extract_body(cr_ctx *ctx, cr_doc *d, const char *text, size_t len,
                           const cri_input *in, const cri_line_stats *stats) {
    cri_bline *L = NULL;
    size_t consumed = 0;
    long nl = split_lines(text, len, &L, &consumed);
    if (nl < 0) return nomem(ctx);
    size_t n = (size_t)nl;
    cr_status st = CR_OK;
    cri_buf body = {0}, joined = {0};
    keyidx *ki = NULL;
    uint64_t seed = ctx->opt.seed;

    /* hard-wrapped lines become one logical line before anything else */
    if (n > 1) {
        uint8_t *join = malloc(n);
        if (!join) goto oom;
        size_t nj = wrap_plan(text, L, n, join);
        if (nj && wrap_apply(text, len, L, n, join, consumed, &joined)) {
            free(join);
            goto oom;
        }
        free(join);
        if (nj) {   /* (as bp_unwrap, without splitting twice) */
            free(L);
            L = NULL;
            text = joined.data;
            len = joined.len;
            nl = split_lines(text, len, &L, &consumed);
            if (nl < 0) goto oom;
            n = (size_t)nl;
        }
    }

    for (size_t i = 0; i < n; i++) scan_line(text, &L[i], seed, true);

    /* repetition within the article */
    if (n > 1) {
        ki = malloc(n * sizeof *ki);
        if (!ki) goto oom;
        for (size_t i = 0; i < n; i++) ki[i] = (keyidx){L[i].key, (uint32_t)i};
        if (n <= 64) {
            /* few lines: insertion sort (no allocation, no calls) */
            for (size_t i = 1; i < n; i++) {
                keyidx x = ki[i];
                size_t j = i;
                while (j > 0 && cmp_keyidx(&ki[j - 1], &x) > 0) {
                    ki[j] = ki[j - 1];
                    j--;
                }
                ki[j] = x;
            }
        } else {
            qsort(ki, n, sizeof *ki, cmp_keyidx);
        }
        for (size_t i = 0; i < n;) {
            size_t j = i;
            while (j < n && ki[j].key == ki[i].key) j++;
            for (size_t k = i; k < j; k++) L[ki[k].idx].dup = (uint32_t)(j - i);
            i = j;
        }
    } else if (n == 1) {
        L[0].dup = 1;
    }

    /* repetition across the outlet's articles */
    uint64_t outlet_docs = 0;
    if (stats && stats->max_docs >= 3) {
        cri_buf kb = {0};
        const char *okey = cri_outlet_key(in, text, len, &kb);
        if (okey) {
            int64_t *nd = cri_strmap_get(&stats->outlets, okey, strlen(okey));
            outlet_docs = nd ? (uint64_t)*nd : 0;
            if (outlet_docs >= 3) {
                uint64_t oh = cri_hash64(okey, strlen(okey), stats->seed);
                for (size_t i = 0; i < n && i < CRI_BP_STATS_MAX_LINES; i++)
                    if (L[i].end - L[i].start <= CRI_BP_STATS_MAX_LINE) {
                        uint64_t rk = cri_hash64(text + L[i].start, L[i].end - L[i].start, stats->seed);
                        L[i].xdocs = stats_count(stats, oh, rk);
                        if (L[i].xdocs >= 3) L[i].flags |= BL_XREP;
                    }
                /* When most of the article is shared with the outlet's other
                 * articles it is a copy of one of them (the same story
                 * scraped twice): its sentences are its text, not a
                 * template; only shared fragments still count. */
                size_t all = 0, shared = 0;
                for (size_t i = 0; i < n; i++) {
                    all += L[i].end - L[i].start;
                    if (L[i].flags & BL_XREP) shared += L[i].end - L[i].start;
                }
                if (shared * 2 > all)
                    for (size_t i = 0; i < n; i++)
                        if (cri_bl_sentence(&L[i])) L[i].flags &= (uint16_t)~BL_XREP;
            }
        }
        cri_buf_free(&kb);
    }

    /* 1. line rules */
    for (size_t i = 0; i < n; i++) {
        cri_bline *l = &L[i];
        if (bio_heading(text, l)) {
            l->reason = CRI_R_BIO;
            continue;
        }
        if (source_line(text, l)) {
            l->reason = CRI_R_SOURCE;
            continue;
        }
        if (credits_line(text, l)) {
            l->reason = CRI_R_BYLINE;
            continue;
        }
        if (l->words == 0 || breadcrumb(text, l)) {
            /* "***", "___", "###": separators; "Home » News » World" */
            l->reason = CRI_R_NAV;
            continue;
        }
        if (embed_line(text, l)) {
            l->reason = CRI_R_EMBED;
            continue;
        }
        if (time_line(text, l)) {
            l->reason = CRI_R_DATELINE;
            continue;
        }
        {
            const char *a = text + l->cstart;
            size_t an = l->end - l->cstart;
            static const char *const CAPP[] = {"image caption", "photo caption", "caption:",
                                               "pictured:"};
            size_t k = 0;
            for (; k < sizeof CAPP / sizeof CAPP[0]; k++)
                if (ieq_prefix(a, an, CAPP[k])) break;
            if (k < sizeof CAPP / sizeof CAPP[0]) {
                size_t m = strlen(CAPP[k]);
                while (m < an && (a[m] == ',' || a[m] == ':' || a[m] == ' ')) m++;
                l->reason = CRI_R_CAPTION;
                l->cap_start = l->cstart + (uint32_t)m;
                l->cap_end = l->end;
                continue;
            }
        }
        long cs = credit_start(text, l);
        if (cs >= 0) {
            const char *a = text + l->cstart, *b = text + cs;
            while (b > a && (b[-1] == ' ' || b[-1] == '(' || b[-1] == '-' || b[-1] == ',' ||
                             b[-1] == '|'))
                b--;
            if (b - a >= 12) {
                /* caption text before the credit; "Image caption, " prefix dropped */
                if (ieq_prefix(a, (size_t)(b - a), "image caption")) {
                    a += 13;
                    while (a < b && (*a == ',' || *a == ':' || *a == ' ')) a++;
                }
                l->cap_start = (uint32_t)(a - text);
                l->cap_end = (uint32_t)(b - text);
                l->reason = CRI_R_CAPTION;
            } else if (l->words <= 10) {
                /* "© 2024 Name" alone is a copyright line, not a photo's */
                bool copy = (unsigned char)a[0] == 0xC2 && (unsigned char)a[1] == 0xA9 &&
                            text + cs == a;
                l->reason = copy ? LEX_CAT_NAME[11] : CRI_R_CREDIT;
            }
            if (l->reason) continue;
        }
        if (l->words <= 12 && related_prefix(text, l) && !(l->flags & BL_TERM && l->words > 8)) {
            l->reason = CRI_R_RELATED;
            continue;
        }
        const char *r = promo_reason(l);
        if (r) l->reason = r;
    }

    /* 2. title, byline, dateline */
    cri_meta_head(d, text, L, n, in, seed);

    /* 3. blocks */
    for (size_t i = 0; i < n; i++) {
        cri_bline *l = &L[i];
        /* tag lists: a label and the short items after it */
        if (!l->reason && tag_label(text, l) && !(l->flags & BL_TERM)) {
            l->reason = CRI_R_TAGS;
            size_t j = i + 1;
            while (j < n && L[j].words <= 5 && !(L[j].flags & BL_TERM) && !strong(&L[j]) &&
                   (!(L[j].flags & BL_BLANK) || (L[j].flags & BL_BULLET))) {
                if (!L[j].reason) L[j].reason = CRI_R_TAGS;
                j++;
            }
            i = j - 1;
            continue;
        }
        /* bio after "About the writer" */
        if (l->reason == CRI_R_BIO && bio_heading(text, l)) {
            for (size_t j = i + 1; j < n && j <= i + 2; j++) {
                if (L[j].reason && L[j].reason != CRI_R_RELATED) break;
                if (j > i + 1 && (L[j].flags & BL_BLANK)) break;
                if (strong(&L[j]) && !bio_line(text, &L[j]) && j > i + 1) break;
                L[j].reason = CRI_R_BIO;
            }
        }
        /* "About Acme Corp" and its paragraph, when nothing of the article follows */
        if (!l->reason && about_heading(text, l)) {
            size_t j = i + 1;
            while (j < n && j <= i + 3 && !(j > i + 1 && (L[j].flags & BL_BLANK))) j++;
            bool tail = true;
            for (size_t k = j; k < n && tail; k++)
                if (strong(&L[k]) && !about_heading(text, &L[k])) {
                    /* another "About" block is tail too */
                    bool in_about = false;
                    for (size_t b = k; b > j && b + 3 >= k; b--)
                        if (about_heading(text, &L[b - 1])) in_about = true;
                    if (!in_about) tail = false;
                }
            if (tail) {
                const char *why = l->role || bio_heading(text, l) ? CRI_R_BIO : CRI_R_ABOUT;
                for (size_t k = i; k < j; k++)
                    if (!L[k].reason) L[k].reason = why;
                i = j - 1;
                continue;
            }
        }
        /* bullet lists judged as a whole */
        if ((l->flags & BL_BULLET) && (i == 0 || !(L[i - 1].flags & BL_BULLET))) {
            size_t j = i, content = 0, promo = 0, items = 0;
            while (j < n && (L[j].flags & BL_BULLET)) {
                items++;
                if (L[j].reason && L[j].reason != CRI_R_TAGS) promo++;
                else if (L[j].words >= 8 && ((L[j].flags & BL_TERM) || L[j].words >= 14)) content++;
                else if (promo_score(&L[j]) >= 3) promo++;
                j++;
            }
            if (promo * 2 >= items && content * 2 < items) {
                const char *why = NULL;
                for (size_t k = i; k < j && !why; k++)
                    if (L[k].reason && L[k].reason != CRI_R_TAGS) why = L[k].reason;
                if (!why) why = CRI_R_PROMO;
                for (size_t k = i; k < j; k++)
                    if (!L[k].reason) L[k].reason = why;
                /* its heading: the short line just before */
                if (i > 0 && !L[i - 1].reason && fragment(&L[i - 1]) && L[i - 1].words <= 6)
                    L[i - 1].reason = why;
            }
            i = j - 1;
            continue;
        }
    }
    /* a share or follow bar: the short link lines right after a promo line */
    for (size_t i = 0; i + 1 < n; i++) {
        const char *r = L[i].reason;
        if (!r || r == CRI_R_TITLE || r == CRI_R_BYLINE || r == CRI_R_DATELINE || r == CRI_R_CAPTION ||
            r == CRI_R_CREDIT || r == CRI_R_SOURCE || r == CRI_R_TAGS || r == CRI_R_BIO || r == CRI_R_ABOUT)
            continue;
        size_t j = i + 1;
        while (j < n && !L[j].reason && L[j].words <= 3 && !(L[j].flags & BL_TERM) &&
               (L[j].promo > 0 || (L[j].flags & BL_URL)) && !(L[j].flags & BL_BLANK)) {
            L[j].reason = r;
            j++;
        }
        i = j - 1;
    }
    /* caption titles: the short line right before a caption */
    for (size_t i = 0; i + 1 < n; i++) {
        if (L[i + 1].reason != CRI_R_CAPTION || L[i].reason || (L[i + 1].flags & BL_BLANK)) continue;
        if (L[i].words <= 12 && !(L[i].flags & BL_TERM) && !(L[i].flags & BL_BULLET)) {
            L[i].reason = CRI_R_CAPTION;
            L[i].cap_start = L[i].cstart;
            L[i].cap_end = L[i].end;
        }
    }

    /* 4. zones: head and tail outside the article prose */
    size_t first = n, last = n;
    for (size_t i = 0; i < n; i++)
        if (strong(&L[i])) {
            if (first == n) first = i;
            last = i;
        }
    for (size_t i = 0; i < n; i++) {
        cri_bline *l = &L[i];
        if (l->reason) continue;
        bool xrep = (l->flags & BL_XREP) != 0;
        if (first == n) {
            /* no prose at all: keep sentences, drop repeated fragments */
            if (xrep || (fragment(l) && l->dup > 1)) l->reason = CRI_R_REPEATED;
            continue;
        }
        if (i < first) {
            if (xrep) l->reason = CRI_R_REPEATED;
            else if (fragment(l) && !short_prose(l) &&
                     (l->words <= 4 || (l->stops == 0 && l->caps == l->words && l->words >= 4)))
                l->reason = CRI_R_NAV;
            else if (l->dup > 1 && fragment(l))
                l->reason = CRI_R_REPEATED;
        } else if (i > last) {
            if (xrep || l->dup > 1) l->reason = CRI_R_REPEATED;
            else if (bio_line(text, l)) l->reason = CRI_R_BIO;
            else if ((fragment(l) && !short_prose(l) && !(prose_fragment(l) && i > 0 && !L[i - 1].reason)) ||
                     (l->words < 10 && l->caps * 10 >= l->words * 7)) {
                l->reason = (l->flags & BL_COLON) ? CRI_R_RELATED : CRI_R_NAV;
                /* a heading of promo lines takes their reason */
                for (size_t j = i + 1; j < n && j <= i + 2; j++)
                    if (L[j].reason && L[j].reason != CRI_R_REPEATED && L[j].reason != CRI_R_NAV) {
                        if (j == i + 1 || !L[i + 1].reason) l->reason = L[j].reason;
                        break;
                    }
            }
        } else if (xrep && fragment(l)) {
            l->reason = CRI_R_REPEATED;
        }
    }
    /* 5. a line already in the body once goes the second time */
    if (ki) {
        for (size_t i = 0; i < n;) {
            size_t j = i;
            while (j < n && ki[j].key == ki[i].key) j++;
            bool seen = false;
            for (size_t k = i; k < j; k++) {
                cri_bline *l = &L[ki[k].idx];
                if (l->reason) continue;
                if (seen && l->words) l->reason = CRI_R_REPEATED;
                seen = true;
            }
            i = j;
        }
    }

    /* a document that is only a headline (and a date) keeps it as its body */
    {
        bool any = consumed < len;
        for (size_t i = 0; i < n && !any; i++) any = !L[i].reason;
        if (!any)
            for (size_t i = 0; i < n; i++)
                if (L[i].reason == CRI_R_TITLE) L[i].reason = NULL;
    }

    /* body and removed lines, in order */
    if (cri_buf_reserve(&body, len + 2)) goto oom;
    for (size_t i = 0; i < n; i++) {
        cri_bline *l = &L[i];
        const char *s = text + l->start;
        size_t ln = l->end - l->start;
        if (l->reason) {
            if (cri_doc_add_removed(d, s, ln, l->reason)) goto oom;
            if (l->reason == CRI_R_CAPTION && l->cap_end > l->cap_start &&
                cri_doc_add_caption(d, text + l->cap_start, l->cap_end - l->cap_start))
                goto oom;
            continue;
        }
        if (body.len) cri_buf_append(&body, "\n\n", 2);
        cri_buf_append(&body, s, ln);
    }
    /* lines past the classification bound are body as they stand */
    for (const char *p = text + consumed, *end = text + len; p < end;) {
        const char *q = memchr(p, '\n', (size_t)(end - p));
        const char *le = q ? q : end, *s = p, *e = le;
        while (s < e && cri_isspace((unsigned char)*s)) s++;
        while (e > s && cri_isspace((unsigned char)e[-1])) e--;
        if (e > s) {
            if (body.len && cri_buf_append(&body, "\n\n", 2)) goto oom;
            if (cri_buf_append(&body, s, (size_t)(e - s))) goto oom;
        }
        p = q ? q + 1 : end;
    }
    d->body = cri_arena_strndup(&d->arena, body.data ? body.data : "", body.len);
    if (!d->body) goto oom;
    d->body_len = (uint32_t)body.len;
    if (in && in->lang && *in->lang) {
        d->language = cri_arena_strdup(&d->arena, in->lang);
        if (!d->language) goto oom;
    }
    if (cri_meta_finish(d, text, L, n, in)) goto oom;
    goto done;
oom:
    st = nomem(ctx);
done:
    free(ki);
    free(L);
    cri_buf_free(&body);
    cri_buf_free(&joined);
    return st;
}

cr_status cri_extract_raw(cr_ctx *ctx, cr_doc *d, const char *text, size_t len,
                          const cri_input *in) {
    if (in->title && !(d->title = cri_arena_strdup(&d->arena, in->title))) return nomem(ctx);
    if (in->outlet && !(d->outlet = cri_arena_strdup(&d->arena, in->outlet))) return nomem(ctx);
    if (in->published) d->published = cri_meta_published(d, in->published, 0);
    if (in->lang && *in->lang && !(d->language = cri_arena_strdup(&d->arena, in->lang)))
        return nomem(ctx);
    /* paragraphs: lines, with hard-wrapped lines joined (wrap_plan) */
    cri_bline *L = NULL;
    size_t consumed = 0;
    long nl = split_lines(text, len, &L, &consumed);
    if (nl < 0) return nomem(ctx);
    size_t n = (size_t)nl;
    uint8_t *join = n > 1 ? malloc(n) : NULL;
    if (n > 1 && !join) {
        free(L);
        return nomem(ctx);
    }
    if (join) wrap_plan(text, L, n, join);
    cri_buf b = {0};
    if (cri_buf_reserve(&b, len + 2)) {
        free(L);
        free(join);
        return nomem(ctx);
    }
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            if (join[i - 1] == 1) cri_buf_putc(&b, ' ');
            else if (join[i - 1] == 0) cri_buf_append(&b, "\n\n", 2);
        }
        cri_buf_append(&b, text + L[i].start, L[i].end - L[i].start);
    }
    free(L);
    free(join);
    /* lines past the classification bound: one paragraph each */
    const char *p = text + consumed, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *s = p, *e = le;
        while (s < e && cri_isspace((unsigned char)*s)) s++;
        while (e > s && cri_isspace((unsigned char)e[-1])) e--;
        if (e > s) {
            if (b.len) cri_buf_append(&b, "\n\n", 2);
            cri_buf_append(&b, s, (size_t)(e - s));
        }
        p = nl ? nl + 1 : end;
    }
    d->body = cri_arena_strndup(&d->arena, b.data ? b.data : "", b.len);
    d->body_len = (uint32_t)b.len;
    cri_buf_free(&b);
    return d->body ? CR_OK : nomem(ctx);
}
