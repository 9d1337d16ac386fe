package dev.newsbrief.app;

import dev.newsbrief.bench.BeirEvaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsbrief eval beir DIR}: runs {@link BeirEvaluation} over the configured ranking. */
@Command(name = "beir", description = "Evaluate ranking on a BEIR dataset (corpus.jsonl, queries.jsonl, qrels/test.tsv).")
final class EvalBeirCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The dataset directory.")
    Path dir;

    @Option(names = "--k1", description = "Override brief.bm25-k1.")
    Float k1;

    @Option(names = "--b", description = "Override brief.bm25-b.")
    Float b;

    @Option(names = "--title-boost", description = "Override brief.title-boost.")
    Float titleBoost;

    @Option(names = "--proximity-boost", description = "Override brief.proximity-boost.")
    Float proximityBoost;

    @Override
    public Integer call() throws IOException {
        var settings = common.loadConfig().settings();
        return new BeirEvaluation(dir, settings.brief(), new BeirEvaluation.Overrides(k1, b, titleBoost, proximityBoost),
                settings.languages()).run(spec.commandLine().getOut());
    }
}
