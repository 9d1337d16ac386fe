package dev.newsbrief.brief;

import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.PassageSentences;
import dev.newsbrief.index.SentenceSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Sentence splitting and analysed tokens with their character offsets, for scoring and bolding. */
final class SentenceTerms {
    /** An index term and where it came from in the text. */
    record Token(String term, int start, int end) {
    }

    /** A passage's sentences and its text's tokens (offsets into the passage text). */
    record Analysed(List<String> sentences, List<Token> tokens) {
    }

    private SentenceTerms() {
    }

    /**
     * Passage {@code p}'s sentences ({@link #sentences}) and its tokens in {@code language}
     * ({@link #tokens}): as the index recorded them ({@link PassageSentences}, the same by
     * construction) when it did and they are the ones asked for, i.e. {@code language} is the
     * passage's and {@code analysis} analyses as the index does ({@link LanguageAnalyzers}, or
     * {@link NewsAnalyzer} for the English fields, which it analyses); else worked out now.
     */
    static Analysed of(SearchQueryBuilder analysis, String language, PassageHit p) {
        PassageSentences recorded = p.sentences();
        if (recorded != null && Objects.equals(language, p.language())
                && (analysis.analyzer() instanceof LanguageAnalyzers
                        || analysis.analyzer() instanceof NewsAnalyzer && PassageFields.isEnglishFields(language))) {
            Recorded r = new Recorded(p.text());
            if (recorded.decode(p.text(), r)) {
                return new Analysed(r.sentences, r.tokens);
            }
        }
        return new Analysed(sentences(p.text()), tokens(analysis, language, p.text()));
    }

    /** Collects what a {@link PassageSentences} holds. */
    private static final class Recorded implements PassageSentences.Sink {
        private final String text;
        private final List<String> sentences = new ArrayList<>();
        private final List<Token> tokens = new ArrayList<>();

        Recorded(String text) {
            this.text = text;
        }

        @Override
        public void sentence(int start, int end) {
            sentences.add(text.substring(start, end));
        }

        @Override
        public void token(String term, int start, int end) {
            tokens.add(new Token(term, start, end));
        }
    }

    /** The sentences of {@code text}, split exactly as the index splits passages. */
    static List<String> sentences(String text) {
        return SentenceSplitter.sentences(text);
    }

    /** The English (plain-field) tokens of {@code text}. */
    static List<Token> tokens(SearchQueryBuilder analysis, String text) {
        return tokens(analysis, null, text);
    }

    /** The tokens of {@code text} as the index analyses passages in {@code language}. */
    static List<Token> tokens(SearchQueryBuilder analysis, String language, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analysis.analyzer().tokenStream(PassageFields.of(PassageFields.TEXT, language), text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return out;
    }
}
