/*
 * timex.c — temporal expressions: find dates, times, durations and sets in
 * a cleaned document's body and normalize them to TIMEX3 values, resolving
 * relative ones ("on Monday", "last month", "in June") against the
 * publication date.  Runs in cr_corpus_extract (extract.c) after cleaning
 * and before quantity.c, which skips numbers inside the spans found here.
 *
 * Method: a rule system in the manner of HeidelTime, written for this code
 * base.  Each line is cut by numwords.c into words, digit runs and
 * punctuation (once, for this module and quantity.c: extract.c runs the
 * shared pass); a first-token dispatch looks closer only at digits, month
 * and weekday names and a few trigger words.  Patterns are tried longest
 * first; the value keeps the granularity of the text ("June" is 2024-06,
 * not 2024-06-01).  Underspecified expressions are resolved by the tense of
 * their sentence (the nearest past/future marker: "departed on Monday" is
 * the Monday before, "will meet on Monday" the one after).
 *
 * Without a publication date nothing deictic is invented: "in June" becomes
 * XXXX-06, "Monday" XXXX-WXX-1, "yesterday" XXXX-XX-XX (relative: true,
 * anchor: null).  One narrative rule remains: a month and day without a year
 * ("On June 18") takes the year of the last date with an explicit year
 * earlier in the same document (anchor: that date; relative: false).
 * docs/extract.md lists every pattern and convention.
 */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { T_NONE = 0, T_PAST = 1, T_FUTURE = 2, T_PRESENT = 3 };
enum { TY_DATE = 0, TY_TIME = 1, TY_DURATION = 2, TY_SET = 3 };

typedef struct res {
    size_t first, end;     /* token span [first, end) */
    char value[48];
    bool relative;         /* resolved against the publication date */
    bool anchored;         /* resolved against a date of the text */
    char anchor[48];       /* that date, when anchored */
    uint8_t type;
    const char *mod;
} res;

typedef struct tx {
    cr_doc *d;
    const char *body;
    const cri_lxtok *t;    /* the current line's tokens (extract.c's) */
    size_t n;
    int8_t *tense;         /* per token: T_* marker at this token */
    int32_t *prev_m, *next_m;  /* nearest marker at or before / after each token, -1 none */
    bool *bound;           /* token ends a sentence (tense does not cross it) */
    size_t cap;            /* room in the four per-token arrays */
    bool marked;           /* tense, bound, prev_m, next_m filled for this line */
    bool sday_ok;          /* a day-level date earlier in this sentence */
    bool sday_rel;         /* ... resolved against the publication date */
    char sday[16];
    /* publication date */
    bool pub;
    int py, pm, pd, pw;    /* pw: 0 = Sunday */
    char pub_iso[16];
    /* narrative anchor: last date with an explicit year */
    int ref_y;
    char ref_value[48];
    /* last day-level date mentioned (for "the next day") */
    int ly, lm, ld;
    bool has_last_day;
    bool us_order;         /* month-first numeric dates */
    bool us_checked;
} tx;

/* ---- calendar ----------------------------------------------------------- */

static int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
static void civil_from_days(int64_t z, int *y, int *m, int *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}
static int wday_of(int64_t days) { return (int)(((days % 7) + 7 + 4) % 7); }
static int days_in_month(int y, int m) {
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;   /* no such month: no valid day */
    if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
    return dm[(m - 1) % 12];
}
static void iso_week(int64_t days, int *wy, int *wn) {
    int wd = wday_of(days);
    int iso = wd == 0 ? 7 : wd;
    int64_t thu = days - iso + 4;        /* Thursday of this week */
    int y, m, d;
    civil_from_days(thu, &y, &m, &d);
    int64_t jan1 = days_from_civil(y, 1, 1);
    *wy = y;
    *wn = (int)((thu - jan1) / 7 + 1);
}

/* "%04d-%02d-%02d" (with_day false: "%04d-%02d") into v[cap]: the same
 * bytes as snprintf, written directly for the usual ranges (snprintf was
 * a tenth of the recognizer's time). */
static void put_date(char *v, size_t cap, int y, int m, int d, bool with_day) {
    if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99 || cap < 11) {
        if (!with_day) snprintf(v, cap, "%04d-%02d", y, m);
        else snprintf(v, cap, "%04d-%02d-%02d", y, m, d);
        return;
    }
    v[0] = (char)('0' + y / 1000);
    v[1] = (char)('0' + y / 100 % 10);
    v[2] = (char)('0' + y / 10 % 10);
    v[3] = (char)('0' + y % 10);
    v[4] = '-';
    v[5] = (char)('0' + m / 10);
    v[6] = (char)('0' + m % 10);
    if (!with_day) {
        v[7] = 0;
        return;
    }
    v[7] = '-';
    v[8] = (char)('0' + d / 10);
    v[9] = (char)('0' + d % 10);
    v[10] = 0;
}
/* snprintf(dst, cap, "%s", src) */
static void copy_str(char *dst, size_t cap, const char *src) {
    size_t n = strlen(src);
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}
static void put_day(char *v, int64_t days) {
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    put_date(v, 48, y, m, d, true);
}
static void put_week(char *v, int64_t days) {
    int wy, wn;
    iso_week(days, &wy, &wn);
    snprintf(v, 48, "%04d-W%02d", wy, wn);
}
static void put_month(char *v, int y, int m) {
    while (m < 1) { m += 12; y--; }
    while (m > 12) { m -= 12; y++; }
    put_date(v, 48, y, m, 0, false);
}

/* ---- token helpers ------------------------------------------------------ */

static inline const cri_lexicon_entry *E(const tx *x, size_t i) {
    return i < x->n ? cri_lx_entry(x->t[i].lex) : NULL;
}
/* The token is the lexicon word w (the first letter settles most tests). */
static inline bool W(const tx *x, size_t i, const char *w) {
    const cri_lexicon_entry *e = E(x, i);
    return e && e->w[0] == w[0] && strcmp(e->w, w) == 0;
}
static inline int CLS(const tx *x, size_t i, int cls) {
    const cri_lexicon_entry *e = E(x, i);
    if (!e) return -1;
    if (e->cls == cls) return e->val;
    if (e->cls2 == cls) return e->val2;
    return -1;
}
static bool P(const tx *x, size_t i, uint16_t cp) {
    return i < x->n && x->t[i].kind == CRI_LX_PUNCT && x->t[i].cp == cp;
}
static bool TEQ1(const tx *x, size_t i, char c) {
    return i < x->n && x->t[i].kind == CRI_LX_WORD && x->t[i].end - x->t[i].start == 1 &&
           cri_tolower(x->body[x->t[i].start]) == c;
}
/* Case-insensitive comparison of token i with an ASCII word; TEQ takes a
 * string literal, whose length the compiler knows. */
static inline bool teq(const tx *x, size_t i, const char *w, size_t n) {
    if (i >= x->n || x->t[i].end - x->t[i].start != n) return false;
    const char *s = x->body + x->t[i].start;
    for (size_t k = 0; k < n; k++)
        if (cri_tolower(s[k]) != w[k]) return false;
    return true;
}
#define TEQ(x, i, w) teq(x, i, "" w, sizeof("" w) - 1)
static bool GLUED(const tx *x, size_t i) { return i < x->n && (x->t[i].flags & CRI_LXF_GLUED); }
static bool NUM(const tx *x, size_t i) { return i < x->n && x->t[i].kind == CRI_LX_NUM; }
static int ndig(const tx *x, size_t i) {
    return NUM(x, i) && (x->t[i].flags & CRI_LXF_PLAIN) ? (int)(x->t[i].end - x->t[i].start) : 0;
}
static int ival(const tx *x, size_t i) { return (int)x->t[i].num; }
static bool is_dash(const tx *x, size_t i) {
    return P(x, i, '-') || P(x, i, 0x2013) || P(x, i, 0x2014) || P(x, i, 0x2010) || P(x, i, 0x2011);
}

/* A month name at i, with the usual traps: "may"/"march" only capitalized
 * and in a date-like context; abbreviations only capitalized. Returns the
 * month and sets *next past an abbreviation's period. */
static int month_at(const tx *x, size_t i, size_t *next) {
    int m = CLS(x, i, CRI_LC_MONTH);
    if (m < 0 || x->t[i].kind != CRI_LX_WORD) return -1;
    size_t len = x->t[i].end - x->t[i].start;
    bool cap = x->t[i].flags & CRI_LXF_CAP;
    *next = i + 1;
    if (len <= 4 && !W(x, i, "june") && !W(x, i, "july")) {
        if (!cap) return -1;
        if (P(x, i + 1, '.') && GLUED(x, i + 1)) *next = i + 2;
    }
    if ((W(x, i, "may") || W(x, i, "march") || len <= 4) && !W(x, i, "june") && !W(x, i, "july")) {
        if (!cap) return -1;
        if (i > 0 && NUM(x, i - 1) && ndig(x, i - 1) <= 2) return m;          /* "19 May" */
        if (i > 1 && W(x, i - 1, "of") && NUM(x, i - 2)) return m;            /* "3rd of May" */
        if (i > 1 && W(x, i - 1, "of") && (W(x, i - 2, "th") || W(x, i - 2, "st") || W(x, i - 2, "nd") ||
                                          W(x, i - 2, "rd"))) return m;
        /* the next real token must be a number, or the previous a date word */
        size_t j = *next;
        if (NUM(x, j)) return m;
        if (i > 0) {
            static const char *const before[] = {"in", "of", "since", "until", "till", "by", "early",
                                                 "late", "mid", "last", "next", "this", "from",
                                                 "through", "during", "before", "after", "and",
                                                 "between", "to", "end", "beginning", "start",
                                                 "middle", "since"};
            for (size_t k = 0; k < sizeof before / sizeof before[0]; k++)
                if (W(x, i - 1, before[k])) return m;
            if (is_dash(x, i - 1) && i >= 2 && W(x, i - 2, "mid")) return m;
        }
        return -1;
    }
    if (!cap && !(x->t[i].flags & CRI_LXF_CAP)) {
        /* lower-case full month names are rare in news but real ("june") */
        return m;
    }
    return m;
}

/* Year token: four digits 1000-2199. */
static int year_at(const tx *x, size_t i) {
    if (ndig(x, i) != 4) return -1;
    int y = ival(x, i);
    return y >= 1000 && y <= 2199 ? y : -1;
}
/* Day of month with optional glued ordinal suffix; returns day, sets *next. */
static int day_at(const tx *x, size_t i, size_t *next) {
    int nd = ndig(x, i);
    if (nd < 1 || nd > 2) return -1;
    int d = ival(x, i);
    if (d < 1 || d > 31) return -1;
    *next = i + 1;
    if (GLUED(x, i + 1) && (W(x, i + 1, "th") || W(x, i + 1, "st") || W(x, i + 1, "nd") || W(x, i + 1, "rd")))
        *next = i + 2;
    return d;
}

/* ---- tense -------------------------------------------------------------- */

static bool ends_ed(const char *s, size_t n) {
    if (n < 5 || s[n - 2] != 'e' || s[n - 1] != 'd') return false;
    static const char *const no[] = {"hundred", "indeed", "proceed", "exceed", "succeed", "speed",
                                     "need", "breed", "creed", "greed", "bleed", "feed", "seed",
                                     "tweed", "shred", "naked", "wicked", "sacred", "kindred",
                                     "beloved", "aged", "learned", "alleged", "armed", "based",
                                     "related", "limited", "united", "expected", "scheduled",
                                     "planned", "advanced", "detailed", "concerned", "skilled",
                                     "embed"};
    for (size_t k = 0; k < sizeof no / sizeof no[0]; k++)
        if (no[k][0] == s[0] && strlen(no[k]) == n && memcmp(no[k], s, n) == 0) return false;
    return true;
}

