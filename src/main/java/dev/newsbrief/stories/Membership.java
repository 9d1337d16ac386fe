package dev.newsbrief.stories;

import java.time.Instant;

/**
 * How one article belongs to its story.
 *
 * @param articleId   the article
 * @param storyId     its story
 * @param seenAt      its time: publication, else ingestion
 * @param how         how it joined
 * @param matched     the article it was matched with, or null (first of its story, too short)
 * @param containment verified containment with {@code matched}, or 0
 * @param newShare    share of its words in paragraphs new to the story when it joined
 * @param update      whether it was a substantial update, which alerts again
 */
public record Membership(String articleId, long storyId, Instant seenAt, How how, String matched,
        double containment, double newShare, boolean update) {

    /** How an article joined its story. */
    public enum How {
        /** It started the story. */
        FIRST,
        /** Same normalised text as a stored article: a duplicate. */
        EXACT,
        /** Its text lies almost wholly inside a stored article: a duplicate. */
        COPY,
        /** Another report of the story, verified by containment (and facts). */
        STORY,
        /** Too short to compare by shingles and no exact duplicate: a story of its own. */
        SHORT;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static How of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Whether this article started its story (or stands alone, being too short to compare). */
    public boolean startedStory() {
        return how == How.FIRST || how == How.SHORT;
    }
}
