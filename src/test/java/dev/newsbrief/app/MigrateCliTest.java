package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreBackend;
import dev.newsbrief.store.Subscription;
import dev.newsbrief.store.SubscriptionStore;
import dev.newsbrief.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate --to postgresql}: every row copied and counted, the index rebuilt, the bot then runs on it. */
class MigrateCliTest {
    @TempDir
    Path dir;

    @Test
    void copiesASqliteStoreIntoPostgresAndTheAppThenAnswersFromIt() throws Exception {
        Path data = dir.resolve("data");
        Path cocoa = dir.resolve("cocoa.txt");
        Files.writeString(cocoa, "Ivory Coast cocoa harvest falls\n\nThe Ivory Coast cocoa harvest fell by a third "
                + "this season after heavy rains, exporters said on Tuesday.\n");
        assertThat(CliRun.of("ingest", "--data", data.toString(), cocoa.toString(),
                Path.of("src/test/resources/ingest/records.jsonl").toString()).exitCode()).isZero();
        long articles;
        try (Database sqlite = Database.open(data.resolve("newsbrief.db"))) {
            articles = new ArticleStore(sqlite).count();
            new ChatStore(sqlite).touch(7, "private", null);
            new ChatStore(sqlite).touch(-8, "group", "Desk");
            new SubscriptionStore(sqlite).add(7, "cocoa", "Cocoa");
            new SubscriptionStore(sqlite).add(-8, "oil", "Oil");
        }
        String url = TestPostgres.newDatabase();
        Path migrateConfig = dir.resolve("migrate.yaml");
        Files.writeString(migrateConfig, "store:\n  postgresql:\n    url: \"" + url + "\"\n    user: postgres\n");

        CliRun run = CliRun.of("migrate", "--to", "postgresql", "--data", data.toString(), "--config",
                migrateConfig.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("counts verified").contains("index rebuilt");

        try (Database pg = StoreBackend.openLocated(url)) {
            assertThat(new ArticleStore(pg).count()).isEqualTo(articles);
            assertThat(new SubscriptionStore(pg).forChat(-8)).extracting(Subscription::topic).containsExactly("oil");
            // identities moved past the copied ids: a new row gets a fresh one
            assertThat(new SubscriptionStore(pg).add(7, "gold", "Gold")).isTrue();
            assertThat(new SubscriptionStore(pg).count()).isEqualTo(3);
        }

        Path runConfig = dir.resolve("run.yaml");
        Files.writeString(runConfig, "store:\n  backend: postgresql\n  postgresql:\n    url: \"" + url
                + "\"\n    user: postgres\n");
        try (var index = dev.newsbrief.index.PassageIndex.openWritable(
                dev.newsbrief.index.PassageIndex.onDisk(data.resolve("index")), dev.newsbrief.index.PassageIndex.Options.DEFAULTS)) {
            assertThat(index.commitData(dev.newsbrief.index.IndexFollower.POSITION_KEY))
                    .as("the rebuilt index knows its change-log position, so no instance rebuilds it again").isPresent();
        }
        CliRun ask = CliRun.of("ask", "--data", data.toString(), "--config", runConfig.toString(), "cocoa harvest");
        assertThat(ask.out()).contains("Ivory Coast");

        CliRun again = CliRun.of("migrate", "--to", "postgresql", "--data", data.toString(), "--config",
                migrateConfig.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("not empty").doesNotContain("Exception");
    }
}
