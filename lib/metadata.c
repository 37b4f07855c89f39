/*
 * metadata.c — an article's title, byline, outlet, publication time and
 * cited sources, read from the lines boilerplate.c has classified (and from
 * the JSON Lines fields, which take priority).  Runs inside
 * cri_extract_body: cri_meta_head before the block rules (its lines are then
 * not body), cri_meta_finish after the body is known.
 *
 *   title      the first line at the head that reads as a headline (3-30
 *              words, no sentence end, not promo); a long first paragraph is
 *              not a title; every later copy of it is folded away.
 *   byline     "By X", a lone name line after the title, a "Name | ..." or
 *              "Name, Role" field, else a wire credit ("Reporting by X") or
 *              an author bio at the tail ("X is a ... reporter").
 *   published  a short dateline at the head or tail (pubdate.c), preferring
 *              the "Published/Created" value of a line over "Updated".
 *   outlet     cues scored together: "X News Desk" (3), the URL's domain
 *              (3), an e-mail domain naming a word of the text (2), "told X"
 *              (1), a name repeated in removed promo lines (1); the best
 *              with 2 or more, else null.
 *   cites      "according to X", "citing X", "X, citing ...", "Source: X",
 *              "(With inputs from agencies)", wire datelines "(Reuters) -",
 *              "X reported/said" for news organizations; kept to names that
 *              are agencies or organizations by shape (all-caps acronym, a
 *              known wire, or a name ending in News/Agency/Post/Ministry...).
 */
#include "boilerplate.h"

#include <stdio.h>
#include <stdlib.h>

static inline bool ieq(const char *s, size_t n, const char *lw) {
    /* most calls differ at the first byte (lw is a literal) */
    if (n && cri_tolower(s[0]) != lw[0]) return false;
    size_t m = strlen(lw);
    if (n != m) return false;
    for (size_t i = 0; i < n; i++)
        if (cri_tolower(s[i]) != lw[i]) return false;
    return true;
}

static inline bool iprefix(const char *s, size_t n, const char *lw) {
    for (size_t i = 0; lw[i]; i++)
        if (i >= n || cri_tolower(s[i]) != lw[i]) return false;
    return true;
}

/* Find lower-case needle in s (ASCII case-insensitive); offset or -1. */
static long ifind(const char *s, size_t n, const char *lw) {
    size_t m = strlen(lw);
    if (m == 0 || n < m) return -1;
    for (size_t i = 0; i + m <= n; i++)
        if (cri_tolower(s[i]) == lw[0] && iprefix(s + i, n - i, lw)) return (long)i;
    return -1;
}

/* ---- names -------------------------------------------------------------- */

static bool particle(const char *w, size_t n) {
    static const char *const P[] = {"de", "da", "di", "van", "von", "der", "den", "del", "la", "le",
                                    "du", "dos", "das", "bin", "al", "el", "ibn", "y", "ter", "st."};
    if (!n || !cri_islower((unsigned char)w[0])) return false;
    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++)
        if (ieq(w, n, P[i])) return true;
    return false;
}

/* Words that are capitalized but never part of a person's name. */
static bool not_name_word(const char *w, size_t n) {
    static const char *const X[] = {"the", "a", "an", "and", "or", "of", "in", "on", "for", "to",
                                     "with", "by", "is", "are", "was", "news", "desk", "staff",
                                     "updated", "published", "reporter", "editor", "photo",
                                     "president", "minister",
                                     "monday", "tuesday", "wednesday", "thursday", "friday",
                                     "saturday", "sunday", "about", "share", "home", "more", "read"};
    for (size_t i = 0; i < sizeof X / sizeof X[0]; i++)
        if (ieq(w, n, X[i])) return true;
    return false;
}

bool cri_meta_name_shaped(const char *s, size_t n, size_t min_words) {
    size_t words = 0, caps = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        size_t b = i;
        while (i < n && s[i] != ' ') i++;
        const char *w = s + b;
        size_t wl = i - b;
        words++;
        if (words > 5) return false;
        if (particle(w, wl)) continue;
        if (!cri_isupper((unsigned char)w[0])) return false;
        if (not_name_word(w, wl)) return false;
        for (size_t k = 0; k < wl; k++) {
            unsigned char c = (unsigned char)w[k];
            if (cri_isdigit(c) || c == ',' || c == ':' || c == '|' || c == '(' || c == '!' || c == '?')
                return false;
            if (c == '.' && !(wl <= 3 || k + 1 == wl)) return false;
        }
        /* an initial "J." or a word of letters */
        caps++;
    }
    return words >= min_words && caps >= 1 && caps + 1 >= words;
}

/* ---- published ---------------------------------------------------------- */

char *cri_meta_published(cr_doc *d, const char *value, int order) {
    char iso[64];
    if (!value || !cri_find_datetime(value, strlen(value), order, iso, sizeof iso, NULL, NULL))
        return NULL;
    return cri_arena_strdup(&d->arena, iso);
}

/* Day-month order from the URL's country domain: US outlets write month
 * first; .uk/.in/.au/... day first. */
static int url_order(const cri_input *in) {
    if (!in || !in->url) return 0;
    const char *p = strstr(in->url, "://");
    p = p ? p + 3 : in->url;
    const char *e = p;
    while (*e && *e != '/' && *e != ':') e++;
    const char *dot = NULL;
    for (const char *q = p; q < e; q++)
        if (*q == '.') dot = q;
    if (!dot) return 0;
    size_t tl = (size_t)(e - dot - 1);
    if (ieq(dot + 1, tl, "us")) return 2;
    if (tl == 2) return 1;   /* country domains outside the US: day first */
    return 0;
}

/* A date in the URL path: /2024/07/09/ */
static bool url_date(const cri_input *in, char *iso, size_t size) {
    if (!in || !in->url) return false;
    const char *u = in->url;
    size_t n = strlen(u);
    for (size_t i = 0; i + 11 <= n; i++) {
        if (u[i] != '/') continue;
        const char *p = u + i + 1;
        if (i + 12 > n) break;
        bool ok = cri_isdigit((unsigned char)p[0]) && cri_isdigit((unsigned char)p[1]) &&
                  cri_isdigit((unsigned char)p[2]) && cri_isdigit((unsigned char)p[3]) &&
                  (p[4] == '/' || p[4] == '-') && cri_isdigit((unsigned char)p[5]) &&
                  cri_isdigit((unsigned char)p[6]) && p[7] == p[4] && cri_isdigit((unsigned char)p[8]) &&
                  cri_isdigit((unsigned char)p[9]);
        if (!ok) continue;
        if (i + 12 < n && cri_isdigit((unsigned char)p[10])) continue;
        int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
        int m = (p[5] - '0') * 10 + (p[6] - '0'), d = (p[8] - '0') * 10 + (p[9] - '0');
        if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) continue;
        snprintf(iso, size, "%04d-%02d-%02d", y, m, d);
        return true;
    }
    return false;
}

