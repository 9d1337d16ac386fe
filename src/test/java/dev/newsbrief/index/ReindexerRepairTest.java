package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexerRepairTest {
    @TempDir
    Path dir;

    private static Article article(String id, String body) {
        Instant t = Instant.parse("1987-03-02T10:00:00Z");
        return new Article(id, null, "Title " + id, "Reuters", t, t, t, body, "h-" + id, null, Map.of());
    }

    @Test
    void storedArticlesTheIndexNeverGotAreIndexedOnRepair() {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (Database db = Database.open(dir.resolve("a.db"));
                PassageIndex index = PassageIndex.openWritable(() -> directory, PassageIndex.Options.DEFAULTS)) {
            ArticleStore store = new ArticleStore(db);
            Article wheat = article("a1", "Wheat exports rose sharply in March.");
            Article cocoa = article("a2", "Cocoa prices fell on heavy rains in Ivory Coast.");
            db.inTransaction(c -> {
                store.upsert(c, wheat);
                store.upsert(c, cocoa);
                return null;
            });
            // as after a crash between the SQLite commit and the Lucene commit: only one made it
            index.index(wheat);
            index.commit();
            Reindexer reindexer = new Reindexer(store, index);

            assertThat(index.missing(store.originalIds())).containsExactly("a2");
            assertThat(reindexer.repairMissing()).isEqualTo(1);
            assertThat(index.missing(store.originalIds())).isEmpty();
            assertThat(reindexer.repairMissing()).isZero();

            index.delete("a1");
            index.commit();
            assertThat(index.missing(store.originalIds())).as("deleted passages do not count").containsExactly("a1");
        }
    }
}
