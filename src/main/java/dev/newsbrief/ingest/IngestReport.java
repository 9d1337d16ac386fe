package dev.newsbrief.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Summary of an ingest run: how many articles were added, updated, unchanged or duplicates,
 * every skipped item with its reason, and notes (such as a file decoded as Latin-1).
 */
public record IngestReport(int added, int updated, int unchanged, int duplicates, List<Skipped> skipped,
        List<String> notes, long bytesRead, Duration elapsed) {

    /** An input item that was not stored, and why. */
    public record Skipped(String origin, String reason) {
    }

    public IngestReport {
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    public int total() {
        return added + updated + unchanged + duplicates + skipped.size();
    }

    /** Human-readable summary for the CLI; lists at most {@code maxListed} skipped items. */
    public String summary(int maxListed) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("added %d, updated %d, unchanged %d, duplicates %d, skipped %d (%.1f s)",
                added, updated, unchanged, duplicates, skipped.size(), elapsed.toMillis() / 1000.0));
        for (int i = 0; i < skipped.size() && i < maxListed; i++) {
            sb.append("\n  skipped ").append(skipped.get(i).origin()).append(": ").append(skipped.get(i).reason());
        }
        if (skipped.size() > maxListed) {
            sb.append("\n  ... and ").append(skipped.size() - maxListed).append(" more skipped (see the log)");
        }
        for (String note : notes) {
            sb.append("\n  note: ").append(note);
        }
        return sb.toString();
    }

    /** Counts outcomes as they happen. Not thread-safe: one per run. */
    static final class Tally {
        private int added;
        private int updated;
        private int unchanged;
        private int duplicates;
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
                case SKIPPED -> skipped.add(new Skipped(o.origin(), o.reason()));
            }
        }

        void note(String note) {
            notes.add(note);
        }

        void bytes(long n) {
            bytes += n;
        }

        IngestReport report() {
            return new IngestReport(added, updated, unchanged, duplicates, skipped, notes, bytes,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }
}
