package dev.newsbrief.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two store backends a matrix test runs against: a SQLite file, and a database on a real
 * PostgreSQL server ({@link TestPostgres}). A test names its store by a folder and a name, as it
 * would a SQLite file; asking again for the same pair gives the same store.
 */
public enum StoreBackend {
    SQLITE, POSTGRESQL;

    private static final Map<Path, String> URLS = new ConcurrentHashMap<>();

    /** Opens (creating and migrating on first use) the store called {@code name} under {@code dir}. */
    public Database open(Path dir, String name) {
        return openLocated(locate(dir, name));
    }

    /** Where that store is, as one string a child process can take: a file path or a JDBC URL. */
    public String locate(Path dir, String name) {
        Path file = dir.resolve(name).toAbsolutePath();
        return switch (this) {
            case SQLITE -> file.toString();
            case POSTGRESQL -> URLS.computeIfAbsent(file, f -> TestPostgres.newDatabase());
        };
    }

    /** Opens the store {@link #locate} described. */
    public static Database openLocated(String where) {
        return where.startsWith("jdbc:postgresql:") ? Database.openPostgres(TestPostgres.settings(where))
                : Database.open(Path.of(where));
    }
}
