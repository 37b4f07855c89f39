/*
 * quantity.c — numbers and what they count: "1.6 million artillery pieces"
 * (1600000, "artillery piece"), "more than 74 000 metric tons" (74000,
 * "metric ton", "more than"), "$75 million" (75000000, "USD"), "12 per
 * cent" (12, "%"), "a 33-year-old" (33, "year"), "dozens killed" (24, no
 * head, "dozens").  Runs in cr_corpus_extract (extract.c) after timex.c and
 * skips numbers inside the date and time spans it found ("19 June 2024",
 * "11:08"); durations ("24 years") are both a timex and a quantity.
 *
 * Per line, numwords.c cuts tokens (once for timex.c and this module:
 * extract.c runs the shared pass) and reads the number (digits, scales,
 * number words); this module reads what surrounds it: a qualifier
 * before ("almost", "more than", "at least", "up to"), a currency sign or
 * code, a range ("5 to 10 million", "between 3 and 5"), then a unit
 * ("%", "km", "metric tons", "dollars") or the head noun of the phrase it
 * counts, lemmatized to the singular.  docs/extract.md gives the
 * conventions (vague plurals, votes, compound dimensions).
 */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct qx {
    cr_doc *d;
    const char *body;
    const cri_lxtok *t;     /* the current line's tokens (extract.c's) */
    size_t n;
    size_t date_i;          /* next date span to check */
    cri_buf scratch;
} qx;

static inline const cri_lexicon_entry *E(const qx *x, size_t i) {
    return i < x->n ? cri_lx_entry(x->t[i].lex) : NULL;
}
/* The token is the lexicon word w (the first letter settles most tests). */
static inline bool W(const qx *x, size_t i, const char *w) {
    const cri_lexicon_entry *e = E(x, i);
    return e && e->w[0] == w[0] && strcmp(e->w, w) == 0;
}
static inline bool CLS(const qx *x, size_t i, int cls) {
    const cri_lexicon_entry *e = E(x, i);
    return e && (e->cls == cls || e->cls2 == cls);
}
static bool P(const qx *x, size_t i, uint16_t cp) {
    return i < x->n && x->t[i].kind == CRI_LX_PUNCT && x->t[i].cp == cp;
}
static bool GLUED(const qx *x, size_t i) { return i < x->n && (x->t[i].flags & CRI_LXF_GLUED); }
static bool WORD(const qx *x, size_t i) { return i < x->n && x->t[i].kind == CRI_LX_WORD; }
static bool is_dash(const qx *x, size_t i) {
    return P(x, i, '-') || P(x, i, 0x2013) || P(x, i, 0x2014) || P(x, i, 0x2010) || P(x, i, 0x2011);
}
static size_t tlen(const qx *x, size_t i) { return x->t[i].end - x->t[i].start; }
/* Case-insensitive comparison of token i with an ASCII word; TEQ takes a
 * string literal, whose length the compiler knows. */
static inline bool teq(const qx *x, size_t i, const char *w, size_t n) {
    if (i >= x->n || tlen(x, i) != n) return false;
    const char *s = x->body + x->t[i].start;
    for (size_t k = 0; k < n; k++)
        if (cri_tolower(s[k]) != w[k]) return false;
    return true;
}
#define TEQ(x, i, w) teq(x, i, "" w, sizeof("" w) - 1)
/* The index of token i in a list of lower-case ASCII words, or -1: the
 * first letter sorts out most entries before any length is taken. */
static int list_index(const qx *x, size_t i, const char *const *list, size_t nl) {
    if (i >= x->n) return -1;
    size_t n = tlen(x, i);
    if (n == 0) return -1;
    char c0 = cri_tolower(x->body[x->t[i].start]);
    for (size_t k = 0; k < nl; k++)
        if (list[k][0] == c0 && teq(x, i, list[k], strlen(list[k]))) return (int)k;
    return -1;
}

/* ---- units and currencies ---------------------------------------------- */

typedef struct { const char *w, *unit; } map;
static const map currency_words[] = {
    {"dollar", "USD"}, {"dollars", "USD"}, {"usd", "USD"}, {"bucks", "USD"},
    {"euro", "EUR"}, {"euros", "EUR"}, {"eur", "EUR"},
    {"gbp", "GBP"}, {"sterling", "GBP"},
    {"yen", "JPY"}, {"jpy", "JPY"}, {"yuan", "CNY"}, {"renminbi", "CNY"}, {"cny", "CNY"},
    {"rmb", "CNY"}, {"won", "KRW"}, {"krw", "KRW"}, {"rupee", "INR"}, {"rupees", "INR"},
    {"inr", "INR"}, {"ruble", "RUB"}, {"rubles", "RUB"}, {"rouble", "RUB"}, {"roubles", "RUB"},
    {"rub", "RUB"}, {"hryvnia", "UAH"}, {"hryvnias", "UAH"}, {"uah", "UAH"},
    {"franc", "CHF"}, {"francs", "CHF"}, {"chf", "CHF"}, {"cad", "CAD"}, {"aud", "AUD"},
    {"cents", "cent"}, {"pence", "penny"}, {"peso", "peso"}, {"pesos", "peso"},
    {"lira", "TRY"}, {"shekel", "ILS"}, {"shekels", "ILS"}, {"rand", "ZAR"}, {"naira", "NGN"},
    {"baht", "THB"}, {"riyal", "SAR"}, {"riyals", "SAR"}, {"dirham", "AED"}, {"dirhams", "AED"},
    {"ringgit", "MYR"}, {"zloty", "PLN"}, {"zlotys", "PLN"}, {"reais", "BRL"}, {"rupiah", "IDR"},
};
static const map unit_words[] = {
    {"km", "kilometre"}, {"kilometre", "kilometre"}, {"kilometres", "kilometre"},
    {"kilometer", "kilometre"}, {"kilometers", "kilometre"}, {"m", "metre"},
    {"metre", "metre"}, {"metres", "metre"}, {"meter", "metre"}, {"meters", "metre"},
    {"cm", "centimetre"}, {"centimetre", "centimetre"}, {"centimetres", "centimetre"},
    {"centimeter", "centimetre"}, {"centimeters", "centimetre"}, {"mm", "millimetre"},
    {"millimetre", "millimetre"}, {"millimetres", "millimetre"}, {"millimeter", "millimetre"},
    {"millimeters", "millimetre"}, {"mile", "mile"}, {"miles", "mile"}, {"mi", "mile"},
    {"foot", "foot"}, {"feet", "foot"}, {"ft", "foot"}, {"inch", "inch"}, {"inches", "inch"},
    {"yard", "yard"}, {"yards", "yard"}, {"yd", "yard"}, {"kg", "kilogram"},
    {"kgs", "kilogram"}, {"kilogram", "kilogram"}, {"kilograms", "kilogram"},
    {"kilo", "kilogram"}, {"kilos", "kilogram"}, {"g", "gram"}, {"gram", "gram"},
    {"grams", "gram"}, {"gramme", "gram"}, {"grammes", "gram"}, {"mg", "milligram"},
    {"milligram", "milligram"}, {"milligrams", "milligram"}, {"lb", "pound"}, {"lbs", "pound"},
    {"oz", "ounce"}, {"ounce", "ounce"}, {"ounces", "ounce"}, {"ton", "ton"}, {"tons", "ton"},
    {"tonne", "tonne"}, {"tonnes", "tonne"}, {"t", "tonne"}, {"l", "litre"}, {"litre", "litre"},
    {"litres", "litre"}, {"liter", "litre"}, {"liters", "litre"}, {"ml", "millilitre"},
    {"gallon", "gallon"}, {"gallons", "gallon"}, {"barrel", "barrel"}, {"barrels", "barrel"},
    {"bpd", "barrel per day"}, {"acre", "acre"}, {"acres", "acre"}, {"hectare", "hectare"},
    {"hectares", "hectare"}, {"ha", "hectare"}, {"mph", "mile per hour"},
    {"kph", "kilometre per hour"}, {"kmh", "kilometre per hour"}, {"knot", "knot"},
    {"knots", "knot"}, {"degree", "degree"}, {"degrees", "degree"}, {"mw", "megawatt"},
    {"gw", "gigawatt"}, {"kw", "kilowatt"}, {"kwh", "kilowatt hour"}, {"megawatt", "megawatt"},
    {"megawatts", "megawatt"}, {"gigawatt", "gigawatt"}, {"gigawatts", "gigawatt"},
    {"gb", "gigabyte"}, {"mb", "megabyte"}, {"tb", "terabyte"}, {"magnitude", "magnitude"},
};
static const char *map_word(const map *m, size_t n, const qx *x, size_t i) {
    const cri_lexicon_entry *e = E(x, i);
    if (!e) return NULL;
    for (size_t k = 0; k < n; k++)
        if (m[k].w[0] == e->w[0] && !strcmp(m[k].w, e->w)) return m[k].unit;
    return NULL;
}
#define CURW(x, i) map_word(currency_words, sizeof currency_words / sizeof currency_words[0], x, i)
#define UNITW(x, i) map_word(unit_words, sizeof unit_words / sizeof unit_words[0], x, i)

