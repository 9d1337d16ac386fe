package dev.newsbrief.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due alerts. Per chat, every due row becomes one message (a single alert, an instant
 * bundle or the daily digest); rows are marked sent only after the {@link AlertSink} reports the
 * message accepted. Different chats are sent to concurrently ({@code alerts.delivery-concurrency},
 * all through the one sink, whose rate limits still apply), one message per chat at a time. A
 * failure is retried with exponential backoff; a block (403) makes the chat inactive and drops its
 * pending rows. A crash between acceptance and marking can resend the messages in flight after a
 * restart: at most one per chat and at most {@code delivery-concurrency} in all (docs/ALERTS.md).
 * Several instances on one PostgreSQL store each run a worker; a chat is sent to by one of them at
 * a time ({@link DeliveryStore#withChatClaim}).
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int CHATS_PER_PASS = 200;

    private final DeliveryStore store;
    private final AlertSink sink;
    private final AlertsOptions options;
    private final Clock clock;
    private final ReentrantLock passLock = new ReentrantLock();
    // Virtual threads: a send mostly waits for the messenger, and a pass's threads end with it.
    private final ThreadFactory sendThreads = Thread.ofVirtual().name("alerts-send-", 0).factory();
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
     * Sends everything due now until nothing is due: up to {@code alerts.delivery-concurrency}
     * chats at once, each chat in at most one send at a time (so its messages stay in order and
     * its rows are read, sent and marked by one task). It returns only when every send it started
     * has settled and been recorded, so the next pass never sees a row whose send is in flight.
     * A chat whose send failed is not tried again in the same pass (its backoff decides when).
     *
     * @return messages accepted by the sink
     */
    public int runOnce() {
        passLock.lock();
        try (ExecutorService sends = Executors.newThreadPerTaskExecutor(sendThreads)) {
            return runPass(new ExecutorCompletionService<>(sends));
        } finally {
            passLock.unlock();
        }
    }

    /** How one chat's send ended: accepted, or not (failed, blocked, nothing to send, or an error). */
    private record Delivered(long chatId, boolean accepted, RuntimeException error) {}

    private int runPass(CompletionService<Delivered> sends) {
        int concurrency = options.deliveryConcurrency();
        Set<Long> inFlight = new HashSet<>();
        Set<Long> settledWithoutSend = new HashSet<>();
        Deque<Long> waiting = new ArrayDeque<>();
        RuntimeException failure = null;
        boolean interrupted = false;
        int accepted = 0;
        while (true) {
            boolean stopping = failure != null || interrupted || Thread.currentThread().isInterrupted();
            if (!stopping && waiting.isEmpty() && inFlight.size() < concurrency) {
                for (long chatId : store.dueChats(clock.instant(),
                        CHATS_PER_PASS + inFlight.size() + settledWithoutSend.size())) {
                    if (!inFlight.contains(chatId) && !settledWithoutSend.contains(chatId)) {
                        waiting.add(chatId);
                    }
                }
            }
            while (!stopping && inFlight.size() < concurrency && !waiting.isEmpty()) {
                long chatId = waiting.poll();
                inFlight.add(chatId);
                sends.submit(() -> {
                    try {
                        return new Delivered(chatId, deliver(chatId), null);
                    } catch (RuntimeException e) {
                        return new Delivered(chatId, false, e);
                    }
                });
            }
            if (inFlight.isEmpty()) {
                break;
            }
            Delivered d;
            try {
                d = sends.take().get();
            } catch (InterruptedException e) {
                // Start nothing new, but wait for the sends in flight: returning earlier would let
                // the next pass send their still-pending rows a second time.
                interrupted = true;
                continue;
            } catch (ExecutionException e) {
                throw new AlertsException("a delivery task cannot fail outside its own handler", e);
            }
            inFlight.remove(d.chatId());
            if (d.accepted()) {
                accepted++;
            } else {
                settledWithoutSend.add(d.chatId());
            }
            if (d.error() != null && failure == null) {
                failure = d.error();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return accepted;
    }

    /** Sends the chat's due rows unless another instance is sending to it (then it is not tried this pass). */
    private boolean deliver(long chatId) {
        return store.withChatClaim(chatId, () -> deliverClaimed(chatId)).orElse(false);
    }

    private boolean deliverClaimed(long chatId) {
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
                due.zone(), due.language(), now, sink::fits);
        DeliveryOutcome outcome;
        try {
            outcome = sink.send(message);
        } catch (RuntimeException e) {
            outcome = new DeliveryOutcome.Failed(e.toString());
        }
        List<Long> ids = rows.stream().map(DueDelivery::id).toList();
        switch (outcome) {
            case DeliveryOutcome.Accepted a -> {
                store.markSent(ids, now);
                return true;
            }
            case DeliveryOutcome.Failed f -> {
                log.info("alert message to chat {} failed ({} rows, attempt {}): {}", chatId, ids.size(),
                        rows.get(0).attempts() + 1, f.reason());
                store.markFailed(rows, now, f.reason(), options);
                return false;
            }
            case DeliveryOutcome.Rejected r -> {
                // the sink logged the refusal with its reason; the rows end here, never retried
                log.debug("alert message to chat {} refused for good ({} rows): {}", chatId, ids.size(), r.reason());
                store.markRejected(rows, now, r.reason());
                return false;
            }
            case DeliveryOutcome.Blocked b -> {
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
