package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Article;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the documents built with the analysis shared between fields index exactly
 * what the plain ones (each field analysed from its string) do: the same terms, postings,
 * positions, norms and stored values; they add only each passage's recorded sentences
 * ({@link PassageSentencesTest}).
 */
class PassageDocumentsTest {
    private static final PassageSplitter SPLITTER = new PassageSplitter();

    private static Article article(String id, String title, String body, String language) {
        Instant now = Instant.parse("2025-03-22T10:00:00Z");
        return new Article(id, "https://example.com/" + id, title, "Example", now, now, now, body, "hash-" + id,
                null, Map.of(), language);
    }

    private static final String LONG_PARAGRAPH = "The cocoa harvest in Bahia was late this year. It is what it is. "
            + "Farmers said that the rains came in January, and that they were not enough for the trees. "
            + "Exporters in Ilheus held on to their stocks of beans. Prices rose to 340 cruzados per arroba of 15 "
            + "kilos, and some said they could go higher still if the dry weather went on into the spring. "
            + "The grinders' purchases were 3.5 pct more than in Q4-1986, Reuters' analysts said. Then it was over. "
            + "Shippers were reluctant to offer nearby shipment and only limited sales were booked for March.";

    /** English ASCII articles whose passages hold the body's words: these take the shared path. */
    private static final List<Article> SHARED = List.of(
            article("a1", "Bahia cocoa review", LONG_PARAGRAPH + "\n\n" + LONG_PARAGRAPH.toUpperCase()
                    + "\n\nIt is.\n\nThe end of it all.", "en"),
            article("a2", "The It Is", "To be or not to be, that is the question.\n\nOf the and a.\n\nCocoa.", "en"),
            article("a3", "Hard-wrapped wire copy", "Grain shipments rose\nsharply in the week, the\nministry said.\n\n"
                    + "Wheat   and\tmaize  led.", null),
            article("a4", "Undetermined", "x".repeat(300) + " short " + "y".repeat(20) + ".\n\nMore words here.", "und"),
            article("a5", "Grinders", "The U.S.'s grinders bought more. Mr. Smith said so.", "en"));

    /** Articles the shared path must leave to the plain one. */
    private static final List<Article> PLAIN = List.of(
            article("b1", "Zürich café prices", "Coffee in Zürich rose. The café owners said so.", "en"),
            article("b2", "Kakaoernte in Bahia", "Die Kakaoernte in Bahia kam spat. Die Bauern sagten das.", "de"));

    @Test
    void sharedAnalysisIsUsedWhereItGivesTheSameIndex() {
        for (Article a : SHARED) {
            assertThat(PassageDocuments.sharesAnalysis(a, SPLITTER.split(a.id(), a.body()))).as(a.id()).isTrue();
        }
        for (Article a : PLAIN) {
            assertThat(PassageDocuments.sharesAnalysis(a, SPLITTER.split(a.id(), a.body()))).as(a.id()).isFalse();
        }
        Article shuffled = SHARED.get(0);
        List<Passage> passages = new ArrayList<>(SPLITTER.split(shuffled.id(), shuffled.body()));
        passages.add(0, passages.remove(1));
        assertThat(PassageDocuments.sharesAnalysis(shuffled, passages)).isFalse();
        // a passage with words the body does not have (or without them) is not the body's
        assertThat(PassageDocuments.sharesAnalysis(shuffled, List.of(new Passage("a1", 0, "Cocoa")))).isFalse();
        Article joined = article("c1", "T", "Prices rose.Then fell.", "en");
        assertThat(PassageDocuments.sharesAnalysis(joined, List.of(new Passage("c1", 0, "Prices rose."),
                new Passage("c1", 1, "Then fell.")))).isFalse();
        assertThat(PassageDocuments.sharesAnalysis(joined, List.of(new Passage("c1", 0, "Prices rose.Then fell."))))
                .isTrue();
    }

    @Test
    void sharedAnalysisIndexesExactlyWhatFieldByFieldAnalysisDoes() throws IOException {
        List<Article> all = new ArrayList<>(SHARED);
        all.addAll(PLAIN);
        all.add(article("c2", "Quotes", "He said \"Done.\"Then he left. Mr. Smith stayed.\n\nNo. 5 won.", "en"));
        try (Directory plain = new ByteBuffersDirectory(); Directory shared = new ByteBuffersDirectory()) {
            try (IndexWriter a = writer(plain); IndexWriter b = writer(shared)) {
                for (Article article : all) {
                    List<Passage> passages = SPLITTER.split(article.id(), article.body());
                    List<Document> docs = new ArrayList<>();
                    for (Passage p : passages) {
                        docs.add(PassageDocuments.document(article, p));
                    }
                    a.addDocuments(docs);
                    b.addDocuments(PassageDocuments.of(b.getAnalyzer(), article, passages));
                }
            }
            assertSameIndex(plain, shared);
        }
    }

