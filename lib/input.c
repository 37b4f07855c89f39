/*
 * input.c — the edge of the library: bytes from files, directories, standard
 * input and JSON Lines become pending inputs (cri_input).  Every rejected
 * input (missing, unreadable, binary, empty, oversized, malformed JSON line)
 * is recorded in the corpus' errors with one clear reason; the rest go on.
 *
 * Formats are told from the content as well as the extension:
 *   JSON Lines  first non-blank byte '{' and the first line parses as an
 *               object (or the extension is .jsonl/.ndjson)
 *   JSON        a whole-file object or array of article objects (.json)
 *   HTML        recognised and rejected for now: the place where an HTML
 *               extractor goes (see docs/ARCHITECTURE.md)
 *   text        everything else that is not binary
 */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

typedef enum { FMT_TEXT, FMT_JSONL, FMT_JSON, FMT_HTML, FMT_BINARY } input_format;

/* ---- helpers ------------------------------------------------------------ */

static const char *base_name(const char *path) {
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

static const char *extension(const char *path) {
    const char *b = base_name(path);
    const char *dot = strrchr(b, '.');
    return dot && dot != b ? dot + 1 : "";
}

static bool ext_is(const char *path, const char *e) {
    const char *x = extension(path);
    size_t n = strlen(e);
    if (strlen(x) != n) return false;
    for (size_t i = 0; i < n; i++)
        if (cri_tolower(x[i]) != e[i]) return false;
    return true;
}

/* The id of a file: its name without the extension. */
static char *id_from_path(const char *path) {
    const char *b = base_name(path);
    if (strcmp(path, "-") == 0) b = "stdin";
    const char *dot = strrchr(b, '.');
    size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
    if (n == 0) {
        b = "input";
        n = 5;
    }
    char *s = malloc(n + 1);
    if (!s) return NULL;
    memcpy(s, b, n);
    s[n] = 0;
    return s;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* ---- format detection --------------------------------------------------- */

static bool starts_with_ci(const unsigned char *p, size_t n, const char *pre) {
    size_t m = strlen(pre);
    if (n < m) return false;
    for (size_t i = 0; i < m; i++)
        if (cri_tolower((char)p[i]) != pre[i]) return false;
    return true;
}

/* Binary: a known magic number, or NUL/control bytes that plain text does
 * not have.  A few stray NULs in otherwise clean text are repaired later. */
static bool is_binary(const unsigned char *p, size_t n, const char **what) {
    static const struct { const char *magic; size_t len; const char *name; } magics[] = {
        {"%PDF-", 5, "a PDF document"},       {"\x89PNG", 4, "a PNG image"},
        {"\xff\xd8\xff", 3, "a JPEG image"},  {"GIF8", 4, "a GIF image"},
        {"PK\x03\x04", 4, "a ZIP archive"},   {"\x1f\x8b", 2, "gzip-compressed data"},
        {"\x7f" "ELF", 4, "an executable"},   {"BZh", 3, "bzip2-compressed data"},
        {"\xfd" "7zXZ", 5, "xz-compressed data"}, {"\x28\xb5\x2f\xfd", 4, "zstd-compressed data"},
        {"SQLite format 3", 15, "an SQLite database"},
    };
    for (size_t i = 0; i < sizeof magics / sizeof *magics; i++)
        if (n >= magics[i].len && memcmp(p, magics[i].magic, magics[i].len) == 0) {
            *what = magics[i].name;
            return true;
        }
    size_t m = n < CR_SNIFF_BYTES ? n : CR_SNIFF_BYTES;
    /* This runs on every input: skip 8-byte words with no byte below 0x20
     * (the usual case) with one test, and look closer only at the others. */
    uint32_t bad = 0, nul = 0;
    size_t i = 0;
    for (; i + 8 <= m; i += 8) {
        uint64_t x;
        memcpy(&x, p + i, 8);
        if (!((x - 0x2020202020202020ULL) & ~x & 0x8080808080808080ULL)) continue;
        for (size_t k = i; k < i + 8; k++) {
            unsigned c = p[k];
            nul += c == 0;
            bad += (c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != '\f') & (c != 0);
        }
    }
    for (; i < m; i++) {
        unsigned c = p[i];
        nul += c == 0;
        bad += (c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != '\f') & (c != 0);
    }
    /* UTF-16 text has a NUL in every other byte: call it what it is. */
    if (m >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff))) {
        *what = "UTF-16 text (convert it to UTF-8)";
        return true;
    }
    /* Random bytes have about 11% of them below 0x20: a 10% line let one
     * binary file in thirty through.  Text, even scraped and mis-encoded,
     * has next to none, so 3% is still far from any real article. */
    if (nul * 8 > m || (nul + bad) * 100 > m * 3) {
        *what = "binary data";
        return true;
    }
    return false;
}

