/*
 * ner.c — named-entity mentions.  (Placeholder: replaced by the full module.)
 */
#include "internal.h"

cr_status cri_ner_tag(cr_ctx *ctx, cr_doc *d) { (void)ctx; (void)d; return CR_OK; }
