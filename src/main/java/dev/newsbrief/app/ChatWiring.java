package dev.newsbrief.app;

import dev.newsbrief.alerts.Alerts;
import dev.newsbrief.alerts.AlertsOptions;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.chat.BriefingNewsDesk;
import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.ChatServices;
import dev.newsbrief.chat.ChatSettingsReader;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.sources.ArticleSink;
import dev.newsbrief.sources.BackgroundSources;
import dev.newsbrief.stories.StoryReader;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.ingest.IngestReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the one chat handler over an opened app: index, briefing service, stores, and the sources it polls. */
final class ChatWiring {
    private static final Logger log = LoggerFactory.getLogger(ChatWiring.class);
    private ChatWiring() {}

    /** The chat handler and the alerts services it uses for subscriptions. */
    record Wired(ChatHandler handler, Alerts alerts) {}

    static ChatHandler handler(AppContext app) {
        return wire(app).handler();
    }

    static Wired wire(AppContext app) {
        // writable: the process holds the data-directory lock, and an empty index must still answer
        PassageIndex index = IndexWiring.openForWriting(app, PassageIndex.Options.DEFAULTS);
        return wire(app, index, new CompositeMeterRegistry(), Optional.empty());
    }

    /**
     * The handler over an index the caller opened, recording query latency, ingested articles and
     * feed errors in {@code metrics}, with /stats answered by {@code statsReport} when given.
     */
    static Wired wire(AppContext app, PassageIndex index, MeterRegistry metrics,
            Optional<Supplier<String>> statsReport) {
        BriefingService briefs = new BriefingService(index, new NewsAnalyzer(), Clock.systemDefaultZone(),
                BriefSettings.from(app.config()), metrics,
                StoryWiring.coverage(app.manage(new StoryReader(app.database()))));
        Alerts alerts = app.manage(Alerts.open(app.database(), AlertsOptions.from(app.config()), Clock.systemUTC(),
                Alerts.documentFrequencyIn(index)));
        // one ingester for everything this process ingests (configured sources polled in the background, /ingest);
        // new articles queue their topic alerts in their own transaction
        Ingester ingester = new Ingester(new ArticleStore(app.database()), index,
                IngestWiring.ingestOptions(app.config()), Clock.systemUTC());
        ingester.addListener(alerts.queue()::onNewArticle);
        OpsWiring.countIngested(metrics, ingester);
        ingestSeeds(app, ingester);
        BackgroundSources sources = app.manage(BackgroundSources.start(app.config(), app.database(),
                ArticleSink.of(ingester), Clock.systemUTC(), metrics));
        ChatServices services = ChatServices.over(app.database(), new BriefingNewsDesk(briefs, ZoneId.systemDefault()))
                .withAlerts(alerts.subscriptions())
                .withAlertPages(alerts.pages())
                .withIngestor(sources.pages()::ingestAndDescribe);
        if (statsReport.isPresent()) {
            services = services.withStatsReport(statsReport.get());
        }
        return new Wired(new ChatHandler(services, ChatSettingsReader.from(app.config()), Clock.systemUTC()), alerts);
    }

    /** The seed corpus goes in at every start; re-ingesting unchanged seeds changes nothing. */
    private static void ingestSeeds(AppContext app, Ingester ingester) {
        app.config().optionalString("data.seeds").map(Path::of).ifPresent(seeds -> {
            IngestReport report = ingester.ingestSeeds(seeds);
            if (!report.skipped().isEmpty()) {
                log.warn("seeds: {}", report.summary(5));
            }
        });
    }
}
