package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.chat.BriefingNewsDesk;
import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.ChatServices;
import dev.newsbrief.chat.ChatSettings;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.UpdateOffsetStore;
import dev.newsbrief.telegram.fake.FakeBotApi.Call;
import dev.newsbrief.telegram.fake.FakeBotApi;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot with the real briefing service and formatters over articles full of hostile text. */
class BriefingBotIT {
    private static final String TOKEN = "987:briefing-bot-token";
    private static final Instant NOW = Instant.parse("2025-03-23T12:00:00Z");
    private static final long CHAT = 77;

    @TempDir
    Path dir;

    private static Article article(String id, String title, String body) {
        return new Article(id, "https://news.example/" + id + "?a=1&b=<2>", title, "Wire & <Co>", NOW.minusSeconds(3600),
                NOW, NOW, body, Integer.toHexString(body.hashCode()), null, Map.of());
    }

    @Test
    void answersMoreAndInlineAreValidTelegramHtml() throws Exception {
        List<Article> articles = new ArrayList<>();
        String[] places = {"Vienna", "Lagos", "Oslo", "Lima", "Hanoi", "Quito", "Riga", "Accra", "Doha", "Baku",
            "Sofia", "Tunis"};
        String[] subjects = {"tariffs", "drought", "elections", "strikes", "vaccines", "floods", "rates", "wheat",
            "copper", "shipping", "bonds", "rail"};
        for (int i = 0; i < 12; i++) {
            articles.add(article("a" + i, "Pipeline <" + subjects[i] + "> in " + places[i] + " & \"talks\"",
                    "Pipeline negotiators in " + places[i] + " <b>argued</b> about " + subjects[i] + " & "
                            + subjects[(i + 5) % 12] + " on day " + i + ". "
                            + "The " + places[(i + 3) % 12] + " delegation wants gas \"soon\" <script>x()</script>. "
                            + "W".repeat(40 + 7 * i) + " more < less > greater.\n\n"
                            + "Later, " + places[i] + " officials mentioned " + subjects[(i + 7) % 12]
                            + " with \u0000 NUL and \u202E bidi text " + i + "."));
        }
        PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS);
        articles.forEach(index::index);
        index.commit();
        BriefingService service = new BriefingService(index, new NewsAnalyzer(), Clock.fixed(NOW, ZoneOffset.UTC),
                BriefOptions.defaults());
        try (FakeBotApi api = new FakeBotApi(TOKEN); Database db = Database.open(dir.resolve("b.db"))) {
            ChatHandler handler = new ChatHandler(ChatServices.over(db, new BriefingNewsDesk(service, ZoneOffset.UTC)),
                    ChatSettings.defaults(), Clock.systemUTC());
            TelegramSettings settings = new TelegramSettings(URI.create(api.baseUrl()), null, Set.of(),
                    Duration.ofSeconds(2), Duration.ofSeconds(1), 4, 4, new TelegramSettings.Rate(30, Duration.ofMillis(20), 20),
                    new TelegramSettings.Retry(3, Duration.ofMillis(50), Duration.ofMillis(200)), "polling",
                TelegramSettings.Webhook.DEFAULTS);
            TelegramBot bot = TelegramBot.start(settings, BotToken.of(TOKEN), handler, new ChatStore(db),
                    new UpdateOffsetStore(db));
            try {
                ObjectNode chat = FakeBotApi.chat(CHAT, "private", null);
                ObjectNode user = FakeBotApi.user(CHAT, "Bob");
                api.push(api.messageUpdate(chat, user, "pipeline <b>negotiators</b> & \"gas\""));
                api.await("answer", Duration.ofSeconds(10), () -> api.sent(CHAT).size() == 1);
                Call answer = api.sent(CHAT).get(0);
                String more = null;
                for (var row : answer.body().path("reply_markup").path("inline_keyboard")) {
                    for (var b : row) {
                        if (b.path("text").asText().equals("More")) {
                            more = b.path("callback_data").asText();
                        }
                    }
                }
                assertThat(more).as("a More button in " + answer.body()).isNotNull();
                api.push(api.callbackUpdate(chat, user, more));
                api.push(api.messageUpdate(chat, user, "/latest pipeline"));
                api.push(api.messageUpdate(chat, user, "<<<&&&>>> \"\" ~^*?:\\/[]{}"));
                api.push(api.inlineUpdate(user, "pipeline gas"));
                api.await("replies", Duration.ofSeconds(10), () -> api.sent(CHAT).size() >= 4
                        && api.calls("answerInlineQuery").size() == 1);
                for (Call c : api.sent(CHAT)) {
                    assertThat(TelegramHtmlChecker.problem(c.text())).as(c.text()).isNull();
                }
                assertThat(api.sent(CHAT).get(1).text()).isNotEqualTo(answer.text());
                var results = api.calls("answerInlineQuery").get(0).body().path("results");
                assertThat(results.size()).isBetween(1, 10);
                results.forEach(r -> assertThat(TelegramHtmlChecker.problem(
                        r.path("input_message_content").path("message_text").asText())).isNull());
            } finally {
                bot.close();
                index.close();
            }
        }
    }
}
