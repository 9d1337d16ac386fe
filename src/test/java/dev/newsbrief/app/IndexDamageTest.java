package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged index (a truncated file, a flipped byte) never needs deleting by hand: {@code reindex}
 * rebuilds it into a fresh directory whatever its state, and any writer opening it (the bot at
 * start-up, an ingest) moves it aside with one clear line and rebuilds it from the store.
 */
class IndexDamageTest {
    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    private void ingestSeeds() {
        CliRun run = CliRun.of("ingest", "--data", data().toString(), Path.of("seeds").toAbsolutePath().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** The largest file of the index: the one holding the segment's data. */
    private Path largestIndexFile() throws IOException {
        try (Stream<Path> files = Files.list(data().resolve("index"))) {
            return files.filter(p -> !p.getFileName().toString().startsWith("write.lock"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }

    private void truncate(Path file, int bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() - bytes);
        }
    }

    private void flipByteInTheMiddle(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x5A);
        }
    }

    @Test
    void reindexRebuildsATruncatedIndexIntoAFreshDirectory() throws IOException {
        ingestSeeds();
        truncate(largestIndexFile(), 100);
        CliRun reindex = CliRun.of("reindex", "--data", data().toString());
        assertThat(reindex.exitCode()).as(reindex.err()).isZero();
        assertThat(reindex.out()).startsWith("reindexed ");
        CliRun ask = CliRun.of("ask", "--data", data().toString(), "Shoigu");
        assertThat(ask.exitCode()).as(ask.err()).isZero();
        assertThat(ask.out()).contains("Shoigu");
        try (Stream<Path> left = Files.list(data())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("index."));
        }
    }

    @Test
    void aWriterMovesADamagedIndexAsideWithOneLineAndRebuildsIt() throws IOException {
        ingestSeeds();
        truncate(largestIndexFile(), 100);
        CliRun ask = CliRun.of("ask", "--data", data().toString(), "Shoigu");
        assertThat(ask.exitCode()).isEqualTo(1);
        assertThat(ask.err().strip()).startsWith("newsbrief: the index at ").contains("is damaged")
                .contains("newsbrief reindex").doesNotContain("\n");

        CliRun again = CliRun.of("ingest", "--data", data().toString(), Path.of("seeds").toAbsolutePath().toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err().lines().filter(l -> l.contains("is damaged"))).hasSize(1);
        try (Stream<Path> left = Files.list(data())) {
            assertThat(left.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("index.damaged-"));
        }
        CliRun answered = CliRun.of("ask", "--data", data().toString(), "Shoigu");
        assertThat(answered.exitCode()).as(answered.err()).isZero();
        assertThat(answered.out()).contains("Shoigu");
    }

    @Test
    void aFlippedByteFailsTheChecksumCheckOnOpenAndIsRebuilt() throws IOException {
        ingestSeeds();
        flipByteInTheMiddle(largestIndexFile());
        CliRun again = CliRun.of("ingest", "--data", data().toString(), Path.of("seeds").toAbsolutePath().toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("is damaged").containsIgnoringCase("checksum");
        CliRun answered = CliRun.of("ask", "--data", data().toString(), "Shoigu");
        assertThat(answered.exitCode()).as(answered.err()).isZero();
        assertThat(answered.out()).contains("Shoigu");
    }

    @Test
    void aReaderSaysTheIndexIsBehindTheStoreInsteadOfASilentNoResults() throws IOException {
        ingestSeeds();
        // the state while a rebuild runs (or an ingest has stored articles it has not indexed yet)
        try (Stream<Path> files = Files.walk(data().resolve("index"))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        CliRun ask = CliRun.of("ask", "--data", data().toString(), "Shoigu");
        assertThat(ask.exitCode()).as(ask.err()).isZero();
        assertThat(ask.out()).contains("The index is rebuilding: 0 of 1 articles are searchable so far");
        CliRun json = CliRun.of("ask", "--json", "--data", data().toString(), "Shoigu");
        assertThat(json.out()).contains("\"notice\":\"The index is rebuilding: 0 of 1 articles");
    }
}
