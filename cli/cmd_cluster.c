/*
 * cmd_cluster.c — `crossread cluster`.  (Placeholder: replaced by the full command.)
 */
#include "tool.h"

int cmd_cluster(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "crossread: cluster: not implemented yet\n");
    return TOOL_FAILED;
}
