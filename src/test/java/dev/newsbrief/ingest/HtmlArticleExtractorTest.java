package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlArticleExtractorTest {
    private final HtmlArticleExtractor html = new HtmlArticleExtractor();
    private final ArticleCleaner cleaner = new ArticleCleaner(CleaningRules.defaults());

    private static final String PAGE = "<html><head><title>Café</title></head><body><article><p>Le café de la gare "
            + "rouvre ses portes lundi, après trois mois de travaux, a annoncé la mairie. Le menu ne change pas.</p>"
            + "</article></body></html>";

    private static String page(String name) throws IOException {
        try (InputStream in = HtmlArticleExtractorTest.class.getClassLoader().getResourceAsStream("ingest/html/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ParsedArticle parsed(ParseOutcome outcome) {
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) outcome).article();
    }

    @Test
    void storedTextKeepsFractionsAndArabicPresentationFormsAsWritten() throws IOException {
        ParsedArticle a = html.extract(page("fidelity.html"), null).orElseThrow();
        String body = cleaner.clean(a).body();
        assertThat(body).contains("Beat ½ cup of butter with ¾ cup of sugar", "ﻻﻓﻴﻪ").doesNotContain("1⁄2");
    }

    @Test
    void metadataBecomesTheArticlesFieldsAndTags() throws IOException {
        ParsedArticle a = html.extract(page("metadata.html"), "https://tal.example/x").orElseThrow();
        assertThat(a.title()).isEqualTo("Neue Brücke eröffnet");
        assertThat(a.url()).isEqualTo("https://tal.example/lokales/neue-bruecke");
        assertThat(a.source()).isEqualTo("Tal Zeitung");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-04-02T08:15:00Z"));
        assertThat(a.tags()).containsEntry("author", "Eva Huber, Max Moser").containsEntry(ParsedArticle.DECLARED_LANGUAGE, "de-AT");
    }

    @Test
    void bytesAreDecodedByByteOrderMarkThenHeaderThenUtf8ThenMetaDeclaration() {
        byte[] utf16 = ("\uFEFF" + PAGE).getBytes(StandardCharsets.UTF_16LE);
        assertThat(parsed(html.extract(utf16, null, null, "bom")).body()).contains("Le café de la gare");

        byte[] latin1 = PAGE.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parsed(html.extract(latin1, "ISO-8859-1", null, "header")).body()).contains("Le café de la gare");

        byte[] utf8 = PAGE.replace("<head>", "<head><meta charset=\"iso-8859-1\">").getBytes(StandardCharsets.UTF_8);
        assertThat(parsed(html.extract(utf8, null, null, "valid utf-8 wins")).body()).contains("Le café de la gare");

        byte[] declared = PAGE.replace("<head>", "<head><meta http-equiv=\"Content-Type\" "
                + "content=\"text/html; charset=windows-1250\">").replace("café", "kawiarnia żółta")
                .getBytes(Charset.forName("windows-1250"));
        assertThat(parsed(html.extract(declared, null, null, "meta")).body()).contains("kawiarnia żółta");
    }

    @Test
    void bytesThatAreNotTextAreRejectedWithAReason() {
        byte[] bytes = new byte[4096];
        bytes[10] = 0;
        bytes[11] = 7;
        assertThat(html.extract(bytes, null, null, "x.html"))
                .isEqualTo(new ParseOutcome.Rejected("x.html", "binary content (not text)"));
        assertThat(html.extract(new byte[0], null, null, "y.html")).isEqualTo(new ParseOutcome.Rejected("y.html", "empty"));
    }
}
