package dev.newsbrief.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns input bytes into text. Valid UTF-8 is taken as is (a BOM is dropped); anything else that
 * still looks like text is decoded as windows-1252, the superset of ISO-8859-1 that old Western
 * files actually use, and the caller is told so. Bytes that look binary are refused.
 */
public final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF = 8192;

    /** Decoded text, with a note when it was not UTF-8. */
    public record Decoded(String text, String note) {
    }

    /** Why bytes could not become text. */
    public static final class NotText extends Exception {
        public NotText(String reason) {
            super(reason, null, false, false);
        }
    }

    public Decoded decode(byte[] bytes) throws NotText {
        if (bytes.length == 0 || isBlank(bytes)) {
            throw new NotText("empty");
        }
        if (looksBinary(bytes)) {
            throw new NotText("binary content (not text)");
        }
        int offset = hasUtf8Bom(bytes) ? 3 : 0;
        try {
            CharBuffer chars = strictUtf8().decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return new Decoded(chars.toString(), null);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, WINDOWS_1252), "not valid UTF-8, decoded as windows-1252 (Latin-1)");
        }
    }

    /**
     * Decodes an HTML page: a byte-order mark wins, then {@code declared} (the HTTP header's charset,
     * or null), then valid UTF-8, then the page's own {@code <meta charset>} declaration in its first
     * bytes, then windows-1252. A page declaring UTF-8 with a few broken bytes stays UTF-8, with
     * replacement characters where the bytes were broken.
     */
    public Decoded decodeHtml(byte[] bytes, String declared) throws NotText {
        if (bytes.length == 0 || isBlank(bytes)) {
            throw new NotText("empty");
        }
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            return new Decoded(new String(bytes, skip, bytes.length - skip, bom), null);
        }
        if (looksBinary(bytes)) {
            throw new NotText("binary content (not text)");
        }
        Charset header = charset(declared);
        if (header != null) {
            return new Decoded(new String(bytes, header), null);
        }
        try {
            return new Decoded(strictUtf8().decode(ByteBuffer.wrap(bytes)).toString(), null);
        } catch (CharacterCodingException e) {
            Charset meta = charset(HtmlCharsets.declared(bytes));
            if (meta == StandardCharsets.UTF_8) {
                return new Decoded(new String(bytes, StandardCharsets.UTF_8), "invalid UTF-8 bytes replaced");
            }
            if (meta != null) {
                return new Decoded(new String(bytes, meta), null);
            }
            return new Decoded(new String(bytes, WINDOWS_1252), "not valid UTF-8, decoded as windows-1252 (Latin-1)");
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The named charset when Java knows it; ISO-8859-1 and US-ASCII mean windows-1252, as in browsers. */
    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Charset c = Charset.forName(name.strip());
            return c == StandardCharsets.ISO_8859_1 || c == StandardCharsets.US_ASCII ? WINDOWS_1252 : c;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Charset bomCharset(byte[] b) {
        if (hasUtf8Bom(b)) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A NUL byte, or many control characters, in the first few KB means this is not a text file. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return control > n / 20;
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }
}
