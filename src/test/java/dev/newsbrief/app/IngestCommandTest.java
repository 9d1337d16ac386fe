package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    @TempDir
    Path dir;

    @Test
    void anIngestInWhichEveryInputWasSkippedExitsNonZero() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{not json\n{\"title\":\"no body\"}\n[1,2]\n");
        CliRun run = CliRun.of("ingest", "--data", dir.resolve("d").toString(), bad.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("added 0, updated 0, unchanged 0, duplicates 0, skipped 3");

        CliRun missing = CliRun.of("ingest", "--data", dir.resolve("d").toString(), dir.resolve("nope.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("no such file or directory");
    }

    @Test
    void manyBadLinesAreSummarisedInsteadOfOneWarningEach() throws Exception {
        StringBuilder sb = new StringBuilder("{\"id\":\"ok\",\"title\":\"Wheat\",\"body\":\"Farmers reported a record "
                + "wheat harvest this year.\"}\n");
        for (int i = 0; i < 5000; i++) {
            sb.append("{broken line ").append(i).append('\n');
        }
        Path mixed = Files.writeString(dir.resolve("mixed.jsonl"), sb.toString());
        CliRun run = CliRun.of("ingest", "--data", dir.resolve("d").toString(), mixed.toString());
        assertThat(run.exitCode()).as("one article went in").isZero();
        assertThat(run.out()).contains("added 1, updated 0, unchanged 0, duplicates 0, skipped 5000")
                .contains("... and 4980 more skipped");
        assertThat(run.err().lines().count()).as(run.err()).isLessThan(40);
        assertThat(run.err()).contains("and 4,980 more skipped");
    }
}
