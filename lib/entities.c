/*
 * entities.c — cross-document entity resolution within one story.
 *
 * Runs after ner.c has put mentions on every document of the story; the
 * brief reads the result (entities.h).  Mentions become entities in four
 * steps, precision before recall:
 *
 *  1. Each mention's text is cut into name parts (folded, hyphens and
 *     periods out: "Kim Jong-un" = "Kim Jong Un", "U.S." = "US"); a person's
 *     leading titles ("Russian President", "Defense Minister", "Gen.") are
 *     stripped and kept as a role.  Mentions with the same parts share a
 *     record.  Roles also come from the text around a person's mention: a
 *     title phrase just before it ("North Korean leader Kim Jong Un") or an
 *     appositive after it ("Kim Geum Chol, president of the ...").
 *  2. Spelling: records of one type with the same number of parts, at least
 *     one part identical and every other part within a small edit distance
 *     are one entity — with more evidence (the same role) demanded as the
 *     difference grows.  Different given names of one family name (Kim Jong
 *     Un, Kim Il Sung) differ by whole parts and never merge; "North Korea"
 *     and "South Korea" differ by a whole part too.
 *  3. Aliases: an acronym the text defines ("... of Korea (DPRK)") or the
 *     initials of exactly one multi-word name in the story (KCNA).
 *  4. Short forms: a person's subset of name parts ("Putin") joins the one
 *     person whose full name contains it; when several do ("Kim") it stays
 *     apart.  Organizations and places never absorb people or each other by
 *     sharing words ("Kim Il Sung Military University" is not Kim Il Sung).
 *
 * Bounds: comparisons run only within buckets of records sharing a name part,
 * and a bucket larger than MAX_BUCKET is skipped, so the work stays near
 * linear in the number of mentions.
 */
#include "entities.h"

#include <stdio.h>
#include <stdlib.h>

const char *const cri_variant_kind_name[5] = {"canonical", "short", "spelling", "title", "alias"};

#define MAX_PARTS 12          /* longer "names" are not resolved            */
#define MAX_MENTION_BYTES 200
#define MAX_BUCKET 256        /* records sharing a part that are compared    */
#define MAX_ROLES 12          /* roles kept per entity                       */
#define MAX_ROLE_BYTES 120

/* Titles and offices stripped from the front of a person's name (folded,
 * periods removed).  A closed class of English words, not names. */
static const char *const title_words[] = {
    "president", "vice", "leader", "minister", "prime", "premier", "secretary", "deputy",
    "chairman", "chairwoman", "chair", "spokesperson", "spokesman", "spokeswoman",
    "director", "head", "chief", "commander", "gen", "general", "lt", "col", "colonel",
    "maj", "major", "capt", "captain", "sgt", "sergeant", "lieutenant", "adm", "admiral",
    "marshal", "ambassador", "envoy", "governor", "gov", "senator", "sen", "rep",
    "representative", "congressman", "congresswoman", "mayor", "king", "queen", "prince",
    "princess", "emperor", "pope", "sheikh", "sir", "lord", "lady", "dame", "mr", "mrs",
    "ms", "miss", "dr", "prof", "professor", "judge", "justice", "chancellor", "ceo",
    "founder", "official", "officer", "inspector", "supremo", "dictator", "editor",
    "correspondent", "reporter", "analyst", "coach", "manager", "foreign", "defense",
    "defence", "interior", "finance", "first", "supreme", "state", "lawmaker", "member",
    "adviser", "advisor", "attorney", "cardinal", "bishop", "rev", "father", "sister",
    "brother", "crown", "grand", "chairperson", "president-elect", NULL};

static bool in_list(const char *const *list, const char *w, size_t n) {
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0) return true;
    return false;
}
static bool is_title(const char *w, size_t n) { return in_list(title_words, w, n); }

/* Words left out of initials: "Democratic People's Republic of Korea" = DPRK */
static const char *const minor_words[] = {"of", "the", "and", "for", "de", "du", "la", "le",
                                          "del", "in", "on", "at", "to", "&", NULL};

/* ---- working structures ------------------------------------------------- */

typedef struct part { const char *s; uint16_t n; } part;

typedef struct rec {
    const char *key;           /* parts joined by ' ' (folded)              */
    const char *display;       /* first-seen core text                      */
    part parts[MAX_PARTS];
    int nparts;
    uint32_t votes[4];
    uint32_t count;
    int type;
    size_t *docs; size_t n_docs, cap_docs;
    int *roles; size_t n_roles, cap_roles;    /* indexes into role table */
    size_t first;              /* order of first mention in the story       */
    int parent;                /* union-find                                */
    uint8_t kind;              /* how it joined its entity (CRI_VAR_*)      */
    bool acronym;              /* written all in capitals, one part         */
    int defined_as;            /* record an "(ACR)" after it names, or -1   */
} rec;

typedef struct surf {          /* a distinct written form                  */
    const char *key;           /* folded full surface                        */
    const char *display;
    int rec;
    bool titled;
    size_t *docs; size_t n_docs, cap_docs;
    uint32_t count;
} surf;

typedef struct ment_ref { size_t doc; size_t m; int rec; int surf; } ment_ref;

typedef struct resolver {
    cr_ctx *ctx;
    cri_arena tmp;             /* strings of the records                    */
    cri_strmap rec_by_key, surf_by_key, role_by_key, part_index;
    rec *recs; size_t n_recs, cap_recs;
    surf *surfs; size_t n_surfs, cap_surfs;
    const char **roles; size_t n_roles, cap_roles;
    ment_ref *refs; size_t n_refs, cap_refs;
    cri_buf fold, scratch, wbuf, mark;
} resolver;

/* A document's mentions come together (body, then captions), so a
 * document already listed is the last one: O(1). */
static int push_doc(size_t **docs, size_t *n, size_t *cap, size_t doc) {
    if (*n && (*docs)[*n - 1] == doc) return 0;
    size_t *p = CRI_PUSH(*docs, *n, *cap);
    if (!p) return -1;
    *p = doc;
    return 0;
}

static int find(resolver *r, int i) {
    while (r->recs[i].parent != i) {
        r->recs[i].parent = r->recs[r->recs[i].parent].parent;
        i = r->recs[i].parent;
    }
    return i;
}

/* ---- name parts ---------------------------------------------------------- */

typedef struct rawpart { size_t start, end; const char *f; size_t fn; } rawpart;

/* Folded form of s[0,n) without periods and with typographic apostrophes
 * as ASCII; appended to r->fold, returns offset or -1. */
