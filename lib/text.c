/*
 * text.c — bytes to text, the first step of cleaning (clean.c calls it on the
 * raw input, before mojibake.c and normalize.c).  Output: valid UTF-8 with LF
 * line ends, no BOM, no control characters except \n, tabs as spaces.
 *
 * Bytes that are not strict UTF-8 (overlongs, surrogates, code points above
 * U+10FFFF, truncated or stray bytes) are read as Windows-1252 — what such
 * bytes almost always are in scraped news — with Latin-1 for the five bytes
 * cp1252 leaves undefined.  Valid sequences on the same line stay UTF-8.  Each
 * line with such bytes is reported once (kind "invalid-utf8": the line with
 * the bad bytes shown as \xNN, and the repaired line), so nothing is dropped
 * silently.  Removed control characters are reported once per document.
 *
 * C1 controls (U+0080-U+009F) are removed too, except right after the lead of
 * a likely UTF-8-as-Latin-1 sequence ("â€\u009d" is a mis-decoded ”): those
 * are left for mojibake.c, which repairs them or removes what remains.
 *
 * Most news text is ASCII, so the loop checks eight bytes at a time for high
 * bits and control bytes and copies clean runs with one memcpy.
 */
#include "internal.h"

#include <stdio.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Windows-1252 bytes 0x80-0x9F; 0 marks the five undefined bytes (read as
 * Latin-1, i.e. as the C1 control of the same value). */
const uint16_t cri_cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

int cri_cp1252_byte(int32_t cp) {
    if (cp < 0) return -1;
    if (cp < 0x80) return (int)cp;
    if (cp >= 0xA0 && cp <= 0xFF) return (int)cp;
    if (cp <= 0x9F) return (int)cp;   /* C1 control: a Latin-1 byte */
    switch (cp) {
    case 0x20AC: return 0x80; case 0x201A: return 0x82; case 0x0192: return 0x83;
    case 0x201E: return 0x84; case 0x2026: return 0x85; case 0x2020: return 0x86;
    case 0x2021: return 0x87; case 0x02C6: return 0x88; case 0x2030: return 0x89;
    case 0x0160: return 0x8A; case 0x2039: return 0x8B; case 0x0152: return 0x8C;
    case 0x017D: return 0x8E; case 0x2018: return 0x91; case 0x2019: return 0x92;
    case 0x201C: return 0x93; case 0x201D: return 0x94; case 0x2022: return 0x95;
    case 0x2013: return 0x96; case 0x2014: return 0x97; case 0x02DC: return 0x98;
    case 0x2122: return 0x99; case 0x0161: return 0x9A; case 0x203A: return 0x9B;
    case 0x0153: return 0x9C; case 0x017E: return 0x9E; case 0x0178: return 0x9F;
    default: return -1;
    }
}

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* True when none of the eight bytes needs attention: no high bit, no control
 * byte other than \n, no DEL.  Each mask below is exact per byte because the
 * high bits are known to be clear, so no carry crosses a byte. */
static inline bool word_clean(uint64_t w) {
    if (w & HIGH) return false;
    uint64_t lt20 = ~(w + 0x60 * ONES) & HIGH;                   /* b < 0x20 */
    uint64_t x = w ^ (0x0A * ONES);
    uint64_t nl = ~(((x & 0x7F * ONES) + 0x7F * ONES) | x) & HIGH; /* b == \n */
    uint64_t del = (w + ONES) & HIGH;                           /* b == 0x7F */
    return ((lt20 & ~nl) | del) == 0;
}

/* Length of the clean prefix of s[0..n): the offset of the first byte that
 * needs attention (high bit, control other than \n, DEL), or n. */
static inline size_t clean_prefix(const char *s, size_t n) {
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i c20 = _mm_set1_epi8(0x20), nl = _mm_set1_epi8('\n'),
                  del = _mm_set1_epi8(0x7F);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        /* signed compare: bytes >= 0x80 are negative, so this flags high
         * bytes and control bytes at once */
        __m128i bad = _mm_andnot_si128(_mm_cmpeq_epi8(v, nl), _mm_cmplt_epi8(v, c20));
        bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, del));
        unsigned mask = (unsigned)_mm_movemask_epi8(bad);
        if (mask) return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (!word_clean(w)) break;
        i += 8;
    }
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || c == 0x7F || (c < 0x20 && c != '\n')) break;
        i++;
    }
    return i;
}

typedef struct dec {
    cr_ctx *ctx;
    cr_doc *d;
    const char *in;
    size_t n;
    cri_buf *out;
    size_t out_base;          /* out->len on entry */
    size_t line_pos;          /* input offset up to which lines are counted */
    uint32_t line_no;         /* line number at line_pos (1-based) */
    size_t n_controls;
    uint32_t control_line;
    char control_seen[64];    /* escaped first few removed controls */
    size_t control_seen_len;
    uint64_t seen[3];         /* controls already listed */
    bool nomem;
} dec;

