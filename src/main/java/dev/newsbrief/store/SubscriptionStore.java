package dev.newsbrief.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The owner of {@code subscriptions}. The chat row must exist (see {@link ChatStore#ensure}).
 * Methods taking a {@link Connection} join the caller's transaction.
 *
 * <p>On PostgreSQL every change also bumps the {@code subscriptions} counter of
 * {@code store_versions} (which this class owns) in the same transaction and notifies
 * {@value #CHANNEL}, so that every instance's topic matcher can tell it is behind before it
 * matches an article ({@link #version}) and is woken to catch up early.
 */
public final class SubscriptionStore {
    /** The LISTEN/NOTIFY channel announcing a new subscriptions version. */
    public static final String CHANNEL = "newsbrief_subscriptions";

    private final Database db;

    public SubscriptionStore(Database db) {
        this.db = db;
    }

    /** Whether several processes can change subscriptions (so matchers must check the version). */
    public boolean shared() {
        return db.dialect() == Database.Dialect.POSTGRESQL;
    }

    /** The subscriptions version as of the caller's transaction; always 0 on SQLite. */
    public long version(Connection c) throws SQLException {
        if (!shared()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM store_versions WHERE name = 'subscriptions'");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public long version() {
        return db.read(this::version);
    }

    /** Counts a change made in the caller's transaction, and announces it at commit (PostgreSQL). */
    void changed(Connection c) throws SQLException {
        if (!shared()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE store_versions SET version = version + 1 "
                + "WHERE name = 'subscriptions' RETURNING version");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, Long.toString(rs.getLong(1)));
                notify.execute();
            }
        }
    }

    /** Adds the topic; returns false when the chat already follows it. */
    public boolean add(long chatId, String topic, String display) {
        return db.inTransaction(c -> add(c, chatId, topic, display, Instant.now()));
    }

    /** Adds the topic in the caller's transaction; returns false when the chat already follows it. */
    public boolean add(Connection c, long chatId, String topic, String display, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions (chat_id, topic, display, "
                + "created_at) VALUES (?,?,?,?) ON CONFLICT(chat_id, topic) DO NOTHING")) {
            ps.setLong(1, chatId);
            ps.setString(2, topic);
            ps.setString(3, display);
            ps.setLong(4, now.toEpochMilli());
            boolean added = ps.executeUpdate() > 0;
            if (added) {
                changed(c);
            }
            return added;
        }
    }

    /** Removes the topic; returns false when the chat did not follow it. */
    public boolean remove(long chatId, String topic) {
        return db.inTransaction(c -> remove(c, chatId, topic));
    }

    public boolean remove(Connection c, long chatId, String topic) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscriptions WHERE chat_id = ? AND topic = ?")) {
            ps.setLong(1, chatId);
            ps.setString(2, topic);
            boolean removed = ps.executeUpdate() > 0;
            if (removed) {
                changed(c);
            }
            return removed;
        }
    }

    /** How the chat typed the topic with this key, if it follows it. */
    public Optional<String> display(Connection c, long chatId, String topic) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT display FROM subscriptions WHERE chat_id = ? AND topic = ?")) {
            ps.setLong(1, chatId);
            ps.setString(2, topic);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public Optional<String> display(long chatId, String topic) {
        return db.read(c -> display(c, chatId, topic));
    }

    /** How many topics the chat follows. */
    public int countFor(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM subscriptions WHERE chat_id = ?")) {
            ps.setLong(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Whether any chat follows the topic. */
    public boolean followed(String topic) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM subscriptions WHERE topic = ? LIMIT 1")) {
                ps.setString(1, topic);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Every followed topic key with one of the ways it was typed. */
    public Map<String, String> displayByTopic() {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (var s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT topic, MIN(display) FROM subscriptions GROUP BY topic ORDER BY topic")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /**
     * Renames a topic key for every chat following it (the analysis that makes keys changed); a
     * chat that already follows the new key keeps that one subscription.
     */
    public void rekey(Connection c, String oldKey, String newKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions (chat_id, topic, display, created_at) "
                + "SELECT chat_id, ?, display, created_at FROM subscriptions WHERE topic = ? "
                + "ORDER BY id ON CONFLICT(chat_id, topic) DO NOTHING")) {
            ps.setString(1, newKey);
            ps.setString(2, oldKey);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscriptions WHERE topic = ?")) {
            ps.setString(1, oldKey);
            ps.executeUpdate();
        }
        changed(c);
    }

    /** Gives chat {@code to} every topic chat {@code from} follows (a group that became a supergroup). */
    void copy(Connection c, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions (chat_id, topic, display, created_at) "
                + "SELECT ?, topic, display, created_at FROM subscriptions WHERE chat_id = ? "
                + "ORDER BY id ON CONFLICT(chat_id, topic) DO NOTHING")) {
            ps.setLong(1, to);
            ps.setLong(2, from);
            ps.executeUpdate();
        }
        changed(c);
    }

    /** The chat's topics, oldest first. */
    public List<Subscription> forChat(long chatId) {
        return db.read(c -> forChat(c, chatId));
    }

    public List<Subscription> forChat(Connection c, long chatId) throws SQLException {
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
    }

    /**
     * Active chats with alerts on that follow any of {@code topicKeys}, by chat, each chat's oldest
     * subscription first: whom a new article matching those topics goes to.
     */
    public List<Follower> followers(Connection c, Collection<String> topicKeys) throws SQLException {
        List<Follower> out = new ArrayList<>();
        List<String> keys = List.copyOf(topicKeys);
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            String sql = "SELECT s.chat_id, s.topic, c.digest_mode, c.digest_time, c.time_zone FROM subscriptions s "
                    + "JOIN chats c ON c.chat_id = s.chat_id WHERE c.active = 1 AND c.digest_mode <> 'off' "
                    + "AND s.topic IN (" + "?,".repeat(chunk.size() - 1) + "?) ORDER BY s.chat_id, s.id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Follower(rs.getLong(1), rs.getString(2),
                                new ChatSchedule(rs.getString(3), rs.getString(4), rs.getString(5))));
                    }
                }
            }
        }
        return out;
    }

    public long count() {
        return db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM subscriptions")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Chats that follow at least one topic. */
    public long chatsFollowing() {
        return db.read(c -> {
            try (var s = c.createStatement();
                    var rs = s.executeQuery("SELECT COUNT(DISTINCT chat_id) FROM subscriptions")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Different topics followed by at least one chat. */
    public long topicsFollowed() {
        return db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(DISTINCT topic) FROM subscriptions")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}
