package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.sources.SourceDefinitions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code newsbrief config check}: loads the configuration exactly as the bot would, which binds
 * and validates every section, and prints the typed settings tree with secrets masked. A bad setting exits 1
 * with one line naming it and where it was set.
 */
@Command(name = "check", description = "Validate the configuration and print the effective settings (secrets masked).")
final class ConfigCheckCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // loading binds every section to its typed record (types, ranges, URLs); the sources lists
        // are then checked as the poller would read them (names, required fields, URLs)
        Config cfg = common.loadConfig();
        SourceDefinitions.from(cfg.settings().sources());
        PrintWriter out = spec.commandLine().getOut();
        out.println("# effective configuration (secrets masked); data directory: " + common.dataDirectory(cfg).root());
        out.print(cfg.describe());
        out.println("# configuration OK");
        out.flush();
        return 0;
    }
}
