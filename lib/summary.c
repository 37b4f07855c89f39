/*
 * summary.c — an extractive summary of a story: sentences quoted verbatim
 * from its articles, each cited with every article that reports its fact.
 *
 * Runs last in the brief.  Each candidate sentence is scored by
 *   centrality  cosine to the story's centroid (the sum of every sentence's
 *               feature vector: what the story as a whole talks about),
 *   support     how many independent sources and articles report its fact,
 *   position    lead sentences state who did what, when and where,
 * and picked greedily with maximal marginal relevance (a sentence too close
 * to one already chosen, or of a fact already covered, loses).  Quotes,
 * questions, boilerplate-like and very short or very long sentences are not
 * candidates unless nothing else is left.  The first sentence is the best
 * lead sentence; the others follow in the order the articles tell them.
 * Length: 3-7 sentences up to about 130 words by default, or --sentences N,
 * or --words N (whole sentences within N words).
 */
#include "brief.h"

#include <math.h>
#include <stdlib.h>

#define MMR_LAMBDA 0.7
#define DEFAULT_WORDS 130

typedef struct cand { uint32_t unit; double score, order, head; bool lead; } cand;

static int cmp_order(const void *p, const void *q) {
    const cri_bsummary *a = p, *b = q;
    (void)a; (void)b;
    return 0;
}

static bool candidate(const cr_corpus *c, const cri_bunit *u, uint32_t i, bool relaxed) {
    if (u->dup_of != i || (u->flags & (CRI_BU_FOREIGN | CRI_BU_BOILER))) return false;
    if (u->feat_n == 0) return false;
    if (relaxed) return u->nwords >= 3;
    /* a fragment left by a sentence split ("25 a. m. on Thursday, ...",
     * "and then ...") reads badly on its own */
    size_t len;
    const char *t = cri_bunit_text(c, u, &len);
    if (len && cri_islower((unsigned char)t[0])) return false;
    if (len > 2 && cri_isdigit((unsigned char)t[0])) {
        size_t k = 0;
        while (k < len && (cri_isdigit((unsigned char)t[k]) || t[k] == ' ')) k++;
        if (k < len && cri_islower((unsigned char)t[k]) && k + 2 < len && t[k + 1] == '.') return false;
    }
    if (u->flags & (CRI_BU_QUOTE | CRI_BU_QUESTION | CRI_BU_SHORT)) return false;
    return u->nwords >= 8 && u->nwords <= 55;
}

