package dev.newsbrief.brief;

import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.SentenceSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Sentence splitting and analysed tokens with their character offsets, for scoring and bolding. */
final class SentenceTerms {
    /** An index term and where it came from in the text. */
    record Token(String term, int start, int end) {
    }

    private SentenceTerms() {
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
