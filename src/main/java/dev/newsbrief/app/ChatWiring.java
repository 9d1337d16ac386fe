package dev.newsbrief.app;

import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.alerts.Alerts;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.brief.StoryCoverage;
import dev.newsbrief.chat.BriefingNewsDesk;
import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.ChatServices;
import dev.newsbrief.index.IndexCoverage;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.sources.ArticleSink;
import dev.newsbrief.sources.BackgroundSources;
import dev.newsbrief.stories.StoryReader;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.ingest.IngestReport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
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
        PassageIndex index = IndexWiring.openForWriting(app, app.settings().index());
        // /stats shows what `newsbrief stats` shows; the terminal has no message size limit, so an
        // alert page there shows every remaining article
        var stats = OpsWiring.stats(app.dir(), app.database(), index, Clock.systemUTC());
        return wire(app, index, new CompositeMeterRegistry(), Optional.of(() -> stats.collect().render()), page -> true);
    }

    /**
     * The handler over an index the caller opened, recording query latency, ingested articles and
     * feed errors in {@code metrics}, with /stats answered by {@code statsReport} when given.
     *
     * @param alertFits whether an alert page fits in one message of the front end (see {@code AlertSink.fits})
     */
    static Wired wire(AppContext app, PassageIndex index, MeterRegistry metrics,
            Optional<Supplier<String>> statsReport, Predicate<AlertMessage> alertFits) {
        // vectors follow every article this process indexes (seeds, sources, /ingest) in the background
        BriefingService briefs = BriefingService.multilingual(index, Clock.systemDefaultZone(),
                app.settings().brief(), metrics, app.settings().languages(), DenseWiring.forWriting(app, index).search(),
                new StoryCoverage(app.manage(new StoryReader(app.database()))));
        Alerts alerts = app.manage(Alerts.openByLanguage(app.database(), app.settings().alerts(), Clock.systemUTC(),
                Alerts.documentFrequenciesIn(index)));
        // one ingester for everything this process ingests (configured sources polled in the background, /ingest);
        // new articles queue their topic alerts in their own transaction
        Ingester ingester = new Ingester(new ArticleStore(app.database()), index,
                app.settings().ingest().ingester(), app.settings().stories(), Clock.systemUTC());
        ingester.addListener(alerts.queue()::onNewArticle);
        OpsWiring.countIngested(metrics, ingester);
        ingestSeeds(app, ingester);
        BackgroundSources sources = app.manage(BackgroundSources.start(app.settings().sources(), app.database(),
                ArticleSink.of(ingester), Clock.systemUTC(), metrics));
        IndexCoverage coverage = new IndexCoverage(index, new ArticleStore(app.database()), Clock.systemUTC());
        ChatServices services = ChatServices.over(app.database(),
                        new BriefingNewsDesk(briefs, ZoneId.systemDefault(), coverage::notice))
                .withAlerts(alerts.subscriptions())
                .withAlertPages(alerts.pages(alertFits))
                .withIngestor(sources.pages()::ingestAndDescribe);
        if (statsReport.isPresent()) {
            services = services.withStatsReport(statsReport.get());
        }
        return new Wired(new ChatHandler(services, app.settings().chatSettings(), Clock.systemUTC()), alerts);
    }

    /** The seed corpus goes in at every start; re-ingesting unchanged seeds changes nothing. */
    private static void ingestSeeds(AppContext app, Ingester ingester) {
        app.settings().data().seedsFolder().ifPresent(seeds -> {
            IngestReport report = ingester.ingestSeeds(seeds);
            if (!report.skipped().isEmpty()) {
                log.warn("seeds: {}", report.summary(5));
            }
        });
    }
}