static bool is_break(unsigned char c) { return c == '\n' || c == '\r' || c == '\f'; }

/* Line number of input offset pos (pos never moves backwards). */
static uint32_t line_at(dec *st, size_t pos) {
    for (size_t i = st->line_pos; i < pos; i++) {
        unsigned char c = (unsigned char)st->in[i];
        if (c == '\n' || c == '\f' || (c == '\r' && !(i + 1 < st->n && st->in[i + 1] == '\n')))
            st->line_no++;
    }
    if (pos > st->line_pos) st->line_pos = pos;
    return st->line_no;
}

static void emit(dec *st, const char *p, size_t n) {
    if (n && cri_buf_append(st->out, p, n)) st->nomem = true;
}

static void emit_cp(dec *st, int32_t cp) {
    char b[4];
    emit(st, b, cri_utf8_encode(cp, b));
}

static void note_control(dec *st, size_t pos, int32_t cp) {
    if (st->n_controls++ == 0) st->control_line = line_at(st, pos);
    /* list each distinct control once (all are < 0xA0) */
    if (cp >= 0 && cp < 0xA0) {
        uint64_t bit = (uint64_t)1 << (cp & 63);
        if (st->seen[cp >> 6] & bit) return;
        st->seen[cp >> 6] |= bit;
    }
    char tmp[16];
    int k = cp < 0x100 ? snprintf(tmp, sizeof tmp, "\\x%02X", (unsigned)cp)
                       : snprintf(tmp, sizeof tmp, "U+%04X", (unsigned)cp);
    /* list each distinct control once, up to a few */
    if (k > 0 && !memmem(st->control_seen, st->control_seen_len, tmp, (size_t)k) &&
        st->control_seen_len + (size_t)k + 2 < sizeof st->control_seen) {
        if (st->control_seen_len) st->control_seen[st->control_seen_len++] = ' ';
        memcpy(st->control_seen + st->control_seen_len, tmp, (size_t)k);
        st->control_seen_len += (size_t)k;
    }
}

/* A code point that a cp1252/Latin-1 decoder produces from a byte >= 0x80. */
static bool is_cp1252_high(int32_t cp) {
    return (cp >= 0x80 && cp <= 0xFF) || (cp > 0xFF && cri_cp1252_byte(cp) >= 0);
}

/* Keep a C1 control only when it ends a possible mis-decoded UTF-8 sequence:
 * the up to three characters before it (already in out) are all cp1252
 * characters (or a space, once a no-break space) and one of them could be a
 * UTF-8 lead byte (U+00C2-U+00F4). */
static bool keep_c1(dec *st) {
    const char *s = st->out->data;
    size_t j = st->out->len;
    bool after_space = false;
    for (int k = 0; k < 3 && j > st->out_base; k++) {
        size_t b = j - 1;
        while (b > st->out_base && ((unsigned char)s[b] & 0xC0) == 0x80 && j - b < 4) b--;
        int32_t cp;
        cri_utf8_decode(s + b, j - b, &cp);
        /* a space may be a no-break space (0xA0) turned into a space; two
         * spaces are a word break (mojibake.c's runs stop there too) */
        if (cp == ' ') {
            if (after_space) return false;
            after_space = true;
        } else {
            if (!is_cp1252_high(cp)) return false;
            after_space = false;
        }
        if (cp >= 0xC2 && cp <= 0xF4) return true;
        j = b;
    }
    return false;
}

/* One character at in[*i] that needs attention (the fast loop found it).
 * Emits its replacement and advances *i.  Returns true when the byte at
 * *i was invalid UTF-8 (decoded as cp1252). */
static bool step(dec *st, size_t *ip) {
    size_t i = *ip;
    unsigned char c = (unsigned char)st->in[i];
    if (c < 0x80) {
        if (c == '\r') {
            emit(st, "\n", 1);
            *ip = i + 1 < st->n && st->in[i + 1] == '\n' ? i + 2 : i + 1;
            return false;
        }
        if (c == '\f' || c == '\n') emit(st, "\n", 1);
        else if (c == '\t') emit(st, " ", 1);
        else if (c < 0x20 || c == 0x7F) note_control(st, i, c);
        else emit(st, (const char *)&st->in[i], 1);
        *ip = i + 1;
        return false;
    }
    int32_t cp;
    size_t k = cri_utf8_decode(st->in + i, st->n - i, &cp);
    bool invalid = k == 1;   /* a valid sequence is at least two bytes here */
    if (invalid) {
        cp = c >= 0xA0 ? c : c >= 0x80 && c <= 0x9F && cri_cp1252_high[c - 0x80] ? cri_cp1252_high[c - 0x80] : c;
    }
    *ip = i + k;
    if (cp >= 0x80 && cp <= 0x9F) {
        if (keep_c1(st)) emit_cp(st, cp);
        else note_control(st, i, cp);
    } else if (cp == 0x2028 || cp == 0x2029) {
        emit(st, "\n", 1);
    } else if (invalid) {
        emit_cp(st, cp);
    } else {
        emit(st, st->in + i, k);
    }
    return invalid;
}

