/*
 * cluster.c — stories: the online story engine and batch clustering.
 *
 * The engine (cri_clu_*) takes articles one at a time, in time order, each as
 * a top-k feature vector (features.c).  It finds candidate stories through an
 * inverted index over each story's strongest centroid features (posting lists
 * are read only for their most recent entries and capped in length, so a
 * thousand identical articles cost no more per article than ten), scores the
 * few best candidates exactly — cosine to the centroid and to the closest
 * recent member, discounted by the time gap — and joins the best one when
 * the score clears a threshold that rises with the story's size; otherwise
 * it opens a new story.  A centroid pulls an article in only if the article
 * resembles the story as a whole, so one bridging article cannot chain two
 * stories together (the failure of single-link).  Stories idle for longer
 * than the window are closed and their memory freed.
 *
 * Batch (cr_corpus_cluster) computes IDF over the whole corpus, sorts the
 * articles by (published, id) so file order does not matter, runs the same
 * engine, then refines: each article moves to a better story when one
 * clearly fits it better, and two stories merge when their centroids are very
 * close and their members agree on average.  Streaming (stream.c) runs the
 * engine alone, with a running IDF.  Design after the Telegram data
 * clustering contest entries (tgcontest): centroid assignment, thresholds
 * that tighten with size, time-bounded candidates.
 */
#include "cluster.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Default similarity to join a story, and its rise with the story's size. */
#define DEFAULT_THRESHOLD 0.18
#define SIZE_RISE 0.025       /* per doubling of the story */
#define SIZE_RISE_MAX 0.10
/* Weight of the closest member against the centroid in a candidate's score. */
#define MEMBER_WEIGHT 0.35
/* Time: no discount within GRACE, then score / (1 + (gap - GRACE) / TAU). */
#define TIME_GRACE_MIN (24.0 * 60)
#define TIME_TAU_MIN (10.0 * 24 * 60)
/* Batch: shortest window (minutes) between a story's articles. */
#define BATCH_WINDOW_MIN (30.0 * 24 * 60)
/* Score factor when only one of article and story has a date. */
#define UNDATED_FACTOR 0.7
/* Refinement: move only for a clear gain; merge only very close stories. */
#define MOVE_MARGIN 0.05
#define MERGE_CENTROID 0.30
#define MERGE_UNDATED_FACTOR 0.5   /* a dated story with an undated one */
#define MERGE_AVERAGE_LINK 0.6   /* x the join threshold at the merged size */

void cr_cluster_options_init(cr_cluster_options *o) {
    if (!o) return;
    o->threshold = 0;
    o->window_hours = 72;
}

void cri_clu_params_default(cri_clu_params *p, const cr_cluster_options *o) {
    memset(p, 0, sizeof *p);
    p->threshold = o && o->threshold > 0 ? o->threshold : DEFAULT_THRESHOLD;
    p->window_min = (o && o->window_hours > 0 ? o->window_hours : 72) * 60.0;
}

/* ---- engine state -------------------------------------------------------- */

typedef struct member {
    uint32_t doc;
    uint8_t n;
    bool owned;                /* v is this story's copy (streaming) */
    const cri_feat *v;         /* batch: the caller's vector, borrowed */
} member;

typedef struct story {
    uint32_t num;              /* public number, in order of opening */
    bool open;
    uint32_t size;
    cri_feat *cen; uint32_t n_cen, cap_cen;   /* sum of member vectors, sorted by id */
    double cen_norm;
    member *mem; uint32_t n_mem, mem_head;  /* ring of recent members */
    uint32_t posted[CRI_CLU_POSTED * 2]; uint32_t n_posted;
    bool has_time;
    int64_t t_first, t_last;
    uint32_t *docs; size_t n_docs, cap_docs;   /* batch: every member */
    uint32_t mark; float acc;  /* candidate gathering */
    uint64_t last_seq;         /* arrival number of its latest article */
} story;

typedef struct plist {
    uint32_t *v;
    uint32_t n, cap;
} plist;

struct cri_clu {
    cri_clu_params p;
    story *st; size_t n_st, cap_st;
    uint32_t *free_slots; size_t n_free, cap_free;       /* reusable */
    uint32_t *pending; size_t n_pending, cap_pending;    /* closed, still in postings */
    cri_u32map fidx;           /* feature -> plist index + 1 */
    plist *pl; size_t n_pl, cap_pl;
    uint32_t stamp;
    uint32_t next_num;
    uint64_t seq;              /* articles added */
    size_t n_open;
    uint32_t *cand; size_t cap_cand;
};

cri_clu *cri_clu_new(const cri_clu_params *p) {
    cri_clu *e = calloc(1, sizeof *e);
    if (!e) return NULL;
    e->p = *p;
    if (cri_u32map_init(&e->fidx, 1024)) {
        free(e);
        return NULL;
    }
    return e;
}

static void story_release(story *s) {
    for (uint32_t i = 0; i < s->n_mem; i++)
        if (s->mem[i].owned) free((void *)s->mem[i].v);
    free(s->cen);
    free(s->mem);
    free(s->docs);
    s->cen = NULL;
    s->mem = NULL;
    s->docs = NULL;
    s->n_cen = s->cap_cen = s->n_mem = 0;
    s->n_docs = s->cap_docs = 0;
}

void cri_clu_free(cri_clu *e) {
    if (!e) return;
    for (size_t i = 0; i < e->n_st; i++) story_release(&e->st[i]);
    free(e->st);
    free(e->free_slots);
    free(e->pending);
    for (size_t i = 0; i < e->n_pl; i++) free(e->pl[i].v);
    free(e->pl);
    cri_u32map_free(&e->fidx);
    free(e->cand);
    free(e);
}

