package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.NewsAnalyzer;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AskTermsTest {
    private static final List<String> WORDS = List.of("oil", "prices", "rose", "fell", "opec", "crude", "bank",
            "rates", "wheat", "grain");
    private ByteBuffersDirectory dir;
    private DirectoryReader reader;

    @BeforeEach
    void index() throws IOException {
        dir = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new NewsAnalyzer()).setMaxBufferedDocs(7);
        try (IndexWriter w = new IndexWriter(dir, config)) {
            for (int i = 0; i < 40; i++) {
                Document d = new Document();
                d.add(new StringField("id", "d" + i, Field.Store.NO));
                d.add(new TextField("title", WORDS.get(i % WORDS.size()) + " " + WORDS.get(i * 3 % WORDS.size()),
                        Field.Store.NO));
                StringBuilder text = new StringBuilder();
                for (int j = 0; j <= i % 6; j++) {
                    text.append(WORDS.get((i + j * 7) % WORDS.size())).append(' ');
                }
                d.add(new TextField("text", text.toString(), Field.Store.NO));
                w.addDocument(d);
            }
            w.deleteDocuments(new Term("id", "d5"));
            w.commit();
        }
        reader = DirectoryReader.open(dir);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        dir.close();
    }

    @Test
    void readsTheFrequenciesTheReaderGivesInSeveralSegments() throws IOException {
        assertThat(reader.leaves()).hasSizeGreaterThan(2);
        AskTerms terms = new AskTerms(reader);
        for (String field : List.of("title", "text", "absent")) {
            for (String word : List.of("oil", "crude", "grain", "never")) {
                Term t = new Term(field, word);
                TermStates built = TermStates.build(new IndexSearcher(reader), t, true);
                assertThat(terms.docFreq(t)).as(t.toString()).isEqualTo(reader.docFreq(t));
                assertThat(terms.states(t).docFreq()).isEqualTo(built.docFreq());
                assertThat(terms.states(t).totalTermFreq()).isEqualTo(built.totalTermFreq());
                assertThat(terms.states(t)).isSameAs(terms.states(new Term(field, word)));
            }
        }
    }

    @Test
    void queriesWithTheStatesScoreExactlyAsWithout() throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity(0.9f, 0.4f));
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String w : List.of("oil", "prices", "crude", "nowhere")) {
            words.add(new TermQuery(new Term("text", w)), Occur.SHOULD);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words.build(), Occur.MUST);
        b.add(new BoostQuery(new TermQuery(new Term("title", "oil")), 0.3f), Occur.SHOULD);
        b.add(new BoostQuery(new PhraseQuery(4, "text", "oil", "prices"), 0.3f), Occur.SHOULD);
        b.add(new TermQuery(new Term("title", "wheat")), Occur.MUST_NOT);
        Query q = b.build();
        AskTerms terms = new AskTerms(reader);
        Query shared = terms.withStates(q);

        assertThat(shared).isEqualTo(q).hasToString(q.toString());
        ScoreDoc[] expected = searcher.search(q, new TopScoreDocCollectorManager(20, 20)).scoreDocs;
        ScoreDoc[] actual = searcher.search(shared, new TopScoreDocCollectorManager(20, 20)).scoreDocs;
        assertThat(actual).hasSameSizeAs(expected).isNotEmpty();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].doc).isEqualTo(expected[i].doc);
            assertThat(Float.floatToIntBits(actual[i].score)).isEqualTo(Float.floatToIntBits(expected[i].score));
        }
    }

    @Test
    void givesEachTermQueryTheSharedStatesAndKeepsOtherQueries() throws IOException {
        AskTerms terms = new AskTerms(reader);
        PhraseQuery phrase = new PhraseQuery("text", "oil", "prices");
        BooleanQuery q = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1)
                .add(new TermQuery(new Term("text", "oil")), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term("title", "oil")), 2f), Occur.SHOULD)
                .add(phrase, Occur.SHOULD).build();

        BooleanQuery shared = (BooleanQuery) terms.withStates(q);

        assertThat(shared.getMinimumNumberShouldMatch()).isEqualTo(1);
        assertThat(((TermQuery) shared.clauses().get(0).query()).getTermStates())
                .isSameAs(terms.states(new Term("text", "oil")));
        BoostQuery boosted = (BoostQuery) shared.clauses().get(1).query();
        assertThat(boosted.getBoost()).isEqualTo(2f);
        assertThat(((TermQuery) boosted.getQuery()).getTermStates()).isSameAs(terms.states(new Term("title", "oil")));
        assertThat(shared.clauses().get(2).query()).isSameAs(phrase);
    }

    @Test
    void statesOfAnotherReaderAreLookedUpAgain() throws IOException {
        Query q = new AskTerms(reader).withStates(new TermQuery(new Term("text", "oil")));
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new NewsAnalyzer()))) {
            w.deleteDocuments(new Term("id", "d0"));
        }
        try (DirectoryReader newer = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(newer);
            assertThat(searcher.count(q)).isEqualTo(searcher.count(new TermQuery(new Term("text", "oil"))));
            assertThat(searcher.search(q, 50).scoreDocs)
                    .extracting(sd -> sd.doc + ":" + sd.score)
                    .containsExactlyElementsOf(List.of(searcher.search(new TermQuery(new Term("text", "oil")), 50)
                            .scoreDocs).stream().map(sd -> sd.doc + ":" + sd.score).toList());
        }
    }
}
