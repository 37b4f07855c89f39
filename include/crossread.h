/*
 * crossread.h — the one public header of libcrossread.
 *
 * crossread reads many outlets' reports of the news and says what actually
 * happened: which articles are copies of one another, which belong to the
 * same story, and for each story a brief built only from quoted sentences.
 *
 * Conventions, for every function below:
 *  - Fallible functions return a cr_status; CR_OK is 0.  Results come back
 *    through out-parameters, which are set to a safe value (NULL or 0) first.
 *    A human-readable reason for the last failure is on the context:
 *    cr_errmsg(ctx).
 *  - The library never prints, exits or aborts.  Output goes through the
 *    caller's cr_write_fn.
 *  - Ownership is stated in fixed words: "caller owns; free with X()" or
 *    "borrowed; valid until X()".
 *  - No global mutable state: two contexts can be used on two threads at
 *    once.  One context (and everything made from it) is used by one thread
 *    at a time.
 *  - All text in and out is UTF-8.  Offsets are byte offsets.
 */
#ifndef CROSSREAD_H
#define CROSSREAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define CR_API __attribute__((visibility("default")))
#else
#define CR_API
#endif

#define CR_VERSION "0.1.0"

/* ------------------------------------------------------------------------ */
/* Status and context                                                        */
/* ------------------------------------------------------------------------ */

typedef enum cr_status {
    CR_OK = 0,
    CR_ERR_NOMEM,    /* an allocation failed; the object is still valid     */
    CR_ERR_IO,       /* a file could not be opened or read                  */
    CR_ERR_INPUT,    /* an input was rejected (binary, empty, malformed...)  */
    CR_ERR_LIMIT,    /* an input exceeded a configured limit                */
    CR_ERR_USAGE,    /* the caller passed an invalid argument               */
    CR_ERR_INTERNAL  /* a bug: please report it                             */
} cr_status;

/* Text for a status.  Borrowed; static storage. */
CR_API const char *cr_status_str(cr_status s);

/* Library version string.  Borrowed; static storage. */
CR_API const char *cr_version(void);

typedef struct cr_ctx cr_ctx;

/* Options fixed for the life of a context.  Fill with cr_options_init(). */
typedef struct cr_options {
    size_t max_bytes;     /* largest accepted input, default 16 MiB          */
    int raw;              /* 1: inputs are clean body text (no title, byline,
                             boilerplate detection); default 0              */
    uint64_t seed;        /* seed for every hash; same seed, same output     */
} cr_options;

CR_API void cr_options_init(cr_options *opt);

/* New context.  *out: caller owns; free with cr_ctx_free(). opt may be NULL. */
CR_API cr_status cr_ctx_new(const cr_options *opt, cr_ctx **out);
CR_API void cr_ctx_free(cr_ctx *ctx);

/* Message for the last failure on this context, or "" if none.
 * Borrowed; valid until the next call on ctx. */
CR_API const char *cr_errmsg(const cr_ctx *ctx);

/* A sink for output.  Returns 0 on success, non-zero to stop writing. */
typedef int (*cr_write_fn)(void *user, const char *data, size_t len);

/* ------------------------------------------------------------------------ */
/* Corpus: the articles of one run                                           */
/* ------------------------------------------------------------------------ */

typedef struct cr_corpus cr_corpus;
typedef struct cr_doc cr_doc;

/* New, empty corpus.  *out: caller owns; free with cr_corpus_free().
 * The context must outlive the corpus. */
CR_API cr_status cr_corpus_new(cr_ctx *ctx, cr_corpus **out);
CR_API void cr_corpus_free(cr_corpus *c);

/* Add inputs.  A rejected input (unreadable, binary, empty, oversized,
 * malformed JSON line) is recorded in the corpus' error list and the call
 * returns CR_ERR_INPUT, CR_ERR_IO or CR_ERR_LIMIT; the corpus stays usable
 * and every other input is kept.  Only CR_ERR_NOMEM and CR_ERR_USAGE mean
 * the call itself failed.
 *
 * cr_corpus_add_path: a file, a directory (walked recursively in sorted
 * order; hidden entries skipped), or "-" for standard input.  The format
 * (plain text or JSON Lines) is detected from the content and extension. */
CR_API cr_status cr_corpus_add_path(cr_corpus *c, const char *path);

/* Bytes already in memory.  source names them in errors and output ("-",
 * a path); the id is source's file name without extension.  JSON Lines
 * are detected as for files.  The bytes are copied. */
CR_API cr_status cr_corpus_add_bytes(cr_corpus *c, const char *source,
                                     const void *bytes, size_t len);

/* One article with known fields.  Any field but id and text may be NULL.
 * Strings are copied. */
typedef struct cr_article {
    const char *id;
    const char *text;
    size_t text_len;      /* 0: strlen(text) */
    const char *title;
    const char *url;
    const char *outlet;
    const char *published; /* ISO 8601 or a date as an outlet writes it */
    const char *lang;
    const char *source;    /* for messages; NULL: "-" */
} cr_article;
CR_API cr_status cr_corpus_add_article(cr_corpus *c, const cr_article *a);

