package dev.newsbrief.app;

import dev.newsbrief.alerts.DeliveryWorker;
import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.CallbackStateStore;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.ops.LogSetup;
import dev.newsbrief.store.Inbox;
import dev.newsbrief.store.Lease;
import dev.newsbrief.store.SendBudget;
import dev.newsbrief.store.UpdateOffsetStore;
import dev.newsbrief.telegram.AlertHtml;
import dev.newsbrief.telegram.BotToken;
import dev.newsbrief.telegram.TelegramAlertSink;
import dev.newsbrief.telegram.TelegramBot;
import dev.newsbrief.telegram.TelegramSettings;
import dev.newsbrief.telegram.WebhookSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newsbrief run}: the Telegram bot. SIGTERM (or Ctrl-C) shuts down gracefully: polling
 * stops, updates in hand finish, queued replies go out, then the index and store close.
 */
@Command(name = "run", description = "Run the Telegram bot (token from TELEGRAM_BOT_TOKEN or telegram.token-file).")
final class RunCli implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCli.class);

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws InterruptedException {
        return run(common, System.getenv());
    }

    /** The token, if the environment or the configured token file provides one. */
    static Optional<BotToken> token(CommonOptions common, Map<String, String> env) {
        TelegramSettings settings = common.loadConfig().settings().telegram();
        Path file = settings.tokenFile();
        return BotToken.resolve(env, file);
    }

    static int run(CommonOptions common, Map<String, String> env) throws InterruptedException {
        Running running = start(common, env);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("newsbrief-shutdown").unstarted(() -> {
            log.info("shutting down");
            running.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Opens the data directory and starts the bot, alert delivery and the sources poller (via {@link ChatWiring}). */
    static Running start(CommonOptions common, Map<String, String> env) {
        AppContext app = AppContext.forWriting(common, "run");
        try {
            TelegramSettings settings = app.settings().telegram();
            BotToken token = BotToken.resolve(env, settings.tokenFile()).orElseThrow(() -> new NewsbriefException(
                    "no bot token: set TELEGRAM_BOT_TOKEN or telegram.token-file"));
            PassageIndex index = IndexWiring.openForWriting(app, app.settings().index());
            OpsWiring ops = app.manage(OpsWiring.start(app.config(), app.dir(), app.database(), index,
                    Clock.systemUTC()));
            ScaleOut scale = app.manage(ScaleOut.start(app.database(), index, ops));
            // ChatWiring also ingests the seeds (the first start of a new volume) and starts the sources poller
            ChatWiring.Wired wired = ChatWiring.wire(app, index, ops.registry(), Optional.of(ops.statsReport()),
                    AlertHtml::fits);
            ChatHandler handler = wired.handler();
            WebhookSettings webhook = WebhookSettings.from(settings, env);
            if (webhook.enabled()) {
                LogSetup.addSecrets(List.of(webhook.secret()));
            }
            TelegramBot bot = TelegramBot.start(settings, token, handler, new ChatStore(app.database()),
                    new UpdateOffsetStore(app.database()), ops.registry(), Lease.of(app.database(), "telegram-polling"),
                    webhook, new Inbox(app.database()));
            // a standby instance (another one holds the polling lease) is healthy without polling
            ops.watchPolling(() -> bot.polling() ? bot.lastSuccessfulPoll() : Instant.now());
            // Alerts queued by ingestion go out through the bot's one rate-limited sender.
            DeliveryWorker alerts = wired.alerts().worker(
                    new TelegramAlertSink(bot.sender(), new CallbackStateStore(app.database())));
            // Telegram's bot-wide rate, shared with the other instances of a PostgreSQL store
            bot.sender().shareRate(new SendBudget(app.database(), settings.rate().globalPerSecond(),
                    SendBudget.DEFAULT_LEASE));
            alerts.start();
            return new Running(alerts, bot, app);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** A started bot; closing stops alert delivery, then the bot, then sources, index and store. */
    record Running(DeliveryWorker alerts, TelegramBot bot, AppContext app) implements AutoCloseable {
        @Override
        public void close() {
            alerts.close();
            bot.close();
            app.close();
        }
    }
}
