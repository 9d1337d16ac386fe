package dev.newsbrief.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.store.Inbox;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook endpoint every instance serves in webhook mode. Telegram only calls HTTPS URLs:
 * terminate TLS in front of it (a load balancer or reverse proxy spreading the calls over the
 * instances). A call without the right {@code X-Telegram-Bot-Api-Secret-Token} gets 401 and is
 * not stored; a good one is stored in the {@link Inbox} (idempotently, so a retry or a copy that
 * reached another instance changes nothing) and answered 200 at once: the inbox workers handle it.
 */
final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService threads;

    private WebhookServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts listening; {@code stored} runs after each newly stored update (to wake a worker). */
    static WebhookServer start(WebhookSettings settings, Inbox inbox, ObjectMapper json, Clock clock, Runnable stored) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        } catch (IOException e) {
            throw new NewsbriefException("cannot listen on " + settings.bind() + ":" + settings.port()
                    + " for the Telegram webhook (" + e.getMessage() + "); set telegram.webhook.port");
        }
        byte[] secret = settings.secret().getBytes(StandardCharsets.UTF_8);
        server.createContext(settings.path(), exchange -> {
            try (exchange) {
                handle(exchange, secret, inbox, json, clock, stored);
            } catch (RuntimeException e) {
                // the store failed: 500 makes Telegram retry later, and nothing was lost
                log.warn("storing a webhook update failed: {}", e.getMessage());
                exchange.sendResponseHeaders(500, -1);
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(4,
                Thread.ofPlatform().name("telegram-webhook-", 0).daemon(true).factory());
        server.setExecutor(threads);
        server.start();
        log.info("telegram webhook listening on {}:{}{}", settings.bind(), server.getAddress().getPort(), settings.path());
        return new WebhookServer(server, threads);
    }

    private static void handle(HttpExchange exchange, byte[] secret, Inbox inbox, ObjectMapper json, Clock clock,
            Runnable stored) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            exchange.sendResponseHeaders(413, -1);
            return;
        }
        Update update;
        try {
            JsonNode tree = json.readTree(body);
            update = json.treeToValue(tree, Update.class);
        } catch (IOException e) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        if (update == null || update.getUpdateId() == null) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        if (inbox.add(update.getUpdateId(), UpdateRouter.laneOf(update), new String(body, StandardCharsets.UTF_8),
                clock.instant())) {
            stored.run();
        }
        exchange.sendResponseHeaders(200, -1);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        threads.shutdown();
    }
}
