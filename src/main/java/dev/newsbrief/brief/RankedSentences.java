package dev.newsbrief.brief;

import dev.newsbrief.brief.SentenceScorer.Candidate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * An article's scored sentences, best first, each finished (its answer phrase spotted, its shown
 * text cut) only when the list is read that far. A sentence's score without its answer fit is
 * known beforehand, and so is the most the fit can add ({@link Draft#upper()}); the next sentence
 * is final once no unfinished sentence can still outscore it. A briefing reads the first few
 * sentences of most articles, so most sentences are never spotted. The order is exactly that of
 * sorting every finished sentence by score (ties in reading order). Not thread-safe: one list
 * serves one request.
 */
final class RankedSentences extends AbstractList<Candidate> {
    /**
     * A sentence before its answer fit is known.
     *
     * @param index reading order within the article (breaks ties between equal scores)
     * @param upper the highest score it can reach, whatever its answer fit
     * @param finish scores it in full
     */
    record Draft(int index, double upper, Supplier<Candidate> finish) {
    }

    private record Finished(int index, Candidate candidate) {
    }

    private static final Comparator<Finished> BEST_FIRST = Comparator
            .comparingDouble((Finished f) -> -f.candidate().score()).thenComparingInt(Finished::index);

    private final List<Draft> drafts;
    private final PriorityQueue<Finished> pending = new PriorityQueue<>(BEST_FIRST);
    private final List<Candidate> done = new ArrayList<>();
    private int next;

    RankedSentences(List<Draft> drafts) {
        List<Draft> byUpper = new ArrayList<>(drafts);
        byUpper.sort(Comparator.comparingDouble((Draft d) -> -d.upper()).thenComparingInt(Draft::index));
        this.drafts = byUpper;
    }

    @Override
    public Candidate get(int i) {
        if (i < 0 || i >= drafts.size()) {
            throw new IndexOutOfBoundsException(i);
        }
        while (done.size() <= i) {
            // finish every draft that could still reach the best finished score (ties included)
            while (next < drafts.size() && (pending.isEmpty()
                    || drafts.get(next).upper() >= pending.peek().candidate().score())) {
                Draft d = drafts.get(next++);
                pending.add(new Finished(d.index(), d.finish().get()));
            }
            done.add(pending.poll().candidate());
        }
        return done.get(i);
    }

    @Override
    public int size() {
        return drafts.size();
    }

    /**
     * {@code ranked} (best first) with some of its first {@code within} sentences re-scored
     * ({@code rescored}: old to new, by identity), best first again: the order a stable sort of
     * the whole list by the new scores gives, without finishing more of {@code ranked} than read.
     */
    static List<Candidate> rescore(List<Candidate> ranked, Map<Candidate, Candidate> rescored, int within) {
        List<Finished> moved = new ArrayList<>();
        for (int i = 0; i < Math.min(within, ranked.size()); i++) {
            Candidate now = rescored.get(ranked.get(i));
            if (now != null) {
                moved.add(new Finished(i, now));
            }
        }
        if (moved.isEmpty()) {
            return ranked;
        }
        moved.sort(BEST_FIRST);
        return new AbstractList<>() {
            private final List<Candidate> merged = new ArrayList<>();
            private int fromRanked;
            private int fromMoved;

            @Override
            public Candidate get(int i) {
                if (i < 0 || i >= ranked.size()) {
                    throw new IndexOutOfBoundsException(i);
                }
                while (merged.size() <= i) {
                    while (fromRanked < ranked.size() && rescored.containsKey(ranked.get(fromRanked))) {
                        fromRanked++; // its new score places it through moved
                    }
                    Finished m = fromMoved < moved.size() ? moved.get(fromMoved) : null;
                    Candidate c = fromRanked < ranked.size() ? ranked.get(fromRanked) : null;
                    if (m != null && (c == null || m.candidate().score() > c.score()
                            || (m.candidate().score() == c.score() && m.index() < fromRanked))) {
                        merged.add(m.candidate());
                        fromMoved++;
                    } else {
                        merged.add(c);
                        fromRanked++;
                    }
                }
                return merged.get(i);
            }

            @Override
            public int size() {
                return ranked.size();
            }
        };
    }

    /** How many sentences were finished (spotted): for tests. */
    int finished() {
        return next;
    }
}
