package dev.newsbrief.sources;

import java.time.Instant;

/** One row of {@code feed_state}: a source's conditional-GET validators and its health. */
public record FeedState(String source, String url, String etag, String lastModified, Instant lastSuccessAt,
        Instant lastErrorAt, String lastError, int consecutiveFailures, long itemsSeen, Instant nextPollAt) {

    public static FeedState fresh(String source, String url) {
        return new FeedState(source, url, null, null, null, null, null, 0, 0, null);
    }

    /** Validators for a conditional GET, only when they were recorded for this same URL. */
    public Validators validatorsFor(String currentUrl) {
        return currentUrl.equals(url) ? new Validators(etag, lastModified) : Validators.NONE;
    }

    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
