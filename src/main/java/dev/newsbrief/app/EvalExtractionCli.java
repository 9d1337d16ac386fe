package dev.newsbrief.app;

import dev.newsbrief.bench.ExtractionEvaluation;
import dev.newsbrief.bench.ExtractionPages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsbrief eval extraction DIR}: runs {@link ExtractionEvaluation}. */
@Command(name = "extraction", mixinStandardHelpOptions = true,
        description = "Evaluate main-text extraction on annotated pages (evaldata.json + pages/, trafilatura's format).")
final class EvalExtractionCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The evaluation set: evaldata.json and pages/.")
    Path dir;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--split", description = "ALL, or the fixed half A or B (held-out checks). Default ALL.")
    ExtractionPages.Split split = ExtractionPages.Split.ALL;

    @Option(names = "--details", paramLabel = "FILE",
            description = "Write one JSON line per page (counts, missed and leaked snippets, skip reasons).")
    Path details;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return new ExtractionEvaluation(dir, split, threads, details).run(spec.commandLine().getOut());
    }
}
