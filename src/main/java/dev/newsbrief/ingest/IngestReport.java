package dev.newsbrief.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summary of an ingest run: how many articles were added, updated, unchanged or duplicates, how
 * many input items were skipped (the first {@value #KEPT} of them with their reason), and notes
 * (such as a file decoded as Latin-1, the first {@value #KEPT} of them). Only counts grow with the
 * input, so a run over millions of bad lines keeps its memory.
 */
public record IngestReport(int added, int updated, int unchanged, int duplicates, int skippedCount,
        List<Skipped> skipped, int noteCount, List<String> notes, long bytesRead, Duration elapsed) {
    /** Skipped items and notes kept with their text; beyond that they are only counted. */
    static final int KEPT = 1000;
    /** Skipped items and notes logged one by one per run; beyond that one line says how many more. */
    static final int LOGGED = 20;

    private static final Logger log = LoggerFactory.getLogger(Ingester.class);

    /** An input item that was not stored, and why. */
    public record Skipped(String origin, String reason) {
    }

    public IngestReport {
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    public int total() {
        return added + updated + unchanged + duplicates + skippedCount;
    }

    /** Whether the run had input and none of it went in (every item skipped): a failed run. */
    public boolean nothingStored() {
        return skippedCount > 0 && added + updated + unchanged + duplicates == 0;
    }

    /** Human-readable summary for the CLI; lists at most {@code maxListed} skipped items. */
    public String summary(int maxListed) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("added %d, updated %d, unchanged %d, duplicates %d, skipped %d (%.1f s)",
                added, updated, unchanged, duplicates, skippedCount, elapsed.toMillis() / 1000.0));
        for (int i = 0; i < skipped.size() && i < maxListed; i++) {
            sb.append("\n  skipped ").append(skipped.get(i).origin()).append(": ").append(skipped.get(i).reason());
        }
        if (skippedCount > maxListed) {
            sb.append("\n  ... and ").append(skippedCount - Math.min(maxListed, skipped.size()))
                    .append(" more skipped (see the log)");
        }
        for (int i = 0; i < notes.size() && i < maxListed; i++) {
            sb.append("\n  note: ").append(notes.get(i));
        }
        if (noteCount > Math.min(maxListed, notes.size())) {
            sb.append("\n  ... and ").append(noteCount - Math.min(maxListed, notes.size())).append(" more notes");
        }
        return sb.toString();
    }

    /**
     * Counts outcomes as they happen and logs the first {@value #LOGGED} skipped items and notes
     * one by one; {@link #report()} says in one line how many more there were. Not thread-safe:
     * one per run.
     */
    static final class Tally {
        private int added;
        private int updated;
        private int unchanged;
        private int duplicates;
        private int skippedCount;
        private int noteCount;
        private long bytes;
        private final List<Skipped> skipped = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final long startNanos = System.nanoTime();

        void count(IngestOutcome o) {
            switch (o.status()) {
                case ADDED -> added++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case DUPLICATE -> duplicates++;
                case SKIPPED -> {
                    if (skippedCount++ < LOGGED) {
                        log.warn("skipped {}: {}", o.origin(), o.reason());
                    }
                    if (skipped.size() < KEPT) {
                        skipped.add(new Skipped(o.origin(), o.reason()));
                    }
                }
            }
        }

        void note(String note) {
            if (noteCount++ < LOGGED) {
                log.warn("{}", note);
            }
            if (notes.size() < KEPT) {
                notes.add(note);
            }
        }

        void bytes(long n) {
            bytes += n;
        }

        IngestReport report() {
            if (skippedCount > LOGGED) {
                log.warn("... and {} more skipped (not logged one by one; the first {} are in the report)",
                        String.format("%,d", skippedCount - LOGGED), skipped.size());
            }
            if (noteCount > LOGGED) {
                log.warn("... and {} more notes", String.format("%,d", noteCount - LOGGED));
            }
            return new IngestReport(added, updated, unchanged, duplicates, skippedCount, skipped, noteCount, notes,
                    bytes, Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }
}