static long fold_part(resolver *r, cri_buf *to, const char *s, size_t n, size_t *out_n) {
    cri_buf_clear(&r->scratch);
    if (cri_fold(s, n, &r->scratch)) return -1;
    size_t off = to->len;
    for (size_t i = 0; i < r->scratch.len; i++)
        if (r->scratch.data[i] != '.' && cri_buf_putc(to, r->scratch.data[i])) return -1;
    *out_n = to->len - off;
    if (cri_buf_putc(to, 0)) return -1;
    return (long)off;
}

/* Split a mention into parts on spaces and hyphens. */
static int split_parts(resolver *r, const char *s, size_t n, rawpart *p, int max) {
    int k = 0;
    size_t i = 0;
    cri_buf_clear(&r->fold);
    while (i < n && k < max) {
        while (i < n && (cri_isspace((unsigned char)s[i]) || s[i] == '-')) i++;
        if (i >= n) break;
        size_t b = i;
        while (i < n && !cri_isspace((unsigned char)s[i]) && s[i] != '-') i++;
        size_t e = i;
        /* possessive at the end of the name */
        if (e - b > 2 && s[e - 2] == '\'' && (s[e - 1] == 's' || s[e - 1] == 'S')) e -= 2;
        else if (e - b > 4 && (unsigned char)s[e - 4] == 0xE2 && (unsigned char)s[e - 3] == 0x80 &&
                 (unsigned char)s[e - 2] == 0x99 && s[e - 1] == 's') e -= 4;
        else if (e - b > 3 && (unsigned char)s[e - 3] == 0xCA && (unsigned char)s[e - 2] == 0xBC &&
                 s[e - 1] == 's') e -= 3;
        size_t fn;
        long off = fold_part(r, &r->fold, s + b, e - b, &fn);
        if (off < 0) return -1;
        if (fn == 0) continue;
        p[k].start = b; p[k].end = e; p[k].f = (const char *)(intptr_t)off; p[k].fn = fn;
        k++;
    }
    if (i < n) {
        /* more than max parts: not a name we resolve */
        size_t j = i;
        while (j < n && (cri_isspace((unsigned char)s[j]) || s[j] == '-')) j++;
        if (j < n) return -2;
    }
    for (int q = 0; q < k; q++) p[q].f = r->fold.data + (intptr_t)p[q].f;
    return k;
}

static bool has_letter(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (cri_isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) return true;
    return false;
}

/* ---- roles ---------------------------------------------------------------- */

static int add_role(resolver *r, rec *rc, const char *s, size_t n) {
    while (n && (cri_isspace((unsigned char)s[n - 1]) || s[n - 1] == ',')) n--;
    while (n && cri_isspace((unsigned char)*s)) { s++; n--; }
    if (n < 2 || n > MAX_ROLE_BYTES) return 0;
    cri_buf_clear(&r->scratch);
    if (cri_fold(s, n, &r->scratch)) return -1;
    bool isnew;
    int64_t *v = cri_strmap_upsert(&r->role_by_key, r->scratch.data, r->scratch.len,
                                   (int64_t)r->n_roles, &isnew);
    if (!v) return -1;
    if (isnew) {
        const char **p = CRI_PUSH(r->roles, r->n_roles, r->cap_roles);
        char *copy = cri_arena_strndup(&r->tmp, s, n);
        if (!p || !copy) return -1;
        *p = copy;
    }
    int idx = (int)*v;
    for (size_t i = 0; i < rc->n_roles; i++) if (rc->roles[i] == idx) return 0;
    if (rc->n_roles >= MAX_ROLES) return 0;
    int *q = CRI_PUSH(rc->roles, rc->n_roles, rc->cap_roles);
    if (!q) return -1;
    *q = idx;
    return 0;
}

/* Words of text[a,b) as (start,end) pairs, at most max. */
static int words_back(const char *t, size_t from, size_t *ws, size_t *we, int max) {
    int k = 0;
    size_t i = from;
    while (k < max && i > 0) {
        size_t e = i;
        while (e > 0 && t[e - 1] == ' ') e--;
        if (e == 0) break;
        size_t b = e;
        while (b > 0 && !cri_isspace((unsigned char)t[b - 1]) && t[b - 1] != ',' && t[b - 1] != '('
               && t[b - 1] != '"' && t[b - 1] != ';' && t[b - 1] != ':') b--;
        if (b == e) break;
        unsigned char c0 = (unsigned char)t[b];
        if (!(cri_isalnum(c0) || (c0 >= 0xC3 && c0 != 0xE2))) break;   /* bullets, dashes */
        /* a word ending a sentence ends the phrase ("Tuesday. Indian ...") */
        if (t[e - 1] == '.' && e - b > 3 && !memchr(t + b, '.', e - b - 1)) break;
        ws[k] = b; we[k] = e; k++;
        if (b > 0 && t[b - 1] != ' ') break;   /* punctuation ends the phrase */
        i = b;
    }
    return k;
}

static bool word_is_title(resolver *r, const char *s, size_t n) {
    size_t fn;
    cri_buf_clear(&r->wbuf);
    long off = fold_part(r, &r->wbuf, s, n, &fn);
    return off >= 0 && is_title(r->wbuf.data + off, fn);
}

static bool is_capitalized(const char *s, size_t n) {
    return n && (cri_isupper((unsigned char)s[0]) || (unsigned char)s[0] >= 0xC3);
}

/* "North Korean leader Kim Jong Un", "Kim Geum Chol, president of the ..." */
static const char *const role_enders[] = {
    "said", "says", "told", "tells", "added", "warned", "announced", "stated", "noted",
    "explained", "wrote", "is", "was", "has", "had", "will", "would", "who", "which", NULL};

static const char *const not_modifiers[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "said", "says", NULL};

/* A capitalized word that may qualify a title: "Russian", "U.S.", "EU",
 * "South Korea's" — not "On", "The", "Monday". */
static bool is_modifier(resolver *r, const char *s, size_t n) {
    if (!is_capitalized(s, n)) return false;
    size_t fn;
    cri_buf_clear(&r->wbuf);
    long off = fold_part(r, &r->wbuf, s, n, &fn);
    if (off < 0) return false;
    const char *f = r->wbuf.data + off;
    if (fn > 2 && f[fn - 2] == '\'' && f[fn - 1] == 's') fn -= 2;
    return !cri_is_stopword(f, fn) && !in_list(not_modifiers, f, fn);
}

/* *title_start: where a title phrase written just before the name begins,
 * or SIZE_MAX. */
