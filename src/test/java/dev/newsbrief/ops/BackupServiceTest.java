package dev.newsbrief.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.DataDirectory;
import dev.newsbrief.store.DataDirectoryBusyException;
import dev.newsbrief.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupServiceTest {
    @TempDir
    Path dir;

    private final BackupService service =
            new BackupService(Clock.fixed(Instant.parse("2024-03-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void backupThenRestoreRebuildsTheIndexAndKeepsThePreviousData() throws Exception {
        DataDirectory live = DataDirectory.at(dir.resolve("live"));
        try (Database db = Database.open(live.database())) {
            StoreFixture.addArticles(db, "Reuters", 5);
        }
        BackupManifest m = service.backup(live, dir.resolve("backup"));
        assertThat(m.articles()).isEqualTo(5);
        assertThat(m.schemaVersion()).isPositive();
        assertThat(dir.resolve("backup/newsbrief.db")).isRegularFile();
        assertThat(dir.resolve("backup/manifest.json")).content().contains("\"articles\" : 5");
        assertThat(dir.resolve("backup/newsbrief.db-wal")).doesNotExist();

        DataDirectory target = DataDirectory.at(dir.resolve("target"));
        try (Database db = Database.open(target.database())) {
            StoreFixture.addArticles(db, "Other", 2);
        }
        BackupService.RestoreResult r = service.restore(dir.resolve("backup"), target, PassageIndex.Options.DEFAULTS);
        assertThat(r.articles()).isEqualTo(5);
        assertThat(r.passages()).isEqualTo(5);
        assertThat(r.previousDataMovedTo()).isEqualTo(target.root().resolve("before-restore-20240301-100000"));
        assertThat(r.previousDataMovedTo().resolve("newsbrief.db")).isRegularFile();
        try (Database db = Database.openReadOnly(target.database());
                PassageIndex index = PassageIndex.openReadOnly(PassageIndex.onDisk(target.index()))) {
            assertThat(new ArticleStore(db).find("Reuters-3")).isPresent();
            assertThat(new ArticleStore(db).find("Other-0")).isEmpty();
            assertThat(index.passageCount()).isEqualTo(5);
        }
    }

    @Test
    void refusesToOverwriteAnEarlierBackupOrBackUpNothing() throws Exception {
        DataDirectory live = DataDirectory.at(dir.resolve("live"));
        assertThatThrownBy(() -> service.backup(live, dir.resolve("b")))
                .isInstanceOf(OpsException.class).hasMessageContaining("nothing to back up");
        try (Database db = Database.open(live.database())) {
            StoreFixture.addArticles(db, "Reuters", 1);
        }
        Files.createDirectories(dir.resolve("used"));
        Files.writeString(dir.resolve("used/old.txt"), "keep me");
        assertThatThrownBy(() -> service.backup(live, dir.resolve("used")))
                .isInstanceOf(OpsException.class).hasMessageContaining("is not empty");
        assertThat(dir.resolve("used/old.txt")).hasContent("keep me");
    }

    @Test
    void restoreNeedsTheWriteLock() throws Exception {
        DataDirectory live = DataDirectory.at(dir.resolve("live"));
        try (Database db = Database.open(live.database())) {
            StoreFixture.addArticles(db, "Reuters", 1);
        }
        service.backup(live, dir.resolve("b"));
        try (DataDirectory.WriteLock bot = live.lockForWriting("run")) {
            assertThatThrownBy(() -> service.restore(dir.resolve("b"), live, PassageIndex.Options.DEFAULTS))
                    .isInstanceOf(DataDirectoryBusyException.class);
        }
        assertThat(live.database()).isRegularFile();
    }

    @Test
    void aDamagedOrForeignBackupIsRefusedAndTheDataIsUntouched() throws Exception {
        DataDirectory live = DataDirectory.at(dir.resolve("live"));
        try (Database db = Database.open(live.database())) {
            StoreFixture.addArticles(db, "Reuters", 2);
        }
        assertThatThrownBy(() -> service.restore(dir.resolve("nothing"), live, PassageIndex.Options.DEFAULTS))
                .isInstanceOf(OpsException.class).hasMessageContaining("is not a newsbrief backup");

        service.backup(live, dir.resolve("b"));
        Files.write(dir.resolve("b/newsbrief.db"), "not a database at all, just text".repeat(200).getBytes());
        assertThatThrownBy(() -> service.restore(dir.resolve("b"), live, PassageIndex.Options.DEFAULTS))
                .isInstanceOf(OpsException.class).hasMessageContaining("newsbrief.db.restoring");
        try (Database db = Database.openReadOnly(live.database())) {
            assertThat(new ArticleStore(db).count()).isEqualTo(2);
        }
        assertThat(live.root().resolve("newsbrief.db.restoring")).doesNotExist();
    }
}
