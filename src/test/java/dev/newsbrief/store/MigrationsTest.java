package dev.newsbrief.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores made before Flyway (their own {@code schema_version} table) keep opening. */
class MigrationsTest {
    @TempDir
    Path dir;

    /** Makes a store the way the pre-Flyway code did: each script's statements, then a schema_version row. */
    private static void legacyStore(Path file, String folder, List<Integer> versions, List<String> scripts)
            throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                    + "applied_at INTEGER NOT NULL)");
            for (int i = 0; i < versions.size(); i++) {
                for (String sql : Migrations.statements(resource(folder + "/" + scripts.get(i)))) {
                    s.executeUpdate(sql);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, 0)")) {
                    ps.setInt(1, versions.get(i));
                    ps.setString(2, scripts.get(i));
                    ps.executeUpdate();
                }
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MigrationsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aStoreMadeBeforeFlywayOpensWithItsRowsAndIsAdoptedOnce() throws Exception {
        Path file = dir.resolve("old.db");
        legacyStore(file, "db/migration/sqlite", List.of(1), List.of("V001__base_schema.sql"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO articles (id, title, ingested_at, updated_at, body, content_hash, simhash) "
                    + "VALUES ('a1', 'Kept', 0, 0, 'Body.', 'h', 7)");
        }
        for (int i = 0; i < 2; i++) {
            int open = i;
            try (Database db = Database.open(file)) {
                assertThat(db.schemaVersion()).isGreaterThanOrEqualTo(5);
                assertThat(new ArticleStore(db).find("a1")).get().extracting(Article::title).isEqualTo("Kept");
                Instant now = Instant.now();
                db.inTransaction(c -> {
                    new ArticleStore(db).upsert(c, new Article("a" + (open + 2), null, "New", null, null, now, now,
                            "Body.", "h" + open, null, Map.of()));
                    return null;
                });
            }
        }
        try (Database db = Database.open(file)) {
            assertThat(new ArticleStore(db).count()).isEqualTo(3);
        }
    }

    @Test
    void aLegacyStoreMissingALowerScriptGetsItAndFlywayTakesTheRest() throws Exception {
        Path file = dir.resolve("gap.db");
        // version 3 arrived before version 2 (teams number scripts in separate ranges)
        legacyStore(file, "db/migration-test/sqlite", List.of(1, 3), List.of("V001__one.sql", "V003__three.sql"));
        Migrations migrations = Migrations.sqlite(file).under("db/migration-test");
        try (Database db = Database.open(file, migrations)) {
            assertThat(db.schemaVersion()).isEqualTo(4);
            db.read(c -> {
                for (String table : List.of("one", "two", "three", "four")) {
                    assertThat(Database.tableExists(c, table)).as(table).isTrue();
                }
                return null;
            });
        }
        try (Database db = Database.open(file, migrations)) {
            assertThat(db.schemaVersion()).isEqualTo(4);
        }
    }

    @Test
    void aNewStoreIsMigratedByFlywayAlone() {
        try (Database db = Database.open(dir.resolve("new.db"))) {
            assertThat(db.schemaVersion()).isGreaterThanOrEqualTo(5);
            db.read(c -> {
                assertThat(Database.tableExists(c, "schema_version")).isFalse();
                assertThat(Database.tableExists(c, Migrations.HISTORY)).isTrue();
                return null;
            });
        }
    }

    @Test
    void aStoreMissingNewerScriptsGetsThemAndAnUpToDateOneIsLeftAlone() {
        Path file = dir.resolve("grow.db");
        try (Database db = Database.open(file, Migrations.sqlite(file).under("db/migration-test-early"))) {
            assertThat(db.schemaVersion()).isEqualTo(2);
        }
        Migrations full = Migrations.sqlite(file).under("db/migration-test");
        assertThat(full.scriptVersions()).containsExactlyInAnyOrder(1, 2, 3, 4);
        try (Database db = Database.open(file, full)) {
            assertThat(db.schemaVersion()).as("scripts 3 and 4 arrived with a newer version").isEqualTo(4);
        }
        try (Database db = Database.open(file, full)) {
            assertThat(db.schemaVersion()).isEqualTo(4);
        }
    }
}
