package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.StoreBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A daily digest at 08:00 Europe/Berlin fires once, at the right instant, across both DST changes. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class DigestDeliveryIT {
    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    private List<Instant> runUntil(MutableClock clock, DeliveryWorker worker, AlertsFixture.RecordingSink sink,
            Instant end) {
        List<Instant> fired = new ArrayList<>();
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMinutes(5));
            int before = sink.messages.size();
            worker.runOnce();
            for (int i = before; i < sink.messages.size(); i++) {
                fired.add(clock.instant());
            }
        }
        return fired;
    }

    @Test
    void firesOnceAtEightLocalOnTheDaysClocksChange() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-29T12:00:00Z")); // Saturday, CET
        try (AlertsFixture f = new AlertsFixture(backend.open(dir, "a.db"), AlertsOptions.DEFAULTS, clock)) {
            f.subscriptions.subscribe(7, "private", "oil");
            f.subscriptions.subscribe(7, "private", "gold");
            f.subscriptions.setDigest(7, "private", "daily 08:00 Europe/Berlin");
            f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC cut output.", clock.instant()));
            clock.advance(Duration.ofHours(3));
            f.ingest(AlertsFixture.article("a2", "Gold steady", "Bullion held.", clock.instant()));
            AlertsFixture.RecordingSink sink = new AlertsFixture.RecordingSink();
            DeliveryWorker worker = f.worker(sink);

            // Sunday 30 March: clocks jump to CEST at 02:00, so 08:00 local is 06:00 UTC.
            List<Instant> fired = runUntil(clock, worker, sink, Instant.parse("2025-03-30T12:00:00Z"));
            assertThat(fired).containsExactly(Instant.parse("2025-03-30T06:00:00Z"));
            assertThat(sink.messages.get(0).kind()).isEqualTo(AlertMessage.Kind.DIGEST);
            assertThat(sink.messages.get(0).sections()).extracting(AlertSection::topic).containsExactlyInAnyOrder("oil", "gold");

            // An article after the digest waits for Monday's, at 06:00 UTC again; nothing in between.
            f.ingest(AlertsFixture.article("a3", "Oil falls", "Crude slipped.", clock.instant()));
            fired = runUntil(clock, worker, sink, Instant.parse("2025-04-01T12:00:00Z"));
            assertThat(fired).containsExactly(Instant.parse("2025-03-31T06:00:00Z"));

            // Autumn: Sunday 26 October falls back to CET, so 08:00 local is 07:00 UTC.
            clock.set(Instant.parse("2025-10-25T08:00:00Z"));
            f.ingest(AlertsFixture.article("a4", "Oil flat", "Nothing moved.", clock.instant()));
            fired = runUntil(clock, worker, sink, Instant.parse("2025-10-27T12:00:00Z"));
            assertThat(fired).containsExactly(Instant.parse("2025-10-26T07:00:00Z"));
            assertThat(f.deliveries.count(7L, "sent")).isEqualTo(4);
        }
    }
}
