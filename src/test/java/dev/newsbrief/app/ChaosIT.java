package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.Reindexer;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.telegram.fake.FakeBotApi;
import dev.newsbrief.telegram.fake.FakeBotApi.Call;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as operators run it ({@code java -jar newsbrief.jar run}, against the fake Bot API),
 * killed with SIGKILL in the middle of {@code chaos.cycles} ingests (5 in {@code mvn verify}, 20 in
 * {@code .ci/run}'s own step) that add and change articles (files dropped in a
 * watched folder), and restarted each time. After every restart {@code /healthz} turns healthy
 * within the container's probe interval; at the end the index holds exactly the store's originals,
 * each built from its current version (ids and content hashes), no alert is lost, and alerts repeat
 * at most once per kill (the one in flight).
 */
class ChaosIT {
    private static final String TOKEN = "4444:chaos-test-token";
    private static final long CHAT = 4242;
    private static final int CYCLES = Integer.getInteger("chaos.cycles", 5);
    private static final int NEW_PER_CYCLE = 300;
    private static final Pattern ALERT = Pattern.compile("Grain alert (\\d+)");
    private static final int CHANGED_PER_CYCLE = 100;
    /** Docker's HEALTHCHECK interval in the image: a restarted bot must be healthy by then. */
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(30);
    private static final String[] WORDS = ("harbour exports minister talks budget rally shares bank rates inflation "
            + "oil output cartel drought coffee cocoa sugar copper strike union ferry port tanker refinery pipeline "
            + "summit treaty election senate court ruling appeal tariff quota subsidy farmers traders").split(" ");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path root;

    private final Random random = new Random(11);