/* Clean every input added and not yet cleaned: repair bytes and mojibake,
 * normalize, separate boilerplate, read metadata, segment and tokenize.
 * Uses cross-article evidence (lines an outlet repeats in every article),
 * so call it once after adding a batch. */
CR_API cr_status cr_corpus_clean(cr_corpus *c);

/* Documents, in input order.  Borrowed; valid until cr_corpus_free(). */
CR_API size_t cr_corpus_count(const cr_corpus *c);
CR_API const cr_doc *cr_corpus_doc(const cr_corpus *c, size_t i);

/* Rejected inputs.  *input and *message: borrowed; valid until
 * cr_corpus_free(). */
CR_API size_t cr_corpus_error_count(const cr_corpus *c);
CR_API void cr_corpus_error(const cr_corpus *c, size_t i,
                            const char **input, const char **message);

/* ------------------------------------------------------------------------ */
/* A cleaned document.  Every returned string is borrowed and valid until    */
/* cr_corpus_free(); NULL means unknown.                                     */
/* ------------------------------------------------------------------------ */

CR_API const char *cr_doc_id(const cr_doc *d);
CR_API const char *cr_doc_source(const cr_doc *d);
CR_API const char *cr_doc_title(const cr_doc *d);
CR_API const char *cr_doc_byline(const cr_doc *d);
CR_API const char *cr_doc_outlet(const cr_doc *d);
CR_API const char *cr_doc_published(const cr_doc *d); /* ISO 8601 */
CR_API const char *cr_doc_language(const cr_doc *d);  /* ISO 639-1 or NULL */
/* Body text (NFC), paragraphs separated by one blank line. */
CR_API const char *cr_doc_body(const cr_doc *d, size_t *len);
CR_API size_t cr_doc_caption_count(const cr_doc *d);
CR_API const char *cr_doc_caption(const cr_doc *d, size_t i);
CR_API size_t cr_doc_removed_count(const cr_doc *d);
CR_API const char *cr_doc_removed(const cr_doc *d, size_t i, const char **reason);
CR_API size_t cr_doc_repair_count(const cr_doc *d);
CR_API const char *cr_doc_repair(const cr_doc *d, size_t i,
                                 const char **before, const char **after);
CR_API size_t cr_doc_cite_count(const cr_doc *d);
CR_API const char *cr_doc_cite(const cr_doc *d, size_t i);
CR_API size_t cr_doc_sentence_count(const cr_doc *d);
/* Sentence i as byte offsets [start, end) into the body. */
CR_API void cr_doc_sentence(const cr_doc *d, size_t i, size_t *start, size_t *end);
CR_API size_t cr_doc_token_count(const cr_doc *d);
/* Token i: byte offsets into the body; *key and *stem: the folded form and
 * its Snowball stem (borrowed). *stop: 1 for a stopword. */
CR_API void cr_doc_token(const cr_doc *d, size_t i, size_t *start, size_t *end,
                         const char **key, const char **stem, int *stop);

/* ------------------------------------------------------------------------ */
/* JSON output                                                               */
/* ------------------------------------------------------------------------ */

/* What cr_corpus_write_json writes besides "documents" and "errors". */
enum {
    CR_JSON_COPIES   = 1u << 0,  /* "copies", "copy_groups" (after dedup)   */
    CR_JSON_STORIES  = 1u << 1,  /* "stories" (after cluster)               */
    CR_JSON_EXTRACT  = 1u << 2,  /* per-document mentions, dates, quantities
                                    and per-story entities (after extract)  */
    CR_JSON_BRIEF    = 1u << 3,  /* full briefs per story (after brief)     */
    CR_JSON_TOKENS   = 1u << 4,  /* per-document tokens (large)             */
    CR_JSON_PRETTY   = 1u << 8   /* indent                                  */
};

/* Write {"documents": [...], ..., "errors": [...]} (schema: docs/json.md). */
CR_API cr_status cr_corpus_write_json(cr_corpus *c, unsigned flags,
                                      cr_write_fn write, void *user);

/* Write one document as a JSON object (no trailing newline). */
CR_API cr_status cr_doc_write_json(cr_corpus *c, const cr_doc *d, unsigned flags,
                                   cr_write_fn write, void *user);

/* ------------------------------------------------------------------------ */
/* Copies: near-duplicates, containment and rewrites (issue: dedup)          */
/* ------------------------------------------------------------------------ */

typedef struct cr_dedup_options {
    double threshold;   /* Jaccard threshold for candidates, default 0.5 */
    unsigned shingle;   /* words per shingle, default 5 */
} cr_dedup_options;
CR_API void cr_dedup_options_init(cr_dedup_options *o);

/* Find copies among the cleaned documents; results are kept in the corpus
 * and written by cr_corpus_write_json with CR_JSON_COPIES. */
CR_API cr_status cr_corpus_dedup(cr_corpus *c, const cr_dedup_options *o);

