package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.DataDirectory;
import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsbrief backup} while a writer holds the data directory (as the bot does) and keeps
 * committing articles and index changes; then {@code restore} into a fresh directory.
 */
class BackupWhileWritingIT {
    @TempDir
    Path dir;

    @Test
    void backupRunsBesideAWriterAndRestoresAConsistentCopy() throws Exception {
        DataDirectory live = DataDirectory.at(dir.resolve("live"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        CountDownLatch warmedUp = new CountDownLatch(1);
        Thread bot = new Thread(() -> {
            try (DataDirectory.WriteLock lock = live.lockForWriting("run");
                    Database db = Database.open(live.database());
                    PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(live.index()),
                            PassageIndex.Options.DEFAULTS)) {
                ArticleStore store = new ArticleStore(db);
                while (!stop.get()) {
                    int n = written.get();
                    Article a = article(n);
                    db.inTransaction(c -> {
                        store.upsert(c, a);
                        return null;
                    });
                    index.index(a);
                    if (n % 20 == 0) {
                        index.commit();
                    }
                    if (written.incrementAndGet() == 50) {
                        warmedUp.countDown();
                    }
                }
                index.commit();
            } catch (Throwable t) {
                writerFailure.set(t);
                warmedUp.countDown();
            }
        }, "fake-bot-writer");
        bot.start();
        warmedUp.await();

        Path backup = dir.resolve("backup");
        int before = written.get();
        CliRun b = CliRun.of("backup", "--data", live.root().toString(), backup.toString());
        int after = written.get();

        CliRun busy = CliRun.of("restore", "--data", live.root().toString(), backup.toString());
        stop.set(true);
        bot.join();
        assertThat(writerFailure.get()).isNull();

        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.out()).startsWith("backed up ");
        assertThat(busy.exitCode()).isEqualTo(1);
        assertThat(busy.err()).contains("is in use by newsbrief process").contains("(run, since");

        long inBackup = new ObjectMapper().readTree(backup.resolve("manifest.json").toFile()).get("articles").asLong();
        // the writer counts an article just after its commit, so the backup may hold one more than counted
        assertThat(inBackup).isBetween((long) before, (long) after + 1);
        assertThat(written.get()).as("the writer kept writing during the backup").isGreaterThan(before);

        DataDirectory restored = DataDirectory.at(dir.resolve("restored"));
        CliRun r = CliRun.of("restore", "--data", restored.root().toString(), backup.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("restored " + inBackup + " articles (" + inBackup + " passages reindexed)");

        try (Database db = Database.openReadOnly(restored.database());
                PassageIndex index = PassageIndex.openReadOnly(PassageIndex.onDisk(restored.index()))) {
            ArticleStore store = new ArticleStore(db);
            assertThat(store.count()).isEqualTo(inBackup);
            // a committed prefix: every article up to the count is there, none after it
            assertThat(store.find("a-" + (inBackup - 1))).isPresent();
            assertThat(store.find("a-" + inBackup)).isEmpty();
            assertThat(index.passageCount()).isEqualTo((int) inBackup);
        }

        CliRun stats = CliRun.of("stats", "--data", restored.root().toString());
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("Articles: " + inBackup).contains("Passages: " + inBackup);
        CliRun json = CliRun.of("stats", "--json", "--data", restored.root().toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        var node = new ObjectMapper().readTree(json.out().strip().lines().reduce((a, b2) -> b2).orElseThrow());
        assertThat(node.get("articles").asLong()).isEqualTo(inBackup);
        assertThat(node.get("indexBytes").asLong()).isPositive();
    }

    private static Article article(int n) {
        Instant t = Instant.parse("2024-03-01T10:00:00Z").plusSeconds(n);
        return new Article("a-" + n, null, "Story " + n, "Wire", t, t, t,
                "Oil prices moved again today in trading session " + n + ".", "h" + n, null, Map.of());
    }
}
