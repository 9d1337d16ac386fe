package dev.newsbrief.telegram;

import dev.newsbrief.store.Lease;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling allows one consumer per bot token, so of several instances only the holder of the
 * polling {@link Lease} polls. The others check every {@code retry} and take over within about
 * that long after the holder dies (its session, and so its lock, ends with it); a holder that
 * loses its session stops polling. With one process (SQLite) the lease is always held.
 */
final class LeasedPolling implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeasedPolling.class);

    /** Starting or stopping the long-polling session. */
    interface Switch {
        void run() throws Exception;
    }

    private final Lease lease;
    private final Switch start;
    private final Switch stop;
    private final ScheduledExecutorService checks;
    private volatile boolean polling;

    LeasedPolling(Lease lease, Duration retry, Switch start, Switch stop) throws Exception {
        this.lease = lease;
        this.start = start;
        this.stop = stop;
        if (lease.tryAcquire()) {
            start.run();
            polling = true;
        } else {
            log.info("another instance holds the {} lease: standing by, retrying every {} ms", lease.name(),
                    retry.toMillis());
        }
        checks = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("polling-lease")
                .daemon().unstarted(r));
        long millis = Math.max(50, retry.toMillis());
        checks.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Whether this instance is the one polling Telegram. */
    boolean polling() {
        return polling;
    }

    private synchronized void check() {
        try {
            if (polling && !lease.held()) {
                polling = false;
                log.warn("lost the {} lease (store session ended): polling stopped", lease.name());
                stop.run();
            } else if (!polling && lease.tryAcquire()) {
                log.info("took the {} lease: polling now", lease.name());
                start.run();
                polling = true;
            }
        } catch (Exception e) {
            log.warn("switching polling failed, retrying: {}", e.toString());
            if (!polling) {
                lease.close();
            }
        }
    }

    @Override
    public synchronized void close() {
        checks.shutdownNow();
        if (polling) {
            polling = false;
            try {
                stop.run();
            } catch (Exception e) {
                log.warn("stopping polling failed: {}", e.getClass().getSimpleName());
            }
        }
        lease.close();
    }
}
