/*
 * stopwords.c — the English stopword list (NLTK's 179 words, the de-facto
 * standard list; Snowball's is nearly the same).  tokenize.c asks it for
 * every word token, so the lookup is a perfect hash: one multiply per byte,
 * one probe into a 4 KB table, one memcmp.  Each stopword also carries its
 * Snowball stem, so the tokenizer never needs the stemmer for stopwords
 * (about 45% of the tokens of English news).
 *
 * Keys are folded forms (lower case, ASCII apostrophe): "don't", "it's".
 * The hash constants were found by a random search for a collision-free
 * function over the 179 words; test_tokenize.c checks every word maps to
 * itself and every stem equals libstemmer's.
 */
#include "internal.h"

#define CRI_N_STOPWORDS 179
#define HASH_MUL CRI_SW_HASH_MUL

static const char *const words[CRI_N_STOPWORDS] = {
    "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "you're",
    "you've", "you'll", "you'd", "your", "yours", "yourself", "yourselves", "he", "him",
    "his", "himself", "she", "she's", "her", "hers", "herself", "it", "it's", "its",
    "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who",
    "whom", "this", "that", "that'll", "these", "those", "am", "is", "are", "was",
    "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did",
    "doing", "a", "an", "the", "and", "but", "if", "or", "because", "as", "until",
    "while", "of", "at", "by", "for", "with", "about", "against", "between", "into",
    "through", "during", "before", "after", "above", "below", "to", "from", "up",
    "down", "in", "out", "on", "off", "over", "under", "again", "further", "then",
    "once", "here", "there", "when", "where", "why", "how", "all", "any", "both",
    "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only",
    "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
    "don't", "should", "should've", "now", "d", "ll", "m", "o", "re", "ve", "y", "ain",
    "aren", "aren't", "couldn", "couldn't", "didn", "didn't", "doesn", "doesn't",
    "hadn", "hadn't", "hasn", "hasn't", "haven", "haven't", "isn", "isn't", "ma",
    "mightn", "mightn't", "mustn", "mustn't", "needn", "needn't", "shan", "shan't",
    "shouldn", "shouldn't", "wasn", "wasn't", "weren", "weren't", "won", "won't",
    "wouldn", "wouldn't",
};
/* Snowball English stems of the words above (checked by tests/unit/test_tokenize.c). */
static const char *const stems[CRI_N_STOPWORDS] = {
    "i", "me", "my", "myself", "we", "our", "our", "ourselv", "you", "you'r", "you'v",
    "you'll", "you'd", "your", "your", "yourself", "yourselv", "he", "him", "his",
    "himself", "she", "she", "her", "her", "herself", "it", "it", "it", "itself",
    "they", "them", "their", "their", "themselv", "what", "which", "who", "whom",
    "this", "that", "that'll", "these", "those", "am", "is", "are", "was", "were", "be",
    "been", "be", "have", "has", "had", "have", "do", "doe", "did", "do", "a", "an",
    "the", "and", "but", "if", "or", "becaus", "as", "until", "while", "of", "at", "by",
    "for", "with", "about", "against", "between", "into", "through", "dure", "befor",
    "after", "abov", "below", "to", "from", "up", "down", "in", "out", "on", "off",
    "over", "under", "again", "further", "then", "onc", "here", "there", "when",
    "where", "whi", "how", "all", "ani", "both", "each", "few", "more", "most", "other",
    "some", "such", "no", "nor", "not", "onli", "own", "same", "so", "than", "too",
    "veri", "s", "t", "can", "will", "just", "don", "don't", "should", "should'v",
    "now", "d", "ll", "m", "o", "re", "ve", "y", "ain", "aren", "aren't", "couldn",
    "couldn't", "didn", "didn't", "doesn", "doesn't", "hadn", "hadn't", "hasn",
    "hasn't", "haven", "haven't", "isn", "isn't", "ma", "mightn", "mightn't", "mustn",
    "mustn't", "needn", "needn't", "shan", "shan't", "shouldn", "shouldn't", "wasn",
    "wasn't", "weren", "weren't", "won", "won't", "wouldn", "wouldn't",
};
/* Byte lengths of the stems above. */
static const uint8_t stem_lens[CRI_N_STOPWORDS] = {
    1, 2, 2, 6, 2, 3, 3, 7, 3, 5, 5, 6, 5, 4, 4, 8, 8, 2, 3, 3, 7, 3, 3, 3, 3, 7, 2, 2,
    2, 6, 4, 4, 5, 5, 8, 4, 5, 3, 4, 4, 4, 7, 5, 5, 2, 2, 3, 3, 4, 2, 4, 2, 4, 3, 3, 4,
    2, 3, 3, 2, 1, 2, 3, 3, 3, 2, 2, 6, 2, 5, 5, 2, 2, 2, 3, 4, 5, 7, 7, 4, 7, 4, 5, 5,
    4, 5, 2, 4, 2, 4, 2, 3, 2, 3, 4, 5, 5, 7, 4, 3, 4, 5, 4, 5, 3, 3, 3, 3, 4, 4, 3, 4,
    4, 5, 4, 4, 2, 3, 3, 4, 3, 4, 2, 4, 3, 4, 1, 1, 3, 4, 4, 3, 5, 6, 8, 3, 1, 2, 1, 1,
    2, 2, 1, 3, 4, 6, 6, 8, 4, 6, 5, 7, 4, 6, 4, 6, 5, 7, 3, 5, 2, 6, 8, 5, 7, 5, 7, 4,
    6, 7, 9, 4, 6, 5, 7, 3, 5, 6, 8,
};
/* Byte lengths of the words. */
static const uint8_t word_lens[CRI_N_STOPWORDS] = {
    1, 2, 2, 6, 2, 3, 4, 9, 3, 6, 6, 6, 5, 4, 5, 8, 10, 2, 3, 3, 7, 3, 5, 3, 4, 7, 2, 4,
    3, 6, 4, 4, 5, 6, 10, 4, 5, 3, 4, 4, 4, 7, 5, 5, 2, 2, 3, 3, 4, 2, 4, 5, 4, 3, 3, 6,
    2, 4, 3, 5, 1, 2, 3, 3, 3, 2, 2, 7, 2, 5, 5, 2, 2, 2, 3, 4, 5, 7, 7, 4, 7, 6, 6, 5,
    5, 5, 2, 4, 2, 4, 2, 3, 2, 3, 4, 5, 5, 7, 4, 4, 4, 5, 4, 5, 3, 3, 3, 3, 4, 4, 3, 4,
    4, 5, 4, 4, 2, 3, 3, 4, 3, 4, 2, 4, 3, 4, 1, 1, 3, 4, 4, 3, 5, 6, 9, 3, 1, 2, 1, 1,
    2, 2, 1, 3, 4, 6, 6, 8, 4, 6, 5, 7, 4, 6, 4, 6, 5, 7, 3, 5, 2, 6, 8, 5, 7, 5, 7, 4,
    6, 7, 9, 4, 6, 5, 7, 3, 5, 6, 8,
};
static inline bool word_len_is(int i, size_t len) { return word_lens[i] == len; }
/* 1 when the stem is the word itself. */
static const uint8_t stem_is_word[CRI_N_STOPWORDS] = {
    1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0,
    0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0,
    1, 0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
static const uint8_t slot_of[4096] = {
    [13] = 148, [66] = 111, [92] = 112, [95] = 13, [106] = 119, [115] = 142, [124] = 54,
    [151] = 106, [178] = 134, [179] = 135, [181] = 19, [233] = 79, [257] = 6,
    [268] = 137, [294] = 85, [327] = 109, [361] = 90, [433] = 9, [443] = 75,
    [482] = 176, [486] = 118, [504] = 55, [513] = 178, [564] = 167, [567] = 140,
    [573] = 145, [589] = 130, [591] = 46, [599] = 39, [601] = 37, [605] = 78,
    [634] = 147, [640] = 160, [649] = 34, [664] = 103, [686] = 27, [712] = 83,
    [766] = 87, [827] = 63, [855] = 124, [929] = 173, [963] = 49, [983] = 165,
    [988] = 30, [1028] = 101, [1036] = 157, [1041] = 158, [1049] = 20, [1080] = 138,
    [1085] = 172, [1125] = 92, [1130] = 110, [1136] = 88, [1151] = 108, [1157] = 56,
    [1183] = 53, [1184] = 47, [1208] = 10, [1219] = 25, [1220] = 114, [1245] = 128,
    [1260] = 65, [1299] = 127, [1317] = 41, [1355] = 40, [1417] = 177, [1426] = 99,
    [1467] = 28, [1470] = 115, [1489] = 102, [1496] = 82, [1502] = 144, [1516] = 69,
    [1520] = 81, [1559] = 113, [1573] = 43, [1611] = 73, [1636] = 166, [1696] = 29,
    [1700] = 22, [1715] = 12, [1762] = 164, [1776] = 121, [1779] = 24, [1798] = 91,
    [1806] = 146, [1807] = 48, [1823] = 35, [1854] = 74, [1902] = 141, [1958] = 26,
    [1959] = 44, [1970] = 169, [1971] = 5, [1980] = 21, [1990] = 116, [1995] = 16,
    [2037] = 80, [2049] = 154, [2083] = 105, [2113] = 45, [2238] = 8, [2243] = 123,
    [2248] = 61, [2269] = 129, [2272] = 17, [2286] = 66, [2290] = 97, [2302] = 104,
    [2323] = 126, [2324] = 155, [2361] = 179, [2472] = 162, [2490] = 51, [2493] = 139,
    [2540] = 120, [2548] = 52, [2592] = 125, [2616] = 57, [2634] = 33, [2647] = 150,
    [2680] = 38, [2737] = 1, [2754] = 159, [2769] = 71, [2772] = 84, [2816] = 86,
    [2841] = 131, [2847] = 42, [2933] = 152, [2992] = 89, [3033] = 175, [3065] = 171,
    [3090] = 136, [3152] = 7, [3167] = 161, [3192] = 59, [3194] = 94, [3236] = 72,
    [3309] = 100, [3342] = 18, [3393] = 32, [3412] = 2, [3440] = 60, [3453] = 153,
    [3475] = 68, [3476] = 122, [3516] = 70, [3529] = 95, [3530] = 174, [3562] = 50,
    [3609] = 31, [3619] = 64, [3624] = 58, [3646] = 107, [3656] = 3, [3658] = 133,
    [3666] = 168, [3687] = 14, [3699] = 62, [3713] = 143, [3718] = 96, [3724] = 93,
    [3783] = 23, [3786] = 98, [3806] = 4, [3861] = 170, [3877] = 149, [3919] = 36,
    [3927] = 15, [3961] = 163, [3968] = 67, [3976] = 76, [3999] = 11, [4024] = 117,
    [4027] = 151, [4062] = 77, [4080] = 156, [4087] = 132,
};

int cri_stopword_find(const char *key, size_t len, uint32_t h) {
    if (len == 0 || len > 10) return -1;   /* "yourselves", "themselves" are the longest */
    h = (h ^ (uint32_t)len) * HASH_MUL;
    int i = slot_of[(h >> 20) & 4095] - 1;
    if (i < 0) return -1;
    const char *w = words[i];
    if (!word_len_is(i, len)) return -1;
    for (size_t k = 0; k < len; k++)
        if (w[k] != key[k]) return -1;
    return i;
}

int cri_stopword_id(const char *key, size_t len) {
    if (len == 0 || len > 10) return -1;
    uint32_t h = CRI_SW_HASH_INIT;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)key[i]) * HASH_MUL;
    return cri_stopword_find(key, len, h);
}

bool cri_is_stopword(const char *key, size_t len) { return cri_stopword_id(key, len) >= 0; }

const char *cri_stopword_word(int id) {
    return id >= 0 && id < CRI_N_STOPWORDS ? words[id] : NULL;
}

const char *cri_stopword_stem(int id, size_t *len) {
    if (id < 0 || id >= CRI_N_STOPWORDS) { *len = 0; return NULL; }
    *len = stem_lens[id];
    /* the word itself (same pointer) when the stem is the word */
    return stem_is_word[id] ? words[id] : stems[id];
}
