package dev.newsbrief.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's database: one SQLite file (the embedded default) or a PostgreSQL server, migrated
 * to the newest schema on open by {@link Migrations} (Flyway, one script set per {@link Dialect}).
 *
 * <p>SQLite: writes go through {@link #inTransaction} on a single writer connection guarded by a
 * lock, because SQLite allows one writer at a time anyway and a shared connection keeps
 * transactions simple; reads open short-lived connections so readers never wait for the writer
 * (WAL). PostgreSQL: every transaction and read borrows a connection from a HikariCP pool, and
 * several processes may write at once. The table-owning classes ({@link ArticleStore},
 * {@link ChatStore}, ...) run the same SQL on both; {@link #dialect()} tells them where a
 * statement must differ.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** The SQL dialect of a database, which also names its migration scripts' folder. */
    public enum Dialect {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        private final String folder;

        Dialect(String folder) {
            this.folder = folder;
        }

        /** Folder of this dialect's migrations under {@code db/migration}. */
        public String folder() {
            return folder;
        }
    }

    private final Dialect dialect;
    private final String name;
    private final Path file;
    private final String url;
    private final boolean readOnly;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final HikariDataSource pool;

    private Database(Path file, boolean readOnly) {
        this.dialect = Dialect.SQLITE;
        this.file = file;
        this.name = file.toString();
        this.readOnly = readOnly;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.pool = null;
        try {
            this.writer = readOnly ? null : connect(false);
        } catch (SQLException e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    private Database(PostgresSettings settings, HikariDataSource pool) {
        this.dialect = Dialect.POSTGRESQL;
        this.file = null;
        this.name = settings.describe();
        this.url = settings.url();
        this.readOnly = false;
        this.writer = null;
        this.pool = pool;
    }

    /** Opens (creating if needed) the SQLite database at {@code file} and applies pending migrations. */
    public static Database open(Path file) {
        return open(file, Migrations.sqlite(file));
    }

    /** Like {@link #open(Path)}, with migrations from elsewhere (tests). */
    static Database open(Path file, Migrations migrations) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create directory for " + file + ": " + e.getMessage(), e);
        }
        migrations.migrate(sqliteDataSource(file));
        return new Database(file, false);
    }

    /** Opens an existing SQLite database for reading only; used by commands that must not block a writer. */
    public static Database openReadOnly(Path file) {
        if (!Files.exists(file)) {
            throw new StoreException("no database at " + file + " (run `newsbrief ingest` first)", null);
        }
        return new Database(file, true);
    }

    /**
     * Connects a pool to the PostgreSQL server and applies pending migrations. Several processes
     * may open the same server at once; Flyway serialises their migrations with a lock.
     */
    public static Database openPostgres(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setPoolName("newsbrief-store");
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        // fail at once with the server's own message when it cannot be reached or refuses the login
        config.setInitializationFailTimeout(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to " + settings.describe() + ": " + rootMessage(e), e);
        }
        try {
            Migrations.of(Dialect.POSTGRESQL, settings.describe()).migrate(pool);
            return new Database(settings, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The SQLite file; only for the SQLite backend (backups, read-only opens). */
    public Path file() {
        if (file == null) {
            throw new StoreException("the PostgreSQL store at " + name + " has no file", null);
        }
        return file;
    }

    /** Where the data lives, for messages: the SQLite file, or the server and database (no password). */
    public String describe() {
        return name;
    }

    private static DataSource sqliteDataSource(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource(sqliteConfig(false));
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    private static SQLiteConfig sqliteConfig(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        // nobody reads generated keys (ids are text), and fetching them costs a prepared query per INSERT
        config.setGetGeneratedKeys(false);
        // savepoint journals (one savepoint per ingested article) and temporary tables in memory
        // rather than in temporary files: about a fifth of the ingest writer thread's CPU went to writing them.
        // Durability is the WAL's business; these only serve rollbacks inside an open transaction.
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        if (readOnly) {
            config.setReadOnly(true);
        }
        return config;
    }

    private Connection connect(boolean forReading) throws SQLException {
        if (pool != null) {
            return pool.getConnection();
        }
        return DriverManager.getConnection(url, sqliteConfig(forReading && readOnly).toProperties());
    }

    /** A unit of work on a connection; it may throw SQLException, which is wrapped with context. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one write transaction: all of it commits, or none of it does. */
    public <T> T inTransaction(Work<T> work) {
        requireWritable();
        if (pool != null) {
            try (Connection c = pool.getConnection()) {
                return inTransaction(c, work);
            } catch (SQLException e) {
                throw new StoreException("database " + name + ": " + e.getMessage(), e);
            }
        }
        writeLock.lock();
        try {
            return inTransaction(writer, work);
        } catch (SQLException e) {
            throw StoreException.of(file, "database " + file, e);
        } finally {
            writeLock.unlock();
        }
    }

    private static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * Begins a write transaction for many units of work (see {@link WriteTransaction}). On SQLite
     * the calling thread holds the write lock until it commits or closes it; on PostgreSQL the
     * transaction holds a pooled connection of its own.
     */
    public WriteTransaction begin() {
        requireWritable();
        if (pool != null) {
            Connection c;
            try {
                c = pool.getConnection();
            } catch (SQLException e) {
                throw new StoreException("database " + name + ": " + e.getMessage(), e);
            }
            return new WriteTransaction(c, () -> closeQuietly(c), name);
        }
        writeLock.lock();
        return new WriteTransaction(writer, writeLock::unlock, name);
    }

    /** Runs {@code work} outside any write transaction: a fresh SQLite read connection, or a pooled one. */
    public <T> T read(Work<T> work) {
        try (Connection c = connect(true)) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A read connection of its own for a caller that reads often and briefly (a briefing's story
     * lookups): opening a SQLite connection costs far more than a short query. SQLite only (a
     * PostgreSQL store's {@link #read} borrows from its pool); the caller closes it, and must not
     * hold a transaction open, or the writer's checkpoints wait for it.
     */
    public Connection openReader() {
        if (pool != null) {
            throw new StoreException("a PostgreSQL store reads through its pool", null);
        }
        try {
            return connect(true);
        } catch (SQLException e) {
            throw StoreException.of(file, "cannot open database " + file + " for reading", e);
        }
    }

    /**
     * A pooled connection of the caller's own, for sessions that outlive one unit of work
     * (advisory locks, LISTEN); PostgreSQL only. The caller closes it.
     */
    Connection connection() throws SQLException {
        if (pool == null) {
            throw new StoreException("long-lived sessions exist only on PostgreSQL", null);
        }
        return pool.getConnection();
    }

    /**
     * Copies the live database to {@code target} (which must not exist) with {@code VACUUM INTO}: one
     * read transaction, so the copy is a consistent committed state, writers are not blocked (WAL),
     * and it finishes, where SQLite's page-by-page backup API restarts whenever the source looks
     * changed and, on a read-only mount with a {@code -shm} file present, restarted at every step for
     * ever. A copy still running after {@code timeout} is interrupted.
     *
     * @throws StoreException naming the cause, or the time limit when it was reached
     */
    public void backupTo(Path target, java.time.Duration timeout) {
        if (dialect != Dialect.SQLITE) {
            throw new StoreException("a PostgreSQL store is backed up with the server's tools (pg_dump), "
                    + "not `newsbrief backup`", null);
        }
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                if (!finished.get()) {
                    timedOut.set(true);
                    try {
                        s.cancel(); // sqlite3_interrupt: the statement stops at its next step
                    } catch (SQLException e) {
                        log.debug("interrupting the backup of {}: {}", file, e.getMessage());
                    }
                }
            }, java.util.concurrent.CompletableFuture.delayedExecutor(timeout.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS));
            try {
                s.executeUpdate("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
            } finally {
                finished.set(true);
            }
        } catch (SQLException e) {
            if (timedOut.get()) {
                throw new StoreException("backup of " + file + " to " + target + " did not finish within "
                        + timeout.toSeconds() + " s (ops.backup-timeout); is the disk that slow or the database that "
                        + "large?", e);
            }
            throw new StoreException("backup of " + file + " to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /** What {@link #checkCopy} found in a database copy. */
    public record CopyCheck(long schemaVersion, long articles) {}

    /**
     * Proves a SQLite copy (a backup) is whole: made a single self-contained file (no -wal beside
     * it), SQLite's quick_check passes, and its tables answer.
     */
    public static CopyCheck checkCopy(Path copy) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath());
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=DELETE");
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw new StoreException("database copy " + copy + " is damaged: " + verdict, null);
                }
            }
            long version = Migrations.currentVersion(c);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM articles")) {
                return new CopyCheck(version, rs.next() ? rs.getLong(1) : 0);
            }
        } catch (SQLException e) {
            throw new StoreException("database copy " + copy + " is not a newsbrief database: " + e.getMessage(), e);
        }
    }

    /** The newest applied migration's version; a cheap query that also proves the store answers. */
    public long schemaVersion() {
        return read(Migrations::currentVersion);
    }

    private void requireWritable() {
        if (readOnly) {
            throw new StoreException("database " + name + " is open read-only", null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("returning a connection to the pool failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (SQLException e) {
                log.warn("closing {} failed: {}", name, e.getMessage());
            }
        }
        if (pool != null) {
            pool.close();
        }
    }

    /** Whether the connected database has a table of this name. */
    static boolean tableExists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }
}
