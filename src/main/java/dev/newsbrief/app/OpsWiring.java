package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.index.IndexFollower;
import dev.newsbrief.ops.OpsQueries;
import dev.newsbrief.ops.OpsRuntime;
import dev.newsbrief.ops.Redactor;
import dev.newsbrief.ops.RedactingEncoder;
import dev.newsbrief.ops.StatsService;
import dev.newsbrief.store.DataDirectory;
import dev.newsbrief.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Operations for the long-running bot, in the few calls {@code run} needs: start the /healthz and
 * /metrics listener over the store and index, hand {@link #registry()} to the components that
 * record metrics, count ingested articles, watch Telegram polling, and give /stats its report.
 */
final class OpsWiring implements AutoCloseable {
    private final OpsRuntime runtime;
    private final StatsService stats;

    private OpsWiring(OpsRuntime runtime, StatsService stats) {
        this.runtime = runtime;
        this.stats = stats;
    }

    static OpsWiring start(Config config, DataDirectory dir, Database db, PassageIndex index, Clock clock) {
        Redactor redactor = Redactor.tokenShapes().withSecret(System.getenv(RedactingEncoder.TOKEN_VARIABLE));
        for (String secret : config.secrets()) {
            redactor = redactor.withSecret(secret);
        }
        OpsRuntime runtime = OpsRuntime.start(config.settings().ops(), redactor, db, index, clock);
        return new OpsWiring(runtime, stats(dir, db, index, clock));
    }

    /** The one source of the statistics that {@code newsbrief stats} and /stats show. */
    static StatsService stats(DataDirectory dir, Database db, PassageIndex index, Clock clock) {
        return new StatsService(new OpsQueries(db), index::passageCount, dir.index(), dir.database(), clock);
    }

    /** The bound listener port, or -1 when ops.http.enabled is false. */
    int port() {
        return runtime.port().orElse(-1);
    }

    /** Where the bot's components record metrics. */
    MeterRegistry registry() {
        return runtime.registry();
    }

    /** Counts every new original article per source ({@code newsbrief.articles.ingested}) in {@code metrics}. */
    static void countIngested(MeterRegistry metrics, Ingester ingester) {
        ingester.addListener((connection, article) -> metrics.counter("newsbrief.articles.ingested",
                "source", article.source() == null ? "unknown" : article.source()).increment());
    }

    /** Makes /healthz depend on Telegram polling; pass {@code bot::lastSuccessfulPoll}. */
    void watchPolling(Supplier<Instant> lastSuccessfulPoll) {
        runtime.watchPolling(lastSuccessfulPoll);
    }

    /** Makes /healthz report the index's change-log lag (several instances on PostgreSQL). */
    void watchIndexLag(IndexFollower follower) {
        runtime.watchIndexLag(follower::lag);
    }

    /** The /stats text, for {@code ChatServices.withStatsReport}. */
    Supplier<String> statsReport() {
        return () -> stats.collect().render();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
