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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsbrief eval extraction DIR}: main-text extraction quality on an annotated page set
 * (trafilatura's format), through the same code ingest uses for HTML files.
 */
@Command(name = "extraction", mixinStandardHelpOptions = true,
        description = "Evaluate main-text extraction on annotated pages (evaldata.json + pages/).")
public final class EvalExtractionCommand implements Callable<Integer> {
    /** trafilatura 2.2.0 on the same 990 pages, as its evaluation page publishes. */
    static final double BASELINE_F1 = 0.924;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The evaluation set: evaldata.json and pages/.")
    Path dir;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--split", description = "ALL, or the fixed half A or B (held-out checks). Default ALL.")
    ExtractionEval.Split split = ExtractionEval.Split.ALL;

    @Option(names = "--details", paramLabel = "FILE",
            description = "Write one JSON line per page (counts, missed and leaked snippets, skip reasons).")
    Path details;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<ExtractionEval.Page> pages = ExtractionEval.load(dir, split);
        ExtractionEval eval = new ExtractionEval();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        List<ExtractionEval.PageResult> results = eval.run(dir, pages, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
        ExtractionScore.Counts sum = ExtractionScore.Counts.ZERO;
        int failed = 0;
        int skipped = 0;
        for (ExtractionEval.PageResult r : results) {
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

    private void writeDetails(List<ExtractionEval.PageResult> results) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(details)) {
            for (ExtractionEval.PageResult r : results) {
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
