package dev.newsbrief.alerts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.util.BytesRef;

/**
 * Dense ids for every term some topic uses, so compiled topics and prepared articles can meet in
 * bit sets. Grows as topics are added and never shrinks (bounded by the vocabulary). Lookups are
 * lock-free; additions are serialised by the owning {@link TopicIndex}.
 */
final class TopicDictionary {
    private final Map<BytesRef, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, BytesRef> terms = new ConcurrentHashMap<>();

    /** The id of {@code term}, or -1 when no topic uses it. */
    int idOf(BytesRef term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    BytesRef term(int id) {
        return terms.get(id);
    }

    /** The id of {@code term}, adding it when new; callers hold the index's write lock. */
    int add(String term) {
        BytesRef ref = new BytesRef(term);
        Integer id = ids.get(ref);
        if (id != null) {
            return id;
        }
        int next = terms.size();
        terms.put(next, ref);
        ids.put(ref, next);
        return next;
    }
}
