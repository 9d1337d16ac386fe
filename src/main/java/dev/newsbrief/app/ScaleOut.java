package dev.newsbrief.app;

import dev.newsbrief.index.IndexFollower;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.ChangeLog;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.Instances;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code run} adds when instances share a PostgreSQL store (docs/SCALING.md): the index
 * follows the store's change log (and /healthz reports its lag), and a heartbeat keeps this
 * instance in the table of live ones. (Telegram's bot-wide rate is shared through
 * {@link dev.newsbrief.store.SendBudget}, which the sender keeps.) On SQLite it does nothing.
 */
final class ScaleOut implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ScaleOut.class);
    private static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);
    private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

    private final IndexFollower follower;
    private final Instances instances;
    private final ScheduledExecutorService heartbeat;

    private ScaleOut(IndexFollower follower, Instances instances, ScheduledExecutorService heartbeat) {
        this.follower = follower;
        this.instances = instances;
        this.heartbeat = heartbeat;
    }

    static ScaleOut start(Database db, PassageIndex index, OpsWiring ops) {
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            return new ScaleOut(null, null, null);
        }
        IndexFollower follower = new IndexFollower(new ChangeLog(db), new ArticleStore(db), index);
        follower.applyOnce(); // rebuilds once when the index has no position yet
        follower.start(FOLLOW_INTERVAL);
        ops.watchIndexLag(follower);
        Instances instances = new Instances(db, Clock.systemUTC());
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("instance-heartbeat").daemon().unstarted(r));
        ScaleOut scale = new ScaleOut(follower, instances, heartbeat);
        heartbeat.scheduleWithFixedDelay(scale::beat, 0, HEARTBEAT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        log.info("instance {} on a shared PostgreSQL store: following its change log", instances.id());
        return scale;
    }

    private void beat() {
        try {
            instances.heartbeat();
        } catch (RuntimeException e) {
            log.warn("instance heartbeat failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            try {
                instances.leave();
            } catch (RuntimeException e) {
                log.debug("leaving the instances table failed: {}", e.getMessage());
            }
        }
        if (follower != null) {
            follower.close();
        }
    }
}
