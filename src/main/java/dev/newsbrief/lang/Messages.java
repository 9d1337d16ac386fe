package dev.newsbrief.lang;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the bot says, in one language: patterns from the bundles
 * {@code i18n/messages.properties} (English, the default) and {@code messages_de}, {@code _ru},
 * {@code _es}, {@code _pt}, formatted with {@link MessageFormat} in the language's locale (so
 * numbers and plurals follow it), and dates written the way the locale writes them. A language
 * without a bundle speaks English. Immutable; one per language, shared.
 */
public final class Messages {
    /** The languages the bot speaks, English first. */
    public static final List<String> LANGUAGES = List.of("en", "de", "ru", "es", "pt");
    static final String BUNDLE = "i18n/messages";

    private static final Map<String, Messages> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final String language;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;

    private Messages(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        // English keeps the day-month-year the bot always wrote; other languages write dates their way
        this.date = language.equals("en") ? DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    /** The messages of {@code language} (a code or tag such as {@code pt-BR}); English when it has no bundle. */
    public static Messages of(String language) {
        String code = Languages.fromTag(language);
        String chosen = code != null && LANGUAGES.contains(code) ? code : "en";
        return BY_LANGUAGE.computeIfAbsent(chosen, Messages::new);
    }

    public static Messages english() {
        return of("en");
    }

    /** Whether the bot speaks {@code language} (a code or tag). */
    public static boolean speaks(String language) {
        String code = Languages.fromTag(language);
        return code != null && LANGUAGES.contains(code);
    }

    /**
     * The language to answer a chat in: the one chosen with /language, else the user's Telegram
     * language, else English; each only if the bot speaks it.
     */
    public static String chatLanguage(String chosen, String userLanguage) {
        if (speaks(chosen)) {
            return Languages.fromTag(chosen);
        }
        return speaks(userLanguage) ? Languages.fromTag(userLanguage) : "en";
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return locale;
    }

    /** The pattern of {@code key} with {@code args} filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // a bundle missing a key is caught by MessagesTest; a user still reads English
            pattern = english().bundle.getString(key);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The text in this language; arguments that are texts themselves are put in it too. */
    public String get(Text text) {
        Object[] args = text.args().toArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Text inner) {
                args[i] = get(inner);
            }
        }
        return get(text.key(), args);
    }

    /** A date as the language writes it ("30 Nov 2026", "30.11.2026", "30 de nov. de 2026"). */
    public String date(Instant instant, ZoneId zone) {
        return date.format(instant.atZone(zone));
    }
}
