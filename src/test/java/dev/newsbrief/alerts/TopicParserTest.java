package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicParserTest {
    private final TopicParser parser = new TopicParser();

    @Test
    void caseWordOrderInflectionAndRepeatsGiveOneKey() {
        String key = parser.parse("Ukraine").key();
        assertThat(parser.parse("ukraine").key()).isEqualTo(key);
        assertThat(parser.parse("  UKRAINE  ").key()).isEqualTo(key);
        assertThat(parser.parse("oil prices").key())
                .isEqualTo(parser.parse("Prices OIL").key())
                .isEqualTo(parser.parse("price oil oil").key());
    }

    @Test
    void phrasesExclusionsAndTermsAreDistinctClauses() {
        Topic t = parser.parse("\"North Korea\" Russia -sports");
        assertThat(t.key()).isEqualTo("\"north korea\" russia -sport");
        assertThat(t.terms()).containsExactly("russia");
        assertThat(t.phrases()).hasSize(1);
        assertThat(t.exclusions()).extracting(p -> p.terms()).containsExactly(java.util.List.of("sport"));
        assertThat(t.display()).isEqualTo("\"North Korea\" Russia -sports");
        // a phrase is not the same topic as its words apart
        assertThat(parser.parse("North Korea").key()).isNotEqualTo(parser.parse("\"North Korea\"").key());
        // a quoted single word is just that word
        assertThat(parser.parse("\"Ukraine\"").key()).isEqualTo(parser.parse("ukraine").key());
    }

    @Test
    void stopWordGapsInPhrasesAreKept() {
        Topic t = parser.parse("\"Bank of England\"");
        assertThat(t.phrases().get(0).positions()).containsExactly(0, 2);
        assertThat(t.key()).isEqualTo("\"bank _ england\"");
        assertThat(parser.parse("\"bank england\"").key()).isNotEqualTo(t.key());
    }

    @Test
    void refusesEmptyExclusionOnlyAndOverlongTopicsWithAReason() {
        assertThatThrownBy(() -> parser.parse("   ")).isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("Tell me the topic");
        assertThatThrownBy(() -> parser.parse("-sports")).isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("exclusions alone");
        assertThatThrownBy(() -> parser.parse("the of and")).isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> parser.parse("x".repeat(TopicParser.MAX_CHARS + 1)))
                .isInstanceOf(InvalidTopicException.class).hasMessageContaining("too long");
    }

    @Test
    void luceneSyntaxIsJustPunctuation() {
        Topic t = parser.parse("oil AND (gas OR coal*) title:opec~2 \"unclosed");
        // AND/OR are stop words, brackets and stars vanish; the tokenizer keeps "title:opec" whole,
        // exactly as it does when indexing articles.
        assertThat(t.requiredTerms()).containsExactlyInAnyOrder("oil", "ga", "coal", "title:opec", "2", "unclos");
    }

    @Test
    void anchorIsTheRarestTermThenTheLongest() {
        Topic t = parser.parse("opec oil production");
        assertThat(t.anchorTerm(term -> 0)).isEqualTo("product");
        assertThat(t.anchorTerm(term -> term.equals("opec") ? 1 : 100)).isEqualTo("opec");
    }
}
