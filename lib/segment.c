/*
 * segment.c — sentence boundaries in the body (d->body -> d->sents).
 *
 * Runs after boilerplate removal, before tokenize.c.  Paragraphs ("\n\n")
 * are segmented one at a time; a sentence never crosses a paragraph and
 * every paragraph ends one.  Within a paragraph a rule-based segmenter in the
 * tradition of pySBD and Punkt decides at each candidate (. ? ! … and their
 * CJK, Arabic and Devanagari forms, bullets, list markers, single line
 * breaks) from three pieces of evidence:
 *
 *   - the terminal cluster: one period, an ellipsis (... . . . …), or ?/!
 *     runs, plus the closing quotes and brackets right after it;
 *   - the word before it: a known abbreviation (titles never end a
 *     sentence; "Inc.", "Jr.", "U.S." end one only before a word that
 *     starts sentences), an initial, a dotted abbreviation, a number, a
 *     list marker;
 *   - the word after it: lower case never starts a sentence; a capitalized
 *     stopword ("The", "He", "It") almost always does; other capitals do
 *     after ordinary words but not after titles and initials.
 *
 * Everything is one forward pass: look-behind is bounded (64 bytes) and
 * look-ahead never goes past the next word, so the pass is linear on any
 * input (a 10 MB line without punctuation, a million blank lines).
 * Sentences longer than CR_MAX_SENTENCE are cut at a space.
 */
#include "internal.h"

#include <stdlib.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- small UTF-8 helpers (the body is valid UTF-8) ---------------------- */

/* Code point at p (n bytes available); *len its length (1 on bad bytes). */
static inline int32_t dec(const unsigned char *p, size_t n, int *len) {
    int32_t cp;
    *len = (int)cri_utf8_decode((const char *)p, n, &cp);   /* normalize.c */
    return cp;
}

/* Start of the code point ending just before position i. */
static uint32_t prev_cp(const char *b, uint32_t lo, uint32_t i) {
    if (i <= lo) return lo;
    i--;
    while (i > lo && ((unsigned char)b[i] & 0xC0) == 0x80) i--;
    return i;
}

static bool is_bullet_cp(int32_t c) {
    switch (c) {
    case 0x2022: case 0x2023: case 0x2043: case 0x25E6: case 0x25CF: case 0x25CB:
    case 0x25AA: case 0x25AB: case 0x25A0: case 0x25A1: case 0x25BA: case 0x25B6:
    case 0x27A2: case 0x27A4: case 0x2713: case 0x2714: case 0x2605: case 0x2756:
        return true;
    }
    return false;
}

static bool is_closer_cp(int32_t c) {
    switch (c) {
    case '"': case '\'': case ')': case ']': case '}': case 0x201D: case 0x2019:
    case 0x00BB: case 0x203A: case 0x300D: case 0x300F: case 0xFF09: case 0x3011:
        return true;
    }
    return false;
}

static bool is_opener_cp(int32_t c) {
    switch (c) {
    case '"': case '\'': case '(': case '[': case '{': case 0x201C: case 0x2018:
    case 0x00AB: case 0x2039: case 0x00BF: case 0x00A1: case 0x300C: case 0x300E:
    case 0xFF08: case 0x3010:
        return true;
    }
    return false;
}

static bool is_space_at(const char *b, uint32_t n, uint32_t i) {
    unsigned char c = (unsigned char)b[i];
    if (c < 0x80) return cri_isspace(c);
    /* no-break and thin spaces survive NFC */
    if (c == 0xC2 && i + 1 < n && (unsigned char)b[i + 1] == 0xA0) return true;
    if (c == 0xE2 && i + 2 < n && (unsigned char)b[i + 1] == 0x80 &&
        (((unsigned char)b[i + 2] >= 0x80 && (unsigned char)b[i + 2] <= 0x8A) ||
         (unsigned char)b[i + 2] == 0xAF))
        return true;
    return false;
}

/* Length of the space character at i (is_space_at said yes). */
static uint32_t space_len(const char *b, uint32_t n, uint32_t i) {
    (void)n;
    unsigned char c = (unsigned char)b[i];
    return c < 0x80 ? 1 : c == 0xC2 ? 2 : 3;
}

/* ---- word lists --------------------------------------------------------- */

enum {
    AB_NONE = 0,
    AB_TITLE,     /* before a name: never ends a sentence (Mr. Dr. Gen.)        */
    AB_NUMPRE,    /* before a number: no break before a digit (No. 5, Feb. 28)   */
    AB_SUFFIX,    /* may end a sentence: only before a sentence starter (Inc.)   */
    AB_NEVER,     /* never ends a sentence (e.g. i.e. vs.)                       */
    AB_ETC,       /* ends a sentence before any capital (etc.)                   */
    AB_STATE,     /* AP state abbreviation: like SUFFIX after "City,"            */
    AB_TIME       /* a.m. p.m.                                                   */
};

typedef struct { char w[8]; unsigned char cls; } abbrev;   /* zero padded: read as one word */

