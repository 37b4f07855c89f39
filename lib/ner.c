/*
 * ner.c — named-entity mentions (person, organization, place, other) in a
 * cleaned document's body and captions.
 *
 * Runs after cleaning, before entity resolution (entities.c).  Each body
 * sentence (d->sents) and each caption is cut into word tokens by the
 * tokenizer the model was trained with (ner_feat.c), in windows of at most
 * CRI_NER_MAX_TOKS tokens so that a pathological "sentence" stays linear;
 * hashed features feed the embedded averaged-perceptron model (ner_model.c),
 * and Viterbi over BIO labels gives the spans.  Mentions carry byte offsets
 * into the body (caption == -1) or into captions[caption], and entity = -1
 * until resolution.
 */
#include "internal.h"

#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Per-word weight sums of recent words (direct-mapped cache): "the", "said"
 * and the story's names recur, and their rows need not be read again.  A
 * slot holds the word's own features and its four roles as a neighbour
 * (previous, next, two before, two after), filled as they are needed. */
#define WCACHE 1024
enum { R_SELF, R_M1, R_P1, R_M2, R_P2, R_N };
typedef struct wslot { uint8_t have; int32_t v[R_N][CRI_NER_NLABELS]; } wslot;

/* A letter or digit, in ASCII or another script; typographic quotes,
 * dashes and spaces (U+2000-U+206F, Latin-1 punctuation, ʼ) are not. */
static bool is_word_tok(const char *text, const cri_ner_tok *k) {
    const unsigned char *p = (const unsigned char *)text;
    for (uint32_t i = k->start; i < k->end; i++) {
        unsigned char c = p[i];
        if (cri_isalnum(c)) return true;
        if (c < 0x80) continue;
        if (c == 0xE2 && i + 1 < k->end && (p[i + 1] == 0x80 || p[i + 1] == 0x81)) { i += 2; continue; }
        if (c == 0xE3 && i + 1 < k->end && p[i + 1] == 0x80) { i += 2; continue; }
        if (c == 0xC2 || (c == 0xCA && i + 1 < k->end && p[i + 1] == 0xBC)) { i += 1; continue; }
        if (c >= 0xC3) return true;
    }
    return false;
}

/* Person titles (a closed class of English words): "President Yoon Suk
 * Yeol" names Yoon Suk Yeol; the title is a role, not part of the name. */
static const char *const person_titles[] = {
    "president", "chancellor", "minister", "leader", "premier", "senator", "governor",
    "mayor", "king", "queen", "prince", "princess", "pope", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "secretary", "chairman", "chairwoman", "gen", "gen.",
    "general", "lt", "lt.", "col", "col.", "colonel", "sgt", "sgt.", "capt", "capt.",
    "captain", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "judge",
    "commander", "director", "ceo", "coach", "professor", "prof", "prof.", "envoy",
    "sheikh", "emperor", "lord", "lady", "rep", "rep.", "sen", "sen.", "gov", "gov.",
    "chief", "deputy", "officer", "marshal", "admiral", "lieutenant", "sergeant",
    "detective", "inspector", "bishop", "cardinal", "rev", "rev.", "father", "prime", "vice",
    NULL};

/* Capitalized words that are not names next to a person's name. */
static const char *const not_name_words[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "the", "a", "an", "in", "on",
    "at", "but", "and", "or", "if", "when", "as", "after", "before", "while", "i", NULL};

/* First letter upper case and some lower-case letter: "Yoon", "McDonald" */
static bool tok_name_like(const char *text, const cri_ner_tok *k) {
    if (!cri_isupper((unsigned char)text[k->start])) return false;
    for (uint32_t i = k->start + 1; i < k->end; i++)
        if (cri_islower((unsigned char)text[i])) return true;
    return false;
}

/* Letters, none of them upper case: "smile", "peninsula" (not "iPhone"). */
static bool tok_lower(const char *text, const cri_ner_tok *k) {
    bool letter = false;
    for (uint32_t i = k->start; i < k->end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (cri_isupper(c) || c >= 0x80) return false;
        if (cri_islower(c)) letter = true;
    }
    return letter;
}

/* "Russian", "North Korean", "Chinese", "British": a people or a language,
 * by its English ending; capitalized, five letters or more. */
/* Demonyms that no suffix gives away. */
static const char *const odd_demonyms[] = {
    "Arab", "Basque", "Czech", "Dutch", "Filipino", "French", "Greek", "Iraqi", "Israeli",
    "Kuwaiti", "Pakistani", "Qatari", "Saudi", "Slovak", "Swiss", "Thai", "Yemeni", "Bangladeshi",
    "Nepali", "Somali", "Omani", "Emirati", "Western", NULL};

/* Whether token k is written exactly as one word of a NULL-ended list. */
static bool tok_one_of(const char *text, const cri_ner_tok *k, const char *const *list) {
    size_t n = k->end - k->start;
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !memcmp(text + k->start, list[i], n)) return true;
    return false;
}

static bool tok_demonym(const char *text, const cri_ner_tok *k) {
    size_t n = k->end - k->start;
    const char *p = text + k->start;
    if (n < 4 || !cri_isupper((unsigned char)p[0])) return false;
    if (tok_one_of(text, k, odd_demonyms)) return true;
    if (n < 5) return false;
    static const char *const suf[] = {"ian", "ean", "ese", "ish", NULL};
    for (int i = 0; suf[i]; i++)
        if (!memcmp(p + n - 3, suf[i], 3)) return true;
    return false;
}

/* Verbs that follow a subject: "Jordan said" is not "German advice". */
static const char *const subject_verbs[] = {
    "said", "says", "say", "is", "was", "has", "had", "have", "will", "would", "could",
    "told", "and", "or", "in", "on", "at", "to", "for", "with", "of", "as", "after",
    "before", "which", "who", "that", "are", "were", "did", "does", "can", "may", NULL};

/* Relabel [a,b) as one span of type ty. */
static void set_span(uint8_t *lab, size_t a, size_t b, int ty) {
    for (size_t i = a; i < b; i++) lab[i] = (uint8_t)(i == a ? 1 + 2 * ty : 2 + 2 * ty);
}

/* Titles out of names, and a person's name whole: the tagger's spans are
 * adjusted where news writing is regular. */
