package dev.newsbrief.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The owner of {@code article_changes} (PostgreSQL only): one row per article write, in the
 * writing transaction, which every instance applies to its own Lucene index.
 *
 * <p>A position is a transaction id (xid8). A plain sequence number would not do: a transaction
 * that drew a lower number can commit after one with a higher number was already read, and a
 * reader that moved past the higher one would skip it for good. Instead a reader takes the
 * {@link #horizon()}, the xmin of a fresh snapshot: every transaction with a lower id has finished,
 * so the rows below it are final. Applying {@code [position, horizon)} and then storing the
 * horizon as the new position therefore never skips a row; a row may be applied twice, which
 * re-reading the article's current state makes harmless. A long-running transaction holds the
 * horizon back (the index lags until it ends), never forward.
 *
 * <p>It also owns {@code change_followers} and {@code change_log_pruned}: each follower records
 * its position now and then, and rows below every live follower's position are
 * {@link #prune pruned}. A follower not seen for {@link #RETENTION} stops holding them back; when
 * it comes back, {@link #prunedBelow()} above its position tells it to rebuild.
 *
 * <p>On SQLite it records nothing: one process owns the store and indexes its own writes.
 */
public final class ChangeLog {
    /** A follower (an instance's index) not seen for this long no longer holds pruning back. */
    public static final java.time.Duration RETENTION = java.time.Duration.ofDays(7);

    private final Database db;

    public ChangeLog(Database db) {
        this.db = db;
    }

    /** Whether there is a change log to follow (the PostgreSQL backend). */
    public boolean enabled() {
        return db.dialect() == Database.Dialect.POSTGRESQL;
    }

    /** Pending changes and the age of the oldest, from a position on. */
    public record Lag(long changes, Instant oldest) {
        public static final Lag NONE = new Lag(0, null);
    }

    /**
     * A statement recording one article's change, prepared on the caller's transaction, or null
     * on SQLite; bind the article id as parameter 1 and the time as parameter 2.
     */
    PreparedStatement prepare(Connection c) throws SQLException {
        return enabled() ? c.prepareStatement("INSERT INTO article_changes (article_id, changed_at) VALUES (?, ?)")
                : null;
    }

    /** Records a change of {@code articleId} in the caller's transaction (nothing on SQLite). */
    public void record(Connection c, String articleId, Instant at) throws SQLException {
        try (PreparedStatement ps = prepare(c)) {
            if (ps != null) {
                ps.setString(1, articleId);
                ps.setLong(2, at.toEpochMilli());
                ps.executeUpdate();
            }
        }
    }

    /** The xmin of a fresh snapshot: every change below it is committed or rolled back for good. */
    public long horizon() {
        requireEnabled();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        });
    }

    /** The ids of articles changed by transactions in {@code [from, to)}, each once, oldest change first. */
    public List<String> changedBetween(long from, long to) {
        requireEnabled();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id FROM article_changes "
                    + "WHERE xid >= CAST(? AS xid8) AND xid < CAST(? AS xid8) "
                    + "GROUP BY article_id ORDER BY MIN(seq)")) {
                ps.setString(1, Long.toString(from));
                ps.setString(2, Long.toString(to));
                ps.setFetchSize(1000);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /** Committed changes at or above {@code position}: what an index at that position has yet to apply. */
    public Lag lagFrom(long position) {
        if (!enabled()) {
            return Lag.NONE;
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(changed_at) FROM article_changes "
                    + "WHERE xid >= CAST(? AS xid8)")) {
                ps.setString(1, Long.toString(position));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    long oldest = rs.getLong(2);
                    return n == 0 ? Lag.NONE : new Lag(n, Instant.ofEpochMilli(oldest));
                }
            }
        });
    }

    /** The largest transaction id that wrote a change, if any (tests and diagnostics). */
    public OptionalLong newestChange() {
        requireEnabled();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT xid::text FROM article_changes ORDER BY xid DESC LIMIT 1");
                    ResultSet rs = ps.executeQuery()) {
                String v = rs.next() ? rs.getString(1) : null;
                return v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v));
            }
        });
    }

    /** Records that the follower {@code id} has applied every change below {@code position}, as of {@code now}. */
    public void recordPosition(String id, long position, Instant now) {
        requireEnabled();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_followers (id, position, seen_at) "
                    + "VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position, "
                    + "seen_at = excluded.seen_at")) {
                ps.setString(1, id);
                ps.setLong(2, position);
                ps.setLong(3, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /** Changes below this position may have been pruned: a follower below it must rebuild. */
    public long prunedBelow() {
        requireEnabled();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pruned_below FROM change_log_pruned WHERE id = 1");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Forgets followers not seen within {@code retention} before {@code now}, and deletes the
     * changes every remaining follower has applied (below the lowest position). Nothing is
     * deleted while no follower has recorded a position.
     *
     * @return the changes deleted
     */
    public int prune(Instant now, java.time.Duration retention) {
        requireEnabled();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM change_followers WHERE seen_at < ?")) {
                ps.setLong(1, now.minus(retention).toEpochMilli());
                ps.executeUpdate();
            }
            long lowest;
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(position) FROM change_followers");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                lowest = rs.getLong(1);
                if (rs.wasNull()) {
                    return 0;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE change_log_pruned "
                    + "SET pruned_below = GREATEST(pruned_below, ?) WHERE id = 1")) {
                ps.setLong(1, lowest);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM article_changes WHERE xid < CAST(? AS xid8)")) {
                ps.setString(1, Long.toString(lowest));
                return ps.executeUpdate();
            }
        });
    }

    /** Rows in the change log (tests and diagnostics). */
    public long size() {
        requireEnabled();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM article_changes");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new StoreException("the change log exists only on PostgreSQL", null);
        }
    }
}
