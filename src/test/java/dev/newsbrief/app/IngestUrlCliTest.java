package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestUrlCliTest {
    @TempDir
    Path dir;

    @Test
    void adminIngestInTheChatUsesThePageService() throws Exception {
        HttpServer server = server();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            InputStream old = System.in;
            System.setIn(new java.io.ByteArrayInputStream(("/ingest " + base + "/ferry\n/ingest " + base + "/gone\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CliRun run;
            try {
                run = CliRun.of("chat", "--data", dir.resolve("d").toString());
            } finally {
                System.setIn(old);
            }
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Page \u201cFerry operator orders electric ships\u201d: 1 added")
                    .contains("Could not ingest " + base + "/gone: HTTP 404");
        } finally {
            server.stop(0);
        }
    }

    private HttpServer server() throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String resource = switch (path) {
                case "/ferry" -> "/sources/page.html";
                case "/solar.xml" -> "/sources/atom.xml";
                default -> null;
            };
            if (resource == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body;
                try (InputStream in = getClass().getResourceAsStream(resource)) {
                    body = in.readAllBytes();
                }
                exchange.getResponseHeaders().set("Content-Type",
                        path.endsWith(".xml") ? "application/atom+xml" : "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void httpArgumentsAreFetchedAsPagesOrFeedsBesidePaths() throws Exception {
        HttpServer server = server();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path file = Files.writeString(dir.resolve("note.txt"), "Canal reopens\n\nThe canal reopened to barges on "
                    + "Monday after a three-week closure for lock repairs, the waterways authority said.");
            Path data = dir.resolve("data");
            CliRun run = CliRun.of("ingest", "--data", data.toString(), file.toString(), base + "/ferry",
                    base + "/solar.xml", base + "/gone");
            assertThat(run.out()).contains("added 1")
                    .contains("Page \u201cFerry operator orders electric ships\u201d: 1 added")
                    .contains("Feed \u201cSolar Notes\u201d: 2 added")
                    .contains("Could not ingest " + base + "/gone: HTTP 404");
            assertThat(run.exitCode()).isEqualTo(1);
            try (Database db = Database.open(data.resolve("newsbrief.db"))) {
                assertThat(new ArticleStore(db).count()).isEqualTo(4);
            }
        } finally {
            server.stop(0);
        }
    }
}
