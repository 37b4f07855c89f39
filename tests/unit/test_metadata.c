/*
 * test_metadata.c — dates to ISO 8601 (pubdate.c), and title, byline,
 * outlet, published and cites read from articles (metadata.c).
 */
#include "check.h"
#include "internal.h"
#include "boilerplate.h"

static void date_is(const char *in, const char *want) {
    char out[64];
    bool ok = cri_parse_datetime(in, strlen(in), out, sizeof out);
    if (!want) {
        CHECK(!ok);
        if (ok) fprintf(stderr, "  %s -> %s (expected none)\n", in, out);
        return;
    }
    CHECK_STR(ok ? out : NULL, want);
}

static void test_dates(void) {
    date_is("July 9, 2024 10:30 AM EDT", "2024-07-09T10:30-04:00");
    date_is("9 Jul 2024", "2024-07-09");
    date_is("2024-07-09T11:08:00Z", "2024-07-09T11:08Z");
    date_is("Tue, 09 Jul 2024 11:08:00 +0000", "2024-07-09T11:08Z");
    date_is("Updated: 09-07-2024 06:26 IST", "2024-07-09T06:26+05:30");
    date_is("Published 3:05 p.m. ET Jan. 5, 2024", "2024-01-05T15:05-05:00");
    date_is("Published 3:05 p.m. ET July 5, 2024", "2024-07-05T15:05-04:00");
    date_is("Tuesday, 9 July 2024, 11:08", "2024-07-09T11:08");
    date_is("Sept. 3rd, 2024 at 9:15 pm PT", "2024-09-03T21:15-07:00");
    date_is("10.01.2024, 06:15 Uhr", "2024-01-10T06:15");
    date_is("2024/07/09 08:00 KST", "2024-07-09T08:00+09:00");
    date_is("04/05/2024 10:00 EST", "2024-04-05T10:00-05:00");
    date_is("04/05/2024 10:00 BST", "2024-05-04T10:00+01:00");
    date_is("13/05/2024", "2024-05-13");
    date_is("05/13/2024", "2024-05-13");
    date_is("04/05/2024", NULL);          /* nothing says which is the day */
    date_is("Feb 30, 2024", NULL);
    date_is("09/07/24", NULL);            /* two-digit year */
    date_is("no date here", NULL);
    char out[64];
    size_t s, e;
    const char *t = "Devdiscourse News Desk | Seoul | Updated: 09-07-2024 06:26 IST";
    CHECK(cri_find_datetime(t, strlen(t), 0, out, sizeof out, &s, &e));
    CHECK(s == (size_t)(strstr(t, "09-07") - t) && e == strlen(t));
    const char *us = "04/05/2024";
    CHECK(cri_find_datetime(us, strlen(us), 2, out, sizeof out, NULL, NULL));
    CHECK_STR(out, "2024-04-05");
}

static cr_ctx *ctx;

static const cr_doc *clean_one(cr_corpus **cp, const char *text, const char *url) {
    cr_corpus *c;
    cr_corpus_new(ctx, &c);
    cr_article a = {.id = "x", .text = text, .url = url};
    cr_corpus_add_article(c, &a);
    cr_corpus_clean(c);
    *cp = c;
    return c->n_docs ? c->docs[0] : NULL;
}

static bool has_cite(const cr_doc *d, const char *s) {
    for (size_t i = 0; d && i < d->n_cites; i++)
        if (strcmp(d->cites[i], s) == 0) return true;
    return false;
}