static int context_roles(resolver *r, rec *rc, const char *t, size_t tlen, size_t ms, size_t me,
                         size_t *title_start) {
    size_t ws[6], we[6];
    *title_start = SIZE_MAX;
    int k = words_back(t, ms, ws, we, 5);
    if (k > 0 && word_is_title(r, t + ws[0], we[0] - ws[0])) {
        int last = 0;
        for (int i = 1; i < k; i++) {
            if (word_is_title(r, t + ws[i], we[i] - ws[i]) || is_modifier(r, t + ws[i], we[i] - ws[i]))
                last = i;
            else break;
        }
        /* "leader Kim Jong Un" is a role, but a written title is capitalized */
        if (is_capitalized(t + ws[last], we[last] - ws[last])) *title_start = ws[last];
        if (add_role(r, rc, t + ws[last], we[0] - ws[last])) return -1;
    }
    /* appositive */
    size_t i = me;
    if (i + 2 < tlen && t[i] == ',' && t[i + 1] == ' ') {
        i += 2;
        size_t b = i;
        int mods = 0;
        for (;;) {
            size_t e = i;
            while (e < tlen && cri_isalpha((unsigned char)t[e])) e++;
            if (e == i) return 0;
            size_t n = e - i;
            if ((n == 3 && !memcmp(t + i, "the", 3)) || (n == 1 && t[i] == 'a')) {
                if (i == b) b = e + 1;
            } else if (word_is_title(r, t + i, n)) {
                break;
            } else if (is_capitalized(t + i, n) && mods < 2) {
                mods++;
            } else return 0;
            if (e >= tlen || t[e] != ' ') return 0;
            i = e + 1;
        }
        size_t e = b;
        while (e < tlen && e - b < MAX_ROLE_BYTES && t[e] != ',' && t[e] != ';' && t[e] != '('
               && t[e] != '\n' && t[e] != '"' && t[e] != ':' && !(t[e] == '.' && (e + 1 >= tlen || t[e + 1] == ' ' || t[e + 1] == '\n'))) {
            /* "EU Spokesperson for Foreign Affairs told Newsweek": the
             * sentence's verb ends the role */
            if (t[e] == ' ' && e > b) {
                size_t we2 = e + 1;
                while (we2 < tlen && cri_islower((unsigned char)t[we2])) we2++;
                if (we2 > e + 1 && in_list(role_enders, t + e + 1, we2 - e - 1)) break;
            }
            e++;
        }
        if (e - b >= MAX_ROLE_BYTES) return 0;
        if (add_role(r, rc, t + b, e - b)) return -1;
    }
    return 0;
}

/* ---- collecting mentions -------------------------------------------------- */

/* The start of a mention's text, NULL when its span is unusable; *src and
 * *srclen are the body or caption its offsets index. */
static const char *mention_text(const cr_doc *d, const cri_mention *m, const char **src, size_t *srclen) {
    const char *text;
    size_t tlen;
    if (m->caption < 0) { text = d->body; tlen = d->body_len; }
    else if ((size_t)m->caption < d->n_captions && d->captions[m->caption]) {
        text = d->captions[m->caption]; tlen = strlen(text);
    } else return NULL;
    if (!text || m->end > tlen || m->start >= m->end) return NULL;
    if (src) *src = text;
    if (srclen) *srclen = tlen;
    return text + m->start;
}

