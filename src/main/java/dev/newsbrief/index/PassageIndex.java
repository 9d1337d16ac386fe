package dev.newsbrief.index;

import dev.newsbrief.core.Exhaustion;
import dev.newsbrief.lang.Languages;
import dev.newsbrief.store.Article;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of article passages, one document per {@link Passage} (fields in
 * {@link PassageFields}).
 *
 * <p>Open it {@linkplain #openWritable writable} (one {@link IndexWriter}, near-real-time
 * searchers through a {@link SearcherManager}) or {@linkplain #openReadOnly read-only} (a
 * {@link DirectoryReader} on the last commit, no write lock, so it works while another process
 * writes). Changes become visible to searchers after {@link #refresh()} (or {@link #commit()},
 * which refreshes too) and durable after {@link #commit()}. The index owns and closes the
 * directory its supplier returns.
 */
public final class PassageIndex implements Closeable {
    /** Commit user-data key holding the {@linkplain #FORMAT format} the index was built with. */
    public static final String FORMAT_KEY = "newsbrief.index.format";
    /**
     * Version of the document layout. Bump it whenever documents gain, lose or change a field that
     * searches rely on: an index built with another layout answers nothing useful and is rebuilt.
     * 2 = the article-level {@link PassageFields#ARTICLE} field on passage 0; 3 = per-language
     * fields and the {@link PassageFields#LANGUAGE} field; 4 = the {@link IndexProvenance} term on
     * passage 0 (what each article was built from); 5 = each passage's recorded sentences;
     * 6 = {@link PassageFields#RECORD}, which holds them together with what else composing reads.
     */
    public static final int FORMAT = 6;

    /**
     * @param ramBufferMb memory IndexWriter fills before flushing a segment
     * @param passages    how articles are cut into passages
     */
    public record Options(double ramBufferMb, PassageSplitter.Options passages) {
        public static final Options DEFAULTS = new Options(64, PassageSplitter.Options.DEFAULTS);

        public Options {
            Objects.requireNonNull(passages, "passages");
            if (ramBufferMb <= 0) {
                throw new IllegalArgumentException("ramBufferMb must be positive: " + ramBufferMb);
            }
        }
    }

    /**
     * Share of the RAM buffer at which {@link #flushLargeBuffer()} writes the buffered passages
     * as a segment: what is left for the final commit stays small.
     */
    private static final double EARLY_FLUSH_SHARE = 0.25;

    private final Directory directory;
    private final String name;
    private final IndexWriter writer;
    private final long earlyFlushBytes;
    private final PassageSplitter splitter;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private SearcherManager searchers;
    /** The format of the documents already in the index; null when it has none (new or cleared). */
    private volatile String foundFormat;

    private PassageIndex(Directory directory, IndexWriter writer, SearcherManager searchers, Options options,
            String foundFormat) {
        this.directory = directory;
        this.name = describe(directory);
        this.writer = writer;
        this.searchers = searchers;
        this.splitter = new PassageSplitter(options.passages());
        this.earlyFlushBytes = (long) (options.ramBufferMb() * EARLY_FLUSH_SHARE * 1024 * 1024);
        this.foundFormat = foundFormat;
    }

    /** The directory's path when it is on disk, else what it says it is. */
    private static String describe(Directory directory) {
        return FilterDirectory.unwrap(directory) instanceof FSDirectory fs ? fs.getDirectory().toString()
                : directory.toString();
    }

    /** A directory supplier for an index on disk at {@code path}. */
    public static Supplier<Directory> onDisk(Path path) {
        return () -> {
            try {
                return FSDirectory.open(path);
            } catch (IOException e) {
                throw new IndexException("cannot open index directory " + path + ": " + e.getMessage(), e);
            }
        };
    }

    /**
     * Opens the index for writing, creating it if absent.
     *
     * @throws IndexLockedException when another writer holds the index
     */
    public static PassageIndex openWritable(Supplier<Directory> directorySupplier, Options options) {
        Directory dir = directorySupplier.get();
        try {
            IndexWriterConfig config = new IndexWriterConfig(new LanguageAnalyzers())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(options.ramBufferMb());
            boolean existed = DirectoryReader.indexExists(dir);
            IndexWriter writer = new IndexWriter(dir, config);
            String found = existed ? formatOf(userData(writer)) : null;
            if (found == null || found.equals(Integer.toString(FORMAT))) {
                stampFormat(writer);
            }
            return new PassageIndex(dir, writer, new SearcherManager(writer, null), options, found);
        } catch (LockObtainFailedException e) {
            IOUtils.closeWhileHandlingException(dir);
            throw new IndexLockedException("the index in " + dir + " is locked by another newsbrief process "
                    + "(only one writer at a time; read-only commands still work)", e);
        } catch (IOException e) {
            String where = describe(dir);
            IOUtils.closeWhileHandlingException(dir);
            if (isDamage(e)) {
                throw new IndexCorruptException(where, shortReason(e), e);
            }
            throw new IndexException("cannot open index " + where + " for writing: " + e.getMessage(), e);
        }
    }

    /** Opens the last commit of the index for searching only; an absent index searches as empty. */
    public static PassageIndex openReadOnly(Supplier<Directory> directorySupplier) {
        Directory dir = directorySupplier.get();
        try {
            if (!DirectoryReader.indexExists(dir)) {
                return new PassageIndex(dir, null, null, Options.DEFAULTS, null);
            }
            SearcherManager searchers = new SearcherManager(dir, null);
            return new PassageIndex(dir, null, searchers, Options.DEFAULTS, committedFormat(searchers));
        } catch (IOException e) {
            String where = describe(dir);
            IOUtils.closeWhileHandlingException(dir);
            if (isDamage(e)) {
                throw new IndexCorruptException(where, shortReason(e), e);
            }
            throw new IndexException("cannot open index " + where + " for reading: " + e.getMessage(), e);
        }
    }

    public boolean isReadOnly() {
        return writer == null;
    }

    /**
     * True when the index holds documents written with another {@link #FORMAT} (or by a version
     * that recorded none): searches would miss fields they rely on, so it needs a rebuild
     * ({@link Reindexer}). A new index, or one cleared with {@link #deleteAll()}, is current.
     */
    public boolean isOutdated() {
        String found = foundFormat;
        return found != null && !found.equals(Integer.toString(FORMAT));
    }

    /** The format recorded in the index when it was opened, {@code "none"} if it recorded none. */
    public String recordedFormat() {
        String found = foundFormat;
        return found == null ? Integer.toString(FORMAT) : found;
    }

    private static Map<String, String> userData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** The format recorded in the commit a read-only searcher manager currently shows. */
    private static String committedFormat(SearcherManager searchers) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return formatOf(((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData());
        } finally {
            searchers.release(s);
        }
    }

    private static void stampFormat(IndexWriter writer) {
        Map<String, String> data = userData(writer);
        data.put(FORMAT_KEY, Integer.toString(FORMAT));
        writer.setLiveCommitData(data.entrySet());
    }

    /**
     * A value recorded in the index's commit user data (keys are namespaced by their owner, such
     * as {@code newsbrief.changelog.position}); the one pending for the next commit once set.
     */
    public synchronized Optional<String> commitData(String key) {
        return Optional.ofNullable(userData(requireWriter()).get(key));
    }

    /**
     * Records {@code value} under {@code key} in the next commit's user data, so it becomes durable
     * together with every change made before it; other keys are kept.
     */
    public synchronized void putCommitData(String key, String value) {
        IndexWriter w = requireWriter();
        Map<String, String> data = userData(w);
        data.put(key, value);
        w.setLiveCommitData(data.entrySet());
    }

    private static String formatOf(Map<String, String> userData) {
        return userData.getOrDefault(FORMAT_KEY, "none");
    }

    /**
     * Told about every change of the index, on the thread that made it, after the change was
     * handed to Lucene (it becomes visible with the next refresh). Derived data kept beside the
     * index (the dense vectors) follows it this way; a listener must be quick and must not throw.
     */
    public interface Listener {
        /** {@code article} was (re)indexed as {@code passages}. */
        void indexed(Article article, List<Passage> passages);

        /** Every passage of {@code articleId} was removed. */
        void deleted(String articleId);

        /** Every passage was removed (a rebuild starts). */
        void cleared();
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The passages {@code article} is indexed as. */
    public List<Passage> passagesOf(Article article) {
        return splitter.split(article.id(), article.body());
    }

    /**
     * Replaces all passages of {@code article} with its current ones (atomically for searchers).
     * A duplicate article is removed from the index instead, since only originals are searchable.
     */
    public void index(Article article) {
        index(article, article.isDuplicate() ? List.of() : passagesOf(article));
    }

    /**
     * Like {@link #index(Article)} with the article's passages already split (by
     * {@link #passagesOf}), so a pipeline can split them on another thread.
     */
    public void index(Article article, List<Passage> passages) {
        if (article.isDuplicate()) {
            delete(article.id());
            return;
        }
        IndexWriter w = requireWriter();
        List<Document> docs = PassageDocuments.of(w.getAnalyzer(), article, passages);
        try {
            w.updateDocuments(new Term(PassageFields.ARTICLE_ID, article.id()), docs);
        } catch (IOException | AlreadyClosedException e) {
            throw failure("cannot index article " + article.id() + " in " + name, e);
        }
        listeners.forEach(l -> l.indexed(article, passages));
    }

    /**
     * The Lucene document for one passage, its fields analysed by the index writer; public so
     * benchmarks index the same searchable documents ({@link #index} builds them with the analysis
     * shared between fields, and adds the passage's {@link PassageRecord}: {@link PassageDocuments}).
     */
    public static Document document(Article article, Passage p) {
        return PassageDocuments.document(article, p);
    }

    /**
     * Writes the passages buffered in memory as a new segment once they fill a quarter of the
     * RAM buffer, without committing: they become durable and visible with the next
     * {@link #commit()} as before. A bulk ingest calls this between batches, on its indexing
     * thread, so segments are written while the other stages go on rather than all at the final
     * commit, when nothing else is left to run beside it.
     *
     * @return whether a segment was written
     */
    public boolean flushLargeBuffer() {
        IndexWriter w = requireWriter();
        if (w.ramBytesUsed() < earlyFlushBytes) {
            return false;
        }
        try {
            w.flush();
            return true;
        } catch (IOException | AlreadyClosedException e) {
            throw failure("cannot write a segment of " + name, e);
        }
    }

    /** Removes every passage of the article. */
    public void delete(String articleId) {
        try {
            requireWriter().deleteDocuments(new Term(PassageFields.ARTICLE_ID, articleId));
        } catch (IOException | AlreadyClosedException e) {
            throw failure("cannot delete article " + articleId + " from " + name, e);
        }
        listeners.forEach(l -> l.deleted(articleId));
    }

    /** Removes every passage; used by reindex before rebuilding. */
    public void deleteAll() {
        try {
            IndexWriter w = requireWriter();
            w.deleteAll();
            // every document from now on has the current layout; an outdated index keeps its old
            // (or missing) mark until then, so that an interrupted process still rebuilds it
            stampFormat(w);
            foundFormat = null;
        } catch (IOException | AlreadyClosedException e) {
            throw failure("cannot clear index " + name, e);
        }
        listeners.forEach(Listener::cleared);
    }

    /** Makes pending changes durable and visible to new searches. */
    public void commit() {
        try {
            requireWriter().commit();
        } catch (IOException | AlreadyClosedException e) {
            throw failure("cannot commit index " + name, e);
        }
        refresh();
    }

    /**
     * Makes recent changes visible to new searches: uncommitted ones in writable mode (NRT), the
     * newest commit of another process in read-only mode.
     */
    public synchronized void refresh() {
        try {
            if (searchers == null) {
                if (DirectoryReader.indexExists(directory)) {
                    searchers = new SearcherManager(directory, null);
                    foundFormat = committedFormat(searchers);
                }
                return;
            }
            searchers.maybeRefreshBlocking();
            if (writer == null) {
                // another process may have rebuilt (or replaced) the index since
                foundFormat = committedFormat(searchers);
            }
        } catch (IOException | AlreadyClosedException e) {
            throw failure("cannot refresh searchers of " + name, e);
        }
    }

    /** Work on a searcher that may throw Lucene's IOException; it is wrapped with the index's name. */
    @FunctionalInterface
    public interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code work} with a current searcher and releases it afterwards. */
    public <T> T search(Function<IndexSearcher, T> work) {
        return withSearcher(work::apply);
    }

    /** Like {@link #search(Function)} for work that throws IOException (most Lucene calls do). */
    public <T> T withSearcher(SearchWork<T> work) {
        SearcherManager manager;
        synchronized (this) {
            manager = searchers;
        }
        try {
            if (manager == null) {
                return work.run(new IndexSearcher(new MultiReader()));
            }
            IndexSearcher searcher = manager.acquire();
            try {
                return work.run(searcher);
            } finally {
                manager.release(searcher);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IndexException("search on " + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the index (as of the last refresh) holds passages built from exactly this version of
     * {@code article} (its id, content hash and change time: {@link IndexProvenance}).
     */
    public boolean holds(Article article) {
        return withSearcher(s -> s.count(new TermQuery(
                new Term(IndexProvenance.FIELD, IndexProvenance.termOf(article)))) > 0);
    }

    /** Which of {@code articleIds} have no passage in the index (as of the last refresh). */
    public List<String> missing(List<String> articleIds) {
        return withSearcher(s -> {
            Terms terms = MultiTerms.getTerms(s.getIndexReader(), PassageFields.ARTICLE_ID);
            TermsEnum te = terms == null ? null : terms.iterator();
            Bits live = MultiBits.getLiveDocs(s.getIndexReader());
            List<String> out = new ArrayList<>();
            PostingsEnum postings = null;
            for (String id : articleIds) {
                boolean present = false;
                if (te != null && te.seekExact(new BytesRef(id))) {
                    postings = te.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && !present;
                            doc = postings.nextDoc()) {
                        present = live == null || live.get(doc);
                    }
                }
                if (!present) {
                    out.add(id);
                }
            }
            return out;
        });
    }

    /**
     * Reads every file of the searchable index once and checks its checksum (Lucene's
     * {@code checkIntegrity}), so silent damage is found when the index is opened rather than by a
     * question that happens to read the damaged block. Costs one sequential read of the index.
     *
     * @throws IndexCorruptException naming what is damaged
     */
    public void verifyChecksums() {
        SearcherManager manager;
        synchronized (this) {
            manager = searchers;
        }
        if (manager == null) {
            return;
        }
        try {
            IndexSearcher s = manager.acquire();
            try {
                for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                    leaf.reader().checkIntegrity();
                }
            } finally {
                manager.release(s);
            }
        } catch (IOException e) {
            if (isDamage(e)) {
                throw new IndexCorruptException(name, shortReason(e), e);
            }
            throw new IndexException("cannot verify index " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether an open or read failed because files are damaged: truncated, missing, bad checksum or format. */
    static boolean isDamage(IOException e) {
        return e instanceof CorruptIndexException || e instanceof IndexFormatTooOldException
                || e instanceof IndexFormatTooNewException || e instanceof EOFException
                || e instanceof NoSuchFileException || e instanceof FileNotFoundException;
    }

    private static String shortReason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int newline = m.indexOf('\n');
        m = newline < 0 ? m : m.substring(0, newline);
        return m.length() <= 160 ? m : m.substring(0, 159) + "…";
    }

    /** Number of searchable articles, each counted by its first passage (as of the last refresh). */
    public int articleCount() {
        return withSearcher(s -> s.count(IntPoint.newExactQuery(PassageFields.PASSAGE, 0)));
    }

    /**
     * The languages {@code reader} holds articles in, from its field names ({@code article},
     * {@code article.de}, ...): English (for English and undetermined text) first, then the others
     * in name order. Cheap: no postings are read.
     */
    public static List<String> languages(IndexReader reader) {
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        boolean english = false;
        for (LeafReaderContext leaf : reader.leaves()) {
            for (FieldInfo info : leaf.reader().getFieldInfos()) {
                String name = info.name;
                if (name.equals(PassageFields.ARTICLE)) {
                    english = true;
                } else if (name.startsWith(PassageFields.ARTICLE + ".")) {
                    found.add(PassageFields.languageOf(name));
                }
            }
        }
        List<String> out = new ArrayList<>(found.size() + 1);
        if (english) {
            out.add(Languages.ENGLISH);
        }
        out.addAll(found);
        return out;
    }

    /** Number of searchable passages (as of the last refresh). */
    public int passageCount() {
        return search(s -> s.getIndexReader().numDocs());
    }

    /**
     * The exception for a failed index operation. Running out of disk or heap is named first ("disk
     * full while writing the index at …"), also when it surfaces later as a writer Lucene closed
     * because of it.
     */
    private IndexException failure(String context, Exception e) {
        Throwable cause = e;
        if (!Exhaustion.isExhaustion(e) && writer != null && writer.getTragicException() != null) {
            cause = writer.getTragicException();
        }
        if (Exhaustion.isExhaustion(cause)) {
            Exhaustion kind = Exhaustion.of(cause).orElseThrow();
            return new IndexException(kind.label() + " while writing the index at " + name + " ("
                    + Exhaustion.detail(cause) + ")", e);
        }
        return new IndexException(context + ": " + e.getMessage(), e);
    }

    /**
     * Why the writer stopped for good, when Lucene closed it after a failure (a full disk, a
     * failed merge, no heap); null while it works. Nothing more can be indexed until the index is
     * reopened.
     */
    public String writerFailure() {
        Throwable tragic = writer == null ? null : writer.getTragicException();
        if (tragic == null) {
            return null;
        }
        return Exhaustion.of(tragic).map(k -> k.label() + " while writing the index at " + name + " ("
                + Exhaustion.detail(tragic) + ")").orElse("the index writer of " + name + " stopped: " + tragic);
    }

    private IndexWriter requireWriter() {
        if (writer == null) {
            throw new IndexException("index " + name + " is open read-only", null);
        }
        return writer;
    }

    @Override
    public synchronized void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw new IndexException("cannot close index " + name + ": " + e.getMessage(), e);
        } finally {
            IOUtils.closeWhileHandlingException(directory);
        }
    }
}
