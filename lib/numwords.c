/*
 * numwords.c — the small lexer and number reader shared by timex.c (dates
 * and times) and quantity.c (numbers with what they count).
 *
 * Both extractors run after cleaning, over each line of d->body, lexed
 * once for both (extract.c; cri_lx_line finds the lines).  They need a
 * finer, number-aware tokenization than tokenize.c's word tokens: "10:30",
 * "33-year-old", "$75m", "74 000" and "Feb." must keep their punctuation
 * and spacing.  cri_lx_run() cuts a line into words, digit runs and single
 * punctuation marks, records whether each is glued to the previous one, and
 * looks every short ASCII word up in one lexicon (month and weekday names,
 * number words, scales, time units, qualifiers, currencies, units, tense
 * markers).  The lexicon's hash table is static (numwords_slots.h); the
 * lexer hashes a word while scanning it, and words that are not in the
 * table cost one probe.
 *
 * cri_num_read() reads a number starting at a token: digits with thousands
 * separators ("1,600,000", "74 000"), decimals, scale words ("1.6 million",
 * "5bn"), English number words ("twenty-one thousand", "a dozen", "half a
 * million") and vague plurals ("dozens", "hundreds of thousands").
 */
#include "internal.h"

#include <math.h>

/* The lexicon.  cls/val: see the CRI_LC_* list in internal.h.
 *   MONTH 1-12, WDAY 0-6 (Sunday 0), NUMW the number, SCALE a power of ten,
 *   ORD the ordinal, TUNIT 1 second 2 minute 3 hour 4 day 5 week 6 weekend
 *   7 month 8 quarter 9 year 10 decade 11 century 12 fortnight,
 *   DPART 1 morning 2 afternoon 3 evening 4 night 5 noon 6 midnight,
 *   SEASON 1 spring 2 summer 3 fall 4 winter, TENSE 1 past 2 future
 *   3 present, VAGUE the base of a plural ("dozens" 12).  Words with two
 *   roles ("second", "may") carry a second class. */
