/*
 * provenance.c — where a story's articles got their report, and how many
 * independent sources they amount to.
 *
 * Runs in the brief after the sentences are units.  Each article's
 * attribution cues — the cites cleaning found ("Source: Reuters", a wire
 * dateline, "(With inputs from agencies.)") and those read here from the
 * body ("according to Reuters", "citing North Korea's state media",
 * "The Washington Post reports", "reported by KCNA") — name its origins.
 * A provenance graph joins two articles when one copies, contains or
 * rewrites the other (dedup's copy relations), when they repeat most of
 * their sentences word for word, or when both pass on the same reporting
 * origin (a wire, an agency, state media, a paper).  Each connected group is
 * one independent source; every join is explained in `why`.
 */
#include "brief.h"

#include <stdio.h>
#include <stdlib.h>

/* Wire services and state agencies: passing on one of them is not
 * independent reporting.  (Names, not seed text: the usual wires.) */
static const char *const wires[] = {
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "Xinhua",
    "Yonhap", "KCNA", "Korean Central News Agency", "TASS", "Interfax", "RIA Novosti", "ANI",
    "PTI", "Press Trust of India", "IANS", "UPI", "dpa", "DPA", "EFE", "ANSA", "Kyodo",
    "Anadolu", "state media", "agencies", "Bernama", "Antara", "CNA", "WAFA", "IRNA", "SANA",
    "Ukrinform", "Sputnik", "RIA", "Jiji", "NTB", "Belga", "APA", "Prensa Latina", "AAP",
};
/* Words that mark a media organisation among other named sources. */
static const char *const media_words[] = {
    "News", "Post", "Times", "Journal", "Herald", "Telegraph", "Guardian", "Media", "Press",
    "Agency", "TV", "Television", "Radio", "BBC", "CNN", "Tribune", "Gazette", "Daily",
    "Chronicle", "Observer", "Express", "Wire", "Broadcasting", "Network", "Newsweek",
    "Bloomberg", "Politico", "Axios", "Chosun", "Economist",
};
static const char *const not_names[] = {
    "The", "A", "An", "He", "She", "It", "They", "This", "That", "These", "Those", "In", "On",
    "At", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "We", "I", "You", "His", "Her", "Their", "Its", "But",
    "And", "Police", "Officials", "Sources",
};

static bool in_list(const char *s, size_t n, const char *const *list, size_t nl) {
    for (size_t i = 0; i < nl; i++)
        if (strlen(list[i]) == n && memcmp(list[i], s, n) == 0) return true;
    return false;
}

static bool is_wire(const char *name) {
    return in_list(name, strlen(name), wires, sizeof wires / sizeof *wires);
}

static bool is_media(const char *name) {
    if (is_wire(name)) return true;
    const char *p = name;
    while (*p) {
        const char *e = p;
        while (*e && *e != ' ') e++;
        if (in_list(p, (size_t)(e - p), media_words, sizeof media_words / sizeof *media_words)) return true;
        p = *e ? e + 1 : e;
    }
    return false;
}

/* ASCII case-insensitive compare of n bytes. */
static bool ieq(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (cri_tolower(a[i]) != cri_tolower(b[i])) return false;
    return true;
}

static bool word_byte(unsigned char c) { return cri_isalnum(c) || c >= 0x80 || c == '-' || c == '.' || c == '&'; }

/* An apostrophe-s at p: 's, ’s, ʼs.  Returns its length or 0. */
static size_t possessive(const char *s, size_t n, size_t p) {
    if (p + 2 <= n && s[p] == '\'' && (s[p + 1] == 's' || s[p + 1] == 'S')) return 2;
    if (p + 4 <= n && (unsigned char)s[p] == 0xE2 && (unsigned char)s[p + 1] == 0x80 &&
        (unsigned char)s[p + 2] == 0x99 && s[p + 3] == 's')
        return 4;
    if (p + 3 <= n && (unsigned char)s[p] == 0xCA && (unsigned char)s[p + 1] == 0xBC && s[p + 2] == 's') return 3;
    return 0;
}

/* Generic lower-case sources at p: "state media", "state-run media", "state
 * news agency", "agencies", "news agencies".  Returns bytes matched. */
