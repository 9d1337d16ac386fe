package dev.newsbrief.app;

import dev.newsbrief.alerts.Alerts;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.sources.ArticleSink;
import dev.newsbrief.sources.SourcePolling;
import dev.newsbrief.store.ArticleStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    public Integer call() throws InterruptedException {
        try (AppContext ctx = AppContext.forWriting(common, "ingest")) {
            PassageIndex index = IndexWiring.openForWriting(ctx, ctx.settings().index());
            DenseWiring.Dense dense = DenseWiring.forWriting(ctx, index);
            Ingester ingester = new Ingester(new ArticleStore(ctx.database()), index,
                    ctx.settings().ingest().ingester(), Clock.systemUTC());
            // New articles queue their topic alerts in their own transaction; a running bot sends them.
            Alerts alerts = ctx.manage(Alerts.open(ctx.database(), ctx.settings().alerts(), Clock.systemUTC(),
                    Alerts.documentFrequencyIn(index)));
            ingester.addListener(alerts.queue()::onNewArticle);
            ConsoleProgressBar progress = new ConsoleProgressBar(System.err,
                    ctx.settings().ingest().progressMinSize().bytes(), System.console() != null);
            List<String> urls = targets.stream().filter(IngestCommand::isUrl).toList();
            List<Path> paths = targets.stream().filter(t -> !isUrl(t)).map(Path::of).toList();
            List<String> lines = new ArrayList<>();
            if (!paths.isEmpty()) {
                lines.add(ingester.ingest(paths, progress).summary(maxListed));
            }
            boolean allFetched = true;
            if (!urls.isEmpty()) {
                try (SourcePolling sources = new SourcePolling(ctx.settings().sources().fetch(), ctx.database(),
                        ArticleSink.of(ingester), Clock.systemUTC())) {
                    for (String url : urls) {
                        try {
                            lines.add(sources.pages().ingest(url).summary());
                        } catch (NewsbriefException e) {
                            lines.add("Could not ingest " + e.getMessage());
                            allFetched = false;
                        }
                    }
                }
            }
            // the text is searchable already; its vectors are waited for so the data directory is
            // complete (interrupted, the bot embeds the rest in the background at its next start)
            dense.awaitVectors(Duration.ofDays(7), System.out);
            lines.forEach(System.out::println);
            return allFetched ? 0 : 1;
        }
    }

    private static boolean isUrl(String target) {
        String t = target.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://");
    }
}
