package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rebuilding notice: counts of the index against the store, said in the reader's language. */
class IndexCoverageTest {
    @TempDir
    Path dir;

    private static Article article(int i) {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        return new Article("a" + i, "https://example.org/a" + i, "Title " + i, "wire", t, t, t,
                "Central bank raises interest rates in story number " + i + ".", "hash-" + i, null, Map.of());
    }

    @Test
    void theNoticeSaysHowFarTheIndexIsInTheReadersLanguage() {
        try (Database db = Database.open(dir.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            ArticleStore store = new ArticleStore(db);
            db.inTransaction(c -> {
                for (int i = 0; i < 1500; i++) {
                    store.upsert(c, article(i));
                }
                return null;
            });
            for (int i = 0; i < 2; i++) {
                index.index(article(i));
            }
            index.commit();
            IndexCoverage coverage = new IndexCoverage(index, store, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

            assertThat(coverage.counts()).contains(new IndexCoverage.Behind(2, 1500));
            assertThat(coverage.behind()).contains("the index is rebuilding: 2 of 1,500 articles");
            assertThat(coverage.notice()).contains("The index is rebuilding: 2 of 1,500 articles are searchable so "
                    + "far; answers may miss articles until it is done.");
            assertThat(coverage.notice("de")).hasValueSatisfying(n -> assertThat(n)
                    .startsWith("Der Index wird neu aufgebaut: 2 von 1.500 Artikeln"));
            assertThat(coverage.notice("pt-BR")).hasValueSatisfying(n -> assertThat(n)
                    .startsWith("O índice está sendo reconstruído").contains("2 de 1.500 artigos"));
            assertThat(coverage.notice("es")).hasValueSatisfying(n -> assertThat(n).contains("2 de 1.500 artículos"));
            assertThat(coverage.notice("ru")).hasValueSatisfying(n -> assertThat(n).startsWith("Индекс"));
            assertThat(coverage.notice("ja")).isEqualTo(coverage.notice()); // no Japanese bundle: English
        }
    }

    @Test
    void aCompleteIndexHasNoNotice() {
        try (Database db = Database.open(dir.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            ArticleStore store = new ArticleStore(db);
            db.inTransaction(c -> {
                store.upsert(c, article(1));
                return null;
            });
            index.index(article(1));
            index.commit();
            IndexCoverage coverage = new IndexCoverage(index, store, Clock.systemUTC());
            assertThat(coverage.counts()).isEmpty();
            assertThat(coverage.notice("de")).isEmpty();
        }
    }
}
