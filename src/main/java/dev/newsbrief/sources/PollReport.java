package dev.newsbrief.sources;

import java.time.Instant;

/**
 * The result of polling one source once.
 *
 * @param newItems items not delivered before (including ones the keywords filtered out)
 * @param ingested articles the pipeline added or updated
 * @param error    the failure, or null
 */
public record PollReport(String source, Status status, int newItems, int ingested, String error, Instant nextPollAt) {
    public enum Status { OK, NOT_MODIFIED, FAILED }
}
