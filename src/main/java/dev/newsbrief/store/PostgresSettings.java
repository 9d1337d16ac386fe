package dev.newsbrief.store;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the PostgreSQL store ({@code store.backend: postgresql}).
 *
 * @param url            JDBC URL, {@code jdbc:postgresql://host:port/database}
 * @param user           login role
 * @param password       from {@code PGPASSWORD} or {@code store.postgresql.password-file}, never from
 *                       the YAML; {@link #toString()} and {@link #describe()} never show it
 * @param poolSize       most connections this process holds
 * @param connectTimeout longest wait for a connection
 */
public record PostgresSettings(String url, String user, String password, int poolSize, Duration connectTimeout) {

    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StoreException("store.postgresql.url must start with jdbc:postgresql: (got "
                    + withoutQuery(url) + ")", null);
        }
        if (poolSize < 1) {
            throw new StoreException("store.postgresql.pool-size must be at least 1", null);
        }
    }

    /** The server and database, without credentials or URL parameters (which may carry a password). */
    public String describe() {
        return "PostgreSQL " + withoutQuery(url).replaceFirst("^jdbc:", "");
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        try {
            URI uri = URI.create(base.replaceFirst("^jdbc:", ""));
            if (uri.getUserInfo() != null) {
                return base.replace(uri.getUserInfo() + "@", "");
            }
        } catch (IllegalArgumentException e) {
            // not a URI we can parse: the base without parameters is all we show
        }
        return base;
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + describe() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", poolSize=" + poolSize + "]";
    }
}
