package dev.newsbrief.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceDefinitionsTest {
    @TempDir
    Path dir;

    private Config load(String yaml) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, yaml);
        return Config.load(List.of(file), Map.of());
    }

    @Test
    void readsFeedsFoldersAndPagesWithDefaults() throws Exception {
        Config config = load("""
                sources:
                  feeds:
                    - {name: gazette, url: "https://example.org/rss"}
                    - name: grain
                      url: http://example.com/feed
                      interval: 30m
                      include: [wheat, corn]
                      exclude: futures
                  folders:
                    - {name: inbox, path: /tmp/inbox}
                  pages:
                    - {name: about, url: "https://example.org/about"}
                """);
        List<Source> sources = SourceDefinitions.from(config.settings().sources());
        assertThat(sources).containsExactly(
                new FeedSource("gazette", "https://example.org/rss", Duration.ofMinutes(10), List.of(), List.of()),
                new FeedSource("grain", "http://example.com/feed", Duration.ofMinutes(30), List.of("wheat", "corn"),
                        List.of("futures")),
                new FolderSource("inbox", Path.of("/tmp/inbox"), Duration.ofMinutes(1)),
                new PageSource("about", "https://example.org/about", Duration.ofDays(1)));
        assertThat(SourceDefinitions.from(Config.defaults().settings().sources())).isEmpty();
    }

    @Test
    void badItemsAreErrorsNamingTheSource() throws Exception {
        assertThatThrownBy(() -> SourceDefinitions.from(load("sources:\n  feeds:\n    - {name: x, url: ftp://a/b}\n").settings().sources()))
                .hasMessage("sources.feeds[0] (x): 'ftp://a/b' is not an http(s) URL");
        assertThatThrownBy(() -> SourceDefinitions.from(load("sources:\n  feeds:\n    - {url: http://a/b}\n").settings().sources()))
                .hasMessage("sources.feeds[0]: 'name' is required");
        assertThatThrownBy(() -> SourceDefinitions.from(load(
                "sources:\n  feeds:\n    - {name: x, url: http://a/b, interval: often}\n").settings().sources()))
                .hasMessage("sources.feeds[0] (x): interval 'often' is not a duration such as 30s, 10m or 6h");
        assertThatThrownBy(() -> SourceDefinitions.from(load(
                "sources:\n  feeds:\n    - {name: x, url: http://a/b, intervall: 5m}\n").settings().sources()))
                .hasMessageStartingWith("sources.feeds[0] (x): unknown key 'intervall'");
        assertThatThrownBy(() -> SourceDefinitions.from(load(
                "sources:\n  feeds:\n    - {name: x, url: http://a/b}\n  pages:\n    - {name: x, url: http://a/c}\n").settings().sources()))
                .hasMessage("sources.pages[0] (x): the name 'x' is used by another source");
        assertThatThrownBy(() -> SourceDefinitions.from(load("sources:\n  feeds:\n    - http://a/b\n").settings().sources()))
                .hasMessageStartingWith("sources.feeds[0] must be a mapping");
    }

    @Test
    void keywordsMatchWholeWordsInAnyCase() {
        FeedSource feed = new FeedSource("f", "http://a", Duration.ofMinutes(1), List.of("wheat"), List.of("futures"));
        assertThat(feed.accepts("WHEAT harvest")).isTrue();
        assertThat(feed.accepts("buckwheat harvest")).isFalse();
        assertThat(feed.accepts("wheat futures")).isFalse();
        assertThat(new FeedSource("f", "http://a", Duration.ofMinutes(1), List.of(), List.of()).accepts("x")).isTrue();
    }
}
