package dev.newsbrief.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.alerts.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PollingHealthCheckTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T10:00:00Z"));

    @Test
    void unhealthyUntilTheFirstPollThenFollowsTheLastSuccessfulPoll() {
        AtomicReference<Instant> last = new AtomicReference<>();
        PollingHealthCheck check = new PollingHealthCheck(last::get, Duration.ofMinutes(3), clock);
        // docs/OPERATIONS.md: 503 while starting, so a probe never calls a bot healthy before it has polled once
        assertThat(check.check()).isEqualTo(HealthCheck.Result.unhealthy("starting, no poll yet"));

        clock.advance(Duration.ofSeconds(200));
        assertThat(check.check()).isEqualTo(HealthCheck.Result.unhealthy("no successful poll since start 200s ago"));

        last.set(clock.instant().minusSeconds(5));
        assertThat(check.check()).isEqualTo(HealthCheck.Result.healthy("last poll 5s ago"));

        clock.advance(Duration.ofSeconds(300));
        assertThat(check.check().healthy()).isFalse();
        assertThat(check.check().detail()).isEqualTo("no successful poll for 305s (limit 180s)");
    }
}
