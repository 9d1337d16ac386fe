package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.Citation;
import dev.newsbrief.brief.MarkedText;
import dev.newsbrief.chat.BriefingView;
import dev.newsbrief.chat.Content;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Telegram adapter renders structured replies and cuts them where their structure allows. */
class TelegramRendererTest {
    private static Briefing briefing(int items, int itemChars) {
        List<BriefItem> list = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            list.add(new BriefItem(new Citation(i, "a" + i, "Title " + i + " <&>", "Wire", Instant.EPOCH,
                    "https://news.example/" + i), MarkedText.plain(("Item " + i + " says & more. ").repeat(itemChars / 20))));
        }
        return new Briefing(Briefing.Kind.ANSWER, "oil", MarkedText.plain("The lead."), 1, list, null, List.of(),
                null, "", null);
    }

    @Test
    void aBriefingThatFitsIsOneMessageLikeItsSingleMessageForm() {
        Briefing b = briefing(3, 200);
        List<String> messages = TelegramRenderer.messages(new Content.Brief(new BriefingView(b, ZoneOffset.UTC)));
        assertThat(messages).containsExactly(new TelegramBriefingFormatter(ZoneOffset.UTC).format(b));
    }

    @Test
    void aLongBriefingIsCutBetweenItemsNeverInsideOne() {
        Briefing b = briefing(12, 900);
        List<String> blocks = new TelegramBriefingFormatter(ZoneOffset.UTC).blocks(b);
        List<String> messages = TelegramRenderer.messages(new Content.Brief(new BriefingView(b, ZoneOffset.UTC)));
        assertThat(messages).hasSizeGreaterThan(1);
        for (String m : messages) {
            assertThat(m.length()).isLessThanOrEqualTo(TelegramHtml.MAX_MESSAGE_CHARS);
            assertThat(TelegramHtmlChecker.problem(m)).as(m).isNull();
            // every message is a run of whole blocks
            assertThat(blocks).containsAll(List.of(m.split("\n\n")));
        }
        assertThat(String.join("\n\n", messages)).isEqualTo(String.join("\n\n", blocks));
    }

    @Test
    void aLongTextIsCutBetweenItsParagraphs() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            paragraphs.add("Paragraph " + i + " <with markup-like text> & ".repeat(10));
        }
        List<String> messages = TelegramRenderer.messages(new Content.Text("Title", paragraphs));
        assertThat(messages).hasSizeGreaterThan(1);
        List<String> rejoined = new ArrayList<>();
        for (String m : messages) {
            assertThat(m.length()).isLessThanOrEqualTo(TelegramHtml.MAX_MESSAGE_CHARS);
            assertThat(TelegramHtmlChecker.problem(m)).isNull();
            rejoined.addAll(List.of(m.split("\n\n")));
        }
        assertThat(rejoined.get(0)).isEqualTo("<b>Title</b>");
        assertThat(rejoined.subList(1, rejoined.size())).containsExactlyElementsOf(
                paragraphs.stream().map(TelegramHtml::escape).toList());
    }
}
