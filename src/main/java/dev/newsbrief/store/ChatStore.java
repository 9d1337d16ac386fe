package dev.newsbrief.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The owner of {@code chats}: who the bot talks to, whether it may still send to them (the one
 * place a chat is deactivated, whether it blocked the bot or said /stop) and how it wants its
 * alerts. Methods taking a {@link Connection} join the caller's transaction.
 */
public final class ChatStore {
    private final Database db;
    private final SubscriptionStore subscriptions;
    private final CallbackStateStore buttons;

    public ChatStore(Database db) {
        this.db = db;
        this.subscriptions = new SubscriptionStore(db);
        this.buttons = new CallbackStateStore(db);
    }

    /** Creates the chat with default settings unless it exists; an existing chat is left as it is. */
    public void ensure(Connection c, long chatId, String type, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chats (chat_id, type, created_at, updated_at) "
                + "VALUES (?,?,?,?) ON CONFLICT(chat_id) DO NOTHING")) {
            ps.setLong(1, chatId);
            ps.setString(2, type == null ? "private" : type);
            ps.setLong(3, now.toEpochMilli());
            ps.setLong(4, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** The chat's alert schedule, if the chat is known. */
    public Optional<ChatSchedule> schedule(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT digest_mode, digest_time, time_zone, COALESCE(language, user_language) FROM chats WHERE chat_id = ?")) {
            ps.setLong(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ChatSchedule(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                        : Optional.empty();
            }
        }
    }

    public Optional<ChatSchedule> schedule(long chatId) {
        return db.read(c -> schedule(c, chatId));
    }

    /** Stores the chat's alert schedule (the chat row must exist, see {@link #ensure}). */
    public void setSchedule(Connection c, long chatId, ChatSchedule schedule, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE chats SET digest_mode = ?, digest_time = ?, "
                + "time_zone = ?, updated_at = ? WHERE chat_id = ?")) {
            ps.setString(1, schedule.mode());
            ps.setString(2, schedule.time());
            ps.setString(3, schedule.zone());
            ps.setLong(4, now.toEpochMilli());
            ps.setLong(5, chatId);
            ps.executeUpdate();
        }
    }

    /** Records the chat (creating it, or re-activating it when the user talks to the bot again). */
    public void touch(long chatId, String type, String title) {
        touch(chatId, type, title, null);
    }

    /**
     * Like {@link #touch(long, String, String)}, also remembering the Telegram language of the user
     * who wrote ({@code userLanguage}, kept when null), which the chat's replies and alerts follow
     * unless /language chose another.
     */
    public void touch(long chatId, String type, String title, String userLanguage) {
        long now = System.currentTimeMillis();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chats (chat_id, type, title, active, "
                    + "created_at, updated_at, user_language) VALUES (?,?,?,1,?,?,?) ON CONFLICT(chat_id) DO UPDATE "
                    + "SET type = excluded.type, title = COALESCE(excluded.title, chats.title), active = 1, "
                    + "updated_at = excluded.updated_at, "
                    + "user_language = COALESCE(excluded.user_language, chats.user_language)")) {
                ps.setLong(1, chatId);
                ps.setString(2, type);
                ps.setString(3, title);
                ps.setLong(4, now);
                ps.setLong(5, now);
                ps.setString(6, userLanguage);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * A chat's language settings: what /language chose (null: follow Telegram) and the Telegram
     * language last seen from its users (null: none yet).
     */
    public record Languages(String chosen, String user) {
        public static final Languages NONE = new Languages(null, null);
    }

    public Languages languages(long chatId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT language, user_language FROM chats WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Languages(rs.getString(1), rs.getString(2)) : Languages.NONE;
                }
            }
        });
    }

    /** Sets the language the chat is answered in; null follows the users' Telegram language again. */
    public void chooseLanguage(long chatId, String language) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE chats SET language = ?, updated_at = ? WHERE chat_id = ?")) {
                ps.setString(1, language);
                ps.setLong(2, System.currentTimeMillis());
                ps.setLong(3, chatId);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<ChatRow> find(long chatId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT chat_id, type, title, active FROM chats WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new ChatRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1))
                            : Optional.empty();
                }
            }
        });
    }

    /** True unless the chat is known and marked inactive; unknown chats may be sent to. */
    public boolean isActive(long chatId) {
        return find(chatId).map(ChatRow::active).orElse(true);
    }

    /** Marks the chat inactive (blocked, kicked, left); returns whether a row changed. */
    public boolean deactivate(long chatId) {
        return db.inTransaction(c -> deactivate(c, chatId, Instant.now()));
    }

    /** Marks the chat inactive inside the caller's transaction; returns whether a row changed. */
    public boolean deactivate(Connection c, long chatId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE chats SET active = 0, updated_at = ? WHERE chat_id = ? AND active = 1")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setLong(2, chatId);
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Moves a group that became a supergroup to its new id. The foreign keys cascade on update, so
     * subscriptions and deliveries follow. If the new id already exists (an update raced us), the
     * old chat's subscriptions are merged into it instead.
     */
    public void migrate(long oldChatId, long newChatId) {
        db.inTransaction(c -> {
            boolean targetExists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM chats WHERE chat_id = ?")) {
                ps.setLong(1, newChatId);
                try (ResultSet rs = ps.executeQuery()) {
                    targetExists = rs.next();
                }
            }
            if (!targetExists) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE chats SET chat_id = ?, type = 'supergroup', updated_at = ? WHERE chat_id = ?")) {
                    ps.setLong(1, newChatId);
                    ps.setLong(2, System.currentTimeMillis());
                    ps.setLong(3, oldChatId);
                    ps.executeUpdate();
                }
                return null;
            }
            subscriptions.copy(c, oldChatId, newChatId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chats WHERE chat_id = ?")) {
                ps.setLong(1, oldChatId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets the chat: its row, subscriptions, deliveries and button state. */
    public void delete(long chatId) {
        db.inTransaction(c -> {
            buttons.deleteForChat(c, chatId);
            subscriptions.changed(c); // the chat's subscriptions go with it (ON DELETE CASCADE)
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chats WHERE chat_id = ?")) {
                ps.setLong(1, chatId);
                return ps.executeUpdate();
            }
        });
    }

    public long countActive() {
        return countWhere("active = 1");
    }

    public long countInactive() {
        return countWhere("active = 0");
    }

    private long countWhere(String where) {
        return db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM chats WHERE " + where)) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}