size_t cri_clu_open_stories(const cri_clu *e) { return e->n_open; }

size_t cri_clu_memory(const cri_clu *e) {
    size_t b = sizeof *e + e->cap_st * sizeof *e->st + e->fidx.cap * 8 + e->cap_pl * sizeof *e->pl;
    for (size_t i = 0; i < e->n_pl; i++) b += e->pl[i].cap * 4;
    for (size_t i = 0; i < e->n_st; i++) {
        const story *s = &e->st[i];
        b += s->cap_cen * sizeof *s->cen + s->n_mem * sizeof(member);
        for (uint32_t k = 0; k < s->n_mem; k++)
            if (s->mem[k].owned) b += s->mem[k].n * sizeof(cri_feat);
        b += s->cap_docs * 4;
    }
    return b;
}

/* ---- vector arithmetic --------------------------------------------------- */

static double dot(const cri_feat *a, size_t na, const cri_feat *b, size_t nb) {
    double s = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (a[i].id < b[j].id) i++;
        else if (a[i].id > b[j].id) j++;
        else s += (double)a[i++].w * b[j++].w;
    }
    return s;
}

static int by_w_desc(const void *a, const void *b) {
    const cri_feat *x = a, *y = b;
    if (x->w != y->w) return x->w > y->w ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Sort by weight, descending, ties by id: insertion sort, as the arrays are
 * short (at most CRI_CLU_CENTROID) and qsort's callbacks cost more. */
static void sort_w_desc(cri_feat *a, size_t n) {
    for (size_t i = 1; i < n; i++) {
        cri_feat x = a[i];
        size_t j = i;
        while (j > 0 && (a[j - 1].w < x.w || (a[j - 1].w == x.w && a[j - 1].id > x.id))) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

static int by_id(const void *a, const void *b) {
    const cri_feat *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Total order of features by strength: weight, then id. */
static inline bool feat_better(cri_feat a, cri_feat b) {
    return a.w > b.w || (a.w == b.w && a.id < b.id);
}

/* The k-th best (0-based) of a[0..n), reordering a (quickselect). */
static cri_feat select_kth(cri_feat *a, size_t n, size_t k) {
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        cri_feat p = a[lo + (hi - lo) / 2];
        size_t i = lo, j = hi;
        while (i <= j) {
            while (feat_better(a[i], p)) i++;
            while (feat_better(p, a[j])) j--;
            if (i <= j) {
                cri_feat t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (k <= j) hi = j;
        else if (k >= i) lo = i;
        else break;
    }
    return a[k];
}

/* cen += sign * v (n <= CRI_CLU_CENTROID), keeping the largest entries. */
static int centroid_add(story *s, const cri_feat *v, size_t n, float sign) {
    cri_feat tmp[2 * CRI_CLU_CENTROID];
    size_t i = 0, j = 0, m = 0;
    while (i < s->n_cen || j < n) {
        if (j >= n || (i < s->n_cen && s->cen[i].id < v[j].id)) tmp[m++] = s->cen[i++];
        else if (i >= s->n_cen || v[j].id < s->cen[i].id) {
            tmp[m].id = v[j].id;
            tmp[m++].w = sign * v[j++].w;
        } else {
            tmp[m].id = v[j].id;
            tmp[m++].w = s->cen[i++].w + sign * v[j++].w;
        }
    }
    /* drop entries that cancelled out */
    size_t k = 0;
    for (size_t x = 0; x < m; x++)
        if (tmp[x].w > 1e-6f) tmp[k++] = tmp[x];
    m = k;
    if (m > CRI_CLU_CENTROID) {
        /* keep the CRI_CLU_CENTROID best (weight, then id), in id order */
        cri_feat sel[2 * CRI_CLU_CENTROID];
        memcpy(sel, tmp, m * sizeof *tmp);
        cri_feat pivot = select_kth(sel, m, CRI_CLU_CENTROID - 1);
        size_t kept = 0;
        for (size_t x = 0; x < m; x++)
            if (!feat_better(pivot, tmp[x])) tmp[kept++] = tmp[x];
        m = kept;
    }
    if (m > s->cap_cen || !s->cen) {
        size_t cap = !s->cen ? m : m + m / 4;   /* exact at first: most stay small */
        if (cap < 1) cap = 1;
        if (cap > CRI_CLU_CENTROID) cap = CRI_CLU_CENTROID;
        cri_feat *c = realloc(s->cen, cap * sizeof *c);
        if (!c) return -1;
        s->cen = c;
        s->cap_cen = (uint32_t)cap;
    }
    memcpy(s->cen, tmp, m * sizeof *tmp);
    s->n_cen = (uint32_t)m;
    double nn = 0;
    for (size_t x = 0; x < m; x++) nn += (double)tmp[x].w * tmp[x].w;
    s->cen_norm = sqrt(nn);
    return 0;
}

/* ---- inverted index ------------------------------------------------------ */

static int post(cri_clu *e, uint32_t feat, uint32_t slot) {
    uint32_t *ix = cri_u32map_upsert(&e->fidx, feat);
    if (!ix) return -1;
    if (!*ix) {
        plist *p = CRI_PUSH(e->pl, e->n_pl, e->cap_pl);
        if (!p) return -1;
        *ix = (uint32_t)e->n_pl;
    }
    plist *p = &e->pl[*ix - 1];
    if (p->n == CRI_CLU_POSTING_MAX) {
        /* A feature in hundreds of stories says little: keep the recent half. */
        memmove(p->v, p->v + p->n / 2, (p->n - p->n / 2) * sizeof *p->v);
        p->n -= p->n / 2;
    }
    if (p->n == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 4;
        uint32_t *v = realloc(p->v, cap * sizeof *v);
        if (!v) return -1;
        p->v = v;
        p->cap = cap;
    }
    p->v[p->n++] = slot;
    return 0;
}

/* Post the story's strongest centroid features not yet posted. */
static int post_story(cri_clu *e, uint32_t slot) {
    story *s = &e->st[slot];
    if (s->n_posted >= CRI_CLU_POSTED * 2) return 0;
    cri_feat top[CRI_CLU_CENTROID];
    memcpy(top, s->cen, s->n_cen * sizeof *top);
    sort_w_desc(top, s->n_cen);
    size_t n = s->n_cen < CRI_CLU_POSTED ? s->n_cen : CRI_CLU_POSTED;
    for (size_t i = 0; i < n && s->n_posted < CRI_CLU_POSTED * 2; i++) {
        bool seen = false;
        for (uint32_t k = 0; k < s->n_posted && !seen; k++) seen = s->posted[k] == top[i].id;
        if (seen) continue;
        if (post(e, top[i].id, slot)) return -1;
        s->posted[s->n_posted++] = top[i].id;
    }
    return 0;
}

/* Drop closed stories from every posting list; their slots become reusable. */
static int sweep(cri_clu *e) {
    for (size_t i = 0; i < e->n_pl; i++) {
        plist *p = &e->pl[i];
        uint32_t k = 0;
        for (uint32_t j = 0; j < p->n; j++)
            if (e->st[p->v[j]].open) p->v[k++] = p->v[j];
        p->n = k;
    }
    /* Rebuild the feature map without empty lists. */
    cri_u32map nm;
    if (cri_u32map_init(&nm, e->fidx.count / 2 + 16)) return -1;
    size_t w = 0;
    for (size_t i = 0; i < e->fidx.cap; i++) {
        if (!e->fidx.keys[i]) continue;
        plist *p = &e->pl[e->fidx.vals[i] - 1];
        if (!p->n) continue;
        uint32_t *ix = cri_u32map_upsert(&nm, e->fidx.keys[i]);
        if (!ix) {
            cri_u32map_free(&nm);
            return -1;
        }
        *ix = (uint32_t)(e->fidx.vals[i]);   /* renumbered below */
    }
    /* Compact lists in map order. */
    plist *np = calloc(nm.count ? nm.count : 1, sizeof *np);
    if (!np) {
        cri_u32map_free(&nm);
        return -1;
    }
    for (size_t i = 0; i < nm.cap; i++) {
        if (!nm.keys[i]) continue;
        np[w] = e->pl[nm.vals[i] - 1];
        e->pl[nm.vals[i] - 1].v = NULL;
        nm.vals[i] = (uint32_t)(++w);
    }
    for (size_t i = 0; i < e->n_pl; i++) free(e->pl[i].v);
    free(e->pl);
    e->pl = np;
    e->n_pl = e->cap_pl = w;
    if (!w) e->cap_pl = 1;
    cri_u32map_free(&e->fidx);
    e->fidx = nm;
    for (size_t i = 0; i < e->n_pending; i++) {
        uint32_t *f = CRI_PUSH(e->free_slots, e->n_free, e->cap_free);
        if (!f) return -1;
        *f = e->pending[i];
    }
    e->n_pending = 0;
    return 0;
}

size_t cri_clu_expire(cri_clu *e, bool has_now, int64_t now_min) {
    size_t closed = 0;
    for (size_t i = 0; i < e->n_st; i++) {
        story *s = &e->st[i];
        if (!s->open) continue;
        /* idle past the window; or, for articles without dates, idle for
         * CRI_CLU_IDLE_ARTICLES arrivals (memory stays bounded either way) */
        bool old_time = has_now && s->has_time && (double)(now_min - s->t_last) > e->p.window_min;
        bool old_seq = e->seq - s->last_seq > CRI_CLU_IDLE_ARTICLES;
        if (!old_time && !old_seq) continue;
        s->open = false;
        story_release(s);
        e->n_open--;
        uint32_t *p = CRI_PUSH(e->pending, e->n_pending, e->cap_pending);
        if (p) *p = (uint32_t)i;
        closed++;
    }
    if (e->n_pending > 1024 && e->n_pending > e->n_open) sweep(e);
    return closed;
}

/* ---- scoring ------------------------------------------------------------- */

static double size_threshold(const cri_clu *e, uint32_t size) {
    double r = SIZE_RISE * log2((double)size);
    return e->p.threshold + (r < SIZE_RISE_MAX ? r : SIZE_RISE_MAX);
}

/* What time says about two things (an article or a story, each with a span
 * of dates [first, last] or none) being one story: a factor on the content
 * score, or -1 when they are further apart than the window. */
static double time_factor(const cri_clu *e, bool ha, int64_t a_first, int64_t a_last, bool hb,
                          int64_t b_first, int64_t b_last) {
    if (ha != hb) {
        /* One side dated, the other not: the window cannot vouch for the
         * pair, so content must carry more of the evidence. */
        return UNDATED_FACTOR;
    }
    if (!ha) return 1.0;
    int64_t gap = 0;
    if (a_last < b_first) gap = b_first - a_last;
    if (b_last < a_first) gap = a_first - b_last;
    if ((double)gap > e->p.window_min) return -1;
    double over = (double)gap - TIME_GRACE_MIN;
    return over > 0 ? 1.0 / (1.0 + over / TIME_TAU_MIN) : 1.0;
}

/* Score of v against story s; skip: excluded doc (refinement), or UINT32_MAX. */
static double score_story(const cri_clu *e, const story *s, const cri_feat *v, size_t n,
                          bool has_time, int64_t t, uint32_t skip, double *cen_out) {
    double c = s->cen_norm > 0 ? dot(v, n, s->cen, s->n_cen) / s->cen_norm : 0;
    double m = 0;
    uint32_t nm = s->n_mem < CRI_CLU_MEMBERS ? s->n_mem : CRI_CLU_MEMBERS;
    for (uint32_t i = 0; i < nm; i++) {
        if (s->mem[i].doc == skip) continue;
        double d = dot(v, n, s->mem[i].v, s->mem[i].n);
        if (d > m) m = d;
    }
    double sc = (1 - MEMBER_WEIGHT) * c + MEMBER_WEIGHT * m;
    double tf = time_factor(e, has_time, t, t, s->size ? s->has_time : has_time, s->t_first, s->t_last);
    if (tf < 0) return -1;
    sc *= tf;
    if (cen_out) *cen_out = c;
    return sc;
}

/* Is candidate a weaker than b (less overlap; ties: later slot)? */
static inline bool cand_less(const cri_clu *e, uint32_t a, uint32_t b) {
    const story *x = &e->st[a], *y = &e->st[b];
    return x->acc < y->acc || (x->acc == y->acc && a > b);
}

/* Candidate story slots for v (the most overlapping), into e->cand. */
static size_t candidates(cri_clu *e, const cri_feat *v, size_t n) {
    cri_feat q[CRI_CLU_TOPK];
    memcpy(q, v, n * sizeof *q);
    sort_w_desc(q, n);
    size_t nq = n < CRI_CLU_QUERY ? n : CRI_CLU_QUERY;
    e->stamp++;
    if (e->stamp == 0) {
        for (size_t i = 0; i < e->n_st; i++) e->st[i].mark = 0;
        e->stamp = 1;
    }
    size_t nc = 0;
    for (size_t i = 0; i < nq; i++) {
        uint32_t ix = cri_u32map_get(&e->fidx, q[i].id);
        if (!ix) continue;
        const plist *p = &e->pl[ix - 1];
        uint32_t from = p->n > CRI_CLU_SCAN ? p->n - CRI_CLU_SCAN : 0;
        for (uint32_t j = p->n; j-- > from;) {
            story *s = &e->st[p->v[j]];
            if (!s->open) continue;
            if (s->mark != e->stamp) {
                s->mark = e->stamp;
                s->acc = 0;
                if (nc == e->cap_cand) {
                    size_t cap = e->cap_cand ? e->cap_cand * 2 : 64;
                    uint32_t *c = realloc(e->cand, cap * sizeof *c);
                    if (!c) return nc;   /* fewer candidates, still correct */
                    e->cand = c;
                    e->cap_cand = cap;
                }
                e->cand[nc++] = p->v[j];
            }
            s->acc += q[i].w;
        }
    }
    /* Keep the most overlapping (ties by slot): a sorted array of the best
     * `keep`, compared first against its weakest, so one pass over nc. */
    size_t keep = 0;
    uint32_t best[CRI_CLU_CANDIDATES];
    for (size_t i = 0; i < nc; i++) {
        uint32_t c = e->cand[i];
        if (keep == CRI_CLU_CANDIDATES && !cand_less(e, best[keep - 1], c)) continue;
        size_t j = keep < CRI_CLU_CANDIDATES ? keep++ : keep - 1;
        while (j > 0 && cand_less(e, best[j - 1], c)) {
            best[j] = best[j - 1];
            j--;
        }
        best[j] = c;
    }
    if (keep) memcpy(e->cand, best, keep * sizeof *best);
    return keep;
}

static void ties(const story *s, const cri_feat *v, size_t n, cri_clu_result *r) {
    r->n_ties = 0;
    cri_feat sh[CRI_CLU_TOPK];
    size_t k = 0, i = 0, j = 0;
    while (i < n && j < s->n_cen) {
        if (v[i].id < s->cen[j].id) i++;
        else if (v[i].id > s->cen[j].id) j++;
        else {
            sh[k].id = v[i].id;
            sh[k++].w = v[i].w * s->cen[j].w;
            i++;
            j++;
        }
    }
    sort_w_desc(sh, k);
    for (size_t x = 0; x < k && x < 8; x++) r->ties[r->n_ties++] = sh[x].id;
}

/* ---- adding -------------------------------------------------------------- */

/* Remember a member vector in the story's ring of recent members, grown on
 * demand (most stories hold one or two articles). */
static int mem_push(story *s, uint32_t doc, const cri_feat *v, size_t n, bool borrow) {
    if (s->n_mem < CRI_CLU_MEMBERS && s->mem_head == s->n_mem) {
        member *m = realloc(s->mem, (s->n_mem + 1) * sizeof *m);
        if (!m) return -1;
        s->mem = m;
        memset(&m[s->n_mem], 0, sizeof *m);
    }
    member *m = &s->mem[s->mem_head];
    if (m->owned) free((void *)m->v);
    m->owned = false;
    m->v = v;
    if (!borrow) {
        cri_feat *c = malloc((n ? n : 1) * sizeof *c);
        if (!c) {
            m->v = NULL;
            m->n = 0;
            return -1;
        }
        memcpy(c, v, n * sizeof *v);
        m->v = c;
        m->owned = true;
    }
    m->doc = doc;
    m->n = (uint8_t)n;
    s->mem_head = (s->mem_head + 1) % CRI_CLU_MEMBERS;
    if (s->n_mem < CRI_CLU_MEMBERS) s->n_mem++;
    return 0;
}

static int story_take(story *s, const cri_feat *v, size_t n, bool has_time, int64_t t,
                      uint32_t doc, bool keep_docs) {
    if (centroid_add(s, v, n, 1.0f)) return -1;
    if (mem_push(s, doc, v, n, keep_docs)) return -1;
    s->size++;
    if (has_time) {
        if (!s->has_time) {
            s->has_time = true;
            s->t_first = s->t_last = t;
        }
        if (t < s->t_first) s->t_first = t;
        if (t > s->t_last) s->t_last = t;
    }
    if (keep_docs) {
        uint32_t *d = CRI_PUSH(s->docs, s->n_docs, s->cap_docs);
        if (!d) return -1;
        *d = doc;
    }
    return 0;
}

static int new_story(cri_clu *e, uint32_t *slot_out) {
    uint32_t slot;
    if (e->n_free) slot = e->free_slots[--e->n_free];
    else {
        story *s = CRI_PUSH(e->st, e->n_st, e->cap_st);
        if (!s) return -1;
        slot = (uint32_t)(e->n_st - 1);
    }
    story *s = &e->st[slot];
    memset(s, 0, sizeof *s);
    s->num = e->next_num++;
    s->open = true;
    e->n_open++;
    *slot_out = slot;
    return 0;
}

int cri_clu_add(cri_clu *e, const cri_feat *v, size_t n, bool has_time, int64_t t, uint32_t doc,
                cri_clu_result *r) {
    memset(r, 0, sizeof *r);
    size_t nc = n ? candidates(e, v, n) : 0;
    double best = -1;
    uint32_t bslot = UINT32_MAX;
    for (size_t i = 0; i < nc; i++) {
        const story *s = &e->st[e->cand[i]];
        double sc = score_story(e, s, v, n, has_time, t, UINT32_MAX, NULL);
        if (sc < size_threshold(e, s->size + 1)) continue;
        if (sc > best || (sc == best && s->num < e->st[bslot].num)) {
            best = sc;
            bslot = e->cand[i];
        }
    }
    if (bslot == UINT32_MAX) {
        if (new_story(e, &bslot)) return -1;
        r->opened = true;
        best = 1.0;
    } else {
        ties(&e->st[bslot], v, n, r);
    }
    if (story_take(&e->st[bslot], v, n, has_time, t, doc, e->p.keep_members)) return -1;
    e->st[bslot].last_seq = ++e->seq;
    if (post_story(e, bslot)) return -1;
    if (r->opened) ties(&e->st[bslot], v, n, r);
    r->story = bslot;
    r->story_num = e->st[bslot].num;
    r->score = best;
    return 0;
}

/* ---- batch --------------------------------------------------------------- */

typedef struct bdoc {
    uint32_t off;      /* into vecs */
    uint8_t n;
    uint32_t story;    /* engine slot */
    uint32_t rank;     /* position in time order */
} bdoc;

typedef struct tkey {
    bool has_pub;
    int64_t t;
    const char *id;
    uint32_t index;
} tkey;

static int cmp_tkey(const void *a, const void *b) {
    const tkey *x = a, *y = b;
    if (x->has_pub != y->has_pub) return x->has_pub ? -1 : 1;
    if (x->has_pub && x->t != y->t) return x->t < y->t ? -1 : 1;
    int c = strcmp(x->id, y->id);
    if (c) return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static void member_forget(story *s, uint32_t doc) {
    uint32_t nm = s->n_mem < CRI_CLU_MEMBERS ? s->n_mem : CRI_CLU_MEMBERS;
    for (uint32_t i = 0; i < nm; i++)
        if (s->mem[i].doc == doc) {
            s->mem[i].doc = UINT32_MAX;
            s->mem[i].n = 0;
        }
}

static void docs_remove(story *s, uint32_t doc) {
    for (size_t i = 0; i < s->n_docs; i++)
        if (s->docs[i] == doc) {
            memmove(s->docs + i, s->docs + i + 1, (s->n_docs - i - 1) * sizeof *s->docs);
            s->n_docs--;
            return;
        }
}

static void close_story(cri_clu *e, uint32_t slot) {
    story *s = &e->st[slot];
    s->open = false;
    e->n_open--;
}

/* Refinement 1: move an article to another story that fits it clearly
 * better than its own story does without it. */
static int reassign(cri_clu *e, const cr_corpus *corpus, bdoc *bd, const cri_feat *vecs,
                    const uint32_t *order, size_t n) {
    int moved = 0;
    for (size_t r = 0; r < n; r++) {
        uint32_t d = order[r];
        const cri_feat *v = vecs + bd[d].off;
        size_t nv = bd[d].n;
        if (!nv) continue;
        uint32_t sslot = bd[d].story;
        story *S = &e->st[sslot];
        if (S->size < 2) continue;   /* singletons move only by merging */
        if (centroid_add(S, v, nv, -1.0f)) return -1;
        const cr_doc *doc = corpus->docs[d];
        double own = score_story(e, S, v, nv, doc->has_pub, doc->pub_epoch_min, d, NULL);
        size_t nc = candidates(e, v, nv);
        double best = own + MOVE_MARGIN;
        uint32_t bslot = UINT32_MAX;
        for (size_t i = 0; i < nc; i++) {
            if (e->cand[i] == sslot) continue;
            const story *T = &e->st[e->cand[i]];
            double sc = score_story(e, T, v, nv, doc->has_pub, doc->pub_epoch_min, UINT32_MAX, NULL);
            if (sc < size_threshold(e, T->size + 1) || sc <= best) continue;
            best = sc;
            bslot = e->cand[i];
        }
        if (bslot == UINT32_MAX) {
            if (centroid_add(S, v, nv, 1.0f)) return -1;
            continue;
        }
        member_forget(S, d);
        docs_remove(S, d);
        S->size--;
        if (story_take(&e->st[bslot], v, nv, doc->has_pub, doc->pub_epoch_min, d, true)) return -1;
        if (post_story(e, bslot)) return -1;
        bd[d].story = bslot;
        moved++;
    }
    return moved;
}

/* Average cosine over pairs of recent members of two stories. */
static double average_link(const story *a, const story *b) {
    double s = 0;
    size_t k = 0;
    uint32_t na = a->n_mem < CRI_CLU_MEMBERS ? a->n_mem : CRI_CLU_MEMBERS;
    uint32_t nb = b->n_mem < CRI_CLU_MEMBERS ? b->n_mem : CRI_CLU_MEMBERS;
    for (uint32_t i = 0; i < na; i++) {
        if (!a->mem[i].n) continue;
        for (uint32_t j = 0; j < nb; j++) {
            if (!b->mem[j].n) continue;
            s += dot(a->mem[i].v, a->mem[i].n, b->mem[j].v, b->mem[j].n);
            k++;
        }
    }
    return k ? s / (double)k : 0;
}

/* Refinement 2: merge two stories whose centroids are very close and whose
 * members agree on average (average-link), never through one bridge. */
static int merge_pass(cri_clu *e, bdoc *bd) {
    int merged = 0;
    for (size_t a = 0; a < e->n_st; a++) {
        story *A = &e->st[a];
        if (!A->open || !A->n_cen) continue;
        cri_feat q[CRI_CLU_CENTROID];
        memcpy(q, A->cen, A->n_cen * sizeof *q);
        qsort(q, A->n_cen, sizeof *q, by_w_desc);
        size_t nq = A->n_cen < CRI_CLU_TOPK ? A->n_cen : CRI_CLU_TOPK;
        for (size_t i = 0; i < nq; i++) q[i].w = (float)(q[i].w / A->cen_norm);
        qsort(q, nq, sizeof *q, by_id);
        size_t nc = candidates(e, q, nq);
        for (size_t i = 0; i < nc; i++) {
            uint32_t b = e->cand[i];
            if (b == a) continue;
            story *B = &e->st[b];
            if (B->num < A->num) continue;   /* each pair once, older absorbs */
            double c = dot(A->cen, A->n_cen, B->cen, B->n_cen) / (A->cen_norm * B->cen_norm);
            double tf = time_factor(e, A->has_time, A->t_first, A->t_last, B->has_time, B->t_first,
                                    B->t_last);
            if (A->has_time != B->has_time) tf = MERGE_UNDATED_FACTOR;
            if (tf < 0 || c * tf < MERGE_CENTROID) continue;
            if (tf * average_link(A, B) < MERGE_AVERAGE_LINK * size_threshold(e, A->size + B->size))
                continue;
            /* B into A */
            if (centroid_add(A, B->cen, B->n_cen, 1.0f)) return -1;
            for (size_t k = 0; k < B->n_docs; k++) {
                uint32_t *d = CRI_PUSH(A->docs, A->n_docs, A->cap_docs);
                if (!d) return -1;
                *d = B->docs[k];
                bd[B->docs[k]].story = (uint32_t)a;
            }
            uint32_t nm = B->n_mem < CRI_CLU_MEMBERS ? B->n_mem : CRI_CLU_MEMBERS;
            for (uint32_t k = 0; k < nm; k++) {
                if (!B->mem[k].n) continue;
                if (mem_push(A, B->mem[k].doc, B->mem[k].v, B->mem[k].n, !B->mem[k].owned)) return -1;
            }
            A->size += B->size;
            if (B->has_time) {
                if (!A->has_time) {
                    A->has_time = true;
                    A->t_first = B->t_first;
                    A->t_last = B->t_last;
                }
                if (B->t_first < A->t_first) A->t_first = B->t_first;
                if (B->t_last > A->t_last) A->t_last = B->t_last;
            }
            B->size = 0;
            B->n_docs = 0;
            close_story(e, b);
            if (post_story(e, (uint32_t)a)) return -1;
            merged++;
        }
    }
    return merged;
}

/* ---- story output: label and why ----------------------------------------- */

/* The most central sentence of a document (by centroid weight of its words),
 * among its first few, for a corpus without titles. */
static char *central_sentence(cr_ctx *ctx, cri_feat_scratch *fs, const cr_doc *d, const story *s) {
    size_t best_i = SIZE_MAX;
    double best = -1;
    size_t ns = d->n_sents < 6 ? d->n_sents : 6;
    for (size_t i = 0; i < ns; i++) {
        const cri_sentence *se = &d->sents[i];
        if (se->end - se->start < 20) continue;
        /* a fake doc with this one sentence */
        cr_doc one;
        memset(&one, 0, sizeof one);
        one.body = d->body;
        one.body_len = d->body_len;
        one.toks = d->toks + se->tok_first;
        one.n_toks = se->tok_end - se->tok_first;
        one.pool = d->pool;
        if (cri_feat_terms(ctx, fs, &one)) return NULL;
        double sc = 0;
        for (size_t k = 0; k < fs->n_terms; k++) {
            for (size_t j = 0; j < s->n_cen; j++)
                if (s->cen[j].id == fs->terms[k].id) {
                    sc += s->cen[j].w;
                    break;
                }
        }
        sc /= sqrt((double)(fs->n_terms + 4));
        if (sc > best) {
            best = sc;
            best_i = i;
        }
    }
    if (best_i == SIZE_MAX) best_i = 0;
    if (!d->n_sents) return NULL;
    const cri_sentence *se = &d->sents[best_i];
    size_t len = se->end - se->start;
    if (len > 200) {
        len = 200;
        while (len > 0 && ((unsigned char)d->body[se->start + len] & 0xC0) == 0x80) len--;
    }
    char *out = malloc(len + 4);
    if (!out) return NULL;
    memcpy(out, d->body + se->start, len);
    if (len < se->end - se->start) memcpy(out + len, "...", 4);
    else out[len] = 0;
    return out;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* A title worth showing as a label: words, not a time stamp or a date line
 * ("updated 8:41 p.m. EST, Tue March 3, 2009"). */
static bool headline_like(const char *t) {
    if (!t) return false;
    size_t letters = 0, digits = 0, words = 0;
    bool in = false;
    for (const char *p = t; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        bool al = cri_isalpha(ch) || ch >= 0x80;
        letters += al;
        digits += cri_isdigit(ch);
        if (al && !in) words++;
        in = al;
    }
    return words >= 3 && letters >= 4 * digits;
}

/* Fill one output story from engine story s. */
static cr_status make_story(cr_corpus *c, cri_feat_scratch *fs, const story *s, const bdoc *bd,
                            const cri_feat *vecs, cri_story *out) {
    cr_ctx *ctx = c->ctx;
    out->n_docs = s->n_docs;
    out->docs = malloc(s->n_docs * sizeof *out->docs);
    if (!out->docs) return CR_ERR_NOMEM;
    /* members in time order: sort (rank, doc) pairs */
    uint64_t *rk = malloc(s->n_docs * sizeof *rk);
    if (!rk) return CR_ERR_NOMEM;
    for (size_t i = 0; i < s->n_docs; i++) rk[i] = (uint64_t)bd[s->docs[i]].rank << 32 | s->docs[i];
    qsort(rk, s->n_docs, sizeof *rk, cmp_u64);
    size_t central = 0;
    double best = -1;
    for (size_t i = 0; i < s->n_docs; i++) {
        out->docs[i] = (uint32_t)rk[i];
        uint32_t d = (uint32_t)out->docs[i];
        double cs = s->cen_norm > 0 ? dot(vecs + bd[d].off, bd[d].n, s->cen, s->n_cen) / s->cen_norm : 0;
        if (cs > best + 1e-9) {
            best = cs;
            central = i;
        }
    }
    free(rk);
    /* label: the most central title, else the most central sentence */
    const cr_doc *cd = c->docs[out->docs[central]];
    const char *title = headline_like(cd->title) ? cd->title : NULL;
    if (!title) {
        double bt = -1;
        for (size_t i = 0; i < out->n_docs; i++) {
            const cr_doc *d = c->docs[out->docs[i]];
            if (!headline_like(d->title)) continue;
            uint32_t x = (uint32_t)out->docs[i];
            double cs = dot(vecs + bd[x].off, bd[x].n, s->cen, s->n_cen);
            if (cs > bt) {
                bt = cs;
                title = d->title;
            }
        }
    }
    out->label = title ? strdup(title) : central_sentence(ctx, fs, cd, s);
    /* why: centroid features present in most members, strongest first */
    cri_feat top[CRI_CLU_CENTROID];
    memcpy(top, s->cen, s->n_cen * sizeof *top);
    qsort(top, s->n_cen, sizeof *top, by_w_desc);
    size_t need = out->n_docs / 2 + 1;
    if (out->n_docs <= 2) need = out->n_docs;
    uint32_t ids[8];
    size_t nid = 0;
    for (size_t i = 0; i < s->n_cen && nid < 8 && i < 64; i++) {
        size_t have = 0;
        for (size_t k = 0; k < out->n_docs && have < need; k++) {
            uint32_t x = (uint32_t)out->docs[k];
            const cri_feat *v = vecs + bd[x].off;
            for (size_t j = 0; j < bd[x].n; j++)
                if (v[j].id == top[i].id) {
                    have++;
                    break;
                }
        }
        if (have >= need) ids[nid++] = top[i].id;
    }
    out->why = calloc(nid ? nid : 1, sizeof *out->why);
    if (!out->why) return CR_ERR_NOMEM;
    /* readable forms: from the central member, then the others */
    size_t found = 0;
    for (size_t k = 0; k < out->n_docs && k < 4 && found < nid; k++) {
        size_t m = k == 0 ? central : (k <= central ? k - 1 : k);
        if (m >= out->n_docs) continue;
        if (cri_feat_terms(ctx, fs, c->docs[out->docs[m]])) return CR_ERR_NOMEM;
        for (size_t i = 0; i < nid; i++) {
            if (out->why[i]) continue;
            const char *str = cri_feat_string(fs, ids[i]);
            if (!str) continue;
            out->why[i] = strdup(str);
            if (!out->why[i]) return CR_ERR_NOMEM;
            found++;
        }
    }
    /* keep order; drop unresolved ones, case variants and parts of names */
    bool keep[8];
    cri_why_tidy((const char *const *)out->why, nid, keep);
    size_t w = 0;
    for (size_t i = 0; i < nid; i++) {
        if (!keep[i]) {
            free(out->why[i]);
            continue;
        }
        out->why[w++] = out->why[i];
    }
    out->n_why = w;
    return CR_OK;
}

cr_status cr_corpus_cluster(cr_corpus *c, const cr_cluster_options *o) {
    if (!c) return CR_ERR_USAGE;
    cr_ctx *ctx = c->ctx;
    size_t n = c->n_docs;
    cri_clu_params p;
    cri_clu_params_default(&p, o);
    p.keep_members = true;
    /* Batch holds every article in memory anyway: the window that bounds
     * streaming memory need not cut a story that resumes after a quiet
     * spell; the time discount still applies. */
    if (p.window_min < BATCH_WINDOW_MIN) p.window_min = BATCH_WINDOW_MIN;
    cr_status st = CR_OK;
    cri_feat_scratch fs = {0};
    cri_u32map df = {0}, bg = {0};
    bdoc *bd = calloc(n ? n : 1, sizeof *bd);
    cri_feat *vecs = malloc((n ? n : 1) * CRI_CLU_TOPK * sizeof *vecs);
    tkey *keys = malloc((n ? n : 1) * sizeof *keys);
    uint32_t *order = malloc((n ? n : 1) * sizeof *order);
    cri_story *out = NULL;
    size_t n_out = 0;
    cri_clu *e = cri_clu_new(&p);
    if (!bd || !vecs || !keys || !order || !e || cri_u32map_init(&df, 4096) ||
        cri_feat_background(ctx, &bg))
        goto nomem;

    /* IDF over the whole corpus: pass 1 counts, pass 2 weighs. */
    for (size_t i = 0; i < n; i++) {
        if (cri_feat_terms(ctx, &fs, c->docs[i]) || cri_feat_count_df(&df, &fs)) goto nomem;
    }
    size_t used = 0;   /* vectors packed: short articles take less */
    for (size_t i = 0; i < n; i++) {
        if (cri_feat_terms(ctx, &fs, c->docs[i])) goto nomem;
        bd[i].off = (uint32_t)used;
        bd[i].n = (uint8_t)cri_feat_vector(&fs, &df, &bg, (double)n, n > 1 ? 2 : 1, vecs + used,
                                           CRI_CLU_TOPK);
        used += bd[i].n;
    }
    cri_u32map_free(&df);
    cri_feat *packed = realloc(vecs, (used ? used : 1) * sizeof *vecs);
    if (packed) vecs = packed;

    /* Time order, so the grouping does not depend on file order. */
    for (size_t i = 0; i < n; i++) {
        const cr_doc *d = c->docs[i];
        keys[i] = (tkey){d->has_pub, d->pub_epoch_min, d->id, (uint32_t)i};
    }
    qsort(keys, n, sizeof *keys, cmp_tkey);
    for (size_t i = 0; i < n; i++) {
        order[i] = keys[i].index;
        bd[order[i]].rank = (uint32_t)i;
    }
    for (size_t r = 0; r < n; r++) {
        uint32_t d = order[r];
        const cr_doc *doc = c->docs[d];
        cri_clu_result res;
        if (cri_clu_add(e, vecs + bd[d].off, bd[d].n, doc->has_pub, doc->pub_epoch_min, d, &res))
            goto nomem;
        bd[d].story = res.story;
    }
    if (reassign(e, c, bd, vecs, order, n) < 0) goto nomem;
    if (merge_pass(e, bd) < 0) goto nomem;

    /* Stories in order of their first article; ids s1, s2, ... */
    uint32_t *first = malloc((e->n_st ? e->n_st : 1) * sizeof *first);
    if (!first) goto nomem;
    for (size_t i = 0; i < e->n_st; i++) first[i] = UINT32_MAX;
    for (size_t r = 0; r < n; r++) {
        uint32_t s = bd[order[r]].story;
        if (first[s] == UINT32_MAX) first[s] = (uint32_t)r;
    }
    out = calloc(e->n_open ? e->n_open : 1, sizeof *out);
    if (!out) {
        free(first);
        goto nomem;
    }
    for (size_t r = 0; r < n; r++) {
        uint32_t s = bd[order[r]].story;
        if (first[s] != r) continue;
        cri_story *os = &out[n_out++];
        char idb[32];
        snprintf(idb, sizeof idb, "s%zu", n_out);
        os->id = strdup(idb);
        if (!os->id || make_story(c, &fs, &e->st[s], bd, vecs, os) != CR_OK) {
            free(first);
            goto nomem;
        }
    }
    free(first);
    cri_stories_free(c->stories, c->n_stories);
    c->stories = out;
    c->n_stories = n_out;
    c->clustered = true;
    out = NULL;
    goto cleanup;
nomem:
    st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
cleanup:
    cri_stories_free(out, n_out);
    cri_clu_free(e);
    cri_feat_scratch_free(&fs);
    cri_u32map_free(&df);
    cri_u32map_free(&bg);
    free(bd);
    free(vecs);
    free(keys);
    free(order);
    return st;
}

/* ---- accessors (declared with the other story accessors) ----------------- */

const char *cr_corpus_story_label(const cr_corpus *c, size_t i) {
    return c && i < c->n_stories ? c->stories[i].label : NULL;
}
size_t cr_corpus_story_why_count(const cr_corpus *c, size_t i) {
    return c && i < c->n_stories ? c->stories[i].n_why : 0;
}
const char *cr_corpus_story_why(const cr_corpus *c, size_t i, size_t k) {
    return c && i < c->n_stories && k < c->stories[i].n_why ? c->stories[i].why[k] : NULL;
}
