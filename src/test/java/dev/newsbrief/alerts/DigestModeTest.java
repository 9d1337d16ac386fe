package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestModeTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void parsesTheThreeModes() {
        assertThat(DigestMode.parse("instant", BERLIN)).isEqualTo(new DigestMode.Instant());
        assertThat(DigestMode.parse(" OFF ", BERLIN)).isEqualTo(new DigestMode.Off());
        assertThat(DigestMode.parse("daily 08:00 Europe/Berlin", ZoneId.of("UTC")))
                .isEqualTo(new DigestMode.Daily(LocalTime.of(8, 0), BERLIN));
        assertThat(DigestMode.parse("daily 7:30", BERLIN)).isEqualTo(new DigestMode.Daily(LocalTime.of(7, 30), BERLIN));
    }

    @Test
    void badArgumentsGetAHelpfulMessage() {
        assertThatThrownBy(() -> DigestMode.parse("weekly", BERLIN)).isInstanceOf(InvalidDigestException.class)
                .hasMessageContaining("/digest instant");
        assertThatThrownBy(() -> DigestMode.parse("daily 25:00", BERLIN)).hasMessageContaining("not a time");
        assertThatThrownBy(() -> DigestMode.parse("daily 08:00 Mars/Olympus", BERLIN)).hasMessageContaining("time zone");
        assertThatThrownBy(() -> DigestMode.parse("daily", BERLIN)).hasMessageContaining("HH:MM");
    }

    @Test
    void dailyDueTimeIsLocalEightOClockAcrossDaylightSavingChanges() {
        DigestMode daily = new DigestMode.Daily(LocalTime.of(8, 0), BERLIN);
        // Saturday before spring-forward (CET, UTC+1) -> Sunday 30 March 2025 is already CEST (UTC+2)
        assertThat(daily.dueAfter(Instant.parse("2025-03-29T07:00:01Z"), Duration.ZERO))
                .isEqualTo(Instant.parse("2025-03-30T06:00:00Z"));
        // fall-back Sunday 26 October 2025: 08:00 is CET again
        assertThat(daily.dueAfter(Instant.parse("2025-10-25T06:00:00Z"), Duration.ZERO))
                .isEqualTo(Instant.parse("2025-10-26T07:00:00Z"));
        // strictly after: at the instant itself the next day is due
        assertThat(daily.dueAfter(Instant.parse("2025-03-30T06:00:00Z"), Duration.ZERO))
                .isEqualTo(Instant.parse("2025-03-31T06:00:00Z"));
    }

    @Test
    void aTimeInsideTheSpringGapMovesForward() {
        DigestMode daily = new DigestMode.Daily(LocalTime.of(2, 30), BERLIN);
        assertThat(daily.dueAfter(Instant.parse("2025-03-29T12:00:00Z"), Duration.ZERO))
                .isEqualTo(Instant.parse("2025-03-30T01:30:00Z")); // 03:30 CEST
    }

    @Test
    void instantWaitsForTheWindowAndOffQueuesNothing() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(new DigestMode.Instant().dueAfter(now, Duration.ofSeconds(30))).isEqualTo(now.plusSeconds(30));
        assertThat(new DigestMode.Off().dueAfter(now, Duration.ofSeconds(30))).isNull();
    }
}
