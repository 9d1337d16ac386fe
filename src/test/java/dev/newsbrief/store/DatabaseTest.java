package dev.newsbrief.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class DatabaseTest {
    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    private static Article article(String id) {
        Instant now = Instant.parse("2025-03-22T10:00:00Z");
        return new Article(id, "https://example.org/" + id, "Title " + id, "Example", now, now, now,
                "Body of " + id + ".", "hash-" + id, null, Map.of("topics", "crude"));
    }

    @Test
    void migratesOnceAndRoundTripsArticles() {
        try (Database db = backend.open(dir, "a.db")) {
            ArticleStore store = new ArticleStore(db);
            db.inTransaction(c -> {
                store.upsert(c, article("a1"));
                return null;
            });
            assertThat(store.find("a1")).get().extracting(Article::title, Article::tags)
                    .containsExactly("Title a1", Map.of("topics", "crude"));
        }
        try (Database db = backend.open(dir, "a.db")) {
            assertThat(new ArticleStore(db).count()).isEqualTo(1);
        }
    }

    @Test
    void sqliteKeepsSavepointJournalsInMemory() {
        assumeTrue(backend == StoreBackend.SQLITE);
        try (Database db = backend.open(dir, "t.db")) {
            int tempStore = db.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA temp_store")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(tempStore).as("PRAGMA temp_store: 2 = MEMORY").isEqualTo(2);
        }
    }

    @Test
    void failedTransactionLeavesNothingBehind() {
        try (Database db = backend.open(dir, "b.db")) {
            ArticleStore store = new ArticleStore(db);
            assertThatThrownBy(() -> db.inTransaction(c -> {
                store.upsert(c, article("a1"));
                throw new IllegalStateException("crash mid-batch");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(store.count()).isZero();
        }
    }

    @Test
    void readOnlyOpenSeesWritesAndRefusesToWrite() {
        assumeTrue(backend == StoreBackend.SQLITE, "read-only opens are of SQLite files");
        try (Database db = backend.open(dir, "c.db");
                Database ro = Database.openReadOnly(dir.resolve("c.db"))) {
            db.inTransaction(c -> {
                new ArticleStore(db).upsert(c, article("x"));
                return null;
            });
            assertThat(new ArticleStore(ro).find("x")).isPresent();
            assertThatThrownBy(() -> ro.inTransaction(c -> null)).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void secondWriterIsToldWhoHoldsTheDirectory() {
        assumeTrue(backend == StoreBackend.SQLITE, "one backend is enough for the directory lock");
        DataDirectory data = DataDirectory.at(dir.resolve("data"));
        try (DataDirectory.WriteLock lock = data.lockForWriting("run")) {
            assertThatThrownBy(() -> data.lockForWriting("ingest"))
                    .isInstanceOf(DataDirectoryBusyException.class)
                    .hasMessageContaining("newsbrief process " + ProcessHandle.current().pid())
                    .hasMessageContaining("(run");
        }
        data.lockForWriting("ingest").close();
    }

    @Test
    void reportsTheNewestSchemaVersion() {
        try (Database db = backend.open(dir, "v.db")) {
            assertThat(db.schemaVersion()).isGreaterThanOrEqualTo(1);
            assertThat(db.dialect()).isEqualTo(backend == StoreBackend.SQLITE ? Database.Dialect.SQLITE
                    : Database.Dialect.POSTGRESQL);
        }
    }

    @Test
    void splitsMigrationScriptsIntoStatements() {
        assertThat(Migrations.statements("-- c\nCREATE TABLE a (x INT); -- trailing\nCREATE INDEX i ON a(x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a(x)");
    }
}
