/*
 * pubdate.c — find a calendar date (and a time and zone when given) in a
 * short piece of text and write it as ISO 8601.  metadata.c uses it for an
 * article's `published` value (datelines, "Updated: 09-07-2024 06:26 IST",
 * JSON Lines fields); other modules may reuse it for any date string.
 *
 * Method: the text is cut into number, word and punctuation tokens; a date
 * is one of the usual shapes (ISO / Y-M-D, numeric D-M-Y or M-D-Y, "9 July
 * 2024", "July 9, 2024", "Jan. 5, 2024", RFC 2822 "Tue, 09 Jul 2024"), a
 * time is HH:MM[:SS] with an optional am/pm ("3:05 p.m.", "10 AM"), found
 * just after the date or just before it ("3:05 p.m. ET Jan. 5, 2024"), and
 * a zone is a numeric offset ("+0900", "UTC+5:30", "Z") or an abbreviation
 * from a fixed table.  Generic US zones (ET, CT, MT, PT) take the daylight
 * saving offset the date calls for.  A numeric date whose day and month
 * could be swapped is read day-first for non-US zones and month-first for
 * US zones; with no zone and no caller hint it is not read at all (unknown
 * values are null, never guessed).  Two-digit years are not read.
 */
#include "internal.h"

#include <stdio.h>

enum { TK_NUM, TK_WORD, TK_PUNCT };

typedef struct dtok {
    uint32_t s, e;       /* bytes in the input */
    uint8_t type;
    uint8_t ndig;        /* digits of a number */
    char punct;          /* the character of a punctuation token */
    bool space_before;   /* whitespace between this and the previous token */
    int val;             /* number value (clamped) */
} dtok;

#define MAX_TOKS 160

typedef struct zone {
    const char *name;
    int16_t off;       /* minutes east of UTC */
    uint8_t us;        /* 1: a US zone (month-first numeric dates) */
    uint8_t generic;   /* 1: ET/CT/MT/PT, offset depends on the date's DST */
} zone;

/* Abbreviations that name one zone in news use.  Ambiguous ones (AST, IST is
 * read as India as in most English news, CST as US Central) follow the
 * convention of English-language outlets. */
static const zone ZONES[] = {
    {"utc", 0, 0, 0},    {"gmt", 0, 0, 0},    {"z", 0, 0, 0},      {"ut", 0, 0, 0},
    {"wet", 0, 0, 0},    {"west", 60, 0, 0},  {"bst", 60, 0, 0},   {"cet", 60, 0, 0},
    {"cest", 120, 0, 0}, {"eet", 120, 0, 0},  {"eest", 180, 0, 0}, {"msk", 180, 0, 0},
    {"ist", 330, 0, 0},  {"pkt", 300, 0, 0},  {"npt", 345, 0, 0},  {"ict", 420, 0, 0},
    {"wib", 420, 0, 0},  {"hkt", 480, 0, 0},  {"sgt", 480, 0, 0},  {"pht", 480, 0, 0},
    {"awst", 480, 0, 0}, {"kst", 540, 0, 0},  {"jst", 540, 0, 0},  {"acst", 570, 0, 0},
    {"acdt", 630, 0, 0}, {"aest", 600, 0, 0}, {"aedt", 660, 0, 0}, {"nzst", 720, 0, 0},
    {"nzdt", 780, 0, 0}, {"sast", 120, 0, 0}, {"eat", 180, 0, 0},  {"wat", 60, 0, 0},
    {"cat", 120, 0, 0},  {"gst", 240, 0, 0},  {"brt", -180, 0, 0}, {"art", -180, 0, 0},
    {"est", -300, 1, 0}, {"edt", -240, 1, 0}, {"cst", -360, 1, 0}, {"cdt", -300, 1, 0},
    {"mst", -420, 1, 0}, {"mdt", -360, 1, 0}, {"pst", -480, 1, 0}, {"pdt", -420, 1, 0},
    {"akst", -540, 1, 0}, {"akdt", -480, 1, 0}, {"hst", -600, 1, 0},
    {"et", -300, 1, 1},  {"ct", -360, 1, 1},  {"mt", -420, 1, 1},  {"pt", -480, 1, 1},
};

