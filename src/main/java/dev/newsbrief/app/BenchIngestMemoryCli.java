package dev.newsbrief.app;

import dev.newsbrief.bench.IngestMemoryBench;
import dev.newsbrief.bench.TempTree;
import dev.newsbrief.config.Config;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsbrief bench ingest-memory}: ingests a generated stream in this JVM and reports the
 * live heap against the articles stored (run it as {@code java -Xmx256m -jar newsbrief.jar bench
 * ingest-memory}); see {@link IngestMemoryBench}.
 */
@Command(name = "ingest-memory", mixinStandardHelpOptions = true,
        description = "Live heap of ingest against the length of a generated input stream (run under -Xmx256m).")
final class BenchIngestMemoryCli implements Callable<Integer> {
    @Mixin
    ConfigOptions common;

    @Option(names = "--articles", defaultValue = "250000", paramLabel = "N",
            description = "Lines in the generated stream (default: 250000, about 200 MB).")
    long articles;

    @Option(names = "--bad-every", defaultValue = "10", paramLabel = "K",
            description = "Every K-th line is not JSON, so the run also skips many lines (default: 10; 0 = none).")
    int badEvery;

    @Option(names = "--sample-every", defaultValue = "25000", paramLabel = "N",
            description = "Measure the live heap every N stored articles (default: 25000).")
    int sampleEvery;

    @Option(names = "--stream", paramLabel = "FILE",
            description = "Keep the generated stream in FILE (e.g. to ingest it with another build); default: a temp file.")
    Path keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Config cfg = common.loadConfig();
        Path tmp = Files.createTempDirectory("newsbrief-ingest-memory");
        try {
            Path stream = keep != null ? keep : tmp.resolve("stream.jsonl");
            long bytes = IngestMemoryBench.writeStream(stream, articles, badEvery, 42);
            out.printf("generated %,d lines (%.0f MB) in %s%n", articles, bytes / 1e6, stream);
            out.flush();
            IngestMemoryBench.Result result = IngestMemoryBench.run(stream, tmp.resolve("data"), sampleEvery,
                    cfg.settings().index(), cfg.settings().ingest().ingester(), out);
            out.println(result.json());
            out.flush();
            return 0;
        } finally {
            TempTree.delete(tmp);
        }
    }
}
