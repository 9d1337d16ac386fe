package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.ops.LogSetup;
import dev.newsbrief.config.Settings;
import dev.newsbrief.store.DataDirectory;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreSettings;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running command has opened: the config, the data directory (locked when writing; it
 * holds this instance's index, and the SQLite file unless the store is PostgreSQL) and the store.
 * Resources registered with {@link #manage} close in reverse order.
 */
final class AppContext implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AppContext.class);

    private final Config config;
    private final DataDirectory dir;
    private final StoreSettings store;
    private final Database database;
    private final boolean writable;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    private AppContext(Config config, DataDirectory dir, boolean writable, String command) {
        this.config = config;
        this.dir = dir;
        this.writable = writable;
        this.store = StoreSettings.from(config.settings().store(), System.getenv(), config.settings().autoPoolSize());
        LogSetup.addSecrets(store.secrets());
        if (writable) {
            resources.push(dir.lockForWriting(command));
            try {
                this.database = manage(store.open(dir));
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        } else {
            this.database = manage(store.openForReading(dir));
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

    StoreSettings store() {
        return store;
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
