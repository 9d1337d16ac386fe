package dev.newsbrief.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters read from the store at scrape time: the alert queue's depth and the age of its oldest
 * entry, the delivery lag of alerts sent since the last scrape, stored articles per source, and
 * each feed's consecutive failures. Reading the store
 * (rather than counting events) keeps them right across restarts and for work done by other processes.
 */
public final class StoreGauges {
    private final OpsQueries queries;
    private final Clock clock;
    private final AtomicLong queueDepth = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final MultiGauge articlesBySource;
    private final MultiGauge feedFailures;
    private final Timer deliveryLag;
    /** sent_at of the newest delivery already recorded in {@link #deliveryLag}; -1 before the first refresh. */
    private long lastSentSeen = -1;

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
        deliveryLag = Timer.builder(MetricNames.ALERT_DELIVERY_LAG)
                .description("time from an alert being queued to it being sent").register(registry);
    }

    /**
     * Re-reads every gauge from the store, and records the lag of each delivery sent since the
     * last refresh (deliveries sent before the first refresh are history, not recorded).
     */
    public synchronized void refresh() {
        if (lastSentSeen < 0) {
            lastSentSeen = queries.lastSentAt();
        } else {
            for (OpsQueries.SentDelivery d : queries.sentAfter(lastSentSeen, 10_000)) {
                deliveryLag.record(Duration.ofMillis(Math.max(0, d.sentAt() - d.createdAt())));
                lastSentSeen = Math.max(lastSentSeen, d.sentAt());
            }
        }
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
