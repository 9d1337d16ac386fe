package dev.newsbrief.app;

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
import dev.newsbrief.store.ArticleStore;
import java.time.Clock;
import java.time.ZoneId;

/** Builds the one chat handler over an opened app: index, briefing service, stores, and the sources it polls. */
final class ChatWiring {
    private ChatWiring() {}

    static ChatHandler handler(AppContext app) {
        // writable: the process holds the data-directory lock, and an empty index must still answer
        PassageIndex index = app.manage(
                PassageIndex.openWritable(PassageIndex.onDisk(app.dir().index()), PassageIndex.Options.DEFAULTS));
        BriefingService briefs = new BriefingService(index, new NewsAnalyzer(), Clock.systemDefaultZone(),
                BriefSettings.from(app.config()));
        // one ingester for everything this process ingests: configured sources polled in the background, /ingest
        Ingester ingester = new Ingester(new ArticleStore(app.database()), index,
                IngestWiring.ingestOptions(app.config()), Clock.systemUTC());
        BackgroundSources sources = app.manage(BackgroundSources.start(app.config(), app.database(),
                ArticleSink.of(ingester), Clock.systemUTC()));
        ChatServices services = ChatServices.over(app.database(), new BriefingNewsDesk(briefs, ZoneId.systemDefault()))
                .withIngestor(sources.pages()::ingestAndDescribe);
        return new ChatHandler(services, ChatSettingsReader.from(app.config()), Clock.systemUTC());
    }
}
