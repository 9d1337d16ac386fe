package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Benchmarks and evaluations build their data in a temporary directory of their own: they neither
 * offer nor accept {@code --data} (which they would silently ignore). The commands that work on the
 * operator's data take it.
 */
class DataOptionTest {
    @ParameterizedTest
    @CsvSource({"eval,questions", "eval,beir", "eval,languages", "bench,query", "bench,ingest", "bench,stories",
            "bench,feeds", "bench,delivery", "bench,ingest-memory"})
    void benchmarksAndEvaluationsNeitherOfferNorAcceptData(String group, String command) {
        CliRun help = CliRun.of(group, command, "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--config=FILE").doesNotContain("--data");

        CliRun run = CliRun.of(group, command, "--data", "somewhere");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("--data=");
    }

    @ParameterizedTest
    @CsvSource({"ask", "stats", "ingest", "reindex", "stories", "backup", "run"})
    void theCommandsOnTheOperatorsDataTakeIt(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--data=DIR");
    }
}