/* A currency sign or code ending at token i ("$", "US$", "€", "Rs", "USD").
 * Returns the ISO code and sets *first to the first token, or NULL. */
static const char *sign_code(uint32_t cp) {
    switch (cp) {
    case '$': return "USD";
    case 0x20AC: return "EUR";
    case 0xA3: return "GBP";
    case 0xA5: return "JPY";
    case 0x20B9: return "INR";
    case 0x20A9: return "KRW";
    case 0x20BD: return "RUB";
    case 0x20B4: return "UAH";
    case 0x20AA: return "ILS";
    case 0x20BA: return "TRY";
    default: return NULL;
    }
}

static const char *currency_before(const qx *x, size_t i, size_t *first) {
    if (i == 0) return NULL;
    size_t j = i - 1;
    if (x->t[j].kind == CRI_LX_PUNCT) {
        const char *code = sign_code(x->t[j].cp);
        if (!code) goto words;   /* "Rs. 500" */
        *first = j;
        if (x->t[j].cp == '$' && j > 0 && WORD(x, j - 1) && (x->t[j].flags & CRI_LXF_GLUED || TEQ(x, j - 1, "us"))) {
            if (TEQ(x, j - 1, "us")) { code = "USD"; *first = j - 1; }
            else if (TEQ(x, j - 1, "c") || TEQ(x, j - 1, "ca")) { code = "CAD"; *first = j - 1; }
            else if (TEQ(x, j - 1, "a") || TEQ(x, j - 1, "au")) { code = "AUD"; *first = j - 1; }
            else if (TEQ(x, j - 1, "hk")) { code = "HKD"; *first = j - 1; }
            else if (TEQ(x, j - 1, "nz")) { code = "NZD"; *first = j - 1; }
            else if (TEQ(x, j - 1, "s")) { code = "SGD"; *first = j - 1; }
            else if (TEQ(x, j - 1, "r")) { code = "BRL"; *first = j - 1; }
            else if (TEQ(x, j - 1, "mx")) { code = "MXN"; *first = j - 1; }
        }
        return code;
    }
words:
    if (WORD(x, j) || P(x, j, '.')) {
        /* "Rs 500", "Rs. 500", "USD 75", "EUR 5" */
        size_t w = j;
        if (P(x, j, '.') && j > 0) w = j - 1;
        if (!WORD(x, w)) return NULL;
        if (!(x->t[w].flags & CRI_LXF_CAP)) return NULL;
        if (TEQ(x, w, "rs") || TEQ(x, w, "inr")) { *first = w; return "INR"; }
        if (w != j) return NULL;
        if (TEQ(x, w, "rmb")) { *first = w; return "CNY"; }
        static const char *const codes[] = {"USD", "EUR", "GBP", "JPY", "CNY", "KRW", "RUB", "UAH",
                                            "CHF", "CAD", "AUD", "INR", "BRL", "MXN", "ZAR", "HKD",
                                            "SGD", "NZD", "SEK", "NOK", "DKK", "PLN", "TRY", "SAR",
                                            "AED", "ILS"};
        for (size_t k = 0; k < sizeof codes / sizeof codes[0]; k++)
            if (tlen(x, w) == 3 && memcmp(x->body + x->t[w].start, codes[k], 3) == 0) {
                *first = w;
                return codes[k];
            }
    }
    return NULL;
}

/* ---- qualifiers --------------------------------------------------------- */

/* The qualifier ending right before token i; *first its first token. */
static const char *qualifier_before(const qx *x, size_t i, size_t *first) {
    if (i == 0) return NULL;
    size_t a = i - 1;
    *first = a;
    if (W(x, a, "than") && a > 0) {
        *first = a - 1;
        if (W(x, a - 1, "more")) return "more than";
        if (W(x, a - 1, "less")) return "less than";
        if (W(x, a - 1, "fewer")) return "fewer than";
        return NULL;
    }
    if (W(x, a, "least") && a > 0 && W(x, a - 1, "at")) { *first = a - 1; return "at least"; }
    if (W(x, a, "most") && a > 0 && W(x, a - 1, "at")) { *first = a - 1; return "at most"; }
    if (W(x, a, "to") && a > 0 && W(x, a - 1, "up")) { *first = a - 1; return "up to"; }
    if (W(x, a, "to") && a > 0 && W(x, a - 1, "close")) { *first = a - 1; return "close to"; }
    if (W(x, a, "of") && a > 0 && W(x, a - 1, "upwards")) { *first = a - 1; return "more than"; }
    if (W(x, a, "as") && a >= 2 && W(x, a - 2, "as")) {
        *first = a - 2;
        if (TEQ(x, a - 1, "many") || TEQ(x, a - 1, "much")) return "up to";
        if (TEQ(x, a - 1, "few") || TEQ(x, a - 1, "little")) return "as few as";
        return NULL;
    }
    /* "approx. 300" */
    if (TEQ(x, a, "approx") || (P(x, a, '.') && a > 0 && TEQ(x, a - 1, "approx"))) {
        *first = TEQ(x, a, "approx") ? a : a - 1;
        return "about";
    }
    if (W(x, a, "estimated")) {
        if (a > 0 && (W(x, a - 1, "an") || W(x, a - 1, "a"))) *first = a - 1;
        return "about";
    }
    static const char *const one[][2] = {{"about", "about"}, {"around", "about"},
                                         {"approximately", "about"}, {"roughly", "about"},
                                         {"some", "about"}, {"nearly", "nearly"},
                                         {"almost", "almost"}, {"over", "over"},
                                         {"under", "under"}, {"exactly", "exactly"},
                                         {"only", "only"}, {"below", "under"}, {"above", "over"}};
    for (size_t k = 0; k < sizeof one / sizeof one[0]; k++)
        if (W(x, a, one[k][0])) {
            /* "just over", "just under" */
            if (a > 0 && W(x, a - 1, "just") && (W(x, a, "over") || W(x, a, "under"))) *first = a - 1;
            if (W(x, a, "some") && (x->t[a].flags & CRI_LXF_CAP) == 0 && a > 0 && W(x, a - 1, "the"))
                return NULL;
            return one[k][1];
        }
    return NULL;
}

/* ---- head noun ---------------------------------------------------------- */

