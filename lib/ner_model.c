/*
 * ner_model.c — the trained named-entity model (models/ner.model, made by
 * scripts/train_ner.sh), assembled into the library so that tagging never
 * reads a file at run time.  ner.c asks for it through cri_ner_model_get().
 */
#include "internal.h"

#ifndef CR_MODEL_DIR
#error "CR_MODEL_DIR must name the models/ directory (CMake passes it)"
#endif

/* The symbols are hidden so the shared library exports only cr_*. */
__asm__(".section .rodata\n"
        ".balign 16\n"
        ".hidden cri_ner_model_bytes\n"
        ".globl cri_ner_model_bytes\n"
        "cri_ner_model_bytes:\n"
        ".incbin \"" CR_MODEL_DIR "/ner.model\"\n"
        ".hidden cri_ner_model_bytes_end\n"
        ".globl cri_ner_model_bytes_end\n"
        "cri_ner_model_bytes_end:\n"
        ".previous\n");

extern const unsigned char cri_ner_model_bytes[];
extern const unsigned char cri_ner_model_bytes_end[];

bool cri_ner_model_get(cri_ner_model *m) {
    return cri_ner_model_parse(cri_ner_model_bytes,
                               (size_t)(cri_ner_model_bytes_end - cri_ner_model_bytes), m);
}
