package dev.newsbrief.lang;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Language codes as newsbrief stores and shows them: lower-case ISO 639-1 ({@code de}, {@code pt},
 * {@code zh}), {@link #UNDETERMINED} when nothing could be said. Declared languages from feeds,
 * pages and Telegram ({@code de-DE}, {@code pt_BR}, {@code nb}, {@code zh-Hant}) are reduced to
 * that form; anything else is no hint at all.
 */
public final class Languages {
    /** ISO 639-2 "undetermined": too little text, or no usable hint. */
    public static final String UNDETERMINED = "und";
    /** English: the default language, analysed exactly as before languages were told apart. */
    public static final String ENGLISH = "en";

    /**
     * The languages the detector tells apart: those with an analyzer of their own, and the
     * widely written ones without one, so that their text is not taken for a neighbour's.
     */
    public static final List<String> DETECTED = List.of("en", "de", "fr", "es", "pt", "it", "nl", "ru", "uk", "be",
            "ar", "fa", "ur", "tr", "sv", "da", "no", "is", "fi", "et", "lv", "lt", "hu", "ro", "cs", "sk", "sl",
            "hr", "sr", "mk", "bg", "el", "sq", "pl", "ca", "eu", "gl", "ga", "cy", "hi", "bn", "ta", "te", "ne",
            "th", "vi", "id", "ms", "tl", "sw", "af", "he", "zh", "ja", "ko");

    private static final Set<String> KNOWN = Set.copyOf(DETECTED);

    private Languages() {
    }

    /**
     * The ISO 639-1 code of a declared language tag, or null when it names no language the
     * detector knows ({@code ""}, {@code "x-klingon"}, {@code "mul"}).
     */
    public static String fromTag(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-');
        String primary = dash < 0 ? t : t.substring(0, dash);
        String code = switch (primary) {
            case "nb", "nn", "nob", "nno", "nor" -> "no";
            case "iw", "heb" -> "he";
            case "in", "ind" -> "id";
            case "ji" -> "yi";
            case "eng" -> "en";
            case "deu", "ger" -> "de";
            case "fra", "fre" -> "fr";
            case "spa" -> "es";
            case "por" -> "pt";
            case "rus" -> "ru";
            case "zho", "chi" -> "zh";
            default -> primary;
        };
        return KNOWN.contains(code) ? code : null;
    }

    /** Whether {@code code} is one of the {@link #DETECTED} languages. */
    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code);
    }

    /** The code as stored: a known code, else {@link #UNDETERMINED}. */
    public static String orUndetermined(String code) {
        return isKnown(code) ? code : UNDETERMINED;
    }

    /** The language's name in English ("German"), for logs and the CLI. */
    public static String displayName(String code) {
        if (code == null || UNDETERMINED.equals(code)) {
            return "undetermined";
        }
        return Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    }
}
