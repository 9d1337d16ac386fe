package dev.newsbrief.ingest;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings articles into newsbrief: reads files and directories (recursively), cleans each
 * article, gives it a stable id, detects exact and near duplicates, stores it in SQLite in its
 * own transaction (so a crash never leaves half an article) and indexes its passages. The index
 * is committed once at the end of a batch. Bad input is skipped with a reason; the rest goes in.
 */
public final class Ingester {
    private static final Logger log = LoggerFactory.getLogger(Ingester.class);

    /**
     * @param maxFileSize    largest file (or .jsonl line) accepted, in bytes
     * @param nearDuplicates near-duplicate thresholds
     */
    public record Options(long maxFileSize, NearDuplicateDetector.Options nearDuplicates) {
        public static final Options DEFAULTS = new Options(10L * 1024 * 1024, NearDuplicateDetector.Options.DEFAULTS);

        public Options {
            Objects.requireNonNull(nearDuplicates, "nearDuplicates");
            if (maxFileSize <= 0) {
                throw new IllegalArgumentException("maxFileSize must be positive: " + maxFileSize);
            }
        }
    }

    private final ArticleStore store;
    private final Database db;
    private final PassageIndex index;
    private final Options options;
    private final Clock clock;
    private final ArticleCleaner cleaner;
    private final InputReader reader;
    private final NearDuplicateDetector nearDuplicates;
    private final List<NewArticleListener> listeners = new CopyOnWriteArrayList<>();

    public Ingester(ArticleStore store, PassageIndex index, Options options, Clock clock) {
        this.store = store;
        this.db = store.database();
        this.index = index;
        this.options = options;
        this.clock = clock;
        this.cleaner = new ArticleCleaner(CleaningRules.defaults());
        this.reader = new InputReader(options.maxFileSize());
        this.nearDuplicates = NearDuplicateDetector.load(db, options.nearDuplicates());
    }

    /** Registers a hook run inside the transaction of every new original article. */
    public void addListener(NewArticleListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Ingests files and directories (walked recursively, in name order); commits the index at the end. */
    public IngestReport ingest(List<Path> paths, IngestProgress progress) {
        IngestReport.Tally tally = new IngestReport.Tally();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            collect(p, files, tally);
        }
        progress.start(files.stream().mapToLong(Ingester::sizeOf).sum());
        try {
            for (Path file : files) {
                try {
                    reader.read(file, file.toString(), outcome -> tally.count(handle(outcome)), n -> {
                        tally.bytes(n);
                        progress.advance(n);
                    }, note -> {
                        log.warn("{}", note);
                        tally.note(note);
                    });
                } catch (IOException e) {
                    tally.count(skip(file.toString(), "cannot read: " + e.getMessage()));
                }
            }
        } finally {
            index.commit();
            progress.finish();
        }
        IngestReport report = tally.report();
        log.info("ingest done: added {}, updated {}, unchanged {}, duplicates {}, skipped {}", report.added(),
                report.updated(), report.unchanged(), report.duplicates(), report.skipped().size());
        return report;
    }

    /** Ingests the seed articles under {@code seedsDir}; running it again changes nothing. */
    public IngestReport ingestSeeds(Path seedsDir) {
        if (!Files.isDirectory(seedsDir)) {
            log.info("no seeds directory at {}", seedsDir);
            return new IngestReport.Tally().report();
        }
        return ingest(List.of(seedsDir), IngestProgress.NONE);
    }

    /**
     * Ingests one already-parsed article (a feed item, say) and commits the index, so it is
     * searchable when this returns.
     */
    public IngestOutcome ingest(ParsedArticle article, String origin) {
        IngestOutcome outcome = ingestOne(article, origin);
        if (outcome.status() == IngestOutcome.Status.ADDED || outcome.status() == IngestOutcome.Status.UPDATED) {
            index.commit();
        }
        return outcome;
    }

    /** Ingests already-parsed articles and commits the index once at the end. */
    public IngestReport ingestAll(List<ParseOutcome> items) {
        IngestReport.Tally tally = new IngestReport.Tally();
        try {
            items.forEach(item -> tally.count(handle(item)));
        } finally {
            index.commit();
        }
        return tally.report();
    }

    private IngestOutcome handle(ParseOutcome outcome) {
        return switch (outcome) {
            case ParseOutcome.Rejected r -> skip(r.origin(), r.reason());
            case ParseOutcome.Parsed p -> ingestOne(p.article(), p.origin());
        };
    }

    private static IngestOutcome skip(String origin, String reason) {
        log.warn("skipped {}: {}", origin, reason);
        return IngestOutcome.skipped(origin, reason);
    }

