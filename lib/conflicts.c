/*
 * conflicts.c — where the sources of a story disagree, typed and quoted.
 *
 * Runs in the brief after the facts are grouped.  Only sentences of one fact
 * are compared (two different events with different dates are two facts),
 * and precision comes first:
 *   date    two full days within a few days of each other, each stated
 *           outright (no "Monday", "yesterday": a weekday resolved a week
 *           off must not read as a conflict); a month against a day of it,
 *           periods and durations are never conflicts.
 *   number  the same head noun with values apart by more than the
 *           rounding of each ("4.8 million" covers 4.75-4.85 million) and
 *           the slack of its qualifier ("almost 5 million", "about",
 *           "more than"); not in sentences reporting someone's claim.
 *   name    one entity written two ways by different articles, where the
 *           forms are spelling variants (same parts, small edits): from the
 *           resolved entities, else from capitalized names within one fact.
 *   status  one side says arrived, the other left/departed, in one fact.
 * Every value keeps the sentences saying it, with their documents.
 */
#include "brief.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define DATE_CONFLICT_MAX_DAYS 3

int cri_brief_edit_distance(const char *a, size_t na, const char *b, size_t nb, int max) {
    if (na > 64 || nb > 64) return max + 1;
    int d0[66], d1[66], d2[66];
    int *pp = d0, *p = d1, *cur = d2;
    for (size_t j = 0; j <= nb; j++) p[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = (int)i;
        int rowmin = cur[0];
        for (size_t j = 1; j <= nb; j++) {
            int cost = cri_tolower(a[i - 1]) != cri_tolower(b[j - 1]);
            int v = p[j] + 1;
            if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
            if (p[j - 1] + cost < v) v = p[j - 1] + cost;
            if (i > 1 && j > 1 && cri_tolower(a[i - 1]) == cri_tolower(b[j - 2]) &&
                cri_tolower(a[i - 2]) == cri_tolower(b[j - 1]) && pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            cur[j] = v;
            if (v < rowmin) rowmin = v;
        }
        if (rowmin > max) return max + 1;
        int *t = pp;
        pp = p;
        p = cur;
        cur = t;
    }
    return p[nb];
}

/* Split a name into words (spaces and hyphens kept inside words). */
static size_t name_words(const char *s, size_t n, const char **w, size_t *wl, size_t max) {
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        while (i < n && (s[i] == ' ' || s[i] == ',')) i++;
        size_t st = i;
        while (i < n && s[i] != ' ' && s[i] != ',') i++;
        if (i > st) {
            w[k] = s + st;
            wl[k] = i - st;
            k++;
        }
    }
    return k;
}

/* Spelling conventions are not disagreements: British and American forms
 * (Centre/Center, Organisation/Organization, Defence/Defense), a plural or
 * a derived form (Election/Elections, Zealand/Zealander), accents
 * (Vendôme/Vendome).  Writes a normalized form of w into out. */
static size_t convention_form(const char *w, size_t n, char *out, size_t size) {
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < size; i++) {
        char ch = cri_tolower(w[i]);
        /* ise/ize, yse/yze, our/or, isation/ization, ence/ense */
        if (ch == 's' && i > 0 && (cri_tolower(w[i - 1]) == 'i' || cri_tolower(w[i - 1]) == 'y') && i + 1 < n &&
            cri_tolower(w[i + 1]) == 'e')
            ch = 'z';
        if (ch == 'u' && i > 0 && cri_tolower(w[i - 1]) == 'o' && i + 1 < n && cri_tolower(w[i + 1]) == 'r') continue;
        if (ch == 'c' && i + 1 < n && cri_tolower(w[i + 1]) == 'e' && i + 2 == n) ch = 's';
        if (ch == 'l' && k > 0 && out[k - 1] == 'l') continue;
        out[k++] = ch;
    }
    /* centre -> center, metre -> meter */
    if (k >= 3 && out[k - 2] == 'r' && out[k - 1] == 'e' && out[k - 3] != 'e') {
        out[k - 2] = 'e';
        out[k - 1] = 'r';
    }
    out[k] = 0;
    return k;
}

static bool ieq_n(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (cri_tolower(a[i]) != cri_tolower(b[i])) return false;
    return true;
}

static bool conventional_difference(const char *a, size_t na, const char *b, size_t nb) {
    for (size_t i = 0; i < na; i++)
        if ((unsigned char)a[i] >= 0x80) return true;   /* accents, curly apostrophes */
    for (size_t i = 0; i < nb; i++)
        if ((unsigned char)b[i] >= 0x80) return true;
    size_t m = na < nb ? na : nb;
    bool prefix = true;
    for (size_t i = 0; i < m && prefix; i++) prefix = cri_tolower(a[i]) == cri_tolower(b[i]);
    if (prefix) {
        /* Election/Elections, Zealand/Zealander: an inflection, not another
         * spelling (Rait/Raite is one) */
        static const char *const suffixes[] = {"s", "es", "er", "ers", "n", "an", "ian", "ese", "ish", "i", "ed", "ing"};
        const char *rest = na > nb ? a + m : b + m;
        size_t rl = (na > nb ? na : nb) - m;
        for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++)
            if (strlen(suffixes[k]) == rl && ieq_n(rest, suffixes[k], rl)) return true;
    }
    /* Pin-up / Pinup */
    {
        size_t i = 0, j = 0;
        while (i < na && j < nb) {
            if (a[i] == '-') { i++; continue; }
            if (b[j] == '-') { j++; continue; }
            if (cri_tolower(a[i]) != cri_tolower(b[j])) break;
            i++;
            j++;
        }
        while (i < na && a[i] == '-') i++;
        while (j < nb && b[j] == '-') j++;
        if (i == na && j == nb) return true;
    }
    char fa[80], fb[80];
    size_t la = convention_form(a, na < 70 ? na : 70, fa, sizeof fa), lb = convention_form(b, nb < 70 ? nb : 70, fb, sizeof fb);
    return la == lb && memcmp(fa, fb, la) == 0;
}

