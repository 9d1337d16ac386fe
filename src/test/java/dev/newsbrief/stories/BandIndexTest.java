package dev.newsbrief.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The band index against brute force: every stored entry compared with the query. */
class BandIndexTest {
    private static final long DAY = 86_400_000L;
    private static final long WINDOW = 3 * DAY;

    @Test
    void candidatesAreExactlyTheEntriesSharingABandWithinTheWindowWhateverIsLoadedOrEvicted() throws Exception {
        Random rnd = new Random(42);
        List<BandIndex.Entry> stored = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int[] keys = new int[8];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = rnd.nextInt(400); // a small key space: many collisions, as in real bands
            }
            stored.add(new BandIndex.Entry("a" + i, i / 3, rnd.nextLong(60 * DAY), keys));
        }
        Map<Long, List<BandIndex.Entry>> byDay = stored.stream()
                .collect(Collectors.groupingBy(e -> BandIndex.dayOf(e.seenAt()), TreeMap::new, Collectors.toList()));
        int[] loads = {0};
        BandIndex.Loader loader = (from, to, sink) -> {
            loads[0]++;
            for (long d = from; d <= to; d++) {
                byDay.getOrDefault(d, List.of()).forEach(sink);
            }
        };
        BandIndex index = new BandIndex(10);
        for (int q = 0; q < 400; q++) {
            long t = rnd.nextLong(60 * DAY);
            int[] keys = new int[8];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = rnd.nextInt(400);
            }
            index.ensureLoaded(BandIndex.dayOf(t - WINDOW), BandIndex.dayOf(t + WINDOW), loader);
            if (q % 50 == 0) {
                index.invalidate(List.of(BandIndex.dayOf(t))); // as after a rollback: read again
                index.ensureLoaded(BandIndex.dayOf(t - WINDOW), BandIndex.dayOf(t + WINDOW), loader);
            }
            Map<String, Integer> expected = bruteForce(stored, "a" + q, keys, t);
            Map<String, Integer> got = new HashMap<>();
            index.candidates("a" + q, keys, t, WINDOW).forEach(c -> got.put(c.articleId(), c.bands()));
            assertThat(got).as("query %d", q).isEqualTo(expected);
            assertThat(index.loadedDays()).isLessThanOrEqualTo(10);
        }
        assertThat(loads[0]).as("days are read again after eviction").isGreaterThan(10);
    }

    @Test
    void anEntryAddedAgainReplacesItsEarlierKeys() throws Exception {
        BandIndex index = new BandIndex(4);
        index.ensureLoaded(0, 0, (from, to, sink) -> { });
        index.add(new BandIndex.Entry("x", 1, 1000, new int[] {1, 2}));
        index.add(new BandIndex.Entry("x", 1, 2000, new int[] {3, 4}));
        assertThat(index.candidates("q", new int[] {1, 2}, 1000, WINDOW)).isEmpty();
        assertThat(index.candidates("q", new int[] {3, 9}, 1000, WINDOW)).singleElement()
                .satisfies(c -> assertThat(c.bands()).isEqualTo(1));
        assertThat(index.candidates("x", new int[] {3, 4}, 1000, WINDOW)).as("never its own candidate").isEmpty();
    }

    @Test
    void aBandSharedByTooManyArticlesIsATemplateAndIsSkipped() throws Exception {
        BandIndex index = new BandIndex(4);
        index.ensureLoaded(0, 0, (from, to, sink) -> { });
        for (int i = 0; i <= BandIndex.MAX_CHAIN; i++) {
            index.add(new BandIndex.Entry("t" + i, i, 1000, new int[] {7, 1000 + i}));
        }
        assertThat(index.candidates("q", new int[] {7}, 1000, WINDOW)).isEmpty();
        assertThat(index.candidates("q", new int[] {7, 1003}, 1000, WINDOW)).extracting(BandIndex.Candidate::articleId)
                .containsExactly("t3");
    }

    private static Map<String, Integer> bruteForce(List<BandIndex.Entry> stored, String self, int[] keys, long t) {
        Map<String, Integer> out = new HashMap<>();
        for (BandIndex.Entry e : stored) {
            if (e.articleId().equals(self) || Math.abs(e.seenAt() - t) > WINDOW) {
                continue;
            }
            int bands = 0; // pairs of equal keys (real band keys differ from band to band, so: shared bands)
            for (int q : keys) {
                for (int k : e.keys()) {
                    bands += q == k ? 1 : 0;
                }
            }
            if (bands > 0) {
                out.put(e.articleId(), bands);
            }
        }
        return out;
    }
}
