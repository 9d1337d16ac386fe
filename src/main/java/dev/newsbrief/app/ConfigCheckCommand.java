package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.ops.LogSetup;
import dev.newsbrief.ops.OpsSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code newsbrief config check}: loads the configuration exactly as the bot would, validates
 * every section, and prints the effective settings with secrets masked. A bad setting exits 1
 * with one line naming it and where it was set.
 */
@Command(name = "check", description = "Validate the configuration and print the effective settings (secrets masked).")
final class ConfigCheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config cfg = common.loadConfig();
        // typed settings with range checks beyond what the schema can say
        OpsSettings.from(cfg);
        LogSetup.format(cfg);
        LogSetup.level(cfg);
        common.dataDirectory(cfg);
        PrintWriter out = spec.commandLine().getOut();
        out.println("# effective configuration (secrets masked); data directory: " + common.dataDirectory(cfg).root());
        out.print(cfg.describe());
        out.println("# configuration OK");
        out.flush();
        return 0;
    }
}
