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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the one chat handler over an opened app: index, briefing service, stores. */
final class ChatWiring {
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
     * The handler over an index the caller opened, recording query latency in {@code metrics},
     * with /stats answered by {@code statsReport} when given.
     */
    static Wired wire(AppContext app, PassageIndex index, MeterRegistry metrics,
            Optional<Supplier<String>> statsReport) {
        BriefingService briefs = new BriefingService(index, new NewsAnalyzer(), Clock.systemDefaultZone(),
                BriefSettings.from(app.config()), metrics);
        Alerts alerts = app.manage(Alerts.open(app.database(), AlertsOptions.from(app.config()), Clock.systemUTC(),
                Alerts.documentFrequencyIn(index)));
        ChatServices services = ChatServices.over(app.database(), new BriefingNewsDesk(briefs, ZoneId.systemDefault()))
                .withAlerts(alerts.subscriptions());
        if (statsReport.isPresent()) {
            services = services.withStatsReport(statsReport.get());
        }
        return new Wired(new ChatHandler(services, ChatSettingsReader.from(app.config()), Clock.systemUTC()), alerts);
    }
}
