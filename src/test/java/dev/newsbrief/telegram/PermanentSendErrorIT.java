package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.alerts.Alerts;
import dev.newsbrief.alerts.AlertsOptions;
import dev.newsbrief.alerts.DeliveryStore;
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
import dev.newsbrief.telegram.fake.FakeBotApi;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A Telegram 400 (bad request) is permanent: the alert is sent once, logged once with the method
 * and Telegram's reason, and its delivery marked failed with that reason, never retried.
 */
class PermanentSendErrorIT {
    private static final String TOKEN = "4343:permanent-error-token";
    private static final long CHAT = 91;
    private static final String REASON = "Bad Request: can't parse entities: unexpected end tag";

    @TempDir
    Path dir;

    @Test
    void aBadRequestIsNotRetriedAndTheDeliveryFailsWithTheReason() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
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
                api.push(api.messageUpdate(chat, FakeBotApi.user(CHAT, "Dan"), "/subscribe oil"));
                api.await("subscribed", Duration.ofSeconds(10), () -> api.sent(CHAT).size() == 1);

                api.injectAlways("sendMessage", b -> b.path("chat_id").asLong() == CHAT,
                        new FakeBotApi.Fault.Status(400, REASON, null));
                Instant past = Instant.now().minusSeconds(3600);
                Article a = new Article("o1", "https://news.example/o1", "Oil story", "Wire", past, past, past,
                        "Oil moved today, traders said.", "h1", null, Map.of());
                db.inTransaction(c -> {
                    new ArticleStore(db).upsert(c, a);
                    return alerts.queue().onNewArticle(c, a);
                });
                var worker = alerts.worker(new TelegramAlertSink(bot.sender(), new CallbackStateStore(db)));
                assertThat(worker.runOnce()).isZero();

                DeliveryStore deliveries = new DeliveryStore(db);
                assertThat(deliveries.count((long) CHAT, "failed")).as("failed at once, not pending a retry")
                        .isEqualTo(1);
                assertThat(api.calls("sendMessage").stream().filter(c -> c.status() == 400)).hasSize(1);
                String lastError = db.read(c -> {
                    try (var rs = c.createStatement().executeQuery("SELECT last_error FROM deliveries")) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                });
                assertThat(lastError).contains("400").contains(REASON);
            } finally {
                bot.close();
            }
        } finally {
            root.detachAppender(logs);
        }
        List<String> warnings;
        synchronized (logs) {
            warnings = logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                    .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(REASON)).toList();
        }
        assertThat(warnings).as("logged once, with the method and the reason").hasSize(1);
        assertThat(warnings.get(0)).containsIgnoringCase("sendMessage");
    }
}
