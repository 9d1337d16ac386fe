package dev.newsbrief.bench;

import dev.newsbrief.bench.QuestionSet.Question;
import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores answers to a question set as a user reads them. For each question the product's answer
 * (the briefing from the same code path the bot uses) and the search-box baseline
 * ({@link PlainPassageSearch}, top passages in rank order) are cut at the same character budget:
 * <ul>
 *   <li>answered: every answer string appears in that text;</li>
 *   <li>cited: an article that answers it is among the briefing's items (for the baseline: among
 *       the passages shown within the budget).</li>
 * </ul>
 */
public final class QuestionEval {
    /** How one question fared, for the product and the baseline. */
    public record Outcome(Question question, boolean answered, boolean cited, boolean baselineAnswered,
            boolean baselineCited, String read) {
        public boolean answeredCited() {
            return answered && cited;
        }

        public boolean baselineAnsweredCited() {
            return baselineAnswered && baselineCited;
        }
    }

    /** Passages the baseline reads; more than ever fit the budget. */
    private static final int BASELINE_PASSAGES = 10;

    private final Function<Question, Briefing> ask;
    private final PlainPassageSearch baseline;
    private final Function<String, Set<String>> sameArticle;
    private final int budget;

    /**
     * @param ask         the product's answer to a question (asked in the question's language)
     * @param baseline    the plain search
     * @param sameArticle the ids that stand for an article id (itself, and the original it duplicates)
     * @param budget      characters the user reads ({@code brief.max-chars})
     */
    public QuestionEval(Function<Question, Briefing> ask, PlainPassageSearch baseline,
            Function<String, Set<String>> sameArticle, int budget) {
        this.ask = ask;
        this.baseline = baseline;
        this.sameArticle = sameArticle;
        this.budget = budget;
    }

    public Outcome score(Question q) {
        Set<String> answering = new HashSet<>();
        q.articles().forEach(id -> answering.addAll(sameArticle.apply(id)));

        Briefing b = ask.apply(q);
        String read = ReadText.of(b, budget);
        boolean answered = ReadText.containsAll(read, q.answers());
        boolean cited = false;
        for (BriefItem item : b.items()) {
            cited |= answering.contains(item.citation().articleId());
        }

        List<String> texts = new ArrayList<>();
        boolean baselineCited = false;
        int used = 0;
        for (PlainPassageSearch.Hit h : baseline.top(q.question(), q.lang(), BASELINE_PASSAGES)) {
            if (used >= budget) {
                break;
            }
            texts.add(h.text());
            used += h.text().length() + 1;
            baselineCited |= answering.contains(h.articleId());
        }
        boolean baselineAnswered = ReadText.containsAll(ReadText.ofTexts(texts, budget), q.answers());
        return new Outcome(q, answered, cited, baselineAnswered, baselineCited, read);
    }
}
