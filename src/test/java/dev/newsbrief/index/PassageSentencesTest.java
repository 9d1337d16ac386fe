package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.lang.LabelledArticles;
import dev.newsbrief.store.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the sentences and tokens each passage's document records at index time
 * ({@link PassageSentences}, read back from the index) are exactly what splitting its text
 * ({@link SentenceSplitter}) and analysing it in its language's text field give when a briefing
 * quotes it, over English wire copy with abbreviations, quotes, tables and over-long sentences,
 * and over articles in 19 languages.
 */
class PassageSentencesTest {
    private static final String LONG_SENTENCE = "The ministry said exports of " + "coffee, cocoa and sugar ".repeat(60)
            + "rose in the year to March, the U.S. Commerce Department's figures showed.";

    /** One written item of each kind the composer meets; language null is stored as undetermined. */
    private static final List<Article> WRITTEN = List.of(
            article("abbrev", "U.S. grain", "Mr. Smith met U.S. officials on Jan. 5 in Washington. The U.S.'s deficit "
                    + "widened. J.P. Morgan & Co. Inc. said so. Sales at Exxon Corp. But it kept the bonds. It sold "
                    + "U.S.-made parts. No. 5 won.\n\nThe U.K. Firms rose 3.5 pct to 5.93 mln dlrs vs 5.81 mln.", "en"),
            article("quotes", "\"Quotes\"", "He said: \"We will win.\" Then he left. He said \"Done.\"Then he left. "
                    + "\u201CIt is over,\u201D she said. 'Maybe', he replied.\n\n\"What is needed is the political will to "
                    + "use these more completely, in the spirit of the Paris accords... \"", "en"),
            article("long", "A long sentence", "Short one. " + LONG_SENTENCE + " Short two. " + LONG_SENTENCE, "en"),
            article("wire", "Hard-wrapped wire copy", "Grain shipments rose\nsharply in the week, the\nministry said."
                    + "\n\nWheat   and\tmaize  led.  Barley fell.\n\nWHEAT     HRW   HRS  Chicago  --  3.04  Ill. Track  -- "
                    + "3.16 Baltimore/ Norf./Phil. --\n\n.\n\n. . . .\n\nSANTA ROSA, Calif., March 17 -", null),
            article("five", "Five sentences", "S1 is here. S2 is here. S3 is here. S4 is here. S5 is here. S6 is here. "
                    + "S7 is there.", "und"),
            article("accents", "Zürich café prices", "Coffee in Zürich rose 5\u00A0pct. The café owners' Straße said so. "
                    + "Prices: \u20AC3.50 \uD83D\uDE00 up. Æsop's naïve coöperation.", "en"),
            article("de", "Kakaoernte in Bahia", "Die Kakaoernte in Bahia kam am 1. Januar spät. Nordkoreas Raketentest "
                    + "am Freitag, 19. November, z. B. in der Straße. Die Bauern sagten das bzw. die Exporteure.", "de"),
            article("es", "Cosecha", "Las exportaciones a EE. UU. subieron. La Sra. García lo dijo el 3 de marzo. "
                    + "¿Qué pasará? ¡Nadie lo sabe!", "es"),
            article("pt", "Colheita", "As exportações subiram 3,5%. O Sr. Silva disse que a colheita foi boa. Não há dúvida.",
                    "pt"),
            article("fr", "Récolte", "Les exportations ont augmenté, p. ex. le café. M. Dupont l'a dit. C'est l'été.", "fr"),
            article("zh", "中国经济", "中国经济增长放缓。出口下降了百分之五。专家说，明年会好转。", "zh"),
            article("ja", "日本経済", "日本の輸出は三月に増えた。政府はそう発表した。", "ja"),
            article("xx", "No analyzer", "Ein Text in einer Sprache ohne eigene Analyse. Zwei Sätze.", "xx"));

    private static Article article(String id, String title, String body, String language) {
        Instant now = Instant.parse("2025-03-22T10:00:00Z");
        return new Article(id, "https://example.com/" + id, title, "Example", now, now, now, body, "hash-" + id,
                null, Map.of(), language);
    }

    private static List<Article> all() {
        List<Article> out = new ArrayList<>(WRITTEN);
        for (LabelledArticles.Labelled l : LabelledArticles.all()) {
            out.add(article(l.id(), l.title(), l.body(), l.language()));
        }
        return out;
    }

    @Test
    void everyPassageRecordsExactlyTheSentencesAndTokensItsTextGives() throws IOException {
        LanguageAnalyzers analyzer = new LanguageAnalyzers();
        Set<String> languages = new HashSet<>();
        int passages = 0;
        int tokens = 0;
        for (IndexedPassages.Read p : IndexedPassages.of(all())) {
            String language = p.stored().get(PassageFields.LANGUAGE);
            String text = p.stored().get(PassageFields.of(PassageFields.TEXT, language));
            assertThat(p.record()).as(text).isNotNull();
            PassageSentences recorded = p.record().sentences();
            assertThat(recorded).as(text).isNotNull();
            Collected got = new Collected();
            assertThat(recorded.decode(text, got)).as(text).isTrue();
            assertThat(got.sentences).as(text).isEqualTo(spans(text));
            assertThat(got.tokens).as(language + ": " + text).isEqualTo(analyse(analyzer, language, text));
            languages.add(language);
            passages++;
            tokens += got.tokens.size();
        }
        assertThat(languages).hasSizeGreaterThanOrEqualTo(19);
        assertThat(passages).isGreaterThan(50);
        assertThat(tokens).isGreaterThan(1500);
    }

