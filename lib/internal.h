/*
 * internal.h — what the library's modules share: buffers, the arena, hashing,
 * the document model, and each module's entry points.
 *
 * Naming: public functions are cr_*, cross-file internal ones cri_<module>_*,
 * file-local ones static with no prefix.  Every bound lives in cr_limits.h.
 *
 * Data flow (see docs/ARCHITECTURE.md):
 *   input.c     bytes from files/dirs/stdin/JSON Lines -> cri_input
 *   text.c      bytes -> valid UTF-8, control chars out          (repairs)
 *   mojibake.c  UTF-8 read as cp1252/latin-1 undone              (repairs)
 *   normalize.c NFC for display; folded keys for matching
 *   boilerplate.c + metadata.c  lines -> body, captions, removed, title,
 *               byline, outlet, published, cites
 *   segment.c   body -> sentences;  tokenize.c  -> tokens, keys, stems
 *   (later)     dedup, cluster, entities/timex/quantity, brief
 */
#ifndef CRI_INTERNAL_H
#define CRI_INTERNAL_H

#include "crossread.h"
#include "cr_limits.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct sb_stemmer;

#if defined(__GNUC__)
#define CRI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define CRI_UNUSED __attribute__((unused))
#else
#define CRI_PRINTF(a, b)
#define CRI_UNUSED
#endif

/* ------------------------------------------------------------------------ */
/* Growable byte buffer (never holds more than CR_MAX_BUFFER bytes).         */
/* On failure the buffer keeps its old content and the call returns -1.     */
/* ------------------------------------------------------------------------ */
typedef struct cri_buf {
    char *data;   /* always NUL-terminated when non-NULL */
    size_t len, cap;
} cri_buf;

int cri_buf_reserve(cri_buf *b, size_t extra);
int cri_buf_append(cri_buf *b, const void *p, size_t n);
int cri_buf_puts(cri_buf *b, const char *s);
int cri_buf_putc(cri_buf *b, char c);
int cri_buf_printf(cri_buf *b, const char *fmt, ...) CRI_PRINTF(2, 3);
void cri_buf_clear(cri_buf *b);
void cri_buf_free(cri_buf *b);
/* Hand the bytes to the caller (malloc'd, NUL-terminated); buffer is reset. */
char *cri_buf_detach(cri_buf *b);

/* ------------------------------------------------------------------------ */
/* Arena: many small allocations freed at once (one per document).           */
/* ------------------------------------------------------------------------ */
typedef struct cri_arena_block cri_arena_block;
typedef struct cri_arena {
    cri_arena_block *head;
    size_t used_total;
} cri_arena;

void *cri_arena_alloc(cri_arena *a, size_t n);   /* 16-byte aligned, zeroed */
char *cri_arena_strndup(cri_arena *a, const char *s, size_t n);
char *cri_arena_strdup(cri_arena *a, const char *s);  /* NULL -> NULL */
void cri_arena_free(cri_arena *a);

/* Growable array: cri_vec_push(&arr, &n, &cap, sizeof *arr) returns a pointer
 * to a zeroed new slot, or NULL when out of memory. */
void *cri_vec_push(void *arrp, size_t *n, size_t *cap, size_t elem);
#define CRI_PUSH(arr, n, cap) ((__typeof__(arr))cri_vec_push(&(arr), &(n), &(cap), sizeof *(arr)))

/* ------------------------------------------------------------------------ */
/* Hashing: seeded, fast, deterministic across runs and platforms.           */
/* ------------------------------------------------------------------------ */
uint64_t cri_hash64(const void *p, size_t n, uint64_t seed);
static inline uint64_t cri_mix64(uint64_t x) {
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27; x *= 0x94d049bb133111ebULL;
    x ^= x >> 31; return x;
}

/* String -> int map (open addressing; keys copied into its own arena). */
typedef struct cri_strmap {
    struct cri_strmap_slot *slots;
    size_t cap, count;
    uint64_t seed;
    cri_arena keys;
} cri_strmap;
int cri_strmap_init(cri_strmap *m, size_t expect, uint64_t seed);
void cri_strmap_free(cri_strmap *m);
/* Returns pointer to the value slot for key (inserting with *val = init when
 * absent; *is_new set), NULL when out of memory. */
int64_t *cri_strmap_upsert(cri_strmap *m, const char *key, size_t len,
                           int64_t init, bool *is_new);
/* Value pointer or NULL when absent. */
int64_t *cri_strmap_get(const cri_strmap *m, const char *key, size_t len);
/* The stored copy of a key (stable until cri_strmap_free). */
const char *cri_strmap_key(const cri_strmap *m, const char *key, size_t len);

/* ------------------------------------------------------------------------ */
/* ASCII character classes (never <ctype.h> on raw bytes).                   */
/* ------------------------------------------------------------------------ */
enum { CRI_C_UPPER = 1, CRI_C_LOWER = 2, CRI_C_DIGIT = 4, CRI_C_SPACE = 8,
       CRI_C_PUNCT = 16, CRI_C_HIGH = 32 };
