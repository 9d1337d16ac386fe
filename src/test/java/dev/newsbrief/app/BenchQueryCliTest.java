package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchQueryCliTest {
    @TempDir
    Path dir;

    @Test
    void reportsTheWarmUpPassesAndTheJitTimeOfTheTimedPass() throws Exception {
        CliRun run = CliRun.of("bench", "query", "--corpus", BenchFixture.corpus(dir, 20).toString(),
                "--queries", "12", "--warmup-passes", "2", "--config", BenchFixture.bm25Config(dir));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("JIT compilation during the timed pass (after 2 warm-up passes):");
        JsonNode figures = BenchFixture.figures(run);
        assertThat(figures.get("warmup_passes").asInt()).isEqualTo(2);
        assertThat(figures.get("jit_ms_timed").asLong()).isNotNegative();
        assertThat(figures.get("ratio_p50_vs_plain_lucene").asDouble()).isPositive();
        assertThat(figures.get("dense").asBoolean()).isFalse();
        assertThat(figures.get("index").asText()).isEqualTo("memory");
    }

    @Test
    void theIndexCanBeKeptOnDiskAsTheBotKeepsIt() throws Exception {
        CliRun run = CliRun.of("bench", "query", "--corpus", BenchFixture.corpus(dir, 8).toString(),
                "--queries", "5", "--on-disk-index", "--config", BenchFixture.bm25Config(dir));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("passage index on disk in the data directory");
        assertThat(BenchFixture.figures(run).get("index").asText()).isEqualTo("disk");
    }

    @Test
    void oneWarmUpPassByDefaultAndNoneIsRefusedWithAClearMessage() throws Exception {
        Path corpus = BenchFixture.corpus(dir, 8);
        CliRun run = CliRun.of("bench", "query", "--corpus", corpus.toString(), "--queries", "5",
                "--config", BenchFixture.bm25Config(dir));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("(after 1 warm-up pass):");
        CliRun none = CliRun.of("bench", "query", "--corpus", corpus.toString(), "--warmup-passes", "0",
                "--config", BenchFixture.bm25Config(dir));
        assertThat(none.exitCode()).isNotZero();
        assertThat(none.err()).contains("--warmup-passes and --queries must be at least 1").doesNotContain("Exception");
    }
}