    @Test
    void recordedSentencesDoNotFitAnotherText() {
        String text = "Cocoa prices rose. The Bahia crop was late.";
        BytesRef value = encode(text);
        assertThat(decodes(value, text)).isTrue();
        assertThat(decodes(value, "Cocoa prices rose.")).isFalse();
        assertThat(decodes(value, "")).isFalse();
    }

    @Test
    void damagedValuesAreRefusedWithoutThrowing() {
        String text = "Cocoa prices rose. The Bahia crop was late, Comissaria Smith said in its weekly review.";
        BytesRef value = encode(text);
        for (int cut = 0; cut < value.length; cut++) {
            assertThat(decodes(new BytesRef(value.bytes, value.offset, cut), text)).as("cut at " + cut).isFalse();
        }
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] noise = new byte[1 + random.nextInt(40)];
            random.nextBytes(noise);
            decodes(new BytesRef(noise), text); // either answer, never an exception
        }
        byte[] longer = Arrays.copyOf(value.bytes, value.length + 1);
        assertThat(decodes(new BytesRef(longer), text)).isFalse();
    }

    @Test
    void anAnalysisWithOffsetsGoingBackIsNotRecorded() {
        String text = "alpha beta gamma";
        Analyzer backwards = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new WhitespaceTokenizer();
                return new TokenStreamComponents(source, new TokenFilter(source) {
                    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
                    private int n;

                    @Override
                    public boolean incrementToken() throws IOException {
                        if (!input.incrementToken()) {
                            return false;
                        }
                        if (n++ == 2) {
                            offset.setOffset(0, 5);
                        }
                        return true;
                    }

                    @Override
                    public void reset() throws IOException {
                        super.reset();
                        n = 0;
                    }
                });
            }
        };
        RecordedTokens tokens = RecordedTokens.of(backwards, PassageFields.TEXT, text);
        assertThat(PassageSentences.encode(text, SentenceSplitter.spans(text), tokens)).isNull();
        assertThat(PassageSentences.encode("alpha", SentenceSplitter.spans("alpha"),
                RecordedTokens.of(new NewsAnalyzer(), PassageFields.TEXT, text))).as("tokens past the text").isNull();
    }

    @Test
    void termsTheAnalysisRewroteAtLengthRoundTrip() {
        // Porter stems, folded letters, and terms with more than seven characters not in the word
        String text = "Companies' happiness in Zürich: Æsop, Straße. ｆｕｌｌｗｉｄｔｈ";
        Analyzer rewriting = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new WhitespaceTokenizer();
                return new TokenStreamComponents(source, new TokenFilter(source) {
                    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

                    @Override
                    public boolean incrementToken() throws IOException {
                        if (!input.incrementToken()) {
                            return false;
                        }
                        String t = term.toString();
                        term.setEmpty().append(t.length() % 2 == 0 ? "x" + t + "-rewritten-at-length" : t.toLowerCase());
                        return true;
                    }
                });
            }
        };
        RecordedTokens tokens = RecordedTokens.of(rewriting, PassageFields.TEXT, text);
        BytesRef value = PassageSentences.encode(text, SentenceSplitter.spans(text), tokens);
        Collected got = new Collected();
        assertThat(PassageSentences.of(value).decode(text, got)).isTrue();
        assertThat(got.tokens).isEqualTo(analyse(rewriting, PassageFields.TEXT, text, true));
        assertThat(got.tokens).anyMatch(t -> t.startsWith("x") && t.contains("-rewritten-at-length"));
    }

    private static BytesRef encode(String text) {
        return PassageSentences.encode(text, SentenceSplitter.spans(text),
                RecordedTokens.of(new NewsAnalyzer(), PassageFields.TEXT, text));
    }

    private static boolean decodes(BytesRef value, String text) {
        return PassageSentences.of(value).decode(text, new Collected());
    }

    private static List<String> spans(String text) {
        return SentenceSplitter.spans(text).stream().map(s -> s.start() + "-" + s.end()).toList();
    }

    private static List<String> analyse(Analyzer analyzer, String language, String text) {
        return analyse(analyzer, PassageFields.of(PassageFields.TEXT, language), text, true);
    }

    /** Term and offsets of every token, as the briefing's own analysis reads them. */
    private static List<String> analyse(Analyzer analyzer, String field, String text, boolean offsets) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + (offsets ? "@" + offset.startOffset() + "-" + offset.endOffset() : ""));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** What a decoded value gave, in the forms the expected values are written in. */
    private static final class Collected implements PassageSentences.Sink {
        final List<String> sentences = new ArrayList<>();
        final List<String> tokens = new ArrayList<>();

        @Override
        public void sentence(int start, int end) {
            sentences.add(start + "-" + end);
        }

        @Override
        public void token(String term, int start, int end) {
            tokens.add(term + "@" + start + "-" + end);
        }
    }
}
