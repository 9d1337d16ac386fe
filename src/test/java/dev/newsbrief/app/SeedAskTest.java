package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.brief.Citation;
import dev.newsbrief.telegram.TelegramBriefingFormatter;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed check end to end: the repository's seeds/ through the real Ingester, then ask. */
class SeedAskTest {

    @Test
    void kimShoiguQuestionCitesTheIngestedSeedWithTheQuoteAndNoPageChrome(@TempDir Path data) {
        Clock clock = Clock.fixed(Instant.parse("2025-03-23T12:00:00Z"), ZoneOffset.UTC);
        try (Database db = Database.open(data.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(data.resolve("index")),
                        PassageIndex.Options.DEFAULTS)) {
            ArticleStore store = new ArticleStore(db);
            IngestReport report = new Ingester(store, index, Ingester.Options.DEFAULTS, clock)
                    .ingestSeeds(Path.of("seeds"));
            assertThat(report.added()).isEqualTo(1);
            String seedId = store.latest(1).get(0).id();

            BriefingService service = new BriefingService(index, new NewsAnalyzer(), clock, BriefOptions.defaults());
            Briefing b = service.ask("What did Kim Jong Un tell Shoigu?");

            assertThat(b.kind()).isEqualTo(Briefing.Kind.ANSWER);
            assertThat(b.citations()).extracting(Citation::articleId).contains(seedId);
            StringBuilder text = new StringBuilder(b.lead() == null ? "" : b.lead().text());
            b.items().forEach(i -> text.append('\n').append(i.text().text()));
            assertThat(text).contains("invariably support Russia");
            // "what did he tell": the quote is the answer, so it leads
            assertThat(b.lead()).isNotNull();
            assertThat(b.lead().text()).contains("invariably support Russia");
            assertThat(b.subscribeTopic()).isEqualTo("Kim Jong Un Shoigu");
            assertThat(text.toString()).doesNotContain("Gallery", "WhatsApp", "\u00D7", "Share");
            String html = new TelegramBriefingFormatter(ZoneOffset.UTC).format(b);
            assertThat(html).contains("invariably support").doesNotContain("Gallery", "WhatsApp");
        }
    }
}
