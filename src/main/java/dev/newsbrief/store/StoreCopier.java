package dev.newsbrief.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies every row of one store into another, empty one of the same schema version ({@code
 * newsbrief migrate --to postgresql}). Like a backup it moves whole tables below the owning
 * classes, since it changes no row's meaning: tables go in foreign-key order, all in one target
 * transaction (a failure leaves the target empty), identity counters are moved past the copied
 * ids, and the row counts of source and target are compared before the commit.
 */
public final class StoreCopier {
    private static final int BATCH = 1000;
    private static final Set<String> BOOKKEEPING = Set.of(Migrations.HISTORY, "schema_version");

    private StoreCopier() {
    }

    /** Rows copied per table, in copy order. */
    public record Copied(Map<String, Long> rows) {
        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Copies {@code source} into {@code target}.
     *
     * @throws StoreException when the schemas differ, the target already holds rows, or a count differs
     */
    public static Copied copy(Database source, Database target) {
        long sourceVersion = source.schemaVersion();
        long targetVersion = target.schemaVersion();
        if (sourceVersion != targetVersion) {
            throw new StoreException("schema versions differ: " + source.describe() + " is at " + sourceVersion
                    + ", " + target.describe() + " at " + targetVersion, null);
        }
        return source.read(from -> target.inTransaction(to -> {
            List<String> tables = tablesInCopyOrder(to, tables(from));
            for (String table : tables) {
                if (count(to, table) > 0) {
                    throw new StoreException(target.describe() + " is not empty (table " + table + " has rows); "
                            + "migrate only copies into an empty store", null);
                }
            }
            if (target.dialect() == Database.Dialect.POSTGRESQL) {
                try (Statement s = to.createStatement()) {
                    s.execute("SET CONSTRAINTS ALL DEFERRED");
                }
            }
            Map<String, Long> copied = new LinkedHashMap<>();
            for (String table : tables) {
                copied.put(table, copyTable(from, to, table));
            }
            if (target.dialect() == Database.Dialect.POSTGRESQL) {
                advanceIdentities(to, tables);
            }
            for (String table : tables) {
                long want = count(from, table);
                long got = count(to, table);
                if (want != got) {
                    throw new StoreException("table " + table + ": " + want + " rows in " + source.describe()
                            + " but " + got + " copied; nothing was committed", null);
                }
            }
            return new Copied(copied);
        }));
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!BOOKKEEPING.contains(name) && !name.startsWith("sqlite_")) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** The tables, each after every table it references (so constraints hold row by row). */
    private static List<String> tablesInCopyOrder(Connection target, List<String> tables) throws SQLException {
        DatabaseMetaData meta = target.getMetaData();
        Map<String, Set<String>> references = new LinkedHashMap<>();
        for (String table : tables.stream().sorted().toList()) {
            Set<String> refs = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, null, table)) {
                while (rs.next()) {
                    String referenced = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!referenced.equals(table) && tables.contains(referenced)) {
                        refs.add(referenced);
                    }
                }
            }
            references.put(table, refs);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < references.size()) {
            boolean progressed = false;
            for (Map.Entry<String, Set<String>> e : references.entrySet()) {
                if (!ordered.contains(e.getKey()) && ordered.containsAll(e.getValue())) {
                    ordered.add(e.getKey());
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new StoreException("tables reference each other in a cycle: " + references, null);
            }
        }
        return ordered;
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        List<String> columns = columns(from, table);
        columns.retainAll(columns(to, table));
        String list = String.join(", ", columns);
        String insert = "INSERT INTO " + table + " (" + list + ") VALUES (" + "?,".repeat(columns.size() - 1) + "?)";
        long rows = 0;
        try (Statement read = from.createStatement(); PreparedStatement write = to.prepareStatement(insert)) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT " + list + " FROM " + table)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        write.setObject(i, rs.getObject(i));
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
            }
            write.executeBatch();
        }
        return rows;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                out.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return out;
        }
    }

    /** Moves each identity column's counter past the largest copied id, so new rows get fresh ids. */
    private static void advanceIdentities(Connection to, List<String> tables) throws SQLException {
        try (PreparedStatement ps = to.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND is_identity = 'YES'");
                ResultSet rs = ps.executeQuery()) {
            List<String[]> identities = new ArrayList<>();
            while (rs.next()) {
                identities.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            for (String[] id : identities) {
                if (!tables.contains(id[0])) {
                    continue;
                }
                try (Statement s = to.createStatement()) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + id[0] + "', '" + id[1] + "'), "
                            + "COALESCE((SELECT MAX(" + id[1] + ") FROM " + id[0] + "), 0) + 1, false)");
                }
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
