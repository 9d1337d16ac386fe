package dev.newsbrief.store;

import dev.newsbrief.core.OptionException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The store settings (section {@code store:} of the config). The PostgreSQL password is not a
 * setting: it comes from {@code PGPASSWORD} or the file {@code postgresql.password-file} names.
 *
 * @param backend    sqlite (one file in the data directory, one process) or postgresql (a server
 *                   several instances share)
 * @param postgresql the server, when the backend is postgresql (and the target of {@code migrate})
 */
public record StoreOptions(String backend, Postgresql postgresql) {
    public static final StoreOptions DEFAULTS = new StoreOptions("sqlite", Postgresql.DEFAULTS);

    public StoreOptions {
        backend = backend == null ? "sqlite" : backend.strip().toLowerCase(Locale.ROOT);
        if (!backend.equals("sqlite") && !backend.equals("postgresql")) {
            throw new OptionException("backend", "must be sqlite or postgresql (got " + backend + ")");
        }
        Objects.requireNonNull(postgresql, "postgresql");
    }

    /** Whether the store is a PostgreSQL server (not named like a getter, so it is no setting). */
    public boolean postgresBackend() {
        return backend.equals("postgresql");
    }

    /**
     * The PostgreSQL server.
     *
     * @param url            {@code jdbc:postgresql://host:5432/database}, or empty when unused
     * @param user           login role
     * @param passwordFile   file holding the password when {@code PGPASSWORD} is unset, or null
     * @param poolSize       most connections one instance holds; 0 sizes it for the instance's workers
     * @param connectTimeout longest wait for a connection
     */
    public record Postgresql(String url, String user, Path passwordFile, int poolSize, Duration connectTimeout) {
        public static final Postgresql DEFAULTS = new Postgresql("", "newsbrief", null, 0, Duration.ofSeconds(10));

        public Postgresql {
            url = url == null ? "" : url.strip();
            if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
                throw new OptionException("url", "must start with jdbc:postgresql:");
            }
            if (poolSize < 0) {
                throw new OptionException("poolSize", "must be 0 (sized for the workers) or positive (got " + poolSize + ")");
            }
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new OptionException("connectTimeout", "must be positive");
            }
        }
    }
}
