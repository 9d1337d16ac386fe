package dev.newsbrief.brief;

import dev.newsbrief.index.AnalyzedTerms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;

/**
 * How a briefing shows spelling corrections: the question as corrected ("showing results for"),
 * and "did you mean" words when nothing was found; each corrected word as written in the articles.
 */
final class DidYouMean {
    private final SpellingCorrector speller;
    private final SearchQueryBuilder builder;
    private final TopicText topics;

    DidYouMean(SpellingCorrector speller, SearchQueryBuilder builder, TopicText topics) {
        this.speller = speller;
        this.builder = builder;
        this.topics = topics;
    }

    /** "Did you mean" words: corrections for unknown terms, shown as written in the articles. */
    List<String> suggestions(IndexSearcher searcher, Searched s) throws IOException {
        AnalyzedQuery query = s.query();
        Map<String, String> fixes = query.corrected().isEmpty()
                ? speller.corrections(s.docFreqs(), query.positiveTerms()) : query.corrected();
        List<String> out = new ArrayList<>();
        for (String fixed : fixes.values()) {
            String word = speller.surfaceForm(searcher, fixed, query.language());
            if (!out.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }

    /** The user's question as a topic with {@code fixes} (analysed term to corrected term) applied. */
    String correctedText(UserQuery user, Map<String, String> fixes, String language, IndexSearcher searcher)
            throws IOException {
        List<String> words = new ArrayList<>();
        for (String term : user.terms()) {
            AnalyzedTerms a = builder.analyse(term, language);
            String replacement = a.terms().size() == 1 ? fixes.get(a.terms().get(0)) : null;
            words.add(replacement == null ? term : speller.surfaceForm(searcher, replacement, language));
        }
        UserQuery fixed = new UserQuery(user.raw(), words, user.phrases(), user.exclusions(), user.recency());
        return topics.of(fixed);
    }
}
