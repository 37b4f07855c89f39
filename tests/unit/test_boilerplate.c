/*
 * test_boilerplate.c — body versus boilerplate on small articles written for
 * the purpose: promo blocks and bullet lists judged by their shape, captions
 * split from their photo credits, head and tail zones, lines repeated across
 * one outlet's articles (go) and across outlets (stay), every non-body line
 * reported with a reason, hard-wrapped lines joined, and bounded time on
 * pathological input.
 */
#include "check.h"
#include "internal.h"

#include <stdlib.h>
#include <time.h>

static cr_ctx *ctx;

static cr_corpus *clean(const cr_article *a, size_t n) {
    cr_corpus *c;
    if (cr_corpus_new(ctx, &c) != CR_OK) return NULL;
    for (size_t i = 0; i < n; i++) cr_corpus_add_article(c, &a[i]);
    cr_corpus_clean(c);
    return c;
}

static const cr_doc *doc_by_id(const cr_corpus *c, const char *id) {
    for (size_t i = 0; i < c->n_docs; i++)
        if (strcmp(c->docs[i]->id, id) == 0) return c->docs[i];
    return NULL;
}

static bool in_body(const cr_doc *d, const char *s) { return d && strstr(d->body, s) != NULL; }

static const char *reason_of(const cr_doc *d, const char *s) {
    for (size_t i = 0; d && i < d->n_removed; i++)
        if (strstr(d->removed[i].text, s)) return d->removed[i].reason;
    return NULL;
}

static bool has_caption(const cr_doc *d, const char *s) {
    for (size_t i = 0; d && i < d->n_captions; i++)
        if (strcmp(d->captions[i], s) == 0) return true;
    return false;
}

static void test_promo_and_content_bullets(void) {
    const char *promo =
        "Regional airline adds three routes from the coast\n\n"
        "The airline said on Monday it would start flying to three new cities in March, adding 40 weekly flights.\n\n"
        "Tickets go on sale next week, and fares will start at 59 dollars each way, the company said.\n\n"
        "Get more from your membership\n"
        "  \xe2\x80\xa2 Unlimited access on any device\n"
        "  \xe2\x80\xa2 Ad-free browsing on all our apps\n"
        "  \xe2\x80\xa2 Exclusive newsletters for members\n";
    const char *content =
        "What changes for renters this year\n\n"
        "The new housing law takes effect in stages, and tenants will notice several changes.\n\n"
        "  \xe2\x80\xa2 Landlords will have to give six months' notice before raising rents by more than 5%.\n"
        "  \xe2\x80\xa2 Deposits will be capped at one month's rent for all new leases signed after July.\n"
        "  \xe2\x80\xa2 Tenants who report repairs can no longer be evicted for that reason within a year.\n";
    cr_article a[2] = {{.id = "promo", .text = promo}, {.id = "content", .text = content}};
    cr_corpus *c = clean(a, 2);
    const cr_doc *p = doc_by_id(c, "promo"), *k = doc_by_id(c, "content");
    CHECK(p && k);
    CHECK(in_body(p, "Tickets go on sale next week"));
    CHECK(!in_body(p, "Unlimited access on any device"));
    CHECK(!in_body(p, "Ad-free browsing"));
    CHECK(!in_body(p, "Get more from your membership"));
    CHECK(reason_of(p, "Ad-free browsing") != NULL);
    CHECK(in_body(k, "Landlords will have to give six months' notice"));
    CHECK(in_body(k, "Tenants who report repairs can no longer be evicted"));
    CHECK_STR(p ? p->title : NULL, "Regional airline adds three routes from the coast");
    cr_corpus_free(c);
}

