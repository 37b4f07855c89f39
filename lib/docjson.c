/*
 * docjson.c — one document as a JSON object, in the key order docs/json.md
 * documents.  Later commands (cluster, entities, brief) write the same
 * object, with their per-document fields appended.
 */
#include "internal.h"

void cri_doc_json(cri_json *j, const cr_doc *d, unsigned flags) {
    cri_json_obj_begin(j);
    cri_json_kstr(j, "id", d->id);
    cri_json_kstr(j, "source", d->source);
    if (d->url) cri_json_kstr(j, "url", d->url);
    cri_json_kstr(j, "title", d->title);
    cri_json_kstr(j, "byline", d->byline);
    cri_json_kstr(j, "outlet", d->outlet);
    cri_json_kstr(j, "published", d->published);
    cri_json_kstr(j, "language", d->language);
    cri_json_key(j, "body");
    cri_json_strn(j, d->body ? d->body : "", d->body_len);

    cri_json_key(j, "captions");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < d->n_captions; i++) cri_json_str(j, d->captions[i]);
    cri_json_arr_end(j);

    cri_json_key(j, "removed");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < d->n_removed; i++) {
        cri_json_obj_begin(j);
        cri_json_kstr(j, "text", d->removed[i].text);
        cri_json_kstr(j, "reason", d->removed[i].reason);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    cri_json_key(j, "repairs");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < d->n_repairs; i++) {
        cri_json_obj_begin(j);
        cri_json_kstr(j, "kind", d->repairs[i].kind);
        cri_json_kstr(j, "before", d->repairs[i].before);
        cri_json_kstr(j, "after", d->repairs[i].after);
        cri_json_kint(j, "line", d->repairs[i].line);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    cri_json_key(j, "cites");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < d->n_cites; i++) cri_json_str(j, d->cites[i]);
    cri_json_arr_end(j);

    cri_json_key(j, "sentences");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < d->n_sents; i++) {
        cri_json_obj_begin(j);
        cri_json_kint(j, "start", d->sents[i].start);
        cri_json_kint(j, "end", d->sents[i].end);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    if (flags & CR_JSON_TOKENS) {
        cri_json_key(j, "tokens");
        cri_json_arr_begin(j);
        for (size_t i = 0; i < d->n_toks; i++) {
            const cri_token *t = &d->toks[i];
            cri_json_obj_begin(j);
            cri_json_kint(j, "start", t->start);
            cri_json_kint(j, "end", t->end);
            cri_json_kstr(j, "key", cri_tok_key(d, t));
            cri_json_kstr(j, "stem", cri_tok_stem(d, t));
            cri_json_key(j, "stop");
            cri_json_bool(j, (t->flags & CRI_TOK_STOP) != 0);
            cri_json_obj_end(j);
        }
        cri_json_arr_end(j);
    }
    if ((flags & CR_JSON_EXTRACT) && d->extracted) cri_doc_extract_json(j, d);
    cri_json_obj_end(j);
}
