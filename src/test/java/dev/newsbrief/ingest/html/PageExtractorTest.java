package dev.newsbrief.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One small page per failure mode of the first extractor, written for these tests. */
class PageExtractorTest {
    private final PageExtractor extractor = new PageExtractor();

    static String page(String name) throws IOException {
        try (InputStream in = PageExtractorTest.class.getClassLoader().getResourceAsStream("ingest/html/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private PageResult.Article article(String name) throws IOException {
        PageResult result = extractor.extract(page(name), "https://example.test/" + name);
        assertThat(result).isInstanceOf(PageResult.Article.class);
        return (PageResult.Article) result;
    }

    private List<String> paragraphs(String name) throws IOException {
        return List.of(article(name).text().split("\n\n"));
    }

    @Test
    void aContainerWhoseClassSaysSidebarIsKeptWhenItAlsoSaysArticle() throws IOException {
        List<String> text = paragraphs("sidebar-class-wrapper.html");
        assertThat(text).hasSize(3);
        assertThat(text.get(0)).startsWith("The city council approved a budget of 42 million euros");
        assertThat(text.get(2)).endsWith("would hit young families hardest.");
        assertThat(String.join(" ", text)).doesNotContain("Most read", "Bakery wins prize", "Valley Post");
    }

    @Test
    void theArticleWinsOverALongerReaderCommentTeaserCardsAndAnEmptyMain() throws IOException {
        String text = article("comment-and-teasers.html").text();
        assertThat(text).startsWith("The harbour reopened to ships on Monday")
                .endsWith("at a cost of 3 million euros.")
                .doesNotContain("Reader99", "forty years", "Ferry prices rise", "Operators blame fuel");
    }

    @Test
    void paragraphsInDivsAreParagraphsWithTheirInlineText() throws IOException {
        assertThat(paragraphs("div-paragraphs.html")).containsExactly(
                "Rail workers walked out for a second day on Thursday, stranding thousands of commuters across the north.",
                "The union says wages have fallen behind inflation for three years, and that talks with the operators "
                        + "have stalled.",
                "Operators say they have offered 4 percent this year and another 3 percent next year, with no strings "
                        + "attached.");
    }

    @Test
    void aRunOfLineBreaksSeparatesParagraphs() throws IOException {
        List<String> text = paragraphs("br-separated.html");
        assertThat(text).contains(
                "The village fete raised 12,500 pounds for the church roof on Saturday, the most in its eighty-year history.",
                "Organisers thanked the two hundred volunteers, who ran stalls, games and a dog show in the rain.",
                "The vicar said the roof repairs could now start in May, a year earlier than planned.");
        assertThat(String.join(" ", text)).doesNotContain("Home", "Events");
    }

    @Test
    void tableCellsKeepTheirText() throws IOException {
        String text = article("table-content.html").text();
        assertThat(text).contains("Turnout was 61 percent", "Social Democrats", "Greens", "+3",
                "The new council meets for the first time");
        assertThat(text).doesNotContain("Politics");
    }

    @Test
    void aPageWithoutSemanticTagsKeepsOnlyItsArticle() throws IOException {
        String text = article("no-semantic-tags.html").text();
        assertThat(text).contains("The glass factory on the edge of town will close in June",
                "Demand for its bottles has fallen by a third", "The mayor called the decision a heavy blow");
        assertThat(text).doesNotContain("Breaking news", "Minister resigns", "Politics (12)", "Copyright", "Contact",
                "Business");
    }

    @Test
    void chromeInsideTheArticleGoesAndContentListsStay() throws IOException {
        String text = article("chrome-inside-article.html").text();
        assertThat(text).contains("A family bakery in the old town has won the national bread prize",
                "rye flour ground at the mill next door", "salt and a starter that is ninety years old",
                "The owners said they would spend the prize money on a second oven");
        assertThat(text).doesNotContain("Share on Facebook", "The winning loaf", "Most popular",
                "Council approves budget", "Read more", "Latest news", "Storm warning", "Jan Novak writes",
                "Get the best of the Gazette");
    }

    @Test
    void whenTheStrictRulesRemoveTheArticleTheyAreUndone() throws IOException {
        String text = article("strict-rules-undone.html").text();
        assertThat(text).contains("The city museum will stay open until nine on Thursdays",
                "most visitors asked for later hours");
        assertThat(text).doesNotContain("About this site", "volunteers", "Valley Courier");
    }

    @Test
    void metadataComesFromJsonLdOpenGraphAndTheDocument() throws IOException {
        PageResult.Article a = article("metadata.html");
        PageMetadata m = a.metadata();
        assertThat(m.title()).isEqualTo("Neue Brücke eröffnet");
        assertThat(m.author()).isEqualTo("Eva Huber, Max Moser");
        assertThat(m.published()).isEqualTo("2025-04-02T10:15:00+02:00");
        assertThat(m.url()).isEqualTo("https://tal.example/lokales/neue-bruecke");
        assertThat(m.siteName()).isEqualTo("Tal Zeitung");
        assertThat(m.language()).isEqualTo("de-AT");
        // the truncated JSON-LD body is a fallback only: the page's own text wins
        assertThat(a.text()).contains("zwei Monate früher als geplant", "die alte Brücke wird im Sommer abgerissen");
    }

    @Test
    void jsonLdArticleBodyIsTheFallbackWhenThePageHasNoText() throws IOException {
        String text = article("jsonld-only.html").text();
        assertThat(text).contains("The regional airport will add five summer routes", "Flights start in May")
                .doesNotContain("<p>");
    }

    @Test
    void compatibilityCharactersAreExtractedAsWritten() throws IOException {
        assertThat(article("fidelity.html").text()).contains("½ cup of butter with ¾ cup", "ﻻﻓﻴﻪ");
    }

    @Test
    void aPageWithoutAnArticleSaysWhy() {
        PageResult r = extractor.extract("<html><body><nav><a href='/'>Home</a></nav><div>Contact us</div></body></html>",
                null);
        assertThat(r).isEqualTo(new PageResult.Skipped("no article content: largest text block 10 characters"));
    }
}
