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
            assertThat(reindexer.repair()).isEqualTo(new Reindexer.Repair(1, 0, 0));
            assertThat(index.missing(store.originalIds())).isEmpty();
            assertThat(reindexer.repair().total()).isZero();

            index.delete("a1");
            index.commit();
            assertThat(index.missing(store.originalIds())).as("deleted passages do not count").containsExactly("a1");
        }
    }

    @Test
    void articlesWhoseTextChangedInTheStoreAreReindexedAndOnesNoLongerOriginalRemoved() {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (Database db = Database.open(dir.resolve("b.db"));
                PassageIndex index = PassageIndex.openWritable(() -> directory, PassageIndex.Options.DEFAULTS)) {
            ArticleStore store = new ArticleStore(db);
            Article wheat = article("a1", "Wheat exports rose sharply in March.");
            Article cocoa = article("a2", "Cocoa prices fell on heavy rains in Ivory Coast.");
            Article sugar = article("a3", "Sugar output climbed in Brazil.");
            db.inTransaction(c -> {
                store.upsert(c, wheat);
                store.upsert(c, cocoa);
                store.upsert(c, sugar);
                return null;
            });
            index.index(wheat);
            index.index(cocoa);
            index.index(sugar);
            index.commit();
            // then an update committed in SQLite whose Lucene commit never happened (kill -9)
            Instant later = Instant.parse("1987-03-03T10:00:00Z");
            Article newCocoa = new Article("a2", null, "Title a2", "Reuters", later, cocoa.ingestedAt(), later,
                    "Cocoa futures soared after the harvest failed.", "h-a2-v2", null, Map.of());
            db.inTransaction(c -> {
                store.upsert(c, newCocoa);
                store.upsert(c, sugar.asDuplicateOf("a1"));
                return null;
            });
            assertThat(index.missing(store.originalIds())).as("ids alone look fine").isEmpty();

            Reindexer.Repair repair = new Reindexer(store, index).repair();
            assertThat(repair).isEqualTo(new Reindexer.Repair(0, 1, 1));
            assertThat(textOf(index, "a2")).isEqualTo("Cocoa futures soared after the harvest failed.");
            assertThat(index.articleCount()).isEqualTo(2);
            assertThat(new Reindexer(store, index).repair().total()).isZero();
        }
    }

    private static String textOf(PassageIndex index, String articleId) {
        return index.withSearcher(s -> {
            var hits = s.search(new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(PassageFields.ARTICLE_ID, articleId)), 1);
            return s.storedFields().document(hits.scoreDocs[0].doc).get(PassageFields.TEXT);
        });
    }
}
