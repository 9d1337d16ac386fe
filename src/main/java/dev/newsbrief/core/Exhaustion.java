package dev.newsbrief.core;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The machine running out of something: disk space or heap. Unlike a bad input it is no fault of
 * the article at hand and every next one would fail the same way, so work stops at once and the
 * person sees one line naming the cause ("disk full while writing the index at …") instead of a
 * warning per article or a later symptom such as Lucene's "this IndexWriter is closed".
 */
public enum Exhaustion {
    DISK_FULL("disk full"),
    OUT_OF_MEMORY("out of memory");

    private static final String[] DISK_FULL_MESSAGES = {
        "no space left on device", "disk quota exceeded", "database or disk is full", "sqlite_full", "not enough space"};

    private final String label;

    Exhaustion(String label) {
        this.label = label;
    }

    /** "disk full" or "out of memory", to start a message with. */
    public String label() {
        return label;
    }

    /** The exhaustion {@code failure} (or any cause or suppressed exception of it) reports, if any. */
    public static Optional<Exhaustion> of(Throwable failure) {
        return Optional.ofNullable(find(failure)).map(t -> t instanceof OutOfMemoryError ? OUT_OF_MEMORY : DISK_FULL);
    }

    /** The message of the throwable that reported the exhaustion (such as "No space left on device"). */
    public static String detail(Throwable failure) {
        Throwable t = find(failure);
        String message = t == null ? null : t.getMessage();
        return message == null || message.isBlank() ? t == null ? "" : t.getClass().getSimpleName() : message.strip();
    }

    /** Whether {@code failure} is an exhaustion: callers stop instead of skipping and going on. */
    public static boolean isExhaustion(Throwable failure) {
        return find(failure) != null;
    }

    /** The deepest throwable in the chain that reports an exhaustion (wrappers repeat its message). */
    private static Throwable find(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) {
            todo.add(failure);
        }
        Throwable found = null;
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof OutOfMemoryError) {
                return t;
            }
            if (reportsFullDisk(t)) {
                found = t;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return found;
    }

    private static boolean reportsFullDisk(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            return false;
        }
        String lower = m.toLowerCase(Locale.ROOT);
        for (String marker : DISK_FULL_MESSAGES) {
            if (lower.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