static size_t generic_at(const char *s, size_t n, size_t p, const char **name) {
    static const struct { const char *text; const char *name; } g[] = {
        {"state-run media", "state media"}, {"state media", "state media"},
        {"state news agency", "state media"}, {"state-run news agency", "state media"},
        {"state television", "state media"}, {"state-controlled media", "state media"},
        {"official media", "state media"}, {"news agencies", "agencies"}, {"agencies", "agencies"},
    };
    for (size_t i = 0; i < sizeof g / sizeof *g; i++) {
        size_t l = strlen(g[i].text);
        if (p + l <= n && ieq(s + p, g[i].text, l) && (p + l == n || !word_byte((unsigned char)s[p + l]))) {
            *name = g[i].name;
            return l;
        }
    }
    return 0;
}

/* Parse a source name forward from p.  Writes the name to out; returns the
 * end offset, or 0 when there is none. */
static size_t name_forward(const char *s, size_t n, size_t p, char *out, size_t outsz, char *also,
                           size_t alsosz) {
    if (also) also[0] = 0;
    out[0] = 0;
    while (p < n && s[p] == ' ') p++;
    if (p + 4 <= n && ieq(s + p, "the ", 4)) p += 4;
    const char *gname;
    size_t gl = generic_at(s, n, p, &gname);
    if (gl) {
        snprintf(out, outsz, "%s", gname);
        return p + gl;
    }
    size_t start = p, end = p, words = 0;
    while (p < n && words < 6) {
        size_t w = p;
        while (p < n && word_byte((unsigned char)s[p])) p++;
        while (p > w && (s[p - 1] == '.' || s[p - 1] == '-')) p--;  /* sentence end, dash */
        if (p == w) break;
        bool cap = cri_isupper((unsigned char)s[w]) || cri_isdigit((unsigned char)s[w]);
        if (!cap) {
            /* "Ministry of Defence": a linking word between capitals */
            bool link = words > 0 && ((p - w == 2 && ieq(s + w, "of", 2)) ||
                                      (p - w == 3 && ieq(s + w, "for", 3)));
            if (link && p + 1 < n && s[p] == ' ' && cri_isupper((unsigned char)s[p + 1])) {
                p++;
                continue;
            }
            p = w;
            break;
        }
        if (words == 0 && in_list(s + w, p - w, not_names, sizeof not_names / sizeof *not_names)) return 0;
        words++;
        end = p;
        size_t ps = possessive(s, n, p);
        if (ps) {
            /* "North Korea's state media" */
            size_t q = p + ps;
            while (q < n && s[q] == ' ') q++;
            gl = generic_at(s, n, q, &gname);
            if (!gl) return 0;
            end = q + gl;
            snprintf(out, outsz, "%s", gname);
            goto appositive;
        }
        if (p < n && s[p] == ' ') {
            size_t q = p + 1;
            gl = generic_at(s, n, q, &gname);
            if (gl) { /* "North Korean state media" */
                end = q + gl;
                snprintf(out, outsz, "%s", gname);
                goto appositive;
            }
            if (q + 5 <= n && ieq(s + q, "media", 5) && cri_islower((unsigned char)s[q])) {
                /* "New Zealand media reports": the country's press at large */
                size_t l = end - start;
                if (l > outsz - 8) l = outsz - 8;
                memcpy(out, s + start, l);
                memcpy(out + l, " media", 7);
                return q + 5;
            }
            if (q + 11 <= n && ieq(s + q, "news agency", 11)) { /* "Reuters news agency" */
                if (cri_islower((unsigned char)s[q])) {
                    end = p;
                    break;
                }
            }
            p = q;
            continue;
        }
        break;
    }
    if (!words) return 0;
    {
        size_t l = end - start;
        if (l >= outsz) l = outsz - 1;
        memcpy(out, s + start, l);
        out[l] = 0;
    }
    return end;
appositive:
    /* "the North's state media, KCNA," -> KCNA */
    /* only at the top level: no recursion on "state media, state media, ..." */
    if (also && end + 2 < n && s[end] == ',' && s[end + 1] == ' ' && cri_isupper((unsigned char)s[end + 2])) {
        char sub[128];
        size_t e2 = name_forward(s, n, end + 2, sub, sizeof sub, NULL, 0);
        if (e2 && strcmp(sub, "state media") != 0 && strchr(sub, ' ') == NULL) {
            /* both: the agency by name, and that it is state media */
            if (also) snprintf(also, alsosz, "%s", out);
            snprintf(out, outsz, "%s", sub);
            return e2;
        }
    }
    return end;
}