/* Sorted (strcmp) for bsearch; lower case, internal periods kept. */
static const abbrev abbrevs[] = {
    {"a.m", AB_TIME}, {"adm", AB_TITLE}, {"al", AB_SUFFIX}, {"ala", AB_STATE},
    {"amb", AB_TITLE}, {"approx", AB_NUMPRE}, {"apr", AB_NUMPRE}, {"apt", AB_NUMPRE},
    {"ariz", AB_STATE}, {"ark", AB_STATE}, {"art", AB_NUMPRE}, {"assn", AB_SUFFIX},
    {"assoc", AB_SUFFIX}, {"atty", AB_TITLE}, {"aug", AB_NUMPRE}, {"ave", AB_SUFFIX},
    {"bldg", AB_SUFFIX}, {"blvd", AB_SUFFIX}, {"brig", AB_TITLE}, {"bros", AB_SUFFIX},
    {"ca", AB_NUMPRE}, {"calif", AB_STATE}, {"capt", AB_TITLE}, {"cf", AB_NEVER},
    {"ch", AB_NUMPRE}, {"cmdr", AB_TITLE}, {"co", AB_SUFFIX}, {"col", AB_TITLE},
    {"colo", AB_STATE}, {"conn", AB_STATE}, {"const", AB_TITLE}, {"corp", AB_SUFFIX}, {"cos", AB_SUFFIX},
    {"cpl", AB_TITLE}, {"cst", AB_TITLE}, {"dec", AB_NUMPRE}, {"del", AB_STATE}, {"dept", AB_SUFFIX},
    {"det", AB_TITLE}, {"dist", AB_SUFFIX}, {"dr", AB_TITLE}, {"e.g", AB_NEVER},
    {"esq", AB_SUFFIX}, {"est", AB_NUMPRE}, {"etc", AB_ETC}, {"ext", AB_NUMPRE},
    {"feb", AB_NUMPRE}, {"fig", AB_NUMPRE}, {"figs", AB_NUMPRE}, {"fla", AB_STATE},
    {"fr", AB_TITLE}, {"fri", AB_NUMPRE}, {"ft", AB_SUFFIX}, {"ga", AB_STATE},
    {"gen", AB_TITLE}, {"gens", AB_TITLE}, {"gov", AB_TITLE}, {"govs", AB_TITLE},
    {"govt", AB_SUFFIX}, {"hon", AB_TITLE}, {"hwy", AB_NUMPRE}, {"i.e", AB_NEVER},
    {"ill", AB_STATE}, {"inc", AB_SUFFIX}, {"ind", AB_STATE}, {"insp", AB_TITLE},
    {"intl", AB_SUFFIX}, {"jan", AB_NUMPRE}, {"jr", AB_SUFFIX}, {"jul", AB_NUMPRE},
    {"jun", AB_NUMPRE}, {"kan", AB_STATE}, {"kans", AB_STATE}, {"ky", AB_STATE},
    {"la", AB_STATE}, {"llc", AB_SUFFIX}, {"lt", AB_TITLE}, {"ltd", AB_SUFFIX},
    {"maj", AB_TITLE}, {"mar", AB_NUMPRE}, {"mass", AB_STATE}, {"md", AB_STATE},
    {"messrs", AB_TITLE}, {"mfg", AB_SUFFIX}, {"mich", AB_STATE}, {"minn", AB_STATE},
    {"miss", AB_STATE}, {"mlle", AB_TITLE}, {"mme", AB_TITLE}, {"mo", AB_STATE},
    {"mon", AB_NUMPRE}, {"mont", AB_STATE}, {"mr", AB_TITLE}, {"mrs", AB_TITLE},
    {"ms", AB_TITLE}, {"msgr", AB_TITLE}, {"mt", AB_SUFFIX}, {"neb", AB_STATE},
    {"nev", AB_STATE}, {"no", AB_NUMPRE}, {"nos", AB_NUMPRE}, {"nov", AB_NUMPRE},
    {"nr", AB_NUMPRE}, {"n\xc2\xb0", AB_NUMPRE}, {"n\xc2\xba", AB_NUMPRE}, {"oct", AB_NUMPRE},
    {"okla", AB_STATE}, {"op", AB_NUMPRE}, {"ore", AB_STATE}, {"p", AB_NUMPRE},
    {"p.m", AB_TIME}, {"pa", AB_STATE}, {"para", AB_NUMPRE}, {"ph.d", AB_SUFFIX},
    {"plc", AB_SUFFIX}, {"pp", AB_NUMPRE}, {"pres", AB_TITLE}, {"prof", AB_TITLE},
    {"pt", AB_NUMPRE}, {"pvt", AB_TITLE}, {"rd", AB_SUFFIX}, {"ref", AB_NUMPRE},
    {"rep", AB_TITLE}, {"reps", AB_TITLE}, {"rev", AB_TITLE}, {"rs", AB_NUMPRE},
    {"rt", AB_TITLE}, {"sat", AB_NUMPRE}, {"sec", AB_NUMPRE}, {"sen", AB_TITLE},
    {"sens", AB_TITLE}, {"sep", AB_NUMPRE}, {"sept", AB_NUMPRE}, {"sgt", AB_TITLE},
    {"sr", AB_SUFFIX}, {"st", AB_SUFFIX}, {"ste", AB_SUFFIX}, {"sun", AB_NUMPRE},
    {"supt", AB_TITLE}, {"tel", AB_NUMPRE}, {"tenn", AB_STATE}, {"tex", AB_STATE},
    {"thu", AB_NUMPRE}, {"thur", AB_NUMPRE}, {"thurs", AB_NUMPRE}, {"tue", AB_NUMPRE},
    {"tues", AB_NUMPRE}, {"univ", AB_SUFFIX}, {"v", AB_NEVER}, {"va", AB_STATE},
    {"viz", AB_NEVER}, {"vol", AB_NUMPRE}, {"vols", AB_NUMPRE}, {"vs", AB_NEVER},
    {"vt", AB_STATE}, {"wash", AB_STATE}, {"wed", AB_NUMPRE}, {"wis", AB_STATE},
    {"wyo", AB_STATE},
};

