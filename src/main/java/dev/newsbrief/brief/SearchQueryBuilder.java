package dev.newsbrief.brief;

import dev.newsbrief.index.AnalyzedTerms;
import dev.newsbrief.index.PassageFields;
import dev.newsbrief.lang.Languages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds Lucene queries from analysed tokens only (never QueryParser): each free word is a
 * should-clause over the passage text and the boosted title; adjacent words add a sloppy-phrase
 * proximity bonus; quoted phrases are required; exclusions are forbidden; time words become a
 * publication-date filter; and a half-life decay on the publication date gently favours fresh news.
 */
public final class SearchQueryBuilder {
    /** More distinct words than this add nothing but latency. */
    private static final int MAX_QUERY_TERMS = 24;

    private final Analyzer analyzer;
    private final RankingOptions options;
    private final Clock clock;

    public SearchQueryBuilder(Analyzer analyzer, RankingOptions options, Clock clock) {
        this.analyzer = analyzer;
        this.options = options;
        this.clock = clock;
    }

    /** The analyzer shared with the index. */
    public Analyzer analyzer() {
        return analyzer;
    }

    public RankingOptions options() {
        return options;
    }

    /** Runs the shared analyzer over every part of the query, as English. */
    public AnalyzedQuery analyse(UserQuery query) {
        return analyse(query, Languages.ENGLISH);
    }

    /** Runs the analysis of {@code language} over every part of the query, for that language's fields. */
    public AnalyzedQuery analyse(UserQuery query, String language) {
        List<String> terms = new ArrayList<>();
        for (String word : query.terms()) {
            analyse(word, language).terms().forEach(terms::add);
        }
        List<AnalyzedTerms> phrases = new ArrayList<>();
        for (String p : query.phrases()) {
            AnalyzedTerms a = analyse(p, language);
            if (!a.terms().isEmpty()) {
                phrases.add(a);
            }
        }
        List<AnalyzedTerms> exclusions = new ArrayList<>();
        for (String e : query.exclusions()) {
            AnalyzedTerms a = analyse(e, language);
            if (!a.terms().isEmpty()) {
                exclusions.add(a);
            }
        }
        return new AnalyzedQuery(query, terms, phrases, exclusions, Map.of(), language);
    }

    /** Index terms of {@code text} with their positions, as the index would see English text. */
    public AnalyzedTerms analyse(String text) {
        return analyse(text, Languages.ENGLISH);
    }

    /** Index terms of {@code text} with their positions, as the index would see it in {@code language}. */
    public AnalyzedTerms analyse(String text, String language) {
        return AnalyzedTerms.of(analyzer, PassageFields.of(PassageFields.TEXT, language), text);
    }

    /**
     * The relevance query for matching (no date filter, no recency): what alerts use to test a
     * topic against one article. Empty when no positive word survived analysis.
     */
    public Optional<Query> matchQuery(AnalyzedQuery query) {
        if (query.isEmpty()) {
            return Optional.empty();
        }
        String textField = PassageFields.of(PassageFields.TEXT, query.language());
        String titleField = PassageFields.of(PassageFields.TITLE, query.language());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<String> distinct = new LinkedHashSet<>(query.terms());
        int added = 0;
        for (String t : distinct) {
            if (added++ == MAX_QUERY_TERMS) {
                break;
            }
            b.add(new TermQuery(new Term(textField, t)), Occur.SHOULD);
            if (options.titleBoost() > 0) {
                b.add(boost(new TermQuery(new Term(titleField, t)), options.titleBoost()), Occur.SHOULD);
            }
        }
        if (options.proximityBoost() > 0) {
            for (PhraseQuery near : adjacentPairs(textField, query.terms())) {
                b.add(boost(near, options.proximityBoost()), Occur.SHOULD);
            }
        }
        for (AnalyzedTerms p : query.phrases()) {
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(phrase(textField, p), Occur.SHOULD);
            either.add(boost(phrase(titleField, p), Math.max(options.titleBoost(), 0.01f)), Occur.SHOULD);
            b.add(either.build(), Occur.MUST);
        }
        for (AnalyzedTerms e : query.exclusions()) {
            b.add(phrase(textField, e), Occur.MUST_NOT);
            b.add(phrase(titleField, e), Occur.MUST_NOT);
        }
        return Optional.of(b.build());
    }

