package dev.newsbrief.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCorpusCheckTest {
    @TempDir
    Path dir;

    @Test
    void everyFileParsesOrIsRefusedWithAReason() throws Exception {
        for (String name : new String[] {"rss2-content.xml", "atom.xml", "rss1.xml", "malformed.xml", "latin1.xml"}) {
            try (var in = getClass().getResourceAsStream("/sources/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        Files.writeString(dir.resolve("empty-channel.rss"),
                "<rss version=\"2.0\"><channel><title>t</title><link>http://x</link><description>d</description>"
                        + "</channel></rss>");
        FeedCorpusCheck.Report report = new FeedCorpusCheck().check(dir);
        assertThat(report.files()).extracting(r -> r.file().getFileName().toString(), FeedCorpusCheck.FileResult::items)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("atom.xml", 2),
                        org.assertj.core.groups.Tuple.tuple("empty-channel.rss", 0),
                        org.assertj.core.groups.Tuple.tuple("latin1.xml", 1),
                        org.assertj.core.groups.Tuple.tuple("malformed.xml", 0),
                        org.assertj.core.groups.Tuple.tuple("rss1.xml", 2),
                        org.assertj.core.groups.Tuple.tuple("rss2-content.xml", 3));
        assertThat(report.files().get(1).refusal()).isEqualTo("a rss_2.0 feed with no items");
        assertThat(report.files().get(3).refusal()).startsWith("malformed.xml: not a valid RSS or Atom feed (");
        assertThat(report.summary()).isEqualTo("feeds: 6 files, 4 parsed into 8 items, 2 refused with a reason");
        assertThatThrownBy(() -> new FeedCorpusCheck().check(dir.resolve("none")))
                .hasMessageEndingWith("none: not a folder");
    }
}
