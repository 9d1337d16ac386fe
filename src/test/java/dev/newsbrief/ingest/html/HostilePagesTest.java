package dev.newsbrief.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pages built to hurt: each gets a clear reason or a clean result, never an exception, and the
 * work stays linear in the page (the first extractor walked every block's ancestors, 105 s of CPU
 * for the unclosed-tags page below).
 */
class HostilePagesTest {
    private final PageExtractor extractor = new PageExtractor();

    @Test
    void oneHundredThousandNestedDivsAreTooDeep() {
        String html = "<html><body>" + "<div>".repeat(100_000) + "text" + "</div>".repeat(100_000) + "</body></html>";
        assertThat(extractor.extract(html, null))
                .isEqualTo(new PageResult.Skipped("page nested too deeply: more than 512 levels of elements"));
    }

    @Test
    void aMegabyteOfUnclosedDivsAndParagraphsIsTooDeep() {
        String html = "<div><p>x".repeat(100_000);
        assertThat(html.length()).isGreaterThanOrEqualTo(900_000);
        assertThat(extractor.extract(html, null))
                .isEqualTo(new PageResult.Skipped("page nested too deeply: more than 512 levels of elements"));
    }

    @Test
    void nestingBelowTheLimitIsReadAsUsual() {
        String paragraph = "<p>Nested deep inside the page, this paragraph still reads as the article, with commas, "
                + "and full stops.</p>";
        String html = "<html><body>" + "<div>".repeat(400) + paragraph.repeat(5) + "</div>".repeat(400) + "</body></html>";
        PageResult r = extractor.extract(html, null);
        assertThat(r).isInstanceOf(PageResult.Article.class);
        assertThat(((PageResult.Article) r).text().split("\n\n")).hasSize(5);
    }

    @Test
    void aWidePageOfManyParagraphsIsExtracted() {
        String html = "<html><body><article>"
                + "<p>One of very many short paragraphs, each a sentence, in a single long article.</p>".repeat(50_000)
                + "</article></body></html>";
        PageResult r = extractor.extract(html, null);
        assertThat(r).isInstanceOf(PageResult.Article.class);
        assertThat(((PageResult.Article) r).text().split("\n\n")).hasSize(50_000);
    }

    @Test
    void aFiftyMegabytePageIsRefusedBeforeParsing() {
        String html = "<html><body><p>" + "a".repeat(50 * 1024 * 1024) + "</p></body></html>";
        assertThat(extractor.extract(html, null)).isEqualTo(new PageResult.Skipped(
                "page too large: 50.0 M characters of HTML (the extractor reads at most 16.0 M)"));
    }

    @Test
    void tooManyTagsAreRefusedBeforeParsing() {
        String html = "<html><body>" + "<b>".repeat(300_000) + "</body></html>";
        assertThat(extractor.extract(html, null))
                .isEqualTo(new PageResult.Skipped("page too complex: more than 250,000 tags"));
    }

    @Test
    void binaryContentIsNotAPage() {
        byte[] bytes = new byte[20_000];
        new java.util.Random(7).nextBytes(bytes);
        String html = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(extractor.extract(html, null)).isEqualTo(new PageResult.Skipped("binary content (not text)"));
    }

    @Test
    void aPageOfOnlyScriptsHasNoVisibleText() {
        String html = "<html><head><script>var a = 'x'.repeat(1000);</script></head><body>"
                + "<script>document.write('<p>Hello from a script, which readers would see in a browser.</p>');</script>"
                + "<noscript>Please enable JavaScript.</noscript><style>p { color: red }</style></body></html>";
        assertThat(extractor.extract(html, null))
                .isEqualTo(new PageResult.Skipped("no article content: the page has no visible text"));
    }

    @Test
    void deeplyNestedJsonLdIsIgnoredAndThePageStillReads() {
        String html = "<html><head><script type=\"application/ld+json\">" + "[".repeat(200_000)
                + "</script><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
                + "{\"name\":".repeat(5_000) + "\"x\"" + "}".repeat(5_000) + "}</script></head><body><article>"
                + "<p>The page's own text is what counts, whatever its scripts hold, and it reads as usual.</p>"
                + "<p>A second paragraph, so that the article has enough text to be one.</p></article></body></html>";
        PageResult r = extractor.extract(html, null);
        assertThat(r).isInstanceOf(PageResult.Article.class);
        assertThat(((PageResult.Article) r).text()).startsWith("The page's own text is what counts");
    }

    @Test
    void emptyAndMarkupOnlyPagesSayWhy() {
        assertThat(extractor.extract("", null))
                .isEqualTo(new PageResult.Skipped("no article content: the page has no visible text"));
        assertThat(extractor.extract("<<<>>></></>", null)).isInstanceOf(PageResult.Skipped.class);
    }
}
