package dev.newsbrief.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged or shown: every Telegram bot token shape
 * ({@code bot123456:AA...} in API URLs, or a bare {@code 123456:AA...}) and the literal values of
 * known secrets, wherever they appear (messages, exception messages, stack traces, URLs).
 * Immutable; {@link #withSecret} returns a copy.
 */
public final class Redactor {
    /** Telegram tokens are {@code <bot id>:<35 url-safe characters>}; allow some slack in both parts. */
    private static final Pattern BOT_URL = Pattern.compile("bot\\d{3,}:[A-Za-z0-9_-]{20,}");
    private static final Pattern BARE_TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])\\d{5,}:[A-Za-z0-9_-]{30,}");
    /** Shorter literal secrets would redact ordinary words. */
    private static final int MIN_SECRET_LENGTH = 8;
    static final String MASK = "****";

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** Redacts token shapes only. */
    public static Redactor tokenShapes() {
        return new Redactor(List.of());
    }

    /** A copy that also redacts {@code secret} literally; null, blank or very short values are ignored. */
    public Redactor withSecret(String secret) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH || secrets.contains(secret.strip())) {
            return this;
        }
        List<String> more = new ArrayList<>(secrets);
        more.add(secret.strip());
        // longest first, so a secret containing another is masked whole
        more.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(more);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        if (out.indexOf(':') >= 0) {
            out = BOT_URL.matcher(out).replaceAll("bot" + MASK);
            out = BARE_TOKEN.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
        }
        return out;
    }
}
