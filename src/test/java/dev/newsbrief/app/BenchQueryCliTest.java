package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchQueryCliTest {
    @TempDir
    Path dir;

    /** Dense retrieval off: with it on the model would embed the corpus, which is not what these tests are about. */
    private String config() throws Exception {
        Path config = dir.resolve("bm25.yaml");
        Files.writeString(config, "retrieval:\n  dense: false\n");
        return config.toString();
    }

    private Path corpus(int articles) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            String body = "The board of company number " + a + " met on Monday to discuss the quarterly results. "
                    + "Its chairman said sales of unit " + (a * 7) + " rose by " + (a % 13) + " percent in the period.";
            lines.add(json.writeValueAsString(Map.of("id", "q" + a, "title", "Company " + a + " quarterly results "
                    + "beat forecasts", "body", body, "source", "wire" + (a % 3))));
        }
        Path corpus = dir.resolve("corpus.jsonl");
        Files.write(corpus, lines);
        return corpus;
    }

    @Test
    void reportsTheWarmUpPassesAndTheJitTimeOfTheTimedPass() throws Exception {
        CliRun run = CliRun.of("bench", "query", "--corpus", corpus(20).toString(), "--queries", "12",
                "--warmup-passes", "2", "--config", config());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("JIT compilation during the timed pass (after 2 warm-up passes):");
        String[] out = run.out().strip().split("\n");
        JsonNode figures = new ObjectMapper().readTree(out[out.length - 1]);
        assertThat(figures.get("warmup_passes").asInt()).isEqualTo(2);
        assertThat(figures.get("jit_ms_timed").asLong()).isNotNegative();
        assertThat(figures.get("ratio_p50_vs_plain_lucene").asDouble()).isPositive();
        assertThat(figures.get("dense").asBoolean()).isFalse();
        assertThat(figures.get("index").asText()).isEqualTo("memory");
    }

    @Test
    void theIndexCanBeKeptOnDiskAsTheBotKeepsIt() throws Exception {
        CliRun run = CliRun.of("bench", "query", "--corpus", corpus(8).toString(), "--queries", "5",
                "--on-disk-index", "--config", config());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("passage index on disk in the data directory");
        String[] out = run.out().strip().split("\n");
        assertThat(new ObjectMapper().readTree(out[out.length - 1]).get("index").asText()).isEqualTo("disk");
    }

    @Test
    void oneWarmUpPassByDefaultAndNoneIsRefusedWithAClearMessage() throws Exception {
        Path corpus = corpus(8);
        CliRun run = CliRun.of("bench", "query", "--corpus", corpus.toString(), "--queries", "5", "--config", config());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(after 1 warm-up pass):");
        CliRun none = CliRun.of("bench", "query", "--corpus", corpus.toString(), "--warmup-passes", "0",
                "--config", config());
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("--warmup-passes and --queries must be at least 1").doesNotContain("Exception");
    }
}
