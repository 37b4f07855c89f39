/*
 * test_tokenize.c — tokens, folded keys, stems, flags, stopwords and the
 * language guess.
 */
#include "check.h"
#include "internal.h"

#include <libstemmer.h>
#include <stdlib.h>

static cr_ctx *ctx;

static cr_doc *run(const char *text, const char *lang) {
    cr_doc *d = calloc(1, sizeof *d);
    d->body = cri_arena_strdup(&d->arena, text);
    d->body_len = (uint32_t)strlen(text);
    if (lang) d->language = cri_arena_strdup(&d->arena, lang);
    CHECK(cri_segment(ctx, d) == CR_OK);
    CHECK(cri_tokenize(ctx, d) == CR_OK);
    return d;
}

/* Space-joined tokens as written ("text"), keys ("key") or stems ("stem"). */
static char *joined(const cr_doc *d, const char *what) {
    cri_buf b = {0};
    for (size_t i = 0; i < d->n_toks; i++) {
        const cri_token *t = &d->toks[i];
        if (i) cri_buf_putc(&b, ' ');
        if (what[0] == 't') cri_buf_append(&b, d->body + t->start, t->end - t->start);
        else if (what[0] == 'k') cri_buf_puts(&b, cri_tok_key(d, t));
        else cri_buf_puts(&b, cri_tok_stem(d, t));
    }
    if (!b.data) cri_buf_puts(&b, "");
    return cri_buf_detach(&b);
}

#define EXPECT(text, lang, what, want)                 \
    do {                                               \
        cr_doc *d_ = run(text, lang);                  \
        char *got_ = joined(d_, what);                 \
        CHECK_STR(got_, want);                         \
        free(got_);                                    \
        cri_doc_free(d_);                              \
    } while (0)

static const cri_token *find(const cr_doc *d, const char *text) {
    size_t n = strlen(text);
    for (size_t i = 0; i < d->n_toks; i++)
        if (d->toks[i].end - d->toks[i].start == n && memcmp(d->body + d->toks[i].start, text, n) == 0)
            return &d->toks[i];
    return NULL;
}

static void boundaries(void) {
    EXPECT("Shin Won-sik met the children's choir.", "en", "t",
           "Shin Won-sik met the children's choir .");
    EXPECT("It cost $1.5 billion, or 74,000 won; 74 000 people.", "en", "t",
           "It cost $ 1.5 billion , or 74,000 won ; 74 000 people .");
    EXPECT("At 10:30 a.m. on 9/11 the U.S. Army left.", "en", "t",
           "At 10:30 a.m. on 9/11 the U.S. Army left .");
    EXPECT("Write to LiveNews@newsweek.com or see https://example.com/a?b=1.", "en", "t",
           "Write to LiveNews@newsweek.com or see https://example.com/a?b=1 .");
    EXPECT("He said \"no\"... (really) -- 33-year-old", "en", "t",
           "He said \" no \" ... ( really ) -- 33-year-old");
    EXPECT("The students' books; O'Brien's rock’n’roll don’t", "en", "t",
           "The students ' books ; O'Brien's rock’n’roll don’t");
    EXPECT("Zürich naïve café Ñandú", NULL, "t", "Zürich naïve café Ñandú");
    EXPECT("北朝鲜代表团", "zh", "t", "北 朝 鲜 代 表 团");
    EXPECT("Москва, 9 июля", "ru", "t", "Москва , 9 июля");
    EXPECT("COVID-19 vaccines", "en", "t", "COVID-19 vaccines");
    EXPECT("example.com reported", "en", "t", "example.com reported");
}

static void keys_and_stems(void) {
    EXPECT("The Children's Running DON’T “Quoted” Treaties", "en", "k",
           "the children's running don't \" quoted \" treaties");
    EXPECT("The children's running treaties were signed quickly", "en", "s",
           "the children run treati were sign quick");
    /* stopwords carry Snowball's stems */
    EXPECT("Because having only very", "en", "s", "becaus have onli veri");
    /* non-English documents: stem = key */
    EXPECT("Les présidents signaient les traités", "fr", "s", "les présidents signaient les traités");
    /* numbers and punctuation are their own stems */
    EXPECT("In 2024, 1.6 million", "en", "s", "in 2024 , 1.6 million");
}