static const char *const articles[] = {"the", "a", "an", NULL};

/* Lower-case words that may join the parts of a name. */
static const char *const connectors[] = {
    "of", "the", "and", "de", "del", "della", "di", "da", "du", "des", "la", "le", "van",
    "von", "der", "den", "al", "el", "bin", "ibn", "y", "e", "for", "on", "upon", "at", "'s", NULL};

/* The last word of a multi-word name often says what it names, in any
 * English text: "Independence Street", "Newport Beach" are places; "Sam's
 * Club", "Fish and Wildlife Service" are organizations; "Endangered
 * Species Act", "Super Bowl" are the other kind (laws, events, awards).
 * Closed classes of English head nouns; ambiguous heads (Center, Hotel,
 * State, Conference) are left to the model. */
static const char *const loc_heads[] = {
    "street", "avenue", "road", "boulevard", "lane", "square", "beach", "county", "island",
    "islands", "river", "lake", "mountains", "valley", "bay", "gulf", "sea", "ocean", "coast",
    "peninsula", "province", "district", "arena", "stadium", "airport", "bridge", "canyon",
    "desert", "strait", "channel", "harbor", "harbour", "heights", "hills", "falls", "park",
    "plaza", "prefecture", "region", NULL};
static const char *const org_heads[] = {
    "inc", "inc.", "corp", "corp.", "co.", "ltd", "ltd.", "llc", "plc", "company", "bank",
    "university", "college", "police", "department", "ministry", "party", "council", "committee",
    "commission", "agency", "association", "union", "institute", "foundation", "court", "church",
    "times", "post", "journal", "network", "airlines", "airways", "group", "navy", "army",
    "service", "board", "authority", "federation", "league", "club", "fund", "bureau",
    "corporation", "assembly", "parliament", "congress", "senate", "tribunal", "brigade",
    "command", "forces", NULL};
static const char *const misc_heads[] = {
    "act", "awards", "award", "prize", "cup", "bowl", "festival", "olympics", "championship",
    "championships", "treaty", NULL};

/* The word lists above as one hashed set: a word, lower-cased, gives the
 * mask of the lists that hold it (1 << F_*) in a probe or two, where
 * scanning each list cost ~17 instructions a byte of text.  Built once per
 * context (the tagger) or per cri_ner_fix_spans call.  Words of 13 bytes or
 * more are never looked up. */
enum { F_TITLE, F_NOTNAME, F_CONN, F_ART, F_SUBJ, F_LOC, F_ORG, F_MISC, F_NLISTS };
#define WSET_SLOTS 1024   /* a power of two, over three times the listed words */
#define WSET_LEN 13
typedef struct wset_slot { uint8_t len, mask; char w[WSET_LEN - 1]; } wset_slot;
typedef struct wordset { wset_slot s[WSET_SLOTS]; } wordset;

static inline uint32_t wset_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

static void wordset_build(wordset *ws) {
    static const char *const *const lists[F_NLISTS] = {
        person_titles, not_name_words, connectors, articles, subject_verbs,
        loc_heads, org_heads, misc_heads};
    memset(ws, 0, sizeof *ws);
    for (int f = 0; f < F_NLISTS; f++)
        for (size_t i = 0; lists[f][i]; i++) {
            const char *w = lists[f][i];
            size_t n = strlen(w);
            if (n == 0 || n >= WSET_LEN) continue;
            uint32_t h = 2166136261u;
            for (size_t k = 0; k < n; k++) h = wset_step(h, (unsigned char)w[k]);
            wset_slot *sl;
            for (;; h++) {
                sl = &ws->s[h & (WSET_SLOTS - 1)];
                if (!sl->len || (sl->len == n && !memcmp(sl->w, w, n))) break;
            }
            sl->len = (uint8_t)n;
            memcpy(sl->w, w, n);
            sl->mask = (uint8_t)(sl->mask | 1u << f);
        }
}

/* The lists holding token k, its ASCII letters lower-cased. */
static unsigned wordset_mask(const wordset *ws, const char *text, const cri_ner_tok *k) {
    size_t n = k->end - k->start;
    if (n == 0 || n >= WSET_LEN) return 0;
    char buf[WSET_LEN];
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        buf[i] = cri_tolower(text[k->start + i]);
        h = wset_step(h, (unsigned char)buf[i]);
    }
    for (;; h++) {
        const wset_slot *sl = &ws->s[h & (WSET_SLOTS - 1)];
        if (!sl->len) return 0;
        if (sl->len == n && !memcmp(sl->w, buf, n)) return sl->mask;
    }
}

/* Which lists hold token i, asked once per token (fl[i]: bit 8 known,
 * bits 0-7 the mask), as the rules ask about the same tokens often. */
static inline bool has(uint16_t *fl, const wordset *ws, const char *text, const cri_ner_tok *t,
                       size_t i, int f) {
    if (!(fl[i] & 0x100)) fl[i] = (uint16_t)(0x100 | wordset_mask(ws, text, &t[i]));
    return fl[i] & (1u << f);
}

