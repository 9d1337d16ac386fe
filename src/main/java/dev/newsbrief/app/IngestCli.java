package dev.newsbrief.app;

import dev.newsbrief.alerts.Alerts;
import dev.newsbrief.core.HttpUrls;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.sources.ArticleSink;
import dev.newsbrief.sources.AddedSources;
import dev.newsbrief.sources.CorpusIngest;
import dev.newsbrief.sources.OpmlFile;
import dev.newsbrief.sources.SourceDefinitions;
import dev.newsbrief.sources.SourcePolling;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.index.DenseRetrieval;
import java.nio.file.Files;
import java.time.Duration;
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
        description = "Ingest article files (.txt, .md, .html, .json, .jsonl), saved RSS/Atom feeds (.rss, .atom, "
                + ".xml) or directories (recursively), or fetch http(s) URLs of web pages and RSS/Atom feeds; an "
                + "OPML file (.opml) adds the feeds it lists as sources.")
final class IngestCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL",
            description = "Files, directories, saved RSS/Atom feeds or http(s) URLs to ingest.")
    List<String> targets;

    @Option(names = "--max-listed", defaultValue = "20", description = "Most skipped items listed (default: 20).")
    int maxListed;

    @Override
    public Integer call() throws InterruptedException {
        try (AppContext ctx = AppContext.forWriting(common, "ingest")) {
            PassageIndex index = IndexWiring.openForWriting(ctx, ctx.settings().index());
            DenseRetrieval dense = DenseWiring.forWriting(ctx, index);
            Ingester ingester = new Ingester(new ArticleStore(ctx.database()), index,
                    ctx.settings().ingest().ingester(), ctx.settings().stories(), Clock.systemUTC());
            // New articles queue their topic alerts in their own transaction; a running bot sends them.
            Alerts alerts = ctx.manage(Alerts.openByLanguage(ctx.database(), ctx.settings().alerts(), Clock.systemUTC(),
                    Alerts.documentFrequenciesIn(index)));
            ingester.addListener(alerts.queue()::onNewArticle);
            ConsoleProgressBar progress = new ConsoleProgressBar(System.err,
                    ctx.settings().ingest().progressMinSize().bytes(), System.console() != null);
            List<String> urls = targets.stream().filter(IngestCli::isUrl).toList();
            List<Path> local = targets.stream().filter(t -> !isUrl(t)).map(Path::of).toList();
            List<Path> opml = local.stream().filter(p -> Files.isRegularFile(p) && OpmlFile.isOpml(p)).toList();
            List<Path> paths = local.stream().filter(p -> !opml.contains(p)).toList();
            boolean allFetched = true;
            for (Path list : opml) {
                allFetched &= addSubscriptions(ctx, list);
            }
            if (!paths.isEmpty()) {
                IngestReport report = CorpusIngest.ingest(ingester, paths, progress);
                // the text is searchable already; its vectors are waited for so the data directory is
                // complete (interrupted, the bot embeds the rest in the background at its next start)
                System.err.println(dense.awaitVectors(Duration.ofDays(7)).line());
                System.out.println(report.summary(maxListed));
                // input that all failed is a failed run, for scripts and cron as much as for people
                allFetched &= !report.nothingStored();
            }
            if (!urls.isEmpty()) {
                try (SourcePolling sources = new SourcePolling(ctx.settings().sources().fetch(), ctx.database(),
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

    /** Adds the feeds an OPML file lists as sources the bot polls; false when the file is unusable. */
    private static boolean addSubscriptions(AppContext ctx, Path list) {
        try {
            List<OpmlFile.Feed> listed = OpmlFile.read(list);
            AddedSources.Added added = new AddedSources(ctx.database(), Clock.systemUTC()).addAll(listed,
                    SourceDefinitions.from(ctx.settings().sources()), list.toAbsolutePath().toString(),
                    ctx.settings().sources().defaultInterval());
            System.out.printf("%s: %d feeds added as sources, %d already known%s%n", list, added.added().size(),
                    added.known(), added.added().isEmpty() ? "" : " (the bot polls them; `newsbrief sources` lists them)");
            return !listed.isEmpty();
        } catch (NewsbriefException e) {
            System.out.println("Could not add subscriptions: " + e.getMessage());
            return false;
        }
    }

    /** A target meant as a web address; the fetch checks it is a valid one ({@link HttpUrls}). */
    private static boolean isUrl(String target) {
        return HttpUrls.hasHttpScheme(target);
    }
}
