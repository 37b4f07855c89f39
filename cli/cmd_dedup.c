/*
 * cmd_dedup.c — `crossread dedup`: copies among the articles (duplicates,
 * containment, rewrites) and their groups, as a readable report or as JSON
 * ({"documents", "copies", "copy_groups", "errors"}, docs/json.md).
 */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

static const char *usage =
    "usage: crossread dedup [--json] [--pretty] [--threshold J] [--shingle N] [--raw]\n"
    "                       [--max-bytes N] INPUT...\n"
    "\n"
    "Find copies among the articles: near-identical texts (duplicate), one\n"
    "article holding most of another plus its own text (contains), and\n"
    "paraphrases that follow another article sentence by sentence (rewrite).\n"
    "Copies are grouped; each group names its likely original and why.\n"
    "\n"
    "  --json          one JSON object: documents, copies, copy_groups, errors\n"
    "  --pretty        indented JSON (implies --json)\n"
    "  --threshold J   Jaccard similarity of 5-word shingles for a near-duplicate\n"
    "                  candidate, in (0, 1] (default 0.5)\n"
    "  --shingle N     words per shingle, 1-32 (default 5)\n"
    "  --raw           inputs are clean body text: no title/boilerplate detection\n"
    "  --max-bytes N   reject inputs larger than N bytes (default 16M)\n"
    "\n"
    "example:\n"
    "  crossread dedup examples/dprk-russia-2024-07/\n"
    "  crossread dedup --json --threshold 0.6 articles.jsonl > copies.json\n";

static void pct(double v) { printf("%3.0f%%", v * 100.0); }

static void report(const cr_corpus *c) {
    size_t nc = cr_corpus_copy_count(c), ng = cr_corpus_copy_group_count(c);
    printf("%zu articles, %zu copy pair%s, %zu group%s\n", cr_corpus_count(c), nc,
           nc == 1 ? "" : "s", ng, ng == 1 ? "" : "s");
    if (nc) printf("\npairs (jaccard of shingles; containment of the smaller text in the other):\n");
    for (size_t i = 0; i < nc; i++) {
        size_t a, b, aligned;
        double jac, cont;
        const char *rel = cr_corpus_copy(c, i, &a, &b, &jac, &cont, &aligned);
        const char *verb = strcmp(rel, "contains") == 0 ? "contains"
                           : strcmp(rel, "rewrite") == 0 ? "rewrite of" : "duplicate of";
        printf("  %s %s %s\n    jaccard ", cr_doc_id(cr_corpus_doc(c, b)), verb,
               cr_doc_id(cr_corpus_doc(c, a)));
        pct(jac);
        printf("  containment ");
        pct(cont);
        if (aligned) printf("  aligned sentences %zu", aligned);
        printf("\n");
    }
    if (ng) printf("\ngroups (* the likely original):\n");
    for (size_t i = 0; i < ng; i++) {
        size_t orig;
        const char *why;
        size_t nm = cr_corpus_copy_group(c, i, &orig, &why);
        printf("  group %zu: %zu articles, original %s (%s)\n", i + 1, nm,
               cr_doc_id(cr_corpus_doc(c, orig)), why ? why : "");
        for (size_t k = 0; k < nm; k++) {
            size_t m = cr_corpus_copy_group_member(c, i, k);
            const cr_doc *d = cr_corpus_doc(c, m);
            const char *pub = cr_doc_published(d);
            printf("    %s %s%s%s\n", m == orig ? "*" : " ", cr_doc_id(d), pub ? "  " : "",
                   pub ? pub : "");
        }
    }
    if (!nc) printf("no copies found\n");
}

int cmd_dedup(int argc, char **argv) {
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
        cr_dedup_options o;
        cr_dedup_options_init(&o);
        if (a.threshold > 0) o.threshold = a.threshold;
        if (a.shingle) o.shingle = a.shingle;
        if (cr_corpus_dedup(c, &o) != CR_OK) {
            fprintf(stderr, "crossread: %s\n", cr_errmsg(ctx));
            rc = TOOL_FAILED;
        } else if (a.json) {
            unsigned flags = CR_JSON_COPIES | (a.pretty ? CR_JSON_PRETTY : 0) |
                             (a.tokens ? CR_JSON_TOKENS : 0);
            rc = tool_write_json(ctx, c, flags);
        } else {
            report(c);
        }
        if (rc == TOOL_OK) rc = tool_status(c);
    }
    return tool_finish(&a, ctx, c, rc);
}
