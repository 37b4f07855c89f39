/*
 * tool.h — shared pieces of the crossread command-line tool.  The tool uses
 * only the public header: it is a client of libcrossread like any other.
 */
#ifndef CR_TOOL_H
#define CR_TOOL_H

#include "crossread.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses (documented in docs/crossread.1.md). */
enum { TOOL_OK = 0, TOOL_REJECTED = 1, TOOL_USAGE = 2, TOOL_FAILED = 3 };

typedef struct tool_args {
    const char *cmd;
    bool json, pretty, markdown, raw, stream, tokens, color, no_color;
    size_t max_bytes;
    double threshold;        /* <0: default */
    unsigned shingle;        /* 0: default */
    double window_hours;     /* <0: default */
    unsigned words, sentences;
    const char **inputs; int n_inputs;
} tool_args;

/* Parse argv after the subcommand; prints a message and returns TOOL_USAGE
 * on a bad argument, -1 when --help was printed. */
int tool_parse(int argc, char **argv, tool_args *a, const char *usage);

/* Make a context and a corpus, add every input (printing one line per
 * rejected input to stderr), and clean.  Returns TOOL_* status. */
int tool_load(const tool_args *a, cr_ctx **ctx, cr_corpus **corpus);

/* Print errors recorded since *shown to stderr ("crossread: PATH: reason"). */
void tool_print_errors(const cr_corpus *c, size_t *shown);

/* Final exit status for a run that loaded corpus c. */
int tool_status(const cr_corpus *c);

/* Writer to a FILE*. */
int tool_write_file(void *user, const char *data, size_t len);

/* Write the corpus as JSON to stdout; TOOL_OK or TOOL_FAILED (message printed). */
int tool_write_json(cr_ctx *ctx, cr_corpus *c, unsigned flags);

/* End a run: flush stdout, free everything; returns the exit status (rc, or
 * TOOL_FAILED when stdout could not be written). */
int tool_finish(tool_args *a, cr_ctx *ctx, cr_corpus *c, int rc);

/* Print the first n bytes of s, cut on a UTF-8 boundary, "..." when cut. */
void tool_preview(const char *s, size_t n);

int cmd_clean(int argc, char **argv);
int cmd_dedup(int argc, char **argv);
int cmd_cluster(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_brief(int argc, char **argv);

#endif
