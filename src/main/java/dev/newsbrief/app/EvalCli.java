package dev.newsbrief.app;

import picocli.CommandLine.Command;

/** {@code newsbrief eval}: retrieval, language and extraction quality measurements. */
@Command(name = "eval", description = "Measure retrieval, language detection and extraction quality.",
        subcommands = {EvalBeirCli.class, EvalQuestionsCli.class, EvalLanguagesCli.class, EvalExtractionCli.class})
final class EvalCli {
}
