package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Database;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The sender's rate limits and 429 pause, observed where the sender hands a message to its Bot
 * API client. The client answers at once, and a message is counted from before it is handed over
 * until after its answer, so every bound below holds however slowly the machine runs: nothing
 * here depends on a thread being scheduled on time (the fake Bot API's arrival times in
 * {@link TelegramBotIT} do, which is why these bounds are checked here).
 */
class OutboundSenderTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    /** One sendMessage as the client got it: when, for which chat, and whether it was answered 429. */
    record Handed(long chatId, String text, long atNanos, boolean tooMany) {}

    /** A Bot API client that answers sendMessage at once: 429 (retry after 1 s) for the first {@code limited}. */
    private static TelegramClient client(List<Handed> handed, int limited) {
        AtomicInteger tooMany = new AtomicInteger(limited);
        AtomicInteger ids = new AtomicInteger();
        return (TelegramClient) Proxy.newProxyInstance(TelegramClient.class.getClassLoader(),
                new Class<?>[] {TelegramClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute") && args.length == 1 && args[0] instanceof SendMessage m) {
                        boolean limit = tooMany.getAndDecrement() > 0;
                        handed.add(new Handed(Long.parseLong(m.getChatId()), m.getText(), System.nanoTime(), limit));
                        if (limit) {
                            throw new TelegramApiRequestException("Too Many Requests", ApiResponse.builder().ok(false)
                                    .errorCode(429).errorDescription("Too Many Requests: retry after 1")
                                    .parameters(new ResponseParameters(null, 1)).build());
                        }
                        Message sent = new Message();
                        sent.setMessageId(ids.incrementAndGet());
                        return sent;
                    }
                    return switch (method.getName()) {
                        case "toString" -> "recording client";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    private static TelegramSettings settings(int senderThreads, int globalPerSecond, Duration chatInterval) {
        return new TelegramSettings(URI.create("http://127.0.0.1:9"), null, Set.of(), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 4, senderThreads, new TelegramSettings.Rate(globalPerSecond, chatInterval, 20),
                new TelegramSettings.Retry(3, Duration.ofMillis(50), Duration.ofMillis(200)), "polling",
                TelegramSettings.Webhook.DEFAULTS);
    }

    /** Sends {@code perChat} messages to each of {@code chats} chats and waits for them all. */
    private List<Handed> sendAll(TelegramSettings settings, int chats, int perChat, int limited) {
        List<Handed> handed = new CopyOnWriteArrayList<>();
        try (Database db = Database.open(dir.resolve("sender.db"));
                OutboundSender sender = new OutboundSender(client(handed, limited), settings, new ChatStore(db),
                        BotToken.of("1234:sender-test"))) {
            List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>();
            for (int round = 0; round < perChat; round++) {
                for (int c = 1; c <= chats; c++) {
                    outcomes.add(sender.sendHtml(c, "message " + round + " to " + c, null));
                }
            }
            outcomes.forEach(o -> assertThat(o.join().accepted()).isTrue());
        }
        return handed;
    }

    @Test
    void neverMoreThanTheGlobalRateInAnySecondNorTwoToOneChatWithinItsInterval() {
        List<Handed> handed = sendAll(settings(4, 10, Duration.ofMillis(300)), 6, 4, 0);

        assertThat(handed).hasSize(24);
        List<Long> times = handed.stream().map(Handed::atNanos).sorted().toList();
        for (int i = 0; i + 10 < times.size(); i++) {
            assertThat(times.get(i + 10) - times.get(i)).as("11 messages within one second").isGreaterThanOrEqualTo(SECOND);
        }
        Map<Long, List<Long>> byChat = handed.stream().collect(Collectors.groupingBy(Handed::chatId,
                Collectors.mapping(Handed::atNanos, Collectors.toList())));
        byChat.values().forEach(ts -> {
            List<Long> sorted = ts.stream().sorted().toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i) - sorted.get(i - 1)).as("two messages to one chat within its interval")
                        .isGreaterThanOrEqualTo(300_000_000L);
            }
        });
    }

    @Test
    void a429PausesEverySendForItsRetryAfterAndItsMessageIsSentOnceAfterIt() {
        // one sender thread: no other message is on its way while the 429 is answered, so none may follow it sooner
        List<Handed> handed = sendAll(settings(1, 30, Duration.ofMillis(20)), 3, 2, 1);

        Handed limited = handed.get(0);
        assertThat(limited.tooMany()).isTrue();
        List<Handed> after = handed.subList(1, handed.size());
        assertThat(after).allSatisfy(h -> assertThat(h.atNanos() - limited.atNanos())
                .as("sent during the pause: " + h).isGreaterThanOrEqualTo(SECOND));
        Set<String> delivered = new HashSet<>();
        after.forEach(h -> assertThat(delivered.add(h.chatId() + ":" + h.text())).as("twice: " + h).isTrue());
        assertThat(delivered).hasSize(6).contains(limited.chatId() + ":" + limited.text());
    }
}
