package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {
    private final PassageSplitter splitter = new PassageSplitter();

    @Test
    void shortParagraphsArePassagesOfTheirOwn() {
        List<Passage> ps = splitter.split("a", "One sentence here.\n\nAnother paragraph. With two sentences.");
        assertThat(ps).extracting(Passage::text)
                .containsExactly("One sentence here.", "Another paragraph. With two sentences.");
        assertThat(ps).extracting(Passage::number).containsExactly(0, 1);
        assertThat(ps).allMatch(p -> p.articleId().equals("a"));
    }

    @Test
    void atMostFourSentencesPerPassage() {
        String para = "S1 is here. S2 is here. S3 is here. S4 is here. S5 is here. S6 is here.";
        assertThat(splitter.split("a", para)).extracting(Passage::text)
                .containsExactly("S1 is here. S2 is here. S3 is here. S4 is here.", "S5 is here. S6 is here.");
    }

    @Test
    void respectsTheCharacterLimitWithoutCuttingSentences() {
        String sentence = "This sentence has exactly enough words to be about one hundred characters long in total, roughly. ";
        String para = sentence.repeat(4).strip();
        PassageSplitter small = new PassageSplitter(new PassageSplitter.Options(4, 250));
        List<Passage> ps = small.split("a", para);
        assertThat(ps).hasSize(2);
        assertThat(ps).allMatch(p -> p.text().length() <= 250);
        assertThat(String.join(" ", ps.stream().map(Passage::text).toList())).isEqualTo(para);
    }

    @Test
    void anOverlongSentenceStaysWhole() {
        String longSentence = "Long " + "word ".repeat(300).strip() + ".";
        List<Passage> ps = splitter.split("a", "Short one. " + longSentence + " Short two.");
        assertThat(ps).extracting(Passage::text).containsExactly("Short one.", longSentence, "Short two.");
    }

    @Test
    void abbreviationsDoNotEndSentences() {
        List<Passage> ps = new PassageSplitter(new PassageSplitter.Options(1, 700))
                .split("a", "Mr. Smith met U.S. officials on Friday. They talked.");
        assertThat(ps).extracting(Passage::text).containsExactly("Mr. Smith met U.S. officials on Friday.", "They talked.");
    }

    @Test
    void eachPassageCarriesTheSentencesOfItsOwnText() {
        // paragraphs cut into several passages, spacing the passage does not keep, and text where the
        // paragraph's sentences are not the ones the passage's own text splits into (". . ." rejoined)
        String body = "S1 is here. S2 is here. S3 is here. S4 is here. S5 is here. S6 is here.\n\n"
                + "Arvin said L.K. Evans was elected.  Evans had been vice president.\n\n"
                + "Japan will buy U.S.-made parts, an official said.\n\n"
                + "Chirac said the means were readily available. \"What is needed is the political will to use "
                + "these more completely, in the spirit of the Paris accords... \"\n\n"
                + "SANTA ROSA, . . . . Calif.\n\nMr. Smith met U.S. officials. \"Done.\"Then he left.";
        List<Passage> ps = splitter.split("a", body);
        assertThat(ps).hasSizeGreaterThan(6);
        for (Passage p : ps) {
            assertThat(p.sentences()).as(p.text()).isEqualTo(SentenceSplitter.spans(p.text()));
            assertThat(p).isEqualTo(new Passage(p.articleId(), p.number(), p.text()));
        }
    }

    @Test
    void blankBodyHasNoPassages() {
        assertThat(splitter.split("a", " \n\n ")).isEmpty();
    }
}
