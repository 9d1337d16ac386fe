package dev.newsbrief.alerts;

import java.util.List;

/**
 * Analysed words that must appear together, with their positions, which keep the gaps left by
 * removed stop words ("Bank of England" is bank@0, england@2). A single excluded word is a phrase
 * of one term.
 */
public record TopicPhrase(List<String> terms, List<Integer> positions) {
    public TopicPhrase {
        terms = List.copyOf(terms);
        positions = List.copyOf(positions);
        if (terms.isEmpty() || terms.size() != positions.size()) {
            throw new IllegalArgumentException("a phrase needs one position per term and at least one term");
        }
    }

    /** Canonical text: terms in order, one {@code _} per gap; quoted when longer than one term. */
    String canonical() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                sb.append(' ');
                for (int gap = positions.get(i) - positions.get(i - 1) - 1; gap > 0; gap--) {
                    sb.append("_ ");
                }
            }
            sb.append(terms.get(i));
        }
        return terms.size() == 1 ? sb.toString() : '"' + sb.toString() + '"';
    }
}