bool cri_brief_name_variant(const char *a, size_t na, const char *b, size_t nb) {
    const char *wa[8], *wb[8];
    size_t la[8], lb[8];
    size_t ka = name_words(a, na, wa, la, 8), kb = name_words(b, nb, wb, lb, 8);
    if (ka != kb || ka < 2 || ka > 6) return false;
    size_t same = 0, diff = 0;
    for (size_t i = 0; i < ka; i++) {
        /* a possessive is not part of the name */
        if (la[i] > 2 && wa[i][la[i] - 2] == '\'' && cri_tolower(wa[i][la[i] - 1]) == 's') la[i] -= 2;
        if (lb[i] > 2 && wb[i][lb[i] - 2] == '\'' && cri_tolower(wb[i][lb[i] - 1]) == 's') lb[i] -= 2;
        if (la[i] == lb[i] && cri_brief_edit_distance(wa[i], la[i], wb[i], lb[i], 0) == 0) {
            same++;
            continue;
        }
        if (conventional_difference(wa[i], la[i], wb[i], lb[i])) return false;
        /* a spelling variant keeps the initial and the rough length */
        if (cri_tolower(wa[i][0]) != cri_tolower(wb[i][0])) return false;
        size_t m = la[i] < lb[i] ? la[i] : lb[i];
        if (m < 3) return false;
        int maxd = m >= 5 ? 2 : (m >= 4 ? 2 : 1);
        if (cri_brief_edit_distance(wa[i], la[i], wb[i], lb[i], maxd) > maxd) return false;
        diff++;
    }
    return same >= 1 && diff >= 1 && diff <= 2;
}

/* ---- helpers --------------------------------------------------------------- */

static int64_t day_number(const char *v) {
    int y = 0, m = 0, d = 0;
    for (int i = 0; i < 4; i++) y = y * 10 + (v[i] - '0');
    m = (v[5] - '0') * 10 + (v[6] - '0');
    d = (v[8] - '0') * 10 + (v[9] - '0');
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool is_day(const char *v) {
    if (!v || strlen(v) != 10) return false;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (v[i] != '-') return false;
        } else if (!cri_isdigit((unsigned char)v[i])) return false;
    }
    return true;
}

/* A date said outright, not relative to the day of writing. */
static bool date_is_explicit(const cr_doc *d, const cri_timex *t) {
    static const char *const deictic[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                          "saturday", "sunday", "yesterday", "today", "tomorrow",
                                          "tonight", "ago", "last", "next", "this", "earlier", "later"};
    if (t->end > d->body_len || t->end <= t->start) return false;
    const char *p = d->body + t->start;
    size_t n = t->end - t->start;
    for (size_t i = 0; i < n;) {
        while (i < n && !cri_isalpha((unsigned char)p[i])) i++;
        size_t st = i;
        while (i < n && cri_isalpha((unsigned char)p[i])) i++;
        for (size_t k = 0; k < sizeof deictic / sizeof *deictic; k++) {
            size_t l = strlen(deictic[k]);
            if (i - st == l) {
                bool eq = true;
                for (size_t q = 0; q < l && eq; q++) eq = cri_tolower(p[st + q]) == deictic[k][q];
                if (eq) return false;
            }
        }
    }
    return true;
}

static cri_bconflict *new_conflict(cri_brief *b, const char *kind, int32_t fact) {
    if (b->n_conflicts >= CRI_BRIEF_MAX_CONFLICTS) return NULL;
    cri_bconflict *cf = CRI_PUSH(b->conflicts, b->n_conflicts, b->cap_conflicts);
    if (!cf) return NULL;
    cf->kind = kind;
    cf->fact = fact;
    return cf;
}

static cri_bvalue *add_value(cri_brief *b, cri_bconflict *cf, const char *value, const uint32_t *units,
                             size_t n) {
    cri_bvalue *nv = cri_arena_alloc(&b->arena, (cf->n_values + 1) * sizeof *nv);
    if (!nv) return NULL;
    if (cf->n_values) memcpy(nv, cf->values, cf->n_values * sizeof *nv);
    cf->values = nv;
    cri_bvalue *v = &nv[cf->n_values++];
    v->value = cri_arena_strdup(&b->arena, value);
    v->units = cri_arena_alloc(&b->arena, (n ? n : 1) * sizeof *v->units);
    if (!v->value || !v->units) return NULL;
    memcpy(v->units, units, n * sizeof *units);
    v->n_units = n;
    return v;
}

/* A short label for a fact: the first words of its representative. */
static char *fact_about(cr_corpus *c, cri_brief *b, int32_t f) {
    if (f < 0) return NULL;
    size_t len;
    const char *t = cri_bunit_text(c, &b->units[b->facts[f].rep], &len);
    size_t i = 0, words = 0;
    while (i < len && words < 12) {
        while (i < len && t[i] == ' ') i++;
        while (i < len && t[i] != ' ') i++;
        words++;
    }
    while (i > 0 && i < len && ((unsigned char)t[i] & 0xC0) == 0x80) i--;
    if (i < len) return cri_brief_printf(b, "%.*s…", (int)i, t);
    return cri_brief_printf(b, "%.*s", (int)i, t);
}

typedef struct item { const char *value; uint32_t unit; uint32_t sdoc; double num; uint32_t start, end; } item;

static int cmp_item(const void *p, const void *q) {
    const item *a = p, *b = q;
    int c = strcmp(a->value, b->value);
    if (c) return c;
    return a->unit < b->unit ? -1 : a->unit > b->unit;
}

/* Values -> conflict when at least two values each have an article the
 * other lacks.  items sorted by value. */
static int emit(cr_corpus *c, cri_brief *b, const char *kind, int32_t f, item *it, size_t n,
                const char *about) {
    size_t nvals = 0;
    for (size_t i = 0; i < n; i++)
        if (!i || strcmp(it[i].value, it[i - 1].value)) nvals++;
    if (nvals < 2) return 0;
    cri_bconflict *cf = new_conflict(b, kind, f);
    if (!cf) return b->n_conflicts >= CRI_BRIEF_MAX_CONFLICTS ? 0 : -1;
    cf->about = about ? cri_arena_strdup(&b->arena, about) : fact_about(c, b, f);
    uint32_t units[64];
    size_t i = 0;
    while (i < n) {
        size_t k = 0, j = i;
        for (; j < n && strcmp(it[j].value, it[i].value) == 0; j++)
            if (k < 64) units[k++] = it[j].unit;
        if (!add_value(b, cf, it[i].value, units, k)) return -1;
        i = j;
    }
    return 0;
}

/* Do the two values' article sets each have an article the other lacks? */
static bool sides_differ(const item *it, size_t a0, size_t a1, size_t b0, size_t b1) {
    bool a_only = false, b_only = false;
    for (size_t i = a0; i < a1 && !a_only; i++) {
        bool in_b = false;
        for (size_t j = b0; j < b1 && !in_b; j++) in_b = it[j].sdoc == it[i].sdoc;
        if (!in_b) a_only = true;
    }
    for (size_t j = b0; j < b1 && !b_only; j++) {
        bool in_a = false;
        for (size_t i = a0; i < a1 && !in_a; i++) in_a = it[j].sdoc == it[i].sdoc;
        if (!in_a) b_only = true;
    }
    return a_only && b_only;
}

