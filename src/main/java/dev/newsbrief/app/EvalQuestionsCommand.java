package dev.newsbrief.app;

import dev.newsbrief.bench.PlainPassageSearch;
import dev.newsbrief.bench.QuestionEval;
import dev.newsbrief.bench.QuestionReport;
import dev.newsbrief.bench.QuestionSet;
import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.config.Settings;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.lucene.store.ByteBuffersDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsbrief eval questions FILE --corpus PATH}: ingests the corpus into a temporary data
 * directory through the product's ingester, asks every question of the set through
 * {@link BriefingService#ask} (the code path the bot uses) and scores what a user reads against
 * the plain-BM25 passage baseline ({@link QuestionEval}).
 */
@Command(name = "questions", mixinStandardHelpOptions = true,
        description = "Score briefings on a question set (JSONL) against a plain BM25 passage baseline.")
final class EvalQuestionsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The question set, JSONL (id, question, articles, answers, type, lang).")
    Path file;

    @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "PATH",
            description = "What to ingest first: anything `newsbrief ingest` takes (a .jsonl file, a directory of "
                    + "files, pages or feeds).")
    List<Path> corpus;

    @Option(names = "--vectors", paramLabel = "DIR", description = "Keep the article vectors in DIR and reuse "
            + "them on the next run (default: in memory, embedded anew each run).")
    Path vectors;

    @Option(names = "--show-misses", defaultValue = "0", paramLabel = "N",
            description = "Print the first N questions not answered and cited, with what the user read.")
    int showMisses;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<QuestionSet.Question> questions = QuestionSet.read(file);
        Settings settings = common.loadConfig().settings();
        BriefOptions options = settings.brief();
        Path data = Files.createTempDirectory("newsbrief-eval-");
        try (Database db = Database.open(data.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(data.resolve("index")),
                        settings.index())) {
            ArticleStore store = new ArticleStore(db);
            long t0 = System.nanoTime();
            IngestReport report = new Ingester(store, index, settings.ingest().ingester(), Clock.systemUTC())
                    .ingest(corpus, new ConsoleProgressBar(System.err, settings.ingest().progressMinSize().bytes(),
                            System.console() != null));
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "ingested in %.1f s: %s%n", ingestSeconds, report.summary(3));
            // opened after the corpus: comparing both indexes embeds what the (maybe kept) vectors lack
            try (DenseWiring.Dense dense = DenseWiring.open(
                    vectors == null ? ByteBuffersDirectory::new : PassageIndex.onDisk(vectors), index,
                    settings.retrieval())) {
                long tv = System.nanoTime();
                dense.awaitVectors(Duration.ofHours(2), System.out);
                double vectorSeconds = (System.nanoTime() - tv) / 1e9;
                evaluate(out, questions, store, index, dense, options, ingestSeconds, vectorSeconds);
            }
        } finally {
            deleteTree(data);
        }
        return 0;
    }

    /** Asks every question, prints the misses asked for, the per-type lines and the JSON line. */
    private void evaluate(PrintWriter out, List<QuestionSet.Question> questions, ArticleStore store, PassageIndex index,
            DenseWiring.Dense dense, BriefOptions options, double ingestSeconds, double vectorSeconds) {

        // the corpus's own present: "this week" in a 1987 question means the corpus's last week
        Clock clock = corpusClock(store);
        out.printf(Locale.ROOT, "asking as of %s (the newest article's date)%n", clock.instant());
        BriefingService service = new BriefingService(index, new NewsAnalyzer(), clock, options,
                new CompositeMeterRegistry(), dense.search());
        QuestionEval eval = new QuestionEval(service::ask, new PlainPassageSearch(index, new NewsAnalyzer()),
                id -> sameArticle(store, id), options.maxChars());
        List<QuestionEval.Outcome> outcomes = new ArrayList<>();
        long t1 = System.nanoTime();
        for (QuestionSet.Question q : questions) {
            outcomes.add(eval.score(q));
        }
        double askMs = (System.nanoTime() - t1) / 1e6 / questions.size();
        int shown = 0;
        for (QuestionEval.Outcome o : outcomes) {
            if (shown < showMisses && !o.answeredCited()) {
                shown++;
                out.printf(Locale.ROOT, "miss %s [%s] %s -> %s%s%n  rank of an answering article: %s%n"
                        + "  read: %s%n", o.question().id(), o.question().type(), o.question().question(),
                        o.question().answers(),
                        o.answered() ? " (answered, not cited)" : o.cited() ? " (cited, not answered)" : "",
                        rankOfAnswer(service, store, o.question()), o.read().replace('\n', ' '));
            }
        }
        QuestionReport summary = new QuestionReport(outcomes);
        summary.lines().forEach(out::println);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("ask_ms_mean", String.format(Locale.ROOT, "%.2f", askMs));
        extra.put("ingest_s", String.format(Locale.ROOT, "%.1f", ingestSeconds));
        extra.put("dense", Boolean.toString(dense.on()));
        extra.put("vectors_s", String.format(Locale.ROOT, "%.1f", vectorSeconds));
        out.println(summary.json(extra));
        out.flush();
    }

    /** Where the first answering article ranks among the first 100 (1-based), "-" when not there. */
    private static String rankOfAnswer(BriefingService service, ArticleStore store, QuestionSet.Question q) {
        Set<String> answering = new LinkedHashSet<>();
        q.articles().forEach(id -> answering.addAll(sameArticle(store, id)));
        List<String> ranked = service.rankArticles(q.question(), 100);
        for (int i = 0; i < ranked.size(); i++) {
            if (answering.contains(ranked.get(i))) {
                return Integer.toString(i + 1);
            }
        }
        return "-";
    }

    /** A clock stopped a day after the newest publication time in the store (now, when no article has one). */
    private static Clock corpusClock(ArticleStore store) {
        java.time.Instant[] newest = {null};
        store.forEachOriginal(a -> {
            if (a.publishedAt() != null && (newest[0] == null || a.publishedAt().isAfter(newest[0]))) {
                newest[0] = a.publishedAt();
            }
        });
        return newest[0] == null ? Clock.systemUTC()
                : Clock.fixed(newest[0].plus(java.time.Duration.ofDays(1)), java.time.ZoneOffset.UTC);
    }

    /** The id, and the original it duplicates: a duplicate is not indexed, its original answers for it. */
    private static Set<String> sameArticle(ArticleStore store, String id) {
        Set<String> out = new LinkedHashSet<>();
        out.add(id);
        Optional<Article> a = store.find(id);
        a.map(Article::duplicateOf).ifPresent(out::add);
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