static const cri_lexicon_entry lexicon[] = {
    /* months */
    {"january", CRI_LC_MONTH, 1, 0, 0}, {"jan", CRI_LC_MONTH, 1, 0, 0},
    {"february", CRI_LC_MONTH, 2, 0, 0}, {"feb", CRI_LC_MONTH, 2, 0, 0},
    {"march", CRI_LC_MONTH, 3, 0, 0}, {"mar", CRI_LC_MONTH, 3, 0, 0},
    {"april", CRI_LC_MONTH, 4, 0, 0}, {"apr", CRI_LC_MONTH, 4, 0, 0},
    {"may", CRI_LC_MONTH, 5, 0, 0},
    {"june", CRI_LC_MONTH, 6, 0, 0}, {"jun", CRI_LC_MONTH, 6, 0, 0},
    {"july", CRI_LC_MONTH, 7, 0, 0}, {"jul", CRI_LC_MONTH, 7, 0, 0},
    {"august", CRI_LC_MONTH, 8, 0, 0}, {"aug", CRI_LC_MONTH, 8, 0, 0},
    {"september", CRI_LC_MONTH, 9, 0, 0}, {"sep", CRI_LC_MONTH, 9, 0, 0},
    {"sept", CRI_LC_MONTH, 9, 0, 0},
    {"october", CRI_LC_MONTH, 10, 0, 0}, {"oct", CRI_LC_MONTH, 10, 0, 0},
    {"november", CRI_LC_MONTH, 11, 0, 0}, {"nov", CRI_LC_MONTH, 11, 0, 0},
    {"december", CRI_LC_MONTH, 12, 0, 0}, {"dec", CRI_LC_MONTH, 12, 0, 0},
    /* weekdays */
    {"sunday", CRI_LC_WDAY, 0, 0, 0}, {"monday", CRI_LC_WDAY, 1, 0, 0},
    {"tuesday", CRI_LC_WDAY, 2, 0, 0}, {"wednesday", CRI_LC_WDAY, 3, 0, 0},
    {"thursday", CRI_LC_WDAY, 4, 0, 0}, {"friday", CRI_LC_WDAY, 5, 0, 0},
    {"saturday", CRI_LC_WDAY, 6, 0, 0},
    {"sun", CRI_LC_WDAY, 0, 0, 0}, {"mon", CRI_LC_WDAY, 1, 0, 0},
    {"tue", CRI_LC_WDAY, 2, 0, 0}, {"tues", CRI_LC_WDAY, 2, 0, 0},
    {"wed", CRI_LC_WDAY, 3, 0, 0}, {"thu", CRI_LC_WDAY, 4, 0, 0},
    {"thur", CRI_LC_WDAY, 4, 0, 0}, {"thurs", CRI_LC_WDAY, 4, 0, 0},
    {"fri", CRI_LC_WDAY, 5, 0, 0}, {"sat", CRI_LC_WDAY, 6, 0, 0},
    /* number words */
    {"zero", CRI_LC_NUMW, 0, 0, 0}, {"one", CRI_LC_NUMW, 1, 0, 0},
    {"two", CRI_LC_NUMW, 2, 0, 0}, {"three", CRI_LC_NUMW, 3, 0, 0},
    {"four", CRI_LC_NUMW, 4, 0, 0}, {"five", CRI_LC_NUMW, 5, 0, 0},
    {"six", CRI_LC_NUMW, 6, 0, 0}, {"seven", CRI_LC_NUMW, 7, 0, 0},
    {"eight", CRI_LC_NUMW, 8, 0, 0}, {"nine", CRI_LC_NUMW, 9, 0, 0},
    {"ten", CRI_LC_NUMW, 10, 0, 0}, {"eleven", CRI_LC_NUMW, 11, 0, 0},
    {"twelve", CRI_LC_NUMW, 12, 0, 0}, {"thirteen", CRI_LC_NUMW, 13, 0, 0},
    {"fourteen", CRI_LC_NUMW, 14, 0, 0}, {"fifteen", CRI_LC_NUMW, 15, 0, 0},
    {"sixteen", CRI_LC_NUMW, 16, 0, 0}, {"seventeen", CRI_LC_NUMW, 17, 0, 0},
    {"eighteen", CRI_LC_NUMW, 18, 0, 0}, {"nineteen", CRI_LC_NUMW, 19, 0, 0},
    {"twenty", CRI_LC_NUMW, 20, 0, 0}, {"thirty", CRI_LC_NUMW, 30, 0, 0},
    {"forty", CRI_LC_NUMW, 40, 0, 0}, {"fourty", CRI_LC_NUMW, 40, 0, 0},
    {"fifty", CRI_LC_NUMW, 50, 0, 0}, {"sixty", CRI_LC_NUMW, 60, 0, 0},
    {"seventy", CRI_LC_NUMW, 70, 0, 0}, {"eighty", CRI_LC_NUMW, 80, 0, 0},
    {"ninety", CRI_LC_NUMW, 90, 0, 0},
    {"dozen", CRI_LC_NUMW, 12, 0, 0}, {"half", CRI_LC_NUMW, 0, 0, 0},
    {"a", CRI_LC_FUNC, 1, 0, 0}, {"an", CRI_LC_FUNC, 1, 0, 0},
    /* scales (power of ten) */
    {"hundred", CRI_LC_SCALE, 2, 0, 0}, {"thousand", CRI_LC_SCALE, 3, 0, 0},
    {"million", CRI_LC_SCALE, 6, 0, 0}, {"billion", CRI_LC_SCALE, 9, 0, 0},
    {"trillion", CRI_LC_SCALE, 12, 0, 0}, {"lakh", CRI_LC_SCALE, 5, 0, 0},
    {"lakhs", CRI_LC_SCALE, 5, 0, 0}, {"crore", CRI_LC_SCALE, 7, 0, 0},
    {"crores", CRI_LC_SCALE, 7, 0, 0}, {"bn", CRI_LC_SCALE, 9, 0, 0},
    {"mn", CRI_LC_SCALE, 6, 0, 0}, {"mln", CRI_LC_SCALE, 6, 0, 0},
    {"bln", CRI_LC_SCALE, 9, 0, 0}, {"tn", CRI_LC_SCALE, 12, 0, 0},
    {"thousands", CRI_LC_VAGUE, 3, 0, 0}, {"hundreds", CRI_LC_VAGUE, 2, 0, 0},
    {"millions", CRI_LC_VAGUE, 6, 0, 0}, {"billions", CRI_LC_VAGUE, 9, 0, 0},
    {"dozens", CRI_LC_VAGUE, 1, 0, 0}, {"scores", CRI_LC_VAGUE, 0, 0, 0},
    {"tens", CRI_LC_VAGUE, 4, 0, 0},
    /* ordinals */
    {"first", CRI_LC_ORD, 1, 0, 0}, {"second", CRI_LC_ORD, 2, CRI_LC_TUNIT, 1},
    {"third", CRI_LC_ORD, 3, 0, 0}, {"fourth", CRI_LC_ORD, 4, 0, 0},
    {"fifth", CRI_LC_ORD, 5, 0, 0}, {"sixth", CRI_LC_ORD, 6, 0, 0},
    {"seventh", CRI_LC_ORD, 7, 0, 0}, {"eighth", CRI_LC_ORD, 8, 0, 0},
    {"ninth", CRI_LC_ORD, 9, 0, 0}, {"tenth", CRI_LC_ORD, 10, 0, 0},
    {"eleventh", CRI_LC_ORD, 11, 0, 0}, {"twelfth", CRI_LC_ORD, 12, 0, 0},
    {"thirteenth", CRI_LC_ORD, 13, 0, 0}, {"fourteenth", CRI_LC_ORD, 14, 0, 0},
    {"fifteenth", CRI_LC_ORD, 15, 0, 0}, {"sixteenth", CRI_LC_ORD, 16, 0, 0},
    {"seventeenth", CRI_LC_ORD, 17, 0, 0}, {"eighteenth", CRI_LC_ORD, 18, 0, 0},
    {"nineteenth", CRI_LC_ORD, 19, 0, 0}, {"twentieth", CRI_LC_ORD, 20, 0, 0},
    {"thirtieth", CRI_LC_ORD, 30, 0, 0},
    /* time units */
    {"seconds", CRI_LC_TUNIT, 1, 0, 0}, {"minute", CRI_LC_TUNIT, 2, 0, 0},
    {"minutes", CRI_LC_TUNIT, 2, 0, 0}, {"hour", CRI_LC_TUNIT, 3, 0, 0},
    {"hours", CRI_LC_TUNIT, 3, 0, 0}, {"day", CRI_LC_TUNIT, 4, 0, 0},
    {"days", CRI_LC_TUNIT, 4, 0, 0}, {"week", CRI_LC_TUNIT, 5, 0, 0},
    {"weeks", CRI_LC_TUNIT, 5, 0, 0}, {"weekend", CRI_LC_TUNIT, 6, 0, 0},
    {"weekends", CRI_LC_TUNIT, 6, 0, 0}, {"month", CRI_LC_TUNIT, 7, 0, 0},
    {"months", CRI_LC_TUNIT, 7, 0, 0}, {"quarter", CRI_LC_TUNIT, 8, 0, 0},
    {"quarters", CRI_LC_TUNIT, 8, 0, 0}, {"year", CRI_LC_TUNIT, 9, 0, 0},
    {"years", CRI_LC_TUNIT, 9, 0, 0}, {"decade", CRI_LC_TUNIT, 10, 0, 0},
    {"decades", CRI_LC_TUNIT, 10, 0, 0}, {"century", CRI_LC_TUNIT, 11, 0, 0},
    {"centuries", CRI_LC_TUNIT, 11, 0, 0}, {"fortnight", CRI_LC_TUNIT, 12, 0, 0},
    {"yr", CRI_LC_TUNIT, 9, 0, 0}, {"yrs", CRI_LC_TUNIT, 9, 0, 0},
    {"hr", CRI_LC_TUNIT, 3, 0, 0}, {"hrs", CRI_LC_TUNIT, 3, 0, 0},
    {"min", CRI_LC_TUNIT, 2, 0, 0}, {"mins", CRI_LC_TUNIT, 2, 0, 0},
    /* parts of the day */
    {"morning", CRI_LC_DPART, 1, 0, 0}, {"afternoon", CRI_LC_DPART, 2, 0, 0},
    {"evening", CRI_LC_DPART, 3, 0, 0}, {"night", CRI_LC_DPART, 4, 0, 0},
    {"noon", CRI_LC_DPART, 5, 0, 0}, {"midday", CRI_LC_DPART, 5, 0, 0},
    {"midnight", CRI_LC_DPART, 6, 0, 0}, {"overnight", CRI_LC_DPART, 4, 0, 0},
    /* seasons */
    {"spring", CRI_LC_SEASON, 1, 0, 0}, {"summer", CRI_LC_SEASON, 2, 0, 0},
    {"autumn", CRI_LC_SEASON, 3, 0, 0}, {"fall", CRI_LC_SEASON, 3, 0, 0},
    {"winter", CRI_LC_SEASON, 4, 0, 0},
    /* holidays */
    {"christmas", CRI_LC_HOLIDAY, 1, 0, 0}, {"halloween", CRI_LC_HOLIDAY, 2, 0, 0},
    /* relative words (timex.c compares the entry's word) */
    {"yesterday", CRI_LC_REL, 0, 0, 0}, {"today", CRI_LC_REL, 0, 0, 0},
    {"tomorrow", CRI_LC_REL, 0, CRI_LC_TENSE, 2}, {"tonight", CRI_LC_REL, 0, 0, 0},
    {"now", CRI_LC_REL, 0, 0, 0}, {"currently", CRI_LC_REL, 0, 0, 0},
    {"recently", CRI_LC_REL, 0, 0, 0}, {"ago", CRI_LC_REL, 0, CRI_LC_TENSE, 1},
    {"last", CRI_LC_REL, 0, 0, 0}, {"next", CRI_LC_REL, 0, 0, 0},
    {"this", CRI_LC_REL, 0, 0, 0}, {"past", CRI_LC_REL, 0, 0, 0},
    {"coming", CRI_LC_REL, 0, 0, 0}, {"previous", CRI_LC_REL, 0, 0, 0},
    {"earlier", CRI_LC_REL, 0, 0, 0}, {"later", CRI_LC_REL, 0, 0, 0},
    {"early", CRI_LC_REL, 0, 0, 0}, {"mid", CRI_LC_REL, 0, 0, 0},
    {"late", CRI_LC_REL, 0, 0, 0}, {"end", CRI_LC_REL, 0, 0, 0},
    {"beginning", CRI_LC_REL, 0, 0, 0}, {"start", CRI_LC_REL, 0, 0, 0},
    {"middle", CRI_LC_REL, 0, 0, 0}, {"following", CRI_LC_REL, 0, 0, 0},
    {"same", CRI_LC_REL, 0, 0, 0}, {"that", CRI_LC_REL, 0, 0, 0},
    {"every", CRI_LC_SET, 0, 0, 0}, {"each", CRI_LC_SET, 0, 0, 0},
    {"daily", CRI_LC_SET, 4, 0, 0}, {"weekly", CRI_LC_SET, 5, 0, 0},
    {"monthly", CRI_LC_SET, 7, 0, 0}, {"annually", CRI_LC_SET, 9, 0, 0},
    {"yearly", CRI_LC_SET, 9, 0, 0},
    {"nightly", CRI_LC_SET, 4, 0, 0}, {"hourly", CRI_LC_SET, 3, 0, 0},
    {"quarterly", CRI_LC_SET, 8, 0, 0}, {"current", CRI_LC_REL, 0, 0, 0},
    {"fiscal", CRI_LC_REL, 0, 0, 0}, {"fy", CRI_LC_REL, 0, 0, 0},
    {"future", CRI_LC_REL, 0, 0, 0}, {"present", CRI_LC_REL, 0, 0, 0},
    {"previously", CRI_LC_REL, 0, 0, 0}, {"nowadays", CRI_LC_REL, 0, 0, 0},
    {"recent", CRI_LC_REL, 0, 0, 0}, {"few", CRI_LC_REL, 0, 0, 0},
    {"several", CRI_LC_REL, 0, 0, 0}, {"many", CRI_LC_REL, 0, 0, 0},
    {"couple", CRI_LC_REL, 0, 0, 0}, {"some", CRI_LC_QUAL, 0, 0, 0},
    {"day's", CRI_LC_REL, 0, 0, 0},
    /* qualifiers (quantity.c reads the phrases) */
    {"about", CRI_LC_QUAL, 0, 0, 0}, {"around", CRI_LC_QUAL, 0, 0, 0},
    {"approximately", CRI_LC_QUAL, 0, 0, 0}, {"roughly", CRI_LC_QUAL, 0, 0, 0},
    {"nearly", CRI_LC_QUAL, 0, 0, 0}, {"almost", CRI_LC_QUAL, 0, 0, 0},
    {"over", CRI_LC_QUAL, 0, 0, 0}, {"more", CRI_LC_QUAL, 0, 0, 0},
    {"less", CRI_LC_QUAL, 0, 0, 0}, {"fewer", CRI_LC_QUAL, 0, 0, 0},
    {"least", CRI_LC_QUAL, 0, 0, 0}, {"most", CRI_LC_QUAL, 0, 0, 0},
    {"up", CRI_LC_QUAL, 0, 0, 0}, {"under", CRI_LC_QUAL, 0, 0, 0},
    {"estimated", CRI_LC_QUAL, 0, CRI_LC_TENSE, 1}, {"just", CRI_LC_QUAL, 0, 0, 0},
    {"close", CRI_LC_QUAL, 0, 0, 0}, {"nearly", CRI_LC_QUAL, 0, 0, 0},
    {"some", CRI_LC_QUAL, 0, 0, 0}, {"exactly", CRI_LC_QUAL, 0, 0, 0},
    {"only", CRI_LC_QUAL, 0, 0, 0}, {"than", CRI_LC_QUAL, 0, 0, 0},
    {"below", CRI_LC_QUAL, 0, 0, 0}, {"above", CRI_LC_QUAL, 0, 0, 0},
    {"upwards", CRI_LC_QUAL, 0, 0, 0}, {"nearly", CRI_LC_QUAL, 0, 0, 0},
    {"as", CRI_LC_FUNC, 0, 0, 0}, {"of", CRI_LC_FUNC, 0, 0, 0},
    {"and", CRI_LC_FUNC, 0, 0, 0}, {"to", CRI_LC_FUNC, 0, 0, 0},
    {"the", CRI_LC_FUNC, 0, 0, 0}, {"in", CRI_LC_FUNC, 0, 0, 0},
    {"on", CRI_LC_FUNC, 0, 0, 0}, {"at", CRI_LC_FUNC, 0, 0, 0},
    {"since", CRI_LC_FUNC, 0, 0, 0}, {"until", CRI_LC_FUNC, 0, 0, 0},
    {"till", CRI_LC_FUNC, 0, 0, 0}, {"by", CRI_LC_FUNC, 0, 0, 0},
    {"from", CRI_LC_FUNC, 0, 0, 0}, {"between", CRI_LC_FUNC, 0, 0, 0},
    {"during", CRI_LC_FUNC, 0, 0, 0}, {"before", CRI_LC_FUNC, 0, 0, 0},
    {"after", CRI_LC_FUNC, 0, 0, 0}, {"through", CRI_LC_FUNC, 0, 0, 0},
    {"for", CRI_LC_FUNC, 0, 0, 0}, {"within", CRI_LC_FUNC, 0, 0, 0},
    {"per", CRI_LC_FUNC, 0, 0, 0}, {"cent", CRI_LC_FUNC, 0, 0, 0},
    {"percent", CRI_LC_FUNC, 0, 0, 0}, {"pct", CRI_LC_FUNC, 0, 0, 0},
    {"old", CRI_LC_FUNC, 0, 0, 0}, {"aged", CRI_LC_FUNC, 0, 0, 0},
    {"age", CRI_LC_FUNC, 0, 0, 0}, {"or", CRI_LC_FUNC, 0, 0, 0},
    {"against", CRI_LC_FUNC, 0, 0, 0}, {"into", CRI_LC_FUNC, 0, 0, 0},
    {"am", CRI_LC_FUNC, 0, CRI_LC_TENSE, 3}, {"pm", CRI_LC_FUNC, 0, 0, 0},
    {"gmt", CRI_LC_FUNC, 0, 0, 0}, {"utc", CRI_LC_FUNC, 0, 0, 0},
    {"est", CRI_LC_FUNC, 0, 0, 0}, {"edt", CRI_LC_FUNC, 0, 0, 0},
    {"et", CRI_LC_FUNC, 0, 0, 0}, {"pt", CRI_LC_FUNC, 0, 0, 0},
    {"bst", CRI_LC_FUNC, 0, 0, 0}, {"cet", CRI_LC_FUNC, 0, 0, 0},
    {"ist", CRI_LC_FUNC, 0, 0, 0}, {"kst", CRI_LC_FUNC, 0, 0, 0},
    {"cst", CRI_LC_FUNC, 0, 0, 0}, {"cdt", CRI_LC_FUNC, 0, 0, 0},
    {"mst", CRI_LC_FUNC, 0, 0, 0}, {"mdt", CRI_LC_FUNC, 0, 0, 0},
    {"pst", CRI_LC_FUNC, 0, 0, 0}, {"pdt", CRI_LC_FUNC, 0, 0, 0},
    {"cest", CRI_LC_FUNC, 0, 0, 0}, {"eet", CRI_LC_FUNC, 0, 0, 0},
    {"msk", CRI_LC_FUNC, 0, 0, 0}, {"near", CRI_LC_FUNC, 0, 0, 0},
    {"o'clock", CRI_LC_FUNC, 0, 0, 0}, {"s", CRI_LC_FUNC, 0, 0, 0},
    {"th", CRI_LC_FUNC, 0, 0, 0}, {"st", CRI_LC_FUNC, 0, 0, 0},
    {"nd", CRI_LC_FUNC, 0, 0, 0}, {"rd", CRI_LC_FUNC, 0, 0, 0},
    {"q1", CRI_LC_FUNC, 1, 0, 0}, {"q2", CRI_LC_FUNC, 2, 0, 0},
    {"q3", CRI_LC_FUNC, 3, 0, 0}, {"q4", CRI_LC_FUNC, 4, 0, 0},
    {"h1", CRI_LC_FUNC, 1, 0, 0}, {"h2", CRI_LC_FUNC, 2, 0, 0},
    {"times", CRI_LC_FUNC, 0, 0, 0}, {"once", CRI_LC_FUNC, 0, 0, 0},
    {"twice", CRI_LC_FUNC, 0, 0, 0},
    /* currencies (quantity.c maps the word) */
    {"dollar", CRI_LC_CUR, 0, 0, 0}, {"dollars", CRI_LC_CUR, 0, 0, 0},
    {"baht", CRI_LC_CUR, 0, 0, 0}, {"riyal", CRI_LC_CUR, 0, 0, 0}, {"riyals", CRI_LC_CUR, 0, 0, 0},
    {"dirham", CRI_LC_CUR, 0, 0, 0}, {"dirhams", CRI_LC_CUR, 0, 0, 0}, {"ringgit", CRI_LC_CUR, 0, 0, 0},
    {"zloty", CRI_LC_CUR, 0, 0, 0}, {"zlotys", CRI_LC_CUR, 0, 0, 0}, {"reais", CRI_LC_CUR, 0, 0, 0},
    {"rupiah", CRI_LC_CUR, 0, 0, 0},
    {"usd", CRI_LC_CUR, 0, 0, 0}, {"us", CRI_LC_CUR, 0, 0, 0},
    {"euro", CRI_LC_CUR, 0, 0, 0}, {"euros", CRI_LC_CUR, 0, 0, 0},
    {"eur", CRI_LC_CUR, 0, 0, 0}, {"pound", CRI_LC_CUR, 0, 0, 0},
    {"pounds", CRI_LC_CUR, 0, 0, 0}, {"gbp", CRI_LC_CUR, 0, 0, 0},
    {"sterling", CRI_LC_CUR, 0, 0, 0}, {"yen", CRI_LC_CUR, 0, 0, 0},
    {"jpy", CRI_LC_CUR, 0, 0, 0}, {"yuan", CRI_LC_CUR, 0, 0, 0},
    {"renminbi", CRI_LC_CUR, 0, 0, 0}, {"cny", CRI_LC_CUR, 0, 0, 0},
    {"rmb", CRI_LC_CUR, 0, 0, 0}, {"won", CRI_LC_CUR, 0, CRI_LC_TENSE, 1},
    {"krw", CRI_LC_CUR, 0, 0, 0}, {"rupee", CRI_LC_CUR, 0, 0, 0},
    {"rupees", CRI_LC_CUR, 0, 0, 0}, {"rs", CRI_LC_CUR, 0, 0, 0},
    {"inr", CRI_LC_CUR, 0, 0, 0}, {"ruble", CRI_LC_CUR, 0, 0, 0},
    {"rubles", CRI_LC_CUR, 0, 0, 0}, {"rouble", CRI_LC_CUR, 0, 0, 0},
    {"roubles", CRI_LC_CUR, 0, 0, 0}, {"rub", CRI_LC_CUR, 0, 0, 0},
    {"hryvnia", CRI_LC_CUR, 0, 0, 0}, {"hryvnias", CRI_LC_CUR, 0, 0, 0},
    {"uah", CRI_LC_CUR, 0, 0, 0}, {"franc", CRI_LC_CUR, 0, 0, 0},
    {"francs", CRI_LC_CUR, 0, 0, 0}, {"chf", CRI_LC_CUR, 0, 0, 0},
    {"cad", CRI_LC_CUR, 0, 0, 0}, {"aud", CRI_LC_CUR, 0, 0, 0},
    {"cents", CRI_LC_CUR, 0, 0, 0}, {"pence", CRI_LC_CUR, 0, 0, 0},
    {"bucks", CRI_LC_CUR, 0, 0, 0}, {"peso", CRI_LC_CUR, 0, 0, 0},
    {"pesos", CRI_LC_CUR, 0, 0, 0}, {"lira", CRI_LC_CUR, 0, 0, 0},
    {"shekel", CRI_LC_CUR, 0, 0, 0}, {"shekels", CRI_LC_CUR, 0, 0, 0},
    {"rand", CRI_LC_CUR, 0, 0, 0}, {"naira", CRI_LC_CUR, 0, 0, 0},
    {"usd", CRI_LC_CUR, 0, 0, 0},
    /* units of measure (quantity.c maps the word) */
    {"km", CRI_LC_UNIT, 0, 0, 0}, {"kilometre", CRI_LC_UNIT, 0, 0, 0},
    {"kilometres", CRI_LC_UNIT, 0, 0, 0}, {"kilometer", CRI_LC_UNIT, 0, 0, 0},
    {"kilometers", CRI_LC_UNIT, 0, 0, 0}, {"m", CRI_LC_UNIT, 0, 0, 0},
    {"metre", CRI_LC_UNIT, 0, 0, 0}, {"metres", CRI_LC_UNIT, 0, 0, 0},
    {"meter", CRI_LC_UNIT, 0, 0, 0}, {"meters", CRI_LC_UNIT, 0, 0, 0},
    {"cm", CRI_LC_UNIT, 0, 0, 0}, {"centimetre", CRI_LC_UNIT, 0, 0, 0},
    {"centimetres", CRI_LC_UNIT, 0, 0, 0}, {"centimeter", CRI_LC_UNIT, 0, 0, 0},
    {"centimeters", CRI_LC_UNIT, 0, 0, 0}, {"mm", CRI_LC_UNIT, 0, 0, 0},
    {"millimetre", CRI_LC_UNIT, 0, 0, 0}, {"millimetres", CRI_LC_UNIT, 0, 0, 0},
    {"millimeter", CRI_LC_UNIT, 0, 0, 0}, {"millimeters", CRI_LC_UNIT, 0, 0, 0},
    {"mile", CRI_LC_UNIT, 0, 0, 0}, {"miles", CRI_LC_UNIT, 0, 0, 0},
    {"mi", CRI_LC_UNIT, 0, 0, 0}, {"foot", CRI_LC_UNIT, 0, 0, 0},
    {"feet", CRI_LC_UNIT, 0, 0, 0}, {"ft", CRI_LC_UNIT, 0, 0, 0},
    {"inch", CRI_LC_UNIT, 0, 0, 0}, {"inches", CRI_LC_UNIT, 0, 0, 0},
    {"in", CRI_LC_FUNC, 0, 0, 0}, {"yard", CRI_LC_UNIT, 0, 0, 0},
    {"yards", CRI_LC_UNIT, 0, 0, 0}, {"yd", CRI_LC_UNIT, 0, 0, 0},
    {"kg", CRI_LC_UNIT, 0, 0, 0}, {"kgs", CRI_LC_UNIT, 0, 0, 0},
    {"kilogram", CRI_LC_UNIT, 0, 0, 0}, {"kilograms", CRI_LC_UNIT, 0, 0, 0},
    {"kilo", CRI_LC_UNIT, 0, 0, 0}, {"kilos", CRI_LC_UNIT, 0, 0, 0},
    {"g", CRI_LC_UNIT, 0, 0, 0}, {"gram", CRI_LC_UNIT, 0, 0, 0},
    {"grams", CRI_LC_UNIT, 0, 0, 0}, {"gramme", CRI_LC_UNIT, 0, 0, 0},
    {"grammes", CRI_LC_UNIT, 0, 0, 0}, {"mg", CRI_LC_UNIT, 0, 0, 0},
    {"milligram", CRI_LC_UNIT, 0, 0, 0}, {"milligrams", CRI_LC_UNIT, 0, 0, 0},
    {"lb", CRI_LC_UNIT, 0, 0, 0}, {"lbs", CRI_LC_UNIT, 0, 0, 0},
    {"oz", CRI_LC_UNIT, 0, 0, 0}, {"ounce", CRI_LC_UNIT, 0, 0, 0},
    {"ounces", CRI_LC_UNIT, 0, 0, 0}, {"ton", CRI_LC_UNIT, 0, 0, 0},
    {"tons", CRI_LC_UNIT, 0, 0, 0}, {"tonne", CRI_LC_UNIT, 0, 0, 0},
    {"tonnes", CRI_LC_UNIT, 0, 0, 0}, {"t", CRI_LC_UNIT, 0, 0, 0},
    {"l", CRI_LC_UNIT, 0, 0, 0}, {"litre", CRI_LC_UNIT, 0, 0, 0},
    {"litres", CRI_LC_UNIT, 0, 0, 0}, {"liter", CRI_LC_UNIT, 0, 0, 0},
    {"liters", CRI_LC_UNIT, 0, 0, 0}, {"ml", CRI_LC_UNIT, 0, 0, 0},
    {"gallon", CRI_LC_UNIT, 0, 0, 0}, {"gallons", CRI_LC_UNIT, 0, 0, 0},
    {"barrel", CRI_LC_UNIT, 0, 0, 0}, {"barrels", CRI_LC_UNIT, 0, 0, 0},
    {"bpd", CRI_LC_UNIT, 0, 0, 0}, {"acre", CRI_LC_UNIT, 0, 0, 0},
    {"acres", CRI_LC_UNIT, 0, 0, 0}, {"hectare", CRI_LC_UNIT, 0, 0, 0},
    {"hectares", CRI_LC_UNIT, 0, 0, 0}, {"ha", CRI_LC_UNIT, 0, 0, 0},
    {"mph", CRI_LC_UNIT, 0, 0, 0}, {"kph", CRI_LC_UNIT, 0, 0, 0},
    {"kmh", CRI_LC_UNIT, 0, 0, 0}, {"knot", CRI_LC_UNIT, 0, 0, 0},
    {"knots", CRI_LC_UNIT, 0, 0, 0}, {"degree", CRI_LC_UNIT, 0, 0, 0},
    {"degrees", CRI_LC_UNIT, 0, 0, 0}, {"celsius", CRI_LC_UNIT, 0, 0, 0},
    {"fahrenheit", CRI_LC_UNIT, 0, 0, 0}, {"mw", CRI_LC_UNIT, 0, 0, 0},
    {"gw", CRI_LC_UNIT, 0, 0, 0}, {"kw", CRI_LC_UNIT, 0, 0, 0},
    {"kwh", CRI_LC_UNIT, 0, 0, 0}, {"megawatt", CRI_LC_UNIT, 0, 0, 0},
    {"megawatts", CRI_LC_UNIT, 0, 0, 0}, {"gigawatt", CRI_LC_UNIT, 0, 0, 0},
    {"gigawatts", CRI_LC_UNIT, 0, 0, 0}, {"sq", CRI_LC_UNIT, 0, 0, 0},
    {"square", CRI_LC_UNIT, 0, 0, 0}, {"cubic", CRI_LC_UNIT, 0, 0, 0},
    {"metric", CRI_LC_UNIT, 0, 0, 0}, {"gb", CRI_LC_UNIT, 0, 0, 0},
    {"mb", CRI_LC_UNIT, 0, 0, 0}, {"tb", CRI_LC_UNIT, 0, 0, 0},
    {"magnitude", CRI_LC_UNIT, 0, 0, 0},
    /* tense markers */
    {"will", CRI_LC_TENSE, 2, 0, 0}, {"shall", CRI_LC_TENSE, 2, 0, 0},
    {"'ll", CRI_LC_TENSE, 2, 0, 0}, {"upcoming", CRI_LC_TENSE, 2, 0, 0},
    {"scheduled", CRI_LC_TENSE, 2, 0, 0}, {"expected", CRI_LC_TENSE, 2, 0, 0},
    {"plans", CRI_LC_TENSE, 2, 0, 0}, {"planned", CRI_LC_TENSE, 2, 0, 0},
    {"due", CRI_LC_TENSE, 2, 0, 0}, {"slated", CRI_LC_TENSE, 2, 0, 0},
    {"set", CRI_LC_TENSE, 2, 0, 0}, {"going", CRI_LC_TENSE, 2, 0, 0},
    {"was", CRI_LC_TENSE, 1, 0, 0}, {"were", CRI_LC_TENSE, 1, 0, 0},
    {"had", CRI_LC_TENSE, 1, 0, 0}, {"did", CRI_LC_TENSE, 1, 0, 0},
    {"said", CRI_LC_TENSE, 1, 0, 0}, {"told", CRI_LC_TENSE, 1, 0, 0},
    {"met", CRI_LC_TENSE, 1, 0, 0}, {"went", CRI_LC_TENSE, 1, 0, 0},
    {"left", CRI_LC_TENSE, 1, 0, 0}, {"took", CRI_LC_TENSE, 1, 0, 0},
    {"came", CRI_LC_TENSE, 1, 0, 0}, {"made", CRI_LC_TENSE, 1, 0, 0},
    {"held", CRI_LC_TENSE, 1, 0, 0}, {"gave", CRI_LC_TENSE, 1, 0, 0},
    {"saw", CRI_LC_TENSE, 1, 0, 0}, {"sent", CRI_LC_TENSE, 1, 0, 0},
    {"began", CRI_LC_TENSE, 1, 0, 0}, {"became", CRI_LC_TENSE, 1, 0, 0},
    {"lost", CRI_LC_TENSE, 1, 0, 0}, {"ran", CRI_LC_TENSE, 1, 0, 0},
    {"got", CRI_LC_TENSE, 1, 0, 0}, {"found", CRI_LC_TENSE, 1, 0, 0},
    {"kept", CRI_LC_TENSE, 1, 0, 0}, {"brought", CRI_LC_TENSE, 1, 0, 0},
    {"thought", CRI_LC_TENSE, 1, 0, 0}, {"paid", CRI_LC_TENSE, 1, 0, 0},
    {"fell", CRI_LC_TENSE, 1, 0, 0}, {"rose", CRI_LC_TENSE, 1, 0, 0},
    {"struck", CRI_LC_TENSE, 1, 0, 0}, {"spoke", CRI_LC_TENSE, 1, 0, 0},
    {"wrote", CRI_LC_TENSE, 1, 0, 0}, {"sold", CRI_LC_TENSE, 1, 0, 0},
    {"bought", CRI_LC_TENSE, 1, 0, 0}, {"led", CRI_LC_TENSE, 1, 0, 0},
    {"fled", CRI_LC_TENSE, 1, 0, 0}, {"shot", CRI_LC_TENSE, 1, 0, 0},
    {"stood", CRI_LC_TENSE, 1, 0, 0}, {"knew", CRI_LC_TENSE, 1, 0, 0},
    {"announced", CRI_LC_TENSE, 1, 0, 0}, {"felt", CRI_LC_TENSE, 1, 0, 0},
    {"broke", CRI_LC_TENSE, 1, 0, 0}, {"chose", CRI_LC_TENSE, 1, 0, 0},
    {"drew", CRI_LC_TENSE, 1, 0, 0}, {"grew", CRI_LC_TENSE, 1, 0, 0},
    {"threw", CRI_LC_TENSE, 1, 0, 0}, {"flew", CRI_LC_TENSE, 1, 0, 0},
    {"wore", CRI_LC_TENSE, 1, 0, 0}, {"swore", CRI_LC_TENSE, 1, 0, 0},
    {"hit", CRI_LC_TENSE, 1, 0, 0}, {"quit", CRI_LC_TENSE, 1, 0, 0},
    {"is", CRI_LC_TENSE, 3, 0, 0}, {"are", CRI_LC_TENSE, 3, 0, 0},
    {"says", CRI_LC_TENSE, 3, 0, 0}, {"has", CRI_LC_FUNC, 0, 0, 0},
    {"have", CRI_LC_FUNC, 0, 0, 0}, {"been", CRI_LC_TENSE, 1, 0, 0},
    {"would", CRI_LC_TENSE, 1, 0, 0},
};
#define N_LEXICON (sizeof lexicon / sizeof lexicon[0])
#define SLOT_MASK 2047u

