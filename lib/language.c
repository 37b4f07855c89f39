/*
 * language.c — a best-effort language guess for a document, from its body.
 *
 * tokenize.c asks for it when the input did not say (JSON Lines `lang`), to
 * decide whether to stem with Snowball English and to fill d->language.
 * crossread reads English news; the point is to mark other languages as
 * such, not to identify hundreds of them.  Method, on the first 8 KB (English
 * usually decides within the first 50 words):
 *
 *   1. the script of the letters (Latin, Cyrillic, Greek, Arabic, Hebrew,
 *      Devanagari, Thai, Han, kana, Hangul) — non-Latin scripts decide
 *      alone (Han with kana is Japanese; Cyrillic with і/ї/є/ґ Ukrainian);
 *   2. for Latin text, the density of English stopwords (about 45% of the
 *      words of English news, under 10% of French or German), then hits in
 *      small lists of the most frequent function words of fr, de, es, it,
 *      pt and nl.
 *
 * Returns NULL (unknown) when there are too few words to tell.
 */
#include "internal.h"

#include <stdlib.h>
#include <utf8proc.h>

#define SAMPLE_BYTES 8192
#define EARLY_WORDS 48   /* English is usually clear after this many words */
#define MIN_WORDS 8
#define MIN_LETTERS 24

enum { L_FR, L_DE, L_ES, L_IT, L_PT, L_NL, L_N };
static const char *const lang_code[L_N] = {"fr", "de", "es", "it", "pt", "nl"};

typedef struct { const char *w; uint8_t mask; } fword;
#define FR (1u << L_FR)
#define DE (1u << L_DE)
#define ES (1u << L_ES)
#define IT (1u << L_IT)
#define PT (1u << L_PT)
#define NL (1u << L_NL)

/* Frequent function words, sorted by strcmp (UTF-8 bytes). Words that are
 * also common English words ("a", "in", "on", "die") are left out or shared
 * only among the other languages. */
static const fword fwords[] = {
    {"aan", NL}, {"al", ES | IT}, {"alla", IT}, {"als", DE | NL}, {"anche", IT}, {"ao", PT},
    {"auf", DE}, {"aus", DE}, {"aux", FR}, {"avec", FR}, {"bij", NL}, {"ce", FR}, {"cette", FR},
    {"che", IT}, {"com", PT}, {"como", ES | PT}, {"con", ES | IT}, {"da", IT | PT}, {"dal", IT},
    {"dans", FR}, {"das", DE | PT}, {"dass", DE}, {"de", FR | ES | PT | NL}, {"degli", IT},
    {"dei", IT}, {"del", ES | IT}, {"della", IT}, {"delle", IT}, {"dem", DE}, {"den", DE | NL},
    {"der", DE}, {"des", FR | DE}, {"det", NL}, {"di", IT}, {"die", DE | NL}, {"do", PT},
    {"dos", PT}, {"du", FR}, {"een", NL}, {"ein", DE}, {"eine", DE}, {"einen", DE}, {"el", ES},
    {"elle", FR}, {"em", PT}, {"en", FR | ES | NL}, {"est", FR}, {"et", FR}, {"foi", PT},
    {"fue", ES}, {"für", DE}, {"gli", IT}, {"het", NL}, {"hij", NL}, {"il", FR | IT},
    {"ist", DE}, {"kan", NL}, {"la", FR | ES | IT}, {"las", ES}, {"le", FR | IT}, {"les", FR},
    {"lo", ES | IT}, {"los", ES}, {"mais", FR | PT}, {"mas", PT}, {"met", NL}, {"mit", DE},
    {"na", PT}, {"naar", NL}, {"nach", DE}, {"nel", IT}, {"nella", IT}, {"nicht", DE},
    {"niet", NL}, {"não", PT}, {"oder", DE}, {"ont", FR}, {"ook", NL}, {"os", PT}, {"où", FR},
    {"para", ES | PT}, {"pas", FR}, {"pela", PT}, {"pelo", PT}, {"per", IT}, {"pero", ES},
    {"più", IT}, {"por", ES | PT}, {"pour", FR}, {"qu'il", FR}, {"que", FR | ES | PT},
    {"qui", FR}, {"se", ES | IT | PT}, {"sich", DE}, {"sie", DE}, {"sind", DE}, {"sono", IT},
    {"su", ES | IT}, {"sua", PT}, {"sul", IT}, {"sur", FR}, {"sus", ES}, {"también", ES},
    {"também", PT}, {"uit", NL}, {"um", PT | DE}, {"uma", PT}, {"un", FR | ES | IT},
    {"una", ES | IT}, {"und", DE}, {"une", FR}, {"uno", ES | IT}, {"van", NL}, {"von", DE},
    {"voor", NL}, {"wird", DE}, {"wordt", NL}, {"wurde", DE}, {"y", ES}, {"zijn", NL},
    {"zu", DE}, {"zum", DE}, {"zur", DE}, {"à", FR}, {"è", IT}, {"é", PT}, {"él", ES},
    {"été", FR}, {"über", DE},
};