static bool stop_word(const qx *x, size_t i) {
    if (CLS(x, i, CRI_LC_FUNC) || CLS(x, i, CRI_LC_TENSE) || CLS(x, i, CRI_LC_QUAL) ||
        CLS(x, i, CRI_LC_REL) || CLS(x, i, CRI_LC_SET) || CLS(x, i, CRI_LC_DPART) ||
        CLS(x, i, CRI_LC_WDAY) || CLS(x, i, CRI_LC_MONTH))
        return true;
    static const char *const sw[] = {"who", "which", "that", "with", "while", "when", "where", "also",
                                     "its", "their", "his", "her", "our", "your", "my", "these",
                                     "those", "it", "they", "he", "she", "we", "you", "i", "not",
                                     "no", "all", "both", "be", "being", "if", "but", "so", "were",
                                     "do", "does", "can", "could", "may", "might", "must", "should",
                                     "than", "then", "there", "here", "what", "whom", "whose",
                                     "out", "off", "via", "among", "across", "toward", "towards",
                                     "without", "like", "unlike", "including", "near", "along",
                                     "behind", "beyond", "inside", "outside", "upon", "amid",
                                     "yet", "too", "very", "each", "another", "such",
                                     "because", "although", "though", "respectively", "alone",
                                     "killed", "dead", "injured", "wounded", "missing", "others",
                                     "more", "less", "in", "on", "them", "him", "me"};
    if (tlen(x, i) > 12) return false;
    return list_index(x, i, sw, sizeof sw / sizeof sw[0]) >= 0;
}

static bool adjective_like(const qx *x, size_t i) {
    static const char *const adj[] = {"new", "more", "other", "additional", "further", "extra",
                                       "small", "large", "big", "major", "minor", "senior", "junior",
                                       "high", "low", "young", "elderly", "top", "key", "main",
                                       "total", "separate", "different", "various", "previous",
                                       "recent", "former", "current", "local", "foreign", "full",
                                       "international", "national", "mostly", "active", "own",
                                       "known", "confirmed", "reported", "registered", "suspected",
                                       "alleged", "potential", "possible", "elite", "military",
                                       "civilian", "armed", "displaced", "injured", "wounded",
                                       "dead", "missing", "official", "individual", "unique",
                                       "similar", "straight", "consecutive", "same", "whole",
                                       "entire", "remaining", "last", "first", "next", "only"};
    size_t n = tlen(x, i);
    if (n <= 12 && list_index(x, i, adj, sizeof adj / sizeof adj[0]) >= 0) return true;
    const char *s = x->body + x->t[i].start;
    if (n > 5) {
        const char *suf[] = {"ous", "ful", "ive", "able", "ible", "ical", "less", "ary"};
        for (size_t k = 0; k < sizeof suf / sizeof suf[0]; k++) {
            size_t l = strlen(suf[k]);
            if (n > l + 2 && memcmp(s + n - l, suf[k], l) == 0) return true;
        }
    }
    return false;
}

/* Singular of a lower-case English plural. */
static void singular(cri_buf *b, size_t from) {
    char *w = b->data + from;
    size_t n = b->len - from;
    static const char *const irr[][2] = {
        {"people", "people"}, {"men", "man"}, {"women", "woman"}, {"children", "child"},
        {"feet", "foot"}, {"teeth", "tooth"}, {"mice", "mouse"}, {"geese", "goose"},
        {"lives", "life"}, {"wives", "wife"}, {"knives", "knife"}, {"halves", "half"},
        {"wolves", "wolf"}, {"leaves", "leaf"}, {"thieves", "thief"}, {"shelves", "shelf"},
        {"series", "series"}, {"species", "species"}, {"news", "news"}, {"police", "police"},
        {"personnel", "personnel"}, {"troops", "troop"}, {"crises", "crisis"},
        {"analyses", "analysis"}, {"data", "data"}, {"media", "media"}, {"criteria", "criterion"},
        {"phenomena", "phenomenon"}, {"aircraft", "aircraft"}, {"sheep", "sheep"},
        {"fish", "fish"}, {"staff", "staff"}, {"cattle", "cattle"}, {"bus", "bus"},
        {"gas", "gas"}, {"status", "status"}, {"virus", "virus"}, {"viruses", "virus"},
        {"buses", "bus"}, {"gases", "gas"}, {"statuses", "status"}, {"campuses", "campus"},
        {"bonuses", "bonus"}, {"kilos", "kilo"}, {"photos", "photo"}, {"videos", "video"},
        {"radios", "radio"}, {"pianos", "piano"}, {"euros", "euro"}, {"casinos", "casino"},
        {"heroes", "hero"}, {"tomatoes", "tomato"}, {"potatoes", "potato"},
        {"vetoes", "veto"}, {"echoes", "echo"}, {"torpedoes", "torpedo"}};
    for (size_t k = 0; k < sizeof irr / sizeof irr[0]; k++) {
        if (n == 0 || irr[k][0][0] != w[0]) continue;
        size_t l = strlen(irr[k][0]);
        if (n == l && memcmp(w, irr[k][0], l) == 0) {
            b->len = from;
            cri_buf_puts(b, irr[k][1]);
            return;
        }
    }
    if (n < 3 || w[n - 1] != 's') return;
    if (w[n - 2] == 's' || w[n - 2] == 'u' || (w[n - 2] == 'i' && n > 3)) return;  /* glass, status, analysis */
    if (n > 4 && w[n - 3] == 'i' && w[n - 2] == 'e') {                       /* casualties */
        w[n - 3] = 'y';
        b->len = from + n - 2;
    } else if (n > 4 && w[n - 2] == 'e' &&
               ((w[n - 3] == 'h' && (w[n - 4] == 'c' || w[n - 4] == 's')) || w[n - 3] == 'x' ||
                w[n - 3] == 'z' || (w[n - 3] == 's' && w[n - 4] == 's'))) {          /* inches, boxes */
        b->len = from + n - 2;
    } else b->len = from + n - 1;
    b->data[b->len] = 0;
}

/* The head noun phrase after token i (lower case words; nationality
 * adjectives and common adjectives dropped; last word singular).
 * Returns the end token (i when none); the text goes into x->scratch. */
static size_t head_after(qx *x, size_t i, bool allow_of, bool one) {
    size_t j = i;
    if (allow_of && W(x, j, "of")) j++;
    size_t words[4];
    size_t nw = 0;
    size_t k = j;
    while (k < x->n && nw < 4) {
        if (!WORD(x, k)) {
            /* hyphenated compounds: "air-defence systems" */
            if (is_dash(x, k) && nw > 0 && GLUED(x, k) && GLUED(x, k + 1) && WORD(x, k + 1)) {
                k++;
                continue;
            }
            break;
        }
        if (stop_word(x, k)) break;
        bool cap = x->t[k].flags & CRI_LXF_CAP;
        if (cap) {
            /* a capitalized adjective before a lower-case noun: "Russian soldiers" */
            if (WORD(x, k + 1) && !(x->t[k + 1].flags & CRI_LXF_CAP) && !stop_word(x, k + 1)) {
                k++;
                continue;
            }
            break;
        }
        size_t n = tlen(x, k);
        const char *s = x->body + x->t[k].start;
        if (nw > 0 && n > 4 && ((s[n - 2] == 'e' && s[n - 1] == 'd') ||
                                (s[n - 3] == 'i' && s[n - 2] == 'n' && s[n - 1] == 'g')))
            break;   /* a verb after the noun: "people killed", "people living" */
        if (nw == 0 && n > 4 && s[n - 2] == 'e' && s[n - 1] == 'd' && !adjective_like(x, k) &&
            !(WORD(x, k + 1) && !stop_word(x, k + 1) && !(x->t[k + 1].flags & CRI_LXF_CAP)))
            break;   /* "dozens killed" */
        words[nw++] = k;
        k++;
        /* a plural noun ends the phrase: "pieces to Russia", "people apply" */
        if (TEQ(x, k - 1, "people") || TEQ(x, k - 1, "men") || TEQ(x, k - 1, "women") ||
            TEQ(x, k - 1, "children") || TEQ(x, k - 1, "personnel"))
            break;
        if (n > 3 && s[n - 1] == 's' && s[n - 2] != 's' && !(WORD(x, k) && !stop_word(x, k) &&
                                                              !(x->t[k].flags & CRI_LXF_CAP) && nw < 2 &&
                                                              adjective_like(x, k - 1)))
            break;
    }
    if (nw == 0) return i;
    /* a count of more than one names a plural; with none in the phrase the
     * number is used as a modifier ("an eight round decision", "a 5 man
     * jury") and counts the first noun */
    if (!one) {
        bool plural = false;
        for (size_t w = 0; w < nw; w++) {
            const char *s2 = x->body + x->t[words[w]].start;
            size_t n2 = tlen(x, words[w]);
            if (n2 > 2 && (s2[n2 - 1] == 's' || TEQ(x, words[w], "people") || TEQ(x, words[w], "men") ||
                           TEQ(x, words[w], "women") || TEQ(x, words[w], "children") ||
                           TEQ(x, words[w], "police") || TEQ(x, words[w], "personnel") ||
                           TEQ(x, words[w], "feet") || TEQ(x, words[w], "aircraft")))
                plural = true;
        }
        if (!plural) {
            size_t a0 = 0;
            while (a0 + 1 < nw && adjective_like(x, words[a0])) a0++;
            words[0] = words[a0];
            nw = 1;
        }
    }
    /* drop leading adjectives, keep at least the last word */
    size_t a = 0;
    while (a + 1 < nw && adjective_like(x, words[a])) a++;
    /* keep at most two words: a modifier and the head */
    if (nw - a > 2) a = nw - 2;
    cri_buf_clear(&x->scratch);
    size_t last_from = 0;
    for (size_t w = a; w < nw; w++) {
        if (w > a) cri_buf_putc(&x->scratch, ' ');
        last_from = x->scratch.len;
        for (uint32_t c = x->t[words[w]].start; c < x->t[words[w]].end; c++)
            cri_buf_putc(&x->scratch, cri_tolower(x->body[c]));
    }
    if (!x->scratch.data) return i;
    singular(&x->scratch, last_from);
    return words[nw - 1] + 1;
}

