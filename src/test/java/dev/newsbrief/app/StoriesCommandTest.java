package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `newsbrief stories`, `stats` and `ask` over stories, and membership through `reindex`, `backup` and `restore`. */
class StoriesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = "OPEC ministers agreed on Thursday to cut oil output by 1.2 million barrels "
            + "a day from January, the cartel said after a meeting in Vienna, sending crude prices up 4.5 percent as "
            + "traders bet on a tighter market through the winter months.\\n\\nSaudi Arabia will take the largest "
            + "share of the cut, about 486,000 barrels a day, officials said, while Iraq and the United Arab "
            + "Emirates agreed to smaller reductions.\\n\\nAnalysts said the deal would lift Brent towards 90 dollars "
            + "a barrel by March if the group sticks to its quotas.";
    private static final String REWRITE = STORY.substring(0, STORY.lastIndexOf("\\n\\n"))
            .replace("agreed on Thursday", "decided on Thursday").replace("sending crude prices up", "lifting crude")
            .replace("officials said", "delegates said") + "\\n\\nReporting by our energy desk.";

    @TempDir
    Path dir;

    private Path corpus() throws Exception {
        return Files.writeString(dir.resolve("news.jsonl"), String.join("\n",
                line("wire-1", "OPEC agrees to cut oil output", "Wire", "https://wire.example/1", "2025-03-20T08:00:00Z", STORY),
                line("paper-1", "Cartel to pump less oil from January", "Paper", "https://paper.example/1",
                        "2025-03-20T11:00:00Z", REWRITE),
                line("wire-2", "Gold steadies as dollar eases", "Wire", "https://wire.example/2", "2025-03-20T12:00:00Z",
                        "Gold held near 2,040 dollars an ounce on Thursday as the dollar eased against major "
                                + "currencies and investors waited for U.S. inflation data due next week, dealers in "
                                + "London said.")) + "\n");
    }

    private static String line(String id, String title, String source, String url, String published, String body) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"source\":\"" + source + "\",\"url\":\"" + url
                + "\",\"published\":\"" + published + "\",\"body\":\"" + body + "\"}";
    }

    private static JsonNode storyItem(String data) throws Exception {
        CliRun ask = CliRun.of("ask", "--json", "--data", data, "OPEC oil output cut");
        assertThat(ask.exitCode()).as(ask.err()).isZero();
        JsonNode items = JSON.readTree(ask.out()).get("items");
        JsonNode found = null;
        int storyItems = 0;
        for (JsonNode item : items) {
            String id = item.get("article_id").asText();
            if (id.equals("wire-1") || id.equals("paper-1")) {
                storyItems++;
                found = item;
            }
        }
        assertThat(storyItems).as("one item for the story: " + ask.out()).isEqualTo(1);
        return found;
    }

    @Test
    void storiesAreListedCountedAndSurviveReindexBackupAndRestore() throws Exception {
        String data = dir.resolve("data").toString();
        CliRun ingest = CliRun.of("ingest", "--data", data, corpus().toString());
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();

        CliRun stories = CliRun.of("stories", "--data", data, "--limit", "5");
        assertThat(stories.exitCode()).as(stories.err()).isZero();
        assertThat(stories.out()).contains("2 stories, 1 of them reported by more than one article")
                .containsPattern("2 articles\\s+OPEC agrees to cut oil output\\R\\s+Wire, Paper  \\[en\\]")
                .containsPattern("1 article\\s+Gold steadies as dollar eases");
        CliRun german = CliRun.of("stories", "--data", data, "--language", "de-DE");
        assertThat(german.exitCode()).as(german.err()).isZero();
        assertThat(german.out()).contains("2 stories, 1 of them reported by more than one article. None has an "
                + "article in German.");
        assertThat(JSON.readTree(CliRun.of("stories", "--json", "--language", "en", "--data", data).out())
                .get("listed").get(0).get("languages").toString()).isEqualTo("[\"en\"]");
        CliRun stats = CliRun.of("stats", "--data", data);
        assertThat(stats.out()).contains("Stories: 2 (1 reported by more than one article, 2 articles)")
                .contains("2 articles, 2 sources: OPEC agrees to cut oil output [en]");
        JsonNode item = storyItem(data);
        assertThat(item.get("also_reported_by").get(0).get("source").asText())
                .isEqualTo(item.get("article_id").asText().equals("wire-1") ? "Paper" : "Wire");

        assertThat(CliRun.of("reindex", "--data", data).exitCode()).isZero();
        assertThat(storyItem(data).get("also_reported_by")).hasSize(1);

        Path backup = dir.resolve("backup");
        assertThat(CliRun.of("backup", "--data", data, backup.toString()).exitCode()).isZero();
        String restored = dir.resolve("restored").toString();
        CliRun restore = CliRun.of("restore", "--data", restored, backup.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        JsonNode largest = JSON.readTree(CliRun.of("stories", "--json", "--largest", "--data", restored).out());
        assertThat(largest.get("listed")).singleElement().satisfies(s -> {
            assertThat(s.get("articles").asInt()).isEqualTo(2);
            assertThat(s.get("sources").toString()).isEqualTo("[\"Wire\",\"Paper\"]");
        });
        assertThat(storyItem(restored).get("also_reported_by")).hasSize(1);
    }

    @Test
    void anUnknownLanguageIsRefusedInOneLine() {
        CliRun run = CliRun.of("stories", "--data", dir.resolve("data").toString(), "--language", "klingon");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--language: not a language newsbrief detects: 'klingon'")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aBadLimitIsRefusedInOneLine() {
        CliRun run = CliRun.of("stories", "--data", dir.resolve("data").toString(), "--limit", "0");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--limit must be at least 1").doesNotContain("Exception", "\tat ");
    }
}
