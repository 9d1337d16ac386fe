package dev.newsbrief.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newsbrief config}: configuration tools. */
@Command(name = "config", description = "Configuration tools.", subcommands = {ConfigCheckCli.class})
final class ConfigCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try: config check)");
    }
}