static input_format sniff(const char *path, const unsigned char *p, size_t n, const char **what) {
    if (is_binary(p, n, what)) return FMT_BINARY;
    size_t i = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) i = 3; /* BOM */
    while (i < n && cri_isspace(p[i])) i++;
    if (starts_with_ci(p + i, n - i, "<!doctype html") || starts_with_ci(p + i, n - i, "<html") ||
        ext_is(path, "html") || ext_is(path, "htm"))
        return FMT_HTML;
    if (i < n && p[i] == '[' && ext_is(path, "json")) return FMT_JSON;
    if (i < n && p[i] == '{') {
        if (ext_is(path, "jsonl") || ext_is(path, "ndjson")) return FMT_JSONL;
        /* a first line that is a whole object means JSON Lines */
        const unsigned char *nl = memchr(p + i, '\n', n - i);
        size_t len = nl ? (size_t)(nl - (p + i)) : n - i;
        json_error_t err;
        json_t *o = json_loadb((const char *)p + i, len, JSON_DISABLE_EOF_CHECK, &err);
        bool one_line = o && json_is_object(o);
        json_decref(o);
        if (one_line) return FMT_JSONL;
        if (ext_is(path, "json")) return FMT_JSON;
    }
    if (ext_is(path, "jsonl") || ext_is(path, "ndjson")) return FMT_JSONL;
    return FMT_TEXT;
}

/* ---- adding inputs ------------------------------------------------------ */

static cr_status push_input(cr_corpus *c, cri_input *tmp) {
    cri_input *in = CRI_PUSH(c->inputs, c->n_inputs, c->cap_inputs);
    if (!in) {
        cri_input_free(tmp);
        return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    }
    *in = *tmp;
    return CR_OK;
}

static cr_status add_article(cr_corpus *c, const char *source, const cr_article *a) {
    cri_input in = {0};
    size_t len = a->text_len ? a->text_len : strlen(a->text);
    in.id = strdup(a->id);
    in.source = strdup(source);
    in.bytes = malloc(len + 1);
    in.title = dup_or_null(a->title);
    in.url = dup_or_null(a->url);
    in.outlet = dup_or_null(a->outlet);
    in.published = dup_or_null(a->published);
    in.lang = dup_or_null(a->lang);
    if (!in.id || !in.source || !in.bytes || (a->title && !in.title) || (a->url && !in.url) ||
        (a->outlet && !in.outlet) || (a->published && !in.published) || (a->lang && !in.lang)) {
        cri_input_free(&in);
        return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    }
    memcpy(in.bytes, a->text, len);
    in.bytes[len] = 0;
    in.len = len;
    return push_input(c, &in);
}

static bool blank(const char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!cri_isspace((unsigned char)p[i])) return false;
    return true;
}

cr_status cr_corpus_add_article(cr_corpus *c, const cr_article *a) {
    if (!c || !a || !a->id || !a->text) return CR_ERR_USAGE;
    const char *source = a->source ? a->source : "-";
    size_t len = a->text_len ? a->text_len : strlen(a->text);
    if (len > c->ctx->opt.max_bytes)
        return cri_corpus_reject(c, a->id, CR_ERR_LIMIT,
                                 "article is %zu bytes, over the limit of %zu (--max-bytes)", len,
                                 c->ctx->opt.max_bytes);
    if (blank(a->text, len)) return cri_corpus_reject(c, a->id, CR_ERR_INPUT, "empty article text");
    return add_article(c, source, a);
}

