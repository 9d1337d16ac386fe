package dev.newsbrief.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due alerts. Per chat, every due row becomes one message (a single alert, an instant
 * bundle or the daily digest); rows are marked sent only after the {@link AlertSink} reports the
 * message accepted. A failure is retried with exponential backoff; a block (403) makes the chat
 * inactive and drops its pending rows. A crash between acceptance and marking can resend that one
 * message after a restart, never more (see docs/ALERTS.md).
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int CHATS_PER_PASS = 200;

    private final DeliveryStore store;
    private final AlertSink sink;
    private final AlertsOptions options;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public DeliveryWorker(DeliveryStore store, AlertSink sink, AlertsOptions options, Clock clock) {
        this.store = store;
        this.sink = sink;
        this.options = options;
        this.clock = clock;
    }

    /** Starts polling every {@code alerts.poll-interval} on a thread of its own. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alerts-delivery");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, options.pollInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::runScheduled, period, period, TimeUnit.MILLISECONDS);
    }

    private void runScheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // The next pass retries from the table; rows stay pending, so nothing is lost.
            log.warn("alert delivery pass failed, retrying in {}: {}", options.pollInterval(), e.toString(), e);
        }
    }

    /**
     * Sends everything due now, chat by chat, until nothing is due.
     *
     * @return messages accepted by the sink
     */
    public int runOnce() {
        int accepted = 0;
        List<Long> chats = store.dueChats(clock.instant(), CHATS_PER_PASS);
        while (!chats.isEmpty()) {
            int before = accepted;
            for (long chatId : chats) {
                if (Thread.currentThread().isInterrupted()) {
                    return accepted;
                }
                accepted += deliver(chatId) ? 1 : 0;
            }
            if (accepted == before) {
                break; // only failures this round: wait for their backoff instead of spinning
            }
            chats = store.dueChats(clock.instant(), CHATS_PER_PASS);
        }
        return accepted;
    }

    private boolean deliver(long chatId) {
        Instant now = clock.instant();
        DeliveryStore.ChatDue due = store.due(chatId, now);
        List<DueDelivery> rows = new ArrayList<>();
        List<Long> unsubscribed = new ArrayList<>();
        for (DueDelivery d : due.rows()) {
            if (d.topicDisplay() == null) {
                unsubscribed.add(d.id());
            } else {
                rows.add(d);
            }
        }
        store.drop(unsubscribed, "unsubscribed before delivery");
        if (rows.isEmpty()) {
            return false;
        }
        if (due.mode() instanceof DigestMode.Off) {
            store.drop(rows.stream().map(DueDelivery::id).toList(), "alerts paused");
            return false;
        }
        AlertMessage message = AlertComposer.compose(chatId, rows, due.mode() instanceof DigestMode.Daily,
                due.zone(), now);
        SendOutcome outcome;
        try {
            outcome = sink.send(message);
        } catch (RuntimeException e) {
            outcome = new SendOutcome.Failed(e.toString());
        }
        List<Long> ids = rows.stream().map(DueDelivery::id).toList();
        switch (outcome) {
            case SendOutcome.Accepted a -> {
                store.markSent(ids, now);
                return true;
            }
            case SendOutcome.Failed f -> {
                log.info("alert message to chat {} failed ({} rows, attempt {}): {}", chatId, ids.size(),
                        rows.get(0).attempts() + 1, f.reason());
                store.markFailed(rows, now, f.reason(), options);
                return false;
            }
            case SendOutcome.Blocked b -> {
                log.info("chat {} blocked the bot; deactivated, pending alerts dropped: {}", chatId, b.reason());
                store.blockChat(chatId, now, b.reason());
                return false;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }
}
