package dev.newsbrief.index;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the embedding model in tests: each word (after a small synonym table, so that
 * "automobile" means "car") adds 1 to one of 384 dimensions chosen by its hash; the vector is
 * scaled to unit length. Texts sharing words or synonyms are similar, others are not.
 */
public final class WordHashEmbedder implements Embedder {
    public static final Map<String, String> SYNONYMS = Map.of("automobile", "car", "automobiles", "car",
            "cars", "car", "vehicle", "car", "vehicles", "car", "physician", "doctor", "physicians", "doctor",
            "doctors", "doctor");
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger closed = new AtomicInteger();

    @Override
    public float[] embed(String text) {
        calls.incrementAndGet();
        float[] v = new float[384];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2) {
                String word = SYNONYMS.getOrDefault(w, w);
                v[Math.floorMod(word.hashCode(), v.length)] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public String modelId() {
        return "test/word-hash";
    }

    @Override
    public void close() {
        closed.incrementAndGet();
    }
}
