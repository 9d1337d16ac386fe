package dev.newsbrief.app;

import picocli.CommandLine.Command;

/** {@code newsbrief bench}: latency benchmarks whose last output line is one JSON object. */
@Command(name = "bench", description = "Latency benchmarks.", subcommands = BenchQueryCommand.class)
final class BenchCommand {
}
