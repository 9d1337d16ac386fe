package dev.newsbrief.brief;

import dev.newsbrief.brief.SentenceScorer.Candidate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * Adds the question-sentence similarity to the best few candidate sentences of the evidence
 * articles (each costs one embedding, so only the contenders are judged this way): shared words
 * miss a paraphrase ("before" for "previously"), meaning does not.
 */
final class MeaningJudge {
    /** Characters of a candidate sentence embedded to compare it with the question. */
    static final int MEANING_CHARS = 100;

    private final double sentenceWeight;
    private final int sentenceCandidates;

    /**
     * @param sentenceWeight     weight of a sentence's similarity to the question
     * @param sentenceCandidates sentences judged by that similarity per question
     */
    MeaningJudge(double sentenceWeight, int sentenceCandidates) {
        this.sentenceWeight = sentenceWeight;
        this.sentenceCandidates = sentenceCandidates;
    }

    /**
     * Re-scores the best {@code sentenceCandidates} sentences of the first {@code articles}
     * articles in {@code scored} (the lists {@code perArticle} fills), each list best first again.
     */
    void judge(IntFunction<List<Candidate>> perArticle, int articles, ToDoubleFunction<String> similarity,
            List<Candidate>[] scored, Function<ArticleHit, SentenceScorer.Query> view) {
        // each article's list is best first and an article's discount is the same for all its sentences:
        // the best few overall are merged from the heads of the lists (the first article's on equal values)
        List<Candidate> judged = new ArrayList<>();
        int[] next = new int[articles];
        while (judged.size() < sentenceCandidates) {
            int from = -1;
            double value = 0;
            for (int r = 0; r < articles; r++) {
                List<Candidate> list = perArticle.apply(r);
                if (next[r] < list.size()) {
                    double v = list.get(next[r]).score() * LeadChoice.discount(r);
                    if (from < 0 || v > value) {
                        from = r;
                        value = v;
                    }
                }
            }
            if (from < 0) {
                break;
            }
            judged.add(perArticle.apply(from).get(next[from]++));
        }
        Map<Candidate, Candidate> rescored = new IdentityHashMap<>();
        for (Candidate c : judged) {
            String meaning = meaningText(c, view.apply(c.article()).wanted());
            rescored.put(c, c.withScore(c.score() + sentenceWeight * similarity.applyAsDouble(meaning)));
        }
        for (int r = 0; r < articles; r++) {
            if (scored[r] != null) {
                scored[r] = RankedSentences.rescore(scored[r], rescored, sentenceCandidates);
            }
        }
    }

    /**
     * The part of a candidate sentence compared with the question: at most {@value #MEANING_CHARS}
     * characters, from its first query word when the sentence is longer. The model's time grows with
     * its input (about 2.7 ms for a 50-character question, 5 ms for 160 characters, 8 ms for 290
     * on this machine), and the words around the question's own say what the sentence is about.
     */
    static String meaningText(Candidate c, Set<String> wanted) {
        if (c.text().length() <= MEANING_CHARS) {
            return c.text();
        }
        int start = -1;
        int end = -1;
        for (SentenceTerms.Token t : c.tokens()) {
            if (wanted.contains(t.term())) {
                start = t.start();
                end = t.end();
                break;
            }
        }
        return SentenceWindow.of(c.text(), c.tokens(), MEANING_CHARS, start, end).text().replace("\u2026", "").strip();
    }
}
