package dev.newsbrief.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.store.Inbox;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Handles the updates in the webhook {@link Inbox}, from whichever instance stored them: each
 * worker claims a waiting chat (one claimant per chat across all instances), handles its updates
 * in update_id order through the router (which returns once the replies are sent) and marks each
 * handled as it finishes. An update is thus handled once; only one in hand when its instance dies
 * is handled again by the next claimant, as after a crash in polling mode.
 */
final class InboxWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    private static final Duration KEEP_HANDLED = Duration.ofDays(2);

    private final Inbox inbox;
    private final Consumer<Update> router;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService workers;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private long lastPrune;

    InboxWorkers(Inbox inbox, Consumer<Update> router, ObjectMapper json, Clock clock, int threads) {
        this.inbox = inbox;
        this.router = router;
        this.json = json;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("telegram-inbox-", 0).daemon(true).factory());
        for (int i = 0; i < threads; i++) {
            workers.execute(this::loop);
        }
    }

    /** Wakes an idle worker (an update was just stored here). */
    void wake() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                if (!workOnce()) {
                    wake.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("webhook inbox pass failed, retrying: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    /** Claims one waiting chat and handles its updates; false when there was nothing to claim. */
    boolean workOnce() {
        pruneNow();
        List<Long> chats = inbox.waitingChats(32);
        for (long chat : chats) {
            if (inbox.withChatClaim(chat, () -> handleChat(chat)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private int handleChat(long chat) {
        // read after claiming: updates a previous claimant finished are no longer listed
        List<Inbox.Update> updates = inbox.unhandled(chat);
        for (Inbox.Update u : updates) {
            if (!running) {
                break;
            }
            try {
                router.accept(json.readValue(u.body(), Update.class));
            } catch (IOException | RuntimeException | Error e) {
                // this update's failure: the chat's later updates must still move on (as in polling mode)
                log.error("update {} failed in chat {}", u.updateId(), chat, e);
            }
            inbox.markHandled(u.updateId(), clock.instant());
        }
        return updates.size();
    }

    private void pruneNow() {
        long now = clock.millis();
        synchronized (this) {
            if (now - lastPrune < Duration.ofHours(1).toMillis()) {
                return;
            }
            lastPrune = now;
        }
        int deleted = inbox.deleteHandledBefore(clock.instant().minus(KEEP_HANDLED));
        if (deleted > 0) {
            log.debug("removed {} handled webhook updates", deleted);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(IDLE_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the updates in hand finish (up to {@code seconds}) and stops. */
    @Override
    public void close() {
        running = false;
        wake.release(Integer.MAX_VALUE / 2);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
