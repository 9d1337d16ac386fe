package dev.newsbrief.bench;

import dev.newsbrief.alerts.Alerts;
import dev.newsbrief.alerts.AlertsOptions;
import dev.newsbrief.alerts.DeliveryStore;
import dev.newsbrief.alerts.DeliveryWorker;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.CallbackStateStore;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.SendBudget;
import dev.newsbrief.store.StoreSettings;
import dev.newsbrief.store.SubscriptionStore;
import dev.newsbrief.telegram.BotToken;
import dev.newsbrief.telegram.OutboundSender;
import dev.newsbrief.telegram.TelegramAlertSink;
import dev.newsbrief.telegram.TelegramSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code newsbrief bench delivery --instances N}: alerts sent per second by N delivery instances
 * (each with its own store pool, claims, sender and units of the shared send budget, as N
 * {@code run} processes have)
 * against a local Bot API that enforces Telegram's limits and answers 429 to any message beyond
 * them. One instance runs on a SQLite file; several need the PostgreSQL of {@code store.postgresql.*}
 * (a scratch database without subscriptions; the bench removes its chats again). Every instance
 * first sends a warm-up round to chats of its own (a running bot has long connected and loaded its
 * send path when an article matches), the window then empties, and the measured round follows.
 * The baseline is Telegram's cap of 30 messages a second; the target is 95% of it with no 429
 * (counted over both rounds).
 */
public final class DeliveryBenchmark {
    private static final String TOKEN = "4200000:bench-delivery-token";
    private static final int CAP_PER_SECOND = 30;
    /** Alerts sent before the measured ones, to other chats: two windows' worth. */
    private static final int WARM_UP_CHATS = 2 * CAP_PER_SECOND;
    /** Longer than Telegram's one-second window: the warm-up's messages no longer count when measuring starts. */
    private static final Duration WINDOW_CLEARED = Duration.ofMillis(1500);

    private final int instances;
    private final int chats;
    private final StoreSettings store;
    private final TelegramSettings telegramSettings;
    private final AlertsOptions alertsOptions;

    /**
     * @param instances delivery instances
     * @param chats     chats, each sent one alert
     * @param store     the store: several instances need PostgreSQL
     * @param telegram  the sender's settings (the Bot API is replaced by a local one)
     * @param alerts    the delivery settings (the instant window is set to 0, concurrency to at least 4)
     */
    public DeliveryBenchmark(int instances, int chats, StoreSettings store, TelegramSettings telegram,
            AlertsOptions alerts) {
        if (instances < 1 || chats < 1) {
            throw new NewsbriefException("--instances and --chats must be at least 1");
        }
        if (instances > 1 && !store.isPostgres()) {
            throw new NewsbriefException("several instances share a PostgreSQL store: set store.backend: postgresql "
                    + "and store.postgresql.url (a scratch database)");
        }
        this.instances = instances;
        this.chats = chats;
        this.store = store;
        this.telegramSettings = telegram;
        this.alertsOptions = alerts;
    }