/* ---- the recognizer ----------------------------------------------------- */

typedef struct qres {
    size_t first, end;
    double v, vmax;
    const char *unit_static;
    bool unit_dyn;            /* unit text in x->scratch */
    const char *qual;
} qres;

static bool in_date(qx *x, uint32_t start, uint32_t end, bool *duration) {
    cr_doc *d = x->d;
    while (x->date_i < d->n_dates && d->dates[x->date_i].end <= start) x->date_i++;
    for (size_t k = x->date_i; k < d->n_dates && d->dates[k].start < end; k++) {
        if (d->dates[k].end > start) {
            *duration = d->dates[k].type == 2;
            return true;
        }
    }
    return false;
}

/* After a number ending at token j: scale letters glued to it ("5bn",
 * "75m", "10k").  Returns new j. */
static size_t glued_scale(const qx *x, size_t j, double *v, bool money) {
    /* "$2.5-billion deal", "a 1.5-million-strong army" */
    if (is_dash(x, j) && GLUED(x, j) && GLUED(x, j + 1) && CLS(x, j + 1, CRI_LC_SCALE) && E(x, j + 1)->val >= 6) {
        for (unsigned p = 0; p < E(x, j + 1)->val; p++) *v *= 10;
        return j + 2;
    }
    if (!GLUED(x, j) || !WORD(x, j)) return j;
    if (TEQ(x, j, "k")) { *v *= 1e3; return j + 1; }
    if (money && (TEQ(x, j, "m") || TEQ(x, j, "mn"))) { *v *= 1e6; return j + 1; }
    if (money && (TEQ(x, j, "b") || TEQ(x, j, "bn"))) { *v *= 1e9; return j + 1; }
    if (money && TEQ(x, j, "tn")) { *v *= 1e12; return j + 1; }
    if (!money && TEQ(x, j, "m") && WORD(x, j + 1) && !(x->t[j + 1].flags & CRI_LXF_CAP) &&
        !stop_word(x, j + 1) && !UNITW(x, j + 1) &&
        (cri_tolower(x->body[x->t[j + 1].end - 1]) == 's' || TEQ(x, j + 1, "people") ||
         TEQ(x, j + 1, "men") || TEQ(x, j + 1, "women") || TEQ(x, j + 1, "children"))) {
        *v *= 1e6;   /* "5m people" (but "a 100m race" is metres) */
        return j + 1;
    }
    return j;
}

/* "m²", "km²", "m³": a unit with a superscript power, one word to the lexer. */
static const char *superscript_unit(const qx *x, size_t i) {
    static const map sup[] = {{"m\xc2\xb2", "square metre"}, {"km\xc2\xb2", "square kilometre"},
                              {"cm\xc2\xb2", "square centimetre"}, {"ft\xc2\xb2", "square foot"},
                              {"mi\xc2\xb2", "square mile"}, {"m\xc2\xb3", "cubic metre"},
                              {"cm\xc2\xb3", "cubic centimetre"}, {"km\xc2\xb3", "cubic kilometre"}};
    if (!WORD(x, i) || tlen(x, i) < 3 || tlen(x, i) > 5 || x->body[x->t[i].end - 2] != '\xc2') return NULL;
    for (size_t k = 0; k < sizeof sup / sizeof sup[0]; k++)
        if (teq(x, i, sup[k].w, strlen(sup[k].w))) return sup[k].unit;
    return NULL;
}

/* A fraction's denominator word at token i: "half", "thirds", "quarter",
 * "fifths"... (0 when none); *plural says whether it ends in s. */
static int denominator(const qx *x, size_t i, bool *plural) {
    static const char *const sg[] = {"half", "third", "quarter", "fourth", "fifth", "sixth",
                                     "seventh", "eighth", "ninth", "tenth"};
    static const char *const pl[] = {"halves", "thirds", "quarters", "fourths", "fifths", "sixths",
                                     "sevenths", "eighths", "ninths", "tenths"};
    static const int den[] = {2, 3, 4, 4, 5, 6, 7, 8, 9, 10};
    if (!WORD(x, i)) return 0;
    /* no word is in both lists: singulars first finds what testing each
     * singular-plural pair in turn finds */
    int k = list_index(x, i, sg, sizeof sg / sizeof sg[0]);
    if (k >= 0) { *plural = false; return den[k]; }
    k = list_index(x, i, pl, sizeof pl / sizeof pl[0]);
    if (k >= 0) { *plural = true; return den[k]; }
    return 0;
}

/* "three quarters of", "two-thirds", "a fifth of", "one-half": a count
 * word before a denominator.  Bare "a third"/"two quarters" are ordinals or
 * periods, so without a hyphen the fraction needs "of" after it.  Returns
 * the end token (i when none). */
static size_t word_fraction(const qx *x, size_t i, double num, double *v) {
    size_t d = i;
    bool dash = is_dash(x, d) && GLUED(x, d) && GLUED(x, d + 1);
    if (dash) d++;
    bool plural;
    int den = denominator(x, d, &plural);
    if (!den || num < 1 || num >= den || num != floor(num) || plural != (num > 1)) return i;
    if (!dash && !W(x, d + 1, "of")) return i;
    *v = num / den;
    return d + 1;
}

