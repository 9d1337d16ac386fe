package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.ops.LogSetup;
import dev.newsbrief.store.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every subcommand takes: where the data lives and which config file to add. */
final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory holding the SQLite file and the index (default: data.dir, ./data).")
    Path data;

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

    DataDirectory dataDirectory(Config cfg) {
        return DataDirectory.at(data != null ? data : cfg.settings().data().dir());
    }
}
