package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerSpotterTest {
    private final AnswerSpotter spotter = new AnswerSpotter(Places.load());

    private List<String> found(String text, AnswerType type, double minStrength) {
        return spotter.spot(text).stream().filter(m -> m.type() == type && m.strength() >= minStrength)
                .map(m -> text.substring(m.start(), m.end())).toList();
    }

    @Test
    void amountsOfMoneyInNewsWording() {
        String s = "It paid 2.3 billion dlrs, or 4.20 N.Z. Dlrs a share, plus $15 mln and a 9.2p dividend.";
        assertThat(found(s, AnswerType.MONEY, 1)).contains("2.3 billion dlrs", "$15 mln", "9.2p")
                .anyMatch(m -> m.startsWith("4.20"));
    }

    @Test
    void percentagesAreNotAlsoCounts() {
        String s = "Its stake rose to 52 pct from 44 pct, a margin of 20 basis points.";
        assertThat(found(s, AnswerType.PERCENT, 1)).contains("52 pct", "44 pct", "20 basis points");
        assertThat(found(s, AnswerType.NUMBER, 0)).isEmpty();
    }

    @Test
    void countsKeepTheirNoun() {
        assertThat(found("It bought an extra 9.4 mln shares at 3.80.", AnswerType.NUMBER, 1))
                .anyMatch(m -> m.startsWith("9.4 mln shares"));
    }

    @Test
    void calendarDatesBeatWeekdaysAndTheReportingDay() {
        String s = "The company said on Monday the offer expires on Tuesday April 28, 1987.";
        assertThat(found(s, AnswerType.DATE, 1)).anyMatch(m -> m.contains("April 28"));
        assertThat(spotter.spot(s).stream().filter(m -> m.type() == AnswerType.DATE
                && s.substring(m.start(), m.end()).equals("Monday"))).allMatch(m -> m.strength() < 0.5);
    }

    @Test
    void tallies() {
        assertThat(found("The Senate voted 99 to 0 for the bill.", AnswerType.SCORE, 1)).containsExactly("99 to 0");
        assertThat(found("Prices ranged from 1,750 to 1,780 dlrs.", AnswerType.SCORE, 0)).isEmpty();
    }

    @Test
    void namesByTheirCues() {
        String s = "Commerce Secretary Malcolm Baldrige met executives of <Rainbow Corp Ltd> and Chemical Bank in Tokyo.";
        assertThat(found(s, AnswerType.PERSON, 1)).contains("Malcolm Baldrige");
        assertThat(found(s, AnswerType.ORGANIZATION, 1)).contains("Rainbow Corp Ltd", "Chemical Bank");
        assertThat(found(s, AnswerType.PLACE, 1)).contains("Tokyo");
    }

    @Test
    void codesAndRatings() {
        assertThat(found("The issue is rated A-3 by Moody's and BB-minus by S and P.", AnswerType.THING, 0.8))
                .contains("A-3", "BB-minus");
    }
}
