package dev.newsbrief.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.brief.RankingOptions;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageIndex;
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
import java.util.concurrent.Callable;
import org.apache.lucene.store.ByteBuffersDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsbrief eval beir DIR}: indexes a BEIR dataset into an in-memory passage index with the
 * product's analyzer and splitter, ranks every test query with {@link BriefingService#rankArticles}
 * (the ranking {@code ask} composes from) and reports nDCG@10 and recall@100.
 */
@Command(name = "beir", description = "Evaluate ranking on a BEIR dataset (corpus.jsonl, queries.jsonl, qrels/test.tsv).")
final class EvalBeirCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The dataset directory.")
    Path dir;

    @Option(names = "--k1", description = "Override brief.bm25-k1.")
    Float k1;

    @Option(names = "--b", description = "Override brief.bm25-b.")
    Float b;

    @Option(names = "--title-boost", description = "Override brief.title-boost.")
    Float titleBoost;

    @Option(names = "--proximity-boost", description = "Override brief.proximity-boost.")
    Float proximityBoost;


    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        for (String f : new String[] {"corpus.jsonl", "queries.jsonl", "qrels/test.tsv"}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new NewsbriefException("not a BEIR dataset: " + dir.resolve(f) + " is missing");
            }
        }
        RankingOptions r = BriefSettings.from(common.loadConfig()).ranking();
        // a BEIR corpus has no dates: recency is meaningless there, so it is switched off
        r = new RankingOptions(k1 == null ? r.k1() : k1, b == null ? r.b() : b,
                titleBoost == null ? r.titleBoost() : titleBoost,
                proximityBoost == null ? r.proximityBoost() : proximityBoost, r.proximitySlop(), Duration.ZERO,
                r.recencyWeight(), r.latestWeight(), r.latestHalfLife(), r.passagesToFetch());
        BriefOptions options = BriefSettings.from(common.loadConfig()).withRanking(r);

        Map<String, Map<String, Integer>> qrels = qrels(dir.resolve("qrels/test.tsv"));
        Map<String, String> queries = queries(dir.resolve("queries.jsonl"), qrels);
        long start = System.nanoTime();
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            int docs = indexCorpus(dir.resolve("corpus.jsonl"), index);
            index.commit();
            out.printf(Locale.ROOT, "indexed %d documents as %d passages in %.1f s%n", docs, index.passageCount(),
                    (System.nanoTime() - start) / 1e9);
            BriefingService service = new BriefingService(index, new NewsAnalyzer(), Clock.systemUTC(), options);
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
            out.printf(Locale.ROOT, "{\"ndcg@10\":%.4f,\"recall@100\":%.4f,\"queries\":%d}%n", ndcg / n, recall / n, n);
            out.flush();
        }
        return 0;
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
                index.index(new Article(d.get("_id").asText(), null, d.path("title").asText(""), null, null, now, now,
                        text, Integer.toHexString(text.hashCode()), null, Map.of()));
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
