package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.newsbrief.store.StoreBackend;
import dev.newsbrief.telegram.fake.FakeBotApi;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end through the real `run` wiring: a chat subscribes through the (fake) Bot API, a
 * polled feed gains a matching item, the background poller ingests it, the alert is queued in the
 * article's transaction and reaches the Bot API, once, within one poll interval of the feed.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class FeedAlertEndToEndIT {
    @Parameter
    StoreBackend backend;

    private static final String TOKEN = "123456:SECRET-e2e-token";
    private static final long ALICE = 501;
    private static final Duration FEED_INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private static String feed(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Grain Wire</title>"
                + "<link>http://grain.example/</link><description>markets</description>" + String.join("", items)
                + "</channel></rss>";
    }

    private static String item(String guid, String title, String body) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>http://grain.example/" + guid
                + "</link><description>" + body + "</description></item>";
    }

    @Test
    void aSubscribedChatIsAlertedOnceWhenAPolledFeedGainsAMatchingItem() throws Exception {
        String corn = item("g1", "Corn exports slow in February", "Corn exports from the Gulf ports slowed in February "
                + "as barge traffic on the Mississippi was cut by low water, the agriculture ministry said on Monday.");
        String wheat = item("g2", "Wheat prices climb after drought warning", "Wheat futures in Chicago rose three "
                + "percent on Wednesday after forecasters warned of a prolonged drought across the southern plains, "
                + "reviving fears about the winter crop.");
        AtomicReference<String> served = new AtomicReference<>(feed(corn));
        AtomicInteger polls = new AtomicInteger();
        HttpServer feedServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        feedServer.createContext("/grain.xml", exchange -> {
            polls.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        feedServer.start();
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            Path config = Files.writeString(dir.resolve("newsbrief.yaml"), """
                    data:
                      seeds: ""
                    ops:
                      http:
                        port: 0
                    telegram:
                      base-url: %s
                      poll-timeout: 1s
                    alerts:
                      instant-window: 200ms
                      poll-interval: 100ms
                    sources:
                      politeness-delay: 0s
                      connect-timeout: 2s
                      read-timeout: 2s
                      call-timeout: 5s
                      feeds:
                        - {name: grain, url: "http://127.0.0.1:%d/grain.xml", interval: %ds}
                    """.formatted(api.baseUrl(), feedServer.getAddress().getPort(), FEED_INTERVAL.toSeconds())
                    + (backend == StoreBackend.POSTGRESQL ? """
                    store:
                      backend: postgresql
                      postgresql:
                        url: "%s"
                        user: postgres
                    """.formatted(backend.locate(dir, "store")) : ""));
            CommonOptions options = new CommonOptions();
            options.data = dir.resolve("data");
            options.config = config;
            try (RunCli.Running running = RunCli.start(options, Map.of("TELEGRAM_BOT_TOKEN", TOKEN))) {
                ObjectNode chat = FakeBotApi.chat(ALICE, "private", null);
                api.push(api.messageUpdate(chat, FakeBotApi.user(ALICE, "Alice"), "/subscribe wheat"));
                api.await("subscription confirmed", Duration.ofSeconds(20), () -> !api.sent(ALICE).isEmpty());
                api.await("the feed polled once", Duration.ofSeconds(20), () -> polls.get() >= 1);

                served.set(feed(wheat, corn));
                int pollsAtChange = polls.get();
                long changedAt = System.nanoTime();
                api.await("the wheat alert", FEED_INTERVAL.multipliedBy(5), () -> !alerts(api).isEmpty());
                Duration latency = Duration.ofNanos(System.nanoTime() - changedAt);
                int pollsToAlert = polls.get() - pollsAtChange;
                System.err.println("e2e: alert reached the Bot API " + latency.toMillis() + " ms after the feed changed ("
                        + pollsToAlert + " poll(s), interval " + FEED_INTERVAL.toMillis() + " ms)");
                assertThat(pollsToAlert).as("picked up by the next poll").isBetween(1, 2);

                api.await("two more polls", FEED_INTERVAL.multipliedBy(5), () -> polls.get() >= pollsAtChange + 3);
                assertThat(alerts(api)).as("re-served items alert nobody twice").hasSize(1);
                assertThat(alerts(api).get(0).text()).contains("Wheat");
                assertThat(api.sent(ALICE)).noneMatch(c -> c.text().toLowerCase(Locale.ROOT).contains("corn exports"));
            }
        } finally {
            feedServer.stop(0);
        }
    }

    private static List<FakeBotApi.Call> alerts(FakeBotApi api) {
        return api.sent(ALICE).stream().filter(c -> c.text().contains("Wheat prices climb")
                || c.text().contains("Wheat futures")).toList();
    }
}
