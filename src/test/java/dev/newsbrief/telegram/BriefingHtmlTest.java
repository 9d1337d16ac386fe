package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.Citation;
import dev.newsbrief.brief.MarkedText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BriefingHtmlTest {
    private static final String NASTY = "AT&T said revenue rose 3% to <$30bn> & profit \"beat\" forecasts. ";
    private static final String LONG_WORD = "Supercalifragilistic".repeat(300);

    @Test
    void escapesTheFourSpecialCharacters() {
        assertThat(TelegramHtml.escape("<a href=\"x\">&</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
        assertThat(TelegramHtml.link("javascript:alert(1)", "x<y")).isEqualTo("x&lt;y");
        TelegramHtmlChecker.assertValid(TelegramHtml.link("https://e.com/?a=1&b=<2>", "AT&T \"x\""));
    }

    @Test
    void briefingWithHostileArticleTextIsValidTelegramHtml() {
        Citation c = new Citation(1, "x", "Markets <live> & \"quotes\"", "Wire & Co", Instant.EPOCH,
                "https://example.com/att?x=1&y=<2>");
        MarkedText text = new MarkedText(NASTY + LONG_WORD, List.of(new MarkedText.Span(0, 4)));
        Briefing b = new Briefing(Briefing.Kind.ANSWER, "at&t <b>", text, 1,
                List.of(new BriefItem(c, text), new BriefItem(c, MarkedText.plain(NASTY.repeat(60)))), null,
                List.of("<Pyongyang>"), "t", "", null);
        String html = new TelegramBriefingFormatter(ZoneOffset.UTC).format(b);
        TelegramHtmlChecker.assertValid(html);
        assertThat(html).contains("<b>AT&amp;T</b>", "&lt;$30bn&gt;", "&quot;beat&quot;");
    }

    @Test
    void truncateAndSplitNeverBreakTagsEntitiesOrWords() {
        String html = ("<b>" + TelegramHtml.escape(NASTY) + "</b> <i>" + TelegramHtml.escape(NASTY) + "</i>\n\n")
                .repeat(80);
        String cut = TelegramHtml.truncate(html, 1000);
        TelegramHtmlChecker.assertValid(cut);
        assertThat(cut.length()).isLessThanOrEqualTo(1000);
        List<String> parts = TelegramHtml.split(html + "<b>" + LONG_WORD + "</b>", 4096);
        assertThat(parts).hasSizeGreaterThan(2);
        for (String p : parts) {
            TelegramHtmlChecker.assertValid(p);
        }
        String words = ("<b>" + "word ".repeat(2000) + "</b>");
        for (String p : TelegramHtml.split(words, 500)) {
            TelegramHtmlChecker.assertValid(p);
            assertThat(p.replaceAll("<[^>]+>", "").strip()).matches("(word ?)+");
        }
    }

    @Test
    void anEscapedUrlTooLongToSplitAroundIsDroppedFromTheLink() {
        String url = "https://evil.example/?" + "&\"<>".repeat(400);
        assertThat(TelegramHtml.link(url, "Headline")).isEqualTo("Headline");
    }

    @Test
    void openTagsLongerThanTheLimitStillSplitIntoValidParts() {
        String href = "https://e.com/" + "a".repeat(900);
        String html = "<b><i><a href=\"" + href + "\">" + "word ".repeat(400) + "</a></i></b>";
        List<String> parts = TelegramHtml.split(html, 512);
        assertThat(parts).isNotEmpty().allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(512);
            TelegramHtmlChecker.assertValid(part);
        });
        assertThat(String.join(" ", parts).replaceAll("<[^>]*>", "").split("word", -1)).hasSize(401);
    }
}