static uint32_t word_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ^ (h >> 15);
}

/* The lexicon's hash table, made once by scripts/gen_lexicon.py from the
 * table above (cri_lx_selfcheck() rebuilds it and compares, in a unit test):
 * a static table costs nothing per document. */
#include "numwords_slots.h"

static void build_slots(uint16_t *slot) {
    memset(slot, 0, 2048 * sizeof *slot);
    for (size_t i = 0; i < N_LEXICON; i++) {
        size_t n = strlen(lexicon[i].w);
        uint32_t h = word_hash(lexicon[i].w, n) & SLOT_MASK;
        bool dup = false;
        while (slot[h]) {
            if (strcmp(lexicon[slot[h] - 1].w, lexicon[i].w) == 0) { dup = true; break; }
            h = (h + 1) & SLOT_MASK;
        }
        if (!dup) slot[h] = (uint16_t)(i + 1);   /* the first entry of a word wins */
    }
}

bool cri_lx_selfcheck(void) {
    uint16_t slot[2048];
    build_slots(slot);
    return memcmp(slot, lx_slots, sizeof slot) == 0 && N_LEXICON == LX_N_ENTRIES;
}

void cri_lx_init(cri_lexer *lx) { lx->slot = lx_slots; }

const cri_lexicon_entry *const cri_lx_table = lexicon;
const uint16_t cri_lx_count = N_LEXICON;

