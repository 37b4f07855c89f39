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

size_t cri_utf8_decode(const char *str, size_t n, int32_t *cp) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) {
        if (n >= 2 && (s[1] & 0xC0) == 0x80) {
            *cp = ((int32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
            return 2;
        }
    } else if (c >= 0xE0 && c <= 0xEF) {
        if (n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
            int32_t v = ((int32_t)(c & 0x0F) << 12) | ((int32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
            if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) { *cp = v; return 3; }
        }
    } else if (c >= 0xF0 && c <= 0xF4) {
        if (n >= 4 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
            int32_t v = ((int32_t)(c & 0x07) << 18) | ((int32_t)(s[1] & 0x3F) << 12) |
                        ((int32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
            if (v >= 0x10000 && v <= 0x10FFFF) { *cp = v; return 4; }
        }
    }
    *cp = 0xFFFD;
    return 1;
}

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

/* Code points that are NFC whatever surrounds them: no canonical
 * decomposition, combining class 0, never the second half of a composition.
 * These are the non-ASCII characters of ordinary English news (typographic
 * quotes, dashes, no-break space, currency), so runs made only of them skip
 * utf8proc. */
static bool nfc_inert(int32_t cp) {
    return (cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2010 && cp <= 0x2027) ||
           (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20C0) ||
           (cp >= 0x1F300 && cp <= 0x1FAFF);
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

int cri_fold(const char *s, size_t len, cri_buf *out) {
    if (cri_buf_reserve(out, len)) return -1;
    char *o = out->data + out->len;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) return fold_slow(s, len, out);  /* nothing committed yet */
        o[i] = (char)(c + ((unsigned)(c - 'A') < 26u ? 32 : 0));
    }
    out->len += len;
    out->data[out->len] = '\0';
    return 0;
}