/* Show a line's bytes for a report: invalid bytes and controls as \xNN,
 * around the first bad byte when the line is long. */
static void escape_line(const char *s, size_t n, size_t first_bad, cri_buf *b) {
    enum { BEFORE = 80, SPAN = 300 };
    size_t from = 0, to = n;
    if (n > SPAN) {
        from = first_bad > BEFORE ? first_bad - BEFORE : 0;
        while (from > 0 && ((unsigned char)s[from] & 0xC0) == 0x80) from--;
        to = from + SPAN < n ? from + SPAN : n;
        while (to < n && ((unsigned char)s[to] & 0xC0) == 0x80) to++;
    }
    if (from > 0) cri_buf_puts(b, "...");
    for (size_t i = from; i < to;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F) cri_buf_printf(b, "\\x%02X", c);
            else cri_buf_putc(b, (char)c);
            i++;
            continue;
        }
        int32_t cp;
        size_t k = cri_utf8_decode(s + i, to - i, &cp);
        if (k == 1 || (cp >= 0x80 && cp <= 0x9F)) {
            for (size_t j = 0; j < k; j++) cri_buf_printf(b, "\\x%02X", (unsigned char)s[i + j]);
        } else {
            cri_buf_append(b, s + i, k);
        }
        i += k;
    }
    if (to < n) cri_buf_puts(b, "...");
}

/* The line holding the invalid byte at `bad` (already decoded up to `from`):
 * decode the rest of it character by character, then report it.  Returns
 * the input offset of the line's end. */
static size_t repair_line(dec *st, size_t bad, size_t from) {
    const char *in = st->in;
    size_t ls = bad;
    while (ls > 0 && !is_break((unsigned char)in[ls - 1])) ls--;
    size_t le = bad;
    while (le < st->n && !is_break((unsigned char)in[le])) le++;
    const char *o = st->out->data;
    size_t os = st->out->len;
    while (os > st->out_base && o[os - 1] != '\n') os--;
    uint32_t line = line_at(st, ls);

    size_t i = from;
    while (i < le && !st->nomem) step(st, &i);
    if (st->nomem) return le;

    cri_buf before = {0}, after = {0};
    escape_line(in + ls, le - ls, bad - ls, &before);
    /* the repaired line; C1 controls kept for mojibake.c shown as \xNN */
    escape_line(st->out->data + os, st->out->len - os, 0, &after);
    if (!before.data || !after.data ||
        cri_doc_add_repair(st->d, "invalid-utf8", before.data, before.len, after.data,
                           after.len, line))
        st->nomem = true;
    cri_buf_free(&before);
    cri_buf_free(&after);
    return le;
}

cr_status cri_text_decode(cr_ctx *ctx, cr_doc *d, const char *in, size_t len, cri_buf *out) {
    if (!in) { in = ""; len = 0; }
    dec st = {.ctx = ctx, .d = d, .in = in, .n = len, .out = out, .line_no = 1};
    if (cri_buf_reserve(out, len + 1)) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    st.out_base = out->len;
    size_t i = 0;
    if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) i = 3;
    size_t run = i;   /* start of the clean bytes not yet copied */
    while (i < len && !st.nomem) {
        i += clean_prefix(in + i, len - i);
        if (i >= len) break;
        unsigned char c = (unsigned char)in[i];
        if (c < 0x80) {
            if ((c >= 0x20 && c != 0x7F) || c == '\n') { i++; continue; }
        } else {
            int32_t cp;
            size_t k = cri_utf8_decode(in + i, len - i, &cp);
            if (k > 1 && (cp > 0x9F) && cp != 0x2028 && cp != 0x2029) { i += k; continue; }
        }
        emit(&st, in + run, i - run);
        if (st.nomem) break;
        size_t at = i;
        if (step(&st, &i)) i = repair_line(&st, at, i);
        run = i;
    }
    emit(&st, in + run, (i < len ? i : len) - run);
    if (!st.nomem && st.n_controls) {
        char msg[64];
        int k = snprintf(msg, sizeof msg, "removed %zu control character%s", st.n_controls,
                         st.n_controls == 1 ? "" : "s");
        if (cri_doc_add_repair(d, "control", st.control_seen, st.control_seen_len, msg,
                               (size_t)k, st.control_line))
            st.nomem = true;
    }
    if (st.nomem) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    return CR_OK;
}
