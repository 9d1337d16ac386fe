package dev.newsbrief.stories;

import dev.newsbrief.core.OptionException;
import java.time.Duration;

/**
 * Settings of the {@code stories:} section of the configuration: when two articles report the
 * same story, when a copy is kept as a duplicate, and when a later article of a story is a
 * substantial update that alerts again.
 *
 * @param window               articles are compared only with articles seen within this time of them
 *                             (publication time, else ingestion time)
 * @param minWords             texts with fewer words are too short to compare by shingles: only exact
 *                             duplicates (same normalised text) join a story
 * @param minContainment       share of the shorter text's word 3-shingles the longer must contain at
 *                             least, for the two to be one story
 * @param textContainment      from this containment on, the text alone decides; below it (and for short
 *                             texts always) the facts must agree as well: the shorter's numbers, and each
 *                             headline's names, appear in the other
 * @param shortTextWords       texts under this many words always need agreeing facts
 * @param duplicateContainment an article whose shingles lie at least this much inside one stored article
 *                             is kept as its duplicate: stored, not indexed, never alerted
 * @param updateShare          a later article is a substantial update (it alerts again) when paragraphs
 *                             new to the story hold at least this share of its words...
 * @param updateWords          ...and at least this many words
 */
public record StoryOptions(Duration window, int minWords, double minContainment, double textContainment,
        int shortTextWords, double duplicateContainment, double updateShare, int updateWords) {

    public static final StoryOptions DEFAULTS = new StoryOptions(Duration.ofDays(3), 25, 0.3, 0.8, 60, 0.9, 0.3, 40);

    public StoryOptions {
        if (window == null || window.isNegative()) {
            throw new OptionException("window", "must be a duration of zero or more (got " + window + ")");
        }
        atLeast("minWords", minWords, 1);
        atLeast("shortTextWords", shortTextWords, 0);
        atLeast("updateWords", updateWords, 0);
        share("minContainment", minContainment);
        share("textContainment", textContainment);
        share("duplicateContainment", duplicateContainment);
        share("updateShare", updateShare);
        if (minContainment > textContainment) {
            throw new OptionException("minContainment", "must not exceed text-containment (" + minContainment
                    + " > " + textContainment + ")");
        }
    }

    private static void atLeast(String option, int value, int min) {
        if (value < min) {
            throw new OptionException(option, "must be at least " + min + " (got " + value + ")");
        }
    }

    private static void share(String option, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new OptionException(option, "must be above 0 and at most 1 (got " + value + ")");
        }
    }
}
