/*
 * cmd_entities.c — `crossread entities`: named-entity mentions, dates and
 * quantities per document, and entities resolved across the documents of
 * each story.  With --json the corpus JSON (docs/json.md) with the
 * extraction keys; without, a readable report built from that same JSON
 * (read back with jansson, so the tool stays on the public API).
 */
#include "tool.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *usage =
    "usage: crossread entities [--json] [--pretty] [--raw] [--max-bytes N] INPUT...\n"
    "\n"
    "Find the names (people, organizations, places), dates and quantities of\n"
    "each article, resolve relative dates against the publication date, and\n"
    "group the names of all articles into entities with their variants.\n"
    "All inputs form one story unless clustering has run.\n"
    "\n"
    "  --json         one JSON object: documents with \"mentions\", \"dates\",\n"
    "                 \"quantities\"; \"stories\" with \"entities\"\n"
    "  --pretty       indented JSON (implies --json)\n"
    "  --raw          inputs are clean body text: no title/boilerplate detection\n"
    "  --max-bytes N  reject inputs larger than N bytes (default 16M)\n"
    "\n"
    "example:\n"
    "  crossread entities examples/dprk-russia-2024-07/\n"
    "  crossread entities --json examples/dprk-russia-2024-07/ > entities.json\n";

typedef struct membuf { char *p; size_t n, cap; } membuf;

static int mem_write(void *user, const char *data, size_t len) {
    membuf *m = user;
    if (m->n + len + 1 > m->cap) {
        size_t cap = m->cap ? m->cap : 65536;
        while (cap < m->n + len + 1) cap *= 2;
        char *p = realloc(m->p, cap);
        if (!p) return -1;
        m->p = p;
        m->cap = cap;
    }
    memcpy(m->p + m->n, data, len);
    m->n += len;
    m->p[m->n] = 0;
    return 0;
}

static const char *jstr(json_t *o, const char *k) {
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static void print_number(json_t *v) {
    double d = json_number_value(v);
    if (d == (double)(long long)d && d < 1e15 && d > -1e15) printf("%lld", (long long)d);
    else printf("%g", d);
}

static void report_doc(json_t *doc) {
    printf("%s  (%s)\n", jstr(doc, "id") ? jstr(doc, "id") : "?",
           jstr(doc, "published") ? jstr(doc, "published") : "no publication date");
    json_t *arr;
    size_t i;
    json_t *m;
    arr = json_object_get(doc, "mentions");
    printf("  names      %zu\n", json_array_size(arr));
    json_array_foreach(arr, i, m) {
        const char *ent = jstr(m, "entity");
        printf("    %-13s %s%s%s%s\n", jstr(m, "type") ? jstr(m, "type") : "?",
               jstr(m, "text") ? jstr(m, "text") : "", ent ? "  [" : "", ent ? ent : "", ent ? "]" : "");
    }
    arr = json_object_get(doc, "dates");
    printf("  dates      %zu\n", json_array_size(arr));
    json_array_foreach(arr, i, m) {
        const char *mod = jstr(m, "mod");
        printf("    %-22s %s%s%s", jstr(m, "value") ? jstr(m, "value") : "-",
               jstr(m, "text") ? jstr(m, "text") : "", mod ? "  mod " : "", mod ? mod : "");
        if (json_is_true(json_object_get(m, "relative")))
            printf("  (relative to %s)", jstr(m, "anchor") ? jstr(m, "anchor") : "?");
        else if (jstr(m, "anchor"))
            printf("  (after %s)", jstr(m, "anchor"));
        printf("\n");
    }
    arr = json_object_get(doc, "quantities");
    printf("  quantities %zu\n", json_array_size(arr));
    json_array_foreach(arr, i, m) {
        printf("    ");
        print_number(json_object_get(m, "value"));
        json_t *mx = json_object_get(m, "value_max");
        if (json_is_number(mx)) {
            printf("-");
            print_number(mx);
        }
        const char *u = jstr(m, "unit"), *q = jstr(m, "qualifier");
        printf(" %s%s%s%s  \"%s\"\n", u ? u : "", q ? "  (" : "", q ? q : "", q ? ")" : "",
               jstr(m, "text") ? jstr(m, "text") : "");
    }
    printf("\n");
}

static void report_story(json_t *st) {
    json_t *ents = json_object_get(st, "entities");
    printf("story %s: %zu documents, %zu entities\n", jstr(st, "id") ? jstr(st, "id") : "?",
           json_array_size(json_object_get(st, "documents")), json_array_size(ents));
    size_t i;
    json_t *e;
    json_array_foreach(ents, i, e) {
        printf("  %-5s %-13s %s  (%zu documents)\n", jstr(e, "id") ? jstr(e, "id") : "?",
               jstr(e, "type") ? jstr(e, "type") : "?", jstr(e, "name") ? jstr(e, "name") : "?",
               json_array_size(json_object_get(e, "documents")));
        size_t k;
        json_t *v;
        json_array_foreach(json_object_get(e, "variants"), k, v) {
            printf("          %-10s %s\n", jstr(v, "kind") ? jstr(v, "kind") : "?",
                   jstr(v, "text") ? jstr(v, "text") : "");
        }
        json_array_foreach(json_object_get(e, "roles"), k, v) {
            if (json_is_string(v)) printf("          role       %s\n", json_string_value(v));
        }
    }
}

static int report(cr_corpus *c, cr_ctx *ctx) {
    membuf m = {0};
    if (cr_corpus_write_json(c, CR_JSON_EXTRACT, mem_write, &m) != CR_OK) {
        fprintf(stderr, "crossread: %s\n", cr_errmsg(ctx));
        free(m.p);
        return TOOL_FAILED;
    }
    json_error_t err;
    json_t *root = json_loadb(m.p ? m.p : "{}", m.n ? m.n : 2, 0, &err);
    free(m.p);
    if (!root) {
        fprintf(stderr, "crossread: internal JSON could not be read back: %s\n", err.text);
        return TOOL_FAILED;
    }
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(root, "documents"), i, v) report_doc(v);
    json_array_foreach(json_object_get(root, "stories"), i, v) report_story(v);
    json_decref(root);
    return TOOL_OK;
}

int cmd_entities(int argc, char **argv) {
    tool_args a;
    int rc = tool_parse(argc, argv, &a, usage);
    if (rc) {
        free(a.inputs);
        return rc < 0 ? TOOL_OK : rc;
    }
    cr_ctx *ctx;
    cr_corpus *c;
    rc = tool_load(&a, &ctx, &c);
    if (rc == TOOL_OK) {
        if (cr_corpus_extract(c) != CR_OK) {
            fprintf(stderr, "crossread: %s\n", cr_errmsg(ctx));
            rc = TOOL_FAILED;
        } else if (a.json) {
            unsigned flags = CR_JSON_EXTRACT | (a.pretty ? CR_JSON_PRETTY : 0);
            rc = tool_write_json(ctx, c, flags);
        } else {
            rc = report(c, ctx);
        }
        if (rc == TOOL_OK) rc = tool_status(c);
    }
    return tool_finish(&a, ctx, c, rc);
}
