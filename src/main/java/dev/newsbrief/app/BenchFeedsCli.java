package dev.newsbrief.app;

import dev.newsbrief.bench.FeedsBenchmark;
import dev.newsbrief.config.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsbrief bench feeds --dir DIR}: runs {@link FeedsBenchmark} with the configured sources, index and ingester. */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Benchmark polling a folder of RSS/Atom files served locally: first poll and conditional re-poll.")
final class BenchFeedsCli implements Callable<Integer> {
    @Mixin
    ConfigOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder of RSS/Atom files.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Settings settings = common.loadConfig().settings();
        return new FeedsBenchmark(dir, settings.sources().fetch(), settings.index(), settings.ingest().ingester())
                .run(spec.commandLine().getOut());
    }
}
