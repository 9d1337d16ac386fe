package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.alerts.AlertItem;
import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.alerts.AlertSection;
import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.Citation;
import dev.newsbrief.brief.MarkedText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Right-to-left titles, sources and sentences keep the layout of the lines around them. */
class RightToLeftTest {
    private static final String FSI = "\u2068";
    private static final String PDI = "\u2069";

    @Test
    void rightToLeftTextIsIsolatedAndLeftToRightTextLeftAlone() {
        assertThat(TelegramHtml.isolate("أسعار النفط")).isEqualTo(FSI + "أسعار النفط" + PDI);
        assertThat(TelegramHtml.isolate("הבחירות לכנסת 2026")).startsWith(FSI).endsWith(PDI);
        assertThat(TelegramHtml.isolate("Oil prices")).isEqualTo("Oil prices");
        assertThat(TelegramHtml.isolate("Путин")).isEqualTo("Путин");
        assertThat(TelegramHtml.isolate("")).isEmpty();
        assertThat(TelegramHtml.isolate(null)).isNull();
    }

    @Test
    void aBriefingWithAnArabicArticleIsValidHtmlWithItsTitleAndQuoteIsolated() {
        Instant t = Instant.parse("2026-03-05T10:00:00Z");
        Citation arabic = new Citation(1, "ar-1", "أسعار النفط ترتفع", "الجزيرة", t, "https://example.org/a", "ar");
        Briefing b = new Briefing(Briefing.Kind.ANSWER, "oil", MarkedText.plain("ارتفعت أسعار النفط بنسبة 3%."), 1,
                List.of(new BriefItem(arabic, MarkedText.plain("ارتفعت أسعار النفط بنسبة 3%."))), null, List.of(),
                null, "", null);
        for (String language : new String[] {null, "de", "ru"}) {
            String html = new TelegramBriefingFormatter(ZoneOffset.UTC, language).format(b);
            TelegramHtmlChecker.assertValid(html);
            assertThat(html).contains("1. <b><a href=\"https://example.org/a\">" + FSI + "أسعار النفط ترتفع" + PDI
                    + "</a></b>");
            assertThat(html).contains(FSI + "ارتفعت أسعار النفط بنسبة 3%." + PDI + " [1]");
        }
    }

    @Test
    void anAlertWithAHebrewHeadlineIsValidHtml() {
        AlertItem item = new AlertItem("he-1", "הבחירות לכנסת ייערכו בנובמבר", "הבחירות ייערכו בנובמבר.", "Ynet",
                Instant.parse("2026-03-05T10:00:00Z"), "https://example.org/h");
        AlertMessage m = new AlertMessage(1, AlertMessage.Kind.BUNDLE,
                List.of(new AlertSection("בחירות", "בחירות", List.of(item, item))), 0, List.of(), ZoneOffset.UTC, "de");
        String html = AlertHtml.render(m);
        TelegramHtmlChecker.assertValid(html);
        assertThat(html).startsWith("🔔 <b>Neu zu deinen Themen</b>").contains(FSI + "הבחירות לכנסת ייערכו בנובמבר" + PDI)
                .contains("05.03.2026");
    }
}
