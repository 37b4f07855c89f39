/*
 * cluster.h — what features.c, cluster.c and stream.c share: the compact
 * article vector (top-k weighted features), the document-frequency table,
 * and the online story engine that batch and streaming modes both drive.
 *
 * Data flow:
 *   cr_doc --features.c--> terms (id, boosted tf, readable string)
 *          --features.c + df table--> vector: top-k (uint32 id, float w), L2 = 1
 *          --cluster.c engine--> story assignment, score, tying features
 * Batch (cluster.c) takes IDF from the whole corpus, sorts articles by
 * (published, id), runs the engine, then refines.  Streaming (stream.c) takes
 * IDF from a running table and runs the same engine on arrival order.
 */
#ifndef CRI_CLUSTER_H
#define CRI_CLUSTER_H

#include "internal.h"

/* ---- bounds (see cr_limits.h for the library-wide ones) ------------------ */
/* Features kept per article vector. */
#define CRI_CLU_TOPK 64
/* Of those, the ones used to look up candidate stories. */
#define CRI_CLU_QUERY 24
/* Features kept in a story centroid (the smallest are dropped beyond). */
#define CRI_CLU_CENTROID 128
/* A story's centroid features entered in the inverted index. */
#define CRI_CLU_POSTED 32
/* Most recent entries read from one posting list per query, and most kept. */
#define CRI_CLU_SCAN 32
#define CRI_CLU_POSTING_MAX 512
/* Candidate stories scored exactly per article. */
#define CRI_CLU_CANDIDATES 6
/* Member vectors a story keeps for best-member scoring (most recent). */
#define CRI_CLU_MEMBERS 8
/* Tokens of one article read for features (the lead matters most). */
#define CRI_CLU_MAX_TOKENS 40000
/* Streaming without dates: a story that no article joined in this many
 * arrivals is closed (the window's stand-in for undated streams). */
#define CRI_CLU_IDLE_ARTICLES 50000
/* Distinct features in the streaming document-frequency table before it is
 * halved (old counts decay, the table stays bounded). */
#define CRI_CLU_DF_MAX (1u << 22)

/* ---- features (features.c) ------------------------------------------------ */
typedef struct cri_feat {
    uint32_t id;
    float w;
} cri_feat;

/* Feature kinds; the kind is part of the hashed id. */
enum { CRI_FK_WORD, CRI_FK_BIGRAM, CRI_FK_NAME, CRI_FK_NUM };

typedef struct cri_term {
    uint32_t id;
    uint8_t kind;
    float tf;          /* boosted count: title and lead count more */
    uint32_t str;      /* offset of the readable form in the scratch strings */
} cri_term;

/* Per-run scratch for extracting one document's terms (reused). */
typedef struct cri_feat_scratch {
    cri_term *terms; size_t n_terms, cap_terms;
    uint64_t *slot_key; uint32_t *slot_val; size_t slot_cap;   /* hash -> term */
    cri_buf strs;      /* readable forms, NUL-separated */
    cri_buf tmp;
    uint64_t seed;
} cri_feat_scratch;

void cri_feat_scratch_free(cri_feat_scratch *s);
/* Distinct terms of d (title, lead and body) into s->terms.  -1: no memory. */
int cri_feat_terms(cr_ctx *ctx, cri_feat_scratch *s, const cr_doc *d);
/* Readable form of a term of the last cri_feat_terms call, or NULL. */
const char *cri_feat_string(const cri_feat_scratch *s, uint32_t id);

/* Readable "why" lists: keep[i] = 0 for a case variant of an earlier entry
 * ("russia" after "Russia") or a word of a longer entry ("jim" beside
 * "Jim O'Brien"). */
void cri_why_tidy(const char *const *s, size_t n, bool *keep);

/* uint32 -> uint32 open-addressing table (document frequencies). */
typedef struct cri_u32map {
    uint32_t *keys, *vals;   /* key 0 = empty (ids are never 0) */
    size_t cap, count;
} cri_u32map;
int cri_u32map_init(cri_u32map *m, size_t expect);
void cri_u32map_free(cri_u32map *m);
uint32_t *cri_u32map_upsert(cri_u32map *m, uint32_t key);  /* NULL: no memory */
uint32_t cri_u32map_get(const cri_u32map *m, uint32_t key); /* 0 when absent */
/* Halve every value, dropping those that reach 0 (streaming decay). */
int cri_u32map_halve(cri_u32map *m);

/* Count each term of s once in df. -1: no memory. */
int cri_feat_count_df(cri_u32map *df, const cri_feat_scratch *s);
/* Weight the terms of s (sublinear tf x IDF from df over n_docs x kind
 * boost), keep the top k, L2-normalize, sort by id.  Terms in fewer than
 * min_df documents are left out (batch: a term no other article has cannot
 * tie it to anything).  Returns the count. */
size_t cri_feat_vector(const cri_feat_scratch *s, const cri_u32map *df, const cri_u32map *bg,
                       double n_docs, double min_df, cri_feat *out, size_t k);
/* Background document frequencies (per mille) of common words, keyed by
 * feature id (the ids depend on the context's seed and stemmer). */
int cri_feat_background(cr_ctx *ctx, cri_u32map *bg);

/* ---- the online story engine (cluster.c) --------------------------------- */
typedef struct cri_clu cri_clu;

typedef struct cri_clu_params {
    double threshold;      /* base similarity to join a story */
    double window_min;     /* minutes: a story idle longer than this is closed */
    bool keep_members;     /* batch: keep every member's index (for output),
                              and borrow the vectors passed to cri_clu_add
                              (they must outlive the engine) instead of
                              copying them */
} cri_clu_params;

void cri_clu_params_default(cri_clu_params *p, const cr_cluster_options *o);

typedef struct cri_clu_result {
    uint32_t story;        /* engine slot of the story (reused after closing) */
    uint32_t story_num;    /* story number, 0-based in order of opening */
    bool opened;           /* a new story */
    double score;          /* similarity to the story joined (1 for a new one) */
    uint32_t ties[8];      /* shared feature ids, strongest first */
    size_t n_ties;
} cri_clu_result;

cri_clu *cri_clu_new(const cri_clu_params *p);
void cri_clu_free(cri_clu *e);
/* Assign one article (vector v of n features, sorted by id; time in minutes
 * since 1970 when has_time).  doc: the caller's number for it.  -1: no memory. */
int cri_clu_add(cri_clu *e, const cri_feat *v, size_t n, bool has_time, int64_t t_min,
                uint32_t doc, cri_clu_result *r);
/* Close stories idle for longer than the window before now_min (when
 * has_now), or for more than CRI_CLU_IDLE_ARTICLES arrivals; their memory is
 * freed.  Returns the number closed. */
size_t cri_clu_expire(cri_clu *e, bool has_now, int64_t now_min);
/* Live memory of the engine, in bytes (index, centroids, member vectors). */
size_t cri_clu_memory(const cri_clu *e);
size_t cri_clu_open_stories(const cri_clu *e);
/* Stories a stream holds open (stream.c), for tests of its memory bound. */
size_t cri_stream_open_stories(const cr_stream *s);

#endif
