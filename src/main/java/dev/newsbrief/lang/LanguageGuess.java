package dev.newsbrief.lang;

/**
 * One language the detector finds likely for a text.
 *
 * @param language    ISO 639-1 code
 * @param probability between 0 and 1
 */
public record LanguageGuess(String language, double probability) {
}
