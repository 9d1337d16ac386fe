package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.store.Article;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassageIndexTest {

    static Article article(String id, String title, String body, Instant published) {
        Instant now = Instant.parse("2025-03-22T10:00:00Z");
        return new Article(id, "https://example.com/" + id, title, "Example", published, now, now, body,
                "hash-" + id, null, Map.of());
    }

    static List<String> hits(PassageIndex index, String word) {
        return index.withSearcher(s -> {
            ScoreDoc[] docs = s.search(new TermQuery(new Term(PassageFields.TEXT, word)), 100).scoreDocs;
            var stored = s.storedFields();
            List<String> ids = new java.util.ArrayList<>();
            for (ScoreDoc d : docs) {
                ids.add(stored.document(d.doc).get(PassageFields.ID));
            }
            return ids;
        });
    }

    @Test
    void indexesOneDocumentPerPassageAndReplacesOnReindex() {
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            index.index(article("a1", "Cocoa", "Cocoa prices rose.\n\nFarmers sold cocoa.", null));
            index.refresh();
            assertThat(index.passageCount()).isEqualTo(2);
            assertThat(hits(index, "cocoa")).containsExactlyInAnyOrder("a1#0", "a1#1");

            index.index(article("a1", "Cocoa", "Coffee replaced everything.", null));
            index.commit();
            assertThat(index.passageCount()).isEqualTo(1);
            assertThat(hits(index, "cocoa")).isEmpty();
            assertThat(hits(index, "coffe")).containsExactly("a1#0");
        }
    }

    @Test
    void firstPassageCarriesTheWholeArticleSoArticleStatisticsArePerArticle() {
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            index.index(article("a1", "Cocoa harvest", "Cocoa prices rose.\n\nFarmers sold cocoa.\n\nRain fell.", null));
            index.index(article("a2", "Coffee", "Coffee prices rose.", null));
            index.commit();
            index.withSearcher(s -> {
                var reader = s.getIndexReader();
                assertThat(reader.numDocs()).isEqualTo(4);
                assertThat(reader.getDocCount(PassageFields.ARTICLE)).isEqualTo(2);
                assertThat(reader.docFreq(new Term(PassageFields.ARTICLE, "rain"))).isEqualTo(1);
                assertThat(reader.docFreq(new Term(PassageFields.ARTICLE, "harvest"))).isEqualTo(1);
                ScoreDoc[] docs = s.search(new TermQuery(new Term(PassageFields.ARTICLE, "rain")), 10).scoreDocs;
                assertThat(s.storedFields().document(docs[0].doc).get(PassageFields.ID)).isEqualTo("a1#0");
                // title and body are separate values: no phrase across them
                var across = new org.apache.lucene.search.PhraseQuery(PassageFields.ARTICLE, "harvest", "cocoa");
                assertThat(s.count(across)).isZero();
                return null;
            });
        }
    }

    @Test
    void storesFieldsAndPublishedPointForRangeFilters() {
        Instant published = Instant.parse("2025-03-21T08:00:00Z");
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            index.index(article("a1", "Kim meets Shoigu", "Talks in Pyongyang.", published));
            index.index(article("a2", "Undated", "Talks elsewhere.", null));
            index.commit();
            long inRange = index.withSearcher(s -> (long) s.count(LongPoint.newRangeQuery(PassageFields.PUBLISHED,
                    published.toEpochMilli() - 1, published.toEpochMilli() + 1)));
            assertThat(inRange).isEqualTo(1);
            var doc = index.withSearcher(s -> s.storedFields().document(
                    s.search(new TermQuery(new Term(PassageFields.ARTICLE_ID, "a1")), 1).scoreDocs[0].doc));
            assertThat(doc.get(PassageFields.TITLE)).isEqualTo("Kim meets Shoigu");
            assertThat(doc.get(PassageFields.SOURCE)).isEqualTo("Example");
            assertThat(doc.get(PassageFields.URL)).isEqualTo("https://example.com/a1");
            assertThat(doc.getField(PassageFields.PUBLISHED).numericValue().longValue()).isEqualTo(published.toEpochMilli());
            assertThat(doc.getField(PassageFields.PASSAGE).numericValue().intValue()).isZero();
        }
    }

    @Test
    void duplicatesAndDeletedArticlesAreNotSearchable() {
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            index.index(article("a1", "T", "Cocoa prices rose.", null));
            index.index(article("a2", "T", "Cocoa prices rose again.", null));
            index.index(article("a2", "T", "Cocoa prices rose again.", null).asDuplicateOf("a1"));
            index.commit();
            assertThat(hits(index, "cocoa")).containsExactly("a1#0");
            index.delete("a1");
            index.deleteAll();
            index.commit();
            assertThat(index.passageCount()).isZero();
        }
    }

    @Test
    void secondWriterGetsAClearLockErrorWhileReadersKeepWorking(@TempDir Path dir) {
        try (PassageIndex writer = PassageIndex.openWritable(PassageIndex.onDisk(dir), PassageIndex.Options.DEFAULTS)) {
            writer.index(article("a1", "T", "Cocoa prices rose.", null));
            writer.commit();

            assertThatThrownBy(() -> PassageIndex.openWritable(PassageIndex.onDisk(dir), PassageIndex.Options.DEFAULTS))
                    .isInstanceOf(IndexLockedException.class)
                    .hasMessageContaining("locked by another newsbrief process");

            try (PassageIndex reader = PassageIndex.openReadOnly(PassageIndex.onDisk(dir))) {
                assertThat(reader.isReadOnly()).isTrue();
                assertThat(hits(reader, "cocoa")).containsExactly("a1#0");
                writer.index(article("a2", "T", "More cocoa.", null));
                writer.commit();
                reader.refresh();
                assertThat(hits(reader, "cocoa")).containsExactlyInAnyOrder("a1#0", "a2#0");
                assertThatThrownBy(() -> reader.delete("a1")).isInstanceOf(IndexException.class)
                        .hasMessageContaining("read-only");
            }
        }
    }

    @Test
    void readOnlyOnAMissingIndexSearchesAsEmpty(@TempDir Path dir) {
        try (PassageIndex reader = PassageIndex.openReadOnly(PassageIndex.onDisk(dir.resolve("index")))) {
            assertThat(reader.passageCount()).isZero();
        }
    }

    @Test
    void aLargeBufferIsWrittenAsASegmentThatBecomesVisibleAndDurableOnlyWithTheCommit(@TempDir Path dir) {
        PassageIndex.Options oneMegabyte = new PassageIndex.Options(1, PassageSplitter.Options.DEFAULTS);
        try (PassageIndex writer = PassageIndex.openWritable(PassageIndex.onDisk(dir), oneMegabyte)) {
            writer.index(article("a0", "T", "Cocoa prices rose.", null));
            writer.commit();
            assertThat(writer.flushLargeBuffer()).isFalse(); // nothing in memory
            writer.index(article("a1", "Cocoa report", "Cocoa prices rose, dealers said.", null));
            assertThat(writer.flushLargeBuffer()).isFalse(); // far below a quarter of the buffer
            int articles = 1;
            boolean flushed = false;
            while (!flushed && articles < 5000) {
                articles++;
                writer.index(article("a" + articles, "Cocoa report " + articles, "Cocoa prices rose by " + articles
                        + " percent in trading on Monday, dealers said.\n\nFarmers sold more cocoa.", null));
                flushed = writer.flushLargeBuffer();
            }
            assertThat(flushed).isTrue();
            assertThat(writer.flushLargeBuffer()).isFalse(); // what was buffered is on disk now

            try (PassageIndex reader = PassageIndex.openReadOnly(PassageIndex.onDisk(dir))) {
                assertThat(hits(reader, "cocoa")).containsExactly("a0#0"); // written, not committed
                writer.commit();
                reader.refresh();
                assertThat(reader.passageCount()).isEqualTo(2 * articles);
            }
        }
    }
}
