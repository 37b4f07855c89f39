/*
 * brief_text.c — the briefs as text for a reader: a compact terminal layout
 * wrapped to the terminal's width (colour only when the caller asks), or
 * Markdown with the same content.  One brief per story, largest story first.
 * Every sentence shown is quoted from an article and followed by the short
 * ids of the articles it comes from, "[000, 002]".
 */
#include "brief.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct out {
    cri_buf buf;
    cr_write_fn write;
    void *user;
    unsigned width;
    bool color, md;
    bool failed;
} out;

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define CYAN "\033[36m"
#define YELLOW "\033[33m"
#define RED "\033[31m"
#define RESET "\033[0m"

static void flush(out *o) {
    if (o->buf.len && !o->failed && o->write(o->user, o->buf.data, o->buf.len)) o->failed = true;
    cri_buf_clear(&o->buf);
}

static void put(out *o, const char *s) {
    if (cri_buf_puts(&o->buf, s)) o->failed = true;
    if (o->buf.len > 1 << 16) flush(o);
}
static void putn(out *o, const char *s, size_t n) {
    if (cri_buf_append(&o->buf, s, n)) o->failed = true;
}
static void color(out *o, const char *code) {
    if (o->color) put(o, code);
}

/* Display columns of UTF-8 text (one per code point). */
static size_t cols(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Append the words of s to the current line (at column col), a space
 * between words, breaking to a new line indented by `indent` before a word
 * that would pass the width.  Returns the new column. */
static size_t wrap(out *o, const char *s, size_t n, size_t col, size_t indent) {
    size_t width = o->md ? SIZE_MAX : o->width;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\n')) i++;
        size_t st = i;
        while (i < n && s[i] != ' ' && s[i] != '\n') i++;
        if (i == st) break;
        size_t wc = cols(s + st, i - st);
        if (col > indent) {
            if (col + 1 + wc > width) {
                put(o, "\n");
                for (size_t k = 0; k < indent; k++) put(o, " ");
                col = indent;
            } else {
                put(o, " ");
                col++;
            }
        }
        putn(o, s + st, i - st);
        col += wc;
    }
    return col;
}

static void label(const cr_corpus *c, size_t doc, char *buf, size_t n) { cri_brief_doclabel(c, doc, buf, n); }

/* "[000, 002]" for a list of units (distinct documents, in order). */
static void cite_units(const cr_corpus *c, const cri_brief *b, const uint32_t *units, size_t n, uint32_t first,
                       cri_buf *tmp) {
    /* the quoted article first, then the others in corpus order */
    uint32_t sorted[64];
    size_t ns = 0;
    for (size_t k = 0; k < n && ns < 64; k++) {
        uint32_t x = units[k];
        size_t q = ns;
        while (q > 0 && b->units[sorted[q - 1]].doc > b->units[x].doc) {
            sorted[q] = sorted[q - 1];
            q--;
        }
        sorted[q] = x;
        ns++;
    }
    units = sorted;
    n = ns;
    cri_buf_clear(tmp);
    cri_buf_putc(tmp, '[');
    size_t shown = 0;
    uint32_t seen_first = first != UINT32_MAX ? b->units[first].sdoc : UINT32_MAX;
    if (first != UINT32_MAX) {
        char l[32];
        label(c, b->units[first].doc, l, sizeof l);
        cri_buf_puts(tmp, l);
        shown++;
    }
    for (size_t k = 0; k < n; k++) {
        uint32_t sd = b->units[units[k]].sdoc;
        if (sd == seen_first) continue;
        bool seen = false;
        for (size_t q = 0; q < k && !seen; q++) seen = b->units[units[q]].sdoc == sd;
        if (seen) continue;
        if (shown >= 12) {
            cri_buf_puts(tmp, ", …");
            break;
        }
        char l[32];
        label(c, b->units[units[k]].doc, l, sizeof l);
        if (shown) cri_buf_puts(tmp, ", ");
        cri_buf_puts(tmp, l);
        shown++;
    }
    cri_buf_putc(tmp, ']');
}

static void heading(out *o, const char *title) {
    if (o->md) {
        put(o, "\n### ");
        put(o, title);
        put(o, "\n\n");
        return;
    }
    put(o, "\n");
    color(o, BOLD);
    color(o, CYAN);
    put(o, title);
    color(o, RESET);
    put(o, "\n");
}

