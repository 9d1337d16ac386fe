package dev.newsbrief.app;

import dev.newsbrief.ingest.IngestProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn in place. It draws only when the input is large and
 * a console is attached, so logs and pipes stay clean.
 */
final class ConsoleProgressBar implements IngestProgress {
    private static final int WIDTH = 40;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final long minBytes;
    private final boolean console;
    private long total;
    private long done;
    private long lastDraw;
    private long startNanos;
    private boolean active;

    ConsoleProgressBar(PrintStream out, long minBytes, boolean console) {
        this.out = out;
        this.minBytes = minBytes;
        this.console = console;
    }

    @Override
    public void start(long totalBytes) {
        total = totalBytes;
        startNanos = System.nanoTime();
        active = console && totalBytes >= minBytes;
    }

    @Override
    public void advance(long bytes) {
        done += bytes;
        if (active && System.nanoTime() - lastDraw > REDRAW_NANOS) {
            draw();
            lastDraw = System.nanoTime();
        }
    }

    @Override
    public void finish() {
        if (active) {
            done = total;
            draw();
            out.println();
            out.flush();
        }
    }

    private void draw() {
        double share = total == 0 ? 1 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(share * WIDTH);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%%  %.1f/%.1f MB  %.0fs", "#".repeat(filled),
                " ".repeat(WIDTH - filled), share * 100, done / 1048576.0, total / 1048576.0, seconds));
        out.flush();
    }
}
