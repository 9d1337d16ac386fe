package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestProgress;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.sources.CorpusIngest;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Comparator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Language detection measured against labels written by reading the articles: the corpus is
 * ingested into a temporary data directory through the product's ingester (which detects each
 * article's language, the declared language a hint), then the share of labelled articles longer
 * than {@link #MIN_CHARS} characters (title and body) whose stored language is the label is
 * counted, overall and per labelled language, with the mistakes listed.
 */
public final class LanguageEval {
    /** Shorter articles say too little to judge a detector by (the threshold). */
    public static final int MIN_CHARS = 200;

    /** One label: the article id as ingest stores it, and its language (ISO 639-1). */
    public record Label(String id, String language) {
    }

    /** A labelled article whose stored language differs from its label. */
    public record Miss(String id, String label, String found) {
    }

    /** What the evaluation found. */
    public record Result(int judged, int correct, int tooShort, List<String> notFound, Map<String, int[]> byLanguage,
            List<Miss> misses) {
        public double accuracy() {
            return judged == 0 ? 0 : correct / (double) judged;
        }

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "%d labelled articles over %d characters: %d detected right (%.3f); "
                    + "%d shorter, %d not in the corpus", judged, MIN_CHARS, correct, accuracy(), tooShort,
                    notFound.size()));
            byLanguage.forEach((lang, n) -> out.add(String.format(Locale.ROOT, "  %-4s %d/%d", lang, n[0], n[1])));
            misses.forEach(m -> out.add("  wrong: " + m.id() + " labelled " + m.label() + ", detected " + m.found()));
            return out;
        }

        public String json() {
            StringBuilder per = new StringBuilder();
            byLanguage.forEach((lang, n) -> per.append(per.isEmpty() ? "" : ",").append('"').append(lang)
                    .append("\":").append(String.format(Locale.ROOT, "%.3f", n[0] / (double) n[1])));
            return String.format(Locale.ROOT, "{\"judged\":%d,\"accuracy\":%.4f,\"target\":0.95,\"by_language\":{%s},"
                    + "\"wrong\":%d,\"not_found\":%d}", judged, accuracy(), per, misses.size(), notFound.size());
        }
    }

    private final Path labels;
    private final List<Path> corpus;
    private final Ingester.Options ingest;
    private final PassageIndex.Options index;

    public LanguageEval(Path labels, List<Path> corpus, Ingester.Options ingest, PassageIndex.Options index) {
        this.labels = labels;
        this.corpus = List.copyOf(corpus);
        this.ingest = ingest;
        this.index = index;
    }

    /** Ingests the corpus, compares, and prints the result; the last line is one JSON object. */
    public int run(PrintWriter out) throws IOException {
        List<Label> wanted = read(labels);
        Path data = Files.createTempDirectory("newsbrief-eval-languages-");
        try (Database db = Database.open(data.resolve("newsbrief.db"));
                PassageIndex passages = PassageIndex.openWritable(ByteBuffersDirectory::new, index)) {
            ArticleStore store = new ArticleStore(db);
            long t0 = System.nanoTime();
            IngestReport report = CorpusIngest.ingest(new Ingester(store, passages, ingest, Clock.systemUTC()),
                    corpus, IngestProgress.NONE);
            out.printf(Locale.ROOT, "ingested in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, report.summary(3));
            Result result = evaluate(wanted, store::find);
            result.lines().forEach(out::println);
            out.println(result.json());
            out.flush();
        } finally {
            try (var paths = Files.walk(data)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return 0;
    }

    /** Reads a JSON-lines label file: one {@code {"id": ..., "lang": ...}} per line. */
    public static List<Label> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Label> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            if (!n.hasNonNull("id") || !n.hasNonNull("lang")) {
                throw new NewsbriefException(file + ":" + lineNo + ": a label needs \"id\" and \"lang\"");
            }
            out.add(new Label(n.get("id").asText(), n.get("lang").asText()));
        }
        return out;
    }

    /** Compares each label with the language stored for its article ({@code articles} looks it up). */
    public static Result evaluate(List<Label> labels, Function<String, Optional<Article>> articles) {
        int judged = 0;
        int correct = 0;
        int tooShort = 0;
        List<String> notFound = new ArrayList<>();
        Map<String, int[]> byLanguage = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        for (Label label : labels) {
            Optional<Article> found = articles.apply(label.id());
            if (found.isEmpty()) {
                notFound.add(label.id());
                continue;
            }
            Article a = found.get();
            if (a.title().length() + a.body().length() <= MIN_CHARS) {
                tooShort++;
                continue;
            }
            judged++;
            int[] counts = byLanguage.computeIfAbsent(label.language(), k -> new int[2]);
            counts[1]++;
            if (label.language().equals(a.language())) {
                correct++;
                counts[0]++;
            } else {
                misses.add(new Miss(a.id(), label.language(), a.language()));
            }
        }
        return new Result(judged, correct, tooShort, notFound, new LinkedHashMap<>(byLanguage), misses);
    }
}
