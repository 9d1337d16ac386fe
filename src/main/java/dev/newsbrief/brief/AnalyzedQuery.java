package dev.newsbrief.brief;

import dev.newsbrief.index.AnalyzedTerms;
import dev.newsbrief.lang.Languages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link UserQuery} after the shared analyzer: index terms only, ready to become a Lucene query.
 *
 * @param user       what it was analysed from
 * @param terms      analysed free words in typed order (repeats kept: the order drives proximity)
 * @param phrases    required phrases
 * @param exclusions forbidden words and phrases
 * @param corrected  spelling corrections applied (typed term to index term); empty when none
 * @param language   the language it was analysed in, whose fields it searches ({@code en} for the
 *                   plain fields)
 */
public record AnalyzedQuery(UserQuery user, List<String> terms, List<AnalyzedTerms> phrases,
        List<AnalyzedTerms> exclusions, Map<String, String> corrected, String language) {

    /** A query analysed as English. */
    public AnalyzedQuery(UserQuery user, List<String> terms, List<AnalyzedTerms> phrases,
            List<AnalyzedTerms> exclusions, Map<String, String> corrected) {
        this(user, terms, phrases, exclusions, corrected, Languages.ENGLISH);
    }

    public AnalyzedQuery {
        terms = List.copyOf(terms);
        phrases = List.copyOf(phrases);
        exclusions = List.copyOf(exclusions);
        corrected = Map.copyOf(corrected);
        language = language == null ? Languages.ENGLISH : language;
    }

    /** True when no word survived analysis (empty text, only stopwords, only emoji...). */
    public boolean isEmpty() {
        return terms.isEmpty() && phrases.stream().allMatch(p -> p.terms().isEmpty());
    }

    /** Every distinct index term the user wants to see, free words first; used for highlighting. */
    public Set<String> positiveTerms() {
        Set<String> out = new LinkedHashSet<>(terms);
        phrases.forEach(p -> out.addAll(p.terms()));
        return out;
    }

    /** The same query with some free terms replaced by spelling corrections. */
    public AnalyzedQuery withCorrections(Map<String, String> corrections) {
        List<String> fixed = new ArrayList<>(terms.size());
        for (String t : terms) {
            fixed.add(corrections.getOrDefault(t, t));
        }
        return new AnalyzedQuery(user, fixed, phrases, exclusions, corrections, language);
    }
}