static int cmp_fword(const void *k, const void *e) {
    return strcmp((const char *)k, ((const fword *)e)->w);
}

static inline int32_t dec(const unsigned char *p, size_t n, int *len) {
    int32_t cp;
    *len = (int)cri_utf8_decode((const char *)p, n, &cp);   /* normalize.c */
    return cp;
}

enum { S_LATIN, S_CYR, S_GREEK, S_ARAB, S_HEB, S_DEVA, S_THAI, S_HAN, S_KANA, S_HANGUL, S_N };

static int script_of(int32_t c) {
    if (c < 0x250) return S_LATIN;
    if (c >= 0x370 && c < 0x400) return S_GREEK;
    if (c >= 0x400 && c < 0x530) return S_CYR;
    if (c >= 0x590 && c < 0x600) return S_HEB;
    if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780) || (c >= 0xFB50 && c < 0xFE00) ||
        (c >= 0xFE70 && c < 0xFF00))
        return S_ARAB;
    if (c >= 0x900 && c < 0x980) return S_DEVA;
    if (c >= 0xE00 && c < 0xE80) return S_THAI;
    if (c >= 0x1E00 && c < 0x1F00) return S_LATIN;
    if ((c >= 0x3040 && c < 0x3100) || (c >= 0x31F0 && c < 0x3200) || (c >= 0xFF66 && c < 0xFFA0)) return S_KANA;
    if ((c >= 0xAC00 && c < 0xD7B0) || (c >= 0x1100 && c < 0x1200) || (c >= 0x3130 && c < 0x3190)) return S_HANGUL;
    if ((c >= 0x4E00 && c < 0xA000) || (c >= 0x3400 && c < 0x4DC0) || (c >= 0x20000 && c < 0x2FA20)) return S_HAN;
    return -1;
}

static const char NEED_FULL[] = "?";

/* cheap: skip the other languages' word lists and give up (NEED_FULL) as
 * soon as the text is not clearly English or non-Latin. */