    private static IndexWriter writer(Directory dir) throws IOException {
        return new IndexWriter(dir, new IndexWriterConfig(new LanguageAnalyzers()));
    }

    private static void assertSameIndex(Directory expectedDir, Directory actualDir) throws IOException {
        try (DirectoryReader expectedReader = DirectoryReader.open(expectedDir);
                DirectoryReader actualReader = DirectoryReader.open(actualDir)) {
            assertThat(expectedReader.leaves()).hasSize(1);
            assertThat(actualReader.leaves()).hasSize(1);
            LeafReader expected = expectedReader.leaves().get(0).reader();
            LeafReader actual = actualReader.leaves().get(0).reader();
            assertThat(actual.maxDoc()).isEqualTo(expected.maxDoc());
            List<String> fields = new ArrayList<>();
            expected.getFieldInfos().forEach(f -> fields.add(f.name));
            List<String> actualFields = new ArrayList<>();
            actual.getFieldInfos().forEach(f -> actualFields.add(f.name));
            assertThat(fields).doesNotContain(PassageFields.RECORD);
            assertThat(actualFields).contains(PassageFields.RECORD);
            actualFields.remove(PassageFields.RECORD);
            assertThat(actualFields).containsExactlyElementsOf(fields);
            assertThat(DocValues.getBinary(actual, PassageFields.RECORD).cost()).isEqualTo(actual.maxDoc());
            int postings = 0;
            for (FieldInfo info : expected.getFieldInfos()) {
                postings += assertSamePostings(info.name, expected.terms(info.name), actual.terms(info.name));
                assertSameNorms(info.name, expected.getNormValues(info.name), actual.getNormValues(info.name));
            }
            assertThat(postings).isGreaterThan(100);
            StoredFields expectedStored = expected.storedFields();
            StoredFields actualStored = actual.storedFields();
            for (int doc = 0; doc < expected.maxDoc(); doc++) {
                assertThat(describe(actualStored.document(doc))).isEqualTo(describe(expectedStored.document(doc)));
            }
        }
    }

    private static int assertSamePostings(String field, Terms expected, Terms actual) throws IOException {
        if (expected == null) {
            assertThat(actual).as(field).isNull();
            return 0;
        }
        TermsEnum e = expected.iterator();
        TermsEnum a = actual.iterator();
        int compared = 0;
        for (BytesRef term = e.next(); term != null; term = e.next()) {
            String where = field + ":" + term.utf8ToString();
            BytesRef other = a.next();
            assertThat(other == null ? null : other.utf8ToString()).as(field).isEqualTo(term.utf8ToString());
            assertThat(a.docFreq()).as(where).isEqualTo(e.docFreq());
            assertThat(a.totalTermFreq()).as(where).isEqualTo(e.totalTermFreq());
            PostingsEnum ep = e.postings(null, PostingsEnum.POSITIONS);
            PostingsEnum ap = a.postings(null, PostingsEnum.POSITIONS);
            for (int doc = ep.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ep.nextDoc()) {
                assertThat(ap.nextDoc()).as(where).isEqualTo(doc);
                assertThat(ap.freq()).as(where).isEqualTo(ep.freq());
                if (expected.hasPositions()) {
                    for (int i = 0; i < ep.freq(); i++) {
                        assertThat(ap.nextPosition()).as(where + " in doc " + doc).isEqualTo(ep.nextPosition());
                    }
                }
                compared++;
            }
            assertThat(ap.nextDoc()).as(where).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
        }
        assertThat(a.next()).as(field).isNull();
        return compared;
    }

    private static void assertSameNorms(String field, NumericDocValues expected, NumericDocValues actual)
            throws IOException {
        if (expected == null) {
            assertThat(actual).as(field).isNull();
            return;
        }
        for (int doc = expected.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = expected.nextDoc()) {
            assertThat(actual.nextDoc()).as(field).isEqualTo(doc);
            assertThat(actual.longValue()).as(field + " norm of doc " + doc).isEqualTo(expected.longValue());
        }
        assertThat(actual.nextDoc()).as(field).isEqualTo(DocIdSetIterator.NO_MORE_DOCS);
    }

    private static List<String> describe(Document doc) {
        List<String> out = new ArrayList<>();
        for (IndexableField f : doc.getFields()) {
            out.add(f.name() + "=" + (f.numericValue() != null ? f.numericValue() : f.stringValue()));
        }
        return out;
    }
}
