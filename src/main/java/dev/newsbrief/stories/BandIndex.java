package dev.newsbrief.stories;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The LSH band index over stored originals, in memory. It is derived from
 * {@code story_members.band_keys} in the store and filled by day of publication: a day is loaded
 * when a query first needs it, at most {@code maxDays} days stay loaded (the least recently used
 * go), and any day can be dropped to be read again. So it survives restarts, needs no rebuild
 * step, and holds only the days ingestion is working on (a live feed: the last few; a backfill of
 * old articles: the days around them).
 *
 * <p>One open-addressing table maps each band key to the chain of entries filed under it, so a
 * query costs one probe per band whatever the window. Entries of dropped days are marked dead and
 * swept out when they outnumber the live ones. Candidates are the live articles that share at
 * least one band key with the query and were seen within the window of it, most shared bands
 * first. Not thread-safe: the ingester's one writer uses it under its lock.
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
        void load(long fromDay, long toDay, Consumer<Entry> sink) throws SQLException;
    }

    /**
     * A band key filed for more articles than this is shared by a template (earnings tables,
     * dividend notices), not by a story: it is skipped, and the other bands decide.
     */
    static final int MAX_CHAIN = 256;

    private final int maxDays;
    /** Loaded days, least recently used first, with the indexes of their entries. */
    private final LinkedHashMap<Long, List<Integer>> days = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Integer> byArticle = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private boolean[] dead = new boolean[256];
    private int deadCount;
    private int[] slotKeys = new int[1024];
    private int[] slotHeads = new int[1024]; // first posting + 1; 0 = empty slot
    private int[] slotCounts = new int[1024];
    private int usedSlots;
    private int[] postingEntry = new int[4096];
    private int[] postingNext = new int[4096]; // next posting + 1; 0 = end of chain
    private int postings;
    private int[] hits = new int[256];

    BandIndex(int maxDays) {
        this.maxDays = Math.max(1, maxDays);
    }

    static long dayOf(long millis) {
        return StoryStore.day(Instant.ofEpochMilli(millis));
    }

    /** Loads the days {@code from..to} not yet in memory, then forgets the least recently used beyond the cap. */
    void ensureLoaded(long from, long to, Loader loader) throws SQLException {
        long d = from;
        while (d <= to) {
            if (days.get(d) != null) { // a get: the day becomes the most recently used
                d++;
                continue;
            }
            long start = d;
            while (d <= to && !days.containsKey(d)) {
                days.put(d, new ArrayList<>());
                d++;
            }
            loader.load(start, d - 1, this::add);
        }
        int keep = Math.max(maxDays, (int) Math.min(Integer.MAX_VALUE, to - from + 1));
        Iterator<Map.Entry<Long, List<Integer>>> it = days.entrySet().iterator();
        while (days.size() > keep && it.hasNext()) {
            Map.Entry<Long, List<Integer>> day = it.next();
            if (day.getKey() < from || day.getKey() > to) {
                kill(day.getValue());
                it.remove();
            }
        }
        sweepIfMostlyDead();
    }

    /**
     * Adds an entry to its day if that day is loaded (otherwise the day will be read with it from
     * the store), replacing the article's earlier entry wherever that was.
     */
    void add(Entry e) {
        remove(e.articleId());
        List<Integer> day = days.get(dayOf(e.seenAt()));
        if (day == null) {
            return;
        }
        int index = entries.size();
        entries.add(e);
        if (index == dead.length) {
            dead = Arrays.copyOf(dead, index * 2);
        }
        day.add(index);
        byArticle.put(e.articleId(), index);
        file(index, e.keys());
    }

    /** Forgets every loaded day. */
    void clear() {
        invalidate(new ArrayList<>(days.keySet()));
    }

    /** Forgets the article's entry, if it has one. */
    void remove(String articleId) {
        Integer previous = byArticle.get(articleId);
        if (previous != null) {
            kill(List.of(previous));
        }
    }

    /** Forgets these days (after a rollback); they are read again from the store when needed. */
    void invalidate(Iterable<Long> dayNumbers) {
        for (long d : dayNumbers) {
            List<Integer> day = days.remove(d);
            if (day != null) {
                kill(day);
            }
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
        if (hits.length < entries.size()) {
            hits = new int[Math.max(entries.size(), hits.length * 2)];
        }
        List<Integer> touched = new ArrayList<>();
        for (int key : keys) {
            int slot = slotOf(key);
            if (slotHeads[slot] == 0 || slotCounts[slot] > MAX_CHAIN) {
                continue;
            }
            for (int p = slotHeads[slot]; p != 0; p = postingNext[p - 1]) {
                int index = postingEntry[p - 1];
                if (dead[index]) {
                    continue;
                }
                Entry e = entries.get(index);
                if (Math.abs(e.seenAt() - seenAt) <= windowMillis && !e.articleId().equals(selfId)) {
                    if (hits[index]++ == 0) {
                        touched.add(index);
                    }
                }
            }
        }
        List<Candidate> out = new ArrayList<>(touched.size());
        for (int index : touched) {
            Entry e = entries.get(index);
            out.add(new Candidate(e.articleId(), e.storyId(), e.seenAt(), hits[index]));
            hits[index] = 0;
        }
        out.sort((a, b) -> a.bands() != b.bands() ? Integer.compare(b.bands(), a.bands())
                : Long.compare(Math.abs(a.seenAt() - seenAt), Math.abs(b.seenAt() - seenAt)));
        return out;
    }

    private void kill(List<Integer> indexes) {
        for (int index : indexes) {
            if (!dead[index]) {
                dead[index] = true;
                deadCount++;
                Entry e = entries.get(index);
                byArticle.remove(e.articleId(), index);
            }
        }
    }

    /**
     * Rebuilds the table from the live entries once the dead ones are the majority, sized for
     * them: memory follows the days loaded, not the busiest day ever seen.
     */
    private void sweepIfMostlyDead() {
        if (deadCount < 1024 || deadCount * 2 < entries.size()) {
            return;
        }
        List<Entry> live = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!dead[i]) {
                live.add(entries.get(i));
            }
        }
        List<Long> loaded = new ArrayList<>(days.keySet());
        entries.clear();
        byArticle.clear();
        dead = new boolean[Math.max(256, live.size() * 2)];
        deadCount = 0;
        int keys = live.stream().mapToInt(e -> e.keys().length).sum();
        int slots = Integer.highestOneBit(Math.max(1024, keys * 2 - 1)) << 1; // load under 3/4 once filled
        slotKeys = new int[slots];
        slotHeads = new int[slots];
        slotCounts = new int[slots];
        usedSlots = 0;
        postingEntry = new int[Math.max(4096, keys)];
        postingNext = new int[postingEntry.length];
        postings = 0;
        for (long d : loaded) {
            days.get(d).clear();
        }
        for (Entry e : live) {
            add(e);
        }
    }

    private void file(int index, int[] keys) {
        for (int key : keys) {
            if ((usedSlots + 1) * 4 > slotKeys.length * 3) {
                grow();
            }
            int slot = slotOf(key);
            if (slotHeads[slot] == 0) {
                slotKeys[slot] = key;
                usedSlots++;
            }
            if (postings == postingEntry.length) {
                postingEntry = Arrays.copyOf(postingEntry, postings * 2);
                postingNext = Arrays.copyOf(postingNext, postings * 2);
            }
            postingEntry[postings] = index;
            postingNext[postings] = slotHeads[slot];
            slotHeads[slot] = ++postings;
            slotCounts[slot]++;
        }
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slotOf(int key) {
        int mask = slotKeys.length - 1;
        int h = key * 0x9E3779B9;
        int i = (h ^ (h >>> 16)) & mask;
        while (slotHeads[i] != 0 && slotKeys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        int[] oldKeys = slotKeys;
        int[] oldHeads = slotHeads;
        int[] oldCounts = slotCounts;
        slotKeys = new int[oldKeys.length * 2];
        slotHeads = new int[oldKeys.length * 2];
        slotCounts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != 0) {
                int slot = slotOf(oldKeys[i]);
                slotKeys[slot] = oldKeys[i];
                slotHeads[slot] = oldHeads[i];
                slotCounts[slot] = oldCounts[i];
            }
        }
    }
}
