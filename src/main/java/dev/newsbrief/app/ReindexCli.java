package dev.newsbrief.app;

import dev.newsbrief.index.Reindexer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newsbrief reindex}: rebuilds the passage index from SQLite alone into a fresh directory,
 * whatever state the old index is in (damaged included), and swaps it in.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the Lucene passage index from the articles stored in SQLite.")
final class ReindexCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (AppContext ctx = AppContext.forWriting(common, "reindex")) {
            long start = System.nanoTime();
            Reindexer.Result result = IndexWiring.rebuildFresh(ctx, ctx.settings().index());
            System.out.printf("reindexed %d articles into %d passages (%.1f s)%n", result.articles(),
                    result.passages(), (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
