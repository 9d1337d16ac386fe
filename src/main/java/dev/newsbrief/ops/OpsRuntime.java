package dev.newsbrief.ops;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything operations adds to a long-running process, wired in one place: the metrics registry
 * (JVM metrics and store gauges), the health checks of the store and the index, and — when
 * {@code ops.http.enabled} — the /healthz and /metrics listener. The bot's {@code run} command
 * starts one and hands {@link #registry()} to the components that record metrics.
 */
public final class OpsRuntime implements AutoCloseable {
    private final OpsSettings settings;
    private final Clock clock;
    private final OpsMetrics metrics;
    private final HealthChecks health;
    private final OpsServer server;

    private OpsRuntime(OpsSettings settings, Clock clock, OpsMetrics metrics, HealthChecks health, OpsServer server) {
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.health = health;
        this.server = server;
    }

    /** Registers the store and index checks and gauges and starts the listener if enabled. */
    public static OpsRuntime start(OpsSettings settings, Redactor redactor, Database db, PassageIndex index,
            Clock clock) {
        OpsMetrics metrics = new OpsMetrics();
        OpsQueries queries = new OpsQueries(db);
        StoreGauges gauges = new StoreGauges(queries, clock, metrics.registry());
        metrics.beforeScrape(gauges::refresh);
        HealthChecks health = new HealthChecks(redactor)
                .register("store", new StoreHealthCheck(queries))
                .register("index", new IndexHealthCheck(index))
                // unhealthy until the bot is connected and watchPolling replaces it
                .register("telegram", () -> HealthCheck.Result.unhealthy("not polling yet (starting up)"));
        try {
            OpsServer server = settings.http().enabled() ? OpsServer.start(settings, health, metrics) : null;
            return new OpsRuntime(settings, clock, metrics, health, server);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    /**
     * Replaces the start-up placeholder with the Telegram polling check: unhealthy when no poll
     * succeeded within {@code ops.polling-stale-after} (the first poll gets the same grace).
     */
    public void watchPolling(Supplier<Instant> lastSuccessfulPoll) {
        health.register("telegram", new PollingHealthCheck(lastSuccessfulPoll, settings.pollingStaleAfter(), clock));
    }

    /**
     * Makes /healthz report how far this instance's index is behind the shared store's change log
     * (several instances on PostgreSQL); unhealthy once the oldest pending change is 5 minutes old.
     */
    public void watchIndexLag(Supplier<dev.newsbrief.store.ChangeLog.Lag> lag) {
        health.register("index-lag", new IndexLagCheck(lag, java.time.Duration.ofMinutes(5), clock));
    }

    /** The registry other components record into (plain Micrometer, so they need not import this package). */
    public MeterRegistry registry() {
        return metrics.registry();
    }

    public HealthChecks health() {
        return health;
    }

    /** The bound listener port, when the listener runs. */
    public Optional<Integer> port() {
        return Optional.ofNullable(server).map(OpsServer::port);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        metrics.close();
    }
}
