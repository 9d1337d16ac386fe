package dev.newsbrief.app;

import dev.newsbrief.bench.MemoryBenchmark;
import dev.newsbrief.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsbrief bench memory --corpus FILE}: runs {@link MemoryBenchmark}. */
@Command(name = "memory", description = "Steady-state heap and start-up time of the bot under a small heap.")
final class BenchMemoryCli implements Callable<Integer> {
    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "Corpus to ingest (JSONL).")
    Path corpus;

    @Option(names = "--subscriptions", defaultValue = "10000", description = "Subscriptions to create (default ${DEFAULT-VALUE}).")
    int subscriptions;

    @Option(names = "--topics-per-chat", defaultValue = "4", description = "Subscriptions per chat (default ${DEFAULT-VALUE}).")
    int topicsPerChat;

    @Option(names = "--questions", defaultValue = "200", description = "Questions asked before measuring (default ${DEFAULT-VALUE}).")
    int questions;

    @Option(names = "--heap", defaultValue = "256m", description = "-Xmx of the bot (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory to build or reuse (default: a new temporary one).")
    Path data;

    @Option(names = "--jar", paramLabel = "JAR", description = "The newsbrief jar to run (default: the one running this command).")
    Path jar;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // the settings the bot will run with: ./config/newsbrief.yaml (if any) and the environment
        Path local = Path.of("config", "newsbrief.yaml");
        var settings = Config.load(Files.isRegularFile(local) ? List.of(local) : List.of(), System.getenv()).settings();
        return new MemoryBenchmark(corpus, subscriptions, topicsPerChat, questions, heap, data, jar,
                settings.retrieval()).run(spec.commandLine().getOut());
    }
}
