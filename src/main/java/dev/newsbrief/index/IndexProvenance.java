package dev.newsbrief.index;

import dev.newsbrief.store.Article;
import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * What the index was built from: every article's first passage carries one term
 * {@code <article id> NUL <stamp>} in {@link #FIELD}, where the stamp names the stored version it
 * was indexed from ({@link #stampOf}: content hash and last-change time). A writer compares these
 * with the store ({@link Reindexer#repair()}) and so repairs articles whose text changed as well as
 * missing ones, after any crash between a SQLite commit and a Lucene commit.
 *
 * <p>The terms sort by article id in UTF-8 byte order, the order SQLite's {@code ORDER BY id}
 * (BINARY collation) gives, so index and store are compared in one merge pass without holding
 * either in memory. Kept apart from the search fields: other writers of {@link PassageIndex#document}
 * only add this one field.
 */
public final class IndexProvenance {
    /** Indexed, not stored: {@code articleId + '\0' + stamp}, on passage 0 only. */
    public static final String FIELD = "built_from";
    private static final char SEPARATOR = '\0';

    private IndexProvenance() {
    }

    /** The version of a stored article that its passages are built from. */
    public static String stampOf(Article article) {
        return stampOf(article.contentHash(), article.updatedAt().toEpochMilli());
    }

    /** The stamp of a stored row, from its {@code content_hash} and {@code updated_at} columns. */
    public static String stampOf(String contentHash, long updatedAtMillis) {
        return contentHash + "@" + updatedAtMillis;
    }

    /** Adds the provenance term of {@code article} to its first passage's document. */
    static void addTo(Document firstPassage, Article article) {
        firstPassage.add(new StringField(FIELD, termOf(article), Field.Store.NO));
    }

    /** The provenance term of {@code article}'s current version: present in an index built from exactly it. */
    static String termOf(Article article) {
        return article.id() + SEPARATOR + stampOf(article);
    }

    /** Compares article ids as the index and SQLite order them: by their UTF-8 bytes. */
    static int compareIds(String a, String b) {
        return new BytesRef(a).compareTo(new BytesRef(b));
    }

    /**
     * The articles an index reader holds, with the stamp each was built from, in id order; deleted
     * documents (replaced versions) are skipped. Not thread-safe; valid while the reader is.
     */
    static final class Cursor {
        private final TermsEnum terms;
        private final Bits live;
        private PostingsEnum postings;
        private String id;
        private String stamp;

        Cursor(IndexReader reader) throws IOException {
            Terms t = MultiTerms.getTerms(reader, FIELD);
            this.terms = t == null ? null : t.iterator();
            this.live = MultiBits.getLiveDocs(reader);
        }

        /** Moves to the next indexed article; false at the end. */
        boolean next() throws IOException {
            if (terms == null) {
                return false;
            }
            for (BytesRef term = terms.next(); term != null; term = terms.next()) {
                postings = terms.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        String value = term.utf8ToString();
                        int sep = value.lastIndexOf(SEPARATOR);
                        id = value.substring(0, sep);
                        stamp = value.substring(sep + 1);
                        return true;
                    }
                }
            }
            id = null;
            stamp = null;
            return false;
        }

        String id() {
            return id;
        }

        String stamp() {
            return stamp;
        }
    }
}
