/*
 * test_quantity.c — quantities of each kind: scaled numbers with their head
 * noun, qualifiers, number words, money, percentages, ages, dimensions,
 * ranges and votes, vague plurals; and what is not a quantity (years,
 * dates, ordinals, times).
 */
#include "check.h"
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "extract_fixture.h"

static cr_ctx *ctx;

static cr_corpus *run(const char *text, const char *published) { return extract_one(ctx, text, published); }

/* The quantity whose span contains the first occurrence of `needle`. */
static int got(const char *text, const char *needle, double value, const char *unit, const char *qual) {
    cr_corpus *c = run(text, "2024-07-09");
    int ok = 0;
    if (c && c->n_docs) {
        const cr_doc *d = c->docs[0];
        const char *p = strstr(d->body, needle);
        uint32_t off = p ? (uint32_t)(p - d->body) : 0;
        for (size_t i = 0; p && i < d->n_quantities; i++) {
            const cri_quantity *q = &d->quantities[i];
            if (q->start <= off && off < q->end) {
                ok = fabs(q->value - value) <= 1e-9 * fabs(value) + 1e-9 &&
                     ((!unit && !q->unit) || (unit && q->unit && !strcmp(unit, q->unit))) &&
                     ((!qual && !q->qualifier) || (qual && q->qualifier && !strcmp(qual, q->qualifier)));
                if (!ok)
                    fprintf(stderr, "  %s: value %g unit %s qualifier %s\n", needle, q->value,
                            q->unit ? q->unit : "-", q->qualifier ? q->qualifier : "-");
                break;
            }
        }
        if (!ok && p == NULL) fprintf(stderr, "  needle not in body: %s\n", needle);
    }
    cr_corpus_free(c);
    return ok;
}

static size_t count(const char *text) {
    cr_corpus *c = run(text, "2024-07-09");
    size_t n = c ? c->docs[0]->n_quantities : (size_t)-1;
    cr_corpus_free(c);
    return n;
}

static void seeds(void) {
    CHECK(got("North Korea may have transferred approximately 1.6 million artillery pieces to Russia.",
              "1.6", 1600000, "artillery piece", "about"));
    CHECK(got("During this period, more than 74 000 metric tons of explosives arrived.", "74", 74000,
              "metric ton", "more than"));
    CHECK(got("containers that can hold almost 5 million artillery shells, but", "5 million", 5000000,
              "artillery shell", "almost"));
    CHECK(got("which caused civilian casualties, with dozens killed and many more injured.", "dozens", 24,
              NULL, "dozens"));
    CHECK(got("Russian missiles hit cities across Ukraine and killed scores of people.", "scores", 40,
              "people", "scores"));
    CHECK(got("the 33-year-old actress's rep told the magazine", "33", 33, "year", NULL));
}

