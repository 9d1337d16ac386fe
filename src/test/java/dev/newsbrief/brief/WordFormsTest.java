package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class WordFormsTest {
    @Test
    void aCompoundAndItsHeadAreRelatedBothWays() {
        // analysed German terms: "Sachschaden" / "Schaden", "Wolfsrudel" / "Rudel"
        assertThat(WordForms.related("sachschaden", "schaden")).isEqualTo(WordForms.HEAD);
        assertThat(WordForms.related("rudel", "wolfsrudel")).isEqualTo(WordForms.HEAD);
    }

    @Test
    void compoundsOnOneHeadAreLessRelated() {
        assertThat(WordForms.related("frauenministerin", "bundesministerin")).isEqualTo(WordForms.SHARED_HEAD);
        assertThat(WordForms.related("cyberangriff", "hackerangriff")).isEqualTo(WordForms.SHARED_HEAD);
        assertThat(WordForms.SHARED_HEAD).isLessThan(WordForms.HEAD);
    }

    @Test
    void anEndingTheStemmerKeptIsAnotherFormOfTheWord() {
        assertThat(WordForms.related("startet", "start")).isEqualTo(WordForms.INFLECTED);
        assertThat(WordForms.related("warnt", "warnte")).isEqualTo(WordForms.INFLECTED);
    }

    @Test
    void shortHeadsCodesAndUnrelatedWordsAreNot() {
        assertThat(WordForms.related("land", "deutschland")).isZero(); // a head must be a word of its own
        assertThat(WordForms.related("a6", "a61")).isZero();
        assertThat(WordForms.related("2023", "12023")).isZero();
        assertThat(WordForms.related("start", "startup")).isZero();
        assertThat(WordForms.related("regierung", "regierung")).isZero(); // equal is the caller's exact match
        assertThat(WordForms.related("zeitung", "leitung")).isZero(); // a common "-eitung" is only a suffix
    }

    @Test
    void onlyCompoundingLanguagesAreRead() {
        Set<String> sentence = Set.of("damag", "schaden");
        assertThat(WordForms.share("de", "sachschaden", sentence)).isEqualTo(WordForms.HEAD);
        assertThat(WordForms.share("en", "sachschaden", sentence)).isZero();
        assertThat(WordForms.share(null, "sachschaden", sentence)).isZero();
        assertThat(WordForms.share("de", "unfall", sentence)).isZero();
    }
}
