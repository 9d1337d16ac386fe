package dev.newsbrief.brief;

import dev.newsbrief.index.PassageFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Sentence splitting and analysed tokens with their character offsets, for scoring and bolding. */
final class SentenceTerms {
    private static final Pattern HONORIFIC_END =
            Pattern.compile("(?:^|\\s)(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev|St|U\\.S)\\.$");

    /** An index term and where it came from in the text. */
    record Token(String term, int start, int end) {
    }

    private SentenceTerms() {
    }

    /** The sentences of {@code text}, stripped, never breaking after an honorific such as "Mr.". */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            String s = text.substring(start, end).strip();
            if (s.isEmpty() || (HONORIFIC_END.matcher(s).find() && end < text.length())) {
                continue;
            }
            out.add(s);
            start = end;
        }
        return out;
    }

    static List<Token> tokens(SearchQueryBuilder analysis, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analysis.analyzer().tokenStream(PassageFields.TEXT, text)) {
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
