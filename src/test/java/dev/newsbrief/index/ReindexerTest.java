package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexerTest {

    @Test
    void rebuildFromSqliteGivesTheSameHits(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            ArticleStore store = new ArticleStore(db);
            var a1 = PassageIndexTest.article("a1", "Cocoa review", "Showers helped cocoa.\n\nCocoa arrivals rose.",
                    Instant.parse("1987-02-26T15:01:01Z"));
            var a2 = PassageIndexTest.article("a2", "Oil unit", "Standard Oil formed a unit. It sells cocoa too.", null);
            var dup = PassageIndexTest.article("a3", "Cocoa review", "Showers helped cocoa.", null).asDuplicateOf("a1");
            db.inTransaction(c -> {
                store.upsert(c, a1);
                store.upsert(c, a2);
                store.upsert(c, dup);
                return null;
            });
            index.index(a1);
            index.index(a2);
            index.commit();
            var before = PassageIndexTest.hits(index, "cocoa");
            var oilBefore = PassageIndexTest.hits(index, "oil");

            index.deleteAll();
            index.commit();
            assertThat(index.passageCount()).isZero();

            Reindexer.Result result = new Reindexer(store, index).rebuild();
            assertThat(result.articles()).isEqualTo(2);
            assertThat(result.passages()).isEqualTo(3);
            assertThat(PassageIndexTest.hits(index, "cocoa")).containsExactlyElementsOf(before).hasSize(3);
            assertThat(PassageIndexTest.hits(index, "oil")).containsExactlyElementsOf(oilBefore);
        }
    }
}
