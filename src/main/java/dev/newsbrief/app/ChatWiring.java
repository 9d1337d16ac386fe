package dev.newsbrief.app;

import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.chat.BriefingNewsDesk;
import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.ChatServices;
import dev.newsbrief.chat.ChatSettingsReader;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageIndex;
import java.time.Clock;
import java.time.ZoneId;

/** Builds the one chat handler over an opened app: index, briefing service, stores. */
final class ChatWiring {
    private ChatWiring() {}

    static ChatHandler handler(AppContext app) {
        // writable: the process holds the data-directory lock, and an empty index must still answer
        PassageIndex index = app.manage(
                PassageIndex.openWritable(PassageIndex.onDisk(app.dir().index()), PassageIndex.Options.DEFAULTS));
        BriefingService briefs = new BriefingService(index, new NewsAnalyzer(), Clock.systemDefaultZone(),
                BriefSettings.from(app.config()));
        ChatServices services = ChatServices.over(app.database(), new BriefingNewsDesk(briefs, ZoneId.systemDefault()));
        return new ChatHandler(services, ChatSettingsReader.from(app.config()), Clock.systemUTC());
    }
}
