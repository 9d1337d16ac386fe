package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Running out of disk or memory is not a fault of one input: ingest stops at once with one line
 * naming the cause (never hundreds of per-article warnings or a later "IndexWriter is closed"),
 * and what was committed stays consistent.
 */
class IngestExhaustionTest {
    @TempDir
    Path tmp;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
    }

    private Path corpus(int articles) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < articles; i++) {
            sb.append("{\"id\":\"a").append(i).append("\",\"title\":\"Story ").append(i).append("\",\"body\":\"")
                    .append(("Grain exports number " + i + " rose in the port of harbour " + i + " this week. ")
                            .repeat(20)).append("\"}\n");
        }
        return Files.writeString(tmp.resolve("in.jsonl"), sb.toString());
    }

    private long warnings() {
        synchronized (logs) {
            return logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).count();
        }
    }

    @Test
    void aFullDiskUnderTheIndexStopsTheIngestWithOneClearLine() throws IOException {
        Path in = corpus(600);
        try (Database db = Database.open(tmp.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(() -> new dev.newsbrief.index.FullDisk(new ByteBuffersDirectory(),
                        200_000, null), new PassageIndex.Options(0.5, PassageIndex.Options.DEFAULTS.passages()))) {
            Ingester ingester = new Ingester(new ArticleStore(db), index, Ingester.Options.DEFAULTS, Clock.systemUTC());
            assertThatThrownBy(() -> ingester.ingest(List.of(in), IngestProgress.NONE))
                    .isInstanceOf(NewsbriefException.class)
                    .hasMessageStartingWith("disk full while writing the index at ")
                    .hasMessageContaining("No space left on device");
        }
        assertThat(warnings()).as("no warning per article").isLessThanOrEqualTo(1);
    }

    @Test
    void aFullDiskUnderTheDatabaseStopsTheIngestAndKeepsWholeBatches() throws IOException {
        Path in = corpus(600);
        try (Database db = Database.open(tmp.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            long pages = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("PRAGMA page_count")) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
            // the writer connection may grow the file by ~150 pages (a few batches), then the "disk" is full
            db.inTransaction(c -> {
                try (var s = c.createStatement()) {
                    s.execute("PRAGMA max_page_count = " + (pages + 150));
                }
                return null;
            });
            // batches of exactly 100 articles (no time limit), so what stays stored is whole batches
            Ingester ingester = new Ingester(new ArticleStore(db), index, new Ingester.Options(dev.newsbrief.core.DataSize.ofMegabytes(10),
                    100, 600_000), Clock.systemUTC());
            assertThatThrownBy(() -> ingester.ingest(List.of(in), IngestProgress.NONE))
                    .isInstanceOf(NewsbriefException.class)
                    .hasMessageStartingWith("disk full while writing the database at ");
            long stored = new ArticleStore(db).count();
            assertThat(stored).as("whole batches only").isPositive().isLessThan(600).isEqualTo(stored / 100 * 100);
            assertThat(index.missing(new ArticleStore(db).originalIds())).as("indexed what was stored").isEmpty();
        }
        assertThat(warnings()).as("no warning per article").isLessThanOrEqualTo(1);
    }

    @Test
    void runningOutOfMemoryWhileIndexingIsReportedAsSuchNotAsAClosedWriter() throws IOException {
        Path in = corpus(300);
        try (Database db = Database.open(tmp.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(() -> new dev.newsbrief.index.FullDisk(new ByteBuffersDirectory(),
                        100_000, new OutOfMemoryError("Java heap space")),
                        new PassageIndex.Options(0.5, PassageIndex.Options.DEFAULTS.passages()))) {
            Ingester ingester = new Ingester(new ArticleStore(db), index, Ingester.Options.DEFAULTS, Clock.systemUTC());
            assertThatThrownBy(() -> ingester.ingest(List.of(in), IngestProgress.NONE))
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("AlreadyClosedException")
                            .contains("Java heap space"));
        }
    }
}
