package dev.newsbrief.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each migration folder's index lists exactly its scripts, and Flyway applies them from it. */
class MigrationScriptsTest {
    @TempDir
    Path dir;

    /** Every folder under db/ (main and test resources) that holds scripts, and the scripts in it. */
    private static List<Path> scriptFolders() throws Exception {
        List<Path> out = new ArrayList<>();
        for (URL root : Collections.list(MigrationScriptsTest.class.getClassLoader().getResources("db"))) {
            try (Stream<Path> walk = Files.walk(Path.of(root.toURI()))) {
                walk.filter(Files::isDirectory).filter(d -> !scriptsIn(d).isEmpty()).forEach(out::add);
            }
        }
        return out;
    }

    private static Set<String> scriptsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            Set<String> out = new HashSet<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("V") && n.endsWith(".sql"))
                    .forEach(out::add);
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classpath name of a folder found under a "db" root. */
    private static String classpathName(Path folder) {
        Path p = folder;
        List<String> parts = new ArrayList<>();
        while (!p.getFileName().toString().equals("db")) {
            parts.add(0, p.getFileName().toString());
            p = p.getParent();
        }
        parts.add(0, "db");
        return String.join("/", parts);
    }

    @Test
    void everyFolderOfScriptsHasAnIndexListingExactlyItsScripts() throws Exception {
        List<Path> folders = scriptFolders();
        assertThat(folders).extracting(MigrationScriptsTest::classpathName)
                .contains("db/migration/sqlite", "db/migration/postgresql", "db/migration-test/sqlite");
        for (Path folder : folders) {
            assertThat(folder.resolve(MigrationScripts.INDEX)).as("index of " + folder).exists();
            List<String> listed = MigrationScripts.in(classpathName(folder)).names();
            assertThat(listed).as("%s lists each script once, and every script in the folder (add new "
                    + "scripts to its %s)", folder, MigrationScripts.INDEX)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(scriptsIn(folder));
        }
    }

    @Test
    void bothDialectsNumberTheirScriptsAlike() {
        assertThat(MigrationScripts.in("db/migration/sqlite").versions())
                .isEqualTo(MigrationScripts.in("db/migration/postgresql").versions());
    }

    @Test
    void theResourceProviderGivesFlywayTheListedScriptsByPrefixAndSuffix() {
        var provider = MigrationScripts.in("db/migration-test/sqlite").resourceProvider();
        assertThat(provider.getResources("V", new String[] {".sql"})).extracting(LoadableResource::getFilename)
                .containsExactlyInAnyOrder("V001__one.sql", "V002__two.sql", "V003__three.sql", "V004__four.sql");
        assertThat(provider.getResources("R", new String[] {".sql"})).isEmpty();
        assertThat(provider.getResources("V", new String[] {".java"})).isEmpty();
        assertThat(provider.getResource("V002__two.sql")).isNotNull();
        assertThat(provider.getResource("V009__none.sql")).isNull();
        assertThat(provider.getResource("V002__two.sql").read()).isNotNull();
    }

    @Test
    void aNewStoreGetsEveryListedScriptThroughFlyway() throws Exception {
        Set<Integer> listed = MigrationScripts.in("db/migration/sqlite").versions();
        try (Database db = Database.open(dir.resolve("new.db"))) {
            Set<Integer> applied = db.read(c -> {
                Set<Integer> out = new HashSet<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT version FROM " + Migrations.HISTORY + " WHERE success")) {
                    while (rs.next()) {
                        out.add(Integer.parseInt(rs.getString(1)));
                    }
                }
                return out;
            });
            assertThat(applied).isEqualTo(listed);
        }
    }

    @Test
    void aMalformedIndexLineIsAClearError() {
        assertThatThrownBy(() -> MigrationScripts.in("db/migration-test-bad/sqlite"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("db/migration-test-bad/sqlite/" + MigrationScripts.INDEX)
                .hasMessageContaining("two.sql");
        assertThatThrownBy(() -> MigrationScripts.in("db/no-such-folder"))
                .isInstanceOf(StoreException.class).hasMessageContaining("db/no-such-folder/" + MigrationScripts.INDEX);
    }
}
