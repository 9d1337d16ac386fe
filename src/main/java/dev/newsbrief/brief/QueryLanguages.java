package dev.newsbrief.brief;

import dev.newsbrief.index.AnalyzedTerms;
import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.lang.LanguageOptions;
import dev.newsbrief.lang.LanguageWeights;
import dev.newsbrief.lang.Languages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Decides which languages a question is searched in, and how much each counts: the languages the
 * index holds articles in, weighted by the question's detected language with the user's language
 * as a prior ({@link LanguageDetector#ofQuery}); every held language keeps at least
 * {@link LanguageOptions#otherLanguageWeight()}, so names and numbers still find a story told only
 * in another language. An index of one language is searched in it alone, with weight 1, exactly
 * as before languages were told apart (and the detector is never loaded for it).
 */
final class QueryLanguages {
    private final SearchQueryBuilder builder;
    private final Supplier<LanguageDetector> detector;
    private final LanguageOptions options;

    QueryLanguages(SearchQueryBuilder builder, Supplier<LanguageDetector> detector, LanguageOptions options) {
        this.builder = builder;
        this.detector = detector;
        this.options = options;
    }

    /**
     * {@code user} analysed in each language it is searched in, likeliest first; empty when no
     * language's analysis leaves a word to search for.
     *
     * @param prior the user's language tag (Telegram {@code language_code}, {@code ask --lang}), or null
     */
    Optional<LanguageQueries> analyse(IndexReader reader, UserQuery user, String prior) {
        List<String> present = PassageIndex.languages(reader);
        if (present.size() <= 1) {
            String only = present.isEmpty() ? Languages.ENGLISH : present.get(0);
            AnalyzedQuery q = builder.analyse(user, only);
            return q.isEmpty() ? Optional.empty() : Optional.of(LanguageQueries.single(q));
        }
        LanguageWeights weights = detector.get().ofQuery(user.raw(), prior)
                .over(present, options.otherLanguageWeight());
        List<AnalyzedQuery> queries = new ArrayList<>();
        List<AnalyzedQuery> searched = new ArrayList<>();
        List<Float> w = new ArrayList<>();
        UserQuery others = user;
        for (Map.Entry<String, Double> e : weights.weights().entrySet()) {
            AnalyzedQuery q = builder.analyse(user, e.getKey());
            if (q.isEmpty()) {
                continue;
            }
            // the likeliest language is always searched (its misses get spelling help); another
            // only when its articles hold one of the question's words other than the likeliest
            // language's stop words, which most often they do not: a clause that cannot match
            // still costs a term lookup per segment for each word
            AnalyzedQuery clause = queries.isEmpty() || others == user ? q : builder.analyse(others, e.getKey());
            if (queries.isEmpty() || (!clause.isEmpty() && mayMatch(reader, clause))) {
                if (queries.isEmpty()) {
                    others = withoutStopWords(user, e.getKey());
                }
                queries.add(q);
                searched.add(clause);
                w.add(e.getValue().floatValue());
            }
        }
        return queries.isEmpty() ? Optional.empty() : Optional.of(new LanguageQueries(queries, w, searched));
    }

    /**
     * {@code user} without the free words that the likeliest language's analysis drops as stop
     * words: "the" or "of" in an English question are function words of the question, whatever
     * another language's analysis keeps them as, and would match that language's articles (often
     * English ones misdetected) on nothing but grammar.
     */
    private UserQuery withoutStopWords(UserQuery user, String language) {
        List<String> kept = new ArrayList<>(user.terms().size());
        for (String word : user.terms()) {
            if (!builder.analyse(word, language).terms().isEmpty()) {
                kept.add(word);
            }
        }
        return kept.size() == user.terms().size() ? user
                : new UserQuery(user.raw(), kept, user.phrases(), user.exclusions(), user.recency());
    }

    /** Whether some article of the query's language holds one of its words or phrase words. */
    private static boolean mayMatch(IndexReader reader, AnalyzedQuery q) {
        String field = PassageFields.of(PassageFields.ARTICLE, q.language());
        try {
            for (String t : q.positiveTerms()) {
                if (reader.docFreq(new Term(field, t)) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading document frequencies failed", e);
        }
    }

    /**
     * The primary query's terms that may be spelling mistakes: those whose word is unknown in the
     * primary language and in every other language searched. A correct German word is never
     * "corrected" into an English one because the English articles lack it, nor an English name
     * because only German articles carry it.
     */
    Set<String> correctable(IndexReader reader, LanguageQueries queries) throws IOException {
        AnalyzedQuery primary = queries.primary();
        Set<String> out = new LinkedHashSet<>(primary.terms());
        if (queries.size() == 1) {
            return out;
        }
        for (String word : primary.user().terms()) {
            AnalyzedTerms inPrimary = builder.analyse(word, primary.language());
            if (inPrimary.terms().size() != 1 || !out.contains(inPrimary.terms().get(0))
                    || known(reader, inPrimary.terms().get(0), primary.language())) {
                continue; // a known word is never corrected anyway
            }
            for (AnalyzedQuery other : queries.queries().subList(1, queries.size())) {
                AnalyzedTerms there = builder.analyse(word, other.language());
                if (there.terms().size() == 1 && known(reader, there.terms().get(0), other.language())) {
                    out.remove(inPrimary.terms().get(0));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean known(IndexReader reader, String term, String language) throws IOException {
        return reader.docFreq(new Term(PassageFields.of(PassageFields.TEXT, language), term)) > 0
                || reader.docFreq(new Term(PassageFields.of(PassageFields.TITLE, language), term)) > 0;
    }
}
