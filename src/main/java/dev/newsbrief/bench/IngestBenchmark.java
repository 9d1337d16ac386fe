package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.Passage;
import dev.newsbrief.index.DenseRetrieval;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.index.PassageSplitter;
import dev.newsbrief.ingest.IngestProgress;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.ingest.PublishedTimes;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code newsbrief bench ingest --corpus FILE}: ingests a .jsonl corpus into a fresh temporary
 * data directory, then indexes the same passages with bare Lucene (one IndexWriter, the same
 * analyzer and documents, no cleaning, no SQLite) and prints both wall times as JSON.
 */
public final class IngestBenchmark {
    private final Path corpus;
    private final int warmupRecords;
    private final PassageIndex.Options indexOptions;
    private final Ingester.Options ingestOptions;
    private final RetrievalOptions retrieval;

    /**
     * @param corpus        a .jsonl corpus
     * @param warmupRecords the first N records go through both pipelines untimed first (negative: all of
     *                      them; 0: newsbrief runs cold)
     * @param indexOptions  the index settings both pipelines use
     * @param ingestOptions the ingester's settings
     * @param retrieval     dense retrieval settings: when on, a third run ingests with vectors built in the background
     */
    public IngestBenchmark(Path corpus, int warmupRecords, PassageIndex.Options indexOptions,
            Ingester.Options ingestOptions, RetrievalOptions retrieval) {
        this.retrieval = retrieval;
        this.corpus = corpus;
        this.warmupRecords = warmupRecords;
        this.indexOptions = indexOptions;
        this.ingestOptions = ingestOptions;
    }

    /** Runs the benchmark, printing its progress and, last, one JSON line of figures. */
    public int run(PrintWriter out) throws IOException, InterruptedException {
        if (!Files.isRegularFile(corpus) || !corpus.getFileName().toString().endsWith(".jsonl")) {
            throw new NewsbriefException("bench ingest needs an existing .jsonl corpus file, got " + corpus);
        }
        double megabytes = Files.size(corpus) / (1024.0 * 1024.0);
        Path tmp = Files.createTempDirectory("newsbrief-bench-");
        try {
            if (warmupRecords != 0) {
                warmUp(tmp.resolve("warmup"), out);
            }
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            long j0 = jitMillis();
            IngestReport report = ingestWithNewsbrief(corpus, tmp.resolve("data"));
            double newsbriefSeconds = (System.nanoTime() - t0) / 1e9;
            double newsbriefCpu = (processCpuNanos() - c0) / 1e9;
            long newsbriefJit = jitMillis() - j0;
            out.println("newsbrief: " + report.summary(5));

            long t1 = System.nanoTime();
            long c1 = processCpuNanos();
            long j1 = jitMillis();
            long plainPassages = indexWithPlainLucene(corpus, tmp.resolve("plain-index"));
            double plainSeconds = (System.nanoTime() - t1) / 1e9;
            double plainCpu = (processCpuNanos() - c1) / 1e9;
            long plainJit = jitMillis() - j1;
            out.printf("plain lucene: %d passages in %.2f s%n", plainPassages, plainSeconds);
            // wall time is what the target is set on; CPU time shows the same comparison without other load
            out.printf(Locale.ROOT, "cpu seconds (all threads): newsbrief %.2f, plain lucene %.2f, ratio %.3f%n",
                    newsbriefCpu, plainCpu, plainCpu / newsbriefCpu);
            // the compiler threads' time inside each timed run: large when a run is measured while the JIT
            // still compiles code the run after it then finds compiled (a warm-up too short for either side)
            out.printf(Locale.ROOT, "JIT compilation in the timed runs: newsbrief %d ms, plain lucene %d ms%n",
                    newsbriefJit, plainJit);

            int articles = report.added() + report.updated() + report.unchanged() + report.duplicates();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("articles", articles);
            result.put("articles_per_s", round(articles / newsbriefSeconds));
            result.put("mb_per_s", round(megabytes / newsbriefSeconds));
            result.put("plain_lucene_s", round(plainSeconds));
            result.put("newsbrief_s", round(newsbriefSeconds));
            result.put("ratio_vs_plain_lucene", round(plainSeconds / newsbriefSeconds));
            result.put("cpu_ratio_vs_plain_lucene", round(plainCpu / newsbriefCpu));
            result.put("jit_ms_newsbrief", newsbriefJit);
            result.put("jit_ms_plain_lucene", plainJit);
            if (retrieval.dense()) {
                denseRun(tmp.resolve("dense"), articles, result, out);
            }
            out.println(new ObjectMapper().writeValueAsString(result));
            out.flush();
            return 0;
        } finally {
            deleteRecursively(tmp);
        }
    }

