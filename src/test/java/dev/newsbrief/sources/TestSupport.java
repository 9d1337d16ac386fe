package dev.newsbrief.sources;

import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Test doubles with real behaviour: a sink that stores into SQLite, a jsoup extractor, a settable clock. */
final class TestSupport {
    private TestSupport() {}

    static FetchOptions fastOptions() {
        return new FetchOptions("newsbrief-test/1.0", Duration.ofMillis(500), Duration.ofMillis(400),
                Duration.ofMillis(1500), 3, 10L * 1024 * 1024, Duration.ZERO, 2, Duration.ofHours(6), 200);
    }

    /** Stores each article under its URL (else given id); outcome by comparing with the stored body. */
    static final class StoreSink implements ArticleSink {
        final ArticleStore store;
        final List<IncomingArticle> received = new ArrayList<>();

        StoreSink(Database db) {
            this.store = new ArticleStore(db);
        }

        @Override
        public synchronized Ingested ingest(IncomingArticle a) {
            received.add(a);
            String id = a.url() != null ? a.url() : a.id();
            Optional<Article> old = store.find(id);
            Instant now = Instant.now();
            Article article = new Article(id, a.url(), a.title() == null ? "(untitled)" : a.title(), a.source(),
                    a.publishedAt(), old.map(Article::ingestedAt).orElse(now), now, a.body(),
                    Integer.toHexString(a.body().hashCode()), 0L, null, a.tags());
            if (old.isPresent() && old.get().body().equals(a.body())) {
                return new Ingested(Outcome.UNCHANGED, id);
            }
            store.database().inTransaction(c -> {
                store.upsert(c, article);
                return null;
            });
            return new Ingested(old.isPresent() ? Outcome.UPDATED : Outcome.ADDED, id);
        }

        @Override
        public List<Ingested> ingestFile(Path file, String source) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String title = text.lines().findFirst().orElse("");
                return List.of(ingest(new IncomingArticle("file:" + file.getFileName(), title, text, null, source,
                        null, null)));
            } catch (java.io.IOException e) {
                throw new SourceException(file + ": unreadable", e);
            }
        }
    }

    /** Title from the h1 (else the title tag), body from the article's paragraphs. */
    static Optional<ExtractedPage> extract(Document doc) {
        Element root = Optional.ofNullable(doc.selectFirst("article")).orElse(doc.body());
        String body = root.select("p").stream().map(Element::text).collect(Collectors.joining("\n\n"));
        if (body.isBlank()) {
            return Optional.empty();
        }
        Element h1 = root.selectFirst("h1");
        return Optional.of(new ExtractedPage(h1 != null ? h1.text() : doc.title(), body, null));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
