/*
 * brief.h — the brief of a story, shared by the modules that build it:
 *
 *   provenance.c  attribution cues, copy relations -> independent sources
 *   facts.c       sentences of the story -> units, features, fact groups,
 *                 unique details
 *   conflicts.c   typed disagreements inside a fact
 *   timeline.c    dated events from the facts
 *   summary.c     extractive, cited summary (centrality + MMR)
 *   brief.c       the driver, JSON output, freeing
 *   brief_text.c  terminal and Markdown rendering
 *
 * Everything a brief shows is a pointer into a document's body (a sentence)
 * or a short string in the brief's arena; nothing is generated.
 */
#ifndef CRI_BRIEF_H
#define CRI_BRIEF_H

#include "internal.h"

/* ---- bounds (see also cr_limits.h) --------------------------------------- */
#define CRI_BRIEF_MAX_POSTINGS   128   /* features with more postings are not used to find candidates */
#define CRI_BRIEF_MAX_CANDIDATES 24    /* exact similarity computed for this many candidates per sentence */
#define CRI_BRIEF_MAX_FEATS      64    /* features kept per sentence */
#define CRI_BRIEF_MAX_FACTS      60    /* facts listed */
#define CRI_BRIEF_MAX_UNIQUE     40    /* unique details listed */
#define CRI_BRIEF_MAX_TIMELINE   24    /* timeline entries */
#define CRI_BRIEF_MAX_CONFLICTS  30
#define CRI_BRIEF_MAX_SUMMARY    30    /* sentences, whatever --sentences says */
#define CRI_BRIEF_MAX_UNITS      200000 /* sentences considered per story */
#define CRI_BRIEF_PER_DOC_IN_FACT 2    /* sentences one article may give one fact */

/* Unit flags */
enum {
    CRI_BU_QUOTE   = 1u << 0,  /* mostly a direct quotation */
    CRI_BU_CLAIM   = 1u << 1,  /* reports someone's claim ("X claims", "alleged") */
    CRI_BU_SHORT   = 1u << 2,  /* fewer than 6 words */
    CRI_BU_BOILER  = 1u << 3,  /* link, e-mail, "click", "subscribe"... */
    CRI_BU_FOREIGN = 1u << 4,  /* article not in English: kept out of grouping */
    CRI_BU_DUP     = 1u << 5,  /* same words as an earlier sentence (dup_of) */
    CRI_BU_QUESTION = 1u << 6
};

/* Feature kinds, folded into the feature string's first byte. */
enum { CRI_BF_STEM = 's', CRI_BF_ENTITY = 'e', CRI_BF_DATE = 'd', CRI_BF_NUM = 'n', CRI_BF_NAME = 'c' };

typedef struct cri_bfeat { uint32_t id; float w; } cri_bfeat;

/* One sentence of the story. */
typedef struct cri_bunit {
    uint32_t doc;        /* corpus document index */
    uint32_t sdoc;       /* index into the story's documents */
    uint32_t sent;       /* sentence index in the document */
    uint32_t pos;        /* sentence position among the document's sentences */
    uint32_t nwords;
    uint32_t feat_first, feat_n;   /* into brief_work.feats */
    uint32_t dup_of;     /* first unit with the same words (itself if none) */
    int32_t fact;        /* fact index, -1 none */
    float norm;          /* Euclidean norm of the feature weights */
    uint16_t flags;
    /* the document's mentions, dates and quantities that may fall in this
     * sentence: [m0, m1), [d0, d1), [q0, q1) (the whole array when the
     * extractor's output is not in text order) */
    uint32_t m0, m1, d0, d1, q0, q1;
} cri_bunit;

/* A fact: sentences of one or more articles reporting the same thing. */
typedef struct cri_bfact {
    uint32_t *units; size_t n_units;   /* including duplicates */
    uint32_t rep;                      /* representative unit */
    uint32_t n_docs, n_outlets, n_indep;
    double score;
} cri_bfact;

typedef struct cri_bvalue {
    char *value;                       /* "2024-06-18", "Kim Geum Chol", "4800000" */
    uint32_t *units; size_t n_units;   /* sentences saying it */
} cri_bvalue;

typedef struct cri_bconflict {
    const char *kind;                  /* "date", "number", "name", "status" */
    char *about;                       /* short label: the fact's key words or the entity */
    char *note;                        /* e.g. "most sources spell it Kim Geum Chol (4 of 5)" */
    int32_t fact;
    cri_bvalue *values; size_t n_values;
} cri_bconflict;

typedef struct cri_bunique {
    uint32_t unit;
    char *details;                     /* the words only this outlet has, or NULL */
    double score;
} cri_bunique;

typedef struct cri_btime {
    char *date;                        /* ISO value as found: 2024-07-08, 2024-06 */
    uint32_t unit;                     /* sentence shown */
    uint32_t *units; size_t n_units;   /* every sentence giving this date for this fact */
    int32_t fact;
} cri_btime;

typedef struct cri_borigin {
    char *name;
    size_t *docs; size_t n_docs;       /* story-local document indexes */
    bool wire;                         /* a known wire service or state agency */
} cri_borigin;