/* Sort items by value and find where the second value starts; 0 when every
 * item says the same or both sides rest on the same documents (no conflict). */
static size_t split_sides(item *it, size_t n) {
    if (n < 2) return 0;
    qsort(it, n, sizeof *it, cmp_item);
    if (strcmp(it[0].value, it[n - 1].value) == 0) return 0;
    size_t a1 = 0;
    while (a1 < n && strcmp(it[a1].value, it[0].value) == 0) a1++;
    if (!sides_differ(it, 0, a1, a1, n)) return 0;
    return a1;
}

/* Content stems within four words of a span (a figure, a date), its own
 * words excluded. */
static size_t context_stems(cr_corpus *c, cri_brief *b, uint32_t unit, uint32_t qstart, uint32_t qend,
                            const char **out, size_t *lens, size_t max) {
    const cri_bunit *u = &b->units[unit];
    const cr_doc *d = c->docs[u->doc];
    const cri_sentence *s = &d->sents[u->sent];
    uint32_t te = s->tok_end < d->n_toks ? s->tok_end : (uint32_t)d->n_toks;
    size_t k = 0;
    int32_t first = -1, last = -1;
    for (uint32_t t = s->tok_first; t < te; t++) {
        if (d->toks[t].end > qstart && first < 0) first = (int32_t)t;
        if (d->toks[t].start < qend) last = (int32_t)t;
    }
    if (first < 0) return 0;
    for (int32_t t = first - 4; t <= last + 4 && k < max; t++) {
        if (t < (int32_t)s->tok_first || t >= (int32_t)te || (t >= first && t <= last)) continue;
        const cri_token *tk = &d->toks[t];
        if (tk->flags & (CRI_TOK_STOP | CRI_TOK_PUNCT) || tk->stem_len < 3) continue;
        out[k] = cri_tok_stem(d, tk);
        lens[k] = tk->stem_len;
        k++;
    }
    return k;
}

static bool same_context_span(cr_corpus *c, cri_brief *b, uint32_t ua, uint32_t sa0, uint32_t sa1, uint32_t ub,
                              uint32_t sb0, uint32_t sb1) {
    const char *sa[10], *sb[10];
    size_t la[10], lb[10];
    size_t na = context_stems(c, b, ua, sa0, sa1, sa, la, 10), nb = context_stems(c, b, ub, sb0, sb1, sb, lb, 10);
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (la[i] == lb[j] && memcmp(sa[i], sb[j], la[i]) == 0) return true;
    return false;
}

static bool same_context(cr_corpus *c, cri_brief *b, uint32_t ua, const cri_quantity *qa, uint32_t ub,
                         const cri_quantity *qb) {
    return same_context_span(c, b, ua, qa->start, qa->end, ub, qb->start, qb->end);
}

/* The nearest content word before (dir -1) or after (dir +1) a span,
 * within three words; its stem, or NULL. */
static const char *nearest_stem(cr_corpus *c, cri_brief *b, uint32_t unit, uint32_t start, uint32_t end, int dir,
                                size_t *len) {
    const cri_bunit *u = &b->units[unit];
    const cr_doc *d = c->docs[u->doc];
    const cri_sentence *s = &d->sents[u->sent];
    uint32_t te = s->tok_end < d->n_toks ? s->tok_end : (uint32_t)d->n_toks;
    int32_t first = -1, last = -1;
    for (uint32_t t = s->tok_first; t < te; t++) {
        if (d->toks[t].end > start && first < 0) first = (int32_t)t;
        if (d->toks[t].start < end) last = (int32_t)t;
    }
    if (first < 0) return NULL;
    int32_t t = dir < 0 ? first - 1 : last + 1;
    for (int k = 0; k < 3 && t >= (int32_t)s->tok_first && t < (int32_t)te; k++, t += dir) {
        const cri_token *tk = &d->toks[t];
        if (tk->flags & (CRI_TOK_STOP | CRI_TOK_PUNCT) || tk->stem_len < 3) continue;
        *len = tk->stem_len;
        return cri_tok_stem(d, tk);
    }
    return NULL;
}

/* Two sentences telling one event: nearly the same words, and the same
 * word right before or right after the value they disagree on ("died on
 * Friday" / "died Thursday"; not "tweaked his knee last Thursday" /
 * "announced Wednesday"). */
static bool same_telling(cr_corpus *c, cri_brief *b, const item *x, const item *y) {
    if (cri_facts_sim(b, x->unit, y->unit) < 0.25) return false;
    for (int dir = -1; dir <= 1; dir += 2) {
        size_t lx = 0, ly = 0;
        const char *sx = nearest_stem(c, b, x->unit, x->start, x->end, dir, &lx);
        const char *sy = nearest_stem(c, b, y->unit, y->start, y->end, dir, &ly);
        if (sx && sy && lx == ly && memcmp(sx, sy, lx) == 0) return true;
    }
    return false;
}

/* ---- dates ------------------------------------------------------------------ */

static int date_conflicts(cr_corpus *c, cri_brief *b, int32_t f, item *it, size_t cap) {
    const cri_bfact *F = &b->facts[f];
    size_t n = 0;
    for (size_t k = 0; k < F->n_units && n < cap; k++) {
        const cri_bunit *u = &b->units[F->units[k]];
        const cr_doc *d = c->docs[u->doc];
        const cri_sentence *s = &d->sents[u->sent];
        const char *only = NULL;
        bool ambiguous = false;
        for (size_t m = u->d0; m < u->d1; m++) {
            const cri_timex *t = &d->dates[m];
            if (t->start < s->start || t->end > s->end || t->type != 0 || !is_day(t->value)) continue;
            if (!date_is_explicit(d, t)) { ambiguous = true; break; }
            if (only && strcmp(only, t->value) != 0) { ambiguous = true; break; }
            only = t->value;
        }
        if (!only || ambiguous) continue;
        it[n].value = only;
        it[n].unit = F->units[k];
        it[n].sdoc = u->sdoc;
        n++;
    }
    if (n < 2) return 0;
    qsort(it, n, sizeof *it, cmp_item);
    if (strcmp(it[0].value, it[n - 1].value) == 0) return 0;
    int64_t lo = day_number(it[0].value), hi = day_number(it[n - 1].value);
    if (hi - lo > DATE_CONFLICT_MAX_DAYS) return 0;  /* different events, not a disagreement */
    /* at least two values each with an article of its own */
    size_t a1 = 0;
    while (a1 < n && strcmp(it[a1].value, it[0].value) == 0) a1++;
    if (!sides_differ(it, 0, a1, a1, n)) return 0;
    return emit(c, b, "date", f, it, n, NULL);
}

