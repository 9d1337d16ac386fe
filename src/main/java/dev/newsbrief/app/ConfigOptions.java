package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.ops.LogSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The option every subcommand takes: which config file to add. Benchmarks and evaluations take only
 * this one, since they build their data in a temporary directory of their own; the commands that
 * work on the operator's data take {@link CommonOptions}, which adds {@code --data}.
 */
class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file laid over config/newsbrief.yaml and under NEWSBRIEF_* variables.")
    Path config;

    /**
     * Bundled defaults, then ./config/newsbrief.yaml, then --config, then the environment; applies
     * the log settings (format, level, secrets to redact) as soon as they are known.
     */
    Config loadConfig() {
        List<Path> files = new ArrayList<>();
        Path local = Path.of("config", "newsbrief.yaml");
        if (Files.isRegularFile(local)) {
            files.add(local);
        }
        if (config != null) {
            files.add(config);
        }
        Config cfg = Config.load(files, System.getenv());
        LogSetup.apply(cfg.settings().log(), cfg.secrets());
        return cfg;
    }
}
