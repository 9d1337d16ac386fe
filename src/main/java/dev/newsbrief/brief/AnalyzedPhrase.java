package dev.newsbrief.brief;

import java.util.List;

/**
 * A phrase after analysis: its index terms and their positions, which keep the gaps left by
 * removed stopwords ("Bank of England" is bank@0, england@2) so a phrase query matches the index.
 */
public record AnalyzedPhrase(List<String> terms, List<Integer> positions) {
    public AnalyzedPhrase {
        terms = List.copyOf(terms);
        positions = List.copyOf(positions);
        if (terms.size() != positions.size()) {
            throw new IllegalArgumentException("one position per term");
        }
    }
}
