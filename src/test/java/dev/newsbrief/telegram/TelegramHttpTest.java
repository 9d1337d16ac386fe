package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that answers the first request on each connection and, on its kept-alive connection,
 * reads the second request in full and drops the connection without answering, as a dying proxy or a
 * restarting Bot API would. The sending client must not post that message again by itself (the
 * sender decides, within its limits); the long-poll client may repeat a {@code getUpdates}.
 */
class TelegramHttpTest {
    private static final TelegramSettings SETTINGS = new TelegramSettings(URI.create("http://127.0.0.1:1"), null,
            Set.of(), Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 1,
            new TelegramSettings.Rate(30, Duration.ofMillis(20), 20),
            new TelegramSettings.Retry(3, Duration.ofMillis(50), Duration.ofMillis(200)), "polling",
            TelegramSettings.Webhook.DEFAULTS);

    private ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();
    private Thread acceptor;

    @BeforeEach
    void startDroppingServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    readRequest(socket);
                    requests.incrementAndGet();
                    socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 11\r\n\r\n{\"ok\":true}").getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                    if (readRequest(socket)) {
                        requests.incrementAndGet();
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join(2000);
    }

    @Test
    void aSendWhoseConnectionDiesAfterTheRequestIsPostedOnce() throws IOException {
        OkHttpClient sending = TelegramHttp.forSending(SETTINGS);
        assertThat(post(sending)).isEqualTo(200);
        assertThatThrownBy(() -> post(sending)).isInstanceOf(IOException.class);
        assertThat(requests.get()).as("requests the server read").isEqualTo(2);
    }

    @Test
    void theLongPollClientMayRepeatItsRequest() throws IOException {
        OkHttpClient polling = TelegramHttp.forPolling(TelegramHttp.forSending(SETTINGS), SETTINGS).build();
        assertThat(post(polling)).isEqualTo(200);
        assertThat(post(polling)).as("repeated on a fresh connection").isEqualTo(200);
        assertThat(requests.get()).as("requests the server read").isEqualTo(3);
    }

    private int post(OkHttpClient client) throws IOException {
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + server.getLocalPort() + "/botTOKEN/sendMessage")
                .post(RequestBody.create("{\"chat_id\":1,\"text\":\"hi\"}", MediaType.get("application/json")))
                .build();
        try (var response = client.newCall(request).execute()) {
            response.body().string();
            return response.code();
        }
    }

    /** Reads the request line, the headers and a Content-Length body; false if the client closed first. */
    private static boolean readRequest(Socket socket) throws IOException {
        var in = socket.getInputStream();
        int length = 0;
        String line = readLine(in);
        if (line == null) {
            return false;
        }
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes(length);
        return true;
    }

    private static String readLine(java.io.InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return c == -1 && line.isEmpty() ? null : line.toString();
    }
}
