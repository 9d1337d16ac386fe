package dev.newsbrief.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease that at most one process holds at a time: a PostgreSQL session-level advisory lock on
 * a connection this lease keeps for as long as it holds it. When the holder dies or loses its
 * connection the server ends the session and releases the lock, and the next {@link #tryAcquire}
 * of another process gets it. On SQLite the one process that owns the store always holds it.
 */
public final class Lease implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Lease.class);
    /** First half of every newsbrief advisory lock key, keeping clear of other users of the server. */
    private static final int NAMESPACE = 0x6e627266; // "nbrf"

    private final Database db;
    private final String name;
    private Connection session;

    private Lease(Database db, String name) {
        this.db = db;
        this.name = name;
    }

    /** A lease held from the start, for a process that polls alone (no shared store). */
    public static Lease always() {
        return new Lease(null, "polling");
    }

    private boolean alwaysHeld() {
        return db == null || db.dialect() != Database.Dialect.POSTGRESQL;
    }

    /** The lease called {@code name} (for example "telegram-polling") in {@code db}. */
    public static Lease of(Database db, String name) {
        return new Lease(db, name);
    }

    public String name() {
        return name;
    }

    /** Takes the lease if nobody holds it; true when this process holds it (now or already). */
    public synchronized boolean tryAcquire() {
        if (alwaysHeld()) {
            return true;
        }
        if (held()) {
            return true;
        }
        try {
            session = db.connection();
            try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                ps.setInt(1, NAMESPACE);
                ps.setInt(2, name.hashCode());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return true;
                    }
                }
            }
            dropSession();
            return false;
        } catch (SQLException | RuntimeException e) {
            log.debug("lease {} not taken: {}", name, e.getMessage());
            dropSession();
            return false;
        }
    }

    /** Whether this process still holds the lease (its session is alive). */
    public synchronized boolean held() {
        if (alwaysHeld()) {
            return true;
        }
        try {
            return session != null && session.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void dropSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                // a broken session released its locks with it
            }
            session = null;
        }
    }

    /** Gives the lease up so another process can take it at once. */
    @Override
    public synchronized void close() {
        if (session != null) {
            try (PreparedStatement ps = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
                ps.setInt(1, NAMESPACE);
                ps.setInt(2, name.hashCode());
                ps.execute();
            } catch (SQLException e) {
                // closing the session below releases it as well
            }
            dropSession();
        }
    }
}