static const char *const MONTHS[12] = {"january", "february", "march",     "april",
                                       "may",     "june",     "july",      "august",
                                       "september", "october", "november", "december"};
static const char *const WDAYS[7] = {"sunday",   "monday", "tuesday", "wednesday",
                                     "thursday", "friday", "saturday"};

static bool word_eq(const char *s, const dtok *t, const char *lw) {
    size_t n = t->e - t->s, m = strlen(lw);
    if (n != m) return false;
    for (size_t i = 0; i < n; i++)
        if (cri_tolower(s[t->s + i]) != lw[i]) return false;
    return true;
}

/* Month 1..12 for a full name or an abbreviation of at least 3 letters
 * ("Sept", "Jul"); 0 otherwise. */
static int month_of(const char *s, const dtok *t) {
    size_t n = t->e - t->s;
    if (t->type != TK_WORD || n < 3 || n > 9) return 0;
    char w[10];
    for (size_t i = 0; i < n; i++) w[i] = cri_tolower(s[t->s + i]);
    for (int m = 0; m < 12; m++) {
        if (w[0] != MONTHS[m][0]) continue;   /* most words: no month starts so */
        size_t ml = strlen(MONTHS[m]);
        if (n > ml) continue;
        if (memcmp(w, MONTHS[m], n) != 0) continue;
        if (n == ml || n == 3 || (m == 8 && n == 4)) return m + 1;
    }
    return 0;
}

static bool is_wday(const char *s, const dtok *t) {
    size_t n = t->e - t->s;
    if (t->type != TK_WORD || n < 3 || n > 9) return false;
    for (int k = 0; k < 7; k++) {
        size_t wl = strlen(WDAYS[k]);
        if (n > wl) continue;
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++) ok = cri_tolower(s[t->s + i]) == WDAYS[k][i];
        if (ok && (n == wl || n == 3 || (n == 4 && (k == 2 || k == 4)))) return true;
    }
    return false;
}

static const zone *zone_of(const char *s, const dtok *t) {
    size_t n = t->e - t->s;
    if (t->type != TK_WORD || n > 4) return NULL;
    /* Zone abbreviations are written in capitals; "et" or "cat" in lower
     * case are words. */
    for (size_t i = 0; i < n; i++)
        if (!cri_isupper((unsigned char)s[t->s + i])) return NULL;
    for (size_t z = 0; z < sizeof ZONES / sizeof ZONES[0]; z++)
        if (word_eq(s, t, ZONES[z].name)) return &ZONES[z];
    return NULL;
}

static int tokenize(const char *s, size_t n, dtok *tk, int max) {
    int k = 0;
    size_t i = 0;
    bool sp = true;
    while (i < n && k < max) {
        unsigned char c = (unsigned char)s[i];
        if (cri_isspace(c)) {
            sp = true;
            i++;
            continue;
        }
        dtok *t = &tk[k];
        t->s = (uint32_t)i;
        t->space_before = sp;
        sp = false;
        t->val = 0;
        t->ndig = 0;
        t->punct = 0;
        if (cri_isdigit(c)) {
            t->type = TK_NUM;
            while (i < n && cri_isdigit((unsigned char)s[i])) {
                if (t->ndig < 9) t->val = t->val * 10 + (s[i] - '0');
                t->ndig = t->ndig < 255 ? t->ndig + 1 : 255;
                i++;
            }
        } else if (cri_isalpha(c)) {
            t->type = TK_WORD;
            while (i < n && cri_isalpha((unsigned char)s[i])) i++;
        } else if (c >= 0x80) {
            /* Non-ASCII: a no-break space separates; anything else is a word
             * we cannot read (a month name in another script, say). */
            if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
                sp = true;
                i += 2;
                continue;
            }
            t->type = TK_WORD;
            i++;
            while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
            /* an en or em dash reads as '-' */
            if (t->s + 3 == i && (unsigned char)s[t->s] == 0xE2 &&
                (unsigned char)s[t->s + 1] == 0x80 &&
                ((unsigned char)s[t->s + 2] == 0x93 || (unsigned char)s[t->s + 2] == 0x94)) {
                t->type = TK_PUNCT;
                t->punct = '-';
            }
        } else {
            t->type = TK_PUNCT;
            t->punct = (char)c;
            i++;
        }
        t->e = (uint32_t)i;
        k++;
    }
    return k;
}