/* The tense marker at token i, from the token alone (and "to" after it). */
static void mark_tense_at(tx *x, size_t i) {
    x->tense[i] = T_NONE;
    const cri_lxtok *k = &x->t[i];
    if (k->kind != CRI_LX_WORD) return;
    if (k->lex) {
        int v = CLS(x, i, CRI_LC_TENSE);
        if (v > 0) x->tense[i] = (int8_t)v;
        return;
    }
    if (k->flags & CRI_LXF_CAP && !(i == 0)) return;
    size_t n = k->end - k->start;
    const char *w = x->body + k->start;
    /* "plan to", "intends to", "aims to": an intention is future */
    if (n >= 3 && n <= 8 && TEQ(x, i + 1, "to") &&
        (TEQ(x, i, "plan") || TEQ(x, i, "plans") || TEQ(x, i, "planning") || TEQ(x, i, "intend") ||
         TEQ(x, i, "intends") || TEQ(x, i, "aim") || TEQ(x, i, "aims"))) {
        x->tense[i] = T_FUTURE;
        return;
    }
    /* cheap test first: most words do not end in "ed" */
    if (n < 5 || n >= 24 || w[n - 1] != 'd' || w[n - 2] != 'e') return;
    char low[24];
    for (size_t c = 0; c < n; c++) {
        unsigned char ch = (unsigned char)w[c];
        if (ch >= 0x80) return;
        low[c] = cri_tolower((char)ch);
    }
    if (ends_ed(low, n) && !(i > 0 && (k->flags & CRI_LXF_GLUED) && x->t[i - 1].kind == CRI_LX_PUNCT))
        x->tense[i] = T_PAST;
}

/* Markers that depend on their neighbours: run in token order, after
 * mark_tense_at for the whole line (it rewrites tense[i..i+3]). */
static void fix_tense_at(tx *x, size_t i) {
    if (x->tense[i] == T_NONE || !x->t[i].lex) return;
    /* "will be held", "will have left": the verb group after a future
     * marker is future */
    if (x->tense[i] == T_FUTURE && (W(x, i, "will") || W(x, i, "shall") || W(x, i, "'ll"))) {
        for (size_t k = i + 1; k < x->n && k <= i + 3; k++) {
            if (x->t[k].kind != CRI_LX_WORD) break;
            if (x->tense[k] != T_NONE) x->tense[k] = T_FUTURE;
        }
        return;
    }
    /* "going to", "set to", "due to": future only before "to" */
    if (x->tense[i] != T_FUTURE) return;
    bool to_for = W(x, i + 1, "to") || W(x, i + 1, "for");
    if ((W(x, i, "set") || W(x, i, "due")) && !to_for) x->tense[i] = T_NONE;
    else if (W(x, i, "going") && !W(x, i + 1, "to")) x->tense[i] = T_NONE;
    else if ((W(x, i, "expected") || W(x, i, "scheduled") || W(x, i, "planned")) && !to_for &&
             !W(x, i + 1, "on") && !W(x, i + 1, "in"))
        x->tense[i] = T_NONE;
}

static bool abbreviation(const tx *x, size_t i) {
    if (i >= x->n || x->t[i].kind != CRI_LX_WORD) return false;
    size_t n = x->t[i].end - x->t[i].start;
    if (n == 1) return true;                    /* initials, "a.m." */
    if (CLS(x, i, CRI_LC_MONTH) > 0 || CLS(x, i, CRI_LC_WDAY) >= 0) return n <= 5;
    static const char *const ab[] = {"mr", "mrs", "ms", "dr", "st", "no", "gen", "lt", "col", "sen",
                                     "rep", "gov", "jr", "sr", "inc", "corp", "ltd", "co", "vs",
                                     "prof", "capt", "sgt", "maj", "adm", "rev", "ft", "mt", "pp"};
    if (n > 4) return false;
    char low[5];
    for (size_t k = 0; k < n; k++) low[k] = cri_tolower(x->body[x->t[i].start + k]);
    for (size_t k = 0; k < sizeof ab / sizeof ab[0]; k++)
        if (strlen(ab[k]) == n && memcmp(ab[k], low, n) == 0) return true;
    return false;
}

/* Sentence ends inside a chunk: '.', '!' or '?' before a capital or a
 * quote, not after an abbreviation ("Feb. 28", "Mr. Kim"). */
static inline bool is_bound(const tx *x, size_t i) {
    if (x->t[i].kind != CRI_LX_PUNCT) return false;
    uint16_t c = x->t[i].cp;
    if (c != '.' && c != '!' && c != '?' && c != ';') return false;
    if (i + 1 >= x->n) return true;
    const cri_lxtok *nx = &x->t[i + 1];
    if (nx->flags & CRI_LXF_GLUED) return false;
    bool next_ok = (nx->kind == CRI_LX_WORD && (nx->flags & CRI_LXF_CAP)) ||
                   (nx->kind == CRI_LX_PUNCT && (nx->cp == '"' || nx->cp == 0x201C || nx->cp == 0x2022)) ||
                   nx->kind == CRI_LX_NUM;
    if (!next_ok && c == '.') return false;
    if (c == '.' && i > 0 && (x->t[i].flags & CRI_LXF_GLUED) && abbreviation(x, i - 1)) return false;
    return true;
}

/* Tense markers, sentence ends, and the nearest marker before and after
 * every token, so tense_near is O(1) (a sentence of nothing but numbers
 * must stay linear).  Three passes: markers read from single tokens and
 * sentence ends; markers fixed by their neighbours, in order, with the
 * forward index (a marker is final once its own step ran: later steps
 * only write later tokens); the backward index. */
static void mark_line(tx *x) {
    for (size_t i = 0; i < x->n; i++) {
        mark_tense_at(x, i);
        x->bound[i] = is_bound(x, i);
    }
    int32_t last = -1;
    for (size_t i = 0; i < x->n; i++) {
        fix_tense_at(x, i);
        if (x->bound[i]) last = -1;
        x->prev_m[i] = last;
        if (x->tense[i] != T_NONE) last = (int32_t)i;
    }
    last = -1;
    for (size_t i = x->n; i-- > 0;) {
        x->next_m[i] = last;
        if (x->bound[i]) last = -1;
        if (x->tense[i] != T_NONE) last = (int32_t)i;
    }
}

/* The tense nearest to the span [a, b) in the sentence; a marker before the
 * span wins a tie ("departed on Monday", "will meet on Monday").  The
 * line's marks are made on the first call: most lines never need them. */
static int tense_near(tx *x, size_t a, size_t b) {
    if (!x->marked) {
        mark_line(x);
        x->marked = true;
    }
    if (a >= x->n) return T_NONE;
    int32_t p = x->prev_m[a];
    int32_t q = b - 1 < x->n ? x->next_m[b - 1] : -1;
    size_t dp = p >= 0 ? (a - (size_t)p) * 2 - 1 : (size_t)-1;
    size_t dq = q >= 0 ? ((size_t)q - b + 1) * 2 : (size_t)-1;
    if (p < 0 && q < 0) return T_NONE;
    return dp <= dq ? x->tense[p] : x->tense[q];
}

/* ---- resolution --------------------------------------------------------- */

static int64_t pub_days(const tx *x) { return days_from_civil(x->py, x->pm, x->pd); }

/* Weekday w by tense; how: 0 plain, -1 "last", +1 "next", 2 "this". */
static void resolve_wday(const tx *x, res *r, int w, int tense, int how) {
    if (!x->pub) {
        snprintf(r->value, sizeof r->value, "XXXX-WXX-%d", w == 0 ? 7 : w);
        r->relative = true;
        return;
    }
    int64_t p = pub_days(x);
    int64_t day;
    if (how == 2) {
        int iso_p = x->pw == 0 ? 7 : x->pw, iso_w = w == 0 ? 7 : w;
        day = p - iso_p + iso_w;
    } else if (how == -1 || ((tense == T_PAST || tense == T_NONE) && how == 0)) {
        int delta = (x->pw - w + 7) % 7;
        if (how == -1 && delta == 0) delta = 7;
        day = p - delta;
    } else {
        int delta = (w - x->pw + 7) % 7;
        if (how == 1 && delta == 0) delta = 7;
        day = p + delta;
    }
    put_day(r->value, day);
    r->relative = true;
}

/* Year for a month (and day) given without one. */
static int year_for(const tx *x, int m, int d, int tense, int how) {
    int y = x->py;
    int cmp = m != x->pm ? (m < x->pm ? -1 : 1) : d == 0 || d == x->pd ? 0 : (d < x->pd ? -1 : 1);
    if (how == -1) return cmp >= 0 ? y - 1 : y;
    if (how == 1) return cmp <= 0 ? y + 1 : y;
    if (tense == T_PAST && cmp > 0) return y - 1;
    if (tense == T_FUTURE && cmp < 0) return y + 1;
    if (tense == T_NONE && d > 0 && cmp != 0) {
        /* no tense in the sentence: the nearer of this year's and the
         * neighbouring year's day ("Christmas Day" read on 6 January) */
        int64_t p = days_from_civil(x->py, x->pm, x->pd);
        int64_t here = days_from_civil(y, m, d), there = days_from_civil(cmp > 0 ? y - 1 : y + 1, m, d);
        int64_t dh = here > p ? here - p : p - here, dt = there > p ? there - p : p - there;
        if (dt < dh) return cmp > 0 ? y - 1 : y + 1;
    }
    return y;
}

static void anchor_last_day(const tx *x, res *r) {
    r->anchored = true;
    put_date(r->anchor, sizeof r->anchor, x->ly, x->lm, x->ld, true);
}

static void set_month_day(tx *x, res *r, int m, int d, int y, int tense, int how) {
    if (y < 0) {
        if (x->pub) {
            y = year_for(x, m, d, tense, how);
            r->relative = true;
        } else if (d > 0 && x->ref_y > 0 && how == 0) {
            y = x->ref_y;
            r->anchored = true;
            copy_str(r->anchor, sizeof r->anchor, x->ref_value);
        }
    }
    if (d > 0 && y > 0 && d > days_in_month(y, m)) d = days_in_month(y, m);
    if (y < 0) {
        if (d > 0) snprintf(r->value, sizeof r->value, "XXXX-%02d-%02d", m, d);
        else snprintf(r->value, sizeof r->value, "XXXX-%02d", m);
        r->relative = true;
    } else if (d > 0) put_date(r->value, sizeof r->value, y, m, d, true);
    else put_date(r->value, sizeof r->value, y, m, 0, false);
}

static const char *unit_letter(int u) {
    switch (u) {
    case 1: return "S"; case 2: return "M"; case 3: return "H"; case 4: return "D";
    case 5: return "W"; case 6: return "WE"; case 7: return "M"; case 8: return "Q";
    case 9: return "Y"; case 10: return "DE"; case 11: return "CE"; case 12: return "W";
    default: return "D";
    }
}
static bool unit_is_time(int u) { return u >= 1 && u <= 3; }

static void put_duration(char *v, double n, int u) {
    char num[32];
    if (u == 12) n *= 2;       /* fortnight */
    if (isnan(n)) snprintf(num, sizeof num, "X");
    else cri_fmt_double(num, sizeof num, n);
    if (u == 6) snprintf(v, 48, "P%sWE", num);
    else snprintf(v, 48, "P%s%s%s", unit_is_time(u) ? "T" : "", num, unit_letter(u));
}

/* A date shifted by n units from the publication date, at the unit's
 * granularity ("three days ago", "last year", "next month"). */