/* Parse a name that ends just before p ("The Washington Post| reports"). */
static size_t name_backward(const char *s, size_t p, char *out, size_t outsz) {
    out[0] = 0;
    size_t end = p, start = p, words = 0;
    size_t q = p;
    /* generic: "... state media| reported" */
    static const char *const gen[] = {"state media", "agencies"};
    for (size_t i = 0; i < 2; i++) {
        size_t l = strlen(gen[i]);
        if (q >= l && ieq(s + q - l, gen[i], l)) {
            snprintf(out, outsz, "%s", i == 0 ? "state media" : "agencies");
            return q - l + 1;
        }
    }
    while (q > 0 && words < 6) {
        size_t e = q;
        while (q > 0 && word_byte((unsigned char)s[q - 1])) q--;
        if (q == e) break;
        if (!(cri_isupper((unsigned char)s[q]) || cri_isdigit((unsigned char)s[q]))) break;
        if (in_list(s + q, e - q, not_names, sizeof not_names / sizeof *not_names)) break;
        start = q;
        words++;
        if (q > 0 && s[q - 1] == ' ') q--;
        else break;
    }
    if (!words) return 0;
    size_t l = end - start;
    if (l >= outsz) l = outsz - 1;
    memcpy(out, s + start, l);
    out[l] = 0;
    return start + 1;
}

static int add_origin(cri_brief *b, size_t sd, const char *name, const char *cue, size_t cue_len) {
    if (!name[0]) return 0;
    size_t o;
    for (o = 0; o < b->n_origins; o++)
        if (strcmp(b->origins[o].name, name) == 0) break;
    if (o == b->n_origins) {
        if (b->n_origins >= 64) return 0;
        cri_borigin *og = CRI_PUSH(b->origins, b->n_origins, b->cap_origins);
        if (!og) return -1;
        og->name = cri_arena_strdup(&b->arena, name);
        og->docs = cri_arena_alloc(&b->arena, (b->n_docs ? b->n_docs : 1) * sizeof(size_t));
        og->wire = is_media(name);
        if (!og->name || !og->docs) return -1;
    }
    cri_borigin *og = &b->origins[o];
    cri_bdoc *bd = &b->docs[sd];
    for (size_t k = 0; k < bd->n_origins; k++)
        if (bd->origins[k] == o) return 0;
    size_t *slot = CRI_PUSH(bd->origins, bd->n_origins, bd->cap_origins);
    if (!slot) return -1;
    *slot = o;
    og->docs[og->n_docs++] = sd;
    if (cue && bd->n_cues < 8) {
        char **c = CRI_PUSH(bd->cues, bd->n_cues, bd->cap_cues);
        if (!c) return -1;
        if (cue_len > 160) cue_len = 160;
        while (cue_len > 0 && ((unsigned char)cue[cue_len] & 0xC0) == 0x80) cue_len--;
        *c = cri_arena_strndup(&b->arena, cue, cue_len);
        if (!*c) return -1;
    }
    return 0;
}

