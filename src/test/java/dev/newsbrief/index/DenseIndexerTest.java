package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class DenseIndexerTest {
    private static final Instant NOW = Instant.parse("2025-03-22T10:00:00Z");

    private static Article article(String id, String title, String body) {
        return new Article(id, null, title, "wire", NOW, NOW, NOW, body, Integer.toHexString(body.hashCode()),
                null, Map.of());
    }

    private static final Article CARS = article("cars", "Car sales rise", "Sales of cars rose in March.");
    private static final Article DOCTORS = article("doctors", "Doctors strike", "Doctors went on strike on Monday.");
    private static final Article WHEAT = article("wheat", "Wheat exports", "Wheat exports fell sharply.");

    /** A directory that survives closing, so a second process can reopen what the first wrote. */
    private static Supplier<Directory> reusable(ByteBuffersDirectory dir) {
        return () -> new org.apache.lucene.store.FilterDirectory(dir) {
            @Override
            public void close() {
                // kept for the next open
            }
        };
    }

    private static List<String> ids(VectorIndex vectors, String text) {
        return vectors.search(new WordHashEmbedder().embed(text), 3, 1).stream().map(VectorIndex.Hit::articleId)
                .toList();
    }

    @Test
    void vectorsFollowTheIndexInTheBackground() throws Exception {
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS);
                VectorIndex vectors = VectorIndex.openWritable(ByteBuffersDirectory::new, "test");
                DenseIndexer indexer = new DenseIndexer(index, vectors, WordHashEmbedder::new, 2, 1, 600).start()) {
            index.index(CARS);
            index.index(DOCTORS);
            index.index(WHEAT);
            index.commit();
            assertThat(indexer.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(vectors.articleCount()).isEqualTo(3);
            assertThat(ids(vectors, "automobile sales").get(0)).isEqualTo("cars");
            assertThat(ids(vectors, "physicians strike").get(0)).isEqualTo("doctors");

            index.index(article("cars", "Wheat harvest", "The wheat harvest was large."));
            index.delete("doctors");
            assertThat(indexer.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(vectors.articleCount()).isEqualTo(2);
            assertThat(ids(vectors, "automobile")).doesNotContain("doctors");
            assertThat(indexer.progress().failed()).isFalse();
            assertThat(indexer.progress().articles()).isEqualTo(4);
        }
    }

    /** An embedder that holds every text containing {@code held} until released, and counts texts. */
    private static final class HoldingEmbedder implements Embedder {
        final Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final String held;
        private final WordHashEmbedder words = new WordHashEmbedder();

        HoldingEmbedder(String held) {
            this.held = held;
        }

        int calls(String word) {
            return calls.entrySet().stream().filter(e -> e.getKey().contains(word)).mapToInt(Map.Entry::getValue)
                    .sum();
        }

        @Override
        public float[] embed(String text) {
            calls.merge(text, 1, Integer::sum);
            if (text.contains(held)) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return words.embed(text);
        }

        @Override
        public int dimension() {
            return words.dimension();
        }

        @Override
        public String modelId() {
            return words.modelId();
        }

        @Override
        public void close() {
            // shared by both workers
        }
    }

    @Test
    void anArticleBeingEmbeddedWhileTheIndexesAreComparedIsEmbeddedOnce() throws Exception {
        HoldingEmbedder model = new HoldingEmbedder("Wheat");
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS);
                VectorIndex vectors = VectorIndex.openWritable(ByteBuffersDirectory::new, "test");
                DenseIndexer indexer = new DenseIndexer(index, vectors, () -> model, 2, 1, 600)) {
            index.index(WHEAT);
            index.index(CARS);
            // the change reaches the indexer before its workers start: one worker takes it and is held
            // embedding it, the other compares the indexes and finds it (and cars) without vectors
            indexer.indexed(WHEAT, index.passagesOf(WHEAT));
            indexer.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> model.calls("Car") == 1 || model.calls("Wheat") == 2);
            model.release.countDown();
            assertThat(indexer.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(model.calls("Wheat")).isEqualTo(1);
            assertThat(vectors.hashes().keySet()).containsExactlyInAnyOrder("wheat", "cars");
        }
    }

    @Test
    void aRebuildRebuildsTheVectors() throws Exception {
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS);
                VectorIndex vectors = VectorIndex.openWritable(ByteBuffersDirectory::new, "test");
                DenseIndexer indexer = new DenseIndexer(index, vectors, WordHashEmbedder::new, 1, 1, 600).start()) {
            index.index(CARS);
            index.index(DOCTORS);
            assertThat(indexer.awaitIdle(Duration.ofSeconds(30))).isTrue();
            index.deleteAll();
            index.index(WHEAT);
            index.commit();
            assertThat(indexer.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(vectors.hashes().keySet()).containsExactly("wheat");
        }
    }

    @Test
    void onStartTheIndexesAreComparedAndRepaired() throws Exception {
        ByteBuffersDirectory mainDir = new ByteBuffersDirectory();
        ByteBuffersDirectory vectorDir = new ByteBuffersDirectory();
        try (PassageIndex index = PassageIndex.openWritable(reusable(mainDir), PassageIndex.Options.DEFAULTS);
                VectorIndex vectors = VectorIndex.openWritable(reusable(vectorDir), "test");
                DenseIndexer indexer = new DenseIndexer(index, vectors, WordHashEmbedder::new, 1, 1, 600).start()) {
            index.index(CARS);
            index.index(DOCTORS);
            index.commit();
            assertThat(indexer.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
        // while no indexer ran (a crash, dense switched off): one article changed, one left, one came
        try (PassageIndex index = PassageIndex.openWritable(reusable(mainDir), PassageIndex.Options.DEFAULTS)) {
            index.index(article("cars", "Doctors strike again", "Doctors went on strike again."));
            index.delete("doctors");
            index.index(WHEAT);
            index.commit();
        }
        WordHashEmbedder counting = new WordHashEmbedder();
        try (PassageIndex index = PassageIndex.openWritable(reusable(mainDir), PassageIndex.Options.DEFAULTS);
                VectorIndex vectors = VectorIndex.openWritable(reusable(vectorDir), "test");
                DenseIndexer indexer = new DenseIndexer(index, vectors, () -> counting, 1, 1, 600).start()) {
            assertThat(indexer.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(vectors.hashes().keySet()).containsExactlyInAnyOrder("cars", "wheat");
            assertThat(ids(vectors, "physicians strike").get(0)).isEqualTo("cars");
            assertThat(counting.calls.get()).isEqualTo(2); // the changed and the new article only
        }
        // a different model or chunking: the old vectors are dropped and made anew
        try (PassageIndex index = PassageIndex.openWritable(reusable(mainDir), PassageIndex.Options.DEFAULTS);
                VectorIndex vectors = VectorIndex.openWritable(reusable(vectorDir), "other-model");
                DenseIndexer indexer = new DenseIndexer(index, vectors, WordHashEmbedder::new, 1, 1, 600).start()) {
            assertThat(indexer.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(vectors.articleCount()).isEqualTo(2);
        }
    }

    @Test
    void aModelThatFailsToLoadStopsTheVectorsNotTheIndex() throws Exception {
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS);
                VectorIndex vectors = VectorIndex.openWritable(ByteBuffersDirectory::new, "test");
                DenseIndexer indexer = new DenseIndexer(index, vectors, () -> {
                    throw new IndexException("no model here", null);
                }, 2, 1, 600).start()) {
            index.index(CARS);
            index.commit();
            assertThat(indexer.awaitIdle(Duration.ofSeconds(30))).isFalse();
            assertThat(indexer.progress().failed()).isTrue();
            assertThat(index.passageCount()).isEqualTo(1);
            index.index(WHEAT); // still indexes text
            index.commit();
            assertThat(index.passageCount()).isEqualTo(2);
        }
    }

    @Test
    void aReadOnlyIndexOfAnotherLayoutHoldsNoVectors() throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (VectorIndex vectors = VectorIndex.openWritable(reusable(dir), "a")) {
            vectors.put("x", List.of(new WordHashEmbedder().embed("cars")), "h");
            vectors.commit();
        }
        try (VectorIndex same = VectorIndex.openReadOnly(reusable(dir), "a");
                VectorIndex other = VectorIndex.openReadOnly(reusable(dir), "b");
                VectorIndex absent = VectorIndex.openReadOnly(ByteBuffersDirectory::new, "a")) {
            assertThat(same.hasVectors()).isTrue();
            assertThat(other.hasVectors()).isFalse();
            assertThat(other.search(new WordHashEmbedder().embed("cars"), 5, 1)).isEmpty();
            assertThat(absent.hasVectors()).isFalse();
        }
    }
}
