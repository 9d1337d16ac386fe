package dev.newsbrief.lang;

import dev.newsbrief.core.OptionException;

/**
 * Settings of the language features (the {@code languages:} section of the configuration).
 *
 * @param otherLanguageWeight what a match in a language the question is probably not in counts,
 *                            relative to its likeliest language (1); above 0, so that an English
 *                            question can still find a German-only story through names and numbers
 */
public record LanguageOptions(double otherLanguageWeight) {
    public static final LanguageOptions DEFAULTS = new LanguageOptions(0.5);

    public LanguageOptions {
        if (!(otherLanguageWeight > 0 && otherLanguageWeight <= 1)) {
            throw new OptionException("otherLanguageWeight", "must be above 0 and at most 1 (got "
                    + otherLanguageWeight + ")");
        }
    }
}
