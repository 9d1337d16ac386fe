package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.alerts.Alerts;
import dev.newsbrief.alerts.AlertsOptions;
import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.ChatServices;
import dev.newsbrief.chat.ChatSettings;
import dev.newsbrief.chat.ListNewsDesk;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.CallbackStateStore;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An overflowing alert bundle through the fake Bot API: the Telegram alert sink sends it with an
 * unsubscribe button and "+N more"; pressing "+N more" (a callback query) brings the next
 * articles, again with "+N more", until every article was shown exactly once.
 */
class AlertMoreBotIT {
    private static final String TOKEN = "4242:alert-more-token";
    private static final long CHAT = 88;
    private static final Pattern HEADLINE = Pattern.compile("Oil story (\\d+)");

    @TempDir
    Path dir;

    @Test
    void pressingMoreShowsTheRestOfTheBundlePageByPage() throws Exception {
        try (FakeBotApi api = new FakeBotApi(TOKEN); Database db = Database.open(dir.resolve("a.db"));
                Alerts alerts = Alerts.open(db, AlertsOptions.DEFAULTS.withInstantWindow(Duration.ZERO),
                        Clock.systemUTC(), term -> 0)) {
            ChatHandler handler = new ChatHandler(ChatServices.over(db, new ListNewsDesk(List.of()))
                    .withAlerts(alerts.subscriptions()).withAlertPages(alerts.pages(AlertHtml::fits)), ChatSettings.defaults(),
                    Clock.systemUTC());
            TelegramSettings settings = new TelegramSettings(URI.create(api.baseUrl()), null, Set.of(),
                    Duration.ofSeconds(2), Duration.ofSeconds(1), 4, 4, new TelegramSettings.Rate(30, Duration.ofMillis(20), 20),
                    new TelegramSettings.Retry(3, Duration.ofMillis(50), Duration.ofMillis(200)), "polling",
                TelegramSettings.Webhook.DEFAULTS);
            TelegramBot bot = TelegramBot.start(settings, BotToken.of(TOKEN), handler, new ChatStore(db),
                    new UpdateOffsetStore(db));
            try {
                ObjectNode chat = FakeBotApi.chat(CHAT, "private", null);
                ObjectNode user = FakeBotApi.user(CHAT, "Carol");
                api.push(api.messageUpdate(chat, user, "/subscribe oil"));
                api.await("subscribed", Duration.ofSeconds(10), () -> api.sent(CHAT).size() == 1);

                Instant past = Instant.now().minusSeconds(3600);
                ArticleStore articles = new ArticleStore(db);
                for (int i = 0; i < 50; i++) {
                    Article a = new Article("o" + i, "https://news.example/o" + i + "?a=1&b=2", "Oil story " + i,
                            "Wire & <Co>", past.minusSeconds(i), past, past, "Oil moved on day " + i
                                    + ", traders said <loudly>. " + "More words here. ".repeat(10),
                            "h" + i, null, Map.of());
                    db.inTransaction(c -> {
                        articles.upsert(c, a);
                        return alerts.queue().onNewArticle(c, a);
                    });
                }
                int accepted = alerts.worker(new TelegramAlertSink(bot.sender(), new CallbackStateStore(db))).runOnce();
                assertThat(accepted).isEqualTo(1);

                Set<String> shown = new HashSet<>();
                List<Call> pages = new ArrayList<>();
                while (true) {
                    Call page = api.sent(CHAT).get(api.sent(CHAT).size() - 1);
                    pages.add(page);
                    assertThat(TelegramHtmlChecker.problem(page.text())).as(page.text()).isNull();
                    assertThat(page.text().length()).isLessThanOrEqualTo(4096);
                    Matcher m = HEADLINE.matcher(page.text());
                    while (m.find()) {
                        assertThat(shown.add(m.group(1))).as("shown once: " + m.group()).isTrue();
                    }
                    assertThat(button(page, "Unsubscribe from ‘oil’")).isNotNull();
                    String more = button(page, "+");
                    if (more == null) {
                        break;
                    }
                    int before = api.sent(CHAT).size();
                    api.push(api.callbackUpdate(chat, user, more));
                    api.await("the next page", Duration.ofSeconds(10), () -> api.sent(CHAT).size() == before + 1);
                }
                assertThat(pages.size()).isGreaterThan(1);
                assertThat(pages.get(1).text()).contains("More on your topics");
                assertThat(shown).hasSize(50);
            } finally {
                bot.close();
            }
        }
    }

    /** The callback data of the first button whose label starts with {@code prefix}, or null. */
    private static String button(Call call, String prefix) {
        for (JsonNode row : call.body().path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.path("text").asText().startsWith(prefix)) {
                    return b.path("callback_data").asText();
                }
            }
        }
        return null;
    }
}
