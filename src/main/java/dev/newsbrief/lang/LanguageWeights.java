package dev.newsbrief.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How likely a query is to be in each language, scaled so that the likeliest counts 1. Searching
 * restricts these to the languages the index holds and gives the others a floor, so that a
 * question can still find an article in another language through names and numbers.
 *
 * @param weights language code to weight in (0, 1], likeliest first
 */
public record LanguageWeights(Map<String, Double> weights) {
    public static final LanguageWeights NONE = new LanguageWeights(Map.of());

    public LanguageWeights {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** Weights from raw scores (any scale), likeliest first, scaled to a maximum of 1. */
    public static LanguageWeights of(Map<String, Double> scores) {
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (max <= 0) {
            return NONE;
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(scores.entrySet());
        sorted.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : sorted) {
            if (e.getValue() > 0) {
                out.put(e.getKey(), e.getValue() / max);
            }
        }
        return new LanguageWeights(out);
    }

    /** The likeliest language, or null when nothing was detected. */
    public String likeliest() {
        return weights.isEmpty() ? null : weights.keySet().iterator().next();
    }

    /**
     * The weights to search {@code present} languages with: each present language gets its weight,
     * but at least {@code floor}; the likeliest present language counts 1. A single present language
     * counts 1 whatever was detected, so a one-language index is searched exactly as before.
     */
    public LanguageWeights over(Collection<String> present, double floor) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String lang : present) {
            out.put(lang, Math.max(floor, weights.getOrDefault(lang, 0.0)));
        }
        return of(out);
    }
}