static cr_status add_mention(resolver *r, const cr_corpus *c, size_t di, size_t mi, size_t order) {
    const cr_doc *d = c->docs[di];
    cri_mention *m = &d->mentions[mi];
    m->entity = -1;
    const char *text;
    size_t tlen;
    const char *s = mention_text(d, m, &text, &tlen);
    if (!s) return CR_OK;
    size_t n = m->end - m->start;
    if (n > MAX_MENTION_BYTES || !has_letter(s, n)) return CR_OK;
    rawpart p[MAX_PARTS];
    int np = split_parts(r, s, n, p, MAX_PARTS);
    if (np == -1) return cri_fail(r->ctx, CR_ERR_NOMEM, "out of memory");
    if (np <= 0) return CR_OK;
    int type = m->type < 4 ? m->type : CRI_ENT_OTHER;
    /* "Russian President", "Secretary of State": an office, not a name */
    if (np <= 4 && is_title(p[np - 1].f, p[np - 1].fn)) return CR_OK;
    /* leading titles of a person; leading article of anything else */
    int k0 = 0;
    if (type == CRI_ENT_PERSON) {
        for (int i = np - 2; i >= 0; i--)
            if (is_title(p[i].f, p[i].fn)) { k0 = i + 1; break; }
    } else if (np > 1 && p[0].fn == 3 && !memcmp(p[0].f, "the", 3)) {
        k0 = 1;
    }
    /* key */
    cri_buf key = {0};
    for (int i = k0; i < np; i++) {
        if (i > k0) cri_buf_putc(&key, ' ');
        cri_buf_append(&key, p[i].f, p[i].fn);
    }
    if (!key.data) return cri_fail(r->ctx, CR_ERR_NOMEM, "out of memory");
    bool isnew;
    int64_t *v = cri_strmap_upsert(&r->rec_by_key, key.data, key.len, (int64_t)r->n_recs, &isnew);
    if (!v) { cri_buf_free(&key); return cri_fail(r->ctx, CR_ERR_NOMEM, "out of memory"); }
    if (isnew) {
        rec *rc = CRI_PUSH(r->recs, r->n_recs, r->cap_recs);
        if (!rc) { cri_buf_free(&key); return cri_fail(r->ctx, CR_ERR_NOMEM, "out of memory"); }
        rc->key = cri_strmap_key(&r->rec_by_key, key.data, key.len);
        size_t cs = p[k0].start, ce = p[np - 1].end;
        rc->display = cri_arena_strndup(&r->tmp, s + cs, ce - cs);
        rc->nparts = 0;
        /* parts point into the stored key */
        const char *kp = rc->key;
        for (int i = k0; i < np; i++) {
            rc->parts[rc->nparts].s = kp;
            rc->parts[rc->nparts].n = (uint16_t)p[i].fn;
            rc->nparts++;
            kp += p[i].fn + 1;
        }
        rc->first = order;
        rc->parent = (int)(rc - r->recs);
        rc->kind = CRI_VAR_CANONICAL;
        rc->defined_as = -1;
        bool caps = np - k0 == 1 && ce - cs >= 2;
        for (size_t i = cs; i < ce && caps; i++)
            if (cri_islower((unsigned char)s[i])) caps = false;
        rc->acronym = caps && p[np - 1].fn <= 8;
        if (!rc->display) { cri_buf_free(&key); return cri_fail(r->ctx, CR_ERR_NOMEM, "out of memory"); }
    }
    int ri = (int)*v;
    rec *rc = &r->recs[ri];
    rc->votes[type]++;
    rc->count++;
    if (push_doc(&rc->docs, &rc->n_docs, &rc->cap_docs, di)) goto oom;
    if (k0 > 0 && add_role(r, rc, s, p[k0 - 1].end)) goto oom;
    size_t title_at = SIZE_MAX;
    if (type == CRI_ENT_PERSON && context_roles(r, rc, text, tlen, m->start, m->end, &title_at)) goto oom;
    /* "Full Name (ACR)": the text defines an alias */
    if (m->end + 3 < tlen && text[m->end] == ' ' && text[m->end + 1] == '(') {
        size_t a = m->end + 2, b = a;
        while (b < tlen && b - a <= 10 && (cri_isupper((unsigned char)text[b]) || text[b] == '.')) b++;
        if (b < tlen && text[b] == ')' && b - a >= 2) {
            cri_buf_clear(&r->scratch);
            for (size_t q = a; q < b; q++)
                if (text[q] != '.') cri_buf_putc(&r->scratch, cri_tolower(text[q]));
            if (r->scratch.len >= 2) {
                /* remembered under a marker key in part_index: the acronym's
                 * own record may only come later */
                cri_buf_clear(&r->mark);
                cri_buf_putc(&r->mark, '\x02');
                cri_buf_append(&r->mark, r->scratch.data, r->scratch.len);
                if (!r->mark.data) goto oom;
                bool nn;
                int64_t *pv = cri_strmap_upsert(&r->part_index, r->mark.data, r->mark.len, ri, &nn);
                if (!pv) goto oom;
                if (!nn && *pv != ri) *pv = -2;   /* defined twice differently: ambiguous */
            }
        }
    }
    /* written form: folded, but hyphens and spacing as written; with the
     * title written before the name when there is one */
    size_t ws0 = p[0].start, we0 = p[np - 1].end;
    const char *wbase = s;
    bool titled = k0 > 0;
    if (title_at != SIZE_MAX && title_at < m->start && m->start - title_at <= MAX_ROLE_BYTES) {
        wbase = text; ws0 = title_at; we0 = m->start + p[np - 1].end; titled = true;
    }
    cri_buf_clear(&r->scratch);
    if (cri_fold(wbase + ws0, we0 - ws0, &r->scratch) || !r->scratch.data) goto oom;
    int64_t *sv = cri_strmap_upsert(&r->surf_by_key, r->scratch.data, r->scratch.len,
                                    (int64_t)r->n_surfs, &isnew);
    if (!sv) goto oom;
    if (isnew) {
        surf *sf = CRI_PUSH(r->surfs, r->n_surfs, r->cap_surfs);
        if (!sf) goto oom;
        sf->key = cri_strmap_key(&r->surf_by_key, r->scratch.data, r->scratch.len);
        sf->display = cri_arena_strndup(&r->tmp, wbase + ws0, we0 - ws0);
        sf->rec = ri;
        sf->titled = titled;
        if (!sf->display) goto oom;
    }
    surf *sf = &r->surfs[*sv];
    sf->count++;
    if (push_doc(&sf->docs, &sf->n_docs, &sf->cap_docs, di)) goto oom;
    ment_ref *mr = CRI_PUSH(r->refs, r->n_refs, r->cap_refs);
    if (!mr) goto oom;
    mr->doc = di; mr->m = mi; mr->rec = ri; mr->surf = (int)*sv;
    cri_buf_free(&key);
    return CR_OK;
oom:
    cri_buf_free(&key);
    return cri_fail(r->ctx, CR_ERR_NOMEM, "out of memory");
}

/* ---- similarity ------------------------------------------------------------ */

/* Optimal string alignment distance, capped at 3. */
static int osa(const char *a, int n, const char *b, int m) {
    if (n > 40 || m > 40) return 3;
    if (abs(n - m) > 2) return 3;
    int d[42][42];
    for (int i = 0; i <= n; i++) d[i][0] = i;
    for (int j = 0; j <= m; j++) d[0][j] = j;
    for (int i = 1; i <= n; i++)
        for (int j = 1; j <= m; j++) {
            int c = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + c < v) v = d[i - 1][j - 1] + c;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m] > 3 ? 3 : d[n][m];
}

