package dev.newsbrief.app;

import dev.newsbrief.config.Config;
import dev.newsbrief.config.ConfigException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.PassageSplitter;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.stories.StoryOptions;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the index and ingestion options from the {@code index.*} and {@code ingest.*} settings. */
final class IngestWiring {
    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb)?\\s*");

    private IngestWiring() {
    }

    static PassageIndex.Options indexOptions(Config cfg) {
        return new PassageIndex.Options(cfg.decimal("index.ram-buffer-mb"), new PassageSplitter.Options(
                cfg.integer("index.passage-max-sentences"), cfg.integer("index.passage-max-chars")));
    }

    static Ingester.Options ingestOptions(Config cfg) {
        return new Ingester.Options(bytes(cfg, "ingest.max-file-size"), StoryOptions.from(cfg),
                cfg.integer("ingest.batch-max-articles"), cfg.integer("ingest.batch-max-millis"));
    }

    /** A size setting such as {@code 10MB}, {@code 512kb} or a plain number of bytes. */
    static long bytes(Config cfg, String key) {
        String raw = cfg.string(key);
        Matcher m = SIZE.matcher(raw == null ? "" : raw);
        if (!m.matches()) {
            throw new ConfigException("setting " + key + " is not a size like 10MB (" + cfg.origin(key) + ")");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit) {
            case "kb" -> 1024L;
            case "mb" -> 1024L * 1024;
            case "gb" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return (long) (n * factor);
    }
}
