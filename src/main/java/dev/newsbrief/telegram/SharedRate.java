package dev.newsbrief.telegram;

import dev.newsbrief.store.SendBudget;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a sender's units of the shared send budget in step with its queue, every
 * {@link #TICK}: it asks for more while messages wait on the overall limit alone (doubling, so a
 * burst has the rate within a few ticks), gives back units no message counts on when other
 * instances want them (down to its fair share while it still has messages waiting, all of them
 * when it has none), and renews its lease. Nothing is given away before the sender stops using
 * it, and nothing granted is used before the grant commits. When the lease could not be renewed
 * for {@link SendBudget#lease()} the sender stops sending until a sync succeeds again.
 */
final class SharedRate implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedRate.class);
    static final Duration TICK = Duration.ofMillis(100);
    /** How often an instance with nothing to ask or give syncs anyway: to renew, and to hear that others want. */
    static final Duration IDLE_SYNC = Duration.ofMillis(500);

    private final SendBudget budget;
    private final OutboundSender sender;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("telegram-send-budget").daemon().unstarted(r));
    private long leaseEnds = Long.MIN_VALUE;
    private boolean leaseRunning;
    private SendBudget.Grant last = new SendBudget.Grant(0, 0, 0);
    private boolean failing;
    private long lastSync;

    SharedRate(SendBudget budget, OutboundSender sender) {
        this.budget = budget;
        this.sender = sender;
    }

    void start() {
        ticker.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: give back, sync, hold what was granted (runs on the ticker thread only). */
    void tick() {
        long start = System.nanoTime();
        if (leaseRunning && start - leaseEnds > 0) {
            // the others may be granted these units a second from now: stop sending on them
            sender.holdUnits(0);
            leaseRunning = false;
        }
        OutboundSender.RateUse use = sender.rateUse(start);
        int free = use.held() - use.counted();
        int missing = use.ready() - Math.max(0, free);
        int keep = last.othersWanting() == 0 ? use.held()
                : missing > 0 ? last.fairShare() : use.counted() + use.ready();
        int held = sender.giveBack(keep, start);
        int wanted = missing > 0 ? Math.max(missing, held) : 0;
        if (leaseRunning && wanted == 0 && held == last.units() && start - lastSync < IDLE_SYNC.toNanos()) {
            return;
        }
        lastSync = start;
        try {
            SendBudget.Grant grant = budget.sync(held, wanted);
            sender.holdUnits(grant.units());
            last = grant;
            leaseEnds = start + budget.lease().toNanos();
            leaseRunning = true;
            if (failing) {
                log.info("send budget synced again: {} units held", grant.units());
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("send budget sync failed (sending on the units held until the lease lapses): {}",
                        e.getMessage());
                failing = true;
            }
        }
    }

    /** Stops syncing and gives the units back (the sender has drained). */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.holdUnits(0);
        try {
            budget.leave();
        } catch (RuntimeException e) {
            log.debug("leaving the send budget failed; the lease lapses instead: {}", e.getMessage());
        }
    }
}