static bool same_part(const part *a, const part *b) {
    return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

static bool roles_agree(const resolver *r, const rec *a, const rec *b) {
    for (size_t i = 0; i < a->n_roles; i++)
        for (size_t j = 0; j < b->n_roles; j++) {
            if (a->roles[i] == b->roles[j]) return true;
            /* same words but for "the"/"prestigious"-like modifiers: compare
             * the last four words, where the institution's name sits */
            const char *x = r->roles[a->roles[i]], *y = r->roles[b->roles[j]];
            size_t xn = strlen(x), yn = strlen(y);
            size_t xs = xn, ys = yn;
            int words = 0;
            while (xs > 0 && words < 4) { xs--; if (x[xs] == ' ') words++; }
            words = 0;
            while (ys > 0 && words < 4) { ys--; if (y[ys] == ' ') words++; }
            if (xn - xs >= 12 && xn - xs == yn - ys && !memcmp(x + xs, y + ys, xn - xs)) return true;
        }
    return false;
}

static bool cooccur(const rec *a, const rec *b) {
    for (size_t i = 0; i < a->n_docs; i++)
        for (size_t j = 0; j < b->n_docs; j++)
            if (a->docs[i] == b->docs[j]) return true;
    return false;
}

/* May records a and b (same type, same number of parts) be one name spelled
 * two ways? */
static bool spelling_match(const resolver *r, const rec *a, const rec *b) {
    if (a->nparts != b->nparts || a->type != b->type) return false;
    int exact = 0, diff = 0, far = 0;
    bool small_sub = false;
    for (int i = 0; i < a->nparts; i++) {
        const part *x = &a->parts[i], *y = &b->parts[i];
        if (same_part(x, y)) { exact++; continue; }
        int mn = x->n < y->n ? x->n : y->n;
        if (mn < 3 || x->s[0] != y->s[0]) return false;
        /* Korea / Korean, Iraq / Iraqi: a place and its people, not a typo */
        if (a->type != CRI_ENT_PERSON && !memcmp(x->s, y->s, (size_t)mn)) return false;
        int d = osa(x->s, x->n, y->s, y->n);
        if (d == 1) {
            diff++;
            /* a substituted letter in a short part (John/Joan) may be another name */
            if (x->n == y->n && mn < 5) small_sub = true;
        } else if (d == 2 && mn >= 4) { diff++; far++; }
        else return false;
    }
    if (diff == 0) return false;
    if (a->nparts == 1) {
        /* one word: only a long word with one letter off, never co-occurring */
        return a->parts[0].n >= 6 && far == 0 && !small_sub && !cooccur(a, b);
    }
    if (exact == 0) return false;
    if (diff == 1 && far == 0 && !small_sub) return true;
    /* bigger differences need the same role */
    return roles_agree(r, a, b);
}

static void set_union(resolver *r, int keep, int join, uint8_t kind) {
    int a = find(r, keep), b = find(r, join);
    if (a == b) return;
    r->recs[b].parent = a;
    if (r->recs[join].kind == CRI_VAR_CANONICAL) r->recs[join].kind = kind;
}

/* ---- resolution ------------------------------------------------------------ */

static bool compatible_alias(int ta, int tb) {
    if (ta == tb) return true;
    /* countries and organizations are tagged either way */
    return (ta == CRI_ENT_ORG || ta == CRI_ENT_PLACE || ta == CRI_ENT_OTHER) &&
           (tb == CRI_ENT_ORG || tb == CRI_ENT_PLACE || tb == CRI_ENT_OTHER);
}

static int initials(const rec *rc, char *out, int max) {
    int k = 0;
    for (int i = 0; i < rc->nparts; i++) {
        const part *p = &rc->parts[i];
        if (in_list(minor_words, p->s, p->n)) continue;
        if (!cri_isalpha((unsigned char)p->s[0]) || k >= max) return 0;
        out[k++] = p->s[0];
    }
    return k;
}

typedef struct ord { size_t i; uint32_t count; int nparts; size_t first; } ord;
static int cmp_full_first(const void *x, const void *y) {
    const ord *a = x, *b = y;
    if (a->nparts != b->nparts) return b->nparts - a->nparts;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

static cr_status merge(resolver *r) {
    size_t n = r->n_recs;
    for (size_t i = 0; i < n; i++) {
        rec *rc = &r->recs[i];
        int best = 0;
        for (int t = 1; t < 4; t++) if (rc->votes[t] > rc->votes[best]) best = t;
        rc->type = best;
    }
    ord *o = malloc((n ? n : 1) * sizeof *o);
    if (!o) return cri_fail(r->ctx, CR_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        o[i].i = i; o[i].count = r->recs[i].count; o[i].nparts = r->recs[i].nparts;
        o[i].first = r->recs[i].first;
    }
    qsort(o, n, sizeof *o, cmp_full_first);

    /* part -> records (bucketed by the part's text) */
    int **buckets = NULL; size_t *bn = NULL, nb = 0, cb = 0;
    cri_strmap bidx;
    if (cri_strmap_init(&bidx, n * 2 + 16, 7)) {
        free(o);
        return cri_fail(r->ctx, CR_ERR_NOMEM, "out of memory");
    }
    cr_status st = CR_OK;
    for (size_t oi = 0; oi < n && st == CR_OK; oi++) {
        rec *rc = &r->recs[o[oi].i];
        for (int k = 0; k < rc->nparts; k++) {
            bool isnew;
            int64_t *v = cri_strmap_upsert(&bidx, rc->parts[k].s, rc->parts[k].n, (int64_t)nb, &isnew);
            if (!v) { st = CR_ERR_NOMEM; break; }
            if (isnew) {
                if (nb == cb) {
                    cb = cb ? cb * 2 : 64;
                    int **nbk = realloc(buckets, cb * sizeof *buckets);
                    size_t *nbn = realloc(bn, cb * sizeof *bn);
                    if (nbk) buckets = nbk;
                    if (nbn) bn = nbn;
                    if (!nbk || !nbn) { st = CR_ERR_NOMEM; break; }
                }
                buckets[nb] = NULL; bn[nb] = 0; nb++;
            }
            size_t b = (size_t)*v;
            if (bn[b] && buckets[b][bn[b] - 1] == (int)o[oi].i) continue;
            if (bn[b] >= MAX_BUCKET + 1) continue;
            if ((bn[b] & (bn[b] - 1)) == 0) {
                int *nbk = realloc(buckets[b], (bn[b] ? bn[b] * 2 : 1) * sizeof **buckets);
                if (!nbk) { st = CR_ERR_NOMEM; break; }
                buckets[b] = nbk;
            }
            buckets[b][bn[b]++] = (int)o[oi].i;
        }
    }

    /* 1. spelling: compare records sharing a part, bigger and more frequent first */
    for (size_t oi = 0; oi < n && st == CR_OK; oi++) {
        int a = (int)o[oi].i;
        rec *ra = &r->recs[a];
        for (int k = 0; k < ra->nparts; k++) {
            int64_t *v = cri_strmap_get(&bidx, ra->parts[k].s, ra->parts[k].n);
            if (!v || bn[*v] > MAX_BUCKET) continue;
            for (size_t q = 0; q < bn[*v]; q++) {
                int b = buckets[*v][q];
                if (b == a) continue;
                rec *rb = &r->recs[b];
                /* b joins a when a comes first in the order */
                if (rb->count > ra->count || (rb->count == ra->count && rb->first < ra->first)) continue;
                if (find(r, a) == find(r, b)) continue;
                if (spelling_match(r, ra, rb)) set_union(r, a, b, CRI_VAR_SPELLING);
            }
        }
    }

    /* 2. aliases: acronyms defined in the text, then unique initials */
    cri_strmap inits;
    if (st == CR_OK && cri_strmap_init(&inits, n + 16, 11)) st = CR_ERR_NOMEM;
    if (st == CR_OK) {
        for (size_t i = 0; i < n; i++) {
            rec *rc = &r->recs[i];
            if (rc->nparts < 2 || rc->type == CRI_ENT_PERSON) continue;
            char ini[16];
            int k = initials(rc, ini, 15);
            if (k < 2) continue;
            bool isnew;
            int64_t *v = cri_strmap_upsert(&inits, ini, (size_t)k, (int64_t)i, &isnew);
            if (!v) { st = CR_ERR_NOMEM; break; }
            /* -1: these initials are already ambiguous (a third name has them) */
            if (!isnew && *v >= 0 && find(r, (int)*v) != find(r, (int)i)) *v = -1;
        }
        for (size_t i = 0; i < n && st == CR_OK; i++) {
            rec *rc = &r->recs[i];
            if (rc->nparts != 1 || rc->parts[0].n < 2) continue;
            cri_buf_clear(&r->scratch);
            cri_buf_puts(&r->scratch, "\x02");
            cri_buf_append(&r->scratch, rc->parts[0].s, rc->parts[0].n);
            int64_t *dv = cri_strmap_get(&r->part_index, r->scratch.data, r->scratch.len);
            int target = -1;
            if (dv && *dv >= 0) target = (int)*dv;
            else if (rc->acronym && rc->type != CRI_ENT_PERSON &&
                     (rc->parts[0].n >= 3 || strchr(rc->display, '.'))) {
                /* two capitals (ID, TV, PM) are too often not this name's
                 * initials; U.N. with its periods is */
                int64_t *iv = cri_strmap_get(&inits, rc->parts[0].s, rc->parts[0].n);
                if (iv && *iv >= 0) target = (int)*iv;
            }
            if (target < 0 || target == (int)i) continue;
            if (!compatible_alias(r->recs[target].type, rc->type)) continue;
            set_union(r, target, (int)i, CRI_VAR_ALIAS);
        }
        cri_strmap_free(&inits);
    }

    /* 3. short forms of people: the one person whose name holds every part */
    for (size_t oi = 0; oi < n && st == CR_OK; oi++) {
        int a = (int)o[oi].i;
        rec *ra = &r->recs[a];
        if (ra->type != CRI_ENT_PERSON || find(r, a) != a) continue;
        int rare = -1; size_t rare_n = SIZE_MAX;
        for (int k = 0; k < ra->nparts; k++) {
            int64_t *v = cri_strmap_get(&bidx, ra->parts[k].s, ra->parts[k].n);
            if (v && bn[*v] < rare_n) { rare_n = bn[*v]; rare = (int)*v; }
        }
        if (rare < 0 || rare_n > MAX_BUCKET) continue;
        int cand = -1;
        bool ambiguous = false;
        for (size_t q = 0; q < bn[rare] && !ambiguous; q++) {
            int b = buckets[rare][q];
            rec *rb = &r->recs[b];
            if (rb->nparts <= ra->nparts || rb->type != CRI_ENT_PERSON) continue;
            /* a two-part name is the full form when it is the more common one
             * ("Kim Jong Un" against a stray "Kim Jong Un smile") */
            if (ra->nparts >= 2 && rb->count < ra->count) continue;
            /* every part of a, in order, among b's parts */
            int j = 0;
            for (int k = 0; k < rb->nparts && j < ra->nparts; k++)
                if (same_part(&rb->parts[k], &ra->parts[j])) j++;
            if (j < ra->nparts) continue;
            int root = find(r, b);
            if (cand >= 0 && cand != root) ambiguous = true;
            cand = root;
        }
        if (cand >= 0 && !ambiguous) set_union(r, cand, a, CRI_VAR_SHORT);
    }

    for (size_t b = 0; b < nb; b++) free(buckets[b]);
    free(buckets); free(bn); free(o);
    cri_strmap_free(&bidx);
    if (st != CR_OK) return cri_fail(r->ctx, CR_ERR_NOMEM, "out of memory");
    return CR_OK;
}

/* ---- building the set -------------------------------------------------------- */

typedef struct eord { int root; size_t n_docs; uint32_t n_m; size_t first; } eord;
static int cmp_ent(const void *x, const void *y) {
    const eord *a = x, *b = y;
    if (a->n_docs != b->n_docs) return a->n_docs > b->n_docs ? -1 : 1;
    if (a->n_m != b->n_m) return a->n_m > b->n_m ? -1 : 1;
    return a->first < b->first ? -1 : a->first > b->first;
}

static int cmp_size(const void *x, const void *y) {
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

static size_t *merge_docs(cri_arena *ar, size_t *acc, size_t n, size_t *out_n) {
    qsort(acc, n, sizeof *acc, cmp_size);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) if (k == 0 || acc[k - 1] != acc[i]) acc[k++] = acc[i];
    size_t *d = cri_arena_alloc(ar, (k ? k : 1) * sizeof *d);
    if (d) memcpy(d, acc, k * sizeof *d);
    *out_n = k;
    return d;
}

static void resolver_free(resolver *r) {
    for (size_t i = 0; i < r->n_recs; i++) { free(r->recs[i].docs); free(r->recs[i].roles); }
    for (size_t i = 0; i < r->n_surfs; i++) free(r->surfs[i].docs);
    free(r->recs); free(r->surfs); free(r->roles); free(r->refs);
    cri_strmap_free(&r->rec_by_key); cri_strmap_free(&r->surf_by_key);
    cri_strmap_free(&r->role_by_key); cri_strmap_free(&r->part_index);
    cri_buf_free(&r->fold); cri_buf_free(&r->scratch);
    cri_buf_free(&r->wbuf); cri_buf_free(&r->mark);
    cri_arena_free(&r->tmp);
}

void cri_entity_set_free(struct cri_entity_set *e) {
    if (!e) return;
    cri_arena a = e->arena;   /* the set itself lives in its arena */
    cri_arena_free(&a);
}

static cr_status build(resolver *r, cr_corpus *c, cri_story *s, int32_t first_id) {
    cri_arena ar = {0};
    struct cri_entity_set *set = cri_arena_alloc(&ar, sizeof *set);
    size_t n = r->n_recs;
    int *group = malloc((n ? n : 1) * sizeof *group);      /* root -> group */
    int *members = malloc((n ? n : 1) * sizeof *members);
    size_t *gstart = calloc(n + 2, sizeof *gstart);
    size_t *fill = calloc(n + 1, sizeof *fill);
    eord *eo = malloc((n ? n : 1) * sizeof *eo);
    int *rank = malloc((n ? n : 1) * sizeof *rank);         /* group -> entity index */
    int *canon = malloc((n ? n : 1) * sizeof *canon);       /* entity -> record */
    size_t *acc = malloc((r->n_refs + n + 1) * sizeof *acc);
    if (!set || !group || !members || !gstart || !fill || !eo || !rank || !canon || !acc) goto oom;
    set->first_id = first_id;
    size_t ng = 0;
    for (size_t i = 0; i < n; i++) group[i] = -1;
    for (size_t i = 0; i < n; i++) {
        int root = find(r, (int)i);
        if (group[root] < 0) group[root] = (int)ng++;
    }
    for (size_t i = 0; i < n; i++) gstart[group[find(r, (int)i)] + 1]++;
    for (size_t g = 0; g < ng; g++) gstart[g + 1] += gstart[g];
    for (size_t i = 0; i < n; i++) {
        int g = group[find(r, (int)i)];
        members[gstart[g] + fill[g]++] = (int)i;
    }
    for (size_t g = 0; g < ng; g++) {
        size_t na = 0;
        eo[g].root = (int)g; eo[g].n_m = 0; eo[g].first = SIZE_MAX;
        for (size_t q = gstart[g]; q < gstart[g + 1]; q++) {
            rec *rc = &r->recs[members[q]];
            eo[g].n_m += rc->count;
            if (rc->first < eo[g].first) eo[g].first = rc->first;
            for (size_t d = 0; d < rc->n_docs; d++) acc[na++] = rc->docs[d];
        }
        qsort(acc, na, sizeof *acc, cmp_size);
        size_t u = 0;
        for (size_t i = 0; i < na; i++) if (!i || acc[i] != acc[i - 1]) u++;
        eo[g].n_docs = u;
    }
    qsort(eo, ng, sizeof *eo, cmp_ent);
    for (size_t k = 0; k < ng; k++) rank[eo[k].root] = (int)k;

    size_t ne = ng;
    set->ents = cri_arena_alloc(&ar, (ne ? ne : 1) * sizeof *set->ents);
    if (!set->ents) goto oom;
    set->n = ne;
    for (size_t k = 0; k < ne; k++) {
        size_t g = (size_t)eo[k].root;
        cri_entity *en = &set->ents[k];
        en->id = first_id + (int32_t)k;
        /* canonical: the most mentioned full form (not a short form or alias) */
        int cn = -1;
        uint32_t votes[4] = {0};
        for (size_t q = gstart[g]; q < gstart[g + 1]; q++) {
            rec *rc = &r->recs[members[q]];
            for (int t = 0; t < 4; t++) votes[t] += rc->votes[t];
            if (rc->kind != CRI_VAR_CANONICAL && rc->kind != CRI_VAR_SPELLING) continue;
            if (cn < 0) { cn = members[q]; continue; }
            rec *cb = &r->recs[cn];
            if (rc->count > cb->count || (rc->count == cb->count &&
                (rc->nparts > cb->nparts || (rc->nparts == cb->nparts && rc->first < cb->first))))
                cn = members[q];
        }
        if (cn < 0) cn = members[gstart[g]];
        canon[k] = cn;
        int ty = 0;
        for (int t = 1; t < 4; t++) if (votes[t] > votes[ty]) ty = t;
        en->type = (uint8_t)ty;
        en->name = cri_arena_strdup(&ar, r->recs[cn].display);
        size_t na = 0, nroles = 0;
        for (size_t q = gstart[g]; q < gstart[g + 1]; q++) {
            rec *rc = &r->recs[members[q]];
            for (size_t d = 0; d < rc->n_docs; d++) acc[na++] = rc->docs[d];
            en->n_mentions += rc->count;
            nroles += rc->n_roles;
        }
        en->docs = merge_docs(&ar, acc, na, &en->n_docs);
        const char **roles = cri_arena_alloc(&ar, (nroles ? nroles : 1) * sizeof *roles);
        if (!en->name || !en->docs || !roles) goto oom;
        /* the canonical form's roles first, then the others' */
        size_t nr = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t q = gstart[g]; q < gstart[g + 1]; q++) {
                if ((pass == 0) != (members[q] == cn)) continue;
                rec *rc = &r->recs[members[q]];
                for (size_t x = 0; x < rc->n_roles && nr < MAX_ROLES; x++) {
                    const char *role = r->roles[rc->roles[x]];
                    bool dup = false;
                    for (size_t y = 0; y < nr; y++) if (!strcmp(roles[y], role)) dup = true;
                    if (dup) continue;
                    if (!(roles[nr] = cri_arena_strdup(&ar, role))) goto oom;
                    nr++;
                }
            }
        en->roles = roles; en->n_roles = nr;
    }
    /* variants: written forms grouped by entity */
    memset(fill, 0, (n + 1) * sizeof *fill);
    for (size_t i = 0; i < r->n_surfs; i++) fill[rank[group[find(r, r->surfs[i].rec)]]]++;
    for (size_t k = 0; k < ne; k++) {
        cri_entity_variant *v = cri_arena_alloc(&ar, (fill[k] ? fill[k] : 1) * sizeof *v);
        if (!v) goto oom;
        set->ents[k].variants = v;
    }
    for (size_t i = 0; i < r->n_surfs; i++) {
        surf *sf = &r->surfs[i];
        size_t k = (size_t)rank[group[find(r, sf->rec)]];
        cri_entity *en = &set->ents[k];
        cri_entity_variant *v = (cri_entity_variant *)&en->variants[en->n_variants++];
        rec *rc = &r->recs[sf->rec];
        if (sf->titled) v->kind = CRI_VAR_TITLE;
        else if (sf->rec == canon[k]) v->kind = CRI_VAR_CANONICAL;
        else if (rc->kind == CRI_VAR_SHORT || rc->kind == CRI_VAR_ALIAS) v->kind = rc->kind;
        else v->kind = CRI_VAR_SPELLING;
        v->n_mentions = sf->count;
        v->text = cri_arena_strdup(&ar, sf->display);
        size_t *d = cri_arena_alloc(&ar, (sf->n_docs ? sf->n_docs : 1) * sizeof *d);
        if (!v->text || !d) goto oom;
        memcpy(d, sf->docs, sf->n_docs * sizeof *d);
        qsort(d, sf->n_docs, sizeof *d, cmp_size);
        v->docs = d; v->n_docs = sf->n_docs;
    }
    /* canonical first, then by mentions (stable) */
    for (size_t k = 0; k < ne; k++) {
        cri_entity_variant *v = (cri_entity_variant *)set->ents[k].variants;
        size_t m = set->ents[k].n_variants;
        for (size_t i = 1; i < m; i++) {
            cri_entity_variant x = v[i];
            size_t j = i;
            while (j > 0) {
                const cri_entity_variant *y = &v[j - 1];
                bool xc = x.kind == CRI_VAR_CANONICAL, yc = y->kind == CRI_VAR_CANONICAL;
                if (!((xc && !yc) || (xc == yc && x.n_mentions > y->n_mentions))) break;
                v[j] = v[j - 1];
                j--;
            }
            v[j] = x;
        }
    }
    for (size_t i = 0; i < r->n_refs; i++) {
        ment_ref *mr = &r->refs[i];
        c->docs[mr->doc]->mentions[mr->m].entity = first_id + rank[group[find(r, mr->rec)]];
    }
    free(group); free(members); free(gstart); free(fill); free(eo); free(rank); free(canon); free(acc);
    set->arena = ar;
    cri_entity_set_free(s->entities);
    s->entities = set;
    return CR_OK;
oom:
    free(group); free(members); free(gstart); free(fill); free(eo); free(rank); free(canon); free(acc);
    cri_arena_free(&ar);
    return cri_fail(r->ctx, CR_ERR_NOMEM, "out of memory");
}

/* One name, one type per story.  The tagger already gives a name one type
 * per document (the majority); across a story's documents the same written
 * name can still come out as a place in four articles and a person in the
 * fifth ("Pyongyang", sentence-initial in an unusual frame).  A mention is
 * retyped when the same text has another type at least twice as often and
 * at least twice in the story.  Counts are 15 bits per type in one value. */
#define VOTE_BITS 15
#define VOTE_MAX ((1 << VOTE_BITS) - 1)
static int vote_count(int64_t v, int t) { return (int)((v >> (VOTE_BITS * t)) & VOTE_MAX); }

static cr_status story_type_vote(cr_corpus *c, const cri_story *s) {
    cri_strmap votes;
    if (cri_strmap_init(&votes, 256, c->ctx->opt.seed)) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < s->n_docs; k++) {
            if (s->docs[k] >= c->n_docs) continue;
            cr_doc *d = c->docs[s->docs[k]];
            for (size_t mi = 0; mi < d->n_mentions; mi++) {
                cri_mention *m = &d->mentions[mi];
                const char *t = mention_text(d, m, NULL, NULL);
                size_t n = m->end - m->start;
                if (!t || n > MAX_MENTION_BYTES || m->type > CRI_ENT_OTHER) continue;
                if (pass == 0) {
                    int64_t *v = cri_strmap_upsert(&votes, t, n, 0, NULL);
                    if (!v) {
                        cri_strmap_free(&votes);
                        return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
                    }
                    if (vote_count(*v, m->type) < VOTE_MAX) *v += (int64_t)1 << (VOTE_BITS * m->type);
                    continue;
                }
                const int64_t *v = cri_strmap_get(&votes, t, n);
                if (!v) continue;
                int own = vote_count(*v, m->type), best = m->type;
                for (int ty = CRI_ENT_PERSON; ty <= CRI_ENT_OTHER; ty++)
                    if (vote_count(*v, ty) > vote_count(*v, best)) best = ty;
                int nb = vote_count(*v, best);
                if (best != m->type && nb >= 2 && nb >= 2 * own) m->type = (uint8_t)best;
            }
        }
    }
    cri_strmap_free(&votes);
    return CR_OK;
}