/* ---- head: title, byline, dateline -------------------------------------- */

/* first: the first line of the document not already removed, where a
 * two-word headline ("Bridge reopens") is allowed if a word is lower case
 * (section labels, "Asia Pacific", are all capitalized). */
static bool headline_shaped(const cri_bline *l, bool first) {
    bool two = first && l->words == 2 && l->caps == 1 && !(l->flags & BL_TERM);
    if ((l->words < 3 && !two) || l->words > 30 || l->end - l->start > 300) return false;
    if (l->flags & (BL_BULLET | BL_EMAIL | BL_URL | BL_COLON | BL_PIPE)) return false;
    if ((l->flags & BL_TERM) && !(l->flags & (BL_QMARK | BL_EXCL))) {
        /* "Headline ends with a period." is rare; a sentence is not a title */
        if (l->words > 12 || l->caps * 2 < l->words) return false;
    }
    return true;
}

/* Count word-ish runs in s[0..n). */
static size_t count_words(const char *s, size_t n) {
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool wc = cri_isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80;
        if (wc && !in) w++;
        in = wc;
    }
    return w;
}

static const char *known_agency(const char *s, size_t n);

static bool is_role(const char *w, size_t n) {
    static const char *const R[] = {"reporter", "writer", "correspondent", "editor", "journalist",
                                    "columnist", "contributor", "producer", "photographer"};
    for (size_t i = 0; i < sizeof R / sizeof R[0]; i++)
        if (ieq(w, n, R[i])) return true;
    return false;
}

/* Set d->byline from a name at s (after "By "): up to a separator. */
static bool take_byline(cr_doc *d, const char *s, size_t n) {
    size_t e = 0;
    while (e < n) {
        char c = s[e];
        if (c == ',' || c == '|' || c == ';' || c == '(' || c == '/') break;
        if ((unsigned char)c == 0xE2 || (unsigned char)c == 0xC2) break;   /* dashes, bullets, · */
        if (c == ' ' && e + 2 < n && s[e + 1] == '-' && s[e + 2] == ' ') break;
        e++;
    }
    /* "JOHN SMITH Associated Press", "Jane Roe Staff Writer": the name ends
     * where an organization or a role begins */
    {
        size_t i = 0, words = 0;
        while (i < e) {
            while (i < e && s[i] == ' ') i++;
            size_t b = i;
            while (i < e && s[i] != ' ') i++;
            if (i > b && words >= 2) {
                const char *w = s + b;
                size_t wl = i - b;
                if (known_agency(w, wl) || ieq(w, wl, "associated") || ieq(w, wl, "staff") ||
                    ieq(w, wl, "senior") || ieq(w, wl, "special") || ieq(w, wl, "chief") ||
                    ieq(w, wl, "political") || ieq(w, wl, "news") || is_role(w, wl)) {
                    e = b;
                    break;
                }
            }
            if (i > b) words++;
        }
    }
    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '.')) {
        if (s[e - 1] == '.' && e >= 2 && cri_isupper((unsigned char)s[e - 2]) &&
            (e < 3 || s[e - 3] == ' '))
            break;   /* keep an initial's period */
        e--;
    }
    /* "X and Y": both must be names */
    long and = ifind(s, e, " and ");
    bool ok = and >= 0 ? cri_meta_name_shaped(s, (size_t)and, 2) &&
                             cri_meta_name_shaped(s + and + 5, e - (size_t)and - 5, 1)
                       : cri_meta_name_shaped(s, e, 2);
    if (!ok) return false;
    if (!d->byline) d->byline = cri_arena_strndup(&d->arena, s, e);
    return true;
}

/* Does any word of the capitalized phrase s[0..n) occur in lower case in
 * the text?  Then it is a phrase ("Multiple Special Circumstances"), not a
 * person's name: names are not common words. */
static bool words_in_lowercase(const char *text, size_t tlen, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        size_t b = i;
        while (i < n && s[i] != ' ') i++;
        size_t wl = i - b;
        if (wl < 3 || wl > 30 || !cri_isupper((unsigned char)s[b])) continue;
        char w[32];
        for (size_t k = 0; k < wl; k++) w[k] = cri_tolower(s[b + k]);
        for (const char *p = text; (p = cri_bp_memmem(p, tlen - (size_t)(p - text), w, wl)); p++) {
            bool left = p == text || !cri_isalpha((unsigned char)p[-1]);
            bool right = (size_t)(p - text) + wl >= tlen || !cri_isalpha((unsigned char)p[wl]);
            if (left && right) return true;
        }
    }
    return false;
}

/* A byline line: "By X", a lone name, or "Name | ..." / "Name, Role". */
static bool byline_line(cr_doc *d, const char *text, size_t tlen, const cri_bline *l, bool lone_ok) {
    const char *s = text + l->cstart;
    size_t n = l->end - l->cstart;
    if (l->words > 16) return false;
    static const char *const BY[] = {"by ", "written by ", "words by ", "author: ", "authors: ",
                                     "posted by ", "reporting by ", "von ", "par ", "por "};
    for (size_t k = 0; k < sizeof BY / sizeof BY[0]; k++)
        if (iprefix(s, n, BY[k])) {
            size_t m = strlen(BY[k]);
            return take_byline(d, s + m, n - m);
        }
    if (!lone_ok) return false;
    if (l->words <= 4 && !(l->flags & BL_TERM) && cri_meta_name_shaped(s, n, 2) &&
        !words_in_lowercase(text, tlen, s, n)) {
        if (!d->byline) d->byline = cri_arena_strndup(&d->arena, s, n);
        return true;
    }
    /* "Name | Outlet | date", "Name, Staff Writer" */
    if (l->flags & BL_PIPE || (l->role && l->words <= 8)) {
        size_t e = 0;
        while (e < n && s[e] != '|' && s[e] != ',') e++;
        size_t f = e;
        while (f > 0 && s[f - 1] == ' ') f--;
        if (f > 0 && e < n && cri_meta_name_shaped(s, f, 2)) {
            if (!d->byline) d->byline = cri_arena_strndup(&d->arena, s, f);
            return true;
        }
    }
    return false;
}

/* A dateline: a short line that is mostly a date (with "Updated:", a place,
 * a desk name).  Sets d->published (when unset) and returns true. */
