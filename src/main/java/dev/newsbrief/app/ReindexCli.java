package dev.newsbrief.app;

import dev.newsbrief.bench.TempTree;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.Reindexer;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newsbrief reindex}: rebuilds the passage index from SQLite alone into a fresh directory,
 * whatever state the old index is in (damaged included), and swaps it in; then its dense vectors are
 * embedded anew.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the Lucene passage index (and its dense vectors) from the articles stored in SQLite.")
final class ReindexCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException, IOException {
        try (AppContext ctx = AppContext.forWriting(common, "reindex")) {
            long start = System.nanoTime();
            Reindexer.Result result = IndexWiring.rebuildFresh(ctx, ctx.settings().index());
            System.out.printf("reindexed %d articles into %d passages (%.1f s)%n", result.articles(),
                    result.passages(), (System.nanoTime() - start) / 1e9);
            // the vectors are derived too: dropped and embedded anew from the rebuilt index
            TempTree.delete(ctx.dir().vectors());
            PassageIndex index = IndexWiring.openForWriting(ctx, ctx.settings().index());
            System.err.println(DenseWiring.forWriting(ctx, index).awaitVectors(java.time.Duration.ofDays(7)).line());
            return 0;
        }
    }
}
