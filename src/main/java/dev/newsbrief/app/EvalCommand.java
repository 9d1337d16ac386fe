package dev.newsbrief.app;

import dev.newsbrief.bench.EvalExtractionCommand;
import picocli.CommandLine.Command;

/** {@code newsbrief eval}: retrieval and extraction quality measurements. */
@Command(name = "eval", description = "Measure retrieval and extraction quality.",
        subcommands = {EvalBeirCommand.class, EvalExtractionCommand.class})
final class EvalCommand {
}
