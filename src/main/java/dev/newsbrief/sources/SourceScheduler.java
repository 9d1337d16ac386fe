package dev.newsbrief.sources;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every source in the background on its own executor: at most {@code max-concurrent-fetches}
 * sources at once, each rescheduled when its poll finishes for the time its health dictates
 * (interval, or back-off while failing). A source's first poll is at the {@code next_poll_at} it
 * had before a restart, or now. A poll that throws is contained to its source.
 */
public final class SourceScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceScheduler.class);

    private final SourcePolling polling;
    private final List<Source> sources;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;
    private volatile boolean closed;
    private final MeterRegistry metrics;

    public SourceScheduler(SourcePolling polling, List<Source> sources, Clock clock) {
        this(polling, sources, clock, new CompositeMeterRegistry());
    }

    /** @param metrics where failed polls are counted per source ({@code newsbrief.feeds.errors}) */
    public SourceScheduler(SourcePolling polling, List<Source> sources, Clock clock, MeterRegistry metrics) {
        this.metrics = metrics;
        this.polling = polling;
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(polling.options().maxConcurrentFetches(), threads());
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public void start() {
        Instant now = clock.instant();
        for (Source source : sources) {
            Instant next = polling.store().find(source.name())
                    .filter(s -> source.location().equals(s.url()))
                    .map(FeedState::nextPollAt).orElse(now);
            schedule(source, next == null ? now : next);
        }
        log.info("polling {} sources with up to {} at a time", sources.size(),
                polling.options().maxConcurrentFetches());
    }

    private void schedule(Source source, Instant at) {
        if (closed) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        try {
            executor.schedule(() -> run(source), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: nothing more to schedule
        }
    }

    private void run(Source source) {
        Instant next;
        try {
            Instant now = clock.instant();
            Optional<PollReport> polled = polling.store().withPollClaim(source.name(), host(source),
                    polling.options().politenessDelay(), now, () -> polling.poll(source));
            if (polled.isEmpty()) {
                // another instance polls it (or just did): come back when the store says it is due
                next = polling.store().find(source.name()).map(FeedState::nextPollAt)
                        .filter(t -> t.isAfter(now)).orElse(now.plus(source.interval()));
                schedule(source, next);
                return;
            }
            PollReport report = polled.get();
            if (report.status() == PollReport.Status.FAILED) {
                metrics.counter("newsbrief.feeds.errors", "source", source.name()).increment();
            }
            next = report.nextPollAt();
        } catch (RuntimeException e) {
            metrics.counter("newsbrief.feeds.errors", "source", source.name()).increment();
            // the pollers record a source's own failures; this is the store or a bug, so retry later
            log.warn("{} {}: poll aborted: {}", source.kind(), source.name(), e.getMessage());
            next = clock.instant().plus(source.interval());
        }
        schedule(source, next);
    }

    /** The host a source is fetched from, for politeness between instances; a folder is its own "host". */
    private static String host(Source source) {
        try {
            String host = java.net.URI.create(source.location()).getHost();
            return host == null ? source.location() : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return source.location();
        }
    }

    /**
     * Stops polling: pending polls are dropped and running ones stop after their current item.
     * Threads are never interrupted, because an interrupt can break the Lucene index mid-write; the
     * HTTP timeouts bound how long a running fetch takes.
     */
    @Override
    public void close() {
        closed = true;
        polling.stop();
        executor.shutdown();
        try {
            long wait = 2 * polling.options().callTimeout().toMillis() + 5_000;
            if (!executor.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
                log.warn("source polls still running after {} ms; leaving them", wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sources-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
