package dev.newsbrief.bench;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.ingest.ParseOutcome;
import dev.newsbrief.ingest.ParsedArticle;
import dev.newsbrief.stories.StoryOptions;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.stories.StoryText;
import dev.newsbrief.stories.MinHash;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.core.NewsbriefException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Precision and recall of "the same story" on a labelled pair file (see {@link StoryPairs}),
 * measured through the product's own path: every article of the file is ingested, in
 * publication order, by an {@link Ingester} into a fresh database, and a pair counts as "same"
 * when both articles end up in one story. The ingest time gives articles per second. Alongside:
 * the LSH candidate recall of the positive pairs (do they share a band?), and the figures of the
 * SimHash near-duplicate rule that stories replaced, as the baseline.
 */
public final class StoryBench {

    /** Counts for one kind of pair. */
    public record Tally(int pairs, int truePositives, int falsePositives, int falseNegatives) {
        Tally plus(boolean label, boolean predicted) {
            return new Tally(pairs + 1, truePositives + (label && predicted ? 1 : 0),
                    falsePositives + (!label && predicted ? 1 : 0), falseNegatives + (label && !predicted ? 1 : 0));
        }

        public double precision() {
            int p = truePositives + falsePositives;
            return p == 0 ? 1 : (double) truePositives / p;
        }

        public double recall() {
            int r = truePositives + falseNegatives;
            return r == 0 ? 1 : (double) truePositives / r;
        }
    }

    /**
     * What the run measured.
     *
     * @param overall         all pairs
     * @param byKind          per kind of pair
     * @param baseline        the SimHash near-duplicate rule on the same pairs
     * @param candidateRecall share of positive pairs (within the time window) sharing an LSH band
     * @param articles        articles ingested
     * @param seconds         wall time of the ingest
     * @param errors          the wrongly judged pairs, one line each
     */
    public record Result(Tally overall, Map<String, Tally> byKind, Tally baseline, double candidateRecall,
            int articles, double seconds, List<String> errors) {
        public double articlesPerSecond() {
            return seconds == 0 ? 0 : articles / seconds;
        }
    }

    private StoryBench() {
    }

    /** Runs the pairs through an ingester with {@code options} and {@code stories}, in a temporary directory. */
    public static Result run(List<StoryPairs.Pair> pairs, Ingester.Options options, StoryOptions stories,
            PassageIndex.Options indexOptions) throws java.io.IOException {
        Path work = java.nio.file.Files.createTempDirectory("newsbrief-bench-stories-");
        try {
            return run(pairs, options, stories, indexOptions, work);
        } finally {
            IngestBenchmark.deleteRecursively(work);
        }
    }

