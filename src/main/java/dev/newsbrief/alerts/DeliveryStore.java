package dev.newsbrief.alerts;

import dev.newsbrief.store.ChatSchedule;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.Follower;
import dev.newsbrief.store.SubscriptionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The owner of {@code deliveries}: one row per chat and article (UNIQUE), written in the
 * article's transaction and moved from pending to sent only after the messenger accepted the
 * message. Chats and subscriptions are asked of their owners. Methods taking a
 * {@link Connection} join the caller's transaction.
 */
public final class DeliveryStore {
    /** A delivery row with its article and the chat's topic display, as {@link #dueRow} reads it. */
    private static final String ROW_SELECT = "SELECT d.id, d.topic, s.display, d.attempts, d.article_id, a.title, "
            + "d.passage, a.source, COALESCE(a.published_at, a.ingested_at), a.url FROM deliveries d "
            + "JOIN articles a ON a.id = d.article_id "
            + "LEFT JOIN subscriptions s ON s.chat_id = d.chat_id AND s.topic = d.topic ";

    /** First half of the delivery claims' advisory lock keys ("nbdl"); the second is the chat id's hash. */
    private static final int CLAIM_NAMESPACE = 0x6e62646c;

    private final Database db;
    private final ChatStore chats;
    private final SubscriptionStore subscriptions;

    public DeliveryStore(Database db) {
        this.db = db;
        this.chats = new ChatStore(db);
        this.subscriptions = new SubscriptionStore(db);
    }

    /** A chat following one of the matched topics, with its delivery mode. */
    record Subscriber(long chatId, String topicKey, DigestMode mode) {}

    /** The chat's due rows and how it wants them. */
    /** A chat's due rows with its delivery mode, zone and language (chosen with /language, else its users'). */
    record ChatDue(long chatId, DigestMode mode, ZoneId zone, List<DueDelivery> rows, String language) {}

    /** Active, not paused chats following any of {@code topicKeys}, oldest subscription first per chat. */
    List<Subscriber> subscribers(Connection c, Collection<String> topicKeys) throws SQLException {
        List<Subscriber> out = new ArrayList<>();
        for (Follower f : subscriptions.followers(c, topicKeys)) {
            out.add(new Subscriber(f.chatId(), f.topicKey(), DigestMode.fromStored(f.schedule())));
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

    /**
     * Runs {@code work} while this process holds the chat's delivery claim, so that of several
     * instances sharing a PostgreSQL store only one sends to a chat at a time. The claim is a
     * transaction-scoped advisory lock taken with {@code pg_try_advisory_xact_lock} (it skips a
     * chat another instance holds, as {@code SKIP LOCKED} would) in a transaction held open around
     * the work. A lock on the chat's row would not do: sending writes that row (a 403 deactivates
     * the chat) from another connection and would wait for the claim forever. The work marks its
     * rows in transactions of its own before the claim ends, so the next claimant sees them sent;
     * a claimant that dies loses its session and the claim with it, and only its message in
     * flight can be sent again. Empty when another instance holds the claim; on SQLite the one
     * process always holds it.
     */
    <T> Optional<T> withChatClaim(long chatId, java.util.function.Supplier<T> work) {
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            return Optional.of(work.get());
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, CLAIM_NAMESPACE);
                ps.setInt(2, Long.hashCode(chatId));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return Optional.<T>empty();
                    }
                }
            }
            return Optional.of(work.get());
        });
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

    /** The messenger refused these rows for good: failed at once with the reason, after one attempt. */
    void markRejected(List<DueDelivery> rows, Instant now, String error) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET attempts = ?, next_attempt_at = ?, "
                    + "last_error = ?, status = 'failed' WHERE id = ? AND status = 'pending'")) {
                for (DueDelivery d : rows) {
                    ps.setInt(1, d.attempts() + 1);
                    ps.setLong(2, now.toEpochMilli());
                    ps.setString(3, error);
                    ps.setLong(4, d.id());
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
            chats.deactivate(c, chatId, now);
            dropPending(c, chatId, null, reason);
            return null;
        });
    }

    /** Drops the chat's pending rows (of one topic, or all when {@code topicKey} is null). */
    int dropPending(Connection c, long chatId, String topicKey, String reason) throws SQLException {
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
    void reschedule(Connection c, long chatId, Instant due) throws SQLException {
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
                .map(page -> AlertComposer.order(batchRows(chatId, batchOf(chatId, page)).rows()).stream()
                        .map(DueDelivery::item).toList())
                .orElse(List.of());
    }

    /**
     * The send time of the batch a "+N more" button continues: its own, or, when no row of the
     * chat was marked sent then (the message was sent again later), the time its anchor row was.
     */
    Instant batchOf(long chatId, MorePage page) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sent_at FROM deliveries WHERE chat_id = ? "
                    + "AND status = 'sent' AND (sent_at = ? OR id = ?) ORDER BY CASE WHEN sent_at = ? THEN 0 ELSE 1 END "
                    + "LIMIT 1")) {
                ps.setLong(1, chatId);
                ps.setLong(2, page.batch().toEpochMilli());
                ps.setLong(3, page.anchor());
                ps.setLong(4, page.batch().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Instant.ofEpochMilli(rs.getLong(1)) : page.batch();
                }
            }
        });
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
    private ChatDue withMode(Connection c, long chatId, List<DueDelivery> rows) throws SQLException {
        Optional<ChatSchedule> schedule = chats.schedule(c, chatId);
        DigestMode mode = schedule.map(DigestMode::fromStored).orElseGet(DigestMode.Instant::new);
        ZoneId zone = zoneOrUtc(schedule.map(ChatSchedule::zone).orElse(null));
        return new ChatDue(chatId, mode, zone, rows, schedule.map(ChatSchedule::language).orElse(null));
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

    /** Rows per status (pending, sent, failed, dropped). */
    public Map<String, Long> countByStatus() {
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

    /** When the oldest pending row was queued, if any is pending. */
    public OptionalLong oldestPendingMillis() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(created_at) FROM deliveries WHERE status = 'pending'");
                    ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
            }
        });
    }

    /** When a sent row was queued and when it was sent (epoch ms). */
    public record Sent(long createdAt, long sentAt) {}

    /** Rows sent after {@code sentAfter} (epoch ms), oldest first, at most {@code limit}. */
    public List<Sent> sentAfter(long sentAfter, int limit) {
        return db.read(c -> {
            List<Sent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at, sent_at FROM deliveries "
                    + "WHERE status = 'sent' AND sent_at > ? ORDER BY sent_at LIMIT ?")) {
                ps.setLong(1, sentAfter);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Sent(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            return out;
        });
    }

    /** The latest {@code sent_at} of any row, or 0 when none was sent. */
    public long lastSentAt() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(MAX(sent_at), 0) FROM deliveries WHERE status = 'sent'");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
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
