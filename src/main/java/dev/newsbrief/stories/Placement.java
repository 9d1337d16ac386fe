package dev.newsbrief.stories;

/**
 * Where a new article goes, decided before it is stored: a new story, another report of a stored
 * story, or a copy of a stored article (kept as its duplicate).
 *
 * @param how         FIRST, STORY, COPY or SHORT
 * @param storyId     the story it joins (0 for a new story)
 * @param matched     the stored article it matched best, or null
 * @param containment verified containment of the shorter text in the longer, or 0
 * @param newShare    share of its words in paragraphs new to the story
 * @param update      whether it is a substantial update of the story
 * @param signature   its MinHash signature, or null when too short to have one
 * @param reason      one line on the decision, for the ingest outcome
 */
public record Placement(Membership.How how, long storyId, String matched, double containment, double newShare,
        boolean update, int[] signature, String reason) {

    /** Whether it is kept as a duplicate of {@link #matched} (stored, not indexed, never alerted). */
    public boolean isCopy() {
        return how == Membership.How.COPY;
    }
}