static void test_captions_and_credits(void) {
    const char *t =
        "Harbor bridge reopens after two years of repairs\n\n"
        "The bridge reopened to traffic on Saturday morning after a repair project that ran a year over schedule.\n\n"
        "Cyclists cross the bridge on Saturday. Jane Doe/AP\n\n"
        "Officials said the work cost 310 million dollars, about a third more than planned at the start.\n\n"
        "Crowds at the east end\n"
        "People wait for the first bus to cross the bridge. Photo: Getty Images\n\n"
        "The mayor said the city would review how the contract was managed before awarding the next one.\n";
    cr_article a = {.id = "bridge", .text = t};
    cr_corpus *c = clean(&a, 1);
    const cr_doc *d = doc_by_id(c, "bridge");
    CHECK(d != NULL);
    CHECK(has_caption(d, "Cyclists cross the bridge on Saturday."));
    CHECK(has_caption(d, "People wait for the first bus to cross the bridge."));
    CHECK(!in_body(d, "Jane Doe/AP"));
    CHECK(!in_body(d, "Getty Images"));
    CHECK(!in_body(d, "Crowds at the east end"));   /* the caption's own title */
    CHECK_STR(reason_of(d, "Jane Doe/AP"), "caption");
    CHECK(in_body(d, "The mayor said the city would review"));
    cr_corpus_free(c);
}

static void test_short_title_and_page_bits(void) {
    const char *t =
        "Bridge reopens\n\n"
        "The bridge reopened to traffic on Saturday after two years of repairs, the city said.\n\n"
        "Continue reading the main story\n\n"
        "Loading...\n\n"
        "Officials said the work cost more than planned, and that a review of the contract would follow.\n";
    cr_article a = {.id = "short", .text = t};
    cr_corpus *c = clean(&a, 1);
    const cr_doc *d = doc_by_id(c, "short");
    CHECK_STR(d ? d->title : NULL, "Bridge reopens");
    CHECK(!in_body(d, "Continue reading"));
    CHECK(!in_body(d, "Loading"));
    CHECK(in_body(d, "Officials said the work cost more than planned"));
    cr_corpus_free(c);
}

static void test_no_title_for_a_paragraph(void) {
    const char *t =
        "The central bank raised its main interest rate by a quarter point on Thursday, its third increase this year, and said further moves would depend on how quickly wage growth slows in the coming months.\n"
        "Economists had expected the move after inflation came in above forecasts for the second month in a row.\n";
    cr_article a = {.id = "para", .text = t};
    cr_corpus *c = clean(&a, 1);
    const cr_doc *d = doc_by_id(c, "para");
    CHECK(d && d->title == NULL);
    CHECK(in_body(d, "The central bank raised its main interest rate"));
    cr_corpus_free(c);
}

/* Every input line is in the body or in `removed`, never lost. */
static void test_every_line_accounted(void) {
    const char *t =
        "Support us\n\nRiver levels fall as rain eases across the region\n\nBy Ana Silva\n\n"
        "Water levels on the river fell overnight as the heavy rain of the past week finally eased, officials said.\n\n"
        "Share this article\nFacebook\nTwitter\n\n"
        "Several roads remained closed on Tuesday while crews cleared debris, and two schools stayed shut.\n\n"
        "Sign up for our morning newsletter\n\xc2\xa9 2024 Valley News. All rights reserved.\n";
    cr_article a = {.id = "acc", .text = t};
    cr_corpus *c = clean(&a, 1);
    const cr_doc *d = doc_by_id(c, "acc");
    CHECK(d != NULL);
    if (!d) return;
    size_t lines = 0, paras = 1;
    for (const char *p = t; *p;) {
        const char *e = strchr(p, '\n');
        if (!e) e = p + strlen(p);
        if (e > p) lines++;
        p = *e ? e + 1 : e;
    }
    for (const char *p = d->body; (p = strstr(p, "\n\n")); p += 2) paras++;
    CHECK(paras + d->n_removed == lines);
    CHECK_STR(d->byline, "Ana Silva");
    CHECK_STR(d->outlet, "Valley News");   /* from the copyright line */
    CHECK(!in_body(d, "Support us"));
    CHECK(!in_body(d, "newsletter"));
    CHECK(!in_body(d, "All rights reserved"));
    CHECK(!in_body(d, "Facebook"));
    CHECK(in_body(d, "Several roads remained closed on Tuesday"));
    cr_corpus_free(c);
}

/* Same footer in three articles of one outlet goes; a wire sentence shared
 * by different outlets stays. */