extern const uint8_t cri_ctype[256];
static inline bool cri_isalpha(unsigned char c) { return cri_ctype[c] & (CRI_C_UPPER | CRI_C_LOWER); }
static inline bool cri_isupper(unsigned char c) { return cri_ctype[c] & CRI_C_UPPER; }
static inline bool cri_islower(unsigned char c) { return cri_ctype[c] & CRI_C_LOWER; }
static inline bool cri_isdigit(unsigned char c) { return cri_ctype[c] & CRI_C_DIGIT; }
static inline bool cri_isspace(unsigned char c) { return cri_ctype[c] & CRI_C_SPACE; }
static inline bool cri_isalnum(unsigned char c) { return cri_ctype[c] & (CRI_C_UPPER | CRI_C_LOWER | CRI_C_DIGIT); }
static inline char cri_tolower(char c) { return cri_isupper((unsigned char)c) ? (char)(c + 32) : c; }

/* ------------------------------------------------------------------------ */
/* Context                                                                   */
/* ------------------------------------------------------------------------ */
struct cr_ctx {
    cr_options opt;
    char errmsg[512];
    struct sb_stemmer *stemmer;   /* English Snowball, made on first use */
    cri_strmap stem_cache;        /* folded key -> offset in stem_pool + 1 */
    cri_buf stem_pool;            /* NUL-separated cached stems */
    bool stem_cache_ready;
    /* ---- ner: ner.c's tagger (tables, word cache, window buffers), built
     * on first use and kept for the context's next documents; layout
     * private to ner.c, freed with the context (no heap inside) ---- */
#define CRI_NER_CACHE_BYTES (312u << 10)
    _Alignas(16) unsigned char ner_cache[CRI_NER_CACHE_BYTES];   /* calloc gives 16 */
    /* ---- end ner ---- */
};
/* Set the context's message; returns s for `return cri_fail(...)`. */
cr_status cri_fail(cr_ctx *ctx, cr_status s, const char *fmt, ...) CRI_PRINTF(3, 4);

/* ------------------------------------------------------------------------ */
/* The document model                                                        */
/* ------------------------------------------------------------------------ */

/* Token flags */
enum {
    CRI_TOK_WORD    = 1u << 0,  /* contains a letter                        */
    CRI_TOK_NUM     = 1u << 1,  /* contains a digit                         */
    CRI_TOK_PUNCT   = 1u << 2,  /* punctuation or symbol only               */
    CRI_TOK_STOP    = 1u << 3,  /* English stopword                         */
    CRI_TOK_CAP     = 1u << 4,  /* first letter upper case                  */
    CRI_TOK_ALLCAP  = 1u << 5,  /* every letter upper case (2+ letters)     */
    CRI_TOK_SSTART  = 1u << 6   /* first word token of its sentence         */
};

typedef struct cri_token {
    uint32_t start, end;   /* bytes in body */
    uint32_t key;          /* offset of NUL-terminated folded key in pool */
    uint32_t stem;         /* offset of NUL-terminated stem in pool */
    uint16_t key_len, stem_len;
    uint16_t flags;
    uint32_t sent;         /* sentence index */
} cri_token;

typedef struct cri_sentence {
    uint32_t start, end;       /* bytes in body, trimmed */
    uint32_t tok_first, tok_end;
    uint32_t para;             /* paragraph index */
} cri_sentence;

typedef struct cri_removed {
    char *text;
    const char *reason;        /* static string: "promo", "navigation", ... */
} cri_removed;

typedef struct cri_repair {
    const char *kind;          /* "invalid-utf8", "mojibake", "stray-a-circumflex", "control" */
    char *before, *after;
    uint32_t line;             /* 1-based line in the input */
} cri_repair;

/* Entity types */
enum { CRI_ENT_PERSON, CRI_ENT_ORG, CRI_ENT_PLACE, CRI_ENT_OTHER };
extern const char *const cri_ent_type_name[4];

typedef struct cri_mention {
    uint32_t start, end;       /* bytes in body, or in captions[caption] */
    int32_t caption;           /* -1: body; else index into captions */
    uint8_t type;              /* CRI_ENT_* */
    int32_t entity;            /* index into the story's entities, -1 none */
} cri_mention;

typedef struct cri_timex {
    uint32_t start, end;       /* bytes in body */
    char *value;               /* TIMEX3 value: 2024-07-08, 2024-06, P24Y... */
    char *anchor;              /* ISO date it was resolved against, or NULL */
    bool relative;             /* resolved relative to publication date */
    uint8_t type;              /* 0 date, 1 time, 2 duration, 3 set/interval */
    const char *mod;           /* TIMEX3 mod (static): "START", "MID", "END", "APPROX"... or NULL */
} cri_timex;

typedef struct cri_quantity {
    uint32_t start, end;       /* bytes in body */
    double value;
    double value_max;          /* ranges ("329 to 229"): other end; NAN none */
    char *unit;                /* head noun or unit ("artillery piece", "%", "USD") or NULL */
    const char *qualifier;     /* "about", "almost", "more than", "at least"... or NULL */
} cri_quantity;

/* Raw input before cleaning. */
typedef struct cri_input {
    char *id, *source;
    char *bytes; size_t len;
    char *title, *url, *outlet, *published, *lang;  /* from JSON Lines; may be NULL */
} cri_input;

