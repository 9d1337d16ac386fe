package dev.newsbrief.app;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.store.ArticleStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief ingest PATH...}: stores and indexes article files and directories. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest article files (.txt, .md, .html, .json, .jsonl) or directories (recursively).")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to ingest.")
    List<Path> paths;

    @Option(names = "--max-listed", defaultValue = "20", description = "Most skipped items listed (default: 20).")
    int maxListed;

    @Override
    public Integer call() {
        try (AppContext ctx = AppContext.forWriting(common, "ingest")) {
            PassageIndex index = ctx.manage(PassageIndex.openWritable(PassageIndex.onDisk(ctx.dir().index()),
                    IngestWiring.indexOptions(ctx.config())));
            Ingester ingester = new Ingester(new ArticleStore(ctx.database()), index,
                    IngestWiring.ingestOptions(ctx.config()), Clock.systemUTC());
            ConsoleProgressBar progress = new ConsoleProgressBar(System.err,
                    IngestWiring.bytes(ctx.config(), "ingest.progress-min-size"), System.console() != null);
            IngestReport report = ingester.ingest(paths, progress);
            System.out.println(report.summary(maxListed));
            return 0;
        }
    }
}
