package dev.newsbrief.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * A passage's sentences and analysed tokens, worked out once when it is indexed and kept in the
 * passage's {@link PassageRecord} (binary doc values), so that a briefing reads them instead of
 * splitting and analysing the passages it quotes at every question. They are exactly what the
 * passage's {@link SentenceSplitter#spans(String) sentence spans} and its analysis in its
 * language's {@link PassageFields#TEXT} field give: each token's term and character offsets.
 *
 * <p>Encoded compactly as variable-length integers: the sentences as (gap, length) pairs; each
 * token as the distance from the previous token's start, its length in the text, and its term as
 * the number of characters of the lower-cased word it keeps plus any characters the analysis
 * changed ("companies" keeps 7: {@code compani}; "Zürich" keeps 1 and adds {@code urich}). A passage
 * whose analysis gives offsets out of order or outside its text records none (its record holds only
 * its text, and it is analysed when quoted, as before).
 */
public final class PassageSentences {
    /** Receives a passage's sentences, then its tokens, in order. */
    public interface Sink {
        /** A sentence at {@code [start, end)} of the passage text. */
        void sentence(int start, int end);

        /** A token: its index term and where it came from, {@code [start, end)} of the passage text. */
        void token(String term, int start, int end);
    }

    /** How many characters the analysis added to a term that fit in a token's header. */
    private static final int SHORT_EXTRA = 7;

    private final byte[] bytes;

    private PassageSentences(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The encoded sentences and tokens of {@code text}, or null when {@code tokens} (its analysis)
     * has offsets going backwards or outside the text.
     */
    static BytesRef encode(String text, List<SentenceSplitter.Span> sentences, RecordedTokens tokens) {
        Out out = new Out();
        out.vint(sentences.size());
        int previous = 0;
        for (SentenceSplitter.Span s : sentences) {
            if (s.start() < previous || s.end() < s.start() || s.end() > text.length()) {
                return null;
            }
            out.vint(s.start() - previous);
            out.vint(s.end() - s.start());
            previous = s.end();
        }
        out.vint(tokens.size());
        char[] terms = tokens.termChars();
        previous = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int start = tokens.startOffset(i);
            int end = tokens.endOffset(i);
            if (start < previous || end < start || end > text.length()) {
                return null;
            }
            int termStart = tokens.termStart(i);
            int termLength = tokens.termEnd(i) - termStart;
            int kept = 0;
            while (kept < termLength && kept < end - start
                    && terms[termStart + kept] == Character.toLowerCase(text.charAt(start + kept))) {
                kept++;
            }
            int extra = termLength - kept;
            out.vint(start - previous);
            out.vint(end - start);
            out.vint((end - start - kept) << 3 | Math.min(extra, SHORT_EXTRA));
            if (extra >= SHORT_EXTRA) {
                out.vint(extra - SHORT_EXTRA);
            }
            for (int c = kept; c < termLength; c++) {
                out.vint(terms[termStart + c]);
            }
            previous = start;
        }
        return new BytesRef(out.bytes.toArrayCopy());
    }

    /** A value as {@link #encode} wrote it (copied: doc values reuse their bytes). */
    static PassageSentences of(BytesRef value) {
        return new PassageSentences(Arrays.copyOfRange(value.bytes, value.offset, value.offset + value.length));
    }

    /**
     * Gives the sentences and tokens to {@code sink}; {@code text} is the passage text they were
     * recorded for. False when they do not fit it (damaged, or recorded for another text): the
     * sink then holds part of them at most, and the caller analyses the text instead.
     */
    public boolean decode(String text, Sink sink) {
        try {
            return decode(new ByteArrayDataInput(bytes), text, sink);
        } catch (RuntimeException e) {
            return false; // damaged: a number ran past the end of the value, or had too many bytes
        }
    }

    private boolean decode(ByteArrayDataInput in, String text, Sink sink) {
        int count = in.readVInt();
        if (count < 0 || count > bytes.length) {
            return false;
        }
        int previous = 0;
        for (int i = 0; i < count; i++) {
            int start = previous + in.readVInt();
            int end = start + in.readVInt();
            if (start < previous || end < start || end > text.length()) {
                return false;
            }
            sink.sentence(start, end);
            previous = end;
        }
        count = in.readVInt();
        if (count < 0 || count > bytes.length) {
            return false;
        }
        char[] term = new char[32];
        previous = 0;
        for (int i = 0; i < count; i++) {
            int start = previous + in.readVInt();
            int end = start + in.readVInt();
            int header = in.readVInt();
            int extra = header & SHORT_EXTRA;
            if (extra == SHORT_EXTRA) {
                extra += in.readVInt();
            }
            int kept = end - start - (header >>> 3);
            if (start < previous || end < start || end > text.length() || kept < 0 || kept > end - start
                    || extra < 0 || extra > bytes.length) {
                return false;
            }
            if (kept + extra > term.length) {
                term = new char[Math.max(term.length * 2, kept + extra)];
            }
            for (int c = 0; c < kept; c++) {
                term[c] = Character.toLowerCase(text.charAt(start + c));
            }
            for (int c = 0; c < extra; c++) {
                term[kept + c] = (char) in.readVInt();
            }
            sink.token(new String(term, 0, kept + extra), start, end);
            previous = start;
        }
        return in.eof();
    }

    /** Lucene's growable output, its variable-length integers written without a checked exception. */
    private static final class Out {
        final ByteBuffersDataOutput bytes = new ByteBuffersDataOutput();

        void vint(int v) {
            try {
                bytes.writeVInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory cannot fail", e);
            }
        }
    }
}
