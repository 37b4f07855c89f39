/*
 * mojibake.c — undo UTF-8 that was decoded as Windows-1252 or Latin-1, once
 * or twice ("â€™" -> "’", "Ã©" -> "é", "Ã¢â‚¬â„¢" -> "’"), and remove the
 * stray "Â" a mis-decoded no-break space leaves behind.  Runs after text.c
 * (the text is valid UTF-8) and before NFC (normalize.c).
 *
 * Method, in the spirit of ftfy but our own: mojibake of UTF-8 only ever
 * consists of characters a cp1252/Latin-1 decoder can produce, so we look at
 * maximal runs of such non-ASCII characters.  A run is re-encoded to the
 * bytes it came from, and every structurally valid UTF-8 sequence in those
 * bytes (a lead U+00C2-U+00F4 followed by the right number of continuation
 * characters U+0080-U+00BF or their cp1252 counterparts) is a candidate unit.
 * A candidate is decoded only when it is clearly weirder than its decoding:
 *
 *   strong     an accented capital after a lower-case letter ("cafÃ©"), a
 *              continuation character that does not follow a word in real
 *              text ("Ã£", "Ã§", "â€", "ðŸ"), punctuation wedged between
 *              letters ("Ã‘A"), a lone "Ã"/"Â" before a symbol ("Â£5"),
 *              or a chain of adjacent units ("Ð¼Ð¾", "×©×œ");
 *   ambiguous  what clean text can also hold: an all-capitals word ending in
 *              a lead letter before closing punctuation ("IRÃ”", "ETTÄ”"),
 *              or a lone unit decoding to another script ("å’Œ" -> 和);
 *              decoded only when the same document has strong mojibake.
 *
 * Clean text is the priority: a lead is never a continuation character, so
 * runs of accented letters ("SÃO", "ÇÃO", "pâté") never form candidates,
 * and leads of other scripts (Hebrew, Arabic, CJK results) need a chain.
 * Fixed runs are checked again (up to three levels) for double encoding,
 * decoding only what the previous level produced.  A space inside a run may
 * stand for a no-break space that became a space ("Ã  la", "Ð ÐžÐ™").
 * C1 controls that text.c kept for us are decoded as part of a unit or
 * removed.  A document without the byte 0xC3 (every lead is U+00C2-U+00F4,
 * encoded C3 82..C3 B4) returns at once; otherwise one pass takes the strong
 * units, and a second runs only when doubtful units need the evidence.
 * Also undone, narrowly: typographic punctuation read as Windows-1251
 * ("вЂ™" -> "’").  See docs/text.md.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

enum { REJECT = 0, NEEDCHAIN = 1, AMBIG = 2, STRONG = 3 };
enum { MAX_LEVELS = 3 };

typedef struct vec32 { int32_t *v; size_t n, cap; } vec32;

static int vpush(vec32 *a, int32_t c) {
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 64;
        int32_t *p = realloc(a->v, cap * sizeof *p);
        if (!p) return -1;
        a->v = p;
        a->cap = cap;
    }
    a->v[a->n++] = c;
    return 0;
}

typedef struct mj {
    cr_ctx *ctx;
    cr_doc *d;
    const char *s;
    size_t n;
    bool allow_ambig;
    size_t strong, ambig;     /* units seen on the first level */
    size_t c1_removed;
    uint32_t c1_line;
    cri_buf out;
    size_t copied;
    size_t line_pos;
    uint32_t line_no;
    vec32 run, lv[2];         /* scratch: the run, and two level buffers */
    size_t run_end;           /* text offset just after the current run */
    uint8_t *strength;        /* per run position, scratch */
    size_t strength_cap;
    cri_buf tmp;
    bool nomem;
} mj;

/* A character a cp1252 (sloppy: C1 for undefined bytes) or Latin-1 decoder
 * produces from a byte >= 0x80. */
static inline int hi_byte(int32_t cp) {
    if (cp < 0x80) return -1;
    if (cp <= 0xFF) return (int)cp;
    if (cp < 0x152 || cp > 0x2122) return -1;
    return cri_cp1252_byte(cp);
}

static inline bool is_cont(int32_t cp) {
    int b = hi_byte(cp);
    return b >= 0x80 && b <= 0xBF;
}

