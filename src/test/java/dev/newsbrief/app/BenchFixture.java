package dev.newsbrief.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the benchmark CLI tests share: a BM25-only config, a small corpus, the figures line. */
final class BenchFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchFixture() {
    }

    /** A config with dense retrieval off: with it on, the model would embed the corpus, not what these tests test. */
    static String bm25Config(Path dir) throws IOException {
        Path config = dir.resolve("bm25.yaml");
        Files.writeString(config, "retrieval:\n  dense: false\n");
        return config.toString();
    }

    /** A JSONL corpus of {@code articles} company-results articles in {@code dir}. */
    static Path corpus(Path dir, int articles) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int a = 0; a < articles; a++) {
            String body = "The board of company number " + a + " met on Monday to discuss the quarterly results. "
                    + "Its chairman said sales of unit " + (a * 7) + " rose by " + (a % 13) + " percent in the period. "
                    + "Analysts in city " + (a % 5) + " had expected a smaller rise in revenue.";
            lines.add(JSON.writeValueAsString(Map.of("id", "b" + a, "title", "Company " + a + " results",
                    "body", body, "source", "wire" + (a % 3))));
        }
        Path corpus = dir.resolve("corpus.jsonl");
        Files.write(corpus, lines);
        return corpus;
    }

    /** The JSON object a benchmark prints as its last line. */
    static JsonNode figures(CliRun run) throws IOException {
        String[] out = run.out().strip().split("\n");
        return JSON.readTree(out[out.length - 1]);
    }
}