struct cr_doc {
    cri_arena arena;            /* strings below live here */
    size_t index;               /* position in the corpus */
    char *id, *source, *url;
    char *title, *byline, *outlet, *published, *language;  /* NULL: unknown */
    char *body; uint32_t body_len;       /* NFC; paragraphs split by "\n\n" */

    char **captions; size_t n_captions, cap_captions;
    cri_removed *removed; size_t n_removed, cap_removed;
    cri_repair *repairs; size_t n_repairs, cap_repairs;
    char **cites; size_t n_cites, cap_cites;

    cri_sentence *sents; size_t n_sents, cap_sents;
    cri_token *toks; size_t n_toks, cap_toks;
    cri_buf pool;               /* folded keys and stems of tokens */

    /* publication time, parsed from `published` (for time features) */
    bool has_pub;
    int pub_year, pub_month, pub_day;   /* calendar date in its own zone */
    int pub_wday;                       /* 0 = Sunday */
    int64_t pub_epoch_min;              /* minutes since 1970 UTC (approx. if no zone) */

    /* extraction (cr_corpus_extract) */
    cri_mention *mentions; size_t n_mentions, cap_mentions;
    cri_timex *dates; size_t n_dates, cap_dates;
    cri_quantity *quantities; size_t n_quantities, cap_quantities;
    bool extracted;
};

/* Add a repair / removed line / caption / cite to a document (copies text). */
int cri_doc_add_repair(cr_doc *d, const char *kind, const char *before, size_t blen,
                       const char *after, size_t alen, uint32_t line);
int cri_doc_add_removed(cr_doc *d, const char *text, size_t len, const char *reason);
int cri_doc_add_caption(cr_doc *d, const char *text, size_t len);
int cri_doc_add_cite(cr_doc *d, const char *text, size_t len);  /* dedups */
/* Token key/stem as C strings (pointers into d->pool). */
static inline const char *cri_tok_key(const cr_doc *d, const cri_token *t) { return d->pool.data + t->key; }
static inline const char *cri_tok_stem(const cr_doc *d, const cri_token *t) { return d->pool.data + t->stem; }
/* Parse an ISO 8601 value in d->published into the pub_* fields. */
void cri_doc_set_pub(cr_doc *d);

/* ------------------------------------------------------------------------ */
/* Corpus                                                                    */
/* ------------------------------------------------------------------------ */
typedef struct cri_error { char *input, *message; } cri_error;

/* Copies (dedup.c) */
enum { CRI_COPY_DUPLICATE, CRI_COPY_CONTAINS, CRI_COPY_REWRITE };
extern const char *const cri_copy_relation_name[3];
typedef struct cri_copy {
    size_t a, b;               /* doc indexes; for contains: a contains b */
    int relation;
    double jaccard, containment;
    uint32_t aligned;          /* sentences aligned (rewrite), else 0 */
} cri_copy;
typedef struct cri_copy_group {
    size_t original;
    size_t *members; size_t n_members;   /* includes the original */
    char *why;
} cri_copy_group;

/* ---- minhash.c: shingles and MinHash signatures (for dedup) ------------- */
#define CRI_MINHASH_K 128          /* bins per signature (one-permutation) */
/* Shingle hashes of d's body: k consecutive word tokens (punctuation
 * skipped) hashed with seed; a document with fewer than k words gives one
 * shingle of all its words.  *out: malloc'd, caller frees; sorted and
 * unique when sorted_unique.  Returns 0, or -1 when out of memory. */
int cri_shingles(const cr_doc *d, unsigned k, uint64_t seed, bool sorted_unique,
                 uint64_t **out, size_t *n);
/* One-permutation MinHash with optimal densification (Shrivastava 2017) of
 * a multiset of shingle hashes: one hash per shingle.  Returns the number
 * of filled bins before densification (0: empty input, sig unset). */
unsigned cri_minhash_sig(const uint64_t *sh, size_t n, uint64_t seed,
                         uint32_t sig[CRI_MINHASH_K]);
/* Shingles and signature of a document in one pass without keeping the
 * shingles; *n_shingles counts shingles (with repeats).  Returns as above. */
unsigned cri_minhash_doc(const cr_doc *d, unsigned k, uint64_t seed,
                         uint32_t sig[CRI_MINHASH_K], size_t *n_shingles);
/* LSH bands (b) and rows (r), b*r <= K, minimizing the false-positive plus
 * false-negative areas around threshold (as datasketch's _optimal_param). */
void cri_lsh_params(double threshold, unsigned K, unsigned *b, unsigned *r);
/* Sorted-set helpers: |A ∩ B| of two sorted unique arrays. */
size_t cri_intersect_u64(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);
/* Sort 64-bit keys ascending (radix sort; qsort for small arrays).
 * Returns 0, or -1 when out of memory (v unchanged). */
int cri_sort_u64(uint64_t *v, size_t n);

