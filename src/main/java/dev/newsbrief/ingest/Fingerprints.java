package dev.newsbrief.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Content fingerprints of an article body: the exact-duplicate hash of its normalised words,
 * and a 64-bit SimHash over word 3-shingles, whose Hamming distance approximates how much two
 * texts differ.
 */
public final class Fingerprints {
    static final int SHINGLE = 3;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Fingerprints() {
    }

    /**
     * The content hash, shingle hashes and word count of a text: the same values as
     * {@link #contentHash}, {@link #shingles} and {@code words(text).size()}, computed in one
     * pass without a String per word when the text is ASCII (most news text), since ingestion
     * fingerprints every article.
     */
    public record Summary(String contentHash, long[] shingles, int wordCount) {
    }

    public static Summary summarise(String text) {
        if (!isAscii(text)) {
            List<String> words = words(text);
            return new Summary(contentHash(words), shingles(words), words.size());
        }
        MessageDigest sha = sha256();
        byte[] buffer = new byte[Math.max(16, text.length() + 1)];
        int used = 0;
        long[] wordHashes = new long[16];
        int count = 0;
        long h = 0;
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
                    h = FNV_OFFSET;
                    inWord = true;
                }
                buffer[used++] = (byte) c;
                h = (h ^ c) * FNV_PRIME;
            } else if (inWord) {
                if (count == wordHashes.length) {
                    wordHashes = Arrays.copyOf(wordHashes, count * 2);
                }
                wordHashes[count++] = mix(h);
                inWord = false;
            }
        }
        sha.update(buffer, 0, used);
        return new Summary(HexFormat.of().formatHex(sha.digest()), shinglesOf(wordHashes, count), count);
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

    /** 64-bit hashes of the word 3-shingles (or of the words themselves when there are fewer than three). */
    public static long[] shingles(List<String> words) {
        long[] wordHashes = words.stream().mapToLong(Fingerprints::hash).toArray();
        return shinglesOf(wordHashes, wordHashes.length);
    }

    private static long[] shinglesOf(long[] wordHashes, int count) {
        if (count < SHINGLE) {
            return Arrays.copyOf(wordHashes, count);
        }
        long[] out = new long[count - SHINGLE + 1];
        for (int i = 0; i < out.length; i++) {
            long h = wordHashes[i];
            for (int j = 1; j < SHINGLE; j++) {
                h = mix(h * 31 + wordHashes[i + j]);
            }
            out[i] = h;
        }
        return out;
    }

    /** Charikar's SimHash: bit i is set when most shingles have bit i set. */
    public static long simhash(long[] shingles) {
        int[] votes = new int[64];
        for (long h : shingles) {
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
            }
        }
        long out = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                out |= 1L << bit;
            }
        }
        return out;
    }

    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** FNV-1a over the characters, then a MurmurHash3 finaliser so every bit depends on every char. */
    static long hash(String s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93fe53d2ce3L;
        k ^= k >>> 33;
        return k;
    }
}
