/*
 * entities.c — cross-document entity resolution within a story.
 * (Placeholder: replaced by the full module.)
 */
#include "internal.h"

cr_status cri_entities_resolve(cr_corpus *c, cri_story *s) { (void)c; (void)s; return CR_OK; }
void cri_entities_json(cri_json *j, const cr_corpus *c, const cri_story *s) { (void)j; (void)c; (void)s; }
void cri_entity_set_free(struct cri_entity_set *e) { (void)e; }
