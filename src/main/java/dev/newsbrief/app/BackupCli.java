package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.ops.BackupManifest;
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

/** {@code newsbrief backup DIR}: an online copy of the database, taken while the bot keeps running. */
@Command(name = "backup", description = {"Copy the database to DIR (new or empty) with SQLite's online backup, "
        + "without stopping the bot.", "The index is not copied: `restore` rebuilds it from the database."})
final class BackupCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory to write the backup into.")
    Path target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config cfg = common.loadConfig();
        BackupManifest m = new BackupService(Clock.systemUTC(),
                cfg.settings().ops().backupTimeout()).backup(common.dataDirectory(cfg), target);
        PrintWriter out = spec.commandLine().getOut();
        out.println("backed up " + m.articles() + " articles (schema " + m.schemaVersion() + ", " + m.databaseBytes()
                + " bytes) to " + target.toAbsolutePath());
        out.flush();
        return 0;
    }
}