/* Keep only the sentences that tell the event the same way as a sentence
 * of another article giving another value; emit when two values remain.
 * it[] is sorted by value. */
static int emit_told_alike(cr_corpus *c, cri_brief *b, const char *kind, int32_t f, item *it, size_t n) {
    bool keep[256] = {false};
    if (n > 256) n = 256;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            if (it[i].sdoc == it[j].sdoc || strcmp(it[i].value, it[j].value) == 0) continue;
            if (!same_telling(c, b, &it[i], &it[j])) continue;
            keep[i] = keep[j] = true;
        }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (keep[i]) it[k++] = it[i];
    if (k < 2) return 0;
    return emit(c, b, kind, f, it, k, NULL);
}

/* Weekday named by a date expression (0 Monday .. 6 Sunday), or -1. */
static int weekday_of(const cr_doc *d, const cri_timex *t) {
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    if (t->end > d->body_len || t->end <= t->start) return -1;
    const char *p = d->body + t->start;
    size_t n = t->end - t->start;
    int found = -1;
    for (size_t i = 0; i < n;) {
        while (i < n && !cri_isalpha((unsigned char)p[i])) i++;
        size_t st = i;
        while (i < n && cri_isalpha((unsigned char)p[i])) i++;
        for (int k = 0; k < 7; k++) {
            size_t l = strlen(days[k]);
            if (i - st != l) continue;
            bool eq = true;
            for (size_t q = 0; q < l && eq; q++) eq = cri_tolower(p[st + q]) == days[k][q];
            if (eq) {
                if (found >= 0 && found != k) return -1;
                found = k;
            }
        }
    }
    return found;
}

/* The same event put on two different weekdays ("died on Friday" /
 * "died Thursday"): weekday names do not depend on when each article was
 * written, so unlike "yesterday" they can be compared as they stand. */
static int weekday_conflicts(cr_corpus *c, cri_brief *b, int32_t f, item *it, size_t cap) {
    static const char *const names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    const cri_bfact *F = &b->facts[f];
    size_t n = 0;
    for (size_t k = 0; k < F->n_units && n < cap; k++) {
        const cri_bunit *u = &b->units[F->units[k]];
        if (u->flags & (CRI_BU_QUOTE | CRI_BU_CLAIM)) continue;
        const cr_doc *d = c->docs[u->doc];
        const cri_sentence *s = &d->sents[u->sent];
        int wd = -1;
        bool ambiguous = false;
        uint32_t ts = 0, tend = 0;
        for (size_t m = u->d0; m < u->d1; m++) {
            const cri_timex *t = &d->dates[m];
            if (t->start < s->start || t->end > s->end || t->type != 0) continue;
            int w = weekday_of(d, t);
            if (w < 0) continue;
            /* "Friday, September 20": the full date speaks for itself */
            bool digits = false;
            for (uint32_t q = t->start; q < t->end && !digits; q++) digits = cri_isdigit((unsigned char)d->body[q]);
            if (digits) continue;
            if (wd >= 0 && wd != w) ambiguous = true;
            wd = w;
            ts = t->start;
            tend = t->end;
        }
        if (wd < 0 || ambiguous) continue;
        it[n].start = ts;
        it[n].end = tend;
        it[n].value = names[wd];
        it[n].unit = F->units[k];
        it[n].sdoc = u->sdoc;
        n++;
    }
    size_t a1 = split_sides(it, n);
    if (!a1) return 0;
    /* only two weekdays, one or two days apart: a wider spread is more
     * likely two events told in one group */
    size_t nv = 0;
    int w0 = -1, w1 = -1;
    for (size_t i = 0; i < n; i++)
        if (!i || strcmp(it[i].value, it[i - 1].value)) {
            nv++;
            for (int k = 0; k < 7; k++)
                if (strcmp(names[k], it[i].value) == 0) *(w0 < 0 ? &w0 : &w1) = k;
        }
    if (nv != 2 || w0 < 0 || w1 < 0) return 0;
    int gap = w0 > w1 ? w0 - w1 : w1 - w0;
    if (gap > 2 && gap < 5) return 0;
    return emit_told_alike(c, b, "date", f, it, n);
}

/* Clock times of one event ("at 9:25 a.m." / "at 10:40 a.m."), stated
 * outright, more than 20 minutes apart and less than 10 hours. */
static int clock_minutes(const char *v) {
    const char *t = v ? strchr(v, 'T') : NULL;
    if (!t || !cri_isdigit((unsigned char)t[1]) || !cri_isdigit((unsigned char)t[2]) || t[3] != ':' ||
        !cri_isdigit((unsigned char)t[4]) || !cri_isdigit((unsigned char)t[5]))
        return -1;
    return ((t[1] - '0') * 10 + (t[2] - '0')) * 60 + (t[4] - '0') * 10 + (t[5] - '0');
}

static int time_conflicts(cr_corpus *c, cri_brief *b, int32_t f, item *it, size_t cap) {
    const cri_bfact *F = &b->facts[f];
    size_t n = 0;
    for (size_t k = 0; k < F->n_units && n < cap; k++) {
        const cri_bunit *u = &b->units[F->units[k]];
        if (u->flags & (CRI_BU_QUOTE | CRI_BU_CLAIM)) continue;
        const cr_doc *d = c->docs[u->doc];
        const cri_sentence *s = &d->sents[u->sent];
        const char *only = NULL;
        bool ambiguous = false;
        uint32_t ts = 0, tend = 0;
        for (size_t m = u->d0; m < u->d1; m++) {
            const cri_timex *t = &d->dates[m];
            if (t->start < s->start || t->end > s->end || t->type != 1 || clock_minutes(t->value) < 0) continue;
            if (only && strcmp(only, t->value) != 0) ambiguous = true;
            only = t->value;
            ts = t->start;
            tend = t->end;
        }
        if (!only || ambiguous) continue;
        it[n].start = ts;
        it[n].end = tend;
        it[n].value = only;
        it[n].unit = F->units[k];
        it[n].sdoc = u->sdoc;
        n++;
    }
    if (n < 2) return 0;
    qsort(it, n, sizeof *it, cmp_item);
    int lo = 24 * 60, hi = -1;
    for (size_t i = 0; i < n; i++) {
        int m = clock_minutes(it[i].value);
        if (m < lo) lo = m;
        if (m > hi) hi = m;
    }
    if (hi - lo <= 20 || hi - lo >= 600) return 0;
    size_t a1 = 0;
    while (a1 < n && clock_minutes(it[a1].value) == clock_minutes(it[0].value)) a1++;
    if (a1 == n || !sides_differ(it, 0, a1, a1, n)) return 0;
    return emit_told_alike(c, b, "time", f, it, n);
}

