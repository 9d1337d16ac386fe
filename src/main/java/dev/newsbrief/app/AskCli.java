package dev.newsbrief.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.brief.StoryCoverage;
import dev.newsbrief.terminal.JsonBriefingFormatter;
import dev.newsbrief.terminal.PlainTextBriefingFormatter;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.stories.StoryReader;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import dev.newsbrief.index.IndexCoverage;
import dev.newsbrief.store.ArticleStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsbrief ask}: one briefing, read-only, so it works while the bot or an ingest writes. */
@Command(name = "ask", description = "Answer a question or keywords with a short, cited briefing.")
final class AskCli implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the briefing as one JSON object.")
    boolean json;

    @Option(names = "--lang", paramLabel = "CODE",
            description = "The asker's language (ISO 639-1, e.g. de), a prior for the question's language.")
    String language;

    @Option(names = "--limit", paramLabel = "N", description = "Most items to show (default: brief.max-items).")
    Integer limit;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The question or keywords.")
    List<String> text;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws JsonProcessingException {
        try (AppContext app = AppContext.forReading(common)) {
            BriefOptions o = app.settings().brief();
            if (limit != null) {
                if (limit < 1) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
                }
                o = new BriefOptions(o.maxChars(), limit, o.sentencesPerItem(), o.maxSentenceChars(), o.redundancy(),
                        o.ranking());
            }
            PassageIndex index = IndexWiring.openForReading(app);
            BriefingService service = BriefingService.multilingual(index, Clock.systemDefaultZone(), o,
                    new CompositeMeterRegistry(), app.settings().languages(), DenseWiring.forReading(app).search(),
                    new StoryCoverage(app.manage(new StoryReader(app.database()))));
            Briefing b = service.ask(String.join(" ", text), language);
            // beside a rebuild or a running ingest the index may hold fewer articles than the store: say so
            Optional<String> notice = new IndexCoverage(index, new ArticleStore(app.database()), Clock.systemUTC())
                    .notice();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode node = (ObjectNode) JSON.readTree(new JsonBriefingFormatter().format(b));
                notice.ifPresent(n -> node.put("notice", n));
                out.println(node);
            } else {
                out.println(new PlainTextBriefingFormatter(ZoneId.systemDefault()).format(b)
                        + notice.map(n -> "\n\n" + n).orElse(""));
            }
            out.flush();
            return 0;
        }
    }
}
