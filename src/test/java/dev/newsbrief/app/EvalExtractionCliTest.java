package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EvalExtractionCliTest {
    @Test
    void evalExtractionRunsOnASetAndEndsWithItsFigures() throws Exception {
        Path set = Path.of(getClass().getClassLoader().getResource("bench/extraction-eval").toURI());
        CliRun run = CliRun.of("eval", "extraction", set.toString(), "--threads", "1", "--split", "ALL");
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).startsWith("{\"precision\":1.0000,\"recall\":0.5000,\"f1\":0.6667,"
                + "\"pages\":2,\"failed\":0,\"skipped\":1,");
    }

    @Test
    void aDirectoryThatIsNotASetGetsOneClearLine(@org.junit.jupiter.api.io.TempDir Path tmp) {
        CliRun run = CliRun.of("eval", "extraction", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("newsbrief:").contains("needs evaldata.json and pages/")
                .doesNotContain("Exception", "\tat ");
    }
}