typedef struct cri_bdoc {              /* per story document */
    size_t doc;                        /* corpus index */
    uint32_t root;                     /* independent-source group (story-local index) */
    char **cues; size_t n_cues, cap_cues;   /* attribution cues as found ("according to Reuters") */
    size_t *origins; size_t n_origins, cap_origins;   /* indexes into brief origins */
    bool foreign;
} cri_bdoc;

typedef struct cri_bsummary { uint32_t unit; int32_t fact; } cri_bsummary;

/* Variants of one entity, gathered from mentions. */
typedef struct cri_bvariant { char *text; size_t *docs; size_t n_docs; } cri_bvariant;
typedef struct cri_bentity {
    int32_t entity;
    uint8_t type;
    cri_bvariant *variants; size_t n_variants;   /* first: most documents */
    size_t n_docs;
} cri_bentity;

struct cri_brief {
    cri_arena arena;                   /* strings and small arrays below */
    const cri_story *story;

    cri_bdoc *docs; size_t n_docs;
    cri_borigin *origins; size_t n_origins, cap_origins;
    size_t n_indep;
    char **why; size_t n_why, cap_why;  /* independent_why */
    size_t n_outlets;

    cri_bunit *units; size_t n_units, cap_units;
    cri_bfeat *feats; size_t n_feats, cap_feats;
    cri_strmap vocab;                  /* feature string -> id */
    uint32_t *df; size_t n_vocab, cap_vocab;     /* units holding each feature */
    const char **vocab_names; size_t cap_names;  /* id -> stored key */
    uint32_t *feat_outlets;            /* outlets holding each feature */
    uint32_t *feat_last_outlet;        /* scratch */
    uint32_t *outlet_of;               /* story doc -> outlet index */

    cri_bfact *facts; size_t n_facts;  /* every group, ranked; singletons last */
    size_t n_shown_facts;              /* facts with 2+ outlets or documents */
    cri_bconflict *conflicts; size_t n_conflicts, cap_conflicts;
    cri_bunique *unique; size_t n_unique, cap_unique;
    cri_btime *timeline; size_t n_timeline, cap_timeline;
    cri_bsummary *summary; size_t n_summary, cap_summary;
    cri_bentity *entities; size_t n_entities, cap_entities;

    char *note;                        /* e.g. "only one article: nothing is corroborated" */
    bool have_copies, have_entities, have_dates;
};
typedef struct cri_brief cri_brief;

/* ---- shared helpers (brief.c) -------------------------------------------- */
static inline const cr_doc *cri_bunit_doc(const cr_corpus *c, const cri_bunit *u) {
    return c->docs[u->doc];
}
/* Text of a unit's sentence (pointer into the body, not NUL-terminated). */
const char *cri_bunit_text(const cr_corpus *c, const cri_bunit *u, size_t *len);
/* Add a string to the brief's arena (printf style); NULL when out of memory. */
char *cri_brief_printf(cri_brief *b, const char *fmt, ...) CRI_PRINTF(2, 3);
/* Outlet name of a story document (outlet, else the document id). */
const char *cri_brief_outlet(const cr_corpus *c, const cri_brief *b, size_t sdoc);
/* Short document label: id up to the first '_' ("003_13ff..." -> "003"). */
void cri_brief_doclabel(const cr_corpus *c, size_t doc, char *out, size_t size);

/* ---- modules --------------------------------------------------------------- */
/* provenance.c: cues, origins, copy relations -> docs[].root, n_indep, why. */
cr_status cri_provenance_build(cr_corpus *c, cri_brief *b);
/* Number of distinct independent sources among the story documents listed. */
uint32_t cri_provenance_count(const cri_brief *b, const uint32_t *sdocs, size_t n);

/* facts.c: units and features; fact groups; unique details. */
cr_status cri_facts_units(cr_corpus *c, cri_brief *b);
cr_status cri_facts_group(cr_corpus *c, cri_brief *b);
cr_status cri_facts_unique(cr_corpus *c, cri_brief *b);
/* Cosine similarity of two units' feature vectors. */
double cri_facts_sim(const cri_brief *b, uint32_t x, uint32_t y);
/* Feature string of id (the stored key), e.g. "sdelegation". */
const char *cri_facts_feat_name(const cri_brief *b, uint32_t id);
/* Entities and their variants from the mentions. */
cr_status cri_facts_entities(cr_corpus *c, cri_brief *b);

/* conflicts.c */
cr_status cri_conflicts_find(cr_corpus *c, cri_brief *b);
/* OSA edit distance of two byte strings (bounded: returns > max early). */
int cri_brief_edit_distance(const char *a, size_t na, const char *b, size_t nb, int max);
/* Are two names spelling variants of one another (same parts, small edits)? */
bool cri_brief_name_variant(const char *a, size_t na, const char *b, size_t nb);

/* timeline.c */
cr_status cri_timeline_build(cr_corpus *c, cri_brief *b);
/* summary.c */
cr_status cri_summary_build(cr_corpus *c, cri_brief *b, const cr_brief_options *o);

#endif
