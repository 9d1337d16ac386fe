package dev.newsbrief.ops;

import dev.newsbrief.core.OptionException;
import java.util.List;
import java.util.Locale;

/**
 * How newsbrief logs (section {@code log:} of the config).
 *
 * @param format {@code text} (one readable line per event) or {@code json} (one JSON object per line)
 * @param level  level of newsbrief's own loggers: ERROR, WARN, INFO, DEBUG or TRACE
 */
public record LogOptions(String format, String level) {
    public static final List<String> FORMATS = List.of("text", "json");
    public static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
    public static final LogOptions DEFAULTS = new LogOptions("text", "INFO");

    public LogOptions {
        String f = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(f)) {
            throw new OptionException("format", "must be text or json (got '" + format + "')");
        }
        String l = level == null ? "" : level.strip().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(l)) {
            throw new OptionException("level", "must be one of " + String.join(", ", LEVELS) + " (got '" + level + "')");
        }
        format = f;
        level = l;
    }
}