/* Characters that legitimately follow the last letter of a word (closing
 * quotes and brackets, dashes, ellipsis, marks, footnote digits, no-break
 * space): after a lead letter they are not evidence of mojibake. */
static bool attaches(int32_t c) {
    switch (c) {
    case 0x2019: case 0x201D: case 0x201C: case 0x2018: case 0x00BB: case 0x00AB:
    case 0x203A: case 0x2039: case 0x2026: case 0x2013: case 0x2014: case 0x2022:
    case 0x00B7: case 0x00A0: case 0x00B0: case 0x2122: case 0x00AE: case 0x00A9:
    case 0x00B9: case 0x00B2: case 0x00B3: case 0x00B4:
        return true;
    default:
        return false;
    }
}

static bool lower_letter(int32_t c) { return c >= 0 && cri_is_lower(c); }
static bool upper_letter(int32_t c) { return c >= 0 && cri_is_upper(c); }
static bool any_letter(int32_t c) { return c >= 0 && cri_is_letter(c); }

/* A plain space inside a run may stand for a no-break space (byte 0xA0)
 * that a later step turned into a space ("Ð ÐžÐ™" for "РОЙ"). */
static inline int unit_byte(int32_t c) { return c == ' ' ? 0xA0 : hi_byte(c); }
static inline int32_t as_char(int32_t c) { return c == ' ' ? 0xA0 : c; }
static inline bool is_c1(int32_t c) { return c >= 0x80 && c <= 0x9F; }
/* Letters that follow other letters in clean text (Czech š, French œ);
 * ƒ and the ordinal and micro signs ª º µ count as letters in Unicode but
 * never follow an accented letter. */
static inline bool plain_letter(int32_t c) {
    return c != 0x192 && c != 0xAA && c != 0xBA && c != 0xB5 && any_letter(c);
}

/* Decode the UTF-8 sequence held by the bytes of chars c[0..need). */
static int32_t seq_decode(const int32_t *c, int need) {
    unsigned char b[4];
    for (int i = 0; i < need; i++) b[i] = (unsigned char)unit_byte(c[i]);
    int32_t cp;
    size_t k = cri_utf8_decode((const char *)b, (size_t)need, &cp);
    return k == (size_t)need ? cp : -1;
}

/* Two-byte unit: lead byte L, continuation character t, decoded cp, the
 * characters p before and q after the unit. */
static int strength2(int L, int32_t t, int32_t cp, int32_t p, int32_t q) {
    if (is_c1(t)) return STRONG;   /* text.c keeps C1 only in mojibake context */
    bool tl = plain_letter(t), weird = !attaches(t);
    if (L == 0xDF || L >= 0xD2) return NEEDCHAIN;   /* NKo, Hebrew, Arabic, ... */
    if (L >= 0xC9 && L <= 0xCD) {                   /* IPA, modifiers, combining */
        switch (cp) {
        case 0x2BB: case 0x2BC: case 0x2C6: case 0x2C7: case 0x2D8: case 0x2D9:
        case 0x2DA: case 0x2DB: case 0x2DC: case 0x2DD:
            break;
        default:
            return NEEDCHAIN;
        }
    }
    if (lower_letter(p)) return STRONG;
    if (weird && (!tl || L <= 0xC5 || L == 0xD0 || L == 0xD1)) return STRONG;
    /* punctuation between letters; a no-break space there is normal */
    if (!tl && t != 0xA0 && any_letter(q)) return STRONG;
    /* a lone capital + no-break space starting a lower-case word: "Å koda"
     * is Škoda (C5 A0) */
    if (t == 0xA0 && !any_letter(p) && lower_letter(q)) return STRONG;
    if ((L == 0xC2 || L == 0xC3) && !any_letter(p)) return STRONG;
    return AMBIG;
}

static int strength3(int32_t t1, int32_t t2, int32_t cp, int32_t q, bool space) {
    if (is_c1(t1) || is_c1(t2)) return STRONG;
    int weird = (!attaches(t1) && !plain_letter(t1)) + (!attaches(t2) && !plain_letter(t2));
    if (cp >= 0xE000 && cp <= 0xF8FF) return NEEDCHAIN;  /* private use */
    if (cp >= 0xFFF0) return NEEDCHAIN;
    if (cp >= 0x2E80) return weird == 2 ? STRONG : NEEDCHAIN;  /* CJK, Hangul, ... */
    if (weird) return STRONG;
    /* two closing marks ("»‘") and then a letter: not punctuation */
    return !space && attaches(t1) && attaches(t2) && any_letter(q) ? STRONG : AMBIG;
}

