package dev.newsbrief.ops;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Logback encoder of every newsbrief appender: formats an event as a text line (with the
 * configured pattern) or as one JSON object per line, then redacts secrets from the whole output,
 * so a token inside a message, an argument or an HTTP client's exception never reaches the log.
 *
 * <p>Configured in {@code logback.xml} with {@code <pattern>} and {@code <format>} (text|json);
 * {@link LogSetup} switches the format and adds secrets at start-up once the config is loaded.
 * The {@code TELEGRAM_BOT_TOKEN} environment variable is redacted from the first line on.
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {
    public static final String TOKEN_VARIABLE = "TELEGRAM_BOT_TOKEN";

    private String pattern = "%d %-5level %logger - %msg%n";
    private String format = "text";
    private volatile Encoder<ILoggingEvent> inner;
    private volatile Redactor redactor = Redactor.tokenShapes().withSecret(System.getenv(TOKEN_VARIABLE));

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String format() {
        return format;
    }

    @Override
    public void start() {
        inner = build(format);
        super.start();
    }

    /** Switches to {@code text} or {@code json} output; takes effect for the next event. */
    public void switchFormat(String newFormat) {
        Encoder<ILoggingEvent> next = build(newFormat);
        Encoder<ILoggingEvent> previous = inner;
        inner = next;
        format = newFormat;
        if (previous != null) {
            previous.stop();
        }
    }

    /** Redacts {@code secret} literally from now on. */
    public void addSecret(String secret) {
        redactor = redactor.withSecret(secret);
    }

    Redactor redactor() {
        return redactor;
    }

    private Encoder<ILoggingEvent> build(String name) {
        String f = name == null ? "text" : name.strip().toLowerCase(Locale.ROOT);
        Encoder<ILoggingEvent> e;
        switch (f) {
            case "json" -> {
                JsonEncoder json = new JsonEncoder();
                // the logger context's name and properties repeat on every line; operators don't need them
                json.setWithContext(false);
                e = json;
            }
            case "text" -> {
                PatternLayoutEncoder text = new PatternLayoutEncoder();
                text.setPattern(pattern);
                text.setCharset(StandardCharsets.UTF_8);
                e = text;
            }
            default -> throw new IllegalArgumentException("log format must be text or json, not '" + name + "'");
        }
        e.setContext(getContext());
        e.start();
        return e;
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] raw = inner.encode(event);
        if (raw == null) {
            return null;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        String clean = redactor.redact(text);
        return clean == text ? raw : clean.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public void stop() {
        if (inner != null) {
            inner.stop();
        }
        super.stop();
    }
}