    /** Runs the benchmark, printing its figures; the last line is one JSON object. */
    public int run(PrintWriter out) throws Exception {
        Path tmp = Files.createTempDirectory("newsbrief-bench-delivery");
        List<AutoCloseable> open = new ArrayList<>();
        try (LocalBotApi api = new LocalBotApi(TOKEN)) {
            api.enforceTelegramLimits();
            TelegramSettings telegram = telegramSettings.withBaseUrl(java.net.URI.create(api.baseUrl()));
            AlertsOptions options = alertsOptions.withInstantWindow(Duration.ZERO)
                    .withDeliveryConcurrency(Math.max(4, alertsOptions.deliveryConcurrency()));
            List<Database> dbs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Database db = store.postgres().map(Database::openPostgres)
                        .orElseGet(() -> Database.open(tmp.resolve("newsbrief.db")));
                open.add(0, db);
                dbs.add(db);
            }
            if (new SubscriptionStore(dbs.get(0)).count() > 0) {
                throw new NewsbriefException(dbs.get(0).describe() + " already holds subscriptions; the delivery "
                        + "bench needs a scratch store without any");
            }
            List<DeliveryWorker> workers = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                OutboundSender sender = OutboundSender.connect(telegram, BotToken.of(TOKEN), new ChatStore(dbs.get(i)));
                open.add(0, sender);
                sender.shareRate(new SendBudget(dbs.get(i), CAP_PER_SECOND, SendBudget.DEFAULT_LEASE));
                workers.add(new DeliveryWorker(new DeliveryStore(dbs.get(i)),
                        new TelegramAlertSink(sender, new CallbackStateStore(dbs.get(i))), options, Clock.systemUTC()));
            }
            DeliveryStore deliveries = new DeliveryStore(dbs.get(0));
            ExecutorService threads = Executors.newFixedThreadPool(instances);
            int measuredFrom;
            try {
                // a running bot has connected to Telegram and loaded its send path long before an
                // article matches: warm every instance up on chats of their own, then let the
                // window empty, so the figure is the sustained rate and not the process's first seconds
                int warm = queueOneAlertPerChat(dbs.get(0), options, chats + 1, WARM_UP_CHATS, WARM_UP);
                deliverAll(workers, threads, deliveries, warm);
                Thread.sleep(WINDOW_CLEARED.toMillis());
                int queued = queueOneAlertPerChat(dbs.get(0), options, 1, chats, MEASURED);
                out.printf("warmed up on %d alerts; queued %d alerts, one per chat%n", warm, queued);
                measuredFrom = api.sent().size();
                deliverAll(workers, threads, deliveries, warm + chats);
            } finally {
                threads.shutdownNow();
            }
            long sentRows = deliveries.count(null, "sent") - WARM_UP_CHATS;
            forgetChats(dbs.get(0));
            List<LocalBotApi.Sent> all = api.sent();
            List<LocalBotApi.Sent> sent = all.subList(measuredFrom, all.size());
            if (sentRows < chats) {
                throw new NewsbriefException("only " + sentRows + " of " + chats + " alerts were sent in time");
            }
            double seconds = (sent.get(sent.size() - 1).nanoTime() - sent.get(0).nanoTime()) / 1e9;
            // a sliding window lets a full second's worth go at the first instant: over T seconds at
            // most cap x T + cap messages fit, so the sustained rate is (messages - cap) / T
            double rate = Math.max(0, sent.size() - CAP_PER_SECOND) / Math.max(seconds, 1e-9);
            out.printf("%d instance(s) sent %d alerts in %.2f s: sustained %.2f messages/s of Telegram's %d (%.1f%%), "
                    + "%d answered 429%n", instances, sent.size(), seconds, rate, CAP_PER_SECOND,
                    100 * rate / CAP_PER_SECOND, api.tooManyRequests());
            out.printf("{\"instances\":%d,\"messages\":%d,\"seconds\":%.3f,\"messages_per_second\":%.3f,"
                    + "\"baseline\":\"telegram cap %d msg/s\",\"ratio_vs_cap\":%.4f,\"http_429\":%d,\"warm_up_messages\":%d}%n",
                    instances, sent.size(), seconds, rate, CAP_PER_SECOND, rate / CAP_PER_SECOND, api.tooManyRequests(),
                    measuredFrom);
            out.flush();
            return 0;
        } finally {
            for (AutoCloseable c : open) {
                c.close();
            }
            deleteQuietly(tmp);
        }
    }

    /** An alert topic and an article that matches it (and not the other bench topic). */
    private record Round(String topic, String id, String title, String text) {
    }

    private static final Round WARM_UP = new Round("wheat harvest", "bench-delivery-warm-up", "Wheat harvest delayed",
            "Farmers said the wheat harvest was delayed by heavy rain across the plains.");
    private static final Round MEASURED = new Round("crude oil", "bench-delivery-1", "Crude oil prices rise",
            "Crude oil prices rose on Tuesday after producers agreed to cut output.");

    /** Private chats {@code first..first+count-1} follow the round's topic; its article queues one alert to each. */
    private int queueOneAlertPerChat(Database db, AlertsOptions options, long first, int count, Round round) {
        try (Alerts alerts = Alerts.open(db, options, Clock.systemUTC(), t -> 0)) {
            for (long chat = first; chat < first + count; chat++) {
                alerts.subscriptions().subscribe(chat, "private", round.topic());
            }
            Instant now = Instant.now();
            Article article = new Article(round.id(), "https://bench.example/" + round.id(), round.title(),
                    "Bench Wire", now, now, now, round.text(), round.id() + "-hash", null, Map.of());
            return db.inTransaction(c -> {
                new ArticleStore(db).upsert(c, article);
                return alerts.queue().onNewArticle(c, article);
            });
        }
    }

    /** Runs delivery passes on every instance at once until {@code total} alerts are sent or time is up. */
    private void deliverAll(List<DeliveryWorker> workers, ExecutorService threads, DeliveryStore deliveries,
            int total) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30 + 3L * total / CAP_PER_SECOND).toNanos();
        while (deliveries.count(null, "sent") < total && System.nanoTime() < deadline) {
            List<CompletableFuture<Integer>> passes = workers.stream()
                    .map(w -> CompletableFuture.supplyAsync(w::runOnce, threads)).toList();
            CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** Removes the bench's chats with their subscriptions and alerts, so the scratch store can run it again. */
    private void forgetChats(Database db) {
        ChatStore chatStore = new ChatStore(db);
        for (long chat = 1; chat <= chats + WARM_UP_CHATS; chat++) {
            chatStore.delete(chat);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
