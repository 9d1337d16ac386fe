package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code newsbrief eval extraction DIR}: main-text extraction quality on an annotated page set
 * (trafilatura's format), through the same code ingest uses for HTML files ({@link ExtractionPages}),
 * scored with trafilatura's metric ({@link ExtractionScore}); the last line is one JSON object.
 */
public final class ExtractionEvaluation {
    /** trafilatura 2.2.0 on the same 990 pages, as its evaluation page publishes. */
    static final double BASELINE_F1 = 0.924;

    private final Path dir;
    private final ExtractionPages.Split split;
    private final int threads;
    private final Path details;

    /**
     * @param dir     the set: {@code evaldata.json} and {@code pages/}
     * @param split   all pages, or one fixed half
     * @param threads worker threads
     * @param details where to write one JSON line per page, or null
     */
    public ExtractionEvaluation(Path dir, ExtractionPages.Split split, int threads, Path details) {
        this.dir = dir;
        this.split = split;
        this.threads = threads;
        this.details = details;
    }

    /** Runs the evaluation, printing to {@code out}; 0 when no page's extraction failed, else 1. */
    public int run(PrintWriter out) throws IOException, InterruptedException {
        List<ExtractionPages.Page> pages = ExtractionPages.load(dir, split);
        ExtractionPages eval = new ExtractionPages();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        List<ExtractionPages.PageResult> results = eval.run(dir, pages, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
        ExtractionScore.Counts sum = ExtractionScore.Counts.ZERO;
        int failed = 0;
        int skipped = 0;
        for (ExtractionPages.PageResult r : results) {
            sum = sum.plus(r.counts());
            if (r.failure() != null) {
                failed++;
                out.println("FAILED " + r.page().file() + ": " + r.failure());
            } else if (r.skipReason() != null) {
                skipped++;
            }
        }
        if (details != null) {
            writeDetails(results);
        }
        out.printf(Locale.ROOT, "%d pages (split %s) in %.1f s (%.1f s of CPU) on %d threads: %d skipped, %d failed; "
                + "tp %d, fn %d, fp %d%n", results.size(), split, seconds, cpuSeconds, threads, skipped, failed,
                sum.truePositives(), sum.falseNegatives(), sum.falsePositives());
        out.printf(Locale.ROOT, "{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"pages\":%d,\"failed\":%d,"
                + "\"skipped\":%d,\"seconds\":%.2f,\"cpu_seconds\":%.2f,\"pages_per_s\":%.1f,"
                + "\"baseline\":\"trafilatura 2.2.0 f1 0.924\",\"f1_ratio\":%.3f}%n", sum.precision(), sum.recall(),
                sum.f1(), results.size(), failed, skipped, seconds, cpuSeconds,
                results.size() / Math.max(seconds, 1e-9), sum.f1() / BASELINE_F1);
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** CPU time of this process so far: on a shared machine, wall time says more about the neighbours. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private void writeDetails(List<ExtractionPages.PageResult> results) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(details)) {
            for (ExtractionPages.PageResult r : results) {
                ObjectNode n = json.createObjectNode();
                n.put("file", r.page().file());
                n.put("url", r.page().url());
                n.put("tp", r.counts().truePositives());
                n.put("fn", r.counts().falseNegatives());
                n.put("fp", r.counts().falsePositives());
                String text = r.body() == null ? null : ExtractionScore.collapse(r.body());
                var missed = n.putArray("missed");
                var leaked = n.putArray("leaked");
                for (String s : r.page().with()) {
                    if (text == null || !text.contains(ExtractionScore.collapse(s))) {
                        missed.add(s);
                    }
                }
                for (String s : r.page().without()) {
                    if (text != null && text.contains(ExtractionScore.collapse(s))) {
                        leaked.add(s);
                    }
                }
                if (r.skipReason() != null) {
                    n.put("skipped", r.skipReason());
                }
                if (r.failure() != null) {
                    n.put("failure", r.failure());
                }
                n.put("chars", r.body() == null ? 0 : r.body().length());
                w.write(json.writeValueAsString(n));
                w.newLine();
            }
        }
    }
}
