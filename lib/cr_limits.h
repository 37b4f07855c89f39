/*
 * cr_limits.h — every size bound of the library in one place (as SQLite's
 * sqliteLimit.h).  A bound protects against hostile or broken input: the
 * library must stay linear and bounded whatever it is fed.
 */
#ifndef CR_LIMITS_H
#define CR_LIMITS_H

/* Largest input accepted by default (cr_options.max_bytes). */
#define CR_DEFAULT_MAX_BYTES (16u * 1024u * 1024u)
/* Hard cap on any one growable buffer: inputs above are rejected earlier. */
#define CR_MAX_BUFFER ((size_t)1 << 31)
/* Bytes of a line kept in a "removed" entry or a repair report. */
#define CR_MAX_REPORT_TEXT 2000
/* Repairs reported per document (more are counted but not listed). */
#define CR_MAX_REPAIRS 1000
/* Longest token, in bytes; longer runs are cut into pieces. */
#define CR_MAX_TOKEN 256
/* Longest sentence, in bytes; longer runs are split at a space. */
#define CR_MAX_SENTENCE 4096
/* Bytes sniffed at the head of an input to tell its format. */
#define CR_SNIFF_BYTES 4096
/* Directory depth walked. */
#define CR_MAX_DEPTH 64
/* Nesting depth of JSON output. */
#define CR_MAX_JSON_DEPTH 64

#endif
