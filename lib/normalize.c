/*
 * normalize.c — the Unicode layer every module leans on: a strict UTF-8
 * decoder/encoder and character classes (via utf8proc), NFC for the display
 * text, and the folded form used for matching tokens.
 *
 * Data flow: clean.c runs cri_nfc() on the document text after text.c (bytes
 * to valid UTF-8) and mojibake.c (undo mis-decoding); the tokenizer calls
 * cri_fold() once per token to make its key, so both have an ASCII fast path:
 * ASCII is already NFC, and folding ASCII is lower-casing.
 */
#include "internal.h"

#include <stdlib.h>
#include <utf8proc.h>

/* ---- UTF-8 ---------------------------------------------------------------- */

size_t cri_utf8_encode(int32_t cp, char out[4]) {
    if (cp < 0) return 0;
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp <= 0x10FFFF) {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}

bool cri_utf8_valid(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        /* skip ASCII eight bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        if ((unsigned char)s[i] < 0x80) { i++; continue; }
        int32_t cp;
        size_t k = cri_utf8_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD && k == 1) return false;
        i += k;
    }
    return true;
}

/* ---- character classes ---------------------------------------------------- */

bool cri_is_letter(int32_t cp) {
    if (cp < 0x80) return cp >= 0 && cri_isalpha((unsigned char)cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool cri_is_upper(int32_t cp) {
    if (cp < 0x80) return cp >= 0 && cri_isupper((unsigned char)cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool cri_is_lower(int32_t cp) {
    if (cp < 0x80) return cp >= 0 && cri_islower((unsigned char)cp);
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool cri_is_digit(int32_t cp) {
    if (cp < 0x80) return cp >= 0 && cri_isdigit((unsigned char)cp);
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool cri_is_mark(int32_t cp) {
    if (cp < 0x300) return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

bool cri_is_space(int32_t cp) {
    if (cp < 0x80) return cp >= 0 && cri_isspace((unsigned char)cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_ZP;
}

bool cri_is_punct(int32_t cp) {
    if (cp < 0) return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

bool cri_is_symbol(int32_t cp) {
    if (cp < 0) return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_SM && c <= UTF8PROC_CATEGORY_SO;
}

int32_t cri_to_lower(int32_t cp) {
    if (cp < 0x80) return cp >= 0 && cri_isupper((unsigned char)cp) ? cp + 32 : cp;
    return utf8proc_tolower(cp);
}

int32_t cri_to_upper(int32_t cp) {
    if (cp < 0x80) return cp >= 0 && cri_islower((unsigned char)cp) ? cp - 32 : cp;
    return utf8proc_toupper(cp);
}

/* ---- NFC -------------------------------------------------------------------- */

/* Code points that are NFC whatever precedes them (NFC_Quick_Check = Yes,
 * combining class 0, never the second half of a composition): typographic
 * punctuation, currency, precomposed Latin, Greek, Cyrillic, CJK, kana,
 * Hangul syllables, emoji.  A run made only of them is already NFC and skips
 * utf8proc; anything else (combining marks, jamo, singletons such as U+212B
 * ANGSTROM SIGN) sends the whole run through utf8proc. */
static bool nfc_inert(int32_t cp) {
    if (cp < 0x300) return cp >= 0xA0;              /* Latin-1, Extended-A/B, IPA, modifiers */
    if (cp < 0x370) return false;                    /* combining diacritics */
    if (cp < 0x590) return cp != 0x374 && cp != 0x37E && cp != 0x387 && cp != 0x483 &&
                           !(cp >= 0x483 && cp <= 0x489);  /* Greek, Cyrillic, Armenian */
    if (cp >= 0x5D0 && cp <= 0x5EA) return true;     /* Hebrew letters */
    if (cp >= 0x621 && cp <= 0x64A) return true;     /* Arabic letters */
    if (cp >= 0x1E00 && cp <= 0x1EFF) return true;   /* Latin Extended Additional (Vietnamese) */
    if (cp >= 0x2002 && cp <= 0x205E) return true;   /* punctuation (not the U+2000/1 singletons) */
    if (cp >= 0x20A0 && cp <= 0x20C0) return true;   /* currency */
    if (cp >= 0x2190 && cp <= 0x2328) return true;   /* arrows, maths, technical */
    if (cp >= 0x3000 && cp <= 0x3029) return true;   /* CJK punctuation */
    if (cp >= 0x3041 && cp <= 0x3096) return true;   /* hiragana (not the voicing marks) */
    if (cp >= 0x30A1 && cp <= 0x30FA) return true;   /* katakana */
    if (cp >= 0x4E00 && cp <= 0x9FFF) return true;   /* CJK ideographs */
    if (cp >= 0xAC00 && cp <= 0xD7A3) return true;   /* Hangul syllables: a following */
                                                     /* jamo is not inert, so it is seen */
    return cp >= 0x1F300 && cp <= 0x1FAFF;           /* emoji */
}

/* Normalize s[0..n) (a run that starts at a starter or at the text start)
 * to NFC into out.  Returns 0, -1 on out of memory. */
static int nfc_run(const char *s, size_t n, cri_buf *out) {
    enum { STACK = 256 };
    int32_t stackbuf[STACK];
    int32_t *buf = stackbuf;
    utf8proc_ssize_t cap = STACK;
    utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t got;
    for (;;) {
        got = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, buf, cap, opt);
        if (got < 0) {  /* cannot happen on valid UTF-8; keep the bytes */
            if (buf != stackbuf) free(buf);
            return cri_buf_append(out, s, n);
        }
        if (got <= cap) break;
        if (buf != stackbuf) free(buf);
        buf = malloc((size_t)got * sizeof *buf);
        if (!buf) return -1;
        cap = got;
    }
    got = utf8proc_normalize_utf32(buf, got, opt);
    int rc = 0;
    if (got < 0) rc = cri_buf_append(out, s, n);
    else if (cri_buf_reserve(out, (size_t)got * 4) == 0) {
        for (utf8proc_ssize_t i = 0; i < got; i++)
            out->len += cri_utf8_encode(buf[i], out->data + out->len);
        out->data[out->len] = '\0';
    } else rc = -1;
    if (buf != stackbuf) free(buf);
    return rc;
}

cr_status cri_nfc(cr_ctx *ctx, cri_buf *text) {
    if (!text->data || text->len == 0) return CR_OK;
    const char *s = text->data;
    size_t n = text->len;
    cri_buf out = {0};        /* made only once something changes */
    cri_buf tmp = {0};
    size_t copied = 0;        /* bytes of s already accounted for in out */
    size_t i = 0;
    while (i < n) {
        /* ASCII: eight bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        while (i < n && (unsigned char)s[i] < 0x80) i++;
        if (i >= n) break;
        /* a non-ASCII run; it may compose with the ASCII character before */
        size_t start = i > 0 ? i - 1 : 0;
        bool inert = true;
        size_t j = i;
        while (j < n && (unsigned char)s[j] >= 0x80) {
            int32_t cp;
            j += cri_utf8_decode(s + j, n - j, &cp);
            if (inert && !nfc_inert(cp)) inert = false;
        }
        if (!inert) {
            tmp.len = 0;
            if (nfc_run(s + start, j - start, &tmp)) goto nomem;
            if (tmp.len != j - start || memcmp(tmp.data, s + start, tmp.len) != 0) {
                if (cri_buf_append(&out, s + copied, start - copied) ||
                    cri_buf_append(&out, tmp.data, tmp.len))
                    goto nomem;
                copied = j;
            }
        }
        i = j;
    }
    cri_buf_free(&tmp);
    if (out.data) {
        if (cri_buf_append(&out, s + copied, n - copied)) goto nomem;
        cri_buf_free(text);
        *text = out;
    }
    return CR_OK;
nomem:
    cri_buf_free(&tmp);
    cri_buf_free(&out);
    return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
}

/* ---- folding for matching ---------------------------------------------------- */

/* Applied to each code point before NFKC + case folding: typographic
 * apostrophes, quotes, dashes and spaces to their ASCII forms; dotted capital
 * I and dotless i to plain i so Turkish names match their ASCII spellings. */
static utf8proc_int32_t fold_map(utf8proc_int32_t c, void *data) {
    (void)data;
    switch (c) {
    case 0x2019: case 0x02BC: case 0x2018: case 0x201B: case 0x2032: case 0x0060:
    case 0x02B9: case 0x00B4: case 0xFF07:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: case 0x02BA:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x0130: case 0x0131:
        return 'i';
    default:
        break;
    }
    if (c >= 0x80 && (c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
                      c == 0x205F || c == 0x3000 || c == 0x1680))
        return ' ';
    return c;
}

static int fold_slow(const char *s, size_t len, cri_buf *out) {
    enum { STACK = 128 };
    int32_t stackbuf[STACK];
    int32_t *buf = stackbuf;
    utf8proc_ssize_t cap = STACK;
    /* IGNORE drops default-ignorables: soft hyphen, ZWSP/ZWNJ/ZWJ, word
     * joiner, BOM.  Never CHARBOUND with COMPOSE (Debian 2.8.0 bug). */
    utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                            UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;
    utf8proc_ssize_t got;
    for (;;) {
        got = utf8proc_decompose_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                        buf, cap, opt, fold_map, NULL);
        if (got < 0) {  /* invalid UTF-8: lower-case ASCII, keep the rest */
            if (buf != stackbuf) free(buf);
            if (cri_buf_reserve(out, len)) return -1;
            for (size_t i = 0; i < len; i++) out->data[out->len++] = cri_tolower(s[i]);
            out->data[out->len] = '\0';
            return 0;
        }
        if (got <= cap) break;
        if (buf != stackbuf) free(buf);
        buf = malloc((size_t)got * sizeof *buf);
        if (!buf) return -1;
        cap = got;
    }
    got = utf8proc_normalize_utf32(buf, got, opt);
    int rc = 0;
    if (got >= 0 && cri_buf_reserve(out, (size_t)got * 4) == 0) {
        for (utf8proc_ssize_t i = 0; i < got; i++) {
            int32_t c = buf[i];
            /* NFKC can produce characters fold_map maps (U+2033 from
             * compatibility forms, fullwidth quotes): map once more */
            if (c >= 0x80) c = fold_map(c, NULL);
            out->len += cri_utf8_encode(c, out->data + out->len);
        }
        out->data[out->len] = '\0';
    } else if (got >= 0) rc = -1;
    if (buf != stackbuf) free(buf);
    return rc;
}

/* ASCII folded: lower case, and the backtick as an apostrophe. */
static const char ascii_fold[128] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
    ' ', '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
    '@', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '[', '\\', ']', '^', '_',
    '\'', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '{', '|', '}', '~', 0x7F,
};

/* The fold of one non-ASCII character when it needs no normalization
 * context: typographic quotes, dashes and spaces, zero-width characters,
 * Latin-1 letters.  Writes at most 2 bytes to o, returns the count, or -1
 * when the character needs the full NFKC + case folding path. */
static int fold_simple(int32_t cp, char *o) {
    if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) {
        if (cp == 0xDF) { o[0] = 's'; o[1] = 's'; return 2; }
        if (cp < 0xDF) cp += 0x20;                       /* À-Þ -> à-þ */
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    switch (cp) {
    case 0x2019: case 0x2018: case 0x02BC: case 0x201B: case 0x2032: case 0x00B4:
        o[0] = '\''; return 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        o[0] = '"'; return 1;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        o[0] = '-'; return 1;
    case 0x00A0: case 0x202F: case 0x2009: case 0x200A: case 0x2002: case 0x2003:
        o[0] = ' '; return 1;
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
        return 0;
    default:
        return -1;
    }
}

/* The piece has a non-ASCII character: simple characters folded one by one,
 * anything else through NFKC + case folding.  Kept out of line so the ASCII
 * path of cri_fold stays small. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int fold_nonascii(const char *s, size_t len, cri_buf *out) {
    char *o = out->data + out->len;
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            o[w++] = ascii_fold[c];
            i++;
            continue;
        }
        int32_t cp;
        size_t k = cri_utf8_decode(s + i, len - i, &cp);
        /* anything else (combining marks, compatibility characters, other
         * scripts, invalid bytes) sends the whole piece through NFKC */
        int n = k > 1 ? fold_simple(cp, o + w) : -1;
        if (n < 0) {
            out->data[out->len] = '\0';
            return fold_slow(s, len, out);           /* nothing committed yet */
        }
        w += (size_t)n;
        i += k;
    }
    out->len += w;
    out->data[out->len] = '\0';
    return 0;
}

int cri_fold(const char *s, size_t len, cri_buf *out) {
    /* every ASCII or simple fold is no longer than its input */
    if (out->len + len + 1 > out->cap && cri_buf_reserve(out, len)) return -1;
    char *o = out->data + out->len;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) return fold_nonascii(s, len, out);
        o[i] = ascii_fold[c];
    }
    out->len += len;
    o[len] = '\0';
    return 0;
}
