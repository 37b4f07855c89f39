/*
 * test_text.c — bytes to text (text.c), NFC and folding (normalize.c), and the
 * UTF-8 / character-class helpers other modules use.
 */
#include "check.h"
#include "internal.h"

#include <stdlib.h>

static cr_ctx *ctx;

/* Decode `in` into a fresh document; returns the text (static buffer). */
static char outbuf[1 << 16];
static cr_doc *last;
static const char *decode(const char *in, size_t len) {
    cri_doc_free(last);
    last = calloc(1, sizeof *last);
    cri_buf b = {0};
    cr_status s = cri_text_decode(ctx, last, in, len, &b);
    CHECK(s == CR_OK);
    CHECK(b.data != NULL);
    size_t n = b.len < sizeof outbuf - 1 ? b.len : sizeof outbuf - 1;
    memcpy(outbuf, b.data ? b.data : "", n);
    outbuf[n] = '\0';
    cri_buf_free(&b);
    return outbuf;
}
#define DEC(lit) decode(lit, sizeof(lit) - 1)

static const cri_repair *find_repair(const char *kind) {
    for (size_t i = 0; i < last->n_repairs; i++)
        if (strcmp(last->repairs[i].kind, kind) == 0) return &last->repairs[i];
    return NULL;
}
static size_t count_repairs(const char *kind) {
    size_t n = 0;
    for (size_t i = 0; i < last->n_repairs; i++)
        if (strcmp(last->repairs[i].kind, kind) == 0) n++;
    return n;
}

static const char *nfc(const char *in) {
    cri_buf b = {0};
    cri_buf_puts(&b, in);
    char *before = b.data;
    CHECK(cri_nfc(ctx, &b) == CR_OK);
    snprintf(outbuf, sizeof outbuf, "%s", b.data);
    (void)before;
    cri_buf_free(&b);
    return outbuf;
}

static const char *fold(const char *in) {
    cri_buf b = {0};
    CHECK(cri_fold(in, strlen(in), &b) == 0);
    snprintf(outbuf, sizeof outbuf, "%s", b.data ? b.data : "");
    cri_buf_free(&b);
    return outbuf;
}

static void test_decode_basic(void) {
    CHECK_STR(DEC("plain ascii\nline two\n"), "plain ascii\nline two\n");
    CHECK(last->n_repairs == 0);
    CHECK_STR(DEC(""), "");
    CHECK_STR(decode(NULL, 0), "");
    /* BOM stripped, only at the start */
    CHECK_STR(DEC("\xEF\xBB\xBFHello"), "Hello");
    CHECK(last->n_repairs == 0);
    /* CRLF and lone CR */
    CHECK_STR(DEC("a\r\nb\rc\r\n\r\nd"), "a\nb\nc\n\nd");
    /* form feed, U+2028, U+2029 to LF; tab to space */
    CHECK_STR(DEC("a\fb\xE2\x80\xA8" "c\xE2\x80\xA9" "d\te"), "a\nb\nc\nd e");
    /* valid UTF-8 is kept byte for byte */
    CHECK_STR(DEC("caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80 \xE4\xB8\xAD"),
              "caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80 \xE4\xB8\xAD");
    CHECK(last->n_repairs == 0);
}

static void test_decode_controls(void) {
    CHECK_STR(DEC("a\0b\x01" "c\x7F" "d\x1B" "e\n"), "abcde\n");
    const cri_repair *r = find_repair("control");
    CHECK(r != NULL);
    CHECK(count_repairs("control") == 1);
    if (r) {
        CHECK_STR(r->after, "removed 4 control characters");
        CHECK(strstr(r->before, "\\x00") != NULL);
        CHECK(r->line == 1);
    }
    /* C1 controls (as UTF-8) are removed */
    CHECK_STR(DEC("x\xC2\x85y\xC2\x9Fz"), "xyz");
    r = find_repair("control");
    CHECK(r && strcmp(r->after, "removed 2 control characters") == 0);
    /* line of the first control */
    DEC("one\ntwo\nth\x02ree");
    r = find_repair("control");
    CHECK(r && r->line == 3 && strcmp(r->after, "removed 1 control character") == 0);
}

