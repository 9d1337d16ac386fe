package dev.newsbrief.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private static Article article(String id) {
        Instant now = Instant.parse("2025-03-22T10:00:00Z");
        return new Article(id, "https://example.org/" + id, "Title " + id, "Example", now, now, now,
                "Body of " + id + ".", "hash-" + id, null, Map.of("topics", "crude"));
    }

    @Test
    void migratesOnceAndRoundTripsArticles() {
        try (Database db = Database.open(dir.resolve("a.db"))) {
            ArticleStore store = new ArticleStore(db);
            db.inTransaction(c -> {
                store.upsert(c, article("a1"));
                return null;
            });
            assertThat(store.find("a1")).get().extracting(Article::title, Article::tags)
                    .containsExactly("Title a1", Map.of("topics", "crude"));
        }
        try (Database db = Database.open(dir.resolve("a.db"))) {
            assertThat(new ArticleStore(db).count()).isEqualTo(1);
        }
    }

    @Test
    void failedTransactionLeavesNothingBehind() {
        try (Database db = Database.open(dir.resolve("b.db"))) {
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
        try (Database db = Database.open(dir.resolve("c.db"));
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
    void splitsMigrationScriptsIntoStatements() {
        assertThat(Database.statements("-- c\nCREATE TABLE a (x INT); -- trailing\nCREATE INDEX i ON a(x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a(x)");
    }
}
