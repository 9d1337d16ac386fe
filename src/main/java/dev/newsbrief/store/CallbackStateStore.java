package dev.newsbrief.store;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The owner of {@code callback_state}: server-side state behind inline buttons. Tokens are 12 random URL-safe characters, far inside
 * Telegram's 64-byte {@code callback_data} limit, and unguessable so a forged press finds nothing.
 */
public final class CallbackStateStore {
    private final Database db;
    private final SecureRandom random = new SecureRandom();

    public CallbackStateStore(Database db) {
        this.db = db;
    }

    /** Stores the state and returns its new token. */
    public String create(long chatId, String kind, String payload) {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO callback_state (token, chat_id, kind, "
                    + "payload, created_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, token);
                ps.setLong(2, chatId);
                ps.setString(3, kind);
                ps.setString(4, payload);
                ps.setLong(5, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
        return token;
    }

    public Optional<CallbackState> find(String token) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT token, chat_id, kind, payload, created_at FROM callback_state WHERE token = ?")) {
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new CallbackState(rs.getString(1), rs.getLong(2), rs.getString(3),
                                    rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))))
                            : Optional.empty();
                }
            }
        });
    }

    public void delete(String token) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM callback_state WHERE token = ?")) {
                ps.setString(1, token);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes every button of the chat inside the caller's transaction (the chat is being forgotten). */
    public void deleteForChat(java.sql.Connection c, long chatId) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM callback_state WHERE chat_id = ?")) {
            ps.setLong(1, chatId);
            ps.executeUpdate();
        }
    }

    /** Deletes buttons made before {@code cutoff}; pressing one later gets the polite "expired" answer. */
    public int deleteOlderThan(Instant cutoff) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM callback_state WHERE created_at < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }
}
