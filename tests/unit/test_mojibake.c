/*
 * test_mojibake.c — mojibake repair (mojibake.c) after byte decoding
 * (text.c): each kind of mojibake, double encoding, the stray "Â", clean
 * look-alikes left alone, the reports, and our collection
 * tests/data/mojibake/cases.tsv (>= 95% fixed, no clean case changed).
 */
#include "check.h"
#include "internal.h"

#include <stdlib.h>

static cr_ctx *ctx;
static cr_doc *last;
static char outbuf[1 << 16];

/* decode + mojibake + NFC, as clean.c runs them */
static const char *fix(const char *in) {
    cri_doc_free(last);
    last = calloc(1, sizeof *last);
    cri_buf b = {0};
    CHECK(cri_text_decode(ctx, last, in, strlen(in), &b) == CR_OK);
    CHECK(cri_mojibake_fix(ctx, last, &b) == CR_OK);
    CHECK(cri_nfc(ctx, &b) == CR_OK);
    snprintf(outbuf, sizeof outbuf, "%s", b.data ? b.data : "");
    cri_buf_free(&b);
    return outbuf;
}

static size_t n_kind(const char *kind) {
    size_t n = 0;
    for (size_t i = 0; i < last->n_repairs; i++)
        if (strcmp(last->repairs[i].kind, kind) == 0) n++;
    return n;
}

#define SAME(s) CHECK_STR(fix(s), s)

static void test_kinds(void) {
    /* apostrophes, quotes, dashes, ellipsis through cp1252 */
    CHECK_STR(fix("It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s"), "It\xE2\x80\x99s");     /* â€™ */
    CHECK_STR(fix("\xC3\xA2\xE2\x82\xAC\xC5\x93Hi\xC3\xA2\xE2\x82\xAC\xC2\x9D"),  /* â€œ â€\x9d */
              "\xE2\x80\x9CHi\xE2\x80\x9D");
    CHECK_STR(fix("Hi\xC3\xA2\xE2\x82\xAC said"), "Hi\xE2\x80\x9D said");          /* â€ (9D lost) */
    CHECK_STR(fix("a \xC3\xA2\xE2\x82\xAC\xE2\x80\x9D b"), "a \xE2\x80\x94 b");    /* â€” */
    CHECK_STR(fix("wait\xC3\xA2\xE2\x82\xAC\xC2\xA6"), "wait\xE2\x80\xA6");        /* â€¦ */
    /* accented letters */
    CHECK_STR(fix("caf\xC3\x83\xC2\xA9"), "caf\xC3\xA9");                          /* Ã© */
    CHECK_STR(fix("\xC3\x83\xE2\x80\xB0mile"), "\xC3\x89mile");                    /* Ã‰ */
    CHECK_STR(fix("Stra\xC3\x83\xC5\xB8" "e"), "Stra\xC3\x9F" "e");                /* ÃŸ */
    CHECK_STR(fix("Erdo\xC3\x84\xC5\xB8" "an"), "Erdo\xC4\x9F" "an");              /* ÄŸ */
    CHECK_STR(fix("Wroc\xC3\x85\xE2\x80\x9A" "aw"), "Wroc\xC5\x82" "aw");          /* Å‚ */
    /* currency */
    CHECK_STR(fix("\xC3\x82\xC2\xA3" "5"), "\xC2\xA3" "5");                        /* Â£ */
    CHECK_STR(fix("\xC3\xA2\xE2\x80\x9A\xC2\xAC" "5"), "\xE2\x82\xAC" "5");        /* â‚¬ */
    /* Latin-1 decoding keeps C1 controls */
    CHECK_STR(fix("don\xC3\xA2\xC2\x80\xC2\x99t"), "don\xE2\x80\x99t");
    /* emoji */
    CHECK_STR(fix("ok \xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC"), "ok \xF0\x9F\x98\x80"); /* ðŸ˜€ */
    /* Cyrillic */
    CHECK_STR(fix("\xC3\x90\xC5\xB8\xC3\x91\xE2\x82\xAC\xC3\x90\xC2\xB8"), "\xD0\x9F\xD1\x80\xD0\xB8");
    /* no-break space: "Â" + nbsp */
    CHECK_STR(fix("10\xC3\x82\xC2\xA0" "a.m."), "10\xC2\xA0" "a.m.");
    CHECK(n_kind("mojibake") == 1);
    /* a line with Latin-1 bytes and mojibake: both stages repair it */
    CHECK_STR(fix("\xE9t\xE9 caf\xC3\x83\xC2\xA9"), "\xC3\xA9t\xC3\xA9 caf\xC3\xA9");
    CHECK(n_kind("invalid-utf8") == 1 && n_kind("mojibake") == 1);
}

