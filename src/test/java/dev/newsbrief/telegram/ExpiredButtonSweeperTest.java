package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.ChatServices;
import dev.newsbrief.chat.ChatSettings;
import dev.newsbrief.chat.ListNewsDesk;
import dev.newsbrief.store.CallbackStateStore;
import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpiredButtonSweeperTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void buttonStateCreatedWhileRunningIsRemovedOnceExpiredAndCloseStopsTheSweeps() throws Exception {
        try (Database db = Database.open(dir.resolve("b.db"))) {
            CallbackStateStore buttons = new CallbackStateStore(db);
            // the handler's clock runs past the button lifetime, so every stored button is expired to it
            Clock later = Clock.fixed(Instant.now().plus(ChatSettings.defaults().buttonTtl()).plusSeconds(60),
                    ZoneOffset.UTC);
            ChatHandler handler = new ChatHandler(ChatServices.over(db, new ListNewsDesk(List.of())),
                    ChatSettings.defaults(), later);
            AtomicInteger sweeps = new AtomicInteger();
            ExpiredButtonSweeper sweeper = new ExpiredButtonSweeper(() -> {
                sweeps.incrementAndGet();
                return handler.forgetExpiredButtons();
            }, Duration.ofMillis(20));
            try {
                await("first sweep", () -> sweeps.get() >= 1);
                String token = buttons.create(1, "more", "payload");
                int seen = sweeps.get();
                await("a later sweep", () -> sweeps.get() > seen + 1);
                assertThat(buttons.find(token)).isEmpty();
            } finally {
                sweeper.close();
            }
            assertThat(sweeper.isClosed()).isTrue();
            int afterClose = sweeps.get();
            Thread.sleep(100);
            assertThat(sweeps.get()).isEqualTo(afterClose);
        }
    }

    @Test
    void aFailingSweepDoesNotStopTheLaterOnes() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (ExpiredButtonSweeper sweeper = new ExpiredButtonSweeper(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database is locked");
            }
            return 0;
        }, Duration.ofMillis(10))) {
            await("sweeps after a failure", () -> calls.get() >= 3);
        }
    }
}