static void test_cross_article(void) {
    /* the second footer line arrives hard-wrapped: counted as one line */
    const char *footer = "The Lakeside Courier has served the region's readers since 1898.\n\n"
                         "The Courier is printed every weekday by the\n"
                         "Lakeside Media cooperative at its plant in the town of Northfield.";
    const char *wire = "The storm is expected to bring up to 20 centimetres of snow to higher ground by Friday, forecasters said.";
    char t[3][1024], u[2][1024];
    for (int i = 0; i < 3; i++)
        snprintf(t[i], sizeof t[i],
                 "Story number %d about the lake\n\nThe council met on Monday to discuss plan %d for the lake shore, and members agreed to a public hearing.\n\n%s\n\nA final vote is expected next month after the hearing.\n\nThe hearing on plan %d will be held in the school hall.\n\n%s\n",
                 i + 1, i + 1, i == 0 ? wire : "Residents have until the end of the month to send written comments to the council.", i + 1, footer);
    snprintf(u[0], sizeof u[0], "Snow on the way\n\nDrivers were told to take care on mountain roads this week.\n\n%s\n", wire);
    snprintf(u[1], sizeof u[1], "Winter arrives early\n\nSki resorts said they hoped to open two weeks ahead of schedule.\n\n%s\n", wire);
    cr_article a[5] = {
        {.id = "l1", .text = t[0], .url = "https://lakesidecourier.com/a1"},
        {.id = "l2", .text = t[1], .url = "https://lakesidecourier.com/a2"},
        {.id = "l3", .text = t[2], .url = "https://lakesidecourier.com/a3"},
        {.id = "o1", .text = u[0], .url = "https://othernews.example/x"},
        {.id = "o2", .text = u[1], .outlet = "Mountain Post"},
    };
    cr_corpus *c = clean(a, 5);
    for (int i = 0; i < 3; i++) {
        char id[4] = {'l', (char)('1' + i), 0};
        const cr_doc *d = doc_by_id(c, id);
        CHECK(d && !in_body(d, "has served the region's readers"));
        CHECK_STR(reason_of(d, "has served the region's readers"), "repeated");
        CHECK_STR(reason_of(d, "printed every weekday by the Lakeside Media cooperative"), "repeated");
        CHECK(in_body(d, "A final vote is expected next month"));
    }
    CHECK(in_body(doc_by_id(c, "l1"), "The storm is expected to bring up to 20"));
    CHECK(in_body(doc_by_id(c, "o1"), "The storm is expected to bring up to 20"));
    CHECK(in_body(doc_by_id(c, "o2"), "The storm is expected to bring up to 20"));
    cr_corpus_free(c);
}

/* The same article scraped three times from one outlet keeps its text
 * (the copies are for dedup to find, not boilerplate). */
static void test_copies_keep_text(void) {
    const char *t =
        "Port strike ends after two weeks\n\n"
        "Dockworkers voted on Sunday to accept a new contract, ending a two-week strike that had stranded dozens of ships.\n\n"
        "The deal raises wages by 12% over three years and limits the use of automated cranes, the union said.\n\n"
        "Shipping lines said it would take about a month to clear the backlog of containers.\n\n"
        "Sign up for our daily newsletter\n";
    cr_article a[3] = {{.id = "c1", .text = t, .outlet = "Harbor Daily"},
                       {.id = "c2", .text = t, .outlet = "Harbor Daily"},
                       {.id = "c3", .text = t, .outlet = "Harbor Daily"}};
    cr_corpus *c = clean(a, 3);
    for (int i = 0; i < 3; i++) {
        const cr_doc *d = c && (size_t)i < c->n_docs ? c->docs[i] : NULL;
        CHECK(in_body(d, "Dockworkers voted on Sunday to accept a new contract"));
        CHECK(in_body(d, "Shipping lines said it would take about a month"));
        CHECK(!in_body(d, "Sign up for our daily newsletter"));
    }
    cr_corpus_free(c);
}

/* A headline-only document keeps the headline as its body (not rejected). */
static void test_headline_only(void) {
    cr_article a[2] = {{.id = "h1", .text = "Robbers steal jewels worth millions from Paris store in biggest heist\n"},
                       {.id = "h2", .text = "June 06, 2013\nSwimming star dies at 91\n"}};
    cr_corpus *c = clean(a, 2);
    const cr_doc *d = doc_by_id(c, "h1");
    CHECK(d && strcmp(d->body, "Robbers steal jewels worth millions from Paris store in biggest heist") == 0);
    d = doc_by_id(c, "h2");
    CHECK(d && strcmp(d->body, "Swimming star dies at 91") == 0);
    CHECK_STR(d ? d->published : NULL, "2013-06-06");
    CHECK(c && c->n_errors == 0);
    cr_corpus_free(c);
}

