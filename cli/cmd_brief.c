/*
 * cmd_brief.c — `crossread brief`.  (Placeholder: replaced by the full command.)
 */
#include "tool.h"

int cmd_brief(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "crossread: brief: not implemented yet\n");
    return TOOL_FAILED;
}