static void shift_value(const tx *x, res *r, int u, int n) {
    int64_t p = pub_days(x);
    switch (u) {
    case 4: put_day(r->value, p + n); break;
    case 5: case 12: put_week(r->value, p + 7 * n * (u == 12 ? 2 : 1)); break;
    case 6: put_week(r->value, p + 7 * n); strcat(r->value, "-WE"); break;
    case 7: put_month(r->value, x->py, x->pm + n); break;
    case 8: {
        int q = (x->pm - 1) / 3 + n, y = x->py;
        while (q < 0) { q += 4; y--; }
        while (q > 3) { q -= 4; y++; }
        snprintf(r->value, sizeof r->value, "%04d-Q%d", y, q + 1);
        break;
    }
    case 9: snprintf(r->value, sizeof r->value, "%04d", x->py + n); break;
    case 10: snprintf(r->value, sizeof r->value, "%03d", (x->py + 10 * n) / 10); break;
    case 11: snprintf(r->value, sizeof r->value, "%02d", (x->py + 100 * n) / 100); break;
    default: put_day(r->value, p + n); break;
    }
    r->relative = true;
}
static void unknown_unit(res *r, int u) {
    switch (u) {
    case 5: case 6: case 12: strcpy(r->value, "XXXX-WXX"); break;
    case 7: strcpy(r->value, "XXXX-XX"); break;
    case 8: strcpy(r->value, "XXXX-QX"); break;
    case 9: strcpy(r->value, "XXXX"); break;
    case 10: strcpy(r->value, "XXX"); break;
    case 11: strcpy(r->value, "XX"); break;
    default: strcpy(r->value, "XXXX-XX-XX"); break;
    }
    r->relative = true;
}

static const char *dpart_code(int p) {
    switch (p) {
    case 1: return "MO"; case 2: return "AF"; case 3: return "EV"; case 4: return "NI";
    default: return NULL;
    }
}

/* Append a day part ("Monday night") or a time to a day value. */
static void add_dpart(res *r, int part) {
    size_t l = strlen(r->value);
    if (l != 10 && !(l == 10 && r->value[0] == 'X')) {
        if (strncmp(r->value, "XXXX-WXX-", 9) != 0) return;
    }
    if (part == 5) strcat(r->value, "T12:00");
    else if (part == 6) strcat(r->value, "T24:00");
    else if (dpart_code(part)) {
        strcat(r->value, "T");
        strcat(r->value, dpart_code(part));
    }
    r->type = TY_TIME;
}

/* ---- patterns ----------------------------------------------------------- */

/* A time of day at i: "10:30", "10:30 a.m.", "3 pm", "11.08"? (no: ambiguous).
 * Returns the end token, fills hh/mm. */
static size_t time_at(const tx *x, size_t i, int *hh, int *mm) {
    /* "8.30am", "8.30 p.m.": a decimal-looking hour with am/pm after */
    if (NUM(x, i) && !(x->t[i].flags & CRI_LXF_PLAIN) && x->t[i].end - x->t[i].start >= 4 &&
        x->t[i].end - x->t[i].start <= 5 && x->body[x->t[i].end - 3] == '.' &&
        (W(x, i + 1, "am") || W(x, i + 1, "pm") || ((W(x, i + 1, "a") || TEQ1(x, i + 1, 'p')) && P(x, i + 2, '.')))) {
        int h = 0;
        for (uint32_t c = x->t[i].start; c < x->t[i].end - 3; c++) h = h * 10 + (x->body[c] - '0');
        int m = (x->body[x->t[i].end - 2] - '0') * 10 + (x->body[x->t[i].end - 1] - '0');
        size_t k = i + 1;
        bool pm = W(x, k, "pm") || TEQ1(x, k, 'p');
        if (W(x, k, "am") || W(x, k, "pm")) k++;
        else k += 3;
        if (P(x, k, '.') && GLUED(x, k)) k++;
        if (h < 1 || h > 12 || m > 59) return i;
        if (pm && h != 12) h += 12;
        if (!pm && h == 12) h = 0;
        *hh = h;
        *mm = m;
        return k;
    }
    int nd = ndig(x, i);
    if (nd < 1 || nd > 2) return i;
    int h = ival(x, i), m = 0;
    size_t j = i + 1;
    bool colon = false;
    if (P(x, j, ':') && GLUED(x, j) && ndig(x, j + 1) == 2 && GLUED(x, j + 1)) {
        m = ival(x, j + 1);
        if (m > 59) return i;
        j += 2;
        colon = true;
        if (P(x, j, ':') && GLUED(x, j) && ndig(x, j + 1) == 2) j += 2;   /* seconds */
    }
    /* am/pm: "am", "pm", "a.m.", "p.m.", "a.m", glued or not */
    int ampm = 0;
    size_t k = j;
    if (colon && GLUED(x, k) && (TEQ1(x, k, 'a') || TEQ1(x, k, 'p')) && !P(x, k + 1, '.')) {
        ampm = TEQ1(x, k, 'p') ? 2 : 1;     /* "5:55p" */
        k++;
    } else if (W(x, k, "am") || W(x, k, "pm")) {
        /* "am" is also a verb: only after a number and lower case or glued */
        ampm = W(x, k, "pm") ? 2 : 1;
        k++;
        if (P(x, k, '.') && GLUED(x, k)) k++;
    } else if ((x->t[k < x->n ? k : 0].kind == CRI_LX_WORD) && k + 2 < x->n && P(x, k + 1, '.') &&
               GLUED(x, k + 1) && GLUED(x, k + 2) && x->t[k + 2].end - x->t[k + 2].start == 1 &&
               (x->body[x->t[k + 2].start] == 'm' || x->body[x->t[k + 2].start] == 'M') &&
               x->t[k].end - x->t[k].start == 1) {
        char c = cri_tolower(x->body[x->t[k].start]);
        if (c == 'a' || c == 'p') {
            ampm = c == 'p' ? 2 : 1;
            k += 3;
            if (P(x, k, '.') && GLUED(x, k)) k++;
        }
    }
    if (ampm) {
        if (h < 1 || h > 12) return i;
        if (ampm == 2 && h != 12) h += 12;
        if (ampm == 1 && h == 12) h = 0;
        j = k;
    } else if (!colon) {
        if (W(x, j, "o'clock") && h >= 1 && h <= 12) j++;
        else return i;
    } else if (h > 24) return i;
    /* time zone */
    static const char *const zones[] = {"gmt", "utc", "est", "edt", "et", "pt", "bst", "cet", "ist", "kst",
                                        "cst", "cdt", "mst", "mdt", "pst", "pdt", "cest", "eet", "msk"};
    if (W(x, j, "am") || W(x, j, "pm")) {}
    for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++)
        if (W(x, j, zones[z]) && (x->t[j].flags & CRI_LXF_CAP)) { j++; break; }
    *hh = h;
    *mm = m;
    return j;
}

/* A day-level date value in r (YYYY-MM-DD) to which a time can be added. */
static bool is_day_value(const char *v) {
    return strlen(v) == 10 && v[4] == '-' && v[7] == '-';
}

/* Absolute or partial calendar date at i: "June 19, 2024", "19 June 2024",
 * "June 19", "19th of June", "July 2024", "June", "Feb. 28, 2019". */
/* A weekday written with a month and day but no year ("Wednesday, July 10")
 * names the year too: of the guessed year and its neighbours, the one where
 * that day is that weekday, nearest the publication date.  A year the text
 * gives is left as written. */
static void fit_weekday(const tx *x, res *r, int w) {
    if (!x->pub || !r->relative || r->anchored || !is_day_value(r->value) || r->value[0] == 'X') return;
    int y = atoi(r->value), m = atoi(r->value + 5), d = atoi(r->value + 8);
    if (wday_of(days_from_civil(y, m, d)) == w) return;
    int64_t p = pub_days(x), best = -1;
    int best_y = 0;
    for (int cy = y - 1; cy <= y + 1; cy += 2) {
        if (d > days_in_month(cy, m)) continue;
        int64_t day = days_from_civil(cy, m, d);
        if (wday_of(day) != w) continue;
        int64_t dist = day > p ? day - p : p - day;
        if (best < 0 || dist < best) { best = dist; best_y = cy; }
    }
    if (best >= 0) put_date(r->value, sizeof r->value, best_y, m, d, true);
}

static size_t calendar_at(tx *x, size_t i, res *r, int tense, int how) {
    size_t j;
    int m = month_at(x, i, &j);
    if (m > 0) {
        /* MONTH DAY[,] [YEAR] */
        size_t k;
        int d = day_at(x, j, &k);
        if (d > 0 && !(P(x, k, ':')) && !(k < x->n && CLS(x, k, CRI_LC_TUNIT) >= 0)) {
            int y = -1;
            size_t e = k;
            size_t c = k;
            if (P(x, c, ',')) c++;
            if (year_at(x, c) > 0) { y = year_at(x, c); e = c + 1; }
            set_month_day(x, r, m, d, y, tense, how);
            return e;
        }
        /* MONTH [,|of] YEAR */
        size_t c = j;
        if (P(x, c, ',') || W(x, c, "of")) c++;
        if (year_at(x, c) > 0) {
            snprintf(r->value, sizeof r->value, "%04d-%02d", year_at(x, c), m);
            return c + 1;
        }
        /* MONTH [of] this/last/next year ("May last year", "July of this year") */
        size_t cy = W(x, j, "of") ? j + 1 : j;
        if ((W(x, cy, "this") || W(x, cy, "last") || W(x, cy, "next")) && W(x, cy + 1, "year")) {
            j = cy - 1;
            int off = W(x, j + 1, "last") ? -1 : W(x, j + 1, "next") ? 1 : 0;
            if (x->pub) {
                snprintf(r->value, sizeof r->value, "%04d-%02d", x->py + off, m);
                r->relative = true;
            } else {
                snprintf(r->value, sizeof r->value, "XXXX-%02d", m);
                r->relative = true;
            }
            return j + 3;
        }
        set_month_day(x, r, m, 0, -1, tense, how);
        return j;
    }
    /* DAY [of] MONTH [[,] YEAR] */
    int d = day_at(x, i, &j);
    if (d > 0) {
        size_t c = j;
        if (W(x, c, "of")) c++;
        size_t k;
        int m2 = month_at(x, c, &k);
        if (m2 > 0 && (c == j || W(x, j, "of") || true)) {
            int y = -1;
            size_t e = k;
            size_t c2 = k;
            if (P(x, c2, ',')) c2++;
            if (year_at(x, c2) > 0) { y = year_at(x, c2); e = c2 + 1; }
            set_month_day(x, r, m2, d, y, tense, how);
            return e;
        }
    }
    return i;
}

/* Month-first numeric dates for outlets in the Americas: a published time
 * with a UTC offset from -03:00 to -10:00, a .us address, or a US time zone
 * in the text.  Computed when the first ambiguous date needs it. */
static void check_us_order(tx *x) {
    x->us_checked = true;
    /* Month-first numeric dates for outlets in the Americas: a published
     * time with a UTC offset from -03:00 to -10:00, or a .us address. */
    const cr_doc *d = x->d;
    if (d->published) {
        const char *p = d->published;
        size_t n = strlen(p);
        if (n >= 6 && p[n - 6] == '-' && p[n - 3] == ':' && cri_isdigit((unsigned char)p[n - 5])) {
            int h = (p[n - 5] - '0') * 10 + (p[n - 4] - '0');
            if (h >= 3 && h <= 10) x->us_order = true;
        }
    }
    if (d->url && strstr(d->url, ".us/")) x->us_order = true;
    if (!x->us_order) {
        /* a US time zone in the text ("9:00 PM PDT", "11 a.m. EST") */
        static const char *const zones[] = {"M EST", "M EDT", "M CST", "M CDT", "M MST", "M MDT", "M PST",
                                            "M PDT", "M ET", "M PT", "m EST", "m EDT", "m ET", "m PT",
                                            ". EST", ". EDT", ". ET", ". PT", ". PST", ". PDT"};
        for (size_t z = 0; z < sizeof zones / sizeof zones[0] && !x->us_order; z++) {
            const char *p = d->body;
            size_t zl = strlen(zones[z]);
            while ((p = memmem(p, d->body_len - (size_t)(p - d->body), zones[z], zl)) != NULL) {
                size_t off = (size_t)(p - d->body) + zl;
                if (off >= d->body_len || !cri_isalnum((unsigned char)d->body[off])) { x->us_order = true; break; }
                p += zl;
            }
        }
    }

}

