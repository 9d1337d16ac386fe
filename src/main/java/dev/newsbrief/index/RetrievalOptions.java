package dev.newsbrief.index;

import dev.newsbrief.core.OptionException;
import java.util.Locale;

/**
 * Dense retrieval beside BM25 (config section {@code retrieval:}).
 *
 * @param dense              whether articles get sentence-embedding vectors and questions are answered
 *                           with BM25 and vector search fused
 * @param fusion             how the two rankings are fused: {@code rrf} (reciprocal rank fusion) or
 *                           {@code linear} (a weighted mix of normalised scores)
 * @param denseWeight        weight of the vector ranking in the fusion, in [0, 1]
 * @param denseCandidates    articles the vector search returns for fusion
 * @param chunks             vectors per article: the headline with the opening text, then the text that follows
 * @param chunkChars         characters embedded per vector (the model reads about 500 of them)
 * @param embedThreads       background threads (model sessions) embedding new articles
 * @param sentenceWeight     weight of a sentence's similarity to the question when choosing what to quote
 * @param sentenceCandidates sentences per question compared with it that way (each costs one embedding)
 */
public record RetrievalOptions(boolean dense, String fusion, double denseWeight, int denseCandidates, int chunks,
        int chunkChars, int embedThreads, double sentenceWeight, int sentenceCandidates) {

    public static final RetrievalOptions DEFAULTS = new RetrievalOptions(true, "linear", 0.6, 100, 3, 600, 2, 0.3, 1);

    public RetrievalOptions {
        String f = fusion == null ? "" : fusion.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("rrf") && !f.equals("linear")) {
            throw new OptionException("fusion", "must be rrf or linear (got '" + fusion + "')");
        }
        fusion = f;
        if (denseWeight < 0 || denseWeight > 1) {
            throw new OptionException("denseWeight", "must be between 0 and 1, got " + denseWeight);
        }
        if (denseCandidates < 1 || denseCandidates > 1000) {
            throw new OptionException("denseCandidates", "must be between 1 and 1000, got " + denseCandidates);
        }
        if (chunks < 1 || chunks > 32) {
            throw new OptionException("chunks", "must be between 1 and 32, got " + chunks);
        }
        if (chunkChars < 100 || chunkChars > 4000) {
            throw new OptionException("chunkChars", "must be between 100 and 4000, got " + chunkChars);
        }
        if (embedThreads < 1 || embedThreads > 64) {
            throw new OptionException("embedThreads", "must be between 1 and 64, got " + embedThreads);
        }
        if (sentenceWeight < 0 || sentenceWeight > 2) {
            throw new OptionException("sentenceWeight", "must be between 0 and 2, got " + sentenceWeight);
        }
        if (sentenceCandidates < 0 || sentenceCandidates > 50) {
            throw new OptionException("sentenceCandidates", "must be between 0 and 50, got " + sentenceCandidates);
        }
    }

    /** The same options with dense retrieval switched on or off. */
    public RetrievalOptions withDense(boolean on) {
        return new RetrievalOptions(on, fusion, denseWeight, denseCandidates, chunks, chunkChars, embedThreads,
                sentenceWeight, sentenceCandidates);
    }

    /** Names what the vectors are made of: vectors of another layout are never compared with these. */
    public String layout(String modelId) {
        return "1/" + modelId + "/chunks=" + chunks + "/chars=" + chunkChars;
    }
}
