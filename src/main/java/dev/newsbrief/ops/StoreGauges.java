package dev.newsbrief.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges read from the store at scrape time: the alert queue's depth and the age of its oldest
 * entry, stored articles per source, and each feed's consecutive failures. Reading the store
 * (rather than counting events) keeps them right across restarts and for work done by other processes.
 */
public final class StoreGauges {
    private final OpsQueries queries;
    private final Clock clock;
    private final AtomicLong queueDepth = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final MultiGauge articlesBySource;
    private final MultiGauge feedFailures;

    public StoreGauges(OpsQueries queries, Clock clock, MeterRegistry registry) {
        this.queries = queries;
        this.clock = clock;
        Gauge.builder(MetricNames.ALERT_QUEUE_DEPTH, queueDepth, AtomicLong::get)
                .description("alert deliveries waiting to be sent").register(registry);
        Gauge.builder(MetricNames.ALERT_OLDEST_PENDING, oldestPendingSeconds, AtomicLong::get)
                .description("age of the oldest pending alert delivery").baseUnit("seconds").register(registry);
        articlesBySource = MultiGauge.builder(MetricNames.ARTICLES_STORED)
                .description("articles in the store by source").register(registry);
        feedFailures = MultiGauge.builder(MetricNames.FEED_CONSECUTIVE_FAILURES)
                .description("consecutive failed polls of a feed").register(registry);
    }

    /** Re-reads every gauge from the store. */
    public void refresh() {
        queueDepth.set(queries.deliveriesByStatus().getOrDefault("pending", 0L));
        long now = clock.millis();
        oldestPendingSeconds.set(queries.oldestPendingDelivery().stream().map(t -> Math.max(0, now - t) / 1000)
                .findFirst().orElse(0L));
        articlesBySource.register(queries.articlesBySource().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("source", e.getKey()), e.getValue())).toList(), true);
        List<MultiGauge.Row<?>> feeds = queries.feeds().stream()
                .<MultiGauge.Row<?>>map(f -> MultiGauge.Row.of(Tags.of("source", f.source()), f.consecutiveFailures()))
                .toList();
        feedFailures.register(feeds, true);
    }
}