/* Numeric dates: 2024-07-09, 09-07-2024, 9/7/2024, 09.07.2024. */
static size_t numeric_date_at(tx *x, size_t i, res *r) {
    int a, b, c;
    size_t e;
    const cri_lxtok *k = &x->t[i];
    if (isnan(k->num) && k->kind == CRI_LX_NUM) {
        /* a single token "09.07.2024" */
        const char *s = x->body + k->start;
        size_t n = k->end - k->start;
        int parts[3] = {0, 0, 0}, np = 0, len[3] = {0, 0, 0};
        for (size_t q = 0; q < n; q++) {
            if (s[q] == '.') { if (++np > 2) return i; continue; }
            if (s[q] == ',') return i;
            if (++len[np] > 4) return i;   /* no date part is longer (and no overflow) */
            parts[np] = parts[np] * 10 + (s[q] - '0');
        }
        if (np != 2 || len[0] > 4 || len[1] > 2 || len[2] > 4) return i;
        if (len[0] == 4) { a = parts[0]; b = parts[1]; c = parts[2]; goto ymd; }
        if (len[2] != 4 && len[2] != 2) return i;
        a = parts[0]; b = parts[1]; c = parts[2] + (len[2] == 2 ? 2000 : 0);
        e = i + 1;
        goto dmy;
    }
    {
        int n1 = ndig(x, i);
        if (n1 < 1 || n1 > 4) return i;
        size_t s1 = i + 1;
        uint16_t sep;
        if (P(x, s1, '-') || P(x, s1, '/')) sep = x->t[s1].cp;
        else return i;
        if (!GLUED(x, s1) || !GLUED(x, s1 + 1)) return i;
        int n2 = ndig(x, s1 + 1);
        if (n2 < 1 || n2 > 2 || !P(x, s1 + 2, sep) || !GLUED(x, s1 + 2) || !GLUED(x, s1 + 3)) return i;
        int n3 = ndig(x, s1 + 3);
        if (n3 < 1 || n3 > 4) return i;
        a = ival(x, i); b = ival(x, s1 + 1); c = ival(x, s1 + 3);
        e = s1 + 4;
        if (n1 == 4) {
            if (n3 > 2) return i;
            i = e;   /* reuse */
            goto ymd_e;
        }
        if (n3 != 4 && n3 != 2) return i;
        if (n3 == 2) c += 2000;
        goto dmy;
    }
ymd:
    e = i + 1;
ymd_e:
    if (b < 1 || b > 12 || c < 1 || c > days_in_month(a, b)) return e == i ? i : (size_t)-1;
    put_date(r->value, sizeof r->value, a, b, c, true);
    return e;
dmy : {
    int day = a, mon = b;
    if (!x->us_checked) check_us_order(x);
    if (a > 12 && b <= 12) { day = a; mon = b; }
    else if (b > 12 && a <= 12) { day = b; mon = a; }
    else if (a <= 12 && b <= 12 && a != b && x->pub && c == x->py) {
        /* both readings valid: the one nearer the publication date (a
         * dateline is the common case), else the outlet's convention */
        int64_t p = pub_days(x);
        int64_t d1 = days_from_civil(c, b, a > days_in_month(c, b) ? 1 : a) - p;
        int64_t d2 = days_from_civil(c, a, b > days_in_month(c, a) ? 1 : b) - p;
        if (d1 < 0) d1 = -d1;
        if (d2 < 0) d2 = -d2;
        if (d2 < d1 || (d2 == d1 && x->us_order)) { day = b; mon = a; }
    } else if (a <= 12 && b <= 12 && x->us_order) { day = b; mon = a; }
    if (mon < 1 || mon > 12 || day < 1 || day > days_in_month(c, mon)) return i;
    put_date(r->value, sizeof r->value, c, mon, day, true);
    return e;
}
}

/* Durations and "N units ago": a number (digits or words) then a time unit.
 * Returns the end; r filled. */
static size_t duration_at(tx *x, size_t i, res *r) {
    double v;
    bool vague;
    size_t j = cri_num_read(x->body, x->t, x->n, i, &v, &vague);
    if (j == i && (W(x, i, "a") || W(x, i, "an")) && CLS(x, i + 1, CRI_LC_TUNIT) > 0) {
        v = 1;       /* "a year ago", "an hour" */
        j = i + 1;
        vague = false;
    }
    if (j == i || vague) return i;
    if (v < 0 || v > 100000) return i;
    /* adjectival "five-year", "24-hour" (not "33-year-old", an age) */
    bool adj = false;
    if (is_dash(x, j) && GLUED(x, j) && GLUED(x, j + 1)) {
        adj = true;
        j++;
    }
    int u = CLS(x, j, CRI_LC_TUNIT);
    if (u <= 0) return i;
    if (u == 1 && W(x, j, "second")) return i;     /* ordinal "second" */
    /* "one day" / "a day" alone is often "one day, ..." (some day): keep */
    size_t e = j + 1;
    if (adj) {
        if (is_dash(x, e) && GLUED(x, e) && W(x, e + 1, "old")) return i;   /* age */
        if (W(x, e, "old")) return i;
    }
    if (!adj && W(x, e, "old")) return i;           /* "five years old": age */
    if (W(x, e, "earlier") && !adj && u == 9 && v == 1 && x->pub && i > 0 && P(x, i - 1, ',') == false &&
        (W(x, i, "a") || W(x, i, "one"))) {
        /* "a year earlier" in a report compares with the year before */
        snprintf(r->value, sizeof r->value, "%04d", x->py - 1);
        r->relative = true;
        r->type = TY_DATE;
        return e + 1;
    }
    if ((W(x, e, "later") || W(x, e, "earlier")) && !adj && x->has_last_day && v == floor(v) && u >= 4 &&
        u != 6 && u <= 9) {
        /* "two days later": from the last date the text gave */
        int dir = W(x, e, "later") ? 1 : -1, n = (int)v * dir;
        int64_t base = days_from_civil(x->ly, x->lm, x->ld);
        if (u == 4) put_day(r->value, base + n);
        else if (u == 5) put_week(r->value, base + 7 * n);
        else if (u == 7) put_month(r->value, x->ly, x->lm + n);
        else if (u == 9) snprintf(r->value, sizeof r->value, "%04d", x->ly + n);
        else { put_duration(r->value, v, u); r->type = TY_DURATION; return e; }
        anchor_last_day(x, r);
        r->type = TY_DATE;
        return e + 1;
    }
    if (W(x, e, "ago") && !adj) {
        r->first = i;
        if (x->pub && v == floor(v)) shift_value(x, r, u, -(int)v);
        else unknown_unit(r, u);
        r->type = TY_DATE;
        return e + 1;
    }
    put_duration(r->value, v, u);
    r->type = TY_DURATION;
    return e;
}

/* A plural unit used vaguely: "decades", "for years", "several weeks". */
static size_t vague_duration_at(tx *x, size_t i, res *r) {
    size_t j = i;
    bool quant = false, two = false;
    if (W(x, j, "several") || W(x, j, "many") || W(x, j, "few")) { j++; quant = true; }
    else if (W(x, j, "a") && W(x, j + 1, "few")) { j += 2; quant = true; }
    else if (W(x, j, "a") && W(x, j + 1, "couple") && W(x, j + 2, "of")) { j += 3; quant = true; two = true; }
    else if (W(x, j, "the") && W(x, j + 1, "past") && W(x, j + 2, "few")) { j += 3; quant = true; }
    int u = CLS(x, j, CRI_LC_TUNIT);
    if (u <= 0 || W(x, j, "second")) return i;
    const cri_lxtok *k = &x->t[j];
    char last = cri_tolower(x->body[k->end - 1]);
    bool plural = last == 's';
    if (!plural) return i;
    if (!quant) {
        /* bare plurals only after a preposition that makes them a span of time */
        if (i == 0) return i;
        if (!(W(x, i - 1, "for") || W(x, i - 1, "over") || W(x, i - 1, "within") ||
              W(x, i - 1, "just") || W(x, i - 1, "only") || W(x, i - 1, "after") ||
              W(x, i - 1, "in") || W(x, i - 1, "recent") || W(x, i - 1, "took") ||
              TEQ(x, i - 1, "take") || TEQ(x, i - 1, "takes") || TEQ(x, i - 1, "lasted") ||
              TEQ(x, i - 1, "last") || TEQ(x, i - 1, "lasting")))
            return i;
        if (W(x, j + 1, "of") && u != 10) return i;     /* "weeks of talks" is fine but rare */
    }
    if (W(x, j + 1, "ago")) {
        unknown_unit(r, u);
        strcpy(r->value, "PAST_REF");
        return j + 2;
    }
    put_duration(r->value, two ? 2 : NAN, u);
    r->type = TY_DURATION;
    return j + 1;
}

static void put_season(tx *x, res *r, int s, int y) {
    static const char *const sc[] = {"", "SP", "SU", "FA", "WI"};
    if (y > 0) snprintf(r->value, sizeof r->value, "%04d-%s", y, sc[s]);
    else if (x->pub) {
        snprintf(r->value, sizeof r->value, "%04d-%s", x->py, sc[s]);
        r->relative = true;
    } else {
        snprintf(r->value, sizeof r->value, "XXXX-%s", sc[s]);
        r->relative = true;
    }
}

/* The season of the publication date, as seen from season s: 1 spring ..
 * 4 winter.  January and February are in the winter that began the year
 * before, so from them this year's spring, summer and fall are all still
 * ahead: 0 ("last spring" in February 1998 is 1997's). */
static int season_now(const tx *x, int s) {
    if (x->pm <= 2) return s == 4 ? 4 : 0;
    return x->pm <= 5 ? 1 : x->pm <= 8 ? 2 : x->pm <= 11 ? 3 : 4;
}