/* Eight bytes at p as a big-endian number: zero-padded strings compare
 * as numbers exactly as strcmp orders them, so the sorted lists below are
 * searched with integer compares instead of strcmp calls. */
static inline uint64_t be64_at(const char *p) {
    const unsigned char *u = (const unsigned char *)p;
    return (uint64_t)u[0] << 56 | (uint64_t)u[1] << 48 | (uint64_t)u[2] << 40 | (uint64_t)u[3] << 32 |
           (uint64_t)u[4] << 24 | (uint64_t)u[5] << 16 | (uint64_t)u[6] << 8 | (uint64_t)u[7];
}

/* lw: ln bytes, zero padded to 8 or more. */
static int abbrev_class(const char *lw, size_t ln) {
    if (ln > 7) return AB_NONE;
    uint64_t k = be64_at(lw);
    size_t lo = 0, hi = sizeof abbrevs / sizeof abbrevs[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint64_t m = be64_at(abbrevs[mid].w);
        if (m == k) return abbrevs[mid].cls;
        if (m < k) lo = mid + 1;
        else hi = mid;
    }
    return AB_NONE;
}

/* Words that start sentences but are not stopwords (sorted). */
static const char starters_extra[][16] = {
    "according", "also", "although", "among", "another", "as", "despite", "earlier",
    "elsewhere", "even", "every", "finally", "however", "in", "indeed", "instead", "last",
    "later", "many", "meanwhile", "moreover", "nevertheless", "next", "now", "one",
    "overall", "several", "since", "still", "thus", "today", "tomorrow", "what", "yesterday",
    "yet",
};
/* Stopwords that are no evidence of a sentence start when capitalized:
 * fragments ("s", "t", "ll") and "i", capitalized anywhere. */
static const char starters_not[][16] = {
    "ain", "d", "don", "i", "ll", "m", "ma", "o", "re", "s", "shan", "t", "ve", "won", "y",
};

/* w: zero padded to 16 bytes; list: sorted, each zero padded to 16. */
static bool in_list(const char *w, const char (*list)[16], size_t n) {
    uint64_t k0 = be64_at(w), k1 = be64_at(w + 8);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint64_t m0 = be64_at(list[mid]), m1 = be64_at(list[mid] + 8);
        if (m0 == k0 && m1 == k1) return true;
        if (m0 < k0 || (m0 == k0 && m1 < k1)) lo = mid + 1;
        else hi = mid;
    }
    return false;
}

static const char day_month[][16] = {
    "april", "august", "december", "february", "friday", "january", "july", "june",
    "march", "may", "monday", "november", "october", "saturday", "september", "sunday",
    "thursday", "tuesday", "wednesday",
};

/* ---- the segmenter state ------------------------------------------------- */

typedef struct seg {
    cr_ctx *ctx;
    cr_doc *d;
    const char *b;
    uint32_t n;          /* body length */
    uint32_t para;       /* paragraph index */
    uint32_t pe;         /* end of the current paragraph */
    uint32_t cur;        /* start of the current sentence */
    int list_num;        /* last numbered-list marker seen in this paragraph, 0 none */
    int list_alpha;      /* last lettered-list marker ('a'...), 0 none */
    uint32_t cs_of, cs;  /* content_start() of the sentence at cs_of (cache) */
    /* word_before()'s last answer: a period's word is asked for twice
     * (list marker, then decide) */
    bool wb_have, wb_ok;
    uint32_t wb_i, wb_cur, wb_pe, wb_ws;
    bool failed;
} seg;

static bool push_sent(seg *s, uint32_t a, uint32_t e) {
    cri_sentence *x = CRI_PUSH(s->d->sents, s->d->n_sents, s->d->cap_sents);
    if (!x) { s->failed = true; return false; }
    x->start = a;
    x->end = e;
    x->para = s->para;
    return true;
}

/* Emit [a, e) trimmed; split pieces longer than CR_MAX_SENTENCE at a space. */
static void emit(seg *s, uint32_t a, uint32_t e) {
    const char *b = s->b;
    while (a < e) {
        unsigned char u = (unsigned char)b[a];
        if (u < 0x80) {   /* ASCII: a space by cri_isspace, one byte */
            if (!cri_isspace(u)) break;
            a++;
            continue;
        }
        if (!is_space_at(b, e, a)) break;
        a += space_len(b, e, a);
    }
    while (e > a) {
        unsigned char u = (unsigned char)b[e - 1];
        if (u < 0x80) {   /* its own code point */
            if (!cri_isspace(u)) break;
            e--;
            continue;
        }
        uint32_t p = prev_cp(b, a, e);
        if (!is_space_at(b, e, p)) break;
        e = p;
    }
    while (e > a && !s->failed) {
        if (e - a <= CR_MAX_SENTENCE) { push_sent(s, a, e); return; }
        uint32_t lim = a + CR_MAX_SENTENCE, cut = lim;
        while (cut > a + CR_MAX_SENTENCE / 2 && b[cut] != ' ' && b[cut] != '\n') cut--;
        if (b[cut] != ' ' && b[cut] != '\n') {   /* no space: cut on a character boundary */
            cut = lim;
            while (cut > a && ((unsigned char)b[cut] & 0xC0) == 0x80) cut--;
        }
        uint32_t end = cut;
        while (end > a && (b[end - 1] == ' ' || b[end - 1] == '\n')) end--;
        if (end > a) push_sent(s, a, end);
        a = cut;
        while (a < e && is_space_at(b, e, a)) a += space_len(b, e, a);
    }
}

