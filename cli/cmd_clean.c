/*
 * cmd_clean.c — `crossread clean`: cleaned documents as a readable report or
 * as JSON ({"documents": [...], "errors": [...]}, docs/json.md).
 */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

static const char *usage =
    "usage: crossread clean [--json] [--pretty] [--tokens] [--raw] [--max-bytes N] INPUT...\n"
    "\n"
    "Clean each article: repair bytes and mojibake, separate the body from\n"
    "boilerplate, read title, byline, outlet, date and cited sources, and\n"
    "split sentences.\n"
    "\n"
    "  --json         one JSON object: {\"documents\": [...], \"errors\": [...]}\n"
    "  --pretty       indented JSON (implies --json)\n"
    "  --tokens       include tokens (offsets, folded key, stem, stopword) in JSON\n"
    "  --raw          inputs are clean body text: no title/boilerplate detection\n"
    "  --max-bytes N  reject an article larger than N bytes (default 16M; in JSON\n"
    "                 Lines it bounds each line, not the file)\n"
    "\n"
    "example:\n"
    "  crossread clean examples/dprk-russia-2024-07/*.txt\n"
    "  crossread clean --json examples/dprk-russia-2024-07/ > docs.json\n";

static void field(const char *name, const char *v) {
    printf("  %-10s %s\n", name, v ? v : "-");
}

static void report(const cr_doc *d) {
    size_t blen;
    cr_doc_body(d, &blen);
    printf("%s  (%s)\n", cr_doc_id(d), cr_doc_source(d));
    field("title", cr_doc_title(d));
    field("byline", cr_doc_byline(d));
    field("outlet", cr_doc_outlet(d));
    field("published", cr_doc_published(d));
    field("language", cr_doc_language(d));
    size_t nc = cr_doc_cite_count(d);
    printf("  %-10s ", "cites");
    if (!nc) printf("-");
    for (size_t i = 0; i < nc; i++) printf("%s%s", i ? ", " : "", cr_doc_cite(d, i));
    printf("\n  %-10s %zu bytes, %zu sentences, %zu captions\n", "body", blen,
           cr_doc_sentence_count(d), cr_doc_caption_count(d));
    for (size_t i = 0; i < cr_doc_caption_count(d); i++) {
        printf("  %-10s ", "caption");
        tool_preview(cr_doc_caption(d, i), 100);
        printf("\n");
    }
    size_t nr = cr_doc_removed_count(d);
    printf("  %-10s %zu lines\n", "removed", nr);
    for (size_t i = 0; i < nr; i++) {
        const char *reason;
        const char *text = cr_doc_removed(d, i, &reason);
        printf("    %-14s ", reason ? reason : "?");
        tool_preview(text, 70);
        printf("\n");
    }
    size_t np = cr_doc_repair_count(d);
    printf("  %-10s %zu\n", "repairs", np);
    for (size_t i = 0; i < np; i++) {
        const char *before, *after;
        const char *kind = cr_doc_repair(d, i, &before, &after);
        printf("    %-14s \"", kind);
        tool_preview(before, 40);
        printf("\" -> \"");
        tool_preview(after, 40);
        printf("\"\n");
    }
    printf("\n");
}

int cmd_clean(int argc, char **argv) {
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
        if (a.json) {
            unsigned flags = (a.pretty ? CR_JSON_PRETTY : 0) | (a.tokens ? CR_JSON_TOKENS : 0);
            rc = tool_write_json(ctx, c, flags);
        } else {
            for (size_t i = 0; i < cr_corpus_count(c); i++) report(cr_corpus_doc(c, i));
        }
        if (rc == TOOL_OK) rc = tool_status(c);
    }
    return tool_finish(&a, ctx, c, rc);
}