/* JSON strings may hold NUL (\u0000); jansson gives us their length. */
static const char *jstr(json_t *o, const char *key, size_t *len) {
    json_t *v = json_object_get(o, key);
    if (!v || !json_is_string(v)) {
        if (len) *len = 0;
        return NULL;
    }
    if (len) *len = json_string_length(v);
    return json_string_value(v);
}

/* A number as id is accepted and written as its decimal form. */
static const char *jid(json_t *o, char *tmp, size_t size) {
    json_t *v = json_object_get(o, "id");
    if (json_is_string(v)) return json_string_value(v);
    if (json_is_integer(v)) {
        snprintf(tmp, size, "%lld", (long long)json_integer_value(v));
        return tmp;
    }
    return NULL;
}

cr_status cri_json_parse_article(const char *line, size_t len, cri_json_article *out,
                                 const char **why) {
    memset(out, 0, sizeof *out);
    *why = NULL;
    json_error_t err;
    json_t *o = json_loadb(line, len, JSON_ALLOW_NUL, &err);
    if (!o) {
        *why = "not valid JSON";
        return CR_ERR_INPUT;
    }
    if (!json_is_object(o)) {
        json_decref(o);
        *why = "not a JSON object";
        return CR_ERR_INPUT;
    }
    out->a.id = jid(o, out->idbuf, sizeof out->idbuf);
    out->a.text = jstr(o, "text", &out->a.text_len);
    if (!out->a.text) out->a.text = jstr(o, "body", &out->a.text_len);
    out->a.title = jstr(o, "title", NULL);
    out->a.url = jstr(o, "url", NULL);
    out->a.outlet = jstr(o, "outlet", NULL);
    out->a.published = jstr(o, "published", NULL);
    out->a.lang = jstr(o, "lang", NULL);
    out->storage = o;
    if (!out->a.id) {
        *why = "missing \"id\"";
        cri_json_article_free(out);
        return CR_ERR_INPUT;
    }
    if (!out->a.text) {
        *why = "missing \"text\"";
        cri_json_article_free(out);
        return CR_ERR_INPUT;
    }
    return CR_OK;
}

void cri_json_article_free(cri_json_article *ja) {
    if (ja->storage) json_decref((json_t *)ja->storage);
    memset(ja, 0, sizeof *ja);
}

static cr_status add_json_object(cr_corpus *c, const char *source, json_t *o, const char *where) {
    char label[600];
    char idbuf[32];
    const char *id = jid(o, idbuf, sizeof idbuf);
    size_t tlen;
    const char *text = jstr(o, "text", &tlen);
    if (!text) text = jstr(o, "body", &tlen);
    if (!id) {
        snprintf(label, sizeof label, "%s:%s", source, where);
        return cri_corpus_reject(c, label, CR_ERR_INPUT, "missing \"id\"");
    }
    snprintf(label, sizeof label, "%s:%s", source, where);
    if (!text) return cri_corpus_reject(c, label, CR_ERR_INPUT, "missing \"text\" (id %s)", id);
    if (tlen > c->ctx->opt.max_bytes)
        return cri_corpus_reject(c, label, CR_ERR_LIMIT, "text is %zu bytes, over the limit of %zu",
                                 tlen, c->ctx->opt.max_bytes);
    if (blank(text, tlen)) return cri_corpus_reject(c, label, CR_ERR_INPUT, "empty text (id %s)", id);
    cr_article a = {
        .id = id, .text = text, .text_len = tlen,
        .title = jstr(o, "title", NULL), .url = jstr(o, "url", NULL),
        .outlet = jstr(o, "outlet", NULL), .published = jstr(o, "published", NULL),
        .lang = jstr(o, "lang", NULL),
    };
    if (!tlen) return cri_corpus_reject(c, label, CR_ERR_INPUT, "empty text (id %s)", id);
    return add_article(c, source, &a);
}