/* Break the current sentence at `at` (exclusive end); the next one starts there. */
static void cut_at(seg *s, uint32_t at) {
    if (at > s->cur) emit(s, s->cur, at);
    s->cur = at;
}

/* First content byte of the current sentence: after spaces and bullets.
 * Cached per sentence, so a long run of spaces is skipped once. */
static uint32_t content_start(seg *s) {
    if (s->cs_of == s->cur + 1) return s->cs;
    uint32_t i = s->cur;
    for (int guard = 0; guard < 8 && i < s->pe; guard++) {
        while (i < s->pe && is_space_at(s->b, s->pe, i)) i += space_len(s->b, s->pe, i);
        if (i >= s->pe) break;
        int l;
        int32_t c = dec((const unsigned char *)s->b + i, s->pe - i, &l);
        if (is_bullet_cp(c) || ((c == '-' || c == '*' || c == 0x2013 || c == 0x00B7) &&
                                i + (uint32_t)l < s->pe && s->b[i + l] == ' '))
            i += (uint32_t)l;
        else break;
    }
    s->cs_of = s->cur + 1;
    s->cs = i;
    return i;
}

/* What follows a candidate boundary. */
enum { NX_END, NX_LOWER, NX_UPPER, NX_DIGIT, NX_CASELESS, NX_BULLET, NX_OTHER };

typedef struct next_word {
    int kind;
    bool opener;        /* an opening quote/bracket came first */
    bool starter;       /* a capitalized word that starts sentences ("The", "He") */
    bool initial;       /* a single capital followed by '.' ("J.") */
    bool pronoun_i;     /* the word "I" */
    bool day_month;     /* Monday..Sunday, January..December */
    bool single;        /* a one-letter word ("A", "I") */
    bool code;          /* letters and digits ("VA0898", "A320"): an identifier */
    bool zone;          /* a time-zone abbreviation ("ET", "PDT", "GMT", "UTC") */
    uint32_t at;        /* its first byte */
} next_word;

static void read_next(const seg *s, uint32_t k, next_word *nx) {
    const char *b = s->b;
    uint32_t pe = s->pe;
    memset(nx, 0, sizeof *nx);
    uint32_t i = k;
    while (i < pe) {
        unsigned char u = (unsigned char)b[i];
        if (u < 0x80) {   /* ASCII: a space by cri_isspace, one byte */
            if (!cri_isspace(u)) break;
            i++;
            continue;
        }
        if (!is_space_at(b, pe, i)) break;
        i += space_len(b, pe, i);
    }
    int l;
    for (int guard = 0; guard < 4 && i < pe; guard++) {
        unsigned char u = (unsigned char)b[i];
        if (u < 0x80 && u != '"' && u != '\'' && u != '(' && u != '[' && u != '{') break;   /* no ASCII opener */
        int32_t c = dec((const unsigned char *)b + i, pe - i, &l);
        if (!is_opener_cp(c)) break;
        nx->opener = true;
        i += (uint32_t)l;
    }
    nx->at = i;
    if (i >= pe) { nx->kind = NX_END; return; }
    int32_t c = dec((const unsigned char *)b + i, pe - i, &l);
    if (c < 0x80) {
        unsigned char u = (unsigned char)c;
        if (cri_islower(u)) nx->kind = NX_LOWER;
        else if (cri_isupper(u)) nx->kind = NX_UPPER;
        else if (cri_isdigit(u)) nx->kind = NX_DIGIT;
        else nx->kind = NX_OTHER;
    } else if (is_bullet_cp(c)) {
        nx->kind = NX_BULLET;
    } else {
        utf8proc_category_t cat = utf8proc_category(c);
        if (cat == UTF8PROC_CATEGORY_LL) nx->kind = NX_LOWER;
        else if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) nx->kind = NX_UPPER;
        else if (cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_LM) nx->kind = NX_CASELESS;
        else if (cat == UTF8PROC_CATEGORY_ND) nx->kind = NX_DIGIT;
        else nx->kind = NX_OTHER;
    }
    if (nx->kind != NX_UPPER) return;
    /* the word, lower-cased, ASCII letters and apostrophes only (zero
     * padded for in_list) */
    char w[16] = {0};
    size_t wl = 0;
    uint32_t j = i;
    while (j < pe && wl < sizeof w - 1) {
        unsigned char u = (unsigned char)b[j];
        if (cri_isalpha(u)) w[wl++] = cri_tolower((char)u);
        else if (u == '\'' && j + 1 < pe && cri_isalpha((unsigned char)b[j + 1]) && wl) w[wl++] = '\'';
        else break;
        j++;
    }
    w[wl] = 0;
    for (uint32_t q = j; q < pe && q < j + 12 && cri_isalnum((unsigned char)b[q]); q++)
        if (cri_isdigit((unsigned char)b[q])) nx->code = true;
    bool whole = wl > 0 && (j >= pe || !(cri_isalpha((unsigned char)b[j]) || (unsigned char)b[j] >= 0x80));
    if (!whole) return;
    if (wl >= 2 && wl <= 4 && (w[wl - 1] == 't' || (wl == 3 && memcmp(w, "utc", 3) == 0))) {
        bool caps = true;
        for (size_t q = 0; q < wl; q++) caps = caps && cri_isupper((unsigned char)b[i + q]);
        nx->zone = caps;
    }
    if (wl == 1) nx->single = true;
    if (wl == 1 && j < pe && b[j] == '.') nx->initial = true;
    if (wl == 1 && w[0] == 'i') nx->pronoun_i = true;
    if (in_list(w, day_month, sizeof day_month / sizeof *day_month)) nx->day_month = true;
    if (nx->initial) return;
    if ((cri_is_stopword(w, wl) &&
         !in_list(w, starters_not, sizeof starters_not / sizeof *starters_not)) ||
        in_list(w, starters_extra, sizeof starters_extra / sizeof *starters_extra))
        nx->starter = true;
}

