package dev.newsbrief.sources;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an XML feed into text. The charset comes from a byte-order mark, else the
 * HTTP Content-Type, else the XML declaration, else UTF-8. Because feeds often declare the wrong
 * one, the choice is checked: bytes that are not valid in the declared charset, or valid multi-byte
 * UTF-8 declared as a single-byte charset, are decoded as what they evidently are.
 *
 * @param text    the decoded document
 * @param charset the charset actually used
 * @param note    why the declared charset was overridden, or null
 */
public record XmlText(String text, Charset charset, String note) {
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HEADER = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static XmlText decode(byte[] bytes, String contentType) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new XmlText(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    null);
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            Charset utf16 = bytes[0] == (byte) 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            return new XmlText(new String(bytes, 2, bytes.length - 2, utf16), utf16, null);
        }
        Optional<Charset> declared = fromHeader(contentType).or(() -> fromDeclaration(bytes));
        Charset chosen = declared.orElse(StandardCharsets.UTF_8);
        boolean validUtf8 = isValid(bytes, StandardCharsets.UTF_8);
        if (isSingleByte(chosen) && validUtf8 && hasNonAscii(bytes)) {
            return new XmlText(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    "declared " + chosen.name() + " but the bytes are UTF-8");
        }
        if (!isValid(bytes, chosen)) {
            Charset fallback = validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1252;
            return new XmlText(new String(bytes, fallback), fallback,
                    "declared " + chosen.name() + " but the bytes are not; read as " + fallback.name());
        }
        return new XmlText(new String(bytes, chosen), chosen, null);
    }

    /** The charset named in a Content-Type header, if it names a known one. */
    public static Optional<Charset> fromHeader(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = HEADER.matcher(contentType);
        return m.find() ? charset(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> fromDeclaration(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? charset(m.group(1)) : Optional.empty();
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isSingleByte(Charset c) {
        return c.equals(StandardCharsets.ISO_8859_1) || c.equals(WINDOWS_1252) || c.equals(StandardCharsets.US_ASCII)
                || c.name().toLowerCase(Locale.ROOT).startsWith("iso-8859");
    }

    private static boolean isValid(byte[] bytes, Charset c) {
        try {
            c.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
