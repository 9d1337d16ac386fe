package dev.newsbrief.app;

import dev.newsbrief.sources.FeedCorpusCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsbrief check feeds DIR}: parses every file in DIR as a polled feed would be parsed and
 * prints each verdict, then a one-line summary. Exit 0 when every file parsed or was refused with a reason.
 */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "Parses every file in DIR as an RSS/Atom feed; prints each result and a one-line summary.")
final class CheckFeedsCli implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Folder of RSS/Atom files.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        FeedCorpusCheck.Report report = new FeedCorpusCheck().check(dir);
        PrintWriter out = spec.commandLine().getOut();
        for (FeedCorpusCheck.FileResult r : report.files()) {
            String name = r.file().getFileName().toString();
            if (r.parsed()) {
                out.println("ok       " + name + ": " + r.type() + ", " + r.items() + " items"
                        + (r.withoutTitle() > 0 ? " (" + r.withoutTitle() + " without a title)" : ""));
            } else {
                out.println("refused  " + r.refusal());
            }
        }
        out.println(report.summary());
        out.flush();
        return 0;
    }
}
