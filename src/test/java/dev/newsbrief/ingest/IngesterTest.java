package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.stories.Membership;
import dev.newsbrief.stories.StoryClusterer;
import dev.newsbrief.stories.StoryOptions;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.stories.StoryText;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngesterTest {
    @TempDir
    Path tmp;

    private Database db;
    private PassageIndex index;
    private ArticleStore store;
    private Ingester ingester;

    @BeforeEach
    void open() {
        db = Database.open(tmp.resolve("newsbrief.db"));
        index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS);
        store = new ArticleStore(db);
        ingester = newIngester(Ingester.Options.DEFAULTS);
    }

    private Ingester newIngester(Ingester.Options options) {
        return new Ingester(store, index, options, Clock.fixed(Instant.parse("2025-03-22T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        index.close();
        db.close();
    }

    private Path copy(String resource, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ingest/" + resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private long hits(String term) {
        return index.withSearcher(s -> (long) s.count(new TermQuery(new Term(PassageFields.TEXT, term))));
    }

    private long passagesOf(String articleId) {
        return index.withSearcher(s -> (long) s.count(new TermQuery(new Term(PassageFields.ARTICLE_ID, articleId))));
    }

    @Test
    void ingestsEveryFormatFromADirectoryAndReportsBadInputWhileTheRestGoesIn() throws IOException {
        Path in = tmp.resolve("in");
        for (String r : List.of("seed-kim.txt", "article.html", "jsonld.html", "time-tag.html", "no-content.html",
                "with-header.md", "records.jsonl", "one.json", "latin1.txt", "binary.txt", "empty.txt")) {
            copy(r, r.endsWith(".html") ? in.resolve("pages") : in);
        }
        Files.writeString(in.resolve("notes.pdf"), "not an article");

        IngestReport report = ingester.ingest(List.of(in), IngestProgress.NONE);

        // seed, 3 html, md, 3 jsonl records, json, latin1
        assertThat(report.added()).isEqualTo(10);
        assertThat(report.skipped()).extracting(s -> s.origin().replace(in.toString(), "") + " -> " + s.reason())
                .containsExactlyInAnyOrder(
                        "/binary.txt -> binary content (not text)",
                        "/empty.txt -> empty",
                        "/notes.pdf -> unsupported file type .pdf (expected .txt, .md, .html, .htm, .json or .jsonl)",
                        "/pages/no-content.html -> no article content: largest text block 10 characters",
                        "/records.jsonl:3 -> malformed JSON line: Unexpected end-of-input: was expecting closing quote "
                                + "for a string value",
                        "/records.jsonl:4 -> JSON record has no body (expected body, text or content)");
        assertThat(report.notes()).singleElement().asString().contains("latin1.txt").contains("windows-1252");
        assertThat(report.summary(20)).startsWith("added 10, updated 0, unchanged 0, duplicates 0, skipped 6")
                .contains("records.jsonl:3");

        Article seed = store.find("sha256:" + store.latest(100).stream()
                .filter(a -> a.title().startsWith("Kim Jong Un")).findFirst().orElseThrow().contentHash()
                .substring(0, 32)).orElseThrow();
        assertThat(seed.body().split("\n\n")).hasSize(5);
        Article latin = store.latest(100).stream().filter(a -> a.title().startsWith("Café")).findFirst().orElseThrow();
        assertThat(latin.body()).contains("Zürich", "naïve");
        assertThat(store.find("r-1").orElseThrow().tags()).containsEntry("places", "el-salvador, usa");
        assertThat(store.find("https://grain.example/shipments").orElseThrow().title()).isEqualTo("Grain shipments");
        assertThat(store.find("https://rail.example/fares-2025").orElseThrow().body())
                .isEqualTo("Fares on regional lines will rise by 5 percent from February, the operator said on "
                        + "Thursday, citing higher energy costs.");
        assertThat(hits("rotterdam")).isPositive();
        assertThat(hits("cocoa")).isPositive();
    }

    @Test
    void reingestingIsIdempotentAndChangedContentUpdatesInPlace() throws IOException {
        Path file = copy("records.jsonl", tmp.resolve("in"));
        IngestReport first = ingester.ingest(List.of(file), IngestProgress.NONE);
        assertThat(first.added()).isEqualTo(3);
        int passages = index.passageCount();

        IngestReport second = newIngester(Ingester.Options.DEFAULTS).ingest(List.of(file), IngestProgress.NONE);
        assertThat(second.added()).isZero();
        assertThat(second.unchanged()).isEqualTo(3);
        assertThat(index.passageCount()).isEqualTo(passages);

        Files.writeString(file, Files.readString(file).replace("Showers continued", "Heavy rain fell"));
        IngestReport third = ingester.ingest(List.of(file), IngestProgress.NONE);
        assertThat(third.updated()).isEqualTo(1);
        assertThat(third.unchanged()).isEqualTo(2);
        assertThat(store.count()).isEqualTo(3);
        Article r1 = store.find("r-1").orElseThrow();
        assertThat(r1.body()).startsWith("Heavy rain fell");
        assertThat(r1.ingestedAt()).isEqualTo(Instant.parse("2025-03-22T10:00:00Z"));
        assertThat(hits("shower")).isZero();
        assertThat(hits("rain")).isEqualTo(1);
    }

    @Test
    void seedsIngestIdempotently() throws IOException {
        Path seeds = tmp.resolve("seeds");
        copy("seed-kim.txt", seeds);
        assertThat(ingester.ingestSeeds(seeds).added()).isEqualTo(1);
        IngestReport again = newIngester(Ingester.Options.DEFAULTS).ingestSeeds(seeds);
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(ingester.ingestSeeds(tmp.resolve("missing")).total()).isZero();
    }

    @Test
    void exactDuplicateIsStoredWithDuplicateOfAndNotIndexed() {
        String body = "Copper rose to a two-year high on Wednesday as mines in Chile reported strikes.";
        IngestOutcome original = ingester.ingest(new ParsedArticle("a", "Copper climbs", body, null, "Wire", null, null), "a");
        IngestOutcome copy = ingester.ingest(new ParsedArticle("b", "COPPER CLIMBS!", "  copper ROSE to a two-year "
                + "high on Wednesday, as mines in Chile reported strikes ", null, "Other", null, null), "b");
        assertThat(original.status()).isEqualTo(IngestOutcome.Status.ADDED);
        assertThat(copy.status()).isEqualTo(IngestOutcome.Status.DUPLICATE);
        assertThat(copy.reason()).isEqualTo("duplicate of a");
        assertThat(store.find("b").orElseThrow().duplicateOf()).isEqualTo("a");
        assertThat(hits("copper")).isEqualTo(1);
    }

    @Test
    void nearDuplicateWithNewHeadlineAndDroppedSentenceIsCaughtButAnotherStoryOnTheTopicIsNot() throws IOException {
        Path in = tmp.resolve("in");
        copy("seed-kim.txt", in);
        ingester.ingest(List.of(in), IngestProgress.NONE);
        String originalId = store.latest(1).get(0).id();

        IngestReport report = ingester.ingest(List.of(copy("near/kim-edited.txt", tmp.resolve("more")),
                copy("near/kim-other-story.txt", tmp.resolve("more"))), IngestProgress.NONE);

        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.added()).isEqualTo(1);
        Article edited = store.find("https://wire.example/asia/kim-shoigu-pyongyang").orElseThrow();
        assertThat(edited.title()).isEqualTo("Kim tells Shoigu North Korea stands with Russia over Ukraine");
        assertThat(edited.duplicateOf()).isEqualTo(originalId);
        assertThat(edited.contentHash()).isNotEqualTo(store.find(originalId).orElseThrow().contentHash());
        assertThat(store.find("https://wire.example/asia/kursk-losses").orElseThrow().isDuplicate()).isFalse();
        assertThat(passagesOf(originalId)).isPositive();
        assertThat(passagesOf("https://wire.example/asia/kim-shoigu-pyongyang")).isZero();
    }

    @Test
    void listenersRunInsideTheArticleTransactionAndAFailureRollsTheArticleBack() throws SQLException {
        List<String> seen = new ArrayList<>();
        ingester.addListener((c, a) -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM articles WHERE id = ?")) {
                ps.setString(1, a.id());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    seen.add(a.id() + ":" + rs.getInt(1));
                }
            }
            if (a.id().equals("bad")) {
                throw new SQLException("delivery table is broken");
            }
        });
        ingester.ingest(new ParsedArticle("ok", "Fine", "A perfectly fine article about ports.", null, null, null,
                null), "ok");
        IngestOutcome bad = ingester.ingest(new ParsedArticle("bad", "Bad", "An article whose listener fails.", null,
                null, null, null), "bad");
        ingester.ingest(new ParsedArticle("ok", "Fine", "A perfectly fine article about ports.", null, null, null,
                null), "ok again");

        assertThat(seen).containsExactly("ok:1", "bad:1");
        assertThat(bad.status()).isEqualTo(IngestOutcome.Status.SKIPPED);
        assertThat(bad.reason()).contains("delivery table is broken");
        assertThat(store.find("bad")).isEmpty();
        assertThat(store.find("ok")).isPresent();
    }

    @Test
    void fileOverTheSizeLimitIsSkippedAndTheRestGoesIn() throws IOException {
        Path in = tmp.resolve("in");
        copy("one.json", in);
        Path big = in.resolve("huge.txt");
        byte[] megabyte = "A line of text that repeats to make a very large file.\n".repeat(20_000)
                .substring(0, 1024 * 1024).getBytes();
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 50; i++) {
                out.write(megabyte);
            }
        }
        IngestReport report = ingester.ingest(List.of(in), IngestProgress.NONE);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.skipped()).singleElement().satisfies(s -> {
            assertThat(s.origin()).endsWith("huge.txt");
            assertThat(s.reason()).isEqualTo("file too large: 50.0 MB exceeds the 10.0 MB limit (ingest.max-file-size)");
        });
    }

    @Test
    void hostileHtmlFilesAreSkippedWithAReasonAndTheRestGoesIn() throws IOException {
        Path in = tmp.resolve("in");
        copy("article.html", in);
        byte[] noise = new byte[64 * 1024];
        new java.util.Random(12).nextBytes(noise);
        Files.write(in.resolve("binary.html"), noise);
        Files.writeString(in.resolve("nested.html"), "<div><p>x".repeat(100_000));
        Files.writeString(in.resolve("scripts.html"), "<html><head><script>var a = 1;</script></head><body>"
                + "<script>render('page')</script></body></html>");
        try (OutputStream out = Files.newOutputStream(in.resolve("huge.html"))) {
            byte[] megabyte = "<p>A paragraph of a very large page.</p>\n".repeat(30_000).substring(0, 1024 * 1024).getBytes();
            for (int i = 0; i < 50; i++) {
                out.write(megabyte);
            }
        }
        IngestReport report = ingester.ingest(List.of(in), IngestProgress.NONE);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.skipped()).extracting(s -> s.origin().substring(s.origin().lastIndexOf('/') + 1) + " -> "
                + s.reason()).containsExactlyInAnyOrder(
                        "binary.html -> binary content (not text)",
                        "huge.html -> file too large: 50.0 MB exceeds the 10.0 MB limit (ingest.max-file-size)",
                        "nested.html -> page nested too deeply: more than 512 levels of elements",
                        "scripts.html -> no article content: the page has no visible text");
    }

    @Test
    void htmlFilesAreDecodedInTheCharsetTheyDeclare() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        String page = "<html><head><meta charset=\"windows-1250\"><title>Łódź</title></head><body><article>"
                + "<p>Zażółć gęślą jaźń: the town council of Łódź met on Tuesday and agreed a budget for the year. "
                + "Rada miasta przyjęła budżet.</p>"
                + "</article></body></html>";
        Files.write(in.resolve("pl.html"), page.getBytes(java.nio.charset.Charset.forName("windows-1250")));
        IngestReport report = ingester.ingest(List.of(in), IngestProgress.NONE);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.notes()).isEmpty();
        Article a = store.find(Ingester.identity(null, null, Fingerprints.summarise(
                "Zażółć gęślą jaźń: the town council of Łódź met on Tuesday and agreed a budget for the year. "
                + "Rada miasta przyjęła budżet.").contentHash())).orElseThrow();
        assertThat(a.title()).isEqualTo("Łódź");
    }

    @Test
    void oversizedJsonLineIsSkippedByLineNumber() throws IOException {
        Path file = tmp.resolve("big.jsonl");
        Files.writeString(file, "{\"title\":\"t\",\"body\":\"" + "x".repeat(3000) + "\"}\n"
                + "{\"title\":\"Small\",\"body\":\"A small record that fits under the limit.\"}\n");
        Ingester small = newIngester(new Ingester.Options(1024));
        IngestReport report = small.ingest(List.of(file), IngestProgress.NONE);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.skipped()).singleElement().satisfies(s -> {
            assertThat(s.origin()).endsWith("big.jsonl:1");
            assertThat(s.reason()).isEqualTo("line too large: 3.0 KB exceeds the 1.0 KB limit (ingest.max-file-size)");
        });
    }

    @Test
    void missingPathIsReported() {
        IngestReport report = ingester.ingest(List.of(tmp.resolve("nope")), IngestProgress.NONE);
        assertThat(report.skipped()).singleElement().extracting(IngestReport.Skipped::reason)
                .isEqualTo("no such file or directory");
    }

    @Test
    void identityIsGivenIdThenCanonicalUrlThenContentHash() {
        assertThat(Ingester.identity(" r-1 ", "https://x.example/a", "ab".repeat(32))).isEqualTo("r-1");
        assertThat(Ingester.identity(null, "https://x.example/a/#frag", "ab".repeat(32))).isEqualTo("https://x.example/a");
        assertThat(Ingester.identity(null, null, "ab".repeat(32))).isEqualTo("sha256:" + "ab".repeat(16));
    }

    private static String record(String id, String body) {
        return "{\"id\": \"" + id + "\", \"title\": \"Story " + id + "\", \"body\": \"" + body + "\"}\n";
    }

    private static String story(int n) {
        // short enough (under near-duplicate-min-words) that only exact duplicates are looked for
        return "Port " + n + " handled " + (n * 37 % 1000) + " ships this week, the authority said. "
                + "District " + n + " expects a change of " + (n % 9) + " percent.";
    }

    private Path jsonl(String name, int articles, String... extraLines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < articles; i++) {
            sb.append(record("r" + i, story(i)));
        }
        for (String line : extraLines) {
            sb.append(line);
        }
        Path file = tmp.resolve(name);
        Files.writeString(file, sb.toString());
        return file;
    }

    @Test
    void aFailingListenerInABatchRollsBackOnlyItsArticleAndTheRestOfTheBatchCommits() throws IOException {
        List<String> seen = new ArrayList<>();
        ingester.addListener((c, a) -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM articles WHERE id = ?")) {
                ps.setString(1, a.id());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    seen.add(a.id() + ":" + rs.getInt(1));
                }
            }
            if (a.id().equals("r3")) {
                throw new SQLException("delivery table is broken");
            }
        });
        IngestReport report = ingester.ingest(List.of(jsonl("batch.jsonl", 6)), IngestProgress.NONE);

        assertThat(report.added()).isEqualTo(5);
        assertThat(report.skipped()).singleElement().satisfies(s -> {
            assertThat(s.origin()).endsWith("batch.jsonl:4");
            assertThat(s.reason()).contains("delivery table is broken");
        });
        assertThat(seen).containsExactly("r0:1", "r1:1", "r2:1", "r3:1", "r4:1", "r5:1");
        assertThat(store.find("r3")).isEmpty();
        assertThat(passagesOf("r3")).isZero();
        assertThat(List.of("r0", "r1", "r2", "r4", "r5")).allSatisfy(id -> {
            assertThat(store.find(id)).isPresent();
            assertThat(passagesOf(id)).isPositive();
        });
    }

    @Test
    void smallBatchesGiveTheSameResultAsOneBigBatchIncludingDuplicatesWithinABatch() throws IOException {
        Path file = jsonl("many.jsonl", 25, record("copy-of-r2", story(2)), "{not json\n", record("r7", story(7)));
        Ingester small = newIngester(new Ingester.Options(Ingester.Options.DEFAULTS.maxFileSize(), 3, 250));
        IngestReport report = small.ingest(List.of(file), IngestProgress.NONE);

        assertThat(report.added()).isEqualTo(25);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.skipped()).extracting(IngestReport.Skipped::origin).containsExactly(file + ":27");
        assertThat(store.find("copy-of-r2").orElseThrow().duplicateOf()).isEqualTo("r2");
        assertThat(store.count()).isEqualTo(26);
        assertThat(index.passageCount()).isEqualTo(25);

        IngestReport again = newIngester(Ingester.Options.DEFAULTS).ingest(List.of(file), IngestProgress.NONE);
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(27);
    }

    @Test
    void aBatchThatNeverCommitsLeavesNoArticleNoStoryAndNothingALaterCopyCouldMatch() {
        StoryClusterer clusterer = new StoryClusterer(new StoryStore(db), StoryOptions.DEFAULTS);
        Instant now = Instant.parse("2025-03-22T10:00:00Z");
        String body = "The port authority said on Monday that container traffic rose 12 percent in March, "
                + "helped by new shipping routes to Asia and a record grain harvest, and that it expects "
                + "volumes to keep growing through the summer as two new berths open.";
        try (ArticleBatch batch = new ArticleBatch(db, store, clusterer, List.of(), Clock.fixed(now, ZoneOffset.UTC))) {
            batch.add(prepared("crash-1", body, now));
            assertThat(batch.size()).isEqualTo(1);
            // the process "dies" here: the batch is closed without commit
        }
        assertThat(store.find("crash-1")).isEmpty();
        assertThat(new StoryStore(db).membership("crash-1")).isEmpty();

        try (ArticleBatch batch = new ArticleBatch(db, store, clusterer, List.of(), Clock.fixed(now, ZoneOffset.UTC))) {
            batch.add(prepared("copy-1", body + " Officials welcomed the figures.", now));
            List<ArticleBatch.Written> written = batch.commit();
            assertThat(written.get(0).outcome().status()).isEqualTo(IngestOutcome.Status.ADDED);
            assertThat(written.get(0).outcome().reason()).doesNotContain("crash-1");
        }
        assertThat(new StoryStore(db).membership("copy-1").orElseThrow().how()).isEqualTo(Membership.How.FIRST);
    }

    private static PreparedArticle prepared(String id, String body, Instant now) {
        Article article = new Article(id, null, "Port traffic", null, now, now, now, body,
                Fingerprints.contentHash(Fingerprints.words(body)), null, null);
        return new PreparedArticle(id + ".jsonl:1", article, StoryText.of(article.title(), body), List.of());
    }
}