static void flags(void) {
    cr_doc *d = run("The NATO chief met Kim in Seoul.\n\nhe and the U.S. said no.", "en");
    const cri_token *t;
    CHECK((t = find(d, "The")) && (t->flags & CRI_TOK_STOP) && (t->flags & CRI_TOK_CAP) &&
          (t->flags & CRI_TOK_SSTART) && (t->flags & CRI_TOK_WORD));
    CHECK((t = find(d, "NATO")) && (t->flags & CRI_TOK_ALLCAP) && (t->flags & CRI_TOK_CAP) &&
          !(t->flags & CRI_TOK_SSTART) && !(t->flags & CRI_TOK_STOP));
    CHECK((t = find(d, "Kim")) && (t->flags & CRI_TOK_CAP) && !(t->flags & CRI_TOK_ALLCAP));
    CHECK((t = find(d, "he")) && (t->flags & CRI_TOK_SSTART) && !(t->flags & CRI_TOK_CAP) &&
          t->sent == 1);
    CHECK((t = find(d, ".")) && (t->flags & CRI_TOK_PUNCT) && !(t->flags & CRI_TOK_WORD));
    CHECK((t = find(d, "U.S.")) && (t->flags & CRI_TOK_ALLCAP));
    CHECK(d->n_sents == 2);
    if (d->n_sents == 2) {
        CHECK(d->sents[0].tok_first == 0 && d->sents[0].tok_end == d->sents[1].tok_first);
        CHECK(d->sents[1].tok_end == d->n_toks);
    }
    cri_doc_free(d);
    d = run("In 2024 the 1.6 figure", "en");
    CHECK((t = find(d, "2024")) && (t->flags & CRI_TOK_NUM) && !(t->flags & CRI_TOK_WORD));
    CHECK((t = find(d, "In")) && (t->flags & CRI_TOK_SSTART));
    cri_doc_free(d);
    d = run("\"Quote first,\" he said.", "en");
    CHECK((t = find(d, "Quote")) && (t->flags & CRI_TOK_SSTART));
    CHECK(d->n_toks > 0 && !(d->toks[0].flags & CRI_TOK_SSTART));
    cri_doc_free(d);
}

static void limits(void) {
    char big[3000];
    for (size_t i = 0; i < sizeof big - 1; i++) big[i] = 'x';
    big[sizeof big - 1] = 0;
    cr_doc *d = run(big, "en");
    bool ok = d->n_toks >= (sizeof big - 1) / CR_MAX_TOKEN;
    for (size_t i = 0; i < d->n_toks; i++) ok = ok && d->toks[i].end - d->toks[i].start <= CR_MAX_TOKEN;
    CHECK(ok);
    cri_doc_free(d);
    /* offsets cover the text exactly, keys are NUL-terminated */
    d = run("Kim  met\tPutin — twice.", "en");
    CHECK(d->n_toks == 6);
    for (size_t i = 0; i < d->n_toks; i++)
        CHECK(strlen(cri_tok_key(d, &d->toks[i])) == d->toks[i].key_len &&
              strlen(cri_tok_stem(d, &d->toks[i])) == d->toks[i].stem_len);
    cri_doc_free(d);
}

static void stopword_table(void) {
    struct sb_stemmer *st = sb_stemmer_new("english", "UTF_8");
    int n = 0;
    bool ok = true;
    for (int i = 0; cri_stopword_word(i); i++, n++) {
        const char *w = cri_stopword_word(i);
        if (cri_stopword_id(w, strlen(w)) != i) ok = false;
        size_t sl;
        const char *s = cri_stopword_stem(i, &sl);
        const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)w, (int)strlen(w));
        if ((size_t)sb_stemmer_length(st) != sl || memcmp(r, s, sl) != 0) {
            fprintf(stderr, "stem of %s: %s vs %.*s\n", w, s, sb_stemmer_length(st), (const char *)r);
            ok = false;
        }
    }
    /* tokenize.c skips the stemmer for words ending in a b f h j k o p q u v
     * w x z: Snowball leaves them alone */
    static const char *const keep[] = {"korea", "russia", "month", "research", "week", "talk",
                                       "trip", "workshop", "show", "law", "tax", "jazz", "iraq",
                                       "menu", "stab", "chief", "photo", "studio", "kiev", "taj"};
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
        const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)keep[i], (int)strlen(keep[i]));
        if ((size_t)sb_stemmer_length(st) != strlen(keep[i]) || memcmp(r, keep[i], strlen(keep[i])) != 0) {
            fprintf(stderr, "Snowball changes %s\n", keep[i]);
            ok = false;
        }
    }
    sb_stemmer_delete(st);
    CHECK(ok);
    CHECK(n == 179);
    CHECK(cri_is_stopword("the", 3) && cri_is_stopword("wouldn't", 8) && cri_is_stopword("a", 1));
    CHECK(!cri_is_stopword("putin", 5) && !cri_is_stopword("th", 2) && !cri_is_stopword("thee", 4) &&
          !cri_is_stopword("", 0) && !cri_is_stopword("The", 3));
}

