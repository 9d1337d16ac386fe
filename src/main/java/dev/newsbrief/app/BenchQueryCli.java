package dev.newsbrief.app;

import dev.newsbrief.bench.QueryBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsbrief bench query --corpus FILE}: runs {@link QueryBenchmark} with the configured briefing settings. */
@Command(name = "query", description = "Time ask -> Telegram HTML against plain Lucene BM25.")
final class BenchQueryCli implements Callable<Integer> {
    @Mixin
    ConfigOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "JSONL articles (Reuters).")
    Path corpus;

    @Option(names = "--queries", defaultValue = "300", description = "Number of timed queries.")
    int queries;

    @Option(names = "--vectors", paramLabel = "DIR", description = "Keep the article vectors in DIR and reuse "
            + "them on the next run (default: in memory, embedded anew each run).")
    Path vectors;

    @Option(names = "--warmup-passes", paramLabel = "N", defaultValue = "1", description = "Untimed passes over "
            + "every query before the timed pass (default: ${DEFAULT-VALUE}).")
    int warmupPasses;

    @Option(names = "--on-disk-index", description = "Keep the passage index on disk in the temporary data directory, "
            + "as the bot keeps it, instead of in memory (a ByteBuffersDirectory).")
    boolean onDiskIndex;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (warmupPasses < 1 || queries < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--warmup-passes and --queries must be at least 1");
        }
        var settings = common.loadConfig().settings();
        return new QueryBenchmark(corpus, new QueryBenchmark.Timing(queries, warmupPasses, onDiskIndex),
                settings.brief(), settings.languages(), settings.retrieval(), vectors)
                .run(spec.commandLine().getOut());
    }
}
