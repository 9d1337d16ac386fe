package dev.newsbrief.brief;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The index terms one ask looks up, each looked up once. An ask asks about the same terms several
 * times: the spelling check and the composer's idf weights want a word's document frequency in the
 * passage text, the article query scores it in the article and title fields, and the passage query
 * in the text and title fields. Left alone, each of those seeks the term in every segment's terms
 * dictionary with a terms enum of its own. Here each (field, term) is sought once per segment,
 * with one enum per segment and field, and the {@link TermStates} found (per segment: where its
 * postings start, its document frequency and total term frequency) are what {@link TermQuery}
 * would have built itself ({@link TermStates#build}), so every score is the same.
 *
 * <p>Lives for a single request over one reader: {@link TermStates} are valid for the reader
 * they were read from only (a {@link TermQuery} given states of another reader looks its term up
 * again).
 */
final class AskTerms {
    private final IndexReader reader;
    private final IndexReaderContext top;
    private final Map<Term, TermStates> found = new HashMap<>();
    private final Map<String, TermsEnum[]> enums = new HashMap<>();

    AskTerms(IndexReader reader) {
        this.reader = reader;
        this.top = reader.getContext();
    }

    IndexReader reader() {
        return reader;
    }

    /** {@code term}'s states in every segment with its statistics, as {@link TermStates#build} reads them. */
    TermStates states(Term term) throws IOException {
        TermStates states = found.get(term);
        if (states == null) {
            states = lookUp(term);
            found.put(term, states);
        }
        return states;
    }

    /** The number of documents holding {@code term}, deleted ones included ({@link IndexReader#docFreq}). */
    int docFreq(Term term) throws IOException {
        return states(term).docFreq();
    }

    private TermStates lookUp(Term term) throws IOException {
        List<LeafReaderContext> leaves = top.leaves();
        TermsEnum[] perLeaf = enums.get(term.field());
        if (perLeaf == null) {
            perLeaf = new TermsEnum[leaves.size()];
            enums.put(term.field(), perLeaf);
        }
        TermStates states = new TermStates(top);
        for (LeafReaderContext leaf : leaves) {
            TermsEnum te = perLeaf[leaf.ord];
            if (te == null) {
                te = Terms.getTerms(leaf.reader(), term.field()).iterator();
                perLeaf[leaf.ord] = te;
            }
            if (te.seekExact(term.bytes())) {
                states.register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
            }
        }
        return states;
    }

    /**
     * {@code query} with each {@link TermQuery} in it (through boolean and boost queries) given
     * its states from here; otherwise the same query, clause for clause. Other queries (phrases,
     * ranges) are kept as they are and look their terms up themselves.
     */
    Query withStates(Query query) throws IOException {
        if (query instanceof TermQuery t) {
            return t.getTermStates() != null ? t : new TermQuery(t.getTerm(), states(t.getTerm()));
        }
        if (query instanceof BoostQuery b) {
            return new BoostQuery(withStates(b.getQuery()), b.getBoost());
        }
        if (query instanceof BooleanQuery bq) {
            BooleanQuery.Builder out = new BooleanQuery.Builder();
            out.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            for (BooleanClause c : bq.clauses()) {
                out.add(withStates(c.query()), c.occur());
            }
            return out.build();
        }
        return query;
    }
}
