package dev.newsbrief.ingest;

import static dev.newsbrief.ingest.ArticleCleanerTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsersTest {
    private final HtmlArticleExtractor html = new HtmlArticleExtractor();
    private final JsonArticleParser json = new JsonArticleParser();
    private final TextArticleParser text = new TextArticleParser();

    @Test
    void htmlKeepsTheArticleAndDropsPageChrome() throws IOException {
        ParsedArticle a = html.extract(resource("article.html"), "https://harbour.example/x").orElseThrow();
        assertThat(a.title()).isEqualTo("Dockworkers end three-week strike at Rotterdam port");
        assertThat(a.url()).isEqualTo("https://harbour.example/news/rotterdam-strike-ends");
        assertThat(a.source()).isEqualTo("Harbour Times");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-20T08:30:00Z"));
        assertThat(a.body().split("\n\n")).containsExactly(
                "Dockworkers at the port of Rotterdam voted on Thursday to end a three-week strike that had "
                        + "left hundreds of containers stranded on the quays.",
                "The union said the new agreement raises wages by 6 percent over two years and limits night shifts.",
                "Shipping lines expect normal operations to resume by Monday.");
    }

    @Test
    void htmlTitleFallsBackToH1ThenTitleAndDateToJsonLdThenTimeTag() throws IOException {
        ParsedArticle ld = html.extract(resource("jsonld.html"), null).orElseThrow();
        assertThat(ld.title()).isEqualTo("Central bank holds rates steady");
        assertThat(ld.publishedAt()).isEqualTo(Instant.parse("2025-02-01T12:00:00Z"));

        ParsedArticle timed = html.extract(resource("time-tag.html"), "https://city.example/rail").orElseThrow();
        assertThat(timed.title()).isEqualTo("Rail line reopens - City News");
        assertThat(timed.publishedAt()).isEqualTo(Instant.parse("2024-11-05T00:00:00Z"));
        assertThat(timed.url()).isEqualTo("https://city.example/rail");
    }

    @Test
    void htmlWithoutArticleContentIsRejectedWithAReason() throws IOException {
        ParseOutcome outcome = html.extract(resource("no-content.html"), null, "no-content.html");
        assertThat(outcome).isEqualTo(new ParseOutcome.Rejected("no-content.html",
                "no article content: largest text block 10 characters"));
    }

    @Test
    void textHeaderBlockSuppliesMetadata() throws IOException {
        ParseOutcome.Parsed p = (ParseOutcome.Parsed) text.parse(resource("with-header.md"), "md");
        ParsedArticle a = p.article();
        assertThat(a.title()).isEqualTo("Rail fares rise 5 percent");
        assertThat(a.url()).isEqualTo("https://rail.example/fares-2025");
        assertThat(a.source()).isEqualTo("Rail Daily");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));
        assertThat(a.body().strip()).startsWith("# Rail fares rise 5 percent").contains("citing higher energy costs.");
    }

    @Test
    void textWithoutHeaderLeavesTheTitleToTheCleaner() {
        ParseOutcome.Parsed p = (ParseOutcome.Parsed) text.parse("Headline here\n\nTitle: is not a header here.", "t");
        assertThat(p.article().title()).isNull();
        assertThat(p.article().body()).startsWith("Headline here");
    }

    @Test
    void jsonLinesMapKnownFieldsAndKeepTheRestAsTags() throws IOException {
        String[] lines = resource("records.jsonl").split("\n");
        ParsedArticle r1 = ((ParseOutcome.Parsed) json.parseLine(lines[0], "f:1")).article();
        assertThat(r1.id()).isEqualTo("r-1");
        assertThat(r1.source()).isEqualTo("Reuters");
        assertThat(r1.publishedAt()).isEqualTo(Instant.parse("1987-02-26T15:01:01Z"));
        assertThat(r1.tags()).containsEntry("topics", "cocoa").containsEntry("places", "el-salvador, usa")
                .containsEntry("dateline", "SALVADOR, Feb 26").hasSize(3);

        ParsedArticle r2 = ((ParseOutcome.Parsed) json.parseLine(lines[1], "f:2")).article();
        assertThat(r2.body()).startsWith("Standard Oil Co");
        assertThat(r2.publishedAt()).isEqualTo(Instant.ofEpochSecond(541004540));

        assertThat(json.parseLine(lines[2], "f:3")).isInstanceOf(ParseOutcome.Rejected.class)
                .extracting(ParseOutcome::origin).isEqualTo("f:3");
        assertThat(((ParseOutcome.Rejected) json.parseLine(lines[2], "f:3")).reason()).startsWith("malformed JSON line");
        assertThat(((ParseOutcome.Rejected) json.parseLine(lines[3], "f:4")).reason())
                .isEqualTo("JSON record has no body (expected body, text or content)");

        ParsedArticle r5 = ((ParseOutcome.Parsed) json.parseLine(lines[4], "f:5")).article();
        assertThat(r5.id()).isNull();
        assertThat(r5.body()).startsWith("Grain shipments");
    }

    @Test
    void jsonDocumentHoldsOneObject() throws IOException {
        List<ParseOutcome> out = json.parseDocument(resource("one.json"), "one.json");
        assertThat(out).hasSize(1);
        ParsedArticle a = ((ParseOutcome.Parsed) out.get(0)).article();
        assertThat(a.title()).isEqualTo("Copper price climbs");
        assertThat(a.tags()).containsExactly(java.util.Map.entry("desk", "commodities"));
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-03-19T08:00:00Z"));
    }

    @Test
    void publishedTimesAcceptCommonShapes() {
        assertThat(PublishedTimes.parse("2025-03-19T08:00:00Z")).contains(Instant.parse("2025-03-19T08:00:00Z"));
        assertThat(PublishedTimes.parse("2025-03-19T10:00:00+02:00")).contains(Instant.parse("2025-03-19T08:00:00Z"));
        assertThat(PublishedTimes.parse("2025-03-19 08:00:00")).contains(Instant.parse("2025-03-19T08:00:00Z"));
        assertThat(PublishedTimes.parse("Wed, 19 Mar 2025 08:00:00 GMT")).contains(Instant.parse("2025-03-19T08:00:00Z"));
        assertThat(PublishedTimes.parse("1742371200000")).contains(Instant.parse("2025-03-19T08:00:00Z"));
        assertThat(PublishedTimes.parse("1742371200")).contains(Instant.parse("2025-03-19T08:00:00Z"));
        assertThat(PublishedTimes.parse("last Tuesday")).isEmpty();
    }
}
