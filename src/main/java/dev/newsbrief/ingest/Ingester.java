package dev.newsbrief.ingest;

import dev.newsbrief.core.DataSize;
import dev.newsbrief.core.OptionException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.stories.StoryClusterer;
import dev.newsbrief.stories.StoryOptions;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.stories.StoryText;
import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings articles into newsbrief: reads files and directories (recursively), cleans each
 * article, gives it a stable id, detects exact duplicates, puts it into its story (see
 * {@link StoryClusterer}: another outlet's copy or rewrite joins the story it reports), stores
 * it in SQLite and indexes its passages. The index is committed once at the end of a run. Bad input is skipped
 * with a reason; the rest goes in.
 *
 * <p>Files are read and articles prepared (cleaned, fingerprinted, split into passages) on a
 * {@link PreparingReader} thread while the calling thread writes. Writes go in
 * {@link ArticleBatch}es: one SQLite transaction per batch (at most {@code batchArticles} articles
 * or {@code batchMillis} of work), one savepoint per article, so a failing article or listener
 * rolls back only itself and a crash leaves whole articles. Passages reach Lucene after their
 * batch commits, so the index never holds what SQLite does not.
 */
public final class Ingester {
    private static final Logger log = LoggerFactory.getLogger(Ingester.class);

    /**
     * How ingestion reads and batches (section {@code ingest:} of the config).
     *
     * @param maxFileSize   largest file (or .jsonl line) accepted
     * @param batchArticles most articles committed in one SQLite transaction
     * @param batchMillis   longest a batch stays open before it commits (and lets other writers in)
     */
    public record Options(DataSize maxFileSize, int batchArticles, long batchMillis) {
        public static final Options DEFAULTS = new Options(10L * 1024 * 1024);

        public Options {
            if (maxFileSize.bytes() <= 0) {
                throw new OptionException("maxFileSize", "must be positive: " + maxFileSize);
            }
            if (batchArticles < 1) {
                throw new OptionException("batchArticles", "must be positive: " + batchArticles);
            }
            if (batchMillis < 1) {
                throw new OptionException("batchMillis", "must be positive: " + batchMillis);
            }
        }

        /** Options with the default batch limits (200 articles, 250 ms). */
        public Options(long maxFileSize) {
            this(DataSize.ofBytes(maxFileSize), 200, 250);
        }
    }

    private final ArticleStore store;
    private final Database db;
    private final PassageIndex index;
    private final Options options;
    private final Clock clock;
    private final ArticleCleaner cleaner;
    private final InputReader reader;
    private final StoryClusterer stories;
    private final List<NewArticleListener> listeners = new CopyOnWriteArrayList<>();
    private final ArticleWriter writer;
    private final LanguageDetector languages;

    /**
     * An ingester with the default story settings, detecting languages with the process's shared
     * {@link LanguageDetector}.
     */
    public Ingester(ArticleStore store, PassageIndex index, Options options, Clock clock) {
        this(store, index, options, StoryOptions.DEFAULTS, clock, LanguageDetector.shared());
    }

    /** An ingester detecting languages with the process's shared {@link LanguageDetector}. */
    public Ingester(ArticleStore store, PassageIndex index, Options options, StoryOptions stories, Clock clock) {
        this(store, index, options, stories, clock, LanguageDetector.shared());
    }

    /** An ingester with the default story settings. */
    public Ingester(ArticleStore store, PassageIndex index, Options options, Clock clock, LanguageDetector languages) {
        this(store, index, options, StoryOptions.DEFAULTS, clock, languages);
    }

    /**
     * @param stories when articles are one story, a copy, or an update (section {@code stories:})
     */
    public Ingester(ArticleStore store, PassageIndex index, Options options, StoryOptions stories, Clock clock,
            LanguageDetector languages) {
        this.store = store;
        this.db = store.database();
        this.index = index;
        this.options = options;
        this.clock = clock;
        this.languages = Objects.requireNonNull(languages, "languages");
        this.cleaner = new ArticleCleaner(CleaningRules.defaults());
        this.reader = new InputReader(options.maxFileSize().bytes());
        this.stories = new StoryClusterer(new StoryStore(db), stories);
        this.writer = new ArticleWriter(() -> new ArticleBatch(db, store, this.stories, listeners, clock),
                new IndexLane(index), options.batchArticles(), options.batchMillis());
        writer.exclusively(() -> this.stories.assignUnassigned(db, clock, options.batchArticles()));
    }

    /** Registers a hook run inside the transaction (savepoint) of every new original article. */
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
        Throwable failure = null;
        try (PreparingReader prepared = new PreparingReader(files, reader, this::prepare)) {
            writer.write(prepared::poll, tally, progress);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            commitIndex(failure);
            progress.finish();
        }
        IngestReport report = tally.report();
        log.info("ingest done: added {}, updated {}, unchanged {}, duplicates {}, skipped {}", report.added(),
                report.updated(), report.unchanged(), report.duplicates(), report.skippedCount());
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
     * Ingests one already-parsed article (a feed item, say) in its own transaction and commits
     * the index, so it is searchable when this returns.
     */
    public IngestOutcome ingest(ParsedArticle article, String origin) {
        IngestOutcome outcome = switch (prepare(article, origin)) {
            case PreparingReader.Ready r -> writer.writeOne(r.article());
            case PreparingReader.Rejected r -> r.outcome();
            default -> throw new IllegalStateException("prepare gives Ready or Rejected");
        };
        ArticleWriter.logIfSkipped(outcome);
        if (outcome.status() == IngestOutcome.Status.ADDED || outcome.status() == IngestOutcome.Status.UPDATED) {
            index.commit();
        }
        return outcome;
    }

    /** Ingests already-parsed articles and commits the index once at the end. */
    public IngestReport ingestAll(List<ParseOutcome> items) {
        IngestReport.Tally tally = new IngestReport.Tally();
        Iterator<ParseOutcome> it = items.iterator();
        Throwable failure = null;
        try {
            writer.write(nanos -> it.hasNext() ? prepare(it.next()) : new PreparingReader.End(null), tally,
                    IngestProgress.NONE);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            commitIndex(failure);
        }
        return tally.report();
    }

    /**
     * Commits what the index holds (every batch SQLite committed). After a failed run the commit
     * is still tried, but its own failure (often the same full disk, or a writer Lucene closed
     * because of the first failure) must not hide the first one: it is attached to it.
     */
    private void commitIndex(Throwable failure) {
        if (failure == null) {
            index.commit();
            return;
        }
        try {
            index.commit();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private PreparingReader.Item prepare(ParseOutcome outcome) {
        return switch (outcome) {
            case ParseOutcome.Rejected r -> new PreparingReader.Rejected(IngestOutcome.skipped(r.origin(), r.reason()));
            case ParseOutcome.Parsed p -> prepare(p.article(), p.origin());
        };
    }

    /** Cleaning, fingerprints, identity, language and passages: everything that needs no database. Thread-safe. */
    private PreparingReader.Item prepare(ParsedArticle parsed, String origin) {
        ArticleCleaner.Cleaned clean = cleaner.clean(parsed);
        if (clean.body().isBlank()) {
            return new PreparingReader.Rejected(IngestOutcome.skipped(origin, "no article text left after cleaning"));
        }
        String hash = Fingerprints.summarise(clean.body()).contentHash();
        String url = blankToNull(parsed.url());
        String id = identity(parsed.id(), url, hash);
        Instant now = clock.instant();
        String declared = parsed.tags().getOrDefault(ParsedArticle.DECLARED_LANGUAGE, parsed.tags().get("language"));
        String language = languages.ofArticle(clean.title(), clean.body(), declared);
        Article candidate = new Article(id, url, clean.title().isEmpty() ? "(untitled)" : clean.title(),
                blankToNull(parsed.source()), parsed.publishedAt(), now, now, clean.body(), hash, null,
                parsed.tags(), language);
        StoryText story = StoryText.of(candidate.title(), candidate.body());
        if (story.wordCount() >= stories.options().minWords()) {
            story.withSignature(); // here on the preparing thread, not on the writer's
        }
        return new PreparingReader.Ready(new PreparedArticle(origin, candidate, story, index.passagesOf(candidate)));
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
            ArticleWriter.count(tally, IngestOutcome.skipped(path.toString(), "no such file or directory"));
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            ArticleWriter.count(tally, IngestOutcome.skipped(path.toString(), "cannot list directory: " + e.getMessage()));
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