/* ---- numbers ------------------------------------------------------------------ */

static double significant_half_unit(double v) {
    v = fabs(v);
    if (v == 0) return 0.5;
    char buf[64];
    snprintf(buf, sizeof buf, "%.6e", v);
    /* mantissa digits without trailing zeros */
    int digits = 0, last_nz = 0;
    for (const char *p = buf; *p && *p != 'e'; p++) {
        if (cri_isdigit((unsigned char)*p)) {
            digits++;
            if (*p != '0') last_nz = digits;
        }
    }
    int ex = atoi(strchr(buf, 'e') + 1);
    int sig = last_nz ? last_nz : 1;
    return 0.5 * pow(10.0, ex - sig + 1);
}

static double qualifier_slack(const char *q) {
    if (!q) return 0;
    return 0.12;  /* about, almost, nearly, more than, at least, up to... */
}

static bool numbers_agree(double a, const char *qa, double b2, const char *qb) {
    double diff = fabs(a - b2);
    double m = fabs(a) > fabs(b2) ? fabs(a) : fabs(b2);
    double tol = significant_half_unit(a) + significant_half_unit(b2);
    double slack = (qualifier_slack(qa) + qualifier_slack(qb)) * m;
    if (diff <= tol + slack + 1e-9 * m) return true;
    return diff <= 0.01 * m;
}

/* The same word right before both figures ("killing 12 people" / "killing
 * 15 people"), or right after them in sentences that are nearly the same
 * ("needed nine points" / "posting 20 points" tell two things). */
static bool same_lead_word(cr_corpus *c, cri_brief *b, uint32_t ua, const cri_quantity *qa, uint32_t ub,
                           const cri_quantity *qb) {
    size_t la = 0, lb = 0;
    const char *sa = nearest_stem(c, b, ua, qa->start, qa->end, -1, &la);
    const char *sb = nearest_stem(c, b, ub, qb->start, qb->end, -1, &lb);
    if (sa && sb) return la == lb && memcmp(sa, sb, la) == 0;   /* "needed nine" / "posting 20": two things */
    /* no word before one of them ("12 people were killed"): the word after */
    sa = nearest_stem(c, b, ua, qa->start, qa->end, 1, &la);
    sb = nearest_stem(c, b, ub, qb->start, qb->end, 1, &lb);
    return sa && sb && la == lb && memcmp(sa, sb, la) == 0 && cri_facts_sim(b, ua, ub) >= 0.45;
}

/* "2, 000 feet" in tokenized text, "41 / 2 months": the figure was read
 * from part of a number. */
static bool split_thousands(cr_corpus *c, cri_brief *b, uint32_t unit, const cri_quantity *q) {
    const cr_doc *d = c->docs[b->units[unit].doc];
    uint32_t p = q->start;
    if ((p >= 1 && d->body[p - 1] == '/') || (p >= 2 && d->body[p - 1] == ' ' && d->body[p - 2] == '/')) return true;
    if (p >= 3 && d->body[p - 1] == ' ' && d->body[p - 2] == ',' && cri_isdigit((unsigned char)d->body[p - 3]))
        return true;
    uint32_t e = q->end;
    if (e + 2 < d->body_len && d->body[e] == ',' && d->body[e + 1] == ' ' && cri_isdigit((unsigned char)d->body[e + 2]))
        return true;
    return false;
}

typedef struct qv { const cri_quantity *q; uint32_t unit, sdoc; } qv;

static size_t count_unit(const qv *list, size_t n, uint32_t unit, const char *head) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += list[i].unit == unit && strcmp(list[i].q->unit, head) == 0;
    return k;
}

/* Does the sentence hold the number v written in digits anywhere? */
static bool has_number(cr_corpus *c, cri_brief *b, uint32_t unit, double v) {
    if (v != floor(v) || v > 1e9) return false;
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%.0f", v);
    size_t len;
    const char *t = cri_bunit_text(c, &b->units[unit], &len);
    for (size_t p = 0; p + (size_t)n <= len; p++) {
        if (memcmp(t + p, buf, (size_t)n) != 0) continue;
        bool before = p == 0 || !cri_isdigit((unsigned char)t[p - 1]);
        bool after = p + (size_t)n == len || !cri_isdigit((unsigned char)t[p + (size_t)n]);
        if (before && after) return true;
    }
    return false;
}

static int number_conflicts(cr_corpus *c, cri_brief *b, int32_t f) {
    const cri_bfact *F = &b->facts[f];
    qv list[128];
    size_t n = 0;
    for (size_t k = 0; k < F->n_units && n < 128; k++) {
        const cri_bunit *u = &b->units[F->units[k]];
        if (u->flags & (CRI_BU_CLAIM | CRI_BU_QUOTE)) continue;
        const cr_doc *d = c->docs[u->doc];
        const cri_sentence *s = &d->sents[u->sent];
        for (size_t m = u->q0; m < u->q1 && n < 128; m++) {
            const cri_quantity *q = &d->quantities[m];
            if (q->start < s->start || q->end > s->end || !q->unit || !isfinite(q->value)) continue;
            if (!isnan(q->value_max)) continue;   /* a range agrees with too much */
            list[n].q = q;
            list[n].unit = F->units[k];
            list[n].sdoc = u->sdoc;
            n++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            if (list[i].sdoc == list[j].sdoc) continue;
            const cri_quantity *a = list[i].q, *q2 = list[j].q;
            if (strcmp(a->unit, q2->unit) != 0) continue;
            if (numbers_agree(a->value, a->qualifier, q2->value, q2->qualifier)) continue;
            /* the same count of the same thing: positive values of one
             * order, in two sentences that say nearly the same thing, with
             * the same words around the figure ("41 passengers drowned" /
             * "63 passengers drowned") */
            double lo = fmin(a->value, q2->value), hi = fmax(a->value, q2->value);
            if (lo <= 0 || hi > 2.5 * lo) continue;
            if (cri_facts_sim(b, list[i].unit, list[j].unit) < 0.35) continue;
            if (!same_context(c, b, list[i].unit, a, list[j].unit, q2)) continue;
            if (!same_lead_word(c, b, list[i].unit, a, list[j].unit, q2)) continue;
            if (split_thousands(c, b, list[i].unit, a) || split_thousands(c, b, list[j].unit, q2)) continue;
            /* a sentence giving several figures of one kind is a line of
             * statistics, not a count two sources disagree on; and a
             * sentence that also has the other side's number agrees */
            if (count_unit(list, n, list[i].unit, a->unit) > 1 || count_unit(list, n, list[j].unit, a->unit) > 1)
                continue;
            if (has_number(c, b, list[i].unit, q2->value) || has_number(c, b, list[j].unit, a->value)) continue;
            /* neither article also gives a value agreeing with the other */
            bool bridged = false;
            for (size_t k = 0; k < n && !bridged; k++) {
                if (strcmp(list[k].q->unit, a->unit) != 0) continue;
                if (list[k].sdoc == list[i].sdoc &&
                    numbers_agree(list[k].q->value, list[k].q->qualifier, q2->value, q2->qualifier))
                    bridged = true;
                if (list[k].sdoc == list[j].sdoc &&
                    numbers_agree(list[k].q->value, list[k].q->qualifier, a->value, a->qualifier))
                    bridged = true;
            }
            if (bridged) continue;
            cri_bconflict *cf = new_conflict(b, "number", f);
            if (!cf) return b->n_conflicts >= CRI_BRIEF_MAX_CONFLICTS ? 0 : -1;
            cf->about = cri_brief_printf(b, "how many %s", a->unit);
            char va[48], vb[48];
            cri_fmt_double(va, sizeof va, a->value);
            cri_fmt_double(vb, sizeof vb, q2->value);
            if (!add_value(b, cf, va, &list[i].unit, 1) || !add_value(b, cf, vb, &list[j].unit, 1)) return -1;
            return 0;  /* one number conflict per fact is enough to flag it */
        }
    }
    return 0;
}

