package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.ingest.ArticleCleaner;
import dev.newsbrief.ingest.CleaningRules;
import dev.newsbrief.ingest.HtmlArticleExtractor;
import dev.newsbrief.ingest.ParseOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the ingest path for HTML files (charset detection, {@link HtmlArticleExtractor}, then
 * {@link ArticleCleaner}) over an annotated page set in trafilatura's format: {@code evaldata.json}
 * mapping each URL to its file under {@code pages/} and the snippets that must and must not appear.
 * The text scored is the article body as ingest stores it.
 */
public final class ExtractionPages {
    /** One annotated page. */
    public record Page(String url, String file, List<String> with, List<String> without) {
    }

    /** What the product made of one page: its body, or why it was skipped, or the failure. */
    public record PageResult(Page page, String body, String skipReason, String failure,
            ExtractionScore.Counts counts) {
    }

    /** Which pages to run: all, or one of two fixed halves (by a hash of the URL), for held-out checks. */
    public enum Split {
        ALL, A, B;

        boolean includes(String url) {
            if (this == ALL) {
                return true;
            }
            // a stable hash (FNV-1a), so the halves never depend on the JVM
            int h = 0x811c9dc5;
            for (int i = 0; i < url.length(); i++) {
                h = (h ^ url.charAt(i)) * 0x01000193;
            }
            return ((h >>> 7) & 1) == (this == A ? 0 : 1);
        }
    }

    private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();
    private final ArticleCleaner cleaner = new ArticleCleaner(CleaningRules.defaults());

    /** The pages of the set in {@code dir} ({@code evaldata.json} and {@code pages/}), in file order. */
    public static List<Page> load(Path dir, Split split) throws IOException {
        Path data = dir.resolve("evaldata.json");
        if (!Files.isRegularFile(data) || !Files.isDirectory(dir.resolve("pages"))) {
            throw new NewsbriefException("not an extraction evaluation set: " + dir
                    + " needs evaldata.json and pages/");
        }
        JsonNode root = new ObjectMapper().readTree(data.toFile());
        List<Page> pages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (split.includes(e.getKey())) {
                pages.add(new Page(e.getKey(), e.getValue().path("file").asText(), strings(e.getValue().path("with")),
                        strings(e.getValue().path("without"))));
            }
        }
        return pages;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Runs every page on {@code threads} threads; results come back in the pages' order. */
    public List<PageResult> run(Path dir, List<Page> pages, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<PageResult>> futures = new ArrayList<>();
            for (Page p : pages) {
                futures.add(pool.submit(() -> run(dir.resolve("pages").resolve(p.file()), p)));
            }
            List<PageResult> out = new ArrayList<>();
            for (Future<PageResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("evaluation task failed", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One page through the ingest path; a throwing extractor is recorded, never propagated. */
    PageResult run(Path file, Page page) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            ParseOutcome outcome = extractor.extract(bytes, null, page.url(), page.file());
            return switch (outcome) {
                case ParseOutcome.Rejected r -> skipped(page, r.reason());
                case ParseOutcome.Parsed p -> {
                    String body = cleaner.clean(p.article()).body();
                    yield body.isBlank() ? skipped(page, "no article text left after cleaning")
                            : new PageResult(page, body, null, null,
                                    ExtractionScore.score(body, page.with(), page.without()));
                }
            };
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return new PageResult(page, null, null, e.toString(), ExtractionScore.score(null, page.with(),
                    page.without()));
        }
    }

    private static PageResult skipped(Page page, String reason) {
        return new PageResult(page, null, reason, null, ExtractionScore.score(null, page.with(), page.without()));
    }
}
