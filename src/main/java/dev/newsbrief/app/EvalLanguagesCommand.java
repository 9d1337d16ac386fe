package dev.newsbrief.app;

import dev.newsbrief.bench.LanguageEval;
import dev.newsbrief.config.Settings;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestProgress;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.store.ByteBuffersDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsbrief eval languages LABELS --corpus PATH...}: ingests the corpus into a temporary data
 * directory through the product's ingester (which detects each article's language) and compares the
 * stored languages with labels written by reading the articles ({@link LanguageEval}).
 */
@Command(name = "languages", mixinStandardHelpOptions = true,
        description = "Measure language detection at ingest against labelled articles (JSONL: id, lang).")
final class EvalLanguagesCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LABELS", description = "The labels, JSONL: {\"id\": article id, \"lang\": ISO 639-1}.")
    Path labels;

    @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "PATH",
            description = "What to ingest first: anything `newsbrief ingest` takes (files, directories, saved feeds).")
    List<Path> corpus;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<LanguageEval.Label> wanted = LanguageEval.read(labels);
        Settings settings = common.loadConfig().settings();
        Path data = Files.createTempDirectory("newsbrief-eval-languages-");
        try (Database db = Database.open(data.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, settings.index())) {
            ArticleStore store = new ArticleStore(db);
            long t0 = System.nanoTime();
            IngestReport report = CorpusIngest.ingest(new Ingester(store, index, settings.ingest().ingester(),
                    Clock.systemUTC()), corpus, IngestProgress.NONE);
            out.printf(Locale.ROOT, "ingested in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, report.summary(3));
            LanguageEval.Result result = LanguageEval.evaluate(wanted, store::find);
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
}