static void fix_people(const wordset *ws, const char *text, const cri_ner_tok *t, size_t n, uint8_t *lab, int mode) {
    uint16_t fl[CRI_NER_MAX_TOKS];
    if (n > CRI_NER_MAX_TOKS) n = CRI_NER_MAX_TOKS;   /* callers tag in windows this long */
    memset(fl, 0, n * sizeof *fl);
    /* any other lower-case word inside a span ends the name there: "Qeshm
     * island off Iran" is two places */
    for (size_t i = 1; i + 1 < n; i++) {
        if (lab[i] == CRI_NER_O || (lab[i] & 1) || !tok_lower(text, &t[i]) ||
            has(fl, ws, text, t, i, F_CONN))
            continue;
        uint8_t l = lab[i];
        lab[i] = CRI_NER_O;
        if (lab[i + 1] == l) lab[i + 1] = (uint8_t)(l - 1);
    }
    if (mode == 0)
        /* a title, then name-like words nobody tagged: "President Yoon Suk Yeol" */
        for (size_t i = 0; i + 1 < n; i++) {
            if (lab[i] != CRI_NER_O || !cri_isupper((unsigned char)text[t[i].start]) ||
                lab[i + 1] != CRI_NER_O || !tok_name_like(text, &t[i + 1]) ||
                !has(fl, ws, text, t, i, F_TITLE))
                continue;
            size_t j = i + 1;
            while (j < n && j - i <= 4 && lab[j] == CRI_NER_O && tok_name_like(text, &t[j]) &&
                   !has(fl, ws, text, t, j, F_TITLE) && !has(fl, ws, text, t, j, F_NOTNAME))
                j++;
            /* one to three such words, then something else */
            if (j > i + 1 && j - i <= 4 && (j == n || lab[j] == CRI_NER_O) &&
                !(j < n && tok_name_like(text, &t[j])))
                set_span(lab, i + 1, j, CRI_ENT_PERSON);
        }
    for (size_t a = 0; a < n;) {
        if (lab[a] == CRI_NER_O) { a++; continue; }
        int ty = (lab[a] - 1) / 2;
        size_t b = a + 1;
        while (b < n && lab[b] == 2 + 2 * ty) b++;
        /* the last title in the span, with name-like words after it */
        size_t k = b;
        for (size_t i = a; i + 1 < b; i++)
            if (has(fl, ws, text, t, i, F_TITLE)) k = i;
        if (k < b && tok_name_like(text, &t[k + 1]) &&
            (ty == CRI_ENT_PERSON || b - k - 1 >= 2)) {
            for (size_t i = a; i <= k; i++) lab[i] = CRI_NER_O;
            set_span(lab, k + 1, b, CRI_ENT_PERSON);
            a = k + 1;
            ty = CRI_ENT_PERSON;
        }
        /* a name neither starts nor ends with a lower-case word ("Kim Jon Un
         * smile", "Korean peninsula"); "of" inside is fine */
        while (a < b && tok_lower(text, &t[a])) lab[a++] = CRI_NER_O;
        while (b > a && tok_lower(text, &t[b - 1])) lab[--b] = CRI_NER_O;
        if (a == b) continue;
        if (lab[a] != 1 + 2 * ty) lab[a] = (uint8_t)(1 + 2 * ty);
        if (ty == CRI_ENT_PERSON && b - a >= 2 && has(fl, ws, text, t, b - 1, F_TITLE)) {
            /* "EU Spokesperson", "Russian President": an office; an acronym
             * before it is the organization */
            size_t nb = b;
            while (nb > a && has(fl, ws, text, t, nb - 1, F_TITLE)) nb--;
            for (size_t i = nb; i < b; i++) lab[i] = CRI_NER_O;
            bool acr = nb == a + 1 && t[a].end - t[a].start >= 2;
            for (uint32_t q = t[a].start; acr && q < t[a].end; q++)
                if (!cri_isupper((unsigned char)text[q])) acr = false;
            if (acr) set_span(lab, a, nb, CRI_ENT_ORG);
            else if (nb > a && nb - a <= 2 && tok_demonym(text, &t[nb - 1])) set_span(lab, a, nb, CRI_ENT_OTHER);
            else for (size_t i = a; i < nb; i++) lab[i] = CRI_NER_O;
            a = b;
            continue;
        }
        /* "The European Union": the article is not part of the name */
        if (b - a >= 2 && (has(fl, ws, text, t, a, F_ART))) {
            lab[a++] = CRI_NER_O;
            lab[a] = (uint8_t)(1 + 2 * ty);
        }
        bool an_adj = ty != CRI_ENT_PLACE && ty != CRI_ENT_OTHER && b - a == 1 && b < n &&
                      t[a].end - t[a].start >= 5 && !memcmp(text + t[a].end - 2, "an", 2) &&
                      cri_isupper((unsigned char)text[t[a].start]) && tok_lower(text, &t[b]) &&
                      !has(fl, ws, text, t, b, F_SUBJ);
        if (ty != CRI_ENT_OTHER && b - a <= 2 && (an_adj || tok_demonym(text, &t[b - 1])) &&
            (b == n || tok_lower(text, &t[b]) || has(fl, ws, text, t, b, F_TITLE))) {
            /* "Korean peninsula", "Russian missiles", "Chinese President" */
            set_span(lab, a, b, CRI_ENT_OTHER);
            a = b;
            continue;
        }
        bool all_titles = true;
        for (size_t i = a; i < b && all_titles; i++)
            if (!has(fl, ws, text, t, i, F_TITLE)) all_titles = false;
        if (all_titles) {
            /* "The President": an office, not a name */
            for (size_t i = a; i < b; i++) lab[i] = CRI_NER_O;
            a = b;
            continue;
        }
        if (ty != CRI_ENT_PERSON && b - a >= 2 && !has(fl, ws, text, t, a, F_TITLE)) {
            /* "NATO Secretary General": the organization, then an office */
            size_t nb = b;
            while (nb > a + 1 && has(fl, ws, text, t, nb - 1, F_TITLE)) nb--;
            for (size_t i = nb; i < b; i++) lab[i] = CRI_NER_O;
            b = nb;
        }
        /* hyphen-joined pieces belong to the name: "Shin Won-sik", "Rolls-Royce" */
        while (b + 1 < n && lab[b] == CRI_NER_O && lab[b + 1] == CRI_NER_O &&
               t[b].end - t[b].start == 1 && text[t[b].start] == '-' &&
               t[b].start == t[b - 1].end && t[b + 1].start == t[b].end &&
               cri_isalpha((unsigned char)text[t[b + 1].start])) {
            lab[b] = lab[b + 1] = (uint8_t)(2 + 2 * ty);
            b += 2;
        }
        if (ty == CRI_ENT_PERSON && mode == 0) {
            /* name-like neighbours belong to the name ("President Yoon [Suk Yeol]") */
            size_t na = a, nb = b;
            while (na > 0 && a - na < 2 && lab[na - 1] == CRI_NER_O && na - 1 > 0 &&
                   tok_name_like(text, &t[na - 1]) && !has(fl, ws, text, t, na - 1, F_TITLE) &&
                   !has(fl, ws, text, t, na - 1, F_NOTNAME))
                na--;
            while (nb < n && nb - b < 2 && lab[nb] == CRI_NER_O && tok_name_like(text, &t[nb]) &&
                   !has(fl, ws, text, t, nb, F_TITLE) && !has(fl, ws, text, t, nb, F_NOTNAME))
                nb++;
            if (na != a || nb != b) set_span(lab, na, nb, CRI_ENT_PERSON);
            b = nb;
        }
        a = b;
    }
    /* "French President", "Dutch officials": a demonym with no telling
     * suffix that the tagger left out is other (MISC), before a lower-case
     * word or a title; the closed list only ("Christian", "Brian" end in
     * -ian and are names) */
    for (size_t i = 0; i < n; i++) {
        size_t len = t[i].end - t[i].start;
        if (lab[i] != CRI_NER_O || len < 4 || len > 11 || !cri_isupper((unsigned char)text[t[i].start])) continue;
        if (i > 0 && lab[i - 1] != CRI_NER_O) continue;
        if (!(i + 1 == n || tok_lower(text, &t[i + 1]) || has(fl, ws, text, t, i + 1, F_TITLE))) continue;
        if (tok_one_of(text, &t[i], odd_demonyms)) set_span(lab, i, i + 1, CRI_ENT_OTHER);
    }
}

