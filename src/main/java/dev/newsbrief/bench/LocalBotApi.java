package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal stand-in for the Telegram Bot API on 127.0.0.1, for benchmarks that run the real bot
 * process where Telegram is unreachable: getMe, deleteWebhook, setMyCommands, sendChatAction and
 * answerCallbackQuery succeed; getUpdates long-polls a queue of questions with Telegram's offset
 * confirmation; sendMessage is recorded with the time it arrived.
 */
public final class LocalBotApi implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final long BOT_ID = 4_200_000L;

    /** A sendMessage call: the chat and when it arrived ({@link System#nanoTime()}). */
    public record Sent(long chatId, long nanoTime) {
    }

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextUpdateId;
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final Object lock = new Object();
    private volatile boolean closed;

    public LocalBotApi(String token) throws IOException {
        this(token, 1);
    }

    /**
     * @param firstUpdateId the first update's id; above any offset a reused data directory has
     *                      stored, since the bot skips updates it has already confirmed
     */
    public LocalBotApi(String token, int firstUpdateId) throws IOException {
        this.nextUpdateId = new AtomicInteger(firstUpdateId);
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues a private-chat text message from user {@code chatId}. */
    public void pushMessage(long chatId, String text) {
        ObjectNode chat = F.objectNode().put("id", chatId).put("type", "private").put("first_name", "U" + chatId);
        ObjectNode from = F.objectNode().put("id", chatId).put("is_bot", false).put("first_name", "U" + chatId);
        ObjectNode m = F.objectNode().put("message_id", nextMessageId.getAndIncrement())
                .put("date", System.currentTimeMillis() / 1000).put("text", text);
        m.set("chat", chat);
        m.set("from", from);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            m.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
        }
        synchronized (lock) {
            ObjectNode u = F.objectNode().put("update_id", nextUpdateId.getAndIncrement());
            u.set("message", m);
            updates.addLast(u);
            lock.notifyAll();
        }
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    private volatile boolean enforceLimits;
    private final java.util.ArrayDeque<Long> acceptedInLastSecond = new java.util.ArrayDeque<>();
    private final java.util.Map<Long, Long> lastToChat = new java.util.HashMap<>();
    private final java.util.Map<Long, java.util.ArrayDeque<Long>> groupMinute = new java.util.HashMap<>();
    private final AtomicInteger tooMany = new AtomicInteger();

    /**
     * From now on answers a message that would break Telegram's limits with 429 and a
     * {@code retry_after}, as Telegram does, instead of accepting it: more than 30 messages in any
     * second overall, more than one a second to a chat, more than 20 a minute to a group.
     */
    void enforceTelegramLimits() {
        enforceLimits = true;
    }

    /** Messages answered 429. */
    int tooManyRequests() {
        return tooMany.get();
    }

    /** Whether a message to {@code chatId} now breaks a limit; records it when it does not. */
    private synchronized boolean overLimit(long chatId, long now) {
        long second = 1_000_000_000L;
        while (!acceptedInLastSecond.isEmpty() && acceptedInLastSecond.peekFirst() <= now - second) {
            acceptedInLastSecond.pollFirst();
        }
        Long last = lastToChat.get(chatId);
        java.util.ArrayDeque<Long> group = chatId < 0 ? groupMinute.computeIfAbsent(chatId, k -> new java.util.ArrayDeque<>())
                : null;
        if (group != null) {
            while (!group.isEmpty() && group.peekFirst() <= now - 60 * second) {
                group.pollFirst();
            }
        }
        if (acceptedInLastSecond.size() >= 30 || (last != null && now - last < second)
                || (group != null && group.size() >= 20)) {
            return true;
        }
        acceptedInLastSecond.addLast(now);
        lastToChat.put(chatId, now);
        if (group != null) {
            group.addLast(now);
        }
        return false;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            if (parts.length < 3 || !parts[1].equals("bot" + token)) {
                respond(exchange, 401, F.objectNode().put("ok", false).put("error_code", 401)
                        .put("description", "Unauthorized"));
                return;
            }
            String method = parts[parts.length - 1].toLowerCase(java.util.Locale.ROOT);
            JsonNode body = parseBody(exchange);
            if (enforceLimits && (method.equals("sendmessage") || method.equals("editmessagetext"))
                    && overLimit(body.path("chat_id").asLong(), System.nanoTime())) {
                tooMany.incrementAndGet();
                ObjectNode e = F.objectNode().put("ok", false).put("error_code", 429)
                        .put("description", "Too Many Requests: retry after 1");
                e.set("parameters", F.objectNode().put("retry_after", 1));
                respond(exchange, 429, e);
                return;
            }
            JsonNode result = switch (method) {
                case "getme" -> F.objectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "newsbrief")
                        .put("username", "newsbrief_bench_bot");
                case "getupdates" -> getUpdates(body);
                case "sendmessage", "editmessagetext" -> {
                    sent.add(new Sent(body.path("chat_id").asLong(), System.nanoTime()));
                    ObjectNode m = F.objectNode().put("message_id", nextMessageId.getAndIncrement())
                            .put("date", System.currentTimeMillis() / 1000);
                    m.set("chat", F.objectNode().put("id", body.path("chat_id").asLong()).put("type", "private"));
                    yield m;
                }
                default -> F.booleanNode(true);
            };
            ObjectNode ok = F.objectNode().put("ok", true);
            ok.set("result", result);
            respond(exchange, 200, ok);
        }
    }

    private JsonNode getUpdates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        long deadline = System.currentTimeMillis() + body.path("timeout").asLong(0) * 1000;
        synchronized (lock) {
            // an offset confirms every update before it, as Telegram does
            while (!updates.isEmpty() && updates.peekFirst().path("update_id").asLong() < offset) {
                updates.removeFirst();
            }
            while (updates.isEmpty() && !closed && System.currentTimeMillis() < deadline) {
                try {
                    lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            ArrayNode out = F.arrayNode();
            updates.forEach(u -> out.add(u.deepCopy()));
            return out;
        }
    }

    private static JsonNode parseBody(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return F.objectNode();
        }
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.contains("x-www-form-urlencoded")) {
            ObjectNode node = F.objectNode();
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    node.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return node;
        }
        return JSON.readTree(text);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