static bool dateline(cr_doc *d, const char *text, const cri_bline *l, int order) {
    /* short, with a number, and not a sentence of prose */
    if (!l->nums || l->words > 40 || (l->words > 14 && !(l->flags & BL_PIPE))) return false;
    if ((l->flags & BL_TERM) && l->stops >= 3 && !(l->flags & BL_PIPE)) return false;
    const char *s = text + l->cstart;
    size_t n = l->end - l->cstart;
    char iso[64], best[64] = {0};
    size_t ms, me, off = 0, date_words = 0;
    bool any = false, best_pub = false;
    while (off < n) {
        if (!cri_find_datetime(s + off, n - off, order, iso, sizeof iso, &ms, &me)) break;
        size_t a = off + ms, b = off + me;
        date_words += count_words(s + a, b - a);
        /* "Published/Created/Posted" before it beats "Updated" */
        size_t from = a > 24 ? a - 24 : 0;
        bool pub = ifind(s + from, a - from, "publish") >= 0 || ifind(s + from, a - from, "creat") >= 0 ||
                   ifind(s + from, a - from, "posted") >= 0;
        if (!any || (pub && !best_pub)) {
            memcpy(best, iso, sizeof best);
            best_pub = pub;
        }
        any = true;
        off = b;
    }
    if (!any) return false;
    size_t rest = l->words > date_words ? l->words - date_words : 0;
    rest = rest > l->meta ? rest - l->meta : 0;
    bool ok = (l->flags & BL_PIPE) || rest <= 4 || (rest <= 8 && !(l->flags & BL_TERM) && l->stops <= 2);
    if (!ok) return false;
    if (!d->published) d->published = cri_arena_strdup(&d->arena, best);
    return true;
}

void cri_meta_head(cr_doc *d, const char *text, cri_bline *L, size_t n, const cri_input *in,
                   uint64_t seed) {
    int order = url_order(in);
    size_t tlen = n ? L[n - 1].end : 0;
    if (in && in->published && *in->published) d->published = cri_meta_published(d, in->published, order);

    /* title */
    size_t head = n < CRI_BP_HEAD_LINES ? n : CRI_BP_HEAD_LINES;
    size_t title = n;
    uint64_t tkey = 0;
    bool have_tkey = false;
    if (in && in->title && *in->title) {
        d->title = cri_arena_strdup(&d->arena, in->title);
        tkey = cri_bp_key(in->title, strlen(in->title), seed);
        have_tkey = true;
    } else {
        bool first = true;
        for (size_t i = 0; i < head; i++) {
            cri_bline *l = &L[i];
            if (l->reason) continue;
            bool was_first = first;
            first = false;
            /* a name of 2-3 words is a byline, not a headline */
            bool name = l->words <= 3 && cri_meta_name_shaped(text + l->cstart, l->end - l->cstart, 1);
            if (headline_shaped(l, was_first) && !name &&
                !(l->first & LX_BYWORD)) {
                char iso[64];
                size_t ms, me;
                /* a date line is not a title */
                if (l->nums && cri_find_datetime(text + l->cstart, l->end - l->cstart, order, iso,
                                                 sizeof iso, &ms, &me) &&
                    count_words(text + l->cstart + ms, me - ms) * 2 >= l->words)
                    continue;
                title = i;
                break;
            }
            if (cri_bl_sentence(l) || l->words > 30) break;
        }
        if (title < n) {
            d->title = cri_arena_strndup(&d->arena, text + L[title].cstart, L[title].end - L[title].cstart);
            tkey = L[title].key;
            have_tkey = true;
        }
    }
    if (have_tkey)
        for (size_t i = 0; i < n; i++)
            if (L[i].key == tkey && (!L[i].reason || L[i].reason == CRI_R_REPEATED)) L[i].reason = CRI_R_TITLE;
    /* "Title | Site", "Title - Site" at the head is the title too */
    if (d->title) {
        size_t tl = strlen(d->title);
        for (size_t i = 0; i < head; i++) {
            cri_bline *l = &L[i];
            const char *s = text + l->cstart;
            size_t ln = l->end - l->cstart;
            if (l->reason || ln <= tl + 2 || memcmp(s, d->title, tl) != 0) continue;
            const char *r = s + tl;
            while (r < s + ln && *r == ' ') r++;
            if (*r == '|' || *r == '-' || *r == ':' || ((unsigned char)*r == 0xE2 && r + 2 < s + ln &&
                                                        (unsigned char)r[1] == 0x80 &&
                                                        ((unsigned char)r[2] == 0x93 || (unsigned char)r[2] == 0x94)))
                if (ln - tl < 60) l->reason = CRI_R_TITLE;
        }
    }

    /* byline: the lines right after the title (or at the top) */
    size_t from = title < n ? title + 1 : 0, seen = 0;
    for (size_t i = from; i < head && seen < 4; i++) {
        cri_bline *l = &L[i];
        if (l->reason) continue;
        seen++;
        if (byline_line(d, text, tlen, l, title < n || i == 0)) {
            l->reason = CRI_R_BYLINE;
            /* "By X | July 9, 2024" */
            dateline(d, text, l, order);
            break;
        }
        if (l->words >= 10 && (l->flags & BL_TERM)) break;
    }
    /* "By X" before the title */
    for (size_t i = 0; i < title && i < head; i++)
        if (!L[i].reason && (L[i].first & LX_BYWORD) && byline_line(d, text, tlen, &L[i], false))
            L[i].reason = CRI_R_BYLINE;

    /* datelines at the head and tail */
    for (size_t i = 0; i < n; i++) {
        if (i == head && n > CRI_BP_TAIL_LINES && i < n - CRI_BP_TAIL_LINES) i = n - CRI_BP_TAIL_LINES;
        cri_bline *l = &L[i];
        if (l->reason && l->reason != CRI_R_NAV) continue;
        if (dateline(d, text, l, order)) {
            l->reason = CRI_R_DATELINE;
            /* a byline field in it: "By X | Updated ..." */
            const char *s = text + l->cstart;
            size_t ln = l->end - l->cstart;
            if (iprefix(s, ln, "by ")) take_byline(d, s + 3, ln - 3);
        }
    }
    if (!d->published) {
        char iso[32];
        if (url_date(in, iso, sizeof iso)) d->published = cri_arena_strdup(&d->arena, iso);
    }
}

/* ---- cites --------------------------------------------------------------- */

typedef struct agency {
    const char *key;     /* lower case, as written */
    const char *name;    /* canonical */
    uint8_t len;         /* of key */
} agency;
#define AG(k, nm) {k, nm, (uint8_t)(sizeof k - 1)}

/* Grouped by first letter, in alphabetical order (known_agency searches
 * for the group). */