static void test_double(void) {
    CHECK_STR(fix("It\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA2\xE2\x80\x9E\xC2\xA2s"),
              "It\xE2\x80\x99s");                                     /* Ã¢â‚¬â„¢ */
    CHECK_STR(fix("caf\xC3\x83\xC6\x92\xC3\x82\xC2\xA9"), "caf\xC3\xA9"); /* ÃƒÂ© */
    CHECK(n_kind("mojibake") == 1);
    if (last->n_repairs) {
        CHECK_STR(last->repairs[0].before, "\xC3\x83\xC6\x92\xC3\x82\xC2\xA9");
        CHECK_STR(last->repairs[0].after, "\xC3\xA9");
        CHECK(last->repairs[0].line == 1);
    }
    CHECK_STR(fix("\xC3\x83\xE2\x80\x9A\xC3\x82\xC2\xA3" "5"), "\xC2\xA3" "5");  /* Ã‚Â£ */
}

static void test_stray(void) {
    /* seed 002: a line ends with "attacked.Â" */
    CHECK_STR(fix("were attacked.\xC3\x82\nNext"), "were attacked.\nNext");
    CHECK(n_kind("stray-a-circumflex") == 1);
    if (last->n_repairs) {
        CHECK_STR(last->repairs[0].before, "attacked.\xC3\x82");
        CHECK_STR(last->repairs[0].after, "attacked.");
    }
    CHECK_STR(fix("end.\xC3\x82"), "end.");
    CHECK_STR(fix("10\xC3\x82 a.m."), "10 a.m.");
    CHECK_STR(fix("Read more:\xC3\x82 Ukraine"), "Read more: Ukraine");
    /* a capital Â in a word or alone is a letter */
    SAME("ROM\xC3\x82NIA");
    SAME("A \xC3\x82 B");
    SAME("C\xC3\x82 ");
}

static void test_clean(void) {
    SAME("S\xC3\x83O PAULO (Reuters)");                    /* SÃO */
    SAME("A\xC3\x87\xC3\x95" "ES E ATEN\xC3\x87\xC3\x83O");  /* AÇÕES, ATENÇÃO */
    SAME("IRM\xC3\x83 DULCE");
    SAME("Le p\xC3\xA2t\xC3\xA9 et l'\xC3\xA2ge d'or");       /* pâté, âge */
    SAME("\xC2\xA3" "5 and \xE2\x82\xAC" "10");              /* £5 €10 */
    SAME("2\xC3\x97" "3 \xC3\xB7 \xC2\xB1" "1 \xE2\x89\xA4");  /* × ÷ ± ≤ */
    SAME("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1");        /* Αθήνα */
    SAME("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"); /* Москва */
    SAME("H\xC3\xA0 N\xE1\xBB\x99i");                        /* Hà Nội */
    SAME("KYLL\xC3\x84\xE2\x80\x9D, h\xC3\xA4n sanoi.");      /* KYLLÄ” */
    SAME("CAF\xC3\x89\xE2\x80\x9D, dit-il.");                 /* CAFÉ” */
    SAME("M\xC3\x94\xC5\xBD" "E BY\xC5\xA4");                 /* MÔŽE */
    SAME("\xE2\x80\x9EGru\xC3\x9F\xE2\x80\x9C");              /* „Gruß“ */
    SAME("\xC3\x83 and \xC3\x95 are letters");
    SAME("IR\xC3\x83\xE2\x80\x9D");                           /* IRÃ” alone: ambiguous */
    SAME("\xC2\xBD\xC3\x83O");
    CHECK(last->n_repairs == 0);
}

static void test_evidence(void) {
    /* an ambiguous unit is repaired when the document has clear mojibake */
    CHECK_STR(fix("CAF\xC3\x83\xE2\x80\x9D and caf\xC3\x83\xC2\xA9"),
              "CAF\xC3\x94 and caf\xC3\xA9");
}

static void test_spaces(void) {
    /* a no-break space turned into a space: "Ã  " is "à " */
    CHECK_STR(fix("voil\xC3\x83  tout"), "voil\xC3\xA0 tout");
    CHECK_STR(fix("d\xC3\x83\xC2\xA9j\xC3\x83  vu"), "d\xC3\xA9j\xC3\xA0 vu");
    /* whitespace collapsed: the space stays the word break... */
    CHECK_STR(fix("d\xC3\x83\xC2\xA9part \xC3\x83 10 h"), "d\xC3\xA9part \xC3\xA0 10 h");
    /* ...except in Portuguese contractions (às, àquele) */
    CHECK_STR(fix("n\xC3\x83\xC2\xA3o foi \xC3\x83 s compras"), "n\xC3\xA3o foi \xC3\xA0s compras");
    /* Cyrillic "Р" is D0 A0: "Ð " inside a word */
    CHECK_STR(fix("\xC3\x90\xC5\xB8\xC3\x90 \xC3\x90\xC5\xBE\xC3\x90\xE2\x80\x9C"),
              "\xD0\x9F\xD0\xA0\xD0\x9E\xD0\x93");   /* ПРОГ */
    /* clean: a word ending in an accented letter, a space, a quote */
    SAME("Vl\xC3\xA1" "da schv\xC3\xA1lila \xE2\x80\x9E" "bal\xC3\xAD\xC4\x8D" "ek\xE2\x80\x9C");
    SAME("model\xC3\x87 ailesi");
    SAME("IRM\xC3\x83  e M\xC3\x83" "E");
    SAME("KYLL\xC3\x84  h\xC3\xA4n");
    /* a capital ending a word before a no-break space */
    SAME("IRM\xC3\x83\xC2\xA0" "e M\xC3\x83" "E");
    SAME("ROM\xC3\x82\xC2\xA0" "NIA");
}

