/*
 * cmd_cluster.c — `crossread cluster`: group articles into stories, as a
 * readable listing or JSON ({"documents", "stories", "errors"}), or, with
 * --stream, assign JSON Lines from standard input one at a time.
 */
#include "tool.h"

#include <stdlib.h>
#include <string.h>

static const char *usage =
    "usage: crossread cluster [--json] [--pretty] [--raw] [--threshold T] INPUT...\n"
    "       crossread cluster --stream [--window 72h] [--threshold T] < articles.jsonl\n"
    "\n"
    "Group articles about the same event into stories.  Each story has an id,\n"
    "a label (its most central title) and the shared words, names and numbers\n"
    "that hold it together.  In batch mode the order of inputs does not matter.\n"
    "\n"
    "  --json         {\"documents\": [...], \"stories\": [...], \"errors\": [...]}\n"
    "  --pretty       indented JSON (implies --json)\n"
    "  --raw          inputs are clean body text: no title/boilerplate detection\n"
    "  --threshold T  similarity needed to join a story, in (0, 1] (default 0.18)\n"
    "  --stream       read JSON Lines in time order on stdin; write one line per\n"
    "                 article: {\"id\", \"story\", \"score\", \"why\"}\n"
    "  --window W     streaming: close stories idle longer than W (72h, 3d)\n"
    "  --max-bytes N  reject inputs larger than N bytes (default 16M)\n"
    "\n"
    "example:\n"
    "  crossread cluster examples/dprk-russia-2024-07/\n"
    "  crossread cluster --stream --window 48h < today.jsonl\n";

/* Readable listing: one block per story. */
static void listing(const cr_corpus *c) {
    size_t ns = cr_corpus_story_count(c);
    for (size_t i = 0; i < ns; i++) {
        size_t sz = cr_corpus_story_size(c, i);
        printf("%s  %zu article%s  ", cr_corpus_story_id(c, i), sz, sz == 1 ? "" : "s");
        const char *label = cr_corpus_story_label(c, i);
        tool_preview(label ? label : "-", 100);
        printf("\n");
        size_t nw = cr_corpus_story_why_count(c, i);
        if (nw) {
            printf("  why: ");
            for (size_t k = 0; k < nw; k++) printf("%s%s", k ? ", " : "", cr_corpus_story_why(c, i, k));
            printf("\n");
        }
        for (size_t j = 0; j < sz; j++) {
            const cr_doc *d = cr_corpus_doc(c, cr_corpus_story_doc(c, i, j));
            const char *pub = cr_doc_published(d);
            const char *title = cr_doc_title(d);
            printf("  %-24s %-18s %-10.10s ", cr_doc_id(d), cr_doc_outlet(d) ? cr_doc_outlet(d) : "-",
                   pub ? pub : "-");
            if (title) tool_preview(title, 70);
            else {
                size_t len;
                const char *body = cr_doc_body(d, &len);
                size_t k = 0;
                while (k < len && k < 200 && body[k] != '\n') k++;
                char buf[204];
                memcpy(buf, body, k);
                buf[k] = 0;
                tool_preview(buf, 70);
            }
            printf("\n");
        }
        printf("\n");
    }
}

static int run_stream(const tool_args *a) {
    cr_options opt;
    cr_options_init(&opt);
    if (a->max_bytes) opt.max_bytes = a->max_bytes;
    opt.raw = a->raw;
    cr_ctx *ctx;
    if (cr_ctx_new(&opt, &ctx) != CR_OK) {
        fprintf(stderr, "crossread: out of memory\n");
        return TOOL_FAILED;
    }
    cr_cluster_options co;
    cr_cluster_options_init(&co);
    if (a->threshold > 0) co.threshold = a->threshold;
    if (a->window_hours > 0) co.window_hours = a->window_hours;
    cr_stream *s;
    if (cr_stream_new(ctx, &co, &s) != CR_OK) {
        fprintf(stderr, "crossread: %s\n", cr_errmsg(ctx));
        cr_ctx_free(ctx);
        return TOOL_FAILED;
    }
    int rc = TOOL_OK;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, stdin)) >= 0) {
        lineno++;
        size_t n = (size_t)len;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        size_t k = 0;
        while (k < n && (line[k] == ' ' || line[k] == '\t')) k++;
        if (k == n) continue;
        cr_status st = cr_stream_push_line(s, line, n, tool_write_file, stdout);
        if (st == CR_ERR_INPUT || st == CR_ERR_LIMIT) {
            fprintf(stderr, "crossread: stdin:%zu: %s\n", lineno, cr_errmsg(ctx));
            rc = TOOL_REJECTED;
        } else if (st != CR_OK) {
            fprintf(stderr, "crossread: %s\n", cr_errmsg(ctx));
            rc = TOOL_FAILED;
            break;
        }
        fflush(stdout);
    }
    free(line);
    cr_stream_free(s);
    cr_ctx_free(ctx);
    if (fflush(stdout) != 0 && rc == TOOL_OK) rc = TOOL_FAILED;
    return rc;
}

int cmd_cluster(int argc, char **argv) {
    tool_args a;
    int rc = tool_parse(argc, argv, &a, usage);
    if (rc) {
        free(a.inputs);
        return rc < 0 ? TOOL_OK : rc;
    }
    if (a.stream) {
        if (a.n_inputs) {
            fprintf(stderr, "crossread: cluster --stream reads standard input; no INPUT allowed\n");
            free(a.inputs);
            return TOOL_USAGE;
        }
        free(a.inputs);
        return run_stream(&a);
    }
    cr_ctx *ctx;
    cr_corpus *c;
    rc = tool_load(&a, &ctx, &c);
    if (rc == TOOL_OK) {
        cr_cluster_options co;
        cr_cluster_options_init(&co);
        if (a.threshold > 0) co.threshold = a.threshold;
        if (a.window_hours > 0) co.window_hours = a.window_hours;
        if (cr_corpus_cluster(c, &co) != CR_OK) {
            fprintf(stderr, "crossread: %s\n", cr_errmsg(ctx));
            rc = TOOL_FAILED;
        } else if (a.json) {
            unsigned flags = CR_JSON_STORIES | (a.pretty ? CR_JSON_PRETTY : 0);
            rc = tool_write_json(ctx, c, flags);
        } else {
            listing(c);
        }
        if (rc == TOOL_OK) rc = tool_status(c);
    }
    return tool_finish(&a, ctx, c, rc);
}