/* The entry (+ 1) of the ASCII word s[0, n) (letters and an apostrophe),
 * whose FNV-1a hash over its lower-case bytes the lexer took while
 * scanning it; 0 when none.  Lower case of a letter or "'" is c | 0x20. */
static uint16_t lookup(const cri_lexer *lx, const char *s, size_t n, uint32_t h) {
    if (n == 0 || n > 15) return 0;
    h = (h ^ (h >> 15)) & SLOT_MASK;
    for (uint16_t e; (e = lx->slot[h]); h = (h + 1) & SLOT_MASK) {
        if (lx_len[e - 1] != n) continue;
        const char *w = lexicon[e - 1].w;
        size_t k = 0;
        while (k < n && (char)(s[k] | 0x20) == w[k]) k++;
        if (k == n) return e;
    }
    return 0;
}

/* Decode one UTF-8 sequence (input is valid UTF-8 after cleaning, but be
 * safe); returns its length, code point in *cp. */
static size_t utf8_dec(const unsigned char *p, const unsigned char *e, uint32_t *cp) {
    unsigned c = p[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n == 1 || p + n > e) { *cp = 0xFFFD; return 1; }
    uint32_t v = c & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
        v = (v << 6) | (p[i] & 0x3F);
    }
    *cp = v;
    return n;
}