    private static Result run(List<StoryPairs.Pair> pairs, Ingester.Options options, StoryOptions stories,
            PassageIndex.Options indexOptions, Path work) {
        Map<String, StoryPairs.Item> articles = new LinkedHashMap<>();
        for (StoryPairs.Pair p : pairs) {
            for (StoryPairs.Item item : List.of(p.a(), p.b())) {
                StoryPairs.Item known = articles.putIfAbsent(item.id(), item);
                if (known != null && !known.equals(item)) {
                    throw new NewsbriefException("pair " + p.id() + ": article " + item.id()
                            + " differs from an earlier article with that id");
                }
            }
        }
        List<ParseOutcome> inputs = articles.values().stream()
                .sorted(Comparator.comparing(StoryPairs.Item::published, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(StoryPairs.Item::id))
                .map(a -> (ParseOutcome) new ParseOutcome.Parsed("pairs:" + a.id(),
                        new ParsedArticle(a.id(), a.title(), a.body(), a.url(), a.source(), a.published(), null)))
                .toList();
        Map<String, Long> storyOf;
        double seconds;
        try (Database db = Database.open(work.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, indexOptions)) {
            Ingester ingester = new Ingester(new ArticleStore(db), index, options, stories, Clock.systemUTC());
            long t0 = System.nanoTime();
            IngestReport report = ingester.ingestAll(inputs);
            seconds = (System.nanoTime() - t0) / 1e9;
            if (!report.skipped().isEmpty()) {
                throw new NewsbriefException("articles of the pair file were not stored: " + report.summary(5));
            }
            storyOf = new StoryStore(db).storiesOf(articles.keySet());
        }
        Tally overall = new Tally(0, 0, 0, 0);
        Tally baseline = new Tally(0, 0, 0, 0);
        Map<String, Tally> byKind = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        int positivesInWindow = 0;
        int candidates = 0;
        for (StoryPairs.Pair p : pairs) {
            Long a = storyOf.get(p.a().id());
            Long b = storyOf.get(p.b().id());
            boolean predicted = a != null && Objects.equals(a, b);
            overall = overall.plus(p.same(), predicted);
            byKind.merge(p.kind(), new Tally(0, 0, 0, 0).plus(p.same(), predicted), StoryBench::sum);
            baseline = baseline.plus(p.same(), SimHashBaseline.same(p.a().body(), p.b().body()));
            if (predicted != p.same()) {
                errors.add((p.same() ? "missed " : "false merge ") + p.id() + " (" + p.kind() + "): " + p.a().id()
                        + " \"" + p.a().title() + "\" / " + p.b().id() + " \"" + p.b().title() + "\"");
            }
            if (p.same() && withinWindow(p, stories)) {
                positivesInWindow++;
                candidates += shareABand(p) ? 1 : 0;
            }
        }
        return new Result(overall, byKind, baseline,
                positivesInWindow == 0 ? 1 : (double) candidates / positivesInWindow, articles.size(), seconds, errors);
    }

    /** The report: a line per kind, the first {@code maxErrors} errors, then the JSON line. */
    public static List<String> report(Result r, int maxErrors) {
        List<String> out = new ArrayList<>();
        r.byKind().forEach((kind, t) -> out.add(String.format(java.util.Locale.ROOT,
                "%-22s %4d pairs  precision %.3f  recall %.3f  (false merges %d, missed %d)", kind, t.pairs(),
                t.precision(), t.recall(), t.falsePositives(), t.falseNegatives())));
        r.errors().stream().limit(maxErrors).forEach(out::add);
        if (r.errors().size() > maxErrors) {
            out.add("... and " + (r.errors().size() - maxErrors) + " more wrongly judged pairs");
        }
        out.add(String.format(java.util.Locale.ROOT, "baseline (SimHash near-duplicates): precision %.3f, recall %.3f",
                r.baseline().precision(), r.baseline().recall()));
        out.add(String.format(java.util.Locale.ROOT, "{\"pairs\":%d,\"precision\":%.4f,\"recall\":%.4f,"
                + "\"articles_per_s\":%.1f,\"articles\":%d,\"candidate_recall\":%.4f,"
                + "\"baseline\":\"simhash near-duplicates\",\"baseline_precision\":%.4f,\"baseline_recall\":%.4f,"
                + "\"recall_ratio_vs_baseline\":%.3f}", r.overall().pairs(), r.overall().precision(),
                r.overall().recall(), r.articlesPerSecond(), r.articles(), r.candidateRecall(),
                r.baseline().precision(), r.baseline().recall(),
                r.baseline().recall() == 0 ? 0 : r.overall().recall() / r.baseline().recall()));
        return out;
    }

    private static Tally sum(Tally x, Tally y) {
        return new Tally(x.pairs() + y.pairs(), x.truePositives() + y.truePositives(),
                x.falsePositives() + y.falsePositives(), x.falseNegatives() + y.falseNegatives());
    }

    private static boolean withinWindow(StoryPairs.Pair p, StoryOptions options) {
        Instant a = p.a().published();
        Instant b = p.b().published();
        return a == null || b == null
                || Math.abs(a.toEpochMilli() - b.toEpochMilli()) <= options.window().toMillis();
    }

    /** Whether the pair's LSH band keys meet in at least one band: the candidate condition. */
    private static boolean shareABand(StoryPairs.Pair p) {
        int[] a = MinHash.bandKeys(MinHash.signature(StoryText.of(p.a().title(), p.a().body())));
        int[] b = MinHash.bandKeys(MinHash.signature(StoryText.of(p.b().title(), p.b().body())));
        for (int band = 0; band < a.length; band++) {
            if (a[band] == b[band]) {
                return true;
            }
        }
        return false;
    }
}
