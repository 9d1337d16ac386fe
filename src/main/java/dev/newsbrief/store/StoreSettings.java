package dev.newsbrief.store;

import dev.newsbrief.config.Config;
import dev.newsbrief.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which store to open: {@code store.backend: sqlite} (the default, a file in the data directory)
 * or {@code postgresql} ({@code store.postgresql.*}). The password comes only from the
 * {@code PGPASSWORD} environment variable or the file named by {@code store.postgresql.password-file},
 * never from the YAML, and is never logged.
 *
 * @param postgres the server to use, or empty for SQLite
 */
public record StoreSettings(Optional<PostgresSettings> postgres) {
    /** The environment variable holding the PostgreSQL password (libpq's own name for it). */
    public static final String PASSWORD_VARIABLE = "PGPASSWORD";

    public static StoreSettings from(Config config, Map<String, String> env) {
        String backend = config.string("store.backend").strip().toLowerCase(java.util.Locale.ROOT);
        switch (backend) {
            case "sqlite":
                return new StoreSettings(Optional.empty());
            case "postgresql":
                break;
            default:
                throw new ConfigException("store.backend must be sqlite or postgresql, not \"" + backend + "\" ("
                        + config.origin("store.backend") + ")");
        }
        return new StoreSettings(Optional.of(postgres(config, env)));
    }

    /** The {@code store.postgresql.*} settings, whatever {@code store.backend} says (for {@code migrate}). */
    public static PostgresSettings postgres(Config config, Map<String, String> env) {
        String url = config.string("store.postgresql.url");
        if (url == null || url.isBlank()) {
            throw new ConfigException("store.postgresql.url is not set (jdbc:postgresql://host:5432/database)");
        }
        String user = config.string("store.postgresql.user");
        try {
            return new PostgresSettings(url.strip(), user == null || user.isBlank() ? null : user.strip(),
                    password(config, env), poolSize(config),
                    config.duration("store.postgresql.connect-timeout"));
        } catch (StoreException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /**
     * The configured pool size, or by default enough for every worker to hold a claim (a
     * transaction kept open around a send, an update or a poll) while it runs one more statement.
     */
    static int poolSize(Config config) {
        int configured = config.integer("store.postgresql.pool-size");
        if (configured > 0) {
            return configured;
        }
        if (configured < 0) {
            throw new ConfigException("store.postgresql.pool-size must be 0 (automatic) or positive");
        }
        return 2 * (config.integer("telegram.workers") + config.integer("alerts.delivery-concurrency")
                + config.integer("sources.max-concurrent-fetches")) + 4;
    }

    private static String password(Config config, Map<String, String> env) {
        String fromEnv = env.get(PASSWORD_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        String file = config.string("store.postgresql.password-file");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return Files.readString(Path.of(file.strip())).strip();
        } catch (IOException e) {
            throw new ConfigException("cannot read store.postgresql.password-file " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean isPostgres() {
        return postgres.isPresent();
    }

    /** Values to keep out of every log line. */
    public List<String> secrets() {
        return postgres.map(PostgresSettings::password).filter(p -> !p.isEmpty()).map(List::of).orElse(List.of());
    }

    /** Opens the store for writing: the data directory's SQLite file, or the server. */
    public Database open(DataDirectory dir) {
        return postgres.map(Database::openPostgres).orElseGet(() -> Database.open(dir.database()));
    }

    /** Opens the store for commands that only read; a SQLite file must exist already. */
    public Database openForReading(DataDirectory dir) {
        return postgres.map(Database::openPostgres).orElseGet(() -> Database.openReadOnly(dir.database()));
    }

    /** Where the store is, for messages. */
    public String describe(DataDirectory dir) {
        return postgres.map(PostgresSettings::describe).orElse(dir.database().toString());
    }
}