cr_status cri_summary_build(cr_corpus *c, cri_brief *b, const cr_brief_options *o) {
    (void)cmp_order;
    size_t nv = b->n_vocab, nu = b->n_units;
    double *centroid = calloc(nv ? nv : 1, sizeof *centroid);
    cand *cs = malloc((nu ? nu : 1) * sizeof *cs);
    uint32_t *doc_sents = calloc(b->n_docs ? b->n_docs : 1, sizeof *doc_sents);
    if (!centroid || !cs || !doc_sents) {
        free(centroid);
        free(cs);
        free(doc_sents);
        return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    }
    /* centroid over every sentence, copies included: what is repeated
     * across the story weighs more */
    for (size_t i = 0; i < nu; i++) {
        const cri_bunit *u = &b->units[i];
        doc_sents[u->sdoc]++;
        if (u->flags & CRI_BU_FOREIGN) continue;
        for (size_t k = 0; k < u->feat_n; k++) {
            const cri_bfeat *f = &b->feats[u->feat_first + k];
            centroid[f->id] += f->w;
        }
    }
    double cnorm = 0;
    for (size_t f = 0; f < nv; f++) cnorm += centroid[f] * centroid[f];
    cnorm = sqrt(cnorm);

    /* the headlines say what the story is about: a sentence close to them
     * makes a good lead */
    double *tvec = calloc(nv ? nv : 1, sizeof *tvec);
    double tnorm = 0;
    if (tvec) {
        cri_buf fold = {0}, key = {0};
        for (size_t sd = 0; sd < b->n_docs; sd++) {
            const cr_doc *d = c->docs[b->docs[sd].doc];
            if (!d->title || b->docs[sd].foreign) continue;
            cri_buf_clear(&fold);
            if (cri_fold(d->title, strlen(d->title), &fold) || !fold.data) continue;
            const char *p = fold.data, *e = fold.data + fold.len;
            while (p < e) {
                while (p < e && !cri_isalnum((unsigned char)*p) && !((unsigned char)*p & 0x80)) p++;
                const char *w = p;
                while (p < e && (cri_isalnum((unsigned char)*p) || ((unsigned char)*p & 0x80) || *p == '-')) p++;
                if (p == w) continue;
                size_t sl;
                const char *stem = cri_stem(c->ctx, w, (size_t)(p - w), &sl);
                cri_buf_clear(&key);
                cri_buf_putc(&key, 's');
                cri_buf_append(&key, stem ? stem : w, stem ? sl : (size_t)(p - w));
                int64_t *id = cri_strmap_get(&b->vocab, key.data, key.len);
                if (id && *id >= 0 && (size_t)*id < nv) tvec[*id] += 1.0;
            }
        }
        cri_buf_free(&fold);
        cri_buf_free(&key);
        for (size_t f = 0; f < nv; f++) tnorm += tvec[f] * tvec[f];
        tnorm = sqrt(tnorm);
    }

    size_t n = 0;
    for (int relaxed = 0; relaxed < 2 && n < 3; relaxed++) {
        n = 0;
        for (size_t i = 0; i < nu; i++) {
            const cri_bunit *u = &b->units[i];
            if (!candidate(c, u, (uint32_t)i, relaxed)) continue;
            double dot = 0;
            for (size_t k = 0; k < u->feat_n; k++) {
                const cri_bfeat *f = &b->feats[u->feat_first + k];
                dot += f->w * centroid[f->id];
            }
            double cent = cnorm > 0 && u->norm > 0 ? dot / (cnorm * u->norm) : 0;
            double tdot = 0;
            if (tvec && tnorm > 0)
                for (size_t k = 0; k < u->feat_n; k++) {
                    const cri_bfeat *f = &b->feats[u->feat_first + k];
                    tdot += f->w * tvec[f->id];
                }
            double head = tnorm > 0 && u->norm > 0 ? tdot / (tnorm * u->norm) : 0;
            double support = 0;
            if (u->fact >= 0) {
                const cri_bfact *F = &b->facts[u->fact];
                support = 0.6 * log(1.0 + F->n_indep) + 0.4 * log(1.0 + F->n_docs);
            }
            double pos = 1.0 / (1.0 + 0.5 * u->pos);
            double len = u->nwords < 12 ? 0.8 : 1.0;
            cs[n].unit = (uint32_t)i;
            cs[n].score = len * (cent + 0.35 * support + 0.25 * pos + 0.1 * head);
            cs[n].head = head;
            cs[n].order = doc_sents[u->sdoc] ? (double)u->pos / doc_sents[u->sdoc] : 0;
            cs[n].lead = u->pos <= 1;
            n++;
        }
    }

    size_t want_sent = o && o->summary_sentences ? o->summary_sentences : 7;
    size_t min_sent = o && o->summary_sentences ? o->summary_sentences : 3;
    size_t want_words = o && o->summary_words ? o->summary_words : (o && o->summary_sentences ? SIZE_MAX : DEFAULT_WORDS);
    if (want_sent > CRI_BRIEF_MAX_SUMMARY) want_sent = CRI_BRIEF_MAX_SUMMARY;
    if (o && o->summary_words && !o->summary_sentences) {
        want_sent = CRI_BRIEF_MAX_SUMMARY;
        min_sent = 1;
    }

    bool *used = calloc(n ? n : 1, sizeof *used);
    bool *fact_used = calloc(b->n_facts ? b->n_facts : 1, sizeof *fact_used);
    double *order = malloc(want_sent * sizeof *order);
    if (!used || !fact_used || !order) {
        free(used);
        free(fact_used);
        free(order);
        free(centroid);
        free(tvec);
        free(cs);
        free(doc_sents);
        return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    }
    size_t words = 0;
    while (b->n_summary < want_sent) {
        double best = -1e9;
        size_t bi = SIZE_MAX;
        for (size_t k = 0; k < n; k++) {
            if (used[k]) continue;
            const cri_bunit *u = &b->units[cs[k].unit];
            if (u->fact >= 0 && fact_used[u->fact]) continue;
            if (b->n_summary == 0 && !cs[k].lead) continue;   /* open with a lead */
            double red = 0;
            for (size_t s = 0; s < b->n_summary; s++) {
                double sim = cri_facts_sim(b, cs[k].unit, b->summary[s].unit);
                if (sim > red) red = sim;
            }
            if (red >= 0.45) continue;   /* says again what a chosen sentence says */
            double mmr = MMR_LAMBDA * cs[k].score - (1 - MMR_LAMBDA) * red;
            if (b->n_summary == 0) mmr += 0.5 * cs[k].head;   /* the lead: closest to the headlines */
            if (mmr > best) {
                best = mmr;
                bi = k;
            }
        }
        if (bi == SIZE_MAX && b->n_summary == 0) {
            /* no lead sentence qualifies: take the best of any */
            for (size_t k = 0; k < n; k++)
                if (bi == SIZE_MAX || cs[k].score > cs[bi].score) bi = k;
        }
        if (bi == SIZE_MAX) break;
        const cri_bunit *u = &b->units[cs[bi].unit];
        if (b->n_summary >= min_sent && words + u->nwords > want_words) {
            used[bi] = true;  /* too long: a shorter one may still fit */
            bool any = false;
            for (size_t k = 0; k < n; k++) any |= !used[k];
            if (!any) break;
            if (words >= want_words * 9 / 10) break;
            continue;
        }
        if (o && o->summary_words && words + u->nwords > want_words && b->n_summary > 0) {
            used[bi] = true;
            continue;
        }
        used[bi] = true;
        if (u->fact >= 0) fact_used[u->fact] = true;
        cri_bsummary *s = CRI_PUSH(b->summary, b->n_summary, b->cap_summary);
        if (!s) break;
        s->unit = cs[bi].unit;
        s->fact = u->fact;
        order[b->n_summary - 1] = b->n_summary == 1 ? -1.0 : cs[bi].order;
        words += u->nwords;
        if (words >= want_words && b->n_summary >= min_sent) break;
    }
    /* reading order: the lead first, then as the articles tell it */
    for (size_t a = 1; a < b->n_summary; a++) {
        cri_bsummary t = b->summary[a];
        double to = order[a];
        size_t k = a;
        while (k > 1 && order[k - 1] > to) {
            b->summary[k] = b->summary[k - 1];
            order[k] = order[k - 1];
            k--;
        }
        b->summary[k] = t;
        order[k] = to;
    }
    free(used);
    free(fact_used);
    free(order);
    free(centroid);
    free(tvec);
    free(cs);
    free(doc_sents);
    return CR_OK;
}
