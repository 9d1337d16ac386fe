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
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = strict.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return new Decoded(chars.toString(), null);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, WINDOWS_1252), "not valid UTF-8, decoded as windows-1252 (Latin-1)");
        }
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