static bool is_p(const dtok *tk, int k, int i, char c) {
    return i >= 0 && i < k && tk[i].type == TK_PUNCT && tk[i].punct == c;
}

static int days_in_month(int y, int m) {
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

/* Day of week, 0 = Sunday (Sakamoto). */
static int weekday(int y, int m, int d) {
    static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3) y -= 1;
    return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

/* US daylight saving time (since 2007): from the second Sunday of March to
 * the first Sunday of November. */
static bool us_dst(int y, int m, int d) {
    if (m < 3 || m > 11) return false;
    if (m > 3 && m < 11) return true;
    if (m == 3) {
        int first_sun = 1 + (7 - weekday(y, 3, 1)) % 7;
        return d >= first_sun + 7;
    }
    int first_sun = 1 + (7 - weekday(y, 11, 1)) % 7;
    return d < first_sun;
}

typedef struct dt {
    int y, m, d;         /* m or d may still be swapped: see `amb` */
    int hh, mi, ss;      /* hh < 0: no time */
    bool has_tz;
    int tz;              /* minutes east */
    const zone *zn;
    bool amb;            /* numeric a/b both <= 12 and different */
    int a, b;            /* the two numeric fields in written order */
    int first, last;     /* token span */
} dt;

/* A time at token i: H:MM[:SS][.frac] [am|pm] or H am|pm.  Returns tokens
 * used (0: none). */
static int parse_time(const char *s, const dtok *tk, int k, int i, int *hh, int *mi, int *ss) {
    if (i >= k || tk[i].type != TK_NUM || tk[i].ndig > 2) return 0;
    int h = tk[i].val, m = 0, sec = 0, j = i + 1;
    bool colon = false;
    if (is_p(tk, k, j, ':') && j + 1 < k && tk[j + 1].type == TK_NUM && tk[j + 1].ndig == 2 &&
        !tk[j + 1].space_before) {
        m = tk[j + 1].val;
        j += 2;
        colon = true;
        if (is_p(tk, k, j, ':') && j + 1 < k && tk[j + 1].type == TK_NUM && tk[j + 1].ndig == 2) {
            sec = tk[j + 1].val;
            j += 2;
            if (is_p(tk, k, j, '.') && j + 1 < k && tk[j + 1].type == TK_NUM &&
                !tk[j + 1].space_before)
                j += 2;
        }
    }
    /* am / pm: "AM", "pm", "a.m.", "p.m" */
    int ap = 0;
    if (j < k && tk[j].type == TK_WORD) {
        if (word_eq(s, &tk[j], "am") || word_eq(s, &tk[j], "pm")) {
            ap = cri_tolower(s[tk[j].s]) == 'a' ? 1 : 2;
            j++;
        } else if ((word_eq(s, &tk[j], "a") || word_eq(s, &tk[j], "p")) && is_p(tk, k, j + 1, '.') &&
                   j + 2 < k && word_eq(s, &tk[j + 2], "m")) {
            ap = cri_tolower(s[tk[j].s]) == 'a' ? 1 : 2;
            j += 3;
            if (is_p(tk, k, j, '.')) j++;
        }
    }
    if (!colon && !ap) return 0;
    if (ap) {
        if (h < 1 || h > 12) return 0;
        if (ap == 1 && h == 12) h = 0;
        if (ap == 2 && h != 12) h += 12;
    }
    if (h > 23 || m > 59 || sec > 60) return 0;
    *hh = h;
    *mi = m;
    *ss = sec;
    return j - i;
}

/* A zone at token i: abbreviation, "Z", "+0900", "+09:00", "UTC+9",
 * "GMT+05:30", "(IST)".  Returns tokens used. */
static int parse_zone(const char *s, const dtok *tk, int k, int i, dt *r) {
    int j = i;
    bool paren = false;
    if (is_p(tk, k, j, '(')) {
        paren = true;
        j++;
    }
    const zone *z = j < k ? zone_of(s, &tk[j]) : NULL;
    int used = 0;
    if (z) {
        r->has_tz = true;
        r->tz = z->off;
        r->zn = z;
        j++;
        used = 1;
    }
    /* numeric offset, alone or after UTC/GMT */
    if ((!z || z->off == 0) && j + 1 < k && (is_p(tk, k, j, '+') || is_p(tk, k, j, '-')) &&
        tk[j + 1].type == TK_NUM && !tk[j + 1].space_before) {
        int sign = tk[j].punct == '-' ? -1 : 1;
        const dtok *nt = &tk[j + 1];
        int oh = -1, om = 0, jj = j + 2;
        if (nt->ndig == 4) {
            oh = nt->val / 100;
            om = nt->val % 100;
        } else if (nt->ndig <= 2) {
            oh = nt->val;
            if (is_p(tk, k, jj, ':') && jj + 1 < k && tk[jj + 1].type == TK_NUM &&
                tk[jj + 1].ndig == 2) {
                om = tk[jj + 1].val;
                jj += 2;
            } else if (!z && nt->ndig != 2) {
                oh = -1;   /* "+5" alone is not a zone */
            }
        }
        if (oh >= 0 && oh <= 14 && om < 60 && (z || nt->ndig == 4 || jj > j + 2)) {
            r->has_tz = true;
            r->tz = sign * (oh * 60 + om);
            r->zn = NULL;
            j = jj;
            used = 1;
        }
    }
    if (!used) return 0;
    if (paren && is_p(tk, k, j, ')')) j++;
    return j - i;
}

/* The date proper starting at token i (optionally after a weekday).
 * Returns tokens used. */
static int parse_date(const char *s, const dtok *tk, int k, int i, dt *r) {
    int j = i;
    if (j < k && is_wday(s, &tk[j])) {
        j++;
        if (is_p(tk, k, j, '.')) j++;
        if (is_p(tk, k, j, ',')) j++;
    }
    if (j >= k) return 0;
    const dtok *t = &tk[j];
    r->amb = false;
    if (t->type == TK_NUM && t->ndig == 4 && t->val >= 1900 && t->val <= 2100) {
        /* Y-M-D with '-', '/' or '.' */
        if (j + 4 < k && tk[j + 1].type == TK_PUNCT &&
            (tk[j + 1].punct == '-' || tk[j + 1].punct == '/' || tk[j + 1].punct == '.') &&
            tk[j + 2].type == TK_NUM && tk[j + 2].ndig <= 2 && is_p(tk, k, j + 3, tk[j + 1].punct) &&
            tk[j + 4].type == TK_NUM && tk[j + 4].ndig <= 2) {
            r->y = t->val;
            r->m = tk[j + 2].val;
            r->d = tk[j + 4].val;
            return j + 5 - i;
        }
        return 0;
    }
    if (t->type == TK_NUM && t->ndig <= 2) {
        /* D Month YYYY  ("9 July 2024", "09 Jul 2024", "9th of July, 2024") */
        int jj = j + 1;
        if (jj < k && tk[jj].type == TK_WORD && !tk[jj].space_before &&
            (word_eq(s, &tk[jj], "st") || word_eq(s, &tk[jj], "nd") || word_eq(s, &tk[jj], "rd") ||
             word_eq(s, &tk[jj], "th")))
            jj++;
        if (jj < k && word_eq(s, &tk[jj], "of")) jj++;
        if (is_p(tk, k, jj, '-') && jj + 1 < k && month_of(s, &tk[jj + 1])) jj++;
        int mo = jj < k ? month_of(s, &tk[jj]) : 0;
        if (mo) {
            jj++;
            if (is_p(tk, k, jj, '.')) jj++;
            if (is_p(tk, k, jj, ',') || is_p(tk, k, jj, '-')) jj++;
            if (jj < k && tk[jj].type == TK_NUM && tk[jj].ndig == 4 && tk[jj].val >= 1900 &&
                tk[jj].val <= 2100) {
                r->y = tk[jj].val;
                r->m = mo;
                r->d = t->val;
                return jj + 1 - i;
            }
            return 0;
        }
        /* numeric D/M/YYYY or M/D/YYYY */
        if (j + 4 < k && tk[j + 1].type == TK_PUNCT &&
            (tk[j + 1].punct == '-' || tk[j + 1].punct == '/' || tk[j + 1].punct == '.') &&
            !tk[j + 1].space_before && tk[j + 2].type == TK_NUM && tk[j + 2].ndig <= 2 &&
            is_p(tk, k, j + 3, tk[j + 1].punct) && tk[j + 4].type == TK_NUM && tk[j + 4].ndig == 4 &&
            tk[j + 4].val >= 1900 && tk[j + 4].val <= 2100) {
            int a = t->val, b = tk[j + 2].val;
            r->y = tk[j + 4].val;
            r->a = a;
            r->b = b;
            if (a > 12 && b <= 12) {
                r->d = a;
                r->m = b;
            } else if (b > 12 && a <= 12) {
                r->m = a;
                r->d = b;
            } else if (a == b) {
                r->m = r->d = a;
            } else if (tk[j + 1].punct == '.') {
                /* 10.01.2024: dotted numeric dates are day first (no US use) */
                r->d = a;
                r->m = b;
            } else if (a <= 12 && b <= 12) {
                r->amb = true;
                r->d = a;
                r->m = b;
            } else {
                return 0;
            }
            return j + 5 - i;
        }
        return 0;
    }
    int mo = month_of(s, t);
    if (mo) {
        /* Month D[th][,] YYYY  ("July 9, 2024", "Jan. 5, 2024") */
        int jj = j + 1;
        if (is_p(tk, k, jj, '.')) jj++;
        if (jj < k && tk[jj].type == TK_NUM && tk[jj].ndig <= 2) {
            int day = tk[jj].val;
            jj++;
            if (jj < k && tk[jj].type == TK_WORD && !tk[jj].space_before &&
                (word_eq(s, &tk[jj], "st") || word_eq(s, &tk[jj], "nd") || word_eq(s, &tk[jj], "rd") ||
                 word_eq(s, &tk[jj], "th")))
                jj++;
            if (is_p(tk, k, jj, ',')) jj++;
            if (jj < k && tk[jj].type == TK_NUM && tk[jj].ndig == 4 && tk[jj].val >= 1900 &&
                tk[jj].val <= 2100) {
                r->y = tk[jj].val;
                r->m = mo;
                r->d = day;
                return jj + 1 - i;
            }
        }
    }
    return 0;
}

/* Skip connective tokens between a date and its time: ",", "-", "|", "at",
 * "T", "@", "/". */
static int skip_glue(const char *s, const dtok *tk, int k, int j, int max) {
    int used = 0;
    while (j < k && used < max) {
        const dtok *t = &tk[j];
        if (t->type == TK_PUNCT && (t->punct == ',' || t->punct == '-' || t->punct == '|' ||
                                    t->punct == '@' || t->punct == '/' || t->punct == '(' ||
                                    t->punct == ':'))
            ;
        else if (t->type == TK_WORD && (word_eq(s, t, "at") || word_eq(s, t, "t") || word_eq(s, t, "on")))
            ;
        else
            break;
        j++;
        used++;
    }
    return j;
}

static bool valid(const dt *r) {
    return r->y >= 1900 && r->y <= 2100 && r->m >= 1 && r->m <= 12 && r->d >= 1 &&
           r->d <= days_in_month(r->y, r->m);
}

/* v in `w` digits at p (0 <= v < 10^w); false if it does not fit. */
static bool put_digits(char *p, int v, int w) {
    if (v < 0) return false;
    for (int i = w - 1; i >= 0; i--, v /= 10) p[i] = (char)('0' + v % 10);
    return v == 0;
}

static bool emit(const dt *r, char *out, size_t size) {
    char buf[48];
    int n;
    /* the common forms written directly (snprintf costs more than the
     * whole date search) */
    if (size >= 23) {
        char *p = buf;
        bool ok = put_digits(p, r->y, 4) && put_digits(p + 5, r->m, 2) && put_digits(p + 8, r->d, 2);
        p[4] = p[7] = '-';
        n = 10;
        if (ok && r->hh >= 0) {
            p[10] = 'T';
            p[13] = ':';
            ok = put_digits(p + 11, r->hh, 2) && put_digits(p + 14, r->mi, 2);
            n = 16;
            if (ok && r->ss > 0 && r->ss < 60) {
                p[16] = ':';
                ok = put_digits(p + 17, r->ss, 2);
                n = 19;
            }
            if (ok && r->has_tz) {
                if (r->tz == 0) p[n++] = 'Z';
                else {
                    int a = r->tz < 0 ? -r->tz : r->tz;
                    p[n] = r->tz < 0 ? '-' : '+';
                    p[n + 3] = ':';
                    ok = put_digits(p + n + 1, a / 60, 2) && put_digits(p + n + 4, a % 60, 2);
                    n += 6;
                }
            }
        }
        if (ok && (size_t)n < size) {
            buf[n] = 0;
            memcpy(out, buf, (size_t)n + 1);
            return true;
        }
    }
    if (r->hh < 0) {
        n = snprintf(buf, sizeof buf, "%04d-%02d-%02d", r->y, r->m, r->d);
    } else {
        n = snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", r->y, r->m, r->d, r->hh, r->mi);
        if (r->ss > 0 && r->ss < 60) n += snprintf(buf + n, sizeof buf - (size_t)n, ":%02d", r->ss);
        if (r->has_tz) {
            if (r->tz == 0)
                n += snprintf(buf + n, sizeof buf - (size_t)n, "Z");
            else {
                int a = r->tz < 0 ? -r->tz : r->tz;
                n += snprintf(buf + n, sizeof buf - (size_t)n, "%c%02d:%02d", r->tz < 0 ? '-' : '+',
                              a / 60, a % 60);
            }
        }
    }
    if (n < 0 || (size_t)n >= size) return false;
    memcpy(out, buf, (size_t)n + 1);
    return true;
}

bool cri_find_datetime(const char *s, size_t n, int order, char *iso_out, size_t out_size,
                       size_t *mstart, size_t *mend) {
    if (!s || !iso_out || out_size == 0) return false;
    dtok tk[MAX_TOKS];
    int k = tokenize(s, n, tk, MAX_TOKS);
    for (int i = 0; i < k; i++) {
        dt r;
        memset(&r, 0, sizeof r);
        r.hh = -1;
        int used = parse_date(s, tk, k, i, &r);
        if (!used) continue;
        r.first = i;
        r.last = i + used - 1;
        /* a time after the date, then a zone */
        int j = skip_glue(s, tk, k, i + used, 3);
        int hh, mi, ss;
        int tu = parse_time(s, tk, k, j, &hh, &mi, &ss);
        if (tu) {
            r.hh = hh;
            r.mi = mi;
            r.ss = ss;
            r.last = j + tu - 1;
            int zu = parse_zone(s, tk, k, j + tu, &r);
            if (zu) r.last = j + tu + zu - 1;
        } else {
            /* or a time before it: "3:05 p.m. ET Jan. 5, 2024" */
            for (int b = i >= 8 ? i - 8 : 0; b < i; b++) {
                if (tk[b].type != TK_NUM || is_p(tk, k, b - 1, ':')) continue;
                tu = parse_time(s, tk, k, b, &hh, &mi, &ss);
                if (!tu) continue;
                int e = b + tu;
                dt z = r;
                int zu = parse_zone(s, tk, k, e, &z);
                e += zu;
                if (skip_glue(s, tk, k, e, 3) != i) continue;
                r = z;
                r.hh = hh;
                r.mi = mi;
                r.ss = ss;
                r.first = b;
                break;
            }
            if (r.hh < 0) {
                /* a zone right after a date alone says the day order */
                dt z = r;
                if (parse_zone(s, tk, k, i + used, &z)) r.zn = z.zn;
            }
        }
        if (r.amb) {
            int ord = order;
            if (r.zn) ord = r.zn->us ? 2 : 1;
            else if (r.has_tz) ord = 1;
            if (ord == 0) continue;     /* 04/05/2024 with nothing to go on */
            if (ord == 2) {
                r.m = r.a;
                r.d = r.b;
            }
        }
        if (!valid(&r)) continue;
        if (r.zn && r.zn->generic) {
            /* ET, PT...: standard or daylight time as the date says. */
            r.tz = r.zn->off + (us_dst(r.y, r.m, r.d) ? 60 : 0);
        }
        if (r.hh < 0) r.has_tz = false;   /* a zone without a time says nothing */
        if (!emit(&r, iso_out, out_size)) return false;
        if (mstart) *mstart = tk[r.first].s;
        if (mend) *mend = tk[r.last].e;
        return true;
    }
    return false;
}

bool cri_parse_datetime(const char *s, size_t n, char *iso_out, size_t out_size) {
    return cri_find_datetime(s, n, 0, iso_out, out_size, NULL, NULL);
}
