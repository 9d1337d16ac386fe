package dev.newsbrief.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite database file, opened in WAL mode with a busy timeout and foreign keys on, and
 * migrated to the newest schema on open.
 *
 * <p>Writes go through {@link #inTransaction} on a single writer connection guarded by a lock,
 * because SQLite allows one writer at a time anyway and a shared connection keeps transactions
 * simple. Reads open short-lived connections so readers never wait for the writer (WAL).
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__([\\w-]+)\\.sql");

    private final String url;
    private final Path file;
    private final boolean readOnly;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();

    private Database(Path file, boolean readOnly) {
        this.file = file;
        this.readOnly = readOnly;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            this.writer = readOnly ? null : connect(false);
        } catch (SQLException e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens (creating if needed) the database at {@code file} and applies pending migrations. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create directory for " + file + ": " + e.getMessage(), e);
        }
        Database db = new Database(file, false);
        db.migrate();
        return db;
    }

    /** Opens an existing database for reading only; used by commands that must not block a writer. */
    public static Database openReadOnly(Path file) {
        if (!Files.exists(file)) {
            throw new StoreException("no database at " + file + " (run `newsbrief ingest` first)", null);
        }
        return new Database(file, true);
    }

    public Path file() {
        return file;
    }

    private Connection connect(boolean forReading) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        // nobody reads generated keys (ids are text), and fetching them costs a prepared query per INSERT
        config.setGetGeneratedKeys(false);
        if (forReading && readOnly) {
            config.setReadOnly(true);
        }
        return DriverManager.getConnection(url, config.toProperties());
    }

    /** A unit of work on a connection; it may throw SQLException, which is wrapped with context. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one write transaction: all of it commits, or none of it does. */
    public <T> T inTransaction(Work<T> work) {
        if (readOnly) {
            throw new StoreException("database " + file + " is open read-only", null);
        }
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database " + file + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Begins a write transaction for many units of work (see {@link WriteTransaction}); the
     * calling thread holds the write lock until it commits or closes it.
     */
    public WriteTransaction begin() {
        if (readOnly) {
            throw new StoreException("database " + file + " is open read-only", null);
        }
        return new WriteTransaction(writer, writeLock, file);
    }

    /** Runs {@code work} on a fresh read connection, so it never waits on the writer. */
    public <T> T read(Work<T> work) {
        try (Connection c = connect(true)) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A read connection of its own for a caller that reads often and briefly (a briefing's story
     * lookups): opening one costs far more than a short query. The caller closes it; it must not
     * hold a transaction open, or the writer's checkpoints wait for it.
     */
    public Connection openReader() {
        try {
            return connect(true);
        } catch (SQLException e) {
            throw new StoreException("cannot open database " + file + " for reading: " + e.getMessage(), e);
        }
    }

    /** Copies the live database to {@code target} with SQLite's online backup (consistent, non-blocking). */
    public void backupTo(Path target) {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            s.executeUpdate("backup to '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new StoreException("backup of " + file + " to " + target + " failed: " + e.getMessage(), e);
        }
    }

    private void migrate() {
        Map<Integer, String> scripts = migrationScripts();
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version "
                        + "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            }
            // apply every script not yet recorded, not just those above the highest: teams number
            // their migrations in separate ranges, so a lower one can arrive after a higher one ran
            Set<Integer> applied = new HashSet<>();
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT version FROM schema_version")) {
                while (rs.next()) {
                    applied.add(rs.getInt(1));
                }
            }
            for (Map.Entry<Integer, String> e : scripts.entrySet()) {
                if (applied.contains(e.getKey())) {
                    continue;
                }
                String name = e.getValue();
                for (String sql : statements(readResource("db/migration/" + name))) {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate(sql);
                    }
                }
                try (var ps = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                    ps.setInt(1, e.getKey());
                    ps.setString(2, name);
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                log.debug("applied migration {} to {}", name, file);
            }
            return null;
        });
    }

    /** Splits a migration script into statements; scripts keep semicolons out of literals. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            int comment = line.indexOf("--");
            sb.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
            if (trimmed.endsWith(";") || (comment >= 0 && line.substring(0, comment).strip().endsWith(";"))) {
                String sql = sb.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                sb.setLength(0);
            }
        }
        if (!sb.toString().isBlank()) {
            out.add(sb.toString().strip());
        }
        return out;
    }

    private static Map<Integer, String> migrationScripts() {
        try {
            var dir = Database.class.getClassLoader().getResource("db/migration");
            if (dir == null) {
                throw new StoreException("no db/migration resources on the classpath", null);
            }
            Map<Integer, String> found = new TreeMap<>();
            if ("jar".equals(dir.getProtocol())) {
                try (FileSystem fs = FileSystems.newFileSystem(dir.toURI(), Collections.emptyMap())) {
                    collect(fs.getPath("db/migration"), found);
                }
            } else {
                collect(Path.of(dir.toURI()), found);
            }
            return found;
        } catch (IOException | URISyntaxException e) {
            throw new StoreException("cannot list migrations: " + e.getMessage(), e);
        }
    }

    private static void collect(Path dir, Map<Integer, String> found) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = MIGRATION.matcher(p.getFileName().toString());
                if (m.matches() && found.put(Integer.parseInt(m.group(1)), p.getFileName().toString()) != null) {
                    throw new StoreException("two migrations share version " + m.group(1), null);
                }
            });
        }
    }

    private static String readResource(String name) {
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new StoreException("missing migration resource " + name, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (SQLException e) {
                log.warn("closing {} failed: {}", file, e.getMessage());
            }
        }
    }
}
