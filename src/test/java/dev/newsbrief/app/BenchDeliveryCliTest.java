package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench delivery}: one instance on SQLite sends every alert within Telegram's limits and ends with JSON. */
class BenchDeliveryCliTest {
    @Test
    void oneInstanceSendsEveryAlertWithoutA429AndEndsWithJson() throws Exception {
        CliRun run = CliRun.of("bench", "delivery", "--instances", "1", "--chats", "45");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        JsonNode last = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(last.path("messages").asInt()).isEqualTo(45);
        assertThat(last.path("http_429").asInt()).isZero();
        assertThat(last.path("messages_per_second").asDouble()).isPositive().isLessThanOrEqualTo(31.0);
        assertThat(last.path("baseline").asText()).contains("30 msg/s");
    }

    @Test
    void twoInstancesSharingThePostgresBudgetSendEveryAlertWithoutA429(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("pg.yaml");
        Files.writeString(config, "store:\n  backend: postgresql\n  postgresql:\n    url: \""
                + TestPostgres.newDatabase() + "\"\n    user: postgres\n");
        CliRun run = CliRun.of("bench", "delivery", "--instances", "2", "--chats", "75", "--config", config.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        JsonNode last = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertThat(last.path("instances").asInt()).isEqualTo(2);
        assertThat(last.path("messages").asInt()).isEqualTo(75);
        assertThat(last.path("http_429").asInt()).as("the instances' units never add up to more than 30").isZero();
    }

    @Test
    void severalInstancesNeedPostgres() {
        CliRun run = CliRun.of("bench", "delivery", "--instances", "2", "--chats", "10");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("PostgreSQL").doesNotContain("Exception");
    }
}
