package dev.newsbrief.app;

import dev.newsbrief.bench.BeirEvaluation;
import dev.newsbrief.index.RetrievalOptions;
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
    ConfigOptions common;

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

    @Option(names = "--fusion", description = "Override retrieval.fusion (linear or rrf).")
    String fusion;

    @Option(names = "--dense-weight", description = "Override retrieval.dense-weight (0 = BM25 ranking alone).")
    Double denseWeight;

    @Option(names = "--chunks", description = "Override retrieval.chunks (vectors per document).")
    Integer chunks;

    @Option(names = "--vectors", paramLabel = "DIR", description = "Keep the document vectors in DIR and reuse "
            + "them on the next run (default: in memory, embedded anew each run).")
    Path vectors;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var settings = common.loadConfig().settings();
        RetrievalOptions d = settings.retrieval();
        d = new RetrievalOptions(d.dense(), fusion == null ? d.fusion() : fusion,
                denseWeight == null ? d.denseWeight() : denseWeight, d.denseCandidates(),
                chunks == null ? d.chunks() : chunks, d.chunkChars(), d.embedThreads(), d.sentenceWeight(),
                d.sentenceCandidates());
        return new BeirEvaluation(dir, settings.brief(), new BeirEvaluation.Overrides(k1, b, titleBoost, proximityBoost),
                settings.languages(), d, vectors).run(spec.commandLine().getOut());
    }
}
