package dev.newsbrief.index;

import dev.newsbrief.store.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a briefing reads of a passage it quotes, kept in the {@link PassageFields#RECORD} binary
 * doc values so that composing reads no stored fields: the passage's number and text, its
 * recorded {@link PassageSentences} (when they could be recorded), and on an article's first
 * passage only, the article's {@link Card} (title, language, source, address, publication time).
 * Stored fields hold the same values for every passage, but reading them decompresses a large
 * block shared with many other documents for each passage read; doc values read one small block.
 *
 * <p>The values are exactly the stored ones: strings go through the same UTF-8 encoding Lucene
 * stores them with. Encoded as a flags byte, the number, the text, the card's fields when present,
 * then the sentences' own encoding up to the end of the value.
 *
 * @param number    the passage's number in its article (0 for the first)
 * @param text      the passage's text, as stored in its {@link PassageFields#TEXT} field
 * @param card      its article's card: present on the article's first passage only, else null
 * @param sentences its recorded sentences and tokens, null when the analysis could not be recorded
 */
public record PassageRecord(int number, String text, Card card, PassageSentences sentences) {
    private static final int SENTENCES = 1;
    private static final int CARD = 1 << 1;
    private static final int SOURCE = 1 << 2;
    private static final int URL = 1 << 3;
    private static final int PUBLISHED = 1 << 4;
    private static final int KNOWN = SENTENCES | CARD | SOURCE | URL | PUBLISHED;

    /**
     * An article as its first passage records it; {@code language} as the index stored it
     * ({@code und} when undetermined), {@code source}, {@code url} and {@code published} null when
     * unknown.
     */
    public record Card(String title, String language, String source, String url, Instant published) {
    }

    /**
     * The record of passage {@code p} of {@code article} in its index field's language
     * {@code language}, with its encoded {@code sentences} (null when they could not be recorded).
     */
    static BytesRef encode(Article article, String language, Passage p, BytesRef sentences) {
        boolean first = p.number() == 0;
        int flags = (sentences == null ? 0 : SENTENCES) | (first ? CARD : 0);
        if (first) {
            flags |= (article.source() == null ? 0 : SOURCE) | (article.url() == null ? 0 : URL)
                    | (article.publishedAt() == null ? 0 : PUBLISHED);
        }
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeByte((byte) flags);
            out.writeVInt(p.number());
            out.writeString(p.text());
            if (first) {
                out.writeString(article.title());
                out.writeString(language);
                if (article.source() != null) {
                    out.writeString(article.source());
                }
                if (article.url() != null) {
                    out.writeString(article.url());
                }
                if (article.publishedAt() != null) {
                    out.writeZLong(article.publishedAt().toEpochMilli());
                }
            }
            if (sentences != null) {
                out.writeBytes(sentences.bytes, sentences.offset, sentences.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    /**
     * The records of documents {@code docs} (ids in {@code reader}, ascending), one per document,
     * null for a document without one (an index written before format 6) or with a damaged one.
     */
    public static PassageRecord[] read(IndexReader reader, int[] docs) throws IOException {
        PassageRecord[] out = new PassageRecord[docs.length];
        List<LeafReaderContext> leaves = reader.leaves();
        int leaf = -1;
        BinaryDocValues values = null;
        for (int i = 0; i < docs.length; i++) {
            int at = ReaderUtil.subIndex(docs[i], leaves);
            if (at != leaf) {
                leaf = at;
                values = leaves.get(at).reader().getBinaryDocValues(PassageFields.RECORD);
            }
            if (values != null && values.advanceExact(docs[i] - leaves.get(at).docBase)) {
                out[i] = of(values.binaryValue());
            }
        }
        return out;
    }

    /** A value as {@link #encode} wrote it, or null when it is damaged. */
    static PassageRecord of(BytesRef value) {
        Reader in = new Reader(value);
        try {
            int flags = in.readByte() & 0xff;
            if ((flags & ~KNOWN) != 0 || ((flags & CARD) == 0 && (flags & (SOURCE | URL | PUBLISHED)) != 0)) {
                return null;
            }
            int number = in.readVInt();
            String text = in.string();
            Card card = null;
            if ((flags & CARD) != 0) {
                String title = in.string();
                String language = in.string();
                String source = (flags & SOURCE) != 0 ? in.string() : null;
                String url = (flags & URL) != 0 ? in.string() : null;
                Instant published = (flags & PUBLISHED) != 0 ? Instant.ofEpochMilli(in.readZLong()) : null;
                card = new Card(title, language, source, url, published);
            }
            PassageSentences sentences = null;
            if ((flags & SENTENCES) != 0) {
                sentences = PassageSentences.of(in.rest());
            } else if (!in.atEnd()) {
                return null;
            }
            return number < 0 || in.pastEnd() ? null : new PassageRecord(number, text, card, sentences);
        } catch (RuntimeException e) {
            return null; // damaged: a number ran past the end of the value, or had too many bytes
        }
    }

    /**
     * Reads one value. Strings are decoded as Lucene decodes stored strings (a length, then UTF-8);
     * a length running past the value's end reads as damage (the backing array may go on).
     */
    private static final class Reader {
        private final ByteArrayDataInput in;
        private final byte[] bytes;
        private final int end;

        Reader(BytesRef value) {
            this.in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
            this.bytes = value.bytes;
            this.end = value.offset + value.length;
        }

        byte readByte() {
            return in.readByte();
        }

        int readVInt() {
            return in.readVInt();
        }

        long readZLong() {
            try {
                return in.readZLong();
            } catch (IOException e) {
                throw new UncheckedIOException("reading memory cannot fail", e);
            }
        }

        private int getPosition() {
            return in.getPosition();
        }

        String string() {
            int length = readVInt();
            int at = getPosition();
            if (length < 0 || length > end - at) {
                throw new IllegalStateException("a string runs past the value");
            }
            in.skipBytes(length);
            return new String(bytes, at, length, StandardCharsets.UTF_8);
        }

        BytesRef rest() {
            int at = getPosition();
            if (at > end) {
                throw new IllegalStateException("read past the value");
            }
            return new BytesRef(bytes, at, end - at);
        }

        boolean atEnd() {
            return getPosition() == end;
        }

        boolean pastEnd() {
            return getPosition() > end;
        }
    }
}