static void fix_heads(const wordset *ws, const char *text, const cri_ner_tok *t, size_t n, uint8_t *lab) {
    for (size_t a = 0; a < n;) {
        if (lab[a] == CRI_NER_O) { a++; continue; }
        int ty = (lab[a] - 1) / 2;
        size_t b = a + 1;
        while (b < n && lab[b] == 2 + 2 * ty) b++;
        if (b - a >= 2) {
            unsigned hm = wordset_mask(ws, text, &t[b - 1]);
            int nt = hm & (1u << F_LOC) ? CRI_ENT_PLACE
                     : hm & (1u << F_ORG) ? CRI_ENT_ORG
                     : hm & (1u << F_MISC) ? CRI_ENT_OTHER : ty;
            if (nt != ty) set_span(lab, a, b, nt);
        }
        /* An organization or place named after a person ("the Kim Il Sung
         * Military University", "the John F. Kennedy Center") is one name:
         * a person span right before a span ending in an organization,
         * place or event head noun, with nothing between, joins it. */
        if (a > 0 && lab[a - 1] != CRI_NER_O && (lab[a - 1] - 1) / 2 == CRI_ENT_PERSON &&
            ty != CRI_ENT_PERSON) {
            if (wordset_mask(ws, text, &t[b - 1]) & (1u << F_LOC | 1u << F_ORG | 1u << F_MISC)) {
                size_t a0 = a - 1;
                while (a0 > 0 && lab[a0] == 2 + 2 * CRI_ENT_PERSON) a0--;
                if (lab[a0] == CRI_NER_O || (lab[a0] - 1) / 2 != CRI_ENT_PERSON) a0++;
                set_span(lab, a0, b, ty);
            }
        }
        a = b;
    }
}

/* A capitalized word inside an ordinary sentence that the decoder left
 * out, whose usual case in the training text is capitalized or unknown
 * ("Waitrose", "Sixers", "Seacom"), and whose own scores favour a name
 * over O (the transitions overruled them), is a name in news writing: it
 * gets the type its scores rank first.  Words usually written in lower
 * case, titles, days and months are left alone.  Measured on the news dev
 * set: span F1 +0.025, typed F1 +0.004. */
/* "North Korean", "South African", "West German": a compass word before a
 * demonym is part of it, whatever the tagger made of the compass word alone
 * (it tends to read "North" as the start of a place or organization). */
static void join_compass(const char *text, const cri_ner_tok *t, size_t n, uint8_t *lab) {
    static const char *const compass[] = {"North", "South", "East", "West", "Northern",
                                          "Southern", "Eastern", "Western", "Central", NULL};
    for (size_t i = 0; i + 1 < n; i++) {
        size_t len = t[i].end - t[i].start;
        if (len < 4 || len > 8 || !cri_isupper((unsigned char)text[t[i].start])) continue;
        if (!tok_one_of(text, &t[i], compass) || !tok_demonym(text, &t[i + 1])) continue;
        /* the demonym must stand alone (a span of one token, or none) and
         * the compass word must not close a longer name ("Korea North") */
        if (i + 2 < n && lab[i + 2] != CRI_NER_O && lab[i + 2] % 2 == 0) continue;
        if (lab[i] != CRI_NER_O && lab[i] % 2 == 0) continue;
        if (lab[i] == CRI_NER_O && lab[i + 1] == CRI_NER_O) continue;
        set_span(lab, i, i + 2, CRI_ENT_OTHER);
        i++;
    }
}

static void rescue(const wordset *ws, const cri_ner_model *m, const char *text, const cri_ner_tok *t, size_t n,
                   const uint8_t *cls, const int32_t *emit, uint8_t *lab, int mode) {
    enum { L = CRI_NER_NLABELS };
    if (!m || mode != 0 || !m->casetab) return;
    bool seen_word = false;
    for (size_t i = 0; i < n; i++) {
        const char *p = text + t[i].start;
        size_t len = t[i].end - t[i].start;
        bool word = cri_isalnum((unsigned char)p[0]);
        bool first = !seen_word;
        seen_word |= word;
        if (first || lab[i] != CRI_NER_O || (cls[i] & CRI_NER_CLSMASK) != 1 || len < 2) continue;
        const char *q = text + t[i - 1].start;   /* i > 0: a word came before */
        if (!cri_isalnum((unsigned char)q[0]) && q[0] != ',') continue;   /* after a quote or colon */
        const int32_t *e = emit + i * L;
        int best = 1;
        for (int l = 3; l < L; l += 2) if (e[l] > e[best]) best = l;
        if (e[best] < e[0]) continue;   /* the word's own evidence must favour a name */
        int st = cri_ner_case_state(m, p, len);
        if (st == 1 || st == 3) continue;
        if (!tok_name_like(text, &t[i]) ||
            (wordset_mask(ws, text, &t[i]) & (1u << F_TITLE | 1u << F_NOTNAME)))
            continue;
        lab[i] = (uint8_t)best;
    }
}

