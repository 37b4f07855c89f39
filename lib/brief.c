/*
 * brief.c — the brief of a story: what is established, by how many
 * independent sources, where the sources disagree, what rests on one outlet,
 * when things happened, and a cited summary.
 *
 * Last stage of the data flow.  cr_corpus_brief makes sure copies, stories
 * and extraction have run, then for each story builds units and features
 * (facts.c), the provenance graph (provenance.c), fact groups and unique
 * details (facts.c), conflicts (conflicts.c), a timeline (timeline.c) and a
 * summary (summary.c).  cri_brief_json writes the brief keys of a story
 * object; brief_text.c renders the same content for a terminal or Markdown.
 */
#include "brief.h"

#include <stdio.h>
#include <stdlib.h>

void cr_brief_options_init(cr_brief_options *o) {
    if (!o) return;
    o->summary_sentences = 0;
    o->summary_words = 0;
}

const char *cri_bunit_text(const cr_corpus *c, const cri_bunit *u, size_t *len) {
    const cr_doc *d = c->docs[u->doc];
    const cri_sentence *s = &d->sents[u->sent];
    const char *t = d->body + s->start;
    size_t n = s->end - s->start;
    /* a list bullet is layout, not part of the sentence: the rest is
     * still quoted verbatim */
    for (;;) {
        if (n >= 3 && (unsigned char)t[0] == 0xE2 && (unsigned char)t[1] == 0x80 && (unsigned char)t[2] == 0xA2) {
            t += 3;
            n -= 3;
        } else if (n >= 2 && (t[0] == '-' || t[0] == '*') && t[1] == ' ') {
            t += 1;
            n -= 1;
        } else if (n && (t[0] == ' ' || t[0] == '\t')) {
            t++;
            n--;
        } else break;
    }
    *len = n;
    return t;
}