    // synchronized: the duplicate check and the detector update must not interleave between feeds and files
    private synchronized IngestOutcome ingestOne(ParsedArticle parsed, String origin) {
        ArticleCleaner.Cleaned clean = cleaner.clean(parsed);
        if (clean.body().isBlank()) {
            return skip(origin, "no article text left after cleaning");
        }
        List<String> words = Fingerprints.words(clean.body());
        String hash = Fingerprints.contentHash(words);
        long[] shingles = Fingerprints.shingles(words);
        long simhash = Fingerprints.simhash(shingles);
        String url = blankToNull(parsed.url());
        String id = identity(parsed.id(), url, hash);
        Instant now = clock.instant();
        Article candidate = new Article(id, url, clean.title().isEmpty() ? "(untitled)" : clean.title(),
                blankToNull(parsed.source()), parsed.publishedAt(), now, now, clean.body(), hash, simhash, null,
                parsed.tags());
        Stored stored;
        try {
            stored = db.inTransaction(c -> store(c, candidate, shingles, words.size()));
        } catch (StoreException e) {
            return skip(origin, "could not store: " + e.getMessage());
        }
        switch (stored.status()) {
            case ADDED, UPDATED, DUPLICATE -> {
                index.index(stored.article());
                if (stored.article().isDuplicate()) {
                    nearDuplicates.remove(id);
                } else {
                    nearDuplicates.add(id, simhash);
                }
            }
            default -> {
            }
        }
        String reason = stored.article().isDuplicate() ? "duplicate of " + stored.article().duplicateOf() : null;
        return new IngestOutcome(stored.status(), id, origin, reason);
    }

    private record Stored(IngestOutcome.Status status, Article article) {
    }

    private Stored store(Connection c, Article candidate, long[] shingles, int wordCount) throws SQLException {
        Optional<Article> existing = store.find(c, candidate.id());
        if (existing.isPresent() && sameContent(existing.get(), candidate)) {
            return new Stored(IngestOutcome.Status.UNCHANGED, existing.get());
        }
        Article article = existing.isPresent()
                ? new Article(candidate.id(), candidate.url(), candidate.title(), candidate.source(),
                        candidate.publishedAt(), existing.get().ingestedAt(), candidate.updatedAt(), candidate.body(),
                        candidate.contentHash(), candidate.simhash(), null, candidate.tags())
                : candidate;
        String original = originalOf(c, article, shingles, wordCount);
        if (original != null) {
            article = article.asDuplicateOf(original);
        }
        store.upsert(c, article);
        if (existing.isPresent()) {
            return new Stored(IngestOutcome.Status.UPDATED, article);
        }
        if (article.isDuplicate()) {
            return new Stored(IngestOutcome.Status.DUPLICATE, article);
        }
        for (NewArticleListener listener : listeners) {
            listener.onNewArticle(c, article);
        }
        return new Stored(IngestOutcome.Status.ADDED, article);
    }

    /** The original this article repeats exactly (same normalised text) or nearly, else null. */
    private String originalOf(Connection c, Article article, long[] shingles, int wordCount) throws SQLException {
        Optional<Article> exact = store.findOriginalByContentHash(c, article.contentHash());
        if (exact.isPresent() && !exact.get().id().equals(article.id())) {
            return exact.get().id();
        }
        return nearDuplicates.findOriginal(article.id(), article.simhash(), shingles, wordCount, id -> {
            try {
                return store.find(c, id).filter(a -> !a.isDuplicate()).map(Article::body);
            } catch (SQLException e) {
                throw new StoreException("reading candidate original " + id + ": " + e.getMessage(), e);
            }
        }).orElse(null);
    }

    private static boolean sameContent(Article a, Article b) {
        return a.contentHash().equals(b.contentHash()) && a.body().equals(b.body()) && a.title().equals(b.title())
                && Objects.equals(a.url(), b.url()) && Objects.equals(a.source(), b.source())
                && Objects.equals(a.publishedAt(), b.publishedAt()) && a.tags().equals(b.tags());
    }

    /** The given id, else the canonical URL, else a content hash. */
    static String identity(String givenId, String url, String contentHash) {
        if (givenId != null && !givenId.isBlank()) {
            return givenId.strip();
        }
        if (url != null) {
            return canonicalUrl(url);
        }
        return "sha256:" + contentHash.substring(0, 32);
    }

    /** The URL without fragment or trailing slash, so trivially different links name one article. */
    static String canonicalUrl(String url) {
        String u = url.strip();
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        while (u.endsWith("/") && u.indexOf("://") + 3 < u.length() - 1) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void collect(Path path, List<Path> files, IngestReport.Tally tally) {
        if (Files.isRegularFile(path)) {
            files.add(path);
            return;
        }
        if (!Files.isDirectory(path)) {
            tally.count(skip(path.toString(), "no such file or directory"));
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            tally.count(skip(path.toString(), "cannot list directory: " + e.getMessage()));
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
