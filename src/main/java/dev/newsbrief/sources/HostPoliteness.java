package dev.newsbrief.sources;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Spaces requests to the same host at least {@code delay} apart, across all poller threads. Each
 * caller reserves the next free slot for its host and then sleeps until it, so waiting never holds
 * the lock and other hosts are not delayed.
 */
final class HostPoliteness {
    private final long delayNanos;
    private final Map<String, Long> nextSlot = new HashMap<>();

    HostPoliteness(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** Waits for this host's turn. */
    void await(String host) throws InterruptedException {
        if (delayNanos <= 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            String key = host.toLowerCase(Locale.ROOT);
            Long next = nextSlot.get(key);
            slot = next == null || next - now < 0 ? now : next;
            nextSlot.put(key, slot + delayNanos);
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }
}