/* last/this/next/coming/past/previous + unit/month/weekday/season. */
static size_t deictic_at(tx *x, size_t i, res *r, int tense) {
    int how;
    if (W(x, i, "last") || W(x, i, "previous") || W(x, i, "past")) how = -1;
    else if (W(x, i, "next") || W(x, i, "coming")) how = 1;
    else if (W(x, i, "this")) how = 0;
    else return i;
    bool past = W(x, i, "past");
    size_t j = i + 1;
    /* "the past/last two years", "the next 24 hours": durations */
    double v;
    bool vague;
    size_t k = cri_num_read(x->body, x->t, x->n, j, &v, &vague);
    if (k > j && !vague) {
        int u = CLS(x, k, CRI_LC_TUNIT);
        if (u > 0 && !W(x, k, "second")) {
            put_duration(r->value, v, u);
            r->type = TY_DURATION;
            return k + 1;
        }
        return i;
    }
    if (W(x, j, "few") || W(x, j, "several")) {
        int u = CLS(x, j + 1, CRI_LC_TUNIT);
        if (u > 0) {
            put_duration(r->value, NAN, u);
            r->type = TY_DURATION;
            return j + 2;
        }
        return i;
    }
    int u = CLS(x, j, CRI_LC_TUNIT);
    /* "last week Friday": that weekday in the week before/after */
    if (u == 5 && !past && CLS(x, j + 1, CRI_LC_WDAY) >= 0 && (x->t[j + 1].flags & CRI_LXF_CAP) && x->pub) {
        int w = CLS(x, j + 1, CRI_LC_WDAY);
        int iso_p = x->pw == 0 ? 7 : x->pw, iso_w = w == 0 ? 7 : w;
        put_day(r->value, pub_days(x) - iso_p + iso_w + 7 * how);
        r->relative = true;
        return j + 2;
    }
    if (u > 0 && !W(x, j, "second") && !W(x, j, "minute") && !W(x, j, "hour")) {
        if (past || (W(x, i, "last") && i > 0 && W(x, i - 1, "the") && u != 6 && u != 8)) {
            /* "the past year": a duration (TimeML) */
            put_duration(r->value, 1, u);
            r->type = TY_DURATION;
            return j + 1;
        }
        if (x->pub) shift_value(x, r, u, how);
        else unknown_unit(r, u);
        return j + 1;
    }
    int w = CLS(x, j, CRI_LC_WDAY);
    if (w >= 0 && (x->t[j].flags & CRI_LXF_CAP)) {
        resolve_wday(x, r, w, tense, how == 0 ? 2 : how);
        size_t e = j + 1;
        int dp = CLS(x, e, CRI_LC_DPART);
        if (dp > 0 && dp <= 4) { add_dpart(r, dp); e++; }
        return e;
    }
    size_t e;
    int m = month_at(x, j, &e);
    if (m > 0) {
        set_month_day(x, r, m, 0, -1, tense, how == 0 ? 0 : how);
        if (how == 0 && x->pub) {
            snprintf(r->value, sizeof r->value, "%04d-%02d", x->py, m);
        }
        return e;
    }
    int s = CLS(x, j, CRI_LC_SEASON);
    if (s > 0 && !(W(x, j, "fall") && how != 0 && false)) {
        if (x->pub) {
            int cur = season_now(x, s);
            int y = x->py;
            if (how == -1 && s >= cur) y--;
            if (how == 1 && s <= cur) y++;
            put_season(x, r, s, y);
            r->relative = true;
        } else put_season(x, r, s, -1);
        return j + 1;
    }
    if (how == -1 && !past) {
        int dp = CLS(x, j, CRI_LC_DPART);
        if (dp == 4) {   /* last night */
            if (x->pub) { put_day(r->value, pub_days(x) - 1); r->relative = true; }
            else unknown_unit(r, 4);
            add_dpart(r, 4);
            return j + 1;
        }
    }
    if (how == 0) {
        int dp = CLS(x, j, CRI_LC_DPART);
        if (dp >= 1 && dp <= 4) {   /* this morning/evening */
            if (x->pub) { put_day(r->value, pub_days(x)); r->relative = true; }
            else unknown_unit(r, 4);
            add_dpart(r, dp);
            return j + 1;
        }
    }
    return i;
}

static void set_ref_from(tx *x, const res *r) {
    const char *v = r->value;
    if (cri_isdigit((unsigned char)v[0]) && cri_isdigit((unsigned char)v[1]) &&
        cri_isdigit((unsigned char)v[2]) && cri_isdigit((unsigned char)v[3]) && (v[4] == 0 || v[4] == '-')) {
        if (!r->relative && !r->anchored) {
            x->ref_y = atoi(v);
            copy_str(x->ref_value, sizeof x->ref_value, v);
        }
        if (is_day_value(v)) {
            x->ly = atoi(v);
            x->lm = atoi(v + 5);
            x->ld = atoi(v + 8);
            x->has_last_day = true;
        }
    }
}

/* The day a time of day belongs to: a date earlier in the sentence, else
 * the publication date, else unknown. */
static void put_time(tx *x, res *r, int hh, int mm) {
    char day[16];
    if (x->sday_ok) {
        copy_str(day, sizeof day, x->sday);
        if (x->sday_rel) r->relative = true;
    }
    else if (x->pub) {
        copy_str(day, sizeof day, x->pub_iso);
        r->relative = true;
    } else snprintf(day, sizeof day, "XXXX-XX-XX");
    snprintf(r->value, sizeof r->value, "%sT%02d:%02d", day, hh, mm);
    r->type = TY_TIME;
}

/* The thing after early/mid/late or "the end of": a month, a year, a
 * "this/last/next unit", a season, a decade.  Returns end, i when none. */
static size_t period_at(tx *x, size_t i, res *r, int tense) {
    size_t e;
    if (month_at(x, i, &e) > 0) return calendar_at(x, i, r, tense, 0);
    if (year_at(x, i) > 0) {
        if (GLUED(x, i + 1) && W(x, i + 1, "s")) {
            snprintf(r->value, sizeof r->value, "%03d", year_at(x, i) / 10);
            return i + 2;
        }
        snprintf(r->value, sizeof r->value, "%04d", year_at(x, i));
        return i + 1;
    }
    if (W(x, i, "this") || W(x, i, "last") || W(x, i, "next")) {
        e = deictic_at(x, i, r, tense);
        if (e > i) return e;
    }
    if (W(x, i, "the") && (CLS(x, i + 1, CRI_LC_TUNIT) == 9 || CLS(x, i + 1, CRI_LC_TUNIT) == 7 ||
                           CLS(x, i + 1, CRI_LC_TUNIT) == 5 || CLS(x, i + 1, CRI_LC_TUNIT) == 10)) {
        int u = CLS(x, i + 1, CRI_LC_TUNIT);
        if (x->pub) shift_value(x, r, u, 0);
        else unknown_unit(r, u);
        return i + 2;
    }
    int s = CLS(x, i, CRI_LC_SEASON);
    if (s > 0) {
        int y = -1;
        size_t k = i + 1;
        if (W(x, k, "of")) k++;
        if (year_at(x, k) > 0) { y = year_at(x, k); put_season(x, r, s, y); return k + 1; }
        put_season(x, r, s, -1);
        return i + 1;
    }
    return i;
}

static const char *qualifier_mod(const tx *x, size_t i) {
    if (i == 0) return NULL;
    if (W(x, i - 1, "about") || W(x, i - 1, "around") || W(x, i - 1, "approximately") ||
        W(x, i - 1, "roughly") || W(x, i - 1, "some"))
        return "APPROX";
    if (i >= 2 && W(x, i - 1, "than") && W(x, i - 2, "more")) return "MORE_THAN";
    if (i >= 2 && W(x, i - 1, "than") && (W(x, i - 2, "less") || W(x, i - 2, "fewer"))) return "LESS_THAN";
    if (i >= 2 && W(x, i - 1, "least") && W(x, i - 2, "at")) return "EQUAL_OR_MORE";
    if (W(x, i - 1, "nearly") || W(x, i - 1, "almost") || W(x, i - 1, "under")) return "LESS_THAN";
    if (W(x, i - 1, "over")) return "MORE_THAN";
    return NULL;
}

/* Try every pattern at token i; returns the end token (i when none). */
/* Capitalized triggers the shared lexicon has no entry for: "Q3" (the
 * lexer cuts it into "Q" + a glued number) and the holidays "New Year's
 * Eve/Day" and "Thanksgiving".  Returns the kind (0: none); cheap, since
 * it only looks at the first letter and length before comparing. */
static int unlexed_at(const tx *x, size_t i) {
    size_t n = x->t[i].end - x->t[i].start;
    char c = x->body[x->t[i].start];
    if (n == 1 && c == 'Q' && i + 1 < x->n && x->t[i + 1].kind == CRI_LX_NUM && GLUED(x, i + 1) &&
        x->t[i + 1].end - x->t[i + 1].start == 1 && x->t[i + 1].num >= 1 && x->t[i + 1].num <= 4)
        return 1;
    if (n == 3 && c == 'N' && TEQ(x, i, "new") && TEQ(x, i + 1, "year") &&
        (x->t[i + 1].flags & CRI_LXF_CAP) && P(x, i + 2, '\'') && TEQ(x, i + 3, "s") &&
        (TEQ(x, i + 4, "eve") || TEQ(x, i + 4, "day")) && (x->t[i + 4].flags & CRI_LXF_CAP))
        return 2;
    if (n == 12 && c == 'T' && TEQ(x, i, "thanksgiving")) return 3;
    return 0;
}

/* "overnight" as an adverb ("shelled the town overnight"), not "an
 * overnight stay" or "overnight rates". */
static bool overnight_adverb(const tx *x, size_t i) {
    if (W(x, i, "overnight") &&
        !(i > 0 && (W(x, i - 1, "a") || W(x, i - 1, "an") || W(x, i - 1, "the") || P(x, i - 1, '-'))) &&
        !(i + 1 < x->n && x->t[i + 1].kind == CRI_LX_WORD && !x->t[i + 1].lex &&
          !(x->t[i + 1].flags & CRI_LXF_CAP) && !TEQ(x, i + 1, "and") && !TEQ(x, i + 1, "into") &&
          !TEQ(x, i + 1, "as") && !TEQ(x, i + 1, "but") && !TEQ(x, i + 1, "when") &&
          !TEQ(x, i + 1, "while")) &&
        !(i + 1 < x->n && P(x, i + 1, '-')))
        return true;
    return false;
}

/* The tense at token i, read when a pattern first needs it: most triggers
 * fail without one, and the first read makes the line's tense marks. */