/* One line of JSON Lines: an article, a rejected line, or nothing (blank). */
static cr_status jsonl_line(cr_corpus *c, const char *source, size_t lineno, const char *p,
                            size_t len, size_t *articles) {
    if (blank(p, len)) return CR_OK;
    char label[600];
    snprintf(label, sizeof label, "%s:%zu", source, lineno);
    if (len > c->ctx->opt.max_bytes)
        return cri_corpus_reject(c, label, CR_ERR_LIMIT,
                                 "line is over the limit of %zu bytes (--max-bytes)",
                                 c->ctx->opt.max_bytes);
    json_error_t err;
    json_t *o = json_loadb(p, len, JSON_ALLOW_NUL, &err);
    char where[32];
    snprintf(where, sizeof where, "%zu", lineno);
    cr_status s;
    if (!o) s = cri_corpus_reject(c, label, CR_ERR_INPUT, "malformed JSON line: %s", err.text);
    else if (!json_is_object(o))
        s = cri_corpus_reject(c, label, CR_ERR_INPUT, "JSON line is not an object");
    else {
        s = add_json_object(c, source, o, where);
        if (s == CR_OK) (*articles)++;
    }
    json_decref(o);
    return s;
}

static cr_status add_jsonl(cr_corpus *c, const char *source, const char *p, size_t n) {
    cr_status worst = CR_OK;
    size_t lineno = 0, articles = 0;
    const char *end = p + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        cr_status s = jsonl_line(c, source, ++lineno, p, (size_t)(le - p), &articles);
        if (s == CR_ERR_NOMEM) return s;
        if (s != CR_OK) worst = s;
        p = nl ? nl + 1 : end;
    }
    if (articles == 0 && worst == CR_OK)
        return cri_corpus_reject(c, source, CR_ERR_INPUT, "no articles in JSON Lines input");
    return worst;
}

/* JSON Lines from a file descriptor, one line at a time, so a corpus file may
 * be any size: --max-bytes bounds each article (line), not the file.  head
 * holds bytes already read from fd. */
static cr_status add_jsonl_fd(cr_corpus *c, const char *source, int fd, const char *head,
                              size_t head_len) {
    cr_status worst = CR_OK;
    size_t lineno = 0, articles = 0, max = c->ctx->opt.max_bytes;
    cri_buf line = {0};
    bool too_long = false, eof = false;
    char chunk[65536];
    const char *p = head;
    size_t n = head_len;
    for (;;) {
        if (n == 0) {
            if (eof) break;
            ssize_t r = read(fd, chunk, sizeof chunk);
            if (r < 0 && errno == EINTR) continue;
            if (r < 0) {
                worst = cri_corpus_reject(c, source, CR_ERR_IO, "cannot read: %s", strerror(errno));
                break;
            }
            if (r == 0) {
                eof = true;
                p = "\n"; /* flush a last line without its newline */
                n = line.len || too_long ? 1 : 0;
                continue;
            }
            p = chunk;
            n = (size_t)r;
        }
        const char *nl = memchr(p, '\n', n);
        size_t take = nl ? (size_t)(nl - p) : n;
        if (!too_long) {
            if (line.len + take > max) {
                too_long = true;
                cri_buf_clear(&line);
            } else if (cri_buf_append(&line, p, take)) {
                worst = cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
                break;
            }
        }
        p += take;
        n -= take;
        if (!nl) continue;
        p++;
        n--;
        cr_status s;
        if (too_long) {
            char label[600];
            snprintf(label, sizeof label, "%s:%zu", source, ++lineno);
            s = cri_corpus_reject(c, label, CR_ERR_LIMIT,
                                  "line is over the limit of %zu bytes (--max-bytes)", max);
        } else {
            s = jsonl_line(c, source, ++lineno, line.data ? line.data : "", line.len, &articles);
        }
        too_long = false;
        cri_buf_clear(&line);
        if (s == CR_ERR_NOMEM) {
            worst = s;
            break;
        }
        if (s != CR_OK) worst = s;
    }
    cri_buf_free(&line);
    if (articles == 0 && worst == CR_OK)
        return cri_corpus_reject(c, source, CR_ERR_INPUT, "no articles in JSON Lines input");
    return worst;
}