static int strength4(const int32_t *t) {
    if (is_c1(t[0]) || is_c1(t[1]) || is_c1(t[2])) return STRONG;
    int weird = 0;
    for (int i = 0; i < 3; i++) weird += !attaches(t[i]) && !plain_letter(t[i]);
    return weird ? STRONG : AMBIG;
}

/* Sequences with a byte that cp1252 leaves undefined (0x81 0x8D 0x8F 0x90
 * 0x9D), which a decoder dropped: "â€" is ” (E2 80 9D), "â¤" is ❤ (E2 9D
 * A4, the middle byte lost), "ï¸" the emoji variation selector (EF B8 8F).
 * Returns the character, or 0. */
static int32_t lost_byte(int L, int32_t t1) {
    if (L == 0xE2 && t1 == 0x20AC) return 0x201D;
    if (L == 0xE2 && t1 == 0xA4) return 0x2764;
    if (L == 0xEF && t1 == 0xB8) return 0xFE0F;
    return 0;
}

/* Unit flags, one byte per run position (0: no unit starts here). */
enum { U_LEN = 7, U_QUOTE = 8, U_SHIFT = 4, U_SMASK = 3 << 4, U_SPACE = 64 };
static inline int u_strength(uint8_t u) { return (u & U_SMASK) >> U_SHIFT; }
static inline uint8_t u_with(uint8_t u, int s) { return (uint8_t)((u & ~U_SMASK) | (s << U_SHIFT)); }

/* A two-byte unit whose space stands for 0xA0 and that decodes to a common
 * letter: à, Š, Π, Р, נ. */
static bool space_letter(const int32_t *c, int need) {
    if (need != 2) return false;
    switch (hi_byte(c[0] & 0xFFFFFF)) {
    case 0xC3: case 0xC5: case 0xCE: case 0xD0: case 0xD7: return true;
    default: return false;
    }
}

/* "Ã" + space + word: the space is kept (à as a word: "voilÃ tout" after
 * whitespace was collapsed) unless the word is one Portuguese writes joined
 * to à (àquele, àquela, àquilo, às) or a Vietnamese syllable ending.  The text after the run is read from
 * the document, since the run ends at the first ASCII letter. */
static bool keep_space_after_a_grave(const mj *st, const int32_t *c, size_t m, size_t k,
                                     int32_t q) {
    int32_t qc = k < m ? c[k] & 0xFFFFFF : q;
    if (qc < 0 || qc >= 0x80 || !cri_isalnum((unsigned char)qc)) return false;
    if (k < m) return true;
    const char *t = st->s + st->run_end, *e = st->s + st->n;
    /* Portuguese contractions, and the endings a Vietnamese syllable takes
     * after à ("thÃ nh" is thành, "vÃ o" is vào) */
    static const char *const joined[] = {"quele", "quela", "quilo", "queles", "quelas", "s",
                                         "i", "o", "u", "y", "m", "n", "ng", "nh", "c", "ch",
                                         "p", "t"};
    for (size_t i = 0; i < sizeof joined / sizeof *joined; i++) {
        size_t n = strlen(joined[i]);
        if ((size_t)(e - t) >= n && memcmp(t, joined[i], n) == 0 &&
            ((size_t)(e - t) == n || !cri_isalpha((unsigned char)t[n])))
            return false;
    }
    return true;
}

/* Characters a level produced by decoding carry this mark, so the next
 * level (double encoding) only decodes what the previous one made. */
#define FRESH ((int32_t)1 << 24)
#define CH(x) ((x) & (FRESH - 1))

/* One level of repair of c[0..m) (context p before, q after) into out.
 * Level 0 works on the text; it may take doubtful units when the document
 * has clear mojibake.  Later levels (double encoding) only decode units made
 * entirely of characters the previous level produced.  Returns true when
 * something changed. */
