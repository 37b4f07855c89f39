/*
 * test_core.c — the shared machinery: buffers, arena, string map, hashing,
 * the JSON writer, the input edge (formats, ids, errors) and publication
 * time parsing.
 */
#include "check.h"
#include "internal.h"

#include <math.h>
#include <stdlib.h>

static int to_buf(void *u, const char *d, size_t n) { return cri_buf_append(u, d, n); }

static void test_buf_and_arena(void) {
    cri_buf b = {0};
    CHECK(cri_buf_puts(&b, "abc") == 0);
    CHECK(cri_buf_printf(&b, "-%d-", 42) == 0);
    CHECK_STR(b.data, "abc-42-");
    for (int i = 0; i < 10000; i++) cri_buf_putc(&b, 'x');
    CHECK(b.len == 7 + 10000);
    cri_buf_free(&b);
    cri_arena a = {0};
    char *s = cri_arena_strndup(&a, "hello world", 5);
    CHECK_STR(s, "hello");
    bool aligned = true;
    for (int i = 0; i < 5000; i++) aligned &= ((uintptr_t)cri_arena_alloc(&a, (size_t)i % 300 + 1) & 15) == 0;
    CHECK(aligned);
    CHECK(cri_arena_strdup(&a, NULL) == NULL);
    cri_arena_free(&a);
}

static void test_strmap_and_hash(void) {
    cri_strmap m;
    CHECK(cri_strmap_init(&m, 4, 1) == 0);
    char key[32];
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i);
        bool fresh;
        int64_t *v = cri_strmap_upsert(&m, key, (size_t)n, i, &fresh);
        if (!v || !fresh) { CHECK(0); break; }
    }
    CHECK(m.count == 20000);
    int64_t *v = cri_strmap_get(&m, "k12345", 6);
    CHECK(v && *v == 12345);
    CHECK(cri_strmap_get(&m, "k20000", 6) == NULL);
    cri_strmap_free(&m);
    /* the same seed gives the same hash; another seed another one */
    CHECK(cri_hash64("abc", 3, 1) == cri_hash64("abc", 3, 1));
    CHECK(cri_hash64("abc", 3, 1) != cri_hash64("abc", 3, 2));
    CHECK(cri_hash64("abcdefghijklmnopq", 17, 0) != cri_hash64("abcdefghijklmnopr", 17, 0));
}

static void test_json_writer(void) {
    cri_buf out = {0};
    cri_json j;
    cri_json_init(&j, to_buf, &out, false);
    cri_json_obj_begin(&j);
    cri_json_kstr(&j, "s", "a\"b\\c\n\x01");
    cri_json_kstr(&j, "null", NULL);
    cri_json_key(&j, "arr");
    cri_json_arr_begin(&j);
    cri_json_int(&j, -3);
    cri_json_num(&j, 0.25);
    cri_json_num(&j, 1e6);
    cri_json_num(&j, NAN);
    cri_json_bool(&j, true);
    cri_json_obj_begin(&j);
    cri_json_obj_end(&j);
    cri_json_arr_begin(&j);
    cri_json_arr_end(&j);
    cri_json_arr_end(&j);
    cri_json_kint(&j, "n", 7);
    cri_json_obj_end(&j);
    CHECK(cri_json_finish(&j) == CR_OK);
    CHECK_STR(out.data, "{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"null\":null,\"arr\":[-3,0.25,1000000,null,true,{},[]],\"n\":7}");
    cri_buf_free(&out);
    char tmp[48];
    cri_fmt_double(tmp, sizeof tmp, 1.0 / 3.0);
    CHECK_STR(tmp, "0.333333");
    /* values read from a text print as written, not rounded to 6 digits */
    cri_fmt_double_exact(tmp, sizeof tmp, 12345.67);
    CHECK_STR(tmp, "12345.67");
    cri_fmt_double_exact(tmp, sizeof tmp, 1234567.89);
    CHECK_STR(tmp, "1234567.89");
    cri_fmt_double_exact(tmp, sizeof tmp, 1.6e6);
    CHECK_STR(tmp, "1600000");
    cri_fmt_double_exact(tmp, sizeof tmp, 0.75);
    CHECK_STR(tmp, "0.75");
}

static cr_corpus *corpus_of(cr_ctx **ctx) {
    cr_corpus *c = NULL;
    cr_ctx_new(NULL, ctx);
    cr_corpus_new(*ctx, &c);
    return c;
}

