/*
 * main.c — the crossread tool: subcommand dispatch, argument parsing, and
 * loading inputs into a corpus.  Each subcommand lives in cmd_<name>.c.
 */
#include "tool.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *usage_main =
    "usage: crossread COMMAND [OPTIONS] [INPUT...]\n"
    "\n"
    "Read many outlets' reports of the news and say what actually happened.\n"
    "\n"
    "commands:\n"
    "  clean     clean articles: body, boilerplate, metadata, sentences\n"
    "  dedup     find copies: duplicates, syndication, rewrites\n"
    "  cluster   group articles into stories (--stream for JSON Lines on stdin)\n"
    "  entities  names, dates and quantities, and entities across articles\n"
    "  brief     corroborated facts, conflicts, unique details, timeline, summary\n"
    "\n"
    "INPUT is a .txt file, a .jsonl file (one article a line: id, text, and\n"
    "optional title, url, outlet, published, lang), a directory (walked\n"
    "recursively in sorted order) or - for standard input.\n"
    "\n"
    "example:\n"
    "  crossread clean examples/dprk-russia-2024-07/*.txt\n"
    "  crossread clean --json examples/dprk-russia-2024-07/ > docs.json\n"
    "\n"
    "Run 'crossread COMMAND --help' for a command's options.\n"
    "Exit status: 0 all inputs processed, 1 some inputs rejected, 2 usage error,\n"
    "3 failure (out of memory, output error).\n";

int tool_write_file(void *user, const char *data, size_t len) {
    return fwrite(data, 1, len, (FILE *)user) == len ? 0 : -1;
}

int tool_write_json(cr_ctx *ctx, cr_corpus *c, unsigned flags) {
    if (cr_corpus_write_json(c, flags, tool_write_file, stdout) == CR_OK) return TOOL_OK;
    fprintf(stderr, "crossread: %s\n", cr_errmsg(ctx));
    return TOOL_FAILED;
}

int tool_finish(tool_args *a, cr_ctx *ctx, cr_corpus *c, int rc) {
    if (fflush(stdout) != 0 && rc == TOOL_OK) rc = TOOL_FAILED;
    cr_corpus_free(c);
    cr_ctx_free(ctx);
    free(a->inputs);
    return rc;
}

void tool_preview(const char *s, size_t n) {
    size_t len = strlen(s);
    if (len <= n) {
        fputs(s, stdout);
        return;
    }
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    fwrite(s, 1, n, stdout);
    fputs("...", stdout);
}

static int parse_size(const char *s, size_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-') return -1;
    if (*end == 'k' || *end == 'K') { v <<= 10; end++; }
    else if (*end == 'm' || *end == 'M') { v <<= 20; end++; }
    else if (*end == 'g' || *end == 'G') { v <<= 30; end++; }
    if (*end == 'i' || *end == 'B') end++;
    if (*end == 'B') end++;
    if (*end || v == 0) return -1;
    *out = (size_t)v;
    return 0;
}

static int parse_double(const char *s, double *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s) return -1;
    if (*end == 'h') end++;
    else if (*end == 'd') { v *= 24; end++; }
    if (*end) return -1;
    *out = v;
    return 0;
}

static int parse_uint(const char *s, unsigned *out) {
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || end == s || *end || *s == '-' || v > 1000000) return -1;
    *out = (unsigned)v;
    return 0;
}

