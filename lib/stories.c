/*
 * stories.c — the corpus' stories as a shared structure: the default single
 * story (every document) when clustering has not run, the public accessors,
 * and the "stories" JSON section, to which extraction adds "entities" and
 * the brief adds its keys.
 */
#include "internal.h"

#include <stdlib.h>

void cri_stories_free(cri_story *s, size_t n) {
    if (!s) return;
    for (size_t i = 0; i < n; i++) {
        free(s[i].id);
        free(s[i].label);
        free(s[i].docs);
        for (size_t k = 0; k < s[i].n_why; k++) free(s[i].why[k]);
        free(s[i].why);
        cri_entity_set_free(s[i].entities);
        cri_brief_free(s[i].brief);
    }
    free(s);
}

cr_status cri_corpus_ensure_stories(cr_corpus *c) {
    if (c->stories) return CR_OK;
    cri_story *s = calloc(1, sizeof *s);
    if (!s) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    s->id = strdup("s1");
    s->docs = malloc((c->n_docs ? c->n_docs : 1) * sizeof *s->docs);
    const char *label = NULL;
    for (size_t i = 0; i < c->n_docs; i++) {
        s->docs[i] = i;
        if (!label && c->docs[i]->title) label = c->docs[i]->title;
    }
    s->n_docs = c->n_docs;
    s->label = label ? strdup(label) : NULL;
    if (!s->id || !s->docs || (label && !s->label)) {
        cri_stories_free(s, 1);
        return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    }
    c->stories = s;
    c->n_stories = 1;
    return CR_OK;
}

size_t cr_corpus_story_count(const cr_corpus *c) { return c ? c->n_stories : 0; }
const char *cr_corpus_story_id(const cr_corpus *c, size_t i) {
    return c && i < c->n_stories ? c->stories[i].id : NULL;
}
size_t cr_corpus_story_size(const cr_corpus *c, size_t i) {
    return c && i < c->n_stories ? c->stories[i].n_docs : 0;
}
size_t cr_corpus_story_doc(const cr_corpus *c, size_t i, size_t j) {
    return c && i < c->n_stories && j < c->stories[i].n_docs ? c->stories[i].docs[j] : 0;
}

void cri_stories_json(cri_json *j, const cr_corpus *c, unsigned flags) {
    cri_json_key(j, "stories");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < c->n_stories; i++) {
        const cri_story *s = &c->stories[i];
        cri_json_obj_begin(j);
        cri_json_kstr(j, "id", s->id);
        cri_json_kstr(j, "label", s->label);
        cri_json_key(j, "documents");
        cri_json_arr_begin(j);
        for (size_t k = 0; k < s->n_docs; k++) cri_json_str(j, c->docs[s->docs[k]]->id);
        cri_json_arr_end(j);
        cri_json_key(j, "why");
        cri_json_arr_begin(j);
        for (size_t k = 0; k < s->n_why; k++) cri_json_str(j, s->why[k]);
        cri_json_arr_end(j);
        if (flags & (CR_JSON_EXTRACT | CR_JSON_BRIEF)) cri_entities_json(j, c, s);
        if (flags & CR_JSON_BRIEF) cri_brief_json(j, c, s);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);
}