void cri_ner_fix_spans(const cri_ner_model *m, const char *text, const cri_ner_tok *t, size_t n,
                       const uint8_t *cls, const int32_t *emit, uint8_t *labels) {
    int mode = cri_ner_sentence_mode(text, t, n);
    wordset ws;
    wordset_build(&ws);
    rescue(&ws, m, text, t, n, cls, emit, labels, mode);
    join_compass(text, t, n, labels);
    fix_people(&ws, text, t, n, labels, mode);
    fix_heads(&ws, text, t, n, labels);
}

/* The tagger's tables and buffers live on the context (cr_ctx.ner_cache)
 * and are built on its first use: the transition tables, the word cache
 * (which then also serves the next documents) and the per-window arrays
 * cost nothing per document.  Only the document's window record (dt, win)
 * and the truecasing buffer grow on the heap, and are freed per call. */
typedef struct tagger {
    bool ready;
    cri_ner_model m;
    int64_t tab[CRI_NER_NCLS * CRI_NER_NTRANS];
    wordset ws;                /* the span rules' word lists */
    cri_buf tc;                /* an all-capitals window, truecased */
    /* the document's windows as tagging cut them (tokens, count, bytes
     * read), replayed by propagate() instead of tokenizing again */
    cri_ner_tok *dt; size_t dn, dcap;
    uint32_t (*win)[2]; size_t nwin, wcap;
    size_t rwin, rtok;         /* replay cursors */
    cri_ner_tok toks[CRI_NER_MAX_TOKS];
    uint32_t feats[CRI_NER_MAX_TOKS * CRI_NER_NFEAT];
    int32_t emit[CRI_NER_MAX_TOKS * CRI_NER_NLABELS];
    int64_t score[CRI_NER_MAX_TOKS * CRI_NER_NLABELS];
    uint8_t back[CRI_NER_MAX_TOKS * CRI_NER_NLABELS];
    uint8_t labels[CRI_NER_MAX_TOKS], cls[CRI_NER_MAX_TOKS];
    uint64_t wkey[CRI_NER_MAX_TOKS];
    uint64_t ckey[WCACHE];     /* WCACHE keys; 0 = empty */
    wslot cache[WCACHE];
    _Alignas(16) unsigned char scratch[CRI_NER_MAX_TOKS * CRI_NER_SCRATCH];
} tagger;

_Static_assert(sizeof(tagger) <= sizeof(((cr_ctx *)0)->ner_cache), "CRI_NER_CACHE_BYTES too small");
_Static_assert(_Alignof(tagger) <= 16, "ner_cache alignment (cr_ctx is calloc'ed)");

/* End of a call: the per-document heap parts go, the rest stays. */
static void tagger_done(tagger *t) {
    cri_buf_free(&t->tc);
    free(t->dt); free(t->win);
    t->dt = NULL; t->win = NULL;
    t->dn = t->dcap = t->nwin = t->wcap = t->rwin = t->rtok = 0;
}

static cr_status tagger_init(cr_ctx *ctx, tagger **out) {
    tagger *t = (tagger *)(void *)ctx->ner_cache;
    *out = t;
    if (!t->ready) {
        /* the context is calloc'ed: the word cache starts empty (ckey 0) */
        if (!cri_ner_model_get(&t->m))
            return cri_fail(ctx, CR_ERR_INTERNAL, "the named-entity model is missing or malformed");
        cri_ner_trans_tables(t->m.trans, t->m.tcls, t->tab);
        wordset_build(&t->ws);
        t->ready = true;
    }
    return CR_OK;
}

static inline void add_row(int32_t *acc, const int8_t *w, uint32_t f) {
    const int8_t *row = w + (size_t)f * CRI_NER_NLABELS;
#if defined(__SSE2__)
    /* eight labels at once, widened to 32 bits; the ninth alone */
    __m128i x = _mm_loadl_epi64((const __m128i *)(const void *)row);
    __m128i x16 = _mm_srai_epi16(_mm_unpacklo_epi8(x, x), 8);
    __m128i sign = _mm_srai_epi16(x16, 15);
    __m128i lo = _mm_unpacklo_epi16(x16, sign), hi = _mm_unpackhi_epi16(x16, sign);
    __m128i a0 = _mm_loadu_si128((const __m128i *)(void *)acc);
    __m128i a1 = _mm_loadu_si128((const __m128i *)(void *)(acc + 4));
    _mm_storeu_si128((__m128i *)(void *)acc, _mm_add_epi32(a0, lo));
    _mm_storeu_si128((__m128i *)(void *)(acc + 4), _mm_add_epi32(a1, hi));
    acc[8] += row[8];
#else
    for (int l = 0; l < CRI_NER_NLABELS; l++) acc[l] += row[l];
#endif
}

/* e[0..8] += v[0..8] */
static inline void add_sums(int32_t *e, const int32_t *v) {
#if defined(__SSE2__)
    __m128i a0 = _mm_loadu_si128((const __m128i *)(void *)e);
    __m128i a1 = _mm_loadu_si128((const __m128i *)(void *)(e + 4));
    __m128i b0 = _mm_loadu_si128((const __m128i *)(const void *)v);
    __m128i b1 = _mm_loadu_si128((const __m128i *)(const void *)(v + 4));
    _mm_storeu_si128((__m128i *)(void *)e, _mm_add_epi32(a0, b0));
    _mm_storeu_si128((__m128i *)(void *)(e + 4), _mm_add_epi32(a1, b1));
    e[8] += v[8];
#else
    for (int l = 0; l < CRI_NER_NLABELS; l++) e[l] += v[l];
#endif
}

/* cri_ner_emissions, with the word-dependent parts taken from the cache.
 * Feature layout (ner_feat.c): [0, WORDFEAT) the word's own, then the
 * previous, next, two-before and two-after words' forms, then the rest. */