/* The word before position i (exclusive), within the current sentence,
 * stripped of opening quotes/brackets.  Returns false when too long to be
 * an abbreviation or marker (> 48 bytes). */
static bool word_before_scan(const seg *s, uint32_t i, uint32_t *ws) {
    uint32_t lo = s->cur, j = i;
    while (j > lo) {
        unsigned char c = (unsigned char)s->b[j - 1];
        if (c < 0x80) {   /* ASCII: its own code point, a space by cri_isspace */
            if (cri_isspace(c)) break;
            j--;
            if (i - j > 48) return false;
            continue;
        }
        uint32_t p = prev_cp(s->b, lo, j);
        if (is_space_at(s->b, s->pe, p)) break;
        j = p;
        if (i - j > 48) return false;
    }
    for (int guard = 0; guard < 4 && j < i; guard++) {
        int l;
        int32_t c = dec((const unsigned char *)s->b + j, i - j, &l);
        if (!is_opener_cp(c) && !is_bullet_cp(c)) break;
        j += (uint32_t)l;
    }
    *ws = j;
    return true;
}

static bool word_before(seg *s, uint32_t i, uint32_t *ws) {
    if (!(s->wb_have && s->wb_i == i && s->wb_cur == s->cur && s->wb_pe == s->pe)) {
        s->wb_ok = word_before_scan(s, i, &s->wb_ws);
        s->wb_have = true;
        s->wb_i = i;
        s->wb_cur = s->cur;
        s->wb_pe = s->pe;
    }
    *ws = s->wb_ws;
    return s->wb_ok;
}

/* Letters separated by periods, each part 1-2 letters: "U.S", "e.g", "Ph.D". */
static bool is_dotted(const char *w, size_t n) {
    size_t run = 0, dots = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (cri_isalpha(c)) { if (++run > 2) return false; }
        else if (c == '.') { if (run == 0) return false; run = 0; dots++; }
        else return false;
    }
    return dots > 0 && run > 0;
}

static bool all_digits(const char *w, size_t n) {
    if (n == 0) return false;
    for (size_t i = 0; i < n; i++) if (!cri_isdigit((unsigned char)w[i])) return false;
    return true;
}

