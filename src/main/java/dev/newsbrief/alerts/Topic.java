package dev.newsbrief.alerts;

import dev.newsbrief.index.AnalyzedTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A followed topic after analysis: every required term and phrase must appear in an article,
 * and no excluded one may. Two spellings with the same analysed clauses (case, word order,
 * inflection, repeats) have the same {@link #key}, which is what subscriptions store.
 *
 * @param key        canonical form, e.g. {@code "north korea" russia -sport}
 * @param display    the topic as first typed, for messages
 * @param terms      required single terms, sorted, distinct
 * @param phrases    required multi-term phrases, sorted by canonical text, distinct
 * @param exclusions forbidden terms or phrases, sorted, distinct
 */
public record Topic(String key, String display, List<String> terms, List<AnalyzedTerms> phrases,
        List<AnalyzedTerms> exclusions) {

    public Topic {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(display, "display");
        terms = List.copyOf(terms);
        phrases = List.copyOf(phrases);
        exclusions = List.copyOf(exclusions);
        if (terms.isEmpty() && phrases.isEmpty()) {
            throw new IllegalArgumentException("a topic needs at least one required word");
        }
        if (phrases.stream().anyMatch(AnalyzedTerms::isEmpty) || exclusions.stream().anyMatch(AnalyzedTerms::isEmpty)) {
            throw new IllegalArgumentException("a phrase or exclusion needs at least one term");
        }
    }

    /** Builds the topic from analysed clauses, computing the canonical key. */
    static Topic of(String display, Set<String> terms, Set<AnalyzedTerms> phrases, Set<AnalyzedTerms> exclusions) {
        List<String> sortedTerms = terms.stream().sorted().toList();
        Comparator<AnalyzedTerms> byText = Comparator.comparing(Topic::canonical);
        List<AnalyzedTerms> sortedPhrases = phrases.stream().sorted(byText).toList();
        List<AnalyzedTerms> sortedExclusions = exclusions.stream().sorted(byText).toList();
        List<String> clauses = new ArrayList<>(sortedTerms);
        sortedPhrases.forEach(p -> clauses.add(canonical(p)));
        clauses.sort(Comparator.naturalOrder());
        sortedExclusions.forEach(p -> clauses.add("-" + canonical(p)));
        return new Topic(String.join(" ", clauses), display, sortedTerms, sortedPhrases, sortedExclusions);
    }

    /** The same clauses under another key: a topic analysed for another language keeps its subscribers' key. */
    Topic withKey(String otherKey) {
        return new Topic(otherKey, display, terms, phrases, exclusions);
    }

    /** Every distinct term the topic requires, single terms first. */
    public Set<String> requiredTerms() {
        Set<String> out = new LinkedHashSet<>(terms);
        phrases.forEach(p -> out.addAll(p.terms()));
        return out;
    }

    /**
     * The one term the presearcher indexes the topic under. Any article that matches contains it,
     * because every required term must appear; the rarest one (fewest documents by
     * {@code documentFrequency}) makes the fewest false candidates, and among equals the longest
     * (the heuristic of Lucene Monitor's default term weighting).
     */
    public String anchorTerm(ToLongFunction<String> documentFrequency) {
        return requiredTerms().stream()
                .min(Comparator.<String>comparingLong(documentFrequency::applyAsLong)
                        .thenComparing(Comparator.comparingInt(String::length).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    /** The Lucene query that verifies the topic against one article in {@code field}. */
    public Query query(String field) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(field, t)), Occur.FILTER);
        }
        for (AnalyzedTerms p : phrases) {
            b.add(phraseQuery(field, p), Occur.FILTER);
        }
        for (AnalyzedTerms p : exclusions) {
            b.add(phraseQuery(field, p), Occur.MUST_NOT);
        }
        return b.build();
    }

    private static Query phraseQuery(String field, AnalyzedTerms p) {
        return p.query(field);
    }

    /** A phrase's canonical text: terms in order, one {@code _} per gap; quoted when longer than one term. */
    static String canonical(AnalyzedTerms p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.terms().size(); i++) {
            if (i > 0) {
                sb.append(' ');
                for (int gap = p.positions().get(i) - p.positions().get(i - 1) - 1; gap > 0; gap--) {
                    sb.append("_ ");
                }
            }
            sb.append(p.terms().get(i));
        }
        return p.terms().size() == 1 ? sb.toString() : '"' + sb.toString() + '"';
    }
}
