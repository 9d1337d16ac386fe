package dev.newsbrief.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHashTest {

    @Test
    void theBandsAreTunedForContainmentOfAtLeastSixTenthsAtHalfTheLength() {
        // C = 0.6 with the shorter text half as long as the longer gives J = 0.25 (see MinHash's doc)
        double j = 0.6 * 0.5 / (1 + 0.5 - 0.6 * 0.5);
        assertThat(j).isCloseTo(0.25, within(1e-9));
        assertThat(MinHash.candidateProbability(j)).isGreaterThanOrEqualTo(0.95);
        assertThat(MinHash.candidateProbability(0.43)).isGreaterThan(0.999);
        assertThat(MinHash.candidateProbability(0.01)).isLessThan(0.01);
    }

    @Test
    void agreeingMinimaEstimateJaccardSimilarity() {
        Random rnd = new Random(7);
        for (double target : new double[] {0.2, 0.5, 0.8}) {
            // two sets of 400 shingles sharing the given Jaccard similarity
            int shared = (int) Math.round(800 * target / (1 + target));
            long[] a = new long[400];
            long[] b = new long[400];
            for (int i = 0; i < 400; i++) {
                a[i] = rnd.nextLong();
                b[i] = i < shared ? a[i] : rnd.nextLong();
            }
            int[] sa = MinHash.signature(a);
            int[] sb = MinHash.signature(b);
            int agree = 0;
            for (int i = 0; i < MinHash.HASHES; i++) {
                agree += sa[i] == sb[i] ? 1 : 0;
            }
            double exact = (double) shared / (800 - shared);
            assertThat((double) agree / MinHash.HASHES).as("J = %.2f", exact).isCloseTo(exact, within(0.12));
        }
    }

    @Test
    void signaturesAndBandKeysAreStableAndRoundTrip() {
        StoryText t = StoryText.of("T", "The central bank kept its main interest rate unchanged on Thursday, saying "
                + "inflation was easing but the labour market remained tight.");
        int[] keys = MinHash.bandKeys(MinHash.signature(t));
        assertThat(keys).hasSize(MinHash.BANDS).containsExactly(MinHash.bandKeys(MinHash.signature(
                StoryText.of("Other headline", "The central bank kept its main interest rate unchanged on Thursday, "
                        + "saying inflation was easing but the labour market remained tight."))));
        assertThat(MinHash.bandKeysFromBytes(MinHash.toBytes(keys))).containsExactly(keys);
        assertThat(MinHash.bandKeysFromBytes(new byte[12])).as("another scheme's keys are ignored").isNull();
    }
}