/* A quoted sentence with its citation, as a list item. */
static void item(out *o, const char *bullet, const char *text, size_t n, const char *cite, const char *extra) {
    size_t indent = o->md ? 0 : 2 + cols(bullet, strlen(bullet)) + 1;
    if (o->md) put(o, "- ");
    else {
        put(o, "  ");
        put(o, bullet);
        put(o, " ");
    }
    size_t col = wrap(o, text, n, indent, indent);
    if (cite && *cite) {
        size_t cl = cols(cite, strlen(cite));
        if (!o->md && col + 1 + cl > o->width) {
            put(o, "\n");
            for (size_t k = 0; k < indent; k++) put(o, " ");
            col = indent;
        } else {
            put(o, " ");
            col++;
        }
        color(o, DIM);
        put(o, cite);
        color(o, RESET);
        col += cl;
    }
    if (extra && *extra) {
        col = wrap(o, "—", 3, col, indent);
        wrap(o, extra, strlen(extra), col, indent);
    }
    put(o, "\n");
}

static void one_brief(out *o, const cr_corpus *c, const cri_story *s, const cri_brief *b) {
    cri_buf tmp = {0}, line = {0};
    char l[32];
    /* title */
    if (o->md) {
        put(o, "## ");
        put(o, s->label ? s->label : s->id);
        put(o, "\n\n");
    } else {
        color(o, BOLD);
        wrap(o, s->label ? s->label : s->id, strlen(s->label ? s->label : s->id), 0, 0);
        color(o, RESET);
        put(o, "\n");
    }
    cri_buf_clear(&line);
    cri_buf_printf(&line, "Story %s: %zu article%s, %zu outlet%s, %zu independent source%s.", s->id, b->n_docs,
                   b->n_docs == 1 ? "" : "s", b->n_outlets, b->n_outlets == 1 ? "" : "s", b->n_indep,
                   b->n_indep == 1 ? "" : "s");
    if (b->note) {
        cri_buf_puts(&line, " ");
        cri_buf_putc(&line, (char)(b->note[0] >= 'a' && b->note[0] <= 'z' ? b->note[0] - 32 : b->note[0]));
        cri_buf_puts(&line, b->note + 1);
        cri_buf_puts(&line, ".");
    }
    wrap(o, line.data, line.len, 0, 0);
    put(o, "\n");

    /* summary */
    if (b->n_summary) {
        heading(o, "Summary");
        for (size_t i = 0; i < b->n_summary; i++) {
            const cri_bsummary *sm = &b->summary[i];
            size_t len;
            const char *t = cri_bunit_text(c, &b->units[sm->unit], &len);
            if (sm->fact >= 0)
                cite_units(c, b, b->facts[sm->fact].units, b->facts[sm->fact].n_units, sm->unit, &tmp);
            else
                cite_units(c, b, &sm->unit, 1, UINT32_MAX, &tmp);
            item(o, "•", t, len, tmp.data, NULL);
        }
    }

    /* sources */
    heading(o, "Sources");
    size_t *byidx = malloc((b->n_docs ? b->n_docs : 1) * sizeof *byidx);
    for (size_t k = 0; byidx && k < b->n_docs; k++) {
        size_t q = k;
        while (q > 0 && b->docs[byidx[q - 1]].doc > b->docs[k].doc) {
            byidx[q] = byidx[q - 1];
            q--;
        }
        byidx[q] = k;
    }
    for (size_t si = 0; si < b->n_docs && si < 200; si++) {
        size_t sd = byidx ? byidx[si] : si;
        const cr_doc *d = c->docs[b->docs[sd].doc];
        label(c, b->docs[sd].doc, l, sizeof l);
        cri_buf_clear(&line);
        cri_buf_printf(&line, "%s %s", d->outlet ? d->outlet : "(outlet unknown)",
                       d->published ? d->published : "(date unknown)");
        if (b->docs[sd].n_origins) {
            cri_buf_puts(&line, " — reports from ");
            for (size_t k = 0; k < b->docs[sd].n_origins; k++) {
                if (k) cri_buf_puts(&line, ", ");
                cri_buf_puts(&line, b->origins[b->docs[sd].origins[k]].name);
            }
        }
        if (b->docs[sd].foreign) cri_buf_printf(&line, " — language %s: not grouped", d->language);
        if (o->md) {
            /* Markdown has no bullet column: the article's label leads */
            cri_buf_clear(&tmp);
            cri_buf_printf(&tmp, "**%s** %s", l, line.data);
            item(o, "", tmp.data, tmp.len, NULL, NULL);
        } else
            item(o, l, line.data, line.len, NULL, NULL);
    }
    free(byidx);
    if (b->n_docs > 200) {
        cri_buf_clear(&line);
        cri_buf_printf(&line, "  (%zu more articles in --json)\n", b->n_docs - 200);
        put(o, line.data);
    }
    if (b->n_why) {
        cri_buf_clear(&line);
        cri_buf_printf(&line, "Independent sources: %zu. ", b->n_indep);
        for (size_t k = 0; k < b->n_why; k++) {
            if (k) cri_buf_puts(&line, "; ");
            cri_buf_puts(&line, b->why[k]);
        }
        cri_buf_puts(&line, ".");
        if (o->md) put(o, "\n");
        else put(o, "  ");
        wrap(o, line.data, line.len, o->md ? 0 : 2, o->md ? 0 : 2);
        put(o, "\n");
    }

    /* facts */
    if (b->n_shown_facts) {
        heading(o, "Corroborated facts");
        size_t lim = b->n_shown_facts < 12 ? b->n_shown_facts : 12;
        for (size_t f = 0; f < lim; f++) {
            const cri_bfact *F = &b->facts[f];
            size_t len;
            const char *t = cri_bunit_text(c, &b->units[F->rep], &len);
            cite_units(c, b, F->units, F->n_units, F->rep, &tmp);
            char num[16];
            snprintf(num, sizeof num, "%zu.", f + 1);
            cri_buf_clear(&line);
            cri_buf_printf(&line, "%u article%s, %u outlet%s, %u independent", F->n_docs, F->n_docs == 1 ? "" : "s",
                           F->n_outlets, F->n_outlets == 1 ? "" : "s", F->n_indep);
            item(o, o->md ? "" : num, t, len, tmp.data, line.data);
        }
        if (b->n_shown_facts > lim) {
            cri_buf_clear(&line);
            cri_buf_printf(&line, "  (%zu more in --json)\n", b->n_shown_facts - lim);
            put(o, line.data);
        }
    } else if (b->n_docs > 1) {
        heading(o, "Corroborated facts");
        put(o, o->md ? "None: no two articles report the same fact.\n" : "  none: no two articles report the same fact\n");
    }

    /* conflicts */
    if (b->n_conflicts) {
        heading(o, "Conflicts");
        for (size_t i = 0; i < b->n_conflicts; i++) {
            const cri_bconflict *cf = &b->conflicts[i];
            cri_buf_clear(&line);
            cri_buf_printf(&line, "%s: %s", cf->kind, cf->about ? cf->about : "");
            if (cf->note) cri_buf_printf(&line, " (%s)", cf->note);
            if (o->md) put(o, "- **");
            else {
                put(o, "  ");
                color(o, YELLOW);
            }
            wrap(o, line.data, line.len, 2, 4);
            if (o->md) put(o, "**");
            color(o, RESET);
            put(o, "\n");
            for (size_t v = 0; v < cf->n_values; v++) {
                const cri_bvalue *val = &cf->values[v];
                if (!val->n_units) continue;
                size_t len;
                const char *t = cri_bunit_text(c, &b->units[val->units[0]], &len);
                cite_units(c, b, val->units, val->n_units, UINT32_MAX, &tmp);
                cri_buf_clear(&line);
                cri_buf_printf(&line, "%s: \"%.*s\"", val->value, (int)len, t);
                item(o, "  -", line.data, line.len, tmp.data, NULL);
            }
        }
    }

    /* unique */
    if (b->n_unique) {
        heading(o, "Only one outlet reports");
        size_t lim = o->md ? b->n_unique : (b->n_unique < 10 ? b->n_unique : 10);
        for (size_t i = 0; i < lim; i++) {
            const cri_bunique *q = &b->unique[i];
            const cri_bunit *u = &b->units[q->unit];
            size_t len;
            const char *t = cri_bunit_text(c, u, &len);
            label(c, u->doc, l, sizeof l);
            cri_buf_clear(&tmp);
            cri_buf_printf(&tmp, "[%s%s%s]", l, c->docs[u->doc]->outlet ? ", " : "",
                           c->docs[u->doc]->outlet ? c->docs[u->doc]->outlet : "");
            cri_buf_clear(&line);
            if (q->details) cri_buf_printf(&line, "only here: %s", q->details);
            item(o, "•", t, len, tmp.data, line.len ? line.data : NULL);
        }
        if (b->n_unique > lim) {
            cri_buf_clear(&line);
            cri_buf_printf(&line, "  (%zu more in --markdown or --json)\n", b->n_unique - lim);
            put(o, line.data);
        }
    }

    /* timeline */
    if (b->n_timeline) {
        heading(o, "Timeline");
        for (size_t i = 0; i < b->n_timeline; i++) {
            const cri_btime *e = &b->timeline[i];
            size_t len;
            const char *t = cri_bunit_text(c, &b->units[e->unit], &len);
            cite_units(c, b, e->units, e->n_units, UINT32_MAX, &tmp);
            char date[24];
            snprintf(date, sizeof date, "%-10s", e->date);
            if (o->md) {
                put(o, "- **");
                put(o, e->date);
                put(o, "** ");
                wrap(o, t, len, 0, 0);
                put(o, " ");
                put(o, tmp.data);
                put(o, "\n");
            } else {
                put(o, "  ");
                color(o, BOLD);
                put(o, date);
                color(o, RESET);
                put(o, " ");
                size_t col = wrap(o, t, len, 13, 13);
                if (col + 1 + cols(tmp.data, tmp.len) > o->width) {
                    put(o, "\n             ");
                } else put(o, " ");
                color(o, DIM);
                put(o, tmp.data);
                color(o, RESET);
                put(o, "\n");
            }
        }
    } else if (b->n_docs) {
        heading(o, "Timeline");
        put(o, o->md ? "No dated events in the articles.\n" : "  no dated events in the articles\n");
    }

    /* entities with spelling variants */
    bool any = false;
    for (size_t i = 0; i < b->n_entities; i++) {
        const cri_bentity *e = &b->entities[i];
        if (e->n_variants < 2 || e->n_docs < 2) continue;
        /* spellings only: "Putin" for "Vladimir Putin" is no news */
        for (size_t mi = 0; mi < e->n_variants && mi < 8; mi++) {
            const char *main_name = e->variants[mi].text;
            size_t shown = 0;
            cri_buf_clear(&line);
            cri_buf_printf(&line, "%s (also spelled ", main_name);
            for (size_t v = mi + 1; v < e->n_variants && shown < 5; v++) {
                const char *vt = e->variants[v].text;
                if (!cri_brief_name_variant(main_name, strlen(main_name), vt, strlen(vt))) continue;
                if (shown++) cri_buf_puts(&line, "; ");
                cri_buf_printf(&line, "%s in ", vt);
                for (size_t k = 0; k < e->variants[v].n_docs && k < 6; k++) {
                    label(c, b->docs[e->variants[v].docs[k]].doc, l, sizeof l);
                    cri_buf_printf(&line, "%s%s", k ? ", " : "", l);
                }
            }
            if (!shown) continue;
            if (!any) heading(o, "Names written more than one way");
            any = true;
            cri_buf_puts(&line, ")");
            item(o, "•", line.data, line.len, NULL, NULL);
        }
    }
    put(o, "\n");
    cri_buf_free(&tmp);
    cri_buf_free(&line);
}