static void test_inputs(void) {
    cr_ctx *ctx;
    cr_corpus *c = corpus_of(&ctx);
    const char *jl =
        "{\"id\":\"x1\",\"text\":\"First article. It has two sentences.\",\"title\":\"T1\"}\n"
        "\n"
        "{\"id\":\"x1\",\"text\":\"Same id again, a second article.\"}\n"
        "{\"id\": 17, \"text\": \"Numeric id.\"}\n"
        "{bad json}\n"
        "{\"id\":\"x3\"}\n";
    CHECK(cr_corpus_add_bytes(c, "feed.jsonl", jl, strlen(jl)) == CR_ERR_INPUT);
    const char *txt = "Headline\n\nBody text of the article here.\n";
    CHECK(cr_corpus_add_bytes(c, "dir/story-1.txt", txt, strlen(txt)) == CR_OK);
    CHECK(cr_corpus_add_bytes(c, "empty.txt", "", 0) == CR_ERR_INPUT);
    CHECK(cr_corpus_add_bytes(c, "img.png", "\x89PNG\r\n\x1a\n\0\0", 10) == CR_ERR_INPUT);
    CHECK(cr_corpus_clean(c) == CR_OK);
    CHECK(cr_corpus_count(c) == 4);
    CHECK_STR(cr_doc_id(cr_corpus_doc(c, 0)), "x1");
    CHECK_STR(cr_doc_id(cr_corpus_doc(c, 1)), "x1~2");     /* ids stay unique */
    CHECK_STR(cr_doc_id(cr_corpus_doc(c, 2)), "17");
    CHECK_STR(cr_doc_id(cr_corpus_doc(c, 3)), "story-1");
    CHECK_STR(cr_doc_title(cr_corpus_doc(c, 0)), "T1");
    CHECK(cr_corpus_error_count(c) == 4);
    const char *in, *msg;
    cr_corpus_error(c, 0, &in, &msg);
    CHECK_STR(in, "feed.jsonl:5");
    CHECK(msg && strstr(msg, "malformed JSON"));
    cr_corpus_error(c, 1, &in, &msg);
    CHECK_STR(in, "feed.jsonl:6");
    CHECK(msg && strstr(msg, "missing \"text\""));
    cr_corpus_error(c, 3, &in, &msg);
    CHECK(msg && strstr(msg, "PNG"));
    cr_corpus_free(c);
    cr_ctx_free(ctx);

    /* limits */
    cr_options o;
    cr_options_init(&o);
    o.max_bytes = 10;
    cr_ctx_new(&o, &ctx);
    cr_corpus_new(ctx, &c);
    CHECK(cr_corpus_add_bytes(c, "a.txt", "0123456789ABC", 13) == CR_ERR_LIMIT);
    CHECK(cr_corpus_add_bytes(c, "b.txt", "Short.", 6) == CR_OK);
    CHECK(cr_corpus_clean(c) == CR_OK);
    CHECK(cr_corpus_count(c) == 1 && cr_corpus_error_count(c) == 1);
    cr_corpus_free(c);
    cr_ctx_free(ctx);

    /* a whole JSON array file */
    c = corpus_of(&ctx);
    const char *arr = "[{\"id\":\"a\",\"text\":\"One.\"},{\"id\":\"b\",\"text\":\"Two.\"}]";
    CHECK(cr_corpus_add_bytes(c, "list.json", arr, strlen(arr)) == CR_OK);
    cr_corpus_clean(c);
    CHECK(cr_corpus_count(c) == 2);
    cr_corpus_free(c);
    cr_ctx_free(ctx);

    /* usage errors */
    CHECK(cr_corpus_add_path(NULL, "x") == CR_ERR_USAGE);
    CHECK(cr_ctx_new(NULL, NULL) == CR_ERR_USAGE);
}

static void test_pub_time(void) {
    cr_doc d;
    memset(&d, 0, sizeof d);
    d.published = "2024-07-09T06:26+05:30";
    cri_doc_set_pub(&d);
    CHECK(d.has_pub && d.pub_year == 2024 && d.pub_month == 7 && d.pub_day == 9);
    CHECK(d.pub_wday == 2); /* Tuesday */
    cr_doc e;
    memset(&e, 0, sizeof e);
    e.published = "2024-07-09T00:56Z";
    cri_doc_set_pub(&e);
    CHECK(e.pub_epoch_min == d.pub_epoch_min);
    e.published = "not a date";
    cri_doc_set_pub(&e);
    CHECK(!e.has_pub);
    e.published = "2024-13-01";
    cri_doc_set_pub(&e);
    CHECK(!e.has_pub);
}

int main(void) {
    test_buf_and_arena();
    test_strmap_and_hash();
    test_json_writer();
    test_inputs();
    test_pub_time();
    return CHECK_REPORT();
}