#define TENSE (tense < 0 ? (tense = tense_near(x, i, i + 1)) : tense)
static size_t match(tx *x, size_t i, res *r) {
    const cri_lxtok *k = &x->t[i];
    r->first = i;
    r->value[0] = 0;
    r->relative = r->anchored = false;
    r->anchor[0] = 0;
    r->type = TY_DATE;
    r->mod = NULL;
    size_t e;

    if (k->kind == CRI_LX_WORD && !k->lex) {
        int kind = unlexed_at(x, i);
        int tense = tense_near(x, i, i + 1);
        if (kind == 1) {
            int q = (int)x->t[i + 1].num;
            size_t c = i + 2;
            if (P(x, c, ',')) c++;
            if (year_at(x, c) > 0) {
                snprintf(r->value, sizeof r->value, "%04d-Q%d", year_at(x, c), q);
                return c + 1;
            }
            /* bare "Q3" only after a preposition ("in Q3"; "the Audi Q3" is a car) */
            if (!(i > 0 && (W(x, i - 1, "in") || W(x, i - 1, "for") || W(x, i - 1, "during") ||
                            W(x, i - 1, "by") || W(x, i - 1, "until") || W(x, i - 1, "since") ||
                            W(x, i - 1, "of") || W(x, i - 1, "through"))))
                return i;
            if (!x->pub) {
                snprintf(r->value, sizeof r->value, "XXXX-Q%d", q);
                r->relative = true;
                return i + 2;
            }
            int y = x->py, cur = (x->pm - 1) / 3 + 1;
            if (tense == T_PAST && q > cur) y--;
            if (tense == T_FUTURE && q < cur) y++;
            snprintf(r->value, sizeof r->value, "%04d-Q%d", y, q);
            r->relative = true;
            return i + 2;
        }
        if (kind == 2 || kind == 3) {
            e = kind == 2 ? i + 5 : i + 1;
            size_t c = e;
            int y = -1;
            if (P(x, c, ',')) c++;
            if (year_at(x, c) > 0) { y = year_at(x, c); e = c + 1; }
            bool eve = kind == 2 && TEQ(x, i + 4, "eve");
            if (kind == 3) {
                /* the fourth Thursday of November, in the year the tense picks */
                if (y < 0 && x->pub) {
                    y = year_for(x, 11, 24, tense, 0);
                    r->relative = true;
                }
                if (y < 0) { strcpy(r->value, "XXXX-11"); r->relative = true; return e; }
                int w1 = (int)((days_from_civil(y, 11, 1) + 4) % 7);   /* 0 = Sunday */
                if (w1 < 0) w1 += 7;
                int d = 1 + (4 - w1 + 7) % 7 + 21;
                bool rel = r->relative;
                set_month_day(x, r, 11, d, y, tense, 0);
                r->relative = rel;
                return e;
            }
            set_month_day(x, r, eve ? 12 : 1, eve ? 31 : 1, y, tense, 0);
            return e;
        }
        return i;
    }
    if (k->kind == CRI_LX_NUM) {
        e = numeric_date_at(x, i, r);
        if (e == (size_t)-1) return i;
        if (e > i) return e;
        int hh, mm;
        e = time_at(x, i, &hh, &mm);
        /* "with 7:41 left", "4:12 to play": a game clock, not a time of day */
        if (e > i && (TEQ(x, e, "left") || TEQ(x, e, "remaining") ||
                      (TEQ(x, e, "to") && (TEQ(x, e + 1, "go") || TEQ(x, e + 1, "play")))))
            return i;
        if (e > i) {
            /* "3:21 PM ET, 01/5/2011", "12:17 am, Monday, September 16": the day after */
            if (!x->sday_ok) {
                size_t c = e;
                if (P(x, c, ',')) c++;
                if (W(x, c, "on")) c++;
                int w = -1;
                if (CLS(x, c, CRI_LC_WDAY) >= 0 && (x->t[c].flags & CRI_LXF_CAP)) {
                    w = CLS(x, c, CRI_LC_WDAY);
                    c++;
                    if (P(x, c, ',') || P(x, c, '.')) c++;
                }
                res sub = *r;
                size_t e2 = NUM(x, c) ? numeric_date_at(x, c, &sub) : c;
                if (e2 == (size_t)-1 || e2 == c) {
                    e2 = c;
                    size_t mx;
                    if (month_at(x, c, &mx) > 0 || (NUM(x, c) && ndig(x, c) <= 2))
                        e2 = calendar_at(x, c, &sub, T_NONE, 0);
                }
                bool dated = e2 > c && is_day_value(sub.value) && sub.value[0] != 'X';
                if (dated && w >= 0) fit_weekday(x, &sub, w);
                if (!dated && w >= 0 && x->pub) {
                    /* "3:45 a.m. on Saturday": the weekday alone names the day */
                    sub = *r;
                    resolve_wday(x, &sub, w, tense_near(x, i, e), 0);
                    dated = is_day_value(sub.value);
                }
                if (dated) {
                    x->sday_ok = true;
                    x->sday_rel = sub.relative;
                    memcpy(x->sday, sub.value, 11);
                    put_time(x, r, hh, mm);
                    x->sday_ok = false;
                    return e;
                }
            }
            put_time(x, r, hh, mm);
            return e;
        }
        /* DAY [of] MONTH: calendar_at needs a month name within three
         * tokens (only then is the tense worth its marks) */
        if (CLS(x, i + 1, CRI_LC_MONTH) > 0 || CLS(x, i + 2, CRI_LC_MONTH) > 0 ||
            CLS(x, i + 3, CRI_LC_MONTH) > 0) {
            int tense = tense_near(x, i, i + 1);
            e = calendar_at(x, i, r, tense, 0);
            if (e > i) return e;
        }
        if (ndig(x, i) <= 2 && GLUED(x, i + 1) && (W(x, i + 1, "th") || W(x, i + 1, "st") || W(x, i + 1, "nd") ||
                                                   W(x, i + 1, "rd")) && W(x, i + 2, "century") &&
            ival(x, i) >= 1 && ival(x, i) <= 22) {
            snprintf(r->value, sizeof r->value, "%02d", ival(x, i) - 1);
            return i + 3;
        }
        /* "'98", "the '90s": two-digit years after an apostrophe */
        if (ndig(x, i) == 2 && i > 0 && GLUED(x, i) && (P(x, i - 1, '\'') || P(x, i - 1, 0x2019)) &&
            !(i > 1 && GLUED(x, i - 1) && x->t[i - 2].kind == CRI_LX_WORD)) {
            int yy = ival(x, i);
            /* the century: the latest one that does not put the year more
             * than a year after publication; unknown without a date */
            int cent = x->pub && yy > (x->py % 100) + 1 ? (x->py / 100 - 1) : x->py / 100;
            char cc[8];
            if (x->pub) snprintf(cc, sizeof cc, "%02d", cent % 100);
            else snprintf(cc, sizeof cc, "XX");
            r->first = i - 1;
            if (GLUED(x, i + 1) && W(x, i + 1, "s") && yy % 10 == 0) {
                snprintf(r->value, sizeof r->value, "%s%d", cc, yy / 10);
                r->relative = x->pub;
                return i + 2;
            }
            if (i > 1 && (W(x, i - 2, "in") || W(x, i - 2, "since") || W(x, i - 2, "of") ||
                          CLS(x, i - 2, CRI_LC_MONTH) > 0 || CLS(x, i - 2, CRI_LC_SEASON) > 0 ||
                          CLS(x, i - 2, CRI_LC_HOLIDAY) > 0)) {
                snprintf(r->value, sizeof r->value, "%s%02d", cc, yy);
                r->relative = x->pub;
                return i + 1;
            }
            r->first = i;
        }
        int y = year_at(x, i);
        if (y > 0) {
            /* "1990s" */
            if (GLUED(x, i + 1) && W(x, i + 1, "s") && y % 10 == 0) {
                snprintf(r->value, sizeof r->value, "%03d", y / 10);
                return i + 2;
            }
            /* "2019-20", "2023/24": seasons and fiscal years, skip */
            if ((is_dash(x, i + 1) || P(x, i + 1, '/')) && GLUED(x, i + 1) && NUM(x, i + 2)) return i;
            bool prep = i > 0 && ((CLS(x, i - 1, CRI_LC_FUNC) >= 0 && !W(x, i - 1, "has") && !W(x, i - 1, "have") &&
                                   !W(x, i - 1, "per") && !W(x, i - 1, "as") && !W(x, i - 1, "old") &&
                                   !W(x, i - 1, "aged") && !W(x, i - 1, "times")) || is_dash(x, i - 1) ||
                                  W(x, i - 1, "early") || W(x, i - 1, "late") || W(x, i - 1, "mid") ||
                                  W(x, i - 1, "year") || P(x, i - 1, ',') || P(x, i - 1, '('));
            bool after_ok = i + 1 >= x->n || x->t[i + 1].kind == CRI_LX_PUNCT ||
                            (x->t[i + 1].kind == CRI_LX_WORD &&
                             ((x->t[i + 1].flags & CRI_LXF_CAP) || CLS(x, i + 1, CRI_LC_FUNC) >= 0 ||
                              CLS(x, i + 1, CRI_LC_TENSE) >= 0));
            if (x->t[i + 1 < x->n ? i + 1 : i].kind == CRI_LX_WORD && i + 1 < x->n &&
                (CLS(x, i + 1, CRI_LC_UNIT) >= 0 || CLS(x, i + 1, CRI_LC_CUR) >= 0 ||
                 CLS(x, i + 1, CRI_LC_SCALE) >= 0 || W(x, i + 1, "percent") || W(x, i + 1, "per")))
                after_ok = false, prep = false;
            if (i > 0 && (P(x, i - 1, '$') || P(x, i - 1, 0x20AC) || P(x, i - 1, 0xA3) ||
                          P(x, i - 1, '#') || P(x, i - 1, '.') || W(x, i - 1, "no") || W(x, i - 1, "number")))
                prep = after_ok = false;
            if ((prep && (y >= 1800 || !GLUED(x, i))) || (after_ok && y >= 1900 && y <= 2100)) {
                snprintf(r->value, sizeof r->value, "%04d", y);
                return i + 1;
            }
        }
        e = duration_at(x, i, r);
        if (e > i) {
            if (r->type == TY_DURATION) r->mod = qualifier_mod(x, i);
            return e;
        }
        return i;
    }
    if (k->kind != CRI_LX_WORD || !k->lex) return i;
    const cri_lexicon_entry *en = cri_lx_entry(k->lex);
    int tense = -1;   /* not read yet: TENSE */
    switch (en->cls) {
    case CRI_LC_MONTH:
        return calendar_at(x, i, r, TENSE, 0);
    case CRI_LC_WDAY: {
        if (!(k->flags & CRI_LXF_CAP)) return i;
        size_t len = k->end - k->start;
        if (len <= 4) {
            /* abbreviations only right before a date or with a period */
            size_t nx;
            if (!(P(x, i + 1, ',') || P(x, i + 1, '.') || month_at(x, i + 1, &nx) > 0 || NUM(x, i + 1)))
                return i;
        }
        /* "Tuesday, 9 July 2024", "Monday, June 19" */
        size_t c = i + 1;
        if (P(x, c, ',') || (P(x, c, '.') && len <= 4)) c++;
        if (P(x, c, ',')) c++;
        res sub = *r;
        size_t e2 = NUM(x, c) ? numeric_date_at(x, c, &sub) : c;
        if (e2 == (size_t)-1) e2 = c;
        if (e2 == c) e2 = calendar_at(x, c, &sub, TENSE, 0);
        if (e2 > c && strlen(sub.value) >= 10) {
            fit_weekday(x, &sub, en->val);
            memcpy(r->value, sub.value, sizeof r->value);
            r->relative = sub.relative;
            r->anchored = sub.anchored;
            return e2;
        }
        if (len <= 4) return i;
        /* "postponed until Monday": a limit ahead of the report */
        if (i > 0 && (W(x, i - 1, "until") || W(x, i - 1, "till") || TEQ(x, i - 1, "next")))
            tense = T_FUTURE;
        resolve_wday(x, r, en->val, TENSE, 0);
        e = i + 1;
        int dp = CLS(x, e, CRI_LC_DPART);
        if (dp >= 1 && dp <= 4) { add_dpart(r, dp); e++; }
        return e;
    }
    case CRI_LC_REL:
        break;
    case CRI_LC_TUNIT:
        /* "by year-end": the end of the publication year */
        if (TEQ(x, i, "year") && is_dash(x, i + 1) && GLUED(x, i + 1) && GLUED(x, i + 2) &&
            TEQ(x, i + 2, "end") && !(i > 0 && NUM(x, i - 1))) {
            if (x->pub) {
                snprintf(r->value, sizeof r->value, "%04d", x->py);
                r->relative = true;
            } else snprintf(r->value, sizeof r->value, "XXXX");
            r->mod = "END";
            return i + 3;
        }
        e = vague_duration_at(x, i, r);
        if (e > i) r->mod = qualifier_mod(x, i);
        return e;
    case CRI_LC_NUMW:
        e = duration_at(x, i, r);
        if (e > i && r->type == TY_DURATION) r->mod = qualifier_mod(x, i);
        return e;
    case CRI_LC_FUNC: {
        if (W(x, i, "a") || W(x, i, "an")) {
            e = duration_at(x, i, r);
            if (e > i) {
                if (r->type == TY_DURATION) r->mod = qualifier_mod(x, i);
                return e;
            }
            return vague_duration_at(x, i, r);
        }
        const char *w = en->w;
        if (w[0] == 'q' && w[1] >= '1' && w[1] <= '4' && (k->flags & CRI_LXF_CAP)) {
            int q = en->val;
            size_t c = i + 1;
            if (P(x, c, ',')) c++;
            if (year_at(x, c) > 0) {
                snprintf(r->value, sizeof r->value, "%04d-Q%d", year_at(x, c), q);
                return c + 1;
            }
            /* bare "Q3" after a preposition: the report's year, by tense */
            if (i > 0 && (W(x, i - 1, "in") || W(x, i - 1, "for") || W(x, i - 1, "during") ||
                          W(x, i - 1, "by") || W(x, i - 1, "until") || W(x, i - 1, "since"))) {
                if (!x->pub) {
                    snprintf(r->value, sizeof r->value, "XXXX-Q%d", q);
                    r->relative = true;
                    return i + 1;
                }
                int y = x->py, cur = (x->pm - 1) / 3 + 1;
                if (TENSE == T_PAST && q > cur) y--;
                if (TENSE == T_FUTURE && q < cur) y++;
                snprintf(r->value, sizeof r->value, "%04d-Q%d", y, q);
                r->relative = true;
                return i + 1;
            }
            return i;
        }
        if (W(x, i, "the")) {
            /* (trigger() lets "the" through only before the words these
             * patterns begin with: keep its list in step) */
            /* "the past", "the future", "the present" as references */
            if (W(x, i + 1, "future")) { strcpy(r->value, "FUTURE_REF"); return i + 2; }
            if (TEQ(x, i + 1, "near") && W(x, i + 2, "future")) { strcpy(r->value, "FUTURE_REF"); return i + 3; }
            if (W(x, i + 1, "past") && !NUM(x, i + 2) && CLS(x, i + 2, CRI_LC_TUNIT) < 0 &&
                CLS(x, i + 2, CRI_LC_NUMW) < 0 && !W(x, i + 2, "few") && !W(x, i + 2, "several")) {
                strcpy(r->value, "PAST_REF");
                return i + 2;
            }
            if (W(x, i + 1, "weekend")) {
                if (!x->pub) { unknown_unit(r, 6); return i + 2; }
                int64_t p = pub_days(x);
                int64_t sat = (TENSE == T_FUTURE || TENSE == T_PRESENT) ? p + (6 - x->pw + 7) % 7
                                                                         : p - (x->pw + 1) % 7;
                put_week(r->value, sat);
                strcat(r->value, "-WE");
                r->relative = true;
                return i + 2;
            }
            /* "the end/beginning/middle of X" */
            if ((W(x, i + 1, "end") || W(x, i + 1, "beginning") || W(x, i + 1, "start") ||
                 W(x, i + 1, "middle")) && W(x, i + 2, "of")) {
                e = period_at(x, i + 3, r, TENSE);
                if (e > i + 3) {
                    r->mod = W(x, i + 1, "end") ? "END" : W(x, i + 1, "middle") ? "MID" : "START";
                    return e;
                }
                return i;
            }
            /* the next/following day|week|month|year: after the last date mentioned */
            if ((W(x, i + 1, "next") || W(x, i + 1, "following") || W(x, i + 1, "previous")) &&
                CLS(x, i + 2, CRI_LC_TUNIT) >= 4 && CLS(x, i + 2, CRI_LC_TUNIT) != 6) {
                int u = CLS(x, i + 2, CRI_LC_TUNIT);
                int dir = W(x, i + 1, "previous") ? -1 : 1;
                if (x->has_last_day) {
                    int64_t base = days_from_civil(x->ly, x->lm, x->ld);
                    if (u == 4) put_day(r->value, base + dir);
                    else if (u == 5) put_week(r->value, base + 7 * dir);
                    else if (u == 7) put_month(r->value, x->ly, x->lm + dir);
                    else if (u == 9) snprintf(r->value, sizeof r->value, "%04d", x->ly + dir);
                    else { unknown_unit(r, u); return i + 3; }
                    anchor_last_day(x, r);
                } else if (x->pub && u != 8) shift_value(x, r, u, dir);   /* from the report's date */
                else unknown_unit(r, u);
                return i + 3;
            }
            if ((W(x, i + 1, "same") || W(x, i + 1, "that")) && W(x, i + 2, "day")) {
                if (x->has_last_day) {
                    put_day(r->value, days_from_civil(x->ly, x->lm, x->ld));
                    anchor_last_day(x, r);
                } else unknown_unit(r, 4);
                return i + 3;
            }
            /* the first/second... quarter [of YEAR], the first/second half of YEAR */
            int o = CLS(x, i + 1, CRI_LC_ORD);
            if (o >= 1 && o <= 4 && (W(x, i + 2, "quarter") || (o <= 2 && W(x, i + 2, "half")))) {
                bool half = W(x, i + 2, "half");
                size_t c = i + 3;
                int y = -1;
                if (W(x, c, "of") && year_at(x, c + 1) > 0) { y = year_at(x, c + 1); c += 2; }
                else if (W(x, c, "of") && (W(x, c + 1, "this") || W(x, c + 1, "the")) && W(x, c + 2, "year")) {
                    c += 3;
                } else if (W(x, c, "of") && (W(x, c + 1, "last") || W(x, c + 1, "next")) && W(x, c + 2, "year")) {
                    /* "the first half of next year" */
                    if (!x->pub) {
                        snprintf(r->value, sizeof r->value, half ? "XXXX-H%d" : "XXXX-Q%d", o);
                        r->relative = true;
                        return c + 3;
                    }
                    y = x->py + (W(x, c + 1, "next") ? 1 : -1);
                    r->relative = true;
                    c += 3;
                }
                if (y < 0 && half && c == i + 3) return i;  /* "the first half" of a match */
                if (y < 0) {
                    if (!x->pub) {
                        snprintf(r->value, sizeof r->value, half ? "XXXX-H%d" : "XXXX-Q%d", o);
                        r->relative = true;
                        return c;
                    }
                    y = x->py;
                    int cur = half ? (x->pm - 1) / 6 + 1 : (x->pm - 1) / 3 + 1;
                    if (TENSE == T_PAST && o > cur) y--;
                    r->relative = true;
                }
                snprintf(r->value, sizeof r->value, half ? "%04d-H%d" : "%04d-Q%d", y, o);
                return c;
            }
            return i;
        }
        if (W(x, i, "in") && W(x, i + 1, "the") && W(x, i + 2, "past") && !NUM(x, i + 3) &&
            CLS(x, i + 3, CRI_LC_TUNIT) < 0 && CLS(x, i + 3, CRI_LC_NUMW) < 0 && !W(x, i + 3, "few")) {
            r->first = i + 1;
            strcpy(r->value, "PAST_REF");
            return i + 3;
        }
        return i;
    }
    case CRI_LC_SET: {
        if (W(x, i, "every") || W(x, i, "each")) {
            size_t c = i + 1;
            double v = 1;
            bool vague;
            size_t c2 = cri_num_read(x->body, x->t, x->n, c, &v, &vague);
            if (c2 > c && !vague) c = c2;
            else v = 1;
            int u = CLS(x, c, CRI_LC_TUNIT);
            if (u > 0 && !W(x, c, "second")) {
                put_duration(r->value, v, u);
                r->type = TY_SET;
                return c + 1;
            }
            int w = CLS(x, c, CRI_LC_WDAY);
            if (w >= 0 && (x->t[c].flags & CRI_LXF_CAP)) {
                snprintf(r->value, sizeof r->value, "XXXX-WXX-%d", w == 0 ? 7 : w);
                r->type = TY_SET;
                return c + 1;
            }
            return i;
        }
        if (en->val == 8) {
            strcpy(r->value, "P3M");
            r->type = TY_SET;
            return i + 1;
        }
        if (en->val) {
            put_duration(r->value, 1, en->val);
            r->type = TY_SET;
            return i + 1;
        }
        return i;
    }
    case CRI_LC_SEASON: {
        bool fall = W(x, i, "fall");
        size_t c = i + 1;
        if (W(x, c, "of")) c++;
        int y = year_at(x, c);
        if (y > 0) {
            put_season(x, r, en->val, y);
            return c + 1;
        }
        /* bare: "in the summer", "this spring" (deictic_at), "last fall" */
        size_t pr = i > 0 && W(x, i - 1, "the") ? i - 1 : i;   /* "in the summer", "in summer" */
        if (pr > 0 && (W(x, pr - 1, "in") || W(x, pr - 1, "during") || W(x, pr - 1, "over") ||
                       W(x, pr - 1, "by") || (pr == i && (W(x, pr - 1, "until") || W(x, pr - 1, "since")))) &&
            !(pr == i && i + 1 < x->n && x->t[i + 1].kind == CRI_LX_WORD && !W(x, i + 1, "and") &&
              !x->t[i + 1].lex)) {
            if (fall && !(x->t[i].flags & CRI_LXF_CAP) && false) return i;
            if (x->pub) {
                int cur = season_now(x, en->val);
                int yy = x->py;
                if (TENSE == T_PAST && en->val > cur) yy--;
                if (TENSE == T_FUTURE && en->val < cur) yy++;
                put_season(x, r, en->val, yy);
                r->relative = true;
            } else put_season(x, r, en->val, -1);
            return i + 1;
        }
        return i;
    }
    case CRI_LC_HOLIDAY: {
        if (!(k->flags & CRI_LXF_CAP)) return i;
        int m = en->val == 1 ? 12 : 10, d = en->val == 1 ? 25 : 31;
        e = i + 1;
        if (en->val == 1 && W(x, e, "eve") == false && e < x->n && x->t[e].kind == CRI_LX_WORD &&
            x->t[e].end - x->t[e].start == 3 && (x->body[x->t[e].start] == 'E')) {
            d = 24;
            e++;
        }
        size_t c = e;
        int y = -1;
        if (P(x, c, ',')) c++;
        if (year_at(x, c) > 0) { y = year_at(x, c); e = c + 1; }
        set_month_day(x, r, m, d, y, TENSE, 0);
        return e;
    }
    case CRI_LC_DPART: {
        if (overnight_adverb(x, i)) {
            /* the night before the report in a past sentence, the coming one otherwise */
            if (!x->pub) { strcpy(r->value, "XXXX-XX-XXTNI"); return i + 1; }
            int tense = tense_near(x, i, i + 1);
            put_day(r->value, pub_days(x) - (tense == T_FUTURE || tense == T_PRESENT ? 0 : 1));
            strcat(r->value, "TNI");
            r->relative = true;
            return i + 1;
        }
        if (en->val == 5 || en->val == 6) {
            if (i > 0 && (W(x, i - 1, "at") || W(x, i - 1, "by") || W(x, i - 1, "before") ||
                          W(x, i - 1, "after") || W(x, i - 1, "until") || W(x, i - 1, "around") ||
                          W(x, i - 1, "about"))) {
                put_time(x, r, en->val == 5 ? 12 : 24, 0);
                return i + 1;
            }
        }
        return i;
    }
    case CRI_LC_ORD: {
        /* "third-quarter", "first-half" adjectives with a year context
         * (trigger() tests the same condition first) */
        if (is_dash(x, i + 1) && GLUED(x, i + 1) && W(x, i + 2, "quarter") && en->val <= 4) {
            if (!x->pub) {
                snprintf(r->value, sizeof r->value, "XXXX-Q%d", en->val);
                r->relative = true;
                return i + 3;
            }
            int y = x->py, cur = (x->pm - 1) / 3 + 1;
            if (TENSE == T_PAST && en->val > cur) y--;
            snprintf(r->value, sizeof r->value, "%04d-Q%d", y, en->val);
            r->relative = true;
            return i + 3;
        }
        return i;
    }
    default:
        return i;
    }

    /* CRI_LC_REL words (trigger() skips those with no branch here) */
    const char *w = en->w;
    if (!strcmp(w, "yesterday") || !strcmp(w, "today") || !strcmp(w, "tomorrow") || !strcmp(w, "tonight")) {
        int off = w[0] == 'y' ? -1 : (w[2] == 'm' ? 1 : 0);
        if (x->pub) {
            put_day(r->value, pub_days(x) + off);
            r->relative = true;
        } else unknown_unit(r, 4);
        e = i + 1;
        if (w[0] == 't' && w[2] == 'n') add_dpart(r, 4);
        else {
            int dp = CLS(x, e, CRI_LC_DPART);
            if (dp >= 1 && dp <= 4 && w[0] != 't') { add_dpart(r, dp); e++; }
            else if (dp >= 1 && dp <= 4 && w[2] == 'm') { add_dpart(r, dp); e++; }
        }
        /* "today" as "nowadays" ("today's Russia") stays a date: TimeML does the same */
        return e;
    }
    if (!strcmp(w, "now") || !strcmp(w, "currently") || !strcmp(w, "nowadays")) {
        if (!strcmp(w, "now") && i > 0 && (W(x, i - 1, "until") || W(x, i - 1, "till") ||
                                           W(x, i - 1, "by") || W(x, i - 1, "from") || W(x, i - 1, "since"))) {
            /* still a reference to the present */
        }
        strcpy(r->value, "PRESENT_REF");
        r->relative = x->pub;
        return i + 1;
    }
    if (!strcmp(w, "recently") || !strcmp(w, "previously")) {
        strcpy(r->value, "PAST_REF");
        r->relative = x->pub;
        return i + 1;
    }
    if (!strcmp(w, "coming") && CLS(x, i + 1, CRI_LC_TUNIT) >= 2 &&
        cri_tolower(x->body[x->t[i + 1].end - 1]) == 's') {
        strcpy(r->value, "FUTURE_REF");      /* "in the coming weeks" */
        if (i > 0 && W(x, i - 1, "the")) r->first = i - 1;
        return i + 2;
    }
    if (!strcmp(w, "last") || !strcmp(w, "this") || !strcmp(w, "next") || !strcmp(w, "past") ||
        !strcmp(w, "coming") || !strcmp(w, "previous")) {
        return deictic_at(x, i, r, TENSE);
    }
    if (!strcmp(w, "current")) {
        /* "the current quarter/year/month/week" */
        int u = CLS(x, i + 1, CRI_LC_TUNIT);
        if (u == 5 || u == 7 || u == 8 || u == 9) {
            if (x->pub) shift_value(x, r, u, 0);
            else unknown_unit(r, u);
            if (i > 0 && W(x, i - 1, "the")) r->first = i - 1;
            return i + 2;
        }
        return i;
    }
    if (!strcmp(w, "fiscal") || !strcmp(w, "fy")) {
        /* "fiscal 2024", "fiscal year 2024", "FY2024" (the year named) */
        size_t c = i + 1;
        if (W(x, c, "year")) c++;
        if (year_at(x, c) > 0) {
            snprintf(r->value, sizeof r->value, "%04d", year_at(x, c));
            return c + 1;
        }
        if (NUM(x, c) && ndig(x, c) == 2 && GLUED(x, c)) {     /* FY24 */
            snprintf(r->value, sizeof r->value, "20%02d", ival(x, c));
            return c + 1;
        }
        return i;
    }
    if (!strcmp(w, "earlier") || !strcmp(w, "later")) {
        if (W(x, i + 1, "this") || W(x, i + 1, "last") || W(x, i + 1, "next")) {
            e = deictic_at(x, i + 1, r, TENSE);
            if (e > i + 1 && r->type == TY_DATE) return e;
        }
        if (W(x, i + 1, "in") && W(x, i + 2, "the")) {
            int u = CLS(x, i + 3, CRI_LC_TUNIT);
            if (u == 4 || u == 5 || u == 7 || u == 9) {
                /* "earlier in the day/week": the current one */
                if (x->pub) shift_value(x, r, u, 0);
                else unknown_unit(r, u);
                return i + 4;
            }
        }
        return i;
    }
    if (!strcmp(w, "early") || !strcmp(w, "mid") || !strcmp(w, "late")) {
        size_t c = i + 1;
        if (is_dash(x, c) && GLUED(x, c)) c++;
        else if (!strcmp(w, "mid")) return i;
        if (W(x, c, "in")) c++;
        if (W(x, c, "this") || W(x, c, "last") || W(x, c, "next") || W(x, c, "the") ||
            year_at(x, c) > 0 || CLS(x, c, CRI_LC_SEASON) > 0 || CLS(x, c, CRI_LC_MONTH) > 0) {
            e = period_at(x, c, r, TENSE);
            if (e > c && r->type == TY_DATE) {
                r->mod = w[0] == 'e' ? "START" : w[0] == 'm' ? "MID" : "END";
                return e;
            }
        }
        return i;
    }
    if (!strcmp(w, "few") || !strcmp(w, "several") || !strcmp(w, "many") || !strcmp(w, "couple")) {
        e = vague_duration_at(x, i, r);
        if (e > i) r->mod = qualifier_mod(x, i);
        return e;
    }
    if (!strcmp(w, "recent")) {
        int u = CLS(x, i + 1, CRI_LC_TUNIT);
        if (u >= 4 && x->t[i + 1].end > x->t[i + 1].start &&
            cri_tolower(x->body[x->t[i + 1].end - 1]) == 's') {
            strcpy(r->value, "PAST_REF");
            return i + 2;
        }
    }
    if (!strcmp(w, "following") || !strcmp(w, "next") || !strcmp(w, "same")) return i;
    return i;
}

