package dev.newsbrief.app;

import dev.newsbrief.alerts.Alerts;
import dev.newsbrief.alerts.AlertsOptions;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.sources.ArticleSink;
import dev.newsbrief.sources.FetchOptions;
import dev.newsbrief.sources.SourcePolling;
import dev.newsbrief.store.ArticleStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsbrief ingest PATH|URL...}: stores and indexes article files and directories; an
 * http(s) argument is fetched instead, as a web page (one article) or a feed (each item).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest article files (.txt, .md, .html, .json, .jsonl) or directories (recursively), "
                + "or fetch http(s) URLs of web pages and RSS/Atom feeds.")
final class IngestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL", description = "Files, directories or http(s) URLs to ingest.")
    List<String> targets;

    @Option(names = "--max-listed", defaultValue = "20", description = "Most skipped items listed (default: 20).")
    int maxListed;

    @Override
    public Integer call() {
        try (AppContext ctx = AppContext.forWriting(common, "ingest")) {
            PassageIndex index = IndexWiring.openForWriting(ctx, IngestWiring.indexOptions(ctx.config()));
            Ingester ingester = new Ingester(new ArticleStore(ctx.database()), index,
                    IngestWiring.ingestOptions(ctx.config()), Clock.systemUTC());
            // New articles queue their topic alerts in their own transaction; a running bot sends them.
            Alerts alerts = ctx.manage(Alerts.open(ctx.database(), AlertsOptions.from(ctx.config()), Clock.systemUTC(),
                    Alerts.documentFrequencyIn(index)));
            ingester.addListener(alerts.queue()::onNewArticle);
            ConsoleProgressBar progress = new ConsoleProgressBar(System.err,
                    IngestWiring.bytes(ctx.config(), "ingest.progress-min-size"), System.console() != null);
            List<String> urls = targets.stream().filter(IngestCommand::isUrl).toList();
            List<Path> paths = targets.stream().filter(t -> !isUrl(t)).map(Path::of).toList();
            boolean allFetched = true;
            if (!paths.isEmpty()) {
                IngestReport report = ingester.ingest(paths, progress);
                System.out.println(report.summary(maxListed));
                // input that all failed is a failed run, for scripts and cron as much as for people
                allFetched = !report.nothingStored();
            }
            if (!urls.isEmpty()) {
                try (SourcePolling sources = new SourcePolling(FetchOptions.from(ctx.config()), ctx.database(),
                        ArticleSink.of(ingester), Clock.systemUTC())) {
                    for (String url : urls) {
                        try {
                            System.out.println(sources.pages().ingest(url).summary());
                        } catch (NewsbriefException e) {
                            System.out.println("Could not ingest " + e.getMessage());
                            allFetched = false;
                        }
                    }
                }
            }
            return allFetched ? 0 : 1;
        }
    }

    private static boolean isUrl(String target) {
        String t = target.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://");
    }
}