static size_t match(qx *x, size_t i, qres *q) {
    const cri_lxtok *k = &x->t[i];
    double v;
    bool vague;
    size_t j = cri_num_read(x->body, x->t, x->n, i, &v, &vague);
    bool frac = false;
    if (k->kind == CRI_LX_WORD && !vague) {
        /* "a third of", "three-fifths", "half of the voters" */
        double fv;
        size_t fe = j == i + 1 && CLS(x, i, CRI_LC_NUMW) ? word_fraction(x, j, v, &fv)
                  : j == i && (W(x, i, "a") || W(x, i, "an")) ? word_fraction(x, i + 1, 1, &fv) : j;
        if (fe > j && fe > i + 1) { v = fv; j = fe; frac = true; }
        else if (j == i && (W(x, i, "a") || W(x, i, "an")) && TEQ(x, i + 1, "couple") && W(x, i + 2, "of")) {
            v = 2; j = i + 2; frac = true;   /* "a couple of weeks": the head is after "of" */
        } else if (j == i + 1 && v == floor(v) && TEQ(x, j, "point") && CLS(x, j + 1, CRI_LC_NUMW)) {
            /* "one point five": digits after the point, one word each */
            double f = 0.1;
            size_t m = j + 1;
            while (m < x->n && CLS(x, m, CRI_LC_NUMW) && E(x, m)->val <= 9 &&
                   !W(x, m, "half") && f > 1e-9) {
                v += f * E(x, m)->val;
                f /= 10;
                m++;
            }
            if (m > j + 1) j = m;
        } else if (j == i && W(x, i, "half") && (W(x, i + 1, "of") || W(x, i + 1, "the")) &&
                 !(i > 0 && (W(x, i - 1, "the") || W(x, i - 1, "a") || W(x, i - 1, "first") ||
                             W(x, i - 1, "second") || W(x, i - 1, "other") || W(x, i - 1, "one")))) {
            v = 0.5; j = i + 1; frac = true;
        }
    }
    if (j == i || !isfinite(v)) return i;
    q->first = i;
    q->v = v;
    q->vmax = NAN;
    q->unit_static = NULL;
    q->unit_dyn = false;
    q->qual = vague ? cri_lx_entry(k->lex)->w : NULL;

    if (k->kind == CRI_LX_NUM) {
        /* "0845 125 2222": a phone number or code, not a count */
        if ((k->flags & CRI_LXF_PLAIN) && tlen(x, i) >= 2 && x->body[k->start] == '0') return i;
        /* glued to a word before ("G7", "COVID-19", "F-16") or ordinal after */
        if (i > 0 && GLUED(x, i) && (WORD(x, i - 1) || (is_dash(x, i - 1) && i > 1 && WORD(x, i - 2) &&
                                                         GLUED(x, i - 1))))
            return i;
        if (GLUED(x, j) && (W(x, j, "th") || W(x, j, "st") || W(x, j, "nd") || W(x, j, "rd"))) return i;
        /* "the '90s", "class of '98" */
        if (i > 0 && GLUED(x, i) && (P(x, i - 1, '\'') || P(x, i - 1, 0x2019)) &&
            !(i > 1 && GLUED(x, i - 1) && x->t[i - 2].kind == CRI_LX_NUM))   /* but 5'10" */
            return i;
        /* "2 1/2 hours": a whole number and a proper fraction */
        if (j == i + 1 && (k->flags & CRI_LXF_PLAIN) && j + 2 < x->n && x->t[j].kind == CRI_LX_NUM &&
            !GLUED(x, j) && (x->t[j].flags & CRI_LXF_PLAIN) && P(x, j + 1, '/') && GLUED(x, j + 1) &&
            x->t[j + 2].kind == CRI_LX_NUM && GLUED(x, j + 2) && (x->t[j + 2].flags & CRI_LXF_PLAIN) &&
            x->t[j].num >= 1 && x->t[j].num < x->t[j + 2].num && x->t[j + 2].num <= 16 &&
            !(P(x, j + 3, '/') && GLUED(x, j + 3))) {
            v += x->t[j].num / x->t[j + 2].num;
            q->v = v;
            j += 3;
        }
        /* "1½", "2¾" */
        if (j == i + 1 && (k->flags & CRI_LXF_PLAIN) && GLUED(x, j) &&
            (P(x, j, 0xBD) || P(x, j, 0xBC) || P(x, j, 0xBE))) {
            v += P(x, j, 0xBD) ? 0.5 : P(x, j, 0xBC) ? 0.25 : 0.75;
            q->v = v;
            j++;
        }
        /* the second half of "24/7", "9/11" */
        if (i > 1 && GLUED(x, i) && P(x, i - 1, '/') && GLUED(x, i - 1) && x->t[i - 2].kind == CRI_LX_NUM)
            return i;
        if (P(x, j, '/') && GLUED(x, j)) {
            /* "1/2", "3/4 mile": a small proper fraction; "24/7", "9/11" and
             * dates ("1/2/2024") are not counts */
            if (j == i + 1 && (k->flags & CRI_LXF_PLAIN) && j + 1 < x->n && x->t[j + 1].kind == CRI_LX_NUM &&
                (x->t[j + 1].flags & CRI_LXF_PLAIN) && GLUED(x, j + 1) && v >= 1 && v < x->t[j + 1].num &&
                x->t[j + 1].num <= 10 && !(P(x, j + 2, '/') && GLUED(x, j + 2)) &&
                !(i > 0 && P(x, i - 1, '/') && GLUED(x, i))) {
                v = v / x->t[j + 1].num;
                q->v = v;
                j += 2;
                frac = true;
            } else
                return i;
        }
    } else if (k->kind == CRI_LX_WORD) {
        /* "one of", "no one", "one another": not counts */
        if (W(x, i, "one") && j == i + 1 &&
            (W(x, j, "of") || TEQ(x, j, "another") || (i > 0 && (TEQ(x, i - 1, "no") || W(x, i - 1, "the") ||
                                                                   W(x, i - 1, "this") || W(x, i - 1, "that"))) ||
             j >= x->n || x->t[j].kind == CRI_LX_PUNCT))
            return i;
        if (vague && W(x, i, "scores") && !W(x, j, "of")) return i;
    }
    /* currency before */
    size_t cf;
    const char *cur = currency_before(x, i, &cf);
    if (cur) q->first = cf;
    j = glued_scale(x, j, &q->v, cur != NULL);

    /* range: "5 to 10 million", "between 3 and 5", "10-20" */
    size_t r = j;
    bool between = false;
    {
        size_t b = q->first;
        size_t qf;
        if (b > 0 && W(x, b - 1, "between")) between = true;
        (void)qf;
    }
    if ((W(x, r, "to") || (is_dash(x, r) && !(P(x, r, '-') && GLUED(x, r) && WORD(x, r + 1))) ||
         (between && W(x, r, "and"))) && r + 1 < x->n) {
        size_t s2 = r + 1;
        if (P(x, s2, '$') || P(x, s2, 0x20AC) || P(x, s2, 0xA3)) s2++;
        double v2;
        bool vg2;
        size_t e2 = s2 < x->n && (x->t[s2].kind == CRI_LX_NUM || CLS(x, s2, CRI_LC_NUMW))
                        ? cri_num_read(x->body, x->t, x->n, s2, &v2, &vg2) : s2;
        if (e2 > s2 && !vg2 && !(GLUED(x, e2) && (W(x, e2, "th") || W(x, e2, "st")))) {
            e2 = glued_scale(x, e2, &v2, cur != NULL);
            /* scale of the second applies to the first: "5 to 10 million" */
            if (v2 >= 1000 && q->v < 1000 && v2 / q->v >= 100 && x->t[i].kind == x->t[s2].kind) {
                double sc = 1;
                while (q->v * sc * 10 <= v2 && sc < 1e12) sc *= 10;
                /* only when the second number has a scale word */
                if (e2 > s2 + 1 && CLS(x, e2 - 1, CRI_LC_SCALE)) {
                    double sw = 1;
                    const cri_lexicon_entry *se = E(x, e2 - 1);
                    for (int p = 0; p < se->val; p++) sw *= 10;
                    q->v *= sw;
                }
            }
            if (v2 > q->v) {
                q->vmax = v2;
                j = e2;
            }
            /* a vote or score ("329 to 229") stays two numbers */
        }
    }

    /* "20-odd journalists": an approximate count */
    if (is_dash(x, j) && GLUED(x, j) && GLUED(x, j + 1) && TEQ(x, j + 1, "odd") && !q->qual) {
        q->qual = "about";
        j += 2;
    }
    /* what follows: percent, currency word, unit, age, head noun */
    size_t e = j;
    bool prime = P(x, e, '\'') || P(x, e, 0x2032) || P(x, e, 0x2019);
    bool dprime = P(x, e, '"') || P(x, e, 0x2033) || P(x, e, 0x201D);
    if (cur) {
        q->unit_static = cur;
        /* "$5 million dollars" (rare) */
    } else if (k->kind == CRI_LX_NUM && e == i + 1 && prime && GLUED(x, e) && e + 1 < x->n &&
               x->t[e + 1].kind == CRI_LX_NUM && GLUED(x, e + 1) &&
               (P(x, e + 2, '"') || P(x, e + 2, 0x2033) || P(x, e + 2, 0x201D)) && GLUED(x, e + 2)) {
        /* 5'10": feet, then the inches as their own quantity */
        q->unit_static = "foot";
        e++;
    } else if (k->kind == CRI_LX_NUM && e == i + 1 && dprime && GLUED(x, e) && i > 1 && GLUED(x, i) &&
               (P(x, i - 1, '\'') || P(x, i - 1, 0x2032) || P(x, i - 1, 0x2019)) && GLUED(x, i - 1) &&
               x->t[i - 2].kind == CRI_LX_NUM) {
        q->unit_static = "inch";
        e++;
    } else if (e < x->n && x->t[e].kind == CRI_LX_PUNCT && x->t[e].cp != '$' && sign_code(x->t[e].cp) &&
               (GLUED(x, e) || (x->t[e].flags & CRI_LXF_ONESP)) &&
               !(e + 1 < x->n && x->t[e + 1].kind == CRI_LX_NUM)) {
        /* "10€", "5 000 ₽": the sign after the amount (European style) */
        q->unit_static = sign_code(x->t[e].cp);
        e++;
    } else if (k->kind == CRI_LX_NUM && GLUED(x, e) && WORD(x, e) && tlen(x, e) == 1 &&
               (x->body[x->t[e].start] == 'C' || x->body[x->t[e].start] == 'F') &&
               !(e + 1 < x->n && GLUED(x, e + 1) && x->t[e + 1].kind != CRI_LX_PUNCT)) {
        /* "30C", "86F": temperatures in British and US copy */
        q->unit_static = x->body[x->t[e].start] == 'C' ? "degree Celsius" : "degree Fahrenheit";
        e++;
    } else if (k->kind == CRI_LX_NUM && GLUED(x, e) && TEQ(x, e, "pc")) {
        q->unit_static = "%";   /* "50pc" */
        e++;
    } else if (superscript_unit(x, e)) {
        q->unit_static = superscript_unit(x, e);   /* "30 m²", "2 km²" */
        e++;
    } else if ((P(x, e, 0xB0) || P(x, e, 0x2103) || P(x, e, 0x2109)) && GLUED(x, e)) {
        /* "30°C", "86°F", "45°", "30℃" */
        bool c = P(x, e, 0x2103) || (P(x, e, 0xB0) && GLUED(x, e + 1) && TEQ(x, e + 1, "c"));
        bool f = P(x, e, 0x2109) || (P(x, e, 0xB0) && GLUED(x, e + 1) && TEQ(x, e + 1, "f"));
        q->unit_static = c ? "degree Celsius" : f ? "degree Fahrenheit" : "degree";
        e += P(x, e, 0xB0) && (c || f) ? 2 : 1;
    } else if (P(x, e, '%')) {
        q->unit_static = "%";
        e++;
        /* "5%-7%", "between 5% and 7%", "from 5% to 7%" */
        if (isnan(q->vmax) && (W(x, e, "to") || (is_dash(x, e) && GLUED(x, e)) || (between && W(x, e, "and"))) &&
            e + 2 < x->n && x->t[e + 1].kind == CRI_LX_NUM) {
            double v2;
            bool vg2;
            size_t e2 = cri_num_read(x->body, x->t, x->n, e + 1, &v2, &vg2);
            if (e2 > e + 1 && P(x, e2, '%') && v2 > q->v) {
                q->vmax = v2;
                e = e2 + 1;
            }
        }
    } else if (W(x, e, "percent") || W(x, e, "pct") || (W(x, e, "per") && W(x, e + 1, "cent"))) {
        q->unit_static = "%";
        e += W(x, e, "per") ? 2 : 1;
    } else if (TEQ(x, e, "percentage") && (TEQ(x, e + 1, "points") || TEQ(x, e + 1, "point"))) {
        q->unit_static = "percentage point";
        e += 2;
    } else if (is_dash(x, e) && GLUED(x, e) && CLS(x, e + 1, CRI_LC_TUNIT) && GLUED(x, e + 1) &&
               is_dash(x, e + 2) && W(x, e + 3, "old")) {
        /* "33-year-old", "a 3-month-old baby" */
        static const char *const un[] = {"", "second", "minute", "hour", "day", "week", "weekend",
                                         "month", "quarter", "year", "decade", "century", "fortnight"};
        const cri_lexicon_entry *te = E(x, e + 1);
        int u = te->cls == CRI_LC_TUNIT ? te->val : te->val2;
        q->unit_static = un[u > 0 && u <= 12 ? u : 9];
        e += 4;
        if (TEQ(x, e, "s")) e++;
    } else if (CLS(x, e, CRI_LC_TUNIT) && !W(x, e, "second")) {
        static const char *const un[] = {"", "second", "minute", "hour", "day", "week", "weekend",
                                         "month", "quarter", "year", "decade", "century", "fortnight"};
        const cri_lexicon_entry *te = E(x, e);
        int u = te->cls == CRI_LC_TUNIT ? te->val : te->val2;
        q->unit_static = un[u];
        e++;
        if (W(x, e, "old")) e++;
    } else if (is_dash(x, e) && GLUED(x, e) && GLUED(x, e + 1) && CLS(x, e + 1, CRI_LC_TUNIT) &&
               !W(x, e + 1, "second")) {
        /* "a five-year plan", "a 45-year old man": the number still counts years */
        static const char *const un[] = {"", "second", "minute", "hour", "day", "week", "weekend",
                                         "month", "quarter", "year", "decade", "century", "fortnight"};
        const cri_lexicon_entry *te = E(x, e + 1);
        int u = te->cls == CRI_LC_TUNIT ? te->val : te->val2;
        q->unit_static = un[u > 0 && u <= 12 ? u : 9];
        e += 2;
        if (W(x, e, "old")) e++;
    } else if (is_dash(x, e) && GLUED(x, e) && GLUED(x, e + 1) && CLS(x, e + 1, CRI_LC_TUNIT)) {
        return i;    /* "a 10-second clip" */
    } else if (is_dash(x, e) && GLUED(x, e) && GLUED(x, e + 1) && WORD(x, e + 1) &&
               !(x->t[e + 1].flags & CRI_LXF_CAP) && !stop_word(x, e + 1) && !CLS(x, e + 1, CRI_LC_NUMW)) {
        /* "a 6,900-tonne destroyer", "an 86-yard run", "a four-book series" */
        const char *un = UNITW(x, e + 1);
        if (un) q->unit_static = un;
        else {
            cri_buf_clear(&x->scratch);
            for (uint32_t c = x->t[e + 1].start; c < x->t[e + 1].end; c++)
                cri_buf_putc(&x->scratch, cri_tolower(x->body[c]));
            q->unit_dyn = x->scratch.data != NULL;
        }
        e += 2;
    } else if (TEQ(x, e, "us") && (TEQ(x, e + 1, "dollars") || TEQ(x, e + 1, "dollar"))) {
        q->unit_static = "USD";   /* "5 million US dollars" */
        e += 2;
    } else if (CURW(x, e) || ((W(x, e, "pounds") || W(x, e, "pound")) && k->kind != CRI_LX_NUM + 9)) {
        const char *c = CURW(x, e);
        if (!c) {
            bool scaled = q->v >= 1e6 || W(x, e + 1, "sterling");
            c = scaled ? "GBP" : "pound";
        }
        if (!strcmp(c, "KRW") && (i > 0 && !CLS(x, j - 1, CRI_LC_SCALE) && k->kind == CRI_LX_WORD)) {
            /* "one won" is rare; "won" after a number word is the verb */
            return i;
        }
        q->unit_static = c;
        e++;
        if (W(x, e, "sterling")) e++;
    } else if (TEQ(x, e, "metric") && (TEQ(x, e + 1, "tons") || TEQ(x, e + 1, "ton") ||
                                        TEQ(x, e + 1, "tonnes") || TEQ(x, e + 1, "tonne"))) {
        q->unit_static = "metric ton";
        e += 2;
    } else if ((TEQ(x, e, "square") || TEQ(x, e, "sq")) && UNITW(x, e + (P(x, e + 1, '.') ? 2 : 1))) {
        size_t u = e + (P(x, e + 1, '.') ? 2 : 1);
        const char *un = UNITW(x, u);
        cri_buf_clear(&x->scratch);
        cri_buf_puts(&x->scratch, "square ");
        cri_buf_puts(&x->scratch, un);
        q->unit_dyn = x->scratch.data != NULL;
        e = u + 1;
    } else if (TEQ(x, e, "cubic") && UNITW(x, e + 1)) {
        cri_buf_clear(&x->scratch);
        cri_buf_puts(&x->scratch, "cubic ");
        cri_buf_puts(&x->scratch, UNITW(x, e + 1));
        q->unit_dyn = x->scratch.data != NULL;
        e += 2;
    } else if (TEQ(x, e, "in") && i >= 2 && x->t[i - 2].kind == CRI_LX_NUM && k->kind == CRI_LX_NUM &&
               (TEQ(x, i - 1, "ft") || TEQ(x, i - 1, "feet") || TEQ(x, i - 1, "foot")) &&
               !(e + 1 < x->n && (x->t[e + 1].kind == CRI_LX_NUM || CLS(x, e + 1, CRI_LC_FUNC) ||
                                  CLS(x, e + 1, CRI_LC_MONTH) || (x->t[e + 1].flags & CRI_LXF_CAP)))) {
        q->unit_static = "inch";   /* "6 ft 2 in tall" */
        e++;
    } else if (UNITW(x, e) && !(TEQ(x, e, "in")) &&
               !((TEQ(x, e, "m") || TEQ(x, e, "t") || TEQ(x, e, "l") || TEQ(x, e, "g")) &&
                 !GLUED(x, e) && WORD(x, e + 1) && !(x->t[e + 1].flags & CRI_LXF_CAP) && false)) {
        /* one-letter units only glued or before a non-word ("5m", "3 m.") */
        size_t L = tlen(x, e);
        if (L == 1 && !GLUED(x, e) && WORD(x, e + 1)) {
            /* "5 m people" is unusual: leave the unit out */
        } else {
            q->unit_static = UNITW(x, e);
            e++;
            if (P(x, e, '.') && GLUED(x, e) && L <= 3 && e + 1 < x->n && WORD(x, e + 1) &&
                !(x->t[e + 1].flags & CRI_LXF_CAP))
                e++;
            if (!strcmp(q->unit_static, "degree") && (TEQ(x, e, "celsius") || TEQ(x, e, "fahrenheit"))) {
                q->unit_static = TEQ(x, e, "celsius") ? "degree Celsius" : "degree Fahrenheit";
                e++;
            }
            /* "100 m2", "5 km3": area and volume */
            if (x->t[e - 1].kind == CRI_LX_WORD && e < x->n && x->t[e].kind == CRI_LX_NUM && GLUED(x, e) &&
                tlen(x, e) == 1 && (x->body[x->t[e].start] == '2' || x->body[x->t[e].start] == '3') &&
                !(e + 1 < x->n && GLUED(x, e + 1) && x->t[e + 1].kind != CRI_LX_PUNCT)) {
                cri_buf_clear(&x->scratch);
                cri_buf_puts(&x->scratch, x->body[x->t[e].start] == '2' ? "square " : "cubic ");
                cri_buf_puts(&x->scratch, q->unit_static);
                if (x->scratch.data) {
                    q->unit_dyn = true;
                    q->unit_static = NULL;
                }
                e++;
            }
            /* "100 km per hour", "5 miles an hour" */
            if (q->unit_static && ((W(x, e, "per") && (TEQ(x, e + 1, "hour") || TEQ(x, e + 1, "second"))) ||
                                   ((W(x, e, "an") || W(x, e, "a")) && TEQ(x, e + 1, "hour")))) {
                cri_buf_clear(&x->scratch);
                cri_buf_puts(&x->scratch, q->unit_static);
                cri_buf_puts(&x->scratch, TEQ(x, e + 1, "hour") ? " per hour" : " per second");
                if (x->scratch.data) {
                    q->unit_dyn = true;
                    q->unit_static = NULL;
                }
                e += 2;
            }
            /* "10 km/h", "5 m/s": a rate */
            if (q->unit_static && P(x, e, '/') && GLUED(x, e) && GLUED(x, e + 1) &&
                (TEQ(x, e + 1, "h") || TEQ(x, e + 1, "hr") || TEQ(x, e + 1, "s") || TEQ(x, e + 1, "sec")) &&
                !(e + 2 < x->n && GLUED(x, e + 2) && WORD(x, e + 2))) {
                cri_buf_clear(&x->scratch);
                cri_buf_puts(&x->scratch, q->unit_static);
                cri_buf_puts(&x->scratch, TEQ(x, e + 1, "h") || TEQ(x, e + 1, "hr") ? " per hour" : " per second");
                if (x->scratch.data) {
                    q->unit_dyn = true;
                    q->unit_static = NULL;
                }
                e += 2;
            }
        }
    } else if (TEQ(x, e, "times") || TEQ(x, e, "time")) {
        q->unit_static = "time";
        e++;
    } else {
        bool score = i >= 2 && is_dash(x, i - 1) && GLUED(x, i) && GLUED(x, i - 1) &&
                     x->t[i - 2].kind == CRI_LX_NUM;
        size_t hs = e;
        /* "three quarters of the ballots", "half the voters": the whole */
        if (frac) {
            if (W(x, hs, "of")) hs++;
            if (W(x, hs, "the") || TEQ(x, hs, "its") || TEQ(x, hs, "their") || TEQ(x, hs, "all") ||
                TEQ(x, hs, "our") || TEQ(x, hs, "his") || TEQ(x, hs, "her") || TEQ(x, hs, "those") ||
                TEQ(x, hs, "these") || TEQ(x, hs, "this") || TEQ(x, hs, "that"))
                hs++;
        }
        size_t h = score ? e : head_after(x, hs, vague || (j > i + 1 && CLS(x, j - 1, CRI_LC_SCALE)) ||
                                                 W(x, i, "dozen") || (j > i && W(x, j - 1, "dozen")),
                                          q->v == 1 && !vague && !frac);
        if (h > hs) {
            q->unit_dyn = true;
            e = h;
            /* money in words after a head: "5 million dollars" handled above */
        }
    }
    /* "Jean Larson, 48, a staff accountant": an age after a name */
    if (!q->unit_static && !q->unit_dyn && !cur &&
        ((k->kind == CRI_LX_NUM && (k->flags & CRI_LXF_PLAIN)) ||
         /* "The girl, nine, was": a number word alone between commas */
         (k->kind == CRI_LX_WORD && CLS(x, i, CRI_LC_NUMW) && q->v == floor(q->v) && i >= 2 && !CLS(x, i - 2, CRI_LC_NUMW) &&
          P(x, j, ','))) &&
        j == i + 1 && q->v >= 1 && q->v <= 120 && i >= 2 && P(x, i - 1, ',') &&
        ((WORD(x, i - 2) && (x->t[i - 2].flags & CRI_LXF_CAP) &&
          (j >= x->n || P(x, j, ',') || P(x, j, '.') || P(x, j, ';'))) ||
         (i >= 3 && P(x, i - 2, '.') && WORD(x, i - 3) && (x->t[i - 3].flags & CRI_LXF_CAP) &&
          (j >= x->n || P(x, j, ',') || P(x, j, '.') || P(x, j, ';'))) ||
         /* "The chairman, 62, will retire": a person noun, the age between commas */
         (WORD(x, i - 2) && !stop_word(x, i - 2) && P(x, j, ',') && !(i >= 3 && x->t[i - 3].kind == CRI_LX_NUM))))
        q->unit_static = "year";
    /* "aged 33", "age 33", "at the age of 7" */
    if (!q->unit_static && !q->unit_dyn && q->first > 0 &&
        (W(x, q->first - 1, "aged") || W(x, q->first - 1, "age") ||
         (q->first > 1 && W(x, q->first - 1, "between") && W(x, q->first - 2, "aged")) ||
         (q->first > 1 && W(x, q->first - 1, "of") && W(x, q->first - 2, "age")))) {
        q->unit_static = "year";
    }
    /* "-5", "â" "12": a minus sign glued to the number, not a hyphen between words */
    if (k->kind == CRI_LX_NUM && q->first == i && i > 0 && (P(x, i - 1, '-') || P(x, i - 1, 0x2212)) &&
        GLUED(x, i) && (i == 1 || !GLUED(x, i - 1))) {
        q->v = -q->v;
        if (!isnan(q->vmax)) q->vmax = -q->vmax;
        q->first = i - 1;
    }
    /* "minus 10 degrees" (not "20 minus 5") */
    if (q->first == i && i > 0 && TEQ(x, i - 1, "minus") && !(i > 1 && (x->t[i - 2].kind == CRI_LX_NUM ||
                                                                       CLS(x, i - 2, CRI_LC_NUMW)))) {
        q->v = -q->v;
        if (!isnan(q->vmax)) q->vmax = -q->vmax;
        q->first = i - 1;
    }
    /* "US$": done; "$75 million" keeps USD */
    /* qualifier before (and before the currency) */
    size_t qf;
    if (!q->qual) {
        const char *ql = qualifier_before(x, q->first, &qf);
        if (ql) {
            q->qual = ql;
            q->first = qf;
        }
    }
    /* bare years (timex.c found no date here, but a 4-digit round number
     * with nothing counted is more likely a year or a code than a count) */
    if (k->kind == CRI_LX_NUM && !cur && !q->unit_static && !q->unit_dyn && j == i + 1 &&
        (k->flags & CRI_LXF_PLAIN) && tlen(x, i) == 4 && v >= 1900 && v <= 2100)
        return i;
    /* "Article 5", "Flight 370": a number naming something */
    if (k->kind == CRI_LX_NUM && !cur && !q->unit_static && !q->unit_dyn && !q->qual && i > 0 &&
        WORD(x, i - 1) && (x->t[i - 1].flags & CRI_LXF_CAP) && !CLS(x, i - 1, CRI_LC_MONTH) &&
        !CLS(x, i - 1, CRI_LC_FUNC) && !(i - 1 == 0) && !(is_dash(x, j) && GLUED(x, j) && j + 1 < x->n &&
                                                           x->t[j + 1].kind == CRI_LX_NUM))
        return i;
    /* "No. 5", "#3" */
    if (k->kind == CRI_LX_NUM && i > 0 && (P(x, i - 1, '#') || (P(x, i - 1, '.') && i > 1 && TEQ(x, i - 2, "no"))))
        return i;
    /* ".5", "a .38 revolver": a decimal point with no leading zero */
    if (k->kind == CRI_LX_NUM && q->first == i && (k->flags & CRI_LXF_PLAIN) && i > 0 && P(x, i - 1, '.') &&
        GLUED(x, i) && (i == 1 || !GLUED(x, i - 1))) {
        double f = q->v;
        for (uint32_t c = k->start; c < k->end; c++) f /= 10;
        q->v = f;
        q->first = i - 1;
    }
    q->end = e;
    return e;
}

