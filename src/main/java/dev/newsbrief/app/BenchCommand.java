package dev.newsbrief.app;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code newsbrief bench ...}: benchmarks whose last output line is one JSON object. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints progress, then one JSON line with its figures.",
        subcommands = {BenchAlertsCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
