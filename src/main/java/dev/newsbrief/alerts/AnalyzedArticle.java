package dev.newsbrief.alerts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * One article analysed once into a single-document {@link MemoryIndex} (title and body in one
 * field, positions kept for phrases). Verification reads the MemoryIndex's term dictionary —
 * which of the topic dictionary's terms the article holds, as a bit set — and, for phrases, the
 * positions from its postings. {@link #matchesQuery} runs a topic's full Lucene query instead,
 * for brute-force comparison and tests. Not thread-safe: one per article per thread.
 */
public final class AnalyzedArticle {
    private static final int[] NO_POSITIONS = new int[0];

    private final IndexSearcher searcher;
    private final String field;
    private final List<BytesRef> terms;
    private final BitSet present;
    private final Map<Integer, int[]> positions;

    private AnalyzedArticle(IndexSearcher searcher, String field, List<BytesRef> terms, BitSet present,
            Map<Integer, int[]> positions) {
        this.searcher = searcher;
        this.field = field;
        this.terms = terms;
        this.present = present;
        this.positions = positions;
    }

    static AnalyzedArticle of(String title, String body, Analyzer analyzer, TopicDictionary dictionary) {
        return of(title, body, analyzer, dictionary, TopicMatcher.FIELD);
    }

    /** The article analysed as {@code field} ({@code content}, or {@code content.de} for German). */
    static AnalyzedArticle of(String title, String body, Analyzer analyzer, TopicDictionary dictionary, String field) {
        MemoryIndex index = new MemoryIndex();
        // One field, like a reader sees headline and text; the blank line is only cosmetic.
        index.addField(field, (title == null ? "" : title) + "\n\n" + body, analyzer);
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null);
        List<BytesRef> terms = new ArrayList<>();
        BitSet present = new BitSet();
        Map<Integer, int[]> positions = new HashMap<>();
        try {
            Terms t = searcher.getIndexReader().leaves().get(0).reader().terms(field);
            if (t != null) {
                TermsEnum it = t.iterator();
                PostingsEnum postings = null;
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    BytesRef copy = BytesRef.deepCopyOf(term);
                    terms.add(copy);
                    int id = dictionary.idOf(copy);
                    if (id >= 0) {
                        // Only terms some topic uses matter; read their positions while we are here.
                        present.set(id);
                        postings = it.postings(postings, PostingsEnum.POSITIONS);
                        postings.nextDoc();
                        int[] at = new int[postings.freq()];
                        for (int i = 0; i < at.length; i++) {
                            at[i] = postings.nextPosition();
                        }
                        positions.put(id, at); // increasing, as postings return them
                    }
                }
            }
        } catch (IOException e) {
            throw new AlertsException("reading terms of an in-memory article failed: " + e.getMessage(), e);
        }
        return new AnalyzedArticle(searcher, field, terms, present, positions);
    }

    /** The article's distinct analysed terms, sorted. */
    public List<BytesRef> terms() {
        return terms;
    }

    boolean contains(int termId) {
        return present.get(termId);
    }

    /**
     * Whether a phrase occurs: {@code length} pairs of (term id, relative position) from
     * {@code start} in {@code packed}, checked on the positions from the MemoryIndex postings.
     */
    boolean containsPhrase(int[] packed, int start, int length) {
        int firstOffset = packed[start + 1];
        for (int position : positionsOf(packed[start])) {
            boolean all = true;
            for (int k = 1; k < length && all; k++) {
                int wanted = position + packed[start + 2 * k + 1] - firstOffset;
                all = Arrays.binarySearch(positionsOf(packed[start + 2 * k]), wanted) >= 0;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private int[] positionsOf(int termId) {
        int[] p = positions.get(termId);
        return p == null ? NO_POSITIONS : p;
    }

    /** Whether the topic's complete Lucene query matches this article's MemoryIndex. */
    public boolean matchesQuery(Topic topic) {
        return matches(topic.query(field));
    }

    private boolean matches(Query query) {
        try {
            return searcher.count(query) > 0;
        } catch (IOException e) {
            throw new AlertsException("verifying a topic in memory failed: " + e.getMessage(), e);
        }
    }
}