static const char *guess(const char *text, size_t len, bool cheap) {
    if (len > SAMPLE_BYTES) {
        len = SAMPLE_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--;
    }
    const unsigned char *p = (const unsigned char *)text;
    size_t script[S_N] = {0}, letters = 0;
    size_t uk = 0, ru = 0, fa = 0;
    size_t words = 0, en_stop = 0, hits[L_N] = {0};
    char w[24];
    size_t wl = 0;
    bool overlong = false;
    for (size_t i = 0; i <= len;) {
        int32_t c;
        int l = 1;
        if (i == len) c = ' ';
        else if (p[i] < 0x80) c = p[i];
        else c = dec(p + i, len - i, &l);
        bool letter;
        if (c < 0x80) {
            letter = cri_isalpha((unsigned char)c) || (c == '\'' && wl > 0);
        } else {
            utf8proc_category_t cat = utf8proc_category(c);
            letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_MC;
        }
        if (letter) {
            if (c != '\'') {
                int sc = script_of(c);
                if (sc >= 0) script[sc]++;
                letters++;
                if (sc == S_CYR) {
                    if (c == 0x456 || c == 0x457 || c == 0x454 || c == 0x491 || c == 0x406 || c == 0x407 ||
                        c == 0x404 || c == 0x490)
                        uk++;
                    else if (c == 0x44B || c == 0x44D || c == 0x44A || c == 0x451 || c == 0x42B || c == 0x42D)
                        ru++;
                } else if (c == 0x67E || c == 0x686 || c == 0x698 || c == 0x6AF) {
                    fa++;
                }
            }
            if (!overlong) {
                if (c < 0x80) {
                    if (wl + 1 < sizeof w) w[wl++] = cri_tolower((char)c); else overlong = true;
                } else {
                    /* lower-case Latin-1 and keep the UTF-8 bytes */
                    int32_t lc = (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
                    if (lc < 0x800 && wl + 3 < sizeof w) {
                        w[wl++] = (char)(0xC0 | (lc >> 6));
                        w[wl++] = (char)(0x80 | (lc & 0x3F));
                    } else {
                        overlong = true;
                    }
                }
            }
        } else if (wl > 0 || overlong) {
            if (!overlong) {
                w[wl] = 0;
                words++;
                if (cri_is_stopword(w, wl)) en_stop++;
                const fword *f = !cheap && wl <= 8 ? bsearch(w, fwords, sizeof fwords / sizeof fwords[0],
                                                   sizeof fwords[0], cmp_fword)
                                         : NULL;
                if (f)
                    for (int k = 0; k < L_N; k++)
                        if (f->mask & (1u << k)) hits[k]++;
                /* clear English early: Latin letters, many English stopwords */
                if (words >= EARLY_WORDS && (words & 15) == 0 && script[S_LATIN] * 10 >= letters * 9 &&
                    en_stop * 100 >= words * 30) {
                    size_t most = 0;
                    for (int k = 0; k < L_N; k++)
                        if (hits[k] > most) most = hits[k];
                    if (en_stop >= 2 * most) return "en";
                }
                if (cheap && words >= 2 * EARLY_WORDS) return NEED_FULL;
            } else {
                words++;
            }
            wl = 0;
            overlong = false;
        }
        i += (size_t)l;
    }
    if (letters < MIN_LETTERS) return NULL;
    int best = S_LATIN;
    for (int s = 0; s < S_N; s++)
        if (script[s] > script[best]) best = s;
    /* Han counted with kana: Japanese mixes both */
    if (script[S_KANA] * 10 >= script[S_HAN] + script[S_KANA] && script[S_KANA] > 0 &&
        script[S_HAN] + script[S_KANA] > script[S_LATIN])
        return "ja";
    switch (best) {
    case S_HAN: return "zh";
    case S_KANA: return "ja";
    case S_HANGUL: return "ko";
    case S_CYR: return uk > ru ? "uk" : "ru";
    case S_GREEK: return "el";
    case S_HEB: return "he";
    case S_ARAB: return fa * 50 > script[S_ARAB] ? "fa" : "ar";
    case S_DEVA: return "hi";
    case S_THAI: return "th";
    default: break;
    }
    if (words < MIN_WORDS) return NULL;
    if (cheap) return en_stop * 100 >= words * 30 && script[S_LATIN] * 10 >= letters * 9 ? "en" : NEED_FULL;
    int bl = 0;
    for (int k = 1; k < L_N; k++)
        if (hits[k] > hits[bl]) bl = k;
    /* English news: ~40-50% stopwords; other languages share a few ("a",
     * "on", "me", "die" is not in the list) and score well under 20%. */
    if (en_stop * 100 >= words * 22 && en_stop >= hits[bl]) return "en";
    if (hits[bl] >= 3 && hits[bl] * 100 >= words * 12) return lang_code[bl];
    if (en_stop * 100 >= words * 15 && en_stop > hits[bl]) return "en";
    return NULL;
}

const char *cri_language_guess(const char *text, size_t len) {
    if (!text) return NULL;
    const char *g = guess(text, len, true);
    return g == NEED_FULL ? guess(text, len, false) : g;
}
