package dev.newsbrief.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import dev.newsbrief.config.Config;
import dev.newsbrief.config.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code log.*} settings to the running Logback configuration once the config is
 * loaded: the output format (text or JSON lines), the level of newsbrief's loggers, and the
 * secrets to redact besides token shapes.
 */
public final class LogSetup {
    public static final List<String> FORMATS = List.of("text", "json");
    public static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    private LogSetup() {}

    /** The validated {@code log.format} setting. */
    public static String format(Config config) {
        String f = config.string("log.format");
        String normalised = f == null ? "" : f.strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(normalised)) {
            throw new ConfigException("setting log.format must be text or json (got '" + f + "') at "
                    + config.origin("log.format"));
        }
        return normalised;
    }

    /**
     * Switches every newsbrief appender to the configured format and redacts {@code secrets}.
     *
     * @return how many appenders were updated (0 when Logback is not the SLF4J backend)
     */
    public static int apply(Config config, List<String> secrets) {
        String format = format(config);
        Level level = level(config);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("dev.newsbrief").setLevel(level);
        }
        int updated = 0;
        for (RedactingEncoder encoder : encoders(LoggerFactory.getILoggerFactory())) {
            if (!format.equals(encoder.format())) {
                encoder.switchFormat(format);
            }
            secrets.forEach(encoder::addSecret);
            updated++;
        }
        return updated;
    }

    /**
     * For an interactive terminal chat: routine INFO lines on stderr would interleave with the
     * answers, so newsbrief's loggers drop to WARN unless the operator chose a level.
     */
    public static void quietForConversation(Config config) {
        // the repository's own config/newsbrief.yaml repeats the default, so judge by value and env
        boolean chosen = config.origin("log.level").startsWith("environment")
                || !Config.defaults().string("log.level").equalsIgnoreCase(config.string("log.level"));
        if (!chosen && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("dev.newsbrief").setLevel(Level.WARN);
        }
    }

    /** The validated {@code log.level} setting. */
    public static Level level(Config config) {
        String l = config.string("log.level");
        String normalised = l == null ? "" : l.strip().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(normalised)) {
            throw new ConfigException("setting log.level must be one of " + String.join(", ", LEVELS) + " (got '" + l
                    + "') at " + config.origin("log.level"));
        }
        return Level.toLevel(normalised);
    }

    static List<RedactingEncoder> encoders(ILoggerFactory factory) {
        List<RedactingEncoder> out = new ArrayList<>();
        if (!(factory instanceof LoggerContext context)) {
            return out;
        }
        for (Logger logger : context.getLoggerList()) {
            Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders();
            while (it.hasNext()) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> a
                        && a.getEncoder() instanceof RedactingEncoder r && !out.contains(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