static bool fix_level(mj *st, int level, const int32_t *c, size_t m, int32_t p, int32_t q,
                      vec32 *out, size_t *n_stray) {
    if (st->strength_cap < m + 1) {
        size_t cap = (m + 1) * 2;
        uint8_t *np = realloc(st->strength, cap);
        if (!np) { st->nomem = true; return false; }
        st->strength = np;
        st->strength_cap = cap;
    }
    uint8_t *u = st->strength;
    memset(u, 0, m + 1);

    /* candidates: a lead and its continuation characters */
    for (size_t k = 0; k < m;) {
        int L = hi_byte(CH(c[k]));
        int need = L >= 0xC2 && L <= 0xDF ? 2 : L >= 0xE0 && L <= 0xEF ? 3 : L >= 0xF0 && L <= 0xF4 ? 4 : 0;
        if (!need || (level > 0 && !(c[k] & FRESH))) { k++; continue; }
        int got = 1;
        bool space = false;
        int32_t t[4] = {0, 0, 0, 0};
        t[0] = CH(c[k]);
        while (got < need && k + (size_t)got < m) {
            int32_t x = c[k + got];
            if (level > 0 && !(x & FRESH)) break;
            x = CH(x);
            if (is_cont(x)) { t[got++] = x; continue; }
            /* at most one space per unit, on the text itself; "Â " is the
             * stray-Â case below, "â€ " a lost byte (see lost_byte) */
            if (x == ' ' && level == 0 && !space && L != 0xC2 &&
                !(got == 2 && lost_byte(L, t[1]))) {
                space = true;
                t[got++] = ' ';
                continue;
            }
            break;
        }
        int32_t pc = k ? CH(c[k - 1]) : p;
        if (got == need) {
            int32_t cp = seq_decode(t, need);
            /* Samaritan .. Arabic Extended-A: never what mojibake hides */
            if (cp < 0 || (cp >= 0x800 && cp <= 0x8FF)) { k++; continue; }
            int32_t qc = k + (size_t)need < m ? CH(c[k + need]) : q;
            int32_t a1 = as_char(t[1]), a2 = as_char(t[2]), a3 = as_char(t[3]);
            int32_t tt[3] = {a1, a2, a3};
            int s = need == 2 ? strength2(L, a1, cp, pc, qc)
                  : need == 3 ? strength3(a1, a2, cp, qc, space)
                              : strength4(tt);
            if (space && need == 2 && s == STRONG && !is_c1(a1))
                /* "Ã " alone: strong after a lower-case letter ("voilÃ  "),
                 * or before a second space ("Ã  la"); not after a capital
                 * ("IRMÃ  e" is clean Portuguese with a double space).
                 * Other leads + space ("stdÇ arşivi") need more evidence. */
                s = L == 0xC3 && (lower_letter(pc) || (qc == ' ' && !upper_letter(pc)))
                        ? STRONG : AMBIG;
            /* a space first of two continuations is most often a word
             * break after an accented letter ("á „"): only with neighbours
             * ("ë ˆì½”" for 레코), or with a C1 control ("ç \x81" for 码) */
            if (space && need == 3 && t[1] == ' ' && !is_c1(a2) && s > NEEDCHAIN)
                s = NEEDCHAIN;
            u[k] = (uint8_t)(need | (s << U_SHIFT) | (space ? U_SPACE : 0));
            k += (size_t)need;
            continue;
        }
        /* a byte cp1252 leaves undefined was dropped (or became U+FFFD) */
        int32_t lost = got == 2 && !space ? lost_byte(L, t[1]) : 0;
        if (lost) {
            size_t ul = 2 + (k + 2 < m && CH(c[k + 2]) == 0xFFFD);
            int s = lost == 0xFE0F ? NEEDCHAIN : STRONG;
            u[k] = (uint8_t)(ul | (size_t)(s << U_SHIFT) | U_QUOTE);
            k += ul;
            continue;
        }
        k++;
    }
    /* chains: a group of adjacent units with two or more without a space
     * vouch for each other ("Ð¼Ð¾", "×©×œ", "æ— æ³•"); a unit with a space
     * in a group of two or more may use the document's evidence */
    for (size_t k = 0; k < m;) {
        if (!u[k]) { k++; continue; }
        size_t g = k, end = k;
        int solid = 0, units = 0;
        while (end < m && u[end]) {
            if (!(u[end] & U_SPACE) && u_strength(u[end]) >= NEEDCHAIN) solid++;
            units++;
            end += u[end] & U_LEN;
        }
        for (size_t j = g; j < end; j += u[j] & U_LEN) {
            if (solid >= 2 && u_strength(u[j]) >= NEEDCHAIN) u[j] = u_with(u[j], STRONG);
            if (units >= 2) u[j] |= 128;   /* grouped */
        }
        k = end;
    }
    /* output */
    bool changed = false;
    out->n = 0;
    for (size_t k = 0; k < m;) {
        if (u[k]) {
            int need = u[k] & U_LEN, s = u_strength(u[k]);
            bool space = u[k] & U_SPACE;
            /* doubtful units need the document's evidence; a space may
             * stand for 0xA0 then only next to another unit or in a common
             * letter ("Ã " for à, "Å " for Š) */
            bool doubtful_ok = st->allow_ambig && level < 2 &&
                               (!space || (u[k] & 128) || space_letter(c + k, need));
            if (level < 2) {
                if (s == STRONG) st->strong++;
                else if (s >= NEEDCHAIN) st->ambig++;
            }
            if (s == STRONG || (s >= NEEDCHAIN && doubtful_ok)) {
                int32_t t[4];
                for (int i = 0; i < need; i++) t[i] = CH(c[k + (size_t)i]);
                int32_t cp = (u[k] & U_QUOTE) ? lost_byte(hi_byte(t[0]), t[1]) : seq_decode(t, need);
                if (vpush(out, cp | FRESH)) { st->nomem = true; return false; }
                k += (size_t)need;
                /* "Ã" + space before a word: the no-break space of "à" was
                 * more likely dropped (whitespace collapsed) than turned into
                 * this space, which then is the word break: keep it */
                if (space && need == 2 && cp == 0xE0 && keep_space_after_a_grave(st, c, m, k, q) &&
                    vpush(out, ' ')) {
                    st->nomem = true;
                    return false;
                }
                changed = true;
                continue;
            }
        }
        /* a stray "Â" (U+00C2) where a no-break space was */
        if (CH(c[k]) == 0xC2) {
            int32_t pc = k ? CH(c[k - 1]) : p;
            int32_t qc = k + 1 < m ? CH(c[k + 1]) : q;
            if ((qc == ' ' || qc == '\n' || qc < 0) && pc > ' ' && !upper_letter(pc) &&
                pc != 0xC2) {
                k++;
                changed = true;
                (*n_stray)++;
                continue;
            }
        }
        /* "Ã" whose no-break space was lost at the end of a word
         * ("voilÃ." for "voilà."): needs the document's evidence */
        if (CH(c[k]) == 0xC3 && level == 0) {
            int32_t pc = k ? CH(c[k - 1]) : p;
            int32_t qc = k + 1 < m ? CH(c[k + 1]) : q;
            if (lower_letter(pc) && (qc < 0 || (qc < 0x80 && !cri_isalnum((unsigned char)qc)))) {
                st->ambig++;
                if (st->allow_ambig) {
                    if (vpush(out, 0xE0 | FRESH)) { st->nomem = true; return false; }
                    k++;
                    changed = true;
                    continue;
                }
            }
        }
        if (vpush(out, CH(c[k]))) { st->nomem = true; return false; }
        k++;
    }
    return changed;
}