/* Attribution cues in one document's body. */
static int scan_cues(cri_brief *b, size_t sd, const cr_doc *d) {
    const char *s = d->body;
    size_t n = d->body_len;
    char name[128], also[128];
    also[0] = 0;
    if (!s) return 0;
    for (size_t p = 0; p < n; p++) {
        char ch = cri_tolower(s[p]);
        if (ch != 'a' && ch != 'c' && ch != 's' && ch != 'r' && ch != 'i' && ch != ',') continue;
        if (p > 0 && word_byte((unsigned char)s[p - 1]) && ch != ',') continue;
        size_t e = 0, cue_start = p;
        also[0] = 0;
        if (p + 13 <= n && ieq(s + p, "according to ", 13)) {
            e = name_forward(s, n, p + 13, name, sizeof name, also, sizeof also);
            /* a person quoted is a source, not a reporting origin: keep
             * only names that look like organisations or media */
        } else if (p + 7 <= n && ieq(s + p, "citing ", 7)) {
            e = name_forward(s, n, p + 7, name, sizeof name, also, sizeof also);
            if (e && p >= 2 && s[p - 2] == ',') {
                /* "Reuters, citing ..." names Reuters as well */
                char prev[128];
                size_t b0 = name_backward(s, p - 2, prev, sizeof prev);
                if (b0 && add_origin(b, sd, prev, s + b0 - 1, p - b0 + 1)) return -1;
            }
        } else if (p + 7 <= n && (ieq(s + p, "source:", 7) || (p + 8 <= n && ieq(s + p, "sources:", 8)))) {
            bool line_start = p == 0 || s[p - 1] == '\n';
            if (line_start) e = name_forward(s, n, p + (s[p + 6] == ':' ? 7 : 8), name, sizeof name, also, sizeof also);
        } else if (p + 12 <= n && ieq(s + p, "inputs from ", 12)) {
            e = name_forward(s, n, p + 12, name, sizeof name, also, sizeof also);
        } else if (p + 12 <= n && ieq(s + p, "reported by ", 12)) {
            e = name_forward(s, n, p + 12, name, sizeof name, also, sizeof also);
        } else if (p + 9 <= n && (ieq(s + p, "reported ", 9) || ieq(s + p, "reports t", 9))) {
            if (p >= 2 && s[p - 1] == ' ') {
                size_t b0 = name_backward(s, p - 1, name, sizeof name);
                if (b0) {
                    cue_start = b0 - 1;
                    e = p + 8;
                }
            }
        }
        if (!e || !name[0]) continue;
        if (add_origin(b, sd, name, s + cue_start, e - cue_start)) return -1;
        if (also[0] && add_origin(b, sd, also, NULL, 0)) return -1;
        p = e > p ? e - 1 : p;
    }
    return 0;
}

