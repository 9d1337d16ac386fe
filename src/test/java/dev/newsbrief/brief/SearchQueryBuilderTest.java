package dev.newsbrief.brief;

import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchQueryBuilderTest {
    private static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final QueryUnderstanding qu = new QueryUnderstanding(clock);
    private final SearchQueryBuilder builder = new SearchQueryBuilder(new NewsAnalyzer(),
            RankingOptions.defaults(), clock);
    private ByteBuffersDirectory dir;
    private DirectoryReader reader;

    @BeforeEach
    void index() throws IOException {
        dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new NewsAnalyzer()))) {
            add(w, "korea-old", "North Korea backs Russia", "Kim said North Korea supports Russia.", 40);
            add(w, "korea-new", "North Korea and Russia sign treaty", "North Korea and Russia signed a treaty in Pyongyang.", 1);
            add(w, "sports", "Football", "North Korea beat Russia in a sports match at the world cup.", 2);
            add(w, "split", "North Korea trade notes", "Korea exports fell while Russia trade grew in the far north.", 3);
            add(w, "boe", "Rates", "The Bank of England held rates.", 0);
        }
        reader = DirectoryReader.open(dir);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        dir.close();
    }

    private static void add(IndexWriter w, String id, String title, String text, int daysOld) throws IOException {
        Document d = new Document();
        d.add(new StringField(PassageFields.ARTICLE_ID, id, Field.Store.YES));
        d.add(new TextField(PassageFields.TITLE, title, Field.Store.YES));
        d.add(new TextField(PassageFields.TEXT, text, Field.Store.YES));
        long published = NOW.minus(Duration.ofDays(daysOld)).toEpochMilli();
        d.add(new LongPoint(PassageFields.PUBLISHED, published));
        d.add(new NumericDocValuesField(PassageFields.PUBLISHED, published));
        d.add(new StoredField(PassageFields.PUBLISHED, published));
        w.addDocument(d);
    }

    private List<String> ids(String text) throws IOException {
        AnalyzedQuery aq = builder.analyse(qu.understand(text));
        List<String> out = new ArrayList<>();
        Query q = builder.searchQuery(aq).orElse(null);
        if (q == null) {
            return out;
        }
        IndexSearcher s = new IndexSearcher(reader);
        for (ScoreDoc sd : s.search(q, 10).scoreDocs) {
            out.add(s.storedFields().document(sd.doc).get(PassageFields.ARTICLE_ID));
        }
        return out;
    }

    @Test
    void analysisStemsAndDropsStopwordsKeepingPhraseGaps() {
        AnalyzedQuery aq = builder.analyse(qu.understand("\"Bank of England\" raising Russia's rates"));
        assertThat(aq.terms()).containsExactly("rais", "russia", "rate");
        assertThat(aq.phrases().get(0).terms()).containsExactly("bank", "england");
        assertThat(aq.phrases().get(0).positions()).containsExactly(0, 2);
    }

    @Test
    void phraseIsRequiredAndExclusionForbidden() throws IOException {
        assertThat(ids("\"North Korea\" Russia -sports")).containsExactlyInAnyOrder("korea-old", "korea-new", "split");
        assertThat(ids("\"north korea\" -notes")).containsExactlyInAnyOrder("korea-old", "korea-new", "sports");
        assertThat(ids("\"bank of england\"")).containsExactly("boe");
        assertThat(ids("\"north korea\" -\"world cup\"")).doesNotContain("sports").contains("korea-new");
    }

    @Test
    void adjacentWordsRankAboveScatteredOnes() throws IOException {
        List<String> ranked = ids("north korea");
        assertThat(ranked.indexOf("split")).isGreaterThan(ranked.indexOf("korea-new"));
    }

    @Test
    void dateWindowFiltersAndLatestPrefersNew() throws IOException {
        assertThat(ids("north korea this week")).doesNotContain("korea-old");
        assertThat(ids("north korea today")).isEmpty();
        assertThat(ids("rates today")).containsExactly("boe");
        List<String> latest = ids("latest north korea russia");
        assertThat(latest.indexOf("korea-new")).isLessThan(latest.indexOf("korea-old"));
    }

    @Test
    void nothingToSearchGivesNoQuery() {
        for (String text : new String[] {"", "the of and", "\uD83D\uDE00", "-sports", "AND OR NOT ( ) \" * ? ~"}) {
            assertThat(builder.searchQuery(builder.analyse(qu.understand(text)))).as(text).isEmpty();
        }
    }
}