static void kinds(void) {
    CHECK(got("The deal is worth $75 million.", "$75", 75000000, "USD", NULL));
    CHECK(got("a fine of \xe2\x82\xac" "5bn was imposed", "5bn", 5e9, "EUR", NULL));
    CHECK(got("It raised \xc2\xa3" "1.2 billion last year.", "1.2", 1.2e9, "GBP", NULL));
    CHECK(got("a grant of Rs 500 crore for roads", "500", 5e9, "INR", NULL));
    CHECK(got("They paid 5 million won for it.", "5 million", 5e6, "KRW", NULL));
    CHECK(got("Unemployment fell to 12% in May.", "12", 12, "%", NULL));
    CHECK(got("Unemployment fell 12 percent.", "12", 12, "%", NULL));
    CHECK(got("Unemployment fell 12 per cent.", "12", 12, "%", NULL));
    CHECK(got("twenty-one thousand people attended.", "twenty", 21000, "people", NULL));
    CHECK(got("The boxer weighs 200lbs now.", "200", 200, "pound", NULL));
    CHECK(got("The girl is five years old.", "five", 5, "year", NULL));
    CHECK(got("He stands 6 feet 2 inches tall.", "6", 6, "foot", NULL));
    CHECK(got("He stands 6 feet 2 inches tall.", "2 inches", 2, "inch", NULL));
    CHECK(got("The front line is 10 km away.", "10", 10, "kilometre", NULL));
    CHECK(got("a wall 3.5 metres high", "3.5", 3.5, "metre", NULL));
    CHECK(got("a dozen eggs", "dozen", 12, "egg", NULL));
    CHECK(got("At least 12 people were killed.", "12", 12, "people", "at least"));
    CHECK(got("up to 3,000 troops", "3,000", 3000, "troop", "up to"));
    CHECK(got("hundreds of thousands of refugees", "hundreds", 200000, "refugee", "hundreds"));
    CHECK(got("tens of thousands of refugees", "tens", 20000, "refugee", "tens"));
    CHECK(got("three Russian soldiers died", "three", 3, "soldier", NULL));
    CHECK(got("He started school at the age of 7.", "7", 7, "year", NULL));
    CHECK(got("Temperatures fell to -5 overnight.", "5", -5, NULL, NULL));
    CHECK(got("It costs $ 75 million.", "75", 75e6, "USD", NULL));
    CHECK(got("one hundred and twenty-five delegates", "one", 125, "delegate", NULL));
    CHECK(got("Deaths rose 5 percentage points.", "5", 5, "percentage point", NULL));
    CHECK(got("a 6,900-tonne destroyer", "6,900", 6900, "tonne", NULL));
    CHECK(got("Robyn Mendes, 48, was found.", "48", 48, "year", NULL));
    CHECK(got("a 3-month-old baby", "3", 3, "month", NULL));
    CHECK(got("half a dozen eggs", "half", 6, "egg", NULL));
    CHECK(got("one hundred twenty three people", "one", 123, "people", NULL));
    CHECK(got("He won the 100m race.", "100", 100, "metre", NULL));
    CHECK(got("The app has 5m users.", "5", 5e6, "user", NULL));
    CHECK(got("The rate rose by .5 points.", "5", 0.5, "point", NULL));
}

/* Fractions in digits and words; "a third"/"24/7"/"the second half" are not. */
static void fractions(void) {
    CHECK(got("The fire is roughly 1/2 mile wide.", "1/2", 0.5, "mile", "about"));
    CHECK(got("Officials said three quarters of the ballots were counted.", "three", 0.75, "ballot", NULL));
    CHECK(got("A three-fifths majority is needed.", "three", 0.6, "majority", NULL));
    CHECK(got("About a third of the residents left.", "third", 1.0 / 3, "resident", "about"));
    CHECK(got("Half of the respondents agreed.", "Half", 0.5, "respondent", NULL));
    CHECK(got("Shares lost a third of their value.", "third", 1.0 / 3, "value", NULL));
    CHECK(count("The shop is open 24/7.") == 0);
    CHECK(got("Lows of minus 10 degrees are forecast.", "minus", -10, "degree", NULL));
    CHECK(got("Twenty minus 5 is fifteen.", "5 is", 5, NULL, NULL));
    CHECK(got("The suspect is about 5'10\" tall.", "5'", 5, "foot", "about"));
    CHECK(got("The suspect is about 5'10\" tall.", "10", 10, "inch", NULL));
    CHECK(got("The limit is 30 km/h near schools.", "30", 30, "kilometre per hour", NULL));
    CHECK(got("A group of 20-odd journalists waited.", "20", 20, "journalist", "about"));
    CHECK(got("Temperatures hit 30\xc2\xb0" "C on Tuesday.", "30", 30, "degree Celsius", NULL));
    CHECK(got("The city has one and a half million people.", "one", 1.5e6, "people", NULL));
    CHECK(got("Volunteers aged between 18 and 30 are needed.", "18", 18, "year", NULL));
    CHECK(got("The flight was delayed by 2 1/2 hours.", "2 1", 2.5, "hour", NULL));
    CHECK(got("Growth is forecast at one point five percent.", "one", 1.5, "%", NULL));
    CHECK(got("The talks could take a couple of weeks.", "couple", 2, "week", NULL));
    CHECK(got("The flat measures 100 m2.", "100", 100, "square metre", NULL));
    CHECK(got("The flat measures 100 m\xc2\xb2.", "100", 100, "square metre", NULL));
    CHECK(got("A 45-year old man was arrested.", "45", 45, "year", NULL));
    CHECK(got("The government unveiled a five-year plan.", "five", 5, "year", NULL));
    CHECK(got("Entry is 10\xe2\x82\xac for adults.", "10", 10, "EUR", NULL));
    CHECK(got("Temperatures reached 30C on Monday.", "30", 30, "degree Celsius", NULL));
    CHECK(got("It grew 1\xc2\xbd inches.", "1", 1.5, "inch", NULL));
    CHECK(got("Support fell to 50pc in May.", "50", 50, "%", NULL));
    CHECK(got("A $2.5-billion deal was signed.", "2.5", 2.5e9, "USD", NULL));
    CHECK(got("It cost Rs. 500 a day.", "500", 500, "INR", NULL));
    CHECK(got("It cost RMB 100.", "100", 100, "CNY", NULL));
    CHECK(got("It cost 5 million US dollars.", "5", 5e6, "USD", NULL));
    CHECK(got("Cars drove at 100 km per hour.", "100", 100, "kilometre per hour", NULL));
    CHECK(got("He walked 5 miles a second time.", "5", 5, "mile", NULL));
    CHECK(got("He is 6 ft 2 in tall.", "2 in", 2, "inch", NULL));
    CHECK(got("It took two and three quarters hours.", "two", 2.75, "hour", NULL));
    CHECK(got("Prices rose 5%-7%.", "5%", 5, "%", NULL));
    CHECK(got("Approx. 300 people came.", "300", 300, "people", "about"));
    CHECK(got("Less than half of them came.", "half", 0.5, NULL, "less than"));
    CHECK(got("The girl, nine, was taken to hospital.", "nine", 9, "year", NULL));
    CHECK(got("They counted one, two, three, four.", "two", 2, NULL, NULL));
    CHECK(count("He scored in the second half.") == 0);
    CHECK(count("It was the third time this year.") == 0);
}

