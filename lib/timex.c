/*
 * timex.c — temporal expressions.  (Placeholder: replaced by the full module.)
 */
#include "internal.h"

cr_status cri_timex_find(cr_ctx *ctx, cr_doc *d) { (void)ctx; (void)d; return CR_OK; }