/* Line number of text offset pos (pos never moves backwards). */
static uint32_t line_at(mj *st, size_t pos) {
    const char *s = st->s, *p = s + st->line_pos, *e = s + pos;
    while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
        st->line_no++;
        p++;
    }
    if (pos > st->line_pos) st->line_pos = pos;
    return st->line_no;
}

static int32_t prev_char(const char *s, size_t i) {
    if (i == 0) return -1;
    size_t b = i - 1;
    while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80 && i - b < 4) b--;
    int32_t cp;
    cri_utf8_decode(s + b, i - b, &cp);
    return cp;
}

/* Append s[0..n) to b with C1 controls shown as \x9D, not invisibly. */
static int put_escaped(cri_buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = cri_utf8_decode(s + i, n - i, &cp);
        if (cp >= 0x80 && cp <= 0x9F ? cri_buf_printf(b, "\\x%02X", (unsigned)cp)
                                     : cri_buf_append(b, s + i, k))
            return -1;
        i += k;
    }
    return 0;
}

static void put_utf8(mj *st, cri_buf *b, const int32_t *c, size_t m) {
    if (cri_buf_reserve(b, m * 4)) { st->nomem = true; return; }
    for (size_t i = 0; i < m; i++) b->len += cri_utf8_encode(c[i], b->data + b->len);
    b->data[b->len] = '\0';
}

