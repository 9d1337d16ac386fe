package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.store.StoreBackend;
import dev.newsbrief.telegram.fake.FakeBotApi;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook mode with two instances on one PostgreSQL: Telegram's pushes are spread over both
 * endpoints (a retry of one reaches both), and each chat's updates are handled exactly once and
 * in order, whichever instance received them.
 */
class WebhookInstancesIT {
    private static final String TOKEN = "123456:SECRET-webhook-token";
    private static final String SECRET = "webhook-secret_42";
    private static final int CHATS = 12;

    @TempDir
    Path dir;

    private CommonOptions options(Path config, String data) {
        CommonOptions options = new CommonOptions();
        options.data = dir.resolve(data);
        options.config = config;
        return options;
    }

    @Test
    void updatesSpreadOverTwoInstancesAreHandledOnceAndInOrderPerChat() throws Exception {
        Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_SECRET", SECRET);
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            Path config = Files.writeString(dir.resolve("newsbrief.yaml"), """
                    data:
                      seeds: ""
                    ops:
                      http:
                        port: 0
                    telegram:
                      base-url: %s
                      mode: webhook
                      webhook:
                        port: 0
                    store:
                      backend: postgresql
                      postgresql:
                        url: "%s"
                        user: postgres
                    """.formatted(api.baseUrl(), StoreBackend.POSTGRESQL.locate(dir, "store")));

            WebhookCli.Set set = new WebhookCli.Set();
            set.common = options(config, "admin");
            set.url = URI.create("https://bot.example/telegram/webhook");
            assertThat(set.run(env)).isZero();
            assertThat(api.webhookUrl()).isEqualTo("https://bot.example/telegram/webhook");
            assertThat(api.webhookSecret()).isEqualTo(SECRET);

            try (RunCli.Running one = RunCli.start(options(config, "one"), env);
                    RunCli.Running two = RunCli.start(options(config, "two"), env)) {
                api.spreadWebhookOver(List.of(endpoint(one), endpoint(two)));
                List<ObjectNode> pushed = new ArrayList<>();
                for (String text : List.of("/subscribe alpha", "/subscribe beta", "/subscriptions")) {
                    for (long chat = 1; chat <= CHATS; chat++) {
                        ObjectNode u = api.messageUpdate(FakeBotApi.chat(chat, "private", null),
                                FakeBotApi.user(chat, "User " + chat), text);
                        api.pushWebhook(u);
                        pushed.add(u);
                    }
                }
                // Telegram retries an update whose answer it missed: this copy reaches both instances
                api.redeliverWebhook(pushed.get(CHATS), 2);

                api.await("every chat's three replies", Duration.ofSeconds(60),
                        () -> allChats(chat -> api.sent(chat).size() >= 3));
                Thread.sleep(500); // a second handling of the redelivered update would show by now
                for (long chat = 1; chat <= CHATS; chat++) {
                    List<FakeBotApi.Call> replies = api.sent(chat);
                    assertThat(replies).as("chat %d: one reply per update", chat).hasSize(3);
                    assertThat(replies.get(2).text()).as("chat %d: /subscriptions ran after both subscribes", chat)
                            .contains("alpha").contains("beta");
                }
            }
        }
    }

    private static boolean allChats(java.util.function.LongPredicate p) {
        for (long chat = 1; chat <= CHATS; chat++) {
            if (!p.test(chat)) {
                return false;
            }
        }
        return true;
    }

    private static URI endpoint(RunCli.Running running) {
        return URI.create("http://127.0.0.1:" + running.bot().webhookPort() + "/telegram/webhook");
    }
}
