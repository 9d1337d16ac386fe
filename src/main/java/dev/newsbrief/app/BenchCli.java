package dev.newsbrief.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newsbrief bench ...}: benchmarks whose last output line is one JSON object. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark.",
        subcommands = {BenchIngestCli.class, BenchQueryCli.class, BenchAlertsCli.class,
            BenchFeedsCli.class, BenchStoriesCli.class, BenchStoryPairsCli.class, BenchDeliveryCli.class,
            BenchMemoryCli.class, BenchIngestMemoryCli.class})
final class BenchCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark, e.g. `bench ingest`");
    }
}
