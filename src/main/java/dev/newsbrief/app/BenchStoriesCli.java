package dev.newsbrief.app;

import dev.newsbrief.bench.StoryBench;
import dev.newsbrief.bench.StoryPairs;
import dev.newsbrief.config.Settings;
import dev.newsbrief.core.NewsbriefException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsbrief bench stories --corpus FILE}: runs {@link StoryBench} with the configured ingester and stories. */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = "Measure story recognition on a labelled pair file (precision, recall, articles/s).")
final class BenchStoriesCli implements Callable<Integer> {
    @Mixin
    ConfigOptions common;

    @Option(names = "--corpus", required = true, paramLabel = "FILE",
            description = "Labelled pairs, JSON Lines (see `bench story-pairs`).")
    Path corpus;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Use only the first N pairs (0: all).")
    int limit;

    @Option(names = "--show-errors", paramLabel = "N", defaultValue = "20",
            description = "Wrongly judged pairs to list (default ${DEFAULT-VALUE}).")
    int showErrors;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(corpus)) {
            throw new NewsbriefException("bench stories needs an existing pair file, got " + corpus);
        }
        Settings settings = common.loadConfig().settings();
        List<StoryPairs.Pair> pairs = StoryPairs.read(corpus);
        if (limit > 0 && pairs.size() > limit) {
            pairs = pairs.subList(0, limit);
        }
        StoryBench.Result result = StoryBench.run(pairs, settings.ingest().ingester(), settings.stories(),
                settings.index());
        StoryBench.report(result, showErrors).forEach(System.out::println);
        return 0;
    }
}
