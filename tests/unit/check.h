/*
 * check.h — a minimal test harness: CHECK(cond) records a failure with its
 * line and goes on; TEST_MAIN prints "N passed, N failed" and sets the exit
 * status.
 */
#ifndef CR_CHECK_H
#define CR_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (cond) check_passed++;                                                    \
        else {                                                                       \
            check_failed++;                                                          \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define CHECK_STR(a, b)                                                              \
    do {                                                                             \
        const char *a_ = (a), *b_ = (b);                                             \
        if (a_ && b_ && strcmp(a_, b_) == 0) check_passed++;                         \
        else {                                                                       \
            check_failed++;                                                          \
            fprintf(stderr, "%s:%d: CHECK_STR failed: %s\n  got:      %s\n  expected: %s\n", \
                    __FILE__, __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
        }                                                                            \
    } while (0)

#define CHECK_REPORT()                                                               \
    (printf("%d passed, %d failed\n", check_passed, check_failed), check_failed ? 1 : 0)

#endif
