package dev.newsbrief.telegram.fake;

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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fake Telegram Bot API server for tests, on 127.0.0.1 and a random port. It implements getMe,
 * deleteWebhook, long-polled getUpdates (with Telegram's offset confirmation), sendMessage,
 * editMessageText, answerCallbackQuery, setMyCommands, answerInlineQuery and sendChatAction;
 * records every call; and can inject 429 with retry_after, 403, 500 and slow or hanging answers.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final long BOT_ID = 777_000L;
    public static final String BOT_USERNAME = "newsbrief_test_bot";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One recorded call. */
    public record Call(String method, JsonNode body, long nanoTime, int status) {
        public long chatId() {
            return body.path("chat_id").asLong();
        }

        public String text() {
            return body.path("text").asText();
        }
    }

    /** A fault to answer the next matching call with. */
    public sealed interface Fault {
        record Status(int code, String description, Integer retryAfter) implements Fault {}

        record Delay(Duration delay) implements Fault {}
    }

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final Object lock = new Object();

    private record FaultRule(String method, Predicate<JsonNode> when, Fault fault) {}

    public FakeBotApi(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- scripting -------------------------------------------------------------------------

    /** Queues an update; {@code update_id} is assigned; returns it. */
    public int push(ObjectNode update) {
        synchronized (lock) {
            int id = nextUpdateId.getAndIncrement();
            update.put("update_id", id);
            updates.addLast(update);
            lock.notifyAll();
            return id;
        }
    }

    /** Re-queues an update with a given id (to simulate Telegram redelivering it). */
    public void pushWithId(int id, ObjectNode update) {
        synchronized (lock) {
            update.put("update_id", id);
            updates.addLast(update);
            lock.notifyAll();
        }
    }

    // ---- webhook push mode ---------------------------------------------------------------

    private volatile String webhookUrl;
    private volatile String webhookSecret;
    private final List<java.net.URI> webhookEndpoints = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextEndpoint = new AtomicInteger();
    private final java.net.http.HttpClient webhookClient = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger webhookCalls = new AtomicInteger();

    /** The URL and secret of the last setWebhook, or null after deleteWebhook. */
    public String webhookUrl() {
        return webhookUrl;
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    /**
     * Plays the load balancer behind the registered webhook URL: pushes go to these endpoints
     * round robin (the instances' telegram.webhook endpoints), with the secret from setWebhook.
     */
    public void spreadWebhookOver(List<java.net.URI> endpoints) {
        webhookEndpoints.clear();
        webhookEndpoints.addAll(endpoints);
    }

    /**
     * Pushes an update as Telegram does in webhook mode: to the next endpoint, retried (on the
     * next one) until one answers 200. Returns the assigned update_id.
     */
    public int pushWebhook(ObjectNode update) {
        int id = nextUpdateId.getAndIncrement();
        update.put("update_id", id);
        deliverWebhook(update, 1);
        return id;
    }

    /** Pushes an already numbered update to {@code copies} endpoints (a retry that reached two instances). */
    public void redeliverWebhook(ObjectNode update, int copies) {
        deliverWebhook(update, copies);
    }

    private void deliverWebhook(ObjectNode update, int copies) {
        if (webhookSecret == null || webhookEndpoints.isEmpty()) {
            throw new IllegalStateException("no webhook set, or no endpoints to spread it over");
        }
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(update);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int delivered = 0;
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos(); // Telegram keeps retrying far longer
        while (delivered < copies && System.nanoTime() < giveUp) {
            java.net.URI target = webhookEndpoints.get(Math.floorMod(nextEndpoint.getAndIncrement(),
                    webhookEndpoints.size()));
            try {
                java.net.http.HttpResponse<Void> r = webhookClient.send(java.net.http.HttpRequest.newBuilder(target)
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .header("X-Telegram-Bot-Api-Secret-Token", webhookSecret)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                webhookCalls.incrementAndGet();
                if (r.statusCode() == 200) {
                    delivered++;
                    continue;
                }
            } catch (IOException e) {
                // that instance is down: Telegram retries, and the balancer picks another
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(100);
        }
        if (delivered == 0) {
            throw new IllegalStateException("no endpoint accepted update " + update.path("update_id"));
        }
    }

    /** The next call to {@code method} gets {@code fault}; faults queue in order. */
    public void inject(String method, Fault fault) {
        synchronized (faults) {
            faults.computeIfAbsent(method, k -> new ArrayDeque<>()).addLast(fault);
        }
    }

    /** Every call to {@code method} whose body matches gets {@code fault} (e.g. 403 for one chat). */
    public void injectAlways(String method, Predicate<JsonNode> when, Fault fault) {
        rules.add(new FaultRule(method, when, fault));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Successful sendMessage calls to {@code chatId}. */
    public List<Call> sent(long chatId) {
        return calls.stream()
                .filter(c -> c.method().equals("sendMessage") && c.status() == 200 && c.chatId() == chatId)
                .toList();
    }

    /** Waits until {@code condition} holds or fails after {@code timeout}. */
    public void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; calls: " + summary());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Call c : calls) {
            if (!c.method().equals("getUpdates")) {
                sb.append('\n').append(c.method()).append(' ').append(c.status()).append(' ').append(c.body());
            }
        }
        return sb.toString();
    }

    /** Updates not yet confirmed by a getUpdates offset. */
    public int pendingUpdates() {
        synchronized (lock) {
            return updates.size();
        }
    }

    // ---- update builders -------------------------------------------------------------------

    public static ObjectNode user(long id, String name) {
        return F.objectNode().put("id", id).put("is_bot", false).put("first_name", name);
    }

    public static ObjectNode chat(long id, String type, String title) {
        ObjectNode chat = F.objectNode().put("id", id).put("type", type);
        if (title != null) {
            chat.put("title", title);
        } else {
            chat.put("first_name", "User" + id);
        }
        return chat;
    }

    public ObjectNode message(ObjectNode chat, ObjectNode from, String text) {
        ObjectNode m = F.objectNode();
        m.put("message_id", nextMessageId.getAndIncrement());
        m.put("date", System.currentTimeMillis() / 1000);
        m.set("chat", chat);
        m.set("from", from);
        if (text != null) {
            m.put("text", text);
            if (text.startsWith("/")) {
                int end = text.indexOf(' ');
                ArrayNode entities = m.putArray("entities");
                entities.addObject().put("type", "bot_command").put("offset", 0)
                        .put("length", end < 0 ? text.length() : end);
            }
        }
        return m;
    }

    public ObjectNode messageUpdate(ObjectNode chat, ObjectNode from, String text) {
        ObjectNode u = F.objectNode();
        u.set("message", message(chat, from, text));
        return u;
    }

    public ObjectNode callbackUpdate(ObjectNode chat, ObjectNode from, String data) {
        ObjectNode q = F.objectNode();
        q.put("id", "cb" + nextMessageId.getAndIncrement());
        q.set("from", from);
        q.put("chat_instance", "ci");
        q.put("data", data);
        ObjectNode botMessage = message(chat, botUser(), "earlier answer");
        q.set("message", botMessage);
        ObjectNode u = F.objectNode();
        u.set("callback_query", q);
        return u;
    }

    public ObjectNode inlineUpdate(ObjectNode from, String query) {
        ObjectNode q = F.objectNode().put("id", "iq" + nextMessageId.getAndIncrement()).put("query", query)
                .put("offset", "");
        q.set("from", from);
        ObjectNode u = F.objectNode();
        u.set("inline_query", q);
        return u;
    }

    public ObjectNode myChatMemberUpdate(ObjectNode chat, ObjectNode from, String oldStatus, String newStatus) {
        ObjectNode change = F.objectNode();
        change.set("chat", chat);
        change.set("from", from);
        change.put("date", System.currentTimeMillis() / 1000);
        change.set("old_chat_member", F.objectNode().put("status", oldStatus).set("user", botUser()));
        ObjectNode newMember = F.objectNode().put("status", newStatus);
        newMember.set("user", botUser());
        if ("kicked".equals(newStatus)) {
            newMember.put("until_date", 0);
        }
        change.set("new_chat_member", newMember);
        ObjectNode u = F.objectNode();
        u.set("my_chat_member", change);
        return u;
    }

    public static ObjectNode botUser() {
        return F.objectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "newsbrief")
                .put("username", BOT_USERNAME);
    }

    // ---- HTTP ------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/");
            if (parts.length < 3 || !parts[1].equals("bot" + token)) {
                respond(exchange, 401, error(401, "Unauthorized", null));
                return;
            }
            String method = canonical(parts[parts.length - 1]);
            JsonNode body = parseBody(exchange);
            Fault fault = nextFault(method, body);
            if (fault instanceof Fault.Delay d) {
                sleep(d.delay().toMillis());
            } else if (fault instanceof Fault.Status s) {
                calls.add(new Call(method, body, System.nanoTime(), s.code()));
                respond(exchange, s.code(), error(s.code(), s.description(), s.retryAfter()));
                return;
            }
            JsonNode result = answer(method, body);
            if (result == null) {
                calls.add(new Call(method, body, System.nanoTime(), 404));
                respond(exchange, 404, error(404, "Not Found: method not found", null));
                return;
            }
            calls.add(new Call(method, body, System.nanoTime(), 200));
            ObjectNode ok = F.objectNode().put("ok", true);
            ok.set("result", result);
            respond(exchange, 200, ok);
        }
    }

    /** Bot API method names are case-insensitive; calls are recorded under their documented spelling. */
    private static String canonical(String method) {
        for (String known : List.of("getMe", "deleteWebhook", "setWebhook", "getUpdates", "sendMessage", "editMessageText",
                "answerCallbackQuery", "setMyCommands", "answerInlineQuery", "sendChatAction")) {
            if (known.equalsIgnoreCase(method)) {
                return known;
            }
        }
        return method;
    }

    private Fault nextFault(String method, JsonNode body) {
        for (FaultRule r : rules) {
            if (r.method().equals(method) && r.when().test(body)) {
                return r.fault();
            }
        }
        synchronized (faults) {
            Deque<Fault> q = faults.get(method);
            return q == null ? null : q.pollFirst();
        }
    }

    private JsonNode answer(String method, JsonNode body) {
        return switch (method) {
            case "getMe" -> botUser();
            case "answerCallbackQuery", "setMyCommands", "answerInlineQuery", "sendChatAction" ->
                    F.booleanNode(true);
            case "setWebhook" -> {
                webhookUrl = body.path("url").asText();
                webhookSecret = body.path("secret_token").asText(null);
                yield F.booleanNode(true);
            }
            case "deleteWebhook" -> {
                webhookUrl = null;
                webhookSecret = null;
                yield F.booleanNode(true);
            }
            case "getUpdates" -> getUpdates(body);
            case "sendMessage", "editMessageText" -> {
                ObjectNode m = F.objectNode();
                m.put("message_id", body.has("message_id") ? body.get("message_id").asInt()
                        : nextMessageId.getAndIncrement());
                m.put("date", System.currentTimeMillis() / 1000);
                m.set("chat", F.objectNode().put("id", body.path("chat_id").asLong()).put("type",
                        body.path("chat_id").asLong() < 0 ? "supergroup" : "private"));
                m.set("from", botUser());
                m.put("text", body.path("text").asText());
                yield m;
            }
            default -> null;
        };
    }

    private JsonNode getUpdates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(100);
        long timeoutMs = body.path("timeout").asLong(0) * 1000;
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (lock) {
            if (offset > 0) {
                updates.removeIf(u -> u.get("update_id").asLong() < offset);
            }
            while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    lock.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            ArrayNode out = F.arrayNode();
            for (ObjectNode u : updates) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(u.deepCopy());
            }
            return out;
        }
    }

    private static JsonNode parseBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (text.isBlank()) {
            return F.objectNode();
        }
        if (type.contains("multipart/form-data")) {
            // text parts only (setWebhook without a certificate): name="x" then a blank line then the value
            String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "").strip();
            ObjectNode node = F.objectNode();
            for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
                int name = part.indexOf("name=\"");
                int blank = part.indexOf("\r\n\r\n");
                if (name >= 0 && blank > name) {
                    String key = part.substring(name + 6, part.indexOf('"', name + 6));
                    node.put(key, part.substring(blank + 4).replaceAll("\r\n$", ""));
                }
            }
            return node;
        }
        if (type.contains("x-www-form-urlencoded")) {
            ObjectNode node = F.objectNode();
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                node.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return node;
        }
        return JSON.readTree(text);
    }

    private static ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode e = F.objectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) {
            e.set("parameters", F.objectNode().put("retry_after", retryAfter));
        }
        return e;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A list of every non-polling method called, for debugging failed assertions. */
    public List<String> methods() {
        List<String> out = new ArrayList<>();
        for (Call c : calls) {
            if (!c.method().equals("getUpdates")) {
                out.add(c.method());
            }
        }
        return out;
    }

    @Override
    public void close() {
        synchronized (lock) {
            lock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