/* The end of the run of ASCII letters at b[j], hashing them (lower case)
 * into *h: the lexer's inner loop, kept small so the hash stays in a
 * register. */
static inline uint32_t letters(const unsigned char *b, uint32_t j, uint32_t end, uint32_t *h) {
    const unsigned char *p = b + j, *e = b + end;
    uint32_t hh = *h;
    while (p < e && cri_isalpha(*p)) {
        hh = (hh ^ (*p | 0x20u)) * 16777619u;
        p++;
    }
    *h = hh;
    return (uint32_t)(p - b);
}

/* Non-ASCII characters that are punctuation or symbols to us (the rest are
 * letters of words). */
static bool is_symbol_cp(uint32_t cp) {
    return (cp >= 0x2010 && cp <= 0x205F) ||   /* dashes, quotes, bullets, ellipsis */
           (cp >= 0x20A0 && cp <= 0x20CF) ||   /* currency signs */
           cp == 0xA3 || cp == 0xA5 || cp == 0xA2 || cp == 0xA7 || cp == 0xAB ||
           cp == 0xBB || cp == 0xB0 || cp == 0xB7 || cp == 0xBD || cp == 0xBC ||
           cp == 0xBE || cp == 0xD7 || cp == 0x2BC || cp == 0xBF || cp == 0xA1 ||
           cp == 0x2212 || cp == 0x2032 || cp == 0x2033 || cp == 0x3000;
}
static bool is_space_cp(uint32_t cp) {
    return cp == 0xA0 || cp == 0x2009 || cp == 0x202F || cp == 0x2007 || cp == 0x200A ||
           cp == 0x2002 || cp == 0x2003 || cp == 0x3000 || cp == 0x205F;
}

