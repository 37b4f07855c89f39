/*
 * timeline.c — the dated events of a story, in order, each with its sources.
 *
 * Runs in the brief after the facts are grouped.  Only dates that a
 * sentence states (extraction's normalized values: a day or a month, a
 * relative "on Monday" already resolved against its article's publication
 * date) become entries; nothing is inferred, so articles without dates give
 * no timeline.  Years alone, durations and periods are left out.  One entry
 * per (date, fact): its sentence is the fact's representative when that
 * sentence carries the date, else the first sentence that does; its
 * documents are every article whose sentence in the fact gives that date.
 */
#include "brief.h"

#include <stdlib.h>

static bool usable_date(const char *v) {
    if (!v) return false;
    size_t n = strlen(v);
    if (n != 7 && n != 10) return false;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) {
            if (v[i] != '-') return false;
        } else if (!cri_isdigit((unsigned char)v[i])) return false;
    }
    return true;
}

/* A relative expression that pins a day: a weekday, yesterday, "two days
 * ago", "last month".  "Later in the day", "recently", "this time" only
 * echo the publication date and would put an invented date on the line. */
static bool pins_a_date(const cr_doc *d, const cri_timex *t) {
    if (!t->relative) return true;
    static const char *const words[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday", "yesterday", "today", "tomorrow", "tonight", "ago", "last",
                                        "next", "january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december", "week",
                                        "month", "year"};
    if (t->end > d->body_len || t->end <= t->start) return false;
    const char *p = d->body + t->start;
    size_t n = t->end - t->start;
    for (size_t i = 0; i < n;) {
        if (cri_isdigit((unsigned char)p[i])) return true;
        while (i < n && !cri_isalpha((unsigned char)p[i]) && !cri_isdigit((unsigned char)p[i])) i++;
        size_t st = i;
        while (i < n && cri_isalpha((unsigned char)p[i])) i++;
        for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
            size_t l = strlen(words[k]);
            if (i - st != l) continue;
            bool eq = true;
            for (size_t q = 0; q < l && eq; q++) eq = cri_tolower(p[st + q]) == words[k][q];
            if (eq) return true;
        }
    }
    return false;
}

typedef struct tl_item { const char *date; int32_t fact; uint32_t unit; double score; } tl_item;

static int cmp_key(const void *p, const void *q) {
    const tl_item *a = p, *b = q;
    int c = strcmp(a->date, b->date);
    if (c) return c;
    if (a->fact != b->fact) return a->fact < b->fact ? -1 : 1;
    return a->unit < b->unit ? -1 : a->unit > b->unit;
}

cr_status cri_timeline_build(cr_corpus *c, cri_brief *b) {
    tl_item *it = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < b->n_units; i++) {
        const cri_bunit *u = &b->units[i];
        if (u->fact < 0 || (u->flags & (CRI_BU_FOREIGN | CRI_BU_BOILER))) continue;
        const cr_doc *d = c->docs[u->doc];
        const cri_sentence *s = &d->sents[u->sent];
        for (size_t m = u->d0; m < u->d1; m++) {
            const cri_timex *t = &d->dates[m];
            if (t->start < s->start || t->end > s->end || t->type != 0 || !usable_date(t->value)) continue;
            if (!pins_a_date(d, t)) continue;
            tl_item *x = CRI_PUSH(it, n, cap);
            if (!x) {
                free(it);
                return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
            }
            x->date = t->value;
            x->fact = u->fact;
            x->unit = (uint32_t)i;
        }
    }
    if (n > 1) qsort(it, n, sizeof *it, cmp_key);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && it[j].fact == it[i].fact && strcmp(it[j].date, it[i].date) == 0) j++;
        const cri_bfact *F = &b->facts[it[i].fact];
        cri_btime *e = CRI_PUSH(b->timeline, b->n_timeline, b->cap_timeline);
        if (!e) {
            free(it);
            return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
        }
        e->date = cri_arena_strdup(&b->arena, it[i].date);
        e->fact = it[i].fact;
        e->unit = it[i].unit;
        e->units = cri_arena_alloc(&b->arena, (j - i) * sizeof *e->units);
        if (!e->date || !e->units) {
            free(it);
            return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
        }
        for (size_t k = i; k < j; k++) {
            bool dup = false;
            for (size_t q = 0; q < e->n_units && !dup; q++) dup = e->units[q] == it[k].unit;
            if (!dup) e->units[e->n_units++] = it[k].unit;
            if (it[k].unit == F->rep) e->unit = F->rep;
        }
        i = j;
    }
    free(it);
    /* a sentence giving a period ("between August 2023 and January 2024")
     * appears once, at its most precise date, else its first */
    {
        /* per sentence, the entry with its most precise date (first on ties) */
        uint32_t *best = malloc((b->n_units ? b->n_units : 1) * sizeof *best);
        if (!best) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
        for (size_t k = 0; k < b->n_units; k++) best[k] = UINT32_MAX;
        for (size_t k = 0; k < b->n_timeline; k++) {
            uint32_t u = b->timeline[k].unit, cur = best[u];
            if (cur == UINT32_MAX || strlen(b->timeline[k].date) > strlen(b->timeline[cur].date)) best[u] = (uint32_t)k;
        }
        size_t w = 0;
        for (size_t k = 0; k < b->n_timeline; k++)
            if (best[b->timeline[k].unit] == k) b->timeline[w++] = b->timeline[k];
        b->n_timeline = w;
        free(best);
    }
    /* too many: keep the best supported, still in date order */
    if (b->n_timeline > CRI_BRIEF_MAX_TIMELINE) {
        size_t keep = CRI_BRIEF_MAX_TIMELINE;
        double *score = malloc(b->n_timeline * sizeof *score);
        if (!score) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
        for (size_t k = 0; k < b->n_timeline; k++) {
            const cri_btime *e = &b->timeline[k];
            const cri_bfact *F = &b->facts[e->fact];
            score[k] = 3.0 * F->n_indep + F->n_docs + (double)e->n_units + (strlen(e->date) == 10 ? 0.5 : 0);
        }
        /* threshold: the keep-th best score */
        double *sorted = malloc(b->n_timeline * sizeof *sorted);
        if (!sorted) {
            free(score);
            return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
        }
        memcpy(sorted, score, b->n_timeline * sizeof *sorted);
        for (size_t a = 1; a < b->n_timeline; a++) {
            double t = sorted[a];
            size_t k = a;
            while (k > 0 && sorted[k - 1] < t) {
                sorted[k] = sorted[k - 1];
                k--;
            }
            sorted[k] = t;
        }
        double cut = sorted[keep - 1];
        size_t w = 0, above = 0;
        for (size_t k = 0; k < b->n_timeline; k++) above += score[k] > cut;
        size_t at_cut = keep - above;
        for (size_t k = 0; k < b->n_timeline; k++) {
            bool take = score[k] > cut || (score[k] == cut && at_cut > 0);
            if (score[k] == cut && take && !(score[k] > cut)) at_cut--;
            if (take) b->timeline[w++] = b->timeline[k];
        }
        b->n_timeline = w;
        free(score);
        free(sorted);
    }
    return CR_OK;
}
