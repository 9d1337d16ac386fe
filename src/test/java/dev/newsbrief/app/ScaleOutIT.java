package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.newsbrief.store.StoreBackend;
import dev.newsbrief.telegram.fake.FakeBotApi;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code newsbrief run} processes ({@code -Xmx256m}) on one PostgreSQL, in webhook mode behind
 * a fake Bot API that spreads its pushes over both, a few hundred subscribed chats and a feed that
 * keeps publishing. One instance is killed with SIGKILL in the middle of delivering alerts and
 * restarted. Every (chat, article) alert arrives, only messages in flight at the kill may repeat,
 * every update is answered exactly once, the restarted instance's index catches up, and both
 * instances answer a question alike.
 */
class ScaleOutIT {
    private static final String TOKEN = "123456:SECRET-scale-token";
    private static final String SECRET = "scale-out-secret";
    private static final int CHATS = 200;
    /** alerts.delivery-concurrency: the most alerts the killed instance can have had in flight. */
    private static final int CONCURRENCY = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> items = new CopyOnWriteArrayList<>();

    /** Where each report is from, so no two articles score alike for a question (ties could rank differently). */
    private static final String[] REGIONS = {"", "Kansas", "Iowa", "Nebraska", "Ohio"};
    private static final String[] DETAILS = {"", "a mild season", "late rains in June", "a record planting",
            "cheaper fertiliser"};

    private static String item(int n, String crop) {
        return "<item><guid>report-" + n + "</guid><title>" + crop + " harvest report " + n + "</title><link>"
                + "http://farm.example/report-" + n + "</link><description>The " + crop.toLowerCase() + " harvest in "
                + REGIONS[n] + " came in larger than traders expected after " + DETAILS[n] + ", and exporters said "
                + "shipments from " + REGIONS[n] + " would rise.</description></item>";
    }

    private static String crop(int n) {
        return n % 2 == 1 ? "Wheat" : "Corn";
    }

    /** Chat {@code chat} follows wheat (even ids) or corn (odd ids). */
    private static boolean follows(long chat, int report) {
        return (chat % 2 == 0) == crop(report).equals("Wheat");
    }

