package dev.newsbrief.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Telegram's sending limits as sliding windows: at most N messages in any second overall, a
 * minimum gap per chat, and at most M messages in any minute per group (negative chat ids).
 * A 429 pauses everything until its {@code retry_after} has passed. Times are nanoseconds from
 * one monotonic source; callers hold their own lock (the class is not thread-safe by itself).
 *
 * <p>A message {@link #reserve reserved} when it is handed to the network counts from then until
 * it is {@link #settle settled}, and from its answer's time afterwards. Telegram counts a message
 * when it arrives, which is after it was sent and before it was answered; counting from the
 * answer means network jitter can never make two windows' worth arrive within one window.
 */
final class RateLimits {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    /** How soon to look again while every counted message is still in flight (a settle also wakes the caller). */
    private static final long IN_FLIGHT_RECHECK = 5_000_000L;

    /** One message: counted from {@code at}, or always while {@code open} (in flight). */
    static final class Slot {
        private long at;
        private boolean open;

        private Slot(long at, boolean open) {
            this.at = at;
            this.open = open;
        }
    }

    /** This process's share of the bot-wide rate: all of it alone, the units it holds of a shared budget. */
    private int globalPerSecond;
    private final long chatIntervalNanos;
    private final int groupPerMinute;
    private final Deque<Slot> globalSends = new ArrayDeque<>();
    private final Map<Long, Slot> lastChatSend = new HashMap<>();
    private final Map<Long, Deque<Slot>> groupSends = new HashMap<>();
    private long pausedUntil = Long.MIN_VALUE;

    RateLimits(int globalPerSecond, long chatIntervalNanos, int groupPerMinute) {
        this.globalPerSecond = globalPerSecond;
        this.chatIntervalNanos = chatIntervalNanos;
        this.groupPerMinute = groupPerMinute;
    }

    /** Nanoseconds until a message to {@code chatId} may go out; 0 means now. */
    long waitFor(long chatId, long now) {
        trim(now);
        long overall = Math.max(now, windowFree(globalSends, globalPerSecond, SECOND, now)) - now;
        return Math.max(waitForChat(chatId, now), overall);
    }

    /** Nanoseconds until the chat's own limits (and a 429 pause) let a message to it go out, the overall one aside. */
    long waitForChat(long chatId, long now) {
        long earliest = Math.max(now, pausedUntil);
        earliest = Math.max(earliest, chatReady(chatId, now));
        if (isGroup(chatId)) {
            Deque<Slot> sends = groupSends.get(chatId);
            if (sends != null) {
                earliest = Math.max(earliest, windowFree(sends, groupPerMinute, MINUTE, now));
            }
        }
        return earliest - now;
    }

    /** Messages counted against the overall limit now: in flight, or answered within the last second. */
    int counted(long now) {
        trim(now);
        return globalSends.size();
    }

    /** Nanoseconds until a message that ignores per-chat limits may go out. */
    long waitForAny(long now) {
        trim(now);
        return Math.max(Math.max(now, pausedUntil), windowFree(globalSends, globalPerSecond, SECOND, now)) - now;
    }

    /** Counts a message to {@code chatId} sent and answered at {@code now}. */
    void record(long chatId, long now) {
        settle(reserve(chatId, now), now);
    }

    /** Counts a message to {@code chatId} handed to the network at {@code now}; settle it when answered. */
    Slot reserve(long chatId, long now) {
        Slot slot = new Slot(now, true);
        globalSends.addLast(slot);
        lastChatSend.put(chatId, slot);
        if (isGroup(chatId)) {
            Deque<Slot> sends = groupSends.computeIfAbsent(chatId, k -> new ArrayDeque<>());
            sends.addLast(slot);
            sends.removeIf(s -> !s.open && s.at <= now - MINUTE);
        }
        return slot;
    }

    /** The message of {@code slot} was answered at {@code now} (or failed to go out): it counts from then. */
    void settle(Slot slot, long now) {
        slot.at = Math.max(slot.at, now);
        slot.open = false;
    }

    /**
     * Telegram's limits are per bot, not per process: beside other instances this one sends at
     * most {@code perSecond} messages in any second, the units it holds of the shared budget (0
     * holds every message back). The per-chat and per-group limits hold because one instance at
     * a time sends a chat's alerts.
     */
    void limitOverall(int perSecond) {
        globalPerSecond = Math.max(0, perSecond);
    }

    int globalPerSecond() {
        return globalPerSecond;
    }

    /** Holds every message until {@code until} (a 429's retry_after). */
    void pauseUntil(long until) {
        pausedUntil = Math.max(pausedUntil, until);
    }

    private long chatReady(long chatId, long now) {
        Slot last = lastChatSend.get(chatId);
        if (last == null) {
            return Long.MIN_VALUE;
        }
        return last.open ? now + IN_FLIGHT_RECHECK : last.at + chatIntervalNanos;
    }

    /** The earliest time at which fewer than {@code limit} of {@code sends} fall in the window before it. */
    private static long windowFree(Deque<Slot> sends, int limit, long window, long now) {
        int open = 0;
        List<Long> settled = new ArrayList<>();
        for (Slot s : sends) {
            if (s.open) {
                open++;
            } else if (s.at > now - window) {
                settled.add(s.at);
            }
        }
        int counted = open + settled.size();
        if (counted < limit) {
            return Long.MIN_VALUE;
        }
        if (limit <= 0) {
            return now + SECOND; // nothing may go until the limit is raised (which wakes the caller)
        }
        if (open >= limit) {
            return now + IN_FLIGHT_RECHECK;
        }
        Collections.sort(settled);
        // the (counted - limit + 1) oldest must leave the window
        return settled.get(counted - limit) + window;
    }

    private void trim(long now) {
        globalSends.removeIf(s -> !s.open && s.at <= now - SECOND);
        if (lastChatSend.size() > 10_000) {
            lastChatSend.values().removeIf(s -> !s.open && s.at <= now - chatIntervalNanos);
            groupSends.values().removeIf(d -> d.stream().allMatch(s -> !s.open && s.at <= now - MINUTE));
        }
    }

    static boolean isGroup(long chatId) {
        return chatId < 0;
    }
}
