package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchAlertsCliTest {
    @TempDir
    Path dir;

    private static String word(int n) {
        StringBuilder sb = new StringBuilder("q");
        for (int i = 0; i < 3; i++) {
            sb.append((char) ('a' + n % 26));
            n /= 26;
        }
        return sb.toString();
    }

    @Test
    void lastLineIsJsonWithTheFiguresAndBruteForceAgrees() throws Exception {
        Random random = new Random(3);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int a = 0; a < 200; a++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                body.append(word(random.nextInt(1500))).append(w % 10 == 9 ? ". " : " ");
            }
            lines.add(json.writeValueAsString(java.util.Map.of("id", "t" + a, "title", word(a) + " report",
                    "body", body.toString())));
        }
        Path corpus = dir.resolve("corpus.jsonl");
        Files.write(corpus, lines);

        CliRun run = CliRun.of("bench", "alerts", "--corpus", corpus.toString(), "--topics", "300",
                "--brute-force-articles", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] out = run.out().strip().split("\n");
        JsonNode figures = json.readTree(out[out.length - 1]);
        assertThat(figures.get("topics").asInt()).isEqualTo(300);
        assertThat(figures.get("brute_force_agrees").asBoolean()).isTrue();
        assertThat(figures.has("articles_per_s")).isTrue();
        assertThat(figures.has("brute_force_articles_per_s")).isTrue();
        assertThat(figures.has("speedup_vs_brute_force")).isTrue();
    }

    @Test
    void aMissingCorpusIsAOneLineError() {
        CliRun run = CliRun.of("bench", "alerts", "--corpus", dir.resolve("nope.jsonl").toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("does not exist").doesNotContain("Exception");
    }
}
