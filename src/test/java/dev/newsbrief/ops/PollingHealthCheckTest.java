package dev.newsbrief.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PollingHealthCheckTest {
    private Instant now = Instant.parse("2024-03-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void healthyWhileStartingThenFollowsTheLastSuccessfulPoll() {
        AtomicReference<Instant> last = new AtomicReference<>();
        PollingHealthCheck check = new PollingHealthCheck(last::get, Duration.ofMinutes(3), clock);
        assertThat(check.check().healthy()).isTrue();
        assertThat(check.check().detail()).isEqualTo("starting, no poll yet");

        now = now.plusSeconds(200);
        assertThat(check.check()).isEqualTo(HealthCheck.Result.unhealthy("no successful poll since start 200s ago"));

        last.set(now.minusSeconds(5));
        assertThat(check.check()).isEqualTo(HealthCheck.Result.healthy("last poll 5s ago"));

        now = now.plusSeconds(300);
        assertThat(check.check().healthy()).isFalse();
        assertThat(check.check().detail()).isEqualTo("no successful poll for 305s (limit 180s)");
    }
}
