/**
 * Which language a text is written in: {@link dev.newsbrief.lang.LanguageDetector} (a wrapper of
 * the optimaize n-gram detector, profiles shipped in its jar), {@link dev.newsbrief.lang.Languages}
 * (ISO 639-1 codes and declared-language hints) and the weights a query is searched with
 * ({@link dev.newsbrief.lang.LanguageWeights}). Uses nothing of newsbrief but {@code core}.
 */
package dev.newsbrief.lang;
