package dev.newsbrief.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesPerFailureUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofHours(6));
        Duration ten = Duration.ofMinutes(10);
        assertThat(backoff.after(ten, 0)).isEqualTo(ten);
        assertThat(backoff.after(ten, 1)).isEqualTo(Duration.ofMinutes(20));
        assertThat(backoff.after(ten, 2)).isEqualTo(Duration.ofMinutes(40));
        assertThat(backoff.after(ten, 5)).isEqualTo(Duration.ofMinutes(320));
        assertThat(backoff.after(ten, 6)).isEqualTo(Duration.ofHours(6));
        assertThat(backoff.after(ten, 500)).isEqualTo(Duration.ofHours(6));
        assertThat(backoff.after(Duration.ofDays(1), 1)).isEqualTo(Duration.ofHours(6));
    }
}