/* Value of a digit token: "1,600,000", "1.6", "74", "1,234.5".  NAN for
 * other shapes ("9.7.2024"). */
static double digits_value(const char *s, size_t n, bool *plain) {
    size_t commas = 0, dots = 0, last_sep = 0, group = 0;
    bool bad_group = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ',') {
            if (commas == 0 && dots == 0 && i > 3) bad_group = true;
            if (commas > 0 && group != 3) bad_group = true;
            commas++; last_sep = i; group = 0;
        } else if (s[i] == '.') {
            if (commas > 0 && group != 3) bad_group = true;
            dots++; last_sep = i; group = 0;
        } else group++;
    }
    (void)last_sep;
    *plain = commas == 0 && dots == 0;
    if (dots > 1) return NAN;
    if (commas > 0 && dots == 0 && group != 3) return NAN;
    if (bad_group) return NAN;
    double v = 0, scale = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ',') continue;
        if (s[i] == '.') { scale = 1; continue; }
        if (scale > 0) { scale /= 10; v += (s[i] - '0') * scale; }
        else v = v * 10 + (s[i] - '0');
    }
    return v;
}

size_t cri_lx_run(const cri_lexer *lx, const char *body, uint32_t start, uint32_t end,
                  cri_lxtok *out, size_t max) {
    const unsigned char *b = (const unsigned char *)body;
    size_t n = 0;
    uint32_t i = start;
    int spaces = 0;       /* spaces since the last token; -1: not thousands-able */
    while (i < end && n < max) {
        unsigned char c = b[i];
        if (c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            spaces = (c == ' ' && spaces == 0) ? 1 : -1;
            i++;
            continue;
        }
        uint32_t cp = c;
        size_t clen = 1;
        if (c >= 0x80) {
            clen = utf8_dec(b + i, b + end, &cp);
            if (is_space_cp(cp)) {
                spaces = spaces == 0 ? 1 : -1;
                i += (uint32_t)clen;
                continue;
            }
        }
        cri_lxtok *t = &out[n];
        t->start = i;
        t->lex = 0;
        t->cp = 0;
        t->num = NAN;
        t->flags = (uint8_t)((spaces == 0 && n > 0 ? CRI_LXF_GLUED : 0) |
                             (spaces == 1 ? CRI_LXF_ONESP : 0));
        spaces = 0;
        if (cri_isdigit(c)) {
            uint32_t j = i + 1;
            while (j < end) {
                if (cri_isdigit(b[j])) j++;
                else if ((b[j] == ',' || b[j] == '.') && j + 1 < end && cri_isdigit(b[j + 1])) j += 2;
                else break;
            }
            bool plain;
            t->kind = CRI_LX_NUM;
            t->num = digits_value(body + i, j - i, &plain);
            if (plain) t->flags |= CRI_LXF_PLAIN;
            t->end = j;
            i = j;
        } else if (cri_isalpha(c) || (c >= 0x80 && !is_symbol_cp(cp))) {
            uint32_t j = i;
            uint32_t h = 2166136261u;   /* FNV-1a of the lower-case word, for lookup */
            bool ascii = true;
            while (j < end) {
                j = letters(b, j, end, &h);
                if (j >= end) break;
                unsigned char d = b[j];
                if (d >= 0x80) {
                    uint32_t cp2;
                    size_t l2 = utf8_dec(b + j, b + end, &cp2);
                    if (is_symbol_cp(cp2) || is_space_cp(cp2)) break;
                    ascii = false;
                    j += (uint32_t)l2;
                    continue;
                }
                /* o'clock: keep the apostrophe inside this one word */
                if (d == '\'' && j - i == 1 && (b[i] == 'o' || b[i] == 'O') && j + 1 < end &&
                    cri_isalpha(b[j + 1])) {
                    h = (h ^ (unsigned char)'\'') * 16777619u;
                    j++;
                    continue;
                }
                break;
            }
            t->kind = CRI_LX_WORD;
            t->end = j;
            if (cri_isupper(c)) t->flags |= CRI_LXF_CAP;
            t->lex = ascii && c < 0x80 ? lookup(lx, body + i, j - i, h) : 0;
            i = j;
        } else {
            t->kind = CRI_LX_PUNCT;
            t->cp = (uint16_t)(cp <= 0xFFFF ? cp : 0xFFFD);
            t->end = i + (uint32_t)clen;
            i += (uint32_t)clen;
        }
        n++;
    }
    return n;
}

