/*
 * boilerplate.h — the line model boilerplate.c and metadata.c share: each
 * non-blank line of an article with the features both need (shape, word
 * classes, promo vocabulary, repetition) and the reason it is not body.
 */
#ifndef CRI_BOILERPLATE_H
#define CRI_BOILERPLATE_H

#include "internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Lines classified per document; lines beyond are body as they stand (a
 * text of millions of one-word lines stays linear and bounded). */
#define CRI_BP_MAX_LINES 100000
/* Lines longer than this are not counted in cross-article statistics
 * (boilerplate repeated across an outlet's pages is short). */
#define CRI_BP_STATS_MAX_LINE 600
/* Lines of a document counted in cross-article statistics. */
#define CRI_BP_STATS_MAX_LINES 4000
/* Bytes of a line whose words are looked up (the rest is counted). */
#define CRI_BP_FULL_SCAN 128
/* Hard-wrapped text: lines of at most this many columns may be joined
 * to the next one (wrapped text is cut at 60-80 columns). */
#define CRI_BP_WRAP_MAX 100
/* Lines longer than CRI_BP_PROSE_LINE bytes that read as plain prose in
 * their first CRI_BP_PROSE_SCAN bytes are only counted from there on. */
#define CRI_BP_PROSE_LINE 200
#define CRI_BP_PROSE_SCAN 64
/* Lines at the head and tail searched for datelines and bylines. */
#define CRI_BP_HEAD_LINES 16
#define CRI_BP_TAIL_LINES 6

/* memmem for the haystacks of this stage (a line, a document's head): no
 * per-call setup (glibc's memmem pays a table setup on every call).  With
 * SSE2, sixteen positions at a time where the first two bytes match (the
 * needles here start with common letters, "aid", "eported": a memchr to
 * the first byte stopped every few bytes); without, long haystacks by
 * memchr to the first byte, short ones eight positions at a time. */
static inline const char *cri_bp_memmem(const void *hay, size_t n, const void *needle, size_t m) {
    const unsigned char *h = hay, *nd = needle;
    if (m == 0) return hay;
    if (n < m) return NULL;
    const unsigned char c0 = nd[0];
    if (m == 1) return memchr(hay, c0, n);
    const unsigned char c1 = nd[1];
    const unsigned char *last = h + n - m;
#if defined(__SSE2__)
    {
        const unsigned char *p = h;
        const __m128i v0 = _mm_set1_epi8((char)c0), v1 = _mm_set1_epi8((char)c1);
        /* loads p..p+16: in the haystack while p + 15 <= last (m >= 2) */
        while (last - p >= 15) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
            __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
            unsigned z = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, v0), _mm_cmpeq_epi8(y, v1)));
            while (z) {
                unsigned k = (unsigned)__builtin_ctz(z);
                z &= z - 1;
                if (memcmp(p + k + 2, nd + 2, m - 2) == 0) return (const char *)(p + k);
            }
            p += 16;
        }
        for (; p <= last; p++)
            if (p[0] == c0 && p[1] == c1 && memcmp(p + 2, nd + 2, m - 2) == 0) return (const char *)p;
        return NULL;
    }
#endif
    if (n > 96) {
        /* long: memchr to the first byte, then compare */
        for (const unsigned char *p = h; p <= last; p++) {
            p = memchr(p, c0, (size_t)(last - p) + 1);
            if (!p) return NULL;
            if (p[1] == c1 && memcmp(p + 2, nd + 2, m - 2) == 0) return (const char *)p;
        }
        return NULL;
    }
    /* short: eight positions at a time, where the first two bytes match
     * (exact zero-byte test of (x ^ c0) | (y ^ c1), y = x one byte on) */
    const unsigned char *p = h;
    const uint64_t k0 = 0x0101010101010101ULL * c0, k1 = 0x0101010101010101ULL * c1;
    const uint64_t lo7 = 0x7F7F7F7F7F7F7F7FULL;
    while (last - p >= 7) {   /* p .. p + 8 readable: p + 7 <= last, m >= 2 */
        uint64_t x, y;
        memcpy(&x, p, 8);
        memcpy(&y, p + 1, 8);
        uint64_t v = (x ^ k0) | (y ^ k1);
        uint64_t z = ~(((v & lo7) + lo7) | v | lo7);   /* 0x80 where v's byte is 0 */
        while (z) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            unsigned k = (unsigned)__builtin_clzll(z) >> 3;
            z &= ~(0x8000000000000000ULL >> (8 * k));
#else
            unsigned k = (unsigned)__builtin_ctzll(z) >> 3;
            z &= z - 1;
#endif
            if (memcmp(p + k + 2, nd + 2, m - 2) == 0) return (const char *)(p + k);
        }
        p += 8;
    }
    for (; p <= last; p++)
        if (p[0] == c0 && p[1] == c1 && memcmp(p + 2, nd + 2, m - 2) == 0) return (const char *)p;
    return NULL;
}

