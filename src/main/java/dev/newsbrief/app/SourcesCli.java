package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.sources.AddedSources;
import dev.newsbrief.sources.FeedStateStore;
import dev.newsbrief.sources.Source;
import dev.newsbrief.sources.SourceDefinitions;
import dev.newsbrief.sources.SourceHealth;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code newsbrief sources}: every configured feed, folder and page with its health. Read-only, so
 * it works while the bot runs.
 */
@Command(name = "sources", mixinStandardHelpOptions = true, subcommands = SourcesExportCli.class,
        description = "Lists sources (configured, and feeds added from OPML) with last success, last error, items seen and next poll.")
final class SourcesCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config config = common.loadConfig();
        List<Source> sources = sources(common, config);
        PrintWriter out = spec.commandLine().getOut();
        if (sources.isEmpty()) {
            out.println("no sources configured (add sources.feeds, sources.folders or sources.pages to the config)");
            out.flush();
            return 0;
        }
        List<SourceHealth> health;
        if (common.dataDirectory(config).exists()) {
            try (AppContext ctx = AppContext.forReading(common)) {
                health = SourceHealth.of(sources, new FeedStateStore(ctx.database()));
            }
        } else {
            health = sources.stream().map(s -> new SourceHealth(s.name(), s.kind(), s.location(), null, null, null,
                    0, 0, null)).toList();
        }
        for (SourceHealth h : health) {
            out.println(h.name() + " (" + h.kind() + ", " + h.status() + ") " + h.location());
            out.println("  last success " + time(h.lastSuccessAt()) + ", items seen " + h.itemsSeen()
                    + ", next poll " + (h.nextPollAt() == null ? "at start-up" : time(h.nextPollAt())));
            if (h.lastErrorAt() != null) {
                out.println("  last error " + time(h.lastErrorAt()) + ": " + h.lastError()
                        + (h.failing() ? " (" + h.consecutiveFailures() + " failed polls in a row)" : ""));
            }
        }
        out.println(SourceHealth.summary(health));
        out.flush();
        return 0;
    }

    /** The configured sources, and the feeds added from OPML files when there is a store. */
    static List<Source> sources(CommonOptions common, Config config) {
        if (!common.dataDirectory(config).exists()) {
            return SourceDefinitions.from(config.settings().sources());
        }
        try (AppContext ctx = AppContext.forReading(common)) {
            return SourceDefinitions.from(config.settings().sources(), new AddedSources(ctx.database(),
                    java.time.Clock.systemUTC()));
        }
    }

    private static String time(Instant t) {
        return t == null ? "never" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