/* ---- status ------------------------------------------------------------------- */

static int status_of(const cr_doc *d, const cri_sentence *s) {
    /* "left" is left out: a left hook, the left wing, "left office" */
    static const char *const arrived[] = {"arrived", "arrive", "arrives", "arriving", "arrival"};
    static const char *const left[] = {"departed", "depart", "departs", "departure", "embarked",
                                       "embark", "embarks", "set off"};
    bool a = false, l = false;
    uint32_t te = s->tok_end < d->n_toks ? s->tok_end : (uint32_t)d->n_toks;
    for (uint32_t t = s->tok_first; t < te; t++) {
        const char *k = cri_tok_key(d, &d->toks[t]);
        for (size_t i = 0; i < sizeof arrived / sizeof *arrived; i++)
            if (strcmp(k, arrived[i]) == 0) a = true;
        for (size_t i = 0; i < sizeof left / sizeof *left; i++)
            if (strcmp(k, left[i]) == 0) l = true;
    }
    return a && !l ? 1 : l && !a ? 2 : 0;
}

static int status_conflicts(cr_corpus *c, cri_brief *b, int32_t f, item *it, size_t cap, const uint8_t *status) {
    const cri_bfact *F = &b->facts[f];
    size_t n = 0;
    for (size_t k = 0; k < F->n_units && n < cap; k++) {
        const cri_bunit *u = &b->units[F->units[k]];
        int st = status[F->units[k]];
        if (!st) continue;
        it[n].value = st == 1 ? "arrived" : "left";
        it[n].unit = F->units[k];
        it[n].sdoc = u->sdoc;
        n++;
    }
    size_t a1 = split_sides(it, n);
    if (!a1) return 0;
    return emit(c, b, "status", f, it, n, NULL);
}

/* A sentence saying "arrived" that the grouping left just outside a fact
 * saying "left": close enough to one of its sentences, it is the same
 * movement told two ways. */
static int status_nearby(cr_corpus *c, cri_brief *b, item *it, size_t cap, const uint8_t *status) {
    for (size_t f = 0; f < b->n_facts; f++) {
        const cri_bfact *F = &b->facts[f];
        if (F->n_docs < 2) continue;
        size_t nl = 0;
        for (size_t k = 0; k < F->n_units && nl < cap / 2; k++) {
            const cri_bunit *u = &b->units[F->units[k]];
            if (status[F->units[k]] != 2) continue;
            it[nl].value = "left";
            it[nl].unit = F->units[k];
            it[nl].sdoc = u->sdoc;
            nl++;
        }
        if (nl < 1) continue;
        size_t n = nl;
        for (size_t x = 0; x < b->n_units && n < cap; x++) {
            const cri_bunit *u = &b->units[x];
            if (u->dup_of != x || u->fact == (int32_t)f || (u->flags & CRI_BU_FOREIGN)) continue;
            if (status[x] != 1) continue;
            bool own_doc = false, near = false;
            for (size_t k = 0; k < F->n_units; k++) {
                const cri_bunit *v = &b->units[F->units[k]];
                if (v->sdoc == u->sdoc) own_doc = true;
                if (cri_facts_sim(b, (uint32_t)x, F->units[k]) >= 0.15) near = true;
            }
            (void)own_doc;
            if (!near) continue;
            it[n].value = "arrived";
            it[n].unit = (uint32_t)x;
            it[n].sdoc = u->sdoc;
            n++;
        }
        if (n == nl) continue;
        qsort(it, n, sizeof *it, cmp_item);
        size_t a1 = 0;
        while (a1 < n && strcmp(it[a1].value, it[0].value) == 0) a1++;
        if (!sides_differ(it, 0, a1, a1, n)) continue;
        bool dup = false;
        for (size_t i = 0; i < b->n_conflicts && !dup; i++)
            dup = strcmp(b->conflicts[i].kind, "status") == 0 && b->conflicts[i].fact == (int32_t)f;
        if (!dup && emit(c, b, "status", (int32_t)f, it, n, NULL)) return -1;
    }
    return 0;
}

/* ---- names -------------------------------------------------------------------- */

/* First unit (by fact rank) of story document sd holding text at a
 * mention or a capitalized run. */
static uint32_t unit_with(cr_corpus *c, cri_brief *b, size_t sd, const char *text, uint32_t fallback) {
    uint32_t best = UINT32_MAX;
    int32_t best_fact = INT32_MAX;
    size_t tl = strlen(text);
    for (size_t i = 0; i < b->n_units; i++) {
        const cri_bunit *u = &b->units[i];
        if (u->sdoc != sd) continue;
        size_t len;
        const char *s = cri_bunit_text(c, u, &len);
        bool found = false;
        for (size_t p = 0; p + tl <= len && !found; p++)
            if (s[p] == text[0] && memcmp(s + p, text, tl) == 0 &&
                (p + tl == len || !cri_isalnum((unsigned char)s[p + tl])))
                found = true;
        if (!found) continue;
        int32_t fr = u->fact >= 0 ? u->fact : INT32_MAX - 1;
        if (fr < best_fact) {
            best_fact = fr;
            best = (uint32_t)i;
        }
    }
    return best == UINT32_MAX ? fallback : best;
}

