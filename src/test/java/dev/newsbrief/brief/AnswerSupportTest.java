package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.brief.SentenceScorer.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Answer redundancy: a phrase that other articles' strong sentences also give lifts its sentences. */
class AnswerSupportTest {
    private static Candidate sentence(int rank, int order, double score, double fit, String answer) {
        return new Candidate(null, rank, 0, order, "sentence " + rank + "." + order, List.of(), Set.of(), score, fit,
                answer);
    }

    @SuppressWarnings("unchecked")
    private static List<Candidate>[] table(List<List<Candidate>> lists) {
        List<Candidate>[] scored = (List<Candidate>[]) new List<?>[lists.size()];
        for (int r = 0; r < lists.size(); r++) {
            scored[r] = new ArrayList<>(lists.get(r));
        }
        return scored;
    }

    private static void apply(List<Candidate>[] scored) {
        IntFunction<List<Candidate>> perArticle = r -> scored[r];
        AnswerSupport.apply(perArticle, scored.length, scored);
    }

    @Test
    void anAnswerTwoOtherArticlesGiveOvertakesOneOnlyTheFirstArticleGives() {
        List<Candidate>[] scored = table(List.of(
                List.of(sentence(0, 1, 1.6, 1.0, "Karl Weber"), sentence(0, 3, 1.3, 1.0, "Susan Phillips")),
                List.of(sentence(1, 4, 1.4, 1.0, "CFTC Chairman Susan Phillips")),
                List.of(sentence(2, 3, 1.2, 1.0, "Susan Phillips"), sentence(2, 1, 1.1, 0.0, ""))));
        apply(scored);

        // each "Susan Phillips" sentence is backed by the two other articles: +2 x WEIGHT
        double lift = 2 * AnswerSupport.WEIGHT;
        assertThat(scored[0].get(0).answer()).isEqualTo("Susan Phillips");
        assertThat(scored[0].get(0).score()).isEqualTo(1.3 + lift);
        assertThat(scored[0].get(1).answer()).isEqualTo("Karl Weber");
        assertThat(scored[0].get(1).score()).isEqualTo(1.6); // nobody else names him
        assertThat(scored[1].get(0).score()).isEqualTo(1.4 + lift);
        assertThat(scored[2].get(0).score()).isEqualTo(1.2 + lift);
        assertThat(scored[2].get(1).score()).isEqualTo(1.1); // holds no answer
    }

    @Test
    void onlyStrongSentencesOfTheMainTypeVoteAndOneArticleCountsOnce() {
        List<Candidate>[] scored = table(List.of(
                List.of(sentence(0, 1, 2.0, 1.0, "12 mln dlrs")),
                // a secondary type (a firm for "who": fit 0.7) neither votes nor gains
                List.of(sentence(1, 1, 1.8, 0.7, "12 mln dlrs"), sentence(1, 2, 1.7, 1.0, "Acme Corp")),
                // too weak to vote (below STRONG x the best), though it names the same amount
                List.of(sentence(2, 1, 1.0, 1.0, "12 mln dlrs")),
                // one article saying it twice is one supporter
                List.of(sentence(3, 1, 1.5, 1.0, "Acme Corp"), sentence(3, 2, 1.4, 1.0, "Acme Corp"))));
        apply(scored);

        assertThat(scored[0].get(0).score()).isEqualTo(2.0);
        assertThat(scored[1].get(0).score()).isEqualTo(1.7 + AnswerSupport.WEIGHT);
        assertThat(scored[1].get(0).answer()).isEqualTo("Acme Corp");
        assertThat(scored[1].get(1).score()).isEqualTo(1.8);
        assertThat(scored[2].get(0).score()).isEqualTo(1.0);
        assertThat(scored[3].get(0).score()).isEqualTo(1.5 + AnswerSupport.WEIGHT);
        assertThat(scored[3].get(1).score()).isEqualTo(1.4 + AnswerSupport.WEIGHT);
    }

    @Test
    void supportIsCappedAtTwoArticles() {
        List<List<Candidate>> lists = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            lists.add(List.of(sentence(r, 1, 1.5, 1.0, "September 14")));
        }
        List<Candidate>[] scored = table(lists);
        apply(scored);
        for (List<Candidate> list : scored) {
            assertThat(list.get(0).score()).isEqualTo(1.5 + AnswerSupport.MOST_SUPPORT * AnswerSupport.WEIGHT);
        }
    }

    @Test
    void phrasesAgreeWhenEqualOrOneIsAWholeWordPartOfTheOther() {
        assertThat(AnswerSupport.same("susan phillips", "cftc chairman susan phillips")).isTrue();
        assertThat(AnswerSupport.same("1 4 billion dlrs", "1 4 billion dlrs")).isTrue();
        assertThat(AnswerSupport.same("coca cola co ko", "coca cola co")).isTrue();
        assertThat(AnswerSupport.same("phil", "susan phillips")).isFalse(); // not a whole word
        assertThat(AnswerSupport.same("co", "boeing co")).isFalse(); // too short to stand for the name
        assertThat(AnswerSupport.same("co", "co")).isTrue();
        assertThat(AnswerSupport.same("20 pct", "25 pct")).isFalse();
    }

    @Test
    void aSingleArticleOrNoAnswerChangesNothing() {
        List<Candidate>[] one = table(List.of(List.of(sentence(0, 1, 1.0, 1.0, "Oslo"))));
        apply(one);
        assertThat(one[0].get(0).score()).isEqualTo(1.0);
        List<Candidate>[] none = table(List.of(List.of(sentence(0, 1, 1.0, 0, "")), List.of(sentence(1, 1, 1.0, 0, ""))));
        apply(none);
        assertThat(none[0].get(0).score()).isEqualTo(1.0);
        assertThat(none[1].get(0).score()).isEqualTo(1.0);
    }
}
