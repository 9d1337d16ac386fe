package dev.newsbrief.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's sending limits as sliding windows: at most N messages in any second overall, a
 * minimum gap per chat, and at most M messages in any minute per group (negative chat ids).
 * A 429 pauses everything until its {@code retry_after} has passed. Times are nanoseconds from
 * one monotonic source; callers hold their own lock (the class is not thread-safe by itself).
 */
final class RateLimits {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final int botPerSecond;
    /** This process's share of the bot-wide rate: all of it alone, 1/N of it beside N-1 other instances. */
    private int globalPerSecond;
    private final long chatIntervalNanos;
    private final int groupPerMinute;
    private final Deque<Long> globalSends = new ArrayDeque<>();
    private final Map<Long, Long> lastChatSend = new HashMap<>();
    private final Map<Long, Deque<Long>> groupSends = new HashMap<>();
    private long pausedUntil = Long.MIN_VALUE;

    RateLimits(int globalPerSecond, long chatIntervalNanos, int groupPerMinute) {
        this.botPerSecond = globalPerSecond;
        this.globalPerSecond = globalPerSecond;
        this.chatIntervalNanos = chatIntervalNanos;
        this.groupPerMinute = groupPerMinute;
    }

    /** Nanoseconds until a message to {@code chatId} may go out; 0 means now. */
    long waitFor(long chatId, long now) {
        long earliest = Math.max(now, pausedUntil);
        earliest = Math.max(earliest, chatReady(chatId));
        if (isGroup(chatId)) {
            Deque<Long> sends = groupSends.get(chatId);
            if (sends != null && sends.size() >= groupPerMinute) {
                earliest = Math.max(earliest, nth(sends, sends.size() - groupPerMinute) + MINUTE);
            }
        }
        trim(now);
        if (globalSends.size() >= globalPerSecond) {
            earliest = Math.max(earliest, nth(globalSends, globalSends.size() - globalPerSecond) + SECOND);
        }
        return earliest - now;
    }

    /** Nanoseconds until a message that ignores per-chat limits may go out. */
    long waitForAny(long now) {
        trim(now);
        long earliest = Math.max(now, pausedUntil);
        if (globalSends.size() >= globalPerSecond) {
            earliest = Math.max(earliest, nth(globalSends, globalSends.size() - globalPerSecond) + SECOND);
        }
        return earliest - now;
    }

    /** Counts a message to {@code chatId} sent at {@code now}. */
    void record(long chatId, long now) {
        globalSends.addLast(now);
        lastChatSend.put(chatId, now);
        if (isGroup(chatId)) {
            Deque<Long> sends = groupSends.computeIfAbsent(chatId, k -> new ArrayDeque<>());
            sends.addLast(now);
            while (!sends.isEmpty() && sends.peekFirst() <= now - MINUTE) {
                sends.pollFirst();
            }
        }
    }

    /**
     * Telegram's limits are per bot, not per process: with {@code instances} live instances
     * sending, this one keeps to {@code 1/instances} of the overall rate (at least one message a
     * second). The per-chat and per-group limits hold because one instance at a time sends a
     * chat's alerts.
     */
    void shareWith(int instances) {
        globalPerSecond = Math.max(1, botPerSecond / Math.max(1, instances));
    }

    int globalPerSecond() {
        return globalPerSecond;
    }

    /** Holds every message until {@code until} (a 429's retry_after). */
    void pauseUntil(long until) {
        pausedUntil = Math.max(pausedUntil, until);
    }

    private long chatReady(long chatId) {
        Long last = lastChatSend.get(chatId);
        return last == null ? Long.MIN_VALUE : last + chatIntervalNanos;
    }

    private void trim(long now) {
        while (!globalSends.isEmpty() && globalSends.peekFirst() <= now - SECOND) {
            globalSends.pollFirst();
        }
        if (lastChatSend.size() > 10_000) {
            lastChatSend.values().removeIf(t -> t <= now - chatIntervalNanos);
            groupSends.values().removeIf(d -> d.isEmpty() || d.peekLast() <= now - MINUTE);
        }
    }

    private static long nth(Deque<Long> deque, int index) {
        int i = 0;
        for (long t : deque) {
            if (i++ == index) {
                return t;
            }
        }
        throw new IllegalStateException("index " + index + " outside window of " + deque.size());
    }

    static boolean isGroup(long chatId) {
        return chatId < 0;
    }
}
