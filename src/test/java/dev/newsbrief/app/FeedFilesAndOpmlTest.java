package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local feed files are ingested like the same feed by URL; OPML lists add and export feed sources. */
class FeedFilesAndOpmlTest {
    @TempDir
    Path dir;

    private Path resource(String name, String as) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/sources/" + name)) {
            Path target = dir.resolve(as);
            Files.copy(in, target);
            return target;
        }
    }

    @Test
    void aFeedSavedAsAFileIsIngestedItemByItem() throws IOException {
        for (String name : new String[] {"feed.rss", "feed.atom", "feed.xml"}) {
            Path feed = resource(name.endsWith(".atom") ? "atom.xml" : "rss2-content.xml", name);
            CliRun run = CliRun.of("ingest", "--data", dir.resolve("d-" + name).toString(), feed.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("^added [1-9]\\d*, ");
        }
        Path broken = resource("malformed.xml", "broken.rss");
        CliRun bad = CliRun.of("ingest", "--data", dir.resolve("d-bad").toString(), broken.toString());
        assertThat(bad.exitCode()).as("nothing could be stored").isEqualTo(1);
        assertThat(bad.out()).contains("skipped 1").contains("broken.rss");
    }

    @Test
    void anOpmlListAddsItsFeedsAsSourcesAndExportsThemAgain() throws IOException {
        Path opml = Files.writeString(dir.resolve("subscriptions.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>My feeds</title></head>
                  <body>
                    <outline text="Grain desk" type="rss" xmlUrl="https://grain.example/feed.xml"/>
                    <outline text="Markets">
                      <outline text="Metals wire" title="Metals wire" type="rss" xmlUrl="https://metals.example/rss"/>
                    </outline>
                  </body>
                </opml>
                """);
        String data = dir.resolve("d").toString();
        CliRun add = CliRun.of("ingest", "--data", data, opml.toString());
        assertThat(add.exitCode()).as(add.out() + add.err()).isZero();
        assertThat(add.out()).contains("2 feeds added as sources, 0 already known");

        CliRun again = CliRun.of("ingest", "--data", data, opml.toString());
        assertThat(again.out()).contains("0 feeds added as sources, 2 already known");

        CliRun list = CliRun.of("sources", "--data", data);
        assertThat(list.out()).contains("grain-desk (feed").contains("https://grain.example/feed.xml")
                .contains("metals-wire (feed").contains("https://metals.example/rss");

        CliRun export = CliRun.of("sources", "export", "--opml", "--data", data);
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("<opml version=\"2.0\">")
                .contains("xmlUrl=\"https://grain.example/feed.xml\"").contains("xmlUrl=\"https://metals.example/rss\"");

        // what one reader exports, another (or this one, elsewhere) imports
        Path exported = Files.writeString(dir.resolve("exported.opml"), export.out());
        CliRun imported = CliRun.of("ingest", "--data", dir.resolve("other").toString(), exported.toString());
        assertThat(imported.out()).contains("2 feeds added as sources");
    }

    @Test
    void anOpmlFileWithAnEntityIsRefused() throws IOException {
        Path evil = Files.writeString(dir.resolve("evil.opml"), """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.example/rss"/></body></opml>
                """);
        CliRun run = CliRun.of("ingest", "--data", dir.resolve("d").toString(), evil.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("Could not add subscriptions: ").doesNotContain("root:");
    }
}