/* Words in the current sentence before position i (bounded count). */
static int words_before(seg *s, uint32_t i) {
    int n = 0;
    bool in = false;
    uint32_t from = content_start(s);
    if (i > from + 256) return 8;   /* far into the sentence: many words */
    for (uint32_t j = from; j < i && n < 8; j++) {
        bool sp = s->b[j] == ' ' || s->b[j] == '\n';
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

/* A list marker "N." "N)" "a." at position ws..we (the word before the
 * '.'/')'); value or 0.  Numbers 1..99, letters a..z. */
static int marker_value(const char *w, size_t n, bool *alpha) {
    *alpha = false;
    if (n >= 1 && n <= 2 && all_digits(w, n)) return n == 1 ? w[0] - '0' : (w[0] - '0') * 10 + w[1] - '0';
    if (n == 1 && cri_islower((unsigned char)w[0])) { *alpha = true; return w[0] - 'a' + 1; }
    return 0;
}

enum { K_PERIOD, K_ELLIPSIS, K_QE };

/* A list may start at ws: the sentence starts there, or a colon precedes. */
static bool list_start(seg *s, uint32_t ws) {
    if (ws == content_start(s)) return true;
    uint32_t p = ws;
    while (p > s->cur && (s->b[p - 1] == ' ' || s->b[p - 1] == '\n')) p--;
    return p > s->cur && p < ws && s->b[p - 1] == ':';
}

/* Decide at the terminal cluster starting at i, of the given kind, with nx
 * the word after it and its closers.  Returns true to end the sentence
 * there (after the closers). */
static bool decide(seg *s, uint32_t i, int kind, const next_word *nx) {
    const char *b = s->b;
    if (nx->kind == NX_END) return true;
    if (nx->kind == NX_LOWER) return false;
    if (kind == K_ELLIPSIS) {
        if (nx->pronoun_i) return false;   /* "I" is capitalized anywhere: no evidence */
        /* "[...]" marks an omission inside a quotation, never an end */
        if (i > s->cur && b[i - 1] == '[') {
            uint32_t j = i;
            while (j < s->pe && b[j] == '.') j++;
            if (j < s->pe && b[j] == ']') return false;
        }
        return nx->kind == NX_UPPER || nx->kind == NX_CASELESS || nx->kind == NX_BULLET;
    }
    uint32_t ws;
    bool short_word = word_before(s, i, &ws);
    if (kind == K_QE) {
        if (short_word && b[i] == '!' && nx->kind == NX_UPPER && !nx->starter) {
            /* brand names spelled with '!' */
            size_t n = i - ws;
            if ((n == 5 && memcmp(b + ws, "Yahoo", 5) == 0) ||
                (n == 8 && memcmp(b + ws, "Jeopardy", 8) == 0))
                return false;
        }
        return true;
    }
    /* a period */
    if (!short_word) return true;   /* a long token (URL, e-mail) is an ordinary word */
    size_t n = i - ws;
    const char *w = b + ws;
    /* strip trailing closers: `"great".` is an ordinary word */
    bool quoted = false;
    while (n > 0 && (w[n - 1] == '"' || w[n - 1] == '\'' || w[n - 1] == ')' || w[n - 1] == ']')) {
        n--;
        quoted = true;
    }
    if (n == 0 || quoted) return true;

    /* a list marker at the start of the sentence: "1. The first item" */
    bool alpha;
    int mv = marker_value(w, n, &alpha);
    if (mv && list_start(s, ws)) {
        if (alpha) s->list_alpha = mv; else s->list_num = mv;
        return false;
    }

    char lw[24] = {0};   /* zero padded for abbrev_class */
    size_t ln = 0;
    if (n < sizeof lw) {
        for (size_t j = 0; j < n; j++) lw[ln++] = cri_tolower(w[j]);
        lw[ln] = 0;
    }
    int cls = ln ? abbrev_class(lw, ln) : AB_NONE;
    if (cls == AB_NONE && ln && is_dotted(lw, ln)) cls = AB_SUFFIX;
    if (cls == AB_TIME) {
        if (nx->kind != NX_UPPER && nx->kind != NX_CASELESS) return false;
        if (nx->starter) return true;
        if (nx->day_month || nx->zone) return false;   /* "3 a.m. Sunday", "1 p.m. PDT" */
        /* "At 5 a.m. Mr. Smith went": a time that opens its sentence */
        return words_before(s, ws) > 3;
    }
    switch (cls) {
    case AB_TITLE:
        if (cri_isupper((unsigned char)w[0])) return false;
        break;
    case AB_NEVER:
        return false;
    case AB_NUMPRE:
        if (nx->kind == NX_DIGIT || nx->code) return false;   /* "No. 5", "No. VA0898" */
        if (ln == 1 || (ln == 2 && lw[0] == 'p')) return nx->starter;   /* p. pp. */
        break;
    case AB_SUFFIX:
        return nx->starter || nx->kind == NX_BULLET;
    case AB_ETC:
        return nx->kind != NX_DIGIT;
    case AB_STATE: {
        /* "Springfield, Ill. He said": only after "City," */
        uint32_t p = ws;
        while (p > s->cur && b[p - 1] == ' ') p--;
        if (p > s->cur && b[p - 1] == ',' && cri_isupper((unsigned char)w[0]))
            return nx->starter || nx->kind == NX_BULLET;
        break;
    }
    default:
        break;
    }
    /* initials: "George W. Bush", "J. R. R. Tolkien"; but "Plan B. The" */
    if (n == 1 && cri_isupper((unsigned char)w[0]))
        return (nx->starter && !nx->single) || nx->kind == NX_BULLET;   /* "L. A judge" */
    if (n == 1 && cri_islower((unsigned char)w[0]) && nx->kind == NX_DIGIT) return false;
    return true;
}

/* A list marker in the middle of a sentence continuing the list: "... first
 * item 2. The second item".  ms: marker start.  Returns true if it is one. */
static bool mid_marker(seg *s, uint32_t ms, uint32_t me, const next_word *nx) {
    if (nx->kind != NX_UPPER && nx->kind != NX_DIGIT && nx->kind != NX_CASELESS) return false;
    if (ms <= s->cur || !is_space_at(s->b, s->pe, ms - 1) || ms == content_start(s)) return false;
    bool alpha;
    int mv = marker_value(s->b + ms, me - ms, &alpha);
    if (!mv) return false;
    if (alpha ? (s->list_alpha == 0 || mv != s->list_alpha + 1)
              : (s->list_num == 0 || mv != s->list_num + 1))
        return false;
    if (alpha) s->list_alpha = mv; else s->list_num = mv;
    return true;
}

/* Terminal cluster starting at i: returns its end; sets *kind. */
static uint32_t cluster(const seg *s, uint32_t i, int *kind) {
    const char *b = s->b;
    uint32_t pe = s->pe, j = i;
    int dots = 0;
    bool qe = false, ell = false;
    while (j < pe) {
        unsigned char c = (unsigned char)b[j];
        if (c == '.') { dots++; j++; }
        else if (c == '?' || c == '!') { qe = true; j++; }
        else if (c == 0xE2 && j + 2 < pe && (unsigned char)b[j + 1] == 0x80 && (unsigned char)b[j + 2] == 0xA6) { ell = true; j += 3; }
        else if (c == 0xE2 && j + 2 < pe && (((unsigned char)b[j + 1] == 0x80 && (unsigned char)b[j + 2] == 0xBC) ||
                                               ((unsigned char)b[j + 1] == 0x81 && (unsigned char)b[j + 2] >= 0x87 && (unsigned char)b[j + 2] <= 0x89))) { qe = true; j += 3; }
        else if (c == ' ' && dots >= 1 && j + 1 < pe && b[j + 1] == '.' &&
                 (j + 2 >= pe || b[j + 2] == ' ' || b[j + 2] == '.' || b[j + 2] == '"' ||
                  (unsigned char)b[j + 2] == 0xE2 || b[j + 2] == '\n'))
            j++;   /* spaced ellipsis ". . ." */
        else break;
    }
    /* a trailing space taken by the spaced-ellipsis rule is not part of it */
    while (j > i && b[j - 1] == ' ') j--;
    *kind = (ell || dots >= 2) ? K_ELLIPSIS : qe ? K_QE : K_PERIOD;
    return j;
}

/* Closing quotes and brackets right after a cluster. */
static uint32_t closers(const seg *s, uint32_t j) {
    for (int guard = 0; guard < 6 && j < s->pe; guard++) {
        int l;
        int32_t c = dec((const unsigned char *)s->b + j, s->pe - j, &l);
        if (c == 0x2014 || c == 0x2013) {   /* "agreed.— It": a dash closes too */
            j += (uint32_t)l;
            break;
        }
        if (!is_closer_cp(c)) break;
        if (c == '\'' || c == 0x2019) {
            /* an apostrophe ("Jr.'s") is not a closing quote */
            uint32_t a = j + (uint32_t)l;
            if (a < s->pe && !is_space_at(s->b, s->pe, a)) {
                int l2;
                int32_t c2 = dec((const unsigned char *)s->b + a, s->pe - a, &l2);
                if (!is_closer_cp(c2)) break;
            }
        }
        j += (uint32_t)l;
    }
    return j;
}

static bool line_is_bulleted(const seg *s, uint32_t i) {
    uint32_t pe = s->pe;
    while (i < pe && (s->b[i] == ' ' || s->b[i] == '\t')) i++;
    if (i >= pe) return false;
    int l;
    int32_t c = dec((const unsigned char *)s->b + i, pe - i, &l);
    if (is_bullet_cp(c)) return true;
    if ((c == '-' || c == '*' || c == 0x2013 || c == 0x2014 || c == 0x00B7) && i + (uint32_t)l < pe &&
        s->b[i + l] == ' ')
        return true;
    /* "1. " "2) " "a) " */
    uint32_t j = i;
    while (j < pe && j - i < 3 && cri_isdigit((unsigned char)s->b[j])) j++;
    if (j > i && j < pe && (s->b[j] == '.' || s->b[j] == ')') && j + 1 < pe && s->b[j + 1] == ' ')
        return true;
    return false;
}

/* A single line break inside a paragraph at i. */
static void line_break(seg *s, uint32_t i) {
    const char *b = s->b;
    uint32_t nl = i + 1;
    if (line_is_bulleted(s, nl)) { cut_at(s, nl); return; }
    /* the line before: ends with terminal punctuation?  Then the terminal
     * rule has decided already. */
    uint32_t e = i;
    while (e > s->cur && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
    if (e <= s->cur) return;
    unsigned char last = (unsigned char)b[e - 1];
    if (last == '.' || last == '?' || last == '!' || last == ',' || last == ';' || last == ':' ||
        last == '-' || last == '(' || last == '&' || last == '/')
        return;
    if (last >= 0x80) {
        uint32_t p = prev_cp(b, s->cur, e);
        int l;
        int32_t c = dec((const unsigned char *)b + p, e - p, &l);
        if (c == 0x2013 || c == 0x2014 || c == 0x2026 || c == 0x201C) return;
        if (is_closer_cp(c) && p > s->cur) {
            unsigned char q = (unsigned char)b[p - 1];
            if (q == '.' || q == '?' || q == '!' || q == ',') return;
        }
    } else if (is_closer_cp(last) && e - 1 > s->cur) {
        unsigned char q = (unsigned char)b[e - 2];
        if (q == '.' || q == '?' || q == '!' || q == ',') return;
    }
    next_word nx;
    read_next(s, nl, &nx);
    /* a line of one to three words is a heading or a list item, not wrapped
     * prose (wrapped lines are long) */
    int words = 0;
    for (uint32_t j = e, in = 0; j > s->cur && words <= 3; j--) {
        bool sp = b[j - 1] == ' ' || b[j - 1] == '\t';
        if (b[j - 1] == '\n') break;
        if (!sp && !in) words++;
        in = !sp;
    }
    bool short_line = words <= 3;
    if (short_line || nx.kind == NX_UPPER || nx.kind == NX_DIGIT || nx.kind == NX_CASELESS ||
        nx.kind == NX_BULLET || nx.opener) {
        /* a lower-case function word at the end of the line continues it */
        uint32_t ws = e;
        while (ws > s->cur && cri_isalpha((unsigned char)b[ws - 1])) ws--;
        char w[16];
        size_t wl = e - ws;
        if (wl > 0 && wl < sizeof w && cri_islower((unsigned char)b[ws])) {
            for (size_t j = 0; j < wl; j++) w[j] = cri_tolower(b[ws + j]);
            if (cri_is_stopword(w, wl)) return;
        }
        cut_at(s, nl);
    }
}

/* Bytes that may start a candidate. */
static const uint8_t trig[256] = {
    ['.'] = 1, ['?'] = 1, ['!'] = 1, [')'] = 1, ['\n'] = 1,
    [0xD8] = 1, [0xDB] = 1, [0xE0] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* The next trigger byte in [i, pe), or pe.  Sixteen bytes at a time where
 * SSE2 is there: most of a paragraph is plain words. */
static inline uint32_t next_trig(const char *b, uint32_t i, uint32_t pe) {
#if defined(__SSE2__)
    const __m128i dot = _mm_set1_epi8('.'), qm = _mm_set1_epi8('?'), ex = _mm_set1_epi8('!'),
                  rp = _mm_set1_epi8(')'), nl = _mm_set1_epi8('\n');
    while (pe - i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, qm)),
                                 _mm_or_si128(_mm_cmpeq_epi8(v, ex),
                                              _mm_or_si128(_mm_cmpeq_epi8(v, rp), _mm_cmpeq_epi8(v, nl))));
        /* candidates: the ASCII triggers and every non-ASCII byte */
        unsigned mask = (unsigned)_mm_movemask_epi8(m) | (unsigned)_mm_movemask_epi8(v);
        while (mask) {
            unsigned k = (unsigned)__builtin_ctz(mask);
            if (trig[(unsigned char)b[i + k]]) return i + k;
            mask &= mask - 1;
        }
        i += 16;
    }
#endif
    while (i < pe && !trig[(unsigned char)b[i]]) i++;
    return i;
}

static void segment_para(seg *s, uint32_t ps, uint32_t pe) {
    const char *b = s->b;
    s->pe = pe;
    s->cur = ps;
    s->list_num = 0;
    s->list_alpha = 0;
    uint32_t i = ps;
    while (i < pe && !s->failed) {
        i = next_trig(b, i, pe);
        if (i >= pe) break;
        unsigned char c = (unsigned char)b[i];
        if (c == '\n') { line_break(s, i); i++; continue; }
        if (c == ')') {
            /* "1) The first item 2) The second item" */
            uint32_t ws;
            next_word nx;
            if (i + 1 < pe && b[i + 1] == ' ' && word_before(s, i, &ws) && ws < i) {
                bool alpha;
                int mv = marker_value(b + ws, i - ws, &alpha);
                if (mv) {
                    read_next(s, i + 1, &nx);
                    if (list_start(s, ws)) {
                        if (alpha) s->list_alpha = mv; else s->list_num = mv;
                    } else if (mid_marker(s, ws, i, &nx)) {
                        cut_at(s, ws);
                    }
                }
            }
            i++;
            continue;
        }
        int kind = -1;
        uint32_t ce = i + 1;
        bool cjk = false;
        if (c == '.' || c == '?' || c == '!') {
            ce = cluster(s, i, &kind);
        } else if (c >= 0x80) {
            int l;
            int32_t cp = dec((const unsigned char *)b + i, pe - i, &l);
            if (cp == 0x2026 || cp == 0x203C || (cp >= 0x2047 && cp <= 0x2049)) {
                ce = cluster(s, i, &kind);
            } else if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61) {
                kind = K_QE; cjk = true; ce = i + (uint32_t)l;
                while (ce < pe) {   /* 。」 ！！ */
                    int l2;
                    int32_t c2 = dec((const unsigned char *)b + ce, pe - ce, &l2);
                    if (c2 != 0x3002 && c2 != 0xFF01 && c2 != 0xFF1F && c2 != 0xFF61) break;
                    ce += (uint32_t)l2;
                }
            } else if (cp == 0x061F || cp == 0x06D4 || cp == 0x0964 || cp == 0x0965) {
                kind = K_QE; ce = i + (uint32_t)l;
            } else if (is_bullet_cp(cp)) {
                /* a bullet in running text starts a new item */
                if (i > s->cur && content_start(s) < i && is_space_at(b, pe, prev_cp(b, s->cur, i)))
                    cut_at(s, i);
                i += (uint32_t)l;
                continue;
            } else {
                i += (uint32_t)l;
                continue;
            }
        }
        uint32_t k = closers(s, ce);
        if (k < pe && !is_space_at(b, pe, k) && !cjk) {
            /* no space after: "example.com", "3.14", "U.S.A", "that...see";
             * but "late....She" and "Hi!!!The" after an ellipsis break */
            i = k > i ? k : i + 1;
            continue;
        }
        /* a closing quote detached by a space ("Rise up. \" Then"): an
         * opening quote is attached to its word, so a lone one closes */
        if (k < pe) {
            uint32_t q = k;
            while (q < pe && (b[q] == ' ' || b[q] == '\t')) q++;
            int l;
            int32_t qc = q < pe ? dec((const unsigned char *)b + q, pe - q, &l) : 0;
            if (q > k && (qc == '"' || qc == 0x201D || qc == 0x00BB) &&
                (q + (uint32_t)l >= pe || is_space_at(b, pe, q + (uint32_t)l)))
                k = q + (uint32_t)l;
        }
        next_word nx;
        read_next(s, k, &nx);
        if (cjk) {
            cut_at(s, k);
            i = k;
            continue;
        }
        /* a list marker continuing a list: break before it */
        if (kind == K_PERIOD && nx.kind != NX_LOWER) {
            uint32_t ws;
            if (word_before(s, i, &ws) && ws < i && mid_marker(s, ws, i, &nx)) {
                cut_at(s, ws);
                i = k;
                continue;
            }
        }
        if (decide(s, i, kind, &nx)) cut_at(s, k);
        i = k;
    }
    if (!s->failed) emit(s, s->cur, pe);
}