/* Lines (paragraphs), not d->sents: a sentence splitter may cut at "Feb."
 * or "a.m.", and numbers never span a line.  An overlong line is cut at a
 * space before CR_MAX_SENTENCE bytes. */
uint32_t cri_lx_line(const char *body, uint32_t len, uint32_t a, uint32_t *next) {
    uint32_t lim = len - a < CR_MAX_SENTENCE ? len - a : CR_MAX_SENTENCE;
    const char *nl = memchr(body + a, '\n', lim);
    uint32_t b = nl ? (uint32_t)(nl - body) : a + lim;
    if (b < len && body[b] != '\n') {
        uint32_t c = b;
        while (c > a && body[c] != ' ') c--;
        if (c > a) b = c;
    }
    *next = b + (b < len && body[b] == '\n' ? 1 : 0);
    return b;
}

/* ---- number reading ---------------------------------------------------- */

static const cri_lexicon_entry *ent(const cri_lxtok *t) { return cri_lx_entry(t->lex); }
static bool is_cls(const cri_lxtok *t, int cls) {
    const cri_lexicon_entry *e = ent(t);
    return e && e->cls == cls;
}
/* The token is the lexicon word w (the first letter settles most tests). */
static inline bool is_w(const cri_lxtok *t, const char *w) {
    const cri_lexicon_entry *e = ent(t);
    return e && e->w[0] == w[0] && strcmp(e->w, w) == 0;
}
static bool is_p(const cri_lxtok *t, uint16_t cp) { return t->kind == CRI_LX_PUNCT && t->cp == cp; }

static double pow10i(int e) {
    double v = 1;
    while (e-- > 0) v *= 10;
    return v;
}

