package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Database;
import dev.newsbrief.store.UpdateOffsetStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetTrackerTest {
    @TempDir
    Path dir;

    @Test
    void storesTheHighestIdBelowWhichAllAreFinishedAndRefusesDuplicates() {
        try (Database db = Database.open(dir.resolve("o.db"))) {
            UpdateOffsetStore store = new UpdateOffsetStore(db);
            OffsetTracker t = new OffsetTracker(store, "bot1");
            assertThat(t.nextOffset(Duration.ZERO)).isEqualTo(1);
            assertThat(t.begin(10)).isTrue();
            assertThat(t.begin(11)).isTrue();
            assertThat(t.begin(12)).isTrue();
            assertThat(t.begin(11)).isFalse();
            t.finish(12);
            t.finish(11);
            assertThat(store.lastProcessed("bot1")).hasValue(9); // 10 still running
            assertThat(t.nextOffset(Duration.ofMillis(10))).isEqualTo(10);
            t.finish(10);
            assertThat(store.lastProcessed("bot1")).hasValue(12);
            assertThat(t.begin(12)).isFalse();

            OffsetTracker restarted = new OffsetTracker(store, "bot1");
            assertThat(restarted.nextOffset(Duration.ZERO)).isEqualTo(13);
            assertThat(restarted.begin(11)).isFalse();
            assertThat(restarted.begin(13)).isTrue();
            assertThat(new OffsetTracker(store, "bot2").nextOffset(Duration.ZERO)).isEqualTo(1);
        }
    }
}
