package dev.newsbrief.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The owner of {@code webhook_inbox}: the updates Telegram pushed in webhook mode. Storing is
 * idempotent ({@code ON CONFLICT (update_id) DO NOTHING}), so Telegram's retries and an update
 * reaching two instances are stored once; handling goes chat by chat, one claimant per chat at a
 * time, in update_id order, and each update is marked handled once its handler finished.
 */
public final class Inbox {
    /** First half of the inbox claims' advisory lock keys ("nbib"); the second hashes the chat. */
    private static final int CLAIM_NAMESPACE = 0x6e626962;

    private final Database db;
    /** Chats claimed in this process (SQLite: the one process; PostgreSQL: besides the server-side lock). */
    private final Set<Long> claimedHere = ConcurrentHashMap.newKeySet();

    public Inbox(Database db) {
        this.db = db;
    }

    /** One stored update. */
    public record Update(long updateId, long chatKey, String body) {}

    /** Stores an update; false when it was stored before (a retry or a second delivery). */
    public boolean add(long updateId, long chatKey, String body, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_inbox (update_id, chat_key, body, "
                    + "received_at) VALUES (?, ?, ?, ?) ON CONFLICT (update_id) DO NOTHING")) {
                ps.setLong(1, updateId);
                ps.setLong(2, chatKey);
                ps.setString(3, body);
                ps.setLong(4, now.toEpochMilli());
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Chats with unhandled updates, the one waiting longest first. */
    public List<Long> waitingChats(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT chat_key FROM webhook_inbox WHERE handled_at IS NULL "
                    + "GROUP BY chat_key ORDER BY MIN(update_id) LIMIT ?")) {
                ps.setInt(1, limit);
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

    /**
     * Runs {@code work} as the one handler of the chat's updates across every instance, or
     * returns empty when another handler holds the chat. On PostgreSQL the claim is a
     * transaction-scoped advisory try-lock (it skips a held chat, as {@code SKIP LOCKED} would)
     * held around the work, released when the work ends or the holder's session dies.
     */
    public <T> Optional<T> withChatClaim(long chatKey, Supplier<T> work) {
        if (!claimedHere.add(chatKey)) {
            return Optional.empty();
        }
        try {
            if (db.dialect() != Database.Dialect.POSTGRESQL) {
                return Optional.of(work.get());
            }
            return db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
                    ps.setInt(1, CLAIM_NAMESPACE);
                    ps.setInt(2, Long.hashCode(chatKey));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || !rs.getBoolean(1)) {
                            return Optional.<T>empty();
                        }
                    }
                }
                return Optional.of(work.get());
            });
        } finally {
            claimedHere.remove(chatKey);
        }
    }

    /** The chat's unhandled updates in update_id order; call while holding its claim. */
    public List<Update> unhandled(long chatKey) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT update_id, chat_key, body FROM webhook_inbox "
                    + "WHERE chat_key = ? AND handled_at IS NULL ORDER BY update_id")) {
                ps.setLong(1, chatKey);
                List<Update> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Update(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                    }
                }
                return out;
            }
        });
    }

    /** Marks an update handled (committed at once, so a later claimant never handles it again). */
    public void markHandled(long updateId, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE webhook_inbox SET handled_at = ? WHERE update_id = ? AND handled_at IS NULL")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, updateId);
                return ps.executeUpdate();
            }
        });
    }

    /** Forgets updates handled before {@code cutoff} (their ids stay refused while stored). */
    public int deleteHandledBefore(Instant cutoff) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM webhook_inbox WHERE handled_at IS NOT NULL AND handled_at < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /** Updates stored and not yet handled. */
    public long waiting() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM webhook_inbox WHERE handled_at IS NULL");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Whether {@code updateId} has been handled (tests and diagnostics). */
    public boolean handled(long updateId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT handled_at FROM webhook_inbox WHERE update_id = ?")) {
                ps.setLong(1, updateId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getObject(1) != null;
                }
            }
        });
    }
}
