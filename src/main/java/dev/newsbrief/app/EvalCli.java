package dev.newsbrief.app;

import picocli.CommandLine.Command;

/** {@code newsbrief eval}: retrieval quality measurements. */
@Command(name = "eval", description = "Measure retrieval quality.",
        subcommands = {EvalBeirCli.class, EvalLanguagesCli.class})
final class EvalCli {
}