static const agency AGENCIES[] = {
    AG("ap", "AP"),
    AG("associated press", "AP"),
    AG("afp", "AFP"),
    AG("agence france-presse", "AFP"),
    AG("agence france presse", "AFP"),
    AG("ani", "ANI"),
    AG("ansa", "ANSA"),
    AG("anadolu", "Anadolu"),
    AG("anadolu agency", "Anadolu"),
    AG("al jazeera", "Al Jazeera"),
    AG("antara", "Antara"),
    AG("agencies", "agencies"),
    AG("bloomberg", "Bloomberg"),
    AG("bloomberg news", "Bloomberg"),
    AG("bbc", "BBC"),
    AG("bernama", "Bernama"),
    AG("cnn", "CNN"),
    AG("dpa", "dpa"),
    AG("efe", "EFE"),
    AG("interfax", "Interfax"),
    AG("ians", "IANS"),
    AG("irna", "IRNA"),
    AG("jiji", "Jiji"),
    AG("kyodo", "Kyodo"),
    AG("kyodo news", "Kyodo"),
    AG("kcna", "KCNA"),
    AG("korean central news agency", "KCNA"),
    AG("nhk", "NHK"),
    AG("pti", "PTI"),
    AG("reuters", "Reuters"),
    AG("ria novosti", "RIA Novosti"),
    AG("sana", "SANA"),
    AG("the associated press", "AP"),
    AG("tass", "TASS"),
    AG("upi", "UPI"),
    AG("ukrinform", "Ukrinform"),
    AG("unian", "UNIAN"),
    AG("wafa", "WAFA"),
    AG("xinhua", "Xinhua"),
    AG("yonhap", "Yonhap"),
    AG("yonhap news agency", "Yonhap"),
};
#undef AG

static const char *known_agency(const char *s, size_t n) {
    if (!n || n > 27) return NULL;   /* no key is longer */
    char c = cri_tolower(s[0]);
    /* the first key starting with c, then only its group is compared */
    size_t lo = 0, hi = sizeof AGENCIES / sizeof AGENCIES[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((unsigned char)AGENCIES[mid].key[0] < (unsigned char)c) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < sizeof AGENCIES / sizeof AGENCIES[0] && AGENCIES[i].key[0] == c; i++)
        if (AGENCIES[i].len == n && ieq(s, n, AGENCIES[i].key)) return AGENCIES[i].name;
    return NULL;
}

/* Last words that make a capitalized name an organization. */
static bool org_word(const char *w, size_t n) {
    static const char *const O[] = {
        "news", "agency", "times", "post", "journal", "herald", "tribune", "telegraph",
        "guardian", "gazette", "chronicle", "press", "television", "tv", "radio", "daily",
        "network", "broadcasting", "broadcaster", "media", "wire", "ministry", "office", "service",
        "institute", "committee", "council", "department", "police", "command", "forces",
        "bank", "fund", "organization", "organisation", "commission", "center", "centre",
        "group", "company", "corporation", "university", "foundation", "association", "monitor",
        "observatory", "bureau", "pentagon", "kremlin", "staff", "army", "navy", "government",
        "magazine", "newspaper", "channel", "review", "report", "insider", "today", "politico",
        "axios", "economist", "independent", "express", "mirror", "sun", "star", "mail", "hill",
        "nation", "statesman", "hindu", "mint", "standard", "examiner", "inquirer", "record"};
    for (size_t i = 0; i < sizeof O / sizeof O[0]; i++)
        if (ieq(w, n, O[i])) return true;
    return false;
}

static bool lowercase_noun_after_modifier(const char *w, size_t n) {
    static const char *const M[] = {"state", "media", "officials", "official", "sources",
                                    "source", "authorities", "police", "government", "military",
                                    "army", "forces", "analysts", "experts", "residents", "people",
                                    "lawmakers", "diplomats", "intelligence", "estimates",
                                    "figures", "reports", "reporting", "documents", "statement",
                                    "data", "leader", "president", "officer", "spokesperson",
                                    "spokesman", "spokeswoman", "sources'", "defense", "defence",
                                    "foreign", "security", "television", "tv", "news", "agency"};
    for (size_t i = 0; i < sizeof M / sizeof M[0]; i++)
        if (ieq(w, n, M[i])) return true;
    return false;
}

static bool media_descriptor(const char *w, size_t n) {
    static const char *const M[] = {"media", "agency", "news", "newspaper", "broadcaster",
                                    "television", "tv", "outlet", "daily", "channel", "wire",
                                    "radio", "network"};
    for (size_t i = 0; i < sizeof M / sizeof M[0]; i++)
        if (ieq(w, n, M[i])) return true;
    return false;
}

typedef struct span {
    const char *s;
    size_t n;
} span;

/* Next word at *p (letters, digits, ' - . inside); advances. */
static span next_word(const char **p, const char *e) {
    const char *q = *p;
    while (q < e && (*q == ' ' || *q == '"' || (unsigned char)*q == 0xC2)) q++;
    /* skip opening curly quotes */
    while (q + 2 < e && (unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
           ((unsigned char)q[2] == 0x9C || (unsigned char)q[2] == 0x98))
        q += 3;
    const char *s = q;
    while (q < e && (cri_isalnum((unsigned char)*q) || (unsigned char)*q >= 0x80 ||
                     ((*q == '-' || *q == '\'' || *q == '.' || *q == '&') && q + 1 < e &&
                      cri_isalnum((unsigned char)q[1])))) {
        if ((unsigned char)*q == 0xE2) break;   /* dashes and quotes end a word */
        q++;
    }
    *p = q;
    return (span){s, (size_t)(q - s)};
}

/* Decide whether name s[0..n) (capitalized words) is an organization we
 * cite, and add it in canonical form. */
static int add_org(cr_doc *d, const char *s, size_t n) {
    while (n && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ',')) n--;
    if (n >= 4 && iprefix(s, n, "the ")) s += 4, n -= 4;
    if (!n || n > 80) return 0;
    const char *k = known_agency(s, n);
    if (k) return cri_doc_add_cite(d, k, strlen(k));
    /* "Yonhap news agency" style were cut before the lower-case words */
    size_t words = count_words(s, n);
    bool allcaps = words == 1 && n >= 2 && n <= 6;
    static const char *const GENERIC[] = {"tv", "us", "uk", "usa", "am", "pm", "gmt", "ceo", "mp", "ok"};
    for (size_t i = 0; i < sizeof GENERIC / sizeof GENERIC[0] && allcaps; i++)
        if (ieq(s, n, GENERIC[i])) allcaps = false;
    for (size_t i = 0; i < n && allcaps; i++)
        if (!cri_isupper((unsigned char)s[i])) allcaps = false;
    /* the last word names the kind of organization */
    size_t b = n;
    while (b > 0 && s[b - 1] != ' ') b--;
    bool org = words >= 2 && words <= 6 && org_word(s + b, n - b);
    if (!allcaps && !org) return 0;
    return cri_doc_add_cite(d, s, n);
}

/* Capitalized name at p: returns its span (maybe empty), and sets *poss when
 * it ends in a possessive. */