/* A run of cp1252-producible characters at s[a..e), its characters in
 * st->run.  Repairs it (levels for double encoding), writes the output and
 * reports. */
static void do_run(mj *st, size_t a, size_t e) {
    st->run_end = e;
    vec32 *run = &st->run;
    int32_t p = prev_char(st->s, a);
    int32_t q = -1;
    if (e < st->n) cri_utf8_decode(st->s + e, st->n - e, &q);

    const vec32 *cur = run;
    size_t n_stray = 0;
    bool changed = false;
    int which = 0;
    for (int level = 0; level < MAX_LEVELS; level++) {
        vec32 *o = &st->lv[which];
        if (!fix_level(st, level, cur->v, cur->n, p, q, o, &n_stray)) break;
        if (st->nomem) return;
        changed = true;
        cur = o;
        which ^= 1;
    }
    if (st->nomem) return;
    if (cur != run)
        for (size_t i = 0; i < cur->n; i++) cur->v[i] = CH(cur->v[i]);
    /* C1 controls left: a cp1252 character if the byte has one, else gone */
    bool c1 = false;
    for (size_t i = 0; i < cur->n; i++)
        if (cur->v[i] >= 0x80 && cur->v[i] <= 0x9F) { c1 = true; break; }
    if (c1) {
        vec32 *o = &st->lv[which];
        o->n = 0;
        for (size_t i = 0; i < cur->n; i++) {
            int32_t c = cur->v[i];
            if (c >= 0x80 && c <= 0x9F) {
                /* inside a repair a C1 is a cp1252 byte read as Latin-1 */
                int32_t m = changed ? cri_cp1252_high[c - 0x80] : 0;
                if (!m) {
                    if (st->c1_removed++ == 0) st->c1_line = line_at(st, a);
                    continue;
                }
                c = m;
            }
            if (vpush(o, c)) { st->nomem = true; return; }
        }
        cur = o;
    }
    if (!changed && !c1) return;

    /* write: untouched text since the last change, then the repaired run */
    cri_buf *out = &st->out;
    if (cri_buf_append(out, st->s + st->copied, a - st->copied)) { st->nomem = true; return; }
    size_t at = out->len;
    put_utf8(st, out, cur->v, cur->n);
    if (st->nomem) return;
    st->copied = e;

    uint32_t line = line_at(st, a);
    const char *after = out->data + at;
    size_t alen = out->len - at;
    if (n_stray && cur->n + n_stray == run->n) {
        /* only stray "Â" removed: show the word it trailed */
        size_t b = a;
        while (b > 0 && a - b < 40 && st->s[b - 1] != ' ' && st->s[b - 1] != '\n') b--;
        while (b < a && ((unsigned char)st->s[b] & 0xC0) == 0x80) b++;
        cri_buf *t = &st->tmp;
        t->len = 0;
        if (put_escaped(t, st->s + b, e - b)) { st->nomem = true; return; }
        size_t blen = t->len;
        if (put_escaped(t, st->s + b, a - b) || cri_buf_append(t, after, alen)) {
            st->nomem = true;
            return;
        }
        if (cri_doc_add_repair(st->d, "stray-a-circumflex", t->data, blen, t->data + blen,
                               t->len - blen, line))
            st->nomem = true;
        return;
    }
    /* show C1 controls in the report as \x9D, not as invisible characters */
    cri_buf *t = &st->tmp;
    t->len = 0;
    if (put_escaped(t, st->s + a, e - a)) { st->nomem = true; return; }
    if (changed && cri_doc_add_repair(st->d, "mojibake", t->data, t->len, after, alen, line))
        st->nomem = true;
}