cr_status cr_corpus_write_briefs(cr_corpus *c, unsigned flags, unsigned width, cr_write_fn write, void *user) {
    if (!c || !write) return CR_ERR_USAGE;
    if (!c->briefed) {
        cr_status s = cr_corpus_brief(c, NULL);
        if (s != CR_OK) return s;
    }
    out o = {0};
    o.write = write;
    o.user = user;
    o.width = width ? width : 80;
    if (o.width < 30) o.width = 30;
    if (o.width > 400) o.width = 400;
    o.md = (flags & CR_TEXT_MARKDOWN) != 0;
    o.color = !o.md && (flags & CR_TEXT_COLOR);
    /* largest story first; ties in story order */
    size_t *order = malloc((c->n_stories ? c->n_stories : 1) * sizeof *order);
    if (!order) return cri_fail(c->ctx, CR_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < c->n_stories; i++) order[i] = i;
    for (size_t a = 1; a < c->n_stories; a++) {
        size_t t = order[a], k = a;
        while (k > 0 && c->stories[order[k - 1]].n_docs < c->stories[t].n_docs) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = t;
    }
    if (o.md) put(&o, "# Briefs\n\n");
    for (size_t i = 0; i < c->n_stories && !o.failed; i++) {
        const cri_story *s = &c->stories[order[i]];
        if (!s->brief) continue;
        if (i && !o.md) {
            for (unsigned k = 0; k < o.width && k < 80; k++) put(&o, "─");
            put(&o, "\n");
        }
        one_brief(&o, c, s, s->brief);
        flush(&o);
    }
    flush(&o);
    free(order);
    cri_buf_free(&o.buf);
    if (o.failed) return cri_fail(c->ctx, CR_ERR_IO, "could not write the briefs");
    return CR_OK;
}
