package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.brief.Coverage;
import dev.newsbrief.brief.RankingOptions;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.DenseRetrieval;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.lang.LanguageOptions;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.store.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * {@code newsbrief eval beir DIR}: indexes a BEIR dataset into an in-memory passage index with the
 * product's analyzer and splitter, ranks every test query with {@link BriefingService#rankArticles}
 * (the ranking {@code ask} composes from) and reports nDCG@10 and recall@100.
 */
public final class BeirEvaluation {
    private final Path dir;
    private final BriefOptions configured;
    private final Overrides overrides;
    private final LanguageOptions languages;
    private final RetrievalOptions retrieval;
    private final Path vectors;

    /** Ranking settings to try instead of the configured ones; null keeps the configured value. */
    public record Overrides(Float k1, Float b, Float titleBoost, Float proximityBoost) {
        public static final Overrides NONE = new Overrides(null, null, null, null);
    }

    /**
     * @param dir        the dataset directory (corpus.jsonl, queries.jsonl, qrels/test.tsv)
     * @param configured the configured briefing settings, whose ranking is evaluated
     * @param overrides  ranking settings to try instead
     * @param retrieval  dense retrieval settings
     * @param vectors    where to keep the document vectors between runs, or null for memory
     */
    public BeirEvaluation(Path dir, BriefOptions configured, Overrides overrides, LanguageOptions languages,
            RetrievalOptions retrieval, Path vectors) {
        this.languages = languages;
        this.retrieval = retrieval;
        this.vectors = vectors;
        this.dir = dir;
        this.configured = configured;
        this.overrides = overrides;
    }

    /** Runs the evaluation, printing to {@code out}; the last line is one JSON object of figures. */
    public int run(PrintWriter out) throws IOException, InterruptedException {
        for (String f : new String[] {"corpus.jsonl", "queries.jsonl", "qrels/test.tsv"}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new NewsbriefException("not a BEIR dataset: " + dir.resolve(f) + " is missing");
            }
        }
        RankingOptions r = configured.ranking();
        Overrides o = overrides;
        // a BEIR corpus has no dates: recency is meaningless there, so it is switched off
        r = new RankingOptions(o.k1() == null ? r.k1() : o.k1(), o.b() == null ? r.b() : o.b(),
                o.titleBoost() == null ? r.titleBoost() : o.titleBoost(),
                o.proximityBoost() == null ? r.proximityBoost() : o.proximityBoost(), r.proximitySlop(), Duration.ZERO,
                r.recencyWeight(), r.latestWeight(), r.latestHalfLife(), r.passagesToFetch());
        BriefOptions options = configured.withRanking(r);

        Map<String, Map<String, Integer>> qrels = qrels(dir.resolve("qrels/test.tsv"));
        Map<String, String> queries = queries(dir.resolve("queries.jsonl"), qrels);
        long start = System.nanoTime();
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            int docs = indexCorpus(dir.resolve("corpus.jsonl"), index);
            index.commit();
            out.printf(Locale.ROOT, "indexed %d documents as %d passages in %.1f s%n", docs, index.passageCount(),
                    (System.nanoTime() - start) / 1e9);
            // opened after the corpus: comparing both indexes embeds what the (maybe kept) vectors lack
            try (DenseRetrieval dense = DenseRetrieval.open(
                    vectors == null ? ByteBuffersDirectory::new : PassageIndex.onDisk(vectors), index, retrieval)) {
                out.println(dense.awaitVectors(Duration.ofHours(2)).line());
                evaluate(out, index, dense, options, r, qrels, queries);
            }
        }
        return 0;
    }

    /** Ranks every query through {@link BriefingService#rankArticles} and prints nDCG@10 and R@100. */
    private void evaluate(PrintWriter out, PassageIndex index, DenseRetrieval dense, BriefOptions options,
            RankingOptions r, Map<String, Map<String, Integer>> qrels, Map<String, String> queries) {
        BriefingService service = BriefingService.multilingual(index, Clock.systemUTC(), options,
                new CompositeMeterRegistry(), languages, dense.search(), Coverage.NONE);
        double ndcg = 0;
        double recall = 0;
        long t0 = System.nanoTime();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            List<String> ranked = service.rankArticles(q.getValue(), 100);
            Map<String, Integer> rel = qrels.get(q.getKey());
            ndcg += ndcgAt10(ranked, rel);
            recall += recallAt100(ranked, rel);
        }
        int n = queries.size();
        out.printf(Locale.ROOT, "run k1=%.2f b=%.2f title-boost=%.2f proximity=%.2f: "
                + "nDCG@10 %.4f, R@100 %.4f over %d queries (%.1f ms/query)%n", r.k1(), r.b(), r.titleBoost(),
                r.proximityBoost(), ndcg / n, recall / n, n,
                (System.nanoTime() - t0) / 1e6 / Math.max(1, n));
        out.printf(Locale.ROOT, "dense %s (fusion %s, dense weight %.2f, %d chunk(s) per document)%n",
                dense.on() ? "on" : "off", retrieval.fusion(), retrieval.denseWeight(), retrieval.chunks());
        out.printf(Locale.ROOT, "{\"ndcg@10\":%.4f,\"recall@100\":%.4f,\"queries\":%d,\"dense\":%s}%n",
                ndcg / n, recall / n, n, dense.on());
        out.flush();
    }

    private static int indexCorpus(Path corpus, PassageIndex index) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Instant now = Instant.now();
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(corpus)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode d = json.readTree(line);
                String text = d.path("text").asText("");
                String title = d.path("title").asText("");
                // the language is detected as ingest does, so the documents get the fields articles get
                index.index(new Article(d.get("_id").asText(), null, title, null, null, now, now,
                        text, Integer.toHexString(text.hashCode()), null, Map.of(),
                        LanguageDetector.shared().ofArticle(title, text, null)));
                n++;
            }
        }
        return n;
    }

    private static Map<String, Map<String, Integer>> qrels(Path file) throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (f.length < 3 || f[0].equals("query-id")) {
                continue;
            }
            int grade = Integer.parseInt(f[2].strip());
            if (grade > 0) {
                out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], grade);
            }
        }
        return out;
    }

    private static Map<String, String> queries(Path file, Map<String, Map<String, Integer>> qrels) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode q = json.readTree(line);
                if (qrels.containsKey(q.get("_id").asText())) {
                    out.put(q.get("_id").asText(), q.path("text").asText(""));
                }
            }
        }
        return out;
    }

    static double ndcgAt10(List<String> ranked, Map<String, Integer> rel) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += (Math.pow(2, rel.getOrDefault(ranked.get(i), 0)) - 1) / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>(rel.values());
        ideal.sort((x, y) -> y - x);
        double idcg = 0;
        for (int i = 0; i < Math.min(10, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double recallAt100(List<String> ranked, Map<String, Integer> rel) {
        long found = ranked.stream().limit(100).filter(rel::containsKey).count();
        return rel.isEmpty() ? 0 : (double) found / rel.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
