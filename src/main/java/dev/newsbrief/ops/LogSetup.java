package dev.newsbrief.ops;

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
 * loaded: the output format (text or JSON lines) and the secrets to redact besides token shapes.
 */
public final class LogSetup {
    public static final List<String> FORMATS = List.of("text", "json");

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