cr_status cri_entities_resolve(cr_corpus *c, cri_story *s) {
    cr_ctx *ctx = c->ctx;
    /* ids continue after every other story's entities */
    int32_t first_id = 0;
    for (size_t i = 0; i < c->n_stories; i++) {
        const struct cri_entity_set *e = c->stories[i].entities;
        if (e && &c->stories[i] != s && e->first_id + (int32_t)e->n > first_id)
            first_id = e->first_id + (int32_t)e->n;
    }
    resolver r;
    memset(&r, 0, sizeof r);
    r.ctx = ctx;
    uint64_t seed = ctx->opt.seed;
    if (cri_strmap_init(&r.rec_by_key, 256, seed) || cri_strmap_init(&r.surf_by_key, 256, seed) ||
        cri_strmap_init(&r.role_by_key, 64, seed) || cri_strmap_init(&r.part_index, 64, seed)) {
        resolver_free(&r);
        return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    }
    cr_status st = story_type_vote(c, s);
    size_t order = 0;
    for (size_t k = 0; k < s->n_docs && st == CR_OK; k++) {
        size_t di = s->docs[k];
        if (di >= c->n_docs) continue;
        cr_doc *d = c->docs[di];
        for (size_t mi = 0; mi < d->n_mentions && st == CR_OK; mi++)
            st = add_mention(&r, c, di, mi, order++);
    }
    if (st == CR_OK) st = merge(&r);
    if (st == CR_OK) st = build(&r, c, s, first_id);
    resolver_free(&r);
    return st;
}

