package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.newsbrief.telegram.fake.FakeBotApi;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the real `run` wiring and two polled feeds: the same story from two outlets
 * (the second a rewrite: new headline, words changed, last paragraph cut) alerts a subscribed
 * chat exactly once, another story on the same topic still alerts, and asking about it gives one
 * item that says who else reported it.
 */
class StoryAlertEndToEndIT {
    private static final String TOKEN = "123456:SECRET-stories-token";
    private static final long ALICE = 601;
    private static final Duration FEED_INTERVAL = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private static String feed(String name, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + name + "</title>"
                + "<link>http://" + name + ".example/</link><description>news</description>" + String.join("", items)
                + "</channel></rss>";
    }

    private static String item(String site, String guid, String title, String body) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>http://" + site + ".example/" + guid
                + "</link><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate><description><![CDATA[" + body
                + "]]></description></item>";
    }

    private static final String STORY = "<p>OPEC ministers agreed on Thursday to cut oil output by 1.2 million "
            + "barrels a day from January, the cartel said after a meeting in Vienna, sending crude prices up 4.5 "
            + "percent as traders bet on a tighter market.</p><p>Saudi Arabia will take the largest share of the "
            + "cut, about 486,000 barrels a day, officials said, while Iraq agreed to a smaller reduction.</p>"
            + "<p>Analysts at one bank said the deal would lift Brent towards 90 dollars by March if the group "
            + "sticks to its quotas.</p>";
    private static final String REWRITE = "<p>OPEC ministers decided on Thursday to cut oil output by 1.2 million "
            + "barrels a day from January, the cartel said after a meeting in Vienna, lifting crude prices 4.5 "
            + "percent as traders bet on a tighter market.</p><p>Saudi Arabia will take the biggest part of the "
            + "cut, about 486,000 barrels a day, delegates said, while Iraq agreed to a smaller reduction.</p>"
            + "<p>Sign up for our energy newsletter.</p>";
    private static final String OTHER = "<p>OPEC's secretary general said on Friday the group would open talks "
            + "with Brazil and Guyana about joining as observers, as new offshore fields there push their combined "
            + "production past four million barrels a day.</p><p>Neither government has answered the invitation, "
            + "which follows a visit by the secretary general to Rio de Janeiro last month.</p>";

    @Test
    void theSameStoryFromTwoOutletsAlertsOnceAndTheBriefingNamesTheOtherOutlet() throws Exception {
        Map<String, String> served = new ConcurrentHashMap<>(Map.of("/wire.xml", feed("wire"),
                "/paper.xml", feed("paper")));
        Map<String, AtomicInteger> polls = Map.of("/wire.xml", new AtomicInteger(), "/paper.xml", new AtomicInteger());
        HttpServer feeds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String path : served.keySet()) {
            feeds.createContext(path, exchange -> {
                polls.get(path).incrementAndGet();
                byte[] body = served.get(path).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
        }
        feeds.start();
        int port = feeds.getAddress().getPort();
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            Path config = Files.writeString(dir.resolve("newsbrief.yaml"), """
                    data:
                      seeds: ""
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
                        - {name: Wire, url: "http://127.0.0.1:%d/wire.xml", interval: 1s}
                        - {name: Paper, url: "http://127.0.0.1:%d/paper.xml", interval: 1s}
                    """.formatted(api.baseUrl(), port, port));
            CommonOptions options = new CommonOptions();
            options.data = dir.resolve("data");
            options.config = config;
            try (RunCli.Running running = RunCli.start(options, Map.of("TELEGRAM_BOT_TOKEN", TOKEN))) {
                ObjectNode chat = FakeBotApi.chat(ALICE, "private", null);
                api.push(api.messageUpdate(chat, FakeBotApi.user(ALICE, "Alice"), "/subscribe opec"));
                api.await("subscription confirmed", Duration.ofSeconds(20), () -> !api.sent(ALICE).isEmpty());

                served.put("/wire.xml", feed("wire", item("wire", "w1", "OPEC agrees to cut oil output", STORY)));
                api.await("the story's alert", Duration.ofSeconds(20), () -> !containing(api, "OPEC agrees").isEmpty());

                served.put("/paper.xml", feed("paper", item("paper", "p1", "Cartel to pump less oil from January",
                        REWRITE)));
                int paperPolls = polls.get("/paper.xml").get();
                api.await("the paper polled twice more", Duration.ofSeconds(20),
                        () -> polls.get("/paper.xml").get() >= paperPolls + 2);
                served.put("/wire.xml", feed("wire", item("wire", "w1", "OPEC agrees to cut oil output", STORY),
                        item("wire", "w2", "OPEC invites Brazil and Guyana to talks", OTHER)));
                api.await("the other story's alert", Duration.ofSeconds(20),
                        () -> !containing(api, "Brazil and Guyana").isEmpty());
                Thread.sleep(600); // longer than the instant window: any late alert would have gone out

                assertThat(containing(api, "Cartel to pump less oil")).as("the rewrite alerts nobody").isEmpty();
                assertThat(containing(api, "OPEC agrees")).as("one alert for the story").hasSize(1);

                int before = api.sent(ALICE).size();
                api.push(api.messageUpdate(chat, FakeBotApi.user(ALICE, "Alice"), "OPEC oil output cut January"));
                api.await("the answer", Duration.ofSeconds(20), () -> api.sent(ALICE).size() > before);
                String answer = api.sent(ALICE).get(api.sent(ALICE).size() - 1).text();
                assertThat(answer).contains("Also reported by");
                boolean wireCited = answer.contains("OPEC agrees to cut oil output");
                boolean paperCited = answer.contains("Cartel to pump less oil");
                assertThat(wireCited ^ paperCited).as("one item for the story: " + answer).isTrue();
                assertThat(answer).contains(wireCited
                        ? "Also reported by <a href=\"http://paper.example/p1\">Paper</a>"
                        : "Also reported by <a href=\"http://wire.example/w1\">Wire</a>");
            }
        } finally {
            feeds.stop(0);
        }
    }

    private static List<FakeBotApi.Call> containing(FakeBotApi api, String text) {
        return api.sent(ALICE).stream().filter(c -> c.text().contains(text)).toList();
    }
}
