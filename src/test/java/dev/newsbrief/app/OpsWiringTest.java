package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.config.Config;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.DataDirectory;
import dev.newsbrief.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `run` gets from ops: a listener reporting store, index and polling health, and ingest counts in /metrics. */
class OpsWiringTest {
    @TempDir
    Path dir;

    @Test
    void healthAndMetricsFollowTheWiredComponents() throws Exception {
        DataDirectory data = DataDirectory.at(dir);
        Config config = Config.defaults().with("ops.http.port", 0);
        Path file = Files.writeString(dir.resolve("a.txt"), "Wheat harvest grows\n\nFarmers in the plains reported "
                + "a record wheat harvest this year, lifting exports and lowering prices across the region.");
        try (Database db = Database.open(data.database());
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(data.index()),
                        PassageIndex.Options.DEFAULTS);
                OpsWiring ops = OpsWiring.start(config, data, db, index, Clock.systemUTC())) {
            Ingester ingester = new Ingester(new ArticleStore(db), index, Ingester.Options.DEFAULTS, Clock.systemUTC());
            OpsWiring.countIngested(ops.registry(), ingester);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + ops.port();
            HttpResponse<String> starting = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.body()).contains("telegram: not polling yet (starting up)");

            ingester.ingest(List.of(file), dev.newsbrief.ingest.IngestProgress.NONE);
            index.commit();
            ops.watchPolling(() -> Instant.now().minusSeconds(600));

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).containsPattern("telegram: no successful poll for (59\\d|60\\d)s \\(limit 180s\\)").contains("passages searchable");

            ops.watchPolling(Instant::now);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("newsbrief_articles_ingested_total{source=\"unknown\"} 1.0")
                    .contains("newsbrief_articles_stored{source=\"unknown\"} 1.0");
            assertThat(ops.statsReport().get()).contains("Articles: 1").contains("Passages: 1");
        }
    }
}