static void stem_cache(void) {
    size_t l1, l2;
    char a[32], b[32];
    const char *s = cri_stem(ctx, "negotiations", 12, &l1);
    memcpy(a, s, l1);
    s = cri_stem(ctx, "negotiations", 12, &l2);
    memcpy(b, s, l2);
    CHECK(l1 == l2 && memcmp(a, b, l1) == 0 && l1 == 6 && memcmp(a, "negoti", 6) == 0);

    /* stems handed out stay valid for the next calls, whatever the cache
     * does meanwhile (features.c keeps a title's stems before copying) */
    cr_ctx *c2;
    CHECK(cr_ctx_new(NULL, &c2) == CR_OK);
    char w[32];
    size_t sl;
    for (int i = 0; i < 2040; i++) {
        snprintf(w, sizeof w, "walking%dings", i);
        cri_stem(c2, w, strlen(w), &sl);
    }
    const char *kept[10];
    size_t kept_len[10];
    static const char *const words[10] = {"running", "treaties", "talks", "signed", "missiles",
                                          "attacked", "leaders", "quickly", "hospitals", "visited"};
    for (int i = 0; i < 10; i++) kept[i] = cri_stem(c2, words[i], strlen(words[i]), &kept_len[i]);
    for (int i = 0; i < 40; i++) {   /* new words: cache inserts */
        snprintf(w, sizeof w, "jumping%dness", i);
        cri_stem(c2, w, strlen(w), &sl);
    }
    CHECK(kept_len[0] == 3 && memcmp(kept[0], "run", 3) == 0);
    CHECK(kept_len[1] == 6 && memcmp(kept[1], "treati", 6) == 0);
    CHECK(kept_len[9] == 5 && memcmp(kept[9], "visit", 5) == 0);
    cr_ctx_free(c2);
}

static void language(void) {
    const char *en = "North Korea sent a delegation of military trainers to Russia, the first "
                     "exchange since the two countries signed a treaty in June.";
    CHECK_STR(cri_language_guess(en, strlen(en)), "en");
    const char *fr = "La délégation nord-coréenne est arrivée à Moscou pour une visite de trois jours, "
                     "selon les médias d'État, qui n'ont pas donné de détails sur le programme.";
    CHECK_STR(cri_language_guess(fr, strlen(fr)), "fr");
    const char *de = "Die nordkoreanische Delegation ist nach Moskau gereist, wie die staatlichen Medien "
                     "berichteten, und wird dort mit dem Verteidigungsminister sprechen.";
    CHECK_STR(cri_language_guess(de, strlen(de)), "de");
    const char *es = "La delegación norcoreana llegó a Moscú para una visita de tres días, según los "
                     "medios estatales, que no dieron detalles sobre el programa.";
    CHECK_STR(cri_language_guess(es, strlen(es)), "es");
    const char *it = "La delegazione nordcoreana è arrivata a Mosca per una visita di tre giorni, secondo "
                     "i media statali, che non hanno fornito dettagli sul programma della visita.";
    CHECK_STR(cri_language_guess(it, strlen(it)), "it");
    const char *pt = "A delegação norte-coreana chegou a Moscou para uma visita de três dias, segundo a "
                     "mídia estatal, que não deu detalhes sobre o programa da visita.";
    CHECK_STR(cri_language_guess(pt, strlen(pt)), "pt");
    const char *nl = "De Noord-Koreaanse delegatie is in Moskou aangekomen voor een bezoek van drie dagen, "
                     "volgens de staatsmedia, die geen details over het programma gaven.";
    CHECK_STR(cri_language_guess(nl, strlen(nl)), "nl");
    const char *ru = "Делегация Северной Кореи прибыла в Москву для трёхдневного визита, сообщили "
                     "государственные СМИ.";
    CHECK_STR(cri_language_guess(ru, strlen(ru)), "ru");
    const char *uk = "Делегація Північної Кореї прибула до Москви з триденним візитом, повідомили "
                     "державні ЗМІ.";
    CHECK_STR(cri_language_guess(uk, strlen(uk)), "uk");
    const char *zh = "朝鲜军事代表团抵达莫斯科，进行为期三天的访问，这是两国签署条约后的首次军事交流。";
    CHECK_STR(cri_language_guess(zh, strlen(zh)), "zh");
    const char *ja = "北朝鮮の軍事代表団がモスクワに到着し、三日間の訪問を始めた。条約の署名後、初めての交流となる。";
    CHECK_STR(cri_language_guess(ja, strlen(ja)), "ja");
    const char *ko = "북한 군사 대표단이 사흘간의 방문을 위해 모스크바에 도착했다고 국영 매체가 보도했다.";
    CHECK_STR(cri_language_guess(ko, strlen(ko)), "ko");
    const char *ar = "وصل وفد عسكري من كوريا الشمالية إلى موسكو في زيارة تستمر ثلاثة أيام، بحسب وسائل الإعلام الرسمية.";
    CHECK_STR(cri_language_guess(ar, strlen(ar)), "ar");
    CHECK(cri_language_guess("Putin", 5) == NULL);
    CHECK(cri_language_guess("", 0) == NULL);

    /* the tokenizer fills d->language and keeps one it was given */
    cr_doc *d = run(fr, NULL);
    CHECK_STR(d->language, "fr");
    const cri_token *t = find(d, "arrivée");
    CHECK(t && strcmp(cri_tok_stem(d, t), "arrivée") == 0);
    cri_doc_free(d);
    d = run("Short text.", "en-US");
    CHECK_STR(d->language, "en-US");
    cri_doc_free(d);
}

int main(void) {
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 1;
    boundaries();
    keys_and_stems();
    flags();
    limits();
    stopword_table();
    stem_cache();
    language();
    cr_ctx_free(ctx);
    return CHECK_REPORT();
}
