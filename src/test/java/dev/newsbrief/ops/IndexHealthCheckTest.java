package dev.newsbrief.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.index.FullDisk;
import dev.newsbrief.index.IndexException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.Article;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class IndexHealthCheckTest {
    @Test
    void anIndexWriterStoppedByAFullDiskMakesTheBotUnhealthyWithTheCause() {
        try (PassageIndex index = PassageIndex.openWritable(() -> new FullDisk(new ByteBuffersDirectory(), 4_000, null),
                PassageIndex.Options.DEFAULTS)) {
            IndexHealthCheck check = new IndexHealthCheck(index);
            assertThat(check.check().healthy()).isTrue();
            Instant now = Instant.parse("2025-01-01T00:00:00Z");
            for (int i = 0; i < 20; i++) {
                index.index(new Article("a" + i, null, "Title " + i, null, null, now, now,
                        ("Body text of article " + i + ". ").repeat(40), "h" + i, null, Map.of()));
            }
            assertThatThrownBy(index::commit).isInstanceOf(IndexException.class)
                    .hasMessageStartingWith("disk full while writing the index at ");
            HealthCheck.Result result = check.check();
            assertThat(result.healthy()).isFalse();
            assertThat(result.detail()).startsWith("disk full while writing the index at ")
                    .contains("No space left on device");
        }
    }
}