static void test_lost_bytes(void) {
    /* bytes cp1252 leaves undefined, dropped or turned into U+FFFD */
    CHECK_STR(fix("x\xC3\xA2\xE2\x82\xAC\xEF\xBF\xBD y"), "x\xE2\x80\x9D y");
    CHECK_STR(fix("I \xC3\xA2\xC2\xA4\xC3\xAF\xC2\xB8 it"), "I \xE2\x9D\xA4\xEF\xB8\x8F it");
    /* triple encoding */
    CHECK_STR(fix("doesn\xC3\x83\xC6\x92\xC3\x82\xC2\xA2\xC3\x83\xC2\xA2\xC3\xA2\xE2\x82\xAC\xC5\xA1\xC3\x82\xC2\xAC\xC3\x83\xC2\xA2\xC3\xA2\xE2\x82\xAC\xC5\xBE\xC3\x82\xC2\xA2" "t"), "doesn\xE2\x80\x99t");
}

static void test_cp1251_punct(void) {
    /* UTF-8 punctuation read as Windows-1251: "вЂ™" is ’ */
    CHECK_STR(fix("It\xD0\xB2\xD0\x82\xE2\x84\xA2s \xD0\xB2\xE2\x80\x9A\xC2\xAC" "5"),
              "It\xE2\x80\x99s \xE2\x82\xAC" "5");
    CHECK(n_kind("mojibake") == 2);
    /* Russian and Serbian text with в, Ђ, „ stays */
    SAME("\xD0\x92 \xD0\xBC\xD0\xB5\xD1\x81\xD1\x82\xD0\xB5 \xE2\x80\x9E\xD0\xB2\xE2\x80\x9C");
    SAME("\xD0\xB2 \xD0\x82\xD1\x83\xD1\x80\xD0\xB0");
}

static void test_c1_sweep(void) {
    /* a C1 control kept by text.c but not part of any repair is removed */
    const char *o = fix("\xC3\xA2\xC3\x83  \xC2\x9E" "x");
    CHECK(strstr(o, "\xC2\x9E") == NULL);
    CHECK(n_kind("control") >= 1);
}

static void test_collection(void) {
    FILE *f = fopen("tests/data/mojibake/cases.tsv", "rb");
    CHECK(f != NULL);
    if (!f) return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int n_bad = 0, n_fixed = 0, n_clean = 0, n_clean_changed = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        if (got && line[got - 1] == '\n') line[--got] = '\0';
        if (!got || line[0] == '#') continue;
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = '\0';
        const char *in = line, *want = tab + 1;
        const char *out = fix(in);
        if (strcmp(in, want) == 0) {
            n_clean++;
            if (strcmp(out, want) != 0) {
                n_clean_changed++;
                fprintf(stderr, "clean changed: %s -> %s\n", in, out);
            }
        } else {
            n_bad++;
            if (strcmp(out, want) == 0) n_fixed++;
            else fprintf(stderr, "not fixed: %s -> %s\n", in, out);
        }
    }
    free(line);
    fclose(f);
    printf("collection: %d/%d mojibake fixed, %d/%d clean changed\n", n_fixed, n_bad,
           n_clean_changed, n_clean);
    CHECK(n_bad >= 150 && n_clean >= 60);
    CHECK(n_fixed * 100 >= n_bad * 95);
    CHECK(n_clean_changed == 0);
}

static void test_fast_path(void) {
    /* no 0xC3 byte: the buffer is not touched */
    cri_buf b = {0};
    cri_buf_puts(&b, "plain \xE2\x80\x99 text \xC2\xA0 here");
    char *p = b.data;
    cr_doc *d = calloc(1, sizeof *d);
    CHECK(cri_mojibake_fix(ctx, d, &b) == CR_OK && b.data == p && d->n_repairs == 0);
    cri_buf_free(&b);
    cri_doc_free(d);
}

int main(void) {
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 1;
    test_kinds();
    test_double();
    test_stray();
    test_clean();
    test_evidence();
    test_fast_path();
    test_spaces();
    test_lost_bytes();
    test_cp1251_punct();
    test_c1_sweep();
    test_collection();
    cri_doc_free(last);
    cr_ctx_free(ctx);
    return CHECK_REPORT();
}
