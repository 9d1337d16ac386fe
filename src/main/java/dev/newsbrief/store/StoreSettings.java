package dev.newsbrief.store;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which store to open: the SQLite file in the data directory (the default), or the PostgreSQL
 * server of {@link StoreOptions} with its password from {@code PGPASSWORD} or
 * {@code store.postgresql.password-file} (never from the YAML, never logged).
 *
 * @param postgres the server to use, or empty for SQLite
 */
public record StoreSettings(Optional<PostgresSettings> postgres) {
    /** The environment variable holding the PostgreSQL password (libpq's own name for it). */
    public static final String PASSWORD_VARIABLE = "PGPASSWORD";

    /**
     * @param autoPoolSize the pool size when {@code pool-size} is 0: enough for every worker of this
     *                     instance to hold a claim while it runs one more statement
     */
    public static StoreSettings from(StoreOptions options, Map<String, String> env, int autoPoolSize) {
        return new StoreSettings(options.postgresBackend() ? Optional.of(postgres(options, env, autoPoolSize))
                : Optional.empty());
    }

    /** The {@code store.postgresql} server, whatever {@code store.backend} says (for {@code migrate}). */
    public static PostgresSettings postgres(StoreOptions options, Map<String, String> env, int autoPoolSize) {
        StoreOptions.Postgresql pg = options.postgresql();
        if (pg.url().isEmpty()) {
            throw new StoreException("store.postgresql.url is not set (jdbc:postgresql://host:5432/database)", null);
        }
        String user = pg.user() == null || pg.user().isBlank() ? null : pg.user().strip();
        return new PostgresSettings(pg.url(), user, password(pg, env), pg.poolSize() > 0 ? pg.poolSize() : autoPoolSize,
                pg.connectTimeout());
    }

    private static String password(StoreOptions.Postgresql pg, Map<String, String> env) {
        String fromEnv = env.get(PASSWORD_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        if (pg.passwordFile() == null) {
            return null;
        }
        try {
            return Files.readString(pg.passwordFile()).strip();
        } catch (IOException e) {
            throw new StoreException("cannot read store.postgresql.password-file " + pg.passwordFile() + ": "
                    + e.getMessage(), e);
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
