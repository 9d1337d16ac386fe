package dev.newsbrief.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/sources/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace("{{base}}", "http://h.test")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void rss2WithContentEncodedKeysItemsByGuid() throws IOException {
        ParsedFeed feed = parser.parse(resource("rss2-content.xml"), "application/rss+xml", "t");
        assertThat(feed.type()).isEqualTo("rss_2.0");
        assertThat(feed.items()).extracting(FeedItem::key)
                .containsExactly("gazette-1001", "gazette-1002", "gazette-1003");
        FeedItem first = feed.items().get(0);
        assertThat(first.hasContent()).isTrue();
        assertThat(HtmlText.of(first.content())).isEqualTo("The Port of Rotterdam opened its new automated container "
                + "terminal on Monday.\n\nThe terminal adds capacity for two million containers a year.");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-03-03T09:00:00Z"));
        assertThat(first.link()).isEqualTo("http://h.test/news/terminal");
    }

    @Test
    void atomAndRss1AreParsedWithTheirIds() throws IOException {
        ParsedFeed atom = parser.parse(resource("atom.xml"), null, "t");
        assertThat(atom.type()).isEqualTo("atom_1.0");
        assertThat(atom.items()).extracting(FeedItem::key).containsExactly(
                "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b");
        assertThat(atom.items().get(1).content()).contains("record number of modules");

        ParsedFeed rss1 = parser.parse(resource("rss1.xml"), null, "t");
        assertThat(rss1.type()).isEqualTo("rss_1.0");
        assertThat(rss1.items()).extracting(FeedItem::key)
                .containsExactly("http://h.test/rail/tunnel", "http://h.test/rail/strike");
        assertThat(rss1.items().get(0).publishedAt()).isEqualTo(Instant.parse("2025-03-07T12:00:00Z"));
    }

    @Test
    void keyFallsBackToLinkThenToHashOfTitleAndDate() {
        String xml = """
                <rss version="2.0"><channel><title>t</title><link>http://x</link><description>d</description>
                <item><title>Linked</title><link>http://x/linked</link></item>
                <item><title>Bare</title><pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate></item>
                <item><title>Bare</title><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate></item>
                </channel></rss>""";
        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, "t");
        assertThat(feed.items()).hasSize(3);
        assertThat(feed.items().get(0).key()).isEqualTo("http://x/linked");
        assertThat(feed.items().get(1).key()).startsWith("sha256:").isNotEqualTo(feed.items().get(2).key());
        ParsedFeed again = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, "t");
        assertThat(again.items().get(1).key()).isEqualTo(feed.items().get(1).key());
    }

    @Test
    void anItemRepeatedInOneDocumentIsKeptOnce() throws IOException {
        ParsedFeed feed = parser.parse(resource("repeat-1.xml"), null, "t");
        assertThat(feed.items()).extracting(FeedItem::key).containsExactly("echo-1", "echo-2");
    }

    @Test
    void malformedXmlIsRefusedWithTheOriginAndReason() throws IOException {
        byte[] bytes = resource("malformed.xml");
        assertThatThrownBy(() -> parser.parse(bytes, null, "http://h.test/bad"))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("http://h.test/bad: not a valid RSS or Atom feed (");
        assertThatThrownBy(() -> parser.parse(new byte[0], null, "empty.xml"))
                .hasMessage("empty.xml: empty document, not a feed");
        assertThatThrownBy(() -> parser.parse("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), null,
                "page")).isInstanceOf(SourceException.class).hasMessageContaining("page: not a valid RSS or Atom feed");
    }

    @Test
    void utf8BytesDeclaredAsLatin1AreReadAsUtf8() throws IOException {
        ParsedFeed feed = parser.parse(resource("wrong-charset.xml"), null, "t");
        assertThat(feed.items().get(0).title()).isEqualTo("Café prices soar in São Paulo");
        assertThat(feed.note()).isEqualTo("declared ISO-8859-1 but the bytes are UTF-8");
    }

    @Test
    void latin1FromTheXmlDeclarationIsHonoured() throws IOException {
        ParsedFeed feed = parser.parse(resource("latin1.xml"), null, "t");
        assertThat(feed.items().get(0).title()).isEqualTo("Notícias de São Paulo");
        assertThat(feed.note()).isNull();
    }

    @Test
    void httpHeaderCharsetWinsOverTheDeclarationAndWrongHeadersAreCorrected() throws IOException {
        byte[] latin1 = resource("latin1.xml");
        // header says windows-1252, declaration says ISO-8859-1: both decode these bytes the same
        assertThat(parser.parse(latin1, "text/xml; charset=windows-1252", "t").items().get(0).title())
                .isEqualTo("Notícias de São Paulo");
        // header claims UTF-8 but the bytes are Latin-1: read as windows-1252 rather than garbled
        ParsedFeed wrong = parser.parse(latin1, "application/rss+xml; charset=utf-8", "t");
        assertThat(wrong.items().get(0).title()).isEqualTo("Notícias de São Paulo");
        assertThat(wrong.note()).contains("declared UTF-8 but the bytes are not");
        String utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>http://x</link><description>d</description><item><title>Zürich</title><guid>z</guid>"
                + "</item></channel></rss>";
        byte[] bom = utf16.getBytes(StandardCharsets.UTF_16);
        assertThat(parser.parse(bom, null, "t").items().get(0).title()).isEqualTo("Zürich");
    }

    @Test
    void externalEntitiesAreNotResolved(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path secret = java.nio.file.Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><link>http://x</link><description>d</description>"
                + "<item><title>a &x; b</title><guid>g</guid></item></channel></rss>";
        try {
            ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, "t");
            assertThat(feed.items().get(0).title()).doesNotContain("TOP-SECRET");
        } catch (SourceException refused) {
            assertThat(refused).hasMessageContaining("not a valid RSS or Atom feed");
        }
    }
}