int tool_parse(int argc, char **argv, tool_args *a, const char *usage) {
    memset(a, 0, sizeof *a);
    a->cmd = argv[0];
    a->threshold = -1;
    a->window_hours = -1;
    a->inputs = calloc((size_t)argc + 1, sizeof *a->inputs);
    if (!a->inputs) return TOOL_FAILED;
    bool only_inputs = false;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (only_inputs || s[0] != '-' || strcmp(s, "-") == 0) {
            a->inputs[a->n_inputs++] = s;
            continue;
        }
        const char *val = NULL;
        char name[64];
        const char *eq = strchr(s, '=');
        if (eq && (size_t)(eq - s) < sizeof name) {
            memcpy(name, s, (size_t)(eq - s));
            name[eq - s] = 0;
            val = eq + 1;
            s = name;
        }
#define NEED_VAL()                                                                   \
    do {                                                                             \
        if (!val) {                                                                  \
            if (i + 1 >= argc) {                                                     \
                fprintf(stderr, "crossread: %s needs a value\n", s);                \
                return TOOL_USAGE;                                                   \
            }                                                                        \
            val = argv[++i];                                                         \
        }                                                                            \
    } while (0)
        if (strcmp(s, "--") == 0) only_inputs = true;
        else if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
            fputs(usage, stdout);
            return -1;
        } else if (strcmp(s, "--json") == 0) a->json = true;
        else if (strcmp(s, "--pretty") == 0) a->json = a->pretty = true;
        else if (strcmp(s, "--markdown") == 0) a->markdown = true;
        else if (strcmp(s, "--raw") == 0) a->raw = true;
        else if (strcmp(s, "--stream") == 0) a->stream = true;
        else if (strcmp(s, "--tokens") == 0) a->tokens = true;
        else if (strcmp(s, "--color") == 0) a->color = true;
        else if (strcmp(s, "--no-color") == 0) a->no_color = true;
        else if (strcmp(s, "--max-bytes") == 0) {
            NEED_VAL();
            if (parse_size(val, &a->max_bytes)) {
                fprintf(stderr, "crossread: --max-bytes: not a size: %s\n", val);
                return TOOL_USAGE;
            }
        } else if (strcmp(s, "--threshold") == 0) {
            NEED_VAL();
            if (parse_double(val, &a->threshold) || a->threshold <= 0 || a->threshold > 1) {
                fprintf(stderr, "crossread: --threshold: expected a number in (0, 1]: %s\n", val);
                return TOOL_USAGE;
            }
        } else if (strcmp(s, "--shingle") == 0) {
            NEED_VAL();
            if (parse_uint(val, &a->shingle) || a->shingle == 0 || a->shingle > 32) {
                fprintf(stderr, "crossread: --shingle: expected 1-32: %s\n", val);
                return TOOL_USAGE;
            }
        } else if (strcmp(s, "--window") == 0) {
            NEED_VAL();
            if (parse_double(val, &a->window_hours) || a->window_hours <= 0) {
                fprintf(stderr, "crossread: --window: expected hours (72h) or days (3d): %s\n", val);
                return TOOL_USAGE;
            }
        } else if (strcmp(s, "--words") == 0) {
            NEED_VAL();
            if (parse_uint(val, &a->words) || a->words == 0) {
                fprintf(stderr, "crossread: --words: expected a positive number: %s\n", val);
                return TOOL_USAGE;
            }
        } else if (strcmp(s, "--sentences") == 0) {
            NEED_VAL();
            if (parse_uint(val, &a->sentences) || a->sentences == 0) {
                fprintf(stderr, "crossread: --sentences: expected a positive number: %s\n", val);
                return TOOL_USAGE;
            }
        } else {
            fprintf(stderr, "crossread: unknown option: %s\n(run 'crossread %s --help')\n", argv[i],
                    a->cmd ? a->cmd : "");
            return TOOL_USAGE;
        }
#undef NEED_VAL
    }
    if (a->n_inputs == 0 && !a->stream) {
        if (isatty(STDIN_FILENO)) {
            fprintf(stderr, "crossread: no input given\n%s", usage);
            return TOOL_USAGE;
        }
        a->inputs[a->n_inputs++] = "-";
    }
    return 0;
}

void tool_print_errors(const cr_corpus *c, size_t *shown) {
    size_t n = cr_corpus_error_count(c);
    for (; *shown < n; (*shown)++) {
        const char *input, *msg;
        cr_corpus_error(c, *shown, &input, &msg);
        fprintf(stderr, "crossread: %s: %s\n", input, msg);
    }
}

int tool_status(const cr_corpus *c) {
    return cr_corpus_error_count(c) ? TOOL_REJECTED : TOOL_OK;
}

int tool_load(const tool_args *a, cr_ctx **ctx, cr_corpus **corpus) {
    *ctx = NULL;
    *corpus = NULL;
    cr_options opt;
    cr_options_init(&opt);
    if (a->max_bytes) opt.max_bytes = a->max_bytes;
    opt.raw = a->raw;
    if (cr_ctx_new(&opt, ctx) != CR_OK) {
        fprintf(stderr, "crossread: out of memory\n");
        return TOOL_FAILED;
    }
    if (cr_corpus_new(*ctx, corpus) != CR_OK) {
        fprintf(stderr, "crossread: %s\n", cr_errmsg(*ctx));
        return TOOL_FAILED;
    }
    size_t shown = 0;
    for (int i = 0; i < a->n_inputs; i++) {
        cr_status s = cr_corpus_add_path(*corpus, a->inputs[i]);
        tool_print_errors(*corpus, &shown);
        if (s == CR_ERR_NOMEM || s == CR_ERR_USAGE || s == CR_ERR_INTERNAL) {
            fprintf(stderr, "crossread: %s\n", cr_errmsg(*ctx));
            return TOOL_FAILED;
        }
    }
    cr_status s = cr_corpus_clean(*corpus);
    tool_print_errors(*corpus, &shown);
    if (s != CR_OK) {
        fprintf(stderr, "crossread: %s\n", cr_errmsg(*ctx));
        return TOOL_FAILED;
    }
    return TOOL_OK;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs(usage_main, stderr);
        return TOOL_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_main, stdout);
        return TOOL_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("crossread %s\n", cr_version());
        return TOOL_OK;
    }
    static const struct { const char *name; int (*fn)(int, char **); } cmds[] = {
        {"clean", cmd_clean},       {"dedup", cmd_dedup}, {"cluster", cmd_cluster},
        {"entities", cmd_entities}, {"brief", cmd_brief},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        if (strcmp(cmd, cmds[i].name) == 0) return cmds[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "crossread: unknown command: %s\n\n%s", cmd, usage_main);
    return TOOL_USAGE;
}
