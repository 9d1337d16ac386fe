package dev.newsbrief.sources;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestOutcome;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.ingest.ParseOutcome;
import dev.newsbrief.ingest.ParsedArticle;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.lucene.store.ByteBuffersDirectory;

/** Test wiring: fast fetch options, the real pipeline behind a recording sink, a settable clock. */
final class TestSupport {
    private TestSupport() {}

    static FetchOptions fastOptions() {
        return new FetchOptions("newsbrief-test/1.0", Duration.ofSeconds(2), Duration.ofMillis(1000),
                Duration.ofMillis(2500), 3, 10L * 1024 * 1024, Duration.ZERO, 2, Duration.ofHours(6), 200);
    }

    /**
     * The real ingestion pipeline (ingest's Ingester on a real SQLite store and an in-memory index)
     * behind the sink port, recording what the sources delivered.
     */
    static final class RecordingSink implements ArticleSink, AutoCloseable {
        final ArticleStore store;
        final PassageIndex index;
        final Ingester ingester;
        private final ArticleSink pipeline;
        final List<ParsedArticle> received = new CopyOnWriteArrayList<>();

        RecordingSink(Database db) {
            this.store = new ArticleStore(db);
            this.index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS);
            this.ingester = new Ingester(store, index, Ingester.Options.DEFAULTS, Clock.systemUTC());
            this.pipeline = ArticleSink.of(ingester);
        }

        @Override
        public IngestOutcome ingest(ParsedArticle article, String origin) {
            received.add(article);
            return pipeline.ingest(article, origin);
        }

        @Override
        public IngestReport ingestAll(List<ParseOutcome> items) {
            items.forEach(i -> received.add(((ParseOutcome.Parsed) i).article()));
            return pipeline.ingestAll(items);
        }

        @Override
        public IngestReport ingestFile(Path file) {
            return pipeline.ingestFile(file);
        }

        @Override
        public void close() {
            index.close();
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
