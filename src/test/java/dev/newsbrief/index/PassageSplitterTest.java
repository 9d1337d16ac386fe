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
    void blankBodyHasNoPassages() {
        assertThat(splitter.split("a", " \n\n ")).isEmpty();
    }
}
