package dev.newsbrief.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The terms and position increments an analyzer produced for one text, recorded so that the same
 * analysis can be indexed into several fields without running the analyzer again
 * ({@link PassageDocuments}). {@link #concatenation} replays several recordings as the one stream
 * the analyzer gives for their texts joined by whitespace: positions skipped at the end of one
 * piece (trailing stop words) are added to the first token of the next, as a single pass would.
 * That holds for analyzers whose filters look at one token at a time, such as {@link NewsAnalyzer}.
 * Each token's character offsets are recorded too, for {@link PassageSentences}; no field that is
 * replayed indexes them.
 */
final class RecordedTokens {
    private char[] chars = new char[256];
    private int[] ends = new int[32];
    private int[] increments = new int[32];
    private int[] starts = new int[32];
    private int[] stops = new int[32];
    private int size;
    private int finalIncrement;

    private RecordedTokens() {
    }

    /** Runs {@code analyzer} over {@code text} as it would for {@code field}, recording what comes out. */
    static RecordedTokens of(Analyzer analyzer, String field, String text) {
        RecordedTokens r = new RecordedTokens();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                r.add(term.buffer(), term.length(), increment.getPositionIncrement(), offset.startOffset(),
                        offset.endOffset());
            }
            ts.end();
            r.finalIncrement = increment.getPositionIncrement();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory text failed", e); // a String reader cannot fail
        }
        return r;
    }

    private void add(char[] buffer, int length, int increment, int start, int stop) {
        int used = size == 0 ? 0 : ends[size - 1];
        if (used + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
            increments = Arrays.copyOf(increments, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            stops = Arrays.copyOf(stops, size * 2);
        }
        System.arraycopy(buffer, 0, chars, used, length);
        ends[size] = used + length;
        increments[size] = increment;
        starts[size] = start;
        stops[size] = stop;
        size++;
    }

    /** Number of tokens recorded. */
    int size() {
        return size;
    }

    /** Where token {@code i}'s term starts in {@link #termChars()}; it ends at {@link #termEnd}. */
    int termStart(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }

    /** Where token {@code i}'s term ends in {@link #termChars()}. */
    int termEnd(int i) {
        return ends[i];
    }

    /** The terms of all tokens, one after another. */
    char[] termChars() {
        return chars;
    }

    /** Token {@code i}'s start offset in the text analysed. */
    int startOffset(int i) {
        return starts[i];
    }

    /** Token {@code i}'s end offset in the text analysed. */
    int endOffset(int i) {
        return stops[i];
    }

    /** The recorded tokens as a stream (one per field value that indexes them). */
    TokenStream stream() {
        return new Replay(List.of(this));
    }

    /** The tokens of {@code pieces} in order, as the analysis of their texts joined by whitespace. */
    static TokenStream concatenation(List<RecordedTokens> pieces) {
        return new Replay(pieces);
    }

    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<RecordedTokens> pieces;
        private int piece;
        private int token;
        /** Positions skipped after the last token given out (at the ends of earlier pieces). */
        private int carried;

        Replay(List<RecordedTokens> pieces) {
            this.pieces = pieces;
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            while (piece < pieces.size()) {
                RecordedTokens p = pieces.get(piece);
                if (token < p.size) {
                    int start = token == 0 ? 0 : p.ends[token - 1];
                    term.copyBuffer(p.chars, start, p.ends[token] - start);
                    increment.setPositionIncrement(p.increments[token] + carried);
                    carried = 0;
                    token++;
                    return true;
                }
                carried += p.finalIncrement;
                piece++;
                token = 0;
            }
            return false;
        }

        @Override
        public void end() throws IOException {
            super.end();
            increment.setPositionIncrement(carried);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            piece = 0;
            token = 0;
            carried = 0;
        }
    }
}
