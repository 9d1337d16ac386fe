package dev.newsbrief.app;

import picocli.CommandLine.Command;

/** {@code newsbrief bench ...}: benchmarks whose last output line is one JSON object. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark.",
        subcommands = {BenchMemoryCommand.class})
final class BenchCommand {}
