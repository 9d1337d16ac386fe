package dev.newsbrief.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryMatcherTest {
    private final StoryMatcher matcher = new StoryMatcher(StoryOptions.DEFAULTS);

    private static final String WIRE = "Unocal Corp said it raised the contract price it will pay for most grades "
            + "of crude oil 50 cts a barrel, effective today.\n\n"
            + "The increase brings Unocal's posted price for the U.S. benchmark grade West Texas Intermediate to "
            + "17.50 dlrs a barrel. It also brought the price for West Texas Sour to 17.50 dlrs a bbl.\n\n"
            + "Unocal last changed its crude postings on March four, and brings its price in line with other "
            + "major companies, which have been raising prices steadily in recent weeks.";

    @Test
    void aTrimmedRewordedCopyIsTheSameStory() {
        StoryText wire = StoryText.of("UNOCAL <UCL> RAISES CRUDE OIL POSTINGS", WIRE);
        String rewrite = "Follow us for market news.\n\n" + WIRE.substring(0, WIRE.lastIndexOf("\n\n"))
                .replace("raised", "lifted").replace("will pay", "pays").replace("brings", "takes");
        StoryText copy = StoryText.of("Unocal lifts crude postings by 50 cents", rewrite);
        StoryMatcher.Verdict v = matcher.compare(copy, wire);
        assertThat(v.same()).isTrue();
        assertThat(v.containment()).isBetween(0.3, 0.9);
        assertThat(v.freshInStored()).isLessThan(StoryOptions.DEFAULTS.duplicateContainment());
    }

    @Test
    void theSameTemplateAboutAnotherCompanyIsAnotherStory() {
        StoryText unocal = StoryText.of("UNOCAL <UCL> RAISES CRUDE OIL POSTINGS", WIRE);
        StoryText shamrock = StoryText.of("DIAMOND SHAMROCK <DIA> RAISES CRUDE POSTINGS", WIRE
                .replace("Unocal Corp", "Diamond Shamrock Corp").replace("Unocal's", "Diamond Shamrock's")
                .replace("Unocal last", "Diamond Shamrock last"));
        assertThat(matcher.compare(shamrock, unocal).same()).as("another company: the headline names differ").isFalse();
    }

    @Test
    void theSameTemplateWithOtherFiguresIsAnotherStory() {
        String monday = "The Bank of England said it provided the money market with 37 mln stg assistance in the "
                + "morning session. This compares with the Bank's downward revised estimate of the shortfall in the "
                + "system today of around 700 mln stg.\n\nThe central bank purchased bank bills outright comprising "
                + "four mln stg in band one at 10-7/8 pct and 33 mln stg in band two at 10-13/16 pct.";
        String later = monday.replace("37 mln", "456 mln").replace("morning", "afternoon")
                .replace("33 mln", "419 mln").replace("10-13/16", "10-3/4");
        StoryText a = StoryText.of("U.K. MONEY MARKET GIVEN 37 MLN STG HELP", monday);
        StoryText b = StoryText.of("U.K. MONEY MARKET GIVEN 456 MLN STG HELP", later);
        assertThat(matcher.compare(b, a).same()).isFalse();
    }

    @Test
    void textsUnderTheShingleMinimumAreNeverMatchedByShingles() {
        StoryText a = StoryText.of("FRANKLIN OHIO SETS PAYOUT", "Mthly div 6.5 cts vs 6.5 cts prior Pay March 31");
        assertThat(a.wordCount()).isLessThan(StoryOptions.DEFAULTS.minWords());
        assertThat(matcher.compare(a, a).same()).isFalse();
    }

    @Test
    void containmentIsOfTheShorterInTheLonger() {
        StoryText whole = StoryText.of("T", WIRE);
        StoryText lead = StoryText.of("T", WIRE.substring(0, WIRE.indexOf("\n\n")));
        assertThat(lead.containedIn(whole)).isEqualTo(1.0);
        assertThat(whole.containedIn(lead)).isLessThan(0.5);
        assertThat(matcher.compare(lead, whole).containment()).isEqualTo(1.0);
    }

    @Test
    void figuresAreNumbersThatTellStoriesApartNotDatesOrCounts() {
        StoryText t = StoryText.of("T", "Shares rose 7-3/4 pct to 1,229 dlrs on March 4 after 12 months, a 5.93 gain.");
        assertThat(t.numbers()).containsExactlyInAnyOrder("7-3/4", "1229", "5.93");
    }

    @Test
    void headlinesAgreeWhenMostWordsOfTheShorterAreInTheOther() {
        long[] a = StoryText.of("AMC FEBRUARY CAR OUTPUT DECLINES", "").titleWords();
        long[] b = StoryText.of("AMC <AMO> FEBRUARY CAR OUTPUT DECLINES", "").titleWords();
        long[] c = StoryText.of("UNIVERSITY BANK AND TRUST <UBTC.O> DIVIDEND", "").titleWords();
        long[] d = StoryText.of("CENTRAL HOLDING CO <CHOL.O> SETS QUARTERLY", "").titleWords();
        assertThat(StoryMatcher.headlinesAgree(a, b)).isTrue();
        assertThat(StoryMatcher.headlinesAgree(c, d)).isFalse();
    }

    @Test
    void anUpdateBringsNewParagraphsARewordingDoesNot() {
        StoryText wire = StoryText.of("T", WIRE);
        StoryText reworded = StoryText.of("T", WIRE.replace("raised", "lifted").replace("steadily", "gradually"));
        String added = "\n\nLater on Thursday Exxon, Mobil and Chevron followed with increases of their own, "
                + "and traders in Houston said spot prices for March delivery jumped above 18 dlrs, the highest "
                + "level since November, as refiners scrambled for supplies ahead of the driving season and "
                + "inventories in Cushing fell for a fourth week.";
        StoryText update = StoryText.of("T", WIRE + added);
        StoryMatcher.Novelty none = StoryMatcher.novelty(reworded, java.util.List.of(wire));
        StoryMatcher.Novelty some = StoryMatcher.novelty(update, java.util.List.of(wire));
        assertThat(none.words()).isZero();
        assertThat(matcher.isUpdate(none)).isFalse();
        assertThat(some.words()).isGreaterThan(40);
        assertThat(matcher.isUpdate(some)).isEqualTo(some.share() >= StoryOptions.DEFAULTS.updateShare());
        StoryText bigUpdate = StoryText.of("T", WIRE.substring(0, WIRE.indexOf("\n\n")) + added + added
                .replace("Exxon", "Texaco").replace("Houston", "Tulsa"));
        assertThat(matcher.isUpdate(StoryMatcher.novelty(bigUpdate, java.util.List.of(wire)))).isTrue();
    }
}
