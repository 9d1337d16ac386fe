package dev.newsbrief.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.core.NewsbriefException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The parts of the memory benchmark that read figures: heap sizes and the /metrics text. */
class MemoryBenchmarkTest {
    private static final Pattern HEAP = Pattern.compile(
            "^jvm_memory_used_bytes\\{area=\"heap\",[^}]*} (\\S+)$", Pattern.MULTILINE);

    @Test
    void heapLimitsParseLikeTheJvmFlag() {
        assertThat(MemoryBenchmark.parseSize("256m")).isEqualTo(256.0 * 1024 * 1024);
        assertThat(MemoryBenchmark.parseSize("1g")).isEqualTo(1024.0 * 1024 * 1024);
        assertThat(MemoryBenchmark.parseSize("512k")).isEqualTo(512.0 * 1024);
    }

    @Test
    void heapInUseIsTheSumOverHeapPoolsOnly() {
        String metrics = """
                # HELP jvm_memory_used_bytes The amount of used memory
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1048576.0
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2097152.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
                """;
        assertThat(MemoryBenchmark.sum(HEAP, metrics)).isEqualTo(3_145_728.0);
        assertThatThrownBy(() -> MemoryBenchmark.sum(HEAP, "up 1\n")).isInstanceOf(NewsbriefException.class);
    }
}
