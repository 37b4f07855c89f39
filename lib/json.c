/*
 * json.c — a streaming JSON writer: keys in the order the caller writes them,
 * strings escaped (control characters as \u00XX), numbers formatted without
 * the C locale's help so output is byte-identical everywhere.  Output is
 * buffered and flushed to the caller's cr_write_fn.
 */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define FLUSH_AT 65536

static void flush(cri_json *j) {
    if (j->buf.len && !j->failed) {
        if (j->write(j->user, j->buf.data, j->buf.len)) j->failed = true;
    }
    cri_buf_clear(&j->buf);
}

static void raw(cri_json *j, const char *s, size_t n) {
    if (j->failed) return;
    if (cri_buf_append(&j->buf, s, n)) j->failed = true;
    if (j->buf.len >= FLUSH_AT) flush(j);
}

void cri_json_init(cri_json *j, cr_write_fn write, void *user, bool pretty) {
    memset(j, 0, sizeof *j);
    j->write = write;
    j->user = user;
    j->pretty = pretty;
}

cr_status cri_json_finish(cri_json *j) {
    flush(j);
    cri_buf_free(&j->buf);
    return j->failed ? CR_ERR_IO : CR_OK;
}

static void newline(cri_json *j) {
    if (!j->pretty) return;
    raw(j, "\n", 1);
    for (int i = 0; i < j->depth; i++) raw(j, "  ", 2);
}

void cri_json_key(cri_json *j, const char *key) {
    int d = j->depth < CR_MAX_JSON_DEPTH ? j->depth : CR_MAX_JSON_DEPTH - 1;
    if (j->need_comma[d]) raw(j, ",", 1);
    newline(j);
    raw(j, "\"", 1);
    raw(j, key, strlen(key));
    raw(j, j->pretty ? "\": " : "\":", j->pretty ? 3 : 2);
    /* the value that follows must not write a comma; next key must */
    j->need_comma[d] = false;
    j->after_key_depth = d + 1;
}

static void begin_value(cri_json *j) {
    int d = j->depth < CR_MAX_JSON_DEPTH ? j->depth : CR_MAX_JSON_DEPTH - 1;
    if (j->after_key_depth == d + 1) {
        /* value of a key */
        j->after_key_depth = 0;
        j->need_comma[d] = true;
        return;
    }
    if (j->need_comma[d]) raw(j, ",", 1);
    j->need_comma[d] = true;
    if (j->depth > 0) newline(j);
}

void cri_json_obj_begin(cri_json *j) {
    begin_value(j);
    raw(j, "{", 1);
    if (j->depth < CR_MAX_JSON_DEPTH - 1) j->depth++;
    j->need_comma[j->depth] = false;
}

void cri_json_obj_end(cri_json *j) {
    bool had = j->need_comma[j->depth];
    if (j->depth > 0) j->depth--;
    if (had) newline(j);
    raw(j, "}", 1);
}

void cri_json_arr_begin(cri_json *j) {
    begin_value(j);
    raw(j, "[", 1);
    if (j->depth < CR_MAX_JSON_DEPTH - 1) j->depth++;
    j->need_comma[j->depth] = false;
}

void cri_json_arr_end(cri_json *j) {
    bool had = j->need_comma[j->depth];
    if (j->depth > 0) j->depth--;
    if (had) newline(j);
    raw(j, "]", 1);
}

void cri_json_strn(cri_json *j, const char *s, size_t n) {
    begin_value(j);
    if (!s) {
        raw(j, "null", 4);
        return;
    }
    static const char hex[] = "0123456789abcdef";
    raw(j, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char ubuf[6];
        if (c == '"') esc = "\\\"";
        else if (c == '\\') esc = "\\\\";
        else if (c == '\n') esc = "\\n";
        else if (c == '\t') esc = "\\t";
        else if (c == '\r') esc = "\\r";
        else if (c < 0x20 || c == 0x7f) {
            ubuf[0] = '\\'; ubuf[1] = 'u'; ubuf[2] = '0'; ubuf[3] = '0';
            ubuf[4] = hex[c >> 4]; ubuf[5] = hex[c & 15];
            raw(j, s + i - run, run);
            run = 0;
            raw(j, ubuf, 6);
            continue;
        }
        if (esc) {
            raw(j, s + i - run, run);
            run = 0;
            raw(j, esc, 2);
        } else {
            run++;
        }
    }
    raw(j, s + n - run, run);
    raw(j, "\"", 1);
}

void cri_json_str(cri_json *j, const char *s) { cri_json_strn(j, s, s ? strlen(s) : 0); }

void cri_json_int(cri_json *j, int64_t v) {
    begin_value(j);
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%lld", (long long)v);
    raw(j, tmp, (size_t)n);
}

void cri_fmt_double(char *buf, size_t size, double v) {
    if (!isfinite(v)) {
        snprintf(buf, size, "null");
        return;
    }
    /* test the range first: casting a double beyond int64 is undefined */
    if (fabs(v) < 9e15 && v == (double)(int64_t)v) {
        snprintf(buf, size, "%lld", (long long)v);
        return;
    }
    snprintf(buf, size, "%.6g", v);
    /* a locale may have put a comma where the decimal point belongs */
    for (char *p = buf; *p; p++)
        if (*p == ',') *p = '.';
}

/* The shortest form (up to 15 digits) that reads back as v (values a user compares:
 * 12345.67 must not print as 12345.7).  Parsing with strtod in the same
 * locale as snprintf keeps the round-trip check consistent; the decimal
 * comma, if any, is replaced afterwards. */
void cri_fmt_double_exact(char *buf, size_t size, double v) {
    if (!isfinite(v) || (fabs(v) < 9e15 && v == (double)(int64_t)v)) {
        cri_fmt_double(buf, size, v);
        return;
    }
    /* 15 digits at most: a number written in a text has no more, and the
     * arithmetic that read it ("1234567.89") may have left noise below */
    for (int prec = 6; prec <= 15; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v) break;
    }
    for (char *p = buf; *p; p++)
        if (*p == ',') *p = '.';
}

void cri_json_num_exact(cri_json *j, double v) {
    begin_value(j);
    char tmp[48];
    cri_fmt_double_exact(tmp, sizeof tmp, v);
    raw(j, tmp, strlen(tmp));
}

void cri_json_num(cri_json *j, double v) {
    begin_value(j);
    char tmp[48];
    cri_fmt_double(tmp, sizeof tmp, v);
    raw(j, tmp, strlen(tmp));
}

void cri_json_bool(cri_json *j, bool v) {
    begin_value(j);
    raw(j, v ? "true" : "false", v ? 4 : 5);
}

void cri_json_null(cri_json *j) {
    begin_value(j);
    raw(j, "null", 4);
}

void cri_json_kstr(cri_json *j, const char *key, const char *s) {
    cri_json_key(j, key);
    cri_json_str(j, s);
}

void cri_json_kint(cri_json *j, const char *key, int64_t v) {
    cri_json_key(j, key);
    cri_json_int(j, v);
}

void cri_json_knum(cri_json *j, const char *key, double v) {
    cri_json_key(j, key);
    cri_json_num(j, v);
}
