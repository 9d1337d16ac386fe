package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.IndexFollower;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.Reindexer;
import dev.newsbrief.ops.LogSetup;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.ChangeLog;
import dev.newsbrief.store.DataDirectory;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.PostgresSettings;
import dev.newsbrief.store.StoreCopier;
import dev.newsbrief.store.StoreSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsbrief migrate --to postgresql}: copies the data directory's SQLite store into the
 * (empty) PostgreSQL database of {@code store.postgresql.*}, verifies every table's row count,
 * and rebuilds this instance's index from PostgreSQL. The SQLite file is left as it was.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Copy the SQLite store into PostgreSQL (store.postgresql.*), verify counts, rebuild the index.")
final class MigrateCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--to", required = true, paramLabel = "BACKEND", description = "Target backend: postgresql.")
    String to;

    @Override
    public Integer call() {
        return migrate(System.getenv());
    }

    int migrate(Map<String, String> env) {
        if (!"postgresql".equals(to.toLowerCase(Locale.ROOT))) {
            throw new NewsbriefException("migrate --to takes postgresql (the SQLite store is the source), not " + to);
        }
        Config config = common.loadConfig();
        DataDirectory dir = common.dataDirectory(config);
        if (!dir.exists()) {
            throw new NewsbriefException("no SQLite store at " + dir.database() + " to migrate");
        }
        PostgresSettings target = StoreSettings.postgres(config.settings().store(), env, config.settings().autoPoolSize());
        LogSetup.addSecrets(target.password() == null ? List.of() : List.of(target.password()));
        long start = System.nanoTime();
        try (DataDirectory.WriteLock lock = dir.lockForWriting("migrate");
                Database sqlite = Database.open(dir.database());
                Database postgres = Database.openPostgres(target)) {
            StoreCopier.Copied copied = StoreCopier.copy(sqlite, postgres);
            copied.rows().forEach((table, rows) -> System.out.printf("  %-16s %,d rows%n", table, rows));
            Reindexer.Result rebuilt;
            try (PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dir.index()),
                    config.settings().index())) {
                // with the change-log position recorded, so the instance does not rebuild again on its first start
                rebuilt = new IndexFollower(new ChangeLog(postgres), new ArticleStore(postgres), index).rebuild();
            }
            System.out.printf("copied %,d rows from %s into %s, counts verified; index rebuilt from it: %d articles, "
                    + "%d passages (%.1f s)%n", copied.total(), dir.database(), target.describe(), rebuilt.articles(),
                    rebuilt.passages(), (System.nanoTime() - start) / 1e9);
            System.out.println("now set store.backend: postgresql (or NEWSBRIEF_STORE_BACKEND=postgresql) and start "
                    + "the instances; see docs/SCALING.md");
            return 0;
        }
    }
}
