package dev.newsbrief.ingest;

/**
 * What ingesting one article did.
 *
 * @param status    the result
 * @param articleId the article's id, or null when it was skipped before it had one
 * @param origin    where it came from (file, file:line, feed item)
 * @param reason    why it was skipped, or which original it duplicates; null otherwise
 */
public record IngestOutcome(Status status, String articleId, String origin, String reason) {

    /** The result of ingesting one article. */
    public enum Status {
        /** New original, stored and indexed. */
        ADDED,
        /** Known id whose content changed; stored and re-indexed in place. */
        UPDATED,
        /** Known id, nothing changed. */
        UNCHANGED,
        /** New article that repeats (exactly or nearly) a stored original; stored with duplicate_of, not indexed. */
        DUPLICATE,
        /** Not stored; {@link #reason} says why. */
        SKIPPED
    }

    public static IngestOutcome skipped(String origin, String reason) {
        return new IngestOutcome(Status.SKIPPED, null, origin, reason);
    }
}
