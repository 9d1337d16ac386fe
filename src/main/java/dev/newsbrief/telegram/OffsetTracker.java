package dev.newsbrief.telegram;

import dev.newsbrief.store.UpdateOffsetStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tracks which updates are handled, so the stored offset is the highest update id below which
 * every update is finished (updates of different chats finish out of order). A restart asks for
 * the updates after it: nothing finished is replayed, nothing unfinished is skipped. An id at or
 * below it, or already in hand, is a duplicate and is refused.
 */
final class OffsetTracker {
    private final UpdateOffsetStore store;
    private final String bot;
    private final TreeSet<Long> inFlight = new TreeSet<>();
    private final Set<Long> finishedAhead = new HashSet<>();
    private long committed;
    private long highestBegun;

    OffsetTracker(UpdateOffsetStore store, String bot) {
        this.store = store;
        this.bot = bot;
        this.committed = store.lastProcessed(bot).orElse(0);
        this.highestBegun = committed;
    }

    /** Claims an update for handling; false when it is a duplicate. */
    synchronized boolean begin(long updateId) {
        if (updateId <= committed || inFlight.contains(updateId) || finishedAhead.contains(updateId)) {
            return false;
        }
        inFlight.add(updateId);
        highestBegun = Math.max(highestBegun, updateId);
        return true;
    }

    /** Marks an update finished and stores the new offset when it moved. */
    synchronized void finish(long updateId) {
        if (!inFlight.remove(updateId)) {
            return;
        }
        finishedAhead.add(updateId);
        long watermark = inFlight.isEmpty() ? highestBegun : inFlight.first() - 1;
        if (watermark > committed) {
            store.advance(bot, watermark);
            committed = watermark;
            finishedAhead.removeIf(id -> id <= watermark);
        }
        notifyAll();
    }

    /**
     * The {@code offset} for the next getUpdates: one past the committed id. Waits up to
     * {@code wait} for updates in hand to finish first, so Telegram is only told an update is
     * done once it is.
     */
    synchronized long nextOffset(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (!inFlight.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return committed + 1;
    }

    /**
     * Catches up with an offset another process stored (it polled until this one took over);
     * never moves backwards.
     */
    synchronized void resync() {
        long stored = store.lastProcessed(bot).orElse(0);
        if (stored > committed) {
            committed = stored;
            highestBegun = Math.max(highestBegun, stored);
            finishedAhead.removeIf(id -> id <= stored);
        }
    }

    synchronized long committed() {
        return committed;
    }
}
