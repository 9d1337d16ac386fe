package dev.newsbrief.stories;

/**
 * MinHash signatures of shingle sets and the LSH band keys that find likely members of the same
 * story without comparing an article with every stored one.
 *
 * <p>A signature holds {@link #HASHES} = b·r minima, one per hash function; two sets agree on one
 * minimum with probability equal to their Jaccard similarity J. The signature is cut into
 * {@link #BANDS} bands of {@link #ROWS} minima; two articles become candidates when they agree on
 * all rows of at least one band, which happens with probability
 *
 * <pre>  P(J) = 1 - (1 - J^r)^b,   here  1 - (1 - J^2)^64</pre>
 *
 * <p>an S-curve whose midpoint sits near (1/b)^(1/r) = 0.125. Stories are decided on containment C
 * (the share of the shorter text's shingles found in the longer), and for a shorter text that is
 * ρ times as long as the longer (ρ ≤ 1), J = Cρ / (1 + ρ − Cρ). The bands are tuned so that pairs
 * with C ≥ 0.6 are found with probability ≥ 0.95 whenever ρ ≥ 0.45, and ≥ 0.98 from ρ = 0.5:
 *
 * <pre>
 *   C = 0.6, ρ = 1.0  → J = 0.43 → P = 1.0000
 *   C = 0.6, ρ = 0.75 → J = 0.35 → P = 0.9997
 *   C = 0.6, ρ = 0.5  → J = 0.25 → P = 0.984   (the design point)
 *   C = 0.6, ρ = 0.4  → J = 0.21 → P = 0.94
 *   C = 0.3, ρ = 1.0  → J = 0.18 → P = 0.87    (the weakest textual evidence still verified)
 * </pre>
 *
 * <p>Signatures cover the shingles of each text's first 200 words ({@link StoryText#LEAD_SHINGLES}),
 * so ρ is measured on those: a 150-word copy of a 900-word article has ρ = 0.75 rather than 0.17.
 * Unrelated pairs stay cheap: two random Reuters articles have J ≈ 0.001 (P ≈ 0.00006), and 99%
 * of same-subject pairs a day apart have J ≤ 0.1 (P ≤ 0.48); each candidate costs one exact check.
 * Fewer rows would flood the check with candidates (r = 1 needs b ≈ 15 for the same recall but
 * lets every shared common shingle through); more rows need many more bands (r = 3 needs b ≈ 260
 * for P(0.25) ≥ 0.98). {@code newsbrief bench stories} measures the candidate recall on labelled pairs.
 */
public final class MinHash {
    /** Minima per band. */
    public static final int ROWS = 2;
    /** Bands per signature. */
    public static final int BANDS = 64;
    /** Minima per signature. */
    public static final int HASHES = ROWS * BANDS;
    private static final int[] SEEDS = seeds();

    private MinHash() {
    }

    /** The signature of an article: over the shingles of its lead (see {@link StoryText#LEAD_SHINGLES}). */
    public static int[] signature(StoryText text) {
        return text.signature();
    }

    /**
     * The signature of a shingle set: {@link #HASHES} minima, one per hash function. Each shingle
     * hash is folded to 32 bits and mixed with every function's seed by two multiply-xorshift
     * rounds, all in {@code int} lanes, so the loop over the functions vectorises.
     */
    static int[] signature(long[] shingles) {
        int[] min = new int[HASHES];
        java.util.Arrays.fill(min, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            int x = (int) (shingle ^ (shingle >>> 32));
            for (int i = 0; i < HASHES; i++) {
                int v = (x ^ SEEDS[i]) * 0x9E3779B1;
                v ^= v >>> 15;
                v *= 0x85EBCA77;
                v ^= v >>> 13;
                min[i] = Math.min(min[i], v);
            }
        }
        return min;
    }

    /** One key per band: equal keys mean (up to a 2^-32 collision) equal rows. */
    public static int[] bandKeys(int[] signature) {
        if (signature.length != HASHES) {
            throw new IllegalArgumentException("a signature has " + HASHES + " values, not " + signature.length);
        }
        int[] keys = new int[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = StoryText.mix(h * 0x100000001b3L + (signature[b * ROWS + r] & 0xffffffffL));
            }
            keys[b] = (int) (h ^ (h >>> 32));
        }
        return keys;
    }

    /** The probability that a pair with Jaccard similarity {@code j} becomes a candidate. */
    public static double candidateProbability(double j) {
        return 1 - Math.pow(1 - Math.pow(j, ROWS), BANDS);
    }

    /** Band keys as bytes for storing (big-endian ints). */
    static byte[] toBytes(int[] keys) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(keys.length * 4);
        buf.asIntBuffer().put(keys);
        return buf.array();
    }

    /** Stored band keys, or null when {@code bytes} are not {@link #BANDS} of them (another scheme). */
    static int[] bandKeysFromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != BANDS * 4) {
            return null;
        }
        int[] keys = new int[BANDS];
        java.nio.ByteBuffer.wrap(bytes).asIntBuffer().get(keys);
        return keys;
    }

    private static int[] seeds() {
        int[] seeds = new int[HASHES];
        long s = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < HASHES; i++) {
            s += 0x9E3779B97F4A7C15L;
            seeds[i] = (int) StoryText.mix(s);
        }
        return seeds;
    }
}
