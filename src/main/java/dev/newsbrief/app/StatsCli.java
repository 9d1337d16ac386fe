package dev.newsbrief.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ops.Stats;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsbrief stats}: what the data directory holds; read-only, so it runs beside the bot. */
@Command(name = "stats", description = "Show articles, passages, sources, chats, subscriptions, alerts and index size.")
final class StatsCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (AppContext ctx = AppContext.forReading(common)) {
            PassageIndex index = ctx.manage(PassageIndex.openReadOnly(PassageIndex.onDisk(ctx.dir().index())));
            Stats stats = OpsWiring.stats(ctx.dir(), ctx.database(), index, Clock.systemUTC()).collect();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(stats));
            } else {
                out.println(stats.render());
            }
            out.flush();
            return 0;
        }
    }
}
