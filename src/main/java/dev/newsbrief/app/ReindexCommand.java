package dev.newsbrief.app;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.Reindexer;
import dev.newsbrief.store.ArticleStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsbrief reindex}: rebuilds the passage index, and its dense vectors, from SQLite alone. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the Lucene passage index from the articles stored in SQLite.")
final class ReindexCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        try (AppContext ctx = AppContext.forWriting(common, "reindex")) {
            PassageIndex index = ctx.manage(PassageIndex.openWritable(PassageIndex.onDisk(ctx.dir().index()),
                    ctx.settings().index()));
            // the vectors are rebuilt with the passages: cleared with them, then embedded anew
            DenseWiring.Dense dense = DenseWiring.forWriting(ctx, index);
            long start = System.nanoTime();
            Reindexer.Result result = new Reindexer(new ArticleStore(ctx.database()), index).rebuild();
            System.out.printf("reindexed %d articles into %d passages (%.1f s)%n", result.articles(),
                    result.passages(), (System.nanoTime() - start) / 1e9);
            dense.awaitVectors(java.time.Duration.ofDays(7), System.out);
            return 0;
        }
    }
}
