package dev.newsbrief.sources;

import dev.newsbrief.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The owner of {@code feed_state} (validators, health, schedule) and {@code feed_items} (every
 * item key a source has delivered, so nothing is ingested twice). Reads work on a read-only database.
 */
public final class FeedStateStore {
    private static final String COLUMNS = "source, url, etag, last_modified, last_success_at, last_error_at, "
            + "last_error, consecutive_failures, items_seen, next_poll_at";

    private final Database db;

    public FeedStateStore(Database db) {
        this.db = db;
    }

    /** First half of the feed claims' advisory lock keys ("nbfd"); the second hashes the source or host. */
    private static final int SOURCE_CLAIM = 0x6e626664;
    private static final int HOST_CLAIM = 0x6e626668;

    /**
     * Runs {@code poll} as the one instance polling {@code source} now, when several share a
     * PostgreSQL store: in a transaction holding a transaction-scoped advisory lock on the source
     * (tried: another instance polling it means skip, as {@code SKIP LOCKED} would) and one on its
     * host (waited for, then held {@code politeness} past the poll, so two instances never fetch
     * from one host closer together than one would). A source some other instance polled since
     * ({@code next_poll_at} still ahead) is skipped too. Empty when skipped; on SQLite the one
     * process always polls.
     */
    public <T> Optional<T> withPollClaim(String source, String host, java.time.Duration politeness, Instant now,
            java.util.function.Supplier<T> poll) {
        if (db.dialect() != dev.newsbrief.store.Database.Dialect.POSTGRESQL) {
            return Optional.of(poll.get());
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, SOURCE_CLAIM);
                ps.setInt(2, source.hashCode());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return Optional.<T>empty();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, HOST_CLAIM);
                ps.setInt(2, host.hashCode());
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT next_poll_at FROM feed_state WHERE source = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long next = rs.getLong(1);
                        if (!rs.wasNull() && next > now.toEpochMilli()) {
                            return Optional.<T>empty();
                        }
                    }
                }
            }
            T result = poll.get();
            try {
                Thread.sleep(politeness.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(result);
        });
    }

    public Optional<FeedState> find(String source) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed_state WHERE source = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<FeedState> all() {
        return db.read(c -> {
            List<FeedState> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed_state ORDER BY source");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    /** Whether {@code source} has already delivered the item with this key. */
    public boolean seen(String source, String itemKey) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM feed_items WHERE source = ? AND item_key = ?")) {
                ps.setString(1, source);
                ps.setString(2, itemKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Which of {@code itemKeys} {@code source} has already delivered; one read connection for all. */
    public Set<String> seen(String source, Collection<String> itemKeys) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM feed_items WHERE source = ? AND item_key = ?")) {
                for (String key : itemKeys) {
                    ps.setString(1, source);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add(key);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Records an item as delivered and counts it; false when it was already recorded. */
    public boolean remember(String source, String itemKey, String articleId, Instant now) {
        return db.inTransaction(c -> {
            ensureRow(c, source, null);
            int inserted;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_items "
                    + "(source, item_key, article_id, first_seen_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, source);
                ps.setString(2, itemKey);
                ps.setString(3, articleId);
                ps.setLong(4, now.toEpochMilli());
                inserted = ps.executeUpdate();
            }
            if (inserted > 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE feed_state SET items_seen = items_seen + 1 WHERE source = ?")) {
                    ps.setString(1, source);
                    ps.executeUpdate();
                }
            }
            return inserted > 0;
        });
    }

    /** Records many delivered items of one source in one transaction; returns how many were new. */
    public int rememberAll(String source, List<String> itemKeys, Instant now) {
        if (itemKeys.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            ensureRow(c, source, null);
            int inserted = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_items "
                    + "(source, item_key, article_id, first_seen_at) VALUES (?, ?, NULL, ?) ON CONFLICT DO NOTHING")) {
                for (String key : itemKeys) {
                    ps.setString(1, source);
                    ps.setString(2, key);
                    ps.setLong(3, now.toEpochMilli());
                    inserted += ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE feed_state SET items_seen = items_seen + ? WHERE source = ?")) {
                ps.setInt(1, inserted);
                ps.setString(2, source);
                ps.executeUpdate();
            }
            return inserted;
        });
    }

    /**
     * Records a good poll: clears the failure count and stores the validators.
     *
     * @return the state before the update
     */
    public FeedState recordSuccess(String source, String url, Validators validators, Instant now, Instant nextPoll) {
        return db.inTransaction(c -> {
            FeedState before = ensureRow(c, source, url);
            try (PreparedStatement ps = c.prepareStatement("UPDATE feed_state SET url = ?, etag = ?, "
                    + "last_modified = ?, last_success_at = ?, consecutive_failures = 0, next_poll_at = ? "
                    + "WHERE source = ?")) {
                ps.setString(1, url);
                ps.setString(2, validators.etag());
                ps.setString(3, validators.lastModified());
                ps.setLong(4, now.toEpochMilli());
                ps.setLong(5, nextPoll.toEpochMilli());
                ps.setString(6, source);
                ps.executeUpdate();
            }
            return before;
        });
    }

    /**
     * Records a failed poll and schedules the retry.
     *
     * @param retryAfter the delay before the next poll, given the new number of consecutive failures
     * @return the state after the update
     */
    public FeedState recordFailure(String source, String url, String error, Instant now,
            IntFunction<java.time.Duration> retryAfter) {
        return db.inTransaction(c -> {
            FeedState before = ensureRow(c, source, url);
            int failures = before.consecutiveFailures() + 1;
            Instant next = now.plus(retryAfter.apply(failures));
            try (PreparedStatement ps = c.prepareStatement("UPDATE feed_state SET last_error_at = ?, last_error = ?, "
                    + "consecutive_failures = ?, next_poll_at = ? WHERE source = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, error);
                ps.setInt(3, failures);
                ps.setLong(4, next.toEpochMilli());
                ps.setString(5, source);
                ps.executeUpdate();
            }
            return new FeedState(source, before.url(), before.etag(), before.lastModified(), before.lastSuccessAt(),
                    now, error, failures, before.itemsSeen(), next);
        });
    }

    private static FeedState ensureRow(Connection c, String source, String url) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_state (source, url) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, source);
            if (url == null) {
                ps.setNull(2, Types.VARCHAR);
            } else {
                ps.setString(2, url);
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM feed_state WHERE source = ?")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return map(rs);
            }
        }
    }

    private static FeedState map(ResultSet rs) throws SQLException {
        return new FeedState(rs.getString("source"), rs.getString("url"), rs.getString("etag"),
                rs.getString("last_modified"), instant(rs, "last_success_at"), instant(rs, "last_error_at"),
                rs.getString("last_error"), rs.getInt("consecutive_failures"), rs.getLong("items_seen"),
                instant(rs, "next_poll_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