static uint32_t find_root(uint32_t *p, uint32_t x) {
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

static void doc_label(const cr_corpus *c, const cri_brief *b, size_t sd, char *out, size_t size) {
    cri_brief_doclabel(c, b->docs[sd].doc, out, size);
}

static int add_why(cri_brief *b, char *s) {
    if (!s) return -1;
    if (b->n_why >= 16) return 0;
    char **slot = CRI_PUSH(b->why, b->n_why, b->cap_why);
    if (!slot) return -1;
    *slot = s;
    return 0;
}

static void join(uint32_t *parent, uint32_t a, uint32_t c) {
    uint32_t ra = find_root(parent, a), rc = find_root(parent, c);
    if (ra == rc) return;
    if (ra < rc) parent[rc] = ra;
    else parent[ra] = rc;
}

cr_status cri_provenance_build(cr_corpus *c, cri_brief *b) {
    cr_ctx *ctx = c->ctx;
    size_t nd = b->n_docs;
    uint32_t *parent = malloc((nd ? nd : 1) * sizeof *parent);
    long *local = malloc((c->n_docs ? c->n_docs : 1) * sizeof *local);
    cri_buf list = {0};
    cr_status st = CR_OK;
    if (!parent || !local) goto nomem;
    for (size_t i = 0; i < c->n_docs; i++) local[i] = -1;
    for (size_t sd = 0; sd < nd; sd++) {
        parent[sd] = (uint32_t)sd;
        local[b->docs[sd].doc] = (long)sd;
    }

    /* cues: cleaning's cites first, then the body */
    for (size_t sd = 0; sd < nd; sd++) {
        const cr_doc *d = c->docs[b->docs[sd].doc];
        for (size_t k = 0; k < d->n_cites; k++) {
            char cue[200];
            snprintf(cue, sizeof cue, "cites %s", d->cites[k]);
            const char *nm = d->cites[k];
            if (ieq(nm, "agencies", 8) || ieq(nm, "news agencies", 13)) nm = "agencies";
            if (add_origin(b, sd, nm, cue, strlen(cue))) goto nomem;
        }
        if (scan_cues(b, sd, d)) goto nomem;
    }
    /* an article published by a wire is its own origin */
    for (size_t sd = 0; sd < nd; sd++) {
        const cr_doc *d = c->docs[b->docs[sd].doc];
        if (!d->outlet) continue;
        for (size_t o = 0; o < b->n_origins; o++)
            if (strlen(b->origins[o].name) == strlen(d->outlet) &&
                ieq(b->origins[o].name, d->outlet, strlen(d->outlet)) && b->origins[o].n_docs &&
                add_origin(b, sd, b->origins[o].name, NULL, 0))
                goto nomem;
    }

    /* copies found by dedup */
    for (size_t i = 0; i < c->n_copies; i++) {
        const cri_copy *cp = &c->copies[i];
        if (cp->a >= c->n_docs || cp->b >= c->n_docs) continue;
        long la = local[cp->a], lb = local[cp->b];
        if (la < 0 || lb < 0) continue;
        b->have_copies = true;
        char x[32], y[32];
        doc_label(c, b, (size_t)la, x, sizeof x);
        doc_label(c, b, (size_t)lb, y, sizeof y);
        const char *rel = cp->relation == CRI_COPY_DUPLICATE ? "duplicates"
                          : cp->relation == CRI_COPY_CONTAINS ? "contains" : "rewrites";
        /* for a rewrite the later article rewrites the earlier: say it that way round */
        const cr_doc *da = c->docs[cp->a], *db = c->docs[cp->b];
        bool swap = false;
        if (cp->relation != CRI_COPY_CONTAINS) {
            /* "later rewrites earlier": the copy group's original (dedup's
             * call: earliest published, else the container) comes last */
            size_t orig = SIZE_MAX;
            for (size_t g = 0; g < c->n_groups && orig == SIZE_MAX; g++) {
                bool has_a = false, has_b = false;
                for (size_t k = 0; k < c->groups[g].n_members; k++) {
                    has_a |= c->groups[g].members[k] == cp->a;
                    has_b |= c->groups[g].members[k] == cp->b;
                }
                if (has_a && has_b) orig = c->groups[g].original;
            }
            if (orig == cp->a) swap = true;
            else if (orig == SIZE_MAX && da->has_pub && db->has_pub) swap = da->pub_epoch_min < db->pub_epoch_min;
        }
        if (find_root(parent, (uint32_t)la) != find_root(parent, (uint32_t)lb) &&
            add_why(b, cri_brief_printf(b, "%s %s %s", swap ? y : x, rel, swap ? x : y)))
            goto nomem;
        join(parent, (uint32_t)la, (uint32_t)lb);
    }

    /* articles that repeat most of another's sentences word for word (a
     * check of its own, so a brief stays right where dedup has not run) */
    {
        uint32_t *shared = calloc(nd ? nd : 1, sizeof *shared);
        uint32_t *nsent = calloc(nd ? nd : 1, sizeof *nsent);
        uint32_t *touched = malloc((nd ? nd : 1) * sizeof *touched);
        if (!shared || !nsent || !touched) {
            free(shared);
            free(nsent);
            free(touched);
            goto nomem;
        }
        for (size_t i = 0; i < b->n_units; i++)
            if (!(b->units[i].flags & CRI_BU_SHORT)) nsent[b->units[i].sdoc]++;
        size_t i = 0;
        while (i < b->n_units) {
            uint32_t sd = b->units[i].sdoc;
            size_t nt = 0;
            for (; i < b->n_units && b->units[i].sdoc == sd; i++) {
                const cri_bunit *u = &b->units[i];
                if (u->dup_of == i || (u->flags & CRI_BU_SHORT)) continue;
                uint32_t o = b->units[u->dup_of].sdoc;
                if (!shared[o]) touched[nt++] = o;
                shared[o]++;
            }
            for (size_t t = 0; t < nt; t++) {
                uint32_t o = touched[t];
                uint32_t m = nsent[sd] < nsent[o] ? nsent[sd] : nsent[o];
                if (shared[o] >= 3 && shared[o] * 10 >= m * 6 &&
                    find_root(parent, sd) != find_root(parent, o)) {
                    char x[32], y[32];
                    doc_label(c, b, sd, x, sizeof x);
                    doc_label(c, b, o, y, sizeof y);
                    if (add_why(b, cri_brief_printf(b, "%s repeats %u of its %u sentences from %s word for word",
                                                    x, shared[o], nsent[sd], y))) {
                        free(shared);
                        free(nsent);
                        free(touched);
                        goto nomem;
                    }
                    join(parent, sd, o);
                }
                shared[o] = 0;
            }
        }
        free(shared);
        free(nsent);
        free(touched);
    }

    /* one outlet's articles (updates of its own report) are one source */
    {
        for (size_t sd = 0; sd < nd; sd++) {
            const cr_doc *d = c->docs[b->docs[sd].doc];
            if (!d->outlet) continue;
            size_t first = SIZE_MAX, count = 0;
            for (size_t k = 0; k < nd; k++)
                if (b->outlet_of[k] == b->outlet_of[sd]) {
                    if (first == SIZE_MAX) first = k;
                    count++;
                }
            if (count < 2 || first != sd) continue;   /* once per outlet */
            bool joined = false;
            for (size_t k = sd + 1; k < nd; k++)
                if (b->outlet_of[k] == b->outlet_of[sd] && find_root(parent, (uint32_t)k) != find_root(parent, (uint32_t)sd)) {
                    join(parent, (uint32_t)sd, (uint32_t)k);
                    joined = true;
                }
            if (joined && add_why(b, cri_brief_printf(b, "%zu articles are from one outlet (%s)", count, d->outlet)))
                goto nomem;
        }
    }

    /* a shared reporting origin: wires, agencies, state media, papers.
     * "agencies" alone names no one in particular and joins nothing. */
    for (size_t o = 0; o < b->n_origins; o++) {
        cri_borigin *og = &b->origins[o];
        if (og->n_docs < 2 || !og->wire || strcmp(og->name, "agencies") == 0) continue;
        cri_buf_clear(&list);
        for (size_t k = 0; k < og->n_docs; k++) {
            char x[32];
            doc_label(c, b, og->docs[k], x, sizeof x);
            if ((k && cri_buf_puts(&list, ", ")) || cri_buf_puts(&list, x)) goto nomem;
            join(parent, (uint32_t)og->docs[0], (uint32_t)og->docs[k]);
        }
        if (add_why(b, cri_brief_printf(b, "%zu articles attribute their report to %s (%s)", og->n_docs,
                                        og->name, list.data)))
            goto nomem;
    }

    /* origins: most documents first */
    for (size_t a = 1; a < b->n_origins; a++) {
        cri_borigin t = b->origins[a];
        size_t k = a;
        while (k > 0 && b->origins[k - 1].n_docs < t.n_docs) {
            b->origins[k] = b->origins[k - 1];
            k--;
        }
        b->origins[k] = t;
    }
    /* the per-document origin indexes moved with the sort: rebuild them */
    for (size_t sd = 0; sd < nd; sd++) b->docs[sd].n_origins = 0;
    for (size_t o = 0; o < b->n_origins; o++)
        for (size_t k = 0; k < b->origins[o].n_docs; k++) {
            cri_bdoc *bd = &b->docs[b->origins[o].docs[k]];
            size_t *slot = CRI_PUSH(bd->origins, bd->n_origins, bd->cap_origins);
            if (!slot) goto nomem;
            *slot = o;
        }

    size_t roots = 0;
    for (size_t sd = 0; sd < nd; sd++) {
        b->docs[sd].root = find_root(parent, (uint32_t)sd);
        if (b->docs[sd].root == sd) roots++;
    }
    b->n_indep = roots;
    if (nd > 1 && roots == 1 &&
        add_why(b, cri_brief_printf(b, "all %zu articles trace back to one source", nd)))
        goto nomem;
    if (nd > 1 && roots == nd && b->n_why == 0 &&
        add_why(b, cri_brief_printf(b, "no copies and no shared origin found: %zu independent reports", nd)))
        goto nomem;
    goto done;
nomem:
    st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
done:
    cri_buf_free(&list);
    free(parent);
    free(local);
    return st;
}

static int cmp_root(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

uint32_t cri_provenance_count(const cri_brief *b, const uint32_t *sdocs, size_t n) {
    if (n <= 16) {
        uint32_t count = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t r = b->docs[sdocs[i]].root;
            bool seen = false;
            for (size_t k = 0; k < i && !seen; k++)
                if (b->docs[sdocs[k]].root == r) seen = true;
            count += !seen;
        }
        return count;
    }
    /* many articles (500 copies): sort the roots, count the distinct */
    uint32_t *r = malloc(n * sizeof *r);
    if (!r) return 1;
    for (size_t i = 0; i < n; i++) r[i] = b->docs[sdocs[i]].root;
    qsort(r, n, sizeof *r, cmp_root);
    uint32_t count = 0;
    for (size_t i = 0; i < n; i++) count += !i || r[i] != r[i - 1];
    free(r);
    return count;
}
