package dev.newsbrief.sources;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host politeness across all poller threads: requests to one host go one at a time, and each
 * starts at least {@code delay} after the previous one to that host ended (its answer read), as
 * Nutch's and Heritrix's fetchers do and as instances sharing a store already do
 * ({@code FeedStateStore#withPollClaim} holds a host {@code delay} past its poll). Counting from the
 * end rather than from the previous start means a slow server gets its full pause too: it never sees
 * two of our requests less than {@code delay} apart, however late it handled the first. Other hosts
 * are never delayed. With a zero delay nothing waits and requests run concurrently.
 */
final class HostPoliteness {
    /** The caller's turn at a host; closing it (when the answer has been read) starts the host's pause. */
    interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    private static final Turn NONE = () -> { };

    private static final class Host {
        final Semaphore turn = new Semaphore(1, true);
        /** System.nanoTime() at which the host's last request ended; valid once {@code ended}. */
        long endedAt;
        boolean ended;
    }

    private final long delayNanos;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    HostPoliteness(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** Waits for this host's turn: no other request to it in flight, and its pause since the last one over. */
    Turn await(String host) throws InterruptedException {
        if (delayNanos <= 0) {
            return NONE;
        }
        Host h = hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), k -> new Host());
        h.turn.acquire();
        try {
            // the permit orders the fields' reads and writes between turns
            if (h.ended) {
                long wait = h.endedAt + delayNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            h.turn.release();
            throw e;
        }
        return () -> {
            h.endedAt = System.nanoTime();
            h.ended = true;
            h.turn.release();
        };
    }
}
