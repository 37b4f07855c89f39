/*
 * cmd_brief.c — `crossread brief`: per story, the corroborated facts with
 * their independent sources, conflicts, unique details, timeline and a cited
 * summary; as text for a terminal (default), Markdown or JSON.
 */
#include "tool.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static const char *usage =
    "usage: crossread brief [OPTIONS] INPUT...\n"
    "\n"
    "What the articles establish, by how many independent sources, where they\n"
    "disagree, what only one outlet reports, when things happened, and a summary\n"
    "quoted from the articles with citations.  With many articles, they are first\n"
    "grouped into stories and each story gets a brief, largest first.\n"
    "\n"
    "options:\n"
    "  --json           machine-readable: documents, copies, stories with briefs\n"
    "  --pretty         indented JSON\n"
    "  --markdown       Markdown with the same content as the terminal brief\n"
    "  --sentences N    summary length in sentences (default 3-7, by content)\n"
    "  --words N        summary length in words (whole sentences)\n"
    "  --color          colour even when not on a terminal\n"
    "  --no-color       no colour (NO_COLOR in the environment does the same)\n"
    "  --raw            inputs are clean body text\n"
    "  --max-bytes N    largest input accepted (default 16M)\n"
    "\n"
    "example:\n"
    "  crossread brief examples/dprk-russia-2024-07/\n"
    "  crossread brief --json examples/dprk-russia-2024-07/ > brief.json\n";

int cmd_brief(int argc, char **argv) {
    tool_args a;
    int r = tool_parse(argc, argv, &a, usage);
    if (r) {
        free(a.inputs);
        return r < 0 ? TOOL_OK : r;
    }
    cr_ctx *ctx = NULL;
    cr_corpus *c = NULL;
    int status = tool_load(&a, &ctx, &c);
    if (status != TOOL_OK) goto done;
    size_t shown = cr_corpus_error_count(c);
    cr_brief_options bo;
    cr_brief_options_init(&bo);
    bo.summary_sentences = a.sentences;
    bo.summary_words = a.words;
    cr_status s = cr_corpus_brief(c, &bo);
    tool_print_errors(c, &shown);
    if (s != CR_OK) {
        fprintf(stderr, "crossread: brief: %s\n", cr_errmsg(ctx));
        status = TOOL_FAILED;
        goto done;
    }
    if (a.json) {
        unsigned flags = CR_JSON_STORIES | CR_JSON_EXTRACT | CR_JSON_COPIES | CR_JSON_BRIEF;
        if (a.pretty) flags |= CR_JSON_PRETTY;
        s = cr_corpus_write_json(c, flags, tool_write_file, stdout);
    } else {
        unsigned flags = 0, width = 80;
        bool tty = isatty(STDOUT_FILENO);
        const char *nc = getenv("NO_COLOR");
        if (a.markdown) flags |= CR_TEXT_MARKDOWN;
        else if (a.color || (tty && !a.no_color && !(nc && *nc))) flags |= CR_TEXT_COLOR;
        if (a.no_color) flags &= ~(unsigned)CR_TEXT_COLOR;
        struct winsize ws;
        if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) width = ws.ws_col;
        else {
            const char *cc = getenv("COLUMNS");
            if (cc && atoi(cc) >= 20) width = (unsigned)atoi(cc);
        }
        s = cr_corpus_write_briefs(c, flags, width, tool_write_file, stdout);
    }
    if (s == CR_OK && fflush(stdout) != 0) s = CR_ERR_IO;
    if (s != CR_OK) {
        fprintf(stderr, "crossread: brief: %s\n", s == CR_ERR_IO ? "could not write output" : cr_errmsg(ctx));
        status = TOOL_FAILED;
        goto done;
    }
    tool_print_errors(c, &shown);
    status = tool_status(c);
done:
    cr_corpus_free(c);
    cr_ctx_free(ctx);
    free(a.inputs);
    return status;
}