    /**
     * Both pipelines over the first records (all of them by default), untimed, in their own
     * directories (deleted afterwards). Per-article code reaches the JIT's top tier only after
     * thousands of calls; a warm-up shorter than that leaves newsbrief, timed first, compiling
     * Lucene's indexing code that the plain run timed after it then finds compiled.
     */
    private void warmUp(Path dir, PrintWriter out) throws IOException {
        Files.createDirectories(dir);
        Path sample = corpus;
        if (warmupRecords > 0) {
            sample = dir.resolve("warmup.jsonl");
            try (Stream<String> lines = Files.lines(corpus, StandardCharsets.UTF_8)) {
                Files.write(sample, (Iterable<String>) lines.filter(l -> !l.isBlank()).limit(warmupRecords)::iterator,
                        StandardCharsets.UTF_8);
            }
        }
        ingestWithNewsbrief(sample, dir.resolve("data"));
        indexWithPlainLucene(sample, dir.resolve("plain-index"));
        deleteRecursively(dir);
        out.println(warmupRecords > 0
                ? "warm-up: first " + warmupRecords + " records through both pipelines, untimed"
                : "warm-up: every record through both pipelines, untimed");
    }

    /**
     * The same ingest with dense retrieval on: the text is searchable when ingest returns, the
     * vectors follow in the background; timed until they are all built. Reports articles per
     * second to that point, and the share of the process's CPU time spent in the embedding model.
     */
    private void denseRun(Path dataDir, int articles, Map<String, Object> result, PrintWriter out)
            throws InterruptedException {
        long t0 = System.nanoTime();
        long c0 = processCpuNanos();
        try (Database db = Database.open(dataDir.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dataDir.resolve("index")),
                        indexOptions);
                DenseRetrieval dense = DenseRetrieval.open(PassageIndex.onDisk(dataDir.resolve("vectors")), index,
                        retrieval)) {
            new Ingester(new ArticleStore(db), index, ingestOptions, Clock.systemUTC())
                    .ingest(List.of(corpus), IngestProgress.NONE);
            double textSeconds = (System.nanoTime() - t0) / 1e9;
            DenseRetrieval.VectorWait wait = dense.awaitVectors(java.time.Duration.ofHours(6));
            out.println(wait.line());
            boolean complete = wait.complete();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - c0) / 1e9;
            var progress = dense.indexer() == null ? null : dense.indexer().progress();
            double embedCpu = progress == null ? 0 : progress.embedCpuNanos() / 1e9;
            out.printf(Locale.ROOT, "dense: text searchable after %.1f s, vectors for %d articles (%d chunks) "
                    + "after %.1f s; %.1f of %.1f CPU seconds in the embedding model%n", textSeconds,
                    progress == null ? 0 : progress.articles(), progress == null ? 0 : progress.chunks(), seconds,
                    embedCpu, cpu);
            result.put("dense_complete", complete && dense.on());
            result.put("dense_text_s", round(textSeconds));
            result.put("dense_s", round(seconds));
            result.put("dense_articles_per_s", round(articles / seconds));
            result.put("dense_embed_share_of_cpu", round(embedCpu / Math.max(1e-9, cpu)));
        }
    }

    private IngestReport ingestWithNewsbrief(Path file, Path dataDir) {
        try (Database db = Database.open(dataDir.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dataDir.resolve("index")),
                        indexOptions)) {
            Ingester ingester = new Ingester(new ArticleStore(db), index, ingestOptions,
                    Clock.systemUTC());
            return ingester.ingest(List.of(file), IngestProgress.NONE);
        }
    }

    /** Raw records, split into the same passages, added through one IndexWriter. */
    private long indexWithPlainLucene(Path file, Path indexDir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        PassageSplitter splitter = new PassageSplitter(indexOptions.passages());
        Instant now = Instant.now();
        long passages = 0;
        IndexWriterConfig config = new IndexWriterConfig(new NewsAnalyzer()).setRAMBufferSizeMB(indexOptions.ramBufferMb());
        try (FSDirectory dir = FSDirectory.open(indexDir);
                IndexWriter writer = new IndexWriter(dir, config);
                BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                String id = n.path("id").asText();
                String body = n.path("body").asText(n.path("text").asText(n.path("content").asText("")));
                Instant published = PublishedTimes.parse(n.path("published").asText(null)).orElse(null);
                Article a = new Article(id, n.path("url").asText(null), n.path("title").asText(""),
                        n.path("source").asText(null), published, now, now, body, "", null, null);
                List<Document> docs = new ArrayList<>();
                for (Passage p : splitter.split(id, body)) {
                    docs.add(PassageIndex.document(a, p));
                }
                writer.addDocuments(docs);
                passages += docs.size();
            }
            writer.commit();
        }
        return passages;
    }

    /** Milliseconds the JIT compiler threads have spent so far (0 when the JVM does not say). */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0L;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0L;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
