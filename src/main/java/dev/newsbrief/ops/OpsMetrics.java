package dev.newsbrief.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's metrics: one Prometheus registry with the JVM binders, into which the other
 * packages record through the plain Micrometer {@link MeterRegistry} they are given (so they do
 * not depend on this package). Meter names are listed in {@link MetricNames}; latency timers get
 * fixed histogram buckets here, whoever registers them first.
 */
public final class OpsMetrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsMetrics.class);
    /** Buckets for latencies a person waits on: a question's answer, an alert's delivery. */
    private static final Duration[] QUERY_BUCKETS = millis(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000);
    private static final Duration[] LAG_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

    public OpsMetrics() {
        registry.config().meterFilter(histogram(MetricNames.QUERY_LATENCY, QUERY_BUCKETS));
        registry.config().meterFilter(histogram(MetricNames.ALERT_DELIVERY_LAG, LAG_BUCKETS));
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // counters without tags exist from the start, so dashboards show 0 rather than no data
        registry.counter(MetricNames.REPLIES_SENT);
        registry.counter(MetricNames.RATE_LIMIT_WAITS);
    }

    /** The registry other components record into. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Runs {@code refresh} before every scrape; for gauges computed from the store. */
    public void beforeScrape(Runnable refresh) {
        beforeScrape.add(refresh);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        for (Runnable r : beforeScrape) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // a failing store gauge must not take the JVM metrics down with it; /healthz reports the store
                log.warn("refreshing metrics failed: {}", e.getMessage());
            }
        }
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private static MeterFilter histogram(String name, Duration[] buckets) {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(name)) {
                    return config;
                }
                double[] nanos = new double[buckets.length];
                for (int i = 0; i < buckets.length; i++) {
                    nanos[i] = buckets[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }

    private static Duration[] millis(long... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofMillis(values[i]);
        }
        return out;
    }
}
