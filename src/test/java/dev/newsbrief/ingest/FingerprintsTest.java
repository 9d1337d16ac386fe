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

    @Test
    void simhashIsStableAndCloseForSmallEdits() {
        String base = "The central bank kept its main interest rate unchanged on Thursday, saying inflation was easing "
                + "but the labour market remained tight, and signalled that cuts could come later in the year if "
                + "price pressures continued to fade across the economy and wages grew more slowly than expected.";
        String edited = base.replace("Thursday", "Wednesday").replace("more slowly", "slower");
        String other = "Heavy rain flooded dozens of villages in the north of the country, forcing thousands of people "
                + "from their homes, and officials warned that rivers could rise further over the weekend as more "
                + "storms moved in from the sea and emergency crews struggled to reach the worst hit areas.";
        long h = simhash(base);
        assertThat(simhash(base)).isEqualTo(h);
        assertThat(Fingerprints.hamming(h, simhash(edited))).isLessThanOrEqualTo(NearDuplicateDetector.Options.DEFAULTS.maxHamming());
        assertThat(Fingerprints.hamming(h, simhash(other))).isGreaterThan(NearDuplicateDetector.Options.DEFAULTS.maxHamming());
    }

    @Test
    void containmentMeasuresSharedShingles() {
        long[] a = Fingerprints.shingles(List.of("a", "b", "c", "d", "e"));
        long[] b = Fingerprints.shingles(List.of("a", "b", "c", "d"));
        long[] c = Fingerprints.shingles(List.of("x", "y", "z", "w"));
        assertThat(NearDuplicateDetector.containment(a, b)).isEqualTo(1.0);
        assertThat(NearDuplicateDetector.containment(a, c)).isZero();
    }

    private static long simhash(String text) {
        return Fingerprints.simhash(Fingerprints.shingles(Fingerprints.words(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "One", "Two words", "Kim Jong Un met Shoigu in 2024; "
            + "talks (on arms) went on.\n\nSecond PARAGRAPH, with 3,000 tonnes!", "  --  ", "Café au lait costs €3 in İzmir",
        "a b c d e f g h"})
    void theOnePassSummaryEqualsTheWordByWordFingerprints(String text) {
        List<String> words = Fingerprints.words(text);
        Fingerprints.Summary summary = Fingerprints.summarise(text);
        assertThat(summary.contentHash()).isEqualTo(Fingerprints.contentHash(words));
        assertThat(summary.shingles()).containsExactly(Fingerprints.shingles(words));
        assertThat(summary.wordCount()).isEqualTo(words.size());
    }
}
