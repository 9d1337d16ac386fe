package dev.newsbrief.app;

import dev.newsbrief.chat.ChatSettingsReader;
import dev.newsbrief.config.Config;
import dev.newsbrief.config.ConfigException;
import dev.newsbrief.ops.LogSetup;
import dev.newsbrief.ops.OpsSettings;
import dev.newsbrief.sources.FetchOptions;
import dev.newsbrief.sources.SourceDefinitions;
import dev.newsbrief.telegram.TelegramSettings;
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
        // each section's typed settings, with the checks the schema cannot express (ranges, URLs, lists)
        try {
            OpsSettings.from(cfg);
            LogSetup.format(cfg);
            LogSetup.level(cfg);
            FetchOptions.from(cfg);
            SourceDefinitions.from(cfg);
            TelegramSettings.from(cfg);
            ChatSettingsReader.from(cfg);
            BriefSettings.from(cfg);
            IngestWiring.indexOptions(cfg);
            IngestWiring.ingestOptions(cfg);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("# effective configuration (secrets masked); data directory: " + common.dataDirectory(cfg).root());
        out.print(cfg.describe());
        out.println("# configuration OK");
        out.flush();
        return 0;
    }
}
