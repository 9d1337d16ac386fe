package dev.newsbrief.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.OptionalLong;

/**
 * The last fully processed Telegram {@code update_id} per bot (keyed by the bot's user id, never
 * its token), so a restart asks Telegram for exactly the updates after it.
 */
public final class UpdateOffsetStore {
    private final Database db;

    public UpdateOffsetStore(Database db) {
        this.db = db;
    }

    public OptionalLong lastProcessed(String bot) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_update_id FROM update_offsets WHERE bot = ?")) {
                ps.setString(1, bot);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** The highest update id processed by any bot this store has served (0 when none). */
    public long highestProcessed() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(last_update_id), 0) FROM update_offsets");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Stores the offset; it only ever moves forward, so a late writer cannot rewind it. */
    public void advance(String bot, long updateId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO update_offsets (bot, last_update_id, "
                    + "updated_at) VALUES (?,?,?) ON CONFLICT(bot) DO UPDATE SET last_update_id = "
                    + "excluded.last_update_id, updated_at = excluded.updated_at "
                    + "WHERE update_offsets.last_update_id < excluded.last_update_id")) {
                ps.setString(1, bot);
                ps.setLong(2, updateId);
                ps.setLong(3, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
    }
}
