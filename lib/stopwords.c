/*
 * stopwords.c — the English stopword list.  (Placeholder.)
 */
#include "internal.h"

bool cri_is_stopword(const char *key, size_t len) { (void)key; (void)len; return false; }
