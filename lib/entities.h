/*
 * entities.h — the entities of one story, as cri_entities_resolve() builds
 * them from the documents' mentions (entities.c).  Read by the brief and the
 * JSON writer; nothing outside entities.c writes these structures.
 *
 * Identity: every entity has a corpus-wide unique index (`id`).  A mention's
 * `entity` field (cri_mention.entity in internal.h) holds that index, or -1
 * when the mention was not resolved.  In JSON the id is "e" + (id + 1).
 * Within a set, ents[k].id == first_id + k, so cri_entity_get() is O(1).
 *
 * Ownership: the set and every string/array below live in the set's arena;
 * free everything at once with cri_entity_set_free() (stories.c does it).
 * Pointers stay valid until then.
 */
#ifndef CRI_ENTITIES_H
#define CRI_ENTITIES_H

#include "internal.h"

/* How a written form relates to the entity's canonical name. */
enum {
    CRI_VAR_CANONICAL, /* the canonical name itself                           */
    CRI_VAR_SHORT,     /* subset of the name parts: "Putin", "Kim"            */
    CRI_VAR_SPELLING,  /* transliteration or typo: "Vladmir Putin"            */
    CRI_VAR_TITLE,     /* with a title: "President Vladimir Putin"            */
    CRI_VAR_ALIAS      /* acronym or defined alias: "DPRK", "KCNA"            */
};
/* "canonical", "short", "spelling", "title", "alias" */
extern const char *const cri_variant_kind_name[5];

typedef struct cri_entity_variant {
    const char *text;          /* surface form (NFC, as first written)       */
    uint8_t kind;              /* CRI_VAR_*                                  */
    const size_t *docs;        /* corpus document indexes, ascending         */
    size_t n_docs;
    uint32_t n_mentions;       /* mentions written this way                  */
} cri_entity_variant;

typedef struct cri_entity {
    int32_t id;                /* corpus-wide index; JSON "e<id+1>"          */
    const char *name;          /* canonical: the most common full form       */
    uint8_t type;              /* CRI_ENT_* (internal.h)                     */
    const size_t *docs;        /* corpus document indexes, ascending         */
    size_t n_docs;
    uint32_t n_mentions;       /* mentions in the story (body + captions)    */
    const cri_entity_variant *variants;  /* canonical first, then by count   */
    size_t n_variants;
    const char *const *roles;  /* roles the articles give: "president of the
                                  Kim Il Sung Military University", "Russian
                                  President"; folded-distinct, first-seen form */
    size_t n_roles;
} cri_entity;

struct cri_entity_set {
    cri_entity *ents;          /* ordered by n_docs desc, n_mentions desc, first mention */
    size_t n;
    int32_t first_id;          /* ents[k].id == first_id + k                 */
    cri_arena arena;           /* owns everything above                      */
};

/* The entity a mention links to, or NULL (id -1 or from another story). */
static inline const cri_entity *cri_entity_get(const struct cri_entity_set *s, int32_t id) {
    if (!s || id < s->first_id || (size_t)(id - s->first_id) >= s->n) return NULL;
    return &s->ents[id - s->first_id];
}

#endif /* CRI_ENTITIES_H */