static int name_conflict_from(cr_corpus *c, cri_brief *b, const char *major, const size_t *mdocs, size_t nm,
                              const char *minor, const size_t *odocs, size_t no, size_t total_docs,
                              int32_t fact) {
    for (size_t i = 0; i < b->n_conflicts; i++)
        if (strcmp(b->conflicts[i].kind, "name") == 0 && b->conflicts[i].n_values >= 2 &&
            ((strcmp(b->conflicts[i].values[0].value, major) == 0 &&
              strcmp(b->conflicts[i].values[1].value, minor) == 0) ||
             (strcmp(b->conflicts[i].values[0].value, minor) == 0 &&
              strcmp(b->conflicts[i].values[1].value, major) == 0)))
            return 0;
    cri_bconflict *cf = new_conflict(b, "name", fact);
    if (!cf) return b->n_conflicts >= CRI_BRIEF_MAX_CONFLICTS ? 0 : -1;
    cf->about = cri_brief_printf(b, "the spelling of %s", major);
    cf->note = cri_brief_printf(b, "%zu of the %zu articles naming them write %s", nm, total_docs, major);
    uint32_t us[32];
    size_t k = 0;
    for (size_t i = 0; i < nm && k < 32; i++) {
        uint32_t u = unit_with(c, b, mdocs[i], major, UINT32_MAX);
        if (u != UINT32_MAX) us[k++] = u;
    }
    if (!add_value(b, cf, major, us, k)) return -1;
    k = 0;
    for (size_t i = 0; i < no && k < 32; i++) {
        uint32_t u = unit_with(c, b, odocs[i], minor, UINT32_MAX);
        if (u != UINT32_MAX) us[k++] = u;
    }
    if (!add_value(b, cf, minor, us, k)) return -1;
    return 0;
}

/* Does text occur in s as whole words ("Duncan Rait" is not in "Duncan Raite")? */
static bool has_words(const char *s, const char *text) {
    size_t tl = strlen(text);
    if (!s || !tl) return false;
    for (const char *p = strstr(s, text); p; p = strstr(p + 1, text)) {
        bool before = p == s || !cri_isalnum((unsigned char)p[-1]);
        bool after = !cri_isalnum((unsigned char)p[tl]) && !((unsigned char)p[tl] & 0x80);
        if (before && after) return true;
    }
    return false;
}

/* Without resolved entities: capitalized runs of 2+ words in the sentences
 * of one fact, compared by spelling. */
typedef struct run { const char *s; size_t n; uint32_t sdoc; } run;

static size_t cap_runs(const cr_doc *d, const cri_sentence *s, uint32_t sdoc, run *out, size_t max) {
    size_t k = 0;
    uint32_t te = s->tok_end < d->n_toks ? s->tok_end : (uint32_t)d->n_toks;
    uint32_t t = s->tok_first;
    while (t < te && k < max) {
        const cri_token *tk = &d->toks[t];
        if (!cri_isupper((unsigned char)d->body[tk->start]) || tk->end - tk->start < 2) {
            t++;
            continue;
        }
        uint32_t first = t, lastt = t;
        t++;
        while (t < te && cri_isupper((unsigned char)d->body[d->toks[t].start]) &&
               d->toks[t].start - d->toks[lastt].end <= 1 && d->toks[t].start > d->toks[lastt].end &&
               d->body[d->toks[lastt].end] == ' ') {
            lastt = t;
            t++;
        }
        if (lastt > first) {
            out[k].s = d->body + d->toks[first].start;
            out[k].n = d->toks[lastt].end - d->toks[first].start;
            out[k].sdoc = sdoc;
            k++;
        }
    }
    return k;
}

/* Titles and roles are not part of a name: "Ukrainian Commander" is no name. */
static bool title_word(const char *w, size_t n) {
    static const char *const titles[] = {
        "President", "Prime", "Minister", "Commander", "Secretary", "General", "Chief", "Leader",
        "King", "Queen", "Prince", "Governor", "Senator", "Mayor", "Director", "Deputy", "Spokesperson",
        "Spokesman", "Spokeswoman", "Chairman", "Chancellor", "Ambassador", "Judge", "Justice", "Officer",
        "Captain", "Colonel", "Major", "Lieutenant", "Sergeant", "Minister", "Pope", "Bishop", "Dr",
        "Mr", "Mrs", "Ms", "Sir", "Lord", "Lady", "Representative", "Rep", "Sen", "Gov", "Gen", "Col",
        "Defense", "Defence", "Foreign", "State", "Vice", "Supreme", "Head", "Police", "Army", "Forces",
        "CEO", "COO", "CFO", "CTO", "Chair", "Coach", "Manager", "Inspector", "Detective", "Sheriff",
        "Deputy", "Professor", "Prof", "Father", "Reverend", "Rev", "Saint", "St", "The", "A", "An",
    };
    /* "Commander-in-Chief": a compound is a title when its head is */
    const char *dash = memchr(w, '-', n);
    if (dash && dash > w) n = (size_t)(dash - w);
    for (size_t i = 0; i < sizeof titles / sizeof *titles; i++)
        if (strlen(titles[i]) == n && memcmp(titles[i], w, n) == 0) return true;
    return false;
}

/* Drop leading and trailing titles from a capitalized run; false when
 * fewer than two name words remain. */
static bool strip_titles(run *r) {
    const char *w[8];
    size_t wl[8];
    size_t k = name_words(r->s, r->n, w, wl, 8);
    size_t a = 0, z = k;
    while (a < z && title_word(w[a], wl[a])) a++;
    while (z > a && title_word(w[z - 1], wl[z - 1])) z--;
    for (size_t i = a; i < z; i++)
        if (title_word(w[i], wl[i])) return false;
    if (z - a < 2) return false;
    r->n = (size_t)(w[z - 1] + wl[z - 1] - w[a]);
    r->s = w[a];
    /* "Hugh Heffner's" names Hugh Heffner */
    if (r->n > 2 && r->s[r->n - 2] == '\'' && (r->s[r->n - 1] == 's' || r->s[r->n - 1] == 'S')) r->n -= 2;
    else if (r->n > 4 && (unsigned char)r->s[r->n - 4] == 0xE2 && (unsigned char)r->s[r->n - 3] == 0x80 &&
             (unsigned char)r->s[r->n - 2] == 0x99 && r->s[r->n - 1] == 's')
        r->n -= 4;
    return true;
}

