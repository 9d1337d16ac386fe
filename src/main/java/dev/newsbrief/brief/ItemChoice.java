package dev.newsbrief.brief;

import dev.newsbrief.brief.SentenceScorer.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The items of a briefing: up to {@code maxItems} from distinct, non-duplicate articles, and their
 * sentences.
 * <ul>
 *   <li>Items come from articles whose relevance is not far below the best one's; an article that
 *       barely matches is left for "More" rather than shown as padding.</li>
 *   <li>Items are filled in passes so that more sources fit the character budget: first one
 *       sentence per article (a shorter, nearly-as-good sentence when the best one would crowd out
 *       the next items), then further sentences in rank order while room is left. The lead's
 *       article may give two more, so the best article can say two or three things.</li>
 *   <li>A briefing whose lead holds the asked-for answer may stay short; one that found no such
 *       sentence (or a keyword query) spends the rest of the budget on the best remaining evidence.</li>
 * </ul>
 * Any sentence that repeats one already chosen is skipped (MMR-style redundancy removal). One
 * instance serves one composition.
 */
final class ItemChoice {
    /** A sentence scoring at most this says too little about the query to be quoted as a further point. */
    private static final double RELEVANT = 0.1;
    /** A shorter sentence may stand in for an article's best one if it scores at least this share of it. */
    private static final double NEARLY_AS_GOOD = 0.7;
    /** An item's article must show at least this share of the lead article's evidence. */
    private static final double ITEM_RELEVANCE = 0.45;
    /** An item's sentence must score at least this share of the lead's. */
    private static final double ITEM_SENTENCE = 0.35;
    /** Further sentences beyond the first pass must score at least this share of the lead when the answer was found. */
    private static final double EXTRA_WHEN_FOUND = 0.6;

    /** An item being filled: the article's rank, whether the lead came from it, its sentences so far. */
    record Slot(int rank, boolean lead, List<Candidate> sentences) {
    }

    /** The items chosen, and which ranked articles they used up (shown or collapsed as duplicates). */
    record Chosen(List<Slot> slots, List<String> consumedIds) {
    }

    private final BriefOptions options;
    private final List<ArticleHit> ranked;
    private final int considered;
    private final int read;
    private final IntFunction<List<Candidate>> perArticle;
    private final Function<ArticleHit, SentenceScorer.Query> view;

    /**
     * @param ranked     the articles to compose from, best first
     * @param considered how many of them may give items
     * @param read       how many of those, the first, are ordered by what their sentences show (the rest
     *                   as ranked, and given no items)
     * @param perArticle an article's scored sentences, best first, by rank
     * @param view       the question as an article's sentences are scored against it
     */
    ItemChoice(BriefOptions options, List<ArticleHit> ranked, int considered, int read,
            IntFunction<List<Candidate>> perArticle, Function<ArticleHit, SentenceScorer.Query> view) {
        this.options = options;
        this.ranked = ranked;
        this.considered = considered;
        this.read = read;
        this.perArticle = perArticle;
        this.view = view;
    }

    /**
     * @param lead         the lead sentence, or null when there is none
     * @param found        whether the lead holds the answer asked for
     * @param answerAsked  whether the question asks for a kind of answer (not a keyword query)
     * @param bar          the score items' sentences are measured against: the lead's, else the best
     * @param budget       characters left for the items
     * @param chosen       the terms of the sentences chosen so far (the lead's); the items' are added
     */
    Chosen choose(Candidate lead, boolean found, boolean answerAsked, double bar, int budget,
            List<Set<String>> chosen) {
        // the best-ranked articles in the order of what their sentences show (answer re-ranking),
        // the lead's first; the rest as ranked
        double[] evidence = new double[considered];
        for (int r = 0; r < read; r++) {
            evidence[r] = Math.max(0, best(perArticle.apply(r))) * LeadChoice.discount(r);
        }
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < considered; r++) {
            order.add(r);
        }
        order.sort(Comparator.comparingInt((Integer r) -> lead != null && r == lead.rank() ? 0 : 1)
                .thenComparingInt(r -> r < read ? 0 : 1)
                .thenComparingDouble(r -> r < read ? -evidence[r] : 0)
                .thenComparingInt(r -> r));
        double bestEvidence = lead != null ? evidence[lead.rank()]
                : read == 0 ? 0 : evidence[order.get(0)];

        // pass 1: one sentence per article, so that as many distinct sources as possible fit
        Set<String> chosenTitles = new HashSet<>();
        List<Slot> slots = new ArrayList<>();
        List<String> consumed = new ArrayList<>();
        for (int r : order) {
            if (slots.size() == options.maxItems()) {
                break;
            }
            PassageHit first = ranked.get(r).first();
            String titleKey = SentenceKey.of(first.title());
            int overhead = overhead(first);
            if (lead != null && r == lead.rank()) {
                // the lead already quotes this article; when it holds the answer, the article's other
                // strong sentences come next, before other sources (it clearly holds the answer)
                Slot slot = new Slot(r, true, new ArrayList<>());
                slots.add(slot);
                chosenTitles.add(titleKey);
                consumed.add(ranked.get(r).articleId());
                budget -= overhead;
                while (slot.sentences().size() < options.sentencesPerItem()) {
                    Candidate extra = found ? extraSentence(perArticle.apply(r), view.apply(ranked.get(r)).wanted(),
                            slot.sentences(), chosen, budget, EXTRA_WHEN_FOUND * bar) : null;
                    if (extra == null && answerAsked) {
                        // the lead missed the kind of answer asked for: a sentence of its article that holds one
                        extra = answerSentence(perArticle.apply(r), slot.sentences(), chosen, budget);
                    }
                    if (extra == null) {
                        break;
                    }
                    budget -= extra.text().length() + 1;
                    chosen.add(extra.terms());
                    slot.sentences().add(extra);
                }
                continue;
            }
            if (!slots.isEmpty() && (r >= read || evidence[r] < ITEM_RELEVANCE * bestEvidence)) {
                break; // the rest say far less than the best article: shown on "More", not as padding
            }
            List<Candidate> openers = firstSentenceOptions(perArticle.apply(r), chosen, ITEM_SENTENCE * bar);
            if (openers.isEmpty() || (!titleKey.isEmpty() && chosenTitles.contains(titleKey))) {
                consumed.add(ranked.get(r).articleId()); // nothing new to say: a duplicate or a repeat
                continue;
            }
            int slotsLeft = options.maxItems() - slots.size();
            int share = (budget - overhead * slotsLeft) / slotsLeft;
            Candidate pickedSentence = opener(openers, share, budget - overhead);
            if (pickedSentence == null) {
                continue; // too long for what is left; a later page can show it
            }
            budget -= overhead + pickedSentence.text().length() + 1;
            chosen.add(pickedSentence.terms());
            chosenTitles.add(titleKey);
            consumed.add(ranked.get(r).articleId());
            slots.add(new Slot(r, false, new ArrayList<>(List.of(pickedSentence))));
        }

