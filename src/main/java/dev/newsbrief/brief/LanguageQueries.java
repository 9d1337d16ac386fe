package dev.newsbrief.brief;

import java.util.List;

/**
 * One question analysed in each language it is searched in, likeliest language first, each with
 * the weight its matches count with (the likeliest counts 1). A question on an index of one
 * language has a single entry of weight 1 and is searched exactly as before languages existed.
 *
 * @param queries per language, likeliest first, none empty
 * @param weights the weight of each, in the same order
 */
record LanguageQueries(List<AnalyzedQuery> queries, List<Float> weights) {
    LanguageQueries {
        queries = List.copyOf(queries);
        weights = List.copyOf(weights);
        if (queries.size() != weights.size() || queries.isEmpty()) {
            throw new IllegalArgumentException("one weight per query, at least one query");
        }
    }

    static LanguageQueries single(AnalyzedQuery query) {
        return new LanguageQueries(List.of(query), List.of(1f));
    }

    /** The likeliest language's query: spelling corrections and the interpreted topic come from it. */
    AnalyzedQuery primary() {
        return queries.get(0);
    }

    /** The query in {@code language}, else the primary one. */
    AnalyzedQuery in(String language) {
        for (AnalyzedQuery q : queries) {
            if (q.language().equals(language)) {
                return q;
            }
        }
        return primary();
    }

    /** The same queries with the primary one replaced (after spelling corrections). */
    LanguageQueries withPrimary(AnalyzedQuery corrected) {
        List<AnalyzedQuery> out = new java.util.ArrayList<>(queries);
        out.set(0, corrected);
        return new LanguageQueries(out, weights);
    }

    int size() {
        return queries.size();
    }
}
