package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.alerts.AnalyzedArticle;
import dev.newsbrief.alerts.Topic;
import dev.newsbrief.alerts.TopicGenerator;
import dev.newsbrief.alerts.TopicIndex;
import dev.newsbrief.alerts.TopicMatcher;
import dev.newsbrief.alerts.TopicParser;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.store.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * {@code newsbrief bench alerts --corpus FILE --topics N}: generates N distinct topics from a
 * JSONL corpus, matches every article through the presearcher (with passage selection, as in
 * production), then matches a subset against every topic one by one (brute force) and checks
 * both agree on that subset.
 */
public final class AlertsBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path corpus;
    private final int topicCount;
    private final int bruteArticles;
    private final long seed;

    /**
     * @param corpus        JSON lines with title and body fields (e.g. reuters21578.jsonl)
     * @param topicCount    distinct topics to generate
     * @param bruteArticles articles matched against every topic one by one
     * @param seed          random seed for topic generation
     */
    public AlertsBenchmark(Path corpus, int topicCount, int bruteArticles, long seed) {
        this.corpus = corpus;
        this.topicCount = topicCount;
        this.bruteArticles = bruteArticles;
        this.seed = seed;
    }

    /** Runs the benchmark, printing to {@code out}; the last line is one JSON object of figures. */
    public int run(PrintWriter out) throws IOException {
        List<TopicGenerator.Text> texts = read(corpus);
        if (texts.isEmpty()) {
            throw new NewsbriefException("corpus " + corpus + " has no articles with a body");
        }
        TopicParser parser = new TopicParser();
        long t0 = System.nanoTime();
        List<Topic> topics = new TopicGenerator(parser, TopicGenerator.Options.DEFAULTS).generate(texts, topicCount, seed);
        long t1 = System.nanoTime();
        out.printf("generated %d distinct topics from %d articles in %.1f s%n", topics.size(), texts.size(), secs(t1 - t0));
        Map<String, Long> documentFrequency = documentFrequencies(texts);
        try (TopicIndex index = new TopicIndex(ByteBuffersDirectory::new, t -> documentFrequency.getOrDefault(t, 0L))) {
            index.addAll(topics);
            long t2 = System.nanoTime();
            out.printf("indexed topics in %.1f s%n", secs(t2 - t1));
            TopicMatcher matcher = new TopicMatcher(index, new NewsAnalyzer());
            List<Article> articles = new ArrayList<>(texts.size());
            Instant now = Instant.now();
            for (int i = 0; i < texts.size(); i++) {
                TopicGenerator.Text t = texts.get(i);
                articles.add(new Article("bench-" + i, null, t.title(), null, now, now, now, t.body(), "h" + i, null, Map.of()));
            }
            // warm-up so the JIT measures steady state, not compilation
            for (int i = 0; i < Math.min(1000, articles.size()); i++) {
                matcher.match(articles.get(i));
            }
            long matches = 0;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (Article a : articles) {
                matches += matcher.match(a).size();
            }
            long elapsed = System.nanoTime() - start;
            // Wall time is what the target is set on; CPU time shows the same without other load on the machine.
            double perCpuSecond = articles.size() / secs(threads.getCurrentThreadCpuTime() - cpuStart);
            long candidates = 0;
            int sampled = Math.min(2000, articles.size());
            for (int i = 0; i < sampled; i++) {
                Article a = articles.get(i);
                candidates += index.candidates(matcher.analyze(a.title(), a.body())).size();
            }
            double perSecond = articles.size() / secs(elapsed);
            out.printf("presearcher: %d articles in %.2f s = %.0f articles/s (%.0f per CPU second, one thread); "
                    + "%.1f matches and %.1f candidates per article%n", articles.size(), secs(elapsed), perSecond,
                    perCpuSecond, (double) matches / articles.size(), (double) candidates / sampled);

            // Brute force as specified: every topic's Lucene query against the article's MemoryIndex.
            int k = Math.max(1, Math.min(bruteArticles, articles.size()));
            List<Topic> all = index.topics();
            boolean agree = true;
            long bruteElapsed = 0;
            long compiledElapsed = 0;
            for (int i = 0; i < k; i++) {
                Article a = articles.get(i * (articles.size() / k));
                long b0 = System.nanoTime();
                AnalyzedArticle p = matcher.analyze(a.title(), a.body());
                Set<Topic> brute = new HashSet<>();
                for (Topic t : all) {
                    if (p.matchesQuery(t)) {
                        brute.add(t);
                    }
                }
                long b1 = System.nanoTime();
                List<Topic> compiled = index.matchingByBruteForce(matcher.analyze(a.title(), a.body()));
                long b2 = System.nanoTime();
                bruteElapsed += b1 - b0;
                compiledElapsed += b2 - b1;
                agree &= brute.equals(new HashSet<>(index.matching(p))) && brute.equals(new HashSet<>(compiled));
            }
            double brutePerSecond = k / secs(bruteElapsed);
            double compiledPerSecond = k / secs(compiledElapsed);
            out.printf("brute force (each topic's query in the MemoryIndex): %d articles x %d topics = %.2f articles/s%n",
                    k, all.size(), brutePerSecond);
            out.printf("brute force with compiled verification (no presearcher): %.1f articles/s%n", compiledPerSecond);
            out.printf("presearcher, compiled and query brute force agree on every sampled article: %s%n", agree);

            ObjectNode json = JSON.createObjectNode();
            json.put("topics", topics.size());
            json.put("articles_per_s", Math.round(perSecond));
            json.put("brute_force_articles_per_s", Math.round(brutePerSecond * 100) / 100.0);
            json.put("speedup_vs_brute_force", Math.round(perSecond / brutePerSecond));
            json.put("articles_per_cpu_s", Math.round(perCpuSecond));
            json.put("compiled_brute_force_articles_per_s", Math.round(compiledPerSecond * 10) / 10.0);
            json.put("speedup_vs_compiled_brute_force", Math.round(perSecond / compiledPerSecond));
            json.put("articles", articles.size());
            json.put("matches_per_article", Math.round(1000.0 * matches / articles.size()) / 1000.0);
            json.put("brute_force_agrees", agree);
            out.println(JSON.writeValueAsString(json));
            out.flush();
            return agree ? 0 : 1;
        }
    }

    /** Analysed document frequencies, as production reads them from the passage index. */
    private static Map<String, Long> documentFrequencies(List<TopicGenerator.Text> texts) throws IOException {
        Map<String, Long> df = new HashMap<>();
        try (NewsAnalyzer analyzer = new NewsAnalyzer()) {
            for (TopicGenerator.Text t : texts) {
                Set<String> seen = new HashSet<>();
                try (TokenStream ts = analyzer.tokenStream(TopicMatcher.FIELD, t.title() + "\n\n" + t.body())) {
                    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        seen.add(term.toString());
                    }
                    ts.end();
                }
                seen.forEach(w -> df.merge(w, 1L, Long::sum));
            }
        }
        return df;
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    private static List<TopicGenerator.Text> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NewsbriefException("corpus file " + file + " does not exist");
        }
        List<TopicGenerator.Text> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    throw new NewsbriefException("corpus " + file + " line " + lineNo + " is not JSON: " + e.getMessage());
                }
                String body = n.path("body").asText("");
                if (!body.isBlank()) {
                    out.add(new TopicGenerator.Text(n.path("title").asText(""), body));
                }
            }
        }
        return out;
    }
}
