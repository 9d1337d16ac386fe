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
public record Topic(String key, String display, List<String> terms, List<TopicPhrase> phrases,
        List<TopicPhrase> exclusions) {

    public Topic {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(display, "display");
        terms = List.copyOf(terms);
        phrases = List.copyOf(phrases);
        exclusions = List.copyOf(exclusions);
        if (terms.isEmpty() && phrases.isEmpty()) {
            throw new IllegalArgumentException("a topic needs at least one required word");
        }
    }

    /** Builds the topic from analysed clauses, computing the canonical key. */
    static Topic of(String display, Set<String> terms, Set<TopicPhrase> phrases, Set<TopicPhrase> exclusions) {
        List<String> sortedTerms = terms.stream().sorted().toList();
        Comparator<TopicPhrase> byText = Comparator.comparing(TopicPhrase::canonical);
        List<TopicPhrase> sortedPhrases = phrases.stream().sorted(byText).toList();
        List<TopicPhrase> sortedExclusions = exclusions.stream().sorted(byText).toList();
        List<String> clauses = new ArrayList<>(sortedTerms);
        sortedPhrases.forEach(p -> clauses.add(p.canonical()));
        clauses.sort(Comparator.naturalOrder());
        sortedExclusions.forEach(p -> clauses.add("-" + p.canonical()));
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
        for (TopicPhrase p : phrases) {
            b.add(phraseQuery(field, p), Occur.FILTER);
        }
        for (TopicPhrase p : exclusions) {
            b.add(phraseQuery(field, p), Occur.MUST_NOT);
        }
        return b.build();
    }

    private static Query phraseQuery(String field, TopicPhrase p) {
        return AnalyzedTerms.phraseQuery(field, p.terms(), p.positions());
    }
}
