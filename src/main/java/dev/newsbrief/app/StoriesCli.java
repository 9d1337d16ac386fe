package dev.newsbrief.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.lang.Languages;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.stories.StorySummary;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsbrief stories [--limit N] [--largest] [--language CODE] [--json]}: the most recently
 * reported stories (or the largest), each with its number of articles, its outlets and the
 * languages of its articles; {@code --language} keeps the stories with an article in that language.
 * Read-only, so it runs beside the bot.
 */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = "List recent stories (the same news from several outlets) with their sizes and sources.")
final class StoriesCli implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int NAMED_SOURCES = 3;

    @Mixin
    CommonOptions common;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Stories to list (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--largest", description = "List the stories with the most articles instead of the most recent.")
    boolean largest;

    @Option(names = "--language", paramLabel = "CODE",
            description = "Only stories with an article in this language (ISO 639-1 code or tag, e.g. de, pt-BR).")
    String language;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
        }
        String code = language == null ? null : Languages.fromTag(language);
        if (language != null && code == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--language: not a language newsbrief "
                    + "detects: '" + language + "' (use an ISO 639-1 code such as en, de, fr)");
        }
        try (AppContext app = AppContext.forReading(common)) {
            StoryStore stories = new StoryStore(app.database());
            StoryStore.Counts counts = stories.counts();
            List<StorySummary> listed = largest ? stories.largest(limit, code) : stories.recent(limit, code);
            PrintWriter out = spec.commandLine().getOut();
            out.println(json ? json(counts, listed) : text(counts, listed));
            out.flush();
            return 0;
        }
    }

    private String text(StoryStore.Counts counts, List<StorySummary> listed) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d stories, %,d of them reported by more than one article.",
                counts.stories(), counts.multiple()));
        if (listed.isEmpty() && language != null) {
            return sb.append(" None ").append(largest ? "with more than one article " : "").append("has an article in ")
                    .append(Languages.displayName(Languages.fromTag(language))).append('.').toString();
        }
        if (listed.isEmpty()) {
            return sb.append(largest ? " None has more than one article yet." : " No stories yet: ingest some articles.")
                    .toString();
        }
        sb.append(largest ? " Largest first:" : " Most recently reported first:");
        ZoneId zone = ZoneId.systemDefault();
        for (StorySummary s : listed) {
            sb.append(String.format(Locale.ROOT, "%n%s  %3d %-8s  %s%n      %s%s", WHEN.format(s.lastSeen().atZone(zone)),
                    s.articles(), s.articles() == 1 ? "article" : "articles", s.title(), sources(s),
                    s.languages().isEmpty() ? "" : "  [" + String.join(", ", s.languages()) + "]"));
        }
        return sb.toString();
    }

    private static String sources(StorySummary s) {
        if (s.sources().isEmpty()) {
            return "(no source named)";
        }
        List<String> named = s.sources().subList(0, Math.min(NAMED_SOURCES, s.sources().size()));
        int more = s.sources().size() - named.size();
        return String.join(", ", named) + (more > 0 ? " (+" + more + ")" : "");
    }

    private static String json(StoryStore.Counts counts, List<StorySummary> listed) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("stories", counts.stories());
        root.put("multiple", counts.multiple());
        ArrayNode list = root.putArray("listed");
        for (StorySummary s : listed) {
            ObjectNode o = list.addObject();
            o.put("id", s.id());
            o.put("title", s.title());
            o.put("articles", s.articles());
            o.put("first_seen", s.firstSeen().toString());
            o.put("last_seen", s.lastSeen().toString());
            ArrayNode sources = o.putArray("sources");
            s.sources().forEach(sources::add);
            ArrayNode languages = o.putArray("languages");
            s.languages().forEach(languages::add);
        }
        return root.toString();
    }
}
