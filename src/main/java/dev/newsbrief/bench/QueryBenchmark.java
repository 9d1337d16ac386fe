package dev.newsbrief.bench;

import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.brief.StoryCoverage;
import dev.newsbrief.index.DenseRetrieval;
import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.ingest.IngestProgress;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.lang.LanguageOptions;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.stories.StoryReader;
import dev.newsbrief.telegram.TelegramBriefingFormatter;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * {@code newsbrief bench query --corpus FILE}: ingests a corpus through the product's
 * {@link Ingester} (SQLite in a temporary data directory, the passage index in memory), then times ask to rendered Telegram HTML over varied queries built from the corpus's
 * titles (keywords, questions, lower case, typos, phrases), and plain Lucene top-10 BM25 on the
 * same index for comparison.
 */
public final class QueryBenchmark {
    private final Path corpus;
    private final Timing timing;
    private final BriefOptions options;
    private final LanguageOptions languages;
    private final RetrievalOptions retrieval;
    private final Path vectors;

    /**
     * How the benchmark runs.
     *
     * @param queries      number of timed queries
     * @param warmupPasses untimed passes over every query before the timed one (at least 1)
     * @param onDiskIndex  the passage index on disk in the temporary data directory, as the bot keeps
     *                     it, instead of in a {@link ByteBuffersDirectory} (the default, which the
     *                     targets were set on)
     */
    public record Timing(int queries, int warmupPasses, boolean onDiskIndex) {
        public Timing {
            if (queries < 1 || warmupPasses < 1) {
                throw new IllegalArgumentException("queries and warm-up passes must be at least 1");
            }
        }
    }

    /**
     * @param corpus    JSONL articles (Reuters)
     * @param timing    the number of queries, the warm-up and where the index is kept
     * @param options   the briefing settings asked with
     * @param retrieval dense retrieval settings
     * @param vectors   where to keep the article vectors between runs, or null for memory
     */
    public QueryBenchmark(Path corpus, Timing timing, BriefOptions options, LanguageOptions languages,
            RetrievalOptions retrieval, Path vectors) {
        this.timing = timing;
        this.languages = languages;
        this.retrieval = retrieval;
        this.vectors = vectors;
        this.corpus = corpus;
        this.options = options;
    }

