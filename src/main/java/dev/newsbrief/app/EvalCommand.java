package dev.newsbrief.app;

import picocli.CommandLine.Command;

/** {@code newsbrief eval}: retrieval quality measurements. */
@Command(name = "eval", description = "Measure retrieval quality.", subcommands = {EvalBeirCommand.class, EvalLanguagesCommand.class})
final class EvalCommand {
}