/* ---- JSON ------------------------------------------------------------------------ */

static void id_json(cri_json *j, int32_t id) {
    char buf[24];
    snprintf(buf, sizeof buf, "e%ld", (long)id + 1);
    cri_json_str(j, buf);
}

static void docs_json(cri_json *j, const cr_corpus *c, const size_t *docs, size_t n) {
    cri_json_arr_begin(j);
    for (size_t i = 0; i < n; i++)
        if (docs[i] < c->n_docs) cri_json_str(j, c->docs[docs[i]]->id);
    cri_json_arr_end(j);
}

void cri_entities_json(cri_json *j, const cr_corpus *c, const cri_story *s) {
    const struct cri_entity_set *set = s->entities;
    if (!set) return;
    cri_json_key(j, "entities");
    cri_json_arr_begin(j);
    for (size_t k = 0; k < set->n; k++) {
        const cri_entity *e = &set->ents[k];
        cri_json_obj_begin(j);
        cri_json_key(j, "id");
        id_json(j, e->id);
        cri_json_kstr(j, "name", e->name);
        cri_json_kstr(j, "type", cri_ent_type_name[e->type < 4 ? e->type : CRI_ENT_OTHER]);
        cri_json_key(j, "documents");
        docs_json(j, c, e->docs, e->n_docs);
        cri_json_kint(j, "mentions", e->n_mentions);
        cri_json_key(j, "variants");
        cri_json_arr_begin(j);
        for (size_t v = 0; v < e->n_variants; v++) {
            cri_json_obj_begin(j);
            cri_json_kstr(j, "text", e->variants[v].text);
            cri_json_kstr(j, "kind", cri_variant_kind_name[e->variants[v].kind]);
            cri_json_key(j, "documents");
            docs_json(j, c, e->variants[v].docs, e->variants[v].n_docs);
            cri_json_obj_end(j);
        }
        cri_json_arr_end(j);
        cri_json_key(j, "roles");
        cri_json_arr_begin(j);
        for (size_t q = 0; q < e->n_roles; q++) cri_json_str(j, e->roles[q]);
        cri_json_arr_end(j);
        cri_json_obj_end(j);
    }
    cri_json_arr_end(j);
}
