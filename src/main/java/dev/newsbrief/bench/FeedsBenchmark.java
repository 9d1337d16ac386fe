package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.sources.ArticleSink;
import dev.newsbrief.sources.FeedSource;
import dev.newsbrief.sources.FetchOptions;
import dev.newsbrief.sources.PollReport;
import dev.newsbrief.sources.SourcePolling;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code newsbrief bench feeds --dir DIR}: serves every file in DIR from a local HTTP server (with
 * an ETag) and polls each as a feed through the real pipeline into a fresh temporary data
 * directory, twice: the first poll ingests every item, the second must be answered 304. Full-text
 * fetching is off, since the items link to the internet. Prints one JSON line last.
 */
public final class FeedsBenchmark {
    private final Path dir;
    private final FetchOptions fetchOptions;
    private final PassageIndex.Options indexOptions;
    private final Ingester.Options ingestOptions;

    /**
     * @param dir           folder of RSS/Atom files
     * @param fetchOptions  how feeds are fetched (politeness delay and full-text fetching are turned off)
     * @param indexOptions  the index settings
     * @param ingestOptions the ingester's settings
     */
    public FeedsBenchmark(Path dir, FetchOptions fetchOptions, PassageIndex.Options indexOptions,
            Ingester.Options ingestOptions) {
        this.dir = dir;
        this.fetchOptions = fetchOptions;
        this.indexOptions = indexOptions;
        this.ingestOptions = ingestOptions;
    }

    /** Runs the benchmark, printing its figures; the last line is one JSON object. */
    public int run(PrintWriter out) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NewsbriefException("bench feeds needs a folder of feed files, got " + dir);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        FetchOptions configured = fetchOptions;
        FetchOptions options = new FetchOptions(configured.userAgent(), configured.connectTimeout(),
                configured.readTimeout(), configured.callTimeout(), configured.maxRedirects(), configured.maxBytes(),
                Duration.ZERO, configured.maxConcurrentFetches(), configured.backoffMax(), 0);
        HttpServer server = serve(files);
        Path tmp = Files.createTempDirectory("newsbrief-bench-feeds-");
        try (Database db = Database.open(tmp.resolve("newsbrief.db"));
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(tmp.resolve("index")),
                        indexOptions)) {
            Ingester ingester = new Ingester(new ArticleStore(db), index, ingestOptions,
                    Clock.systemUTC());
            List<FeedSource> feeds = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                feeds.add(new FeedSource(files.get(i).getFileName().toString(),
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/" + i, Duration.ofMinutes(10),
                        List.of(), List.of()));
            }
            try (SourcePolling polling = new SourcePolling(options, db, ArticleSink.of(ingester), Clock.systemUTC())) {
                long t0 = System.nanoTime();
                int items = 0;
                int ingested = 0;
                int failed = 0;
                for (FeedSource feed : feeds) {
                    PollReport r = polling.poll(feed);
                    items += r.newItems();
                    ingested += r.ingested();
                    failed += r.status() == PollReport.Status.FAILED ? 1 : 0;
                }
                double first = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                int notModified = 0;
                for (FeedSource feed : feeds) {
                    notModified += polling.poll(feed).status() == PollReport.Status.NOT_MODIFIED ? 1 : 0;
                }
                double again = (System.nanoTime() - t1) / 1e9;
                out.printf("first poll: %d feeds (%d failed), %d new items, %d ingested in %.2f s%n",
                        feeds.size(), failed, items, ingested, first);
                out.printf("re-poll: %d of %d answered 304 in %.2f s%n", notModified, feeds.size(), again);
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("feeds", feeds.size());
                result.put("failed", failed);
                result.put("items", items);
                result.put("ingested", ingested);
                result.put("first_poll_s", round(first));
                result.put("items_per_s", round(items / first));
                result.put("repoll_not_modified", notModified);
                result.put("repoll_s", round(again));
                // baseline: the first, unconditional poll; conditional GET should make a re-poll nearly free
                result.put("baseline", "first_poll");
                result.put("ratio_repoll_vs_first_poll", first > 0 ? round(again / first) : 0.0);
                out.println(new ObjectMapper().writeValueAsString(result));
                out.flush();
            }
            return 0;
        } finally {
            server.stop(0);
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static HttpServer serve(List<Path> files) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                int i = Integer.parseInt(exchange.getRequestURI().getPath().substring(1));
                String etag = "\"" + i + "-" + Files.getLastModifiedTime(files.get(i)).toMillis() + "\"";
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(files.get(i));
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (IOException | RuntimeException e) {
                throw new UncheckedIOException(new IOException("bench server: " + e.getMessage(), e));
            }
        });
        server.start();
        return server;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
