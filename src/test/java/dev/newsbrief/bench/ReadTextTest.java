package dev.newsbrief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.Citation;
import dev.newsbrief.brief.MarkedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadTextTest {
    private static Briefing briefing(String lead, String... titleAndText) {
        List<BriefItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < titleAndText.length; i += 2) {
            items.add(new BriefItem(new Citation(i / 2 + 1, "a" + i, titleAndText[i], "wire", null, null),
                    MarkedText.plain(titleAndText[i + 1])));
        }
        return new Briefing(Briefing.Kind.ANSWER, "q", MarkedText.plain(lead), 1, items, null, List.of(), null, "",
                null);
    }

    @Test
    void whatTheUserReadsIsTheLeadThenTitlesAndTextsWithinTheBudget() {
        Briefing b = briefing("The lead.", "First title", "First text.", "Second title", "Second text.");
        assertThat(ReadText.of(b, 700)).isEqualTo("The lead.\nFirst title\nFirst text.\nSecond title\nSecond text.");
        assertThat(ReadText.of(b, 20)).isEqualTo("The lead.\nFirst titl");
    }

    @Test
    void answersMatchAsWrittenIgnoringCaseAccentsAndPunctuationBetweenWords() {
        assertThat(ReadText.containsAll("Advisers Goldman, Sachs and Co said", List.of("goldman sachs"))).isTrue();
        assertThat(ReadText.containsAll("a 350-mln-dlr loan", List.of("350 mln dlr"))).isTrue();
        assertThat(ReadText.containsAll("Zürich and Köln", List.of("zurich", "Koln"))).isTrue();
        assertThat(ReadText.containsAll("rose 9.4 pct", List.of("9.4 pct", "rose"))).isTrue();
        assertThat(ReadText.containsAll("rose 94 pct", List.of("9.4 pct"))).isFalse();
        assertThat(ReadText.containsAll("only one", List.of("one", "two"))).isFalse();
    }
}
