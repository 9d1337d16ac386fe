package dev.newsbrief.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.core.NewsbriefException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionEvaluationTest {
    static Path set() throws URISyntaxException {
        return Path.of(ExtractionEvaluationTest.class.getClassLoader().getResource("bench/extraction-eval").toURI());
    }

    @Test
    void scoresThePagesThroughTheIngestPathAndEndsWithOneJsonLine(@TempDir Path tmp) throws Exception {
        StringWriter out = new StringWriter();
        Path details = tmp.resolve("details.jsonl");
        int code = new ExtractionEvaluation(set(), ExtractionPages.Split.ALL, 2, details).run(new PrintWriter(out));

        assertThat(code).isZero();
        String[] lines = out.toString().strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        // harbour: 2 of 3 found, neither chrome snippet leaks; empty: skipped, its one snippet missed
        assertThat(json.get("precision").asDouble()).isEqualTo(1.0);
        assertThat(json.get("recall").asDouble()).isEqualTo(0.5);
        assertThat(json.get("f1").asDouble()).isEqualTo(0.6667);
        assertThat(json.get("pages").asInt()).isEqualTo(2);
        assertThat(json.get("failed").asInt()).isZero();
        assertThat(json.get("skipped").asInt()).isEqualTo(1);
        assertThat(json.has("pages_per_s")).isTrue();

        List<String> perPage = Files.readAllLines(details);
        assertThat(perPage).hasSize(2);
        JsonNode empty = new ObjectMapper().readTree(perPage.get(1));
        assertThat(empty.get("skipped").asText()).startsWith("no article content");
        assertThat(new ObjectMapper().readTree(perPage.get(0)).get("missed").get(0).asText())
                .isEqualTo("NOT IN THE PAGE");
    }

    @Test
    void theTwoHalvesSplitTheSet() throws Exception {
        List<ExtractionPages.Page> all = ExtractionPages.load(set(), ExtractionPages.Split.ALL);
        List<ExtractionPages.Page> a = ExtractionPages.load(set(), ExtractionPages.Split.A);
        List<ExtractionPages.Page> b = ExtractionPages.load(set(), ExtractionPages.Split.B);
        assertThat(all).hasSize(2);
        List<ExtractionPages.Page> both = new java.util.ArrayList<>(a);
        both.addAll(b);
        assertThat(both).containsExactlyInAnyOrderElementsOf(all);
        assertThat(a).allMatch(p -> !b.contains(p));
    }

    @Test
    void aDirectoryThatIsNotASetIsRefusedWithAReason(@TempDir Path tmp) {
        assertThatThrownBy(() -> ExtractionPages.load(tmp, ExtractionPages.Split.ALL))
                .isInstanceOf(NewsbriefException.class).hasMessageContaining("needs evaldata.json and pages/");
    }
}
