package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.brief.SentenceScorer.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Differential: the lazily finished list is in exactly the order of sorting every sentence finished. */
class RankedSentencesTest {
    private static Candidate candidate(int order, double score) {
        return new Candidate(null, 0, 0, order, "sentence " + order, List.of(), Set.of(), score, 0);
    }

    /** Drafts whose final score lies at or below their bound; some share a score, some reach their bound. */
    private static List<RankedSentences.Draft> drafts(Random random, int n, List<Candidate> finished, int[] calls) {
        List<RankedSentences.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double upper = random.nextInt(8) / 4.0;
            double score = random.nextBoolean() ? upper : upper - random.nextInt(5) / 4.0;
            Candidate c = candidate(i, score);
            finished.add(c);
            drafts.add(new RankedSentences.Draft(i, upper, () -> {
                calls[0]++;
                return c;
            }));
        }
        return drafts;
    }

    @Test
    void readsInTheOrderOfAStableSortOfEverySentence() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            List<Candidate> all = new ArrayList<>();
            int[] calls = {0};
            RankedSentences ranked = new RankedSentences(drafts(random, random.nextInt(30), all, calls));
            List<Candidate> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparingDouble(Candidate::score).reversed());
            assertThat(ranked).containsExactlyElementsOf(sorted);
            assertThat(calls[0]).isEqualTo(all.size()); // each finished once
        }
    }

    @Test
    void finishesOnlyWhatCouldStillComeFirst() {
        List<RankedSentences.Draft> drafts = new ArrayList<>();
        int[] calls = {0};
        for (int i = 0; i < 20; i++) {
            Candidate c = candidate(i, 1.0 - i * 0.05);
            drafts.add(new RankedSentences.Draft(i, c.score() + 0.06, () -> {
                calls[0]++;
                return c;
            }));
        }
        RankedSentences ranked = new RankedSentences(drafts);
        assertThat(ranked.get(0).order()).isZero();
        assertThat(calls[0]).isEqualTo(2); // the second's bound (1.01) still beat the first's score
        assertThat(ranked.finished()).isEqualTo(2);
        assertThat(ranked).hasSize(20);
    }

    @Test
    void rescoredSentencesMoveAsAStableSortWouldPutThem() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            List<Candidate> all = new ArrayList<>();
            List<Candidate> ranked = new RankedSentences(drafts(random, 1 + random.nextInt(20), all, new int[1]));
            int within = 1 + random.nextInt(3);
            Map<Candidate, Candidate> rescored = new IdentityHashMap<>();
            for (int i = 0; i < Math.min(within, ranked.size()); i++) {
                if (random.nextBoolean()) {
                    Candidate c = ranked.get(i);
                    rescored.put(c, c.withScore(c.score() + (random.nextInt(9) - 4) / 4.0));
                }
            }
            List<Candidate> expected = new ArrayList<>(ranked);
            expected.replaceAll(c -> rescored.getOrDefault(c, c));
            expected.sort(Comparator.comparingDouble(Candidate::score).reversed());
            assertThat(RankedSentences.rescore(ranked, rescored, within)).containsExactlyElementsOf(expected);
        }
    }
}
