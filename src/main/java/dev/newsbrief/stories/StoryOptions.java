package dev.newsbrief.stories;

import dev.newsbrief.config.Config;
import java.time.Duration;

/**
 * Settings of the {@code stories} section of {@code config/newsbrief.yaml}: when two articles
 * report the same story, when a copy is kept as a duplicate, and when a later article of a story
 * is a substantial update that alerts again. {@link #from} is the one mapper from configuration.
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
 * @param shortWords           texts under this many words always need agreeing facts
 * @param duplicateContainment an article whose shingles lie at least this much inside one stored article
 *                             is kept as its duplicate: stored, not indexed, never alerted
 * @param updateShare          a later article is a substantial update (it alerts again) when paragraphs
 *                             new to the story hold at least this share of its words...
 * @param updateWords          ...and at least this many words
 */
public record StoryOptions(Duration window, int minWords, double minContainment, double textContainment,
        int shortWords, double duplicateContainment, double updateShare, int updateWords) {

    public static final StoryOptions DEFAULTS = from(Config.defaults());

    public StoryOptions {
        if (window.isNegative() || minWords < 1 || shortWords < 0 || updateWords < 0
                || !share(minContainment) || !share(textContainment) || !share(duplicateContainment)
                || !share(updateShare) || minContainment > textContainment) {
            throw new IllegalArgumentException("bad story options: " + window + ", " + minWords + ", "
                    + minContainment + ", " + textContainment + ", " + shortWords + ", " + duplicateContainment
                    + ", " + updateShare + ", " + updateWords);
        }
    }

    public static StoryOptions from(Config c) {
        return new StoryOptions(c.duration("stories.window"), c.integer("stories.min-words"),
                c.decimal("stories.min-containment"), c.decimal("stories.text-containment"),
                c.integer("stories.short-text-words"), c.decimal("stories.duplicate-containment"),
                c.decimal("stories.update-share"), c.integer("stories.update-words"));
    }

    private static boolean share(double v) {
        return v > 0 && v <= 1;
    }
}