/* Hard-wrapped text: a sentence cut over lines is one paragraph again; a
 * headline, bullets, a caption and its credit, and sentence-per-line text
 * keep their lines; a wrapped promo paragraph goes as one removed line. */
static void test_wrapped(void) {
    const char *t =
        "Port workers end strike after pay deal\n"
        "Dock workers at the country's largest container port returned to\n"
        "work on Tuesday after union leaders accepted a state-\n"
        "backed offer that raises wages by 9 percent over two years, ending\n"
        "a strike that had left dozens of ships waiting offshore.\n"
        "  \xe2\x80\xa2 Ships: 41 waiting\n"
        "  \xe2\x80\xa2 Strike length: 12 days\n"
        "The agreement also limits night shifts, according to the union,\n"
        "which said its members would vote on the deal within a month.\n\n"
        "Cranes stand idle at the container terminal on Monday. John\n"
        "Smith/AP\n\n"
        "Subscribe to our newsletter and get unlimited access to every\n"
        "story for just one dollar a week. Sign up today.\n";
    cr_article a = {.id = "w", .text = t};
    cr_corpus *c = clean(&a, 1);
    const cr_doc *d = c ? doc_by_id(c, "w") : NULL;
    CHECK(d != NULL);
    CHECK_STR(d ? d->title : NULL, "Port workers end strike after pay deal");
    CHECK(in_body(d, "returned to work on Tuesday after union leaders accepted a state-backed offer "
                     "that raises wages by 9 percent over two years, ending a strike"));
    CHECK(in_body(d, "according to the union, which said"));
    CHECK(in_body(d, "Ships: 41 waiting\n\n"));
    CHECK(!in_body(d, "Cranes stand idle"));
    CHECK(has_caption(d, "Cranes stand idle at the container terminal on Monday."));
    CHECK(!in_body(d, "Subscribe to our newsletter"));
    const char *r = reason_of(d, "Subscribe to our newsletter and get unlimited access to every story");
    CHECK(r != NULL);
    cr_corpus_free(c);

    /* one sentence per line, and a title without a stop: kept apart */
    const char *s =
        "Quake hits northern Chile\n"
        "A strong earthquake struck northern Chile on Monday.\n"
        "No damage was reported in the capital.\n"
        "Officials said schools would reopen on Tuesday.\n";
    cr_article b = {.id = "s", .text = s};
    c = clean(&b, 1);
    d = c ? doc_by_id(c, "s") : NULL;
    CHECK_STR(d ? d->title : NULL, "Quake hits northern Chile");
    CHECK(in_body(d, "on Monday.\n\nNo damage was reported in the capital.\n\nOfficials said"));
    cr_corpus_free(c);
}

static double secs(void) { return (double)clock() / CLOCKS_PER_SEC; }

static void test_pathological(void) {
    size_t n = 4u << 20;
    char *big = malloc(n + 1);
    if (!big) return;
    /* one 4 MB line of words */
    for (size_t i = 0; i < n; i++) big[i] = "Subscribe now. "[i % 15];
    big[n] = 0;
    cr_article a = {.id = "long", .text = big, .text_len = n};
    double t0 = secs();
    cr_corpus *c = clean(&a, 1);
    CHECK(secs() - t0 < 5.0);
    cr_corpus_free(c);
    /* a million short lines */
    for (size_t i = 0; i < n; i++) big[i] = (i % 4 == 3) ? '\n' : "ab "[i % 4];
    t0 = secs();
    c = clean(&a, 1);
    CHECK(secs() - t0 < 5.0);
    cr_corpus_free(c);
    free(big);
}

int main(void) {
    if (cr_ctx_new(NULL, &ctx) != CR_OK) return 1;
    test_promo_and_content_bullets();
    test_captions_and_credits();
    test_no_title_for_a_paragraph();
    test_short_title_and_page_bits();
    test_every_line_accounted();
    test_cross_article();
    test_headline_only();
    test_copies_keep_text();
    test_wrapped();
    test_pathological();
    cr_ctx_free(ctx);
    return CHECK_REPORT();
}