#undef TENSE

/* Words that, with "the" before them, take it into the span. */
static bool takes_the(const tx *x, size_t i) {
    return (x->t[i].kind == CRI_LX_PUNCT && NUM(x, i + 1)) || W(x, i, "past") || W(x, i, "last") || W(x, i, "next") || W(x, i, "previous") ||
           W(x, i, "coming") || (NUM(x, i) && GLUED(x, i + 1) && W(x, i + 1, "s")) ||
           CLS(x, i, CRI_LC_SEASON) > 0 || W(x, i, "first") || W(x, i, "few");
}

/* First-token dispatch: which words may start an expression.  Function
 * words, tense markers, units and currencies never do, except "the"/"a"/
 * "an" before a time word and "in the past". */
static bool trigger(const tx *x, size_t i) {
    const cri_lexicon_entry *e = cri_lx_entry(x->t[i].lex);
    if (!e) {
        char c = x->body[x->t[i].start];   /* unlexed_at knows only these */
        return (c == 'Q' || c == 'N' || c == 'T') && unlexed_at(x, i);
    }
    switch (e->cls) {
    case CRI_LC_MONTH: case CRI_LC_WDAY: case CRI_LC_NUMW: case CRI_LC_TUNIT:
    case CRI_LC_DPART: case CRI_LC_SEASON: case CRI_LC_SET: case CRI_LC_HOLIDAY:
        return true;
    case CRI_LC_REL: {
        /* relative words for which match() has no pattern of their own
         * ("that" is most of them; "the same day", "in the future" start at
         * "the"/"in"): not worth a call, nor the line's tense marks.  A new
         * pattern for one of them must take it out of this list. */
        static const char *const inert[] = {"ago", "end", "beginning", "start", "middle",
                                            "following", "same", "that", "future", "present",
                                            "day's"};
        for (size_t k = 0; k < sizeof inert / sizeof inert[0]; k++)
            if (inert[k][0] == e->w[0] && !strcmp(inert[k], e->w)) return false;
        return true;
    }
    case CRI_LC_ORD:
        /* the one ordinal pattern of match(): "third-quarter" */
        return e->val <= 4 && is_dash(x, i + 1) && GLUED(x, i + 1) && W(x, i + 2, "quarter");
    case CRI_LC_FUNC: {
        const char *w = e->w;
        if (w[0] == 'q' && w[1] && !w[2]) return true;
        if (i + 1 >= x->n || !x->t[i + 1].lex) return false;
        if (!strcmp(w, "the")) {
            /* match() has patterns for "the" before these words only ("the
             * past", "the end of", "the next day", "the first quarter") */
            static const char *const after[] = {"future", "near", "past", "weekend", "end",
                                                "beginning", "start", "middle", "next",
                                                "following", "previous", "same", "that"};
            int o = CLS(x, i + 1, CRI_LC_ORD);
            if (o >= 1 && o <= 4) return true;
            const char *w1 = cri_lx_entry(x->t[i + 1].lex)->w;
            for (size_t k = 0; k < sizeof after / sizeof after[0]; k++)
                if (after[k][0] == w1[0] && !strcmp(after[k], w1)) return true;
            return false;
        }
        if (!strcmp(w, "a") || !strcmp(w, "an")) return true;
        if (!strcmp(w, "in")) return W(x, i + 1, "the") && W(x, i + 2, "past");
        return false;
    }
    default:
        return false;
    }
}

