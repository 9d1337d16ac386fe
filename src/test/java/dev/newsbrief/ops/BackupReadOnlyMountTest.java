package dev.newsbrief.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.newsbrief.store.DataDirectory;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} of a data directory mounted read-only with a {@code -shm} file present (a snapshot
 * of a running bot's volume) that the backup can only read. SQLite's online backup API restarted
 * its copy at every step there and spun for ever; the backup must finish (or fail) in bounded time.
 * Needs a read-only bind mount, so it runs where the tests run as root with mount rights (the team
 * machines and CI) and is skipped elsewhere.
 */
class BackupReadOnlyMountTest {
    @TempDir
    Path dir;

    @Test
    void backupOfAReadOnlySnapshotWithAShmFileFinishes() throws Exception {
        Path live = Files.createDirectories(dir.resolve("live"));
        Path snapshot = Files.createDirectories(dir.resolve("snapshot"));
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        try (Database db = Database.open(live.resolve("newsbrief.db"))) {
            StoreFixture.addArticles(db, "Reuters", 4000);
        }
        // a snapshot of a running bot's volume: the database, an empty -wal and the -shm it had open
        try (Connection bot = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("newsbrief.db"));
                var s = bot.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            for (String name : List.of("newsbrief.db", "newsbrief.db-wal", "newsbrief.db-shm")) {
                Files.copy(live.resolve(name), snapshot.resolve(name));
            }
        }
        Assumptions.assumeTrue(run("mount", "--bind", snapshot.toString(), readOnly.toString()),
                "needs permission to bind-mount");
        try {
            Assumptions.assumeTrue(run("mount", "-o", "remount,bind,ro", readOnly.toString()),
                    "needs permission to remount read-only");
            BackupManifest m = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> new BackupService(Clock.systemUTC()).backup(DataDirectory.at(readOnly),
                            dir.resolve("backup")));
            assertThat(m.articles()).isEqualTo(4000);
        } finally {
            if (!run("umount", readOnly.toString())) {
                run("umount", "-l", readOnly.toString());
            }
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
