package dev.newsbrief.ops;

import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Read-only aggregate queries over tables other packages own (articles, chats, subscriptions,
 * deliveries, feed_state), for statistics and gauges. Each query runs on its own read connection,
 * so it never waits for the writer.
 */
public final class OpsQueries {
    private final Database db;

    public OpsQueries(Database db) {
        this.db = db;
    }

    /** A feed's state as the poller last recorded it. */
    public record FeedHealth(String source, Long lastSuccessAt, Long lastErrorAt, String lastError,
            int consecutiveFailures, long itemsSeen) {
        public boolean failing() {
            return consecutiveFailures > 0;
        }
    }

    /** The story store over the same database: story counts and the largest stories. */
    public StoryStore stories() {
        return new StoryStore(db);
    }

    public long count(String table, String where) {
        return db.read(c -> single(c, "SELECT COUNT(*) FROM " + table + (where.isEmpty() ? "" : " WHERE " + where)));
    }

    public long articles() {
        return count("articles", "");
    }

    public long duplicates() {
        return count("articles", "duplicate_of IS NOT NULL");
    }

    /** Articles per source (null source shown as "unknown"), most first. */
    public Map<String, Long> articlesBySource() {
        return db.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(source, 'unknown') AS s, COUNT(*) AS n "
                    + "FROM articles GROUP BY s ORDER BY n DESC, s");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /**
     * Original articles per language (ISO 639-1, {@code und} when undetermined, {@code ?} for
     * articles stored before languages were detected), most first.
     */
    public Map<String, Long> articlesByLanguage() {
        return db.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(language, '?') AS l, COUNT(*) AS n "
                    + "FROM articles WHERE duplicate_of IS NULL GROUP BY l ORDER BY n DESC, l");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    public List<FeedHealth> feeds() {
        return db.read(c -> {
            List<FeedHealth> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT source, last_success_at, last_error_at, last_error, "
                    + "consecutive_failures, items_seen FROM feed_state ORDER BY source");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FeedHealth(rs.getString(1), nullableLong(rs, 2), nullableLong(rs, 3), rs.getString(4),
                            rs.getInt(5), rs.getLong(6)));
                }
            }
            return out;
        });
    }

    /** Deliveries per status (pending, sent, failed, dropped). */
    public Map<String, Long> deliveriesByStatus() {
        return db.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, COUNT(*) FROM deliveries GROUP BY status ORDER BY status");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** When the oldest pending delivery was queued (epoch ms), if any is pending. */
    public OptionalLong oldestPendingDelivery() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(created_at) FROM deliveries WHERE status = 'pending'");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
                }
                return OptionalLong.empty();
            }
        });
    }

    /** When an alert delivery was queued and when it was sent (epoch ms). */
    public record SentDelivery(long createdAt, long sentAt) {
    }

    /** The latest {@code sent_at} of any delivery, or 0 when none was sent. */
    public long lastSentAt() {
        return db.read(c -> single(c, "SELECT COALESCE(MAX(sent_at), 0) FROM deliveries WHERE status = 'sent'"));
    }

    /** Deliveries sent after {@code sentAfter} (epoch ms), oldest first, at most {@code limit}. */
    public List<SentDelivery> sentAfter(long sentAfter, int limit) {
        return db.read(c -> {
            List<SentDelivery> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at, sent_at FROM deliveries "
                    + "WHERE status = 'sent' AND sent_at > ? ORDER BY sent_at LIMIT ?")) {
                ps.setLong(1, sentAfter);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SentDelivery(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            return out;
        });
    }

    /** Current schema version; a cheap query that proves the store answers. */
    public long schemaVersion() {
        return db.read(c -> single(c, "SELECT COALESCE(MAX(version), 0) FROM schema_version"));
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
