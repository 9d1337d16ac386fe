package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.StoreBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 in the middle of a delivery run with many due alerts, then a restart: every due alert
 * is delivered, and none twice except the messages in flight at the kill (accepted by the
 * messenger, not yet marked sent): at most one per chat, and at most
 * {@code alerts.delivery-concurrency} in all, so exactly one with a concurrency of 1.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class CrashIT {
    @Parameter
    StoreBackend backend;

    private static final int CHATS = 300;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "delivery concurrency {0}")
    @ValueSource(ints = {1, 8})
    void killedMidDeliveryThenRestartedDeliversEverythingAndRepeatsOnlyMessagesInFlight(int concurrency)
            throws Exception {
        String store = backend.locate(dir, "alerts.db");
        Path journal = dir.resolve("accepted.log");
        AlertsOptions options = AlertsOptions.DEFAULTS.withInstantWindow(Duration.ZERO);
        Instant past = Instant.now().minus(Duration.ofMinutes(1));
        try (AlertsFixture f = new AlertsFixture(StoreBackend.openLocated(store), options, Clock.systemUTC())) {
            for (long chat = 1; chat <= CHATS; chat++) {
                f.subscriptions.subscribe(chat, "private", chat % 3 == 0 ? "gold" : "oil");
            }
            f.ingest(AlertsFixture.article("oil-1", "Oil rises", "OPEC cut output.", past));
            f.ingest(AlertsFixture.article("gold-1", "Gold steady", "Bullion held.", past));
            f.ingest(AlertsFixture.article("oil-2", "Oil falls", "Crude slipped.", past));
            assertThat(f.deliveries.count(null, "pending")).isEqualTo(CHATS * 2 / 3 * 2 + CHATS / 3);
        }

        Process first = child(store, journal, concurrency);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(journal).size() < CHATS / 4 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.isAlive()).as("the child must still be delivering when killed").isTrue();
        first.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
        first.waitFor(30, TimeUnit.SECONDS);
        int beforeRestart = lines(journal).size();
        assertThat(beforeRestart).isBetween(CHATS / 4, CHATS - 1);

        Process second = child(store, journal, concurrency);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isZero();

        Map<Long, Integer> messagesPerChat = new HashMap<>();
        for (String line : lines(journal)) {
            messagesPerChat.merge(Long.parseLong(line.split(" ")[0]), 1, Integer::sum);
        }
        assertThat(messagesPerChat).as("every chat got its alert").hasSize(CHATS);
        long repeated = messagesPerChat.values().stream().filter(n -> n > 1).count();
        assertThat(repeated).as("only the messages in flight at the kill may repeat").isLessThanOrEqualTo(concurrency);
        assertThat(messagesPerChat.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));

        try (AlertsFixture f = new AlertsFixture(StoreBackend.openLocated(store), options, Clock.systemUTC())) {
            assertThat(f.deliveries.count(null, "pending")).isZero();
            assertThat(f.deliveries.count(null, "sent")).isEqualTo(CHATS * 2 / 3 * 2 + CHATS / 3);
        }
        // a third start finds nothing to send
        Process third = child(store, journal, concurrency);
        assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lines(journal)).hasSize(messagesPerChat.values().stream().mapToInt(Integer::intValue).sum());
    }

    private Process child(String store, Path journal, int concurrency) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), store, journal.toString(), "5", Integer.toString(concurrency));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child.log").toFile()));
        return pb.start();
    }

    private static List<String> lines(Path journal) throws Exception {
        return Files.exists(journal) ? Files.readAllLines(journal).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }
}
