package dev.newsbrief.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * The owner of {@code send_budget} (PostgreSQL only): Telegram's bot-wide send rate shared by the
 * instances as {@code total} units, each carrying at most one message counted in Telegram's
 * one-second window. An instance holds some units; it {@link #sync syncs} a few times a second,
 * reporting what it still holds (after giving back units it no longer counts a message on) and
 * how many more it wants, and is granted free units up to a fair share while others want too
 * (all of them when nobody else does). Since an instance lowers its own count before it reports
 * it, and raises it only after a grant commits, the units in use never add up to more than
 * {@code total} (docs/SCALING.md has the argument).
 *
 * <p>Crash safety: every sync renews the holder's lease to {@code lease + 1 s} on the database
 * clock. A holder stops sending on its units {@code lease} after the start of its last successful
 * sync (its own clock), so a holder that dies or loses the database keeps its units taken for a
 * second more than it can use them: its last messages have left Telegram's window before another
 * instance is granted them. Syncs run one at a time under an advisory lock.
 */
public final class SendBudget {
    /** First half of the budget's advisory lock key ("nbsb"). */
    private static final int LOCK_NAMESPACE = 0x6e627362;
    private static final long WINDOW_MILLIS = 1000;
    /** A lease long enough to ride out a slow sync or two, short enough that a dead instance's units return soon. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(3);

    private final Database db;
    private final int total;
    private final Duration lease;
    private final String holder = UUID.randomUUID().toString();

    /**
     * @param total the bot-wide limit in messages per second ({@code telegram.rate.global-per-second})
     * @param lease how long a sync keeps this holder's units
     */
    public SendBudget(Database db, int total, Duration lease) {
        if (total < 1 || lease.toMillis() < 1) {
            throw new IllegalArgumentException("a send budget needs at least one unit and a lease");
        }
        this.db = db;
        this.total = total;
        this.lease = lease;
    }

    /** Whether instances share the budget (the PostgreSQL backend); otherwise this process has all of it. */
    public boolean shared() {
        return db.dialect() == Database.Dialect.POSTGRESQL;
    }

    public int total() {
        return total;
    }

    public Duration lease() {
        return lease;
    }

    /**
     * What a sync decided.
     *
     * @param units         what this holder holds now
     * @param othersWanting how many other live holders want more units
     * @param fairShare     the share to keep to while others want: {@code total / wanting holders}, rounded up
     */
    public record Grant(int units, int othersWanting, int fairShare) {}

    /**
     * Records that this holder holds {@code held} units (never more than its last grant) and
     * wants {@code wanted} more, grants what is free up to its fair share, and renews its lease.
     */
    public Grant sync(int held, int wanted) {
        if (held < 0 || wanted < 0) {
            throw new IllegalArgumentException("units held and wanted cannot be negative");
        }
        if (!shared()) {
            return new Grant(total, 0, total);
        }
        return db.inTransaction(c -> {
            lock(c);
            long now = databaseMillis(c);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM send_budget WHERE lease_until < ?")) {
                ps.setLong(1, now);
                ps.executeUpdate();
            }
            int othersUnits = 0;
            int othersWanting = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT units, wanted FROM send_budget WHERE holder <> ?")) {
                ps.setString(1, holder);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        othersUnits += rs.getInt(1);
                        othersWanting += rs.getInt(2) > 0 ? 1 : 0;
                    }
                }
            }
            int fair = (total + othersWanting) / (othersWanting + 1); // rounded up: grants stay within what is free
            int free = Math.max(0, total - othersUnits - held);
            int grant = Math.min(wanted, othersWanting > 0 ? Math.max(0, fair - held) : total);
            int units = held + Math.min(grant, free);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO send_budget (holder, units, wanted, lease_until) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (holder) DO UPDATE SET units = excluded.units, "
                    + "wanted = excluded.wanted, lease_until = excluded.lease_until")) {
                ps.setString(1, holder);
                ps.setInt(2, units);
                ps.setInt(3, wanted);
                ps.setLong(4, now + lease.toMillis() + WINDOW_MILLIS);
                ps.executeUpdate();
            }
            return new Grant(units, othersWanting, fair);
        });
    }

    /**
     * Gives every unit back once this holder's last messages have left the window (a clean
     * shutdown: the caller has stopped sending); the others are granted them a second later.
     */
    public void leave() {
        if (!shared()) {
            return;
        }
        db.inTransaction(c -> {
            lock(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE send_budget SET wanted = 0, lease_until = ? WHERE holder = ?")) {
                ps.setLong(1, databaseMillis(c) + WINDOW_MILLIS);
                ps.setString(2, holder);
                return ps.executeUpdate();
            }
        });
    }

    /** Units held by live holders, this one included (tests and diagnostics). */
    public int unitsTaken() {
        if (!shared()) {
            return total;
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(SUM(units), 0) FROM send_budget WHERE lease_until >= ?")) {
                ps.setLong(1, databaseMillis(c));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
            ps.setInt(1, LOCK_NAMESPACE);
            ps.executeQuery().close();
        }
    }

    private static long databaseMillis(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
