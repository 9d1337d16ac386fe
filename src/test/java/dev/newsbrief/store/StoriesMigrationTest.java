package dev.newsbrief.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.stories.Membership;
import dev.newsbrief.stories.StoryStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store that main's migrations made (V001 and V003–V007, SimHash column and all) upgrades to
 * stories (V008) on open, on both backends, keeping its articles; stories then work on it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class StoriesMigrationTest {
    @Parameter
    StoreBackend backend;

    @TempDir
    Path dir;

    private static final int BEFORE_STORIES = 7;

    private Connection connect(String where) throws SQLException {
        return where.startsWith("jdbc:") ? DriverManager.getConnection(where, "postgres", null)
                : DriverManager.getConnection("jdbc:sqlite:" + where);
    }

    /** The store as main's migrations left it, with one article of that time (a SimHash, no story). */
    private String storeBeforeStories() throws SQLException {
        String where = backend.locate(dir, "before.db");
        String dialect = backend == StoreBackend.SQLITE ? "sqlite" : "postgresql";
        var config = Flyway.configure()
                .locations("classpath:db/migration/" + dialect)
                .table(Migrations.HISTORY)
                .target(Integer.toString(BEFORE_STORIES));
        config = where.startsWith("jdbc:") ? config.dataSource(where, "postgres", null)
                : config.dataSource("jdbc:sqlite:" + where, null, null);
        config.load().migrate();
        try (Connection c = connect(where); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO articles (id, title, source, ingested_at, updated_at, body, content_hash, "
                    + "simhash, language) VALUES ('old-1', 'Kept', 'Wire', 0, 0, 'Body of an old article.', 'h-old', "
                    + "7, 'en')");
        }
        return where;
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aStoreMigratedByMainUpgradesToStoriesAndKeepsItsArticles() throws Exception {
        String where = storeBeforeStories();
        try (Database db = StoreBackend.openLocated(where)) {
            assertThat(db.schemaVersion()).isGreaterThan(BEFORE_STORIES);
            db.read(c -> {
                assertThat(Database.tableExists(c, "stories")).isTrue();
                assertThat(Database.tableExists(c, "story_members")).isTrue();
                assertThat(hasColumn(c, "articles", "simhash")).as("SimHash gave way to stories").isFalse();
                assertThat(hasColumn(c, "articles", "language")).isTrue();
                return null;
            });
            assertThat(new ArticleStore(db).find("old-1")).get().extracting(Article::title).isEqualTo("Kept");
            StoryStore stories = new StoryStore(db);
            assertThat(stories.membership("old-1")).as("assigned when an ingester opens").isEmpty();

            Instant now = Instant.parse("2025-03-22T10:00:00Z");
            db.inTransaction(c -> {
                new ArticleStore(db).upsert(c, new Article("new-1", null, "New", "Wire", now, now, now,
                        "Body of a new article.", "h-new", null, Map.of()));
                return null;
            });
            assertThat(new ArticleStore(db).count()).isEqualTo(2);
        }
        try (Database db = StoreBackend.openLocated(where)) {
            assertThat(new ArticleStore(db).count()).as("opened again: nothing left to migrate").isEqualTo(2);
        }
    }

    @Test
    void anUpgradedStoresArticlesGetTheirStoriesWhenTheIngesterOpens() throws Exception {
        String where = storeBeforeStories();
        try (Database db = StoreBackend.openLocated(where);
                PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            new Ingester(new ArticleStore(db), index, Ingester.Options.DEFAULTS, Clock.systemUTC());
            assertThat(new StoryStore(db).membership("old-1")).get().extracting(Membership::how)
                    .isEqualTo(Membership.How.SHORT);
        }
    }

    @Test
    void aPreFlywayStoreOfMainIsAdoptedAndGetsStories() throws Exception {
        Assumptions.assumeTrue(backend == StoreBackend.SQLITE, "only SQLite stores predate Flyway");
        Path file = dir.resolve("legacy.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                    + "applied_at INTEGER NOT NULL)");
            for (String script : new String[] {"V001__base_schema.sql", "V003__languages.sql", "V004__added_sources.sql"}) {
                String text;
                try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/migration/sqlite/" + script)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                for (String sql : Migrations.statements(text)) {
                    s.executeUpdate(sql);
                }
                s.executeUpdate("INSERT INTO schema_version VALUES (" + Integer.parseInt(script.substring(1, 4))
                        + ", '" + script + "', 0)");
            }
        }
        try (Database db = Database.open(file)) {
            assertThat(db.schemaVersion()).isGreaterThan(BEFORE_STORIES);
            db.read(c -> {
                assertThat(Database.tableExists(c, "story_members")).as("stories, numbered above the baseline").isTrue();
                assertThat(Database.tableExists(c, "webhook_inbox")).isTrue();
                return null;
            });
        }
    }
}
