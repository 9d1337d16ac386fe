package dev.newsbrief.alerts;

import dev.newsbrief.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code deliveries} table: one row per chat and article (UNIQUE), written in the article's
 * transaction and moved from pending to sent only after the messenger accepted the message.
 * Methods taking a {@link Connection} join the caller's transaction.
 */
public final class DeliveryStore {
    /** A delivery row with its article and the chat's topic display, as {@link #dueRow} reads it. */
    private static final String ROW_SELECT = "SELECT d.id, d.topic, s.display, d.attempts, d.article_id, a.title, "
            + "d.passage, a.source, COALESCE(a.published_at, a.ingested_at), a.url FROM deliveries d "
            + "JOIN articles a ON a.id = d.article_id "
            + "LEFT JOIN subscriptions s ON s.chat_id = d.chat_id AND s.topic = d.topic ";

    private final Database db;

    public DeliveryStore(Database db) {
        this.db = db;
    }

    /** A chat following one of the matched topics, with its delivery mode. */
    record Subscriber(long chatId, String topicKey, DigestMode mode) {}

    /** The chat's due rows and how it wants them. */
    record ChatDue(long chatId, DigestMode mode, ZoneId zone, List<DueDelivery> rows) {}

    /** Active, not paused chats following any of {@code topicKeys}, oldest subscription first per chat. */
    List<Subscriber> subscribers(Connection c, Collection<String> topicKeys) throws SQLException {
        List<Subscriber> out = new ArrayList<>();
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
                        out.add(new Subscriber(rs.getLong(1), rs.getString(2),
                                DigestMode.fromStored(rs.getString(3), rs.getString(4), rs.getString(5))));
                    }
                }
            }
        }
        return out;
    }

    /** Whether the chat was alerted (or has an alert queued) to an article of the story. */
    boolean hasStory(Connection c, long chatId, long storyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM story_members m JOIN deliveries d "
                + "ON d.chat_id = ? AND d.article_id = m.article_id WHERE m.story_id = ? "
                + "AND d.status IN ('pending', 'sent') LIMIT 1")) {
            ps.setLong(1, chatId);
            ps.setLong(2, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The due time of the chat's open instant bundle (pending, never tried), if any. */
    Optional<Instant> openBundle(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(next_attempt_at) FROM deliveries "
                + "WHERE chat_id = ? AND status = 'pending' AND attempts = 0")) {
            ps.setLong(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
            }
        }
    }

    /** Queues an alert; returns false when the chat already has a row for the article. */
    boolean insert(Connection c, long chatId, String articleId, String topicKey, String passage, Instant due,
            Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries (chat_id, article_id, topic, passage, "
                + "status, attempts, next_attempt_at, created_at) VALUES (?,?,?,?,'pending',0,?,?) "
                + "ON CONFLICT(chat_id, article_id) DO NOTHING")) {
            ps.setLong(1, chatId);
            ps.setString(2, articleId);
            ps.setString(3, topicKey);
            ps.setString(4, passage);
            ps.setLong(5, due.toEpochMilli());
            ps.setLong(6, now.toEpochMilli());
            return ps.executeUpdate() > 0;
        }
    }

    /** Chats with at least one pending row due at {@code now}, most overdue first. */
    public List<Long> dueChats(Instant now, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT d.chat_id FROM deliveries d "
                    + "JOIN chats c ON c.chat_id = d.chat_id WHERE d.status = 'pending' AND d.next_attempt_at <= ? "
                    + "AND c.active = 1 GROUP BY d.chat_id ORDER BY MIN(d.next_attempt_at) LIMIT ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    /** The chat's pending rows due at {@code now}, with the article and topic display joined in. */
    ChatDue due(long chatId, Instant now) {
        return db.read(c -> {
            List<DueDelivery> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ROW_SELECT
                    + "WHERE d.chat_id = ? AND d.status = 'pending' AND d.next_attempt_at <= ? ORDER BY d.id")) {
                ps.setLong(1, chatId);
                ps.setLong(2, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(dueRow(rs, chatId));
                    }
                }
            }
            return withMode(c, chatId, rows);
        });
    }

    /** Marks rows sent at {@code sentAt}; rows no longer pending are left alone. */
    void markSent(List<Long> ids, Instant sentAt) {
        update(ids, "UPDATE deliveries SET status = 'sent', sent_at = ?, last_error = NULL "
                + "WHERE id = ? AND status = 'pending'", ps -> ps.setLong(1, sentAt.toEpochMilli()));
    }

    /** Drops rows that must not be sent (the chat unsubscribed or paused). */
    void drop(List<Long> ids, String reason) {
        update(ids, "UPDATE deliveries SET status = 'dropped', last_error = ? WHERE id = ? AND status = 'pending'",
                ps -> ps.setString(1, reason));
    }

    /** Records a failed attempt: retried after backoff, or failed for good after the last attempt. */
    void markFailed(List<DueDelivery> rows, Instant now, String error, AlertsOptions options) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET attempts = ?, next_attempt_at = ?, "
                    + "last_error = ?, status = ? WHERE id = ? AND status = 'pending'")) {
                for (DueDelivery d : rows) {
                    int attempts = d.attempts() + 1;
                    ps.setInt(1, attempts);
                    ps.setLong(2, now.plus(options.retryDelay(attempts)).toEpochMilli());
                    ps.setString(3, error);
                    ps.setString(4, attempts >= options.maxAttempts() ? "failed" : "pending");
                    ps.setLong(5, d.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The chat blocked the bot: inactive, and its pending rows dropped. */
    void blockChat(long chatId, Instant now, String reason) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE chats SET active = 0, updated_at = ? WHERE chat_id = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, chatId);
                ps.executeUpdate();
            }
            dropPending(c, chatId, null, reason);
            return null;
        });
    }

    /** Drops the chat's pending rows (of one topic, or all when {@code topicKey} is null). */
    static int dropPending(Connection c, long chatId, String topicKey, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET status = 'dropped', last_error = ? "
                + "WHERE chat_id = ? AND status = 'pending'" + (topicKey == null ? "" : " AND topic = ?"))) {
            ps.setString(1, reason);
            ps.setLong(2, chatId);
            if (topicKey != null) {
                ps.setString(3, topicKey);
            }
            return ps.executeUpdate();
        }
    }

    /** Moves the chat's pending rows to the due time of its new mode. */
    static void reschedule(Connection c, long chatId, Instant due) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE deliveries SET next_attempt_at = ? WHERE chat_id = ? AND status = 'pending'")) {
            ps.setLong(1, due.toEpochMilli());
            ps.setLong(2, chatId);
            ps.executeUpdate();
        }
    }

    /**
     * Every article of one sent batch (a digest or bundle), in the order its messages show them
     * (round-robin over topics, newest first within one): what the "+N more" button under an
     * overflowing message continues. {@code batch} is the button's argument.
     */
    public List<AlertItem> batch(long chatId, String batch) {
        return MorePage.parse(batch)
                .map(page -> AlertComposer.order(batchRows(chatId, page.batch()).rows()).stream()
                        .map(DueDelivery::item).toList())
                .orElse(List.of());
    }

    /**
     * The rows the chat was sent at {@code sentAt}, by row id as {@link #due} lists them (so
     * {@link AlertComposer#order} puts them in the order the message had), with the chat's zone.
     * A row's topic display is null when the chat has unsubscribed since.
     */
    ChatDue batchRows(long chatId, Instant sentAt) {
        return db.read(c -> {
            List<DueDelivery> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ROW_SELECT
                    + "WHERE d.chat_id = ? AND d.status = 'sent' AND d.sent_at = ? ORDER BY d.id")) {
                ps.setLong(1, chatId);
                ps.setLong(2, sentAt.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(dueRow(rs, chatId));
                    }
                }
            }
            return withMode(c, chatId, rows);
        });
    }

    /** The chat's rows with its delivery mode and zone (instant and UTC for a chat without a row). */
    private static ChatDue withMode(Connection c, long chatId, List<DueDelivery> rows) throws SQLException {
        DigestMode mode = new DigestMode.Instant();
        ZoneId zone = ZoneId.of("UTC");
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT digest_mode, digest_time, time_zone FROM chats WHERE chat_id = ?")) {
            ps.setLong(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    mode = DigestMode.fromStored(rs.getString(1), rs.getString(2), rs.getString(3));
                    zone = zoneOrUtc(rs.getString(3));
                }
            }
        }
        return new ChatDue(chatId, mode, zone, rows);
    }

    private static DueDelivery dueRow(ResultSet rs, long chatId) throws SQLException {
        AlertItem item = new AlertItem(rs.getString(5), rs.getString(6),
                rs.getString(7) == null ? "" : rs.getString(7), rs.getString(8),
                Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10));
        return new DueDelivery(rs.getLong(1), chatId, rs.getString(2), rs.getString(3), rs.getInt(4), item);
    }

    /** Counts rows by status for one chat, or all chats when {@code chatId} is null; for stats and tests. */
    public long count(Long chatId, String status) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM deliveries WHERE status = ?"
                    + (chatId == null ? "" : " AND chat_id = ?"))) {
                ps.setString(1, status);
                if (chatId != null) {
                    ps.setLong(2, chatId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    static ZoneId zoneOrUtc(String zone) {
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(List<Long> ids, String sql, Binder first) {
        if (ids.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (long id : ids) {
                    first.bind(ps);
                    ps.setLong(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