static cr_status push(tx *x, const res *r, size_t end) {
    cr_doc *d = x->d;
    cri_timex *t = CRI_PUSH(d->dates, d->n_dates, d->cap_dates);
    if (!t) return CR_ERR_NOMEM;
    t->start = x->t[r->first].start;
    t->end = x->t[end - 1].end;
    /* a trailing period of "Feb." or "a.m." stays; a sentence's own does not matter */
    t->value = cri_arena_strdup(&d->arena, r->value);
    t->anchor = r->relative && x->pub ? cri_arena_strdup(&d->arena, x->pub_iso)
                : r->anchored && r->anchor[0] ? cri_arena_strdup(&d->arena, r->anchor)
                                              : NULL;
    t->relative = r->relative && x->pub;
    t->type = r->type;
    t->mod = r->mod;
    if (!t->value) return CR_ERR_NOMEM;
    return CR_OK;
}

static cr_status run_span(tx *x, const cri_lxtok *t, size_t n) {
    x->t = t;
    x->n = n;
    if (x->n == 0) return CR_OK;
    if (n > x->cap) {
        /* per-token arrays as long as the longest line so far */
        size_t want = x->cap * 2 > n ? x->cap * 2 : n;
        if (want < 256) want = 256;
        int8_t *tense = realloc(x->tense, want * sizeof *tense);
        if (tense) x->tense = tense;
        int32_t *pm = realloc(x->prev_m, want * sizeof *pm);
        if (pm) x->prev_m = pm;
        int32_t *nm = realloc(x->next_m, want * sizeof *nm);
        if (nm) x->next_m = nm;
        bool *bound = realloc(x->bound, want * sizeof *bound);
        if (bound) x->bound = bound;
        if (!tense || !pm || !nm || !bound) return CR_ERR_NOMEM;
        x->cap = want;
    }
    x->sday_ok = false;
    /* Tense markers are made when a pattern first asks for a tense
     * (tense_near); a sentence end matters here only while sday_ok is set. */
    x->marked = false;
    res r;
    size_t i = 0;
    while (i < x->n) {
        const cri_lxtok *k = &x->t[i];
        if (x->sday_ok && is_bound(x, i)) x->sday_ok = false;
        if (k->kind == CRI_LX_PUNCT || (k->kind == CRI_LX_WORD && !trigger(x, i))) { i++; continue; }
        size_t e = match(x, i, &r);
        if (e <= i || !r.value[0]) { i++; continue; }
        if (r.first > 0 && W(x, r.first - 1, "the") && takes_the(x, r.first)) r.first--;
        if (push(x, &r, e) != CR_OK) return CR_ERR_NOMEM;
        if (strlen(r.value) >= 10 && r.value[4] == '-' && r.value[7] == '-' && r.value[0] != 'X' &&
            (r.value[10] == 0 || r.value[10] == 'T')) {
            x->sday_ok = true;
            x->sday_rel = r.relative;
            memcpy(x->sday, r.value, 10);
            x->sday[10] = 0;
        }
        if (r.type == TY_DATE) set_ref_from(x, &r);
        i = e;
    }
    return CR_OK;
}

/* The per-document state lives across the lines of one document: the
 * publication date, the narrative anchor, the last day mentioned and the
 * numeric date order carry from line to line.  extract.c lexes each line
 * once and hands the same tokens to quantity.c after us. */
struct cri_timex_run {
    tx x;
};

cr_status cri_timex_open(cr_ctx *ctx, cr_doc *d, cri_timex_run **out) {
    *out = NULL;
    d->n_dates = 0;
    cri_timex_run *run = calloc(1, sizeof *run);
    if (!run) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    tx *x = &run->x;
    x->d = d;
    x->body = d->body;
    if (d->has_pub) {
        x->pub = true;
        x->py = d->pub_year; x->pm = d->pub_month; x->pd = d->pub_day;
        x->pw = wday_of(days_from_civil(x->py, x->pm, x->pd));
        put_date(x->pub_iso, sizeof x->pub_iso, x->py, x->pm, x->pd, true);
    }
    x->us_checked = false;
    *out = run;
    return CR_OK;
}

cr_status cri_timex_line(cri_timex_run *run, const cri_lxtok *t, size_t n) {
    return run_span(&run->x, t, n);
}

void cri_timex_close(cri_timex_run *run) {
    if (!run) return;
    free(run->x.tense);
    free(run->x.prev_m);
    free(run->x.next_m);
    free(run->x.bound);
    free(run);
}
