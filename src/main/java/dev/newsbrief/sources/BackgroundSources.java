package dev.newsbrief.sources;

import dev.newsbrief.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * Everything a running newsbrief needs from sources, in one closeable: the configured sources
 * polled in the background, the page service for {@code /ingest URL}, and their health for
 * {@code /stats}. Closing stops polling (waiting for running fetches) and releases the HTTP client.
 */
public final class BackgroundSources implements AutoCloseable {
    private final List<Source> sources;
    private final SourcePolling polling;
    private final SourceScheduler scheduler;

    private BackgroundSources(List<Source> sources, SourcePolling polling, SourceScheduler scheduler) {
        this.sources = sources;
        this.polling = polling;
        this.scheduler = scheduler;
    }

    /** Starts polling every configured source. */
    public static BackgroundSources start(SourcesOptions options, Database db, ArticleSink sink, Clock clock) {
        return start(options, db, sink, clock, new CompositeMeterRegistry());
    }

    /** Like {@link #start(SourcesOptions, Database, ArticleSink, Clock)}, counting failed polls in {@code metrics}. */
    public static BackgroundSources start(SourcesOptions options, Database db, ArticleSink sink, Clock clock,
            MeterRegistry metrics) {
        List<Source> sources = SourceDefinitions.from(options, new AddedSources(db, clock));
        SourcePolling polling = new SourcePolling(options.fetch(), db, sink, clock);
        SourceScheduler scheduler = new SourceScheduler(polling, sources, clock, metrics);
        scheduler.start();
        return new BackgroundSources(sources, polling, scheduler);
    }

    /** Single-page ingestion for {@code /ingest URL}. */
    public PageService pages() {
        return polling.pages();
    }

    /** Health of every configured source, in config order. */
    public List<SourceHealth> health() {
        return SourceHealth.of(sources, polling.store());
    }

    @Override
    public void close() {
        scheduler.close();
        polling.close();
    }
}