/* Copy pairs found by cr_corpus_dedup, sorted by document index.  Pair i:
 * *a and *b index cr_corpus_doc (for "contains", a holds b); returns the
 * relation, "duplicate", "contains" or "rewrite" (borrowed; static storage).
 * Any out-parameter may be NULL.  *aligned: sentences aligned (rewrite). */
CR_API size_t cr_corpus_copy_count(const cr_corpus *c);
CR_API const char *cr_corpus_copy(const cr_corpus *c, size_t i, size_t *a, size_t *b,
                                  double *jaccard, double *containment, size_t *aligned);
/* Copy groups (connected pairs).  Group i: returns its member count; *original
 * indexes cr_corpus_doc; *why: borrowed, valid until cr_corpus_free(). */
CR_API size_t cr_corpus_copy_group_count(const cr_corpus *c);
CR_API size_t cr_corpus_copy_group(const cr_corpus *c, size_t i, size_t *original,
                                   const char **why);
/* Index (into cr_corpus_doc) of the j-th member of group i, in input order. */
CR_API size_t cr_corpus_copy_group_member(const cr_corpus *c, size_t i, size_t j);

/* ------------------------------------------------------------------------ */
/* Stories (issue: cluster)                                                  */
/* ------------------------------------------------------------------------ */

typedef struct cr_cluster_options {
    double threshold;      /* similarity needed to join a story; 0: default */
    double window_hours;   /* time window for streaming, default 72 */
} cr_cluster_options;
CR_API void cr_cluster_options_init(cr_cluster_options *o);

/* Group the cleaned documents into stories; kept in the corpus and written
 * with CR_JSON_STORIES. */
CR_API cr_status cr_corpus_cluster(cr_corpus *c, const cr_cluster_options *o);

/* Stories as computed by cr_corpus_cluster (or one story holding every
 * document when clustering has not run).  Borrowed; valid until the next
 * cr_corpus_cluster() or cr_corpus_free(). */
CR_API size_t cr_corpus_story_count(const cr_corpus *c);
CR_API const char *cr_corpus_story_id(const cr_corpus *c, size_t i);
CR_API size_t cr_corpus_story_size(const cr_corpus *c, size_t i);
/* Index (into cr_corpus_doc) of the j-th document of story i. */
CR_API size_t cr_corpus_story_doc(const cr_corpus *c, size_t i, size_t j);
/* Story i's label (its most central title or sentence; may be NULL) and the
 * shared features that hold it together ("why").  Borrowed; valid as above. */
CR_API const char *cr_corpus_story_label(const cr_corpus *c, size_t i);
CR_API size_t cr_corpus_story_why_count(const cr_corpus *c, size_t i);
CR_API const char *cr_corpus_story_why(const cr_corpus *c, size_t i, size_t k);

/* Streaming: articles arrive in time order; each is assigned to an open
 * story or starts a new one.  Memory is bounded by the time window. */
typedef struct cr_stream cr_stream;
/* *out: caller owns; free with cr_stream_free().  ctx must outlive it. */
CR_API cr_status cr_stream_new(cr_ctx *ctx, const cr_cluster_options *o,
                               cr_stream **out);
CR_API void cr_stream_free(cr_stream *s);
/* Clean and assign one article; writes one JSON line
 * {"id","story","score","why"} + "\n" to write.  A rejected article writes
 * {"id","error"} and returns CR_ERR_INPUT. */
CR_API cr_status cr_stream_push(cr_stream *s, const cr_article *a,
                                cr_write_fn write, void *user);
/* Feed raw JSON Lines bytes (one or more complete lines). */
CR_API cr_status cr_stream_push_line(cr_stream *s, const char *line, size_t len,
                                     cr_write_fn write, void *user);

/* ------------------------------------------------------------------------ */
/* Entities, dates and quantities (issue: extract)                           */
/* ------------------------------------------------------------------------ */

/* Find mentions, temporal expressions and quantities in every document,
 * and resolve entities across the documents of each story.  Written with
 * CR_JSON_EXTRACT. */
CR_API cr_status cr_corpus_extract(cr_corpus *c);

/* ------------------------------------------------------------------------ */
/* Briefs (issue: brief)                                                     */
/* ------------------------------------------------------------------------ */

typedef struct cr_brief_options {
    unsigned summary_sentences; /* 0: default (3-7, chosen by content) */
    unsigned summary_words;     /* 0: no word limit */
} cr_brief_options;
CR_API void cr_brief_options_init(cr_brief_options *o);

/* Build a brief for every story (clustering and extraction are run first
 * when they have not been).  Written with CR_JSON_BRIEF. */
CR_API cr_status cr_corpus_brief(cr_corpus *c, const cr_brief_options *o);

enum { CR_TEXT_COLOR = 1u << 0, CR_TEXT_MARKDOWN = 1u << 1 };
/* Write the briefs as readable text (wrapped to width columns; 0: 80) or,
 * with CR_TEXT_MARKDOWN, as Markdown. */
CR_API cr_status cr_corpus_write_briefs(cr_corpus *c, unsigned flags, unsigned width,
                                        cr_write_fn write, void *user);

#ifdef __cplusplus
}
#endif
#endif /* CROSSREAD_H */
