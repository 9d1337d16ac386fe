package dev.newsbrief.telegram;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes expired inline-button state now and then at a fixed interval while the bot runs, on
 * one daemon thread; without it the {@code callback_state} table would only shrink at start-up.
 */
final class ExpiredButtonSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ExpiredButtonSweeper.class);

    private final IntSupplier forgetExpired;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("telegram-button-sweep").daemon(true).factory());

    /** @param forgetExpired deletes expired button state and returns how many rows went */
    ExpiredButtonSweeper(IntSupplier forgetExpired, Duration interval) {
        this.forgetExpired = forgetExpired;
        scheduler.scheduleWithFixedDelay(this::sweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            int removed = forgetExpired.getAsInt();
            log.debug("removed {} expired inline buttons", removed);
        } catch (RuntimeException e) {
            // a thrown task would cancel every later run; the next sweep may well succeed (a busy database)
            log.warn("removing expired inline buttons failed, retrying in the next sweep: {}", e.toString());
        }
    }

    /** Stops the sweeps, waiting briefly for one in progress. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("expired-button sweep still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isClosed() {
        return scheduler.isTerminated();
    }
}
