/*
 * cmd_entities.c — `crossread entities`.  (Placeholder: replaced by the full command.)
 */
#include "tool.h"

int cmd_entities(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "crossread: entities: not implemented yet\n");
    return TOOL_FAILED;
}
