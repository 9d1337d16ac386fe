package dev.newsbrief.alerts;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The presearcher: a Lucene index with one document per distinct topic, filed under the topic's
 * {@linkplain Topic#anchorTerm() anchor term}. Given the terms of an article it returns the few
 * topics that could match (every topic whose anchor the article contains) in one
 * {@link TermInSetQuery}, instead of trying every topic. Compiled topics live in memory, found
 * through a numeric doc value; the index is rebuilt from the subscriptions table on start.
 * Thread-safe: updates are serialised, searches run on near-real-time searchers.
 */
public final class TopicIndex implements Closeable {
    private static final String ANCHOR = "anchor";
    private static final String KEY = "key";
    private static final String SLOT = "slot";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, Topic> bySlot = new ConcurrentHashMap<>();
    private final Map<String, Long> slotByKey = new ConcurrentHashMap<>();
    private final AtomicLong nextSlot = new AtomicLong();

    public TopicIndex(Supplier<Directory> directorySupplier) {
        this.directory = directorySupplier.get();
        try {
            IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new AlertsException("cannot open the topic index in " + directory + ": " + e.getMessage(), e);
        }
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
                long slot = nextSlot.getAndIncrement();
                bySlot.put(slot, topic);
                slotByKey.put(topic.key(), slot);
                Document d = new Document();
                d.add(new StringField(ANCHOR, topic.anchorTerm(), Field.Store.NO));
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
        Long slot = slotByKey.remove(key);
        if (slot == null) {
            return;
        }
        try {
            writer.deleteDocuments(new Term(KEY, key));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new AlertsException("cannot remove a topic from the topic index: " + e.getMessage(), e);
        } finally {
            bySlot.remove(slot);
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
        return List.copyOf(bySlot.values());
    }

    /** The topics whose anchor term is among {@code articleTerms}. */
    public List<Topic> candidates(Collection<BytesRef> articleTerms) {
        if (articleTerms.isEmpty()) {
            return List.of();
        }
        List<Topic> out = new ArrayList<>();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                searcher.search(new TermInSetQuery(ANCHOR, articleTerms), new SlotCollector(out));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new AlertsException("topic presearch failed: " + e.getMessage(), e);
        }
        return out;
    }

    private final class SlotCollector extends SimpleCollector {
        private final List<Topic> out;
        private NumericDocValues slots;

        SlotCollector(List<Topic> out) {
            this.out = out;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            slots = context.reader().getNumericDocValues(SLOT);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (slots != null && slots.advanceExact(doc)) {
                Topic t = bySlot.get(slots.longValue());
                if (t != null) {
                    out.add(t);
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public void setScorer(Scorable scorer) {
            // scores are not needed: every candidate is verified anyway
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
