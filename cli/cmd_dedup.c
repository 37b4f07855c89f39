/*
 * cmd_dedup.c — `crossread dedup`.  (Placeholder: replaced by the full command.)
 */
#include "tool.h"

int cmd_dedup(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "crossread: dedup: not implemented yet\n");
    return TOOL_FAILED;
}
