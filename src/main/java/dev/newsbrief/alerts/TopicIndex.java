package dev.newsbrief.alerts;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The presearcher: a Lucene index with one document per distinct topic, filed under the topic's
 * {@linkplain Topic#anchorTerm anchor term}. Given an article it finds, in one
 * {@link TermInSetQuery} over the article's terms, the few topics that could match (those whose
 * anchor the article contains) and verifies only those, instead of trying every topic. Compiled
 * topics live in memory in an array addressed by a numeric doc value; the index is rebuilt from
 * the subscriptions table on start. Thread-safe: updates are serialised, searches run on
 * near-real-time searchers.
 */
public final class TopicIndex implements Closeable {
    private static final String ANCHOR = "anchor";
    private static final String KEY = "key";
    private static final String SLOT = "slot";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final TopicDictionary dictionary = new TopicDictionary();
    private final Map<String, Integer> slotByKey = new ConcurrentHashMap<>();
    private volatile CompiledTopic[] slots = new CompiledTopic[1024];
    // The term checks of every slot in one flat array (see CompiledTopic#packed), and where each starts.
    private volatile int[] packed = new int[8192];
    private volatile int[] offsets = new int[1024];
    private int packedSize;
    private int nextSlot;

    private final ToLongFunction<String> documentFrequency;

    /**
     * @param directorySupplier  where the topic index lives (a {@code ByteBuffersDirectory} is enough:
     *                           it is rebuilt from SQLite on start)
     * @param documentFrequency  how many recent articles hold a term, to file each topic under its
     *                           rarest term; {@code t -> 0} falls back to the longest term
     */
    public TopicIndex(Supplier<Directory> directorySupplier, ToLongFunction<String> documentFrequency) {
        this.directory = directorySupplier.get();
        this.documentFrequency = documentFrequency;
        try {
            IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setQueryCache(null); // every article's term set is new: caching only costs
                    return searcher;
                }
            });
        } catch (IOException e) {
            throw new AlertsException("cannot open the topic index in " + directory + ": " + e.getMessage(), e);
        }
    }

    TopicDictionary dictionary() {
        return dictionary;
    }

    /** Adds a topic (no-op when its key is present) and makes it visible to the next search. */
    public void add(Topic topic) {
        addAll(List.of(topic));
    }

    /** Adds many topics with one refresh; used when loading every subscribed topic at start. */
    public synchronized void addAll(Collection<Topic> topics) {
        try {
            for (Topic topic : topics) {
                if (slotByKey.containsKey(topic.key())) {
                    continue;
                }
                int slot = nextSlot++;
                if (slot == slots.length) {
                    slots = Arrays.copyOf(slots, slots.length * 2);
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                }
                CompiledTopic compiled = new CompiledTopic(topic, dictionary::add);
                int[] checks = compiled.packed();
                if (packedSize + checks.length > packed.length) {
                    packed = Arrays.copyOf(packed, Math.max(packed.length * 2, packedSize + checks.length));
                }
                System.arraycopy(checks, 0, packed, packedSize, checks.length);
                offsets[slot] = packedSize;
                packedSize += checks.length;
                slots[slot] = compiled;
                slotByKey.put(topic.key(), slot);
                Document d = new Document();
                d.add(new StringField(ANCHOR, topic.anchorTerm(documentFrequency), Field.Store.NO));
                d.add(new StringField(KEY, topic.key(), Field.Store.NO));
                d.add(new NumericDocValuesField(SLOT, slot));
                writer.addDocument(d);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new AlertsException("cannot add topics to the topic index: " + e.getMessage(), e);
        }
    }

    /** Removes the topic with this key, if present. */
    public synchronized void remove(String key) {
        Integer slot = slotByKey.remove(key);
        if (slot == null) {
            return;
        }
        try {
            writer.deleteDocuments(new Term(KEY, key));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new AlertsException("cannot remove a topic from the topic index: " + e.getMessage(), e);
        } finally {
            slots[slot] = null;
        }
    }

    public boolean contains(String key) {
        return slotByKey.containsKey(key);
    }

    public int size() {
        return slotByKey.size();
    }

    /** Every topic as added, in no particular order; for brute-force comparison in the benchmark. */
    public List<Topic> topics() {
        return Arrays.stream(slots).filter(Objects::nonNull).map(CompiledTopic::topic).toList();
    }

    /** The candidate topics for an article: those whose anchor term it contains. */
    public List<Topic> candidates(PreparedArticle article) {
        List<Topic> out = new ArrayList<>();
        presearch(article, false, out);
        return out;
    }

    /** The topics the article matches: candidates from the presearcher, each verified. */
    public List<Topic> matching(PreparedArticle article) {
        List<Topic> out = new ArrayList<>();
        presearch(article, true, out);
        return out;
    }

    /** Verifies every topic one by one, without the presearcher; for comparison only. */
    public List<Topic> matchingByBruteForce(PreparedArticle article) {
        List<Topic> out = new ArrayList<>();
        for (CompiledTopic c : slots) {
            if (c != null && c.matches(article)) {
                out.add(c.topic());
            }
        }
        return out;
    }

    private void presearch(PreparedArticle article, boolean verify, List<Topic> out) {
        if (article.terms().isEmpty()) {
            return;
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                searcher.search(new TermInSetQuery(ANCHOR, article.terms()), new SlotCollector(verify ? article : null, out));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new AlertsException("topic presearch failed: " + e.getMessage(), e);
        }
    }

    /** Collects candidates in doc (= slot) order, verifying each on the spot when given an article. */
    private final class SlotCollector extends SimpleCollector {
        private final CompiledTopic[] topics = slots;
        private final int[] checks = packed;
        private final int[] starts = offsets;
        private final PreparedArticle article;
        private final List<Topic> out;
        private NumericDocValues slotValues;

        SlotCollector(PreparedArticle article, List<Topic> out) {
            this.article = article;
            this.out = out;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (slotValues == null || !slotValues.advanceExact(doc)) {
                return;
            }
            int slot = (int) slotValues.longValue();
            if (slot >= topics.length) {
                return; // added after this search began
            }
            if (article == null) {
                CompiledTopic c = topics[slot];
                if (c != null) {
                    out.add(c.topic());
                }
                return;
            }
            if (CompiledTopic.matches(checks, starts[slot], article)) {
                CompiledTopic c = topics[slot];
                if (c != null) {
                    out.add(c.topic());
                }
            }
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            slotValues = context.reader().getNumericDocValues(SLOT);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public void setScorer(Scorable scorer) {
            // no scores: every candidate is verified exactly
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }
}
