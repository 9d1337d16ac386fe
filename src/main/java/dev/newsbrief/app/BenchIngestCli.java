package dev.newsbrief.app;

import dev.newsbrief.bench.IngestBenchmark;
import dev.newsbrief.config.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsbrief bench ingest --corpus FILE}: runs {@link IngestBenchmark} with the configured index and ingester. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Benchmark ingestion of a .jsonl corpus against bare Lucene indexing of the same passages.")
final class BenchIngestCli implements Callable<Integer> {
    @Mixin
    ConfigOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "A .jsonl corpus.")
    Path corpus;

    @Option(names = "--warmup-records", paramLabel = "N", defaultValue = "-1",
            description = "First run the first N records through both pipelines, untimed, so both are measured "
                    + "with a warm JIT (default: every record of the corpus; 0 runs newsbrief cold, before "
                    + "plain Lucene).")
    int warmupRecords;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Settings settings = common.loadConfig().settings();
        return new IngestBenchmark(corpus, warmupRecords, settings.index(), settings.ingest().ingester(),
                settings.retrieval()).run(spec.commandLine().getOut());
    }
}