static void emissions(tagger *t, const char *text, size_t n, int mode) {
    enum { L = CRI_NER_NLABELS, NF = CRI_NER_NFEAT, WF = CRI_NER_WORDFEAT, O1 = CRI_NER_ONLY_O };
    const int8_t *w = t->m.w;
    const uint32_t *F = t->feats;
    const uint8_t *c = t->cls;
    int32_t *E = t->emit;
    memset(E, 0, n * L * sizeof *E);
    /* each word adds its cached sums to the rows of the tokens that read
     * it: itself and its neighbours (those decoded as O-only need none) */
    static const int off[R_N] = {0, 1, -1, 2, -2};
    for (size_t j = 0; j < n; j++) {
        unsigned need = 0;   /* bit r: the token at j + off[r] reads j's sums */
        if (!(c[j] & O1)) need |= 1u << R_SELF;
        if (j + 1 < n && !(c[j + 1] & O1)) need |= 1u << R_M1;
        if (j >= 1 && !(c[j - 1] & O1)) need |= 1u << R_P1;
        if (j + 2 < n && !(c[j + 2] & O1)) need |= 1u << R_M2;
        if (j >= 2 && !(c[j - 2] & O1)) need |= 1u << R_P2;
        if (!need) continue;
        uint64_t key = t->wkey[j] | 1;
        size_t h = (size_t)(key % WCACHE);
        wslot *sl = &t->cache[h];
        if (t->ckey[h] != key) { t->ckey[h] = key; sl->have = 0; }
        for (; need; need &= need - 1) {
            int r = __builtin_ctz(need);
            size_t i = j + (size_t)(ptrdiff_t)off[r];
            if (!(sl->have & (1u << r))) {
                memset(sl->v[r], 0, sizeof sl->v[r]);
                if (r == R_SELF) {
                    uint32_t wf[WF];
                    cri_ner_word_features(text, t->toks, j, mode, t->m.bits, t->scratch, wf);
                    for (int k = 0; k < WF; k++) add_row(sl->v[r], w, wf[k]);
                }
                else   /* the row token i reads for its neighbour j */
                    add_row(sl->v[r], w, F[i * NF + WF + (r - 1)]);
                sl->have |= (uint8_t)(1u << r);
            }
            add_sums(E + i * L, sl->v[r]);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (c[i] & O1) continue;   /* decoded as O without its emission */
        const uint32_t *f = F + i * NF;
        int32_t *acc = E + i * L;
        /* the sentence edges stand in for missing neighbours */
        if (i < 1) add_row(acc, w, f[WF + 0]);
        if (i + 1 >= n) add_row(acc, w, f[WF + 1]);
        if (i < 2) add_row(acc, w, f[WF + 2]);
        if (i + 2 >= n) add_row(acc, w, f[WF + 3]);
        if (i + 1 < n && !(c[i + 1] & O1))
            for (int k = WF + 4; k < NF; k++) __builtin_prefetch(w + (size_t)f[NF + k] * L);
        for (int k = WF + 4; k < NF; k++) add_row(acc, w, f[k]);
    }
}

/* Tag text[start, end) (one sentence or caption); offsets stay relative to text. */
static cr_status tag_span(cr_ctx *ctx, tagger *t, cr_doc *d, const char *text, size_t start,
                          size_t end, int32_t caption) {
    size_t pos = start;
    while (pos < end) {
        size_t used = 0;
        size_t n = cri_ner_tokenize(text + pos, end - pos, t->toks, CRI_NER_MAX_TOKS, &used);
        if (t->dn + n > t->dcap) {
            size_t cap = t->dcap ? t->dcap * 2 : 1024;
            while (cap < t->dn + n) cap *= 2;
            cri_ner_tok *nt = realloc(t->dt, cap * sizeof *nt);
            if (!nt) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
            t->dt = nt; t->dcap = cap;
        }
        uint32_t(*wr)[2] = CRI_PUSH(t->win, t->nwin, t->wcap);
        if (!wr) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
        (*wr)[0] = (uint32_t)n; (*wr)[1] = (uint32_t)used;
        if (n) memcpy(t->dt + t->dn, t->toks, n * sizeof *t->toks);
        t->dn += n;
        if (n == 0) break;
        const char *w = text + pos;
        int mode = cri_ner_features(w, t->toks, n, -1, t->m.bits, t->feats, t->cls, t->wkey, t->scratch);
        if (t->m.casetab && mode == 1) {
            /* capitals everywhere: tag the words in their usual case */
            cri_buf_clear(&t->tc);
            if (cri_buf_append(&t->tc, w, t->toks[n - 1].end)) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
            cri_ner_truecase(&t->m, t->tc.data, t->toks, n);
            w = t->tc.data;
            mode = cri_ner_features(w, t->toks, n, -1, t->m.bits, t->feats, t->cls, t->wkey, t->scratch);
        }
        emissions(t, w, n, mode);
        cri_ner_viterbi(t->emit, t->cls, n, t->tab, t->labels, t->score, t->back);
        /* a truecased line's capitals are guesses: nothing to rescue */
        rescue(&t->ws, w == text + pos ? &t->m : NULL, w, t->toks, n, t->cls, t->emit, t->labels, mode);
        join_compass(w, t->toks, n, t->labels);
        fix_people(&t->ws, w, t->toks, n, t->labels, mode);
        fix_heads(&t->ws, w, t->toks, n, t->labels);
        for (size_t i = 0; i < n;) {
            uint8_t l = t->labels[i];
            if (l == CRI_NER_O) { i++; continue; }
            int ty = (l - 1) / 2;
            size_t j = i + 1;
            while (j < n && t->labels[j] == 2 + 2 * ty) j++;
            /* punctuation at the edges is not part of a name */
            size_t a = i, b = j;
            while (a < b && !is_word_tok(text + pos, &t->toks[a])) a++;
            while (b > a && !is_word_tok(text + pos, &t->toks[b - 1])) b--;
            if (a < b) {
                cri_mention *m = CRI_PUSH(d->mentions, d->n_mentions, d->cap_mentions);
                if (!m) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
                m->start = (uint32_t)(pos + t->toks[a].start);
                m->end = (uint32_t)(pos + t->toks[b - 1].end);
                m->caption = caption;
                m->type = (uint8_t)ty;   /* PER, ORG, LOC, MISC = CRI_ENT_* order */
                /* -2 marks a one-word name at the start of its sentence (a
                 * capital there proves nothing); reset to -1 after tagging */
                bool initial = b - a == 1;
                for (size_t q = 0; q < a && initial; q++)
                    if (is_word_tok(text + pos, &t->toks[q])) initial = false;
                m->entity = initial ? -2 : -1;
            }
            i = j;
        }
        if (used == 0) break;
        pos += used;
    }
    return CR_OK;
}

_Static_assert(CRI_NER_NLABELS == 9, "add_row handles eight labels and one");
_Static_assert(CRI_ENT_PERSON == 0 && CRI_ENT_ORG == 1 && CRI_ENT_PLACE == 2 && CRI_ENT_OTHER == 3,
               "model types follow CRI_ENT_* order");

static const char *mention_text(const cr_doc *d, const cri_mention *m) {
    if (m->caption < 0) return d->body + m->start;
    return d->captions[m->caption] + m->start;
}

static void lower_key(cri_buf *b, const char *s, size_t n) {
    cri_buf_clear(b);
    if (cri_buf_reserve(b, n)) { cri_buf_free(b); return; }   /* data NULL: out of memory */
    size_t i = 0;
    /* eight bytes at a time: 'A'-'Z' gain 0x20, every other byte stays */
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        const uint64_t h = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
        uint64_t low7 = x & ~h;
        uint64_t ge_a = low7 + ones * (0x80 - 'A'), gt_z = low7 + ones * (0x7F - 'Z');
        uint64_t up = (ge_a ^ gt_z) & ~x & h;   /* ASCII, >= 'A' and <= 'Z' */
        x |= up >> 2;
        memcpy(b->data + i, &x, 8);
    }
    for (; i < n; i++) b->data[i] = cri_tolower(s[i]);
    b->data[n] = 0;
    b->len = n;
}