static cr_status add_json_doc(cr_corpus *c, const char *source, const char *p, size_t n) {
    json_error_t err;
    json_t *root = json_loadb(p, n, JSON_ALLOW_NUL, &err);
    if (!root)
        return cri_corpus_reject(c, source, CR_ERR_INPUT, "malformed JSON (line %d: %s)", err.line,
                                 err.text);
    cr_status worst = CR_OK;
    if (json_is_object(root)) {
        worst = add_json_object(c, source, root, "1");
    } else if (json_is_array(root)) {
        size_t i;
        json_t *v;
        json_array_foreach(root, i, v) {
            char where[32];
            snprintf(where, sizeof where, "[%zu]", i);
            cr_status s = json_is_object(v)
                              ? add_json_object(c, source, v, where)
                              : cri_corpus_reject(c, source, CR_ERR_INPUT,
                                                  "element %zu is not an object", i);
            if (s == CR_ERR_NOMEM) {
                worst = s;
                break;
            }
            if (s != CR_OK) worst = s;
        }
    } else {
        worst = cri_corpus_reject(c, source, CR_ERR_INPUT, "JSON input is neither an object nor an array");
    }
    json_decref(root);
    return worst;
}

cr_status cri_input_add_bytes(cr_corpus *c, const char *source, const char *id_hint,
                              const void *bytes, size_t len) {
    const unsigned char *p = bytes;
    if (len > c->ctx->opt.max_bytes)
        return cri_corpus_reject(c, source, CR_ERR_LIMIT,
                                 "input is %zu bytes, over the limit of %zu (--max-bytes)", len,
                                 c->ctx->opt.max_bytes);
    if (len == 0) return cri_corpus_reject(c, source, CR_ERR_INPUT, "empty file");
    const char *what = NULL;
    switch (sniff(source, p, len, &what)) {
    case FMT_BINARY:
        return cri_corpus_reject(c, source, CR_ERR_INPUT, "not text: looks like %s", what);
    case FMT_HTML:
        return cri_corpus_reject(c, source, CR_ERR_INPUT,
                                 "HTML input is not supported yet (extract the text first)");
    case FMT_JSONL:
        return add_jsonl(c, source, bytes, len);
    case FMT_JSON:
        return add_json_doc(c, source, bytes, len);
    case FMT_TEXT:
        break;
    }
    if (blank(bytes, len)) return cri_corpus_reject(c, source, CR_ERR_INPUT, "empty file (only whitespace)");
    cri_input in = {0};
    in.id = id_hint ? strdup(id_hint) : id_from_path(source);
    in.source = strdup(source);
    in.bytes = malloc(len + 1);
    if (!in.id || !in.source || !in.bytes) {
        cri_input_free(&in);
        return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    }
    memcpy(in.bytes, bytes, len);
    in.bytes[len] = 0;
    in.len = len;
    return push_input(c, &in);
}

/* ---- files and directories ---------------------------------------------- */

/* Read the rest of fd after `head`, refusing more than max bytes. */
static cr_status read_all(cr_corpus *c, const char *path, int fd, cri_buf *out) {
    size_t max = c->ctx->opt.max_bytes;
    if (out->len > max)
        return cri_corpus_reject(c, path, CR_ERR_LIMIT,
                                 "input is over the limit of %zu bytes (--max-bytes)", max);
    for (;;) {
        if (cri_buf_reserve(out, 65536)) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
        ssize_t r = read(fd, out->data + out->len, 65536);
        if (r < 0) {
            if (errno == EINTR) continue;
            return cri_corpus_reject(c, path, CR_ERR_IO, "cannot read: %s", strerror(errno));
        }
        if (r == 0) break;
        out->len += (size_t)r;
        out->data[out->len] = 0;
        if (out->len > max)
            return cri_corpus_reject(c, path, CR_ERR_LIMIT,
                                     "input is over the limit of %zu bytes (--max-bytes)", max);
    }
    return CR_OK;
}