    @Test
    void killedMidIngestTheBotLosesNothingAndItsIndexMatchesTheStore() throws Exception {
        Path data = Files.createDirectories(root.resolve("data"));
        Path drop = Files.createDirectories(root.resolve("drop"));
        Path config = Files.writeString(root.resolve("chaos.yaml"), "sources:\n  folders:\n"
                + "    - {name: drop, path: \"" + drop + "\", interval: 1s}\n"
                + "alerts:\n  instant-window: 0s\n");
        Map<String, String> titles = new HashMap<>();
        List<String> ids = new ArrayList<>();
        int kills = 0;
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                Bot bot = Bot.start(data, config, api.baseUrl(), root.resolve("bot-" + cycle + ".log"));
                try {
                    bot.awaitHealthy(PROBE_INTERVAL);
                    if (cycle == 0) {
                        api.push(api.messageUpdate(FakeBotApi.chat(CHAT, "private", null),
                                FakeBotApi.user(CHAT, "Ops"), "/subscribe grain"));
                        api.await("subscribed", Duration.ofSeconds(30), () -> api.sent(CHAT).size() == 1);
                    }
                    long before = storedArticles(data);
                    dropBatch(drop, cycle, ids, titles);
                    awaitIngestUnderWay(data, before, bot);
                    Thread.sleep(random.nextInt(400));
                } finally {
                    bot.kill();
                }
                kills++;
            }
            // the last restart: it repairs the index, finishes the interrupted ingests and sends what is due
            Bot bot = Bot.start(data, config, api.baseUrl(), root.resolve("bot-final.log"));
            try {
                bot.awaitHealthy(PROBE_INTERVAL);
                awaitAllStored(data, titles, bot);
                awaitEveryAlertShown(api, data, bot);
                // the last file's articles are in SQLite before its index commit: wait for that commit
                Reindexer.Repair difference = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (difference == null || difference.total() > 0 && System.nanoTime() < deadline) {
                    if (difference != null) {
                        Thread.sleep(200);
                    }
                    try (Database db = Database.openReadOnly(data.resolve("newsbrief.db"));
                            PassageIndex index = PassageIndex.openReadOnly(PassageIndex.onDisk(data.resolve("index")))) {
                        ArticleStore store = new ArticleStore(db);
                        assertThat(store.countOriginals()).isEqualTo(ids.size());
                        difference = new Reindexer(store, index).compare();
                        if (difference.total() == 0) {
                            assertThat(index.articleCount()).isEqualTo(ids.size());
                        }
                    }
                }
                assertThat(difference).as("the index holds every stored original, each built from its current version")
                        .isEqualTo(new Reindexer.Repair(0, 0, 0));
            } finally {
                bot.stop();
            }
            Map<Integer, Integer> shown = alertsShown(api);
            int repeats = shown.values().stream().mapToInt(times -> times - 1).sum();
            assertThat(repeats).as("at most the alert in flight repeats, once per kill: " + shown)
                    .isLessThanOrEqualTo(kills);
        }
    }

    /**
     * Waits until every cycle's alert has been shown to the chat, in an alert message or on a
     * page behind its "+N more" button: the bot bundles the alerts due at once, and a bundle
     * longer than one Telegram message shows its newest articles and leaves the rest to the
     * button. So, like a reader, this presses each "+N more" once (each page comes as a message
     * of its own, again with "+N more" while some are left).
     */
    private static void awaitEveryAlertShown(FakeBotApi api, Path data, Bot bot) throws Exception {
        Set<String> pressed = new HashSet<>();
        // everything is stored by now: what is left is a few delivery passes at one message a second per chat
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (true) {
            for (Call c : api.sent(CHAT)) {
                String more = moreButton(c);
                if (more != null && pressed.add(more)) {
                    api.push(api.callbackUpdate(FakeBotApi.chat(CHAT, "private", null), FakeBotApi.user(CHAT, "Ops"),
                            more));
                }
            }
            Map<Integer, Integer> shown = alertsShown(api);
            List<Integer> missing = IntStream.range(0, CYCLES).filter(n -> !shown.containsKey(n)).boxed().toList();
            if (missing.isEmpty()) {
                System.out.printf("every alert shown: %d messages to the chat, %d \"+N more\" pressed%n",
                        api.sent(CHAT).size(), pressed.size());
                return;
            }
            bot.assertAlive();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("alerts never shown for cycles " + missing + "\ndeliveries: "
                        + deliveries(data) + "\nmessages to the chat:\n" + api.sent(CHAT).stream()
                                .map(c -> c.text() + " " + c.body().path("reply_markup"))
                                .collect(Collectors.joining("\n")) + "\nlog:\n" + bot.log());
            }
            Thread.sleep(50);
        }
    }

    /** How many times each cycle's alert headline was shown, over every message (and page) the chat got. */
    private static Map<Integer, Integer> alertsShown(FakeBotApi api) {
        Map<Integer, Integer> shown = new TreeMap<>();
        for (Call c : api.sent(CHAT)) {
            Matcher m = ALERT.matcher(c.text());
            while (m.find()) {
                shown.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
            }
        }
        return shown;
    }

    /** The callback data of the message's "+N more" button, or null when it has none. */
    private static String moreButton(Call call) {
        for (JsonNode row : call.body().path("reply_markup").path("inline_keyboard")) {
            for (JsonNode b : row) {
                if (b.path("text").asText().startsWith("+")) {
                    return b.path("callback_data").asText();
                }
            }
        }
        return null;
    }

    /** Writes cycle {@code n}'s file: new articles (one matching the subscribed topic) and new versions of older ones. */
    private void dropBatch(Path drop, int n, List<String> ids, Map<String, String> titles) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < NEW_PER_CYCLE; j++) {
            String id = "c" + n + "-" + j;
            ids.add(id);
            String title = j == 0 ? "Grain alert " + n : "Report " + id + " version " + n;
            titles.put(id, title);
            // the one article per file that matches the subscribed topic; its text is as random as
            // the others', so no two of them read as one story (which alerts only once by design)
            String body = j == 0 ? "Grain " + text(n, j) : text(n, j);
            sb.append(line(id, title, body));
        }
        for (int j = 0; j < CHANGED_PER_CYCLE && n > 0; j++) {
            String id = ids.get(random.nextInt(ids.size() - NEW_PER_CYCLE));
            if (id.endsWith("-0")) {
                continue; // the alerted articles keep their headline, so their alerts can be recognised
            }
            String title = "Report " + id + " version " + n;
            titles.put(id, title);
            sb.append(line(id, title, text(n, j + NEW_PER_CYCLE)));
        }
        Path tmp = drop.resolve(".batch-" + n + ".tmp");
        Files.writeString(tmp, sb.toString());
        // the folder is ingested in name order, so later versions must sort later
        Files.move(tmp, drop.resolve(String.format("batch-%02d.jsonl", n)), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String line(String id, String title, String body) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"source\":\"chaos\",\"body\":\"" + body + "\"}\n";
    }

    private String text(int n, int j) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < 6; s++) {
            for (int w = 0; w < 14; w++) {
                sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            sb.append("case ").append(n).append('-').append(j).append('-').append(s).append(". ");
        }
        return sb.toString().strip();
    }

    private static long storedArticles(Path data) {
        if (!Files.exists(data.resolve("newsbrief.db"))) {
            return 0;
        }
        try (Database db = Database.openReadOnly(data.resolve("newsbrief.db"))) {
            return new ArticleStore(db).count();
        }
    }

    /** Waits until the bot has stored some but (usually) not all of the new file. */
    private static void awaitIngestUnderWay(Path data, long before, Bot bot) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (storedArticles(data) <= before) {
            bot.assertAlive();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the bot did not start ingesting the dropped file; log:\n" + bot.log());
            }
            Thread.sleep(10);
        }
    }

    private static void awaitAllStored(Path data, Map<String, String> titles, Bot bot) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Map<String, String> stored = new HashMap<>();
            try (Database db = Database.openReadOnly(data.resolve("newsbrief.db"))) {
                db.read(c -> {
                    try (var rs = c.createStatement().executeQuery("SELECT id, title FROM articles")) {
                        while (rs.next()) {
                            stored.put(rs.getString(1), rs.getString(2));
                        }
                    }
                    return null;
                });
            }
            if (stored.equals(titles)) {
                return;
            }
            bot.assertAlive();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not every article reached its last version; log:\n" + bot.log());
            }
            Thread.sleep(200);
        }
    }

    private static String deliveries(Path data) {
        try (Database db = Database.openReadOnly(data.resolve("newsbrief.db"))) {
            return db.read(c -> {
                StringBuilder sb = new StringBuilder();
                try (var rs = c.createStatement().executeQuery(
                        "SELECT status, COUNT(*), MAX(last_error) FROM deliveries GROUP BY status")) {
                    while (rs.next()) {
                        sb.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(" (")
                                .append(rs.getString(3)).append(") ");
                    }
                }
                return sb.toString();
            });
        }
    }

    /** One bot process. */
    private record Bot(Process process, int port, Path logFile) {
        static Bot start(Path data, Path config, String apiUrl, Path log) throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", Path.of("target", "newsbrief.jar").toAbsolutePath().toString(), "run",
                    "--data", data.toString(), "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("TELEGRAM_BOT_TOKEN", TOKEN);
            env.put("NEWSBRIEF_TELEGRAM_BASE_URL", apiUrl);
            env.put("NEWSBRIEF_OPS_HTTP_PORT", String.valueOf(port));
            env.put("NEWSBRIEF_DATA_SEEDS", data.resolveSibling("no-seeds").toString());
            return new Bot(pb.start(), port, log);
        }

        void awaitHealthy(Duration within) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            String last = "no answer";
            HttpClient http = HttpClient.newHttpClient();
            while (System.nanoTime() < deadline) {
                assertAlive();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/healthz")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                    last = r.body();
                } catch (IOException notYet) {
                    last = notYet.toString();
                }
                Thread.sleep(100);
            }
            throw new AssertionError("not healthy within " + within + ": " + last + "\nlog:\n" + log());
        }

        void assertAlive() throws IOException {
            if (!process.isAlive()) {
                throw new AssertionError("the bot exited with " + process.exitValue() + ":\n" + log());
            }
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        /** SIGKILL: no shutdown hook, no flush, no commit. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