    /**
     * {@link #matchQuery(AnalyzedQuery)} in every language of {@code queries}, each weighted: a
     * passage has the fields of one language, so it scores as its language's query times that
     * language's weight. One language gives exactly that language's query.
     */
    Optional<Query> matchQuery(LanguageQueries queries) {
        return combined(queries, this::matchQuery);
    }

    /** {@link #articleCandidates(AnalyzedQuery)} in every language of {@code queries}, each weighted. */
    Optional<Query> articleCandidates(LanguageQueries queries) {
        if (queries.size() == 1) {
            return articleCandidates(queries.primary());
        }
        return combined(queries, this::articleRelevance)
                .map(q -> withWindow(q, queries.primary().user().recency()));
    }

    /** {@link #articleProximity(AnalyzedQuery)} in every language of {@code queries}, each weighted. */
    Optional<Query> articleProximity(LanguageQueries queries) {
        return combined(queries, this::articleProximity);
    }

    private static Optional<Query> combined(LanguageQueries queries,
            java.util.function.Function<AnalyzedQuery, Optional<Query>> perLanguage) {
        if (queries.size() == 1) {
            return perLanguage.apply(queries.primary());
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        for (int i = 0; i < queries.size(); i++) {
            Optional<Query> q = perLanguage.apply(queries.queries().get(i));
            if (q.isPresent()) {
                b.add(boost(q.get(), queries.weights().get(i)), Occur.SHOULD);
                any = true;
            }
        }
        return any ? Optional.of(b.build()) : Optional.empty();
    }

    /** The full passage query: relevance, the user's date window, and the recency decay. */
    public Optional<Query> searchQuery(AnalyzedQuery query) {
        return matchQuery(query).map(relevance -> withTime(relevance, query.user().recency()));
    }

    /**
     * The query that finds and first ranks articles: BM25 over the whole article (title and body in
     * one field, present on one document per article), a title bonus, required phrases, exclusions
     * and the date window. An article's full score is {@code (this + articleProximity) x
     * recencyBoost}; those two parts are left out here so Lucene can skip non-competitive articles,
     * and are applied to the best candidates only. Empty when no positive word survived analysis.
     */
    public Optional<Query> articleCandidates(AnalyzedQuery query) {
        return articleRelevance(query).map(q -> withWindow(q, query.user().recency()));
    }

    /**
     * What an article found another way (by vector search) must still satisfy: the required
     * phrases, the exclusions and the date window, on its article-level document, in the language
     * of any of {@code queries}. Empty when the queries have none of them.
     */
    Optional<Query> articleConstraints(LanguageQueries queries) {
        boolean none = queries.queries().stream().allMatch(q -> q.phrases().isEmpty() && q.exclusions().isEmpty());
        RecencyIntent recency = queries.primary().user().recency();
        if (none && !recency.hasWindow()) {
            return Optional.empty();
        }
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        for (AnalyzedQuery query : queries.queries()) {
            String field = PassageFields.of(PassageFields.ARTICLE, query.language());
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(new FieldExistsQuery(field), Occur.FILTER);
            for (AnalyzedTerms p : query.phrases()) {
                b.add(phrase(field, p), Occur.FILTER);
            }
            for (AnalyzedTerms e : query.exclusions()) {
                b.add(phrase(field, e), Occur.MUST_NOT);
            }
            anyLanguage.add(b.build(), Occur.SHOULD);
        }
        return Optional.of(withWindow(anyLanguage.build(), recency));
    }

    /**
     * The proximity bonus of an article: adjacent query words found close together in it. Empty
     * when the query has no two adjacent words or the bonus is off.
     */
    public Optional<Query> articleProximity(AnalyzedQuery query) {
        if (options.proximityBoost() <= 0) {
            return Optional.empty();
        }
        List<PhraseQuery> pairs = adjacentPairs(PassageFields.of(PassageFields.ARTICLE, query.language()),
                query.terms());
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        pairs.forEach(near -> b.add(boost(near, options.proximityBoost()), Occur.SHOULD));
        return Optional.of(b.build());
    }

    /** The score multiplier favouring fresh articles for {@code recency}; empty when the decay is off. */
    public Optional<DoubleValuesSource> recencyBoost(RecencyIntent recency) {
        double halfLife = recency.preferNewest() ? options.latestHalfLife().toMillis()
                : options.recencyHalfLife().toMillis();
        double weight = recency.preferNewest() ? options.latestWeight() : options.recencyWeight();
        if (halfLife > 0 && weight > 0) {
            return Optional.of(new RecencyBoost(PassageFields.PUBLISHED, clock.millis(), halfLife, weight));
        }
        return Optional.empty();
    }

    private Optional<Query> articleRelevance(AnalyzedQuery query) {
        if (query.isEmpty()) {
            return Optional.empty();
        }
        String field = PassageFields.of(PassageFields.ARTICLE, query.language());
        String titleField = PassageFields.of(PassageFields.TITLE, query.language());
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        Set<String> distinct = new LinkedHashSet<>(query.terms());
        int added = 0;
        for (String t : distinct) {
            if (added++ == MAX_QUERY_TERMS) {
                break;
            }
            words.add(new TermQuery(new Term(field, t)), Occur.SHOULD);
        }
        for (AnalyzedTerms p : query.phrases()) {
            words.add(phrase(field, p), Occur.MUST);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        // MUST on the article field keeps the other clauses to the one article-level document
        b.add(words.build(), Occur.MUST);
        if (options.titleBoost() > 0) {
            added = 0;
            for (String t : distinct) {
                if (added++ == MAX_QUERY_TERMS) {
                    break;
                }
                b.add(boost(new TermQuery(new Term(titleField, t)), options.titleBoost()), Occur.SHOULD);
            }
        }
        for (AnalyzedTerms e : query.exclusions()) {
            b.add(phrase(field, e), Occur.MUST_NOT);
        }
        return Optional.of(b.build());
    }

    private List<PhraseQuery> adjacentPairs(String field, List<String> seq) {
        List<PhraseQuery> out = new ArrayList<>();
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < seq.size() && pairs.size() < MAX_QUERY_TERMS; i++) {
            if (!seq.get(i).equals(seq.get(i + 1)) && pairs.add(seq.get(i) + ' ' + seq.get(i + 1))) {
                out.add(new PhraseQuery(options.proximitySlop(), field, seq.get(i), seq.get(i + 1)));
            }
        }
        return out;
    }

    /** Restricts {@code relevance} to the date window of {@code recency}, if it has one. */
    public Query withWindow(Query relevance, RecencyIntent recency) {
        if (!recency.hasWindow()) {
            return relevance;
        }
        long from = recency.since() == null ? Long.MIN_VALUE : recency.since().toEpochMilli();
        long to = recency.until() == null ? Long.MAX_VALUE : recency.until().toEpochMilli() - 1;
        return new BooleanQuery.Builder().add(relevance, Occur.MUST)
                .add(LongPoint.newRangeQuery(PassageFields.PUBLISHED, from, to), Occur.FILTER).build();
    }

    /** Wraps {@code relevance} with the date window and recency decay of {@code recency}. */
    public Query withTime(Query relevance, RecencyIntent recency) {
        Query q = withWindow(relevance, recency);
        Optional<DoubleValuesSource> boost = recencyBoost(recency);
        return boost.isPresent() ? FunctionScoreQuery.boostByValue(q, boost.get()) : q;
    }

    private static Query phrase(String field, AnalyzedTerms p) {
        return p.query(field);
    }

    private static Query boost(Query q, float boost) {
        return boost == 1f ? q : new BoostQuery(q, boost);
    }
}