static void test_decode_invalid(void) {
    /* Latin-1 / cp1252 bytes, reported per line */
    CHECK_STR(DEC("caf\xE9 ok\nfine\n\x93quoted\x94 \x80" "5\n"),
              "caf\xC3\xA9 ok\nfine\n\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC" "5\n");
    CHECK(count_repairs("invalid-utf8") == 2);
    if (last->n_repairs >= 2) {
        const cri_repair *r = &last->repairs[0];
        CHECK_STR(r->kind, "invalid-utf8");
        CHECK_STR(r->before, "caf\\xE9 ok");
        CHECK_STR(r->after, "caf\xC3\xA9 ok");
        CHECK(r->line == 1);
        r = &last->repairs[1];
        CHECK_STR(r->before, "\\x93quoted\\x94 \\x805");
        CHECK(r->line == 3);
    }
    /* valid sequences on a bad line stay UTF-8 */
    CHECK_STR(DEC("\xC3\xA9t\xE9"), "\xC3\xA9t\xC3\xA9");
    /* overlong, surrogate, > U+10FFFF, truncated: each byte read as cp1252 */
    CHECK_STR(DEC("a\xC0\xAF" "b"), "a\xC3\x80\xC2\xAF" "b");
    CHECK_STR(DEC("\xED\xA0\x80"), "\xC3\xAD\xC2\xA0\xE2\x82\xAC");
    /* 0x90 is undefined in cp1252: a C1 kept after a possible UTF-8 lead
     * for mojibake.c to judge */
    CHECK_STR(DEC("\xF4\x90\x80\x80"), "\xC3\xB4\xC2\x90\xE2\x82\xAC\xE2\x82\xAC");
    CHECK_STR(DEC("end\xE2\x80"), "end\xC3\xA2\xE2\x82\xAC");
    CHECK(count_repairs("invalid-utf8") == 1);
    /* CR-only line ends count lines too */
    DEC("a\rb\r\xFF");
    CHECK(last->n_repairs >= 1 && last->repairs[0].line == 3);
    /* undefined cp1252 byte 0x81 alone: Latin-1 C1, removed */
    CHECK_STR(DEC("x\x81y"), "xy");
    /* a long bad line is reported bounded */
    char big[5000];
    memset(big, 'a', sizeof big);
    big[4000] = '\xE9';
    const char *o = decode(big, sizeof big);
    CHECK(strlen(o) == sizeof big + 1);
    CHECK(last->n_repairs == 1 && strlen(last->repairs[0].before) < 400);
}

static void test_decode_fast_path_edges(void) {
    /* specials at every offset of an 8-byte word */
    for (int k = 0; k < 17; k++) {
        char in[40], want[40];
        memset(in, 'x', sizeof in);
        memcpy(want, in, sizeof want);
        in[k] = '\t';
        want[k] = ' ';
        in[39] = want[39] = '\0';
        CHECK_STR(decode(in, 39), want);
        in[k] = '\0';
        const char *o = decode(in, 39);
        CHECK(strlen(o) == 38);
        in[k] = '\n';
        CHECK_STR(decode(in, 39), in);
    }
}

static void test_nfc(void) {
    CHECK_STR(nfc("cafe\xCC\x81"), "caf\xC3\xA9");          /* e + combining acute */
    CHECK_STR(nfc("A\xCC\x8A" "ngstr\xC3\xB6m"), "\xC3\x85ngstr\xC3\xB6m");
    CHECK_STR(nfc("plain ascii"), "plain ascii");
    CHECK_STR(nfc("\xE2\x80\x9Cquoted\xE2\x80\x9D"), "\xE2\x80\x9Cquoted\xE2\x80\x9D");
    /* Hangul jamo compose */
    CHECK_STR(nfc("\xE1\x84\x80\xE1\x85\xA1"), "\xEA\xB0\x80");
    /* already NFC: the same bytes */
    CHECK_STR(nfc("\xC3\xA9t\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87"), "\xC3\xA9t\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87");
    /* ASCII text keeps its buffer */
    cri_buf b = {0};
    cri_buf_puts(&b, "only ascii here");
    char *p = b.data;
    CHECK(cri_nfc(ctx, &b) == CR_OK && b.data == p);
    cri_buf_free(&b);
}

