package dev.newsbrief.ops;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.Reindexer;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.DataDirectory;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import dev.newsbrief.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up and restores a data directory.
 *
 * <p>A backup is the SQLite database copied with {@code VACUUM INTO} from a read connection, so it
 * runs beside the bot without its write lock, always yields a consistent committed state, and
 * finishes (or fails with one line) within {@code ops.backup-timeout}, even on a read-only mount. The Lucene index is not copied: it is derived from the articles table, and
 * restore rebuilds it from the restored database, so the two can never disagree.
 *
 * <p>Restore needs the data directory's write lock (the bot must be stopped). It never deletes:
 * the current database and index are moved to {@code before-restore-<time>/} first.
 */
public final class BackupService {
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Duration timeout;

    /** A service whose backups stop after the default {@code ops.backup-timeout}. */
    public BackupService(Clock clock) {
        this(clock, OpsSettings.DEFAULTS.backupTimeout());
    }

    /** @param timeout a backup still copying after this long is stopped with a clear error */
    public BackupService(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    /** What a restore did. */
    public record RestoreResult(BackupManifest manifest, long articles, int passages, Path previousDataMovedTo) {
    }

    /**
     * Copies the database of {@code data} into {@code target} (new or empty) and writes the manifest.
     *
     * @throws OpsException when there is nothing to back up, the target is not empty, or the copy fails its check
     */
    public BackupManifest backup(DataDirectory data, Path target) {
        if (!data.exists()) {
            throw new OpsException("nothing to back up: no database at " + data.database());
        }
        prepareEmpty(target);
        Path partial = target.resolve(BackupManifest.DATABASE + ".partial");
        try {
            try (Database live = Database.openReadOnly(data.database())) {
                live.backupTo(partial, timeout);
            }
            Database.CopyCheck check = check(partial);
            Path copy = target.resolve(BackupManifest.DATABASE);
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            BackupManifest manifest = new BackupManifest(clock.instant(), data.root().toString(), check.schemaVersion(),
                    check.articles(), Files.size(copy), BackupManifest.INDEX_REBUILT);
            manifest.writeTo(target);
            log.info("backed up {} articles from {} to {}", check.articles(), data.root(), target);
            return manifest;
        } catch (IOException e) {
            throw new OpsException("cannot write backup to " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * Replaces the database of {@code data} with the backup in {@code source} and rebuilds the index.
     *
     * @throws dev.newsbrief.store.DataDirectoryBusyException when the bot (or another writer) runs
     * @throws OpsException when the backup is missing, damaged or incomplete
     */
    public RestoreResult restore(Path source, DataDirectory data, PassageIndex.Options indexOptions) {
        BackupManifest manifest = BackupManifest.readFrom(source);
        Path backupDb = source.resolve(BackupManifest.DATABASE);
        if (!Files.isRegularFile(backupDb)) {
            throw new OpsException("backup " + source + " has a manifest but no " + BackupManifest.DATABASE);
        }
        try (DataDirectory.WriteLock lock = data.lockForWriting("restore from " + source)) {
            Path incoming = data.root().resolve(BackupManifest.DATABASE + ".restoring");
            Files.copy(backupDb, incoming, StandardCopyOption.REPLACE_EXISTING);
            Database.CopyCheck check;
            try {
                check = check(incoming);
            } catch (OpsException e) {
                deleteQuietly(incoming);
                throw e;
            }
            if (check.articles() != manifest.articles()) {
                deleteQuietly(incoming);
                throw new OpsException("backup " + source + " holds " + check.articles() + " articles but its manifest "
                        + "says " + manifest.articles() + "; refusing to restore an incomplete copy");
            }
            Path aside = moveAside(data);
            Files.move(incoming, data.database(), StandardCopyOption.ATOMIC_MOVE);
            try (Database db = Database.open(data.database());
                    PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(data.index()), indexOptions)) {
                Reindexer.Result rebuilt = new Reindexer(new ArticleStore(db), index).rebuild();
                long articles = new ArticleStore(db).count();
                log.info("restored {} articles from {} into {}{}", articles, source, data.root(),
                        aside == null ? "" : "; previous data kept in " + aside);
                return new RestoreResult(manifest, articles, rebuilt.passages(), aside);
            }
        } catch (IOException e) {
            throw new OpsException("restore into " + data.root() + " failed: " + e.getMessage(), e);
        }
    }

    /** Proves a database copy is whole (see {@link Database#checkCopy}). */
    private static Database.CopyCheck check(Path copy) {
        try {
            return Database.checkCopy(copy);
        } catch (StoreException e) {
            throw new OpsException(e.getMessage(), e);
        }
    }

    private Path moveAside(DataDirectory data) throws IOException {
        Path aside = data.root().resolve("before-restore-" + STAMP.format(clock.instant()));
        List<Path> current = Stream.of(data.database(), sibling(data.database(), "-wal"),
                sibling(data.database(), "-shm"), data.index(), data.vectors()).filter(Files::exists).toList();
        if (current.isEmpty()) {
            return null;
        }
        Files.createDirectories(aside);
        for (Path p : current) {
            Files.move(p, aside.resolve(p.getFileName()));
        }
        return aside;
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static void prepareEmpty(Path target) {
        try {
            if (Files.exists(target)) {
                if (!Files.isDirectory(target)) {
                    throw new OpsException("backup target " + target + " is a file; give a directory");
                }
                try (Stream<Path> entries = Files.list(target)) {
                    if (entries.findAny().isPresent()) {
                        throw new OpsException("backup target " + target + " is not empty; give a new or empty "
                                + "directory so no earlier backup is overwritten");
                    }
                }
            }
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new OpsException("cannot create backup directory " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", p, e.getMessage());
        }
    }
}