/* One name, one type within a document: a surname tagged as a place in one
 * sentence and as a person in three takes the majority; a single word that
 * ends a multi-word person name in the same document is that person
 * ("Putin" after "Vladimir Putin"). */
static cr_status harmonize(cr_ctx *ctx, cr_doc *d) {
    if (d->n_mentions < 2) return CR_OK;
    cri_strmap map;
    if (cri_strmap_init(&map, d->n_mentions, ctx->opt.seed))   /* at most this many keys */
        return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    uint32_t (*votes)[4] = calloc(d->n_mentions, sizeof *votes);
    int *slot = malloc(d->n_mentions * sizeof *slot);
    cri_buf key = {0};
    cr_status st = CR_OK;
    if (!votes || !slot) { st = CR_ERR_NOMEM; goto done; }
    size_t nk = 0;
    for (size_t i = 0; i < d->n_mentions; i++) {
        const cri_mention *m = &d->mentions[i];
        lower_key(&key, mention_text(d, m), m->end - m->start);
        bool isnew;
        int64_t *v = key.data ? cri_strmap_upsert(&map, key.data, key.len, (int64_t)nk, &isnew) : NULL;
        if (!v) { st = CR_ERR_NOMEM; goto done; }
        if (isnew) nk++;
        slot[i] = (int)*v;
        votes[*v][m->type & 3]++;
    }
    /* last words of multi-word person names */
    for (size_t i = 0; i < d->n_mentions; i++) {
        const cri_mention *m = &d->mentions[i];
        const char *t = mention_text(d, m);
        size_t n = m->end - m->start, sp = n;
        while (sp > 0 && t[sp - 1] != ' ') sp--;
        if (sp == 0 || m->type != CRI_ENT_PERSON) continue;
        lower_key(&key, t + sp, n - sp);
        int64_t *v = key.data ? cri_strmap_get(&map, key.data, key.len) : NULL;
        if (v) votes[*v][CRI_ENT_PERSON] += 2;
    }
    for (size_t i = 0; i < d->n_mentions; i++) {
        cri_mention *m = &d->mentions[i];
        const uint32_t *vt = votes[slot[i]];
        int best = m->type & 3;
        for (int t = 0; t < 4; t++) if (vt[t] > vt[best]) best = t;
        m->type = (uint8_t)best;
    }
done:
    free(votes); free(slot); cri_buf_free(&key);
    cri_strmap_free(&map);
    return st == CR_OK ? CR_OK : cri_fail(ctx, st, "out of memory");
}

static int cmp_mention(const void *x, const void *y) {
    const cri_mention *a = x, *b = y;
    if (a->caption != b->caption) return a->caption < b->caption ? -1 : 1;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return (a->end > b->end) - (a->end < b->end);
}

#define PROP_MAX_TOKENS 4     /* longest name looked up again */
#define PROP_MIN_BYTES 3      /* names spread: 3 to 80 bytes */
#define PROP_MAX_BYTES 80

/* Untagged occurrences of a name the document tagged elsewhere get its
 * type: "ARSENAL" in a headline once "Arsenal" was found, "Putin" at the
 * start of a sentence.  One-word names found only at sentence starts are
 * not spread. */
/* What the names' keys can be: their byte lengths and lower-cased first
 * bytes, as bit sets; most candidates fail one and are not looked up. */
typedef struct name_filter { uint64_t len[2], first[4]; } name_filter;
_Static_assert(PROP_MAX_BYTES < 128, "name_filter.len holds the lengths");

