package dev.newsbrief.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Collects {@link Stats} from the store (read connections only, so it works while another
 * process writes) and from the index. Used by {@code newsbrief stats} and by the admins' /stats.
 */
public final class StatsService {
    /** Stories listed by size in the report. */
    static final int LARGEST_STORIES = 3;

    private final OpsQueries queries;
    private final LongSupplier passages;
    private final Path indexDir;
    private final Path databaseFile;
    private final Clock clock;

    /**
     * @param passages     searchable passages, from whichever index the caller has open
     * @param indexDir     the index directory, measured on disk
     * @param databaseFile the SQLite file; its -wal file is counted too
     */
    public StatsService(OpsQueries queries, LongSupplier passages, Path indexDir, Path databaseFile, Clock clock) {
        this.queries = queries;
        this.passages = passages;
        this.indexDir = indexDir;
        this.databaseFile = databaseFile;
        this.clock = clock;
    }

    public Stats collect() {
        return new Stats(clock.instant(), queries.articles(), queries.duplicates(), passages.getAsLong(),
                queries.storyCounts(), queries.largestStories(LARGEST_STORIES), queries.articlesBySource(),
                queries.feeds(), queries.activeChats(), queries.inactiveChats(), queries.subscriptions(),
                queries.deliveriesByStatus(), sizeOf(indexDir),
                sizeOf(databaseFile) + sizeOf(databaseFile.resolveSibling(databaseFile.getFileName() + "-wal")),
                queries.articlesByLanguage());
    }

    /** Bytes of a file, or of all files under a directory; 0 when absent. Files vanishing mid-walk (merges) are skipped. */
    static long sizeOf(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        if (Files.isRegularFile(path)) {
            return fileSize(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            return regular.stream().mapToLong(StatsService::fileSize).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            // a segment merged away between listing and measuring no longer takes space
            return 0;
        }
    }
}
