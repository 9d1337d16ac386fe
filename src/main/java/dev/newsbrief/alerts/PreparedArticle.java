package dev.newsbrief.alerts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * One article analysed once into a single-document {@link MemoryIndex} (title and body in one
 * field, positions kept for phrases). Verification reads the MemoryIndex's term dictionary (which
 * of the topic dictionary's terms the article holds, as a bit set) and, for phrases, its
 * postings; {@link #matchesQuery} runs a topic's full Lucene query instead, for brute-force
 * comparison and tests. Not thread-safe: one per article per thread.
 */
public final class PreparedArticle {
    private static final int[] NO_POSITIONS = new int[0];

    private final IndexSearcher searcher;
    private final LeafReader reader;
    private final List<BytesRef> terms;
    private final BitSet present;
    private final TopicDictionary dictionary;
    private final Map<Integer, int[]> positions = new HashMap<>();

    private PreparedArticle(IndexSearcher searcher, List<BytesRef> terms, BitSet present, TopicDictionary dictionary) {
        this.searcher = searcher;
        this.reader = searcher.getIndexReader().leaves().get(0).reader();
        this.terms = terms;
        this.present = present;
        this.dictionary = dictionary;
    }

    static PreparedArticle of(String title, String body, Analyzer analyzer, TopicDictionary dictionary) {
        MemoryIndex index = new MemoryIndex();
        // One field, like a reader sees headline and text; the blank line is only cosmetic.
        index.addField(TopicMatcher.FIELD, (title == null ? "" : title) + "\n\n" + body, analyzer);
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null);
        List<BytesRef> terms = new ArrayList<>();
        BitSet present = new BitSet();
        try {
            Terms t = searcher.getIndexReader().leaves().get(0).reader().terms(TopicMatcher.FIELD);
            if (t != null) {
                TermsEnum it = t.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    BytesRef copy = BytesRef.deepCopyOf(term);
                    terms.add(copy);
                    int id = dictionary.idOf(copy);
                    if (id >= 0) {
                        present.set(id);
                    }
                }
            }
        } catch (IOException e) {
            throw new AlertsException("reading terms of an in-memory article failed: " + e.getMessage(), e);
        }
        return new PreparedArticle(searcher, terms, present, dictionary);
    }

    /** The article's distinct analysed terms, sorted. */
    public List<BytesRef> terms() {
        return terms;
    }

    boolean contains(int termId) {
        return present.get(termId);
    }

    /** Whether the terms occur at the given relative positions somewhere in the article. */
    boolean containsPhrase(int[] termIds, int[] offsets) {
        int[] first = positionsOf(termIds[0]);
        for (int start : first) {
            boolean all = true;
            for (int i = 1; i < termIds.length && all; i++) {
                all = Arrays.binarySearch(positionsOf(termIds[i]), start + offsets[i] - offsets[0]) >= 0;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private int[] positionsOf(int termId) {
        if (!present.get(termId)) {
            return NO_POSITIONS;
        }
        return positions.computeIfAbsent(termId, id -> readPositions(dictionary.term(id)));
    }

    private int[] readPositions(BytesRef term) {
        try {
            Terms t = reader.terms(TopicMatcher.FIELD);
            TermsEnum it = t.iterator();
            if (!it.seekExact(term)) {
                return NO_POSITIONS;
            }
            PostingsEnum postings = it.postings(null, PostingsEnum.POSITIONS);
            postings.nextDoc();
            int[] out = new int[postings.freq()];
            for (int i = 0; i < out.length; i++) {
                out[i] = postings.nextPosition();
            }
            Arrays.sort(out);
            return out;
        } catch (IOException e) {
            throw new AlertsException("reading positions of an in-memory article failed: " + e.getMessage(), e);
        }
    }

    /** Whether the topic's complete Lucene query matches this article's MemoryIndex. */
    public boolean matchesQuery(Topic topic) {
        return matches(topic.query(TopicMatcher.FIELD));
    }

    private boolean matches(Query query) {
        try {
            return searcher.count(query) > 0;
        } catch (IOException e) {
            throw new AlertsException("verifying a topic in memory failed: " + e.getMessage(), e);
        }
    }
}
