package dev.newsbrief.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The exact-duplicate fingerprint of an article body: a hash of its normalised words, equal for
 * texts that differ only in case, spacing or punctuation. (Texts that differ more but report the
 * same news are recognised by {@link dev.newsbrief.stories.StoryClusterer}.)
 */
public final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * The content hash and word count of a text: the same values as {@link #contentHash} and
     * {@code words(text).size()}, computed in one pass without a String per word when the text is
     * ASCII (most news text), since ingestion fingerprints every article.
     */
    public record Summary(String contentHash, int wordCount) {
    }

    public static Summary summarise(String text) {
        if (!isAscii(text)) {
            List<String> words = words(text);
            return new Summary(contentHash(words), words.size());
        }
        MessageDigest sha = sha256();
        byte[] buffer = new byte[Math.max(16, text.length() + 1)];
        int used = 0;
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            boolean wordChar = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (wordChar) {
                if (!inWord) {
                    if (count > 0) {
                        buffer[used++] = ' ';
                    }
                    inWord = true;
                }
                buffer[used++] = (byte) c;
            } else if (inWord) {
                count++;
                inWord = false;
            }
        }
        sha.update(buffer, 0, used);
        return new Summary(HexFormat.of().formatHex(sha.digest()), count);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cased words (letters and digits) of {@code text}; punctuation and spacing do not matter. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean wordChar = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    /** SHA-256 (hex) of the normalised words: equal for texts that differ only in case, spacing or punctuation. */
    public static String contentHash(List<String> words) {
        MessageDigest sha = sha256();
        sha.update(String.join(" ", words).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
