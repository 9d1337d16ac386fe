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
import dev.newsbrief.store.Instances;
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
 * (each with its own store pool, claims, sender and rate share, as N {@code run} processes have)
 * against a local Bot API that enforces Telegram's limits and answers 429 to any message beyond
 * them. One instance runs on a SQLite file; several need the PostgreSQL of {@code store.postgresql.*}
 * (a scratch database without subscriptions; the bench removes its chats again). The baseline is
 * Telegram's cap of 30 messages a second; the target is 95% of it with no 429.
 */
public final class DeliveryBenchmark {
    private static final String TOKEN = "4200000:bench-delivery-token";
    private static final int CAP_PER_SECOND = 30;

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
            queueOneAlertPerChat(dbs.get(0), options, out);
            List<Instances> registry = new ArrayList<>();
            for (Database db : dbs) {
                registry.add(new Instances(db, Clock.systemUTC()));
            }
            registry.forEach(Instances::heartbeat); // every instance is live before any sends
            List<DeliveryWorker> workers = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                OutboundSender sender = OutboundSender.connect(telegram, BotToken.of(TOKEN), new ChatStore(dbs.get(i)));
                open.add(0, sender);
                sender.shareRateWith(registry.get(i).heartbeat());
                workers.add(new DeliveryWorker(new DeliveryStore(dbs.get(i)),
                        new TelegramAlertSink(sender, new CallbackStateStore(dbs.get(i))), options, Clock.systemUTC()));
            }
            DeliveryStore deliveries = new DeliveryStore(dbs.get(0));
            long start = System.nanoTime();
            ExecutorService threads = Executors.newFixedThreadPool(instances);
            try {
                long deadline = start + Duration.ofSeconds(30 + 3L * chats / CAP_PER_SECOND).toNanos();
                while (deliveries.count(null, "sent") < chats && System.nanoTime() < deadline) {
                    List<CompletableFuture<Integer>> passes = workers.stream()
                            .map(w -> CompletableFuture.supplyAsync(w::runOnce, threads)).toList();
                    CompletableFuture.allOf(passes.toArray(CompletableFuture[]::new)).join();
                }
            } finally {
                threads.shutdownNow();
                registry.forEach(Instances::leave);
            }
            long sentRows = deliveries.count(null, "sent");
            forgetChats(dbs.get(0));
            List<LocalBotApi.Sent> sent = api.sent();
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
                    + "\"baseline\":\"telegram cap %d msg/s\",\"ratio_vs_cap\":%.4f,\"http_429\":%d}%n",
                    instances, sent.size(), seconds, rate, CAP_PER_SECOND, rate / CAP_PER_SECOND, api.tooManyRequests());
            out.flush();
            return 0;
        } finally {
            for (AutoCloseable c : open) {
                c.close();
            }
            deleteQuietly(tmp);
        }
    }

    /** {@code chats} private chats follow one topic; one matching article queues one alert to each. */
    private void queueOneAlertPerChat(Database db, AlertsOptions options, PrintWriter out) {
        if (new SubscriptionStore(db).count() > 0) {
            throw new NewsbriefException(db.describe() + " already holds subscriptions; the delivery bench needs a "
                    + "scratch store without any");
        }
        try (Alerts alerts = Alerts.open(db, options, Clock.systemUTC(), t -> 0)) {
            for (long chat = 1; chat <= chats; chat++) {
                alerts.subscriptions().subscribe(chat, "private", "crude oil");
            }
            Instant now = Instant.now();
            Article article = new Article("bench-delivery-1", "https://bench.example/1", "Crude oil prices rise",
                    "Bench Wire", now, now, now, "Crude oil prices rose on Tuesday after producers agreed to cut output.",
                    "bench-delivery-hash", null, Map.of());
            int queued = db.inTransaction(c -> {
                new ArticleStore(db).upsert(c, article);
                return alerts.queue().onNewArticle(c, article);
            });
            out.printf("queued %d alerts, one per chat%n", queued);
        }
    }

    /** Removes the bench's chats with their subscriptions and alerts, so the scratch store can run it again. */
    private void forgetChats(Database db) {
        ChatStore chatStore = new ChatStore(db);
        for (long chat = 1; chat <= chats; chat++) {
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
