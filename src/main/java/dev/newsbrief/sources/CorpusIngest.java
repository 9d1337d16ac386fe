package dev.newsbrief.sources;

import dev.newsbrief.ingest.IngestProgress;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ingests what {@code newsbrief ingest} and the evaluations take: article files and directories
 * (through {@link Ingester}), and saved RSS/Atom feeds among them ({@link FeedFiles}), whose items
 * become articles as a feed poll would make them.
 */
public final class CorpusIngest {
    private CorpusIngest() {
    }

    /** Ingests every path; directories are walked, feed files among them read as feeds. */
    public static IngestReport ingest(Ingester ingester, List<Path> paths, IngestProgress progress) {
        List<Path> articles = new ArrayList<>();
        List<Path> feeds = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(f -> (FeedFiles.isFeed(f) ? feeds : articles).add(f));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else {
                (FeedFiles.isFeed(p) ? feeds : articles).add(p);
            }
        }
        List<IngestReport> reports = new ArrayList<>();
        if (!articles.isEmpty() || feeds.isEmpty()) {
            reports.add(ingester.ingest(articles, progress));
        }
        for (Path feed : feeds) {
            reports.add(ingester.ingestAll(FeedFiles.read(feed)));
        }
        return combined(reports);
    }

    private static IngestReport combined(List<IngestReport> reports) {
        if (reports.size() == 1) {
            return reports.get(0);
        }
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int duplicates = 0;
        long bytes = 0;
        Duration elapsed = Duration.ZERO;
        int skippedCount = 0;
        int noteCount = 0;
        List<IngestReport.Skipped> skipped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (IngestReport r : reports) {
            added += r.added();
            updated += r.updated();
            unchanged += r.unchanged();
            duplicates += r.duplicates();
            bytes += r.bytesRead();
            elapsed = elapsed.plus(r.elapsed());
            skippedCount += r.skippedCount();
            noteCount += r.noteCount();
            // each report keeps its first items only, so this stays bounded too
            skipped.addAll(r.skipped());
            notes.addAll(r.notes());
        }
        return new IngestReport(added, updated, unchanged, duplicates, skippedCount, skipped, noteCount, notes, bytes,
                elapsed);
    }
}
