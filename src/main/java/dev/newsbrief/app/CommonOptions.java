package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.store.DataDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the commands that work on the operator's data: where it lives, and which config file to add. */
final class CommonOptions extends ConfigOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory holding the SQLite file and the index (default: data.dir, ./data).")
    Path data;

    DataDirectory dataDirectory(Config cfg) {
        return DataDirectory.at(data != null ? data : cfg.settings().data().dir());
    }
}
