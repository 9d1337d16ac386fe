package dev.newsbrief.alerts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * One article analysed once into a single-document {@link MemoryIndex} (title and body in one
 * field, positions kept for phrases), plus its distinct terms for the presearcher. Not thread-safe;
 * build one per article per thread.
 */
public final class PreparedArticle {
    private final IndexSearcher searcher;
    private final List<BytesRef> terms;
    private final Set<String> termSet;

    private PreparedArticle(IndexSearcher searcher, List<BytesRef> terms, Set<String> termSet) {
        this.searcher = searcher;
        this.terms = terms;
        this.termSet = termSet;
    }

    static PreparedArticle of(String title, String body, Analyzer analyzer) {
        MemoryIndex index = new MemoryIndex();
        // The blank line keeps a phrase from spanning the end of the title and the start of the body
        // only by accident; both are searched as one text, like a reader sees them.
        index.addField(TopicMatcher.FIELD, (title == null ? "" : title) + "\n\n" + body, analyzer);
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null);
        List<BytesRef> terms = new ArrayList<>();
        Set<String> termSet = new HashSet<>();
        try {
            Terms t = searcher.getIndexReader().leaves().get(0).reader().terms(TopicMatcher.FIELD);
            if (t != null) {
                TermsEnum it = t.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    terms.add(BytesRef.deepCopyOf(term));
                    termSet.add(term.utf8ToString());
                }
            }
        } catch (IOException e) {
            throw new AlertsException("reading terms of an in-memory article failed: " + e.getMessage(), e);
        }
        return new PreparedArticle(searcher, terms, termSet);
    }

    /** The article's distinct analysed terms, sorted. */
    public List<BytesRef> terms() {
        return terms;
    }

    /**
     * Whether the article matches {@code topic}: every required term and phrase, no exclusion.
     * Term clauses are decided on the in-memory index's term dictionary, which is exact for single
     * terms and costs a hash lookup; only when positions matter (phrases) does the topic's
     * positional query run against the {@code MemoryIndex}.
     */
    public boolean matches(Topic topic) {
        for (String t : topic.terms()) {
            if (!termSet.contains(t)) {
                return false;
            }
        }
        boolean positional = false;
        for (TopicPhrase p : topic.phrases()) {
            for (String t : p.terms()) {
                if (!termSet.contains(t)) {
                    return false;
                }
            }
            positional = true;
        }
        for (TopicPhrase p : topic.exclusions()) {
            if (p.terms().size() == 1) {
                if (termSet.contains(p.terms().get(0))) {
                    return false;
                }
            } else if (termSet.containsAll(p.terms())) {
                positional = true;
            }
        }
        return !positional || matches(topic.positionalQuery(TopicMatcher.FIELD));
    }

    /** Whether the article contains the analysed term. */
    public boolean contains(String term) {
        return termSet.contains(term);
    }

    boolean matches(Query query) {
        try {
            return searcher.count(query) > 0;
        } catch (IOException e) {
            throw new AlertsException("verifying a topic in memory failed: " + e.getMessage(), e);
        }
    }
}
