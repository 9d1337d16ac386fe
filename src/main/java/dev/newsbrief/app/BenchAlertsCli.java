package dev.newsbrief.app;

import dev.newsbrief.bench.AlertsBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsbrief bench alerts --corpus FILE --topics N}: runs {@link AlertsBenchmark}. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Measures topic matching: presearcher vs brute force over every topic.")
final class BenchAlertsCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

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
        return new AlertsBenchmark(corpus, topicCount, bruteArticles, seed).run(spec.commandLine().getOut());
    }
}
