package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.config.Settings;
import dev.newsbrief.store.DataDirectory;
import dev.newsbrief.store.Database;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running command has opened: the config, the data directory (locked when writing) and
 * the store. Resources registered with {@link #manage} close in reverse order.
 */
final class AppContext implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AppContext.class);

    private final Config config;
    private final DataDirectory dir;
    private final Database database;
    private final boolean writable;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    private AppContext(Config config, DataDirectory dir, boolean writable, String command) {
        this.config = config;
        this.dir = dir;
        this.writable = writable;
        if (writable) {
            resources.push(dir.lockForWriting(command));
            this.database = manage(Database.open(dir.database()));
        } else {
            this.database = manage(Database.openReadOnly(dir.database()));
        }
    }

    /** Locks the data directory for {@code command} and opens the store for writing. */
    static AppContext forWriting(CommonOptions options, String command) {
        Config cfg = options.loadConfig();
        return new AppContext(cfg, options.dataDirectory(cfg), true, command);
    }

    /** Opens the store read-only; works while another process writes. */
    static AppContext forReading(CommonOptions options) {
        Config cfg = options.loadConfig();
        return new AppContext(cfg, options.dataDirectory(cfg), false, "read");
    }

    Config config() {
        return config;
    }

    /** The typed settings; each package gets its own section. */
    Settings settings() {
        return config.settings();
    }

    DataDirectory dir() {
        return dir;
    }

    Database database() {
        return database;
    }

    boolean writable() {
        return writable;
    }

    <T extends AutoCloseable> T manage(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", r.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
