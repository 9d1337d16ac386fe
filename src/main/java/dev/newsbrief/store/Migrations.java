package dev.newsbrief.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations with Flyway, one script set per dialect:
 * {@code db/migration/sqlite/V<n>__<name>.sql} and {@code db/migration/postgresql/V<n>__<name>.sql}
 * describe the same schema change, numbered alike. Flyway 13 supports both databases (SQLite in
 * its core, PostgreSQL in {@code flyway-database-postgresql}).
 *
 * <p>Migrations are applied out of order: teams number their scripts in separate ranges, so a
 * lower one can arrive after a higher one ran. A SQLite store made before Flyway (its own
 * {@code schema_version} table) is adopted: any script it lacks up to its newest version is
 * applied the old way, then Flyway records a baseline at that version and carries on from there.
 *
 * <p>Each folder lists its scripts in an index ({@link MigrationScripts}); neither this class nor
 * Flyway scans the classpath.
 */
final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    static final String HISTORY = "flyway_schema_history";
    private static final String LEGACY = "schema_version";

    private final Database.Dialect dialect;
    private final String root;
    private final String where;

    private Migrations(Database.Dialect dialect, String root, String where) {
        this.dialect = dialect;
        this.root = root;
        this.where = where;
    }

    static Migrations sqlite(Path file) {
        return of(Database.Dialect.SQLITE, file.toString());
    }

    static Migrations of(Database.Dialect dialect, String where) {
        return new Migrations(dialect, "db/migration", where);
    }

    /** The same, with scripts under another classpath folder (tests add scripts of their own there). */
    Migrations under(String otherRoot) {
        return new Migrations(dialect, otherRoot, where);
    }

    private String folder() {
        return root + "/" + dialect.folder();
    }

    /**
     * Brings the database behind {@code ds} to the newest schema. A store that already has every
     * script is left alone without starting Flyway, whose start (plugin discovery, setting up its
     * database support) would add to every cold start.
     */
    void migrate(DataSource ds) {
        MigrationScripts scripts = MigrationScripts.in(folder());
        try {
            if (upToDate(ds, scripts.versions())) {
                return;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the schema version of " + where + ": " + e.getMessage(), e);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:" + folder())
                .resourceProvider(scripts.resourceProvider())
                .javaMigrationClassProvider(List::of)
                .table(HISTORY)
                .outOfOrder(true)
                .load();
        try {
            if (dialect == Database.Dialect.SQLITE) {
                adoptLegacy(ds, flyway);
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the schema of " + where + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StoreException("cannot read the schema version of " + where + ": " + e.getMessage(), e);
        }
    }

    /** Adopts a store made before Flyway (see the class comment); does nothing for any other. */
    private void adoptLegacy(DataSource ds, Flyway flyway) throws SQLException {
        Set<Integer> applied = new HashSet<>();
        int newest;
        try (Connection c = ds.getConnection()) {
            if (!Database.tableExists(c, LEGACY) || Database.tableExists(c, HISTORY)) {
                return;
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM " + LEGACY)) {
                while (rs.next()) {
                    applied.add(rs.getInt(1));
                }
            }
            newest = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
            if (newest == 0) {
                return;
            }
            c.setAutoCommit(false);
            try {
                for (MigrationInfo m : flyway.info().all()) {
                    int version = Integer.parseInt(m.getVersion().getVersion());
                    if (version < newest && !applied.contains(version)) {
                        for (String sql : statements(MigrationScripts.read(folder() + "/" + m.getScript()))) {
                            try (Statement s = c.createStatement()) {
                                s.executeUpdate(sql);
                            }
                        }
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + LEGACY + " VALUES (?, ?, ?)")) {
                            ps.setInt(1, version);
                            ps.setString(2, m.getScript());
                            ps.setLong(3, System.currentTimeMillis());
                            ps.executeUpdate();
                        }
                        log.info("applied migration {} to {} before adopting it into Flyway", m.getScript(), where);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        Flyway.configure().configuration(flyway.getConfiguration())
                .baselineVersion(Integer.toString(newest))
                .baselineDescription("adopted from schema_version")
                .load()
                .baseline();
        log.info("adopted the schema of {} at version {} into Flyway", where, newest);
    }

    /** The versions of this dialect's scripts, as the folder's index lists them. */
    Set<Integer> scriptVersions() {
        return MigrationScripts.in(folder()).versions();
    }

    /** Whether Flyway's history has every script (a baseline counts for every version at or below it). */
    private static boolean upToDate(DataSource ds, Set<Integer> scripts) throws SQLException {
        try (Connection c = ds.getConnection()) {
            if (!Database.tableExists(c, HISTORY)) {
                return false;
            }
            Set<Integer> applied = new HashSet<>();
            int baseline = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT version, type FROM " + HISTORY + " WHERE success AND version IS NOT NULL")) {
                while (rs.next()) {
                    int version;
                    try {
                        version = Integer.parseInt(rs.getString(1));
                    } catch (NumberFormatException e) {
                        return false; // not one of ours: let Flyway judge
                    }
                    applied.add(version);
                    if ("BASELINE".equals(rs.getString(2))) {
                        baseline = Math.max(baseline, version);
                    }
                }
            }
            for (int v : scripts) {
                if (v > baseline && !applied.contains(v)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The newest applied migration version (migrations apply out of order, so not the last
     * applied); for a store not yet adopted into Flyway, the newest in its own table; 0 for none.
     */
    static long currentVersion(Connection c) throws SQLException {
        if (!Database.tableExists(c, HISTORY)) {
            if (!Database.tableExists(c, LEGACY)) {
                return 0;
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + LEGACY)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
        long newest = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM " + HISTORY + " WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                try {
                    newest = Math.max(newest, Long.parseLong(rs.getString(1)));
                } catch (NumberFormatException e) {
                    // not one of ours (a dotted version): it cannot be the newest of ours
                }
            }
        }
        return newest;
    }

    /** Splits a pre-Flyway migration script into statements; those scripts keep semicolons out of literals. */
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
}
