package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.sources.FeedStateStore;
import dev.newsbrief.sources.Validators;
import dev.newsbrief.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesCliTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsEachSourceWithItsHealth() throws Exception {
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, """
                sources:
                  feeds:
                    - {name: gazette, url: "http://127.0.0.1:9/rss"}
                    - {name: grain, url: "http://127.0.0.1:9/grain", interval: 30m}
                  folders:
                    - {name: inbox, path: /tmp/inbox}
                """);
        Path data = dir.resolve("data");
        Instant t = Instant.parse("2025-03-10T08:00:00Z");
        try (Database db = Database.open(data.resolve("newsbrief.db"))) {
            FeedStateStore store = new FeedStateStore(db);
            store.recordSuccess("gazette", "http://127.0.0.1:9/rss", Validators.NONE, t, t.plusSeconds(600));
            store.remember("gazette", "g-1", null, t);
            store.recordFailure("gazette", "http://127.0.0.1:9/rss", "http://127.0.0.1:9/rss: HTTP 500", t.plusSeconds(600),
                    n -> Duration.ofMinutes(20));
        }
        String out = run("sources", "--data", data.toString(), "--config", config.toString());
        assertThat(out).isEqualTo("""
                gazette (feed, failing) http://127.0.0.1:9/rss
                  last success 2025-03-10T08:00:00Z, items seen 1, next poll 2025-03-10T08:30:00Z
                  last error 2025-03-10T08:10:00Z: http://127.0.0.1:9/rss: HTTP 500 (1 failed polls in a row)
                grain (feed, new) http://127.0.0.1:9/grain
                  last success never, items seen 0, next poll at start-up
                inbox (folder, new) /tmp/inbox
                  last success never, items seen 0, next poll at start-up
                3 sources, 1 failing, 1 items seen
                """);
        String withoutData = run("sources", "--data", dir.resolve("empty").toString(), "--config", config.toString());
        assertThat(withoutData).endsWith("3 sources, 0 failing, 0 items seen\n");
        assertThat(dir.resolve("empty")).doesNotExist();
    }

    @Test
    void checkFeedsEndsWithAOneLineSummary() throws Exception {
        Path feeds = Files.createDirectories(dir.resolve("feeds"));
        try (var in = getClass().getResourceAsStream("/sources/atom.xml")) {
            Files.write(feeds.resolve("atom.xml"), in.readAllBytes());
        }
        Files.writeString(feeds.resolve("LICENSE"), "MIT License");
        String out = run("check", "feeds", feeds.toString());
        assertThat(out.lines().toList()).containsExactly(
                "refused  LICENSE: not a valid RSS or Atom feed (Invalid XML: Error on line 1: Content is not allowed in prolog.)",
                "ok       atom.xml: atom_1.0, 2 items",
                "feeds: 2 files, 1 parsed into 2 items, 1 refused with a reason");
    }

    @Test
    void benchFeedsPollsTwiceAndEndsWithJson() throws Exception {
        Path feeds = Files.createDirectories(dir.resolve("bench"));
        for (String name : new String[] {"rss2-content.xml", "atom.xml"}) {
            try (var in = getClass().getResourceAsStream("/sources/" + name)) {
                Files.write(feeds.resolve(name), in.readAllBytes());
            }
        }
        String out = run("bench", "feeds", "--dir", feeds.toString());
        String last = out.lines().reduce((a, b) -> b).orElseThrow();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(last);
        assertThat(json.get("feeds").asInt()).isEqualTo(2);
        assertThat(json.get("items").asInt()).isEqualTo(5);
        assertThat(json.get("ingested").asInt()).isEqualTo(5);
        assertThat(json.get("repoll_not_modified").asInt()).isEqualTo(2);
    }
}
