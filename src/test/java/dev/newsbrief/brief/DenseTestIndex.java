package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.DenseIndexer;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.VectorIndex;
import dev.newsbrief.index.WordHashEmbedder;
import java.time.Duration;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A passage index in memory whose vectors the stand-in {@link WordHashEmbedder} embeds as articles
 * are indexed: what the briefing tests over dense retrieval set up.
 */
final class DenseTestIndex implements AutoCloseable {
    private final PassageIndex passages;
    private final VectorIndex vectors;
    private final DenseIndexer indexer;

    private DenseTestIndex(PassageIndex passages, VectorIndex vectors) {
        this.passages = passages;
        this.vectors = vectors;
        this.indexer = new DenseIndexer(passages, vectors, WordHashEmbedder::new, 1, 1, 600).start();
    }

    static DenseTestIndex open() {
        return new DenseTestIndex(PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS),
                VectorIndex.openWritable(ByteBuffersDirectory::new, "test"));
    }

    PassageIndex passages() {
        return passages;
    }

    VectorIndex vectors() {
        return vectors;
    }

    /** Commits what was indexed and waits until every passage has its vector. */
    void commitAndEmbed() throws InterruptedException {
        passages.commit();
        assertThat(indexer.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    @Override
    public void close() {
        indexer.close();
        vectors.close();
        passages.close();
    }
}
