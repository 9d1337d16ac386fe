package dev.newsbrief.index;

/**
 * Turns a text into a unit-length vector such that texts of similar meaning lie close together
 * (dot product = cosine similarity). Implementations say whether they may be called from several
 * threads at once.
 */
public interface Embedder extends AutoCloseable {
    /** The vector of {@code text}; a blank text gives the zero vector. */
    float[] embed(String text);

    /** Length of every vector. */
    int dimension();

    /**
     * Whether the model was trained on text in {@code language} (ISO 639-1; {@code und} and null
     * for text whose language is unknown): vectors of text in a language the model never read lie
     * close to unrelated text, so such questions are searched without them. Every language, unless
     * the model says otherwise.
     */
    default boolean reads(String language) {
        return true;
    }

    /** Names the model and what it does with its input, so vectors of another model are never mixed in. */
    String modelId();

    @Override
    void close();
}
