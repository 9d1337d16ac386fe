package dev.newsbrief.ops;

import dev.newsbrief.store.ChangeLog;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How far this instance's index is behind the shared store's change log (several instances on
 * PostgreSQL): healthy while nothing is pending or the oldest pending change is younger than
 * {@code unhealthyAfter}. The detail always names the lag.
 */
public final class IndexLagCheck implements HealthCheck {
    private final Supplier<ChangeLog.Lag> lag;
    private final Duration unhealthyAfter;
    private final Clock clock;

    public IndexLagCheck(Supplier<ChangeLog.Lag> lag, Duration unhealthyAfter, Clock clock) {
        this.lag = lag;
        this.unhealthyAfter = unhealthyAfter;
        this.clock = clock;
    }

    @Override
    public Result check() {
        ChangeLog.Lag l = lag.get();
        if (l.changes() < 0) {
            return Result.unhealthy("index lag unknown: the index has no change-log position yet (rebuilding)");
        }
        if (l.changes() == 0) {
            return Result.healthy("index lag 0 changes");
        }
        long seconds = Math.max(0, Duration.between(l.oldest(), clock.instant()).toSeconds());
        String detail = "index lag " + l.changes() + " changes, oldest " + seconds + " s";
        return seconds <= unhealthyAfter.toSeconds() ? Result.healthy(detail) : Result.unhealthy(detail);
    }
}
