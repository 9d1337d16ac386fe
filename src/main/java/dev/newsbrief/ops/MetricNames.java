package dev.newsbrief.ops;

/**
 * The Micrometer names of newsbrief's own meters (Prometheus shows dots as underscores and adds
 * {@code _total} to counters, {@code _seconds} to timers). Components outside this package write
 * the same literals, since they must not import it; docs/OPERATIONS.md lists them with meanings.
 */
public final class MetricNames {
    /** Counter, tag {@code type}: message, command, callback, inline, other. */
    public static final String UPDATES = "newsbrief.telegram.updates";
    /** Counter of messages sent to chats. */
    public static final String REPLIES_SENT = "newsbrief.telegram.replies.sent";
    /** Counter of HTTP 429 answers the sender waited out. */
    public static final String RATE_LIMIT_WAITS = "newsbrief.telegram.rate.limit.waits";
    /** Counter, tag {@code reason}, of sends that failed for good. */
    public static final String SEND_FAILURES = "newsbrief.telegram.send.failures";
    /** Gauge of alert deliveries waiting to be sent (from the store). */
    public static final String ALERT_QUEUE_DEPTH = "newsbrief.alerts.queue.depth";
    /** Gauge of the age in seconds of the oldest pending alert (from the store). */
    public static final String ALERT_OLDEST_PENDING = "newsbrief.alerts.oldest.pending.seconds";
    /** Timer (histogram) from an alert being queued to it being sent (from the store's sent rows). */
    public static final String ALERT_DELIVERY_LAG = "newsbrief.alerts.delivery.lag";
    /** Counter, tag {@code source}, of new articles stored by ingestion. */
    public static final String ARTICLES_INGESTED = "newsbrief.articles.ingested";
    /** Gauge, tag {@code source}, of articles in the store (from the store). */
    public static final String ARTICLES_STORED = "newsbrief.articles.stored";
    /** Counter, tag {@code source}, of failed feed polls. */
    public static final String FEED_ERRORS = "newsbrief.feeds.errors";
    /** Gauge, tag {@code source}, of a feed's consecutive failures (from the store). */
    public static final String FEED_CONSECUTIVE_FAILURES = "newsbrief.feeds.consecutive.failures";
    /** Timer (histogram) of answering a question: search plus briefing. */
    public static final String QUERY_LATENCY = "newsbrief.query.latency";

    private MetricNames() {}
}