static void test_article_metadata(void) {
    cr_corpus *c;
    const cr_doc *d = clean_one(&c,
        "Dockworkers end strike after pay deal\n\n"
        "Maya Lindqvist\n\n"
        "Metro Wire News Desk | Gothenburg | Updated: 14-03-2024 09:12 CET\n\n"
        "Dockworkers at the country's largest port returned to work on Thursday after their union accepted a 6% pay rise, according to Reuters.\n\n"
        "The strike had halted container traffic for nine days, the port authority said, citing AFP.\n\n"
        "The union's leader told the Metro Wire: \"This is a fair deal for our members.\"\n\n"
        "(With inputs from agencies.)\n", NULL);
    CHECK(d != NULL);
    if (d) {
        CHECK_STR(d->title, "Dockworkers end strike after pay deal");
        CHECK_STR(d->byline, "Maya Lindqvist");
        CHECK_STR(d->outlet, "Metro Wire");
        CHECK_STR(d->published, "2024-03-14T09:12+01:00");
        CHECK(has_cite(d, "Reuters"));
        CHECK(has_cite(d, "AFP"));
        CHECK(has_cite(d, "agencies"));
        CHECK(!strstr(d->body, "Maya Lindqvist"));
        CHECK(!strstr(d->body, "With inputs from"));
    }
    cr_corpus_free(c);

    /* no cue: outlet unknown; people who speak are not cites */
    d = clean_one(&c,
        "Minister resigns over housing row\n\n"
        "The housing minister resigned on Friday, according to the prime minister's office, after weeks of criticism.\n\n"
        "\"I take full responsibility,\" Putnam said in a statement, according to Deputy Minister Clara Oduya.\n\n"
        "Opposition leaders said the resignation was long overdue and called for an inquiry.\n\n"
        "A successor will be named next week, the Associated Press said.\n", NULL);
    CHECK(d != NULL);
    if (d) {
        CHECK(d->outlet == NULL);
        CHECK(d->published == NULL);
        CHECK(!has_cite(d, "Clara Oduya"));
        CHECK(!has_cite(d, "Deputy Minister Clara Oduya"));
        CHECK(!has_cite(d, "Putnam"));
        CHECK(has_cite(d, "AP"));
        CHECK(!has_cite(d, "Opposition"));
    }
    cr_corpus_free(c);

    /* wire datelines and the URL */
    d = clean_one(&c,
        "Quake shakes southern Japan\n\n"
        "TOKYO (Reuters) - A magnitude 6.1 earthquake struck southern Japan on Monday, the Japan Meteorological Agency said, with no immediate reports of damage.\n\n"
        "Public broadcaster NHK reported that bullet train services were briefly halted in the region.\n\n"
        "South Korea's Yonhap news agency reported that tremors were felt in Busan.\n\n"
        "No tsunami warning was issued, according to a statement from the Japan Meteorological Agency.\n",
        "https://www.example-daily.co.uk/world/2024/08/12/quake-japan/");
    CHECK(d != NULL);
    if (d) {
        CHECK(has_cite(d, "Reuters"));
        CHECK(has_cite(d, "NHK"));
        CHECK(has_cite(d, "Yonhap"));
        CHECK(has_cite(d, "Japan Meteorological Agency"));
        CHECK_STR(d->published, "2024-08-12");
        CHECK_STR(d->outlet, "example-daily.co.uk");
    }
    cr_corpus_free(c);
}

static void domain_is(const char *url, const char *dom, const char *lab) {
    const char *d, *l;
    size_t dn, ln;
    bool ok = cri_bp_reg_domain(url, &d, &dn, &l, &ln);
    CHECK(ok);
    if (!ok) return;
    CHECK(dn == strlen(dom) && memcmp(d, dom, dn) == 0);
    CHECK(ln == strlen(lab) && memcmp(l, lab, ln) == 0);
}

static void test_domains(void) {
    domain_is("https://news.bbc.co.uk/2/hi/world.stm", "bbc.co.uk", "bbc");
    domain_is("http://articles.latimes.com/2013/may/03/x", "latimes.com", "latimes");
    domain_is("https://www.newsweek.com/north-korea", "newsweek.com", "newsweek");
    domain_is("http://joyofsox.blogspot.nl/2008/10/x.html", "joyofsox.blogspot.nl", "joyofsox");
    domain_is("https://www.abc.net.au/news/x", "abc.net.au", "abc");
    const char *d, *l;
    size_t dn, ln;
    CHECK(!cri_bp_reg_domain("localhost", &d, &dn, &l, &ln));
}

int main(void) {
    test_domains();
    test_dates();
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 1;
    test_article_metadata();
    cr_ctx_free(ctx);
    return CHECK_REPORT();
}
