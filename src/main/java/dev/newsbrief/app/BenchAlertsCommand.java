package dev.newsbrief.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.alerts.PreparedArticle;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.store.ByteBuffersDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsbrief bench alerts --corpus FILE --topics N}: generates N distinct topics from a
 * JSONL corpus, matches every article through the presearcher (with passage selection, as in
 * production), then matches a subset against every topic one by one (brute force) and checks
 * both agree on that subset.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Measures topic matching: presearcher vs brute force over every topic.")
final class BenchAlertsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "FILE",
            description = "JSON lines with title and body fields (e.g. reuters21578.jsonl).")
    Path corpus;

    @Option(names = "--topics", defaultValue = "100000", paramLabel = "N", description = "Distinct topics (default ${DEFAULT-VALUE}).")
    int topicCount;

    @Option(names = "--brute-force-articles", defaultValue = "20", paramLabel = "K",
            description = "Articles matched against every topic one by one (default ${DEFAULT-VALUE}).")
    int bruteArticles;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed for topic generation.")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<TopicGenerator.Text> texts = read(corpus);
        if (texts.isEmpty()) {
            throw new NewsbriefException("corpus " + corpus + " has no articles with a body");
        }
        TopicParser parser = new TopicParser();
        long t0 = System.nanoTime();
        List<Topic> topics = new TopicGenerator(parser, TopicGenerator.Options.DEFAULTS).generate(texts, topicCount, seed);
        long t1 = System.nanoTime();
        out.printf("generated %d distinct topics from %d articles in %.1f s%n", topics.size(), texts.size(), secs(t1 - t0));
        try (TopicIndex index = new TopicIndex(ByteBuffersDirectory::new)) {
            index.addAll(topics);
            long t2 = System.nanoTime();
            out.printf("indexed topics in %.1f s%n", secs(t2 - t1));
            TopicMatcher matcher = new TopicMatcher(index, new NewsAnalyzer());
            List<Article> articles = new ArrayList<>(texts.size());
            Instant now = Instant.now();
            for (int i = 0; i < texts.size(); i++) {
                TopicGenerator.Text t = texts.get(i);
                articles.add(new Article("bench-" + i, null, t.title(), null, now, now, now, t.body(), "h" + i, 0, null, Map.of()));
            }
            // warm-up so the JIT measures steady state, not compilation
            for (int i = 0; i < Math.min(1000, articles.size()); i++) {
                matcher.match(articles.get(i));
            }
            long matches = 0;
            long candidates = 0;
            long start = System.nanoTime();
            for (Article a : articles) {
                matches += matcher.match(a).size();
            }
            long elapsed = System.nanoTime() - start;
            for (int i = 0; i < Math.min(2000, articles.size()); i++) {
                Article a = articles.get(i);
                candidates += index.candidates(matcher.prepare(a.title(), a.body()).terms()).size();
            }
            double perSecond = articles.size() / secs(elapsed);
            out.printf("presearcher: %d articles in %.2f s = %.0f articles/s, %.2f matches and %.1f candidates per article%n",
                    articles.size(), secs(elapsed), perSecond, (double) matches / articles.size(),
                    (double) candidates / Math.min(2000, articles.size()));

            int k = Math.min(bruteArticles, articles.size());
            List<Topic> all = index.topics();
            boolean agree = true;
            long bruteStart = System.nanoTime();
            for (int i = 0; i < k; i++) {
                Article a = articles.get(i * (articles.size() / k));
                PreparedArticle p = matcher.prepare(a.title(), a.body());
                List<Topic> brute = matcher.verify(p, all);
                agree &= new HashSet<>(brute).equals(new HashSet<>(matcher.matchingTopics(p)));
            }
            long bruteElapsed = System.nanoTime() - bruteStart;
            double brutePerSecond = k / secs(bruteElapsed);
            out.printf("brute force: %d articles x %d topics in %.2f s = %.2f articles/s; same matches as presearcher: %s%n",
                    k, all.size(), secs(bruteElapsed), brutePerSecond, agree);

            ObjectNode json = JSON.createObjectNode();
            json.put("topics", topics.size());
            json.put("articles_per_s", Math.round(perSecond));
            json.put("brute_force_articles_per_s", Math.round(brutePerSecond * 100) / 100.0);
            json.put("speedup_vs_brute_force", Math.round(perSecond / brutePerSecond));
            json.put("articles", articles.size());
            json.put("matches_per_article", Math.round(1000.0 * matches / articles.size()) / 1000.0);
            json.put("brute_force_agrees", agree);
            out.println(JSON.writeValueAsString(json));
            out.flush();
            return agree ? 0 : 1;
        }
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