/* Entity of the mention starting at p in story document sd, or -1. */
static int32_t entity_at(cr_corpus *c, cri_brief *b, uint32_t sd, const char *p) {
    const cr_doc *d = c->docs[b->docs[sd].doc];
    if (p < d->body || p >= d->body + d->body_len) return -1;
    uint32_t off = (uint32_t)(p - d->body);
    for (size_t m = 0; m < d->n_mentions; m++)
        if (d->mentions[m].caption < 0 && d->mentions[m].start <= off && off < d->mentions[m].end)
            return d->mentions[m].entity;
    return -1;
}

static int fallback_names(cr_corpus *c, cri_brief *b, int32_t f) {
    const cri_bfact *F = &b->facts[f];
    run runs[96];
    size_t n = 0;
    for (size_t k = 0; k < F->n_units && n < 90; k++) {
        const cri_bunit *u = &b->units[F->units[k]];
        const cr_doc *d = c->docs[u->doc];
        size_t base = n;
        size_t got = cap_runs(d, &d->sents[u->sent], u->sdoc, runs + base, 96 - base);
        for (size_t q = 0; q < got; q++)
            if (strip_titles(&runs[base + q])) runs[n++] = runs[base + q];
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            if (runs[i].sdoc == runs[j].sdoc) continue;
            if (runs[i].n == runs[j].n && memcmp(runs[i].s, runs[j].s, runs[i].n) == 0) continue;
            if (!cri_brief_name_variant(runs[i].s, runs[i].n, runs[j].s, runs[j].n)) continue;
            /* resolved entities that keep the two apart win */
            int32_t ea = entity_at(c, b, runs[i].sdoc, runs[i].s), eb = entity_at(c, b, runs[j].sdoc, runs[j].s);
            if (ea >= 0 && eb >= 0 && ea != eb) continue;
            /* count the documents using each form anywhere in the story,
             * and make sure no article uses both */
            char A[128], B[128];
            snprintf(A, sizeof A, "%.*s", (int)runs[i].n, runs[i].s);
            snprintf(B, sizeof B, "%.*s", (int)runs[j].n, runs[j].s);
            size_t da[64], db[64], na = 0, nb = 0;
            bool both = false;
            for (size_t sd = 0; sd < b->n_docs && !both; sd++) {
                const cr_doc *d = c->docs[b->docs[sd].doc];
                bool ha = has_words(d->body, A), hb = has_words(d->body, B);
                if (ha && hb) both = true;
                if (ha && na < 64) da[na++] = sd;
                if (hb && nb < 64) db[nb++] = sd;
            }
            if (both || !na || !nb) continue;
            int r = na >= nb ? name_conflict_from(c, b, A, da, na, B, db, nb, na + nb, f)
                             : name_conflict_from(c, b, B, db, nb, A, da, na, na + nb, f);
            if (r) return r;
        }
    }
    return 0;
}

static bool possessive_form(const char *t) {
    size_t n = strlen(t);
    if (n > 2 && t[n - 2] == '\'' && (t[n - 1] == 's' || t[n - 1] == 'S')) return true;
    if (n > 4 && (unsigned char)t[n - 4] == 0xE2 && (unsigned char)t[n - 3] == 0x80 && (unsigned char)t[n - 2] == 0x99 &&
        t[n - 1] == 's')
        return true;
    if (n > 1 && t[n - 1] == '\'') return true;
    return false;
}

static int entity_names(cr_corpus *c, cri_brief *b) {
    for (size_t i = 0; i < b->n_entities; i++) {
        const cri_bentity *e = &b->entities[i];
        if (e->n_variants < 2) continue;
        const cri_bvariant *major = &e->variants[0];
        if (possessive_form(major->text)) continue;
        for (size_t v = 1; v < e->n_variants; v++) {
            const cri_bvariant *minor = &e->variants[v];
            /* "Hugh Heffner's" is "Hugh Heffner" again */
            if (possessive_form(minor->text)) continue;
            if (!cri_brief_name_variant(major->text, strlen(major->text), minor->text, strlen(minor->text)))
                continue;
            /* different articles: one writer's typo repeated in one article
             * against itself is still a variant, but not a disagreement */
            bool distinct = false;
            for (size_t a = 0; a < minor->n_docs && !distinct; a++) {
                bool in_major = false;
                for (size_t k = 0; k < major->n_docs; k++) in_major |= major->docs[k] == minor->docs[a];
                if (!in_major) distinct = true;
            }
            if (!distinct) continue;
            if (name_conflict_from(c, b, major->text, major->docs, major->n_docs, minor->text, minor->docs,
                                   minor->n_docs, e->n_docs, -1))
                return -1;
        }
    }
    return 0;
}

static size_t count_fact_kind(const cri_brief *b, int32_t f, const char *kind) {
    size_t n = 0;
    for (size_t i = 0; i < b->n_conflicts; i++) n += b->conflicts[i].fact == f && strcmp(b->conflicts[i].kind, kind) == 0;
    return n;
}

cr_status cri_conflicts_find(cr_corpus *c, cri_brief *b) {
    item *it = malloc(256 * sizeof *it);
    /* arrived / left per sentence, once: the status rules look at every
     * sentence for every fact */
    uint8_t *status = calloc(b->n_units ? b->n_units : 1, 1);
    if (!it || !status) {
        free(it);
        free(status);
        return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < b->n_units; i++) {
        const cri_bunit *u = &b->units[i];
        if (u->flags & CRI_BU_FOREIGN) continue;
        const cr_doc *d = c->docs[u->doc];
        status[i] = (uint8_t)status_of(d, &d->sents[u->sent]);
    }
    int r = 0;
    if (b->have_entities) r = entity_names(c, b);
    for (size_t f = 0; f < b->n_facts && !r; f++) {
        if (b->facts[f].n_docs < 2) continue;
        r = date_conflicts(c, b, (int32_t)f, it, 256);
        if (!r && count_fact_kind(b, (int32_t)f, "date") == 0) r = weekday_conflicts(c, b, (int32_t)f, it, 256);
        if (!r) r = time_conflicts(c, b, (int32_t)f, it, 256);
        if (!r) r = number_conflicts(c, b, (int32_t)f);
        if (!r) r = status_conflicts(c, b, (int32_t)f, it, 256, status);
        if (!r) r = fallback_names(c, b, (int32_t)f);
    }
    if (!r) r = status_nearby(c, b, it, 256, status);
    free(status);
    free(it);
    return r ? cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory") : CR_OK;
}