/* line flags */
enum {
    BL_BULLET = 1u << 0,   /* starts with a bullet marker */
    BL_TERM = 1u << 1,     /* ends like a sentence: . ! ? … (quotes allowed) */
    BL_COLON = 1u << 2,    /* ends with ':' */
    BL_URL = 1u << 3,      /* a web address (www., http, name.com) */
    BL_EMAIL = 1u << 4,    /* an e-mail address */
    BL_PIPE = 1u << 5,     /* fields split by " | " */
    BL_EXCL = 1u << 6,     /* ends with '!' */
    BL_QMARK = 1u << 7,    /* ends with '?' */
    BL_LOWER = 1u << 8,    /* first word starts lower case */
    BL_BLANK = 1u << 9,    /* a blank line before it */
    BL_BIGRAM = 1u << 10,  /* a promo phrase: "read more", "sign up", ... */
    BL_XREP = 1u << 11,    /* in 3+ articles of the same outlet */
    BL_LONG = 1u << 12,    /* longer than CRI_BP_FULL_SCAN: vocabulary of its head only */
    BL_AT = 1u << 13       /* an '@' (address or handle) */
};

/* lexicon word flags (tools/gen_boiler_lex.py writes them into the table) */
enum {
    LX_STOP = 1, LX_YOU = 2, LX_WE = 4, LX_IMP = 8, LX_CITE = 16, LX_ROLE = 32, LX_META = 64,
    LX_TAGLBL = 128, LX_CREDIT = 256, LX_BYWORD = 512, LX_SAYS = 1024, LX_TOLD = 2048, LX_AGENCY = 4096
};

typedef struct cri_bline {
    uint32_t start, end;   /* trimmed line in the text */
    uint32_t cstart;       /* after a bullet marker */
    uint64_t key;          /* case-, punctuation- and space-insensitive */
    uint16_t words, stops, caps, allcaps, nums;
    uint16_t you, we, cite, says, told, role, meta, tag, credit;
    uint16_t flags;
    uint16_t first;        /* lexicon flags of the first word */
    uint16_t cues;         /* cite cue words seen (bits: according, citing, quoting,
                            * reported, reports, said, says, quoted, cited) */
    int32_t promo;         /* promo vocabulary weight, quarter points */
    uint8_t cat;           /* strongest promo category (index) */
    uint8_t maxw;          /* largest weight of one promo word */
    uint32_t dup;          /* lines with the same key in this document */
    uint32_t xdocs;        /* documents of the outlet holding this line */
    uint32_t cap_start, cap_end;  /* caption text of a caption line */
    const char *reason;    /* NULL: body */
} cri_bline;

/* Reasons (static strings). */
extern const char *const CRI_R_TITLE, *const CRI_R_BYLINE, *const CRI_R_DATELINE,
    *const CRI_R_CAPTION, *const CRI_R_CREDIT, *const CRI_R_SOURCE, *const CRI_R_TAGS,
    *const CRI_R_REPEATED, *const CRI_R_BIO, *const CRI_R_NAV, *const CRI_R_RELATED,
    *const CRI_R_PROMO, *const CRI_R_ABOUT, *const CRI_R_EMBED;

/* Sentence-like: enough words and a sentence end, or long. */
static inline bool cri_bl_sentence(const cri_bline *l) {
    return (l->words >= 6 && (l->flags & BL_TERM)) || l->words >= 16;
}

/* metadata.c */
/* Title, byline and dateline at the head (marks their lines). */
void cri_meta_head(cr_doc *d, const char *text, cri_bline *L, size_t n, const cri_input *in,
                   uint64_t seed);
/* boilerplate.c: the registrable domain of a URL ("news.bbc.co.uk" ->
 * "bbc.co.uk") and its name label ("bbc"); false if none. */
bool cri_bp_reg_domain(const char *url, const char **dom, size_t *dn, const char **lab, size_t *ln);
/* boilerplate.c: the line key of any string (as lines are keyed). */
uint64_t cri_bp_key(const char *s, size_t n, uint64_t seed);
/* Outlet, cites, byline fallback from the classified lines. */
int cri_meta_finish(cr_doc *d, const char *text, cri_bline *L, size_t n, const cri_input *in);
/* Normalize a JSON Lines `published` value (ISO or any form pubdate reads). */
char *cri_meta_published(cr_doc *d, const char *value, int order);
/* Name-shaped: 1-4 capitalized words (particles and initials allowed). */
bool cri_meta_name_shaped(const char *s, size_t n, size_t min_words);

#endif
