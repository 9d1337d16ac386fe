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
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The presearcher: a Lucene index with one document per distinct topic, filed under the topic's
 * {@linkplain Topic#anchorTerm anchor term}. Given an article it looks the article's terms up in
 * the anchor field, the few topics found there are the candidates that could match (those whose
 * anchor the article contains), and only those are verified, instead of trying every topic. Compiled
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
    private final Map<IndexReader.CacheKey, int[]> slotsBySegment = new ConcurrentHashMap<>();
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
    public List<Topic> candidates(AnalyzedArticle article) {
        List<Topic> out = new ArrayList<>();
        presearch(article, false, out);
        return out;
    }

    /** The topics the article matches: candidates from the presearcher, each verified. */
    public List<Topic> matching(AnalyzedArticle article) {
        List<Topic> out = new ArrayList<>();
        presearch(article, true, out);
        return out;
    }

    /** Verifies every topic one by one, without the presearcher; for comparison only. */
    public List<Topic> matchingByBruteForce(AnalyzedArticle article) {
        List<Topic> out = new ArrayList<>();
        for (CompiledTopic c : slots) {
            if (c != null && c.matches(article)) {
                out.add(c.topic());
            }
        }
        return out;
    }

    /**
     * Reads the anchor postings of the article's terms straight from each segment (the work a
     * {@code TermInSetQuery} does, without its query machinery), marks the candidate documents in a
     * bit set, then visits them in document order, which is slot order: the packed checks are read
     * front to back.
     */
    private void presearch(AnalyzedArticle article, boolean verify, List<Topic> out) {
        if (article.terms().isEmpty()) {
            return;
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                CompiledTopic[] topics = slots;
                int[] checks = packed;
                int[] starts = offsets;
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    LeafReader reader = leaf.reader();
                    Terms anchors = reader.terms(ANCHOR);
                    if (anchors == null) {
                        continue;
                    }
                    FixedBitSet hits = new FixedBitSet(reader.maxDoc());
                    TermsEnum terms = anchors.iterator();
                    PostingsEnum postings = null;
                    for (BytesRef term : article.terms()) {
                        if (terms.seekExact(term)) {
                            postings = terms.postings(postings, PostingsEnum.NONE);
                            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                                hits.set(doc);
                            }
                        }
                    }
                    int[] docSlots = slotsOf(reader);
                    Bits live = reader.getLiveDocs();
                    for (int doc = hits.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                            doc = doc + 1 < hits.length() ? hits.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        int slot = docSlots[doc];
                        if (slot < 0 || slot >= topics.length) {
                            continue; // added after this search began
                        }
                        if (verify && !CompiledTopic.matches(checks, starts[slot], article)) {
                            continue;
                        }
                        CompiledTopic c = topics[slot];
                        if (c != null) {
                            out.add(c.topic());
                        }
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new AlertsException("topic presearch failed: " + e.getMessage(), e);
        }
    }

    /** Each document's slot in one segment, read once from the doc values and kept while the segment lives. */
    private int[] slotsOf(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        IndexReader.CacheKey key = helper == null ? null : helper.getKey();
        int[] cached = key == null ? null : slotsBySegment.get(key);
        if (cached != null) {
            return cached;
        }
        int[] docSlots = new int[reader.maxDoc()];
        Arrays.fill(docSlots, -1);
        NumericDocValues values = reader.getNumericDocValues(SLOT);
        if (values != null) {
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                docSlots[doc] = (int) values.longValue();
            }
        }
        if (key != null && slotsBySegment.putIfAbsent(key, docSlots) == null) {
            helper.addClosedListener(slotsBySegment::remove);
        }
        return docSlots;
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
