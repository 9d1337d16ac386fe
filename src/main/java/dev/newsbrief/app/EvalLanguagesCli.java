package dev.newsbrief.app;

import dev.newsbrief.bench.LanguageEval;
import dev.newsbrief.config.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsbrief eval languages LABELS --corpus PATH...}: runs {@link LanguageEval}. */
@Command(name = "languages", mixinStandardHelpOptions = true,
        description = "Measure language detection at ingest against labelled articles (JSONL: id, lang).")
final class EvalLanguagesCli implements Callable<Integer> {
    @Mixin
    ConfigOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LABELS", description = "The labels, JSONL: {\"id\": article id, \"lang\": ISO 639-1}.")
    Path labels;

    @Option(names = "--corpus", required = true, arity = "1..*", paramLabel = "PATH",
            description = "What to ingest first: anything `newsbrief ingest` takes (files, directories, saved feeds).")
    List<Path> corpus;

    @Override
    public Integer call() throws IOException {
        Settings settings = common.loadConfig().settings();
        return new LanguageEval(labels, corpus, settings.ingest().ingester(), settings.index())
                .run(spec.commandLine().getOut());
    }
}
