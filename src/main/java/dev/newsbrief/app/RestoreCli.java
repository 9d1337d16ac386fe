package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.ops.BackupService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsbrief restore DIR}: replaces the data with a backup and rebuilds the index; the bot must be stopped. */
@Command(name = "restore", description = {"Restore the database from a backup in DIR and rebuild the index from it.",
        "Needs the data directory's write lock: stop the bot first. The previous data is moved aside, not deleted."})
final class RestoreCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory written by `newsbrief backup`.")
    Path source;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config cfg = common.loadConfig();
        BackupService.RestoreResult r = new BackupService(Clock.systemUTC())
                .restore(source, common.dataDirectory(cfg), cfg.settings().index());
        PrintWriter out = spec.commandLine().getOut();
        out.println("restored " + r.articles() + " articles (" + r.passages() + " passages reindexed) from "
                + source.toAbsolutePath() + " taken " + r.manifest().createdAt());
        if (r.previousDataMovedTo() != null) {
            out.println("previous data moved to " + r.previousDataMovedTo());
        }
        out.flush();
        return 0;
    }
}
