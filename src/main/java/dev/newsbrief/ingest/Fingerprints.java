package dev.newsbrief.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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

    private Fingerprints() {
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
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.join(" ", words).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** 64-bit hashes of the word 3-shingles (or of the words themselves when there are fewer than three). */
    public static long[] shingles(List<String> words) {
        if (words.size() < SHINGLE) {
            return words.stream().mapToLong(Fingerprints::hash).toArray();
        }
        long[] wordHashes = words.stream().mapToLong(Fingerprints::hash).toArray();
        long[] out = new long[words.size() - SHINGLE + 1];
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
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
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
