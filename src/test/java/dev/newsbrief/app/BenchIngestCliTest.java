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

class BenchIngestCliTest {
    @TempDir
    Path dir;

    /** Dense retrieval off: its extra run embeds with the model, which is not what these tests are about. */
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
                    + "Its chairman said sales of unit " + (a * 7) + " rose by " + (a % 13) + " percent in the period. "
                    + "Analysts in city " + (a % 5) + " had expected a smaller rise in revenue.";
            lines.add(json.writeValueAsString(Map.of("id", "b" + a, "title", "Company " + a + " results",
                    "body", body, "source", "wire" + (a % 3))));
        }
        Path corpus = dir.resolve("corpus.jsonl");
        Files.write(corpus, lines);
        return corpus;
    }

    @Test
    void warmsBothPipelinesOnTheWholeCorpusByDefaultAndReportsTheJitTimeOfEachRun() throws Exception {
        Path corpus = corpus(30);
        CliRun run = CliRun.of("bench", "ingest", "--corpus", corpus.toString(), "--config", config());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warm-up: every record through both pipelines, untimed")
                .contains("JIT compilation in the timed runs:");
        String[] out = run.out().strip().split("\n");
        JsonNode figures = new ObjectMapper().readTree(out[out.length - 1]);
        assertThat(figures.get("articles").asInt()).isEqualTo(30);
        assertThat(figures.get("ratio_vs_plain_lucene").asDouble()).isPositive();
        assertThat(figures.get("cpu_ratio_vs_plain_lucene").asDouble()).isPositive();
        assertThat(figures.has("jit_ms_newsbrief")).isTrue();
        assertThat(figures.has("jit_ms_plain_lucene")).isTrue();
    }

    @Test
    void aWarmUpOfSomeRecordsOrNoneIsStillAvailable() throws Exception {
        Path corpus = corpus(12);
        CliRun some = CliRun.of("bench", "ingest", "--corpus", corpus.toString(), "--warmup-records", "5",
                "--config", config());
        assertThat(some.exitCode()).as(some.err()).isZero();
        assertThat(some.out()).contains("warm-up: first 5 records through both pipelines, untimed");
        CliRun none = CliRun.of("bench", "ingest", "--corpus", corpus.toString(), "--warmup-records", "0",
                "--config", config());
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).doesNotContain("warm-up:");
    }
}
