package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {
    @Test
    void escapesMarkupAndDropsControlCharacters() {
        assertThat(TelegramHtml.escape("a<b>&\"c\"\u0000\u0007\n")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;\n");
    }

    @Test
    void shortTextIsOnePart() {
        assertThat(TelegramHtml.split("<b>hi</b>", 4096)).containsExactly("<b>hi</b>");
    }

    @Test
    void splitsAtParagraphBoundaries() {
        String p = "word ".repeat(150).strip();
        String html = String.join("\n\n", p, p, p, p);
        List<String> parts = TelegramHtml.split(html, 1600);
        assertThat(parts).containsExactly(p + "\n\n" + p, p + "\n\n" + p);
        assertThat(TelegramHtml.split(html, 1000)).containsExactly(p, p, p, p);
    }

    @Test
    void longTaggedParagraphsAndEntitiesStayValidInEveryPart() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append("<b>bold &amp; <i>it&lt;al</i></b> ").append("x".repeat(i % 13 == 0 ? 200 : 5)).append(' ')
                    .append("<a href=\"https://e.com/?a=1&amp;b=2\">link ").append(i).append("</a> ");
        }
        String html = "<blockquote>" + sb + "</blockquote>";
        List<String> parts = TelegramHtml.split(html, 4096);
        assertThat(parts.size()).isGreaterThan(1);
        for (String part : parts) {
            assertThat(TelegramHtmlChecker.problem(part)).as(part).isNull();
        }
        String joinedText = String.join(" ", parts).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(joinedText).contains("link 299").contains("link 0");
    }

    @Test
    void oneHugeWordIsCutButNeverInsideAnEntity() {
        String html = "&amp;".repeat(2000);
        for (String part : TelegramHtml.split(html, 4096)) {
            assertThat(TelegramHtmlChecker.problem(part)).isNull();
        }
    }
}