static void scan(mj *st) {
    const char *s = st->s;
    size_t n = st->n, i = 0;
    while (i < n && !st->nomem) {
        /* jump to the next 0xC3 or 0xC2/0xC5/0xC6/0xCB/0xE2 region: any run
         * worth a look contains a lead, which is encoded C3 xx */
        const char *hit = memchr(s + i, 0xC3, n - i);
        if (!hit) break;
        size_t h = (size_t)(hit - s);
        /* back up to the start of the run holding this lead */
        size_t a = h;
        while (a > i) {
            size_t b = a - 1;
            while (b > i && ((unsigned char)s[b] & 0xC0) == 0x80 && a - b < 4) b--;
            int32_t cp;
            size_t k = cri_utf8_decode(s + b, a - b, &cp);
            if (k != a - b || hi_byte(cp) < 0) break;
            a = b;
        }
        /* collect the run forwards */
        st->run.n = 0;
        size_t e = a;
        bool has_lead = false, has_c1 = false;
        while (e < n) {
            int32_t cp;
            size_t k = cri_utf8_decode(s + e, n - e, &cp);
            int b = hi_byte(cp);
            if (b < 0) {
                /* one space between (or after) such characters may be a
                 * no-break space turned into a space, and U+FFFD a byte a
                 * decoder could not map: keep them in the run */
                if ((cp == ' ' || cp == 0xFFFD) && st->run.v[st->run.n - 1] != ' ' &&
                    st->run.v[st->run.n - 1] != 0xFFFD) {
                    if (vpush(&st->run, cp)) { st->nomem = true; return; }
                    e += k;
                    continue;
                }
                break;
            }
            if (b >= 0xC2 && b <= 0xF4) has_lead = true;
            if (cp >= 0x80 && cp <= 0x9F) has_c1 = true;
            if (vpush(&st->run, cp)) { st->nomem = true; return; }
            e += k;
        }
        if (has_lead || has_c1) do_run(st, a, e);
        i = e > h ? e : h + 1;
    }
}

/* Offset of the first C1 control (C2 80..C2 9F) in s, or SIZE_MAX. */
static size_t find_c1(const char *s, size_t n) {
    for (const char *c = memchr(s, 0xC2, n); c; c = memchr(c + 1, 0xC2, n - (size_t)(c + 1 - s))) {
        size_t at = (size_t)(c - s);
        if (at + 1 < n && (unsigned char)c[1] >= 0x80 && (unsigned char)c[1] <= 0x9F) return at;
    }
    return SIZE_MAX;
}

static void mj_free(mj *st) {
    free(st->run.v);
    free(st->lv[0].v);
    free(st->lv[1].v);
    free(st->strength);
    cri_buf_free(&st->tmp);
    cri_buf_free(&st->out);
}

/* Windows-1251 bytes 0x80-0xBF as code points (0x98 is undefined). */
static const uint16_t cp1251_high[64] = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
    0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
    0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0,      0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
    0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
    0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
    0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
    0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
};

static int cp1251_cont(int32_t cp) {
    for (int i = 0; i < 64; i++)
        if (cp1251_high[i] == cp && cp) return 0x80 + i;
    return -1;
}

/* Typographic punctuation and symbols whose UTF-8 read as Windows-1251 is
 * unmistakable: "вЂ™" (’), "вЂњ" (“), "вЂ”" (—), "в‚¬" (€), "в„–" (№).
 * The lead "в" (E2) followed by "Ђ", "‚" or "„" (80, 82, 84) never occurs in
 * Cyrillic text.  Narrow on purpose: general cp1251 mojibake is not handled. */
static bool cp1251_punct(int32_t cp) {
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201C: case 0x201D: case 0x201E:
    case 0x2013: case 0x2014: case 0x2026: case 0x2022: case 0x2020: case 0x2021:
    case 0x2030: case 0x2032: case 0x2033: case 0x2039: case 0x203A: case 0x20AC:
    case 0x2116: case 0x2122:
        return true;
    default:
        return false;
    }
}

static cr_status fix_cp1251_punct(cr_ctx *ctx, cr_doc *d, cri_buf *text) {
    const char *s = text->data;
    size_t n = text->len, copied = 0;
    cri_buf out = {0};
    uint32_t line = 1;
    size_t line_pos = 0;
    for (const char *h = memmem(s, n, "\xD0\xB2", 2); h;
         h = memmem(h + 1, n - (size_t)(h + 1 - s), "\xD0\xB2", 2)) {
        size_t i = (size_t)(h - s) + 2;
        int32_t c1, c2;
        if (i >= n) break;
        size_t k1 = cri_utf8_decode(s + i, n - i, &c1);
        if (i + k1 >= n) continue;
        size_t k2 = cri_utf8_decode(s + i + k1, n - i - k1, &c2);
        int b1 = cp1251_cont(c1), b2 = cp1251_cont(c2);
        if ((b1 != 0x80 && b1 != 0x82 && b1 != 0x84) || b2 < 0) continue;
        unsigned char u[3] = {0xE2, (unsigned char)b1, (unsigned char)b2};
        int32_t cp;
        if (cri_utf8_decode((const char *)u, 3, &cp) != 3 || !cp1251_punct(cp)) continue;
        size_t a = (size_t)(h - s), e = i + k1 + k2;
        if (a < copied) continue;
        char enc[4];
        size_t el = cri_utf8_encode(cp, enc);
        if (cri_buf_append(&out, s + copied, a - copied) || cri_buf_append(&out, enc, el))
            goto nomem;
        for (const char *p = s + line_pos; (p = memchr(p, '\n', (size_t)(s + a - p))) != NULL; p++)
            line++;
        line_pos = a;
        if (cri_doc_add_repair(d, "mojibake", s + a, e - a, enc, el, line)) goto nomem;
        copied = e;
    }
    if (out.data) {
        if (cri_buf_append(&out, s + copied, n - copied)) goto nomem;
        cri_buf_free(text);
        *text = out;
    }
    return CR_OK;
nomem:
    cri_buf_free(&out);
    return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
}