static void test_fold(void) {
    CHECK_STR(fold("Hello"), "hello");
    CHECK_STR(fold("U.S."), "u.s.");
    CHECK_STR(fold("Putin\xE2\x80\x99s"), "putin's");               /* ’ */
    CHECK_STR(fold("Putin\xCA\xBCs"), "putin's");                    /* ʼ */
    CHECK_STR(fold("\xE2\x80\x98x\xE2\x80\x9B"), "'x'");
    CHECK_STR(fold("`x\xE2\x80\xB2"), "'x'");                       /* ` and prime */
    CHECK_STR(fold("\xE2\x80\x9Fx\xE2\x80\xB3"), "\"x\"");           /* ‟ and double prime */
    CHECK_STR(fold("a\xE2\x80\x91" "b\xE2\x80\x92" "c\xE2\x80\x95" "d"), "a-b-c-d");
    CHECK_STR(fold("a\xE2\x80\x83" "b\xE3\x80\x80" "c"), "a b c");    /* em space, ideographic */
    CHECK_STR(fold("caf\xC3\xA9"), "caf\xC3\xA9");                   /* accents kept */
    CHECK_STR(fold("\xE2\x80\x8B"), "");                              /* only a ZWSP */
    CHECK_STR(fold("bad\xFF" "X"), "bad\xFF" "x");                      /* invalid: best effort */
    CHECK_STR(fold("\xE2\x80\x9Cx\xE2\x80\x9D\xE2\x80\x9E\xC2\xAB\xC2\xBB"), "\"x\"\"\"\"");
    CHECK_STR(fold("a\xE2\x80\x93" "b\xE2\x80\x94" "c\xE2\x88\x92" "d\xE2\x80\x90" "e"), "a-b-c-d-e");
    CHECK_STR(fold("a\xC2\xA0" "b\xE2\x80\xAF" "c"), "a b c");       /* nbsp, narrow nbsp */
    CHECK_STR(fold("a\xE2\x80\x8B" "b\xC2\xAD" "c\xEF\xBB\xBF" "d\xE2\x81\xA0" "e"), "abcde");
    CHECK_STR(fold("\xEF\xAC\x81nance"), "finance");                /* ﬁ ligature */
    CHECK_STR(fold("\xC4\xB0stanbul"), "istanbul");                 /* İ */
    CHECK_STR(fold("Diyarbak\xC4\xB1r"), "diyarbakir");             /* ı */
    CHECK_STR(fold("Stra\xC3\x9F" "e"), "strasse");                 /* ß */
    CHECK_STR(fold("\xC3\x89LYS\xC3\x89" "E"), "\xC3\xA9lys\xC3\xA9" "e");
    CHECK_STR(fold("E\xCC\x81"), "\xC3\xA9");                        /* decomposed */
    CHECK_STR(fold("\xEF\xBC\xA1\xEF\xBC\xA2"), "ab");              /* fullwidth */
    CHECK_STR(fold("\xCE\xA3\xCE\x91"), "\xCF\x83\xCE\xB1");         /* ΣΑ -> σα */
    CHECK_STR(fold("\xD0\x9C\xD0\x9E\xD0\xA1"), "\xD0\xBC\xD0\xBE\xD1\x81");  /* МОС */
    /* appends, never clobbers */
    cri_buf b = {0};
    cri_buf_puts(&b, "X|");
    CHECK(cri_fold("AB", 2, &b) == 0 && cri_fold("\xC3\x89", 2, &b) == 0);
    CHECK_STR(b.data, "X|ab\xC3\xA9");
    cri_buf_free(&b);
}

static void test_helpers(void) {
    int32_t cp;
    CHECK(cri_utf8_decode("A", 1, &cp) == 1 && cp == 'A');
    CHECK(cri_utf8_decode("\xC3\xA9", 2, &cp) == 2 && cp == 0xE9);
    CHECK(cri_utf8_decode("\xE2\x80\x99", 3, &cp) == 3 && cp == 0x2019);
    CHECK(cri_utf8_decode("\xF0\x9F\x98\x80", 4, &cp) == 4 && cp == 0x1F600);
    CHECK(cri_utf8_decode("\xC0\xAF", 2, &cp) == 1 && cp == 0xFFFD);      /* overlong */
    CHECK(cri_utf8_decode("\xED\xA0\x80", 3, &cp) == 1 && cp == 0xFFFD);  /* surrogate */
    CHECK(cri_utf8_decode("\xF4\x90\x80\x80", 4, &cp) == 1);              /* > 10FFFF */
    CHECK(cri_utf8_decode("\xE2\x80", 2, &cp) == 1);                      /* truncated */
    CHECK(cri_utf8_valid("caf\xC3\xA9 ok", 8));
    CHECK(!cri_utf8_valid("caf\xE9", 4));
    CHECK(!cri_utf8_valid("12345678\xE0\x80\x80", 11));
    char b[4];
    CHECK(cri_utf8_encode(0x20AC, b) == 3 && memcmp(b, "\xE2\x82\xAC", 3) == 0);
    CHECK(cri_utf8_encode(0xD800, b) == 0);
    CHECK(cri_is_letter('a') && cri_is_letter(0xE9) && cri_is_letter(0x4E2D) && !cri_is_letter('1'));
    CHECK(cri_is_upper(0xC9) && !cri_is_upper(0xE9) && cri_is_lower(0xE9));
    CHECK(cri_is_digit('7') && cri_is_digit(0x0663) && !cri_is_digit('x'));
    CHECK(cri_is_space(0xA0) && cri_is_space(' ') && !cri_is_space('x'));
    CHECK(cri_is_punct(0x2019) && cri_is_punct('.') && !cri_is_punct('a'));
    CHECK(cri_is_symbol(0x20AC) && cri_is_mark(0x301));
    CHECK(cri_to_lower(0xC9) == 0xE9 && cri_to_upper('a') == 'A');
    CHECK(cri_cp1252_byte(0x2019) == 0x92 && cri_cp1252_byte(0xE9) == 0xE9 &&
          cri_cp1252_byte(0x4E2D) == -1);
}

int main(void) {
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 1;
    test_decode_basic();
    test_decode_controls();
    test_decode_invalid();
    test_decode_fast_path_edges();
    test_nfc();
    test_fold();
    test_helpers();
    cri_doc_free(last);
    cr_ctx_free(ctx);
    return CHECK_REPORT();
}
