package dev.newsbrief.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs on a PostgreSQL channel on a connection of its own and runs a callback for each wake-up
 * (a NOTIFY, and every (re)connection, since notifications sent while disconnected are lost).
 * Wake-ups only hurry work that the store's version numbers make correct anyway. Closing stops it.
 */
public final class Notifications implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Database db;
    private final String channel;
    private final Runnable onWake;
    private final Thread thread;
    private volatile boolean running = true;

    private Notifications(Database db, String channel, Runnable onWake) {
        this.db = db;
        this.channel = channel;
        this.onWake = onWake;
        this.thread = Thread.ofPlatform().name("listen-" + channel).daemon().unstarted(this::loop);
    }

    /** Starts listening on {@code channel}; on SQLite there is nothing to listen to and it does nothing. */
    public static Notifications listen(Database db, String channel, Runnable onWake) {
        Notifications n = new Notifications(db, channel, onWake);
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            n.thread.start();
        }
        return n;
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try {
                db.read(c -> {
                    listenOn(c);
                    return null;
                });
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("listening on {} failed, reconnecting in {} ms: {}", channel, backoff.toMillis(), e.getMessage());
                    sleep(backoff);
                }
            }
        }
    }

    private void listenOn(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + channel);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        wake();
        try {
            while (running) {
                PGNotification[] got = pg.getNotifications(1000);
                if (got != null && got.length > 0) {
                    wake();
                }
            }
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("UNLISTEN " + channel);
            } catch (SQLException e) {
                // the connection is going back to the pool or is already broken; either way nobody listens
            }
        }
    }

    private void wake() {
        try {
            onWake.run();
        } catch (RuntimeException e) {
            log.warn("handling a {} notification failed: {}", channel, e.toString());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
