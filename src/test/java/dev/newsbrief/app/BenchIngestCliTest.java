package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchIngestCliTest {
    @TempDir
    Path dir;

    @Test
    void warmsBothPipelinesOnTheWholeCorpusByDefaultAndReportsTheJitTimeOfEachRun() throws Exception {
        Path corpus = BenchFixture.corpus(dir, 30);
        CliRun run = CliRun.of("bench", "ingest", "--corpus", corpus.toString(),
                "--config", BenchFixture.bm25Config(dir));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warm-up: every record through both pipelines, untimed")
                .contains("JIT compilation in the timed runs:");
        JsonNode figures = BenchFixture.figures(run);
        assertThat(figures.get("articles").asInt()).isEqualTo(30);
        assertThat(figures.get("ratio_vs_plain_lucene").asDouble()).isPositive();
        assertThat(figures.get("cpu_ratio_vs_plain_lucene").asDouble()).isPositive();
        assertThat(figures.has("jit_ms_newsbrief")).isTrue();
        assertThat(figures.has("jit_ms_plain_lucene")).isTrue();
    }

    @Test
    void aWarmUpOfSomeRecordsOrNoneIsStillAvailable() throws Exception {
        Path corpus = BenchFixture.corpus(dir, 12);
        CliRun some = CliRun.of("bench", "ingest", "--corpus", corpus.toString(), "--warmup-records", "5",
                "--config", BenchFixture.bm25Config(dir));
        assertThat(some.exitCode()).as(some.err()).isZero();
        assertThat(some.out()).contains("warm-up: first 5 records through both pipelines, untimed");
        CliRun none = CliRun.of("bench", "ingest", "--corpus", corpus.toString(), "--warmup-records", "0",
                "--config", BenchFixture.bm25Config(dir));
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).doesNotContain("warm-up:");
    }
}
