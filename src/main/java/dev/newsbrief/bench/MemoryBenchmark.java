package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.chat.Topics;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.DenseRetrieval;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.ingest.IngestProgress;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.DataDirectory;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.SubscriptionStore;
import dev.newsbrief.store.UpdateOffsetStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code newsbrief bench memory}: runs the real bot ({@code java -Xmx256m -jar newsbrief.jar run})
 * against a local stand-in for the Bot API, over a data directory holding the corpus and N
 * subscriptions, and measures (1) the time from launching the JVM to the first answered question
 * with the index already built, and (2) the steady-state heap after a stream of questions: heap in
 * use right after a full GC (the live set, via {@code jcmd GC.run} and /metrics), and as a
 * dashboard sees it. The last output line is one JSON object.
 */
public final class MemoryBenchmark {
    private static final String TOKEN = "4200000:benchmarkTokenForTheLocalBotApiOnly_x";
    private static final Pattern TITLE_WORD = Pattern.compile("[A-Za-z]{4,}");
    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\",[^}]*} (\\S+)$",
            Pattern.MULTILINE);
    private static final Pattern HEAP_COMMITTED = Pattern.compile(
            "^jvm_memory_committed_bytes\\{area=\"heap\",[^}]*} (\\S+)$", Pattern.MULTILINE);

    private final Path corpus;
    private final int subscriptions;
    private final int topicsPerChat;
    private final int questions;
    private final String heap;
    private final Path data;
    private final Path jar;
    private final RetrievalOptions retrieval;

    /**
     * @param corpus        corpus to ingest (JSONL)
     * @param subscriptions subscriptions to create
     * @param topicsPerChat subscriptions per chat
     * @param questions     questions asked before measuring
     * @param heap          -Xmx of the bot, e.g. {@code 256m}
     * @param data          data directory to build or reuse, or null for a new temporary one
     * @param jar           the newsbrief jar to run, or null for the one running this code
     * @param retrieval     the bot's dense retrieval settings: its vectors are built before it starts
     */
    public MemoryBenchmark(Path corpus, int subscriptions, int topicsPerChat, int questions, String heap, Path data,
            Path jar, RetrievalOptions retrieval) {
        this.retrieval = retrieval;
        this.corpus = corpus;
        this.subscriptions = subscriptions;
        this.topicsPerChat = topicsPerChat;
        this.questions = questions;
        this.heap = heap;
        this.data = data;
        this.jar = jar;
    }

    /** Runs the benchmark, printing to {@code out}; the last line is one JSON object of figures. */
    public int run(PrintWriter out) throws Exception {
        Path jarFile = jar != null ? jar : runningJar();
        Path dir = data != null ? data : Files.createTempDirectory("newsbrief-bench-memory");
        DataDirectory dataDir = DataDirectory.at(dir);
        Prepared prepared = prepare(dataDir, out);

        int port = freePort();
        ObjectNode result = new ObjectMapper().createObjectNode();
        try (LocalBotApi api = new LocalBotApi(TOKEN, prepared.firstUpdateId())) {
            List<String> asks = prepared.questions();
            api.pushMessage(1_000_000L, asks.get(0));
            Path log = dir.resolve("bench-memory-bot.log");
            List<String> command = List.of(javaBinary(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-jar",
                    jarFile.toString(), "run", "--data", dir.toString());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("NEWSBRIEF_"));
            env.put("TELEGRAM_BOT_TOKEN", TOKEN);
            env.put("NEWSBRIEF_TELEGRAM_BASE_URL", api.baseUrl());
            env.put("NEWSBRIEF_OPS_HTTP_PORT", String.valueOf(port));
            env.put("NEWSBRIEF_OPS_HTTP_BIND", "127.0.0.1");
            env.put("NEWSBRIEF_DATA_SEEDS", "");
            long launched = System.nanoTime();
            Process bot = pb.start();
            try {
                awaitAnswers(api, 1, bot, log, Duration.ofMinutes(3));
                long startupMs = (api.sent().get(0).nanoTime() - launched) / 1_000_000;
                out.printf(Locale.ROOT, "first answer %d ms after launch%n", startupMs);

                for (int i = 1; i < questions; i++) {
                    api.pushMessage(1_000_000L + i, asks.get(i % asks.size()));
                }
                awaitAnswers(api, questions, bot, log, Duration.ofMinutes(10));
                Thread.sleep(2_000);
                String metricsUrl = "http://127.0.0.1:" + port + "/metrics";
                double dashboardHeap = sum(HEAP_USED, scrape(metricsUrl));
                double live = Double.MAX_VALUE;
                double committed = 0;
                for (int i = 0; i < 3; i++) {
                    fullGc(bot.pid());
                    String text = scrape(metricsUrl);
                    live = Math.min(live, sum(HEAP_USED, text));
                    committed = sum(HEAP_COMMITTED, text);
                }
                long rssKb = rssKb(bot.pid());
                double maxBytes = parseSize(heap);
                out.printf(Locale.ROOT, "live heap after full GC %.1f MiB of %s; in use before GC %.1f MiB; "
                        + "committed %.1f MiB; RSS %.1f MiB%n", live / 1048576, heap, dashboardHeap / 1048576,
                        committed / 1048576, rssKb / 1024.0);
                result.put("bench", "memory");
                result.put("articles", prepared.articles());
                result.put("passages", prepared.passages());
                result.put("subscriptions", prepared.subscriptions());
                result.put("chats", prepared.chats());
                result.put("distinct_topics", prepared.topics());
                result.put("questions", questions);
                result.put("xmx_mb", maxBytes / 1048576);
                result.put("live_heap_mb", round(live / 1048576));
                result.put("heap_in_use_mb", round(dashboardHeap / 1048576));
                result.put("heap_committed_mb", round(committed / 1048576));
                result.put("rss_mb", round(rssKb / 1024.0));
                result.put("startup_to_first_answer_ms", startupMs);
                result.put("baseline", "xmx");
                result.put("live_heap_to_xmx_ratio", round(live / maxBytes));
                result.put("java", System.getProperty("java.version"));
            } finally {
                bot.destroy();
                if (!bot.waitFor(60, TimeUnit.SECONDS)) {
                    bot.destroyForcibly();
                }
            }
        }
        out.println(result);
        out.flush();
        return 0;
    }

    private record Prepared(long articles, int passages, long subscriptions, long chats, long topics,
            List<String> questions, int firstUpdateId) {
    }

    /** Ingests the corpus and adds the subscriptions unless the directory already has them. */
    private Prepared prepare(DataDirectory dir, PrintWriter out) {
        try (DataDirectory.WriteLock lock = dir.lockForWriting("bench memory");
                Database db = Database.open(dir.database());
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dir.index()),
                        PassageIndex.Options.DEFAULTS);
                // the bot starts with the corpus's vectors built (retrieval.dense), as after `ingest`
                DenseRetrieval dense = DenseRetrieval.open(PassageIndex.onDisk(dir.vectors()), index, retrieval)) {
            ArticleStore articles = new ArticleStore(db);
            if (articles.count() == 0) {
                long t = System.nanoTime();
                IngestReport report = new Ingester(articles, index, Ingester.Options.DEFAULTS, Clock.systemUTC())
                        .ingest(List.of(corpus), IngestProgress.NONE);
                index.commit();
                out.printf(Locale.ROOT, "ingested %d articles in %d s%n", report.added(),
                        (System.nanoTime() - t) / 1_000_000_000L);
            }
            try {
                out.println(dense.awaitVectors(java.time.Duration.ofHours(6)).line());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NewsbriefException("interrupted while the vectors were built", e);
            }
            // Topics are title phrases (two adjacent words) and single title words, most frequent first;
            // every subscription gets a different topic while there are enough, the worst case for
            // the alert matcher's memory (real users share popular topics).
            Map<String, Integer> counts = new HashMap<>();
            for (Article a : articles.latest(20_000)) {
                Matcher m = TITLE_WORD.matcher(a.title());
                String previous = null;
                while (m.find()) {
                    String word = m.group().toLowerCase(Locale.ROOT);
                    counts.merge(word, 1, Integer::sum);
                    if (previous != null) {
                        counts.merge(previous + " " + word, 1, Integer::sum);
                    }
                    previous = word;
                }
            }
            List<String> vocabulary = new ArrayList<>();
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).forEach(e -> vocabulary.add(e.getKey()));
            if (vocabulary.isEmpty()) {
                throw new NewsbriefException("the corpus " + corpus + " gave no articles to ask about");
            }
            SubscriptionStore subs = new SubscriptionStore(db);
            ChatStore chats = new ChatStore(db);
            Random random = new Random(42);
            int next = 0;
            for (long chat = 1; subs.count() < subscriptions; chat++) {
                chats.touch(chat, "private", null);
                for (int k = 0; k < topicsPerChat && subs.count() < subscriptions; k++) {
                    String topic = vocabulary.get(next++ % vocabulary.size());
                    subs.add(chat, Topics.key(topic), Topics.display(topic));
                }
            }
            List<String> asks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                asks.add("what is the news on " + vocabulary.get(random.nextInt(Math.min(300, vocabulary.size())))
                        + "?");
            }
            // a reused directory remembers the last update the bot confirmed; new ones must come after it
            int firstUpdateId = Math.toIntExact(new UpdateOffsetStore(db).highestProcessed() + 1);
            long subscribedChats = subs.chatsFollowing();
            long topics = subs.topicsFollowed();
            return new Prepared(articles.count(), index.passageCount(), subs.count(), subscribedChats, topics, asks,
                    firstUpdateId);
        }
    }

    private static void awaitAnswers(LocalBotApi api, int count, Process bot, Path log, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (api.sent().size() < count) {
            if (!bot.isAlive()) {
                throw new NewsbriefException("the bot exited with " + bot.exitValue() + " before answering; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new NewsbriefException("only " + api.sent().size() + " of " + count + " answers within "
                        + timeout.toSeconds() + " s; see " + log);
            }
            Thread.sleep(5);
        }
    }

    private static void fullGc(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            throw new NewsbriefException("jcmd not found at " + jcmd + "; run the benchmark with a JDK");
        }
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new NewsbriefException("jcmd " + pid + " GC.run failed");
        }
        Thread.sleep(500);
    }

    private static String scrape(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new NewsbriefException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    static double sum(Pattern pattern, String metrics) {
        Matcher m = pattern.matcher(metrics);
        double total = 0;
        boolean any = false;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
            any = true;
        }
        if (!any) {
            throw new NewsbriefException("no " + pattern.pattern() + " in /metrics");
        }
        return total;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static double parseSize(String size) {
        String s = size.strip().toLowerCase(Locale.ROOT);
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1;
        };
        return Double.parseDouble(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path runningJar() {
        try {
            Path p = Path.of(MemoryBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!p.toString().endsWith(".jar")) {
                throw new NewsbriefException("run the benchmark from the packaged jar (target/newsbrief.jar) or "
                        + "pass --jar");
            }
            return p;
        } catch (java.net.URISyntaxException e) {
            throw new NewsbriefException("cannot locate the running jar; pass --jar", e);
        }
    }
}
