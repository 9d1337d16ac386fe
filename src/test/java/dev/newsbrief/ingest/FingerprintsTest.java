package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintsTest {

    @Test
    void contentHashIgnoresCasePunctuationAndSpacing() {
        String a = Fingerprints.contentHash(Fingerprints.words("Kim met Shoigu, in Pyongyang."));
        String b = Fingerprints.contentHash(Fingerprints.words("kim  met shoigu in\n\nPyongyang"));
        String c = Fingerprints.contentHash(Fingerprints.words("Kim met Putin in Moscow."));
        assertThat(a).isEqualTo(b).hasSize(64).isNotEqualTo(c);
    }

    @Test
    void wordsAreLowerCasedLettersAndDigits() {
        assertThat(Fingerprints.words("U.S. sent 1,000 troops—Korea’s")).containsExactly("u", "s", "sent", "1", "000",
                "troops", "korea", "s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "One", "Two words", "Kim Jong Un met Shoigu in 2024; "
            + "talks (on arms) went on.\n\nSecond PARAGRAPH, with 3,000 tonnes!", "  --  ", "Café au lait costs €3 in İzmir",
        "a b c d e f g h"})
    void theOnePassSummaryEqualsTheWordByWordFingerprints(String text) {
        List<String> words = Fingerprints.words(text);
        Fingerprints.Summary summary = Fingerprints.summarise(text);
        assertThat(summary.contentHash()).isEqualTo(Fingerprints.contentHash(words));
        assertThat(summary.wordCount()).isEqualTo(words.size());
    }
}
