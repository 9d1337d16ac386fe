package dev.newsbrief.index;

import dev.newsbrief.store.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Articles indexed as {@link PassageIndex} indexes them ({@link PassageDocuments#of}), read back
 * passage by passage in document order: each passage's stored fields beside its {@link PassageRecord}.
 */
final class IndexedPassages {
    /** One passage document: its stored fields and its record (null when it has none). */
    record Read(Document stored, PassageRecord record) {
    }

    private IndexedPassages() {
    }

    static List<Read> of(List<Article> articles) throws IOException {
        PassageSplitter splitter = new PassageSplitter();
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new LanguageAnalyzers()))) {
                for (Article a : articles) {
                    w.addDocuments(PassageDocuments.of(w.getAnalyzer(), a, splitter.split(a.id(), a.body())));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                StoredFields stored = reader.storedFields();
                int[] docs = new int[reader.maxDoc()];
                Arrays.setAll(docs, i -> i);
                PassageRecord[] records = PassageRecord.read(reader, docs);
                List<Read> out = new ArrayList<>(docs.length);
                for (int doc : docs) {
                    out.add(new Read(stored.document(doc), records[doc]));
                }
                return out;
            }
        }
    }
}
