package dev.newsbrief.sources;

import dev.newsbrief.ingest.IngestReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scans a watched folder. A file counts as new or changed when its path, size and modification
 * time were not seen before (that triple is its item key), so an edited file is ingested again and
 * the pipeline decides whether its articles changed. Files modified within the last second are
 * left for the next scan, as they may still be being written; hidden files are ignored.
 */
public final class FolderScanner {
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private final ArticleSink sink;
    private final FeedStateStore store;
    private final PollRecorder recorder;

    FolderScanner(ArticleSink sink, FeedStateStore store, PollRecorder recorder) {
        this.sink = sink;
        this.store = store;
        this.recorder = recorder;
    }

    public PollReport poll(FolderSource folder) {
        if (!Files.isDirectory(folder.path())) {
            return recorder.failure(folder, folder.path() + ": not a readable folder", 0, 0);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder.path())) {
            walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return recorder.failure(folder, folder.path() + ": cannot list files (" + e.getMessage() + ")", 0, 0);
        }
        Instant settled = recorder.now().minus(SETTLE);
        int newFiles = 0;
        int ingested = 0;
        int failed = 0;
        String firstError = null;
        for (Path file : files) {
            String key;
            try {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                if (attrs.lastModifiedTime().toInstant().isAfter(settled)) {
                    continue;
                }
                key = folder.path().relativize(file) + "|" + attrs.size() + "|"
                        + attrs.lastModifiedTime().toMillis();
            } catch (IOException e) {
                continue;
            }
            if (store.seen(folder.name(), key)) {
                continue;
            }
            newFiles++;
            try {
                // unreadable or unparseable files come back as skipped with a reason, and are not
                // retried; an article the pipeline could not store (database or alert failure) is,
                // so the file is only remembered once nothing in it is left unstored
                IngestReport report = sink.ingestFile(file);
                ingested += report.added() + report.updated();
                String unstored = report.skipped().stream().map(IngestReport.Skipped::reason)
                        .filter(reason -> reason.startsWith("could not store")).findFirst().orElse(null);
                if (unstored != null) {
                    failed++;
                    firstError = firstError == null ? file.getFileName() + ": " + unstored : firstError;
                    continue;
                }
                store.remember(folder.name(), key, null, recorder.now());
            } catch (RuntimeException e) {
                failed++;
                firstError = firstError == null ? e.getMessage() : firstError;
            }
        }
        if (failed > 0) {
            return recorder.failure(folder, failed + " of " + newFiles + " files could not be ingested: " + firstError,
                    newFiles, ingested);
        }
        return recorder.success(folder, Validators.NONE, PollReport.Status.OK, newFiles, ingested);
    }
}
