package dev.newsbrief.bench;

import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.brief.StoryCoverage;
import dev.newsbrief.index.DenseRetrieval;
import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.ingest.IngestProgress;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.lang.LanguageOptions;
import dev.newsbrief.sources.CorpusIngest;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.stories.StoryReader;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * {@code newsbrief eval questions FILE --corpus PATH}: ingests the corpus into a temporary data
 * directory through the product's ingester (dense vectors built as configured), asks every
 * question of the set through {@link BriefingService#ask} (the code path the bot uses) and scores
 * what a user reads against the plain-BM25 passage baseline ({@link QuestionEval}). The last line
 * is one JSON object: answered, cited, answered_cited, baseline_answered_cited, questions, and
 * breakdowns per type and language.
 */
public final class QuestionEvaluation {
    /**
     * What to ingest and how to answer.
     *
     * @param corpus     anything {@code newsbrief ingest} takes
     * @param brief      the briefing settings asked with
     * @param index      the index settings
     * @param ingest     the ingester's settings
     * @param languages  how questions are weighed across languages
     * @param retrieval  dense retrieval settings
     * @param vectors    where to keep the article vectors between runs, or null for memory
     * @param showMisses how many questions not answered and cited to print, with what the user read
     */
    public record Setup(List<Path> corpus, BriefOptions brief, PassageIndex.Options index, Ingester.Options ingest,
            LanguageOptions languages, RetrievalOptions retrieval, Path vectors, int showMisses) {
        public Setup {
            corpus = List.copyOf(corpus);
        }
    }

    private final List<QuestionSet.Question> questions;
    private final Setup setup;

    public QuestionEvaluation(List<QuestionSet.Question> questions, Setup setup) {
        this.questions = List.copyOf(questions);
        this.setup = setup;
    }

    /** Runs the evaluation, printing to {@code out}; the last line is one JSON object of figures. */
    public int run(PrintWriter out, IngestProgress progress) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("newsbrief-eval-");
        try (Database db = Database.open(data.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(data.resolve("index")),
                        setup.index());
                StoryReader stories = new StoryReader(db)) {
            ArticleStore store = new ArticleStore(db);
            long t0 = System.nanoTime();
            IngestReport report = CorpusIngest.ingest(new Ingester(store, index, setup.ingest(), Clock.systemUTC()),
                    setup.corpus(), progress);
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "ingested in %.1f s: %s%n", ingestSeconds, report.summary(3));
            // opened after the corpus: comparing both indexes embeds what the (maybe kept) vectors lack
            try (DenseRetrieval dense = DenseRetrieval.open(
                    setup.vectors() == null ? ByteBuffersDirectory::new : PassageIndex.onDisk(setup.vectors()), index,
                    setup.retrieval())) {
                long tv = System.nanoTime();
                out.println(dense.awaitVectors(Duration.ofHours(2)).line());
                double vectorSeconds = (System.nanoTime() - tv) / 1e9;
                evaluate(out, store, index, dense, new StoryCoverage(stories), ingestSeconds, vectorSeconds);
            }
        } finally {
            TempTree.delete(data);
        }
        return 0;
    }

    /** Asks every question, prints the misses asked for, the per-type lines and the JSON line. */
    private void evaluate(PrintWriter out, ArticleStore store, PassageIndex index, DenseRetrieval dense,
            StoryCoverage stories, double ingestSeconds, double vectorSeconds) {
        // the corpus's own present: "this week" in a 1987 question means the corpus's last week
        Clock clock = corpusClock(store);
        out.printf(Locale.ROOT, "asking as of %s (a day after the newest article)%n", clock.instant());
        BriefingService service = BriefingService.multilingual(index, clock, setup.brief(),
                new CompositeMeterRegistry(), setup.languages(), dense.search(), stories);
        QuestionEval eval = new QuestionEval(q -> service.ask(q.question(), q.lang()),
                new PlainPassageSearch(index, new LanguageAnalyzers()), id -> sameArticle(store, id),
                setup.brief().maxChars());
        List<QuestionEval.Outcome> outcomes = new ArrayList<>();
        long t1 = System.nanoTime();
        for (QuestionSet.Question q : questions) {
            outcomes.add(eval.score(q));
        }
        double askMs = (System.nanoTime() - t1) / 1e6 / Math.max(1, questions.size());
        int shown = 0;
        for (QuestionEval.Outcome o : outcomes) {
            if (shown < setup.showMisses() && !o.answeredCited()) {
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
        List<String> ranked = service.rankArticles(q.question(), q.lang(), 100);
        for (int i = 0; i < ranked.size(); i++) {
            if (answering.contains(ranked.get(i))) {
                return Integer.toString(i + 1);
            }
        }
        return "-";
    }

    /** A clock stopped a day after the newest publication time in the store (now, when no article has one). */
    static Clock corpusClock(ArticleStore store) {
        Instant[] newest = {null};
        store.forEachOriginal(a -> {
            if (a.publishedAt() != null && (newest[0] == null || a.publishedAt().isAfter(newest[0]))) {
                newest[0] = a.publishedAt();
            }
        });
        return newest[0] == null ? Clock.systemUTC() : Clock.fixed(newest[0].plus(Duration.ofDays(1)), ZoneOffset.UTC);
    }

    /** The id, and the original it duplicates: a duplicate is not indexed, its original answers for it. */
    private static Set<String> sameArticle(ArticleStore store, String id) {
        Set<String> out = new LinkedHashSet<>();
        out.add(id);
        store.find(id).map(Article::duplicateOf).ifPresent(out::add);
        return out;
    }
}
