package dev.newsbrief.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The owner of {@code instances} (PostgreSQL only): each running instance refreshes its own row,
 * so operators (and {@link #heartbeat}) see the instances alive within {@link #STALE_AFTER}.
 * Telegram's bot-wide rate is shared through {@link SendBudget}, not by this count. On SQLite
 * there is one instance.
 */
public final class Instances {
    /** An instance not seen for this long is taken for dead. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(15);

    private final Database db;
    private final Clock clock;
    private final String id = UUID.randomUUID().toString();
    private final long startedAt;

    public Instances(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    /** This process's instance id. */
    public String id() {
        return id;
    }

    /** Refreshes this instance's row and returns how many instances are live, itself included. */
    public int heartbeat() {
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            return 1;
        }
        long now = clock.millis();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO instances (id, started_at, seen_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at")) {
                ps.setString(1, id);
                ps.setLong(2, startedAt);
                ps.setLong(3, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM instances WHERE seen_at < ?")) {
                ps.setLong(1, now - 20 * STALE_AFTER.toMillis()); // long gone: keep the table small
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM instances WHERE seen_at >= ?")) {
                ps.setLong(1, now - STALE_AFTER.toMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Math.max(1, rs.getInt(1));
                }
            }
        });
    }

    /** Removes this instance's row (a clean shutdown), so the others take its share at once. */
    public void leave() {
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM instances WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }
}
