package dev.newsbrief.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.chat.ChatHandler;
import dev.newsbrief.chat.CommandInfo;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.lang.Messages;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Inbox;
import dev.newsbrief.store.Lease;
import dev.newsbrief.store.UpdateOffsetStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * A running bot: long polling from the stored offset, the ordered update consumer, and the
 * outbound sender. {@link #close()} shuts down gracefully: polling stops, updates in hand finish,
 * queued replies are sent, and the offset is stored.
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    static final List<String> ALLOWED_UPDATES =
            List.of("message", "callback_query", "inline_query", "my_chat_member");
    /** How often expired inline-button state is removed; buttons live days, so hourly keeps the table small. */
    private static final Duration BUTTON_SWEEP_INTERVAL = Duration.ofHours(1);

    private final TelegramBotsLongPollingApplication polling;
    private final OrderedUpdateConsumer consumer;
    private final OutboundSender sender;
    private final OkHttpClient http;
    private final String username;
    private final AtomicReference<Instant> lastPoll;
    private final ExpiredButtonSweeper sweeper;
    private final LeasedPolling lease;
    private final WebhookServer webhook;
    private final InboxWorkers inboxWorkers;

    private TelegramBot(TelegramBotsLongPollingApplication polling, OrderedUpdateConsumer consumer,
            OutboundSender sender, OkHttpClient http, String username, AtomicReference<Instant> lastPoll,
            ExpiredButtonSweeper sweeper, LeasedPolling lease, WebhookServer webhook, InboxWorkers inboxWorkers) {
        this.lease = lease;
        this.webhook = webhook;
        this.inboxWorkers = inboxWorkers;
        this.lastPoll = lastPoll;
        this.sweeper = sweeper;
        this.polling = polling;
        this.consumer = consumer;
        this.sender = sender;
        this.http = http;
        this.username = username;
    }

    /** Connects, registers the command menu and starts polling. Failures name the server, never the token. */
    public static TelegramBot start(TelegramSettings settings, BotToken token, ChatHandler handler, ChatStore chats,
            UpdateOffsetStore offsets) {
        return start(settings, token, handler, chats, offsets, new CompositeMeterRegistry());
    }

    /**
     * Like {@link #start(TelegramSettings, BotToken, ChatHandler, ChatStore, UpdateOffsetStore)},
     * counting updates, replies, 429 waits and send failures in {@code metrics}.
     */
    public static TelegramBot start(TelegramSettings settings, BotToken token, ChatHandler handler, ChatStore chats,
            UpdateOffsetStore offsets, MeterRegistry metrics) {
        return start(settings, token, handler, chats, offsets, metrics, null);
    }

    /**
     * Like the others, polling only while this process holds {@code pollingLease} (several
     * instances on one store: one polls, the others stand by and take over); null polls always.
     */
    public static TelegramBot start(TelegramSettings settings, BotToken token, ChatHandler handler, ChatStore chats,
            UpdateOffsetStore offsets, MeterRegistry metrics, Lease pollingLease) {
        return start(settings, token, handler, chats, offsets, metrics, pollingLease, null, null);
    }

    /**
     * Like the others; with {@code webhook} enabled it does not poll but serves the webhook
     * endpoint, storing Telegram's pushes in {@code inbox}, and handles the inbox's updates
     * (those any instance stored) with the same router.
     */
    public static TelegramBot start(TelegramSettings settings, BotToken token, ChatHandler handler, ChatStore chats,
            UpdateOffsetStore offsets, MeterRegistry metrics, Lease pollingLease, WebhookSettings webhook,
            Inbox inbox) {
        AtomicReference<Instant> lastPoll = new AtomicReference<>();
        TelegramUrl url = telegramUrl(settings.baseUrl());
        OkHttpClient http = TelegramHttp.forSending(settings);
        OkHttpClient pollHttp = TelegramHttp.forPolling(http, settings)
                .addInterceptor(chain -> {
                    // a successful getUpdates answer is what /healthz calls healthy polling; Bot API
                    // method names are case-insensitive and TelegramBots sends /bot<token>/getupdates
                    okhttp3.Response response = chain.proceed(chain.request());
                    if (response.isSuccessful() && isGetUpdates(chain.request().url())) {
                        lastPoll.set(Instant.now());
                    }
                    return response;
                })
                .build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, token.value(), url);
        User me;
        try {
            me = client.execute(new GetMe());
        } catch (TelegramApiException e) {
            http.dispatcher().executorService().shutdown();
            throw new NewsbriefException("cannot reach the Telegram Bot API at " + settings.baseUrl() + ": "
                    + token.redact(String.valueOf(e.getMessage())));
        }
        OutboundSender sender = new OutboundSender(client, settings, chats, token, metrics);
        registerMenus(handler, sender);

        OffsetTracker tracker = new OffsetTracker(offsets, String.valueOf(me.getId()));
        UpdateRouter router = new UpdateRouter(handler, sender, me.getId(), me.getUserName(), settings.admins(),
                settings.replyWait(), metrics);
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        ExpiredButtonSweeper sweeper = new ExpiredButtonSweeper(handler::forgetExpiredButtons, BUTTON_SWEEP_INTERVAL);
        if (webhook != null && webhook.enabled()) {
            InboxWorkers workers = new InboxWorkers(inbox, router, json, Clock.systemUTC(), settings.workers());
            try {
                WebhookServer server = WebhookServer.start(webhook, inbox, json, Clock.systemUTC(), workers::wake);
                log.info("telegram bot @{} in webhook mode (register it with `newsbrief webhook set URL`)",
                        me.getUserName());
                return new TelegramBot(null, null, sender, http, me.getUserName(), lastPoll, sweeper, null, server,
                        workers);
            } catch (RuntimeException e) {
                workers.close();
                sweeper.close();
                sender.close();
                throw e;
            }
        }
        OrderedUpdateConsumer consumer = new OrderedUpdateConsumer(router, tracker, settings.workers());
        int pollSeconds = (int) Math.max(0, settings.pollTimeout().toSeconds());
        Duration drainWait = settings.requestTimeout();
        TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(() -> json, () -> pollHttp);
        LeasedPolling leased;
        try {
            leased = new LeasedPolling(pollingLease == null ? Lease.always() : pollingLease,
                    settings.leaseRetry(), () -> {
                        tracker.resync(); // the previous holder may have moved the stored offset on
                        polling.registerBot(token.value(), () -> url,
                                ignoredLastReceived -> GetUpdates.builder()
                                        .offset((int) tracker.nextOffset(drainWait))
                                        .timeout(pollSeconds)
                                        .limit(100)
                                        .allowedUpdates(ALLOWED_UPDATES)
                                        .build(),
                                consumer);
                        // getMe succeeded and the first long poll is on its way: Telegram is reachable now. A long
                        // poll answers only when updates arrive or after poll-timeout (50 s), so without this the
                        // health check would wait that long for its first success after every restart
                        lastPoll.compareAndSet(null, Instant.now());
                        log.info("telegram bot @{} polling {} from update {}", me.getUserName(), settings.baseUrl(),
                                tracker.committed() + 1);
                    }, () -> polling.unregisterBot(token.value()));
        } catch (Exception e) {
            sweeper.close();
            sender.close();
            consumer.close();
            throw new NewsbriefException("cannot start polling the Telegram Bot API at " + settings.baseUrl() + ": "
                    + token.redact(String.valueOf(e.getMessage())));
        }
        return new TelegramBot(polling, consumer, sender, http, me.getUserName(), lastPoll, sweeper, leased, null, null);
    }

    /**
     * The command menu: English for everyone, and one per language the bot speaks, which Telegram
     * shows to users whose app is set to that language (setMyCommands with {@code language_code}).
     */
    static void registerMenus(ChatHandler handler, OutboundSender sender) {
        sender.call(SetMyCommands.builder().commands(menu(handler, "en")).build());
        for (String language : Messages.LANGUAGES) {
            if (!language.equals("en")) {
                sender.call(SetMyCommands.builder().commands(menu(handler, language)).languageCode(language).build());
            }
        }
    }

    private static List<BotCommand> menu(ChatHandler handler, String language) {
        return handler.publicCommands(language).stream()
                .map((CommandInfo c) -> new BotCommand(c.name(), c.description()))
                .toList();
    }

    /** Whether {@code url} calls getUpdates, in any spelling (Telegram matches method names case-insensitively). */
    static boolean isGetUpdates(okhttp3.HttpUrl url) {
        List<String> segments = url.pathSegments();
        return !segments.isEmpty() && segments.get(segments.size() - 1).equalsIgnoreCase(GetUpdates.PATH);
    }

    static TelegramUrl telegramUrl(URI base) {
        int port = base.getPort() >= 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
        return new TelegramUrl(base.getScheme(), base.getHost(), port, false);
    }

    /** The sending path, for alert delivery. */
    public OutboundSender sender() {
        return sender;
    }

    public String username() {
        return username;
    }

    /**
     * When a getUpdates call last succeeded (at start: when the bot connected, getMe having just
     * succeeded), or null before; for the health check.
     */
    public Instant lastSuccessfulPoll() {
        return lastPoll.get();
    }

    /** Whether this instance polls; false while another instance holds the polling lease, and in webhook mode. */
    public boolean polling() {
        return lease != null && lease.polling();
    }

    /** The webhook endpoint's port, or -1 in polling mode. */
    public int webhookPort() {
        return webhook == null ? -1 : webhook.port();
    }

    @Override
    public void close() {
        if (webhook != null) {
            webhook.close();
            inboxWorkers.close();
        } else {
            lease.close();
            try {
                polling.close();
            } catch (Exception e) {
                log.warn("stopping telegram polling failed: {}", e.getClass().getSimpleName());
            }
            consumer.shutdown(30);
        }
        sweeper.close();
        sender.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        log.info("telegram bot stopped");
    }
}
