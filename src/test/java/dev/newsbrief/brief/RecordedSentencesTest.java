package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.Passage;
import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.PassageRecord;
import dev.newsbrief.index.PassageSentences;
import dev.newsbrief.index.PassageSplitter;
import dev.newsbrief.lang.LabelledArticles;
import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.lang.LanguageOptions;
import dev.newsbrief.store.Article;
import dev.newsbrief.telegram.TelegramBriefingFormatter;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test: briefings composed from what the index recorded for each passage
 * ({@link PassageRecord}: its text, its article's card, and its sentences and tokens,
 * {@link PassageSentences}) are exactly those composed from stored fields, by splitting and
 * analysing the passages when a question comes, as from an index written without records (before
 * index format 6), which still answers. English wire copy, over-long sentences, German answers and articles in 19
 * languages; questions of every shape the query benchmark asks.
 */
class RecordedSentencesTest {
    private static final Clock CLOCK = Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC);
    private static final TelegramBriefingFormatter HTML = new TelegramBriefingFormatter(ZoneOffset.UTC);
    private static final String[] SHAPES = {"%s", "What is the latest on %s?", "news about %s today", "\"%s\"",
        "%s -prices", "how much %s", "who %s", "when did %s"};
    private static List<Article> articles;
    private static PassageIndex recorded;
    private static PassageIndex bare;

    @BeforeAll
    static void index() throws IOException {
        articles = new ArrayList<>(TestCorpus.articles());
        articles.addAll(TestCorpus.articles("/brief/answers.jsonl"));
        articles.addAll(TestCorpus.articles("/brief/long-sentences.jsonl"));
        TestCorpus.articles("/brief/answers-de.jsonl").forEach(a -> articles.add(a.withLanguage("de")));
        for (LabelledArticles.Labelled l : LabelledArticles.all()) {
            articles.add(TestCorpus.article(l.id(), "https://example.org/" + l.id(), l.title(), "test",
                    TestCorpus.NOW.minusSeconds(3600), l.body()).withLanguage(l.language()));
        }
        articles.add(TestCorpus.seed());
        recorded = TestCorpus.index(articles);
        Directory dir = new ByteBuffersDirectory();
        PassageSplitter splitter = new PassageSplitter();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new LanguageAnalyzers()))) {
            for (Article a : articles) {
                List<Document> docs = new ArrayList<>();
                for (Passage p : splitter.split(a.id(), a.body())) {
                    docs.add(PassageIndex.document(a, p));
                }
                w.addDocuments(docs);
            }
        }
        bare = PassageIndex.openReadOnly(() -> dir);
    }

    @AfterAll
    static void close() {
        recorded.close();
        bare.close();
    }

    private static BriefingService service(PassageIndex index) {
        return new BriefingService(index, new LanguageAnalyzers(), CLOCK, BriefOptions.defaults(),
                new CompositeMeterRegistry(), LanguageDetector::shared, LanguageOptions.DEFAULTS);
    }

    @Test
    void briefingsAreTheSameWithRecordedSentencesAsWithSentencesSplitAtQuestionTime() {
        BriefingService withRecorded = service(recorded);
        BriefingService splitting = service(bare);
        List<String> questions = new ArrayList<>();
        for (Article a : articles) {
            String[] words = a.title().toLowerCase(Locale.ROOT).split("\\s+");
            for (int n = 1; n <= 4 && n <= words.length; n++) {
                String words0 = String.join(" ", Arrays.copyOfRange(words, 0, n));
                questions.add(String.format(Locale.ROOT, SHAPES[(questions.size()) % SHAPES.length], words0));
            }
        }
        questions.addAll(List.of("Wie hoch war der Sachschaden beim Unfall in Aarau?", "Wer ist die Frauenministerin?",
                "invariably support Russia", "what did they say", "how many shares", "U.S. officials"));
        int answered = 0;
        for (String q : questions) {
            Briefing a = withRecorded.ask(q);
            Briefing b = splitting.ask(q);
            assertThat(HTML.format(a)).as(q).isEqualTo(HTML.format(b));
            assertThat(a).as(q).isEqualTo(b);
            if (a.kind() == Briefing.Kind.ANSWER) {
                answered++;
            }
        }
        assertThat(answered).isGreaterThan(questions.size() / 2);
    }

    @Test
    void everyPassageGivesTheSameSentencesAndTokensRecordedAsSplitNow() throws IOException {
        SearchQueryBuilder analysis = new SearchQueryBuilder(new LanguageAnalyzers(), RankingOptions.defaults(), CLOCK);
        SearchQueryBuilder english = new SearchQueryBuilder(new NewsAnalyzer(), RankingOptions.defaults(), CLOCK);
        int passages = recorded.withSearcher(searcher -> {
            DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
            StoredFields stored = reader.storedFields();
            int[] docs = new int[reader.maxDoc()];
            Arrays.setAll(docs, i -> i);
            PassageSentences[] sentences = new PassageSentences[docs.length];
            try {
                PassageRecord[] records = PassageRecord.read(reader, docs);
                Arrays.setAll(sentences, i -> records[i] == null ? null : records[i].sentences());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int doc : docs) {
                Document d = stored.document(doc);
                String language = d.get(PassageFields.LANGUAGE);
                String text = d.get(PassageFields.of(PassageFields.TEXT, language));
                assertThat(sentences[doc]).as(text).isNotNull();
                PassageHit withRecorded = hit(text, language, sentences[doc]);
                PassageHit without = hit(text, language, null);
                assertThat(SentenceTerms.of(analysis, language, withRecorded)).as(text)
                        .isEqualTo(SentenceTerms.of(analysis, language, without));
                // a composer analysing otherwise than the index (English analysis of German text) analyses itself
                assertThat(SentenceTerms.of(english, language, withRecorded)).as(text)
                        .isEqualTo(SentenceTerms.of(english, language, without));
            }
            return docs.length;
        });
        assertThat(passages).isGreaterThan(80);
    }

    private static PassageHit hit(String text, String language, PassageSentences sentences) {
        return new PassageHit("a", 0, "", text, null, null, null, 1f, language, sentences);
    }
}