char *cri_brief_printf(cri_brief *b, const char *fmt, ...) {
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    size_t l = (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1;
    while (l > 0 && l < (size_t)n && ((unsigned char)tmp[l] & 0xC0) == 0x80) l--;
    return cri_arena_strndup(&b->arena, tmp, l);
}

const char *cri_brief_outlet(const cr_corpus *c, const cri_brief *b, size_t sdoc) {
    const cr_doc *d = c->docs[b->docs[sdoc].doc];
    return d->outlet ? d->outlet : d->id;
}

void cri_brief_doclabel(const cr_corpus *c, size_t doc, char *out, size_t size) {
    const char *id = c->docs[doc]->id ? c->docs[doc]->id : "?";
    /* "000_cc5872542598d7f9" -> "000": a short prefix before a hash-like
     * suffix; any other id is shown whole */
    const char *us = strchr(id, '_');
    size_t n = strlen(id);
    if (us && us > id && us - id <= 8 && strlen(us + 1) >= 8) {
        bool hex = true;
        for (const char *p = us + 1; *p && hex; p++)
            hex = cri_isdigit((unsigned char)*p) || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F');
        if (hex) n = (size_t)(us - id);
    }
    if (n > 24) n = 24;
    if (n >= size) n = size - 1;
    memcpy(out, id, n);
    out[n] = 0;
}

void cri_brief_free(struct cri_brief *b) {
    if (!b) return;
    for (size_t i = 0; i < b->n_docs; i++) {
        free(b->docs[i].cues);
        free(b->docs[i].origins);
    }
    free(b->docs);
    free(b->origins);
    free(b->why);
    free(b->units);
    free(b->feats);
    cri_strmap_free(&b->vocab);
    free(b->df);
    free(b->vocab_names);
    free(b->feat_outlets);
    free(b->feat_last_outlet);
    free(b->outlet_of);
    free(b->facts);
    free(b->conflicts);
    free(b->unique);
    free(b->timeline);
    free(b->summary);
    free(b->entities);
    cri_arena_free(&b->arena);
    free(b);
}

/* Outlet index per story document: one per distinct outlet name (case
 * folded), a document without an outlet counts as its own. */
static cr_status outlets(cr_corpus *c, cri_brief *b) {
    cri_strmap m;
    if (cri_strmap_init(&m, 16, c->ctx->opt.seed)) return CR_ERR_NOMEM;
    b->outlet_of = malloc((b->n_docs ? b->n_docs : 1) * sizeof *b->outlet_of);
    if (!b->outlet_of) {
        cri_strmap_free(&m);
        return CR_ERR_NOMEM;
    }
    cri_buf key = {0};
    uint32_t next = 0;
    for (size_t sd = 0; sd < b->n_docs; sd++) {
        const cr_doc *d = c->docs[b->docs[sd].doc];
        cri_buf_clear(&key);
        if (d->outlet) {
            for (const char *p = d->outlet; *p; p++)
                if (cri_buf_putc(&key, cri_tolower(*p))) goto nomem;
        } else if (cri_buf_putc(&key, '\x01') || cri_buf_puts(&key, d->id)) goto nomem;
        bool fresh;
        int64_t *v = cri_strmap_upsert(&m, key.data, key.len, next, &fresh);
        if (!v) goto nomem;
        if (fresh) next++;
        b->outlet_of[sd] = (uint32_t)*v;
    }
    b->n_outlets = next;
    cri_buf_free(&key);
    cri_strmap_free(&m);
    return CR_OK;
nomem:
    cri_buf_free(&key);
    cri_strmap_free(&m);
    return CR_ERR_NOMEM;
}

static cr_status build(cr_corpus *c, cri_story *s, const cr_brief_options *o, cri_brief **out) {
    *out = NULL;
    cri_brief *b = calloc(1, sizeof *b);
    if (!b) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    b->story = s;
    b->docs = calloc(s->n_docs ? s->n_docs : 1, sizeof *b->docs);
    if (!b->docs) goto nomem;
    for (size_t k = 0; k < s->n_docs; k++) {
        if (s->docs[k] >= c->n_docs) continue;
        b->docs[b->n_docs++].doc = s->docs[k];
    }
    /* the same articles give the same brief whatever order they came in */
    for (size_t k = 1; k < b->n_docs; k++) {
        cri_bdoc t = b->docs[k];
        size_t q = k;
        while (q > 0 && strcmp(c->docs[b->docs[q - 1].doc]->id, c->docs[t.doc]->id) > 0) {
            b->docs[q] = b->docs[q - 1];
            q--;
        }
        b->docs[q] = t;
    }
    if (outlets(c, b) != CR_OK) goto nomem;
    for (size_t sd = 0; sd < b->n_docs; sd++) {
        const cr_doc *d = c->docs[b->docs[sd].doc];
        if (d->n_dates) b->have_dates = true;
        for (size_t m = 0; m < d->n_mentions; m++)
            if (d->mentions[m].entity >= 0) {
                b->have_entities = true;
                break;
            }
    }
    cr_status st;
    if ((st = cri_facts_units(c, b)) != CR_OK) goto fail;
    if ((st = cri_provenance_build(c, b)) != CR_OK) goto fail;
    if ((st = cri_facts_group(c, b)) != CR_OK) goto fail;
    if ((st = cri_facts_entities(c, b)) != CR_OK) goto fail;
    if ((st = cri_facts_unique(c, b)) != CR_OK) goto fail;
    if ((st = cri_conflicts_find(c, b)) != CR_OK) goto fail;
    if ((st = cri_timeline_build(c, b)) != CR_OK) goto fail;
    if ((st = cri_summary_build(c, b, o)) != CR_OK) goto fail;

    size_t english = 0;
    for (size_t sd = 0; sd < b->n_docs; sd++) english += !b->docs[sd].foreign;
    if (b->n_docs && english == 0)
        b->note = cri_brief_printf(b, "no article in English (%s): facts are not grouped",
                                   c->docs[b->docs[0].doc]->language ? c->docs[b->docs[0].doc]->language : "?");
    else if (b->n_docs == 1)
        b->note = cri_brief_printf(b, "only one article: nothing in it is corroborated by another source");
    else if (b->n_indep == 1)
        b->note = cri_brief_printf(b, "%zu articles, but all from one independent source: "
                                      "agreement among them is not corroboration", b->n_docs);
    *out = b;
    return CR_OK;
nomem:
    st = cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
fail:
    cri_brief_free(b);
    return st;
}

/* Run a stage the brief depends on.  Until dedup, clustering and extraction
 * are complete, their entry points may answer CR_ERR_INTERNAL ("not
 * implemented yet") or reject a corpus: the brief then carries on without
 * that information (no copy relations, one story, no entities or dates)
 * rather than failing.  Only running out of memory stops it. */
static cr_status tolerate(cr_corpus *c, cr_status s) {
    if (s == CR_ERR_NOMEM) return s;
    if (s != CR_OK) c->ctx->errmsg[0] = 0;
    return CR_OK;
}

cr_status cr_corpus_brief(cr_corpus *c, const cr_brief_options *o) {
    if (!c) return CR_ERR_USAGE;
    cr_brief_options def;
    if (!o) {
        cr_brief_options_init(&def);
        o = &def;
    }
    cr_status s;
    if (!c->deduped) {
        cr_dedup_options dopt;
        cr_dedup_options_init(&dopt);
        if ((s = tolerate(c, cr_corpus_dedup(c, &dopt))) != CR_OK) return s;
    }
    if (!c->clustered) {
        cr_cluster_options copt;
        cr_cluster_options_init(&copt);
        if ((s = tolerate(c, cr_corpus_cluster(c, &copt))) != CR_OK) return s;
    }
    if ((s = cri_corpus_ensure_stories(c)) != CR_OK) return s;
    if (!c->extracted) {
        if ((s = tolerate(c, cr_corpus_extract(c))) != CR_OK) return s;
    }
    /* one brief per story, largest story first (stable: ties keep the
     * clustering's order), in the text and the JSON alike */
    for (size_t a = 1; a < c->n_stories; a++) {
        cri_story t = c->stories[a];
        size_t k = a;
        while (k > 0 && c->stories[k - 1].n_docs < t.n_docs) {
            c->stories[k] = c->stories[k - 1];
            k--;
        }
        c->stories[k] = t;
    }
    for (size_t i = 0; i < c->n_stories; i++) {
        cri_story *st = &c->stories[i];
        cri_brief_free(st->brief);
        st->brief = NULL;
        cri_brief *b;
        if ((s = build(c, st, o, &b)) != CR_OK) return s;
        st->brief = b;
    }
    c->briefed = true;
    return CR_OK;
}

/* ---- JSON ------------------------------------------------------------------- */

static void unit_docs_json(cri_json *j, const cr_corpus *c, const cri_brief *b, const uint32_t *units,
                           size_t n) {
    cri_json_arr_begin(j);
    for (size_t k = 0; k < n; k++) {
        uint32_t sd = b->units[units[k]].sdoc;
        bool seen = false;
        for (size_t q = 0; q < k && !seen; q++) seen = b->units[units[q]].sdoc == sd;
        if (!seen) cri_json_str(j, c->docs[b->units[units[k]].doc]->id);
    }
    cri_json_arr_end(j);
}

static void unit_text_json(cri_json *j, const cr_corpus *c, const cri_brief *b, uint32_t unit) {
    size_t len;
    const char *t = cri_bunit_text(c, &b->units[unit], &len);
    cri_json_strn(j, t, len);
}

static void fact_docs_json(cri_json *j, const cr_corpus *c, const cri_brief *b, const cri_bfact *F,
                           uint32_t first) {
    cri_json_arr_begin(j);
    cri_json_str(j, c->docs[b->units[first].doc]->id);
    for (size_t k = 0; k < F->n_units; k++) {
        uint32_t sd = b->units[F->units[k]].sdoc;
        if (sd == b->units[first].sdoc) continue;
        bool seen = false;
        for (size_t q = 0; q < k && !seen; q++) seen = b->units[F->units[q]].sdoc == sd;
        if (!seen) cri_json_str(j, c->docs[b->units[F->units[k]].doc]->id);
    }
    cri_json_arr_end(j);
}

void cri_brief_json(cri_json *j, const cr_corpus *c, const cri_story *s) {
    const cri_brief *b = s ? s->brief : NULL;
    if (!b) return;
    cri_json_kint(j, "outlets", (int64_t)b->n_outlets);
    cri_json_key(j, "sources");
    cri_json_arr_begin(j);
    for (size_t sd = 0; sd < b->n_docs; sd++) {
        const cr_doc *d = c->docs[b->docs[sd].doc];
        cri_json_obj_begin(j);
        cri_json_kstr(j, "document", d->id);
        cri_json_kstr(j, "outlet", d->outlet);
        cri_json_kstr(j, "published", d->published);
        cri_json_key(j, "cues");
        cri_json_arr_begin(j);
        for (size_t k = 0; k < b->docs[sd].n_cues; k++) cri_json_str(j, b->docs[sd].cues[k]);
        cri_json_arr_end(j);
        cri_json_key(j, "origins");
        cri_json_arr_begin(j);
        for (size_t k = 0; k < b->docs[sd].n_origins; k++) cri_json_str(j, b->origins[b->docs[sd].origins[k]].name);
        cri_json_arr_end(j);
        cri_json_kint(j, "source_group", (int64_t)b->docs[sd].root);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    cri_json_key(j, "origins");
    cri_json_arr_begin(j);
    for (size_t o = 0; o < b->n_origins; o++) {
        cri_json_obj_begin(j);
        cri_json_kstr(j, "name", b->origins[o].name);
        cri_json_key(j, "documents");
        cri_json_arr_begin(j);
        for (size_t k = 0; k < b->origins[o].n_docs; k++) cri_json_str(j, c->docs[b->docs[b->origins[o].docs[k]].doc]->id);
        cri_json_arr_end(j);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);
    cri_json_kint(j, "independent_sources", (int64_t)b->n_indep);
    cri_json_key(j, "independent_why");
    cri_json_arr_begin(j);
    for (size_t k = 0; k < b->n_why; k++) cri_json_str(j, b->why[k]);
    cri_json_arr_end(j);
    cri_json_kstr(j, "note", b->note);

    cri_json_key(j, "excluded");
    cri_json_arr_begin(j);
    for (size_t sd = 0; sd < b->n_docs; sd++) {
        if (!b->docs[sd].foreign) continue;
        const cr_doc *d = c->docs[b->docs[sd].doc];
        cri_json_obj_begin(j);
        cri_json_kstr(j, "document", d->id);
        cri_json_kstr(j, "language", d->language);
        cri_json_kstr(j, "reason", "not in English: kept out of fact grouping");
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    cri_json_key(j, "facts");
    cri_json_arr_begin(j);
    for (size_t f = 0; f < b->n_shown_facts && f < CRI_BRIEF_MAX_FACTS; f++) {
        const cri_bfact *F = &b->facts[f];
        cri_json_obj_begin(j);
        cri_json_key(j, "text");
        unit_text_json(j, c, b, F->rep);
        cri_json_kstr(j, "document", c->docs[b->units[F->rep].doc]->id);
        cri_json_key(j, "documents");
        fact_docs_json(j, c, b, F, F->rep);
        cri_json_key(j, "support");
        cri_json_arr_begin(j);
        for (size_t k = 0; k < F->n_units; k++) {
            const cri_bunit *u = &b->units[F->units[k]];
            cri_json_obj_begin(j);
            cri_json_kstr(j, "document", c->docs[u->doc]->id);
            cri_json_kint(j, "sentence", u->sent);
            cri_json_key(j, "text");
            unit_text_json(j, c, b, F->units[k]);
            cri_json_obj_end(j);
        }
        cri_json_arr_end(j);
        cri_json_kint(j, "outlets", F->n_outlets);
        cri_json_kint(j, "independent_sources", F->n_indep);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    cri_json_key(j, "conflicts");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < b->n_conflicts; i++) {
        const cri_bconflict *cf = &b->conflicts[i];
        cri_json_obj_begin(j);
        cri_json_kstr(j, "kind", cf->kind);
        cri_json_kstr(j, "about", cf->about);
        if (cf->note) cri_json_kstr(j, "note", cf->note);
        cri_json_key(j, "values");
        cri_json_arr_begin(j);
        for (size_t v = 0; v < cf->n_values; v++) {
            const cri_bvalue *val = &cf->values[v];
            cri_json_obj_begin(j);
            cri_json_kstr(j, "value", val->value);
            cri_json_key(j, "text");
            if (val->n_units) unit_text_json(j, c, b, val->units[0]);
            else cri_json_null(j);
            cri_json_key(j, "documents");
            unit_docs_json(j, c, b, val->units, val->n_units);
            cri_json_key(j, "support");
            cri_json_arr_begin(j);
            for (size_t k = 0; k < val->n_units; k++) {
                cri_json_obj_begin(j);
                cri_json_kstr(j, "document", c->docs[b->units[val->units[k]].doc]->id);
                cri_json_kint(j, "sentence", b->units[val->units[k]].sent);
                cri_json_key(j, "text");
                unit_text_json(j, c, b, val->units[k]);
                cri_json_obj_end(j);
            }
            cri_json_arr_end(j);
            cri_json_obj_end(j);
        }
        cri_json_arr_end(j);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    cri_json_key(j, "unique");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < b->n_unique; i++) {
        const cri_bunique *q = &b->unique[i];
        const cri_bunit *u = &b->units[q->unit];
        cri_json_obj_begin(j);
        cri_json_kstr(j, "document", c->docs[u->doc]->id);
        cri_json_kstr(j, "outlet", c->docs[u->doc]->outlet);
        cri_json_kint(j, "sentence", u->sent);
        cri_json_key(j, "text");
        unit_text_json(j, c, b, q->unit);
        cri_json_kstr(j, "details", q->details);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    cri_json_key(j, "timeline");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < b->n_timeline; i++) {
        const cri_btime *e = &b->timeline[i];
        cri_json_obj_begin(j);
        cri_json_kstr(j, "date", e->date);
        cri_json_key(j, "text");
        unit_text_json(j, c, b, e->unit);
        cri_json_kstr(j, "document", c->docs[b->units[e->unit].doc]->id);
        cri_json_key(j, "documents");
        unit_docs_json(j, c, b, e->units, e->n_units);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);

    cri_json_key(j, "summary");
    cri_json_arr_begin(j);
    for (size_t i = 0; i < b->n_summary; i++) {
        const cri_bsummary *sm = &b->summary[i];
        cri_json_obj_begin(j);
        cri_json_key(j, "text");
        unit_text_json(j, c, b, sm->unit);
        cri_json_kstr(j, "document", c->docs[b->units[sm->unit].doc]->id);
        cri_json_kint(j, "sentence", b->units[sm->unit].sent);
        cri_json_key(j, "documents");
        if (sm->fact >= 0) fact_docs_json(j, c, b, &b->facts[sm->fact], sm->unit);
        else unit_docs_json(j, c, b, &sm->unit, 1);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);
}
