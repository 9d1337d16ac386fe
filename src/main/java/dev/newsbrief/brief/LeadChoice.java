package dev.newsbrief.brief;

import dev.newsbrief.brief.SentenceScorer.Candidate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The lead of a briefing: of the top articles' sentences, the one scoring best (its article's rank
 * discounted) that is on point, naming the query or holding the kind of answer asked for. Further
 * sentences of the items must be on point in the same sense.
 */
final class LeadChoice {
    /** A sentence with at least this answer fit holds the answer asked for. */
    static final double FOUND = 0.5;

    private LeadChoice() {
    }

    /**
     * The lead: of the first {@code articles} articles' sentences, the one scoring best (its article's
     * rank discounted) that names the query or holds the answer asked for; the first of equals.
     * Each list is best first, so an article is read only down to its first such sentence.
     */
    static Candidate choose(IntFunction<List<Candidate>> perArticle, int articles,
            Function<ArticleHit, SentenceScorer.Query> view) {
        Candidate lead = null;
        double leadValue = 0;
        for (int r = 0; r < articles; r++) {
            for (Candidate c : perArticle.apply(r)) {
                if (c.score() <= 0) {
                    break;
                }
                if (onPoint(c, view.apply(c.article()).wanted())) {
                    double value = c.score() * discount(c.rank());
                    if (lead == null || value > leadValue) {
                        lead = c;
                        leadValue = value;
                    }
                    break;
                }
            }
        }
        return lead;
    }

    /** Whether a sentence names the query ({@code wanted}) or holds the answer asked for. */
    static boolean onPoint(Candidate c, Set<String> wanted) {
        return hasAny(c.terms(), wanted) || c.answerFit() >= FOUND;
    }

    /** How much an article's rank weighs on its sentences: 1 for the best, 0.59 for the eighth. */
    static double discount(int rank) {
        return 1 / (1 + 0.1 * rank);
    }

    private static boolean hasAny(Set<String> terms, Set<String> wanted) {
        for (String w : wanted) {
            if (terms.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
