package dev.newsbrief.brief;

import java.util.List;

/**
 * One question analysed in each language it is searched in, likeliest language first, each with
 * the weight its matches count with (the likeliest counts 1). A question on an index of one
 * language has a single entry of weight 1 and is searched exactly as before languages existed.
 *
 * @param queries  per language, likeliest first, none empty: what an article of that language's
 *                 sentences are weighed against
 * @param weights  the weight of each, in the same order
 * @param searched per language, in the same order: the clause that language is searched with (the
 *                 likeliest language's query; another's without the likeliest language's stop words)
 */
record LanguageQueries(List<AnalyzedQuery> queries, List<Float> weights, List<AnalyzedQuery> searched) {
    LanguageQueries {
        queries = List.copyOf(queries);
        weights = List.copyOf(weights);
        searched = List.copyOf(searched);
        if (queries.size() != weights.size() || queries.size() != searched.size() || queries.isEmpty()) {
            throw new IllegalArgumentException("one weight and one searched clause per query, at least one query");
        }
    }

    /** Each language searched with the query its articles are weighed against. */
    LanguageQueries(List<AnalyzedQuery> queries, List<Float> weights) {
        this(queries, weights, queries);
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

    /** The clauses the index is searched with, as queries of their own (weights kept). */
    LanguageQueries forSearch() {
        return searched.equals(queries) ? this : new LanguageQueries(searched, weights);
    }

    /** The same queries with the primary one replaced (after spelling corrections). */
    LanguageQueries withPrimary(AnalyzedQuery corrected) {
        List<AnalyzedQuery> out = new java.util.ArrayList<>(queries);
        out.set(0, corrected);
        List<AnalyzedQuery> clauses = new java.util.ArrayList<>(searched);
        clauses.set(0, corrected);
        return new LanguageQueries(out, weights, clauses);
    }

    int size() {
        return queries.size();
    }
}
