package dev.newsbrief.brief;

import dev.newsbrief.brief.SentenceScorer.Candidate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Answer redundancy, as the web question-answering systems use it (AskMSR, Brill et al. 2002;
 * Clarke et al. 2001): an answer phrase that several of the top articles give, each in a sentence
 * about the question, is more likely the answer than one a single article gives. The strong
 * sentences of the evidence articles that hold a phrase of the asked-for type are compared; a
 * sentence whose phrase other articles' strong sentences also give ("Susan Phillips" in five
 * articles about the CFTC) gains a little for each, so the lead and the items prefer it over a
 * sentence of the first article that holds another phrase of the type.
 */
final class AnswerSupport {
    /** Added to a sentence's score for each other article whose strong sentences give its answer. */
    static final double WEIGHT = 0.25;
    /** Most supporting articles counted: beyond two, agreement says little more. */
    static final int MOST_SUPPORT = 2;
    /** Sentences read per article: its strongest few. */
    static final int PER_ARTICLE = 4;
    /** A sentence is strong when it scores at least this share of the best sentence of all. */
    static final double STRONG = 0.6;
    /**
     * A sentence votes only with a phrase of about the main type asked for, near the question's
     * words: a secondary type (a firm for "who", weighed 0.7 at most) or a far-off phrase would let
     * the story's own recurring names outvote the answer.
     */
    static final double MIN_FIT = 0.75;
    /** A phrase shorter than this (normalised) supports only an identical one, never one containing it. */
    private static final int MIN_CONTAINED = 4;

    private AnswerSupport() {
    }

    /** A strong sentence holding an answer phrase, from the article ranked {@code rank}. */
    private record Held(int rank, Candidate candidate, String phrase) {
    }

    /**
     * Re-scores, in {@code scored} (the lists {@code perArticle} fills), the strong answer-holding
     * sentences of the first {@code articles} articles by how many other articles support their
     * answer; each list best first again.
     */
    static void apply(IntFunction<List<Candidate>> perArticle, int articles, List<Candidate>[] scored) {
        if (articles < 2) {
            return;
        }
        double best = 0;
        for (int r = 0; r < articles; r++) {
            best = Math.max(best, ItemChoice.best(perArticle.apply(r)));
        }
        if (best <= 0) {
            return;
        }
        List<Held> held = new ArrayList<>();
        for (int r = 0; r < articles; r++) {
            List<Candidate> list = perArticle.apply(r);
            for (int i = 0; i < Math.min(PER_ARTICLE, list.size()); i++) {
                Candidate c = list.get(i);
                if (c.score() < STRONG * best) {
                    break; // best first: none further is strong
                }
                String phrase = SentenceKey.of(c.answer());
                if (c.answerFit() >= MIN_FIT && !phrase.isEmpty()) {
                    held.add(new Held(r, c, phrase));
                }
            }
        }
        Map<Candidate, Candidate> rescored = new IdentityHashMap<>();
        for (Held h : held) {
            Set<Integer> supporters = new HashSet<>();
            for (Held other : held) {
                if (other.rank() != h.rank() && same(h.phrase(), other.phrase())) {
                    supporters.add(other.rank());
                }
            }
            if (!supporters.isEmpty()) {
                Candidate c = h.candidate();
                rescored.put(c, c.withScore(c.score() + WEIGHT * Math.min(MOST_SUPPORT, supporters.size())));
            }
        }
        if (rescored.isEmpty()) {
            return;
        }
        for (int r = 0; r < articles; r++) {
            if (scored[r] != null) {
                scored[r] = RankedSentences.rescore(scored[r], rescored, PER_ARTICLE);
            }
        }
    }

    /**
     * Whether two normalised phrases give the same answer: equal, or the shorter a whole-word part
     * of the longer ("susan phillips" in "cftc chairman susan phillips").
     */
    static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= MIN_CONTAINED && (" " + longer + " ").contains(" " + shorter + " ");
    }
}
