package dev.newsbrief.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link LogOptions} to the running Logback configuration once the config is
 * loaded: the output format (text or JSON lines), the level of newsbrief's loggers, and the
 * secrets to redact besides token shapes.
 */
public final class LogSetup {
    private LogSetup() {}

    /**
     * Switches every newsbrief appender to the configured format, sets the level of newsbrief's
     * loggers and redacts {@code secrets}.
     *
     * @return how many appenders were updated (0 when Logback is not the SLF4J backend)
     */
    public static int apply(LogOptions options, List<String> secrets) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("dev.newsbrief").setLevel(Level.toLevel(options.level()));
        }
        int updated = 0;
        for (RedactingEncoder encoder : encoders(LoggerFactory.getILoggerFactory())) {
            if (!options.format().equals(encoder.format())) {
                encoder.switchFormat(options.format());
            }
            secrets.forEach(encoder::addSecret);
            updated++;
        }
        return updated;
    }

    /** Redacts {@code secrets} (a database password, a webhook secret) from every log line from now on. */
    public static void addSecrets(List<String> secrets) {
        for (RedactingEncoder encoder : encoders(LoggerFactory.getILoggerFactory())) {
            secrets.forEach(encoder::addSecret);
        }
    }

    /**
     * For an interactive terminal chat: routine INFO lines on stderr would interleave with the
     * answers, so newsbrief's loggers drop to WARN unless the operator chose a level.
     *
     * @param levelChosen whether the operator set {@code log.level} (the caller knows where settings came from)
     */
    public static void quietForConversation(boolean levelChosen) {
        if (!levelChosen && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("dev.newsbrief").setLevel(Level.WARN);
        }
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