        // pass 2: further sentences, best items first, while they fit; the lead's article may give
        // two beside the lead. Once the answer is found only strong ones; otherwise the best
        // remaining evidence fills the budget.
        double extraBar = found ? EXTRA_WHEN_FOUND * bar : RELEVANT;
        for (int round = 0; round < options.sentencesPerItem(); round++) {
            for (Slot slot : slots) {
                if (slot.sentences().size() > round || slot.sentences().size() >= options.sentencesPerItem()) {
                    continue;
                }
                Candidate extra = extraSentence(perArticle.apply(slot.rank()), view.apply(ranked.get(slot.rank())).wanted(),
                        slot.sentences(), chosen, budget, slot.lead() ? Math.min(extraBar, bar * ITEM_SENTENCE) : extraBar);
                if (extra != null) {
                    budget -= extra.text().length() + 1;
                    chosen.add(extra.terms());
                    slot.sentences().add(extra);
                }
            }
        }
        return new Chosen(slots, consumed);
    }

    /** The best score of a best-first list of sentences, 0 when it is empty. */
    static double best(List<Candidate> candidates) {
        return candidates.isEmpty() ? 0 : candidates.get(0).score();
    }

    /** Characters an item costs beyond its sentences: its title, source and date line. */
    private static int overhead(PassageHit first) {
        return first.title().length() + (first.source() == null ? 0 : first.source().length()) + 16;
    }

    /**
     * The sentences that may open an item, best first: not repeating what was chosen, relevant
     * (above {@code floor}, when the article has any relevant sentence at all: an article can match
     * on its title only), and nearly as good as the best of them (the only ones {@link #opener} takes).
     */
    private List<Candidate> firstSentenceOptions(List<Candidate> candidates, List<Set<String>> chosen, double floor) {
        // best first: the first says whether any is relevant, and the relevant ones come before the rest
        boolean anyRelevant = best(candidates) > RELEVANT;
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if ((anyRelevant && c.score() <= Math.max(RELEVANT, floor))
                    || (!out.isEmpty() && c.score() < out.get(0).score() * NEARLY_AS_GOOD)) {
                break; // none further is relevant, or could stand in for the best (see opener)
            }
            if (!repeats(c, chosen)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The best option within {@code share} characters, so later items still fit; else the shortest
     * nearly-as-good one within {@code room}; null when none fits. "Nearly as good" keeps a short
     * but off-point sentence from replacing the one that answers.
     */
    private static Candidate opener(List<Candidate> options, int share, int room) {
        double good = options.get(0).score() * NEARLY_AS_GOOD;
        Candidate shortest = null;
        for (Candidate c : options) {
            if (c.score() < good) {
                break;
            }
            int length = c.text().length() + 1;
            if (length <= share) {
                return c;
            }
            if (length <= room && (shortest == null || length < shortest.text().length() + 1)) {
                shortest = c;
            }
        }
        if (shortest == null && options.get(0).text().length() + 1 <= room) {
            return options.get(0);
        }
        return shortest;
    }

    /**
     * The best further sentence of an item scoring above {@code floor} that repeats nothing and
     * fits {@code room}, or null.
     */
    private Candidate extraSentence(List<Candidate> candidates, Set<String> wanted, List<Candidate> already,
            List<Set<String>> chosen, int room, double floor) {
        for (Candidate c : candidates) {
            if (c.score() <= Math.max(RELEVANT, floor)) {
                break;
            }
            // a further sentence must name the query or hold the answer asked for, not just come from a
            // well-ranked article
            boolean onPoint = LeadChoice.onPoint(c, wanted);
            if (onPoint && !already.contains(c) && c.text().length() + 1 <= room && !repeats(c, chosen)) {
                return c;
            }
        }
        return null;
    }

    /** The best sentence holding a phrase of the asked-for type that repeats nothing and fits {@code room}, or null. */
    private Candidate answerSentence(List<Candidate> candidates, List<Candidate> already, List<Set<String>> chosen,
            int room) {
        for (Candidate c : candidates) {
            if (c.score() <= RELEVANT) {
                break; // best first: none further is relevant
            }
            if (c.answerFit() >= LeadChoice.FOUND && !already.contains(c)
                    && c.text().length() + 1 <= room && !repeats(c, chosen)) {
                return c;
            }
        }
        return null;
    }

    private boolean repeats(Candidate c, List<Set<String>> chosen) {
        for (Set<String> s : chosen) {
            if (jaccard(s, c.terms()) >= options.redundancy()) {
                return true;
            }
        }
        return false;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