cr_status cri_mojibake_fix(cr_ctx *ctx, cr_doc *d, cri_buf *text) {
    /* "в" is D0 B2: text without the byte 0xD0 (all but Cyrillic) skips this */
    if (text->data && memchr(text->data, 0xD0, text->len) &&
                      (memmem(text->data, text->len, "\xD0\xB2\xD0\x82", 4) ||
                       memmem(text->data, text->len, "\xD0\xB2\xE2\x80\x9A", 5) ||
                       memmem(text->data, text->len, "\xD0\xB2\xE2\x80\x9E", 5))) {
        cr_status s = fix_cp1251_punct(ctx, d, text);
        if (s != CR_OK) return s;
    }
    if (!text->data || !memchr(text->data, 0xC3, text->len)) return CR_OK;
    /* first pass: strong units only, counting strong and doubtful ones */
    size_t n_rep0 = d->n_repairs;
    mj st = {.ctx = ctx, .d = d, .s = text->data, .n = text->len, .line_no = 1};
    scan(&st);
    if (st.nomem) goto nomem;
    if (st.strong > 0 && st.ambig > 0) {
        /* the document has clear mojibake: redo, taking doubtful units too
         * (the first pass's reports are dropped) */
        d->n_repairs = n_rep0;
        mj_free(&st);
        st = (mj){.ctx = ctx, .d = d, .s = text->data, .n = text->len, .line_no = 1,
                  .allow_ambig = true};
        scan(&st);
        if (st.nomem) goto nomem;
    }
    /* the text with its repairs */
    bool changed = st.out.data || st.copied;
    if (changed && cri_buf_append(&st.out, st.s + st.copied, st.n - st.copied)) goto nomem;
    /* a C1 control left outside every run goes too, so later stages never
     * see one (text.c keeps them only next to possible mojibake) */
    const char *f = changed ? st.out.data : st.s;
    size_t fn = changed ? st.out.len : st.n;
    size_t first = find_c1(f, fn);
    if (first != SIZE_MAX) {
        if (!changed && cri_buf_append(&st.out, st.s, st.n)) goto nomem;
        changed = true;
        uint32_t line = 1;
        for (size_t i = 0; i < first; i++) line += st.out.data[i] == '\n';
        char *o = st.out.data;
        size_t w = first;
        for (size_t r = first; r < st.out.len;) {
            if ((unsigned char)o[r] == 0xC2 && r + 1 < st.out.len &&
                (unsigned char)o[r + 1] >= 0x80 && (unsigned char)o[r + 1] <= 0x9F) {
                if (st.c1_removed++ == 0) st.c1_line = line;
                r += 2;
                continue;
            }
            o[w++] = o[r++];
        }
        st.out.len = w;
        o[w] = '\0';
    }
    if (st.c1_removed) {
        char msg[64];
        int k = snprintf(msg, sizeof msg, "removed %zu control character%s", st.c1_removed,
                         st.c1_removed == 1 ? "" : "s");
        if (cri_doc_add_repair(d, "control", "C1 control", 10, msg, (size_t)k, st.c1_line))
            goto nomem;
    }
    if (changed) {
        cri_buf_free(text);
        *text = st.out;
        st.out = (cri_buf){0};
    }
    mj_free(&st);
    return CR_OK;
nomem:
    mj_free(&st);
    return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
}
