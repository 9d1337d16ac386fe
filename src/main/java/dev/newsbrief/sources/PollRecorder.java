package dev.newsbrief.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each poll's outcome in {@code feed_state} and logs only when a source changes state
 * (healthy → failing, failing → healthy), so a source that stays down does not flood the log.
 */
final class PollRecorder {
    private static final Logger log = LoggerFactory.getLogger(PollRecorder.class);

    private final FeedStateStore store;
    private final Backoff backoff;
    private final Clock clock;

    PollRecorder(FeedStateStore store, Backoff backoff, Clock clock) {
        this.store = store;
        this.backoff = backoff;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    PollReport success(Source source, Validators validators, PollReport.Status status, int newItems, int ingested) {
        Instant now = clock.instant();
        Instant next = now.plus(source.interval());
        FeedState before = store.recordSuccess(source.name(), source.location(), validators, now, next);
        if (before.failing()) {
            log.info("{} {} recovered after {} failed polls", source.kind(), source.name(),
                    before.consecutiveFailures());
        }
        log.debug("{} {}: {} new items, {} ingested", source.kind(), source.name(), newItems, ingested);
        return new PollReport(source.name(), status, newItems, ingested, null, next);
    }

    PollReport failure(Source source, String error, int newItems, int ingested) {
        return failure(source, error, newItems, ingested, Duration.ZERO);
    }

    /** A failure after which the server asked for {@code notBefore} of quiet (Retry-After), within the cap. */
    PollReport failure(Source source, SourceException e) {
        Duration notBefore = e instanceof FetchException f ? f.retryAfter().orElse(Duration.ZERO) : Duration.ZERO;
        return failure(source, e.getMessage(), 0, 0, notBefore);
    }

    private PollReport failure(Source source, String error, int newItems, int ingested, Duration notBefore) {
        Instant now = clock.instant();
        if (Thread.currentThread().isInterrupted()) {
            // shutting down: a cut-off fetch says nothing about the source, so its health stays as it was
            log.debug("{} {}: poll interrupted by shutdown, not counted ({})", source.kind(), source.name(), error);
            return new PollReport(source.name(), PollReport.Status.FAILED, newItems, ingested, error, now);
        }
        Duration interval = source.interval();
        FeedState after = store.recordFailure(source.name(), source.location(), error, now,
                failures -> backoff.after(interval, failures, notBefore));
        if (after.consecutiveFailures() == 1) {
            log.warn("{} {} is failing: {} (retrying with back-off, next at {})", source.kind(), source.name(), error,
                    after.nextPollAt());
        } else {
            log.debug("{} {} still failing ({} in a row): {}", source.kind(), source.name(),
                    after.consecutiveFailures(), error);
        }
        return new PollReport(source.name(), PollReport.Status.FAILED, newItems, ingested, error, after.nextPollAt());
    }
}
