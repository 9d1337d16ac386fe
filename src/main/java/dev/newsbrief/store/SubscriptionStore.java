package dev.newsbrief.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@code subscriptions}. The chat row must exist (see {@link ChatStore#touch}). */
public final class SubscriptionStore {
    private final Database db;

    public SubscriptionStore(Database db) {
        this.db = db;
    }

    /** Adds the topic; returns false when the chat already follows it. */
    public boolean add(long chatId, String topic, String display) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions (chat_id, topic, display, "
                    + "created_at) VALUES (?,?,?,?) ON CONFLICT(chat_id, topic) DO NOTHING")) {
                ps.setLong(1, chatId);
                ps.setString(2, topic);
                ps.setString(3, display);
                ps.setLong(4, System.currentTimeMillis());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Removes the topic; returns false when the chat did not follow it. */
    public boolean remove(long chatId, String topic) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM subscriptions WHERE chat_id = ? AND topic = ?")) {
                ps.setLong(1, chatId);
                ps.setString(2, topic);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The chat's topics, oldest first. */
    public List<Subscription> forChat(long chatId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT chat_id, topic, display, created_at "
                    + "FROM subscriptions WHERE chat_id = ? ORDER BY created_at, id")) {
                ps.setLong(1, chatId);
                List<Subscription> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Subscription(rs.getLong(1), rs.getString(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4))));
                    }
                }
                return out;
            }
        });
    }

    public long count() {
        return db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM subscriptions")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}