/* Beyond a quadrillion a "quantity" is a digit string (an ID, a hash), not
 * a count; such values are dropped (they would not survive JSON as
 * integers either). */
#define MAX_QUANTITY 1e15

static cr_status push(qx *x, const qres *q) {
    cr_doc *d = x->d;
    if (!(fabs(q->v) <= MAX_QUANTITY) || (!isnan(q->vmax) && !(fabs(q->vmax) <= MAX_QUANTITY)))
        return CR_OK;
    cri_quantity *o = CRI_PUSH(d->quantities, d->n_quantities, d->cap_quantities);
    if (!o) return CR_ERR_NOMEM;
    o->start = x->t[q->first].start;
    o->end = x->t[q->end - 1].end;
    o->value = q->v;
    o->value_max = q->vmax;
    o->qualifier = q->qual;
    o->unit = NULL;
    if (q->unit_dyn && x->scratch.data) {
        o->unit = cri_arena_strndup(&d->arena, x->scratch.data, x->scratch.len);
        if (!o->unit) return CR_ERR_NOMEM;
    } else if (q->unit_static) {
        o->unit = cri_arena_strdup(&d->arena, q->unit_static);
        if (!o->unit) return CR_ERR_NOMEM;
    }
    return CR_OK;
}

/* "a"/"an" start a quantity only before a scale ("a million"), "dozen",
 * "couple" or a fraction word ("a third of", "a-half"): match() has no
 * other pattern for them, and nearly every article is followed by
 * something else.  Keep in step with match() and cri_num_read(). */