static void ranges(void) {
    cr_corpus *c = run("between 5 and 10 million people", "2024-07-09");
    CHECK(c && c->docs[0]->n_quantities == 1);
    if (c && c->docs[0]->n_quantities == 1) {
        const cri_quantity *q = &c->docs[0]->quantities[0];
        CHECK(q->value == 5e6 && q->value_max == 10e6);
        CHECK(q->unit && !strcmp(q->unit, "people"));
    }
    cr_corpus_free(c);
    /* a vote stays two numbers */
    c = run("The bill passed 329 to 229.", "2024-07-09");
    CHECK(c && c->docs[0]->n_quantities == 2);
    if (c && c->docs[0]->n_quantities == 2) {
        CHECK(c->docs[0]->quantities[0].value == 329 && isnan(c->docs[0]->quantities[0].value_max));
        CHECK(c->docs[0]->quantities[1].value == 229);
    }
    cr_corpus_free(c);
}

static void not_quantities(void) {
    CHECK(count("The summit will mark the 75th anniversary of the alliance.") == 0);
    CHECK(count("On 19 June 2024 they met at 11:08.") == 0);
    CHECK(count("It was signed in 2019.") == 0);
    CHECK(count("One of them left; no one stayed.") == 0);
    CHECK(count("COVID-19 and the G7 met.") == 0);
    CHECK(count("Its ID is 99999999999999999999999999 and 100 trillion billion.") == 0);
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void pathological(void) {
    size_t n = 100000;
    char *buf = malloc(n * 12 + 1);
    if (!buf) return;
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(buf + len, "%s ", i % 4 == 0 ? "million" : i % 4 == 1 ? "1,000" : i % 4 == 2 ? "twenty" : "000");
    double t0 = now_s();
    cr_corpus *c = run(buf, NULL);
    double dt = now_s() - t0;
    CHECK(c != NULL);
    if (c) {
        const cr_doc *d = c->docs[0];
        bool ok = d->n_quantities > 0;
        for (size_t i = 0; i < d->n_quantities; i++)
            if (!(d->quantities[i].start < d->quantities[i].end && d->quantities[i].end <= d->body_len) ||
                !isfinite(d->quantities[i].value))
                ok = false;
        CHECK(ok);
    }
    cr_corpus_free(c);
    CHECK(dt < (getenv("CR_SANITIZED") ? 30.0 : 5.0));
    free(buf);
}

int main(void) {
    cr_options o;
    cr_options_init(&o);
    o.raw = 1;
    if (cr_ctx_new(&o, &ctx) != CR_OK) return 1;
    CHECK(cri_lx_selfcheck());   /* lib/numwords_slots.h matches the lexicon */
    seeds();
    kinds();
    fractions();
    ranges();
    not_quantities();
    pathological();
    cr_ctx_free(ctx);
    return CHECK_REPORT();
}
