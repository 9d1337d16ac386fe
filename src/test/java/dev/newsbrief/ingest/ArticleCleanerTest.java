package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {
    private final ArticleCleaner cleaner = new ArticleCleaner(CleaningRules.defaults());

    static String resource(String name) throws IOException {
        try (InputStream in = ArticleCleanerTest.class.getClassLoader().getResourceAsStream("ingest/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void seedCleansToItsTitleAndExactlyItsFiveParagraphs() throws IOException {
        ParseOutcome parsed = new TextArticleParser().parse(resource("seed-kim.txt"), "seed");
        ArticleCleaner.Cleaned clean = cleaner.clean(((ParseOutcome.Parsed) parsed).article());

        assertThat(clean.title()).isEqualTo("Kim Jong Un Reaffirms North Korea’s Backing for Russia’s Ukraine War");
        List<String> paragraphs = List.of(clean.body().split("\n\n"));
        assertThat(paragraphs).hasSize(5);
        assertThat(paragraphs.get(0)).isEqualTo("North Korean leader Kim Jong Un reiterated his firm support for "
                + "Russia’s ongoing war in Ukraine during a meeting with Sergei Shoigu, Russia’s Security Council "
                + "Secretary, in Pyongyang on Friday. The talks, reported by North Korean state media on Saturday, "
                + "underscored the deepening military and strategic ties between the two nations amid global tensions.");
        assertThat(paragraphs.get(1)).startsWith("The meeting follows intelligence from South Korea in late February")
                .endsWith("though details remain unclear.");
        assertThat(paragraphs.get(2)).startsWith("Kim emphasized North Korea’s unwavering stance")
                .contains("“invariably support Russia in the struggle for defending national sovereignty, "
                        + "territorial integrity, and security interests,”")
                .endsWith("agreements from recent summits.");
        assertThat(paragraphs.get(3)).startsWith("The discussions also touched on Moscow’s dialogues")
                .endsWith("during his 2024 Pyongyang visit.");
        assertThat(paragraphs.get(4)).startsWith("North Korea’s support for Russia extends beyond rhetoric")
                .endsWith("which concluded Friday.");
        assertThat(clean.body()).doesNotContain("×", "\u00A0", "Gallery", "WhatsApp", "  ");
    }

    @Test
    void joinsHardWrappedLinesIntoParagraphs() {
        String body = """
                Officials said on Monday that the new rules would take
                effect next month, after a consultation that drew
                thousands of responses.
                Critics said the change came too late.

                A second paragraph starts here and it is also
                wrapped at a fixed width.
                """;
        var clean = cleaner.clean(new ParsedArticle(null, "Rules", body, null, null, null, null));
        // a short line that ends a sentence ends its paragraph, as in wrapped plain-text mail and wires
        assertThat(clean.body()).isEqualTo("Officials said on Monday that the new rules would take effect next month, "
                + "after a consultation that drew thousands of responses.\n\nCritics said the change came too late."
                + "\n\nA second paragraph starts here and it is also wrapped at a fixed width.");
    }

    @Test
    void longUnwrappedLinesAreParagraphsEvenWithoutBlankLines() {
        String p1 = "First paragraph ".repeat(10).strip() + ".";
        String p2 = "Second paragraph ".repeat(10).strip() + ".";
        var clean = cleaner.clean(new ParsedArticle(null, "T", p1 + "\n" + p2, null, null, null, null));
        assertThat(clean.body()).isEqualTo(p1 + "\n\n" + p2);
    }

    @Test
    void keepsTypographicQuotesAndCompatibilityCharactersAsWritten() {
        var clean = cleaner.clean(new ParsedArticle(null, "“Quoted” title’s ½", "It’s ﬁne\u00A0now… ½ cup, ﻻ, １２",
                null, null, null, null));
        assertThat(clean.title()).isEqualTo("“Quoted” title’s ½");
        // no-break space becomes a space; nothing else is folded ("½" is not "1⁄2", the ligature stays)
        assertThat(clean.body()).isEqualTo("It’s ﬁne now… ½ cup, ﻻ, １２");
    }

    @Test
    void composesDecomposedLettersButLeavesSingletonsAlone() {
        var clean = cleaner.clean(new ParsedArticle(null, "T", "Cafe\u0301 in Zu\u0308rich: 5 \u2126, \uF900",
                null, null, null, null));
        assertThat(clean.body()).isEqualTo("Café in Zürich: 5 \u2126, \uF900");
    }

    @Test
    void unicodeSpacesBecomePlainSpaces() {
        var clean = cleaner.clean(new ParsedArticle(null, "T", "ten\u2009thousand\u3000people", null, null, null,
                null));
        assertThat(clean.body()).isEqualTo("ten thousand people");
    }

    @Test
    void dropsARepeatedHeadlineAndKeepsASubtitleThatSaysSomethingNew() {
        var clean = cleaner.clean(new ParsedArticle(null, "Storm hits coast",
                "Storm hits coast\n\nA new angle on the storm.\n\nThe storm hit the coast on Monday.", null, null, null,
                null));
        assertThat(clean.body()).isEqualTo("A new angle on the storm.\n\nThe storm hit the coast on Monday.");
    }

    @Test
    void comparisonKeyIsTheRegexOneWithoutTheRegex() {
        java.util.Random random = new java.util.Random(21);
        String[] pieces = {"a", "B", "é", "Ä", "7", "½", "Ⅻ", "٣", " ", ".", "-", "\n", "\uD83D\uDE00", "\uD835\uDC00",
                "\uD800", "İ", "ß", "ǅ"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            String expected = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            assertThat(ArticleCleaner.key(s)).as(s).isEqualTo(expected);
        }
    }
}