/* ---- align.c: monotone sentence alignment (dedup rewrites, brief) ------- */
typedef struct cri_align_pair {
    uint32_t a, b;             /* first sentence indexes in doc a and doc b */
    uint8_t a_len, b_len;      /* sentences in the unit: 1, or 2 (merge/split) */
    double sim;                /* Dice over content-word stems, 0..1 */
} cri_align_pair;
typedef struct cri_align_result {
    cri_align_pair *pairs; size_t n_pairs;  /* units, in order of a and of b */
    size_t eligible_a, eligible_b;  /* sentences with enough content words */
    size_t covered_a, covered_b;    /* ... of them inside an aligned unit */
    double sim_sum;
} cri_align_result;
/* Align the sentences of a and b in order (dynamic programming over
 * sentence similarity, no crossing, banded for long documents).  Only
 * pairs with sim >= min_sim are kept.  res->pairs: malloc'd; free with
 * cri_align_free().  Returns CR_OK or CR_ERR_NOMEM (message on ctx). */
cr_status cri_align_docs(cr_ctx *ctx, const cr_doc *a, const cr_doc *b, double min_sim,
                         cri_align_result *res);
void cri_align_free(cri_align_result *res);
/* A token that carries content (a word or number that is not a stopword). */
bool cri_align_content_token(const cr_doc *d, const cri_token *t);

/* Stories (cluster.c) */
typedef struct cri_story {
    char *id, *label;
    size_t *docs; size_t n_docs;
    char **why; size_t n_why;
    struct cri_entity_set *entities;   /* extraction, per story (entities.c) */
    struct cri_brief *brief;           /* brief.c */
} cri_story;

struct cr_corpus {
    cr_ctx *ctx;
    cri_input *inputs; size_t n_inputs, cap_inputs;  /* pending, not cleaned */
    cr_doc **docs; size_t n_docs, cap_docs;
    cri_error *errors; size_t n_errors, cap_errors;
    cri_strmap ids;              /* to keep ids unique */

    cri_copy *copies; size_t n_copies, cap_copies;
    cri_copy_group *groups; size_t n_groups, cap_groups;
    bool deduped;

    cri_story *stories; size_t n_stories;
    bool clustered;
    bool extracted, briefed;
};

/* Record a rejected input (copies strings); returns status passed in. */
cr_status cri_corpus_reject(cr_corpus *c, const char *input, cr_status s,
                            const char *fmt, ...) CRI_PRINTF(4, 5);
/* Make sure the corpus has stories: one holding every document if
 * clustering has not run. */
cr_status cri_corpus_ensure_stories(cr_corpus *c);
void cri_stories_free(cri_story *s, size_t n);

/* ------------------------------------------------------------------------ */
/* Module entry points, in data-flow order                                   */
/* ------------------------------------------------------------------------ */

/* input.c: read a path into pending inputs (files, dirs, "-", JSON Lines). */
cr_status cri_input_add_path(cr_corpus *c, const char *path);
cr_status cri_input_add_bytes(cr_corpus *c, const char *source, const char *id_hint,
                              const void *bytes, size_t len);
/* Parse one JSON line into an article; returns CR_ERR_INPUT with *why set
 * (static string) when malformed. Strings in *out point into *storage (caller
 * frees with cri_json_article_free). */
typedef struct cri_json_article {
    cr_article a;
    void *storage;
    char idbuf[32];            /* a numeric id, as text */
} cri_json_article;
cr_status cri_json_parse_article(const char *line, size_t len, cri_json_article *out,
                                 const char **why);
void cri_json_article_free(cri_json_article *ja);
void cri_input_free(cri_input *in);

/* text.c: bytes -> valid UTF-8 with LF line ends and no control characters.
 * Invalid sequences are decoded as Windows-1252 per line and reported. */
cr_status cri_text_decode(cr_ctx *ctx, cr_doc *d, const char *in, size_t len, cri_buf *out);
/* mojibake.c: undo UTF-8 read as Windows-1252/Latin-1 (once or twice), and
 * the stray "Â" of a mis-decoded no-break space.  Clean text is untouched. */
cr_status cri_mojibake_fix(cr_ctx *ctx, cr_doc *d, cri_buf *text);
/* normalize.c: NFC in place (ASCII fast path). */
cr_status cri_nfc(cr_ctx *ctx, cri_buf *text);
/* normalize.c: folded form for matching: NFKC + case folding, quotes and
 * apostrophes to ASCII, dashes to '-', no-break/zero-width spaces to space or
 * nothing.  Appends to out. */
int cri_fold(const char *s, size_t len, cri_buf *out);

/* ---- text.c/normalize.c: UTF-8 and Unicode helpers for every module ---- */
/* Strict UTF-8 check (no overlongs, surrogates, > U+10FFFF, truncation). */
bool cri_utf8_valid(const char *s, size_t n);
/* Decode one code point at s (n bytes available, n >= 1): returns its length
 * in bytes (1..4) and sets *cp; on an invalid sequence returns 1 and sets
 * *cp = 0xFFFD, so loops always advance.  Inline: every module's hot loop. */