static cr_status propagate_span(cr_ctx *ctx, tagger *t, cr_doc *d, const cri_strmap *names,
                                const name_filter *nf, const char *text, size_t start, size_t end,
                                int32_t caption, size_t n_old, size_t *cursor, cri_buf *key) {
    size_t pos = start;
    while (pos < end) {
        size_t used = 0, n;
        const cri_ner_tok *tk = t->toks;
        if (t->rwin < t->nwin) {
            /* the same spans in the same order as tagging: replay its windows */
            n = t->win[t->rwin][0];
            used = t->win[t->rwin][1];
            tk = t->dt + t->rtok;
            t->rwin++;
            t->rtok += n;
        } else {
            n = cri_ner_tokenize(text + pos, end - pos, t->toks, CRI_NER_MAX_TOKS, &used);
        }
        if (n == 0) break;
        for (size_t i = 0; i < n; i++) {
            const cri_ner_tok *k = &tk[i];
            if (!cri_isupper((unsigned char)text[pos + k->start])) continue;
            size_t abs_s = pos + k->start;
            /* skip what is already a mention */
            while (*cursor < n_old && (d->mentions[*cursor].caption < caption ||
                   (d->mentions[*cursor].caption == caption && d->mentions[*cursor].end <= abs_s)))
                (*cursor)++;
            unsigned char f0 = (unsigned char)cri_tolower(text[abs_s]);
            if (!(nf->first[f0 >> 6] >> (f0 & 63) & 1)) continue;   /* no name starts so */
            size_t maxn = n - i < PROP_MAX_TOKENS ? n - i : PROP_MAX_TOKENS;
            bool lowered = false;   /* key: the longest candidate, lower-cased once */
            for (size_t len = maxn; len >= 1; len--) {
                size_t abs_e = pos + tk[i + len - 1].end;
                if (*cursor < n_old && d->mentions[*cursor].caption == caption &&
                    d->mentions[*cursor].start < abs_e)
                    continue;   /* overlaps a mention */
                size_t kl = abs_e - abs_s;
                if (kl < PROP_MIN_BYTES || kl > PROP_MAX_BYTES ||
                    !(nf->len[kl >> 6] >> (kl & 63) & 1))
                    continue;   /* no name this long */
                if (!lowered) {
                    lower_key(key, text + abs_s, kl);
                    if (!key->data) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
                    lowered = true;
                }
                /* shorter candidates are prefixes of the first one lowered */
                int64_t *v = cri_strmap_get(names, key->data, kl);
                if (!v || *v < 0) continue;
                cri_mention *m = CRI_PUSH(d->mentions, d->n_mentions, d->cap_mentions);
                if (!m) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
                m->start = (uint32_t)abs_s; m->end = (uint32_t)abs_e;
                m->caption = caption; m->type = (uint8_t)*v; m->entity = -1;
                i += len - 1;
                break;
            }
        }
        if (used == 0) break;
        pos += used;
    }
    return CR_OK;
}

static cr_status propagate(cr_ctx *ctx, tagger *t, cr_doc *d) {
    size_t n_old = d->n_mentions;
    if (n_old == 0) return CR_OK;
    cri_strmap names;
    if (cri_strmap_init(&names, n_old, ctx->opt.seed)) return cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
    cri_buf key = {0};
    cr_status st = CR_OK;
    name_filter nf = {{0}, {0}};
    for (size_t i = 0; i < n_old && st == CR_OK; i++) {
        cri_mention *m = &d->mentions[i];
        bool initial = m->entity == -2;
        m->entity = -1;
        size_t len = m->end - m->start;
        if (initial || len < PROP_MIN_BYTES || len > PROP_MAX_BYTES) continue;
        lower_key(&key, mention_text(d, m), len);
        if (key.data) {
            unsigned char f0 = (unsigned char)key.data[0];
            nf.len[len >> 6] |= 1ULL << (len & 63);
            nf.first[f0 >> 6] |= 1ULL << (f0 & 63);
        }
        bool isnew;
        int64_t *v = key.data ? cri_strmap_upsert(&names, key.data, key.len, m->type, &isnew) : NULL;
        if (!v) st = cri_fail(ctx, CR_ERR_NOMEM, "out of memory");
        else if (!isnew && *v != m->type) *v = -1;   /* typed two ways: the vote decides later */
    }
    qsort(d->mentions, n_old, sizeof *d->mentions, cmp_mention);
    size_t cursor = 0;
    if (st == CR_OK && d->n_sents) {
        for (size_t i = 0; i < d->n_sents && st == CR_OK; i++) {
            const cri_sentence *s = &d->sents[i];
            if (s->end > d->body_len || s->start >= s->end) continue;
            st = propagate_span(ctx, t, d, &names, &nf, d->body, s->start, s->end, -1, n_old, &cursor, &key);
        }
    } else if (st == CR_OK && d->body) {
        size_t s = 0;
        for (size_t i = 0; i <= d->body_len && st == CR_OK; i++) {
            if (i < d->body_len && d->body[i] != '\n') continue;
            if (i > s) st = propagate_span(ctx, t, d, &names, &nf, d->body, s, i, -1, n_old, &cursor, &key);
            s = i + 1;
        }
    }
    for (size_t c = 0; c < d->n_captions && st == CR_OK; c++)
        if (d->captions[c])
            st = propagate_span(ctx, t, d, &names, &nf, d->captions[c], 0, strlen(d->captions[c]),
                                (int32_t)c, n_old, &cursor, &key);
    if (d->n_mentions > n_old) qsort(d->mentions, d->n_mentions, sizeof *d->mentions, cmp_mention);
    cri_buf_free(&key);
    cri_strmap_free(&names);
    return st;
}

cr_status cri_ner_tag(cr_ctx *ctx, cr_doc *d) {
    d->n_mentions = 0;
    tagger *t;
    cr_status st = tagger_init(ctx, &t);
    if (st != CR_OK) return st;
    if (d->n_sents) {
        for (size_t i = 0; i < d->n_sents && st == CR_OK; i++) {
            const cri_sentence *s = &d->sents[i];
            if (s->end > d->body_len || s->start >= s->end) continue;
            st = tag_span(ctx, t, d, d->body, s->start, s->end, -1);
        }
    } else if (d->body) {
        /* not segmented: lines stand for sentences */
        size_t s = 0;
        for (size_t i = 0; i <= d->body_len && st == CR_OK; i++) {
            if (i < d->body_len && d->body[i] != '\n') continue;
            if (i > s) st = tag_span(ctx, t, d, d->body, s, i, -1);
            s = i + 1;
        }
    }
    for (size_t c = 0; c < d->n_captions && st == CR_OK; c++)
        if (d->captions[c]) st = tag_span(ctx, t, d, d->captions[c], 0, strlen(d->captions[c]), (int32_t)c);
    if (st == CR_OK) st = propagate(ctx, t, d);
    tagger_done(t);
    if (st == CR_OK) st = harmonize(ctx, d);
    return st;
}

cr_status cri_ner_tag_text(cr_ctx *ctx, cr_doc *d, const char *text, size_t len, int32_t caption) {
    tagger *t;
    cr_status st = tagger_init(ctx, &t);
    if (st != CR_OK) return st;
    size_t first = d->n_mentions;
    st = tag_span(ctx, t, d, text, 0, len, caption);
    for (size_t i = first; i < d->n_mentions; i++) d->mentions[i].entity = -1;
    tagger_done(t);
    return st;
}