    @Test
    void twoInstancesSurviveAKillMidDeliveryAndStayInStep() throws Exception {
        String store = StoreBackend.POSTGRESQL.locate(dir, "store");
        HttpServer feed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        feed.createContext("/farm.xml", exchange -> {
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Farm Wire"
                    + "</title><link>http://farm.example/</link><description>crops</description>"
                    + String.join("", items) + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        feed.start();
        List<Process> running = new ArrayList<>();
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            Path config = Files.writeString(dir.resolve("newsbrief.yaml"), """
                    data:
                      seeds: ""
                    log:
                      level: INFO
                    telegram:
                      base-url: %s
                      mode: webhook
                    alerts:
                      instant-window: 0s
                      poll-interval: 200ms
                      delivery-concurrency: %d
                    sources:
                      politeness-delay: 0s
                      feeds:
                        - {name: farm, url: "http://127.0.0.1:%d/farm.xml", interval: 1s}
                    store:
                      backend: postgresql
                      postgresql:
                        url: "%s"
                        user: postgres
                    """.formatted(api.baseUrl(), CONCURRENCY, feed.getAddress().getPort(), store));
            Map<String, String> env = Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_SECRET", SECRET);
            WebhookCli.Set set = new WebhookCli.Set();
            set.common = options(config, "admin");
            set.url = URI.create("https://bot.example/telegram/webhook");
            assertThat(set.run(env)).isZero();

            Instance a = new Instance("a", freePort(), freePort());
            Instance b = new Instance("b", freePort(), freePort());
            running.add(a.start(config));
            running.add(b.start(config));
            a.awaitHealthy();
            b.awaitHealthy();
            api.spreadWebhookOver(List.of(a.webhook(), b.webhook()));

            for (long chat = 1; chat <= CHATS; chat++) {
                api.pushWebhook(api.messageUpdate(FakeBotApi.chat(chat, "private", null),
                        FakeBotApi.user(chat, "User " + chat), chat % 2 == 0 ? "/subscribe wheat" : "/subscribe corn"));
            }
            api.await("every /subscribe answered", Duration.ofSeconds(90),
                    () -> allChats(chat -> api.sent(chat).size() >= 1));

            items.add(item(1, crop(1)));
            try {
                api.await("report 1 alerted to its followers", Duration.ofSeconds(90),
                        () -> alertsFor(api, 1) >= CHATS / 2);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ndeliveries not sent: " + unsent(store), e);
            }

            items.add(item(2, crop(2)));
            items.add(item(3, crop(3)));
            api.await("reports 2 and 3 being delivered", Duration.ofSeconds(90),
                    () -> alertsFor(api, 2) + alertsFor(api, 3) >= 40);
            running.get(0).destroyForcibly(); // SIGKILL in the middle of delivering
            running.get(0).waitFor(30, TimeUnit.SECONDS);
            assertThat(alertsFor(api, 2) + alertsFor(api, 3)).as("killed mid-delivery").isLessThan(CHATS);

            items.add(item(4, crop(4)));
            for (long chat = 1; chat <= 10; chat++) {
                api.pushWebhook(api.messageUpdate(FakeBotApi.chat(chat, "private", null),
                        FakeBotApi.user(chat, "User " + chat), "/subscriptions"));
            }
            running.set(0, a.start(config));
            a.awaitHealthy();

            api.await("every alert delivered and every update answered", Duration.ofSeconds(120),
                    () -> alertsFor(api, 2) >= CHATS / 2 && alertsFor(api, 3) >= CHATS / 2 && alertsFor(api, 4) >= CHATS / 2
                            && allChats(chat -> replies(api.sent(chat)) >= (chat <= 10 ? 2 : 1)));
            a.awaitIndexLagZero();
            b.awaitIndexLagZero();
            Thread.sleep(1000); // a late duplicate would show by now

            int repeated = 0;
            for (long chat = 1; chat <= CHATS; chat++) {
                List<FakeBotApi.Call> sent = api.sent(chat);
                for (int report = 1; report <= 4; report++) {
                    int n = count(sent, "harvest report " + report);
                    if (follows(chat, report)) {
                        assertThat(n).as("chat %d, report %d", chat, report).isBetween(1, 2);
                        repeated += n - 1;
                    } else {
                        assertThat(n).as("chat %d does not follow report %d", chat, report).isZero();
                    }
                }
                assertThat(replies(sent)).as("chat %d: one reply per update (/subscribe, and /subscriptions for the "
                        + "first ten): %s", chat, sent.stream().map(FakeBotApi.Call::text).toList())
                        .isEqualTo(chat <= 10 ? 2 : 1);
            }
            assertThat(repeated).as("only alerts in flight at the kill repeat").isLessThanOrEqualTo(CONCURRENCY);
            System.err.println("scale-out: " + repeated + " alert(s) repeated after the kill (at most " + CONCURRENCY
                    + " may be in flight)");

            for (Process p : running) {
                p.destroy(); // SIGTERM: graceful stop
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            String question = "wheat harvest in Nebraska";
            CliRun askA = CliRun.of("ask", "--data", a.data.toString(), "--config", config.toString(), question);
            CliRun askB = CliRun.of("ask", "--data", b.data.toString(), "--config", config.toString(), question);
            assertThat(askA.exitCode()).as(askA.err()).isZero();
            assertThat(askA.out()).contains("Nebraska").isEqualTo(askB.out());
            JsonNode statsA = lastJson(CliRun.of("stats", "--json", "--data", a.data.toString(), "--config",
                    config.toString()).out());
            JsonNode statsB = lastJson(CliRun.of("stats", "--json", "--data", b.data.toString(), "--config",
                    config.toString()).out());
            assertThat(statsA.path("passages").asLong()).as("the restarted index caught up").isPositive()
                    .isEqualTo(statsB.path("passages").asLong());
        } finally {
            running.forEach(Process::destroyForcibly);
            feed.stop(0);
        }
    }

    /** The store's view of every delivery not sent, for a failure message. */
    private static List<String> unsent(String store) {
        try (dev.newsbrief.store.Database db = StoreBackend.openLocated(store)) {
            return db.read(c -> {
                List<String> out = new ArrayList<>();
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT chat_id, article_id, status, attempts, "
                        + "next_attempt_at, last_error FROM deliveries WHERE status <> 'sent' ORDER BY chat_id")) {
                    while (rs.next()) {
                        out.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " attempts="
                                + rs.getInt(4) + " next=" + rs.getLong(5) + " error=" + rs.getString(6));
                    }
                }
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM deliveries")) {
                    rs.next();
                    out.add("rows in all: " + rs.getLong(1));
                }
                return out;
            });
        }
    }

    /** Messages that answer an update: everything but alerts (which name a harvest report). */
    private static int replies(List<FakeBotApi.Call> sent) {
        return sent.size() - count(sent, "harvest report");
    }

    private static int count(List<FakeBotApi.Call> sent, String text) {
        return (int) sent.stream().filter(c -> c.text().contains(text)).count();
    }

    private static int alertsFor(FakeBotApi api, int report) {
        int n = 0;
        for (long chat = 1; chat <= CHATS; chat++) {
            if (count(api.sent(chat), "harvest report " + report) > 0) {
                n++;
            }
        }
        return n;
    }

    private static boolean allChats(java.util.function.LongPredicate p) {
        for (long chat = 1; chat <= CHATS; chat++) {
            if (!p.test(chat)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode lastJson(String out) throws Exception {
        String[] lines = out.strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    private CommonOptions options(Path config, String data) {
        CommonOptions options = new CommonOptions();
        options.data = dir.resolve(data);
        options.config = config;
        return options;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** One {@code newsbrief run} child process with its own data directory (its index) and ports. */
    private final class Instance {
        final String name;
        final Path data;
        final int webhookPort;
        final int opsPort;
        private final HttpClient http = HttpClient.newHttpClient();

        Instance(String name, int webhookPort, int opsPort) {
            this.name = name;
            this.data = dir.resolve("data-" + name);
            this.webhookPort = webhookPort;
            this.opsPort = opsPort;
        }

        Process start(Path config) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--data", data.toString(), "--config", config.toString());
            pb.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
            pb.environment().put("TELEGRAM_WEBHOOK_SECRET", SECRET);
            pb.environment().put("NEWSBRIEF_TELEGRAM_WEBHOOK_PORT", Integer.toString(webhookPort));
            pb.environment().put("NEWSBRIEF_OPS_HTTP_PORT", Integer.toString(opsPort));
            pb.redirectErrorStream(true);
            Path logs = Path.of("target", "scale-out-logs");
            Files.createDirectories(logs);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
            return pb.start();
        }

        URI webhook() {
            return URI.create("http://127.0.0.1:" + webhookPort + "/telegram/webhook");
        }

        private String healthz() {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort
                        + "/healthz")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                return r.body();
            } catch (Exception e) {
                return "";
            }
        }

        void awaitHealthy() throws Exception {
            // healthy once the bot runs: the webhook endpoint listens and the index follows the change log
            await(name + " serving", Duration.ofSeconds(180), () -> healthz().contains("\"status\":\"ok\"")
                    && healthz().contains("index-lag"));
        }

        void awaitIndexLagZero() throws Exception {
            await(name + "'s index caught up", Duration.ofSeconds(60), () -> healthz().contains("index lag 0 changes"));
        }
    }

    private static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
