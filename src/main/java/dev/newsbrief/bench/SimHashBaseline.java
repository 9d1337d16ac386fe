package dev.newsbrief.bench;

import dev.newsbrief.ingest.Fingerprints;
import java.util.Arrays;
import java.util.List;

/**
 * The near-duplicate rule newsbrief used before stories, kept here only as the benchmark's
 * baseline: same normalised text, or a 64-bit SimHash over word 3-shingles within 12 bits and
 * 70% of the shorter text's shingles in the longer (texts of 25 words or more).
 */
final class SimHashBaseline {
    private static final int MAX_HAMMING = 12;
    private static final double MIN_CONTAINMENT = 0.7;
    private static final int MIN_WORDS = 25;

    private SimHashBaseline() {
    }

    static boolean same(String bodyA, String bodyB) {
        List<String> a = Fingerprints.words(bodyA);
        List<String> b = Fingerprints.words(bodyB);
        if (Fingerprints.contentHash(a).equals(Fingerprints.contentHash(b))) {
            return true;
        }
        if (Math.min(a.size(), b.size()) < MIN_WORDS) {
            return false;
        }
        long[] sa = shingles(a);
        long[] sb = shingles(b);
        return Long.bitCount(simhash(sa) ^ simhash(sb)) <= MAX_HAMMING && containment(sa, sb) >= MIN_CONTAINMENT;
    }

    private static long[] shingles(List<String> words) {
        long[] out = new long[Math.max(0, words.size() - 2)];
        for (int i = 0; i < out.length; i++) {
            long h = 0xcbf29ce484222325L;
            for (char c : (words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2)).toCharArray()) {
                h = (h ^ c) * 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            out[i] = h ^ (h >>> 33);
        }
        return out;
    }

    private static long simhash(long[] shingles) {
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

    private static double containment(long[] a, long[] b) {
        long[] small = Arrays.stream(a.length <= b.length ? a : b).distinct().toArray();
        long[] large = (a.length <= b.length ? b : a).clone();
        Arrays.sort(large);
        int found = 0;
        for (long h : small) {
            if (Arrays.binarySearch(large, h) >= 0) {
                found++;
            }
        }
        return small.length == 0 ? 0 : (double) found / small.length;
    }
}
