package dev.newsbrief.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class WriteTransactionTest {
    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    private static Article article(String id) {
        Instant now = Instant.parse("2025-03-22T10:00:00Z");
        return new Article(id, null, "Title " + id, null, now, now, now, "Body of " + id + ".", "hash-" + id,
                null, Map.of());
    }

    @Test
    void aFailingSavepointRollsBackOnlyItselfAndTheRestCommitsTogether() throws SQLException {
        try (Database db = backend.open(dir, "a.db")) {
            ArticleStore store = new ArticleStore(db);
            try (WriteTransaction tx = db.begin(); ArticleStore.Writer w = store.writer(tx.connection())) {
                tx.inSavepoint(c -> {
                    w.upsert(article("a1"));
                    return null;
                });
                assertThatThrownBy(() -> tx.inSavepoint(c -> {
                    w.upsert(article("a2"));
                    throw new SQLException("listener failed");
                })).hasMessage("listener failed");
                tx.inSavepoint(c -> {
                    w.upsert(article("a3"));
                    return null;
                });
                assertThat(w.find("a2")).isEmpty();
                assertThat(w.find("a3")).isPresent();
                // uncommitted: a reader sees none of the batch yet
                assertThat(store.count()).isZero();
                w.close();
                tx.commit();
            }
            assertThat(store.find("a1")).isPresent();
            assertThat(store.find("a2")).isEmpty();
            assertThat(store.find("a3")).isPresent();
        }
    }

    @Test
    void closingWithoutCommitLeavesNothingAndTheWriterWorksAfterwards() throws SQLException {
        try (Database db = backend.open(dir, "b.db")) {
            ArticleStore store = new ArticleStore(db);
            try (WriteTransaction tx = db.begin(); ArticleStore.Writer w = store.writer(tx.connection())) {
                tx.inSavepoint(c -> {
                    w.upsert(article("lost"));
                    return null;
                });
            }
            assertThat(store.count()).isZero();
            db.inTransaction(c -> {
                store.upsert(c, article("kept"));
                return null;
            });
            assertThat(store.find("kept")).isPresent();
            assertThat(store.find("lost")).isEmpty();
        }
    }

    @Test
    void otherWritersWaitForTheTransactionAndThenGoAhead() throws Exception {
        assumeTrue(backend == StoreBackend.SQLITE, "SQLite has one writer; PostgreSQL writers proceed side by side");
        try (Database db = backend.open(dir, "c.db")) {
            ArticleStore store = new ArticleStore(db);
            CompletableFuture<Void> other;
            try (WriteTransaction tx = db.begin(); ArticleStore.Writer w = store.writer(tx.connection())) {
                w.upsert(article("first"));
                other = CompletableFuture.runAsync(() -> db.inTransaction(c -> {
                    store.upsert(c, article("second"));
                    return null;
                }));
                Thread.sleep(100);
                assertThat(other).isNotDone();
                w.close();
                tx.commit();
            }
            other.get(10, TimeUnit.SECONDS);
            assertThat(store.count()).isEqualTo(2);
        }
    }

    @Test
    void onPostgresOtherWritersCommitWhileTheTransactionIsOpen() throws Exception {
        assumeTrue(backend == StoreBackend.POSTGRESQL, "SQLite writers wait, see above");
        try (Database db = backend.open(dir, "p.db")) {
            ArticleStore store = new ArticleStore(db);
            try (WriteTransaction tx = db.begin(); ArticleStore.Writer w = store.writer(tx.connection())) {
                w.upsert(article("first"));
                CompletableFuture.runAsync(() -> db.inTransaction(c -> {
                    store.upsert(c, article("second"));
                    return null;
                })).get(10, TimeUnit.SECONDS);
                assertThat(store.count()).as("the other writer's row is committed, the open one's is not").isEqualTo(1);
                w.close();
                tx.commit();
            }
            assertThat(store.count()).isEqualTo(2);
        }
    }

    @Test
    void aFinishedTransactionRefusesMoreWork() {
        try (Database db = backend.open(dir, "d.db")) {
            WriteTransaction tx = db.begin();
            tx.commit();
            assertThatThrownBy(() -> tx.inSavepoint(c -> null)).isInstanceOf(IllegalStateException.class);
            tx.close();
        }
    }
}
