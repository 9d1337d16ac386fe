package dev.newsbrief.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Telegram polling is healthy when a poll succeeded within {@code staleAfter}. Before the first
 * poll it is unhealthy ("starting"), so a probe never calls a bot healthy that has not yet reached
 * Telegram; the container's start period covers that wait.
 */
public final class PollingHealthCheck implements HealthCheck {
    private final Supplier<Instant> lastSuccess;
    private final Duration staleAfter;
    private final Clock clock;
    private final Instant startedAt;

    /**
     * @param lastSuccess when the last poll succeeded, or null if none has yet
     */
    public PollingHealthCheck(Supplier<Instant> lastSuccess, Duration staleAfter, Clock clock) {
        this.lastSuccess = lastSuccess;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public Result check() {
        Instant now = clock.instant();
        Instant last = lastSuccess.get();
        if (last == null) {
            Duration waiting = Duration.between(startedAt, now);
            return waiting.compareTo(staleAfter) <= 0 ? Result.unhealthy("starting, no poll yet")
                    : Result.unhealthy("no successful poll since start " + seconds(waiting) + " ago");
        }
        Duration since = Duration.between(last, now);
        return since.compareTo(staleAfter) <= 0 ? Result.healthy("last poll " + seconds(since) + " ago")
                : Result.unhealthy("no successful poll for " + seconds(since) + " (limit " + seconds(staleAfter) + ")");
    }

    private static String seconds(Duration d) {
        return Math.max(0, d.toSeconds()) + "s";
    }
}
