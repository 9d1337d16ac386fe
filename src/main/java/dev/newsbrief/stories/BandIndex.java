package dev.newsbrief.stories;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LSH band index over stored originals, in memory, partitioned by the day each article was
 * seen. It is derived from {@code story_members.signature} in SQLite: a day is loaded when a
 * query first needs it, at most {@code maxDays} days stay loaded (least recently used go), and a
 * day can be dropped at any time to be read again. So it survives restarts, needs no rebuild
 * step, and holds only the days ingestion is working on (a live feed: the last few; a
 * backfill of old articles: the days around them).
 *
 * <p>Candidates are the articles that share at least one band key with the query and were seen
 * within the window of it, most shared bands first. Not thread-safe: the ingester's one writer
 * uses it under its lock.
 */
final class BandIndex {
    /** One indexed article. */
    record Entry(String articleId, long storyId, long seenAt, int[] keys) {
    }

    /** A likely member of the same story. */
    record Candidate(String articleId, long storyId, long seenAt, int bands) {
    }

    /** Reads the stored entries of a range of days. */
    @FunctionalInterface
    interface Loader {
        void load(long fromDay, long toDay, java.util.function.Consumer<Entry> sink) throws SQLException;
    }

    private final int maxDays;
    private final LinkedHashMap<Long, Day> days = new LinkedHashMap<>(16, 0.75f, true);

    BandIndex(int maxDays) {
        this.maxDays = Math.max(1, maxDays);
    }

    /** Loads the days {@code from..to} not yet in memory, then forgets the least recently used beyond the cap. */
    void ensureLoaded(long from, long to, Loader loader) throws SQLException {
        long d = from;
        while (d <= to) {
            if (days.containsKey(d)) {
                days.get(d); // touch: most recently used
                d++;
                continue;
            }
            long start = d;
            while (d <= to && !days.containsKey(d)) {
                d++;
            }
            long end = d - 1;
            Map<Long, Day> loaded = new HashMap<>();
            for (long x = start; x <= end; x++) {
                loaded.put(x, new Day());
            }
            loader.load(start, end, e -> loaded.get(StoryStore.day(java.time.Instant.ofEpochMilli(e.seenAt())))
                    .add(e));
            for (long x = start; x <= end; x++) {
                days.put(x, loaded.get(x));
            }
        }
        int keep = Math.max(maxDays, (int) Math.min(Integer.MAX_VALUE, to - from + 1));
        Iterator<Map.Entry<Long, Day>> it = days.entrySet().iterator();
        while (days.size() > keep && it.hasNext()) {
            long day = it.next().getKey();
            if (day < from || day > to) {
                it.remove();
            }
        }
    }

    /** Adds an entry to its day if that day is loaded (otherwise the day will be read with it from SQLite). */
    void add(Entry e) {
        Day day = days.get(StoryStore.day(java.time.Instant.ofEpochMilli(e.seenAt())));
        if (day != null) {
            day.add(e);
        }
    }

    /** Forgets these days (after a rollback); they are read again from SQLite when needed. */
    void invalidate(Iterable<Long> dayNumbers) {
        for (long d : dayNumbers) {
            days.remove(d);
        }
    }

    /** Number of days in memory. */
    int loadedDays() {
        return days.size();
    }

    /**
     * Articles sharing a band key with {@code keys}, seen within {@code windowMillis} of
     * {@code seenAt}, other than {@code selfId}; most shared bands first. The days of the window
     * must have been {@linkplain #ensureLoaded loaded}.
     */
    List<Candidate> candidates(String selfId, int[] keys, long seenAt, long windowMillis) {
        long from = StoryStore.day(java.time.Instant.ofEpochMilli(seenAt - windowMillis));
        long to = StoryStore.day(java.time.Instant.ofEpochMilli(seenAt + windowMillis));
        Map<String, int[]> hits = new HashMap<>();
        Map<String, Entry> entries = new HashMap<>();
        for (long d = from; d <= to; d++) {
            Day day = days.get(d);
            if (day == null) {
                continue;
            }
            for (int key : keys) {
                day.lookup(key, e -> {
                    if (!e.articleId().equals(selfId) && Math.abs(e.seenAt() - seenAt) <= windowMillis) {
                        hits.computeIfAbsent(e.articleId(), k -> new int[1])[0]++;
                        entries.putIfAbsent(e.articleId(), e);
                    }
                });
            }
        }
        List<Candidate> out = new ArrayList<>(hits.size());
        hits.forEach((id, n) -> {
            Entry e = entries.get(id);
            out.add(new Candidate(id, e.storyId(), e.seenAt(), n[0]));
        });
        out.sort((a, b) -> a.bands() != b.bands() ? Integer.compare(b.bands(), a.bands())
                : Long.compare(Math.abs(a.seenAt() - seenAt), Math.abs(b.seenAt() - seenAt)));
        return out;
    }

    /**
     * One day's entries: an open-addressing table of (band key, entry) pairs that allows repeated
     * keys, so a lookup walks the probe sequence from the key's slot to the first empty slot. An
     * article added again (its text changed) replaces its earlier entry.
     */
    private static final class Day {
        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, Integer> byArticle = new HashMap<>();
        private int[] slotKeys = new int[64];
        private int[] slotEntries = new int[64]; // entry index + 1; 0 = empty
        private int used;

        void add(Entry e) {
            Integer previous = byArticle.get(e.articleId());
            if (previous != null) {
                entries.set(previous, null); // its old keys now lead nowhere
            }
            int index = entries.size();
            entries.add(e);
            byArticle.put(e.articleId(), index);
            for (int key : e.keys()) {
                if ((used + 1) * 4 > slotKeys.length * 3) {
                    grow();
                }
                put(key, index + 1);
            }
        }

        void lookup(int key, java.util.function.Consumer<Entry> sink) {
            int mask = slotKeys.length - 1;
            for (int i = spread(key) & mask; slotEntries[i] != 0; i = (i + 1) & mask) {
                if (slotKeys[i] == key) {
                    Entry e = entries.get(slotEntries[i] - 1);
                    if (e != null) {
                        sink.accept(e);
                    }
                }
            }
        }

        private void put(int key, int entry) {
            int mask = slotKeys.length - 1;
            int i = spread(key) & mask;
            while (slotEntries[i] != 0) {
                i = (i + 1) & mask;
            }
            slotKeys[i] = key;
            slotEntries[i] = entry;
            used++;
        }

        private void grow() {
            int[] oldKeys = slotKeys;
            int[] oldEntries = slotEntries;
            slotKeys = new int[oldKeys.length * 2];
            slotEntries = new int[oldKeys.length * 2];
            used = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldEntries[i] != 0 && entries.get(oldEntries[i] - 1) != null) {
                    put(oldKeys[i], oldEntries[i]);
                }
            }
        }

        private static int spread(int key) {
            int h = key * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
