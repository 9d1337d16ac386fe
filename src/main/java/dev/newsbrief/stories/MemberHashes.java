package dev.newsbrief.stories;

import java.util.Arrays;
import java.util.function.ToLongFunction;

/**
 * The story of each article in a story of two or more reports, keyed by a 64-bit hash of the
 * article id: two longs an entry, so a million members take about 32 MB at worst and the ids
 * themselves stay in the store. An id that is absent is certainly not such a member. A hash two
 * members of different stories share is marked {@link #AMBIGUOUS}, and a present hash may still
 * be another article's, so a caller checks the story's reports for the id itself.
 */
final class MemberHashes {
    /** What {@link #get} returns for an id no member has. */
    static final long NONE = Long.MIN_VALUE;
    /** What {@link #get} returns for a hash members of two stories share: ask the store. */
    static final long AMBIGUOUS = Long.MIN_VALUE + 1;

    private final ToLongFunction<String> hash;
    private long[] keys = new long[64];
    private long[] stories = new long[64];
    private int size;

    MemberHashes() {
        this(MemberHashes::hash);
    }

    /** With another hash of the ids (tests force collisions with one). */
    MemberHashes(ToLongFunction<String> hash) {
        this.hash = hash;
    }

    /** The story recorded for {@code articleId}'s hash, {@link #NONE} or {@link #AMBIGUOUS}. */
    long get(String articleId) {
        long h = keyOf(articleId);
        int mask = keys.length - 1;
        for (int i = spread(h) & mask;; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                return NONE;
            }
            if (keys[i] == h) {
                return stories[i];
            }
        }
    }

    /** Records that {@code articleId} is a member of {@code story} (a story shared by two or more). */
    void put(String articleId, long story) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(keyOf(articleId), story);
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(keys, 0);
        size = 0;
    }

    private void insert(long h, long story) {
        int mask = keys.length - 1;
        for (int i = spread(h) & mask;; i = (i + 1) & mask) {
            if (keys[i] == 0) {
                keys[i] = h;
                stories[i] = story;
                size++;
                return;
            }
            if (keys[i] == h) {
                if (stories[i] != story) {
                    stories[i] = AMBIGUOUS;
                }
                return;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldStories = stories;
        keys = new long[oldKeys.length * 2];
        stories = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(oldKeys[i], oldStories[i]);
            }
        }
    }

    private long keyOf(String articleId) {
        long h = hash.applyAsLong(articleId);
        return h == 0 ? 1 : h;
    }

    private static int spread(long h) {
        return (int) (h ^ (h >>> 32));
    }

    /** FNV-1a over the id's chars, then a finaliser that spreads every bit (0 stands for 1: the empty slot). */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