/* English number words from toks[i]: "twenty-one thousand", "one hundred
 * and five", "a dozen", "two dozen", "half a million".  `have`/`cur`
 * continue a number begun in digits ("1.6 million"). */
static size_t words_number(const cri_lxtok *t, size_t n, size_t i, double *out, bool have,
                           double cur) {
    double total = 0, last_scale = 0;
    bool any = have, last_was_word = have;
    size_t j = i, good = i;
    double good_val = cur;
    /* "a"/"an" before hundred/thousand/million/dozen means one */
    if (!have && j + 1 < n && (is_w(&t[j], "a") || is_w(&t[j], "an")) &&
        (is_cls(&t[j + 1], CRI_LC_SCALE) || is_w(&t[j + 1], "dozen")) &&
        !is_w(&t[j + 1], "bn") && !is_w(&t[j + 1], "mn")) {
        cur = 1; any = true; j++; good = j; good_val = 1;
    } else if (!have && j + 2 < n && is_w(&t[j], "half") && (is_w(&t[j + 1], "a") || is_w(&t[j + 1], "an")) &&
               (is_cls(&t[j + 2], CRI_LC_SCALE) || is_w(&t[j + 2], "dozen"))) {
        cur = 0.5; any = true; j += 2; good = j; good_val = 0.5;
    }
    while (j < n) {
        const cri_lxtok *k = &t[j];
        const cri_lexicon_entry *e = ent(k);
        if (e && e->cls == CRI_LC_NUMW && !is_w(k, "half") && !(have && !is_w(k, "dozen"))) {
            if (is_w(k, "dozen")) {
                if (!any) break;
                cur = (cur == 0 ? 1 : cur) * 12;
            } else {
                if (last_was_word && e->val < 10 && cur > 0 && (int)cur % 10 == 0 && (int)cur % 100 >= 20) {
                    cur += e->val;             /* twenty one / twenty-one */
                } else if (last_was_word && any && cur != 0 && (int)cur % 100 != 0) {
                    break;                     /* "five six": two numbers */
                } else cur += e->val;
            }
            any = true; last_was_word = true;
            j++;
            good = j; good_val = total + cur;
            /* a hyphen glued on both sides continues a number word */
            if (j + 1 < n && is_p(&t[j], '-') && (t[j].flags & CRI_LXF_GLUED) &&
                (t[j + 1].flags & CRI_LXF_GLUED) && is_cls(&t[j + 1], CRI_LC_NUMW))
                j++;
            continue;
        }
        if (e && e->cls == CRI_LC_SCALE && any && e->val <= 12 &&
            !(k->flags & CRI_LXF_GLUED && (is_w(k, "m"))) ) {
            double s = pow10i(e->val);
            if (e->val == 2) cur = (cur == 0 ? 1 : cur) * s;
            else if (cur == 0 && total > 0 && last_scale > 0) {
                total *= s;            /* "a thousand million" */
                last_scale = s;
            } else {
                total += (cur == 0 ? 1 : cur) * s;
                cur = 0;
                last_scale = s;
            }
            last_was_word = true;
            j++;
            good = j; good_val = total + cur;
            continue;
        }
        if (is_w(k, "and") && any && j + 1 < n && is_cls(&t[j + 1], CRI_LC_NUMW) &&
            !is_w(&t[j + 1], "dozen") && !is_w(&t[j + 1], "half") &&
            (total + cur) >= 100 && (int)(total + cur) % 100 == 0) {
            j++;
            continue;
        }
        break;
    }
    if (!any || good == i) return i;
    *out = good_val;
    return good;
}

/* "four and a half": +0.5; "two and a quarter", "two and three quarters" */
static size_t and_a_half(const cri_lxtok *t, size_t n, size_t j, double *v) {
    double add = 0;
    if (j + 2 < n && is_w(&t[j], "and") && is_w(&t[j + 1], "a") && is_w(&t[j + 2], "half")) add = 0.5;
    else if (j + 2 < n && is_w(&t[j], "and") && is_w(&t[j + 1], "a") && is_w(&t[j + 2], "quarter")) add = 0.25;
    else if (j + 2 < n && is_w(&t[j], "and") && is_w(&t[j + 1], "three") && is_w(&t[j + 2], "quarters")) add = 0.75;
    if (add > 0) {
        *v += add;
        j += 3;
        /* "one and a half million": the scale applies to the whole */
        if (j < n && is_cls(&t[j], CRI_LC_SCALE) && t[j].lex) {
            *v *= pow10i(ent(&t[j])->val);
            j++;
        }
        return j;
    }
    return j;
}

size_t cri_num_read(const char *body, const cri_lxtok *t, size_t n, size_t i,
                    double *value, bool *vague) {
    *vague = false;
    if (i >= n) return i;
    const cri_lxtok *k = &t[i];
    if (k->kind == CRI_LX_NUM) {
        if (isnan(k->num)) return i;
        double v = k->num;
        size_t j = i + 1;
        /* "74 000", "1 600 000": groups of three digits after one space */
        if ((k->flags & CRI_LXF_PLAIN) && k->end - k->start <= 3) {
            while (j < n && t[j].kind == CRI_LX_NUM && (t[j].flags & CRI_LXF_PLAIN) &&
                   (t[j].flags & CRI_LXF_ONESP) && t[j].end - t[j].start == 3 &&
                   !(j + 1 < n && (is_p(&t[j + 1], ':') || is_p(&t[j + 1], '/')))) {
                v = v * 1000 + t[j].num;
                j++;
            }
        }
        (void)body;
        double w;
        size_t e = words_number(t, n, j, &w, true, v);
        if (e > j) { v = w; j = e; }
        j = and_a_half(t, n, j, &v);
        *value = v;
        return j;
    }
    if (k->kind != CRI_LX_WORD) return i;
    const cri_lexicon_entry *e = ent(k);
    if (!e) return i;
    if (e->cls == CRI_LC_VAGUE) {
        /* "dozens", "hundreds of thousands", "tens of millions", "scores" */
        /* val 4 marks "tens" (the power-of-ten values 1 and 0 are taken) */
        double base = e->val == 0 ? 20 : e->val == 1 ? 12 : e->val == 4 ? 10 : pow10i(e->val);
        size_t j = i + 1;
        if (j + 1 < n && is_w(&t[j], "of") && is_cls(&t[j + 1], CRI_LC_VAGUE) && t[j + 1].lex &&
            ent(&t[j + 1])->val >= 3) {
            base *= pow10i(ent(&t[j + 1])->val);
            j += 2;
        }
        if (e->val == 4 && j == i + 1) return i;   /* bare "tens" */
        *value = 2 * base;   /* a plural means at least two of them */
        *vague = true;
        return j;
    }
    if (e->cls == CRI_LC_NUMW || e->cls == CRI_LC_FUNC) {
        double v;
        size_t j = words_number(t, n, i, &v, false, 0);
        if (j > i) j = and_a_half(t, n, j, &v);
        if (j > i) {
            /* "a" alone is no number; "one" is, but quantity.c decides */
            *value = v;
            return j;
        }
    }
    return i;
}
