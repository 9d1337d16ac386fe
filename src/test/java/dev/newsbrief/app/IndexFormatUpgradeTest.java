package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index left by an older version: ask says to reindex, and the next writer rebuilds it from SQLite. */
class IndexFormatUpgradeTest {

    @Test
    void askRefusesAnOutdatedIndexAndTheNextWriterRebuildsIt(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        Path cocoa = dir.resolve("cocoa.txt");
        Files.writeString(cocoa, "Ivory Coast cocoa harvest falls\n\nThe Ivory Coast cocoa harvest fell by a third "
                + "this season after heavy rains, exporters said on Tuesday.\n");
        assertThat(CliRun.of("ingest", "--data", data.toString(), cocoa.toString()).exitCode()).isZero();
        assertThat(CliRun.of("ask", "--data", data.toString(), "cocoa harvest").out()).contains("Ivory Coast");

        replaceWithOldFormatIndex(data.resolve("index"));

        CliRun refused = CliRun.of("ask", "--data", data.toString(), "cocoa harvest");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("index format is outdated; run `newsbrief reindex`")
                .doesNotContain("Exception");

        Path wheat = dir.resolve("wheat.txt");
        Files.writeString(wheat, "Wheat exports rise\n\nCanadian wheat exports rose sharply in March, the grain "
                + "commission said in its monthly report.\n");
        assertThat(CliRun.of("ingest", "--data", data.toString(), wheat.toString()).exitCode()).isZero();

        assertThat(CliRun.of("ask", "--data", data.toString(), "cocoa harvest").out()).contains("Ivory Coast");
        assertThat(CliRun.of("ask", "--data", data.toString(), "wheat exports").out()).contains("Canadian wheat");
    }

    /** What a version before the format mark left on disk: passages without the article field. */
    private static void replaceWithOldFormatIndex(Path index) throws IOException {
        try (Directory d = FSDirectory.open(index); IndexWriter w = new IndexWriter(d,
                new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            Document doc = new Document();
            doc.add(new StringField("id", "old#0", Field.Store.YES));
            doc.add(new TextField("text", "The Ivory Coast cocoa harvest fell.", Field.Store.YES));
            w.addDocument(doc);
            w.commit();
        }
    }
}