static inline size_t cri_utf8_decode(const char *str, size_t n, int32_t *cp) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) {
        if (n >= 2 && (s[1] & 0xC0) == 0x80) {
            *cp = ((int32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
            return 2;
        }
    } else if (c >= 0xE0 && c <= 0xEF) {
        if (n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
            int32_t v = ((int32_t)(c & 0x0F) << 12) | ((int32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
            if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) { *cp = v; return 3; }
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        if (n >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
            int32_t v = ((int32_t)(c & 0x07) << 18) | ((int32_t)(s[1] & 0x3F) << 12) |
                        ((int32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
            if (v >= 0x10000 && v <= 0x10FFFF) { *cp = v; return 4; }
        }
    }
    *cp = 0xFFFD;
    return 1;
}
/* Encode cp (0..0x10FFFF, not a surrogate) into out; returns 1..4, 0 if invalid. */
size_t cri_utf8_encode(int32_t cp, char out[4]);
/* Length of the UTF-8 sequence that starts with lead byte c (1 for invalid). */
static inline size_t cri_utf8_seqlen(unsigned char c) {
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
}
/* Unicode classes (utf8proc categories); ASCII is answered from cri_ctype. */
bool cri_is_letter(int32_t cp);   /* L* */
bool cri_is_upper(int32_t cp);    /* Lu, Lt */
bool cri_is_lower(int32_t cp);    /* Ll */
bool cri_is_digit(int32_t cp);    /* Nd */
bool cri_is_mark(int32_t cp);     /* M* (combining marks) */
bool cri_is_space(int32_t cp);    /* Zs, Zl, Zp, \t \n \v \f \r */
bool cri_is_punct(int32_t cp);    /* P* */
bool cri_is_symbol(int32_t cp);   /* S* */
int32_t cri_to_lower(int32_t cp); /* simple lowercase mapping */
int32_t cri_to_upper(int32_t cp); /* simple uppercase mapping */
/* Windows-1252 bytes 0x80-0x9F as code points (0: undefined byte). */
extern const uint16_t cri_cp1252_high[32];
/* The byte a cp1252 or Latin-1 decoder maps to cp (U+0080-U+00FF: itself;
 * the 27 cp1252 specials: their byte), -1 if none. */
int cri_cp1252_byte(int32_t cp);

/* boilerplate.c + metadata.c: from normalized text to body and metadata.
 * stats: cross-article line counts for the document's outlet (may be NULL). */
typedef struct cri_line_stats cri_line_stats;
cri_line_stats *cri_line_stats_new(uint64_t seed);
void cri_line_stats_free(cri_line_stats *s);
/* Count each distinct line of a document once, under the outlet key. */
int cri_line_stats_add(cri_line_stats *s, const char *outlet_key, const char *text, size_t len);
cr_status cri_extract_body(cr_ctx *ctx, cr_doc *d, const char *text, size_t len,
                           const cri_input *in, const cri_line_stats *stats);
/* Same for --raw: the whole text is body. */
cr_status cri_extract_raw(cr_ctx *ctx, cr_doc *d, const char *text, size_t len,
                          const cri_input *in);
/* A cheap outlet guess from the raw text and input fields, for grouping the
 * cross-article statistics before full metadata extraction. NULL if none. */
const char *cri_outlet_key(const cri_input *in, const char *text, size_t len, cri_buf *scratch);

/* ---- pubdate.c: dates and times to ISO 8601 ----------------------------- */
/* The first date (with its time and zone when given) in s[0..n) as ISO 8601
 * in iso_out: "2024-07-09", "2024-07-09T11:08", "2024-07-09T06:26+05:30",
 * "...Z".  Reads ISO/RFC 2822/"9 July 2024"/"July 9, 2024"/"Jan. 5, 2024"/
 * numeric D-M-Y or M-D-Y; times with am/pm; zone abbreviations (IST, KST,
 * EDT, ET...) and numeric offsets.  false when no complete date is found
 * (two-digit years and ambiguous day/month orders are not read). */
bool cri_parse_datetime(const char *s, size_t n, char *iso_out, size_t out_size);
/* Same, with the day-month order for ambiguous numeric dates when no zone
 * decides it (0 unknown: skip; 1 day first; 2 month first), and the byte
 * span of the match (either pointer may be NULL). */
bool cri_find_datetime(const char *s, size_t n, int order, char *iso_out, size_t out_size,
                       size_t *mstart, size_t *mend);

/* segment.c: sentences of d->body. */
cr_status cri_segment(cr_ctx *ctx, cr_doc *d);
/* tokenize.c: tokens, keys, stems, stop flags; and d->language. */
cr_status cri_tokenize(cr_ctx *ctx, cr_doc *d);
/* stem.c: Snowball English stem of a folded key, cached on the context. */
const char *cri_stem(cr_ctx *ctx, const char *key, size_t len, size_t *stem_len);
/* stopwords.c */
bool cri_is_stopword(const char *key, size_t len);
/* ---- segmentation module (segment/tokenize/stem/stopwords/language) ---- */
/* Index of an English stopword (folded key) or -1; the word and its Snowball
 * stem by index (static storage). */
int cri_stopword_id(const char *key, size_t len);
/* The same with the key's hash computed by the caller on the fly:
 * h = CRI_SW_HASH_INIT; per byte h = (h ^ byte) * CRI_SW_HASH_MUL. */
#define CRI_SW_HASH_INIT 0x811c9dc5u
#define CRI_SW_HASH_MUL 0x98289fcdu
int cri_stopword_find(const char *key, size_t len, uint32_t h);
const char *cri_stopword_word(int id);
const char *cri_stopword_stem(int id, size_t *len);
/* language.c: ISO 639-1 code of a text sample ("en", "fr", "ru", "zh", ...),
 * NULL when too short to tell.  Static storage. */
const char *cri_language_guess(const char *text, size_t len);
/* stem.c: stem the tokens d->toks[idx[0..n)] in one batch (their keys are in
 * d->pool; differing stems are appended to it).  Faster than cri_stem per
 * token: cache misses overlap.  0, or -1 when out of memory. */
int cri_stem_tokens(cr_ctx *ctx, cr_doc *d, const uint32_t *idx, size_t n);
/* stem.c: a zeroed block of CRI_WORD_CACHE_BYTES owned by the context, for
 * the tokenizer's cache of whole words (layout private to tokenize.c);
 * NULL when out of memory. */
#define CRI_WORD_CACHE_BYTES ((size_t)1 << 19)
void *cri_word_cache(cr_ctx *ctx);
/* cri_stem's result lives in a ring of 64 buffers on the context: valid for
 * the next 63 cri_stem calls — copy it to keep it longer. */
/* ---- end segmentation module ---- */

/* clean.c: the pipeline for one input, in two steps so the corpus can
 * gather cross-article line statistics in between.
 * prepare: new document (*out, caller owns; free with cri_doc_free) and its
 *          normalized text in *text (bytes repaired, mojibake undone, NFC).
 * finish:  body, metadata, sentences and tokens.  On an error the message is
 *          on ctx and the document should be dropped. */
cr_status cri_clean_prepare(cr_ctx *ctx, const cri_input *in, cr_doc **out, cri_buf *text);
cr_status cri_clean_finish(cr_ctx *ctx, cr_doc *d, const char *text, size_t len,
                           const cri_input *in, const cri_line_stats *stats);
void cri_doc_free(cr_doc *d);

/* ---- extraction (cr_corpus_extract in extract.c runs these) -------------- */
/* ner.c: named-entity mentions of d's body and captions into d->mentions. */
cr_status cri_ner_tag(cr_ctx *ctx, cr_doc *d);
/* timex.c: temporal expressions of d's body into d->dates, resolved against
 * the publication date when relative. */
cr_status cri_timex_find(cr_ctx *ctx, cr_doc *d);
/* quantity.c: numbers with unit/head and qualifier into d->quantities. */
cr_status cri_quantity_find(cr_ctx *ctx, cr_doc *d);
/* ---- numwords.c: the small lexer and number reader that timex.c and
 * quantity.c share.  Tokens are words, digit runs and single punctuation
 * marks of one sentence; lexicon words carry a class and a value. -------- */
enum { CRI_LX_WORD = 1, CRI_LX_NUM = 2, CRI_LX_PUNCT = 3 };
enum { CRI_LXF_GLUED = 1,   /* no space before this token                 */
       CRI_LXF_CAP = 2,     /* first letter upper case                    */
       CRI_LXF_ONESP = 4,   /* exactly one (no-break/thin) space before   */
       CRI_LXF_PLAIN = 8 }; /* NUM: digits only                           */
typedef struct cri_lxtok {
    uint32_t start, end;       /* bytes in body */
    uint16_t lex;              /* lexicon entry + 1, 0 none */
    uint8_t kind, flags;
    uint16_t cp;               /* PUNCT: the character (code point, <= 0xFFFF) */
    double num;                /* NUM: value (NAN when not a plain number) */
} cri_lxtok;
/* Lexicon classes (cri_lexicon_entry.cls); values per class in numwords.c. */
enum { CRI_LC_NONE, CRI_LC_MONTH, CRI_LC_WDAY, CRI_LC_NUMW, CRI_LC_SCALE, CRI_LC_ORD,
       CRI_LC_TUNIT, CRI_LC_DPART, CRI_LC_SEASON, CRI_LC_REL, CRI_LC_QUAL, CRI_LC_CUR,
       CRI_LC_UNIT, CRI_LC_TENSE, CRI_LC_VAGUE, CRI_LC_FUNC, CRI_LC_HOLIDAY, CRI_LC_SET };
typedef struct cri_lexicon_entry {
    const char *w;
    uint8_t cls, val, cls2, val2;
} cri_lexicon_entry;
typedef struct cri_lexer {
    const uint16_t *slot;      /* lexicon index + 1, open addressing (static table) */
} cri_lexer;
void cri_lx_init(cri_lexer *lx);
/* The static hash table matches the lexicon (a unit test calls it). */
bool cri_lx_selfcheck(void);
/* The lexicon (static const table in numwords.c) and its size; the entry
 * of a token's lex, NULL for 0 (inline: the recognizers ask it a lot). */
extern const cri_lexicon_entry *const cri_lx_table;
extern const uint16_t cri_lx_count;
static inline const cri_lexicon_entry *cri_lx_entry(uint16_t lex) {
    return lex && lex <= cri_lx_count ? &cri_lx_table[lex - 1] : NULL;
}
/* Tokens of body[start, end) into out (at most max); returns the count. */
size_t cri_lx_run(const cri_lexer *lx, const char *body, uint32_t start, uint32_t end,
                  cri_lxtok *out, size_t max);
/* A number at toks[i] (digits, "1.6 million", "74 000", "twenty-one
 * thousand", "a dozen", "dozens"): returns the index after it, or i when none.
 * *vague: a plural like "dozens" (value is its lower bound). */
size_t cri_num_read(const char *body, const cri_lxtok *t, size_t n, size_t i,
                    double *value, bool *vague);
/* ---- shared lexing pass (extract.c, numwords.c, timex.c, quantity.c):
 * each line of the body is lexed once and its tokens go to timex.c, then
 * quantity.c.  A line is at most CR_MAX_SENTENCE bytes, so its tokens fit
 * in CRI_LX_MAX_TOKS. */
#define CRI_LX_MAX_TOKS (CR_MAX_SENTENCE + 64)
/* The line of body[0, len) that starts at a: returns its end (a '\n', or a
 * space near CR_MAX_SENTENCE bytes); *next: where the following one starts. */
uint32_t cri_lx_line(const char *body, uint32_t len, uint32_t a, uint32_t *next);
typedef struct cri_timex_run cri_timex_run;
typedef struct cri_quantity_run cri_quantity_run;
cr_status cri_timex_open(cr_ctx *ctx, cr_doc *d, cri_timex_run **out);
cr_status cri_timex_line(cri_timex_run *r, const cri_lxtok *t, size_t n);   /* CR_ERR_NOMEM */
void cri_timex_close(cri_timex_run *r);
cr_status cri_quantity_open(cr_ctx *ctx, cr_doc *d, cri_quantity_run **out);
cr_status cri_quantity_line(cri_quantity_run *r, const cri_lxtok *t, size_t n);
void cri_quantity_close(cri_quantity_run *r);
/* extract.c: dates, then quantities, of d in one lexing pass (what
 * cri_timex_find followed by cri_quantity_find give, faster). */
cr_status cri_dates_quantities_find(cr_ctx *ctx, cr_doc *d);
/* ---- end shared lexing pass ---- */

/* entities.c: resolve the mentions of a story's documents into entities
 * (s->entities); sets each mention's `entity` index. */
cr_status cri_entities_resolve(cr_corpus *c, cri_story *s);

/* ---- ner (ner_feat.c, ner.c, ner_model.c; shared with tools/train_ner.c) -- */
/* Labels: O, then B-/I- for PER, ORG, LOC, MISC (B odd, I even). */
enum { CRI_NER_O, CRI_NER_NLABELS = 9 };
#define CRI_NER_NFEAT 26       /* hashed features per token */
#define CRI_NER_MAX_TOKS 256   /* tokens tagged at once; longer runs go in windows */
typedef struct cri_ner_tok { uint32_t start, end; } cri_ner_tok;  /* bytes */
/* Word tokens of text[0,len): at most max; *consumed = bytes read. */
size_t cri_ner_tokenize(const char *text, size_t len, cri_ner_tok *out, size_t max,
                        size_t *consumed);
/* 0 ordinary, 1 all-caps line, 2 title-case headline. */
int cri_ner_sentence_mode(const char *text, const cri_ner_tok *t, size_t n);
/* feats[n * CRI_NER_NFEAT] row indexes < 2^bits; cls[n]: the token's case
 * class (< CRI_NER_NCLS) that conditions label transitions; scratch: n *
 * CRI_NER_SCRATCH bytes. */
#define CRI_NER_SCRATCH 96
#define CRI_NER_NCLS 6
/* cls flag: a lower-case word outside any name, decoded as O only; with
 * wkey != NULL (the tagger) its own features are not computed. */
#define CRI_NER_ONLY_O 0x80
#define CRI_NER_CLSMASK 0x07
#define CRI_NER_NTRANS ((CRI_NER_NLABELS + 1) * CRI_NER_NLABELS)
/* mode: the sentence mode, or -1 to compute it; returns it.  wkey[n]
 * (may be NULL): a key of the word and mode, which alone decide the first
 * CRI_NER_WORDFEAT features. */
#define CRI_NER_WORDFEAT 13
int cri_ner_features(const char *text, const cri_ner_tok *t, size_t n, int mode, uint32_t bits,
                     uint32_t *feats, uint8_t *cls, uint64_t *wkey, void *scratch);
/* With wkey != NULL the first CRI_NER_WORDFEAT features of each token are
 * left unset: the tagger asks for token i's (after cri_ner_features, same
 * text, tokens, mode and scratch) only when its cache lacks their sum. */
void cri_ner_word_features(const char *text, const cri_ner_tok *t, size_t i, int mode,
                           uint32_t bits, void *scratch, uint32_t *f);
void cri_ner_emissions(const int8_t *w, const uint32_t *feats, size_t n, int32_t *emit);
/* trans: (CRI_NER_NLABELS + 1) x CRI_NER_NLABELS, last row = sentence start;
 * tcls: CRI_NER_NCLS such tables added for the current token's class.
 * tab: CRI_NER_NCLS * CRI_NER_NTRANS, both summed, forbidden moves excluded. */
void cri_ner_trans_tables(const int32_t *trans, const int32_t *tcls, int64_t *tab);
/* score: n * NLABELS, back: n * NLABELS scratch. */
void cri_ner_viterbi(const int32_t *emit, const uint8_t *cls, size_t n, const int64_t *tab,
                     uint8_t *out, int64_t *score, uint8_t *back);
/* The embedded model (ner_model.c): false if it is missing or malformed. */
typedef struct cri_ner_model {
    uint32_t bits, casebits;
    const int8_t *w;           /* 2^bits x NLABELS, one scale with the transitions */
    const uint8_t *casetab;    /* 2 bits per hashed word: usual case */
    int32_t trans[CRI_NER_NTRANS];
    int32_t tcls[CRI_NER_NCLS * CRI_NER_NTRANS];
} cri_ner_model;
/* Truecasing of all-capitals lines (ner_feat.c): the word's usual case,
 * 0 unknown, 1 lower, 2 Capitalized, 3 ALLCAPS; rewrite text's tokens in it
 * (ASCII letters only, offsets unchanged). */
uint32_t cri_ner_case_slot(const char *p, size_t n, uint32_t bits);
int cri_ner_case_state(const cri_ner_model *m, const char *p, size_t n);
void cri_ner_truecase(const cri_ner_model *m, char *text, const cri_ner_tok *t, size_t n);
bool cri_ner_model_parse(const void *data, size_t len, cri_ner_model *m);
bool cri_ner_model_get(cri_ner_model *m);
/* ner.c: the rules applied after decoding (titles out of names, a person's
 * name whole, hyphen-joined pieces, capitalized words the decoder left out);
 * labels as cri_ner_viterbi gives them, cls and emit as decoding used them;
 * m NULL: text was truecased, its capitals prove nothing. */
void cri_ner_fix_spans(const cri_ner_model *m, const char *text, const cri_ner_tok *t, size_t n,
                       const uint8_t *cls, const int32_t *emit, uint8_t *labels);
/* Tag text[0,len) as one piece (caption or test input); appends mentions
 * with the given caption index. */
cr_status cri_ner_tag_text(cr_ctx *ctx, cr_doc *d, const char *text, size_t len,
                           int32_t caption);

/* ------------------------------------------------------------------------ */
/* JSON writer (json.c): stable key order, locale-free numbers.              */
/* ------------------------------------------------------------------------ */
typedef struct cri_json {
    cr_write_fn write; void *user;
    cri_buf buf;              /* flushed when large */
    int depth;
    int after_key_depth;      /* depth+1 of a key awaiting its value */
    bool need_comma[64];
    bool pretty;
    bool failed;
} cri_json;
void cri_json_init(cri_json *j, cr_write_fn write, void *user, bool pretty);
cr_status cri_json_finish(cri_json *j);   /* flush; CR_ERR_IO if the sink failed */
void cri_json_obj_begin(cri_json *j);
void cri_json_obj_end(cri_json *j);
void cri_json_arr_begin(cri_json *j);
void cri_json_arr_end(cri_json *j);
void cri_json_key(cri_json *j, const char *key);
void cri_json_str(cri_json *j, const char *s);           /* NULL -> null */
void cri_json_strn(cri_json *j, const char *s, size_t n);
void cri_json_int(cri_json *j, int64_t v);
void cri_json_num(cri_json *j, double v);                 /* %.4g-ish, '.' always */
void cri_json_bool(cri_json *j, bool v);
void cri_json_null(cri_json *j);
/* key + value shorthands */
void cri_json_kstr(cri_json *j, const char *key, const char *s);
void cri_json_kint(cri_json *j, const char *key, int64_t v);
void cri_json_knum(cri_json *j, const char *key, double v);
/* Locale-free double formatting into buf (at least 32 bytes): 6 significant
 * digits (scores, similarities), or _exact: the shortest form, up to 15
 * digits, that reads back as the same double (values from the text). */
void cri_fmt_double(char *buf, size_t size, double v);
void cri_fmt_double_exact(char *buf, size_t size, double v);
void cri_json_num_exact(cri_json *j, double v);

/* docjson.c: one document object. */
void cri_doc_json(cri_json *j, const cr_doc *d, unsigned flags);

/* Section writers (each writes "key": value inside an open object). */
void cri_copies_json(cri_json *j, const cr_corpus *c);      /* dedup.c: "copies", "copy_groups" */
void cri_stories_json(cri_json *j, const cr_corpus *c, unsigned flags); /* stories.c: "stories" */
void cri_doc_extract_json(cri_json *j, const cr_doc *d);    /* extract.c: "mentions", "dates", "quantities" */
void cri_entities_json(cri_json *j, const cr_corpus *c, const cri_story *s); /* entities.c: "entities" */
void cri_brief_json(cri_json *j, const cr_corpus *c, const cri_story *s);    /* brief.c: brief keys */
void cri_entity_set_free(struct cri_entity_set *e);         /* entities.c */
void cri_brief_free(struct cri_brief *b);                   /* brief.c */

#endif /* CRI_INTERNAL_H */
