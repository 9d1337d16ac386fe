package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestProgress;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Ingest memory against the length of the input: writes a generated JSONL stream of
 * {@code articles} distinct articles (every {@code badEvery}-th line broken), ingests it into a
 * fresh data directory in this JVM (run it under {@code -Xmx256m}), and every {@code sampleEvery}
 * stored articles measures the live heap (used heap right after a full GC). A stream of any length
 * must ingest under a small heap: the live heap may only grow with what the store keeps in memory
 * for every article, which the least-squares slope reports in bytes per article. The ratio is the
 * live heap at the end against the heap limit (-Xmx) it must stay under.
 */
public final class IngestMemoryBench {
    private static final String[] WORDS = ("grain harbour exports minister talks budget rally shares bank "
            + "rates inflation oil output cartel drought harvest wheat coffee cocoa sugar copper strike union "
            + "ferry port tanker refinery pipeline summit treaty election senate court ruling appeal tariff "
            + "quota subsidy farmers traders analysts investors growth forecast deficit surplus currency bond "
            + "yield merger takeover profit revenue dividend airline rail steel auto chip battery solar wind "
            + "storm flood quake vaccine hospital school police border migrants fishery forest mine gold")
            .split(" ");

    /** One live-heap sample: after this many stored articles, this many bytes survived a full GC. */
    public record Sample(long articles, long liveBytes) {
    }

    /** What a run measured. */
    public record Result(long articles, long skipped, long inputBytes, double seconds, long maxHeap,
            List<Sample> samples) {
        /** Least-squares slope of live heap over stored articles, ignoring the first (warm-up) sample. */
        public double bytesPerArticle() {
            List<Sample> s = samples.size() > 2 ? samples.subList(1, samples.size()) : samples;
            if (s.size() < 2) {
                return 0;
            }
            double mx = s.stream().mapToLong(Sample::articles).average().orElse(0);
            double my = s.stream().mapToLong(Sample::liveBytes).average().orElse(0);
            double num = 0;
            double den = 0;
            for (Sample p : s) {
                num += (p.articles() - mx) * (p.liveBytes() - my);
                den += (p.articles() - mx) * (p.articles() - mx);
            }
            return den == 0 ? 0 : num / den;
        }

        public long liveAtEnd() {
            return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).liveBytes();
        }

        /** The last output line: one JSON object. */
        public String json() {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("articles", articles);
            o.put("skipped", skipped);
            o.put("inputMb", Math.round(inputBytes / 1e5) / 10.0);
            o.put("seconds", Math.round(seconds * 10) / 10.0);
            o.put("heapLimitMb", maxHeap >> 20);
            o.put("liveHeapStartMb", samples.isEmpty() ? 0 : samples.get(0).liveBytes() >> 20);
            o.put("liveHeapEndMb", liveAtEnd() >> 20);
            o.put("bytesPerArticle", Math.round(bytesPerArticle()));
            o.put("baseline", "heap limit (-Xmx)");
            o.put("ratio", Math.round(1000.0 * liveAtEnd() / maxHeap) / 1000.0);
            return o.toString();
        }
    }

    private IngestMemoryBench() {
    }

    /** Writes {@code articles} distinct generated articles to {@code file}, every {@code badEvery}-th line broken. */
    public static long writeStream(Path file, long articles, int badEvery, long seed) throws IOException {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < articles; i++) {
                if (badEvery > 0 && i % badEvery == badEvery - 1) {
                    out.write("{\"id\":\"bad-" + i + "\",\"body\": this line is not JSON\n");
                    continue;
                }
                StringBuilder body = new StringBuilder();
                for (int sentence = 0; sentence < 8; sentence++) {
                    body.append(Character.toUpperCase(WORDS[random.nextInt(WORDS.length)].charAt(0)))
                            .append(WORDS[random.nextInt(WORDS.length)].substring(1));
                    for (int w = 0; w < 12; w++) {
                        body.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
                    }
                    body.append(" number ").append(i).append(". ");
                }
                out.write("{\"id\":\"g-" + i + "\",\"title\":\"Report " + i + " on " + WORDS[random.nextInt(WORDS.length)]
                        + "\",\"source\":\"generated\",\"body\":\"" + body.toString().strip() + "\"}\n");
            }
        }
        return Files.size(file);
    }

    /** Ingests {@code stream} into a new data directory under {@code dataDir}, sampling the live heap. */
    public static Result run(Path stream, Path dataDir, int sampleEvery, PassageIndex.Options indexOptions,
            Ingester.Options ingestOptions, PrintWriter progress) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Sample> samples = new ArrayList<>();
        long[] stored = new long[1];
        long start = System.nanoTime();
        IngestReport report;
        try (Database db = Database.open(dataDir.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dataDir.resolve("index")),
                        indexOptions)) {
            Ingester ingester = new Ingester(new ArticleStore(db), index, ingestOptions, Clock.systemUTC());
            samples.add(new Sample(0, live(memory)));
            // runs in the writing thread inside each article's transaction: a full GC there sees
            // everything ingest holds at that point
            ingester.addListener((connection, article) -> {
                if (++stored[0] % sampleEvery == 0) {
                    Sample s = new Sample(stored[0], live(memory));
                    samples.add(s);
                    progress.printf("%,d articles stored, live heap %d MB%n", s.articles(), s.liveBytes() >> 20);
                    progress.flush();
                }
            });
            report = ingester.ingest(List.of(stream), IngestProgress.NONE);
        }
        try {
            return new Result(report.added() + report.updated(), report.skippedCount(), Files.size(stream),
                    (System.nanoTime() - start) / 1e9, Runtime.getRuntime().maxMemory(), samples);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long live(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
