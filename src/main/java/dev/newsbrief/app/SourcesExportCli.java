package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.sources.FeedSource;
import dev.newsbrief.sources.OpmlFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsbrief sources export --opml [--output FILE]}: every feed (configured and added) as OPML. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write every feed source (configured and added) as an OPML subscription list.")
final class SourcesExportCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--opml", required = true, description = "OPML 2.0, the format feed readers import.")
    boolean opml;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Config config = common.loadConfig();
        List<FeedSource> feeds = SourcesCli.sources(common, config).stream()
                .filter(FeedSource.class::isInstance).map(FeedSource.class::cast).toList();
        String document = OpmlFile.write("newsbrief sources", feeds);
        if (output != null) {
            Files.writeString(output, document);
            System.err.println("wrote " + feeds.size() + " feeds to " + output);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.println(document);
            out.flush();
        }
        return 0;
    }
}
