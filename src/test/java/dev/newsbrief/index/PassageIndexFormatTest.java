package dev.newsbrief.index;

import static dev.newsbrief.index.PassageIndexTest.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index format recorded in every commit, and how an index of another format is recognised. */
class PassageIndexFormatTest {

    /** An index as a version before format 2 wrote it: passages, no article field, no format mark. */
    static void writeUnmarkedIndex(Path dir, Map<String, String> userData) throws IOException {
        try (Directory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new NewsAnalyzer()))) {
            var old = article("old", "T", "Cocoa prices rose.", null);
            Document doc = PassageIndex.document(old, new Passage("old", 0, "Cocoa prices rose."));
            doc.removeFields(PassageFields.ARTICLE);
            w.addDocument(doc);
            w.setLiveCommitData(userData.entrySet());
            w.commit();
        }
    }

    private static Map<String, String> committedUserData(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            return r.getIndexCommit().getUserData();
        }
    }

    @Test
    void aNewIndexRecordsTheCurrentFormatInEveryCommitAndIsCurrentWhenReopened(@TempDir Path dir) throws IOException {
        try (PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dir), PassageIndex.Options.DEFAULTS)) {
            assertThat(index.isOutdated()).isFalse();
            index.index(article("a1", "T", "Cocoa prices rose.", null));
            index.commit();
        }
        assertThat(committedUserData(dir)).containsEntry(PassageIndex.FORMAT_KEY, String.valueOf(PassageIndex.FORMAT));
        try (PassageIndex writer = PassageIndex.openWritable(PassageIndex.onDisk(dir), PassageIndex.Options.DEFAULTS)) {
            assertThat(writer.isOutdated()).isFalse();
            writer.index(article("a2", "T", "More cocoa.", null));
            writer.commit();
        }
        assertThat(committedUserData(dir)).containsEntry(PassageIndex.FORMAT_KEY, String.valueOf(PassageIndex.FORMAT));
        try (PassageIndex reader = PassageIndex.openReadOnly(PassageIndex.onDisk(dir))) {
            assertThat(reader.isOutdated()).isFalse();
        }
    }

    @Test
    void anIndexOpenedAndClosedWithoutChangesIsStillCurrent(@TempDir Path dir) {
        PassageIndex.openWritable(PassageIndex.onDisk(dir), PassageIndex.Options.DEFAULTS).close();
        try (PassageIndex reopened = PassageIndex.openWritable(PassageIndex.onDisk(dir), PassageIndex.Options.DEFAULTS)) {
            assertThat(reopened.isOutdated()).isFalse();
        }
    }

    @Test
    void anIndexWithoutAFormatIsOutdatedUntilClearedAndRebuilt(@TempDir Path dir) throws IOException {
        writeUnmarkedIndex(dir, Map.of());
        try (PassageIndex reader = PassageIndex.openReadOnly(PassageIndex.onDisk(dir))) {
            assertThat(reader.isOutdated()).isTrue();
            assertThat(reader.recordedFormat()).isEqualTo("none");
        }
        try (PassageIndex writer = PassageIndex.openWritable(PassageIndex.onDisk(dir), PassageIndex.Options.DEFAULTS)) {
            assertThat(writer.isOutdated()).isTrue();
            // adding to an old index does not make it current: its other documents still lack fields
            writer.index(article("a1", "T", "Cocoa prices rose.", null));
            writer.commit();
        }
        assertThat(committedUserData(dir)).doesNotContainKey(PassageIndex.FORMAT_KEY);
        try (PassageIndex writer = PassageIndex.openWritable(PassageIndex.onDisk(dir), PassageIndex.Options.DEFAULTS)) {
            assertThat(writer.isOutdated()).isTrue();
            writer.deleteAll();
            writer.index(article("a1", "T", "Cocoa prices rose.", null));
            writer.commit();
            assertThat(writer.isOutdated()).isFalse();
        }
        try (PassageIndex reader = PassageIndex.openReadOnly(PassageIndex.onDisk(dir))) {
            assertThat(reader.isOutdated()).isFalse();
        }
    }

    @Test
    void anIndexOfAnotherFormatIsOutdatedAndAReaderSeesItsRebuildOnRefresh(@TempDir Path dir) throws IOException {
        writeUnmarkedIndex(dir, Map.of(PassageIndex.FORMAT_KEY, "1"));
        try (PassageIndex reader = PassageIndex.openReadOnly(PassageIndex.onDisk(dir))) {
            assertThat(reader.isOutdated()).isTrue();
            assertThat(reader.recordedFormat()).isEqualTo("1");
            try (PassageIndex writer = PassageIndex.openWritable(PassageIndex.onDisk(dir),
                    PassageIndex.Options.DEFAULTS)) {
                writer.deleteAll();
                writer.commit();
            }
            reader.refresh();
            assertThat(reader.isOutdated()).isFalse();
        }
    }
}
