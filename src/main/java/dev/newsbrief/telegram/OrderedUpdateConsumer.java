package dev.newsbrief.telegram;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Hands updates to the router on its own executor: updates of different chats run concurrently,
 * updates of one chat run one after another in update-id order. Duplicates are dropped and
 * progress is recorded in the {@link OffsetTracker}.
 */
final class OrderedUpdateConsumer implements LongPollingUpdateConsumer {
    private static final Logger log = LoggerFactory.getLogger(OrderedUpdateConsumer.class);

    private final Consumer<Update> router;
    private final OffsetTracker offsets;
    private final ExecutorService executor;
    private final Map<Long, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();

    OrderedUpdateConsumer(Consumer<Update> router, OffsetTracker offsets, int threads) {
        this.router = router;
        this.offsets = offsets;
        this.executor = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("telegram-update-", 0).daemon(true).factory());
    }

    @Override
    public void consume(List<Update> updates) {
        updates.stream().sorted(Comparator.comparing(Update::getUpdateId)).forEach(this::dispatch);
    }

    private void dispatch(Update update) {
        long id = update.getUpdateId();
        if (!offsets.begin(id)) {
            log.debug("update {} already handled; ignored", id);
            return;
        }
        long lane = UpdateRouter.laneOf(update);
        // exceptionally: a failed stage must not stop the chat's later updates (handle catches all,
        // but the offset store it calls last could still throw)
        CompletableFuture<Void> next = lanes.compute(lane, (key, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail.exceptionally(e -> null))
                        .thenRunAsync(() -> handle(update, lane), executor));
        // outside compute: the callback may run at once, and it edits the same map
        next.whenComplete((v, e) -> lanes.remove(lane, next));
    }

    private void handle(Update update, long lane) {
        try {
            router.accept(update);
        } catch (Throwable e) {
            // an Error too (a bad library, a stack overflow on odd input): it is this update's
            // failure, and the chat's later updates and the offset must still move on
            log.error("update {} failed in lane {}", update.getUpdateId(), lane, e);
        } finally {
            offsets.finish(update.getUpdateId());
        }
    }

    /** Lets in-flight updates finish (up to {@code seconds}) and stops the threads. */
    void shutdown(long seconds) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(seconds, TimeUnit.SECONDS)) {
                log.warn("updates still running at shutdown; they will be fetched again on restart");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(10);
    }
}