static span cap_name(const char *p, const char *e, bool *poss, const char **after) {
    const char *q = p, *start = NULL, *end = NULL;
    *poss = false;
    int words = 0;
    for (;;) {
        const char *r = q;
        span w = next_word(&r, e);
        if (!w.n) break;
        bool cap = cri_isupper((unsigned char)w.s[0]);
        bool link = words > 0 && (ieq(w.s, w.n, "of") || ieq(w.s, w.n, "for") || ieq(w.s, w.n, "and") ||
                                  ieq(w.s, w.n, "de"));
        if (words == 0 && ieq(w.s, w.n, "the")) {
            q = r;
            continue;
        }
        if (!cap && !link) break;
        if (link) {
            /* "Ministry of Defence": a link word must be followed by a capital */
            const char *r2 = r;
            span w2 = next_word(&r2, e);
            if (!w2.n || !cri_isupper((unsigned char)w2.s[0])) break;
        }
        if (!start) start = w.s;
        end = w.s + w.n;
        q = r;
        words++;
        if (words >= 7) break;
        /* a comma or other punctuation ends the name */
        if (q < e && *q != ' ') {
            if (*q == '\'' && q + 1 < e && q[1] == 's') {
                *poss = true;
                q += 2;
            } else if (q + 3 < e && (unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
                       (unsigned char)q[2] == 0x99 && q[3] == 's') {
                *poss = true;
                q += 4;
            } else if ((unsigned char)q[0] == 0xCA && q + 2 < e && (unsigned char)q[1] == 0xBC && q[2] == 's') {
                *poss = true;
                q += 3;
            }
            break;
        }
    }
    /* strip a trailing possessive inside the word ("North's") */
    if (end && end - start >= 2 && end[-2] == '\'' && end[-1] == 's') {
        *poss = true;
        end -= 2;
    }
    *after = q;
    return (span){start, start ? (size_t)(end - start) : 0};
}

/* After "according to" / "citing": the organization, or the name in an
 * appositive after a media descriptor ("the North's state media, KCNA"). */
static int org_after(cr_doc *d, const char *p, const char *e) {
    bool poss;
    const char *after;
    span nm = cap_name(p, e, &poss, &after);
    if (nm.n && !poss && known_agency(nm.s, nm.n)) return add_org(d, nm.s, nm.n);
    const char *r = after;
    span w = next_word(&r, e);
    bool lower_next = w.n && !cri_isupper((unsigned char)w.s[0]) && after < e && *after == ' ';
    if (nm.n && !poss && !(lower_next && lowercase_noun_after_modifier(w.s, w.n) &&
                          !media_descriptor(w.s, w.n)))
        return add_org(d, nm.s, nm.n);
    if (nm.n && !poss && lower_next && media_descriptor(w.s, w.n)) {
        /* "the Reuters news agency" */
        int rc = add_org(d, nm.s, nm.n);
        if (rc || d->n_cites) return rc;
    }
    /* "a statement from the Foreign Ministry", "data from Bloomberg", "a
     * report by Reuters": a few lower-case words, then by/from/of and a name */
    if (!nm.n) {
        const char *q = p;
        for (int k = 0; k < 5 && q < e; k++) {
            const char *r2 = q;
            span x = next_word(&r2, e);
            if (!x.n || cri_isupper((unsigned char)x.s[0]) || (r2 < e && *r2 != ' ')) break;
            q = r2;
            if (ieq(x.s, x.n, "by") || ieq(x.s, x.n, "from") || ieq(x.s, x.n, "of")) {
                bool poss2;
                const char *after2;
                span nm2 = cap_name(q, e, &poss2, &after2);
                if (nm2.n && !poss2) return add_org(d, nm2.s, nm2.n);
                break;
            }
        }
    }
    /* descriptor phrase then ", Name" */
    const char *q = after;
    bool desc = false;
    for (int k = 0; k < 6 && q < e; k++) {
        const char *r2 = q;
        span x = next_word(&r2, e);
        if (!x.n) break;
        if (media_descriptor(x.s, x.n)) desc = true;
        q = r2;
        if (q < e && *q == ',') break;
    }
    if (desc && q < e && *q == ',') {
        q++;
        span nm2 = cap_name(q, e, &poss, &after);
        if (nm2.n && !poss) return add_org(d, nm2.s, nm2.n);
    }
    return 0;
}

/* The capitalized name that ends right before position p ("Reuters reported"). */
static int org_before(cr_doc *d, const char *line, const char *p) {
    const char *e = p;
    while (e > line && (e[-1] == ' ' || e[-1] == ',')) e--;
    /* "Yonhap news agency reported": step over lower-case media words */
    for (int k = 0; k < 3; k++) {
        const char *ws = e;
        while (ws > line && cri_islower((unsigned char)ws[-1])) ws--;
        if (ws == e || (ws > line && ws[-1] != ' ') || !media_descriptor(ws, (size_t)(e - ws))) break;
        e = ws;
        while (e > line && e[-1] == ' ') e--;
    }
    const char *s = e;
    int words = 0;
    while (s > line && words < 6) {
        const char *w = s;
        while (w > line && w[-1] == ' ') w--;
        const char *ws = w;
        while (ws > line && w - ws < 40 && (cri_isalnum((unsigned char)ws[-1]) || ws[-1] == '-' ||
                                            ws[-1] == '.' || (unsigned char)ws[-1] >= 0x80))
            ws--;
        if (ws == w) break;
        /* a non-ASCII word boundary (’ or a dash) ends the name */
        if ((unsigned char)*ws >= 0x80) break;
        if (!cri_isupper((unsigned char)*ws) &&
            !(words > 0 && (ieq(ws, (size_t)(w - ws), "of") || ieq(ws, (size_t)(w - ws), "the"))))
            break;
        s = ws;
        words++;
        if (s > line && s[-1] != ' ') break;
    }
    if (s >= e) return 0;
    /* at the very start of a sentence a single capital may be any word */
    return add_org(d, s, (size_t)(e - s));
}

/* tail_from: where cue words may be (the head of a long line whose words
 * showed no cue is skipped). */
static int cites_in_line(cr_doc *d, const char *s, size_t n, unsigned cues) {
    const char *e = s + n;
    /* Source: X[, Y] / With inputs from X */
    static const char *const LEAD[] = {"source:", "sources:", "source -", "(source:",
                                       "(with inputs from", "with inputs from", "inputs from",
                                       "(with agency inputs", "with agency inputs"};
    for (size_t k = 0; k < sizeof LEAD / sizeof LEAD[0]; k++) {
        if (!iprefix(s, n, LEAD[k])) continue;
        if (ifind(LEAD[k], strlen(LEAD[k]), "agency inputs") >= 0)
            return cri_doc_add_cite(d, "agencies", 8);
        const char *p = s + strlen(LEAD[k]);
        while (p < e) {
            while (p < e && (*p == ' ' || *p == ',')) p++;
            const char *q = p;
            while (q < e && *q != ',' && *q != ')' && *q != ';' && !(q + 4 < e && iprefix(q, (size_t)(e - q), " and ")))
                q++;
            const char *qe = q;
            while (qe > p && (qe[-1] == '.' || qe[-1] == ' ')) qe--;
            if (qe > p) {
                const char *k2 = known_agency(p, (size_t)(qe - p));
                if (k2) {
                    if (cri_doc_add_cite(d, k2, strlen(k2))) return -1;
                } else if (cri_isupper((unsigned char)*p) && count_words(p, (size_t)(qe - p)) <= 6) {
                    if (cri_doc_add_cite(d, p, (size_t)(qe - p))) return -1;
                }
            }
            if (q + 4 < e && iprefix(q, (size_t)(e - q), " and ")) q += 5;
            else if (q < e && *q == ',') q++;
            else break;
            p = q;
        }
        return 0;
    }
    /* wire dateline: "SEOUL (Reuters) -", "(AP) —" near the start */
    size_t lim = n < 80 ? n : 80;
    const char *lp = memchr(s, '(', lim);
    if (lp) {
        const char *rp = memchr(lp, ')', (size_t)(e - lp) < 40 ? (size_t)(e - lp) : 40);
        if (rp) {
            const char *after = rp + 1;
            while (after < e && *after == ' ') after++;
            bool dash = after < e && (*after == '-' || ((unsigned char)*after == 0xE2 && after + 2 < e &&
                                                       (unsigned char)after[1] == 0x80 &&
                                                       ((unsigned char)after[2] == 0x93 || (unsigned char)after[2] == 0x94)));
            if (dash) {
                const char *k = known_agency(lp + 1, (size_t)(rp - lp - 1));
                if (k && cri_doc_add_cite(d, k, strlen(k))) return -1;
            }
        }
    }
    /* title-style suffix " – Reuters" at the end */
    for (const char *q = e - 1; q > s && e - q < 30; q--) {
        if (*q == '-' || ((unsigned char)*q == 0x93 || (unsigned char)*q == 0x94)) {
            const char *nm = q + 1;
            while (nm < e && *nm == ' ') nm++;
            /* the table only for a spaced dash (" - Reuters"), not "free-agent" */
            const char *k = q > s && q[-1] == ' ' ? known_agency(nm, (size_t)(e - nm)) : NULL;
            if (k && cri_doc_add_cite(d, k, strlen(k))) return -1;
            break;
        }
    }
    /* according to X / citing X / X, citing / X reported: each trigger found
     * with memmem (its first letter may be a capital) */
    static const char *const TRIG[] = {"ccording to ", "iting ", "uoting ", "eported", "eports ",
                                       "aid", "ays", "uoted", "ited"};
    for (size_t t = 0; t < sizeof TRIG / sizeof TRIG[0]; t++)
    for (const char *h = (cues >> t) & 1 ? s : e; h < e;) {
        const char *hit = cri_bp_memmem(h, (size_t)(e - h), TRIG[t], strlen(TRIG[t]));
        if (!hit) break;
        h = hit + 1;
        if (hit == s) continue;
        const char *p = hit - 1;
        static const char FIRST[] = "acqrrssqc";
        if (cri_tolower(*p) != FIRST[t]) continue;
        if (p > s && (cri_isalnum((unsigned char)p[-1]))) continue;
        size_t rest = (size_t)(e - p);
        if (iprefix(p, rest, "according to ")) {
            if (org_after(d, p + 13, e)) return -1;
        } else if (iprefix(p, rest, "citing ") || iprefix(p, rest, "quoting ")) {
            size_t m = iprefix(p, rest, "citing ") ? 7 : 8;
            if (org_after(d, p + m, e)) return -1;
            if (p - s >= 2 && p[-1] == ' ' && p[-2] == ',' && org_before(d, s, p - 2)) return -1;
        } else if (iprefix(p, rest, "reported") || iprefix(p, rest, "reports ") ||
                   iprefix(p, rest, "said") || iprefix(p, rest, "says") ||
                   iprefix(p, rest, "quoted") || iprefix(p, rest, "cited")) {
            if (p - s >= 2 && (p[-1] == ' ')) {
                /* only wires and news organizations: "Putin said" is no cite */
                const char *e2 = p - 1;
                while (e2 > s && e2[-1] == ' ') e2--;
                const char *w = e2;
                while (w > s && w[-1] != ' ') w--;
                bool said = cri_tolower(*p) == 's';
                if (said) {
                    /* the wire's name: one to three words ("AFP", "Associated Press") */
                    while (e2 > s && (e2[-1] == ',' || e2[-1] == ')')) e2--;
                    const char *k = NULL;
                    for (int nw = 0; nw < 3 && !k && w >= s; nw++) {
                        k = known_agency(w, (size_t)(e2 - w));
                        if (w == s) break;
                        const char *w2 = w - 1;
                        while (w2 > s && w2[-1] == ' ') w2--;
                        while (w2 > s && w2[-1] != ' ') w2--;
                        w = w2;
                    }
                    if (k && cri_doc_add_cite(d, k, strlen(k))) return -1;
                } else if (org_before(d, s, p)) {
                    return -1;
                }
            }
        }
    }
    return 0;
}

/* ---- outlet --------------------------------------------------------------- */

typedef struct cand {
    const char *s;
    size_t n;
    int score;
} cand;

static void cand_add(cand *c, size_t *nc, const char *s, size_t n, int score) {
    if (!n || n > 60) return;
    for (size_t i = 0; i < *nc; i++)
        if (c[i].n == n && iprefix(c[i].s, c[i].n, "") && ifind(c[i].s, c[i].n, "") == 0) {
            bool same = true;
            for (size_t k = 0; k < n && same; k++) same = cri_tolower(c[i].s[k]) == cri_tolower(s[k]);
            if (same) {
                c[i].score += score;
                return;
            }
        }
    if (*nc >= 16) return;
    c[*nc] = (cand){s, n, score};
    (*nc)++;
}

/* Capitalized words in the text that spell a domain label when joined
 * ("Riverside Ledger" for "riversideledger", "Newsweek" for "newsweek"). */
static bool find_cap_word(const char *text, size_t len, const char *lab, size_t ln, span *out) {
    if (ln < 3) return false;
    const char *p = text, *e = text + len;
    size_t guard = 0;
    char up = (char)(lab[0] >= 'a' && lab[0] <= 'z' ? lab[0] - 32 : lab[0]);
    while (p < e && guard++ < 400000) {
        /* the label's capital (rarer than any letter pair: one memchr),
         * then its next 2-3 letters right after it */
        size_t nn = ln >= 4 ? 3 : 2;
        const char *q = memchr(p, up, (size_t)(e - p));
        if (!q) return false;
        if ((size_t)(e - q) < 1 + nn || memcmp(q + 1, lab + 1, nn) != 0 ||
            (q > text && cri_isalnum((unsigned char)q[-1]))) {
            p = q + 1;
            continue;
        }
        /* join up to 4 words, letters only, and compare */
        size_t m = 0;
        const char *r = q, *end = q;
        int words = 0;
        bool ok = true;
        while (r < e && m < ln && ok && words < 4) {
            if (!cri_isupper((unsigned char)*r)) break;
            while (r < e && cri_isalnum((unsigned char)*r) && m < ln) {
                if (cri_tolower(*r) != lab[m]) {
                    ok = false;
                    break;
                }
                m++;
                r++;
            }
            if (!ok) break;
            end = r;
            words++;
            if (m < ln) {
                if (r < e && *r == ' ') r++;
                else break;
            }
        }
        if (ok && m == ln && (end == e || !cri_isalnum((unsigned char)*end))) {
            *out = (span){q, (size_t)(end - q)};
            return true;
        }
        p = q + 1;
    }
    return false;
}

/* A name whose letters appear in an e-mail domain label of the text:
 * "Gazette" in tips@statecapitolgazette.com. */
static bool in_label(char labs[][64], size_t nlabs, const char *s, size_t n) {
    char w[64];
    size_t m = 0;
    for (size_t i = 0; i < n && m < sizeof w - 1; i++)
        if (cri_isalnum((unsigned char)s[i])) w[m++] = cri_tolower(s[i]);
    w[m] = 0;
    if (m < 4) return false;
    for (size_t i = 0; i < nlabs; i++)
        if (strstr(labs[i], w)) return true;
    return false;
}

static void outlet_from(cr_doc *d, const char *text, size_t len, const cri_bline *L, size_t n,
                        const cri_input *in) {
    if (in && in->outlet && *in->outlet) {
        d->outlet = cri_arena_strdup(&d->arena, in->outlet);
        return;
    }
    cand c[16];
    size_t nc = 0;
    char labs[4][64];
    size_t nlabs = 0;
    /* "X News Desk" in the head lines */
    static const char *const DESK[] = {" news desk", " web desk", " news service", " newsroom",
                                       " digital desk", " online desk"};
    for (size_t i = 0; i < n && i < CRI_BP_HEAD_LINES; i++) {
        const char *s = text + L[i].cstart;
        size_t ln = L[i].end - L[i].cstart;
        if (L[i].words > 12 && !(L[i].flags & BL_PIPE)) continue;
        /* cheap test first: every desk name has one of these */
        if (!cri_bp_memmem(s, ln, "esk", 3) && !cri_bp_memmem(s, ln, "ewsroom", 7)) continue;
        for (size_t k = 0; k < sizeof DESK / sizeof DESK[0]; k++) {
            long at = ifind(s, ln, DESK[k]);
            if (at <= 0) continue;
            /* the capitalized word(s) before, back to a field separator */
            const char *e = s + at, *b = e;
            while (b > s && b[-1] != '|' && b[-1] != ',' && b[-1] != '(' && e - b < 40) b--;
            while (b < e && *b == ' ') b++;
            if (b < e && cri_isupper((unsigned char)*b) && count_words(b, (size_t)(e - b)) <= 3) {
                cand_add(c, &nc, b, (size_t)(e - b), 3);
                break;
            }
        }
    }
    /* the URL's domain */
    const char *dom, *labp;
    size_t dn, lpn;
    if (in && in->url && cri_bp_reg_domain(in->url, &dom, &dn, &labp, &lpn)) {
        char lab[64];
        size_t ln = lpn < sizeof lab ? lpn : sizeof lab - 1;
        for (size_t i = 0; i < ln; i++) lab[i] = cri_tolower(labp[i]);
        span w;
        if (cri_islower((unsigned char)lab[0]) && find_cap_word(text, len, lab, ln, &w))
            cand_add(c, &nc, w.s, w.n, 3);
        else
            cand_add(c, &nc, dom, dn, 3);
    }
    /* a desk name or the URL settle it */
    for (size_t i = 0; i < nc; i++)
        if (c[i].score >= 3) {
            d->outlet = cri_arena_strndup(&d->arena, c[i].s, c[i].n);
            return;
        }
    /* an e-mail domain naming a word of the text */
    for (size_t i = 0; i < n; i++) {
        if (!(L[i].flags & BL_EMAIL)) continue;
        const char *s = text + L[i].cstart, *e = text + L[i].end;
        const char *at = memchr(s, '@', (size_t)(e - s));
        if (!at) continue;
        const char *q = at + 1, *lab_e = q;
        while (lab_e < e && (cri_isalnum((unsigned char)*lab_e) || *lab_e == '-')) lab_e++;
        char lab[64];
        size_t ln = (size_t)(lab_e - q) < sizeof lab ? (size_t)(lab_e - q) : sizeof lab - 1;
        for (size_t k = 0; k < ln; k++) lab[k] = cri_tolower(q[k]);
        static const char *const WEB[] = {"gmail", "yahoo", "hotmail", "outlook", "protonmail",
                                          "proton", "icloud", "aol", "mail", "live", "gmx", "example"};
        bool web = false;
        for (size_t k = 0; k < sizeof WEB / sizeof WEB[0]; k++) web |= ieq(lab, ln, WEB[k]);
        span w;
        if (!web && ln >= 2 && cri_islower((unsigned char)lab[0]) && find_cap_word(text, len, lab, ln, &w))
            cand_add(c, &nc, w.s, w.n, 2);
        if (!web && nlabs < 4 && ln >= 3) {
            memcpy(labs[nlabs], lab, ln);
            labs[nlabs][ln] = 0;
            nlabs++;
        }
    }
    /* "told X:" where X is not a wire (a wire would be a cite) */
    for (size_t i = 0; i < n; i++) {
        if (!L[i].told || L[i].reason) continue;
        const char *s = text + L[i].cstart, *e = text + L[i].end;
        for (const char *p = s; p + 5 < e; p++) {
            p = cri_bp_memmem(p, (size_t)(e - p), "told ", 5);
            if (!p) break;
            if (p > s && cri_isalnum((unsigned char)p[-1])) continue;
            const char *q = p + 5, *w;
            if (iprefix(q, (size_t)(e - q), "the ")) q += 4;
            w = q;
            while (w < e && (cri_isalnum((unsigned char)*w) || *w == '-')) w++;
            bool stop = w < e && (*w == ':' || *w == ',' || *w == '.' ||
                                  iprefix(w, (size_t)(e - w), " that ") || iprefix(w, (size_t)(e - w), " in "));
            if (w > q && cri_isupper((unsigned char)*q) && stop &&
                !known_agency(q, (size_t)(w - q)) && !cri_meta_name_shaped(q, (size_t)(w - q), 2))
                cand_add(c, &nc, q, (size_t)(w - q), 1 + 2 * in_label(labs, nlabs, q, (size_t)(w - q)));
        }
    }
    /* "© 2024 Valley News. All rights reserved.", "Copyright 2024 X" */
    for (size_t i = 0; i < n; i++) {
        if (!L[i].reason || L[i].words > 16) continue;
        const char *s = text + L[i].cstart, *e = text + L[i].end;
        const char *p = NULL;
        if (e - s > 3 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA9) p = s + 2;
        else if (iprefix(s, (size_t)(e - s), "copyright ")) p = s + 10;
        if (!p) continue;
        while (p < e && (*p == ' ' || cri_isdigit((unsigned char)*p) || *p == '-' || *p == ',' ||
                         ((unsigned char)*p == 0xC2 && p + 1 < e && (unsigned char)p[1] == 0xA9)))
            p += (unsigned char)*p == 0xC2 ? 2 : 1;
        if (iprefix(p, (size_t)(e - p), "the ")) p += 4;
        const char *q = p;
        while (q < e && *q != '.' && *q != ',' && *q != '|' && *q != ';' && *q != '(' && q - p < 60) q++;
        while (q > p && q[-1] == ' ') q--;
        if (q > p && cri_isupper((unsigned char)*p) && count_words(p, (size_t)(q - p)) <= 5 &&
            ifind(p, (size_t)(q - p), "all rights") < 0)
            cand_add(c, &nc, p, (size_t)(q - p), 2);
    }
    /* a name repeated in removed promo lines */
    {
        cand pc[16];
        size_t npc = 0;
        for (size_t i = 0; i < n; i++) {
            const char *r = L[i].reason;
            if (!r || r == CRI_R_TITLE || r == CRI_R_BYLINE || r == CRI_R_CAPTION || r == CRI_R_CREDIT ||
                r == CRI_R_SOURCE || r == CRI_R_DATELINE || r == CRI_R_BIO || r == CRI_R_TAGS ||
                r == CRI_R_REPEATED || r == CRI_R_ABOUT || L[i].words > 16)
                continue;
            const char *p = text + L[i].cstart, *e = text + L[i].end;
            cand seen[8];
            size_t ns = 0;
            while (p < e) {
                span w = next_word(&p, e);
                if (!w.n) {
                    p++;
                    continue;
                }
                size_t wn = w.n;
                /* "Newsweek.com" names Newsweek */
                const char *dot = memchr(w.s, '.', wn);
                if (dot) wn = (size_t)(dot - w.s);
                if (wn < 3 || !cri_isupper((unsigned char)w.s[0]) || w.s == text + L[i].cstart) continue;
                bool dupw = false;
                for (size_t k = 0; k < ns; k++) dupw |= seen[k].n == wn && memcmp(seen[k].s, w.s, wn) == 0;
                if (dupw || ns >= 8) continue;
                seen[ns++] = (cand){w.s, wn, 1};
                cand_add(pc, &npc, w.s, wn, 1);
            }
            /* the first word counts too when it is not an imperative */
            if (!(L[i].first & (LX_IMP | LX_STOP | LX_YOU | LX_WE))) {
                const char *q = text + L[i].cstart;
                span w = next_word(&q, e);
                size_t wn = w.n;
                const char *dot = w.n ? memchr(w.s, '.', w.n) : NULL;
                if (dot) wn = (size_t)(dot - w.s);
                bool dupw = false;
                for (size_t k = 0; k < ns; k++) dupw |= seen[k].n == wn && memcmp(seen[k].s, w.s, wn) == 0;
                if (wn >= 3 && cri_isupper((unsigned char)w.s[0]) && !dupw) cand_add(pc, &npc, w.s, wn, 1);
            }
        }
        for (size_t i = 0; i < npc; i++)
            if (pc[i].score >= 2) cand_add(c, &nc, pc[i].s, pc[i].n, 1 + 2 * in_label(labs, nlabs, pc[i].s, pc[i].n));
    }
    size_t best = nc;
    for (size_t i = 0; i < nc; i++)
        if (c[i].score >= 2 && (best == nc || c[i].score > c[best].score)) best = i;
    if (best < nc) d->outlet = cri_arena_strndup(&d->arena, c[best].s, c[best].n);
}

int cri_meta_finish(cr_doc *d, const char *text, cri_bline *L, size_t n, const cri_input *in) {
    size_t len = n ? L[n - 1].end : 0;
    outlet_from(d, text, len, L, n, in);
    for (size_t i = 0; i < n; i++) {
        const cri_bline *l = &L[i];
        bool look = (!l->reason && (l->cite || l->says ||
                                    memchr(text + l->cstart, '(', l->end - l->cstart < 80 ? l->end - l->cstart : 80))) ||
                    l->reason == CRI_R_SOURCE || l->reason == CRI_R_TITLE;
        if (!look) continue;
        if (l->reason == CRI_R_TITLE && i > 0 && L[i - 1].key == l->key) continue;
        bool all = l->reason != NULL;   /* source and title lines: every pattern */
        if (cites_in_line(d, text + l->cstart, l->end - l->cstart, all ? 0x1FFu : l->cues))
            return -1;
        /* "Reuters reported" etc. also from body lines only; titles give suffixes */
    }
    /* byline fallbacks: wire credits, then an author bio */
    for (size_t i = 0; i < n && !d->byline; i++) {
        const cri_bline *l = &L[i];
        const char *s = text + l->cstart;
        size_t ln = l->end - l->cstart;
        if (l->reason == CRI_R_BYLINE) {
            if (ln && *s == '(') s++, ln--;
            long at = ifind(s, ln, "reporting by ");
            if (at >= 0 && (at == 0 || iprefix(s, ln, "additional") == false)) {
                const char *p = s + at + 13;
                size_t rest = ln - (size_t)at - 13;
                size_t e = 0;
                while (e < rest && p[e] != ';' && p[e] != ',' && p[e] != ')' &&
                       !(e + 4 < rest && memcmp(p + e, " in ", 4) == 0))
                    e++;
                take_byline(d, p, e);
            }
        } else if (l->reason == CRI_R_BIO) {
            for (const char *q = s; q + 4 < s + ln && q - s < 60; q++)
                if (memcmp(q, " is ", 4) == 0) {
                    if (cri_meta_name_shaped(s, (size_t)(q - s), 2))
                        d->byline = cri_arena_strndup(&d->arena, s, (size_t)(q - s));
                    break;
                }
        }
    }
    if (d->title && !d->title) return -1;
    return 0;
}
