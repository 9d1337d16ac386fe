package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.bench.LocalBotApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the container's exact command line without a Docker engine: ENTRYPOINT + CMD, ENV and
 * WORKDIR are read from the Dockerfile, the files its COPY lines place under /app are laid out
 * in a temporary directory standing in for the image (with /data beside it), and the process
 * gets the image's environment plus what {@code docker run -e TELEGRAM_BOT_TOKEN=...} adds. The
 * only test-specific variables point the bot at a local Bot API and move the listener off 8080
 * (what {@code -p} would map). Then the HEALTHCHECK's URL must answer 200, the seeds must be
 * ingested, a question must be answered, and the token must not appear in the output.
 */
class DockerImageIT {
    private static final String TOKEN = "5123456789:AAE-dockerImageItTokenNeverLogged_0123";

    @TempDir
    Path root;

    @Test
    void theImageCommandRunsTheBotAndBecomesHealthy() throws Exception {
        Dockerfile image = Dockerfile.read(Path.of("Dockerfile"));
        Path app = root.resolve("app");
        Path data = Files.createDirectories(root.resolve("data"));
        for (Dockerfile.Copy copy : image.copies()) {
            Path source = copy.fromStage() == null ? Path.of(copy.source())
                    : Path.of(copy.source().replaceFirst("^/build/", ""));
            copyTree(source, map(copy.target(), app, data));
        }
        assertThat(app.resolve("newsbrief.jar")).isRegularFile();

        List<String> command = new ArrayList<>();
        for (String arg : image.commandLine()) {
            command.add(arg.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                    : mapped(arg, app, data));
        }
        int port = freePort();
        try (LocalBotApi api = new LocalBotApi(TOKEN)) {
            ProcessBuilder pb = new ProcessBuilder(command).directory(map(image.workdir(), app, data).toFile())
                    .redirectErrorStream(true).redirectOutput(root.resolve("container.log").toFile());
            Map<String, String> env = pb.environment();
            String path = env.get("PATH");
            env.clear();
            env.put("PATH", path);
            image.env().forEach((k, v) -> env.put(k, mapped(v, app, data)));
            env.put("TELEGRAM_BOT_TOKEN", TOKEN);
            env.put("NEWSBRIEF_TELEGRAM_BASE_URL", api.baseUrl());
            env.put("NEWSBRIEF_OPS_HTTP_PORT", String.valueOf(port));

            api.pushMessage(99L, "What did Kim Jong Un tell Shoigu?");
            Process bot = pb.start();
            try {
                String health = image.healthcheckUrl().replace(":" + image.env().get("NEWSBRIEF_OPS_HTTP_PORT") + "/",
                        ":" + port + "/");
                HttpResponse<String> r = awaitHealthy(health, bot, root.resolve("container.log"), Duration.ofMinutes(2));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).contains("\"store\"").contains("\"index\"").contains("\"telegram\"");

                long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (api.sent().stream().noneMatch(s -> s.chatId() == 99L) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(api.sent()).as("the question was answered").anyMatch(s -> s.chatId() == 99L);

                String metrics = get("http://127.0.0.1:" + port + "/metrics").body();
                assertThat(metrics).contains("newsbrief_articles_stored{").contains("jvm_memory_used_bytes");
                assertThat(data.resolve("newsbrief.db")).isRegularFile();
            } finally {
                bot.destroy();
                assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            }
        }
        String log = Files.readString(root.resolve("container.log"));
        assertThat(log).doesNotContain(TOKEN).doesNotContain("dockerImageItToken");
        // one line per update with the chat and command, never the message text
        assertThat(log).contains("[chat=99 cmd=ask] - handled message in").doesNotContain("tell Shoigu?");
    }

    private static HttpResponse<String> awaitHealthy(String url, Process bot, Path log, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            if (!bot.isAlive()) {
                throw new AssertionError("the container process exited with " + bot.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try {
                last = get(url);
                if (last.statusCode() == 200) {
                    return last;
                }
            } catch (IOException notListeningYet) {
                // starting up
            }
            Thread.sleep(200);
        }
        return last;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An absolute image path, placed under the stand-in /app or /data. */
    private static Path map(String imagePath, Path app, Path data) {
        if (imagePath.equals("/app") || imagePath.startsWith("/app/")) {
            return app.resolve(imagePath.substring("/app".length()).replaceFirst("^/", ""));
        }
        if (imagePath.equals("/data") || imagePath.startsWith("/data/")) {
            return data.resolve(imagePath.substring("/data".length()).replaceFirst("^/", ""));
        }
        throw new AssertionError("the image refers to " + imagePath + ", outside /app and /data");
    }

    private static String mapped(String value, Path app, Path data) {
        return value.startsWith("/app") || value.startsWith("/data") ? map(value, app, data).toString() : value;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
