package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DenseChunksTest {
    @Test
    void theFirstChunkIsTheHeadlineWithTheOpening() {
        List<String> chunks = DenseChunks.of("Cocoa harvest falls", List.of("The harvest fell. Rains were heavy.",
                "Exporters are worried."), 1, 600);
        assertThat(chunks).containsExactly("Cocoa harvest falls. The harvest fell. Rains were heavy. Exporters are worried.");
    }

    @Test
    void laterChunksFollowAtSentenceBoundariesWithTheHeadline() {
        String s = "This sentence is exactly fifty characters long ok. ";
        List<String> chunks = DenseChunks.of("T", List.of(s.repeat(6).strip()), 3, 120);
        assertThat(chunks).hasSize(3).allMatch(c -> c.startsWith("T. ")).allMatch(c -> c.length() <= 120);
        assertThat(DenseChunks.of("T", List.of(s.repeat(6).strip()), 2, 120)).hasSize(2);
    }

    @Test
    void untitledOrEmptyArticles() {
        assertThat(DenseChunks.of("(untitled)", List.of("Only text."), 1, 600)).containsExactly("Only text.");
        assertThat(DenseChunks.of("Just a headline", List.of(), 1, 600)).containsExactly("Just a headline.");
        assertThat(DenseChunks.of("", List.of(), 1, 600)).isEmpty();
    }
}
