package dev.newsbrief.brief;

import dev.newsbrief.core.OptionException;
import java.util.Objects;

/**
 * How a briefing is put together (config section {@code brief:}).
 *
 * @param maxChars          length budget of lead plus items as read (markup excluded)
 * @param maxItems          supporting items per briefing or "More" page
 * @param sentencesPerItem  most sentences quoted per item
 * @param maxSentenceChars  a longer sentence is shortened at a word boundary with an ellipsis
 * @param redundancy        word overlap (Jaccard of index terms) at which a sentence repeats another
 * @param ranking           retrieval and scoring parameters
 */
public record BriefOptions(int maxChars, int maxItems, int sentencesPerItem, int maxSentenceChars,
        double redundancy, RankingOptions ranking) {

    public static BriefOptions defaults() {
        return new BriefOptions(700, 3, 2, 320, 0.5, RankingOptions.defaults());
    }

    public BriefOptions {
        if (maxChars < 100 || maxChars > 4000) {
            throw new OptionException("maxChars", "must be between 100 and 4000, got " + maxChars);
        }
        if (maxItems < 1) {
            throw new OptionException("maxItems", "must be positive, got " + maxItems);
        }
        if (sentencesPerItem < 1) {
            throw new OptionException("sentencesPerItem", "must be positive, got " + sentencesPerItem);
        }
        if (maxSentenceChars < 40) {
            throw new OptionException("maxSentenceChars", "must be at least 40, got " + maxSentenceChars);
        }
        if (redundancy <= 0 || redundancy > 1) {
            throw new OptionException("redundancy", "must be in (0, 1], got " + redundancy);
        }
        Objects.requireNonNull(ranking, "ranking");
    }

    public BriefOptions withRanking(RankingOptions newRanking) {
        return new BriefOptions(maxChars, maxItems, sentencesPerItem, maxSentenceChars, redundancy, newRanking);
    }
}