    /** Runs the benchmark, printing to {@code out}; the last line is one JSON object of figures. */
    public int run(PrintWriter out) throws IOException, InterruptedException {
        List<String> titles = new ArrayList<>();
        Path data = Files.createTempDirectory("newsbrief-bench");
        try (Database db = Database.open(data.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(timing.onDiskIndex()
                        ? PassageIndex.onDisk(data.resolve("index")) : ByteBuffersDirectory::new,
                        PassageIndex.Options.DEFAULTS);
                StoryReader stories = new StoryReader(db)) {
            long t = System.nanoTime();
            ArticleStore store = new ArticleStore(db);
            IngestReport report = new Ingester(store, index, Ingester.Options.DEFAULTS, Clock.systemUTC())
                    .ingest(List.of(corpus), IngestProgress.NONE);
            store.forEachOriginal(a -> {
                if (!a.title().isBlank()) {
                    titles.add(a.title());
                }
            });
            out.printf(Locale.ROOT, "ingested %s: %d originals (%d passages) in %.1f s%n", corpus, titles.size(),
                    index.passageCount(), (System.nanoTime() - t) / 1e9);
            out.printf(Locale.ROOT, "%s%n", report.summary(3));
            out.printf(Locale.ROOT, "passage index %s%n", timing.onDiskIndex()
                    ? "on disk in the data directory, as the bot keeps it" : "in memory (ByteBuffersDirectory)");
            // opened after the corpus: comparing both indexes embeds what the (maybe kept) vectors lack
            try (DenseRetrieval dense = DenseRetrieval.open(
                    vectors == null ? ByteBuffersDirectory::new : PassageIndex.onDisk(vectors), index, retrieval)) {
                out.println(dense.awaitVectors(java.time.Duration.ofHours(6)).line());
                time(out, index, dense, new StoryCoverage(stories), titles);
            }
            out.flush();
        } finally {
            deleteTree(data);
        }
        return 0;
    }

    /** Times ask to Telegram HTML and plain Lucene over queries made from the titles, and prints the figures. */
    private void time(PrintWriter out, PassageIndex index, DenseRetrieval dense, StoryCoverage stories,
            List<String> titles) {
        // as the bot answers: items are distinct stories and name the other outlets (one story lookup per ask)
        BriefingService service = BriefingService.multilingual(index, Clock.systemUTC(), options,
                new CompositeMeterRegistry(), languages, dense.search(), stories);
        TelegramBriefingFormatter html = new TelegramBriefingFormatter(ZoneOffset.UTC);
        List<String> qs = queries(titles, timing.queries());
        // untimed passes over every query first, so the JIT has compiled the paths being timed
        for (int pass = 0; pass < timing.warmupPasses(); pass++) {
            for (int i = 0; i < qs.size(); i++) {
                html.format(service.ask(qs.get(i)));
                plain(index, service, qs.get(i));
            }
        }
        double[] ask = new double[qs.size()];
        double[] askCpu = new double[qs.size()];
        double[] lucene = new double[qs.size()];
        // ask runs on this thread alone (onnxruntime too: one intra-op thread), so its thread CPU time
        // is what a query costs on a free core, whatever else shares the machine
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
        long embedNanos0 = service.dense().embedNanos();
        long embedded0 = service.dense().embeddedTexts();
        long jit0 = jitMillis();
        for (int i = 0; i < qs.size(); i++) {
            long c = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
            long s = System.nanoTime();
            html.format(service.ask(qs.get(i)));
            ask[i] = (System.nanoTime() - s) / 1e6;
            askCpu[i] = cpuTimed ? (threads.getCurrentThreadCpuTime() - c) / 1e6 : Double.NaN;
            s = System.nanoTime();
            plain(index, service, qs.get(i));
            lucene[i] = (System.nanoTime() - s) / 1e6;
        }
        // the compiler threads' time during the timed pass: large when code is still being compiled
        // while it is timed (newsbrief's own code; plain Lucene's search code is shared with it)
        long jitTimed = jitMillis() - jit0;
        double embedMs = (service.dense().embedNanos() - embedNanos0) / 1e6 / qs.size();
        double textsPerQuery = (double) (service.dense().embeddedTexts() - embedded0) / qs.size();
        double askMean = Arrays.stream(ask).average().orElse(0);
        Arrays.sort(ask);
        Arrays.sort(askCpu);
        Arrays.sort(lucene);
        double p50 = pct(ask, 50);
        double p99 = pct(ask, 99);
        double lp50 = pct(lucene, 50);
        out.printf(Locale.ROOT, "ask->html over %d queries: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                qs.size(), p50, pct(ask, 90), p99, ask[ask.length - 1]);
        out.printf(Locale.ROOT, "ask->html thread CPU time (the cost on a free core): p50 %.2f ms, p99 %.2f ms%n",
                pct(askCpu, 50), pct(askCpu, 99));
        out.printf(Locale.ROOT, "plain Lucene BM25 top-10: p50 %.3f ms, p99 %.3f ms%n", lp50, pct(lucene, 99));
        out.printf(Locale.ROOT, "JIT compilation during the timed pass (after %d warm-up pass%s): %d ms%n",
                timing.warmupPasses(), timing.warmupPasses() == 1 ? "" : "es", jitTimed);
        out.printf(Locale.ROOT, "dense %s: embedding %.2f ms per query (%.1f texts: the question and candidate "
                + "sentences), %.0f%% of the mean ask time%n", dense.on() ? "on" : "off", embedMs, textsPerQuery,
                100 * embedMs / Math.max(1e-9, askMean));
        out.printf(Locale.ROOT, "{\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"plain_lucene_p50_ms\":%.3f,"
                + "\"ratio_p50_vs_plain_lucene\":%.2f,\"dense\":%s,\"embed_ms_mean\":%.3f,"
                + "\"embed_share_of_ask\":%.3f,\"cpu_p50_ms\":%.3f,\"cpu_p99_ms\":%.3f,\"warmup_passes\":%d,"
                + "\"jit_ms_timed\":%d,\"index\":\"%s\"}%n", p50, p99, lp50,
                p50 / Math.max(1e-6, lp50), dense.on(), embedMs, embedMs / Math.max(1e-9, askMean), pct(askCpu, 50),
                pct(askCpu, 99), timing.warmupPasses(), jitTimed,
                timing.onDiskIndex() ? "disk" : "memory");
        out.flush();
    }

    /** Milliseconds the JIT compiler threads have spent so far (0 when the JVM does not say). */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0L;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Plain Lucene: OR of the analysed words over passage text, top 10, stored article id read. */
    private static void plain(PassageIndex index, BriefingService service, String text) {
        var phrase = service.queryBuilder().analyse(text);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        phrase.terms().forEach(t -> b.add(new TermQuery(new Term(PassageFields.TEXT, t)), BooleanClause.Occur.SHOULD));
        index.withSearcher(s -> {
            var top = s.search(b.build(), 10);
            for (var sd : top.scoreDocs) {
                s.storedFields().document(sd.doc).get(PassageFields.ARTICLE_ID);
            }
            return top.totalHits;
        });
    }

    private static List<String> queries(List<String> titles, int n) {
        Random random = new Random(42);
        List<String> out = new ArrayList<>();
        String[] wrappers = {"%s", "What is the latest on %s?", "%s", "news about %s today", "\"%s\"", "%s -prices"};
        while (out.size() < n && !titles.isEmpty()) {
            String title = titles.get(random.nextInt(titles.size()));
            String[] words = title.toLowerCase(Locale.ROOT).split("\\s+");
            int len = Math.min(words.length, 2 + random.nextInt(3));
            String q = String.join(" ", Arrays.copyOfRange(words, 0, len));
            if (out.size() % 7 == 3 && q.length() > 5) {
                int k = 1 + random.nextInt(q.length() - 2);
                q = q.substring(0, k) + q.substring(k + 1);
            }
            String wrapper = wrappers[out.size() % wrappers.length];
            out.add(String.format(Locale.ROOT, wrapper, q));
        }
        return out;
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