static bool article_counts(const qx *x, size_t i) {
    if (is_dash(x, i + 1)) return true;
    const cri_lexicon_entry *e = E(x, i + 1);
    if (!e) return false;
    if (e->cls == CRI_LC_SCALE || e->cls2 == CRI_LC_SCALE) return true;
    static const char *const w[] = {"dozen", "couple", "half", "third", "quarter", "fourth",
                                    "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (w[k][0] == e->w[0] && !strcmp(w[k], e->w)) return true;
    return false;
}

static cr_status run_span(qx *x, const cri_lxtok *t, size_t n) {
    x->t = t;
    x->n = n;
    size_t i = 0;
    while (i < x->n) {
        const cri_lxtok *k = &x->t[i];
        /* first-token dispatch: digits, number words, vague plurals, "a"/"half" */
        if (k->kind == CRI_LX_PUNCT) {
            i++;
            continue;
        }
        if (k->kind == CRI_LX_WORD) {
            const cri_lexicon_entry *e = cri_lx_entry(k->lex);
            bool start = e && (e->cls == CRI_LC_NUMW || e->cls2 == CRI_LC_NUMW ||
                               e->cls == CRI_LC_VAGUE || e->cls2 == CRI_LC_VAGUE ||
                               ((W(x, i, "a") || W(x, i, "an")) && article_counts(x, i)));
            if (!start) {
                i++;
                continue;
            }
        }
        bool dur = false;
        if (in_date(x, k->start, k->end, &dur) && !dur) { i++; continue; }
        qres q;
        size_t e = match(x, i, &q);
        if (e <= i) { i++; continue; }
        /* never reach back over an earlier quantity */
        if (x->d->n_quantities && q.first < i) {
            const cri_quantity *prev = &x->d->quantities[x->d->n_quantities - 1];
            while (q.first < i && x->t[q.first].start < prev->end) q.first++;
        }
        if (push(x, &q) != CR_OK) return CR_ERR_NOMEM;
        i = e;
    }
    return CR_OK;
}

/* Per-document state: the next date span to skip and the unit buffer.
 * extract.c lexes each line once (for timex.c first, which must have
 * pushed the line's dates before we skip numbers inside them). */
struct cri_quantity_run {
    qx x;
};

cr_status cri_quantity_open(cr_ctx *ctx, cr_doc *d, cri_quantity_run **out) {
    *out = NULL;
    d->n_quantities = 0;
    cri_quantity_run *run = calloc(1, sizeof *run);
    if (!run) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    run->x.d = d;
    run->x.body = d->body;
    *out = run;
    return CR_OK;
}

cr_status cri_quantity_line(cri_quantity_run *run, const cri_lxtok *t, size_t n) {
    return run_span(&run->x, t, n);
}

void cri_quantity_close(cri_quantity_run *run) {
    if (!run) return;
    cri_buf_free(&run->x.scratch);
    free(run);
}