/* Read up to CR_SNIFF_BYTES from fd into out. */
static cr_status read_head(cr_corpus *c, const char *path, int fd, cri_buf *out) {
    if (cri_buf_reserve(out, CR_SNIFF_BYTES)) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    while (out->len < CR_SNIFF_BYTES) {
        ssize_t r = read(fd, out->data + out->len, CR_SNIFF_BYTES - out->len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return cri_corpus_reject(c, path, CR_ERR_IO, "cannot read: %s", strerror(errno));
        if (r == 0) break;
        out->len += (size_t)r;
    }
    out->data[out->len] = 0;
    return CR_OK;
}

/* JSON Lines are read line by line (any file size); anything else whole. */
static cr_status add_fd(cr_corpus *c, const char *path, const char *id_hint, int fd) {
    cri_buf b = {0};
    cr_status s = read_head(c, path, fd, &b);
    if (s == CR_OK) {
        const char *what;
        input_format f = sniff(path, (const unsigned char *)b.data, b.len, &what);
        bool first_line_cut = f == FMT_TEXT && b.len == CR_SNIFF_BYTES &&
                              !memchr(b.data, '\n', b.len) && b.data[0] == '{';
        if (f == FMT_JSONL || (first_line_cut && (ext_is(path, "jsonl") || ext_is(path, "ndjson"))))
            s = add_jsonl_fd(c, path, fd, b.data, b.len);
        else if ((s = read_all(c, path, fd, &b)) == CR_OK)
            s = cri_input_add_bytes(c, path, id_hint, b.data ? b.data : "", b.len);
    }
    cri_buf_free(&b);
    return s;
}

static cr_status add_file(cr_corpus *c, const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return cri_corpus_reject(c, path, CR_ERR_IO, "cannot open: %s", strerror(errno));
    cr_status s = add_fd(c, path, NULL, fd);
    close(fd);
    return s;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files a directory walk takes: text, JSON, and files without extension. */
static bool walk_takes(const char *name) {
    const char *e = extension(name);
    if (!*e) return true;
    static const char *ok[] = {"txt", "text", "jsonl", "ndjson", "json", "html", "htm"};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        if (ext_is(name, ok[i])) return true;
    return false;
}

static cr_status add_dir(cr_corpus *c, const char *path, int depth) {
    if (depth > CR_MAX_DEPTH)
        return cri_corpus_reject(c, path, CR_ERR_INPUT, "directories nested too deep");
    DIR *dir = opendir(path);
    if (!dir) return cri_corpus_reject(c, path, CR_ERR_IO, "cannot open directory: %s", strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    cr_status worst = CR_OK;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.') continue; /* hidden, . and .. */
        char **slot = CRI_PUSH(names, n, cap);
        if (!slot || !(*slot = strdup(e->d_name))) {
            worst = cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
            break;
        }
    }
    closedir(dir);
    if (worst == CR_OK) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n && worst != CR_ERR_NOMEM; i++) {
        cri_buf p = {0};
        bool slash = path[strlen(path) - 1] == '/';
        if (cri_buf_puts(&p, path) || (!slash && cri_buf_putc(&p, '/')) || cri_buf_puts(&p, names[i])) {
            cri_buf_free(&p);
            worst = cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
            break;
        }
        struct stat st;
        cr_status s = CR_OK;
        if (stat(p.data, &st) != 0)
            s = cri_corpus_reject(c, p.data, CR_ERR_IO, "cannot read: %s", strerror(errno));
        else if (S_ISDIR(st.st_mode))
            s = add_dir(c, p.data, depth + 1);
        else if (S_ISREG(st.st_mode) && walk_takes(names[i]))
            s = add_file(c, p.data);
        cri_buf_free(&p);
        if (s != CR_OK && (worst == CR_OK || s == CR_ERR_NOMEM)) worst = s;
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return worst;
}

cr_status cri_input_add_path(cr_corpus *c, const char *path) {
    if (strcmp(path, "-") == 0) return add_fd(c, "-", "stdin", STDIN_FILENO);
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT) return cri_corpus_reject(c, path, CR_ERR_IO, "no such file or directory");
        return cri_corpus_reject(c, path, CR_ERR_IO, "cannot read: %s", strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) return add_dir(c, path, 0);
    return add_file(c, path);
}