/* The next "\n\n" from p, or NULL. */
static const char *para_end(const char *p, const char *end) {
    while (p < end) {
        const char *q = memchr(p, '\n', (size_t)(end - p));
        if (!q || q + 1 >= end) return NULL;
        if (q[1] == '\n') return q;
        p = q + 1;
    }
    return NULL;
}

cr_status cri_segment(cr_ctx *ctx, cr_doc *d) {
    d->n_sents = 0;
    seg s = {.ctx = ctx, .d = d, .b = d->body, .n = d->body_len};
    if (!d->body || d->body_len == 0) return CR_OK;
    if (!d->sents) {
        size_t guess = d->body_len / 120 + 4;
        d->sents = malloc(guess * sizeof *d->sents);
        if (!d->sents) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
        d->cap_sents = guess;
    }
    const char *b = d->body;
    uint32_t n = d->body_len, i = 0;
    while (i < n && !s.failed) {
        /* skip blank lines between paragraphs */
        while (i < n && (b[i] == '\n' || b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) i++;
        if (i >= n) break;
        const char *e = para_end(b + i, b + n);
        uint32_t pe = e ? (uint32_t)(e - b) : n;
        size_t before = d->n_sents;
        segment_para(&s, i, pe);
        if (d->n_sents > before) s.para++;
        i = pe;
    }
    if (s.failed) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    return CR_OK;
}
