package dev.newsbrief.telegram;

import dev.newsbrief.chat.OutgoingMessage;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.SendBudget;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The one outbound path for everything the bot sends. Messages wait in a queue per chat (so one
 * chat's messages stay in order) and a dispatcher releases them within the {@link RateLimits}.
 * A 429 pauses all sending for its {@code retry_after} and the message is retried — none is
 * dropped; 5xx and timeouts retry with bounded exponential backoff and then give up with a log
 * line; 403 or "chat not found" marks the chat inactive and nothing more goes to it.
 *
 * <p>It is longer than most classes here because the queues, the dispatcher and the retry
 * decisions share one lock and one set of per-chat state; split apart, each piece would need the
 * others' internals.
 */
public final class OutboundSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboundSender.class);

    private final TelegramClient client;
    private final TelegramSettings settings;
    private final ChatStore chats;
    private final BotToken token;
    private final RateLimits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, ChatQueue> queues = new LinkedHashMap<>();
    private final ExecutorService workers;
    private final Thread dispatcher;
    private volatile boolean closing;
    private int pending;
    private final MeterRegistry metrics;
    private int inFlight;
    /** The keeper of this sender's units of a shared budget; null while it sends alone. */
    private volatile SharedRate sharedRate;

    /**
     * A sender with an HTTP client of its own to {@code telegram.base-url}, for callers that send
     * without running a bot (benchmarks); closing it closes the client too.
     */
    public static OutboundSender connect(TelegramSettings settings, BotToken token, ChatStore chats) {
        okhttp3.OkHttpClient http = TelegramHttp.forSending(settings);
        OutboundSender sender = new OutboundSender(new org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient(
                http, token.value(), TelegramBot.telegramUrl(settings.baseUrl())), settings, chats, token);
        sender.onClose = () -> {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        };
        return sender;
    }

    private Runnable onClose = () -> {};

    public OutboundSender(TelegramClient client, TelegramSettings settings, ChatStore chats, BotToken token) {
        this(client, settings, chats, token, new CompositeMeterRegistry());
    }

    /** @param metrics where replies sent, 429 waits and send failures are counted (names in docs/OPERATIONS.md) */
    public OutboundSender(TelegramClient client, TelegramSettings settings, ChatStore chats, BotToken token,
            MeterRegistry metrics) {
        this.metrics = metrics;
        this.client = client;
        this.settings = settings;
        this.chats = chats;
        this.token = token;
        this.limits = new RateLimits(settings.rate().globalPerSecond(), settings.rate().chatInterval().toNanos(),
                settings.rate().groupPerMinute());
        this.workers = Executors.newFixedThreadPool(settings.senderThreads(),
                Thread.ofPlatform().name("telegram-send-", 0).daemon(true).factory());
        this.dispatcher = Thread.ofPlatform().name("telegram-dispatch").daemon(true).unstarted(this::dispatchLoop);
        dispatcher.start();
    }

    /**
     * Sends HTML text to a chat, split into parts of at most 4096 characters at paragraph
     * boundaries; the buttons go on the last part. Completes when every part is settled.
     */
    public CompletableFuture<SendOutcome> sendHtml(long chatId, String html, InlineKeyboardMarkup buttons) {
        return sendParts(chatId, TelegramHtml.split(html, TelegramHtml.MAX_MESSAGE_CHARS), buttons);
    }

    /** Sends the messages of one reply in order, the buttons on the last; completes when all are settled. */
    private CompletableFuture<SendOutcome> sendParts(long chatId, List<String> parts, InlineKeyboardMarkup buttons) {
        List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            SendMessage message = SendMessage.builder()
                    .chatId(chatId)
                    .text(parts.get(i))
                    .parseMode("HTML")
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                    .replyMarkup(i == parts.size() - 1 ? buttons : null)
                    .build();
            futures.add(submit(chatId, message));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(v -> {
            SendOutcome last = null;
            for (CompletableFuture<SendOutcome> f : futures) {
                last = f.join();
                if (!last.accepted()) {
                    return last;
                }
            }
            return last;
        });
    }

    /**
     * Sends a chat-port message (text, a briefing or an alert, with its buttons), rendered by
     * {@link TelegramRenderer} — the API for callers outside this package, such as alert delivery.
     * Completes with accepted, failed(status) or blocked.
     */
    public CompletableFuture<SendOutcome> send(long chatId, OutgoingMessage message) {
        return sendParts(chatId, TelegramRenderer.messages(message.content()), TelegramRenderer.keyboard(message));
    }

    /** Blocking form of {@link #send(long, OutgoingMessage)}. */
    public SendOutcome sendAndWait(long chatId, OutgoingMessage message) {
        return send(chatId, message).join();
    }

    /** Blocking form of {@link #sendHtml} for callers such as the alert delivery worker. */
    public SendOutcome sendHtmlAndWait(long chatId, String html, InlineKeyboardMarkup buttons) {
        return sendHtml(chatId, html, buttons).join();
    }

    /** Queues one chat-bound call (sendMessage, editMessageText, ...) under the chat's rate limits. */
    public CompletableFuture<SendOutcome> submit(long chatId, BotApiMethod<? extends Serializable> method) {
        Job job = new Job(chatId, method, true);
        enqueue(job);
        return job.result;
    }

    /**
     * Performs a call that is not a message to a chat (answerCallbackQuery, answerInlineQuery,
     * setMyCommands, sendChatAction): it counts against the global limit only and is retried on
     * 429/5xx like a message. The future completes with the outcome.
     */
    public CompletableFuture<SendOutcome> call(BotApiMethod<? extends Serializable> method) {
        Job job = new Job(0, method, false);
        enqueue(job);
        return job.result;
    }

    private void enqueue(Job job) {
        lock.lock();
        try {
            if (closing) {
                job.result.complete(new SendOutcome.Failed(0, "sender is shut down"));
                return;
            }
            queues.computeIfAbsent(job.queueKey(), k -> new ChatQueue()).jobs.addLast(job);
            pending++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Shares Telegram's bot-wide rate with the other instances of a shared store through
     * {@code budget} (docs/SCALING.md): from now on this sender sends on the units it holds, which
     * a {@link SharedRate} keeps in step with what it has waiting. Alone it keeps the whole rate.
     */
    public void shareRate(SendBudget budget) {
        if (!budget.shared()) {
            return;
        }
        lock.lock();
        try {
            if (sharedRate != null) {
                throw new IllegalStateException("the sender already shares its rate");
            }
            limits.limitOverall(0);
            sharedRate = new SharedRate(budget, this);
        } finally {
            lock.unlock();
        }
        sharedRate.start();
    }

    /** This sender's use of the overall limit, for {@link SharedRate}. */
    record RateUse(int held, int counted, int ready) {}

    /** Units held, messages counted in the window, and queue heads that only the overall limit holds back. */
    RateUse rateUse(long now) {
        lock.lock();
        try {
            int ready = 0;
            for (ChatQueue q : queues.values()) {
                if (!q.busy && !q.jobs.isEmpty() && (q.retryAt == 0 || q.retryAt <= now)) {
                    Job head = q.jobs.peekFirst();
                    if (!head.chatBound || limits.waitForChat(head.chatId, now) <= 0) {
                        ready++;
                    }
                }
            }
            return new RateUse(limits.globalPerSecond(), limits.counted(now), ready);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lowers the units held towards {@code keep}, giving up only units no message counts on now;
     * returns the units still held, which the budget is told before anyone else may have them.
     */
    int giveBack(int keep, long now) {
        lock.lock();
        try {
            int held = limits.globalPerSecond();
            int release = Math.max(0, Math.min(held - keep, held - limits.counted(now)));
            limits.limitOverall(held - release);
            return held - release;
        } finally {
            lock.unlock();
        }
    }

    /** Sends on {@code units} from now on: a grant (never fewer than held), or 0 when the lease lapsed. */
    void holdUnits(int units) {
        lock.lock();
        try {
            limits.limitOverall(units);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void dispatchLoop() {
        lock.lock();
        try {
            while (!(closing && pending == 0) && !Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                long bestWait = Long.MAX_VALUE;
                Long bestKey = null;
                for (Map.Entry<Long, ChatQueue> e : queues.entrySet()) {
                    ChatQueue q = e.getValue();
                    if (q.busy || q.jobs.isEmpty()) {
                        continue;
                    }
                    Job head = q.jobs.peekFirst();
                    long wait = Math.max(q.retryAt == 0 ? 0 : q.retryAt - now,
                            head.chatBound ? limits.waitFor(head.chatId, now) : limits.waitForAny(now));
                    if (wait < bestWait) {
                        bestWait = wait;
                        bestKey = e.getKey();
                    }
                }
                if (bestKey == null || inFlight >= settings.senderThreads()) {
                    // nothing due, or every sender thread busy: a job released now would sit in the
                    // pool's queue and go out later than the limits allowed for
                    changed.await();
                } else if (bestWait > 0) {
                    changed.awaitNanos(bestWait);
                } else {
                    ChatQueue q = queues.remove(bestKey);
                    queues.put(bestKey, q); // round robin: this chat goes to the back
                    Job job = q.jobs.pollFirst();
                    q.busy = true;
                    inFlight++;
                    job.slot = limits.reserve(job.chatBound ? job.chatId : 0, now);
                    workers.execute(() -> perform(job, q));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void perform(Job job, ChatQueue queue) {
        Retry retry = null;
        try {
            if (job.chatBound && !chats.isActive(job.chatId)) {
                job.result.complete(new SendOutcome.Blocked());
                metrics.counter("newsbrief.telegram.send.failures", "reason", "blocked").increment();
            } else {
                Serializable response = client.execute(job.method);
                if (job.chatBound) {
                    metrics.counter("newsbrief.telegram.replies.sent").increment();
                }
                job.result.complete(new SendOutcome.Accepted(
                        response instanceof Message m && m.getMessageId() != null ? m.getMessageId() : 0));
            }
        } catch (TelegramApiRequestException e) {
            retry = onApiError(job, e);
        } catch (TelegramApiException | RuntimeException e) {
            retry = onTransient(job, 0, describe(e));
        }
        lock.lock();
        try {
            // the message counts against the limits from its answer on (RateLimits explains why)
            limits.settle(job.slot, System.nanoTime());
            queue.busy = false;
            inFlight--;
            if (retry != null) {
                queue.jobs.addFirst(job);
                queue.retryAt = retry.notBefore == 0 ? 1 : retry.notBefore;
            } else {
                pending--;
            }
            if (!queue.busy && queue.jobs.isEmpty()) {
                queues.values().remove(queue);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Retry onApiError(Job job, TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        String description = token.redact(Optional.ofNullable(e.getApiResponse()).orElse(e.getMessage()));
        if (code != null && code == 429) {
            int seconds = e.getParameters() != null && e.getParameters().getRetryAfter() != null
                    ? e.getParameters().getRetryAfter() : 1;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, seconds));
            lock.lock();
            try {
                limits.pauseUntil(until);
            } finally {
                lock.unlock();
            }
            metrics.counter("newsbrief.telegram.rate.limit.waits").increment();
            log.warn("telegram asked to slow down (429): pausing all sends for {}s, chat {}", seconds, job.chatId);
            return new Retry(until);
        }
        if (code != null && (code == 403 || (code == 400 && description != null
                && description.toLowerCase(java.util.Locale.ROOT).contains("chat not found")))) {
            if (job.chatBound) {
                chats.deactivate(job.chatId);
                log.info("chat {} blocked or removed the bot ({}); marked inactive", job.chatId, code);
            }
            job.result.complete(new SendOutcome.Blocked());
            metrics.counter("newsbrief.telegram.send.failures", "reason", "blocked").increment();
            return null;
        }
        if (code == null || code >= 500) {
            return onTransient(job, code == null ? 0 : code, description);
        }
        log.warn("telegram refused {} for chat {}: {} {}", job.method.getMethod(), job.chatId, code, description);
        metrics.counter("newsbrief.telegram.send.failures", "reason", "http_" + code).increment();
        job.result.complete(new SendOutcome.Failed(code, description));
        return null;
    }

    private Retry onTransient(Job job, int status, String description) {
        job.attempts++;
        if (job.attempts >= settings.retry().maxAttempts()) {
            log.warn("giving up on {} for chat {} after {} attempts: {} {}", job.method.getMethod(), job.chatId,
                    job.attempts, status, description);
            metrics.counter("newsbrief.telegram.send.failures", "reason", status == 0 ? "no_response" : "http_" + status)
                    .increment();
            job.result.complete(new SendOutcome.Failed(status, description));
            return null;
        }
        long delay = Math.min(settings.retry().maxBackoff().toNanos(),
                settings.retry().initialBackoff().toNanos() << Math.min(20, job.attempts - 1));
        log.debug("retrying {} for chat {} in {} ms after {} {}", job.method.getMethod(), job.chatId,
                delay / 1_000_000, status, description);
        return new Retry(System.nanoTime() + delay);
    }

    private String describe(Exception e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return token.redact(sb.toString());
    }

    /** Stops taking messages and waits up to {@code timeout} for queued ones to settle. */
    public void drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            closing = true;
            changed.signalAll();
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("{} outgoing messages still queued at shutdown; not sent", pending);
                    failAll();
                    break;
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void failAll() {
        for (Iterator<ChatQueue> it = queues.values().iterator(); it.hasNext(); ) {
            ChatQueue q = it.next();
            for (Job j : q.jobs) {
                j.result.complete(new SendOutcome.Failed(0, "not sent before shutdown"));
                pending--;
            }
            q.jobs.clear();
        }
    }

    @Override
    public void close() {
        drain(Duration.ofSeconds(10));
        if (sharedRate != null) {
            sharedRate.close();
        }
        dispatcher.interrupt();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        onClose.run();
    }

    private static final class ChatQueue {
        final Deque<Job> jobs = new ArrayDeque<>();
        boolean busy;
        /** System.nanoTime() before which the head may not be retried; 0 for none. */
        long retryAt;
    }

    private static final class Job {
        final long chatId;
        final BotApiMethod<? extends Serializable> method;
        final boolean chatBound;
        final CompletableFuture<SendOutcome> result = new CompletableFuture<>();
        /** Its place in the rate limits' windows while it is out (set and read under the sender's lock). */
        RateLimits.Slot slot;
        int attempts;

        Job(long chatId, BotApiMethod<? extends Serializable> method, boolean chatBound) {
            this.chatId = chatId;
            this.method = method;
            this.chatBound = chatBound;
        }

        /** Chat-bound jobs queue per chat; other calls share one queue keyed outside the chat-id space. */
        long queueKey() {
            return chatBound ? chatId : Long.MIN_VALUE;
        }
    }

    private record Retry(long notBefore) {}
}
