package dev.newsbrief.store;

import dev.newsbrief.core.Exhaustion;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A write transaction that spans many units of work, each in its own SAVEPOINT: a failing unit
 * rolls back only itself, the rest commit together in one commit (so a crash leaves whole units or
 * none of them). Batching this way saves the cost of a commit per unit, which dominates bulk
 * ingestion.
 *
 * <p>On SQLite the calling thread holds the database's write lock from {@link Database#begin()}
 * until {@link #commit()} or {@link #close()} (which rolls back anything uncommitted), so other
 * writers wait; keep transactions short (a fraction of a second). On PostgreSQL it holds a pooled
 * connection of its own for as long. Not thread-safe.
 */
public final class WriteTransaction implements AutoCloseable {
    private final Connection connection;
    private final Runnable giveBack;
    private final String file;
    private final PreparedStatement savepoint;
    private final PreparedStatement release;
    private final PreparedStatement rollbackTo;
    private boolean open = true;
    private boolean broken;

    /**
     * @param connection the connection to run on, already reserved for this transaction
     * @param release    gives the connection back (unlocks or returns it to the pool); run once at the end
     * @param file       the database, for messages
     */
    WriteTransaction(Connection connection, Runnable release, String file) {
        this.connection = connection;
        this.giveBack = release;
        this.file = file;
        PreparedStatement sp = null;
        PreparedStatement rel = null;
        try {
            connection.setAutoCommit(false);
            // prepared once per transaction: re-preparing these per unit costs more than running them
            sp = connection.prepareStatement("SAVEPOINT unit");
            rel = connection.prepareStatement("RELEASE unit");
            this.rollbackTo = connection.prepareStatement("ROLLBACK TO unit");
        } catch (SQLException e) {
            closeQuietly(sp);
            closeQuietly(rel);
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the failure to begin is the error worth reporting
            }
            giveBack.run();
            throw new StoreException("cannot begin a transaction on " + file + ": " + e.getMessage(), e);
        }
        this.savepoint = sp;
        this.release = rel;
    }

    /** The writer connection, for statements that join this transaction. */
    public Connection connection() {
        requireOpen();
        return connection;
    }

    /**
     * Runs {@code work} in a savepoint: if it throws, its changes are rolled back and the
     * exception is rethrown, while earlier units of this transaction stay in place.
     */
    public <T> T inSavepoint(Database.Work<T> work) throws SQLException {
        requireOpen();
        savepoint.execute();
        T result;
        try {
            result = work.run(connection);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                rollbackTo.execute();
                release.execute();
            } catch (SQLException undo) {
                broken = true;
                e.addSuppressed(undo);
            }
            if (e instanceof SQLException sql && Exhaustion.isExhaustion(sql)) {
                // SQLite may have rolled back the whole transaction: nothing of it can commit now
                broken = true;
                throw StoreException.of(file, "database " + file, sql);
            }
            throw e;
        }
        release.execute();
        return result;
    }

    /** Commits every unit that succeeded and releases the write lock. */
    public void commit() {
        requireOpen();
        if (broken) {
            close();
            throw new StoreException("transaction on " + file + " rolled back: a savepoint could not be undone", null);
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            close();
            throw StoreException.of(file, "commit on " + file + " failed", e);
        }
        finish();
    }

    /** Rolls back whatever was not committed and releases the write lock; safe to call twice. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // nothing more can be done; the connection returns to auto-commit below
        }
        finish();
    }

    private void finish() {
        open = false;
        closeQuietly(savepoint);
        closeQuietly(release);
        closeQuietly(rollbackTo);
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("database " + file + ": " + e.getMessage(), e);
        } finally {
            giveBack.run();
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("transaction on " + file + " is already finished");
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a prepared statement only frees it
            }
        }
    }
}
